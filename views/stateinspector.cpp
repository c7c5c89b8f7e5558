#include "stateinspector.h"

#include "base/error.h"
#include "base/jsonpointer.h"
#include "debug/statesearch.h"
#include "jsontreemodel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace Chronoscope {

namespace {

QString compact(const std::optional<nlohmann::json> &value)
{
    if (!value)
        return StateInspector::tr("(none)");
    QString text = QString::fromStdString(value->dump());
    return text.size() > 200 ? text.left(197) + QStringLiteral("…") : text;
}

std::optional<nlohmann::json> at(const std::optional<nlohmann::json> &document,
                                 const std::string &pointer)
{
    if (!document)
        return std::nullopt;
    if (pointer.empty())
        return document;
    try {
        const nlohmann::json::json_pointer ptr(pointer);
        if (document->contains(ptr))
            return document->at(ptr);
    } catch (const nlohmann::json::exception &) {
    }
    return std::nullopt;
}

} // namespace

StateInspector::StateInspector(QWidget *parent)
    : QWidget(parent)
    , m_model(new JsonTreeModel(this))
    , m_tree(new QTreeView(this))
    , m_diff(new QTableWidget(this))
    , m_find(new QLineEdit(this))
    , m_results(new QListWidget(this))
    , m_tabs(new QTabWidget(this))
    , m_caption(new QLabel(this))
{
    setObjectName(QStringLiteral("stateInspector"));
    m_find->setObjectName(QStringLiteral("stateFind"));
    m_find->setPlaceholderText(tr("Find in state: text, or a path like /streams/order-3"));
    m_find->setClearButtonEnabled(true);
    connect(m_find, &QLineEdit::returnPressed, this, &StateInspector::find);
    connect(m_find, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty())
            m_results->hide();
    });
    m_results->setObjectName(QStringLiteral("stateFindResults"));
    m_results->hide();
    m_results->setMaximumHeight(140);
    connect(m_results, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        reveal(item->data(Qt::UserRole).toString());
    });
    connect(m_results, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        reveal(item->data(Qt::UserRole).toString());
    });

    m_tree->setObjectName(QStringLiteral("stateTree"));
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->header()->resizeSection(JsonTreeModel::Key, 150);
    m_tree->header()->resizeSection(JsonTreeModel::Value, 170);
    connect(m_tree, &QTreeView::customContextMenuRequested, this, &StateInspector::showContextMenu);

    m_diff->setObjectName(QStringLiteral("stateDiff"));
    m_diff->setColumnCount(4);
    m_diff->setHorizontalHeaderLabels({tr("Op"), tr("Path"), tr("Before"), tr("After")});
    m_diff->horizontalHeader()->setStretchLastSection(true);
    m_diff->verticalHeader()->hide();
    m_diff->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_diff->setSelectionBehavior(QAbstractItemView::SelectRows);
    connect(m_diff, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        reveal(m_diff->item(row, 1)->data(Qt::UserRole).toString());
        m_tabs->setCurrentIndex(0);
    });

    m_tabs->addTab(m_tree, tr("State"));
    m_tabs->addTab(m_diff, tr("Diff"));
    m_caption->setContentsMargins(4, 2, 4, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_caption);
    layout->addWidget(m_find);
    layout->addWidget(m_results);
    layout->addWidget(m_tabs);
}

QStringList StateInspector::expandedPaths() const
{
    QStringList paths;
    std::function<void(const QModelIndex &)> visit = [&](const QModelIndex &parent) {
        const int rows = m_model->rowCount(parent);
        for (int row = 0; row < rows; ++row) {
            const QModelIndex index = m_model->index(row, 0, parent);
            if (m_tree->isExpanded(index)) {
                paths.append(index.data(JsonTreeModel::PathRole).toString());
                visit(index);
            }
        }
    };
    visit({});
    return paths;
}

void StateInspector::setUpdate(const SessionUpdate &update)
{
    const QStringList expanded = expandedPaths();
    const QString current = m_tree->currentIndex().data(JsonTreeModel::PathRole).toString();

    m_state = update.state;
    std::map<std::string, std::optional<nlohmann::json>> changed;
    m_diff->setRowCount(0);
    if (update.step) {
        const std::string base = "/streams/" + JsonPointer::escape(update.step->event.stream);
        for (const auto &op : update.step->changes) {
            const std::string path = op.value("path", "");
            const auto before = at(update.step->before, path);
            changed[base + path] = before;
            const int row = m_diff->rowCount();
            m_diff->insertRow(row);
            m_diff->setItem(
                    row, 0, new QTableWidgetItem(QString::fromStdString(op.value("op", ""))));
            auto *pathItem = new QTableWidgetItem(QString::fromStdString(base + path));
            pathItem->setData(Qt::UserRole, QString::fromStdString(base + path));
            m_diff->setItem(row, 1, pathItem);
            m_diff->setItem(row, 2, new QTableWidgetItem(compact(before)));
            m_diff->setItem(row, 3, new QTableWidgetItem(compact(at(update.step->after, path))));
        }
        m_diff->resizeColumnsToContents();
        m_caption->setText(tr("After event %1: %n change(s) in %2", nullptr, m_diff->rowCount())
                                   .arg(update.position)
                                   .arg(QString::fromStdString(update.step->event.stream)));
    } else {
        m_caption->setText(tr("Before the first event"));
    }
    m_model->setState(update.state, std::move(changed));
    m_tree->expand(m_model->index(0, 0));
    for (const QString &path : expanded) {
        const QModelIndex index = m_model->indexOfPath(path.toStdString());
        if (index.isValid())
            m_tree->expand(index);
    }
    // Show the changed stream, as a debugger shows the line it stopped at.
    if (update.step) {
        const QModelIndex stream = m_model->indexOfPath(
                "/streams/" + JsonPointer::escape(update.step->event.stream));
        if (stream.isValid()) {
            m_tree->expand(stream);
            m_tree->setCurrentIndex(stream);
            m_tree->scrollTo(stream, QAbstractItemView::PositionAtTop);
        }
    } else if (!current.isEmpty()) {
        const QModelIndex index = m_model->indexOfPath(current.toStdString());
        if (index.isValid())
            m_tree->setCurrentIndex(index);
    }
}

void StateInspector::reveal(const QString &pointer)
{
    const QModelIndex index = m_model->indexOfPath(pointer.toStdString());
    if (!index.isValid())
        return;
    for (QModelIndex up = index.parent(); up.isValid(); up = up.parent())
        m_tree->expand(up);
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index, QAbstractItemView::PositionAtCenter);
}

void StateInspector::find()
{
    m_results->clear();
    const QString text = m_find->text().trimmed();
    if (text.isEmpty()) {
        m_results->hide();
        return;
    }
    try {
        const auto matches = StateSearch::find(m_state, text.toStdString(), 500);
        for (const auto &match : matches) {
            QString value = QString::fromStdString(match.value.dump());
            if (value.size() > 80)
                value = value.left(77) + QStringLiteral("…");
            auto *item = new QListWidgetItem(
                    QStringLiteral("%1   %2").arg(QString::fromStdString(match.pointer), value));
            item->setData(Qt::UserRole, QString::fromStdString(match.pointer));
            m_results->addItem(item);
        }
        if (matches.empty())
            m_results->addItem(tr("Nothing in the state matches \"%1\".").arg(text));
    } catch (const Error &e) {
        m_results->addItem(QString::fromUtf8(e.what()));
    }
    m_results->show();
    if (m_results->count() > 0 && m_results->item(0)->data(Qt::UserRole).isValid())
        reveal(m_results->item(0)->data(Qt::UserRole).toString());
}

void StateInspector::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_tree->indexAt(position);
    if (!index.isValid())
        return;
    const QString path = index.data(JsonTreeModel::PathRole).toString();
    const QString value = m_model->index(index.row(), 0, index.parent())
                                  .data(JsonTreeModel::JsonRole)
                                  .toString();
    QMenu menu(this);
    menu.addAction(tr("Copy Value"), this, [value] {
            QApplication::clipboard()->setText(value);
        })->setEnabled(!value.isEmpty());
    menu.addAction(tr("Copy Path"), this, [path] { QApplication::clipboard()->setText(path); });
    menu.addSeparator();
    menu.addAction(tr("Blame This Path"), this, [this, path] {
            emit blameRequested(path);
        })->setEnabled(path.count(QLatin1Char('/')) >= 2);
    menu.exec(m_tree->viewport()->mapToGlobal(position));
}

} // namespace Chronoscope
