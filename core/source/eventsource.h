#pragma once

#include "io/mappedevent.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace Chronoscope {

struct SourceSlice;
struct SourceSpec;

/// One event as a store holds it, mapped to the canonical record but not yet placed in a log.
struct SourceEvent
{
    MappedEvent mapped;
    /// The store's global order: Message DB's global_position, Marten's seq_id, a table's
    /// position column, a JetStream stream sequence.
    int64_t position = 0;
    /// The id the store gives this event's cause, if it names one. It becomes the event's
    /// causation_id when the cause is in the log, else it is kept as metadata._source.causation_id.
    std::optional<std::string> causeId;
};

struct SourceRead
{
    std::vector<SourceEvent> events; ///< in the store's order
    /// The position read through: the next read starts after it. At least the last event's.
    int64_t through = 0;
};

/// A store of events that Chronoscope reads and never writes: it yields the events of a slice in
/// the store's global order, from a position on. Positions only grow, so a reader that remembers
/// the last one it read goes on from there.
///
/// A source is used from one thread at a time.
class EventSource
{
public:
    virtual ~EventSource() = default;

    /// The source as the log records it: its URI without a password.
    virtual const std::string &uri() const = 0;
    /// The position through which the store's history is final now: every event at or before it
    /// can be read, and no event will appear there later. It may lag the newest event while a
    /// writer's transaction is still open below it. Does not block; call again to see it move.
    /// Warnings (a hole given up on, for instance) are added to `warnings`.
    virtual int64_t head(std::vector<std::string> &warnings) = 0;
    /// Whether head() is waiting for the store to settle (a writer still open below the newest
    /// event).
    virtual bool settling() const = 0;
    /// The slice's events after `after` up to `through` (both positions), at most `max` of them.
    virtual SourceRead read(int64_t after, int64_t through, size_t max) = 0;
    /// How many of the slice's events lie after `after` up to `through`: what an import of
    /// them would bring (events the log already holds aside). By default the events are read
    /// and counted; a store that can count on the server does.
    virtual int64_t count(int64_t after, int64_t through);
};

struct SourceOptions
{
    /// How long head() waits for a hole in the store's order to be filled by a writer that has
    /// not committed yet before it reads past the hole (with a warning).
    int gapWaitMs = 2000;
};

/// Opens the source a URI names (see SourceSpec), connected and checked: a table or stream that
/// is not there, a column missing or of the wrong type, a refused login are Error (Input)
/// naming the source.
std::unique_ptr<EventSource>
openSource(const SourceSpec &spec, const SourceSlice &slice, const SourceOptions &options);

} // namespace Chronoscope
