#!/bin/sh
# Runs the benchmarks of an existing build; builds nothing.
#   tests/bench/run.sh <build dir> [queue_model_bench options]   both: the queue model, then the relay
#   tests/bench/run.sh <build dir> queue [options, e.g. --entries 100000]   queue_model_bench alone
#   tests/bench/run.sh <build dir> relay [options, e.g. --messages 5000]    relay_bench.py alone
#   tests/bench/run.sh <build dir> passthrough [options, e.g. --only tandem] passthrough_bench.py
#     (a Tandem Mailbox + Archive side by side with a pair of private Postfix instances)
#   tests/bench/run.sh <build dir> archive [options, e.g. --messages 20000] archive_bench.py alone
#   tests/bench/run.sh <build dir> query [options, e.g. --placements 1000000] query_bench alone
#   tests/bench/run.sh <build dir> search [options, e.g. --messages 20000]  search_bench.py alone
#     (the archive's search side by side with notmuch; installs notmuch when missing, as root)
# A Release build gives the numbers that matter:
#   cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release
#   ninja -C build-release queue_model_bench tandemd      (and query_bench for query, search)
# The relay benchmark (relay_bench.py --help) runs Tandem side by side with a private Postfix
# instance, which needs root; without root, both-mode skips it and says so. The passthrough
# benchmark (passthrough_bench.py --help) needs root for its Postfix pair too; it runs only
# when asked for.
set -eu
usage() {
    echo "usage: $0 <build dir> [queue|relay|passthrough|archive|query|search]" \
         "[options for that benchmark]" >&2
    exit 2
}
[ $# -ge 1 ] || usage
build=$1
shift
what=both
case ${1-} in
    queue|relay|passthrough|archive|query|search) what=$1; shift ;;
esac
here=$(dirname "$0")
queue_bench="$build/tests/bench/queue_model_bench"
tandemd="$build/app/tandemd/tandemd"

need() {
    if [ ! -x "$1" ]; then
        echo "$1 not found: build the target $2 in $build first" >&2
        exit 1
    fi
}
run_queue() {
    QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} "$queue_bench" "$@"
}
run_relay() {
    python3 "$here/relay_bench.py" "$build" "$@"
}

case $what in
    queue)
        need "$queue_bench" queue_model_bench
        run_queue "$@"
        ;;
    relay)
        need "$tandemd" tandemd
        run_relay "$@"
        ;;
    passthrough)
        need "$tandemd" tandemd
        python3 "$here/passthrough_bench.py" "$build" "$@"
        ;;
    archive)
        need "$tandemd" tandemd
        python3 "$here/archive_bench.py" "$build" "$@"
        ;;
    query)
        need "$build/tests/bench/query_bench" query_bench
        "$build/tests/bench/query_bench" "$@"
        ;;
    search)
        need "$tandemd" tandemd
        if ! command -v notmuch >/dev/null 2>&1; then
            if [ "$(id -u)" -eq 0 ]; then
                DEBIAN_FRONTEND=noninteractive apt-get install -y notmuch >/dev/null ||
                    { echo "apt-get install notmuch failed" >&2; exit 1; }
            else
                echo "notmuch not found: sudo apt-get install notmuch (the search benchmark" \
                     "runs it side by side), or run this as root" >&2
                exit 1
            fi
        fi
        python3 "$here/search_bench.py" "$build" "$@"
        ;;
    both)
        need "$queue_bench" queue_model_bench
        need "$tandemd" tandemd
        echo "== queue_model_bench"
        run_queue "$@"
        echo
        echo "== relay_bench.py"
        if [ "$(id -u)" -ne 0 ]; then
            echo "skipped: its Postfix side needs root (as root: $0 $build relay;" \
                 "Tandem alone: $0 $build relay --only tandem)"
        else
            run_relay
        fi
        ;;
esac
