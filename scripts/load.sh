#!/usr/bin/env bash
# Load run: a demo database of CASES cases in a temporary folder, `careportal serve` on it on a free loopback port,
# then `careportal bench load`: AGENTS simulated agents over HTTP for SECONDS (list pages with and without filters and
# their next pages, cases opened, messages posted, counts). Prints p50/p95/p99 per request kind and the errors; the
# server is stopped and the folder removed at the end.
#
#   scripts/load.sh [--agents N] [--seconds S] [--cases N] [--think-ms MS] [--db postgresql://…] [--binary PATH] [--json]
set -uo pipefail

agents=50 seconds=60 cases=100000 think=100 bin=.build/release/careportal json="" db=""
while [ $# -gt 0 ]; do
  case "$1" in
    --agents) agents=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --cases) cases=$2; shift 2 ;;
    --think-ms) think=$2; shift 2 ;;
    --db) db=$2; shift 2 ;;
    --binary) bin=$2; shift 2 ;;
    --json) json=--json; shift ;;
    *) echo "load: unknown option $1 (--agents N, --seconds S, --cases N, --think-ms MS, --db postgresql://…, --binary PATH, --json)" >&2; exit 2 ;;
  esac
done
[ -x "$bin" ] || { echo "load: no binary at $bin (make release)" >&2; exit 2; }
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
. "$(dirname "$0")/serve-demo.sh"

start_demo_server "$bin" "$cases" "$db"
"$bin" bench load --server "$url" --accounts "$work/demo.json" --agents "$agents" --seconds "$seconds" --think-ms "$think" $json
rc=$?
echo "server log: $(wc -l < "$work/serve.log") lines; status 5xx: $(grep -c ' status=5' "$work/serve.log")" >&2
exit $rc
