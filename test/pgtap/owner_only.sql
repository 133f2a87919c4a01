-- pgTAP: only the owner changes who sees what and how everyone is graded
-- (issue 25, item 6), and every SECURITY DEFINER function is pinned and
-- executable only by whom needs it (item 7).  A role given the routine
-- schema-wide grant (SELECT, INSERT, UPDATE, DELETE, TRUNCATE on every
-- table of perfeval) still cannot write access_grant or scheme; the owner,
-- a role with the owner's privileges and perfeval's own functions can.
-- Run as the extension's owner; everything is undone by the ROLLBACK.
BEGIN;
SELECT plan(20);

CREATE ROLE perfeval_etl_test;
GRANT USAGE ON SCHEMA perfeval, perfeval_internal TO perfeval_etl_test;
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA perfeval TO perfeval_etl_test;
CREATE ROLE perfeval_admin_test IN ROLE postgres;	-- has the owner's privileges

SET LOCAL ROLE perfeval_etl_test;
SELECT throws_ok($$INSERT INTO perfeval.access_grant (role_name) VALUES ('perfeval_etl_test')$$, '42501', NULL,
	'a schema-wide grant does not let a role grant itself the whole warehouse');
SELECT throws_ok($$UPDATE perfeval.access_grant SET may_load = true$$, '42501', NULL,
	'nor change a grant');
SELECT throws_ok($$DELETE FROM perfeval.access_grant$$, '42501', NULL, 'nor delete grants');
SELECT throws_ok($$TRUNCATE perfeval.access_grant$$, '42501', NULL, 'nor truncate them');
SELECT throws_ok($$UPDATE perfeval.scheme SET grade_scale = '优:0' WHERE scheme_id = 'national'$$, '42501', NULL,
	'nor set the national bands to 优:0');
SELECT throws_ok($$INSERT INTO perfeval.scheme (scheme_id, name) VALUES ('etl', 'etl')$$, '42501', NULL,
	'nor add a scheme');
SELECT throws_ok($$DELETE FROM perfeval.scheme WHERE NOT builtin$$, '42501', NULL, 'nor delete schemes');
SELECT throws_ok($$TRUNCATE perfeval.scheme CASCADE$$, '42501', NULL, 'nor truncate them');
-- (the refusal says why and what to do)
SELECT is((SELECT count(*)::int FROM perfeval.access_grant), 0,
	'nor read other roles'' grants (a role reads only its own)');
SELECT throws_like($$UPDATE perfeval.scheme SET decimals = 1$$,
	'%permission denied to change perfeval.scheme%', 'the refusal names the table');
-- under session_replication_role = replica too (a role may set it only as
-- superuser, but the triggers fire always)
RESET ROLE;
SELECT is((SELECT count(*)::int FROM pg_trigger t WHERE t.tgname IN ('owner_only', 'owner_only_truncate')
			 AND t.tgrelid IN ('perfeval.access_grant'::regclass, 'perfeval.scheme'::regclass) AND t.tgenabled = 'A'),
	4, 'the guards fire always (ENABLE ALWAYS)');
SELECT is((SELECT grade_scale::text FROM perfeval.scheme WHERE scheme_id = 'national'),
	perfeval.national_grade_scale()::text, 'the national bands are unchanged');
SELECT is((SELECT count(*)::int FROM perfeval.access_grant WHERE role_name = 'perfeval_etl_test'), 0,
	'no grant was written');

SET LOCAL ROLE perfeval_admin_test;
SELECT lives_ok($$UPDATE perfeval.scheme SET decimals = decimals WHERE scheme_id = 'national'$$,
	'a role with the owner''s privileges changes a scheme');
SELECT lives_ok($$SELECT perfeval.grant_access('perfeval_etl_test', department => '测试局')$$,
	'and grants access');
RESET ROLE;
SELECT lives_ok($$SELECT perfeval.revoke_access('perfeval_etl_test', department => '测试局')$$,
	'the owner revokes it');

-- Every SECURITY DEFINER function of the extension pins its search_path
-- and is not executable by PUBLIC.
SELECT is(ARRAY(SELECT p.oid::regprocedure::text FROM pg_proc p
				  JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
				  JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'perfeval'
				 WHERE p.prosecdef AND NOT EXISTS (SELECT FROM unnest(p.proconfig) c WHERE c LIKE 'search\_path=%')
				 ORDER BY 1), '{}'::text[],
	'every SECURITY DEFINER function pins its search_path');
SELECT is(ARRAY(SELECT p.oid::regprocedure::text FROM pg_proc p
				  JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
				  JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'perfeval'
				 WHERE p.prosecdef AND p.prorettype <> 'trigger'::regtype
				   AND (p.proacl IS NULL OR EXISTS (SELECT FROM aclexplode(p.proacl) a WHERE a.grantee = 0))
				 ORDER BY 1), '{}'::text[],
	'no SECURITY DEFINER function but a trigger is executable by PUBLIC');
-- a reader (a grant without loading) cannot run the import's definer functions
SELECT perfeval.grant_access('perfeval_etl_test', department => '测试局');
SET LOCAL ROLE perfeval_etl_test;
SELECT throws_ok($$SELECT perfeval_internal.ensure_national_self()$$, '42501', NULL,
	'a reader cannot create the national_self scheme');
SELECT throws_ok($$SELECT perfeval_internal.analyze_staging()$$, '42501', NULL,
	'nor lock the staging tables to analyze them');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
