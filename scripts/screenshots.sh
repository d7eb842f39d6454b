#!/usr/bin/env bash
# Renders every Options dialog, every page of the role wizard, the queue window and the main
# window into docs/screenshots/ (offscreen, from an existing build):
#   scripts/screenshots.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
out=$PWD/docs/screenshots
mkdir -p "$out"
export QT_QPA_PLATFORM=offscreen
tests/gui/with-keyring.sh env TANDEM_SCREENSHOTS="$out" "$build/tests/gui/tst_dialogs" screenshots
tests/gui/with-keyring.sh env TANDEM_SCREENSHOTS_DIR="$out" "$build/tests/gui/tst_wizard" screenshots
tests/gui/with-keyring.sh env TANDEM_SCREENSHOTS="$out" "$build/tests/gui/tst_mainwindow" screenshot
ls "$out"
