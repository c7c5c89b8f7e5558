#pragma once

#include "io/mappedevent.h"

namespace Chronoscope::CloudEventMapper {

/// The "source" written for events that have none (CloudEvents requires one); read back as none.
inline constexpr std::string_view kNoSource = "urn:chronoscope:no-source";

/// Reads one structured-mode CloudEvent (JSON format, spec 1.0; 0.3 is read with its own rules
/// and a warning). id, source, type and time map onto the canonical record; the stream is the
/// "stream" extension, else "subject", else "source". Every other attribute — specversion,
/// datacontenttype, dataschema, subject, extensions — is kept in metadata._source.
/// Extensions written by Chronoscope's own export (stream, streamversion, schemaversion,
/// processedat, causationid, correlationid, chronoscopemetadata, chronoscoperesult) map back onto
/// the canonical fields, so that a log survives export and import unchanged.
/// Throws MappingError for an invalid CloudEvent.
MappedEvent map(simdjson::dom::object object);

} // namespace Chronoscope::CloudEventMapper
