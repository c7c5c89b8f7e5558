#include "watchespanel.h"

#include "watchtablemodel.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QTableView>
#include <QToolTip>
#include <QVBoxLayout>

namespace Chronoscope {

WatchesPanel::WatchesPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new WatchTableModel(this))
    , m_view(new QTableView(this))
    , m_expression(new QLineEdit(this))
{
    setObjectName(QStringLiteral("watchesPanel"));
    m_expression->setObjectName(QStringLiteral("watchExpression"));
    m_expression->setPlaceholderText(tr("Add a watch: state.streams[\"order-31\"]?.total"));
    m_expression->setClearButtonEnabled(true);
    connect(m_expression, &QLineEdit::returnPressed, this, [this] {
        const QString expression = m_expression->text().trimmed();
        if (!expression.isEmpty())
            emit addRequested(expression);
    });
    m_view->setObjectName(QStringLiteral("watchesView"));
    m_view->setModel(m_model);
    m_view->verticalHeader()->hide();
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->horizontalHeader()->setSectionResizeMode(WatchTableModel::Expression,
                                                     QHeaderView::Interactive);
    m_view->horizontalHeader()->resizeSection(WatchTableModel::Expression, 260);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->installEventFilter(this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_expression);
    layout->addWidget(m_view);
}

void WatchesPanel::setError(const QString &message)
{
    m_expression->setToolTip(message);
    QToolTip::showText(
            m_expression->mapToGlobal(QPoint(0, m_expression->height())), message, m_expression);
}

bool WatchesPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Delete) {
        if (m_view->currentIndex().isValid())
            emit removeRequested(m_view->currentIndex().row());
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Chronoscope
