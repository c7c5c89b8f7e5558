#pragma once

#include "log/branch.h"

#include <vector>

namespace Chronoscope {

class EventLog;
class History;
class JsModel;

/// Re-processing a history with new code — the classic "fix the bug and reprocess all buggy
/// events": runs the model's `handlers` over the events that have one and works out what they
/// would have emitted, as edits of the history.
///
/// A handler's events are matched, in order and by type, with the events its source caused when
/// it was recorded (`causation_id`): an equal one needs no edit, a different one is replaced in
/// place (keeping its id, time and metadata), an extra one is inserted after the source's
/// effects, and a recorded effect of a type the listening services declare they emit that the
/// handler no longer emits is skipped. The gateway answers from the recordings of the source
/// and of its recorded effects; nothing is forwarded to the outside world.
class Reprocessor
{
public:
    Reprocessor(EventLog &log, JsModel &model);

    /// The edits for the events of `history` after position `from` (the fork point): of the
    /// sources after it, and of the sources before it whose recorded effects come after it.
    /// Throws Error (Failed) when a handler fails, naming it and the event.
    std::vector<BranchEdit> edits(History &history, int64_t from);

private:
    // The edits for one source event's handler.
    void
    reprocess(History &history, const Event &source, int64_t from, std::vector<BranchEdit> &edits);

    EventLog &m_log;
    JsModel &m_model;
};

} // namespace Chronoscope
