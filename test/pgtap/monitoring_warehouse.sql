-- pgTAP: mid-year monitoring over the warehouse (1.16, issue 28): the
-- dated money (perfeval.execution), the cause and likelihood of an actual,
-- monitoring_projects_as_of() / monitoring_indicators_as_of() at three
-- dates, the views at each project's latest report, key monitoring, the
-- findings, and a scoped role.  A hand-made county of four projects.
-- Undone by the final ROLLBACK.
BEGIN;
SELECT plan(25);

INSERT INTO perfeval.project (project_id, name, year, division_code, department, evaluation_kind) VALUES
	('mon1', '农村公路养护', 2024, '650102', '交通运输局', '单位自评'),
	('mon2', '饮水安全巩固', 2024, '650102', '水利局', '单位自评'),
	('mon3', '预算为零的项目', 2024, '650102', '水利局', '单位自评'),
	('mon4', '尚未报告的项目', 2024, '650102', '水利局', '单位自评'),
	-- last year's, for the same period a year earlier
	('mon0', '上年项目', 2023, '650102', '交通运输局', '单位自评');
INSERT INTO perfeval.indicator (project_id, code, seq, level1, level2, name, weight, target) VALUES
	('mon1', 'B11', 1, '产出指标', '数量指标', '养护里程', 40, '≥120公里'),
	('mon1', 'B21', 2, '产出指标', '质量指标', '返修率', 30, '≤5%'),
	('mon1', 'B31', 3, '产出指标', '时效指标', '完工时间', 30, '2024年9月30日前'),
	('mon2', 'B11', 1, '效益指标', '社会效益指标', '受益人口', 100, '≥1万人'),
	('mon4', 'B11', 1, '产出指标', '数量指标', '培训人次', 100, '≥500人次');
-- money, cumulative to each report date (mon2 in two lines and two units)
INSERT INTO perfeval.execution (project_id, department, fund_level, reported_on, unit, budget, spent) VALUES
	('mon1', '交通运输局', '县区级', '2024-06-30', '万元', 1000, 300),
	('mon1', '交通运输局', '县区级', '2024-08-31', '万元', 1000, 412),
	('mon1', '交通运输局', '县区级', '2024-10-31', '万元', 1000, 700),
	('mon2', '水利局', '省级', '2024-08-31', '元', 1000000, 200000),
	('mon2', '水利局', '县区级', '2024-07-31', '万元', 200, 60),
	('mon3', '水利局', '县区级', '2024-08-31', '万元', 0, 0),
	('mon0', '交通运输局', '县区级', '2023-08-31', '万元', 100, 50);
INSERT INTO perfeval.actual (project_id, code, reported_on, measure, cause, likelihood) VALUES
	('mon1', 'B11', '2024-06-30', '50公里', NULL, '确定能'),
	('mon1', 'B11', '2024-08-31', '70公里', NULL, '完全不可能'),
	('mon1', 'B21', '2024-08-31', '6%', NULL, '有可能'),
	('mon1', 'B21', '2024-10-31', '7%', '经费保障', '有可能'),
	('mon2', 'B11', '2024-08-31', '4000人', '人员保障', '有可能');

SELECT throws_ok($$INSERT INTO perfeval.actual (project_id, code, reported_on, measure, cause) VALUES ('mon1', 'B11', '2024-07-31', '1公里', '天气')$$,
	'23514', NULL, 'a cause must be one of the five');
SELECT throws_ok($$INSERT INTO perfeval.execution (project_id, department, fund_level, reported_on, budget, spent) VALUES ('mon1', '交通运输局', '县区级', '2024-09-30', 'NaN', 1)$$,
	'23514', NULL, 'NaN money is refused');
SELECT throws_ok($$INSERT INTO perfeval.execution (project_id, department, fund_level, reported_on, unit, budget, spent) VALUES ('mon1', '交通运输局', '县区级', '2024-09-30', '元', 10000000, 3000000.5678)$$,
	'23514', NULL, 'money that is not exact in 万元 (0.5678元) is refused at the door, not left to break every reader');

-- the projects at three dates
SELECT results_eq($$SELECT project_id, budget, spent, exec_rate, exec_ratio, exec_light, goal_light, key_monitor
	FROM perfeval.monitoring_projects_as_of('2024-06-30') WHERE project_id LIKE 'mon%' ORDER BY 1$$,
	$$VALUES ('mon1', 1000::numeric, 300::numeric, 30::numeric, 60::numeric, 'yellow', 'green', NULL::boolean),
			 ('mon2', NULL, NULL, NULL, NULL, NULL, 'grey', NULL),
			 ('mon3', NULL, NULL, NULL, NULL, NULL, NULL, NULL),
			 ('mon4', NULL, NULL, NULL, NULL, NULL, 'grey', NULL)$$,
	'June: mon1 at 30 % of its money with half the year gone (yellow), its road at 50 of 60 km (green); nothing else yet');
SELECT results_eq($$SELECT project_id, budget, spent, exec_rate, exec_ratio, exec_gap, exec_light, goal_light, key_monitor
	FROM perfeval.monitoring_projects_as_of('2024-08-31') WHERE project_id LIKE 'mon%' ORDER BY 1$$,
	$$VALUES ('mon1', 1000::numeric, 412::numeric, 41.2, 61.8, -25.466667, 'yellow', 'red', true),
			 ('mon2', 300, 80, 26.666667, 40, -40, 'red', 'yellow', true),
			 ('mon3', 0, 0, NULL, NULL, NULL, NULL, NULL, false),
			 ('mon4', NULL, NULL, NULL, NULL, NULL, NULL, 'grey', false)$$,
	'August: figures exact, both big projects slow (key monitoring), mon2''s two lines in two units summed in 万元, mon3''s zero budget no light');
SELECT results_eq($$SELECT project_id, exec_rate, exec_light, goal_light FROM perfeval.monitoring_projects_as_of('2024-10-31') WHERE project_id LIKE 'mon%' ORDER BY 1$$,
	$$VALUES ('mon1', 70::numeric, 'green', 'red'), ('mon2', 26.666667, 'red', 'red'),
			 ('mon3', NULL, NULL, NULL), ('mon4', NULL, NULL, 'grey')$$,
	'October: mon1 green on money, still red on a goal; mon2''s latest lines carried forward');
SELECT is((SELECT explanation FROM perfeval.monitoring_projects_as_of('2024-08-31') WHERE project_id = 'mon1'),
	'执行率=412÷1000=41.2%，序时进度=8÷12=66.7%，执行进度比=61.8%，黄灯', 'the execution light explained');
SELECT is((SELECT findings FROM perfeval.monitoring_projects_as_of('2024-08-31') WHERE project_id = 'mon3'),
	'全年预算为0，无法计算预算执行率', 'a zero budget: a finding, never 0 % and red');

-- the indicators
SELECT results_eq($$SELECT project_id, code, expected, actual, progress, light, due, cause, likelihood
	FROM perfeval.monitoring_indicators_as_of('2024-08-31') WHERE project_id LIKE 'mon%' ORDER BY 1, 2$$,
	$$VALUES ('mon1', 'B11', 80::numeric, '70公里', 87.5, 'green', true, NULL, '完全不可能'),
			 ('mon1', 'B21', NULL, '6%', NULL, 'red', true, NULL, '有可能'),
			 ('mon1', 'B31', NULL, NULL, NULL, 'grey', false, NULL, NULL),
			 ('mon2', 'B11', 6666.666667, '4000人', 60, 'yellow', true, '人员保障', '有可能'),
			 ('mon4', 'B11', 333.333333, NULL, NULL, 'grey', true, NULL, NULL)$$,
	'August''s indicators: pace, ≤, a deadline not yet due, 1万人 against 人, nothing reported');
SELECT results_eq($$SELECT project_id, code, findings FROM perfeval.monitoring_indicators_as_of('2024-08-31')
	WHERE findings IS NOT NULL AND project_id LIKE 'mon%' ORDER BY 1, 2$$,
	$$VALUES ('mon1', 'B11', '绿灯指标报告完全不可能完成全年目标'), ('mon1', 'B21', '红灯未说明偏差原因'),
			 ('mon4', 'B11', '已到期未报告实际完成值')$$,
	'findings: 完全不可能 on green, red without a cause, nothing reported when due');
SELECT results_eq($$SELECT code, light, cause, findings FROM perfeval.monitoring_indicators_as_of('2024-10-31')
	WHERE project_id = 'mon1' ORDER BY 1$$,
	$$VALUES ('B11', 'yellow', NULL, NULL::text), ('B21', 'red', '经费保障', NULL),
			 ('B31', 'grey', NULL, '已到期未报告实际完成值')$$,
	'October: the road falling behind (70 of 100 km), the rate explained by its cause, the deadline passed unreported');

-- the views: each project at its latest report
SELECT results_eq($$SELECT project_id, as_of, exec_rate, goal_light, goal_light_zh FROM perfeval.monitoring_projects WHERE project_id LIKE 'mon%' ORDER BY 1$$,
	$$VALUES ('mon0', '2023-08-31'::date, 50::numeric, NULL, NULL), ('mon1', '2024-10-31', 70, 'red', '红'),
			 ('mon2', '2024-08-31', 26.666667, 'yellow', '黄'),
			 ('mon3', '2024-08-31', NULL, NULL, NULL)$$,
	'monitoring_projects: each project at its latest report, in its own year (mon4 has none)');
SELECT results_eq($$SELECT * FROM perfeval.monitoring_indicators WHERE project_id = 'mon1' ORDER BY code$$,
	$$SELECT * FROM perfeval.monitoring_indicators_as_of('2024-10-31') WHERE project_id = 'mon1' ORDER BY code$$,
	'monitoring_indicators: the dated form at the project''s latest report');
SELECT results_eq($$SELECT * FROM perfeval.monitoring_projects WHERE project_id = 'mon2'$$,
	$$SELECT * FROM perfeval.monitoring_projects_as_of('2024-08-31') WHERE project_id = 'mon2'$$,
	'monitoring_projects: the dated form at the project''s latest report, column for column');

-- the roll-ups at the end of August: the county and the departments
SELECT results_eq($$SELECT projects, exec_red, exec_yellow, exec_green, exec_none, goal_red, goal_yellow, goal_grey,
		key_monitor, budget, spent, exec_rate, last_year_exec_rate, change, rank_in_prefecture
	FROM perfeval.monitoring_rollup_region_as_of('2024-08-31') WHERE division_code = '650102'$$,
	$$VALUES (4::bigint, 1::bigint, 1::bigint, 0::bigint, 2::bigint, 1::bigint, 1::bigint, 1::bigint, 2::bigint,
			  1300::numeric, 492::numeric, 37.846154, 50::numeric, -12.153846, 1::bigint)$$,
	'by county: projects per light, key monitoring, 492 of 1300万元 against 50 of 100 a year earlier');
SELECT results_eq($$SELECT department, projects, budget, spent, exec_rate, last_year_exec_rate, change, rank
	FROM perfeval.monitoring_rollup_department_as_of('2024-08-31') WHERE department IN ('交通运输局', '水利局') ORDER BY rank$$,
	$$VALUES ('交通运输局', 1::bigint, 1000::numeric, 412::numeric, 41.2, 50::numeric, -8.8, 1::bigint),
			 ('水利局', 3, 300, 80, 26.666667, NULL, NULL, 2)$$,
	'by department: ranked by execution rate, with last year''s same period where there was one');

-- the bounds are the scheme's: a county whose scheme calls execution red
-- below 65 and yellow below 70, progress red below 50, yellow below 70,
-- blue from 110, key monitoring from 100万元 below 50 %
-- at the end of June, and compares with whole targets (but for B11)
SELECT throws_ok($$INSERT INTO perfeval.scheme (scheme_id, name, monitor_exec_red, monitor_exec_yellow) VALUES ('bad', 'bad', 80, 60)$$,
	'23514', 'invalid monitoring rules in scheme', 'a scheme''s bounds out of order are refused by the core');
SELECT throws_ok($$INSERT INTO perfeval.scheme (scheme_id, name, key_month) VALUES ('bad', 'bad', 13)$$,
	'23514', 'invalid monitoring rules in scheme', 'a key month 13 is refused');
INSERT INTO perfeval.scheme (scheme_id, name, monitor_exec_red, monitor_exec_yellow, monitor_goal_red, monitor_goal_yellow,
		over_threshold, key_budget, key_rate, key_month, monitor_full)
	VALUES ('mon_county', '某县监控口径', 65, 70, 50, 70, 110, 100, 50, 6, true);
UPDATE perfeval.project SET scheme_id = 'mon_county' WHERE project_id IN ('mon1', 'mon2');
UPDATE perfeval.indicator SET monitor_full = false WHERE project_id = 'mon2' AND code = 'B11';
SELECT results_eq($$SELECT project_id, exec_ratio, exec_light, goal_light, key_monitor
	FROM perfeval.monitoring_projects_as_of('2024-08-31') WHERE project_id IN ('mon1', 'mon2') ORDER BY 1$$,
	$$VALUES ('mon1', 61.8, 'red', 'red', true), ('mon2', 40::numeric, 'red', 'yellow', false)$$,
	'the scheme''s bounds: 61.8 is red (below 65), 40 too; key monitoring decided at the end of June (mon1 300 of 1000万元, mon2 nothing reported yet)');
SELECT results_eq($$SELECT project_id, code, expected, progress, light FROM perfeval.monitoring_indicators_as_of('2024-08-31')
	WHERE project_id IN ('mon1', 'mon2') AND code = 'B11' ORDER BY 1$$,
	$$VALUES ('mon1', 'B11', 120::numeric, 58.333333, 'yellow'), ('mon2', 'B11', 6666.666667, 60::numeric, 'yellow')$$,
	'the scheme compares with the whole target (70 of 120 km: 58.3 %, yellow from 50), an indicator marked otherwise with its share');
SELECT is((SELECT key_monitor FROM perfeval.monitoring_projects_as_of('2024-05-31') WHERE project_id = 'mon1'), NULL,
	'key monitoring is not known before the scheme''s month ends');
SELECT results_eq($$SELECT project_id, exec_light, key_monitor FROM perfeval.monitoring_projects WHERE project_id IN ('mon1', 'mon2') ORDER BY 1$$,
	$$SELECT project_id, exec_light, key_monitor FROM (
		SELECT * FROM perfeval.monitoring_projects_as_of('2024-10-31') WHERE project_id = 'mon1'
		UNION ALL SELECT * FROM perfeval.monitoring_projects_as_of('2024-08-31') WHERE project_id = 'mon2') x ORDER BY 1$$,
	'the views use the scheme''s bounds as the dated forms do');
UPDATE perfeval.project SET scheme_id = 'national' WHERE project_id IN ('mon1', 'mon2');

-- a scoped role sees its department's projects only
CREATE ROLE perfeval_mon_reader;
SELECT perfeval.grant_access('perfeval_mon_reader', department => '交通运输局');
SET ROLE perfeval_mon_reader;
SELECT results_eq($$SELECT project_id FROM perfeval.monitoring_projects_as_of('2024-08-31')$$, $$VALUES ('mon1')$$,
	'a role granted one department sees its projects only');
SELECT results_eq($$SELECT project_id FROM perfeval.monitoring_indicators UNION SELECT project_id FROM perfeval.execution ORDER BY 1$$,
	$$VALUES ('mon0'), ('mon1')$$, '…in the indicators and the money too');
SELECT results_eq($$SELECT department, projects FROM perfeval.monitoring_rollup_department_as_of('2024-08-31')$$,
	$$VALUES ('交通运输局', 1::bigint)$$, '…and in the roll-ups');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
