#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace Chronoscope::Bench {

/// The window's figures: the first frame on a log of `firstFrameEvents` events (warm: the
/// second opening), the resident memory per event it costs, and the timeline's repaint at full
/// zoom-out for each of `timelineSizes`. Needs a QApplication.
void runGuiBenchmarks(const std::string &directory,
                      int64_t firstFrameEvents,
                      const std::vector<int64_t> &timelineSizes);

} // namespace Chronoscope::Bench
