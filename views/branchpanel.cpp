#include "branchpanel.h"

#include "branchtreemodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace Chronoscope {

BranchPanel::BranchPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new BranchTreeModel(this))
    , m_view(new QTreeView(this))
    , m_message(new QLabel(this))
{
    m_view->setObjectName(QStringLiteral("branchView"));
    m_view->setModel(m_model);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    connect(m_model, &QAbstractItemModel::modelReset, m_view, &QTreeView::expandAll);
    connect(m_view, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        emit followRequested(m_model->nameAt(index.siblingAtColumn(0)));
    });

    auto *tools = new QToolBar(this);
    tools->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto add = [tools](const QString &text, const QString &tip, const QString &name) {
        QAction *a = tools->addAction(text);
        a->setToolTip(tip);
        a->setObjectName(name);
        return a;
    };
    connect(add(tr("Fork"),
                tr("Fork the followed history at the debugger's position"),
                QStringLiteral("forkBranch")),
            &QAction::triggered,
            this,
            &BranchPanel::forkRequested);
    connect(add(tr("Skip"),
                tr("Skip the selected event in the followed branch"),
                QStringLiteral("skipEvent")),
            &QAction::triggered,
            this,
            &BranchPanel::skipRequested);
    connect(add(tr("Insert…"),
                tr("Insert an event after the selected one in the followed branch"),
                QStringLiteral("insertEvent")),
            &QAction::triggered,
            this,
            &BranchPanel::insertRequested);
    connect(add(tr("Replace…"),
                tr("Replace the selected event in the followed branch"),
                QStringLiteral("replaceEvent")),
            &QAction::triggered,
            this,
            &BranchPanel::replaceRequested);
    connect(add(tr("Re-process…"),
                tr("Fork at the debugger's position with another model: its handlers show what "
                   "that code would have emitted"),
                QStringLiteral("reprocessBranch")),
            &QAction::triggered,
            this,
            &BranchPanel::reprocessRequested);
    connect(add(tr("Merge…"),
                tr("Merge the selected branch into main, nothing deleted"),
                QStringLiteral("mergeBranch")),
            &QAction::triggered,
            this,
            [this] { emit mergeRequested(selectedBranch()); });
    connect(add(tr("Revert to Here…"),
                tr("Take main back to the debugger's position: every later event reversed, "
                   "nothing deleted"),
                QStringLiteral("revertMain")),
            &QAction::triggered,
            this,
            &BranchPanel::revertRequested);
    connect(add(tr("Delete"), tr("Delete the selected branch"), QStringLiteral("deleteBranch")),
            &QAction::triggered,
            this,
            [this] { emit deleteRequested(selectedBranch()); });
    connect(add(tr("Follow"),
                tr("Debug the selected history, at the same position"),
                QStringLiteral("followBranch")),
            &QAction::triggered,
            this,
            [this] { emit followRequested(selectedBranch()); });

    m_message->setObjectName(QStringLiteral("branchMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(tools);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_message);
}

QString BranchPanel::selectedBranch() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? m_model->nameAt(current.siblingAtColumn(0)) : QString();
}

void BranchPanel::setMessage(const QString &text)
{
    m_message->setText(text);
}

} // namespace Chronoscope
