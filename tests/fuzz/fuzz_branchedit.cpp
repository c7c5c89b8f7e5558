// The JSON of a branch's insert and replace (`branch insert --event JSON`, the window's event
// dialog), applied to an event, and the one event rule on the result.
#include "base/error.h"
#include "base/eventcheck.h"
#include "history/brancheditor.h"

#include <cstdint>
#include <string>

using namespace Chronoscope;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Event base;
    base.id = "e1";
    base.stream = "order-1";
    base.type = "OrderPlaced";
    base.data = R"({"amount":10})";
    const std::string json(reinterpret_cast<const char *>(data), size);
    try {
        const Event edited = BranchEditor::editedEvent(base, json);
        (void)EventCheck::problem(edited);
    } catch (const Error &) {
    }
    return 0;
}
