#include "base/error.h"
#include "commandline.h"
#include "commands.h"
#include "history/historydiff.h"
#include "log/eventlog.h"
#include "output.h"
#include "replaysetup.h"
#include "session/comparison.h"

namespace Chronoscope::Cli {

namespace {

nlohmann::ordered_json refs(const std::vector<HistoryDiff::EventRef> &list)
{
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto &r : list)
        out.push_back({{"a", r.positionA}, {"b", r.positionB}, {"id", r.id}, {"type", r.type}});
    return out;
}

} // namespace

int runDiff(const QStringList &arguments)
{
    CommandLine cl(QStringLiteral("diff"),
                   QStringLiteral("LOG REV_A REV_B [--events] [--other-log LOG2]"),
                   QStringLiteral("Compares two revisions (main@N, a branch, a time). Without "
                                  "--events: the difference of their states as RFC 6902 "
                                  "operations (--json) or path: before -> after. With --events: "
                                  "the histories aligned event by event (by id, then by place): "
                                  "the first divergence, events only in A, only in B, and changed "
                                  "ones. --other-log makes REV_B a revision of LOG2 (production "
                                  "and test databases)."));
    cl.addOption({QStringLiteral("events")}, QStringLiteral("Compare the events, not the states."));
    cl.addOption({QStringLiteral("other-log")},
                 QStringLiteral("REV_B is a revision of this log."),
                 QStringLiteral("LOG2"));
    addReplayOptions(cl);
    if (!cl.parse(arguments))
        return 0;
    const QStringList args = cl.positional(3, 3);
    EventLog logA(toStd(args[0]), EventLog::OpenMode::Existing);
    std::unique_ptr<EventLog> other;
    if (const auto path = cl.optionalValue(QStringLiteral("other-log")))
        other = std::make_unique<EventLog>(*path, EventLog::OpenMode::Existing);
    EventLog &logB = other ? *other : logA;
    ReplaySetup a = replayFor(logA, cl, toStd(args[1]));
    ReplaySetup b = replayFor(logB, cl, toStd(args[2]));

    if (cl.isSet(QStringLiteral("events"))) {
        const HistoryDiff::Events d
                = HistoryDiff::events(*a.history, a.position, *b.history, b.position);
        if (cl.json()) {
            printJson({{"first_divergence",
                        d.firstDivergence ? nlohmann::ordered_json(*d.firstDivergence) : nullptr},
                       {"events_a", d.lengthA},
                       {"events_b", d.lengthB},
                       {"only_in_a", refs(d.onlyInA)},
                       {"only_in_b", refs(d.onlyInB)},
                       {"changed", refs(d.changed)}});
        } else {
            std::string text = "A " + toStd(args[1]) + ": " + std::to_string(d.lengthA)
                               + " events; B " + toStd(args[2]) + ": " + std::to_string(d.lengthB)
                               + " events\n";
            text += Comparison::readable(d, 50, "--json lists all");
            printOut(text);
        }
        return 0;
    }

    a.replayer->seek(a.position);
    b.replayer->seek(b.position);
    const nlohmann::json operations = HistoryDiff::states(a.replayer->state(), b.replayer->state());
    if (cl.json())
        printOut(operations.dump(2));
    else
        printOut(toStd(args[1]) + " -> " + toStd(args[2]) + ": " + std::to_string(operations.size())
                 + " operations\n" + Comparison::readable(operations, a.replayer->state()));
    return 0;
}

} // namespace Chronoscope::Cli
