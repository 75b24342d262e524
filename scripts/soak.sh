#!/usr/bin/env bash
# Soak test: N writer processes file cases, post messages and read one database for a while, and a killer
# `kill -9`s their careportal commands at random. Then every acknowledged (exit 0) command must have exactly one
# history event, nothing may be duplicated, and SQLite's integrity check and the search index's must pass.
#
#   scripts/soak.sh [--writers N] [--seconds S] [--binary PATH] [--cases N]
#
# Prints the counts; exits 1 if a check fails or a command failed other than by being killed.
set -uo pipefail

writers=6 seconds=60 cases=200 bin=.build/release/careportal
while [ $# -gt 0 ]; do
  case "$1" in
    --writers) writers=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --binary) bin=$2; shift 2 ;;
    --cases) cases=$2; shift 2 ;;
    *) echo "soak: unknown option $1 (--writers N, --seconds S, --binary PATH, --cases N)" >&2; exit 2 ;;
  esac
done
command -v sqlite3 >/dev/null || { echo "soak: needs the sqlite3 shell (apt-get install sqlite3)" >&2; exit 2; }
[ -x "$bin" ] || { echo "soak: no binary at $bin (make release)" >&2; exit 2; }
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")

work=$(mktemp -d "${TMPDIR:-/tmp}/careportal-soak.XXXXXX")
trap 'rm -rf "$work"' EXIT
export HOME=$work XDG_STATE_HOME=$work/state XDG_DATA_HOME=$work/data CAREPORTAL_DB=$work/portal.sqlite3
db=$CAREPORTAL_DB
agent=alice@cloudpartners.example

"$bin" demo --cases "$cases" --seed 11 >/dev/null || { echo "soak: demo failed" >&2; exit 1; }
echo "alice-11-portal" | "$bin" login --user "$agent" --password-stdin >/dev/null || { echo "soak: login failed" >&2; exit 1; }
# Open cases of customers that granted access (Harbor Health Clinics never did).
"$bin" cases --as "$agent" --filter "is:open -customer:harbor" --limit 500 --csv | tail -n +2 | cut -d, -f1 | grep -E '^[0-9]{8}$' > "$work/open-cases"
mapfile -t open_cases < "$work/open-cases"
[ "${#open_cases[@]}" -gt 0 ] || { echo "soak: the demo has no open case for $agent" >&2; exit 1; }
customer=acme-logistics.example
deadline=$(( $(date +%s) + seconds ))

# One writer: runs one careportal command at a time (its pid in w$N.pid for the killer), and records each
# command's exit code and, when it is acknowledged, the token its history event carries.
writer() {
  local w=$1 i=0 kind token rc
  local -a args
  while [ "$(date +%s)" -lt "$deadline" ]; do
    i=$((i + 1)); token="soak w$w n$i"
    case $((RANDOM % 10)) in
      0|1|2|3|4) kind=message; args=(case message "${open_cases[RANDOM % ${#open_cases[@]}]}" --message "$token") ;;
      5|6) kind=case; args=(case create --customer "$customer" --title "$token" --category "Gmail > Delivery > Messages delayed"
                           --description "Soak test case." --severity P3) ;;
      7|8) kind=read; args=(cases --filter "soak" --limit 20 --json) ;;
      *) kind=read; args=(case show "${open_cases[RANDOM % ${#open_cases[@]}]}" --json) ;;
    esac
    "$bin" "${args[@]}" --as "$agent" >/dev/null 2>"$work/w$w.err" &
    echo $! > "$work/w$w.pid"
    wait $!; rc=$?
    echo "$kind $rc" >> "$work/w$w.codes"
    if [ $rc -eq 0 ] && [ $kind != read ]; then echo "$kind,$token" >> "$work/w$w.acked"; fi
    if [ $rc -ne 0 ] && [ $rc -ne 137 ]; then { echo "w$w $kind exit $rc: $(cat "$work/w$w.err")"; } >> "$work/failures"; fi
  done
  rm -f "$work/w$w.pid"
}

# The killer: every 0.2–1.2 s, kill -9 the careportal command one writer is running (only a careportal process
# whose parent is that writer, so a reused pid is never hit).
killer() {
  local w pid
  while [ "$(date +%s)" -lt "$deadline" ]; do
    sleep "0.$((2 + RANDOM % 10))"
    w=$((RANDOM % writers + 1))
    pid=$(cat "$work/w$w.pid" 2>/dev/null) || continue
    [ -n "$pid" ] || continue
    [ "$(ps -o ppid= -p "$pid" 2>/dev/null | tr -d ' ')" = "$(cat "$work/w$w.ppid" 2>/dev/null)" ] || continue
    [ "$(ps -o comm= -p "$pid" 2>/dev/null)" = careportal ] || continue
    kill -9 "$pid" 2>/dev/null && echo "$w" >> "$work/kills"
  done
}

pids=()
for w in $(seq 1 "$writers"); do
  # The shell's own "Killed" notices go nowhere: every outcome is in the writer's files.
  ( echo "$BASHPID" > "$work/w$w.ppid"; writer "$w" ) 2>/dev/null &
  pids+=($!)
done
killer &
killer_pid=$!
wait "${pids[@]}"
wait "$killer_pid"

cat "$work"/w*.acked 2>/dev/null > "$work/acked.csv"
count() { grep -c "$1" "$2" 2>/dev/null || true; }
run=$(cat "$work"/w*.codes | wc -l)
acked_messages=$(count '^message,' "$work/acked.csv")
acked_cases=$(count '^case,' "$work/acked.csv")
reads=$(cat "$work"/w*.codes | grep -c '^read 0$' || true)
killed=$(cat "$work"/w*.codes | grep -c ' 137$' || true)
failed=$(cat "$work/failures" 2>/dev/null | wc -l)

checks=$(sqlite3 -batch "$db" <<SQL
CREATE TEMP TABLE acked (kind TEXT, token TEXT);
.mode csv
.import $work/acked.csv acked
.mode list
CREATE TEMP TABLE events AS SELECT kind, text, COUNT(*) AS n FROM history WHERE text LIKE 'soak w% n%' OR text LIKE 'Filed for %' GROUP BY kind, text;
CREATE TEMP TABLE titles AS SELECT title, COUNT(*) AS n, MIN(id) AS id FROM support_case WHERE title LIKE 'soak w% n%' GROUP BY title;
SELECT 'messages without exactly one event', COUNT(*) FROM acked a WHERE a.kind = 'message'
  AND COALESCE((SELECT n FROM events e WHERE e.kind = 'message' AND e.text = a.token), 0) <> 1;
SELECT 'cases without exactly one case and one created event', COUNT(*) FROM acked a WHERE a.kind = 'case'
  AND (COALESCE((SELECT n FROM titles t WHERE t.title = a.token), 0) <> 1
       OR (SELECT COUNT(*) FROM history h JOIN titles t ON h.case_id = t.id WHERE t.title = a.token AND h.kind = 'created') <> 1);
SELECT 'duplicated messages', COUNT(*) FROM events WHERE kind = 'message' AND text LIKE 'soak w% n%' AND n > 1;
SELECT 'duplicated cases', COUNT(*) FROM titles WHERE n > 1;
SELECT 'cases without their search row', COUNT(*) FROM support_case c WHERE NOT EXISTS (SELECT 1 FROM case_search s WHERE s.rowid = c.search_key);
SELECT 'cases keyed out of update order', COUNT(*) FROM support_case WHERE search_key IS NULL OR search_key <= 0;
SELECT 'search keys against update order', COUNT(*) FROM (SELECT updated_at AS u, id AS i,
  lag(updated_at) OVER (ORDER BY search_key) AS pu, lag(id) OVER (ORDER BY search_key) AS pi FROM support_case)
  WHERE pu IS NOT NULL AND (pu, pi) >= (u, i);
SELECT 'search rows without their case', (SELECT COUNT(*) FROM case_search) - (SELECT COUNT(*) FROM support_case);
SELECT 'acknowledged messages the search misses', COUNT(*) FROM acked a WHERE a.kind = 'message'
  AND NOT EXISTS (SELECT 1 FROM case_search WHERE case_search MATCH '"' || a.token || '"');
SELECT 'foreign key problems', COUNT(*) FROM pragma_foreign_key_check;
SELECT 'integrity_check', group_concat(integrity_check, '; ') FROM pragma_integrity_check;
INSERT INTO case_search (case_search, rank) VALUES ('integrity-check', 1);
SELECT 'fts integrity-check', 'ok';
SQL
) || { echo "soak: the checks failed to run: $checks" >&2; exit 1; }

echo "soak: $writers writers for $seconds s on a $cases-case demo database, kill -9 at random"
echo "commands: $run run; acknowledged: $acked_messages messages, $acked_cases new cases, $reads reads; killed: $killed; failed otherwise: $failed"
echo "$checks" | sed 's/|/: /; s/^/check: /'
[ "$failed" -eq 0 ] || { echo "soak: commands failed:"; head -20 "$work/failures"; }
bad=$(echo "$checks" | grep -vE '\|0$|\|ok$' || true)
[ -z "$bad" ] && [ "$failed" -eq 0 ] && [ $((acked_messages + acked_cases)) -gt 0 ] || { echo "soak: FAILED"; exit 1; }
echo "soak: passed"
