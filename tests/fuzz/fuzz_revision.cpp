// The revision parser (main, main@120, fix@2018-02-01T00:00:00Z) on any text.
#include "base/error.h"
#include "history/revision.h"

#include <cstdint>
#include <string>

using namespace Chronoscope;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string text(reinterpret_cast<const char *>(data), size);
    try {
        const Revision revision = Revision::parse(text);
        // What it prints parses back to the same branch and seq.
        const Revision again = Revision::parse(revision.text());
        if (again.branch != revision.branch || again.seq != revision.seq)
            __builtin_trap();
    } catch (const Error &) {
    }
    return 0;
}
