-- pgTAP: only the warehouse's owner changes how everyone is graded (with
-- test/pgtap/owner_only.sql), and a restore's early rows wait for their
-- parents while nobody else's do.
--
-- 1. After the routine schema-wide GRANT (SELECT, INSERT, UPDATE, DELETE on
--    every table of perfeval, and TRUNCATE too), a role still cannot write
--    perfeval.scheme: 42501 for each statement, nothing changed (1.14 let
--    it set national's bands to 优:0, every project 优).  The owner still
--    can, and so can the import's ensure_national_self() called by a
--    loader (it runs as the owner).
-- 2. Parking (sql/40_tables.sql, src/restore.c): an orphan is refused with
--    23503 as before for every ordinary write -- the owner's with
--    row_security on, the owner's with row_security off into a warehouse in
--    use, and another role's with row_security off (who may write the
--    tables) -- and waits in perfeval_internal.parked only for the owner's
--    restore-like session whose parent table is not loaded yet; the
--    parent's INSERT takes it in.
-- Run as the extension's owner; everything is undone by the ROLLBACK.
BEGIN;
SELECT plan(27);

CREATE ROLE perfeval_etl_test;
GRANT USAGE ON SCHEMA perfeval, perfeval_internal TO perfeval_etl_test;
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA perfeval TO perfeval_etl_test;
SELECT perfeval.grant_access('perfeval_etl_test', may_load => true);
CREATE TEMP TABLE schemes_before AS SELECT * FROM perfeval.scheme;
GRANT SELECT ON schemes_before TO perfeval_etl_test;

SET ROLE perfeval_etl_test;
SELECT throws_ok($$UPDATE perfeval.scheme SET grade_scale = '优:0' WHERE scheme_id = 'national'$$,
	'42501', NULL,
	'a schema-wide grant does not let a role change the built-in scheme''s bands');
SELECT throws_ok($$UPDATE perfeval.scheme SET decimals = 0$$, '42501', NULL,
	'…nor any scheme''s rules');
SELECT throws_ok($$INSERT INTO perfeval.scheme (scheme_id, name, grade_scale) VALUES ('easy', '宽松', '优:0')$$,
	'42501', NULL,
	'…nor add a scheme');
SELECT throws_ok($$DELETE FROM perfeval.scheme WHERE scheme_id = 'urumqi_2024'$$, '42501',
	NULL, '…nor delete one');
SELECT throws_ok($$TRUNCATE perfeval.scheme CASCADE$$, '42501',
	NULL, '…nor truncate them');
SELECT throws_ok($$INSERT INTO perfeval.scheme (scheme_id, name) VALUES ('national', 'x')$$, '42501', NULL,
	'…nor rewrite national as a restore would');
-- the error says what to do
CREATE FUNCTION pg_temp.hint_of(stmt text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE h text;
BEGIN
	EXECUTE stmt;
	RETURN NULL;
EXCEPTION WHEN insufficient_privilege THEN
	GET STACKED DIAGNOSTICS h = PG_EXCEPTION_HINT;
	RETURN h;
END $$;
SELECT alike(pg_temp.hint_of($$UPDATE perfeval.scheme SET decimals = 0$$), '%owner%',
	'…with a hint naming the owner');
-- an orphan from this role is refused, row_security off or not
SELECT throws_ok($$INSERT INTO perfeval.indicator (project_id, code, level1, level2, name, weight)
	VALUES ('no_such_project', 'X1', 'a', 'b', 'x', 1)$$, '23503', NULL,
	'another role''s orphan indicator is refused (23503)');
SET row_security = off;
SELECT throws_ok($$INSERT INTO perfeval.actual (project_id, code, reported_on, measure)
	VALUES ('seed003', 'NO', '2024-12-31', '1家')$$, NULL, NULL,
	'…and with row_security off its write fails (row-level security applies to it), never parked');
RESET row_security;
SELECT results_eq($$SELECT s::text FROM perfeval.scheme s ORDER BY scheme_id$$,
	$$SELECT s::text FROM schemes_before s ORDER BY scheme_id$$, 'no scheme changed');
-- the import's scheme is made by the owner's function, for a loader too
SELECT lives_ok($$SELECT perfeval_internal.ensure_national_self()$$,
	'a loader''s import still creates national_self (as the owner)');
RESET ROLE;
SELECT is((SELECT grade FROM perfeval.project_scores WHERE project_id = 'seed003'), '优',
	'seed003 keeps its grade');

-- the owner still writes schemes
SELECT lives_ok($$UPDATE perfeval.scheme SET grade_scale = '优:99,良:80,中:60,差:0' WHERE scheme_id = 'national'$$,
	'the owner changes the built-in scheme');
SELECT lives_ok($$INSERT INTO perfeval.scheme (scheme_id, name) VALUES ('owner_test', '所有者方案')$$,
	'…adds one');
SELECT lives_ok($$DELETE FROM perfeval.scheme WHERE scheme_id = 'owner_test'$$, '…and deletes one');
SELECT is((SELECT tgenabled::text FROM pg_trigger WHERE tgrelid = 'perfeval.scheme'::regclass AND tgname = 'owner_only'),
	'A', 'the guard fires ALWAYS (no session_replication_role skips it)');

-- Parking.  The owner's ordinary writes: refused as before.
SELECT throws_ok($$INSERT INTO perfeval.indicator (project_id, code, level1, level2, name, weight)
	VALUES ('no_such_project', 'X1', 'a', 'b', 'x', 1)$$, '23503', NULL,
	'the owner''s orphan indicator is refused (23503)');
SELECT throws_ok($$INSERT INTO perfeval.project (project_id, name, year, division_code, department, evaluation_kind, scheme_id)
	VALUES ('p_orphan', 'x', 2024, '650100', 'd', '单位自评', 'no_such_scheme')$$, '23503', NULL,
	'…and a project of a missing scheme');
SET row_security = off;
SELECT throws_ok($$INSERT INTO perfeval.indicator (project_id, code, level1, level2, name, weight)
	VALUES ('no_such_project', 'X1', 'a', 'b', 'x', 1)$$, '23503', NULL,
	'…also with row_security off, into a warehouse in use');
-- A warehouse whose tables are not loaded yet, as a restore finds it: the
-- owner's restore-like session parks what comes before its parent.
DELETE FROM perfeval.project;			-- (and their facts; undone by the ROLLBACK)
DELETE FROM perfeval.scheme WHERE NOT builtin;
SELECT lives_ok($$INSERT INTO perfeval.actual (project_id, code, reported_on, measure)
	VALUES ('p1', 'C11', '2024-12-31', '40家')$$, 'a restore''s actual before its indicator is taken');
SELECT lives_ok($$INSERT INTO perfeval.indicator (project_id, code, level1, level2, name, weight, target)
	VALUES ('p1', 'C11', '产出', '数量指标', '奖补企业数量', 100, '=41家')$$, '…its indicator before its project');
SELECT lives_ok($$INSERT INTO perfeval.project (project_id, name, year, division_code, department, evaluation_kind, scheme_id)
	VALUES ('p1', '小升规奖励', 2024, '650100', '工信局', '单位自评', 'own')$$, '…its project before its scheme');
SELECT is((SELECT array_agg(relation::text ORDER BY relation) FROM perfeval_internal.parked),
	'{actual,indicator,project}', 'all three wait, none is in its table');
SELECT is((SELECT count(*) FROM perfeval.indicator), 0::bigint, '…no row lacks its parent');
SELECT lives_ok($$INSERT INTO perfeval.scheme (scheme_id, name) VALUES ('own', '自定义')$$,
	'the scheme arrives');
SELECT is((SELECT count(*) FROM perfeval_internal.parked), 0::bigint, '…and everything waiting for it enters its table');
SELECT results_eq($$SELECT project_id, total::text, grade FROM perfeval.project_scores$$,
	$$VALUES ('p1', '97.56', '优')$$, '…and scores (40 of 41 firms: 97.56)');
RESET row_security;

SELECT * FROM finish();
ROLLBACK;
