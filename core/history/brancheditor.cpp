#include "history/brancheditor.h"
#include "base/contenthash.h"

#include "base/error.h"
#include "base/eventcheck.h"
#include "base/jsonproblem.h"
#include "base/timestamp.h"
#include "history/branchhistory.h"
#include "io/mappedevent.h"
#include "log/branchstore.h"
#include "log/eventlog.h"
#include "replay/jsmodel.h"

#include <QCryptographicHash>
#include <QUuid>

#include <nlohmann/json.hpp>

#include <charconv>

namespace Chronoscope {

namespace {

nlohmann::json parseEventJson(const std::string &json)
{
    if (const auto problem = JsonProblem::of(json))
        throw Error::input("--event: " + problem->where());
    simdjson::dom::parser parser;
    simdjson::dom::element root;
    simdjson::dom::object object;
    if (parser.parse(json).get(root) != simdjson::SUCCESS || root.get_object().get(object))
        throw Error::input("--event takes a JSON object (a canonical event record), not: " + json);
    try {
        Mapping::refuseDuplicateKeys(object);
    } catch (const MappingError &e) {
        throw Error::input(std::string("--event: ") + e.what());
    }
    const auto j = nlohmann::json::parse(json);
    if (j.contains("id") && (!j["id"].is_string() || j["id"].get<std::string>().empty()))
        throw Error::input("--event: \"id\" must be a non-empty string (leave it out to have one "
                           "generated)");
    return j;
}

// The fields a user gave override the base event's.
Event merged(Event base, const nlohmann::json &j)
{
    auto text = [&j](const char *key) -> std::optional<std::string> {
        if (j.contains(key) && j[key].is_string())
            return j[key].get<std::string>();
        return std::nullopt;
    };
    if (auto v = text("id"))
        base.id = *v;
    if (auto v = text("stream"))
        base.stream = *v;
    if (auto v = text("type"))
        base.type = *v;
    if (j.contains("source"))
        base.source = text("source");
    if (j.contains("schema_version") && j["schema_version"].is_number_integer())
        base.schemaVersion = j["schema_version"].get<int>();
    if (auto v = text("recorded_at")) {
        const auto t = Timestamp::parse(*v);
        if (!t)
            throw Error::input("--event: recorded_at \"" + *v + "\" is not an RFC 3339 time");
        base.recordedAt = *t;
    }
    if (auto v = text("processed_at"))
        base.processedAt = Timestamp::parse(*v);
    if (j.contains("causation_id"))
        base.causationId = text("causation_id");
    if (j.contains("correlation_id"))
        base.correlationId = text("correlation_id");
    if (j.contains("data"))
        base.data = j["data"].dump();
    if (j.contains("metadata")) {
        if (!j["metadata"].is_object())
            throw Error::input("--event: metadata must be an object");
        base.metadata = j["metadata"].dump();
    }
    base.result.reset();
    return base;
}

} // namespace

Event BranchEditor::editedEvent(Event base, const std::string &json)
{
    return merged(std::move(base), parseEventJson(json));
}

BranchEditCommand::BranchEditCommand(std::string branch, BranchEdit edit)
    : m_branch(std::move(branch))
    , m_edit(std::move(edit))
{}

void BranchEditCommand::redo(EventLog &log)
{
    m_edit = BranchStore(log).addEdit(m_branch, m_edit);
}

void BranchEditCommand::undo(EventLog &log)
{
    BranchStore(log).removeEdit(m_branch, m_edit.id);
}

std::string BranchEditCommand::text() const
{
    switch (m_edit.kind) {
    case BranchEdit::Kind::Skip:
        return "skip " + m_edit.target;
    case BranchEdit::Kind::Insert:
        return "insert " + (m_edit.event ? m_edit.event->type : std::string()) + " after "
               + m_edit.target;
    case BranchEdit::Kind::Replace:
        return "replace " + m_edit.target + " with "
               + (m_edit.event ? m_edit.event->type : std::string());
    }
    return {};
}

BranchEditor::BranchEditor(EventLog &log, ReprocessingCache *reprocessing)
    : m_log(log)
    , m_reprocessing(reprocessing)
{}

Branch BranchEditor::create(const std::string &name,
                            const std::string &parent,
                            int64_t at,
                            bool truncate,
                            const std::optional<std::string> &modelSource)
{
    const auto history = BranchHistory::open(m_log, parent, m_reprocessing);
    if (at < 0 || at > history->length())
        throw Error::notFound("cannot fork " + parent + " at " + std::to_string(at) + ": it has "
                              + std::to_string(history->length()) + " events");
    Branch branch;
    branch.name = name;
    branch.parent = parent;
    branch.forkPosition = at;
    branch.truncate = truncate;
    if (modelSource) {
        JsModel check(*modelSource, name + " model"); // refuse a broken model before saving
        branch.modelSource = modelSource;
        branch.modelHash = contentHash(*modelSource);
    }
    BranchStore(m_log).create(branch);
    return branch;
}

Event BranchEditor::resolve(History &history, const std::string &event)
{
    int64_t position = 0;
    const auto [end, ec] = std::from_chars(event.data(), event.data() + event.size(), position);
    if (ec == std::errc() && end == event.data() + event.size()) {
        auto found = history.at(position);
        if (!found)
            throw Error::notFound("branch \"" + history.name() + "\" has no event at "
                                  + std::to_string(position) + " (it has "
                                  + std::to_string(history.length()) + ")");
        return *found;
    }
    const auto at = history.positionOf(event);
    if (!at)
        throw Error::notFound("branch \"" + history.name() + "\" has no event with id " + event);
    return *history.at(*at);
}

BranchEditCommand BranchEditor::checked(History &history, BranchEdit edit)
{
    history.check(edit);
    return BranchEditCommand(history.name(), std::move(edit));
}

BranchEditCommand BranchEditor::skip(const std::string &branch, const std::string &event)
{
    auto history = BranchHistory::open(m_log, branch, m_reprocessing);
    BranchEdit edit;
    edit.kind = BranchEdit::Kind::Skip;
    edit.target = resolve(*history, event).id;
    return checked(*history, std::move(edit));
}

BranchEditCommand
BranchEditor::insert(const std::string &branch, const std::string &after, const std::string &json)
{
    auto history = BranchHistory::open(m_log, branch, m_reprocessing);
    const Event anchor = resolve(*history, after);
    const nlohmann::json j = parseEventJson(json);
    if (!j.contains("type") || !j["type"].is_string() || !j.contains("stream")
        || !j["stream"].is_string())
        throw Error::input("an inserted event needs \"type\" and \"stream\"");
    Event base;
    base.recordedAt = anchor.recordedAt; // where it is inserted, unless it says otherwise
    base.data = "null";
    base.metadata = "{}";
    base.causationId = anchor.id;
    Event inserted = merged(base, j);
    if (inserted.id.empty()) {
        // The same inserted event gets the same id in every replay.
        const QByteArray seed = QByteArray::fromStdString(branch + "\n" + anchor.id + "\n" + json);
        inserted.id
                = QUuid::createUuidV5(QUuid(), seed).toString(QUuid::WithoutBraces).toStdString();
    }
    EventCheck::require(inserted, "--event");
    if (history->positionOf(inserted.id))
        throw Error::conflict("branch \"" + branch + "\" has an event with id " + inserted.id
                              + " already");
    BranchEdit edit;
    edit.kind = BranchEdit::Kind::Insert;
    edit.target = anchor.id;
    edit.event = std::move(inserted);
    return checked(*history, std::move(edit));
}

BranchEditCommand
BranchEditor::replace(const std::string &branch, const std::string &event, const std::string &json)
{
    auto history = BranchHistory::open(m_log, branch, m_reprocessing);
    const Event original = resolve(*history, event);
    Event replacement = editedEvent(original, json);
    replacement.id = original.id; // the same place in the history
    EventCheck::require(replacement, "--event");
    BranchEdit edit;
    edit.kind = BranchEdit::Kind::Replace;
    edit.target = original.id;
    edit.event = std::move(replacement);
    return checked(*history, std::move(edit));
}

} // namespace Chronoscope
