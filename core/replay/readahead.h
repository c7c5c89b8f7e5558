#pragma once

#include "base/eventfilter.h"

#include <cstdint>
#include <functional>

namespace Chronoscope {

class History;
struct Event;

/// Visits positions from..to of a history like History::forEach, but reads them in a thread of
/// its own, a few batches ahead of `visit`: reading the log and applying the events overlap.
/// Worth it for long ranges only (it starts a thread). The history must not be used by anyone
/// else meanwhile, `visit` included. Stops when `visit` returns false or throws; a reading error
/// is thrown here, after the events read before it were visited.
void forEachReadAhead(History &history,
                      int64_t from,
                      int64_t to,
                      EventFilter::Columns columns,
                      const std::function<bool(const Event &)> &visit);

} // namespace Chronoscope
