#!/usr/bin/env bash
# test/upgrade_invisible.sh: a 1.14 warehouse whose stored target (or
# measure, or grade scale) holds an invisible character, which 1.15's types
# refuse, stops ALTER EXTENSION perfeval UPDATE with 22P02 naming the value,
# its table, column, project and indicator and the code point; corrected,
# the update goes through.  1.14 stored 增长\uFEFF较大 as given; the library
# installed now refuses it, so the stored bytes are written as 1.14 wrote
# them (version 1, no comparator, qualitative, amount 0, the phrase) through
# a binary-coercible cast from bytea, dropped again.  Needs PGHOST/PGPORT/
# PGUSER and the samples (test/run.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
DB=upgrade_invisible
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -d $DB)
dropdb --if-exists $DB
createdb $DB
"${PSQL[@]}" -c "CREATE EXTENSION perfeval VERSION '1.14'"
for f in test/data/seed_*.sql; do "${PSQL[@]}" -f "$f"; done
# stored form: version 1, cmp 0, unit 255 (qualitative), per 0, amount 0 (int64), the phrase
"${PSQL[@]}" <<'SQL'
CREATE CAST (bytea AS perfeval.target) WITHOUT FUNCTION;
UPDATE perfeval.indicator
   SET target = ('\x0100ff000000000000000000'::bytea || convert_to(E'增长\uFEFF较大', 'UTF8'))::perfeval.target
 WHERE project_id = 'seed002' AND code = 'C11';
DROP CAST (bytea AS perfeval.target);
SELECT 'stored as 1.14 stored it: ' || target::text FROM perfeval.indicator WHERE project_id = 'seed002' AND code = 'C11';
SQL
status=0
if out=$("${PSQL[@]}" -c "ALTER EXTENSION perfeval UPDATE" 2>&1); then
	echo "upgrade_invisible: FAILED: the update went through with an invisible character stored"
	status=1
else
	echo "$out"
	for want in 'ERROR:  perfeval 1.15 does not read the target "增长' 'perfeval.indicator.target of project "seed002", indicator "C11"' \
		'DETAIL:  U+FEFF at character 3 is an invisible or control character' 'HINT:  Remove the invisible character'; do
		grep -qF "$want" <<<"$out" || { echo "upgrade_invisible: FAILED: the refusal does not say: $want"; status=1; }
	done
	[ "$("${PSQL[@]}" -At -c "SELECT extversion FROM pg_extension WHERE extname = 'perfeval'")" = 1.14 ] ||
		{ echo "upgrade_invisible: FAILED: the refused update changed the version"; status=1; }
fi
# corrected (as the hint says), the update goes through
"${PSQL[@]}" -c "UPDATE perfeval.indicator SET target = '增长较大' WHERE project_id = 'seed002' AND code = 'C11'"
"${PSQL[@]}" -c "ALTER EXTENSION perfeval UPDATE"
[ "$("${PSQL[@]}" -At -c "SELECT extversion FROM pg_extension WHERE extname = 'perfeval'")" = "$(sed -nE "s/^default_version = '(.*)'/\1/p" perfeval.control)" ] ||
	{ echo "upgrade_invisible: FAILED: the corrected warehouse did not update"; status=1; }
[ $status = 0 ] && echo "upgrade_invisible: a stored U+FEFF stops the update naming seed002 C11; corrected, 1.14 -> the current version goes through"
[ $status = 0 ] && dropdb $DB
exit $status
