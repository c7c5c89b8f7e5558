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

} // namespace Chronoscope::Bench
