#pragma once

#include "base/event.h"
#include "base/eventfilter.h"

#include <cstdio>
#include <string>

namespace Chronoscope {

class EventLog;
class History;

enum class ExportFormat { Jsonl, CloudEvents };

/// Writes events as text, one JSON object per line.
///
/// Jsonl is the canonical record (EventJson, docs/architecture.md), every member present (null
/// where unset), plus "result" when the event has a mutable result. CloudEvents is the structured
/// JSON format of CloudEvents 1.0 with the canonical fields in extension attributes (see
/// CloudEventMapper), so that importing either form reproduces every field.
namespace Exporter {

void appendCloudEvent(std::string &out, const Event &event);

/// Streams the matching events to `out`; returns how many were written. Throws Error on a
/// write failure.
int64_t write(EventLog &log, const EventFilter &filter, ExportFormat format, std::FILE *out);
/// Streams a history's events (main or a branch) up to a position: a branch's events carry
/// their positions as seqs.
int64_t write(History &history, int64_t upTo, ExportFormat format, std::FILE *out);

} // namespace Exporter

} // namespace Chronoscope
