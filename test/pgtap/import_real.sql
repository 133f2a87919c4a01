-- Forms as counties really send them (issue 26), through the documented
-- \copy ... HEADER match path: each asserted against a hand computation.
--   county_a: CRLF line ends, merged 一级/二级指标 cells left blank, level-1
--     cells with their points, the money row's 10 on top of 100 indicator
--     points (110), a note "0", a number target against a word with its
--     printed score, level-1 points its rows do not add up to.
--   town_b: no 主管部门, rows that do not apply written / and —, a row of
--     nothing but marks, a note "无".
--   county_c: weights printed only in the section headers: refused once.
--   a form larger than a project holds: refused at once (54000).
BEGIN;
SELECT plan(30);

\copy perfeval.form_project FROM 'test/data/forms/real/county_a_project.csv' WITH (FORMAT csv, HEADER match)
\copy perfeval.form_indicator FROM 'test/data/forms/real/county_a_indicator.csv' WITH (FORMAT csv, HEADER match)
\copy perfeval.form_project FROM 'test/data/forms/real/town_b_project.csv' WITH (FORMAT csv, HEADER match)
\copy perfeval.form_indicator FROM 'test/data/forms/real/town_b_indicator.csv' WITH (FORMAT csv, HEADER match)
\copy perfeval.form_project FROM 'test/data/forms/real/county_c_project.csv' WITH (FORMAT csv, HEADER match)
\copy perfeval.form_project FROM 'test/data/forms/real/county_d_project.csv' WITH (FORMAT csv, HEADER match)
\copy perfeval.form_indicator FROM 'test/data/forms/real/county_d_indicator.csv' WITH (FORMAT csv, HEADER match)
\copy perfeval.form_project FROM 'test/data/forms/real/county_e_project.csv' WITH (FORMAT csv, HEADER match)
\copy perfeval.form_indicator FROM 'test/data/forms/real/county_e_indicator.csv' WITH (FORMAT csv, HEADER match)
\copy perfeval.form_indicator FROM 'test/data/forms/real/county_c_indicator.csv' WITH (FORMAT csv, HEADER match)
-- a form of 1,001 indicator rows
INSERT INTO perfeval.form_project VALUES ('BIG', '超大表单', '2023', '650102', '县财政局', '', '', '', '', '', '', '', '', '', '', '', '');
INSERT INTO perfeval.form_indicator
SELECT 'BIG', '产出指标', '数量指标', '指标' || g, '≥', '1', '个', '0.1', '1个', '', '' FROM generate_series(1, 1001) g;
-- a form whose 指标值 and 实际完成值 begin with a label restating the name
INSERT INTO perfeval.form_project VALUES ('R6', '标签项目', '2023', '650102', '县住建局', '', '', '', '', '', '', '', '', '', '', '', '');
INSERT INTO perfeval.form_indicator VALUES
	('R6', '产出指标', '质量指标', '验收合格率', '', '合格率≥95%', '', '60', '合格率 96%', '', ''),
	('R6', '产出指标', '数量指标', '改造户数', '', '≥100（含）', '户', '40', '100户', '', '');

SELECT results_eq('SELECT * FROM perfeval.import_forms() ORDER BY project_code',
	$$VALUES ('BIG', 'rejected', 1001, 1), ('R1', 'imported', 8, 0), ('R2', 'imported', 6, 0), ('R3', 'rejected', 3, 1),
		('R4', 'imported', 5, 0), ('R5', 'imported', 3, 0), ('R6', 'imported', 2, 0)$$,
	'the four real forms go in; the one without row weights and the one too large are refused, once each');

-- county_a: 9.5 + 20 + 9 + 10 + 10 + 15 + 15 + 20 = 108.5 of 110 points,
-- rescaled: 108.5 × 100 ÷ 110 = 98.636… = 98.64, 优
SELECT results_eq($$SELECT total, grade, printed_total FROM perfeval.project_scores WHERE project_id = 'R1'$$,
	$$VALUES (98.64, '优', 108.5)$$, 'county_a: 108.5 of 110 points, rescaled to 98.64, 优 (the form printed 108.5)');
SELECT results_eq($$SELECT code, level1, level2, name, weight::text, score::text, level1_points::text
	FROM perfeval.indicator_scores JOIN perfeval.indicator USING (project_id, code, level1, level2, name, weight)
	WHERE project_id = 'R1' ORDER BY indicator.seq$$,
	$$VALUES ('A11', '预算执行指标', '预算执行指标', '预算执行率', '10', '9.5', NULL),
		('B11', '产出指标', '数量指标', '培训人次', '20', '20', '50'),
		('B12', '产出指标', '数量指标', '补贴发放个数', '10', '9', '50'),
		('B21', '产出指标', '质量指标', '验收合格率', '10', '10', '50'),
		('B31', '产出指标', '时效指标', '完成时间', '10', '10', '50'),
		('C11', '效益指标', '社会效益指标', '带动农户增收', '15', '15', '30'),
		('C12', '效益指标', '社会效益指标', '群众上访次数', '15', '15', '30'),
		('D11', '满意度指标', '服务对象满意度指标', '受益农户满意度', '20', '20', '10')$$,
	'county_a: merged cells inherit the level above, the points leave the level-1 names and are kept beside them');
SELECT results_eq($$SELECT kind, code FROM perfeval.findings WHERE project_id = 'R1' ORDER BY kind, code$$,
	$$VALUES ('judged_by_score', 'C12'), ('level1_points', NULL), ('printed_total', NULL), ('shortfall', 'A11'),
		('shortfall', 'B12'), ('weights_not_100', NULL), ('weights_total', NULL)$$,
	'county_a: every inconsistency a finding: 110 points, the printed total, 满意度指标 (10分) over 20 points, <5次 against 无上访, a note "0" is no note');
SELECT ok((SELECT detail LIKE '%数字指标值与文字实际值%' FROM perfeval.findings WHERE project_id = 'R1' AND kind = 'judged_by_score'),
	'county_a: the finding says why the row was judged by its printed score');
SELECT ok((SELECT detail LIKE '%满意度指标%10分%20分%' FROM perfeval.findings WHERE project_id = 'R1' AND kind = 'level1_points'),
	'county_a: the level-1 finding names the level, its printed points and its rows'' weights');
SELECT results_eq($$SELECT tier, fraction FROM perfeval.actual WHERE project_id = 'R1' AND code = 'C12'$$,
	$$VALUES ('达成', 100::numeric)$$, 'county_a: 无上访 against <5次, printed 15 of 15: judged 达成 at 100 %');
SELECT is((SELECT deviation_note FROM perfeval.actual WHERE project_id = 'R1' AND code = 'B12'), NULL,
	'county_a: a deviation note "0" is no note');

-- town_b: applicable 30 + 20 + 20 + 20 = 90 of 100 weight; 30 + 20 + 16 +
-- 19.56 (88 ÷ 90 × 20) = 85.56, rescaled ÷ 0.9 = 95.066… = 95.07, 优
SELECT results_eq($$SELECT total, grade FROM perfeval.project_scores WHERE project_id = 'R2'$$,
	$$VALUES (95.07, '优')$$, 'town_b: 85.56 over the applicable 90, 95.07, 优, as printed');
SELECT results_eq($$SELECT code, name, weight::text, applicable FROM perfeval.indicator WHERE project_id = 'R2' ORDER BY seq$$,
	$$VALUES ('A11', '新建桥梁', '30', true), ('A12', '维修道路', '0', false), ('A21', '工程验收合格率', '20', true),
		('B11', '群众出行便利度', '20', true), ('B21', '长效管护机制', '10', false), ('C11', '群众满意度', '20', true)$$,
	'town_b: / and — rows held as not applying (分值 / is no weight), the row of nothing but marks is no row');
SELECT results_eq($$SELECT department, implementing_unit, department_from_unit FROM perfeval.project WHERE project_id = 'R2'$$,
	$$VALUES ('某镇人民政府', '某镇人民政府', true)$$, 'town_b: the empty 主管部门 takes the 实施单位');
SELECT results_eq($$SELECT kind, code FROM perfeval.findings WHERE project_id = 'R2' ORDER BY kind, code$$,
	$$VALUES ('department_from_unit', NULL), ('shortfall', 'B11'), ('shortfall', 'C11')$$,
	'town_b: the department a finding, a note "无" is no note');

-- county_d: 10 + 30 + 20 + 27 (81 ÷ 90 × 30) + 10 = 97; the section headers
-- and the 合计 row are no rows, their points the levels'; 30分 is 30
SELECT results_eq($$SELECT total, grade, printed_total FROM perfeval.project_scores WHERE project_id = 'R4'$$,
	$$VALUES (97::numeric, '优', 96::numeric)$$, 'county_d: 97, 优 (the form printed 96分: a finding)');
SELECT results_eq($$SELECT code, level1, name, weight::text, printed_score::text, level1_points::text FROM perfeval.indicator
	WHERE project_id = 'R4' ORDER BY seq$$,
	$$VALUES ('A11', '预算执行指标', '预算执行率', '10', '10', NULL), ('B11', '产出指标', '服务老人人次', '30', '30', '50'),
		('B21', '产出指标', '服务合格率', '20', '20', '50'), ('C11', '效益指标', '政策知晓率', '30', '27', '30'),
		('D11', '满意度指标', '老人满意度', '10', '10', '10')$$,
	'county_d: header rows give their levels'' points, 合计 is no row, points written 30分 read as 30');

-- county_e: 40 + 30 (11万元 against 反向 12万元: met) + 28.33 (85 ÷ 90 × 30) = 98.33
SELECT results_eq($$SELECT total, grade, difference FROM perfeval.project_scores WHERE project_id = 'R5'$$,
	$$VALUES (98.33, '优', 0::numeric)$$, 'county_e: 98.33, 优, as printed');
SELECT results_eq($$SELECT p.year, p.evaluation_kind, a.unit, i.target::text FROM perfeval.project p
	JOIN perfeval.allocation a USING (project_id) JOIN perfeval.indicator i USING (project_id) WHERE p.project_id = 'R5' ORDER BY i.seq$$,
	$$VALUES (2023, '单位自评', '万元', '=5个'), (2023, '单位自评', '万元', '≤12万元'), (2023, '单位自评', '万元', '=90%')$$,
	'county_e: 2023年度, 绩效自评, 万, 定量, 反向 and 正向指标 read as the warehouse holds them');

-- a label restating the indicator's name in front of 指标值 and 实际完成值
-- (合格率≥95% of 验收合格率) is dropped; one that does not (增长率5%) is read
-- as written (and refused, as before)
SELECT results_eq($$SELECT (SELECT string_agg(i.target::text || ' ' || a.measure::text, ', ' ORDER BY i.seq) FROM perfeval.indicator i
	JOIN perfeval.actual a USING (project_id, code) WHERE i.project_id = 'R6'), (SELECT total FROM perfeval.project_scores WHERE project_id = 'R6')$$,
	$$VALUES ('≥95% 96%, ≥100户 100户', 100::numeric)$$, 'a label restating the name in front of 指标值 and 实际完成值 is dropped, and a closing （含）');

-- county_c: one problem, naming the form
SELECT results_eq($$SELECT line, column_name, sqlstate, message FROM perfeval.import_error WHERE project_code = 'R3'$$,
	$$VALUES (2, '分值', '23502', 'the indicator rows of form "R3" carry no 分值: its row weights are missing')$$,
	'county_c: refused once, naming the form and saying its row weights are missing');
SELECT ok((SELECT hint LIKE '%产出指标（50分）%' FROM perfeval.import_error WHERE project_code = 'R3'),
	'county_c: the hint says section-header points are not row weights');
-- the form too large: 54000, at once
SELECT results_eq($$SELECT sqlstate, message FROM perfeval.import_error WHERE project_code = 'BIG'$$,
	$$VALUES ('54000', 'form "BIG" has 1001 indicator rows, more than a project holds (1000)')$$,
	'a form larger than a project holds: 54000 naming the form');
SELECT is((SELECT count(*) FROM perfeval.staged_lines WHERE project_code IN ('BIG', 'R3')), 1006::bigint,
	'the refused forms stay staged');

-- the same facts by INSERT give the same findings (the findings come from
-- the facts, not from the import)
INSERT INTO perfeval.project (project_id, name, year, division_code, department, implementing_unit, evaluation_kind,
		scheme_id, department_from_unit)
SELECT 'I1', name, year, division_code, department, implementing_unit, evaluation_kind, scheme_id, department_from_unit
  FROM perfeval.project WHERE project_id = 'R1';
INSERT INTO perfeval.allocation SELECT 'I1', department, fund_level, unit, initial_budget, budget, arrived, spent
  FROM perfeval.allocation WHERE project_id = 'R1';
INSERT INTO perfeval.indicator (project_id, code, seq, level1, level2, name, weight, target, method, source, applicable,
		printed_score, level1_points)
SELECT 'I1', code, seq, level1, level2, name, weight, target, method, source, applicable, printed_score, level1_points
  FROM perfeval.indicator WHERE project_id = 'R1';
INSERT INTO perfeval.actual SELECT 'I1', code, reported_on, measure, tier, fraction, deviation_note
  FROM perfeval.actual WHERE project_id = 'R1';
SELECT results_eq($$SELECT kind, code FROM perfeval.findings WHERE project_id = 'I1' ORDER BY kind, code$$,
	$$SELECT kind, code FROM perfeval.findings WHERE project_id = 'R1' AND kind <> 'printed_total' ORDER BY kind, code$$,
	'the same facts INSERTed raise the same findings (weights not 100 included): one rule both ways');
SELECT results_eq($$SELECT total FROM perfeval.project_scores WHERE project_id = 'I1'$$, $$VALUES (98.64)$$,
	'INSERTed with 110 points of weight: the same rescaled total');

-- out and in again: the export writes what the form printed (the points in
-- the level-1 cells, / for a row of no weight, an empty 主管部门)
SELECT results_eq($$SELECT "一级指标", "分值" FROM perfeval.export_indicator WHERE "项目编码" IN ('R1', 'R2') AND "三级指标" IN ('培训人次', '维修道路') ORDER BY 1$$,
	$$VALUES ('产出指标', '/'), ('产出指标（50分）', '20')$$, 'the export writes the level-1 points and / as printed');
SELECT is((SELECT "主管部门" FROM perfeval.export_project WHERE "项目编码" = 'R2'), NULL, 'the export leaves 主管部门 empty as the form did');
CREATE TEMP TABLE before AS
SELECT project_id, code, level1, level2, name, weight, applicable, level1_points FROM perfeval.indicator WHERE project_id IN ('R1', 'R2');
CREATE TEMP TABLE before_scores AS SELECT project_id, total, grade FROM perfeval.project_scores WHERE project_id IN ('R1', 'R2');
INSERT INTO perfeval.form_project SELECT * FROM perfeval.export_project WHERE "项目编码" IN ('R1', 'R2');
INSERT INTO perfeval.form_indicator SELECT * FROM perfeval.export_indicator WHERE "项目编码" IN ('R1', 'R2');
DELETE FROM perfeval.form_project WHERE "项目编码" IN ('BIG', 'R3');
DELETE FROM perfeval.form_indicator WHERE "项目编码" IN ('BIG', 'R3');
SELECT results_eq($$SELECT project_code, status FROM perfeval.import_forms() ORDER BY 1$$,
	$$VALUES ('R1', 'imported'), ('R2', 'imported')$$, 'exported and imported again');
SELECT set_eq($$SELECT project_id, code, level1, level2, name, weight, applicable, level1_points FROM perfeval.indicator WHERE project_id IN ('R1', 'R2')$$,
	'SELECT * FROM before', 'export -> import keeps every row as it was: levels, points, weights, applicability');
SELECT set_eq($$SELECT project_id, total, grade FROM perfeval.project_scores WHERE project_id IN ('R1', 'R2')$$,
	'SELECT * FROM before_scores', 'export -> import keeps the totals');

-- the tables hold a project to the rules the reader reads a form by (one
-- place each, the core's): a form's spelling is read, the table's value must
-- be the name the warehouse holds
SELECT results_eq($$SELECT perfeval_internal.is_evaluation_kind(k) FROM unnest(ARRAY['单位自评', '第三方', '自评', '第三方评价', '']) k$$,
	$$VALUES (true), (true), (false), (false), (false)$$, 'the table takes the kinds as held, not a form''s other spellings');
SELECT throws_ok($$INSERT INTO perfeval.project (project_id, name, year, division_code, department, evaluation_kind)
	VALUES ('X', 'x', 2101, '650102', '局', '单位自评')$$, '23514', NULL, 'a year past 2100 refused by the table, as by the reader');

SELECT * FROM finish();
ROLLBACK;
