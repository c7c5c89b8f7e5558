#include "timelinepanel.h"

#include "timelineview.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Chronoscope {

TimelinePanel::TimelinePanel(QWidget *parent)
    : QWidget(parent)
    , m_view(new TimelineView(this))
    , m_lanes(new QComboBox(this))
{
    m_lanes->setObjectName(QStringLiteral("laneBox"));
    // In the order of TimelineData::Lanes.
    m_lanes->addItems(
            {tr("Lanes per service"), tr("Lanes per stream family"), tr("Lanes per event type")});
    connect(m_lanes, &QComboBox::currentIndexChanged, this, [this] { emit lanesChanged(lanes()); });
    auto *showAll = new QPushButton(tr("Show All"), this);
    connect(showAll, &QPushButton::clicked, m_view, &TimelineView::showAll);
    auto *legend = new QLabel(tr("Bars: lag from recorded to processed (orange: a minute or more)"),
                              this);
    legend->setEnabled(false);
    legend->setToolTip(tr("Wheel or +/− zooms, dragging pans, 0 shows all; click selects an event, "
                          "double-click replays to it."));
    legend->setMinimumWidth(10);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 2);
    bar->addWidget(m_lanes);
    bar->addWidget(showAll);
    bar->addWidget(legend, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
}

void TimelinePanel::setLanes(TimelineData::Lanes lanes)
{
    m_lanes->setCurrentIndex(static_cast<int>(lanes));
}

TimelineData::Lanes TimelinePanel::lanes() const
{
    return static_cast<TimelineData::Lanes>(m_lanes->currentIndex());
}

} // namespace Chronoscope
