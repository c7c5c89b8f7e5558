#pragma once

#include "io/mappedevent.h"

namespace Chronoscope::CanonicalMapper {

/// Reads a canonical event record (docs/architecture.md, "The contracts the code relies on"; also
/// what `export --format jsonl` writes). Requires "type" and "stream"; members with no canonical
/// home go to metadata._source. Throws MappingError.
MappedEvent map(simdjson::dom::object object);

} // namespace Chronoscope::CanonicalMapper
