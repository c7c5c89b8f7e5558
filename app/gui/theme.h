#pragma once

class QApplication;

namespace Chronoscope::Theme {

/// The Fusion style with a light or a dark palette, QPalette's roles and the views' own colours
/// (Palette); the choice is kept in the settings.
void apply(bool dark);
bool isDark();
/// Applies the theme saved in the settings (light the first time).
void applySaved();

} // namespace Chronoscope::Theme
