#pragma once

#include "benchmarks.h"

#include <functional>
#include <string>

namespace Chronoscope::Bench {

/// How long `work` takes, in seconds (steady clock).
double seconds(const std::function<void()> &work);
/// Prints one figure on its own line, at once.
void print(const Figure &figure);
/// Removes a log and its WAL files.
void removeLog(const std::string &path);
/// The resident set of this process, MB.
double residentMegabytes();
/// The heap in use (malloc's own count, every arena): unlike the resident size, it is not
/// blurred by memory freed earlier and kept by the allocator.
double heapMegabytes();

} // namespace Chronoscope::Bench
