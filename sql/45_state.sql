-- Section 45: the state perfeval keeps on the indicator and project rows.
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

-- Recompute every kept column from the facts (after an upgrade, or after a
-- restore of rows whose kept columns disagree with their facts).  Returns
-- nothing.  perfeval.keeping_state lets its UPDATEs past refuse_kept_edit().
CREATE FUNCTION perfeval.refresh_state() RETURNS void
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp SET perfeval.keeping_state = 'on' AS
$$
BEGIN
	EXECUTE perfeval.state_sql('actual', 'perfeval.indicator');
	EXECUTE perfeval.state_sql('checklist', 'perfeval.indicator');
	EXECUTE perfeval.state_sql('money', 'perfeval.project');
	EXECUTE perfeval.state_sql('rate', 'perfeval.indicator');
END
$$;

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
COMMENT ON FUNCTION perfeval.refuse_kept_edit() IS '拒绝手工改写所维护的列（触发器） / Refuses a hand-written change to a kept column (trigger)';
