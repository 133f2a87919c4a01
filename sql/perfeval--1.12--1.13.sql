-- perfeval 1.12 -> 1.13: a faster import.  form_rows() gives each parsed
-- field's value as a plain column (weight, score, tgt, msr) and its error,
-- only where it has one, in weight_p ... method_p (a parsed value per field
-- and row made the staged rows' copy twice as wide and every later look at
-- them slower); import_forms() skips the staging's de-duplication where a
-- staging relation's rows are all of one batch (one file's COPY).
\echo Use "ALTER EXTENSION perfeval UPDATE TO '1.13'" to load this file. \quit

DROP VIEW perfeval_internal.form_indicator_rows;
DROP FUNCTION perfeval_internal.form_rows();
CREATE FUNCTION perfeval_internal.form_rows(OUT line int, OUT project_code text, OUT level1 text,
		OUT level2 text, OUT name text, OUT weight_text text, OUT score_text text, OUT note text,
		OUT nature text, OUT target_raw text, OUT actual_raw text, OUT qualitative boolean,
		OUT target_text text, OUT actual_text text, OUT offs int, OUT has_checklist boolean,
		OUT has_survey boolean, OUT ordinal bigint, OUT occurrence bigint, OUT l1_first int,
		OUT l2_first int, OUT l1n bigint, OUT l2n bigint, OUT l3n bigint,
		OUT weight_p perfeval_internal.parsed, OUT score_p perfeval_internal.parsed,
		OUT target_p perfeval_internal.parsed, OUT actual_p perfeval_internal.parsed,
		OUT code text, OUT seq bigint, OUT source text, OUT method_raw text,
		OUT method_p perfeval_internal.parsed, OUT applicable boolean, OUT weight numeric,
		OUT score numeric, OUT tgt perfeval.target, OUT msr perfeval.measure) RETURNS SETOF record
	LANGUAGE C STABLE PARALLEL RESTRICTED AS 'MODULE_PATHNAME', 'pe_form_rows';
CREATE VIEW perfeval_internal.form_indicator_rows WITH (security_invoker = true) AS
SELECT * FROM perfeval_internal.form_rows();
COMMENT ON FUNCTION perfeval_internal.form_rows() IS '暂存指标行逐表单编号与解析（一次读取） / The staged indicator rows numbered and parsed, form by form, in one pass';
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
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.applicable IS '是否适用（实际完成值为“不适用”则否） / Whether it applies (not when 实际完成值 is 不适用)';
-- (the view is new: its loaders' SELECT again)
DO $$
DECLARE
	r record;
BEGIN
	FOR r IN SELECT DISTINCT g.role_name FROM perfeval.access_grant g
			  WHERE g.may_load AND EXISTS (SELECT FROM pg_roles WHERE rolname = g.role_name) LOOP
		PERFORM perfeval_internal.grant_import(r.role_name::regrole, true);
	END LOOP;
END $$;

CREATE OR REPLACE FUNCTION perfeval_internal.form_problems() RETURNS TABLE (project_code text, relation text, line int,
		column_name text, value text, sqlstate text, message text, hint text)
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
BEGIN
	RETURN QUERY
WITH f AS (
	SELECT s.*, count(*) OVER (PARTITION BY s."项目编码") AS forms,
		   row_number() OVER (PARTITION BY s."项目编码" ORDER BY s.line) AS nth
	  FROM perfeval_internal.staged_project s),
nums AS (
	SELECT f."项目编码" AS code, f.line, n.col, n.val, perfeval_internal.form_parse(n.val, 'number') AS p
	  FROM f CROSS JOIN LATERAL (VALUES ('年初预算数', f."年初预算数"), ('全年预算数', f."全年预算数"),
			('实际到位数', f."实际到位数"), ('全年执行数', f."全年执行数"), ('预算执行率分值', f."预算执行率分值"),
			('预算执行率得分', f."预算执行率得分"), ('总分', f."总分")) AS n(col, val)
	 WHERE f.nth = 1),
i AS NOT MATERIALIZED (SELECT * FROM pg_temp.pe_irows)
SELECT f."项目编码" AS project_code, 'form_project' AS relation, f.line, '项目编码' AS column_name,
	   f."项目编码" AS value, '23505' AS sqlstate,
	   format('project "%s" has more than one form', f."项目编码") AS message,
	   'One row per form in form_project: remove the other rows of this 项目编码.' AS hint
  FROM f WHERE f.forms > 1 AND f.nth > 1
UNION ALL
SELECT f."项目编码", 'form_project', f.line, c.col, c.val, c.st, c.msg, c.hint
  FROM f CROSS JOIN LATERAL (VALUES
		('项目编码', f."项目编码", coalesce(btrim(f."项目编码"), '') = '', '23502', 'a form without 项目编码',
		 'Every form needs the budget system''s project code.'),
		('项目名称', f."项目名称", coalesce(btrim(f."项目名称"), '') = '', '23502', 'a form without 项目名称',
		 'Give the project''s name.'),
		('年度', f."年度", NOT coalesce(btrim(f."年度") ~ '^(199[0-9]|20[0-9][0-9]|2100)$', false), '22P02',
		 format('invalid 年度: "%s"', coalesce(f."年度", '')), 'A year from 1990 to 2100, such as 2024.'),
		('行政区划代码', f."行政区划代码", NOT coalesce(btrim(f."行政区划代码") ~ '^[1-9][0-9]{5}$', false), '22P02',
		 format('invalid 行政区划代码: "%s"', coalesce(f."行政区划代码", '')), 'A six-digit GB/T 2260 code, such as 650102.'),
		('主管部门', f."主管部门", coalesce(btrim(f."主管部门"), '') = '', '23502', 'a form without 主管部门',
		 'Give the supervising department.'),
		('评价类型', f."评价类型", perfeval_internal.form_kind(f."评价类型") IS NULL, '22023',
		 format('unknown 评价类型: "%s"', f."评价类型"), 'One of 单位自评 (the default when empty), 部门评价, 财政评价, 第三方.'),
		('评分方案', f."评分方案", coalesce(btrim(f."评分方案"), '') <> ''
			AND NOT EXISTS (SELECT FROM perfeval.scheme sc WHERE sc.scheme_id = btrim(f."评分方案")), '23503',
		 format('unknown 评分方案: "%s"', f."评分方案"),
		 'A scheme_id of perfeval.scheme, or empty for the national self-evaluation form (national_self).'),
		('金额单位', f."金额单位", coalesce(nullif(btrim(f."金额单位"), ''), '万元') NOT IN ('元', '万元', '亿元'), '22023',
		 format('unknown 金额单位: "%s"', f."金额单位"), '元, 万元 (the default when empty) or 亿元.')
	  ) AS c(col, val, bad, st, msg, hint)
 WHERE f.nth = 1 AND c.bad
UNION ALL
SELECT n.code, 'form_project', n.line, n.col, n.val, coalesce((n.p).sqlstate, '23514'),
	   coalesce((n.p).message, format('%s is negative: "%s"', n.col, n.val)),
	   coalesce((n.p).hint, 'Money and scores are 0 or more.')
  FROM nums n WHERE (n.p).sqlstate IS NOT NULL OR (n.p).num < 0
UNION ALL
SELECT f."项目编码", 'form_project', f.line, '预算执行率分值', f."预算执行率分值", '23502',
	   '预算执行率得分 without 预算执行率分值', 'Give the weight of the execution-rate row, or leave both empty.'
  FROM f WHERE f.nth = 1 AND coalesce(btrim(f."预算执行率得分"), '') <> '' AND coalesce(btrim(f."预算执行率分值"), '') = ''
UNION ALL
-- indicator rows
SELECT i.project_code, 'form_indicator', i.line, '项目编码', i.project_code, '23503',
	   format('indicator row of project "%s", which has no form', i.project_code),
	   'Load the form''s row into perfeval.form_project, or correct 项目编码.'
  FROM i WHERE NOT EXISTS (SELECT FROM perfeval_internal.staged_project s WHERE s."项目编码" = i.project_code)
UNION ALL
-- (each check is a cheap condition; its message is made only for the rows
-- that fail it)
SELECT i.project_code, 'form_indicator', i.line, c.col, c.val, coalesce(c.st, (c.p).sqlstate),
	   CASE c.k WHEN 'empty' THEN 'an indicator without ' || c.col
			WHEN 'twice' THEN format('indicator "%s / %s / %s" appears twice in the form', i.level1, i.level2, i.name)
			WHEN 'weight' THEN format('分值 must be a positive number: "%s"', coalesce(i.weight_text, ''))
			WHEN 'negative' THEN format('得分 is negative: "%s"', i.score_text)
			WHEN 'nature' THEN format('unknown 指标性质: "%s"', i.nature)
			WHEN 'compare' THEN format('actual "%s" cannot be compared with target "%s"', i.actual_raw, i.target_text)
			ELSE (c.p).message END,
	   CASE c.k WHEN 'empty' THEN 'Give the ' || CASE c.col WHEN '一级指标' THEN 'level-1' WHEN '二级指标' THEN 'level-2'
				ELSE 'level-3' END || ' indicator.'
			WHEN 'twice' THEN 'One row per level-3 indicator: remove or rename the repeated one.'
			WHEN 'weight' THEN 'The indicator''s weight, such as 18.'
			WHEN 'negative' THEN 'Scores are 0 or more.'
			WHEN 'nature' THEN 'Empty (指标值 holds the whole target), 定性, or a comparator: ≥ ≤ ＝ ═ ≧ ≦ > < 不低于 不高于 ….'
			WHEN 'compare' THEN 'Write the actual in the target''s unit (or one convertible to it: 元/万元/亿元, 天/月/年).'
			ELSE (c.p).hint END
  -- (the thirteen checks evaluated once per row; the row's failing ones
  -- described)
  FROM (SELECT i.*, ARRAY[
			coalesce(btrim(i.level1), '') = '',
			coalesce(btrim(i.level2), '') = '',
			coalesce(btrim(i.name), '') = '',
			i.occurrence > 1,
			(i.weight_p).sqlstate IS NULL AND coalesce(i.weight, 0) <= 0,
			(i.weight_p).sqlstate IS NOT NULL,
			(i.score_p).sqlstate IS NOT NULL,
			coalesce(i.score < 0, false),
			coalesce(i.nature, '') NOT IN ('', '定性') AND perfeval_internal.form_comparator(i.nature) IS DISTINCT FROM i.nature,
			(i.target_p).sqlstate IS NOT NULL,
			(i.actual_p).sqlstate IS NOT NULL,
			coalesce(NOT perfeval.comparable(i.tgt, i.msr), false),
			(i.method_p).sqlstate IS NOT NULL] AS bad
		  FROM i) i
 CROSS JOIN LATERAL (VALUES
		(1, 'empty', '一级指标', i.level1, '23502', NULL::perfeval_internal.parsed),
		(2, 'empty', '二级指标', i.level2, '23502', NULL),
		(3, 'empty', '三级指标', i.name, '23502', NULL),
		(4, 'twice', '三级指标', i.name, '23505', NULL),
		(5, 'weight', '分值', i.weight_text, '23514', NULL),
		(6, 'parse', '分值', i.weight_text, NULL, i.weight_p),
		(7, 'parse', '得分', i.score_text, NULL, i.score_p),
		(8, 'negative', '得分', i.score_text, '23514', NULL),
		(9, 'nature', '指标性质', i.nature, '22023', NULL),
		(10, 'parse', '指标值', i.target_raw, NULL, i.target_p),
		(11, 'parse', '实际完成值', i.actual_raw, NULL, i.actual_p),
		(12, 'compare', '实际完成值', i.actual_raw, '22023', NULL),
		(13, 'parse', '指标性质', i.method_raw, NULL, i.method_p)
	  ) AS c(n, k, col, val, st, p)
 WHERE true = ANY (i.bad) AND i.bad[c.n]
UNION ALL
-- the weights of a form add up to 100
SELECT f."项目编码", 'form_project', f.line, '分值', w.total::text, '23514',
	   format('the weights of project "%s" add up to %s, not 100', f."项目编码", w.total),
	   'The 分值 of the indicator rows and 预算执行率分值 add up to 100.'
  FROM f
  JOIN (SELECT i.project_code, sum(i.weight) AS total, bool_and(i.weight IS NOT NULL) AS complete
		  FROM i GROUP BY i.project_code) w0 ON w0.project_code = f."项目编码"
  LEFT JOIN nums er ON er.code = f."项目编码" AND er.col = '预算执行率分值'
 CROSS JOIN LATERAL (SELECT trim_scale(w0.total + coalesce((er.p).num, 0)) AS total) w
 WHERE f.nth = 1 AND w0.complete AND w.total <> 100;
END $$;

CREATE OR REPLACE FUNCTION perfeval_internal.write_forms(lo bigint, hi bigint) RETURNS void
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	-- the codes naming projects already there (import_forms()'s pe_taken;
	-- an array: Citus cannot plan a DELETE joined with a temporary table)
	taken text[] := ARRAY(SELECT t.code FROM pe_taken t JOIN pe_forms s ON s."项目编码" = t.code
						   WHERE s.ord BETWEEN lo AND hi);
BEGIN
	PERFORM perfeval_internal.refuse_load(t.code)
	   FROM pe_taken t JOIN pe_forms s ON s."项目编码" = t.code WHERE s.ord BETWEEN lo AND hi AND NOT t.may;
	DELETE FROM perfeval.project p WHERE p.project_id = ANY (taken);
	PERFORM perfeval_internal.write_rows('perfeval.project', 'project_id, name, year, division_code, department, implementing_unit, evaluation_kind, scheme_id, printed_total, printed_grade, source', $q$
	SELECT s."项目编码", btrim(s."项目名称"), btrim(s."年度")::int, btrim(s."行政区划代码"), btrim(s."主管部门"),
		   nullif(btrim(s."实施单位"), ''), perfeval_internal.form_kind(s."评价类型"),
		   coalesce(nullif(btrim(s."评分方案"), ''), 'national_self'), perfeval_internal.form_number(s."总分"),
		   nullif(btrim(s."评价等级"), ''), 'import_forms'
	  FROM pe_forms s WHERE s.ord BETWEEN $1 AND $2 ORDER BY s.ord$q$, lo, hi);
	-- the money: one line, the department's, at the fund level of the
	-- division (a county's 县区级, a prefecture's 市级, a province's 省级)
	PERFORM perfeval_internal.write_rows('perfeval.allocation', 'project_id, department, fund_level, unit, initial_budget, budget, arrived, spent', $q$
	SELECT s."项目编码", btrim(s."主管部门"),
		   CASE WHEN perfeval.division_at(btrim(s."行政区划代码"), 'county') IS NOT NULL THEN '县区级'
				WHEN perfeval.division_at(btrim(s."行政区划代码"), 'prefecture') IS NOT NULL THEN '市级' ELSE '省级' END,
		   coalesce(nullif(btrim(s."金额单位"), ''), '万元'),
		   perfeval_internal.form_number(s."年初预算数"), perfeval_internal.form_number(s."全年预算数"),
		   perfeval_internal.form_number(s."实际到位数"), perfeval_internal.form_number(s."全年执行数")
	  FROM pe_forms s
	 WHERE s.ord BETWEEN $1 AND $2
	   AND num_nonnulls(nullif(btrim(s."年初预算数"), ''), nullif(btrim(s."全年预算数"), ''),
						nullif(btrim(s."实际到位数"), ''), nullif(btrim(s."全年执行数"), '')) > 0$q$, lo, hi);
	-- the execution-rate row, from the money, first (code A11); then the
	-- indicator rows in form order
	PERFORM perfeval_internal.write_rows('perfeval.indicator', 'project_id, code, seq, level1, level2, name, weight, target, source, printed_score, method, applicable', $q$
	SELECT x.* FROM (
		SELECT s."项目编码", 'A11', 1, '预算执行指标', '预算执行指标', '预算执行率',
			   perfeval_internal.form_number(s."预算执行率分值"), '100%'::perfeval.target, 'execution_rate',
			   perfeval_internal.form_number(s."预算执行率得分"), 'proportional'::perfeval.method, true
		  FROM pe_forms s WHERE s.ord BETWEEN $1 AND $2 AND s.offs = 1
		UNION ALL
		SELECT r.project_code, r.code, r.seq, btrim(r.level1), btrim(r.level2), btrim(r.name), r.weight,
			   r.tgt, r.source, r.score,
			   coalesce(r.method_raw::perfeval.method, 'proportional'), r.applicable
		  FROM pe_forms s JOIN pe_irows r ON r.project_code = s."项目编码" WHERE s.ord BETWEEN $1 AND $2) x
	 ORDER BY 1, 3$q$, lo, hi);
	-- the actuals, reported at the year's end; a qualitative row with a
	-- printed score is judged at 得分 ÷ 分值 in the tier of that fraction
	-- (its six decimals rounded up, so that fraction × 分值 rounds or
	-- truncates back to the printed 得分, 1.12)
	PERFORM perfeval_internal.write_rows('perfeval.actual', 'project_id, code, reported_on, measure, tier, fraction, deviation_note', $q$
	SELECT r.project_code, r.code, make_date(btrim(s."年度")::int, 12, 31), r.msr, j.tier, j.fraction, r.note
	  FROM pe_forms s
	  JOIN pe_irows r ON r.project_code = s."项目编码"
	  JOIN perfeval.scheme sc ON sc.scheme_id = coalesce(nullif(btrim(s."评分方案"), ''), 'national_self')
	 CROSS JOIN LATERAL (SELECT CASE WHEN perfeval.is_qualitative(r.tgt) AND r.score IS NOT NULL
									THEN least(round(ceil(r.score * 100000000 / r.weight) / 1000000, 6), 100) END AS fraction) f0
	 CROSS JOIN LATERAL (SELECT f0.fraction,
							   CASE WHEN f0.fraction >= sc.tier_high THEN '达成' WHEN f0.fraction >= sc.tier_low THEN '部分达成'
									WHEN f0.fraction IS NOT NULL THEN '未达成' END AS tier) j
	 WHERE s.ord BETWEEN $1 AND $2 AND r.source IN ('actual', 'printed') AND num_nonnulls(r.msr, j.tier, r.note) > 0
	 ORDER BY r.project_code, r.code$q$, lo, hi);
	PERFORM perfeval_internal.write_rows('perfeval.checklist_point', 'project_id, code, point_no, description, points, deduction, reason', $q$
	SELECT c.project_code, c.code, c.point_no, c.description, c.points, c.deduction, c.reason
	  FROM pe_points c WHERE c.ord BETWEEN $1 AND $2 ORDER BY c.project_code, c.code, c.point_no$q$, lo, hi);
	PERFORM perfeval_internal.write_rows('perfeval.survey_response', 'project_id, code, option_no, option_label, respondents, coefficient', $q$
	SELECT v.project_code, v.code, v.option_no, v.option_label, v.respondents, v.coefficient
	  FROM pe_answers v WHERE v.ord BETWEEN $1 AND $2 ORDER BY v.project_code, v.code, v.option_no$q$, lo, hi);
END $$;

CREATE OR REPLACE FUNCTION perfeval.import_forms() RETURNS TABLE (project_code text, status text, indicators int, errors int)
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	t0 timestamptz := clock_timestamp();
	n bigint;
	k bigint;
	j bigint;
	st text; msg text; hnt text;
	rel text;
	again boolean;
	staging text[] := ARRAY['staged_project', 'staged_indicator', 'staged_checklist', 'staged_survey'];
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
	FOREACH rel IN ARRAY ARRAY['pe_import_forms', 'pe_irows', 'pe_forms', 'pe_points', 'pe_answers', 'pe_taken'] LOOP
		IF to_regclass('pg_temp.' || rel) IS NOT NULL THEN EXECUTE format('DROP TABLE pg_temp.%I', rel); END IF;
	END LOOP;
	CREATE TEMP TABLE pe_import_forms AS
	SELECT x.code, min(x.line) AS line FROM (
		SELECT s."项目编码" AS code, s.line FROM perfeval_internal.staged_project s
		UNION ALL SELECT s."项目编码", s.line + 1000000000 FROM perfeval_internal.staged_indicator s) x
	 GROUP BY x.code;
	-- the problems of this run replace those of earlier runs of the same forms
	codes := ARRAY(SELECT f.code FROM pe_import_forms f WHERE f.code IS NOT NULL);
	DELETE FROM perfeval.import_error e WHERE e.project_code = ANY (codes);
	IF EXISTS (SELECT FROM pe_import_forms f WHERE f.code IS NULL) THEN
		DELETE FROM perfeval.import_error e WHERE e.project_code IS NULL;
	END IF;
	-- the staged indicator rows, read once (parsed, in form order)
	CREATE TEMP TABLE pe_irows AS SELECT * FROM perfeval_internal.form_indicator_rows;
	ANALYZE pe_irows;
	INSERT INTO perfeval.import_error (project_code, relation, line, column_name, value, sqlstate, message, hint)
	SELECT p.project_code, p.relation, p.line, p.column_name, p.value, p.sqlstate, p.message, p.hint
	  FROM perfeval_internal.form_problems() p;
	-- the forms to write, numbered in form order, as they will be written
	CREATE TEMP TABLE pe_forms AS
	SELECT row_number() OVER (ORDER BY f.line, f.code) AS ord, s.*,
		   perfeval_internal.form_offs(s."预算执行率分值") AS offs
	  FROM pe_import_forms f
	  JOIN perfeval_internal.staged_project s ON s."项目编码" = f.code
	 WHERE NOT EXISTS (SELECT FROM perfeval.import_error e WHERE e.project_code = f.code);
	CREATE INDEX ON pe_forms (ord);
	-- the projects the forms replace, and whether the caller may load them:
	-- read before anything is written (on a Citus cluster the owner, who
	-- reads the scope, may not read the shards once the caller wrote them)
	CREATE TEMP TABLE pe_taken AS
	SELECT t.code, perfeval_internal.may_load(t.code) AS may
	  FROM perfeval_internal.taken_codes(ARRAY(SELECT f."项目编码" FROM pe_forms f)) t(code);
	IF EXISTS (SELECT FROM pe_forms f WHERE coalesce(btrim(f."评分方案"), '') = '')
	   AND NOT EXISTS (SELECT FROM perfeval.scheme sc WHERE sc.scheme_id = 'national_self') THEN
		PERFORM perfeval_internal.ensure_national_self();
	END IF;
	-- the forms' indicator rows, found by their form
	CREATE INDEX ON pe_irows (project_code);
	CREATE TEMP TABLE pe_points AS
	SELECT f.ord, r.project_code, r.code, row_number() OVER (PARTITION BY r.project_code, r.code ORDER BY c.line) AS point_no,
		   btrim(c."评价要点") AS description, perfeval_internal.form_number(c."要点分值") AS points,
		   coalesce(perfeval_internal.form_number(c."扣分"), 0) AS deduction, nullif(btrim(c."扣分理由"), '') AS reason
	  FROM pe_forms f
	  JOIN pe_irows r ON r.project_code = f."项目编码"
	  JOIN perfeval_internal.staged_checklist c ON c."项目编码" = r.project_code AND c."三级指标" = r.name
	 WHERE r.source = 'checklist';
	CREATE INDEX ON pe_points (ord);
	CREATE TEMP TABLE pe_answers AS
	SELECT f.ord, r.project_code, r.code,
		   coalesce(CASE WHEN btrim(v."选项") IN ('非常满意', '很满意') THEN 1 WHEN btrim(v."选项") IN ('比较满意', '满意') THEN 2
						 WHEN btrim(v."选项") IN ('一般', '一般满意', '基本满意') THEN 3
						 WHEN btrim(v."选项") IN ('较不满意', '不太满意') THEN 4 WHEN btrim(v."选项") IN ('不满意', '很不满意') THEN 5 END,
					row_number() OVER (PARTITION BY r.project_code, r.code ORDER BY v.line)) AS option_no,
		   btrim(v."选项") AS option_label, perfeval_internal.form_number(v."人数")::int AS respondents,
		   perfeval_internal.form_number(v."系数") AS coefficient
	  FROM pe_forms f
	  JOIN pe_irows r ON r.project_code = f."项目编码"
	  JOIN perfeval_internal.staged_survey v ON v."项目编码" = r.project_code AND v."三级指标" = r.name
	 WHERE r.source = 'survey';
	CREATE INDEX ON pe_answers (ord);
	ANALYZE pe_forms, pe_points, pe_answers;
	SELECT count(*) INTO n FROM pe_forms;
	k := 1;
	WHILE k <= n LOOP
		BEGIN
			PERFORM perfeval_internal.write_forms(k, k + 9999);
		EXCEPTION WHEN integrity_constraint_violation OR data_exception OR insufficient_privilege THEN
			FOR j IN k .. least(k + 9999, n) LOOP
				BEGIN
					PERFORM perfeval_internal.write_forms(j, j);
				EXCEPTION WHEN integrity_constraint_violation OR data_exception OR insufficient_privilege THEN
					GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT, hnt = PG_EXCEPTION_HINT;
					INSERT INTO perfeval.import_error (project_code, relation, line, column_name, value, sqlstate, message, hint)
					SELECT f."项目编码", 'form_project', f.line, NULL, NULL, st, msg, nullif(hnt, '')
					  FROM pe_forms f WHERE f.ord = j;
				END;
			END LOOP;
		END;
		IF n >= 10000 THEN
			RAISE NOTICE 'import_forms: % of % forms written, % forms/s', least(k + 9999, n), n,
				round(least(k + 9999, n) / greatest(extract(epoch FROM clock_timestamp() - t0), 0.001));
		END IF;
		k := k + 10000;
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
	  LEFT JOIN (SELECT w."项目编码" AS k, (w.offs + (SELECT count(*) FROM pe_irows r
						 WHERE r.project_code = w."项目编码"))::int AS n FROM pe_forms w) wi ON wi.k = f.code
	 ORDER BY f.line, f.code;
	DROP TABLE pe_import_forms, pe_irows, pe_forms, pe_points, pe_answers, pe_taken;
END $$;
