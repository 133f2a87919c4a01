#!/usr/bin/env bash
# bench/citus_national.sh: a national-size year on the 3-node Citus cluster
# against a provincial one, the cluster alone.  Run through
# `make bench CITUS=1 NATIONAL=1` (or `bash bench/run.sh --citus --national`).
#
#   bash bench/citus_national.sh [--projects N (1000000)] [--base N (100000)]
#                                [--runs N (3)] [--shards N (32)] [--fixed-shards]
#
# The base year has --shards shards, the national year as many more as it
# has more projects (320 for 1,000,000), so that a task scores as many
# projects at both sizes, as docs/scale-out.md advises for sizing; with
# --fixed-shards both have --shards.
#
# Each size gets a new cluster (test/citus_cluster.sh: a coordinator and two
# workers on this machine), loaded by bench/gen.sql as an ETL job loads it
# (every trigger on), then the whole-year views are timed (medians, a
# warm-up first).  While anything is timed, bench/node_mem.sh samples every
# node's private memory.  The goal (issue 31): time per project at N within
# 1.2x of the base size's, the peak memory of any one process flat (within
# 1.2x), and scoring pushed down (what reaches the coordinator is partial
# aggregates, never a row per indicator).  Nothing is timed before the
# national year's first BASE projects score exactly as the base year's
# (bench/gen.sql makes every row from its number alone).
set -euo pipefail
cd "$(dirname "$0")/.."
source test/citus_cluster.sh
source bench/citus_lib.sh

PROJECTS=1000000
BASE=100000
RUNS=3
SHARDS=32
FIXED=0
while [ $# -gt 0 ]; do
	case "$1" in
	--projects) PROJECTS=$2; shift 2 ;;
	--base) BASE=$2; shift 2 ;;
	--runs) RUNS=$2; shift 2 ;;
	--shards) SHARDS=$2; shift 2 ;;
	--fixed-shards) FIXED=1; shift ;;
	*) echo "usage: bench/citus_national.sh [--projects N] [--base N] [--runs N] [--shards N] [--fixed-shards]" >&2; exit 2 ;;
	esac
done
if ! why=$(citus_available 2>&1); then
	echo "bench --citus --national: no Citus here ($why)" >&2
	exit 1
fi
OUT=$(mktemp -d /tmp/perfeval-national-out.XXXXXX)
DIR=
SAMPLER=
cleanup() {
	[ -z "$SAMPLER" ] || kill "$SAMPLER" 2>/dev/null || true
	[ -z "$DIR" ] || { citus_stop "$DIR"; rm -rf "$DIR"; }
	rm -rf "$OUT"
}
trap cleanup EXIT
export PGOPTIONS=$BENCH_PGOPTIONS

# sample the nodes' memory into $OUT/mem.<tag> while a command runs
sampled() {	# sampled TAG COMMAND...
	bash bench/node_mem.sh "$DIR" >>"$OUT/mem.$1" &
	SAMPLER=$!
	shift
	"$@"
	kill "$SAMPLER"; wait "$SAMPLER" 2>/dev/null || true
	SAMPLER=
}
# the largest process's private memory over a sample file, in MB: on the
# coordinator (c) or on a worker (w)
peak_mb() { awk -v w="$1" '{for (i = (w == "c" ? 1 : 3); i <= (w == "c" ? 1 : 5); i += 2) if ($i > m) m = $i}
	END {printf "%.0f", m / 1024}' "$2"; }

declare -A T PLANROWS NIND SIZE NSHARDS
for n in "$BASE" "$PROJECTS"; do
	DIR=$(mktemp -d /tmp/perfeval-national.XXXXXX)
	log "$n projects: starting a coordinator and two workers on ports $CITUS_PORT-$((CITUS_PORT + 2))"
	citus_start "$DIR" warehouse
	P=(psql -X -q -v ON_ERROR_STOP=1 -h "$DIR" -p "$CITUS_PORT" -U postgres -d warehouse)
	NSHARDS[$n]=$([ $FIXED = 1 ] && echo "$SHARDS" || echo $((SHARDS * n / BASE)))
	"${P[@]}" -c "SELECT count(*) FROM perfeval.distribute(shard_count => ${NSHARDS[$n]})" >/dev/null
	nodes_for_loading "$DIR"
	log "$n projects: loading (bench/gen.sql)"
	t0=$(date +%s.%N)
	sampled "load.$n" "${P[@]}" -v n="$n" -f bench/gen.sql >/dev/null
	T[load.$n]=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.0f", (b - a) * 1000}')
	"${P[@]}" -c 'DROP SCHEMA peer CASCADE' -c 'VACUUM ANALYZE' >/dev/null
	# the base year's projects, as the base run scored them
	"${P[@]}" -At -c "SELECT t::text FROM perfeval.project_scores t WHERE project_id <= 'P$(printf '%07d' "$BASE")'" |
		LC_ALL=C sort | md5sum >"$OUT/base.$n"
	if [ "$n" != "$BASE" ] && ! cmp -s "$OUT/base.$BASE" "$OUT/base.$n"; then
		echo "bench --citus --national: the first $BASE projects score differently at $n projects" >&2
		exit 1
	fi
	for v in "${VIEWS[@]}"; do
		log "$n projects: timing $v"
		: >"$OUT/t"
		for ((r = 0; r < RUNS; r++)); do
			sampled "$v.$n" "${P[@]}" -c "${Q[$v]}" -c '\timing on' -c "${Q[$v]}" | awk '/^Time:/ {print $2}' >>"$OUT/t"
		done
		T[$v.$n]=$(median <"$OUT/t")
		PLANROWS[$v.$n]=$(citus_rows "$("${P[@]}" -At -c "EXPLAIN (ANALYZE, TIMING OFF) ${Q[$v]}")")
	done
	NIND[$n]=$("${P[@]}" -At -c "SELECT count(*) FROM perfeval.indicator")
	SIZE[$n]=$("${P[@]}" -At -c "SELECT pg_size_pretty(sum(result::bigint)) FROM run_command_on_workers('SELECT pg_database_size(current_database())')")
	citus_stop "$DIR"
	rm -rf "$DIR"
	DIR=
done

per() { awk -v t="$1" -v n="$2" 'BEGIN {printf "%.1f", t * 1000 / n}'; }	# ms -> us per project
echo
echo "perfeval on Citus, national size: $BASE and $PROJECTS projects (${NIND[$BASE]} and ${NIND[$PROJECTS]} indicator rows; ${NSHARDS[$BASE]} and ${NSHARDS[$PROJECTS]} shards; workers' databases ${SIZE[$BASE]} and ${SIZE[$PROJECTS]}), each on a new coordinator and 2 workers on the same $(nproc) cores; $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "medians of $RUNS runs (psql \\timing, a warm-up first); memory: the largest process's RssAnon (private, not shared buffers) on the coordinator and on a worker, sampled every 0.5 s"
echo
ROWS=("whole year|$BASE projects|per project|$PROJECTS projects|per project|ratio per project (goal <= 1.2)|coordinator's largest process|a worker's largest process|ratio (goal <= 1.2)|to the coordinator")
bad=0
for v in load "${VIEWS[@]}"; do
	a=${T[$v.$BASE]}; b=${T[$v.$PROJECTS]}
	r=$(awk -v a="$a" -v b="$b" -v m="$BASE" -v n="$PROJECTS" 'BEGIN {printf "%.2f", (b / n) / (a / m)}')
	ca=$(peak_mb c "$OUT/mem.$v.$BASE"); cb=$(peak_mb c "$OUT/mem.$v.$PROJECTS")
	wa=$(peak_mb w "$OUT/mem.$v.$BASE"); wb=$(peak_mb w "$OUT/mem.$v.$PROJECTS")
	cr=$(ratio "$cb" "$ca"); wr=$(ratio "$wb" "$wa")
	rows=
	if [ "$v" != load ]; then
		rows="${PLANROWS[$v.$BASE]} / ${PLANROWS[$v.$PROJECTS]} rows"
		[ "${PLANROWS[$v.$PROJECTS]}" -lt "${NIND[$PROJECTS]}" ] || bad=1
		# (the load's memory is bench/gen.sql's own statements: not judged)
		awk -v r="$r" -v c="$cr" -v w="$wr" 'BEGIN {exit !(r > 1.2 || c > 1.2 || w > 1.2)}' && bad=1
	fi
	ROWS+=("$v|$(ms "$a")|$(per "$a" "$BASE") us|$(ms "$b")|$(per "$b" "$PROJECTS") us|$r|$ca / $cb MB|$wa / $wb MB|$cr / $wr|$rows")
	echo "$v ${T[$v.$BASE]} ${T[$v.$PROJECTS]} $ca $cb $wa $wb ${PLANROWS[$v.$BASE]:-} ${PLANROWS[$v.$PROJECTS]:-}" >>"$OUT/raw"
done
printf '%s\n' "${ROWS[@]}" | md_table
echo
echo "raw (what, ms at $BASE and $PROJECTS, coordinator's and a worker's peak MB at each, rows to the coordinator at each):"
sed 's/^/    /' "$OUT/raw"
echo
[ $bad = 0 ] &&
	echo "goal met: every view's time per project within 1.2x, the largest process's memory within 1.2x, no row per indicator to the coordinator" ||
	echo "goal NOT met (see the ratios above)"
