#!/usr/bin/env bash
# test/leak.sh DB: no function of a caller's own sees a row outside the
# caller's scope (issue 25, item 1).  Two roles -- one granted a single
# department, one with no grant but a routine schema-wide SELECT -- each
# create a leaky function (it writes every value it is given to a table of
# theirs, and is cheaper than anything, so the planner runs it first where
# it may) and apply it to every column of every relation they can select in
# schemas perfeval and perfeval_internal, and of every dated form
# (perfeval.*(date) returning a set) and every set-returning function of
# one text (perfeval.*(text): the re-scoring under a scheme, called with
# 'national'), as the catalog lists them: a new view or such a function is
# covered without editing this test.  A value the function
# saw that the same query does not return to the role is a leak.  Needs
# PGHOST/PGPORT/PGUSER; DB holds the samples (test/run.sh).
set -euo pipefail
db=$1
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -d "$db")

# the scoped role sees the department of seed003 (one of the four samples)
dept=$("${PSQL[@]}" -At -c "SELECT department FROM perfeval.project WHERE project_id = 'seed003'")
"${PSQL[@]}" >/dev/null -c "DO \$\$ BEGIN
	IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'perfeval_leak_scoped') THEN CREATE ROLE perfeval_leak_scoped LOGIN; END IF;
END \$\$" -c "SELECT perfeval.grant_access('perfeval_leak_scoped', department => '$dept')"
"${PSQL[@]}" >/dev/null <<'SQL'
DO $$ BEGIN
	IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'perfeval_leak_scoped') THEN CREATE ROLE perfeval_leak_scoped LOGIN; END IF;
	IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'perfeval_leak_none') THEN CREATE ROLE perfeval_leak_none LOGIN; END IF;
END $$;
-- the other has no grant, only what a DBA's routine schema-wide grant gives
GRANT USAGE ON SCHEMA perfeval, perfeval_internal TO perfeval_leak_none;
GRANT SELECT ON ALL TABLES IN SCHEMA perfeval, perfeval_internal TO perfeval_leak_none;
-- each has a schema of its own to create its function in
DROP SCHEMA IF EXISTS leak_scoped CASCADE;
DROP SCHEMA IF EXISTS leak_none CASCADE;
CREATE SCHEMA leak_scoped AUTHORIZATION perfeval_leak_scoped;
CREATE SCHEMA leak_none AUTHORIZATION perfeval_leak_none;
-- every value the warehouse's tables hold (as the owner reads them): a
-- value the function saw is a leak only if it is data, not a constant of
-- a view's text (the staging views' relation names, say, which PostgreSQL
-- may test once before reading any row)
DROP SCHEMA IF EXISTS leak_common CASCADE;
CREATE SCHEMA leak_common;
GRANT USAGE ON SCHEMA leak_common TO perfeval_leak_scoped, perfeval_leak_none;
CREATE TABLE leak_common.data (v text);
DO $$
DECLARE
	r record;
BEGIN
	FOR r IN SELECT c.oid::regclass AS rel, a.attname FROM pg_class c
			   JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
			  WHERE c.relkind IN ('r', 'p') AND c.relnamespace IN ('perfeval'::regnamespace, 'perfeval_internal'::regnamespace) LOOP
		EXECUTE format('INSERT INTO leak_common.data SELECT DISTINCT format(''%%s'', t.%I) FROM %s t', r.attname, r.rel);
	END LOOP;
END $$;
CREATE INDEX ON leak_common.data (v);
GRANT SELECT ON leak_common.data TO perfeval_leak_scoped, perfeval_leak_none;
SQL

# probes(): every column of every relation the role may select in the
# extension's schemas, and of every dated form (a set-returning function of
# one date, or of a date and a project, given NULL: every project) and
# set-returning function of one text (given 'national'), as
# the catalog lists them (rel, col)
PROBES_SQL=$(cat <<'SQL'
CREATE FUNCTION probes(OUT rel text, OUT col text, OUT def text) RETURNS SETOF record LANGUAGE sql STABLE AS $p$
	SELECT format('%I.%I', n.nspname, c.relname), format('%I', a.attname), pg_get_viewdef(c.oid)
	  FROM pg_class c
	  JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname IN ('perfeval', 'perfeval_internal')
	  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
	 WHERE c.relkind IN ('r', 'v', 'p') AND has_table_privilege(c.oid, 'SELECT')
	UNION ALL
	SELECT format('%s(%s)', p.oid::regproc, CASE p.proargtypes WHEN '1082'::oidvector THEN '''2100-12-31''::date' WHEN '1082 25'::oidvector THEN '''2100-12-31''::date, NULL::text' ELSE '''national''::text' END), format('%I', a.attname), p.prosrc
	  FROM pg_proc p
	  JOIN pg_attribute a ON a.attrelid = (SELECT t.typrelid FROM pg_type t WHERE t.oid = p.prorettype)
						 AND a.attnum > 0 AND NOT a.attisdropped
	 WHERE p.pronamespace = 'perfeval'::regnamespace AND p.proretset
	   AND p.proargtypes IN ('1082'::oidvector, '25'::oidvector, '1082 25'::oidvector) AND has_function_privilege(p.oid, 'EXECUTE')
	UNION ALL
	SELECT format('%s(%s)', p.oid::regproc, CASE p.proargtypes WHEN '1082'::oidvector THEN '''2100-12-31''::date' WHEN '1082 25'::oidvector THEN '''2100-12-31''::date, NULL::text' ELSE '''national''::text' END), format('%I', o.name), p.prosrc
	  FROM pg_proc p
	 CROSS JOIN LATERAL unnest(p.proargnames, p.proargmodes) AS o(name, mode)
	 WHERE p.pronamespace = 'perfeval'::regnamespace AND p.proretset AND p.prorettype = 'record'::regtype
	   AND p.proargtypes IN ('1082'::oidvector, '25'::oidvector, '1082 25'::oidvector) AND o.mode = 't' AND has_function_privilege(p.oid, 'EXECUTE')
	 ORDER BY 1, 2
$p$;
SQL
)

probe() {	# probe ROLE SCHEMA: print one line per leaking relation and column
	{
		echo "$PROBES_SQL"
		cat <<'SQL'
CREATE TABLE seen (v text);
CREATE FUNCTION leak(anyelement) RETURNS boolean LANGUAGE plpgsql COST 0.0000001 AS
$f$BEGIN INSERT INTO seen VALUES (format('%s', $1)); RETURN true; END$f$;
CREATE TABLE result (what text, leaked bigint, example text);
DO $d$
DECLARE
	r record;
	n bigint;
	leaked bigint;
	example text;
	probes int := 0;
BEGIN
	FOR r IN SELECT * FROM probes() LOOP
		TRUNCATE seen;
		EXECUTE format('SELECT count(*) FROM %s x WHERE leak(x.%s)', r.rel, r.col) INTO n;
		-- what the function saw that the role does not get back
		-- (data, not a literal of the relation's own text, which PostgreSQL
		-- may test once before reading a row: the staging views' names)
		EXECUTE format('SELECT count(*), min(s.v) FROM seen s
						 WHERE NOT EXISTS (SELECT FROM %s x WHERE format(''%%s'', x.%s) = s.v)
						   AND EXISTS (SELECT FROM leak_common.data d WHERE d.v = s.v)
						   AND position(quote_literal(s.v) IN coalesce($1, '''')) = 0', r.rel, r.col)
		   INTO leaked, example USING r.def;
		probes := probes + 1;
		IF leaked > 0 THEN
			INSERT INTO result VALUES (r.rel || '.' || r.col, leaked, example);
		END IF;
	END LOOP;
	INSERT INTO result VALUES ('probes', probes, NULL);
END $d$;
SELECT CASE WHEN what = 'probes' THEN 'probes ' || leaked
			ELSE 'LEAK ' || what || ': ' || leaked || ' value(s) seen outside the scope, e.g. "' || left(example, 60) || '"' END
  FROM result ORDER BY what = 'probes', what;
SQL
	} | psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" -c "SET ROLE $1" -c "SET search_path = $2, pg_catalog" -f -
}

# The same on a Citus cluster (LEAK_NOTICES=1), where a caller's function
# in a WHERE clause runs on the workers and cannot write a table of the
# coordinator: it raises a notice naming the probe with the md5 of each
# value it is given (Citus passes workers' notices on to the client), one
# session of probes per role.  The workers order a shard query's conditions
# themselves, so the function may see rows of the role's own projects that a
# later condition drops; a leak is a value it saw that only projects outside
# the role's scope hold: their ids, names, departments, units, indicator
# names, checklist points and reasons, deviation notes (the owner lists them,
# less whatever the role's own projects hold too).
probe_notices() {	# probe_notices ROLE SCHEMA
	local as=(psql -X -q -At -d "$db" -c "SET ROLE $1" -c "SET search_path = $2, pg_catalog")
	"${as[@]}" -v ON_ERROR_STOP=1 -c "$PROBES_SQL" -c "CREATE FUNCTION leak(anyelement, probe text) RETURNS boolean
		LANGUAGE plpgsql COST 0.0000001 AS
		\$f\$BEGIN RAISE NOTICE 'LEAK[%][%]', probe, md5(format('%s', \$1)); RETURN true; END\$f\$" >/dev/null
	local w
	w=$(mktemp -d)
	# what only other projects hold, as md5s
	psql -X -q -At -d "$db" -v ON_ERROR_STOP=1 >"$w/secret" <<SQL
WITH v(project_id, v) AS (
	SELECT p.project_id, unnest(ARRAY[p.project_id, p.name, p.department, p.implementing_unit]) FROM perfeval.project p
	UNION ALL SELECT i.project_id, i.name FROM perfeval.indicator i
	UNION ALL SELECT c.project_id, unnest(ARRAY[c.description, c.reason]) FROM perfeval.checklist_point c
	UNION ALL SELECT a.project_id, a.deviation_note FROM perfeval.actual a),
mine AS (SELECT v.v FROM v JOIN perfeval.project p ON p.project_id = v.project_id
		  WHERE p.department IN (SELECT g.department FROM perfeval.access_grant g WHERE g.role_name = '$1'))
SELECT DISTINCT md5(v.v) FROM v WHERE v.v IS NOT NULL AND v.v NOT IN (SELECT m.v FROM mine m WHERE m.v IS NOT NULL)
SQL
	"${as[@]}" -c "SELECT format('SELECT count(*) FROM %s x WHERE leak(x.%s, %L);', rel, col, rel || '.' || col) FROM probes()" >"$w/probes.sql"
	"${as[@]}" -c "SET client_min_messages = notice" -f "$w/probes.sql" >/dev/null 2>"$w/notices" || true
	sed -n 's/.*LEAK\[\(.*\)\]\[\([0-9a-f]*\)\].*/\2 \1/p' "$w/notices" | sort -u >"$w/seen"
	# the probes that saw a secret
	awk 'NR == FNR {secret[$1] = 1; next} ($1 in secret) {n[$2]++} END {for (p in n) print "LEAK " p ": " n[p] " value(s) of projects outside the scope"}' \
		"$w/secret" "$w/seen" | sort
	echo "probes $(grep -c . "$w/probes.sql") (secrets $(grep -c . "$w/secret"), refused $(grep -c '^ERROR' "$w/notices" || true))"
	rm -rf "$w"
}

fail=0
for who in scoped none; do
	out=$(if [ "${LEAK_NOTICES:-0}" = 1 ]; then probe_notices perfeval_leak_$who leak_$who; else probe perfeval_leak_$who leak_$who; fi)
	probes=$(sed -n 's/^probes \([0-9]*\).*/\1/p' <<<"$out")
	leaks=$(grep '^LEAK' <<<"$out" || true)
	if [ -n "$leaks" ]; then
		echo "leak ($who): $(grep -c . <<<"$leaks") of $probes columns leak:"
		sed 's/^/  /' <<<"$leaks"
		fail=1
	elif [ "${probes:-0}" -lt 100 ]; then
		echo "leak ($who): only ${probes:-0} columns probed; the catalog query found too little"
		fail=1
	else
		echo "leak ($who): $probes columns of every relation and dated form probed with a leaky function: nothing outside the scope seen"
	fi
done
# the probe must be able to see a leak: the same function on a relation
# without a barrier (a plain view over perfeval.project, owned by the test
# user, whose filter the leaky function is planned before)
"${PSQL[@]}" >/dev/null <<'SQL'
DROP VIEW IF EXISTS leak_scoped.control;
CREATE VIEW leak_scoped.control AS SELECT p.name FROM perfeval.project p WHERE p.project_id = 'seed003' OR random() < 0;
GRANT SELECT ON leak_scoped.control TO perfeval_leak_scoped;
SQL
as_scoped=(psql -X -q -At -d "$db" -c "SET ROLE perfeval_leak_scoped" -c "SET search_path = leak_scoped, pg_catalog")
if [ "${LEAK_NOTICES:-0}" = 1 ]; then
	# (on a Citus cluster even a view without a barrier is read on the
	# workers in an order that showed no leak; the control shows instead
	# that the function's notices reach this test from the workers: one per
	# row of the shipped division list, a reference table)
	ctl=$("${as_scoped[@]}" -c "SET client_min_messages = notice" -c "SELECT count(*) FROM perfeval.division d WHERE leak(d.name, 'control')" 2>&1 >/dev/null |
		grep -c 'LEAK\[' || true)
	[ "$ctl" -ge 1000 ] || ctl=0
else
	ctl=$("${as_scoped[@]}" -c "TRUNCATE seen" -c "SELECT count(*) FROM control WHERE leak(name)" -c "SELECT count(*) FROM seen" | tail -1)
fi
if [ "$ctl" -le 1 ]; then
	echo "leak: the control showed no leak ($ctl values seen): the probe cannot see one"
	fail=1
fi
"${PSQL[@]}" >/dev/null -c "DROP SCHEMA leak_scoped CASCADE" -c "DROP SCHEMA leak_none CASCADE" -c "DROP SCHEMA leak_common CASCADE" \
	-c "REVOKE SELECT ON ALL TABLES IN SCHEMA perfeval, perfeval_internal FROM perfeval_leak_none" \
	-c "REVOKE USAGE ON SCHEMA perfeval, perfeval_internal FROM perfeval_leak_none" \
	-c "SELECT perfeval.revoke_access('perfeval_leak_scoped', department => '$dept')"
exit $fail
