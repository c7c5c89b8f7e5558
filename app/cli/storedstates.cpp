#include "storedstates.h"

#include "base/error.h"
#include "log/eventlog.h"
#include "log/snapshotstore.h"
#include "modelloader.h"
#include "replay/model.h"
#include "replay/replayer.h"

#include <nlohmann/json.hpp>

namespace Chronoscope::Cli {

int64_t checkStoredStates(EventLog &log, Model &model, int64_t replayInterval)
{
    SnapshotStore store(log, model.hash());
    Replayer stored(log, model, replayInterval);
    stored.useStore(&store, kStoredInterval);
    Replayer fresh(log, model, replayInterval);
    int64_t checked = 0;
    for (int64_t seq = kStoredInterval; seq <= store.lastSeq(); seq += kStoredInterval) {
        stored.seek(seq);
        fresh.seek(seq);
        ++checked;
        const nlohmann::json expected = fresh.state().toJson();
        const nlohmann::json actual = stored.state().toJson();
        if (expected != actual) {
            const nlohmann::json diff = nlohmann::json::diff(expected, actual);
            throw Error::failed("the state stored after event " + std::to_string(seq)
                                + " differs from a replay, first at "
                                + (diff.empty() ? std::string("/") : diff[0].value("path", ""))
                                + "; it was made by other code with the same hash, or the replay "
                                  "is not deterministic");
        }
    }
    return checked;
}

} // namespace Chronoscope::Cli
