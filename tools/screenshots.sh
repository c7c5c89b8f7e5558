#!/bin/sh
# Regenerates the README's screenshots from the real application on the bundled sample: the
# window replayed to the refund of the over-charge (event 358), light, dark and at 2x scale.
# Usage: tools/screenshots.sh [BUILD_DIR]   (offscreen: no display needed)
set -eu
build=${1:-build}
out=docs/screenshots
mkdir -p "$out"
export QT_QPA_PLATFORM=offscreen
app="$build/app/gui/chronoscope"
"$app" --at 358 --size 1400x860 --theme light --screenshot "$out/debugger.png"
"$app" --at 358 --size 1400x860 --theme dark --screenshot "$out/debugger-dark.png"
QT_SCALE_FACTOR=2 "$app" --at 358 --size 1400x860 --theme light --screenshot "$out/debugger-2x.png"
echo "wrote $out/debugger.png, debugger-dark.png, debugger-2x.png"
# The history panels (branches, compare view, event chain, projections), from the widget test
# that drives them on the same sample.
CHRONOSCOPE_SCREENSHOTS="$PWD/$out" "$build/tests/views/tst_historypanels" >/dev/null
echo "wrote $out/branches.png, compare.png, event-chain.png, projections.png"
