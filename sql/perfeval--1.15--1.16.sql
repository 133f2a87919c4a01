-- perfeval 1.15 -> 1.16: real forms go in (issue 26).
-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION perfeval UPDATE TO '1.16'" to load this file. \quit

-- Blocks, each named by what it brings; the rules themselves ship in the
-- library (src/pe_form.c, src/pe_csv.c), so most blocks only declare.

-- == import speed ==
-- The kept state of a chunk of imported forms once, at the end of its
-- writes (src/keep.c, deferred keeping): bulk_insert() between keep_later()
-- and keep_now() only notes the projects it wrote; write_forms() calls the
-- two around its writes.  (The recompute statements themselves are in the
-- library.)
CREATE FUNCTION perfeval_internal.keep_later() RETURNS void
	LANGUAGE C VOLATILE AS 'MODULE_PATHNAME', 'pe_keep_later';
CREATE FUNCTION perfeval_internal.keep_now() RETURNS bigint
	LANGUAGE C VOLATILE AS 'MODULE_PATHNAME', 'pe_keep_now';
COMMENT ON FUNCTION perfeval_internal.keep_later() IS '此后批量写入只记下所写项目，由 keep_now() 一次维护其状态（导入） / From now on bulk_insert() only notes the projects it writes, whose kept state keep_now() then maintains at once (the import)';
COMMENT ON FUNCTION perfeval_internal.keep_now() IS '一次加锁并重算 keep_later() 以来批量写入的项目状态，返回项目数 / Locks once and recomputes the kept state of the projects bulk_insert() wrote since keep_later(); returns how many';
CREATE OR REPLACE FUNCTION perfeval_internal.write_forms(lo bigint, hi bigint) RETURNS void
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	-- the codes naming projects already there (import_forms()'s pe_taken;
	-- an array: Citus cannot plan a DELETE joined with a temporary table)
	taken text[] := ARRAY(SELECT t.code FROM pe_taken t JOIN pe_forms s ON s."项目编码" = t.code
						   WHERE s.ord BETWEEN lo AND hi);
BEGIN
	-- (the kept state of the chunk's projects once, at the end)
	PERFORM perfeval_internal.keep_later();
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
	PERFORM perfeval_internal.keep_now();
END $$;

-- == last: every view a security barrier, after every block above ==
-- (CREATE OR REPLACE VIEW resets a view's options)
SELECT perfeval_internal.seal_views();
