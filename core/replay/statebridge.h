#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

namespace Chronoscope {

class State;

/// What JavaScript expressions read the replayed state through: `state.streams[name]` and
/// `state.projections[name]` ask for one stream or view at a time, as JSON text, so that an
/// expression over one order does not turn the whole state into JavaScript objects.
class StateBridge : public QObject
{
    Q_OBJECT

public:
    void setState(const State *state) { m_state = state; }

    /// The stream's state as JSON text; empty when the stream has no state.
    Q_INVOKABLE QString stream(const QString &name) const;
    Q_INVOKABLE QStringList streamNames() const;
    /// The projection's view as JSON text; empty when there is none.
    Q_INVOKABLE QString projection(const QString &name) const;
    Q_INVOKABLE QStringList projectionNames() const;

private:
    const State *m_state = nullptr;
};

} // namespace Chronoscope
