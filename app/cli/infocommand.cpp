#include "commandline.h"
#include "commands.h"
#include "log/eventlog.h"
#include "log/logsummary.h"
#include "log/modelstore.h"
#include "log/sourcestore.h"
#include "output.h"

namespace Chronoscope::Cli {

namespace {

std::string duration(Timestamp::Micros micros)
{
    const double seconds = static_cast<double>(micros) / 1e6;
    char buf[32];
    if (seconds < 1.0)
        std::snprintf(buf, sizeof buf, "%.0f ms", seconds * 1000.0);
    else if (seconds < 120.0)
        std::snprintf(buf, sizeof buf, "%.1f s", seconds);
    else
        std::snprintf(buf, sizeof buf, "%.1f min", seconds / 60.0);
    return buf;
}

std::string countList(const std::vector<std::pair<std::string, int64_t>> &counts)
{
    std::string text;
    for (const auto &[name, n] : counts) {
        if (!text.empty())
            text += ", ";
        text += (name.empty() ? std::string("(none)") : name) + " " + std::to_string(n);
    }
    return text;
}

nlohmann::ordered_json countObject(const std::vector<std::pair<std::string, int64_t>> &counts)
{
    auto object = nlohmann::ordered_json::object();
    for (const auto &[name, n] : counts)
        object[name] = n;
    return object;
}

nlohmann::ordered_json optionalTime(const std::optional<Timestamp::Micros> &t)
{
    return t ? nlohmann::ordered_json(Timestamp::format(*t)) : nlohmann::ordered_json();
}

nlohmann::ordered_json storesJson(const std::vector<SourceRecord> &stores)
{
    auto list = nlohmann::ordered_json::array();
    for (const SourceRecord &r : stores)
        list.push_back({{"uri", r.uri},
                        {"slice", nlohmann::ordered_json::parse(r.slice)},
                        {"position", r.position},
                        {"events", r.events},
                        {"first_seq", r.firstSeq ? nlohmann::ordered_json(*r.firstSeq) : nullptr},
                        {"last_seq", r.lastSeq ? nlohmann::ordered_json(*r.lastSeq) : nullptr},
                        {"first_read_at", Timestamp::format(r.firstReadAt)},
                        {"last_read_at", Timestamp::format(r.lastReadAt)}});
    return list;
}

} // namespace

int runInfo(const QStringList &arguments)
{
    CommandLine cl(QStringLiteral("info"),
                   QStringLiteral("LOG"),
                   QStringLiteral("Counts, streams, event types, sources, time range, processing "
                                  "lag and branches of a log, and the live stores it was "
                                  "imported from with how far each was read."));
    if (!cl.parse(arguments))
        return 0;
    cl.positional(1, 1);
    EventLog log(cl.logPath(), EventLog::OpenMode::Existing);
    const LogSummary s = LogSummary::of(log);
    const auto model = ModelStore::current(log);
    const std::vector<SourceRecord> stores = SourceStore::all(log);
    if (cl.json()) {
        nlohmann::ordered_json lag;
        if (s.meanLag)
            lag = {{"mean_ms", *s.meanLag / 1000}, {"max_ms", s.maxLag.value_or(0) / 1000}};
        printJson({{"log", log.path()},
                   {"schema_version", s.schemaVersion},
                   {"events", s.events},
                   {"streams", s.streams},
                   {"results", s.results},
                   {"first_recorded_at", optionalTime(s.firstRecordedAt)},
                   {"last_recorded_at", optionalTime(s.lastRecordedAt)},
                   {"lag", lag},
                   {"types", countObject(s.types)},
                   {"sources", countObject(s.sources)},
                   {"stream_families", countObject(s.streamFamilies)},
                   {"model",
                    model ? nlohmann::ordered_json{{"name", model->name}, {"hash", model->hash}}
                          : nlohmann::ordered_json()},
                   {"branches", s.branches},
                   {"stores", storesJson(stores)}});
        return 0;
    }
    std::string text;
    auto line = [&text](const char *label, const std::string &value) {
        text += label;
        text += std::string(10 - std::char_traits<char>::length(label), ' ') + value + "\n";
    };
    line("log", log.path() + " (schema " + std::to_string(s.schemaVersion) + ")");
    line("events", std::to_string(s.events));
    line("streams",
         std::to_string(s.streams)
                 + (s.streamFamilies.empty() ? std::string()
                                             : " (" + countList(s.streamFamilies) + ")"));
    if (s.firstRecordedAt)
        line("time",
             Timestamp::format(*s.firstRecordedAt) + " .. " + Timestamp::format(*s.lastRecordedAt));
    if (s.meanLag)
        line("lag",
             "mean " + duration(*s.meanLag) + ", max " + duration(s.maxLag.value_or(0))
                     + " (processed_at - recorded_at)");
    line("results", std::to_string(s.results));
    line("types", countList(s.types));
    line("sources", countList(s.sources));
    std::string branches;
    for (const auto &b : s.branches)
        branches += (branches.empty() ? "" : ", ") + b;
    line("model",
         model ? model->name + " (sha256 " + model->hash.substr(0, 12) + ")"
               : std::string("generic (JSON Merge Patch of each event's data)"));
    line("branches", branches);
    for (const SourceRecord &r : stores)
        line("store",
             r.uri + (r.slice == "{}" ? std::string() : " " + r.slice) + ": position "
                     + std::to_string(r.position) + ", " + std::to_string(r.events)
                     + " events, last read " + Timestamp::format(r.lastReadAt));
    printOut(text);
    return 0;
}

} // namespace Chronoscope::Cli
