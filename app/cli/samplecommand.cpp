#include "base/error.h"
#include "commandline.h"
#include "commands.h"
#include "log/eventlog.h"
#include "output.h"
#include "samples/shopsample.h"

namespace Chronoscope::Cli {

int runSample(const QStringList &arguments)
{
    CommandLine cl(QStringLiteral("sample"),
                   QStringLiteral("LOG"),
                   QStringLiteral("Writes a generated shop history into a new log: "
                                  "customer, order and payment services, the tax change of "
                                  "2018-02-01, the CustomerRegistered schema change, gateway "
                                  "recordings, and one over-charged payment that is refunded "
                                  "later. The same --events and --seed give the same history."));
    cl.addOption({QStringLiteral("events")},
                 QStringLiteral("How many events (default 500)."),
                 QStringLiteral("N"),
                 QStringLiteral("500"));
    cl.addOption({QStringLiteral("seed")},
                 QStringLiteral("The random seed (default 1)."),
                 QStringLiteral("S"),
                 QStringLiteral("1"));
    cl.addOption({QStringLiteral("progress")}, QStringLiteral("Print progress on stderr."));
    if (!cl.parse(arguments))
        return 0;
    cl.positional(1, 1);
    ShopSampleOptions options;
    options.events = *cl.optionalInteger(QStringLiteral("events"));
    options.seed = static_cast<uint64_t>(*cl.optionalInteger(QStringLiteral("seed")));
    if (cl.isSet(QStringLiteral("progress")))
        options.progress = [](int64_t done, int64_t total) {
            printErr("progress: " + std::to_string(done) + " of " + std::to_string(total)
                     + " events");
            return true;
        };
    EventLog log(cl.logPath(), EventLog::OpenMode::CreateIfMissing);
    ShopSample::generate(log, options);
    if (cl.json())
        printJson({{"log", log.path()}, {"events", log.eventCount()}, {"seed", options.seed}});
    else
        printOut("wrote " + std::to_string(log.eventCount()) + " events of the shop history to "
                 + log.path() + " (seed " + std::to_string(options.seed) + ")");
    return 0;
}

} // namespace Chronoscope::Cli
