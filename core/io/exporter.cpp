#include "io/exporter.h"
#include "log/corrections.h"

#include "log/history.h"

#include "base/error.h"
#include "base/eventjson.h"
#include "base/jsontext.h"
#include "io/cloudeventmapper.h"
#include "log/eventlog.h"

#include <cerrno>
#include <cstring>
#include <functional>
#include <map>

namespace Chronoscope::Exporter {

using EventJson::appendKey;
using EventJson::appendOptionalString;
using EventJson::appendTime;

void appendCloudEvent(std::string &out, const Event &e)
{
    out.append("{\"specversion\":\"1.0\"");
    appendKey(out, "id");
    JsonText::appendString(out, e.id);
    appendKey(out, "source");
    JsonText::appendString(out,
                           e.source ? std::string_view(*e.source) : CloudEventMapper::kNoSource);
    appendKey(out, "type");
    JsonText::appendString(out, e.type);
    appendKey(out, "time");
    appendTime(out, e.recordedAt);
    appendKey(out, "datacontenttype");
    out.append("\"application/json\"");
    appendKey(out, "stream");
    JsonText::appendString(out, e.stream);
    appendKey(out, "streamversion");
    out.append(std::to_string(e.streamVersion));
    appendKey(out, "schemaversion");
    out.append(std::to_string(e.schemaVersion));
    if (e.processedAt) {
        appendKey(out, "processedat");
        appendTime(out, *e.processedAt);
    }
    if (e.causationId) {
        appendKey(out, "causationid");
        JsonText::appendString(out, *e.causationId);
    }
    if (e.correlationId) {
        appendKey(out, "correlationid");
        JsonText::appendString(out, *e.correlationId);
    }
    appendKey(out, "chronoscopemetadata");
    JsonText::appendString(out, e.metadata);
    if (e.result) {
        appendKey(out, "chronoscoperesult");
        JsonText::appendString(out, *e.result);
    }
    appendKey(out, "data");
    out.append(e.data);
    out.push_back('}');
}

namespace {

// Writes what `each` visits, in buffered blocks.
// `marks`: text to add inside the record of an event, by seq (JSON Lines).
int64_t writeAll(ExportFormat format,
                 std::FILE *out,
                 const std::function<void(const std::function<bool(const Event &)> &)> &each,
                 const std::map<int64_t, std::string> &marks = {})
{
    std::string buffer;
    buffer.reserve(1 << 20);
    int64_t count = 0;
    auto flush = [&] {
        if (!buffer.empty() && std::fwrite(buffer.data(), 1, buffer.size(), out) != buffer.size())
            throw Error::failed(std::string("export: cannot write: ") + std::strerror(errno));
        buffer.clear();
    };
    each([&](const Event &e) {
        if (format == ExportFormat::Jsonl) {
            EventJson::append(buffer, e);
            if (const auto mark = marks.find(e.seq); mark != marks.end()) {
                buffer.pop_back(); // the closing brace
                buffer += mark->second + "}";
            }
        } else {
            appendCloudEvent(buffer, e);
        }
        buffer.push_back('\n');
        ++count;
        if (buffer.size() > (1 << 20) - 4096)
            flush();
        return true;
    });
    flush();
    if (std::fflush(out) != 0)
        throw Error::failed(std::string("export: cannot write: ") + std::strerror(errno));
    return count;
}

} // namespace

int64_t write(EventLog &log, const EventFilter &filter, ExportFormat format, std::FILE *out)
{
    // Events reversed by a merged branch stay in the export, marked (JSON Lines only: the
    // CloudEvents form has no place for it).
    std::map<int64_t, std::string> marks;
    if (format == ExportFormat::Jsonl) {
        for (const auto &[seq, reversal] : Corrections::reversals(log)) {
            std::string mark = ",\"reversed\":{\"branch\":";
            JsonText::appendString(mark, reversal.branch);
            mark += ",\"reason\":";
            JsonText::appendString(mark, reversal.reason);
            mark += ",\"corrected_by\":"
                    + (reversal.appendedSeq ? std::to_string(*reversal.appendedSeq)
                                            : std::string("null"))
                    + "}";
            marks.emplace(seq, std::move(mark));
        }
    }
    return writeAll(
            format,
            out,
            [&](const std::function<bool(const Event &)> &visit) {
                log.forEachEvent(filter, visit);
            },
            marks);
}

int64_t write(History &history, int64_t upTo, ExportFormat format, std::FILE *out)
{
    return writeAll(format, out, [&](const std::function<bool(const Event &)> &visit) {
        history.forEach(1, upTo, EventFilter::Columns::All, visit);
    });
}

} // namespace Chronoscope::Exporter
