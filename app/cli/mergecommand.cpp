#include "base/error.h"
#include "commandline.h"
#include "commands.h"
#include "history/merger.h"
#include "log/eventlog.h"
#include "output.h"

namespace Chronoscope::Cli {

int runMerge(const QStringList &arguments)
{
    CommandLine cl(QStringLiteral("merge"),
                   QStringLiteral("LOG NAME [--reason TEXT] [--dry-run]"),
                   QStringLiteral("Brings a branch of main back onto main without deleting "
                                  "anything: each skipped or replaced event is marked as reversed "
                                  "by a correction record naming the branch and the reason; "
                                  "replacing and inserted events are appended with causation_id "
                                  "pointing at what they correct, and main's replay applies them "
                                  "in place, so `state main` is the branch's state. `export` "
                                  "still lists every recorded event, reversed ones with "
                                  "\"reversed\". A branch is merged once; a branch whose edits "
                                  "touch events main has already corrected is refused."));
    cl.addOption({QStringLiteral("reason")},
                 QStringLiteral("Why (kept in every correction record)."),
                 QStringLiteral("TEXT"));
    cl.addOption({QStringLiteral("dry-run")},
                 QStringLiteral("List the corrections the merge would append; write nothing."));
    if (!cl.parse(arguments))
        return 0;
    const QStringList args = cl.positional(2, 2);
    EventLog log(toStd(args[0]), EventLog::OpenMode::Existing);
    const std::string branch = toStd(args[1]);
    std::vector<Merger::Step> steps;
    Merger::Report report;
    const bool dryRun = cl.isSet(QStringLiteral("dry-run"));
    if (dryRun) {
        steps = Merger::plan(log, branch);
    } else {
        report = Merger::merge(
                log, branch, cl.optionalValue(QStringLiteral("reason")).value_or(""));
        steps = report.steps;
    }
    if (cl.json()) {
        nlohmann::ordered_json list = nlohmann::ordered_json::array();
        for (const auto &s : steps)
            list.push_back(
                    {{"kind", s.kind}, {"target", s.targetSeq}, {"description", s.description}});
        printJson({{"branch", branch},
                   {"merged", !dryRun},
                   {"corrections", list},
                   {"appended", report.appended},
                   {"model_changed", report.modelChanged},
                   {"events", log.eventCount()}});
        return 0;
    }
    std::string text = (dryRun ? "merging " + branch + " would:\n" : "merged " + branch + ":\n");
    for (const auto &s : steps)
        text += "  " + s.description + "\n";
    if (!dryRun)
        text += "main now has " + std::to_string(log.eventCount()) + " events ("
                + std::to_string(report.appended) + " appended)"
                + (report.modelChanged ? "; the branch's model is main's model now" : "") + "\n";
    printOut(text);
    return 0;
}

} // namespace Chronoscope::Cli
