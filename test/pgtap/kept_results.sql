-- pgTAP: the results perfeval keeps of each project (section 47, issue 30)
-- always give what a fresh evaluation gives: the current views equal the
-- dated forms at a far-future date and a from-scratch computation, after
-- every kind of write (facts, indicators, projects, schemes, the import's
-- bulk writes); a scheme's rules change recomputes exactly its projects; a
-- stale stamp falls back to evaluating the project; nothing but perfeval
-- writes them.  Over the four samples; undone by ROLLBACK.
BEGIN;
SELECT plan(33);

-- The views against the dated forms at a date after every report.
CREATE FUNCTION pg_temp.views_fresh() RETURNS boolean LANGUAGE sql AS $$
	SELECT NOT EXISTS ((SELECT * FROM perfeval.project_scores
						EXCEPT ALL SELECT * FROM perfeval.project_scores_as_of('9999-12-31'))
					   UNION ALL (SELECT * FROM perfeval.project_scores_as_of('9999-12-31')
								  EXCEPT ALL SELECT * FROM perfeval.project_scores))
	   AND NOT EXISTS ((SELECT * FROM perfeval.level1_scores
						EXCEPT ALL SELECT * FROM perfeval.level1_scores_as_of('9999-12-31'))
					   UNION ALL (SELECT * FROM perfeval.level1_scores_as_of('9999-12-31')
								  EXCEPT ALL SELECT * FROM perfeval.level1_scores))
	   AND NOT EXISTS ((SELECT * FROM perfeval.level2_scores
						EXCEPT ALL SELECT * FROM perfeval.level2_scores_as_of('9999-12-31'))
					   UNION ALL (SELECT * FROM perfeval.level2_scores_as_of('9999-12-31')
								  EXCEPT ALL SELECT * FROM perfeval.level2_scores))
$$;

-- The kept rows against a from-scratch computation over the indicators,
-- every row stamped with its project's scheme and rules, one per project.
CREATE TEMP VIEW fresh_results AS
SELECT p.project_id, p.scheme_id, s.rules::bytea AS rules, coalesce((t.t).indicators, 0) AS indicators,
	   t.weights, (t.t).weight, (t.t).score, (t.t).total
  FROM perfeval.project p JOIN perfeval.scheme s USING (scheme_id)
  LEFT JOIN (SELECT x.project_id, perfeval.sum_scores(x.e) AS t, sum(x.weight) AS weights
			   FROM perfeval_internal.indicator_scored x
			  GROUP BY x.project_id) t USING (project_id);
CREATE TEMP VIEW fresh_levels AS
SELECT g.project_id, p.scheme_id, s.rules::bytea AS rules, g.level1, g.level2, g.seq, (g.t).indicators,
	   (g.t).weight, (g.t).score
  FROM (SELECT x.project_id, x.level1, x.level2, min(x.seq) AS seq, perfeval.sum_scores(x.e) AS t
		  FROM perfeval_internal.indicator_scored x WHERE x.applicable
		 GROUP BY GROUPING SETS ((x.project_id, x.level1), (x.project_id, x.level1, x.level2))) g
  JOIN perfeval.project p USING (project_id) JOIN perfeval.scheme s USING (scheme_id);
CREATE TEMP VIEW kept_levels AS
SELECT r.project_id, r.scheme_id, r.rules, l.level1, l.level2, l.seq, l.indicators, l.weight, l.score
  FROM perfeval_internal.project_levels r CROSS JOIN LATERAL unnest(r.level1 || r.level2) l;
CREATE FUNCTION pg_temp.kept_fresh() RETURNS boolean LANGUAGE sql AS $$
	SELECT NOT EXISTS ((SELECT project_id, scheme_id, rules, indicators, weights, weight, score, total
						  FROM perfeval_internal.project_results EXCEPT ALL SELECT * FROM fresh_results)
					   UNION ALL (SELECT * FROM fresh_results EXCEPT ALL
								  SELECT project_id, scheme_id, rules, indicators, weights, weight, score, total
									FROM perfeval_internal.project_results))
	   AND NOT EXISTS ((SELECT * FROM kept_levels EXCEPT ALL SELECT * FROM fresh_levels)
					   UNION ALL (SELECT * FROM fresh_levels EXCEPT ALL SELECT * FROM kept_levels))
	   AND NOT EXISTS ((SELECT project_id, budget, arrived, spent FROM perfeval_internal.project_results
						EXCEPT ALL SELECT project_id, money_budget, money_arrived, money_spent
									 FROM perfeval_internal.project_state)
					   UNION ALL (SELECT project_id, money_budget, money_arrived, money_spent
									FROM perfeval_internal.project_state
								  EXCEPT ALL SELECT project_id, budget, arrived, spent FROM perfeval_internal.project_results))
$$;
CREATE FUNCTION pg_temp.kept_ok() RETURNS boolean LANGUAGE sql AS $$
	SELECT pg_temp.views_fresh() AND pg_temp.kept_fresh()
$$;

-- How many indicator rows a query's plan reads (what it evaluates).
CREATE FUNCTION pg_temp.rows_evaluated(q text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
	plan json;
BEGIN
	SET LOCAL max_parallel_workers_per_gather = 0;
	EXECUTE 'EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF, FORMAT JSON) ' || q INTO plan;
	RETURN (WITH RECURSIVE n(node) AS (SELECT plan -> 0 -> 'Plan'
									   UNION ALL
									   SELECT c FROM n, json_array_elements(n.node -> 'Plans') c)
			SELECT coalesce(sum((node ->> 'Actual Rows')::numeric * (node ->> 'Actual Loops')::numeric), 0)::bigint
			  FROM n WHERE node ->> 'Relation Name' = 'indicator');
END $$;

SELECT ok(pg_temp.kept_ok() AND (SELECT count(*) FROM perfeval_internal.project_results) = 4
		  AND (SELECT count(*) FROM kept_levels WHERE level2 IS NULL) > 4
		  AND (SELECT count(*) FROM kept_levels WHERE level2 IS NOT NULL) > 8,
		  'the samples: one kept row per project, equal to a fresh evaluation, and the views to the dated forms');
SELECT is(pg_temp.rows_evaluated('SELECT * FROM perfeval.project_scores'), 0::bigint,
		  'project_scores evaluates no indicator row');
SELECT cmp_ok(pg_temp.rows_evaluated('SELECT * FROM perfeval.project_scores_as_of(''9999-12-31'')'), '>', 0::bigint,
		  '…where the dated form evaluates them (the count is not vacuous)');

-- the facts
UPDATE perfeval.actual SET measure = '1件' WHERE project_id = 'seed001'
   AND (code, reported_on) = (SELECT code, reported_on FROM perfeval.actual WHERE project_id = 'seed001'
							   AND measure::text ~ '件$' ORDER BY code LIMIT 1);
SELECT ok(pg_temp.kept_ok(), 'an actual changed');
DELETE FROM perfeval.checklist_point WHERE project_id = 'seed002' AND deduction > 0;
SELECT ok(pg_temp.kept_ok(), 'checklist points deleted');
UPDATE perfeval.survey_response SET respondents = respondents + 7 WHERE project_id = 'seed003';
SELECT ok(pg_temp.kept_ok(), 'survey responses changed');
UPDATE perfeval.allocation SET spent = spent / 2 WHERE project_id = 'seed003';
SELECT ok(pg_temp.kept_ok(), 'money changed');
DELETE FROM perfeval.actual WHERE project_id = 'seed003';
SELECT ok(pg_temp.kept_ok() AND (SELECT total IS NULL FROM perfeval_internal.project_results WHERE project_id = 'seed003'),
		  'every actual of a project deleted: its total is NULL, as evaluated');

-- the indicators
UPDATE perfeval.indicator SET weight = weight + 1 WHERE project_id = 'seed001' AND code = (
	SELECT min(code) FROM perfeval.indicator WHERE project_id = 'seed001');
SELECT ok(pg_temp.kept_ok(), 'a weight changed');
INSERT INTO perfeval.indicator (project_id, code, seq, level1, level2, name, weight, target, source, printed_score)
SELECT project_id, code || 'X', seq + 100, level1, '新二级', name, weight, target, source, printed_score
  FROM perfeval.indicator WHERE project_id = 'seed002' ORDER BY code LIMIT 2;
SELECT ok(pg_temp.kept_ok() AND (SELECT indicators FROM perfeval_internal.project_results WHERE project_id = 'seed002')
		  = (SELECT count(*) FROM perfeval.indicator WHERE project_id = 'seed002'), 'indicators inserted');
INSERT INTO perfeval.indicator (project_id, code, seq, level1, level2, name, weight, target, source)
SELECT project_id, code, seq, level1, level2, name, weight * 2, target, source
  FROM perfeval.indicator WHERE project_id = 'seed002' AND code LIKE '%X'
ON CONFLICT (project_id, code) DO UPDATE SET weight = EXCLUDED.weight;
SELECT ok(pg_temp.kept_ok(), 'indicators upserted (INSERT … ON CONFLICT DO UPDATE)');
DELETE FROM perfeval.indicator WHERE project_id = 'seed002' AND code LIKE '%X';
SELECT ok(pg_temp.kept_ok(), 'indicators deleted');
UPDATE perfeval.indicator SET applicable = false, printed_score = NULL WHERE project_id = 'seed003' AND code = (
	SELECT min(code) FROM perfeval.indicator WHERE project_id = 'seed003');
SELECT ok(pg_temp.kept_ok(), 'an indicator that no longer applies');

-- the import's bulk writes, at once and deferred (src/bulk.c, keep_later())
INSERT INTO perfeval.project (project_id, name, year, division_code, department, evaluation_kind, scheme_id)
SELECT v.id, p.name, p.year, p.division_code, p.department, p.evaluation_kind, p.scheme_id
  FROM perfeval.project p, (VALUES ('bulk001'), ('later001')) v(id) WHERE p.project_id = 'seed001';
SELECT ok(pg_temp.kept_ok() AND (SELECT indicators FROM perfeval_internal.project_results WHERE project_id = 'bulk001') = 0,
		  'new projects have a kept row: no indicators yet');
SELECT is(perfeval_internal.bulk_insert('perfeval.indicator', 'project_id, code, seq, level1, level2, name, weight, target, source, printed_score',
		  'SELECT ''bulk001'', code, seq, level1, level2, name, weight, target, source, printed_score FROM perfeval.indicator WHERE project_id = ''seed001'' AND $1 <= $2 ORDER BY code', 1, 1),
		  (SELECT count(*) FROM perfeval.indicator WHERE project_id = 'seed001'), 'bulk_insert() wrote indicators…');
SELECT ok(pg_temp.kept_ok() AND (SELECT indicators FROM perfeval_internal.project_results WHERE project_id = 'bulk001') > 0,
		  '…and kept their project''s results');
DO $$
BEGIN
	PERFORM perfeval_internal.keep_later();
	PERFORM perfeval_internal.bulk_insert('perfeval.indicator',
		'project_id, code, seq, level1, level2, name, weight, target, source, printed_score',
		'SELECT ''later001'', code, seq, level1, level2, name, weight, target, source, printed_score'
		' FROM perfeval.indicator WHERE project_id = ''seed001'' AND $1 <= $2 ORDER BY code', 1, 1);
END $$;
SELECT is((SELECT indicators FROM perfeval_internal.project_results WHERE project_id = 'later001'), 0::bigint,
		  'deferred: nothing kept yet');
SELECT is(perfeval_internal.keep_now(), 1::bigint, 'keep_now() keeps the one project…');
SELECT ok(pg_temp.kept_ok(), '…its results too');

-- projects and schemes
INSERT INTO perfeval.scheme (scheme_id, name, decimals) VALUES ('kept_one', '一位小数', 1);
UPDATE perfeval.project SET scheme_id = 'kept_one' WHERE project_id IN ('seed000', 'bulk001');
SELECT ok(pg_temp.kept_ok() AND (SELECT count(*) FROM perfeval_internal.project_results WHERE scheme_id = 'kept_one') = 2,
		  'projects moved to another scheme');
CREATE TEMP TABLE before AS SELECT project_id, ctid AS x FROM perfeval_internal.project_results;
UPDATE perfeval.scheme SET decimals = 0 WHERE scheme_id = 'kept_one';
SELECT ok(pg_temp.kept_ok(), 'a scheme''s rules changed');
SELECT is(ARRAY(SELECT b.project_id FROM before b JOIN perfeval_internal.project_results r USING (project_id)
				 WHERE r.ctid <> b.x ORDER BY 1), ARRAY['bulk001', 'seed000'],
		  'exactly that scheme''s projects were recomputed');
UPDATE perfeval.scheme SET grade_scale = '甲:95,乙:85,丙:70,丁:0' WHERE scheme_id = 'kept_one';
SELECT ok(pg_temp.kept_ok() AND (SELECT bool_and(final_grade ~ '^[甲乙丙丁]') FROM perfeval.project_scores
								   WHERE scheme_id = 'kept_one' AND final_score IS NOT NULL),
		  'its grade scale changed: the grades follow');

-- a stale stamp (the rules changed where nothing recomputed, as on a Citus
-- cluster): the views evaluate those projects from their facts
ALTER TABLE perfeval.scheme DISABLE TRIGGER keep_results;
UPDATE perfeval.scheme SET decimals = 3 WHERE scheme_id = 'kept_one';
ALTER TABLE perfeval.scheme ENABLE ALWAYS TRIGGER keep_results;
SELECT ok(pg_temp.views_fresh() AND NOT pg_temp.kept_fresh(),
		  'rules changed behind the kept results: the kept rows are stale, the views are not');
SELECT ok(pg_temp.rows_evaluated('SELECT * FROM perfeval.project_scores') > 0
		  AND pg_temp.rows_evaluated('SELECT * FROM perfeval.level1_scores') > 0,
		  '…they evaluate the stale projects');
CREATE TEMP TABLE stale_findings AS
SELECT project_id, code, kind, detail FROM perfeval.findings WHERE code IS NULL;
DO $$ BEGIN PERFORM perfeval.refresh_state(); END $$;
SELECT ok(pg_temp.kept_ok() AND pg_temp.rows_evaluated('SELECT * FROM perfeval.level2_scores') = 0,
		  'refresh_state() keeps them again');
SELECT bag_eq($$SELECT project_id, code, kind, detail FROM perfeval.findings WHERE code IS NULL$$,
			  $$SELECT * FROM stale_findings$$,
			  'the per-project findings read from the kept results equal those evaluated while stale');

-- …and so does an update of the scheme's projects (the way on a cluster)
ALTER TABLE perfeval.scheme DISABLE TRIGGER keep_results;
UPDATE perfeval.scheme SET decimals = 2 WHERE scheme_id = 'kept_one';
ALTER TABLE perfeval.scheme ENABLE ALWAYS TRIGGER keep_results;
UPDATE perfeval.project SET name = name WHERE scheme_id = 'kept_one';
SELECT ok(pg_temp.kept_ok(), 'an update of a stale scheme''s projects keeps their results again');

DELETE FROM perfeval.project WHERE project_id = 'seed000';
SELECT ok(pg_temp.kept_ok() AND NOT EXISTS (SELECT FROM kept_levels WHERE project_id = 'seed000'),
		  'a project deleted: its kept rows go');

-- nothing but perfeval writes them, not even the owner
SELECT throws_ok($$UPDATE perfeval_internal.project_results SET total = 100$$,
	'428C9', 'cannot write perfeval''s kept results (project_results)', 'a kept total cannot be written by hand');
SELECT throws_ok($$INSERT INTO perfeval_internal.project_results (project_id, scheme_id, rules, indicators)
				   VALUES ('forged', 'national', '\x00', 1)$$, '428C9', NULL, '…nor a row inserted');
SELECT throws_ok($$TRUNCATE perfeval_internal.project_results$$, '428C9', NULL, '…nor the table truncated');

TRUNCATE perfeval.indicator CASCADE;
SELECT ok(pg_temp.kept_ok() AND NOT EXISTS (SELECT FROM kept_levels)
		  AND NOT EXISTS (SELECT FROM perfeval_internal.project_results WHERE indicators > 0),
		  'indicator truncated');

SELECT * FROM finish();
ROLLBACK;
