#include "io/mappedevent.h"

#include "base/jsonpointer.h"

#include <algorithm>

namespace Chronoscope::Mapping {

std::string text(simdjson::dom::element value)
{
    return simdjson::minify(value);
}

nlohmann::ordered_json toJson(simdjson::dom::element value)
{
    return nlohmann::ordered_json::parse(text(value));
}

std::string_view typeName(simdjson::dom::element value)
{
    using simdjson::dom::element_type;
    switch (value.type()) {
    case element_type::ARRAY:
        return "an array";
    case element_type::OBJECT:
        return "an object";
    case element_type::INT64:
    case element_type::UINT64:
        return "an integer";
    case element_type::DOUBLE:
        return "a number";
    case element_type::STRING:
        return "a string";
    case element_type::BOOL:
        return "a boolean";
    case element_type::NULL_VALUE:
        return "null";
    }
    return "a value";
}

std::optional<std::string> optionalString(simdjson::dom::element value, std::string_view name)
{
    if (value.is_null())
        return std::nullopt;
    std::string_view s;
    if (value.get_string().get(s) != simdjson::SUCCESS)
        throw MappingError("\"" + std::string(name) + "\" must be a string, not "
                           + std::string(typeName(value)));
    return std::string(s);
}

std::optional<int64_t> optionalInteger(simdjson::dom::element value, std::string_view name)
{
    if (value.is_null())
        return std::nullopt;
    int64_t n = 0;
    if (value.get_int64().get(n) != simdjson::SUCCESS)
        throw MappingError("\"" + std::string(name) + "\" must be an integer, not "
                           + std::string(typeName(value)));
    return n;
}

Timestamp::Micros time(simdjson::dom::element value,
                       std::string_view name,
                       nlohmann::ordered_json &sourceFields,
                       const char *sourceKey)
{
    const auto text = optionalString(value, name);
    if (!text)
        throw MappingError("\"" + std::string(name) + "\" must be a time, not null");
    const auto micros = Timestamp::parse(*text);
    if (!micros)
        throw MappingError("\"" + std::string(name) + "\" is \"" + *text
                           + "\", which is not an RFC 3339 time (like 2018-02-03T10:15:00Z)");
    if (Timestamp::format(*micros) != *text)
        sourceFields[sourceKey] = *text;
    return *micros;
}

namespace {

void checkElement(simdjson::dom::element value, std::string &pointer);

void checkObject(simdjson::dom::object object, std::string &pointer)
{
    std::vector<std::string_view> keys;
    for (auto field : object)
        keys.push_back(field.key);
    std::sort(keys.begin(), keys.end());
    if (const auto twice = std::adjacent_find(keys.begin(), keys.end()); twice != keys.end())
        throw MappingError("the key \"" + std::string(*twice) + "\" appears twice in "
                           + (pointer.empty() ? std::string("the event") : pointer)
                           + "; which one counts is up to the reader, so it is refused");
    for (auto field : object) {
        if (!field.value.is_object() && !field.value.is_array())
            continue;
        const size_t length = pointer.size();
        pointer += "/" + JsonPointer::escape(std::string(field.key));
        checkElement(field.value, pointer);
        pointer.resize(length);
    }
}

void checkElement(simdjson::dom::element value, std::string &pointer)
{
    simdjson::dom::object object;
    if (value.get_object().get(object) == simdjson::SUCCESS) {
        checkObject(object, pointer);
        return;
    }
    simdjson::dom::array array;
    if (value.get_array().get(array) != simdjson::SUCCESS)
        return;
    size_t index = 0;
    for (simdjson::dom::element element : array) {
        const size_t length = pointer.size();
        pointer += "/" + std::to_string(index++);
        checkElement(element, pointer);
        pointer.resize(length);
    }
}

} // namespace

void refuseDuplicateKeys(simdjson::dom::object object)
{
    std::string pointer;
    checkObject(object, pointer);
}

std::string describeForeignShape(simdjson::dom::object object)
{
    auto has = [&](const char *key) {
        return object[key].error() == simdjson::SUCCESS;
    };
    if (has("specVersion") || has("spec_version"))
        return "it looks like CloudEvents in protobuf JSON form (\"specVersion\"); only the "
               "CloudEvents JSON format is read";
    if (has("eventType") && has("eventTime") && has("dataVersion"))
        return "it looks like an Azure Event Grid event, not a CloudEvent";
    if ((has("context") && has("data")) || (has("eventType") && has("resource")))
        return "it looks like a legacy Cloud Functions event, not a CloudEvent";
    if (has("eventType") || has("eventId"))
        return "it looks like an EventStoreDB event (\"eventType\"), not a canonical event";
    return {};
}

} // namespace Chronoscope::Mapping
