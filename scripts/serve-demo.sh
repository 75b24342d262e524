# Sourced by scripts/load.sh and scripts/api-check.sh: a demo database in a temporary folder and a careportal serve
# on it, on a free loopback port. Sets $work, $url, $server_pid; the EXIT trap stops the server and removes $work.
#
#   start_demo_server BINARY CASES     (then: $work/demo.json holds the demo's accounts, careportal demo --json)

work=$(mktemp -d "${TMPDIR:-/tmp}/careportal-serve.XXXXXX")
server_pid=""
stop_server() {
  if [ -n "$server_pid" ]; then kill -TERM "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null; server_pid=""; fi
}
trap 'stop_server; rm -rf "$work"' EXIT
export HOME=$work XDG_STATE_HOME=$work/state XDG_DATA_HOME=$work/data

start_demo_server() {
  local bin=$1 cases=$2
  local started=$SECONDS
  "$bin" demo --db "$work/portal.sqlite3" --cases "$cases" --json > "$work/demo.json" || { echo "careportal demo failed" >&2; exit 1; }
  echo "demo database: $cases cases in $((SECONDS - started)) s, $(du -h "$work/portal.sqlite3" | cut -f1)" >&2
  "$bin" serve --db "$work/portal.sqlite3" --listen 127.0.0.1:0 > "$work/serve.out" 2> "$work/serve.log" &
  server_pid=$!
  url=""
  for _ in $(seq 1 300); do  # at most 30 s
    url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$work/serve.out" 2>/dev/null | head -1)
    [ -n "$url" ] && break
    kill -0 "$server_pid" 2>/dev/null || { echo "careportal serve exited:" >&2; cat "$work/serve.log" >&2; exit 1; }
    sleep 0.1
  done
  [ -n "$url" ] || { echo "careportal serve did not say where it listens within 30 s" >&2; exit 1; }
  echo "server: $url (pid $server_pid)" >&2
}
