#include "base/error.h"
#include "base/eventfilter.h"
#include "base/eventjson.h"
#include "commandline.h"
#include "commands.h"
#include "history/branchhistory.h"
#include "history/revision.h"
#include "io/exporter.h"
#include "log/corrections.h"
#include "log/eventlog.h"
#include "log/searchindex.h"
#include "output.h"

namespace Chronoscope::Cli {

namespace {

bool matches(const std::optional<std::string> &glob, const std::optional<std::string> &value)
{
    return !glob || (value && EventFilter::globMatches(*glob, *value));
}

// A branch's events are its own sequence (positions, not seqs), read through its history.
int listBranchEvents(EventLog &log, const Revision &revision, const CommandLine &cl)
{
    if (cl.isSet(QStringLiteral("search")))
        throw Error::input("--search reads main's index; it does not search a branch");
    auto history = BranchHistory::open(log, revision.branch);
    const int64_t upTo = resolveRevision(*history, revision);
    const auto stream = cl.optionalValue(QStringLiteral("stream"));
    const auto type = cl.optionalValue(QStringLiteral("type"));
    const auto source = cl.optionalValue(QStringLiteral("source"));
    const int64_t from = cl.optionalInteger(QStringLiteral("from")).value_or(1);
    int64_t left = cl.optionalInteger(QStringLiteral("limit")).value_or(INT64_MAX);
    std::string text;
    history->forEach(from, upTo, EventFilter::Columns::All, [&](const Event &e) {
        if (!matches(stream, e.stream) || !matches(type, e.type) || !matches(source, e.source))
            return true;
        if (cl.json())
            EventJson::append(text, e);
        else
            text += eventLine(e);
        text += '\n';
        return --left > 0;
    });
    std::fwrite(text.data(), 1, text.size(), stdout);
    return 0;
}

} // namespace

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
    const Revision revision = Revision::parse(toStd(cl.value(QStringLiteral("rev"))));
    if (revision.branch != "main")
        return listBranchEvents(log, revision, cl);
    EventFilter filter;
    filter.toSeq = resolveRevision(log, revision);
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
    const Corrections corrections = Corrections::load(log);
    log.forEachEvent(filter, [&text, &corrections](const Event &e) {
        text += eventLine(e);
        if (const auto reversed = corrections.reversed.find(e.seq);
            reversed != corrections.reversed.end())
            text += "  (reversed by " + reversed->second + ")";
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
