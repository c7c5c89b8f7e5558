#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTest>

namespace Chronoscope::Test {

/// Runs the real chronoscope-cli, as a user or a script would.
struct Result
{
    int exitCode = -1;
    QString out;
    QString err;
};

inline Result cli(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(CHRONOSCOPE_CLI), arguments);
    if (!process.waitForFinished(120000))
        qFatal("chronoscope-cli did not finish");
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

// The shop history in a new log, as `chronoscope-cli sample` writes it.
inline void writeSample(const QString &log, int events, int seed = 1)
{
    const Result r = cli({QStringLiteral("sample"),
                          log,
                          QStringLiteral("--events"),
                          QString::number(events),
                          QStringLiteral("--seed"),
                          QString::number(seed)});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
}

} // namespace Chronoscope::Test
