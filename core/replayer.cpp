#include "replayer.h"

#include "error.h"
#include "eventlog.h"

namespace Chronoscope {

namespace {

constexpr size_t kRecentSteps = 64;

} // namespace

Replayer::Replayer(EventLog &log, Model &model, int64_t snapshotInterval)
    : m_log(log)
    , m_model(model)
    , m_interval(std::max<int64_t>(1, snapshotInterval))
    , m_head(log.eventCount())
{
    m_snapshots.emplace(0, State());
}

void Replayer::restore(int64_t seq, const State &state)
{
    m_state = state;
    m_position = seq;
    m_model.stateReplaced();
}

void Replayer::seek(int64_t target)
{
    if (target < 0 || target > m_head)
        throw Error::notFound("event " + std::to_string(target)
                              + " is not in the history (main has " + std::to_string(m_head)
                              + " events)");
    if (target == m_position)
        return;
    for (const auto &[seq, state] : m_recent) {
        if (seq == target) {
            restore(seq, state);
            return;
        }
    }
    // Start from the nearest snapshot at or before the target, or from here if that is nearer.
    const auto snapshot = std::prev(m_snapshots.upper_bound(target));
    if (target < m_position || snapshot->first > m_position)
        restore(snapshot->first, snapshot->second);
    applyUpTo(target);
}

void Replayer::applyUpTo(int64_t target)
{
    if (target <= m_position)
        return;
    EventFilter filter;
    filter.fromSeq = m_position + 1;
    filter.toSeq = target;
    filter.withResults = false;
    m_log.forEachEvent(filter, [this](const Event &e) {
        if (!m_ignored.count(e.seq)) {
            m_model.apply(e, m_state, nullptr);
            ++m_applied;
        }
        m_position = e.seq;
        if (e.seq % m_interval == 0 && !m_snapshots.count(e.seq)) {
            m_model.sync(m_state);
            m_snapshots.emplace(e.seq, m_state);
        }
        return true;
    });
    m_model.sync(m_state);
}

bool Replayer::stepForward()
{
    if (m_position >= m_head)
        return false;
    m_recent.emplace_back(m_position, m_state);
    if (m_recent.size() > kRecentSteps)
        m_recent.pop_front();
    applyUpTo(m_position + 1);
    return true;
}

bool Replayer::stepBack()
{
    if (m_position == 0)
        return false;
    seek(m_position - 1);
    return true;
}

void Replayer::setIgnored(std::set<int64_t> seqs)
{
    // Everything after the first event whose treatment changes has to be replayed again.
    int64_t firstChange = INT64_MAX;
    for (const int64_t seq : seqs)
        if (!m_ignored.count(seq))
            firstChange = std::min(firstChange, seq);
    for (const int64_t seq : m_ignored)
        if (!seqs.count(seq))
            firstChange = std::min(firstChange, seq);
    m_ignored = std::move(seqs);
    if (firstChange == INT64_MAX)
        return;
    m_snapshots.erase(m_snapshots.lower_bound(firstChange), m_snapshots.end());
    m_recent.clear();
    if (m_position >= firstChange) {
        const int64_t target = m_position;
        const auto snapshot = std::prev(m_snapshots.upper_bound(target));
        restore(snapshot->first, snapshot->second);
        applyUpTo(target);
    }
}

Replayer::Step Replayer::explain(int64_t seq)
{
    if (seq < 1 || seq > m_head)
        throw Error::notFound("event " + std::to_string(seq) + " is not in the history (main has "
                              + std::to_string(m_head) + " events)");
    seek(seq - 1);
    Step step;
    step.event = *m_log.event(seq);
    step.ignored = m_ignored.count(seq) > 0;
    step.before = m_state.streamPtr(step.event.stream);
    m_recent.emplace_back(m_position, m_state);
    if (!step.ignored) {
        m_model.apply(step.event, m_state, &step.trace);
        m_model.sync(m_state);
        ++m_applied;
    }
    m_position = seq;
    step.after = m_state.streamPtr(step.event.stream);
    step.changes = nlohmann::json::diff(step.before ? *step.before : nlohmann::json(),
                                        step.after ? *step.after : nlohmann::json());
    return step;
}

} // namespace Chronoscope
