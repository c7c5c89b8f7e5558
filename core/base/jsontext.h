#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace Chronoscope::JsonText {

/// Appends `text` (UTF-8) as a JSON string literal, quotes included.
void appendString(std::string &out, std::string_view text);
std::string quoted(std::string_view text);

/// Whether `text` is valid JSON (RFC 8259, UTF-8) written without whitespace between tokens and
/// without a null anywhere. Such a text is its own JSON Merge Patch onto nothing (RFC 7386 drops
/// nulls), so a replay can store it as it is. False for anything else, valid or not.
bool isMinifiedWithoutNull(std::string_view text);

/// Adds `fields` under metadata's "_source" object and returns the new minified metadata.
/// Members already under "_source" are kept (the earliest origin wins); metadata that is not an
/// object is itself kept as "_source.metadata".
std::string addSourceFields(std::string_view metadataJson, const nlohmann::ordered_json &fields);

} // namespace Chronoscope::JsonText
