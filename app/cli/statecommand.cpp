#include "base/error.h"
#include "commandline.h"
#include "commands.h"
#include "debug/statesearch.h"
#include "history/revision.h"
#include "log/eventlog.h"
#include "log/snapshotstore.h"
#include "modelloader.h"
#include "output.h"
#include "replay/replayer.h"
#include "replaysetup.h"

#include <QStringList>

namespace Chronoscope::Cli {

namespace {

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
    addReplayOptions(cl);
    cl.addOption({QStringLiteral("find")},
                 QStringLiteral("List the keys and values in the state that contain TEXT "
                                "(ignoring case), or the paths under a JSON Pointer prefix "
                                "(TEXT starting with /)."),
                 QStringLiteral("TEXT"));
    cl.addOption({QStringLiteral("explain")},
                 QStringLiteral("Explain the step of the revision's last event."));
    if (!cl.parse(arguments))
        return 0;
    cl.positional(1, 1);
    EventLog log(cl.logPath(), EventLog::OpenMode::Existing);
    ReplaySetup setup = replayFor(log, cl, toStd(cl.value(QStringLiteral("rev"))));
    const int64_t seq = setup.position;
    Replayer &replayer = *setup.replayer;

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
    if (const auto text = cl.optionalValue(QStringLiteral("find"))) {
        const auto matches = StateSearch::find(replayer.state(), *text);
        if (cl.json()) {
            nlohmann::ordered_json list = nlohmann::ordered_json::array();
            for (const auto &m : matches)
                list.push_back({{"path", m.pointer}, {"value", m.value}});
            printJson(list);
        } else {
            std::string out;
            for (const auto &m : matches) {
                std::string value = m.value.dump();
                if (value.size() > 160)
                    value = value.substr(0, 157) + "...";
                out += m.pointer + "  " + value + "\n";
            }
            printOut(out);
        }
        if (matches.empty())
            throw Error::notFound("nothing in the state matches \"" + *text + "\"");
        return 0;
    }
    const auto path = cl.optionalValue(QStringLiteral("path"));
    const auto value = replayer.state().at(path.value_or(""));
    if (!value)
        throw Error::notFound("nothing at " + *path + " at revision "
                              + toStd(cl.value(QStringLiteral("rev"))));
    printOut(value->dump(2));
    return 0;
}

} // namespace Chronoscope::Cli
