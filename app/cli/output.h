#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace Chronoscope::Cli {

/// Results go to stdout, messages to stderr, both UTF-8.
void printOut(const std::string &text);
void printErr(const std::string &text);
void printJson(const nlohmann::ordered_json &value);

} // namespace Chronoscope::Cli
