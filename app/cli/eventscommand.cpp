#include "commandline.h"
#include "commands.h"
#include "eventlog.h"
#include "exporter.h"
#include "output.h"
#include "revision.h"
#include "searchindex.h"

namespace Chronoscope::Cli {

int runEvents(const QStringList &arguments)
{
    CommandLine cl(QStringLiteral("events"),
                   QStringLiteral("LOG"),
                   QStringLiteral("Lists events in seq order. --stream, --type and --source match "
                                  "exactly, or as a glob with * ? [...]. With --json, each event "
                                  "is one canonical JSON record per line."));
    cl.addOption({QStringLiteral("rev")},
                 QStringLiteral("Up to this revision (default: main)."),
                 QStringLiteral("REV"),
                 QStringLiteral("main"));
    cl.addOption({QStringLiteral("stream")},
                 QStringLiteral("Only this stream (or glob)."),
                 QStringLiteral("S"));
    cl.addOption({QStringLiteral("type")},
                 QStringLiteral("Only this event type (or glob)."),
                 QStringLiteral("T"));
    cl.addOption({QStringLiteral("source")},
                 QStringLiteral("Only this source service (or glob)."),
                 QStringLiteral("SRC"));
    cl.addOption({QStringLiteral("search")},
                 QStringLiteral("Only events whose type, stream, source, id, data or metadata "
                                "contain all these words (a word ending in * is a prefix). The "
                                "full-text index is kept in the log and brought up to date "
                                "first."),
                 QStringLiteral("TEXT"));
    cl.addOption(
            {QStringLiteral("from")}, QStringLiteral("Start at this seq."), QStringLiteral("SEQ"));
    cl.addOption(
            {QStringLiteral("limit")}, QStringLiteral("At most N events."), QStringLiteral("N"));
    if (!cl.parse(arguments))
        return 0;
    cl.positional(1, 1);
    EventLog log(cl.logPath(), EventLog::OpenMode::Existing);
    EventFilter filter;
    filter.toSeq = resolveRevision(log, Revision::parse(toStd(cl.value(QStringLiteral("rev")))));
    filter.stream = cl.optionalValue(QStringLiteral("stream"));
    filter.type = cl.optionalValue(QStringLiteral("type"));
    filter.source = cl.optionalValue(QStringLiteral("source"));
    filter.fromSeq = cl.optionalInteger(QStringLiteral("from")).value_or(1);
    filter.limit = cl.optionalInteger(QStringLiteral("limit"));
    filter.search = cl.optionalValue(QStringLiteral("search"));
    if (filter.search) {
        SearchIndex::matchQuery(*filter.search); // refuse an empty search before indexing
        SearchIndex index(log);
        const int64_t pending = log.eventCount() - index.indexedUpTo();
        if (pending > 0)
            printErr("indexing " + std::to_string(pending) + " events for search…");
        index.update();
    }

    if (cl.json()) {
        Exporter::write(log, filter, ExportFormat::Jsonl, stdout);
        return 0;
    }
    std::string text;
    log.forEachEvent(filter, [&text](const Event &e) {
        text += eventLine(e);
        text += '\n';
        if (text.size() > (1 << 16)) {
            std::fwrite(text.data(), 1, text.size(), stdout);
            text.clear();
        }
        return true;
    });
    std::fwrite(text.data(), 1, text.size(), stdout);
    return 0;
}

} // namespace Chronoscope::Cli
