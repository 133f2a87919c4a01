-- pgTAP: import_forms() is the library's (1.16, src/import.c): a database
-- whose extension is of another release than the library (the library
-- updated, ALTER EXTENSION not yet run) is told so before anything is
-- read or written.  Undone by the final ROLLBACK.
BEGIN;
SELECT plan(4);

SELECT is((SELECT l.lanname::text FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
			WHERE p.oid = 'perfeval.import_forms()'::regprocedure), 'c',
	'import_forms() is declared in C: its statements ship in the library');
INSERT INTO perfeval.form_project VALUES
	('release001', '乡村道路养护', '2024', '650102', '交通运输局', '', '', '', '', '', '', '', '', '', '', '', '');
INSERT INTO perfeval.form_indicator VALUES
	('release001', '产出指标', '数量指标', '养护里程', '≥', '120', '公里', '100', '126', '', '');
-- (as if the library were newer than the catalog)
UPDATE pg_extension SET extversion = '1.0' WHERE extname = 'perfeval';
SELECT throws_ok($$SELECT * FROM perfeval.import_forms()$$, '55000',
	'perfeval''s library is release ' || (SELECT default_version FROM pg_available_extensions WHERE name = 'perfeval')
	|| ', this database''s extension release 1.0',
	'another release of the extension: refused, naming both');
SELECT is((SELECT count(*) FROM perfeval_internal.staged_project WHERE "项目编码" = 'release001'), 1::bigint,
	'…with the form still staged');
UPDATE pg_extension SET extversion = (SELECT default_version FROM pg_available_extensions WHERE name = 'perfeval')
 WHERE extname = 'perfeval';
SELECT results_eq($$SELECT project_code, status FROM perfeval.import_forms()$$,
	$$VALUES ('release001', 'imported')$$, 'the same release: imported');

SELECT * FROM finish();
ROLLBACK;
