#include "output.h"

#include "base/timestamp.h"

#include <cstdio>

namespace Chronoscope::Cli {

void printOut(const std::string &text)
{
    std::fwrite(text.data(), 1, text.size(), stdout);
    if (!text.empty() && text.back() != '\n')
        std::fputc('\n', stdout);
}

void printErr(const std::string &text)
{
    std::fflush(stdout);
    std::fwrite(text.data(), 1, text.size(), stderr);
    if (!text.empty() && text.back() != '\n')
        std::fputc('\n', stderr);
}

void printJson(const nlohmann::ordered_json &value)
{
    printOut(value.dump(2));
}

std::string eventLine(const Event &event)
{
    char seq[24];
    std::snprintf(seq, sizeof seq, "%8lld", static_cast<long long>(event.seq));
    std::string text = seq;
    text += "  " + Timestamp::format(event.recordedAt) + "  ";
    const std::string where = event.stream + "@" + std::to_string(event.streamVersion);
    text += where + std::string(where.size() < 22 ? 22 - where.size() : 1, ' ');
    text += event.type + std::string(event.type.size() < 24 ? 24 - event.type.size() : 1, ' ');
    text += event.source.value_or("-");
    return text;
}

nlohmann::ordered_json eventSummary(const Event &event)
{
    return {{"seq", event.seq},
            {"id", event.id},
            {"stream", event.stream},
            {"type", event.type},
            {"source", event.source ? nlohmann::ordered_json(*event.source) : nullptr},
            {"recorded_at", Timestamp::format(event.recordedAt)}};
}

} // namespace Chronoscope::Cli
