-- Section 72: mid-year monitoring (绩效运行监控, "双监控"): is the money
-- spent at the pace of the calendar, and is each indicator on course?  The
-- rules are the core's (src/pe_monitor.c, pe_progress() in
-- src/pe_arith.c; their sentences in src/pe_explain.c), every threshold an
-- argument whose default is the provincial systems' (1.16).
--
-- Lights are text: red, yellow, green, blue (ahead of the pace), grey
-- (nothing reported yet), NULL when they cannot be told; each with its
-- Chinese label (红 黄 绿 蓝 灰) and the sentence that explains it.

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
