#!/usr/bin/env bash
# test/pg17.sh: perfeval on PostgreSQL 17, from the same source, in a Debian
# trixie root (Debian's PostgreSQL 17; bookworm has only 15).  A suite of
# `make test`:
#
#  1. The root: /var/tmp/perfeval-trixie (PERFEVAL_TRIXIE_ROOT), made once by
#     debootstrap --variant=minbase from the Debian mirror apt uses here, with
#     postgresql-17, its server headers, pgTAP and a compiler; later runs reuse
#     it.  Every network step has a time limit.
#  2. A copy of this tree in it, and there test/run.sh (which finds 17 by
#     itself) builds with -Werror and installs perfeval, starts a throwaway
#     cluster as a non-root user on port PERFEVAL_PG17_PORT (PGPORT + 17) and
#     runs pg_regress (make installcheck), pgTAP and test/upgrade.sh
#     $PG17_UPGRADE_FROM (1.14).
#
# Cannot run here (not root, no debootstrap, no network): one line saying why,
# and exit 77, which test/run.sh counts as skipped.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=${PERFEVAL_TRIXIE_ROOT:-/var/tmp/perfeval-trixie}
PORT=${PERFEVAL_PG17_PORT:-$((${PGPORT:-${PERFEVAL_PORT:-54329}} + 17))}
FROM=${PG17_UPGRADE_FROM:-1.14}
PKGS=(postgresql-17 postgresql-server-dev-17 postgresql-17-pgtap make gcc libc6-dev perl
	libtap-parser-sourcehandler-pgtap-perl gettext locales)
skip() { echo "skipped: PostgreSQL 17 not tried: $*"; exit 77; }

[ "${PERFEVAL_PG17:-1}" != 0 ] || skip "PERFEVAL_PG17=0"
[ "${PGMAJOR:-}" != 17 ] || skip "the whole suite runs on PostgreSQL 17 already"
if [ "$(id -u)" != 0 ]; then
	sudo -n true 2>/dev/null || skip "a chroot needs root, and sudo asks for a password"
	exec sudo -n env PERFEVAL_TRIXIE_ROOT="$ROOT" PERFEVAL_PG17_PORT="$PORT" PG17_UPGRADE_FROM="$FROM" \
		bash "$0" "$@"
fi
command -v chroot >/dev/null || skip "no chroot command"

# one run at a time on the shared root
mkdir -p "$(dirname "$ROOT")"
exec 9>"$ROOT.lock"
flock -w 600 9 || skip "$ROOT is busy with another run for 10 minutes"

LOG=$(mktemp /tmp/perfeval-pg17.XXXXXX.log)
WORK=
KEEPLOG=
cleanup() {
	local pid
	# the throwaway cluster of a run.sh that was killed: its postmaster, by pid
	for pid in "$ROOT"/tmp/perfeval-test.*/data/postmaster.pid; do
		[ -f "$pid" ] && kill -QUIT "$(head -n 1 "$pid")" 2>/dev/null
	done
	[ -n "${KEEPLOG:-}" ] || rm -f "$LOG" "$LOG.release"
	[ -n "$WORK" ] && rm -rf "$ROOT/$WORK"
	mountpoint -q "$ROOT/proc" && umount -l "$ROOT/proc"
	mountpoint -q "$ROOT/dev/shm" && umount -l "$ROOT/dev/shm"
}
trap cleanup EXIT
in_root() { chroot "$ROOT" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
	DEBIAN_FRONTEND=noninteractive "$@"; }
mounts() {
	mountpoint -q "$ROOT/proc" || mount -t proc proc "$ROOT/proc" || return 1
	mkdir -p "$ROOT/dev/shm"
	mountpoint -q "$ROOT/dev/shm" || mount -t tmpfs -o mode=1777 shm "$ROOT/dev/shm" || return 1
}

# 1. The trixie root, once.
if [ ! -f "$ROOT/.perfeval-ready" ] || [ "$(cat "$ROOT/.perfeval-ready")" != "${PKGS[*]}" ]; then
	start=$SECONDS
	# the mirror apt uses here (deb822 URIs: or a one-line deb entry)
	MIRROR=${DEBIAN_MIRROR:-$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list \
		/etc/apt/sources.list.d/*.sources 2>/dev/null |
		grep -oE 'https?://[^[:space:]]+/debian/?([[:space:]]|$)' | head -n 1 | tr -d '[:space:]')}
	MIRROR=${MIRROR:-http://deb.debian.org/debian}
	if ! command -v debootstrap >/dev/null; then
		timeout 300 apt-get install -y -qq --no-install-recommends debootstrap >>"$LOG" 2>&1 ||
			{ KEEPLOG=1; skip "no debootstrap, and apt-get could not install it (offline?; $LOG)"; }
	fi
	# a quick look first: offline, say so in seconds rather than hang
	timeout 30 /usr/lib/apt/apt-helper download-file "$MIRROR/dists/trixie/Release" "$LOG.release" >>"$LOG" 2>&1 ||
		skip "$MIRROR/dists/trixie/Release unreachable in 30 s (offline?)"
	rm -f "$LOG.release"
	if [ ! -x "$ROOT/usr/bin/apt-get" ]; then
		echo "== creating the trixie root $ROOT from $MIRROR (once; about 2 minutes)"
		rm -rf "$ROOT.new"
		timeout 600 debootstrap --variant=minbase trixie "$ROOT.new" "$MIRROR" >>"$LOG" 2>&1 ||
			{ rm -rf "$ROOT.new"; KEEPLOG=1; skip "debootstrap trixie failed or took over 10 minutes ($LOG)"; }
		rm -rf "$ROOT" && mv "$ROOT.new" "$ROOT"
	fi
	cp /etc/resolv.conf "$ROOT/etc/resolv.conf" 2>/dev/null || true
	# no service starts in the root, and no cluster of the package's own
	printf '#!/bin/sh\nexit 101\n' >"$ROOT/usr/sbin/policy-rc.d" && chmod 755 "$ROOT/usr/sbin/policy-rc.d"
	mkdir -p "$ROOT/etc/postgresql-common/createcluster.d"
	echo "create_main_cluster = false" >"$ROOT/etc/postgresql-common/createcluster.d/perfeval.conf"
	mounts || skip "could not mount /proc in $ROOT"
	timeout 600 chroot "$ROOT" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive \
		sh -c "apt-get update -qq && apt-get install -y -qq --no-install-recommends ${PKGS[*]}" >>"$LOG" 2>&1 ||
		{ KEEPLOG=1; skip "apt-get install ${PKGS[0]} in $ROOT failed or took over 10 minutes ($LOG)"; }
	in_root apt-get clean >/dev/null 2>&1
	echo "${PKGS[*]}" >"$ROOT/.perfeval-ready"
	echo "== trixie root ready in $((SECONDS - start)) s"
fi
mounts || skip "could not mount /proc in $ROOT"

# 2. This tree, copied in (what git tracks and would track; all of it without git).
WORK=$(cd "$ROOT" && mktemp -d perfeval.XXXXXX)
chmod 755 "$ROOT/$WORK"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	git ls-files -z --cached --others --exclude-standard | tar -cf - --null -T - 2>/dev/null
else
	tar -cf - --exclude=.git .
fi | tar -xf - -C "$ROOT/$WORK" || { echo "could not copy the tree into $ROOT"; exit 1; }

# 3. Build, pg_regress, pgTAP and an upgrade, on 17.
echo "== $(in_root /usr/lib/postgresql/17/bin/postgres --version | sed -E 's/.*\(PostgreSQL\) ([0-9.]+).*/PostgreSQL \1/') in $ROOT, port $PORT"
timeout 900 chroot "$ROOT" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
	PERFEVAL_PORT="$PORT" FROM="$FROM" bash -c 'cd /'"$WORK"' && bash test/run.sh run bash -c '\''
	rc=0
	echo "== pg_regress"
	make -s PG_CONFIG=$PG_CONFIG installcheck || { [ -f regression.diffs ] && head -c 20000 regression.diffs; rc=1; }
	echo "== pgTAP"
	{ psql -X -q -v ON_ERROR_STOP=1 -d dev -c "CREATE EXTENSION pgtap" && pg_prove -d dev test/pgtap/*.sql; } || rc=1
	echo "== ALTER EXTENSION UPDATE from $FROM equals a fresh install"
	bash test/upgrade.sh "$FROM" || rc=1
	exit $rc
	'\'
