#!/usr/bin/env bash
# bench/node_cpu.sh DIR: the CPU time (clock ticks) every process of each of
# the three nodes under DIR (test/citus_cluster.sh) has used so far: the
# postmaster's own and its reaped children's, and its live children's.
# bench/citus.sh runs it with psql's \! between two statements of a session.
# (Read in one pass with cat: a process may end while the files are read.)
stats=$(cat /proc/[0-9]*/stat 2>/dev/null)
for i in 0 1 2; do
	pm=$(head -1 "$1/n$i/postmaster.pid")
	awk -v pm="$pm" '{pid = $1; sub(/^.*\) /, "")
		if (pid == pm) t += $12 + $13 + $14 + $15; else if ($2 == pm) t += $12 + $13}
		END {printf "%d ", t}' <<<"$stats"
done
echo
