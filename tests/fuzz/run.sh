#!/usr/bin/env bash
# Runs every libFuzzer target of a TANDEM_FUZZ build for a bounded time.
#   tests/fuzz/run.sh BUILD_DIR SECONDS [TARGET...]
# Each target starts from a temporary copy of its seeds (tests/fuzz/corpus/<target>/, also
# passed read-only so the repository is never written) and runs for SECONDS. FUZZ_JOBS
# targets run at once (default: 2). Exits non-zero if any target crashes, hangs or trips a
# sanitizer, printing the input that did it and the command that reproduces it.
set -uo pipefail
if [ $# -lt 2 ]; then
    echo "usage: tests/fuzz/run.sh BUILD_DIR SECONDS [TARGET...]" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "$1" && pwd) || exit 2
seconds=$2
shift 2
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_session fuzz_address fuzz_config fuzz_spool_record fuzz_extract fuzz_query fuzz_mbox)
jobs=${FUZZ_JOBS:-2}

work=$(mktemp -d "${TMPDIR:-/tmp}/tandem-fuzz.XXXXXX")
# The session target commits messages to a spool that fsyncs: on tmpfs when there is one.
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
    spool_tmp=$(mktemp -d /dev/shm/tandem-fuzz.XXXXXX)
else
    spool_tmp=$(mktemp -d "$work/spool.XXXXXX")
fi
trap 'rm -rf "$spool_tmp"' EXIT

dict_for() {
    case $1 in
    fuzz_session | fuzz_address) echo "$here/smtp.dict" ;;
    fuzz_extract | fuzz_mbox) echo "$here/mime.dict" ;;
    fuzz_query) echo "$here/query.dict" ;;
    *) echo "$here/json.dict" ;;
    esac
}

run_one() { # run_one TARGET
    local t=$1 bin=$build/tests/fuzz/$1 dir=$work/$1
    mkdir -p "$dir/corpus" "$dir/artifacts"
    cp -a "$here/corpus/$t/." "$dir/corpus/"
    local extra=()
    # Qt keeps per-connection state in caches that outlive one input, so libFuzzer would run
    # LeakSanitizer's full scan after every input (25 ms each); leak checks stay on elsewhere.
    [ "$t" = fuzz_session ] && extra+=(-detect_leaks=0)
    TANDEM_FUZZ_TMPDIR=$spool_tmp \
    ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1} \
    UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
        timeout -k 10 $((seconds + 120)) "$bin" -max_total_time="$seconds" -rss_limit_mb=2048 \
        -timeout=25 -print_final_stats=1 -dict="$(dict_for "$t")" \
        -artifact_prefix="$dir/artifacts/" "${extra[@]}" "$dir/corpus" "$here/corpus/$t" \
        >"$dir/log" 2>&1
    echo $? >"$dir/rc"
}

for t in "${targets[@]}"; do
    if [ ! -x "$build/tests/fuzz/$t" ]; then
        echo "== fuzz: $build/tests/fuzz/$t is missing (configure with -DTANDEM_FUZZ=ON)" >&2
        exit 2
    fi
done

echo "== fuzz: ${targets[*]}, ${seconds}s each, $jobs at a time (work: $work)"
running=0
for t in "${targets[@]}"; do
    run_one "$t" &
    running=$((running + 1))
    if [ "$running" -ge "$jobs" ]; then
        wait -n
        running=$((running - 1))
    fi
done
wait

failed=0
for t in "${targets[@]}"; do
    dir=$work/$t
    rc=$(cat "$dir/rc" 2>/dev/null || echo 1)
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/log" | tail -1)
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$dir/log" | tail -1)
    cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+' "$dir/log" | tail -1)
    if [ "$rc" = 0 ]; then
        printf '   %-18s ok: %s runs, %s exec/s, %s\n' "$t" "${runs:-?}" "${speed:-?}" "$cov"
        continue
    fi
    failed=1
    echo "== fuzz: $t FAILED (exit $rc); the end of its log ($dir/log):"
    grep -vE '^(INFO|#[0-9]+)' "$dir/log" | tail -60
    found=0
    for a in "$dir"/artifacts/*; do
        [ -e "$a" ] || continue
        found=1
        echo "   input:     $a"
        echo "   reproduce: $build/tests/fuzz/$t $a"
        echo "   keep it:   fix the bug, then cp $a $here/corpus/$t/crash-<name>"
    done
    [ "$found" = 1 ] || echo "   (no input saved: see the log; exit 124 means the run overran its time)"
done
if [ "$failed" = 0 ]; then
    rm -rf "$work"
    exit 0
fi
echo "== fuzz: failures kept in $work"
exit 1
