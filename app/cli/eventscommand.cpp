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
#include "modelloader.h"
#include "output.h"

#include <nlohmann/json.hpp>

namespace Chronoscope::Cli {

namespace {

// --upcast: the event as the model's reducers see it, where that differs from what is stored.
class Upcast
{
public:
    Upcast(EventLog &log, const CommandLine &cl)
    {
        if (cl.isSet(QStringLiteral("upcast")))
            m_model = loadModel(log, cl.optionalValue(QStringLiteral("model")));
        else if (cl.isSet(QStringLiteral("model")))
            throw Error::input("events: --model is for --upcast");
    }

    // The upcast schema version and data, or null when the model sees the event as stored.
    nlohmann::ordered_json of(const Event &e) const
    {
        if (!m_model)
            return nullptr;
        const auto upcast = nlohmann::ordered_json::parse(m_model->upcastEvent(e));
        const auto stored = nlohmann::ordered_json::parse(e.data);
        if (upcast["data"] == stored && upcast["schema_version"] == e.schemaVersion)
            return nullptr;
        return {{"schema_version", upcast["schema_version"]}, {"data", upcast["data"]}};
    }

    void appendText(std::string &text, const Event &e) const
    {
        if (const auto upcast = of(e); !upcast.is_null())
            text += "\n    as the model sees it: schema " + upcast["schema_version"].dump()
                    + ", data " + upcast["data"].dump();
    }

    // A canonical JSON line with an "upcast" member where the model sees another event.
    void appendJson(std::string &text, const Event &e) const
    {
        EventJson::append(text, e);
        if (const auto upcast = of(e); !upcast.is_null()) {
            text.pop_back(); // the closing brace
            text += ",\"upcast\":" + upcast.dump() + "}";
        }
    }

    bool active() const { return m_model != nullptr; }

private:
    std::unique_ptr<Model> m_model;
};

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
    const Upcast upcast(log, cl);
    std::string text;
    history->forEach(from, upTo, EventFilter::Columns::All, [&](const Event &e) {
        if (!matches(stream, e.stream) || !matches(type, e.type) || !matches(source, e.source))
            return true;
        if (cl.json()) {
            upcast.appendJson(text, e);
        } else {
            text += eventLine(e);
            upcast.appendText(text, e);
        }
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
    cl.addOption({QStringLiteral("upcast")},
                 QStringLiteral("Also show each event as the model's reducers see it (upcast to "
                                "the newest schema), where that differs from what is stored "
                                "(JSON: an \"upcast\" member with its schema_version and "
                                "data)."));
    cl.addOption({QStringLiteral("model")},
                 QStringLiteral("With --upcast: the model to upcast with (default: the log's)."),
                 QStringLiteral("FILE.js"));
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

    const Upcast upcast(log, cl);
    if (cl.json() && !upcast.active()) {
        Exporter::write(log, filter, ExportFormat::Jsonl, stdout);
        return 0;
    }
    std::string text;
    const Corrections corrections = Corrections::load(log);
    const bool json = cl.json();
    log.forEachEvent(filter, [&](const Event &e) {
        if (json) {
            upcast.appendJson(text, e);
            text += '\n';
            return true;
        }
        text += eventLine(e);
        if (const auto reversed = corrections.reversed.find(e.seq);
            reversed != corrections.reversed.end())
            text += "  (reversed by " + reversed->second + ")";
        upcast.appendText(text, e);
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
