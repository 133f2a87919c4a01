#!/usr/bin/env bash
# test/dump_restore.sh SRC: pg_dump a database holding the samples, restore it
# into fresh databases (plain SQL through psql, and the custom format through
# pg_restore), and check that every perfeval table, the state perfeval keeps
# (rebuilt on restore, never dumped) and every view come back identical.
# Before the dump the source gets what 1.2 lost: a customised built-in scheme
# (a project changes grade under it) and a scheme of its own.  Needs
# PGHOST/PGPORT/PGUSER.
set -euo pipefail
src=$1
PSQL=(psql -X -q -v ON_ERROR_STOP=1)

"${PSQL[@]}" -d "$src" <<'SQL'
-- the built-in scheme customised: 98.2 is 良 under these bands, not 优
UPDATE perfeval.scheme SET grade_scale = '优:99,良:80,中:60,差:0', decimals = 1
 WHERE scheme_id = 'national';
INSERT INTO perfeval.scheme (scheme_id, name, tier_high, tier_low) VALUES ('own', '自定义方案', 85, 50);
INSERT INTO perfeval.project (project_id, name, year, division_code, department, evaluation_kind, scheme_id)
VALUES ('dump_test', '导出测试', 2024, '650100', '测试局', '单位自评', 'own');
SQL
if [ "$("${PSQL[@]}" -At -d "$src" -c "SELECT final_grade FROM perfeval.project_scores WHERE project_id = 'seed003'")" != 良 ]; then
	echo "dump/restore: the customised built-in scheme did not change seed003's grade"
	exit 1
fi

fingerprint() {
	psql -X -At -d "$1" <<'SQL'
SELECT n.nspname || '.' || c.relname || ' ' || x.n || ' ' || x.h
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname IN ('perfeval', 'perfeval_internal')
 CROSS JOIN LATERAL (SELECT (xpath('/row/n/text()', q))[1]::text AS n, (xpath('/row/h/text()', q))[1]::text AS h
					   FROM query_to_xml(format(
						 'SELECT count(*) AS n, md5(coalesce(string_agg(t::text, %L ORDER BY t::text), %L)) AS h FROM %I.%I t',
						 '|', '', n.nspname, c.relname), false, true, '') AS q) x
 WHERE c.relkind IN ('r', 'v')
 ORDER BY 1;
SQL
}
before=$(fingerprint "$src")
status=0
for format in plain custom; do
	dst=${src}_restored_$format
	dropdb --if-exists "$dst" 2>/dev/null
	createdb "$dst"
	if [ $format = plain ]; then
		pg_dump -d "$src" | "${PSQL[@]}" -d "$dst" >/dev/null
	else
		pg_dump -Fc -d "$src" -f "/tmp/perfeval-dump-$$.dump"
		pg_restore --exit-on-error -d "$dst" "/tmp/perfeval-dump-$$.dump"
		rm -f "/tmp/perfeval-dump-$$.dump"
	fi
	after=$(fingerprint "$dst")
	if [ "$before" != "$after" ]; then
		echo "dump/restore ($format) changed the data:"
		diff <(echo "$before") <(echo "$after") || true
		status=1
	fi
done
[ $status = 0 ] || exit 1
rows=$(echo "$before" | awk '$1 ~ /^perfeval\.(project|indicator|actual|allocation)$/ {s += $2} END {print s}')
state=$(echo "$before" | awk '$1 == "perfeval_internal.project_state" {print $2}')
if [ "${rows:-0}" -lt 50 ] || [ "${state:-0}" -lt 5 ]; then
	echo "dump/restore: too little to compare ($rows rows, $state state rows)"
	exit 1
fi
echo "dump/restore (plain and custom): $(echo "$before" | wc -l) tables and views identical, the customised built-in scheme and the kept state included"
