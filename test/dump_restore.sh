#!/usr/bin/env bash
# test/dump_restore.sh SRC: pg_dump a database holding the samples, restore it
# into a fresh database, and check that every perfeval table and the project
# scores come back identical (pg_dump keeps the users' rows, and the scheme
# CREATE EXTENSION installs is not dumped twice).  Needs PGHOST/PGPORT/PGUSER.
set -euo pipefail
src=$1
dst=${src}_restored
fingerprint() {
	psql -X -At -d "$1" <<'SQL'
SELECT c.relname || ' ' || count_rows.n || ' ' || count_rows.h
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'perfeval'
  CROSS JOIN LATERAL (SELECT (xpath('/row/n/text()', x))[1]::text AS n,
                             (xpath('/row/h/text()', x))[1]::text AS h
                        FROM query_to_xml(format(
                          'SELECT count(*) AS n, md5(coalesce(string_agg(t::text, %L ORDER BY t::text), %L)) AS h FROM perfeval.%I t',
                          '|', '', c.relname), false, true, '') AS x) count_rows
 WHERE c.relkind = 'r'
 ORDER BY c.relname;
SELECT 'project_scores ' || md5(string_agg(t::text, '|' ORDER BY t::text)) FROM perfeval.project_scores t;
SQL
}
dropdb --if-exists "$dst" 2>/dev/null
createdb "$dst"
pg_dump -d "$src" | psql -X -q -v ON_ERROR_STOP=1 -d "$dst" >/dev/null
before=$(fingerprint "$src")
after=$(fingerprint "$dst")
if [ "$before" != "$after" ]; then
	echo "dump/restore changed the data:"
	diff <(echo "$before") <(echo "$after") || true
	exit 1
fi
rows=$(echo "$before" | awk '$1 != "project_scores" {s += $2} END {print s}')
if [ "${rows:-0}" -eq 0 ]; then
	echo "dump/restore: no rows to compare"
	exit 1
fi
echo "dump/restore: $(echo "$before" | grep -vc project_scores) tables, $rows rows and the project scores identical"
