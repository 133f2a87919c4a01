-- pgTAP: the dated forms by project (issue 31): project_scores_as_of(date,
-- project_id), indicator_scores_as_of, level1_scores_as_of and
-- level2_scores_as_of with a project give exactly that project's rows of
-- the form for the date, for every project of the seeds, on two dates;
-- NULL gives them all; a project out of the caller's scope gives nothing.
-- Undone by the ROLLBACK.
BEGIN;
SELECT plan(12);

SELECT bag_eq($$SELECT t.* FROM perfeval.project p, perfeval.project_scores_as_of('2024-06-30', p.project_id) t$$,
	$$SELECT * FROM perfeval.project_scores_as_of('2024-06-30')$$,
	'project_scores_as_of(date, project): each project''s row of the form for the date (2024-06-30)');
SELECT bag_eq($$SELECT t.* FROM perfeval.project p, perfeval.project_scores_as_of('infinity', p.project_id) t$$,
	$$SELECT * FROM perfeval.project_scores$$,
	'project_scores_as_of(infinity, project): each project''s row of project_scores');
SELECT bag_eq($$SELECT t.* FROM perfeval.project p, perfeval.indicator_scores_as_of('2024-06-30', p.project_id) t$$,
	$$SELECT * FROM perfeval.indicator_scores_as_of('2024-06-30')$$,
	'indicator_scores_as_of(date, project): each project''s rows (2024-06-30)');
SELECT bag_eq($$SELECT t.* FROM perfeval.project p, perfeval.indicator_scores_as_of('infinity', p.project_id) t$$,
	$$SELECT * FROM perfeval.indicator_scores$$,
	'indicator_scores_as_of(infinity, project): each project''s rows of indicator_scores');
SELECT bag_eq($$SELECT t.* FROM perfeval.project p, perfeval.level1_scores_as_of('2024-06-30', p.project_id) t$$,
	$$SELECT * FROM perfeval.level1_scores_as_of('2024-06-30')$$,
	'level1_scores_as_of(date, project): each project''s rows');
SELECT bag_eq($$SELECT t.* FROM perfeval.project p, perfeval.level2_scores_as_of('2024-06-30', p.project_id) t$$,
	$$SELECT * FROM perfeval.level2_scores_as_of('2024-06-30')$$,
	'level2_scores_as_of(date, project): each project''s rows');
SELECT is((SELECT count(DISTINCT project_id) FROM perfeval.indicator_scores_as_of('infinity', 'seed001')), 1::bigint,
	'one project''s rows only');
SELECT bag_eq($$SELECT * FROM perfeval.project_scores_as_of('2024-06-30', NULL)$$,
	$$SELECT * FROM perfeval.project_scores_as_of('2024-06-30')$$, 'no project: every project');
SELECT is_empty($$SELECT * FROM perfeval.project_scores_as_of('infinity', 'no such project')$$,
	'an unknown project: no row');

-- a role that sees seed001's department only: another project is not its to see
CREATE ROLE perfeval_dated_test;
SELECT perfeval.grant_access('perfeval_dated_test', department => '乌鲁木齐市工业和信息化局');
SET LOCAL ROLE perfeval_dated_test;
SELECT is_empty($$SELECT * FROM perfeval.project_scores_as_of('infinity', 'seed003')$$,
	'a scoped role: another department''s project, no row');
SELECT is_empty($$SELECT * FROM perfeval.indicator_scores_as_of('infinity', 'seed003')$$,
	'a scoped role: nor its indicators');
SELECT results_eq($$SELECT project_id, total FROM perfeval.project_scores_as_of('infinity', 'seed001')$$,
	$$VALUES ('seed001', 100::numeric)$$, 'a scoped role: its own project, scored');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
