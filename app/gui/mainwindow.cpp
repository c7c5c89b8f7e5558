#include "mainwindow.h"

#include "base/error.h"
#include "base/timestamp.h"
#include "bookmarks.h"
#include "branches.h"
#include "branchpanel.h"
#include "breakpointsandwatches.h"
#include "breakpointspanel.h"
#include "breakpointtablemodel.h"
#include "chaingraph.h"
#include "commandpalette.h"
#include "comparer.h"
#include "compareview.h"
#include "eventchainpanel.h"
#include "eventinspector.h"
#include "eventlist.h"
#include "eventtablemodel.h"
#include "gotoevent.h"
#include "historypanels.h"
#include "log/eventlog.h"
#include "logfiles.h"
#include "projectionspanel.h"
#include "session/debugsession.h"
#include "stateinspector.h"
#include "storefollowing.h"
#include "theme.h"
#include "timelinepanel.h"
#include "timelineview.h"
#include "watchespanel.h"
#include "watchtablemodel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>

namespace Chronoscope {

namespace {

// The docks' layout saved in the settings; a layout saved before the newest docks is dropped.
constexpr int kLayoutVersion = 2;

QIcon icon(const char *name)
{
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(QString::fromLatin1(name)));
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_session(new DebugSession(this))
    , m_events(new EventList(this))
    , m_eventModel(m_events->model())
    , m_stateInspector(new StateInspector(this))
    , m_eventInspector(new EventInspector(this))
    , m_timelinePanel(new TimelinePanel(this))
    , m_timeline(m_timelinePanel->view())
    , m_breakpointsPanel(new BreakpointsPanel(this))
    , m_watchesPanel(new WatchesPanel(this))
    , m_undo(new QUndoStack(this))
    , m_playTimer(new QTimer(this))
    , m_files(new LogFiles(this, [this](const QString &path) { return openLog(path); }))
    , m_positionLabel(new QLabel(this))
    , m_revisionLabel(new QLabel(this))
    , m_modelLabel(new QLabel(this))
    , m_replayLabel(new QLabel(this))
    , m_countLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(icon("chronoscope"));
    setAcceptDrops(true);
    setDockOptions(AnimatedDocks | AllowTabbedDocks | AllowNestedDocks);

    setCentralWidget(m_events);
    connect(m_events, &EventList::activated, this, [this](qint64 seq) { m_session->seek(seq); });
    connect(m_events, &EventList::message, this, [this](const QString &text) {
        m_lastMessage = text;
        updateStatus();
    });

    m_panels = new HistoryPanels(
            this,
            m_undo,
            [this] { return m_session->current().position; },
            [this] { return selectedSeq(); });
    // One memory of re-processed branches for every opening this window does.
    m_events->reader()->setReprocessingCache(m_session->reprocessingCache());
    m_panels->branches()->setReprocessingCache(m_session->reprocessingCache());
    m_panels->comparer()->setReprocessingCache(m_session->reprocessingCache());
    Branches *branches = m_panels->branches();
    connect(branches, &Branches::followRequested, this, &MainWindow::follow);
    connect(branches, &Branches::branchChanged, this, [this](const QString &name) {
        if (name == m_session->history())
            follow(name);
        else
            updateTimelineMarks();
    });
    connect(branches, &Branches::mainChanged, this, [this] { openLog(logPath()); });
    // A node of the graph filters the list and brings its lane forward on the timeline.
    connect(m_panels->chain(),
            &ChainGraph::filterRequested,
            this,
            [this](const QString &type, const QString &source) {
                m_timelinePanel->setLanes(type.isEmpty() ? TimelineData::Lanes::Source
                                                         : TimelineData::Lanes::Type);
                m_events->filterBy(type, source);
            });
    connect(m_events,
            &EventList::filtered,
            this,
            [this](const QString &type, const QString &source) {
                m_timeline->setEmphasis(type.isEmpty() ? source : type);
            });
    connect(m_panels->chain(), &ChainGraph::eventActivated, this, [this](qint64 seq) {
        selectSeq(seq);
        m_session->seek(seq);
    });

    createDocks();
    createActions();
    createMenus();
    createToolBar();

    statusBar()->addWidget(m_positionLabel, 1);
    m_revisionLabel->setObjectName(QStringLiteral("revisionLabel"));
    m_replayLabel->setObjectName(QStringLiteral("replayLabel"));
    for (QLabel *label : {m_revisionLabel, m_modelLabel, m_replayLabel, m_countLabel})
        statusBar()->addPermanentWidget(label);

    connect(m_events, &EventList::selectionChanged, this, &MainWindow::onSelectionChanged);
    connect(m_events->reader(),
            &LogReader::eventRead,
            this,
            [this](quint64, const std::shared_ptr<const LogReader::EventRead> &read) {
                onEventRead(read);
            });
    connect(m_session, &DebugSession::updated, this, &MainWindow::onUpdated);
    connect(m_files, &LogFiles::message, this, [this](const QString &text) {
        m_lastMessage = text;
        updateStatus();
    });
    auto *following = new StoreFollowing(m_files, m_events, m_session, m_timelinePanel, this);
    following->setStopAction(action(QStringLiteral("stopFollowing")));
    connect(following, &StoreFollowing::statusChanged, this, &MainWindow::updateStatus);
    connect(m_session, &DebugSession::failed, this, [this](const QString &message) {
        m_lastMessage = message;
        updateStatus();
        QMessageBox::warning(this, tr("Replay Failed"), message);
    });
    connect(m_session, &DebugSession::runningChanged, this, [this] { updateStatus(); });
    connect(m_session, &DebugSession::replayProgressed, this, [this] { updateStatus(); });
    connect(m_session, &DebugSession::opened, this, [this](const QString &error) {
        if (!error.isEmpty()) {
            m_lastMessage = error;
        } else {
            if (!m_session->openWarning().isEmpty())
                m_lastMessage = tr("Warning: this log was changed outside Chronoscope (%1); run "
                                   "chronoscope-cli verify")
                                        .arg(m_session->openWarning());
            // The first frame first: the timeline's density (a pass over the log) comes after.
            m_session->seek(std::max<int64_t>(m_followPosition, 0));
            if (m_followPosition < 0)
                m_session->loadTimeline(m_timelinePanel->lanes());
            m_followPosition = -1;
        }
        updateStatus();
    });
    connect(m_session,
            &DebugSession::timelineLoaded,
            this,
            [this](std::shared_ptr<const TimelineData> timeline) {
                m_timeline->setData(m_events->reader(), std::move(timeline));
            });
    connect(m_session,
            &DebugSession::blamed,
            this,
            [this](const QString &, qint64 seq, const QString &message) {
                m_lastMessage = message;
                updateStatus();
                if (seq > 0) {
                    selectSeq(seq);
                    m_session->seek(seq);
                }
            });
    connect(m_timeline, &TimelineView::eventClicked, this, [this](qint64 seq) { selectSeq(seq); });
    connect(m_timeline, &TimelineView::eventActivated, this, [this](qint64 seq) {
        selectSeq(seq);
        m_session->seek(seq);
    });
    connect(m_eventInspector, &EventInspector::eventRequested, this, [this](qint64 seq) {
        selectSeq(seq);
    });
    connect(m_stateInspector,
            &StateInspector::blameRequested,
            this,
            [this](const QString &pointer) {
                m_lastMessage = tr("Looking for the event that last changed %1…").arg(pointer);
                updateStatus();
                m_session->blame(pointer);
            });

    // Breakpoints are saved in the log; watches in the settings.
    m_marks = new BreakpointsAndWatches(this, m_session, m_breakpointsPanel, m_watchesPanel);

    connect(m_playTimer, &QTimer::timeout, this, [this] {
        if (m_session->requestedPosition() >= m_session->head())
            setPlaying(false);
        else
            m_session->stepForward();
    });

    resize(1280, 820);
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray(), kLayoutVersion);
    updateStatus();
}

MainWindow::~MainWindow()
{
    m_timeline->setData(nullptr, nullptr);
}

void MainWindow::createDocks()
{
    auto dock = [this](const QString &title,
                       const QString &name,
                       QWidget *widget,
                       Qt::DockWidgetArea area) {
        auto *d = new QDockWidget(title, this);
        d->setObjectName(name);
        d->setWidget(widget);
        addDockWidget(area, d);
        m_docks.push_back(d);
        return d;
    };
    QDockWidget *state = dock(
            tr("State"), QStringLiteral("stateDock"), m_stateInspector, Qt::RightDockWidgetArea);
    QDockWidget *event = dock(
            tr("Event"), QStringLiteral("eventDock"), m_eventInspector, Qt::RightDockWidgetArea);
    splitDockWidget(state, event, Qt::Vertical);

    connect(m_timelinePanel, &TimelinePanel::lanesChanged, this, [this](TimelineData::Lanes lanes) {
        if (m_session->isOpen())
            m_session->loadTimeline(lanes);
    });
    QDockWidget *timeline = dock(tr("Timeline"),
                                 QStringLiteral("timelineDock"),
                                 m_timelinePanel,
                                 Qt::BottomDockWidgetArea);

    QDockWidget *breakpoints = dock(tr("Breakpoints"),
                                    QStringLiteral("breakpointsDock"),
                                    m_breakpointsPanel,
                                    Qt::BottomDockWidgetArea);
    QDockWidget *watches = dock(
            tr("Watches"), QStringLiteral("watchesDock"), m_watchesPanel, Qt::BottomDockWidgetArea);
    splitDockWidget(timeline, breakpoints, Qt::Horizontal);
    tabifyDockWidget(breakpoints, watches);
    tabifyDockWidget(breakpoints,
                     dock(tr("Branches"),
                          QStringLiteral("branchesDock"),
                          m_panels->branchPanel(),
                          Qt::BottomDockWidgetArea));
    // The wide views of whole histories share the timeline's place.
    for (const auto &[title, name, widget] :
         {std::tuple{tr("Event Chain"), "eventChainDock", (QWidget *)m_panels->chainPanel()},
          std::tuple{tr("Compare"), "compareDock", (QWidget *)m_panels->compareView()},
          std::tuple{
                  tr("Projections"), "projectionsDock", (QWidget *)m_panels->projectionsPanel()}})
        tabifyDockWidget(timeline,
                         dock(title, QString::fromLatin1(name), widget, Qt::BottomDockWidgetArea));
    breakpoints->raise();
    timeline->raise();
    resizeDocks({timeline, breakpoints}, {800, 420}, Qt::Horizontal);
    resizeDocks({timeline}, {250}, Qt::Vertical);
    resizeDocks({state}, {460}, Qt::Horizontal);
}

void MainWindow::createActions()
{
    auto add = [this](const QString &name,
                      const QString &text,
                      const QIcon &ico,
                      const QList<QKeySequence> &keys,
                      auto slot) {
        auto *a = new QAction(ico, text, this);
        a->setObjectName(name);
        a->setShortcuts(keys);
        a->setShortcutContext(Qt::WindowShortcut);
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        return a;
    };
    add(QStringLiteral("open"), tr("&Open Log…"), icon("open"), {QKeySequence::Open}, [this] {
        showOpenDialog();
    });
    add(QStringLiteral("import"), tr("&Import JSON…"), {}, {QKeySequence(tr("Ctrl+I"))}, [this] {
        showImportDialog();
    });
    add(QStringLiteral("connectStore"), tr("&Connect to Event Store…"), {}, {}, [this] {
        m_files->showSourceImportDialog(QFileInfo(logPath()).absolutePath());
    });
    add(QStringLiteral("stopFollowing"), tr("S&top Following the Store"), {}, {}, [this] {
        m_files->stopFollowing();
    })->setEnabled(false);
    add(QStringLiteral("quit"), tr("&Quit"), {}, {QKeySequence::Quit}, [] {
        QApplication::closeAllWindows();
    });
    add(QStringLiteral("stepForward"),
        tr("Step &Forward"),
        icon("step-forward"),
        {QKeySequence(Qt::Key_F10)},
        [this] { m_session->stepForward(); });
    add(QStringLiteral("stepBack"),
        tr("Step &Back"),
        icon("step-back"),
        {QKeySequence(Qt::SHIFT | Qt::Key_F10), QKeySequence(Qt::ALT | Qt::Key_BracketLeft)},
        [this] { m_session->stepBack(); });
    add(QStringLiteral("runForward"),
        tr("&Run to Next Breakpoint"),
        icon("run-forward"),
        {QKeySequence(Qt::Key_F5)},
        [this] { m_session->runForward(); });
    add(QStringLiteral("runBackward"),
        tr("Run &Backward to Previous Breakpoint"),
        icon("run-backward"),
        {QKeySequence(Qt::SHIFT | Qt::Key_F5)},
        [this] { m_session->runBackward(); });
    add(QStringLiteral("goStart"),
        tr("Go to &Start"),
        icon("go-start"),
        {QKeySequence(Qt::CTRL | Qt::Key_Home), QKeySequence(Qt::Key_Home)},
        [this] { m_session->seek(0); });
    add(QStringLiteral("goEnd"),
        tr("Go to &End"),
        icon("go-end"),
        {QKeySequence(Qt::CTRL | Qt::Key_End), QKeySequence(Qt::Key_End)},
        [this] { m_session->seek(m_session->head()); });
    add(QStringLiteral("goTo"),
        tr("&Go to Event…"),
        icon("go-to"),
        {QKeySequence(Qt::CTRL | Qt::Key_G)},
        [this] { showGoToDialog(); });
    add(QStringLiteral("replayHere"),
        tr("Replay to &Selected Event"),
        {},
        {QKeySequence(Qt::CTRL | Qt::Key_Return)},
        [this] {
            if (selectedSeq() > 0)
                m_session->seek(selectedSeq());
        });
    add(QStringLiteral("toggleBreakpoint"),
        tr("Toggle &Breakpoint on Event Type"),
        icon("breakpoint"),
        {QKeySequence(Qt::Key_F9)},
        [this] { toggleBreakpointOnSelectedType(); });
    add(QStringLiteral("addBookmark"),
        tr("Add Boo&kmark…"),
        {},
        {QKeySequence(Qt::CTRL | Qt::Key_D)},
        [this] { addBookmark(); });
    QAction *play = add(
            QStringLiteral("play"), tr("&Play"), icon("play"), {QKeySequence(Qt::Key_F8)}, [this] {
                setPlaying(!m_playTimer->isActive());
            });
    play->setCheckable(true);
    add(QStringLiteral("commandPalette"),
        tr("Command &Palette…"),
        icon("palette"),
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P)},
        [this] { showCommandPalette(); });
    QAction *dark = add(QStringLiteral("darkTheme"), tr("&Dark Theme"), {}, {}, [](bool on) {
        Theme::apply(on);
    });
    dark->setCheckable(true);
    dark->setChecked(Theme::isDark());
    add(QStringLiteral("about"), tr("&About Chronoscope"), {}, {}, [this] {
        QMessageBox::about(
                this,
                tr("About Chronoscope"),
                tr("<b>Chronoscope</b> %1<br>A debugger for event histories: step through an "
                   "event log, see who listens to which events, fork and compare histories.")
                        .arg(QApplication::applicationVersion()));
    });
}

QAction *MainWindow::action(const QString &name) const
{
    return findChild<QAction *>(name);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(action(QStringLiteral("open")));
    m_files->setRecentMenu(file->addMenu(tr("Open &Recent")));
    file->addAction(action(QStringLiteral("import")));
    file->addAction(action(QStringLiteral("connectStore")));
    file->addAction(action(QStringLiteral("stopFollowing")));
    file->addSeparator();
    file->addAction(action(QStringLiteral("quit")));

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_undo->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("undo"));
    undo->setShortcuts(QKeySequence::Undo);
    QAction *redo = m_undo->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("redo"));
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence::Redo});
    for (QAction *a : {undo, redo}) {
        addAction(a);
        edit->addAction(a);
    }

    QMenu *debug = menuBar()->addMenu(tr("&Debug"));
    for (const char *name : std::initializer_list<const char *>{"stepForward",
                                                                "stepBack",
                                                                "runForward",
                                                                "runBackward",
                                                                nullptr,
                                                                "goStart",
                                                                "goEnd",
                                                                "goTo",
                                                                "replayHere",
                                                                nullptr,
                                                                "play",
                                                                nullptr,
                                                                "toggleBreakpoint",
                                                                "addBookmark"}) {
        if (name)
            debug->addAction(action(QString::fromLatin1(name)));
        else
            debug->addSeparator();
    }
    m_bookmarks = new Bookmarks(this, menuBar()->addMenu(tr("&Bookmarks")), m_timeline);
    connect(m_bookmarks, &Bookmarks::jumpRequested, this, [this](qint64 seq) {
        selectSeq(seq);
        m_session->seek(seq);
    });

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    for (QDockWidget *dock : m_docks)
        m_viewMenu->addAction(dock->toggleViewAction());
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(action(QStringLiteral("commandPalette")));
    m_viewMenu->addAction(action(QStringLiteral("darkTheme")));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(action(QStringLiteral("about")));
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Debug"));
    bar->setObjectName(QStringLiteral("debugToolBar"));
    bar->setIconSize(QSize(20, 20));
    for (const char *name : std::initializer_list<const char *>{"open",
                                                                nullptr,
                                                                "goStart",
                                                                "stepBack",
                                                                "stepForward",
                                                                "goEnd",
                                                                nullptr,
                                                                "runBackward",
                                                                "runForward",
                                                                "play"}) {
        if (name)
            bar->addAction(action(QString::fromLatin1(name)));
        else
            bar->addSeparator();
    }
    m_speedBox = new QComboBox(bar);
    m_speedBox->setObjectName(QStringLiteral("speedBox"));
    m_speedBox->setToolTip(tr("Play speed"));
    for (const int speed : {1, 2, 5, 10, 25, 50, 100})
        m_speedBox->addItem(tr("%1 events/s").arg(speed), speed);
    m_speedBox->setCurrentIndex(3);
    connect(m_speedBox, &QComboBox::currentIndexChanged, this, [this] {
        m_playTimer->setInterval(1000 / m_speedBox->currentData().toInt());
    });
    m_playTimer->setInterval(1000 / m_speedBox->currentData().toInt());
    bar->addWidget(m_speedBox);
    bar->addSeparator();
    bar->addAction(action(QStringLiteral("goTo")));
    bar->addAction(action(QStringLiteral("toggleBreakpoint")));
    bar->addAction(action(QStringLiteral("commandPalette")));
}

void MainWindow::setPlaying(bool playing)
{
    QAction *play = action(QStringLiteral("play"));
    play->setChecked(playing);
    play->setIcon(icon(playing ? "pause" : "play"));
    play->setText(playing ? tr("&Pause") : tr("&Play"));
    if (playing)
        m_playTimer->start();
    else
        m_playTimer->stop();
    updateStatus();
}

QString MainWindow::openLog(const QString &path)
{
    std::unique_ptr<EventLog> log;
    try {
        log = std::make_unique<EventLog>(path.toStdString(), EventLog::OpenMode::Existing);
    } catch (const Error &e) {
        return QString::fromUtf8(e.what());
    }
    m_files->logOpened(path);
    setPlaying(false);
    m_timeline->setData(nullptr, nullptr);
    m_events->setLog(log.get());
    m_log = std::move(log);
    setWindowTitle(tr("%1 — Chronoscope").arg(QFileInfo(path).fileName()));
    setWindowFilePath(path);
    m_lastMessage.clear();
    m_followPosition = -1;
    m_session->open(path);
    m_marks->setLog(m_log.get());
    m_panels->setLog(m_log.get(), path);
    updateTimelineMarks();
    m_bookmarks->setLog(m_log.get());
    m_files->addRecent(QFileInfo(path).absoluteFilePath());
    updateStatus();
    return {};
}

void MainWindow::follow(const QString &name)
{
    if (!m_log || name.isEmpty())
        return;
    // Re-processing a branch runs its model's handlers: in a thread, and remembered.
    m_lastMessage = tr("Opening %1…").arg(name);
    updateStatus();
    const QString path = logPath();
    m_panels->branches()->prepare(name, [this, name, path](const QString &error) {
        if (logPath() == path)
            followPrepared(name, error);
    });
}

void MainWindow::followPrepared(const QString &name, const QString &error)
{
    if (!error.isEmpty()) {
        QMessageBox::warning(this, tr("Follow Branch"), error);
        return;
    }
    setPlaying(false);
    if (m_followPosition < 0) // not while the previous follow is still opening
        m_followPosition = m_session->requestedPosition();
    m_events->setHistory(name);
    m_session->open(logPath(), name);
    m_panels->setFollowed(name, m_followPosition);
    m_lastMessage = tr("Following %1").arg(name);
    updateTimelineMarks();
    updateStatus();
}

void MainWindow::updateTimelineMarks()
{
    m_timeline->setBranchMarks(m_log ? m_panels->branches()->timelineMarks()
                                     : std::vector<TimelineView::BranchMark>());
}

QString MainWindow::logPath() const
{
    return m_log ? QString::fromStdString(m_log->path()) : QString();
}

void MainWindow::openFile(const QString &path)
{
    m_files->open(path);
}

void MainWindow::showOpenDialog()
{
    m_files->showOpenDialog(QFileInfo(logPath()).absolutePath());
}

void MainWindow::showImportDialog()
{
    m_files->showImportDialog(QFileInfo(logPath()).absolutePath());
}

void MainWindow::showGoToDialog()
{
    if (!m_log)
        return;
    if (const auto seq = GoToEvent::ask(this, *m_log, m_session->head())) {
        selectSeq(*seq);
        m_session->seek(*seq);
    }
}

void MainWindow::showCommandPalette()
{
    QList<QAction *> all = actions();
    for (QDockWidget *dock : m_docks)
        all.append(dock->toggleViewAction());
    auto *palette = new CommandPalette(all, this);
    palette->setAttribute(Qt::WA_DeleteOnClose);
    palette->move(mapToGlobal(QPoint((width() - palette->width()) / 2, 60)));
    palette->show();
    palette->filterEdit()->setFocus();
}

int64_t MainWindow::selectedSeq() const
{
    return m_events->selectedSeq();
}

void MainWindow::selectSeq(int64_t seq)
{
    m_events->selectSeq(seq);
}

void MainWindow::toggleBreakpointOnSelectedType()
{
    const int row = m_eventModel->rowOf(selectedSeq());
    const QString type
            = row < 0 ? QString()
                      : m_eventModel->data(m_eventModel->index(row, EventTableModel::Type))
                                .toString();
    if (type.isEmpty())
        return;
    m_lastMessage = m_marks->toggleTypeBreakpoint(type.toStdString());
    updateStatus();
}

void MainWindow::addBookmark()
{
    m_bookmarks->add(m_session->history() == QLatin1String("main") ? selectedSeq() : 0);
}

void MainWindow::onUpdated()
{
    const SessionUpdate &update = m_session->current();
    m_eventModel->setCurrentSeq(update.position);
    m_stateInspector->setUpdate(update);
    m_panels->showUpdate(update);
    m_watchesPanel->model()->setValues(update.watches);
    m_breakpointsPanel->model()->setHit(update.breakpointsHit);
    if (update.ranToBreakpoint) {
        m_timeline->setBreakpointHit(update.position);
        m_marks->recordHits(update.breakpointsHit);
        QStringList which;
        for (const int64_t id : update.breakpointsHit)
            which.append(QString::number(id));
        m_lastMessage = tr("Stopped at breakpoint %1").arg(which.join(QStringLiteral(", ")));
        setPlaying(false);
    } else if (update.runEnded != SessionUpdate::RunEnd::None) {
        m_lastMessage = update.runEnded == SessionUpdate::RunEnd::NoHitToEnd
                                ? tr("No breakpoint hit: ran to the end")
                                : tr("No breakpoint hit: ran back to the beginning");
    }
    m_timeline->setPosition(update.position,
                            update.step ? std::optional<int64_t>(update.step->event.recordedAt)
                                        : std::nullopt);
    if (update.position > 0)
        selectSeq(update.position);
    if (selectedSeq() == update.position)
        onSelectionChanged(); // the step's trace is known now
    updateStatus();
}

void MainWindow::onSelectionChanged()
{
    const int64_t seq = selectedSeq();
    m_timeline->setSelected(seq);
    if (!m_log || seq <= 0) {
        m_panels->showEvent(nullptr, nullptr);
        m_eventInspector->clear();
        updateStatus();
        return;
    }
    // The replay's step carries its event and causality; another row's are read off the GUI
    // thread and shown when they arrive (onEventRead).
    const SessionUpdate &update = m_session->current();
    if (update.step && update.step->event.seq == seq && update.causality) {
        EventInspector::Details details;
        details.event = update.step->event;
        details.causality = *update.causality;
        details.trace = update.step->trace;
        details.ignored = update.step->ignored;
        details.upcastEvent = update.upcastEvent;
        showDetails(details);
        return;
    }
    m_events->reader()->readEvent(seq);
    updateStatus();
}

void MainWindow::onEventRead(const std::shared_ptr<const LogReader::EventRead> &read)
{
    if (read->position != selectedSeq())
        return; // the selection moved on
    if (!read->event) {
        m_panels->showEvent(nullptr, nullptr);
        m_eventInspector->clear();
        updateStatus();
        return;
    }
    EventInspector::Details details;
    details.event = *read->event;
    details.causality = read->causality;
    showDetails(details);
}

void MainWindow::showDetails(const EventInspector::Details &details)
{
    m_panels->showEvent(&details.event, &details.causality);
    m_eventInspector->show(details);
    updateStatus();
}

void MainWindow::updateStatus()
{
    if (!m_log) {
        m_positionLabel->setText(m_lastMessage.isEmpty() ? tr("No log open") : m_lastMessage);
        for (QLabel *label : {m_revisionLabel, m_modelLabel, m_replayLabel, m_countLabel})
            label->clear();
        return;
    }
    const int64_t position = m_session->current().position;
    const int64_t head = m_session->isOpen() ? m_session->head() : m_log->eventCount();
    m_countLabel->setText(tr("%n event(s)", nullptr, static_cast<int>(head)));
    m_revisionLabel->setText(QStringLiteral("%1@%2").arg(m_session->history()).arg(position));
    m_modelLabel->setText(m_session->modelName().isEmpty()
                                  ? QString()
                                  : tr("model: %1").arg(m_session->modelName()));
    QString replay;
    if (m_session->isRunning())
        replay = tr("running…");
    else if (m_playTimer->isActive())
        replay = tr("playing");
    else if (m_session->requestedPosition() != position)
        replay = m_session->replayPercent() < 0
                         ? tr("replaying…")
                         : tr("replaying… %1%").arg(m_session->replayPercent());
    else
        replay = tr("paused");
    m_replayLabel->setText(replay);
    const int64_t selected = selectedSeq();
    QString text = tr("Position: event %1 of %2").arg(position).arg(head);
    if (selected > 0 && selected != position)
        text += tr(" · selected %1").arg(selected);
    if (m_eventModel->isFiltered())
        text += tr(" · %n shown by the filter", nullptr, m_eventModel->rowCount());
    if (!m_files->followedStore().isEmpty())
        text += tr(" · following %1").arg(m_files->followedStore());
    if (!m_lastMessage.isEmpty())
        text += QStringLiteral(" · ") + m_lastMessage;
    m_positionLabel->setText(text);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.first().isLocalFile()) {
        event->acceptProposedAction();
        openFile(urls.first().toLocalFile());
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState(kLayoutVersion));
    event->accept();
}

} // namespace Chronoscope
