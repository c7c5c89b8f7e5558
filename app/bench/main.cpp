#include "benchmarks.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTemporaryDir>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("chronoscope-bench"));
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
    parser.addOption(eventsOption);
    parser.addOption(dirOption);
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
        Chronoscope::Bench::runAll(events, directory.toStdString());
    } catch (const std::exception &e) {
        std::fprintf(stderr, "chronoscope-bench: %s\n", e.what());
        return 1;
    }
    return 0;
}
