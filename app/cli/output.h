#pragma once

#include "base/event.h"

#include <nlohmann/json.hpp>

#include <string>

namespace Chronoscope::Cli {

/// Results go to stdout, messages to stderr, both UTF-8.
void printOut(const std::string &text);
void printErr(const std::string &text);
void printJson(const nlohmann::ordered_json &value);

/// One event as a line of the `events` listing: seq, recorded time, stream@version, type,
/// source (no newline).
std::string eventLine(const Event &event);
/// The identifying fields of an event, for --json outputs.
nlohmann::ordered_json eventSummary(const Event &event);

} // namespace Chronoscope::Cli
