#pragma once

#include "debug/expressionengine.h"

#include <optional>
#include <string>
#include <vector>

namespace Chronoscope {

/// Watch expressions: JavaScript over `event` and `state`, evaluated at each position the
/// debugger stops at, with their value and whether it changed since the previous position.
/// An expression that fails shows its error instead of a value; the others go on.
class WatchList
{
public:
    struct Watch
    {
        std::string expression;
        std::optional<nlohmann::json> value; ///< nullopt: not evaluated yet, or failed
        std::string error;                   ///< why it failed, at this position
        bool changed = false;                ///< since the previous update()
    };

    explicit WatchList(ExpressionEngine &engine);

    /// Adds a watch; throws Error (Input) when the expression is not valid JavaScript.
    void add(const std::string &expression);
    void remove(size_t index);
    const std::vector<Watch> &watches() const { return m_watches; }

    /// Evaluates every watch at a position: the event just applied (null before the first) and
    /// the state after it.
    void update(const Event *event, const State &state);

private:
    ExpressionEngine &m_engine;
    std::vector<Watch> m_watches;
    std::vector<ExpressionEngine::Id> m_ids;
};

} // namespace Chronoscope
