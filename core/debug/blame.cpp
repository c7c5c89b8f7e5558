#include "debug/blame.h"

#include "log/corrections.h"

#include "base/error.h"
#include "base/jsonpointer.h"
#include "log/eventlog.h"
#include "log/mainhistory.h"
#include "replay/replayer.h"

namespace Chronoscope {

namespace {

// "/streams/order-31/total" → {"streams", "order-31"}.
std::pair<std::string, std::string> sectionAndName(const std::string &pointer)
{
    const auto bad = [&pointer] {
        return Error::input("\"" + pointer
                            + "\" is not a path into a stream or a projection "
                              "(/streams/NAME/… or /projections/NAME/…)");
    };
    if (pointer.size() < 2 || pointer[0] != '/')
        throw bad();
    const size_t second = pointer.find('/', 1);
    if (second == std::string::npos)
        throw bad();
    const std::string section = pointer.substr(1, second - 1);
    const size_t third = pointer.find('/', second + 1);
    const std::string name = JsonPointer::unescape(pointer.substr(
            second + 1, third == std::string::npos ? std::string::npos : third - second - 1));
    if ((section != "streams" && section != "projections") || name.empty())
        throw bad();
    return {section, name};
}

} // namespace

std::vector<Blame::Change> Blame::history(EventLog &log,
                                          Model &model,
                                          const std::string &pointer,
                                          int64_t upTo,
                                          const std::set<int64_t> &ignored)
{
    MainHistory main(log);
    return history(main, model, pointer, upTo, ignored);
}

std::vector<Blame::Change> Blame::history(History &events,
                                          Model &model,
                                          const std::string &pointer,
                                          int64_t upTo,
                                          const std::set<int64_t> &ignored)
{
    // Named copies: lambdas below use them (clang 14 cannot capture structured bindings).
    const auto parts = sectionAndName(pointer);
    const std::string section = parts.first;
    const std::string name = parts.second;
    std::vector<Change> changes;
    std::optional<nlohmann::json> current;

    if (section == "streams") {
        // The stream's state depends on its own events only: on main the log's index reads
        // just them; a branch is walked.
        State state;
        model.stateReplaced();
        const auto apply = [&](const Event &e) {
            if (ignored.count(e.seq) || e.stream != name)
                return true;
            StepTrace trace;
            model.apply(e, state, &trace);
            std::optional<nlohmann::json> value = state.at(pointer);
            if (value != current) {
                changes.push_back({e, current, value, trace.rules, trace.gatewayCalls});
                current = std::move(value);
            }
            return true;
        };
        const Corrections corrections = events.corrections();
        if (corrections.empty()) {
            events.forEachOfStream(name, upTo, apply);
        } else {
            // Merged corrections apply at other places: walk main as its replay does.
            events.forEach(1, upTo, EventFilter::Columns::All, [&](const Event &e) {
                for (const int64_t seq : corrections.at(e.seq)) {
                    Event placed = seq == e.seq ? e : *events.at(seq);
                    placed.seq = e.seq;
                    if (!apply(placed))
                        return false;
                }
                return true;
            });
        }
        model.stateReplaced();
        return changes;
    }

    Replayer replayer(events, model);
    replayer.setIgnored(ignored);
    JsonString lastText;
    replayer.forward(upTo, [&](const Event &e, const State &state) {
        const JsonString text = state.projectionText(name);
        if (text == lastText)
            return true; // the same shared text: nothing in the view changed
        lastText = text;
        std::optional<nlohmann::json> value = state.at(pointer);
        if (value != current) {
            changes.push_back({e, current, value, {}, {}});
            current = std::move(value);
        }
        return true;
    });
    // The rules and gateway calls of a projection's change come from explaining its step.
    for (Change &change : changes) {
        const Replayer::Step step = replayer.explain(change.event.seq);
        change.rules = step.trace.rules;
        change.gatewayCalls = step.trace.gatewayCalls;
    }
    return changes;
}

} // namespace Chronoscope
