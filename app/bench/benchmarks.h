#pragma once

#include <cstdint>
#include <string>

namespace Chronoscope::Bench {

/// One measured figure, printed as
/// "NAME: VALUE (baseline BASELINE_NAME BASELINE, ratio R, goal >= G)".
/// The goal is on the ratio, or — for figures whose goal is absolute — on the value itself
/// (">= 1000000" events per second, "<= 3" milliseconds).
struct Figure
{
    enum class Goal { None, RatioAtLeast, RatioAtMost, AtLeast, AtMost };

    std::string name;
    double value = 0;
    std::string baselineName;
    double baseline = 0;
    Goal goalKind = Goal::None;
    double goal = 0;
    std::string line() const;
};

/// Runs every benchmark on the shop history of `events` events in `directory`, printing each
/// figure as soon as it is measured.
void runAll(int64_t events, const std::string &directory);

} // namespace Chronoscope::Bench
