-- Section 50: the warehouse views (the read contract).
--
-- Plain views over the tables: the planner, privilege checks and Citus see
-- the tables.  The joins are written once, in perfeval_internal.indicator_rows
-- (an indicator with its project's scheme and kept state); each row is
-- evaluated once, by one C call (perfeval.evaluated(), section 25), in
-- perfeval_internal.indicator_evaluations; the views read that evaluation
-- through accessors and decide nothing again.  The dated forms
-- (*_as_of(date)) read the same relations and evaluate with the actuals
-- known on a date.  Their bodies read the relations themselves, no
-- function: one node inlines them into the query (a dated form filtered by
-- project reads that project by key); on a Citus cluster, where a SQL
-- function's inlined body cannot be distributed, perfeval.distribute()
-- makes each a PL/pgSQL function running the same query (section 87).

-- The code of a division's province, prefecture or county (NULL where the
-- code names no division at that level: 650100 has no county).
CREATE FUNCTION perfeval.division_at(code text, level text) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN CASE level WHEN 'province' THEN left(code, 2) || '0000'
		WHEN 'prefecture' THEN CASE WHEN substr(code, 3, 2) <> '00' THEN left(code, 4) || '00' END
		WHEN 'county' THEN CASE WHEN right(code, 2) <> '00' THEN code END END;

-- The execution rate on a scheme's base (the core's rule, src/pe_eval.c);
-- NULL when its denominator is 0 or the rate is out of range.
CREATE FUNCTION perfeval.execution_rate(spent numeric, arrived numeric, budget numeric,
		initial_budget numeric, base text) RETURNS numeric
	AS 'MODULE_PATHNAME', 'execution_rate' LANGUAGE C IMMUTABLE PARALLEL SAFE;

-- An indicator row with everything its evaluation reads: the one join of
-- the scoring views (the project's state row carries its scheme), for the
-- projects the current role sees (section 48): the scope prunes the state
-- rows, and the planner, told its share, looks up a small scope's
-- indicators by key instead of scanning them all.
CREATE VIEW perfeval_internal.indicator_rows AS
SELECT i.project_id, i.code, i.seq, i.level1, i.level2, i.name, i.weight, i.applicable,
	   i.source, i.target, i.method, i.printed_score, s.rules, st.actuals, st.checklist,
	   st.survey, st.money_initial_budget, st.money_budget, st.money_arrived, st.money_spent,
	   st.actual_notes, st.checklist_reasons
  FROM perfeval.indicator i
  JOIN perfeval_internal.project_state st ON st.project_id = i.project_id
  JOIN perfeval.scheme s ON s.scheme_id = st.scheme_id
 WHERE perfeval_internal.in_scope(st.project_id);

-- Each row evaluated once, with its latest actual.  evaluated() returns a
-- set, so the planner keeps it in its own node: however many fields a
-- query reads, the row is evaluated once.
CREATE VIEW perfeval_internal.indicator_evaluations AS
SELECT x.*, perfeval.evaluated(x.weight, x.applicable, x.source, x.target, x.method,
		   x.printed_score, x.code, x.rules, x.actuals, x.checklist, x.survey,
		   x.money_initial_budget, x.money_budget, x.money_arrived, x.money_spent,
		   'infinity') AS e
  FROM perfeval_internal.indicator_rows x;

-- What the totals add: each row evaluated once, by a plain call (the
-- totals read the evaluation once, in sum_scores(), so no set is needed).
CREATE VIEW perfeval_internal.indicator_scored AS
SELECT x.project_id, x.level1, x.level2, x.seq, x.applicable, x.weight,
	   perfeval.evaluate(x.weight, x.applicable, x.source, x.target, x.method,
		   x.printed_score, x.code, x.rules, x.actuals, x.checklist, x.survey,
		   x.money_initial_budget, x.money_budget, x.money_arrived, x.money_spent,
		   'infinity') AS e
  FROM perfeval_internal.indicator_rows x;

-- Money per project, in 万元, with the rates its scheme defines (kept with
-- the project's state, section 45; a project without allocation rows has
-- no money row).
CREATE VIEW perfeval.project_money AS
SELECT st.project_id, trim_scale(st.money_initial_budget) AS initial_budget,
	   trim_scale(st.money_budget) AS budget, trim_scale(st.money_arrived) AS arrived,
	   trim_scale(st.money_spent) AS spent, trim_scale(st.money_arrived - st.money_spent) AS balance,
	   trim_scale(perfeval.rate(st.money_arrived, st.money_budget)) AS arrival_rate,
	   trim_scale(perfeval.execution_rate(st.money_spent, st.money_arrived, st.money_budget,
							   st.money_initial_budget, s.execution_base)) AS execution_rate,
	   s.execution_base
  FROM perfeval_internal.project_state st
  JOIN perfeval.scheme s ON s.scheme_id = st.scheme_id
 WHERE st.allocations > 0 AND perfeval_internal.in_scope(st.project_id);

-- The latest actual of each indicator.
CREATE VIEW perfeval.latest_actual AS
SELECT DISTINCT ON (a.project_id, a.code)
	   a.project_id, a.code, a.reported_on, a.measure::text AS measure, a.tier, a.fraction,
	   a.deviation_note
  FROM perfeval.actual a
 WHERE perfeval_internal.in_scope(a.project_id)
 ORDER BY a.project_id, a.code, a.reported_on DESC;

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
	 WHERE a.reported_on <= as_of AND perfeval_internal.in_scope(a.project_id)
	 ORDER BY a.project_id, a.code, a.reported_on DESC;
	END;

-- Per indicator: completion, score, score rate, the working-paper
-- explanation and, for a row without a score, why.  The actual shown is
-- the one the row was scored from, read from the same kept state, and so
-- are its deviation note and the reasons of the checklist's deductions.
CREATE VIEW perfeval.indicator_scores AS
SELECT x.project_id, x.code, x.seq, x.level1, x.level2, x.name, x.weight, x.applicable,
	   x.source, x.target::text AS target,
	   coalesce(perfeval.actual_measure(x.actuals, x.code, 'infinity'), perfeval.rate_text(x.e)) AS actual,
	   perfeval.reported_on(x.e) AS reported_on,
	   perfeval.actual_tier(x.actuals, x.code, 'infinity') AS tier,
	   perfeval.actual_fraction(x.actuals, x.code, 'infinity') AS fraction,
	   perfeval.actual_note(x.actual_notes, x.code, perfeval.reported_on(x.e)) AS deviation_note,
	   perfeval.completion(x.e) AS completion, perfeval.score(x.e) AS score,
	   perfeval.score_rate(x.e) AS score_rate, x.printed_score,
	   perfeval.explanation(x.e, x.weight, x.applicable, x.source, x.target, x.method,
		   x.printed_score, x.code, x.rules, x.actuals, x.checklist, x.survey,
		   x.money_initial_budget, x.money_budget, x.money_arrived, x.money_spent, 'infinity',
		   CASE WHEN x.source = 'checklist' THEN perfeval.checklist_reasons(x.checklist_reasons, x.code)
		   END) AS explanation,
	   perfeval.problem(x.e) AS problem
  FROM perfeval_internal.indicator_evaluations x;

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

CREATE FUNCTION perfeval.indicator_scores_as_of(as_of date)
	RETURNS SETOF perfeval.indicator_scores
	LANGUAGE sql STABLE PARALLEL SAFE
	BEGIN ATOMIC
	SELECT * FROM perfeval.indicator_scores_as_of(as_of, NULL);
	END;

-- Per project and level 2, per project and level 1.  A level with an
-- indicator that cannot be scored has no score (NULL), never a partial sum.
--
-- The current views read the results kept with each project (section 47)
-- while they carry the rules of the project's scheme, and evaluate the
-- project from its facts otherwise: the same figures either way
-- (docs/design.md, "Kept results").  (The union sits in a subquery: a
-- UNION ALL at a view's top is flattened into its branches, and a caller's
-- function with it, past the view's security barrier.)
CREATE VIEW perfeval.level2_scores AS
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

CREATE FUNCTION perfeval.level2_scores_as_of(as_of date)
	RETURNS SETOF perfeval.level2_scores
	LANGUAGE sql STABLE PARALLEL SAFE
	BEGIN ATOMIC
	SELECT * FROM perfeval.level2_scores_as_of(as_of, NULL);
	END;

CREATE VIEW perfeval.level1_scores AS
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

CREATE FUNCTION perfeval.level1_scores_as_of(as_of date)
	RETURNS SETOF perfeval.level1_scores
	LANGUAGE sql STABLE PARALLEL SAFE
	BEGIN ATOMIC
	SELECT * FROM perfeval.level1_scores_as_of(as_of, NULL);
	END;

-- Per project: the total (sum of the rounded indicator scores, rescaled to
-- 100 when indicators do not apply, rounded by the scheme: sum_scores()
-- gives it), its grade, and the printed figures.  The total is the kept one
-- (section 47) while it carries the scheme's rules; otherwise the project is
-- evaluated from its facts: f, the projects whose kept row is stale (each
-- has one, of its current scheme, as it has a state row), each evaluated by
-- a lateral subquery (OFFSET 0: by its key, not by a scan of every
-- indicator joined to the stale few).
CREATE VIEW perfeval.project_scores AS
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

CREATE FUNCTION perfeval.project_scores_as_of(as_of date)
	RETURNS SETOF perfeval.project_scores
	LANGUAGE sql STABLE PARALLEL SAFE
	BEGIN ATOMIC
	SELECT * FROM perfeval.project_scores_as_of(as_of, NULL);
	END;

-- An allocation line in 万元.
CREATE VIEW perfeval_internal.allocation_lines AS
SELECT a.project_id, a.department, a.fund_level,
	   perfeval.wanyuan(a.initial_budget, a.unit) AS initial_budget,
	   perfeval.wanyuan(a.budget, a.unit) AS budget,
	   perfeval.wanyuan(a.arrived, a.unit) AS arrived,
	   perfeval.wanyuan(a.spent, a.unit) AS spent
  FROM perfeval.allocation a
 WHERE perfeval_internal.in_scope(a.project_id);

-- Money per project × department × fund level, with subtotals per
-- department and per fund level and the project total, in 万元.  Four
-- groupings of one relation, each by project (so that each runs where the
-- project's rows are).
CREATE VIEW perfeval.allocation_summary AS
SELECT g.project_id, g.row_kind, g.department, g.fund_level, trim_scale(g.initial_budget) AS initial_budget,
	   trim_scale(g.budget) AS budget, trim_scale(g.arrived) AS arrived, trim_scale(g.spent) AS spent,
	   trim_scale(g.arrived - g.spent) AS balance,
	   trim_scale(perfeval.rate(g.arrived, g.budget)) AS arrival_rate,
	   trim_scale(perfeval.execution_rate(g.spent, g.arrived, g.budget, g.initial_budget,
							   s.execution_base)) AS execution_rate,
	   s.execution_base
  FROM (SELECT l.project_id, '明细' AS row_kind, l.department, l.fund_level,
			   sum(l.initial_budget) AS initial_budget, sum(l.budget) AS budget,
			   sum(l.arrived) AS arrived, sum(l.spent) AS spent
		  FROM perfeval_internal.allocation_lines l
		 GROUP BY l.project_id, l.department, l.fund_level
		UNION ALL
		SELECT l.project_id, '部门小计', l.department, NULL, sum(l.initial_budget),
			   sum(l.budget), sum(l.arrived), sum(l.spent)
		  FROM perfeval_internal.allocation_lines l
		 GROUP BY l.project_id, l.department
		UNION ALL
		SELECT l.project_id, '级次小计', NULL, l.fund_level, sum(l.initial_budget),
			   sum(l.budget), sum(l.arrived), sum(l.spent)
		  FROM perfeval_internal.allocation_lines l
		 GROUP BY l.project_id, l.fund_level
		UNION ALL
		SELECT l.project_id, '合计', NULL, NULL, sum(l.initial_budget), sum(l.budget),
			   sum(l.arrived), sum(l.spent)
		  FROM perfeval_internal.allocation_lines l
		 GROUP BY l.project_id) g
  JOIN perfeval.project p ON p.project_id = g.project_id
  JOIN perfeval.scheme s ON s.scheme_id = p.scheme_id;

COMMENT ON FUNCTION perfeval.wanyuan(numeric, text) IS '金额折算为万元 / An amount in 万元';
COMMENT ON FUNCTION perfeval.execution_rate(numeric, numeric, numeric, numeric, text) IS '预算执行率（按口径） / Execution rate on the given base';
COMMENT ON VIEW perfeval_internal.indicator_rows IS '指标行及其方案规则与项目状态（视图共用的连接） / An indicator with its scheme''s rules and its project''s kept state: the join the views share';
COMMENT ON VIEW perfeval_internal.indicator_evaluations IS '每行指标计算一次的结果 / Each indicator row evaluated once';
COMMENT ON VIEW perfeval_internal.indicator_scored IS '每行指标计算一次（供汇总） / Each indicator row evaluated once, for the totals';
COMMENT ON VIEW perfeval_internal.allocation_lines IS '资金分配行（万元） / Allocation lines in 万元';
COMMENT ON FUNCTION perfeval.actual_as_of(date) IS '截至某日的最新实际值 / The latest actual of each indicator on a date';
COMMENT ON FUNCTION perfeval.indicator_scores_as_of(date) IS '截至某日的指标得分 / Indicator scores with the actuals known on a date';
COMMENT ON FUNCTION perfeval.level2_scores_as_of(date) IS '截至某日的二级指标得分 / Level-2 scores on a date';
COMMENT ON FUNCTION perfeval.level1_scores_as_of(date) IS '截至某日的一级指标得分 / Level-1 scores on a date';
COMMENT ON FUNCTION perfeval.project_scores_as_of(date) IS '截至某日的项目得分 / Project totals on a date';
COMMENT ON FUNCTION perfeval.indicator_scores_as_of(date, text) IS '某项目截至某日的指标得分（为空则全部；集群上只读该项目所在分片） / One project''s indicator scores on a date (NULL: all); on a cluster, read from its shard alone';
COMMENT ON FUNCTION perfeval.level2_scores_as_of(date, text) IS '某项目截至某日的二级指标得分（为空则全部） / One project''s level-2 scores on a date (NULL: all)';
COMMENT ON FUNCTION perfeval.level1_scores_as_of(date, text) IS '某项目截至某日的一级指标得分（为空则全部） / One project''s level-1 scores on a date (NULL: all)';
COMMENT ON FUNCTION perfeval.project_scores_as_of(date, text) IS '某项目截至某日的得分（为空则全部；集群上只读该项目所在分片） / One project''s total on a date (NULL: all); on a cluster, read from its shard alone';

COMMENT ON VIEW perfeval.project_money IS '项目资金合计（万元）及到位率、执行率 / Money per project in 万元 with arrival and execution rates';
COMMENT ON VIEW perfeval.latest_actual IS '各指标最新实际值 / The latest actual of each indicator';
COMMENT ON VIEW perfeval.indicator_scores IS '三级指标得分及计算说明 / Per-indicator completion, score and explanation';
COMMENT ON COLUMN perfeval.indicator_scores.completion IS '指标完成率（%） / Completion, percent';
COMMENT ON COLUMN perfeval.indicator_scores.score IS '得分（按方案舍入） / Score, rounded as the scheme says';
COMMENT ON COLUMN perfeval.indicator_scores.score_rate IS '得分率（%） / Score rate, percent of weight';
COMMENT ON COLUMN perfeval.indicator_scores.explanation IS '计算说明（底稿） / Explanation in the style of a working paper';
COMMENT ON COLUMN perfeval.indicator_scores.problem IS '无法计分的原因（英文键，见 findings） / Why the row has no score, a stable English key (see findings)';
COMMENT ON VIEW perfeval.level2_scores IS '二级指标得分汇总 / Per-project level-2 weights, scores and score rates';
COMMENT ON VIEW perfeval.level1_scores IS '一级指标得分汇总 / Per-project level-1 weights, scores and score rates';
COMMENT ON VIEW perfeval.project_scores IS '项目得分汇总 / Per-project totals and grades';
COMMENT ON COLUMN perfeval.project_scores.total IS '计算总分 / Total computed from the indicators';
COMMENT ON COLUMN perfeval.project_scores.grade IS '按方案评定的等级 / Grade of the computed total under the scheme';
COMMENT ON COLUMN perfeval.project_scores.difference IS '计算总分-报告总分 / Computed minus printed total';
COMMENT ON COLUMN perfeval.project_scores.grade_agrees IS '报告等级与评定等级一致 / Printed grade names the band of the final score';
COMMENT ON COLUMN perfeval.project_scores.final_score IS '采用得分：可计算时为计算值，否则为报告值 / Score of record: computed, else printed';
COMMENT ON COLUMN perfeval.project_scores.final_grade IS '采用得分的等级 / Grade of the score of record';
COMMENT ON COLUMN perfeval.project_scores.final_band IS '采用得分的等级序号（1 为最高，按项目方案） / Number of the score of record''s grade band under the project''s scheme, 1 for the highest';
COMMENT ON COLUMN perfeval.project_scores.province_name IS '省级区划名称 / Province name';
COMMENT ON COLUMN perfeval.project_scores.prefecture_name IS '地级区划名称 / Prefecture name';
COMMENT ON COLUMN perfeval.project_scores.county_name IS '县级区划名称 / County name';
COMMENT ON FUNCTION perfeval.division_at(text, text) IS '区划代码所属的省、市或县代码 / The code of a division''s province, prefecture or county';
COMMENT ON VIEW perfeval.allocation_summary IS '资金汇总：按部门、资金级次及合计（万元） / Money per department and fund level with subtotals, in 万元';
COMMENT ON COLUMN perfeval.allocation_summary.balance IS '资金结余=实际到位-全年执行 / Balance: arrived minus spent';
COMMENT ON COLUMN perfeval.allocation_summary.arrival_rate IS '资金到位率=实际到位÷全年预算（%） / Arrival rate, percent';
COMMENT ON COLUMN perfeval.allocation_summary.execution_rate IS '预算执行率（口径见方案）（%） / Execution rate on the scheme''s base, percent';
