#include "base/error.h"
#include "commandline.h"
#include "commands.h"
#include "log/eventlog.h"
#include "log/snapshotstore.h"
#include "modelloader.h"
#include "output.h"
#include "storedstates.h"

namespace Chronoscope::Cli {

int runSnapshots(const QStringList &arguments)
{
    CommandLine cl(QStringLiteral("snapshots"),
                   QStringLiteral("LOG list | verify | drop"),
                   QStringLiteral("The replayed states stored in the log (every 16,384 events, "
                                  "per model): list what is stored, for which model and how "
                                  "large; verify each against a replay from scratch; drop them "
                                  "all, so the next replay rebuilds them from the events."));
    cl.addOption({QStringLiteral("model")},
                 QStringLiteral("With verify: the model whose stored states to check (default: "
                                "the log's)."),
                 QStringLiteral("FILE.js"));
    if (!cl.parse(arguments))
        return 0;
    const QStringList args = cl.positional(2, 2);
    const QString action = args[1];
    EventLog log(toStd(args[0]), EventLog::OpenMode::Existing);
    if (action == QLatin1String("list")) {
        const std::string current = loadModel(log, std::nullopt)->hash();
        const auto summaries = SnapshotStore::summaries(log);
        if (cl.json()) {
            nlohmann::ordered_json list = nlohmann::ordered_json::array();
            for (const auto &s : summaries)
                list.push_back({{"model_hash", s.modelHash},
                                {"current", s.modelHash == current},
                                {"states", s.links},
                                {"first_seq", s.firstSeq},
                                {"last_seq", s.lastSeq},
                                {"bytes", s.bytes}});
            printJson(list);
            return 0;
        }
        std::string text;
        for (const auto &s : summaries)
            text += s.modelHash.substr(0, 12) + "  " + std::to_string(s.links)
                    + " states, after events " + std::to_string(s.firstSeq) + ".."
                    + std::to_string(s.lastSeq) + ", " + std::to_string(s.bytes) + " bytes"
                    + (s.modelHash == current ? "  (the log's model)" : "") + "\n";
        printOut(text.empty() ? std::string("no stored states") : text);
        return 0;
    }
    if (action == QLatin1String("verify")) {
        const auto model = loadModel(log, cl.optionalValue(QStringLiteral("model")));
        const int64_t checked = checkStoredStates(log, *model, 1024);
        if (cl.json())
            printJson({{"model", model->name()}, {"checked", checked}, {"agree", true}});
        else
            printOut("ok: " + std::to_string(checked) + " stored states of model " + model->name()
                     + " agree with a replay from scratch");
        return 0;
    }
    if (action == QLatin1String("drop")) {
        int64_t states = 0;
        int64_t bytes = 0;
        for (const auto &s : SnapshotStore::summaries(log)) {
            states += s.links;
            bytes += s.bytes;
        }
        SnapshotStore::removeAll(log);
        if (cl.json())
            printJson({{"dropped", states}, {"bytes", bytes}});
        else
            printOut("dropped " + std::to_string(states) + " stored states ("
                     + std::to_string(bytes)
                     + " bytes); the next replay rebuilds them from the events");
        return 0;
    }
    throw Error::input("the action is list, verify or drop, not \"" + toStd(action) + "\"");
}

} // namespace Chronoscope::Cli
