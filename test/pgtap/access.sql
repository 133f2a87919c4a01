-- pgTAP: access (section 48).  Roles that see one department, one
-- prefecture, everything, a role granted through membership, and one with
-- no grant: every view and dated form shows each exactly the rows of its
-- projects, roll-ups sum only those, loads outside the scope are refused
-- and leave nothing, and no setting or function widens a scope.  Run as
-- the extension's owner; everything is undone by the ROLLBACK.
BEGIN;
SELECT plan(44);

CREATE ROLE perfeval_dept_test;		-- one department: seed001's
CREATE ROLE perfeval_pref_test;		-- one prefecture (6528, seed003), and loads it
CREATE ROLE perfeval_all_test;		-- the whole warehouse
CREATE ROLE perfeval_none_test;		-- privileges, but no grant
CREATE ROLE perfeval_member_test IN ROLE perfeval_dept_test;	-- the department's, by membership
CREATE ROLE perfeval_both_test;		-- a department within a division, twice
SELECT lives_ok($$SELECT perfeval.grant_access('perfeval_dept_test', department => '乌鲁木齐市工业和信息化局')$$,
	'grant a department');
SELECT lives_ok($$SELECT perfeval.grant_access('perfeval_pref_test', division_prefix => '6528', may_load => true)$$,
	'grant a prefecture, with loading');
SELECT lives_ok($$SELECT perfeval.grant_access('perfeval_all_test')$$, 'grant the whole warehouse');
SELECT lives_ok($$SELECT perfeval.grant_access('perfeval_both_test', '乌鲁木齐市工业和信息化局', '6528'),
						 perfeval.grant_access('perfeval_both_test', '库尔勒上库综合产业园区管理委员会', '65')$$,
	'grant a department within a division: one matching no project, one matching seed003');
-- every privilege a grant gives, and no grant
SELECT perfeval.grant_access('perfeval_none_test') IS NULL AS granted_then_dropped;
DELETE FROM perfeval.access_grant WHERE role_name = 'perfeval_none_test';

-- What each role may see, written out from the grants (not by in_scope()).
CREATE FUNCTION pg_temp.expected(r text) RETURNS SETOF text LANGUAGE sql AS $$
	SELECT p.project_id FROM perfeval.project p
	 WHERE EXISTS (SELECT FROM perfeval.access_grant g JOIN pg_roles gr ON gr.rolname = g.role_name
					WHERE pg_has_role(r, gr.oid, 'USAGE')
					  AND (g.department IS NULL OR g.department = p.department)
					  AND (g.division_prefix IS NULL OR left(p.division_code, length(g.division_prefix)) = g.division_prefix))
$$;

-- The rows q gives as role r.
CREATE FUNCTION pg_temp.rows_as(r text, q text) RETURNS SETOF text LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE format('SET LOCAL ROLE %I', r);
	RETURN QUERY EXECUTE format('SELECT t::text FROM (%s) t', q);
	RESET ROLE;
END $$;

-- The views, dated forms and tables that show projects (each row names its
-- project): as role r, each must give exactly the owner's rows of r's
-- projects.  Returns those where it does not.
CREATE FUNCTION pg_temp.wrong_views(r text) RETURNS text[] LANGUAGE plpgsql AS $$
DECLARE
	v text;
	owner text := current_user;
	bad text[] := '{}';
BEGIN
	FOREACH v IN ARRAY ARRAY['indicator_scores', 'level2_scores', 'level1_scores', 'project_scores',
							 'allocation_summary', 'project_money', 'latest_actual', 'findings', 'project_facts',
							 'indicator_scores_as_of(''2024-06-30'')', 'level2_scores_as_of(''2024-06-30'')',
							 'level1_scores_as_of(''2024-06-30'')', 'project_scores_as_of(''2024-06-30'')',
							 'actual_as_of(''2024-06-30'')', 'project_scores_under(''national'')',
							 'level1_scores_under(''urumqi_2024'')', 'grade_changes(''national'')',
							 'project', 'indicator', 'actual', 'allocation',
							 'checklist_point', 'survey_response'] LOOP
		IF EXISTS ((SELECT * FROM pg_temp.rows_as(r, 'SELECT * FROM perfeval.' || v)
					EXCEPT ALL
					SELECT * FROM pg_temp.rows_as(owner, format(
						'SELECT * FROM perfeval.%s x WHERE x.project_id IN (SELECT pg_temp.expected(%L))', v, r)))
				   UNION ALL
				   (SELECT * FROM pg_temp.rows_as(owner, format(
						'SELECT * FROM perfeval.%s x WHERE x.project_id IN (SELECT pg_temp.expected(%L))', v, r))
					EXCEPT ALL
					SELECT * FROM pg_temp.rows_as(r, 'SELECT * FROM perfeval.' || v))) THEN
			bad := bad || v;
		END IF;
	END LOOP;
	RETURN bad;
END $$;

-- The scopes differ, so that the checks below can fail.
SELECT results_eq($$SELECT r, (SELECT array_agg(x ORDER BY x) FROM pg_temp.expected(r) x)
					  FROM unnest(ARRAY['perfeval_dept_test', 'perfeval_pref_test', 'perfeval_member_test',
										'perfeval_none_test', 'perfeval_both_test']) r$$,
	$$VALUES ('perfeval_dept_test', '{seed001}'::text[]), ('perfeval_pref_test', '{seed003}'),
			 ('perfeval_member_test', '{seed001}'), ('perfeval_none_test', NULL), ('perfeval_both_test', '{seed003}')$$,
	'the department, the prefecture, membership and no grant give different projects');
SELECT is((SELECT count(*) FROM pg_temp.expected('perfeval_all_test')), (SELECT count(*) FROM perfeval.project),
	'the whole-warehouse grant gives every project');

SELECT is(pg_temp.wrong_views('perfeval_dept_test'), '{}', 'a department''s role sees exactly its projects'' rows in every view, dated form and table');
SELECT is(pg_temp.wrong_views('perfeval_pref_test'), '{}', 'a prefecture''s role too');
SELECT is(pg_temp.wrong_views('perfeval_member_test'), '{}', 'a member of a granted role has its grants');
SELECT is(pg_temp.wrong_views('perfeval_both_test'), '{}', 'a grant of a department and a division needs both');
SELECT is(pg_temp.wrong_views('perfeval_all_test'), '{}', 'a whole-warehouse role sees everything');
SELECT is(pg_temp.wrong_views('perfeval_none_test'), '{}', 'a role without a grant sees no project, whatever its privileges');
SELECT is((SELECT count(*) FROM pg_temp.rows_as('perfeval_none_test', 'SELECT * FROM perfeval.project_scores')), 0::bigint,
	'…not one');
SELECT ok((SELECT count(*) FROM pg_temp.rows_as('perfeval_dept_test', 'SELECT * FROM perfeval.indicator_scores')) > 10
		  AND (SELECT count(*) FROM pg_temp.rows_as('perfeval_dept_test', 'SELECT * FROM perfeval.indicator_scores'))
			  < (SELECT count(*) FROM perfeval.indicator_scores),
	'…(the department sees some indicators, not all)');

-- Roll-ups sum a role's projects only.
SELECT results_eq($$SELECT * FROM pg_temp.rows_as('perfeval_dept_test',
						'SELECT sum(projects), sum(budget) FROM perfeval.rollup_department')$$,
	$$SELECT (count(*), sum(budget))::text FROM perfeval.project_facts WHERE project_id = 'seed001'$$,
	'rollup_department sums only the role''s projects');
SELECT results_eq($$SELECT * FROM pg_temp.rows_as('perfeval_pref_test',
						'SELECT level, division_code, projects FROM perfeval.rollup_region ORDER BY 1, 2')$$,
	$$VALUES ('(county,652801,1)'), ('(prefecture,652800,1)'), ('(province,650000,1)')$$,
	'rollup_region counts only the role''s projects, at every level');
SELECT results_eq($$SELECT * FROM pg_temp.rows_as('perfeval_dept_test',
						'SELECT count(*) FROM perfeval.findings WHERE detail LIKE ''%库尔勒%''')$$,
	$$VALUES ('(0)')$$, 'no other department''s money shows in its findings');

-- Grants add up; revoking one leaves the others; revoking the last takes
-- back what grant_access() gave.
SELECT lives_ok($$SELECT perfeval.grant_access('perfeval_dept_test', division_prefix => '6528')$$, 'a second grant');
SELECT results_eq($$SELECT * FROM pg_temp.rows_as('perfeval_dept_test', 'SELECT project_id FROM perfeval.project_scores ORDER BY 1')$$,
	$$VALUES ('(seed001)'), ('(seed003)')$$, 'a role''s grants add up');
SELECT lives_ok($$SELECT perfeval.revoke_access('perfeval_dept_test', division_prefix => '6528')$$, 'revoke it');
SELECT results_eq($$SELECT * FROM pg_temp.rows_as('perfeval_dept_test', 'SELECT project_id FROM perfeval.project_scores')$$,
	$$VALUES ('(seed001)')$$, 'the other grant remains');

-- Nothing widens a scope: not row_security = off, not a function.
SET LOCAL ROLE perfeval_dept_test;
SET LOCAL row_security = off;
SELECT is((SELECT count(*) FROM perfeval.project_scores), 1::bigint, 'row_security = off does not widen a view');
SELECT throws_ok($$SELECT count(*) FROM perfeval.indicator$$, '42501', NULL,
	'…and makes a direct read of a table fail instead of showing more');
RESET row_security;
SELECT is(perfeval_internal.in_scope('seed003'), false, 'in_scope() answers for the calling role only');
SELECT throws_ok($$SELECT perfeval.grant_access('perfeval_dept_test')$$, '42501', NULL,
	'only the warehouse''s owner grants access');
SELECT throws_ok($$SELECT perfeval.refresh_state()$$, '42501', NULL, '…or recomputes the state');
SELECT throws_ok($$INSERT INTO perfeval.actual (project_id, code, reported_on, measure)
				   VALUES ('seed001', 'C11', '2099-01-01', '1家')$$, '42501', NULL,
	'a role without may_load cannot load, even its own projects');
RESET ROLE;

-- Loading: in scope yes, outside no, and nothing of a refused statement kept.
SET LOCAL ROLE perfeval_pref_test;
SELECT lives_ok($$INSERT INTO perfeval.actual (project_id, code, reported_on, measure)
				  SELECT project_id, code, '2099-01-01', '1家' FROM perfeval.indicator
				   WHERE project_id = 'seed003' AND source = 'actual' ORDER BY code LIMIT 1$$,
	'a loader writes an actual of its own project');
SELECT throws_ok($$INSERT INTO perfeval.actual (project_id, code, reported_on, measure)
				   VALUES ('seed001', 'C11', '2099-01-01', '1家')$$, '42501',
	'role "perfeval_pref_test" may not load project "seed001"', 'an actual of another project is refused, naming it');
SELECT throws_ok($$INSERT INTO perfeval.checklist_point (project_id, code, point_no, description, deduction)
				   VALUES ('seed003', 'A11', 98, 'x', 0), ('seed001', 'A11', 98, 'x', 0)$$, '42501', NULL,
	'a statement with one row outside the scope is refused');
SELECT lives_ok($$INSERT INTO perfeval.project (project_id, name, year, division_code, department, evaluation_kind)
				  VALUES ('t_in', '测试', 2024, '652801', '测试局', '单位自评')$$,
	'a new project inside the prefecture is accepted');
SELECT throws_ok($$INSERT INTO perfeval.project (project_id, name, year, division_code, department, evaluation_kind)
				   VALUES ('t_out', '测试', 2024, '650100', '测试局', '单位自评')$$, '42501', NULL,
	'a new project outside it is refused');
SELECT throws_ok($$UPDATE perfeval.project SET division_code = '650100' WHERE project_id = 't_in'$$, '42501', NULL,
	'a project cannot be moved out of the scope');
SELECT is((SELECT count(*) FROM perfeval.actual WHERE project_id = 'seed001'), 0::bigint,
	'another project''s actuals are not seen');
UPDATE perfeval.indicator SET weight = 1 WHERE project_id = 'seed001';
DELETE FROM perfeval.allocation WHERE project_id = 'seed001';
SELECT throws_ok($$TRUNCATE perfeval.actual$$, '42501', NULL, 'a loader cannot TRUNCATE (it would pass the scope)');
-- PostgreSQL refuses COPY FROM into a table with row-level security for a
-- role it applies to: a loader copies into a staging table of its own
CREATE TEMP TABLE staging (project_id text, code text, reported_on date, measure text);
COPY staging FROM STDIN;
seed003	C11	2099-02-01	2家
\.
SELECT lives_ok($$INSERT INTO perfeval.actual (project_id, code, reported_on, measure)
				  SELECT project_id, code, reported_on, measure::perfeval.measure FROM staging$$,
	'a loader COPYs into its own staging table and inserts from it');
RESET ROLE;
SELECT is((SELECT count(*) FROM perfeval.checklist_point WHERE point_no = 98), 0::bigint,
	'the refused statement left nothing');
SELECT ok((SELECT count(*) FROM perfeval.project WHERE project_id IN ('t_in', 't_out')) = 1
		  AND (SELECT count(*) FROM perfeval.actual WHERE reported_on = '2099-01-01') = 1,
	'what was accepted is there, what was refused is not');
SELECT ok(NOT EXISTS (SELECT FROM perfeval.indicator WHERE project_id = 'seed001' AND weight = 1)
		  AND EXISTS (SELECT FROM perfeval.allocation WHERE project_id = 'seed001'),
	'updates and deletes outside the scope touch nothing');
SELECT is((SELECT score FROM perfeval.indicator_scores i
			WHERE project_id = 'seed003' AND reported_on = '2099-01-01'),
		  (SELECT score FROM perfeval.indicator_scores_as_of('2099-12-31') i
			WHERE project_id = 'seed003' AND reported_on = '2099-01-01'),
	'a loader''s write keeps the state (the views follow it)');

-- The access rules are data pg_dump keeps, and the policies the extension's.
SELECT is((SELECT c FROM pg_extension, unnest(extconfig, extcondition) AS u(t, c)
			WHERE extname = 'perfeval' AND t = 'perfeval.access_grant'::regclass), '',
	'every grant is dumped');
SELECT is((SELECT count(*) FROM pg_class c WHERE c.relnamespace = 'perfeval'::regnamespace AND c.relrowsecurity
			 AND c.relname IN ('project', 'allocation', 'indicator', 'actual', 'checklist_point', 'survey_response')),
	6::bigint, 'row-level security is on for the six tables');

-- revoke_access() of the last grant takes back what grant_access() gave.
SELECT lives_ok($$SELECT perfeval.revoke_access('perfeval_pref_test', division_prefix => '6528')$$, 'revoke the last grant');
SET LOCAL ROLE perfeval_pref_test;
SELECT throws_ok($$SELECT count(*) FROM perfeval.project_scores$$, '42501', NULL, 'a role left without grants reads nothing');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
