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
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE AS 'MODULE_PATHNAME', 'pe_execution_sql';

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
CREATE AGGREGATE perfeval.worst_light(text) (
	SFUNC = perfeval_internal.light_worse, STYPE = text,
	COMBINEFUNC = perfeval_internal.light_worse, PARALLEL = SAFE
);

COMMENT ON FUNCTION perfeval.time_progress(date, boolean) IS '序时进度（按月：月份÷12；按日：年内天数÷全年天数），百分比 / The calendar''s share of the year at a date in percent (month ÷ 12, or by day)';
COMMENT ON FUNCTION perfeval.execution_light(numeric, numeric, date, boolean, numeric, numeric) IS '预算执行监控：执行率、序时进度、执行进度比、序时进度差、灯色及说明 / Budget execution at a date: rate, time progress, ratio, gap, light and its explanation';
COMMENT ON FUNCTION perfeval.indicator_light(perfeval.target, perfeval.measure, date, boolean, numeric, numeric, numeric) IS '绩效目标监控：指标的应完成值、进度、灯色及说明 / An indicator at a date: expected value, progress, light and its explanation';
COMMENT ON FUNCTION perfeval_internal.light_worse(text, text) IS '两个灯色中较差者（worst_light 的步进函数） / The worse of two lights (worst_light()''s step)';
COMMENT ON AGGREGATE perfeval.worst_light(text) IS '最差灯色（红>黄>绿>蓝；仅灰则灰） / The worst light (red > yellow > green > blue; grey only when nothing says more)';
