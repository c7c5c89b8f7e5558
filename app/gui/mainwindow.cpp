#include "mainwindow.h"

#include "error.h"
#include "eventlog.h"
#include "eventtablemodel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>

namespace Chronoscope {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_eventModel(new EventTableModel(this))
    , m_eventView(new QTableView(this))
    , m_positionLabel(new QLabel(this))
    , m_countLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    m_eventView->setObjectName(QStringLiteral("eventView"));
    m_eventView->setModel(m_eventModel);
    m_eventView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_eventView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_eventView->setAlternatingRowColors(true);
    m_eventView->verticalHeader()->hide();
    m_eventView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_eventView->horizontalHeader()->setStretchLastSection(true);
    m_eventView->setWordWrap(false);
    setCentralWidget(m_eventView);

    statusBar()->addWidget(m_positionLabel, 1);
    statusBar()->addPermanentWidget(m_countLabel);
    connect(m_eventView->selectionModel(),
            &QItemSelectionModel::currentRowChanged,
            this,
            &MainWindow::updateStatus);

    createMenus();
    resize(1100, 700);
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
    updateStatus();
}

MainWindow::~MainWindow()
{
    m_eventModel->setLog(nullptr);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open Log…"), this, &MainWindow::showOpenDialog);
    open->setShortcut(QKeySequence::Open);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Chronoscope"), this, [this] {
        QMessageBox::about(this,
                           tr("About Chronoscope"),
                           tr("<b>Chronoscope</b> %1<br>A debugger for event histories: step "
                              "through an event log, see who listens to which events, fork and "
                              "compare histories.")
                                   .arg(QApplication::applicationVersion()));
    });
}

QString MainWindow::openLog(const QString &path)
{
    std::unique_ptr<EventLog> log;
    try {
        log = std::make_unique<EventLog>(path.toStdString(), EventLog::OpenMode::Existing);
    } catch (const Error &e) {
        return QString::fromUtf8(e.what());
    }
    m_eventModel->setLog(log.get());
    m_log = std::move(log);
    m_eventView->resizeColumnsToContents();
    setWindowTitle(tr("%1 — Chronoscope").arg(QFileInfo(path).fileName()));
    setWindowFilePath(path);
    if (m_eventModel->rowCount() > 0)
        m_eventView->selectRow(0);
    updateStatus();
    return {};
}

QString MainWindow::logPath() const
{
    return m_log ? QString::fromStdString(m_log->path()) : QString();
}

void MainWindow::showOpenDialog()
{
    const QString path
            = QFileDialog::getOpenFileName(this,
                                           tr("Open Log"),
                                           QFileInfo(logPath()).absolutePath(),
                                           tr("Chronoscope logs (*.chronolog);;All files (*)"));
    if (path.isEmpty())
        return;
    const QString error = openLog(path);
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("Cannot Open Log"), error);
}

void MainWindow::updateStatus()
{
    if (!m_log) {
        m_positionLabel->setText(tr("No log open"));
        m_countLabel->clear();
        return;
    }
    m_countLabel->setText(tr("%n event(s)", nullptr, m_eventModel->rowCount()));
    const QModelIndex current = m_eventView->currentIndex();
    if (current.isValid())
        m_positionLabel->setText(tr("Event %1 of %2")
                                         .arg(current.data(EventTableModel::SeqRole).toLongLong())
                                         .arg(m_eventModel->rowCount()));
    else
        m_positionLabel->setText(QFileInfo(logPath()).fileName());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    event->accept();
}

} // namespace Chronoscope
