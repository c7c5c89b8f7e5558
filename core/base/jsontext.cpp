#include "base/jsontext.h"

#include <simdjson.h>

#include <cctype>

namespace Chronoscope::JsonText {

namespace {

// A recursive-descent check of minified JSON without null. Each function consumes one token
// or value at `m_at` and says whether it was well formed.
class MinifiedWithoutNull
{
public:
    explicit MinifiedWithoutNull(std::string_view text)
        : m_text(text)
    {}

    bool check() { return value(0) && m_at == m_text.size(); }

private:
    static constexpr int kMaxDepth = 1024; // as simdjson's parser

    char peek() const { return m_at < m_text.size() ? m_text[m_at] : '\0'; }
    bool eat(char c)
    {
        if (peek() != c)
            return false;
        ++m_at;
        return true;
    }
    bool literal(std::string_view word)
    {
        if (m_text.substr(m_at, word.size()) != word)
            return false;
        m_at += word.size();
        return true;
    }
    static bool isDigit(char c) { return c >= '0' && c <= '9'; }
    bool digits()
    {
        const size_t start = m_at;
        while (isDigit(peek()))
            ++m_at;
        return m_at > start;
    }

    bool value(int depth)
    {
        if (depth > kMaxDepth)
            return false;
        switch (peek()) {
        case '{':
            return object(depth + 1);
        case '[':
            return array(depth + 1);
        case '"':
            return string();
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        default:
            return number(); // and not null: 'n' fails here
        }
    }

    bool object(int depth)
    {
        ++m_at; // {
        if (eat('}'))
            return true;
        do {
            if (peek() != '"' || !string() || !eat(':') || !value(depth))
                return false;
        } while (eat(','));
        return eat('}');
    }

    bool array(int depth)
    {
        ++m_at; // [
        if (eat(']'))
            return true;
        do {
            if (!value(depth))
                return false;
        } while (eat(','));
        return eat(']');
    }

    bool string()
    {
        ++m_at; // "
        while (m_at < m_text.size()) {
            const auto c = static_cast<unsigned char>(m_text[m_at++]);
            if (c == '"')
                return true;
            if (c < 0x20)
                return false;
            if (c != '\\')
                continue;
            const char escaped = peek();
            ++m_at;
            if (escaped == 'u') {
                for (int i = 0; i < 4; ++i, ++m_at) {
                    if (!std::isxdigit(static_cast<unsigned char>(peek())))
                        return false;
                }
            } else if (std::string_view("\"\\/bfnrt").find(escaped) == std::string_view::npos
                       || escaped == '\0') {
                return false;
            }
        }
        return false; // unterminated
    }

    bool number()
    {
        eat('-');
        if (!eat('0') && !(isDigit(peek()) && peek() != '0' && digits()))
            return false;
        if (eat('.') && !digits())
            return false;
        if (peek() == 'e' || peek() == 'E') {
            ++m_at;
            if (!eat('+'))
                eat('-');
            if (!digits())
                return false;
        }
        return true;
    }

    std::string_view m_text;
    size_t m_at = 0;
};

} // namespace

bool isMinifiedWithoutNull(std::string_view text)
{
    return MinifiedWithoutNull(text).check() && simdjson::validate_utf8(text.data(), text.size());
}

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
    // The common case, a minified object with no "_source" anywhere in it: the members are
    // appended to the text as it is, without parsing it again.
    if (metadataJson.size() >= 2 && metadataJson.front() == '{' && metadataJson.back() == '}'
        && metadataJson.find("\"_source\"") == std::string_view::npos
        && isMinifiedWithoutNull(metadataJson)) {
        std::string out(metadataJson.substr(0, metadataJson.size() - 1));
        if (metadataJson.size() > 2)
            out += ',';
        out += "\"_source\":";
        out += fields.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::strict);
        out += '}';
        return out;
    }
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
