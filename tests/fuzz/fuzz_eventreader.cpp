// The event file reader on any bytes: JSON Lines, a JSON array or CloudEvents, auto-detected
// or forced by the first byte. Bad input becomes Rejected items, never a crash.
#include "base/error.h"
#include "io/eventfilereader.h"

#include <cstdint>
#include <string_view>

using namespace Chronoscope;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const ImportFormat formats[]
            = {ImportFormat::Auto, ImportFormat::Jsonl, ImportFormat::CloudEvents};
    const ImportFormat format = formats[data[0] % 3];
    const std::string_view text(reinterpret_cast<const char *>(data) + 1, size - 1);
    EventFileReader reader;
    size_t items = 0;
    try {
        reader.readText("fuzz.jsonl", text, format, [&](ParsedItem &&) {
            ++items;
            return items < 10000;
        });
    } catch (const Error &) {
    }
    return 0;
}
