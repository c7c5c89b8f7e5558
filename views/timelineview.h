#pragma once

#include "debug/timelinedata.h"
#include "timelinegeometry.h"
#include "timelinelayout.h"

#include <QWidget>

#include <map>
#include <memory>
#include <optional>

namespace Chronoscope {

class LogReader;

/// The timeline: one lane per service (or stream family, or event type), events placed by
/// recorded_at, each event's processing lag drawn as a bar to its processed_at (captured vs
/// processed), the replay's position as a cursor, the selected event with its causes and
/// effects, bookmarks and the last breakpoint hit. Wheel or pinch zooms, dragging pans, + - 0
/// and the arrow keys do too; a click selects the nearest event, a double click replays to it.
class TimelineView : public QWidget
{
    Q_OBJECT

public:
    explicit TimelineView(QWidget *parent = nullptr);

    /// What reads the events of the visible range (zoomed in; off the GUI thread, drawn when
    /// they arrive), and the lanes and density to draw from (zoomed out). The reader must
    /// outlive the view or be replaced first.
    void setData(LogReader *reader, std::shared_ptr<const TimelineData> timeline);
    const TimelineGeometry &geometry() const { return m_geometry; }
    const TimelineLayout &layout() const { return m_layout; }

    void setPosition(int64_t seq, std::optional<int64_t> recordedAt);
    void setSelected(int64_t seq);
    void setBookmarks(std::map<int64_t, int64_t> recordedAtBySeq);
    /// Where histories fork, and the events a branch edited: marks under the axis.
    struct BranchMark
    {
        int64_t recordedAt = 0;
        QString label;
        bool fork = true; ///< a fork point; otherwise an edited event
    };
    void setBranchMarks(std::vector<BranchMark> marks);
    /// Draws the lane of this name (a service, family or type) in full and fades the others;
    /// empty: every lane in full.
    void setEmphasis(const QString &lane);
    QString emphasis() const { return m_emphasis; }
    const std::vector<BranchMark> &branchMarks() const { return m_branchMarks; }
    void setBreakpointHit(int64_t seq);
    void showAll();

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void eventClicked(qint64 seq);
    void eventActivated(qint64 seq);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;

private:
    void relayout();
    QRectF plotRect() const;
    double laneTop(int lane) const;
    std::optional<int64_t> eventAt(QPointF position) const;
    std::optional<double> xOfSeq(int64_t seq) const;
    void paintAxis(QPainter &painter, const QRectF &plot);
    void paintLanes(QPainter &painter, const QRectF &plot);
    void paintMarkers(QPainter &painter, const QRectF &plot);
    QColor laneColor(int lane) const;

    /// The mark of an event, by binary search of the marks' indexes; null when not drawn.
    const TimelineData::Mark *markOf(int64_t seq) const;
    const TimelineData::Mark *markWithId(const std::string &id) const;
    void takeMarks(int64_t from,
                   int64_t to,
                   const std::shared_ptr<const std::vector<TimelineData::Mark>> &marks);

    LogReader *m_reader = nullptr;
    QMetaObject::Connection m_marksConnection;
    std::shared_ptr<const TimelineData> m_data;
    TimelineGeometry m_geometry;
    TimelineLayout m_layout;
    std::vector<TimelineData::Mark> m_marks; // the visible range's events in time order
    std::vector<size_t> m_bySeq;             // m_marks' indexes ordered by seq
    std::vector<size_t> m_byId;              // … by id
    std::vector<size_t> m_byCause;           // … by causation id (none first)
    bool m_marksLoaded = false;              // the answer had every event of its range
    bool m_haveMarks = false;                // an answer for [m_marksFrom, m_marksTo] is in
    int64_t m_marksFrom = 0;
    int64_t m_marksTo = 0;
    bool m_asking = false; // a question for [m_askedFrom, m_askedTo] is out
    int64_t m_askedFrom = 0;
    int64_t m_askedTo = 0;

    int64_t m_cursorSeq = 0;
    std::optional<int64_t> m_cursorTime;
    int64_t m_selectedSeq = 0;
    int64_t m_hitSeq = 0;
    std::map<int64_t, int64_t> m_bookmarks;
    std::vector<BranchMark> m_branchMarks;
    QString m_emphasis;
    std::optional<QPointF> m_pressAt;
    bool m_dragging = false;
};

} // namespace Chronoscope
