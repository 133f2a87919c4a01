-- sum_scores() against the five aggregates it replaces in the totals:
-- the same rows, weight (with sum()'s display scale) and score for every
-- group, serial and split over parallel workers, including sums that
-- overflow bigint and weights fixed point cannot hold.
CREATE EXTENSION IF NOT EXISTS perfeval;
SET search_path = public, perfeval;

-- Small cases, by hand.
SELECT perfeval.sum_scores(points, applicable, weight)
  FROM (VALUES (1500000::bigint, true, 5::numeric), (2500000, true, 2.50), (NULL, false, 7)) v(points, applicable, weight);
-- a row without points: no score; a row not applicable: its points do not count
SELECT perfeval.sum_scores(points, applicable, weight)
  FROM (VALUES (1500000::bigint, true, 5::numeric), (NULL, true, 5)) v(points, applicable, weight);
SELECT perfeval.sum_scores(points, applicable, weight)
  FROM (VALUES (1500000::bigint, true, 5::numeric), (9000000, false, 5)) v(points, applicable, weight);
-- nothing applies; no rows at all
SELECT perfeval.sum_scores(points, applicable, weight)
  FROM (VALUES (NULL::bigint, false, 5::numeric)) v(points, applicable, weight);
SELECT perfeval.sum_scores(NULL::bigint, true, 1) FROM generate_series(1, 0);
-- sums past bigint, weights past fixed point, NaN
SELECT perfeval.sum_scores(points, true, weight)
  FROM (VALUES (9000000000000000000::bigint, 900000000000.5::numeric),
			   (9000000000000000000, 900000000000.25), (-1, 1e30), (5, 0.0000001)) v(points, weight);
SELECT perfeval.sum_scores(1, true, weight) FROM (VALUES (1::numeric), ('NaN')) v(weight);

-- A grid of groups: points from small to near the bigint limit (NULL in
-- the even groups), weights at scales 0 to 8 (the largest varying by group)
-- and up to 10^14 (so fixed sums overflow), about one row in seven not
-- applicable.
CREATE TABLE grid AS
SELECT n % 997 AS g,
	   CASE WHEN n % 31 = 0 AND n % 997 % 2 = 0 THEN NULL
			WHEN n % 53 = 0 THEN 4000000000000000000 + n::bigint
			ELSE (n::bigint * 7919) % 100000000 END AS points,
	   n % 7 <> 3 AS applicable,
	   CASE WHEN n % 89 = 0 THEN n::numeric * 1000000000
			ELSE round((n % 1000) / 7.0, n % 3 + n % 997 % 7) END AS weight
  FROM generate_series(1, 200000) n;
ANALYZE grid;

-- sum_scores() per group and the five aggregates of the 1.1 views, as text
-- (so the weight's display scale is compared too).
CREATE VIEW compared AS
SELECT g, a.t::text AS sum_scores, b.t::text AS five_aggregates
  FROM (SELECT g, perfeval.sum_scores(points, applicable, weight) AS t FROM grid GROUP BY g) a
  FULL JOIN (SELECT g, ROW(count(*), count(*) FILTER (WHERE applicable),
						  sum(weight) FILTER (WHERE applicable),
						  CASE WHEN count(points) FILTER (WHERE applicable) = count(*) FILTER (WHERE applicable)
							   THEN trim_scale(sum(points) FILTER (WHERE applicable) * 0.000001) END) AS t
			   FROM grid GROUP BY g) b USING (g);
CREATE FUNCTION plan_text(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	l text;
	r text := '';
BEGIN
	FOR l IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
		r := r || l || E'\n';
	END LOOP;
	RETURN r;
END $$;

-- Serial: every group agrees, and the grid reaches each path.
SET max_parallel_workers_per_gather = 0;
SELECT plan_text('SELECT * FROM compared') ~ 'Gather' AS parallel;
SELECT count(*) AS groups, count(*) FILTER (WHERE sum_scores = five_aggregates) AS agree
  FROM compared;
SELECT count(*) FILTER (WHERE (t).score IS NULL) > 0 AS some_unscored,
	   count(*) FILTER (WHERE (t).score IS NOT NULL) > 0 AS some_scored,
	   max((t).score) > 9223372036854 AS points_past_bigint,
	   max((t).weight) > 9223372036854 AS weight_past_bigint,
	   count(DISTINCT scale((t).weight)) AS weight_scales
  FROM (SELECT perfeval.sum_scores(points, applicable, weight) AS t FROM grid GROUP BY g) s;

RESET max_parallel_workers_per_gather;

-- Parallel: partial states are serialized, combined and finished, per group
-- and over the whole table.
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SELECT plan_text('SELECT * FROM compared') ~ 'Partial HashAggregate|Partial GroupAggregate' AS grouped_in_parallel,
	   plan_text('SELECT perfeval.sum_scores(points, applicable, weight) FROM grid')
		   ~ 'Partial Aggregate' AS whole_in_parallel;
SELECT count(*) AS groups, count(*) FILTER (WHERE sum_scores = five_aggregates) AS agree
  FROM compared;
SELECT (SELECT perfeval.sum_scores(points, applicable, weight)::text FROM grid)
	 = (SELECT ROW(count(*), count(*) FILTER (WHERE applicable), sum(weight) FILTER (WHERE applicable),
				   CASE WHEN count(points) FILTER (WHERE applicable) = count(*) FILTER (WHERE applicable)
						THEN trim_scale(sum(points) FILTER (WHERE applicable) * 0.000001) END)::text
		  FROM grid) AS whole_table_agrees,
	   (SELECT perfeval.sum_scores(points, applicable, weight)::text FROM grid WHERE g % 2 = 1)
	 = (SELECT ROW(count(*), count(*) FILTER (WHERE applicable), sum(weight) FILTER (WHERE applicable),
				   trim_scale(sum(points) FILTER (WHERE applicable) * 0.000001))::text
		  FROM grid WHERE g % 2 = 1) AS odd_groups_agree;
RESET ALL;
DROP VIEW compared;
DROP TABLE grid;
