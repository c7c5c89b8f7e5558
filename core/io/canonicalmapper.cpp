#include "io/canonicalmapper.h"

using namespace std::string_view_literals;

namespace Chronoscope::CanonicalMapper {

namespace {

std::string requiredString(simdjson::dom::object object, const char *name)
{
    simdjson::dom::element value;
    if (object[name].get(value) != simdjson::SUCCESS) {
        std::string message = "missing \"" + std::string(name) + "\"";
        const std::string foreign = Mapping::describeForeignShape(object);
        if (!foreign.empty())
            message += ": " + foreign;
        else if (object["specversion"].error() == simdjson::SUCCESS)
            message += " (it has \"specversion\": import it with --format cloudevents)";
        throw MappingError(message);
    }
    auto text = Mapping::optionalString(value, name);
    if (!text || text->empty())
        throw MappingError("\"" + std::string(name) + "\" must be a non-empty string");
    return *text;
}

} // namespace

MappedEvent map(simdjson::dom::object object)
{
    MappedEvent m;
    Event &e = m.event;
    e.type = requiredString(object, "type");
    e.stream = requiredString(object, "stream");
    bool hasTime = false;
    bool hasMetadata = false;
    for (auto field : object) {
        const std::string_view key = field.key;
        const simdjson::dom::element value = field.value;
        if (key == "type"sv || key == "stream"sv) {
            continue;
        } else if (key == "id"sv) {
            e.id = Mapping::optionalString(value, key).value_or(std::string());
            if (!value.is_null() && e.id.empty())
                throw MappingError("\"id\" is empty: give the event an id, or leave \"id\" out "
                                   "to have one generated");
        } else if (key == "seq"sv) {
            m.declaredSeq = Mapping::optionalInteger(value, key);
        } else if (key == "stream_version"sv) {
            m.declaredStreamVersion = Mapping::optionalInteger(value, key);
        } else if (key == "schema_version"sv) {
            e.schemaVersion = Mapping::optionalInteger(value, key).value_or(1);
            if (e.schemaVersion < 1)
                throw MappingError("\"schema_version\" must be 1 or more");
        } else if (key == "source"sv) {
            e.source = Mapping::optionalString(value, key);
        } else if (key == "recorded_at"sv) {
            if (!value.is_null()) {
                e.recordedAt = Mapping::time(value, key, m.sourceFields, "recorded_at");
                hasTime = true;
            }
        } else if (key == "processed_at"sv) {
            if (!value.is_null())
                e.processedAt = Mapping::time(value, key, m.sourceFields, "processed_at");
        } else if (key == "causation_id"sv) {
            e.causationId = Mapping::optionalString(value, key);
        } else if (key == "correlation_id"sv) {
            e.correlationId = Mapping::optionalString(value, key);
        } else if (key == "data"sv) {
            e.data = Mapping::text(value);
        } else if (key == "metadata"sv) {
            if (!value.is_null()) {
                if (!value.is_object())
                    throw MappingError("\"metadata\" must be an object (or null), not "
                                       + std::string(Mapping::typeName(value)));
                e.metadata = Mapping::text(value);
                hasMetadata = true;
            }
        } else if (key == "result"sv) {
            if (!value.is_null())
                e.result = Mapping::text(value);
        } else {
            m.sourceFields[std::string(key)] = Mapping::toJson(value);
        }
    }
    if (!hasMetadata)
        e.metadata = "{}";
    m.timeMissing = !hasTime;
    return m;
}

} // namespace Chronoscope::CanonicalMapper
