#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace Chronoscope {

class State;

/// Search inside a replayed state — the search Redux DevTools users have asked for.
class StateSearch
{
public:
    struct Match
    {
        std::string pointer; ///< where, as a JSON Pointer
        nlohmann::json value;
    };

    /// With `text` starting with '/', every value whose path starts with that JSON Pointer
    /// prefix, one level deep (`/streams/order-3` gives order-3, order-30…; a trailing '/' gives
    /// every member); otherwise every key or scalar value that contains `text`, ignoring case (a
    /// matching key gives its whole value). In document order, streams then projections, at
    /// most `limit`. Streams whose name and JSON text do not contain the text are not parsed.
    static std::vector<Match>
    find(const State &state, const std::string &text, size_t limit = 1000);
};

} // namespace Chronoscope
