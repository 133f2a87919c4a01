-- Section 50: the warehouse views (the read contract).
--
-- Every view is plain SQL over plain column types, so the planner inlines it
-- into the caller's query (filters on project_id reach the indexes) and any
-- BI tool can read it.  The "as of" forms are SQL set-returning functions
-- that the planner inlines the same way; each view is its function at
-- 'infinity'.

-- Helpers: tiny SQL expressions, inlined by the planner.  Not STRICT on
-- purpose: PostgreSQL does not inline a STRICT SQL function whose body is not
-- strict (a CASE), and a call per row costs far more than the expression.
-- A NULL argument still gives NULL.

-- Round a non-negative score as its scheme says: x + round_offset truncated
-- (x appears once, so the planner inlines the call).
CREATE FUNCTION perfeval.scheme_round(x numeric, decimals int, round_offset numeric) RETURNS numeric
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN trim_scale(trunc(x + round_offset, decimals));

CREATE FUNCTION perfeval.wanyuan(amount numeric, unit text) RETURNS numeric
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN CASE unit WHEN '万元' THEN amount WHEN '元' THEN amount * 0.0001
		WHEN '亿元' THEN amount * 10000 END;

CREATE FUNCTION perfeval.execution_rate(spent numeric, arrived numeric, budget numeric,
		initial_budget numeric, base text) RETURNS numeric
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN perfeval.rate(spent, CASE base WHEN 'budget' THEN budget
		WHEN 'initial' THEN initial_budget ELSE arrived END);

-- A number as a working paper writes it: 2855.55, 100, 0.3.
CREATE FUNCTION perfeval.num_text(x numeric) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN trim_scale(x)::text;

-- A percentage as a working paper writes it: 105.26%.
CREATE FUNCTION perfeval.pct_text(x numeric) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN trim_scale(round(x, 2))::text || '%';

-- The end of an explanation: how a completion rate became a score.
CREATE FUNCTION perfeval.score_text(completion numeric, weight numeric, score numeric,
		method perfeval.method) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN CASE
		WHEN completion >= 100 AND score = weight THEN
			CASE WHEN completion > 100 THEN '超过指标值' ELSE '达到指标值' END
			|| '，得满分' || perfeval.num_text(weight) || '分'
		WHEN method::text = 'proportional' THEN
			'未达到指标值，得分=' || perfeval.num_text(weight) || '×'
			|| perfeval.pct_text(completion) || '=' || perfeval.num_text(score) || '分'
		ELSE '未达到指标值，按评分方法' || method::text || '得'
			|| perfeval.num_text(score) || '分' END;

-- Money per project, in 万元, with the rates its scheme defines (the sums
-- are kept on the project row, section 45; a project without allocation
-- rows has no money row).
CREATE VIEW perfeval.project_money AS
SELECT p.project_id, p.money_initial_budget AS initial_budget, p.money_budget AS budget,
	   p.money_arrived AS arrived, p.money_spent AS spent,
	   p.money_arrived - p.money_spent AS balance,
	   perfeval.rate(p.money_arrived, p.money_budget) AS arrival_rate,
	   perfeval.execution_rate(p.money_spent, p.money_arrived, p.money_budget,
							   p.money_initial_budget, s.execution_base) AS execution_rate,
	   s.execution_base
  FROM perfeval.project p
  JOIN perfeval.scheme s ON s.scheme_id = p.scheme_id
 WHERE p.allocations > 0;

-- The latest actual of each indicator reported on or before a date.
CREATE FUNCTION perfeval.actual_as_of(as_of date)
	RETURNS TABLE (project_id text, code text, reported_on date, measure perfeval.measure,
				   tier text, fraction numeric, deviation_note text)
	LANGUAGE sql STABLE PARALLEL SAFE
	BEGIN ATOMIC
	SELECT DISTINCT ON (a.project_id, a.code)
		   a.project_id, a.code, a.reported_on, a.measure, a.tier, a.fraction,
		   a.deviation_note
	  FROM perfeval.actual a
	 WHERE a.reported_on <= as_of
	 ORDER BY a.project_id, a.code, a.reported_on DESC;
	END;

CREATE VIEW perfeval.latest_actual AS
SELECT project_id, code, reported_on, measure::text AS measure, tier, fraction, deviation_note
  FROM perfeval.actual_as_of('infinity');

-- Per indicator: completion, score and a working-paper explanation, with the
-- actuals known on a date.  Columns after "explanation" serve the findings.
CREATE FUNCTION perfeval.indicator_scores_as_of(as_of date)
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

CREATE VIEW perfeval.indicator_scores AS
SELECT project_id, code, seq, level1, level2, name, weight, applicable, source, target,
	   actual, reported_on, tier, fraction, deviation_note, completion, score,
	   score_rate, printed_score, explanation
  FROM perfeval.indicator_scores_as_of('infinity');

-- Per indicator, only what the totals need: the weight and the score as
-- row_points() (the score times 10^6, a bigint), with the actuals known on a
-- date.  The level and project totals add these: a bigint sum is exact and
-- several times cheaper than a numeric one over millions of rows.
CREATE FUNCTION perfeval.indicator_points_as_of(as_of date)
	RETURNS TABLE (project_id text, code text, seq int, level1 text, level2 text,
				   weight numeric, applicable boolean, points bigint)
	LANGUAGE sql STABLE PARALLEL SAFE
	BEGIN ATOMIC
	SELECT i.project_id, i.code, i.seq, i.level1, i.level2, i.weight, i.applicable,
		   perfeval.row_points(i.weight, i.applicable, i.source, i.target, a.measure, a.tier,
			   a.fraction, i.method, i.deducted, i.rate, s.reverse_rule, s.decimals, s.rounding,
			   s.tier_high, s.tier_low)
	  FROM perfeval.indicator i
	  -- as in indicator_scores_as_of: the kept actual, or the facts on an earlier date
	  LEFT JOIN perfeval.actual_as_of(as_of) h
			 ON h.project_id = i.project_id AND h.code = i.code
	  CROSS JOIN LATERAL (SELECT
			CASE WHEN as_of = 'infinity' THEN i.actual_measure ELSE h.measure END AS measure,
			CASE WHEN as_of = 'infinity' THEN i.actual_tier ELSE h.tier END AS tier,
			CASE WHEN as_of = 'infinity' THEN i.actual_fraction ELSE h.fraction END AS fraction) a
	  JOIN perfeval.project p ON p.project_id = i.project_id
	  JOIN perfeval.scheme s ON s.scheme_id = p.scheme_id;
	END;

-- Per project and level 2, per project and level 1.  A level with an
-- indicator that cannot be scored has no score (NULL), never a partial sum.
CREATE FUNCTION perfeval.level2_scores_as_of(as_of date)
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

CREATE FUNCTION perfeval.level1_scores_as_of(as_of date)
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

CREATE VIEW perfeval.level2_scores AS
SELECT * FROM perfeval.level2_scores_as_of('infinity');
CREATE VIEW perfeval.level1_scores AS
SELECT * FROM perfeval.level1_scores_as_of('infinity');

-- Per project: the total (sum of the rounded indicator scores, rescaled to
-- 100 when indicators do not apply), its grade, and the printed figures.
CREATE FUNCTION perfeval.project_scores_as_of(as_of date)
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

CREATE VIEW perfeval.project_scores AS
SELECT * FROM perfeval.project_scores_as_of('infinity');

-- Money per project × department × fund level, with subtotals per
-- department and per fund level and the project total, in 万元.
CREATE VIEW perfeval.allocation_summary AS
SELECT g.project_id,
	   CASE g.grp WHEN 0 THEN '明细' WHEN 1 THEN '部门小计' WHEN 2 THEN '级次小计'
		   ELSE '合计' END AS row_kind,
	   g.department, g.fund_level, g.initial_budget, g.budget, g.arrived, g.spent,
	   g.arrived - g.spent AS balance,
	   perfeval.rate(g.arrived, g.budget) AS arrival_rate,
	   perfeval.execution_rate(g.spent, g.arrived, g.budget, g.initial_budget,
							   s.execution_base) AS execution_rate,
	   s.execution_base
  FROM (SELECT a.project_id, a.department, a.fund_level,
			   grouping(a.department, a.fund_level) AS grp,
			   sum(perfeval.wanyuan(a.initial_budget, a.unit)) AS initial_budget,
			   sum(perfeval.wanyuan(a.budget, a.unit)) AS budget,
			   sum(perfeval.wanyuan(a.arrived, a.unit)) AS arrived,
			   sum(perfeval.wanyuan(a.spent, a.unit)) AS spent
		  FROM perfeval.allocation a
		 GROUP BY GROUPING SETS ((a.project_id, a.department, a.fund_level),
								 (a.project_id, a.department),
								 (a.project_id, a.fund_level),
								 (a.project_id))) g
  JOIN perfeval.project p ON p.project_id = g.project_id
  JOIN perfeval.scheme s ON s.scheme_id = p.scheme_id;

COMMENT ON FUNCTION perfeval.scheme_round(numeric, int, numeric) IS '按方案舍入（四舍五入或截尾） / Rounds a non-negative score as a scheme says (half-up or truncate)';
COMMENT ON FUNCTION perfeval.wanyuan(numeric, text) IS '金额折算为万元 / An amount in 万元';
COMMENT ON FUNCTION perfeval.execution_rate(numeric, numeric, numeric, numeric, text) IS '预算执行率（按口径） / Execution rate on the given base';
COMMENT ON FUNCTION perfeval.num_text(numeric) IS '数字的底稿写法 / A number as a working paper writes it';
COMMENT ON FUNCTION perfeval.pct_text(numeric) IS '百分比的底稿写法（两位小数） / A percentage as a working paper writes it';
COMMENT ON FUNCTION perfeval.score_text(numeric, numeric, numeric, perfeval.method) IS '完成率到得分的说明 / How a completion rate became a score';
COMMENT ON FUNCTION perfeval.actual_as_of(date) IS '截至某日的最新实际值 / The latest actual of each indicator on a date';
COMMENT ON FUNCTION perfeval.indicator_scores_as_of(date) IS '截至某日的指标得分 / Indicator scores with the actuals known on a date';
COMMENT ON FUNCTION perfeval.indicator_points_as_of(date) IS '截至某日的指标得分×10^6（供汇总，内部） / Weights and scores times 10^6 on a date, for the totals (internal)';
COMMENT ON FUNCTION perfeval.level2_scores_as_of(date) IS '截至某日的二级指标得分 / Level-2 scores on a date';
COMMENT ON FUNCTION perfeval.level1_scores_as_of(date) IS '截至某日的一级指标得分 / Level-1 scores on a date';
COMMENT ON FUNCTION perfeval.project_scores_as_of(date) IS '截至某日的项目得分 / Project totals on a date';

COMMENT ON VIEW perfeval.project_money IS '项目资金合计（万元）及到位率、执行率 / Money per project in 万元 with arrival and execution rates';
COMMENT ON VIEW perfeval.latest_actual IS '各指标最新实际值 / The latest actual of each indicator';
COMMENT ON VIEW perfeval.indicator_scores IS '三级指标得分及计算说明 / Per-indicator completion, score and explanation';
COMMENT ON COLUMN perfeval.indicator_scores.completion IS '指标完成率（%） / Completion, percent';
COMMENT ON COLUMN perfeval.indicator_scores.score IS '得分（按方案舍入） / Score, rounded as the scheme says';
COMMENT ON COLUMN perfeval.indicator_scores.score_rate IS '得分率（%） / Score rate, percent of weight';
COMMENT ON COLUMN perfeval.indicator_scores.explanation IS '计算说明（底稿） / Explanation in the style of a working paper';
COMMENT ON VIEW perfeval.level2_scores IS '二级指标得分汇总 / Per-project level-2 weights, scores and score rates';
COMMENT ON VIEW perfeval.level1_scores IS '一级指标得分汇总 / Per-project level-1 weights, scores and score rates';
COMMENT ON VIEW perfeval.project_scores IS '项目得分汇总 / Per-project totals and grades';
COMMENT ON COLUMN perfeval.project_scores.total IS '计算总分 / Total computed from the indicators';
COMMENT ON COLUMN perfeval.project_scores.grade IS '按方案评定的等级 / Grade of the computed total under the scheme';
COMMENT ON COLUMN perfeval.project_scores.difference IS '计算总分−报告总分 / Computed minus printed total';
COMMENT ON COLUMN perfeval.project_scores.grade_agrees IS '报告等级与评定等级一致 / Printed grade names the band of the final score';
COMMENT ON COLUMN perfeval.project_scores.final_score IS '采用得分：可计算时为计算值，否则为报告值 / Score of record: computed, else printed';
COMMENT ON COLUMN perfeval.project_scores.final_grade IS '采用得分的等级 / Grade of the score of record';
COMMENT ON VIEW perfeval.allocation_summary IS '资金汇总：按部门、资金级次及合计（万元） / Money per department and fund level with subtotals, in 万元';
COMMENT ON COLUMN perfeval.allocation_summary.balance IS '资金结余=实际到位−全年执行 / Balance: arrived minus spent';
COMMENT ON COLUMN perfeval.allocation_summary.arrival_rate IS '资金到位率=实际到位÷全年预算（%） / Arrival rate, percent';
COMMENT ON COLUMN perfeval.allocation_summary.execution_rate IS '预算执行率（口径见方案）（%） / Execution rate on the scheme''s base, percent';
