#pragma once

#include "base/event.h"
#include "log/corrections.h"
#include "log/branch.h"
#include "base/eventfilter.h"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace Chronoscope {

/// An ordered sequence of events that a replay walks: main (the recorded events), or a branch
/// (its parent's events with the branch's edits applied). Positions count from 1; an event
/// handed out carries its position in `seq`.
class History
{
public:
    virtual ~History() = default;

    /// "main", or the branch's name.
    virtual std::string name() const = 0;
    /// How many events it has now (main grows as events are appended).
    virtual int64_t length() = 0;
    /// Visits positions from..to (inclusive) in order, reading the columns asked for; stops when
    /// `visit` returns false. May be called from another thread than the one that made the
    /// history, as long as no one else uses the history meanwhile (see forEachReadAhead).
    virtual void forEach(int64_t from,
                         int64_t to,
                         EventFilter::Columns columns,
                         const std::function<bool(const Event &)> &visit)
            = 0;
    /// The event at a position; nullopt outside 1..length().
    virtual std::optional<Event> at(int64_t position) = 0;
    /// The position of the event with this id; nullopt when it is not in this history.
    virtual std::optional<int64_t> positionOf(const std::string &id) = 0;
    /// Whether positions are the log's seqs (main), so that the log's indexes answer queries.
    virtual bool isMain() const { return false; }

    /// The position of the last event recorded before `time` (in this history's order); 0 when
    /// there is none. The default reads every event; main asks the log's index.
    virtual int64_t lastPositionBefore(Timestamp::Micros time);
    /// Visits the events of one stream up to a position, in order, every column; stops when
    /// `visit` returns false. The default reads every event; main asks the log's index.
    virtual void forEachOfStream(const std::string &stream,
                                 int64_t upTo,
                                 const std::function<bool(const Event &)> &visit);
    /// What merged branches change in this history's replay (main's; none elsewhere).
    virtual Corrections corrections() { return {}; }
    /// The events this history inserted or replaced, by id, with how: "inserted", "replaced" or
    /// "regenerated" (by re-processing with a model's handlers). None on main.
    virtual std::map<std::string, std::string> editedEvents() const { return {}; }
    /// The edits re-processing with its model's handlers derived (what they changed is part of
    /// the fix a merge carries).
    virtual std::vector<BranchEdit> regeneratedEdits() const { return {}; }
    /// Checks that an edit applies to this history as it is, without keeping it; throws Error
    /// (Input) when it does not — always on main, which is the recorded history.
    virtual void check(const BranchEdit &edit);
};

} // namespace Chronoscope
