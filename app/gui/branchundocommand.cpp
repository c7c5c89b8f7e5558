#include "branchundocommand.h"

#include "base/error.h"

namespace Chronoscope {

BranchUndoCommand::BranchUndoCommand(EventLog &log, BranchEditCommand command, Changed changed)
    : m_log(log)
    , m_command(std::move(command))
    , m_changed(std::move(changed))
{
    setText(QString::fromStdString(m_command.branch() + ": " + m_command.text()));
}

void BranchUndoCommand::redo()
{
    run(true);
}

void BranchUndoCommand::undo()
{
    run(false);
}

void BranchUndoCommand::run(bool forward)
{
    const QString branch = QString::fromStdString(m_command.branch());
    try {
        if (forward)
            m_command.redo(m_log);
        else
            m_command.undo(m_log);
        m_changed(branch, {});
    } catch (const Error &e) {
        // The branch changed under the stack (deleted, merged): this step cannot be taken.
        setObsolete(true);
        m_changed(branch, QString::fromUtf8(e.what()));
    }
}

} // namespace Chronoscope
