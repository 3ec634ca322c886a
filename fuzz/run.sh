#!/usr/bin/env bash
# Builds the parser fuzzer with libFuzzer and runs it for a bounded time.
#
# Usage: fuzz/run.sh [extra libFuzzer flags]   (defaults: -runs=200000 -max_total_time=60)
# Environment: FUZZ_RUNS, FUZZ_SECONDS override the defaults; FUZZ_BUILD is the output folder.
set -euo pipefail

cd "$(dirname "$0")"
BUILD="${FUZZ_BUILD:-.build}"
mkdir -p "$BUILD/corpus" "$BUILD/artifacts"

SOURCES=(
    HTTPHeaders HTTPParseError HTTPParserCore HTTPParserLimits HTTPRequest HTTPRequestParser HTTPResponse
    HTTPResponseParser HTTPResponseWriter HTTPSyntax HTTPVersion Redaction
)
FILES=(FuzzParsers.swift)
for name in "${SOURCES[@]}"; do
    FILES+=("../Sources/CredsyncWire/$name.swift")
done

swiftc -sanitize=fuzzer,address -parse-as-library -O -g -module-name CredsyncWireFuzz "${FILES[@]}" \
    -o "$BUILD/fuzz-parsers"

# The seeds stay untouched; new inputs go to the build folder's corpus.
"$BUILD/fuzz-parsers" \
    -runs="${FUZZ_RUNS:-200000}" \
    -max_total_time="${FUZZ_SECONDS:-60}" \
    -max_len=4096 \
    -artifact_prefix="$BUILD/artifacts/" \
    -print_final_stats=1 \
    "$@" \
    "$BUILD/corpus" seeds
