#include "log/branchstore.h"

#include "base/eventjson.h"
#include "log/sqlite.h"

#include "base/error.h"
#include "base/timestamp.h"
#include "log/eventlog.h"

#include <nlohmann/json.hpp>

#include <sqlite3.h>

namespace Chronoscope {

namespace {

bool validName(const std::string &name)
{
    if (name.empty() || name.size() > 100 || name == "main")
        return false;
    for (const char c : name)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.')
            return false;
    return true;
}

std::string eventText(const Event &event)
{
    std::string text;
    EventJson::append(text, event);
    return text;
}

Event eventFromText(const std::string &text)
{
    const auto j = nlohmann::json::parse(text);
    Event e;
    e.id = j.value("id", "");
    e.stream = j.value("stream", "");
    e.streamVersion = j.value("stream_version", int64_t(0));
    e.type = j.value("type", "");
    e.schemaVersion = j.value("schema_version", 1);
    if (j.contains("source") && j["source"].is_string())
        e.source = j["source"].get<std::string>();
    if (const auto t = Timestamp::parse(j.value("recorded_at", "")))
        e.recordedAt = *t;
    if (j.contains("processed_at") && j["processed_at"].is_string())
        e.processedAt = Timestamp::parse(j["processed_at"].get<std::string>());
    if (j.contains("causation_id") && j["causation_id"].is_string())
        e.causationId = j["causation_id"].get<std::string>();
    if (j.contains("correlation_id") && j["correlation_id"].is_string())
        e.correlationId = j["correlation_id"].get<std::string>();
    e.data = j.contains("data") ? j["data"].dump() : "null";
    e.metadata = j.contains("metadata") ? j["metadata"].dump() : "{}";
    return e;
}

std::vector<BranchEdit> editsOf(EventLog &log, const std::string &branch)
{
    std::vector<BranchEdit> edits;
    Sql::Statement st(Sql::databaseOf(log),
                      "SELECT id, kind, target, event FROM branch_edits WHERE branch = ? "
                      "ORDER BY id");
    st.bind(1, std::string_view(branch));
    while (st.step()) {
        BranchEdit edit;
        edit.id = st.columnInt(0);
        const std::string kind(st.columnText(1));
        edit.kind = kind == "insert"    ? BranchEdit::Kind::Insert
                    : kind == "replace" ? BranchEdit::Kind::Replace
                                        : BranchEdit::Kind::Skip;
        edit.target = st.columnText(2);
        if (const auto text = st.columnOptionalText(3))
            edit.event = eventFromText(*text);
        edits.push_back(std::move(edit));
    }
    return edits;
}

} // namespace

BranchStore::BranchStore(EventLog &log)
    : m_log(log)
{}

bool BranchStore::exists(const std::string &name)
{
    Sql::Statement st(Sql::databaseOf(m_log), "SELECT 1 FROM branches WHERE name = ?");
    st.bind(1, std::string_view(name));
    return st.step();
}

void BranchStore::create(const Branch &branch)
{
    if (!validName(branch.name))
        throw Error::input("\"" + branch.name
                           + "\" is not a branch name: use letters, digits, '-', '_' and '.' "
                             "(and not \"main\")");
    if (exists(branch.name))
        throw Error::conflict("there is a branch \"" + branch.name + "\" already");
    if (branch.parent != "main" && !exists(branch.parent))
        throw Error::notFound("no branch \"" + branch.parent + "\" to fork from");
    Sql::Statement st(Sql::databaseOf(m_log),
                      "INSERT INTO branches (name, parent, fork_position, truncate, model_source, "
                      "model_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    st.bind(1, std::string_view(branch.name));
    st.bind(2, std::string_view(branch.parent));
    st.bind(3, branch.forkPosition);
    st.bind(4, int64_t(branch.truncate ? 1 : 0));
    st.bindOptional(5, branch.modelSource);
    st.bindOptional(6, branch.modelHash);
    st.bind(7, Timestamp::now());
    st.run();
}

void BranchStore::setMerged(const std::string &name, int64_t mergedAt)
{
    Sql::Statement st(Sql::databaseOf(m_log), "UPDATE branches SET merged_at = ? WHERE name = ?");
    st.bind(1, mergedAt);
    st.bind(2, std::string_view(name));
    st.run();
}

std::vector<Branch> BranchStore::list()
{
    std::vector<Branch> branches;
    Sql::Statement st(Sql::databaseOf(m_log),
                      "SELECT name, parent, fork_position, truncate, model_source, model_hash, "
                      "merged_at FROM branches ORDER BY created_at, name");
    while (st.step()) {
        Branch b;
        b.name = st.columnText(0);
        b.parent = st.columnText(1);
        b.forkPosition = st.columnInt(2);
        b.truncate = st.columnInt(3) != 0;
        b.modelSource = st.columnOptionalText(4);
        b.modelHash = st.columnOptionalText(5);
        if (!st.isNull(6))
            b.mergedAt = st.columnInt(6);
        branches.push_back(std::move(b));
    }
    for (Branch &b : branches)
        b.edits = editsOf(m_log, b.name);
    return branches;
}

Branch BranchStore::get(const std::string &name)
{
    for (Branch &b : list())
        if (b.name == name)
            return std::move(b);
    throw Error::notFound("no branch \"" + name + "\" in " + m_log.path());
}

void BranchStore::remove(const std::string &name)
{
    if (name == "main")
        throw Error::input("main cannot be deleted: it is the recorded history");
    if (!exists(name))
        throw Error::notFound("no branch \"" + name + "\" in " + m_log.path());
    Sql::Statement children(Sql::databaseOf(m_log), "SELECT name FROM branches WHERE parent = ?");
    children.bind(1, std::string_view(name));
    if (children.step())
        throw Error::conflict("branch \"" + std::string(children.columnText(0)) + "\" forks from \""
                              + name + "\": delete it first");
    Sql::Transaction tx(Sql::databaseOf(m_log));
    Sql::Statement edits(Sql::databaseOf(m_log), "DELETE FROM branch_edits WHERE branch = ?");
    edits.bind(1, std::string_view(name));
    edits.run();
    Sql::Statement branch(Sql::databaseOf(m_log), "DELETE FROM branches WHERE name = ?");
    branch.bind(1, std::string_view(name));
    branch.run();
    tx.commit();
}

BranchEdit BranchStore::addEdit(const std::string &branch, BranchEdit edit)
{
    if (!exists(branch))
        throw Error::notFound("no branch \"" + branch + "\" in " + m_log.path());
    Sql::Statement st(Sql::databaseOf(m_log),
                      "INSERT INTO branch_edits (id, branch, kind, target, event, created_at) "
                      "VALUES (?, ?, ?, ?, ?, ?)");
    if (edit.id > 0)
        st.bind(1, edit.id);
    else
        st.bindNull(1);
    st.bind(2, std::string_view(branch));
    st.bind(3, std::string_view(BranchEdit::kindName(edit.kind)));
    st.bind(4, std::string_view(edit.target));
    if (edit.event)
        st.bind(5, std::string_view(eventText(*edit.event)));
    else
        st.bindNull(5);
    st.bind(6, Timestamp::now());
    st.run();
    edit.id = sqlite3_last_insert_rowid(Sql::databaseOf(m_log).handle());
    return edit;
}

void BranchStore::removeEdit(const std::string &branch, int64_t editId)
{
    Sql::Statement st(Sql::databaseOf(m_log),
                      "DELETE FROM branch_edits WHERE branch = ? AND id = ?");
    st.bind(1, std::string_view(branch));
    st.bind(2, editId);
    st.run();
    if (sqlite3_changes(Sql::databaseOf(m_log).handle()) == 0)
        throw Error::notFound("branch \"" + branch + "\" has no edit " + std::to_string(editId));
}

void BranchStore::restoreEdit(const std::string &branch, const BranchEdit &edit)
{
    addEdit(branch, edit);
}

} // namespace Chronoscope
