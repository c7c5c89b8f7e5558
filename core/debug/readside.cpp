#include "debug/readside.h"

#include "log/eventlog.h"
#include "log/history.h"

#include <algorithm>

namespace Chronoscope {

namespace {

constexpr int64_t kBlock = 2048;

} // namespace

ReadSide::ReadSide(EventLog &log, std::map<std::string, std::set<std::string>> types)
    : m_log(log)
    , m_types(std::move(types))
{}

bool ReadSide::handles(const std::set<std::string> &types, const std::string &type) const
{
    return types.count("*") > 0 || types.count(type) > 0;
}

std::vector<ReadSide::Status> ReadSide::at(History &history, int64_t position)
{
    std::vector<Status> statuses;
    for (const auto &[name, types] : m_types)
        statuses.push_back({name, 0, 0, 0});
    const auto current = position > 0 ? history.at(position) : std::nullopt;
    if (!current || statuses.empty())
        return statuses;
    if (!m_maxLag) {
        m_maxLag = m_log.maxLag();
    }
    // The moment of `position`: what the write side had recorded by then.
    const Timestamp::Micros now = current->recordedAt;
    const Timestamp::Micros horizon = now - *m_maxLag;
    size_t withoutCheckpoint = statuses.size();
    for (int64_t to = position; to >= 1; to -= kBlock) {
        const int64_t from = std::max<int64_t>(1, to - kBlock + 1);
        std::vector<Event> block;
        history.forEach(from, to, EventFilter::Columns::WithoutResult, [&block](const Event &e) {
            block.push_back(e);
            return true;
        });
        bool pastHorizon = false;
        for (auto e = block.rbegin(); e != block.rend(); ++e) {
            pastHorizon = pastHorizon || e->recordedAt < horizon;
            for (Status &status : statuses) {
                const auto &types = m_types.at(status.projection);
                if (!handles(types, e->type))
                    continue;
                if (status.checkpoint == 0) {
                    status.checkpoint = e->seq;
                    --withoutCheckpoint;
                }
                if (!pastHorizon && e->processedAt && *e->processedAt > now) {
                    ++status.pending;
                    status.catchUp = std::max(status.catchUp, *e->processedAt - now);
                }
            }
        }
        if (pastHorizon && withoutCheckpoint == 0)
            break;
    }
    return statuses;
}

} // namespace Chronoscope
