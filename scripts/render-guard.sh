#!/usr/bin/env bash
# The render path's instructions per frame (a key through reduce, the render and the diff, no query), counted by
# valgrind's callgrind inside `renderPathFrames` alone on a 10,000-case benchmark database: a count that doesn't
# depend on the machine's load. `--check` fails when a move exceeds its bound; `--profile` also prints where the
# instructions go. Used by `make test` (render-guard) and `make render-profile`.
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=${1:-}
BIN=.build/release/careportal
FRAMES=100
# Bounds, instructions per frame (measured 2.94 M for j and 3.57 M for pgdn at 120×40 when they were set, with cells
# that hold their grapheme inline; 3.84 M and 4.60 M before).
declare -A BOUND=([j]=3500000 [pgdn]=4300000)
command -v valgrind >/dev/null || { echo "render-guard: valgrind is not installed (apt-get install valgrind)" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# valgrind 3.19 can't read the Swift toolchain's debug information: a copy without it keeps the symbols it needs.
cp "$BIN" "$WORK/careportal"
strip --strip-debug "$WORK/careportal"
"$WORK/careportal" bench frames --db "$WORK/bench.sqlite3" --cases 10000 --frames 1 >/dev/null  # the database, natively
rc=0
for move in j pgdn; do
  valgrind --tool=callgrind --toggle-collect='*renderPathFrames*' --callgrind-out-file="$WORK/$move.out" \
    "$WORK/careportal" bench frames --db "$WORK/bench.sqlite3" --move "$move" --frames "$FRAMES" >/dev/null 2>"$WORK/$move.log" \
    || { cat "$WORK/$move.log" >&2; exit 1; }
  total=$(awk '/^summary:/ { print $2 }' "$WORK/$move.out")
  per=$(( total / FRAMES ))
  verdict=""
  if [ "$MODE" = --check ] && [ "$per" -gt "${BOUND[$move]}" ]; then verdict="  OVER (bound ${BOUND[$move]})"; rc=1; fi
  printf 'render path, %-4s: %d instructions per frame (%d frames)%s\n' "$move" "$per" "$FRAMES" "$verdict"
  if [ "$MODE" = --profile ]; then callgrind_annotate --inclusive=no "$WORK/$move.out" 2>/dev/null | sed -n '/file:function/,+25p'; fi
done
exit $rc
