#include "projectionspanel.h"

#include "jsontreemodel.h"
#include "projectiontablemodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

namespace Chronoscope {

QString ProjectionsPanel::explanation()
{
    return tr("The read side: each projection's view at the debugger's position, its checkpoint, "
              "and the events recorded by then that it had not processed yet (by processed_at).");
}

ProjectionsPanel::ProjectionsPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new ProjectionTableModel(this))
    , m_view(new JsonTreeModel(this))
    , m_table(new QTableView(this))
    , m_tree(new QTreeView(this))
    , m_hint(new QLabel(this))
{
    m_table->setObjectName(QStringLiteral("projectionTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    connect(m_table->selectionModel(),
            &QItemSelectionModel::currentRowChanged,
            this,
            &ProjectionsPanel::showSelected);
    m_tree->setObjectName(QStringLiteral("projectionView"));
    m_tree->setModel(m_view);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->hideColumn(JsonTreeModel::Before);
    m_hint->setWordWrap(true);
    m_hint->setText(explanation());
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_table);
    split->addWidget(m_tree);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_hint);
    layout->addWidget(split, 1);
}

void ProjectionsPanel::setState(const State &state, std::vector<ReadSide::Status> statuses)
{
    m_state = state;
    m_hint->setText(statuses.empty() ? tr("The model has no projections (the generic model, which "
                                          "merges each event into its stream, has none).")
                                     : explanation());
    const bool first = m_model->rowCount() == 0;
    m_model->setStatuses(std::move(statuses));
    if (first)
        m_table->resizeColumnsToContents();
    if (!m_table->currentIndex().isValid() && m_model->rowCount() > 0)
        m_table->selectRow(0);
    else
        showSelected();
}

void ProjectionsPanel::showSelected()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        m_view->clear();
        return;
    }
    const auto &status = m_model->statuses()[static_cast<size_t>(current.row())];
    const auto view = m_state.projection(status.projection);
    m_view->setJson(view ? *view : nlohmann::json::object());
    m_tree->resizeColumnToContents(JsonTreeModel::Key);
}

} // namespace Chronoscope
