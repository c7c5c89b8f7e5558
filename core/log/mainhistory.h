#pragma once

#include "log/history.h"

namespace Chronoscope {

class EventLog;

/// The recorded events of a log, in seq order: positions are seqs.
class MainHistory : public History
{
public:
    explicit MainHistory(EventLog &log);

    std::string name() const override { return "main"; }
    int64_t length() override;
    void forEach(int64_t from,
                 int64_t to,
                 EventFilter::Columns columns,
                 const std::function<bool(const Event &)> &visit) override;
    std::optional<Event> at(int64_t position) override;
    std::optional<int64_t> positionOf(const std::string &id) override;
    bool isMain() const override { return true; }
    int64_t lastPositionBefore(Timestamp::Micros time) override;
    void forEachOfStream(const std::string &stream,
                         int64_t upTo,
                         const std::function<bool(const Event &)> &visit) override;
    Corrections corrections() override;
    EventLog &log() { return m_log; }

private:
    EventLog &m_log;
};

} // namespace Chronoscope
