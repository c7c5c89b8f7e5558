#pragma once

#include "base/event.h"

#include <nlohmann/json.hpp>

#include <QJSValue>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace Chronoscope {

class ScriptHost;
class State;
class StateBridge;

/// Evaluates JavaScript expressions over an event and a replayed state: breakpoint conditions,
/// watch expressions and bisect predicates. An expression sees `event` (the canonical record,
/// or undefined before the first event) and `state` (`state.streams[NAME]`,
/// `state.projections[NAME]`, read lazily one stream at a time).
///
/// The engine is the same host as the models' (ScriptHost): plain ECMAScript, no file, network or
/// process access, an evaluation that runs too long or allocates too much is stopped, and a
/// thrown value of any kind is an error naming the expression, the event and the value. The
/// realm is frozen once the expressions' helpers are in place: no evaluation can change the
/// globals or prototypes another evaluation sees (each compiled function is frozen too).
class ExpressionEngine
{
public:
    using Id = size_t;

    explicit ExpressionEngine(std::chrono::milliseconds timeLimit
                              = std::chrono::milliseconds(2000));
    ~ExpressionEngine();
    ExpressionEngine(const ExpressionEngine &) = delete;
    ExpressionEngine &operator=(const ExpressionEngine &) = delete;

    /// Compiles an expression (once: the same text gives the same id); throws Error (Input)
    /// naming it when it is not valid JavaScript.
    Id compile(const std::string &expression);
    const std::string &text(Id id) const { return m_expressions.at(id).text; }

    /// The expression's value as JSON: undefined (a member that is not there) is a discarded
    /// value (is_discarded()), functions become null. Throws Error (Failed) naming the
    /// expression and the event when it throws or runs too long.
    nlohmann::json value(Id id, const Event *event, const State &state);
    /// Whether two values are the same, undefined being the same as itself only.
    static bool same(const nlohmann::json &a, const nlohmann::json &b);
    /// A value as a person reads it: JSON, or `undefined`.
    static std::string display(const nlohmann::json &value);
    /// Whether the value is truthy, in JavaScript's sense.
    bool holds(Id id, const Event *event, const State &state);

private:
    QJSValue evaluate(Id id, const QJSValue &wrapper, const Event *event, const State &state);

    struct Expression
    {
        std::string text;
        QJSValue function;
    };
    std::unique_ptr<ScriptHost> m_host;
    std::unique_ptr<StateBridge> m_bridge;
    std::vector<Expression> m_expressions;
    QJSValue m_makeState; // builds the lazy `state` object over the bridge
    QJSValue m_value;     // calls an expression, returns its value as JSON text
    QJSValue m_holds;     // calls an expression, returns whether it is truthy
    QJSValue m_freeze;    // Object.freeze, for each compiled expression
};

} // namespace Chronoscope
