#include "base/error.h"
#include "commandline.h"
#include "commands.h"
#include "debug/breakpointrunner.h"
#include "history/revision.h"
#include "log/breakpointstore.h"
#include "log/eventlog.h"
#include "output.h"
#include "replaysetup.h"

namespace Chronoscope::Cli {

int runRun(const QStringList &arguments)
{
    CommandLine cl(QStringLiteral("run"),
                   QStringLiteral("LOG [--from REV] [--backward]"),
                   QStringLiteral("Runs the replay from a revision to the next event where an "
                                  "enabled breakpoint stops (see `break`), or with --backward to "
                                  "the previous one, and prints that event and the breakpoints. "
                                  "Exits with 0 at a hit and 1 when the run reached the end (or "
                                  "the beginning) without one."));
    cl.addOption({QStringLiteral("from")},
                 QStringLiteral("Start after this revision (default: main@0 forward, main "
                                "backward)."),
                 QStringLiteral("REV"));
    cl.addOption({QStringLiteral("backward")}, QStringLiteral("Run backward."));
    addReplayOptions(cl);
    if (!cl.parse(arguments))
        return 0;
    cl.positional(1, 1);
    EventLog log(cl.logPath(), EventLog::OpenMode::Existing);
    const bool backward = cl.isSet(QStringLiteral("backward"));
    const std::string from
            = cl.optionalValue(QStringLiteral("from")).value_or(backward ? "main" : "main@0");
    ReplaySetup setup = replayFor(log, cl, from);
    const int64_t start = setup.position;
    BreakpointStore store(log);
    std::vector<Breakpoint> breakpoints = store.list();
    ExpressionEngine engine;
    BreakpointRunner runner(log, *setup.replayer, engine);
    runner.setBreakpoints(breakpoints);
    setup.replayer->seek(start);
    const auto hit = backward ? runner.runBackward() : runner.runForward();
    if (!hit) {
        const std::string where = backward ? "the beginning" : "the end";
        if (cl.json())
            printJson({{"hit", nullptr}, {"position", setup.replayer->position()}});
        else
            printOut("no breakpoint stops the run: it reached " + where + " (event "
                     + std::to_string(setup.replayer->position()) + ")");
        return 1;
    }
    for (const int64_t id : hit->breakpoints)
        store.recordHit(id);
    const Event event = *setup.history->at(hit->seq);
    if (cl.json()) {
        nlohmann::ordered_json ids = hit->breakpoints;
        printJson({{"hit", eventSummary(event)}, {"breakpoints", ids}});
        return 0;
    }
    std::string text = eventLine(event) + "\n";
    for (const int64_t id : hit->breakpoints)
        for (const Breakpoint &b : breakpoints)
            if (b.id == id)
                text += "  breakpoint " + std::to_string(b.id) + ": " + Breakpoint::kindName(b.kind)
                        + " " + b.pattern + "\n";
    printOut(text);
    return 0;
}

} // namespace Chronoscope::Cli
