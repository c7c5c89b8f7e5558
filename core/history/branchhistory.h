#pragma once

#include "log/branch.h"
#include "log/history.h"

#include <map>
#include <memory>
#include <vector>

namespace Chronoscope {

class EventLog;
class Model;
class ReprocessingCache;

/// A branch's events: its parent's up to the fork, the parent's later ones unless truncated,
/// with the edits applied in order. Kept as a short list of segments — runs of the parent's
/// positions, inserted events, replaced events — so a branch of a million-event history with a
/// few edits costs a few segments, and its events are read from the parent as they are needed.
class BranchHistory : public History
{
public:
    /// Throws Error (Input) for an edit that names an event the branch does not have after the
    /// fork point, or one an earlier edit already skipped or replaced.
    /// `hidden`: parent positions the branch does not have — the events its own merge appended
    /// to main, which it holds already as its edits.
    BranchHistory(Branch branch, std::unique_ptr<History> parent, std::vector<int64_t> hidden = {});

    /// Opens main or a branch of the log (with its parents). A branch whose model has handlers
    /// comes re-processed: a layer over it whose branch() is `regenerated` (see Reprocessor).
    /// With a cache, re-processing is remembered there, its failures too, for as long as the
    /// branch's events and model stay as they are.
    static std::unique_ptr<History>
    open(EventLog &log, const std::string &name, ReprocessingCache *cache = nullptr);
    /// The same as open(), or null when that would re-process a branch (its own, or one it
    /// forks) that no open() with this cache has re-processed as it is now: for callers that
    /// must not wait for a model's handlers and do that open() elsewhere first.
    static std::unique_ptr<History>
    openIfReady(EventLog &log, const std::string &name, ReprocessingCache &cache);

    /// The model `history` replays with: that of the nearest branch on the way to main that
    /// has one of its own, else the log's (ModelStore::load).
    static std::unique_ptr<Model> modelFor(EventLog &log, History &history);

    std::string name() const override { return m_branch.name; }
    int64_t length() override;
    void forEach(int64_t from,
                 int64_t to,
                 EventFilter::Columns columns,
                 const std::function<bool(const Event &)> &visit) override;
    std::optional<Event> at(int64_t position) override;
    std::optional<int64_t> positionOf(const std::string &id) override;

    const Branch &branch() const { return m_branch; }
    History &parent() { return *m_parent; }
    /// The events this branch (and the branches it forks) inserted or replaced, by id, with how:
    /// "inserted", "replaced", or "regenerated" (by re-processing with the model's handlers).
    std::map<std::string, std::string> editedEvents() const override;
    std::vector<BranchEdit> regeneratedEdits() const override;
    /// The same checks as the constructor.
    void check(const BranchEdit &edit) override;

private:
    static std::unique_ptr<History>
    open(EventLog &log, const std::string &name, ReprocessingCache *cache, bool onlyRemembered);

    struct Segment
    {
        int64_t parentFrom = 0; // a run of the parent's positions, when `event` is empty
        int64_t parentTo = -1;
        std::optional<Event> event; // an inserted or replacing event
        bool inserted = false;
        int64_t length() const { return event ? 1 : parentTo - parentFrom + 1; }
    };
    void build();
    void apply(const BranchEdit &edit, std::vector<Segment> &segments);
    // The segment holding a position, and the position where it starts.
    std::pair<size_t, int64_t> locate(int64_t position) const;

    Branch m_branch;
    std::unique_ptr<History> m_parent;
    std::vector<int64_t> m_hidden;
    std::vector<Segment> m_segments;
    std::vector<int64_t> m_starts; // the first position of each segment
    int64_t m_length = 0;
};

} // namespace Chronoscope
