#include "sourceimportrunner.h"

#include "base/error.h"
#include "log/eventlog.h"
#include "source/eventsource.h"
#include "source/sourceimporter.h"
#include "source/sourcespec.h"

#include <QFile>

namespace Chronoscope {

SourceImportRunner::SourceImportRunner(QObject *parent)
    : QObject(parent)
{}

SourceImportRunner::~SourceImportRunner()
{
    m_cancel = true;
    if (m_thread.joinable())
        m_thread.join();
}

void SourceImportRunner::run(std::function<void()> job)
{
    if (m_thread.joinable())
        m_thread.join();
    m_cancel = false;
    m_thread = std::thread(std::move(job));
}

void SourceImportRunner::count(const QString &uri, const SourceSlice &slice)
{
    run([this, uri = uri.toStdString(), slice] {
        try {
            const auto source = openSource(SourceSpec::parse(uri), slice, {});
            SourceImportOptions options;
            options.slice = slice;
            options.stop = &m_cancel;
            const SourcePreview preview = SourceImporter::preview(nullptr, *source, options);
            emit counted({}, preview.events, preview.startPosition, preview.head);
        } catch (const Error &e) {
            emit counted(QString::fromUtf8(e.what()), 0, 0, 0);
        }
    });
}

void SourceImportRunner::start(const QString &uri, const SourceSlice &slice, const QString &target)
{
    run([this, uri = uri.toStdString(), slice, target] {
        const bool existed = QFile::exists(target);
        QString error;
        qint64 imported = 0;
        try {
            const auto source = openSource(SourceSpec::parse(uri), slice, {});
            EventLog log(target.toStdString(), EventLog::OpenMode::CreateIfMissing);
            SourceImportOptions options;
            options.slice = slice;
            options.progress = [this](const SourceProgress &p) {
                emit progress(p.events, p.position, p.head);
                return !m_cancel.load();
            };
            imported = SourceImporter(log, *source, options).run().imported;
        } catch (const Error &e) {
            error = m_cancel ? tr("The import was cancelled; nothing was written.")
                             : QString::fromUtf8(e.what());
        }
        if (!error.isEmpty() && !existed)
            EventLog::removeFiles(target.toStdString());
        emit finished(error, imported);
    });
}

void SourceImportRunner::follow(const QString &uri, const SourceSlice &slice, const QString &target)
{
    run([this, uri = uri.toStdString(), slice, target] {
        m_following = true;
        QString error;
        try {
            const auto source = openSource(SourceSpec::parse(uri), slice, {});
            EventLog log(target.toStdString(), EventLog::OpenMode::Existing);
            SourceImportOptions options;
            options.slice = slice;
            options.follow = true;
            options.stop = &m_cancel;
            int64_t announced = 0;
            options.progress = [this, &announced](const SourceProgress &p) {
                if (p.events > announced) {
                    announced = p.events;
                    emit appended(p.events, p.position);
                }
                return !m_cancel.load();
            };
            SourceImporter(log, *source, options).run();
        } catch (const Error &e) {
            error = QString::fromUtf8(e.what());
        }
        m_following = false;
        emit followEnded(error);
    });
}

} // namespace Chronoscope
