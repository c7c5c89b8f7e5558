#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace Chronoscope {

/// Where the debugger stops when it runs through a history.
///
/// Type, stream and source breakpoints stop at every event they match (a glob: `Payment*`,
/// `order-3?`). A condition breakpoint stops at every event after which its JavaScript
/// expression over `event` and `state` holds. A change breakpoint (a watchpoint) stops at every
/// event that changes the value of its expression, e.g. `state.streams["order-31"]?.status`.
struct Breakpoint
{
    enum class Kind { Type, Stream, Source, Condition, Change };

    int64_t id = 0;
    Kind kind = Kind::Type;
    std::string pattern; ///< the glob, or the expression
    bool enabled = true;
    int64_t hits = 0; ///< how many times a run stopped here

    bool isExpression() const { return kind == Kind::Condition || kind == Kind::Change; }

    static const char *kindName(Kind kind)
    {
        switch (kind) {
        case Kind::Type:
            return "type";
        case Kind::Stream:
            return "stream";
        case Kind::Source:
            return "source";
        case Kind::Condition:
            return "condition";
        case Kind::Change:
            return "change";
        }
        return "type";
    }
    static std::optional<Kind> kindNamed(const std::string &name)
    {
        for (const Kind kind :
             {Kind::Type, Kind::Stream, Kind::Source, Kind::Condition, Kind::Change})
            if (name == kindName(kind))
                return kind;
        return std::nullopt;
    }
};

} // namespace Chronoscope
