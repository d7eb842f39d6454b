#!/usr/bin/env bash
# Renders every Options dialog, every page of the role wizard, the queue window (filled with
# typical entries), the search window (on a small archive) and the main window into
# docs/screenshots/, on an Xvfb display (the real xcb platform, as on a desktop), from an
# existing build:
#   scripts/screenshots.sh [BUILD_DIR] [LANGUAGE]
# LANGUAGE de or fr renders the dialogs, the wizard's pages and the search window translated into
# docs/screenshots/<language>/, to check that the labels still fit; those are for looking at,
# not committed.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
language=${2:-}
scripts/dev.sh deps >/dev/null
out=$PWD/docs/screenshots${language:+/$language}
mkdir -p "$out"
export QT_QPA_PLATFORM=xcb TANDEM_LANGUAGE="$language"
shoot() { # shoot TEST_PROGRAM ARGS... (under Xvfb, with a private keyring)
    xvfb-run -a -s "-screen 0 1920x1200x24" tests/gui/with-keyring.sh "$@"
}
shoot env TANDEM_SCREENSHOTS="$out" "$build/tests/gui/tst_dialogs" screenshots
shoot env TANDEM_SCREENSHOTS="$out" "$build/tests/gui/tst_archivetab" screenshot
shoot env TANDEM_SCREENSHOTS="$out" "$build/tests/gui/tst_searchwindow" screenshot
shoot env TANDEM_SCREENSHOTS_DIR="$out" "$build/tests/gui/tst_wizard" screenshots
if [ -z "$language" ]; then
    shoot env TANDEM_SCREENSHOTS="$out" "$build/tests/gui/tst_mainwindow" screenshot
    shoot env TANDEM_SCREENSHOTS="$out" "$build/tests/gui/tst_queuewindow" screenshot
fi
ls "$out"
