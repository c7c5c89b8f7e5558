// JSON Pointers into a state (`state --path`, blame, watches), and the token escaping.
#include "base/error.h"
#include "base/jsonpointer.h"
#include "replay/state.h"

#include <cstdint>
#include <string>

using namespace Chronoscope;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const State state = [] {
        State s;
        s.setStream("order-1", makeJsonString(R"({"status":"placed","lines":[{"sku":"a/b~c"}]})"));
        s.setStream("a/b", makeJsonString(R"({"~":1})"));
        s.setProjection("revenue", makeJsonString(R"({"2018-02-07":[1,2,3]})"));
        return s;
    }();
    const std::string pointer(reinterpret_cast<const char *>(data), size);
    try {
        (void)state.at(pointer);
    } catch (const Error &) {
    }
    if (JsonPointer::unescape(JsonPointer::escape(pointer)) != pointer)
        __builtin_trap();
    return 0;
}
