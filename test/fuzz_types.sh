#!/usr/bin/env bash
# test/fuzz_types.sh [N]: the types' fuzz suite (issue 25, "no input crashes
# the server").  In a fresh database, test/fuzz_types.sql feeds each perfeval
# type (target, measure, method, grade_scale, score_sum, rules, state,
# evaluation) N mutated binary payloads (default 5000) through COPY ...
# FORMAT binary and N mutated text literals through INSERT, seeded, and
# fails on an unexpected SQLSTATE, an XX000 or an accepted value that does
# not round-trip.  This script fails too when the server crashed meanwhile:
# the session is lost, the statistics were reset by crash recovery
# (pg_stat_bgwriter.stats_reset moves), or the server's log (test/run.sh
# keeps it beside the socket) reports a terminated server process.
# Uses PGHOST/PGPORT/PGUSER of the cluster (test/run.sh sets them).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-5000}
DB=perfeval_fuzz
LOG=${PGHOST:-}/log
psql() { command psql -X -q -v ON_ERROR_STOP=1 "$@"; }

dropdb --if-exists "$DB"
createdb "$DB"
psql -d "$DB" -c 'CREATE EXTENSION perfeval'
reset_before=$(psql -At -d "$DB" -c 'SELECT stats_reset FROM pg_stat_bgwriter')
log_before=0
[ -f "$LOG" ] && log_before=$(wc -l <"$LOG")

status=0
start=$(date +%s)
psql -d "$DB" -v n="$N" -f test/fuzz_types.sql || status=$?
echo "fuzz: $N binary payloads and $N text literals per type in $(($(date +%s) - start)) s"

# a crash: the server restarted behind the session's back
sleep 1
reset_after=$(psql -At -d postgres -c 'SELECT stats_reset FROM pg_stat_bgwriter' || echo unreachable)
if [ "$reset_after" != "$reset_before" ]; then
	echo "fuzz: FAILED: the server restarted (statistics reset $reset_before -> $reset_after)"
	status=1
fi
if [ -f "$LOG" ] && tail -n +"$((log_before + 1))" "$LOG" | grep -E 'terminated by signal|server process .* (was terminated|exited with exit code)|all server processes terminated'; then
	echo "fuzz: FAILED: a server process crashed (log above)"
	status=1
fi
if [ "$status" = 0 ]; then
	dropdb "$DB"
fi
exit "$status"
