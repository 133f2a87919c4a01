-- pgTAP: the checklist points and survey answers of imported forms, read by
-- the core (1.16: form_points(), form_answers()).  On 1.15 one unreadable
-- 要点分值 stopped the whole import (22P02 for every form), a checklist row
-- naming an indicator the form does not have was dropped without a word, and
-- 人数 12.5 went in as 13.  Undone by the final ROLLBACK.
BEGIN;
SELECT plan(13);

-- Two forms staged together: parts001 clean, parts002 with a problem in
-- every kind of row.  (Lines: the staging numbers each INSERT's rows from 2.)
INSERT INTO perfeval.form_project VALUES
	('parts001', '乡村道路养护', '2024', '650102', '交通运输局', '', '', '', '', '', '', '', '', '', '', '', ''),
	('parts002', '农村饮水安全', '2024', '650102', '水利局', '', '', '', '', '', '', '', '', '', '', '', '');
INSERT INTO perfeval.form_indicator VALUES
	('parts001', '产出指标', '数量指标', '养护里程', '≥', '120', '公里', '50', '126', '', ''),
	('parts001', '', '', '管理制度健全性', '', '', '', '30', '', '', ''),
	('parts001', '满意度指标', '服务对象满意度指标', '群众满意度', '≥', '90', '%', '20', '', '', ''),
	('parts002', '产出指标', '数量指标', '供水工程', '≥', '10', '处', '50', '10', '', ''),
	('parts002', '', '', '管理制度健全性', '', '', '', '30', '', '', ''),
	('parts002', '满意度指标', '服务对象满意度指标', '群众满意度', '≥', '90', '%', '20', '', '', '');
INSERT INTO perfeval.form_checklist VALUES
	('parts001', '管理制度健全性', ' 制度完整 ', '20', '2', ' 缺少一项 '),
	('parts001', '管理制度健全性', '执行有效', '10分', '', ''),
	('parts002', '管理制度健全性', '制度完整', '五分', '1', ''),
	('parts002', '管理制度健全性', '执行有效', '10', '12', ''),
	('parts002', '资金管理', '专款专用', '5', '0', '');
INSERT INTO perfeval.form_survey VALUES
	('parts001', '群众满意度', '很满意', '60', ''),
	('parts001', '群众满意度', '满意', '30', ''),
	('parts001', '群众满意度', '还行', '10', '0.5'),
	('parts002', '群众满意度', '很满意', '12.5', ''),
	('parts002', '群众满意度', '很满意', '3', ''),
	('parts002', '群众满意度', '满意', '3', '1.5');

SELECT results_eq($$SELECT project_code, status, errors FROM perfeval.import_forms() ORDER BY 1$$,
	$$VALUES ('parts001', 'imported', 0), ('parts002', 'rejected', 6)$$,
	'a form with unreadable checklist and survey rows is rejected, and the other form of the same import goes in');
SELECT results_eq($$SELECT relation, line, column_name, value, sqlstate FROM perfeval.import_error
	WHERE project_code = 'parts002' ORDER BY relation, line, column_name$$,
	$$VALUES ('form_checklist', 4, '要点分值', '五分', '22P02'),
		('form_checklist', 5, '扣分', '12', '23514'),
		('form_checklist', 6, '三级指标', '资金管理', '23503'),
		('form_survey', 5, '人数', '12.5', '22P02'),
		('form_survey', 6, '选项', '很满意', '23505'),
		('form_survey', 7, '系数', '1.5', '23514')$$,
	'each problem named where it is: line, column, value and SQLSTATE');
SELECT ok((SELECT bool_and(message <> '' AND hint <> '') FROM perfeval.import_error WHERE project_code = 'parts002'),
	'every problem has its message and a hint');
SELECT results_eq($$SELECT message FROM perfeval.import_error WHERE project_code = 'parts002' AND relation = 'form_checklist' AND line = 6$$,
	$$VALUES ('checklist point of indicator "资金管理", which form "parts002" does not have')$$,
	'a checklist row of an indicator the form does not have is named, not dropped');

SELECT results_eq($$SELECT c.code, c.point_no, c.description, c.points, c.deduction, c.reason FROM perfeval.checklist_point c
	WHERE c.project_id = 'parts001' ORDER BY c.point_no$$,
	$$VALUES ('A12', 1, '制度完整', 20::numeric, 2::numeric, '缺少一项'), ('A12', 2, '执行有效', 10::numeric, 0::numeric, NULL)$$,
	'checklist points: numbered in line order, texts stripped, 10分 read as 10, no 扣分 is 0, an empty 扣分理由 none');
SELECT results_eq($$SELECT v.code, v.option_no, v.option_label, v.respondents, v.coefficient FROM perfeval.survey_response v
	WHERE v.project_id = 'parts001' ORDER BY v.option_no$$,
	$$VALUES ('B11', 1, '很满意', 60, NULL::numeric), ('B11', 2, '满意', 30, NULL), ('B11', 3, '还行', 10, 0.5)$$,
	'survey answers: the label''s option (很满意 1, 满意 2), a label of no known option its place');
SELECT results_eq($$SELECT score FROM perfeval.indicator_scores WHERE project_id = 'parts001' AND code = 'A12'$$,
	$$VALUES (28::numeric)$$, 'the checklist indicator scores 30 - 2 = 28');
SELECT is((SELECT count(*) FROM perfeval.staged_lines WHERE project_code = 'parts002'), 10::bigint,
	'the rejected form stays staged, all its rows');

-- the import's narrow call reads the same rows, without the texts as written
SELECT ok((SELECT bool_and(target_raw IS NULL AND weight_text IS NULL) FROM perfeval_internal.form_rows(true))
		  AND (SELECT bool_or(weight_text IS NOT NULL) FROM perfeval_internal.form_rows())
		  AND (SELECT array_agg(ROW(line, project_code, code, seq, source, weight, tgt::text, msr::text, problem_columns)::text ORDER BY line)
				 FROM perfeval_internal.form_rows(true))
			= (SELECT array_agg(ROW(line, project_code, code, seq, source, weight, tgt::text, msr::text, problem_columns)::text ORDER BY line)
				 FROM perfeval_internal.form_rows()),
	'form_rows(true): the same rows, codes, values and problems, the texts as written left out');

-- corrected in place, it goes in
UPDATE perfeval.form_checklist SET "要点分值" = '5' WHERE "项目编码" = 'parts002' AND "评价要点" = '制度完整';
UPDATE perfeval.form_checklist SET "扣分" = '2' WHERE "项目编码" = 'parts002' AND "评价要点" = '执行有效';
DELETE FROM perfeval.form_checklist WHERE "项目编码" = 'parts002' AND "三级指标" = '资金管理';
UPDATE perfeval.form_survey SET "人数" = '12' WHERE "项目编码" = 'parts002' AND "人数" = '12.5';
UPDATE perfeval.form_survey SET "选项" = '基本满意', "系数" = '' WHERE "项目编码" = 'parts002' AND "人数" = '3' AND "选项" = '很满意';
UPDATE perfeval.form_survey SET "系数" = '' WHERE "项目编码" = 'parts002';
SELECT results_eq($$SELECT project_code, status, errors FROM perfeval.import_forms()$$,
	$$VALUES ('parts002', 'imported', 0)$$, 'corrected, the form goes in');

-- checklist rows of a code without a form: a rejected form of their own,
-- its problem replaced (not repeated) by the next run
INSERT INTO perfeval.form_checklist VALUES ('parts003', '管理制度健全性', '制度完整', '5', '1', '');
SELECT results_eq($$SELECT project_code, status, indicators, errors FROM perfeval.import_forms()$$,
	$$VALUES ('parts003', 'rejected', 0, 1)$$, 'checklist rows without a form: rejected, one problem');
SELECT results_eq($$SELECT project_code, status, errors FROM perfeval.import_forms()$$,
	$$VALUES ('parts003', 'rejected', 1)$$, 'imported again: rejected again');
SELECT results_eq($$SELECT count(*), min(sqlstate) FROM perfeval.import_error WHERE project_code = 'parts003'$$,
	$$VALUES (1::bigint, '23503')$$, 'still one problem (23503), not two');

SELECT * FROM finish();
ROLLBACK;
