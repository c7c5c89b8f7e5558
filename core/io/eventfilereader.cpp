#include "io/eventfilereader.h"

#include "base/error.h"
#include "base/eventcheck.h"
#include "base/jsonproblem.h"
#include "io/canonicalmapper.h"
#include "io/cloudeventmapper.h"

#include <QByteArray>
#include <QUuid>

#include <filesystem>
#include <optional>

namespace Chronoscope {

namespace {

// Ids generated for events that have none are name-based (UUID v5 of the file name, line and
// content), so importing the same file twice gives the same ids — and a duplicate-id error
// instead of silent doubles.
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

// simdjson says only what kind of error; JsonProblem says where and what.
JsonProblem explainParseError(std::string_view text, simdjson::error_code code)
{
    if (auto problem = JsonProblem::of(text)) {
        if (code == simdjson::UTF8_ERROR) // the place nlohmann found, in simdjson's words
            problem->message = "invalid UTF-8 in the JSON text";
        return *problem;
    }
    JsonProblem problem;
    if (code == simdjson::UTF8_ERROR)
        problem.message = "invalid UTF-8 in the JSON text";
    else if (code == simdjson::NUMBER_ERROR)
        problem.message = "a number that does not fit 64 bits";
    else
        problem.message = std::string("invalid JSON: ") + simdjson::error_message(code);
    return problem;
}

// What a byte order mark other than UTF-8's says the file is.
std::optional<std::string> foreignEncoding(std::string_view all)
{
    if (all.substr(0, 4) == std::string_view("\xFF\xFE\0\0", 4))
        return "UTF-32 (little-endian)";
    if (all.substr(0, 4) == std::string_view("\0\0\xFE\xFF", 4))
        return "UTF-32 (big-endian)";
    if (all.substr(0, 2) == "\xFF\xFE")
        return "UTF-16 (little-endian)";
    if (all.substr(0, 2) == "\xFE\xFF")
        return "UTF-16 (big-endian)";
    return std::nullopt;
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

void EventFileReader::read(const std::string &path, ImportFormat format, const Sink &sink)
{
    m_sink = &sink;
    m_path = path;
    m_format = format;
    simdjson::padded_string buffer;
    if (auto error = simdjson::padded_string::load(path).get(buffer))
        throw Error::input(path + ": cannot read: " + simdjson::error_message(error));
    readBuffer(buffer);
}

void EventFileReader::readText(const std::string &path,
                               std::string_view text,
                               ImportFormat format,
                               const Sink &sink)
{
    m_sink = &sink;
    m_path = path;
    m_format = format;
    readBuffer(simdjson::padded_string(text));
}

void EventFileReader::readBuffer(const simdjson::padded_string &buffer)
{
    const Sink &sink = *m_sink;
    const std::string_view all(buffer.data(), buffer.size());
    if (const auto encoding = foreignEncoding(all)) {
        deliver(ParsedItem::Kind::Rejected,
                1,
                1,
                all.size(),
                "the file is " + *encoding
                        + " (it starts with that byte order mark); event files are UTF-8: "
                          "convert it first, e.g. with iconv -t UTF-8");
        return;
    }
    const size_t start = all.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0; // a UTF-8 byte order mark
    const size_t first = all.find_first_not_of(" \t\r\n", start);
    bool completed = true;
    if (first == std::string_view::npos) {
        completed = deliver(ParsedItem::Kind::Warning, 1, all.size(), "no events in the file");
    } else {
        // JSON Lines when the first line is a whole object by itself, or — unless the file
        // opens an array — the second is; then a bad first line is one bad line, not a bad file.
        const size_t second = all.find_first_not_of(" \t\r\n", lineEnd(all, first));
        const bool jsonLines = isObjectLine(all, first)
                               || (all[first] != '[' && second != std::string_view::npos
                                   && isObjectLine(all, second));
        completed = jsonLines ? readLines(all, start) : readDocument(all, start);
    }
    if (completed) {
        ParsedItem done;
        done.kind = ParsedItem::Kind::FileDone;
        done.offset = all.size();
        done.format = m_format;
        sink(std::move(done));
    }
}

size_t EventFileReader::lineEnd(std::string_view all, size_t pos)
{
    const size_t end = all.find('\n', pos);
    return end == std::string_view::npos ? all.size() : end;
}

bool EventFileReader::isObjectLine(std::string_view all, size_t pos)
{
    // The buffer is padded, so a line inside it can be parsed in place.
    const std::string_view line = trimRight(all.substr(pos, lineEnd(all, pos) - pos));
    simdjson::dom::element element;
    return m_parser.parse(line.data(), line.size(), false).get(element) == simdjson::SUCCESS
           && element.is_object();
}

bool EventFileReader::readLines(std::string_view all, size_t pos)
{
    int64_t line = 1;
    while (pos < all.size()) {
        size_t end = all.find('\n', pos);
        if (end == std::string_view::npos)
            end = all.size();
        const std::string_view text = trimRight(all.substr(pos, end - pos));
        if (!isBlank(text)) {
            simdjson::dom::element element;
            bool more;
            if (auto error = m_parser.parse(text.data(), text.size(), false).get(element)) {
                JsonProblem problem = explainParseError(text, error);
                if (end >= all.size() && problem.message.find("truncated") != std::string::npos)
                    problem.message = "the last line is truncated: the file ends inside a JSON "
                                      "value";
                more = deliver(
                        ParsedItem::Kind::Rejected, line, problem.column, end, problem.message);
            } else if (!element.is_object())
                more = deliver(ParsedItem::Kind::Rejected,
                               line,
                               end,
                               "expected an event (a JSON object), found "
                                       + std::string(Mapping::typeName(element)));
            else
                more = deliverObject(element.get_object().value_unsafe(), line, end);
            if (!more)
                return false;
        }
        pos = end + 1;
        ++line;
    }
    return true;
}

bool EventFileReader::readDocument(std::string_view all, size_t start)
{
    const std::string_view text = all.substr(start);
    const int64_t firstLine = lineAt(all, start);
    const int64_t rootLine = lineAt(all, all.find_first_not_of(" \t\r\n", start));
    simdjson::dom::element root;
    if (auto error = m_parser.parse(text.data(), text.size(), false).get(root)) {
        const JsonProblem problem = explainParseError(text, error);
        return deliver(ParsedItem::Kind::Rejected,
                       firstLine + problem.line - 1,
                       problem.column,
                       all.size(),
                       problem.message);
    }
    if (root.is_object())
        return deliverObject(root.get_object().value_unsafe(), rootLine, all.size());
    if (!root.is_array())
        return deliver(ParsedItem::Kind::Rejected,
                       rootLine,
                       all.size(),
                       "expected an event (a JSON object) or an array of events, found "
                               + std::string(Mapping::typeName(root)));
    const auto lines = arrayElementLines(text, firstLine);
    const simdjson::dom::array array = root.get_array().value_unsafe();
    size_t index = 0;
    for (simdjson::dom::element element : array) {
        const int64_t line = index < lines.size() ? lines[index] : rootLine;
        ++index;
        const bool more = element.is_object()
                                  ? deliverObject(element.get_object().value_unsafe(), line, 0)
                                  : deliver(ParsedItem::Kind::Rejected,
                                            line,
                                            0,
                                            "array element " + std::to_string(index)
                                                    + " is not an event (a JSON object) but "
                                                    + std::string(Mapping::typeName(element)));
        if (!more)
            return false;
    }
    if (index == 0)
        return deliver(ParsedItem::Kind::Warning,
                       rootLine,
                       all.size(),
                       "no events in the file (empty array)");
    return true;
}

bool EventFileReader::deliverObject(simdjson::dom::object object, int64_t line, uint64_t offset)
{
    if (m_format == ImportFormat::Auto)
        m_format = object["specversion"].error() == simdjson::SUCCESS ? ImportFormat::CloudEvents
                                                                      : ImportFormat::Jsonl;
    ParsedItem item;
    item.line = line;
    item.offset = offset;
    try {
        Mapping::refuseDuplicateKeys(object);
        item.event = m_format == ImportFormat::CloudEvents ? CloudEventMapper::map(object)
                                                           : CanonicalMapper::map(object);
    } catch (const MappingError &e) {
        return deliver(ParsedItem::Kind::Rejected, line, offset, e.what());
    }
    Event &e = item.event.event;
    if (e.id.empty()) {
        const std::string name = std::filesystem::path(m_path).filename().string() + '\n'
                                 + std::to_string(line) + '\n' + simdjson::minify(object);
        e.id = QUuid::createUuidV5(kGeneratedIdNamespace, QByteArray::fromStdString(name))
                       .toString(QUuid::WithoutBraces)
                       .toStdString();
    }
    if (const auto problem = EventCheck::problem(e))
        return deliver(ParsedItem::Kind::Rejected, line, offset, *problem);
    return (*m_sink)(std::move(item));
}

bool EventFileReader::deliver(ParsedItem::Kind kind,
                              int64_t line,
                              uint64_t offset,
                              std::string message)
{
    return deliver(kind, line, 0, offset, std::move(message));
}

bool EventFileReader::deliver(
        ParsedItem::Kind kind, int64_t line, int64_t column, uint64_t offset, std::string message)
{
    ParsedItem item;
    item.kind = kind;
    item.line = line;
    item.column = column;
    item.offset = offset;
    item.message = std::move(message);
    return (*m_sink)(std::move(item));
}

} // namespace Chronoscope
