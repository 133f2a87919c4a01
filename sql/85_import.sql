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
--
-- The monitoring form (绩效监控表, 1.16) has two more layouts,
-- perfeval.form_monitor and form_monitor_money: a form of them reports on a
-- project already in the warehouse at a date (perfeval.actual,
-- perfeval.execution and what it printed beside them,
-- perfeval.monitoring_finding), replacing the facts of the same keys.

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
-- 绩效监控表 (1.16, issue 28): an indicator's progress at a month, and the
-- money by fund source; 截至月份 is the month the file's headers name
-- (1-8月实际完成值: 8, written into every row by stage_file()), 偏差原因
-- and 完成可能性 the words or the ticked columns' words (src/pe_csv.c)
CREATE TABLE perfeval_internal.staged_monitor (
	line int NOT NULL,
	batch bigint NOT NULL,
	"项目编码" text, "一级指标" text, "二级指标" text, "三级指标" text, "指标编码" text, "年度指标值" text,
	"截至月份" text, "实际完成值" text, "全年预计完成值" text, "偏差原因" text, "完成可能性" text, "原因说明" text,
	"监控日期" text,
	staged_by name NOT NULL DEFAULT CURRENT_USER
);
CREATE TABLE perfeval_internal.staged_monitor_money (
	line int NOT NULL,
	batch bigint NOT NULL,
	"项目编码" text, "资金来源" text, "金额单位" text, "全年预算数" text, "到位数" text, "截至月份" text,
	"执行数" text, "执行率" text, "监控日期" text,
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
CREATE VIEW perfeval.form_monitor WITH (security_invoker = true) AS
SELECT "项目编码", "一级指标", "二级指标", "三级指标", "指标编码", "年度指标值", "截至月份", "实际完成值",
	   "全年预计完成值", "偏差原因", "完成可能性", "原因说明", "监控日期"
  FROM perfeval_internal.staged_monitor;
CREATE VIEW perfeval.form_monitor_money WITH (security_invoker = true) AS
SELECT "项目编码", "资金来源", "金额单位", "全年预算数", "到位数", "截至月份", "执行数", "执行率", "监控日期"
  FROM perfeval_internal.staged_monitor_money;

-- One row per staged row: its line and batch (the statement that staged it).
CREATE VIEW perfeval.staged_lines WITH (security_invoker = true) AS
SELECT 'form_project'::text AS relation, "项目编码" AS project_code, line, batch FROM perfeval_internal.staged_project
UNION ALL SELECT 'form_indicator', "项目编码", line, batch FROM perfeval_internal.staged_indicator
UNION ALL SELECT 'form_checklist', "项目编码", line, batch FROM perfeval_internal.staged_checklist
UNION ALL SELECT 'form_survey', "项目编码", line, batch FROM perfeval_internal.staged_survey
UNION ALL SELECT 'form_goal', "项目编码", line, batch FROM perfeval_internal.staged_goal
UNION ALL SELECT 'form_monitor', "项目编码", line, batch FROM perfeval_internal.staged_monitor
UNION ALL SELECT 'form_monitor_money', "项目编码", line, batch FROM perfeval_internal.staged_monitor_money;

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
CREATE TRIGGER stage_row INSTEAD OF INSERT ON perfeval.form_monitor
	FOR EACH ROW EXECUTE FUNCTION perfeval_internal.stage_row();
CREATE TRIGGER stage_row INSTEAD OF INSERT ON perfeval.form_monitor_money
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
CREATE TRIGGER stage_flush AFTER INSERT ON perfeval.form_monitor
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.stage_flush();
CREATE TRIGGER stage_flush AFTER INSERT ON perfeval.form_monitor_money
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
	FOREACH t IN ARRAY ARRAY['staged_project', 'staged_indicator', 'staged_checklist', 'staged_survey', 'staged_goal',
							 'staged_monitor', 'staged_monitor_money'] LOOP
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
		perfeval_internal.staged_checklist, perfeval_internal.staged_survey, perfeval_internal.staged_goal,
		perfeval_internal.staged_monitor, perfeval_internal.staged_monitor_money;
END $$;

-- (Loaders' only: granted by grant_import(), section 48.)
REVOKE ALL ON FUNCTION perfeval_internal.analyze_staging() FROM PUBLIC;

-- Forms waiting for correction and their problems survive pg_dump.
SELECT pg_catalog.pg_extension_config_dump('perfeval_internal.staged_project', '');
SELECT pg_catalog.pg_extension_config_dump('perfeval_internal.staged_indicator', '');
SELECT pg_catalog.pg_extension_config_dump('perfeval_internal.staged_checklist', '');
SELECT pg_catalog.pg_extension_config_dump('perfeval_internal.staged_survey', '');
SELECT pg_catalog.pg_extension_config_dump('perfeval_internal.staged_goal', '');
SELECT pg_catalog.pg_extension_config_dump('perfeval_internal.staged_monitor', '');
SELECT pg_catalog.pg_extension_config_dump('perfeval_internal.staged_monitor_money', '');
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
		SELECT 'national_self', '全国项目支出绩效自评表（执行率以全年预算为分母）', 'budget'
		 WHERE NOT EXISTS (SELECT FROM perfeval.scheme s WHERE s.scheme_id = 'national_self')
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

-- A monitoring form's cell read by the core (src/pe_monform.c, 1.16): kind
-- 'cause' (偏差原因) and 'likelihood' (完成可能性) give the word the
-- warehouse holds; 'fund' (资金来源) the fund level in word, and in part
-- what the line is: a level of 财政拨款 (0: 中央, 省级, 市级, 县区级),
-- 财政拨款 (1, their sum), the total (2, the sum of every level) or a level
-- outside 财政拨款 (3: 上年结转, 其他); 'date' the report date of 监控日期
-- (v) and 截至月份 (month) in the project's year; 'rate' a printed 执行率
-- as a percentage, its decimals in part; 'level' the fund level of a
-- division's money (v: its code).  A cell that cannot be read gives its
-- problem (sqlstate, message, hint) and no word.
CREATE TYPE perfeval_internal.monitor_value AS (word text, part int, sqlstate text, message text, hint text);
CREATE FUNCTION perfeval_internal.monitor_cell(kind text, v text, year int DEFAULT NULL, month text DEFAULT NULL)
	RETURNS perfeval_internal.monitor_value
	LANGUAGE C IMMUTABLE PARALLEL SAFE AS 'MODULE_PATHNAME', 'pe_monitor_cell';

-- Every staged indicator row of a form, as it will be written, read by the
-- core's form reader (src/pe_form.c, 1.16): a merged cell's blank 一级指标
-- or 二级指标 inherits the row above, a level-1 cell's points (产出指标（50分）)
-- go to level1_points, a row with no 三级指标 and nothing but marks (/, a dash,
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


-- Move every staged form into the warehouse (src/import.c: the statements
-- are the library's, so a release that changes the import changes no
-- catalog entry).  The staged rows are read once by the core's readers
-- (form_projects(), form_rows(), form_points(), form_answers()) into
-- temporary tables, their problems written to import_error; the
-- problem-free forms, numbered in form order, are written in chunks of
-- 1,000, each chunk one subtransaction (a NOTICE every 10,000 forms with
-- the count and rate); a chunk that fails on a rule only the tables check
-- (a class 22 or 23 error, 42501) is written again form by form, so that
-- the failing form is rejected with that error and the others are
-- imported.  Each form replaces the project of its 项目编码 (the project and
-- every fact of it deleted first); on one node by bulk_insert(), on a
-- Citus cluster by insert_rows(), else by INSERT ... SELECT.
CREATE FUNCTION perfeval.import_forms() RETURNS TABLE (project_code text, status text, indicators int, errors int)
	LANGUAGE C SET search_path = pg_catalog, pg_temp SET jit = off AS 'MODULE_PATHNAME', 'pe_import_forms';

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

-- The import's writes of a chunk of forms (src/import.c): on one node,
-- where row-level security does not apply to the caller, by bulk_insert()
-- (src/bulk.c): batches written as COPY writes them, each batch's foreign
-- keys checked and parents locked by one query, the kept state recomputed
-- once.  On a Citus cluster, where row-level security applies to the
-- caller, by multi-row INSERTs (insert_rows(), src/stagebuf.c): Citus would
-- COPY an INSERT ... SELECT's rows to the shards, which row-level security
-- refuses.
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
-- import's writes of a chunk of forms (src/import.c).
CREATE FUNCTION perfeval_internal.keep_later() RETURNS void
	LANGUAGE C VOLATILE AS 'MODULE_PATHNAME', 'pe_keep_later';
-- (No JIT and no sequential scans for these statements, nor JIT for the
-- import's: see keep_facts(), section 45.)
CREATE FUNCTION perfeval_internal.keep_now() RETURNS bigint
	LANGUAGE C VOLATILE SET jit = off SET enable_seqscan = off AS 'MODULE_PATHNAME', 'pe_keep_now';




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

-- The monitoring forms out again (1.16): every actual reported as a
-- monitoring form reports it (not judged by a tier: a tier is the
-- self-evaluation's) and every line of dated money, at its date (监控日期),
-- in the form_monitor and form_monitor_money layouts; importing them back
-- gives the same rows.
CREATE VIEW perfeval.export_monitor AS
SELECT perfeval_internal.export_cell(a.project_id) AS "项目编码", perfeval_internal.export_cell(i.level1) AS "一级指标",
	   perfeval_internal.export_cell(i.level2) AS "二级指标", perfeval_internal.export_cell(i.name) AS "三级指标",
	   perfeval_internal.export_cell(a.code) AS "指标编码", perfeval_internal.export_cell(i.target::text) AS "年度指标值",
	   NULL::text AS "截至月份", perfeval_internal.export_cell(a.measure::text) AS "实际完成值",
	   perfeval_internal.export_cell(a.forecast::text) AS "全年预计完成值", a.cause AS "偏差原因",
	   a.likelihood AS "完成可能性", perfeval_internal.export_cell(a.deviation_note) AS "原因说明",
	   a.reported_on::text AS "监控日期"
  FROM perfeval.actual a
  JOIN perfeval.indicator i ON i.project_id = a.project_id AND i.code = a.code
 WHERE a.tier IS NULL AND perfeval_internal.in_scope(a.project_id)
 ORDER BY a.project_id, a.reported_on, i.seq, a.code;
CREATE VIEW perfeval.export_monitor_money AS
SELECT perfeval_internal.export_cell(e.project_id) AS "项目编码", e.fund_level AS "资金来源", e.unit AS "金额单位",
	   trim_scale(e.budget)::text AS "全年预算数", trim_scale(e.arrived)::text AS "到位数", NULL::text AS "截至月份",
	   trim_scale(e.spent)::text AS "执行数", NULL::text AS "执行率", e.reported_on::text AS "监控日期"
  FROM perfeval.execution e
 WHERE perfeval_internal.in_scope(e.project_id)
 ORDER BY e.project_id, e.reported_on, e.fund_level;

COMMENT ON TABLE perfeval_internal.staged_project IS '已暂存的项目表单行（含 CSV 行号） / Staged form rows of projects, with their CSV line';
COMMENT ON TABLE perfeval_internal.staged_indicator IS '已暂存的指标表单行（含 CSV 行号） / Staged form rows of indicators, with their CSV line';
COMMENT ON TABLE perfeval_internal.staged_checklist IS '已暂存的评价要点行（含 CSV 行号） / Staged checklist rows, with their CSV line';
COMMENT ON TABLE perfeval_internal.staged_survey IS '已暂存的满意度调查行（含 CSV 行号） / Staged survey rows, with their CSV line';
COMMENT ON TABLE perfeval_internal.staged_goal IS '已暂存的年度总体目标行（含 CSV 行号） / Staged overall-goal rows (年度总体目标), with their CSV line';
COMMENT ON TABLE perfeval_internal.staged_monitor IS '已暂存的绩效监控表指标行（含 CSV 行号） / Staged indicator rows of monitoring forms (绩效监控表), with their CSV line';
COMMENT ON TABLE perfeval_internal.staged_monitor_money IS '已暂存的绩效监控表资金行（含 CSV 行号） / Staged money rows of monitoring forms (绩效监控表), with their CSV line';
COMMENT ON SEQUENCE perfeval_internal.staged_batch IS '暂存批次号（每条写入语句一个） / Staging batch numbers, one per statement';
COMMENT ON VIEW perfeval.form_project IS '项目支出绩效自评表的项目部分（列即表头，均为文本；\copy ... HEADER match 装入） / The project part of the self-evaluation form: its headers as text columns, loaded with \copy ... HEADER match';
COMMENT ON VIEW perfeval.form_indicator IS '自评表的三级指标行（每行一个三级指标） / One row per level-3 indicator of the form';
COMMENT ON VIEW perfeval.form_checklist IS '评价要点与扣分（可选） / Checklist points and deductions (optional)';
COMMENT ON VIEW perfeval.form_survey IS '满意度调查人数（可选；系数为空取方案系数） / Survey counts (optional; empty 系数: the scheme''s)';
COMMENT ON VIEW perfeval.form_monitor IS '绩效监控表的指标行：年度指标值、1-N月实际完成值、全年预计完成值、偏差原因、完成可能性（导入时项目须已在库中） / Indicator rows of the monitoring form (绩效监控表): the year''s target, the actual to month N, the full-year forecast, the cause and likelihood (the project must already be in the warehouse)';
COMMENT ON VIEW perfeval.form_monitor_money IS '绩效监控表的资金行：按资金来源的全年预算数、到位数、1-N月执行数（合计行只核对不入库） / Money rows of the monitoring form by fund source: full-year budget, money arrived, spent to month N (total lines are checked, not stored)';
COMMENT ON VIEW perfeval.form_goal IS '年度总体目标：预期目标与实际完成情况（可选；多行按行序相连） / The year''s overall goal (年度总体目标): the goal set and what was done (optional; several rows joined in line order)';
COMMENT ON VIEW perfeval.export_project IS '按自评表项目部分的格式导出项目（导出后可再导入） / Projects in the form_project layout, to export and import again';
COMMENT ON VIEW perfeval.export_indicator IS '按自评表指标部分的格式导出指标 / Indicators in the form_indicator layout';
COMMENT ON VIEW perfeval.export_checklist IS '按评价要点格式导出 / Checklist points in the form_checklist layout';
COMMENT ON VIEW perfeval.export_survey IS '按满意度调查格式导出 / Survey counts in the form_survey layout';
COMMENT ON VIEW perfeval.export_goal IS '按年度总体目标格式导出 / Overall goals (年度总体目标) in the form_goal layout';
COMMENT ON VIEW perfeval.export_monitor IS '按绩效监控表指标格式导出各报告日的实际值（导出后可再导入） / Actuals at their report dates in the form_monitor layout, to export and import again';
COMMENT ON VIEW perfeval.export_monitor_money IS '按绩效监控表资金格式导出各报告日的资金 / Dated money in the form_monitor_money layout';
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
COMMENT ON TYPE perfeval_internal.monitor_value IS '监控表单元格的读取结果：词或问题 / A monitoring form''s cell as read: its word, or its problem';
COMMENT ON FUNCTION perfeval_internal.monitor_cell(text, text, integer, text) IS '按核心规则读取监控表单元格（偏差原因、完成可能性、资金来源、监控日期、执行率、资金级次） / A monitoring form''s cell read by the core''s rules (cause, likelihood, fund source, report date, printed rate, a division''s fund level)';
COMMENT ON FUNCTION perfeval_internal.form_actual(text, text, text, text) IS '表单行的实际完成值（去掉重复的比较符） / A form row''s actual, a comparator repeating the target''s dropped';
COMMENT ON FUNCTION perfeval_internal.form_comparator(text) IS '表单文字开头的比较符 / The comparator a form text begins with';
COMMENT ON FUNCTION perfeval_internal.stager_may_load(name, text, text, text) IS '暂存表单的角色可否装载它（所替换的项目及所写的部门与区划） / Whether the role that staged a form may load it: the project it replaces and the department and division it writes';
COMMENT ON FUNCTION perfeval_internal.taken_codes(text[]) IS '已有项目的编码（不论可见与否） / The codes that name existing projects, visible or not';
COMMENT ON FUNCTION perfeval_internal.insert_rows(regclass, text, text, bigint, bigint) IS '以多行 INSERT 写入查询结果（Citus 上受行级安全约束的角色） / Inserts a query''s rows by multi-row INSERTs (on Citus, for a role under row-level security)';
COMMENT ON FUNCTION perfeval_internal.keep_later() IS '此后批量写入只记下所写项目，由 keep_now() 一次维护其状态（导入） / From now on bulk_insert() only notes the projects it writes, whose kept state keep_now() then maintains at once (the import)';
COMMENT ON FUNCTION perfeval_internal.keep_now() IS '一次加锁并重算 keep_later() 以来批量写入的项目状态，返回项目数 / Locks once and recomputes the kept state of the projects bulk_insert() wrote since keep_later(); returns how many';
COMMENT ON FUNCTION perfeval_internal.bulk_insert(regclass, text, text, bigint, bigint) IS '像 COPY 一样分批写入查询结果：每批一次检查外键，项目状态最后重算一次；需要 INSERT 时返回 NULL / Writes a query''s rows in batches as COPY does, foreign keys checked once per batch and the kept state recomputed once; NULL where an INSERT is needed';
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
		"实际完成情况": "what was done towards the overall goal", "指标编码": "indicator code (instead of 三级指标)",
		"年度指标值": "the year''s target as printed", "截至月份": "month N of the report (1-N月)",
		"全年预计完成值": "the full-year forecast", "偏差原因": "cause of the deviation (or the ticked column''s word)",
		"完成可能性": "likelihood of meeting the year''s target (or the ticked column''s word)",
		"原因说明": "explanation of the deviation", "监控日期": "report date (empty: the last day of month N)",
		"资金来源": "fund source (年度资金总额, 财政拨款, 中央, 省级, 市级, 县区级, 上年结转, 其他 …)",
		"到位数": "money arrived", "执行数": "money spent to month N", "执行率": "printed execution rate (checked)"}';
BEGIN
	FOR c IN SELECT r.oid::regclass AS rel, a.attname FROM pg_attribute a JOIN pg_class r ON r.oid = a.attrelid
			  WHERE r.oid IN ('perfeval.form_project'::regclass, 'perfeval.form_indicator'::regclass,
							  'perfeval.export_project'::regclass, 'perfeval.export_indicator'::regclass,
							  'perfeval.export_checklist'::regclass, 'perfeval.export_survey'::regclass,
							  'perfeval.form_checklist'::regclass, 'perfeval.form_survey'::regclass,
							  'perfeval_internal.staged_project'::regclass, 'perfeval_internal.staged_indicator'::regclass,
							  'perfeval_internal.staged_checklist'::regclass, 'perfeval_internal.staged_survey'::regclass,
							  'perfeval.form_goal'::regclass, 'perfeval.export_goal'::regclass,
							  'perfeval_internal.staged_goal'::regclass, 'perfeval.form_monitor'::regclass,
							  'perfeval.form_monitor_money'::regclass, 'perfeval_internal.staged_monitor'::regclass,
							  'perfeval_internal.staged_monitor_money'::regclass, 'perfeval.export_monitor'::regclass,
							  'perfeval.export_monitor_money'::regclass)
				AND a.attnum > 0 AND NOT a.attisdropped LOOP
		EXECUTE format('COMMENT ON COLUMN %s.%I IS %L', c.rel, c.attname,
			CASE c.attname WHEN 'line' THEN 'CSV 文件行号（表头为第1行） / Line of the CSV file, header = line 1'
				WHEN 'batch' THEN '暂存批次（写入语句） / Staging batch (the statement that staged it)'
				WHEN 'staged_by' THEN '暂存该行的角色 / The role that staged the row'
				ELSE '表头“' || c.attname || '”，原文 / Form header, as written: ' || (en ->> c.attname) END);
	END LOOP;
END $$;
