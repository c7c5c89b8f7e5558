#pragma once

#include "base/breakpoint.h"

#include <vector>

namespace Chronoscope {

class EventLog;

/// The breakpoints saved in a log, so that they are there the next time it is opened.
class BreakpointStore
{
public:
    explicit BreakpointStore(EventLog &log);

    std::vector<Breakpoint> list();
    /// Saves a new breakpoint and returns it with its id. Throws Error (Input) for an empty
    /// pattern.
    Breakpoint add(Breakpoint::Kind kind, const std::string &pattern);
    /// Throws Error (NotFound) for an unknown id.
    void setEnabled(int64_t id, bool enabled);
    void remove(int64_t id);
    void recordHit(int64_t id);

private:
    void requireChanged(int64_t id);

    EventLog &m_log;
};

} // namespace Chronoscope
