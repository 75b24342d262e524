# Sourced by scripts/load.sh and scripts/api-check.sh: a demo database in a temporary folder and a careportal serve
# on it, on a free loopback port. Sets $work, $url, $server_pid; the EXIT trap stops the server and removes $work.
#
#   start_demo_server BINARY CASES [DB]     (then: $work/demo.json holds the demo's accounts, careportal demo --json)
#
# DB, a postgresql://… database, serves instead of a file: an empty one gets the demo; one that already holds an
# organisation (a benchmark's, `careportal bench --db postgresql://…`) is served as it is, with the demo's accounts.

work=$(mktemp -d "${TMPDIR:-/tmp}/careportal-serve.XXXXXX")
server_pid=""
stop_server() {
  if [ -n "$server_pid" ]; then kill -TERM "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null; server_pid=""; fi
}
trap 'stop_server; rm -rf "$work"' EXIT
export HOME=$work XDG_STATE_HOME=$work/state XDG_DATA_HOME=$work/data

start_demo_server() {
  local bin=$1 cases=$2 db=${3:-}
  local started=$SECONDS
  if [ -z "$db" ]; then
    db=$work/portal.sqlite3
    "$bin" demo --db "$db" --cases "$cases" --json > "$work/demo.json" || { echo "careportal demo failed" >&2; exit 1; }
    echo "demo database: $cases cases in $((SECONDS - started)) s, $(du -h "$db" | cut -f1)" >&2
  elif "$bin" demo --db "$db" --cases "$cases" --json > "$work/demo.json" 2> "$work/demo.err"; then
    echo "demo database: $cases cases in $db in $((SECONDS - started)) s" >&2
  elif grep -q "already holds an organisation" "$work/demo.err"; then
    # The demo's accounts are the same whatever its size: read them from a small one.
    "$bin" demo --db "$work/accounts.sqlite3" --cases 10 --json > "$work/demo.json" || { echo "careportal demo failed" >&2; exit 1; }
    echo "serving the organisation already in $db" >&2
  else
    cat "$work/demo.err" >&2; exit 1
  fi
  "$bin" serve --db "$db" --listen 127.0.0.1:0 > "$work/serve.out" 2> "$work/serve.log" &
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
