#pragma once

#include "base/event.h"
#include "base/timestamp.h"
#include "replay/model.h"

#include <QObject>
#include <QString>

#include <map>
#include <nlohmann/json.hpp>
#include <vector>

namespace Chronoscope {

/// What a JavaScript model's `ctx` calls into: the rule versions, the gateway recordings of the
/// event being applied, and sticky ids. Set up for each event by JsModel; errors are thrown into
/// the script as JavaScript exceptions.
class JsBridge : public QObject
{
    Q_OBJECT

public:
    struct Rule
    {
        Timestamp::Micros from;
        nlohmann::json version;
    };
    using Rules = std::map<std::string, std::vector<Rule>>;

    explicit JsBridge(const Rules &rules);

    void setEvent(const Event *event, StepTrace *trace);
    /// The gateway recordings to answer from instead of the event's own (a JSON array).
    void setRecordings(nlohmann::json recordings) { m_recordings = std::move(recordings); }

    /// The version of rule `name` in force at the event's recorded_at, as JSON text.
    Q_INVOKABLE QString rule(const QString &name);
    /// The recorded response to a gateway call, as JSON text; a call with no recording throws.
    Q_INVOKABLE QString gateway(const QString &name, const QString &requestJson);
    /// The same id for the same kind and natural key, in every replay.
    Q_INVOKABLE QString stickyId(const QString &kind, const QString &key);

private:
    void fail(const std::string &message);

    const Rules &m_rules;
    const Event *m_event = nullptr;
    StepTrace *m_trace = nullptr;
    std::optional<nlohmann::json> m_recordings; // parsed from the event's metadata on first use
};

} // namespace Chronoscope
