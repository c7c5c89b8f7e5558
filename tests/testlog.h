#pragma once

#include "base/error.h"
#include "io/exporter.h"
#include "log/eventlog.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>
#include <functional>
#include <memory>
#include <string>

namespace Chronoscope::Test {

inline std::string pathIn(const QTemporaryDir &dir, const char *name)
{
    return dir.filePath(QString::fromUtf8(name)).toStdString();
}

inline std::string corpus(const char *relative)
{
    return std::string(CHRONOSCOPE_CORPUS_DIR) + "/" + relative;
}

inline bool haveCorpus()
{
    return QFile::exists(QStringLiteral(CHRONOSCOPE_CORPUS_DIR "/cloudevents"));
}

inline void writeFile(const std::string &path, const std::string &content)
{
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", path.c_str());
    file.write(content.data(), static_cast<qint64>(content.size()));
}

inline QByteArray fileHash(const std::string &path)
{
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex();
}

/// What `work` threw as Error, or "" when it threw nothing.
inline std::string failureOf(const std::function<void()> &work)
{
    try {
        work();
    } catch (const Error &e) {
        return e.what();
    }
    return {};
}

/// The whole log as canonical JSON Lines: what "the log is exactly as it was" compares.
inline std::string exportText(EventLog &log, ExportFormat format = ExportFormat::Jsonl)
{
    char *buffer = nullptr;
    size_t size = 0;
    std::FILE *out = open_memstream(&buffer, &size);
    Exporter::write(log, {}, format, out);
    std::fclose(out);
    std::string text(buffer, size);
    std::free(buffer);
    return text;
}

} // namespace Chronoscope::Test
