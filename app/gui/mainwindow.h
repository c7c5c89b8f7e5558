#pragma once

#include <QMainWindow>

#include <memory>

class QLabel;
class QTableView;

namespace Chronoscope {

class EventLog;
class EventTableModel;

/// The Chronoscope window: wires the views to the open log.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens a Chronoscope log; on failure keeps the current one and returns the reason.
    QString openLog(const QString &path);
    QString logPath() const;
    EventTableModel *eventModel() const { return m_eventModel; }

public slots:
    void showOpenDialog();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void updateStatus();

    std::unique_ptr<EventLog> m_log;
    EventTableModel *m_eventModel;
    QTableView *m_eventView;
    QLabel *m_positionLabel;
    QLabel *m_countLabel;
};

} // namespace Chronoscope
