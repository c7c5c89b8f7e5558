#include "base/error.h"
#include "base/outputfile.h"
#include "commandline.h"
#include "commands.h"
#include "debug/eventchain.h"
#include "log/eventlog.h"
#include "log/modelstore.h"
#include "modelloader.h"
#include "output.h"
#include "replay/jsmodel.h"

namespace Chronoscope::Cli {

namespace {

// The chain with what the model declares: --model FILE.js's, else the log's model's.
EventChain chainOf(EventLog &log, const std::optional<std::string> &file)
{
    std::unique_ptr<JsModel> model;
    if (file)
        model = std::make_unique<JsModel>(readModelSource(*file), *file);
    else if (const auto stored = ModelStore::current(log))
        model = std::make_unique<JsModel>(stored->source, stored->name);
    if (!model)
        return EventChain::of(log, nullptr);
    return EventChain::of(log, model->services(), model->handlerTypes());
}

} // namespace

int runGraph(const QStringList &arguments)
{
    CommandLine cl(QStringLiteral("graph"),
                   QStringLiteral("LOG [--format dot|json] [--model FILE.js] [-o FILE]"),
                   QStringLiteral("The event chain: services and event types as nodes; \"emits\" "
                                  "edges (service -> type) and \"listens\" edges (type -> "
                                  "service), declared by the model's `services` and seen in the "
                                  "log (an event's source emits its type; a service listens to "
                                  "the type of an event that caused one of its events); types a "
                                  "handler of the model reacts to are doubled. Edges "
                                  "count the events seen; declared-but-never-seen edges are "
                                  "dashed, seen-but-undeclared ones red. Render the DOT with "
                                  "Graphviz: chronoscope-cli graph LOG | dot -Tpng -o chain.png"));
    cl.addOption({QStringLiteral("format")},
                 QStringLiteral("dot (Graphviz, the default) or json."),
                 QStringLiteral("FORMAT"));
    cl.addOption({QStringLiteral("model")},
                 QStringLiteral("Take the declarations from this model instead of the log's."),
                 QStringLiteral("FILE.js"));
    cl.addOption({QStringLiteral("o"), QStringLiteral("output")},
                 QStringLiteral("Write to FILE instead of stdout."),
                 QStringLiteral("FILE"));
    if (!cl.parse(arguments))
        return 0;
    const QStringList args = cl.positional(1, 1);
    const std::string format
            = cl.json() ? "json" : cl.optionalValue(QStringLiteral("format")).value_or("dot");
    if (format != "dot" && format != "json")
        throw Error::input("graph: --format is dot or json, not \"" + format + "\"");
    EventLog log(toStd(args[0]), EventLog::OpenMode::Existing);
    const EventChain chain = chainOf(log, cl.optionalValue(QStringLiteral("model")));
    const std::string text = format == "json" ? chain.toJson().dump(2) + "\n" : chain.toDot();
    if (const auto output = cl.optionalValue(QStringLiteral("output"))) {
        OutputFile::write(*output, text, {log.path()});
        return 0;
    }
    printOut(text.substr(0, text.size() - 1));
    return 0;
}

} // namespace Chronoscope::Cli
