#!/usr/bin/env bash
# test/upgrade.sh: the upgrade path keeps users' data and ends where a fresh
# install starts.  One database gets perfeval $1 (a released version: 1.0,
# 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 1.10, 1.11, 1.12, 1.13, 1.14 or 1.15,
# installed from 1.0 through the chain of upgrade scripts, as CREATE EXTENSION
# ... VERSION does) and the four samples, then ALTER EXTENSION perfeval UPDATE; another
# gets the current version and the same samples.  Their catalogs (every object of the extension with its
# definition and comment) and every view's rows must be identical.  Needs
# PGHOST/PGPORT/PGUSER and the samples' loader (test/run.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
from=${1:?usage: test/upgrade.sh FROM-VERSION}
old=upgrade_from_${from//./_}
new=upgrade_fresh
PSQL=(psql -X -q -v ON_ERROR_STOP=1)

load() {	# load DB: the four samples
	for f in test/data/seed_*.sql; do "${PSQL[@]}" -d "$1" -f "$f"; done
}
for db in $old $new; do dropdb --if-exists "$db" 2>/dev/null; createdb "$db"; done
# Old releases are installed as PostgreSQL itself can: from 1.0's install
# script and the chain of upgrade scripts (only the first and the current
# install scripts are shipped; a stale copy of another would be used instead)
installed=$(psql -X -At -d postgres -c "SELECT name FROM pg_ls_dir((SELECT setting FROM pg_config WHERE name = 'SHAREDIR') || '/extension') AS name
	WHERE name ~ '^perfeval--[0-9.]+\.sql$' ORDER BY 1" | tr '\n' ' ')
if [ "$installed" != "perfeval--1.0.sql perfeval--$(sed -n "s/^default_version = '\(.*\)'/\1/p" perfeval.control).sql " ]; then
	echo "upgrade: the installed install scripts are not 1.0's and the current one's alone: $installed"
	exit 1
fi
"${PSQL[@]}" -d $old -c "CREATE EXTENSION perfeval VERSION '$from'"
load $old
# A reader of the old version (1.4 added access grants): it must see as much
# after the update as before, through a grant the update gives it.
"${PSQL[@]}" -d postgres -c "DO \$\$ BEGIN
	IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'perfeval_upgrade_reader') THEN CREATE ROLE perfeval_upgrade_reader; END IF;
	IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'perfeval_upgrade_pref') THEN CREATE ROLE perfeval_upgrade_pref; END IF;
	IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'perfeval_upgrade_loader') THEN CREATE ROLE perfeval_upgrade_loader; END IF;
	END \$\$"
# (From 1.3: before it a view could not be read without its tables, and
# the update to 1.3 recreates the views, dropping their privileges.  From
# 1.4: a role granted a department through grant_access(); after the
# update it also reads what 1.5 added.)
reader() {	# reader DB: a role granted SELECT on project_scores, as 1.3 or 1.4 allows
	case $from in
	1.3)
		"${PSQL[@]}" -d $1 -c "GRANT USAGE ON SCHEMA perfeval TO perfeval_upgrade_reader" \
			-c "GRANT SELECT ON perfeval.project_scores TO perfeval_upgrade_reader"
		# what the updates give it: a grant of the whole warehouse (1.4),
		# and the relations 1.5 and 1.6 added
		[ "$1" = "$old" ] || "${PSQL[@]}" -d $1 -c "INSERT INTO perfeval.access_grant (role_name) VALUES ('perfeval_upgrade_reader')" \
			-c "GRANT SELECT ON perfeval.grade_distribution, perfeval.programme_years, perfeval_internal.division_shipped TO perfeval_upgrade_reader" \
			-c "GRANT SELECT ON perfeval.export_project, perfeval.export_indicator, perfeval.export_checklist, perfeval.export_survey, perfeval.export_goal TO perfeval_upgrade_reader" \
			-c "GRANT SELECT ON perfeval.execution, perfeval.monitoring_projects, perfeval.monitoring_indicators, perfeval_internal.monitoring_rows, perfeval_internal.execution_rows, perfeval.monitoring_finding, perfeval.export_monitor, perfeval.export_monitor_money TO perfeval_upgrade_reader" \
			-c "GRANT SELECT ON perfeval.result_rule, perfeval.budget_suggestion, perfeval.budget_suggestion_programme, perfeval.budget_suggestion_department, perfeval.budget_suggestion_region, perfeval.indicator_outcomes, perfeval.programme_findings, perfeval_internal.indicator_outcome_rows TO perfeval_upgrade_reader" \
			-c "GRANT SELECT ON perfeval_internal.parked TO perfeval_upgrade_reader"	# (1.15: a restore's parked rows, none shown)
		;;
	1.4 | 1.5 | 1.6 | 1.7 | 1.8 | 1.9 | 1.10 | 1.11 | 1.12 | 1.13 | 1.14 | 1.15)
		"${PSQL[@]}" -d $1 -c "SELECT perfeval.grant_access('perfeval_upgrade_reader', division_prefix => '65')" >/dev/null
		# a loader granted before the update imports forms after it (1.8)
		"${PSQL[@]}" -d $1 -c "SELECT perfeval.grant_access('perfeval_upgrade_loader', division_prefix => '6528', may_load => true)" >/dev/null
		;;
	esac
}
reads_project_scores() { case $from in 1.3 | 1.4 | 1.5 | 1.6 | 1.7 | 1.8 | 1.9 | 1.10 | 1.11 | 1.12 | 1.13 | 1.14 | 1.15) return 0 ;; esac; return 1; }
reader $old
read_before=
! reads_project_scores || read_before=$(psql -X -At -d $old -c "SET ROLE perfeval_upgrade_reader" -c "SELECT count(*), sum(total) FROM perfeval.project_scores" | tail -1)
"${PSQL[@]}" -d $old -c "ALTER EXTENSION perfeval UPDATE"
"${PSQL[@]}" -d $new -c "CREATE EXTENSION perfeval"
load $new
reader $new
# a scope granted after the update gives what it gives in a fresh install
for db in $old $new; do
	"${PSQL[@]}" -d $db -c "SELECT perfeval.grant_access('perfeval_upgrade_pref', division_prefix => '6528')" >/dev/null
done

catalog() {	# every member object of the extension, its definition and comment
	psql -X -At -d "$1" <<-'SQL'
	SELECT pg_describe_object(d.classid, d.objid, 0) || ' | ' || coalesce(CASE d.classid
			   WHEN 'pg_proc'::regclass THEN CASE WHEN (SELECT prokind FROM pg_proc WHERE oid = d.objid) = 'a'
				   THEN (SELECT format('aggregate (%s) %s %s %s %s %s %s %s %s %s',
									   pg_get_function_arguments(aggfnoid), aggtransfn, aggtranstype::regtype,
									   aggtransspace, aggcombinefn, aggserialfn, aggdeserialfn, aggfinalfn,
									   aggfinalmodify, (SELECT proparallel FROM pg_proc WHERE oid = aggfnoid))
						   FROM pg_aggregate WHERE aggfnoid = d.objid)
				   ELSE pg_get_functiondef(d.objid) END
			   WHEN 'pg_trigger'::regclass THEN pg_get_triggerdef(d.objid)
			   WHEN 'pg_constraint'::regclass THEN pg_get_constraintdef(d.objid)
			   WHEN 'pg_class'::regclass THEN coalesce(pg_get_viewdef(d.objid),
				   (SELECT string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
									  || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
									  || coalesce(' default ' || pg_get_expr(ad.adbin, ad.adrelid), '')
									  || coalesce(' -- ' || col_description(a.attrelid, a.attnum), ''),
									  ', ' ORDER BY a.attnum)
					  FROM pg_attribute a
					  LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
					 WHERE a.attrelid = d.objid AND a.attnum > 0 AND NOT a.attisdropped))
			   END, '') || ' | ' || coalesce(obj_description(d.objid, d.classid::regclass::text), '')
	  FROM pg_depend d
	 WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
	   AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'perfeval')
	UNION ALL
	-- what belongs to the tables: indexes, constraints, triggers (and
	-- whether they fire always), privileges
	SELECT 'index ' || indexrelid::regclass || ' | ' || pg_get_indexdef(indexrelid)
	  FROM pg_index JOIN pg_class c ON c.oid = indrelid
	 WHERE c.relnamespace::regnamespace::text IN ('perfeval', 'perfeval_internal')
	UNION ALL
	SELECT 'constraint ' || conname || ' | ' || pg_get_constraintdef(oid)
	  FROM pg_constraint WHERE connamespace::regnamespace::text IN ('perfeval', 'perfeval_internal')
	UNION ALL
	SELECT 'trigger ' || tgname || ' ' || tgenabled::text || ' | ' || pg_get_triggerdef(t.oid)
	  FROM pg_trigger t JOIN pg_class c ON c.oid = tgrelid
	 WHERE c.relnamespace::regnamespace::text IN ('perfeval', 'perfeval_internal') AND NOT tgisinternal
	UNION ALL
	-- (ACL items sorted: the order of grants to different roles does not matter)
	SELECT 'acl ' || c.oid::regclass || ' | ' || coalesce((SELECT string_agg(a::text, ',' ORDER BY a::text) FROM unnest(c.relacl) a), 'default')
	  FROM pg_class c WHERE c.relnamespace::regnamespace::text IN ('perfeval', 'perfeval_internal')
	UNION ALL
	SELECT 'acl ' || p.oid::regprocedure || ' | ' || coalesce((SELECT string_agg(a::text, ',' ORDER BY a::text) FROM unnest(p.proacl) a), 'default')
	  FROM pg_proc p WHERE p.pronamespace::regnamespace::text IN ('perfeval', 'perfeval_internal')
	UNION ALL
	SELECT 'policy ' || polrelid::regclass || ' ' || polname || ' ' || polcmd::text || ' ' || polpermissive
		   || ' ' || polroles::text || ' | ' || coalesce(pg_get_expr(polqual, polrelid), '')
		   || ' | ' || coalesce(pg_get_expr(polwithcheck, polrelid), '')
	  FROM pg_policy
	UNION ALL
	SELECT 'options ' || c.oid::regclass || ' | ' || c.reloptions::text
	  FROM pg_class c WHERE c.relnamespace::regnamespace::text IN ('perfeval', 'perfeval_internal') AND c.reloptions IS NOT NULL
	UNION ALL
	SELECT 'row security ' || c.oid::regclass || ' ' || c.relrowsecurity || ' ' || c.relforcerowsecurity
	  FROM pg_class c WHERE c.relnamespace::regnamespace::text IN ('perfeval', 'perfeval_internal') AND c.relkind = 'r'
	UNION ALL
	SELECT 'acl schema ' || nspname || ' | ' || coalesce(nspacl::text, 'default')
	  FROM pg_namespace WHERE nspname IN ('perfeval', 'perfeval_internal')
	UNION ALL
	SELECT 'version ' || extversion || ' dumps ' || coalesce((SELECT string_agg(c::regclass || ' ' || w, ', ' ORDER BY c::regclass::text)
		   FROM unnest(extconfig, extcondition) AS u(c, w)), '')
	  FROM pg_extension WHERE extname = 'perfeval'
	ORDER BY 1;
	SQL
}
rows() {	# rows DB [ROLE]: every table and view (ROLE may read), as an md5 of its sorted rows
	psql -X -At -d "$1" -c "${2:+SET ROLE $2}" -f - <<-'SQL' | grep -v '^SET$'
	SELECT n.nspname || '.' || c.relname || ' ' || (xpath('/row/n/text()', x))[1]::text || ' ' || (xpath('/row/h/text()', x))[1]::text
	  FROM pg_class c
	  JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname IN ('perfeval', 'perfeval_internal')
	 CROSS JOIN LATERAL query_to_xml(format(
		 'SELECT count(*) AS n, md5(coalesce(string_agg(t::text, %L ORDER BY t::text), %L)) AS h FROM %I.%I t',
		 '|', '', n.nspname, c.relname), false, true, '') AS x
	 WHERE c.relkind IN ('r', 'v') AND has_table_privilege(c.oid, 'SELECT')
	 ORDER BY n.nspname, c.relname;
	SQL
}
status=0
if ! diff <(catalog $old) <(catalog $new) >/tmp/perfeval-upgrade-catalog.diff; then
	echo "upgrade: the updated $from catalog differs from a fresh install:"
	head -c 6000 /tmp/perfeval-upgrade-catalog.diff
	status=1
fi
if ! diff <(rows $old) <(rows $new) >/tmp/perfeval-upgrade-rows.diff; then
	echo "upgrade: tables or views differ after the update:"
	cat /tmp/perfeval-upgrade-rows.diff
	status=1
fi
if ! diff <(rows $old perfeval_upgrade_pref) <(rows $new perfeval_upgrade_pref) >/tmp/perfeval-upgrade-scope.diff ||
	[ "$(rows $new perfeval_upgrade_pref | wc -l)" -lt 10 ]; then
	echo "upgrade: a prefecture's role sees something else after the update than in a fresh install:"
	cat /tmp/perfeval-upgrade-scope.diff
	status=1
fi
read_after=
! reads_project_scores || read_after=$(psql -X -At -d $old -c "SET ROLE perfeval_upgrade_reader" -c "SELECT count(*), sum(total) FROM perfeval.project_scores" | tail -1)
if [ "$read_after" != "$read_before" ] || { reads_project_scores && [ "${read_before%%|*}" -lt 3 ]; }; then
	echo "upgrade: a reader of $from saw $read_before (projects, sum of totals) before the update and $read_after after it"
	status=1
fi
if [ "$from" = 1.4 ] && [ "$(psql -X -At -d $old -c "SET ROLE perfeval_upgrade_reader" \
		-c "SELECT sum(projects) FROM perfeval.grade_distribution WHERE level = 'province'" | tail -1)" != "${read_before%%|*}" ]; then
	echo "upgrade: a role granted access in 1.4 does not read grade_distribution after the update"
	status=1
fi
objects=$(catalog $new | wc -l)
relations=$(rows $new | wc -l)
scored=$(psql -X -At -d $old -c "SELECT count(total) FROM perfeval.project_scores")
if [ "$scored" -lt 3 ] || [ "$objects" -lt 100 ]; then
	echo "upgrade: too little to compare ($objects objects, $scored scored projects)"
	status=1
fi
[ $status = 0 ] && echo "upgrade $from -> $(psql -X -At -d $old -c "SELECT extversion FROM pg_extension WHERE extname = 'perfeval'"): $objects catalog entries and $relations tables and views identical to a fresh install; a new grant gives what it gives fresh${read_before:+; a reader of $from keeps its view}"
exit $status
