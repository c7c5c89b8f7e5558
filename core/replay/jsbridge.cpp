#include "replay/jsbridge.h"

#include <algorithm>

#include <QJSEngine>
#include <QUuid>

namespace Chronoscope {

namespace {

// Sticky ids are name-based UUIDs (v5): the same kind and key give the same id in every replay
// and on every machine, with nothing to store.
const QUuid kStickyNamespace(QStringLiteral("{1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed}"));

} // namespace

JsBridge::JsBridge(const Rules &rules)
    : m_rules(rules)
{}

void JsBridge::setEvent(const Event *event, StepTrace *trace)
{
    m_event = event;
    m_trace = trace;
    m_recordings.reset();
}

void JsBridge::fail(const std::string &message)
{
    qjsEngine(this)->throwError(QJSValue::GenericError, QString::fromStdString(message));
}

QString JsBridge::rule(const QString &name)
{
    const auto found = m_rules.find(name.toStdString());
    if (found == m_rules.end()) {
        fail("ctx.rule(\"" + name.toStdString() + "\"): the model has no rule of that name");
        return {};
    }
    const Rule *inForce = nullptr;
    for (const Rule &r : found->second) {
        if (r.from <= m_event->recordedAt)
            inForce = &r;
    }
    if (!inForce) {
        fail("ctx.rule(\"" + name.toStdString() + "\"): no version is in force at "
             + Timestamp::format(m_event->recordedAt) + " (event " + std::to_string(m_event->seq)
             + ")");
        return {};
    }
    if (m_trace) {
        // Listed once an event, however many of the model's functions ask for it.
        const std::string ruleName = name.toStdString();
        const bool listed = std::any_of(
                m_trace->rules.begin(), m_trace->rules.end(), [&](const StepTrace::RuleUse &use) {
                    return use.name == ruleName && use.version == inForce->version;
                });
        if (!listed)
            m_trace->rules.push_back({ruleName, inForce->version});
    }
    return QString::fromStdString(inForce->version.dump());
}

QString JsBridge::gateway(const QString &name, const QString &requestJson)
{
    const std::string callName = name.toStdString();
    const nlohmann::json request = nlohmann::json::parse(requestJson.toStdString(), nullptr, false);
    if (!m_recordings) {
        const auto metadata = nlohmann::json::parse(m_event->metadata, nullptr, false);
        m_recordings = metadata.is_object() && metadata.contains("gateway")
                               ? metadata["gateway"]
                               : nlohmann::json::array();
    }
    if (m_recordings->is_array()) {
        for (const auto &recording : *m_recordings) {
            if (recording.is_object() && recording.value("name", "") == callName
                && recording.value("request", nlohmann::json()) == request) {
                const nlohmann::json response = recording.value("response", nlohmann::json());
                if (m_trace)
                    m_trace->gatewayCalls.push_back({callName, request, response});
                return QString::fromStdString(response.dump());
            }
        }
    }
    fail("ctx.gateway(\"" + callName + "\", " + request.dump() + "): event "
         + std::to_string(m_event->seq) + " (" + m_event->type
         + ") has no recording of this call; during replay nothing is forwarded to the outside "
           "world");
    return {};
}

QString JsBridge::stickyId(const QString &kind, const QString &key)
{
    return QUuid::createUuidV5(kStickyNamespace, kind + QLatin1Char('\n') + key)
            .toString(QUuid::WithoutBraces);
}

} // namespace Chronoscope
