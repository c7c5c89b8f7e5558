#include "base/error.h"
#include "commandline.h"
#include "commands.h"
#include "history/reverter.h"
#include "history/revision.h"
#include "log/eventlog.h"
#include "output.h"

namespace Chronoscope::Cli {

int runRevert(const QStringList &arguments)
{
    CommandLine cl(QStringLiteral("revert"),
                   QStringLiteral("LOG --to REV [--reason TEXT] [--dry-run]"),
                   QStringLiteral("Reverts main to a revision the audit way: every later event is "
                                  "marked as reversed by a correction record, nothing is deleted, "
                                  "so `state main` is the state at REV while `export` still lists "
                                  "every recorded event, the reversed ones with \"reversed\". The "
                                  "revert is kept as a merged branch of its own, revert-to-SEQ. "
                                  "Refused, writing nothing, when a later event was already "
                                  "reversed or is a merge's correction."));
    cl.addOption({QStringLiteral("to")},
                 QStringLiteral("The revision of main to go back to: main@SEQ or main@TIME."),
                 QStringLiteral("REV"));
    cl.addOption({QStringLiteral("reason")},
                 QStringLiteral("Why (kept in every correction record)."),
                 QStringLiteral("TEXT"));
    cl.addOption({QStringLiteral("dry-run")},
                 QStringLiteral("Say what would be reversed; write nothing."));
    if (!cl.parse(arguments))
        return 0;
    const QStringList args = cl.positional(1, 1);
    const auto to = cl.optionalValue(QStringLiteral("to"));
    if (!to)
        throw Error::input("revert: --to REV names the revision of main to go back to");
    EventLog log(toStd(args[0]), EventLog::OpenMode::Existing);
    const Revision revision = Revision::parse(*to);
    if (revision.branch != "main")
        throw Error::input("revert: --to is a revision of main (main@SEQ or main@TIME), not of "
                           "branch \""
                           + revision.branch + "\"");
    const int64_t seq = resolveRevision(log, revision);
    const bool dryRun = cl.isSet(QStringLiteral("dry-run"));
    const Reverter::Plan plan
            = dryRun ? Reverter::plan(log, seq)
                     : Reverter::revert(
                             log, seq, cl.optionalValue(QStringLiteral("reason")).value_or(""));
    if (cl.json()) {
        printJson({{"to", plan.to},
                   {"reversed", plan.events},
                   {"first", plan.first},
                   {"last", plan.last},
                   {"branch", plan.branch},
                   {"dry_run", dryRun}});
        return 0;
    }
    const std::string range = std::to_string(plan.first) + ".." + std::to_string(plan.last);
    printOut(dryRun ? "would reverse events " + range + " (" + std::to_string(plan.events)
                              + " events) to go back to event " + std::to_string(plan.to)
                              + "; nothing written"
                    : "reversed events " + range + " (" + std::to_string(plan.events)
                              + " events) as branch " + plan.branch + "; main is at event "
                              + std::to_string(plan.to) + " again, nothing deleted");
    return 0;
}

} // namespace Chronoscope::Cli
