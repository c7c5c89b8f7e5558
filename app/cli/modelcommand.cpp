#include "base/error.h"
#include "commandline.h"
#include "commands.h"
#include "log/eventlog.h"
#include "log/modelstore.h"
#include "modelloader.h"
#include "output.h"
#include "replay/logmodel.h"

namespace Chronoscope::Cli {

int runModel(const QStringList &arguments)
{
    CommandLine cl(QStringLiteral("model"),
                   QStringLiteral("LOG set FILE.js | show"),
                   QStringLiteral("Stores the JavaScript model the log replays with (set), or "
                                  "prints the stored one (show). A model is checked before it is "
                                  "stored; the previous ones stay in the log's history."));
    if (!cl.parse(arguments))
        return 0;
    const QStringList args = cl.positional(2, 3);
    const QString action = args[1];
    EventLog log(toStd(args[0]), EventLog::OpenMode::Existing);
    if (action == QLatin1String("set")) {
        if (args.size() != 3)
            throw Error::input("usage: chronoscope-cli model LOG set FILE.js");
        const std::string file = toStd(args[2]);
        const StoredModel stored = LogModel::set(log, readModelSource(file), file);
        if (cl.json())
            printJson({{"name", stored.name}, {"hash", stored.hash}});
        else
            printOut("stored model \"" + stored.name + "\" (sha256 " + stored.hash.substr(0, 12)
                     + ") in " + log.path());
        return 0;
    }
    if (action == QLatin1String("show") && args.size() == 2) {
        const auto stored = ModelStore::current(log);
        if (!stored)
            throw Error::notFound(log.path()
                                  + ": no model stored; the log replays with the generic "
                                    "merge-patch model");
        if (cl.json())
            printJson({{"name", stored->name},
                       {"hash", stored->hash},
                       {"set_at", Timestamp::format(stored->setAt)},
                       {"source", stored->source}});
        else
            printOut(stored->source);
        return 0;
    }
    throw Error::input("usage: chronoscope-cli model LOG set FILE.js | show");
}

} // namespace Chronoscope::Cli
