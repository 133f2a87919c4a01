#!/usr/bin/env bash
# test/run.sh MODE: install what is missing, build and install perfeval, start
# a throwaway cluster (temporary directory, private socket and a private
# port on 127.0.0.1 only, non-root owner), run MODE against it, and stop it
# again whatever happens.
#
#   test   C unit tests + fuzz smoke, pg_regress, pgTAP (what `make test` runs)
#   demo   load the four sample reports and print their evaluation
#   bench  run bench/run.sh against the cluster
#   shell  start a cluster with the samples and run psql ARGS on it (developers)
#   run    the same, then run the command ARGS (database dev, PG* set)
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=${1:-test}
shift || true
# which PostgreSQL (PGBIN, PG_CONFIG, PGMAJOR): test/pgbin.sh's one rule
source test/pgbin.sh
pe_find_pg
# a development build: the C compiles with -Werror (users' builds do not)
export PERFEVAL_DEV=${PERFEVAL_DEV:-1}
PACKAGES=(postgresql-$PGMAJOR postgresql-server-dev-$PGMAJOR postgresql-$PGMAJOR-pgtap make gcc libc6-dev)
# the JDBC suite's client: a JDK (to run its one-file program) and pgjdbc
[ "$MODE" != test ] || PACKAGES+=(default-jdk-headless libpostgresql-jdbc-java)
# the report suite's browser and the fonts for its Chinese text
[ "$MODE" != test ] || PACKAGES+=(chromium fonts-noto-cjk python3 poppler-utils)
# NLS: msgfmt builds po/*.mo (make), localedef makes zh_CN.UTF-8 (test/nls.sh)
PACKAGES+=(gettext locales)
# the package suite's Debian tooling for extensions (pg_buildext, dh)
[ "$MODE" != test ] || PACKAGES+=(dpkg-dev debhelper postgresql-server-dev-all)

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi; }

# 1. Debian packages, installed only when missing.
missing=()
for p in "${PACKAGES[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	echo "== installing ${missing[*]}"
	as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# NLS: the zh_CN.UTF-8 locale test/nls.sh sets lc_messages to, made before the
# server starts (a running server does not see a locale added later)
locale -a 2>/dev/null | grep -qix 'zh_CN\.utf-\?8' || as_root localedef -i zh_CN -f UTF-8 zh_CN.UTF-8 >/dev/null 2>&1 || true
command -v pg_prove >/dev/null || {
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libtap-parser-sourcehandler-pgtap-perl >/dev/null
}

# 2. Build and install the extension.
echo "== building perfeval"
make -s PG_CONFIG=$PG_CONFIG
as_root make -s PG_CONFIG=$PG_CONFIG install >/dev/null

# 3. A throwaway cluster owned by a non-root user.
RUNUSER=$(id -un)
if [ "$(id -u)" = 0 ]; then
	RUNUSER=perfeval_test
	id "$RUNUSER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$RUNUSER"
fi
as_user() { if [ "$(id -u)" = 0 ]; then runuser -u "$RUNUSER" -- "$@"; else "$@"; fi; }

TMPD=$(mktemp -d /tmp/perfeval-test.XXXXXX)
chmod 755 "$TMPD"
[ "$(id -u)" = 0 ] && chown "$RUNUSER" "$TMPD"
export PGHOST=$TMPD PGPORT=${PERFEVAL_PORT:-54329} PGUSER=postgres
stop_cluster() {
	as_user $PGBIN/pg_ctl -D "$TMPD/data" -m immediate stop >/dev/null 2>&1 || true
	rm -rf "$TMPD"
}
trap stop_cluster EXIT
as_user $PGBIN/initdb -D "$TMPD/data" -U postgres -A trust -E UTF8 --no-locale >/dev/null
as_user $PGBIN/pg_ctl -D "$TMPD/data" -l "$TMPD/log" -w \
	-o "-p $PGPORT -k $TMPD -c listen_addresses=127.0.0.1 -c max_parallel_workers_per_gather=2" start >/dev/null
echo "== throwaway cluster on socket $TMPD and 127.0.0.1, port $PGPORT"

load_samples() {
	createdb "$1"
	psql -X -q -v ON_ERROR_STOP=1 -d "$1" -c 'CREATE EXTENSION perfeval'
	for f in test/data/seed_*.sql; do
		if [ -e "$f" ]; then psql -X -q -v ON_ERROR_STOP=1 -d "$1" -f "$f"; fi
	done
}

case "$MODE" in
test)
	passed=0
	failed=0
	skipped=0
	failed_names=()
	# suite NAME COMMAND...: run one suite, count it; a suite that cannot run
	# here prints one line saying why and exits 77 (automake's "skipped")
	suite() {
		local name=$1
		echo "== $1"
		shift
		local t0=$SECONDS rc=0
		"$@" || rc=$?
		if [ $rc = 0 ]; then
			passed=$((passed + 1))
			echo "== passed in $((SECONDS - t0)) s"
		elif [ $rc = 77 ]; then
			skipped=$((skipped + 1))
			echo "== SKIPPED ($((SECONDS - t0)) s)"
		else
			failed=$((failed + 1))
			failed_names+=("$name")
			echo "== FAILED ($((SECONDS - t0)) s)"
		fi
	}
	regress() {
		make -s PG_CONFIG=$PG_CONFIG installcheck && return 0
		[ -f regression.diffs ] && head -c 20000 regression.diffs
		return 1
	}
	pgtap() {
		load_samples pgtap
		psql -X -q -v ON_ERROR_STOP=1 -d pgtap -c 'CREATE EXTENSION pgtap'
		pg_prove -d pgtap test/pgtap/*.sql
	}
	dump_restore() {
		load_samples dumpsrc
		bash test/dump_restore.sh dumpsrc
	}
	suite "C unit tests and fuzz smoke (core without the server)" make -s unittest
	suite "pg_regress" regress
	suite "pgTAP" pgtap
	leak() {
		load_samples leak
		bash test/leak.sh leak
	}
	suite "no function of a caller's own sees a row outside its scope, in any view or dated form" leak
	suite "pg_dump and restore keep every row" dump_restore
	progress() {
		load_samples progress
		bash test/import_progress.sh progress
	}
	suite "an import's progress seen from another session in pg_stat_activity, every 1,000 forms" progress
	jdbc() {
		load_samples jdbc
		bash test/jdbc.sh jdbc
	}
	suite "a BI tool's JDBC connection sees its role's projects and reads the whole catalog" jdbc
	report() {
		load_samples report
		bash test/report.sh report
	}
	suite "report_html of each sample rendered by headless Chromium" report
	nls() {
		load_samples nls
		bash test/nls.sh nls
	}
	suite "every message translated (po/zh_CN.po), errors in Chinese under lc_messages = 'zh_CN.UTF-8'" nls
	suite "no input crashes the server: 5000 mutated binary payloads (COPY FORMAT binary) and text literals per type" \
		bash test/fuzz_types.sh
	suite "a stored invisible character stops ALTER EXTENSION UPDATE from 1.14, naming it" bash test/upgrade_invisible.sh
	suite "ALTER EXTENSION UPDATE from 1.0 equals a fresh install" bash test/upgrade.sh 1.0
	suite "ALTER EXTENSION UPDATE from 1.1 equals a fresh install" bash test/upgrade.sh 1.1
	suite "ALTER EXTENSION UPDATE from 1.2 equals a fresh install" bash test/upgrade.sh 1.2
	suite "ALTER EXTENSION UPDATE from 1.3 equals a fresh install" bash test/upgrade.sh 1.3
	suite "ALTER EXTENSION UPDATE from 1.4 equals a fresh install" bash test/upgrade.sh 1.4
	suite "ALTER EXTENSION UPDATE from 1.5 equals a fresh install" bash test/upgrade.sh 1.5
	suite "ALTER EXTENSION UPDATE from 1.6 equals a fresh install" bash test/upgrade.sh 1.6
	suite "ALTER EXTENSION UPDATE from 1.7 equals a fresh install" bash test/upgrade.sh 1.7
	suite "ALTER EXTENSION UPDATE from 1.8 equals a fresh install" bash test/upgrade.sh 1.8
	suite "ALTER EXTENSION UPDATE from 1.9 equals a fresh install" bash test/upgrade.sh 1.9
	suite "ALTER EXTENSION UPDATE from 1.10 equals a fresh install" bash test/upgrade.sh 1.10
	suite "ALTER EXTENSION UPDATE from 1.11 equals a fresh install" bash test/upgrade.sh 1.11
	suite "ALTER EXTENSION UPDATE from 1.12 equals a fresh install" bash test/upgrade.sh 1.12
	suite "ALTER EXTENSION UPDATE from 1.13 equals a fresh install" bash test/upgrade.sh 1.13
	suite "ALTER EXTENSION UPDATE from 1.14 equals a fresh install" bash test/upgrade.sh 1.14
	suite "ALTER EXTENSION UPDATE from 1.15 equals a fresh install" bash test/upgrade.sh 1.15
	suite "the same warehouse on a 3-node Citus cluster: distribute(), loads, every view equal to one node's" \
		bash test/citus.sh
	suite "concurrent writers and readers: races, a ${SOAK_SECONDS:-30} s pgbench soak on loopback, imports at once" \
		bash test/concurrency.sh
	suite "PostgreSQL 17 in a Debian trixie root: build with -Werror, pg_regress, pgTAP, ALTER EXTENSION UPDATE from 1.14" \
		bash test/pg17.sh
	encoding() {
		load_samples encoding
		bash test/encoding.sh encoding
	}
	suite "Chinese encodings: GBK clients load and read everything; an EUC_CN database is refused by name (22P05) and left clean" encoding
	suite "the Debian package postgresql-NN-perfeval: built with pg_buildext, lintian-clean, holds every script, creates the extension on a clean cluster" \
		bash test/package.sh
	echo
	echo "suites: $passed passed, $failed failed, $skipped skipped"
	# the tail of a CI log is often all that is kept: name what failed there
	for n in ${failed_names[@]+"${failed_names[@]}"}; do echo "FAILED: $n"; done
	[ "$failed" = 0 ]
	;;
demo)
	load_samples demo
	psql -X -d demo -f test/demo.sql
	;;
bench)
	bash bench/run.sh "$@"
	;;
shell)
	load_samples dev
	psql -X -d dev "$@"
	;;
run)
	load_samples dev
	"$@"
	;;
*)
	echo "usage: test/run.sh test|demo|bench|shell|run" >&2
	exit 2
	;;
esac
