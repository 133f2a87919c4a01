-- pgTAP: invisible characters are refused by the types themselves (1.15,
-- issue 25 item 9): one rule of the core (pe_check_text) for INSERT,
-- UPDATE, COPY and the import alike, 22P02 naming the code point.  On 1.14
-- an INSERT stored 不低于2,000 万\uFEFF元／家 with the invisible character
-- in its unit.  Run over the four samples (test/run.sh); undone by ROLLBACK.
BEGIN;
SELECT plan(16);

-- INSERT and UPDATE of the warehouse's own columns
SELECT throws_ok($$UPDATE perfeval.indicator SET target = E'不低于2,000 万\uFEFF元／家'
	WHERE project_id = 'seed002' AND code = 'A11'$$, '22P02', NULL,
	'UPDATE indicator.target with U+FEFF inside the unit: 22P02');
SELECT throws_ok($$UPDATE perfeval.actual SET measure = E'57111万元\u200b/家'
	WHERE project_id = 'seed002'$$, '22P02', NULL,
	'UPDATE actual.measure with U+200B: 22P02');
CREATE TEMP TABLE inv (t perfeval.target, m perfeval.measure, k perfeval.method, g perfeval.grade_scale);
SELECT throws_ok($$INSERT INTO inv (t) VALUES (E'≥95%\u2028')$$, '22P02', NULL, 'INSERT a target ending in U+2028: 22P02');
SELECT throws_ok($$INSERT INTO inv (m) VALUES (E'稳步\t增长')$$, '22P02', NULL, 'INSERT a measure with a tab inside: 22P02');
SELECT throws_ok($$INSERT INTO inv (k) VALUES (E'floor:\u206060')$$, '22P02', NULL, 'INSERT a method with U+2060: 22P02');
SELECT throws_ok($$INSERT INTO inv (g) VALUES (E'优:90,\u00ad良:80,差:0')$$, '22P02', NULL, 'INSERT a grade scale with U+00AD: 22P02');
SELECT lives_ok($$INSERT INTO inv VALUES (E'\t≥95%\r\n', E' 41家\n', 'floor:60', '优:90,差:0')$$,
	'tab and line breaks around a value are trimmed, as ever');
SELECT results_eq($$SELECT t::text, m::text FROM inv$$, $$VALUES ('≥95%', '41家')$$, 'and nothing invisible is stored');

-- the message names the code point, where it is, and what is accepted
CREATE FUNCTION pg_temp.err(v text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE d text; h text;
BEGIN
	PERFORM v::perfeval.target;
	RETURN NULL;
EXCEPTION WHEN invalid_text_representation THEN
	GET STACKED DIAGNOSTICS d = PG_EXCEPTION_DETAIL, h = PG_EXCEPTION_HINT;
	RETURN d || ' | ' || h;
END $$;
SELECT is(pg_temp.err(E'不低于2,000 万\uFEFF元／家'),
	'U+FEFF at character 11 is an invisible or control character, which is not accepted. | Remove the character: a value holds visible characters and spaces only (tabs and line breaks only around it), no zero-width, bidirectional, byte order mark or control characters.',
	'the detail names U+FEFF and its character, the hint what is accepted');

-- COPY (text and csv)
SELECT throws_ok($$COPY inv (t) FROM PROGRAM 'printf ''\342\211\2455\357\273\277\345\256\266\n'''$$, '22P02', NULL,
	'COPY a target with U+FEFF: 22P02');
SELECT throws_ok($$COPY inv (m) FROM PROGRAM 'printf ''"41\342\200\213\345\256\266"\n''' WITH (FORMAT csv)$$, '22P02', NULL,
	'COPY csv a measure with U+200B: 22P02');

-- the import: the same rule, reported per field with form, line and column
INSERT INTO perfeval.form_project VALUES ('inv1', '不可见字符', '2024', '650102', '测试局', '', '', '', '', '', '', '', '', '', '', '', '');
INSERT INTO perfeval.form_indicator VALUES
	('inv1', '产出指标', '数量指标', '甲', '≥', '2,000', E'万\uFEFF元／家', '40', '2100万元/家', '', ''),
	('inv1', '产出指标', '数量指标', '乙', '', '≥5家', '', '30', E'6\u202e家', '', ''),
	('inv1', '效益指标', '社会效益', '丙', '定性', E'稳步\n增长', '', '30', '稳步增长', '', '');
SELECT results_eq($$SELECT status FROM perfeval.import_forms() WHERE project_code = 'inv1'$$, $$VALUES ('rejected')$$,
	'a form with invisible characters is rejected');
SELECT results_eq($$SELECT line, column_name, sqlstate FROM perfeval.import_error WHERE project_code = 'inv1' ORDER BY line, column_name$$,
	$$VALUES (2, '指标值', '22P02'), (3, '实际完成值', '22P02'), (4, '指标值', '22P02')$$,
	'each invisible character is refused with its line and column');
SELECT ok((SELECT bool_and(message LIKE '%at character%invisible or control character%')
		   FROM perfeval.import_error WHERE project_code = 'inv1'),
	'the import''s messages name the code point as INSERT does');
SELECT results_eq($$SELECT substring(message FROM 'U\+[0-9A-F]{4}') FROM perfeval.import_error WHERE project_code = 'inv1' ORDER BY line$$,
	$$VALUES ('U+FEFF'), ('U+202E'), ('U+000A')$$, 'U+FEFF in 度量单位, U+202E in 实际完成值, a line feed inside 指标值');
SELECT is_empty($$SELECT 1 FROM perfeval.project WHERE project_id = 'inv1'$$, 'nothing of the form was stored');

SELECT * FROM finish();
ROLLBACK;
