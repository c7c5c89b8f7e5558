#include "base/error.h"
#include "commandline.h"
#include "commands.h"
#include "history/brancheditor.h"
#include "history/branchhistory.h"
#include "history/revision.h"
#include "log/branchstore.h"
#include "log/eventlog.h"
#include "modelloader.h"
#include "output.h"

namespace Chronoscope::Cli {

namespace {

const char *const kUsage
        = "LOG create NAME --at REV [--model FILE.js] [--truncate] | list | delete NAME "
          "| skip NAME EVENT | insert NAME --after EVENT --event JSON "
          "| replace NAME EVENT --event JSON | undo NAME";

// How many edits re-processing with the branch's model's handlers derived.
size_t regeneratedEdits(History &history)
{
    return history.regeneratedEdits().size();
}

nlohmann::ordered_json toJson(EventLog &log, const Branch &b)
{
    nlohmann::ordered_json edits = nlohmann::ordered_json::array();
    for (const BranchEdit &e : b.edits)
        edits.push_back(
                {{"id", e.id}, {"kind", BranchEdit::kindName(e.kind)}, {"target", e.target}});
    auto history = BranchHistory::open(log, b.name);
    return {{"name", b.name},
            {"regenerated", regeneratedEdits(*history)},
            {"parent", b.parent},
            {"fork_position", b.forkPosition},
            {"truncate", b.truncate},
            {"model", b.modelHash ? nlohmann::ordered_json(b.modelHash->substr(0, 12)) : nullptr},
            {"events", history->length()},
            {"edits", edits}};
}

QString required(const QStringList &args, int index, const char *what)
{
    if (args.size() <= index)
        throw Error::input(std::string("branch: ") + what
                           + " is missing (usage: chronoscope-cli branch " + kUsage + ")");
    return args[index];
}

void report(const CommandLine &cl, const BranchEditCommand &command)
{
    if (cl.json())
        printJson({{"branch", command.branch()},
                   {"edit", command.edit().id},
                   {"kind", BranchEdit::kindName(command.edit().kind)},
                   {"target", command.edit().target}});
    else
        printOut("branch " + command.branch() + ": edit " + std::to_string(command.edit().id) + ", "
                 + command.text());
}

} // namespace

int runBranch(const QStringList &arguments)
{
    CommandLine cl(QStringLiteral("branch"),
                   QString::fromLatin1(kUsage),
                   QStringLiteral("Parallel histories. A branch forks main or another branch at a "
                                  "revision and keeps the parent's later events (unless "
                                  "--truncate), with its own ordered edits: skip an event, insert "
                                  "one after another, replace one. EVENT is a position of the "
                                  "branch (as `events --rev NAME` lists them) or an event id. "
                                  "Recorded events are never touched. Branch revisions are "
                                  "NAME@POSITION, NAME@TIME and NAME."));
    cl.addOption({QStringLiteral("at")},
                 QStringLiteral("create: the revision to fork at."),
                 QStringLiteral("REV"));
    cl.addOption({QStringLiteral("model")},
                 QStringLiteral("create: replay the branch with this model."),
                 QStringLiteral("FILE.js"));
    cl.addOption({QStringLiteral("truncate")},
                 QStringLiteral("create: end the branch at the fork point."));
    cl.addOption({QStringLiteral("after")},
                 QStringLiteral("insert: the event to insert after."),
                 QStringLiteral("EVENT"));
    cl.addOption({QStringLiteral("event")},
                 QStringLiteral("insert, replace: the new event as a canonical JSON record."),
                 QStringLiteral("JSON"));
    if (!cl.parse(arguments))
        return 0;
    const QStringList args = cl.positional(2, 4);
    EventLog log(toStd(args[0]), EventLog::OpenMode::Existing);
    const QString action = args[1];
    BranchEditor editor(log);

    if (action == QLatin1String("create")) {
        const std::string name = toStd(required(args, 2, "the branch name"));
        const auto at = cl.optionalValue(QStringLiteral("at"));
        if (!at)
            throw Error::input("branch create: --at REV is required (e.g. --at main@349)");
        const Revision revision = Revision::parse(*at);
        auto parent = BranchHistory::open(log, revision.branch);
        const int64_t position = resolveRevision(*parent, revision);
        const auto modelFile = cl.optionalValue(QStringLiteral("model"));
        const Branch b = editor.create(
                name,
                revision.branch,
                position,
                cl.isSet(QStringLiteral("truncate")),
                modelFile ? std::optional<std::string>(readModelSource(*modelFile)) : std::nullopt);
        if (cl.json())
            printJson(toJson(log, b));
        else
            printOut("branch " + name + " forks " + revision.branch + " at "
                     + std::to_string(position) + (b.truncate ? " (truncated)" : "")
                     + (b.modelHash ? " with its own model" : ""));
        return 0;
    }
    if (action == QLatin1String("list") && args.size() == 2) {
        BranchStore store(log);
        const auto branches = store.list();
        if (cl.json()) {
            nlohmann::ordered_json out = nlohmann::ordered_json::array();
            out.push_back({{"name", "main"}, {"events", log.eventCount()}});
            for (const Branch &b : branches)
                out.push_back(toJson(log, b));
            printJson(out);
            return 0;
        }
        std::string text = "main  " + std::to_string(log.eventCount()) + " events (recorded)\n";
        for (const Branch &b : branches) {
            auto history = BranchHistory::open(log, b.name);
            text += b.name + "  forks " + b.parent + "@" + std::to_string(b.forkPosition)
                    + (b.truncate ? " (truncated)" : "") + ", " + std::to_string(history->length())
                    + " events, " + std::to_string(b.edits.size()) + " edits, model "
                    + (b.modelHash ? b.modelHash->substr(0, 12) : std::string("of the log"));
            if (const size_t regenerated = regeneratedEdits(*history))
                text += ", re-processed: " + std::to_string(regenerated) + " events changed";
            text += "\n";
        }
        printOut(text);
        return 0;
    }
    if (action == QLatin1String("delete")) {
        BranchStore(log).remove(toStd(required(args, 2, "the branch name")));
        return 0;
    }
    if (action == QLatin1String("skip")) {
        BranchEditCommand command = editor.skip(toStd(required(args, 2, "the branch name")),
                                                toStd(required(args, 3, "the event")));
        command.redo(log);
        report(cl, command);
        return 0;
    }
    if (action == QLatin1String("insert") || action == QLatin1String("replace")) {
        const auto json = cl.optionalValue(QStringLiteral("event"));
        if (!json)
            throw Error::input("branch " + toStd(action) + ": --event JSON is required");
        const std::string name = toStd(required(args, 2, "the branch name"));
        BranchEditCommand command = [&] {
            if (action == QLatin1String("replace"))
                return editor.replace(name, toStd(required(args, 3, "the event")), *json);
            const auto after = cl.optionalValue(QStringLiteral("after"));
            if (!after)
                throw Error::input("branch insert: --after EVENT is required");
            return editor.insert(name, *after, *json);
        }();
        command.redo(log);
        report(cl, command);
        return 0;
    }
    if (action == QLatin1String("undo")) {
        const std::string name = toStd(required(args, 2, "the branch name"));
        const Branch b = BranchStore(log).get(name);
        if (b.edits.empty())
            throw Error::notFound("branch " + name + " has no edit to undo");
        BranchEditCommand command(name, b.edits.back());
        command.undo(log);
        printOut("branch " + name + ": undid edit " + std::to_string(b.edits.back().id) + ", "
                 + command.text());
        return 0;
    }
    throw Error::input("unknown action \"" + toStd(action) + "\" (usage: chronoscope-cli branch "
                       + kUsage + ")");
}

} // namespace Chronoscope::Cli
