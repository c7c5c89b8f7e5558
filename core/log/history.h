#pragma once

#include "base/event.h"
#include "base/eventfilter.h"

#include <functional>
#include <optional>
#include <string>

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
};

} // namespace Chronoscope
