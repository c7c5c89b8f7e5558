#pragma once

#include <QColor>

#include <array>

namespace Chronoscope {

/// The colours the views draw with beyond QPalette's roles, by what they mean: one table for
/// the light theme and one for the dark, filled in by the window's theme (Theme::apply), so
/// that no view picks a colour or decides whether the background is dark.
struct Palette
{
    bool dark = false;
    QColor position;       ///< the replay's position: the list's arrow, the timeline's cursor
    QColor positionTint;   ///< the position's row
    QColor breakpointTint; ///< a breakpoint that was hit
    QColor editedTint;     ///< an event a branch inserted, replaced or regenerated
    QColor matchTint;      ///< a value that changed, a search hit
    QColor matchTintFaint; ///< … on the path to it
    QColor warning;        ///< a long lag, a slow gap, a stale read model
    QColor error;          ///< a broken value, an undeclared edge, an event only in A
    QColor onlyInB;        ///< an event only in B
    QColor differs;        ///< an event in both, different
    QColor onlyInATint;    ///< a member only in A
    QColor onlyInBTint;    ///< a member only in B
    QColor bookmark;       ///< a bookmark's flag
    QColor serviceFill;    ///< a service node of the event chain
    QColor jsonKey;
    QColor jsonString;
    QColor jsonNumber;
    QColor jsonLiteral;
    std::array<QColor, 7> lanes; ///< the timeline's lanes, in turn

    static Palette light();
    static Palette darkTheme();

    /// The palette in use (light until the theme sets one).
    static const Palette &current();
    static void use(const Palette &palette);
};

} // namespace Chronoscope
