#include "base/jsonproblem.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdlib>

namespace Chronoscope {

namespace {

void locate(JsonProblem &problem, std::string_view text, size_t offset)
{
    problem.offset = std::min(offset, text.size());
    problem.line = 1;
    size_t lineStart = 0;
    for (size_t i = 0; i < problem.offset; ++i) {
        if (text[i] == '\n') {
            ++problem.line;
            lineStart = i + 1;
        }
    }
    problem.column = static_cast<int64_t>(problem.offset - lineStart) + 1;
}

// The first number outside strings that a double cannot hold (nlohmann says only "number
// overflow", with no place).
std::optional<JsonProblem> outOfRangeNumber(std::string_view text)
{
    bool inString = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
            continue;
        }
        if (c != '-' && (c < '0' || c > '9'))
            continue;
        size_t end = i + 1;
        while (end < text.size()
               && (std::isdigit(static_cast<unsigned char>(text[end])) || text[end] == '.'
                   || text[end] == 'e' || text[end] == 'E' || text[end] == '+' || text[end] == '-'))
            ++end;
        const std::string number(text.substr(i, end - i));
        const double value = std::strtod(number.c_str(), nullptr);
        if (std::isinf(value)) {
            JsonProblem problem;
            locate(problem, text, i);
            problem.message = "the number " + number
                              + " is out of range (larger than a 64-bit floating-point number "
                                "holds)";
            return problem;
        }
        i = end - 1;
    }
    return std::nullopt;
}

} // namespace

std::optional<JsonProblem> JsonProblem::of(std::string_view text)
{
    try {
        [[maybe_unused]] const auto parsed = nlohmann::json::parse(text.begin(), text.end());
        return std::nullopt;
    } catch (const nlohmann::json::parse_error &e) {
        JsonProblem problem;
        const auto offset = static_cast<size_t>(e.byte > 0 ? e.byte - 1 : 0);
        locate(problem, text, offset);
        std::string message = e.what();
        const size_t column = message.find(", column ");
        const size_t colon = column == std::string::npos ? column : message.find(": ", column);
        if (colon != std::string::npos)
            message = message.substr(colon + 2);
        const bool atEnd = text.find_first_not_of(" \t\r\n", offset + 1) == std::string_view::npos;
        // "unexpected end of input" contains "expected end of input": test it first.
        const bool endsEarly = message.find("unexpected end of input") != std::string::npos
                               || message.find("missing closing quote") != std::string::npos;
        if (endsEarly && atEnd)
            problem.message = "the text ends inside a JSON value: it is truncated";
        else if (message.find("unexpected end of input") == std::string::npos
                 && message.find("expected end of input") != std::string::npos)
            problem.message = "a second JSON document starts here; concatenated JSON documents "
                              "are not an event format: write one event per line, or an array "
                              "of events";
        else
            problem.message = "invalid JSON: " + message;
        return problem;
    } catch (const nlohmann::json::exception &e) {
        if (auto problem = outOfRangeNumber(text))
            return problem;
        JsonProblem problem;
        problem.message = std::string("invalid JSON: ") + e.what();
        return problem;
    }
}

std::string JsonProblem::where() const
{
    return std::to_string(line) + ":" + std::to_string(column) + ": " + message;
}

} // namespace Chronoscope
