#include "timelineview.h"
#include "palette.h"

#include "session/logreader.h"

#include "base/timestamp.h"

#include <QDateTime>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QNativeGestureEvent>
#include <QPainter>
#include <QPainterPath>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string_view>

namespace Chronoscope {

namespace {

constexpr double kLaneHeaderWidth = 110;
constexpr double kAxisHeight = 22;
constexpr double kLaneHeight = 26;
// Below this many visible events, they are read and drawn one by one.
constexpr int64_t kDetailLimit = 6000;

// Orders indexes of marks by their causation id (none first), for std::equal_range.
struct MarksByCause
{
    const std::vector<TimelineData::Mark> *marks;

    std::string_view of(size_t i) const
    {
        const auto &cause = (*marks)[i].causationId;
        return cause ? std::string_view(*cause) : std::string_view();
    }
    bool operator()(size_t a, size_t b) const { return of(a) < of(b); }
    bool operator()(size_t a, std::string_view b) const { return of(a) < b; }
    bool operator()(std::string_view a, size_t b) const { return a < of(b); }
};
constexpr int64_t kMicrosPerSecond = 1'000'000;

// The step between axis labels: the smallest "round" step at least `minimum` µs.
int64_t axisStep(double minimum)
{
    static const int64_t steps[] = {1'000,
                                    2'000,
                                    5'000,
                                    10'000,
                                    20'000,
                                    50'000,
                                    100'000,
                                    200'000,
                                    500'000,
                                    kMicrosPerSecond,
                                    2 * kMicrosPerSecond,
                                    5 * kMicrosPerSecond,
                                    10 * kMicrosPerSecond,
                                    30 * kMicrosPerSecond,
                                    60 * kMicrosPerSecond,
                                    300 * kMicrosPerSecond,
                                    900 * kMicrosPerSecond,
                                    1800 * kMicrosPerSecond,
                                    3600 * kMicrosPerSecond,
                                    6 * 3600 * kMicrosPerSecond,
                                    12 * 3600 * kMicrosPerSecond,
                                    86400 * kMicrosPerSecond,
                                    2 * 86400 * kMicrosPerSecond,
                                    7 * 86400 * kMicrosPerSecond,
                                    14 * 86400 * kMicrosPerSecond,
                                    30 * 86400 * kMicrosPerSecond,
                                    365 * 86400 * kMicrosPerSecond};
    for (const int64_t step : steps)
        if (static_cast<double>(step) >= minimum)
            return step;
    return 365 * 86400 * kMicrosPerSecond;
}

QString axisLabel(int64_t micros, int64_t step)
{
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(micros / 1000, Qt::UTC);
    if (step >= 86400 * kMicrosPerSecond)
        return time.toString(QStringLiteral("yyyy-MM-dd"));
    if (step >= 60 * kMicrosPerSecond)
        return time.toString(QStringLiteral("MM-dd HH:mm"));
    if (step >= kMicrosPerSecond)
        return time.toString(QStringLiteral("HH:mm:ss"));
    return time.toString(QStringLiteral("HH:mm:ss.zzz"));
}

} // namespace

TimelineView::TimelineView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("timeline"));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(false);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAttribute(Qt::WA_AcceptTouchEvents);
}

QSize TimelineView::sizeHint() const
{
    const int lanes = m_data ? static_cast<int>(m_data->lanes().size()) : 3;
    return {800, static_cast<int>(kAxisHeight + kLaneHeight * std::max(3, lanes) + 8)};
}

QSize TimelineView::minimumSizeHint() const
{
    return {300, static_cast<int>(kAxisHeight + kLaneHeight + 8)};
}

void TimelineView::setData(LogReader *reader, std::shared_ptr<const TimelineData> timeline)
{
    if (reader != m_reader) {
        disconnect(m_marksConnection);
        m_reader = reader;
        if (reader)
            m_marksConnection = connect(
                    reader,
                    &LogReader::marksRead,
                    this,
                    [this](quint64,
                           int64_t from,
                           int64_t to,
                           const std::shared_ptr<const std::vector<TimelineData::Mark>> &marks) {
                        takeMarks(from, to, marks);
                    });
    }
    m_data = std::move(timeline);
    m_marks.clear();
    m_bySeq.clear();
    m_byId.clear();
    m_byCause.clear();
    m_marksLoaded = false;
    m_haveMarks = false;
    m_asking = false;
    if (m_data)
        m_geometry.setRange(m_data->start(), m_data->end());
    m_geometry.setWidth(plotRect().width());
    if (m_cursorTime)
        m_geometry.ensureVisible(static_cast<double>(*m_cursorTime));
    updateGeometry();
    relayout();
}

void TimelineView::setPosition(int64_t seq, std::optional<int64_t> recordedAt)
{
    m_cursorSeq = seq;
    m_cursorTime = recordedAt;
    if (recordedAt && m_data) {
        const double before = m_geometry.visibleFrom();
        m_geometry.ensureVisible(static_cast<double>(*recordedAt));
        if (m_geometry.visibleFrom() != before) {
            relayout();
            return;
        }
    }
    update();
}

void TimelineView::setSelected(int64_t seq)
{
    m_selectedSeq = seq;
    update();
}

void TimelineView::setBookmarks(std::map<int64_t, int64_t> recordedAtBySeq)
{
    m_bookmarks = std::move(recordedAtBySeq);
    update();
}

void TimelineView::setBranchMarks(std::vector<BranchMark> marks)
{
    m_branchMarks = std::move(marks);
    update();
}

void TimelineView::setBreakpointHit(int64_t seq)
{
    m_hitSeq = seq;
    update();
}

void TimelineView::showAll()
{
    m_geometry.showAll();
    relayout();
}

QRectF TimelineView::plotRect() const
{
    return QRectF(kLaneHeaderWidth,
                  kAxisHeight,
                  std::max(1.0, width() - kLaneHeaderWidth),
                  std::max(1.0, height() - kAxisHeight));
}

double TimelineView::laneTop(int lane) const
{
    return kAxisHeight + lane * kLaneHeight;
}

void TimelineView::relayout()
{
    if (!m_data || m_data->lanes().empty()) {
        m_layout = {};
        update();
        return;
    }
    const double from = m_geometry.visibleFrom();
    const double to = m_geometry.visibleTo();
    const bool fewEnough
            = m_data->estimateBetween(static_cast<int64_t>(from), static_cast<int64_t>(to) + 1)
              <= kDetailLimit;
    bool useMarks = false;
    if (fewEnough && m_reader) {
        const bool covered = m_haveMarks && from >= static_cast<double>(m_marksFrom)
                             && to <= static_cast<double>(m_marksTo);
        const bool coming = m_asking && from >= static_cast<double>(m_askedFrom)
                            && to <= static_cast<double>(m_askedTo);
        if (!covered && !coming) {
            // Ask for a little more than is visible, so that panning a bit needs no new read.
            const double span = to - from;
            m_askedFrom = static_cast<int64_t>(from - span / 2);
            m_askedTo = static_cast<int64_t>(to + span / 2) + 1;
            m_asking = true;
            m_reader->readMarks(m_data, m_askedFrom, m_askedTo, 4 * kDetailLimit);
        }
        useMarks = covered && m_marksLoaded;
    }
    m_layout = TimelineLayout::compute(m_geometry, *m_data, useMarks ? &m_marks : nullptr);
    update();
}

void TimelineView::takeMarks(int64_t from,
                             int64_t to,
                             const std::shared_ptr<const std::vector<TimelineData::Mark>> &marks)
{
    if (!m_asking || from != m_askedFrom || to != m_askedTo)
        return; // an answer to a question no longer asked
    m_asking = false;
    m_haveMarks = true;
    m_marksFrom = from;
    m_marksTo = to;
    m_marks = *marks;
    m_marksLoaded = m_marks.size() < 4 * kDetailLimit;
    for (auto *index : {&m_bySeq, &m_byId, &m_byCause}) {
        index->resize(m_marks.size());
        std::iota(index->begin(), index->end(), size_t(0));
    }
    std::sort(m_bySeq.begin(), m_bySeq.end(), [this](size_t a, size_t b) {
        return m_marks[a].seq < m_marks[b].seq;
    });
    std::sort(m_byId.begin(), m_byId.end(), [this](size_t a, size_t b) {
        return m_marks[a].id < m_marks[b].id;
    });
    std::sort(m_byCause.begin(), m_byCause.end(), MarksByCause{&m_marks});
    relayout();
}

QColor TimelineView::laneColor(int lane) const
{
    const auto &colors = Palette::current().lanes;
    QColor color = colors[static_cast<size_t>(lane) % colors.size()];
    const auto &lanes = m_data ? m_data->lanes() : std::vector<std::string>();
    if (!m_emphasis.isEmpty() && lane >= 0 && static_cast<size_t>(lane) < lanes.size()
        && QString::fromStdString(lanes[static_cast<size_t>(lane)]) != m_emphasis
        && std::find(lanes.begin(), lanes.end(), m_emphasis.toStdString()) != lanes.end())
        color.setAlphaF(0.15);
    return color;
}

void TimelineView::setEmphasis(const QString &lane)
{
    m_emphasis = lane;
    update();
}

void TimelineView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    if (!m_data || m_data->lanes().empty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, tr("No events"));
        return;
    }
    const QRectF plot = plotRect();
    paintLanes(painter, plot);
    paintAxis(painter, plot);
    paintMarkers(painter, plot);
}

void TimelineView::paintAxis(QPainter &painter, const QRectF &plot)
{
    painter.setPen(palette().color(QPalette::Text));
    painter.fillRect(QRectF(0, 0, width(), kAxisHeight), palette().window());
    const double minimum = 95 * m_geometry.microsPerPixel();
    const int64_t step = axisStep(minimum);
    const auto first
            = static_cast<int64_t>(std::floor(m_geometry.visibleFrom() / static_cast<double>(step)))
              * step;
    const QColor grid = palette().color(QPalette::Mid);
    for (int64_t t = first; static_cast<double>(t) <= m_geometry.visibleTo(); t += step) {
        const double x = plot.left() + m_geometry.xOf(static_cast<double>(t));
        if (x < plot.left())
            continue;
        painter.setPen(grid);
        painter.drawLine(QPointF(x, kAxisHeight - 5), QPointF(x, height()));
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(QRectF(x + 3, 0, 120, kAxisHeight),
                         Qt::AlignVCenter | Qt::AlignLeft,
                         axisLabel(t, step));
    }
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawLine(QPointF(0, kAxisHeight - 0.5), QPointF(width(), kAxisHeight - 0.5));
}

void TimelineView::paintLanes(QPainter &painter, const QRectF &plot)
{
    const auto &lanes = m_data->lanes();
    // Lane backgrounds and names.
    for (size_t i = 0; i < lanes.size(); ++i) {
        const QRectF laneRect(0, laneTop(static_cast<int>(i)), width(), kLaneHeight);
        painter.fillRect(laneRect, i % 2 ? palette().alternateBase() : palette().base());
    }
    painter.save();
    painter.setClipRect(plot);
    painter.setRenderHint(QPainter::Antialiasing, false);
    // Density or folded blocks: opacity follows the count, on a log scale.
    int64_t most = 1;
    for (const auto &block : m_layout.blocks)
        most = std::max(most, block.count);
    const double logMost = std::log1p(static_cast<double>(most));
    for (const auto &block : m_layout.blocks) {
        QColor color = laneColor(block.lane);
        color.setAlphaF(0.25 + 0.75 * std::log1p(static_cast<double>(block.count)) / logMost);
        const double top = laneTop(block.lane) + 5;
        painter.fillRect(QRectF(plot.left() + block.x0,
                                top,
                                std::max(1.5, block.x1 - block.x0),
                                kLaneHeight - 10),
                         color);
    }
    // Each event: the lag bar from recorded_at to processed_at, then the tick.
    painter.setRenderHint(QPainter::Antialiasing, true);
    for (const auto &tick : m_layout.ticks) {
        const double y = laneTop(tick.lane);
        const double x = plot.left() + tick.x;
        if (tick.processedX > tick.x + 1) {
            const QColor lag
                    = tick.slow ? Palette::current().warning : palette().color(QPalette::Mid);
            painter.setPen(QPen(lag, 2, Qt::SolidLine, Qt::FlatCap));
            painter.drawLine(QPointF(x, y + kLaneHeight - 6),
                             QPointF(plot.left() + tick.processedX, y + kLaneHeight - 6));
        }
        painter.setPen(QPen(laneColor(tick.lane), 2));
        painter.drawLine(QPointF(x, y + 5), QPointF(x, y + kLaneHeight - 8));
    }
    painter.restore();
    // Lane names over a solid header.
    painter.fillRect(QRectF(0, kAxisHeight, kLaneHeaderWidth, height() - kAxisHeight),
                     palette().window());
    for (size_t i = 0; i < lanes.size(); ++i) {
        const QRectF nameRect(8, laneTop(static_cast<int>(i)), kLaneHeaderWidth - 12, kLaneHeight);
        painter.setPen(laneColor(static_cast<int>(i)));
        painter.fillRect(QRectF(0, nameRect.top() + 6, 4, kLaneHeight - 12),
                         laneColor(static_cast<int>(i)));
        painter.setPen(palette().color(QPalette::WindowText));
        const QString name = lanes[i].empty() ? tr("(none)") : QString::fromStdString(lanes[i]);
        painter.drawText(
                nameRect,
                Qt::AlignVCenter | Qt::AlignLeft,
                fontMetrics().elidedText(name, Qt::ElideRight, static_cast<int>(nameRect.width())));
    }
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawLine(QPointF(kLaneHeaderWidth - 0.5, kAxisHeight),
                     QPointF(kLaneHeaderWidth - 0.5, height()));
}

const TimelineData::Mark *TimelineView::markOf(int64_t seq) const
{
    const auto it
            = std::lower_bound(m_bySeq.begin(), m_bySeq.end(), seq, [this](size_t i, int64_t s) {
                  return m_marks[i].seq < s;
              });
    return it != m_bySeq.end() && m_marks[*it].seq == seq ? &m_marks[*it] : nullptr;
}

const TimelineData::Mark *TimelineView::markWithId(const std::string &id) const
{
    const auto it = std::lower_bound(
            m_byId.begin(), m_byId.end(), id, [this](size_t i, const std::string &value) {
                return m_marks[i].id < value;
            });
    return it != m_byId.end() && m_marks[*it].id == id ? &m_marks[*it] : nullptr;
}

std::optional<double> TimelineView::xOfSeq(int64_t seq) const
{
    if (const TimelineData::Mark *mark = markOf(seq))
        return m_geometry.xOf(static_cast<double>(mark->recordedAt));
    return std::nullopt;
}

void TimelineView::paintMarkers(QPainter &painter, const QRectF &plot)
{
    painter.save();
    painter.setClipRect(QRectF(plot.left(), 0, plot.width(), height()));
    painter.setRenderHint(QPainter::Antialiasing, true);
    // Bookmarks: flags on the axis.
    for (const auto &[seq, time] : m_bookmarks) {
        const double x = plot.left() + m_geometry.xOf(static_cast<double>(time));
        painter.setPen(QPen(Palette::current().bookmark, 1));
        painter.drawLine(QPointF(x, 2), QPointF(x, kAxisHeight));
        painter.fillRect(QRectF(x, 2, 7, 6), Palette::current().bookmark);
    }
    // Fork points (a branch symbol and the name) and edited events (a diamond), amber.
    const QColor amber(0xd9, 0x8a, 0x00);
    for (const BranchMark &mark : m_branchMarks) {
        const double x = plot.left() + m_geometry.xOf(static_cast<double>(mark.recordedAt));
        painter.setPen(QPen(amber, 1, mark.fork ? Qt::SolidLine : Qt::DotLine));
        painter.drawLine(QPointF(x, kAxisHeight), QPointF(x, height()));
        painter.setBrush(amber);
        if (mark.fork) {
            painter.drawPolygon(QPolygonF({QPointF(x, kAxisHeight - 9),
                                           QPointF(x + 5, kAxisHeight - 1),
                                           QPointF(x - 5, kAxisHeight - 1)}));
            painter.setPen(amber);
            painter.drawText(QPointF(x + 6, kAxisHeight - 2), mark.label);
        } else {
            painter.drawPolygon(QPolygonF({QPointF(x, kAxisHeight - 8),
                                           QPointF(x + 4, kAxisHeight - 4),
                                           QPointF(x, kAxisHeight),
                                           QPointF(x - 4, kAxisHeight - 4)}));
        }
        painter.setBrush(Qt::NoBrush);
    }
    // The selected event with its causes and effects, when they are drawn one by one.
    if (m_selectedSeq > 0) {
        const TimelineData::Mark *selected = markOf(m_selectedSeq);
        if (selected && selected->lane >= 0) {
            const QPointF at(plot.left()
                                     + m_geometry.xOf(static_cast<double>(selected->recordedAt)),
                             laneTop(selected->lane) + kLaneHeight / 2);
            const QColor arrow = palette().color(QPalette::Highlight);
            painter.setPen(QPen(arrow, 1.5));
            // Its cause and its effects among the drawn events, found by binary search.
            std::vector<std::pair<const TimelineData::Mark *, bool>> linked; // mark, is the cause
            if (selected->causationId)
                if (const TimelineData::Mark *cause = markWithId(*selected->causationId))
                    linked.emplace_back(cause, true);
            const auto [first, last] = std::equal_range(m_byCause.begin(),
                                                        m_byCause.end(),
                                                        std::string_view(selected->id),
                                                        MarksByCause{&m_marks});
            for (auto it = first; it != last; ++it)
                linked.emplace_back(&m_marks[*it], false);
            for (const auto &[mark, cause] : linked) {
                if (mark->lane < 0)
                    continue;
                const QPointF other(plot.left()
                                            + m_geometry.xOf(static_cast<double>(mark->recordedAt)),
                                    laneTop(mark->lane) + kLaneHeight / 2);
                const QPointF from = cause ? other : at;
                const QPointF to = cause ? at : other;
                QPainterPath path(from);
                path.cubicTo(from + QPointF(30, 0), to - QPointF(30, 0), to);
                painter.drawPath(path);
                painter.setBrush(arrow);
                painter.drawEllipse(to, 2.5, 2.5);
                painter.setBrush(Qt::NoBrush);
            }
            painter.setPen(QPen(arrow, 2));
            painter.drawEllipse(at, 5, 5);
        }
    }
    // The last breakpoint hit.
    if (m_hitSeq > 0) {
        if (const auto x = xOfSeq(m_hitSeq)) {
            painter.setBrush(Palette::current().position);
            painter.setPen(Qt::NoPen);
            painter.drawEllipse(QPointF(plot.left() + *x, kAxisHeight - 6), 4, 4);
            painter.setBrush(Qt::NoBrush);
        }
    }
    // The replay's position.
    if (m_cursorTime) {
        const double x = plot.left() + m_geometry.xOf(static_cast<double>(*m_cursorTime));
        painter.setPen(QPen(Palette::current().position, 1.5));
        painter.drawLine(QPointF(x, kAxisHeight - 4), QPointF(x, height()));
        QPolygonF head;
        head << QPointF(x - 5, kAxisHeight - 8) << QPointF(x + 5, kAxisHeight - 8)
             << QPointF(x, kAxisHeight - 2);
        painter.setBrush(Palette::current().position);
        painter.drawPolygon(head);
    }
    painter.restore();
}

std::optional<int64_t> TimelineView::eventAt(QPointF position) const
{
    if (!m_data || !m_marksLoaded)
        return std::nullopt;
    const QRectF plot = plotRect();
    const int lane = static_cast<int>((position.y() - kAxisHeight) / kLaneHeight);
    const double x = position.x() - plot.left();
    std::optional<int64_t> best;
    double bestDistance = 6; // pixels
    // The marks are in time order: only those within a few pixels of x are looked at.
    auto near = std::lower_bound(m_marks.begin(),
                                 m_marks.end(),
                                 x - bestDistance,
                                 [this](const auto &mark, double left) {
                                     return m_geometry.xOf(static_cast<double>(mark.recordedAt))
                                            < left;
                                 });
    for (; near != m_marks.end(); ++near) {
        const double markX = m_geometry.xOf(static_cast<double>(near->recordedAt));
        if (markX > x + bestDistance)
            break;
        const double distance = std::abs(markX - x);
        if (near->lane == lane && distance < bestDistance) {
            bestDistance = distance;
            best = near->seq;
        }
    }
    return best;
}

void TimelineView::resizeEvent(QResizeEvent *)
{
    const double from = m_geometry.visibleFrom();
    const double to = m_geometry.visibleTo();
    m_geometry.setWidth(plotRect().width());
    m_geometry.setVisible(from, to);
    relayout();
}

void TimelineView::wheelEvent(QWheelEvent *event)
{
    const QPoint delta = event->angleDelta();
    if (event->modifiers() & Qt::ShiftModifier || std::abs(delta.x()) > std::abs(delta.y())) {
        m_geometry.pan(-(delta.x() ? delta.x() : delta.y()) / 2.0);
    } else {
        const double x = event->position().x() - plotRect().left();
        m_geometry.zoom(std::pow(1.0015, delta.y()), x);
    }
    relayout();
    event->accept();
}

bool TimelineView::event(QEvent *event)
{
    if (event->type() == QEvent::NativeGesture) {
        auto *gesture = static_cast<QNativeGestureEvent *>(event);
        if (gesture->gestureType() == Qt::ZoomNativeGesture) {
            m_geometry.zoom(1 + gesture->value(), gesture->position().x() - plotRect().left());
            relayout();
            return true;
        }
    }
    return QWidget::event(event);
}

void TimelineView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        m_pressAt = event->position();
        m_dragging = false;
    }
}

void TimelineView::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_pressAt)
        return;
    const double dx = event->position().x() - m_pressAt->x();
    if (!m_dragging && std::abs(dx) < 4)
        return;
    m_dragging = true;
    setCursor(Qt::ClosedHandCursor);
    m_geometry.pan(-dx);
    m_pressAt = event->position();
    relayout();
}

void TimelineView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_pressAt && !m_dragging && event->button() == Qt::LeftButton) {
        if (const auto seq = eventAt(event->position())) {
            m_selectedSeq = *seq;
            update();
            emit eventClicked(*seq);
        }
    }
    unsetCursor();
    m_pressAt.reset();
    m_dragging = false;
}

void TimelineView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (const auto seq = eventAt(event->position()))
        emit eventActivated(*seq);
}

void TimelineView::keyPressEvent(QKeyEvent *event)
{
    const double middle = plotRect().width() / 2;
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        m_geometry.zoom(1.5, middle);
        break;
    case Qt::Key_Minus:
        m_geometry.zoom(1 / 1.5, middle);
        break;
    case Qt::Key_0:
        m_geometry.showAll();
        break;
    case Qt::Key_Left:
        m_geometry.pan(-plotRect().width() / 8);
        break;
    case Qt::Key_Right:
        m_geometry.pan(plotRect().width() / 8);
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    relayout();
}

} // namespace Chronoscope
