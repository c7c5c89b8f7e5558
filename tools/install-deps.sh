#!/bin/sh
# Installs what Chronoscope needs to build, test and run on Debian 12 (bookworm), with apt-get.
set -eu
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends \
    ca-certificates cmake ninja-build g++ pkg-config \
    qt6-base-dev qt6-declarative-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools \
    qt6-qpa-plugins libqt6svg6 qt6-svg-dev libgl-dev libgraphviz-dev graphviz \
    libsqlite3-dev sqlite3 nlohmann-json3-dev libsimdjson-dev \
    libpq-dev postgresql-15 libnats-dev nats-server \
    fonts-dejavu-core \
    clang libclang-rt-14-dev \
    desktop-file-utils appstream shared-mime-info libxml2-utils groff-base man-db xdg-utils \
    libfile-mimeinfo-perl
