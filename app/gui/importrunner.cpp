#include "importrunner.h"

#include "base/error.h"
#include "io/importer.h"
#include "log/eventlog.h"

#include <QFile>

namespace Chronoscope {

ImportRunner::ImportRunner(QObject *parent)
    : QObject(parent)
{}

ImportRunner::~ImportRunner()
{
    m_cancel = true;
    if (m_thread.joinable())
        m_thread.join();
}

void ImportRunner::start(const QStringList &files, const QString &target)
{
    if (m_thread.joinable())
        m_thread.join();
    m_cancel = false;
    std::vector<std::string> paths;
    for (const QString &file : files)
        paths.push_back(file.toStdString());
    m_thread = std::thread([this, paths, target] {
        const bool existed = QFile::exists(target);
        QString error;
        qint64 imported = 0;
        try {
            EventLog log(target.toStdString(), EventLog::OpenMode::CreateIfMissing);
            ImportOptions options;
            options.progress = [this](const ImportProgress &p) {
                emit progress(static_cast<qint64>(p.bytesDone),
                              static_cast<qint64>(p.bytesTotal),
                              p.events);
                return !m_cancel.load();
            };
            imported = Importer(log, options).run(paths).imported;
            if (m_cancel)
                error = tr("The import was cancelled; nothing was written.");
        } catch (const Error &e) {
            error = m_cancel ? tr("The import was cancelled; nothing was written.")
                             : QString::fromUtf8(e.what());
        }
        if (!error.isEmpty() && !existed) {
            EventLog::removeFiles(target.toStdString());
        }
        emit finished(error, imported);
    });
}

} // namespace Chronoscope
