#include "replay/jsmodel.h"
#include "base/contenthash.h"
#include "base/eventjson.h"

#include "base/error.h"
#include "script/scripthost.h"

#include <QCryptographicHash>

#include <algorithm>

namespace Chronoscope {

namespace {

// Model functions get and return JSON text: every call works on fresh copies, whatever the
// function does to its arguments.
const char *const kInvoke = R"js((function (fn, stateText, eventText, ctx) {
    const state = stateText === undefined ? undefined : JSON.parse(stateText);
    const result = fn(state, JSON.parse(eventText), ctx);
    return result === undefined ? undefined : JSON.stringify(result);
}))js";

const char *const kUpcast = R"js((function (fn, dataText) {
    const result = fn(JSON.parse(dataText));
    return result === undefined ? undefined : JSON.stringify(result);
}))js";

const char *const kHandle = R"js((function (fn, eventText, ctx) {
    const result = fn(JSON.parse(eventText), ctx);
    return result === undefined || result === null ? "[]" : JSON.stringify(result);
}))js";

// The parts of the model object, read once and under the watchdog (a member may be a getter
// that never returns) into objects of our own, so that no later lookup runs user code. The
// objects have no prototype: a model member named "__proto__" is a member like any other.
const char *const kModelParts = R"js((function (model) {
    "use strict";
    const isObject = (o) => o !== null && (typeof o === "object" || typeof o === "function");
    const plain = () => Object.create(null);
    const put = (o, key, value) => Object.defineProperty(o, key, { value, enumerable: true });
    const functions = (o) => {
        const out = plain();
        if (isObject(o))
            for (const key of Object.keys(o)) {
                const value = o[key];
                if (typeof value === "function")
                    put(out, key, value);
            }
        return out;
    };
    const nested = (o) => {
        const out = plain();
        if (isObject(o))
            for (const key of Object.keys(o))
                put(out, key, functions(o[key]));
        return out;
    };
    const parts = plain();
    const name = model.name;
    put(parts, "name", typeof name === "string" ? name : undefined);
    const reducers = model.reducers;
    put(parts, "reducers", isObject(reducers) ? functions(reducers) : undefined);
    put(parts, "upcasters", nested(model.upcasters));
    const handlers = model.handlers;
    put(parts, "handlers", isObject(handlers) ? functions(handlers) : undefined);
    put(parts, "projections", nested(model.projections));
    const rules = model.rules;
    put(parts, "rules", rules === undefined ? undefined : JSON.stringify(rules));
    const services = model.services;
    put(parts, "services", isObject(services) ? JSON.stringify(services) : undefined);
    return parts;
}))js";

const char *const kContext = R"js((function (bridge) {
    return Object.freeze({
        rule(name) { return JSON.parse(bridge.rule(String(name))); },
        gateway(name, request) {
            return JSON.parse(bridge.gateway(String(name),
                                             JSON.stringify(request === undefined ? null : request)));
        },
        stickyId(kind, key) { return bridge.stickyId(String(kind), String(key)); },
    });
}))js";

std::string text(const QJSValue &value)
{
    return value.toString().toStdString();
}

// What a model function returned, as JSON text (JSON.stringify wrote it, so it is JSON).
JsonString returnedText(const QJSValue &value)
{
    return makeJsonString(value.toString().toStdString());
}

// Whether a service declaration lists `type` under `key` ("emits" or "listens").
bool declares(const nlohmann::json &service, const char *key, const std::string &type)
{
    if (!service.is_object() || !service.contains(key) || !service[key].is_array())
        return false;
    const auto &types = service[key];
    return std::find(types.begin(), types.end(), type) != types.end();
}

} // namespace

JsModel::JsModel(const std::string &source,
                 const std::string &sourceName,
                 std::chrono::milliseconds timeLimit)
    : m_host(std::make_unique<ScriptHost>(ScriptHost::Limits{timeLimit}))
    , m_hash(contentHash(source))
{
    QJSEngine &engine = m_host->engine();
    // The script's completion value is its `model`, whether it is a global (`model = {…}`) or
    // bound in the script's own scope (`const model = {…}`).
    QJSValue model;
    ScriptHost::Failure failure;
    if (!m_host->evaluate(
                QString::fromStdString(source)
                        + QStringLiteral("\n;typeof model === 'undefined' ? undefined : model;"),
                QString::fromStdString(sourceName),
                model,
                &failure)) {
        if (failure.kind == ScriptHost::Failure::Kind::Threw)
            throw Error::input(sourceName + ":" + std::to_string(failure.thrown.line) + ": "
                               + failure.thrown.text);
        throw Error::input(failure.message(sourceName, "while it was evaluated"));
    }
    if (!model.isObject())
        throw Error::input(sourceName
                           + ": the script must define an object `model = { … }` "
                             "(see the Domain models section of the documentation)");

    const QJSValue readParts = engine.evaluate(QString::fromUtf8(kModelParts));
    QJSValue parts;
    if (!m_host->tryCall(readParts, {model}, parts, &failure))
        throw Error::input(failure.message(sourceName + ": reading the model object's members",
                                           "while it was evaluated"));
    const QJSValue name = parts.property(QStringLiteral("name"));
    m_name = name.isString() ? text(name) : sourceName;
    m_keys = engine.evaluate(QStringLiteral("Object.keys"));
    m_stringify = engine.evaluate(QStringLiteral("JSON.stringify"));
    m_reducers = parts.property(QStringLiteral("reducers"));
    m_upcasters = parts.property(QStringLiteral("upcasters"));
    m_handlers = parts.property(QStringLiteral("handlers"));
    const QJSValue projections = parts.property(QStringLiteral("projections"));
    for (const QString &projection : keysOf(projections)) {
        Projection p;
        p.name = projection.toStdString();
        p.handlers = projections.property(projection);
        m_projections.push_back(std::move(p));
    }
    readRules(parts.property(QStringLiteral("rules")), sourceName);
    const QJSValue services = parts.property(QStringLiteral("services"));
    if (services.isString())
        m_services = nlohmann::json::parse(text(services));

    m_bridge = std::make_unique<JsBridge>(m_rules);
    QJSEngine::setObjectOwnership(m_bridge.get(), QJSEngine::CppOwnership);
    m_invoke = engine.evaluate(QString::fromUtf8(kInvoke));
    m_parse = engine.evaluate(QStringLiteral("(function (text) { return JSON.parse(text); })"));
    m_upcast = engine.evaluate(QString::fromUtf8(kUpcast));
    m_handle = engine.evaluate(QString::fromUtf8(kHandle));
    m_context = engine.evaluate(QString::fromUtf8(kContext))
                        .call({engine.newQObject(m_bridge.get())});
}

JsModel::~JsModel() = default;

void JsModel::readRules(const QJSValue &rulesText, const std::string &sourceName)
{
    if (rulesText.isUndefined())
        return;
    const auto all = nlohmann::json::parse(text(rulesText), nullptr, false);
    if (!all.is_object())
        throw Error::input(sourceName + ": model.rules must be an object of arrays");
    for (const auto &[name, versions] : all.items()) {
        if (!versions.is_array())
            throw Error::input(sourceName + ": model.rules." + name
                               + " must be an array of versions ({from: \"2018-02-01\", …})");
        auto &list = m_rules[name];
        for (const auto &version : versions) {
            const std::string from = version.value("from", "");
            const auto micros = Timestamp::parseDateOrTime(from);
            if (!micros)
                throw Error::input(sourceName + ": model.rules." + name
                                   + ": every version needs \"from\" (a date or RFC 3339 time), "
                                     "not \""
                                   + from + "\"");
            list.push_back({*micros, version});
        }
        std::stable_sort(list.begin(), list.end(), [](const auto &a, const auto &b) {
            return a.from < b.from;
        });
    }
}

QJSValue JsModel::call(const QJSValue &function,
                       const QJSValueList &arguments,
                       const std::function<std::string()> &name,
                       int64_t seq)
{
    return m_host->call(function, arguments, name, "at event " + std::to_string(seq));
}

std::string JsModel::upcastEvent(const Event &event)
{
    Event e = event;
    e.result.reset();
    const QJSValue chain = m_upcasters.isObject()
                                   ? m_upcasters.property(QString::fromStdString(event.type))
                                   : QJSValue();
    if (chain.isObject()) {
        // Schema N → N+1, as long as the model has a step for the current version.
        for (;;) {
            const QJSValue step = chain.property(QString::number(e.schemaVersion));
            if (!step.isCallable())
                break;
            const std::string what
                    = "upcasters." + e.type + "[" + std::to_string(e.schemaVersion) + "]";
            const QJSValue result = call(
                    m_upcast,
                    {step, QJSValue(QString::fromStdString(e.data))},
                    [&what] { return what; },
                    e.seq);
            if (result.isUndefined())
                throw Error::failed(what + " returned undefined at event " + std::to_string(e.seq)
                                    + " (return the upcast data)");
            e.data = text(result);
            ++e.schemaVersion;
        }
    }
    std::string out;
    EventJson::append(out, e);
    return out;
}

void JsModel::sync(State &state)
{
    for (Projection &projection : m_projections) {
        if (!projection.dirty)
            continue;
        // A view may hold user objects (a toJSON, a getter): turned into text under the guard.
        const QJSValue text = m_host->call(
                m_stringify,
                {projection.view},
                [&projection] { return "projections." + projection.name + " (its view as JSON)"; },
                "after the last event");
        projection.base = returnedText(text);
        state.setProjection(projection.name, projection.base);
        projection.dirty = false;
    }
}

void JsModel::stateReplaced()
{
    for (Projection &projection : m_projections) {
        projection.view = QJSValue();
        projection.base.reset();
        projection.loaded = false;
        projection.dirty = false;
    }
}

void JsModel::apply(const Event &event, State &state, StepTrace *trace)
{
    m_bridge->setEvent(&event, trace);
    const QJSValue eventText(QString::fromStdString(upcastEvent(event)));
    const QString type = QString::fromStdString(event.type);
    // The model function for this event type in a set of handlers, or its "*" catch-all.
    struct Handler
    {
        QJSValue function;
        std::string key;
    };
    auto handlerIn = [&type, &event](const QJSValue &object) -> Handler {
        if (!object.isObject())
            return {};
        QJSValue handler = object.property(type);
        if (handler.isCallable())
            return {handler, event.type};
        return {object.property(QStringLiteral("*")), "*"};
    };
    auto textOf = [](const JsonString &value) {
        return value ? QJSValue(QString::fromStdString(*value)) : QJSValue();
    };

    const Handler reducer = handlerIn(m_reducers);
    if (reducer.function.isCallable()) {
        auto what = [&reducer] {
            return "reducers." + reducer.key;
        };
        const QJSValue result = call(
                m_invoke,
                {reducer.function, textOf(state.streamText(event.stream)), eventText, m_context},
                what,
                event.seq);
        if (result.isUndefined())
            throw Error::failed(what() + " returned undefined at event " + std::to_string(event.seq)
                                + " (a reducer returns the new state of the stream)");
        state.setStream(event.stream, returnedText(result));
    }
    for (Projection &projection : m_projections) {
        const Handler handler = handlerIn(projection.handlers);
        if (!handler.function.isCallable())
            continue;
        // The live view is only good for the state it came from: another replay (or another
        // point of this one) brings its own.
        const JsonString stored = state.projectionText(projection.name);
        if (!projection.loaded || (!projection.dirty && stored != projection.base)) {
            projection.view = stored ? m_parse.call({QString::fromStdString(*stored)}) : QJSValue();
            projection.base = stored;
            projection.loaded = true;
        }
        auto what = [&projection, &handler] {
            return "projections." + projection.name + "." + handler.key;
        };
        // The view is the projection's own copy: it may change it in place and return it.
        const QJSValue result = call(handler.function,
                                     {projection.view, m_parse.call({eventText}), m_context},
                                     what,
                                     event.seq);
        if (result.isUndefined())
            throw Error::failed(what() + " returned undefined at event " + std::to_string(event.seq)
                                + " (a projection returns its new view)");
        projection.view = result;
        projection.dirty = true;
    }
    m_bridge->setEvent(nullptr, nullptr);
}

QStringList JsModel::keysOf(const QJSValue &object) const
{
    return m_keys.call({object}).toVariant().toStringList();
}

std::map<std::string, std::set<std::string>> JsModel::projectionTypes() const
{
    std::map<std::string, std::set<std::string>> types;
    for (const Projection &projection : m_projections) {
        auto &set = types[projection.name];
        for (const QString &type : keysOf(projection.handlers))
            set.insert(type.toStdString());
    }
    return types;
}

std::set<std::string> JsModel::handlerTypes() const
{
    std::set<std::string> types;
    if (!m_handlers.isObject())
        return types;
    for (const QString &type : keysOf(m_handlers))
        if (m_handlers.property(type).isCallable())
            types.insert(type.toStdString());
    return types;
}

bool JsModel::handles(const std::string &type) const
{
    return m_handlers.isObject() && m_handlers.property(QString::fromStdString(type)).isCallable();
}

std::vector<std::string> JsModel::declaredEffectsOf(const std::string &type) const
{
    std::vector<std::string> types;
    if (!m_services.is_object())
        return types;
    for (const auto &[service, declaration] : m_services.items()) {
        if (!declares(declaration, "listens", type))
            continue;
        for (const auto &emitted : declaration.value("emits", nlohmann::json::array())) {
            if (emitted.is_string()
                && std::find(types.begin(), types.end(), emitted.get<std::string>()) == types.end())
                types.push_back(emitted.get<std::string>());
        }
    }
    return types;
}

std::vector<Event>
JsModel::handle(const Event &source, const nlohmann::json &recordings, StepTrace *trace)
{
    const std::string what = "handlers." + source.type;
    const QJSValue handler = m_handlers.property(QString::fromStdString(source.type));
    if (!handler.isCallable())
        return {};
    m_bridge->setEvent(&source, trace);
    m_bridge->setRecordings(recordings);
    const QJSValue result = call(
            m_handle,
            {handler, QJSValue(QString::fromStdString(upcastEvent(source))), m_context},
            [&what] { return what; },
            source.seq);
    m_bridge->setEvent(nullptr, nullptr);
    const auto emitted = nlohmann::json::parse(text(result), nullptr, false);
    auto fail = [&](const std::string &why) {
        return Error::failed(what + " at event " + std::to_string(source.seq) + ": " + why
                             + " (a handler returns an array of {type, stream, data})");
    };
    if (!emitted.is_array())
        throw fail("it returned " + emitted.dump() + ", not an array");
    std::vector<Event> events;
    for (const auto &item : emitted) {
        if (!item.is_object() || !item.contains("type") || !item["type"].is_string()
            || !item.contains("stream") || !item["stream"].is_string())
            throw fail("it emitted " + item.dump() + ", which lacks a string type or stream");
        Event e;
        e.type = item["type"].get<std::string>();
        e.stream = item["stream"].get<std::string>();
        e.data = item.value("data", nlohmann::json()).dump();
        e.schemaVersion = item.value("schema_version", int64_t(1));
        e.recordedAt = source.recordedAt;
        e.causationId = source.id;
        e.correlationId = source.correlationId;
        if (m_services.is_object()) {
            for (const auto &[service, declaration] : m_services.items()) {
                if (declares(declaration, "emits", e.type)
                    && declares(declaration, "listens", source.type))
                    e.source = service;
            }
        }
        events.push_back(std::move(e));
    }
    return events;
}

} // namespace Chronoscope
