#include "timelinelayout.h"

#include <algorithm>
#include <cmath>

namespace Chronoscope {

namespace {

constexpr int64_t kSlowMicros = 60'000'000;

TimelineLayout densityLayout(const TimelineGeometry &geometry, const TimelineData &data)
{
    TimelineLayout layout;
    const double width = data.bucketWidth();
    const double start = static_cast<double>(data.start());
    // The buckets that intersect the visible range.
    const auto first = static_cast<int64_t>(
            std::max(0.0, std::floor((geometry.visibleFrom() - start) / width)));
    const auto last = static_cast<int64_t>(std::min<double>(
            TimelineData::kBuckets - 1, std::floor((geometry.visibleTo() - start) / width)));
    for (size_t lane = 0; lane < data.density().size(); ++lane) {
        const auto &buckets = data.density()[lane];
        TimelineLayout::Block block;
        block.lane = static_cast<int>(lane);
        block.x0 = -1;
        for (int64_t b = first; b <= last; ++b) {
            const uint32_t count = buckets[static_cast<size_t>(b)];
            if (count == 0)
                continue;
            const double x0 = geometry.xOf(start + static_cast<double>(b) * width);
            const double x1
                    = std::max(geometry.xOf(start + static_cast<double>(b + 1) * width), x0 + 1);
            // Fold buckets into blocks of a few pixels.
            if (block.count > 0 && x0 - block.x0 < TimelineLayout::kBlockPixels) {
                block.x1 = std::max(block.x1, x1);
                block.count += count;
                continue;
            }
            if (block.count > 0)
                layout.blocks.push_back(block);
            block.x0 = x0;
            block.x1 = x1;
            block.count = count;
        }
        if (block.count > 0)
            layout.blocks.push_back(block);
    }
    return layout;
}

} // namespace

TimelineLayout TimelineLayout::compute(const TimelineGeometry &geometry,
                                       const TimelineData &data,
                                       const std::vector<TimelineData::Mark> *marks)
{
    if (!marks)
        return densityLayout(geometry, data);
    TimelineLayout layout;
    layout.detailed = true;
    // Per lane, in time order: a tick for each event, or a block for a run of events closer
    // than kFoldPixels to each other.
    std::vector<std::vector<const TimelineData::Mark *>> byLane(data.lanes().size());
    for (const TimelineData::Mark &mark : *marks) {
        const double x = geometry.xOf(static_cast<double>(mark.recordedAt));
        if (mark.lane >= 0 && x >= -kFoldPixels && x <= geometry.width() + kFoldPixels)
            byLane[static_cast<size_t>(mark.lane)].push_back(&mark);
    }
    for (size_t lane = 0; lane < byLane.size(); ++lane) {
        const auto &run = byLane[lane];
        for (size_t i = 0; i < run.size();) {
            const double x = geometry.xOf(static_cast<double>(run[i]->recordedAt));
            size_t j = i + 1;
            double lastX = x;
            while (j < run.size()) {
                const double next = geometry.xOf(static_cast<double>(run[j]->recordedAt));
                if (next - lastX >= kFoldPixels)
                    break;
                lastX = next;
                ++j;
            }
            if (j - i == 1) {
                const TimelineData::Mark &mark = *run[i];
                Tick tick;
                tick.lane = static_cast<int>(lane);
                tick.x = x;
                tick.seq = mark.seq;
                tick.processedX = mark.processedAt
                                          ? geometry.xOf(static_cast<double>(*mark.processedAt))
                                          : x;
                tick.slow = mark.processedAt && *mark.processedAt - mark.recordedAt >= kSlowMicros;
                layout.ticks.push_back(tick);
            } else {
                layout.blocks.push_back({static_cast<int>(lane),
                                         x,
                                         std::max(lastX, x + 1),
                                         static_cast<int64_t>(j - i),
                                         run[i]->seq});
            }
            i = j;
        }
    }
    return layout;
}

} // namespace Chronoscope
