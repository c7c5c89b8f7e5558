// The canonical and the CloudEvents mappers, and the one event rule, on any JSON object.
#include "base/eventcheck.h"
#include "io/canonicalmapper.h"
#include "io/cloudeventmapper.h"
#include "io/mappedevent.h"

#include <simdjson.h>

#include <cstdint>

using namespace Chronoscope;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    simdjson::dom::parser parser;
    simdjson::dom::element root;
    if (parser.parse(reinterpret_cast<const char *>(data), size).get(root) != simdjson::SUCCESS)
        return 0;
    simdjson::dom::object object;
    if (root.get_object().get(object) != simdjson::SUCCESS)
        return 0;
    for (auto map : {&CanonicalMapper::map, &CloudEventMapper::map}) {
        try {
            Mapping::refuseDuplicateKeys(object);
            const MappedEvent mapped = map(object);
            (void)EventCheck::problem(mapped.event);
        } catch (const MappingError &) {
        }
    }
    return 0;
}
