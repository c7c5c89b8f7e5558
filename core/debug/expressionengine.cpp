#include "debug/expressionengine.h"
#include "base/eventjson.h"

#include "base/error.h"
#include "replay/state.h"
#include "replay/statebridge.h"
#include "script/scripthost.h"

#include <QJSEngine>

namespace Chronoscope {

namespace {

// `state.streams` and `state.projections` are proxies that fetch one member at a time from the
// bridge and parse it once per evaluation; Object.keys() and `in` work as on a plain object.
const char *const kMakeState = R"js((function (bridge) {
    function lazy(read, names) {
        const cache = new Map();
        const fetch = (key) => {
            if (typeof key !== "string")
                return undefined;
            if (!cache.has(key)) {
                const text = read(key);
                cache.set(key, text === "" ? undefined : JSON.parse(text));
            }
            return cache.get(key);
        };
        return new Proxy({}, {
            get: (target, key) => fetch(key),
            has: (target, key) => fetch(key) !== undefined,
            // The engine checks listed keys against the target's own properties: define them
            // there as getters (a descriptor trap is not enough for it).
            ownKeys: (target) => {
                const keys = Array.from(names());
                for (const key of keys)
                    if (!Object.prototype.hasOwnProperty.call(target, key))
                        Object.defineProperty(target, key, {
                            get: () => fetch(key), enumerable: true, configurable: true });
                return keys;
            },
            set: () => false,
            deleteProperty: () => false,
        });
    }
    return function () {
        return Object.freeze({
            streams: lazy((name) => bridge.stream(name), () => bridge.streamNames()),
            projections: lazy((name) => bridge.projection(name), () => bridge.projectionNames()),
        });
    };
}))js";

const char *const kValue = R"js((function (fn, eventText, state) {
    const result = fn(eventText === "" ? undefined : JSON.parse(eventText), state);
    if (result === undefined)
        return ""; // not a JSON value: told apart from null
    const text = JSON.stringify(result);
    return text === undefined ? "null" : text;
}))js";

const char *const kHolds = R"js((function (fn, eventText, state) {
    return !!fn(eventText === "" ? undefined : JSON.parse(eventText), state);
}))js";

std::string textOf(const QJSValue &value)
{
    return value.toString().toStdString();
}

const char *const kFreeze = "(function (fn) { return Object.freeze(fn); })";

} // namespace

ExpressionEngine::ExpressionEngine(std::chrono::milliseconds timeLimit)
    : m_host(std::make_unique<ScriptHost>(ScriptHost::Limits{timeLimit}))
    , m_bridge(std::make_unique<StateBridge>())
{
    QJSEngine &engine = m_host->engine();
    QJSEngine::setObjectOwnership(m_bridge.get(), QJSEngine::CppOwnership);
    m_makeState = engine.evaluate(QString::fromUtf8(kMakeState))
                          .call({engine.newQObject(m_bridge.get())});
    m_value = engine.evaluate(QString::fromUtf8(kValue));
    m_holds = engine.evaluate(QString::fromUtf8(kHolds));
    m_freeze = engine.evaluate(QString::fromUtf8(kFreeze));
    m_host->freezeRealm();
}

ExpressionEngine::~ExpressionEngine() = default;

ExpressionEngine::Id ExpressionEngine::compile(const std::string &expression)
{
    if (expression.find_first_not_of(" \t\r\n") == std::string::npos)
        throw Error::input("the expression is empty");
    for (size_t id = 0; id < m_expressions.size(); ++id)
        if (m_expressions[id].text == expression)
            return id; // compiled already: a run, a watch list made again
    // The newline ends a trailing line comment inside the expression.
    const QString source = QStringLiteral("(function (event, state) { return (")
                           + QString::fromStdString(expression) + QStringLiteral("\n); })");
    QJSValue function;
    ScriptHost::Failure failure;
    if (!m_host->evaluate(source, QStringLiteral("expression"), function, &failure))
        throw Error::input("expression `" + expression + "`: "
                           + (failure.kind == ScriptHost::Failure::Kind::Threw
                                      ? failure.thrown.text
                                      : failure.message("it", "while it was compiled")));
    if (!function.isCallable())
        throw Error::input("expression `" + expression + "`: not a JavaScript expression");
    m_freeze.call({function});
    m_expressions.push_back({expression, function});
    return m_expressions.size() - 1;
}

QJSValue
ExpressionEngine::evaluate(Id id, const QJSValue &wrapper, const Event *event, const State &state)
{
    const Expression &expression = m_expressions.at(id);
    std::string eventText;
    if (event)
        EventJson::append(eventText, *event);
    m_bridge->setState(&state);
    const std::string where = event ? "at event " + std::to_string(event->seq)
                                    : std::string("before the first event");
    QJSValue result;
    ScriptHost::Failure failure;
    const bool returned
            = m_host->tryCall(m_makeState, {}, result, &failure)
              && m_host->tryCall(
                      wrapper,
                      {expression.function, QJSValue(QString::fromStdString(eventText)), result},
                      result,
                      &failure);
    m_bridge->setState(nullptr);
    if (!returned)
        throw Error::failed(failure.message("expression `" + expression.text + "`", where));
    return result;
}

nlohmann::json ExpressionEngine::value(Id id, const Event *event, const State &state)
{
    const std::string text = textOf(evaluate(id, m_value, event, state));
    if (text.empty())
        return nlohmann::json(nlohmann::json::value_t::discarded);
    return nlohmann::json::parse(text);
}

bool ExpressionEngine::same(const nlohmann::json &a, const nlohmann::json &b)
{
    if (a.is_discarded() || b.is_discarded())
        return a.is_discarded() && b.is_discarded();
    return a == b;
}

std::string ExpressionEngine::display(const nlohmann::json &value)
{
    return value.is_discarded() ? std::string("undefined") : value.dump();
}

bool ExpressionEngine::holds(Id id, const Event *event, const State &state)
{
    return evaluate(id, m_holds, event, state).toBool();
}

} // namespace Chronoscope
