-- pgTAP: the scoring methods scored from the target and the actual (1.16,
-- issue 29): over:K/P (每超过P个百分点扣K分), under:K/P (每低于目标值P个百分点扣K分)
-- and deviation:K/P (每相差P%扣K分); step bands on the actual
-- (bands:<60:0,…,else:5, as sheets write them: ≥90%得5分，80%（含）-90%得4分，…).  Each of the issue's examples through
-- indicator_score(), row_score() and a form imported with the method in
-- 指标性质's brackets; the text and binary forms; what is refused.  Run from
-- the repository's top directory; undone by the final ROLLBACK.
BEGIN;
SET search_path = perfeval, public;
SELECT plan(42);

-- 1. The issue's examples, scored by indicator_score() (the scheme's default: two decimals).
SELECT is(indicator_score(5, '≤100%', '103%', '每超过一个百分点扣0.5分，扣完为止'), 3.5,
	'≤100%, weight 5, 每超过一个百分点扣0.5分: 103 % scores 5 − 3 × 0.5 = 3.5');
SELECT is(indicator_score(3, '≤0%', '2%', '每超过1个百分点扣0.3分'), 2.4,
	'≤0% (三公经费变动率), weight 3, 每超过1个百分点扣0.3分: 2 % scores 3 − 2 × 0.3 = 2.4');
SELECT is(indicator_score(15, '100', '91', '实际完成情况与计划每相差3%，扣1分'), 12::numeric,
	'target 100, weight 15, 每相差3%扣1分: 91 (9 % under) scores 15 − 3 = 12');
SELECT is(indicator_score(15, '100', '109', '实际完成情况与计划每相差3%，扣1分'), 12::numeric,
	'the same: 109 (9 % over) scores 12 too');
SELECT results_eq($$SELECT indicator_score(15, '100', '91', '实际完成情况与计划每相差3%，扣1分，扣满15分为止'),
		indicator_score(20, '100', '40', '实际完成情况与计划每相差3%，扣1分，扣满15分为止'),
		indicator_score(20, '100', '91', 'deviation:1/3/15')$$,
	$$VALUES (12::numeric, 5::numeric, 17::numeric)$$,
	'扣满15分为止 (deviation:1/3/15): 91 of 100 still 12 on a weight of 15; on a weight of 20, 40 (20 points of deductions) loses only 15: 5; 91: 17');
SELECT is(indicator_score(10, '≥95%', '90%', '每低于目标值1个百分点扣1分'), 5::numeric,
	'≥95%, weight 10, 每低于目标值1个百分点扣1分: 90 % is 5 points short, scores 5');
SELECT is(indicator_score(10, '≥95%', '90%', '每低1个百分点扣1分', decimals => 6), 4.736842,
	'deduct:1/1 (每低1个百分点扣1分) on the same row: completion 94.736842 %, 5.263158 short of 100, scores 4.736842');
-- rounded once, by the scheme: 10 − 1/3 at two decimals, truncated to one, six
SELECT results_eq($$SELECT indicator_score(10, '≤100%', '101%', 'over:1/3'),
		indicator_score(10, '≤100%', '101%', 'over:1/3', rounding => 'truncate', decimals => 1),
		indicator_score(10, '≤100%', '101%', 'over:1/3', decimals => 6)$$,
	$$VALUES (9.67, 9.6, 9.666667)$$, 'over:1/3 at 101 %: 9.666…, rounded once as the scheme says (9.67, 9.6, 9.666667)');
SELECT results_eq($$SELECT indicator_score(5, '≤100%', '120%', 'over:0.5/1'), indicator_score(10, '≥95%', '99%', 'under:1/1'),
		indicator_score(15, '=200万元', '1940000元', 'deviation:1/3')$$,
	$$VALUES (0::numeric, 10::numeric, 14::numeric)$$,
	'never below 0; a target met scores the weight; units reconciled (194万元 is 3 % from 200万元: 14)');

-- 1b. Step bands (重点支出安排率, 预算调整率).
SELECT is(indicator_score(5, '≥90%', '85%', '≥90%得5分，80%（含）-90%得4分，70%（含）-80%得3分，60%（含）-70%得2分，60%以下不得分'), 4::numeric,
	'bands ≥90%得5分，80%（含）-90%得4分…, weight 5: 85 % scores 4');
SELECT results_eq($$SELECT a, indicator_score(3, '≤0%', a::measure, '0得3分，(0,10%]得2分，(10%,20%]得1分，(20%,30%]得0.5分，30%以上不得分')
	FROM unnest(ARRAY['0%', '10%', '10.5%', '20%', '25%', '30%', '30.1%']) a$$,
	$$VALUES ('0%', 3::numeric), ('10%', 2), ('10.5%', 1), ('20%', 1), ('25%', 0.5), ('30%', 0.5), ('30.1%', 0)$$,
	'bands 0得3分，(0,10%]得2分…, weight 3: 10 % scores 2, 10.5 % scores 1, each upper bound in its band');
SELECT results_eq($$SELECT a, indicator_score(5, '≥90%', a::measure, 'bands:<60:0,<70:2,<80:3,<90:4,else:5')
	FROM unnest(ARRAY['59.9%', '60%', '79.9%', '80%', '90%']) a$$,
	$$VALUES ('59.9%', 0::numeric), ('60%', 2), ('79.9%', 3), ('80%', 4), ('90%', 5)$$,
	'bands including their lower bound: 60 % is in 60（含）-70');

-- 2. row_score(): a money rate against a target, scored from the rate itself.
SELECT is(row_score(5, true, 'execution_rate', '≤100%', NULL, NULL, NULL, 'over:0.5/1', NULL, 103,
		'ratio', 2, 'half_up', 80, 60), 3.5, 'row_score: an execution rate of 103 % against ≤100% under over:0.5/1 scores 3.5');
SELECT is(row_score(5, true, 'execution_rate', NULL, NULL, NULL, NULL, 'over:0.5/1', NULL, 103,
		'ratio', 2, 'half_up', 80, 60), NULL, 'row_score: a rate without a target has nothing to count over: no score');

-- 3. The form: each example in 指标性质's brackets, imported and scored by the views.
INSERT INTO perfeval.form_project VALUES ('meth29', '评分方法（议题29）', '2024', '650102', '测试局', '', '', '', '', '', '', '', '', '', '', '', '');
INSERT INTO perfeval.form_indicator VALUES
	('meth29', '产出指标', '数量指标', '重点支出安排率', '≤（每超过一个百分点扣0.5分，扣完为止）', '100', '%', '5', '103%', '', ''),
	('meth29', '产出指标', '数量指标', '三公经费变动率', '≤（每超过1个百分点扣0.3分）', '0', '%', '3', '2%', '', ''),
	('meth29', '产出指标', '质量指标', '完成计划（低）', '=（实际完成情况与计划每相差3%，扣1分）', '100', '', '15', '91', '', ''),
	('meth29', '产出指标', '质量指标', '完成计划（高）', '=（实际完成情况与计划每相差3%，扣1分，扣满15分为止）', '100', '', '15', '109', '', ''),
	('meth29', '效益指标', '社会效益', '达标率（目标值点数）', '≥（每低于目标值1个百分点扣1分）', '95', '%', '10', '90%', '', ''),
	('meth29', '效益指标', '社会效益', '达标率（完成率点数）', '≥（每低1个百分点扣1分）', '95', '%', '10', '90%', '', ''),
	('meth29', '产出指标', '质量指标', '重点支出安排率（分档）', '≥（≥90%得5分，80%（含）-90%得4分，70%（含）-80%得3分，60%（含）-70%得2分，60%以下不得分）', '90', '%', '5', '85%', '', ''),
	('meth29', '产出指标', '质量指标', '预算调整率', '≤（0得3分，(0,10%]得2分，(10%,20%]得1分，(20%,30%]得0.5分，30%以上不得分）', '0', '%', '3', '10.5%', '', '');
SELECT results_eq($$SELECT status, errors FROM perfeval.import_forms() WHERE project_code = 'meth29'$$,
	$$VALUES ('imported', 0)$$, 'a form with the new methods in 指标性质''s brackets imports');
SELECT results_eq($$SELECT i.name, i.method::text, s.score FROM perfeval.indicator i
	JOIN perfeval.indicator_scores s USING (project_id, code) WHERE i.project_id = 'meth29' ORDER BY i.seq$$,
	$$VALUES ('重点支出安排率', 'over:0.5/1', 3.5), ('三公经费变动率', 'over:0.3/1', 2.4),
		('完成计划（低）', 'deviation:1/3', 12), ('完成计划（高）', 'deviation:1/3/15', 12),
		('达标率（目标值点数）', 'under:1/1', 5), ('达标率（完成率点数）', 'deduct:1/1', 4.74),
		('重点支出安排率（分档）', 'bands:<60:0,<70:2,<80:3,<90:4,else:5', 4), ('预算调整率', 'bands:<=0:3,<=10:2,<=20:1,<=30:0.5,else:0', 1)$$,
	'indicator_scores: each method read from the brackets (the bands'' own （含） and (…] inside them) and scored (3.5, 2.4, 12, 12, 5; deduct:1/1 4.74; bands 4, 1)');
SELECT is((SELECT explanation FROM perfeval.indicator_scores WHERE project_id = 'meth29' AND name = '完成计划（高）'),
	'指标完成率=109÷100=109%，按评分方法deviation:1/3/15得12分',
	'the working paper names the method (and does not say 未达到 of an actual over its target)');
SELECT is((SELECT total FROM perfeval.project_scores WHERE project_id = 'meth29'), 67.64,
	'project_scores: 44.64 of 66 points, rescaled to 100: 67.64');
-- a new method that does not parse in the brackets: the form refused, 22P02 naming 指标性质
INSERT INTO perfeval.form_project VALUES ('meth29x', '评分方法写错（议题29）', '2024', '650102', '测试局', '', '', '', '', '', '', '', '', '', '', '', '');
INSERT INTO perfeval.form_indicator VALUES
	('meth29x', '产出指标', '数量指标', '甲', '≤（每超过1个百分点扣0分）', '100', '%', '50', '103%', '', ''),
	('meth29x', '产出指标', '数量指标', '乙', '=（每相差3个百分点扣1分）', '100', '', '50', '91', '', '');
SELECT results_eq($$SELECT status, errors FROM perfeval.import_forms() WHERE project_code = 'meth29x'$$,
	$$VALUES ('rejected', 2)$$, 'a form with malformed new methods in 指标性质 is refused');
SELECT results_eq($$SELECT line, column_name, value, sqlstate FROM perfeval.import_error WHERE project_code = 'meth29x' ORDER BY line$$,
	$$VALUES (2, '指标性质', '每超过1个百分点扣0分', '22P02'), (3, '指标性质', '每相差3个百分点扣1分', '22P02')$$,
	'each bad method: 22P02 naming 指标性质 and the method');
-- out through the export (the Chinese spelling in brackets) and back in: the same methods and scores
CREATE TEMP TABLE meth29_before AS SELECT i.name, i.method, s.score FROM perfeval.indicator i
	JOIN perfeval.indicator_scores s USING (project_id, code) WHERE i.project_id = 'meth29';
SELECT set_eq($$SELECT "三级指标", "指标性质", "指标值" FROM perfeval.export_indicator WHERE "项目编码" = 'meth29'$$,
	$$VALUES ('重点支出安排率', '（每超过1个百分点扣0.5分）', '≤100%'), ('三公经费变动率', '（每超过1个百分点扣0.3分）', '≤0%'),
		('完成计划（低）', '（每相差3%扣1分）', '''=100'), ('完成计划（高）', '（每相差3%扣1分，扣满15分为止）', '''=100'),
		('达标率（目标值点数）', '（每低于目标值1个百分点扣1分）', '≥95%'), ('达标率（完成率点数）', '（每低1个百分点扣1分）', '≥95%'),
		('重点支出安排率（分档）', '（低于60不得分，60（含）-70得2分，70（含）-80得3分，80（含）-90得4分，≥90得5分）', '≥90%'),
		('预算调整率', '（≤0得3分，(0,10]得2分，(10,20]得1分，(20,30]得0.5分，＞30不得分）', '≤0%')$$,
	'export_indicator writes method_zh() in 指标性质''s brackets');
INSERT INTO perfeval.form_project SELECT * FROM perfeval.export_project WHERE "项目编码" = 'meth29';
INSERT INTO perfeval.form_indicator SELECT * FROM perfeval.export_indicator WHERE "项目编码" = 'meth29';
SELECT results_eq($$SELECT status FROM perfeval.import_forms() WHERE project_code = 'meth29'$$,
	$$VALUES ('imported')$$, 'the exported form imports over itself');
SELECT set_eq($$SELECT i.name, i.method, s.score FROM perfeval.indicator i
	JOIN perfeval.indicator_scores s USING (project_id, code) WHERE i.project_id = 'meth29'$$,
	'SELECT * FROM meth29_before', 'export -> import keeps every method and score');

-- 4. Text: canonical forms, the Chinese spelling, and back.
SELECT results_eq($$SELECT m::method::text, method_zh(m::method), method_zh(m::method)::method::text
	FROM (VALUES ('每超过一个百分点扣0.5分，扣完为止'), ('每低于目标值1个百分点扣1分'),
		('实际完成情况与计划每相差3%，扣1分'), ('OVER : 0.30 ／ 1'), ('deviation:1/2.5'), ('实际完成情况与计划每相差3%，扣1分，扣满15分为止'),
		('≥90%得5分，80%（含）-90%得4分，70%（含）-80%得3分，60%（含）-70%得2分，60%以下不得分'),
		('0得3分，(0,10%]得2分，(10%,20%]得1分，(20%,30%]得0.5分，30%以上不得分')) v(m)$$,
	$$VALUES ('over:0.5/1', '每超过1个百分点扣0.5分', 'over:0.5/1'),
		('under:1/1', '每低于目标值1个百分点扣1分', 'under:1/1'),
		('deviation:1/3', '每相差3%扣1分', 'deviation:1/3'),
		('over:0.3/1', '每超过1个百分点扣0.3分', 'over:0.3/1'),
		('deviation:1/2.5', '每相差2.5%扣1分', 'deviation:1/2.5'),
		('deviation:1/3/15', '每相差3%扣1分，扣满15分为止', 'deviation:1/3/15'),
		('bands:<60:0,<70:2,<80:3,<90:4,else:5', '低于60不得分，60（含）-70得2分，70（含）-80得3分，80（含）-90得4分，≥90得5分',
			'bands:<60:0,<70:2,<80:3,<90:4,else:5'),
		('bands:<=0:3,<=10:2,<=20:1,<=30:0.5,else:0', '≤0得3分，(0,10]得2分，(10,20]得1分，(20,30]得0.5分，＞30不得分',
			'bands:<=0:3,<=10:2,<=20:1,<=30:0.5,else:0')$$,
	'text in -> canonical out, method_zh() -> in again: the same method');
SELECT ok('under:1/1'::method <> 'deduct:1/1'::method AND '每低1个百分点扣1分'::method = 'deduct:1/1'::method,
	'每低于目标值 (under) and 每低 (deduct) are two methods');

-- 5. Binary: send writes the new kind codes in the same 18 bytes; COPY FORMAT binary reads them back.
SELECT is(method_send('over:0.5/1'), '\x0104000000000007a12000000000000f4240'::bytea,
	'method_send: version 1, kind 4 (over), 0.5 and 1 in fixed point');
SELECT results_eq($$SELECT get_byte(method_send(m::method), 1) FROM (VALUES ('proportional'), ('floor:60'),
		('all_or_nothing'), ('deduct:1/5'), ('over:1/5'), ('under:1/5'), ('deviation:1/5'), ('bands:<60:0,else:5')) v(m)$$,
	$$VALUES (0), (1), (2), (3), (4), (5), (6), (7)$$, 'the kinds before 1.16 keep their codes 0 to 3; the new ones are 4 to 7');
SELECT is(method_send('bands:<60:0,<70:2,<80:3,<90:4,else:5'), '\x010731f419012c0c80000384032002bc0258'::bytea,
	'method_send of bands: the points (12 bits each, the count and side on top) and the bounds (16 bits each) in the same 18 bytes');
CREATE TEMP TABLE meth_bin (m perfeval.method);
COPY (SELECT m::method FROM (VALUES ('over:0.5/1'), ('under:1/1'), ('deviation:1/3'), ('deduct:1/5'),
		('bands:<60:0,<70:2,<80:3,<90:4,else:5'), ('bands:<=0:3,<=10:2,<=20:1,<=30:0.5,else:0')) v(m))
	TO '/tmp/perfeval-methods-pgtap.bin' WITH (FORMAT binary);
COPY meth_bin FROM '/tmp/perfeval-methods-pgtap.bin' WITH (FORMAT binary);
SELECT results_eq('SELECT m::text FROM meth_bin', $$VALUES ('over:0.5/1'), ('under:1/1'), ('deviation:1/3'), ('deduct:1/5'),
		('bands:<60:0,<70:2,<80:3,<90:4,else:5'), ('bands:<=0:3,<=10:2,<=20:1,<=30:0.5,else:0')$$,
	'send -> COPY FORMAT binary -> recv: the same methods');
CREATE TEMP TABLE meth_bad (b bytea);
INSERT INTO meth_bad VALUES ('\x0107000000000007a12000000000000f4240');  -- no bands
COPY meth_bad TO '/tmp/perfeval-methods-pgtap-bad7.bin' WITH (FORMAT binary);
SELECT throws_ok($$COPY meth_bin FROM '/tmp/perfeval-methods-pgtap-bad7.bin' WITH (FORMAT binary)$$, '22P03', NULL,
	'recv refuses bits that are no bands (22P03)');
TRUNCATE meth_bad;
INSERT INTO meth_bad VALUES ('\x010831f419012c0c80000384032002bc0258');
COPY meth_bad TO '/tmp/perfeval-methods-pgtap-bad8.bin' WITH (FORMAT binary);
SELECT throws_ok($$COPY meth_bin FROM '/tmp/perfeval-methods-pgtap-bad8.bin' WITH (FORMAT binary)$$, '22P03', NULL,
	'recv refuses kind 8 (22P03)');
TRUNCATE meth_bad;
INSERT INTO meth_bad VALUES ('\x010500000000000000000000000000000f4240');
COPY meth_bad TO '/tmp/perfeval-methods-pgtap-bad0.bin' WITH (FORMAT binary);
SELECT throws_ok($$COPY meth_bin FROM '/tmp/perfeval-methods-pgtap-bad0.bin' WITH (FORMAT binary)$$, '22P03', NULL,
	'recv refuses under:0/1, as the text input does (22P03)');

-- 6. Refused: NaN, malformed, zero or negative parameters (22P02 with the hint).
SELECT throws_ok($$SELECT 'over:NaN/1'::method$$, '22P02', NULL, 'over:NaN/1 refused');
SELECT throws_ok($$SELECT 'deviation:1/NaN'::method$$, '22P02', NULL, 'deviation:1/NaN refused');
SELECT throws_ok($$SELECT 'under:0/1'::method$$, '22P02', NULL, 'under:0/1 refused');
SELECT throws_ok($$SELECT '每超过1个百分点扣0.5分，扣满0分为止'::method$$, '22P02', NULL,
	'a cap of 0 (扣满0分为止) refused');
SELECT throws_ok($$SELECT 'over:1/1/0.001'::method$$, '22P02', NULL, 'a cap with three decimals refused');
SELECT throws_ok($$SELECT '≥90%得5分，80%-90%得4分，70%-80%得3分，70%以下不得分'::method$$, '22P02', NULL,
	'bands whose bounds belong to no side are refused');
SELECT throws_ok($$SELECT 'bands:<60:NaN,else:5'::method$$, '22P02', NULL, 'bands:<60:NaN,else:5 refused');
SELECT throws_like($$SELECT '每相差3个百分点扣1分'::method$$, '%每相差3个百分点扣1分%',
	'the message quotes the value');
CREATE TEMP TABLE meth_hint (sqlstate text, hint text);
DO $$
BEGIN
	PERFORM 'over:1/1/1/1'::perfeval.method;
EXCEPTION WHEN OTHERS THEN
	DECLARE s text; h text;
	BEGIN
		GET STACKED DIAGNOSTICS s = RETURNED_SQLSTATE, h = PG_EXCEPTION_HINT;
		INSERT INTO meth_hint VALUES (s, h);
	END;
END $$;
SELECT ok((SELECT sqlstate = '22P02' AND hint LIKE '%over:K/P%under:K/P%deviation:K/P%每低于目标值1个百分点扣1分%每相差3%扣1分%' FROM meth_hint),
	'22P02 with a hint naming what is accepted, the new methods and their Chinese spellings among them');
SELECT throws_ok($$SELECT score(10, 90, 'under:1/1')$$, '22023', NULL,
	'score(weight, completion, method) refuses a method scored from the values (22023)');

SELECT * FROM finish();
ROLLBACK;
