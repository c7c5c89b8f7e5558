#include "eventtablemodel.h"

#include "log/eventlog.h"
#include "log/history.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QPainter>
#include <QPixmap>

namespace Chronoscope {

namespace {

constexpr int kPageSize = 256;
constexpr size_t kMaxPages = 64;

QString timeText(Timestamp::Micros micros)
{
    return QString::fromStdString(Timestamp::format(micros));
}

QString lagText(Timestamp::Micros micros)
{
    const double ms = static_cast<double>(micros) / 1000.0;
    if (ms < 1000.0)
        return EventTableModel::tr("%1 ms").arg(ms, 0, 'f', 0);
    if (ms < 120000.0)
        return EventTableModel::tr("%1 s").arg(ms / 1000.0, 0, 'f', 1);
    return EventTableModel::tr("%1 min").arg(ms / 60000.0, 0, 'f', 1);
}

} // namespace

EventTableModel::EventTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

EventTableModel::~EventTableModel() = default;

void EventTableModel::setLog(EventLog *log)
{
    reset(log, nullptr, {});
}

void EventTableModel::setHistory(History *history, std::map<int64_t, QString> edited)
{
    reset(m_log, history, std::move(edited));
}

void EventTableModel::reset(EventLog *log, History *history, std::map<int64_t, QString> edited)
{
    beginResetModel();
    m_log = log;
    m_history = history;
    m_edited = std::move(edited);
    m_pages.clear();
    m_filtered = false;
    m_seqs.clear();
    m_current = 0;
    m_rows = totalRows();
    endResetModel();
}

int EventTableModel::totalRows() const
{
    const int64_t count = m_history ? m_history->length() : m_log ? m_log->eventCount() : 0;
    return static_cast<int>(std::min<int64_t>(count, INT_MAX));
}

std::vector<int64_t> EventTableModel::matchingPositions(const EventFilter &filter) const
{
    // A branch's events are not all in the log: they are matched as they are read (the search
    // as plain text in the payload: the full-text index covers the log's events).
    const QString text = filter.search ? QString::fromStdString(*filter.search) : QString();
    std::vector<int64_t> positions;
    m_history->forEach(
            1, m_history->length(), EventFilter::Columns::WithoutResult, [&](const Event &e) {
                if (filter.matches(e)
                    && (!filter.search
                        || QString::fromStdString(e.data).contains(text, Qt::CaseInsensitive)))
                    positions.push_back(e.seq);
                return true;
            });
    return positions;
}

void EventTableModel::setFilter(const EventFilter &filter)
{
    beginResetModel();
    m_pages.clear();
    m_filtered = filter.stream || filter.type || filter.source || filter.search;
    m_seqs.clear();
    if (m_history && m_filtered) {
        m_seqs = matchingPositions(filter);
        m_rows = static_cast<int>(std::min<size_t>(m_seqs.size(), INT_MAX));
    } else if (m_log && m_filtered) {
        EventFilter which = filter;
        which.fromSeq = 1;
        which.toSeq.reset();
        which.limit.reset();
        m_seqs = m_log->seqs(which);
        m_rows = static_cast<int>(std::min<size_t>(m_seqs.size(), INT_MAX));
    } else {
        m_rows = totalRows();
    }
    endResetModel();
}

int EventTableModel::rowOf(int64_t seq) const
{
    if (!m_filtered)
        return seq >= 1 && seq <= m_rows ? static_cast<int>(seq - 1) : -1;
    const auto it = std::lower_bound(m_seqs.begin(), m_seqs.end(), seq);
    return it != m_seqs.end() && *it == seq ? static_cast<int>(it - m_seqs.begin()) : -1;
}

int64_t EventTableModel::seqAt(int row) const
{
    if (row < 0 || row >= m_rows)
        return 0;
    return m_filtered ? m_seqs[static_cast<size_t>(row)] : row + 1;
}

void EventTableModel::setReversed(std::map<int64_t, QString> reversed)
{
    m_reversed = std::move(reversed);
    if (m_rows > 0)
        emit dataChanged(
                index(0, 0), index(m_rows - 1, ColumnCount - 1), {Qt::FontRole, Qt::ToolTipRole});
}

void EventTableModel::setCurrentSeq(int64_t seq)
{
    const int64_t previous = m_current;
    m_current = seq;
    for (const int64_t s : {previous, seq}) {
        const int row = rowOf(s);
        if (row >= 0)
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

int EventTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int EventTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const EventHeader *EventTableModel::header(int row) const
{
    const int first = row / kPageSize * kPageSize;
    auto it = m_pages.find(first);
    if (it == m_pages.end()) {
        if (m_pages.size() >= kMaxPages) {
            // Drop the page farthest from the one wanted: views read near where they are.
            auto far = std::max_element(
                    m_pages.begin(), m_pages.end(), [first](const auto &a, const auto &b) {
                        return std::abs(a.first - first) < std::abs(b.first - first);
                    });
            m_pages.erase(far);
        }
        std::vector<EventHeader> page;
        auto read = [this, &page](int64_t from, int64_t to) {
            m_history->forEach(
                    from, to, EventFilter::Columns::WithoutResult, [&page](const Event &e) {
                        page.push_back(EventHeader::of(e));
                        return true;
                    });
        };
        if (m_history && m_filtered) {
            const int last = std::min(first + kPageSize, m_rows);
            for (int r = first; r < last; ++r)
                read(m_seqs[static_cast<size_t>(r)], m_seqs[static_cast<size_t>(r)]);
        } else if (m_history) {
            read(first + 1, first + kPageSize);
        } else if (m_filtered) {
            const int last = std::min(first + kPageSize, m_rows);
            for (int r = first; r < last; ++r) {
                auto one = m_log->headers(m_seqs[static_cast<size_t>(r)], 1);
                if (!one.empty())
                    page.push_back(std::move(one.front()));
            }
        } else {
            // seq is dense from 1, so row r is seq r + 1.
            page = m_log->headers(first + 1, kPageSize);
        }
        it = m_pages.emplace(first, std::move(page)).first;
    }
    const size_t offset = static_cast<size_t>(row - first);
    return offset < it->second.size() ? &it->second[offset] : nullptr;
}

QVariant EventTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || !m_log)
        return {};
    const EventHeader *h = header(index.row());
    if (!h)
        return {};
    const bool hasLag = h->processedAt.has_value();
    const Timestamp::Micros lag = hasLag ? *h->processedAt - h->recordedAt : 0;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Seq:
            return QVariant::fromValue<qlonglong>(h->seq);
        case RecordedAt:
            return timeText(h->recordedAt);
        case ProcessedAt:
            return h->processedAt ? timeText(*h->processedAt) : QString();
        case Lag:
            return hasLag ? lagText(lag) : QString();
        case Stream:
            return QString::fromStdString(h->stream);
        case Type:
            return QString::fromStdString(h->type);
        case Source:
            return h->source ? QString::fromStdString(*h->source) : QString();
        }
        break;
    case Qt::FontRole:
        if (m_history && m_edited.count(h->seq)) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        if (!m_history && m_reversed.count(h->seq)) {
            QFont font;
            font.setStrikeOut(true);
            return font;
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == Seq && h->seq == m_current) {
            if (m_currentIcon.isNull()) {
                QPixmap arrow(12, 12);
                arrow.fill(Qt::transparent);
                QPainter painter(&arrow);
                painter.setRenderHint(QPainter::Antialiasing);
                painter.setBrush(QColor(0xd0, 0x21, 0x21));
                painter.setPen(Qt::NoPen);
                painter.drawPolygon(QPolygonF({QPointF(2, 1), QPointF(11, 6), QPointF(2, 11)}));
                m_currentIcon = QIcon(arrow);
            }
            return m_currentIcon;
        }
        break;
    case Qt::BackgroundRole:
        if (h->seq == m_current)
            return QBrush(QColor(208, 33, 33, 30));
        if (m_history && m_edited.count(h->seq))
            return QBrush(QColor(230, 160, 20, 45));
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == Seq || index.column() == Lag)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ForegroundRole:
        // A minute or more between capture and processing is worth noticing.
        if (index.column() == Lag && hasLag && lag >= 60 * 1000000LL)
            return QBrush(QColor(0xc0, 0x5a, 0x00));
        break;
    case Qt::ToolTipRole:
        if (const auto edited = m_edited.find(h->seq); m_history && edited != m_edited.end())
            return edited->second;
        if (const auto reversed = m_reversed.find(h->seq);
            !m_history && reversed != m_reversed.end())
            return tr("Reversed by the merge of %1").arg(reversed->second);
        if (index.column() == Stream)
            return tr("%1, version %2")
                    .arg(QString::fromStdString(h->stream))
                    .arg(h->streamVersion);
        break;
    case SeqRole:
        return QVariant::fromValue<qlonglong>(h->seq);
    case RecordedAtRole:
        return QVariant::fromValue<qlonglong>(h->recordedAt);
    case LagRole:
        return hasLag ? QVariant::fromValue<qlonglong>(lag) : QVariant();
    }
    return {};
}

QVariant EventTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Seq:
        return tr("Seq");
    case RecordedAt:
        return tr("Recorded");
    case ProcessedAt:
        return tr("Processed");
    case Lag:
        return tr("Lag");
    case Stream:
        return tr("Stream");
    case Type:
        return tr("Type");
    case Source:
        return tr("Source");
    }
    return {};
}

} // namespace Chronoscope
