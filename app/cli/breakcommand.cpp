#include "base/error.h"
#include "commandline.h"
#include "commands.h"
#include "debug/expressionengine.h"
#include "log/breakpointstore.h"
#include "log/eventlog.h"
#include "output.h"

namespace Chronoscope::Cli {

namespace {

nlohmann::ordered_json toJson(const Breakpoint &b)
{
    return {{"id", b.id},
            {"kind", Breakpoint::kindName(b.kind)},
            {"pattern", b.pattern},
            {"enabled", b.enabled},
            {"hits", b.hits}};
}

std::string describe(const Breakpoint &b)
{
    return std::to_string(b.id) + "  " + Breakpoint::kindName(b.kind) + " " + b.pattern
           + (b.enabled ? "" : "  (disabled)") + "  hits " + std::to_string(b.hits);
}

int64_t idArgument(const QStringList &args)
{
    bool ok = false;
    const qlonglong id = args.size() == 3 ? args[2].toLongLong(&ok) : 0;
    if (!ok)
        throw Error::input("usage: chronoscope-cli break LOG " + toStd(args[1]) + " ID");
    return id;
}

} // namespace

int runBreak(const QStringList &arguments)
{
    CommandLine cl(
            QStringLiteral("break"),
            QStringLiteral("LOG add (--type T | --stream S | --source S | --condition JS "
                           "| --change JS) | list | enable ID | disable ID | delete ID"),
            QStringLiteral("Manages the breakpoints saved in the log; `run` runs to them. "
                           "Type, stream and source breakpoints take globs and stop at "
                           "every event they match. A condition (JavaScript over `event` "
                           "and `state`) stops after every event where it holds; a change "
                           "breakpoint stops at every event that changes the value of its "
                           "expression, e.g. --change 'state.streams[\"order-31\"]?.status'."));
    cl.addOption({QStringLiteral("type")},
                 QStringLiteral("Stop at events of this type."),
                 QStringLiteral("T"));
    cl.addOption({QStringLiteral("stream")},
                 QStringLiteral("Stop at events of this stream."),
                 QStringLiteral("S"));
    cl.addOption({QStringLiteral("source")},
                 QStringLiteral("Stop at events from this service."),
                 QStringLiteral("SRC"));
    cl.addOption({QStringLiteral("condition")},
                 QStringLiteral("Stop after every event where this expression holds."),
                 QStringLiteral("JS"));
    cl.addOption({QStringLiteral("change")},
                 QStringLiteral("Stop at every event that changes this expression's value."),
                 QStringLiteral("JS"));
    if (!cl.parse(arguments))
        return 0;
    const QStringList args = cl.positional(2, 3);
    EventLog log(toStd(args[0]), EventLog::OpenMode::Existing);
    BreakpointStore store(log);
    const QString action = args[1];

    if (action == QLatin1String("add")) {
        std::vector<std::pair<Breakpoint::Kind, std::string>> given;
        for (const auto kind : {Breakpoint::Kind::Type,
                                Breakpoint::Kind::Stream,
                                Breakpoint::Kind::Source,
                                Breakpoint::Kind::Condition,
                                Breakpoint::Kind::Change}) {
            if (const auto value
                = cl.optionalValue(QString::fromLatin1(Breakpoint::kindName(kind))))
                given.emplace_back(kind, *value);
        }
        if (given.size() != 1)
            throw Error::input("add: give exactly one of --type, --stream, --source, "
                               "--condition, --change");
        const auto [kind, pattern] = given.front();
        if (kind == Breakpoint::Kind::Condition || kind == Breakpoint::Kind::Change) {
            ExpressionEngine engine;
            engine.compile(pattern); // a syntax error is refused before anything is saved
        }
        const Breakpoint b = store.add(kind, pattern);
        if (cl.json())
            printJson(toJson(b));
        else
            printOut("breakpoint " + describe(b));
        return 0;
    }
    if (action == QLatin1String("list") && args.size() == 2) {
        const auto list = store.list();
        if (cl.json()) {
            nlohmann::ordered_json out = nlohmann::ordered_json::array();
            for (const Breakpoint &b : list)
                out.push_back(toJson(b));
            printJson(out);
        } else {
            std::string text;
            for (const Breakpoint &b : list)
                text += describe(b) + "\n";
            printOut(text.empty() ? std::string("no breakpoints") : text);
        }
        return 0;
    }
    if (action == QLatin1String("enable") || action == QLatin1String("disable")) {
        store.setEnabled(idArgument(args), action == QLatin1String("enable"));
        return 0;
    }
    if (action == QLatin1String("delete")) {
        store.remove(idArgument(args));
        return 0;
    }
    throw Error::input("unknown action \"" + toStd(action)
                       + "\" (add, list, enable, disable, delete)");
}

} // namespace Chronoscope::Cli
