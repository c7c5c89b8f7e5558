#include "session/replaysetup.h"

#include "history/branchhistory.h"
#include "history/revision.h"

namespace Chronoscope {

ReplaySetup::ReplaySetup(EventLog &log, const std::string &revision)
    : ReplaySetup(log, revision, Options{})
{}

ReplaySetup::ReplaySetup(EventLog &log, const std::string &revision, Options options)
{
    const Revision rev = Revision::parse(revision);
    history = BranchHistory::open(log, rev.branch, options.reprocessing);
    position = resolveRevision(*history, rev);
    model = options.model ? std::move(options.model) : BranchHistory::modelFor(log, *history);
    replayer = std::make_unique<Replayer>(*history, *model);
    if (options.storedStates && history->isMain()) { // stored states are main's
        store = std::make_unique<SnapshotStore>(log, model->hash());
        replayer->useStore(store.get(), SnapshotStore::kInterval);
    }
    ignored = std::move(options.ignored);
    if (!ignored.empty())
        replayer->setIgnored(ignored);
}

ReplaySetup::~ReplaySetup()
{
    // The replayer uses the store, the model and the history: it goes first.
    replayer.reset();
    store.reset();
}

} // namespace Chronoscope
