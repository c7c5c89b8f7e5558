#include "eventchainpanel.h"

#include "eventchainview.h"

#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QToolBar>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Chronoscope {

EventChainPanel::EventChainPanel(QWidget *parent)
    : QWidget(parent)
    , m_view(new EventChainView(this))
    , m_tree(new QTreeWidget(this))
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
    m_tree->setColumnCount(4);
    m_tree->setHeaderLabels({tr("Event"), tr("Type"), tr("Source"), tr("Stream")});
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    connect(m_tree, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem *item) {
        emit eventActivated(item->data(0, Qt::UserRole).toLongLong());
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

void EventChainPanel::setCausationChain(const std::vector<ChainEvent> &chain)
{
    m_tree->clear();
    // Causes come nearest first: the first cause is the last of them, and the tree's root.
    QTreeWidgetItem *parent = nullptr;
    std::vector<QTreeWidgetItem *> levels; // the newest item at each effect depth
    auto add = [this](QTreeWidgetItem *under, const ChainEvent &c) {
        auto *item = under ? new QTreeWidgetItem(under) : new QTreeWidgetItem(m_tree);
        item->setText(0, QString::number(c.event.seq));
        item->setText(1, QString::fromStdString(c.event.type));
        item->setText(2, QString::fromStdString(c.event.source.value_or("")));
        item->setText(3, QString::fromStdString(c.event.stream));
        item->setData(0, Qt::UserRole, static_cast<qlonglong>(c.event.seq));
        item->setToolTip(0,
                         c.depth < 0   ? tr("Cause")
                         : c.depth > 0 ? tr("Effect")
                                       : tr("The selected event"));
        if (c.depth == 0) {
            QFont bold = item->font(0);
            bold.setBold(true);
            for (int column = 0; column < 4; ++column)
                item->setFont(column, bold);
        }
        return item;
    };
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        if (it->depth < 0)
            parent = add(parent, *it);
    }
    for (const ChainEvent &c : chain) {
        if (c.depth < 0)
            continue;
        const size_t depth = static_cast<size_t>(c.depth);
        QTreeWidgetItem *under = depth == 0 ? parent : levels[depth - 1];
        QTreeWidgetItem *item = add(under, c);
        levels.resize(depth + 1);
        levels[depth] = item;
        if (depth == 0)
            m_tree->setCurrentItem(item);
    }
    m_tree->expandAll();
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
