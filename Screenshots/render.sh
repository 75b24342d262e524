#!/usr/bin/env bash
# Renders Screenshots/*.png from the real app: the release binary runs in tmux on a fresh demo
# database, each screen is captured with its colours (tmux capture-pane -e), turned into HTML by
# aha and photographed by headless Chromium. Run through `make screenshots`.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.build/release/careportal
OUT=Screenshots
WORK=$(mktemp -d)
trap 'tmux -L shots kill-server 2>/dev/null || true; rm -rf "$WORK"' EXIT
export XDG_STATE_HOME="$WORK/state" XDG_DATA_HOME="$WORK/data" XDG_CONFIG_HOME="$WORK/config"
DB="$WORK/portal.sqlite3"
COLS=${COLS:-120}; ROWS=${ROWS:-36}

$BIN demo --db "$DB" --cases 3000 --seed 1 >/dev/null
echo alice-1-portal | $BIN login --db "$DB" --user alice@cloudpartners.example --password-stdin >/dev/null
echo carol-1-portal | $BIN login --db "$DB" --user carol@skyline-it.example --password-stdin >/dev/null

t() { tmux -L shots -f /dev/null "$@"; }
head -c 3100 /dev/urandom > "$WORK/headers.eml"; head -c 84000 /dev/urandom > "$WORK/error-screenshot.png"
t new-session -d -s app -x "$COLS" -y "$ROWS" "env TERM=xterm-256color LANG=C.UTF-8 HOME=$WORK $BIN --db $DB --as alice@cloudpartners.example"
wait_for() { for _ in $(seq 100); do t capture-pane -p -t app | grep -q "$1" && return 0; sleep 0.1; done; echo "timed out waiting for: $1" >&2; t capture-pane -p -t app >&2; return 1; }

shot() {
  local name=$1
  sleep 0.4
  t capture-pane -e -p -t app > "$WORK/$name.ans"
  {
    echo '<!doctype html><html><head><meta charset="utf-8"><style>'
    echo 'body{margin:0;background:#1d1f21;} pre{margin:0;padding:14px 16px;color:#d8d8d8;background:#1d1f21;'
    echo 'font-family:"DejaVu Sans Mono","Noto Sans Mono CJK JP","Noto Color Emoji",monospace;font-size:15px;line-height:19px;}'
    echo '</style></head><body><pre>'
    aha --no-header --black < "$WORK/$name.ans"
    echo '</pre></body></html>'
  } > "$WORK/$name.html"
  local w=$(( COLS * 9 + 34 )) h=$(( ROWS * 19 + 30 ))
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --window-size="$w,$h" --screenshot="$OUT/$name.png" "file://$WORK/$name.html" >/dev/null 2>&1
  echo "wrote $OUT/$name.png"
}

wait_for "My Cases"; shot my-cases
t send-keys -t app 2; wait_for "PRIMARY DOMAIN\|Primary domain"; shot my-customers
t send-keys -t app 1; sleep 0.3
t send-keys -t app / ; t send-keys -t app -l "is:open sev:p1,p2"; sleep 0.5; shot filter
t send-keys -t app Enter; sleep 0.3
t send-keys -t app Enter; wait_for "History"; t send-keys -t app G; shot case-detail
t send-keys -t app '?'; sleep 0.3; shot help
t send-keys -t app Escape; sleep 0.3
t send-keys -t app m; wait_for "Message support"
t send-keys -t app -l "The customer confirms the MX records now point to Google (checked 09:40 CET)."
t send-keys -t app Enter; t send-keys -t app -l "Headers of a bounced message are attached."; shot message
t send-keys -t app Escape; sleep 0.3
t send-keys -t app p; wait_for "Change severity"; shot severity
t send-keys -t app Escape; sleep 0.3
t send-keys -t app a; wait_for "Attach files"
t send-keys -t app -l "~/hea"; t send-keys -t app Tab; wait_for "headers.eml"; t send-keys -t app Enter; wait_for "1 file"
t send-keys -t app -l "~/err"; t send-keys -t app Tab; wait_for "error-screenshot"; shot attach
t send-keys -t app Escape; sleep 0.3; t send-keys -t app q; sleep 0.3

# The create-case wizard, step by step.
t send-keys -t app n; wait_for "New case"
t send-keys -t app -l "harbor"; sleep 0.3; shot wizard-customer
t send-keys -t app C-u; t send-keys -t app -l "pione"; t send-keys -t app Enter; wait_for "Product type"
t send-keys -t app -l "Shared drive members get access denied since Monday"; t send-keys -t app Enter
t send-keys -t app -l "shared drive access"; wait_for "Members cannot access"; shot wizard-category
t send-keys -t app Enter; wait_for "1. Which shared drive"
# The caret starts on the first answer; Tab goes to the next one, and from the last to the attachments.
t send-keys -t app -l "\"Sales EMEA\"; the 14 members of sales-emea@pioneer-robotics.example."; t send-keys -t app Tab
t send-keys -t app -l "Content manager, through the Sales group."; t send-keys -t app Tab
t send-keys -t app -l "\"You need permission\" on every file."
sleep 0.3; shot wizard-description
t send-keys -t app Tab; t send-keys -t app -l "~/hea"; t send-keys -t app Tab; wait_for "headers.eml"; t send-keys -t app Enter; wait_for "1 file"
t send-keys -t app Tab; t send-keys -t app 2; t send-keys -t app Enter; t send-keys -t app Enter
t send-keys -t app -l "paris"; wait_for "Europe/Paris"; t send-keys -t app Enter; wait_for "Review"; shot wizard-review
t send-keys -t app Escape; sleep 0.3
t send-keys -t app D; wait_for "Drafts"; shot drafts
t send-keys -t app Escape; t send-keys -t app n; wait_for "Review"; t send-keys -t app C-s; wait_for "filed. Share it"; shot wizard-filed

# The super administrator's screen.
echo admin-1-portal | $BIN login --db "$DB" --user admin@cloudpartners.example --password-stdin >/dev/null
t kill-session -t app
t new-session -d -s app -x "$COLS" -y "$ROWS" "env TERM=xterm-256color LANG=C.UTF-8 HOME=$WORK $BIN --db $DB --as admin@cloudpartners.example"
wait_for "My Cases"; t send-keys -t app A; wait_for "bruno@"; t send-keys -t app BTab; wait_for "Turn off auto-licensing"; shot admin
t send-keys -t app Tab Tab Tab; wait_for "built-in"; t send-keys -t app n; wait_for "New role"
t send-keys -t app -l "Case desk"; t send-keys -t app Tab Space Down Down Space; sleep 0.3; shot admin-role

# Triage at 200 columns: the preview pane beside the list, then three rows marked.
t kill-session -t app
COLS=200
t new-session -d -s app -x "$COLS" -y "$ROWS" "env TERM=xterm-256color LANG=C.UTF-8 HOME=$WORK $BIN --db $DB --as alice@cloudpartners.example"
wait_for "My Cases"; t send-keys -t app j j; wait_for "Description"; shot preview
t send-keys -t app Space Space Space; wait_for "act on 3 marked"; shot marked

# Saved views: the sections above the list (the config file's defaults), "Waiting on me" applied with Tab; unread rows
# bold with ● and the Waiting column.
t kill-session -t app
COLS=120
t new-session -d -s app -x "$COLS" -y "$ROWS" "env TERM=xterm-256color LANG=C.UTF-8 HOME=$WORK $BIN --db $DB --as alice@cloudpartners.example"
wait_for "Updated today [0-9]"; t send-keys -t app Tab; wait_for "Filter waiting:you"; shot views
