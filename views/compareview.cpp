#include "compareview.h"
#include "palette.h"

#include "eventalignmentmodel.h"
#include "jsontreemodel.h"
#include "session/comparison.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace Chronoscope {

namespace {

QTreeView *stateTree(JsonTreeModel *model, const QString &name, QWidget *parent)
{
    auto *tree = new QTreeView(parent);
    tree->setObjectName(name);
    tree->setModel(model);
    tree->setUniformRowHeights(true);
    tree->setAlternatingRowColors(true);
    tree->header()->setSectionResizeMode(QHeaderView::Interactive);
    tree->header()->resizeSection(JsonTreeModel::Key, 180);
    tree->header()->resizeSection(JsonTreeModel::Value, 160);
    return tree;
}

// "fixed@357" moved by `delta`: the branch of the text, the position last resolved.
QString stepped(const QString &revision, int64_t resolved, int delta)
{
    const QString branch = revision.section(QLatin1Char('@'), 0, 0).trimmed();
    return QStringLiteral("%1@%2")
            .arg(branch.isEmpty() ? QStringLiteral("main") : branch)
            .arg(std::max<int64_t>(0, resolved + delta));
}

// The member at `path`, or where this side has no such member, the nearest one above it.
QModelIndex nearest(JsonTreeModel &model, std::string path)
{
    QModelIndex at = model.indexOfPath(path);
    while (!at.isValid() && path.rfind('/') != std::string::npos && path.rfind('/') > 0) {
        path.resize(path.rfind('/'));
        at = model.indexOfPath(path);
    }
    return at;
}

} // namespace

CompareView::CompareView(QWidget *parent)
    : QWidget(parent)
    , m_revisionA(new QLineEdit(QStringLiteral("main"), this))
    , m_revisionB(new QLineEdit(this))
    , m_otherLogLabel(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_modelA(new JsonTreeModel(this))
    , m_modelB(new JsonTreeModel(this))
    , m_treeA(stateTree(m_modelA, QStringLiteral("compareTreeA"), this))
    , m_treeB(stateTree(m_modelB, QStringLiteral("compareTreeB"), this))
    , m_alignment(new EventAlignmentModel(this))
    , m_events(new QTableView(this))
{
    m_revisionA->setObjectName(QStringLiteral("revisionA"));
    m_revisionB->setObjectName(QStringLiteral("revisionB"));
    m_revisionA->setPlaceholderText(tr("main@357, a branch, a time"));
    m_revisionB->setPlaceholderText(tr("fixed@357"));
    m_modelA->setOtherSide(tr("In B"), Palette::current().onlyInATint);
    m_modelB->setOtherSide(tr("In A"), Palette::current().onlyInBTint);
    m_summary->setObjectName(QStringLiteral("compareSummary"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);

    auto button = [this](const QString &text, const QString &tip) {
        auto *b = new QToolButton(this);
        b->setText(text);
        b->setToolTip(tip);
        b->setAutoRaise(true);
        return b;
    };
    auto *compareButton = new QPushButton(tr("Compare"), this);
    compareButton->setObjectName(QStringLiteral("compareButton"));
    compareButton->setDefault(true);
    QToolButton *back = button(tr("◀"), tr("Step both sides back"));
    QToolButton *forward = button(tr("▶"), tr("Step both sides forward"));
    QToolButton *otherLog = button(tr("B's Log…"), tr("Compare with a revision of another log"));
    QToolButton *exportJson = button(tr("Export JSON…"), tr("The difference as RFC 6902"));
    QToolButton *exportText = button(tr("Export Report…"), tr("The comparison as text"));
    connect(compareButton, &QPushButton::clicked, this, &CompareView::compare);
    connect(m_revisionA, &QLineEdit::returnPressed, this, &CompareView::compare);
    connect(m_revisionB, &QLineEdit::returnPressed, this, &CompareView::compare);
    connect(back, &QToolButton::clicked, this, [this] { step(-1); });
    connect(forward, &QToolButton::clicked, this, [this] { step(1); });
    connect(otherLog, &QToolButton::clicked, this, &CompareView::chooseOtherLog);
    connect(exportJson, &QToolButton::clicked, this, [this] { exportDialog(true); });
    connect(exportText, &QToolButton::clicked, this, [this] { exportDialog(false); });

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(2, 2, 2, 2);
    bar->addWidget(new QLabel(tr("A:"), this));
    bar->addWidget(m_revisionA, 1);
    bar->addWidget(new QLabel(tr("B:"), this));
    bar->addWidget(m_revisionB, 1);
    bar->addWidget(m_otherLogLabel);
    bar->addWidget(otherLog);
    bar->addWidget(compareButton);
    bar->addWidget(back);
    bar->addWidget(forward);
    bar->addWidget(exportJson);
    bar->addWidget(exportText);

    // The two trees scroll and expand together.
    // Scrolling one side scrolls the other to the same member.
    connect(m_treeA->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        mirrorScroll(m_treeA, m_treeB, value);
    });
    connect(m_treeB->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        mirrorScroll(m_treeB, m_treeA, value);
    });
    connect(m_treeA, &QTreeView::expanded, this, [this](const QModelIndex &i) {
        mirrorExpansion(m_treeA, m_treeB, i, true);
    });
    connect(m_treeA, &QTreeView::collapsed, this, [this](const QModelIndex &i) {
        mirrorExpansion(m_treeA, m_treeB, i, false);
    });
    connect(m_treeB, &QTreeView::expanded, this, [this](const QModelIndex &i) {
        mirrorExpansion(m_treeB, m_treeA, i, true);
    });
    connect(m_treeB, &QTreeView::collapsed, this, [this](const QModelIndex &i) {
        mirrorExpansion(m_treeB, m_treeA, i, false);
    });

    m_events->setObjectName(QStringLiteral("alignmentView"));
    m_events->setModel(m_alignment);
    m_events->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_events->verticalHeader()->hide();
    m_events->horizontalHeader()->setStretchLastSection(true);
    m_events->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);

    auto *trees = new QSplitter(Qt::Horizontal, this);
    trees->addWidget(m_treeA);
    trees->addWidget(m_treeB);
    auto *body = new QSplitter(Qt::Vertical, this);
    body->addWidget(trees);
    body->addWidget(m_events);
    body->setStretchFactor(0, 3);
    body->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(bar);
    layout->addWidget(m_summary);
    layout->addWidget(body, 1);
    setOtherLog({});
}

void CompareView::setOtherLog(const QString &path)
{
    m_otherLog = path;
    m_otherLogLabel->setText(path.isEmpty() ? tr("(same log)")
                                            : tr("of %1").arg(QFileInfo(path).fileName()));
    m_otherLogLabel->setToolTip(path);
}

void CompareView::setMessage(const QString &text)
{
    m_summary->setText(text);
}

void CompareView::compare()
{
    if (m_revisionB->text().trimmed().isEmpty()) {
        setMessage(tr("Name revision B: a branch, main@N, or a time."));
        return;
    }
    setMessage(tr("Comparing…"));
    emit compareRequested(m_revisionA->text().trimmed(), m_revisionB->text().trimmed(), m_otherLog);
}

void CompareView::step(int delta)
{
    if (!m_comparison)
        return;
    m_revisionA->setText(stepped(m_revisionA->text(), m_comparison->positionA, delta));
    m_revisionB->setText(stepped(m_revisionB->text(), m_comparison->positionB, delta));
    compare();
}

void CompareView::setComparison(std::shared_ptr<const Comparison> comparison)
{
    m_comparison = std::move(comparison);
    if (!m_comparison) {
        m_modelA->clear();
        m_modelB->clear();
        m_alignment->setEvents({});
        return;
    }
    const Comparison &c = *m_comparison;
    // Each side's changed paths, with the other side's value (none: only on this side).
    std::map<std::string, std::optional<nlohmann::json>> inB;
    std::map<std::string, std::optional<nlohmann::json>> inA;
    for (const auto &op : c.operations) {
        const std::string path = op.value("path", "");
        const std::string kind = op.value("op", "");
        if (kind != "add")
            inB[path] = kind == "remove" ? std::nullopt : std::optional(op["value"]);
        if (kind != "remove")
            inA[path] = kind == "add" ? std::nullopt : c.stateA.at(path);
    }
    m_modelA->setState(c.stateA, std::move(inB));
    m_modelB->setState(c.stateB, std::move(inA));
    m_alignment->setEvents(c.events);
    m_events->resizeColumnsToContents();
    // Open the way to every difference, on both sides.
    m_mirroring = true;
    size_t opened = 0;
    for (const auto &op : c.operations) {
        if (++opened > 200)
            break;
        for (auto [model, tree] : {std::pair{m_modelA, m_treeA}, std::pair{m_modelB, m_treeB}}) {
            for (QModelIndex i = nearest(*model, op.value("path", "")); i.isValid(); i = i.parent())
                tree->expand(i);
        }
    }
    // Each side shows its first difference (the trees differ where the states do).
    if (!c.operations.empty()) {
        const std::string first = c.operations[0].value("path", "");
        for (auto [model, tree] : {std::pair{m_modelA, m_treeA}, std::pair{m_modelB, m_treeB}}) {
            const QModelIndex at = nearest(*model, first);
            if (at.isValid())
                tree->scrollTo(at, QAbstractItemView::PositionAtTop);
        }
    }
    m_mirroring = false;
    QString summary
            = tr("%1 → %2: %n state difference(s)", nullptr, static_cast<int>(c.operations.size()))
                      .arg(QString::fromStdString(c.nameA()), QString::fromStdString(c.nameB()));
    summary += c.events.firstDivergence
                       ? tr("; events first diverge at %1 (%2 only in A, %3 only in B, %4 changed)")
                                 .arg(*c.events.firstDivergence)
                                 .arg(c.events.onlyInA.size())
                                 .arg(c.events.onlyInB.size())
                                 .arg(c.events.changed.size())
                       : tr("; the events are the same");
    setMessage(summary);
    if (m_alignment->firstDivergenceRow() >= 0)
        m_events->selectRow(m_alignment->firstDivergenceRow());
}

void CompareView::mirrorScroll(QTreeView *from, QTreeView *to, int value)
{
    const int delta = value - m_scrolled[from];
    m_scrolled[from] = value;
    if (m_mirroring || delta == 0)
        return;
    m_mirroring = true;
    // The other side shows the same member at its top, when it has it (the trees differ where
    // the states do); else it moves by as much.
    const QModelIndex top = from->indexAt(QPoint(2, 2));
    auto *model = static_cast<JsonTreeModel *>(to->model());
    const QModelIndex same = top.isValid() ? model->indexOfPath(
                                     top.data(JsonTreeModel::PathRole).toString().toStdString())
                                           : QModelIndex();
    if (same.isValid() && (same.parent() == QModelIndex() || to->isExpanded(same.parent())))
        to->scrollTo(same, QAbstractItemView::PositionAtTop);
    else
        to->verticalScrollBar()->setValue(to->verticalScrollBar()->value() + delta);
    m_scrolled[to] = to->verticalScrollBar()->value();
    m_mirroring = false;
}

void CompareView::mirrorExpansion(QTreeView *from,
                                  QTreeView *to,
                                  const QModelIndex &index,
                                  bool expand)
{
    if (m_mirroring)
        return;
    m_mirroring = true;
    auto *model = static_cast<JsonTreeModel *>(to->model());
    const QModelIndex other = model->indexOfPath(
            from->model()->data(index, JsonTreeModel::PathRole).toString().toStdString());
    if (other.isValid())
        to->setExpanded(other, expand);
    m_mirroring = false;
}

void CompareView::chooseOtherLog()
{
    const QString path = QFileDialog::getOpenFileName(this,
                                                      tr("B's Log"),
                                                      QString(),
                                                      tr("Chronoscope logs (*.chronolog);;All "
                                                         "files (*)"));
    setOtherLog(path);
}

void CompareView::exportDialog(bool json)
{
    if (!m_comparison)
        return;
    const QString path = QFileDialog::getSaveFileName(
            this,
            json ? tr("Export the Difference") : tr("Export the Report"),
            json ? QStringLiteral("difference.json") : QStringLiteral("comparison.txt"),
            json ? tr("JSON (*.json)") : tr("Text (*.txt)"));
    if (!path.isEmpty())
        emit exportRequested(path, json);
}

} // namespace Chronoscope
