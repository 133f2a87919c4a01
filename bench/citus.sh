#!/usr/bin/env bash
# bench/citus.sh: the same year on one node and on a 3-node Citus cluster on
# this machine (a coordinator and two workers, test/citus_cluster.sh), medians
# of runs taking turns.  Run through `make bench CITUS=1` (or
# `bash bench/run.sh --citus`); builds Citus from ../shared/vendor when
# citus.so is missing.  `--national` runs bench/citus_national.sh instead
# (the cluster alone at 100,000 and 1,000,000 projects).
#
#   bash bench/citus.sh [--projects N (100000)] [--runs N (5)] [--import N (10000)]
#                       [--shards N (Citus's citus.shard_count, 32)]
#
# One node is a database on the coordinator's server without Citus: the
# same cores, memory and settings.  Nothing is timed before both return the
# same rows for every measured view.  For each view the report gives the
# time on both, the ratio, the workers' share of the CPU the three nodes
# spent on the cluster's runs (read from /proc between statements), and the
# rows that reached the coordinator (EXPLAIN ANALYZE of the Citus scan).
# Then the load, the import, and an ETL job's small writes (pgbench, one
# client, one project per statement) on both.
set -euo pipefail
cd "$(dirname "$0")/.."
source test/citus_cluster.sh
source bench/citus_lib.sh
[ "${1:-}" != --national ] || { shift; exec bash bench/citus_national.sh "$@"; }

PROJECTS=100000
RUNS=5
IMPORT=10000
SHARDS=
while [ $# -gt 0 ]; do
	case "$1" in
	--projects) PROJECTS=$2; shift 2 ;;
	--runs) RUNS=$2; shift 2 ;;
	--import) IMPORT=$2; shift 2 ;;
	--shards) SHARDS=$2; shift 2 ;;
	*) echo "usage: bench/citus.sh [--projects N] [--runs N] [--import N] [--shards N]" >&2; exit 2 ;;
	esac
done

if ! why=$(citus_available 2>&1); then
	echo "bench --citus: no Citus here ($why)" >&2
	exit 1
fi
DIR=$(mktemp -d /tmp/perfeval-citus-bench.XXXXXX)
OUT=$(mktemp -d /tmp/perfeval-citus-out.XXXXXX)
chmod 777 "$OUT"
trap 'citus_stop "$DIR"; rm -rf "$DIR" "$OUT"' EXIT
export PGOPTIONS="-c client_min_messages=warning"
log "starting a coordinator and two workers on ports $CITUS_PORT-$((CITUS_PORT + 2))"
citus_start "$DIR" warehouse
P=(psql -X -q -v ON_ERROR_STOP=1 -h "$DIR" -p "$CITUS_PORT" -U postgres)
"${P[@]}" -d warehouse -c "SELECT count(*) FROM perfeval.distribute(shard_count => ${SHARDS:-NULL})" >/dev/null
"${P[@]}" -d postgres -c 'CREATE DATABASE single'
"${P[@]}" -d single -c 'CREATE EXTENSION perfeval'
nodes_for_loading "$DIR"
export PGOPTIONS=$BENCH_PGOPTIONS
ONE_NODE_OPTS="-c max_parallel_workers_per_gather=2"


# 1. The year, generated on both (as an ETL job loads it: every trigger on).
for db in single warehouse; do
	log "generating $PROJECTS projects into $db"
	t0=$(date +%s.%N)
	PGOPTIONS="$PGOPTIONS $([ $db = single ] && echo "$ONE_NODE_OPTS")" "${P[@]}" -d $db -v n="$PROJECTS" -f bench/gen.sql >/dev/null
	"${P[@]}" -d $db -c 'VACUUM ANALYZE' >/dev/null
	eval "GEN_$db=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.0f", (b - a) * 1000}')"
done
NIND=$("${P[@]}" -At -d single -c "SELECT count(*) FROM perfeval.indicator")
log "$PROJECTS projects, $NIND indicator rows on both"

# 2. The same rows on both, before anything is timed.
bad=0
for v in "${VIEWS[@]}"; do
	a=$("${P[@]}" -At -d warehouse -c "SELECT t::text FROM perfeval.$v t" | LC_ALL=C sort | md5sum)
	b=$(PGOPTIONS="$PGOPTIONS $ONE_NODE_OPTS" "${P[@]}" -At -d single -c "SELECT t::text FROM perfeval.$v t" | LC_ALL=C sort | md5sum)
	[ "$a" = "$b" ] || { echo "bench --citus: $v differs between the cluster and one node" >&2; bad=1; }
done
[ $bad = 0 ] || exit 1
log "every measured view returns the same rows on both"

# 3. Timings: each run is one session per side (a warm-up, then the timed
# statement), the sides taking turns; on the cluster, the nodes' CPU is read
# just before and after the timed statement.
ROWS=()
for v in "${VIEWS[@]}"; do
	log "timing $v"
	: >"$OUT/one" ; : >"$OUT/clu"; : >"$OUT/cpu"
	for ((r = 0; r < RUNS; r++)); do
		PGOPTIONS="$PGOPTIONS $ONE_NODE_OPTS" "${P[@]}" -d single \
			-c "${Q[$v]}" -c '\timing on' -c "${Q[$v]}" | awk '/^Time:/ {print $2}' >>"$OUT/one"
		"${P[@]}" -d warehouse -c "${Q[$v]}" -c "\\! bash bench/node_cpu.sh $DIR >>$OUT/cpu" -c '\timing on' -c "${Q[$v]}" \
			-c '\timing off' -c "\\! bash bench/node_cpu.sh $DIR >>$OUT/cpu" | awk '/^Time:/ {print $2}' >>"$OUT/clu"
	done
	one=$(median <"$OUT/one")
	clu=$(median <"$OUT/clu")
	# CPU ticks per node over the timed runs (pairs of lines: before, after)
	read -r c0 c1 c2 < <(awk 'NR % 2 {for (i = 1; i <= 3; i++) b[i] = $i; next} {for (i = 1; i <= 3; i++) d[i] += $i - b[i]}
		END {print d[1] + 0, d[2] + 0, d[3] + 0}' "$OUT/cpu")
	share=$(awk -v c="$c0" -v w="$((c1 + c2))" 'BEGIN {if (c + w > 0) printf "%.0f%%", 100 * w / (c + w); else print "-"}')
	vrows=$("${P[@]}" -At -d warehouse -c "SELECT count(*) FROM perfeval.$v")
	# the rows the coordinator received from the workers' tasks
	plan=$("${P[@]}" -At -d warehouse -c "EXPLAIN (ANALYZE, TIMING OFF) ${Q[$v]}")
	rows=$(citus_rows "$plan")
	tasks=$(grep -m1 -o 'Task Count: [0-9]*' <<<"$plan" | awk '{print $3}')
	bytes=$(grep -o 'Tuple data received from nodes: [0-9]* [a-zA-Z]*' <<<"$plan" |
		awk '{n = $6; if ($7 == "kB") n *= 1024; else if ($7 == "MB") n *= 1048576; s += n} END {printf "%.0f", s}')
	# worker CPU per project (the scoring's throughput per worker core)
	pps=$(awk -v n="$PROJECTS" -v t="$((c1 + c2))" -v r="$RUNS" -v hz="$(getconf CLK_TCK)" \
		'BEGIN {if (t > 0) printf "%.0f", n * r / (t / hz); else print "-"}')
	coord=$(awk -v c="$c0" -v r="$RUNS" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.0f", 1000 * c / hz / r}')
	ROWS+=("$v|$(ms "$one")|$(ms "$clu")|$(ratio "$clu" "$one")|$share|${rows:-?} rows, $bytes bytes ($tasks tasks)|$pps|$coord ms")
	echo "$v $one $clu $c0 $c1 $c2 ${rows:-?} $tasks $bytes $vrows" >>"$OUT/raw"
done

# 4. The import on both: IMPORT forms of the year exported (the four CSV
# files), staged with COPY and imported (each replaces its project).
log "importing $IMPORT exported forms on both"
chmod 755 "$OUT"
for f in project indicator checklist survey; do
	"${P[@]}" -d single -c "\\copy (SELECT e.* FROM perfeval.export_$f e WHERE e.\"项目编码\" <= 'P$(printf '%07d' "$IMPORT")') TO '$OUT/f_$f.csv' WITH (FORMAT csv, HEADER)"
done
declare -A IMP
for db in single warehouse; do
	{
		echo "SET work_mem = '256MB';"
		echo '\timing on'
		for f in project indicator checklist survey; do
			echo "\\copy perfeval.form_$f FROM '$OUT/f_$f.csv' WITH (FORMAT csv, HEADER match)"
		done
		echo "SELECT count(*) FILTER (WHERE status = 'imported') FROM perfeval.import_forms();"
	} >"$OUT/import.sql"
	IMP[$db]=$("${P[@]}" -d $db -f "$OUT/import.sql" | awk '/^Time:/ {s += $2} END {printf "%.0f", s}')
	n=$("${P[@]}" -At -d $db -c "SELECT count(*) FROM perfeval.project WHERE source = 'import_forms'")
	[ "$n" = "$IMPORT" ] || { echo "bench --citus: $db imported $n forms of $IMPORT" >&2; exit 1; }
done
a=$("${P[@]}" -At -d warehouse -c "SELECT t::text FROM perfeval.project_scores t" | LC_ALL=C sort | md5sum)
b=$("${P[@]}" -At -d single -c "SELECT t::text FROM perfeval.project_scores t" | LC_ALL=C sort | md5sum)
[ "$a" = "$b" ] || { echo "bench --citus: project_scores differ after the import" >&2; exit 1; }

# 5. An ETL job's small writes: one project's money updated per statement,
# and a transaction of two statements (its actuals, an indicator), by one
# pgbench client for 15 s on each side, taking turns; the mean latency
log "small writes: one project per statement (pgbench, 1 client, 15 s each)"
cat >"$OUT/one.sql" <<SQL
\set id random(1, $PROJECTS)
UPDATE perfeval.allocation SET spent = spent + 1 WHERE project_id = 'P' || lpad(:id::text, 7, '0');
SQL
cat >"$OUT/two.sql" <<SQL
\set id random(1, $PROJECTS)
BEGIN;
UPDATE perfeval.actual SET fraction = fraction WHERE project_id = 'P' || lpad(:id::text, 7, '0');
UPDATE perfeval.indicator SET weight = weight WHERE project_id = 'P' || lpad(:id::text, 7, '0') AND seq = 1;
COMMIT;
SQL
declare -A LAT
for f in one two; do
	for db in single warehouse; do
		LAT[$f$db]=$($PGBIN/pgbench -n -T 15 -c 1 -f "$OUT/$f.sql" -h "$DIR" -p "$CITUS_PORT" -U postgres $db 2>/dev/null |
			awk '/^latency average/ {print $4}')
	done
done

echo
echo "perfeval on Citus: $PROJECTS projects, $NIND indicator rows; one node vs a coordinator and 2 workers on the same $(nproc) cores; $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "medians of $RUNS runs (psql \\timing, one session per run after a warm-up, the sides taking turns); citus.coordinator_aggregation_strategy = disabled"
echo
{
	echo "view (whole year)|one node|cluster|ratio (goal <= 1.5)|workers' CPU share|to the coordinator (of '"$NIND"' indicator rows)|projects per worker CPU second|coordinator CPU per query"
	printf '%s\n' "${ROWS[@]}"
	echo "load: bench/gen.sql (INSERT ... SELECT of every table, triggers on)|$(ms "$GEN_single")|$(ms "$GEN_warehouse")|$(ratio "$GEN_warehouse" "$GEN_single")|||"
	echo "import: $IMPORT exported forms (COPY into the staging + import_forms())|$(ms "${IMP[single]}")|$(ms "${IMP[warehouse]}")|$(ratio "${IMP[warehouse]}" "${IMP[single]}")||||$(awk -v n="$IMPORT" -v a="${IMP[single]}" -v b="${IMP[warehouse]}" 'BEGIN {printf "%.0f / %.0f forms/s", n * 1000 / a, n * 1000 / b}')"
	echo "small writes: one project's UPDATE per statement (pgbench, mean latency)|${LAT[onesingle]} ms|${LAT[onewarehouse]} ms|$(ratio "${LAT[onewarehouse]}" "${LAT[onesingle]}")|||"
	echo "small writes: a transaction of two UPDATEs of one project (pgbench, mean latency)|${LAT[twosingle]} ms|${LAT[twowarehouse]} ms|$(ratio "${LAT[twowarehouse]}" "${LAT[twosingle]}")|||"
} | md_table
echo
echo "raw (view, one node ms, cluster ms, coordinator/worker1/worker2 CPU ticks over the runs at $(getconf CLK_TCK)/s, rows to the coordinator, tasks, bytes, rows of the view):"
sed 's/^/    /' "$OUT/raw"
echo
echo "project_scores on the cluster:"
"${P[@]}" -At -d warehouse -c "EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF) ${Q[project_scores]}" | sed 's/^/    /'
# the goal: every view within 1.5x one node; what reaches the coordinator is
# partial aggregates (at most one row per task and row of the view), never
# a row per indicator
awk -v nind="$NIND" '{r = $3 / $2; if (r > 1.5 || $7 == "?" || $7 > $8 * $10 || $7 >= nind) bad = 1} END {exit bad}' "$OUT/raw" &&
	echo "goal met: every view within 1.5x one node; at most one row per task and view row reaches the coordinator, none per indicator" ||
	echo "goal NOT met (see the ratios and rows above)"
