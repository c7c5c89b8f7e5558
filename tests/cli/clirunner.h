#pragma once

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

namespace Chronoscope::Test {

/// Runs the real chronoscope-cli, as a user or a script would.
struct Result
{
    int exitCode = -1;
    QString out;
    QString err;
};

/// `environment`: NAME=VALUE pairs added to the test's own.
inline Result cli(const QStringList &arguments, const QStringList &environment = {})
{
    QProcess process;
    if (!environment.isEmpty()) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString &pair : environment)
            env.insert(pair.section(QLatin1Char('='), 0, 0), pair.section(QLatin1Char('='), 1));
        process.setProcessEnvironment(env);
    }
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

/// A writable copy of the bundled shop sample in `dir`, as shop.chronolog (replacing one there).
inline QString copyOfBundledShop(const QTemporaryDir &dir)
{
    const QString log = dir.filePath(QStringLiteral("shop.chronolog"));
    QFile::remove(log);
    if (!QFile::copy(QStringLiteral(CHRONOSCOPE_SOURCE_DIR "/resources/samples/shop.chronolog"),
                     log))
        qFatal("cannot copy the bundled sample");
    QFile::setPermissions(log, QFile::ReadOwner | QFile::WriteOwner);
    return log;
}

/// A file's SHA-256: what "the file is exactly as it was" compares.
inline QByteArray hashOf(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

/// The whole log as canonical JSON Lines, as `export` writes it.
inline QString exported(const QString &log)
{
    return cli({QStringLiteral("export"), log}).out;
}

inline void writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

/// A command's --json output, parsed; a test failure when it does not exit with `exitCode`.
inline QJsonDocument jsonOf(const QStringList &arguments, int exitCode = 0)
{
    const Result r = cli(arguments + QStringList{QStringLiteral("--json")});
    if (r.exitCode != exitCode)
        qWarning("%s", qPrintable(r.err));
    [&] {
        QCOMPARE(r.exitCode, exitCode);
    }();
    return QJsonDocument::fromJson(r.out.toUtf8());
}

} // namespace Chronoscope::Test
