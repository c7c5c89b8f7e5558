#pragma once

#include "io/importer.h"
#include "io/mappedevent.h"

#include <functional>
#include <string>

namespace Chronoscope {

/// What reading an input file yields, in file order.
struct ParsedItem
{
    enum class Kind { Event, Rejected, Warning, FileDone };
    Kind kind = Kind::Event;
    int64_t line = 0;
    int64_t column = 0;                       ///< Kind::Rejected, where known; 0 otherwise
    uint64_t offset = 0;                      ///< bytes of the file read so far, for progress
    MappedEvent event;                        ///< Kind::Event
    std::string message;                      ///< Kind::Rejected and Kind::Warning
    ImportFormat format = ImportFormat::Auto; ///< Kind::FileDone: what the file was read as
};

/// Reads one event file: detects the framing (one JSON object, an array of objects, or one
/// object per line) and, unless forced, the format (CloudEvents when the first object has
/// "specversion", canonical otherwise), and maps each object to an event. Bad places become
/// Rejected items with their line; nothing is thrown for bad content. Throws Error only when the
/// file cannot be read. Not thread-safe; use one reader per thread.
class EventFileReader
{
public:
    /// Receives each item; returns false to stop reading.
    using Sink = std::function<bool(ParsedItem &&)>;

    void read(const std::string &path, ImportFormat format, const Sink &sink);
    /// The same for text already in memory; `path` only names it (and seeds generated ids).
    void
    readText(const std::string &path, std::string_view text, ImportFormat format, const Sink &sink);

private:
    void readBuffer(const simdjson::padded_string &buffer);
    static size_t lineEnd(std::string_view all, size_t pos);
    bool isObjectLine(std::string_view all, size_t pos);
    bool readLines(std::string_view all, size_t pos);
    bool readDocument(std::string_view all, size_t start);
    bool deliverObject(simdjson::dom::object object, int64_t line, uint64_t offset);
    bool deliver(ParsedItem::Kind kind,
                 int64_t line,
                 int64_t column,
                 uint64_t offset,
                 std::string message);
    bool deliver(ParsedItem::Kind kind, int64_t line, uint64_t offset, std::string message);

    simdjson::dom::parser m_parser;
    const Sink *m_sink = nullptr;
    std::string m_path;
    ImportFormat m_format = ImportFormat::Auto;
};

} // namespace Chronoscope
