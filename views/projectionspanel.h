#pragma once

#include "debug/readside.h"
#include "replay/state.h"

#include <QWidget>

class QLabel;
class QTableView;
class QTreeView;

namespace Chronoscope {

class JsonTreeModel;
class ProjectionTableModel;

/// The projections panel (the CQRS read side): the projections with their checkpoints and lag,
/// and the selected projection's view at the debugger's position.
class ProjectionsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ProjectionsPanel(QWidget *parent = nullptr);

    ProjectionTableModel *model() const { return m_model; }
    JsonTreeModel *viewModel() const { return m_view; }
    QTableView *table() const { return m_table; }

    /// The state at the position and the read side's status there.
    void setState(const State &state, std::vector<ReadSide::Status> statuses);

private:
    void showSelected();
    static QString explanation();

    ProjectionTableModel *m_model;
    JsonTreeModel *m_view;
    QTableView *m_table;
    QTreeView *m_tree;
    QLabel *m_hint;
    State m_state;
};

} // namespace Chronoscope
