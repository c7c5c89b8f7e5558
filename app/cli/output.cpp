#include "output.h"

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

} // namespace Chronoscope::Cli
