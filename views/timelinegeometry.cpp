#include "timelinegeometry.h"

#include <algorithm>

namespace Chronoscope {

namespace {

constexpr double kMinMicrosPerPixel = 0.1;
constexpr double kMargin = 0.02; // of the whole span, on each side when showing all

} // namespace

void TimelineGeometry::setRange(int64_t start, int64_t end)
{
    m_start = static_cast<double>(start);
    m_end = static_cast<double>(std::max(end, start + 1));
    showAll();
}

void TimelineGeometry::setWidth(double pixels)
{
    m_width = std::max(1.0, pixels);
    clamp();
}

double TimelineGeometry::fullSpan() const
{
    return (m_end - m_start) * (1 + 2 * kMargin);
}

void TimelineGeometry::showAll()
{
    const double margin = (m_end - m_start) * kMargin;
    m_from = m_start - margin;
    m_to = m_end + margin;
}

void TimelineGeometry::setVisible(double from, double to)
{
    m_from = from;
    m_to = std::max(to, from + 1e-3);
    clamp();
}

double TimelineGeometry::xOf(double time) const
{
    return (time - m_from) / (m_to - m_from) * m_width;
}

double TimelineGeometry::timeAt(double x) const
{
    return m_from + x / m_width * (m_to - m_from);
}

double TimelineGeometry::microsPerPixel() const
{
    return (m_to - m_from) / m_width;
}

void TimelineGeometry::zoom(double factor, double anchorX)
{
    if (factor <= 0)
        return;
    const double anchor = timeAt(anchorX);
    const double span
            = std::clamp((m_to - m_from) / factor, kMinMicrosPerPixel * m_width, fullSpan());
    const double ratio = anchorX / m_width;
    m_from = anchor - ratio * span;
    m_to = m_from + span;
    clamp();
}

void TimelineGeometry::pan(double dx)
{
    const double shift = dx * microsPerPixel();
    m_from += shift;
    m_to += shift;
    clamp();
}

void TimelineGeometry::ensureVisible(double time)
{
    if (time >= m_from && time <= m_to)
        return;
    const double span = m_to - m_from;
    m_from = time - span / 2;
    m_to = time + span / 2;
    clamp();
}

void TimelineGeometry::clamp()
{
    // Never wider than the whole history with its margins, and panned no further than its ends.
    double span = std::min(m_to - m_from, fullSpan());
    span = std::max(span, kMinMicrosPerPixel * m_width);
    const double margin = (m_end - m_start) * kMargin;
    const double lowest = m_start - margin;
    const double highest = m_end + margin;
    m_from = std::clamp(m_from, lowest, std::max(lowest, highest - span));
    m_to = m_from + span;
}

} // namespace Chronoscope
