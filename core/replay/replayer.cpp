#include "replay/replayer.h"

#include "base/error.h"
#include "log/eventlog.h"
#include "log/mainhistory.h"
#include "replay/readahead.h"

namespace Chronoscope {

namespace {

constexpr size_t kRecentSteps = 64;
// Replays at least this long read the log in a thread of their own (see forEachReadAhead).
constexpr int64_t kReadAheadEvents = 16384;
// How often a replay reports its progress (see setProgress()).
constexpr int64_t kProgressEvents = 4096;

} // namespace

Replayer::Replayer(EventLog &log, Model &model, int64_t snapshotInterval)
    : m_ownHistory(std::make_unique<MainHistory>(log))
    , m_history(*m_ownHistory)
    , m_model(model)
    , m_interval(std::max<int64_t>(1, snapshotInterval))
    , m_head(m_history.length())
{
    m_corrections = m_history.corrections();
    m_snapshots.emplace(0, State());
}

Replayer::Replayer(History &history, Model &model, int64_t snapshotInterval)
    : m_history(history)
    , m_model(model)
    , m_interval(std::max<int64_t>(1, snapshotInterval))
    , m_head(m_history.length())
{
    m_corrections = history.corrections();
    m_snapshots.emplace(0, State());
}

Replayer::~Replayer() = default;

void Replayer::applyAt(const Event &event, StepTrace *trace)
{
    if (m_corrections.empty()) {
        m_model.apply(event, m_state, trace);
        return;
    }
    for (const int64_t seq : m_corrections.at(event.seq)) {
        if (seq == event.seq) {
            m_model.apply(event, m_state, trace);
            continue;
        }
        const Event correction = *m_history.at(seq);
        m_model.apply(correction, m_state, trace);
        m_dirty.insert(correction.stream); // for the stored states' bookkeeping
    }
}

void Replayer::restore(int64_t seq, const State &state)
{
    m_state = state;
    m_position = seq;
    m_model.stateReplaced();
    m_dirty.clear();
    m_chainValid = m_store && seq == m_storedMax;
}

void Replayer::useStore(SnapshotStore *store, int64_t storedInterval)
{
    if (!m_history.isMain())
        store = nullptr; // stored states are main's
    m_store = store;
    m_storedInterval = std::max(m_interval, storedInterval / m_interval * m_interval);
    m_storedMax = store ? store->lastSeq() : 0;
    m_storedMax -= m_storedMax % m_storedInterval; // a chain of another interval is not ours
    m_loadedUpTo = 0;
    m_chainState = State();
    m_dirty.clear();
    m_chainValid = store && m_position == m_storedMax;
}

void Replayer::loadStored(int64_t target)
{
    if (!m_store || !m_ignored.empty())
        return;
    const int64_t upTo = std::min(target, m_storedMax);
    if (upTo <= m_loadedUpTo)
        return;
    for (const SnapshotStore::Link &link : m_store->read(m_loadedUpTo, upTo)) {
        if (link.seq != m_loadedUpTo + m_storedInterval)
            break; // a gap: the chain ends here
        SnapshotStore::visit(
                link, [this](SnapshotStore::Part part, std::string name, std::string json) {
                    if (part == SnapshotStore::Part::Stream)
                        m_chainState.setStream(name, makeJsonString(std::move(json)));
                    else
                        m_chainState.setProjection(name, makeJsonString(std::move(json)));
                });
        m_snapshots.try_emplace(link.seq, m_chainState);
        m_loadedUpTo = link.seq;
    }
}

void Replayer::passStoredBoundary(int64_t seq)
{
    if (m_chainValid && seq == m_storedMax + m_storedInterval) {
        SnapshotStore::Link link;
        link.seq = seq;
        for (const std::string &stream : m_dirty) {
            if (const JsonString text = m_state.streamText(stream))
                SnapshotStore::appendMember(link.streams, stream, *text);
        }
        m_state.forEachProjection([&link](const std::string &name, const JsonString &view) {
            if (view)
                SnapshotStore::appendMember(link.projections, name, *view);
        });
        m_pending.push_back(std::move(link));
        m_storedMax = seq;
    }
    m_chainValid = seq == m_storedMax;
    m_dirty.clear();
}

void Replayer::flushStored()
{
    if (m_pending.empty())
        return;
    try {
        m_store->write(m_pending);
    } catch (const Error &) {
        // Storing states only saves time later (a read-only log, say): replay goes on without.
        m_store = nullptr;
        m_chainValid = false;
    }
    m_pending.clear();
}

void Replayer::seek(int64_t target)
{
    if (target > m_head)
        m_head = m_history.length(); // events appended since: the history is append-only
    if (target < 0 || target > m_head)
        throw Error::notFound("event " + std::to_string(target) + " is not in the history ("
                              + m_history.name() + " has " + std::to_string(m_head) + " events)");
    if (target == m_position)
        return;
    for (const auto &[seq, state] : m_recent) {
        if (seq == target) {
            restore(seq, state);
            return;
        }
    }
    loadStored(target);
    // Start from the nearest snapshot at or before the target, or from here if that is nearer.
    const auto snapshot = std::prev(m_snapshots.upper_bound(target));
    if (target < m_position || snapshot->first > m_position)
        restore(snapshot->first, snapshot->second);
    applyUpTo(target);
}

void Replayer::applyUpTo(int64_t target, const Visitor *visit)
{
    if (target <= m_position)
        return;
    EventFilter::Columns columns = EventFilter::Columns::All;
    if (!visit)
        columns = m_model.needsWholeEvent() ? EventFilter::Columns::WithoutResult
                                            : EventFilter::Columns::StreamAndData;
    const bool storing = m_store && m_ignored.empty();
    const int64_t start = m_position;
    const auto apply = [this, storing, visit, start, target](const Event &e) {
        const bool ignored = m_ignored.count(e.seq) > 0;
        if (!ignored) {
            applyAt(e, nullptr);
            ++m_applied;
            if (storing && m_chainValid)
                m_dirty.insert(e.stream);
        }
        m_position = e.seq;
        if (e.seq % m_interval == 0) {
            m_model.sync(m_state);
            m_snapshots.try_emplace(e.seq, m_state);
            if (storing && e.seq % m_storedInterval == 0)
                passStoredBoundary(e.seq);
        }
        const int64_t done = e.seq - start;
        if (m_progress && done % kProgressEvents == 0 && !m_progress(done, target - start))
            return false;
        if (visit && !ignored) {
            m_model.sync(m_state);
            return (*visit)(e, m_state);
        }
        return true;
    };
    // Reading ahead in a thread needs the history to itself: applying a correction reads main.
    if (!visit && m_corrections.empty() && target - m_position >= kReadAheadEvents)
        forEachReadAhead(m_history, m_position + 1, target, columns, apply);
    else
        m_history.forEach(m_position + 1, target, columns, apply);
    m_model.sync(m_state);
    if (storing)
        flushStored();
}

void Replayer::forward(int64_t target, const Visitor &visit)
{
    if (target > m_head)
        m_head = m_history.length();
    target = std::min(target, m_head);
    applyUpTo(target, &visit);
}

bool Replayer::stepForward()
{
    if (m_position >= m_head)
        m_head = m_history.length();
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
    m_chainValid = false;
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
        throw Error::notFound("event " + std::to_string(seq) + " is not in the history ("
                              + m_history.name() + " has " + std::to_string(m_head) + " events)");
    {
        // The step needs the state right before it: no stopping on the way (seek first to
        // let a long way be stopped).
        Progress progress = std::exchange(m_progress, nullptr);
        try {
            seek(seq - 1);
        } catch (...) {
            m_progress = std::move(progress);
            throw;
        }
        m_progress = std::move(progress);
    }
    Step step;
    step.event = *m_history.at(seq);
    step.ignored = m_ignored.count(seq) > 0;
    step.before = m_state.stream(step.event.stream);
    m_recent.emplace_back(m_position, m_state);
    if (!step.ignored) {
        applyAt(step.event, &step.trace);
        m_model.sync(m_state);
        ++m_applied;
    }
    m_position = seq;
    m_chainValid = false; // this step went past the stored chain's bookkeeping
    step.after = m_state.stream(step.event.stream);
    step.changes = nlohmann::json::diff(step.before ? *step.before : nlohmann::json(),
                                        step.after ? *step.after : nlohmann::json());
    return step;
}

} // namespace Chronoscope
