#pragma once

#include <QStringList>

#include <vector>

namespace Chronoscope::Cli {

/// A command of chronoscope-cli: runs with the arguments after its name and returns the exit
/// code; throws Chronoscope::Error for failures (main() prints them and exits with their code).
struct Command
{
    const char *name;
    const char *synopsis;
    int (*run)(const QStringList &arguments);
};

const std::vector<Command> &commands();

int runImport(const QStringList &arguments);
int runExport(const QStringList &arguments);
int runInfo(const QStringList &arguments);
int runEvents(const QStringList &arguments);
int runAppend(const QStringList &arguments);
int runSample(const QStringList &arguments);
int runState(const QStringList &arguments);
int runModel(const QStringList &arguments);
int runVerify(const QStringList &arguments);
int runBreak(const QStringList &arguments);
int runRun(const QStringList &arguments);
int runBookmark(const QStringList &arguments);
int runWatch(const QStringList &arguments);
int runProjections(const QStringList &arguments);
int runSnapshots(const QStringList &arguments);
int runRevert(const QStringList &arguments);
int runBlame(const QStringList &arguments);
int runBisect(const QStringList &arguments);
int runRate(const QStringList &arguments);
int runBranch(const QStringList &arguments);
int runDiff(const QStringList &arguments);
int runMerge(const QStringList &arguments);
int runGraph(const QStringList &arguments);

} // namespace Chronoscope::Cli
