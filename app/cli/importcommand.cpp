#include "base/error.h"
#include "commandline.h"
#include "commands.h"
#include "io/importer.h"
#include "log/eventlog.h"
#include "output.h"
#include "source/sourcespec.h"
#include "sourceimport.h"

#include <filesystem>
#include <memory>

namespace Chronoscope::Cli {

namespace {

ImportFormat parseFormat(const QString &text)
{
    if (text == QLatin1String("auto"))
        return ImportFormat::Auto;
    if (text == QLatin1String("jsonl"))
        return ImportFormat::Jsonl;
    if (text == QLatin1String("cloudevents"))
        return ImportFormat::CloudEvents;
    throw Error::input("import: --format is auto, jsonl or cloudevents, not \"" + toStd(text)
                       + "\"");
}

nlohmann::ordered_json issuesJson(const std::vector<ImportIssue> &issues)
{
    auto list = nlohmann::ordered_json::array();
    for (const auto &issue : issues)
        list.push_back({{"file", issue.file}, {"line", issue.line}, {"message", issue.message}});
    return list;
}

} // namespace

int runImport(const QStringList &arguments)
{
    CommandLine cl(
            QStringLiteral("import"),
            QStringLiteral("LOG FILE...|SOURCE"),
            QStringLiteral("Imports events into LOG (created if missing), all files in one "
                           "transaction. Reads canonical JSON Lines and CloudEvents 1.0 JSON (one "
                           "event, a batch array, or one event per line). On a bad line the "
                           "default --on-error abort prints FILE:LINE: what is wrong, exits 2 and "
                           "leaves the log as it was; --on-error skip imports the rest and lists "
                           "every skipped line. SOURCE is a live store, read and never written: "
                           "postgresql://USER@HOST:PORT/DB?store=messagedb|marten|table or "
                           "nats://HOST:PORT/STREAM; the import reads the slice the options "
                           "name up to the store's head in one transaction, and the next import "
                           "of the same slice goes on where it ended."));
    cl.addOption({QStringLiteral("format")},
                 QStringLiteral("Input format: auto (default), jsonl or cloudevents."),
                 QStringLiteral("FORMAT"),
                 QStringLiteral("auto"));
    cl.addOption({QStringLiteral("on-error")},
                 QStringLiteral("abort (default): import nothing on a bad line; skip: import the "
                                "rest and list the skipped lines."),
                 QStringLiteral("MODE"),
                 QStringLiteral("abort"));
    cl.addOption({QStringLiteral("progress")}, QStringLiteral("Print progress on stderr."));
    addSourceImportOptions(cl);
    if (!cl.parse(arguments))
        return 0;
    const QStringList args = cl.positional(2);
    const std::string logPath = toStd(args.first());
    if (SourceSpec::isSourceUri(toStd(args[1]))) {
        if (args.size() > 2)
            throw Error::input("import: one source at a time (" + toStd(args[2])
                               + " follows the source)");
        return importSource(cl, logPath, toStd(args[1]));
    }
    for (const char *sourceOnly : {"stream",
                                   "type",
                                   "correlation",
                                   "since",
                                   "until",
                                   "from-position",
                                   "limit",
                                   "follow",
                                   "poll-interval",
                                   "gap-wait"})
        if (cl.isSet(QString::fromLatin1(sourceOnly)))
            throw Error::input(std::string("import: --") + sourceOnly
                               + " slices a live source (postgresql://… or nats://…); files "
                                 "are imported whole");
    std::vector<std::string> files;
    for (qsizetype i = 1; i < args.size(); ++i)
        files.push_back(toStd(args[i]));

    ImportOptions options;
    options.format = parseFormat(cl.value(QStringLiteral("format")));
    const QString onError = cl.value(QStringLiteral("on-error"));
    if (onError == QLatin1String("skip"))
        options.onError = OnError::Skip;
    else if (onError != QLatin1String("abort"))
        throw Error::input("import: --on-error is abort or skip, not \"" + toStd(onError) + "\"");
    if (cl.isSet(QStringLiteral("progress"))) {
        options.progress = [](const ImportProgress &p) {
            printErr("progress: " + std::to_string(p.events) + " events, "
                     + std::to_string(p.bytesTotal ? p.bytesDone * 100 / p.bytesTotal : 100) + "%");
            return true;
        };
    }

    std::error_code ec;
    const bool existed = std::filesystem::exists(logPath, ec);
    ImportReport report;
    try {
        EventLog log(logPath, EventLog::OpenMode::CreateIfMissing);
        report = Importer(log, options).run(files);
    } catch (...) {
        if (!existed)
            EventLog::removeFiles(logPath); // a failed import into a new log leaves no log behind
        throw;
    }

    for (const auto &issue : report.warnings)
        printErr("warning: " + issue.text());
    for (const auto &issue : report.skipped)
        printErr("skipped: " + issue.text());
    if (cl.json()) {
        auto formats = nlohmann::ordered_json::array();
        for (const auto format : report.formats)
            formats.push_back(formatName(format));
        printJson({{"imported", report.imported},
                   {"first_seq", report.firstSeq},
                   {"last_seq", report.lastSeq},
                   {"formats", formats},
                   {"skipped", issuesJson(report.skipped)},
                   {"warnings", issuesJson(report.warnings)}});
    } else {
        std::string text = "imported " + std::to_string(report.imported) + " events";
        if (report.imported > 0)
            text += " (seq " + std::to_string(report.firstSeq) + ".."
                    + std::to_string(report.lastSeq) + ")";
        text += " into " + logPath;
        if (!report.skipped.empty())
            text += "; skipped " + std::to_string(report.skipped.size()) + " (listed on stderr)";
        printOut(text);
    }
    return 0;
}

} // namespace Chronoscope::Cli
