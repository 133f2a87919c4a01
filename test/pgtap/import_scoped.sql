-- pgTAP: importing forms as a scoped loader (1.8).  A role granted loading
-- stages and imports the forms of its scope; its staged rows and problems
-- are its own; a form outside its scope is rejected with 42501 and changes
-- nothing -- whoever runs import_forms() (1.15: the owner's nightly run
-- imports a loader's form only inside that loader's loading scope).  Run
-- over the four samples (test/run.sh); undone by ROLLBACK.
BEGIN;
SELECT plan(33);

-- What a refused statement tells its caller: SQLSTATE, message, detail, hint.
CREATE FUNCTION pg_temp.refusal(q text) RETURNS text LANGUAGE plpgsql AS $f$
DECLARE
	st text; m text; d text; h text;
BEGIN
	EXECUTE q;
	RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, m = MESSAGE_TEXT, d = PG_EXCEPTION_DETAIL, h = PG_EXCEPTION_HINT;
	RETURN concat_ws(' | ', st, m, d, h);
END $f$;

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
-- the import's SECURITY DEFINER helpers are the loaders' (1.15)
SELECT throws_ok('SELECT perfeval_internal.analyze_staging()', '42501', NULL,
	'a reader cannot run analyze_staging() (its lock would make imports queue)');
SELECT throws_ok('SELECT perfeval_internal.ensure_national_self()', '42501', NULL,
	'nor ensure_national_self()');
SELECT throws_ok($$SELECT perfeval_internal.taken_codes(ARRAY['seed001'])$$, '42501', NULL,
	'nor taken_codes()');
SELECT throws_ok($$SELECT perfeval_internal.stager_may_load('postgres', 'seed001', 'x', '650100')$$, '42501', NULL,
	'nor ask whether another role may load a project (stager_may_load())');
RESET ROLE;
-- every SECURITY DEFINER function of the extension: not PUBLIC's, and its
-- search_path pinned
SELECT is_empty($$SELECT p.oid::regprocedure FROM pg_proc p
	JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
	 AND d.refclassid = 'pg_extension'::regclass AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'perfeval')
	WHERE p.prosecdef
	  AND (EXISTS (SELECT FROM aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
				   WHERE a.grantee = 0 AND a.privilege_type = 'EXECUTE')
		   OR NOT coalesce(EXISTS (SELECT FROM unnest(p.proconfig) c WHERE c LIKE 'search\_path=%'), false))$$,
	'every SECURITY DEFINER function of perfeval is executable only by whom it is granted to, with a pinned search_path');

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
SELECT throws_ok($$INSERT INTO perfeval_internal.staged_project (line, batch, "项目编码", staged_by) VALUES (2, 1, 'forged', 'postgres')$$,
	'42501', NULL, 'nor stage a row in another role''s name by writing the staging table itself');
-- a form claiming the code of a project outside its scope (seed001, 650100)
INSERT INTO perfeval.form_project VALUES ('seed001', '冒名的表', '2024', '652801', '测试局', '', '', '', '', '', '', '', '', '', '', '', '');
INSERT INTO perfeval.form_indicator VALUES ('seed001', '产出指标', '数量指标', '甲', '', '≥5', '家', '100', '5家', '', '');
SELECT results_eq($$SELECT project_code, status FROM perfeval.import_forms() WHERE project_code = 'seed001'$$,
	$$VALUES ('seed001', 'rejected')$$, 'a form cannot replace a project outside the loader''s scope');
SELECT results_eq($$SELECT sqlstate FROM perfeval.import_error WHERE project_code = 'seed001'$$,
	$$VALUES ('42501')$$, 'refused as a write outside the scope (42501)');
-- what a loader learns from a refused write (the README's Access section):
-- that a code it wrote is taken, nothing else of the project
SELECT is(pg_temp.refusal($$INSERT INTO perfeval.project (project_id, name, year, division_code, department, evaluation_kind)
		VALUES ('seed001', '冒名', 2024, '652801', '测试局', '单位自评')$$),
	'23505 | duplicate key value violates unique constraint "project_pkey" |  | ',
	'a loader inserting an existing code outside its scope learns that the code it wrote is taken, nothing else (no key in the detail under row-level security)');
SELECT is(replace(pg_temp.refusal($$INSERT INTO perfeval.indicator (project_id, code, seq, level1, level2, name, weight, source)
		VALUES ('seed001', 'X11', 1, '甲', '乙', '丙', 10, 'actual')$$), 'seed001', 'ID'),
	replace(pg_temp.refusal($$INSERT INTO perfeval.indicator (project_id, code, seq, level1, level2, name, weight, source)
		VALUES ('nosuch', 'X11', 1, '甲', '乙', '丙', 10, 'actual')$$), 'nosuch', 'ID'),
	'a fact of a project outside the scope is refused as one of a project that does not exist: no oracle');
RESET ROLE;
SELECT is_empty($$SELECT FROM perfeval.import_error e JOIN perfeval.project p ON p.project_id = e.project_code
	WHERE e.project_code = 'seed001'
	  AND concat_ws('|', e.column_name, e.value, e.message, e.hint) ~ ('(' || p.name || '|' || p.department || '|' || p.division_code || ')')$$,
	'the import''s refusal of a taken code outside the scope names the code only (not the project''s name, department or division)');
SELECT results_eq($$SELECT name, (SELECT count(*) FROM perfeval.indicator i WHERE i.project_id = 'seed001') FROM perfeval.project WHERE project_id = 'seed001'$$,
	$$VALUES ('2023年度“小升规”专项奖补资金项目', 18::bigint)$$, 'seed001 is untouched: its name and its 18 indicators');

-- another loader sees nothing of the first's
SET ROLE perfeval_loader2_test;
SELECT is_empty('SELECT * FROM perfeval.staged_lines', 'another loader sees none of the first''s staged rows');
SELECT is_empty('SELECT * FROM perfeval.import_error', 'nor its problems');
SELECT is_empty('SELECT * FROM perfeval.import_forms()', 'and its import has nothing to do');
RESET ROLE;

-- 1.15: the owner's import acts with the rights of whoever staged a form.
-- A loader of one department (none of the samples') stages a forged form of
-- seed003 (prefecture 6528: 98.2, 优) in its own department: one indicator,
-- full marks.
CREATE ROLE perfeval_hijacker_test;
SELECT perfeval.grant_access('perfeval_hijacker_test', department => '某局', may_load => true);
CREATE TEMP TABLE seed003_before AS
SELECT (SELECT total FROM perfeval.project_scores WHERE project_id = 'seed003') AS total,
	   (SELECT grade FROM perfeval.project_scores WHERE project_id = 'seed003') AS grade,
	   (SELECT count(*) FROM perfeval.indicator WHERE project_id = 'seed003') AS indicators;
SET ROLE perfeval_hijacker_test;
INSERT INTO perfeval.form_project VALUES ('seed003', '接管的表', '2023', '652801', '某局', '', '', 'national', '', '', '', '', '', '', '', '', '');
INSERT INTO perfeval.form_indicator VALUES ('seed003', '产出指标', '数量指标', '甲', '', '≥5', '家', '100', '5家', '', '');
RESET ROLE;
-- the first loader stages a form inside its scope, and an indicator row of
-- a form the owner stages outside it
SET ROLE perfeval_loader_test;
INSERT INTO perfeval.form_project VALUES ('in1', '区内的表', '2024', '652801', '测试局', '', '', '', '', '', '', '', '', '', '', '', '');
INSERT INTO perfeval.form_indicator VALUES ('in1', '产出指标', '数量指标', '甲', '', '≥5', '家', '100', '5家', '', '');
INSERT INTO perfeval.form_indicator VALUES ('mix1', '产出指标', '数量指标', '甲', '', '≥5', '家', '100', '5家', '', '');
RESET ROLE;
INSERT INTO perfeval.form_project VALUES ('mix1', '两人的表', '2024', '650102', '测试局', '', '', '', '', '', '', '', '', '', '', '', '');

-- the owner sees every staged form, and whose it is
SELECT results_eq($$SELECT "项目编码" COLLATE "default", staged_by::text COLLATE "default" FROM perfeval_internal.staged_project ORDER BY 1$$,
	$$VALUES ('in1', 'perfeval_loader_test'), ('mix1', 'postgres'), ('out1', 'perfeval_loader_test'), ('own1', 'postgres'),
		('ownbad', 'postgres'), ('seed001', 'perfeval_loader_test'), ('seed003', 'perfeval_hijacker_test')$$,
	'the owner sees every staged form with the role that staged it');
SELECT results_eq($$SELECT project_code, status FROM perfeval.import_forms() ORDER BY 1$$,
	$$VALUES ('in1', 'imported'), ('mix1', 'rejected'), ('out1', 'rejected'), ('own1', 'imported'), ('ownbad', 'rejected'),
		('seed001', 'rejected'), ('seed003', 'rejected')$$,
	'the owner''s import: its own forms and a loader''s form inside the loader''s scope imported; the loaders'' forms outside their scopes rejected');
SELECT results_eq($$SELECT total, grade, (SELECT count(*) FROM perfeval.indicator WHERE project_id = 'seed003')
	FROM perfeval.project_scores WHERE project_id = 'seed003'$$,
	'SELECT total, grade, indicators FROM seed003_before',
	'seed003 is not taken over through the owner''s import: the same total, grade and indicators');
SELECT results_eq($$SELECT project_code, relation, sqlstate, message FROM perfeval.import_error
	WHERE project_code IN ('seed003', 'seed001', 'out1', 'mix1') ORDER BY 1$$,
	$$VALUES ('mix1', 'form_project', '42501', 'role "perfeval_loader_test" may not load project "mix1"'),
		('out1', 'form_project', '42501', 'role "perfeval_loader_test" may not load project "out1"'),
		('seed001', 'form_project', '42501', 'role "perfeval_loader_test" may not load project "seed001"'),
		('seed003', 'form_project', '42501', 'role "perfeval_hijacker_test" may not load project "seed003"')$$,
	'each rejected with 42501 naming the role that staged it (a form staged by several roles: each must be able to load it)');
SELECT results_eq($$SELECT DISTINCT project_code FROM perfeval.staged_lines WHERE project_code IN ('seed003', 'seed001', 'out1', 'mix1', 'in1') ORDER BY 1$$,
	$$VALUES ('mix1'), ('out1'), ('seed001'), ('seed003')$$, 'the rejected forms stay staged; the imported one left');
SELECT results_eq($$SELECT project_id, department, division_code FROM perfeval.project WHERE project_id IN ('in1', 'out1', 'mix1') ORDER BY 1$$,
	$$VALUES ('in1', '测试局', '652801')$$, 'the loader''s form inside its scope is in the warehouse; nothing of the others');
-- the loader runs the import itself: its own forms, as before
SET ROLE perfeval_loader_test;
SELECT results_eq($$SELECT project_code, status FROM perfeval.import_forms() ORDER BY 1$$,
	$$VALUES ('mix1', 'rejected'), ('out1', 'rejected'), ('seed001', 'rejected')$$,
	'the loader''s own import still sees and refuses its own forms outside its scope');
RESET ROLE;
-- the hijacker corrects its form into its own department: the owner imports it
UPDATE perfeval_internal.staged_project SET "项目编码" = 'new1' WHERE "项目编码" = 'seed003';
UPDATE perfeval_internal.staged_indicator SET "项目编码" = 'new1' WHERE "项目编码" = 'seed003';
SELECT results_eq($$SELECT project_code, status FROM perfeval.import_forms() WHERE project_code = 'new1'$$,
	$$VALUES ('new1', 'imported')$$, 'a new project in the stager''s department, imported by the owner');

-- revoking the loading grant takes back the staging
SELECT perfeval.revoke_access('perfeval_loader_test', division_prefix => '6528');
SET ROLE perfeval_loader_test;
SELECT throws_ok($$INSERT INTO perfeval.form_project ("项目编码") VALUES ('x')$$, '42501', NULL,
	'after revoke_access() the role cannot stage');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
