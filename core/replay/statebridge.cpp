#include "replay/statebridge.h"

#include "replay/state.h"

namespace Chronoscope {

namespace {

QString textOf(const JsonString &value)
{
    return value ? QString::fromStdString(*value) : QString();
}

} // namespace

QString StateBridge::stream(const QString &name) const
{
    return m_state ? textOf(m_state->streamText(name.toStdString())) : QString();
}

QStringList StateBridge::streamNames() const
{
    QStringList names;
    if (m_state)
        m_state->forEachStream([&names](const std::string &name, const JsonString &) {
            names.append(QString::fromStdString(name));
        });
    names.sort();
    return names;
}

QString StateBridge::projection(const QString &name) const
{
    return m_state ? textOf(m_state->projectionText(name.toStdString())) : QString();
}

QStringList StateBridge::projectionNames() const
{
    QStringList names;
    if (m_state)
        m_state->forEachProjection([&names](const std::string &name, const JsonString &) {
            names.append(QString::fromStdString(name));
        });
    names.sort();
    return names;
}

} // namespace Chronoscope
