#!/usr/bin/env bash
# test/package.sh: build the Debian package postgresql-NN-perfeval with
# Debian's tooling for extensions (debian/, pg_buildext; dpkg-buildpackage -b)
# from a copy of this tree, lint it (lintian: any error or warning fails),
# check what each package holds, then install it on a clean cluster and create
# the extension from it.
#
# Where it installs: into a private copy of the system's PostgreSQL NN tree
# (/usr/lib/postgresql/NN and /usr/share/postgresql/NN, relocatable), from
# which every earlier perfeval file is removed, unpacked by dpkg-deb -x exactly
# as dpkg unpacks it; a throwaway cluster of that tree creates the extension.
# Not `dpkg -i` into the system, on purpose:
#   * test/run.sh has `make install`ed the working tree into the same system
#     PostgreSQL; dpkg -i would overwrite those files and dpkg -r delete them,
#     breaking the suites after this one (and anyone else's install on a
#     shared machine);
#   * in a tree holding nothing of perfeval but the package, a file the
#     package lacks makes CREATE EXTENSION or an update fail here, where a
#     system with a `make install` behind it would hide it;
#   * the package has no maintainer scripts (checked below), so unpacking is
#     all dpkg -i would do; its dependency is checked from its Depends field.
# It needs no root beyond what test/run.sh already has (a non-root user runs
# the cluster).  Exit 77 (skipped) with one line when the tooling is missing.
#
#   bash test/package.sh        (test/run.sh test runs it; PERFEVAL_PORT)
set -euo pipefail
cd "$(dirname "$0")/.."
TOP=$PWD

skip() { echo "skipped: $*"; exit 77; }
for t in dpkg-buildpackage dpkg-deb dpkg-parsechangelog pg_buildext dh; do
	command -v "$t" >/dev/null || skip "$t not found (needs dpkg-dev, debhelper, postgresql-server-dev-all)"
done
dpkg-checkbuilddeps >/dev/null 2>&1 || skip "build dependencies missing: $(dpkg-checkbuilddeps 2>&1 | sed 's/.*: //' | head -1)"

fail=0
bad() { echo "FAIL: $*"; fail=1; }

W=$(mktemp -d /tmp/perfeval-pkg.XXXXXX)
chmod 755 "$W"
RUNUSER=$(id -un)
if [ "$(id -u)" = 0 ]; then
	RUNUSER=perfeval_test
	id "$RUNUSER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$RUNUSER"
fi
as_user() { if [ "$(id -u)" = 0 ]; then runuser -u "$RUNUSER" -- "$@"; else "$@"; fi; }
CLUSTERS=()
cleanup() {
	for c in "${CLUSTERS[@]}"; do
		as_user "${c%%|*}/pg_ctl" -D "${c#*|}" -m immediate stop >/dev/null 2>&1 || true
	done
	rm -rf "$W"
}
trap cleanup EXIT

# 1. The source: the tree's files (tracked and new, not ignored), without
#    anything built here, in perfeval-VERSION/ as Debian's tools expect.
VERSION=$(dpkg-parsechangelog -l debian/changelog -SVersion)
SRC=$W/perfeval-$VERSION
mkdir "$SRC"
if git rev-parse --git-dir >/dev/null 2>&1; then
	git ls-files -z -c -o --exclude-standard | while IFS= read -r -d '' f; do
		[ -e "$f" ] && printf '%s\0' "$f"
	done | tar -c --null -T - | tar -x -C "$SRC"
else
	tar -c --exclude=./.git . | tar -x -C "$SRC"
fi

# 2. Build: one postgresql-NN-perfeval per version postgresql-common supports
#    here (debian/pgversions); debian/control regenerated for them first.
echo "building the package (dpkg-buildpackage -us -uc -b) in $SRC"
start=$(date +%s)
if ! (cd "$SRC" && pg_buildext updatecontrol && dpkg-buildpackage -us -uc -b) >"$W/build.log" 2>&1; then
	tail -n 40 "$W/build.log"
	echo "FAIL: dpkg-buildpackage failed (last 40 lines above)"
	exit 1
fi
echo "built in $(($(date +%s) - start)) s: $(cd "$W" && ls ./*.deb | sed 's|^\./||' | tr '\n' ' ')"
ARCH=$(dpkg --print-architecture)
CUR=$(sed -n "s/^default_version *= *'\(.*\)'/\1/p" perfeval.control)
VERSIONS=$(cd "$SRC" && pg_buildext supported-versions)
[ -n "$VERSIONS" ] || { echo "FAIL: pg_buildext supported-versions is empty"; exit 1; }

# 3. lintian on what was built (the .changes: every .deb and the .buildinfo),
#    installed like test/run.sh's packages when missing; any E: or W: tag
#    fails the suite, pedantic and info tags are shown only.  Run as the
#    cluster's user (lintian warns against root).  Without lintian (no root,
#    no sudo, no registry): one line, and the rest of the suite runs.
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi; }
command -v lintian >/dev/null || {
	as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
		as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends lintian
} >/dev/null 2>&1 || true
if ! command -v lintian >/dev/null; then
	echo "lintian: not found, and apt-get could not install it; the package is not linted"
else
	chown -R "$RUNUSER" "$W" 2>/dev/null || true
	if as_user env HOME="$W" lintian --pedantic --display-info --show-overrides --fail-on none --tag-display-limit 0 "$W"/*.changes \
		>"$W/lintian" 2>"$W/lintian.err"; then
		sed 's/^/  /' "$W/lintian"
		n() { grep -c "^$1: " "$W/lintian" || true; }
		echo "lintian $(lintian --version | sed 's/^Lintian v//'): $(n E) errors, $(n W) warnings," \
			"$(n I) info, $(n P) pedantic tags ($(n O) overridden)"
		[ "$(n E)" = 0 ] && [ "$(n W)" = 0 ] || bad "lintian reports errors or warnings (above)"
	else
		sed 's/^/  /' "$W/lintian.err" | tail -n 20
		bad "lintian failed to run on $(cd "$W" && ls ./*.changes | sed 's|^\./||')"
	fi
fi

for v in $VERSIONS; do
	PKG=postgresql-$v-perfeval
	DEB=$W/${PKG}_${VERSION}_$ARCH.deb
	echo "== $PKG"
	[ -f "$DEB" ] || { bad "$DEB was not built"; continue; }

	# 4. What it holds: the library, the control file, the current install
	#    script, every script of the tree's sql/ (released install scripts
	#    and every upgrade script), nothing else of perfeval's extension dir.
	dpkg-deb -c "$DEB" | awk '{print $NF}' | sed 's|^\./|/|' | sort >"$W/files"
	grep -qx "/usr/lib/postgresql/$v/lib/perfeval.so" "$W/files" || bad "no /usr/lib/postgresql/$v/lib/perfeval.so"
	ext=/usr/share/postgresql/$v/extension
	{
		echo "$ext/perfeval.control"
		echo "$ext/perfeval--$CUR.sql"
		for f in sql/perfeval--*.sql; do echo "$ext/${f#sql/}"; done
	} | sort -u >"$W/want"
	grep "^$ext/perfeval" "$W/files" | sort >"$W/have"
	if ! diff -u "$W/want" "$W/have" >"$W/diff"; then
		bad "the extension files differ from the tree's (- missing, + extra):"
		grep '^[-+]/' "$W/diff" | sed 's/^/  /'
	fi
	echo "holds perfeval.so, perfeval.control and $(wc -l <"$W/have") files in $ext" \
		"($(grep -c -- '--.*--' "$W/have" || true) upgrade scripts, the current perfeval--$CUR.sql)"
	dpkg-deb -f "$DEB" Depends | grep -q "postgresql-$v" || bad "Depends does not name postgresql-$v: $(dpkg-deb -f "$DEB" Depends)"
	mkdir "$W/ctl-$v"
	dpkg-deb -e "$DEB" "$W/ctl-$v"
	for s in preinst postinst prerm postrm; do
		[ ! -e "$W/ctl-$v/$s" ] || bad "the package has a $s script (this test only unpacks)"
	done

	# 5. A clean PostgreSQL $v tree: the system's, copied, without any
	#    perfeval file; then the package unpacked into it as dpkg would.
	R=$W/root-$v
	mkdir -p "$R/usr/lib/postgresql" "$R/usr/share/postgresql"
	[ -x /usr/lib/postgresql/$v/bin/postgres ] || { bad "PostgreSQL $v's server is not installed"; continue; }
	cp -a "/usr/lib/postgresql/$v" "$R/usr/lib/postgresql/"
	cp -a "/usr/share/postgresql/$v" "$R/usr/share/postgresql/"
	rm -rf "$R/usr/lib/postgresql/$v/lib/perfeval.so" "$R/usr/lib/postgresql/$v/lib/bitcode/perfeval" \
		"$R/usr/lib/postgresql/$v/lib/bitcode/perfeval.index.bc" "$R/usr/share/postgresql/$v/extension/perfeval"[.-]*
	dpkg-deb -x "$DEB" "$R"
	B=$R/usr/lib/postgresql/$v/bin
	[ "$("$B/pg_config" --pkglibdir)" = "$R/usr/lib/postgresql/$v/lib" ] || bad "the copied tree is not relocatable: $("$B/pg_config" --pkglibdir)"

	# 6. A throwaway cluster of that tree (socket only, in $W).
	D=$W/data-$v
	chown -R "$RUNUSER" "$W" 2>/dev/null || true
	as_user "$B/initdb" -D "$D" -U postgres -A trust -E UTF8 --no-locale >/dev/null
	CLUSTERS+=("$B|$D")
	as_user "$B/pg_ctl" -D "$D" -l "$W/log-$v" -w -o "-p ${PERFEVAL_PORT:-54329} -k $W -c listen_addresses=" start >/dev/null
	q() { "$B/psql" -X -q -At -v ON_ERROR_STOP=1 -h "$W" -p "${PERFEVAL_PORT:-54329}" -U postgres "$@"; }
	q -d postgres -c 'CREATE DATABASE fresh' -c 'CREATE DATABASE chain'

	# the current version, fresh
	if q -d fresh -c 'CREATE EXTENSION perfeval' >"$W/out" 2>&1; then
		got=$(q -d fresh -c "SELECT extversion FROM pg_extension WHERE extname = 'perfeval'")
		[ "$got" = "$CUR" ] || bad "CREATE EXTENSION gave version $got, not $CUR"
		n=$(q -d fresh -c 'SELECT count(*) FROM perfeval.division')
		rows=$(($(wc -l <data/division.csv) - 1))
		[ "$n" = "$rows" ] || bad "perfeval.division has $n rows, data/division.csv $rows"
		lib=$(q -d fresh -c "SELECT DISTINCT probin FROM pg_proc WHERE probin LIKE '%perfeval%'")
		[ "$lib" = '$libdir/perfeval' ] || bad "functions load $lib"
		# the library works: a target read and an indicator scored
		s=$(q -d fresh -c "SELECT perfeval.indicator_score(10, '≥95%'::perfeval.target, '96%'::perfeval.measure)" 2>&1) ||
			bad "indicator_score from the package's library: $s"
		echo "CREATE EXTENSION perfeval: version $got, $n divisions, indicator_score(10, ≥95%, 96%) = $s"
	else
		bad "CREATE EXTENSION perfeval from the package: $(cat "$W/out")"
	fi
	# every shipped upgrade script, in PostgreSQL's own update path from 1.0
	if q -d chain -c "CREATE EXTENSION perfeval VERSION '1.0'" -c 'ALTER EXTENSION perfeval UPDATE' >"$W/out" 2>&1; then
		got=$(q -d chain -c "SELECT extversion FROM pg_extension WHERE extname = 'perfeval'")
		[ "$got" = "$CUR" ] || bad "1.0 updated to $got, not $CUR"
		echo "CREATE EXTENSION perfeval VERSION '1.0' + ALTER EXTENSION perfeval UPDATE: $got"
	else
		bad "the update chain from 1.0: $(tail -n 5 "$W/out")"
	fi
	as_user "$B/pg_ctl" -D "$D" -m fast stop >/dev/null
done

[ "$fail" = 0 ] && echo "package: ok" || echo "package: FAILED"
exit "$fail"
