#include "base/error.h"
#include "commandline.h"
#include "commands.h"
#include "debug/watchlist.h"
#include "history/revision.h"
#include "log/eventlog.h"
#include "output.h"
#include "replaysetup.h"

namespace Chronoscope::Cli {

int runWatch(const QStringList &arguments)
{
    CommandLine cl(QStringLiteral("watch"),
                   QStringLiteral("LOG EXPR... [--rev REV]"),
                   QStringLiteral("Evaluates JavaScript expressions over `event` and `state` at a "
                                  "revision, and says which changed since the revision before "
                                  "it, e.g. 'state.streams[\"order-31\"]?.status'."));
    cl.addOption({QStringLiteral("rev")},
                 QStringLiteral("The revision (default: main)."),
                 QStringLiteral("REV"),
                 QStringLiteral("main"));
    addReplayOptions(cl);
    if (!cl.parse(arguments))
        return 0;
    const QStringList args = cl.positional(2);
    EventLog log(toStd(args[0]), EventLog::OpenMode::Existing);
    ReplaySetup setup = replayFor(log, cl, toStd(cl.value(QStringLiteral("rev"))));
    const int64_t seq = setup.position;
    ExpressionEngine engine;
    WatchList watches(engine);
    for (qsizetype i = 1; i < args.size(); ++i)
        watches.add(toStd(args[i]));
    auto updateAt = [&](int64_t position) {
        setup.replayer->seek(position);
        const std::optional<Event> event
                = position > 0 ? setup.history->at(position) : std::nullopt;
        watches.update(event ? &*event : nullptr, setup.replayer->state());
    };
    std::vector<WatchList::Watch> previous;
    if (seq > 0) {
        updateAt(seq - 1);
        previous = watches.watches();
    }
    updateAt(seq);

    bool failed = false;
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    std::string text;
    for (size_t i = 0; i < watches.watches().size(); ++i) {
        const WatchList::Watch &w = watches.watches()[i];
        const bool changed = seq > 0 && w.changed;
        failed = failed || !w.error.empty();
        nlohmann::ordered_json entry = {{"expression", w.expression}};
        // JSON has no undefined: a value that is not there is null with "undefined": true.
        const auto put = [&entry](const char *key, const nlohmann::json &value) {
            entry[key] = value.is_discarded() ? nlohmann::json() : value;
            if (value.is_discarded())
                entry[std::string(key) + "_undefined"] = true;
        };
        if (w.value)
            put("value", *w.value);
        else
            entry["error"] = w.error;
        entry["changed"] = changed;
        if (changed && previous[i].value)
            put("previous", *previous[i].value);
        list.push_back(entry);
        text += w.expression + " = "
                + (w.value ? ExpressionEngine::display(*w.value) : "error: " + w.error);
        if (changed)
            text += "   (changed at event " + std::to_string(seq) + "; was "
                    + (previous[i].value ? ExpressionEngine::display(*previous[i].value)
                                         : std::string("an error"))
                    + ")";
        text += "\n";
    }
    if (cl.json())
        printJson(list);
    else
        printOut(text);
    return failed ? 1 : 0;
}

} // namespace Chronoscope::Cli
