#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

class QMenu;
class QProgressDialog;
class QWidget;

namespace Chronoscope {

class ImportRunner;
class SourceImportRunner;
struct SourceSlice;

/// How the window gets at files: opening a log, importing JSON event files or a live store's
/// slice into a new log (never into an existing one) with a progress dialog that can cancel,
/// the open and import dialogs, and the recent files (kept in the settings) with their menu.
class LogFiles : public QObject
{
    Q_OBJECT

public:
    /// `openLog` opens a Chronoscope log in the window and returns why it could not.
    LogFiles(QWidget *window, std::function<QString(const QString &)> openLog);

    /// Opens a log, or imports a JSON file into a new log next to it (or where the user says)
    /// and opens that.
    void open(const QString &path);
    void showOpenDialog(const QString &directory);
    void showImportDialog(const QString &directory);
    /// File › Connect to Event Store…: a slice of a live store into a new log, opened after.
    void showSourceImportDialog(const QString &directory);

    /// The store the open log follows (its URI without the password), empty when none.
    QString followedStore() const { return m_followed; }
    /// Ends following the store (after the batch being written).
    void stopFollowing();
    /// The window opened `path`: following another log's store ends.
    void logOpened(const QString &path);

    /// Lists the recent files in `menu` from now on.
    void setRecentMenu(QMenu *menu);
    void addRecent(const QString &path);

signals:
    /// Something worth a line in the status bar.
    void message(const QString &text);
    /// The followed store appended events to the open log: `events` since the follow began.
    void logGrew(qint64 events);
    /// Following began or ended (followedStore() says which).
    void followingChanged();

private:
    void importInto(const QStringList &files, const QString &target);
    void importSourceInto(const QString &uri,
                          const QString &shownUri,
                          const SourceSlice &slice,
                          const QString &target,
                          bool follow);
    void follow(const QString &uri,
                const QString &shownUri,
                const SourceSlice &slice,
                const QString &target);
    /// An import's progress, per mille, window-modal, shown after 300 ms, gone when closed.
    QProgressDialog *progressDialog(const QString &label, const QString &name);
    /// After an import: says why it failed, or opens the log it wrote. True when it is open.
    bool openImported(const QString &error, qint64 events, const QString &target);
    bool refusedAsExisting(const QString &target);
    void rebuildRecentMenu();

    QWidget *m_window;
    std::function<QString(const QString &)> m_openLog;
    ImportRunner *m_importer;
    SourceImportRunner *m_sourceImporter;
    SourceImportRunner *m_follower;
    QString m_followed;
    QString m_followedLog;
    QMenu *m_recentMenu = nullptr;
};

} // namespace Chronoscope
