#include "benchmarks.h"
#include "guibenchmarks.h"
#include "sourcebenchmarks.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTemporaryDir>

#include <cstdio>

int main(int argc, char *argv[])
{
    // The window's figures need no display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("chronoscope-bench"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
            "Measures Chronoscope's speed on the shop history and prints each figure next to a "
            "baseline measured in the same run: NAME: VALUE (baseline NAME VALUE, ratio R, "
            "goal >= G)."));
    parser.addHelpOption();
    const QCommandLineOption eventsOption(QStringLiteral("events"),
                                          QStringLiteral("History size (default 1000000)."),
                                          QStringLiteral("N"),
                                          QStringLiteral("1000000"));
    const QCommandLineOption dirOption(QStringLiteral("dir"),
                                       QStringLiteral("Work directory (default: a temporary one)."),
                                       QStringLiteral("DIR"));
    const QCommandLineOption timelineOption(
            QStringLiteral("timeline-sizes"),
            QStringLiteral("Log sizes for the timeline repaint (default 100000,1000000,10000000)."),
            QStringLiteral("N,N,..."),
            QStringLiteral("100000,1000000,10000000"));
    const QCommandLineOption onlyOption(
            QStringLiteral("only"),
            QStringLiteral("Run only the core, the gui or the live-source figures (these start "
                           "a PostgreSQL server of their own)."),
            QStringLiteral("core|gui|sources"));
    parser.addOption(eventsOption);
    parser.addOption(dirOption);
    parser.addOption(timelineOption);
    parser.addOption(onlyOption);
    parser.process(app);
    bool ok = false;
    const qlonglong events = parser.value(eventsOption).toLongLong(&ok);
    if (!ok || events <= 0) {
        std::fprintf(stderr, "chronoscope-bench: --events takes a positive number\n");
        return 2;
    }
    QTemporaryDir temporary;
    const QString directory = parser.isSet(dirOption) ? parser.value(dirOption) : temporary.path();
    try {
        const QString only = parser.value(onlyOption);
        if (only.isEmpty() || only == QLatin1String("core"))
            Chronoscope::Bench::runAll(events, directory.toStdString());
        if (only.isEmpty() || only == QLatin1String("sources"))
            Chronoscope::Bench::runSourceBenchmarks(events, directory.toStdString());
        if (only.isEmpty() || only == QLatin1String("gui")) {
            std::vector<int64_t> sizes;
            for (const QString &size :
                 parser.value(timelineOption).split(QLatin1Char(','), Qt::SkipEmptyParts))
                sizes.push_back(size.toLongLong());
            Chronoscope::Bench::runGuiBenchmarks(directory.toStdString(), events, sizes);
        }
    } catch (const std::exception &e) {
        std::fprintf(stderr, "chronoscope-bench: %s\n", e.what());
        return 1;
    }
    return 0;
}
