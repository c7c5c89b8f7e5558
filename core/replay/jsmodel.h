#pragma once

#include "replay/jsbridge.h"
#include "replay/model.h"

#include <QJSEngine>
#include <QJSValue>

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace Chronoscope {

class ScriptHost;

/// A user model written in JavaScript (README.md, "Replay and domain models"), run in a QJSEngine
/// that has no file, network or process access: the engine gets no extensions, so a model sees
/// plain ECMAScript and the `ctx` it is given.
///
/// Reducers, projections and upcasters receive fresh copies of their arguments, so mutating an
/// argument changes nothing. A call that runs longer than the time limit (default 2 s) is
/// interrupted. Failures are thrown as Error (kind Failed) naming the model function, the event
/// seq and, for exceptions, the JavaScript stack.
class JsModel : public Model
{
public:
    /// Evaluates the source; throws Error (Input) for a script that does not define a usable
    /// `model` object, naming `sourceName` and the line.
    JsModel(const std::string &source,
            const std::string &sourceName,
            std::chrono::milliseconds timeLimit = std::chrono::milliseconds(2000));
    ~JsModel() override;

    std::string name() const override { return m_name; }
    std::string hash() const override { return m_hash; }
    void apply(const Event &event, State &state, StepTrace *trace) override;
    void sync(State &state) override;
    void stateReplaced() override;

    std::string upcastEvent(const Event &event) override;
    /// The services the model declares: name → {"emits": [...], "listens": [...]}.
    nlohmann::json services() const { return m_services; }

    /// Each projection's name and the event types it has functions for ("*": every type).
    std::map<std::string, std::set<std::string>> projectionTypes() const override;
    /// Whether the model has a handler (a reaction that emits events) for this event type.
    bool handles(const std::string &type) const;
    bool hasHandlers() const { return m_handlers.isObject(); }
    /// The event types the model has handlers for.
    std::set<std::string> handlerTypes() const;
    /// Runs the handler of `source`'s type: the events it emits, as `{type, stream, data}`
    /// objects in order, with `source` set to the declared service that listens to the source's
    /// type and emits theirs (if one does). `ctx.gateway` answers from `recordings` (the
    /// recordings of the source and of the events it caused when it was recorded); the calls it
    /// made are in `trace`. Throws Error (Failed) naming the handler and the event.
    std::vector<Event>
    handle(const Event &source, const nlohmann::json &recordings, StepTrace *trace);
    /// The event types the services that listen to `type` declare they emit.
    std::vector<std::string> declaredEffectsOf(const std::string &type) const;

private:
    QJSValue call(const QJSValue &function,
                  const QJSValueList &arguments,
                  const std::function<std::string()> &name,
                  int64_t seq);
    void readRules(const QJSValue &rulesText, const std::string &sourceName);
    // The names of an object's own members (Object.keys).
    QStringList keysOf(const QJSValue &object) const;

    std::unique_ptr<ScriptHost> m_host;
    std::string m_name;
    std::string m_hash;
    nlohmann::json m_services;
    QJSValue m_reducers;
    QJSValue m_upcasters;
    QJSValue m_handlers;
    // A projection's view lives in the engine while the replay moves forward, so that a
    // projection over all events costs the same per event however large its view grows.
    struct Projection
    {
        std::string name;
        QJSValue handlers;
        QJSValue view;   // the live view; valid when `loaded`
        JsonString base; // the state's view the live one started from (or was synced to)
        bool loaded = false;
        bool dirty = false; // changed since the last sync()
    };
    std::vector<Projection> m_projections;
    JsBridge::Rules m_rules;
    std::unique_ptr<JsBridge> m_bridge;
    QJSValue m_invoke;    // calls a model function with JSON text arguments, returns JSON text
    QJSValue m_upcast;    // calls an upcaster with JSON text, returns JSON text
    QJSValue m_handle;    // calls a handler with JSON text, returns JSON text
    QJSValue m_context;   // the `ctx` handed to every model function
    QJSValue m_parse;     // JSON.parse
    QJSValue m_stringify; // JSON.stringify
    QJSValue m_keys;      // Object.keys
};

} // namespace Chronoscope
