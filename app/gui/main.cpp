#include "mainwindow.h"
#include "samplelog.h"
#include "session/debugsession.h"
#include "theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDockWidget>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QTimer>
#include <QTranslator>

#include <cstdio>
#include <cstring>

int main(int argc, char *argv[])
{
    // Answered before the window system is needed, so that it works without a display.
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--version") == 0 || std::strcmp(argv[i], "-v") == 0) {
            std::printf("chronoscope %s\n", CHRONOSCOPE_VERSION);
            return 0;
        }
    }
    QApplication app(argc, argv);
    // The window's id on the desktop is its launcher's (the .desktop file's name).
    QGuiApplication::setDesktopFileName(QStringLiteral(CHRONOSCOPE_APP_ID));
    QApplication::setApplicationName(QStringLiteral("Chronoscope"));
    QApplication::setOrganizationName(QStringLiteral("Chronoscope"));
    QApplication::setApplicationVersion(QStringLiteral(CHRONOSCOPE_VERSION));
    Chronoscope::Theme::applySaved();

    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(),
                          QStringLiteral("qtbase"),
                          QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(QLocale(),
                        QStringLiteral("chronoscope"),
                        QStringLiteral("_"),
                        QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(
            QApplication::translate("main", "Chronoscope, a debugger for event histories."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
            QStringLiteral("log"),
            QApplication::translate("main", "The log to open (default: the bundled shop sample)."),
            QStringLiteral("[LOG]"));
    const QCommandLineOption atOption(
            QStringLiteral("at"),
            QApplication::translate("main", "Replay to this event (its seq) once the log is open."),
            QStringLiteral("SEQ"));
    const QCommandLineOption screenshotOption(
            QStringLiteral("screenshot"),
            QApplication::translate("main",
                                    "Save a picture of the window to FILE once the replay is "
                                    "there, and quit (for the documentation)."),
            QStringLiteral("FILE"));
    const QCommandLineOption sizeOption(
            QStringLiteral("size"),
            QApplication::translate("main", "Window size, WIDTHxHEIGHT."),
            QStringLiteral("WxH"));
    const QCommandLineOption themeOption(
            QStringLiteral("theme"),
            QApplication::translate("main", "light or dark (remembered for the next start)."),
            QStringLiteral("THEME"));
    const QCommandLineOption panelOption(
            QStringLiteral("panel"),
            QApplication::translate("main",
                                    "Bring this panel to the front: branches, eventChain, compare, "
                                    "projections, timeline, breakpoints, watches."),
            QStringLiteral("PANEL"));
    const QCommandLineOption followOption(
            QStringLiteral("follow"),
            QApplication::translate("main", "Debug this branch of the log instead of main."),
            QStringLiteral("BRANCH"));
    parser.addOption(themeOption);
    parser.addOption(panelOption);
    parser.addOption(followOption);
    parser.addOption(atOption);
    parser.addOption(screenshotOption);
    parser.addOption(sizeOption);
    parser.process(app);

    if (parser.isSet(themeOption))
        Chronoscope::Theme::apply(parser.value(themeOption) == QLatin1String("dark"));

    Chronoscope::MainWindow window;
    QString path = parser.positionalArguments().value(0);
    if (path.isEmpty())
        path = Chronoscope::SampleLog::path();
    if (parser.isSet(sizeOption)) {
        const QStringList size = parser.value(sizeOption).split(QLatin1Char('x'));
        if (size.size() == 2)
            window.resize(size[0].toInt(), size[1].toInt());
    }
    const qlonglong at = parser.value(atOption).toLongLong();
    const QString screenshot = parser.value(screenshotOption);
    auto *session = window.session();
    const QString follow = parser.value(followOption);
    QObject::connect(
            session,
            &Chronoscope::DebugSession::opened,
            &window,
            [&window, session, at, follow](const QString &error) {
                if (!error.isEmpty())
                    return;
                if (!follow.isEmpty() && session->history() != follow) {
                    window.follow(follow);
                    return;
                }
                if (at > 0)
                    session->seek(at);
            },
            Qt::QueuedConnection);
    if (parser.isSet(panelOption)) {
        if (auto *dock
            = window.findChild<QDockWidget *>(parser.value(panelOption) + QStringLiteral("Dock"))) {
            dock->show();
            dock->raise();
        }
    }
    if (!screenshot.isEmpty()) {
        QObject::connect(session,
                         &Chronoscope::DebugSession::updated,
                         &window,
                         [&window, session, at, screenshot] {
                             if (session->current().position != at)
                                 return;
                             // Let the docks and the timeline settle, then take the picture.
                             QTimer::singleShot(800, &window, [&window, screenshot] {
                                 if (!window.grab().save(screenshot))
                                     std::fprintf(stderr,
                                                  "chronoscope: cannot write %s\n",
                                                  qPrintable(screenshot));
                                 QApplication::quit();
                             });
                         });
    }
    window.show();
    window.openFile(path);
    return QApplication::exec();
}
