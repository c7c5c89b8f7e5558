#!/bin/sh
# Installs the build into an empty prefix and checks what a desktop and a user rely on: the
# validators of the .desktop entry, the AppStream metainfo and the MIME package, the MIME type
# of a renamed log, the man pages, and the installed programs on the installed sample.
set -eu
cd "$(dirname "$0")/.."
BUILD="${1:-build}"
P="$(mktemp -d)"
trap 'rm -rf "$P"' EXIT
ID=dev.chronoscope.Chronoscope
cmake --install "$BUILD" --prefix "$P" >/dev/null
echo "== installed into $P"
(cd "$P" && find . -type f | sort)

echo "== versions"
"$P/bin/chronoscope-cli" --version
"$P/bin/chronoscope" --version

echo "== desktop-file-validate, appstreamcli, xmllint"
desktop-file-validate "$P/share/applications/$ID.desktop"
appstreamcli validate --no-net "$P/share/metainfo/$ID.metainfo.xml"
xmllint --noout "$P/share/mime/packages/$ID.xml"

echo "== the MIME type of a log, by name and by content"
export XDG_DATA_DIRS="$P/share:/usr/share"
update-mime-database "$P/share/mime"
cp "$P/share/chronoscope/samples/shop.chronolog" "$P/renamed.db"
for file in "$P/share/chronoscope/samples/shop.chronolog" "$P/renamed.db"; do
    type="$(xdg-mime query filetype "$file")"
    echo "$file: $type"
    [ "$type" = "application/vnd.chronoscope.log" ] || { echo "expected application/vnd.chronoscope.log"; exit 1; }
done

echo "== man pages"
for page in chronoscope chronoscope-cli; do
    file="$P/share/man/man1/$page.1"
    warnings="$(groff -man -ww -z "$file" 2>&1)"
    [ -z "$warnings" ] || { echo "$warnings"; exit 1; }
    man -l "$file" >/dev/null
done
man -l "$P/share/man/man1/chronoscope-cli.1" | grep -q "EXIT STATUS"

echo "== the installed programs on the installed sample"
"$P/bin/chronoscope-cli" info "$P/share/chronoscope/samples/shop.chronolog" | head -n 3
"$P/bin/chronoscope-cli" state "$P/share/chronoscope/samples/shop.chronolog" \
    --model "$P/share/chronoscope/models/shop-fixed.js" --path /streams/order-1 >/dev/null
# The window opens the installed sample and keeps running until it is stopped.
HOME="$P/home" QT_QPA_PLATFORM=offscreen timeout 5 "$P/bin/chronoscope" \
    "$P/share/chronoscope/samples/shop.chronolog" && status=0 || status=$?
[ "$status" -eq 124 ] || { echo "the installed window exited with $status before it was stopped"; exit 1; }
echo "install check passed"
