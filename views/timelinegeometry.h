#pragma once

#include <cstdint>

namespace Chronoscope {

/// The timeline's mapping between time (µs since the epoch) and pixels: the visible time range
/// over a width, zoomed around a point and panned, never zoomed out past the whole history (with
/// a margin) nor in past a microsecond per ten pixels. No painting here: tested without a GUI.
class TimelineGeometry
{
public:
    /// The history's time range; shows all of it.
    void setRange(int64_t start, int64_t end);
    void setWidth(double pixels);
    double width() const { return m_width; }

    double visibleFrom() const { return m_from; }
    double visibleTo() const { return m_to; }
    void setVisible(double from, double to);
    void showAll();

    double xOf(double time) const;
    double timeAt(double x) const;
    double microsPerPixel() const;

    /// Zooms by `factor` (> 1 in, < 1 out) keeping the time under `anchorX` where it is.
    void zoom(double factor, double anchorX);
    /// Moves the visible range by `dx` pixels (positive: later times come into view).
    void pan(double dx);
    /// Moves the visible range so that `time` is in view, centred if it was not.
    void ensureVisible(double time);

private:
    void clamp();
    double fullSpan() const;

    double m_start = 0;
    double m_end = 1;
    double m_from = 0;
    double m_to = 1;
    double m_width = 1;
};

} // namespace Chronoscope
