/*
 * perfeval.import_forms(): every staged form into the warehouse (section 85
 * declares it; what it does is here, so that a release that changes the
 * import changes the library, not the catalog: its update script has
 * nothing of it to say).
 *
 * One subtransaction per chunk of problem-free forms (chunk_size()): a
 * chunk that fails on a rule only the tables check (a class 22 or 23 error,
 * or 42501) is written again in halves, so that the failing form is
 * rejected with that error and the others go in.  The statements run as
 * the caller (the staging's and the tables' row-level security apply),
 * inside the function's own settings (search_path pg_catalog, pg_temp; no
 * JIT).  The rules the statements apply are the core's, reached through
 * the readers (form_projects(), form_rows(), form_points(),
 * form_answers()).
 */
#include "perfeval.h"

#include "access/htup_details.h"
#include "access/xact.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/memutils.h"
#include "utils/resowner.h"
#include "utils/timestamp.h"
#include "utils/tuplestore.h"

/* the staging tables, in the order of the form's parts */
static const char *const staging[] = {
	"staged_project", "staged_indicator", "staged_checklist", "staged_survey", "staged_goal",
	"staged_monitor", "staged_monitor_money"
};
/* the import's temporary tables */
static const char *const temps[] = {
	"pe_import_forms", "pe_projects", "pe_irows", "pe_forms", "pe_points", "pe_answers", "pe_taken",
	"pe_mon_known", "pe_mon_forms", "pe_mon_ind", "pe_mon", "pe_money", "pe_mon_ok", "pe_mon_findings"
};

/*
 * Whether perfeval.project is distributed (set by import_forms(); the
 * tables the import writes are co-located with it): the writes go through
 * Citus, and a failed chunk's error may be a table's rule that Citus
 * reported without its SQLSTATE (see write_range()); while by_insert is
 * set, write_rows() writes by multi-row INSERTs, whose errors keep it.
 */
static bool on_cluster = false;
static bool by_insert = false;

/* Whether the form of code was found on a node that cannot be reached (Q_UNREACHABLE). */
#define UNREACHABLE(code) \
	"EXISTS (SELECT FROM perfeval.import_error u WHERE u.project_code = " code " AND u.sqlstate = '08006')"

/* One table a chunk of forms writes: its columns and the query ($1, $2: the forms' range). */
typedef struct WriteStep
{
	const char *target;
	const char *cols;
	const char *query;
} WriteStep;

static const char *const Q_PROBLEMS =
	"INSERT INTO perfeval.import_error (project_code, relation, line, column_name, value, sqlstate, message, hint)\n"
	"WITH f AS NOT MATERIALIZED (SELECT * FROM pg_temp.pe_projects),\n"
	"i AS NOT MATERIALIZED (SELECT * FROM pg_temp.pe_irows)\n"
	"SELECT f.project_code, 'form_project' AS relation, f.line, '项目编码' AS column_name,\n"
	"	   f.project_code AS value, '23505' AS sqlstate,\n"
	"	   format('project \"%s\" has more than one form', f.project_code) AS message,\n"
	"	   'One row per form in form_project: remove the other rows of this 项目编码.' AS hint\n"
	"  FROM f WHERE f.forms > 1 AND f.nth > 1\n"
	"UNION ALL\n"
	"-- what the core's reader found in the form's fields (src/pe_form.c)\n"
	"SELECT f.project_code, 'form_project', f.line, pr.col, pr.val, pr.st, pr.msg, pr.hint\n"
	"  FROM f CROSS JOIN LATERAL unnest(f.problem_columns, f.problem_values, f.problem_states, f.problem_messages,\n"
	"								   f.problem_hints) AS pr(col, val, st, msg, hint)\n"
	" WHERE f.nth = 1 AND f.problem_columns IS NOT NULL\n"
	"UNION ALL\n"
	"-- a scheme the warehouse does not have\n"
	"SELECT f.project_code, 'form_project', f.line, '评分方案', f.scheme_id, '23503',\n"
	"	   format('unknown 评分方案: \"%s\"', f.scheme_id),\n"
	"	   'A scheme_id of perfeval.scheme, or empty for the national self-evaluation form (national_self).'\n"
	"  FROM f WHERE f.nth = 1 AND f.scheme_given AND NOT EXISTS (SELECT FROM perfeval.scheme sc WHERE sc.scheme_id = f.scheme_id)\n"
	"UNION ALL\n"
	"-- indicator rows\n"
	"SELECT i.project_code, 'form_indicator', i.line, '项目编码', i.project_code, '23503',\n"
	"	   format('indicator row of project \"%s\", which has no form', i.project_code),\n"
	"	   'Load the form''s row into perfeval.form_project, or correct 项目编码.'\n"
	"  FROM i WHERE NOT EXISTS (SELECT FROM pg_temp.pe_projects s WHERE s.project_code = i.project_code)\n"
	"UNION ALL\n"
	"-- what the core's reader found in each row (src/formrows.c, 1.16): a level\n"
	"-- or name missing, a repeated indicator, a weight that is no positive\n"
	"-- number, a field the parsers refuse, an unknown 指标性质, an actual that\n"
	"-- cannot be compared with its target in a row without a printed 得分\n"
	"SELECT i.project_code, 'form_indicator', i.line, pr.col, pr.val, pr.st, pr.msg, pr.hint\n"
	"  FROM i CROSS JOIN LATERAL unnest(i.problem_columns, i.problem_values, i.problem_states, i.problem_messages,\n"
	"								   i.problem_hints) AS pr(col, val, st, msg, hint)\n"
	" WHERE i.problem_columns IS NOT NULL\n"
	"UNION ALL\n"
	"-- a form larger than a project holds: refused at once, not read (1.16)\n"
	"SELECT i.project_code, 'form_indicator', i.line, '项目编码', i.project_code, '54000',\n"
	"	   format('form \"%s\" has %s indicator rows, more than a project holds (1000)', i.project_code, i.form_rows),\n"
	"	   'A project holds at most 1000 level-3 indicators under at most 26 level-1 indicators (A to Z, A11 being the execution rate''s): check that the rows of several forms do not share this 项目编码.'\n"
	"  FROM i WHERE i.too_large\n"
	"UNION ALL\n"
	"-- a form whose rows carry no 分值 at all (weights only in its section\n"
	"-- headers): one problem for the form, not one per row (1.16)\n"
	"SELECT i.project_code, 'form_indicator', i.line, '分值', NULL, '23502',\n"
	"	   format('the indicator rows of form \"%s\" carry no 分值: its row weights are missing', i.project_code),\n"
	"	   'Give every level-3 indicator row its 分值; the points in a section header such as 产出指标（50分） are the level''s, not the rows''.'\n"
	"  FROM i WHERE NOT i.too_large AND i.form_weighted = 0 AND i.ordinal = 1\n"
	"UNION ALL\n"
	"-- what the core's reader found in the checklist points and survey answers\n"
	"-- (src/pe_form.c, 1.16; 1.15 parsed them in SQL, where one unreadable\n"
	"-- 要点分值 stopped the whole import)\n"
	"SELECT c.project_code, 'form_checklist', c.line, pr.col, pr.val, pr.st, pr.msg, pr.hint\n"
	"  -- (once: a row of a 三级指标 two level-2 indicators share is in pe_points twice)\n"
	"  FROM (SELECT DISTINCT ON (c.project_code, c.line) c.* FROM pg_temp.pe_points c\n"
	"		 WHERE c.problem_columns IS NOT NULL ORDER BY c.project_code, c.line) c\n"
	" CROSS JOIN LATERAL unnest(c.problem_columns, c.problem_values, c.problem_states, c.problem_messages,\n"
	"						   c.problem_hints) AS pr(col, val, st, msg, hint)\n"
	"UNION ALL\n"
	"SELECT v.project_code, 'form_survey', v.line, pr.col, pr.val, pr.st, pr.msg, pr.hint\n"
	"  FROM (SELECT DISTINCT ON (v.project_code, v.line) v.* FROM pg_temp.pe_answers v\n"
	"		 WHERE v.problem_columns IS NOT NULL ORDER BY v.project_code, v.line) v\n"
	" CROSS JOIN LATERAL unnest(v.problem_columns, v.problem_values, v.problem_states, v.problem_messages,\n"
	"						   v.problem_hints) AS pr(col, val, st, msg, hint)\n"
	"UNION ALL\n"
	"-- a checklist or survey row of an indicator its form does not score by it\n"
	"-- (1.15 left it out of the warehouse without a word)\n"
	"SELECT x.project_code, x.relation, x.line, '三级指标', x.name, '23503',\n"
	"	   CASE WHEN EXISTS (SELECT FROM i WHERE i.project_code = x.project_code AND i.name = x.name)\n"
	"			THEN format('%s of indicator \"%s\" of form \"%s\", whose score comes from its %s', x.what, x.name,\n"
	"						x.project_code, CASE x.relation WHEN 'form_survey' THEN 'checklist' ELSE 'survey' END)\n"
	"			ELSE format('%s of indicator \"%s\", which form \"%s\" does not have', x.what, x.name, x.project_code) END,\n"
	"	   'Name the level-3 indicator as the form''s indicator rows do (form_indicator''s 三级指标); an indicator is scored by its checklist points or by its survey answers, not both.'\n"
	"  FROM (SELECT c.project_code, 'form_checklist' AS relation, c.line, c.name, 'checklist point' AS what\n"
	"		  FROM pg_temp.pe_points c WHERE c.code IS NULL\n"
	"		UNION ALL\n"
	"		SELECT v.project_code, 'form_survey', v.line, v.name, 'survey answer'\n"
	"		  FROM pg_temp.pe_answers v WHERE v.code IS NULL) x\n"
	" WHERE x.name IS NOT NULL\n"
	"UNION ALL\n"
	"-- 年度总体目标 of a code without a form (1.16)\n"
	"SELECT g.\"项目编码\", 'form_goal', g.line, '项目编码', g.\"项目编码\", '23503',\n"
	"	   format('年度总体目标 of project \"%s\", which has no form', g.\"项目编码\"),\n"
	"	   'Load the form''s row into perfeval.form_project, or correct 项目编码.'\n"
	"  FROM perfeval_internal.staged_goal g\n"
	" WHERE NOT EXISTS (SELECT FROM pg_temp.pe_projects s WHERE s.project_code = g.\"项目编码\")";

static const char *const Q_IMPORT_FORMS =
	"CREATE TEMP TABLE pe_import_forms AS\n"
	"SELECT x.code, min(x.line) AS line FROM (\n"
	"	SELECT s.\"项目编码\" AS code, s.line::bigint AS line FROM perfeval_internal.staged_project s\n"
	"	UNION ALL SELECT s.\"项目编码\", s.line + 1000000000::bigint FROM perfeval_internal.staged_indicator s\n"
	"	UNION ALL SELECT s.\"项目编码\", s.line + 2000000000::bigint FROM perfeval_internal.staged_checklist s\n"
	"	UNION ALL SELECT s.\"项目编码\", s.line + 3000000000::bigint FROM perfeval_internal.staged_survey s\n"
	"	UNION ALL SELECT s.\"项目编码\", s.line + 4000000000::bigint FROM perfeval_internal.staged_goal s\n"
	"	UNION ALL SELECT s.\"项目编码\", s.line + 5000000000::bigint FROM perfeval_internal.staged_monitor s\n"
	"	UNION ALL SELECT s.\"项目编码\", s.line + 6000000000::bigint FROM perfeval_internal.staged_monitor_money s) x\n"
	" GROUP BY x.code";

static const char *const Q_IROWS =
	"CREATE TEMP TABLE pe_irows AS\n"
	"SELECT r.line, r.project_code, r.level1, r.level2, r.name, r.note, r.ordinal, r.code, r.seq, r.source,\n"
	"	   r.method_raw, r.applicable, r.weight, r.score, r.tgt, r.msr, r.form_weighted, r.too_large,\n"
	"	   r.form_rows, r.level1_points, r.weight_mark, r.problem_columns, r.problem_values, r.problem_states,\n"
	"	   r.problem_messages, r.problem_hints\n"
	"  FROM perfeval_internal.form_rows(narrow => true) r";

static const char *const Q_POINTS =
	"CREATE TEMP TABLE pe_points AS\n"
	"SELECT c.*, r.code\n"
	"  FROM perfeval_internal.form_points() c\n"
	"  LEFT JOIN pe_irows r ON r.project_code = c.project_code AND r.name = c.name AND r.source = 'checklist'";

static const char *const Q_ANSWERS =
	"CREATE TEMP TABLE pe_answers AS\n"
	"SELECT v.*, r.code\n"
	"  FROM perfeval_internal.form_answers() v\n"
	"  LEFT JOIN pe_irows r ON r.project_code = v.project_code AND r.name = v.name AND r.source = 'survey'";

static const char *const Q_OTHERS =
	"INSERT INTO perfeval.import_error (project_code, relation, line, column_name, value, sqlstate, message, hint)\n"
	"WITH o AS (\n"
	"	SELECT DISTINCT x.code, x.stager FROM (\n"
	"		SELECT s.\"项目编码\" AS code, s.staged_by AS stager FROM perfeval_internal.staged_project s\n"
	"		UNION ALL SELECT s.\"项目编码\", s.staged_by FROM perfeval_internal.staged_indicator s\n"
	"		UNION ALL SELECT s.\"项目编码\", s.staged_by FROM perfeval_internal.staged_checklist s\n"
	"		UNION ALL SELECT s.\"项目编码\", s.staged_by FROM perfeval_internal.staged_survey s\n"
	"		UNION ALL SELECT s.\"项目编码\", s.staged_by FROM perfeval_internal.staged_goal s) x\n"
	"	 WHERE x.stager <> CURRENT_USER AND x.code IS NOT NULL AND NOT " UNREACHABLE("x.code") "),\n"
	"f AS (\n"
	"	SELECT s.project_code AS code, s.line, s.department, s.division_code AS division\n"
	"	  FROM pg_temp.pe_projects s\n"
	"	 WHERE s.nth = 1 AND s.project_code IN (SELECT o.code FROM o)),\n"
	"t AS (SELECT t.code FROM perfeval_internal.taken_codes(ARRAY(SELECT DISTINCT o.code FROM o)) t(code))\n"
	"SELECT o.code, 'form_project', f.line, NULL, NULL, '42501',\n"
	"	   format('role \"%s\" may not load project \"%s\"', o.stager, o.code),\n"
	"	   format('The form was staged by role \"%s\" and is imported with its rights: its loading grants must cover the project it replaces and its 主管部门 and 行政区划代码.  That role corrects or deletes its staged rows; the warehouse''s owner grants loading with perfeval.grant_access(role, department, division_prefix, may_load => true).', o.stager)\n"
	"  FROM o JOIN f ON f.code = o.code\n"
	"  LEFT JOIN t ON t.code = o.code\n"
	" WHERE NOT perfeval_internal.stager_may_load(o.stager, t.code, f.department, f.division)\n"
	" ORDER BY f.line, o.stager";

static const char *const Q_OTHERS_EXIST =
	"SELECT EXISTS (SELECT FROM perfeval_internal.staged_project s WHERE s.staged_by <> CURRENT_USER)\n"
	"	   OR EXISTS (SELECT FROM perfeval_internal.staged_indicator s WHERE s.staged_by <> CURRENT_USER)\n"
	"	   OR EXISTS (SELECT FROM perfeval_internal.staged_checklist s WHERE s.staged_by <> CURRENT_USER)\n"
	"	   OR EXISTS (SELECT FROM perfeval_internal.staged_survey s WHERE s.staged_by <> CURRENT_USER)\n"
	"	   OR EXISTS (SELECT FROM perfeval_internal.staged_goal s WHERE s.staged_by <> CURRENT_USER)";

/*
 * On a Citus cluster, the staged forms whose project's shard is on a node
 * that cannot be reached, or that citus_disable_node() took out (1.16):
 * each rejected with 08006, and nothing of the cluster read or written for
 * it, so that the forms of the other nodes' projects go in; it stays staged
 * for the next run (docs/scale-out.md).  Its first staged row names it.
 */
static const char *const Q_UNREACHABLE =
	"INSERT INTO perfeval.import_error (project_code, relation, line, column_name, value, sqlstate, message, hint)\n"
	"WITH down AS (\n"
	"	SELECT n.groupid, n.nodename, n.nodeport FROM pg_catalog.pg_dist_node n\n"
	"	 WHERE n.groupid <> 0 AND n.noderole = 'primary'\n"
	"	   AND EXISTS (SELECT FROM pg_catalog.pg_dist_placement pl JOIN pg_catalog.pg_dist_shard sh USING (shardid)\n"
	"				   WHERE pl.groupid = n.groupid AND sh.logicalrelid = 'perfeval.project'::regclass)\n"
	"	   AND (NOT n.isactive OR NOT pg_catalog.citus_check_connection_to_node(n.nodename, n.nodeport))),\n"
	"r AS (\n"
	"	SELECT DISTINCT ON (x.code) x.code, x.relation, x.line FROM (\n"
	"		SELECT s.\"项目编码\" AS code, 1 AS k, 'form_project' AS relation, s.line FROM perfeval_internal.staged_project s\n"
	"		UNION ALL SELECT s.\"项目编码\", 2, 'form_indicator', s.line FROM perfeval_internal.staged_indicator s\n"
	"		UNION ALL SELECT s.\"项目编码\", 3, 'form_checklist', s.line FROM perfeval_internal.staged_checklist s\n"
	"		UNION ALL SELECT s.\"项目编码\", 4, 'form_survey', s.line FROM perfeval_internal.staged_survey s\n"
	"		UNION ALL SELECT s.\"项目编码\", 5, 'form_goal', s.line FROM perfeval_internal.staged_goal s\n"
	"		UNION ALL SELECT s.\"项目编码\", 6, 'form_monitor', s.line FROM perfeval_internal.staged_monitor s\n"
	"		UNION ALL SELECT s.\"项目编码\", 7, 'form_monitor_money', s.line FROM perfeval_internal.staged_monitor_money s) x\n"
	"	 WHERE x.code IS NOT NULL AND EXISTS (SELECT FROM down)\n"
	"	 ORDER BY x.code, x.k, x.line)\n"
	"SELECT r.code, r.relation, r.line, '项目编码', r.code, '08006',\n"
	"	   format('the node that holds project \"%s\" (%s:%s) cannot be reached', r.code, d.nodename, d.nodeport),\n"
	"	   'The form stays staged: import again when the node is back, or once its standby has taken its place (docs/scale-out.md, \"High availability\").'\n"
	"  FROM r JOIN pg_catalog.pg_dist_placement pl\n"
	"	ON pl.shardid = pg_catalog.get_shard_id_for_distribution_column('perfeval.project', r.code)\n"
	"  JOIN down d ON d.groupid = pl.groupid\n"
	" ORDER BY r.line, r.code";

static const char *const Q_FORMS =
	"CREATE TEMP TABLE pe_forms AS\n"
	"SELECT row_number() OVER (ORDER BY f.line, f.code) AS ord, s.*, g.annual_goal, g.annual_outcome\n"
	"  FROM pe_import_forms f\n"
	"  JOIN pe_projects s ON s.project_code = f.code AND s.nth = 1\n"
	"  LEFT JOIN (SELECT x.\"项目编码\" AS code,\n"
	"					string_agg(x.\"年度总体目标\", E'\\n' ORDER BY x.line) FILTER (WHERE x.\"年度总体目标\" ~ '[^[:space:]　]') AS annual_goal,\n"
	"					string_agg(x.\"实际完成情况\", E'\\n' ORDER BY x.line) FILTER (WHERE x.\"实际完成情况\" ~ '[^[:space:]　]') AS annual_outcome\n"
	"			   FROM perfeval_internal.staged_goal x GROUP BY 1) g ON g.code = f.code\n"
	" WHERE NOT EXISTS (SELECT FROM perfeval.import_error e WHERE e.project_code = f.code)";

static const char *const Q_TAKEN =
	"CREATE TEMP TABLE pe_taken AS\n"
	"SELECT t.code, perfeval_internal.may_load(t.code) AS may\n"
	"  FROM perfeval_internal.taken_codes(ARRAY(SELECT f.project_code FROM pe_forms f)) t(code)";

static const char *const Q_RESULT =
	"SELECT f.code,\n"
	"	   CASE WHEN coalesce(e.n, 0) > 0 THEN 'rejected' ELSE 'imported' END,\n"
	"	   CASE WHEN coalesce(e.n, 0) > 0 THEN coalesce(si.n, mi.n, 0) ELSE coalesce(wi.n, mi.n, 0) END,\n"
	"	   coalesce(e.n, 0)\n"
	"  FROM pe_import_forms f\n"
	"  -- (keyed so that a form without 项目编码 finds its own problems)\n"
	"  LEFT JOIN (SELECT coalesce(x.project_code, E'\\x01') AS k, count(*)::int AS n FROM perfeval.import_error x GROUP BY 1) e\n"
	"	ON e.k = coalesce(f.code, E'\\x01')\n"
	"  LEFT JOIN (SELECT coalesce(x.\"项目编码\", E'\\x01') AS k, count(*)::int AS n FROM perfeval_internal.staged_indicator x GROUP BY 1) si\n"
	"	ON si.k = coalesce(f.code, E'\\x01')\n"
	"  -- (what was written: the execution-rate row and the form's rows; not\n"
	"  -- read back, which a loader on a cluster may not after the owner wrote)\n"
	"  LEFT JOIN (SELECT w.project_code AS k, (w.offs + (SELECT count(*) FROM pe_irows r\n"
	"					 WHERE r.project_code = w.project_code))::int AS n FROM pe_forms w) wi ON wi.k = f.code\n"
	"  -- (a monitoring form: its indicator rows; 1.16)\n"
	"  LEFT JOIN (SELECT m.project_code AS k, count(*)::int AS n FROM pe_mon m GROUP BY 1) mi\n"
	"	ON mi.k = f.code AND wi.k IS NULL AND si.k IS NULL\n"
	" ORDER BY f.line, f.code";

static const WriteStep write_steps[] = {
	{"perfeval.project", "project_id, name, year, division_code, department, implementing_unit, evaluation_kind, scheme_id, printed_total, printed_grade, source, department_from_unit, annual_goal, annual_outcome",
		"SELECT s.project_code, s.name, s.year, s.division_code, s.department, s.implementing_unit, s.evaluation_kind,\n"
		"	   s.scheme_id, s.printed_total, s.printed_grade, 'import_forms', s.department_from_unit, s.annual_goal,\n"
		"	   s.annual_outcome\n"
		"  FROM pe_forms s WHERE s.ord BETWEEN $1 AND $2 ORDER BY s.ord"},
	{"perfeval.allocation", "project_id, department, fund_level, unit, initial_budget, budget, arrived, spent",
		"SELECT s.project_code, s.department, s.fund_level, s.money_unit, s.initial_budget, s.budget, s.arrived, s.spent\n"
		"  FROM pe_forms s\n"
		" WHERE s.ord BETWEEN $1 AND $2 AND num_nonnulls(s.initial_budget, s.budget, s.arrived, s.spent) > 0"},
	{"perfeval.indicator", "project_id, code, seq, level1, level2, name, weight, target, source, printed_score, method, applicable, level1_points",
		"SELECT x.* FROM (\n"
		"	SELECT s.project_code, s.exec_code, 1, s.exec_level1, s.exec_level2, s.exec_name,\n"
		"		   s.execution_weight, s.exec_target::perfeval.target, 'execution_rate',\n"
		"		   s.execution_score, 'proportional'::perfeval.method, true,\n"
		"		   NULL::numeric\n"
		"	  FROM pe_forms s WHERE s.ord BETWEEN $1 AND $2 AND s.offs = 1\n"
		"	UNION ALL\n"
		"	-- (分值 written as /: a row that does not apply, of no weight)\n"
		"	SELECT r.project_code, r.code, r.seq, btrim(r.level1), btrim(r.level2), btrim(r.name),\n"
		"		   CASE WHEN r.weight_mark THEN 0 ELSE r.weight END,\n"
		"		   r.tgt, r.source, r.score,\n"
		"		   coalesce(r.method_raw::perfeval.method, 'proportional'), r.applicable, r.level1_points\n"
		"	  FROM pe_forms s JOIN pe_irows r ON r.project_code = s.project_code WHERE s.ord BETWEEN $1 AND $2) x\n"
		" ORDER BY 1, 3"},
	{"perfeval.actual", "project_id, code, reported_on, measure, tier, fraction, deviation_note",
		"SELECT r.project_code, r.code, s.reported_on, r.msr, j.tier, j.fraction, r.note\n"
		"  FROM pe_forms s\n"
		"  JOIN pe_irows r ON r.project_code = s.project_code\n"
		"  JOIN perfeval.scheme sc ON sc.scheme_id = s.scheme_id\n"
		" -- (and so is a row whose target its actual cannot be compared with --\n"
		" -- a number against a word, units that do not convert -- that prints\n"
		" -- its 得分; the evaluation says why, 1.16; the fraction and its tier:\n"
		" -- the core's rule, pe_judged_by_score())\n"
		" CROSS JOIN LATERAL perfeval_internal.judged_by_score(\n"
		"		CASE WHEN perfeval.is_qualitative(r.tgt) OR coalesce(perfeval.is_qualitative(r.msr), false)\n"
		"				  OR NOT coalesce(perfeval.comparable(r.tgt, r.msr), true) THEN r.score END,\n"
		"		r.weight, sc.rules) j\n"
		" WHERE s.ord BETWEEN $1 AND $2 AND r.source IN ('actual', 'printed') AND num_nonnulls(r.msr, j.tier, r.note) > 0\n"
		" ORDER BY r.project_code, r.code"},
	{"perfeval.checklist_point", "project_id, code, point_no, description, points, deduction, reason",
		"SELECT c.project_code, c.code, c.point_no, c.description, c.points, c.deduction, c.reason\n"
		"  FROM pe_forms s JOIN pe_points c ON c.project_code = s.project_code\n"
		" WHERE s.ord BETWEEN $1 AND $2 ORDER BY c.project_code, c.code, c.point_no"},
	{"perfeval.survey_response", "project_id, code, option_no, option_label, respondents, coefficient",
		"SELECT v.project_code, v.code, v.option_no, v.option_label, v.respondents, v.coefficient\n"
		"  FROM pe_forms s JOIN pe_answers v ON v.project_code = s.project_code\n"
		" WHERE s.ord BETWEEN $1 AND $2 ORDER BY v.project_code, v.code, v.option_no"},
};

/*
 * The monitoring forms (绩效监控表, 1.16): a code of form_monitor or
 * form_monitor_money rows is a monitoring form of a project already in the
 * warehouse.  Its forms, with whether the project exists (taken_codes(): a
 * loader may not see it) and is visible, and its year, department and
 * division.
 */
static const char *const Q_MON_FORMS =
	"CREATE TEMP TABLE pe_mon_forms AS\n"
	"SELECT f.code, f.line, f.relation, f.stagers, t.code IS NOT NULL AS taken, p.project_id IS NOT NULL AS known,\n"
	"	   p.year, p.department, p.division_code\n"
	"  FROM (SELECT x.code, min(x.line) AS line, (array_agg(x.relation ORDER BY x.line, x.relation))[1] AS relation,\n"
	"			   array_agg(DISTINCT x.stager) AS stagers\n"
	"		  FROM (SELECT m.\"项目编码\" AS code, m.line, 'form_monitor'::text AS relation, m.staged_by AS stager\n"
	"				  FROM perfeval_internal.staged_monitor m\n"
	"				UNION ALL\n"
	"				SELECT m.\"项目编码\", m.line, 'form_monitor_money', m.staged_by FROM perfeval_internal.staged_monitor_money m) x\n"
	"		 WHERE NOT " UNREACHABLE("x.code") "\n"
	"		 GROUP BY x.code) f\n"
	"  LEFT JOIN perfeval_internal.taken_codes($1) t(code) ON t.code = f.code\n"
	"  LEFT JOIN pg_temp.pe_mon_known p ON p.project_id = f.code";

/*
 * The codes of the staged monitoring forms ($1 of Q_MON_FORMS and
 * Q_MON_KNOWN), and the projects of them the caller sees, read by the
 * codes: on a Citus cluster only those projects' shards are read (a join
 * with the staging would read every shard, and fail with a node down).
 */
static const char *const Q_MON_CODES =
	"SELECT ARRAY(SELECT m.\"项目编码\" FROM perfeval_internal.staged_monitor m WHERE NOT " UNREACHABLE("m.\"项目编码\"") "\n"
	"			  UNION SELECT m.\"项目编码\" FROM perfeval_internal.staged_monitor_money m\n"
	"			   WHERE NOT " UNREACHABLE("m.\"项目编码\"") ")";
static const char *const Q_MON_KNOWN =
	"CREATE TEMP TABLE pe_mon_known AS\n"
	"SELECT p.project_id, p.year, p.department, p.division_code FROM perfeval.project p WHERE p.project_id = ANY ($1)";

/*
 * The indicators of the projects the monitoring forms report on ($1: their
 * codes): what the indicator rows are matched against, read once (on a
 * Citus cluster a lateral join of the staged rows, a reference table, with
 * the distributed indicators cannot be planned).
 */
static const char *const Q_MON_IND =
	"CREATE TEMP TABLE pe_mon_ind AS\n"
	"SELECT i.project_id, i.code, i.level1, i.level2, i.name, i.target\n"
	"  FROM perfeval.indicator i WHERE i.project_id = ANY ($1)";

/*
 * Each indicator row: the indicator it names (by 指标编码, else by 三级指标,
 * narrowed by 一级指标 and 二级指标 where the name is several indicators'),
 * its report date, cause, likelihood, actual and forecast read by the core
 * (the actual as the self-evaluation form's: form_actual(), form_parse());
 * its problems' arrays only where it has one.
 */
static const char *const Q_MON =
	"CREATE TEMP TABLE pe_mon AS\n"
	"SELECT m.line, m.\"项目编码\" AS project_code, f.known, nullif(btrim(m.\"三级指标\"), '') AS name,\n"
	"	   nullif(btrim(m.\"指标编码\"), '') AS icode, x.code, coalesce(x.matches, 0) AS matches,\n"
	"	   d.word::date AS reported_on, c.word AS cause, l.word AS likelihood, a.msr AS measure, fc.msr AS forecast,\n"
	"	   nullif(btrim(m.\"原因说明\"), '') AS note, m.\"年度指标值\" AS target_raw, tg.tgt::text AS printed_target,\n"
	"	   it.target::text AS target,\n"
	"	   CASE WHEN pb.bad THEN ARRAY[CASE WHEN nullif(btrim(m.\"监控日期\"), '') IS NULL THEN '截至月份' ELSE '监控日期' END,\n"
	"			 '偏差原因', '完成可能性', '实际完成值', '全年预计完成值'] END AS pcols,\n"
	"	   CASE WHEN pb.bad THEN ARRAY[coalesce(m.\"监控日期\", m.\"截至月份\"), m.\"偏差原因\", m.\"完成可能性\", m.\"实际完成值\", m.\"全年预计完成值\"] END AS pvals,\n"
	"	   CASE WHEN pb.bad THEN ARRAY[d.sqlstate, c.sqlstate, l.sqlstate, a.sqlstate, fc.sqlstate] END AS pstates,\n"
	"	   CASE WHEN pb.bad THEN ARRAY[d.message, c.message, l.message, a.message, fc.message] END AS pmsgs,\n"
	"	   CASE WHEN pb.bad THEN ARRAY[d.hint, c.hint, l.hint, a.hint, fc.hint] END AS phints\n"
	"  FROM perfeval_internal.staged_monitor m\n"
	"  JOIN pe_mon_forms f ON f.code = m.\"项目编码\"\n"
	"  LEFT JOIN LATERAL (\n"
	"	SELECT CASE WHEN count(*) = 1 THEN min(i.code) WHEN count(*) FILTER (WHERE i.lv) = 1 THEN min(i.code) FILTER (WHERE i.lv) END AS code,\n"
	"		   CASE WHEN count(*) <= 1 THEN count(*) ELSE count(*) FILTER (WHERE i.lv) END AS matches\n"
	"	  FROM (SELECT i.code, (nullif(btrim(m.\"一级指标\"), '') IS NULL OR i.level1 = btrim(m.\"一级指标\"))\n"
	"				   AND (nullif(btrim(m.\"二级指标\"), '') IS NULL OR i.level2 = btrim(m.\"二级指标\")) AS lv\n"
	"			  FROM pe_mon_ind i\n"
	"			 WHERE i.project_id = m.\"项目编码\" AND f.known\n"
	"			   AND CASE WHEN nullif(btrim(m.\"指标编码\"), '') IS NOT NULL THEN i.code = btrim(m.\"指标编码\")\n"
	"						ELSE i.name = btrim(m.\"三级指标\") END) i) x ON true\n"
	"  LEFT JOIN pe_mon_ind it ON it.project_id = m.\"项目编码\" AND it.code = x.code\n"
	" CROSS JOIN LATERAL perfeval_internal.form_parse(m.\"年度指标值\", 'target') tg\n"
	" CROSS JOIN LATERAL perfeval_internal.monitor_cell('date', m.\"监控日期\", f.year, m.\"截至月份\") d\n"
	" CROSS JOIN LATERAL perfeval_internal.monitor_cell('cause', m.\"偏差原因\") c\n"
	" CROSS JOIN LATERAL perfeval_internal.monitor_cell('likelihood', m.\"完成可能性\") l\n"
	" CROSS JOIN LATERAL perfeval_internal.form_parse(perfeval_internal.form_actual(m.\"实际完成值\", NULL, m.\"年度指标值\",\n"
	"		f.year::text), 'measure') a\n"
	" CROSS JOIN LATERAL perfeval_internal.form_parse(perfeval_internal.form_actual(m.\"全年预计完成值\", NULL, m.\"年度指标值\",\n"
	"		f.year::text), 'measure') fc\n"
	" CROSS JOIN LATERAL (SELECT num_nonnulls(d.sqlstate, c.sqlstate, l.sqlstate, a.sqlstate, fc.sqlstate) > 0 AS bad) pb";

/*
 * Each money row: its fund source (part: a level of 财政拨款 0, 财政拨款 1,
 * the total 2, a level outside 财政拨款 3), report date, unit (the form's
 * where a row leaves it blank) and amounts; the level it is stored at (a
 * level's line at its level; 财政拨款 or the total only where the form gives
 * no lines under it, at the division's level, as the self-evaluation form's
 * money); what the rate it prints is.
 */
static const char *const Q_MONEY =
	"CREATE TEMP TABLE pe_money AS\n"
	"WITH r AS (\n"
	"	SELECT m.line, m.\"项目编码\" AS project_code, f.known, f.department, fu.word AS fund_level, fu.part,\n"
	"		   d.word::date AS reported_on, dl.word AS division_level,\n"
	"		   coalesce(nullif(btrim(m.\"金额单位\"), ''),\n"
	"					first_value(nullif(btrim(m.\"金额单位\"), '')) OVER (PARTITION BY m.\"项目编码\"\n"
	"						ORDER BY nullif(btrim(m.\"金额单位\"), '') IS NULL, m.line\n"
	"						ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING), '万元') AS unit,\n"
	"		   b.num AS budget, ar.num AS arrived, sp.num AS spent, rt.word::numeric AS rate, rt.part AS rate_decimals,\n"
	"		   m.\"资金来源\" AS source,\n"
	"		   CASE WHEN pb.bad THEN ARRAY['资金来源', CASE WHEN nullif(btrim(m.\"监控日期\"), '') IS NULL THEN '截至月份' ELSE '监控日期' END,\n"
	"				 '全年预算数', '到位数', '执行数', '执行率', '全年预算数', '执行数'] END AS pcols,\n"
	"		   CASE WHEN pb.bad THEN ARRAY[m.\"资金来源\", coalesce(m.\"监控日期\", m.\"截至月份\"), m.\"全年预算数\", m.\"到位数\", m.\"执行数\", m.\"执行率\",\n"
	"				 NULL, NULL] END AS pvals,\n"
	"		   CASE WHEN pb.bad THEN ARRAY[fu.sqlstate, d.sqlstate, b.sqlstate, ar.sqlstate, sp.sqlstate, rt.sqlstate,\n"
	"				 CASE WHEN b.sqlstate IS NULL AND b.num IS NULL THEN '23502' END,\n"
	"				 CASE WHEN sp.sqlstate IS NULL AND sp.num IS NULL THEN '23502' END] END AS pstates,\n"
	"		   CASE WHEN pb.bad THEN ARRAY[fu.message, d.message, b.message, ar.message, sp.message, rt.message,\n"
	"				 format('money row \"%s\" without its 全年预算数', m.\"资金来源\"),\n"
	"				 format('money row \"%s\" without its 1-N月执行数', m.\"资金来源\")] END AS pmsgs,\n"
	"		   CASE WHEN pb.bad THEN ARRAY[fu.hint, d.hint, b.hint, ar.hint, sp.hint, rt.hint,\n"
	"				 'Give the full-year budget of the fund source (0 where it has none).',\n"
	"				 'Give the money spent to the month (0 where none was).'] END AS phints\n"
	"	  FROM perfeval_internal.staged_monitor_money m\n"
	"	  JOIN pe_mon_forms f ON f.code = m.\"项目编码\"\n"
	"	 CROSS JOIN LATERAL perfeval_internal.monitor_cell('fund', m.\"资金来源\") fu\n"
	"	 CROSS JOIN LATERAL perfeval_internal.monitor_cell('date', m.\"监控日期\", f.year, m.\"截至月份\") d\n"
	"	 CROSS JOIN LATERAL perfeval_internal.monitor_cell('level', f.division_code) dl\n"
	"	 CROSS JOIN LATERAL perfeval_internal.form_parse(m.\"全年预算数\", 'number') b\n"
	"	 CROSS JOIN LATERAL perfeval_internal.form_parse(m.\"到位数\", 'number') ar\n"
	"	 CROSS JOIN LATERAL perfeval_internal.form_parse(m.\"执行数\", 'number') sp\n"
	"	 CROSS JOIN LATERAL perfeval_internal.monitor_cell('rate', nullif(btrim(m.\"执行率\"), '')) rt\n"
	"	 CROSS JOIN LATERAL (SELECT num_nonnulls(fu.sqlstate, d.sqlstate, b.sqlstate, ar.sqlstate, sp.sqlstate, rt.sqlstate) > 0 OR b.num IS NULL OR sp.num IS NULL AS bad) pb)\n"
	"SELECT r.*,\n"
	"	   CASE r.part WHEN 0 THEN r.fund_level WHEN 3 THEN r.fund_level\n"
	"		   WHEN 1 THEN CASE WHEN NOT bool_or(r.part = 0) OVER w THEN r.division_level END\n"
	"		   ELSE CASE WHEN NOT bool_or(r.part <> 2) OVER w THEN r.division_level END\n"
	"	   END AS stored_level\n"
	"  FROM r\n"
	"WINDOW w AS (PARTITION BY r.project_code, r.reported_on)";

/*
 * What the forms printed that their facts do not give, findings not
 * refusals (perfeval.monitoring_finding, read through perfeval.findings): a
 * 年度指标值 not the indicator's target; a total (财政拨款: its 其中 lines;
 * the total: the lines stored) not the sum of its parts; a printed 执行率
 * not 执行数 ÷ 全年预算数 to its printed decimals.
 */
static const char *const Q_MON_FINDINGS =
	"CREATE TEMP TABLE pe_mon_findings AS\n"
	"SELECT m.project_code, m.reported_on, m.code, 'target_differs'::text AS kind,\n"
	"	   format('%s 指标“%s”：监控表年度指标值为“%s”，指标目标为“%s”', m.reported_on, coalesce(m.name, m.icode),\n"
	"			  btrim(m.target_raw), m.target) AS detail\n"
	"  FROM pe_mon m\n"
	" WHERE m.code IS NOT NULL AND m.reported_on IS NOT NULL AND nullif(btrim(m.target_raw), '') IS NOT NULL\n"
	"   AND m.printed_target IS DISTINCT FROM m.target\n"
	"UNION ALL\n"
	"SELECT t.project_code, t.reported_on, NULL, 'money_total',\n"
	"	   format('%s %s：%s为%s%s，其组成合计%s%s', t.reported_on, btrim(t.source), c.label, trim_scale(c.printed), t.unit,\n"
	"			  trim_scale(c.total), t.unit)\n"
	"  FROM pe_money t\n"
	" CROSS JOIN LATERAL (SELECT count(*) AS n, sum(o.budget) AS budget, sum(o.arrived) AS arrived, sum(o.spent) AS spent\n"
	"					  FROM pe_money o WHERE o.project_code = t.project_code AND o.reported_on = t.reported_on\n"
	"					   AND CASE WHEN t.part = 1 THEN o.part = 0 ELSE o.stored_level IS NOT NULL END) s\n"
	" CROSS JOIN LATERAL (VALUES (1, '全年预算数', t.budget, s.budget), (2, '到位数', t.arrived, s.arrived),\n"
	"							(3, '执行数', t.spent, s.spent)) c(k, label, printed, total)\n"
	" WHERE t.part IN (1, 2) AND t.stored_level IS NULL AND s.n > 0 AND c.printed <> c.total\n"
	"UNION ALL\n"
	"SELECT r.project_code, r.reported_on, NULL, 'printed_rate',\n"
	"	   format('%s %s：执行率印为%s%%，执行数÷全年预算数=%s÷%s=%s%%', r.reported_on, btrim(r.source), r.rate,\n"
	"			  trim_scale(r.spent), trim_scale(r.budget), round(r.spent / r.budget * 100, r.rate_decimals))\n"
	"  FROM pe_money r\n"
	" WHERE r.rate IS NOT NULL AND r.budget > 0 AND r.spent IS NOT NULL\n"
	"   AND round(r.spent / r.budget * 100, r.rate_decimals) <> r.rate";

/*
 * The monitoring forms' problems: a project the warehouse does not have
 * (23503), or outside the loading scope of a role that staged it (42501);
 * an indicator row naming no indicator of the project (23503) or several
 * (22023), a cell the core cannot read, an actual missing where a forecast,
 * cause or likelihood is given (perfeval.actual holds a fact), a row given
 * twice; a money row's fund source, date, amounts, a level given twice.
 */
static const char *const Q_MON_PROBLEMS =
	"INSERT INTO perfeval.import_error (project_code, relation, line, column_name, value, sqlstate, message, hint)\n"
	"SELECT f.code, f.relation, f.line, '项目编码', f.code, '23503',\n"
	"	   format('monitoring form of project \"%s\", which the warehouse does not have', f.code),\n"
	"	   'A monitoring form (绩效监控表) reports on a project already loaded with its indicators (its self-evaluation form or its targets): load the project first, or correct 项目编码.'\n"
	"  FROM pe_mon_forms f WHERE NOT f.taken\n"
	"UNION ALL\n"
	"SELECT f.code, f.relation, f.line, NULL, NULL, '42501',\n"
	"	   format('role \"%s\" may not load project \"%s\"', CURRENT_USER, f.code),\n"
	"	   'A monitoring form is imported with the rights of the role that staged it: its loading grants must cover the project''s 主管部门 and 行政区划代码.  The warehouse''s owner grants loading with perfeval.grant_access(role, department, division_prefix, may_load => true).'\n"
	"  FROM pe_mon_forms f\n"
	" WHERE f.taken AND (NOT f.known OR NOT perfeval_internal.may_load(f.code))\n"
	"UNION ALL\n"
	"SELECT m.project_code, 'form_monitor', m.line, CASE WHEN m.icode IS NULL THEN '三级指标' ELSE '指标编码' END,\n"
	"	   coalesce(m.icode, m.name),\n"
	"	   CASE WHEN m.icode IS NULL AND m.name IS NULL THEN '23502' WHEN m.matches = 0 THEN '23503' ELSE '22023' END,\n"
	"	   CASE WHEN m.icode IS NULL AND m.name IS NULL THEN 'a monitoring row without 三级指标 or 指标编码'\n"
	"			WHEN m.matches = 0 THEN format('indicator \"%s\" is not one of project \"%s\"', coalesce(m.icode, m.name), m.project_code)\n"
	"			ELSE format('indicator \"%s\" names %s indicators of project \"%s\"', m.name, m.matches, m.project_code) END,\n"
	"	   CASE WHEN m.matches = 0 AND (m.icode IS NOT NULL OR m.name IS NOT NULL)\n"
	"			THEN 'Name the level-3 indicator as the project has it (perfeval.indicator''s name), or give its 指标编码.'\n"
	"			ELSE 'Give 三级指标 with its 一级指标 and 二级指标, or the indicator''s 指标编码.' END\n"
	"  FROM pe_mon m WHERE m.known AND m.code IS NULL\n"
	"UNION ALL\n"
	"SELECT m.project_code, 'form_monitor', m.line, pr.col, pr.val, pr.st, pr.msg, pr.hint\n"
	"  FROM pe_mon m CROSS JOIN LATERAL unnest(m.pcols, m.pvals, m.pstates, m.pmsgs, m.phints) AS pr(col, val, st, msg, hint)\n"
	" WHERE m.known AND pr.st IS NOT NULL\n"
	"UNION ALL\n"
	"SELECT m.project_code, 'form_monitor', m.line, '实际完成值', NULL, '23502',\n"
	"	   format('indicator \"%s\": a 全年预计完成值, 偏差原因 or 完成可能性 without the actual to the month', coalesce(m.icode, m.name)),\n"
	"	   'Give 1-N月实际完成值 (or the deviation''s explanation in 原因说明), or leave the row''s cells blank until it is measured.'\n"
	"  FROM pe_mon m\n"
	" WHERE m.known AND m.code IS NOT NULL AND m.measure IS NULL AND m.note IS NULL\n"
	"   AND num_nonnulls(m.forecast, m.cause, m.likelihood) > 0 AND m.pstates[4] IS NULL\n"
	"UNION ALL\n"
	"SELECT m.project_code, 'form_monitor', m.line, '三级指标', coalesce(m.icode, m.name), '23505',\n"
	"	   format('indicator \"%s\" is given twice at %s', coalesce(m.icode, m.name), m.reported_on),\n"
	"	   'One row per indicator and date: remove the other row.'\n"
	"  FROM (SELECT m.*, row_number() OVER (PARTITION BY m.project_code, m.code, m.reported_on ORDER BY m.line) AS nth\n"
	"		  FROM pe_mon m WHERE m.known AND m.code IS NOT NULL AND m.reported_on IS NOT NULL) m\n"
	" WHERE m.nth > 1\n"
	"UNION ALL\n"
	"SELECT r.project_code, 'form_monitor_money', r.line, pr.col, pr.val, pr.st, pr.msg, pr.hint\n"
	"  FROM pe_money r CROSS JOIN LATERAL unnest(r.pcols, r.pvals, r.pstates, r.pmsgs, r.phints) AS pr(col, val, st, msg, hint)\n"
	" WHERE r.known AND pr.st IS NOT NULL\n"
	"UNION ALL\n"
	"SELECT r.project_code, 'form_monitor_money', r.line, '资金来源', r.source, '23505',\n"
	"	   format('fund level %s is given twice at %s', r.stored_level, r.reported_on),\n"
	"	   'One row per fund source and date: remove the other row, or add them up.'\n"
	"  FROM (SELECT r.*, row_number() OVER (PARTITION BY r.project_code, r.stored_level, r.reported_on ORDER BY r.line) AS nth\n"
	"		  FROM pe_money r WHERE r.known AND r.stored_level IS NOT NULL AND r.reported_on IS NOT NULL) r\n"
	" WHERE r.nth > 1";

/*
 * A monitoring form staged by another role than the caller (the owner's
 * nightly run) is imported only inside that role's loading scope, as a
 * self-evaluation form (Q_OTHERS).
 */
static const char *const Q_MON_OTHERS =
	"INSERT INTO perfeval.import_error (project_code, relation, line, column_name, value, sqlstate, message, hint)\n"
	"SELECT f.code, f.relation, f.line, NULL, NULL, '42501',\n"
	"	   format('role \"%s\" may not load project \"%s\"', s.stager, f.code),\n"
	"	   format('The form was staged by role \"%s\" and is imported with its rights: its loading grants must cover the project''s 主管部门 and 行政区划代码.  The warehouse''s owner grants loading with perfeval.grant_access(role, department, division_prefix, may_load => true).', s.stager)\n"
	"  FROM pe_mon_forms f\n"
	" CROSS JOIN LATERAL (SELECT x.stager FROM unnest(f.stagers) x(stager)\n"
	"					  WHERE x.stager <> CURRENT_USER\n"
	"						AND NOT perfeval_internal.stager_may_load(x.stager, f.code, f.department, f.division_code)\n"
	"					  ORDER BY 1 LIMIT 1) s\n"
	" WHERE f.known\n"
	"   AND NOT EXISTS (SELECT FROM perfeval.import_error e WHERE e.project_code = f.code AND e.sqlstate = '42501')";

/* The problem-free monitoring forms, numbered as they are written. */
static const char *const Q_MON_OK =
	"CREATE TEMP TABLE pe_mon_ok AS\n"
	"SELECT row_number() OVER (ORDER BY f.line, f.code) AS ord, f.code, f.line, f.relation\n"
	"  FROM pe_mon_forms f\n"
	" WHERE NOT EXISTS (SELECT FROM perfeval.import_error e WHERE e.project_code = f.code)";

/*
 * A monitoring form's facts replace those of the same key: its indicators'
 * actuals at its dates, and its money at its dates (every fund level of
 * the project at that date: the form gives the money whole).  $1 the
 * chunk's project codes, $2 the keys its actuals replace (project, code,
 * date) and $3 those its money replaces (project, date), each joined by
 * \x01, a date as its day number (date::text is STABLE, its DateStyle's,
 * which Citus refuses in a DELETE): arrays, not joins with the temporary
 * tables, which Citus cannot plan in a DELETE of a distributed table.
 */
#define MON_KEY3(p, c, d) "(" p " || E'\\x01' || " c " || E'\\x01' || (" d " - date '2000-01-01')::text)"
#define MON_KEY2(p, d) "(" p " || E'\\x01' || (" d " - date '2000-01-01')::text)"
static const char *const mon_deletes[] = {
	"DELETE FROM perfeval.actual a\n"
	" WHERE a.project_id = ANY ($1) AND " MON_KEY3("a.project_id", "a.code", "a.reported_on") " = ANY ($2)",
	"DELETE FROM perfeval.execution e\n"
	" WHERE e.project_id = ANY ($1) AND " MON_KEY2("e.project_id", "e.reported_on") " = ANY ($3)",
	"DELETE FROM perfeval.monitoring_finding f\n"
	" WHERE f.project_id = ANY ($1)\n"
	"   AND CASE WHEN f.code IS NULL THEN " MON_KEY2("f.project_id", "f.reported_on") " = ANY ($3)\n"
	"			ELSE " MON_KEY3("f.project_id", "f.code", "f.reported_on") " = ANY ($2) END",
};
static const WriteStep mon_steps[] = {
	{"perfeval.actual", "project_id, code, reported_on, measure, deviation_note, cause, likelihood, forecast",
		"SELECT m.project_code, m.code, m.reported_on, m.measure, m.note, m.cause, m.likelihood, m.forecast\n"
		"  FROM pe_mon m JOIN pe_mon_ok k ON k.code = m.project_code\n"
		" WHERE k.ord BETWEEN $1 AND $2 AND num_nonnulls(m.measure, m.note) > 0\n"
		" ORDER BY m.project_code, m.code"},
	{"perfeval.execution", "project_id, department, fund_level, reported_on, unit, budget, arrived, spent",
		"SELECT r.project_code, r.department, r.stored_level, r.reported_on, r.unit, r.budget, r.arrived, r.spent\n"
		"  FROM pe_money r JOIN pe_mon_ok k ON k.code = r.project_code\n"
		" WHERE k.ord BETWEEN $1 AND $2 AND r.stored_level IS NOT NULL\n"
		" ORDER BY r.project_code, r.stored_level"},
	{"perfeval.monitoring_finding", "project_id, reported_on, code, kind, detail",
		"SELECT f.project_code, f.reported_on, f.code, f.kind, f.detail\n"
		"  FROM pe_mon_findings f JOIN pe_mon_ok k ON k.code = f.project_code\n"
		" WHERE k.ord BETWEEN $1 AND $2 ORDER BY f.project_code, f.reported_on, f.code, f.kind"},
};

/* Run sql (no parameters, or n of them); ERROR if SPI says it failed. */
static void
run(const char *sql, int n, Oid *types, Datum *values)
{
	int			rc = n > 0 ? SPI_execute_with_args(sql, n, types, values, NULL, false, 0)
		: SPI_execute(sql, false, 0);

	if (rc < 0)
		elog(ERROR, "perfeval: import_forms: %s: %s", SPI_result_code_string(rc), sql);
}

/* The one value of a one-row, one-column query (NULL: *isnull), copied out of SPI's memory. */
static Datum
value_of(const char *sql, int n, Oid *types, Datum *values, bool *isnull)
{
	bool		null;
	Datum		d;

	run(sql, n, types, values);
	if (SPI_processed != 1 || SPI_tuptable->tupdesc->natts != 1)
		elog(ERROR, "perfeval: import_forms: one value expected from: %s", sql);
	d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &null);
	if (isnull)
		*isnull = null;
	if (null)
		return (Datum) 0;
	{
		Form_pg_attribute att = TupleDescAttr(SPI_tuptable->tupdesc, 0);

		return SPI_datumTransfer(d, att->attbyval, att->attlen);
	}
}

static bool
true_of(const char *sql)
{
	bool		null;
	Datum		d = value_of(sql, 0, NULL, NULL, &null);

	return !null && DatumGetBool(d);
}

/*
 * Whether perfeval.project is a Citus distributed table (two statements:
 * the second is planned only where Citus's catalog exists).
 */
static bool
distributed(void)
{
	return true_of("SELECT to_regclass('pg_catalog.pg_dist_partition') IS NOT NULL") &&
		true_of("SELECT EXISTS (SELECT FROM pg_catalog.pg_dist_partition"
				" WHERE logicalrelid = 'perfeval.project'::regclass)");
}

/*
 * Insert the rows of query ($1 and $2: lo and hi) into target (cols).  On
 * one node, where row-level security does not apply to the caller, by
 * bulk_insert() (src/bulk.c): batches written as COPY writes them, each
 * batch's foreign keys checked and parents locked by one query, the kept
 * state recomputed once; NULL from it (a trigger or a table it does not
 * know) or row-level security: an INSERT ... SELECT.  On a Citus cluster,
 * where row-level security applies to the caller, multi-row INSERTs
 * (insert_rows(), src/stagebuf.c): Citus would COPY an INSERT ... SELECT's
 * rows to the shards, which row-level security refuses.  (Both are called
 * through SQL, with their declarations' settings.)
 */
static void
write_rows(const WriteStep *w, int64 lo, int64 hi)
{
	Oid			types[5] = {REGCLASSOID, TEXTOID, TEXTOID, INT8OID, INT8OID};
	Datum		args[5];
	Oid			target = DatumGetObjectId(DirectFunctionCall1(regclassin, CStringGetDatum(w->target)));
	bool		rls;
	bool		null;

	args[0] = ObjectIdGetDatum(target);
	args[1] = CStringGetTextDatum(w->cols);
	args[2] = CStringGetTextDatum(w->query);
	args[3] = Int64GetDatum(lo);
	args[4] = Int64GetDatum(hi);
	rls = DatumGetBool(value_of("SELECT row_security_active($1)", 1, types, args, NULL));
	/* (every target is co-located with project: distributed where it is) */
	if (on_cluster && (rls || by_insert))
	{
		run("SELECT perfeval_internal.insert_rows($1, $2, $3, $4, $5)", 5, types, args);
		return;
	}
	if (!on_cluster && !rls)
	{
		(void) value_of("SELECT perfeval_internal.bulk_insert($1, $2, $3, $4, $5)", 5, types, args, &null);
		if (!null)
			return;
	}
	run(psprintf("INSERT INTO %s (%s) %s", w->target, w->cols, w->query), 2, types + 3, args + 3);
}

/*
 * Write the problem-free forms numbered lo to hi (the temporary tables):
 * each replaces the project of its 项目编码 (the project and every fact of
 * it are deleted first), the kept state of the chunk's projects kept once,
 * at the end.
 */
static void
write_forms(int64 lo, int64 hi)
{
	Oid			types[2] = {INT8OID, INT8OID};
	Datum		range[2] = {Int64GetDatum(lo), Int64GetDatum(hi)};
	Oid			arrtype[1] = {TEXTARRAYOID};
	Datum		taken[1];

	/*
	 * the codes naming projects already there (pe_taken; an array: Citus
	 * cannot plan a DELETE joined with a temporary table)
	 */
	taken[0] = value_of("SELECT ARRAY(SELECT t.code FROM pe_taken t JOIN pe_forms s ON s.project_code = t.code"
						" WHERE s.ord BETWEEN $1 AND $2)", 2, types, range, NULL);
	run("SELECT perfeval_internal.keep_later()", 0, NULL, NULL);
	run("SELECT perfeval_internal.refuse_load(t.code)"
		" FROM pe_taken t JOIN pe_forms s ON s.project_code = t.code WHERE s.ord BETWEEN $1 AND $2 AND NOT t.may",
		2, types, range);
	run("DELETE FROM perfeval.project p WHERE p.project_id = ANY ($1)", 1, arrtype, taken);
	for (size_t i = 0; i < lengthof(write_steps); i++)
		write_rows(&write_steps[i], lo, hi);
	run("SELECT perfeval_internal.keep_now()", 0, NULL, NULL);
}

/*
 * Write the problem-free monitoring forms numbered lo to hi (pe_mon_ok):
 * the facts of the same keys deleted, the new ones written as the forms'
 * are (write_rows()), the kept state of their projects kept once.
 */
static void
write_monitoring(int64 lo, int64 hi)
{
	Oid			types[2] = {INT8OID, INT8OID};
	Datum		range[2] = {Int64GetDatum(lo), Int64GetDatum(hi)};

	Oid			arrtype[3] = {TEXTARRAYOID, TEXTARRAYOID, TEXTARRAYOID};
	Datum		keys[3];

	/* (the chunk's codes and keys as arrays: the facts' deletes go by their index) */
	keys[0] = value_of("SELECT ARRAY(SELECT k.code FROM pe_mon_ok k WHERE k.ord BETWEEN $1 AND $2)",
					   2, types, range, NULL);
	keys[1] = value_of("SELECT ARRAY(SELECT DISTINCT " MON_KEY3("m.project_code", "m.code", "m.reported_on")
					   " FROM pe_mon m JOIN pe_mon_ok k ON k.code = m.project_code WHERE k.ord BETWEEN $1 AND $2"
					   " AND m.code IS NOT NULL AND m.reported_on IS NOT NULL)", 2, types, range, NULL);
	keys[2] = value_of("SELECT ARRAY(SELECT DISTINCT " MON_KEY2("r.project_code", "r.reported_on")
					   " FROM pe_money r JOIN pe_mon_ok k ON k.code = r.project_code WHERE k.ord BETWEEN $1 AND $2"
					   " AND r.reported_on IS NOT NULL)", 2, types, range, NULL);
	run("SELECT perfeval_internal.keep_later()", 0, NULL, NULL);
	for (size_t i = 0; i < lengthof(mon_deletes); i++)
		run(mon_deletes[i], 3, arrtype, keys);
	for (size_t i = 0; i < lengthof(mon_steps); i++)
		write_rows(&mon_steps[i], lo, hi);
	run("SELECT perfeval_internal.keep_now()", 0, NULL, NULL);
}

/*
 * write (write_forms() or write_monitoring()) in a subtransaction: true if
 * it went in; else, for an error only the tables check (class 22 or 23,
 * 42501; on a Citus cluster also XX000, see write_range()), false with the
 * error in *edata (any other error is raised again).
 */
static bool
write_sub(void (*write) (int64, int64), int64 lo, int64 hi, ErrorData **edata)
{
	MemoryContext oldcontext = CurrentMemoryContext;
	ResourceOwner oldowner = CurrentResourceOwner;
	bool		ok = true;

	BeginInternalSubTransaction(NULL);
	MemoryContextSwitchTo(oldcontext);
	PG_TRY();
	{
		write(lo, hi);
		ReleaseCurrentSubTransaction();
		MemoryContextSwitchTo(oldcontext);
		CurrentResourceOwner = oldowner;
	}
	PG_CATCH();
	{
		ErrorData  *e;

		MemoryContextSwitchTo(oldcontext);
		e = CopyErrorData();
		FlushErrorState();
		RollbackAndReleaseCurrentSubTransaction();
		MemoryContextSwitchTo(oldcontext);
		CurrentResourceOwner = oldowner;
		if (ERRCODE_TO_CATEGORY(e->sqlerrcode) != ERRCODE_INTEGRITY_CONSTRAINT_VIOLATION &&
			ERRCODE_TO_CATEGORY(e->sqlerrcode) != ERRCODE_DATA_EXCEPTION &&
			e->sqlerrcode != ERRCODE_INSUFFICIENT_PRIVILEGE &&
			!(on_cluster && !by_insert && e->sqlerrcode == ERRCODE_INTERNAL_ERROR))
			ReThrowError(e);
		*edata = e;
		ok = false;
	}
	PG_END_TRY();
	return ok;
}

/* A form's error (select: its import_error row, $1 its number) recorded. */
static void
record_error(const char *select, int64 ord, ErrorData *e)
{
	Oid			types[4] = {INT8OID, TEXTOID, TEXTOID, TEXTOID};
	Datum		args[4];
	char		nulls[4] = {' ', ' ', ' ', ' '};

	args[0] = Int64GetDatum(ord);
	args[1] = CStringGetTextDatum(unpack_sql_state(e->sqlerrcode));
	args[2] = CStringGetTextDatum(e->message ? e->message : "");
	if (e->hint == NULL || e->hint[0] == '\0')
		nulls[3] = 'n';
	else
		args[3] = CStringGetTextDatum(e->hint);
	if (SPI_execute_with_args(psprintf("INSERT INTO perfeval.import_error (project_code, relation, line,"
									   " column_name, value, sqlstate, message, hint)%s", select),
							  4, types, args, nulls, false, 0) < 0)
		elog(ERROR, "perfeval: import_forms: could not record a form's error");
}

/*
 * The forms numbered lo to hi written by write, all in one subtransaction;
 * where that fails on a rule only the tables check, each half again, so
 * that a failing form is found in a few steps and rejected with its own
 * error (select: its import_error row) while the others go in (1.15 wrote
 * a failed chunk's forms again one by one).
 *
 * On a Citus cluster the owner's rows reach the shards by Citus's COPY,
 * which reports a shard's error without its SQLSTATE (XX000): a failing
 * form is then written once more by multi-row INSERTs, whose error keeps
 * it, and rejected with that error if it is a table's rule; anything else
 * is raised (1.15 failed the whole import on the first such form).
 */
static void
write_range(void (*write) (int64, int64), int64 lo, int64 hi, const char *select)
{
	ErrorData  *e;
	int64		mid;

	CHECK_FOR_INTERRUPTS();
	if (write_sub(write, lo, hi, &e))
		return;
	if (lo == hi && e->sqlerrcode == ERRCODE_INTERNAL_ERROR)
	{
		bool		ok;

		FreeErrorData(e);
		by_insert = true;
		ok = write_sub(write, lo, hi, &e);
		by_insert = false;
		if (ok)
			return;
	}
	if (lo == hi)
		record_error(select, lo, e);
	FreeErrorData(e);
	if (lo == hi)
		return;
	mid = lo + (hi - lo) / 2;
	write_range(write, lo, mid, select);
	write_range(write, mid + 1, hi, select);
}

/*
 * Forms written per subtransaction: 1,000 (another session sees the
 * progress at every chunk), and on a Citus cluster 160 for each shard of
 * perfeval.project.  There every chunk costs each shard a statement per
 * table and a recomputation of its kept state, whatever its rows: on the
 * test cluster (32 shards) 5,000 forms took a fifth less time in one chunk
 * than in chunks of 1,000 (docs/scale-out.md).  A failing chunk costs
 * little more than a small one (write_range()).
 */
static int64
chunk_size(void)
{
	int64		shards = 0;

	if (on_cluster)
		shards = DatumGetInt64(value_of("SELECT count(*) FROM pg_catalog.pg_dist_shard"
										" WHERE logicalrelid = 'perfeval.project'::regclass",
										0, NULL, NULL, NULL));
	return Max(1000, 160 * shards);
}

/*
 * The monitoring forms (1.16): read, checked (their problems into
 * import_error), and the problem-free ones written, in chunks in
 * subtransactions, a failing chunk again in halves.  After the
 * self-evaluation forms: a project and its monitoring may come in one run.
 */
static void
import_monitoring(TimestampTz t0)
{
	int64		n;
	Oid			arrtype[1] = {TEXTARRAYOID};
	Datum		known[1];

	if (!true_of("SELECT EXISTS (SELECT FROM perfeval_internal.staged_monitor)"
				 " OR EXISTS (SELECT FROM perfeval_internal.staged_monitor_money)"))
	{
		/*
		 * None staged: the rest is not run (nor planned: on a Citus cluster
		 * its statements cannot run yet, and a self-evaluation import must
		 * not fail for them); what the result reads of it, empty.
		 */
		run("CREATE TEMP TABLE pe_mon_known (project_id text)", 0, NULL, NULL);
		run("CREATE TEMP TABLE pe_mon_forms (code text)", 0, NULL, NULL);
		run("CREATE TEMP TABLE pe_mon_ind (project_id text)", 0, NULL, NULL);
		run("CREATE TEMP TABLE pe_mon (project_code text)", 0, NULL, NULL);
		run("CREATE TEMP TABLE pe_money (project_code text)", 0, NULL, NULL);
		run("CREATE TEMP TABLE pe_mon_ok (ord bigint)", 0, NULL, NULL);
		run("CREATE TEMP TABLE pe_mon_findings (project_code text)", 0, NULL, NULL);
		return;
	}
	known[0] = value_of(Q_MON_CODES, 0, NULL, NULL, NULL);
	run(Q_MON_KNOWN, 1, arrtype, known);
	run(Q_MON_FORMS, 1, arrtype, known);
	known[0] = value_of("SELECT ARRAY(SELECT f.code FROM pe_mon_forms f WHERE f.known)", 0, NULL, NULL, NULL);
	run(Q_MON_IND, 1, arrtype, known);
	run("CREATE INDEX ON pe_mon_ind (project_id, code)", 0, NULL, NULL);
	run("ANALYZE pe_mon_ind", 0, NULL, NULL);
	run(Q_MON, 0, NULL, NULL);
	run(Q_MONEY, 0, NULL, NULL);
	run(Q_MON_PROBLEMS, 0, NULL, NULL);
	if (true_of("SELECT EXISTS (SELECT FROM pe_mon_forms f WHERE f.stagers <> ARRAY[CURRENT_USER::name])"))
		run(Q_MON_OTHERS, 0, NULL, NULL);
	run(Q_MON_OK, 0, NULL, NULL);
	/* (found by their form: the findings' sums, the writes by chunk) */
	run("CREATE INDEX ON pe_money (project_code, reported_on)", 0, NULL, NULL);
	run("CREATE INDEX ON pe_mon (project_code, code)", 0, NULL, NULL);
	run("CREATE INDEX ON pe_mon_ok (ord)", 0, NULL, NULL);
	run("ANALYZE pe_mon, pe_money, pe_mon_ok", 0, NULL, NULL);
	run(Q_MON_FINDINGS, 0, NULL, NULL);
	run("CREATE INDEX ON pe_mon_findings (project_code)", 0, NULL, NULL);
	n = DatumGetInt64(value_of("SELECT count(*) FROM pe_mon_ok", 0, NULL, NULL, NULL));
	for (int64 k = 1, size = chunk_size(); k <= n; k += size)
	{
		int64		hi = Min(k + size - 1, n);

		write_range(write_monitoring, k, hi, " SELECT f.code, f.relation, f.line, NULL, NULL, $2, $3, $4"
					" FROM pe_mon_ok f WHERE f.ord = $1");
		pe_import_progress("writing monitoring forms", hi, n, t0);
	}
}

/* The temporary tables of an earlier call of this session, if any, dropped. */
static void
drop_temps(bool only_existing)
{
	for (size_t i = 0; i < lengthof(temps); i++)
	{
		if (only_existing &&
			!true_of(psprintf("SELECT to_regclass('pg_temp.%s') IS NOT NULL", temps[i])))
			continue;
		run(psprintf("DROP TABLE pg_temp.%s", temps[i]), 0, NULL, NULL);
	}
}

PG_FUNCTION_INFO_V1(pe_import_forms);

/*
 * perfeval.import_forms() RETURNS TABLE (project_code text, status text,
 * indicators int, errors int): move every staged form into the warehouse;
 * a form with any problem is rejected whole (its problems in
 * perfeval.import_error) and stays staged.
 */
Datum
pe_import_forms(PG_FUNCTION_ARGS)
{
	TimestampTz t0 = GetCurrentTimestamp();
	TupleDesc	outdesc;
	Tuplestorestate *ts = pe_begin_set(fcinfo, 4, "import_forms()", &outdesc);
	Oid			arrtype[1] = {TEXTARRAYOID};
	Datum		codes[1];
	int64		n;

	SPI_connect();

	/*
	 * The statements are this library's: they name the catalog of its own
	 * release.  A database whose extension is of another (the library was
	 * updated, ALTER EXTENSION not yet run) is told so, not given a
	 * half-run import.
	 */
	{
		bool		null;
		Datum		v = value_of("SELECT extversion FROM pg_catalog.pg_extension WHERE extname = 'perfeval'",
								 0, NULL, NULL, &null);
		char	   *db = null ? pstrdup("?") : TextDatumGetCString(v);

		if (strcmp(db, PERFEVAL_VERSION) != 0)
			ereport(ERROR,
					(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
					 errmsg("perfeval's library is release %s, this database's extension release %s",
							PERFEVAL_VERSION, db),
					 errdetail("import_forms() runs the statements of the library's release."),
					 errhint("Update the extension: ALTER EXTENSION perfeval UPDATE.")));
	}
	on_cluster = distributed();
	by_insert = false;

	/*
	 * a form staged again replaces what was staged of it before (nothing to
	 * replace where every row is of one batch: one file's COPY)
	 */
	for (size_t i = 0; i < lengthof(staging); i++)
	{
		if (!true_of(psprintf("SELECT min(t.batch) IS DISTINCT FROM max(t.batch) FROM perfeval_internal.%s t",
							  staging[i])))
			continue;
		run(psprintf("DELETE FROM perfeval_internal.%s s USING (SELECT t.\"项目编码\" AS code, max(t.batch) AS b"
					 " FROM perfeval_internal.%s t GROUP BY 1) m WHERE s.\"项目编码\" = m.code AND s.batch < m.b",
					 staging[i], staging[i]), 0, NULL, NULL);
	}
	/* the planner's statistics of what was just staged */
	run("SELECT perfeval_internal.analyze_staging()", 0, NULL, NULL);
	drop_temps(true);

	/*
	 * the staged forms (a code of checklist, survey or goal rows alone is a
	 * form too: its rows' problems are its, replaced by the next run's)
	 */
	run(Q_IMPORT_FORMS, 0, NULL, NULL);
	/* the problems of this run replace those of earlier runs of the same forms */
	codes[0] = value_of("SELECT ARRAY(SELECT f.code FROM pe_import_forms f WHERE f.code IS NOT NULL)",
						0, NULL, NULL, NULL);
	run("DELETE FROM perfeval.import_error e WHERE e.project_code = ANY ($1)", 1, arrtype, codes);
	if (true_of("SELECT EXISTS (SELECT FROM pe_import_forms f WHERE f.code IS NULL)"))
		run("DELETE FROM perfeval.import_error e WHERE e.project_code IS NULL", 0, NULL, NULL);
	if (!true_of("SELECT EXISTS (SELECT FROM pe_import_forms)"))
		ereport(NOTICE,
				(errmsg("import_forms: nothing is staged"),
				 errhint("Stage forms first: perfeval.stage_file(), or \\copy into perfeval.form_project and perfeval.form_indicator.")));

	/*
	 * the staged forms' project rows and indicator rows, each read once by
	 * the core's form reader (typed, the national defaults applied, their
	 * problems named; the indicator rows in form order, with progress); of
	 * the indicator rows only the columns the checks and the writes use
	 */
	run("CREATE TEMP TABLE pe_projects AS SELECT * FROM perfeval_internal.form_projects()", 0, NULL, NULL);
	run(Q_IROWS, 0, NULL, NULL);
	run("ANALYZE pe_irows", 0, NULL, NULL);

	/*
	 * the checklist points and survey answers, read by the core, each with
	 * the code of the indicator it scores (none: a problem), found by its
	 * form
	 */
	run(Q_POINTS, 0, NULL, NULL);
	run(Q_ANSWERS, 0, NULL, NULL);
	n = DatumGetInt64(value_of("SELECT count(*) FROM pe_import_forms", 0, NULL, NULL, NULL));
	pe_import_progress("checking forms", n, -1, t0);
	run(Q_PROBLEMS, 0, NULL, NULL);
	if (on_cluster)
		run(Q_UNREACHABLE, 0, NULL, NULL);

	/*
	 * a form staged by another role than the caller (the owner's nightly run
	 * sees every loader's staged rows) is imported with the rights of
	 * whoever staged it (1.15): only inside the loading scope of every role
	 * that staged a row of it -- the project it replaces and the one it
	 * writes -- else it is rejected with 42501 and stays staged.  (Nothing to
	 * check for the caller's own rows, the only ones a loader sees: its
	 * writes go through row-level security.)
	 */
	if (true_of(Q_OTHERS_EXIST))
		run(Q_OTHERS, 0, NULL, NULL);

	/* the forms to write, numbered in form order, as they will be written */
	run(Q_FORMS, 0, NULL, NULL);
	run("CREATE INDEX ON pe_forms (ord)", 0, NULL, NULL);

	/*
	 * the projects the forms replace, and whether the caller may load them:
	 * read before anything is written (on a Citus cluster the owner, who
	 * reads the scope, may not read the shards once the caller wrote them)
	 */
	run(Q_TAKEN, 0, NULL, NULL);
	if (true_of("SELECT EXISTS (SELECT FROM pe_forms f WHERE NOT f.scheme_given)"
				" AND NOT EXISTS (SELECT FROM perfeval.scheme sc WHERE sc.scheme_id = 'national_self')"))
		run("SELECT perfeval_internal.ensure_national_self()", 0, NULL, NULL);
	/* the forms' indicator rows, checklist points and survey answers, found by their form */
	run("CREATE INDEX ON pe_irows (project_code)", 0, NULL, NULL);
	run("CREATE INDEX ON pe_points (project_code)", 0, NULL, NULL);
	run("CREATE INDEX ON pe_answers (project_code)", 0, NULL, NULL);
	run("ANALYZE pe_forms, pe_points, pe_answers", 0, NULL, NULL);

	n = DatumGetInt64(value_of("SELECT count(*) FROM pe_forms", 0, NULL, NULL, NULL));
	for (int64 k = 1, size = chunk_size(), noticed = 0; k <= n; k += size)
	{
		int64		hi = Min(k + size - 1, n);

		write_range(write_forms, k, hi, " SELECT f.project_code, 'form_project', f.line, NULL, NULL, $2, $3, $4"
					" FROM pe_forms f WHERE f.ord = $1");

		/*
		 * where it is, for another session (pg_stat_activity.query), every
		 * chunk; a NOTICE every 10,000 forms (or chunk, if larger)
		 */
		pe_import_progress("writing forms", hi, n, t0);
		if (n >= 10000 && (hi - noticed >= 10000 || hi >= n))
		{
			long		secs;
			int			usecs;
			double		elapsed;

			TimestampDifference(t0, GetCurrentTimestamp(), &secs, &usecs);
			elapsed = Max(secs + usecs / 1e6, 0.001);
			ereport(NOTICE,
					(errmsg("import_forms: %lld of %lld forms written, %.0f forms/s",
							(long long) hi, (long long) n, hi / elapsed)));
			noticed = hi;
		}
	}

	/* the monitoring forms (绩效监控表, 1.16) */
	import_monitoring(t0);

	/* imported forms leave the staging relations */
	codes[0] = value_of("SELECT ARRAY(SELECT f.code FROM pe_import_forms f"
						" WHERE NOT EXISTS (SELECT FROM perfeval.import_error e WHERE e.project_code = f.code))",
						0, NULL, NULL, NULL);
	for (size_t i = 0; i < lengthof(staging); i++)
		run(psprintf("DELETE FROM perfeval_internal.%s s WHERE s.\"项目编码\" = ANY ($1)", staging[i]),
			1, arrtype, codes);

	/* what became of each form */
	run(Q_RESULT, 0, NULL, NULL);
	for (uint64 i = 0; i < SPI_processed; i++)
	{
		Datum		v[4];
		bool		isnull[4];

		heap_deform_tuple(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, v, isnull);
		tuplestore_putvalues(ts, outdesc, v, isnull);
	}
	drop_temps(false);
	SPI_finish();
	return (Datum) 0;
}
