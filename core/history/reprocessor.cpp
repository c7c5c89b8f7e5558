#include "history/reprocessor.h"

#include "log/eventlog.h"
#include "log/history.h"
#include "replay/jsmodel.h"

#include <QUuid>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>
#include <unordered_set>

namespace Chronoscope {

namespace {

// The gateway recordings an event carries in its metadata.
void appendRecordings(const Event &event, nlohmann::json &recordings)
{
    const auto metadata = nlohmann::json::parse(event.metadata, nullptr, false);
    if (!metadata.is_object() || !metadata.contains("gateway") || !metadata["gateway"].is_array())
        return;
    for (const auto &recording : metadata["gateway"])
        recordings.push_back(recording);
}

bool sameData(const std::string &a, const std::string &b)
{
    return a == b
           || nlohmann::json::parse(a, nullptr, false) == nlohmann::json::parse(b, nullptr, false);
}

} // namespace

Reprocessor::Reprocessor(EventLog &log, JsModel &model)
    : m_log(log)
    , m_model(model)
{}

std::vector<BranchEdit> Reprocessor::edits(History &history, int64_t from)
{
    std::vector<BranchEdit> edits;
    if (!m_model.hasHandlers())
        return edits;
    // Sources after the fork, as they come; sources the branch shares with its parent whose
    // effects come after the fork, after them (an effect names its source by causation_id).
    std::unordered_set<std::string> seen;
    std::set<int64_t> sharedSources;
    history.forEach(from + 1, history.length(), EventFilter::Columns::All, [&](const Event &event) {
        if (from > 0) {
            if (event.causationId && !seen.count(*event.causationId)) {
                const auto source = history.positionOf(*event.causationId);
                if (source && *source <= from)
                    sharedSources.insert(*source);
            }
            seen.insert(event.id);
        }
        if (m_model.handles(event.type))
            reprocess(history, event, from, edits);
        return true;
    });
    for (const int64_t position : sharedSources) {
        const auto source = history.at(position);
        if (source && m_model.handles(source->type))
            reprocess(history, *source, from, edits);
    }
    return edits;
}

void Reprocessor::reprocess(History &history,
                            const Event &source,
                            int64_t from,
                            std::vector<BranchEdit> &edits)
{
    // What the source caused when it was recorded, as this history has it now. Effects at or
    // before the fork are shared with the parent: matched, never edited.
    struct Effect
    {
        Event event;
        bool shared = false;
        bool matched = false;
    };
    std::vector<Effect> effects;
    nlohmann::json recordings = nlohmann::json::array();
    appendRecordings(source, recordings);
    std::string anchor = source.id; // inserted events go after the source's effects
    bool anchorShared = source.seq <= from;
    for (const Event &recorded : m_log.effectsOf(source.id)) {
        const auto position = history.positionOf(recorded.id);
        if (!position || *position <= source.seq)
            continue;
        effects.push_back({*history.at(*position), *position <= from});
        appendRecordings(effects.back().event, recordings);
        anchor = recorded.id;
        anchorShared = *position < from;
    }
    StepTrace trace;
    const std::vector<Event> emitted = m_model.handle(source, recordings, &trace);

    for (size_t n = 0; n < emitted.size(); ++n) {
        const Event &event = emitted[n];
        const auto match = std::find_if(effects.begin(), effects.end(), [&event](const Effect &e) {
            return !e.matched && e.event.type == event.type;
        });
        if (match != effects.end()) {
            match->matched = true;
            const Event &recorded = match->event;
            if (match->shared
                || (recorded.stream == event.stream && sameData(recorded.data, event.data)))
                continue;
            Event replacement = recorded;
            replacement.stream = event.stream;
            replacement.data = event.data;
            replacement.schemaVersion = event.schemaVersion;
            edits.push_back({0, BranchEdit::Kind::Replace, recorded.id, std::move(replacement)});
            continue;
        }
        if (anchorShared)
            continue; // it would come before the fork, which the branch shares
        Event inserted = event;
        const QByteArray seed = QByteArray::fromStdString("handler\n" + source.id + "\n"
                                                          + std::to_string(n) + "\n" + event.type);
        inserted.id
                = QUuid::createUuidV5(QUuid(), seed).toString(QUuid::WithoutBraces).toStdString();
        nlohmann::json calls = nlohmann::json::array();
        for (const StepTrace::GatewayCall &call : trace.gatewayCalls)
            calls.push_back(
                    {{"name", call.name}, {"request", call.request}, {"response", call.response}});
        inserted.metadata = nlohmann::json{{"gateway", calls}}.dump();
        edits.push_back({0, BranchEdit::Kind::Insert, anchor, inserted});
        anchor = inserted.id;
    }
    // Recorded effects the new code no longer emits.
    std::vector<std::string> emittable = m_model.declaredEffectsOf(source.type);
    for (const Event &event : emitted)
        emittable.push_back(event.type);
    for (const Effect &effect : effects) {
        if (!effect.matched && !effect.shared
            && std::find(emittable.begin(), emittable.end(), effect.event.type) != emittable.end())
            edits.push_back({0, BranchEdit::Kind::Skip, effect.event.id, std::nullopt});
    }
}

} // namespace Chronoscope
