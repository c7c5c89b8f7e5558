#include "eventtablemodel.h"

#include "eventlog.h"

#include <QBrush>
#include <QColor>

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
    beginResetModel();
    m_log = log;
    m_pages.clear();
    m_rows = log ? static_cast<int>(std::min<int64_t>(log->eventCount(), INT_MAX)) : 0;
    endResetModel();
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
        // seq is dense from 1, so row r is seq r + 1.
        it = m_pages.emplace(first, m_log->headers(first + 1, kPageSize)).first;
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
