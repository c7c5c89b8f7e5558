#include "base/error.h"
#include "commandline.h"
#include "commands.h"
#include "log/eventlog.h"
#include "log/logintegrity.h"
#include "log/snapshotstore.h"
#include "modelloader.h"
#include "output.h"
#include "storedstates.h"
#include "replay/replayer.h"

namespace Chronoscope::Cli {

int runVerify(const QStringList &arguments)
{
    CommandLine cl(
            QStringLiteral("verify"),
            QStringLiteral("LOG"),
            QStringLiteral("Checks that the log is whole and that replay is deterministic. First "
                           "the file: SQLite's own checks, the triggers that keep events "
                           "immutable, main dense (seq 1..N, each stream's versions 1..n), "
                           "corrections that name a merged branch, stored models that match "
                           "their hash; every problem is listed and verify exits 1. Then "
                           "replays the history three times from scratch, twice with one "
                           "instance of the model and once with another, and compares the "
                           "states at every snapshot position and at the end. Reports the first "
                           "disagreement and exits 1."));
    cl.addOption({QStringLiteral("model")},
                 QStringLiteral("Verify this JavaScript model instead of the log's."),
                 QStringLiteral("FILE.js"));
    cl.addOption({QStringLiteral("interval")},
                 QStringLiteral("Compare every N events (default 1024)."),
                 QStringLiteral("N"),
                 QStringLiteral("1024"));
    if (!cl.parse(arguments))
        return 0;
    cl.positional(1, 1);
    EventLog log(cl.logPath(), EventLog::OpenMode::Existing);
    if (const auto problems = LogIntegrity::problems(log); !problems.empty()) {
        std::string text = "the log is not whole (" + std::to_string(problems.size())
                           + (problems.size() == 1 ? " problem" : " problems") + "):";
        for (const std::string &problem : problems)
            text += "\n  " + problem;
        throw Error::failed(text);
    }
    const auto model = cl.optionalValue(QStringLiteral("model"));
    const int64_t interval = std::max<int64_t>(1, *cl.optionalInteger(QStringLiteral("interval")));
    std::unique_ptr<Model> first = loadModel(log, model);
    std::unique_ptr<Model> second = loadModel(log, model);
    const int64_t head = log.eventCount();
    std::vector<int64_t> checkpoints;
    for (int64_t seq = interval; seq < head; seq += interval)
        checkpoints.push_back(seq);
    checkpoints.push_back(head);
    auto digest = [](const State &state) {
        return std::hash<std::string>{}(state.toJson().dump());
    };

    // Pass 1 records a digest of the state at every checkpoint (its snapshots keep the states).
    Replayer reference(log, *first, interval);
    std::vector<size_t> digests;
    for (const int64_t seq : checkpoints) {
        reference.seek(seq);
        digests.push_back(digest(reference.state()));
    }
    const State finalState = reference.state();
    // Pass 2 replays again with the same model instance: state hidden in the model shows up.
    // Pass 3 replays with a second instance: time, randomness and the like show up.
    Replayer again(log, *first, interval);
    Replayer other(log, *second, interval);
    for (size_t i = 0; i < checkpoints.size(); ++i) {
        const int64_t seq = checkpoints[i];
        for (Replayer *replayer : {&again, &other}) {
            replayer->seek(seq);
            if (digest(replayer->state()) == digests[i])
                continue;
            if (seq != head)
                reference.seek(seq); // an exact snapshot: no model code runs
            const nlohmann::json expected = (seq == head ? finalState : reference.state()).toJson();
            const nlohmann::json diff = nlohmann::json::diff(expected, replayer->state().toJson());
            throw Error::failed(
                    "replay is not deterministic: after event " + std::to_string(seq)
                    + ", replaying "
                    + (replayer == &again ? "again" : "with a second instance of the model")
                    + " gives another state, first at "
                    + (diff.empty() ? std::string("/") : diff[0].value("path", "")) + " ("
                    + std::to_string(diff.size()) + " differences)");
        }
    }
    // Every state stored in the log agrees with a replay from scratch.
    const int64_t storedChecked = checkStoredStates(log, *second, interval);
    const auto compared = static_cast<int64_t>(checkpoints.size());
    if (cl.json())
        printJson({{"events", head},
                   {"compared", compared},
                   {"model", first->name()},
                   {"deterministic", true}});
    else
        printOut("ok: " + std::to_string(head) + " events replayed three times with model "
                 + first->name() + ", states agree at " + std::to_string(compared) + " points; "
                 + std::to_string(storedChecked) + " stored states checked");
    return 0;
}

} // namespace Chronoscope::Cli
