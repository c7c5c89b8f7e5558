#include "io/importer.h"

#include "base/boundedqueue.h"
#include "base/error.h"
#include "base/jsontext.h"
#include "io/eventfilereader.h"
#include "log/eventlog.h"
#include "log/eventwriter.h"
#include "log/importstore.h"
#include "log/writetransaction.h"

#include <exception>
#include <filesystem>
#include <thread>

namespace Chronoscope {

namespace {

constexpr size_t kBatchSize = 1024;
constexpr size_t kQueuedBatches = 16;

// Items travel in batches: one queue operation per thousand events keeps locking negligible.
struct Batch
{
    size_t fileIndex = 0;
    std::vector<ParsedItem> items;
    std::exception_ptr error; ///< a file that could not be read
};

// A path that is not a regular file is refused by what it is, not as missing.
void requireEventFile(const std::string &file)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::file_status status = fs::status(file, ec);
    if (!fs::exists(status))
        throw Error::input(file + ": no such file");
    if (fs::is_regular_file(status))
        return;
    const char *what = fs::is_directory(status)        ? "a directory"
                       : fs::is_fifo(status)           ? "a FIFO (named pipe)"
                       : fs::is_character_file(status) ? "a character device"
                       : fs::is_block_file(status)     ? "a block device"
                       : fs::is_socket(status)         ? "a socket"
                                                       : "not a regular file";
    throw Error::input(file + ": is " + what
                       + ", not an event file; import reads regular files (JSON Lines, a JSON "
                         "array or CloudEvents): save the events to a file first");
}

} // namespace

std::string ImportIssue::text() const
{
    if (line <= 0)
        return file + ": " + message;
    if (column <= 0)
        return file + ":" + std::to_string(line) + ": " + message;
    return file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + message;
}

const char *formatName(ImportFormat format)
{
    switch (format) {
    case ImportFormat::Auto:
        return "auto";
    case ImportFormat::Jsonl:
        return "jsonl";
    case ImportFormat::CloudEvents:
        return "cloudevents";
    }
    return "auto";
}

// One import: a reader thread parses and maps the files while this thread writes, so parsing
// overlaps SQLite's work. Everything is written in one transaction.
class Importer::Run
{
public:
    Run(EventLog &log, const ImportOptions &options, const std::vector<std::string> &files)
        : m_log(log)
        , m_options(options)
        , m_files(files)
        , m_transaction(log)
        , m_writer(log)
        , m_firstSeq(m_writer.lastSeq() + 1)
        , m_importTime(Timestamp::now())
        , m_queue(kQueuedBatches)
    {
        std::error_code ec;
        for (const auto &file : files)
            m_bytesTotal += std::filesystem::file_size(file, ec);
        m_writer.beginBulk();
    }

    ~Run()
    {
        m_queue.close(); // stops the reader if this thread gave up early
        if (m_reader.joinable())
            m_reader.join();
    }

    ImportReport execute()
    {
        m_reader = std::thread([this] { readAll(); });
        while (auto batch = m_queue.pop()) {
            if (batch->error)
                std::rethrow_exception(batch->error);
            for (ParsedItem &item : batch->items)
                consume(batch->fileIndex, item);
            reportProgress(batch->fileIndex, batch->items.empty() ? 0 : batch->items.back().offset);
        }
        if (m_timeMissing > 0)
            m_report.warnings.push_back(
                    {m_files.front(),
                     0,
                     std::to_string(m_timeMissing)
                             + " events had no time; their recorded_at is the time of this "
                               "import"});
        m_report.imported = m_writer.lastSeq() - m_firstSeq + 1;
        if (m_report.imported > 0) {
            m_report.firstSeq = m_firstSeq;
            m_report.lastSeq = m_writer.lastSeq();
        }
        recordImport();
        m_writer.finish();
        m_transaction.commit();
        return m_report;
    }

private:
    // The reader thread.
    void readAll()
    {
        EventFileReader reader;
        Batch batch;
        for (size_t i = 0; i < m_files.size(); ++i) {
            batch.fileIndex = i;
            try {
                reader.read(m_files[i], m_options.format, [&](ParsedItem &&item) {
                    batch.items.push_back(std::move(item));
                    if (batch.items.size() < kBatchSize)
                        return true;
                    Batch full{i, std::move(batch.items), nullptr};
                    batch.items.clear();
                    return m_queue.push(std::move(full));
                });
            } catch (...) {
                batch.error = std::current_exception();
            }
            if (!m_queue.push(std::move(batch)))
                return;
            batch = Batch();
        }
        m_queue.close();
    }

    void consume(size_t fileIndex, ParsedItem &item)
    {
        const std::string &path = m_files[fileIndex];
        switch (item.kind) {
        case ParsedItem::Kind::Event:
            write(fileIndex, item.line, item.event);
            break;
        case ParsedItem::Kind::Rejected:
            reject(path, item.line, std::move(item.message), item.column);
            break;
        case ParsedItem::Kind::Warning:
            m_report.warnings.push_back({path, item.line, std::move(item.message)});
            break;
        case ParsedItem::Kind::FileDone:
            m_report.formats.push_back(item.format);
            m_bytesDone += item.offset;
            break;
        }
    }

    void write(size_t fileIndex, int64_t line, MappedEvent &m)
    {
        const std::string &path = m_files[fileIndex];
        for (auto &warning : m.warnings)
            m_report.warnings.push_back({path, line, std::move(warning)});
        Event &e = m.event;
        if (m.timeMissing) {
            e.recordedAt = m_importTime;
            ++m_timeMissing;
        }
        if (m.declaredSeq && *m.declaredSeq != m_writer.lastSeq() + 1)
            m.sourceFields["seq"] = *m.declaredSeq;
        if (m.declaredStreamVersion
            && *m.declaredStreamVersion != m_writer.nextStreamVersion(e.stream))
            m.sourceFields["stream_version"] = *m.declaredStreamVersion;
        if (!m.sourceFields.empty())
            e.metadata = JsonText::addSourceFields(e.metadata, m.sourceFields);

        if (m_writer.write(e) == EventWriter::Outcome::DuplicateId) {
            reject(path, line, "duplicate id \"" + e.id + "\": " + whereIs(e.id));
            return;
        }
        m_lines.emplace_back(static_cast<uint32_t>(fileIndex), static_cast<uint32_t>(line));
    }

    std::string whereIs(const std::string &id)
    {
        const int64_t seq = m_writer.seqOfId(id);
        if (seq < m_firstSeq)
            return "the log already holds it as seq " + std::to_string(seq);
        const auto &[fileIndex, line] = m_lines[static_cast<size_t>(seq - m_firstSeq)];
        return "already imported from " + m_files[fileIndex] + ":" + std::to_string(line);
    }

    void reject(const std::string &path, int64_t line, std::string message, int64_t column = 0)
    {
        ImportIssue issue{path, line, std::move(message), column};
        if (m_options.onError == OnError::Abort)
            throw Error::input(issue.text() + " (nothing was imported)");
        m_report.skipped.push_back(std::move(issue));
    }

    void reportProgress(size_t fileIndex, uint64_t offsetInFile)
    {
        if (!m_options.progress)
            return;
        ImportProgress p;
        p.fileIndex = fileIndex;
        p.fileCount = m_files.size();
        p.bytesDone = std::min(m_bytesTotal, m_bytesDone + offsetInFile);
        p.bytesTotal = m_bytesTotal;
        p.events = m_writer.lastSeq() - m_firstSeq + 1;
        if (!m_options.progress(p))
            throw Error::failed("import cancelled; the log was left as it was");
    }

    void recordImport()
    {
        ImportRecord import{m_files,
                            formatName(m_options.format),
                            std::nullopt,
                            std::nullopt,
                            static_cast<int64_t>(m_report.skipped.size()),
                            m_importTime};
        if (m_report.imported > 0) {
            import.firstSeq = m_report.firstSeq;
            import.lastSeq = m_report.lastSeq;
        }
        ImportStore::record(m_log, import);
    }

    EventLog &m_log;
    const ImportOptions &m_options;
    const std::vector<std::string> &m_files;
    WriteTransaction m_transaction;
    EventWriter m_writer;
    const int64_t m_firstSeq;
    const Timestamp::Micros m_importTime;
    BoundedQueue<Batch> m_queue;
    std::thread m_reader;
    ImportReport m_report;
    std::vector<std::pair<uint32_t, uint32_t>> m_lines; // (file index, line) per imported event
    uint64_t m_bytesTotal = 0;
    uint64_t m_bytesDone = 0;
    int64_t m_timeMissing = 0;
};

Importer::Importer(EventLog &log, ImportOptions options)
    : m_log(log)
    , m_options(std::move(options))
{}

Importer::~Importer() = default;

ImportReport Importer::run(const std::vector<std::string> &files)
{
    for (const auto &file : files)
        requireEventFile(file);
    m_log.prepareBulkWrite();
    Run run(m_log, m_options, files);
    return run.execute();
}

} // namespace Chronoscope
