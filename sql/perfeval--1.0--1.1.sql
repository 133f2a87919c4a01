-- perfeval 1.0 -> 1.1: scoring reads state kept on the indicator and
-- project rows instead of joining the fact tables on every query, and one
-- C call scores a row from any source (docs/benchmarks.md, docs/design.md).
--
-- Frozen when 1.1 was released; test/upgrade.sh checks that a 1.0 database
-- updated by this script has the catalog and the scores of a fresh 1.1.
\echo Use "ALTER EXTENSION perfeval UPDATE TO '1.1'" to load this file. \quit

-- The kept columns, in the order a fresh 1.1 declares them.
ALTER TABLE perfeval.project
	ADD COLUMN allocations int NOT NULL DEFAULT 0,
	ADD COLUMN money_initial_budget numeric,
	ADD COLUMN money_budget numeric,
	ADD COLUMN money_arrived numeric,
	ADD COLUMN money_spent numeric;
ALTER TABLE perfeval.indicator
	ADD COLUMN actual_on date,
	ADD COLUMN actual_measure perfeval.measure,
	ADD COLUMN actual_tier text,
	ADD COLUMN actual_fraction numeric,
	ADD COLUMN actual_note text,
	ADD COLUMN deducted numeric,
	ADD COLUMN rate numeric;

-- The score of one warehouse indicator row, whatever its source: what the
-- views compute per row, in one call (see src/rowscore.c for the rules and
-- test/sql/rowscore.sql for their SQL form).  Not STRICT: most inputs are
-- NULL for most sources.
CREATE FUNCTION perfeval.row_score(weight numeric, applicable boolean, source text,
		target perfeval.target, measure perfeval.measure, tier text, fraction numeric,
		method perfeval.method, deducted numeric, rate numeric,
		reverse text, decimals int, rounding text,
		tier_high numeric, tier_low numeric) RETURNS numeric
	AS 'MODULE_PATHNAME', 'pe_row_score' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 10;

-- The same score times 10^6 as a bigint (exact: a score has at most six
-- decimals), for the views that add up millions of them.  COST 10: about
-- ten simple operators per row, which is what makes the planner split a
-- whole-warehouse scoring query over parallel workers.
CREATE FUNCTION perfeval.row_points(weight numeric, applicable boolean, source text,
		target perfeval.target, measure perfeval.measure, tier text, fraction numeric,
		method perfeval.method, deducted numeric, rate numeric,
		reverse text, decimals int, rounding text,
		tier_high numeric, tier_low numeric) RETURNS bigint
	AS 'MODULE_PATHNAME', 'pe_row_points' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 10;

COMMENT ON FUNCTION perfeval.row_score(numeric, boolean, text, perfeval.target, perfeval.measure,
		text, numeric, perfeval.method, numeric, numeric, text, int, text, numeric, numeric)
	IS '一行指标的得分（任何数据来源，按方案舍入） / The score of one indicator row from any source, rounded as the scheme says';
COMMENT ON FUNCTION perfeval.row_points(numeric, boolean, text, perfeval.target, perfeval.measure,
		text, numeric, perfeval.method, numeric, numeric, text, int, text, numeric, numeric)
	IS '一行指标的得分×10^6（整数，供汇总） / row_score() times 10^6 as a bigint, for sums';

-- Section 45 of 1.1: the state perfeval keeps on the indicator and project rows.
--
-- Scoring the whole warehouse needs, per indicator, its latest actual, the
-- sum of its checklist deductions and the rate it takes from money or a
-- survey, and per project its money in 万元.  Joining the fact tables for them on every query costs
-- several times the scoring itself (docs/benchmarks.md), so statement-level
-- triggers keep them on the indicator and project rows as the facts change:
-- one set-based UPDATE per statement, over the keys the statement touched
-- (transition tables), so a COPY of a million facts pays a few joins, not a
-- million lookups.  The trigger functions run as the extension's owner, so
-- a role that may load actuals need not be allowed to update indicators;
-- they run fixed statements only.  The facts stay the truth: refresh_state() recomputes
-- every kept column from them, and the "as of" views read the facts.

-- The UPDATE that recomputes one kind of kept state for the keys a query
-- gives (project_id, code; project_id alone for money).  Run by EXECUTE in
-- the trigger functions, which are the only place the transition tables are
-- visible.
CREATE FUNCTION perfeval.state_sql(kind text, keys text) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN CASE kind
	WHEN 'actual' THEN format($q$
		UPDATE perfeval.indicator i
		   SET actual_on = l.reported_on, actual_measure = l.measure, actual_tier = l.tier,
			   actual_fraction = l.fraction, actual_note = l.deviation_note
		  FROM (SELECT DISTINCT k0.project_id, k0.code FROM %1$s k0) k
		  LEFT JOIN (SELECT DISTINCT ON (a.project_id, a.code) a.project_id, a.code,
							a.reported_on, a.measure, a.tier, a.fraction, a.deviation_note
					   FROM perfeval.actual a
					  WHERE (a.project_id, a.code) IN (SELECT k1.project_id, k1.code FROM %1$s k1)
					  ORDER BY a.project_id, a.code, a.reported_on DESC) l
				 ON l.project_id = k.project_id AND l.code = k.code
		 WHERE i.project_id = k.project_id AND i.code = k.code$q$, keys)
	WHEN 'checklist' THEN format($q$
		UPDATE perfeval.indicator i
		   SET deducted = l.deducted
		  FROM (SELECT DISTINCT k0.project_id, k0.code FROM %1$s k0) k
		  LEFT JOIN (SELECT cp.project_id, cp.code, sum(cp.deduction) AS deducted
					   FROM perfeval.checklist_point cp
					  WHERE (cp.project_id, cp.code) IN (SELECT k1.project_id, k1.code FROM %1$s k1)
					  GROUP BY cp.project_id, cp.code) l
				 ON l.project_id = k.project_id AND l.code = k.code
		 WHERE i.project_id = k.project_id AND i.code = k.code
		   AND i.deducted IS DISTINCT FROM l.deducted$q$, keys)
	-- the rate an indicator takes from money (perfeval.rate, execution_rate
	-- on the scheme's base) or a survey: an option without its own
	-- coefficient takes the scheme's at its position; no survey rate when a
	-- coefficient is missing or nobody answered.  NULL for other sources.
	WHEN 'rate' THEN format($q$
		UPDATE perfeval.indicator i
		   SET rate = l.rate
		  FROM (SELECT k.project_id, k.code,
					   CASE ki.source
						   WHEN 'survey' THEN v.rate
						   WHEN 'arrival_rate' THEN perfeval.rate(p.money_arrived, p.money_budget)
						   WHEN 'execution_rate' THEN perfeval.execution_rate(p.money_spent,
								p.money_arrived, p.money_budget, p.money_initial_budget, s.execution_base)
					   END AS rate
				  FROM (SELECT DISTINCT k0.project_id, k0.code FROM %1$s k0) k
				  JOIN perfeval.indicator ki ON ki.project_id = k.project_id AND ki.code = k.code
				  JOIN perfeval.project p ON p.project_id = k.project_id
				  JOIN perfeval.scheme s ON s.scheme_id = p.scheme_id
				  LEFT JOIN (SELECT sr.project_id, sr.code,
									CASE WHEN bool_and(coalesce(sr.coefficient,
													   ss.satisfaction_coefficients[sr.option_no]) IS NOT NULL)
											  AND sum(sr.respondents) > 0
										 THEN trim_scale(round(sum(sr.respondents * coalesce(sr.coefficient,
												  ss.satisfaction_coefficients[sr.option_no])) * 100
												  / sum(sr.respondents), 6)) END AS rate
							   FROM perfeval.survey_response sr
							   JOIN perfeval.project sp ON sp.project_id = sr.project_id
							   JOIN perfeval.scheme ss ON ss.scheme_id = sp.scheme_id
							  WHERE (sr.project_id, sr.code) IN (SELECT k1.project_id, k1.code FROM %1$s k1)
							  GROUP BY sr.project_id, sr.code) v
						 ON v.project_id = k.project_id AND v.code = k.code) l
		 WHERE i.project_id = l.project_id AND i.code = l.code
		   AND i.rate IS DISTINCT FROM l.rate$q$, keys)
	WHEN 'money' THEN format($q$
		UPDATE perfeval.project p
		   SET allocations = coalesce(l.n, 0), money_initial_budget = l.initial_budget,
			   money_budget = l.budget, money_arrived = l.arrived, money_spent = l.spent
		  FROM (SELECT DISTINCT k0.project_id FROM %1$s k0) k
		  LEFT JOIN (SELECT a.project_id, count(*) AS n,
							sum(perfeval.wanyuan(a.initial_budget, a.unit)) AS initial_budget,
							sum(perfeval.wanyuan(a.budget, a.unit)) AS budget,
							sum(perfeval.wanyuan(a.arrived, a.unit)) AS arrived,
							sum(perfeval.wanyuan(a.spent, a.unit)) AS spent
					   FROM perfeval.allocation a
					  WHERE a.project_id IN (SELECT k1.project_id FROM %1$s k1)
					  GROUP BY a.project_id) l
				 ON l.project_id = k.project_id
		 WHERE p.project_id = k.project_id$q$, keys)
	END;

-- The indicators that take a rate from money, of the projects in a query.
CREATE FUNCTION perfeval.money_indicators(projects text) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN format('(SELECT i.project_id, i.code FROM perfeval.indicator i
					 WHERE i.source IN (''arrival_rate'', ''execution_rate'')
					   AND i.project_id IN (SELECT k2.project_id FROM %s k2))', projects);

-- One trigger function for every fact table: TG_ARGV[0] is the kind of
-- state it feeds.  The keys are those of the rows the statement wrote or
-- removed; TRUNCATE recomputes every row that had state of that kind.
-- Money feeds the project's sums and then its money-sourced rates.
CREATE FUNCTION perfeval.keep_state() RETURNS trigger
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
	kind text := TG_ARGV[0];
	keys text;
BEGIN
	keys := CASE TG_OP
		WHEN 'INSERT' THEN 'new_rows'
		WHEN 'DELETE' THEN 'old_rows'
		WHEN 'UPDATE' THEN CASE kind WHEN 'money'
			THEN '(SELECT project_id FROM new_rows UNION ALL SELECT project_id FROM old_rows)'
			ELSE '(SELECT project_id, code FROM new_rows UNION ALL SELECT project_id, code FROM old_rows)' END
		ELSE CASE kind
			WHEN 'actual' THEN '(SELECT project_id, code FROM perfeval.indicator WHERE actual_on IS NOT NULL)'
			WHEN 'checklist' THEN '(SELECT project_id, code FROM perfeval.indicator WHERE deducted IS NOT NULL)'
			WHEN 'rate' THEN '(SELECT project_id, code FROM perfeval.indicator WHERE rate IS NOT NULL)'
			ELSE '(SELECT project_id FROM perfeval.project WHERE allocations > 0)' END
		END;
	IF kind = 'money' THEN
		-- the rates first: after a TRUNCATE the sums no longer say which projects had money
		EXECUTE perfeval.state_sql('money', keys);
		EXECUTE perfeval.state_sql('rate', CASE TG_OP WHEN 'TRUNCATE'
			THEN '(SELECT project_id, code FROM perfeval.indicator WHERE rate IS NOT NULL
					AND source IN (''arrival_rate'', ''execution_rate''))'
			ELSE perfeval.money_indicators(keys) END);
	ELSE
		EXECUTE perfeval.state_sql(kind, keys);
	END IF;
	RETURN NULL;
END
$$;

-- A rate also depends on the indicator's own source, the project's scheme
-- and the scheme's base and coefficients: recompute the rates of the
-- indicators an INSERT or UPDATE of those rows may change.  Triggers with
-- transition tables cannot name columns, so these fire on every UPDATE and
-- compare old and new themselves; the updates perfeval makes from its own
-- triggers (trigger depth above 1) change none of these columns.
CREATE FUNCTION perfeval.keep_rates() RETURNS trigger
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
	IF pg_trigger_depth() > 1 THEN
		RETURN NULL;
	END IF;
	EXECUTE perfeval.state_sql('rate', CASE
		WHEN TG_TABLE_NAME = 'indicator' AND TG_OP = 'INSERT' THEN
			'(SELECT n.project_id, n.code FROM new_rows n
			   WHERE n.source IN (''survey'', ''arrival_rate'', ''execution_rate''))'
		WHEN TG_TABLE_NAME = 'indicator' THEN
			'(SELECT n.project_id, n.code FROM new_rows n
			   WHERE n.source IN (''survey'', ''arrival_rate'', ''execution_rate'') OR n.rate IS NOT NULL)'
		WHEN TG_TABLE_NAME = 'project' THEN
			'(SELECT i.project_id, i.code FROM perfeval.indicator i
			   WHERE i.source IN (''survey'', ''arrival_rate'', ''execution_rate'')
				 AND i.project_id IN (SELECT n.project_id FROM new_rows n
						JOIN old_rows o ON o.project_id = n.project_id
					   WHERE n.scheme_id IS DISTINCT FROM o.scheme_id))'
		ELSE
			'(SELECT i.project_id, i.code FROM perfeval.indicator i
				JOIN perfeval.project p ON p.project_id = i.project_id
			   WHERE i.source IN (''survey'', ''arrival_rate'', ''execution_rate'')
				 AND p.scheme_id IN (SELECT n.scheme_id FROM new_rows n
						JOIN old_rows o ON o.scheme_id = n.scheme_id
					   WHERE n.satisfaction_coefficients IS DISTINCT FROM o.satisfaction_coefficients
						  OR n.execution_base IS DISTINCT FROM o.execution_base))'
		END);
	RETURN NULL;
END
$$;

-- Recompute every kept column from the facts (after an upgrade, or to
-- repair a kept column someone wrote by hand).  Returns nothing.
CREATE FUNCTION perfeval.refresh_state() RETURNS void
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
	EXECUTE perfeval.state_sql('actual', 'perfeval.indicator');
	EXECUTE perfeval.state_sql('checklist', 'perfeval.indicator');
	EXECUTE perfeval.state_sql('money', 'perfeval.project');
	EXECUTE perfeval.state_sql('rate', 'perfeval.indicator');
END
$$;

CREATE TRIGGER actual_state_insert AFTER INSERT ON perfeval.actual
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION perfeval.keep_state('actual');
CREATE TRIGGER actual_state_update AFTER UPDATE ON perfeval.actual
	REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval.keep_state('actual');
CREATE TRIGGER actual_state_delete AFTER DELETE ON perfeval.actual
	REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION perfeval.keep_state('actual');
CREATE TRIGGER actual_state_truncate AFTER TRUNCATE ON perfeval.actual
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval.keep_state('actual');

CREATE TRIGGER checklist_point_state_insert AFTER INSERT ON perfeval.checklist_point
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION perfeval.keep_state('checklist');
CREATE TRIGGER checklist_point_state_update AFTER UPDATE ON perfeval.checklist_point
	REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval.keep_state('checklist');
CREATE TRIGGER checklist_point_state_delete AFTER DELETE ON perfeval.checklist_point
	REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION perfeval.keep_state('checklist');
CREATE TRIGGER checklist_point_state_truncate AFTER TRUNCATE ON perfeval.checklist_point
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval.keep_state('checklist');

CREATE TRIGGER survey_response_state_insert AFTER INSERT ON perfeval.survey_response
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION perfeval.keep_state('rate');
CREATE TRIGGER survey_response_state_update AFTER UPDATE ON perfeval.survey_response
	REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval.keep_state('rate');
CREATE TRIGGER survey_response_state_delete AFTER DELETE ON perfeval.survey_response
	REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION perfeval.keep_state('rate');
CREATE TRIGGER survey_response_state_truncate AFTER TRUNCATE ON perfeval.survey_response
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval.keep_state('rate');

CREATE TRIGGER allocation_state_insert AFTER INSERT ON perfeval.allocation
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION perfeval.keep_state('money');
CREATE TRIGGER allocation_state_update AFTER UPDATE ON perfeval.allocation
	REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval.keep_state('money');
CREATE TRIGGER allocation_state_delete AFTER DELETE ON perfeval.allocation
	REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION perfeval.keep_state('money');
CREATE TRIGGER allocation_state_truncate AFTER TRUNCATE ON perfeval.allocation
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval.keep_state('money');

CREATE TRIGGER indicator_rate_insert AFTER INSERT ON perfeval.indicator
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION perfeval.keep_rates();
CREATE TRIGGER indicator_rate_update AFTER UPDATE ON perfeval.indicator
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION perfeval.keep_rates();
CREATE TRIGGER project_rate_update AFTER UPDATE ON perfeval.project
	REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval.keep_rates();
CREATE TRIGGER scheme_rate_update AFTER UPDATE ON perfeval.scheme
	REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval.keep_rates();

COMMENT ON FUNCTION perfeval.state_sql(text, text) IS '重算所维护状态的语句（内部） / The UPDATE that recomputes one kind of kept state for some keys (internal)';
COMMENT ON FUNCTION perfeval.keep_state() IS '事实表变动时维护指标行、项目行上的状态（触发器） / Keeps the state on indicator and project rows as the facts change (trigger)';
COMMENT ON FUNCTION perfeval.money_indicators(text) IS '若干项目中取资金比率的指标（内部） / The money-sourced indicators of some projects (internal)';
COMMENT ON FUNCTION perfeval.keep_rates() IS '指标来源、项目方案或方案口径、系数变动时重算比率（触发器） / Recomputes rates when an indicator''s source, a project''s scheme or a scheme''s base or coefficients change (trigger)';
COMMENT ON FUNCTION perfeval.refresh_state() IS '按事实表重算全部维护列 / Recomputes every kept column from the facts';
COMMENT ON COLUMN perfeval.indicator.actual_on IS '最新实际值的填报日期（扩展维护） / Date of the latest actual (kept by perfeval)';
COMMENT ON COLUMN perfeval.indicator.actual_measure IS '最新实际完成值（扩展维护） / Latest actual value (kept by perfeval)';
COMMENT ON COLUMN perfeval.indicator.actual_tier IS '最新评判档次（扩展维护） / Latest judged tier (kept by perfeval)';
COMMENT ON COLUMN perfeval.indicator.actual_fraction IS '最新评判比例（%）（扩展维护） / Latest judged fraction, percent (kept by perfeval)';
COMMENT ON COLUMN perfeval.indicator.actual_note IS '最新偏差原因说明（扩展维护） / Latest deviation note (kept by perfeval)';
COMMENT ON COLUMN perfeval.indicator.deducted IS '评价要点扣分合计（扩展维护） / Sum of checklist deductions (kept by perfeval)';
COMMENT ON COLUMN perfeval.indicator.rate IS '取自资金或满意度调查的比率（%）（扩展维护） / The rate from money or a survey, percent (kept by perfeval)';
COMMENT ON COLUMN perfeval.project.allocations IS '资金分配行数（扩展维护） / Number of allocation rows (kept by perfeval)';
COMMENT ON COLUMN perfeval.project.money_initial_budget IS '年初预算合计（万元）（扩展维护） / Initial budget in 万元 (kept by perfeval)';
COMMENT ON COLUMN perfeval.project.money_budget IS '全年预算合计（万元）（扩展维护） / Full-year budget in 万元 (kept by perfeval)';
COMMENT ON COLUMN perfeval.project.money_arrived IS '实际到位合计（万元）（扩展维护） / Arrived in 万元 (kept by perfeval)';
COMMENT ON COLUMN perfeval.project.money_spent IS '全年执行合计（万元）（扩展维护） / Spent in 万元 (kept by perfeval)';

-- The views and functions that read the kept state (the same columns as in 1.0).

-- Money per project, in 万元, with the rates its scheme defines (the sums
-- are kept on the project row, section 45; a project without allocation
-- rows has no money row).
CREATE OR REPLACE VIEW perfeval.project_money AS
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


-- Per indicator: completion, score and a working-paper explanation, with the
-- actuals known on a date.  Columns after "explanation" serve the findings.
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
	  CROSS JOIN LATERAL (SELECT i.rate) r
	  CROSS JOIN LATERAL (SELECT
			CASE
				WHEN i.source = 'checklist' OR NOT i.applicable THEN NULL
				WHEN a.tier IS NOT NULL THEN a.fraction
				WHEN i.source = 'actual' THEN
					CASE WHEN perfeval.comparable(i.target, a.measure)
						 THEN perfeval.completion(i.target, a.measure, s.reverse_rule) END
				WHEN i.target IS NULL THEN r.rate
				ELSE perfeval.completion(i.target, (r.rate::text || '%')::perfeval.measure,
										 s.reverse_rule) END AS completion,
			CASE
				WHEN i.source = 'checklist' THEN NULL
				WHEN a.tier IS NOT NULL THEN 'judgement_out_of_band'
				WHEN i.source = 'survey' AND r.rate IS NULL THEN 'missing_responses'
				WHEN i.source IN ('arrival_rate', 'execution_rate') AND r.rate IS NULL THEN 'missing_money'
				WHEN i.source = 'actual' AND a.measure IS NULL THEN 'missing_actual'
				WHEN i.target IS NULL AND i.source = 'actual' THEN 'missing_target'
				WHEN perfeval.is_qualitative(a.measure) OR perfeval.is_qualitative(i.target) THEN 'unjudged_qualitative'
				WHEN i.source = 'actual' AND NOT perfeval.comparable(i.target, a.measure) THEN 'incomparable_units'
				ELSE 'unscorable' END AS problem) c
	  -- the score in one call, for any source (its SQL form is in
	  -- test/sql/rowscore.sql, which checks that the two agree)
	  CROSS JOIN LATERAL (SELECT perfeval.row_score(i.weight, i.applicable, i.source, i.target,
			a.measure, a.tier, a.fraction, i.method, i.deducted, i.rate,
			s.reverse_rule, s.decimals, s.rounding, s.tier_high, s.tier_low)
			AS score) f;
	END;


-- Per indicator, only what the totals need: the weight and the score as
-- row_points() (the score times 10^6, a bigint), with the actuals known on a
-- date.  The level and project totals add these: a bigint sum is exact and
-- several times cheaper than a numeric one over millions of rows.
CREATE OR REPLACE FUNCTION perfeval.indicator_points_as_of(as_of date)
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
CREATE OR REPLACE FUNCTION perfeval.level2_scores_as_of(as_of date)
	RETURNS TABLE (project_id text, level1 text, level2 text, seq int, indicators bigint,
				   weight numeric, score numeric, score_rate numeric)
	LANGUAGE sql STABLE PARALLEL SAFE
	BEGIN ATOMIC
	SELECT g.project_id, g.level1, g.level2, g.seq, g.indicators, g.weight, g.score,
		   perfeval.rate(g.score, g.weight)
	  FROM (SELECT x.project_id, x.level1, x.level2, min(x.seq) AS seq, count(*) AS indicators,
				   sum(x.weight) AS weight,
				   CASE WHEN count(x.points) = count(*) THEN trim_scale(sum(x.points) * 0.000001) END AS score
			  FROM perfeval.indicator_points_as_of(as_of) x
			 WHERE x.applicable
			 GROUP BY x.project_id, x.level1, x.level2) g;
	END;

CREATE OR REPLACE FUNCTION perfeval.level1_scores_as_of(as_of date)
	RETURNS TABLE (project_id text, level1 text, seq int, indicators bigint,
				   weight numeric, score numeric, score_rate numeric)
	LANGUAGE sql STABLE PARALLEL SAFE
	BEGIN ATOMIC
	SELECT g.project_id, g.level1, g.seq, g.indicators, g.weight, g.score,
		   perfeval.rate(g.score, g.weight)
	  FROM (SELECT x.project_id, x.level1, min(x.seq) AS seq, count(*) AS indicators,
				   sum(x.weight) AS weight,
				   CASE WHEN count(x.points) = count(*) THEN trim_scale(sum(x.points) * 0.000001) END AS score
			  FROM perfeval.indicator_points_as_of(as_of) x
			 WHERE x.applicable
			 GROUP BY x.project_id, x.level1) g;
	END;


-- Per project: the total (sum of the rounded indicator scores, rescaled to
-- 100 when indicators do not apply), its grade, and the printed figures.
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
	  LEFT JOIN (SELECT x.project_id, count(*) AS indicators,
						sum(x.weight) FILTER (WHERE x.applicable) AS weight,
						-- NULL unless every applicable indicator has a score
						-- (row_points() is NULL for the others and for those not applicable)
						CASE WHEN count(x.points) = count(*) FILTER (WHERE x.applicable)
							 THEN trim_scale(sum(x.points) * 0.000001) END AS score_sum,
						bool_and(x.applicable) AS all_applicable
				   FROM perfeval.indicator_points_as_of(as_of) x
				  GROUP BY x.project_id) t0 ON t0.project_id = p.project_id
	  CROSS JOIN LATERAL (SELECT t0.indicators, t0.weight,
								 perfeval.scheme_round(CASE WHEN t0.all_applicable THEN t0.score_sum
										ELSE t0.score_sum * 100 / t0.weight END,
									s.decimals, s.round_offset) AS total) t;
	END;


CREATE OR REPLACE VIEW perfeval.project_facts AS
SELECT ps.project_id, ps.year, ps.division_code,
	   left(ps.division_code, 2) || '0000' AS province,
	   CASE WHEN substr(ps.division_code, 3, 2) <> '00'
			THEN left(ps.division_code, 4) || '00' END AS prefecture,
	   CASE WHEN right(ps.division_code, 2) <> '00' THEN ps.division_code END AS county,
	   ps.department, ps.final_score, ps.final_grade,
	   m.money_budget AS budget, m.money_arrived AS arrived, m.money_spent AS spent
  FROM perfeval.project_scores ps
  -- the money kept on the project row (section 45), as project_money gives it
  JOIN perfeval.project m ON m.project_id = ps.project_id;


COMMENT ON FUNCTION perfeval.indicator_points_as_of(date) IS '截至某日的指标得分×10^6（供汇总，内部） / Weights and scores times 10^6 on a date, for the totals (internal)';

-- Fill the kept columns from the facts already loaded.
SELECT perfeval.refresh_state();
