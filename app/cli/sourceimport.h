#pragma once

#include <string>

namespace Chronoscope::Cli {

class CommandLine;

/// `import LOG SOURCE-URI`: the options a live source takes, and the import itself.
void addSourceImportOptions(CommandLine &cl);
int importSource(const CommandLine &cl, const std::string &logPath, const std::string &uri);

} // namespace Chronoscope::Cli
