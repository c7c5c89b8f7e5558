#include "base/error.h"
#include "commandline.h"
#include "commands.h"
#include "debug/bisect.h"
#include "history/revision.h"
#include "log/eventlog.h"
#include "output.h"
#include "replaysetup.h"

namespace Chronoscope::Cli {

int runBisect(const QStringList &arguments)
{
    CommandLine cl(QStringLiteral("bisect"),
                   QStringLiteral("LOG --predicate JS [--rev REV] [--check]"),
                   QStringLiteral("Finds the first event after which a JavaScript predicate over "
                                  "`state` (and `event`) holds, in about log2(N) probes, assuming "
                                  "that once it holds it keeps holding. --check replays every "
                                  "event to confirm, and reports where the assumption breaks. "
                                  "Exits with 1 when the predicate does not hold at REV."));
    cl.addOption({QStringLiteral("predicate")},
                 QStringLiteral("e.g. 'state.streams[\"payment-104\"]?.status === \"refunded\"'."),
                 QStringLiteral("JS"));
    cl.addOption({QStringLiteral("rev")},
                 QStringLiteral("Bisect up to this revision (default: main)."),
                 QStringLiteral("REV"),
                 QStringLiteral("main"));
    cl.addOption({QStringLiteral("check")}, QStringLiteral("Confirm with a linear replay."));
    addReplayOptions(cl);
    if (!cl.parse(arguments))
        return 0;
    cl.positional(1, 1);
    const auto predicate = cl.optionalValue(QStringLiteral("predicate"));
    if (!predicate)
        throw Error::input("--predicate is required");
    EventLog log(cl.logPath(), EventLog::OpenMode::Existing);
    ReplaySetup setup = replayFor(log, cl, toStd(cl.value(QStringLiteral("rev"))));
    const int64_t upTo = setup.position;
    ExpressionEngine engine;
    const auto id = engine.compile(*predicate);
    const Bisect::Result result = Bisect::run(*setup.replayer, engine, id, upTo);
    std::optional<Bisect::LinearResult> linear;
    if (cl.isSet(QStringLiteral("check")))
        linear = Bisect::linear(*setup.replayer, engine, id, upTo);
    if (!result.first) {
        std::string message = "the predicate does not hold at "
                              + toStd(cl.value(QStringLiteral("rev"))) + " (event "
                              + std::to_string(upTo)
                              + "), so there is no first event after which it holds";
        // Held for a while and stopped: where, so the user sees what the bisection could not.
        if (linear && linear->first)
            message += "; check: a linear replay finds it holding after event "
                       + std::to_string(*linear->first)
                       + (linear->stopsHolding
                                  ? " until event " + std::to_string(*linear->stopsHolding)
                                            + ", where it stops holding"
                                  : std::string());
        else if (linear)
            message += "; check: a linear replay finds it holding after no event";
        throw Error::failed(message);
    }
    const std::optional<Event> event
            = *result.first > 0 ? setup.history->at(*result.first) : std::nullopt;

    if (cl.json()) {
        nlohmann::ordered_json out = {{"first", event ? eventSummary(*event) : nullptr},
                                      {"probes", result.probes},
                                      {"events", upTo}};
        if (linear) {
            out["linear_first"] = linear->first ? nlohmann::ordered_json(*linear->first) : nullptr;
            out["stops_holding"] = linear->stopsHolding
                                           ? nlohmann::ordered_json(*linear->stopsHolding)
                                           : nullptr;
        }
        printJson(out);
    } else {
        std::string text = event ? eventLine(*event) + "\n"
                                 : std::string("the predicate holds before the first event\n");
        text += "found in " + std::to_string(result.probes) + " probes over " + std::to_string(upTo)
                + " events\n";
        if (linear) {
            if (linear->first != result.first)
                text += "check: a linear replay finds event "
                        + (linear->first ? std::to_string(*linear->first) : std::string("none"))
                        + " instead: the predicate does not keep holding\n";
            else if (linear->stopsHolding)
                text += "check: the predicate stops holding again at event "
                        + std::to_string(*linear->stopsHolding)
                        + ", so bisect's assumption does not hold\n";
            else
                text += "check: a linear replay agrees, and the predicate keeps holding\n";
        }
        printOut(text);
    }
    const bool disagrees = linear && (linear->first != result.first || linear->stopsHolding);
    return disagrees ? 1 : 0;
}

} // namespace Chronoscope::Cli
