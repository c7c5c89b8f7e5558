#include "mainwindow.h"
#include "samplelog.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QStyleFactory>
#include <QTranslator>

#include <cstdio>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Chronoscope"));
    QApplication::setOrganizationName(QStringLiteral("Chronoscope"));
    QApplication::setApplicationVersion(QStringLiteral(CHRONOSCOPE_VERSION));
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));

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
    parser.process(app);

    Chronoscope::MainWindow window;
    QString path = parser.positionalArguments().value(0);
    if (path.isEmpty())
        path = Chronoscope::SampleLog::path();
    const QString error = window.openLog(path);
    window.show();
    if (!error.isEmpty()) {
        std::fprintf(stderr, "chronoscope: %s\n", qPrintable(error));
        QMessageBox::warning(&window, QApplication::translate("main", "Cannot Open Log"), error);
    }
    return QApplication::exec();
}
