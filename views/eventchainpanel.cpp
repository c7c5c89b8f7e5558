#include "eventchainpanel.h"

#include "eventchainview.h"

#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace Chronoscope {

EventChainPanel::EventChainPanel(QWidget *parent)
    : QWidget(parent)
    , m_view(new EventChainView(this))
    , m_chain(new CausationTreeModel(this))
    , m_tree(new QTreeView(this))
    , m_status(new QLabel(this))
{
    auto *tools = new QToolBar(this);
    tools->setIconSize(QSize(16, 16));
    tools->addAction(tr("Fit"), m_view, &EventChainView::fitAll);
    tools->addAction(tr("Zoom In"), this, [this] { m_view->zoomBy(1.25); });
    tools->addAction(tr("Zoom Out"), this, [this] { m_view->zoomBy(0.8); });
    tools->addAction(tr("Reload"), this, &EventChainPanel::reloadRequested);
    tools->addAction(tr("Export…"), this, &EventChainPanel::exportDialog);
    m_status->setObjectName(QStringLiteral("chainStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    tools->addWidget(m_status);

    m_tree->setObjectName(QStringLiteral("causationTree"));
    m_tree->setModel(m_chain);
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tree->setUniformRowHeights(true);
    connect(m_tree, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        emit eventActivated(index.data(CausationTreeModel::SeqRole).toLongLong());
    });

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_view);
    split->addWidget(m_tree);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({600, 400});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(tools);
    layout->addWidget(split);
}

void EventChainPanel::setStatus(const QString &text)
{
    m_status->setText(QStringLiteral("  ") + text);
}

void EventChainPanel::setCausationChain(const std::vector<CausationTreeModel::Link> &chain)
{
    m_chain->setChain(chain);
    m_tree->expandAll();
    const QModelIndex event = m_chain->eventIndex();
    if (event.isValid())
        m_tree->setCurrentIndex(event);
}

void EventChainPanel::exportDialog()
{
    const QString path = QFileDialog::getSaveFileName(this,
                                                      tr("Export Event Chain"),
                                                      QStringLiteral("event-chain.png"),
                                                      tr("PNG image (*.png);;SVG drawing "
                                                         "(*.svg);;Graphviz DOT (*.dot *.gv)"));
    if (!path.isEmpty())
        emit exportRequested(path);
}

} // namespace Chronoscope
