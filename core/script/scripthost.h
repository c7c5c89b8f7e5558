#pragma once

#include "script/jswatchdog.h"

#include <QJSEngine>
#include <QJSValue>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace Chronoscope {

/// The one JavaScript host, serving models and expressions alike: a QJSEngine with no file,
/// network or process access (no extensions: plain ECMAScript), and one guard around every
/// entry into script code — evaluating a script, calling a function, reading a user object's
/// members, turning a thrown value into text. A guarded entry that runs longer than the time
/// limit, or grows the process by more than the heap limit, is interrupted; any value a script
/// throws (an Error, a string, 0, an object whose toString loops) is an error, never a result.
///
/// Errors are thrown as Error (kind Failed) in one wording: "WHAT threw WHERE: VALUE\nSTACK",
/// "WHAT was interrupted WHERE: it ran longer than N ms (an endless loop?)", "WHAT was stopped
/// WHERE: it used more than N MB of memory (the script heap limit, CHRONOSCOPE_SCRIPT_HEAP_MB)".
///
/// Thread affinity: the thread that created it.
class ScriptHost
{
public:
    struct Limits
    {
        std::chrono::milliseconds time{2000};
        uint64_t heapBytes = defaultHeapBytes();
    };
    /// 512 MB, or CHRONOSCOPE_SCRIPT_HEAP_MB megabytes when that is set to a positive number.
    static uint64_t defaultHeapBytes();

    explicit ScriptHost(Limits limits);
    ~ScriptHost();
    ScriptHost(const ScriptHost &) = delete;
    ScriptHost &operator=(const ScriptHost &) = delete;

    QJSEngine &engine() { return *m_engine; }
    const Limits &limits() const { return m_limits; }

    /// What a script threw, as text, with its stack and line when it is an Error.
    struct Thrown
    {
        std::string text;
        std::string stack;
        int line = 0;
    };
    /// Why a guarded entry did not return.
    struct Failure
    {
        enum class Kind { Threw, TimedOut, OutOfMemory } kind = Kind::Threw;
        Thrown thrown;
        int64_t limit = 0; ///< the time limit in ms (TimedOut) or the heap limit in MB
        /// The error text, in the wording above.
        std::string message(const std::string &what, const std::string &where) const;
    };

    /// Evaluates a script: its completion value in `result`, or false and `failure`.
    bool
    evaluate(const QString &source, const QString &fileName, QJSValue &result, Failure *failure);
    /// Calls `function` with up to four arguments, guarded; throws Error naming `what()` (only
    /// computed on failure) and `where` ("at event 12").
    QJSValue call(const QJSValue &function,
                  const QJSValueList &arguments,
                  const std::function<std::string()> &what,
                  const std::string &where);
    /// The same, returning false and setting `failure` instead of throwing.
    bool tryCall(const QJSValue &function,
                 const QJSValueList &arguments,
                 QJSValue &result,
                 Failure *failure);
    /// Freezes every standard object reachable from the global object (constructors, their
    /// prototypes, Math, JSON…) and the global object itself: code run afterwards cannot leave
    /// a trace that other code sees (`Object.prototype.x = 1` changes nothing). (Every host
    /// also replaces the built-ins that loop natively over a length, Array.prototype.fill, with
    /// script versions that the watchdog can interrupt.)
    void freezeRealm();

private:
    Thrown describe(const QJSValue &thrown);
    bool stopped(JsWatchdog::Stop stop, Failure *failure);

    Limits m_limits;
    std::unique_ptr<QJSEngine> m_engine;
    std::unique_ptr<JsWatchdog> m_watchdog;
    QJSValue m_trampoline; // calls a function in try/catch; a throw returns m_failed
    QJSValue m_failed;     // the unique value that says "it threw"
    QJSValue m_box;        // the trampoline leaves what was thrown here, as "thrown"
    QJSValue m_describe;   // what was thrown → {text, stack, line}
};

} // namespace Chronoscope
