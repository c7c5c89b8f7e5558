#include "debug/statesearch.h"

#include "base/error.h"
#include "base/jsonpointer.h"
#include "replay/state.h"

#include <algorithm>
#include <map>

namespace Chronoscope {

namespace {

std::string lowered(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) {
        return static_cast<char>(std::tolower(c));
    });
    return text;
}

bool contains(const std::string &haystack, const std::string &loweredNeedle)
{
    return lowered(haystack).find(loweredNeedle) != std::string::npos;
}

std::string scalarText(const nlohmann::json &value)
{
    return value.is_string() ? value.get<std::string>() : value.dump();
}

class Walker
{
public:
    Walker(std::string needle, size_t limit)
        : m_needle(std::move(needle))
        , m_limit(limit)
    {}

    bool full() const { return m_matches.size() >= m_limit; }
    std::vector<StateSearch::Match> take() { return std::move(m_matches); }

    // Text search: keys and scalar values containing the needle.
    void walk(const std::string &pointer, const nlohmann::json &value)
    {
        if (full())
            return;
        if (value.is_object()) {
            for (const auto &[key, member] : value.items()) {
                const std::string path = pointer + "/" + JsonPointer::escape(key);
                if (contains(key, m_needle)) {
                    add(path, member);
                    continue;
                }
                walk(path, member);
            }
        } else if (value.is_array()) {
            for (size_t i = 0; i < value.size(); ++i)
                walk(pointer + "/" + std::to_string(i), value[i]);
        } else if (contains(scalarText(value), m_needle)) {
            add(pointer, value);
        }
    }

    void add(const std::string &pointer, const nlohmann::json &value)
    {
        if (!full())
            m_matches.push_back({pointer, value});
    }

private:
    std::string m_needle;
    size_t m_limit;
    std::vector<StateSearch::Match> m_matches;
};

// "/streams/order-3" → every member of /streams whose name starts with "order-3" (order-3
// itself, order-30, …); "/streams/order-3/" → every member of order-3.
std::vector<StateSearch::Match>
byPointerPrefix(const State &state, const std::string &prefix, size_t limit)
{
    std::vector<StateSearch::Match> matches;
    const size_t slash = prefix.rfind('/');
    const std::string parent = prefix.substr(0, slash);
    const std::string partial = prefix.substr(slash + 1);
    if (parent.empty()) {
        if (const auto value = state.at(prefix))
            matches.push_back({prefix, *value});
        return matches;
    }
    if (parent == "/streams" || parent == "/projections") {
        for (const auto &[name, json] :
             state.sortedMembers(parent == "/streams" ? State::Section::Streams
                                                      : State::Section::Projections)) {
            if (matches.size() >= limit)
                break;
            if (JsonPointer::escape(name).rfind(partial, 0) == 0)
                matches.push_back(
                        {parent + "/" + JsonPointer::escape(name), nlohmann::json::parse(*json)});
        }
        return matches;
    }
    const auto container = state.at(parent);
    if (container && container->is_object()) {
        for (const auto &[key, member] : container->items()) {
            if (matches.size() >= limit)
                break;
            if (JsonPointer::escape(key).rfind(partial, 0) == 0)
                matches.push_back({parent + "/" + JsonPointer::escape(key), member});
        }
    }
    return matches;
}

} // namespace

std::vector<StateSearch::Match>
StateSearch::find(const State &state, const std::string &text, size_t limit)
{
    if (text.empty())
        throw Error::input("give a text or a JSON Pointer prefix to look for");
    if (text[0] == '/')
        return byPointerPrefix(state, text, limit);
    const std::string needle = lowered(text);
    Walker walker(needle, limit);
    for (const bool streams : {true, false}) {
        const std::string section = streams ? "/streams/" : "/projections/";
        for (const auto &[name, json] :
             state.sortedMembers(streams ? State::Section::Streams : State::Section::Projections)) {
            if (walker.full())
                break;
            const std::string pointer = section + JsonPointer::escape(name);
            if (contains(name, needle)) {
                walker.add(pointer, nlohmann::json::parse(*json));
                continue;
            }
            if (!contains(*json, needle))
                continue; // the text is nowhere in this member: no need to parse it
            walker.walk(pointer, nlohmann::json::parse(*json));
        }
    }
    return walker.take();
}

} // namespace Chronoscope
