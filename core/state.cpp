#include "state.h"

#include "error.h"

#include <map>

namespace Chronoscope {

namespace {

nlohmann::json sortedObject(const PersistentMap<JsonPtr> &map)
{
    std::map<std::string, const nlohmann::json *> sorted;
    map.forEach([&sorted](const std::string &key, const JsonPtr &value) {
        sorted.emplace(key, value.get());
    });
    nlohmann::json object = nlohmann::json::object();
    for (const auto &[key, value] : sorted)
        object[key] = value ? *value : nlohmann::json();
    return object;
}

// The first reference token of a JSON Pointer, unescaped, and the rest of the pointer.
std::pair<std::string, std::string> splitPointer(const std::string &pointer)
{
    if (pointer.empty() || pointer[0] != '/')
        throw Error::input("\"" + pointer + "\" is not a JSON Pointer (it starts with '/')");
    const size_t end = pointer.find('/', 1);
    std::string token = pointer.substr(1, end == std::string::npos ? std::string::npos : end - 1);
    std::string unescaped;
    for (size_t i = 0; i < token.size(); ++i) {
        if (token[i] == '~' && i + 1 < token.size()
            && (token[i + 1] == '0' || token[i + 1] == '1')) {
            unescaped += token[i + 1] == '0' ? '~' : '/';
            ++i;
        } else {
            unescaped += token[i];
        }
    }
    return {unescaped, end == std::string::npos ? std::string() : pointer.substr(end)};
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

const nlohmann::json *State::stream(const std::string &name) const
{
    const JsonPtr *found = m_streams.find(name);
    return found ? found->get() : nullptr;
}

JsonPtr State::streamPtr(const std::string &name) const
{
    const JsonPtr *found = m_streams.find(name);
    return found ? *found : nullptr;
}

void State::setStream(const std::string &name, JsonPtr state)
{
    m_streams.set(name, std::move(state));
}

const nlohmann::json *State::projection(const std::string &name) const
{
    const JsonPtr *found = m_projections.find(name);
    return found ? found->get() : nullptr;
}

JsonPtr State::projectionPtr(const std::string &name) const
{
    const JsonPtr *found = m_projections.find(name);
    return found ? *found : nullptr;
}

void State::setProjection(const std::string &name, JsonPtr view)
{
    m_projections.set(name, std::move(view));
}

nlohmann::json State::projections() const
{
    return sortedObject(m_projections);
}

nlohmann::json State::toJson() const
{
    return {{"streams", sortedObject(m_streams)}, {"projections", sortedObject(m_projections)}};
}

std::optional<nlohmann::json> State::at(const std::string &pointer) const
{
    if (pointer.empty() || pointer == "/")
        return toJson();
    const auto [section, rest] = splitPointer(pointer);
    if (section != "streams" && section != "projections")
        return std::nullopt;
    const PersistentMap<JsonPtr> &map = section == "streams" ? m_streams : m_projections;
    if (rest.empty())
        return sortedObject(map);
    const auto [name, inner] = splitPointer(rest);
    const JsonPtr *value = map.find(name);
    if (!value || !*value)
        return std::nullopt;
    return inside(**value, inner);
}

} // namespace Chronoscope
