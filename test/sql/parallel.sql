-- The scoring views run in parallel and every function they call per row is
-- PARALLEL SAFE; a single project's lookup is served by indexes.
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

-- Every perfeval function but the triggers and refresh_state() (which
-- write) is PARALLEL SAFE.
SELECT p.proname, p.proparallel
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
 WHERE n.nspname = 'perfeval' AND p.proparallel <> 's'
 ORDER BY 1;

-- Forced parallel settings: the whole-warehouse views get a Gather.
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET min_parallel_index_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SELECT v AS view, plan_has(format('SELECT * FROM perfeval.%I', v), 'Gather') AS parallel
  FROM unnest(ARRAY['project_scores', 'level1_scores', 'level2_scores', 'indicator_scores',
                    'rollup_region', 'rollup_department']) AS v;
RESET ALL;
SET search_path = public, perfeval;

-- One project's scores can be answered from indexes alone.
SET enable_seqscan = off;
SELECT plan_has($$SELECT * FROM perfeval.project_scores WHERE project_id = 'seed003'$$,
                'Seq Scan on (indicator|actual|checklist_point|survey_response|allocation)') AS scans_a_big_table,
       plan_has($$SELECT * FROM perfeval.project_scores WHERE project_id = 'seed003'$$,
                'Index (Only )?Scan using indicator_pkey') AS uses_indicator_key;
-- The current views read the kept state, no fact table (section 45); an
-- earlier date reads the actuals through their key.
SELECT plan_has($$SELECT * FROM perfeval.project_scores$$,
                ' on (actual|checklist_point|survey_response|allocation)\M') AS scores_read_facts,
       plan_has($$SELECT * FROM perfeval.level1_scores$$,
                ' on (actual|checklist_point|survey_response|allocation)\M') AS level1_reads_facts,
       plan_has($$SELECT * FROM perfeval.indicator_scores_as_of('2024-01-01') WHERE project_id = 'seed003'$$,
                'Index (Only )?Scan using actual_latest_idx') AS as_of_uses_actual_key;
RESET enable_seqscan;
