#!/usr/bin/env bash
# bench/import_profile.sh: the import of bench/run.sh alone, repeated, with
# where its time goes.  Against a cluster with perfeval installed (through
# test/run.sh run, which sets PGHOST/PGPORT/PGUSER):
#
#   bash bench/import_profile.sh --projects 20000 --runs 3 [--steps] [--keep]
#
# Each run: the COPY baseline of bench/run.sh (the year by COPY into tables
# with the same keys and constraints only), then the import (COPY of the four
# CSV forms into the staging views, then import_forms()), taking turns.
# Prints every run and the medians; --steps adds one more import with
# auto_explain logging every statement inside it (the slowest listed).
set -euo pipefail
cd "$(dirname "$0")/.."
PROJECTS=20000
RUNS=3
STEPS=0
KEEP=0
PERF=
PGSS=
while [ $# -gt 0 ]; do
	case "$1" in
	--projects) PROJECTS=$2; shift 2 ;;
	--runs) RUNS=$2; shift 2 ;;
	--steps) STEPS=1; shift ;;
	--keep) KEEP=1; shift ;;
	--perf) PERF=$2; shift 2 ;;
	--pgss) PGSS=$2; shift 2 ;;
	*) echo "usage: bench/import_profile.sh [--projects N] [--runs N] [--steps] [--keep]" >&2; exit 2 ;;
	esac
done
export PGOPTIONS="${PGOPTIONS:-} -c work_mem=64MB -c max_parallel_workers_per_gather=2 -c jit=off -c random_page_cost=1.1 -c client_min_messages=warning"
PSQL=(psql -X -q -v ON_ERROR_STOP=1)
OUT=$(mktemp -d /tmp/perfeval-iprof.XXXXXX)
trap 'rm -rf "$OUT"' EXIT
log() { printf '== %s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) print "NaN"; else if (NR%2) printf "%.0f\n", a[(NR+1)/2]; else printf "%.0f\n", (a[NR/2]+a[NR/2+1])/2}'; }

"${PSQL[@]}" -d postgres -c "ALTER SYSTEM SET max_wal_size = '16GB'" \
	-c "ALTER SYSTEM SET checkpoint_timeout = '1h'" -c "SELECT pg_reload_conf()" >/dev/null
SRVDIR=$("${PSQL[@]}" -At -d postgres -c "SHOW data_directory")/bench_copy
"${PSQL[@]}" -d postgres -c "COPY (SELECT 1) TO PROGRAM 'mkdir -p $SRVDIR'" >/dev/null

DB=perfeval_bench_$PROJECTS
if [ "$("${PSQL[@]}" -At -d "$DB" -c "SELECT count(*) FROM perfeval.project" 2>/dev/null || echo 0)" != "$PROJECTS" ]; then
	"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" >/dev/null
	"${PSQL[@]}" -d "$DB" -c "CREATE EXTENSION perfeval" >/dev/null
	log "generating $PROJECTS projects"
	"${PSQL[@]}" -d "$DB" -v n="$PROJECTS" -f bench/gen.sql >/dev/null
	"${PSQL[@]}" -d "$DB" -c "VACUUM (ANALYZE, FREEZE)" >/dev/null
fi
log "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $("${PSQL[@]}" -At -d postgres -c 'SHOW server_version'), perfeval $("${PSQL[@]}" -At -d "$DB" -c "SELECT extversion FROM pg_extension WHERE extname = 'perfeval'")"

TABLES=(scheme division project allocation indicator actual checklist_point survey_response)
SCHEME_COLS="scheme_id, name, grade_scale, decimals, rounding, execution_base, reverse_rule, tier_high, tier_low, satisfaction_coefficients, over_threshold"
FORMS=(project indicator checklist survey)
{
	echo "COPY (SELECT $SCHEME_COLS FROM perfeval.scheme WHERE scheme_id <> 'national') TO '$SRVDIR/y_scheme.copy';"
	for t in "${TABLES[@]:1}"; do echo "COPY perfeval.$t TO '$SRVDIR/y_$t.copy';"; done
	for f in "${FORMS[@]}"; do echo "COPY (SELECT * FROM perfeval.export_$f) TO '$SRVDIR/form_$f.csv' WITH (FORMAT csv, HEADER);"; done
} | "${PSQL[@]}" -d "$DB" >/dev/null
LDB=perfeval_iprof
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $LDB" -c "CREATE DATABASE $LDB" >/dev/null
"${PSQL[@]}" -d $LDB >/dev/null <<-'EOF'
	CREATE EXTENSION perfeval;
	CREATE SCHEMA base;
	CREATE TABLE base.scheme (LIKE perfeval.scheme INCLUDING ALL);
	CREATE TABLE base.division (LIKE perfeval.division INCLUDING ALL);
	CREATE TABLE base.project (LIKE perfeval.project INCLUDING ALL, FOREIGN KEY (scheme_id) REFERENCES base.scheme);
	CREATE TABLE base.allocation (LIKE perfeval.allocation INCLUDING ALL,
		FOREIGN KEY (project_id) REFERENCES base.project ON DELETE CASCADE);
	CREATE TABLE base.indicator (LIKE perfeval.indicator INCLUDING ALL,
		FOREIGN KEY (project_id) REFERENCES base.project ON DELETE CASCADE);
	CREATE TABLE base.actual (LIKE perfeval.actual INCLUDING ALL,
		FOREIGN KEY (project_id, code) REFERENCES base.indicator ON DELETE CASCADE);
	CREATE TABLE base.checklist_point (LIKE perfeval.checklist_point INCLUDING ALL,
		FOREIGN KEY (project_id, code) REFERENCES base.indicator ON DELETE CASCADE);
	CREATE TABLE base.survey_response (LIKE perfeval.survey_response INCLUDING ALL,
		FOREIGN KEY (project_id, code) REFERENCES base.indicator ON DELETE CASCADE);
	INSERT INTO base.scheme (scheme_id, name) VALUES ('national', 'national');
EOF
# the scheme rows the forms name (the import does not write schemes)
"${PSQL[@]}" -d $LDB -c "COPY perfeval.scheme ($SCHEME_COLS) FROM '$SRVDIR/y_scheme.copy'" >/dev/null

cpu() { echo "\\! awk '{print \$14 + \$15}' /proc/\$PE_PID/stat >>$OUT/cpu"; }
load_base() {
	{
		echo "TRUNCATE base.project CASCADE; DELETE FROM base.scheme WHERE scheme_id <> 'national'; TRUNCATE base.division;"
		echo "CHECKPOINT;"
		echo "SELECT pg_backend_pid() AS pid \\gset"; echo "\\setenv PE_PID :pid"
		cpu
		echo "\\timing on"
		echo "COPY base.scheme ($SCHEME_COLS) FROM '$SRVDIR/y_scheme.copy';"
		for t in "${TABLES[@]:1}"; do echo "COPY base.$t FROM '$SRVDIR/y_$t.copy';"; done
		echo "\\timing off"
		cpu
	} >"$OUT/load.sql"
	: >"$OUT/cpu"
	echo "$("${PSQL[@]}" -d $LDB -f "$OUT/load.sql" | awk '/^Time:/ {s += $2} END {printf "%.0f", s}') $(awk -v t="$(getconf CLK_TCK)" '{c[NR] = $1} END {printf "%.0f", (c[2] - c[1]) * 1000 / t}' "$OUT/cpu")"
}
# import [SETUP] [PERF]: "staging_ms import_forms_ms staging_cpu_ms import_forms_cpu_ms"
# (SETUP: statements before import_forms(); PERF: a perf.data file to
# record the backend's samples into; cpu: the backend's user+system time)
import() {
	: >"$OUT/cpu"
	{
		echo "TRUNCATE perfeval.project CASCADE; TRUNCATE perfeval.import_error;"
		echo "CHECKPOINT;"
		echo "SET work_mem = '256MB';"
		echo "SELECT pg_backend_pid() AS pid \\gset"; echo "\\setenv PE_PID :pid"
		[ -z "${2:-}" ] || echo "\\! (perf record -e cpu-clock -F 499 -p \$PE_PID -o $2 >/dev/null 2>&1 & echo \$! >$OUT/perf.pid); sleep 1"
		cpu
		echo "\\timing on"
		for f in "${FORMS[@]}"; do echo "COPY perfeval.form_$f FROM '$SRVDIR/form_$f.csv' WITH (FORMAT csv, HEADER match);"; done
		echo "\\timing off"
		cpu
		echo "${1:-}"
		echo "\\timing on"
		echo "SELECT count(*) FILTER (WHERE status = 'imported') AS imported FROM perfeval.import_forms();"
		echo "\\timing off"
		cpu
		[ -z "${2:-}" ] || echo "\\! kill -INT \$(cat $OUT/perf.pid); sleep 2"
	} >"$OUT/import.sql"
	"${PSQL[@]}" -d $LDB -f "$OUT/import.sql" >"$OUT/import.out" 2>&1
	grep -q "^ *$PROJECTS\$" "$OUT/import.out" || { cat "$OUT/import.out" >&2; log "import: not every form imported"; exit 1; }
	tck=$(getconf CLK_TCK)
	echo "$(awk '/^Time:/ {k++; if (k <= 4) s += $2; else f = $2} END {printf "%.0f %.0f", s, f}' "$OUT/import.out") $(awk -v t="$tck" '{c[NR] = $1} END {printf "%.0f %.0f", (c[2] - c[1]) * 1000 / t, (c[3] - c[2]) * 1000 / t}' "$OUT/cpu")"
}
: >"$OUT/runs"
for ((i = 1; i <= RUNS; i++)); do
	read -r b bc < <(load_base)
	read -r s f sc fc < <(import)
	echo "$b $s $f $sc $fc $bc" >>"$OUT/runs"
	log "run $i: baseline $b ms (cpu $bc), staging $s ms (cpu $sc), import_forms $f ms (cpu $fc), ratio $(awk -v b="$b" -v s="$s" -v f="$f" 'BEGIN {printf "%.2f", (s + f) / b}')"
done
B=$(awk '{print $1}' "$OUT/runs" | median)
S=$(awk '{print $2}' "$OUT/runs" | median)
F=$(awk '{print $3}' "$OUT/runs" | median)
SC=$(awk '{print $4}' "$OUT/runs" | median)
FC=$(awk '{print $5}' "$OUT/runs" | median)
BC=$(awk '{print $6}' "$OUT/runs" | median)
R=$(awk '{printf "%.3f\n", ($2 + $3) / $1}' "$OUT/runs" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "RESULT projects=$PROJECTS runs=$RUNS baseline_ms=$B baseline_cpu_ms=$BC staging_ms=$S import_forms_ms=$F staging_cpu_ms=$SC import_forms_cpu_ms=$FC median_ratio=$R ratios=$(awk '{printf "%.2f,", ($2 + $3) / $1}' "$OUT/runs")"

if [ $STEPS = 1 ]; then
	LOGF=$("${PSQL[@]}" -At -d postgres -c "SELECT current_setting('data_directory')")/../log
	start=$(wc -c <"$LOGF")
	import "LOAD 'auto_explain'; SET auto_explain.log_min_duration = 50; SET auto_explain.log_nested_statements = on; SET auto_explain.log_analyze = off;" >/dev/null
	tail -c +$((start + 1)) "$LOGF" | awk '/duration: [0-9.]+ ms/ {d=$0; sub(/.*duration: /, "", d); sub(/ ms.*/, "", d); getline q; getline q2; printf "%10.0f ms  %s %s\n", d, substr(q, 1, 150), substr(q2, 1, 100)}' |
		sort -rn | head -40
fi
if [ -n "$PERF" ]; then
	log "perf: one more import recorded into $PERF"
	import "" "$PERF"
	chmod a+r "$PERF" 2>/dev/null || true
fi
if [ -n "$PGSS" ]; then
	# pg_stat_statements over one more import (the server restarted with it)
	log "pg_stat_statements: one more import into $PGSS"
	DATA=$("${PSQL[@]}" -At -d postgres -c "SHOW data_directory")
	"${PSQL[@]}" -d postgres -c "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'" >/dev/null
	if [ "$(id -u)" = 0 ]; then runuser -u perfeval_test -- "$PGBIN/pg_ctl" -D "$DATA" -w restart >/dev/null
	else "$PGBIN/pg_ctl" -D "$DATA" -w restart >/dev/null; fi
	"${PSQL[@]}" -d postgres -c "ALTER SYSTEM SET pg_stat_statements.track = 'all'" -c "SELECT pg_reload_conf()" >/dev/null
	"${PSQL[@]}" -d $LDB -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" >/dev/null
	import "SELECT pg_stat_statements_reset();" >/dev/null
	"${PSQL[@]}" -d $LDB -c "\\pset pager off" -c "SELECT round(total_exec_time) AS ms, calls, rows, wal_records AS wal, shared_blks_hit + shared_blks_read AS blks, left(regexp_replace(query, '\\s+', ' ', 'g'), 160) AS query FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) ORDER BY total_exec_time DESC LIMIT 60" >"$PGSS"
fi
[ $KEEP = 1 ] || "${PSQL[@]}" -d postgres -c "DROP DATABASE $LDB" >/dev/null
