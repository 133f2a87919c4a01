#!/usr/bin/env bash
# test/jdbc.sh DB: a BI tool's connection.  Two login roles, one granted a
# department and one the whole warehouse, read project_scores and
# indicator_scores through pgjdbc over TCP on 127.0.0.1, plain and through a
# server-side prepared statement; each must see exactly what the owner's
# rows of its projects say.  Then each reads the catalog and every view as a
# BI tool does (test/jdbc/CatalogCheck.java: REMARKS, types, text and binary
# transfer).  Needs PGHOST/PGPORT/PGUSER, java and pgjdbc.
set -euo pipefail
cd "$(dirname "$0")/.."
db=$1
JAR=${PGJDBC_JAR:-/usr/share/java/postgresql.jar}
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -d "$db")
dept=$("${PSQL[@]}" -At -c "SELECT department FROM perfeval.project WHERE project_id = 'seed001'")
"${PSQL[@]}" >/dev/null <<SQL
DO \$\$ BEGIN
	IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'perfeval_jdbc_dept') THEN CREATE ROLE perfeval_jdbc_dept LOGIN; END IF;
	IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'perfeval_jdbc_all') THEN CREATE ROLE perfeval_jdbc_all LOGIN; END IF;
END \$\$;
SELECT perfeval.grant_access('perfeval_jdbc_dept', department => '$dept');
SELECT perfeval.grant_access('perfeval_jdbc_all');
SQL
ids=$("${PSQL[@]}" -At -c "SELECT string_agg(project_id, ',' ORDER BY project_id) FROM perfeval.project")

# What a role should see, from the owner's rows and the role's department
# (NULL: everything).
expected() {	# expected ROLE DEPARTMENT-OR-EMPTY
	"${PSQL[@]}" -At -v role="$1" -v dept="$2" <<-'SQL'
	SELECT 'scores ' || :'role' || ' ' || project_id || ' ' || coalesce(total::text, 'null') || ' ' || coalesce(grade, 'null')
	  FROM perfeval.project_scores WHERE :'dept' = '' OR department = :'dept' ORDER BY project_id;
	SELECT 'indicators ' || count(*) FROM perfeval.indicator_scores i JOIN perfeval.project p USING (project_id)
	 WHERE :'dept' = '' OR p.department = :'dept';
	SELECT 'lookup ' || p.project_id || ' ' || count(i.code) || ' ' || coalesce(sum(i.score)::text, 'null')
	  FROM perfeval.project p
	  LEFT JOIN perfeval.indicator_scores i ON i.project_id = p.project_id AND (:'dept' = '' OR p.department = :'dept')
	 GROUP BY p.project_id ORDER BY p.project_id;
	SQL
}
status=0
for r in dept all; do
	want=$(expected perfeval_jdbc_$r "$([ $r = dept ] && echo "$dept" || true)")
	got=$(java -cp "$JAR" test/jdbc/ScopeCheck.java "jdbc:postgresql://127.0.0.1:$PGPORT/$db" perfeval_jdbc_$r "$ids" 2>"${TMPDIR:-/tmp}/perfeval-jdbc-driver")
	if [ "$want" != "$got" ]; then
		echo "jdbc: perfeval_jdbc_$r sees something else through pgjdbc:"
		diff <(echo "$want") <(echo "$got") || true
		status=1
	fi
	eval "got_$r=\$got"
done
if [ "$got_dept" = "$got_all" ] || [ "$(grep -c '^scores' <<<"$got_dept")" != 1 ]; then
	echo "jdbc: the department's role should see one project, the whole-warehouse role all of them"
	status=1
fi
# the catalog and every view, as each role (text and binary transfer)
for r in dept all; do
	java -cp "$JAR" test/jdbc/CatalogCheck.java "jdbc:postgresql://127.0.0.1:$PGPORT/$db" perfeval_jdbc_$r \
		form_project,form_indicator,form_checklist,form_survey,form_goal,form_monitor,form_monitor_money,staged_lines \
		| sed "s/^catalog:/catalog (perfeval_jdbc_$r):/" || status=1
done
[ $status = 0 ] && echo "jdbc: a department's role and a whole-warehouse role each see exactly their projects through $(tail -1 "${TMPDIR:-/tmp}/perfeval-jdbc-driver"), plain and prepared"
exit $status
