#include "source/sourceslice.h"

#include <nlohmann/json.hpp>

namespace Chronoscope {

std::string SourceSlice::key() const
{
    nlohmann::ordered_json json = nlohmann::ordered_json::object();
    if (stream)
        json["stream"] = *stream;
    if (type)
        json["type"] = *type;
    if (correlation)
        json["correlation"] = *correlation;
    if (since)
        json["since"] = Timestamp::format(*since);
    if (until)
        json["until"] = Timestamp::format(*until);
    return json.dump();
}

bool SourceSlice::empty() const
{
    return !stream && !type && !correlation && !since && !until;
}

} // namespace Chronoscope
