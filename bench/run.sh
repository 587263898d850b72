#!/usr/bin/env bash
# Home Budget Web benchmark: ./bench/run.sh
#
# Builds the app, seeds a fresh embedded PostgreSQL with 100,000 expenses and 20,000 incomes
# (seed-test-data), starts the app the way ./hbw runs it (extracted jar, class-data sharing
# archive, the launcher's JVM settings) and measures every scenario next to the database's
# own ceiling for the same SQL:
#
# - throughput: closed loop, wrk against the app and pgbench against PostgreSQL, same
#   connection count (4, then 8), prepared statements, synchronous commit; per scenario and
#   connection count the app's rate as a share of pgbench's and both sides' CPU per request;
# - latency (read scenarios): open loop at fixed arrival rates, bench/OpenLoop.java against the
#   app and `pgbench -R` against PostgreSQL, both with a Poisson schedule per connection and
#   latency counted from the scheduled send time (no coordinated omission). The p95 targets
#   are judged at the middle rate of each scenario, stated in the table.
#
# The main page's first table in headless Chromium (ui_first_table: navigation start to the
# month's rows on a desktop and a phone, and a month switch; target <= 1,000 ms).
# Then import-json of a generated 100,000-record JSON file against COPY of the same rows
# (bench/import_json.sh). Prints the tables and writes bench/results/latest.{md,json}. Only 127.0.0.1 is contacted.
#
# Knobs (environment): BENCH_DURATION (closed-loop seconds, default 10), BENCH_WARMUP (s, 5),
# BENCH_STEP_DURATION (open-loop seconds per rate, 15), BENCH_CONNECTIONS (open loop, 4),
# BENCH_THROUGHPUT_CONNECTIONS (closed loop, "4 8"),
# BENCH_EXPENSES (100000), BENCH_INCOMES (20000), BENCH_APP_PORT (18080), BENCH_DB_PORT (55432),
# BENCH_JAVA_OPTS (default: none, i.e. ./hbw's own JVM settings), BENCH_STARTS (3 timed starts),
# BENCH_KEEP=1, BENCH_PROFILE=1 (a JFR profile per closed-loop run), BENCH_IMPORT_RECORDS (100000), BENCH_ONLY (scenario names separated by spaces, e.g.
# "budget_period put": only those run, and the results go to bench/results/partial.{md,json}),
# BENCH_UI_MONTH (the month the UI timing opens, 2025-12), BENCH_UI_LOADS (5), BENCH_CHROMIUM (/usr/bin/chromium).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
export BENCH_WRK_DIR="$root/bench/wrk"
duration="${BENCH_DURATION:-10}"
warmup="${BENCH_WARMUP:-5}"
step_duration="${BENCH_STEP_DURATION:-15}"
connections="${BENCH_CONNECTIONS:-4}"
throughput_connections="${BENCH_THROUGHPUT_CONNECTIONS:-4 8}"
threads=2
expenses="${BENCH_EXPENSES:-100000}"
incomes="${BENCH_INCOMES:-20000}"
app_port="${BENCH_APP_PORT:-18080}"
db_port="${BENCH_DB_PORT:-55432}"
starts="${BENCH_STARTS:-3}"
# BENCH_PROFILE=1: a JFR recording of the app during each closed-loop run, summarised by
# bench/Profile.java into bench/results/profiles/SCENARIO-CONNECTIONS.txt (CPU share per layer,
# hottest methods). The app then runs without its class-data sharing archive: this JDK 17
# crashes when JFR starts in a JVM using a dynamic CDS archive. Its throughput is a little
# lower than without the recording; compare profiled runs with profiled runs.
profile="${BENCH_PROFILE:-0}"
profiles="$root/bench/results/profiles"
if [ "$profile" = 1 ]; then export HBW_CDS=0; mkdir -p "$profiles"; fi
if [ -n "${BENCH_JAVA_OPTS:-}" ]; then export JAVA_OPTS="$BENCH_JAVA_OPTS"; fi
base="http://127.0.0.1:$app_port"
results_dir="$root/bench/results"
mkdir -p "$results_dir"

need() {
  if ! command -v "$1" >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "Installing $2 from Debian's packages ..." >&2
      apt-get update -qq >/dev/null && apt-get install -y -qq "$2" >/dev/null
    fi
  fi
  command -v "$1" >/dev/null 2>&1 || { echo "bench: '$1' is required (Debian package $2)" >&2; exit 1; }
}
need wrk wrk
need pgbench postgresql-client
need curl curl

# How busy the box is with other work: share of CPU time not idle over 5 s before we start.
busy_percent() {
  local a b
  read -r -a a < <(head -1 /proc/stat)
  sleep 5
  read -r -a b < <(head -1 /proc/stat)
  awk -v u=$(( b[1] + b[2] + b[3] + b[6] + b[7] + b[8] - a[1] - a[2] - a[3] - a[6] - a[7] - a[8] )) \
    -v i=$(( b[4] + b[5] - a[4] - a[5] )) 'BEGIN{ printf "%.0f", (u+i>0)? 100*u/(u+i) : 0 }'
}

work="$(mktemp -d /tmp/hbw-bench.XXXXXX)"
chmod 755 "$work"   # the embedded server's account must reach its data directory
export BUDGET_DATA_DIR="$work/data/postgres"
export BUDGET_DATABASE_EMBEDDED_PORT="$db_port"
app_pid=""
stop_app() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  app_pid=""
}
cleanup() {
  stop_app
  if [ "${BENCH_KEEP:-0}" != 1 ]; then rm -rf "$work"; else echo "kept $work" >&2; fi
}
trap cleanup EXIT

echo "== building (./hbw: jar, extracted layout, class-data sharing archive)" >&2
"$root/hbw" --version >&2
javac -d "$work/openloop" "$root/bench/OpenLoop.java"

echo "== seeding $expenses expenses and $incomes incomes" >&2
"$root/hbw" migrate >&2
"$root/hbw" seed-test-data --expenses "$expenses" --incomes "$incomes" --until 2025-12-31 --seed 42 >&2
password="$(sed -n 's/^password=//p' "$work/data/postgres.credentials")"
export PGPASSWORD="$password"
psql_budget() { psql -X -q -t -A -h 127.0.0.1 -p "$db_port" -U postgres -d budget -c "$1"; }

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
busy_before="$(busy_percent)"
echo "   box before the run: load average $load_before, ${busy_before}% CPU busy with other work" >&2

start_app() { # -> sets ready_ms, app_pid
  local start_ns ready_path=/api/v1/health/ready
  start_ns=$(date +%s%N)
  "$root/hbw" --budget.app.port="$app_port" --budget.app.host=127.0.0.1 >"$work/app.log" 2>&1 &
  app_pid=$!
  until curl -sf -o /dev/null "$base$ready_path"; do
    kill -0 "$app_pid" 2>/dev/null || { echo "bench: the app died; see $work/app.log" >&2; tail -20 "$work/app.log" >&2; exit 1; }
    sleep 0.02
  done
  ready_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
}

echo "== start to ready ($starts starts, existing data directory)" >&2
ready_all=()
for i in $(seq "$starts"); do
  start_app
  ready_all+=("$ready_ms")
  echo "   ready in $ready_ms ms" >&2
  if [ "$i" -lt "$starts" ]; then stop_app; fi
done
ready_ms=$(printf '%s\n' "${ready_all[@]}" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')
postmaster_pid="$(head -1 "$work/data/postgres/postmaster.pid")"
# the embedded server runs while the app does: the budget scenario's data is loaded now
echo "== budget scenario data (bench/sql/budget_setup.sql)" >&2
psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$db_port" -U postgres -d budget -f "$root/bench/sql/budget_setup.sql" >&2

# CPU time in milliseconds (clock ticks of 10 ms) of the app, and of the database server with
# its backends (children that exited are counted in the postmaster's cutime/cstime).
ticks() { awk '{print $14+$15+$16+$17}' "/proc/$1/stat" 2>/dev/null || echo 0; }
cpu_app() { echo $(( $(ticks "$app_pid") * 10 )); }
cpu_db() {
  local total child
  total=$(ticks "$postmaster_pid")
  for child in $(pgrep -P "$postmaster_pid"); do
    total=$(( total + $(awk '{print $14+$15}' "/proc/$child/stat" 2>/dev/null || echo 0) ))
  done
  echo $(( total * 10 ))
}

only() { [ -z "${BENCH_ONLY:-}" ] || [[ " $BENCH_ONLY " == *" $1 "* ]]; }
results_name=latest; if [ -n "${BENCH_ONLY:-}" ]; then results_name=partial; fi

json_rows=()
table_rows=()
latency_rows=()
latency_json=()

field() { sed -E "s/.*[ ^]$1=([0-9.]+).*/\\1/" <<<" $2"; }

# wrk NAME PATH SCRIPT CONNECTIONS -> sets w_rps w_p50 w_p95 w_p99 w_errors w_app w_db w_requests
run_wrk() {
  local name="$1" path="$2" script="$3" conns="$4" thr
  thr=$(( conns < threads ? conns : threads ))
  local a0 d0 out line
  if [ "$profile" = 1 ]; then jcmd "$app_pid" JFR.start name="$name-$conns" settings=profile >/dev/null; fi
  a0=$(cpu_app); d0=$(cpu_db)
  out=$(wrk -t"$thr" -c"$conns" -d"${duration}s" -s "$BENCH_WRK_DIR/$script" "$base$path")
  local a1 d1; a1=$(cpu_app); d1=$(cpu_db)
  if [ "$profile" = 1 ]; then
    jcmd "$app_pid" JFR.stop name="$name-$conns" filename="$profiles/$name-$conns.jfr" >/dev/null
    java "$root/bench/Profile.java" "$profiles/$name-$conns.jfr" >"$profiles/$name-$conns.txt"
  fi
  line=$(grep '^RESULT' <<<"$out")
  w_requests=$(field requests "$line")
  local seconds; seconds=$(field seconds "$line")
  w_p50=$(field p50 "$line"); w_p95=$(field p95 "$line"); w_p99=$(field p99 "$line")
  w_errors=$(field errors "$line")
  w_rps=$(awk -v r="$w_requests" -v s="$seconds" 'BEGIN{printf "%.0f", r/s}')
  w_app=$(awk -v c=$((a1 - a0)) -v r="$w_requests" 'BEGIN{printf "%.0f", (r>0)? c*1000/r : 0}')
  w_db=$(awk -v c=$((d1 - d0)) -v r="$w_requests" 'BEGIN{printf "%.0f", (r>0)? c*1000/r : 0}')
}

# Nearest-rank percentile (ms) of a sorted file of microseconds.
pct() { awk -v n="$(wc -l <"$2")" -v p="$1" 'BEGIN{r=int(n*p/100); if (r<n*p/100) r++; if (r<1) r=1} NR==r {printf "%.3f", $1/1000; exit}' "$2"; }

# pgbench NAME SQLFILE CLIENTS -> sets p_tps p_p50 p_p95 p_p99 p_db
run_pgbench() {
  local name="$1" file="$2" clients="$3" d0 d1 out thr
  thr=$(( clients < threads ? clients : threads ))
  rm -f "$work"/pgb_"$name".*
  d0=$(cpu_db)
  out=$(pgbench -h 127.0.0.1 -p "$db_port" -U postgres -n -M prepared -c "$clients" -j "$thr" -T "$duration" \
    -l --log-prefix="$work/pgb_$name" -f "$root/bench/sql/$file" budget 2>&1)
  d1=$(cpu_db)
  p_tps=$(sed -nE 's/^tps = ([0-9.]+).*/\1/p' <<<"$out" | head -1 | awk '{printf "%.0f", $1}')
  local sorted="$work/pgb_$name.sorted"
  cat "$work"/pgb_"$name".[0-9]* 2>/dev/null | awk '{print $3}' | sort -n >"$sorted"
  p_p50=$(pct 50 "$sorted"); p_p95=$(pct 95 "$sorted"); p_p99=$(pct 99 "$sorted")
  p_db=$(awk -v c=$((d1 - d0)) -v r="$(wc -l <"$sorted")" 'BEGIN{printf "%.0f", (r>0)? c*1000/r : 0}')
}

# Open loop at RATE requests/s for the app (OpenLoop) and for PostgreSQL (pgbench -R), the
# same Poisson schedule per connection, 2 s of warm-up dropped on both sides.
# open_loop NAME PATH SQLFILE RATE -> sets o_* (app) and q_* (pgbench)
open_loop() {
  local name="$1" path="$2" file="$3" rate="$4" out thr log start_s
  thr=$(( connections < threads ? connections : threads ))
  out=$(java -cp "$work/openloop" OpenLoop "$base$path" "$rate" "$step_duration" "$connections" 2)
  o_p50=$(field p50 "$out"); o_p95=$(field p95 "$out"); o_p99=$(field p99 "$out"); o_max=$(field max "$out")
  o_rate=$(field rate "$out"); o_errors=$(field errors "$out")
  log="$work/pgr_${name}_$rate"
  rm -f "$log".*
  start_s=$(date +%s)
  pgbench -h 127.0.0.1 -p "$db_port" -U postgres -n -M prepared -c "$connections" -j "$thr" \
    -T $(( step_duration + 2 )) -R "$rate" -l --log-prefix="$log" -f "$root/bench/sql/$file" budget >/dev/null 2>&1
  # Log columns: client, tx, time_us, script, epoch_s, epoch_us, schedule_lag_us. Latency from
  # the scheduled start = time + lag; transactions of the first 2 s are the warm-up.
  cat "$log".[0-9]* | awk -v from=$(( start_s + 2 )) '$5 >= from {print $3 + $7}' | sort -n >"$log.sorted"
  q_p50=$(pct 50 "$log.sorted"); q_p95=$(pct 95 "$log.sorted"); q_p99=$(pct 99 "$log.sorted")
  q_max=$(awk 'END{printf "%.3f", $1/1000}' "$log.sorted")
}

# record NAME RATIO TARGET VERDICT CONNECTIONS
# A table cell as a JSON value: "-" (not measured) is null.
jv() { if [ "$1" = "-" ] || [ -z "$1" ]; then echo null; else echo "$1"; fi; }

# The app's CPU per request the lean request path aims at (µs, = CPU-ms per 1,000 requests):
# every log line, metric and check still done, only done cheaply.
declare -A cpu_target=([health]=100 [page_of_50]=150 [create]=350 [put]=350 [patch]=350 [delete]=350)
cpu_rows=()

record() {
  local name="$1" ratio="$2" target="$3" verdict="$4" conns="$5"
  if [ "${w_errors:-0}" != 0 ]; then verdict="ERRORS:$w_errors"; fi
  if [ -n "${cpu_target[$name]:-}" ] && [ "${w_app:--}" != - ]; then
    local cpu_verdict=miss
    if le "$w_app" "${cpu_target[$name]}"; then cpu_verdict=met; fi
    cpu_rows+=("$(printf '| %-16s | %5s | %8s | %8s | %8s | %-4s |' "$name" "$conns" "$w_rps" "$w_app" "<= ${cpu_target[$name]}" "$cpu_verdict")")
  fi
  table_rows+=("$(printf '| %-16s | %5s | %8s | %7s | %7s | %7s | %6s | %6s | %8s | %7s | %6s | %-26s | %-4s |' \
    "$name" "$conns" "$w_rps" "$w_p50" "$w_p95" "$w_p99" "$w_app" "$w_db" "${p_tps:--}" "${p_p95:--}" "$ratio" "$target" "$verdict")")
  json_rows+=("$(printf '{"scenario":"%s","connections":%s,"rps":%s,"p50_ms":%s,"p95_ms":%s,"p99_ms":%s,"errors":%s,"app_cpu_ms_per_1k":%s,"db_cpu_ms_per_1k":%s,"ceiling_tps":%s,"ceiling_p50_ms":%s,"ceiling_p95_ms":%s,"ceiling_db_cpu_ms_per_1k":%s,"ratio":"%s","target":"%s","verdict":"%s"%s}' \
    "$name" "$conns" "$(jv "$w_rps")" "$(jv "$w_p50")" "$(jv "$w_p95")" "$(jv "$w_p99")" "$w_errors" "$(jv "$w_app")" "$(jv "$w_db")" "$(jv "${p_tps:-}")" "$(jv "${p_p50:-}")" "$(jv "${p_p95:-}")" "$(jv "${p_db:-}")" "$ratio" "$target" "$verdict" "${extra_json:-}")")
  extra_json=""
}

le() { awk -v a="$1" -v b="$2" 'BEGIN{exit !(a<=b)}'; }
ratio_of() { awk -v a="$1" -v b="$2" 'BEGIN{ if (b>0) printf "%.0f%%", 100*a/b; else print "-" }'; }

echo "== warm-up (${warmup}s per read scenario)" >&2
for path in "/api/v1/expense?limit=50" "/api/v1/expense?from=2024-03-01&to=2024-03-31" \
  "/api/v1/reports/monthly?year=2024" "/api/v1/reports/categories?kind=expense&from=2024-01-01&to=2024-12-31" \
  "/api/v1/expense/summary?from=2024-01-01&to=2024-12-31" "/api/v1/budgets/2025-06"; do
  wrk -t2 -c"$connections" -d"${warmup}s" "$base$path" >/dev/null
done
curl -s -o /dev/null "$base/api/v1/expense"

if only health; then
# The smallest request: no SQL, every filter (request log, metrics, security headers, the
# allowed hosts, the body guards, Spring Security). Its ceiling is PostgreSQL's SELECT 1;
# the verdict is the app's CPU per request.
echo "== health" >&2
for conns in $throughput_connections; do
  run_pgbench health health.sql "$conns"
  run_wrk health /api/v1/health get.lua "$conns"
  verdict=miss; if le "$w_app" "${cpu_target[health]}"; then verdict=met; fi
  record health "$(ratio_of "$w_rps" "$p_tps")" "app CPU <= ${cpu_target[health]} us/request" "$verdict" "$conns"
done
fi

# NAME PATH SQL TARGET_P95_MS "RATE RATE RATE" (the p95 target is judged at the middle rate)
latency_scenario() {
  local name="$1" path="$2" sql="$3" target="$4" rates="$5"
  only "$name" || return 0
  echo "== $name" >&2
  local verdict=miss ratio rate conns steps_json="" judged judged_p95="" judged_pg_p95="" i=0 step_verdict
  judged=$(awk '{print $(int((NF+1)/2))}' <<<"$rates")
  for rate in $rates; do
    i=$((i + 1))
    echo "   open loop at $rate/s" >&2
    open_loop "$name" "$path" "$sql" "$rate"
    step_verdict="-"
    if [ "$rate" = "$judged" ]; then
      judged_p95="$o_p95"; judged_pg_p95="$q_p95"
      step_verdict=miss; if le "$o_p95" "$target" && [ "$o_errors" = 0 ]; then step_verdict=met; fi
    fi
    latency_rows+=("$(printf '| %-16s | %6s | %7s | %7s | %7s | %8s | %6s | %7s | %7s | %7s | %-9s | %-4s |' \
      "$name" "$rate" "$o_rate" "$o_p50" "$o_p95" "$o_p99" "$o_errors" "$q_p50" "$q_p95" "$q_p99" \
      "$( [ "$rate" = "$judged" ] && echo "p95<=${target}ms" || echo "-")" "$step_verdict")")
    steps_json+="$( [ "$i" -gt 1 ] && echo ,)$(printf '{"rate":%s,"achieved_rate":%s,"p50_ms":%s,"p95_ms":%s,"p99_ms":%s,"max_ms":%s,"errors":%s,"ceiling_p50_ms":%s,"ceiling_p95_ms":%s,"ceiling_p99_ms":%s,"ceiling_max_ms":%s}' \
      "$rate" "$o_rate" "$o_p50" "$o_p95" "$o_p99" "$o_max" "$o_errors" "$q_p50" "$q_p95" "$q_p99" "$q_max")"
  done
  # the closed loop at each connection count; the p95 part of the verdict is the open loop's
  for conns in $throughput_connections; do
    run_pgbench "$name" "$sql" "$conns"
    run_wrk "$name" "$path" get.lua "$conns"
    ratio=$(ratio_of "$w_rps" "$p_tps")
    verdict=miss
    if le "$judged_p95" "$target" && awk -v r="$w_rps" -v t="$p_tps" 'BEGIN{exit !(r >= 0.25*t)}'; then verdict=met; fi
    extra_json=",\"latency_rate\":$judged,\"latency_p95_ms\":$judged_p95,\"latency_ceiling_p95_ms\":$judged_pg_p95,\"open_loop\":[$steps_json]"
    record "$name" "$ratio" "p95<=${target}ms@${judged}/s, >=25% tps" "$verdict" "$conns"
  done
}

latency_scenario page_of_50 "/api/v1/expense?limit=50" page50.sql 5 "1000 2000 3000"
latency_scenario one_month "/api/v1/expense?from=2024-03-01&to=2024-03-31" month.sql 5 "200 400 600"
latency_scenario monthly_report "/api/v1/reports/monthly?year=2024" monthly.sql 20 "100 200 300"
latency_scenario category_report "/api/v1/reports/categories?kind=expense&from=2024-01-01&to=2024-12-31" categories.sql 20 "200 400 600"
# the expense summary of a year in three currencies: figures per currency and the converted total
latency_scenario summary "/api/v1/expense/summary?from=2024-01-01&to=2024-12-31" summary.sql 20 "100 200 300"
# a month's budget: 40 categories planned for a decade, carry-over followed from the first
# period, spending per period read from the cache the database keeps (budget_spent)
latency_scenario budget_period "/api/v1/budgets/2025-06" budget.sql 20 "50 100 150"

if only full_list; then
echo "== full_list" >&2
run_pgbench full_list full_list.sql 1
run_wrk full_list "/api/v1/expense" get.lua 1
verdict=miss
if awk -v a="$w_p50" -v b="$p_p50" 'BEGIN{exit !(a <= 2*b)}'; then verdict=met; fi
record full_list "$(awk -v a="$w_p50" -v b="$p_p50" 'BEGIN{ if (b>0) printf "%.1fx", a/b; else print "-" }')" "p50<=2x json_agg" "$verdict" 1
fi

write_scenario() { # NAME SQL SCRIPT PATH
  local name="$1" sql="$2" script="$3" path="$4"
  only "$name" || return 0
  echo "== $name" >&2
  local verdict conns
  for conns in $throughput_connections; do
    run_pgbench "$name" "$sql" "$conns"
    run_wrk "$name" "$path" "$script" "$conns"
    verdict=miss
    if awk -v r="$w_rps" -v t="$p_tps" 'BEGIN{exit !(r >= 0.6*t)}'; then verdict=met; fi
    record "$name" "$(ratio_of "$w_rps" "$p_tps")" ">=60% of pgbench tps" "$verdict" "$conns"
  done
}
write_scenario create create.sql create.lua /api/v1/expense
write_scenario put put.sql put.lua /api/v1/expense
write_scenario patch patch.sql patch.lua /api/v1/expense

if only delete; then
echo "== delete" >&2
# No pgbench ceiling here: pgbench cannot hand each client distinct existing ids, and
# deleting already-deleted rows commits nothing, which would flatter the ceiling.
p_tps=""; p_p50=""; p_p95=""; p_db=""
run_wrk delete /api/v1/expense delete.lua "$connections"
record delete "-" "(reported)" "-" "$connections"

echo "== bulk delete of 1,000 ids (10 requests)" >&2
bulk_times="$work/bulk.txt"; : >"$bulk_times"
for block in $(seq 0 9); do
  first=$(( 20001 + block * 1000 ))
  ids=$(seq -s, "$first" $(( first + 999 )))
  curl -s -o /dev/null -w '%{time_total}\n' -X POST "$base/api/v1/expense/bulk-delete" \
    -H 'Content-Type: application/json' -d "{\"ids\":[$ids]}" >>"$bulk_times"
done
sort -n "$bulk_times" -o "$bulk_times"
w_rps=null; w_app=null; w_db=null; w_errors=0; p_tps=""; p_p95=""; p_p50=""; p_db=""
w_p50=$(awk 'NR==5{printf "%.3f", $1*1000}' "$bulk_times")
w_p95=$(awk 'NR==10{printf "%.3f", $1*1000}' "$bulk_times"); w_p99="$w_p95"
record bulk_delete_1000 "-" "(reported, 10 sequential requests)" "-" 1
fi

if only statement_import; then
# A statement import of a 10,000-row CSV through the API: the preview (parse, dedup against
# the 100,000 entries, rules) and the commit, against COPY of the very rows the commit
# stored into the same table (same triggers and indexes). Rows/s of the commit vs COPY's.
echo "== statement import: 10,000-row CSV preview and commit vs COPY" >&2
csv="$work/statement.csv"
awk 'BEGIN { print "Date,Payee,Amount,Memo";
  for (i = 1; i <= 10000; i++) printf "2026-%02d-%02d,Shop %d,-%d.%02d,bench import %d\n", 1 + i % 12, 1 + i % 28, i % 500, 1 + i % 300, i % 100, i }' >"$csv"
account="Bench import $$"
ms_now() { echo $(( $(date +%s%N) / 1000000 )); }
t0=$(ms_now)
preview=$(curl -s -w '\n%{http_code}' -X POST "$base/api/v1/imports" -F "file=@$csv;type=text/csv" \
  -F 'mapping={"date":"Date","amount":"Amount","payee":"Payee","memo":"Memo"}' -F "account=$account")
t1=$(ms_now)
[ "$(tail -1 <<<"$preview")" = 201 ] || { echo "bench: the preview failed: $(head -c 300 <<<"$preview")" >&2; exit 1; }
import_id=$(head -1 <<<"$preview" | sed -E 's/^\{"id":([0-9]+).*/\1/')
committed=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$base/api/v1/imports/$import_id/commit" \
  -H "Idempotency-Key: bench-commit-$import_id")
t2=$(ms_now)
[ "$committed" = 200 ] || { echo "bench: the commit answered $committed" >&2; exit 1; }
rows=$(psql_budget "SELECT count(*) FROM expenses WHERE account = '$account'")
psql_budget "\\copy (SELECT household_id, date, business, category, amount, '$account copy', currency, notes FROM expenses WHERE account = '$account') TO '$work/statement.copy'"
t3=$(ms_now)
psql_budget "\\copy expenses (household_id, date, business, category, amount, account, currency, notes) FROM '$work/statement.copy'"
t4=$(ms_now)
preview_ms=$(( t1 - t0 )); commit_ms=$(( t2 - t1 )); copy_ms=$(( t4 - t3 ))
w_rps=$(awk -v r="$rows" -v t="$commit_ms" 'BEGIN{printf "%.0f", (t>0)? r*1000/t : 0}')
p_tps=$(awk -v r="$rows" -v t="$copy_ms" 'BEGIN{printf "%.0f", (t>0)? r*1000/t : 0}')
w_p50="$preview_ms"; w_p95="$commit_ms"; w_p99=-; w_app=-; w_db=-; w_errors=0; p_p50=""; p_p95=""; p_db=""
verdict=miss
if [ "$preview_ms" -le 2000 ] && awk -v a="$w_rps" -v b="$p_tps" 'BEGIN{exit !(a >= 0.5*b)}'; then verdict=met; fi
extra_json=",\"rows\":$rows,\"preview_ms\":$preview_ms,\"commit_ms\":$commit_ms,\"copy_ms\":$copy_ms"
echo "statement import: $rows rows, preview $preview_ms ms, commit $commit_ms ms, COPY $copy_ms ms" >&2
record statement_import "$(ratio_of "$w_rps" "$p_tps")" "preview<=2s, commit>=50% COPY rows/s" "$verdict" 1
fi

if only history_ab; then
# The cost of the history of changes, seen from a client: create, PUT and DELETE through the
# app with the history triggers on and with them off (ALTER TABLE ... DISABLE TRIGGER, on
# this throwaway database only), two interleaved rounds each, so a drift of the box's load
# hits both sides alike. Everything else (the transaction's history settings included)
# runs in both; the target is "with history within 15 % of without".
echo "== history A/B (create, put, delete; history on/off, interleaved)" >&2
history_triggers() { # ENABLE|DISABLE
  local table
  for table in expenses incomes settlements categories; do
    psql_budget "ALTER TABLE $table $1 TRIGGER ${table}_history_insert, $1 TRIGGER ${table}_history_update, $1 TRIGGER ${table}_history_delete" >/dev/null
  done
}
declare -A ab_rps=()
shift_ids=6000
# a warm-up of the write paths first (the scenarios before were reads): without it the first
# side measured pays the JIT's warm-up alone; then the order alternates per round, so a
# drift of the box's load over the run does not favour one side
for scenario in create put delete; do
  BENCH_DELETE_SHIFT=$shift_ids run_wrk "hist_warmup_$scenario" /api/v1/expense "$scenario.lua" "$connections"
done
shift_ids=$(( shift_ids + 6000 ))
for round in 1 2; do
  order="on off"; if [ "$round" = 2 ]; then order="off on"; fi
  for mode in $order; do
    if [ "$mode" = off ]; then history_triggers DISABLE; else history_triggers ENABLE; fi
    for scenario in create put delete; do
      BENCH_DELETE_SHIFT=$shift_ids run_wrk "hist_$scenario" /api/v1/expense "$scenario.lua" "$connections"
      ab_rps["${scenario}_$mode"]="${ab_rps["${scenario}_$mode"]:-} $w_rps"
      if [ "$w_errors" != 0 ]; then ab_rps["errors"]="${ab_rps[errors]:-} $scenario:$w_errors"; fi
    done
    shift_ids=$(( shift_ids + 6000 ))
  done
done
history_triggers ENABLE
mean() { awk '{s=0; for (i=1;i<=NF;i++) s+=$i; printf "%.0f", s/NF}' <<<"$1"; }
for scenario in create put delete; do
  on=$(mean "${ab_rps[${scenario}_on]}"); off=$(mean "${ab_rps[${scenario}_off]}")
  w_rps=$on; w_p50=-; w_p95=-; w_p99=-; w_app=-; w_db=-; w_errors=0
  p_tps=$off; p_p95=""; p_p50=""; p_db=""
  verdict=miss; if awk -v a="$on" -v b="$off" 'BEGIN{exit !(a >= 0.85*b)}'; then verdict=met; fi
  if [ -n "${ab_rps[errors]:-}" ]; then w_errors="${ab_rps[errors]// /}"; fi
  extra_json=",\"history_on_rps\":\"${ab_rps[${scenario}_on]# }\",\"history_off_rps\":\"${ab_rps[${scenario}_off]# }\""
  record "history_$scenario" "$(ratio_of "$on" "$off")" "on >=85% of off (ceiling=off)" "$verdict" "$connections"
done
fi

ui_rows=()
ui_json="null"
if only ui_first_table; then
# The main page in Debian's Chromium (Playwright, the browser suite's dependency) against this
# app and its 100,000 expenses: from the navigation's start to the frame in which the month's
# expense table (1280x800) or the phone's cards (390x844) hold rows, and from a click on
# "Previous month" to the frame showing that month; medians of BENCH_UI_LOADS loads, each in a
# fresh browser context, timed in the page (src/test/java/dev/homebudget/ui/FirstTableTiming.java,
# run as a single-file program; its browser test keeps it working). Without Chromium or the
# Playwright jars in the local Maven repository the scenario is skipped, not failed.
echo "== ui_first_table" >&2
ui_month="${BENCH_UI_MONTH:-2025-12}"
ui_loads="${BENCH_UI_LOADS:-5}"
chromium="${BENCH_CHROMIUM:-/usr/bin/chromium}"
ui_skip=""
if [ ! -x "$chromium" ]; then
  ui_skip="no Chromium at $chromium (Debian package chromium)"
elif ! (cd "$root" && ./mvnw -q -B -ntp -o dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$work/ui-classpath.txt" >"$work/ui-classpath.log" 2>&1); then
  ui_skip="the Playwright classpath could not be resolved offline (see ./mvnw dependency:build-classpath)"
fi
ui_line=""
if [ -z "$ui_skip" ]; then
  if ui_line=$(PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 java -Dchromium.path="$chromium" -cp "$(cat "$work/ui-classpath.txt")" \
      "$root/src/test/java/dev/homebudget/ui/FirstTableTiming.java" "$base" "$ui_month" "$ui_loads" "$work/ui-timing.json" \
      2>"$work/ui-timing.log" | grep '^UI_TIMING'); then
    ui_json="$(cat "$work/ui-timing.json")"
  else
    ui_skip="the browser run failed: $(tail -3 "$work/ui-timing.log" | tr '\n' ' ' | cut -c1-200)"
  fi
fi
if [ -n "$ui_skip" ]; then
  echo "   ui_first_table skipped: $ui_skip" >&2
  ui_rows+=("| ui_first_table   | -       | -            | -            | ≤ 1,000 ms | skipped: $ui_skip |")
  ui_json="{\"skipped\":\"$(tr -d '"\\' <<<"$ui_skip")\"}"
else
  ui_field() { sed -E "s/.* $1=([0-9.]+).*/\\1/" <<<" $ui_line"; }
  for view in desktop phone; do
    first=$(ui_field "${view}_first_ms"); switch=$(ui_field "${view}_switch_ms")
    verdict=miss; if le "$first" 1000 && le "$switch" 1000; then verdict=met; fi
    ui_rows+=("$(printf '| %-16s | %-7s | %12s | %12s | %-10s | %-4s |' ui_first_table "$view" "$first" "$switch" "≤ 1,000 ms" "$verdict")")
    echo "   $view: first rows ${first} ms, month switch ${switch} ms (medians of $ui_loads): $verdict" >&2
  done
fi
fi

import_line="IMPORT_JSON records=0 import_ms=0 reading_ms=0 writing_ms=0 verifying_ms=0 wall_ms=0 copy_ms=0 ratio=0"
if only import_json; then
  echo "== import-json of ${BENCH_IMPORT_RECORDS:-100000} records vs COPY" >&2
  import_line=$(BENCH_DB_PORT="$db_port" JAR="$root/target/home-budget-web.jar" WORK="$work" BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:-}" \
    "$root/bench/import_json.sh" | grep '^IMPORT_JSON')
fi
imp() { sed -E "s/.* $1=([0-9]+).*/\1/" <<<"$import_line"; }
import_verdict=miss; if [ "$(imp ratio)" -ge 50 ]; then import_verdict=met; fi
if ! only import_json; then import_verdict="not run"; fi

rss_mb=$(awk '/VmHWM/{printf "%.0f", $2/1024}' "/proc/$app_pid/status")
ready_verdict=miss; if [ "$ready_ms" -le 2000 ]; then ready_verdict=met; fi
rss_verdict=miss; if [ "$rss_mb" -le 400 ]; then rss_verdict=met; fi
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
java_cmd="$(tr '\0' ' ' <"/proc/$app_pid/cmdline" | sed -E 's/ -jar .*//; s/^java //')"

box="$(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -m), $(java -version 2>&1 | head -1 | tr -d '"'), PostgreSQL $(psql_budget 'show server_version')"
when="$(date -u +%Y-%m-%dT%H:%MZ)"
{
  echo "Home Budget Web benchmark, $when, $box"
  echo "Box before the run: load average $load_before, ${busy_before}% CPU busy with other work; load average after: $load_after"
  echo "App JVM: $java_cmd"
  echo "$expenses expenses + $incomes incomes; synchronous_commit=$(psql_budget 'show synchronous_commit')"
  echo
  echo "Throughput: closed loop, wrk ${duration}s and pgbench -M prepared, the same connection count on both sides (conns: $throughput_connections; latencies here are service times under saturation); ratio = app rps / pgbench tps, CPU per 1,000 requests from /proc"
  echo
  echo "| scenario         | conns | app rps  | p50 ms  | p95 ms  | p99 ms  | app CPU-ms/1k | db CPU-ms/1k | pgbench tps | pg p95 ms | ratio  | target                     | met? |"
  echo "|------------------|------:|---------:|--------:|--------:|--------:|-------:|-------:|---------:|--------:|-------:|----------------------------|------|"
  printf '%s\n' "${table_rows[@]}"
  echo
  echo "App CPU per request (µs, from /proc over each closed-loop run above) against the lean request path's targets"
  echo
  echo "| scenario         | conns | app rps  | app µs   | target   | met? |"
  echo "|------------------|------:|---------:|---------:|---------:|------|"
  printf '%s\n' "${cpu_rows[@]}"
  echo
  echo "Latency: open loop at fixed rates, Poisson arrivals on $connections connections, ${step_duration}s per rate after 2s of warm-up, latency from the scheduled send time; app = bench/OpenLoop.java, ceiling = pgbench -R of the same SQL"
  echo
  echo "| scenario         | rate/s | achieved | p50 ms  | p95 ms  | p99 ms   | errors | pg p50  | pg p95  | pg p99  | target    | met? |"
  echo "|------------------|-------:|---------:|--------:|--------:|---------:|-------:|--------:|--------:|--------:|-----------|------|"
  printf '%s\n' "${latency_rows[@]}"
  echo
  if [ ${#ui_rows[@]} -gt 0 ]; then
    echo "UI: the main page in headless Chromium (Playwright), ${BENCH_UI_MONTH:-2025-12} of the seeded data, medians of ${BENCH_UI_LOADS:-5} loads in fresh browser contexts; first rows = navigation start to the frame holding the month's expense rows, switch = \"Previous month\" clicked to the frame holding that month's rows (timed in the page)"
    echo
    echo "| scenario         | view    | first rows ms | switch ms    | target     | met? |"
    echo "|------------------|---------|-------------:|-------------:|------------|------|"
    printf '%s\n' "${ui_rows[@]}"
    echo
  fi
  echo "start to ready: ${ready_ms} ms, median of ${starts} starts ($(IFS=/; echo "${ready_all[*]}") ms) (target <= 2000 ms: $ready_verdict); peak RSS: ${rss_mb} MB (target <= 400 MB: $rss_verdict)"
  echo "import-json of $(imp records) records: $(imp import_ms) ms (reading $(imp reading_ms), writing $(imp writing_ms), verifying $(imp verifying_ms); $(imp wall_ms) ms with JVM start) vs COPY $(imp copy_ms) ms: $(imp ratio)% of COPY's rows/s (target >= 50%: $import_verdict)"
} | tee "$results_dir/$results_name.md"

{
  printf '{"date":"%s","box":"%s","load_before":"%s","busy_percent_before":%s,"load_after":"%s","java":"%s","expenses":%s,"incomes":%s,"duration_s":%s,"step_duration_s":%s,"connections":%s,"throughput_connections":[%s],' \
    "$when" "$box" "$load_before" "$busy_before" "$load_after" "$java_cmd" "$expenses" "$incomes" "$duration" "$step_duration" "$connections" "$(tr ' ' ',' <<<"$throughput_connections")"
  printf '"start_to_ready_ms":%s,"start_to_ready_all_ms":[%s],"peak_rss_mb":%s,' "$ready_ms" "$(IFS=,; echo "${ready_all[*]}")" "$rss_mb"
  printf '"import_json":{"records":%s,"import_ms":%s,"reading_ms":%s,"writing_ms":%s,"verifying_ms":%s,"wall_ms":%s,"copy_ms":%s,"ratio_pct":%s,"verdict":"%s"},' \
    "$(imp records)" "$(imp import_ms)" "$(imp reading_ms)" "$(imp writing_ms)" "$(imp verifying_ms)" "$(imp wall_ms)" "$(imp copy_ms)" "$(imp ratio)" "$import_verdict"
  printf '"ui_first_table":%s,' "$ui_json"
  printf '"scenarios":[' 
  (IFS=,; printf '%s' "${json_rows[*]}")
  printf ']}\n'
} >"$results_dir/$results_name.json"
echo "wrote $results_dir/$results_name.json" >&2
