#include "session/comparison.h"

#include "history/revision.h"
#include "log/eventlog.h"
#include "replay/model.h"
#include "replay/replayer.h"
#include "session/replaysetup.h"

namespace Chronoscope {

namespace {

// One side, replayed to its revision; the log and the history stay open for the alignment.
struct Replayed
{
    std::unique_ptr<EventLog> log;
    std::unique_ptr<History> history;
    int64_t position = 0;
    State state;
};

Replayed replay(const Comparison::Side &side)
{
    Replayed r;
    r.log = std::make_unique<EventLog>(side.logPath, EventLog::OpenMode::Existing);
    ReplaySetup::Options options;
    options.reprocessing = side.reprocessing.get();
    ReplaySetup setup(*r.log, side.revision, std::move(options));
    setup.replayer->seek(setup.position);
    r.position = setup.position;
    r.state = setup.replayer->state();
    setup.replayer.reset(); // the history stays for the alignment
    r.history = std::move(setup.history);
    return r;
}

std::string branchOf(const std::string &revision)
{
    return Revision::parse(revision).branch;
}

std::string listed(const char *title,
                   const std::vector<HistoryDiff::EventRef> &list,
                   size_t limit,
                   const std::string &whereAll)
{
    std::string text = std::string(title) + ": " + std::to_string(list.size()) + "\n";
    size_t shown = 0;
    for (const auto &r : list) {
        if (++shown > limit) {
            text += "    … (" + std::to_string(list.size() - limit) + " more"
                    + (whereAll.empty() ? std::string() : "; " + whereAll) + ")\n";
            break;
        }
        text += "    " + (r.positionA ? "A@" + std::to_string(r.positionA) : std::string("-")) + " "
                + (r.positionB ? "B@" + std::to_string(r.positionB) : std::string("-")) + "  "
                + r.type + "  " + r.id + "\n";
    }
    return text;
}

} // namespace

Comparison Comparison::run(const Side &a, const Side &b)
{
    Comparison c;
    c.a = a;
    c.b = b;
    Replayed left = replay(a);
    Replayed right = replay(b);
    c.positionA = left.position;
    c.positionB = right.position;
    c.stateA = left.state;
    c.stateB = right.state;
    c.operations = HistoryDiff::states(c.stateA, c.stateB);
    c.events = HistoryDiff::events(*left.history, left.position, *right.history, right.position);
    return c;
}

std::string Comparison::nameA() const
{
    return branchOf(a.revision) + "@" + std::to_string(positionA);
}

std::string Comparison::nameB() const
{
    return branchOf(b.revision) + "@" + std::to_string(positionB);
}

std::string Comparison::readable(const nlohmann::json &operations, const State &a)
{
    std::string text;
    for (const auto &op : operations) {
        const std::string path = op.value("path", "");
        const std::string kind = op.value("op", "");
        const auto before = kind == "add" ? std::nullopt : a.at(path);
        text += "  " + path + ": " + (before ? before->dump() : std::string("(none)")) + " -> "
                + (kind == "remove" ? std::string("(removed)") : op["value"].dump()) + "\n";
    }
    return text.empty() ? std::string("  (no difference)\n") : text;
}

std::string Comparison::report() const
{
    std::string text = "A: " + nameA() + " of " + a.logPath + "\nB: " + nameB() + " of " + b.logPath
                       + "\n\nstate: " + std::to_string(operations.size()) + " operations\n"
                       + readable(operations, stateA) + "\nevents: A "
                       + std::to_string(events.lengthA) + ", B " + std::to_string(events.lengthB)
                       + "\n";
    return text + readable(events);
}

std::string
Comparison::readable(const HistoryDiff::Events &events, size_t limit, const std::string &whereAll)
{
    std::string text = events.firstDivergence
                               ? "first divergence at position "
                                         + std::to_string(*events.firstDivergence) + "\n"
                               : std::string("the histories are the same\n");
    return text + listed("only in A", events.onlyInA, limit, whereAll)
           + listed("only in B", events.onlyInB, limit, whereAll)
           + listed("changed", events.changed, limit, whereAll);
}

} // namespace Chronoscope
