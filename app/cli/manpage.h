#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace Chronoscope::Cli {

/// The chronoscope-cli(1) manual page, written from the commands' own parsers so that it says
/// what --help says: `chronoscope-cli --help-roff` prints the page (the build installs it), and
/// `chronoscope-cli COMMAND --help-roff` the section of one command.
class ManPage
{
public:
    struct Option
    {
        QStringList names;
        QString valueName;
        QString description;
    };

    /// The section of one command, in roff (man(7)).
    static QString commandSection(const QString &command,
                                  const QString &synopsis,
                                  const QString &description,
                                  const std::vector<Option> &options);
    /// Prints the whole page on stdout: the prose before and after, and every command's section.
    static void printPage();

    /// Text escaped for roff: backslashes, hyphens, and a leading dot or quote.
    static QString escaped(const QString &text);
};

} // namespace Chronoscope::Cli
