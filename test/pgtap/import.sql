-- pgTAP: importing the budget system's self-evaluation exports (1.6):
-- CSV files loaded with \copy into the staging views, then import_forms().
-- Run from the repository's top directory over the four samples
-- (test/run.sh); undone by the final ROLLBACK.
BEGIN;
SELECT plan(57);

-- The contract: the staging relations' columns are the form's headers, in order.
SELECT results_eq($$SELECT string_agg(column_name::text COLLATE "default", ',' ORDER BY ordinal_position) FROM information_schema.columns
	WHERE table_schema = 'perfeval' AND table_name = 'form_project'$$,
	$$VALUES ('项目编码,项目名称,年度,行政区划代码,主管部门,实施单位,评价类型,评分方案,金额单位,年初预算数,全年预算数,实际到位数,全年执行数,预算执行率分值,预算执行率得分,总分,评价等级')$$,
	'form_project: the form''s headers, in order');
SELECT results_eq($$SELECT string_agg(column_name::text COLLATE "default", ',' ORDER BY ordinal_position) FROM information_schema.columns
	WHERE table_schema = 'perfeval' AND table_name = 'form_indicator'$$,
	$$VALUES ('项目编码,一级指标,二级指标,三级指标,指标性质,指标值,度量单位,分值,实际完成值,得分,偏差原因分析及改进措施')$$,
	'form_indicator: the form''s headers, in order');
SELECT results_eq($$SELECT table_name::text COLLATE "default", string_agg(column_name::text COLLATE "default", ',' ORDER BY ordinal_position) FROM information_schema.columns
	WHERE table_schema = 'perfeval' AND table_name IN ('form_checklist', 'form_survey') GROUP BY 1 ORDER BY 1$$,
	$$VALUES ('form_checklist', '项目编码,三级指标,评价要点,要点分值,扣分,扣分理由'), ('form_survey', '项目编码,三级指标,选项,人数,系数')$$,
	'form_checklist and form_survey: their headers');

-- 1. Seed 002 as the budget system exports it (test/data/forms/seed002_*.csv,
-- project code form002) imports to the scores and findings of seed002.
\copy perfeval.form_project FROM 'test/data/forms/seed002_project.csv' WITH (FORMAT csv, HEADER match)
\copy perfeval.form_indicator FROM 'test/data/forms/seed002_indicator.csv' WITH (FORMAT csv, HEADER match)
SELECT results_eq($$SELECT relation, line FROM perfeval.staged_lines WHERE project_code = 'form002' ORDER BY relation DESC, line$$,
	$$VALUES ('form_project', 2), ('form_indicator', 2), ('form_indicator', 3), ('form_indicator', 4), ('form_indicator', 5), ('form_indicator', 6)$$,
	'\copy with the bare relation name keeps every row''s line (header = line 1)');
SELECT results_eq('SELECT * FROM perfeval.import_forms()', $$VALUES ('form002', 'imported', 6, 0)$$,
	'import_forms: seed 002''s form imported, 6 indicators (the execution-rate row from the money columns)');
SELECT set_eq($$SELECT code, level1, level2, name, weight, score, completion, explanation FROM perfeval.indicator_scores WHERE project_id = 'form002'$$,
	$$SELECT code, level1, level2, name, weight, score, completion, explanation FROM perfeval.indicator_scores WHERE project_id = 'seed002'$$,
	'seed 002 imported: every indicator''s code, weight, score, completion and explanation as test/data has them');
SELECT results_eq($$SELECT total, grade, difference, grade_agrees FROM perfeval.project_scores WHERE project_id IN ('form002', 'seed002')$$,
	$$VALUES (99.1, '优', 0::numeric, true), (99.1, '优', 0::numeric, true)$$, 'seed 002 imported: total 99.1, 优, agreeing with the printed 99.1 优秀');
SELECT set_eq($$SELECT kind, code FROM perfeval.findings WHERE project_id = 'form002'$$,
	$$SELECT kind, code FROM perfeval.findings WHERE project_id = 'seed002'$$, 'seed 002 imported: the same findings');
SELECT results_eq($$SELECT scheme_id, execution_base FROM perfeval.scheme JOIN perfeval.project USING (scheme_id) WHERE project_id = 'form002'$$,
	$$VALUES ('national_self', 'budget')$$, 'an empty 评分方案 is the national self-evaluation form''s scheme: execution over 全年预算数');
SELECT results_eq($$SELECT reported_on, tier, fraction FROM perfeval.actual WHERE project_id = 'form002' AND code = 'C11'$$,
	$$VALUES ('2021-12-31'::date, '达成', 95::numeric)$$,
	'report date the year''s end; the qualitative row printed 17.1 of 18 is judged 达成 at 95 %');
SELECT is_empty($$SELECT * FROM perfeval.staged_lines WHERE project_code = 'form002'$$, 'an imported form leaves the staging relations');

-- 2. The same files saved by Chinese Excel (GB18030); importing again
-- replaces the project: no duplicates, no leftovers.
\copy perfeval.form_project FROM 'test/data/forms/seed002_project.gb18030.csv' WITH (FORMAT csv, HEADER match, ENCODING 'GB18030')
\copy perfeval.form_indicator FROM 'test/data/forms/seed002_indicator.gb18030.csv' WITH (FORMAT csv, HEADER match, ENCODING 'GB18030')
SELECT results_eq('SELECT * FROM perfeval.import_forms()', $$VALUES ('form002', 'imported', 6, 0)$$, 'the GB18030 files import the same form');
SELECT set_eq($$SELECT code, name, weight, score, completion FROM perfeval.indicator_scores WHERE project_id = 'form002'$$,
	$$SELECT code, name, weight, score, completion FROM perfeval.indicator_scores WHERE project_id = 'seed002'$$,
	'GB18030: the same indicators and scores');
INSERT INTO perfeval.form_project VALUES ('form002', '小升规企业奖励资金项目', '2021', '141021', '未载明', '', '', '', '', '25', '25', '25', '25', '10', '10', '', '');
INSERT INTO perfeval.form_indicator VALUES ('form002', '产出指标', '数量指标', '申报企业达标数', '', '5', '', '90', '5家', '', '');
SELECT results_eq('SELECT * FROM perfeval.import_forms()', $$VALUES ('form002', 'imported', 2, 0)$$, 're-import of a shorter form');
SELECT results_eq($$SELECT (SELECT count(*) FROM perfeval.indicator WHERE project_id = 'form002'),
	(SELECT count(*) FROM perfeval.actual WHERE project_id = 'form002'), (SELECT count(*) FROM perfeval.allocation WHERE project_id = 'form002')$$,
	$$VALUES (2::bigint, 1::bigint, 1::bigint)$$, 're-import replaces the project entirely: 2 indicators, 1 actual, 1 money line');

-- 3. A file with broken rows: every problem named with its line, column and
-- value; the good form imported; each bad form rejected whole and kept.
\copy perfeval.form_project FROM 'test/data/forms/broken_project.csv' WITH (FORMAT csv, HEADER match)
\copy perfeval.form_indicator FROM 'test/data/forms/broken_indicator.csv' WITH (FORMAT csv, HEADER match)
SELECT results_eq('SELECT * FROM perfeval.import_forms()',
	$$VALUES ('okA', 'imported', 1, 0), ('bad1', 'rejected', 0, 3), ('bad2', 'rejected', 4, 4),
			 ('bad3', 'rejected', 0, 2), ('orphan', 'rejected', 1, 1)$$,
	'import_forms: one row per form, the good one imported, the others rejected with their error counts');
SELECT results_eq($$SELECT project_code, relation, line, column_name, value, sqlstate FROM perfeval.import_error
	ORDER BY project_code, line, column_name$$,
	$$VALUES ('bad1', 'form_project', 3, '年初预算数', '1,2,3', '22P02'), ('bad1', 'form_project', 3, '年度', '二〇二四', '22P02'),
			 ('bad1', 'form_project', 3, '行政区划代码', '65010', '22P02'),
			 ('bad2', 'form_indicator', 4, '指标值', '≥≥5', '22P02'), ('bad2', 'form_indicator', 5, '分值', 'abc', '22P02'),
			 ('bad2', 'form_indicator', 5, '实际完成值', '5天', '22023'), ('bad2', 'form_indicator', 6, '三级指标', '乙', '23505'),
			 ('bad3', 'form_project', 5, '评价类型', '自查', '22023'), ('bad3', 'form_project', 5, '评分方案', 'nope', '23503'),
			 ('orphan', 'form_indicator', 8, '项目编码', 'orphan', '23503')$$,
	'import_error: exactly the expected problems, lines counted across a quoted line break');
SELECT is_empty($$SELECT * FROM perfeval.import_error WHERE message IS NULL OR message = '' OR hint IS NULL$$,
	'every problem has a message and a hint');
SELECT ok((SELECT message LIKE '%Expected a number after the comparator%' FROM perfeval.import_error WHERE value = '≥≥5'),
	'a parser''s refusal keeps its detail');
SELECT is((SELECT deviation_note FROM perfeval.actual WHERE project_id = 'okA'), E'第一行\n第二行', 'a quoted field''s line break is kept');
SELECT is_empty($$SELECT * FROM perfeval.project WHERE project_id IN ('bad1', 'bad2', 'bad3', 'orphan')$$,
	'nothing of a rejected form is written');
SELECT results_eq($$SELECT project_code, count(*) FROM perfeval.staged_lines GROUP BY 1 ORDER BY 1$$,
	$$VALUES ('bad1', 1::bigint), ('bad2', 5), ('bad3', 1), ('orphan', 1)$$, 'rejected forms stay staged, the imported one left');
-- corrected in place, imported again: its problems go, the others' stay (not doubled)
UPDATE perfeval.form_project SET "评价类型" = '部门评价', "评分方案" = '' WHERE "项目编码" = 'bad3';
SELECT results_eq($$SELECT project_code, status, errors FROM perfeval.import_forms() ORDER BY 1$$,
	$$VALUES ('bad1', 'rejected', 3), ('bad2', 'rejected', 4), ('bad3', 'imported', 0), ('orphan', 'rejected', 1)$$,
	'a form corrected in place imports; the others are rejected again with the same problems');
-- a form staged again (the corrected file) replaces what was staged of it
INSERT INTO perfeval.form_indicator VALUES ('bad2', '产出指标', '数量指标', '甲', '', '≥5', '家', '100', '5家', '100', '');
SELECT results_eq($$SELECT status, indicators, errors FROM perfeval.import_forms() WHERE project_code = 'bad2'$$,
	$$VALUES ('imported', 1, 0)$$, 'staging a form''s rows again replaces its earlier staged rows: the corrected form imports');

-- 4. Forms as they are really written.
INSERT INTO perfeval.form_project VALUES ('real1', '真实写法', '2024', '650102', '测试局', '', '', '', '', '10', '10', '10', '10', '', '', '', '');
INSERT INTO perfeval.form_indicator VALUES
	('real1', '产出指标', '数量指标', '受益人数', '≥', '3.5', '万人', '40', '36200人', '', ''),
	('real1', '产出指标', '数量指标', '道路长度', '', '≥266米', '', '30', '≥266米', '', ''),
	('real1', '效益指标', '社会效益', '群众获得感', '定性', '有效提升', '', '20', '有所提升', '14', ''),
	('real1', '满意度指标', '满意度', '满意度', '', '', '', '10', '', '10', '');
SELECT results_eq($$SELECT status, errors FROM perfeval.import_forms() WHERE project_code = 'real1'$$, $$VALUES ('imported', 0)$$,
	'a form with 万人, a repeated comparator, a judged qualitative row and a printed-only row imports');
SELECT results_eq($$SELECT code, round(completion, 2), score FROM perfeval.indicator_scores WHERE project_id = 'real1' ORDER BY seq$$,
	$$VALUES ('A11', 103.43::numeric, 40::numeric), ('A12', 100, 30), ('B11', 70, 14), ('C11', NULL, 10)$$,
	'≥3.5万人 against 36200人 is 103.43 % (full marks); ≥266米 against ≥266米 is 100 %; 14 of 20 judged 部分达成 at 70 %; the printed-only row keeps its 10');
SELECT results_eq($$SELECT kind FROM perfeval.findings WHERE project_id = 'real1' AND code = 'C11'$$, $$VALUES ('printed_only')$$,
	'a row with only 分值 and 得分 is imported with its printed score and a printed_only finding, not an error');
SELECT results_eq($$SELECT total FROM perfeval.project_scores WHERE project_id = 'real1'$$, $$VALUES (94::numeric)$$,
	'the printed-only row''s score counts in the total (40 + 30 + 14 + 10)');
INSERT INTO perfeval.form_project VALUES ('real2', '拒绝写法', '2024', '650102', '测试局', '', '', '', '', '', '', '', '', '', '', '', '');
INSERT INTO perfeval.form_indicator VALUES
	('real2', '产出指标', '数量指标', '甲', '', '≥5', '家', '40', E'5\u200b家', '', ''),
	('real2', '产出指标', '数量指标', '乙', '', '不低于5不低于', '', '30', '5', '', ''),
	('real2', '产出指标', '时效指标', '丙', '', '12月底前', '', '30', '2024-12-20', '', '');
SELECT results_eq($$SELECT status FROM perfeval.import_forms() WHERE project_code = 'real2'$$, $$VALUES ('rejected')$$,
	'a form with refused values is rejected');
SELECT results_eq($$SELECT line, column_name, sqlstate FROM perfeval.import_error WHERE project_code = 'real2' ORDER BY line, column_name$$,
	$$VALUES (2, '实际完成值', '22P02'), (3, '指标值', '22P02')$$,
	'a zero-width character and a repeated comparator word are refused with form, line and column (the deadline row is not)');
-- Deadlines (1.7): a date target met or not by a date actual; 12月底前 and
-- 10月20日 take the form's 年度.
INSERT INTO perfeval.form_project VALUES ('real3', '时效写法', '2024', '650102', '测试局', '', '', '', '', '', '', '', '', '', '', '', '');
INSERT INTO perfeval.form_indicator VALUES
	('real3', '产出指标', '时效指标', '按期开工', '', '2024年10月底前', '', '40', '2024年10月20日', '', ''),
	('real3', '产出指标', '时效指标', '按期完工', '≤', '2024年12月31日', '', '30', '2025-01-05', '', '工期延误'),
	('real3', '产出指标', '时效指标', '按期验收', '', '12月底前', '', '30', '12月20日', '', '');
SELECT results_eq($$SELECT status, errors FROM perfeval.import_forms() WHERE project_code = 'real3'$$, $$VALUES ('imported', 0)$$,
	'a form with deadline targets and date actuals imports');
SELECT results_eq($$SELECT code, target::text, score, explanation FROM perfeval.indicator_scores
					 WHERE project_id = 'real3' ORDER BY seq$$,
	$$VALUES ('A11', '2024年10月31日前', 40::numeric, '实际完成时间2024年10月20日，指标值2024年10月31日前，达到指标值，得满分40分'),
			 ('A12', '2024年12月31日前', 0, '实际完成时间2025年1月5日，指标值2024年12月31日前，指标完成率=0%，未达到指标值，得分=30×0%=0分'),
			 ('A13', '2024年12月31日前', 30, '实际完成时间2024年12月20日，指标值2024年12月31日前，达到指标值，得满分30分')$$,
	'deadlines: met gives full marks, missed gives 0; 12月底前 and 12月20日 read in the form''s year 2024');

-- 1.8: 度量单位 % follows 指标值 (1.7 compared it as a LIKE pattern and
-- never added it); a date after a comparator takes the form's 年度 too.
INSERT INTO perfeval.form_project VALUES ('real4', '单位写法', '2024', '650102', '测试局', '', '', '', '', '', '', '', '', '', '', '', '');
INSERT INTO perfeval.form_indicator VALUES
	('real4', '产出指标', '质量指标', '合格率', '≥', '95', '%', '50', '97%', '', ''),
	('real4', '产出指标', '时效指标', '按期完工', '≤', '12月31日', '', '50', '12月20日', '', '');
SELECT results_eq($$SELECT status, errors FROM perfeval.import_forms() WHERE project_code = 'real4'$$, $$VALUES ('imported', 0)$$,
	'a form with a % unit column and a comparator before a year-less date imports');
SELECT results_eq($$SELECT code, target::text, score FROM perfeval.indicator_scores WHERE project_id = 'real4' ORDER BY seq$$,
	$$VALUES ('A11', '≥95%', 50::numeric), ('A21', '2024年12月31日前', 50::numeric)$$,
	'95 with 度量单位 % is ≥95%; ≤ 12月31日 is 2024年12月31日前');

-- 4b. What the form has no column for (1.12): a scoring method in
-- 指标性质's brackets, a row that does not apply written 不适用.
INSERT INTO perfeval.form_project VALUES ('meth1', '评分方法', '2024', '650102', '测试局', '', '', '', '', '', '', '', '', '', '', '', '');
INSERT INTO perfeval.form_indicator VALUES
	('meth1', '产出指标', '数量指标', '达标企业数', '≥（每低5个百分点扣1分）', '100', '家', '30', '90家', '', ''),
	('meth1', '产出指标', '数量指标', '培训人数', '≥ (低于60%不得分)', '100', '人', '30', '50人', '', ''),
	('meth1', '产出指标', '质量指标', '验收合格率', '（达标得满分）', '≥95%', '', '20', '96%', '', ''),
	('meth1', '效益指标', '社会效益', '带动就业', '≥', '10', '人', '20', ' 不适用 ', '', '');
INSERT INTO perfeval.form_project VALUES ('meth2', '评分方法写错', '2024', '650102', '测试局', '', '', '', '', '', '', '', '', '', '', '', '');
INSERT INTO perfeval.form_indicator VALUES
	('meth2', '产出指标', '数量指标', '甲', '≥（每低5个扣1分）', '100', '家', '50', '90家', '', ''),
	('meth2', '产出指标', '数量指标', '乙', '≥（）', '100', '家', '50', '90家', '', '');
SELECT results_eq($$SELECT project_code, status, errors FROM perfeval.import_forms() WHERE project_code LIKE 'meth%' ORDER BY 1$$,
	$$VALUES ('meth1', 'imported', 0), ('meth2', 'rejected', 2)$$, 'forms with methods in 指标性质 and a 不适用 row: the good one imports, the bad methods are refused');
SELECT results_eq($$SELECT i.name, i.method::text, i.applicable, s.score FROM perfeval.indicator i
	JOIN perfeval.indicator_scores s USING (project_id, code) WHERE i.project_id = 'meth1' ORDER BY i.seq$$,
	$$VALUES ('达标企业数', 'deduct:1/5', true, 28::numeric), ('培训人数', 'floor:60', true, 0), ('验收合格率', 'all_or_nothing', true, 20),
			 ('带动就业', 'proportional', false, NULL)$$,
	'the bracketed methods scored (90 % less 2 points, 50 % under the floor, 96 % against ≥95 % full); 不适用 does not apply');
SELECT results_eq($$SELECT total FROM perfeval.project_scores WHERE project_id = 'meth1'$$, $$VALUES (60::numeric)$$,
	'the total leaves the row that does not apply out: 48 of 80 is 60');
SELECT is_empty($$SELECT * FROM perfeval.actual WHERE project_id = 'meth1' AND code = (SELECT code FROM perfeval.indicator WHERE project_id = 'meth1' AND name = '带动就业')$$,
	'不适用 is no actual');
SELECT results_eq($$SELECT line, column_name, value, sqlstate FROM perfeval.import_error WHERE project_code = 'meth2' ORDER BY line$$,
	$$VALUES (2, '指标性质', '每低5个扣1分', '22P02'), (3, '指标性质', '', '22P02')$$,
	'a method that does not parse, or empty brackets: 22P02 naming 指标性质 and the method');
-- a row marked 定性 (after its bracketed method) is judged, never printed-only:
-- without an actual it is missing one; an unmarked row with only 分值 and 得分
-- keeps its printed score
INSERT INTO perfeval.form_project VALUES ('meth4', '定性未填', '2024', '650102', '测试局', '', '', '', '', '', '', '', '', '', '', '', '');
INSERT INTO perfeval.form_indicator VALUES
	('meth4', '效益指标', '社会效益', '甲', ' 定性 （达标得满分）', '', '', '10', '', '8', ''),
	('meth4', '产出指标', '数量指标', '乙', '', '', '', '90', '', '90', '');
SELECT results_eq($$SELECT status, errors FROM perfeval.import_forms() WHERE project_code = 'meth4'$$, $$VALUES ('imported', 0)$$,
	'a 定性 row with a bracketed method and only 分值 and 得分 imports');
SELECT results_eq($$SELECT i.name, i.source, i.method::text, f.kind FROM perfeval.indicator i
	JOIN perfeval.findings f USING (project_id, code) WHERE i.project_id = 'meth4' ORDER BY i.seq$$,
	$$VALUES ('甲', 'actual', 'all_or_nothing', 'missing_actual'), ('乙', 'printed', 'proportional', 'printed_only')$$,
	'the 定性 row is judged (its actual missing), the unmarked one keeps its printed score (printed_only)');
-- a judged row's printed 得分 under a scheme that truncates to one decimal:
-- 4.4 of 6 is judged at 73.333334 % (rounded up), which gives 4.4 back
INSERT INTO perfeval.scheme (scheme_id, name, decimals, rounding) VALUES ('trunc1', 'trunc1', 1, 'truncate');
INSERT INTO perfeval.form_project VALUES ('meth3', '截断方案', '2024', '650102', '测试局', '', '', 'trunc1', '', '', '', '', '', '', '', '', '');
INSERT INTO perfeval.form_indicator VALUES
	('meth3', '效益指标', '社会效益', '群众获得感', '定性', '有效提升', '', '6', '有所提升', '4.4', ''),
	('meth3', '产出指标', '数量指标', '甲', '≥', '5', '家', '94', '5家', '', '');
SELECT results_eq($$SELECT status, errors FROM perfeval.import_forms() WHERE project_code = 'meth3'$$, $$VALUES ('imported', 0)$$,
	'a form under a scheme that truncates imports');
SELECT results_eq($$SELECT s.score, s.fraction, (SELECT count(*) FROM perfeval.findings f WHERE f.project_id = 'meth3' AND f.kind = 'printed_score')
	FROM perfeval.indicator_scores s WHERE s.project_id = 'meth3' AND s.name = '群众获得感'$$,
	$$VALUES (4.4::numeric, 73.333334::numeric, 0::bigint)$$,
	'a printed 4.4 of 6 under a truncating scheme is judged at 73.333334 % and scores 4.4 again (no printed_score finding)');

-- 5. Seeds 000, 001 and 003 written as the form's CSV files (001 and 003 with
-- their checklist and survey files) import to the scores, explanations and
-- findings of test/data.
\copy perfeval.form_project FROM 'test/data/forms/seed000_project.csv' WITH (FORMAT csv, HEADER match)
\copy perfeval.form_project FROM 'test/data/forms/seed001_project.csv' WITH (FORMAT csv, HEADER match)
\copy perfeval.form_indicator FROM 'test/data/forms/seed001_indicator.csv' WITH (FORMAT csv, HEADER match)
\copy perfeval.form_checklist FROM 'test/data/forms/seed001_checklist.csv' WITH (FORMAT csv, HEADER match)
\copy perfeval.form_project FROM 'test/data/forms/seed003_project.csv' WITH (FORMAT csv, HEADER match)
\copy perfeval.form_indicator FROM 'test/data/forms/seed003_indicator.csv' WITH (FORMAT csv, HEADER match)
\copy perfeval.form_checklist FROM 'test/data/forms/seed003_checklist.csv' WITH (FORMAT csv, HEADER match)
\copy perfeval.form_survey FROM 'test/data/forms/seed003_survey.csv' WITH (FORMAT csv, HEADER match)
SELECT results_eq($$SELECT project_code, status, indicators, errors FROM perfeval.import_forms() WHERE project_code LIKE 'form%'$$,
	$$VALUES ('form000', 'imported', 0, 0), ('form001', 'imported', 18, 0), ('form003', 'imported', 18, 0)$$,
	'seeds 000, 001 and 003 import from their CSV files');
SELECT is((SELECT count(*) FROM perfeval.indicator_scores a JOIN perfeval.indicator_scores b
			ON b.project_id = replace(a.project_id, 'form', 'seed') AND b.code = a.code
		   WHERE a.project_id IN ('form001', 'form003') AND a.score IS NOT DISTINCT FROM b.score
			 AND a.completion IS NOT DISTINCT FROM b.completion AND a.explanation IS NOT DISTINCT FROM b.explanation
			 AND a.weight = b.weight AND a.name = b.name),
	(SELECT count(*) FROM perfeval.indicator WHERE project_id IN ('seed001', 'seed003')),
	'seeds 001 and 003 imported: all 36 indicators with the same code, weight, score, completion and explanation');
SELECT results_eq($$SELECT replace(project_id, 'form', 'seed'), total, grade, difference FROM perfeval.project_scores
	WHERE project_id IN ('form000', 'form001', 'form003') ORDER BY 1$$,
	$$SELECT project_id, total, grade, difference FROM perfeval.project_scores WHERE project_id IN ('seed000', 'seed001', 'seed003') ORDER BY 1$$,
	'seeds 000, 001 and 003 imported: the same totals, grades and differences from the printed ones');
SELECT set_eq($$SELECT replace(project_id, 'form', 'seed'), kind, code FROM perfeval.findings WHERE project_id IN ('form000', 'form001', 'form003')$$,
	$$SELECT project_id, kind, code FROM perfeval.findings WHERE project_id IN ('seed000', 'seed001', 'seed003')$$,
	'seeds imported: the same findings (seed 001''s printed A11 and A12 caught, seed 000''s missing indicators)');

-- 6. Out again: every imported project exported in the same layouts to files
-- and imported back is row for row what it was.
CREATE TEMP TABLE before_rt AS
SELECT 'project' AS t, p::text AS r FROM perfeval.project p WHERE p.source = 'import_forms'
UNION ALL SELECT 'allocation', a::text FROM perfeval.allocation a JOIN perfeval.project p USING (project_id) WHERE p.source = 'import_forms'
UNION ALL SELECT 'indicator', i::text FROM perfeval.indicator i JOIN perfeval.project p USING (project_id) WHERE p.source = 'import_forms'
UNION ALL SELECT 'actual', a::text FROM perfeval.actual a JOIN perfeval.project p USING (project_id) WHERE p.source = 'import_forms'
UNION ALL SELECT 'checklist', c::text FROM perfeval.checklist_point c JOIN perfeval.project p USING (project_id) WHERE p.source = 'import_forms'
UNION ALL SELECT 'survey', v::text FROM perfeval.survey_response v JOIN perfeval.project p USING (project_id) WHERE p.source = 'import_forms';
\copy (SELECT e.* FROM perfeval.export_project e WHERE e."项目编码" = ANY (ARRAY(SELECT project_id FROM perfeval.project WHERE source = 'import_forms'))) TO '/tmp/perfeval-roundtrip-project.csv' WITH (FORMAT csv, HEADER)
\copy (SELECT e.* FROM perfeval.export_indicator e WHERE e."项目编码" = ANY (ARRAY(SELECT project_id FROM perfeval.project WHERE source = 'import_forms'))) TO '/tmp/perfeval-roundtrip-indicator.csv' WITH (FORMAT csv, HEADER)
\copy (SELECT e.* FROM perfeval.export_checklist e WHERE e."项目编码" = ANY (ARRAY(SELECT project_id FROM perfeval.project WHERE source = 'import_forms'))) TO '/tmp/perfeval-roundtrip-checklist.csv' WITH (FORMAT csv, HEADER)
\copy (SELECT e.* FROM perfeval.export_survey e WHERE e."项目编码" = ANY (ARRAY(SELECT project_id FROM perfeval.project WHERE source = 'import_forms'))) TO '/tmp/perfeval-roundtrip-survey.csv' WITH (FORMAT csv, HEADER)
DELETE FROM perfeval.project WHERE source = 'import_forms';
\copy perfeval.form_project FROM '/tmp/perfeval-roundtrip-project.csv' WITH (FORMAT csv, HEADER match)
\copy perfeval.form_indicator FROM '/tmp/perfeval-roundtrip-indicator.csv' WITH (FORMAT csv, HEADER match)
\copy perfeval.form_checklist FROM '/tmp/perfeval-roundtrip-checklist.csv' WITH (FORMAT csv, HEADER match)
\copy perfeval.form_survey FROM '/tmp/perfeval-roundtrip-survey.csv' WITH (FORMAT csv, HEADER match)
SELECT is((SELECT count(*) FROM perfeval.import_forms() WHERE status = 'imported'), (SELECT count(*) FROM before_rt WHERE t = 'project'),
	'round trip: every exported form imports');
SELECT cmp_ok((SELECT count(DISTINCT t) FROM before_rt), '=', 6::bigint, 'round trip: covers projects, money, indicators, actuals, checklists and surveys');
SELECT set_eq($$
	SELECT 'project', p::text FROM perfeval.project p WHERE p.source = 'import_forms'
	UNION ALL SELECT 'allocation', a::text FROM perfeval.allocation a JOIN perfeval.project p USING (project_id) WHERE p.source = 'import_forms'
	UNION ALL SELECT 'indicator', i::text FROM perfeval.indicator i JOIN perfeval.project p USING (project_id) WHERE p.source = 'import_forms'
	UNION ALL SELECT 'actual', a::text FROM perfeval.actual a JOIN perfeval.project p USING (project_id) WHERE p.source = 'import_forms'
	UNION ALL SELECT 'checklist', c::text FROM perfeval.checklist_point c JOIN perfeval.project p USING (project_id) WHERE p.source = 'import_forms'
	UNION ALL SELECT 'survey', v::text FROM perfeval.survey_response v JOIN perfeval.project p USING (project_id) WHERE p.source = 'import_forms'$$,
	'SELECT t, r FROM before_rt', 'export -> import reproduces every warehouse row');

-- 7. Out again from rows not loaded by an import (1.12): seed 003 as INSERTed
-- with one qualitative row judged by a tier and no printed score (部分达成 at
-- 61 %) and seed 002 exported, then imported over themselves: every
-- indicator's score and completion and every total and grade stay.
UPDATE perfeval.actual SET tier = '部分达成', fraction = 61 WHERE project_id = 'seed003' AND code = 'D12';
UPDATE perfeval.indicator SET printed_score = NULL WHERE project_id = 'seed003' AND code = 'D12';
-- and a row scored by deduction at 90 %, and one that does not apply
UPDATE perfeval.indicator SET method = 'deduct:1/5', printed_score = NULL WHERE project_id = 'seed003' AND code = 'C21';
UPDATE perfeval.actual SET measure = '90%' WHERE project_id = 'seed003' AND code = 'C21';
UPDATE perfeval.indicator SET applicable = false WHERE project_id = 'seed003' AND code = 'C31';
CREATE TEMP TABLE before_rt2 AS SELECT s.project_id, s.code, s.score, s.completion, i.method::text, i.applicable
	FROM perfeval.indicator_scores s JOIN perfeval.indicator i USING (project_id, code) WHERE project_id IN ('seed002', 'seed003');
CREATE TEMP TABLE before_rt2_total AS SELECT project_id, total, grade FROM perfeval.project_scores WHERE project_id IN ('seed002', 'seed003');
\copy (SELECT * FROM perfeval.export_project WHERE "项目编码" IN ('seed002', 'seed003')) TO '/tmp/perfeval-roundtrip2-project.csv' WITH (FORMAT csv, HEADER)
\copy (SELECT * FROM perfeval.export_indicator WHERE "项目编码" IN ('seed002', 'seed003')) TO '/tmp/perfeval-roundtrip2-indicator.csv' WITH (FORMAT csv, HEADER)
\copy (SELECT * FROM perfeval.export_checklist WHERE "项目编码" IN ('seed002', 'seed003')) TO '/tmp/perfeval-roundtrip2-checklist.csv' WITH (FORMAT csv, HEADER)
\copy (SELECT * FROM perfeval.export_survey WHERE "项目编码" IN ('seed002', 'seed003')) TO '/tmp/perfeval-roundtrip2-survey.csv' WITH (FORMAT csv, HEADER)
\copy perfeval.form_project FROM '/tmp/perfeval-roundtrip2-project.csv' WITH (FORMAT csv, HEADER match)
\copy perfeval.form_indicator FROM '/tmp/perfeval-roundtrip2-indicator.csv' WITH (FORMAT csv, HEADER match)
\copy perfeval.form_checklist FROM '/tmp/perfeval-roundtrip2-checklist.csv' WITH (FORMAT csv, HEADER match)
\copy perfeval.form_survey FROM '/tmp/perfeval-roundtrip2-survey.csv' WITH (FORMAT csv, HEADER match)
SELECT results_eq($$SELECT project_code, status FROM perfeval.import_forms() WHERE project_code LIKE 'seed%' ORDER BY 1$$,
	$$VALUES ('seed002', 'imported'), ('seed003', 'imported')$$,
	'round trip of INSERTed projects: both forms import');
SELECT set_eq($$SELECT s.project_id, s.code, s.score, s.completion, i.method::text, i.applicable
	FROM perfeval.indicator_scores s JOIN perfeval.indicator i USING (project_id, code) WHERE project_id IN ('seed002', 'seed003')$$,
	'SELECT * FROM before_rt2',
	'round trip of INSERTed projects: every score, completion, method and applicability (a tier-judged row without a printed score, a deduction, a row not applying)');
SELECT cmp_ok((SELECT count(*) FROM before_rt2 WHERE method <> 'proportional' OR NOT applicable OR code = 'D12'), '=', 3::bigint,
	'round trip of INSERTed projects: the three rows the form has no column for are there');
SELECT results_eq($$SELECT project_id, total, grade FROM perfeval.project_scores WHERE project_id IN ('seed002', 'seed003') ORDER BY 1$$,
	'SELECT * FROM before_rt2_total ORDER BY 1',
	'round trip of INSERTed projects: the same totals and grades');

-- Forms only the tables refuse, among 2,500 (1.16): each chunk they are in
-- is written again in halves, each of them is rejected with the table's own
-- error, and every other form goes in.
ALTER TABLE perfeval.project ADD CONSTRAINT pe_test_refused CHECK (name NOT LIKE 'refused%');
INSERT INTO perfeval.form_project
SELECT format('bulk%s', lpad(g::text, 4, '0')), CASE WHEN g IN (7, 1000, 1001, 2500) THEN 'refused' ELSE 'kept' END || g,
	   '2021', '141021', '未载明', '', '', '', '', '25', '25', '25', '25', '10', '10', '', ''
  FROM generate_series(1, 2500) g;
INSERT INTO perfeval.form_indicator
SELECT format('bulk%s', lpad(g::text, 4, '0')), '产出指标', '数量指标', '申报企业达标数', '', '5', '', '90', '5家', '', ''
  FROM generate_series(1, 2500) g;
CREATE TEMP TABLE bulk_result AS SELECT * FROM perfeval.import_forms() WHERE project_code LIKE 'bulk%';
SELECT results_eq($$SELECT status, count(*) FROM bulk_result GROUP BY 1 ORDER BY 1$$,
	$$VALUES ('imported', 2496::bigint), ('rejected', 4::bigint)$$,
	'2,500 forms, 4 of them refused by a table''s constraint: the other 2,496 imported');
SELECT results_eq($$SELECT project_code, sqlstate, message ~ 'pe_test_refused' FROM perfeval.import_error
	WHERE project_code LIKE 'bulk%' ORDER BY 1$$,
	$$VALUES ('bulk0007', '23514', true), ('bulk1000', '23514', true), ('bulk1001', '23514', true), ('bulk2500', '23514', true)$$,
	'each refused form rejected with the constraint''s own error (the first and last of a chunk, and a chunk''s last and the next one''s first)');
SELECT results_eq($$SELECT count(*), count(*) FILTER (WHERE name LIKE 'kept%'),
	(SELECT count(*) FROM perfeval.project_scores s WHERE s.project_id LIKE 'bulk%' AND s.total IS NOT NULL)
	FROM perfeval.project WHERE project_id LIKE 'bulk%'$$,
	$$VALUES (2496::bigint, 2496::bigint, 2496::bigint)$$,
	'every other form is in the warehouse, scored');
ALTER TABLE perfeval.project DROP CONSTRAINT pe_test_refused;

SELECT * FROM finish();
ROLLBACK;
