#pragma once

#include "debug/timelinedata.h"

#include <QWidget>

class QComboBox;

namespace Chronoscope {

class TimelineView;

/// The timeline with its bar: which lanes (service, stream family, event type), "Show All",
/// and a legend of what the bars mean.
class TimelinePanel : public QWidget
{
    Q_OBJECT

public:
    explicit TimelinePanel(QWidget *parent = nullptr);

    TimelineView *view() const { return m_view; }
    TimelineData::Lanes lanes() const;
    /// Shows lanes of this kind (emits lanesChanged when that changes them).
    void setLanes(TimelineData::Lanes lanes);

signals:
    void lanesChanged(Chronoscope::TimelineData::Lanes lanes);

private:
    TimelineView *m_view;
    QComboBox *m_lanes;
};

} // namespace Chronoscope
