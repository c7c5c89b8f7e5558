#include "logfiles.h"

#include "importrunner.h"
#include "sourceimportdialog.h"
#include "sourceimportrunner.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSettings>

namespace Chronoscope {

namespace {

constexpr int kMaxRecentFiles = 8;

// The log an import of `file` writes by default: beside it, with the same base name.
QString newLogBeside(const QString &file)
{
    const QFileInfo info(file);
    return info.absolutePath() + QLatin1Char('/') + info.completeBaseName()
           + QStringLiteral(".chronolog");
}

} // namespace

LogFiles::LogFiles(QWidget *window, std::function<QString(const QString &)> openLog)
    : QObject(window)
    , m_window(window)
    , m_openLog(std::move(openLog))
    , m_importer(new ImportRunner(this))
    , m_sourceImporter(new SourceImportRunner(this))
    , m_follower(new SourceImportRunner(this))
{
    connect(m_follower, &SourceImportRunner::appended, this, [this](qint64 events) {
        emit logGrew(events);
    });
    connect(m_follower, &SourceImportRunner::followEnded, this, [this](const QString &error) {
        const QString store = m_followed;
        m_followed.clear();
        emit followingChanged();
        if (!error.isEmpty())
            QMessageBox::warning(m_window,
                                 tr("Following Stopped"),
                                 tr("Following %1 stopped: %2").arg(store, error));
    });
}

void LogFiles::stopFollowing()
{
    m_follower->cancel();
}

void LogFiles::logOpened(const QString &path)
{
    if (!m_followed.isEmpty() && path != m_followedLog)
        stopFollowing();
}

void LogFiles::follow(const QString &uri,
                      const QString &shownUri,
                      const SourceSlice &slice,
                      const QString &target)
{
    m_followed = shownUri;
    m_followedLog = target;
    m_follower->follow(uri, slice, target);
    emit followingChanged();
}

void LogFiles::open(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("json") || suffix == QLatin1String("jsonl")
        || suffix == QLatin1String("ndjson")) {
        QString target = newLogBeside(path);
        if (QFile::exists(target) || !QFileInfo(QFileInfo(path).absolutePath()).isWritable()) {
            target = QFileDialog::getSaveFileName(m_window,
                                                  tr("Import into a New Log"),
                                                  target,
                                                  tr("Chronoscope logs (*.chronolog)"));
            if (target.isEmpty() || refusedAsExisting(target))
                return;
        }
        importInto({path}, target);
        return;
    }
    const QString error = m_openLog(path);
    if (!error.isEmpty())
        QMessageBox::warning(m_window, tr("Cannot Open Log"), error);
}

bool LogFiles::refusedAsExisting(const QString &target)
{
    if (!QFile::exists(target))
        return false;
    QMessageBox::warning(m_window,
                         tr("Cannot Import"),
                         tr("%1 exists already: choose a new file, the import never changes an "
                            "existing log.")
                                 .arg(target));
    return true;
}

void LogFiles::importInto(const QStringList &files, const QString &target)
{
    auto *progress = progressDialog(tr("Importing %1…").arg(QFileInfo(files.first()).fileName()),
                                    QStringLiteral("importProgress"));
    connect(progress, &QProgressDialog::canceled, m_importer, &ImportRunner::cancel);
    auto onProgress
            = connect(m_importer,
                      &ImportRunner::progress,
                      progress,
                      [progress](qint64 done, qint64 total, qint64 events) {
                          progress->setValue(total > 0 ? static_cast<int>(done * 1000 / total) : 0);
                          progress->setLabelText(
                                  tr("Importing… %n event(s)", nullptr, static_cast<int>(events)));
                      });
    auto *finished = new QMetaObject::Connection;
    *finished = connect(
            m_importer,
            &ImportRunner::finished,
            this,
            [this, progress, target, finished, onProgress](const QString &error, qint64 events) {
                disconnect(*finished);
                disconnect(onProgress);
                delete finished;
                progress->close();
                openImported(error, events, target);
            });
    m_importer->start(files, target);
}

QProgressDialog *LogFiles::progressDialog(const QString &label, const QString &name)
{
    auto *progress = new QProgressDialog(label, tr("Cancel"), 0, 1000, m_window);
    progress->setObjectName(name);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(300);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    return progress;
}

bool LogFiles::openImported(const QString &error, qint64 events, const QString &target)
{
    if (!error.isEmpty()) {
        QMessageBox::warning(m_window, tr("Import Failed"), error);
        return false;
    }
    const QString openError = m_openLog(target);
    if (!openError.isEmpty()) {
        QMessageBox::warning(m_window, tr("Cannot Open Log"), openError);
        return false;
    }
    emit message(tr("Imported %n event(s) into %1", nullptr, static_cast<int>(events))
                         .arg(QFileInfo(target).fileName()));
    return true;
}

void LogFiles::showOpenDialog(const QString &directory)
{
    const QString path
            = QFileDialog::getOpenFileName(m_window,
                                           tr("Open Log"),
                                           directory,
                                           tr("Chronoscope logs and event files (*.chronolog "
                                              "*.json *.jsonl *.ndjson);;All files (*)"));
    if (!path.isEmpty())
        open(path);
}

void LogFiles::showImportDialog(const QString &directory)
{
    const QStringList files = QFileDialog::getOpenFileNames(
            m_window,
            tr("Import JSON Events"),
            directory,
            tr("JSON event files (*.json *.jsonl *.ndjson);;All files (*)"));
    if (files.isEmpty())
        return;
    const QString target = QFileDialog::getSaveFileName(m_window,
                                                        tr("Import into a New Log"),
                                                        newLogBeside(files.first()),
                                                        tr("Chronoscope logs (*.chronolog)"));
    if (target.isEmpty() || refusedAsExisting(target))
        return;
    importInto(files, target);
}

void LogFiles::showSourceImportDialog(const QString &directory)
{
    QSettings settings;
    SourceImportDialog dialog(settings.value(QStringLiteral("sources/lastUri")).toString(),
                              m_window);
    connect(&dialog, &SourceImportDialog::countRequested, this, [this, &dialog] {
        m_sourceImporter->count(dialog.connectionUri(), dialog.slice());
    });
    connect(m_sourceImporter,
            &SourceImportRunner::counted,
            &dialog,
            [&dialog](const QString &error, qint64 events, qint64 from, qint64 head) {
                dialog.showCount(error.isEmpty() ? tr("%n event(s) to import (positions %1..%2)",
                                                      nullptr,
                                                      static_cast<int>(events))
                                                           .arg(from + 1)
                                                           .arg(head)
                                                 : error);
            });
    if (dialog.exec() != QDialog::Accepted)
        return;
    settings.setValue(QStringLiteral("sources/lastUri"), dialog.uri());
    const QString target
            = QFileDialog::getSaveFileName(m_window,
                                           tr("Import into a New Log"),
                                           directory + QStringLiteral("/store.chronolog"),
                                           tr("Chronoscope logs (*.chronolog)"));
    if (target.isEmpty() || refusedAsExisting(target))
        return;
    importSourceInto(dialog.connectionUri(), dialog.uri(), dialog.slice(), target, dialog.follow());
}

void LogFiles::importSourceInto(const QString &uri,
                                const QString &shownUri,
                                const SourceSlice &slice,
                                const QString &target,
                                bool follow)
{
    auto *progress = progressDialog(tr("Importing from %1…").arg(shownUri),
                                    QStringLiteral("sourceImportProgress"));
    connect(progress, &QProgressDialog::canceled, m_sourceImporter, &SourceImportRunner::cancel);
    auto onProgress = connect(
            m_sourceImporter,
            &SourceImportRunner::progress,
            progress,
            [progress](qint64 events, qint64 position, qint64 head) {
                progress->setValue(head > 0 ? static_cast<int>(position * 1000 / head) : 0);
                progress->setLabelText(tr("Importing… %n event(s), position %1 of %2",
                                          nullptr,
                                          static_cast<int>(events))
                                               .arg(position)
                                               .arg(head));
            });
    auto *finished = new QMetaObject::Connection;
    *finished = connect(m_sourceImporter,
                        &SourceImportRunner::finished,
                        this,
                        [=, this](const QString &error, qint64 events) {
                            disconnect(*finished);
                            disconnect(onProgress);
                            delete finished;
                            progress->close();
                            if (openImported(error, events, target) && follow)
                                this->follow(uri, shownUri, slice, target);
                        });
    m_sourceImporter->start(uri, slice, target);
}

void LogFiles::setRecentMenu(QMenu *menu)
{
    m_recentMenu = menu;
    rebuildRecentMenu();
}

void LogFiles::addRecent(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recentFiles")).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecentFiles)
        recent.removeLast();
    settings.setValue(QStringLiteral("recentFiles"), recent);
    rebuildRecentMenu();
}

void LogFiles::rebuildRecentMenu()
{
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QStringLiteral("recentFiles")).toStringList();
    for (const QString &path : recent)
        m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] { open(path); })
                ->setToolTip(path);
    m_recentMenu->setEnabled(!recent.isEmpty());
}

} // namespace Chronoscope
