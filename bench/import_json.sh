#!/usr/bin/env bash
# import-json of a generated JSON-era household against plain COPY of the same rows, on the
# PostgreSQL server the benchmark started. Called by bench/run.sh; runs on its own too:
#
#   BENCH_DB_PORT=55432 PGPASSWORD=... JAR=target/home-budget-web.jar WORK=/tmp/x bench/import_json.sh
#
# Each side loads into a fresh, migrated database of its own (same table, same indexes). The
# import's time is the one it reports for its own work (reading the file, the batches, the
# verification), without the JVM and Spring start, which the wall time includes; COPY's is
# psql's \copy of the rows as the import stored them. Prints one line:
#   IMPORT_JSON records=N import_ms=.. reading_ms=.. writing_ms=.. verifying_ms=.. wall_ms=.. copy_ms=.. ratio=..%
set -euo pipefail
port="${BENCH_DB_PORT:?}"
jar="${JAR:?}"
work="${WORK:?}"
records="${BENCH_IMPORT_RECORDS:-100000}"
java_opts="${BENCH_JAVA_OPTS:--Xmx256m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m}"
: "${PGPASSWORD:?}"
psql_on() { psql -X -q -t -A -h 127.0.0.1 -p "$port" -U postgres -d "$1" -c "$2"; }
url() { echo "postgresql://postgres:$PGPASSWORD@127.0.0.1:$port/$1"; }
ms() { echo $(( $(date +%s%N) / 1000000 )); }

dir="$work/import-json"
rm -rf "$dir"
# shellcheck disable=SC2086
java $java_opts -jar "$jar" seed-test-data --json-dir "$dir" --expenses "$records" --incomes 0 --seed 42 \
  --until 2025-12-31 >&2
for db in bench_import bench_copy; do
  psql_on postgres "DROP DATABASE IF EXISTS $db WITH (FORCE)"
  psql_on postgres "CREATE DATABASE $db"
  # shellcheck disable=SC2086
  DATABASE_URL="$(url $db)" java $java_opts -jar "$jar" migrate >&2
done

start=$(ms)
# shellcheck disable=SC2086
DATABASE_URL="$(url bench_import)" java $java_opts -jar "$jar" import-json --json-dir "$dir" >"$work/import.out" 2>&1 \
  || { echo "bench: import-json failed:" >&2; cat "$work/import.out" >&2; exit 1; }
wall=$(( $(ms) - start ))
line=$(grep '^Imported ' "$work/import.out")
import_ms=$(sed -E 's/.* in ([0-9]+) ms.*/\1/' <<<"$line")
reading_ms=$(sed -E 's/.*reading ([0-9]+) ms.*/\1/' <<<"$line")
writing_ms=$(sed -E 's/.*writing ([0-9]+) ms.*/\1/' <<<"$line")
verifying_ms=$(sed -E 's/.*verifying ([0-9]+) ms.*/\1/' <<<"$line")

columns="id, date, business, category, amount, account, currency, notes"
psql_on bench_import "\\copy (SELECT $columns FROM expenses ORDER BY id) TO '$work/import-rows.tsv'"
start=$(ms)
psql_on bench_copy "\\copy expenses ($columns) FROM '$work/import-rows.tsv'"
copy_ms=$(( $(ms) - start ))
copied=$(psql_on bench_copy "SELECT count(*) FROM expenses")
[ "$copied" = "$records" ] || { echo "bench: COPY loaded $copied rows, not $records" >&2; exit 1; }

for db in bench_import bench_copy; do psql_on postgres "DROP DATABASE $db WITH (FORCE)"; done
rm -rf "$dir" "$work/import-rows.tsv"
ratio=$(awk -v c="$copy_ms" -v i="$import_ms" 'BEGIN{printf "%.0f", (i>0)? 100*c/i : 0}')
echo "IMPORT_JSON records=$records import_ms=$import_ms reading_ms=$reading_ms writing_ms=$writing_ms verifying_ms=$verifying_ms wall_ms=$wall copy_ms=$copy_ms ratio=$ratio%"
