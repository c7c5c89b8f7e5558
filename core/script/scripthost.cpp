#include "script/scripthost.h"

#include "base/error.h"

#include <cstdlib>

namespace Chronoscope {

namespace {

// One frame around every call: a throw of any value is caught and handed over apart from the
// results, so `throw 0` can never be taken for a return value of 0.
const char *const kTrampoline = R"js((function () {
    const failed = Object.freeze(Object.create(null));
    const box = Object.create(null);
    function trampoline(fn, a, b, c, d) {
        try {
            return fn(a, b, c, d);
        } catch (e) {
            box.thrown = e;
            return failed;
        }
    }
    return [trampoline, failed, box];
}))js";

// What a thrown value says, as text. It runs user code (a toString, a getter), so it is called
// through the trampoline under the watchdog like any other script.
const char *const kDescribe = R"js((function (e) {
    const out = { text: "", stack: "", line: 0 };
    try {
        if (e instanceof Error) {
            out.text = String(e);
            if (typeof e.stack === "string")
                out.stack = e.stack;
            if (typeof e.lineNumber === "number")
                out.line = e.lineNumber;
        } else if (typeof e === "string") {
            out.text = "the string " + JSON.stringify(e);
        } else if (e === undefined) {
            out.text = "undefined";
        } else {
            const json = JSON.stringify(e);
            out.text = "the value " + (json === undefined ? String(e) : json);
        }
    } catch (x) {
        out.text = "a value that cannot be shown as text";
    }
    return out;
}))js";

// Array.prototype.fill loops natively, where the engine never checks for interruption: a script
// version (the same result for every argument) can be stopped.
const char *const kInterruptibleBuiltins = R"js((function () {
    "use strict";
    Object.defineProperty(Array.prototype, "fill", {
        value: function fill(value, start, end) {
            const o = Object(this);
            const length = o.length >>> 0;
            const relative = (n, fallback) => {
                n = n === undefined ? fallback : Math.trunc(Number(n)) || 0;
                return n < 0 ? Math.max(length + n, 0) : Math.min(n, length);
            };
            const last = relative(end, length);
            for (let k = relative(start, 0); k < last; ++k)
                o[k] = value;
            return o;
        },
        writable: true, configurable: true, enumerable: false,
    });
}))js";

// Deep-freezes the realm: the standard objects reachable from the global object, and it.
const char *const kFreezeRealm = R"js((function () {
    "use strict";
    const seen = new Set();
    const freeze = (o) => {
        if (o === null || (typeof o !== "object" && typeof o !== "function") || seen.has(o))
            return;
        seen.add(o);
        try { Object.freeze(o); } catch (e) {}
        for (const key of Reflect.ownKeys(o)) {
            const d = Object.getOwnPropertyDescriptor(o, key);
            if (!d)
                continue;
            if ("value" in d) {
                freeze(d.value);
            } else {
                freeze(d.get);
                freeze(d.set);
            }
        }
        freeze(Object.getPrototypeOf(o));
    };
    freeze(this);
}))js";

std::string text(const QJSValue &value)
{
    return value.toString().toStdString();
}

} // namespace

uint64_t ScriptHost::defaultHeapBytes()
{
    if (const char *mb = std::getenv("CHRONOSCOPE_SCRIPT_HEAP_MB")) {
        const long long value = std::atoll(mb);
        if (value > 0)
            return static_cast<uint64_t>(value) << 20;
    }
    return uint64_t(512) << 20;
}

std::string ScriptHost::Failure::message(const std::string &what, const std::string &where) const
{
    switch (kind) {
    case Kind::TimedOut:
        return what + " was interrupted " + where + ": it ran longer than " + std::to_string(limit)
               + " ms (an endless loop?)";
    case Kind::OutOfMemory:
        return what + " was stopped " + where + ": it used more than " + std::to_string(limit)
               + " MB of memory (the script heap limit; set CHRONOSCOPE_SCRIPT_HEAP_MB to "
                 "change it)";
    case Kind::Threw:
        break;
    }
    return what + " threw " + where + ": " + thrown.text
           + (thrown.stack.empty() ? std::string() : "\n" + thrown.stack);
}

ScriptHost::ScriptHost(Limits limits)
    : m_limits(limits)
    , m_engine(std::make_unique<QJSEngine>())
{
    m_watchdog = std::make_unique<JsWatchdog>(*m_engine, limits.time, limits.heapBytes);
    // Our own scripts: they run no user code and cannot fail.
    const QJSValue parts = m_engine->evaluate(QString::fromUtf8(kTrampoline)).call();
    m_trampoline = parts.property(0);
    m_failed = parts.property(1);
    m_box = parts.property(2);
    m_describe = m_engine->evaluate(QString::fromUtf8(kDescribe));
    m_engine->evaluate(QString::fromUtf8(kInterruptibleBuiltins)).call();
}

ScriptHost::~ScriptHost()
{
    m_watchdog.reset(); // before the engine it watches
}

ScriptHost::Thrown ScriptHost::describe(const QJSValue &thrown)
{
    QJSValue described;
    m_watchdog->begin("converting a thrown value to text");
    described = m_trampoline.call({m_describe, thrown});
    const JsWatchdog::Stop stop = m_watchdog->end();
    if (stop != JsWatchdog::Stop::None || described.strictlyEquals(m_failed))
        return {"a value whose conversion to text did not finish", {}, 0};
    return {text(described.property(QStringLiteral("text"))),
            text(described.property(QStringLiteral("stack"))),
            described.property(QStringLiteral("line")).toInt()};
}

bool ScriptHost::stopped(JsWatchdog::Stop stop, Failure *failure)
{
    if (stop == JsWatchdog::Stop::None)
        return false;
    const bool time = stop == JsWatchdog::Stop::Time;
    failure->kind = time ? Failure::Kind::TimedOut : Failure::Kind::OutOfMemory;
    failure->limit = time ? m_limits.time.count() : static_cast<int64_t>(m_limits.heapBytes >> 20);
    m_box.deleteProperty(QStringLiteral("thrown"));
    m_engine->collectGarbage();
    return true;
}

bool ScriptHost::evaluate(const QString &source,
                          const QString &fileName,
                          QJSValue &result,
                          Failure *failure)
{
    QStringList stack;
    m_watchdog->begin("evaluating a script");
    result = m_engine->evaluate(source, fileName, 1, &stack);
    if (stopped(m_watchdog->end(), failure))
        return false;
    if (stack.isEmpty() && !result.isError()) // a syntax error comes with no stack
        return true;
    failure->kind = Failure::Kind::Threw;
    failure->thrown = describe(result);
    return false;
}

bool ScriptHost::tryCall(const QJSValue &function,
                         const QJSValueList &arguments,
                         QJSValue &result,
                         Failure *failure)
{
    QJSValueList list{function};
    list.append(arguments);
    m_watchdog->begin("a model or expression function");
    result = m_trampoline.call(list);
    if (stopped(m_watchdog->end(), failure))
        return false;
    if (!result.strictlyEquals(m_failed))
        return true;
    failure->kind = Failure::Kind::Threw;
    const QJSValue thrown = m_box.property(QStringLiteral("thrown"));
    m_box.deleteProperty(QStringLiteral("thrown"));
    failure->thrown = describe(thrown);
    return false;
}

QJSValue ScriptHost::call(const QJSValue &function,
                          const QJSValueList &arguments,
                          const std::function<std::string()> &what,
                          const std::string &where)
{
    QJSValue result;
    Failure failure;
    if (!tryCall(function, arguments, result, &failure))
        throw Error::failed(failure.message(what(), where));
    return result;
}

void ScriptHost::freezeRealm()
{
    const QJSValue freeze = m_engine->evaluate(QString::fromUtf8(kFreezeRealm));
    freeze.callWithInstance(m_engine->globalObject());
}

} // namespace Chronoscope
