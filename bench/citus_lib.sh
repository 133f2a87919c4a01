# bench/citus_lib.sh: what bench/citus.sh and bench/citus_national.sh share
# (sourced): the measured views' statements and the report's arithmetic.
VIEWS=(project_scores level1_scores rollup_region rollup_department grade_distribution)
declare -A Q
Q[project_scores]="SELECT count(*), sum(total), count(grade) FROM perfeval.project_scores"
Q[level1_scores]="SELECT count(*), sum(score) FROM perfeval.level1_scores"
Q[rollup_region]="SELECT count(*), sum(mean_score), sum(projects) FROM perfeval.rollup_region"
Q[rollup_department]="SELECT count(*), sum(mean_score), sum(projects) FROM perfeval.rollup_department"
Q[grade_distribution]="SELECT count(*), sum(projects) FROM perfeval.grade_distribution"

# the timed sessions' settings: as bench/run.sh, and totals above the
# project level combined from partial aggregates (no pulling rows to the
# coordinator to aggregate there)
BENCH_PGOPTIONS="-c work_mem=64MB -c jit=off -c random_page_cost=1.1 -c client_min_messages=warning -c citus.coordinator_aggregation_strategy=disabled"
# no checkpoint in the middle of a load, on each node under DIR
nodes_for_loading() {	# nodes_for_loading DIR
	local i
	for i in 0 1 2; do
		psql -X -q -v ON_ERROR_STOP=1 -h "$1" -p $((CITUS_PORT + i)) -U postgres -d postgres \
			-c "ALTER SYSTEM SET max_wal_size = '16GB'" -c "ALTER SYSTEM SET checkpoint_timeout = '1h'" \
			-c "SELECT pg_reload_conf()" >/dev/null
	done
}

log() { printf '== %s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) print "NaN"; else if (NR%2) printf "%.3f\n", a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.2f", a / b; else print "NaN"}'; }
ms() { awk -v a="$1" 'BEGIN {if (a == "NaN" || a == "") print "-"; else if (a >= 100) printf "%.0f ms", a; else printf "%.2f ms", a}'; }
# the rows the Citus scans of a plan received from the workers' tasks (a
# distributed subplan's rows reach the coordinator too)
citus_rows() { grep 'Custom Scan (Citus' <<<"$1" | grep -o 'actual rows=[0-9]*' | cut -d= -f2 | awk '{s += $1} END {print s + 0}'; }
# a table of |-separated lines, the first its header, as Markdown
md_table() {
	awk -F'|' '
	{ for (i = 1; i <= NF; i++) { c[NR, i] = $i; if (length($i) > w[i]) w[i] = length($i) } if (NF > nf) nf = NF; n = NR }
	END { for (r = 1; r <= n; r++) { line = "| "; for (i = 1; i <= nf; i++) line = line sprintf("%-" w[i] "s | ", c[r, i]); print line
		if (r == 1) { line = "|"; for (i = 1; i <= nf; i++) { s = ""; for (k = 0; k < w[i] + 2; k++) s = s "-"; line = line s "|" } print line } } }'
}
