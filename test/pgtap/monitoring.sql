-- pgTAP: mid-year monitoring's rules in SQL (1.16, issue 28's first part):
-- time_progress(), execution_light(), indicator_light(), worst_light(),
-- each the core's rule (src/pe_monitor.c) as a user calls it.  Undone by
-- the final ROLLBACK.
BEGIN;
SELECT plan(16);

-- the calendar's share: by month, or by day
SELECT results_eq($$SELECT perfeval.time_progress(d), perfeval.time_progress(d, by_day => true)
	FROM (VALUES ('2024-08-01'::date), ('2024-08-31'), ('2023-03-15'), ('2024-12-31')) v(d)$$,
	$$VALUES (66.666667, 58.469945), (66.666667, 66.666667), (25, 20.273973), (100, 100)$$,
	'time_progress: the month ÷ 12, or the day of the year ÷ its days');

-- budget execution at three dates of one project's year (1000万元 budget)
SELECT results_eq($$SELECT e.exec_rate, e.time_progress, e.exec_ratio, e.exec_gap, e.light, e.light_zh
	FROM (VALUES ('2024-06-30'::date, 300), ('2024-08-31', 412), ('2024-10-31', 700)) v(d, spent),
	LATERAL perfeval.execution_light(v.spent, 1000, v.d) e ORDER BY v.d$$,
	$$VALUES (30, 50, 60, -20, 'yellow', '黄'), (41.2, 66.666667, 61.8, -25.466667, 'yellow', '黄'),
			 (70, 83.333333, 84, -13.333333, 'green', '绿')$$,
	'execution_light: rate, time progress, ratio and gap, exact, and the light, at three dates');
SELECT is((perfeval.execution_light(412, 1000, '2024-08-31')).explanation,
	'执行率=412÷1000=41.2%，序时进度=8÷12=66.7%，执行进度比=61.8%，黄灯', '…explained as a monitoring sheet writes it');
SELECT is((perfeval.execution_light(250, 1000, '2024-08-31')).light, 'red', 'a ratio below 60: red');
SELECT results_eq($$SELECT e.exec_rate, e.light, e.explanation FROM perfeval.execution_light(50, 0, '2024-08-31') e$$,
	$$VALUES (NULL::numeric, NULL::text, '全年预算为0或未录入：执行率无法计算，不亮灯')$$,
	'a zero budget: no rate and no light, never 0 % and red');
SELECT is((perfeval.execution_light(412, 1000, '2024-08-31', red => 50, yellow => 60)).light, 'green',
	'the bounds are arguments (a scheme of its own)');

-- indicators at 2024-08-31
SELECT results_eq($$SELECT i.expected, i.progress, i.light FROM (VALUES
		('≥120公里', '70公里'), ('≥120公里', '40公里'), ('≥120公里', '96公里'), ('≥1亿元', '6000万元')) v(t, a),
	LATERAL perfeval.indicator_light(v.t::perfeval.target, v.a::perfeval.measure, '2024-08-31') i$$,
	$$VALUES (80::numeric, 87.5, 'green'), (80, 50, 'red'), (80, 120, 'blue'), (0.666667, 90, 'green')$$,
	'≥ targets against the pace of the year: 60 / 80 / 120');
SELECT is((perfeval.indicator_light('≥120公里', '70公里', '2024-08-31', full_target => true)).light, 'red',
	'full_target: a one-off target against the whole of it');
SELECT results_eq($$SELECT i.light, i.met FROM (VALUES ('≤5%', '3%'), ('≤5%', '6%'), ('=0', '0'), ('=0', '2')) v(t, a),
	LATERAL perfeval.indicator_light(v.t::perfeval.target, v.a::perfeval.measure, '2024-08-31') i$$,
	$$VALUES ('green', true), ('red', false), ('green', true), ('red', false)$$,
	'≤ targets and a zero target: met or not');
SELECT results_eq($$SELECT i.light, i.due FROM (VALUES ('2024-08-31'::date, '2024年10月8日'), ('2024-10-15', '2024年10月8日'),
		('2024-10-15', '2024年9月20日')) v(d, a),
	LATERAL perfeval.indicator_light('2024年9月30日前', v.a::perfeval.measure, v.d) i$$,
	$$VALUES ('green', false), ('red', true), ('green', true)$$,
	'deadlines: green when met or not yet due, red when due and unmet');
SELECT results_eq($$SELECT i.light_zh FROM (VALUES ('达成'), ('部分达成目标并具有一定效果'), ('未达成目标且效果较差')) v(a),
	LATERAL perfeval.indicator_light('稳步提升', v.a::perfeval.measure, '2024-08-31') i$$,
	$$VALUES ('绿'), ('黄'), ('红')$$, 'qualitative: the tier''s words, short and long');
SELECT results_eq($$SELECT i.light, i.due, i.explanation FROM perfeval.indicator_light('2024年9月30日前', NULL, '2024-10-01') i$$,
	$$VALUES ('grey', true, '已到期，尚未报告实际完成值，灰灯')$$, 'nothing reported: grey, and due once its day has passed');
SELECT results_eq($$SELECT i.light, i.explanation FROM perfeval.indicator_light('≥5万元', '3家', '2024-08-31') i$$,
	$$VALUES (NULL::text, '实际完成值“3家”不能与指标值“≥5万元”比较，不亮灯')$$,
	'units that cannot be compared: no light, and why');

-- a project's goal light: the worst that says something
SELECT results_eq($$SELECT perfeval.worst_light(l ORDER BY n) FROM (VALUES (1, 'a', 'blue'), (2, 'a', 'green'), (3, 'b', 'green'),
		(4, 'b', 'red'), (5, 'b', 'yellow'), (6, 'c', 'grey'), (7, 'c', 'blue'), (8, 'd', 'grey'), (9, 'd', NULL)) v(n, p, l)
	GROUP BY p ORDER BY p$$,
	$$VALUES ('green'), ('red'), ('blue'), ('grey')$$, 'worst_light: red > yellow > green > blue, grey only alone');

-- refusals
SELECT throws_ok($$SELECT perfeval.time_progress('infinity')$$, '22007', NULL, 'an infinite date: refused');
SELECT throws_ok($$SELECT perfeval.indicator_light('≥5', '3', '2024-08-31', blue => 70)$$, '22023',
	'invalid monitoring bounds', 'bounds out of order: refused');

SELECT * FROM finish();
ROLLBACK;
