-- pgTAP: the monitoring form (绩效监控表, 1.16, issue 28) through the one
-- reader: Excel-shaped CSV files staged by stage_file() (UTF-8 with a
-- byte-order mark and GB18030, CRLF, merged 项目编码 cells left blank,
-- trailing empty columns, 1-8月 headers, word columns and the national
-- form's tick columns), imported by import_forms() onto projects already
-- in the warehouse: perfeval.actual (with its forecast, cause and
-- likelihood) and perfeval.execution by fund level, the lights after; a
-- bad row rejects only its form, with its line and column; a re-import
-- replaces; a loader outside the project's department is refused.  A
-- hand-made county (as monitoring_warehouse.sql's).  Undone by ROLLBACK.
BEGIN;
SELECT plan(46);

INSERT INTO perfeval.project (project_id, name, year, division_code, department, evaluation_kind) VALUES
	('mf1', '农村公路养护', 2024, '650102', '交通运输局', '单位自评'),
	('mf2', '饮水安全巩固', 2024, '650102', '水利局', '单位自评'),
	('mf3', '乡村培训', 2024, '650102', '水利局', '单位自评');
INSERT INTO perfeval.indicator (project_id, code, seq, level1, level2, name, weight, target) VALUES
	('mf1', 'B11', 1, '产出指标', '数量指标', '养护里程', 40, '≥120公里'),
	('mf1', 'B21', 2, '产出指标', '质量指标', '返修率', 30, '≤5%'),
	('mf1', 'B31', 3, '产出指标', '时效指标', '完工时间', 30, '2024年9月30日前'),
	('mf2', 'B11', 1, '效益指标', '社会效益指标', '受益人口', 100, '≥1万人'),
	('mf3', 'B11', 1, '产出指标', '数量指标', '培训人次', 50, '≥500人次'),
	('mf3', 'C11', 2, '效益指标', '社会效益指标', '培训人次', 50, '≥400人次');

-- mf1's indicators, as Excel's "CSV UTF-8" writes them: a byte-order mark,
-- CRLF, 项目编码 merged (blank below), trailing empty columns, word columns
SELECT results_eq($$SELECT relation, rows, encoding FROM perfeval.stage_file(
	'\xefbbbf'::bytea || convert_to(E'项目编码,一级指标,二级指标,三级指标,年度指标值,1-8月实际完成值,全年预计完成值,偏差原因,完成可能性,原因说明,,\r\n'
		'mf1,产出指标,数量指标,养护里程,≥120公里,70公里,100公里,经费保障,有可能,资金到位晚,,\r\n'
		',,质量指标,返修率,≤3%,6%,5%,制度保障,有可能,,,\r\n'
		',,时效指标,完工时间,2024年9月30日前,,,,,,,\r\n', 'UTF8'), 'mf1_监控.csv')$$,
	$$VALUES ('form_monitor', 3::bigint, 'UTF8')$$, 'stage_file(): a UTF-8 monitoring form with its 1-8月 header is form_monitor');
SELECT bag_eq($$SELECT "项目编码", "三级指标", "截至月份", "实际完成值" FROM perfeval.form_monitor$$,
	$$VALUES ('mf1', '完工时间', '8', NULL), ('mf1', '养护里程', '8', '70公里'), ('mf1', '返修率', '8', '6%')$$,
	'the month of the header is every row''s 截至月份, the merged 项目编码 the row above''s');
-- mf2's, as "CSV" on a Chinese desk writes it (GB18030), the national
-- form's tick columns, 1—8月
SELECT results_eq($$SELECT relation, rows, encoding FROM perfeval.stage_file(
	convert_to(E'项目编码,三级指标,年度指标值,1—8月实际完成值,全年预计完成值,经费保障,制度保障,人员保障,硬件条件保障,其他,确定能,有可能,完全不可能,原因说明\r\n'
		'mf2,受益人口,≥1万人,4000人,9000人,,,√,,,,✓,,人手不足\r\n', 'GB18030'), 'mf2.csv')$$,
	$$VALUES ('form_monitor', 1::bigint, 'GB18030')$$, 'a GB18030 form with tick columns');
-- the money: totals and their parts, 1-8月执行数, 执行率 printed
SELECT results_eq($$SELECT relation, rows, encoding FROM perfeval.stage_file(
	convert_to(E'项目编码,资金来源,全年预算数,到位数,1-8月执行数,执行率,,\r\n'
		'mf1,年度资金总额,1000,900,412,41.2%,,\r\n'
		',其中：县级,1000,900,412,41.2%,,\r\n'
		'mf2,年度资金总额,310,300,80,26.67%,,\r\n'
		',财政拨款,300,300,80,,,\r\n'
		',其中：省级资金,100,100,20,20%,,\r\n'
		',县级,200,200,60,30%,,\r\n', 'GB18030'), 'money.csv')$$,
	$$VALUES ('form_monitor_money', 6::bigint, 'GB18030')$$, 'the money table is form_monitor_money');

SELECT results_eq($$SELECT project_code, status, indicators, errors FROM perfeval.import_forms() ORDER BY 1$$,
	$$VALUES ('mf1', 'imported', 3, 0), ('mf2', 'imported', 1, 0)$$,
	'import_forms(): both monitoring forms go in');
SELECT results_eq($$SELECT project_id, code, reported_on, measure::text, forecast::text, cause, likelihood, deviation_note
	FROM perfeval.actual WHERE project_id IN ('mf1', 'mf2') ORDER BY 1, 2$$,
	$$VALUES ('mf1', 'B11', '2024-08-31'::date, '70公里', '100公里', '经费保障', '有可能', '资金到位晚'),
			 ('mf1', 'B21', '2024-08-31', '6%', '5%', '制度保障', '有可能', NULL),
			 ('mf2', 'B11', '2024-08-31', '4000人', '9000人', '人员保障', '有可能', '人手不足')$$,
	'one actual per measured indicator at the last day of August, with its forecast, cause (a tick read as its word) and likelihood; 完工时间, not yet measured, none');
SELECT results_eq($$SELECT project_id, department, fund_level, reported_on, unit, budget, arrived, spent
	FROM perfeval.execution WHERE project_id IN ('mf1', 'mf2') ORDER BY 1, 3$$,
	$$VALUES ('mf1', '交通运输局', '县区级', '2024-08-31'::date, '万元', 1000::numeric, 900::numeric, 412::numeric),
			 ('mf2', '水利局', '县区级', '2024-08-31', '万元', 200, 200, 60),
			 ('mf2', '水利局', '省级', '2024-08-31', '万元', 100, 100, 20)$$,
	'each fund level''s line one execution row (the department the project''s); the totals are not stored');
SELECT is((SELECT count(*) FROM perfeval.staged_lines WHERE project_code IN ('mf1', 'mf2')), 0::bigint,
	'imported monitoring rows leave the staging');

-- what the forms printed that their facts do not give: findings, not refusals
SELECT results_eq($$SELECT project_id, code, kind, detail FROM perfeval.findings
	WHERE project_id IN ('mf1', 'mf2') AND kind IN ('money_total', 'printed_rate', 'target_differs') ORDER BY 1, 3, 4$$,
	$$VALUES ('mf1', 'B21', 'target_differs', '2024-08-31 指标“返修率”：监控表年度指标值为“≤3%”，指标目标为“≤5%”'),
			 ('mf2', NULL, 'money_total', '2024-08-31 年度资金总额：全年预算数为310万元，其组成合计300万元'),
			 ('mf2', NULL, 'printed_rate', '2024-08-31 年度资金总额：执行率印为26.67%，执行数÷全年预算数=80÷310=25.81%')$$,
	'a total not the sum of its parts, a printed rate that is not spent ÷ budget, a 年度指标值 not the target: findings of perfeval.findings');
SELECT is((SELECT count(*) FROM perfeval.findings WHERE project_id = 'mf1' AND kind IN ('money_total', 'printed_rate')), 0::bigint,
	'mf1''s total equals its one line and its rates are right: no money finding');

-- the lights after the import
SELECT results_eq($$SELECT project_id, budget, spent, exec_rate, exec_light, goal_light
	FROM perfeval.monitoring_projects WHERE project_id IN ('mf1', 'mf2') ORDER BY 1$$,
	$$VALUES ('mf1', 1000::numeric, 412::numeric, 41.2, 'yellow', 'red'),
			 ('mf2', 300, 80, 26.666667, 'red', 'yellow')$$,
	'monitoring_projects: mf1 yellow on money and red on its goals, mf2 red on money and yellow on its goals');
SELECT results_eq($$SELECT project_id, code, light, cause, likelihood FROM perfeval.monitoring_indicators
	WHERE project_id IN ('mf1', 'mf2') ORDER BY 1, 2$$,
	$$VALUES ('mf1', 'B11', 'green', '经费保障', '有可能'), ('mf1', 'B21', 'red', '制度保障', '有可能'),
			 ('mf1', 'B31', 'grey', NULL, NULL), ('mf2', 'B11', 'yellow', '人员保障', '有可能')$$,
	'monitoring_indicators: the lights of the imported actuals');

-- the same form again, corrected: the rows of the same key replaced
SELECT lives_ok($$SELECT * FROM perfeval.stage_file(convert_to(E'项目编码,三级指标,1-8月实际完成值,偏差原因\n'
	'mf1,养护里程,75公里,经费\n', 'UTF8'), 'again.csv')$$, 'the corrected form staged again');
-- the money again, corrected: its findings at that date replaced
SELECT lives_ok($$SELECT * FROM perfeval.stage_file(convert_to(E'项目编码,资金来源,全年预算数,到位数,1-8月执行数,执行率\n'
	'mf2,年度资金总额,300,300,80,26.67%\n,省级,100,100,20,\n,县区级,200,200,60,\n', 'UTF8'), 'money2.csv')$$,
	'the corrected money staged again');
SELECT results_eq($$SELECT project_code, status FROM perfeval.import_forms() ORDER BY 1$$,
	$$VALUES ('mf1', 'imported'), ('mf2', 'imported')$$, '…and imported');
SELECT is((SELECT count(*) FROM perfeval.monitoring_finding WHERE project_id = 'mf2'), 0::bigint,
	'the corrected money''s findings replace the earlier ones');
SELECT results_eq($$SELECT code, measure::text, forecast::text, cause FROM perfeval.actual WHERE project_id = 'mf1' ORDER BY 1$$,
	$$VALUES ('B11', '75公里', NULL, '经费保障'), ('B21', '6%', '5%', '制度保障')$$,
	'a re-import at the same date replaces its indicators'' actuals, not duplicates them');

-- a bad row rejects only its form: mf3's 培训人次 names two indicators,
-- its 偏差原因 is no cause; an unknown project; mf1's form in the same run goes in
SELECT lives_ok($$SELECT * FROM perfeval.stage_file(convert_to(E'项目编码,三级指标,1至8月实际完成值,偏差原因,完成可能性\r\n'
	'mf1,返修率,4%,,确定能\r\n'
	'mf3,培训人次,300人次,天气,有可能\r\n'
	'mf9,培训人次,1人次,,\r\n', 'UTF8'), 'bad.csv')$$, 'a file with a bad form staged');
SELECT results_eq($$SELECT project_code, status, errors FROM perfeval.import_forms() ORDER BY 1$$,
	$$VALUES ('mf1', 'imported', 0), ('mf3', 'rejected', 2), ('mf9', 'rejected', 1)$$,
	'only the forms with problems are rejected');
SELECT results_eq($$SELECT project_code, relation, line, column_name, value, sqlstate FROM perfeval.import_error
	WHERE project_code IN ('mf3', 'mf9') ORDER BY 1, 5$$,
	$$VALUES ('mf3', 'form_monitor', 3, '三级指标', '培训人次', '22023'),
			 ('mf3', 'form_monitor', 3, '偏差原因', '天气', '22023'),
			 ('mf9', 'form_monitor', 4, '项目编码', 'mf9', '23503')$$,
	'…each problem with its line, column and value');
SELECT is((SELECT count(*) FROM perfeval.actual WHERE project_id = 'mf3'), 0::bigint, 'nothing of mf3 written');
SELECT is((SELECT likelihood FROM perfeval.actual WHERE project_id = 'mf1' AND code = 'B21'), '确定能',
	'mf1''s row of the same file went in');
-- corrected with 二级指标, it goes in
DELETE FROM perfeval.form_monitor;
SELECT lives_ok($$SELECT * FROM perfeval.stage_file(convert_to(E'项目编码,二级指标,三级指标,截至月份,实际完成值,监控日期\n'
	'mf3,社会效益指标,培训人次,6,200人次,2024-06-20\n', 'UTF8'), 'ok.csv')$$, 'mf3 corrected, with 监控日期');
-- its money in 元, as its headers say, at 监控日期 (the header's month agreeing)
SELECT results_eq($$SELECT relation, rows FROM perfeval.stage_file(convert_to(E'项目编码,资金来源,全年预算数（元）,1-6月执行数（元）,监控日期\n'
	'mf3,县级,50000,12000,2024-06-20\n', 'UTF8'), 'mf3_money.csv')$$,
	$$VALUES ('form_monitor_money', 1::bigint)$$, 'mf3''s money, the unit in its headers');
SELECT results_eq($$SELECT project_code, status FROM perfeval.import_forms()$$, $$VALUES ('mf3', 'imported')$$, '…goes in');
SELECT results_eq($$SELECT fund_level, reported_on, unit, budget, spent FROM perfeval.execution WHERE project_id = 'mf3'$$,
	$$VALUES ('县区级', '2024-06-20'::date, '元', 50000::numeric, 12000::numeric)$$,
	'…in 元, the unit its headers name (全年预算数（元）)');
SELECT results_eq($$SELECT code, reported_on, measure::text FROM perfeval.actual WHERE project_id = 'mf3'$$,
	$$VALUES ('C11', '2024-06-20'::date, '200人次')$$, '…at its 监控日期, the indicator its 二级指标 names');

-- 监控日期 outside the month its header names: the form's problem
SELECT lives_ok($$SELECT * FROM perfeval.stage_file(convert_to(E'项目编码,资金来源,全年预算数,1-8月执行数,监控日期\n'
	'mf1,县级,1000,450,2024-09-15\n', 'UTF8'), 'late.csv')$$, 'money dated in September under a 1-8月 header staged');
SELECT results_eq($$SELECT project_code, status, errors FROM perfeval.import_forms()$$, $$VALUES ('mf1', 'rejected', 1)$$,
	'…rejected');
SELECT results_eq($$SELECT relation, line, column_name, value, sqlstate FROM perfeval.import_error WHERE project_code = 'mf1'$$,
	$$VALUES ('form_monitor_money', 2, '监控日期', '2024-09-15', '22023')$$, '…naming 监控日期, its line and value');
DELETE FROM perfeval.form_monitor_money;

-- a project's self-evaluation form and its monitoring in one run: the
-- project first, its monitoring onto it
INSERT INTO perfeval.form_project VALUES ('mf5', '新项目', '2024', '650102', '交通运输局', '', '', '', '', '', '', '', '', '', '', '', '');
INSERT INTO perfeval.form_indicator VALUES ('mf5', '产出指标', '数量指标', '新建桥梁', '≥', '4', '座', '100', '', '', '');
SELECT lives_ok($$SELECT * FROM perfeval.stage_file(convert_to(E'项目编码,三级指标,1-7月实际完成值,完成可能性\n'
	'mf5,新建桥梁,1座,有可能\n', 'UTF8'), 'mf5.csv')$$, 'a new project''s form and its monitoring staged together');
SELECT results_eq($$SELECT project_code, status FROM perfeval.import_forms()$$, $$VALUES ('mf5', 'imported')$$,
	'…imported in one run');
SELECT results_eq($$SELECT a.code, a.reported_on, a.measure::text, a.likelihood FROM perfeval.actual a
	JOIN perfeval.indicator i USING (project_id, code) WHERE a.project_id = 'mf5' AND i.name = '新建桥梁'$$,
	$$VALUES ('A11', '2024-07-31'::date, '1座', '有可能')$$, '…the monitoring on the project the form made');

-- the national form as Excel writes its merged header cells: 偏差原因 and
-- 完成可能性 over their tick columns, named on a second header line
SELECT results_eq($$SELECT relation, rows, encoding FROM perfeval.stage_file(convert_to(
	E'项目编码,三级指标,1-9月实际完成值,偏差原因,,,,,完成可能性,,,原因说明,,\r\n'
	',,,经费保障,制度保障,人员保障,硬件条件保障,其他,确定能,有可能,完全不可能,,,\r\n'
	'mf2,受益人口,6000人,,,√,,,,✔,,招聘中,,\r\n', 'GB18030'), 'mf2_9月.csv')$$,
	$$VALUES ('form_monitor', 1::bigint, 'GB18030')$$, 'a header of two lines (merged header cells) is read as one');
SELECT results_eq($$SELECT project_code, status FROM perfeval.import_forms()$$, $$VALUES ('mf2', 'imported')$$, '…imported');
SELECT results_eq($$SELECT reported_on, measure::text, cause, likelihood, deviation_note FROM perfeval.actual
	WHERE project_id = 'mf2' AND reported_on = '2024-09-30'$$,
	$$VALUES ('2024-09-30'::date, '6000人', '人员保障', '有可能', '招聘中')$$, '…its ticks read under the second line''s words');

-- out and in again: export_monitor and export_monitor_money have the
-- staging layouts; the facts deleted and imported back from them are the same
CREATE TEMP TABLE before_actual AS SELECT * FROM perfeval.actual WHERE project_id IN ('mf1', 'mf2', 'mf3');
CREATE TEMP TABLE before_money AS SELECT * FROM perfeval.execution WHERE project_id IN ('mf1', 'mf2', 'mf3');
CREATE TEMP TABLE out_monitor AS SELECT * FROM perfeval.export_monitor WHERE "项目编码" IN ('mf1', 'mf2', 'mf3');
CREATE TEMP TABLE out_money AS SELECT * FROM perfeval.export_monitor_money WHERE "项目编码" IN ('mf1', 'mf2', 'mf3');
SELECT results_eq($$SELECT "项目编码", "三级指标", "指标编码", "实际完成值", "全年预计完成值", "偏差原因", "监控日期" FROM out_monitor WHERE "项目编码" = 'mf2'$$,
	$$VALUES ('mf2', '受益人口', 'B11', '4000人', '9000人', '人员保障', '2024-08-31'),
			 ('mf2', '受益人口', 'B11', '6000人', NULL, '人员保障', '2024-09-30')$$, 'export_monitor: an actual in the form_monitor layout');
DELETE FROM perfeval.actual WHERE project_id IN ('mf1', 'mf2', 'mf3');
DELETE FROM perfeval.execution WHERE project_id IN ('mf1', 'mf2', 'mf3');
INSERT INTO perfeval.form_monitor SELECT * FROM out_monitor;
INSERT INTO perfeval.form_monitor_money SELECT * FROM out_money;
SELECT results_eq($$SELECT project_code, status FROM perfeval.import_forms() ORDER BY 1$$,
	$$VALUES ('mf1', 'imported'), ('mf2', 'imported'), ('mf3', 'imported')$$, 'the exported monitoring goes in again');
SELECT bag_eq($$SELECT * FROM perfeval.actual WHERE project_id IN ('mf1', 'mf2', 'mf3')$$, $$SELECT * FROM before_actual$$,
	'…with the same actuals');
SELECT bag_eq($$SELECT * FROM perfeval.execution WHERE project_id IN ('mf1', 'mf2', 'mf3')$$, $$SELECT * FROM before_money$$,
	'…and the same money');

-- a loader of 交通运输局 may not load 水利局's project
CREATE ROLE perfeval_monloader_test;
SELECT perfeval.grant_access('perfeval_monloader_test', department => '交通运输局', may_load => true);
SET ROLE perfeval_monloader_test;
SELECT lives_ok($$SELECT * FROM perfeval.stage_file(convert_to(E'项目编码,资金来源,全年预算数,1-9月执行数\n'
	'mf2,县级,200,100\nmf1,县级,1000,500\n', 'UTF8'), 'loader.csv')$$, 'a loader stages money of two departments');
SELECT results_eq($$SELECT project_code, status, errors FROM perfeval.import_forms() ORDER BY 1$$,
	$$VALUES ('mf1', 'imported', 0), ('mf2', 'rejected', 1)$$,
	'its own department''s goes in; the other department''s project is refused');
RESET ROLE;
SELECT results_eq($$SELECT project_id, fund_level, reported_on, spent FROM perfeval.execution WHERE reported_on = '2024-09-30' ORDER BY 1$$,
	$$VALUES ('mf1', '县区级', '2024-09-30'::date, 500::numeric)$$, '…and nothing of mf2 is written');
-- the owner's nightly run imports a loader's forms with the loader's rights
DELETE FROM perfeval.form_monitor_money;
SET ROLE perfeval_monloader_test;
SELECT lives_ok($$SELECT * FROM perfeval.stage_file(convert_to(E'项目编码,资金来源,全年预算数,1-10月执行数\n'
	'mf2,县级,200,150\nmf1,县级,1000,800\n', 'UTF8'), 'loader2.csv')$$, 'the loader stages again and leaves it to the owner');
RESET ROLE;
SELECT results_eq($$SELECT project_code, status, errors FROM perfeval.import_forms() ORDER BY 1$$,
	$$VALUES ('mf1', 'imported', 0), ('mf2', 'rejected', 1)$$,
	'the owner''s run: the loader''s department''s form goes in, the other is refused');
SELECT results_eq($$SELECT sqlstate, message FROM perfeval.import_error WHERE project_code = 'mf2'$$,
	$$VALUES ('42501', 'role "perfeval_monloader_test" may not load project "mf2"')$$, '…naming the role that staged it');

SELECT * FROM finish();
ROLLBACK;
