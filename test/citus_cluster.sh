#!/usr/bin/env bash
# test/citus_cluster.sh: a throwaway 3-node Citus cluster on loopback (a
# coordinator and two workers), sourced by test/citus.sh and bench/run.sh.
#
#   citus_available     build and install Citus from ../shared/vendor when
#                       citus.so is missing; false (saying why) when it cannot
#   citus_start DIR DB  start the nodes under DIR on ports CITUS_PORT (54339),
#                       +1, +2, create DB on each with citus and perfeval, and
#                       add the workers; sets COORD (psql args for the
#                       coordinator)
#   citus_stop DIR      stop them
#   citus_node DIR DB PORT [NAME]  start one node (citus_start's, or one
#                       more, not yet added) with DB and citus; wal_level
#                       logical, as shard moves by logical replication need
#
# Run as root, the nodes belong to the same non-root user as test/run.sh's.
[ -n "${PGBIN:-}" ] || { source "$(dirname "${BASH_SOURCE[0]}")/pgbin.sh" && pe_find_pg; }
CITUS_PORT=${CITUS_PORT:-54339}
VENDOR=${VENDOR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/shared/vendor}

citus_as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi; }
citus_user() {
	if [ "$(id -u)" = 0 ]; then
		id perfeval_test >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin perfeval_test
		echo perfeval_test
	else
		id -un
	fi
}
citus_as_user() { if [ "$(id -u)" = 0 ]; then runuser -u "$(citus_user)" -- "$@"; else "$@"; fi; }

citus_available() {
	local libdir
	libdir=$($PGBIN/pg_config --pkglibdir)
	[ -e "$libdir/citus.so" ] && return 0
	if [ ! -e "$VENDOR/citus-v13.2.2.tar.gz" ]; then
		echo "no citus.so and no Citus source in $VENDOR"
		return 1
	fi
	echo "== building Citus 13.2.2 from $VENDOR (about 95 s)"
	local b
	b=$(mktemp -d /tmp/citus-build.XXXXXX)
	local deps=(patch libkrb5-dev liblz4-dev libzstd-dev libcurl4-openssl-dev) missing=() p
	for p in "${deps[@]}"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
	done
	[ ${#missing[@]} = 0 ] || { citus_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
		citus_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
		"${missing[@]}" >/dev/null; } || {
		echo "could not install Citus's build dependencies"
		return 1
	}
	if ! (tar xzf "$VENDOR/citus-v13.2.2.tar.gz" -C "$b" && cd "$b" &&
		patch -s -p1 <"$VENDOR/citus-13.2.2-pg15.20.patch" &&
		./configure -q PG_CONFIG=$PGBIN/pg_config >"$b/build.log" 2>&1 &&
		make -s -j"$(nproc)" >>"$b/build.log" 2>&1 &&
		citus_as_root make -s install >>"$b/build.log" 2>&1); then
		tail -20 "$b/build.log"
		echo "could not build Citus"
		return 1
	fi
	rm -rf "$b"
}

citus_start() {	# citus_start DIR DB
	local dir=$1 db=$2 i
	mkdir -p "$dir"
	chmod 755 "$dir"
	[ "$(id -u)" = 0 ] && chown "$(citus_user)" "$dir"
	for i in 0 1 2; do
		citus_node "$dir" "$db" $((CITUS_PORT + i)) n$i
	done
	COORD=(-X -q -v ON_ERROR_STOP=1 -h "$dir" -p "$CITUS_PORT" -U postgres -d "$db")
	psql "${COORD[@]}" <<-SQL >/dev/null
	SELECT citus_set_coordinator_host('127.0.0.1', $CITUS_PORT);
	SELECT citus_add_node('127.0.0.1', $((CITUS_PORT + 1)));
	SELECT citus_add_node('127.0.0.1', $((CITUS_PORT + 2)));
	SQL
	psql "${COORD[@]}" -c 'CREATE EXTENSION perfeval'
}

citus_node() {	# citus_node DIR DB PORT [NAME]: a node in DIR/NAME (pPORT)
	local dir=$1 db=$2 port=$3 name=${4:-p$3}
	citus_as_user $PGBIN/initdb -D "$dir/$name" -U postgres -A trust -E UTF8 --no-locale >/dev/null
	cat >>"$dir/$name/postgresql.conf" <<-CONF
	shared_preload_libraries = 'citus'
	listen_addresses = '127.0.0.1'
	port = $port
	unix_socket_directories = '$dir'
	max_connections = 200
	max_worker_processes = 16
	fsync = off
	max_parallel_workers_per_gather = 0
	citus.log_remote_commands = off
	wal_level = logical
	CONF
	citus_as_user $PGBIN/pg_ctl -D "$dir/$name" -l "$dir/$name.log" -w start >/dev/null
	psql -X -q -h "$dir" -p $port -U postgres -d postgres -c "CREATE DATABASE $db"
	psql -X -q -h "$dir" -p $port -U postgres -d $db -c "CREATE EXTENSION citus"
}

citus_stop() {	# citus_stop DIR
	local i
	for i in 0 1 2; do
		citus_as_user $PGBIN/pg_ctl -D "$1/n$i" -m immediate stop >/dev/null 2>&1 || true
	done
	for i in "$1"/p*/; do
		[ -d "$i" ] && citus_as_user $PGBIN/pg_ctl -D "$i" -m immediate stop >/dev/null 2>&1 || true
	done
}
