#!/usr/bin/env bash
# test/dump_restore.sh SRC: pg_dump a database holding the samples, restore it
# into fresh databases (plain SQL through psql, and the custom format through
# pg_restore), and check that every perfeval table, the state perfeval keeps
# (rebuilt on restore, never dumped) and every view come back identical.
# Before the dump the source gets what 1.2 lost: a customised built-in scheme
# (a project changes grade under it) and a scheme of its own; and access
# grants (1.4), so that two restricted roles must see after the restore
# exactly what they saw before, and a loader stay in its scope; and (1.5)
# division names of the user's own next to the shipped list (only they are
# dumped, and they win on restore) and a programme key; and (1.6) a staged
# form waiting for correction with its import problems.  (1.15) Every kind
# of restore a DBA runs is a case: plain SQL through psql, the custom
# format through pg_restore serially, with -j 4 (its parallel COPYs load
# the tables in any order), by --section pre-data, data, post-data in
# turn, and --data-only --disable-triggers into a fresh CREATE EXTENSION
# followed by the one step the README gives (SELECT
# perfeval.refresh_state()).  Each compares every table and view, the kept
# state, the privileges and the triggers' firing modes, and what two
# restricted roles see.  Needs PGHOST/PGPORT/PGUSER.
set -euo pipefail
src=$1
PSQL=(psql -X -q -v ON_ERROR_STOP=1)

"${PSQL[@]}" -d "$src" >/dev/null <<'SQL'
-- the built-in scheme customised: 98.2 is 良 under these bands, not 优
UPDATE perfeval.scheme SET grade_scale = '优:99,良:80,中:60,差:0', decimals = 1
 WHERE scheme_id = 'national';
INSERT INTO perfeval.scheme (scheme_id, name, tier_high, tier_low) VALUES ('own', '自定义方案', 85, 50);
INSERT INTO perfeval.project (project_id, name, year, division_code, department, evaluation_kind, scheme_id)
VALUES ('dump_test', '导出测试', 2024, '650100', '测试局', '单位自评', 'own');
-- divisions: a user's name for a shipped code, and a code the list lacks
INSERT INTO perfeval.division (code, name) VALUES ('650100', '乌鲁木齐市（用户）'), ('659099', '测试新市');
UPDATE perfeval.project SET programme_code = 'P-DUMP' WHERE project_id IN ('seed001', 'seed003');
-- results application (1.16): rules of the user's schemes, dumped like them,
-- and an indicator's library code
INSERT INTO perfeval.result_rule (scheme_id, year, band, action, cut_percent, repeat_action)
VALUES ('national', 2023, 1, '优先保障', NULL, NULL), ('national', 2023, 2, '核减', 12.5, '取消或暂停'),
	   ('own', 2024, 1, '据实保障', 0, NULL);
UPDATE perfeval.indicator SET library_code = 'LIB-C41' WHERE project_id = 'seed003' AND code = 'C41';
-- a form waiting for correction (1.6): staged, with its problems
INSERT INTO perfeval.form_project ("项目编码", "项目名称", "年度", "行政区划代码", "主管部门")
VALUES ('dump_staged', '待更正', '二〇二四', '650102', '测试局');
SELECT count(*) FROM perfeval.import_forms();
-- access: a prefecture's role, a department's loader (roles are the
-- cluster's; the grants and privileges are the database's, and dumped)
DO $$ BEGIN
	IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'perfeval_dump_pref') THEN CREATE ROLE perfeval_dump_pref; END IF;
	IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'perfeval_dump_dept') THEN CREATE ROLE perfeval_dump_dept; END IF;
END $$;
SELECT perfeval.grant_access('perfeval_dump_pref', division_prefix => '6501');
SELECT perfeval.grant_access('perfeval_dump_dept', department => '库尔勒上库综合产业园区管理委员会', may_load => true);
SQL
if [ "$("${PSQL[@]}" -At -d "$src" -c "SELECT final_grade FROM perfeval.project_scores WHERE project_id = 'seed003'")" != 良 ]; then
	echo "dump/restore: the customised built-in scheme did not change seed003's grade"
	exit 1
fi

fingerprint() {	# fingerprint DB [ROLE]: every relation (ROLE may read) as its row count and md5
	psql -X -At -d "$1" -c "${2:+SET ROLE $2}" -c "
SELECT n.nspname || '.' || c.relname || ' ' || x.n || ' ' || x.h
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname IN ('perfeval', 'perfeval_internal')
 CROSS JOIN LATERAL (SELECT (xpath('/row/n/text()', q))[1]::text AS n, (xpath('/row/h/text()', q))[1]::text AS h
					   FROM query_to_xml(format(
						 'SELECT count(*) AS n, md5(coalesce(string_agg(t::text, %L ORDER BY t::text), %L)) AS h FROM %I.%I t',
						 '|', '', n.nspname, c.relname), false, true, '') AS q) x
 WHERE c.relkind IN ('r', 'v') AND has_table_privilege(c.oid, 'SELECT')
 ORDER BY 1;" | grep -v '^SET$'
	# and the privileges on them, which grant_access() gave
	psql -X -At -d "$1" -c "SELECT 'acl ' || c.oid::regclass || ' ' || coalesce(c.relacl::text, '')
		FROM pg_class c WHERE c.relnamespace IN ('perfeval'::regnamespace, 'perfeval_internal'::regnamespace) ORDER BY 1"
	# and where the staging's batch sequence stands
	psql -X -At -d "$1" -c "SELECT 'sequence ' || c.oid::regclass || ' ' || coalesce(pg_sequence_last_value(c.oid)::text, 'unused')
		FROM pg_class c WHERE c.relkind = 'S' AND c.relnamespace IN ('perfeval'::regnamespace, 'perfeval_internal'::regnamespace) ORDER BY 1"
	# and how perfeval's triggers fire (ENABLE ALWAYS survives every restore)
	psql -X -At -d "$1" -c "SELECT 'trigger ' || t.tgrelid::regclass || ' ' || t.tgname || ' ' || t.tgenabled::text
		FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
		WHERE NOT t.tgisinternal AND c.relnamespace IN ('perfeval'::regnamespace, 'perfeval_internal'::regnamespace) ORDER BY 1"
}
before=$(fingerprint "$src")
before_pref=$(fingerprint "$src" perfeval_dump_pref)
before_dept=$(fingerprint "$src" perfeval_dump_dept)
if [ "$before_pref" = "$before" ] || [ "$before_pref" = "$before_dept" ] ||
	[ "$(psql -X -At -d "$src" -c "SET ROLE perfeval_dump_pref" -c "SELECT count(*) FROM perfeval.project_scores" | tail -1)" != 2 ]; then
	echo "dump/restore: the roles' scopes are not what the test needs (the prefecture's role should see 2 projects)"
	exit 1
fi
status=0
if [ "$(psql -X -At -d "$src" -c "SELECT division_name FROM perfeval.rollup_region WHERE division_code = '650100' LIMIT 1")" != 乌鲁木齐市（用户） ]; then
	echo "dump/restore: the user's division name does not win in the source"
	exit 1
fi
pg_dump -Fc -d "$src" -f "/tmp/perfeval-dump-$$.dump"
trap 'rm -f "/tmp/perfeval-dump-$$.dump" "/tmp/perfeval-dump-$$.sql"' EXIT
for format in plain custom parallel sections data-only; do
	dst=${src}_restored_${format//-/_}
	dropdb --if-exists "$dst" 2>/dev/null
	createdb "$dst"
	if [ $format = parallel ]; then
		# four parallel COPYs: the tables' data in any order (the
		# archive orders no table's data after another's)
		pg_restore --exit-on-error -j 4 -d "$dst" "/tmp/perfeval-dump-$$.dump" || { echo "dump/restore ($format): the restore failed"; status=1; }
	elif [ $format = sections ]; then
		for section in pre-data data post-data; do
			pg_restore --exit-on-error --section $section -d "$dst" "/tmp/perfeval-dump-$$.dump" || { echo "dump/restore ($format): the restore failed"; status=1; }
		done
	elif [ $format = data-only ]; then
		# into a fresh CREATE EXTENSION, the triggers disabled, then the
		# README's one step
		"${PSQL[@]}" -d "$dst" -c 'CREATE EXTENSION perfeval'
		pg_restore --exit-on-error --data-only --disable-triggers -d "$dst" "/tmp/perfeval-dump-$$.dump" || { echo "dump/restore ($format): the restore failed"; status=1; }
		"${PSQL[@]}" -d "$dst" -c 'SELECT perfeval.refresh_state()' >/dev/null || { echo "dump/restore ($format): the restore failed"; status=1; }
	elif [ $format = plain ]; then
		pg_dump -d "$src" >"/tmp/perfeval-dump-$$.sql"
		"${PSQL[@]}" -d "$dst" -f "/tmp/perfeval-dump-$$.sql" >/dev/null
		# only the division rows that differ from the shipped list are dumped
		dumped=$(awk '/^COPY perfeval.division /{on=1; next} on && /^\\\.$/{on=0} on' "/tmp/perfeval-dump-$$.sql" | sort | tr '\t\n' ' |')
		rm -f "/tmp/perfeval-dump-$$.sql"
		if [ "$dumped" != "650100 乌鲁木齐市（用户）|659099 测试新市|" ]; then
			echo "dump/restore: the dump holds other division rows than the user's two: $dumped"
			status=1
		fi
	else
		pg_restore --exit-on-error -d "$dst" "/tmp/perfeval-dump-$$.dump"
	fi
	# nothing left waiting for a parent row (the parallel restore's)
	left=$(psql -X -At -d "$dst" -c "SELECT count(*) FROM perfeval_internal.parked" 2>&1 || true)
	if [ "$left" != 0 ]; then
		echo "dump/restore ($format): rows left waiting for their parents: $left"
		status=1
	fi
	after=$(fingerprint "$dst")
	if [ $format = parallel ]; then
		# pg_restore -j may leave a project's kept results (section 47)
		# stamped with the shipped national's rules (its restore session
		# does not recompute on a scheme's update, docs/design.md): every
		# view must be right as it is, evaluating those projects; then
		# refresh_state() keeps them again, and every table must be equal
		kept='^perfeval_internal\.project_(results|levels) '
		if [ "$(grep -vE "$kept" <<<"$before")" != "$(grep -vE "$kept" <<<"$after")" ]; then
			echo "dump/restore ($format) changed the data (the kept results aside):"
			diff <(grep -vE "$kept" <<<"$before") <(grep -vE "$kept" <<<"$after") || true
			status=1
		fi
		"${PSQL[@]}" -d "$dst" -c 'SELECT perfeval.refresh_state()' >/dev/null
		after=$(fingerprint "$dst")
	fi
	if [ "$before" != "$after" ]; then
		echo "dump/restore ($format) changed the data:"
		diff <(echo "$before") <(echo "$after") || true
		status=1
	fi
	for r in pref dept; do
		b=before_$r
		if [ "${!b}" != "$(fingerprint "$dst" perfeval_dump_$r)" ]; then
			echo "dump/restore ($format) changed what perfeval_dump_$r sees:"
			diff <(echo "${!b}") <(fingerprint "$dst" perfeval_dump_$r) || true
			status=1
		fi
	done
	refused=$(psql -X -At -d "$dst" -c "SET ROLE perfeval_dump_dept" \
		-c "INSERT INTO perfeval.actual (project_id, code, reported_on, measure) VALUES ('seed001', 'C11', '2099-01-01', '1家')" 2>&1 || true)
	if ! grep -q 'may not load project "seed001"' <<<"$refused"; then
		echo "dump/restore ($format): the restored loader may load outside its department"
		status=1
	fi
	# and no caller's function sees a row outside its scope (1.15)
	if ! leaked=$(bash test/leak.sh "$dst" 2>&1); then
		echo "dump/restore ($format): after the restore a leaky function sees rows outside the scope:"
		echo "$leaked"
		status=1
	fi
done
[ $status = 0 ] || exit 1
rows=$(echo "$before" | awk '$1 ~ /^perfeval\.(project|indicator|actual|allocation)$/ {s += $2} END {print s}')
staged=$(echo "$before" | awk '$1 == "perfeval_internal.staged_project" || $1 == "perfeval.import_error" {s += $2} END {print s}')
if [ "${staged:-0}" -lt 2 ]; then
	echo "dump/restore: the staged form and its problem are missing from the source ($staged rows)"
	exit 1
fi
state=$(echo "$before" | awk '$1 == "perfeval_internal.project_state" {print $2}')
if [ "${rows:-0}" -lt 50 ] || [ "${state:-0}" -lt 5 ]; then
	echo "dump/restore: too little to compare ($rows rows, $state state rows)"
	exit 1
fi
echo "dump/restore (plain, custom, -j 4, by sections, data-only + refresh_state()): $(echo "$before" | grep -c "^perfeval") tables and views identical, the customised built-in scheme, the kept state, the grants, the triggers' modes, the sequence and what two restricted roles see included; no leak through the restored views"
