#pragma once

#include "base/timestamp.h"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace Chronoscope {

class EventLog;
class History;

/// The CQRS read side at a point of a history. For each projection: its checkpoint — the last
/// event up to that point it has a function for — and how far its view lagged behind the write
/// side at that moment, judged by `processed_at`: the events already recorded (written) by the
/// time of that point but not yet processed (so not yet in the read view), and how long after
/// that moment the read side had processed them all.
class ReadSide
{
public:
    struct Status
    {
        std::string projection;
        int64_t checkpoint = 0;        ///< a position of the history; 0: none yet
        int64_t pending = 0;           ///< recorded, not yet processed
        Timestamp::Micros catchUp = 0; ///< how long after that moment they were all processed
    };

    /// `types`: each projection's event types ("*": every type), as JsModel::projectionTypes().
    ReadSide(EventLog &log, std::map<std::string, std::set<std::string>> types);

    /// The projections' status after `position` of `history`. Reads backwards from there only
    /// as far as the log's largest processing lag reaches.
    std::vector<Status> at(History &history, int64_t position);

private:
    bool handles(const std::set<std::string> &types, const std::string &type) const;

    EventLog &m_log;
    std::map<std::string, std::set<std::string>> m_types;
    std::optional<Timestamp::Micros> m_maxLag;
};

} // namespace Chronoscope
