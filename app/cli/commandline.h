#pragma once

#include "manpage.h"

#include <QCommandLineParser>
#include <QStringList>

#include <optional>
#include <string>

namespace Chronoscope::Cli {

/// The parser of one CLI command: its synopsis, options and positional arguments, with --help
/// and --json on every command. Bad usage throws Error (kind Input, exit code 2).
class CommandLine
{
public:
    CommandLine(const QString &command, const QString &synopsis, const QString &description);

    QCommandLineParser &parser() { return m_parser; }
    void addOption(const QStringList &names,
                   const QString &description,
                   const QString &valueName = {},
                   const QString &defaultValue = {});

    /// Parses the arguments after the command name. Returns false when --help was given (the
    /// help is printed then), or --help-roff (the command's section of the manual page).
    bool parse(const QStringList &arguments);

    bool json() const { return m_parser.isSet(QStringLiteral("json")); }
    bool isSet(const QString &name) const { return m_parser.isSet(name); }
    QString value(const QString &name) const { return m_parser.value(name); }
    std::optional<std::string> optionalValue(const QString &name) const;
    std::optional<int64_t> optionalInteger(const QString &name) const;
    /// The positional arguments; at least `min` of them, else a usage error.
    QStringList positional(int min, int max = -1) const;
    std::string logPath() const;

private:
    QString m_command;
    QString m_synopsis;
    QCommandLineParser m_parser;
    std::vector<ManPage::Option> m_options; // for the manual page, in --help's order
};

std::string toStd(const QString &s);

} // namespace Chronoscope::Cli
