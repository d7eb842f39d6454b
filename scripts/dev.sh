#!/usr/bin/env bash
# Tandem's one entry point for a fresh Debian 12 machine.
#   scripts/dev.sh run    install what is missing, build, run the console (or tandemd
#                         on run/tandem.json when there is no display)
#   scripts/dev.sh test   install what is missing, build, run every test with ctest, then
#                         the same tests again in an AddressSanitizer+UBSan build, then each
#                         libFuzzer target of tests/fuzz for a minute (clang build-fuzz/)
#   scripts/dev.sh deps   only install what is missing (and unpack Exim, a test peer)
set -euo pipefail
cd "$(dirname "$0")/.."
top=$PWD
jobs=$(nproc)

packages=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    libgl-dev zlib1g-dev libssl-dev libgmime-3.0-dev libzstd-dev libsqlite3-dev libarchive-dev libqt6svg6 qtkeychain-qt6-dev gnome-keyring dbus dbus-x11
    python3 swaks postfix s-nail dovecot-imapd dnsmasq-base openssl libnet-ssleay-perl libio-socket-ssl-perl libauthen-sasl-perl
    clang libclang-rt-14-dev
    xvfb xauth fonts-dejavu-core
)

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_deps() {
    local missing=()
    for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "== installing: ${missing[*]}"
        as_root apt-get update -qq
        # Postfix is a test peer (smtp-sink, smtp-source) and a benchmark yardstick, never
        # configured as this machine's mailer.
        echo "postfix postfix/main_mailer_type select No configuration" | as_root debconf-set-selections
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
    fi
}

# Exim 4 is a test peer (test_interop.WithExim), but it cannot be installed beside Postfix (both
# provide mail-transport-agent): its package and libidn12, the one library of its that the
# packages above do not bring, are only unpacked into build-deps/exim4, never installed.
unpack_exim() {
    local dest="$top/build-deps/exim4"
    [ -x "$dest/usr/sbin/exim4" ] && return 0
    local tmp
    tmp=$(mktemp -d)
    chmod 755 "$tmp" # apt's download user writes there
    if ! (cd "$tmp" && apt-get download -qq exim4-daemon-light libidn12 2>/dev/null); then
        as_root apt-get update -qq
        if ! (cd "$tmp" && apt-get download -qq exim4-daemon-light libidn12); then
            echo "== Exim not unpacked (apt-get download failed): test_interop.WithExim skips"
            rm -rf "$tmp"
            return 0
        fi
    fi
    rm -rf "$dest.new"
    mkdir -p "$dest.new"
    for deb in "$tmp"/*.deb; do
        dpkg -x "$deb" "$dest.new"
    done
    mv "$dest.new" "$dest"
    rm -rf "$tmp"
    echo "== unpacked Exim into $dest"
}

build() { # build DIR [cmake args...]
    local dir=$1; shift
    cmake -S "$top" -B "$dir" -G Ninja "$@" >/dev/null
    cmake --build "$dir" -j "$jobs"
}

run_tests() { # run_tests DIR LABEL
    echo "== tests: $2"
    (cd "$1" && QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j "$jobs" --timeout 600)
}

case "${1:-}" in
deps)
    install_deps
    unpack_exim
    ;;
run)
    install_deps
    build "$top/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo
    mkdir -p "$top/run"
    config="$top/run/tandem.json"
    if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
        # No configuration yet: the console starts with the role wizard and writes it.
        exec "$top/build/app/tandem/tandem" --config "$config"
    else
        [ -f "$config" ] || "$top/build/app/tandemd/tandemd" --print-default-config > "$config"
        echo "== no display: running tandemd on $config (Ctrl-C stops it)"
        exec "$top/build/app/tandemd/tandemd" --config "$config"
    fi
    ;;
test)
    install_deps
    unpack_exim
    build "$top/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo
    run_tests "$top/build" "release build"
    build "$top/build-asan" -DCMAKE_BUILD_TYPE=Debug -DTANDEM_SANITIZE=ON
    ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        run_tests "$top/build-asan" "AddressSanitizer + UndefinedBehaviorSanitizer build"
    # libFuzzer needs clang; only the fuzz targets and the engine they link are built.
    echo "== fuzz: building the libFuzzer targets"
    CC=clang CXX=clang++ cmake -S "$top" -B "$top/build-fuzz" -G Ninja \
        -DTANDEM_FUZZ=ON -DTANDEM_BUILD_TESTS=OFF >/dev/null
    cmake --build "$top/build-fuzz" -j "$jobs" --target fuzz
    tests/fuzz/run.sh "$top/build-fuzz" 60
    # Every step above stops the script on a failure, so reaching here means all passed.
    tests=$(( $(cd "$top/build" && ctest -N | sed -n 's/^Total Tests: //p') +
              $(cd "$top/build-asan" && ctest -N | sed -n "s/^Total Tests: //p") + 7 ))
    echo "== summary: ctest in both builds and the 7 fuzz targets"
    echo "tests: $tests passed, 0 failed"
    ;;
*)
    echo "usage: scripts/dev.sh run|test|deps" >&2
    exit 2
    ;;
esac
