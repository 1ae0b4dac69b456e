#!/usr/bin/env bash
# Installs every Debian 12 package Tryggkarta needs to build, run and test.
# Idempotent; run as root (or through sudo). Set TRYGG_SKIP_APT=1 to skip.
set -euo pipefail

if [[ "${TRYGG_SKIP_APT:-0}" == 1 ]]; then
    exit 0
fi

# Arguments, when given, name other packages to install the same way (scripts/fuzz.sh's
# clang toolchain) instead of the project's list.
packages=(
    build-essential cmake ninja-build pkg-config git ccache
    qt6-base-dev qt6-base-dev-tools qt6-positioning-dev libqt6positioning6-plugins qt6-svg-dev qt6-charts-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    libqt6svg6 libqt6opengl6-dev libgl-dev
    libgdal-dev gdal-bin proj-bin proj-data libsqlite3-dev
    libboost-dev
    catch2 nlohmann-json3-dev libcli11-dev libbenchmark-dev
    xvfb xauth fonts-dejavu-core poppler-utils
    postgresql-15 postgresql-15-postgis-3
)
if (($# > 0)); then
    packages=("$@")
fi

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if ((${#missing[@]} == 0)); then
    echo "setup: all ${#packages[@]} packages present"
    exit 0
fi

SUDO=""
if [[ $(id -u) -ne 0 ]]; then
    SUDO="sudo"
fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${packages[@]}"
