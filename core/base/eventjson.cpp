#include "base/eventjson.h"

#include "base/jsontext.h"
#include "base/timestamp.h"

namespace Chronoscope::EventJson {

void appendKey(std::string &out, const char *key)
{
    out.push_back(',');
    out.push_back('"');
    out.append(key);
    out.append("\":");
}

void appendOptionalString(std::string &out, const std::optional<std::string> &value)
{
    if (value)
        JsonText::appendString(out, *value);
    else
        out.append("null");
}

void appendTime(std::string &out, Timestamp::Micros micros)
{
    out.push_back('"');
    Timestamp::appendFormatted(out, micros);
    out.push_back('"');
}

void append(std::string &out, const Event &e)
{
    out.append("{\"seq\":");
    out.append(std::to_string(e.seq));
    appendKey(out, "id");
    JsonText::appendString(out, e.id);
    appendKey(out, "stream");
    JsonText::appendString(out, e.stream);
    appendKey(out, "stream_version");
    out.append(std::to_string(e.streamVersion));
    appendKey(out, "type");
    JsonText::appendString(out, e.type);
    appendKey(out, "schema_version");
    out.append(std::to_string(e.schemaVersion));
    appendKey(out, "source");
    appendOptionalString(out, e.source);
    appendKey(out, "recorded_at");
    appendTime(out, e.recordedAt);
    appendKey(out, "processed_at");
    if (e.processedAt)
        appendTime(out, *e.processedAt);
    else
        out.append("null");
    appendKey(out, "causation_id");
    appendOptionalString(out, e.causationId);
    appendKey(out, "correlation_id");
    appendOptionalString(out, e.correlationId);
    appendKey(out, "data");
    out.append(e.data);
    appendKey(out, "metadata");
    out.append(e.metadata);
    if (e.result) {
        appendKey(out, "result");
        out.append(*e.result);
    }
    out.push_back('}');
}

} // namespace Chronoscope::EventJson
