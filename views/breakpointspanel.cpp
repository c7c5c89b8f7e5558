#include "breakpointspanel.h"

#include "breakpointtablemodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace Chronoscope {

BreakpointsPanel::BreakpointsPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new BreakpointTableModel(this))
    , m_view(new QTableView(this))
    , m_kind(new QComboBox(this))
    , m_pattern(new QLineEdit(this))
{
    setObjectName(QStringLiteral("breakpointsPanel"));
    m_view->setObjectName(QStringLiteral("breakpointsView"));
    m_view->setModel(m_model);
    m_view->verticalHeader()->hide();
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->horizontalHeader()->setSectionResizeMode(BreakpointTableModel::Pattern,
                                                     QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(BreakpointTableModel::Enabled,
                                                     QHeaderView::ResizeToContents);
    m_view->installEventFilter(this);
    connect(m_model,
            &BreakpointTableModel::enabledChanged,
            this,
            &BreakpointsPanel::enabledChanged);

    for (const auto kind : {Breakpoint::Kind::Type,
                            Breakpoint::Kind::Stream,
                            Breakpoint::Kind::Source,
                            Breakpoint::Kind::Condition,
                            Breakpoint::Kind::Change})
        m_kind->addItem(BreakpointTableModel::kindLabel(kind), static_cast<int>(kind));
    m_pattern->setObjectName(QStringLiteral("breakpointPattern"));
    m_pattern->setClearButtonEnabled(true);
    auto placeholder = [this] {
        const auto kind = static_cast<Breakpoint::Kind>(m_kind->currentData().toInt());
        switch (kind) {
        case Breakpoint::Kind::Type:
            m_pattern->setPlaceholderText(tr("Payment* — a glob"));
            break;
        case Breakpoint::Kind::Stream:
            m_pattern->setPlaceholderText(tr("order-31 — a glob"));
            break;
        case Breakpoint::Kind::Source:
            m_pattern->setPlaceholderText(tr("payment — a glob"));
            break;
        case Breakpoint::Kind::Condition:
            m_pattern->setPlaceholderText(tr("event.data.amount > 1000 — stops where it holds"));
            break;
        case Breakpoint::Kind::Change:
            m_pattern->setPlaceholderText(
                    tr("state.streams[\"order-31\"]?.status — stops where it changes"));
            break;
        }
    };
    connect(m_kind, &QComboBox::currentIndexChanged, this, placeholder);
    placeholder();
    connect(m_pattern, &QLineEdit::returnPressed, this, &BreakpointsPanel::add);
    auto *addButton = new QPushButton(tr("Add"), this);
    connect(addButton, &QPushButton::clicked, this, &BreakpointsPanel::add);
    auto *removeButton = new QPushButton(tr("Remove"), this);
    connect(removeButton, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_view->currentIndex();
        if (current.isValid())
            emit removeRequested(m_model->index(current.row(), 0).data(Qt::UserRole).toLongLong());
    });

    auto *row = new QHBoxLayout;
    row->addWidget(m_kind, 1);
    row->addWidget(addButton);
    row->addWidget(removeButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(2);
    layout->addLayout(row);
    layout->addWidget(m_pattern);
    layout->addWidget(m_view);
}

void BreakpointsPanel::add()
{
    const QString pattern = m_pattern->text().trimmed();
    if (pattern.isEmpty())
        return;
    emit addRequested(static_cast<Breakpoint::Kind>(m_kind->currentData().toInt()), pattern);
}

bool BreakpointsPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Delete) {
        const QModelIndex current = m_view->currentIndex();
        if (current.isValid())
            emit removeRequested(m_model->index(current.row(), 0).data(Qt::UserRole).toLongLong());
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Chronoscope
