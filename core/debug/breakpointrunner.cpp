#include "debug/breakpointrunner.h"

#include "base/error.h"
#include "log/eventlog.h"
#include "log/history.h"
#include "replay/replayer.h"

namespace Chronoscope {

namespace {

// How many events a backward run replays at a time, nearest block first.
constexpr int64_t kBackwardBlock = 2048;

} // namespace

BreakpointRunner::BreakpointRunner(EventLog &log, Replayer &replayer, ExpressionEngine &engine)
    : m_log(log)
    , m_replayer(replayer)
    , m_engine(engine)
{}

void BreakpointRunner::setBreakpoints(std::vector<Breakpoint> breakpoints)
{
    std::vector<std::optional<ExpressionEngine::Id>> compiled;
    for (const Breakpoint &b : breakpoints) {
        if (!b.isExpression()) {
            compiled.emplace_back();
            continue;
        }
        try {
            compiled.emplace_back(m_engine.compile(b.pattern));
        } catch (const Error &e) {
            throw Error::input("breakpoint " + std::to_string(b.id) + ": " + e.what());
        }
    }
    m_breakpoints = std::move(breakpoints);
    m_compiled = std::move(compiled);
}

std::vector<BreakpointRunner::Armed> BreakpointRunner::armed() const
{
    std::vector<Armed> result;
    for (size_t i = 0; i < m_breakpoints.size(); ++i)
        if (m_breakpoints[i].enabled)
            result.push_back({i, m_compiled[i], nullptr});
    return result;
}

bool BreakpointRunner::hasExpressions(const std::vector<Armed> &armed) const
{
    for (const Armed &a : armed)
        if (a.expression)
            return true;
    return false;
}

bool BreakpointRunner::matchesStatic(const Breakpoint &b, const Event &event) const
{
    switch (b.kind) {
    case Breakpoint::Kind::Type:
        return EventFilter::globMatches(b.pattern, event.type);
    case Breakpoint::Kind::Stream:
        return EventFilter::globMatches(b.pattern, event.stream);
    case Breakpoint::Kind::Source:
        return event.source && EventFilter::globMatches(b.pattern, *event.source);
    case Breakpoint::Kind::Condition:
    case Breakpoint::Kind::Change:
        break;
    }
    return false;
}

std::optional<int64_t>
BreakpointRunner::nextStaticHit(const std::vector<Armed> &armed, int64_t from, bool forward)
{
    // One indexed query for the nearest event any of the globs matches; ignored events are
    // passed over.
    std::vector<EventFilter> anyOf;
    for (const Armed &a : armed) {
        const Breakpoint &b = m_breakpoints[a.index];
        EventFilter &f = anyOf.emplace_back();
        (b.kind == Breakpoint::Kind::Type     ? f.type
         : b.kind == Breakpoint::Kind::Stream ? f.stream
                                              : f.source)
                = b.pattern;
    }
    const std::set<int64_t> &ignored = m_replayer.ignored();
    return m_log.nearestMatching(
            from, forward, anyOf, [&ignored](int64_t seq) { return ignored.count(seq) > 0; });
}

void BreakpointRunner::prime(std::vector<Armed> &armed, int64_t seq)
{
    std::optional<Event> event = seq > 0 ? m_replayer.history().at(seq) : std::nullopt;
    for (Armed &a : armed) {
        const Breakpoint &b = m_breakpoints[a.index];
        if (b.kind != Breakpoint::Kind::Change)
            continue;
        try {
            a.last = m_engine.value(*a.expression, event ? &*event : nullptr, m_replayer.state());
        } catch (const Error &e) {
            throw Error::failed("breakpoint " + std::to_string(b.id) + ": " + e.what());
        }
    }
}

std::vector<int64_t>
BreakpointRunner::hitsAt(std::vector<Armed> &armed, const Event &event, const State &state)
{
    std::vector<int64_t> ids;
    for (Armed &a : armed) {
        const Breakpoint &b = m_breakpoints[a.index];
        bool hit = false;
        try {
            if (b.kind == Breakpoint::Kind::Condition) {
                hit = m_engine.holds(*a.expression, &event, state);
            } else if (b.kind == Breakpoint::Kind::Change) {
                nlohmann::json value = m_engine.value(*a.expression, &event, state);
                hit = !ExpressionEngine::same(value, a.last);
                a.last = std::move(value);
            } else {
                hit = matchesStatic(b, event);
            }
        } catch (const Error &e) {
            throw Error::failed("breakpoint " + std::to_string(b.id) + ": " + e.what());
        }
        if (hit)
            ids.push_back(b.id);
    }
    return ids;
}

std::optional<BreakpointRunner::Hit> BreakpointRunner::finish(int64_t seq, std::vector<int64_t> ids)
{
    for (Breakpoint &b : m_breakpoints)
        for (const int64_t id : ids)
            if (b.id == id)
                ++b.hits;
    return Hit{seq, std::move(ids)};
}

std::optional<BreakpointRunner::Hit> BreakpointRunner::runForward(const std::atomic<bool> *cancel,
                                                                  const Progress &progress)
{
    std::vector<Armed> live = armed();
    const int64_t head = m_replayer.history().length();
    // On main the log's indexes find type, stream and source hits; a branch is walked.
    if (!hasExpressions(live) && m_replayer.history().isMain()) {
        const std::optional<int64_t> next
                = live.empty() ? std::nullopt : nextStaticHit(live, m_replayer.position(), true);
        m_replayer.seek(next.value_or(head));
        if (!next)
            return std::nullopt;
        const Event event = *m_replayer.history().at(*next);
        return finish(*next, hitsAt(live, event, m_replayer.state()));
    }
    prime(live, m_replayer.position());
    std::optional<Hit> hit;
    m_replayer.forward(head, [&](const Event &event, const State &state) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            return false;
        if (progress && event.seq % 1024 == 0)
            progress(event.seq);
        std::vector<int64_t> ids = hitsAt(live, event, state);
        if (ids.empty())
            return true;
        hit = finish(event.seq, std::move(ids));
        return false;
    });
    return hit;
}

std::optional<BreakpointRunner::Hit> BreakpointRunner::runBackward(const std::atomic<bool> *cancel,
                                                                   const Progress &progress)
{
    std::vector<Armed> live = armed();
    const int64_t from = m_replayer.position();
    if (!hasExpressions(live) && m_replayer.history().isMain()) {
        const std::optional<int64_t> previous
                = live.empty() ? std::nullopt : nextStaticHit(live, from, false);
        m_replayer.seek(previous.value_or(0));
        if (!previous)
            return std::nullopt;
        const Event event = *m_replayer.history().at(*previous);
        return finish(*previous, hitsAt(live, event, m_replayer.state()));
    }
    for (int64_t end = from - 1; end >= 1;) {
        const int64_t start = std::max<int64_t>(1, end - kBackwardBlock + 1);
        m_replayer.seek(start - 1);
        prime(live, start - 1);
        Hit last;
        bool cancelled = false;
        m_replayer.forward(end, [&](const Event &event, const State &state) {
            if (cancel && cancel->load(std::memory_order_relaxed)) {
                cancelled = true;
                return false;
            }
            std::vector<int64_t> ids = hitsAt(live, event, state);
            if (!ids.empty())
                last = Hit{event.seq, std::move(ids)};
            return true;
        });
        if (cancelled)
            return std::nullopt;
        if (last.seq > 0) {
            m_replayer.seek(last.seq);
            return finish(last.seq, std::move(last.breakpoints));
        }
        if (progress)
            progress(start);
        end = start - 1;
    }
    m_replayer.seek(0);
    return std::nullopt;
}

} // namespace Chronoscope
