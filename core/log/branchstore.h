#pragma once

#include "log/branch.h"

#include <vector>

namespace Chronoscope {

class EventLog;

/// The branches saved in a log and their edits.
class BranchStore
{
public:
    explicit BranchStore(EventLog &log);

    /// Throws Error (Input) for a bad name, (Conflict) for a name in use, (NotFound) for a
    /// parent the log does not have.
    void create(const Branch &branch);
    std::vector<Branch> list();
    /// Throws Error (NotFound).
    Branch get(const std::string &name);
    bool exists(const std::string &name);
    /// Removes a branch and its edits; refuses main and a branch other branches fork from.
    void remove(const std::string &name);

    /// Records that a branch was merged into main, and when.
    void setMerged(const std::string &name, int64_t mergedAt);

    /// Appends an edit; returns it with its id.
    BranchEdit addEdit(const std::string &branch, BranchEdit edit);
    /// Removes an edit (undo); put it back with restoreEdit() (redo), same id, same place.
    void removeEdit(const std::string &branch, int64_t editId);
    void restoreEdit(const std::string &branch, const BranchEdit &edit);

private:
    EventLog &m_log;
};

} // namespace Chronoscope
