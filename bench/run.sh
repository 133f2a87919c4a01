#!/usr/bin/env bash
# bench/run.sh: score a national-size warehouse with perfeval, its peers and
# the floor, and print one table of medians.  Run through `make bench`
# (test/run.sh starts a throwaway cluster and exports PGHOST/PGPORT/PGUSER),
# or against any cluster with perfeval installed:
#
#   bash bench/run.sh                      100,000 projects (~2M indicator rows)
#   bash bench/run.sh --projects 10000     a quick run
#   bash bench/run.sh --growth             add the 1,000,000-project point
#   options: --runs N (5) --keep (keep the databases)
#            --no-peers (skip the slow peers; no equality assertion either)
#   bash bench/run.sh --citus [--projects N]   one node vs a 3-node Citus
#                                          cluster on this machine (bench/citus.sh)
#
# Nothing is timed before the peers and perfeval agree on every project's
# total and grade and every level-1 score (the script exits 1 if not).
set -euo pipefail
cd "$(dirname "$0")/.."

PROJECTS=100000
GROWTH=0
RUNS=5
KEEP=0
PEERS=1
[ "${1:-}" != --citus ] || { shift; exec bash bench/citus.sh "$@"; }
while [ $# -gt 0 ]; do
	case "$1" in
	--projects) PROJECTS=$2; shift 2 ;;
	--projects=*) PROJECTS=${1#*=}; shift ;;
	--growth) GROWTH=1; shift ;;
	--runs) RUNS=$2; shift 2 ;;
	--keep) KEEP=1; shift ;;
	--no-peers) PEERS=0; shift ;;
	*) echo "usage: bench/run.sh [--citus] [--projects N] [--growth] [--runs N] [--keep] [--no-peers]" >&2; exit 2 ;;
	esac
done

# Session settings for every connection of the benchmark (the cluster's
# shared_buffers stays what it is; data is in the OS cache after loading).
export PGOPTIONS="${PGOPTIONS:-} -c work_mem=64MB -c max_parallel_workers_per_gather=2 -c jit=off -c random_page_cost=1.1 -c client_min_messages=warning"
PSQL=(psql -X -q -v ON_ERROR_STOP=1)
OUT=$(mktemp -d /tmp/perfeval-bench.XXXXXX)
trap 'rm -rf "$OUT"' EXIT
log() { printf '== %s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# Bulk loads write a lot of WAL; avoid checkpoints in the middle of a timing.
"${PSQL[@]}" -d postgres -c "ALTER SYSTEM SET max_wal_size = '16GB'" \
	-c "ALTER SYSTEM SET checkpoint_timeout = '1h'" -c "SELECT pg_reload_conf()" >/dev/null

# The server writes and reads the COPY files: a directory it can write to.
SRVDIR=$("${PSQL[@]}" -At -d postgres -c "SHOW data_directory")/bench_copy
"${PSQL[@]}" -d postgres -c "COPY (SELECT 1) TO PROGRAM 'mkdir -p $SRVDIR'" >/dev/null

median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) print "NaN"; else if (NR%2) printf "%.3f\n", a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}'; }

# time_sql DB N WARMUP SQL: median of N runs of EXPLAIN (ANALYZE, TIMING OFF)
# (planning + execution time, ms; nothing is sent to the client).
time_sql() {
	local db=$1 n=$2 warm=$3 sql=$4 f=$OUT/t.sql
	: >"$f"
	for ((i = 0; i < n + warm; i++)); do
		echo "EXPLAIN (ANALYZE, TIMING OFF, SUMMARY ON) $sql;" >>"$f"
	done
	"${PSQL[@]}" -At -d "$db" -f "$f" |
		awk -v warm="$warm" '/^Planning Time:/ {p=$3} /^Execution Time:/ {k++; if (k>warm) print p+$3}' | median
}

# time_pair DB N SQL_A SQL_B [SETUP_A SETUP_B]: medians of N runs of each, A
# and B taking turns, so that a slow spell of the machine falls on both
# sides of a ratio; each run after its setup statement (SET ROLE, say).
time_pair() {
	local db=$1 n=$2 a=$3 b=$4 sa=${5:-} sb=${6:-} f=$OUT/p.sql
	: >"$f"
	for ((i = 0; i < n; i++)); do
		echo "$sa EXPLAIN (ANALYZE, TIMING OFF, SUMMARY ON) $a;" >>"$f"
		echo "$sb EXPLAIN (ANALYZE, TIMING OFF, SUMMARY ON) $b;" >>"$f"
	done
	"${PSQL[@]}" -At -d "$db" -f "$f" |
		awk '/^Planning Time:/ {p=$3} /^Execution Time:/ {k++; print (k % 2 ? "A" : "B"), p+$3}' >"$OUT/pair"
	echo "$(awk '$1 == "A" {print $2}' "$OUT/pair" | median) $(awk '$1 == "B" {print $2}' "$OUT/pair" | median)"
}

# time_stmt DB N SETUP STMT: median psql \timing of STMT (run after SETUP each time).
time_stmt() {
	local db=$1 n=$2 setup=$3 stmt=$4 f=$OUT/s.sql
	: >"$f"
	for ((i = 0; i < n; i++)); do
		printf '%s\n\\timing on\n%s\n\\timing off\n' "$setup" "$stmt" >>"$f"
	done
	"${PSQL[@]}" -d "$db" -f "$f" | awk '/^Time:/ {print $2}' | median
}

# prepare DB N: a database holding a generated year of N projects.
prepare() {
	local db=$1 n=$2
	if [ "$("${PSQL[@]}" -At -d postgres -c "SELECT count(*) FROM pg_database WHERE datname = '$db'")" = 1 ] &&
		[ "$("${PSQL[@]}" -At -d "$db" -c "SELECT count(*) FROM perfeval.project" 2>/dev/null || echo 0)" = "$n" ]; then
		log "reusing $db"
		return
	fi
	"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null
	"${PSQL[@]}" -d "$db" -c "CREATE EXTENSION perfeval" >/dev/null
	local t0=$SECONDS
	log "generating $n projects into $db"
	"${PSQL[@]}" -d "$db" -v n="$n" -f bench/gen.sql >/dev/null
	"${PSQL[@]}" -d "$db" -f bench/peers.sql >/dev/null
	# as after any bulk load (README): statistics for the planner
	log "vacuum analyze $db"
	"${PSQL[@]}" -d "$db" -c "VACUUM (ANALYZE, FREEZE)" >/dev/null
	log "generated $db in $((SECONDS - t0)) s"
}

# peak_memory DB SQL: the backend's peak resident memory (VmHWM, kB) after it
# ran SQL without parallel workers, and that peak less the shared memory it
# mapped (RssShmem: shared buffers it touched), a lower bound of the peak of
# its private memory.  Read from /proc by the backend itself after the query.
peak_memory() {
	local db=$1 sql=$2
	PGOPTIONS="$PGOPTIONS -c max_parallel_workers_per_gather=0" \
		"${PSQL[@]}" -At -d "$db" -c "SELECT count(*) FROM ($sql) q" \
		-c "SELECT pg_read_file('/proc/' || pg_backend_pid() || '/status')" |
		awk '/^VmHWM:/ {h=$2} /^RssShmem:/ {s=$2} END {print h - s, h+0}'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.2f", a / b; else print "NaN"}'; }
ms() { awk -v a="$1" 'BEGIN {if (a == "NaN" || a == "") print "-"; else if (a >= 100) printf "%.0f ms", a; else printf "%.2f ms", a}'; }
met() { awk -v r="$1" -v op="$2" -v g="$3" 'BEGIN {if (r == "NaN") print "?"; else if ((op == "<=" && r <= g) || (op == ">=" && r >= g)) print "yes"; else print "NO"}'; }

ROWS=()
row() { ROWS+=("$(printf '%s|%s|%s|%s|%s|%s|%s' "$@")"); }

DB=perfeval_bench_$PROJECTS
log "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $("${PSQL[@]}" -At -d postgres -c 'SHOW server_version')"
prepare "$DB" "$PROJECTS"
NIND=$("${PSQL[@]}" -At -d "$DB" -c "SELECT count(*) FROM perfeval.indicator")
NACT=$("${PSQL[@]}" -At -d "$DB" -c "SELECT count(*) FROM perfeval.actual")
log "$PROJECTS projects, $NIND indicators, $NACT actuals"

# ---------------------------------------------------------------------------
# 1. The peers and perfeval agree, before anything is timed.
if [ $PEERS = 1 ]; then
	log "asserting identical totals (perfeval, plain SQL, PL/pgSQL)"
	"${PSQL[@]}" -d "$DB" >"$OUT/assert" <<-'EOF'
	\timing on
	CREATE TABLE r_pe AS SELECT project_id, total, grade FROM perfeval.project_scores;
	CREATE TABLE r_sql AS SELECT project_id, total, grade FROM peer.project_scores_sql;
	CREATE TABLE r_plpgsql AS SELECT project_id, total, grade FROM peer.project_scores_plpgsql;
	CREATE TABLE l_pe AS SELECT project_id, level1, score FROM perfeval.level1_scores;
	CREATE TABLE l_sql AS SELECT project_id, level1, score FROM peer.level1_scores_sql;
	CREATE TABLE l_plpgsql AS SELECT project_id, level1, score FROM peer.level1_scores_plpgsql;
	\timing off
	CREATE TABLE r_floor AS SELECT project_id, indicators FROM floor.project_scores;
	ANALYZE r_pe, r_sql, r_plpgsql, l_pe, l_sql, l_plpgsql, r_floor;
	EOF
	# one run each, the same statement (CREATE TABLE AS) for perfeval and the peers
	read -r CT_PE CT_SQL CT_PL CL_PE CL_SQL CL_PL < <(awk '/^Time:/ {printf "%s ", $2} END {print ""}' "$OUT/assert")
	bad=$("${PSQL[@]}" -At -d "$DB" <<-'EOF'
	SELECT (SELECT count(*) FROM r_pe a FULL JOIN r_sql b USING (project_id)
			 WHERE a.total IS DISTINCT FROM b.total OR a.grade IS DISTINCT FROM b.grade)
		 + (SELECT count(*) FROM r_pe a FULL JOIN r_plpgsql b USING (project_id)
			 WHERE a.total IS DISTINCT FROM b.total OR a.grade IS DISTINCT FROM b.grade)
		 + (SELECT count(*) FROM l_pe a FULL JOIN l_sql b USING (project_id, level1)
			 WHERE a.score IS DISTINCT FROM b.score)
		 + (SELECT count(*) FROM l_pe a FULL JOIN l_plpgsql b USING (project_id, level1)
			 WHERE a.score IS DISTINCT FROM b.score)
		 + (SELECT count(*) FROM r_pe a FULL JOIN r_floor b USING (project_id) WHERE a IS NULL OR b IS NULL)
		 + (SELECT count(*) FROM r_pe WHERE total IS NULL)
		 + abs((SELECT count(*) FROM r_pe) - (SELECT count(*) FROM perfeval.project))
		 + abs((SELECT count(*) FROM l_pe) - (SELECT count(*) FROM l_sql));
	EOF
	)
	"${PSQL[@]}" -d "$DB" -c "DROP TABLE r_pe, r_sql, r_plpgsql, l_pe, l_sql, l_plpgsql, r_floor" >/dev/null
	if [ "$bad" != 0 ]; then
		echo "FAILED: $bad projects or level-1 rows where perfeval and its peers disagree (or do not score)" >&2
		exit 1
	fi
	log "peers agree on every total, grade and level-1 score"
fi

# ---------------------------------------------------------------------------
# 2. Loading: COPY of the indicator rows as written in reports, into a table
# with perfeval's types vs the same table with text columns.
log "loading (COPY)"
"${PSQL[@]}" -d "$DB" <<-EOF >/dev/null
	DROP TABLE IF EXISTS load_typed, load_text, load_actual_typed, load_actual_text;
	CREATE TABLE load_typed (LIKE perfeval.indicator INCLUDING ALL);
	CREATE TABLE load_text (LIKE perfeval.indicator INCLUDING ALL);
	-- text has no percentage check (it reads the target as perfeval.target)
	ALTER TABLE load_text DROP CONSTRAINT indicator_rate_target_percent;
	ALTER TABLE load_text ALTER method DROP DEFAULT, ALTER target TYPE text, ALTER method TYPE text,
		ALTER method SET DEFAULT 'proportional';
	CREATE TABLE load_actual_typed (LIKE perfeval.actual INCLUDING ALL);
	CREATE TABLE load_actual_text (LIKE perfeval.actual INCLUDING ALL);
	ALTER TABLE load_actual_text ALTER measure TYPE text;
	COPY (SELECT project_id, code, seq, level1, level2, name, weight, target, method, source,
				 applicable, NULL FROM peer.indicator) TO '$SRVDIR/indicator.copy';
	COPY (SELECT project_id, code, reported_on, measure, tier, fraction, deviation_note
			FROM peer.actual) TO '$SRVDIR/actual.copy';
EOF
ICOLS="project_id, code, seq, level1, level2, name, weight, target, method, source, applicable, printed_score"
ACOLS="project_id, code, reported_on, measure, tier, fraction, deviation_note"
LOAD_TYPED=$(time_stmt "$DB" "$RUNS" "TRUNCATE load_typed;" "COPY load_typed ($ICOLS) FROM '$SRVDIR/indicator.copy';")
LOAD_TEXT=$(time_stmt "$DB" "$RUNS" "TRUNCATE load_text;" "COPY load_text ($ICOLS) FROM '$SRVDIR/indicator.copy';")
LOADA_TYPED=$(time_stmt "$DB" "$RUNS" "TRUNCATE load_actual_typed;" "COPY load_actual_typed ($ACOLS) FROM '$SRVDIR/actual.copy';")
LOADA_TEXT=$(time_stmt "$DB" "$RUNS" "TRUNCATE load_actual_text;" "COPY load_actual_text ($ACOLS) FROM '$SRVDIR/actual.copy';")
"${PSQL[@]}" -d "$DB" -c "DROP TABLE load_typed, load_text, load_actual_typed, load_actual_text" >/dev/null
r=$(ratio "$LOAD_TYPED" "$LOAD_TEXT")
row "load: COPY $NIND indicator rows, typed vs text" "$(ms "$LOAD_TYPED")" "$(ms "$LOAD_TEXT")" "" "$r" "<= 1.5" "$(met "$r" "<=" 1.5)"
r=$(ratio "$LOADA_TYPED" "$LOADA_TEXT")
row "load: COPY $NACT actual rows, typed vs text" "$(ms "$LOADA_TYPED")" "$(ms "$LOADA_TEXT")" "" "$r" "<= 1.5" "$(met "$r" "<=" 1.5)"

# The whole year loaded as an ETL job loads it (COPY of every table, in
# order), into perfeval's tables with all it does on load (foreign keys,
# checks, the unit check, the kept state) and into the same tables with the
# same keys and constraints and nothing of perfeval's maintenance; both in
# a database of their own, taking turns.
log "loading the year (COPY of every table): perfeval vs the same tables without its state maintenance"
TABLES=(scheme division project allocation indicator actual checklist_point survey_response)
SCHEME_COLS="scheme_id, name, grade_scale, decimals, rounding, execution_base, reverse_rule, tier_high, tier_low, satisfaction_coefficients, over_threshold"
{
	echo "COPY (SELECT $SCHEME_COLS FROM perfeval.scheme WHERE scheme_id <> 'national') TO '$SRVDIR/y_scheme.copy';"
	for t in "${TABLES[@]:1}"; do echo "COPY perfeval.$t TO '$SRVDIR/y_$t.copy';"; done
} | "${PSQL[@]}" -d "$DB" >/dev/null
LDB=perfeval_bench_load
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
load_year() {	# load_year SCHEMA: seconds to COPY the year into SCHEMA's tables
	local f=$OUT/load.sql t0 t1
	{
		echo "TRUNCATE $1.project CASCADE; DELETE FROM $1.scheme WHERE scheme_id <> 'national'; TRUNCATE $1.division;"
		echo "CHECKPOINT;"
		echo "\\timing on"
		echo "COPY $1.scheme ($SCHEME_COLS) FROM '$SRVDIR/y_scheme.copy';"
		for t in "${TABLES[@]:1}"; do echo "COPY $1.$t FROM '$SRVDIR/y_$t.copy';"; done
	} >"$f"
	"${PSQL[@]}" -d $LDB -f "$f" | awk '/^Time:/ {s += $2} END {printf "%.0f\n", s}'
}
LY=()
for ((i = 0; i < 2; i++)); do
	LY+=("$(load_year base) $(load_year perfeval)")
done
LOAD_BASE=$(printf '%s\n' "${LY[@]}" | awk '{print $1}' | median)
LOAD_PE=$(printf '%s\n' "${LY[@]}" | awk '{print $2}' | median)
LOAD_OK=$("${PSQL[@]}" -At -d $LDB -c "SELECT (SELECT count(*) FROM perfeval.actual) = (SELECT count(*) FROM base.actual)
	AND (SELECT count(*) FROM perfeval_internal.project_state) = $PROJECTS")
# The same year as the budget system exports it (the four self-evaluation
# CSV files, written by the export views) imported: COPY into the staging
# views, then import_forms(), into the emptied warehouse; against the same
# COPY baseline.  (work_mem as an ETL session would set it for the sorts.)
log "importing the year from its self-evaluation CSV files"
FORMS=(project indicator checklist survey)
for f in "${FORMS[@]}"; do
	"${PSQL[@]}" -d "$DB" -c "COPY (SELECT * FROM perfeval.export_$f) TO '$SRVDIR/form_$f.csv' WITH (FORMAT csv, HEADER)" >/dev/null
done
{
	echo "TRUNCATE perfeval.project CASCADE;"
	echo "CHECKPOINT;"
	echo "SET work_mem = '256MB';"
	echo "\\timing on"
	for f in "${FORMS[@]}"; do echo "COPY perfeval.form_$f FROM '$SRVDIR/form_$f.csv' WITH (FORMAT csv, HEADER match);"; done
	echo "SELECT count(*) FILTER (WHERE status = 'imported') AS imported FROM perfeval.import_forms();"
} >"$OUT/import.sql"
IMPORT_OUT=$("${PSQL[@]}" -d $LDB -f "$OUT/import.sql" 2>&1)
IMPORT_MS=$(awk '/^Time:/ {s += $2} END {printf "%.0f\n", s}' <<<"$IMPORT_OUT")
IMPORTED=$(awk '/^ *imported *$/ {getline; getline; print $1}' <<<"$IMPORT_OUT")
# The import is right when it gives the source year's scores: every
# project's total and grade (a fingerprint of them, computed in both
# databases), the same indicator count and no import error.
SCORES_SQL="SELECT count(*) || ' ' || count(total) || ' ' || md5(string_agg(project_id || ':' || coalesce(trim_scale(total)::text, '-') || ':' || coalesce(grade, '-'), ',' ORDER BY project_id)) FROM perfeval.project_scores"
SCORES_SRC=$("${PSQL[@]}" -At -d "$DB" -c "$SCORES_SQL")
SCORES_IMP=$("${PSQL[@]}" -At -d $LDB -c "$SCORES_SQL")
IMPORT_OK=$("${PSQL[@]}" -At -d $LDB -c "SELECT (SELECT count(*) FROM perfeval.project) = $PROJECTS
	AND (SELECT count(*) FROM perfeval.indicator) = (SELECT count(*) FROM base.indicator)
	AND NOT EXISTS (SELECT FROM perfeval.import_error)")
[ "$SCORES_SRC" = "$SCORES_IMP" ] || { IMPORT_OK=f; log "import: project_scores differ from the source year (projects, totals, fingerprint): $SCORES_SRC vs $SCORES_IMP"; }
FORMS_PER_S=$(awk -v n="${IMPORTED:-0}" -v ms="$IMPORT_MS" 'BEGIN {printf "%.0f", (ms > 0 ? n * 1000 / ms : 0)}')
[ "$KEEP" = 1 ] || "${PSQL[@]}" -d postgres -c "DROP DATABASE $LDB" >/dev/null
r=$(ratio "$LOAD_PE" "$LOAD_BASE")
row "load: the year by COPY ($PROJECTS projects, 6 tables), perfeval vs same keys and constraints only (state kept: $LOAD_OK)" \
	"$(ms "$LOAD_PE")" "$(ms "$LOAD_BASE")" "" "$r" "<= 1.5" "$(met "$r" "<=" 1.5)"
r=$(ratio "$IMPORT_MS" "$LOAD_BASE")
row "import: the year from its CSV forms ($IMPORTED forms imported, $FORMS_PER_S forms/s; same totals and grades as the source year: $IMPORT_OK), vs the COPY above" \
	"$(ms "$IMPORT_MS")" "$(ms "$LOAD_BASE")" "" "$r" "<= 1.5" "$(met "$r" "<=" 1.5)"

# ---------------------------------------------------------------------------
# 3. Whole-year scoring: perfeval's views, the floor, the peers.
log "scoring: project_scores"
Q_PE="SELECT count(*), sum(total), count(grade) FROM perfeval.project_scores"
# every indicator row evaluated, as project_scores did before it read the
# kept results (1.16, issue 30): the baseline of the views that evaluate
Q_EVAL="SELECT count(*), sum(total), count(grade) FROM perfeval.project_scores_as_of('9999-12-31')"
read -r PS_PE PS_FLOOR < <(time_pair "$DB" "$RUNS" "$Q_PE" "SELECT count(*), sum(total), count(grade) FROM floor.project_scores")
PS_BARE=$(time_sql "$DB" "$RUNS" 1 "SELECT count(*), sum(total) FROM floor.bare")
r=$(ratio "$PS_PE" "$PS_FLOOR")
row "project_scores, whole year ($PROJECTS projects) vs floor (view shape)" "$(ms "$PS_PE")" "$(ms "$PS_FLOOR")" "" "$r" "<= 1.2" "$(met "$r" "<=" 1.2)"
# the bare floor (issue 30): SELECT project_id, sum(weight) FROM indicator
# GROUP BY project_id, which reads every indicator row; the current views
# read the kept results instead (section 47)
r=$(ratio "$PS_PE" "$PS_BARE")
row "project_scores vs the bare floor: SELECT project_id, sum(weight) FROM indicator GROUP BY 1" "$(ms "$PS_PE")" "$(ms "$PS_BARE")" "" "$r" "<= 0.15" "$(met "$r" "<=" 0.15)"
# The security barriers (1.15, section 95) against the same views without
# them, as 1.14 planned them: copies of indicator_rows, indicator_scored and
# project_scores in schema nobarrier, each reading the copy below it.
"${PSQL[@]}" -d "$DB" >/dev/null <<'SQL'
DROP SCHEMA IF EXISTS nobarrier CASCADE;
CREATE SCHEMA nobarrier;
DO $$
DECLARE
	v text;
	def text;
BEGIN
	FOREACH v IN ARRAY ARRAY['perfeval_internal.indicator_rows', 'perfeval_internal.indicator_scored', 'perfeval.project_scores'] LOOP
		def := replace(replace(pg_get_viewdef(v::regclass),
				'perfeval_internal.indicator_rows', 'nobarrier.indicator_rows'),
				'perfeval_internal.indicator_scored', 'nobarrier.indicator_scored');
		EXECUTE format('CREATE VIEW nobarrier.%I AS %s', split_part(v, '.', 2), def);
	END LOOP;
END $$;
SQL
read -r PS_PE2 PS_NOBAR < <(time_pair "$DB" "$RUNS" "$Q_PE" "SELECT count(*), sum(total), count(grade) FROM nobarrier.project_scores")
r=$(ratio "$PS_PE2" "$PS_NOBAR")
row "project_scores (security barriers) vs the same views without them (1.14's plan), owner" "$(ms "$PS_PE2")" "$(ms "$PS_NOBAR")" "" "$r" "<= 1.05" "$(met "$r" "<=" 1.05)"
# Re-scoring (issue 29, part 2, section 74): the whole year under another
# scheme's rules (xj_linear: one decimal truncated, 全年预算 as the execution
# base, the linear reverse rule, other tier bounds), each project's own
# total beside it, against project_scores.
log "scoring: the whole year under another scheme (project_scores_under)"
read -r UN_PE UN_PS < <(time_pair "$DB" "$RUNS" \
	"SELECT count(*), sum(total), count(grade) FROM perfeval.project_scores_under('xj_linear')" "$Q_EVAL")
r=$(ratio "$UN_PE" "$UN_PS")
row "project_scores_under('xj_linear'): the whole year re-scored under another scheme vs project_scores evaluated (as_of 9999-12-31)" \
	"$(ms "$UN_PE")" "$(ms "$UN_PS")" "" "$r" "<= 1.3" "$(met "$r" "<=" 1.3)"
# the same with the own totals read too (each row evaluated twice)
read -r UO_PE UO_PS < <(time_pair "$DB" "$RUNS" \
	"SELECT count(*), sum(total), count(grade), sum(own_total) FROM perfeval.project_scores_under('xj_linear')" "$Q_EVAL")
r=$(ratio "$UO_PE" "$UO_PS")
row "project_scores_under('xj_linear') reading own_total too (two evaluations per row) vs project_scores evaluated" \
	"$(ms "$UO_PE")" "$(ms "$UO_PS")" "" "$r" "(info)" ""
# Results application (issue 29, part 3, section 76): the year's indicator
# outcomes (every row evaluated once, grouped by indicator, department and
# year with a median) against project_scores.
log "results: indicator_outcomes for the year"
read -r IO_PE IO_PS < <(time_pair "$DB" "$RUNS" \
	"SELECT count(*), sum(projects), sum(missed), sum(median_completion) FROM perfeval.indicator_outcomes" "$Q_EVAL")
r=$(ratio "$IO_PE" "$IO_PS")
row "indicator_outcomes: the year's outcomes by indicator, department and year vs project_scores evaluated" \
	"$(ms "$IO_PE")" "$(ms "$IO_PS")" "" "$r" "<= 3" "$(met "$r" "<=" 3)"
if [ $PEERS = 1 ]; then
	r=$(ratio "$CT_SQL" "$CT_PE")
	row "project_scores: plain SQL (regexp_match + CASE) / perfeval (CREATE TABLE AS, 1 run)" "$(ms "$CT_PE")" "" "$(ms "$CT_SQL")" "$r" ">= 50" "$(met "$r" ">=" 50)"
	r=$(ratio "$CT_PL" "$CT_PE")
	row "project_scores: PL/pgSQL per row / perfeval (CREATE TABLE AS, 1 run)" "$(ms "$CT_PE")" "" "$(ms "$CT_PL")" "$r" ">= 50" "$(met "$r" ">=" 50)"
fi

# Access (1.4): the whole year read by a role that sees everything and by
# one that sees one department (of 40), each against the owner, taking turns.
log "access: project_scores read by a role that sees all, and by one that sees one department"
DEPT=$("${PSQL[@]}" -At -d "$DB" -c "SELECT department FROM perfeval.project GROUP BY 1 ORDER BY count(*), 1 OFFSET (SELECT count(DISTINCT department) / 2 FROM perfeval.project) LIMIT 1")
NDEPT=$("${PSQL[@]}" -At -d "$DB" -c "SELECT count(DISTINCT department) FROM perfeval.project")
"${PSQL[@]}" -d "$DB" >/dev/null <<-EOF
	DO \$\$ BEGIN
		IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'perfeval_bench_all') THEN CREATE ROLE perfeval_bench_all; END IF;
		IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'perfeval_bench_dept') THEN CREATE ROLE perfeval_bench_dept; END IF;
	END \$\$;
	DELETE FROM perfeval.access_grant WHERE role_name IN ('perfeval_bench_all', 'perfeval_bench_dept');
	SELECT perfeval.grant_access('perfeval_bench_all');
	SELECT perfeval.grant_access('perfeval_bench_dept', '$DEPT');
EOF
SEEN=$("${PSQL[@]}" -At -d "$DB" -c "SET ROLE perfeval_bench_dept" -c "SELECT count(*) || ' ' || coalesce(sum(total), 0) FROM perfeval.project_scores")
WANT=$("${PSQL[@]}" -At -d "$DB" -c "SELECT count(*) || ' ' || coalesce(sum(total), 0) FROM perfeval.project_scores WHERE department = '$DEPT'")
if [ "$SEEN" != "$WANT" ] || [ "${SEEN%% *}" = 0 ]; then
	echo "bench: the one-department role sees $SEEN (projects, sum of totals); the owner's rows of $DEPT are $WANT" >&2
	exit 1
fi
read -r AC_ALL AC_OWNER < <(time_pair "$DB" "$RUNS" "$Q_PE" "$Q_PE" "SET ROLE perfeval_bench_all;" "RESET ROLE;")
r=$(ratio "$AC_ALL" "$AC_OWNER")
row "access: project_scores read by a role that sees everything vs the owner" "$(ms "$AC_ALL")" "$(ms "$AC_OWNER")" "" "$r" "<= 1.15" "$(met "$r" "<=" 1.15)"
read -r AC_DEPT AC_OWNER < <(time_pair "$DB" "$RUNS" "$Q_PE" "$Q_PE" "SET ROLE perfeval_bench_dept;" "RESET ROLE;")
r=$(ratio "$AC_DEPT" "$AC_OWNER")
row "access: project_scores read by a role that sees 1 department of $NDEPT (${SEEN%% *} projects) vs the owner" "$(ms "$AC_DEPT")" "$(ms "$AC_OWNER")" "" "$r" "<= 0.05" "$(met "$r" "<=" 0.05)"
read -r AC_DEPT4 AC_OWNER4 < <(PGOPTIONS="$PGOPTIONS -c random_page_cost=4" time_pair "$DB" "$RUNS" "$Q_PE" "$Q_PE" "SET ROLE perfeval_bench_dept;" "RESET ROLE;")
r=$(ratio "$AC_DEPT4" "$AC_OWNER4")
row "access: the same with random_page_cost = 4 (PostgreSQL's default)" "$(ms "$AC_DEPT4")" "$(ms "$AC_OWNER4")" "" "$r" "(info)" ""

log "scoring: level1_scores"
read -r L1_PE L1_FLOOR < <(time_pair "$DB" "$RUNS" "SELECT count(*), sum(score) FROM perfeval.level1_scores" "SELECT count(*), sum(score) FROM floor.level1_scores")
r=$(ratio "$L1_PE" "$L1_FLOOR")
row "level1_scores, whole year vs floor" "$(ms "$L1_PE")" "$(ms "$L1_FLOOR")" "" "$r" "<= 1.3" "$(met "$r" "<=" 1.3)"
read -r L1_PE2 L1_BARE < <(time_pair "$DB" "$RUNS" "SELECT count(*), sum(score) FROM perfeval.level1_scores" "SELECT count(*), sum(total) FROM floor.bare")
r=$(ratio "$L1_PE2" "$L1_BARE")
row "level1_scores vs the bare floor" "$(ms "$L1_PE2")" "$(ms "$L1_BARE")" "" "$r" "<= 0.3" "$(met "$r" "<=" 0.3)"
if [ $PEERS = 1 ]; then
	row "level1_scores: plain SQL / PL/pgSQL vs perfeval (CREATE TABLE AS, 1 run)" "$(ms "$CL_PE")" "" "$(ms "$CL_SQL") / $(ms "$CL_PL")" "$(ratio "$CL_SQL" "$CL_PE") / $(ratio "$CL_PL" "$CL_PE")" ">= 10" "$(awk -v a="$(ratio "$CL_SQL" "$CL_PE")" -v b="$(ratio "$CL_PL" "$CL_PE")" 'BEGIN {print (a >= 10 && b >= 10) ? "yes" : "NO"}')"
fi

log "scoring: roll-ups"
read -r RR_PE RR_FLOOR < <(time_pair "$DB" "$RUNS" "SELECT count(*), sum(mean_score), sum(projects) FROM perfeval.rollup_region" "SELECT count(*), sum(mean_score), sum(projects) FROM floor.rollup_region")
read -r RD_PE RD_FLOOR < <(time_pair "$DB" "$RUNS" "SELECT count(*), sum(mean_score), sum(projects) FROM perfeval.rollup_department" "SELECT count(*), sum(mean_score), sum(projects) FROM floor.rollup_department")
r=$(ratio "$RR_PE" "$RR_FLOOR")
row "rollup_region (province/prefecture/county) vs floor" "$(ms "$RR_PE")" "$(ms "$RR_FLOOR")" "" "$r" "<= 1.3" "$(met "$r" "<=" 1.3)"
r=$(ratio "$RD_PE" "$RD_FLOOR")
row "rollup_department vs floor" "$(ms "$RD_PE")" "$(ms "$RD_FLOOR")" "" "$r" "<= 1.3" "$(met "$r" "<=" 1.3)"
for v in rollup_region rollup_department grade_distribution; do
	read -r RB_PE RB_BARE < <(time_pair "$DB" "$RUNS" "SELECT count(*), sum(projects) FROM perfeval.$v" "SELECT count(*), sum(total) FROM floor.bare")
	r=$(ratio "$RB_PE" "$RB_BARE")
	row "$v vs the bare floor" "$(ms "$RB_PE")" "$(ms "$RB_BARE")" "" "$r" "<= 0.3" "$(met "$r" "<=" 0.3)"
done

# A scheme's rules changed (issue 30): the kept results of exactly its
# projects recomputed (30,000 of them, or a third of a smaller year), in
# the changing statement; no other project's row is rewritten.
log "a scheme's rules changed over its projects"
NSCH=$(( PROJECTS < 90000 ? PROJECTS / 3 : 30000 ))
"${PSQL[@]}" -d "$DB" >/dev/null <<-SQL
	INSERT INTO perfeval.scheme (scheme_id, name) VALUES ('bench_change', 'bench') ON CONFLICT DO NOTHING;
	DROP TABLE IF EXISTS bench_moved;
	CREATE TABLE bench_moved AS SELECT project_id, scheme_id FROM perfeval.project ORDER BY project_id LIMIT $NSCH;
	UPDATE perfeval.project p SET scheme_id = 'bench_change' FROM bench_moved m WHERE m.project_id = p.project_id;
	DROP TABLE IF EXISTS bench_ctids;
	CREATE TABLE bench_ctids AS SELECT project_id, ctid::text AS c FROM perfeval_internal.project_results;
SQL
SC_MS=$(time_stmt "$DB" 1 "SELECT 1;" "UPDATE perfeval.scheme SET decimals = 1 WHERE scheme_id = 'bench_change';")
read -r SC_MINE SC_OTHERS < <("${PSQL[@]}" -At -F ' ' -d "$DB" -c "SELECT count(*) FILTER (WHERE m.project_id IS NOT NULL), count(*) FILTER (WHERE m.project_id IS NULL)
	FROM bench_ctids b JOIN perfeval_internal.project_results r USING (project_id) LEFT JOIN bench_moved m USING (project_id)
	WHERE r.ctid::text <> b.c")
"${PSQL[@]}" -d "$DB" >/dev/null <<-SQL
	UPDATE perfeval.project p SET scheme_id = m.scheme_id FROM bench_moved m WHERE m.project_id = p.project_id;
	DELETE FROM perfeval.scheme WHERE scheme_id = 'bench_change';
	DROP TABLE bench_moved, bench_ctids;
	VACUUM ANALYZE perfeval_internal.project_results, perfeval_internal.project_levels;
SQL
row "a scheme's rules changed: its $NSCH projects recomputed ($SC_MINE rewritten; other projects rewritten: $SC_OTHERS)" "$(ms "$SC_MS")" "" "" "-" "<= 5 s, 0 others" \
	"$(awk -v a="$SC_MS" -v m="$SC_MINE" -v o="$SC_OTHERS" -v n="$NSCH" 'BEGIN {print (a <= 5000 && m == n && o == 0) ? "yes" : "NO"}')"

# The data-quality findings of the whole year against project_scores evaluated: one
# evaluation per indicator row, and a sentence only for what is found.
log "findings"
read -r FD_PE FD_PS < <(time_pair "$DB" 3 "SELECT kind, count(*) FROM perfeval.findings GROUP BY kind" "$Q_EVAL")
r=$(ratio "$FD_PE" "$FD_PS")
row "findings, whole year, vs project_scores evaluated" "$(ms "$FD_PE")" "$(ms "$FD_PS")" "" "$r" "<= 3" "$(met "$r" "<=" 3)"

# Mid-year monitoring (1.16): a year of monthly execution, one line per
# project and month (12 × the projects), loaded by COPY into
# perfeval.execution (its checks, access policies, restore's parking
# trigger) against the same rows into a table with the same keys and
# constraints and nothing of perfeval's; then the whole year's monitoring
# at a date against project_scores_as_of() at the same date.
log "monitoring: a year of monthly execution, loaded"
"${PSQL[@]}" -d "$DB" >/dev/null <<-EOF
	COPY (SELECT p.project_id, p.department, '县区级', (make_date(p.year, m, 1) + interval '1 month - 1 day')::date,
				 '万元', 100 + h % 900, NULL,
				 round((100 + h % 900) * m / 12.0 * (0.4 + (h % 70) / 100.0), 2)
			FROM perfeval.project p
		   CROSS JOIN LATERAL (SELECT abs(hashtext(p.project_id)) AS h) x
		   CROSS JOIN generate_series(1, 12) m) TO '$SRVDIR/execution.copy';
	DROP TABLE IF EXISTS bench_execution_base;
	CREATE TABLE bench_execution_base (LIKE perfeval.execution INCLUDING ALL,
		FOREIGN KEY (project_id) REFERENCES perfeval.project ON DELETE CASCADE);
EOF
EX=()
for ((i = 0; i < 3; i++)); do
	EX+=("$(time_stmt "$DB" 1 "TRUNCATE bench_execution_base; CHECKPOINT;" "COPY bench_execution_base FROM '$SRVDIR/execution.copy';") $(time_stmt "$DB" 1 "TRUNCATE perfeval.execution; CHECKPOINT;" "COPY perfeval.execution FROM '$SRVDIR/execution.copy';")")
done
EX_BASE=$(printf '%s\n' "${EX[@]}" | awk '{print $1}' | median)
EX_PE=$(printf '%s\n' "${EX[@]}" | awk '{print $2}' | median)
# (each timed reload rewrote every project's kept state twice, TRUNCATE
# and COPY: six versions of each row; a warehouse's autovacuum keeps it
# near two, and the rows below read it compact, as before 1.16 kept the
# dated money)
NEX=$("${PSQL[@]}" -At -d "$DB" -c "DROP TABLE bench_execution_base" -c "VACUUM ANALYZE perfeval.execution" \
	-c "VACUUM FULL ANALYZE perfeval_internal.project_state" -c "SELECT count(*) FROM perfeval.execution")
r=$(ratio "$EX_PE" "$EX_BASE")
row "load: COPY $NEX rows of monthly execution, perfeval.execution vs same keys and constraints only" \
	"$(ms "$EX_PE")" "$(ms "$EX_BASE")" "" "$r" "<= 1.5" "$(met "$r" "<=" 1.5)"
log "monitoring: the whole year at a date"
MON_DAY=$("${PSQL[@]}" -At -d "$DB" -c "SELECT make_date(min(year), 12, 31) FROM perfeval.project")
read -r MP_PE MP_AS < <(time_pair "$DB" 3 \
	"SELECT count(*), count(exec_light), count(goal_light), count(*) FILTER (WHERE key_monitor) FROM perfeval.monitoring_projects_as_of('$MON_DAY')" \
	"SELECT count(*), sum(total) FROM perfeval.project_scores_as_of('$MON_DAY')")
MON_N=$("${PSQL[@]}" -At -d "$DB" -c "SELECT count(goal_light) FROM perfeval.monitoring_projects_as_of('$MON_DAY')")
r=$(ratio "$MP_PE" "$MP_AS")
row "monitoring_projects_as_of($MON_DAY), whole year ($MON_N projects with a goal light) vs project_scores_as_of() the same day" \
	"$(ms "$MP_PE")" "$(ms "$MP_AS")" "" "$r" "<= 1.5" "$(met "$r" "<=" 1.5)"
read -r MI_PE MI_AS < <(time_pair "$DB" 3 \
	"SELECT light, count(*) FROM perfeval.monitoring_indicators_as_of('$MON_DAY') GROUP BY light" \
	"SELECT count(*), sum(total) FROM perfeval.project_scores_as_of('$MON_DAY')")
r=$(ratio "$MI_PE" "$MI_AS")
row "monitoring_indicators_as_of($MON_DAY), whole year, vs the same" "$(ms "$MI_PE")" "$(ms "$MI_AS")" "" "$r" "(info)" ""
"${PSQL[@]}" -d "$DB" -c "COPY (SELECT 1) TO PROGRAM 'rm -f $SRVDIR/execution.copy'" >/dev/null

# Every column of indicator_scores (the explanation included) against three
# of them, 40,000 rows, with the server's default JIT settings: the
# explanation is one C call, not expressions JIT compiles.
log "indicator_scores: every column vs three, JIT on"
IS_WHERE="WHERE project_id <= 'P0002000'"
read -r IS_ALL IS_FEW < <(PGOPTIONS="$PGOPTIONS -c jit=on" time_pair "$DB" "$RUNS" \
	"SELECT * FROM perfeval.indicator_scores $IS_WHERE" "SELECT project_id, code, score FROM perfeval.indicator_scores $IS_WHERE")
r=$(ratio "$IS_ALL" "$IS_FEW")
row "indicator_scores: SELECT * vs SELECT project_id, code, score (40,000 rows, JIT on)" "$(ms "$IS_ALL")" "$(ms "$IS_FEW")" "" "$r" "<= 3" "$(met "$r" "<=" 3)"

# ---------------------------------------------------------------------------
# 4. One project's scores: an analyst's lookup, planning included.
log "single-project lookups"
ids=$("${PSQL[@]}" -At -d "$DB" -c "SELECT string_agg(quote_literal('P' || lpad((1 + (k * 7919) % $PROJECTS)::text, 7, '0')), ' ') FROM generate_series(1, 21) k")
lookup() {
	local view=$1 f=$OUT/l.sql
	: >"$f"
	for id in $ids; do
		echo "EXPLAIN (ANALYZE, TIMING OFF, SUMMARY ON) SELECT * FROM $view WHERE project_id = $id;" >>"$f"
	done
	"${PSQL[@]}" -At -d "$DB" -f "$f" | awk '/^Planning Time:/ {p=$3} /^Execution Time:/ {k++; if (k>1) print p+$3}' | median
}
LK_PE=$(lookup perfeval.project_scores)
LK_FLOOR=$(lookup floor.project_scores)
LK_L1=$(lookup perfeval.level1_scores)
LK_IS=$(lookup perfeval.indicator_scores)
first=${ids%% *}
"${PSQL[@]}" -At -d "$DB" -c "EXPLAIN SELECT * FROM perfeval.project_scores WHERE project_id = $first" >"$OUT/lookup_plan"
if grep -q "Seq Scan on \(indicator\|actual\|checklist_point\|survey_response\|allocation\|project_state\)" "$OUT/lookup_plan"; then
	IDX=NO
else
	IDX=yes
fi
lk=$(awk -v a="$LK_PE" 'BEGIN {printf "%.2f", a}')
row "one project's project_scores (median of 20, plan: index scans=$IDX)" "$(ms "$LK_PE")" "$(ms "$LK_FLOOR")" "" "-" "< 10 ms, indexed" "$(awk -v a="$LK_PE" -v i="$IDX" 'BEGIN {print (a < 10 && i == "yes") ? "yes" : "NO"}')"
row "one project's level1_scores / indicator_scores" "$(ms "$LK_L1") / $(ms "$LK_IS")" "" "" "-" "(info)" ""

# ---------------------------------------------------------------------------
# 5. Parsing: perfeval.target input vs numeric input, the same strings.
log "parsing"
"${PSQL[@]}" -d "$DB" <<-'EOF' >/dev/null
	DROP TABLE IF EXISTS parse_strings;
	CREATE TABLE parse_strings AS
	SELECT target AS t, coalesce(substring(target FROM '[0-9.]+'), '0') AS n
	  FROM peer.indicator WHERE target IS NOT NULL;
	VACUUM ANALYZE parse_strings;
EOF
NSTR=$("${PSQL[@]}" -At -d "$DB" -c "SELECT count(*) FROM parse_strings")
P_T=$(time_sql "$DB" "$RUNS" 1 "SELECT count(t::perfeval.target) FROM parse_strings")
P_N=$(time_sql "$DB" "$RUNS" 1 "SELECT count(n::numeric) FROM parse_strings")
P_X=$(time_sql "$DB" "$RUNS" 1 "SELECT count(t) FROM parse_strings")
"${PSQL[@]}" -d "$DB" -c "DROP TABLE parse_strings" >/dev/null
r=$(ratio "$P_T" "$P_N")
row "parse: $NSTR targets as perfeval.target vs their numbers as numeric" "$(ms "$P_T")" "$(ms "$P_N")" "" "$r" "<= 2" "$(met "$r" "<=" 2)"
r=$(ratio "$(awk -v a="$P_T" -v b="$P_X" 'BEGIN {print a - b}')" "$(awk -v a="$P_N" -v b="$P_X" 'BEGIN {print a - b}')")
row "parse: the same, net of the scan (scan alone $(ms "$P_X"))" "" "" "" "$r" "(info)" ""

# ---------------------------------------------------------------------------
# 6. Growth and memory: project_scores at 10k, N (and 1M with --growth).
SIZES=(10000)
[ "$PROJECTS" != 10000 ] && SIZES+=("$PROJECTS")
[ $GROWTH = 1 ] && [ "$PROJECTS" != 1000000 ] && SIZES+=(1000000)
IFS=$'\n' SIZES=($(printf '%s\n' "${SIZES[@]}" | sort -n))
unset IFS
declare -A GT GM GH
for n in "${SIZES[@]}"; do
	db=perfeval_bench_$n
	[ "$n" = "$PROJECTS" ] || prepare "$db" "$n"
	if [ "$n" = "$PROJECTS" ]; then
		GT[$n]=$PS_PE
	else
		log "growth: project_scores at $n projects"
		GT[$n]=$(time_sql "$db" "$( [ "$n" -ge 1000000 ] && echo 3 || echo "$RUNS")" 1 "$Q_PE")
	fi
	log "memory: project_scores at $n projects"
	read -r GM[$n] GH[$n] < <(peak_memory "$db" "SELECT * FROM perfeval.project_scores")
done
small=${SIZES[0]}
for n in "${SIZES[@]}"; do
	[ "$n" = "$small" ] && continue
	per=$(awk -v a="${GT[$n]}" -v b="${GT[$small]}" -v n="$n" -v s="$small" 'BEGIN {printf "%.2f", (a / n) / (b / s)}')
	row "growth: project_scores ${small} -> ${n} projects (time per project, ratio)" "$(ms "${GT[$n]}")" "$(ms "${GT[$small]}")" "" "$per" "<= 1.3 (linear)" "$(met "$per" "<=" 1.3)"
	mr=$(ratio "${GM[$n]}" "${GM[$small]}")
	row "memory: backend peak (VmHWM less RssShmem), ${small} -> ${n}; VmHWM ${GH[$small]} -> ${GH[$n]} kB" "${GM[$n]} kB" "${GM[$small]} kB" "" "$mr" "<= 1.2 (flat)" "$(met "$mr" "<=" 1.2)"
done

# ---------------------------------------------------------------------------
# 7. Parallel plans: does the whole-year view get one?
"${PSQL[@]}" -At -d "$DB" -c "EXPLAIN $Q_PE" >"$OUT/plan"
PAR=$(grep -c "Parallel\|Gather" "$OUT/plan" || true)
row "parallel plan for project_scores (Gather/Parallel nodes in EXPLAIN)" "$PAR nodes" "" "" "-" "> 0" "$([ "$PAR" -gt 0 ] && echo yes || echo NO)"

# ---------------------------------------------------------------------------
echo
echo "perfeval benchmark: $PROJECTS projects, $NIND indicator rows, $NACT actual rows; $(nproc) cores; $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "medians of $RUNS runs, perfeval and its floor taking turns (peers: 1 run); times are EXPLAIN (ANALYZE, TIMING OFF) planning + execution, COPY times psql \\timing"
echo
{
	echo "measure|perfeval|floor|peer(s)|ratio|goal|met?"
	printf '%s\n' "${ROWS[@]}"
} | awk -F'|' '
	{ for (i = 1; i <= NF; i++) { c[NR, i] = $i; if (length($i) > w[i]) w[i] = length($i) } n = NR }
	END { for (r = 1; r <= n; r++) { line = "| "; for (i = 1; i <= 7; i++) line = line sprintf("%-" w[i] "s | ", c[r, i]); print line
		if (r == 1) { line = "|"; for (i = 1; i <= 7; i++) { s = ""; for (k = 0; k < w[i] + 2; k++) s = s "-"; line = line s "|" } print line } } }'
echo
echo "project_scores plan ($DB):"
sed 's/^/    /' "$OUT/plan"
echo "single-project plan:"
sed 's/^/    /' "$OUT/lookup_plan"

if [ $KEEP = 0 ]; then
	for n in "${SIZES[@]}" "$PROJECTS"; do
		"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS perfeval_bench_$n" >/dev/null
	done
fi
"${PSQL[@]}" -d postgres -c "COPY (SELECT 1) TO PROGRAM 'rm -rf $SRVDIR'" >/dev/null
