#include "io/cloudeventmapper.h"

#include "base/jsontext.h"

#include <QByteArray>

using namespace std::string_view_literals;

namespace Chronoscope::CloudEventMapper {

namespace {

bool isValidAttributeName(std::string_view name)
{
    if (name.empty())
        return false;
    for (const char c : name) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
            return false;
    }
    return true;
}

bool isJsonContentType(const std::optional<std::string> &contentType)
{
    if (!contentType)
        return true; // the JSON format says: absent means application/json
    std::string_view type = *contentType;
    type = type.substr(0, type.find(';'));
    return type == "application/json"sv || type == "text/json"sv
           || (type.size() > 5 && type.substr(type.size() - 5) == "+json"sv);
}

std::string requiredAttribute(simdjson::dom::object object, const char *name)
{
    simdjson::dom::element value;
    if (object[name].get(value) != simdjson::SUCCESS || value.is_null())
        throw MappingError("CloudEvent without the required attribute \"" + std::string(name)
                           + "\"");
    auto text = Mapping::optionalString(value, name);
    if (text->empty())
        throw MappingError("CloudEvent attribute \"" + std::string(name) + "\" is empty");
    return *text;
}

// An extension attribute's value: CloudEvents 1.0 allows strings, booleans and 32-bit integers
// (0.3 also allows maps); anything else refuses the event rather than changing its meaning.
nlohmann::ordered_json extensionValue(std::string_view name, simdjson::dom::element value, bool v03)
{
    using simdjson::dom::element_type;
    switch (value.type()) {
    case element_type::STRING:
    case element_type::BOOL:
        return Mapping::toJson(value);
    case element_type::INT64:
    case element_type::UINT64: {
        int64_t n = 0;
        if (value.get_int64().get(n) == simdjson::SUCCESS && n >= INT32_MIN && n <= INT32_MAX)
            return n;
        throw MappingError("CloudEvent extension \"" + std::string(name) + "\" is "
                           + Mapping::text(value)
                           + ", outside the CloudEvents Integer range (signed 32-bit)");
    }
    case element_type::OBJECT:
        if (v03)
            return Mapping::toJson(value);
        break;
    default:
        break;
    }
    throw MappingError("CloudEvent extension \"" + std::string(name) + "\" is "
                       + std::string(Mapping::typeName(value)) + " (" + Mapping::text(value)
                       + "); CloudEvents attributes are strings, integers or booleans");
}

// Decodes a base64 payload: JSON stays JSON, text becomes a string, anything else stays base64.
void decodeBase64(MappedEvent &m,
                  std::string_view encoded,
                  const std::optional<std::string> &contentType)
{
    const auto decoded = QByteArray::fromBase64Encoding(
            QByteArray::fromRawData(encoded.data(), static_cast<qsizetype>(encoded.size())),
            QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        m.event.data = JsonText::quoted(encoded);
        m.sourceFields["data_base64"] = "undecodable";
        m.warnings.push_back("\"data_base64\" is not valid base64; kept as text");
        return;
    }
    m.sourceFields["data_base64"] = true;
    const QByteArray &bytes = *decoded;
    if (isJsonContentType(contentType)) {
        simdjson::dom::parser parser;
        simdjson::dom::element value;
        if (parser.parse(bytes.constData(), static_cast<size_t>(bytes.size())).get(value)
            == simdjson::SUCCESS) {
            m.event.data = Mapping::text(value);
            return;
        }
    }
    if (simdjson::validate_utf8(bytes.constData(), static_cast<size_t>(bytes.size())))
        m.event.data = JsonText::quoted(
                std::string_view(bytes.constData(), static_cast<size_t>(bytes.size())));
    else
        m.event.data = JsonText::quoted(encoded);
}

} // namespace

MappedEvent map(simdjson::dom::object object)
{
    MappedEvent m;
    Event &e = m.event;
    const std::string specVersion = requiredAttribute(object, "specversion");
    const bool v03 = specVersion == "0.3";
    if (specVersion != "1.0" && !v03)
        throw MappingError("CloudEvents specversion \"" + specVersion
                           + "\" is not supported (1.0, and 0.3 with a warning)");
    if (v03)
        m.warnings.push_back("CloudEvents 0.3 event, read with the 0.3 rules");
    e.id = requiredAttribute(object, "id");
    e.type = requiredAttribute(object, "type");
    const std::string source = requiredAttribute(object, "source");
    if (source != kNoSource)
        e.source = source;

    const bool ownExport = object["chronoscopemetadata"].error() == simdjson::SUCCESS;
    std::optional<std::string> subject, stream, contentType, contentEncoding;
    std::optional<simdjson::dom::element> data;
    std::optional<std::string> dataBase64;
    bool hasTime = false;
    auto &src = m.sourceFields;
    if (!ownExport)
        src["specversion"] = specVersion;

    for (auto field : object) {
        const std::string_view key = field.key;
        const simdjson::dom::element value = field.value;
        if (key == "data"sv) {
            data = value;
            continue;
        }
        if (key == "data_base64"sv && !v03) {
            dataBase64 = Mapping::optionalString(value, key);
            continue;
        }
        if (!isValidAttributeName(key))
            throw MappingError("CloudEvent attribute name \"" + std::string(key)
                               + "\" is invalid: names are lower-case letters and digits only");
        if (value.is_null())
            continue; // null means "unset" in the JSON format
        if (key == "specversion"sv || key == "id"sv || key == "type"sv || key == "source"sv) {
            continue;
        } else if (key == "time"sv) {
            e.recordedAt = Mapping::time(value, key, src, "time");
            hasTime = true;
        } else if (key == "subject"sv) {
            subject = Mapping::optionalString(value, key);
        } else if (key == "datacontenttype"sv) {
            contentType = Mapping::optionalString(value, key);
        } else if (key == "datacontentencoding"sv && v03) {
            contentEncoding = Mapping::optionalString(value, key);
            src[std::string(key)] = *contentEncoding;
        } else if (key == "dataschema"sv || key == "schemaurl"sv) {
            src[std::string(key)] = *Mapping::optionalString(value, key);
        } else if (key == "stream"sv) {
            stream = Mapping::optionalString(value, key);
        } else if (key == "streamversion"sv) {
            m.declaredStreamVersion = Mapping::optionalInteger(value, key);
        } else if (key == "schemaversion"sv) {
            e.schemaVersion = Mapping::optionalInteger(value, key).value_or(1);
        } else if (key == "processedat"sv) {
            e.processedAt = Mapping::time(value, key, src, "processedat");
        } else if (key == "causationid"sv) {
            e.causationId = Mapping::optionalString(value, key);
        } else if (key == "correlationid"sv) {
            e.correlationId = Mapping::optionalString(value, key);
        } else if (key == "chronoscopemetadata"sv || key == "chronoscoperesult"sv) {
            const auto json = Mapping::optionalString(value, key);
            simdjson::dom::parser parser;
            simdjson::dom::element parsed;
            if (parser.parse(*json).get(parsed) != simdjson::SUCCESS)
                throw MappingError("\"" + std::string(key) + "\" is not JSON text");
            (key == "chronoscopemetadata"sv ? e.metadata : e.result.emplace())
                    = Mapping::text(parsed);
        } else {
            src[std::string(key)] = extensionValue(key, value, v03);
        }
    }

    // A stream is a non-empty string: an empty subject (which CloudEvents forbids, and some
    // SDKs write) names no stream, and the source does; the empty value is kept.
    for (const auto &[value, name] : {std::pair{&subject, "subject"}, std::pair{&stream, "stream"}})
        if (*value && (*value)->empty()) {
            src[name] = "";
            value->reset();
            m.warnings.push_back("\"" + std::string(name)
                                 + "\" is empty; the event's stream is its source");
        }
    if (stream) {
        e.stream = *stream;
        if (subject)
            src["subject"] = *subject;
    } else {
        e.stream = subject ? *subject : source;
    }
    if (contentType && !(ownExport && *contentType == "application/json"))
        src["datacontenttype"] = *contentType;
    if (data && dataBase64)
        throw MappingError("CloudEvent has both \"data\" and \"data_base64\"");
    if (dataBase64) {
        decodeBase64(m, *dataBase64, contentType);
    } else if (data) {
        std::string_view text;
        if (v03 && contentEncoding == "base64" && data->get_string().get(text) == simdjson::SUCCESS)
            decodeBase64(m, text, contentType);
        else
            e.data = Mapping::text(*data);
    }
    m.timeMissing = !hasTime;
    return m;
}

} // namespace Chronoscope::CloudEventMapper
