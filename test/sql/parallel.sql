-- The scoring views run in parallel and every function they call per row is
-- PARALLEL SAFE; a single project's lookup is served by indexes, driven by
-- the project's key.
CREATE EXTENSION IF NOT EXISTS perfeval;
SET search_path = public, perfeval;

-- Does the plan of q contain a node whose text matches pattern?
CREATE FUNCTION plan_has(q text, pattern text) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
	l text;
BEGIN
	FOR l IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
		IF l ~ pattern THEN
			RETURN true;
		END IF;
	END LOOP;
	RETURN false;
END $$;

-- Does the plan of q scan index idx with an index condition matching cond
-- (the condition is printed on the line after its scan)?
CREATE FUNCTION plan_index_cond(q text, idx text, cond text) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
	l text;
	after_scan boolean := false;
BEGIN
	FOR l IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
		IF after_scan AND l ~ ('Index Cond: .*' || cond) THEN
			RETURN true;
		END IF;
		after_scan := l ~ ('Index (Only )?Scan using ' || idx || ' ');
	END LOOP;
	RETURN false;
END $$;

-- Every perfeval function but the triggers and refresh_state() (which
-- write) is PARALLEL SAFE.
SELECT p.proname, p.proparallel
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
 WHERE n.nspname IN ('perfeval', 'perfeval_internal') AND p.proparallel <> 's'
   AND p.prorettype <> 'trigger'::regtype
 ORDER BY 1;

-- Forced parallel settings: the whole-warehouse views get a Gather.
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET min_parallel_index_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SELECT v AS view, plan_has(format('SELECT * FROM perfeval.%I', v), 'Gather') AS parallel
  FROM unnest(ARRAY['project_scores', 'level1_scores', 'level2_scores', 'indicator_scores',
                    'rollup_region', 'rollup_department', 'findings']) AS v;
RESET ALL;
SET search_path = public, perfeval;

-- One project's scores are answered from indexes on its key: the indicator
-- key and the project's state row, each looked up by project_id.  The
-- check itself is checked: a filter on a column no index serves is not
-- reported as using the key.
SET enable_seqscan = off;
SELECT v AS view,
	   plan_has(format('SELECT * FROM perfeval.%I WHERE project_id = %L', v, 'seed003'),
				'Seq Scan on (indicator|actual|checklist_point|survey_response|allocation|project_state)') AS scans_a_big_table,
	   plan_index_cond(format('SELECT * FROM perfeval.%I WHERE project_id = %L', v, 'seed003'),
					   'indicator_pkey', 'project_id = ''seed003''') AS indicator_by_key,
	   plan_index_cond(format('SELECT * FROM perfeval.%I WHERE project_id = %L', v, 'seed003'),
					   'project_state_pkey', 'project_id = ''seed003''') AS state_by_key
  FROM unnest(ARRAY['level1_scores', 'indicator_scores']) AS v;
-- The current totals and level sums come from the results kept with the
-- project (section 47), read by its key.
SELECT v AS view,
	   plan_has(format('SELECT * FROM perfeval.%I WHERE project_id = %L', v, 'seed003'),
				'Index Scan (using|on) project_(results|levels)_pkey') AS kept_by_key,
	   plan_has(format('SELECT * FROM perfeval.%I WHERE project_id = %L', v, 'seed003'),
				'Seq Scan on (project_results|project_levels|indicator)') AS scans_them
  FROM unnest(ARRAY['project_scores', 'level1_scores', 'level2_scores']) AS v;
SELECT plan_index_cond($$SELECT * FROM perfeval.indicator_scores WHERE name = '立项依据充分性'$$,
					   'indicator_pkey', 'project_id') AS other_filter_by_key,
	   plan_index_cond($$SELECT * FROM perfeval.project_scores_as_of('2024-01-01') WHERE project_id = 'seed003'$$,
					   'indicator_pkey', 'project_id = ''seed003''') AS dated_by_key;
-- The views read the kept state, no fact table (section 45); so do the
-- dated forms, whose actuals as of a date come from the same state.
SELECT v AS view,
	   plan_has(format('SELECT * FROM perfeval.%s', v),
				' on (actual|checklist_point|survey_response|allocation)\M') AS reads_facts
  FROM unnest(ARRAY['project_scores', 'level1_scores', 'level2_scores', 'indicator_scores',
					'project_scores_as_of(''2024-01-01'')', 'level1_scores_as_of(''2024-01-01'')',
					'indicator_scores_as_of(''2024-01-01'')']) AS v;
RESET enable_seqscan;

-- Each view evaluates an indicator row once: its serial plan computes one
-- call of evaluate() or evaluated() (the nodes above read its result).
-- (findings evaluates each row once for its indicators' findings, as
-- indicator_scores does, and reads its projects' figures from the kept
-- results, section 47.)  The
-- count is checked on a query that evaluates each row twice.
CREATE FUNCTION evaluations_in_plan(q text) RETURNS int LANGUAGE plpgsql AS $$
DECLARE
	l text;
	n int := 0;
BEGIN
	SET LOCAL max_parallel_workers_per_gather = 0;
	FOR l IN EXECUTE 'EXPLAIN (VERBOSE, COSTS OFF) ' || q LOOP
		n := n + (SELECT count(*) FROM regexp_matches(l, '\mevaluated?\(', 'g'));
	END LOOP;
	RETURN n;
END $$;
SELECT v AS view, evaluations_in_plan(format('SELECT * FROM perfeval.%s', v)) AS evaluations
  FROM unnest(ARRAY['indicator_scores', 'indicator_scores_as_of(''2024-01-01'')',
					'level2_scores_as_of(''2024-01-01'')', 'level1_scores_as_of(''2024-01-01'')',
					'project_scores_as_of(''2024-01-01'')']) AS v;
-- (The current totals and level sums evaluate no row while the kept
-- results carry their schemes' rules, and evaluate a project from its facts
-- when they do not: test/pgtap/kept_results.sql, over the samples.)
SELECT evaluations_in_plan($$SELECT perfeval.score(perfeval.evaluate(x.weight, x.applicable, x.source,
		x.target, x.method, x.printed_score, x.code, x.rules, x.actuals, x.checklist, x.survey,
		x.money_initial_budget, x.money_budget, x.money_arrived, x.money_spent, 'infinity')),
	perfeval.points(perfeval.evaluate(x.weight, x.applicable, x.source,
		x.target, x.method, x.printed_score, x.code, x.rules, x.actuals, x.checklist, x.survey,
		x.money_initial_budget, x.money_budget, x.money_arrived, x.money_spent, 'infinity'))
	FROM perfeval_internal.indicator_rows x$$) AS control_evaluates_twice;
