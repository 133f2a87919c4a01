#!/usr/bin/env bash
# test/report.sh DB: perfeval.report_html() of each sample rendered by
# headless Chromium (Debian's chromium, CJK fonts from fonts-noto-cjk), as a
# browser shows and prints it.  For each seed the screenshot must not be
# blank (ink on the page, and the chart's bars in their colour) and the text
# Chromium parsed must hold the figures the views give: the name, the total
# and grade, every level-1 score rate and every indicator's score; the A4
# print must come out as a PDF.  With KEEP_PNG=path the screenshot of seed003
# is kept there (docs/report_seed003.png).  Needs PGHOST/PGPORT/PGUSER.
set -euo pipefail
cd "$(dirname "$0")/.."
db=$1
PSQL=(psql -X -q -At -v ON_ERROR_STOP=1 -d "$db")
BROWSER=$(command -v chromium || command -v chromium-browser)
work=$(mktemp -d /tmp/perfeval-report.XXXXXX)
trap 'rm -rf "$work"' EXIT
browse() {	# browse ARGS...: one headless run with a private profile
	timeout 120 "$BROWSER" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
		--user-data-dir="$work/profile" --window-size=794,2600 "$@" 2>/dev/null
}
status=0
for id in $("${PSQL[@]}" -c "SELECT project_id FROM perfeval.project WHERE project_id LIKE 'seed%' ORDER BY 1"); do
	"${PSQL[@]}" -v id="$id" <<<"SELECT perfeval.report_html(:'id')" >"$work/$id.html"
	browse --screenshot="$work/$id.png" "file://$work/$id.html" >/dev/null
	browse --print-to-pdf="$work/$id.pdf" --no-pdf-header-footer "file://$work/$id.html" >/dev/null
	browse --dump-dom "file://$work/$id.html" >"$work/$id.dom"
	# the page: share of pixels with ink, and pixels of the level-1 bars' colour
	read -r ink bars < <(python3 test/png_ink.py "$work/$id.png" 47,95,143)
	nbars=$("${PSQL[@]}" -v id="$id" <<<"SELECT count(*) FROM perfeval.level1_scores WHERE project_id = :'id' AND score_rate > 0")
	if ! awk -v i="$ink" 'BEGIN { exit !(i > 0.01) }' || { [ "$nbars" -gt 0 ] && [ "$bars" -lt 100 ]; }; then
		echo "report: $id renders blank or without its chart (ink $ink, bar pixels $bars)"
		status=1
	fi
	if ! head -c 5 "$work/$id.pdf" | grep -q '%PDF-'; then
		echo "report: $id does not print to PDF"
		status=1
	fi
	# the figures, from the views, each to be found in the parsed document
	while IFS= read -r want; do
		if ! grep -qF -- "$want" "$work/$id.dom"; then
			echo "report: $id: the rendered document lacks \"$want\""
			status=1
		fi
	done < <("${PSQL[@]}" -v id="$id" <<-'SQL'
		SELECT perfeval_internal.html(name) FROM perfeval.project WHERE project_id = :'id';
		SELECT '总分：<b>' || coalesce(total::text, '—') || '</b>　等级：<b>' || coalesce(grade, '—') || '</b>'
		  FROM perfeval.project_scores WHERE project_id = :'id';
		SELECT '>' || coalesce(trim_scale(round(score_rate, 2))::text || '%', '—') || '</text>' FROM perfeval.level2_scores WHERE project_id = :'id' UNION ALL
		SELECT '>' || coalesce(trim_scale(round(score_rate, 2))::text || '%', '—') || '</text>' FROM perfeval.level1_scores WHERE project_id = :'id';
		SELECT '<td class="n">' || coalesce(score::text, '—') || '</td><td class="x">'
		  FROM perfeval.indicator_scores WHERE project_id = :'id' AND applicable;
		SELECT '<li id="f' || row_number() OVER () || '">' FROM perfeval.findings WHERE project_id = :'id';
		SQL
	)
	echo "report: $id: $(grep -o '<tr' "$work/$id.dom" | wc -l) table rows, ink $ink, $bars bar pixels, $(stat -c %s "$work/$id.pdf") bytes of PDF"
done
if [ -n "${KEEP_PNG:-}" ]; then cp "$work/seed003.png" "$KEEP_PNG"; fi
exit $status
