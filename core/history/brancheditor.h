#pragma once

#include "log/branch.h"

#include <memory>
#include <optional>
#include <string>

namespace Chronoscope {

class ReprocessingCache;

class EventLog;
class History;

/// One edit of a branch as an undoable command: redo() applies it, undo() takes it back, and
/// the branch's history is as it was. The GUI wraps these in QUndoCommands; the CLI applies
/// them once.
class BranchEditCommand
{
public:
    BranchEditCommand(std::string branch, BranchEdit edit);

    void redo(EventLog &log);
    void undo(EventLog &log);
    std::string text() const;
    const BranchEdit &edit() const { return m_edit; }
    const std::string &branch() const { return m_branch; }

private:
    std::string m_branch;
    BranchEdit m_edit; // its id is kept from the first redo, so redo puts it back in place
};

/// Creating branches and preparing their edits: events are named by a position of the branch's
/// own history or by id, and edits are checked against the branch before they are saved.
class BranchEditor
{
public:
    /// Edits check themselves against the branch as it is, which re-processes a branch whose
    /// model has handlers: with a cache, remembered there.
    explicit BranchEditor(EventLog &log, ReprocessingCache *reprocessing = nullptr);

    /// Forks `parent` after position `at`. Throws Error like BranchStore::create().
    Branch create(const std::string &name,
                  const std::string &parent,
                  int64_t at,
                  bool truncate,
                  const std::optional<std::string> &modelSource);

    /// The edit, checked against the branch: `event` is a position of the branch or an id;
    /// `json` the new event for insert and replace (a canonical record; insert needs type and
    /// stream, replace keeps what it does not give). Throws Error (Input) naming what is wrong.
    BranchEditCommand skip(const std::string &branch, const std::string &event);
    BranchEditCommand
    insert(const std::string &branch, const std::string &after, const std::string &json);
    BranchEditCommand
    replace(const std::string &branch, const std::string &event, const std::string &json);

    /// `base` with the fields `json` gives (a canonical record's members), as an edit takes
    /// them. Throws Error (Input) naming what is wrong with the JSON (line and column, duplicate
    /// keys, an empty id, a field of the wrong type).
    static Event editedEvent(Event base, const std::string &json);

private:
    Event resolve(History &history, const std::string &event);
    BranchEditCommand checked(History &history, BranchEdit edit);

    EventLog &m_log;
    ReprocessingCache *m_reprocessing;
};

} // namespace Chronoscope
