#include "jswatchdog.h"

#include <QJSEngine>

namespace Chronoscope {

namespace {

int64_t nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
                   std::chrono::steady_clock::now().time_since_epoch())
            .count();
}

} // namespace

JsWatchdog::JsWatchdog(QJSEngine &engine, std::chrono::milliseconds limit)
    : m_engine(engine)
    , m_limit(limit)
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

void JsWatchdog::begin()
{
    m_startedAt.store(nowNs(), std::memory_order_relaxed);
}

bool JsWatchdog::end()
{
    m_startedAt.store(0, std::memory_order_relaxed);
    if (!m_fired.exchange(false))
        return false;
    m_engine.setInterrupted(false);
    return true;
}

void JsWatchdog::watch()
{
    // Checks a few times per limit; a call is interrupted between limit and limit + tick.
    const auto tick = std::max(std::chrono::milliseconds(5), m_limit / 10);
    std::unique_lock lock(m_mutex);
    while (!m_wake.wait_for(lock, tick, [this] { return m_stop; })) {
        const int64_t started = m_startedAt.load(std::memory_order_relaxed);
        if (started != 0 && !m_fired
            && nowNs() - started > std::chrono::nanoseconds(m_limit).count()) {
            m_fired = true;
            m_engine.setInterrupted(true); // thread-safe by Qt's contract
        }
    }
}

} // namespace Chronoscope
