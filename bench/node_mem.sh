#!/usr/bin/env bash
# bench/node_mem.sh DIR: sample, until killed, the private memory (RssAnon:
# not the shared buffers) of every process of each of the three nodes under
# DIR (test/citus_cluster.sh), twice a second; one line per sample: for each
# node the largest process's kB and the node's sum.  bench/citus_national.sh
# keeps the peaks.
while :; do
	line=
	for i in 0 1 2; do
		pm=$(head -1 "$1/n$i/postmaster.pid" 2>/dev/null) || pm=-1
		kids=$(cat /proc/[0-9]*/stat 2>/dev/null | awk -v pm="$pm" '{pid = $1; sub(/^.*\) /, ""); if (pid == pm || $2 == pm) print pid}')
		line+=$(for p in $kids; do awk '/^RssAnon:/ {print $2}' "/proc/$p/status" 2>/dev/null; done |
			awk '{s += $1; if ($1 > m) m = $1} END {printf "%d %d ", m, s}')
	done
	echo "$line"
	sleep 0.5
done
