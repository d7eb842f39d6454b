#!/bin/sh
# Runs the benchmarks of an existing build; builds nothing.
#   tests/bench/run.sh <build dir> [queue_model_bench options, e.g. --entries 100000]
# A Release build gives the numbers that matter:
#   cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release && ninja -C build-release queue_model_bench
set -eu
if [ $# -lt 1 ]; then
    echo "usage: $0 <build dir> [options for queue_model_bench]" >&2
    exit 2
fi
build=$1
shift
bench="$build/tests/bench/queue_model_bench"
if [ ! -x "$bench" ]; then
    echo "$bench not found: build the target queue_model_bench in $build first" >&2
    exit 1
fi
QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} exec "$bench" "$@"
