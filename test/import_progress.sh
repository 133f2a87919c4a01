#!/usr/bin/env bash
# test/import_progress.sh DB: an import's progress is visible from another
# session (issue 26): while import_forms() runs over 5,000 staged forms, a
# second session polling pg_stat_activity sees the importing backend's
# query read "perfeval import_forms: <phase>, N of M forms, R forms/s" at
# least every 1,000 forms of the writing phase, the counts rising.  Needs
# PGHOST/PGPORT/PGUSER; DB holds the samples (test/run.sh).
set -euo pipefail
db=$1
N=${PROGRESS_FORMS:-5000}
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -d "$db")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# N forms of 10 rows, staged as an ETL job would
"${PSQL[@]}" >/dev/null <<SQL
INSERT INTO perfeval.form_project
SELECT 'P' || g, '进度测试项目' || g, '2023', '650102', '县财政局', '', '', '', '', '10', '10', '10', '9', '10', '', '', ''
  FROM generate_series(1, $N) g;
INSERT INTO perfeval.form_indicator
SELECT 'P' || g, '产出指标', '数量指标', '指标' || k, '≥', '10', '个', '9', '10个', '', ''
  FROM generate_series(1, $N) g, generate_series(1, 10) k;
SQL

"${PSQL[@]}" -At -c "SELECT count(*) FILTER (WHERE status = 'imported') FROM perfeval.import_forms()" >"$tmp/imported" &
importer=$!
# poll the other backend's activity until the import ends
while kill -0 $importer 2>/dev/null; do
	"${PSQL[@]}" -At -c "SELECT query FROM pg_stat_activity
		WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE 'perfeval import_forms:%'" >>"$tmp/seen" || true
done
wait $importer
status=0
[ "$(cat "$tmp/imported")" = "$N" ] || { echo "import_progress: FAILED: $(cat "$tmp/imported") of $N forms imported"; status=1; }
sort -u "$tmp/seen" >"$tmp/distinct"
# the writing phase: every 1,000 forms a new count, N of N the last
mapfile -t done_counts < <(sed -nE 's/^perfeval import_forms: writing forms, ([0-9]+) of '"$N"' forms, [0-9]+ forms\/s$/\1/p' "$tmp/distinct" | sort -n -u)
if [ ${#done_counts[@]} -lt 2 ]; then
	echo "import_progress: FAILED: fewer than two writing counts seen from another session:"
	head -5 "$tmp/distinct"
	status=1
else
	prev=0
	for c in "${done_counts[@]}"; do
		[ $((c % 1000)) = 0 ] || [ "$c" = "$N" ] || { echo "import_progress: FAILED: a count not at a 1,000-form step: $c"; status=1; }
		prev=$c
	done
fi
grep -qE '^perfeval import_forms: (reading|checking) forms, [0-9]+' "$tmp/distinct" ||
	echo "import_progress: (the reading and checking phases passed between two polls)"
[ $status = 0 ] && echo "import_progress: $N forms imported; another session saw ${#done_counts[@]} writing counts (${done_counts[*]}) in pg_stat_activity"
exit $status
