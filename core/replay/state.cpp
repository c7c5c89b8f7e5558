#include "replay/state.h"

#include "base/error.h"
#include "base/jsonpointer.h"

#include <algorithm>

namespace Chronoscope {

namespace {

nlohmann::json parsed(const JsonString &text)
{
    return text ? nlohmann::json::parse(*text) : nlohmann::json();
}

// The members a `forEach` visits (a state's streams or projections), as one JSON object.
template<typename ForEach>
nlohmann::json objectOf(const ForEach &forEach)
{
    nlohmann::json object = nlohmann::json::object(); // keys sorted by nlohmann::json
    forEach([&object](const std::string &key, const JsonString &value) {
        object[key] = parsed(value);
    });
    return object;
}

std::optional<nlohmann::json> parsedIfAny(const JsonString *text)
{
    if (!text || !*text)
        return std::nullopt;
    return nlohmann::json::parse(**text);
}

// The first reference token of a JSON Pointer, unescaped, and the rest of the pointer.
std::pair<std::string, std::string> splitPointer(const std::string &pointer)
{
    if (pointer.empty() || pointer[0] != '/')
        throw Error::input("\"" + pointer + "\" is not a JSON Pointer (it starts with '/')");
    const size_t end = pointer.find('/', 1);
    const std::string token
            = pointer.substr(1, end == std::string::npos ? std::string::npos : end - 1);
    return {JsonPointer::unescape(token),
            end == std::string::npos ? std::string() : pointer.substr(end)};
}

std::optional<nlohmann::json> inside(const nlohmann::json &value, const std::string &pointer)
{
    if (pointer.empty())
        return value;
    try {
        const nlohmann::json::json_pointer ptr(pointer);
        if (!value.contains(ptr))
            return std::nullopt;
        return value.at(ptr);
    } catch (const nlohmann::json::exception &e) {
        throw Error::input("JSON Pointer \"" + pointer + "\": " + e.what());
    }
}

} // namespace

std::optional<nlohmann::json> State::stream(const std::string &name) const
{
    const JsonString text = streamText(name);
    return parsedIfAny(&text);
}

JsonString State::streamText(const std::string &name) const
{
    const uint32_t slot = m_names->find(name);
    return slot == StreamNames::kNone ? nullptr : streamText(slot);
}

JsonString State::streamText(uint32_t slot) const
{
    const JsonString *found = m_streams.find(slot);
    return found ? *found : nullptr;
}

void State::setStream(const std::string &name, JsonString state)
{
    setStream(streamSlot(name), std::move(state));
}

uint32_t State::streamSlot(const std::string &name)
{
    return m_names->intern(name);
}

void State::setStream(uint32_t slot, JsonString state)
{
    const bool has = state != nullptr;
    const bool had = m_streams.exchange(slot, std::move(state)) != nullptr;
    m_streamCount = m_streamCount + (has ? 1 : 0) - (had ? 1 : 0);
}

void State::forEachStream(
        const std::function<void(const std::string &, const JsonString &)> &visit) const
{
    m_streams.forEach([this, &visit](size_t slot, const JsonString &text) {
        if (text)
            visit(m_names->name(static_cast<uint32_t>(slot)), text);
    });
}

std::optional<nlohmann::json> State::projection(const std::string &name) const
{
    return parsedIfAny(m_projections.find(name));
}

JsonString State::projectionText(const std::string &name) const
{
    const JsonString *found = m_projections.find(name);
    return found ? *found : nullptr;
}

void State::setProjection(const std::string &name, JsonString view)
{
    m_projections.set(name, std::move(view));
}

State::Members State::sortedMembers(Section section) const
{
    Members members;
    auto add = [&members](const std::string &name, const JsonString &text) {
        if (text)
            members.emplace_back(name, text);
    };
    if (section == Section::Streams) {
        members.reserve(m_streamCount);
        forEachStream(add);
    } else {
        members.reserve(m_projections.size());
        m_projections.forEach(add);
    }
    std::sort(members.begin(), members.end(), [](const auto &a, const auto &b) {
        return a.first < b.first;
    });
    return members;
}

JsonString State::find(const Members &members, const std::string &name)
{
    const auto it = std::lower_bound(
            members.begin(), members.end(), name, [](const auto &member, const std::string &key) {
                return member.first < key;
            });
    return it != members.end() && it->first == name ? it->second : nullptr;
}

nlohmann::json State::streamsObject() const
{
    return objectOf([this](const auto &visit) { forEachStream(visit); });
}

nlohmann::json State::projectionsObject() const
{
    return objectOf([this](const auto &visit) { forEachProjection(visit); });
}

nlohmann::json State::toJson() const
{
    return {{"streams", streamsObject()}, {"projections", projectionsObject()}};
}

std::optional<nlohmann::json> State::at(const std::string &pointer) const
{
    if (pointer.empty() || pointer == "/")
        return toJson();
    const auto [section, rest] = splitPointer(pointer);
    if (section != "streams" && section != "projections")
        return std::nullopt;
    if (rest.empty())
        return section == "streams" ? streamsObject() : projectionsObject();
    const auto [name, inner] = splitPointer(rest);
    const auto value = section == "streams" ? stream(name) : projection(name);
    if (!value)
        return std::nullopt;
    return inside(*value, inner);
}

} // namespace Chronoscope
