#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

class QJSEngine;

namespace Chronoscope {

/// Interrupts a QJSEngine whose current call has run longer than a limit, so that an endless
/// loop in a model ends with an error instead of hanging. One watchdog thread per engine;
/// guarding a call costs two atomic stores.
class JsWatchdog
{
public:
    JsWatchdog(QJSEngine &engine, std::chrono::milliseconds limit);
    ~JsWatchdog();

    std::chrono::milliseconds limit() const { return m_limit; }

    /// Marks the start and the end of a guarded call.
    void begin();
    /// Returns whether the call was interrupted (and clears the engine's interrupted flag).
    bool end();

private:
    void watch();

    QJSEngine &m_engine;
    const std::chrono::milliseconds m_limit;
    std::atomic<int64_t> m_startedAt{0}; // steady-clock ns of the running call; 0 when idle
    std::atomic<bool> m_fired{false};
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace Chronoscope
