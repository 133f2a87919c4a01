-- pgTAP: deadlines and completion dates as counties write them (1.16,
-- issue 26 "deadlines in words"): 12月底前完成, 年底前完成, 于2024年9月底前完成
-- as targets, 12月20日完成, 已于11月完成 as actuals, the form's 年度 where
-- the year is missing; a month alone is its last day.  In SQL the same
-- words read with their year and are refused without one.  Run from the
-- repository's top directory over the four samples (test/run.sh); undone
-- by ROLLBACK.
BEGIN;
SELECT plan(20);

-- The detail a refused value gives (lc_messages as the cluster's).
CREATE FUNCTION pg_temp.detail_of(v text, t regtype) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	d text;
BEGIN
	EXECUTE format('SELECT %L::%s', v, t);
	RETURN NULL;
EXCEPTION WHEN invalid_text_representation THEN
	GET STACKED DIAGNOSTICS d = PG_EXCEPTION_DETAIL;
	RETURN d;
END $$;

-- 1. In SQL: with the year, the words are a deadline or a date; printed
-- canonically, so that export -> import reads the same.
SELECT results_eq($$SELECT v, v::perfeval.target::text FROM unnest(ARRAY['2020年12月底前完成', '2020年12月底之前完成',
		'于2024年9月底前完成', '2024年6月30日前完成', '2024年12月31日之前', '2024年底前完成', '2024年内完成']) v$$,
	$$VALUES ('2020年12月底前完成', '2020年12月31日前'), ('2020年12月底之前完成', '2020年12月31日前'),
		('于2024年9月底前完成', '2024年9月30日前'), ('2024年6月30日前完成', '2024年6月30日前'),
		('2024年12月31日之前', '2024年12月31日前'), ('2024年底前完成', '2024年12月31日前'),
		('2024年内完成', '2024年12月31日前')$$,
	'targets in words with their year read as deadlines, printed canonically');
SELECT results_eq($$SELECT v, v::perfeval.measure::text FROM unnest(ARRAY['2024年12月20日完成', '已于2024年11月完成',
		'于2024年11月20日完成', '2024年11月完成', '已完成']) v$$,
	$$VALUES ('2024年12月20日完成', '2024年12月20日'), ('已于2024年11月完成', '2024年11月30日'),
		('于2024年11月20日完成', '2024年11月20日'), ('2024年11月完成', '2024年11月30日'), ('已完成', '已完成')$$,
	'actuals in words read as dates (a month alone: its last day); 已完成 stays a qualitative outcome');
SELECT results_eq($$SELECT v, v::perfeval.target::text FROM unnest(ARRAY['年底前完成', '年内完成']) v$$,
	$$VALUES ('年底前完成', '年底前完成'), ('年内完成', '年内完成')$$,
	'without a year and without digits, 年底前完成 and 年内完成 stay phrases in SQL (as before 1.16)');
SELECT is(perfeval.completion('2024年12月底前完成', '已于2024年11月完成'), 100::numeric,
	'已于2024年11月完成 meets 2024年12月底前完成');
SELECT is(perfeval.completion('2024年12月底前完成', '已于2025年1月完成'), 0::numeric,
	'已于2025年1月完成 does not meet 2024年12月底前完成');
SELECT throws_ok($$SELECT '12月底前完成'::perfeval.target$$, '22P02', NULL,
	'12月底前完成 without a year is refused in SQL (22P02), like 12月底前');
SELECT results_eq($$SELECT v, pg_temp.detail_of(v, t) LIKE 'A date needs its year%' FROM (VALUES
		('12月底前', 'perfeval.target'::regtype), ('12月底前完成', 'perfeval.target'), ('6月30日前完成', 'perfeval.target'),
		('于9月底前完成', 'perfeval.target'), ('12月20日完成', 'perfeval.measure'), ('已于11月完成', 'perfeval.measure')) x(v, t)$$,
	$$VALUES ('12月底前', true), ('12月底前完成', true), ('6月30日前完成', true), ('于9月底前完成', true),
		('12月20日完成', true), ('已于11月完成', true)$$,
	'a date without its year is refused saying that it needs its year');
SELECT ok(pg_temp.detail_of('2024年12月底前完成', 'perfeval.measure') LIKE 'An actual is the date it was done%',
	'an actual written as a deadline (…前完成) is refused saying that an actual is a date');

-- 2. A form whose rows use the words: the form's 年度 completes them.
INSERT INTO perfeval.form_project VALUES ('date1', '时效写法二', '2024', '650102', '测试局', '', '', '', '', '', '', '', '', '', '', '', '');
INSERT INTO perfeval.form_indicator VALUES
	('date1', '产出指标', '时效指标', '甲', '', '12月底前完成', '', '10', '12月20日完成', '', ''),
	('date1', '产出指标', '时效指标', '乙', '', '12月底之前完成', '', '10', '已于11月完成', '', ''),
	('date1', '产出指标', '时效指标', '丙', '', '2024年12月底前完成', '', '10', '已于12月完成', '', ''),
	('date1', '产出指标', '时效指标', '丁', '', '年底前完成', '', '10', '于11月20日完成', '', ''),
	('date1', '产出指标', '时效指标', '戊', '', '6月30日前完成', '', '10', '2024年7月5日', '', '工期延误'),
	('date1', '产出指标', '时效指标', '己', '', '于2024年9月底前完成', '', '10', '2024年9月30日完成', '', ''),
	('date1', '产出指标', '时效指标', '庚', '', '12月底前完成', '', '10', '已于2025年1月完成', '', '验收延后'),
	('date1', '产出指标', '时效指标', '辛', '', '年内完成', '', '10', '2024年11月完成', '', ''),
	('date1', '产出指标', '时效指标', '壬', '', '12月31日前完成', '', '10', '12月31日', '', ''),
	('date1', '效益指标', '社会效益', '癸', '', '年底前完成验收', '', '10', '已完成', '10', '');
SELECT results_eq($$SELECT status, errors FROM perfeval.import_forms() WHERE project_code = 'date1'$$, $$VALUES ('imported', 0)$$,
	'a form with deadlines and completion dates in words imports');
SELECT results_eq($$SELECT name, target, actual FROM perfeval.indicator_scores WHERE project_id = 'date1' ORDER BY seq$$,
	$$VALUES ('甲', '2024年12月31日前', '2024年12月20日'), ('乙', '2024年12月31日前', '2024年11月30日'),
		('丙', '2024年12月31日前', '2024年12月31日'), ('丁', '2024年12月31日前', '2024年11月20日'),
		('戊', '2024年6月30日前', '2024年7月5日'), ('己', '2024年9月30日前', '2024年9月30日'),
		('庚', '2024年12月31日前', '2025年1月31日'), ('辛', '2024年12月31日前', '2024年11月30日'),
		('壬', '2024年12月31日前', '2024年12月31日'), ('癸', '年底前完成验收', '已完成')$$,
	'targets and actuals read in the form''s 年度 2024 (年底前完成, 年内完成: 31 December; 已于11月完成: 30 November); 年底前完成验收 stays a phrase');
SELECT results_eq($$SELECT name, score FROM perfeval.indicator_scores WHERE project_id = 'date1' ORDER BY seq$$,
	$$VALUES ('甲', 10::numeric), ('乙', 10), ('丙', 10), ('丁', 10), ('戊', 0), ('己', 10), ('庚', 0), ('辛', 10), ('壬', 10), ('癸', 10)$$,
	'a deadline met gives full marks (a month on or before the deadline''s month), missed gives 0; the phrase row keeps its printed 10');
SELECT results_eq($$SELECT explanation FROM perfeval.indicator_scores WHERE project_id = 'date1' AND name IN ('乙', '庚') ORDER BY seq$$,
	$$VALUES ('实际完成时间2024年11月30日，指标值2024年12月31日前，达到指标值，得满分10分'),
		('实际完成时间2025年1月31日，指标值2024年12月31日前，指标完成率=0%，未达到指标值，得分=10×0%=0分')$$,
	'the explanations name the dates compared');
SELECT results_eq($$SELECT total FROM perfeval.project_scores WHERE project_id = 'date1'$$, $$VALUES (80::numeric)$$,
	'the total: eight rows of 10 (the two missed deadlines 0)');

-- 3. An actual written as a deadline is refused with form, line and column.
INSERT INTO perfeval.form_project VALUES ('date2', '时效写错', '2024', '650102', '测试局', '', '', '', '', '', '', '', '', '', '', '', '');
INSERT INTO perfeval.form_indicator VALUES
	('date2', '产出指标', '时效指标', '甲', '', '12月底前完成', '', '50', '12月底前完成', '', ''),
	('date2', '产出指标', '时效指标', '乙', '', '12月底前完成任务', '', '50', '12月20日', '', '');
SELECT results_eq($$SELECT status FROM perfeval.import_forms() WHERE project_code = 'date2'$$, $$VALUES ('rejected')$$,
	'a form with an actual written as a deadline is rejected');
SELECT results_eq($$SELECT line, column_name, sqlstate FROM perfeval.import_error WHERE project_code = 'date2' ORDER BY line, column_name$$,
	$$VALUES (2, '实际完成值', '22P02'), (3, '指标值', '22P02')$$,
	'12月底前完成 as an actual and 12月底前完成任务 as a target are refused with line and column');

-- 3b. A deadline against a word actual with a printed 得分 (年底前完成 was a
-- phrase before 1.16, judged from its 得分; now a date against 已完成):
-- judged at 得分 ÷ 分值 by issue 26's rule for rows whose target and actual
-- cannot be compared, with a judged_by_score finding.
INSERT INTO perfeval.form_project VALUES ('date3', '时效对文字', '2024', '650102', '测试局', '', '', '', '', '', '', '', '', '', '', '', '');
INSERT INTO perfeval.form_indicator VALUES
	('date3', '产出指标', '时效指标', '甲', '', '年底前完成', '', '50', '已完成', '50', ''),
	('date3', '产出指标', '时效指标', '乙', '', '12月底前', '', '50', '按期完成', '40', '');
SELECT results_eq($$SELECT status, errors FROM perfeval.import_forms() WHERE project_code = 'date3'$$, $$VALUES ('imported', 0)$$,
	'a form with deadlines against word actuals imports');
SELECT results_eq($$SELECT name, score FROM perfeval.indicator_scores WHERE project_id = 'date3' ORDER BY seq$$,
	$$VALUES ('甲', 50::numeric), ('乙', 40::numeric)$$,
	'年底前完成 against 已完成 (50 of 50) and 12月底前 against 按期完成 (40 of 50) keep their printed scores');
SELECT results_eq($$SELECT code, kind FROM perfeval.findings WHERE project_id = 'date3' AND kind = 'judged_by_score' ORDER BY code$$,
	$$SELECT code, 'judged_by_score' FROM perfeval.indicator WHERE project_id = 'date3' ORDER BY code$$,
	'each is flagged judged_by_score');

-- 4. Out and in again: the canonical dates read back the same.
CREATE TEMP TABLE before_rt AS
SELECT 'indicator' AS t, i::text AS r FROM perfeval.indicator i WHERE i.project_id = 'date1'
UNION ALL SELECT 'actual', a::text FROM perfeval.actual a WHERE a.project_id = 'date1';
\copy (SELECT * FROM perfeval.export_project WHERE "项目编码" = 'date1') TO '/tmp/perfeval-dates-project.csv' WITH (FORMAT csv, HEADER)
\copy (SELECT * FROM perfeval.export_indicator WHERE "项目编码" = 'date1') TO '/tmp/perfeval-dates-indicator.csv' WITH (FORMAT csv, HEADER)
DELETE FROM perfeval.project WHERE project_id = 'date1';
\copy perfeval.form_project FROM '/tmp/perfeval-dates-project.csv' WITH (FORMAT csv, HEADER match)
\copy perfeval.form_indicator FROM '/tmp/perfeval-dates-indicator.csv' WITH (FORMAT csv, HEADER match)
SELECT results_eq($$SELECT project_code, status FROM perfeval.import_forms() WHERE project_code = 'date1'$$, $$VALUES ('date1', 'imported')$$,
	'the exported form imports again');
SELECT set_eq($$SELECT 'indicator', i::text FROM perfeval.indicator i WHERE i.project_id = 'date1'
	UNION ALL SELECT 'actual', a::text FROM perfeval.actual a WHERE a.project_id = 'date1'$$,
	'SELECT t, r FROM before_rt', 'export -> import reproduces every indicator and actual of the dated form');

SELECT * FROM finish();
ROLLBACK;
