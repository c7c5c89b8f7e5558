#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

class QJSEngine;

namespace Chronoscope {

/// Interrupts a QJSEngine whose current call runs longer than a time limit or makes the process
/// grow by more than a heap limit, so that an endless loop or a runaway allocation in script
/// code ends with an error instead of hanging or taking the machine's memory. One watchdog
/// thread per engine, sampling every few milliseconds; guarding a call costs two atomic stores
/// and an increment.
///
/// QJSEngine has no heap limit of its own, so the heap is measured as the process's resident
/// size, against its size when the watchdog first saw the call. Native built-ins do not check
/// for interruption (a huge `Array.prototype.fill` runs on inside the engine): when a call is
/// still running half a second after it was interrupted and has grown past twice the limit and
/// 512 MB more, the watchdog ends the process with a message on stderr naming the call — the one
/// way left not to take the machine down.
class JsWatchdog
{
public:
    enum class Stop { None, Time, Heap };

    JsWatchdog(QJSEngine &engine, std::chrono::milliseconds limit, uint64_t heapLimitBytes);
    ~JsWatchdog();

    std::chrono::milliseconds limit() const { return m_limit; }
    uint64_t heapLimitBytes() const { return m_heapLimit; }

    /// Marks the start of a guarded call; `label` names it if the process must be ended (a
    /// string that lives until end()).
    void begin(const char *label = "a script");
    /// Marks its end: whether it was stopped, and why (and clears the engine's interrupted flag).
    Stop end();

private:
    void watch();

    QJSEngine &m_engine;
    const std::chrono::milliseconds m_limit;
    const uint64_t m_heapLimit;
    std::atomic<int64_t> m_startedAt{0}; // steady-clock ns of the running call; 0 when idle
    std::atomic<uint64_t> m_call{0};     // counts calls, so that the sampler tells them apart
    std::atomic<const char *> m_label{nullptr};
    std::atomic<Stop> m_fired{Stop::None};
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace Chronoscope
