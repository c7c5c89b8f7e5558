#include "commandline.h"

#include "base/error.h"
#include "output.h"

#include <cstdio>

namespace Chronoscope::Cli {

std::string toStd(const QString &s)
{
    return s.toStdString();
}

CommandLine::CommandLine(const QString &command,
                         const QString &synopsis,
                         const QString &description)
    : m_command(command)
    , m_synopsis(synopsis)
{
    m_parser.setApplicationDescription(description);
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    m_parser.addPositionalArgument(command, QString(), command + QLatin1Char(' ') + synopsis);
    m_parser.addHelpOption();
    const QString json = QStringLiteral("Machine-readable output (JSON).");
    m_parser.addOption(QCommandLineOption(QStringLiteral("json"), json));
    m_options.push_back({{QStringLiteral("json")}, {}, json});
}

void CommandLine::addOption(const QStringList &names,
                            const QString &description,
                            const QString &valueName,
                            const QString &defaultValue)
{
    QCommandLineOption option(names, description, valueName, defaultValue);
    m_parser.addOption(option);
    m_options.push_back({names, valueName, description});
}

bool CommandLine::parse(const QStringList &arguments)
{
    if (arguments == QStringList{QStringLiteral("--help-roff")}) {
        std::fputs(ManPage::commandSection(
                           m_command, m_synopsis, m_parser.applicationDescription(), m_options)
                           .toUtf8()
                           .constData(),
                   stdout);
        return false;
    }
    QStringList all = arguments;
    all.prepend(m_command);
    all.prepend(QStringLiteral("chronoscope-cli"));
    if (!m_parser.parse(all))
        throw Error::input(toStd(m_command + QStringLiteral(": ") + m_parser.errorText()
                                 + QStringLiteral(" (see chronoscope-cli ") + m_command
                                 + QStringLiteral(" --help)")));
    if (m_parser.isSet(QStringLiteral("help"))) {
        printOut(toStd(m_parser.helpText()));
        return false;
    }
    return true;
}

std::optional<std::string> CommandLine::optionalValue(const QString &name) const
{
    if (!m_parser.isSet(name))
        return std::nullopt;
    return toStd(m_parser.value(name));
}

std::optional<int64_t> CommandLine::optionalInteger(const QString &name) const
{
    if (m_parser.value(name).isEmpty())
        return std::nullopt;
    bool ok = false;
    const qlonglong n = m_parser.value(name).toLongLong(&ok);
    if (!ok)
        throw Error::input(toStd(m_command + QStringLiteral(": --") + name
                                 + QStringLiteral(" takes a whole number, not \"")
                                 + m_parser.value(name) + QStringLiteral("\"")));
    return n;
}

QStringList CommandLine::positional(int min, int max) const
{
    QStringList args = m_parser.positionalArguments();
    args.removeFirst(); // the command itself
    if (args.size() < min || (max >= 0 && args.size() > max))
        throw Error::input(toStd(QStringLiteral("usage: chronoscope-cli ") + m_command
                                 + QLatin1Char(' ') + m_synopsis + QStringLiteral(" (see ")
                                 + m_command + QStringLiteral(" --help)")));
    return args;
}

std::string CommandLine::logPath() const
{
    return toStd(positional(1).first());
}

} // namespace Chronoscope::Cli
