#include "sourceimport.h"

#include "base/error.h"
#include "commandline.h"
#include "log/eventlog.h"
#include "output.h"
#include "source/eventsource.h"
#include "source/sourceimporter.h"
#include "source/sourcespec.h"

#include <atomic>
#include <csignal>
#include <filesystem>
#include <optional>

namespace Chronoscope::Cli {

namespace {

std::atomic<bool> g_stop = false;

extern "C" void requestStop(int)
{
    g_stop = true;
}

// SIGINT and SIGTERM end a follow after the batch being written; a one-shot import is then
// rolled back. The previous handlers come back when the import ends.
class StopOnSignal
{
public:
    StopOnSignal()
    {
        struct sigaction action = {};
        action.sa_handler = requestStop;
        sigemptyset(&action.sa_mask);
        sigaction(SIGINT, &action, &m_int);
        sigaction(SIGTERM, &action, &m_term);
    }
    ~StopOnSignal()
    {
        sigaction(SIGINT, &m_int, nullptr);
        sigaction(SIGTERM, &m_term, nullptr);
    }

private:
    struct sigaction m_int = {};
    struct sigaction m_term = {};
};

std::optional<Timestamp::Micros> timeOption(const CommandLine &cl, const char *name)
{
    const auto text = cl.optionalValue(QString::fromLatin1(name));
    if (!text)
        return std::nullopt;
    const auto micros = Timestamp::parseDateOrTime(*text);
    if (!micros)
        throw Error::input(std::string("import: --") + name
                           + " is a date or an RFC 3339 time "
                             "(2024-05-01 or 2024-05-01T12:00:00Z), not \""
                           + *text + "\"");
    return micros;
}

int positiveOption(const CommandLine &cl, const char *name, int fallback)
{
    const auto value = cl.optionalInteger(QString::fromLatin1(name));
    if (!value)
        return fallback;
    if (*value < 0 || *value > 3600000)
        throw Error::input(std::string("import: --") + name + " is milliseconds, 0 to 3600000");
    return static_cast<int>(*value);
}

// --count: what the import would bring, from where it would start; nothing is written (a log
// that is not there is not created).
int countSource(const CommandLine &cl,
                const SourceSpec &spec,
                const std::string &logPath,
                bool logExists,
                const SourceImportOptions &options,
                const SourceOptions &sourceOptions)
{
    if (options.follow)
        throw Error::input("import: --count and --follow do not go together");
    StopOnSignal stopOnSignal;
    std::unique_ptr<EventSource> source = openSource(spec, options.slice, sourceOptions);
    std::optional<EventLog> log;
    if (logExists)
        log.emplace(logPath, EventLog::OpenMode::Existing);
    const SourcePreview preview = SourceImporter::preview(log ? &*log : nullptr, *source, options);
    if (cl.json()) {
        printJson({{"source", spec.uri},
                   {"slice", nlohmann::ordered_json::parse(options.slice.key())},
                   {"events", preview.events},
                   {"from_position", preview.startPosition},
                   {"head", preview.head},
                   {"resumed", preview.resumed}});
        return 0;
    }
    printOut(std::to_string(preview.events) + " events to import from " + spec.uri + " (positions "
             + std::to_string(preview.startPosition + 1) + ".." + std::to_string(preview.head)
             + (preview.resumed ? ", after the last import" : "") + ")");
    return 0;
}

} // namespace

void addSourceImportOptions(CommandLine &cl)
{
    const auto add = [&](const char *name, const char *help, const char *valueName) {
        cl.addOption({QString::fromLatin1(name)},
                     QString::fromUtf8(help),
                     valueName ? QString::fromLatin1(valueName) : QString());
    };
    add("stream",
        "From a source: the streams to read, a glob (Message DB: a category such as "
        "order).",
        "GLOB");
    add("type", "From a source: the event types to read, a glob.", "GLOB");
    add("correlation", "From a source: only events of this correlation.", "ID");
    add("since", "From a source: events recorded at or after this time.", "TIME");
    add("until", "From a source: events recorded before this time.", "TIME");
    add("from-position",
        "From a source: start at this position of the store (included) "
        "instead of where the last import of this slice ended.",
        "POSITION");
    add("limit", "From a source: import at most N events.", "N");
    add("follow",
        "From a source: keep importing what the store appends, one transaction per "
        "batch, until interrupted (Ctrl+C ends it after the current batch).",
        nullptr);
    add("count",
        "From a source: print how many events the import would bring now, and "
        "write nothing.",
        nullptr);
    add("poll-interval", "With --follow: how often to look for new events (default 200).", "MS");
    add("gap-wait",
        "From PostgreSQL: how long to wait for a hole in the global order to be "
        "committed before reading past it (default 2000).",
        "MS");
}

int importSource(const CommandLine &cl, const std::string &logPath, const std::string &uri)
{
    for (const char *fileOnly : {"format", "on-error"})
        if (cl.isSet(QString::fromLatin1(fileOnly)))
            throw Error::input(std::string("import: --") + fileOnly
                               + " is for files; a source has its own format");
    const SourceSpec spec = SourceSpec::parse(uri);
    SourceImportOptions options;
    options.slice.stream = cl.optionalValue(QStringLiteral("stream"));
    options.slice.type = cl.optionalValue(QStringLiteral("type"));
    options.slice.correlation = cl.optionalValue(QStringLiteral("correlation"));
    options.slice.since = timeOption(cl, "since");
    options.slice.until = timeOption(cl, "until");
    options.fromPosition = cl.optionalInteger(QStringLiteral("from-position"));
    options.limit = cl.optionalInteger(QStringLiteral("limit"));
    if (options.limit && *options.limit <= 0)
        throw Error::input("import: --limit is a positive number of events");
    options.follow = cl.isSet(QStringLiteral("follow"));
    options.pollIntervalMs = positiveOption(cl, "poll-interval", 200);
    SourceOptions sourceOptions;
    sourceOptions.gapWaitMs = positiveOption(cl, "gap-wait", 2000);
    options.stop = &g_stop;
    options.warning = [](const std::string &warning) {
        printErr("warning: " + warning);
    };
    if (cl.isSet(QStringLiteral("progress")) || options.follow) {
        const bool follow = options.follow;
        options.progress = [follow](const SourceProgress &p) {
            if (!follow || p.events > 0)
                printErr("progress: " + std::to_string(p.events) + " events, position "
                         + std::to_string(p.position) + " of " + std::to_string(p.head));
            return true;
        };
    }

    std::error_code ec;
    const bool existed = std::filesystem::exists(logPath, ec);
    if (cl.isSet(QStringLiteral("count")))
        return countSource(cl, spec, logPath, existed, options, sourceOptions);
    SourceImportReport report;
    StopOnSignal stopOnSignal;
    try {
        std::unique_ptr<EventSource> source = openSource(spec, options.slice, sourceOptions);
        EventLog log(logPath, EventLog::OpenMode::CreateIfMissing);
        report = SourceImporter(log, *source, options).run();
    } catch (...) {
        if (!existed)
            EventLog::removeFiles(logPath); // a failed import into a new log leaves no log behind
        throw;
    }

    if (cl.json()) {
        auto warnings = nlohmann::ordered_json::array();
        for (const auto &warning : report.warnings)
            warnings.push_back(warning);
        printJson({{"source", spec.uri},
                   {"slice", nlohmann::ordered_json::parse(options.slice.key())},
                   {"imported", report.imported},
                   {"first_seq", report.firstSeq},
                   {"last_seq", report.lastSeq},
                   {"from_position", report.startPosition},
                   {"position", report.position},
                   {"resumed", report.resumed},
                   {"duplicates", report.duplicates},
                   {"warnings", warnings}});
        return 0;
    }
    std::string text = "imported " + std::to_string(report.imported) + " events";
    if (report.imported > 0)
        text += " (seq " + std::to_string(report.firstSeq) + ".." + std::to_string(report.lastSeq)
                + ")";
    text += " from " + spec.uri + " into " + logPath + "; read through position "
            + std::to_string(report.position);
    if (report.resumed)
        text += " (resumed after " + std::to_string(report.startPosition) + ")";
    printOut(text);
    return 0;
}

} // namespace Chronoscope::Cli
