#include "importer.h"

#include "canonicalmapper.h"
#include "cloudeventmapper.h"
#include "error.h"
#include "eventlog.h"
#include "eventwriter.h"
#include "jsontext.h"

#include <QByteArray>
#include <QUuid>

#include <filesystem>

namespace Chronoscope {

namespace {

// Ids generated for events that have none are name-based (UUID v5), so importing the same file
// twice gives the same ids — and a duplicate-id error instead of silent doubles.
const QUuid kGeneratedIdNamespace(QStringLiteral("{6d1f3c2e-8a4b-4f0e-9c57-2b9e41d7a0c3}"));

std::string_view trimRight(std::string_view s)
{
    while (!s.empty() && (s.back() == '\r' || s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

bool isBlank(std::string_view s)
{
    return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

int64_t lineAt(std::string_view text, size_t offset)
{
    int64_t line = 1;
    for (size_t i = 0; i < offset && i < text.size(); ++i)
        line += text[i] == '\n';
    return line;
}

struct ParseFailure
{
    int64_t lineOffset = 0; ///< lines after the first line of the parsed text
    std::string message;
};

// simdjson says only what kind of error; nlohmann's parser says where, so it explains failures.
ParseFailure explainParseError(std::string_view text, simdjson::error_code code)
{
    if (code == simdjson::UTF8_ERROR)
        return {0, "invalid UTF-8 in the JSON text"};
    try {
        const auto parsed = nlohmann::json::parse(text.begin(), text.end());
        (void)parsed;
    } catch (const nlohmann::json::parse_error &e) {
        std::string message = e.what();
        const size_t column = message.find(", column ");
        const size_t colon = column == std::string::npos ? column : message.find(": ", column);
        if (colon != std::string::npos)
            message = message.substr(colon + 2);
        const auto offset = static_cast<size_t>(e.byte > 0 ? e.byte - 1 : 0);
        if (message.find("expected end of input") != std::string::npos)
            message = "a second JSON document starts here; concatenated JSON documents are not "
                      "an event format: write one event per line, or an array of events";
        else
            message = "invalid JSON: " + message;
        return {lineAt(text, offset) - 1, message};
    }
    return {0, std::string("invalid JSON: ") + simdjson::error_message(code)};
}

// Lines on which the top-level elements of a JSON array start (the text is known to be valid).
std::vector<int64_t> arrayElementLines(std::string_view text, int64_t firstLine)
{
    std::vector<int64_t> lines;
    int64_t line = firstLine;
    int depth = 0;
    bool inString = false;
    bool expectElement = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n')
            ++line;
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue;
        if (depth == 1 && expectElement && c != ']') {
            lines.push_back(line);
            expectElement = false;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            ++depth;
            if (depth == 1)
                expectElement = true;
        } else if (c == ']' || c == '}') {
            --depth;
        } else if (c == ',' && depth == 1) {
            expectElement = true;
        }
    }
    return lines;
}

} // namespace

std::string ImportIssue::text() const
{
    if (line <= 0)
        return file + ": " + message;
    return file + ":" + std::to_string(line) + ": " + message;
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

// The state of one import: the open transaction, the writer and where each event came from.
class Importer::Run
{
public:
    Run(EventLog &log, const ImportOptions &options, const std::vector<std::string> &files)
        : m_log(log)
        , m_options(options)
        , m_files(files)
        , m_transaction(log.database())
        , m_writer(log)
        , m_firstSeq(m_writer.lastSeq() + 1)
        , m_importTime(Timestamp::now())
    {
        std::error_code ec;
        for (const auto &file : files)
            m_bytesTotal += std::filesystem::file_size(file, ec);
    }

    ImportReport execute()
    {
        for (m_fileIndex = 0; m_fileIndex < m_files.size(); ++m_fileIndex) {
            m_fileFormat = m_options.format;
            importFile(m_files[m_fileIndex]);
            m_report.formats.push_back(m_fileFormat);
            m_bytesDone += m_fileBytes;
        }
        if (m_timeMissing > 0)
            m_report.warnings.push_back(
                    {m_files.front(), 0,
                     std::to_string(m_timeMissing)
                             + " events had no time; their recorded_at is the time of this "
                               "import"});
        m_report.imported = m_writer.lastSeq() - m_firstSeq + 1;
        if (m_report.imported > 0) {
            m_report.firstSeq = m_firstSeq;
            m_report.lastSeq = m_writer.lastSeq();
        }
        recordImport();
        m_transaction.commit();
        return m_report;
    }

private:
    void importFile(const std::string &path)
    {
        simdjson::padded_string buffer;
        if (auto error = simdjson::padded_string::load(path).get(buffer))
            throw Error::input(path + ": cannot read: " + simdjson::error_message(error));
        m_fileBytes = buffer.size();
        std::string_view all(buffer.data(), buffer.size());
        size_t start = all.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
        const size_t first = all.find_first_not_of(" \t\r\n", start);
        if (first == std::string_view::npos) {
            m_report.warnings.push_back({path, 1, "no events in the file"});
            return;
        }
        size_t firstLineEnd = all.find('\n', first);
        if (firstLineEnd == std::string_view::npos)
            firstLineEnd = all.size();
        simdjson::dom::element element;
        const bool firstLineIsObject
                = m_parser.parse(all.data() + first, firstLineEnd - first, false).get(element)
                        == simdjson::SUCCESS
                && element.is_object();
        if (firstLineIsObject)
            readLines(path, all, start);
        else
            readDocument(path, all, start);
    }

    void readLines(const std::string &path, std::string_view all, size_t pos)
    {
        int64_t line = 1;
        while (pos < all.size()) {
            size_t end = all.find('\n', pos);
            if (end == std::string_view::npos)
                end = all.size();
            const std::string_view text = trimRight(all.substr(pos, end - pos));
            if (!isBlank(text)) {
                simdjson::dom::element element;
                if (auto error = m_parser.parse(text.data(), text.size(), false).get(element)) {
                    const ParseFailure failure = explainParseError(text, error);
                    reject(path, line, failure.message);
                } else if (!element.is_object()) {
                    reject(path, line, std::string("expected an event (a JSON object), found ")
                                    + std::string(Mapping::typeName(element)));
                } else {
                    importObject(element.get_object().value_unsafe(), path, line);
                }
                if ((line & 1023) == 0)
                    reportProgress(pos);
            }
            pos = end + 1;
            ++line;
        }
    }

    void readDocument(const std::string &path, std::string_view all, size_t start)
    {
        const std::string_view text = all.substr(start);
        const int64_t firstLine = 1 + lineAt(all, start) - 1;
        simdjson::dom::element root;
        if (auto error = m_parser.parse(text.data(), text.size(), false).get(root)) {
            const ParseFailure failure = explainParseError(text, error);
            reject(path, firstLine + failure.lineOffset, failure.message);
            return;
        }
        const int64_t rootLine = lineAt(all, all.find_first_not_of(" \t\r\n", start));
        if (root.is_object()) {
            importObject(root.get_object().value_unsafe(), path, rootLine);
            return;
        }
        if (!root.is_array()) {
            reject(path, rootLine,
                   "expected an event (a JSON object) or an array of events, found "
                           + std::string(Mapping::typeName(root)));
            return;
        }
        const auto lines = arrayElementLines(text, firstLine);
        size_t index = 0;
        const simdjson::dom::array array = root.get_array().value_unsafe();
        for (simdjson::dom::element element : array) {
            const int64_t line = index < lines.size() ? lines[index] : rootLine;
            ++index;
            if (!element.is_object())
                reject(path, line, "array element " + std::to_string(index)
                                   + " is not an event (a JSON object) but "
                                   + std::string(Mapping::typeName(element)));
            else
                importObject(element.get_object().value_unsafe(), path, line);
        }
        if (index == 0)
            m_report.warnings.push_back({path, rootLine, "no events in the file (empty array)"});
    }

    void importObject(simdjson::dom::object object, const std::string &path, int64_t line)
    {
        if (m_fileFormat == ImportFormat::Auto)
            m_fileFormat = object["specversion"].error() == simdjson::SUCCESS
                    ? ImportFormat::CloudEvents
                    : ImportFormat::Jsonl;
        MappedEvent m;
        try {
            m = m_fileFormat == ImportFormat::CloudEvents ? CloudEventMapper::map(object)
                                                          : CanonicalMapper::map(object);
        } catch (const MappingError &e) {
            reject(path, line, e.what());
            return;
        }
        for (auto &warning : m.warnings)
            m_report.warnings.push_back({path, line, std::move(warning)});
        Event &e = m.event;
        if (e.id.empty()) {
            const std::string name = std::filesystem::path(path).filename().string() + '\n'
                    + std::to_string(line) + '\n' + simdjson::minify(object);
            e.id = QUuid::createUuidV5(kGeneratedIdNamespace, QByteArray::fromStdString(name))
                           .toString(QUuid::WithoutBraces)
                           .toStdString();
        }
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
        m_lines.emplace_back(static_cast<uint32_t>(m_fileIndex), static_cast<uint32_t>(line));
    }

    std::string whereIs(const std::string &id)
    {
        const int64_t seq = m_writer.seqOfId(id);
        if (seq < m_firstSeq)
            return "the log already holds it as seq " + std::to_string(seq);
        const auto &[fileIndex, line] = m_lines[static_cast<size_t>(seq - m_firstSeq)];
        return "already imported from " + m_files[fileIndex] + ":" + std::to_string(line);
    }

    void reject(const std::string &path, int64_t line, std::string message)
    {
        ImportIssue issue{path, line, std::move(message)};
        if (m_options.onError == OnError::Abort)
            throw Error::input(issue.text() + " (nothing was imported)");
        m_report.skipped.push_back(std::move(issue));
    }

    void reportProgress(size_t posInFile)
    {
        if (!m_options.progress)
            return;
        ImportProgress p;
        p.fileIndex = m_fileIndex;
        p.fileCount = m_files.size();
        p.bytesDone = m_bytesDone + posInFile;
        p.bytesTotal = m_bytesTotal;
        p.events = m_writer.lastSeq() - m_firstSeq + 1;
        if (!m_options.progress(p))
            throw Error::failed("import cancelled; the log was left as it was");
    }

    void recordImport()
    {
        nlohmann::json files = m_files;
        Sql::Statement st(m_log.database(),
                          "INSERT INTO imports (files, format, first_seq, last_seq, skipped, "
                          "imported_at) VALUES (?, ?, ?, ?, ?, ?)");
        st.bind(1, std::string_view(files.dump()));
        st.bind(2, std::string_view(formatName(m_options.format)));
        st.bindOptional(3, m_report.firstSeq ? std::optional<int64_t>(m_report.firstSeq)
                                             : std::nullopt);
        st.bindOptional(4, m_report.lastSeq ? std::optional<int64_t>(m_report.lastSeq)
                                            : std::nullopt);
        st.bind(5, static_cast<int64_t>(m_report.skipped.size()));
        st.bind(6, m_importTime);
        st.run();
    }

    EventLog &m_log;
    const ImportOptions &m_options;
    const std::vector<std::string> &m_files;
    Sql::Transaction m_transaction;
    EventWriter m_writer;
    const int64_t m_firstSeq;
    const Timestamp::Micros m_importTime;
    simdjson::dom::parser m_parser;
    ImportReport m_report;
    std::vector<std::pair<uint32_t, uint32_t>> m_lines; // (file index, line) per imported event
    size_t m_fileIndex = 0;
    ImportFormat m_fileFormat = ImportFormat::Auto;
    uint64_t m_bytesTotal = 0;
    uint64_t m_bytesDone = 0;
    uint64_t m_fileBytes = 0;
    int64_t m_timeMissing = 0;
};

Importer::Importer(EventLog &log, ImportOptions options)
    : m_log(log)
    , m_options(std::move(options))
{}

Importer::~Importer() = default;

ImportReport Importer::run(const std::vector<std::string> &files)
{
    for (const auto &file : files) {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(file, ec))
            throw Error::input(file + ": no such file");
    }
    m_log.database().exec("PRAGMA cache_size = -65536");
    Run run(m_log, m_options, files);
    return run.execute();
}

} // namespace Chronoscope
