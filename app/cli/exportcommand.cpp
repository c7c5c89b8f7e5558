#include "base/error.h"
#include "base/outputfile.h"
#include "commandline.h"
#include "commands.h"
#include "history/branchhistory.h"
#include "history/revision.h"
#include "io/exporter.h"
#include "log/eventlog.h"
#include "output.h"

#include <cstdio>

namespace Chronoscope::Cli {

int runExport(const QStringList &arguments)
{
    CommandLine cl(QStringLiteral("export"),
                   QStringLiteral("LOG"),
                   QStringLiteral("Writes the events of a revision, one JSON object per line: the "
                                  "canonical record (jsonl) or CloudEvents 1.0 with the canonical "
                                  "fields as extension attributes (cloudevents). Importing either "
                                  "reproduces every field."));
    cl.addOption({QStringLiteral("rev")},
                 QStringLiteral("The revision to export (default: main)."),
                 QStringLiteral("REV"),
                 QStringLiteral("main"));
    cl.addOption({QStringLiteral("format")},
                 QStringLiteral("jsonl (default) or cloudevents."),
                 QStringLiteral("FORMAT"),
                 QStringLiteral("jsonl"));
    cl.addOption({QStringLiteral("o"), QStringLiteral("output")},
                 QStringLiteral("Write to FILE instead of stdout (replaced atomically, keeping its "
                                "mode; never the log)."),
                 QStringLiteral("FILE"));
    if (!cl.parse(arguments))
        return 0;
    cl.positional(1, 1);
    const QString formatText = cl.value(QStringLiteral("format"));
    ExportFormat format;
    if (formatText == QLatin1String("jsonl"))
        format = ExportFormat::Jsonl;
    else if (formatText == QLatin1String("cloudevents"))
        format = ExportFormat::CloudEvents;
    else
        throw Error::input("export: --format is jsonl or cloudevents, not \"" + toStd(formatText)
                           + "\"");

    EventLog log(cl.logPath(), EventLog::OpenMode::Existing);
    const Revision revision = Revision::parse(toStd(cl.value(QStringLiteral("rev"))));
    auto history = BranchHistory::open(log, revision.branch);
    const int64_t upTo = resolveRevision(*history, revision);
    EventFilter filter;
    filter.toSeq = upTo;
    // Main through the log's query, a branch through its history.
    auto write = [&](std::FILE *out) {
        return history->isMain() ? Exporter::write(log, filter, format, out)
                                 : Exporter::write(*history, upTo, format, out);
    };

    const auto output = cl.optionalValue(QStringLiteral("output"));
    if (!output) {
        write(stdout);
        return 0;
    }
    OutputFile file(*output, {log.path()});
    const int64_t count = write(file.stream());
    file.commit();
    if (cl.json())
        printJson({{"exported", count}, {"file", *output}});
    else
        printOut("exported " + std::to_string(count) + " events to " + *output);
    return 0;
}

} // namespace Chronoscope::Cli
