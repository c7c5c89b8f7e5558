#pragma once

#include "base/breakpoint.h"
#include "debug/expressionengine.h"

#include <atomic>
#include <functional>
#include <optional>
#include <vector>

namespace Chronoscope {

class EventLog;
class Replayer;
class State;
struct Event;

/// Runs a replayer forward or backward to the next event where a breakpoint stops, like a
/// debugger's continue and reverse-continue.
///
/// Runs that only involve type, stream and source breakpoints are answered by the log's index
/// and a single seek. Condition and change breakpoints evaluate their expression after every
/// event; running backward replays the history in blocks from the nearest snapshots before the
/// position, nearest block first, so it costs about as much as running forward the same
/// distance.
class BreakpointRunner
{
public:
    struct Hit
    {
        int64_t seq = 0;
        std::vector<int64_t> breakpoints; ///< the ids of the breakpoints that stop there
    };
    /// Called now and then with the seq the run has reached.
    using Progress = std::function<void(int64_t seq)>;

    BreakpointRunner(EventLog &log, Replayer &replayer, ExpressionEngine &engine);

    /// Compiles the expressions; throws Error (Input) naming the breakpoint whose expression is
    /// not valid JavaScript.
    void setBreakpoints(std::vector<Breakpoint> breakpoints);
    /// The breakpoints, with the hits of this runner's runs added.
    const std::vector<Breakpoint> &breakpoints() const { return m_breakpoints; }

    /// From the replayer's position to the next hit after it; the replayer is left at the hit,
    /// or at the head (nullopt) when nothing stops the run, or where a cancelled run was.
    /// Errors in expressions are thrown as Error (Failed) naming the breakpoint and the event.
    std::optional<Hit> runForward(const std::atomic<bool> *cancel = nullptr,
                                  const Progress &progress = {});
    /// From the replayer's position to the previous hit before it; the replayer is left at the
    /// hit, or at 0 (nullopt) when nothing stops the run.
    std::optional<Hit> runBackward(const std::atomic<bool> *cancel = nullptr,
                                   const Progress &progress = {});

private:
    struct Armed
    {
        size_t index; // into m_breakpoints
        std::optional<ExpressionEngine::Id> expression;
        nlohmann::json last; // a change breakpoint's value at the previous position
    };
    std::vector<Armed> armed() const;
    bool hasExpressions(const std::vector<Armed> &armed) const;
    bool matchesStatic(const Breakpoint &b, const Event &event) const;
    std::optional<int64_t>
    nextStaticHit(const std::vector<Armed> &armed, int64_t from, bool forward);
    /// The breakpoints that stop at `event`, given the state after it; updates change values.
    std::vector<int64_t> hitsAt(std::vector<Armed> &armed, const Event &event, const State &state);
    void prime(std::vector<Armed> &armed, int64_t seq);
    std::optional<Hit> finish(int64_t seq, std::vector<int64_t> ids);

    EventLog &m_log;
    Replayer &m_replayer;
    ExpressionEngine &m_engine;
    std::vector<Breakpoint> m_breakpoints;
    std::vector<std::optional<ExpressionEngine::Id>> m_compiled; // per breakpoint
};

} // namespace Chronoscope
