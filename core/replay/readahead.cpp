#include "replay/readahead.h"

#include "base/boundedqueue.h"
#include "log/history.h"

#include <atomic>
#include <exception>
#include <thread>
#include <vector>

namespace Chronoscope {

namespace {

constexpr size_t kBatchSize = 1024;
constexpr size_t kBatches = 4; // read ahead at most this many batches

// Events are copied into recycled batches, so that their strings keep their buffers.
struct Batch
{
    std::vector<Event> events = std::vector<Event>(kBatchSize);
    size_t size = 0;
};

} // namespace

void forEachReadAhead(History &history,
                      int64_t from,
                      int64_t to,
                      EventFilter::Columns columns,
                      const std::function<bool(const Event &)> &visit)
{
    BoundedQueue<Batch> spare(kBatches);
    BoundedQueue<Batch> read(kBatches);
    for (size_t i = 0; i < kBatches; ++i)
        spare.push(Batch());
    std::atomic<bool> stop{false};
    std::exception_ptr readError;

    std::thread reader([&] {
        std::optional<Batch> batch = spare.pop(); // kBatches are there: never empty here
        try {
            history.forEach(from, to, columns, [&](const Event &e) {
                if (stop.load(std::memory_order_relaxed))
                    return false;
                batch->events[batch->size++] = e;
                if (batch->size < kBatchSize)
                    return true;
                if (!read.push(std::move(*batch)))
                    return false;
                batch = spare.pop(); // none once the queues are closed
                return batch.has_value();
            });
        } catch (...) {
            readError = std::current_exception();
        }
        if (batch && batch->size > 0)
            read.push(std::move(*batch));
        read.close();
    });
    // Whatever happens here, the reader stops and is joined before the queues go.
    struct Join
    {
        std::thread &thread;
        std::atomic<bool> &stop;
        BoundedQueue<Batch> &spare;
        BoundedQueue<Batch> &read;
        ~Join()
        {
            stop = true;
            spare.close();
            read.close();
            if (thread.joinable())
                thread.join();
        }
    } join{reader, stop, spare, read};

    bool going = true;
    while (going) {
        std::optional<Batch> batch = read.pop();
        if (!batch)
            break;
        for (size_t i = 0; i < batch->size && going; ++i)
            going = visit(batch->events[i]);
        batch->size = 0;
        spare.push(std::move(*batch));
    }
    if (going) {       // the reader finished (or failed) first: nothing is left to visit
        reader.join(); // not joinable any more: the guard leaves it
        if (readError)
            std::rethrow_exception(readError);
    }
}

} // namespace Chronoscope
