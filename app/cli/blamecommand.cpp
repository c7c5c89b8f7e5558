#include "base/error.h"
#include "commandline.h"
#include "commands.h"
#include "debug/blame.h"
#include "history/revision.h"
#include "log/eventlog.h"
#include "output.h"
#include "replaysetup.h"

namespace Chronoscope::Cli {

namespace {

std::string valueText(const std::optional<nlohmann::json> &value)
{
    return value ? value->dump() : std::string("(none)");
}

nlohmann::ordered_json toJson(const Blame::Change &change)
{
    nlohmann::ordered_json out = eventSummary(change.event);
    out["before"] = change.before ? nlohmann::ordered_json(*change.before) : nullptr;
    out["after"] = change.after ? nlohmann::ordered_json(*change.after) : nullptr;
    nlohmann::ordered_json rules = nlohmann::ordered_json::array();
    for (const auto &rule : change.rules)
        rules.push_back({{"name", rule.name}, {"version", rule.version}});
    out["rules"] = rules;
    nlohmann::ordered_json calls = nlohmann::ordered_json::array();
    for (const auto &call : change.gatewayCalls)
        calls.push_back(
                {{"name", call.name}, {"request", call.request}, {"response", call.response}});
    out["gateway"] = calls;
    return out;
}

std::string describe(const Blame::Change &change)
{
    std::string text = eventLine(change.event) + "\n";
    text += "    id " + change.event.id + "\n";
    text += "    " + valueText(change.before) + " -> " + valueText(change.after) + "\n";
    for (const auto &rule : change.rules)
        text += "    rule " + rule.name + ": " + rule.version.dump() + "\n";
    for (const auto &call : change.gatewayCalls)
        text += "    gateway " + call.name + " " + call.request.dump() + " -> "
                + call.response.dump() + "\n";
    return text;
}

} // namespace

int runBlame(const QStringList &arguments)
{
    CommandLine cl(QStringLiteral("blame"),
                   QStringLiteral("LOG --path PTR [--rev REV] [--history]"),
                   QStringLiteral("Names the event that last changed the value at a JSON Pointer "
                                  "in the state (/streams/NAME/… or /projections/NAME/…): seq, "
                                  "id, type, source, the value before and after, and the rule "
                                  "versions and gateway calls it used. With --history, every "
                                  "event that changed it, oldest first."));
    cl.addOption({QStringLiteral("path")},
                 QStringLiteral("The JSON Pointer, e.g. /streams/order-31/total."),
                 QStringLiteral("PTR"));
    cl.addOption({QStringLiteral("rev")},
                 QStringLiteral("The revision (default: main)."),
                 QStringLiteral("REV"),
                 QStringLiteral("main"));
    cl.addOption({QStringLiteral("history")}, QStringLiteral("Every change, not just the last."));
    addReplayOptions(cl);
    if (!cl.parse(arguments))
        return 0;
    cl.positional(1, 1);
    const auto path = cl.optionalValue(QStringLiteral("path"));
    if (!path)
        throw Error::input("--path is required (e.g. --path /streams/order-31/total)");
    EventLog log(cl.logPath(), EventLog::OpenMode::Existing);
    ReplaySetup setup = replayFor(log, cl, toStd(cl.value(QStringLiteral("rev"))));
    const int64_t seq = setup.position;
    std::vector<Blame::Change> changes
            = Blame::history(*setup.history, *setup.model, *path, seq, setup.ignored);
    if (changes.empty())
        throw Error::notFound("no event up to " + toStd(cl.value(QStringLiteral("rev")))
                              + " set anything at " + *path);
    if (!cl.isSet(QStringLiteral("history")))
        changes.erase(changes.begin(), changes.end() - 1);
    if (cl.json()) {
        nlohmann::ordered_json list = nlohmann::ordered_json::array();
        for (const auto &change : changes)
            list.push_back(toJson(change));
        printJson(cl.isSet(QStringLiteral("history")) ? list : list.front());
        return 0;
    }
    std::string text;
    for (const auto &change : changes)
        text += describe(change);
    printOut(text);
    return 0;
}

} // namespace Chronoscope::Cli
