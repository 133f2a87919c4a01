#!/usr/bin/env bash
# test/concurrency.sh: what a view shows follows from the facts under
# concurrent writers.  Needs PGHOST/PGPORT/PGUSER and a TCP listener on
# 127.0.0.1 (test/run.sh starts one); SOAK_SECONDS (30) bounds the soak.
#
#  1. The race 1.2 lost: s1 inserts an actual dated 2024-12-31 and keeps its
#     transaction open; s2 meanwhile inserts one dated 2024-06-30; after
#     both commit the view shows December's.  The same for checklist
#     deductions, survey counts and money, and for two statements taking
#     the same projects in opposite key order (1.2 deadlocked there).
#  2. A soak: pgbench on loopback, writers of every fact table (and of
#     indicators, projects and schemes; the dated money of monitoring and
#     the schemes' monitoring bounds, 1.16) over ten overlapping projects in
#     random key order, readers of every view.  Afterwards the kept state
#     equals a from-scratch computation, every view equals the views
#     recomputed from the facts, the monitoring views equal their dated
#     forms at each project's date, and no transaction failed (no deadlock,
#     no error).
#  3. Imports at once: two loaders of different departments, each in an open
#     transaction (their forms imported, the other department's project
#     refused with 42501), and two imports of one form (the project is one
#     form's whole, never a mix).
#  4. bulk_insert()'s foreign-key locks: a parent of a row it wrote cannot be
#     deleted before it commits; a row whose parent is deleted meanwhile is
#     refused (23503).
#  5. Grants at once (1.15): four sessions granting and revoking access to
#     four roles in random order; no call fails (1.14: XX000 "tuple
#     concurrently updated" from two GRANTs on the same relations).
set -euo pipefail
cd "$(dirname "$0")/.."
db=concurrency
SOAK=${SOAK_SECONDS:-30}
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -d $db)
[ -n "${PGBIN:-}" ] || { source test/pgbin.sh && pe_find_pg; }
PGBENCH=$PGBIN/pgbench
[ -x $PGBENCH ] || PGBENCH=pgbench
dropdb --if-exists $db 2>/dev/null
createdb $db
"${PSQL[@]}" -c 'CREATE EXTENSION perfeval'
"${PSQL[@]}" <<'SQL'
INSERT INTO perfeval.scheme (scheme_id, name) VALUES ('s1', '方案一'), ('s2', '方案二');
INSERT INTO perfeval.project (project_id, name, year, division_code, department, evaluation_kind, scheme_id)
SELECT 'p' || k, '项目' || k, 2024, '650100', '部门' || (k % 3), '单位自评', CASE WHEN k % 2 = 0 THEN 's1' ELSE 's2' END
  FROM generate_series(0, 9) k;
INSERT INTO perfeval.indicator (project_id, code, seq, level1, level2, name, weight, target, source)
SELECT 'p' || k, c.code, c.seq, c.l1, c.l2, c.name, c.weight, c.target::perfeval.target, c.source
  FROM generate_series(0, 9) k,
	   (VALUES ('C1', 1, '产出', '数量', '企业数', 40, '≥40家', 'actual'),
			   ('K1', 2, '决策', '立项', '立项规范', 20, NULL, 'checklist'),
			   ('S1', 3, '满意度', '满意度', '满意度', 20, '≥90%', 'survey'),
			   ('B1', 4, '过程', '资金', '到位率', 10, NULL, 'arrival_rate'),
			   ('E1', 5, '过程', '资金', '执行率', 10, '≥90%', 'execution_rate'))
	   AS c(code, seq, l1, l2, name, weight, target, source);
INSERT INTO perfeval.checklist_point (project_id, code, point_no, description, points, deduction)
SELECT 'p' || k, 'K1', n, '要点' || n, 10, 0 FROM generate_series(0, 9) k, generate_series(1, 2) n;
INSERT INTO perfeval.survey_response (project_id, code, option_no, option_label, respondents)
SELECT 'p' || k, 'S1', n, '选项' || n, 5 FROM generate_series(0, 9) k, generate_series(1, 5) n;
INSERT INTO perfeval.allocation (project_id, department, fund_level, unit, budget, arrived, spent)
SELECT 'p' || k, '部门' || (k % 3), '市级', '万元', 100, 100, 90 FROM generate_series(0, 9) k;
INSERT INTO perfeval.execution (project_id, department, fund_level, reported_on, budget, spent)
SELECT 'p' || k, '部门' || (k % 3), '市级', make_date(2024, m, 28), 300, 20 * m FROM generate_series(0, 9) k, generate_series(1, 6) m;
SQL

# The check: the kept state and the kept results equal a from-scratch
# recomputation, the current totals and level sums equal their dated forms
# at a far-future date, and every view equals itself computed again after
# refresh_state() rebuilt the state and the results from the facts (inside
# one snapshot, then rolled back).
check() {	# check LABEL
	local out
	out=$("${PSQL[@]}" -At <<-'SQL'
	BEGIN ISOLATION LEVEL REPEATABLE READ;
	CREATE FUNCTION pg_temp.view_hash(v text) RETURNS text LANGUAGE plpgsql AS $f$
	DECLARE h text;
	BEGIN
		EXECUTE format('SELECT md5(coalesce(string_agg(t::text, %L ORDER BY t::text), %L)) FROM perfeval.%I t', '|', '', v) INTO h;
		RETURN h;
	END $f$;
	CREATE TEMP TABLE before_views AS
	SELECT v, pg_temp.view_hash(v) AS h
	  FROM unnest(ARRAY['indicator_scores', 'level2_scores', 'level1_scores', 'project_scores',
						'project_money', 'allocation_summary', 'findings', 'project_facts',
						'rollup_region', 'rollup_department', 'latest_actual']) v;
	CREATE TEMP TABLE before_state AS SELECT st::text AS st, st.project_id, to_jsonb(st) AS j FROM perfeval_internal.project_state st;
	-- the kept results (section 47), compared after refresh_state() recomputed them
	CREATE TEMP TABLE before_results AS
	SELECT r::text AS r FROM perfeval_internal.project_results r UNION ALL SELECT l::text FROM perfeval_internal.project_levels l;
	-- the current totals and level sums equal their dated forms at a far-future date
	CREATE FUNCTION pg_temp.dated_hash(v text) RETURNS text LANGUAGE plpgsql AS $f$
	DECLARE h text;
	BEGIN
		EXECUTE format('SELECT md5(coalesce(string_agg(t::text, %L ORDER BY t::text), %L)) FROM perfeval.%I(%L) t',
					   '|', '', v || '_as_of', '9999-12-31') INTO h;
		RETURN h;
	END $f$;
	SELECT 'dated ' || v FROM unnest(ARRAY['project_scores', 'level1_scores', 'level2_scores']) v
	 WHERE pg_temp.view_hash(v) IS DISTINCT FROM pg_temp.dated_hash(v);
	SELECT perfeval.refresh_state() >= 0 AS refreshed \gset
	SELECT 'state ' || count(*) FROM ((SELECT st FROM before_state EXCEPT SELECT st::text FROM perfeval_internal.project_state st)
		UNION ALL (SELECT st::text FROM perfeval_internal.project_state st EXCEPT SELECT st FROM before_state)) d;
	-- (which project's columns differ, kept and recomputed, when one does)
	SELECT 'differs ' || coalesce(b.project_id, a.project_id) || ': '
		   || (SELECT string_agg(k, ', ' ORDER BY k) FROM jsonb_object_keys(coalesce(a.j, b.j)) k WHERE a.j -> k IS DISTINCT FROM b.j -> k)
	  FROM before_state b
	  FULL JOIN (SELECT st.project_id, st::text AS st, to_jsonb(st) AS j FROM perfeval_internal.project_state st) a
		ON a.project_id = b.project_id
	 WHERE a.st IS DISTINCT FROM b.st;
	SELECT 'view ' || v FROM before_views WHERE pg_temp.view_hash(v) IS DISTINCT FROM h;
	SELECT 'results ' || count(*) FROM (
		(SELECT r FROM before_results
		 EXCEPT ALL (SELECT r::text FROM perfeval_internal.project_results r
					 UNION ALL SELECT l::text FROM perfeval_internal.project_levels l))
		UNION ALL
		((SELECT r::text FROM perfeval_internal.project_results r
		  UNION ALL SELECT l::text FROM perfeval_internal.project_levels l) EXCEPT ALL SELECT r FROM before_results)) d
	HAVING count(*) > 0;
	-- monitoring reads the facts: each view equals its dated form at each
	-- project's date, row for row
	SELECT 'monitoring ' || count(*) FROM (
		(SELECT m::text FROM perfeval.monitoring_projects m
		 EXCEPT SELECT x::text FROM (SELECT DISTINCT as_of FROM perfeval.monitoring_projects) d
			 CROSS JOIN LATERAL perfeval.monitoring_projects_as_of(d.as_of) x
			 JOIN perfeval.monitoring_projects v ON v.project_id = x.project_id AND v.as_of = d.as_of)
		UNION ALL
		(SELECT m::text FROM perfeval.monitoring_indicators m
		 EXCEPT SELECT x::text FROM (SELECT DISTINCT as_of FROM perfeval.monitoring_projects) d
			 CROSS JOIN LATERAL perfeval.monitoring_indicators_as_of(d.as_of) x
			 JOIN perfeval.monitoring_projects v ON v.project_id = x.project_id AND v.as_of = d.as_of)) z
	HAVING count(*) > 0;
	ROLLBACK;
	SQL
	) || { echo "$1: the check itself failed"; return 1; }
	if [ "$out" != "state 0" ]; then
		echo "$1: the views or the kept state differ from a recomputation from the facts:"
		echo "$out"
		return 1
	fi
}

status=0
# ---------------------------------------------------------------- 1. races
race() {	# race LABEL S1_STATEMENT S2_STATEMENT QUERY EXPECTED
	"${PSQL[@]}" -c "BEGIN; $2; SELECT pg_sleep(2); COMMIT;" >/dev/null &
	local s1=$!
	sleep 0.7
	"${PSQL[@]}" -c "$3" >/dev/null
	wait $s1
	local got
	got=$("${PSQL[@]}" -At -c "$4")
	if [ "$got" != "$5" ]; then
		echo "race $1: got '$got', want '$5'"
		status=1
	fi
	check "race $1" || status=1
}
race "actuals: a later report committed after an earlier one" \
	"INSERT INTO perfeval.actual VALUES ('p0', 'C1', '2024-12-31', '40家')" \
	"INSERT INTO perfeval.actual VALUES ('p0', 'C1', '2024-06-30', '20家')" \
	"SELECT actual || ' ' || score FROM perfeval.indicator_scores WHERE project_id = 'p0' AND code = 'C1'" \
	"40家 40"
race "actuals: an earlier report committed after a later one" \
	"INSERT INTO perfeval.actual VALUES ('p1', 'C1', '2024-06-30', '20家')" \
	"INSERT INTO perfeval.actual VALUES ('p1', 'C1', '2024-12-31', '40家')" \
	"SELECT actual || ' ' || score FROM perfeval.indicator_scores WHERE project_id = 'p1' AND code = 'C1'" \
	"40家 40"
race "checklist: two deductions of one indicator" \
	"UPDATE perfeval.checklist_point SET deduction = 3 WHERE project_id = 'p2' AND point_no = 1" \
	"UPDATE perfeval.checklist_point SET deduction = 4 WHERE project_id = 'p2' AND point_no = 2" \
	"SELECT score FROM perfeval.indicator_scores WHERE project_id = 'p2' AND code = 'K1'" \
	"13"
race "survey: two options of one survey" \
	"UPDATE perfeval.survey_response SET respondents = 0 WHERE project_id = 'p3' AND option_no = 4" \
	"UPDATE perfeval.survey_response SET respondents = 0 WHERE project_id = 'p3' AND option_no = 5" \
	"SELECT actual FROM perfeval.indicator_scores WHERE project_id = 'p3' AND code = 'S1'" \
	"80%"
race "money: two lines of one project" \
	"INSERT INTO perfeval.allocation VALUES ('p4', '部门x', '省级', '万元', NULL, 100, 0, 0)" \
	"INSERT INTO perfeval.allocation VALUES ('p4', '部门y', '县区级', '万元', NULL, 100, 0, 0)" \
	"SELECT arrival_rate FROM perfeval.project_money WHERE project_id = 'p4'" \
	"33.333333"
race_refused() {	# race_refused LABEL S1_STATEMENT S2_STATEMENT: s2 must be refused (22023)
	"${PSQL[@]}" -c "BEGIN; $2; SELECT pg_sleep(2); COMMIT;" >/dev/null &
	local s1=$!
	sleep 0.7
	local err
	if err=$(psql -X -q -v ON_ERROR_STOP=1 -d $db -c "$3" 2>&1); then
		echo "race $1: the second statement was accepted"
		status=1
	elif ! grep -q "cannot be compared" <<<"$err"; then
		echo "race $1: $err"
		status=1
	fi
	wait $s1
	check "race $1" || status=1
}
race_refused "units: an actual arriving while its target changes" \
	"UPDATE perfeval.indicator SET target = '≥40万元' WHERE project_id = 'p5' AND code = 'C1'" \
	"INSERT INTO perfeval.actual VALUES ('p5', 'C1', '2024-12-31', '30家')"
race_refused "units: a target changing while its actual arrives" \
	"INSERT INTO perfeval.actual VALUES ('p6', 'C1', '2024-12-31', '30家')" \
	"UPDATE perfeval.indicator SET target = '≥40万元' WHERE project_id = 'p6' AND code = 'C1'"
race "opposite key order: (p8, p2) against (p2, p8)" \
	"INSERT INTO perfeval.actual VALUES ('p8', 'C1', '2024-12-31', '8家'), ('p2', 'C1', '2024-12-31', '2家')" \
	"INSERT INTO perfeval.actual VALUES ('p2', 'C1', '2024-11-30', '1家'), ('p8', 'C1', '2024-11-30', '4家')" \
	"SELECT string_agg(actual, ',' ORDER BY project_id) FROM perfeval.indicator_scores WHERE project_id IN ('p2', 'p8') AND code = 'C1'" \
	"2家,8家"
# A project entering a scheme while the scheme's rules change, in either
# order: its kept results carry the rules that stay (LOCK_SCHEMES in
# src/keep.c), not the ones its snapshot saw.
race "rules: a project moving into a scheme whose rules change" \
	"UPDATE perfeval.scheme SET satisfaction_coefficients = ARRAY[1, 0.8, 0.6, 0.3, 0]::numeric[] WHERE scheme_id = 's1'" \
	"UPDATE perfeval.project SET scheme_id = 's1' WHERE project_id = 'p9'" \
	"SELECT r.scheme_id || ' ' || (r.rules = s.rules::bytea) FROM perfeval_internal.project_results r JOIN perfeval.scheme s ON s.scheme_id = r.scheme_id WHERE r.project_id = 'p9'" \
	"s1 true"
race "rules: a scheme's rules changing while a project moves into it" \
	"UPDATE perfeval.project SET scheme_id = 's2' WHERE project_id = 'p9'" \
	"UPDATE perfeval.scheme SET satisfaction_coefficients = ARRAY[1, 0.8, 0.6, 0.2, 0]::numeric[] WHERE scheme_id = 's2'" \
	"SELECT r.scheme_id || ' ' || (r.rules = s.rules::bytea) FROM perfeval_internal.project_results r JOIN perfeval.scheme s ON s.scheme_id = r.scheme_id WHERE r.project_id = 'p9'" \
	"s2 true"
[ $status = 0 ] && echo "races: 10 races, every view follows the facts"
"${PSQL[@]}" -c "UPDATE perfeval.indicator SET target = '≥40家' WHERE code = 'C1'"

# ----------------------------------------------------------------- 2. soak
W=$(mktemp -d /tmp/perfeval-soak.XXXXXX)
trap '[ "${KEEP_SOAK:-0}" = 1 ] || rm -rf "$W"' EXIT
# writers: each statement touches overlapping projects in random key order.
# A statement that updates several existing rows takes their row locks in
# key order (SELECT ... ORDER BY ... FOR UPDATE), as any application must:
# two UPDATEs that lock the same rows in different orders deadlock in
# PostgreSQL with or without perfeval.  perfeval's own locks (the state rows)
# are then the only ones whose order the statements leave to it.
cat >"$W/actual.sql" <<'SQL'
\set a random(0, 9)
\set b random(0, 9)
\set d random(1, 365)
\set m random(0, 60)
INSERT INTO perfeval.actual (project_id, code, reported_on, measure, deviation_note, cause, likelihood)
VALUES ('p' || :a, 'C1', date '2024-01-01' + :d, (:m || '家')::perfeval.measure,
		CASE WHEN :m % 3 = 0 THEN '偏差说明' || :m END, CASE WHEN :m % 2 = 0 THEN '经费保障' END,
		CASE WHEN :m % 4 = 0 THEN '完全不可能' END),
	   ('p' || :b, 'C1', date '2024-01-01' + :d + 1, ((:m + 1) || '家')::perfeval.measure, NULL, NULL, '有可能')
ON CONFLICT (project_id, code, reported_on)
DO UPDATE SET measure = EXCLUDED.measure, deviation_note = EXCLUDED.deviation_note, cause = EXCLUDED.cause,
	likelihood = EXCLUDED.likelihood;
SQL
cat >"$W/actual_delete.sql" <<'SQL'
\set a random(0, 9)
\set d random(1, 365)
DELETE FROM perfeval.actual WHERE project_id = 'p' || :a AND reported_on < date '2024-01-01' + :d;
SQL
cat >"$W/checklist.sql" <<'SQL'
\set a random(0, 9)
\set b random(0, 9)
\set n random(1, 2)
\set x random(0, 10)
UPDATE perfeval.checklist_point c SET deduction = :x * 0.5,
	   reason = CASE WHEN :x % 2 = 1 THEN '扣分理由' || :x END
  FROM (SELECT project_id, code, point_no FROM perfeval.checklist_point
		 WHERE project_id IN ('p' || :a, 'p' || :b) AND point_no = :n
		 ORDER BY 1, 2, 3 FOR UPDATE) k
 WHERE (c.project_id, c.code, c.point_no) = (k.project_id, k.code, k.point_no);
SQL
cat >"$W/survey.sql" <<'SQL'
\set a random(0, 9)
\set n random(1, 5)
\set x random(0, 20)
UPDATE perfeval.survey_response SET respondents = :x WHERE project_id = 'p' || :a AND option_no = :n;
SQL
cat >"$W/money.sql" <<'SQL'
\set a random(0, 9)
\set b random(0, 9)
\set x random(50, 150)
UPDATE perfeval.allocation a SET arrived = :x, spent = :x * 0.9
  FROM (SELECT project_id, department, fund_level FROM perfeval.allocation
		 WHERE project_id IN ('p' || :b, 'p' || :a) ORDER BY 1, 2, 3 FOR UPDATE) k
 WHERE (a.project_id, a.department, a.fund_level) = (k.project_id, k.department, k.fund_level);
SQL
cat >"$W/execution.sql" <<'SQL'
\set a random(0, 9)
\set b random(0, 9)
\set d random(0, 364)
\set x random(0, 300)
INSERT INTO perfeval.execution (project_id, department, fund_level, reported_on, budget, spent)
VALUES ('p' || :a, '部门' || (:a % 3), '市级', date '2024-01-01' + :d, 300, :x),
	   ('p' || :b, '部门' || (:b % 3), '省级', date '2024-01-01' + :d, 100 * (:x % 3), :x / 3)
ON CONFLICT (project_id, department, fund_level, reported_on)
DO UPDATE SET budget = EXCLUDED.budget, spent = EXCLUDED.spent;
DELETE FROM perfeval.execution e
 USING (SELECT project_id, department, fund_level, reported_on FROM perfeval.execution
		 WHERE project_id = 'p' || :b AND fund_level = '省级' AND reported_on < date '2024-01-01' + :d - 200
		 ORDER BY 1, 2, 3, 4 FOR UPDATE) k
 WHERE (e.project_id, e.department, e.fund_level, e.reported_on) = (k.project_id, k.department, k.fund_level, k.reported_on);
SQL
cat >"$W/indicator.sql" <<'SQL'
\set a random(0, 9)
\set t random(20, 60)
UPDATE perfeval.indicator SET target = ('≥' || :t || '家')::perfeval.target WHERE project_id = 'p' || :a AND code = 'C1';
SQL
cat >"$W/scheme.sql" <<'SQL'
\set a random(0, 9)
\set c random(0, 9)
UPDATE perfeval.scheme SET satisfaction_coefficients = ARRAY[1, 0.8, 0.6, :c * 0.1, 0]::numeric[],
	   execution_base = CASE WHEN :c % 2 = 0 THEN 'budget' ELSE 'arrived' END,
	   monitor_exec_red = 50 + :c, key_month = 6 + :c % 3, monitor_full = :c % 2 = 0
 WHERE scheme_id = CASE WHEN :a % 2 = 0 THEN 's1' ELSE 's2' END;
UPDATE perfeval.project SET scheme_id = CASE WHEN :c % 3 = 0 THEN 's1' ELSE 's2' END WHERE project_id = 'p' || :a;
SQL
cat >"$W/reader.sql" <<'SQL'
SELECT count(*), sum(total) FROM perfeval.project_scores;
SELECT count(*) FROM perfeval.findings;
SELECT count(*), sum(score) FROM perfeval.indicator_scores;
SELECT sum(projects) FROM perfeval.rollup_region;
SELECT count(*), count(exec_light), count(*) FILTER (WHERE key_monitor) FROM perfeval.monitoring_projects;
SELECT light, count(*) FROM perfeval.monitoring_indicators_as_of(date '2024-09-30') GROUP BY light;
SQL
opts=(-n -h 127.0.0.1 -p "$PGPORT" -U "$PGUSER" -T "$SOAK" --failures-detailed)
$PGBENCH "${opts[@]}" -c 6 -j 2 -f "$W/actual.sql@6" -f "$W/actual_delete.sql@1" -f "$W/checklist.sql@2" \
	-f "$W/survey.sql@2" -f "$W/money.sql@2" -f "$W/execution.sql@3" -f "$W/indicator.sql@1" -f "$W/scheme.sql@1" $db >"$W/writers" 2>&1 &
wp=$!
$PGBENCH "${opts[@]}" -c 2 -j 1 -f "$W/reader.sql" $db >"$W/readers" 2>&1 &
rp=$!
wrc=0
rrc=0
wait $wp || wrc=$?
wait $rp || rrc=$?
wtx=$(awk '/^number of transactions actually processed/ {print $NF; exit}' "$W/writers")
wfail=$(awk '/^number of failed transactions/ {print $5; exit}' "$W/writers")
rtx=$(awk '/^number of transactions actually processed/ {print $NF; exit}' "$W/readers")
if [ $wrc != 0 ] || [ $rrc != 0 ] || [ "${wfail:-x}" != 0 ] || [ "${wtx:-0}" -lt 200 ] || [ "${rtx:-0}" -lt 10 ]; then
	echo "soak: writers exit $wrc ($wtx transactions, ${wfail:-?} failed), readers exit $rrc ($rtx):"
	grep -iE "error|deadlock|abort|failed" "$W/writers" "$W/readers" | head -20
	status=1
fi
check soak || status=1
[ $status = 0 ] && echo "soak: ${SOAK}s, $wtx writes and $rtx reads on loopback, no failure, no deadlock; the state and every view equal a recomputation from the facts"

# ------------------------------------------------------- 3. concurrent imports
# Two loaders of different departments import at the same time, each in a
# transaction held open; one of them also sends a form for a project of the
# other's department.  Then two imports of the same 项目编码 overlap: the
# first replaces the project, the second waits for it and is rejected (its
# form stays staged), never a duplicate or a mix of the two.
form() {	# form CODE DEPARTMENT INDICATORS...: the SQL staging one form (weights 100 in all)
	local code=$1 dept=$2 n=$(($# - 2)) i=0
	echo "INSERT INTO perfeval.form_project VALUES ('$code', '表$code', '2024', '650100', '$dept', '', '', '', '', '', '', '', '', '', '', '', '');"
	shift 2
	# (one statement: a form's rows staged by a later statement replace the earlier ones)
	printf 'INSERT INTO perfeval.form_indicator VALUES '
	for name in "$@"; do
		i=$((i + 1))
		printf "%s('$code', '产出指标', '数量指标', '$name', '', '≥5', '家', '$((i == n ? 100 - 100 / n * (n - 1) : 100 / n))', '6家', '', '')" "$([ $i = 1 ] || echo ', ')"
	done
	echo ";"
}
"${PSQL[@]}" -c "SET client_min_messages = warning" -c "DROP ROLE IF EXISTS perfeval_conc_l0, perfeval_conc_l1" \
	-c "CREATE ROLE perfeval_conc_l0; CREATE ROLE perfeval_conc_l1" \
	-c "SELECT perfeval.grant_access('perfeval_conc_l0', department => '部门0', may_load => true)" \
	-c "SELECT perfeval.grant_access('perfeval_conc_l1', department => '部门1', may_load => true)" >/dev/null
p0_before=$("${PSQL[@]}" -At -c "SELECT p.department || ':' || (SELECT count(*) FROM perfeval.indicator i WHERE i.project_id = 'p0') FROM perfeval.project p WHERE p.project_id = 'p0'")
{ echo "BEGIN; SET ROLE perfeval_conc_l0;"; form fa 部门0 甲 乙; echo "SELECT * FROM perfeval.import_forms(); SELECT pg_sleep(2); COMMIT;"; } >"$W/l0.sql"
{ echo "BEGIN; SET ROLE perfeval_conc_l1;"; form fb 部门1 甲; form p0 部门1 甲; echo "SELECT * FROM perfeval.import_forms(); SELECT pg_sleep(2); COMMIT;"; } >"$W/l1.sql"
"${PSQL[@]}" -f "$W/l0.sql" >/dev/null &
l0=$!
sleep 0.5
"${PSQL[@]}" -f "$W/l1.sql" >/dev/null
wait $l0
got=$("${PSQL[@]}" -At -c "SELECT string_agg(p.project_id || ':' || p.department || ':' || (SELECT count(*) FROM perfeval.indicator i WHERE i.project_id = p.project_id), ' ' ORDER BY p.project_id) FROM perfeval.project p WHERE p.project_id IN ('fa', 'fb', 'p0')" \
	-c "SELECT string_agg(project_code || ':' || sqlstate || ':' || logged_by, ' ' ORDER BY project_code) FROM perfeval.import_error")
want="fa:部门0:2 fb:部门1:1 p0:$p0_before"$'\np0:42501:perfeval_conc_l1'
if [ "$got" != "$want" ]; then
	echo "imports by two loaders at once: got '$got', want '$want'"
	status=1
fi
check "two loaders importing at once" || status=1
{ echo "BEGIN;"; form p5 部门2 甲; echo "SELECT * FROM perfeval.import_forms(); SELECT pg_sleep(2); COMMIT;"; } >"$W/i1.sql"
# (the owner's imports also meet perfeval_conc_l1's form of p0, still staged:
# imported with that loader's rights, it is rejected again, 1.15)
{ form p5 部门2 丙 丁; echo "SELECT status FROM perfeval.import_forms() WHERE project_code = 'p5';"; } >"$W/i2.sql"
"${PSQL[@]}" -f "$W/i1.sql" >/dev/null &
i1=$!
sleep 0.7
second=$("${PSQL[@]}" -At -f "$W/i2.sql")
wait $i1
got=$("${PSQL[@]}" -At -c "SELECT '$second ' || string_agg(name, ',' ORDER BY code) FROM perfeval.indicator WHERE project_id = 'p5'" \
	-c "SELECT count(*) || ' staged' FROM perfeval.staged_lines s WHERE s.project_code = 'p5'" \
	-c "SELECT coalesce(string_agg(DISTINCT sqlstate, ','), 'no problem') FROM perfeval.import_error e WHERE e.project_code = 'p5'")
# (the second waits for the first: its import then replaces the first's
# project, or, had it read the project before, is rejected and keeps its form)
if [ "$got" != $'imported 丙,丁\n0 staged\nno problem' ] && [ "$got" != $'rejected 甲\n3 staged\n23505' ]; then
	echo "two imports of one form at once: got '$got', want the second's form whole (imported) or the first's (the second rejected, staged)"
	status=1
fi
check "two imports of one form at once" || status=1
p0_after=$("${PSQL[@]}" -At -c "SELECT p.department || ':' || (SELECT count(*) FROM perfeval.indicator i WHERE i.project_id = 'p0') FROM perfeval.project p WHERE p.project_id = 'p0'")
if [ "$p0_after" != "$p0_before" ]; then
	echo "the owner's imports took over p0 with perfeval_conc_l1's form: got '$p0_after', want '$p0_before'"
	status=1
fi
[ $status = 0 ] && echo "imports: two loaders at once each import their forms and are refused the other's project (42501); of two imports of one form at once the project is one form's whole ($(head -1 <<<"$got" | cut -d" " -f1) second), never a mix; state and views equal a recomputation"

# ------------------------------------------- 4. bulk_insert()'s parent locks
# The import's bulk writes check foreign keys per batch instead of by the RI
# triggers: they must lock the parents as those do.  s1 writes an actual by
# bulk_insert() and keeps its transaction open: a DELETE of its indicator
# must wait (here: time out, 55P03).  Then s1 deletes an indicator and keeps
# its transaction open: a bulk_insert() of an actual of it waits and, once
# the delete commits, is refused (23503) -- never an actual without its row.
# (1.11's first version used C1, whose actuals the soak writes: a duplicate key.)
# (indicator Z1 of p6 and p7: the soak never writes it)
"${PSQL[@]}" -c "INSERT INTO perfeval.indicator (project_id, code, seq, level1, level2, name, weight, target)
	VALUES ('p6', 'Z1', 9, '产出', '数量', '锁测试', 1, '≥1家'), ('p7', 'Z1', 9, '产出', '数量', '锁测试', 1, '≥1家')"
bulk() {	# bulk PROJECT DATE MEASURE: the SQL writing one actual of Z1 by bulk_insert()
	echo "SELECT perfeval_internal.bulk_insert('perfeval.actual', 'project_id, code, reported_on, measure',
		'SELECT ''$1'', ''Z1'', DATE ''$2'', ''$3''::perfeval.measure WHERE \$1 <= \$2', 1, 1)"
}
"${PSQL[@]}" -c "BEGIN; $(bulk p6 2024-12-30 30家); SELECT pg_sleep(2); COMMIT;" >/dev/null &
s1=$!
sleep 0.7
got=$("${PSQL[@]}" -At -c "SET lock_timeout = '300ms'" -c "DELETE FROM perfeval.indicator WHERE project_id = 'p6' AND code = 'Z1'" 2>&1 || true)
wait $s1
case "$got" in
*"canceling statement due to lock timeout"*) ;;
*) echo "bulk_insert: a DELETE of the parent of an uncommitted bulk-written actual did not wait: '$got'"; status=1 ;;
esac
"${PSQL[@]}" -c "BEGIN; DELETE FROM perfeval.indicator WHERE project_id = 'p7' AND code = 'Z1'; SELECT pg_sleep(2); COMMIT;" >/dev/null &
s1=$!
sleep 0.7
got=$("${PSQL[@]}" -At -c "$(bulk p7 2024-12-30 30家)" 2>&1 || true)
wait $s1
case "$got" in
*'violates foreign key constraint "actual_project_id_code_fkey"'*) ;;
*) echo "bulk_insert: an actual of an indicator deleted meanwhile was not refused: '$got'"; status=1 ;;
esac
got=$("${PSQL[@]}" -At -c "SELECT count(*) FROM perfeval.actual WHERE project_id IN ('p6', 'p7') AND code = 'Z1'")
[ "$got" = 1 ] || { echo "bulk_insert: $got bulk-written actuals, want 1 (p6's)"; status=1; }
check "bulk_insert's parent locks" || status=1
[ $status = 0 ] && echo "bulk_insert: the parent of an uncommitted bulk-written row cannot be deleted (55P03 after waiting); a row whose parent is deleted meanwhile is refused (23503); state and views equal a recomputation"

# 5. grant_access() and revoke_access() at once
"${PSQL[@]}" -c "DO \$\$BEGIN FOR i IN 1..4 LOOP
	IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'perfeval_conc_g' || i) THEN EXECUTE format('CREATE ROLE %I', 'perfeval_conc_g' || i); END IF;
END LOOP; END\$\$"
G=$(mktemp -d)
cat >"$G/grants.sql" <<'PGB'
\set r random(1, 4)
SELECT perfeval.grant_access(('perfeval_conc_g' || :r)::regrole, department => '部门' || :client_id, may_load => :client_id % 2 = 0);
SELECT perfeval.revoke_access(('perfeval_conc_g' || :r)::regrole, department => '部门' || :client_id);
PGB
grc=0
$PGBENCH -n -h 127.0.0.1 -c 4 -j 2 -t 40 -f "$G/grants.sql" $db >"$G/out" 2>&1 || grc=$?
gtx=$(awk '/^number of transactions actually processed/ {print $NF; exit}' "$G/out")
if [ "$grc" != 0 ] || [ "$gtx" != 160/160 ] || grep -q 'ERROR' "$G/out"; then
	echo "grants: 4 sessions granting and revoking at once: exit $grc, $gtx transactions:"
	grep -m 5 'ERROR\|error' "$G/out" | sed 's/^/  /'
	status=1
else
	left=$("${PSQL[@]}" -At -c "SELECT count(*) FROM perfeval.access_grant WHERE role_name LIKE 'perfeval_conc_g%'")
	[ "$left" = 0 ] || { echo "grants: $left grants left after every grant was revoked"; status=1; }
	[ "$left" != 0 ] || echo "grants: 4 sessions granted and revoked access 160 times at once, none failed"
fi
rm -rf "$G"
exit $status
