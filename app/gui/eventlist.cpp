#include "eventlist.h"

#include "session/logreader.h"

#include "base/error.h"
#include "eventtablemodel.h"
#include "log/eventlog.h"
#include "log/searchindex.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QProgressDialog>
#include <QTableView>
#include <QVBoxLayout>

namespace Chronoscope {

namespace {

QLineEdit *filterEdit(const QString &placeholder, const QString &name, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(name);
    edit->setPlaceholderText(placeholder);
    edit->setClearButtonEnabled(true);
    edit->setMinimumWidth(60);
    return edit;
}

std::optional<std::string> nonEmpty(const QLineEdit *edit)
{
    const QString text = edit->text().trimmed();
    return text.isEmpty() ? std::nullopt : std::optional<std::string>(text.toStdString());
}

} // namespace

EventList::EventList(QWidget *parent)
    : QWidget(parent)
    , m_reader(new LogReader(this))
    , m_model(new EventTableModel(this))
    , m_view(new QTableView(this))
    , m_typeFilter(filterEdit(tr("Type (glob)"), QStringLiteral("typeFilter"), this))
    , m_streamFilter(filterEdit(tr("Stream (glob)"), QStringLiteral("streamFilter"), this))
    , m_sourceFilter(filterEdit(tr("Source (glob)"), QStringLiteral("sourceFilter"), this))
    , m_textFilter(filterEdit(tr("Search payloads…"), QStringLiteral("textFilter"), this))
{
    m_view->setObjectName(QStringLiteral("eventView"));
    m_model->setReader(m_reader);
    m_view->setModel(m_model);
    connect(m_model, &EventTableModel::dataChanged, this, [this] {
        if (m_sizeColumns) {
            m_sizeColumns = false; // to the first page of a log, then the user's
            m_view->resizeColumnsToContents();
            // The first page has the shortest seqs: make room for the last one and the arrow.
            const QString widest = QString::number(m_model->seqAt(m_model->rowCount() - 1));
            m_view->setColumnWidth(EventTableModel::Seq,
                                   std::max(m_view->columnWidth(EventTableModel::Seq),
                                            m_view->fontMetrics().horizontalAdvance(widest) + 30));
        }
    });
    connect(m_model, &EventTableModel::rowsChanged, this, [this] {
        if (!m_model->rowsError().isEmpty())
            emit message(m_model->rowsError());
        const int64_t wanted = m_wanted;
        selectSeq(wanted);
        if (selectedSeq() != wanted)
            emit selectionChanged(); // the row went away (filtered out): say so
    });
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        emit activated(m_model->seqAt(index.row()));
    });
    connect(m_view->selectionModel(),
            &QItemSelectionModel::currentRowChanged,
            this,
            &EventList::selectionChanged);

    auto *filters = new QHBoxLayout;
    filters->setContentsMargins(0, 0, 0, 0);
    for (QLineEdit *edit : {m_typeFilter, m_streamFilter, m_sourceFilter, m_textFilter}) {
        filters->addWidget(edit, edit == m_textFilter ? 2 : 1);
        connect(edit, &QLineEdit::returnPressed, this, &EventList::applyFilter);
        connect(edit, &QLineEdit::textChanged, this, [this](const QString &text) {
            if (text.isEmpty())
                applyFilter();
        });
    }
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(2);
    layout->addLayout(filters);
    layout->addWidget(m_view);
}

void EventList::setLog(EventLog *log)
{
    m_log = log;
    m_history = QStringLiteral("main");
    for (QLineEdit *edit : {m_typeFilter, m_streamFilter, m_sourceFilter, m_textFilter}) {
        const QSignalBlocker quiet(edit);
        edit->clear();
    }
    m_wanted = 1;
    m_sizeColumns = true;
    m_reader->open(log ? QString::fromStdString(log->path()) : QString(), QStringLiteral("main"));
}

void EventList::setHistory(const QString &name)
{
    if (!m_log)
        return;
    m_history = name;
    m_wanted = selectedSeq();
    m_reader->open(QString::fromStdString(m_log->path()), name);
    applyFilter();
}

void EventList::grow()
{
    if (m_log)
        m_reader->grow();
}

int64_t EventList::selectedSeq() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? m_model->seqAt(current.row()) : 0;
}

void EventList::selectSeq(int64_t seq)
{
    m_wanted = seq;
    const int row = m_model->rowOf(seq);
    if (row < 0)
        return;
    const QModelIndex index = m_model->index(row, 0);
    m_view->setCurrentIndex(index);
    const QRect visible = m_view->viewport()->rect();
    const QRect at = m_view->visualRect(index);
    const int margin = 3 * at.height();
    if (at.top() < visible.top() + margin || at.bottom() > visible.bottom() - margin)
        m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
}

void EventList::filterBy(const QString &type, const QString &source)
{
    for (QLineEdit *edit : {m_typeFilter, m_streamFilter, m_sourceFilter, m_textFilter}) {
        const QSignalBlocker quiet(edit);
        edit->clear();
    }
    m_typeFilter->setText(type);
    m_sourceFilter->setText(source);
    applyFilter();
}

void EventList::applyFilter()
{
    if (!m_log)
        return;
    EventFilter filter;
    filter.type = nonEmpty(m_typeFilter);
    filter.stream = nonEmpty(m_streamFilter);
    filter.source = nonEmpty(m_sourceFilter);
    filter.search = nonEmpty(m_textFilter);
    m_wanted = selectedSeq();
    try {
        if (filter.search && m_history == QLatin1String("main")) {
            SearchIndex::matchQuery(*filter.search);
            SearchIndex index(*m_log);
            if (index.indexedUpTo() < m_log->eventCount()) {
                QProgressDialog progress(
                        tr("Indexing events for search…"), tr("Cancel"), 0, 1000, this);
                progress.setWindowModality(Qt::WindowModal);
                progress.setMinimumDuration(300);
                index.update([&progress](int64_t done, int64_t total) {
                    progress.setValue(static_cast<int>(done * 1000 / std::max<int64_t>(1, total)));
                    QApplication::processEvents();
                    return !progress.wasCanceled();
                });
            }
        }
        m_reader->setFilter(filter);
        emit filtered(m_typeFilter->text().trimmed(), m_sourceFilter->text().trimmed());
    } catch (const Error &e) {
        emit message(QString::fromUtf8(e.what()));
        m_reader->setFilter({});
    }
}

} // namespace Chronoscope
