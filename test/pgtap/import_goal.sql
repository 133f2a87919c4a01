-- pgTAP: a form's 年度总体目标 (1.16): the goal set (预期目标) and what was
-- done (实际完成情况), staged in perfeval.form_goal (or by stage_file() from
-- a file with those headers), imported onto the project as written, printed
-- by report_html(), exported by export_goal and read back the same.  (1.15
-- had no place for them: a clerk's goal column was refused as an unknown
-- header.)  Undone by the final ROLLBACK.
BEGIN;
SELECT plan(12);

SELECT is((SELECT string_agg(column_name::text, ',' ORDER BY ordinal_position) FROM information_schema.columns
	WHERE table_schema = 'perfeval' AND table_name = 'form_goal'),
	'项目编码,年度总体目标,实际完成情况', 'form_goal: its headers');

INSERT INTO perfeval.form_project VALUES
	('goal001', '乡村道路养护', '2024', '650102', '交通运输局', '', '', '', '', '', '', '', '', '', '', '', ''),
	('goal002', '农村饮水安全', '2024', '650102', '水利局', '', '', '', '', '', '', '', '', '', '', '', '');
INSERT INTO perfeval.form_indicator VALUES
	('goal001', '产出指标', '数量指标', '养护里程', '≥', '120', '公里', '100', '126', '', ''),
	('goal002', '产出指标', '数量指标', '供水工程', '≥', '10', '处', '100', '10', '', '');
-- goal001's goal in two rows (a long cell split in the sheet), its outcome
-- in one; goal002 has none; goal003 has a goal and no form
INSERT INTO perfeval.form_goal VALUES
	('goal001', '1.养护农村公路 120 公里；', '完成养护 126 公里，'),
	('goal001', '2.路况优良率不低于 80%。', ''),
	('goal001', '  ', '优良率 85%<抽查>。'),
	('goal003', '无项目表', NULL);

SELECT results_eq($$SELECT project_code, status, errors FROM perfeval.import_forms() ORDER BY 1$$,
	$$VALUES ('goal001', 'imported', 0), ('goal002', 'imported', 0), ('goal003', 'rejected', 1)$$,
	'forms with and without 年度总体目标 go in; a goal without its form is a rejected form of its own');
SELECT results_eq($$SELECT relation, line, column_name, value, sqlstate FROM perfeval.import_error WHERE project_code = 'goal003'$$,
	$$VALUES ('form_goal', 5, '项目编码', 'goal003', '23503')$$,
	'…named with its line and 23503');
SELECT results_eq($$SELECT project_id, annual_goal, annual_outcome FROM perfeval.project WHERE project_id LIKE 'goal%' ORDER BY 1$$,
	$$VALUES ('goal001', E'1.养护农村公路 120 公里；\n2.路况优良率不低于 80%。', E'完成养护 126 公里，\n优良率 85%<抽查>。'),
			 ('goal002', NULL, NULL)$$,
	'the goal and the outcome as written, several rows joined in line order, blank cells left out');
SELECT is((SELECT count(*) FROM perfeval_internal.staged_goal WHERE "项目编码" IN ('goal001', 'goal002')), 0::bigint,
	'imported goal rows leave the staging');
SELECT is((SELECT count(*) FROM perfeval_internal.staged_goal WHERE "项目编码" = 'goal003'), 1::bigint,
	'a rejected one stays staged');

-- the printed form
SELECT matches(perfeval.report_html('goal001'),
	'<h2>年度总体目标</h2>.*<th>预期目标</th><th>实际完成情况</th>.*<td>1\.养护农村公路 120 公里；<br>2\.路况优良率不低于 80%。</td><td>完成养护 126 公里，<br>优良率 85%&lt;抽查&gt;。</td>.*<h2>年度绩效指标完成情况</h2>',
	'report_html() prints 年度总体目标 between the money and the indicators');
SELECT doesnt_match(perfeval.report_html('goal002'), '年度总体目标', '…and nothing of it where neither is known');

-- out and in again: export_goal has the form_goal layout
SELECT results_eq($$SELECT "项目编码", "年度总体目标", "实际完成情况" FROM perfeval.export_goal WHERE "项目编码" LIKE 'goal%'$$,
	$$VALUES ('goal001', E'1.养护农村公路 120 公里；\n2.路况优良率不低于 80%。', E'完成养护 126 公里，\n优良率 85%<抽查>。')$$,
	'export_goal: the projects with a goal or an outcome, in the form_goal layout');
INSERT INTO perfeval.form_project SELECT * FROM perfeval.export_project WHERE "项目编码" = 'goal001';
INSERT INTO perfeval.form_indicator SELECT * FROM perfeval.export_indicator WHERE "项目编码" = 'goal001';
INSERT INTO perfeval.form_goal SELECT * FROM perfeval.export_goal WHERE "项目编码" = 'goal001';
DELETE FROM perfeval.form_goal WHERE "项目编码" = 'goal003';
CREATE TEMP TABLE before_goal AS SELECT annual_goal, annual_outcome FROM perfeval.project WHERE project_id = 'goal001';
SELECT results_eq($$SELECT project_code, status FROM perfeval.import_forms()$$,
	$$VALUES ('goal001', 'imported')$$, 'an exported project goes in again');
SELECT results_eq($$SELECT annual_goal, annual_outcome FROM perfeval.project WHERE project_id = 'goal001'$$,
	$$SELECT * FROM before_goal$$, '…with the same goal and outcome');

-- a file with the goal's headers, in other spellings, is the form_goal layout
SELECT results_eq($$SELECT relation, rows FROM perfeval.stage_file(convert_to(E'项目代码,预期目标,总体目标完成情况\r\ngoal002,"按期完成",已完成\r\n', 'UTF8'), 'goal.csv')$$,
	$$VALUES ('form_goal', 1::bigint)$$, 'stage_file() reads a goal file by its headers');

SELECT * FROM finish();
ROLLBACK;
