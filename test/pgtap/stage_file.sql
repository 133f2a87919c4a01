-- pgTAP: one command per file (1.16, issue 26).  The seeds' form files as
-- Excel on a Chinese Windows desk saves them (test/data/forms/excel/, made
-- by its make.py: a byte-order mark and CRLF, GB18030, trailing empty
-- columns, columns in another order spelled otherwise, merged 项目编码 and
-- blank rows) staged by perfeval.stage_file() give the rows \copy gives of
-- the clean files, and import to the seeds' totals; every refusal names
-- its file, line, column and value, and stages nothing.  Run from the
-- repository's top directory over the four samples (test/run.sh); undone by
-- the final ROLLBACK.
BEGIN;
SELECT plan(41);

-- What a refused statement tells its caller: SQLSTATE, message, detail, hint.
CREATE FUNCTION pg_temp.refusal(q text) RETURNS text LANGUAGE plpgsql AS $f$
DECLARE
	st text; m text; d text; h text;
BEGIN
	EXECUTE q;
	RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, m = MESSAGE_TEXT, d = PG_EXCEPTION_DETAIL, h = PG_EXCEPTION_HINT;
	RETURN concat_ws(' | ', st, m, d, 'hint: ' || h);
END $f$;

-- 1. What \copy of the clean files stages (the rows without their batch),
-- kept, then taken off the staging again.
\copy perfeval.form_project FROM 'test/data/forms/seed000_project.csv' WITH (FORMAT csv, HEADER match)
\copy perfeval.form_project FROM 'test/data/forms/seed001_project.csv' WITH (FORMAT csv, HEADER match)
\copy perfeval.form_indicator FROM 'test/data/forms/seed001_indicator.csv' WITH (FORMAT csv, HEADER match)
\copy perfeval.form_checklist FROM 'test/data/forms/seed001_checklist.csv' WITH (FORMAT csv, HEADER match)
\copy perfeval.form_project FROM 'test/data/forms/seed002_project.csv' WITH (FORMAT csv, HEADER match)
\copy perfeval.form_indicator FROM 'test/data/forms/seed002_indicator.csv' WITH (FORMAT csv, HEADER match)
\copy perfeval.form_project FROM 'test/data/forms/seed003_project.csv' WITH (FORMAT csv, HEADER match)
\copy perfeval.form_indicator FROM 'test/data/forms/seed003_indicator.csv' WITH (FORMAT csv, HEADER match)
\copy perfeval.form_checklist FROM 'test/data/forms/seed003_checklist.csv' WITH (FORMAT csv, HEADER match)
\copy perfeval.form_survey FROM 'test/data/forms/seed003_survey.csv' WITH (FORMAT csv, HEADER match)
CREATE TEMP VIEW staged AS
SELECT 'form_project' AS relation, s."项目编码" AS code, s.line, to_jsonb(s) - 'batch' - 'line' AS r FROM perfeval_internal.staged_project s
UNION ALL SELECT 'form_indicator', s."项目编码", s.line, to_jsonb(s) - 'batch' - 'line' FROM perfeval_internal.staged_indicator s
UNION ALL SELECT 'form_checklist', s."项目编码", s.line, to_jsonb(s) - 'batch' - 'line' FROM perfeval_internal.staged_checklist s
UNION ALL SELECT 'form_survey', s."项目编码", s.line, to_jsonb(s) - 'batch' - 'line' FROM perfeval_internal.staged_survey s;
CREATE TEMP TABLE clean AS SELECT * FROM staged;
DELETE FROM perfeval.form_project;
DELETE FROM perfeval.form_indicator;
DELETE FROM perfeval.form_checklist;
DELETE FROM perfeval.form_survey;
SELECT results_eq($$SELECT relation, count(*) FROM clean GROUP BY 1 ORDER BY 1$$,
	$$VALUES ('form_checklist', 57::bigint), ('form_indicator', 41), ('form_project', 4), ('form_survey', 5)$$,
	'the clean files as \copy stages them: 4 projects, 41 indicator rows, 57 checklist points, 5 survey rows');

-- 2. The Excel files, one command each (as README.md documents it).
CREATE TEMP TABLE calls (file text, relation text, rows bigint, encoding text);
\set f `base64 -w0 test/data/forms/excel/seed000_project.trailing.csv`
INSERT INTO calls SELECT 'seed000_project.trailing.csv', * FROM perfeval.stage_file(decode(:'f', 'base64'), 'seed000_project.trailing.csv');
\set f `base64 -w0 test/data/forms/excel/seed001_project.utf8bom.csv`
INSERT INTO calls SELECT 'seed001_project.utf8bom.csv', * FROM perfeval.stage_file(decode(:'f', 'base64'), 'seed001_project.utf8bom.csv');
\set f `base64 -w0 test/data/forms/excel/seed001_indicator.utf8bom.csv`
INSERT INTO calls SELECT 'seed001_indicator.utf8bom.csv', * FROM perfeval.stage_file(decode(:'f', 'base64'), 'seed001_indicator.utf8bom.csv');
\set f `base64 -w0 test/data/forms/excel/seed001_checklist.utf8bom.csv`
INSERT INTO calls SELECT 'seed001_checklist.utf8bom.csv', * FROM perfeval.stage_file(decode(:'f', 'base64'), 'seed001_checklist.utf8bom.csv');
\set f `base64 -w0 test/data/forms/excel/seed002_project.gb18030.csv`
INSERT INTO calls SELECT 'seed002_project.gb18030.csv', * FROM perfeval.stage_file(decode(:'f', 'base64'), 'seed002_project.gb18030.csv');
\set f `base64 -w0 test/data/forms/excel/seed002_indicator.gb18030.csv`
INSERT INTO calls SELECT 'seed002_indicator.gb18030.csv', * FROM perfeval.stage_file(decode(:'f', 'base64'), 'seed002_indicator.gb18030.csv');
\set f `base64 -w0 test/data/forms/excel/seed003_project.trailing.csv`
INSERT INTO calls SELECT 'seed003_project.trailing.csv', * FROM perfeval.stage_file(decode(:'f', 'base64'), 'seed003_project.trailing.csv');
\set f `base64 -w0 test/data/forms/excel/seed003_indicator.reordered.csv`
INSERT INTO calls SELECT 'seed003_indicator.reordered.csv', * FROM perfeval.stage_file(decode(:'f', 'base64'), 'seed003_indicator.reordered.csv');
\set f `base64 -w0 test/data/forms/excel/seed003_checklist.merged.csv`
INSERT INTO calls SELECT 'seed003_checklist.merged.csv', * FROM perfeval.stage_file(decode(:'f', 'base64'), 'seed003_checklist.merged.csv');
\set f `base64 -w0 test/data/forms/excel/seed003_survey.merged.csv`
INSERT INTO calls SELECT 'seed003_survey.merged.csv', * FROM perfeval.stage_file(decode(:'f', 'base64'), 'seed003_survey.merged.csv');

SELECT results_eq($$SELECT file, relation, rows, encoding FROM calls ORDER BY file$$,
	$$SELECT f.file, f.relation, (SELECT count(*) FROM clean c WHERE c.relation = f.relation AND c.code = 'form' || substr(f.file, 5, 3)), f.encoding
		FROM (VALUES ('seed000_project.trailing.csv', 'form_project', 'UTF8'), ('seed001_checklist.utf8bom.csv', 'form_checklist', 'UTF8'),
			('seed001_indicator.utf8bom.csv', 'form_indicator', 'UTF8'), ('seed001_project.utf8bom.csv', 'form_project', 'UTF8'),
			('seed002_indicator.gb18030.csv', 'form_indicator', 'GB18030'), ('seed002_project.gb18030.csv', 'form_project', 'GB18030'),
			('seed003_checklist.merged.csv', 'form_checklist', 'UTF8'), ('seed003_indicator.reordered.csv', 'form_indicator', 'UTF8'),
			('seed003_project.trailing.csv', 'form_project', 'UTF8'), ('seed003_survey.merged.csv', 'form_survey', 'UTF8')) f (file, relation, encoding)
		ORDER BY f.file$$,
	'each file: its layout recognised from the header, as many rows as the clean file, its encoding from the bytes');
SELECT is((SELECT count(DISTINCT batch) FROM perfeval_internal.staged_checklist), 2::bigint,
	'each call stages a batch of its own');

-- row for row, lines included, where the file has the clean file's lines
SELECT set_eq($$SELECT relation, line, r FROM staged WHERE code = 'form000'$$, $$SELECT relation, line, r FROM clean WHERE code = 'form000'$$,
	'two trailing empty columns (19 fields against 17 headers, CRLF): the rows and lines of \copy');
SELECT set_eq($$SELECT relation, line, r FROM staged WHERE code = 'form001'$$, $$SELECT relation, line, r FROM clean WHERE code = 'form001'$$,
	'"CSV UTF-8" (byte-order mark, CRLF): project, indicators and checklist as \copy stages them, lines included');
SELECT set_eq($$SELECT relation, line, r FROM staged WHERE code = 'form002'$$, $$SELECT relation, line, r FROM clean WHERE code = 'form002'$$,
	'GB18030 without a mark, not told: the rows of \copy of the UTF-8 file, lines included');
SELECT set_eq($$SELECT relation, line, r FROM staged WHERE code = 'form003' AND relation IN ('form_project', 'form_indicator')$$,
	$$SELECT relation, line, r FROM clean WHERE code = 'form003' AND relation IN ('form_project', 'form_indicator')$$,
	'columns in another order, spelled 项目代码, 年度指标值, 计量单位, 实际值, 权重*, 偏差原因分析, （三级指标）: read by name');
SELECT is((SELECT count(*) FROM staged WHERE r::text ~ '\\r|\ufeff'), 0::bigint, 'no carriage return or byte-order mark in any staged cell');
-- merged 项目编码 and blank rows: the same rows in the same order, each with its own line in the file
SELECT results_eq($$SELECT relation, r FROM staged WHERE code = 'form003' AND relation IN ('form_checklist', 'form_survey') ORDER BY relation, line$$,
	$$SELECT relation, r FROM clean WHERE code = 'form003' AND relation IN ('form_checklist', 'form_survey') ORDER BY relation, line$$,
	'merged 项目编码 cells: every row takes the code of the row above; blank rows skipped');
SELECT results_eq($$SELECT line FROM staged WHERE code = 'form003' AND relation = 'form_checklist' ORDER BY line$$,
	$$SELECT line + (line >= 6)::int + (line >= 9)::int FROM clean WHERE code = 'form003' AND relation = 'form_checklist' ORDER BY line$$,
	'each row keeps its line in the file: after the blank row (line 6) one more, after the empty line (10) two');

-- 3. Imported, to the seeds' totals.
SELECT results_eq($$SELECT project_code, status, indicators, errors FROM perfeval.import_forms() ORDER BY 1$$,
	$$VALUES ('form000', 'imported', 0, 0), ('form001', 'imported', 18, 0), ('form002', 'imported', 6, 0), ('form003', 'imported', 18, 0)$$,
	'import_forms() imports the four forms staged from Excel''s files');
SELECT results_eq($$SELECT replace(project_id, 'form', 'seed'), total, grade, difference FROM perfeval.project_scores
	WHERE project_id IN ('form000', 'form001', 'form002', 'form003') ORDER BY 1$$,
	$$SELECT project_id, total, grade, difference FROM perfeval.project_scores WHERE project_id IN ('seed000', 'seed001', 'seed002', 'seed003') ORDER BY 1$$,
	'the same totals, grades and differences as seeds 000 to 003');
SELECT is((SELECT count(*) FROM perfeval.indicator_scores a JOIN perfeval.indicator_scores b
			ON b.project_id = replace(a.project_id, 'form', 'seed') AND b.code = a.code
		   WHERE a.project_id LIKE 'form00_' AND a.score IS NOT DISTINCT FROM b.score AND a.weight = b.weight AND a.name = b.name),
	(SELECT count(*) FROM perfeval.indicator WHERE project_id IN ('seed000', 'seed001', 'seed002', 'seed003')),
	'every indicator with the seeds'' code, name, weight and score');

-- Every merged column as Excel writes it (项目编码, 一级指标 and 二级指标 once,
-- blank below), in GB18030 with a blank row: staged as written, the import's
-- reader (src/pe_form.c) takes the levels from the rows above.
\set f `base64 -w0 test/data/forms/excel/seed001_project.utf8bom.csv`
SELECT rows FROM perfeval.stage_file(decode(:'f', 'base64'), 'seed001_project.utf8bom.csv');
\set f `base64 -w0 test/data/forms/excel/seed001_checklist.utf8bom.csv`
SELECT rows FROM perfeval.stage_file(decode(:'f', 'base64'), 'seed001_checklist.utf8bom.csv');
\set f `base64 -w0 test/data/forms/excel/seed001_indicator.merged.gb18030.csv`
SELECT results_eq('SELECT relation, rows, encoding FROM perfeval.stage_file(decode(' || quote_literal(:'f') || ', ''base64''), ''merged.csv'')',
	$$VALUES ('form_indicator', 18::bigint, 'GB18030')$$, 'every merged column, GB18030: 18 rows, the blank row skipped');
SELECT results_eq($$SELECT count(*) FILTER (WHERE "一级指标" IS NULL), count(*) FILTER (WHERE "二级指标" IS NULL), count(DISTINCT "项目编码"), max(line)
	FROM perfeval_internal.staged_indicator$$, $$VALUES (13::bigint, 7::bigint, 1::bigint, 20)$$,
	'一级指标 and 二级指标 staged blank as written (13 and 7 rows), 项目编码 the row above''s, lines to 20');
SELECT results_eq($$SELECT project_code, status, indicators, errors FROM perfeval.import_forms()$$,
	$$VALUES ('form001', 'imported', 18, 0)$$, 'the import reads the merged levels');
SELECT set_eq($$SELECT code, level1, level2, name, weight, score FROM perfeval.indicator_scores WHERE project_id = 'form001'$$,
	$$SELECT code, level1, level2, name, weight, score FROM perfeval.indicator_scores WHERE project_id = 'seed001'$$,
	'every indicator with seed 001''s levels, code, weight and score');

-- 4. Refusals: SQLSTATE, file, line, column, the value, a hint; nothing staged.
SELECT throws_ok($$SELECT * FROM perfeval.stage_file(convert_to(E'项目编码,三级指标,选项,备注\nA,q,x,y\n', 'UTF8'), 'survey.csv')$$,
	'42703', 'file "survey.csv", column 4: unknown column header "备注"', 'an unknown header: 42703 naming file, header and column');
SELECT matches(pg_temp.refusal($$SELECT * FROM perfeval.stage_file(convert_to(E'项目编码,三级指标,选项,备注\n', 'UTF8'), 'survey.csv')$$),
	'The other headers are those of form_survey\. \| hint: Accepted headers .*: 项目编码 \(项目代码/项目编号\), 三级指标 \(指标名称\), 选项 .*系数',
	'its detail names the layout, its hint lists the layout''s headers and their other spellings');
SELECT throws_ok($$SELECT * FROM perfeval.stage_file(convert_to(E'项目编码,,三级指标,选项,人数\nA,,q,x,1\nA,zz,q,y,2\n', 'UTF8'), 'wide.csv')$$,
	'22P04', 'file "wide.csv", line 3, column 2: a value under no header: "zz"', 'a value under an empty header: 22P04 naming line and column');
SELECT throws_ok($$SELECT * FROM perfeval.stage_file(convert_to(E'项目编码,三级指标,选项,,\r\nA,q,x,,\r\nA,q,y,,7\r\n', 'UTF8'), 'wide.csv')$$,
	'22P04', 'file "wide.csv", line 3, column 5: a value under no header: "7"', 'a value past the header''s last column');
SELECT throws_ok($$SELECT * FROM perfeval.stage_file(decode('e9a1b9e79bae2c610a612cff0a', 'hex'), 'latin.csv')$$,
	'22021', 'file "latin.csv" is neither UTF-8 nor GB18030: line 2, byte 12 (FF 0A)', 'bytes neither UTF-8 nor GB18030: 22021 naming line and byte');
SELECT throws_ok($$SELECT * FROM perfeval.stage_file(decode('fffe', 'hex') || convert_to('a', 'UTF8'), 'unicode.txt')$$,
	'22021', 'file "unicode.txt" is UTF-16 (Excel''s "Unicode text"), not CSV', 'UTF-16 ("Unicode text") refused as such');
SELECT throws_ok($$SELECT * FROM perfeval.stage_file(convert_to(E'三级指标,选项,人数\nq,x,1\n', 'UTF8'), 'nocode.csv')$$,
	'23502', 'file "nocode.csv" has no 项目编码 column', 'a file without 项目编码: 23502');
SELECT throws_ok($$SELECT * FROM perfeval.stage_file(convert_to(E'项目编码,三级指标,选项\n,q,x\n', 'UTF8'), 'merged.csv')$$,
	'23502', 'file "merged.csv", line 2, column 1: 项目编码 is empty and no row above gives it', 'a blank 项目编码 with no row above');
SELECT throws_ok($$SELECT * FROM perfeval.stage_file(convert_to(E'项目编码,指标值,年度指标值\n', 'UTF8'), 'dup.csv')$$,
	'42701', 'file "dup.csv", column 3: header "年度指标值" repeats column 2 (both are 指标值)', 'two spellings of one column: 42701');
SELECT throws_ok($$SELECT * FROM perfeval.stage_file(convert_to(E'项目编码,项目名称,一级指标\n', 'UTF8'), 'mixed.csv')$$,
	'22P04', 'file "mixed.csv", column 3: header "一级指标" is not a column of form_project', 'headers of two layouts');
SELECT throws_ok($$SELECT * FROM perfeval.stage_file(convert_to(E'项目编码,三级指标\nA,q\n', 'UTF8'), 'which.csv')$$,
	'22P04', 'file "which.csv": its headers do not tell which form it is', 'headers every layout has');
SELECT throws_ok($$SELECT * FROM perfeval.stage_file(convert_to(E'项目编码,三级指标,选项\nA,"q,x\n', 'UTF8'), 'quote.csv')$$,
	'22P04', E'file "quote.csv", line 2, column 2: quoted field not closed before the end: "q,x\n"', 'an unterminated quote');
SELECT throws_ok($$SELECT * FROM perfeval.stage_file(''::bytea, 'empty.csv')$$,
	'22P04', 'file "empty.csv" has no header line', 'an empty file');
SELECT throws_ok($$SELECT * FROM perfeval.stage_file(NULL, 'null.csv')$$,
	'22004', 'file "null.csv": no content (NULL)', 'no content');
SELECT is_empty($$SELECT q, r FROM (VALUES
		($q$SELECT * FROM perfeval.stage_file(convert_to(E'项目编码,三级指标,选项,备注\n', 'UTF8'))$q$),
		($q$SELECT * FROM perfeval.stage_file(convert_to(E'项目编码,,三级指标,选项\nA,zz,q,x\n', 'UTF8'))$q$),
		($q$SELECT * FROM perfeval.stage_file(decode('ff', 'hex'))$q$),
		($q$SELECT * FROM perfeval.stage_file(convert_to(E'三级指标,选项\n', 'UTF8'))$q$),
		($q$SELECT * FROM perfeval.stage_file(convert_to(E'项目编码,指标值,年度指标值\n', 'UTF8'))$q$),
		($q$SELECT * FROM perfeval.stage_file(convert_to(E'项目编码,项目名称,一级指标\n', 'UTF8'))$q$),
		($q$SELECT * FROM perfeval.stage_file(convert_to(E'项目编码,三级指标\n', 'UTF8'))$q$),
		($q$SELECT * FROM perfeval.stage_file(convert_to(E'项目编码,三级指标,选项\n,q,x\n', 'UTF8'))$q$)) v (q),
		LATERAL pg_temp.refusal(q) r
	WHERE r NOT LIKE '%file "<bytea>"%' OR r NOT LIKE '%| hint: %'$$,
	'every refusal has a hint; a call without a file name says "<bytea>"');
-- a failed call stages nothing: good rows before the bad one go with it
SELECT throws_ok($$SELECT * FROM perfeval.stage_file(convert_to(E'项目编码,三级指标,选项,人数,,\nfailA,q,x,1,,\n,q,y,2,,\n,q,z,3,,oops\n', 'UTF8'), 'late.csv')$$,
	'22P04', 'file "late.csv", line 4, column 6: a value under no header: "oops"', 'a bad cell on the last line');
SELECT is_empty($$SELECT * FROM perfeval.staged_lines WHERE project_code = 'failA'$$, 'a failed call stages nothing, not even the good rows before');
SELECT throws_ok($$SELECT * FROM perfeval.stage_file(convert_to(E'项目编码,三级指标,选项\nfailB,q,x\n', 'UTF8'), 'two.csv') a,
	perfeval.stage_file(convert_to(E'项目编码,三级指标\n', 'UTF8'), 'three.csv') b$$,
	'22P04', NULL, 'a statement whose second file is refused');
SELECT is_empty($$SELECT * FROM perfeval.staged_lines WHERE project_code = 'failB'$$, 'its first file is not staged either');

-- 5. Who may call it: whoever may stage (INSERT on the form_* view), as itself.
CREATE ROLE perfeval_stagefile_loader;
CREATE ROLE perfeval_stagefile_reader;
SELECT perfeval.grant_access('perfeval_stagefile_loader', division_prefix => '6528', may_load => true);
SELECT perfeval.grant_access('perfeval_stagefile_reader', division_prefix => '6528');
\set f `base64 -w0 test/data/forms/excel/seed003_survey.merged.csv`
SET ROLE perfeval_stagefile_reader;
SELECT throws_ok('SELECT * FROM perfeval.stage_file(decode(' || quote_literal(:'f') || ', ''base64''), ''s.csv'')',
	'42501', 'permission denied for view form_survey', 'a role granted reading only cannot stage a file');
SET ROLE perfeval_stagefile_loader;
SELECT results_eq('SELECT relation, rows FROM perfeval.stage_file(decode(' || quote_literal(:'f') || ', ''base64''), ''s.csv'')',
	$$VALUES ('form_survey', 5::bigint)$$, 'a loader stages a file');
SELECT results_eq($$SELECT count(*), min(line), max(line) FROM perfeval.staged_lines WHERE project_code = 'form003' AND relation = 'form_survey'$$,
	$$VALUES (5::bigint, 2, 7)$$, 'it sees its own staged rows');
RESET ROLE;
SELECT results_eq($$SELECT DISTINCT staged_by::text COLLATE "default" FROM perfeval_internal.staged_survey$$, $$VALUES ('perfeval_stagefile_loader')$$,
	'the rows are the loader''s (staged_by): the function runs as its caller');
SELECT is((SELECT prosecdef FROM pg_proc WHERE oid = 'perfeval.stage_file(bytea, text)'::regprocedure), false, 'stage_file is not SECURITY DEFINER');

SELECT * FROM finish();
ROLLBACK;
