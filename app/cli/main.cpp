#include "base/error.h"
#include "commands.h"
#include "manpage.h"
#include "output.h"

#include <QCoreApplication>

#include <exception>
#include <string>

using namespace Chronoscope;

namespace {

void printUsage()
{
    std::string text = "Usage: chronoscope-cli COMMAND LOG [options]\n\n"
                       "Chronoscope, the debugger for event histories, without the GUI.\n"
                       "Results go to stdout (--json for machine-readable output), errors to "
                       "stderr.\nExit codes: 0 success, 1 the operation failed, 2 bad usage or "
                       "bad input.\n\nCommands:\n";
    for (const auto &command : Cli::commands())
        text += "  " + std::string(command.name)
                + std::string(13 - std::string(command.name).size(), ' ') + command.synopsis + "\n";
    text += "\nRun chronoscope-cli COMMAND --help for the options of a command.";
    Cli::printOut(text);
}

// Warnings from the core (a log whose triggers were dropped, say) go to stderr, marked as such.
void printWarning(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    const char *kind = type == QtDebugMsg || type == QtInfoMsg ? "" : "warning: ";
    Cli::printErr(std::string("chronoscope-cli: ") + kind + message.toStdString());
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    qInstallMessageHandler(printWarning);
    QCoreApplication::setApplicationName(QStringLiteral("chronoscope-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Chronoscope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CHRONOSCOPE_VERSION));

    QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty() || args.first() == QLatin1String("--help")
        || args.first() == QLatin1String("-h") || args.first() == QLatin1String("help")) {
        printUsage();
        return args.isEmpty() ? 2 : 0;
    }
    if (args.first() == QLatin1String("--help-roff")) { // the manual page, for the build
        Cli::ManPage::printPage();
        return 0;
    }
    if (args.first() == QLatin1String("--version")) {
        Cli::printOut("chronoscope-cli " CHRONOSCOPE_VERSION);
        return 0;
    }
    const QString name = args.takeFirst();
    for (const auto &command : Cli::commands()) {
        if (name != QLatin1String(command.name))
            continue;
        try {
            return command.run(args);
        } catch (const Error &e) {
            Cli::printErr(std::string("chronoscope-cli ") + command.name + ": " + e.what());
            return e.exitCode();
        } catch (const std::exception &e) {
            Cli::printErr(std::string("chronoscope-cli ") + command.name + ": " + e.what());
            return 1;
        }
    }
    Cli::printErr("chronoscope-cli: unknown command \"" + name.toStdString()
                  + "\" (see chronoscope-cli --help)");
    return 2;
}
