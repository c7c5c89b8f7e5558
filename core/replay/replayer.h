#pragma once

#include "log/corrections.h"
#include "log/snapshotstore.h"
#include "replay/model.h"
#include "replay/state.h"

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <unordered_set>
#include <vector>

namespace Chronoscope {

class EventLog;
class History;

/// Computes the state of main at any position by folding events through a model: forward,
/// backward and anywhere. Snapshots of the state are taken every `snapshotInterval` events as
/// the replay passes them and kept in memory (they share all unchanged stream states), so
/// seeking applies at most that many events once the history has been replayed; the states of
/// the last steps are kept too, so stepping back restores instead of replaying.
///
/// Events in the ignored set are skipped: the classic "ignore incorrect event X and replay
/// the rest". The log and model must outlive the replayer; use it from one thread.
class Replayer
{
public:
    static constexpr int64_t kDefaultSnapshotInterval = 512;

    /// Replays main.
    Replayer(EventLog &log, Model &model, int64_t snapshotInterval = kDefaultSnapshotInterval);
    /// Replays any history (main or a branch); the history must outlive the replayer.
    Replayer(History &history, Model &model, int64_t snapshotInterval = kDefaultSnapshotInterval);
    ~Replayer();
    History &history() { return m_history; }

    /// The seq of the last event applied; 0 before the first.
    int64_t position() const { return m_position; }
    const State &state() const { return m_state; }
    /// The last event known to the replayer (see seek()).
    int64_t head() const { return m_head; }

    /// The state after event `seq` (0: before any); events appended to the log since the
    /// replayer was made are seen. Throws Error (NotFound) past the head.
    void seek(int64_t seq);
    bool stepForward();
    bool stepBack();

    /// Replays from the position up to event `target`, calling `visit` after each event with
    /// the event (every column) and the state after it; ignored events are passed over. Stops
    /// early, after the event, when `visit` returns false. The state is synced for each visit,
    /// so this is slower than seek(): use it when every step is looked at.
    using Visitor = std::function<bool(const Event &, const State &)>;
    void forward(int64_t target, const Visitor &visit);

    /// Called every 4,096 events of a replay (seek(), stepForward(), forward()) with how many of
    /// the replay's events are done and how many it has in all; returning false stops the
    /// replay after the event it was at, so position() is short of the target (and the state is
    /// that of position()). For a window that shows progress and lets a newer request win.
    using Progress = std::function<bool(int64_t done, int64_t total)>;
    void setProgress(Progress progress) { m_progress = std::move(progress); }

    void setIgnored(std::set<int64_t> seqs);
    const std::set<int64_t> &ignored() const { return m_ignored; }

    /// One step explained: the event, its stream's state before and after, and what changed.
    struct Step
    {
        Event event;
        std::optional<nlohmann::json> before; ///< nullopt before the stream's first event
        std::optional<nlohmann::json> after;
        nlohmann::json changes; ///< RFC 6902 operations from before to after
        StepTrace trace;
        bool ignored = false;
    };
    /// Explains event `seq` and leaves the replayer after it. Reports no progress: seek to
    /// `seq - 1` first where the way there may be long.
    Step explain(int64_t seq);

    /// Stores replayed states in the log every `storedInterval` events as the replay passes them
    /// (a multiple of the snapshot interval), and starts later seeks from stored ones, so the
    /// next replayer on this log need not replay from the beginning. Not used while events are
    /// ignored, nor for a branch (stored states are main's). The store must outlive the
    /// replayer.
    void useStore(SnapshotStore *store, int64_t storedInterval);

    /// For tests and benchmarks: events applied since construction.
    int64_t eventsApplied() const { return m_applied; }
    size_t snapshotCount() const { return m_snapshots.size(); }

private:
    void restore(int64_t seq, const State &state);
    void applyUpTo(int64_t target, const Visitor *visit = nullptr);
    /// Applies what stands at `event`'s place: the event, or its corrections.
    void applyAt(const Event &event, StepTrace *trace);
    void loadStored(int64_t target);
    void passStoredBoundary(int64_t seq);
    void flushStored();

    std::unique_ptr<History> m_ownHistory; // main, when made from a log
    History &m_history;
    Corrections m_corrections; // main's merged branches
    Model &m_model;
    const int64_t m_interval;
    int64_t m_head;
    State m_state;
    int64_t m_position = 0;
    std::map<int64_t, State> m_snapshots; // after seq → state
    std::deque<std::pair<int64_t, State>> m_recent;
    std::set<int64_t> m_ignored;
    int64_t m_applied = 0;
    Progress m_progress;

    // The chain of stored states (see useStore()).
    SnapshotStore *m_store = nullptr;
    int64_t m_storedInterval = 0;
    int64_t m_storedMax = 0;   // the last link in the log
    int64_t m_loadedUpTo = 0;  // the last link read into m_snapshots
    State m_chainState;        // the state at m_loadedUpTo, built from the links
    bool m_chainValid = false; // m_dirty holds every stream changed since m_storedMax
    std::unordered_set<std::string> m_dirty;
    std::vector<SnapshotStore::Link> m_pending;
};

} // namespace Chronoscope
