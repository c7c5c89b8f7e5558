#include "source/sourceimporter.h"

#include "base/boundedqueue.h"
#include "base/error.h"
#include "base/jsontext.h"
#include "log/eventlog.h"
#include "log/eventwriter.h"
#include "log/sourcestore.h"
#include "log/writetransaction.h"
#include "source/eventsource.h"

#include <algorithm>
#include <chrono>
#include <exception>
#include <memory>
#include <thread>

namespace Chronoscope {

namespace {

constexpr size_t kQueuedBatches = 8;
constexpr auto kSettleStep = std::chrono::milliseconds(10);
constexpr auto kStopCheck = std::chrono::milliseconds(20);
constexpr size_t kListedDuplicates = 5;

struct Batch
{
    SourceRead read;
    int64_t head = 0;
    std::vector<std::string> warnings;
    std::exception_ptr error;
};

// Where a run of `options` on `log` starts: after the position given, else where the last run
// of the same source and slice ended, else at the beginning.
int64_t startPosition(EventLog *log,
                      const std::string &uri,
                      const SourceImportOptions &options,
                      bool &resumed)
{
    resumed = false;
    if (options.fromPosition)
        return *options.fromPosition - 1;
    if (log)
        if (const auto earlier = SourceStore::find(*log, uri, options.slice.key())) {
            resumed = true;
            return earlier->position;
        }
    return 0;
}

} // namespace

class SourceImporter::Run
{
public:
    Run(EventLog &log, EventSource &source, const SourceImportOptions &options)
        : m_log(log)
        , m_source(source)
        , m_options(options)
        , m_sliceKey(options.slice.key())
        , m_runTime(Timestamp::now())
        , m_queue(kQueuedBatches)
    {
        m_report.startPosition = startPosition(&log, source.uri(), options, m_report.resumed);
        m_report.position = m_report.startPosition;
    }

    ~Run()
    {
        m_queue.close();
        if (m_reader.joinable())
            m_reader.join();
    }

    SourceImportReport execute()
    {
        m_reader = std::thread([this] { produce(); });
        if (m_options.follow)
            follow();
        else
            importOnce();
        return m_report;
    }

private:
    bool stopping() const { return m_cancelled || (m_options.stop && m_options.stop->load()); }

    // The reader thread: the store's head when it settles, then page after page up to it; when
    // following, the same again every poll interval.
    void produce()
    {
        try {
            int64_t after = m_report.startPosition;
            int64_t read = 0;
            std::vector<std::string> warnings;
            int64_t head = m_source.head(warnings);
            while (m_source.settling() && !stopping()) {
                std::this_thread::sleep_for(kSettleStep);
                head = m_source.head(warnings);
            }
            for (;;) {
                while (after < head && !stopping()) {
                    Batch batch{m_source.read(after, head, m_options.pageSize),
                                head,
                                std::move(warnings),
                                nullptr};
                    warnings.clear();
                    after = batch.read.through;
                    read += static_cast<int64_t>(batch.read.events.size());
                    if (!m_queue.push(std::move(batch)))
                        return;
                    if (m_options.limit && read >= *m_options.limit) {
                        m_queue.close();
                        return;
                    }
                }
                if (!m_options.follow || stopping())
                    break;
                if (!warnings.empty()) {
                    Batch notice{{{}, after}, head, std::move(warnings), nullptr};
                    warnings.clear();
                    if (!m_queue.push(std::move(notice)))
                        return;
                }
                const auto wake = std::chrono::steady_clock::now()
                                  + std::chrono::milliseconds(m_options.pollIntervalMs);
                while (std::chrono::steady_clock::now() < wake && !stopping())
                    std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(
                            kStopCheck, wake - std::chrono::steady_clock::now()));
                if (stopping())
                    break;
                head = m_source.head(warnings);
            }
        } catch (...) {
            Batch failed;
            failed.error = std::current_exception();
            m_queue.push(std::move(failed));
        }
        m_queue.close();
    }

    // Everything up to the head in one transaction.
    void importOnce()
    {
        m_log.prepareBulkWrite();
        WriteTransaction transaction(m_log);
        EventWriter writer(m_log);
        writer.beginBulk();
        const int64_t firstSeq = writer.lastSeq() + 1;
        while (auto batch = m_queue.pop()) {
            if (batch->error)
                std::rethrow_exception(batch->error);
            if (m_options.stop && m_options.stop->load())
                throw Error::failed(m_source.uri()
                                    + ": import interrupted; the log was left as it was");
            consume(*batch, writer);
            if (!reportProgress(*batch)) {
                m_cancelled = true;
                throw Error::failed("import cancelled; the log was left as it was");
            }
            if (limitReached())
                break;
        }
        if (m_options.stop && m_options.stop->load())
            throw Error::failed(m_source.uri()
                                + ": import interrupted; the log was left as it was");
        finishReport(firstSeq, writer.lastSeq());
        record(m_report.imported, firstSeq, writer.lastSeq());
        writer.finish();
        transaction.commit();
    }

    // One transaction per batch, each with the position it reached.
    void follow()
    {
        int64_t firstSeq = 0;
        int64_t lastSeq = 0;
        while (auto batch = m_queue.pop()) {
            if (batch->error)
                std::rethrow_exception(batch->error);
            const int64_t before = m_report.imported;
            const int64_t positionBefore = m_report.position;
            {
                WriteTransaction transaction(m_log);
                EventWriter writer(m_log);
                const int64_t batchFirst = writer.lastSeq() + 1;
                consume(*batch, writer);
                const int64_t written = m_report.imported - before;
                if (written > 0) {
                    firstSeq = firstSeq ? firstSeq : batchFirst;
                    lastSeq = writer.lastSeq();
                }
                if (written > 0 || m_report.position != positionBefore) {
                    record(written, written ? batchFirst : 0, written ? writer.lastSeq() : 0);
                    transaction.commit();
                }
            }
            if (!reportProgress(*batch))
                m_cancelled = true;
            if (limitReached() || stopping())
                break;
        }
        finishReport(firstSeq, lastSeq);
    }

    bool limitReached() const { return m_options.limit && m_report.imported >= *m_options.limit; }

    void consume(Batch &batch, EventWriter &writer)
    {
        for (auto &warning : batch.warnings)
            note(m_source.uri() + ": " + warning);
        for (SourceEvent &event : batch.read.events) {
            if (limitReached())
                return;
            write(event, writer);
            m_report.position = event.position;
        }
        if (!limitReached())
            m_report.position = batch.read.through;
    }

    void write(SourceEvent &source, EventWriter &writer)
    {
        MappedEvent &m = source.mapped;
        Event &e = m.event;
        if (m.timeMissing) {
            e.recordedAt = m_runTime;
            ++m_timeMissing;
        }
        if (source.causeId) {
            if (writer.seqOfId(*source.causeId) > 0)
                e.causationId = source.causeId;
            else
                m.sourceFields["causation_id"] = *source.causeId;
        }
        if (m.declaredStreamVersion
            && *m.declaredStreamVersion != writer.nextStreamVersion(e.stream))
            m.sourceFields["stream_version"] = *m.declaredStreamVersion;
        if (!m.sourceFields.empty())
            e.metadata = JsonText::addSourceFields(e.metadata, m.sourceFields);
        if (writer.write(e) == EventWriter::Outcome::DuplicateId) {
            if (m_report.duplicates < static_cast<int64_t>(kListedDuplicates))
                m_duplicateIds += (m_duplicateIds.empty() ? "" : ", ") + e.id;
            ++m_report.duplicates;
            return;
        }
        ++m_report.imported;
    }

    bool reportProgress(const Batch &batch)
    {
        if (!m_options.progress)
            return true;
        return m_options.progress({m_report.imported, m_report.position, batch.head});
    }

    void record(int64_t events, int64_t firstSeq, int64_t lastSeq)
    {
        SourceRecord run{m_source.uri(),
                         m_sliceKey,
                         m_report.position,
                         events,
                         std::nullopt,
                         std::nullopt,
                         m_runTime,
                         Timestamp::now()};
        if (events > 0) {
            run.firstSeq = firstSeq;
            run.lastSeq = lastSeq;
        }
        SourceStore::advance(m_log, run);
    }

    void finishReport(int64_t firstSeq, int64_t lastSeq)
    {
        if (m_report.imported > 0) {
            m_report.firstSeq = firstSeq;
            m_report.lastSeq = lastSeq;
        }
        if (m_timeMissing > 0)
            note(std::to_string(m_timeMissing)
                 + " events had no time; their recorded_at is the time of this import");
        if (m_report.duplicates > 0)
            note(std::to_string(m_report.duplicates)
                 + " events were in the log already (by id) and were not written again: "
                 + m_duplicateIds
                 + (m_report.duplicates > static_cast<int64_t>(kListedDuplicates) ? ", …" : ""));
    }

    void note(std::string warning)
    {
        if (m_options.warning)
            m_options.warning(warning);
        m_report.warnings.push_back(std::move(warning));
    }

    EventLog &m_log;
    EventSource &m_source;
    const SourceImportOptions &m_options;
    const std::string m_sliceKey;
    const Timestamp::Micros m_runTime;
    BoundedQueue<Batch> m_queue;
    std::thread m_reader;
    SourceImportReport m_report;
    std::atomic<bool> m_cancelled = false;
    int64_t m_timeMissing = 0;
    std::string m_duplicateIds;
};

SourceImporter::SourceImporter(EventLog &log, EventSource &source, SourceImportOptions options)
    : m_log(log)
    , m_source(source)
    , m_options(std::move(options))
{}

SourceImporter::~SourceImporter() = default;

SourceImportReport SourceImporter::run()
{
    Run run(m_log, m_source, m_options);
    return run.execute();
}

SourcePreview
SourceImporter::preview(EventLog *log, EventSource &source, const SourceImportOptions &options)
{
    SourcePreview preview;
    preview.startPosition = startPosition(log, source.uri(), options, preview.resumed);
    std::vector<std::string> warnings;
    preview.head = source.head(warnings);
    while (source.settling() && !(options.stop && options.stop->load())) {
        std::this_thread::sleep_for(kSettleStep);
        preview.head = source.head(warnings);
    }
    if (preview.head > preview.startPosition)
        preview.events = source.count(preview.startPosition, preview.head);
    if (options.limit)
        preview.events = std::min(preview.events, *options.limit);
    return preview;
}

} // namespace Chronoscope
