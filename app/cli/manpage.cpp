#include "manpage.h"

#include "commands.h"

#include <QRegularExpression>

#include <cstdio>

namespace Chronoscope::Cli {

namespace {

const char *const kHead = R"roff(.TH CHRONOSCOPE-CLI 1 "" "Chronoscope @VERSION@" "User Commands"
.SH NAME
chronoscope-cli \- the Chronoscope debugger for event histories, without the window
.SH SYNOPSIS
.B chronoscope-cli
.I COMMAND LOG
.RI [ options ]
.br
.B chronoscope-cli
.BR \-\-help " | " \-\-version
.SH DESCRIPTION
.B chronoscope-cli
does headless what the
.BR chronoscope (1)
window does: it imports event histories into a log (one SQLite file), replays them through a
domain model to the state at any point, steps, runs to breakpoints, watches, blames and
bisects, forks branches, edits and merges them, compares histories and draws who listens to
which events.
.PP
Every command takes the log first and has
.B \-\-help
and
.BR \-\-json ;
results go to standard output (with
.BR \-\-json ,
machine-readable), errors to standard error.
A message always says what was wrong and where:
.IR FILE : LINE :
for a bad event in an input file,
.IR FILE : LINE : COLUMN :
where the JSON itself is bad, the event's seq and the model function for a failing model.
.SH COMMANDS
)roff";

const char *const kTail = R"roff(.SH REVISIONS
A revision names a point in a history, git-style:
.TP
.B main
the head of main;
.TP
.B main@120
after event 120 of main (0: before the first event);
.TP
.B fix@3
after position 3 of the branch
.BR fix ;
.TP
.B main@2018-02-01T00:00:00Z
after the last event recorded before that time (RFC 3339).
.SH EXIT STATUS
.TP
.B 0
success;
.TP
.B 1
the operation failed: a conflict (an append whose expected version is not the stream's), not
found, a predicate that never holds, a run that reached the end without a hit, a log that
.B verify
finds not whole or not deterministic;
.TP
.B 2
bad usage or bad input (a malformed line, an unknown option, a file that is not a log).
.SH ENVIRONMENT
.TP
.B CHRONOSCOPE_SCRIPT_HEAP_MB
the script heap limit in megabytes (default 512): a model function, condition, watch or
predicate that grows the process by more than this is stopped with an error naming it and the
event.
.SH FILES
.TP
.I LOG
a Chronoscope log: one SQLite file in WAL mode (with its
.IR LOG \-wal
and
.IR LOG \-shm
while it is open); recorded events are immutable, and no command writes over it.
.TP
.I /usr/share/chronoscope/models/shop.js
the shop sample's model, and
.I shop-fixed.js
its fix (under the installation prefix).
.TP
.I /usr/share/chronoscope/samples/shop.chronolog
the bundled shop sample log.
.SH EXAMPLES
.nf
chronoscope-cli sample shop.chronolog --events 100000 --seed 1
chronoscope-cli import orders.chronolog events.jsonl cloudevents.json
chronoscope-cli state shop.chronolog --rev main@349 --path /streams/payment-104
chronoscope-cli break shop.chronolog add --type PaymentRefunded
chronoscope-cli run shop.chronolog --from main@100
chronoscope-cli bisect shop.chronolog --predicate 'state.streams["order-7"]?.status === "shipped"'
chronoscope-cli branch shop.chronolog create fixed --at main@349 --model shop-fixed.js
chronoscope-cli diff shop.chronolog main fixed
chronoscope-cli merge shop.chronolog fixed --reason "over-charge refunded"
chronoscope-cli graph shop.chronolog | dot -Tpng -o chain.png
.fi
.SH SEE ALSO
.BR chronoscope (1),
.BR sqlite3 (1),
.BR dot (1)
)roff";

} // namespace

QString ManPage::escaped(const QString &text)
{
    QString out = text;
    out.replace(QLatin1Char('\\'), QStringLiteral("\\e"));
    out.replace(QLatin1Char('-'), QStringLiteral("\\-"));
    static const QRegularExpression leading(QStringLiteral("^([.'])"),
                                            QRegularExpression::MultilineOption);
    out.replace(leading, QStringLiteral("\\&\\1"));
    // Man pages are ASCII: anything else as groff's \[uXXXX] (an em dash, an ellipsis, an arrow).
    QString ascii;
    for (const QChar c : std::as_const(out)) {
        if (c.unicode() < 128)
            ascii += c;
        else
            ascii += QStringLiteral("\\[u%1]")
                             .arg(c.unicode(), 4, 16, QLatin1Char('0'))
                             .toUpper()
                             .replace(QStringLiteral("\\[U"), QStringLiteral("\\[u"));
    }
    return ascii;
}

QString ManPage::commandSection(const QString &command,
                                const QString &synopsis,
                                const QString &description,
                                const std::vector<Option> &options)
{
    QString roff = QStringLiteral(".SS \"") + escaped(command + QLatin1Char(' ') + synopsis)
                   + QStringLiteral("\"\n") + escaped(description) + QLatin1Char('\n');
    for (const Option &option : options) {
        QStringList names;
        for (const QString &name : option.names)
            names << QStringLiteral("\\fB")
                             + escaped(
                                     (name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--"))
                                     + name)
                             + QStringLiteral("\\fR");
        roff += QStringLiteral(".TP\n") + names.join(QStringLiteral(", "));
        if (!option.valueName.isEmpty())
            roff += QStringLiteral(" \\fI") + escaped(option.valueName) + QStringLiteral("\\fR");
        roff += QLatin1Char('\n') + escaped(option.description) + QLatin1Char('\n');
    }
    return roff;
}

void ManPage::printPage()
{
    QString head = QString::fromUtf8(kHead);
    head.replace(QStringLiteral("@VERSION@"), QStringLiteral(CHRONOSCOPE_VERSION));
    std::fputs(head.toUtf8().constData(), stdout);
    for (const Command &command : commands())
        command.run({QStringLiteral("--help-roff")}); // each prints its own section
    std::fputs(kTail, stdout);
    std::fflush(stdout);
}

} // namespace Chronoscope::Cli
