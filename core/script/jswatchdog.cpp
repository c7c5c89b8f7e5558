#include "script/jswatchdog.h"

#include <QJSEngine>

#include <cstdio>
#include <unistd.h>

namespace Chronoscope {

namespace {

int64_t nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
                   std::chrono::steady_clock::now().time_since_epoch())
            .count();
}

uint64_t residentBytes()
{
    std::FILE *statm = std::fopen("/proc/self/statm", "r");
    if (!statm)
        return 0;
    unsigned long size = 0, resident = 0;
    const int read = std::fscanf(statm, "%lu %lu", &size, &resident);
    std::fclose(statm);
    return read == 2 ? resident * static_cast<uint64_t>(::sysconf(_SC_PAGESIZE)) : 0;
}

constexpr auto kTick = std::chrono::milliseconds(5);
// An interrupted call that still grows is given this long and this much more before the process
// ends: one native step (a string concatenation) may allocate a lot at once and then stop.
constexpr auto kLastResortGrace = std::chrono::milliseconds(500);
constexpr uint64_t kLastResortMargin = uint64_t(512) << 20;

} // namespace

JsWatchdog::JsWatchdog(QJSEngine &engine, std::chrono::milliseconds limit, uint64_t heapLimitBytes)
    : m_engine(engine)
    , m_limit(limit)
    , m_heapLimit(heapLimitBytes)
    , m_thread([this] { watch(); })
{}

JsWatchdog::~JsWatchdog()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void JsWatchdog::begin(const char *label)
{
    m_label.store(label, std::memory_order_relaxed);
    m_call.fetch_add(1, std::memory_order_relaxed);
    m_startedAt.store(nowNs(), std::memory_order_release);
}

JsWatchdog::Stop JsWatchdog::end()
{
    m_startedAt.store(0, std::memory_order_release);
    const Stop fired = m_fired.exchange(Stop::None);
    if (fired != Stop::None)
        m_engine.setInterrupted(false);
    return fired;
}

void JsWatchdog::watch()
{
    uint64_t seenCall = 0;
    uint64_t baseline = 0;
    int64_t firedAt = 0;
    std::unique_lock lock(m_mutex);
    while (!m_wake.wait_for(lock, kTick, [this] { return m_stop; })) {
        const int64_t started = m_startedAt.load(std::memory_order_acquire);
        if (started == 0) {
            seenCall = 0;
            firedAt = 0;
            continue;
        }
        const uint64_t call = m_call.load(std::memory_order_relaxed);
        const uint64_t resident = residentBytes();
        if (call != seenCall) { // a call this sampler has not seen yet: its heap starts here
            seenCall = call;
            baseline = resident;
            firedAt = 0;
            continue;
        }
        const uint64_t grown = resident > baseline ? resident - baseline : 0;
        if (firedAt == 0) {
            Stop stop = Stop::None;
            if (grown > m_heapLimit)
                stop = Stop::Heap;
            else if (nowNs() - started > std::chrono::nanoseconds(m_limit).count())
                stop = Stop::Time;
            if (stop != Stop::None) {
                m_fired = stop;
                firedAt = nowNs();
                m_engine.setInterrupted(true); // thread-safe by Qt's contract
            }
        } else if (grown > 2 * m_heapLimit + kLastResortMargin
                   && nowNs() - firedAt > std::chrono::nanoseconds(kLastResortGrace).count()) {
            // Interrupted, and still allocating: a native built-in that does not stop.
            std::fprintf(stderr,
                         "chronoscope: %s used more than %llu MB of memory and could not be "
                         "interrupted (a built-in function running on a huge value); the "
                         "process stops here so as not to take the machine's memory; the log "
                         "keeps what was committed before.\n",
                         m_label.load(std::memory_order_relaxed),
                         static_cast<unsigned long long>(m_heapLimit >> 20));
            std::fflush(stderr);
            ::_exit(1);
        }
    }
}

} // namespace Chronoscope
