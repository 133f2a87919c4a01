-- pgTAP: the export views neutralise formula cells (1.15, OWASP "CSV
-- injection"): a cell beginning with = + - @, a tab or a carriage return (or
-- with quotes before one of them) goes out with a leading single quote, so
-- that a spreadsheet shows it as text; the staging takes that quote off
-- again, so that export -> import stays exact.  Run from the repository's
-- top directory over the four samples (test/run.sh); undone by ROLLBACK.
BEGIN;
SELECT plan(6);

-- seed 003's form imported, then given names, notes and reasons that a
-- spreadsheet would run as formulas
\copy perfeval.form_project FROM 'test/data/forms/seed003_project.csv' WITH (FORMAT csv, HEADER match)
\copy perfeval.form_indicator FROM 'test/data/forms/seed003_indicator.csv' WITH (FORMAT csv, HEADER match)
\copy perfeval.form_checklist FROM 'test/data/forms/seed003_checklist.csv' WITH (FORMAT csv, HEADER match)
\copy perfeval.form_survey FROM 'test/data/forms/seed003_survey.csv' WITH (FORMAT csv, HEADER match)
SELECT results_eq($$SELECT project_code, status FROM perfeval.import_forms()$$, $$VALUES ('form003', 'imported')$$,
	'seed 003''s form imported');
UPDATE perfeval.project SET name = '=HYPERLINK("http://example.invalid/","click")', implementing_unit = '@SUM(1+1)*cmd|'' /C calc''!A0'
 WHERE project_id = 'form003';
-- every indicator but the money's rates (the import knows those by their
-- names): a prefix in turn (a genuine leading quote followed by anything
-- else stays as it is)
UPDATE perfeval.indicator i SET name = (ARRAY['=', '+', '-', '@', E'\t', E'\r', '''=', '''''+', '''', '''x'])[1 + x.n % 10] || i.name
  FROM (SELECT code, row_number() OVER (ORDER BY seq) AS n FROM perfeval.indicator
		 WHERE project_id = 'form003' AND source NOT IN ('arrival_rate', 'execution_rate')) x
 WHERE i.project_id = 'form003' AND i.code = x.code;
UPDATE perfeval.indicator SET level1 = '-' || level1 WHERE project_id = 'form003';
UPDATE perfeval.actual SET deviation_note = '+' || coalesce(deviation_note, '未达成') WHERE project_id = 'form003';
UPDATE perfeval.checklist_point SET reason = '=' || coalesce(reason, '扣分'), description = '@' || description WHERE project_id = 'form003';

SELECT is_empty($$SELECT v, c.key, c.value FROM (
		SELECT 'export_project' AS v, to_jsonb(e) AS j FROM perfeval.export_project e
		UNION ALL SELECT 'export_indicator', to_jsonb(e) FROM perfeval.export_indicator e
		UNION ALL SELECT 'export_checklist', to_jsonb(e) FROM perfeval.export_checklist e
		UNION ALL SELECT 'export_survey', to_jsonb(e) FROM perfeval.export_survey e) x
	CROSS JOIN LATERAL jsonb_each_text(x.j) c WHERE c.value ~ E'^[-=+@\t\r]'$$,
	'no cell of any export view begins with = + - @, a tab or a carriage return');
SELECT results_eq($$SELECT "项目名称", "实施单位" FROM perfeval.export_project WHERE "项目编码" = 'form003'$$,
	$$VALUES ('''=HYPERLINK("http://example.invalid/","click")', '''@SUM(1+1)*cmd|'' /C calc''!A0')$$,
	'a formula cell goes out with a leading single quote');
SELECT cmp_ok((SELECT count(*) FROM perfeval.export_indicator WHERE "项目编码" = 'form003' AND "三级指标" LIKE '''%'), '>=', 8::bigint,
	'the indicators'' formula names are neutralised too');

-- out and in again: the same rows
CREATE TEMP TABLE before_rt AS
SELECT 'project' AS t, p::text AS r FROM perfeval.project p WHERE p.project_id = 'form003'
UNION ALL SELECT 'allocation', a::text FROM perfeval.allocation a WHERE a.project_id = 'form003'
UNION ALL SELECT 'indicator', i::text FROM perfeval.indicator i WHERE i.project_id = 'form003'
UNION ALL SELECT 'actual', a::text FROM perfeval.actual a WHERE a.project_id = 'form003'
UNION ALL SELECT 'checklist', c::text FROM perfeval.checklist_point c WHERE c.project_id = 'form003'
UNION ALL SELECT 'survey', v::text FROM perfeval.survey_response v WHERE v.project_id = 'form003';
\copy (SELECT * FROM perfeval.export_project WHERE "项目编码" = 'form003') TO '/tmp/perfeval-cells-project.csv' WITH (FORMAT csv, HEADER)
\copy (SELECT * FROM perfeval.export_indicator WHERE "项目编码" = 'form003') TO '/tmp/perfeval-cells-indicator.csv' WITH (FORMAT csv, HEADER)
\copy (SELECT * FROM perfeval.export_checklist WHERE "项目编码" = 'form003') TO '/tmp/perfeval-cells-checklist.csv' WITH (FORMAT csv, HEADER)
\copy (SELECT * FROM perfeval.export_survey WHERE "项目编码" = 'form003') TO '/tmp/perfeval-cells-survey.csv' WITH (FORMAT csv, HEADER)
DELETE FROM perfeval.project WHERE project_id = 'form003';
\copy perfeval.form_project FROM '/tmp/perfeval-cells-project.csv' WITH (FORMAT csv, HEADER match)
\copy perfeval.form_indicator FROM '/tmp/perfeval-cells-indicator.csv' WITH (FORMAT csv, HEADER match)
\copy perfeval.form_checklist FROM '/tmp/perfeval-cells-checklist.csv' WITH (FORMAT csv, HEADER match)
\copy perfeval.form_survey FROM '/tmp/perfeval-cells-survey.csv' WITH (FORMAT csv, HEADER match)
SELECT results_eq($$SELECT project_code, status FROM perfeval.import_forms()$$, $$VALUES ('form003', 'imported')$$,
	'the exported form imports again');
SELECT set_eq($$
	SELECT 'project', p::text FROM perfeval.project p WHERE p.project_id = 'form003'
	UNION ALL SELECT 'allocation', a::text FROM perfeval.allocation a WHERE a.project_id = 'form003'
	UNION ALL SELECT 'indicator', i::text FROM perfeval.indicator i WHERE i.project_id = 'form003'
	UNION ALL SELECT 'actual', a::text FROM perfeval.actual a WHERE a.project_id = 'form003'
	UNION ALL SELECT 'checklist', c::text FROM perfeval.checklist_point c WHERE c.project_id = 'form003'
	UNION ALL SELECT 'survey', v::text FROM perfeval.survey_response v WHERE v.project_id = 'form003'$$,
	'SELECT t, r FROM before_rt', 'export -> import reproduces every row, formula-like names, notes and reasons included');

SELECT * FROM finish();
ROLLBACK;
