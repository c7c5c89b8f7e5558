#!/bin/sh
# Builds the core's libFuzzer targets with clang (AddressSanitizer, UndefinedBehaviorSanitizer)
# and runs each for a bounded time: FUZZ_SECONDS each (default 60). Seeds: tests/fuzz/corpus/,
# and for the file readers the event files of ../shared/corpus/ when that folder is there.
# Fails on any crash, leak or timeout; the input that did it is in build-fuzz/artifacts/ — add it
# to tests/fuzz/regressions/TARGET/ so that every ctest run checks it from then on.
set -eu
cd "$(dirname "$0")/.."
SECONDS_EACH="${FUZZ_SECONDS:-60}"
BUILD=build-fuzz
CC=clang CXX=clang++ cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCHRONOSCOPE_FUZZ=ON >/dev/null
cmake --build "$BUILD"
mkdir -p "$BUILD/artifacts"
SHARED=../shared/corpus
status=0
for target in eventreader mappers revision jsonpointer branchedit; do
    work="$BUILD/corpus/$target" # what the fuzzer finds; the checked-in seeds stay as they are
    mkdir -p "$work"
    seeds="tests/fuzz/corpus/$target tests/fuzz/regressions/$target"
    if [ "$target" = mappers ] && [ -d "$SHARED" ]; then
        mkdir -p "$BUILD/shared-seeds"
        find "$SHARED" -name '*.json' -size -64k -exec cp {} "$BUILD/shared-seeds/" \;
        seeds="$seeds $BUILD/shared-seeds"
    fi
    echo "== fuzz_$target for ${SECONDS_EACH} s"
    if ! ASAN_OPTIONS=detect_leaks=1 \
         LSAN_OPTIONS=suppressions=tests/lsan.supp \
         UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
         "$BUILD/tests/fuzz/fuzz_$target" "$work" $seeds \
             -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
             -print_final_stats=1 -artifact_prefix="$BUILD/artifacts/$target-" \
             > "$BUILD/fuzz_$target.log" 2>&1; then
        tail -n 60 "$BUILD/fuzz_$target.log"
        echo "fuzz_$target FAILED; the input is in $BUILD/artifacts/"
        status=1
    else
        grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$BUILD/fuzz_$target.log" || true
    fi
done
exit $status
