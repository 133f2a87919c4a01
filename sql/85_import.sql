-- Section 85: importing the budget system's self-evaluation exports
-- (项目支出绩效自评表).
--
-- perfeval.form_project, form_indicator, form_checklist, form_survey and
-- form_goal (年度总体目标, 1.16) have the form's headers as their columns (all text), so an export saved as CSV
-- loads as it is with \copy ... WITH (FORMAT csv, HEADER match).  They are
-- views over perfeval_internal.staged_*: an INSTEAD OF INSERT trigger keeps
-- each row with its line in the file (header = line 1, a quoted field's
-- line breaks counted), and a form staged again (the corrected file loaded
-- once more) replaces what was staged of it before.  The views are simply
-- updatable: a form can be corrected in place or deleted.
--
-- perfeval.import_forms() moves every staged form into the warehouse, one
-- subtransaction per form: a form with any problem is rejected whole, its
-- problems in perfeval.import_error (one row each: line, column, value,
-- SQLSTATE, message, hint), and stays staged; every other form replaces the
-- project of its 项目编码 entirely and leaves the staging relations.

CREATE TABLE perfeval_internal.staged_project (
	line int NOT NULL,
	batch bigint NOT NULL,
	"项目编码" text, "项目名称" text, "年度" text, "行政区划代码" text, "主管部门" text,
	"实施单位" text, "评价类型" text, "评分方案" text, "金额单位" text, "年初预算数" text,
	"全年预算数" text, "实际到位数" text, "全年执行数" text, "预算执行率分值" text,
	"预算执行率得分" text, "总分" text, "评价等级" text,
	staged_by name NOT NULL DEFAULT CURRENT_USER
);
CREATE TABLE perfeval_internal.staged_indicator (
	line int NOT NULL,
	batch bigint NOT NULL,
	"项目编码" text, "一级指标" text, "二级指标" text, "三级指标" text, "指标性质" text,
	"指标值" text, "度量单位" text, "分值" text, "实际完成值" text, "得分" text,
	"偏差原因分析及改进措施" text,
	staged_by name NOT NULL DEFAULT CURRENT_USER
);
CREATE TABLE perfeval_internal.staged_checklist (
	line int NOT NULL,
	batch bigint NOT NULL,
	"项目编码" text, "三级指标" text, "评价要点" text, "要点分值" text, "扣分" text, "扣分理由" text,
	staged_by name NOT NULL DEFAULT CURRENT_USER
);
CREATE TABLE perfeval_internal.staged_survey (
	line int NOT NULL,
	batch bigint NOT NULL,
	"项目编码" text, "三级指标" text, "选项" text, "人数" text, "系数" text,
	staged_by name NOT NULL DEFAULT CURRENT_USER
);
CREATE TABLE perfeval_internal.staged_goal (
	line int NOT NULL,
	batch bigint NOT NULL,
	"项目编码" text, "年度总体目标" text, "实际完成情况" text,
	staged_by name NOT NULL DEFAULT CURRENT_USER
);
CREATE SEQUENCE perfeval_internal.staged_batch;

CREATE VIEW perfeval.form_project WITH (security_invoker = true) AS
SELECT "项目编码", "项目名称", "年度", "行政区划代码", "主管部门", "实施单位", "评价类型", "评分方案",
	   "金额单位", "年初预算数", "全年预算数", "实际到位数", "全年执行数", "预算执行率分值",
	   "预算执行率得分", "总分", "评价等级"
  FROM perfeval_internal.staged_project;
CREATE VIEW perfeval.form_indicator WITH (security_invoker = true) AS
SELECT "项目编码", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "分值",
	   "实际完成值", "得分", "偏差原因分析及改进措施"
  FROM perfeval_internal.staged_indicator;
CREATE VIEW perfeval.form_checklist WITH (security_invoker = true) AS
SELECT "项目编码", "三级指标", "评价要点", "要点分值", "扣分", "扣分理由"
  FROM perfeval_internal.staged_checklist;
CREATE VIEW perfeval.form_survey WITH (security_invoker = true) AS
SELECT "项目编码", "三级指标", "选项", "人数", "系数"
  FROM perfeval_internal.staged_survey;
-- 年度总体目标 (optional, 1.16): the goal set (预期目标) and what was done
CREATE VIEW perfeval.form_goal WITH (security_invoker = true) AS
SELECT "项目编码", "年度总体目标", "实际完成情况"
  FROM perfeval_internal.staged_goal;

-- One row per staged row: its line and batch (the statement that staged it).
CREATE VIEW perfeval.staged_lines WITH (security_invoker = true) AS
SELECT 'form_project'::text AS relation, "项目编码" AS project_code, line, batch FROM perfeval_internal.staged_project
UNION ALL SELECT 'form_indicator', "项目编码", line, batch FROM perfeval_internal.staged_indicator
UNION ALL SELECT 'form_checklist', "项目编码", line, batch FROM perfeval_internal.staged_checklist
UNION ALL SELECT 'form_survey', "项目编码", line, batch FROM perfeval_internal.staged_survey
UNION ALL SELECT 'form_goal', "项目编码", line, batch FROM perfeval_internal.staged_goal;

-- Staging a row is one heap insert, in C (src/form.c): the line counter
-- belongs to the statement (its transaction and start time), the next line
-- is the last one plus the line breaks inside this row's fields.  A form
-- staged again is a newer batch of it: import_forms() keeps only a form's
-- newest batch in each relation.  (The staging tables have no index: the
-- import reads them whole.)
CREATE FUNCTION perfeval_internal.stage_row() RETURNS trigger
	LANGUAGE C AS 'MODULE_PATHNAME', 'pe_stage_row';
CREATE TRIGGER stage_row INSTEAD OF INSERT ON perfeval.form_project
	FOR EACH ROW EXECUTE FUNCTION perfeval_internal.stage_row();
CREATE TRIGGER stage_row INSTEAD OF INSERT ON perfeval.form_indicator
	FOR EACH ROW EXECUTE FUNCTION perfeval_internal.stage_row();
CREATE TRIGGER stage_row INSTEAD OF INSERT ON perfeval.form_checklist
	FOR EACH ROW EXECUTE FUNCTION perfeval_internal.stage_row();
CREATE TRIGGER stage_row INSTEAD OF INSERT ON perfeval.form_survey
	FOR EACH ROW EXECUTE FUNCTION perfeval_internal.stage_row();
CREATE TRIGGER stage_row INSTEAD OF INSERT ON perfeval.form_goal
	FOR EACH ROW EXECUTE FUNCTION perfeval_internal.stage_row();
-- On a Citus cluster the staging tables are reference tables: the rows go
-- to every placement in batches (src/stagebuf.c), the last one when the
-- statement ends.  (On one node there is nothing to write here.)
CREATE FUNCTION perfeval_internal.stage_flush() RETURNS trigger
	LANGUAGE C AS 'MODULE_PATHNAME', 'pe_stage_flush';
CREATE TRIGGER stage_flush AFTER INSERT ON perfeval.form_project
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.stage_flush();
CREATE TRIGGER stage_flush AFTER INSERT ON perfeval.form_indicator
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.stage_flush();
CREATE TRIGGER stage_flush AFTER INSERT ON perfeval.form_checklist
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.stage_flush();
CREATE TRIGGER stage_flush AFTER INSERT ON perfeval.form_survey
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.stage_flush();
CREATE TRIGGER stage_flush AFTER INSERT ON perfeval.form_goal
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.stage_flush();

CREATE TABLE perfeval.import_error (
	project_code text,
	relation text NOT NULL,
	line int,
	column_name text,
	value text,
	sqlstate text NOT NULL,
	message text NOT NULL,
	hint text,
	logged_at timestamptz NOT NULL DEFAULT statement_timestamp(),
	logged_by name NOT NULL DEFAULT CURRENT_USER
);
CREATE INDEX ON perfeval.import_error (project_code);

-- Who stages and imports: the warehouse's owner, and every role granted
-- loading (grant_access(..., may_load => true)).  A staged row belongs to
-- the role that staged it (staged_by, set by the staging trigger, not by
-- the row's writer) and a problem to the role whose import found it
-- (logged_by): a loader sees, corrects and imports only its own forms and
-- problems (the owner sees all), and import_forms() writes as its caller,
-- through the tables' row-level security, so that a form outside the
-- caller's loading scope is rejected with 42501 and changes nothing.  The
-- views over the staging are security_invoker: these policies hold through
-- them too.
DO $$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['staged_project', 'staged_indicator', 'staged_checklist', 'staged_survey', 'staged_goal'] LOOP
		EXECUTE format('ALTER TABLE perfeval_internal.%I ENABLE ROW LEVEL SECURITY', t);
		EXECUTE format('CREATE POLICY own_rows ON perfeval_internal.%I
						USING (staged_by = CURRENT_USER) WITH CHECK (staged_by = CURRENT_USER)', t);
	END LOOP;
END $$;
ALTER TABLE perfeval.import_error ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_rows ON perfeval.import_error
	USING (logged_by = CURRENT_USER) WITH CHECK (logged_by = CURRENT_USER);

-- The planner's statistics of what was just staged, whoever staged it
-- (ANALYZE is the tables' owner's).  On a Citus cluster the staging is read
-- by one query per placement, planned where the placement is (its
-- statistics are its node's): nothing to do, and Citus cannot ANALYZE a
-- reference table in a transaction that already wrote it.  (A small
-- sample: the import reads the staging whole, by scans and sorts, and needs
-- its size and its number of forms, not its values' distribution; the
-- default sample took 1.4 s to 4.7 s at 100,000 forms, 1.16.)
CREATE FUNCTION perfeval_internal.analyze_staging() RETURNS void
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET default_statistics_target = 10
AS $$
BEGIN
	IF to_regclass('pg_catalog.pg_dist_partition') IS NOT NULL THEN
		-- (a separate statement: planned only where Citus's catalog exists)
		IF EXISTS (SELECT FROM pg_catalog.pg_dist_partition
				   WHERE logicalrelid = 'perfeval_internal.staged_indicator'::regclass) THEN
			RETURN;
		END IF;
	END IF;
	ANALYZE perfeval_internal.staged_project, perfeval_internal.staged_indicator,
		perfeval_internal.staged_checklist, perfeval_internal.staged_survey, perfeval_internal.staged_goal;
END $$;

-- (Loaders' only: granted by grant_import(), section 48.)
REVOKE ALL ON FUNCTION perfeval_internal.analyze_staging() FROM PUBLIC;

-- Forms waiting for correction and their problems survive pg_dump.
SELECT pg_catalog.pg_extension_config_dump('perfeval_internal.staged_project', '');
SELECT pg_catalog.pg_extension_config_dump('perfeval_internal.staged_indicator', '');
SELECT pg_catalog.pg_extension_config_dump('perfeval_internal.staged_checklist', '');
SELECT pg_catalog.pg_extension_config_dump('perfeval_internal.staged_survey', '');
SELECT pg_catalog.pg_extension_config_dump('perfeval_internal.staged_goal', '');
SELECT pg_catalog.pg_extension_config_dump('perfeval_internal.staged_batch', '');
SELECT pg_catalog.pg_extension_config_dump('perfeval.import_error', '');

-- The national self-evaluation form's scheme: the national rules with the
-- execution rate over 全年预算数, as the form prints it.  Created by the
-- first import that needs it (then it is the user's row: dumped, editable).
-- (As the extension's owner: nobody else writes schemes, and the row is fixed.)
CREATE FUNCTION perfeval_internal.ensure_national_self() RETURNS void
	LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
	BEGIN ATOMIC
		INSERT INTO perfeval.scheme (scheme_id, name, execution_base)
		VALUES ('national_self', '全国项目支出绩效自评表（执行率以全年预算为分母）', 'budget')
		ON CONFLICT (scheme_id) DO NOTHING;
	END;
REVOKE ALL ON FUNCTION perfeval_internal.ensure_national_self() FROM PUBLIC;

-- A decimal as a form writes it ("1,234.5", full-width digits, spaces);
-- NULL for an empty field; 22P02 for anything else (src/pe_parse.c).
CREATE FUNCTION perfeval_internal.form_number(v text) RETURNS numeric
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE AS 'MODULE_PATHNAME', 'pe_form_number';

-- What a field of a form is, or why it is not: one parse, its error kept
-- (in C: no subtransaction per field).
CREATE TYPE perfeval_internal.parsed AS (num numeric, tgt perfeval.target, msr perfeval.measure,
	sqlstate text, message text, hint text);
CREATE FUNCTION perfeval_internal.form_parse(v text, kind text) RETURNS perfeval_internal.parsed
	LANGUAGE C IMMUTABLE PARALLEL SAFE AS 'MODULE_PATHNAME', 'pe_form_parse';

-- A row judged by its printed score: 得分 ÷ 分值 in percent (six decimals,
-- rounded up, so that it gives the printed score back) and the scheme's tier
-- of it (src/pe_eval.c, pe_judged_by_score()); NULLs when it cannot be.
CREATE FUNCTION perfeval_internal.judged_by_score(score numeric, weight numeric, rules perfeval.rules,
		OUT fraction numeric, OUT tier text)
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE AS 'MODULE_PATHNAME', 'pe_judged_by_score_sql';

-- A staged form's project row as the import writes it, read by the core
-- (src/pe_form.c, pe_form_read_project(), 1.16): the national defaults
-- (评价类型 单位自评, 评分方案 national_self, 金额单位 万元), an empty 主管部门
-- taken from the 实施单位 (department_from_unit), the execution-rate row's
-- offset (offs: 1 when 预算执行率分值 is above 0, the form's rows then coded
-- from B), the money and scores as numbers, the money's fund level (by the
-- division's level), the report date of its actuals (the year's end) and
-- the execution-rate row's code, names and target (exec_*), and each
-- field's problem (the problem_* arrays, in step: column, value, SQLSTATE,
-- message, hint).  forms
-- and nth: how many rows were staged for its 项目编码, and which this is.  As
-- its caller (the staging's policies apply).
CREATE FUNCTION perfeval_internal.form_projects(OUT line int, OUT project_code text, OUT forms bigint,
		OUT nth bigint, OUT name text, OUT year int, OUT division_code text, OUT department text,
		OUT implementing_unit text, OUT department_from_unit boolean, OUT evaluation_kind text,
		OUT scheme_id text, OUT scheme_given boolean, OUT money_unit text, OUT initial_budget numeric,
		OUT budget numeric, OUT arrived numeric, OUT spent numeric, OUT execution_weight numeric,
		OUT execution_score numeric, OUT printed_total numeric, OUT printed_grade text, OUT offs int,
		OUT fund_level text, OUT reported_on date, OUT exec_code text, OUT exec_level1 text,
		OUT exec_level2 text, OUT exec_name text, OUT exec_target text, OUT problem_columns text[],
		OUT problem_values text[], OUT problem_states text[], OUT problem_messages text[],
		OUT problem_hints text[]) RETURNS SETOF record
	LANGUAGE C STABLE PARALLEL RESTRICTED AS 'MODULE_PATHNAME', 'pe_form_projects';

-- A staged form's checklist points and survey answers, read by the core
-- (src/pe_form.c, pe_form_read_points() and pe_form_read_answers(), 1.16):
-- per form and 三级指标 in line order, a point numbered from 1, its 评价要点
-- and 扣分理由 stripped, its 要点分值 and 扣分 read as form numbers (扣分
-- not written: 0); an answer's option from its label (很满意 1, 基本满意 3 …)
-- or its place, its 人数 a whole number, its 系数 (empty: the scheme's); and
-- each field's problem (the problem_* arrays).  As its caller (the
-- staging's policies apply).
CREATE FUNCTION perfeval_internal.form_points(OUT line int, OUT project_code text, OUT name text,
		OUT point_no int, OUT description text, OUT points numeric, OUT deduction numeric, OUT reason text,
		OUT problem_columns text[], OUT problem_values text[], OUT problem_states text[],
		OUT problem_messages text[], OUT problem_hints text[]) RETURNS SETOF record
	LANGUAGE C STABLE PARALLEL RESTRICTED AS 'MODULE_PATHNAME', 'pe_form_points';
CREATE FUNCTION perfeval_internal.form_answers(OUT line int, OUT project_code text, OUT name text,
		OUT option_no int, OUT option_label text, OUT respondents int, OUT coefficient numeric,
		OUT problem_columns text[], OUT problem_values text[], OUT problem_states text[],
		OUT problem_messages text[], OUT problem_hints text[]) RETURNS SETOF record
	LANGUAGE C STABLE PARALLEL RESTRICTED AS 'MODULE_PATHNAME', 'pe_form_answers';
COMMENT ON FUNCTION perfeval_internal.form_points() IS '暂存表单的评价要点（核心读取：编号、数字、逐字段问题） / The staged forms'' checklist points as the core reads them: numbered, their numbers read, each field''s problem';
COMMENT ON FUNCTION perfeval_internal.form_answers() IS '暂存表单的满意度调查（核心读取：选项、人数、系数、逐字段问题） / The staged forms'' survey answers as the core reads them: option, respondents, coefficient, each field''s problem';

-- The comparator a form writes in 指标性质 (or in front of 指标值): one of
-- the targets' own spellings (the core's), or NULL.
CREATE FUNCTION perfeval_internal.form_comparator(v text) RETURNS text
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE AS 'MODULE_PATHNAME', 'pe_form_comparator_text';

-- A form row's target (指标性质, 指标值, 度量单位 composed; a date without
-- its year in the form's 年度: 12月底前 -> 2024年12月底前) and its actual (a
-- comparator repeating the target's dropped), as the warehouse reads them
-- (the rules: pe_form_target() and pe_form_actual(), src/pe_parse.c).
CREATE FUNCTION perfeval_internal.form_target(nature text, value text, unit text, year text) RETURNS text
	LANGUAGE C IMMUTABLE PARALLEL SAFE AS 'MODULE_PATHNAME', 'pe_form_target_text';
CREATE FUNCTION perfeval_internal.form_actual(actual text, nature text, value text, year text) RETURNS text
	LANGUAGE C IMMUTABLE PARALLEL SAFE AS 'MODULE_PATHNAME', 'pe_form_actual_text';

-- Every staged indicator row of a form, as it will be written, read by the
-- core's form reader (src/pe_form.c, 1.16): a merged cell's blank 一级指标
-- or 二级指标 inherits the row above, a level-1 cell's points (产出指标（50分）)
-- go to level1_points, a row with no 三级指标 and nothing but marks (/ —
-- 无 …) is no row, a row with a mark in 指标值, 实际完成值, 分值 or 得分
-- does not apply (unless it prints a 得分 of its 分值), a note of 0 or 无
-- is none; a form of more rows than a project holds is not read (one row,
-- too_large).  Its code in
-- form order (level 1 a letter -- after A, the execution-rate row's, when
-- the form has one -- level 2 and 3 their numbers within it), the target
-- and actual as the warehouse reads them, each field parsed, where its
-- score comes from, its scoring method (in 指标性质's brackets, 1.12) and
-- whether it applies (实际完成值 不适用: not, 1.12).  The fields' values
-- are plain columns (weight, score, tgt, msr); weight_p, score_p, target_p,
-- actual_p and method_p hold a field's error, NULL when it has none (1.13).  One pass in C (src/formrows.c): the staged rows read
-- in form order, each form's rows numbered in memory; as its caller (the
-- staging's policies apply).  form_rows(narrow => true), the import's,
-- leaves what it neither writes nor checks NULL: the texts as written and
-- the fields' errors (among the problem_* arrays already), 1.16.
CREATE FUNCTION perfeval_internal.form_rows(narrow boolean DEFAULT false, OUT line int, OUT project_code text, OUT level1 text,
		OUT level2 text, OUT name text, OUT weight_text text, OUT score_text text, OUT note text,
		OUT nature text, OUT target_raw text, OUT actual_raw text, OUT qualitative boolean,
		OUT target_text text, OUT actual_text text, OUT offs int, OUT has_checklist boolean,
		OUT has_survey boolean, OUT ordinal bigint, OUT occurrence bigint, OUT l1_first int,
		OUT l2_first int, OUT l1n bigint, OUT l2n bigint, OUT l3n bigint,
		OUT weight_p perfeval_internal.parsed, OUT score_p perfeval_internal.parsed,
		OUT target_p perfeval_internal.parsed, OUT actual_p perfeval_internal.parsed,
		OUT code text, OUT seq bigint, OUT source text, OUT method_raw text,
		OUT method_p perfeval_internal.parsed, OUT applicable boolean, OUT weight numeric,
		OUT score numeric, OUT tgt perfeval.target, OUT msr perfeval.measure,
		OUT form_rows int, OUT form_weighted int, OUT too_large boolean, OUT level1_points numeric,
		OUT weight_mark boolean, OUT problem_columns text[], OUT problem_values text[],
		OUT problem_states text[], OUT problem_messages text[], OUT problem_hints text[]) RETURNS SETOF record
	LANGUAGE C STABLE PARALLEL RESTRICTED AS 'MODULE_PATHNAME', 'pe_form_rows';

-- Where the import is, for another session: pg_stat_activity.query of the
-- importing backend reads "perfeval import_forms: writing, 3000 of 200000
-- forms, 1234 forms/s" (src/formread.c; form_rows() reports as it reads).
CREATE FUNCTION perfeval_internal.import_progress(phase text, done bigint, total bigint, started timestamptz)
	RETURNS void LANGUAGE C STRICT VOLATILE AS 'MODULE_PATHNAME', 'pe_import_progress_sql';
CREATE VIEW perfeval_internal.form_indicator_rows WITH (security_invoker = true) AS
SELECT * FROM perfeval_internal.form_rows();

-- The problems of every staged form: one row each, as import_error keeps
-- them.  (Over import_forms()'s pe_irows, the staged indicator rows read
-- once: form_indicator_rows.)
CREATE FUNCTION perfeval_internal.form_problems() RETURNS TABLE (project_code text, relation text, line int,
		column_name text, value text, sqlstate text, message text, hint text)
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
BEGIN
	RETURN QUERY
WITH f AS NOT MATERIALIZED (SELECT * FROM pg_temp.pe_projects),
i AS NOT MATERIALIZED (SELECT * FROM pg_temp.pe_irows)
SELECT f.project_code, 'form_project' AS relation, f.line, '项目编码' AS column_name,
	   f.project_code AS value, '23505' AS sqlstate,
	   format('project "%s" has more than one form', f.project_code) AS message,
	   'One row per form in form_project: remove the other rows of this 项目编码.' AS hint
  FROM f WHERE f.forms > 1 AND f.nth > 1
UNION ALL
-- what the core's reader found in the form's fields (src/pe_form.c)
SELECT f.project_code, 'form_project', f.line, pr.col, pr.val, pr.st, pr.msg, pr.hint
  FROM f CROSS JOIN LATERAL unnest(f.problem_columns, f.problem_values, f.problem_states, f.problem_messages,
								   f.problem_hints) AS pr(col, val, st, msg, hint)
 WHERE f.nth = 1 AND f.problem_columns IS NOT NULL
UNION ALL
-- a scheme the warehouse does not have
SELECT f.project_code, 'form_project', f.line, '评分方案', f.scheme_id, '23503',
	   format('unknown 评分方案: "%s"', f.scheme_id),
	   'A scheme_id of perfeval.scheme, or empty for the national self-evaluation form (national_self).'
  FROM f WHERE f.nth = 1 AND f.scheme_given AND NOT EXISTS (SELECT FROM perfeval.scheme sc WHERE sc.scheme_id = f.scheme_id)
UNION ALL
-- indicator rows
SELECT i.project_code, 'form_indicator', i.line, '项目编码', i.project_code, '23503',
	   format('indicator row of project "%s", which has no form', i.project_code),
	   'Load the form''s row into perfeval.form_project, or correct 项目编码.'
  FROM i WHERE NOT EXISTS (SELECT FROM pg_temp.pe_projects s WHERE s.project_code = i.project_code)
UNION ALL
-- what the core's reader found in each row (src/formrows.c, 1.16): a level
-- or name missing, a repeated indicator, a weight that is no positive
-- number, a field the parsers refuse, an unknown 指标性质, an actual that
-- cannot be compared with its target in a row without a printed 得分
SELECT i.project_code, 'form_indicator', i.line, pr.col, pr.val, pr.st, pr.msg, pr.hint
  FROM i CROSS JOIN LATERAL unnest(i.problem_columns, i.problem_values, i.problem_states, i.problem_messages,
								   i.problem_hints) AS pr(col, val, st, msg, hint)
 WHERE i.problem_columns IS NOT NULL
UNION ALL
-- a form larger than a project holds: refused at once, not read (1.16)
SELECT i.project_code, 'form_indicator', i.line, '项目编码', i.project_code, '54000',
	   format('form "%s" has %s indicator rows, more than a project holds (1000)', i.project_code, i.form_rows),
	   'A project holds at most 1000 level-3 indicators under at most 26 level-1 indicators (A to Z, A11 being the execution rate''s): check that the rows of several forms do not share this 项目编码.'
  FROM i WHERE i.too_large
UNION ALL
-- a form whose rows carry no 分值 at all (weights only in its section
-- headers): one problem for the form, not one per row (1.16)
SELECT i.project_code, 'form_indicator', i.line, '分值', NULL, '23502',
	   format('the indicator rows of form "%s" carry no 分值: its row weights are missing', i.project_code),
	   'Give every level-3 indicator row its 分值; the points in a section header such as 产出指标（50分） are the level''s, not the rows''.'
  FROM i WHERE NOT i.too_large AND i.form_weighted = 0 AND i.ordinal = 1
UNION ALL
-- what the core's reader found in the checklist points and survey answers
-- (src/pe_form.c, 1.16; 1.15 parsed them in SQL, where one unreadable
-- 要点分值 stopped the whole import)
SELECT c.project_code, 'form_checklist', c.line, pr.col, pr.val, pr.st, pr.msg, pr.hint
  -- (once: a row of a 三级指标 two level-2 indicators share is in pe_points twice)
  FROM (SELECT DISTINCT ON (c.project_code, c.line) c.* FROM pg_temp.pe_points c
		 WHERE c.problem_columns IS NOT NULL ORDER BY c.project_code, c.line) c
 CROSS JOIN LATERAL unnest(c.problem_columns, c.problem_values, c.problem_states, c.problem_messages,
						   c.problem_hints) AS pr(col, val, st, msg, hint)
UNION ALL
SELECT v.project_code, 'form_survey', v.line, pr.col, pr.val, pr.st, pr.msg, pr.hint
  FROM (SELECT DISTINCT ON (v.project_code, v.line) v.* FROM pg_temp.pe_answers v
		 WHERE v.problem_columns IS NOT NULL ORDER BY v.project_code, v.line) v
 CROSS JOIN LATERAL unnest(v.problem_columns, v.problem_values, v.problem_states, v.problem_messages,
						   v.problem_hints) AS pr(col, val, st, msg, hint)
UNION ALL
-- a checklist or survey row of an indicator its form does not score by it
-- (1.15 left it out of the warehouse without a word)
SELECT x.project_code, x.relation, x.line, '三级指标', x.name, '23503',
	   CASE WHEN EXISTS (SELECT FROM i WHERE i.project_code = x.project_code AND i.name = x.name)
			THEN format('%s of indicator "%s" of form "%s", whose score comes from its %s', x.what, x.name,
						x.project_code, CASE x.relation WHEN 'form_survey' THEN 'checklist' ELSE 'survey' END)
			ELSE format('%s of indicator "%s", which form "%s" does not have', x.what, x.name, x.project_code) END,
	   'Name the level-3 indicator as the form''s indicator rows do (form_indicator''s 三级指标); an indicator is scored by its checklist points or by its survey answers, not both.'
  FROM (SELECT c.project_code, 'form_checklist' AS relation, c.line, c.name, 'checklist point' AS what
		  FROM pg_temp.pe_points c WHERE c.code IS NULL
		UNION ALL
		SELECT v.project_code, 'form_survey', v.line, v.name, 'survey answer'
		  FROM pg_temp.pe_answers v WHERE v.code IS NULL) x
 WHERE x.name IS NOT NULL
UNION ALL
-- 年度总体目标 of a code without a form (1.16)
SELECT g."项目编码", 'form_goal', g.line, '项目编码', g."项目编码", '23503',
	   format('年度总体目标 of project "%s", which has no form', g."项目编码"),
	   'Load the form''s row into perfeval.form_project, or correct 项目编码.'
  FROM perfeval_internal.staged_goal g
 WHERE NOT EXISTS (SELECT FROM pg_temp.pe_projects s WHERE s.project_code = g."项目编码");
END $$;

-- Move every staged form into the warehouse.  The problem-free forms are
-- numbered in form order and read once into temporary tables (parsed,
-- coded, indexed by that number); they are written in chunks of 1,000,
-- each chunk one subtransaction (a NOTICE after each with the count and
-- rate); a chunk that fails on a rule only the tables check is written
-- again form by form, so that the failing form is rejected with that error
-- and the others are imported.
CREATE FUNCTION perfeval.import_forms() RETURNS TABLE (project_code text, status text, indicators int, errors int)
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp SET jit = off
AS $$
DECLARE
	t0 timestamptz := clock_timestamp();
	n bigint;
	k bigint;
	j bigint;
	st text; msg text; hnt text;
	rel text;
	again boolean;
	staging text[] := ARRAY['staged_project', 'staged_indicator', 'staged_checklist', 'staged_survey', 'staged_goal'];
	-- (the statements that change a table by the forms' codes take them as
	-- an array, not a join with a temporary table, which Citus cannot plan)
	codes text[];
BEGIN
	-- a form staged again replaces what was staged of it before (nothing
	-- to replace where every row is of one batch: one file's COPY)
	FOREACH rel IN ARRAY staging LOOP
		EXECUTE format('SELECT min(t.batch) IS DISTINCT FROM max(t.batch) FROM perfeval_internal.%I t', rel) INTO again;
		CONTINUE WHEN NOT again;
		EXECUTE format('DELETE FROM perfeval_internal.%I s USING (SELECT t."项目编码" AS code, max(t.batch) AS b
			FROM perfeval_internal.%1$I t GROUP BY 1) m WHERE s."项目编码" = m.code AND s.batch < m.b', rel);
	END LOOP;
	-- the planner's statistics of what was just staged
	PERFORM perfeval_internal.analyze_staging();
	FOREACH rel IN ARRAY ARRAY['pe_import_forms', 'pe_projects', 'pe_irows', 'pe_forms', 'pe_points', 'pe_answers', 'pe_taken'] LOOP
		IF to_regclass('pg_temp.' || rel) IS NOT NULL THEN EXECUTE format('DROP TABLE pg_temp.%I', rel); END IF;
	END LOOP;
	-- (a code of checklist or survey rows alone is a form too: its rows'
	-- problems are its, replaced by the next run's, 1.16)
	CREATE TEMP TABLE pe_import_forms AS
	SELECT x.code, min(x.line) AS line FROM (
		SELECT s."项目编码" AS code, s.line::bigint AS line FROM perfeval_internal.staged_project s
		UNION ALL SELECT s."项目编码", s.line + 1000000000::bigint FROM perfeval_internal.staged_indicator s
		UNION ALL SELECT s."项目编码", s.line + 2000000000::bigint FROM perfeval_internal.staged_checklist s
		UNION ALL SELECT s."项目编码", s.line + 3000000000::bigint FROM perfeval_internal.staged_survey s
		UNION ALL SELECT s."项目编码", s.line + 4000000000::bigint FROM perfeval_internal.staged_goal s) x
	 GROUP BY x.code;
	-- the problems of this run replace those of earlier runs of the same forms
	codes := ARRAY(SELECT f.code FROM pe_import_forms f WHERE f.code IS NOT NULL);
	DELETE FROM perfeval.import_error e WHERE e.project_code = ANY (codes);
	IF EXISTS (SELECT FROM pe_import_forms f WHERE f.code IS NULL) THEN
		DELETE FROM perfeval.import_error e WHERE e.project_code IS NULL;
	END IF;
	IF NOT EXISTS (SELECT FROM pe_import_forms) THEN
		RAISE NOTICE USING MESSAGE = perfeval_internal.message('nothing_staged'),
			HINT = perfeval_internal.message('nothing_staged.hint');
	END IF;
	-- the staged forms' project rows and indicator rows, each read once by
	-- the core's form reader (typed, the national defaults applied, their
	-- problems named; the indicator rows in form order, with progress)
	CREATE TEMP TABLE pe_projects AS SELECT * FROM perfeval_internal.form_projects();
	-- (only the columns the checks and the writes use: the rest of the
	-- view's are for a loader reading it, and a narrow table is written and
	-- read faster)
	CREATE TEMP TABLE pe_irows AS
	SELECT r.line, r.project_code, r.level1, r.level2, r.name, r.note, r.ordinal, r.code, r.seq, r.source,
		   r.method_raw, r.applicable, r.weight, r.score, r.tgt, r.msr, r.form_weighted, r.too_large,
		   r.form_rows, r.level1_points, r.weight_mark, r.problem_columns, r.problem_values, r.problem_states,
		   r.problem_messages, r.problem_hints
	  FROM perfeval_internal.form_rows(narrow => true) r;
	ANALYZE pe_irows;
	-- the checklist points and survey answers, read by the core (numbered,
	-- their numbers parsed, their problems named, 1.16), each with the code
	-- of the indicator it scores (none: a problem), found by its form
	CREATE TEMP TABLE pe_points AS
	SELECT c.*, r.code
	  FROM perfeval_internal.form_points() c
	  LEFT JOIN pe_irows r ON r.project_code = c.project_code AND r.name = c.name AND r.source = 'checklist';
	CREATE TEMP TABLE pe_answers AS
	SELECT v.*, r.code
	  FROM perfeval_internal.form_answers() v
	  LEFT JOIN pe_irows r ON r.project_code = v.project_code AND r.name = v.name AND r.source = 'survey';
	PERFORM perfeval_internal.import_progress('checking forms', (SELECT count(*) FROM pe_import_forms), -1, t0);
	INSERT INTO perfeval.import_error (project_code, relation, line, column_name, value, sqlstate, message, hint)
	SELECT p.project_code, p.relation, p.line, p.column_name, p.value, p.sqlstate, p.message, p.hint
	  FROM perfeval_internal.form_problems() p;
	-- a form staged by another role than the caller (the owner's nightly
	-- run sees every loader's staged rows) is imported with the rights of
	-- whoever staged it (1.15): only inside the loading scope of every role
	-- that staged a row of it -- the project it replaces and the one it
	-- writes -- else it is rejected with 42501 and stays staged.  (Nothing
	-- to check for the caller's own rows, the only ones a loader sees: its
	-- writes go through row-level security.)
	IF EXISTS (SELECT FROM perfeval_internal.staged_project s WHERE s.staged_by <> CURRENT_USER)
	   OR EXISTS (SELECT FROM perfeval_internal.staged_indicator s WHERE s.staged_by <> CURRENT_USER)
	   OR EXISTS (SELECT FROM perfeval_internal.staged_checklist s WHERE s.staged_by <> CURRENT_USER)
	   OR EXISTS (SELECT FROM perfeval_internal.staged_survey s WHERE s.staged_by <> CURRENT_USER)
	   OR EXISTS (SELECT FROM perfeval_internal.staged_goal s WHERE s.staged_by <> CURRENT_USER) THEN
		INSERT INTO perfeval.import_error (project_code, relation, line, column_name, value, sqlstate, message, hint)
		WITH o AS (
			SELECT DISTINCT x.code, x.stager FROM (
				SELECT s."项目编码" AS code, s.staged_by AS stager FROM perfeval_internal.staged_project s
				UNION ALL SELECT s."项目编码", s.staged_by FROM perfeval_internal.staged_indicator s
				UNION ALL SELECT s."项目编码", s.staged_by FROM perfeval_internal.staged_checklist s
				UNION ALL SELECT s."项目编码", s.staged_by FROM perfeval_internal.staged_survey s
				UNION ALL SELECT s."项目编码", s.staged_by FROM perfeval_internal.staged_goal s) x
			 WHERE x.stager <> CURRENT_USER AND x.code IS NOT NULL),
		f AS (
			SELECT s.project_code AS code, s.line, s.department, s.division_code AS division
			  FROM pg_temp.pe_projects s
			 WHERE s.nth = 1 AND s.project_code IN (SELECT o.code FROM o)),
		t AS (SELECT t.code FROM perfeval_internal.taken_codes(ARRAY(SELECT DISTINCT o.code FROM o)) t(code))
		SELECT o.code, 'form_project', f.line, NULL, NULL, '42501',
			   format('role "%s" may not load project "%s"', o.stager, o.code),
			   format('The form was staged by role "%s" and is imported with its rights: its loading grants must cover the project it replaces and its 主管部门 and 行政区划代码.  That role corrects or deletes its staged rows; the warehouse''s owner grants loading with perfeval.grant_access(role, department, division_prefix, may_load => true).', o.stager)
		  FROM o JOIN f ON f.code = o.code
		  LEFT JOIN t ON t.code = o.code
		 WHERE NOT perfeval_internal.stager_may_load(o.stager, t.code, f.department, f.division)
		 ORDER BY f.line, o.stager;
	END IF;
	-- the forms to write, numbered in form order, as they will be written
	-- (with its 年度总体目标: the texts of its form_goal rows, in line order,
	-- blank cells left out, 1.16)
	CREATE TEMP TABLE pe_forms AS
	SELECT row_number() OVER (ORDER BY f.line, f.code) AS ord, s.*, g.annual_goal, g.annual_outcome
	  FROM pe_import_forms f
	  JOIN pe_projects s ON s.project_code = f.code AND s.nth = 1
	  LEFT JOIN (SELECT x."项目编码" AS code,
						string_agg(x."年度总体目标", E'\n' ORDER BY x.line) FILTER (WHERE x."年度总体目标" ~ '[^[:space:]　]') AS annual_goal,
						string_agg(x."实际完成情况", E'\n' ORDER BY x.line) FILTER (WHERE x."实际完成情况" ~ '[^[:space:]　]') AS annual_outcome
				   FROM perfeval_internal.staged_goal x GROUP BY 1) g ON g.code = f.code
	 WHERE NOT EXISTS (SELECT FROM perfeval.import_error e WHERE e.project_code = f.code);
	CREATE INDEX ON pe_forms (ord);
	-- the projects the forms replace, and whether the caller may load them:
	-- read before anything is written (on a Citus cluster the owner, who
	-- reads the scope, may not read the shards once the caller wrote them)
	CREATE TEMP TABLE pe_taken AS
	SELECT t.code, perfeval_internal.may_load(t.code) AS may
	  FROM perfeval_internal.taken_codes(ARRAY(SELECT f.project_code FROM pe_forms f)) t(code);
	IF EXISTS (SELECT FROM pe_forms f WHERE NOT f.scheme_given)
	   AND NOT EXISTS (SELECT FROM perfeval.scheme sc WHERE sc.scheme_id = 'national_self') THEN
		PERFORM perfeval_internal.ensure_national_self();
	END IF;
	-- the forms' indicator rows, found by their form
	CREATE INDEX ON pe_irows (project_code);
	-- (the forms' checklist points and survey answers, found by their form)
	CREATE INDEX ON pe_points (project_code);
	CREATE INDEX ON pe_answers (project_code);
	ANALYZE pe_forms, pe_points, pe_answers;
	SELECT count(*) INTO n FROM pe_forms;
	k := 1;
	WHILE k <= n LOOP
		BEGIN
			PERFORM perfeval_internal.write_forms(k, k + 999);
		EXCEPTION WHEN integrity_constraint_violation OR data_exception OR insufficient_privilege THEN
			FOR j IN k .. least(k + 999, n) LOOP
				BEGIN
					PERFORM perfeval_internal.write_forms(j, j);
				EXCEPTION WHEN integrity_constraint_violation OR data_exception OR insufficient_privilege THEN
					GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT, hnt = PG_EXCEPTION_HINT;
					INSERT INTO perfeval.import_error (project_code, relation, line, column_name, value, sqlstate, message, hint)
					SELECT f.project_code, 'form_project', f.line, NULL, NULL, st, msg, nullif(hnt, '')
					  FROM pe_forms f WHERE f.ord = j;
				END;
			END LOOP;
		END;
		-- where it is, for another session (pg_stat_activity.query), every
		-- 1,000 forms; a NOTICE every 10,000
		PERFORM perfeval_internal.import_progress('writing forms', least(k + 999, n), n, t0);
		IF n >= 10000 AND (least(k + 999, n) % 10000 = 0 OR k + 999 >= n) THEN
			RAISE NOTICE USING MESSAGE = perfeval_internal.message('import_progress', least(k + 999, n)::text, n::text,
				round(least(k + 999, n) / greatest(extract(epoch FROM clock_timestamp() - t0), 0.001))::text);
		END IF;
		k := k + 1000;
	END LOOP;
	-- imported forms leave the staging relations
	codes := ARRAY(SELECT f.code FROM pe_import_forms f
					WHERE NOT EXISTS (SELECT FROM perfeval.import_error e WHERE e.project_code = f.code));
	FOREACH rel IN ARRAY staging LOOP
		EXECUTE format('DELETE FROM perfeval_internal.%I s WHERE s."项目编码" = ANY ($1)', rel) USING codes;
	END LOOP;
	RETURN QUERY
	SELECT f.code,
		   CASE WHEN coalesce(e.n, 0) > 0 THEN 'rejected' ELSE 'imported' END,
		   CASE WHEN coalesce(e.n, 0) > 0 THEN coalesce(si.n, 0) ELSE coalesce(wi.n, 0) END,
		   coalesce(e.n, 0)
	  FROM pe_import_forms f
	  -- (keyed so that a form without 项目编码 finds its own problems)
	  LEFT JOIN (SELECT coalesce(x.project_code, E'\x01') AS k, count(*)::int AS n FROM perfeval.import_error x GROUP BY 1) e
		ON e.k = coalesce(f.code, E'\x01')
	  LEFT JOIN (SELECT coalesce(x."项目编码", E'\x01') AS k, count(*)::int AS n FROM perfeval_internal.staged_indicator x GROUP BY 1) si
		ON si.k = coalesce(f.code, E'\x01')
	  -- (what was written: the execution-rate row and the form's rows; not
	  -- read back, which a loader on a cluster may not after the owner wrote)
	  LEFT JOIN (SELECT w.project_code AS k, (w.offs + (SELECT count(*) FROM pe_irows r
						 WHERE r.project_code = w.project_code))::int AS n FROM pe_forms w) wi ON wi.k = f.code
	 ORDER BY f.line, f.code;
	DROP TABLE pe_import_forms, pe_projects, pe_irows, pe_forms, pe_points, pe_answers, pe_taken;
END $$;

-- Which of these codes name projects already in the warehouse, whoever may
-- see them: a form replacing a project the caller may not load is refused
-- with 42501 (check_load()), not with a duplicate key.  (Loaders only: it
-- tells whether a code is taken.)
-- (PL/pgSQL: Citus cannot plan a SQL function's parameter.)
CREATE FUNCTION perfeval_internal.taken_codes(codes text[]) RETURNS SETOF text
	LANGUAGE plpgsql STABLE PARALLEL SAFE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	RETURN QUERY SELECT p.project_id FROM perfeval.project p WHERE p.project_id = ANY (codes);
END $$;
REVOKE ALL ON FUNCTION perfeval_internal.taken_codes(text[]) FROM PUBLIC;

-- May the role that staged a form load it: the project it replaces (its
-- code, NULL for a new one) and the project it writes (its department and
-- division)?  For import_forms() run by another role (the owner's nightly
-- run): a form is imported with its stager's rights (src/access.c).  It
-- tells another role's scope: the owner's (the import of a loader sees
-- only the loader's own rows and never calls it).
CREATE FUNCTION perfeval_internal.stager_may_load(stager name, project_id text, department text,
		division_code text) RETURNS boolean
	AS 'MODULE_PATHNAME', 'stager_may_load' LANGUAGE C STABLE PARALLEL SAFE;
REVOKE ALL ON FUNCTION perfeval_internal.stager_may_load(name, text, text, text) FROM PUBLIC;

-- Insert the rows of query ($1 and $2: lo and hi) into target (cols).  On
-- one node, where row-level security does not apply to the caller, by
-- bulk_insert() (src/bulk.c): batches written as COPY writes them, each
-- batch's foreign keys checked and parents locked by one query, the kept
-- state recomputed once; NULL from it (a trigger or a table it does not
-- know) or row-level security: an INSERT ... SELECT.  On a Citus cluster,
-- where row-level security applies to the caller, multi-row INSERTs
-- (insert_rows(), src/stagebuf.c) -- Citus would COPY an INSERT ...
-- SELECT's rows to the shards, which row-level security refuses.  (The
-- import's writes: write_forms().)
CREATE FUNCTION perfeval_internal.insert_rows(target regclass, cols text, query text, lo bigint, hi bigint)
	RETURNS bigint LANGUAGE C AS 'MODULE_PATHNAME', 'pe_insert_rows';
-- (Its foreign-key checks are keyed by a batch's rows, and the import's
-- queries it runs read its temporary tables by their indexes: no
-- sequential scans, whatever the estimates of a table filling again, 1.16.)
CREATE FUNCTION perfeval_internal.bulk_insert(target regclass, cols text, query text, lo bigint, hi bigint)
	RETURNS bigint LANGUAGE C STRICT SET enable_seqscan = off AS 'MODULE_PATHNAME', 'pe_bulk_insert';
-- Between keep_later() and keep_now(), bulk_insert() only notes the
-- projects and kinds of facts it wrote; keep_now() locks their state rows
-- once and recomputes every noted part by one UPDATE (src/keep.c; a
-- transaction cannot commit with projects noted and not kept).  The
-- import's writes of a chunk of forms: write_forms().
CREATE FUNCTION perfeval_internal.keep_later() RETURNS void
	LANGUAGE C VOLATILE AS 'MODULE_PATHNAME', 'pe_keep_later';
-- (No JIT and no sequential scans for these statements, nor JIT for the
-- import's: see keep_facts(), section 45.)
CREATE FUNCTION perfeval_internal.keep_now() RETURNS bigint
	LANGUAGE C VOLATILE SET jit = off SET enable_seqscan = off AS 'MODULE_PATHNAME', 'pe_keep_now';
CREATE FUNCTION perfeval_internal.write_rows(target regclass, cols text, query text, lo bigint, hi bigint)
	RETURNS void LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	citus boolean := false;
BEGIN
	IF to_regclass('pg_catalog.pg_dist_partition') IS NOT NULL THEN
		-- (a separate statement: planned only where Citus's catalog exists)
		citus := EXISTS (SELECT FROM pg_catalog.pg_dist_partition WHERE logicalrelid = target);
	END IF;
	IF citus THEN
		IF row_security_active(target) THEN
			PERFORM perfeval_internal.insert_rows(target, cols, query, lo, hi);
			RETURN;
		END IF;
	ELSIF NOT row_security_active(target) THEN
		IF perfeval_internal.bulk_insert(target, cols, query, lo, hi) IS NOT NULL THEN
			RETURN;
		END IF;
	END IF;
	EXECUTE format('INSERT INTO %s (%s) %s', target, cols, query) USING lo, hi;
END $$;


-- Write the problem-free forms numbered lo to hi (import_forms()'s
-- temporary tables): each replaces the project of its 项目编码 (the project
-- and every fact of it are deleted first).
CREATE FUNCTION perfeval_internal.write_forms(lo bigint, hi bigint) RETURNS void
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	-- the codes naming projects already there (import_forms()'s pe_taken;
	-- an array: Citus cannot plan a DELETE joined with a temporary table)
	taken text[] := ARRAY(SELECT t.code FROM pe_taken t JOIN pe_forms s ON s.project_code = t.code
						   WHERE s.ord BETWEEN lo AND hi);
BEGIN
	-- (the kept state of the chunk's projects once, at the end)
	PERFORM perfeval_internal.keep_later();
	PERFORM perfeval_internal.refuse_load(t.code)
	   FROM pe_taken t JOIN pe_forms s ON s.project_code = t.code WHERE s.ord BETWEEN lo AND hi AND NOT t.may;
	DELETE FROM perfeval.project p WHERE p.project_id = ANY (taken);
	PERFORM perfeval_internal.write_rows('perfeval.project', 'project_id, name, year, division_code, department, implementing_unit, evaluation_kind, scheme_id, printed_total, printed_grade, source, department_from_unit, annual_goal, annual_outcome', $q$
	SELECT s.project_code, s.name, s.year, s.division_code, s.department, s.implementing_unit, s.evaluation_kind,
		   s.scheme_id, s.printed_total, s.printed_grade, 'import_forms', s.department_from_unit, s.annual_goal,
		   s.annual_outcome
	  FROM pe_forms s WHERE s.ord BETWEEN $1 AND $2 ORDER BY s.ord$q$, lo, hi);
	-- the money: one line, the department's, at the fund level of the
	-- division (a county's 县区级, a prefecture's 市级, a province's 省级:
	-- the core's reading, form_projects())
	PERFORM perfeval_internal.write_rows('perfeval.allocation', 'project_id, department, fund_level, unit, initial_budget, budget, arrived, spent', $q$
	SELECT s.project_code, s.department, s.fund_level, s.money_unit, s.initial_budget, s.budget, s.arrived, s.spent
	  FROM pe_forms s
	 WHERE s.ord BETWEEN $1 AND $2 AND num_nonnulls(s.initial_budget, s.budget, s.arrived, s.spent) > 0$q$, lo, hi);
	-- the execution-rate row, from the money, first (code A11, its names and
	-- target the core's, form_projects()); then the indicator rows in form
	-- order
	PERFORM perfeval_internal.write_rows('perfeval.indicator', 'project_id, code, seq, level1, level2, name, weight, target, source, printed_score, method, applicable, level1_points', $q$
	SELECT x.* FROM (
		SELECT s.project_code, s.exec_code, 1, s.exec_level1, s.exec_level2, s.exec_name,
			   s.execution_weight, s.exec_target::perfeval.target, 'execution_rate',
			   s.execution_score, 'proportional'::perfeval.method, true,
			   NULL::numeric
		  FROM pe_forms s WHERE s.ord BETWEEN $1 AND $2 AND s.offs = 1
		UNION ALL
		-- (分值 written as /: a row that does not apply, of no weight)
		SELECT r.project_code, r.code, r.seq, btrim(r.level1), btrim(r.level2), btrim(r.name),
			   CASE WHEN r.weight_mark THEN 0 ELSE r.weight END,
			   r.tgt, r.source, r.score,
			   coalesce(r.method_raw::perfeval.method, 'proportional'), r.applicable, r.level1_points
		  FROM pe_forms s JOIN pe_irows r ON r.project_code = s.project_code WHERE s.ord BETWEEN $1 AND $2) x
	 ORDER BY 1, 3$q$, lo, hi);
	-- the actuals, reported at the year's end; a qualitative row with a
	-- printed score is judged at 得分 ÷ 分值 in the tier of that fraction
	-- (its six decimals rounded up, so that fraction × 分值 rounds or
	-- truncates back to the printed 得分, 1.12)
	PERFORM perfeval_internal.write_rows('perfeval.actual', 'project_id, code, reported_on, measure, tier, fraction, deviation_note', $q$
	SELECT r.project_code, r.code, s.reported_on, r.msr, j.tier, j.fraction, r.note
	  FROM pe_forms s
	  JOIN pe_irows r ON r.project_code = s.project_code
	  JOIN perfeval.scheme sc ON sc.scheme_id = s.scheme_id
	 -- (and so is a row whose target its actual cannot be compared with --
	 -- a number against a word, units that do not convert -- that prints
	 -- its 得分; the evaluation says why, 1.16; the fraction and its tier:
	 -- the core's rule, pe_judged_by_score())
	 CROSS JOIN LATERAL perfeval_internal.judged_by_score(
			CASE WHEN perfeval.is_qualitative(r.tgt) OR coalesce(perfeval.is_qualitative(r.msr), false)
					  OR NOT coalesce(perfeval.comparable(r.tgt, r.msr), true) THEN r.score END,
			r.weight, sc.rules) j
	 WHERE s.ord BETWEEN $1 AND $2 AND r.source IN ('actual', 'printed') AND num_nonnulls(r.msr, j.tier, r.note) > 0
	 ORDER BY r.project_code, r.code$q$, lo, hi);
	PERFORM perfeval_internal.write_rows('perfeval.checklist_point', 'project_id, code, point_no, description, points, deduction, reason', $q$
	SELECT c.project_code, c.code, c.point_no, c.description, c.points, c.deduction, c.reason
	  FROM pe_forms s JOIN pe_points c ON c.project_code = s.project_code
	 WHERE s.ord BETWEEN $1 AND $2 ORDER BY c.project_code, c.code, c.point_no$q$, lo, hi);
	PERFORM perfeval_internal.write_rows('perfeval.survey_response', 'project_id, code, option_no, option_label, respondents, coefficient', $q$
	SELECT v.project_code, v.code, v.option_no, v.option_label, v.respondents, v.coefficient
	  FROM pe_forms s JOIN pe_answers v ON v.project_code = s.project_code
	 WHERE s.ord BETWEEN $1 AND $2 ORDER BY v.project_code, v.code, v.option_no$q$, lo, hi);
	PERFORM perfeval_internal.keep_now();
END $$;


-- A scoring method in Chinese (按比例, 低于60%不得分, 达标得满分,
-- 每低5个百分点扣1分), as a form writes it and the method type reads it back.
-- A cell as the export views write it: a formula cell (= + - @, a tab or a
-- carriage return first, after any quotes) with one more leading quote,
-- which makes it text in a spreadsheet; staging a form row takes that quote
-- off again, so that export -> import stays exact (the rule: src/pe_cell.c).
CREATE FUNCTION perfeval_internal.export_cell(text) RETURNS text
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE AS 'MODULE_PATHNAME', 'pe_export_cell';
COMMENT ON FUNCTION perfeval_internal.export_cell(text) IS '导出单元格：公式开头（= + - @ 制表符 回车）前加单引号，导入时去掉 / An exported cell: a leading quote before a formula cell (= + - @, tab, CR), taken off again by the import';

CREATE FUNCTION perfeval.method_zh(perfeval.method) RETURNS text
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE AS 'MODULE_PATHNAME', 'method_zh';
COMMENT ON FUNCTION perfeval.method_zh(perfeval.method) IS '评分方法的中文写法（可读回） / A scoring method in its Chinese spelling, which reads back as the same method';

-- Out again: the same layouts for any set of projects (filter by 项目编码),
-- so that \copy (SELECT ...) TO a file and importing it back reproduces the
-- warehouse rows of a project that came from a form.  The money is the
-- project's one allocation line as loaded (several lines: their sum in 万元);
-- the execution-rate row A11 goes to the money columns; a rate computed from
-- the money elsewhere in the form is written as its value.  Rows come in
-- form order, so that importing them back gives the same codes.  What the
-- form has no column for goes where the import reads it (1.12): a scoring
-- method in 指标性质's brackets, a row that does not apply as 实际完成值
-- 不适用, a tier's judgement as the 得分 it gives.  A cell a spreadsheet
-- would run as a formula (= + - @, a tab or a carriage return first) goes
-- out with a leading single quote (export_cell(), 1.15), which the staging
-- takes off again (OWASP "CSV injection").
CREATE VIEW perfeval.export_project AS
SELECT perfeval_internal.export_cell(p.project_id) AS "项目编码", perfeval_internal.export_cell(p.name) AS "项目名称",
	   perfeval_internal.export_cell(p.year::text) AS "年度", perfeval_internal.export_cell(p.division_code) AS "行政区划代码",
	   perfeval_internal.export_cell(CASE WHEN NOT p.department_from_unit THEN p.department END) AS "主管部门", perfeval_internal.export_cell(p.implementing_unit) AS "实施单位",
	   perfeval_internal.export_cell(p.evaluation_kind) AS "评价类型", perfeval_internal.export_cell(p.scheme_id) AS "评分方案",
	   perfeval_internal.export_cell(m.unit) AS "金额单位", perfeval_internal.export_cell(m.initial_budget::text) AS "年初预算数",
	   perfeval_internal.export_cell(m.budget::text) AS "全年预算数", perfeval_internal.export_cell(m.arrived::text) AS "实际到位数",
	   perfeval_internal.export_cell(m.spent::text) AS "全年执行数", perfeval_internal.export_cell(er.weight::text) AS "预算执行率分值",
	   perfeval_internal.export_cell(er.printed_score::text) AS "预算执行率得分", perfeval_internal.export_cell(p.printed_total::text) AS "总分",
	   perfeval_internal.export_cell(p.printed_grade) AS "评价等级"
  FROM perfeval.project p
  LEFT JOIN LATERAL (
		SELECT CASE WHEN count(*) = 1 THEN min(a.unit) ELSE '万元' END AS unit,
			   CASE WHEN count(*) = 1 THEN min(a.initial_budget) ELSE min(pm.initial_budget) END AS initial_budget,
			   CASE WHEN count(*) = 1 THEN min(a.budget) ELSE min(pm.budget) END AS budget,
			   CASE WHEN count(*) = 1 THEN min(a.arrived) ELSE min(pm.arrived) END AS arrived,
			   CASE WHEN count(*) = 1 THEN min(a.spent) ELSE min(pm.spent) END AS spent
		  FROM perfeval.allocation a
		  LEFT JOIN perfeval.project_money pm ON pm.project_id = a.project_id
		 WHERE a.project_id = p.project_id HAVING count(*) > 0) m ON true
  LEFT JOIN perfeval.indicator er ON er.project_id = p.project_id AND er.code = 'A11' AND er.source = 'execution_rate'
 WHERE perfeval_internal.in_scope(p.project_id);

CREATE VIEW perfeval.export_indicator AS
SELECT perfeval_internal.export_cell(i.project_id) AS "项目编码",
	   -- (the points its level-1 cell printed, as printed, 1.16)
	   perfeval_internal.export_cell(i.level1 || coalesce('（' || trim_scale(i.level1_points)::text || '分）', '')) AS "一级指标",
	   perfeval_internal.export_cell(i.level2) AS "二级指标", perfeval_internal.export_cell(i.name) AS "三级指标",
	   -- a row judged from an actual without a target marked 定性, so that
	   -- it is not read back as printed-only (1.14); a method other than
	   -- proportional in brackets, in Chinese (1.12)
	   CASE WHEN i.source = 'actual' AND i.target IS NULL THEN '定性' ELSE '' END
		|| CASE WHEN i.method <> 'proportional'::perfeval.method THEN '（' || perfeval.method_zh(i.method) || '）'
				ELSE '' END AS "指标性质",
	   perfeval_internal.export_cell(i.target::text) AS "指标值", ''::text AS "度量单位",
	   -- (a row of no weight does not apply: its 分值 written /, 1.16)
	   perfeval_internal.export_cell(CASE WHEN i.weight = 0 THEN '/' ELSE i.weight::text END) AS "分值",
	   perfeval_internal.export_cell(CASE WHEN NOT i.applicable THEN '不适用'
			WHEN i.source IN ('arrival_rate', 'execution_rate', 'survey') THEN s.actual
			WHEN i.source = 'actual' THEN la.measure::text END) AS "实际完成值",
	   -- a row judged by a tier without a printed score goes out with its
	   -- score as the scheme prints it, which the import judges back at
	   -- 得分 ÷ 分值 (1.12)
	   perfeval_internal.export_cell(coalesce(i.printed_score, s.score)::text) AS "得分",
	   perfeval_internal.export_cell(la.deviation_note) AS "偏差原因分析及改进措施"
  FROM perfeval.indicator i
  LEFT JOIN perfeval.latest_actual la ON la.project_id = i.project_id AND la.code = i.code
  LEFT JOIN perfeval.indicator_scores s ON s.project_id = i.project_id AND s.code = i.code
		AND (i.source IN ('arrival_rate', 'execution_rate', 'survey')
			 OR (i.source = 'actual' AND i.printed_score IS NULL AND la.fraction IS NOT NULL))
 WHERE perfeval_internal.in_scope(i.project_id)
   AND NOT (i.code = 'A11' AND i.source = 'execution_rate')
 ORDER BY i.project_id, i.seq, i.code;

CREATE VIEW perfeval.export_checklist AS
SELECT perfeval_internal.export_cell(c.project_id) AS "项目编码", perfeval_internal.export_cell(i.name) AS "三级指标",
	   perfeval_internal.export_cell(c.description) AS "评价要点", perfeval_internal.export_cell(c.points::text) AS "要点分值",
	   perfeval_internal.export_cell(c.deduction::text) AS "扣分", perfeval_internal.export_cell(c.reason) AS "扣分理由"
  FROM perfeval.checklist_point c
  JOIN perfeval.indicator i ON i.project_id = c.project_id AND i.code = c.code
 WHERE perfeval_internal.in_scope(c.project_id)
 ORDER BY c.project_id, i.seq, c.code, c.point_no;

CREATE VIEW perfeval.export_survey AS
SELECT perfeval_internal.export_cell(v.project_id) AS "项目编码", perfeval_internal.export_cell(i.name) AS "三级指标",
	   perfeval_internal.export_cell(v.option_label) AS "选项", perfeval_internal.export_cell(v.respondents::text) AS "人数",
	   perfeval_internal.export_cell(v.coefficient::text) AS "系数"
  FROM perfeval.survey_response v
  JOIN perfeval.indicator i ON i.project_id = v.project_id AND i.code = v.code
 WHERE perfeval_internal.in_scope(v.project_id)
 ORDER BY v.project_id, i.seq, v.code, v.option_no;

CREATE VIEW perfeval.export_goal AS
SELECT perfeval_internal.export_cell(p.project_id) AS "项目编码", perfeval_internal.export_cell(p.annual_goal) AS "年度总体目标",
	   perfeval_internal.export_cell(p.annual_outcome) AS "实际完成情况"
  FROM perfeval.project p
 WHERE num_nonnulls(p.annual_goal, p.annual_outcome) > 0 AND perfeval_internal.in_scope(p.project_id)
 ORDER BY p.project_id;

COMMENT ON TABLE perfeval_internal.staged_project IS '已暂存的项目表单行（含 CSV 行号） / Staged form rows of projects, with their CSV line';
COMMENT ON TABLE perfeval_internal.staged_indicator IS '已暂存的指标表单行（含 CSV 行号） / Staged form rows of indicators, with their CSV line';
COMMENT ON TABLE perfeval_internal.staged_checklist IS '已暂存的评价要点行（含 CSV 行号） / Staged checklist rows, with their CSV line';
COMMENT ON TABLE perfeval_internal.staged_survey IS '已暂存的满意度调查行（含 CSV 行号） / Staged survey rows, with their CSV line';
COMMENT ON TABLE perfeval_internal.staged_goal IS '已暂存的年度总体目标行（含 CSV 行号） / Staged overall-goal rows (年度总体目标), with their CSV line';
COMMENT ON SEQUENCE perfeval_internal.staged_batch IS '暂存批次号（每条写入语句一个） / Staging batch numbers, one per statement';
COMMENT ON VIEW perfeval.form_project IS '项目支出绩效自评表的项目部分（列即表头，均为文本；\copy ... HEADER match 装入） / The project part of the self-evaluation form: its headers as text columns, loaded with \copy ... HEADER match';
COMMENT ON VIEW perfeval.form_indicator IS '自评表的三级指标行（每行一个三级指标） / One row per level-3 indicator of the form';
COMMENT ON VIEW perfeval.form_checklist IS '评价要点与扣分（可选） / Checklist points and deductions (optional)';
COMMENT ON VIEW perfeval.form_survey IS '满意度调查人数（可选；系数为空取方案系数） / Survey counts (optional; empty 系数: the scheme''s)';
COMMENT ON VIEW perfeval.form_goal IS '年度总体目标：预期目标与实际完成情况（可选；多行按行序相连） / The year''s overall goal (年度总体目标): the goal set and what was done (optional; several rows joined in line order)';
COMMENT ON VIEW perfeval.export_project IS '按自评表项目部分的格式导出项目（导出后可再导入） / Projects in the form_project layout, to export and import again';
COMMENT ON VIEW perfeval.export_indicator IS '按自评表指标部分的格式导出指标 / Indicators in the form_indicator layout';
COMMENT ON VIEW perfeval.export_checklist IS '按评价要点格式导出 / Checklist points in the form_checklist layout';
COMMENT ON VIEW perfeval.export_survey IS '按满意度调查格式导出 / Survey counts in the form_survey layout';
COMMENT ON VIEW perfeval.export_goal IS '按年度总体目标格式导出 / Overall goals (年度总体目标) in the form_goal layout';
COMMENT ON VIEW perfeval.staged_lines IS '暂存行的来源行号与批次 / Every staged row''s CSV line and batch';
COMMENT ON COLUMN perfeval.staged_lines.relation IS '暂存关系名 / Staging relation';
COMMENT ON COLUMN perfeval.staged_lines.project_code IS '项目编码 / Project code';
COMMENT ON COLUMN perfeval.staged_lines.line IS 'CSV 文件行号（表头为第1行） / Line of the CSV file, header = line 1';
COMMENT ON COLUMN perfeval.staged_lines.batch IS '暂存批次（写入语句） / Staging batch (the statement that staged it)';
COMMENT ON TABLE perfeval.import_error IS '导入问题：每个问题一行（表单、行、列、值、SQLSTATE、说明、提示） / Import problems, one row each: form, line, column, value, SQLSTATE, message, hint';
COMMENT ON COLUMN perfeval.import_error.project_code IS '项目编码 / Project code of the form';
COMMENT ON COLUMN perfeval.import_error.relation IS '所在暂存关系（form_project 等） / Staging relation (form_project, form_indicator, …)';
COMMENT ON COLUMN perfeval.import_error.line IS 'CSV 文件行号（表头为第1行） / Line of the CSV file, header = line 1';
COMMENT ON COLUMN perfeval.import_error.column_name IS '表头名 / The form''s header';
COMMENT ON COLUMN perfeval.import_error.value IS '原值 / The value as written';
COMMENT ON COLUMN perfeval.import_error.sqlstate IS '错误代码（SQLSTATE） / SQLSTATE of the problem';
COMMENT ON COLUMN perfeval.import_error.message IS '问题说明 / Message';
COMMENT ON COLUMN perfeval.import_error.hint IS '可接受的写法 / What is accepted';
COMMENT ON COLUMN perfeval.import_error.logged_at IS '记录时间 / When it was found';
COMMENT ON COLUMN perfeval.import_error.logged_by IS '发现该问题的导入角色 / The role whose import found it';
COMMENT ON FUNCTION perfeval_internal.analyze_staging() IS '更新暂存表的统计信息 / Updates the planner''s statistics of the staging tables';
COMMENT ON FUNCTION perfeval.import_forms() IS '导入全部暂存表单：每张表单全部导入或整张拒绝，问题记入 import_error / Imports every staged form, each all or nothing; problems go to import_error';
COMMENT ON FUNCTION perfeval_internal.stage_flush() IS '语句结束时把缓冲的暂存行写入 Citus 参考表（触发器） / Writes the rows buffered for Citus reference tables when the statement ends (trigger)';
COMMENT ON FUNCTION perfeval_internal.stage_row() IS '暂存一行表单并记下其 CSV 行号（触发器） / Stages a form row with its CSV line (trigger)';
COMMENT ON FUNCTION perfeval_internal.ensure_national_self() IS '按需创建全国自评表方案 national_self / Creates the national self-evaluation scheme when first needed';
COMMENT ON FUNCTION perfeval_internal.form_number(text) IS '表单中的数字（千分位、全角） / A number as a form writes it';
COMMENT ON FUNCTION perfeval_internal.form_parse(text, text) IS '解析表单字段并保留错误 / Parses a form field, keeping its error';
COMMENT ON FUNCTION perfeval_internal.judged_by_score(numeric, numeric, perfeval.rules) IS '按报告得分评判：完成比例（得分÷分值，百分比）及其档次 / A row judged by its printed score: the fraction score ÷ weight in percent and its tier';
COMMENT ON FUNCTION perfeval_internal.form_projects() IS '暂存表单的项目行（核心读取：全国默认值、类型化字段、逐字段问题） / The staged forms'' project rows as the core reads them: national defaults, typed fields, each field''s problem';
COMMENT ON FUNCTION perfeval_internal.import_progress(text, bigint, bigint, timestamptz) IS '在 pg_stat_activity 中显示导入进度（阶段、表单数、速度） / Shows the import''s progress in pg_stat_activity: phase, forms, rate';
COMMENT ON FUNCTION perfeval_internal.form_target(text, text, text, text) IS '表单行的指标值（性质+指标值+单位，无年份日期补表单年度） / A form row''s target: comparator, value and unit composed, a date without its year in the form''s year';
COMMENT ON FUNCTION perfeval_internal.form_actual(text, text, text, text) IS '表单行的实际完成值（去掉重复的比较符） / A form row''s actual, a comparator repeating the target''s dropped';
COMMENT ON FUNCTION perfeval_internal.form_comparator(text) IS '表单文字开头的比较符 / The comparator a form text begins with';
COMMENT ON FUNCTION perfeval_internal.stager_may_load(name, text, text, text) IS '暂存表单的角色可否装载它（所替换的项目及所写的部门与区划） / Whether the role that staged a form may load it: the project it replaces and the department and division it writes';
COMMENT ON FUNCTION perfeval_internal.taken_codes(text[]) IS '已有项目的编码（不论可见与否） / The codes that name existing projects, visible or not';
COMMENT ON FUNCTION perfeval_internal.insert_rows(regclass, text, text, bigint, bigint) IS '以多行 INSERT 写入查询结果（Citus 上受行级安全约束的角色） / Inserts a query''s rows by multi-row INSERTs (on Citus, for a role under row-level security)';
COMMENT ON FUNCTION perfeval_internal.keep_later() IS '此后批量写入只记下所写项目，由 keep_now() 一次维护其状态（导入） / From now on bulk_insert() only notes the projects it writes, whose kept state keep_now() then maintains at once (the import)';
COMMENT ON FUNCTION perfeval_internal.keep_now() IS '一次加锁并重算 keep_later() 以来批量写入的项目状态，返回项目数 / Locks once and recomputes the kept state of the projects bulk_insert() wrote since keep_later(); returns how many';
COMMENT ON FUNCTION perfeval_internal.bulk_insert(regclass, text, text, bigint, bigint) IS '像 COPY 一样分批写入查询结果：每批一次检查外键，项目状态最后重算一次；需要 INSERT 时返回 NULL / Writes a query''s rows in batches as COPY does, foreign keys checked once per batch and the kept state recomputed once; NULL where an INSERT is needed';
COMMENT ON FUNCTION perfeval_internal.write_rows(regclass, text, text, bigint, bigint) IS '导入写入一张表：分批写入（bulk_insert）、INSERT ... SELECT，或在 Citus 上逐批多行插入 / The import''s write of one table: bulk_insert(), an INSERT ... SELECT, or batched multi-row INSERTs on Citus';
COMMENT ON FUNCTION perfeval_internal.write_forms(bigint, bigint) IS '写入编号 lo 至 hi 的无问题表单（替换同编码项目） / Writes the problem-free forms numbered lo to hi, replacing their projects';
COMMENT ON TYPE perfeval_internal.parsed IS '表单字段的解析结果或错误 / A parsed form field, or its error';
COMMENT ON FUNCTION perfeval_internal.form_rows(boolean) IS '暂存指标行逐表单编号与解析（一次读取；narrow：只给导入所写所查的列） / The staged indicator rows numbered and parsed, form by form, in one pass (narrow: only the columns the import writes and checks)';
COMMENT ON VIEW perfeval_internal.form_indicator_rows IS '暂存指标行的解析结果 / Staged indicator rows, parsed';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.weight_text IS '分值原文 / 分值 as written';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.score_text IS '得分原文 / 得分 as written';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.note IS '偏差原因（去空白） / Deviation note, trimmed';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.nature IS '指标性质（去空白） / Comparator column, trimmed';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.target_raw IS '指标值原文 / 指标值 as written';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.actual_raw IS '实际完成值原文 / 实际完成值 as written';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.qualitative IS '指标性质为定性 / Marked 定性';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.target_text IS '组合后的目标文本（性质+指标值+单位） / The target as composed: comparator, value, unit';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.actual_text IS '实际值文本（去掉重复的比较符） / The actual, a repeated comparator removed';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.ordinal IS '表单内的行序 / Order within the form';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.occurrence IS '同名指标的第几次出现 / Occurrence of the same indicator in the form';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.l1_first IS '该一级指标首次出现的行 / First line of its level 1';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.l2_first IS '该二级指标首次出现的行 / First line of its level 2';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.weight_p IS '分值的解析错误（无错为空） / 分值''s parse error, NULL if none';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.score_p IS '得分的解析错误（无错为空） / 得分''s parse error, NULL if none';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.target_p IS '目标的解析错误（无错为空） / The target''s parse error, NULL if none';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.actual_p IS '实际值的解析错误（无错为空） / The actual''s parse error, NULL if none';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.weight IS '分值 / 分值 read';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.score IS '得分 / 得分 read';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.tgt IS '目标值 / The target read';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.msr IS '实际值 / The actual read';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.offs IS '表单有预算执行率行时为1（编码从B开始） / 1 when the form has an execution-rate row (codes after A)';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.has_checklist IS '有评价要点行 / Has checklist rows';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.has_survey IS '有满意度调查行 / Has survey rows';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.l1n IS '一级指标序号 / Number of its level 1 in the form';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.l2n IS '二级指标在一级内的序号 / Number of its level 2 within its level 1';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.l3n IS '三级指标在二级内的序号 / Number within its level 2';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.code IS '指标编码（按表单顺序） / Indicator code, in form order';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.seq IS '指标顺序号 / Position of the indicator';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.source IS '得分来源（actual、checklist、survey、printed…） / Where its score comes from';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.method_raw IS '指标性质括号内的评分方法原文 / The scoring method written in 指标性质''s brackets';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.method_p IS '评分方法的解析错误（无错为空） / The scoring method''s parse error, NULL if none';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.applicable IS '是否适用（指标值、实际完成值、分值或得分为“/”“不适用”等则否） / Whether it applies (not when 指标值, 实际完成值, 分值 or 得分 is a mark such as / or 不适用)';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.form_rows IS '表单的指标行数 / Indicator rows of the form';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.form_weighted IS '表单中填了分值的行数 / Rows of the form with a 分值 written';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.too_large IS '表单行数超过一个项目所能容纳（未读取） / The form has more rows than a project holds (not read)';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.level1_points IS '一级指标单元格所列分值 / Points printed in its level-1 cell';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.weight_mark IS '分值写作“/”等（不适用，无分值） / 分值 written as a mark such as /: no weight, does not apply';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.problem_columns IS '该行问题所在的表头（与其余 problem_* 数组一一对应） / The headers of the row''s problems (in step with the other problem_* arrays)';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.problem_values IS '该行问题的原值 / The values of the row''s problems, as written';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.problem_states IS '该行问题的 SQLSTATE / The SQLSTATEs of the row''s problems';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.problem_messages IS '该行问题的说明 / The messages of the row''s problems';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.problem_hints IS '该行问题的提示 / The hints of the row''s problems';
COMMENT ON FUNCTION perfeval_internal.form_problems() IS '暂存表单的全部问题 / Every problem of the staged forms';

-- The header columns: the same sentence for the view and its staging table.
DO $$
DECLARE
	c record;
	en jsonb := '{"项目编码": "project code (the budget system''s)", "项目名称": "project name", "年度": "year",
		"行政区划代码": "GB/T 2260 division code", "主管部门": "supervising department", "实施单位": "implementing unit",
		"评价类型": "evaluation kind (empty: 单位自评)", "评分方案": "scheme_id (empty: national_self)",
		"金额单位": "money unit (元, 万元, 亿元; empty: 万元)", "年初预算数": "initial budget", "全年预算数": "full-year budget",
		"实际到位数": "money arrived", "全年执行数": "money spent", "预算执行率分值": "weight of the execution-rate row",
		"预算执行率得分": "printed score of the execution-rate row", "总分": "printed total", "评价等级": "printed grade",
		"一级指标": "level-1 indicator", "二级指标": "level-2 indicator", "三级指标": "level-3 indicator",
		"指标性质": "comparator (empty, 定性, ≥ ≤ ＝ …)", "指标值": "target value", "度量单位": "unit of the target",
		"分值": "weight", "实际完成值": "actual", "得分": "printed score", "偏差原因分析及改进措施": "deviation note",
		"评价要点": "checklist point", "要点分值": "points of the checklist point", "扣分": "deduction",
		"扣分理由": "reason for the deduction", "选项": "survey answer option", "人数": "respondents",
		"系数": "coefficient (empty: the scheme''s)", "年度总体目标": "the year''s overall goal (预期目标)",
		"实际完成情况": "what was done towards the overall goal"}';
BEGIN
	FOR c IN SELECT r.oid::regclass AS rel, a.attname FROM pg_attribute a JOIN pg_class r ON r.oid = a.attrelid
			  WHERE r.oid IN ('perfeval.form_project'::regclass, 'perfeval.form_indicator'::regclass,
							  'perfeval.export_project'::regclass, 'perfeval.export_indicator'::regclass,
							  'perfeval.export_checklist'::regclass, 'perfeval.export_survey'::regclass,
							  'perfeval.form_checklist'::regclass, 'perfeval.form_survey'::regclass,
							  'perfeval_internal.staged_project'::regclass, 'perfeval_internal.staged_indicator'::regclass,
							  'perfeval_internal.staged_checklist'::regclass, 'perfeval_internal.staged_survey'::regclass,
							  'perfeval.form_goal'::regclass, 'perfeval.export_goal'::regclass,
							  'perfeval_internal.staged_goal'::regclass)
				AND a.attnum > 0 AND NOT a.attisdropped LOOP
		EXECUTE format('COMMENT ON COLUMN %s.%I IS %L', c.rel, c.attname,
			CASE c.attname WHEN 'line' THEN 'CSV 文件行号（表头为第1行） / Line of the CSV file, header = line 1'
				WHEN 'batch' THEN '暂存批次（写入语句） / Staging batch (the statement that staged it)'
				WHEN 'staged_by' THEN '暂存该行的角色 / The role that staged the row'
				ELSE '表头“' || c.attname || '”，原文 / Form header, as written: ' || (en ->> c.attname) END);
	END LOOP;
END $$;
