#pragma once

#include "debug/causality.h"
#include "debug/readside.h"
#include "debug/watchlist.h"
#include "replay/replayer.h"
#include "replay/state.h"

#include <QMetaType>

#include <optional>
#include <string>
#include <vector>

namespace Chronoscope {

/// What the replay worker reports after a request: where the replay is, the state there, the
/// step that led to it explained, the watches evaluated there and, after a run, the breakpoints
/// that stopped it. Cheap to copy: the state shares its streams.
struct SessionUpdate
{
    uint64_t generation = 0; ///< the request this answers
    int64_t position = 0;
    int64_t head = 0;
    State state;
    std::optional<Replayer::Step> step; ///< the event at `position`, explained; none at 0
    /// The step's event as the model's reducers saw it, upcast, when that differs from the
    /// stored event (canonical JSON; empty otherwise).
    std::string upcastEvent;
    /// The step's event's causes and effects (in main's log), read with it.
    std::optional<Causality> causality;
    std::vector<WatchList::Watch> watches;
    bool ranToBreakpoint = false;
    std::vector<int64_t> breakpointsHit;
    /// How a run to a breakpoint ended when it hit none (the window words it, translated).
    enum class RunEnd { None, NoHitToEnd, NoHitToBeginning };
    RunEnd runEnded = RunEnd::None;
    /// The model's projections at `position`: checkpoints and lag behind the write side.
    std::vector<ReadSide::Status> readSide;
};

} // namespace Chronoscope

Q_DECLARE_METATYPE(Chronoscope::SessionUpdate)
