#include "commandline.h"
#include "commands.h"
#include "error.h"
#include "eventlog.h"
#include "modelloader.h"
#include "output.h"
#include "replayer.h"
#include "revision.h"
#include "snapshotstore.h"

#include <QStringList>

namespace Chronoscope::Cli {

namespace {

std::set<int64_t> parseSeqList(const QString &text)
{
    std::set<int64_t> seqs;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const qlonglong seq = part.trimmed().toLongLong(&ok);
        if (!ok || seq < 1)
            throw Error::input("state: --ignore takes event numbers separated by commas, not \""
                               + toStd(part) + "\"");
        seqs.insert(seq);
    }
    return seqs;
}

std::string readableChanges(const nlohmann::json &changes, const nlohmann::json &before)
{
    std::string text;
    for (const auto &op : changes) {
        const std::string path = op.value("path", "");
        const std::string kind = op.value("op", "");
        nlohmann::json old;
        if (kind != "add" && before.is_structured()) {
            try {
                old = before.at(nlohmann::json::json_pointer(path));
            } catch (const nlohmann::json::exception &) {
            }
        } else if (kind != "add" && path.empty()) {
            old = before;
        }
        text += "  " + (path.empty() ? std::string("(whole state)") : path) + ": ";
        if (kind == "add")
            text += "(none) -> " + op["value"].dump();
        else if (kind == "remove")
            text += old.dump() + " -> (removed)";
        else
            text += old.dump() + " -> " + op["value"].dump();
        text += "\n";
    }
    return text.empty() ? std::string("  (no change)\n") : text;
}

} // namespace

int runState(const QStringList &arguments)
{
    CommandLine cl(QStringLiteral("state"),
                   QStringLiteral("LOG"),
                   QStringLiteral("Prints the replayed state at a revision as JSON: {\"streams\": "
                                  "…, \"projections\": …}, or the value at --path. With "
                                  "--explain, explains the step of the revision's last event: "
                                  "its stream before and after, and what changed."));
    cl.addOption({QStringLiteral("rev")},
                 QStringLiteral("The revision (default: main)."),
                 QStringLiteral("REV"),
                 QStringLiteral("main"));
    cl.addOption({QStringLiteral("path")},
                 QStringLiteral("A JSON Pointer into the state, e.g. /streams/order-31/total."),
                 QStringLiteral("PTR"));
    cl.addOption({QStringLiteral("model")},
                 QStringLiteral("Replay with this JavaScript model instead of the log's."),
                 QStringLiteral("FILE.js"));
    cl.addOption({QStringLiteral("ignore")},
                 QStringLiteral("Replay as if these events had not happened."),
                 QStringLiteral("SEQ,..."));
    cl.addOption({QStringLiteral("explain")},
                 QStringLiteral("Explain the step of the revision's last event."));
    if (!cl.parse(arguments))
        return 0;
    cl.positional(1, 1);
    EventLog log(cl.logPath(), EventLog::OpenMode::Existing);
    const int64_t seq
            = resolveRevision(log, Revision::parse(toStd(cl.value(QStringLiteral("rev")))));
    std::unique_ptr<Model> model = loadModel(log, cl.optionalValue(QStringLiteral("model")));
    Replayer replayer(log, *model);
    SnapshotStore store(log, model->hash());
    replayer.useStore(&store, kStoredInterval);
    if (cl.isSet(QStringLiteral("ignore")))
        replayer.setIgnored(parseSeqList(cl.value(QStringLiteral("ignore"))));

    if (cl.isSet(QStringLiteral("explain"))) {
        if (seq == 0)
            throw Error::input("state --explain: the revision has no event to explain");
        const Replayer::Step step = replayer.explain(seq);
        const nlohmann::json before = step.before ? *step.before : nlohmann::json();
        const nlohmann::json after = step.after ? *step.after : nlohmann::json();
        nlohmann::json rules = nlohmann::json::array();
        for (const auto &rule : step.trace.rules)
            rules.push_back({{"name", rule.name}, {"version", rule.version}});
        nlohmann::json calls = nlohmann::json::array();
        for (const auto &call : step.trace.gatewayCalls)
            calls.push_back(
                    {{"name", call.name}, {"request", call.request}, {"response", call.response}});
        if (cl.json()) {
            printOut(nlohmann::json{
                    {"seq", step.event.seq},
                    {"id", step.event.id},
                    {"type", step.event.type},
                    {"stream", step.event.stream},
                    {"ignored", step.ignored},
                    {"before", before},
                    {"after", after},
                    {"changes", step.changes},
                    {"rules", rules},
                    {"gateway",
                     calls}}.dump(2));
        } else {
            std::string text = "event " + std::to_string(step.event.seq) + " " + step.event.type
                               + " on " + step.event.stream + (step.ignored ? " (ignored)" : "")
                               + "\n";
            text += readableChanges(step.changes, before);
            for (const auto &rule : step.trace.rules)
                text += "  rule " + rule.name + ": " + rule.version.dump() + "\n";
            for (const auto &call : step.trace.gatewayCalls)
                text += "  gateway " + call.name + " " + call.request.dump() + " -> "
                        + call.response.dump() + "\n";
            printOut(text);
        }
        return 0;
    }

    replayer.seek(seq);
    const auto path = cl.optionalValue(QStringLiteral("path"));
    const auto value = replayer.state().at(path.value_or(""));
    if (!value)
        throw Error::notFound("state: nothing at " + *path + " at revision "
                              + toStd(cl.value(QStringLiteral("rev"))));
    printOut(value->dump(2));
    return 0;
}

} // namespace Chronoscope::Cli
