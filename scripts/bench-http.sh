#!/usr/bin/env bash
# Compares the credsync HTTP server with a minimal Node `http` server doing the same work, using wrk.
#
# Both answer every request with a small JSON body after reading the request body. wrk sends POST requests with a
# small JSON body over keep-alive connections. The two servers take turns for ROUNDS rounds, so that load from other
# processes hits both alike; prints the median requests/s and p99 latency of each, and the ratios.
#
# Environment: DURATION (seconds per run, default 5), ROUNDS (default 3), CONNECTIONS (default 50),
# THREADS (wrk threads, default 1),
# SCRATCH (SwiftPM scratch path, default /tmp/credsync-bench-build), SKIP_BUILD=1 to use the binary already there.
set -euo pipefail

cd "$(dirname "$0")/.."
DURATION="${DURATION:-5}"
ROUNDS="${ROUNDS:-3}"
CONNECTIONS="${CONNECTIONS:-50}"
THREADS="${THREADS:-1}"
SCRATCH="${SCRATCH:-/tmp/credsync-bench-build}"
SERVE_SECONDS=$(((DURATION + 2) * ROUNDS * 2 + 30))

if ! command -v wrk >/dev/null; then
    echo "installing wrk" >&2
    apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi
command -v node >/dev/null || { echo "node is required" >&2; exit 1; }

if [ "${SKIP_BUILD:-0}" != 1 ]; then
    swift build -c release --scratch-path "$SCRATCH" --product credsync >&2
fi
BINARY="$SCRATCH/release/credsync"

WORK="$(mktemp -d)"
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT

cat >"$WORK/post.lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"hello":"world","numbers":[1,2,3]}'
wrk.headers["Content-Type"] = "application/json"
LUA

cat >"$WORK/server.js" <<'JS'
const http = require('http');
const server = http.createServer((request, response) => {
    let received = 0;
    request.on('data', (chunk) => { received += chunk.length; });
    request.on('end', () => {
        const body = JSON.stringify({ ok: true, received });
        response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
        response.end(body);
    });
});
server.listen(0, '127.0.0.1', () => {
    console.log(`listening on http://127.0.0.1:${server.address().port}`);
});
setTimeout(() => process.exit(0), Number(process.argv[2]) * 1000);
JS

# Starts a server in the background (recording its PID for cleanup) and waits until it says where it listens.
start() {
    local name="$1"
    shift
    "$@" >"$WORK/$name.out" 2>"$WORK/$name.err" &
    PIDS+=("$!")
    for _ in $(seq 1 100); do
        if grep -q "listening on" "$WORK/$name.out"; then
            return 0
        fi
        sleep 0.1
    done
    echo "$name did not start (for credsync: is the 'bench http' subcommand wired to HTTPBenchmark.run?)" >&2
    cat "$WORK/$name.out" "$WORK/$name.err" >&2
    exit 1
}

# The URL a started server printed.
url_of() {
    sed -n 's/^listening on //p' "$WORK/$1.out" | head -n 1
}

# Runs wrk against a URL; prints "requests_per_second p99_milliseconds".
measure() {
    local url="$1" name="$2"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d1s -s "$WORK/post.lua" "$url/" >/dev/null
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$WORK/post.lua" "$url/" >"$WORK/$name.wrk"
    local rps p99
    rps="$(awk '/^Requests\/sec:/ { print $2 }' "$WORK/$name.wrk")"
    p99="$(awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v = v / 1000 }
        else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v = v * 1000 }
        print v }' "$WORK/$name.wrk")"
    if grep -q "Non-2xx\|Socket errors" "$WORK/$name.wrk"; then
        grep "Non-2xx\|Socket errors" "$WORK/$name.wrk" | sed "s/^/$name: /" >&2
    fi
    echo "$rps $p99"
}

start credsync "$BINARY" bench http --seconds "$SERVE_SECONDS"
start node node "$WORK/server.js" "$SERVE_SECONDS"
CREDSYNC_URL="$(url_of credsync)"
NODE_URL="$(url_of node)"

# Median of the numbers given, one per line.
median() {
    sort -g | awk '{ values[NR] = $1 } END { print (NR % 2) ? values[(NR + 1) / 2] : (values[NR / 2] + values[NR / 2 + 1]) / 2 }'
}

: >"$WORK/credsync.results"
: >"$WORK/node.results"
for round in $(seq 1 "$ROUNDS"); do
    measure "$CREDSYNC_URL" credsync >>"$WORK/credsync.results"
    measure "$NODE_URL" node >>"$WORK/node.results"
    echo "round $round: credsync $(tail -n 1 "$WORK/credsync.results"), node $(tail -n 1 "$WORK/node.results")" >&2
done

CREDSYNC_RPS="$(cut -d' ' -f1 "$WORK/credsync.results" | median)"
CREDSYNC_P99="$(cut -d' ' -f2 "$WORK/credsync.results" | median)"
NODE_RPS="$(cut -d' ' -f1 "$WORK/node.results" | median)"
NODE_P99="$(cut -d' ' -f2 "$WORK/node.results" | median)"

echo "wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s, POST with a 35-byte JSON body, $(nproc) cores, median of $ROUNDS rounds"
printf '%-10s %14s %12s\n' server "requests/s" "p99 (ms)"
printf '%-10s %14.0f %12.2f\n' credsync "$CREDSYNC_RPS" "$CREDSYNC_P99"
printf '%-10s %14.0f %12.2f\n' node "$NODE_RPS" "$NODE_P99"
awk -v a="$CREDSYNC_RPS" -v b="$NODE_RPS" -v c="$CREDSYNC_P99" -v d="$NODE_P99" \
    'BEGIN { printf "ratio credsync/node: throughput %.2f, p99 %.2f\n", a / b, c / d }'
