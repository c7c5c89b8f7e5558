#pragma once

#include <QWidget>

class QLabel;
class QTreeView;

namespace Chronoscope {

class BranchTreeModel;

/// The branches panel: the tree of histories (main, forks, forks of forks) and what can be
/// done with them — fork at the debugger's position, skip / insert / replace the selected
/// event of the followed branch, re-process with another model, merge into main, delete,
/// follow another history (double-click).
class BranchPanel : public QWidget
{
    Q_OBJECT

public:
    explicit BranchPanel(QWidget *parent = nullptr);

    BranchTreeModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    /// The branch selected in the tree (empty when none).
    QString selectedBranch() const;
    void setMessage(const QString &text);

signals:
    void forkRequested();
    void reprocessRequested();
    void skipRequested();
    void insertRequested();
    void replaceRequested();
    void mergeRequested(const QString &branch);
    void revertRequested();
    void deleteRequested(const QString &branch);
    void followRequested(const QString &branch);

private:
    BranchTreeModel *m_model;
    QTreeView *m_view;
    QLabel *m_message;
};

} // namespace Chronoscope
