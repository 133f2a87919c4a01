-- perfeval 1.15 -> 1.16: real forms go in (issue 26).
-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION perfeval UPDATE TO '1.16'" to load this file. \quit

-- Blocks, each named by what it brings; the rules themselves ship in the
-- library (src/pe_form.c, src/pe_csv.c), so most blocks only declare.

-- == import speed ==
-- The kept state of a chunk of imported forms once, at the end of its
-- writes (src/keep.c, deferred keeping): bulk_insert() between keep_later()
-- and keep_now() only notes the projects it wrote; the import calls the
-- two around the writes of each chunk of forms.  (The recompute statements themselves are in the
-- library.)
CREATE FUNCTION perfeval_internal.keep_later() RETURNS void
	LANGUAGE C VOLATILE AS 'MODULE_PATHNAME', 'pe_keep_later';
-- (No JIT and no sequential scans for these statements, nor JIT for the
-- import's: see keep_facts(), section 45.)
CREATE FUNCTION perfeval_internal.keep_now() RETURNS bigint
	LANGUAGE C VOLATILE SET jit = off SET enable_seqscan = off AS 'MODULE_PATHNAME', 'pe_keep_now';
COMMENT ON FUNCTION perfeval_internal.keep_later() IS '此后批量写入只记下所写项目，由 keep_now() 一次维护其状态（导入） / From now on bulk_insert() only notes the projects it writes, whose kept state keep_now() then maintains at once (the import)';
COMMENT ON FUNCTION perfeval_internal.keep_now() IS '一次加锁并重算 keep_later() 以来批量写入的项目状态，返回项目数 / Locks once and recomputes the kept state of the projects bulk_insert() wrote since keep_later(); returns how many';

-- == forms as counties send them: the tables ==
-- (issue 26) a department taken from the implementing unit, the points a
-- level-1 cell printed, and a row that does not apply may have no weight
ALTER TABLE perfeval.project ADD COLUMN department_from_unit boolean NOT NULL DEFAULT false;
ALTER TABLE perfeval.indicator ADD COLUMN level1_points numeric
	CONSTRAINT indicator_level1_points_check CHECK (perfeval.is_exact(level1_points) AND level1_points >= 0);
CREATE FUNCTION perfeval_internal.is_year(int) RETURNS boolean
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE AS 'MODULE_PATHNAME', 'pe_is_year';
CREATE FUNCTION perfeval_internal.is_division_code(text) RETURNS boolean
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE AS 'MODULE_PATHNAME', 'pe_is_division_code';
CREATE FUNCTION perfeval_internal.is_evaluation_kind(text) RETURNS boolean
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE AS 'MODULE_PATHNAME', 'pe_is_evaluation_kind';
CREATE FUNCTION perfeval_internal.is_money_unit(text) RETURNS boolean
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE AS 'MODULE_PATHNAME', 'pe_is_money_unit';
-- (the tables check by the core's rules, which the form reader reads by)
ALTER TABLE perfeval.project DROP CONSTRAINT project_year_check,
	ADD CONSTRAINT project_year_check CHECK (perfeval_internal.is_year(year)),
	DROP CONSTRAINT project_division_code_check,
	ADD CONSTRAINT project_division_code_check CHECK (perfeval_internal.is_division_code(division_code)),
	DROP CONSTRAINT project_evaluation_kind_check,
	ADD CONSTRAINT project_evaluation_kind_check CHECK (perfeval_internal.is_evaluation_kind(evaluation_kind));
ALTER TABLE perfeval.allocation DROP CONSTRAINT allocation_unit_check,
	ADD CONSTRAINT allocation_unit_check CHECK (perfeval_internal.is_money_unit(unit));
ALTER TABLE perfeval.indicator DROP CONSTRAINT indicator_weight_positive,
	ADD CONSTRAINT indicator_weight_positive CHECK (perfeval.is_exact(weight)
		AND (weight > 0 OR (weight = 0 AND NOT applicable)));

COMMENT ON FUNCTION perfeval_internal.is_year(int) IS '年度是否有效（1990 至 2100） / Whether a year is valid (1990 to 2100)';
COMMENT ON FUNCTION perfeval_internal.is_division_code(text) IS '是否为六位行政区划代码（GB/T 2260） / Whether a text is a six-digit GB/T 2260 division code';
COMMENT ON FUNCTION perfeval_internal.is_evaluation_kind(text) IS '是否为评价类型（单位自评、部门评价、财政评价、第三方） / Whether a text is an evaluation kind (单位自评, 部门评价, 财政评价, 第三方)';
COMMENT ON FUNCTION perfeval_internal.is_money_unit(text) IS '是否为金额单位（元、万元、亿元） / Whether a text is a money unit (元, 万元, 亿元)';
ALTER TABLE perfeval.project ADD COLUMN annual_goal text, ADD COLUMN annual_outcome text;
COMMENT ON COLUMN perfeval.project.annual_goal IS '年度总体目标：预期目标（原文） / The year''s overall goal as set (年度总体目标, 预期目标), as written';
COMMENT ON COLUMN perfeval.project.annual_outcome IS '年度总体目标：实际完成情况（原文） / What was done towards the overall goal (实际完成情况), as written';
COMMENT ON COLUMN perfeval.project.department_from_unit IS '表单未填主管部门，主管部门取实施单位（列为问题） / The form left 主管部门 empty: the department is its implementing unit (a finding)';
COMMENT ON COLUMN perfeval.indicator.level1_points IS '一级指标单元格所列分值（如“产出指标（50分）”），无则为空 / Points printed in its level-1 cell (产出指标（50分）), NULL if none';

-- == forms as counties send them: the reader ==
-- (the rules are the library's, src/pe_form.c; form_rows() gives five more
-- columns and takes narrow, the import's call, which leaves what it neither
-- writes nor checks NULL: so it and its view are made again, their loaders'
-- grants kept)
SELECT set_config('perfeval.upgrade_grantees', coalesce(string_agg(a.grantee::regrole::text, ','), ''), true)
  FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) a
 WHERE c.oid = 'perfeval_internal.form_indicator_rows'::regclass AND a.grantee <> c.relowner
   AND a.grantee <> 0 AND a.privilege_type = 'SELECT';
DROP VIEW perfeval_internal.form_indicator_rows;
DROP FUNCTION perfeval_internal.form_rows();

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

CREATE VIEW perfeval_internal.form_indicator_rows WITH (security_invoker = true) AS
SELECT * FROM perfeval_internal.form_rows();

DO $$
BEGIN
	IF current_setting('perfeval.upgrade_grantees', true) <> '' THEN
		EXECUTE 'GRANT SELECT ON perfeval_internal.form_indicator_rows TO '
			|| current_setting('perfeval.upgrade_grantees', true);
	END IF;
END $$;

CREATE FUNCTION perfeval_internal.import_progress(phase text, done bigint, total bigint, started timestamptz)
	RETURNS void LANGUAGE C STRICT VOLATILE AS 'MODULE_PATHNAME', 'pe_import_progress_sql';

CREATE FUNCTION perfeval_internal.judged_by_score(score numeric, weight numeric, rules perfeval.rules,
		OUT fraction numeric, OUT tier text)
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE AS 'MODULE_PATHNAME', 'pe_judged_by_score_sql';

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

-- (the project row's rules are the core's now: form_projects())
DROP FUNCTION perfeval_internal.form_offs(text);
DROP FUNCTION perfeval_internal.form_kind(text);

COMMENT ON FUNCTION perfeval_internal.judged_by_score(numeric, numeric, perfeval.rules) IS '按报告得分评判：完成比例（得分÷分值，百分比）及其档次 / A row judged by its printed score: the fraction score ÷ weight in percent and its tier';
COMMENT ON FUNCTION perfeval_internal.form_projects() IS '暂存表单的项目行（核心读取：全国默认值、类型化字段、逐字段问题） / The staged forms'' project rows as the core reads them: national defaults, typed fields, each field''s problem';
COMMENT ON FUNCTION perfeval_internal.import_progress(text, bigint, bigint, timestamptz) IS '在 pg_stat_activity 中显示导入进度（阶段、表单数、速度） / Shows the import''s progress in pg_stat_activity: phase, forms, rate';
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

-- == forms as counties send them: the import ==
-- (the import is the library's, src/import.c: its statements ship there, so
-- that a release that changes them changes no catalog entry; the three
-- PL/pgSQL functions that held them are gone)
DROP FUNCTION perfeval_internal.write_forms(bigint, bigint);
DROP FUNCTION perfeval_internal.write_rows(regclass, text, text, bigint, bigint);
DROP FUNCTION perfeval_internal.form_problems();
CREATE OR REPLACE FUNCTION perfeval.import_forms() RETURNS TABLE (project_code text, status text, indicators int, errors int)
	LANGUAGE C SET search_path = pg_catalog, pg_temp SET jit = off AS 'MODULE_PATHNAME', 'pe_import_forms';

-- == forms as counties send them: findings and the export ==
CREATE OR REPLACE VIEW perfeval.findings AS
-- (one query around the UNION ALL: the planner flattens a view that is a
-- bare UNION ALL into its branches, security barrier or not, and would run
-- a caller's condition beside each branch's scope filter: section 95)
SELECT u.project_id, u.code, u.kind, u.detail FROM (
-- per project: no indicators, weights not adding to 100, a printed total or
-- grade its indicators do not give
SELECT f.project_id, NULL::text AS code, k.kind, k.detail
  FROM (SELECT p.project_id, p.printed_total, p.printed_grade, p.scheme_id, a.project_id IS NULL AS none,
			   a.weight, (a.t).total AS total,
			   perfeval.grade(coalesce((a.t).total, p.printed_total), s.grade_scale) AS final_grade
		  FROM perfeval.project p
		  JOIN perfeval.scheme s ON s.scheme_id = p.scheme_id
		  LEFT JOIN (SELECT x.project_id, perfeval.sum_scores(x.e) AS t, sum(x.weight) AS weight
					   FROM perfeval_internal.indicator_scored x
					  GROUP BY x.project_id) a ON a.project_id = p.project_id
		 WHERE perfeval_internal.in_scope(p.project_id)) f
 CROSS JOIN LATERAL unnest(
	   ARRAY['no_indicators', 'weights_total', 'weights_not_100', 'printed_total', 'printed_grade'],
	   ARRAY[
		CASE WHEN f.none THEN '未录入三级指标，无法计算总分' || coalesce('；报告总分' || f.printed_total::text
			 || '未经核验', '') END,
		CASE WHEN f.weight <> 100 THEN '三级指标权重合计' || trim_scale(f.weight)::text || '分，不等于100分' END,
		-- (the same fact under the name issue 26 gives it, 1.16: the total
		-- is rescaled to 100 over the weights given)
		CASE WHEN f.weight <> 100 THEN '三级指标权重合计' || trim_scale(f.weight)::text
			 || '分，不等于100分；总分按100分折算' END,
		CASE WHEN f.total <> f.printed_total THEN
			'报告总分' || f.printed_total::text || '分，按指标计算应为' || trim_scale(f.total)::text
			|| '分（差' || trim_scale(f.total - f.printed_total)::text || '分）' END,
		CASE WHEN NOT starts_with(f.printed_grade, f.final_grade) THEN
			'报告等级“' || f.printed_grade || '”，' || trim_scale(coalesce(f.total, f.printed_total))::text
			|| '分按方案' || f.scheme_id || '应为“' || f.final_grade || '”' END]) AS k(kind, detail)
 WHERE (f.none OR f.weight <> 100 OR f.total <> f.printed_total OR NOT starts_with(f.printed_grade, f.final_grade))
   AND k.detail IS NOT NULL
UNION ALL
-- per indicator: what its one evaluation found, a sentence only for that
SELECT y.project_id, y.code, y.kind,
	   perfeval.finding_detail(y.e, y.kind, y.name, y.weight, y.applicable, y.source, y.target,
		   y.method, y.printed_score, y.code, y.rules, y.actuals, y.checklist, y.survey,
		   y.money_initial_budget, y.money_budget, y.money_arrived, y.money_spent, 'infinity')
  FROM (SELECT x.*, unnest(perfeval.finding_kinds(x.e)) AS kind
		  FROM perfeval_internal.indicator_evaluations x
		 WHERE perfeval.findings(x.e) <> 0) y
UNION ALL
SELECT a.project_id, NULL, 'spent_above_arrived',
	   a.department || '（' || a.fund_level || '）：全年执行' || trim_scale(a.spent)::text || a.unit
	   || '超过实际到位' || trim_scale(a.arrived)::text || a.unit
  FROM perfeval.allocation a
 WHERE a.spent > a.arrived AND perfeval_internal.in_scope(a.project_id)
UNION ALL
SELECT a.project_id, NULL, 'zero_budget',
	   a.department || '（' || a.fund_level || '）：全年预算为0'
	   || CASE WHEN a.arrived > 0 OR a.spent > 0 THEN '，但有到位或执行资金' ELSE '' END
  FROM perfeval.allocation a
 WHERE a.budget = 0 AND perfeval_internal.in_scope(a.project_id)
UNION ALL
-- what a form printed beside its facts (1.16): a department taken from the
-- implementing unit, level-1 points its rows' weights do not add up to
SELECT p.project_id, NULL, 'department_from_unit',
	   '表单未填主管部门，按实施单位“' || p.department || '”归口'
  FROM perfeval.project p
 WHERE p.department_from_unit AND perfeval_internal.in_scope(p.project_id)
UNION ALL
SELECT l.project_id, NULL, 'level1_points',
	   '一级指标“' || l.level1 || '”标注' || trim_scale(l.points)::text || '分，其三级指标分值合计'
	   || trim_scale(l.weight)::text || '分'
  FROM (SELECT i.project_id, i.level1, max(i.level1_points) AS points, sum(i.weight) AS weight
		  FROM perfeval.indicator i
		 WHERE i.level1_points IS NOT NULL AND perfeval_internal.in_scope(i.project_id)
		 GROUP BY i.project_id, i.level1) l
 WHERE l.points <> l.weight) u;

CREATE OR REPLACE VIEW perfeval.export_project AS
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

CREATE OR REPLACE VIEW perfeval.export_indicator AS
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

-- (end of the forms blocks)

-- == dates ==
-- Deadlines and completion dates in words (issue 26, src/pe_parse.c):
-- 2024年12月底前完成, 于2024年9月底前完成, 2024年内完成 (a target) and
-- 已于2024年11月完成 are dates now; a month with 底, 末, a day or 完成 but
-- no year (12月底, 11月完成) is refused, and so is a number with a unit that
-- would print as a date (2024 年底).  1.15 read some of these as a number
-- with a unit (2024 of 年底前完成, 11 of 月完成).  A stored target or
-- measure that would read back as something else would change on pg_dump
-- and restore: the update stops (22P02) naming it, as 1.7's did.
DO $$
DECLARE
	r record;
	again text;
BEGIN
	FOR r IN SELECT 'indicator' AS rel, i.project_id, i.code, i.target::text AS v FROM perfeval.indicator i WHERE i.target IS NOT NULL
			 UNION ALL
			 SELECT 'actual', a.project_id, a.code, a.measure::text FROM perfeval.actual a WHERE a.measure IS NOT NULL LOOP
		BEGIN
			again := CASE r.rel WHEN 'indicator' THEN r.v::perfeval.target::text ELSE r.v::perfeval.measure::text END;
		EXCEPTION WHEN data_exception THEN
			again := NULL;
		END;
		IF again IS DISTINCT FROM r.v THEN
			RAISE EXCEPTION 'perfeval 1.16 reads the % "%" of project "%", indicator "%" as %',
				CASE r.rel WHEN 'indicator' THEN 'target' ELSE 'measure' END, r.v, r.project_id, r.code,
				coalesce('"' || again || '"', 'nothing') USING ERRCODE = '22P02',
				HINT = 'Correct it (a date is written 2024年10月20日, a deadline 2024年12月底前 or 2024年12月底前完成), then run ALTER EXTENSION perfeval UPDATE again.';
		END IF;
	END LOOP;
END $$;

-- == stage_file ==
-- (Section 86:) one command per file (1.16, issue 26).  A form's CSV file as
-- Excel on a Chinese Windows desk writes it -- "CSV UTF-8" with its
-- byte-order mark or "CSV" in GB18030, trailing empty columns, CRLF,
-- columns in another order and the other spellings real templates use
-- (年度指标值, 实际值, 权重, 偏差原因分析 ...), merged 项目编码 cells, blank
-- rows -- is staged as it is:
--
--   \set f `base64 -w0 自评表.csv`
--   SELECT * FROM perfeval.stage_file(decode(:'f', 'base64'), '自评表.csv');
--
-- The file is read by the core (src/pe_csv.c: the encoding from the bytes,
-- the layout from the header) and every row staged by the staging views'
-- own code (src/form.c, pe_stage_values(): the row's line in the file, a
-- batch of its own, staged_by, the export's guard quote off; on a Citus
-- cluster through stagebuf.c), as \copy ... (FORMAT csv, HEADER match) of
-- the clean file stages it.  All or nothing: a problem is an error naming
-- the file, line, column and value, and nothing of the file is staged.
--
-- As its caller (not SECURITY DEFINER): the rows are the caller's
-- (staged_by), and the caller needs INSERT on the form_* view the file
-- goes into, as \copy does (the owner; a loader: grant_import(), section
-- 48).  EXECUTE stays PUBLIC's: the function checks that privilege itself.
CREATE FUNCTION perfeval.stage_file(content bytea, file_name text DEFAULT NULL)
	RETURNS TABLE (relation text, rows bigint, encoding text)
	LANGUAGE C VOLATILE ROWS 1 AS 'MODULE_PATHNAME', 'pe_stage_file';

COMMENT ON FUNCTION perfeval.stage_file(bytea, text) IS '暂存一个 Excel 另存的表单 CSV 文件（自动识别编码、表头与表样；合并单元格、空行、多余空列照常读取），返回暂存视图、行数与编码 / Stages one form CSV file as Excel saves it (encoding, header and layout recognised; merged cells, blank rows and trailing empty columns read as meant), returning the staging view, rows and encoding';

-- == no JIT and no sequential scans in the kept state's keyed statements (section 45) ==
ALTER FUNCTION perfeval_internal.keep_facts() SET jit = off;
ALTER FUNCTION perfeval_internal.keep_facts() SET enable_seqscan = off;
ALTER FUNCTION perfeval_internal.keep_projects() SET jit = off;
ALTER FUNCTION perfeval_internal.keep_projects() SET enable_seqscan = off;
ALTER FUNCTION perfeval_internal.check_targets() SET jit = off;
ALTER FUNCTION perfeval_internal.check_targets() SET enable_seqscan = off;
ALTER FUNCTION perfeval_internal.bulk_insert(regclass, text, text, bigint, bigint) SET enable_seqscan = off;

-- == the staging's statistics from a small sample (section 85) ==
ALTER FUNCTION perfeval_internal.analyze_staging() SET default_statistics_target = 10;

-- == messages in the session's language ==
-- (the PL/pgSQL's RAISEs take their text from the library, translated in
-- po/ with the C messages: src/messages.c; the functions that raise are
-- made again with it)
-- The text of a message the PL/pgSQL below raises, in the session's
-- lc_messages (src/messages.c, translated in po/ with the C messages):
-- RAISE ... USING MESSAGE = perfeval_internal.message('no_project', id).
CREATE FUNCTION perfeval_internal.message(key text, VARIADIC args text[] DEFAULT '{}') RETURNS text
	LANGUAGE C STABLE PARALLEL SAFE AS 'MODULE_PATHNAME', 'pe_message';
COMMENT ON FUNCTION perfeval_internal.message(text, text[]) IS 'perfeval 的消息文本（按会话的 lc_messages 翻译，代入参数） / A perfeval message''s text in the session''s lc_messages, its arguments put in';
-- (the functions are replaced below)
CREATE OR REPLACE FUNCTION perfeval.keep_builtin_scheme() RETURNS trigger
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
	n bigint;
BEGIN
	IF TG_OP = 'INSERT' THEN
		-- the table the trigger fired on: on Citus, a placement of the
		-- reference table, which each placement updates in itself
		-- (every column the row is written with, so that a column a release
		-- adds is restored too)
		EXECUTE format('UPDATE %I.%I SET %s WHERE scheme_id = $1.scheme_id', TG_TABLE_SCHEMA, TG_TABLE_NAME,
					   (SELECT string_agg(format('%I = $1.%I', a.attname, a.attname), ', ' ORDER BY a.attnum)
						  FROM pg_attribute a
						 WHERE a.attrelid = TG_RELID AND a.attnum > 0 AND NOT a.attisdropped
						   AND a.attgenerated = '' AND a.attname <> 'scheme_id'))
			USING NEW;
		GET DIAGNOSTICS n = ROW_COUNT;
		RETURN CASE WHEN n > 0 THEN NULL ELSE NEW END;
	END IF;
	IF TG_OP = 'DELETE' OR NEW.scheme_id IS DISTINCT FROM OLD.scheme_id THEN
		RAISE EXCEPTION USING ERRCODE = 'dependent_objects_still_exist',
			MESSAGE = perfeval_internal.message('builtin_scheme.' || lower(TG_OP), OLD.scheme_id),
			DETAIL = perfeval_internal.message('builtin_scheme.detail'),
			HINT = perfeval_internal.message('builtin_scheme.hint');
	END IF;
	RETURN NEW;
END
$$;
CREATE OR REPLACE FUNCTION perfeval_internal.adopt_parked(parent text, cols text) RETURNS bigint
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	r record;
	n bigint;
	total bigint := 0;
BEGIN
	-- nothing is parked on a Citus cluster (may_park()), where parked is a
	-- reference table a shard's trigger may not read (and fires on a shard,
	-- named scheme_102008, say)
	IF EXISTS (SELECT FROM pg_extension WHERE extname = 'citus') THEN
		RETURN 0;
	END IF;
	IF (parent, cols) NOT IN (('scheme', 'scheme_id'), ('project', 'project_id'), ('indicator', 'project_id,code')) THEN
		RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
			MESSAGE = perfeval_internal.message('no_parked_parent', parent, cols);
	END IF;
	-- (a new snapshot: what the parkers this statement waited for committed)
	FOR r IN SELECT DISTINCT p.relation FROM perfeval_internal.parked p WHERE p.parent = adopt_parked.parent LOOP
		EXECUTE format('WITH moved AS (DELETE FROM perfeval_internal.parked p
						 WHERE p.relation = %L AND p.parent = %L
						   AND EXISTS (SELECT FROM ONLY perfeval.%I x WHERE %s) RETURNING p.row_text)
						INSERT INTO perfeval.%I SELECT (m.row_text::perfeval.%I).* FROM moved m',
					   r.relation, parent, parent,
					   (SELECT string_agg(format('x.%I = p.parent_key[%s]', c, i), ' AND ')
						  FROM unnest(string_to_array(cols, ',')) WITH ORDINALITY u(c, i)),
					   r.relation, r.relation);
		GET DIAGNOSTICS n = ROW_COUNT;
		total := total + n;
	END LOOP;
	RETURN total;
END
$$;
CREATE OR REPLACE FUNCTION perfeval_internal.schema_privilege(role regrole, grant_it boolean) RETURNS void
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	failed text;
BEGIN
	EXECUTE format(CASE WHEN grant_it THEN 'GRANT USAGE ON SCHEMA %s TO %s'
				   ELSE 'REVOKE USAGE ON SCHEMA %s FROM %s' END, 'perfeval, perfeval_internal', role);
	IF NOT EXISTS (SELECT FROM pg_extension WHERE extname = 'citus') THEN
		RETURN;
	END IF;
	IF NOT EXISTS (SELECT FROM pg_dist_partition WHERE logicalrelid = 'perfeval.project'::regclass) THEN
		RETURN;
	END IF;
	PERFORM set_config('citus.multi_shard_modify_mode', 'sequential', true);
	-- the state's shards, read as the role (section 45), its scope only
	EXECUTE format(CASE WHEN grant_it THEN 'GRANT SELECT ON %s TO %s' ELSE 'REVOKE SELECT ON %s FROM %s' END,
				   'perfeval_internal.project_state, perfeval_internal.project_results, perfeval_internal.project_levels',
				   role);
	SELECT string_agg(w.nodename || ':' || w.nodeport || ': ' || w.result, '; ') INTO failed
	  FROM run_command_on_workers(format(CASE WHEN grant_it THEN 'GRANT USAGE ON SCHEMA %s TO %s'
										 ELSE 'REVOKE USAGE ON SCHEMA %s FROM %s' END,
										 'perfeval_internal', role)) w
	 WHERE NOT w.success;
	IF failed IS NOT NULL THEN
		RAISE EXCEPTION USING ERRCODE = 'connection_failure', DETAIL = failed,
			MESSAGE = perfeval_internal.message(CASE WHEN grant_it THEN 'workers.grant' ELSE 'workers.revoke' END),
			HINT = perfeval_internal.message('workers.hint');
	END IF;
END $$;
CREATE OR REPLACE FUNCTION perfeval.grant_access(role regrole, department text DEFAULT NULL,
		division_prefix text DEFAULT NULL, may_load boolean DEFAULT false) RETURNS void
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	r record;
BEGIN
	-- one grant or revoke at a time: two would update the same catalog rows
	-- (the relations' privileges) at once, and one fail with XX000
	LOCK TABLE perfeval.access_grant IN SHARE ROW EXCLUSIVE MODE;
	IF department = '' THEN
		RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = perfeval_internal.message('empty_department'),
			HINT = perfeval_internal.message('empty_department.hint');
	END IF;
	IF division_prefix !~ '^[0-9]{2}([0-9]{2}([0-9]{2})?)?$' THEN
		RAISE EXCEPTION USING ERRCODE = '22023',
			MESSAGE = perfeval_internal.message('division_prefix', division_prefix),
			HINT = perfeval_internal.message('division_prefix.hint');
	END IF;
	INSERT INTO perfeval.access_grant AS g (role_name, department, division_prefix, may_load)
	VALUES (role::text::name, grant_access.department, grant_access.division_prefix, grant_access.may_load)
	ON CONFLICT ON CONSTRAINT access_grant_key DO UPDATE SET may_load = g.may_load OR EXCLUDED.may_load;
	PERFORM perfeval_internal.schema_privilege(role, true);
	FOR r IN SELECT c.oid::regclass AS rel FROM pg_class c
			  WHERE c.relnamespace IN ('perfeval'::regnamespace, 'perfeval_internal'::regnamespace)
				AND c.relkind IN ('r', 'v')
				AND c.oid NOT IN ('perfeval.access_grant'::regclass, 'perfeval_internal.project_state'::regclass,
								  'perfeval_internal.project_results'::regclass,
								  'perfeval_internal.project_levels'::regclass)
				-- the staged forms and import problems (section 85): a
				-- loader's own rows only, given below (grant_import())
				AND c.relname !~ '^(staged_|form_|import_error$)' LOOP
		EXECUTE format('GRANT SELECT ON %s TO %s', r.rel, role);
	END LOOP;
	IF grant_access.may_load THEN
		EXECUTE format('GRANT INSERT, UPDATE, DELETE ON perfeval.project, perfeval.allocation, perfeval.indicator,
						perfeval.actual, perfeval.checklist_point, perfeval.survey_response, perfeval.execution TO %s', role);
		PERFORM perfeval_internal.grant_import(role, true);
	END IF;
END $$;
CREATE OR REPLACE FUNCTION perfeval.revoke_access(role regrole, department text DEFAULT NULL,
		division_prefix text DEFAULT NULL) RETURNS void
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	r record;
BEGIN
	-- one grant or revoke at a time (grant_access())
	LOCK TABLE perfeval.access_grant IN SHARE ROW EXCLUSIVE MODE;
	-- on a Citus cluster, one connection per node: the REVOKEs below reach
	-- distributed and reference tables in one transaction
	IF EXISTS (SELECT FROM pg_extension WHERE extname = 'citus') THEN
		PERFORM set_config('citus.multi_shard_modify_mode', 'sequential', true);
	END IF;
	DELETE FROM perfeval.access_grant g
	 WHERE g.role_name = role::text::name AND g.department IS NOT DISTINCT FROM revoke_access.department
	   AND g.division_prefix IS NOT DISTINCT FROM revoke_access.division_prefix;
	IF NOT FOUND THEN
		RAISE NOTICE USING MESSAGE = perfeval_internal.message('no_such_grant', role::text);
	END IF;
	IF NOT EXISTS (SELECT FROM perfeval.access_grant g WHERE g.role_name = role::text::name AND g.may_load) THEN
		EXECUTE format('REVOKE INSERT, UPDATE, DELETE ON perfeval.project, perfeval.allocation, perfeval.indicator,
						perfeval.actual, perfeval.checklist_point, perfeval.survey_response, perfeval.execution FROM %s', role);
		PERFORM perfeval_internal.grant_import(role, false);
	END IF;
	IF NOT EXISTS (SELECT FROM perfeval.access_grant g WHERE g.role_name = role::text::name) THEN
		FOR r IN SELECT c.oid::regclass AS rel FROM pg_class c
				  WHERE c.relnamespace IN ('perfeval'::regnamespace, 'perfeval_internal'::regnamespace)
					AND c.relkind IN ('r', 'v') LOOP
			EXECUTE format('REVOKE SELECT ON %s FROM %s', r.rel, role);
		END LOOP;
		PERFORM perfeval_internal.schema_privilege(role, false);
	END IF;
END $$;
-- (the printed forms' page and findings, shared by report_html() and
-- report_monitoring_html())
-- The start of every printed form: its document head with the print
-- style the forms share and the form's own (style), and the body's start.
CREATE FUNCTION perfeval_internal.report_page(title text, style text) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>'
		|| perfeval_internal.html(regexp_replace(title, '\s+', ' ', 'g')) || '</title><style>'
		|| '@page{size:A4;margin:12mm}'
		|| 'body{font-family:"Noto Serif CJK SC","Noto Sans CJK SC","Source Han Serif SC","SimSun","Microsoft YaHei",serif;font-size:10pt;color:#000;margin:0}'
		|| 'h1{font-size:16pt;text-align:center;margin:0;letter-spacing:2px}p.year{text-align:center;margin:1mm 0 3mm}'
		|| 'h2{font-size:11pt;margin:4mm 0 1.5mm;break-after:avoid;page-break-after:avoid}'
		|| 'table{border-collapse:collapse;width:100%;table-layout:fixed}thead{display:table-header-group}'
		|| 'tr,tbody.i{break-inside:avoid;page-break-inside:avoid}'
		|| 'th,td{border:1px solid #000;padding:2px 3px;vertical-align:middle;overflow-wrap:break-word}'
		|| 'th{background:#eee;font-weight:bold;text-align:center;white-space:nowrap;word-break:keep-all}'
		|| 'table.head th{text-align:left}td.n{text-align:right;white-space:nowrap}'
		|| 'tr.hasnote td.l{border-bottom:none}tr.note td.l{border-top:none}'
		|| 'tr.hasnote td:not(.l){border-bottom:1px dotted #999}td.x{font-size:8.5pt;color:#333;border-top:1px dotted #999}'
		|| 'tr.found>td{background:#fff4e0}sup a{color:#b00;text-decoration:none}'
		|| 'ol.findings{margin:0;padding-left:7mm}.code{margin-right:1em}'
		|| style || '@media screen{body{max-width:186mm;margin:8mm auto}}</style></head><body>';

-- A form's findings, numbered: the list (each with its indicator's code,
-- a sentence ending in its full stop) and the marks of those that belong
-- to no indicator (an indicator's marks are on its row).
CREATE FUNCTION perfeval_internal.report_findings(codes text[], details text[], OUT items text, OUT marks text)
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	BEGIN ATOMIC
	SELECT string_agg(format('<li id="f%s">%s%s%s</li>', f.n,
				CASE WHEN f.code IS NOT NULL THEN '<span class="code">' || perfeval_internal.html(f.code) || '</span>' ELSE '' END,
				perfeval_internal.html(f.detail),
				CASE WHEN f.detail ~ '[。！？]$' THEN '' ELSE '。' END), '' ORDER BY f.n),
		   string_agg(format('<sup><a href="#f%s">[%s]</a></sup>', f.n, f.n), '' ORDER BY f.n) FILTER (WHERE f.code IS NULL)
	  FROM unnest(report_findings.codes, report_findings.details) WITH ORDINALITY AS f(code, detail, n);
	END;

CREATE OR REPLACE FUNCTION perfeval.report_html(project_id text) RETURNS text
	LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	p perfeval.project_scores;
	unit text;
	goal text;
	outcome text;
	h text := '';
	money text;
	rows text;
	bars text;
	marks text;
	nbars int;
	found_list text;
	fcode text[];
	fdetail text[];
	ex_weight numeric;
	ex_score numeric;
	-- money and rates: thousands separators, two decimals (half-up)
	mf constant text := 'FM999,999,999,999,999,999,990.00';
	-- what is not known prints as a dash (chr(): section 10 keeps the
	-- script to characters GB2312 has)
	nd constant text := chr(8212);
BEGIN
	SELECT * INTO p FROM perfeval.project_scores ps WHERE ps.project_id = report_html.project_id;
	IF NOT FOUND THEN
		RAISE EXCEPTION USING ERRCODE = 'P0002',
			MESSAGE = perfeval_internal.message('no_project', report_html.project_id),
			HINT = perfeval_internal.message('no_project.hint');
	END IF;
	SELECT pr.implementing_unit, nullif(btrim(pr.annual_goal), ''), nullif(btrim(pr.annual_outcome), '')
	  INTO unit, goal, outcome FROM perfeval.project pr WHERE pr.project_id = report_html.project_id;

	-- findings, numbered in the order they are listed; the indicator rows
	-- and the total carry their numbers
	SELECT array_agg(f.code ORDER BY f.code IS NOT NULL, i.seq, f.code, f.kind),
		   array_agg(f.detail ORDER BY f.code IS NOT NULL, i.seq, f.code, f.kind)
	  INTO fcode, fdetail
	  FROM perfeval.findings f
	  LEFT JOIN perfeval.indicator_scores i ON i.project_id = f.project_id AND i.code = f.code
	 WHERE f.project_id = report_html.project_id;

	-- the budget-execution indicator's points, printed in the money table
	SELECT sum(i.weight), sum(i.score) INTO ex_weight, ex_score
	  FROM perfeval.indicator_scores i
	 WHERE i.project_id = report_html.project_id AND i.applicable AND i.source = 'execution_rate';

	SELECT string_agg(format('<tr class="%s"><td>%s</td><td class="n">%s</td><td class="n">%s</td><td class="n">%s</td><td class="n">%s</td><td class="n">%s</td><td class="n">%s</td><td class="n">%s</td></tr>',
				CASE WHEN a.row_kind = '明细' THEN 'line' ELSE 'sum' END,
				perfeval_internal.html(CASE a.row_kind WHEN '明细' THEN a.department || '（' || a.fund_level || '）'
					WHEN '部门小计' THEN a.department || ' 小计' WHEN '级次小计' THEN a.fund_level || ' 小计'
					ELSE '合计' END),
				coalesce(to_char(a.initial_budget, mf), nd), coalesce(to_char(a.budget, mf), nd),
				coalesce(to_char(a.arrived, mf), nd), coalesce(to_char(a.spent, mf), nd),
				coalesce(to_char(a.execution_rate, mf) || '%', nd),
				CASE WHEN a.row_kind = '合计' THEN coalesce(trim_scale(ex_weight)::text, nd) ELSE '' END,
				CASE WHEN a.row_kind = '合计' THEN coalesce(trim_scale(ex_score)::text, nd) ELSE '' END), ''
				ORDER BY CASE a.row_kind WHEN '明细' THEN 1 WHEN '部门小计' THEN 2 WHEN '级次小计' THEN 3 ELSE 4 END,
						 a.department, a.fund_level)
	  INTO money
	  FROM perfeval.allocation_summary a WHERE a.project_id = report_html.project_id;

	-- one <tbody> per indicator (its row and its note kept on one page);
	-- level 1 and level 2 printed where they change, the cells below left
	-- blank as on the printed form
	SELECT string_agg(format('<tbody class="i%s"><tr class="r%s%s"><td class="l">%s</td><td class="l">%s</td><td>%s%s</td><td>%s</td><td>%s</td><td class="n">%s</td><td class="n">%s</td><td class="d">%s</td></tr>%s</tbody>',
				CASE WHEN x.new1 THEN ' g1' WHEN x.new2 THEN ' g2' ELSE '' END,
				CASE WHEN x.marks IS NOT NULL THEN ' found' ELSE '' END,
				CASE WHEN x.explanation IS NOT NULL THEN ' hasnote' ELSE '' END,
				CASE WHEN x.new1 THEN perfeval_internal.html(x.level1) ELSE '' END,
				CASE WHEN x.new2 THEN perfeval_internal.html(x.level2) ELSE '' END,
				perfeval_internal.html(x.name), coalesce(x.marks, ''),
				perfeval_internal.html(x.target),
				perfeval_internal.html(coalesce(x.actual, x.tier)),
				trim_scale(x.weight),
				coalesce(x.score::text, nd),
				perfeval_internal.html(x.deviation_note),
				CASE WHEN x.explanation IS NOT NULL THEN
					'<tr class="note"><td class="l"></td><td class="l"></td><td class="x" colspan="6">计算说明：'
					|| perfeval_internal.html(x.explanation) || '</td></tr>' ELSE '' END), ''
				ORDER BY x.seq, x.code)
	  INTO rows
	  FROM (SELECT i.*, m.marks,
				   i.level1 IS DISTINCT FROM lag(i.level1) OVER w AS new1,
				   i.level1 IS DISTINCT FROM lag(i.level1) OVER w OR i.level2 IS DISTINCT FROM lag(i.level2) OVER w AS new2
			  FROM perfeval.indicator_scores i
			  LEFT JOIN (SELECT f.code, string_agg(format('<sup><a href="#f%s">[%s]</a></sup>', f.n, f.n), '' ORDER BY f.n) AS marks
						   FROM unnest(fcode) WITH ORDINALITY AS f(code, n) GROUP BY f.code) m ON m.code = i.code
			 WHERE i.project_id = report_html.project_id AND i.applicable
			WINDOW w AS (ORDER BY i.seq, i.code)) x;

	-- the chart: one bar per level 1 and level 2, score rate in percent
	WITH b AS (
		SELECT row_number() OVER (ORDER BY l.seq, l.level1, l.l2 NULLS FIRST) - 1 AS k, l.*
		  FROM (SELECT l1.seq, l1.level1, NULL::text AS l2, l1.score_rate FROM perfeval.level1_scores l1
				 WHERE l1.project_id = report_html.project_id
				UNION ALL
				SELECT l2.seq, l2.level1, l2.level2, l2.score_rate FROM perfeval.level2_scores l2
				 WHERE l2.project_id = report_html.project_id) l)
	SELECT count(*), string_agg(format(
			'<text x="%s" y="%s" class="%s">%s</text><rect x="200" y="%s" width="%s" height="14" class="%s"/><text x="%s" y="%s">%s</text>',
			CASE WHEN b.l2 IS NULL THEN 4 ELSE 20 END, 12 + 20 * b.k, CASE WHEN b.l2 IS NULL THEN 'l1' ELSE 'l2' END,
			perfeval_internal.html(coalesce(b.l2, b.level1)),
			1 + 20 * b.k, round(coalesce(b.score_rate, 0) * 4, 1), CASE WHEN b.l2 IS NULL THEN 'b1' ELSE 'b2' END,
			206 + round(coalesce(b.score_rate, 0) * 4, 1), 12 + 20 * b.k, coalesce(trim_scale(round(b.score_rate, 2))::text || '%', nd)), ''
			ORDER BY b.k)
	  INTO nbars, bars FROM b;

	-- findings as their Chinese sentences (an indicator's begins with its
	-- name), after the indicator's code
	SELECT f.items, f.marks INTO found_list, marks FROM perfeval_internal.report_findings(fcode, fdetail) f;

	h := perfeval_internal.report_page(p.name || ' 绩效自评表',
			'table.goal td{vertical-align:top;text-align:left}td.d{font-size:9pt}tr.sum td{font-weight:bold}'
			|| '.total{font-size:12pt;margin:3mm 0}.chart{break-inside:avoid;page-break-inside:avoid}'
			|| 'svg text{font-size:10px}svg .l1{font-weight:bold}svg .b1{fill:#2f5f8f}svg .b2{fill:#8fb3d9}')
		|| '<h1>项目支出绩效自评表</h1><p class="year">（' || p.year || '年度）</p>'
		|| '<table class="head"><colgroup><col style="width:14%"><col style="width:36%"><col style="width:14%"><col style="width:36%"></colgroup>'
		|| '<tr><th>项目名称</th><td colspan="3">' || perfeval_internal.html(p.name) || '</td></tr>'
		|| '<tr><th>主管部门</th><td>' || perfeval_internal.html(p.department) || '</td><th>实施单位</th><td>'
		|| CASE WHEN unit IS NULL OR unit = '' THEN nd ELSE perfeval_internal.html(unit) END || '</td></tr>'
		|| '<tr><th>项目编号</th><td>' || perfeval_internal.html(p.project_id) || '</td><th>评价类型</th><td>'
		|| perfeval_internal.html(p.evaluation_kind) || '</td></tr>'
		|| '<tr><th>行政区划</th><td>' || perfeval_internal.html(concat_ws(' ', p.province_name, p.prefecture_name, p.county_name))
		|| '（' || p.division_code || '）</td><th>评分方案</th><td>' || perfeval_internal.html(p.scheme_id) || '</td></tr></table>'
		|| '<h2>项目资金（万元）</h2>'
		|| CASE WHEN money IS NULL THEN '<p>未录入资金。</p>' ELSE
			'<table class="money"><colgroup><col style="width:28%"><col style="width:12%"><col style="width:12%"><col style="width:12%"><col style="width:12%"><col style="width:10%"><col style="width:7%"><col style="width:7%"></colgroup>'
			|| '<thead><tr><th>资金来源</th><th>年初预算数</th><th>全年预算数</th><th>实际到位数</th><th>全年执行数</th><th>执行率</th><th>分值</th><th>得分</th></tr></thead><tbody>'
			|| money || '</tbody></table>' END
		|| CASE WHEN goal IS NULL AND outcome IS NULL THEN '' ELSE
			'<h2>年度总体目标</h2><table class="goal"><colgroup><col style="width:50%"><col style="width:50%"></colgroup>'
			|| '<thead><tr><th>预期目标</th><th>实际完成情况</th></tr></thead><tbody><tr><td>'
			|| coalesce(nullif(perfeval_internal.html(goal), ''), nd) || '</td><td>'
			|| coalesce(nullif(perfeval_internal.html(outcome), ''), nd)
			|| '</td></tr></tbody></table>' END
		|| '<h2>年度绩效指标完成情况</h2>'
		|| CASE WHEN rows IS NULL THEN '<p>未录入三级指标。</p>' ELSE
			'<table class="ind"><colgroup><col style="width:10.5%"><col style="width:11%"><col style="width:15%"><col style="width:11%"><col style="width:11%"><col style="width:6%"><col style="width:6.5%"><col></colgroup>'
			|| '<thead><tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>年度指标值</th><th>实际完成值</th><th>分值</th><th>得分</th><th>偏差原因分析及改进措施</th></tr></thead>'
			|| rows || '</table>' END
		|| '<p class="total">总分：<b>' || coalesce(p.total::text, nd) || '</b>　等级：<b>'
		|| perfeval_internal.html(coalesce(p.grade, nd)) || '</b>' || coalesce(marks, '')
		|| CASE WHEN p.printed_total IS NOT NULL OR p.printed_grade IS NOT NULL THEN
			'　（报告：' || coalesce(p.printed_total::text, nd) || ' ' || perfeval_internal.html(coalesce(p.printed_grade, '')) || '）'
			ELSE '' END || '</p>'
		|| CASE WHEN nbars > 0 THEN '<div class="chart"><h2>各级指标得分率</h2><svg xmlns="http://www.w3.org/2000/svg" width="680" height="'
			|| (20 * nbars + 4) || '" viewBox="0 0 680 ' || (20 * nbars + 4) || '">' || bars || '</svg></div>' ELSE '' END
		|| '<h2>发现的问题</h2>'
		|| CASE WHEN found_list IS NULL THEN '<p>无。</p>' ELSE '<ol class="findings">' || found_list || '</ol>' END
		|| '</body></html>';
	RETURN h;
END $$;
COMMENT ON FUNCTION perfeval_internal.report_page(text, text) IS '打印表的开头：文档头、共用及本表的打印样式 / The start of a printed form: its head with the shared print style and its own';
COMMENT ON FUNCTION perfeval_internal.report_findings(text[], text[]) IS '打印表的问题清单及不属于指标的问题标记 / A printed form''s numbered findings, and the marks of those that belong to no indicator';
CREATE OR REPLACE FUNCTION perfeval_internal.dated_forms_for_citus() RETURNS void
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	f regprocedure;
	def text;
BEGIN
	FOR f IN SELECT p.oid::regprocedure FROM pg_proc p
			  WHERE p.pronamespace IN ('perfeval'::regnamespace, 'perfeval_internal'::regnamespace)
				AND p.proretset AND p.prosqlbody IS NOT NULL ORDER BY 1::text LOOP
		def := pg_get_functiondef(f);
		def := regexp_replace(def, E'\n LANGUAGE sql\n',
							  E'\n LANGUAGE plpgsql\n SET search_path TO pg_catalog, pg_temp\n');
		def := regexp_replace(def, E'\nBEGIN ATOMIC\n(.*);\\s*END\\s*$',
							  E'\nAS $pe$\n#variable_conflict use_column\nBEGIN\nRETURN QUERY\n\\1;\nEND\n$pe$');
		IF def !~ 'LANGUAGE plpgsql' OR def !~ 'RETURN QUERY' THEN
			RAISE EXCEPTION USING MESSAGE = perfeval_internal.message('not_plpgsql', f::text);
		END IF;
		EXECUTE def;
	END LOOP;
END
$$;

-- == 年度总体目标: staged, imported, exported ==
-- (the goal set and what was done, the form's optional fifth layout:
-- perfeval.form_goal, read by stage_file() by its headers, src/pe_csv.c;
-- the import, src/import.c, takes it in)
CREATE TABLE perfeval_internal.staged_goal (
	line int NOT NULL,
	batch bigint NOT NULL,
	"项目编码" text, "年度总体目标" text, "实际完成情况" text,
	staged_by name NOT NULL DEFAULT CURRENT_USER
);
CREATE VIEW perfeval.form_goal WITH (security_invoker = true) AS
SELECT "项目编码", "年度总体目标", "实际完成情况"
  FROM perfeval_internal.staged_goal;
CREATE OR REPLACE VIEW perfeval.staged_lines WITH (security_invoker = true) AS
SELECT 'form_project'::text AS relation, "项目编码" AS project_code, line, batch FROM perfeval_internal.staged_project
UNION ALL SELECT 'form_indicator', "项目编码", line, batch FROM perfeval_internal.staged_indicator
UNION ALL SELECT 'form_checklist', "项目编码", line, batch FROM perfeval_internal.staged_checklist
UNION ALL SELECT 'form_survey', "项目编码", line, batch FROM perfeval_internal.staged_survey
UNION ALL SELECT 'form_goal', "项目编码", line, batch FROM perfeval_internal.staged_goal;
CREATE TRIGGER stage_row INSTEAD OF INSERT ON perfeval.form_goal
	FOR EACH ROW EXECUTE FUNCTION perfeval_internal.stage_row();
CREATE TRIGGER stage_flush AFTER INSERT ON perfeval.form_goal
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.stage_flush();
ALTER TABLE perfeval_internal.staged_goal ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_rows ON perfeval_internal.staged_goal
	USING (staged_by = CURRENT_USER) WITH CHECK (staged_by = CURRENT_USER);
SELECT pg_catalog.pg_extension_config_dump('perfeval_internal.staged_goal', '');
CREATE VIEW perfeval.export_goal AS
SELECT perfeval_internal.export_cell(p.project_id) AS "项目编码", perfeval_internal.export_cell(p.annual_goal) AS "年度总体目标",
	   perfeval_internal.export_cell(p.annual_outcome) AS "实际完成情况"
  FROM perfeval.project p
 WHERE num_nonnulls(p.annual_goal, p.annual_outcome) > 0 AND perfeval_internal.in_scope(p.project_id)
 ORDER BY p.project_id;
COMMENT ON TABLE perfeval_internal.staged_goal IS '已暂存的年度总体目标行（含 CSV 行号） / Staged overall-goal rows (年度总体目标), with their CSV line';
COMMENT ON VIEW perfeval.form_goal IS '年度总体目标：预期目标与实际完成情况（可选；多行按行序相连） / The year''s overall goal (年度总体目标): the goal set and what was done (optional; several rows joined in line order)';
COMMENT ON VIEW perfeval.export_goal IS '按年度总体目标格式导出 / Overall goals (年度总体目标) in the form_goal layout';
DO $$
DECLARE
	c record;
BEGIN
	FOR c IN SELECT r.oid::regclass AS rel, a.attname FROM pg_attribute a JOIN pg_class r ON r.oid = a.attrelid
			  WHERE r.oid IN ('perfeval.form_goal'::regclass, 'perfeval.export_goal'::regclass,
							  'perfeval_internal.staged_goal'::regclass)
				AND a.attnum > 0 AND NOT a.attisdropped LOOP
		EXECUTE format('COMMENT ON COLUMN %s.%I IS %L', c.rel, c.attname,
			CASE c.attname WHEN 'line' THEN 'CSV 文件行号（表头为第1行） / Line of the CSV file, header = line 1'
				WHEN 'batch' THEN '暂存批次（写入语句） / Staging batch (the statement that staged it)'
				WHEN 'staged_by' THEN '暂存该行的角色 / The role that staged the row'
				WHEN '项目编码' THEN '表头“项目编码”，原文 / Form header, as written: project code (the budget system''s)'
				WHEN '年度总体目标' THEN '表头“年度总体目标”，原文 / Form header, as written: the year''s overall goal (预期目标)'
				ELSE '表头“实际完成情况”，原文 / Form header, as written: what was done towards the overall goal' END);
	END LOOP;
END $$;
CREATE OR REPLACE FUNCTION perfeval_internal.grant_import(role regrole, grant_it boolean) RETURNS void
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	EXECUTE format(CASE WHEN grant_it THEN 'GRANT %s ON %s TO %s' ELSE 'REVOKE %s ON %s FROM %s' END,
		'SELECT, INSERT, UPDATE, DELETE', 'perfeval.form_project, perfeval.form_indicator, perfeval.form_checklist,
		perfeval.form_survey, perfeval.form_goal, perfeval.import_error', role);
	EXECUTE format(CASE WHEN grant_it THEN 'GRANT %s ON %s TO %s' ELSE 'REVOKE %s ON %s FROM %s' END,
		'SELECT, INSERT, UPDATE, DELETE', 'perfeval_internal.staged_project, perfeval_internal.staged_indicator,
		perfeval_internal.staged_checklist, perfeval_internal.staged_survey, perfeval_internal.staged_goal', role);
	EXECUTE format(CASE WHEN grant_it THEN 'GRANT %s ON %s TO %s' ELSE 'REVOKE %s ON %s FROM %s' END,
		'SELECT', 'perfeval.staged_lines, perfeval_internal.form_indicator_rows', role);
	-- the import's SECURITY DEFINER helpers, PUBLIC's no more (1.15)
	EXECUTE format(CASE WHEN grant_it THEN 'GRANT %s ON %s TO %s' ELSE 'REVOKE %s ON %s FROM %s' END,
		'EXECUTE', 'FUNCTION perfeval_internal.taken_codes(text[]), perfeval_internal.analyze_staging(),
		perfeval_internal.ensure_national_self()', role);
END $$;
-- (the new staging view and table for the loaders, the export for every
-- role granted the views)
DO $$
DECLARE
	r record;
BEGIN
	FOR r IN SELECT DISTINCT g.role_name, g.may_load FROM perfeval.access_grant g
			  WHERE EXISTS (SELECT FROM pg_roles WHERE rolname = g.role_name) LOOP
		EXECUTE format('GRANT SELECT ON perfeval.export_goal TO %I', r.role_name);
		IF r.may_load THEN
			PERFORM perfeval_internal.grant_import(r.role_name::regrole, true);
		END IF;
	END LOOP;
END $$;

-- == mid-year monitoring's bounds as scheme data (1.16): the lights' bounds,
-- time progress by day, whole targets, key monitoring; an indicator may
-- compare with its whole target ==
-- A scheme's monitoring bounds checked by the core (1.16): true, or 23514
-- saying which bound is wrong.
CREATE FUNCTION perfeval_internal.monitoring_rules_ok(exec_red numeric, exec_yellow numeric,
		goal_red numeric, goal_yellow numeric, goal_blue numeric, key_budget numeric, key_rate numeric,
		key_month int) RETURNS boolean
	AS 'MODULE_PATHNAME', 'pe_monitoring_rules_ok' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION perfeval_internal.monitoring_rules_ok(numeric, numeric, numeric, numeric, numeric, numeric, numeric, integer) IS '检查评分方案的运行监控阈值 / Checks a scheme''s monitoring bounds';
ALTER TABLE perfeval.scheme
	ADD COLUMN monitor_exec_red numeric NOT NULL DEFAULT 60,
	ADD COLUMN monitor_exec_yellow numeric NOT NULL DEFAULT 80,
	ADD COLUMN monitor_goal_red numeric NOT NULL DEFAULT 60,
	ADD COLUMN monitor_goal_yellow numeric NOT NULL DEFAULT 80,
	ADD COLUMN monitor_by_day boolean NOT NULL DEFAULT false,
	ADD COLUMN monitor_full boolean NOT NULL DEFAULT false,
	ADD COLUMN key_budget numeric NOT NULL DEFAULT 200,
	ADD COLUMN key_rate numeric NOT NULL DEFAULT 60,
	ADD COLUMN key_month int NOT NULL DEFAULT 8,
	ADD CONSTRAINT scheme_monitoring_check CHECK (perfeval_internal.monitoring_rules_ok(monitor_exec_red,
		monitor_exec_yellow, monitor_goal_red, monitor_goal_yellow, over_threshold, key_budget, key_rate,
		key_month));
ALTER TABLE perfeval.indicator ADD COLUMN monitor_full boolean;
COMMENT ON COLUMN perfeval.scheme.monitor_exec_red IS '运行监控：预算执行进度比低于此值为红灯（%） / Monitoring: execution ratio below which the light is red, percent';
COMMENT ON COLUMN perfeval.scheme.monitor_exec_yellow IS '运行监控：预算执行进度比低于此值为黄灯，否则绿灯（%） / Monitoring: execution ratio below which it is yellow, else green, percent';
COMMENT ON COLUMN perfeval.scheme.monitor_goal_red IS '运行监控：指标完成进度低于此值为红灯（%） / Monitoring: indicator progress below which the light is red, percent';
COMMENT ON COLUMN perfeval.scheme.monitor_goal_yellow IS '运行监控：指标完成进度低于此值为黄灯（%）；达到 over_threshold 为蓝灯 / Monitoring: progress below which it is yellow; at over_threshold or above, blue';
COMMENT ON COLUMN perfeval.scheme.monitor_by_day IS '运行监控：序时进度按天计算（否则按月：月份÷12） / Monitoring: time progress by day of year (else by month: month ÷ 12)';
COMMENT ON COLUMN perfeval.scheme.monitor_full IS '运行监控：指标与全年指标值比较（否则按序时折算）；指标可单独设定 / Monitoring: compare indicators with the whole target (else pro rata); an indicator may say otherwise';
COMMENT ON COLUMN perfeval.scheme.key_budget IS '重点监控：全年预算不低于此值（万元） / Key monitoring: full-year budget at or above this, 万元';
COMMENT ON COLUMN perfeval.scheme.key_rate IS '重点监控：截至 key_month 月末预算执行率低于此值（%） / Key monitoring: execution rate below this at the end of key_month, percent';
COMMENT ON COLUMN perfeval.scheme.key_month IS '重点监控的判定月份（月末），1-12 / Key monitoring: the month at whose end it is decided, 1-12';
COMMENT ON COLUMN perfeval.indicator.monitor_full IS '运行监控：与全年指标值比较（一次性指标），为空则按评分方案 / Monitoring: compare with the whole target (a one-off target); NULL: as the scheme says';
-- (a kept-aside national scheme is put back with every column, the new ones too)
CREATE OR REPLACE FUNCTION perfeval_internal.shipped_rows_back() RETURNS void
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF EXISTS (SELECT FROM pg_trigger t WHERE t.tgrelid = 'perfeval.scheme'::regclass
				  AND NOT t.tgisinternal AND t.tgenabled = 'D')
	   OR EXISTS (SELECT FROM pg_trigger t WHERE t.tgrelid = 'perfeval.division'::regclass
					 AND NOT t.tgisinternal AND t.tgenabled = 'D') THEN
		RETURN;					-- a restore is still writing them
	END IF;
	IF NOT EXISTS (SELECT FROM perfeval.scheme WHERE scheme_id = 'national') THEN
		IF to_regclass('pg_temp.perfeval_national_aside') IS NOT NULL THEN
			-- (every column the scheme is written with: one a release adds too)
			EXECUTE (SELECT format('INSERT INTO perfeval.scheme (%s) SELECT %1$s FROM pg_temp.perfeval_national_aside',
								   string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum))
					   FROM pg_attribute a
					  WHERE a.attrelid = 'perfeval.scheme'::regclass AND a.attnum > 0 AND NOT a.attisdropped
						AND a.attgenerated = '');
		ELSE
			INSERT INTO perfeval.scheme (scheme_id, name)
			VALUES ('national', '财政部默认（财预〔2020〕10号） / MoF defaults');
		END IF;
	END IF;
	IF to_regclass('pg_temp.perfeval_national_aside') IS NOT NULL THEN
		DROP TABLE pg_temp.perfeval_national_aside;
	END IF;
	INSERT INTO perfeval.division (code, name)
	SELECT s.code, s.name FROM perfeval_internal.division_shipped s
	 WHERE NOT EXISTS (SELECT FROM perfeval.division d WHERE d.code = s.code)
	 ORDER BY s.code;
END $$;

-- == a zero target read at most: a scheme option (issue 29) ==
-- scheme.rules is generated from the scheme's columns, and its expression
-- cannot change in place before PostgreSQL 17: the new column takes the
-- old one's name, the one view that read the old one reads the new one
-- (its privileges kept), and the old column goes.
CREATE FUNCTION perfeval.scheme_rules(decimals int, rounding text, reverse_rule text,
		tier_high numeric, tier_low numeric, satisfaction_coefficients numeric[],
		execution_base text, over_threshold numeric, zero_target text DEFAULT 'exact') RETURNS perfeval.rules
	AS 'MODULE_PATHNAME', 'scheme_rules' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
ALTER TABLE perfeval.scheme RENAME COLUMN rules TO rules_before_1_16;
ALTER TABLE perfeval.scheme
	ADD COLUMN zero_target text NOT NULL DEFAULT 'exact',
	ADD COLUMN rules perfeval.rules GENERATED ALWAYS AS (perfeval.scheme_rules(decimals, rounding,
		reverse_rule, tier_high, tier_low, satisfaction_coefficients, execution_base,
		over_threshold, zero_target)) STORED;
CREATE OR REPLACE VIEW perfeval_internal.indicator_rows AS
SELECT i.project_id, i.code, i.seq, i.level1, i.level2, i.name, i.weight, i.applicable,
	   i.source, i.target, i.method, i.printed_score, s.rules, st.actuals, st.checklist,
	   st.survey, st.money_initial_budget, st.money_budget, st.money_arrived, st.money_spent,
	   st.actual_notes, st.checklist_reasons
  FROM perfeval.indicator i
  JOIN perfeval_internal.project_state st ON st.project_id = i.project_id
  JOIN perfeval.scheme s ON s.scheme_id = st.scheme_id
 WHERE perfeval_internal.in_scope(st.project_id);
ALTER TABLE perfeval.scheme DROP COLUMN rules_before_1_16;
DROP FUNCTION perfeval.scheme_rules(integer, text, text, numeric, numeric, numeric[], text, numeric);
COMMENT ON FUNCTION perfeval.scheme_rules(integer, text, text, numeric, numeric, numeric[], text, numeric, text) IS '检查并打包评分方案规则 / A scheme''s rules, checked and packed';
COMMENT ON COLUMN perfeval.scheme.zero_target IS '指标值“=0”的判定：exact 仅实际值为0达成；at_most 实际值不高于0即达成 / A target "=0": exact, met only by 0; at_most, met by any actual at or below 0';
COMMENT ON COLUMN perfeval.scheme.rules IS '方案规则（派生列，经校验） / Derived: the scheme''s rules, decoded and checked once';

-- == mid-year monitoring's rules (section 72; the rules are the library's, src/pe_monitor.c) ==
-- The calendar's share of the year at a date, in percent: the month ÷ 12
-- (8 ÷ 12 on any day of August), or by_day the day of the year ÷ its days.
CREATE FUNCTION perfeval.time_progress(as_of date, by_day boolean DEFAULT false) RETURNS numeric
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE AS 'MODULE_PATHNAME', 'pe_time_progress_sql';

-- Budget execution at a date: exec_rate = spent ÷ budget × 100, exec_ratio
-- = exec_rate ÷ time_progress × 100, exec_gap = exec_rate - time_progress
-- (percentage points, 序时进度差), each exact and rounded once; light red
-- below red (60), yellow below yellow (80), else green.  A budget not above
-- 0 gives NULL figures and light (and the sentence saying why), never 0 %
-- and red.
CREATE FUNCTION perfeval.execution_light(spent numeric, budget numeric, as_of date,
		by_day boolean DEFAULT false, red numeric DEFAULT 60, yellow numeric DEFAULT 80,
		OUT exec_rate numeric, OUT time_progress numeric, OUT exec_ratio numeric, OUT exec_gap numeric,
		OUT light text, OUT light_zh text, OUT explanation text)
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 50 AS 'MODULE_PATHNAME', 'pe_execution_sql';

-- An indicator at a date: for a target of ≥ > = above 0, expected = target
-- × month ÷ 12 (full_target: the whole target, for one-off targets) and
-- progress = actual ÷ expected × 100, light red below red (60), yellow
-- below yellow (80), blue from blue (120), else green; ≤ <: green when
-- met, else red; a target at or below 0: green only when met; a deadline:
-- green when met or not yet due, else red; qualitative: 达成 / 达成目标
-- green, 部分达成 / 部分达成目标并具有一定效果 yellow, 未达成 /
-- 未达成目标且效果较差 red.  No actual (NULL): grey, due saying whether it
-- should be there by now.  Units that cannot be compared: NULL light.
CREATE FUNCTION perfeval.indicator_light(target perfeval.target, actual perfeval.measure, as_of date,
		full_target boolean DEFAULT false, red numeric DEFAULT 60, yellow numeric DEFAULT 80,
		blue numeric DEFAULT 120,
		OUT expected numeric, OUT progress numeric, OUT light text, OUT light_zh text, OUT met boolean,
		OUT due boolean, OUT explanation text)
	LANGUAGE C IMMUTABLE PARALLEL SAFE AS 'MODULE_PATHNAME', 'pe_indicator_light_sql';

-- A project's goal light: the worst of its indicators' (red > yellow >
-- green > blue); grey only when none says more, NULL when none has one.
CREATE FUNCTION perfeval_internal.light_worse(text, text) RETURNS text
	LANGUAGE C IMMUTABLE PARALLEL SAFE AS 'MODULE_PATHNAME', 'pe_light_worse_sql';
-- A light's Chinese label (红 黄 绿 蓝 灰), the core's.
CREATE FUNCTION perfeval_internal.light_label(text) RETURNS text
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE AS 'MODULE_PATHNAME', 'pe_light_label_sql';
-- An indicator's light at a date from its project's kept state (section
-- 45): the report indicator_light() is given there, read as the scoring
-- reads it, and its rule, without the sentence (the goal light of every
-- project at once).
CREATE FUNCTION perfeval_internal.state_light(actuals perfeval.state, code text, target perfeval.target,
		as_of date, full_target boolean, red numeric, yellow numeric, blue numeric) RETURNS text
	LANGUAGE C STABLE PARALLEL SAFE AS 'MODULE_PATHNAME', 'pe_state_light_sql';
-- Key monitoring (重点监控) by the core's rule: a budget at or above
-- key_budget (万元) with less than key_rate % of it spent.
CREATE FUNCTION perfeval_internal.key_monitor(budget numeric, spent numeric, key_budget numeric,
		key_rate numeric) RETURNS boolean
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE AS 'MODULE_PATHNAME', 'pe_key_monitor_sql';
-- The last day of a month: the day key monitoring is decided on.
CREATE FUNCTION perfeval_internal.month_end(year int, month int) RETURNS date
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN (make_date(year, month, 1) + interval '1 month - 1 day')::date;
CREATE AGGREGATE perfeval.worst_light(text) (
	SFUNC = perfeval_internal.light_worse, STYPE = text,
	COMBINEFUNC = perfeval_internal.light_worse, PARALLEL = SAFE
);

COMMENT ON FUNCTION perfeval.time_progress(date, boolean) IS '序时进度（按月：月份÷12；按日：年内天数÷全年天数），百分比 / The calendar''s share of the year at a date in percent (month ÷ 12, or by day)';
COMMENT ON FUNCTION perfeval.execution_light(numeric, numeric, date, boolean, numeric, numeric) IS '预算执行监控：执行率、序时进度、执行进度比、序时进度差、灯色及说明 / Budget execution at a date: rate, time progress, ratio, gap, light and its explanation';
COMMENT ON FUNCTION perfeval.indicator_light(perfeval.target, perfeval.measure, date, boolean, numeric, numeric, numeric) IS '绩效目标监控：指标的应完成值、进度、灯色及说明 / An indicator at a date: expected value, progress, light and its explanation';
COMMENT ON FUNCTION perfeval_internal.light_worse(text, text) IS '两个灯色中较差者（worst_light 的步进函数） / The worse of two lights (worst_light()''s step)';
COMMENT ON FUNCTION perfeval_internal.light_label(text) IS '灯色的中文名（红、黄、绿、蓝、灰） / A light''s Chinese label';
COMMENT ON FUNCTION perfeval_internal.state_light(perfeval.state, text, perfeval.target, date, boolean, numeric, numeric, numeric) IS '由项目维护状态得出的指标灯色（不含说明） / An indicator''s light at a date from its project''s kept state, without the sentence';
COMMENT ON FUNCTION perfeval_internal.key_monitor(numeric, numeric, numeric, numeric) IS '是否纳入重点监控：预算不低于 key_budget 且执行率低于 key_rate / Key monitoring: a budget of key_budget or more with less than key_rate percent spent';
COMMENT ON FUNCTION perfeval_internal.month_end(integer, integer) IS '某月最后一天（重点监控判定日） / The last day of a month (the day key monitoring is decided on)';
COMMENT ON AGGREGATE perfeval.worst_light(text) IS '最差灯色（红>黄>绿>蓝；仅灰则灰） / The worst light (red > yellow > green > blue; grey only when nothing says more)';

-- == mid-year monitoring: the dated money, the cause and likelihood of an actual, the views (issue 28) ==
CREATE TABLE perfeval.execution (
	project_id text NOT NULL REFERENCES perfeval.project ON DELETE CASCADE,
	department text NOT NULL,
	fund_level text NOT NULL
		CHECK (fund_level IN ('中央', '省级', '市级', '县区级', '上年结转', '其他')),
	reported_on date NOT NULL CONSTRAINT execution_reported_on_check CHECK (isfinite(reported_on)),
	unit text NOT NULL DEFAULT '万元' CONSTRAINT execution_unit_check CHECK (perfeval_internal.is_money_unit(unit)),
	budget numeric NOT NULL
		CONSTRAINT execution_budget_check CHECK (perfeval.is_exact(budget) AND budget >= 0
			AND perfeval.is_exact(perfeval.wanyuan(budget, unit))),
	arrived numeric
		CONSTRAINT execution_arrived_check CHECK (perfeval.is_exact(arrived) AND arrived >= 0
			AND perfeval.is_exact(perfeval.wanyuan(arrived, unit))),
	spent numeric NOT NULL
		CONSTRAINT execution_spent_check CHECK (perfeval.is_exact(spent) AND spent >= 0
			AND perfeval.is_exact(perfeval.wanyuan(spent, unit))),
	PRIMARY KEY (project_id, department, fund_level, reported_on)
);
CREATE TRIGGER park_orphan BEFORE INSERT ON perfeval.execution FOR EACH ROW
	WHEN (perfeval_internal.may_park('perfeval.project'))
	EXECUTE FUNCTION perfeval_internal.park_orphan('project', 'project_id');
SELECT pg_catalog.pg_extension_config_dump('perfeval.execution', '');
ALTER TABLE perfeval.actual
	ADD COLUMN cause text CONSTRAINT actual_cause_check CHECK (cause IN ('经费保障', '制度保障', '人员保障', '硬件条件保障', '其他')),
	ADD COLUMN likelihood text CONSTRAINT actual_likelihood_check CHECK (likelihood IN ('确定能', '有可能', '完全不可能'));
COMMENT ON TABLE perfeval.execution IS '年中预算执行（绩效运行监控）：按项目、部门、资金级次，累计至报告日 / Money during the year (mid-year monitoring): per project, department and fund level, cumulative to the report date';
COMMENT ON COLUMN perfeval.execution.project_id IS '项目编号 / Project id';
COMMENT ON COLUMN perfeval.execution.department IS '预算部门 / Budget department';
COMMENT ON COLUMN perfeval.execution.fund_level IS '资金级次：中央、省级、市级、县区级、上年结转、其他 / Fund level';
COMMENT ON COLUMN perfeval.execution.reported_on IS '报告日（数额累计至该日） / Report date (the amounts are cumulative to it)';
COMMENT ON COLUMN perfeval.execution.unit IS '金额单位：元、万元、亿元 / Unit of the amounts';
COMMENT ON COLUMN perfeval.execution.budget IS '当日的全年预算（调整后） / The full-year (adjusted) budget on that day';
COMMENT ON COLUMN perfeval.execution.arrived IS '累计到位 / Funds arrived so far';
COMMENT ON COLUMN perfeval.execution.spent IS '累计执行 / Funds spent so far';
COMMENT ON COLUMN perfeval.actual.cause IS '偏差原因：经费保障、制度保障、人员保障、硬件条件保障、其他（年中监控） / Cause of a deviation (mid-year monitoring)';
COMMENT ON COLUMN perfeval.actual.likelihood IS '完成全年目标的可能性：确定能、有可能、完全不可能 / Likelihood of meeting the year''s target';
-- (row-level security as on the other fact tables, section 48)
ALTER TABLE perfeval.execution ENABLE ROW LEVEL SECURITY;
CREATE POLICY scope_read ON perfeval.execution FOR SELECT
	USING (perfeval_internal.in_scope(project_id));
CREATE POLICY scope_delete ON perfeval.execution FOR DELETE
	USING (perfeval_internal.may_load(project_id));
CREATE POLICY scope_insert ON perfeval.execution FOR INSERT
	WITH CHECK (perfeval_internal.check_load(project_id));
CREATE POLICY scope_update ON perfeval.execution FOR UPDATE
	USING (perfeval_internal.may_load(project_id))
	WITH CHECK (perfeval_internal.check_load(project_id));
-- (the dated money in each project's kept state, section 45: what the
-- dated monitoring reads, one row per project; kept by the same triggers
-- as the other facts.  No project has dated money before this update.)
ALTER TABLE perfeval_internal.project_state ADD COLUMN execution_days int[], ADD COLUMN execution_money numeric[];
-- The dated money's part (1.16): a project's execution rows as the series
-- money_on() reads (section 72), sorted by department, fund level and
-- date, the lines numbered: (line, day) and (budget, spent) in 万元.
CREATE TYPE perfeval_internal.execution_series AS (days int[], money numeric[]);
CREATE FUNCTION perfeval_internal.execution_series_trans(internal, text, text, date, numeric, numeric)
	RETURNS internal AS 'MODULE_PATHNAME', 'pe_execution_series_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION perfeval_internal.execution_series_final(internal) RETURNS perfeval_internal.execution_series
	AS 'MODULE_PATHNAME', 'pe_execution_series_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE AGGREGATE perfeval_internal.execution_series(department text, fund_level text, reported_on date,
		budget numeric, spent numeric) (
	SFUNC = perfeval_internal.execution_series_trans, STYPE = internal,
	FINALFUNC = perfeval_internal.execution_series_final, FINALFUNC_MODIFY = READ_WRITE, PARALLEL = SAFE);
COMMENT ON TYPE perfeval_internal.execution_series IS '项目维护的年中预算执行资金序列 / A project''s kept series of dated money';
COMMENT ON COLUMN perfeval_internal.execution_series.days IS '各次报告的（资金行序号, 报告日） / Each report''s (line, day)';
COMMENT ON COLUMN perfeval_internal.execution_series.money IS '各次报告的（全年预算, 累计执行），万元 / Each report''s (budget, spent), 万元';
COMMENT ON FUNCTION perfeval_internal.execution_series_trans(internal, text, text, date, numeric, numeric) IS 'execution_series() 的步进函数 / execution_series()''s step';
COMMENT ON FUNCTION perfeval_internal.execution_series_final(internal) IS 'execution_series() 的终结函数：排序、编号 / execution_series()''s final function: sorted, lines numbered';
COMMENT ON AGGREGATE perfeval_internal.execution_series(text, text, date, numeric, numeric) IS '由项目的年中预算执行行构成维护的资金序列 / A project''s kept series built from its execution rows';

CREATE TRIGGER keep_state_insert AFTER INSERT ON perfeval.execution
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_facts();
CREATE TRIGGER keep_state_update AFTER UPDATE ON perfeval.execution
	REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_facts();
CREATE TRIGGER keep_state_delete AFTER DELETE ON perfeval.execution
	REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_facts();
CREATE TRIGGER keep_state_truncate AFTER TRUNCATE ON perfeval.execution
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_facts();

CREATE TRIGGER note_projects BEFORE INSERT OR UPDATE OR DELETE ON perfeval.execution
	FOR EACH ROW EXECUTE FUNCTION perfeval_internal.note_projects();
ALTER TABLE perfeval.execution ENABLE ALWAYS TRIGGER note_projects, ENABLE ALWAYS TRIGGER keep_state_insert,
	ENABLE ALWAYS TRIGGER keep_state_update, ENABLE ALWAYS TRIGGER keep_state_delete,
	ENABLE ALWAYS TRIGGER keep_state_truncate;
COMMENT ON COLUMN perfeval_internal.project_state.execution_days IS '年中预算执行各次报告的（资金行序号, 报告日）：资金行为部门与资金级次，按行序号与日期排序 / The dated money''s reports as (line, day): a line is a department and fund level, sorted by line and date';
COMMENT ON COLUMN perfeval_internal.project_state.execution_money IS '与 execution_days 对应的（全年预算, 累计执行），万元 / The (budget, spent) in 万元 of each report in execution_days';
-- ------------------------------------------------------------------------
-- The warehouse at a date (1.16): the money of perfeval.execution and the
-- actuals reported by then, each project and indicator in the caller's
-- scope, the lights by the rules above with the bounds of the project's
-- scheme (monitor_*, over_threshold for blue, key_*).  (Written as
-- joins on project_id, so that on a Citus cluster each runs where the
-- project's rows are.  The views below are each project at its own latest
-- report.)

-- The projects of day's year in the caller's scope, with the day their
-- scheme decides key monitoring on (the end of key_month).
CREATE FUNCTION perfeval_internal.monitoring_dates(day date)
	RETURNS TABLE (project_id text, year int, as_of date, scheme_id text, key_on date)
	LANGUAGE sql STABLE PARALLEL SAFE
	BEGIN ATOMIC
	SELECT p.project_id, p.year, monitoring_dates.day, p.scheme_id, perfeval_internal.month_end(p.year, s.key_month)
	  FROM perfeval.project p
	  JOIN perfeval.scheme s ON s.scheme_id = p.scheme_id
	 WHERE p.year = extract(year FROM monitoring_dates.day)::int
	   AND perfeval_internal.in_scope(p.project_id);
	END;

-- An indicator's monitoring findings, separated by ；(NULL if none): a red
-- light without a cause; 完全不可能 on a green or blue one; nothing
-- reported once due.  (One text for the dated form and the view.)
CREATE FUNCTION perfeval_internal.monitoring_findings(light text, due boolean, cause text, likelihood text)
	RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN nullif(concat_ws('；',
		CASE WHEN light = 'red' AND cause IS NULL THEN '红灯未说明偏差原因' END,
		CASE WHEN light IN ('green', 'blue') AND likelihood = '完全不可能' THEN '绿灯指标报告完全不可能完成全年目标' END,
		CASE WHEN light = 'grey' AND due THEN '已到期未报告实际完成值' END), '');

-- Each indicator of a target (scored from its actuals) at its project's
-- date: the latest actual on or before it, what the target expects by
-- then, progress and light, the cause and likelihood reported with that
-- actual, the sentence, and the findings: a red light without a cause;
-- 完全不可能 on a green or blue one; nothing reported once due.
CREATE FUNCTION perfeval_internal.monitoring_indicators(day date)
	RETURNS TABLE (project_id text, code text, as_of date, name text, target text, expected numeric,
				   actual text, reported_on date, progress numeric, light text, light_zh text, met boolean,
				   due boolean, cause text, likelihood text, explanation text, findings text)
	LANGUAGE sql STABLE PARALLEL SAFE
	BEGIN ATOMIC
	SELECT i.project_id, i.code, d.as_of, i.name, i.target::text, l.expected, a.measure::text, a.reported_on,
		   l.progress, l.light, l.light_zh, l.met, l.due, a.cause, a.likelihood, l.explanation,
		   perfeval_internal.monitoring_findings(l.light, l.due, a.cause, a.likelihood)
	  FROM perfeval.indicator i
	  JOIN perfeval_internal.monitoring_dates(monitoring_indicators.day) d ON d.project_id = i.project_id
	  LEFT JOIN (SELECT DISTINCT ON (x.project_id, x.code) x.project_id, x.code, x.reported_on, x.measure,
						x.cause, x.likelihood
				   FROM perfeval.actual x
				  WHERE x.reported_on <= monitoring_indicators.day
				  ORDER BY x.project_id, x.code, x.reported_on DESC) a
		ON a.project_id = i.project_id AND a.code = i.code
	  JOIN perfeval.scheme s ON s.scheme_id = d.scheme_id
	  CROSS JOIN LATERAL perfeval.indicator_light(i.target, a.measure, d.as_of, coalesce(i.monitor_full, s.monitor_full),
												  s.monitor_goal_red, s.monitor_goal_yellow, s.over_threshold) l
	 WHERE i.applicable AND i.target IS NOT NULL AND i.source = 'actual';
	END;

-- The indicators monitored (of a target, scored from their actuals) with
-- their project's kept state and their scheme's bounds, in the caller's
-- scope: what the goal lights of all projects at once are computed from.
CREATE VIEW perfeval_internal.monitoring_rows AS
SELECT i.project_id, i.code, i.target, st.actuals, coalesce(i.monitor_full, s.monitor_full) AS full_target,
	   s.monitor_goal_red AS red, s.monitor_goal_yellow AS yellow, s.over_threshold AS blue
  FROM perfeval.indicator i
  JOIN perfeval_internal.project_state st ON st.project_id = i.project_id
  JOIN perfeval.scheme s ON s.scheme_id = st.scheme_id
 WHERE i.applicable AND i.target IS NOT NULL AND i.source = 'actual' AND perfeval_internal.in_scope(st.project_id);

-- A project's money on a day, in 万元: per department and fund level the
-- latest report on or before it, summed; and the same on the day key
-- monitoring is decided on, once the day is past it (NULL before).  Read
-- from the series the project's kept state holds of its execution rows
-- (section 45), one row per project, not from the rows themselves
-- (money_on(): read from perfeval.execution, the dated money of 100,000
-- projects × 12 months took half the dated form's time, 1.16).
CREATE FUNCTION perfeval_internal.money_on(days int[], money numeric[], day date, key_on date,
		OUT reported_on date, OUT budget numeric, OUT spent numeric, OUT key_budget numeric,
		OUT key_spent numeric)
	LANGUAGE C IMMUTABLE PARALLEL SAFE COST 50 AS 'MODULE_PATHNAME', 'pe_money_on';
-- The kept series of each project in the caller's scope (NULL: no dated
-- money).  (Not filtered on it: statistics taken while the money was
-- being reloaded say no project has any, and the planner then joined the
-- projects to it by nested loops, minutes instead of a second.)
CREATE VIEW perfeval_internal.execution_rows AS
SELECT st.project_id, st.scheme_id, st.execution_days AS days, st.execution_money AS money
  FROM perfeval_internal.project_state st
 WHERE perfeval_internal.in_scope(st.project_id);

-- Each project at its date: its money, the execution figures and light,
-- the goal light (the worst of its indicators'), key monitoring (重点监控:
-- by the scheme, by default a budget of 200万元 or more with an execution
-- rate below 60 % at the end of August, known from then on), the
-- sentence, and the findings (a budget of 0).
CREATE FUNCTION perfeval_internal.monitoring_projects(day date)
	RETURNS TABLE (project_id text, as_of date, reported_on date, budget numeric, spent numeric,
				   exec_rate numeric, time_progress numeric, exec_ratio numeric, exec_gap numeric,
				   exec_light text, exec_light_zh text, goal_light text, goal_light_zh text,
				   key_monitor boolean, explanation text, findings text)
	LANGUAGE sql STABLE PARALLEL SAFE
	BEGIN ATOMIC
	SELECT d.project_id, d.as_of, m.reported_on, trim_scale(m.budget), trim_scale(m.spent),
		   m.exec_rate, m.time_progress, m.exec_ratio, m.exec_gap, m.light, m.light_zh,
		   g.goal_light, perfeval_internal.light_label(g.goal_light),
		   CASE WHEN d.as_of >= d.key_on
				THEN coalesce(perfeval_internal.key_monitor(m.key_budget, m.key_spent, s.key_budget, s.key_rate), false) END,
		   m.explanation,
		   CASE WHEN m.reported_on IS NOT NULL AND m.exec_rate IS NULL THEN '全年预算为0，无法计算预算执行率' END
	  FROM perfeval_internal.monitoring_dates(monitoring_projects.day) d
	  JOIN perfeval.scheme s ON s.scheme_id = d.scheme_id
	  -- (the money from the project's kept series, on the day and, once
	  -- past it, on key monitoring's day, the end of key_month of the day's
	  -- year, the project's; and its light: a pass over the kept state of
	  -- its own, which parallel workers share)
	  LEFT JOIN (SELECT e.project_id, m.reported_on, m.budget, m.spent, m.key_budget, m.key_spent,
						x.exec_rate, x.time_progress, x.exec_ratio, x.exec_gap, x.light, x.light_zh, x.explanation
				   FROM perfeval_internal.execution_rows e
				   JOIN perfeval.scheme es ON es.scheme_id = e.scheme_id
				  CROSS JOIN LATERAL perfeval_internal.money_on(e.days, e.money, monitoring_projects.day,
						CASE WHEN monitoring_projects.day >= perfeval_internal.month_end(
									 extract(year FROM monitoring_projects.day)::int, es.key_month)
							 THEN perfeval_internal.month_end(extract(year FROM monitoring_projects.day)::int, es.key_month)
						END) m
				  CROSS JOIN LATERAL perfeval.execution_light(m.spent, m.budget, monitoring_projects.day, es.monitor_by_day,
						es.monitor_exec_red, es.monitor_exec_yellow) x
				  WHERE m.reported_on IS NOT NULL OFFSET 0) m ON m.project_id = d.project_id
	  -- (the lights from the kept state: the reports monitoring_indicators()
	  -- reads, by the same rule, without the sentences)
	  LEFT JOIN (SELECT i.project_id,
						perfeval.worst_light(perfeval_internal.state_light(i.actuals, i.code, i.target,
							monitoring_projects.day, i.full_target, i.red, i.yellow, i.blue)) AS goal_light
				   FROM perfeval_internal.monitoring_rows i
				  GROUP BY i.project_id) g ON g.project_id = d.project_id;
	END;

-- The dated forms.  (PL/pgSQL: never inlined into the caller's query, so
-- that a condition of the caller's is applied to their rows, not pushed
-- below the scope where it would see other projects' rows, test/leak.sh;
-- and their query is planned with the date's value, which a Citus cluster
-- needs to distribute it, where an SQL function's parameter it refuses.)
CREATE FUNCTION perfeval.monitoring_projects_as_of(day date)
	RETURNS TABLE (project_id text, as_of date, reported_on date, budget numeric, spent numeric,
				   exec_rate numeric, time_progress numeric, exec_ratio numeric, exec_gap numeric,
				   exec_light text, exec_light_zh text, goal_light text, goal_light_zh text,
				   key_monitor boolean, explanation text, findings text)
	LANGUAGE plpgsql STABLE PARALLEL SAFE
	AS $$
	BEGIN
	RETURN QUERY
	SELECT * FROM perfeval_internal.monitoring_projects(monitoring_projects_as_of.day);
	END $$;
CREATE FUNCTION perfeval.monitoring_indicators_as_of(day date)
	RETURNS TABLE (project_id text, code text, as_of date, name text, target text, expected numeric,
				   actual text, reported_on date, progress numeric, light text, light_zh text, met boolean,
				   due boolean, cause text, likelihood text, explanation text, findings text)
	LANGUAGE plpgsql STABLE PARALLEL SAFE
	AS $$
	BEGIN
	RETURN QUERY
	SELECT * FROM perfeval_internal.monitoring_indicators(monitoring_indicators_as_of.day);
	END $$;
-- Roll-ups at a date, by region (each GB/T 2260 level a project's code
-- has) and by department: projects per execution light and per goal light,
-- key monitoring, the money and its execution rate (spent ÷ budget of the
-- sums, 万元), the same date a year earlier (that year's projects) and the
-- change in percentage points, and the rank by execution rate (1 the
-- highest): a prefecture or county within its province, a county within its
-- prefecture, a department among the departments.
CREATE FUNCTION perfeval_internal.monitoring_groups(day date)
	RETURNS TABLE (kind text, level text, key text, projects bigint, exec_red bigint, exec_yellow bigint,
				   exec_green bigint, exec_none bigint, goal_red bigint, goal_yellow bigint, goal_green bigint,
				   goal_blue bigint, goal_grey bigint, key_monitor bigint, budget numeric, spent numeric,
				   exec_rate numeric)
	LANGUAGE sql STABLE PARALLEL SAFE
	BEGIN ATOMIC
	SELECT g.kind, g.level, g.key, count(*), count(*) FILTER (WHERE m.exec_light = 'red'),
		   count(*) FILTER (WHERE m.exec_light = 'yellow'), count(*) FILTER (WHERE m.exec_light = 'green'),
		   count(*) FILTER (WHERE m.exec_light IS NULL),
		   count(*) FILTER (WHERE m.goal_light = 'red'), count(*) FILTER (WHERE m.goal_light = 'yellow'),
		   count(*) FILTER (WHERE m.goal_light = 'green'), count(*) FILTER (WHERE m.goal_light = 'blue'),
		   count(*) FILTER (WHERE m.goal_light = 'grey'), count(*) FILTER (WHERE m.key_monitor),
		   trim_scale(sum(m.budget)), trim_scale(sum(m.spent)),
		   trim_scale(perfeval.rate(sum(m.spent), sum(m.budget)))
	  FROM perfeval_internal.monitoring_projects(monitoring_groups.day) m
	  JOIN perfeval.project p ON p.project_id = m.project_id
	 CROSS JOIN LATERAL unnest(ARRAY['region', 'region', 'region', 'department'],
							   ARRAY['province', 'prefecture', 'county', NULL],
							   ARRAY[perfeval.division_at(p.division_code, 'province'),
									 perfeval.division_at(p.division_code, 'prefecture'),
									 perfeval.division_at(p.division_code, 'county'), p.department]) AS g(kind, level, key)
	 WHERE g.key IS NOT NULL
	 GROUP BY g.kind, g.level, g.key;
	END;

CREATE FUNCTION perfeval.monitoring_rollup_region_as_of(day date)
	RETURNS TABLE (level text, division_code text, division_name text, projects bigint, exec_red bigint,
				   exec_yellow bigint, exec_green bigint, exec_none bigint, goal_red bigint, goal_yellow bigint,
				   goal_green bigint, goal_blue bigint, goal_grey bigint, key_monitor bigint, budget numeric,
				   spent numeric, exec_rate numeric, last_year_exec_rate numeric, change numeric,
				   rank_in_province bigint, rank_in_prefecture bigint)
	LANGUAGE plpgsql STABLE PARALLEL SAFE
	AS $$
	BEGIN
	RETURN QUERY
	SELECT g.level, g.key, d.name, g.projects, g.exec_red, g.exec_yellow, g.exec_green, g.exec_none, g.goal_red,
			   g.goal_yellow, g.goal_green, g.goal_blue, g.goal_grey, g.key_monitor, g.budget, g.spent, g.exec_rate,
			   y.exec_rate, trim_scale(g.exec_rate - y.exec_rate),
			   CASE WHEN g.level <> 'province' THEN rank() OVER (PARTITION BY g.level, perfeval.division_at(g.key, 'province')
																	ORDER BY g.exec_rate DESC NULLS LAST) END,
			   CASE WHEN g.level = 'county' THEN rank() OVER (PARTITION BY g.level, perfeval.division_at(g.key, 'prefecture')
																 ORDER BY g.exec_rate DESC NULLS LAST) END
		  FROM perfeval_internal.monitoring_groups(monitoring_rollup_region_as_of.day) g
		  LEFT JOIN perfeval_internal.monitoring_groups((monitoring_rollup_region_as_of.day - interval '1 year')::date) y
			ON y.kind = g.kind AND y.level = g.level AND y.key = g.key
		  LEFT JOIN perfeval.division d ON d.code = g.key
		 WHERE g.kind = 'region';
	END $$;

CREATE FUNCTION perfeval.monitoring_rollup_department_as_of(day date)
	RETURNS TABLE (department text, projects bigint, exec_red bigint, exec_yellow bigint, exec_green bigint,
				   exec_none bigint, goal_red bigint, goal_yellow bigint, goal_green bigint, goal_blue bigint,
				   goal_grey bigint, key_monitor bigint, budget numeric, spent numeric, exec_rate numeric,
				   last_year_exec_rate numeric, change numeric, rank bigint)
	LANGUAGE plpgsql STABLE PARALLEL SAFE
	AS $$
	BEGIN
	RETURN QUERY
	SELECT g.key, g.projects, g.exec_red, g.exec_yellow, g.exec_green, g.exec_none, g.goal_red, g.goal_yellow,
			   g.goal_green, g.goal_blue, g.goal_grey, g.key_monitor, g.budget, g.spent, g.exec_rate, y.exec_rate,
			   trim_scale(g.exec_rate - y.exec_rate), rank() OVER (ORDER BY g.exec_rate DESC NULLS LAST)
		  FROM perfeval_internal.monitoring_groups(monitoring_rollup_department_as_of.day) g
		  LEFT JOIN perfeval_internal.monitoring_groups((monitoring_rollup_department_as_of.day - interval '1 year')::date) y
			ON y.kind = g.kind AND y.key = g.key
		 WHERE g.kind = 'department';
	END $$;

-- The views: each project at its latest report of money or of an actual,
-- as monitoring_*_as_of() gives it at that date.  (Plain views, not calls
-- of the functions above: a role granted the views reads them without the
-- tables, as it reads every view.)
CREATE VIEW perfeval.monitoring_indicators AS
SELECT i.project_id, i.code, d.as_of, i.name, i.target::text AS target, l.expected, a.measure::text AS actual,
	   a.reported_on, l.progress, l.light, l.light_zh, l.met, l.due, a.cause, a.likelihood, l.explanation,
	   perfeval_internal.monitoring_findings(l.light, l.due, a.cause, a.likelihood) AS findings
  FROM perfeval.indicator i
  JOIN perfeval.project p ON p.project_id = i.project_id
  JOIN perfeval.scheme s ON s.scheme_id = p.scheme_id
  JOIN (SELECT x.project_id, max(x.reported_on) AS as_of
		  FROM (SELECT e.project_id, e.reported_on FROM perfeval.execution e
				UNION ALL SELECT a.project_id, a.reported_on FROM perfeval.actual a) x
		 GROUP BY x.project_id) d ON d.project_id = i.project_id AND extract(year FROM d.as_of) = p.year
  -- (the latest of all: none is after the project's latest report)
  LEFT JOIN (SELECT DISTINCT ON (x.project_id, x.code) x.project_id, x.code, x.reported_on, x.measure,
					x.cause, x.likelihood
			   FROM perfeval.actual x
			  ORDER BY x.project_id, x.code, x.reported_on DESC) a
	ON a.project_id = i.project_id AND a.code = i.code
 CROSS JOIN LATERAL perfeval.indicator_light(i.target, a.measure, d.as_of, coalesce(i.monitor_full, s.monitor_full),
											 s.monitor_goal_red, s.monitor_goal_yellow, s.over_threshold) l
 WHERE i.applicable AND i.target IS NOT NULL AND i.source = 'actual' AND perfeval_internal.in_scope(i.project_id);

CREATE VIEW perfeval.monitoring_projects AS
SELECT p.project_id, d.as_of, m.reported_on, trim_scale(m.budget) AS budget, trim_scale(m.spent) AS spent,
	   x.exec_rate, x.time_progress, x.exec_ratio, x.exec_gap, x.light AS exec_light, x.light_zh AS exec_light_zh,
	   g.goal_light, perfeval_internal.light_label(g.goal_light) AS goal_light_zh,
	   CASE WHEN d.as_of >= perfeval_internal.month_end(p.year, s.key_month)
			THEN coalesce(perfeval_internal.key_monitor(k.budget, k.spent, s.key_budget, s.key_rate), false)
	   END AS key_monitor,
	   x.explanation,
	   CASE WHEN m.project_id IS NOT NULL AND x.exec_rate IS NULL THEN '全年预算为0，无法计算预算执行率' END AS findings
  FROM perfeval.project p
  JOIN perfeval.scheme s ON s.scheme_id = p.scheme_id
  JOIN (SELECT y.project_id, max(y.reported_on) AS as_of
		  FROM (SELECT e.project_id, e.reported_on FROM perfeval.execution e
				UNION ALL SELECT a.project_id, a.reported_on FROM perfeval.actual a) y
		 GROUP BY y.project_id) d ON d.project_id = p.project_id AND extract(year FROM d.as_of) = p.year
  LEFT JOIN (SELECT l.project_id, max(l.reported_on) AS reported_on, sum(perfeval.wanyuan(l.budget, l.unit)) AS budget,
					sum(perfeval.wanyuan(l.spent, l.unit)) AS spent
			   FROM (SELECT DISTINCT ON (e.project_id, e.department, e.fund_level) e.*
					   FROM perfeval.execution e
					  ORDER BY e.project_id, e.department, e.fund_level, e.reported_on DESC) l
			  GROUP BY l.project_id) m ON m.project_id = p.project_id
  -- (the money on the day the project's scheme decides key monitoring on)
  LEFT JOIN (SELECT l.project_id, sum(perfeval.wanyuan(l.budget, l.unit)) AS budget,
					sum(perfeval.wanyuan(l.spent, l.unit)) AS spent
			   FROM (SELECT DISTINCT ON (e.project_id, e.department, e.fund_level) e.*
					   FROM perfeval.execution e
					   JOIN perfeval.project ep ON ep.project_id = e.project_id
					   JOIN perfeval.scheme es ON es.scheme_id = ep.scheme_id
					  WHERE e.reported_on <= perfeval_internal.month_end(ep.year, es.key_month)
					  ORDER BY e.project_id, e.department, e.fund_level, e.reported_on DESC) l
			  GROUP BY l.project_id) k ON k.project_id = p.project_id
  LEFT JOIN LATERAL perfeval.execution_light(m.spent, m.budget, d.as_of, s.monitor_by_day, s.monitor_exec_red,
											 s.monitor_exec_yellow) x ON m.project_id IS NOT NULL
  LEFT JOIN (SELECT i.project_id, perfeval.worst_light(i.light) AS goal_light
			   FROM perfeval.monitoring_indicators i GROUP BY i.project_id) g ON g.project_id = p.project_id
 WHERE perfeval_internal.in_scope(p.project_id);

COMMENT ON FUNCTION perfeval_internal.monitoring_dates(date) IS '各项目的监控日期：给定日期，或项目最近一次报告日 / The date each project is monitored at: the given day, or its latest report';
COMMENT ON FUNCTION perfeval_internal.monitoring_findings(text, boolean, text, text) IS '指标监控发现的问题（红灯无原因、绿灯报告完全不可能、到期未报告） / An indicator''s monitoring findings: red without a cause, 完全不可能 on green, nothing reported when due';
COMMENT ON FUNCTION perfeval_internal.monitoring_indicators(date) IS '某日（或各项目最近报告日）的指标监控 / Indicator monitoring at a date (or each project''s latest report)';
COMMENT ON VIEW perfeval_internal.monitoring_rows IS '监控的指标及其项目维护状态与方案阈值（按当前角色范围） / The monitored indicators with their project''s kept state and their scheme''s bounds, in the caller''s scope';
COMMENT ON COLUMN perfeval_internal.monitoring_rows.full_target IS '与全年指标值比较（指标或方案的设定） / Compared with the whole target (the indicator''s or the scheme''s choice)';
COMMENT ON COLUMN perfeval_internal.monitoring_rows.red IS '完成进度低于此值为红灯（%） / Progress below which the light is red, percent';
COMMENT ON COLUMN perfeval_internal.monitoring_rows.yellow IS '完成进度低于此值为黄灯（%） / Progress below which the light is yellow, percent';
COMMENT ON COLUMN perfeval_internal.monitoring_rows.blue IS '完成进度达到此值为蓝灯（%） / Progress from which the light is blue, percent';
COMMENT ON FUNCTION perfeval_internal.money_on(integer[], numeric[], date, date) IS '由项目维护状态中的资金序列得出某日及重点监控判定日的资金（各部门、资金级次最近一次报告之和），万元 / A project''s money at a date and on the key monitoring day from its kept series: the latest report of each line, summed, in 万元';
COMMENT ON VIEW perfeval_internal.execution_rows IS '各项目维护的年中预算执行资金序列（按当前角色范围，无则为空） / Each project''s kept series of dated money, in the caller''s scope (NULL if none)';
COMMENT ON COLUMN perfeval_internal.execution_rows.days IS '各次报告的（资金行序号, 报告日） / Each report''s (line, day)';
COMMENT ON COLUMN perfeval_internal.execution_rows.money IS '各次报告的（全年预算, 累计执行），万元 / Each report''s (budget, spent), 万元';
COMMENT ON FUNCTION perfeval_internal.monitoring_projects(date) IS '某日（或各项目最近报告日）的项目监控 / Project monitoring at a date (or each project''s latest report)';
COMMENT ON FUNCTION perfeval.monitoring_projects_as_of(date) IS '截至某日的项目监控：预算执行、目标灯色、重点监控 / Project monitoring on a date: budget execution, goal light, key monitoring';
COMMENT ON FUNCTION perfeval.monitoring_indicators_as_of(date) IS '截至某日的指标监控：应完成值、进度、灯色 / Indicator monitoring on a date: expected value, progress, light';
COMMENT ON FUNCTION perfeval_internal.monitoring_groups(date) IS '某日按区划各级与部门汇总的项目监控 / Project monitoring at a date grouped by each region level and by department';
COMMENT ON FUNCTION perfeval.monitoring_rollup_region_as_of(date) IS '截至某日按区划汇总的监控：各灯色项目数、资金执行率、上年同期及排名 / Monitoring by region on a date: projects per light, execution rate, the same date last year, rank';
COMMENT ON FUNCTION perfeval.monitoring_rollup_department_as_of(date) IS '截至某日按部门汇总的监控：各灯色项目数、资金执行率、上年同期及排名 / Monitoring by department on a date: projects per light, execution rate, the same date last year, rank';
COMMENT ON VIEW perfeval.monitoring_projects IS '项目监控（各项目最近一次报告日） / Project monitoring at each project''s latest report';
COMMENT ON VIEW perfeval.monitoring_indicators IS '指标监控（各项目最近一次报告日） / Indicator monitoring at each project''s latest report';
DO $$
DECLARE
	c record;
	d jsonb := '{"project_id": "项目编号 / Project id", "code": "指标编码 / Indicator code",
		"as_of": "监控日期 / Monitoring date",
		"reported_on": "所用报告的日期 / Date of the report used",
		"budget": "全年预算（万元） / Full-year budget, 万元", "spent": "累计执行（万元） / Spent so far, 万元",
		"exec_rate": "预算执行率（%） / Execution rate, percent",
		"time_progress": "序时进度（%） / Time progress, percent",
		"exec_ratio": "执行进度比=执行率÷序时进度（%） / Execution ratio: rate over time progress, percent",
		"exec_gap": "序时进度差=执行率-序时进度（百分点） / Gap: rate minus time progress, percentage points",
		"exec_light": "预算执行灯色（red、yellow、green） / Execution light", "exec_light_zh": "预算执行灯色（红、黄、绿） / Execution light in Chinese",
		"goal_light": "目标灯色：各指标中最差者 / Goal light: the worst of the indicators''",
		"goal_light_zh": "目标灯色（中文） / Goal light in Chinese",
		"key_monitor": "重点监控：预算不低于方案的 key_budget（默认200万元）且 key_month 月末（默认八月末）执行率低于 key_rate（默认60%），判定日前为空 / Key monitoring: budget of the scheme''s key_budget or more (200万元), execution below key_rate (60 %) at the end of key_month (August); NULL before that day",
		"explanation": "灯色说明 / The light explained", "findings": "监控发现的问题（以“；”分隔，无则为空） / Monitoring findings, separated by ；, NULL if none",
		"name": "三级指标 / Level-3 indicator", "target": "指标值 / Target",
		"expected": "截至监控日应完成值 / Expected by the date", "actual": "实际完成值 / Actual",
		"progress": "完成进度（%） / Progress, percent", "light": "灯色（red、yellow、green、blue、grey） / Light",
		"light_zh": "灯色（红、黄、绿、蓝、灰） / Light in Chinese", "met": "已达到全年指标值 / The whole target is met",
		"due": "已到期 / Due at the date", "cause": "偏差原因 / Cause of the deviation",
		"likelihood": "完成全年目标的可能性 / Likelihood of meeting the year''s target"}';
BEGIN
	FOR c IN SELECT r.oid::regclass AS rel, a.attname FROM pg_attribute a JOIN pg_class r ON r.oid = a.attrelid
			  WHERE r.oid IN ('perfeval.monitoring_projects'::regclass, 'perfeval.monitoring_indicators'::regclass)
				AND a.attnum > 0 LOOP
		EXECUTE format('COMMENT ON COLUMN %s.%I IS %L', c.rel, c.attname, d ->> c.attname::text);
	END LOOP;
END $$;
-- (what grant_access() gives for the new relations, to the roles granted
-- before the update: SELECT, and to loaders the writes of the money)
DO $$
DECLARE
	r record;
BEGIN
	FOR r IN SELECT g.role_name, bool_or(g.may_load) AS may_load FROM perfeval.access_grant g
			  WHERE EXISTS (SELECT FROM pg_roles WHERE rolname = g.role_name) GROUP BY g.role_name LOOP
		EXECUTE format('GRANT SELECT ON perfeval.execution, perfeval.monitoring_projects, perfeval.monitoring_indicators, perfeval_internal.monitoring_rows, perfeval_internal.execution_rows TO %I',
					   r.role_name);
		IF r.may_load THEN
			EXECUTE format('GRANT INSERT, UPDATE, DELETE ON perfeval.execution TO %I', r.role_name);
		END IF;
	END LOOP;
END $$;

-- == the printed monitoring sheet (section 82, issue 28) ==
-- Section 82: one project's mid-year monitoring as a printable HTML
-- document (1.16, issue 28).
--
-- report_monitoring_html(project_id, day) prints a project as the national
-- monitoring form (项目支出绩效目标执行监控表) at a date (NULL: its latest
-- report, as the view monitoring_projects gives it): 项目名称, 主管部门,
-- 实施单位 and 监控日期; the money (全年预算数, 1-N月执行数, 执行率, 序时进度,
-- 执行进度比, 序时进度差, the execution light and its sentence, 重点监控);
-- the goal light; the three-level indicator table (年度指标值, 截至监控日
-- 应完成值, 实际完成值, 完成进度, light, 偏差原因, 完成可能性) with each
-- light's sentence as a note under its row; and the findings, numbered and
-- marked where they belong.  Every figure, light and sentence is read from
-- the views monitoring_projects and monitoring_indicators, or at a date
-- from what monitoring_projects_as_of() and monitoring_indicators_as_of()
-- return (section 72): the rules are the core's, none is restated here.
-- A light prints as a coloured dot and its Chinese label, so it survives
-- printing in black and white.  The document follows report_html()'s
-- conventions (section 80): one self-contained file for A4, escaped by
-- perfeval_internal.html(), read as its caller, so a role gets the sheet of
-- a project it may see, and no other.

-- A light as printed: a dot of its colour and its Chinese label (the
-- core's, light_label()); no light prints as a dash.
CREATE FUNCTION perfeval_internal.light_html(light text) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN CASE WHEN light IS NULL THEN chr(8212)
		ELSE '<span class="light ' || perfeval_internal.html(light) || '"><i>' || chr(9679) || '</i>'
			 || perfeval_internal.html(perfeval_internal.light_label(light)) || '</span>' END;

CREATE FUNCTION perfeval.report_monitoring_html(project_id text, day date DEFAULT NULL) RETURNS text
	LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	p record;
	m perfeval.monitoring_projects;
	ind perfeval.monitoring_indicators[];
	h text;
	rows text;
	marks text;
	found_list text;
	fcode text[];
	fdetail text[];
	mf constant text := 'FM999,999,999,999,999,999,990.00';
	nd constant text := chr(8212);
BEGIN
	SELECT pr.name, pr.year, pr.department, pr.implementing_unit, pr.division_code,
		   concat_ws(' ', d1.name, d2.name, d3.name) AS region
	  INTO p
	  FROM perfeval.project pr
	  LEFT JOIN perfeval.division d1 ON d1.code = perfeval.division_at(pr.division_code, 'province')
	  LEFT JOIN perfeval.division d2 ON d2.code = perfeval.division_at(pr.division_code, 'prefecture')
	  LEFT JOIN perfeval.division d3 ON d3.code = perfeval.division_at(pr.division_code, 'county')
	 WHERE pr.project_id = report_monitoring_html.project_id
	   AND perfeval_internal.in_scope(pr.project_id);
	IF NOT FOUND THEN
		RAISE EXCEPTION USING ERRCODE = 'P0002',
			MESSAGE = perfeval_internal.message('no_project', report_monitoring_html.project_id),
			HINT = perfeval_internal.message('no_project.hint');
	END IF;

	-- the project and its indicators as the monitoring gives them
	IF report_monitoring_html.day IS NULL THEN
		SELECT * INTO m FROM perfeval.monitoring_projects v WHERE v.project_id = report_monitoring_html.project_id;
		SELECT array_agg(v) INTO ind FROM perfeval.monitoring_indicators v
		 WHERE v.project_id = report_monitoring_html.project_id;
	ELSE
		-- (what monitoring_*_as_of() return, without their SET: inlined, so
		-- that the project's condition is applied to its rows alone, not to
		-- the whole warehouse's monitoring; texteq leaks nothing)
		SELECT * INTO m FROM perfeval_internal.monitoring_projects(report_monitoring_html.day) v
		 WHERE v.project_id = report_monitoring_html.project_id;
		SELECT array_agg(v::perfeval.monitoring_indicators) INTO ind
		  FROM perfeval_internal.monitoring_indicators(report_monitoring_html.day) v
		 WHERE v.project_id = report_monitoring_html.project_id;
	END IF;
	IF m.project_id IS NULL THEN
		RAISE EXCEPTION USING ERRCODE = 'P0002',
			MESSAGE = CASE WHEN report_monitoring_html.day IS NULL
				THEN perfeval_internal.message('no_monitoring.latest', report_monitoring_html.project_id)
				ELSE perfeval_internal.message('no_monitoring', report_monitoring_html.project_id,
											   report_monitoring_html.day::text) END,
			HINT = perfeval_internal.message('no_monitoring.hint');
	END IF;

	-- findings (each "；"-separated sentence its own), numbered in the order
	-- listed: the project's first, then the indicators' in table order
	SELECT array_agg(f.code ORDER BY f.code IS NOT NULL, f.seq, f.code, f.k),
		   array_agg(f.detail ORDER BY f.code IS NOT NULL, f.seq, f.code, f.k)
	  INTO fcode, fdetail
	  FROM (SELECT NULL::text AS code, NULL::int AS seq, s.k, s.detail
			  FROM unnest(string_to_array(m.findings, '；')) WITH ORDINALITY AS s(detail, k)
			UNION ALL
			SELECT i.code, x.seq, s.k, s.detail
			  FROM unnest(ind) i
			  LEFT JOIN perfeval.indicator x ON x.project_id = i.project_id AND x.code = i.code
			 CROSS JOIN LATERAL unnest(string_to_array(i.findings, '；')) WITH ORDINALITY AS s(detail, k)) f
	 WHERE f.detail <> '';

	-- one <tbody> per indicator, its row and its light's sentence kept on one
	-- page; level 1 and level 2 printed where they change
	SELECT string_agg(format('<tbody class="i%s"><tr class="r%s hasnote"><td class="l">%s</td><td class="l">%s</td><td>%s%s</td><td>%s</td><td class="n">%s</td><td>%s</td><td class="n">%s</td><td class="c">%s</td><td>%s</td><td>%s</td></tr>'
							 '<tr class="note"><td class="l"></td><td class="l"></td><td class="x" colspan="8">说明：%s</td></tr></tbody>',
				CASE WHEN y.new1 THEN ' g1' WHEN y.new2 THEN ' g2' ELSE '' END,
				CASE WHEN y.marks IS NOT NULL THEN ' found' ELSE '' END,
				CASE WHEN y.new1 THEN perfeval_internal.html(y.level1) ELSE '' END,
				CASE WHEN y.new2 THEN perfeval_internal.html(y.level2) ELSE '' END,
				perfeval_internal.html(y.name), coalesce(y.marks, ''),
				perfeval_internal.html(y.target),
				coalesce(trim_scale(round(y.expected, 2))::text || perfeval_internal.html(y.unit), nd),
				coalesce(nullif(perfeval_internal.html(y.actual), ''), nd),
				coalesce(trim_scale(round(y.progress, 2))::text || '%', nd),
				perfeval_internal.light_html(y.light),
				coalesce(nullif(perfeval_internal.html(y.cause), ''), nd),
				coalesce(nullif(perfeval_internal.html(y.likelihood), ''), nd),
				coalesce(nullif(perfeval_internal.html(y.explanation), ''), nd)), ''
				ORDER BY y.seq, y.code)
	  INTO rows
	  FROM (SELECT i.*, x.level1, x.level2, x.seq, perfeval.unit(x.target) AS unit, k.marks,
				   x.level1 IS DISTINCT FROM lag(x.level1) OVER w AS new1,
				   x.level1 IS DISTINCT FROM lag(x.level1) OVER w OR x.level2 IS DISTINCT FROM lag(x.level2) OVER w AS new2
			  FROM unnest(ind) i
			  LEFT JOIN perfeval.indicator x ON x.project_id = i.project_id AND x.code = i.code
			  LEFT JOIN (SELECT f.code, string_agg(format('<sup><a href="#f%s">[%s]</a></sup>', f.n, f.n), '' ORDER BY f.n) AS marks
						   FROM unnest(fcode) WITH ORDINALITY AS f(code, n) GROUP BY f.code) k ON k.code = i.code
			WINDOW w AS (ORDER BY x.seq, i.code)) y;

	SELECT f.items, f.marks INTO found_list, marks FROM perfeval_internal.report_findings(fcode, fdetail) f;

	h := perfeval_internal.report_page(p.name || ' 绩效目标执行监控表',
			'td.c{text-align:center;white-space:nowrap}table.ind{font-size:9pt}table.ind th{font-size:8.5pt;padding:2px 1px}'
			-- a light: a dot in its colour (text colour prints without the
			-- browser's "background graphics") and its label, for grey print
			|| '.light{white-space:nowrap}.light i{font-style:normal;font-size:13pt;line-height:1;margin-right:1px;vertical-align:-1pt}'
			|| '.red i{color:#e60000}.yellow i{color:#f0b400}.green i{color:#00a040}.blue i{color:#0060d0}.grey i{color:#a0a0a0}'
			|| 'p.goal{margin:1mm 0}')
		|| '<h1>项目支出绩效目标执行监控表</h1><p class="year">（' || p.year || '年度）</p>'
		|| '<table class="head"><colgroup><col style="width:14%"><col style="width:36%"><col style="width:14%"><col style="width:36%"></colgroup>'
		|| '<tr><th>项目名称</th><td colspan="3">' || perfeval_internal.html(p.name) || '</td></tr>'
		|| '<tr><th>主管部门</th><td>' || perfeval_internal.html(p.department) || '</td><th>实施单位</th><td>'
		|| CASE WHEN p.implementing_unit IS NULL OR p.implementing_unit = '' THEN nd ELSE perfeval_internal.html(p.implementing_unit) END || '</td></tr>'
		|| '<tr><th>项目编号</th><td>' || perfeval_internal.html(report_monitoring_html.project_id) || '</td><th>监控日期</th><td>'
		|| to_char(m.as_of, 'YYYY"年"FMMM"月"FMDD"日"') || '</td></tr>'
		|| '<tr><th>行政区划</th><td>' || perfeval_internal.html(p.region) || '（' || p.division_code || '）</td><th>资金报告日期</th><td>'
		|| coalesce(to_char(m.reported_on, 'YYYY"年"FMMM"月"FMDD"日"'), nd) || '</td></tr></table>'
		|| '<h2>预算执行情况（万元）</h2>'
		|| CASE WHEN m.reported_on IS NULL THEN '<p>未报告预算执行数。</p>' ELSE
			'<table class="exec"><colgroup><col style="width:12%"><col style="width:12%"><col style="width:11%"><col style="width:11%"><col style="width:12%"><col style="width:16%"><col style="width:13%"><col style="width:13%"></colgroup>'
			|| '<thead><tr><th>全年预算数</th><th>1' || chr(8211) || extract(month FROM m.as_of) || '月执行数</th><th>执行率</th><th>序时进度</th>'
			|| '<th>执行进度比</th><th>序时进度差</th><th>执行灯色</th><th>重点监控</th></tr></thead><tbody>'
			|| '<tr><td class="n">' || coalesce(to_char(m.budget, mf), nd) || '</td><td class="n">' || coalesce(to_char(m.spent, mf), nd)
			|| '</td><td class="n">' || coalesce(to_char(m.exec_rate, mf) || '%', nd)
			|| '</td><td class="n">' || coalesce(to_char(m.time_progress, mf) || '%', nd)
			|| '</td><td class="n">' || coalesce(to_char(m.exec_ratio, mf) || '%', nd)
			|| '</td><td class="n">' || coalesce(to_char(m.exec_gap, mf) || '个百分点', nd)
			|| '</td><td class="c">' || perfeval_internal.light_html(m.exec_light) || coalesce(marks, '')
			|| '</td><td class="c">' || CASE m.key_monitor WHEN true THEN '是' WHEN false THEN '否' ELSE nd END || '</td></tr>'
			|| '<tr class="note"><td class="x" colspan="8">说明：' || coalesce(nullif(perfeval_internal.html(m.explanation), ''), nd) || '</td></tr>'
			|| '</tbody></table>' END
		|| '<h2>绩效目标执行情况</h2>'
		|| '<p class="goal">目标灯色（各指标中最差者）：' || perfeval_internal.light_html(m.goal_light) || '</p>'
		|| CASE WHEN rows IS NULL THEN '<p>未录入按实际完成值监控的三级指标。</p>' ELSE
			'<table class="ind"><colgroup><col style="width:8%"><col style="width:8%"><col style="width:12%"><col style="width:10%"><col style="width:16%"><col style="width:10%"><col style="width:8%"><col style="width:6.5%"><col style="width:10%"><col style="width:11.5%"></colgroup>'
			|| '<thead><tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>年度指标值</th><th>截至监控日应完成值</th><th>实际完成值</th><th>完成进度</th><th>灯色</th><th>偏差原因</th><th>完成可能性</th></tr></thead>'
			|| rows || '</table>' END
		|| '<h2>发现的问题</h2>'
		|| CASE WHEN found_list IS NULL THEN '<p>无。</p>' ELSE '<ol class="findings">' || found_list || '</ol>' END
		|| '</body></html>';
	RETURN h;
END $$;

COMMENT ON FUNCTION perfeval.report_monitoring_html(text, date) IS '一个项目某日（默认最近报告日）的绩效目标执行监控表（完整 HTML 文档，可打印 A4） / One project''s monitoring sheet at a date (by default its latest report) as a complete, printable (A4) HTML document';
COMMENT ON FUNCTION perfeval_internal.light_html(text) IS '灯色的 HTML：彩色圆点及中文名 / A light as HTML: a coloured dot and its Chinese label';

-- == 绩效监控表: the monitoring form through the one reader (issue 28) ==
-- (two staging layouts, perfeval.form_monitor and form_monitor_money, read
-- by stage_file() by their headers, src/pe_csv.c and src/pe_monform.c; the
-- import, src/import.c, writes perfeval.actual, with its new forecast,
-- perfeval.execution, and what a form printed that its facts do not give,
-- perfeval.monitoring_finding, read through perfeval.findings; out again by
-- perfeval.export_monitor and export_monitor_money)
ALTER TABLE perfeval.actual ADD COLUMN forecast perfeval.measure;
CREATE TABLE perfeval.monitoring_finding (
	project_id text NOT NULL REFERENCES perfeval.project ON DELETE CASCADE,
	reported_on date NOT NULL CONSTRAINT monitoring_finding_reported_on_check CHECK (isfinite(reported_on)),
	code text,
	kind text NOT NULL
		CONSTRAINT monitoring_finding_kind_check CHECK (kind IN ('money_total', 'printed_rate', 'target_differs')),
	detail text NOT NULL
);
CREATE INDEX monitoring_finding_project_idx ON perfeval.monitoring_finding (project_id, reported_on);
CREATE TRIGGER park_orphan BEFORE INSERT ON perfeval.monitoring_finding FOR EACH ROW
	WHEN (perfeval_internal.may_park('perfeval.project'))
	EXECUTE FUNCTION perfeval_internal.park_orphan('project', 'project_id');
SELECT pg_catalog.pg_extension_config_dump('perfeval.monitoring_finding', '');
ALTER TABLE perfeval.monitoring_finding ENABLE ROW LEVEL SECURITY;
CREATE POLICY scope_read ON perfeval.monitoring_finding FOR SELECT
	USING (perfeval_internal.in_scope(project_id));
CREATE POLICY scope_delete ON perfeval.monitoring_finding FOR DELETE
	USING (perfeval_internal.may_load(project_id));
CREATE POLICY scope_insert ON perfeval.monitoring_finding FOR INSERT
	WITH CHECK (perfeval_internal.check_load(project_id));
CREATE POLICY scope_update ON perfeval.monitoring_finding FOR UPDATE
	USING (perfeval_internal.may_load(project_id))
	WITH CHECK (perfeval_internal.check_load(project_id));
COMMENT ON INDEX perfeval.monitoring_finding_project_idx IS '监控表问题按项目与报告日 / A monitoring form''s findings by project and report date';
COMMENT ON TABLE perfeval.monitoring_finding IS '监控表所印数字与其数据不符之处（导入时记录，经 findings 视图读取） / What a monitoring form printed that its facts do not give, recorded by the import and read through perfeval.findings';
COMMENT ON COLUMN perfeval.monitoring_finding.project_id IS '项目编号 / Project id';
COMMENT ON COLUMN perfeval.monitoring_finding.reported_on IS '监控表的报告日 / The report date of the form';
COMMENT ON COLUMN perfeval.monitoring_finding.code IS '指标编码（资金问题为空） / Indicator code (NULL for the money)';
COMMENT ON COLUMN perfeval.monitoring_finding.kind IS '问题类别：money_total 合计不等于其组成，printed_rate 所印执行率不符，target_differs 年度指标值与指标目标不同 / Kind: a total not the sum of its parts, a printed rate not spent ÷ budget, a printed target not the indicator''s';
COMMENT ON COLUMN perfeval.monitoring_finding.detail IS '问题说明 / The finding in a sentence';
COMMENT ON COLUMN perfeval.actual.forecast IS '全年预计完成值（年中监控） / The full-year forecast (mid-year monitoring)';
CREATE OR REPLACE VIEW perfeval.findings AS
-- (one query around the UNION ALL: the planner flattens a view that is a
-- bare UNION ALL into its branches, security barrier or not, and would run
-- a caller's condition beside each branch's scope filter: section 95)
SELECT u.project_id, u.code, u.kind, u.detail FROM (
-- per project: no indicators, weights not adding to 100, a printed total or
-- grade its indicators do not give
SELECT f.project_id, NULL::text AS code, k.kind, k.detail
  FROM (SELECT p.project_id, p.printed_total, p.printed_grade, p.scheme_id, a.project_id IS NULL AS none,
			   a.weight, (a.t).total AS total,
			   perfeval.grade(coalesce((a.t).total, p.printed_total), s.grade_scale) AS final_grade
		  FROM perfeval.project p
		  JOIN perfeval.scheme s ON s.scheme_id = p.scheme_id
		  LEFT JOIN (SELECT x.project_id, perfeval.sum_scores(x.e) AS t, sum(x.weight) AS weight
					   FROM perfeval_internal.indicator_scored x
					  GROUP BY x.project_id) a ON a.project_id = p.project_id
		 WHERE perfeval_internal.in_scope(p.project_id)) f
 CROSS JOIN LATERAL unnest(
	   ARRAY['no_indicators', 'weights_total', 'weights_not_100', 'printed_total', 'printed_grade'],
	   ARRAY[
		CASE WHEN f.none THEN '未录入三级指标，无法计算总分' || coalesce('；报告总分' || f.printed_total::text
			 || '未经核验', '') END,
		CASE WHEN f.weight <> 100 THEN '三级指标权重合计' || trim_scale(f.weight)::text || '分，不等于100分' END,
		-- (the same fact under the name issue 26 gives it, 1.16: the total
		-- is rescaled to 100 over the weights given)
		CASE WHEN f.weight <> 100 THEN '三级指标权重合计' || trim_scale(f.weight)::text
			 || '分，不等于100分；总分按100分折算' END,
		CASE WHEN f.total <> f.printed_total THEN
			'报告总分' || f.printed_total::text || '分，按指标计算应为' || trim_scale(f.total)::text
			|| '分（差' || trim_scale(f.total - f.printed_total)::text || '分）' END,
		CASE WHEN NOT starts_with(f.printed_grade, f.final_grade) THEN
			'报告等级“' || f.printed_grade || '”，' || trim_scale(coalesce(f.total, f.printed_total))::text
			|| '分按方案' || f.scheme_id || '应为“' || f.final_grade || '”' END]) AS k(kind, detail)
 WHERE (f.none OR f.weight <> 100 OR f.total <> f.printed_total OR NOT starts_with(f.printed_grade, f.final_grade))
   AND k.detail IS NOT NULL
UNION ALL
-- per indicator: what its one evaluation found, a sentence only for that
SELECT y.project_id, y.code, y.kind,
	   perfeval.finding_detail(y.e, y.kind, y.name, y.weight, y.applicable, y.source, y.target,
		   y.method, y.printed_score, y.code, y.rules, y.actuals, y.checklist, y.survey,
		   y.money_initial_budget, y.money_budget, y.money_arrived, y.money_spent, 'infinity')
  FROM (SELECT x.*, unnest(perfeval.finding_kinds(x.e)) AS kind
		  FROM perfeval_internal.indicator_evaluations x
		 WHERE perfeval.findings(x.e) <> 0) y
UNION ALL
SELECT a.project_id, NULL, 'spent_above_arrived',
	   a.department || '（' || a.fund_level || '）：全年执行' || trim_scale(a.spent)::text || a.unit
	   || '超过实际到位' || trim_scale(a.arrived)::text || a.unit
  FROM perfeval.allocation a
 WHERE a.spent > a.arrived AND perfeval_internal.in_scope(a.project_id)
UNION ALL
SELECT a.project_id, NULL, 'zero_budget',
	   a.department || '（' || a.fund_level || '）：全年预算为0'
	   || CASE WHEN a.arrived > 0 OR a.spent > 0 THEN '，但有到位或执行资金' ELSE '' END
  FROM perfeval.allocation a
 WHERE a.budget = 0 AND perfeval_internal.in_scope(a.project_id)
UNION ALL
-- what a form printed beside its facts (1.16): a department taken from the
-- implementing unit, level-1 points its rows' weights do not add up to
SELECT p.project_id, NULL, 'department_from_unit',
	   '表单未填主管部门，按实施单位“' || p.department || '”归口'
  FROM perfeval.project p
 WHERE p.department_from_unit AND perfeval_internal.in_scope(p.project_id)
UNION ALL
SELECT l.project_id, NULL, 'level1_points',
	   '一级指标“' || l.level1 || '”标注' || trim_scale(l.points)::text || '分，其三级指标分值合计'
	   || trim_scale(l.weight)::text || '分'
  FROM (SELECT i.project_id, i.level1, max(i.level1_points) AS points, sum(i.weight) AS weight
		  FROM perfeval.indicator i
		 WHERE i.level1_points IS NOT NULL AND perfeval_internal.in_scope(i.project_id)
		 GROUP BY i.project_id, i.level1) l
 WHERE l.points <> l.weight
UNION ALL
-- what a monitoring form printed beside its facts (1.16): a total not the
-- sum of its parts, a printed rate, a printed target
SELECT m.project_id, m.code, m.kind, m.detail
  FROM perfeval.monitoring_finding m
 WHERE perfeval_internal.in_scope(m.project_id)) u;
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
CREATE VIEW perfeval.form_monitor WITH (security_invoker = true) AS
SELECT "项目编码", "一级指标", "二级指标", "三级指标", "指标编码", "年度指标值", "截至月份", "实际完成值",
	   "全年预计完成值", "偏差原因", "完成可能性", "原因说明", "监控日期"
  FROM perfeval_internal.staged_monitor;
CREATE VIEW perfeval.form_monitor_money WITH (security_invoker = true) AS
SELECT "项目编码", "资金来源", "金额单位", "全年预算数", "到位数", "截至月份", "执行数", "执行率", "监控日期"
  FROM perfeval_internal.staged_monitor_money;
CREATE OR REPLACE VIEW perfeval.staged_lines WITH (security_invoker = true) AS
SELECT 'form_project'::text AS relation, "项目编码" AS project_code, line, batch FROM perfeval_internal.staged_project
UNION ALL SELECT 'form_indicator', "项目编码", line, batch FROM perfeval_internal.staged_indicator
UNION ALL SELECT 'form_checklist', "项目编码", line, batch FROM perfeval_internal.staged_checklist
UNION ALL SELECT 'form_survey', "项目编码", line, batch FROM perfeval_internal.staged_survey
UNION ALL SELECT 'form_goal', "项目编码", line, batch FROM perfeval_internal.staged_goal
UNION ALL SELECT 'form_monitor', "项目编码", line, batch FROM perfeval_internal.staged_monitor
UNION ALL SELECT 'form_monitor_money', "项目编码", line, batch FROM perfeval_internal.staged_monitor_money;
CREATE TRIGGER stage_row INSTEAD OF INSERT ON perfeval.form_monitor
	FOR EACH ROW EXECUTE FUNCTION perfeval_internal.stage_row();
CREATE TRIGGER stage_flush AFTER INSERT ON perfeval.form_monitor
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.stage_flush();
CREATE TRIGGER stage_row INSTEAD OF INSERT ON perfeval.form_monitor_money
	FOR EACH ROW EXECUTE FUNCTION perfeval_internal.stage_row();
CREATE TRIGGER stage_flush AFTER INSERT ON perfeval.form_monitor_money
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.stage_flush();
ALTER TABLE perfeval_internal.staged_monitor ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_rows ON perfeval_internal.staged_monitor
	USING (staged_by = CURRENT_USER) WITH CHECK (staged_by = CURRENT_USER);
SELECT pg_catalog.pg_extension_config_dump('perfeval_internal.staged_monitor', '');
ALTER TABLE perfeval_internal.staged_monitor_money ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_rows ON perfeval_internal.staged_monitor_money
	USING (staged_by = CURRENT_USER) WITH CHECK (staged_by = CURRENT_USER);
SELECT pg_catalog.pg_extension_config_dump('perfeval_internal.staged_monitor_money', '');
CREATE TYPE perfeval_internal.monitor_value AS (word text, part int, sqlstate text, message text, hint text);
CREATE FUNCTION perfeval_internal.monitor_cell(kind text, v text, year int DEFAULT NULL, month text DEFAULT NULL)
	RETURNS perfeval_internal.monitor_value
	LANGUAGE C IMMUTABLE PARALLEL SAFE AS 'MODULE_PATHNAME', 'pe_monitor_cell';
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
COMMENT ON TABLE perfeval_internal.staged_monitor IS '已暂存的绩效监控表指标行（含 CSV 行号） / Staged indicator rows of monitoring forms (绩效监控表), with their CSV line';
COMMENT ON TABLE perfeval_internal.staged_monitor_money IS '已暂存的绩效监控表资金行（含 CSV 行号） / Staged money rows of monitoring forms (绩效监控表), with their CSV line';
COMMENT ON VIEW perfeval.form_monitor IS '绩效监控表的指标行：年度指标值、1-N月实际完成值、全年预计完成值、偏差原因、完成可能性（导入时项目须已在库中） / Indicator rows of the monitoring form (绩效监控表): the year''s target, the actual to month N, the full-year forecast, the cause and likelihood (the project must already be in the warehouse)';
COMMENT ON VIEW perfeval.form_monitor_money IS '绩效监控表的资金行：按资金来源的全年预算数、到位数、1-N月执行数（合计行只核对不入库） / Money rows of the monitoring form by fund source: full-year budget, money arrived, spent to month N (total lines are checked, not stored)';
COMMENT ON VIEW perfeval.export_monitor IS '按绩效监控表指标格式导出各报告日的实际值（导出后可再导入） / Actuals at their report dates in the form_monitor layout, to export and import again';
COMMENT ON VIEW perfeval.export_monitor_money IS '按绩效监控表资金格式导出各报告日的资金 / Dated money in the form_monitor_money layout';
COMMENT ON TYPE perfeval_internal.monitor_value IS '监控表单元格的读取结果：词或问题 / A monitoring form''s cell as read: its word, or its problem';
COMMENT ON FUNCTION perfeval_internal.monitor_cell(text, text, integer, text) IS '按核心规则读取监控表单元格（偏差原因、完成可能性、资金来源、监控日期、执行率、资金级次） / A monitoring form''s cell read by the core''s rules (cause, likelihood, fund source, report date, printed rate, a division''s fund level)';
-- (their columns' comments, as section 85 gives them)
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
			  WHERE r.oid IN ('perfeval.form_monitor'::regclass, 'perfeval.form_monitor_money'::regclass,
							  'perfeval_internal.staged_monitor'::regclass, 'perfeval_internal.staged_monitor_money'::regclass,
							  'perfeval.export_monitor'::regclass, 'perfeval.export_monitor_money'::regclass)
				AND a.attnum > 0 AND NOT a.attisdropped LOOP
		EXECUTE format('COMMENT ON COLUMN %s.%I IS %L', c.rel, c.attname,
			CASE c.attname WHEN 'line' THEN 'CSV 文件行号（表头为第1行） / Line of the CSV file, header = line 1'
				WHEN 'batch' THEN '暂存批次（写入语句） / Staging batch (the statement that staged it)'
				WHEN 'staged_by' THEN '暂存该行的角色 / The role that staged the row'
				ELSE '表头“' || c.attname || '”，原文 / Form header, as written: ' || (en ->> c.attname) END);
	END LOOP;
END $$;
CREATE OR REPLACE FUNCTION perfeval_internal.analyze_staging() RETURNS void
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
CREATE OR REPLACE FUNCTION perfeval_internal.grant_import(role regrole, grant_it boolean) RETURNS void
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	EXECUTE format(CASE WHEN grant_it THEN 'GRANT %s ON %s TO %s' ELSE 'REVOKE %s ON %s FROM %s' END,
		'SELECT, INSERT, UPDATE, DELETE', 'perfeval.form_project, perfeval.form_indicator, perfeval.form_checklist,
		perfeval.form_survey, perfeval.form_goal, perfeval.form_monitor, perfeval.form_monitor_money,
		perfeval.import_error, perfeval.monitoring_finding', role);
	EXECUTE format(CASE WHEN grant_it THEN 'GRANT %s ON %s TO %s' ELSE 'REVOKE %s ON %s FROM %s' END,
		'SELECT, INSERT, UPDATE, DELETE', 'perfeval_internal.staged_project, perfeval_internal.staged_indicator,
		perfeval_internal.staged_checklist, perfeval_internal.staged_survey, perfeval_internal.staged_goal,
		perfeval_internal.staged_monitor, perfeval_internal.staged_monitor_money', role);
	EXECUTE format(CASE WHEN grant_it THEN 'GRANT %s ON %s TO %s' ELSE 'REVOKE %s ON %s FROM %s' END,
		'SELECT', 'perfeval.staged_lines, perfeval_internal.form_indicator_rows', role);
	-- the import's SECURITY DEFINER helpers, PUBLIC's no more (1.15)
	EXECUTE format(CASE WHEN grant_it THEN 'GRANT %s ON %s TO %s' ELSE 'REVOKE %s ON %s FROM %s' END,
		'EXECUTE', 'FUNCTION perfeval_internal.taken_codes(text[]), perfeval_internal.analyze_staging(),
		perfeval_internal.ensure_national_self()', role);
END $$;
-- (the new table and exports for every role granted the warehouse, the new
-- staging views and tables and the findings' table for the loaders)
DO $$
DECLARE
	r record;
BEGIN
	FOR r IN SELECT DISTINCT g.role_name, g.may_load FROM perfeval.access_grant g
			  WHERE EXISTS (SELECT FROM pg_roles WHERE rolname = g.role_name) LOOP
		EXECUTE format('GRANT SELECT ON perfeval.monitoring_finding, perfeval.export_monitor, perfeval.export_monitor_money TO %I',
					   r.role_name);
		IF r.may_load THEN
			PERFORM perfeval_internal.grant_import(r.role_name::regrole, true);
		END IF;
	END LOOP;
END $$;
-- (distribute() takes the shard count, and removes the lookup tables' local rows, issue 31)
DROP FUNCTION perfeval.distribute();
-- shard_count: the number of shards of the growing tables (Citus's
-- citus.shard_count, 32, when NULL); a query of the whole warehouse runs on
-- at most as many cores.  Set when the warehouse is first distributed;
-- asked for again with another number, refused (Citus's
-- alter_distributed_table() reshards a loaded warehouse).  The lookup
-- tables' rows stay on the coordinator's disk once they are reference
-- tables unless removed: they are (truncate_local_data_after_distributing_table()).
CREATE FUNCTION perfeval.distribute(shard_count int DEFAULT NULL)
	RETURNS TABLE (table_name regclass, citus_table_type text)
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	t text;
	n bigint;
	fk record;
	fks text[] := '{}';
	-- (the import's inbox, staged_* and import_error, stays local: staging
	-- writes the coordinator's heap alone, as on one node, and goes on with
	-- a worker down; import_forms() runs on the coordinator)
	reference text[] := ARRAY['perfeval.scheme', 'perfeval.result_rule', 'perfeval.division', 'perfeval.access_grant',
							  'perfeval_internal.division_shipped', 'perfeval_internal.parked'];
	growing text[] := ARRAY['perfeval.project', 'perfeval_internal.project_state',
							'perfeval_internal.project_results', 'perfeval_internal.project_levels',
							'perfeval.indicator', 'perfeval.allocation', 'perfeval.actual',
							'perfeval.checklist_point', 'perfeval.survey_response', 'perfeval.execution',
							'perfeval.monitoring_finding'];
BEGIN
	IF NOT EXISTS (SELECT FROM pg_extension WHERE extname = 'citus') THEN
		RAISE EXCEPTION USING ERRCODE = 'feature_not_supported',
			MESSAGE = perfeval_internal.message('needs_citus'),
			DETAIL = perfeval_internal.message('needs_citus.detail'),
			HINT = perfeval_internal.message('needs_citus.hint');
	END IF;
	IF distribute.shard_count IS NOT NULL AND distribute.shard_count NOT BETWEEN 1 AND 64000 THEN
		RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
			MESSAGE = perfeval_internal.message('shard_count', distribute.shard_count::text),
			HINT = perfeval_internal.message('shard_count.hint');
	END IF;
	IF EXISTS (SELECT FROM pg_dist_partition WHERE logicalrelid = 'perfeval.project'::regclass) THEN
		SELECT count(*) INTO n FROM pg_dist_shard WHERE logicalrelid = 'perfeval.project'::regclass;
		IF n <> distribute.shard_count THEN
			RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
				MESSAGE = perfeval_internal.message('shards_set', n::text, distribute.shard_count::text),
				HINT = perfeval_internal.message('shards_set.hint');
		END IF;
	ELSIF EXISTS (SELECT FROM perfeval.project) THEN
		RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
			MESSAGE = perfeval_internal.message('not_empty'),
			DETAIL = perfeval_internal.message('not_empty.detail'),
			HINT = perfeval_internal.message('not_empty.hint');
	END IF;
	-- the national self-evaluation form's scheme, made now by its owner: on
	-- a cluster a loader's import cannot have the owner write the reference
	-- tables its own staging wrote in the same transaction (Citus refuses)
	PERFORM perfeval_internal.ensure_national_self();
	-- the state triggers are written for shards (src/shard.c)
	PERFORM set_config('citus.enable_unsafe_triggers', 'on', true);
	-- one connection per node: the foreign keys to reference tables need it
	PERFORM set_config('citus.multi_shard_modify_mode', 'sequential', true);
	-- foreign keys between tables not yet distributed are dropped and made
	-- again once both sides are (Citus converts a local table referencing a
	-- reference table otherwise, views and all)
	FOR fk IN SELECT c.conrelid::regclass AS rel, c.conname, pg_get_constraintdef(c.oid) AS def
				FROM pg_constraint c
			   WHERE c.contype = 'f'
				 AND c.connamespace IN ('perfeval'::regnamespace, 'perfeval_internal'::regnamespace)
				 AND NOT EXISTS (SELECT FROM pg_dist_partition d WHERE d.logicalrelid = c.conrelid)
			   ORDER BY c.conrelid::regclass::text, c.conname LOOP
		EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', fk.rel, fk.conname);
		-- (the workers' copies of the tables, made by CREATE EXTENSION, keep
		-- theirs until the distributed table's DROP reaches them)
		fks := fks || format('ALTER TABLE %s DROP CONSTRAINT IF EXISTS %I', fk.rel, fk.conname)
				   || format('ALTER TABLE %s ADD CONSTRAINT %I %s', fk.rel, fk.conname, fk.def);
	END LOOP;
	FOREACH t IN ARRAY reference LOOP
		IF NOT EXISTS (SELECT FROM pg_dist_partition WHERE logicalrelid = t::regclass) THEN
			PERFORM create_reference_table(t::regclass);
		END IF;
	END LOOP;
	FOREACH t IN ARRAY growing LOOP
		IF NOT EXISTS (SELECT FROM pg_dist_partition WHERE logicalrelid = t::regclass) THEN
			IF t = 'perfeval.project' AND distribute.shard_count IS NOT NULL THEN
				PERFORM create_distributed_table(t::regclass, 'project_id', shard_count => distribute.shard_count);
			ELSE
				PERFORM create_distributed_table(t::regclass, 'project_id',
					colocate_with => CASE WHEN t = 'perfeval.project' THEN 'default' ELSE 'perfeval.project' END);
			END IF;
		END IF;
	END LOOP;
	FOREACH t IN ARRAY fks LOOP
		EXECUTE t;
	END LOOP;
	-- the foreign keys to scheme are kept by triggers on the cluster
	-- (sections 40 and 76, src/schemekey.c): Citus refuses to write a
	-- reference table that any table references, once the transaction has
	-- written a distributed table in parallel
	FOR fk IN SELECT c.conrelid::regclass AS rel, c.conname, NULL AS def FROM pg_constraint c
			   WHERE c.contype = 'f' AND c.confrelid = 'perfeval.scheme'::regclass ORDER BY 2 LOOP
		EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', fk.rel, fk.conname);
	END LOOP;
	-- the lookup tables' rows CREATE EXTENSION wrote, left on the
	-- coordinator's disk by create_reference_table() (its copies are the
	-- reference tables' placements now)
	FOREACH t IN ARRAY reference LOOP
		PERFORM truncate_local_data_after_distributing_table(t::regclass);
	END LOOP;
	PERFORM perfeval_internal.dated_forms_for_citus();
	-- the coordinator gives perfeval_internal to granted roles only (a
	-- worker to every role: section 48)
	REVOKE USAGE ON SCHEMA perfeval_internal FROM PUBLIC;
	-- the roles granted before: their schema privileges on the workers
	FOR t IN SELECT DISTINCT g.role_name FROM perfeval.access_grant g
			  WHERE EXISTS (SELECT FROM pg_roles r WHERE r.rolname = g.role_name) LOOP
		PERFORM perfeval_internal.schema_privilege(t::regrole, true);
	END LOOP;
	RETURN QUERY
	SELECT c.oid::regclass,
		   CASE WHEN d.partmethod = 'h' THEN 'distributed'
				WHEN d.partmethod = 'n' AND d.repmodel = 't' THEN 'reference'
				WHEN d.partmethod IS NOT NULL THEN 'citus local'
				ELSE 'local' END
	  FROM pg_class c
	  LEFT JOIN pg_dist_partition d ON d.logicalrelid = c.oid
	 WHERE c.relkind IN ('r', 'p')
	   AND c.relnamespace IN ('perfeval'::regnamespace, 'perfeval_internal'::regnamespace)
	 ORDER BY c.oid::regclass::text;
END
$$;
REVOKE ALL ON FUNCTION perfeval.distribute(integer) FROM PUBLIC;
COMMENT ON FUNCTION perfeval.distribute(integer) IS '在 Citus 协调节点上分布仓库：增长的表按 project_id 分布并共置（shard_count 为分片数），查找表为参考表；可重复运行 / Distribute the warehouse on a Citus coordinator: growing tables by project_id, co-located (shard_count shards), lookup tables as reference tables; safe to run twice';

-- == projects scored under another scheme's rules (section 74, issue 29 part 2) ==
-- Section 74: projects scored under another scheme's rules (issue 29,
-- part 2): one provincial scale for projects graded under different rules.
--
-- Nothing is restated: each indicator row is evaluated by the same
-- perfeval.evaluate() the views call, from the same row and kept state
-- (perfeval_internal.indicator_rows), with the named scheme's rules in
-- place of its own (decimals, rounding, reverse rule, tier bounds, survey
-- coefficients, execution base, over threshold: the scheme's generated
-- rules column), added by the same sum_scores() (which rounds the total by
-- the rules it was given) and graded by the same grade() and grade_band()
-- with that scheme's grade_scale.  The money is the project's (kept state,
-- in 万元); the execution base it is read on is the rules', so an
-- execution_rate indicator is re-read on the named scheme's base.  The
-- project's own total and grade come from the same pass with its own
-- rules: the same expressions as perfeval.project_scores.  (The named
-- scheme's rules are a scalar subquery, computed once and passed to the
-- parallel workers: joined as a one-row relation they kept the plan from
-- going parallel, 2.7x project_scores' time at 20,000 projects.)
--
-- The public forms are SQL functions over these, as the dated forms
-- (section 50): one node inlines them into the caller's query, so a query
-- for one project reads that project by key, and a query that reads no
-- own_* column does not evaluate the rows under their own rules.  They run
-- as their caller: the project table's row-level security and the scope of
-- indicator_rows (a security barrier) apply before any condition of the
-- caller's, so a function of the caller's sees no row outside the scope
-- (test/leak.sh probes every set-returning function of schema perfeval
-- taking a date or a text).  An unknown scheme is refused, not an empty
-- answer: known_scheme() (PL/pgSQL) raises, in a condition without columns
-- that PostgreSQL tests once, before reading any row.

-- Per project: its own total, grade and band (its own scheme), and the
-- total, grade and band under the named scheme.
CREATE FUNCTION perfeval_internal.project_scores_under(scheme text)
	RETURNS TABLE (project_id text, name text, year int, division_code text, department text,
				   own_scheme_id text, own_total numeric, own_grade text, own_band int,
				   under_scheme_id text, indicators bigint, weight numeric, total numeric,
				   grade text, band int, difference numeric)
	LANGUAGE sql STABLE PARALLEL SAFE
	BEGIN ATOMIC
	SELECT p.project_id, p.name, p.year, p.division_code, p.department,
		   p.scheme_id, (t.own).total, perfeval.grade((t.own).total, s.grade_scale),
		   perfeval.grade_band((t.own).total, s.grade_scale),
		   r.scheme_id, coalesce((t.under).indicators, 0), (t.under).weight, (t.under).total,
		   perfeval.grade((t.under).total, r.grade_scale), perfeval.grade_band((t.under).total, r.grade_scale),
		   trim_scale((t.under).total - (t.own).total)
	  FROM perfeval.project p
	  JOIN perfeval.scheme s ON s.scheme_id = p.scheme_id
	  JOIN perfeval.scheme r ON r.scheme_id = project_scores_under.scheme
	  LEFT JOIN (SELECT x.project_id,
						perfeval.sum_scores(perfeval.evaluate(x.weight, x.applicable, x.source, x.target, x.method,
							x.printed_score, x.code, x.rules, x.actuals, x.checklist, x.survey,
							x.money_initial_budget, x.money_budget, x.money_arrived, x.money_spent,
							'infinity')) AS own,
						perfeval.sum_scores(perfeval.evaluate(x.weight, x.applicable, x.source, x.target, x.method,
							x.printed_score, x.code,
							(SELECT u.rules FROM perfeval.scheme u WHERE u.scheme_id = project_scores_under.scheme),
							x.actuals, x.checklist, x.survey,
							x.money_initial_budget, x.money_budget, x.money_arrived, x.money_spent,
							'infinity')) AS under
				   FROM perfeval_internal.indicator_rows x
				  GROUP BY x.project_id) t ON t.project_id = p.project_id
	 WHERE perfeval_internal.in_scope(p.project_id);
	END;

-- Per project and level 1: its score under its own scheme and under the
-- named one (level1_scores' sums: the applicable rows, NULL if one has no
-- score).
CREATE FUNCTION perfeval_internal.level1_scores_under(scheme text)
	RETURNS TABLE (project_id text, level1 text, seq int, own_scheme_id text, own_score numeric,
				   own_score_rate numeric, under_scheme_id text, indicators bigint, weight numeric,
				   score numeric, score_rate numeric, difference numeric)
	LANGUAGE sql STABLE PARALLEL SAFE
	BEGIN ATOMIC
	SELECT g.project_id, g.level1, g.seq, st.scheme_id, (g.own).score,
		   perfeval.rate((g.own).score, (g.own).weight),
		   u.scheme_id, (g.under).indicators, (g.under).weight, (g.under).score,
		   perfeval.rate((g.under).score, (g.under).weight),
		   trim_scale((g.under).score - (g.own).score)
	  FROM (SELECT x.project_id, x.level1, min(x.seq) AS seq,
				   perfeval.sum_scores(perfeval.evaluate(x.weight, x.applicable, x.source, x.target, x.method,
					   x.printed_score, x.code, x.rules, x.actuals, x.checklist, x.survey,
					   x.money_initial_budget, x.money_budget, x.money_arrived, x.money_spent,
					   'infinity')) AS own,
				   perfeval.sum_scores(perfeval.evaluate(x.weight, x.applicable, x.source, x.target, x.method,
					   x.printed_score, x.code,
					   (SELECT u.rules FROM perfeval.scheme u WHERE u.scheme_id = level1_scores_under.scheme),
					   x.actuals, x.checklist, x.survey,
					   x.money_initial_budget, x.money_budget, x.money_arrived, x.money_spent,
					   'infinity')) AS under
			  FROM perfeval_internal.indicator_rows x
			 WHERE x.applicable
			 GROUP BY x.project_id, x.level1) g
	  JOIN perfeval.project st ON st.project_id = g.project_id
	  JOIN perfeval.scheme u ON u.scheme_id = level1_scores_under.scheme
	 WHERE perfeval_internal.in_scope(st.project_id);
	END;

-- An unknown scheme is refused (22023, the value quoted, with a hint); a
-- known one is returned.  (Called with the public forms' argument, in their
-- FROM and in a condition without columns: not a constant to the planner,
-- so no scheme, NULL, cannot make it fold the query away unchecked.)
CREATE FUNCTION perfeval_internal.known_scheme(scheme text) RETURNS text
	LANGUAGE plpgsql STABLE PARALLEL SAFE
AS $$
BEGIN
	IF scheme IS NULL OR NOT EXISTS (SELECT FROM perfeval.scheme s WHERE s.scheme_id = known_scheme.scheme) THEN
		RAISE EXCEPTION USING ERRCODE = '22023',
			MESSAGE = perfeval_internal.message('no_scheme', scheme),
			HINT = perfeval_internal.message('no_scheme.hint');
	END IF;
	RETURN scheme;
END $$;

CREATE FUNCTION perfeval.project_scores_under(scheme_id text)
	RETURNS TABLE (project_id text, name text, year int, division_code text, department text,
				   own_scheme_id text, own_total numeric, own_grade text, own_band int,
				   under_scheme_id text, indicators bigint, weight numeric, total numeric,
				   grade text, band int, difference numeric)
	LANGUAGE sql STABLE PARALLEL SAFE
	BEGIN ATOMIC
	SELECT u.project_id, u.name, u.year, u.division_code, u.department, u.own_scheme_id, u.own_total,
		   u.own_grade, u.own_band, u.under_scheme_id, u.indicators, u.weight, u.total, u.grade, u.band,
		   u.difference
	  FROM perfeval_internal.project_scores_under(perfeval_internal.known_scheme(project_scores_under.scheme_id)) u
	 WHERE perfeval_internal.known_scheme(project_scores_under.scheme_id) IS NOT NULL;
	END;

CREATE FUNCTION perfeval.level1_scores_under(scheme_id text)
	RETURNS TABLE (project_id text, level1 text, seq int, own_scheme_id text, own_score numeric,
				   own_score_rate numeric, under_scheme_id text, indicators bigint, weight numeric,
				   score numeric, score_rate numeric, difference numeric)
	LANGUAGE sql STABLE PARALLEL SAFE
	BEGIN ATOMIC
	SELECT u.project_id, u.level1, u.seq, u.own_scheme_id, u.own_score, u.own_score_rate, u.under_scheme_id,
		   u.indicators, u.weight, u.score, u.score_rate, u.difference
	  FROM perfeval_internal.level1_scores_under(perfeval_internal.known_scheme(level1_scores_under.scheme_id)) u
	 WHERE perfeval_internal.known_scheme(level1_scores_under.scheme_id) IS NOT NULL;
	END;

-- The projects whose grade changes between their own scheme and a
-- reference scheme: the grade or its band (1 the highest) differs (a total
-- that cannot be scored under one of them has no grade: a change too), by
-- how much the total moves and by how many bands (positive: higher under
-- the reference).  (PL/pgSQL, never inlined: a condition of the caller's
-- would otherwise be tested on the projects whose grade does not change
-- too, rows this function does not return, test/leak.sh.)
CREATE FUNCTION perfeval.grade_changes(reference_scheme text)
	RETURNS TABLE (project_id text, name text, year int, department text,
				   own_scheme_id text, own_total numeric, own_grade text, own_band int,
				   reference_scheme_id text, reference_total numeric, reference_grade text,
				   reference_band int, difference numeric, band_change int)
	LANGUAGE plpgsql STABLE PARALLEL SAFE
	AS $$
	BEGIN
	PERFORM perfeval_internal.known_scheme(grade_changes.reference_scheme);
	RETURN QUERY
	SELECT u.project_id, u.name, u.year, u.department, u.own_scheme_id, u.own_total, u.own_grade,
		   u.own_band, u.under_scheme_id, u.total, u.grade, u.band, u.difference, u.own_band - u.band
	  FROM perfeval_internal.project_scores_under(grade_changes.reference_scheme) u
	 WHERE u.grade IS DISTINCT FROM u.own_grade OR u.band IS DISTINCT FROM u.own_band;
	END $$;

COMMENT ON FUNCTION perfeval_internal.project_scores_under(text) IS '各项目按另一方案规则重新计分（内部，不检查方案） / Projects scored under another scheme''s rules (internal; the scheme is not checked)';
COMMENT ON FUNCTION perfeval_internal.level1_scores_under(text) IS '各项目一级指标按另一方案规则重新计分（内部） / Level-1 scores under another scheme''s rules (internal)';
COMMENT ON FUNCTION perfeval_internal.known_scheme(text) IS '方案存在则返回其编号，否则报错 / Returns a known scheme''s id; refuses an unknown one';
COMMENT ON FUNCTION perfeval.project_scores_under(text) IS '按指定方案的规则重新计分的项目总分与等级，并列项目本方案的总分与等级 / Every visible project scored under the named scheme''s rules, with its own total and grade beside them';
COMMENT ON FUNCTION perfeval.level1_scores_under(text) IS '按指定方案的规则重新计分的一级指标得分，并列本方案得分 / Level-1 scores under the named scheme''s rules, with the project''s own beside them';
COMMENT ON FUNCTION perfeval.grade_changes(text) IS '按参照方案计分后等级发生变化的项目及变化幅度 / Projects whose grade changes between their own scheme and a reference scheme, and by how much';

-- == scoring methods from the target and the actual (issue 29) ==
-- over:K/P (每超过P个百分点扣K分), under:K/P (每低于目标值P个百分点扣K分),
-- deviation:K/P (每相差P%扣K分) and step bands (bands:<60:0,...,else:5) are new
-- kind codes of perfeval.method in the library (src/pe_text.c,
-- src/pe_eval.c); stored values keep their bytes.
COMMENT ON TYPE perfeval.method IS '评分方法：按比例、低于N%不得分、达标得满分、每低P个百分点扣K分、每超过P个百分点扣K分、每低于目标值P个百分点扣K分、每相差P%扣K分、分档得分 / A scoring method: proportional, floor:N, all_or_nothing, deduct:K/P, over:K/P, under:K/P, deviation:K/P, bands:<B:P,...,else:P';

-- == a warehouse that imported forms moves to a Citus cluster (issue 31) ==
-- The national self-evaluation form's scheme (national_self, made when
-- first needed: section 85) restores the same way: a dump of a warehouse
-- that imported forms holds it, and a database distributed on a Citus
-- cluster already has it (1.16: pg_restore --data-only stopped on it as a
-- duplicate, and every fact table then on its foreign key).
CREATE TRIGGER scheme_self_insert BEFORE INSERT ON perfeval.scheme
	FOR EACH ROW WHEN (NEW.scheme_id = 'national_self') EXECUTE FUNCTION perfeval.keep_builtin_scheme();
-- (made only where it is not: restoring it updates the one there)
CREATE OR REPLACE FUNCTION perfeval_internal.ensure_national_self() RETURNS void
	LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
	BEGIN ATOMIC
		INSERT INTO perfeval.scheme (scheme_id, name, execution_base)
		SELECT 'national_self', '全国项目支出绩效自评表（执行率以全年预算为分母）', 'budget'
		 WHERE NOT EXISTS (SELECT FROM perfeval.scheme s WHERE s.scheme_id = 'national_self')
		ON CONFLICT (scheme_id) DO NOTHING;
	END;

-- (refresh_state() on a Citus cluster: what a restore leaves undone put right, the state kept by the shards' triggers)
CREATE OR REPLACE FUNCTION perfeval.refresh_state() RETURNS bigint
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	PERFORM perfeval_internal.restore_repair();
	IF EXISTS (SELECT FROM pg_extension WHERE extname = 'citus') THEN
		IF EXISTS (SELECT FROM pg_dist_partition WHERE logicalrelid = 'perfeval.project'::regclass) THEN
			RETURN (SELECT count(*) FROM perfeval_internal.project_state
					 WHERE actuals IS NOT NULL OR checklist IS NOT NULL OR survey IS NOT NULL OR allocations > 0
						OR execution_days IS NOT NULL);
		END IF;
	END IF;
	RETURN perfeval_internal.refresh_facts();
END $$;

-- == results application and the indicators that keep missing (section 76, issue 29 part 3) ==
-- the indicator library's code (section 40)
ALTER TABLE perfeval.indicator ADD COLUMN library_code text
	CONSTRAINT indicator_library_code_check CHECK (library_code <> '');
COMMENT ON COLUMN perfeval.indicator.library_code IS '指标库编码（跨项目、跨年度相同），为空则按二级指标与名称归并 / The indicator library''s code, the same across projects and years; NULL: matched by level 2 and name';

-- Section 76: results application (结果应用) and the indicators that keep
-- missing (issue 29, part 3).
--
-- Rules as data: perfeval.result_rule says, for a scheme and the year
-- evaluated, what each grade band (1 the highest, the project's own
-- scheme's band, project_scores.final_band) leads to in next year's
-- budget: 优先保障, 据实保障, 核减 by a percentage, or 取消或暂停.  There is
-- no national percentage: each year's budget guide sets it, so each row
-- holds its own.  A continuing programme (the same programme_code) graded in
-- the band or lower the year before as well takes the row's repeat_action
-- (连续两年评价为中的取消或暂停, for example) when it has one.
--
-- One place per rule: the actions, the checks of a row and the arithmetic
-- are the library's (src/pe_result.c, unit-tested in test/unit/
-- test_result.c): 优先保障 and 据实保障 cut 0 (a cut above 0 is refused: a
-- band that loses money is 核减), 核减 needs a cut above 0 and below 100,
-- 取消或暂停 cuts 100; suggested = base × (100 - cut) ÷ 100 exactly,
-- rounded half-up once to 0.01 元 (six decimals of 万元).  The SQL here
-- joins, groups and writes the sentences.
--
-- The base is next year's starting point in 万元: the project's 全年预算
-- (kept state, section 45), or its 年初预算 where its scheme reads budgets
-- on that base (execution_base 'initial'); NULL for a project without
-- money.  A programme of several projects in a year (phases, or one
-- project per implementing unit) is suggested project by project and
-- added up in budget_suggestion_programme, whose action is the most severe
-- of its projects'.
--
-- Every view reads project_scores or indicator_evaluations (section 50),
-- so it shows the projects of the caller's scope only (section 48), and
-- section 95 makes it a security barrier.

CREATE FUNCTION perfeval_internal.result_rule_ok(action text, cut_percent numeric) RETURNS boolean
	AS 'MODULE_PATHNAME', 'pe_result_rule_ok' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION perfeval.result_cut(action text, cut_percent numeric) RETURNS numeric
	AS 'MODULE_PATHNAME', 'pe_result_cut' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION perfeval.suggested_amount(base numeric, cut_percent numeric) RETURNS numeric
	AS 'MODULE_PATHNAME', 'pe_suggested_amount' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- The rules (configuration, like scheme: only the owner writes them,
-- owner_only(); pg_dump keeps every row).
CREATE TABLE perfeval.result_rule (
	scheme_id text NOT NULL REFERENCES perfeval.scheme ON DELETE CASCADE,
	year int NOT NULL CONSTRAINT result_rule_year_check CHECK (perfeval_internal.is_year(year)),
	band int NOT NULL CONSTRAINT result_rule_band_check CHECK (band >= 1),
	action text NOT NULL,
	cut_percent numeric,
	-- a continuing programme graded in this band or lower the year before too
	repeat_action text,
	repeat_cut_percent numeric,
	PRIMARY KEY (scheme_id, year, band),
	CONSTRAINT result_rule_action_check CHECK (perfeval.is_exact(cut_percent)
		AND perfeval_internal.result_rule_ok(action, cut_percent)),
	CONSTRAINT result_rule_repeat_check CHECK ((repeat_action IS NOT NULL OR repeat_cut_percent IS NULL)
		AND perfeval.is_exact(repeat_cut_percent)
		AND perfeval_internal.result_rule_ok(repeat_action, repeat_cut_percent))
);
SELECT pg_catalog.pg_extension_config_dump('perfeval.result_rule', '');
CREATE TRIGGER owner_only BEFORE INSERT OR UPDATE OR DELETE ON perfeval.result_rule
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.owner_only();
CREATE TRIGGER owner_only_truncate BEFORE TRUNCATE ON perfeval.result_rule
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.owner_only();
ALTER TABLE perfeval.result_rule ENABLE ALWAYS TRIGGER owner_only, ENABLE ALWAYS TRIGGER owner_only_truncate;
-- (a restore may load the rules before the schemes: they wait, section 40)
CREATE TRIGGER park_orphan BEFORE INSERT ON perfeval.result_rule FOR EACH ROW
	WHEN (perfeval_internal.may_park('perfeval.scheme'))
	EXECUTE FUNCTION perfeval_internal.park_orphan('scheme', 'scheme_id');

-- Per project: the base, the band's rule (its repeat for a continuing
-- programme), the cut, the suggested amount and why.
CREATE VIEW perfeval.budget_suggestion AS
SELECT f.project_id, f.year, f.base, a.action, a.cut_percent,
	   perfeval.suggested_amount(f.base, a.cut_percent) AS suggested,
	   CASE WHEN f.final_band IS NULL THEN
			f.year || '年度无采用得分，无法评定等级，不提出预算建议'
			ELSE f.year || '年度评价得分' || f.final_score || '分，等级' || f.final_grade
				 || '（第' || f.final_band || '档，方案' || f.scheme_id || '）；'
				 || CASE WHEN r.scheme_id IS NULL THEN
						 '方案' || f.scheme_id || '未设定' || f.year || '年度第' || f.final_band
						 || '档的结果应用规则，不提出预算建议'
					ELSE CASE WHEN a.repeated THEN '同一项目（项目库编码' || f.programme_code || '）'
								   || (f.year - 1) || '年度等级为第' || f.previous_band || '档，连续两年在第'
								   || f.final_band || '档或以下，' ELSE '' END
						 || '按' || f.year || '年度结果应用规则' || a.action
						 || CASE WHEN a.action = '核减' THEN a.cut_percent || '%' ELSE '' END
						 || CASE WHEN f.base IS NULL THEN '；未录入资金，无建议金额'
								 ELSE '：以' || f.base_name || f.base || '万元为基数，建议安排'
									  || perfeval.suggested_amount(f.base, a.cut_percent) || '万元' END
					END
	   END AS reason,
	   f.name, f.department, f.division_code, f.programme_code, f.scheme_id,
	   f.final_score AS score, f.final_grade AS grade, f.final_band AS band,
	   trim_scale(f.base - perfeval.suggested_amount(f.base, a.cut_percent)) AS cut_amount,
	   coalesce(a.repeated, false) AS repeated, f.previous_band
  FROM (SELECT ps.project_id, ps.name, ps.year, ps.division_code, ps.department, ps.programme_code,
			   ps.scheme_id, ps.final_score, ps.final_grade, ps.final_band,
			   CASE WHEN st.allocations > 0 THEN
					trim_scale(CASE WHEN s.execution_base = 'initial' THEN st.money_initial_budget
									ELSE st.money_budget END) END AS base,
			   CASE WHEN s.execution_base = 'initial' THEN '年初预算' ELSE '全年预算' END AS base_name,
			   -- the programme's lowest band (the worst of its projects) the
			   -- year before: the frame is exactly the year - 1
			   CASE WHEN ps.programme_code IS NOT NULL THEN
					max(ps.final_band) OVER (PARTITION BY ps.programme_code ORDER BY ps.year
											 RANGE BETWEEN 1 PRECEDING AND 1 PRECEDING) END AS previous_band
		  FROM perfeval.project_scores ps
		  JOIN perfeval.scheme s ON s.scheme_id = ps.scheme_id
		  LEFT JOIN perfeval_internal.project_state st ON st.project_id = ps.project_id) f
  LEFT JOIN perfeval.result_rule r
	ON r.scheme_id = f.scheme_id AND r.year = f.year AND r.band = f.final_band
  LEFT JOIN LATERAL (
	SELECT x.repeated, x.action, perfeval.result_cut(x.action, x.cut) AS cut_percent
	  FROM (SELECT (r.repeat_action IS NOT NULL AND f.previous_band >= f.final_band) AS repeated) y,
	  LATERAL (SELECT y.repeated,
					  CASE WHEN y.repeated THEN r.repeat_action ELSE r.action END AS action,
					  CASE WHEN y.repeated THEN r.repeat_cut_percent ELSE r.cut_percent END AS cut) x
	 WHERE r.scheme_id IS NOT NULL) a ON true;

-- The sums of a group of suggestions: the projects, those with a
-- suggestion and each action's count, and the money of the projects with
-- a suggested amount (base, suggested, and what is cut, in 万元).
CREATE VIEW perfeval.budget_suggestion_programme AS
SELECT b.programme_code, b.year, count(*) AS projects, count(b.suggested) AS suggested_projects,
	   (ARRAY['优先保障', '据实保障', '核减', '取消或暂停'])[
		   max(array_position(ARRAY['优先保障', '据实保障', '核减', '取消或暂停'], b.action))] AS action,
	   trim_scale(sum(b.base) FILTER (WHERE b.suggested IS NOT NULL)) AS base,
	   trim_scale(sum(b.suggested)) AS suggested, trim_scale(sum(b.cut_amount)) AS cut_amount
  FROM perfeval.budget_suggestion b
 WHERE b.programme_code IS NOT NULL
 GROUP BY b.programme_code, b.year;

CREATE VIEW perfeval.budget_suggestion_department AS
SELECT b.year, b.department, count(*) AS projects, count(b.suggested) AS suggested_projects,
	   count(*) FILTER (WHERE b.action = '优先保障') AS prioritised,
	   count(*) FILTER (WHERE b.action = '据实保障') AS as_needed,
	   count(*) FILTER (WHERE b.action = '核减') AS cut,
	   count(*) FILTER (WHERE b.action = '取消或暂停') AS cancelled,
	   trim_scale(sum(b.base) FILTER (WHERE b.suggested IS NOT NULL)) AS base,
	   trim_scale(sum(b.suggested)) AS suggested, trim_scale(sum(b.cut_amount)) AS cut_amount
  FROM perfeval.budget_suggestion b
 GROUP BY b.year, b.department;

CREATE VIEW perfeval.budget_suggestion_region AS
SELECT g.year, g.level, g.division_code, d.name AS division_name, g.projects, g.suggested_projects,
	   g.prioritised, g.as_needed, g.cut, g.cancelled, trim_scale(g.base) AS base,
	   trim_scale(g.suggested) AS suggested, trim_scale(g.cut_amount) AS cut_amount
  FROM (SELECT b.year, l.level, l.division_code, count(*) AS projects,
			   count(b.suggested) AS suggested_projects,
			   count(*) FILTER (WHERE b.action = '优先保障') AS prioritised,
			   count(*) FILTER (WHERE b.action = '据实保障') AS as_needed,
			   count(*) FILTER (WHERE b.action = '核减') AS cut,
			   count(*) FILTER (WHERE b.action = '取消或暂停') AS cancelled,
			   sum(b.base) FILTER (WHERE b.suggested IS NOT NULL) AS base,
			   sum(b.suggested) AS suggested, sum(b.cut_amount) AS cut_amount
		  FROM perfeval.budget_suggestion b
		 CROSS JOIN LATERAL unnest(ARRAY['province', 'prefecture', 'county'],
								   ARRAY[perfeval.division_at(b.division_code, 'province'),
										 perfeval.division_at(b.division_code, 'prefecture'),
										 perfeval.division_at(b.division_code, 'county')]) AS l(level, division_code)
		 WHERE l.division_code IS NOT NULL
		 GROUP BY b.year, l.level, l.division_code) g
  LEFT JOIN perfeval.division d ON d.code = g.division_code;

-- Each applicable indicator row once with what the outcomes read: its
-- project's year, department and programme, its library code, target,
-- the actual it was scored from, its completion (the same evaluate() call
-- as indicator_scored's, section 50, read once: the view is a security
-- barrier, so its readers reference the computed column) and its scheme's
-- over-achievement threshold.  (indicator_rows' join, written out with the
-- indicator's library code and the project: joining indicator_evaluations
-- to indicator again for the code cost a second scan of every indicator.)
CREATE VIEW perfeval_internal.indicator_outcome_rows AS
SELECT i.project_id, i.code, p.year, p.department, p.programme_code, i.library_code, i.level2, i.name,
	   i.target, perfeval.actual_measure(st.actuals, i.code, 'infinity') AS measure,
	   perfeval.completion(perfeval.evaluate(i.weight, i.applicable, i.source, i.target, i.method,
		   i.printed_score, i.code, s.rules, st.actuals, st.checklist, st.survey,
		   st.money_initial_budget, st.money_budget, st.money_arrived, st.money_spent,
		   'infinity')) AS completion,
	   s.over_threshold
  FROM perfeval.indicator i
  JOIN perfeval_internal.project_state st ON st.project_id = i.project_id
  JOIN perfeval.scheme s ON s.scheme_id = st.scheme_id
  JOIN perfeval.project p ON p.project_id = i.project_id
 WHERE i.applicable AND perfeval_internal.in_scope(st.project_id);

-- One group's outcome, counted in one pass (src/outcome.c; the counts and
-- the median are the core's, pe_result.c): the distinct projects, the
-- rows, those with a completion, missed (< 100 %), over-achieved (>= the
-- row's scheme's over_threshold) and the median completion: the lower
-- middle of an even count, as percentile_disc(0.5) takes it (a completion
-- some row has, exact, never an average of two).  An ordinary aggregate,
-- so groups are hashed and parallel workers each count their share; its
-- state is a bytea, so that on Citus each shard counts its share too.
CREATE TYPE perfeval_internal.outcome AS (projects bigint, indicators bigint, measured bigint,
		missed bigint, over_achieved bigint, median_completion numeric);
CREATE FUNCTION perfeval_internal.outcome_trans(bytea, text, numeric, numeric) RETURNS bytea
	AS 'MODULE_PATHNAME', 'pe_outcome_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION perfeval_internal.outcome_combine(bytea, bytea) RETURNS bytea
	AS 'MODULE_PATHNAME', 'pe_outcome_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION perfeval_internal.outcome_final(bytea) RETURNS perfeval_internal.outcome
	AS 'MODULE_PATHNAME', 'pe_outcome_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE AGGREGATE perfeval_internal.outcome(project_id text, completion numeric, over_threshold numeric) (
	SFUNC = perfeval_internal.outcome_trans, STYPE = bytea, FINALFUNC = perfeval_internal.outcome_final,
	COMBINEFUNC = perfeval_internal.outcome_combine, PARALLEL = SAFE);

-- By indicator (its library code, else level 2 and name), department and
-- year: the outcome above.
CREATE VIEW perfeval.indicator_outcomes AS
SELECT o.year, o.department, o.library_code, o.level2, o.name, (o.o).projects, (o.o).indicators,
	   (o.o).measured, (o.o).missed, trim_scale(perfeval.rate((o.o).missed, (o.o).measured)) AS missed_share,
	   (o.o).over_achieved, trim_scale(perfeval.rate((o.o).over_achieved, (o.o).measured)) AS over_share,
	   trim_scale((o.o).median_completion) AS median_completion
  FROM (SELECT r.year, r.department, r.library_code,
			   -- (a group without a library code has one level 2 and name:
			   -- min() is it; Citus combines min() and no other expression)
			   min(r.level2) AS level2, min(r.name) AS name,
			   perfeval_internal.outcome(r.project_id, r.completion, r.over_threshold) AS o
		  FROM perfeval_internal.indicator_outcome_rows r
		 GROUP BY r.year, r.department, r.library_code,
				  CASE WHEN r.library_code IS NULL THEN r.level2 END,
				  CASE WHEN r.library_code IS NULL THEN r.name END) o;

-- Across years, per programme and indicator (the same library code, else
-- the same level 2 and name) in a year and the year before:
--   over_achieved_twice       completion >= the threshold both years (a target set too low);
--   target_below_last_actual  this year's >=/>/= target is below last year's actual
--                             (last year's actual already completes it above 100 %);
--   shortfall_twice           completion < 100 % both years.
-- (The year before is a materialised CTE: on Citus a join of two
-- distributed relations on the programme cannot be pushed down, and the
-- CTE is read once into an intermediate result the workers join with.
-- The kinds are arrays unnested, as in findings: Citus takes no VALUES
-- list of expressions that are not immutable.)
CREATE VIEW perfeval.programme_findings AS
WITH l AS MATERIALIZED (
	SELECT r.project_id, r.code, r.year, r.programme_code, r.library_code, r.level2, r.name, r.measure,
		   r.completion, r.over_threshold
	  FROM perfeval_internal.indicator_outcome_rows r
	 WHERE r.programme_code IS NOT NULL
)
SELECT c.programme_code, c.year, c.project_id, c.code, c.library_code, c.level2, c.name, k.kind,
	   k.detail, l.project_id AS previous_project_id, l.code AS previous_code
  FROM perfeval_internal.indicator_outcome_rows c
  JOIN l
	ON l.programme_code = c.programme_code AND l.year = c.year - 1
   AND (l.library_code = c.library_code
		OR (c.library_code IS NULL AND l.library_code IS NULL AND l.level2 = c.level2 AND l.name = c.name))
 CROSS JOIN LATERAL unnest(
	   ARRAY['over_achieved_twice', 'target_below_last_actual', 'shortfall_twice'],
	   ARRAY[
		CASE WHEN c.completion >= c.over_threshold AND l.completion >= l.over_threshold THEN
			 c.name || '：连续两年超额完成（' || l.year || '年度完成率' || trim_scale(l.completion) || '%，'
			 || c.year || '年度' || trim_scale(c.completion) || '%），指标值可能设置偏低' END,
		CASE WHEN perfeval.comparator(c.target) IN ('≥', '>', '=') AND l.measure IS NOT NULL
				  AND perfeval.comparable(c.target, l.measure::perfeval.measure)
				  AND perfeval.completion(c.target, l.measure::perfeval.measure) > 100 THEN
			 c.name || '：' || c.year || '年度指标值' || c.target::text || '低于上年（' || l.year
			 || '年度）实际完成值' || l.measure || '，指标值设置偏低' END,
		CASE WHEN c.completion < 100 AND l.completion < 100 THEN
			 c.name || '：连续两年未完成（' || l.year || '年度完成率' || trim_scale(l.completion) || '%，'
			 || c.year || '年度' || trim_scale(c.completion) || '%）' END]) AS k(kind, detail)
 WHERE k.detail IS NOT NULL AND c.programme_code IS NOT NULL;

COMMENT ON FUNCTION perfeval_internal.result_rule_ok(text, numeric) IS '检查结果应用规则的措施与核减比例（不合规则报错） / Checks a results application rule''s action and cut (refuses a bad one)';
COMMENT ON FUNCTION perfeval.result_cut(text, numeric) IS '措施实际适用的核减比例（%）：规则所定，否则取消或暂停为100、其余为0 / The cut an action applies, percent: the rule''s, else 100 for 取消或暂停 and 0 for the others';
COMMENT ON FUNCTION perfeval.suggested_amount(numeric, numeric) IS '建议金额=基数×(100-核减比例)÷100，精确计算，四舍五入至0.01元 / Suggested amount: base × (100 - cut) ÷ 100, exact, rounded half-up to 0.01 元';

COMMENT ON TABLE perfeval.result_rule IS '结果应用规则：各方案、评价年度、等级档次对应的下年预算措施与核减比例（由当年预算编制通知确定） / Results application rules: per scheme, year evaluated and grade band, the next budget''s action and cut (set by each year''s budget guide)';
COMMENT ON COLUMN perfeval.result_rule.scheme_id IS '评分方案 / Scoring scheme';
COMMENT ON COLUMN perfeval.result_rule.year IS '评价年度（规则适用于该年度评价结果，用于下一年度预算） / Year evaluated (the rule applies its grades to the next year''s budget)';
COMMENT ON COLUMN perfeval.result_rule.band IS '等级档次（1 为最高，按方案等级划分） / Grade band, 1 for the highest, under the scheme''s grade scale';
COMMENT ON COLUMN perfeval.result_rule.action IS '措施：优先保障、据实保障、核减、取消或暂停 / Action: 优先保障 (priority), 据实保障 (as needed), 核减 (cut), 取消或暂停 (cancel or suspend)';
COMMENT ON COLUMN perfeval.result_rule.cut_percent IS '核减比例（%）：核减须大于0小于100；优先保障、据实保障为0或空；取消或暂停为100或空 / Cut, percent: above 0 and below 100 for 核减; 0 or NULL for 优先保障 and 据实保障; 100 or NULL for 取消或暂停';
COMMENT ON COLUMN perfeval.result_rule.repeat_action IS '延续项目（同一项目库编码）上年等级亦在本档或以下时的措施，为空则同 action / Action for a continuing programme (same programme_code) graded in this band or lower the year before too; NULL: as action';
COMMENT ON COLUMN perfeval.result_rule.repeat_cut_percent IS '延续项目连续两年时的核减比例（%），规则同 cut_percent / Cut for such a continuing programme, percent, checked as cut_percent';

COMMENT ON VIEW perfeval.budget_suggestion IS '预算安排建议：各项目按评价等级与结果应用规则提出的下年预算措施、核减比例、建议金额及理由 / Budget suggestions: per project, next year''s action, cut, suggested amount and why, from its grade and the results application rule';
COMMENT ON COLUMN perfeval.budget_suggestion.project_id IS '项目标识 / Project id';
COMMENT ON COLUMN perfeval.budget_suggestion.year IS '评价年度 / Year evaluated';
COMMENT ON COLUMN perfeval.budget_suggestion.base IS '下年预算基数（万元）：全年预算，方案执行率口径为年初预算时取年初预算；无资金为空 / Next year''s base, 万元: the full-year budget, or the initial budget where the scheme reads that base; NULL without money';
COMMENT ON COLUMN perfeval.budget_suggestion.action IS '措施：优先保障、据实保障、核减、取消或暂停；无等级或无规则为空 / Action; NULL without a grade or a rule';
COMMENT ON COLUMN perfeval.budget_suggestion.cut_percent IS '核减比例（%） / Cut, percent';
COMMENT ON COLUMN perfeval.budget_suggestion.suggested IS '建议金额（万元）=基数×(100-核减比例)÷100，四舍五入至0.01元 / Suggested amount, 万元: base × (100 - cut) ÷ 100, rounded half-up to 0.01 元';
COMMENT ON COLUMN perfeval.budget_suggestion.reason IS '建议理由（等级、规则、方案） / Why, in a sentence: grade, rule and scheme';
COMMENT ON COLUMN perfeval.budget_suggestion.name IS '项目名称 / Project name';
COMMENT ON COLUMN perfeval.budget_suggestion.department IS '主管部门 / Supervising department';
COMMENT ON COLUMN perfeval.budget_suggestion.division_code IS '行政区划代码 / Division code';
COMMENT ON COLUMN perfeval.budget_suggestion.programme_code IS '项目库编码 / Programme code';
COMMENT ON COLUMN perfeval.budget_suggestion.scheme_id IS '评分方案 / Scoring scheme';
COMMENT ON COLUMN perfeval.budget_suggestion.score IS '采用得分 / Score of record';
COMMENT ON COLUMN perfeval.budget_suggestion.grade IS '采用得分的等级 / Grade of the score of record';
COMMENT ON COLUMN perfeval.budget_suggestion.band IS '等级档次（1 为最高） / Grade band, 1 for the highest';
COMMENT ON COLUMN perfeval.budget_suggestion.cut_amount IS '核减金额（万元）=基数-建议金额 / Money cut, 万元: base minus suggested';
COMMENT ON COLUMN perfeval.budget_suggestion.repeated IS '是否按延续项目连续两年规则（repeat_action） / Whether the continuing programme''s rule (repeat_action) applied';
COMMENT ON COLUMN perfeval.budget_suggestion.previous_band IS '同一项目库编码上年最低等级档次 / The programme''s lowest band the year before';

COMMENT ON VIEW perfeval.budget_suggestion_programme IS '预算安排建议按项目库编码与年度汇总 / Budget suggestions per programme and year';
COMMENT ON COLUMN perfeval.budget_suggestion_programme.programme_code IS '项目库编码 / Programme code';
COMMENT ON COLUMN perfeval.budget_suggestion_programme.year IS '评价年度 / Year evaluated';
COMMENT ON COLUMN perfeval.budget_suggestion_programme.projects IS '项目数 / Projects';
COMMENT ON COLUMN perfeval.budget_suggestion_programme.suggested_projects IS '有建议金额的项目数 / Projects with a suggested amount';
COMMENT ON COLUMN perfeval.budget_suggestion_programme.action IS '各项目措施中最严者 / The most severe of its projects'' actions';
COMMENT ON COLUMN perfeval.budget_suggestion_programme.base IS '有建议金额项目的基数合计（万元） / Base of the projects with a suggested amount, 万元';
COMMENT ON COLUMN perfeval.budget_suggestion_programme.suggested IS '建议金额合计（万元） / Suggested, 万元';
COMMENT ON COLUMN perfeval.budget_suggestion_programme.cut_amount IS '核减金额合计（万元） / Money cut, 万元';
COMMENT ON VIEW perfeval.budget_suggestion_department IS '预算安排建议按年度与主管部门汇总：各措施项目数与核减金额 / Budget suggestions per year and department: projects per action and the money cut';
COMMENT ON COLUMN perfeval.budget_suggestion_department.year IS '评价年度 / Year evaluated';
COMMENT ON COLUMN perfeval.budget_suggestion_department.department IS '主管部门 / Supervising department';
COMMENT ON COLUMN perfeval.budget_suggestion_department.projects IS '项目数 / Projects';
COMMENT ON COLUMN perfeval.budget_suggestion_department.suggested_projects IS '有建议金额的项目数 / Projects with a suggested amount';
COMMENT ON COLUMN perfeval.budget_suggestion_department.prioritised IS '优先保障项目数 / Projects 优先保障';
COMMENT ON COLUMN perfeval.budget_suggestion_department.as_needed IS '据实保障项目数 / Projects 据实保障';
COMMENT ON COLUMN perfeval.budget_suggestion_department.cut IS '核减项目数 / Projects 核减';
COMMENT ON COLUMN perfeval.budget_suggestion_department.cancelled IS '取消或暂停项目数 / Projects 取消或暂停';
COMMENT ON COLUMN perfeval.budget_suggestion_department.base IS '有建议金额项目的基数合计（万元） / Base of the projects with a suggested amount, 万元';
COMMENT ON COLUMN perfeval.budget_suggestion_department.suggested IS '建议金额合计（万元） / Suggested, 万元';
COMMENT ON COLUMN perfeval.budget_suggestion_department.cut_amount IS '核减金额合计（万元） / Money cut, 万元';
COMMENT ON VIEW perfeval.budget_suggestion_region IS '预算安排建议按年度与省/市/县汇总：各措施项目数与核减金额 / Budget suggestions per year and province, prefecture or county: projects per action and the money cut';
COMMENT ON COLUMN perfeval.budget_suggestion_region.year IS '评价年度 / Year evaluated';
COMMENT ON COLUMN perfeval.budget_suggestion_region.level IS '区划层级：province 省、prefecture 市（州）、county 县（区） / Division level';
COMMENT ON COLUMN perfeval.budget_suggestion_region.division_code IS '区划代码 / Division code';
COMMENT ON COLUMN perfeval.budget_suggestion_region.division_name IS '区划名称 / Division name';
COMMENT ON COLUMN perfeval.budget_suggestion_region.projects IS '项目数 / Projects';
COMMENT ON COLUMN perfeval.budget_suggestion_region.suggested_projects IS '有建议金额的项目数 / Projects with a suggested amount';
COMMENT ON COLUMN perfeval.budget_suggestion_region.prioritised IS '优先保障项目数 / Projects 优先保障';
COMMENT ON COLUMN perfeval.budget_suggestion_region.as_needed IS '据实保障项目数 / Projects 据实保障';
COMMENT ON COLUMN perfeval.budget_suggestion_region.cut IS '核减项目数 / Projects 核减';
COMMENT ON COLUMN perfeval.budget_suggestion_region.cancelled IS '取消或暂停项目数 / Projects 取消或暂停';
COMMENT ON COLUMN perfeval.budget_suggestion_region.base IS '有建议金额项目的基数合计（万元） / Base of the projects with a suggested amount, 万元';
COMMENT ON COLUMN perfeval.budget_suggestion_region.suggested IS '建议金额合计（万元） / Suggested, 万元';
COMMENT ON COLUMN perfeval.budget_suggestion_region.cut_amount IS '核减金额合计（万元） / Money cut, 万元';

COMMENT ON VIEW perfeval_internal.indicator_outcome_rows IS '适用指标行及其年度、部门、项目库编码、指标库编码、完成率与超额阈值（内部） / Each applicable indicator row with its year, department, programme, library code, completion and over-achievement threshold (internal)';
COMMENT ON COLUMN perfeval_internal.indicator_outcome_rows.project_id IS '项目标识 / Project id';
COMMENT ON COLUMN perfeval_internal.indicator_outcome_rows.code IS '指标编码 / Indicator code';
COMMENT ON COLUMN perfeval_internal.indicator_outcome_rows.year IS '评价年度 / Year evaluated';
COMMENT ON COLUMN perfeval_internal.indicator_outcome_rows.department IS '主管部门 / Supervising department';
COMMENT ON COLUMN perfeval_internal.indicator_outcome_rows.programme_code IS '项目库编码 / Programme code';
COMMENT ON COLUMN perfeval_internal.indicator_outcome_rows.library_code IS '指标库编码 / Library code';
COMMENT ON COLUMN perfeval_internal.indicator_outcome_rows.level2 IS '二级指标 / Level 2';
COMMENT ON COLUMN perfeval_internal.indicator_outcome_rows.name IS '指标名称 / Indicator name';
COMMENT ON COLUMN perfeval_internal.indicator_outcome_rows.target IS '指标值（目标值） / Target';
COMMENT ON COLUMN perfeval_internal.indicator_outcome_rows.measure IS '计分所用实际完成值 / The actual it was scored from';
COMMENT ON COLUMN perfeval_internal.indicator_outcome_rows.completion IS '指标完成率（%） / Completion, percent';
COMMENT ON COLUMN perfeval_internal.indicator_outcome_rows.over_threshold IS '项目方案的超额完成阈值（%） / The project''s scheme''s over-achievement threshold, percent';

COMMENT ON TYPE perfeval_internal.outcome IS '一组指标行的完成情况：项目数、行数、有完成率行数、未完成、超额完成、完成率中位数 / One group''s outcome: projects, rows, rows measured, missed, over-achieved, median completion';
COMMENT ON COLUMN perfeval_internal.outcome.projects IS '项目数 / Projects';
COMMENT ON COLUMN perfeval_internal.outcome.indicators IS '指标行数 / Indicator rows';
COMMENT ON COLUMN perfeval_internal.outcome.measured IS '有完成率的指标行数 / Rows with a completion';
COMMENT ON COLUMN perfeval_internal.outcome.missed IS '未完成（完成率<100%）行数 / Rows missed';
COMMENT ON COLUMN perfeval_internal.outcome.over_achieved IS '超额完成行数 / Rows over-achieved';
COMMENT ON COLUMN perfeval_internal.outcome.median_completion IS '完成率中位数（偶数个时取较小的中间值） / Median completion (the lower middle of an even count)';
COMMENT ON FUNCTION perfeval_internal.outcome_trans(bytea, text, numeric, numeric) IS 'outcome() 的步进函数 / outcome()''s step';
COMMENT ON FUNCTION perfeval_internal.outcome_combine(bytea, bytea) IS 'outcome() 的合并函数（并行、分片） / outcome()''s combine function (parallel workers, shards)';
COMMENT ON FUNCTION perfeval_internal.outcome_final(bytea) IS 'outcome() 的终结函数：项目去重计数与中位数 / outcome()''s final function: distinct projects and the median';
COMMENT ON AGGREGATE perfeval_internal.outcome(text, numeric, numeric) IS '一组指标行的完成情况（indicator_outcomes 用） / One group''s outcome (for indicator_outcomes)';
COMMENT ON VIEW perfeval.indicator_outcomes IS '指标完成情况：按指标（指标库编码，否则二级指标与名称）、主管部门与年度的项目数、未完成比例、超额完成比例与完成率中位数 / Indicator outcomes by indicator (library code, else level 2 and name), department and year: projects, share missed, share over-achieved, median completion';
COMMENT ON COLUMN perfeval.indicator_outcomes.year IS '评价年度 / Year evaluated';
COMMENT ON COLUMN perfeval.indicator_outcomes.department IS '主管部门 / Supervising department';
COMMENT ON COLUMN perfeval.indicator_outcomes.library_code IS '指标库编码（为空则按二级指标与名称归并） / Library code (NULL: grouped by level 2 and name)';
COMMENT ON COLUMN perfeval.indicator_outcomes.level2 IS '二级指标（有指标库编码时取最小者） / Level 2 (with a library code, the least of its rows'')';
COMMENT ON COLUMN perfeval.indicator_outcomes.name IS '指标名称（有指标库编码时取最小者） / Name (with a library code, the least of its rows'')';
COMMENT ON COLUMN perfeval.indicator_outcomes.projects IS '项目数 / Projects';
COMMENT ON COLUMN perfeval.indicator_outcomes.indicators IS '指标行数 / Indicator rows';
COMMENT ON COLUMN perfeval.indicator_outcomes.measured IS '有完成率的指标行数（比例的分母） / Rows with a completion (the shares'' denominator)';
COMMENT ON COLUMN perfeval.indicator_outcomes.missed IS '未完成（完成率<100%）行数 / Rows missed (completion below 100 %)';
COMMENT ON COLUMN perfeval.indicator_outcomes.missed_share IS '未完成比例（%） / Share missed, percent';
COMMENT ON COLUMN perfeval.indicator_outcomes.over_achieved IS '超额完成（完成率≥方案超额阈值）行数 / Rows over-achieved (completion at or above the scheme''s threshold)';
COMMENT ON COLUMN perfeval.indicator_outcomes.over_share IS '超额完成比例（%） / Share over-achieved, percent';
COMMENT ON COLUMN perfeval.indicator_outcomes.median_completion IS '完成率中位数（%，偶数个时取较小的中间值） / Median completion, percent (of an even count, the lower middle value)';

COMMENT ON VIEW perfeval.programme_findings IS '跨年度项目库问题：连续两年超额完成、指标值低于上年实际值、连续两年未完成 / Programme findings across years: over-achieved two years running, a target below last year''s actual, the same shortfall two years running';
COMMENT ON COLUMN perfeval.programme_findings.programme_code IS '项目库编码 / Programme code';
COMMENT ON COLUMN perfeval.programme_findings.year IS '评价年度 / Year evaluated';
COMMENT ON COLUMN perfeval.programme_findings.project_id IS '本年度项目标识 / The year''s project';
COMMENT ON COLUMN perfeval.programme_findings.code IS '本年度指标编码 / The year''s indicator code';
COMMENT ON COLUMN perfeval.programme_findings.library_code IS '指标库编码 / Library code';
COMMENT ON COLUMN perfeval.programme_findings.level2 IS '二级指标 / Level 2';
COMMENT ON COLUMN perfeval.programme_findings.name IS '指标名称 / Indicator name';
COMMENT ON COLUMN perfeval.programme_findings.kind IS '问题类别：over_achieved_twice 连续两年超额完成，target_below_last_actual 指标值低于上年实际值，shortfall_twice 连续两年未完成 / Kind';
COMMENT ON COLUMN perfeval.programme_findings.detail IS '问题说明 / The finding in a sentence';
COMMENT ON COLUMN perfeval.programme_findings.previous_project_id IS '上年度项目标识 / The year before''s project';
COMMENT ON COLUMN perfeval.programme_findings.previous_code IS '上年度指标编码 / The year before''s indicator code';

-- (what grant_access() gives for the new relations, to the roles granted
-- before the update: SELECT)
DO $$
DECLARE
	r record;
BEGIN
	FOR r IN SELECT DISTINCT g.role_name FROM perfeval.access_grant g
			  WHERE EXISTS (SELECT FROM pg_roles WHERE rolname = g.role_name) LOOP
		EXECUTE format('GRANT SELECT ON perfeval.result_rule, perfeval.budget_suggestion, perfeval.budget_suggestion_programme, perfeval.budget_suggestion_department, perfeval.budget_suggestion_region, perfeval.indicator_outcomes, perfeval.programme_findings, perfeval_internal.indicator_outcome_rows TO %I',
					   r.role_name);
	END LOOP;
END $$;

-- == dated forms by project (issue 31): each score form with a project, read
-- on a cluster from the project's shard alone; the form for a date is the
-- same query with no project (section 50) ==
CREATE FUNCTION perfeval.indicator_scores_as_of(as_of date, project_id text)
	RETURNS SETOF perfeval.indicator_scores
	LANGUAGE sql STABLE PARALLEL SAFE
	BEGIN ATOMIC
	SELECT x.project_id, x.code, x.seq, x.level1, x.level2, x.name, x.weight, x.applicable,
		   x.source, x.target::text,
		   coalesce(perfeval.actual_measure(x.actuals, x.code, as_of), perfeval.rate_text(x.e)),
		   perfeval.reported_on(x.e),
		   perfeval.actual_tier(x.actuals, x.code, as_of),
		   perfeval.actual_fraction(x.actuals, x.code, as_of),
		   perfeval.actual_note(x.actual_notes, x.code, perfeval.reported_on(x.e)),
		   perfeval.completion(x.e), perfeval.score(x.e), perfeval.score_rate(x.e),
		   x.printed_score,
		   perfeval.explanation(x.e, x.weight, x.applicable, x.source, x.target, x.method,
			   x.printed_score, x.code, x.rules, x.actuals, x.checklist, x.survey,
			   x.money_initial_budget, x.money_budget, x.money_arrived, x.money_spent, as_of,
			   CASE WHEN x.source = 'checklist' THEN perfeval.checklist_reasons(x.checklist_reasons, x.code)
			   END),
		   perfeval.problem(x.e)
	  FROM (SELECT x.*, perfeval.evaluated(x.weight, x.applicable, x.source, x.target, x.method,
						   x.printed_score, x.code, x.rules, x.actuals, x.checklist, x.survey,
						   x.money_initial_budget, x.money_budget, x.money_arrived, x.money_spent,
						   as_of) AS e
				  FROM perfeval_internal.indicator_rows x
				 WHERE (indicator_scores_as_of.project_id IS NULL OR x.project_id = indicator_scores_as_of.project_id)) x;
	END;

CREATE OR REPLACE FUNCTION perfeval.indicator_scores_as_of(as_of date)
	RETURNS SETOF perfeval.indicator_scores
	LANGUAGE sql STABLE PARALLEL SAFE
	BEGIN ATOMIC
	SELECT * FROM perfeval.indicator_scores_as_of(as_of, NULL);
	END;

CREATE FUNCTION perfeval.level2_scores_as_of(as_of date, project_id text)
	RETURNS SETOF perfeval.level2_scores
	LANGUAGE sql STABLE PARALLEL SAFE
	BEGIN ATOMIC
	SELECT g.project_id, g.level1, g.level2, g.seq, (g.t).indicators, (g.t).weight, (g.t).score,
		   perfeval.rate((g.t).score, (g.t).weight)
	  FROM (SELECT x.project_id, x.level1, x.level2, min(x.seq) AS seq,
				   perfeval.sum_scores(x.e) AS t
			  FROM (SELECT x.project_id, x.level1, x.level2, x.seq, x.applicable, x.weight,
					   perfeval.evaluate(x.weight, x.applicable, x.source, x.target, x.method,
						   x.printed_score, x.code, x.rules, x.actuals, x.checklist, x.survey,
						   x.money_initial_budget, x.money_budget, x.money_arrived, x.money_spent, as_of) AS e
				  FROM perfeval_internal.indicator_rows x
				 WHERE (level2_scores_as_of.project_id IS NULL OR x.project_id = level2_scores_as_of.project_id)) x
			 WHERE x.applicable
			 GROUP BY x.project_id, x.level1, x.level2) g;
	END;

CREATE OR REPLACE FUNCTION perfeval.level2_scores_as_of(as_of date)
	RETURNS SETOF perfeval.level2_scores
	LANGUAGE sql STABLE PARALLEL SAFE
	BEGIN ATOMIC
	SELECT * FROM perfeval.level2_scores_as_of(as_of, NULL);
	END;

CREATE FUNCTION perfeval.level1_scores_as_of(as_of date, project_id text)
	RETURNS SETOF perfeval.level1_scores
	LANGUAGE sql STABLE PARALLEL SAFE
	BEGIN ATOMIC
	SELECT g.project_id, g.level1, g.seq, (g.t).indicators, (g.t).weight, (g.t).score,
		   perfeval.rate((g.t).score, (g.t).weight)
	  FROM (SELECT x.project_id, x.level1, min(x.seq) AS seq,
				   perfeval.sum_scores(x.e) AS t
			  FROM (SELECT x.project_id, x.level1, x.level2, x.seq, x.applicable, x.weight,
					   perfeval.evaluate(x.weight, x.applicable, x.source, x.target, x.method,
						   x.printed_score, x.code, x.rules, x.actuals, x.checklist, x.survey,
						   x.money_initial_budget, x.money_budget, x.money_arrived, x.money_spent, as_of) AS e
				  FROM perfeval_internal.indicator_rows x
				 WHERE (level1_scores_as_of.project_id IS NULL OR x.project_id = level1_scores_as_of.project_id)) x
			 WHERE x.applicable
			 GROUP BY x.project_id, x.level1) g;
	END;

CREATE OR REPLACE FUNCTION perfeval.level1_scores_as_of(as_of date)
	RETURNS SETOF perfeval.level1_scores
	LANGUAGE sql STABLE PARALLEL SAFE
	BEGIN ATOMIC
	SELECT * FROM perfeval.level1_scores_as_of(as_of, NULL);
	END;

CREATE FUNCTION perfeval.project_scores_as_of(as_of date, project_id text)
	RETURNS SETOF perfeval.project_scores
	LANGUAGE sql STABLE PARALLEL SAFE
	BEGIN ATOMIC
	SELECT p.project_id, p.name, p.year, p.division_code, p.department, p.evaluation_kind,
		   p.scheme_id, coalesce((t.t).indicators, 0), (t.t).weight, (t.t).total,
		   perfeval.grade((t.t).total, s.grade_scale), trim_scale(p.printed_total), p.printed_grade,
		   trim_scale((t.t).total - p.printed_total),
		   starts_with(p.printed_grade, perfeval.grade(coalesce((t.t).total, p.printed_total), s.grade_scale)),
		   trim_scale(coalesce((t.t).total, p.printed_total)),
		   perfeval.grade(coalesce((t.t).total, p.printed_total), s.grade_scale),
		   perfeval.grade_band(coalesce((t.t).total, p.printed_total), s.grade_scale),
		   p.programme_code, d1.name, d2.name, d3.name
	  FROM perfeval.project p
	  JOIN perfeval.scheme s ON s.scheme_id = p.scheme_id
	  LEFT JOIN (SELECT x.project_id, perfeval.sum_scores(x.e) AS t
				   FROM (SELECT x.project_id, x.level1, x.level2, x.seq, x.applicable, x.weight,
					   perfeval.evaluate(x.weight, x.applicable, x.source, x.target, x.method,
						   x.printed_score, x.code, x.rules, x.actuals, x.checklist, x.survey,
						   x.money_initial_budget, x.money_budget, x.money_arrived, x.money_spent, as_of) AS e
				  FROM perfeval_internal.indicator_rows x
				 WHERE (project_scores_as_of.project_id IS NULL OR x.project_id = project_scores_as_of.project_id)) x
				  GROUP BY x.project_id) t ON t.project_id = p.project_id
	  LEFT JOIN perfeval.division d1 ON d1.code = perfeval.division_at(p.division_code, 'province')
	  LEFT JOIN perfeval.division d2 ON d2.code = perfeval.division_at(p.division_code, 'prefecture')
	  LEFT JOIN perfeval.division d3 ON d3.code = perfeval.division_at(p.division_code, 'county')
	 WHERE perfeval_internal.in_scope(p.project_id)
	   AND (project_scores_as_of.project_id IS NULL OR p.project_id = project_scores_as_of.project_id);
	END;

CREATE OR REPLACE FUNCTION perfeval.project_scores_as_of(as_of date)
	RETURNS SETOF perfeval.project_scores
	LANGUAGE sql STABLE PARALLEL SAFE
	BEGIN ATOMIC
	SELECT * FROM perfeval.project_scores_as_of(as_of, NULL);
	END;
COMMENT ON FUNCTION perfeval.indicator_scores_as_of(date, text) IS '某项目截至某日的指标得分（为空则全部；集群上只读该项目所在分片） / One project''s indicator scores on a date (NULL: all); on a cluster, read from its shard alone';
COMMENT ON FUNCTION perfeval.level2_scores_as_of(date, text) IS '某项目截至某日的二级指标得分（为空则全部） / One project''s level-2 scores on a date (NULL: all)';
COMMENT ON FUNCTION perfeval.level1_scores_as_of(date, text) IS '某项目截至某日的一级指标得分（为空则全部） / One project''s level-1 scores on a date (NULL: all)';
COMMENT ON FUNCTION perfeval.project_scores_as_of(date, text) IS '某项目截至某日的得分（为空则全部；集群上只读该项目所在分片） / One project''s total on a date (NULL: all); on a cluster, read from its shard alone';

-- == shard moves on a Citus cluster (docs/scale-out.md): the kept state in binary (section 10), replica identities (section 40) ==
CREATE FUNCTION perfeval.state_recv(internal) RETURNS perfeval.state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.state_send(perfeval.state) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
ALTER TYPE perfeval.state SET (RECEIVE = perfeval.state_recv, SEND = perfeval.state_send);
COMMENT ON FUNCTION perfeval.state_recv(internal) IS 'state 的二进制输入 / Binary input of state';
COMMENT ON FUNCTION perfeval.state_send(perfeval.state) IS 'state 的二进制输出 / Binary output of state';
-- (run by Citus on every worker too: this node's shards)
-- Replica identities, which Citus's shard moves and rebalancing by logical
-- replication need on every table they copy (docs/scale-out.md, 1.16):
-- actual's key, and the whole row of every other table without a primary
-- key (their columns all have equality).  On a Citus node, this node's
-- placements of those tables too: an extension script's ALTER TABLE is not
-- passed on to them.  Idempotent.
CREATE FUNCTION perfeval_internal.replica_identities() RETURNS void
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	r record;
BEGIN
	IF to_regclass('pg_catalog.pg_dist_partition') IS NOT NULL THEN
		-- the placements, which Citus hides from pg_class and guards
		PERFORM set_config('citus.override_table_visibility', 'off', true);
		PERFORM set_config('citus.enable_manual_changes_to_shards', 'on', true);
	END IF;
	FOR r IN SELECT c.oid::regclass AS rel, c.relname,
					(SELECT i.relname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
					  WHERE x.indrelid = c.oid AND x.indisunique AND i.relname ~ '^actual_latest_idx') AS idx
			   FROM pg_class c
			  WHERE c.relkind = 'r' AND c.relnamespace IN ('perfeval'::regnamespace, 'perfeval_internal'::regnamespace)
				AND c.relreplident = 'd'
				AND NOT EXISTS (SELECT FROM pg_index x WHERE x.indrelid = c.oid AND x.indisprimary)
			  ORDER BY 1::text LOOP
		IF r.relname ~ '^actual(_[0-9]+)?$' THEN
			EXECUTE format('ALTER TABLE %s REPLICA IDENTITY USING INDEX %I', r.rel, r.idx);
		ELSE
			EXECUTE format('ALTER TABLE %s REPLICA IDENTITY FULL', r.rel);
		END IF;
	END LOOP;
END $$;
REVOKE ALL ON FUNCTION perfeval_internal.replica_identities() FROM PUBLIC;
COMMENT ON FUNCTION perfeval_internal.replica_identities() IS '为无主键的表（及本节点上的分片）设置复制标识，供 Citus 迁移分片 / Give the tables without a primary key (and this node''s shards of them) the replica identity Citus''s shard moves need';
SELECT perfeval_internal.replica_identities();

-- == project's foreign key to scheme kept by triggers on a Citus cluster (section 40, src/schemekey.c) ==
-- On a Citus cluster project's foreign key to scheme is kept by these
-- triggers, where Citus fires them (src/schemekey.c): distribute() drops
-- the key, since Citus refuses to write scheme in a transaction that has
-- written projects over several connections.  On one node they do nothing.
CREATE FUNCTION perfeval_internal.scheme_keys() RETURNS trigger
	AS 'MODULE_PATHNAME', 'scheme_keys' LANGUAGE C;
REVOKE ALL ON FUNCTION perfeval_internal.scheme_keys() FROM PUBLIC;
COMMENT ON FUNCTION perfeval_internal.scheme_keys() IS '在 Citus 集群上代替项目到方案的外键：改动或删除方案主键前锁定、之后检查（触发器） / On a Citus cluster, project''s foreign key to scheme: a change of schemes'' keys locks first and checks after (trigger)';
CREATE TRIGGER scheme_keys_lock BEFORE DELETE OR UPDATE OF scheme_id ON perfeval.scheme
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.scheme_keys();
CREATE TRIGGER scheme_keys_update AFTER UPDATE ON perfeval.scheme
	REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.scheme_keys();
CREATE TRIGGER scheme_keys_delete AFTER DELETE ON perfeval.scheme
	REFERENCING OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.scheme_keys();
ALTER TABLE perfeval.scheme ENABLE ALWAYS TRIGGER scheme_keys_lock, ENABLE ALWAYS TRIGGER scheme_keys_update,
	ENABLE ALWAYS TRIGGER scheme_keys_delete;
CREATE OR REPLACE FUNCTION perfeval_internal.always_again() RETURNS void
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	r record;
BEGIN
	FOR r IN SELECT t.tgrelid::regclass AS rel, t.tgname
			   FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
			  WHERE NOT t.tgisinternal AND t.tgenabled = 'O'
				AND p.pronamespace = 'perfeval_internal'::regnamespace
				AND p.proname IN ('keep_facts', 'keep_projects', 'note_projects', 'check_targets',
								  'guard_state', 'owner_only', 'scheme_keys', 'rule_schemes',
								  'keep_indicators', 'keep_schemes')
			  ORDER BY 1::text, 2 LOOP
		EXECUTE format('ALTER TABLE %s ENABLE ALWAYS TRIGGER %I', r.rel, r.tgname);
	END LOOP;
END $$;
-- On a Citus cluster result_rule's foreign key to scheme is kept by a
-- trigger too (section 40, src/schemekey.c); on one node it does nothing.
CREATE FUNCTION perfeval_internal.rule_schemes() RETURNS trigger
	AS 'MODULE_PATHNAME', 'rule_schemes' LANGUAGE C;
REVOKE ALL ON FUNCTION perfeval_internal.rule_schemes() FROM PUBLIC;
COMMENT ON FUNCTION perfeval_internal.rule_schemes() IS '在 Citus 集群上代替结果应用规则到方案的外键（触发器） / On a Citus cluster, result_rule''s foreign key to scheme (trigger)';
CREATE TRIGGER rule_schemes_insert AFTER INSERT ON perfeval.result_rule
	REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.rule_schemes();
CREATE TRIGGER rule_schemes_update AFTER UPDATE ON perfeval.result_rule
	REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.rule_schemes();
ALTER TABLE perfeval.result_rule ENABLE ALWAYS TRIGGER rule_schemes_insert, ENABLE ALWAYS TRIGGER rule_schemes_update;
-- on a cluster already distributed, the keys dropped on every node, its
-- shards' too (Citus runs this update on each node; it does not pass on an
-- extension script's ALTER TABLE)
DO $$
DECLARE
	r record;
BEGIN
	IF to_regclass('pg_catalog.pg_dist_partition') IS NULL THEN
		RETURN;
	END IF;
	IF NOT EXISTS (SELECT FROM pg_catalog.pg_dist_partition WHERE logicalrelid = 'perfeval.project'::regclass) THEN
		RETURN;
	END IF;
	PERFORM set_config('citus.override_table_visibility', 'off', true);
	PERFORM set_config('citus.enable_manual_changes_to_shards', 'on', true);
	FOR r IN SELECT c.conrelid::regclass AS rel, c.conname FROM pg_constraint c
			  WHERE c.contype = 'f' AND c.connamespace = 'perfeval'::regnamespace
				AND c.conname ~ '^(project|result_rule)_scheme_id_fkey(_[0-9]+)?$' ORDER BY 1::text LOOP
		EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', r.rel, r.conname);
	END LOOP;
END $$;

-- == a Citus worker's perfeval_internal usable by every role, so that a node added later serves granted roles (section 48) ==
-- On a Citus worker every role may use the schema perfeval_internal (not
-- its tables: their own privileges and row security decide).  A granted
-- role's queries reach the workers' shards of the kept state, which sit in
-- this schema, and Citus does not replay the grants on an extension's own
-- schema on a node added later (docs/scale-out.md): the node runs this
-- script instead.  Not on one node, nor on the coordinator, where
-- distribute() takes it back: there grant_access() gives it, role by role.
-- (A node being added has no node list yet; a worker's group is not 0.)
DO $$
BEGIN
	IF to_regclass('pg_catalog.pg_dist_node') IS NULL THEN
		RETURN;
	END IF;
	IF NOT EXISTS (SELECT FROM pg_catalog.pg_dist_node)
	   OR EXISTS (SELECT FROM pg_catalog.pg_dist_local_group WHERE groupid <> 0) THEN
		GRANT USAGE ON SCHEMA perfeval_internal TO PUBLIC;
	END IF;
END $$;

-- == kept results (section 47, issue 30): each project's total, level sums and money, kept with its state ==
-- A scheme's rules as bytes, the stamp of a kept result (a rules value
-- never takes text input; its bytes compare as a whole).
CREATE CAST (perfeval.rules AS bytea) WITHOUT FUNCTION;
-- Do a kept result's rules differ from its scheme's?  (Its support function
-- tells the planner that is rare: the views evaluate a project only then.
-- PARALLEL RESTRICTED, though safe: the search for stale projects, which
-- finds none, then runs in the leader; in parallel workers it was a third
-- of project_scores' time, their start, 1.16.)
CREATE FUNCTION perfeval_internal.stale_support(internal) RETURNS internal
	AS 'MODULE_PATHNAME', 'pe_stale_support' LANGUAGE C STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval_internal.stale_results(kept bytea, rules perfeval.rules) RETURNS boolean
	AS 'MODULE_PATHNAME', 'pe_stale_results' LANGUAGE C IMMUTABLE STRICT PARALLEL RESTRICTED
	SUPPORT perfeval_internal.stale_support;

-- A level-1 sum (level2 NULL) or a level-2 sum, over the rows that apply,
-- as level1_scores and level2_scores show them.
CREATE TYPE perfeval_internal.level_sum AS (
	level1 text,
	level2 text,
	seq int,
	indicators bigint,
	weight numeric,
	score numeric
);

-- Everything kept of one project, summed in one pass over its rows
-- (src/levelsums.c): sum_scores() over every row, every row's weight, and
-- the level-1 and level-2 sums in the levels' order.
CREATE TYPE perfeval_internal.project_sum AS (
	indicators bigint,
	weight numeric,
	score numeric,
	total numeric,
	weights numeric,
	level1 perfeval_internal.level_sum[],
	level2 perfeval_internal.level_sum[]
);
CREATE FUNCTION perfeval_internal.project_sums_trans(internal, level1 text, level2 text, seq int,
		weight numeric, e perfeval.evaluation) RETURNS internal
	AS 'MODULE_PATHNAME', 'project_sums_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION perfeval_internal.project_sums_final(internal) RETURNS perfeval_internal.project_sum
	AS 'MODULE_PATHNAME', 'project_sums_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE AGGREGATE perfeval_internal.project_sums(level1 text, level2 text, seq int, weight numeric,
		e perfeval.evaluation) (
	SFUNC = perfeval_internal.project_sums_trans,
	STYPE = internal,
	FINALFUNC = perfeval_internal.project_sums_final,
	FINALFUNC_MODIFY = SHAREABLE,	-- (it sorts the levels in place)
	PARALLEL = SAFE
);

CREATE TABLE perfeval_internal.project_results (
	project_id text PRIMARY KEY,
	scheme_id text NOT NULL,		-- the project's scheme when computed
	rules bytea NOT NULL,			-- and its rules: the stamp
	indicators bigint NOT NULL,		-- sum_scores() over every row
	weights numeric,				-- every row's weight, applicable or not (findings)
	weight numeric,
	score numeric,
	total numeric,
	budget numeric,					-- the money the roll-ups add, in 万元 (the state's)
	arrived numeric,
	spent numeric
) WITH (fillfactor = 50);	-- (room on each page to rewrite a row in place, HOT)

-- Its level sums, one row per project too (a row per level made a year's
-- load by COPY three times the plain one, 1.16), beside the narrow row
-- project_scores reads (in it, they made that read three times slower).
CREATE TABLE perfeval_internal.project_levels (
	project_id text PRIMARY KEY,
	scheme_id text NOT NULL,
	rules bytea NOT NULL,
	level1 perfeval_internal.level_sum[],	-- level2 NULL in each
	level2 perfeval_internal.level_sum[]
) WITH (fillfactor = 50);

-- Read in scope only, where granted at all (on a Citus cluster, as the
-- state: section 48).
ALTER TABLE perfeval_internal.project_results ENABLE ROW LEVEL SECURITY;
ALTER TABLE perfeval_internal.project_levels ENABLE ROW LEVEL SECURITY;

-- Only perfeval's own statements write them (the state's guard).
CREATE TRIGGER guard_state BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE
	ON perfeval_internal.project_results
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.guard_state();
CREATE TRIGGER guard_state BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE
	ON perfeval_internal.project_levels
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.guard_state();
ALTER TABLE perfeval_internal.project_results ENABLE ALWAYS TRIGGER guard_state;
ALTER TABLE perfeval_internal.project_levels ENABLE ALWAYS TRIGGER guard_state;

-- A project's results follow its indicators: each statement writing them
-- locks the projects' state rows (noted row by row, as the facts' are) and
-- recomputes their results.
CREATE FUNCTION perfeval_internal.keep_indicators() RETURNS trigger
	AS 'MODULE_PATHNAME', 'keep_indicators' LANGUAGE C
	SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET jit = off SET enable_seqscan = off;
CREATE TRIGGER note_projects BEFORE INSERT OR UPDATE OR DELETE ON perfeval.indicator
	FOR EACH ROW EXECUTE FUNCTION perfeval_internal.note_projects();
CREATE TRIGGER keep_results_insert AFTER INSERT ON perfeval.indicator
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_indicators();
CREATE TRIGGER keep_results_update AFTER UPDATE ON perfeval.indicator
	REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_indicators();
CREATE TRIGGER keep_results_delete AFTER DELETE ON perfeval.indicator
	REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_indicators();
CREATE TRIGGER keep_results_truncate AFTER TRUNCATE ON perfeval.indicator
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_indicators();
ALTER TABLE perfeval.indicator ENABLE ALWAYS TRIGGER note_projects, ENABLE ALWAYS TRIGGER keep_results_insert,
	ENABLE ALWAYS TRIGGER keep_results_update, ENABLE ALWAYS TRIGGER keep_results_delete,
	ENABLE ALWAYS TRIGGER keep_results_truncate;

-- A change of a scheme's rules recomputes the results of exactly its
-- projects (one node; on a Citus cluster the views evaluate them from their
-- facts until they are next written: docs/scale-out.md).
CREATE FUNCTION perfeval_internal.keep_schemes() RETURNS trigger
	AS 'MODULE_PATHNAME', 'keep_schemes' LANGUAGE C
	SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET jit = off SET enable_seqscan = off;
CREATE TRIGGER keep_results AFTER UPDATE ON perfeval.scheme
	REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_schemes();
ALTER TABLE perfeval.scheme ENABLE ALWAYS TRIGGER keep_results;
REVOKE ALL ON FUNCTION perfeval_internal.keep_indicators(), perfeval_internal.keep_schemes() FROM PUBLIC;

COMMENT ON TABLE perfeval_internal.project_results IS '各项目维护的当前结果：总分与资金（仅由 perfeval 写入，不导出） / Each project''s kept current results: its total and money (written only by perfeval, not dumped)';
COMMENT ON COLUMN perfeval_internal.project_results.project_id IS '项目编号 / Project id';
COMMENT ON COLUMN perfeval_internal.project_results.scheme_id IS '计算时项目的评分方案 / The project''s scheme when computed';
COMMENT ON COLUMN perfeval_internal.project_results.rules IS '计算所用方案规则（字节）；与方案当前规则不同时视图改为现算 / The rules it was computed with, as bytes; while they differ from the scheme''s, the views evaluate the project afresh';
COMMENT ON COLUMN perfeval_internal.project_results.indicators IS '指标行数 / Indicator rows';
COMMENT ON COLUMN perfeval_internal.project_results.weights IS '全部指标（含不适用）的权重合计 / Weight of every row, applicable or not';
COMMENT ON COLUMN perfeval_internal.project_results.weight IS '适用指标的分值合计 / Weight of the rows that apply';
COMMENT ON COLUMN perfeval_internal.project_results.score IS '适用指标的得分合计 / Score of the rows that apply';
COMMENT ON COLUMN perfeval_internal.project_results.total IS '计算总分 / Total computed from the indicators';
COMMENT ON COLUMN perfeval_internal.project_results.budget IS '全年预算合计（万元，同维护状态） / Full-year budget in 万元, as in the kept state';
COMMENT ON COLUMN perfeval_internal.project_results.arrived IS '实际到位合计（万元） / Arrived in 万元';
COMMENT ON COLUMN perfeval_internal.project_results.spent IS '全年执行合计（万元） / Spent in 万元';
COMMENT ON TABLE perfeval_internal.project_levels IS '各项目维护的一级、二级指标得分汇总（适用指标；仅由 perfeval 写入，不导出） / Each project''s kept level-1 and level-2 sums over the rows that apply (written only by perfeval, not dumped)';
COMMENT ON COLUMN perfeval_internal.project_levels.project_id IS '项目编号 / Project id';
COMMENT ON COLUMN perfeval_internal.project_levels.scheme_id IS '计算时项目的评分方案 / The project''s scheme when computed';
COMMENT ON COLUMN perfeval_internal.project_levels.rules IS '计算所用方案规则（字节） / The rules it was computed with, as bytes';
COMMENT ON COLUMN perfeval_internal.project_levels.level1 IS '一级指标得分汇总 / Its level-1 sums';
COMMENT ON COLUMN perfeval_internal.project_levels.level2 IS '二级指标得分汇总 / Its level-2 sums';
COMMENT ON TYPE perfeval_internal.level_sum IS '一级或二级指标得分汇总 / A level-1 or level-2 sum';
COMMENT ON COLUMN perfeval_internal.level_sum.level1 IS '一级指标 / Level-1 indicator';
COMMENT ON COLUMN perfeval_internal.level_sum.level2 IS '二级指标；为空则为一级指标汇总 / Level-2 indicator; NULL in a level-1 sum';
COMMENT ON COLUMN perfeval_internal.level_sum.seq IS '组内最小表内顺序 / The group''s first position in the report table';
COMMENT ON COLUMN perfeval_internal.level_sum.indicators IS '适用指标行数 / Rows that apply';
COMMENT ON COLUMN perfeval_internal.level_sum.weight IS '分值合计 / Weight';
COMMENT ON COLUMN perfeval_internal.level_sum.score IS '得分合计 / Score';
COMMENT ON TYPE perfeval_internal.project_sum IS '一个项目所维护的合计：全部指标行的得分合计、全部分值、一级和二级指标汇总 / Everything kept of a project: sum_scores() over every row, every row''s weight, the level-1 and level-2 sums';
COMMENT ON FUNCTION perfeval_internal.project_sums_trans(internal, text, text, int, numeric, perfeval.evaluation) IS 'project_sums() 的逐行累加 / project_sums()''s transition: adds one row';
COMMENT ON FUNCTION perfeval_internal.project_sums_final(internal) IS 'project_sums() 的结果 / project_sums()''s result';
COMMENT ON AGGREGATE perfeval_internal.project_sums(text, text, int, numeric, perfeval.evaluation) IS '一次遍历算出一个项目所维护的全部合计 / Everything kept of one project''s results, in one pass over its rows';
COMMENT ON FUNCTION perfeval_internal.stale_results(bytea, perfeval.rules) IS '所维护结果的规则与方案当前规则不同（视图据此改为现算） / Whether a kept result''s rules differ from its scheme''s (the views then evaluate the project)';
COMMENT ON FUNCTION perfeval_internal.stale_support(internal) IS 'stale_results() 的规划支持：过期结果很少 / stale_results()''s planner support: stale results are rare';
COMMENT ON FUNCTION perfeval_internal.keep_indicators() IS '指标变动后锁定并重算所涉项目的结果（触发器） / Locks and recomputes the results of the projects whose indicators a statement changed (trigger)';
COMMENT ON FUNCTION perfeval_internal.keep_schemes() IS '方案规则变动后锁定并重算该方案各项目的结果（触发器） / Locks and recomputes the results of a scheme''s projects when its rules change (trigger)';
COMMENT ON CAST (perfeval.rules AS bytea) IS '方案规则的字节（所维护结果的戳记） / A scheme''s rules as bytes: the stamp of a kept result';

-- and the kept results (section 47), alike
CREATE POLICY scope_read ON perfeval_internal.project_results FOR SELECT
	USING (perfeval_internal.in_scope(project_id));
CREATE POLICY scope_read ON perfeval_internal.project_levels FOR SELECT
	USING (perfeval_internal.in_scope(project_id));

-- the current views read them (sections 50, 60, 70)
CREATE OR REPLACE VIEW perfeval.level2_scores AS
SELECT u.project_id, u.level1, u.level2, u.seq, u.indicators, u.weight, u.score, u.score_rate
  FROM (SELECT r.project_id, l.level1, l.level2, l.seq, l.indicators, l.weight, l.score,
		   perfeval.rate(l.score, l.weight) AS score_rate
	  FROM perfeval_internal.project_levels r
	  JOIN perfeval.scheme s ON s.scheme_id = r.scheme_id AND s.rules::bytea = r.rules
	 CROSS JOIN LATERAL unnest(r.level2) l
	 WHERE perfeval_internal.in_scope(r.project_id)
	UNION ALL
	SELECT r.project_id, g.level1, g.level2, g.seq, (g.t).indicators, (g.t).weight, (g.t).score,
		   perfeval.rate((g.t).score, (g.t).weight)
	  FROM perfeval_internal.project_results r
	  JOIN perfeval.scheme s ON s.scheme_id = r.scheme_id AND perfeval_internal.stale_results(r.rules, s.rules)
	 CROSS JOIN LATERAL (SELECT x.project_id, x.level1, x.level2, min(x.seq) AS seq,
								perfeval.sum_scores(x.e) AS t
						   FROM perfeval_internal.indicator_scored x
						  WHERE x.project_id = r.project_id AND x.applicable
						  GROUP BY x.project_id, x.level1, x.level2) g
	 WHERE perfeval_internal.in_scope(r.project_id)) u;
CREATE OR REPLACE VIEW perfeval.level1_scores AS
SELECT u.project_id, u.level1, u.seq, u.indicators, u.weight, u.score, u.score_rate
  FROM (SELECT r.project_id, l.level1, l.seq, l.indicators, l.weight, l.score,
		   perfeval.rate(l.score, l.weight) AS score_rate
	  FROM perfeval_internal.project_levels r
	  JOIN perfeval.scheme s ON s.scheme_id = r.scheme_id AND s.rules::bytea = r.rules
	 CROSS JOIN LATERAL unnest(r.level1) l
	 WHERE perfeval_internal.in_scope(r.project_id)
	UNION ALL
	SELECT r.project_id, g.level1, g.seq, (g.t).indicators, (g.t).weight, (g.t).score,
		   perfeval.rate((g.t).score, (g.t).weight)
	  FROM perfeval_internal.project_results r
	  JOIN perfeval.scheme s ON s.scheme_id = r.scheme_id AND perfeval_internal.stale_results(r.rules, s.rules)
	 CROSS JOIN LATERAL (SELECT x.project_id, x.level1, min(x.seq) AS seq, perfeval.sum_scores(x.e) AS t
						   FROM perfeval_internal.indicator_scored x
						  WHERE x.project_id = r.project_id AND x.applicable
						  GROUP BY x.project_id, x.level1) g
	 WHERE perfeval_internal.in_scope(r.project_id)) u;
CREATE OR REPLACE VIEW perfeval.project_scores AS
SELECT p.project_id, p.name, p.year, p.division_code, p.department, p.evaluation_kind,
	   p.scheme_id, t.indicators, t.weight, t.total,
	   perfeval.grade(t.total, s.grade_scale) AS grade, trim_scale(p.printed_total) AS printed_total, p.printed_grade,
	   trim_scale(t.total - p.printed_total) AS difference,
	   starts_with(p.printed_grade, perfeval.grade(coalesce(t.total, p.printed_total), s.grade_scale))
		   AS grade_agrees,
	   trim_scale(coalesce(t.total, p.printed_total)) AS final_score,
	   perfeval.grade(coalesce(t.total, p.printed_total), s.grade_scale) AS final_grade,
	   perfeval.grade_band(coalesce(t.total, p.printed_total), s.grade_scale) AS final_band,
	   p.programme_code, d1.name AS province_name, d2.name AS prefecture_name, d3.name AS county_name
  FROM perfeval.project p
  JOIN perfeval.scheme s ON s.scheme_id = p.scheme_id
  LEFT JOIN perfeval_internal.project_results r ON r.project_id = p.project_id AND r.rules = s.rules::bytea
  LEFT JOIN (SELECT k.project_id, perfeval.sum_scores(x.e) AS t
			   FROM perfeval_internal.project_results k
			   JOIN perfeval.scheme ks ON ks.scheme_id = k.scheme_id AND perfeval_internal.stale_results(k.rules, ks.rules)
			  CROSS JOIN LATERAL (SELECT x.e FROM perfeval_internal.indicator_scored x
								   WHERE x.project_id = k.project_id OFFSET 0) x
			  WHERE perfeval_internal.in_scope(k.project_id)
			  GROUP BY k.project_id) f ON f.project_id = p.project_id
 CROSS JOIN LATERAL (SELECT CASE WHEN r.project_id IS NULL THEN coalesce((f.t).indicators, 0) ELSE r.indicators END
							AS indicators,
							CASE WHEN r.project_id IS NULL THEN (f.t).weight ELSE r.weight END AS weight,
							CASE WHEN r.project_id IS NULL THEN (f.t).total ELSE r.total END AS total) t
  LEFT JOIN perfeval.division d1 ON d1.code = perfeval.division_at(p.division_code, 'province')
  LEFT JOIN perfeval.division d2 ON d2.code = perfeval.division_at(p.division_code, 'prefecture')
  LEFT JOIN perfeval.division d3 ON d3.code = perfeval.division_at(p.division_code, 'county')
 WHERE perfeval_internal.in_scope(p.project_id);
CREATE OR REPLACE VIEW perfeval.findings AS
-- (one query around the UNION ALL: the planner flattens a view that is a
-- bare UNION ALL into its branches, security barrier or not, and would run
-- a caller's condition beside each branch's scope filter: section 95)
SELECT u.project_id, u.code, u.kind, u.detail FROM (
-- per project: no indicators, weights not adding to 100, a printed total or
-- grade its indicators do not give
SELECT f.project_id, NULL::text AS code, k.kind, k.detail
  -- (the kept results, section 47, while they carry the scheme's rules,
  -- the project evaluated from its facts otherwise, as project_scores)
  FROM (SELECT p.project_id, p.printed_total, p.printed_grade, p.scheme_id, a.none, a.weight, a.total,
			   perfeval.grade(coalesce(a.total, p.printed_total), s.grade_scale) AS final_grade
		  FROM perfeval.project p
		  JOIN perfeval.scheme s ON s.scheme_id = p.scheme_id
		  LEFT JOIN perfeval_internal.project_results r ON r.project_id = p.project_id AND r.rules = s.rules::bytea
		  LEFT JOIN (SELECT k.project_id, perfeval.sum_scores(x.e) AS t, sum(x.weight) AS weight
					   FROM perfeval_internal.project_results k
					   JOIN perfeval.scheme ks ON ks.scheme_id = k.scheme_id
							AND perfeval_internal.stale_results(k.rules, ks.rules)
					  CROSS JOIN LATERAL (SELECT x.e, x.weight FROM perfeval_internal.indicator_scored x
										   WHERE x.project_id = k.project_id OFFSET 0) x
					  WHERE perfeval_internal.in_scope(k.project_id)
					  GROUP BY k.project_id) e ON e.project_id = p.project_id
		 CROSS JOIN LATERAL (SELECT CASE WHEN r.project_id IS NULL THEN e.t IS NULL ELSE r.indicators = 0 END AS none,
									CASE WHEN r.project_id IS NULL THEN e.weight ELSE r.weights END AS weight,
									CASE WHEN r.project_id IS NULL THEN (e.t).total ELSE r.total END AS total) a
		 WHERE perfeval_internal.in_scope(p.project_id)) f
 CROSS JOIN LATERAL unnest(
	   ARRAY['no_indicators', 'weights_total', 'weights_not_100', 'printed_total', 'printed_grade'],
	   ARRAY[
		CASE WHEN f.none THEN '未录入三级指标，无法计算总分' || coalesce('；报告总分' || f.printed_total::text
			 || '未经核验', '') END,
		CASE WHEN f.weight <> 100 THEN '三级指标权重合计' || trim_scale(f.weight)::text || '分，不等于100分' END,
		-- (the same fact under the name issue 26 gives it, 1.16: the total
		-- is rescaled to 100 over the weights given)
		CASE WHEN f.weight <> 100 THEN '三级指标权重合计' || trim_scale(f.weight)::text
			 || '分，不等于100分；总分按100分折算' END,
		CASE WHEN f.total <> f.printed_total THEN
			'报告总分' || f.printed_total::text || '分，按指标计算应为' || trim_scale(f.total)::text
			|| '分（差' || trim_scale(f.total - f.printed_total)::text || '分）' END,
		CASE WHEN NOT starts_with(f.printed_grade, f.final_grade) THEN
			'报告等级“' || f.printed_grade || '”，' || trim_scale(coalesce(f.total, f.printed_total))::text
			|| '分按方案' || f.scheme_id || '应为“' || f.final_grade || '”' END]) AS k(kind, detail)
 WHERE (f.none OR f.weight <> 100 OR f.total <> f.printed_total OR NOT starts_with(f.printed_grade, f.final_grade))
   AND k.detail IS NOT NULL
UNION ALL
-- per indicator: what its one evaluation found, a sentence only for that
SELECT y.project_id, y.code, y.kind,
	   perfeval.finding_detail(y.e, y.kind, y.name, y.weight, y.applicable, y.source, y.target,
		   y.method, y.printed_score, y.code, y.rules, y.actuals, y.checklist, y.survey,
		   y.money_initial_budget, y.money_budget, y.money_arrived, y.money_spent, 'infinity')
  FROM (SELECT x.*, unnest(perfeval.finding_kinds(x.e)) AS kind
		  FROM perfeval_internal.indicator_evaluations x
		 WHERE perfeval.findings(x.e) <> 0) y
UNION ALL
SELECT a.project_id, NULL, 'spent_above_arrived',
	   a.department || '（' || a.fund_level || '）：全年执行' || trim_scale(a.spent)::text || a.unit
	   || '超过实际到位' || trim_scale(a.arrived)::text || a.unit
  FROM perfeval.allocation a
 WHERE a.spent > a.arrived AND perfeval_internal.in_scope(a.project_id)
UNION ALL
SELECT a.project_id, NULL, 'zero_budget',
	   a.department || '（' || a.fund_level || '）：全年预算为0'
	   || CASE WHEN a.arrived > 0 OR a.spent > 0 THEN '，但有到位或执行资金' ELSE '' END
  FROM perfeval.allocation a
 WHERE a.budget = 0 AND perfeval_internal.in_scope(a.project_id)
UNION ALL
-- what a form printed beside its facts (1.16): a department taken from the
-- implementing unit, level-1 points its rows' weights do not add up to
SELECT p.project_id, NULL, 'department_from_unit',
	   '表单未填主管部门，按实施单位“' || p.department || '”归口'
  FROM perfeval.project p
 WHERE p.department_from_unit AND perfeval_internal.in_scope(p.project_id)
UNION ALL
SELECT l.project_id, NULL, 'level1_points',
	   '一级指标“' || l.level1 || '”标注' || trim_scale(l.points)::text || '分，其三级指标分值合计'
	   || trim_scale(l.weight)::text || '分'
  FROM (SELECT i.project_id, i.level1, max(i.level1_points) AS points, sum(i.weight) AS weight
		  FROM perfeval.indicator i
		 WHERE i.level1_points IS NOT NULL AND perfeval_internal.in_scope(i.project_id)
		 GROUP BY i.project_id, i.level1) l
 WHERE l.points <> l.weight
UNION ALL
-- what a monitoring form printed beside its facts (1.16): a total not the
-- sum of its parts, a printed rate, a printed target
SELECT m.project_id, m.code, m.kind, m.detail
  FROM perfeval.monitoring_finding m
 WHERE perfeval_internal.in_scope(m.project_id)) u;

CREATE OR REPLACE VIEW perfeval.project_facts AS
SELECT ps.project_id, ps.year, ps.division_code,
	   perfeval.division_at(ps.division_code, 'province') AS province,
	   perfeval.division_at(ps.division_code, 'prefecture') AS prefecture,
	   perfeval.division_at(ps.division_code, 'county') AS county,
	   ps.department, ps.final_score, ps.final_grade,
	   trim_scale(m.budget) AS budget, trim_scale(m.arrived) AS arrived,
	   trim_scale(m.spent) AS spent,
	   ps.final_band, ps.scheme_id, ps.programme_code, ps.province_name, ps.prefecture_name,
	   ps.county_name
  FROM perfeval.project_scores ps
  -- the money kept with the project's state (section 45), as project_money
  -- gives it, read from the narrow kept results (section 47), which copy it
  LEFT JOIN perfeval_internal.project_results m ON m.project_id = ps.project_id;
-- kept for every project there is (one node; a distributed warehouse is
-- updated through a new database, docs/scale-out.md)
DO $$
BEGIN
	IF to_regclass('pg_catalog.pg_dist_partition') IS NOT NULL THEN
		IF EXISTS (SELECT FROM pg_catalog.pg_dist_partition WHERE logicalrelid = 'perfeval.project'::regclass) THEN
			RETURN;
		END IF;
	END IF;
	PERFORM perfeval_internal.refresh_facts();
END $$;

-- == on a Citus cluster: the new and replaced set-returning SQL functions as PL/pgSQL (section 87) ==
DO $$
BEGIN
	IF to_regclass('pg_catalog.pg_dist_partition') IS NOT NULL THEN
		IF EXISTS (SELECT FROM pg_catalog.pg_dist_partition WHERE logicalrelid = 'perfeval.project'::regclass) THEN
			PERFORM perfeval_internal.dated_forms_for_citus();
		END IF;
	END IF;
END $$;

-- == last: every view a security barrier, after every block above ==
-- (CREATE OR REPLACE VIEW resets a view's options)
SELECT perfeval_internal.seal_views();
