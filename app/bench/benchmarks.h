#pragma once

#include <cstdint>
#include <string>

namespace Chronoscope::Bench {

/// One measured figure, printed as
/// "NAME: VALUE (baseline BASELINE_NAME BASELINE, ratio R, goal >= G)".
struct Figure
{
    std::string name;
    double value = 0;
    std::string baselineName;
    double baseline = 0;
    double goal = 0; ///< 0: no goal
    std::string line() const;
};

/// Runs every benchmark on the shop history of `events` events in `directory`, printing each
/// figure as soon as it is measured.
void runAll(int64_t events, const std::string &directory);

} // namespace Chronoscope::Bench
