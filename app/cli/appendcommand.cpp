#include "base/error.h"
#include "base/eventcheck.h"
#include "base/eventjson.h"
#include "base/jsonproblem.h"
#include "commandline.h"
#include "commands.h"
#include "io/exporter.h"
#include "log/eventlog.h"
#include "output.h"

#include <QUuid>

namespace Chronoscope::Cli {

namespace {

std::string jsonOption(const CommandLine &cl, const QString &name, const char *fallback)
{
    const auto text = cl.optionalValue(name);
    if (!text)
        return fallback;
    if (const auto problem = JsonProblem::of(*text))
        throw Error::input("--" + toStd(name) + " is not JSON: " + problem->where());
    return nlohmann::ordered_json::parse(*text).dump();
}

std::optional<Timestamp::Micros> timeOption(const CommandLine &cl, const QString &name)
{
    const auto text = cl.optionalValue(name);
    if (!text)
        return std::nullopt;
    const auto micros = Timestamp::parse(*text);
    if (!micros)
        throw Error::input("--" + toStd(name) + " \"" + *text + "\" is not an RFC 3339 time");
    return micros;
}

} // namespace

int runAppend(const QStringList &arguments)
{
    CommandLine cl(QStringLiteral("append"),
                   QStringLiteral("LOG"),
                   QStringLiteral("Appends one event to a stream with optimistic concurrency: "
                                  "--expected-version is the version of the stream's last event "
                                  "(0 for a new stream, or \"any\"). If the stream has moved on, "
                                  "nothing is written and the exit code is 1. LOG is created if "
                                  "missing."));
    cl.addOption({QStringLiteral("stream")},
                 QStringLiteral("The stream (required)."),
                 QStringLiteral("S"));
    cl.addOption({QStringLiteral("expected-version")},
                 QStringLiteral("The stream's current version, or any (required)."),
                 QStringLiteral("N"));
    cl.addOption({QStringLiteral("type")},
                 QStringLiteral("The event type (required)."),
                 QStringLiteral("T"));
    cl.addOption({QStringLiteral("data")},
                 QStringLiteral("The payload, JSON (default null)."),
                 QStringLiteral("JSON"));
    cl.addOption({QStringLiteral("metadata")},
                 QStringLiteral("Metadata, JSON (default {})."),
                 QStringLiteral("JSON"));
    cl.addOption({QStringLiteral("source")},
                 QStringLiteral("The emitting service."),
                 QStringLiteral("SRC"));
    cl.addOption({QStringLiteral("id")},
                 QStringLiteral("The event id (default: a new UUID)."),
                 QStringLiteral("ID"));
    cl.addOption({QStringLiteral("causation-id")},
                 QStringLiteral("The id of the cause."),
                 QStringLiteral("ID"));
    cl.addOption({QStringLiteral("correlation-id")},
                 QStringLiteral("The business transaction's id."),
                 QStringLiteral("ID"));
    cl.addOption({QStringLiteral("schema-version")},
                 QStringLiteral("The payload's schema version (default 1)."),
                 QStringLiteral("N"));
    cl.addOption({QStringLiteral("recorded-at")},
                 QStringLiteral("When it happened (default: now)."),
                 QStringLiteral("TIME"));
    cl.addOption({QStringLiteral("processed-at")},
                 QStringLiteral("When it was processed."),
                 QStringLiteral("TIME"));
    if (!cl.parse(arguments))
        return 0;
    cl.positional(1, 1);
    for (const char *required : {"stream", "expected-version", "type"}) {
        if (!cl.isSet(QLatin1String(required)))
            throw Error::input(std::string("--") + required + " is required (see append --help)");
    }

    Event e;
    e.stream = toStd(cl.value(QStringLiteral("stream")));
    e.type = toStd(cl.value(QStringLiteral("type")));
    if (e.stream.empty() || e.type.empty())
        throw Error::input("--stream and --type must not be empty");
    std::optional<int64_t> expected;
    if (cl.value(QStringLiteral("expected-version")) != QLatin1String("any")) {
        expected = cl.optionalInteger(QStringLiteral("expected-version"));
        if (*expected < 0)
            throw Error::input("--expected-version is 0 or more, or any");
    }
    e.data = jsonOption(cl, QStringLiteral("data"), "null");
    e.metadata = jsonOption(cl, QStringLiteral("metadata"), "{}");
    e.source = cl.optionalValue(QStringLiteral("source"));
    e.id = cl.optionalValue(QStringLiteral("id"))
                   .value_or(QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString());
    e.causationId = cl.optionalValue(QStringLiteral("causation-id"));
    e.correlationId = cl.optionalValue(QStringLiteral("correlation-id"));
    e.schemaVersion = cl.optionalInteger(QStringLiteral("schema-version")).value_or(1);
    e.recordedAt = timeOption(cl, QStringLiteral("recorded-at")).value_or(Timestamp::now());
    e.processedAt = timeOption(cl, QStringLiteral("processed-at"));
    EventCheck::require(e, "the event");

    EventLog log(cl.logPath(), EventLog::OpenMode::CreateIfMissing);
    const Event stored = log.append(std::move(e), expected);
    if (cl.json()) {
        std::string line;
        EventJson::append(line, stored);
        printOut(line);
    } else {
        printOut("appended seq " + std::to_string(stored.seq) + ": " + stored.stream
                 + " at version " + std::to_string(stored.streamVersion) + " (" + stored.type
                 + ", id " + stored.id + ")");
    }
    return 0;
}

} // namespace Chronoscope::Cli
