-- perfeval 1.1 -> 1.2: the totals add up scores with one aggregate,
-- sum_scores(), instead of five, so row_points() is evaluated once per row
-- (docs/benchmarks.md).  Nothing stored changes.

\echo Use "ALTER EXTENSION perfeval UPDATE TO '1.2'" to load this file. \quit

-- Section 26 as in 1.2.
-- What sum_scores() gives a group of indicator rows.
CREATE TYPE perfeval.scores_summed AS (
	indicators bigint,	-- rows
	applicable bigint,	-- rows that apply
	weight numeric,		-- their weight; NULL for none
	score numeric		-- their score; NULL unless every one has points, and for none
);

CREATE FUNCTION perfeval.sum_scores_trans(internal, points bigint, applicable boolean, weight numeric)
	RETURNS internal
	AS 'MODULE_PATHNAME', 'pe_sum_scores_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION perfeval.sum_scores_combine(internal, internal) RETURNS internal
	AS 'MODULE_PATHNAME', 'pe_sum_scores_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION perfeval.sum_scores_serial(internal) RETURNS bytea
	AS 'MODULE_PATHNAME', 'pe_sum_scores_serial' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.sum_scores_deserial(bytea, internal) RETURNS internal
	AS 'MODULE_PATHNAME', 'pe_sum_scores_deserial' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.sum_scores_final(internal) RETURNS perfeval.scores_summed
	AS 'MODULE_PATHNAME', 'pe_sum_scores_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;

-- One aggregate instead of count(*), sum(weight) FILTER (WHERE applicable),
-- count(points), sum(points) and bool_and(applicable): row_points(), its
-- argument, is then evaluated once per row.  Points of rows that do not
-- apply are ignored.
CREATE AGGREGATE perfeval.sum_scores(points bigint, applicable boolean, weight numeric) (
	SFUNC = perfeval.sum_scores_trans,
	STYPE = internal,
	SSPACE = 64,
	COMBINEFUNC = perfeval.sum_scores_combine,
	SERIALFUNC = perfeval.sum_scores_serial,
	DESERIALFUNC = perfeval.sum_scores_deserial,
	FINALFUNC = perfeval.sum_scores_final,
	PARALLEL = SAFE
);

COMMENT ON TYPE perfeval.scores_summed IS '一组指标的合计：行数、适用行数、分值、得分 / A group of indicator rows summed: rows, applicable rows, their weight and score';
COMMENT ON COLUMN perfeval.scores_summed.indicators IS '指标行数 / Rows';
COMMENT ON COLUMN perfeval.scores_summed.applicable IS '适用的指标行数 / Rows that apply';
COMMENT ON COLUMN perfeval.scores_summed.weight IS '适用指标的分值合计 / Weight of the rows that apply';
COMMENT ON COLUMN perfeval.scores_summed.score IS '适用指标的得分合计；有未能计分者为空 / Score of the rows that apply; NULL if one has no score';
COMMENT ON AGGREGATE perfeval.sum_scores(bigint, boolean, numeric) IS '汇总指标得分（row_points()）、分值与行数 / Sums row_points(), weights and rows of a group of indicators';
COMMENT ON FUNCTION perfeval.sum_scores_trans(internal, bigint, boolean, numeric) IS 'sum_scores() 的状态转移（内部） / sum_scores() transition (internal)';
COMMENT ON FUNCTION perfeval.sum_scores_combine(internal, internal) IS 'sum_scores() 的并行合并（内部） / sum_scores() combine (internal)';
COMMENT ON FUNCTION perfeval.sum_scores_serial(internal) IS 'sum_scores() 的状态序列化（内部） / sum_scores() state serialization (internal)';
COMMENT ON FUNCTION perfeval.sum_scores_deserial(bytea, internal) IS 'sum_scores() 的状态反序列化（内部） / sum_scores() state deserialization (internal)';
COMMENT ON FUNCTION perfeval.sum_scores_final(internal) IS 'sum_scores() 的结果（内部） / sum_scores() result (internal)';

-- The level and project totals over sum_scores() (section 50).
CREATE OR REPLACE FUNCTION perfeval.level2_scores_as_of(as_of date)
	RETURNS TABLE (project_id text, level1 text, level2 text, seq int, indicators bigint,
				   weight numeric, score numeric, score_rate numeric)
	LANGUAGE sql STABLE PARALLEL SAFE
	BEGIN ATOMIC
	SELECT g.project_id, g.level1, g.level2, g.seq, (g.t).indicators, (g.t).weight, (g.t).score,
		   perfeval.rate((g.t).score, (g.t).weight)
	  FROM (SELECT x.project_id, x.level1, x.level2, min(x.seq) AS seq,
				   perfeval.sum_scores(x.points, x.applicable, x.weight) AS t
			  FROM perfeval.indicator_points_as_of(as_of) x
			 WHERE x.applicable
			 GROUP BY x.project_id, x.level1, x.level2) g;
	END;

CREATE OR REPLACE FUNCTION perfeval.level1_scores_as_of(as_of date)
	RETURNS TABLE (project_id text, level1 text, seq int, indicators bigint,
				   weight numeric, score numeric, score_rate numeric)
	LANGUAGE sql STABLE PARALLEL SAFE
	BEGIN ATOMIC
	SELECT g.project_id, g.level1, g.seq, (g.t).indicators, (g.t).weight, (g.t).score,
		   perfeval.rate((g.t).score, (g.t).weight)
	  FROM (SELECT x.project_id, x.level1, min(x.seq) AS seq,
				   perfeval.sum_scores(x.points, x.applicable, x.weight) AS t
			  FROM perfeval.indicator_points_as_of(as_of) x
			 WHERE x.applicable
			 GROUP BY x.project_id, x.level1) g;
	END;

CREATE OR REPLACE FUNCTION perfeval.project_scores_as_of(as_of date)
	RETURNS TABLE (project_id text, name text, year int, division_code text,
				   department text, evaluation_kind text, scheme_id text,
				   indicators bigint, weight numeric, total numeric, grade text,
				   printed_total numeric, printed_grade text, difference numeric,
				   grade_agrees boolean, final_score numeric, final_grade text)
	LANGUAGE sql STABLE PARALLEL SAFE
	BEGIN ATOMIC
	SELECT p.project_id, p.name, p.year, p.division_code, p.department, p.evaluation_kind,
		   p.scheme_id, coalesce(t.indicators, 0), t.weight, t.total,
		   perfeval.grade(t.total, s.grade_scale), p.printed_total, p.printed_grade,
		   trim_scale(t.total - p.printed_total),
		   starts_with(p.printed_grade, perfeval.grade(coalesce(t.total, p.printed_total), s.grade_scale)),
		   coalesce(t.total, p.printed_total),
		   perfeval.grade(coalesce(t.total, p.printed_total), s.grade_scale)
	  FROM perfeval.project p
	  JOIN perfeval.scheme s ON s.scheme_id = p.scheme_id
	  -- the score is NULL unless every applicable indicator has one
	  LEFT JOIN (SELECT x.project_id,
						perfeval.sum_scores(x.points, x.applicable, x.weight) AS t
				   FROM perfeval.indicator_points_as_of(as_of) x
				  GROUP BY x.project_id) t0 ON t0.project_id = p.project_id
	  CROSS JOIN LATERAL (SELECT (t0.t).indicators, (t0.t).weight,
								 perfeval.scheme_round(CASE WHEN (t0.t).applicable = (t0.t).indicators
										THEN (t0.t).score
										ELSE (t0.t).score * 100 / (t0.t).weight END,
									s.decimals, s.round_offset) AS total) t;
	END;

-- A money or survey indicator whose target is not a percentage (section 50):
-- no completion and no score, and an incomparable_units finding, instead of
-- an error that stopped every query over the warehouse.
CREATE OR REPLACE FUNCTION perfeval.indicator_scores_as_of(as_of date)
	RETURNS TABLE (project_id text, code text, seq int, level1 text, level2 text,
				   name text, weight numeric, applicable boolean, source text,
				   target text, actual text, reported_on date, tier text,
				   fraction numeric, deviation_note text, completion numeric,
				   score numeric, score_rate numeric, printed_score numeric,
				   explanation text, problem text, over_threshold numeric)
	LANGUAGE sql STABLE PARALLEL SAFE
	BEGIN ATOMIC
	SELECT i.project_id, i.code, i.seq, i.level1, i.level2, i.name, i.weight,
		   i.applicable, i.source, i.target::text,
		   coalesce(a.measure::text, perfeval.num_text(r.rate) || '%'), a.reported_on,
		   a.tier, a.fraction, a.deviation_note, c.completion,
		   f.score, perfeval.rate(f.score, i.weight), i.printed_score,
		   CASE
			   WHEN NOT i.applicable THEN
				   '不适用：不计分，项目总分按其余指标权重折算为100分'
			   WHEN f.score IS NULL THEN '无法计分：' || CASE c.problem
				   WHEN 'missing_actual' THEN '未录入实际完成值'
				   WHEN 'missing_target' THEN '未设定指标值'
				   WHEN 'unjudged_qualitative' THEN '定性指标未评判达成档次'
				   WHEN 'incomparable_units' THEN '指标值与实际值单位不可比'
				   WHEN 'judgement_out_of_band' THEN '评判比例不在所评档次区间内'
				   WHEN 'missing_responses' THEN '无满意度调查样本'
				   WHEN 'missing_money' THEN '无资金数据或预算为零'
				   ELSE '数据不全' END
			   WHEN i.source = 'checklist' THEN
				   CASE WHEN coalesce(i.deducted, 0) = 0 THEN
						'按评价要点评分，未扣分，得满分' || perfeval.num_text(i.weight) || '分'
					ELSE '按评价要点评分，扣' || perfeval.num_text(i.deducted) || '分（'
						|| (SELECT string_agg(cp.description || '：' || coalesce(cp.reason, '未说明理由'), '；'
											  ORDER BY cp.point_no)
							  FROM perfeval.checklist_point cp
							 WHERE cp.project_id = i.project_id AND cp.code = i.code AND cp.deduction > 0)
						|| '），得分=' || perfeval.num_text(i.weight) || '−'
						|| perfeval.num_text(i.deducted) || '=' || perfeval.num_text(f.score) || '分'
				   END
			   WHEN a.tier IS NOT NULL THEN
				   '定性指标，指标值“' || coalesce(i.target::text, '') || '”，实际完成“'
				   || coalesce(a.measure::text, '') || '”，评价为' || a.tier || '，按'
				   || perfeval.num_text(a.fraction) || '%计，得分=' || perfeval.num_text(i.weight)
				   || '×' || perfeval.num_text(a.fraction) || '%=' || perfeval.num_text(f.score) || '分'
			   ELSE
				   CASE i.source
					   -- an option without its own coefficient takes the scheme's
					   WHEN 'survey' THEN (SELECT '满意度=(' || string_agg(sr.respondents || '×'
								   || coalesce(perfeval.num_text(coalesce(sr.coefficient,
										  s.satisfaction_coefficients[sr.option_no])), '?'), '+' ORDER BY sr.option_no)
								   || ')÷' || sum(sr.respondents)
							 FROM perfeval.survey_response sr
							WHERE sr.project_id = i.project_id AND sr.code = i.code)
						   || '=' || perfeval.pct_text(r.rate) || '，'
					   WHEN 'arrival_rate' THEN '资金到位率=实际到位' || perfeval.num_text(p.money_arrived)
						   || '万元÷全年预算' || perfeval.num_text(p.money_budget) || '万元='
						   || perfeval.pct_text(r.rate) || '，'
					   WHEN 'execution_rate' THEN '预算执行率=全年执行' || perfeval.num_text(p.money_spent)
						   || '万元÷' || CASE s.execution_base WHEN 'budget' THEN '全年预算'
							   || perfeval.num_text(p.money_budget) WHEN 'initial' THEN '年初预算'
							   || perfeval.num_text(p.money_initial_budget) ELSE '实际到位'
							   || perfeval.num_text(p.money_arrived) END
						   || '万元=' || perfeval.pct_text(r.rate) || '，'
					   ELSE '' END
				   || CASE
					   WHEN i.target IS NULL THEN ''
					   WHEN perfeval.comparator(i.target) IN ('≤', '<') THEN
						   '实际完成值' || coalesce(a.measure::text, perfeval.num_text(r.rate) || '%')
						   || '，指标值' || i.target::text
						   || CASE WHEN c.completion >= 100 THEN '，' ELSE '，指标完成率='
							   || perfeval.pct_text(c.completion) || '，' END
					   ELSE '指标完成率=' || perfeval.num_text(coalesce(r.rate, perfeval.amount(a.measure)))
						   || CASE WHEN r.rate IS NULL
								   AND perfeval.unit(a.measure) <> perfeval.unit(i.target)
								   AND perfeval.unit(i.target) <> '' AND perfeval.unit(a.measure) <> ''
								   THEN perfeval.unit(a.measure) ELSE '' END
						   || '÷' || perfeval.num_text(perfeval.amount(i.target))
						   || CASE WHEN r.rate IS NULL
								   AND perfeval.unit(a.measure) <> perfeval.unit(i.target)
								   AND perfeval.unit(i.target) <> '' AND perfeval.unit(a.measure) <> ''
								   THEN perfeval.unit(i.target) ELSE '' END
						   || '=' || perfeval.pct_text(c.completion) || '，' END
				   || perfeval.score_text(c.completion, i.weight, f.score, i.method)
		   END,
		   CASE WHEN i.applicable AND f.score IS NULL THEN c.problem END,
		   s.over_threshold
	  FROM perfeval.indicator i
	  -- the latest actual is kept on the indicator row (section 45); an
	  -- earlier date reads the facts.  as_of is a constant in the views, so
	  -- the CASEs fold to the kept columns and the planner removes the join
	  -- (nothing reads h).
	  LEFT JOIN perfeval.actual_as_of(as_of) h
			 ON h.project_id = i.project_id AND h.code = i.code
	  CROSS JOIN LATERAL (SELECT
			CASE WHEN as_of = 'infinity' THEN i.actual_on ELSE h.reported_on END AS reported_on,
			CASE WHEN as_of = 'infinity' THEN i.actual_measure ELSE h.measure END AS measure,
			CASE WHEN as_of = 'infinity' THEN i.actual_tier ELSE h.tier END AS tier,
			CASE WHEN as_of = 'infinity' THEN i.actual_fraction ELSE h.fraction END AS fraction,
			CASE WHEN as_of = 'infinity' THEN i.actual_note ELSE h.deviation_note END AS deviation_note) a
	  JOIN perfeval.project p ON p.project_id = i.project_id
	  JOIN perfeval.scheme s ON s.scheme_id = p.scheme_id
	  -- the rate an indicator takes from money or a survey (kept, section 45)
	  CROSS JOIN LATERAL (SELECT i.rate, (i.rate::text || '%')::perfeval.measure AS rate_pct) r
	  CROSS JOIN LATERAL (SELECT
			CASE
				WHEN i.source = 'checklist' OR NOT i.applicable THEN NULL
				WHEN a.tier IS NOT NULL THEN a.fraction
				WHEN i.source = 'actual' THEN
					CASE WHEN perfeval.comparable(i.target, a.measure)
						 THEN perfeval.completion(i.target, a.measure, s.reverse_rule) END
				WHEN i.target IS NULL THEN r.rate
				WHEN perfeval.comparable(i.target, r.rate_pct)
				THEN perfeval.completion(i.target, r.rate_pct, s.reverse_rule) END AS completion,
			CASE
				WHEN i.source = 'checklist' THEN NULL
				WHEN a.tier IS NOT NULL THEN 'judgement_out_of_band'
				WHEN i.source = 'survey' AND r.rate IS NULL THEN 'missing_responses'
				WHEN i.source IN ('arrival_rate', 'execution_rate') AND r.rate IS NULL THEN 'missing_money'
				WHEN i.source = 'actual' AND a.measure IS NULL THEN 'missing_actual'
				WHEN i.target IS NULL AND i.source = 'actual' THEN 'missing_target'
				WHEN perfeval.is_qualitative(a.measure) OR perfeval.is_qualitative(i.target) THEN 'unjudged_qualitative'
				WHEN i.source = 'actual' AND NOT perfeval.comparable(i.target, a.measure) THEN 'incomparable_units'
				WHEN i.source <> 'actual' AND NOT perfeval.comparable(i.target, r.rate_pct) THEN 'incomparable_units'
				ELSE 'unscorable' END AS problem) c
	  -- the score in one call, for any source (its SQL form is in
	  -- test/sql/rowscore.sql, which checks that the two agree)
	  CROSS JOIN LATERAL (SELECT perfeval.row_score(i.weight, i.applicable, i.source, i.target,
			a.measure, a.tier, a.fraction, i.method, i.deducted, i.rate,
			s.reverse_rule, s.decimals, s.rounding, s.tier_high, s.tier_low)
			AS score) f;
	END;

-- findings (section 60): one branch per indicator kind instead of a lateral
-- VALUES list, whose expressions were compiled again for every row,
-- and the printed total and grade from one pass over project_scores.
CREATE OR REPLACE VIEW perfeval.findings AS
-- a project whose total cannot be computed at all
SELECT p.project_id, NULL::text AS code, 'no_indicators' AS kind,
	   '未录入三级指标，无法计算总分' || coalesce('；报告总分' || p.printed_total::text
		   || '未经核验', '') AS detail
  FROM perfeval.project p
 WHERE NOT EXISTS (SELECT FROM perfeval.indicator i WHERE i.project_id = p.project_id)
UNION ALL
SELECT i.project_id, NULL, 'weights_total',
	   '三级指标权重合计' || perfeval.num_text(sum(i.weight)) || '分，不等于100分'
  FROM perfeval.indicator i
 GROUP BY i.project_id
HAVING sum(i.weight) <> 100
UNION ALL
-- the printed total and grade, from one pass over project_scores
SELECT ps.project_id, NULL, k.kind, k.detail
  FROM perfeval.project_scores ps
 CROSS JOIN LATERAL unnest(
	   ARRAY['printed_total', 'printed_grade'],
	   ARRAY[
		CASE WHEN ps.difference <> 0 THEN
			'报告总分' || ps.printed_total::text || '分，按指标计算应为'
			|| perfeval.num_text(ps.total) || '分（差' || perfeval.num_text(ps.total - ps.printed_total) || '分）' END,
		CASE WHEN NOT ps.grade_agrees THEN
			'报告等级“' || ps.printed_grade || '”，' || perfeval.num_text(ps.final_score)
			|| '分按方案' || ps.scheme_id || '应为“' || ps.final_grade || '”' END]) AS k(kind, detail)
 WHERE (ps.difference <> 0 OR NOT ps.grade_agrees) AND k.detail IS NOT NULL
UNION ALL
-- per indicator, one branch per kind, each filtering on its own condition
-- (a lateral list of the four kinds made four rows of every indicator row and,
-- as a VALUES list, compiled its expressions again for each: 37 s a year)
SELECT x.project_id, x.code, 'printed_score',
	   x.name || '：报告得分' || x.printed_score::text || '分，按输入应得'
	   || perfeval.num_text(x.score) || '分（分值' || perfeval.num_text(x.weight) || '分）'
  FROM perfeval.indicator_scores_as_of('infinity') x
 WHERE x.printed_score <> x.score
UNION ALL
SELECT x.project_id, x.code, 'over_achievement',
	   x.name || '：指标完成率' || perfeval.pct_text(x.completion) || '，超过' || perfeval.num_text(x.over_threshold)
	   || '%，未说明偏差原因（指标值可能偏低）'
  FROM perfeval.indicator_scores_as_of('infinity') x
 WHERE x.completion >= x.over_threshold AND x.deviation_note IS NULL
UNION ALL
SELECT x.project_id, x.code, 'shortfall',
	   x.name || '：指标完成率' || perfeval.pct_text(x.completion) || '，未完成指标值，未说明偏差原因'
  FROM perfeval.indicator_scores_as_of('infinity') x
 WHERE x.completion < 100 AND x.deviation_note IS NULL
UNION ALL
SELECT x.project_id, x.code, x.problem, x.name || '：' || CASE x.problem
		WHEN 'missing_actual' THEN '未录入实际完成值，无法计分'
		WHEN 'missing_target' THEN '未设定指标值，无法计分'
		WHEN 'unjudged_qualitative' THEN '定性指标（指标值“' || coalesce(x.target, '') || '”，实际“'
			|| coalesce(x.actual, '') || '”）未评判达成档次，无法计分'
		WHEN 'incomparable_units' THEN '指标值' || x.target || '与实际值' || x.actual || '单位不可比，无法计分'
		WHEN 'judgement_out_of_band' THEN '评判为' || x.tier || '，比例' || perfeval.num_text(x.fraction)
			|| '%不在该档区间内，无法计分'
		WHEN 'missing_responses' THEN '无满意度调查样本或选项缺少系数，无法计分'
		WHEN 'missing_money' THEN '无资金数据或比率分母为零，无法计分'
		ELSE '数据不全，无法计分' END
  FROM perfeval.indicator_scores_as_of('infinity') x
 WHERE x.problem IS NOT NULL
UNION ALL
SELECT i.project_id, i.code, 'checklist_points',
	   i.name || '：' || CASE WHEN count(cp.points) < count(*) THEN '部分评价要点未列分值'
		   ELSE '评价要点分值合计' || perfeval.num_text(sum(cp.points)) || '分，不等于指标分值'
			   || perfeval.num_text(i.weight) || '分' END
  FROM perfeval.indicator i
  JOIN perfeval.checklist_point cp ON cp.project_id = i.project_id AND cp.code = i.code
 GROUP BY i.project_id, i.code, i.name, i.weight
HAVING count(cp.points) > 0 AND (count(cp.points) < count(*) OR sum(cp.points) <> i.weight)
UNION ALL
SELECT a.project_id, NULL, 'spent_above_arrived',
	   a.department || '（' || a.fund_level || '）：全年执行' || perfeval.num_text(a.spent) || a.unit
	   || '超过实际到位' || perfeval.num_text(a.arrived) || a.unit
  FROM perfeval.allocation a
 WHERE a.spent > a.arrived
UNION ALL
SELECT a.project_id, NULL, 'zero_budget',
	   a.department || '（' || a.fund_level || '）：全年预算为0'
	   || CASE WHEN a.arrived > 0 OR a.spent > 0 THEN '，但有到位或执行资金' ELSE '' END
  FROM perfeval.allocation a
 WHERE a.budget = 0;

-- Kept columns refused to hand-written UPDATEs (section 45); refresh_state()
-- says it is keeping them.
ALTER FUNCTION perfeval.refresh_state() SET perfeval.keeping_state = 'on';

-- The kept columns follow the facts: a statement that writes them by hand
-- would leave the scores disagreeing with the facts until the facts next
-- change, so it is refused, as PostgreSQL refuses a write to a generated
-- column.  perfeval's own triggers write them from inside a trigger (depth 1)
-- and refresh_state() sets perfeval.keeping_state; the triggers' WHEN clause
-- keeps the function off those rows.  INSERTs are not checked: a restore
-- writes the kept columns as they were dumped.
CREATE FUNCTION perfeval.refuse_kept_edit() RETURNS trigger
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
	changed text;
	row_key text := to_jsonb(NEW) ->> 'project_id' || coalesce(' ' || (to_jsonb(NEW) ->> 'code'), '');
BEGIN
	-- TG_ARGV: the kept columns, as the trigger's UPDATE OF lists them
	SELECT string_agg(n.key, ', ' ORDER BY n.key) INTO changed
	  FROM jsonb_each(to_jsonb(NEW)) n
	  JOIN jsonb_each(to_jsonb(OLD)) o ON o.key = n.key
	 WHERE n.key = ANY (TG_ARGV) AND n.value IS DISTINCT FROM o.value;
	IF changed IS NOT NULL THEN
		RAISE EXCEPTION 'cannot write % of perfeval.% by hand', changed, TG_TABLE_NAME
			USING ERRCODE = 'generated_always',
				  DETAIL = format('Row %s: perfeval keeps %s from the facts (actual, checklist_point, survey_response, allocation).',
								  row_key, array_to_string(TG_ARGV, ', ')),
				  HINT = 'Change the facts instead, or run SELECT perfeval.refresh_state() to recompute every kept column.';
	END IF;
	RETURN NEW;
END
$$;

CREATE TRIGGER indicator_kept_columns BEFORE UPDATE OF actual_on, actual_measure, actual_tier,
		actual_fraction, actual_note, deducted, rate ON perfeval.indicator
	FOR EACH ROW
	WHEN (pg_trigger_depth() = 0 AND current_setting('perfeval.keeping_state', true) IS DISTINCT FROM 'on')
	EXECUTE FUNCTION perfeval.refuse_kept_edit('actual_on', 'actual_measure', 'actual_tier',
		'actual_fraction', 'actual_note', 'deducted', 'rate');
CREATE TRIGGER project_kept_columns BEFORE UPDATE OF allocations, money_initial_budget, money_budget,
		money_arrived, money_spent ON perfeval.project
	FOR EACH ROW
	WHEN (pg_trigger_depth() = 0 AND current_setting('perfeval.keeping_state', true) IS DISTINCT FROM 'on')
	EXECUTE FUNCTION perfeval.refuse_kept_edit('allocations', 'money_initial_budget', 'money_budget',
		'money_arrived', 'money_spent');

COMMENT ON FUNCTION perfeval.refuse_kept_edit() IS '拒绝手工改写所维护的列（触发器） / Refuses a hand-written change to a kept column (trigger)';

-- A money or survey indicator's target must compare with a percentage
-- (section 40).  No working 1.1 warehouse holds one that does not: every
-- whole-warehouse query raised 22023 on it.
ALTER TABLE perfeval.indicator ADD CONSTRAINT indicator_rate_target_percent
	CHECK (source NOT IN ('survey', 'arrival_rate', 'execution_rate')
		OR target IS NULL OR perfeval.comparable(target, '0%'::perfeval.measure));
