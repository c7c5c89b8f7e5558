#pragma once

#include "history/brancheditor.h"

#include <QUndoCommand>

#include <functional>

namespace Chronoscope {

class EventLog;

/// A branch edit on the window's undo stack (Edit › Undo, Ctrl+Z): the core's command, applied
/// to the log, with a callback saying which branch changed or what went wrong.
class BranchUndoCommand : public QUndoCommand
{
public:
    using Changed = std::function<void(const QString &branch, const QString &error)>;

    BranchUndoCommand(EventLog &log, BranchEditCommand command, Changed changed);

    void redo() override;
    void undo() override;

private:
    void run(bool forward);

    EventLog &m_log;
    BranchEditCommand m_command;
    Changed m_changed;
};

} // namespace Chronoscope
