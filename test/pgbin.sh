# test/pgbin.sh, sourced by the test and bench scripts: which PostgreSQL to
# build and test against, one rule for all of them (and the Makefile's):
#
#   PGBIN if set (a relocated copy, say), its pg_config; else PG_CONFIG if
#   set; else the newest /usr/lib/postgresql/*/bin/pg_config; else pg_config
#   on PATH.  PGBIN is then pg_config --bindir, PGMAJOR its major version.
#   None installed yet: PGMAJOR is the version Debian's `postgresql` package
#   depends on (15 on bookworm, 17 on trixie) and PGBIN where its package
#   puts it, for test/run.sh to install postgresql-$PGMAJOR.
#
# Exports PG_CONFIG, PGBIN and PGMAJOR; returns 1 (saying why) when it cannot
# tell.
pe_find_pg() {
	if [ -n "${PGBIN:-}" ]; then
		PG_CONFIG=$PGBIN/pg_config
	elif [ -z "${PG_CONFIG:-}" ]; then
		PG_CONFIG=$(ls -d /usr/lib/postgresql/*/bin/pg_config 2>/dev/null | sort -V | tail -n 1 || true)
		[ -n "$PG_CONFIG" ] || PG_CONFIG=$(command -v pg_config || true)
	fi
	if [ -n "$PG_CONFIG" ] && [ -x "$PG_CONFIG" ]; then
		PGBIN=${PGBIN:-$("$PG_CONFIG" --bindir)}
		PGMAJOR=$("$PG_CONFIG" --version | sed -E 's/^PostgreSQL ([0-9]+).*/\1/')
	else
		pe_debian_major() { apt-cache depends postgresql 2>/dev/null | sed -nE 's/^ *Depends: postgresql-([0-9]+)$/\1/p' | head -n 1 || true; }
		PGMAJOR=$(pe_debian_major)
		if [ -z "$PGMAJOR" ] && command -v apt-get >/dev/null; then
			# a fresh machine's package lists may be empty
			if [ "$(id -u)" = 0 ]; then apt-get update -qq >/dev/null 2>&1 || true
			else sudo -n apt-get update -qq >/dev/null 2>&1 || true; fi
			PGMAJOR=$(pe_debian_major)
		fi
		if [ -z "$PGMAJOR" ]; then
			echo "perfeval: no PostgreSQL found (no PG_CONFIG, no /usr/lib/postgresql/*/bin/pg_config, no pg_config on PATH) and apt cannot say which to install" >&2
			return 1
		fi
		PGBIN=${PGBIN:-/usr/lib/postgresql/$PGMAJOR/bin}
		PG_CONFIG=$PGBIN/pg_config
	fi
	export PG_CONFIG PGBIN PGMAJOR
}
