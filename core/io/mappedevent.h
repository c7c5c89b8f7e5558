#pragma once

#include "base/event.h"

#include <nlohmann/json.hpp>
#include <simdjson.h>

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace Chronoscope {

/// One JSON object read as an event, before the log gives it its place (seq, stream version).
struct MappedEvent
{
    Event event;
    /// The seq and stream_version the source wrote, if any; kept under metadata._source when they
    /// differ from the place the event gets in this log.
    std::optional<int64_t> declaredSeq;
    std::optional<int64_t> declaredStreamVersion;
    bool timeMissing = false;
    /// What the source had with no canonical home; becomes metadata._source. Null until the
    /// first field is added (most events have none, and this saves an allocation each).
    nlohmann::ordered_json sourceFields;
    std::vector<std::string> warnings;
};

/// Thrown by the mappers for an object that is not a valid event. The importer prefixes the
/// file and line.
class MappingError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

namespace Mapping {

/// The value as minified JSON text.
std::string text(simdjson::dom::element value);
nlohmann::ordered_json toJson(simdjson::dom::element value);
std::string_view typeName(simdjson::dom::element value);
/// A required or optional string member; a present non-string value is a MappingError.
std::optional<std::string> optionalString(simdjson::dom::element value, std::string_view name);
std::optional<int64_t> optionalInteger(simdjson::dom::element value, std::string_view name);
Timestamp::Micros time(simdjson::dom::element value,
                       std::string_view name,
                       nlohmann::ordered_json &sourceFields,
                       const char *sourceKey);
/// Throws MappingError naming the first object (as a JSON Pointer) that has a key twice: which
/// of two values a reader takes is up to the reader, so such a text is refused.
void refuseDuplicateKeys(simdjson::dom::object object);
/// Names look-alike formats so that a refused object says what it seems to be.
std::string describeForeignShape(simdjson::dom::object object);

} // namespace Mapping

} // namespace Chronoscope
