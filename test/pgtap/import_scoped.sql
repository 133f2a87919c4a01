-- pgTAP: importing forms as a scoped loader (1.8).  A role granted loading
-- stages and imports the forms of its scope; its staged rows and problems
-- are its own; a form outside its scope is rejected with 42501 and changes
-- nothing.  Run over the four samples (test/run.sh); undone by ROLLBACK.
BEGIN;
SELECT plan(18);

CREATE ROLE perfeval_loader_test;		-- loads prefecture 6528 (seed003's)
CREATE ROLE perfeval_loader2_test;		-- loads province 65
CREATE ROLE perfeval_reader_test;		-- reads 6528, loads nothing
SELECT perfeval.grant_access('perfeval_loader_test', division_prefix => '6528', may_load => true);
SELECT perfeval.grant_access('perfeval_loader2_test', division_prefix => '65', may_load => true);
SELECT perfeval.grant_access('perfeval_reader_test', division_prefix => '6528');

-- the owner stages a form of its own
INSERT INTO perfeval.form_project VALUES ('own1', '业主的表', '2024', '650102', '测试局', '', '', '', '', '', '', '', '', '', '', '', '');
INSERT INTO perfeval.form_indicator VALUES ('own1', '产出指标', '数量指标', '甲', '', '≥5', '家', '100', '5家', '', '');
INSERT INTO perfeval.form_project VALUES ('ownbad', '业主的坏表', '二〇二四', '650102', '测试局', '', '', '', '', '', '', '', '', '', '', '', '');

SET ROLE perfeval_reader_test;
SELECT throws_ok($$INSERT INTO perfeval.form_project ("项目编码") VALUES ('x')$$, '42501', NULL,
	'a role granted reading only cannot stage a form');
SELECT throws_ok('SELECT * FROM perfeval.import_forms()', '42501', NULL, 'nor import');
RESET ROLE;

-- the loader stages seed 003's form (prefecture 6528) and one outside its scope
SET ROLE perfeval_loader_test;
\copy perfeval.form_project FROM 'test/data/forms/seed003_project.csv' WITH (FORMAT csv, HEADER match)
\copy perfeval.form_indicator FROM 'test/data/forms/seed003_indicator.csv' WITH (FORMAT csv, HEADER match)
\copy perfeval.form_checklist FROM 'test/data/forms/seed003_checklist.csv' WITH (FORMAT csv, HEADER match)
\copy perfeval.form_survey FROM 'test/data/forms/seed003_survey.csv' WITH (FORMAT csv, HEADER match)
INSERT INTO perfeval.form_project VALUES ('out1', '区外的表', '2024', '650102', '测试局', '', '', '', '', '', '', '', '', '', '', '', '');
INSERT INTO perfeval.form_indicator VALUES ('out1', '产出指标', '数量指标', '甲', '', '≥5', '家', '100', '5家', '', '');
SELECT results_eq($$SELECT DISTINCT project_code FROM perfeval.staged_lines ORDER BY 1$$, $$VALUES ('form003'), ('out1')$$,
	'a loader sees only the forms it staged (not the owner''s two)');
SELECT results_eq('SELECT * FROM perfeval.import_forms()',
	$$VALUES ('form003', 'imported', 18, 0), ('out1', 'rejected', 1, 1)$$,
	'the loader imports its forms: the one in its scope imported, the one outside rejected; the owner''s is not touched');
SELECT results_eq($$SELECT project_code, relation, sqlstate, message FROM perfeval.import_error$$,
	$$VALUES ('out1', 'form_project', '42501', 'role "perfeval_loader_test" may not load project "out1"')$$,
	'the form outside its scope: 42501 naming the role and the project, in the loader''s own problems');
SELECT results_eq($$SELECT total, grade FROM perfeval.project_scores WHERE project_id = 'form003'$$,
	$$VALUES (98.2, '优')$$, 'the imported form scores as seed 003 does, read back by the loader');
SELECT is_empty($$SELECT FROM perfeval.project WHERE project_id = 'out1'$$, 'nothing of the rejected form is written');
SELECT throws_ok($$UPDATE perfeval_internal.staged_project SET staged_by = 'postgres' WHERE "项目编码" = 'out1'$$,
	'42501', NULL, 'a loader cannot hand its staged rows to another role');
SELECT throws_ok($$UPDATE perfeval.import_error SET logged_by = 'postgres'$$,
	'42501', NULL, 'nor its problems');
-- a form claiming the code of a project outside its scope (seed001, 650100)
INSERT INTO perfeval.form_project VALUES ('seed001', '冒名的表', '2024', '652801', '测试局', '', '', '', '', '', '', '', '', '', '', '', '');
INSERT INTO perfeval.form_indicator VALUES ('seed001', '产出指标', '数量指标', '甲', '', '≥5', '家', '100', '5家', '', '');
SELECT results_eq($$SELECT project_code, status FROM perfeval.import_forms() WHERE project_code = 'seed001'$$,
	$$VALUES ('seed001', 'rejected')$$, 'a form cannot replace a project outside the loader''s scope');
SELECT results_eq($$SELECT sqlstate FROM perfeval.import_error WHERE project_code = 'seed001'$$,
	$$VALUES ('42501')$$, 'refused as a write outside the scope (42501)');
RESET ROLE;
SELECT results_eq($$SELECT name, (SELECT count(*) FROM perfeval.indicator i WHERE i.project_id = 'seed001') FROM perfeval.project WHERE project_id = 'seed001'$$,
	$$VALUES ('2023年度“小升规”专项奖补资金项目', 18::bigint)$$, 'seed001 is untouched: its name and its 18 indicators');

-- another loader sees nothing of the first's
SET ROLE perfeval_loader2_test;
SELECT is_empty('SELECT * FROM perfeval.staged_lines', 'another loader sees none of the first''s staged rows');
SELECT is_empty('SELECT * FROM perfeval.import_error', 'nor its problems');
SELECT is_empty('SELECT * FROM perfeval.import_forms()', 'and its import has nothing to do');
RESET ROLE;

-- the owner sees every staged form, and whose it is
SELECT results_eq($$SELECT "项目编码" COLLATE "default", staged_by::text COLLATE "default" FROM perfeval_internal.staged_project ORDER BY 1$$,
	$$VALUES ('out1', 'perfeval_loader_test'), ('own1', 'postgres'), ('ownbad', 'postgres'), ('seed001', 'perfeval_loader_test')$$,
	'the owner sees every staged form with the role that staged it');
SELECT results_eq($$SELECT project_code, status FROM perfeval.import_forms() WHERE project_code IN ('own1', 'out1') ORDER BY 1$$,
	$$VALUES ('out1', 'imported'), ('own1', 'imported')$$, 'the owner imports what the loader could not');

-- revoking the loading grant takes back the staging
SELECT perfeval.revoke_access('perfeval_loader_test', division_prefix => '6528');
SET ROLE perfeval_loader_test;
SELECT throws_ok($$INSERT INTO perfeval.form_project ("项目编码") VALUES ('x')$$, '42501', NULL,
	'after revoke_access() the role cannot stage');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
