#include "base/eventcheck.h"

#include "base/error.h"

namespace Chronoscope::EventCheck {

namespace {

std::optional<std::string> textProblem(const std::string &text, const char *field, bool required)
{
    if (required && text.empty())
        return "\"" + std::string(field) + "\" must be a non-empty string";
    if (text.find('\0') != std::string::npos)
        return "\"" + std::string(field) + "\" contains a NUL character (\\u0000)";
    return std::nullopt;
}

} // namespace

std::optional<std::string> problem(const Event &event)
{
    for (const auto &[text, field] : {std::pair{&event.id, "id"},
                                      std::pair{&event.stream, "stream"},
                                      std::pair{&event.type, "type"}})
        if (auto p = textProblem(*text, field, true))
            return p;
    for (const auto &[text, field] : {std::pair{&event.source, "source"},
                                      std::pair{&event.causationId, "causation_id"},
                                      std::pair{&event.correlationId, "correlation_id"}})
        if (*text)
            if (auto p = textProblem(**text, field, false))
                return p;
    const size_t first = event.metadata.find_first_not_of(" \t\r\n");
    if (first == std::string::npos || event.metadata[first] != '{')
        return std::string("\"metadata\" must be a JSON object");
    return std::nullopt;
}

void require(const Event &event, const std::string &what)
{
    if (auto p = problem(event))
        throw Error::input(what + ": " + *p);
}

} // namespace Chronoscope::EventCheck
