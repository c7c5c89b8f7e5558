#include "jsontext.h"

namespace Chronoscope::JsonText {

void appendString(std::string &out, std::string_view text)
{
    static constexpr char hex[] = "0123456789abcdef";
    out.push_back('"');
    size_t runStart = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(text.data() + runStart, i - runStart);
        runStart = i + 1;
        switch (c) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        case '\b':
            out.append("\\b");
            break;
        case '\f':
            out.append("\\f");
            break;
        default:
            out.append("\\u00");
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 0xf]);
        }
    }
    out.append(text.data() + runStart, text.size() - runStart);
    out.push_back('"');
}

std::string quoted(std::string_view text)
{
    std::string out;
    appendString(out, text);
    return out;
}

std::string addSourceFields(std::string_view metadataJson, const nlohmann::ordered_json &fields)
{
    auto metadata = nlohmann::ordered_json::parse(metadataJson);
    if (!metadata.is_object())
        metadata = nlohmann::ordered_json{{"_source", {{"metadata", metadata}}}};
    auto &source = metadata["_source"];
    if (source.is_null())
        source = nlohmann::ordered_json::object();
    else if (!source.is_object())
        source = nlohmann::ordered_json{{"value", source}};
    for (const auto &[key, value] : fields.items()) {
        if (!source.contains(key))
            source[key] = value;
    }
    return metadata.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::strict);
}

} // namespace Chronoscope::JsonText
