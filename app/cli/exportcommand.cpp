#include "branchhistory.h"
#include "commandline.h"
#include "commands.h"
#include "error.h"
#include "eventlog.h"
#include "exporter.h"
#include "output.h"
#include "revision.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

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
                 QStringLiteral("Write to FILE instead of stdout (replaced atomically)."),
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
    const std::string temporary = *output + ".partial";
    std::FILE *file = std::fopen(temporary.c_str(), "wb");
    if (!file)
        throw Error::input(*output + ": cannot write: " + std::strerror(errno));
    int64_t count = 0;
    try {
        count = write(file);
    } catch (...) {
        std::fclose(file);
        std::remove(temporary.c_str());
        throw;
    }
    if (std::fclose(file) != 0 || std::rename(temporary.c_str(), output->c_str()) != 0) {
        std::remove(temporary.c_str());
        throw Error::failed(*output + ": cannot write: " + std::strerror(errno));
    }
    if (cl.json())
        printJson({{"exported", count}, {"file", *output}});
    else
        printOut("exported " + std::to_string(count) + " events to " + *output);
    return 0;
}

} // namespace Chronoscope::Cli
