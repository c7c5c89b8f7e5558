#pragma once

#include "debug/timelinedata.h"
#include "timelinegeometry.h"

#include <vector>

namespace Chronoscope {

/// What the timeline draws at the current zoom, decided without painting (tested without a
/// GUI). Zoomed out, each lane is drawn from the precomputed density: one block per few pixels
/// holding the count of its events. Zoomed in, when the visible events are loaded, each event is
/// a tick with its processing lag as a bar; ticks closer than a few pixels fold into a block
/// with their count. Whatever is off screen is left out, so the work follows the width of the
/// view, not the size of the log.
class TimelineLayout
{
public:
    struct Block
    {
        int lane = 0;
        double x0 = 0;
        double x1 = 0;
        int64_t count = 0;
        int64_t firstSeq = 0; ///< detailed blocks: the first event folded in; 0 for density blocks
    };
    struct Tick
    {
        int lane = 0;
        double x = 0;
        double processedX = 0; ///< equal to x when the event has no processed_at
        int64_t seq = 0;
        bool slow = false; ///< processed a minute or more after it was recorded
    };

    std::vector<Block> blocks;
    std::vector<Tick> ticks;
    bool detailed = false;

    /// Pixels per density block, and the closest two ticks may be before they fold.
    static constexpr double kBlockPixels = 3;
    static constexpr double kFoldPixels = 3;

    /// `marks`: the events of the visible range when they were loaded (null: draw from the
    /// density).
    static TimelineLayout compute(const TimelineGeometry &geometry,
                                  const TimelineData &data,
                                  const std::vector<TimelineData::Mark> *marks);
};

} // namespace Chronoscope
