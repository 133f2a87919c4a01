-- sum_scores() against the five aggregates it replaces in the totals:
-- the same rows, weight (with sum()'s display scale) and score for every
-- group, serial and split over parallel workers; its state in text and
-- back; sums beyond int64 and numbers fixed point cannot hold refused.
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
-- sums past int64, weights fixed point cannot hold, NaN: refused, never wrong
SELECT perfeval.sum_scores(points, true, 1)
  FROM (VALUES (9000000000000000000::bigint), (9000000000000000000)) v(points);
SELECT perfeval.sum_scores(1, true, weight) FROM (VALUES (1::numeric), (0.0000001)) v(weight);
SELECT perfeval.sum_scores(1, true, weight) FROM (VALUES (1::numeric), ('NaN')) v(weight);
-- the state in text and back (what Citus ships between nodes)
SELECT '5,4,3,2,7000000,12500000,2,0'::perfeval.score_sum::text AS round_trip,
	   perfeval.sum_scores_final('5,4,4,2,7000000,12500000,2,0') AS rescaled;
SELECT '5,6,3,2,7,1,2,0'::perfeval.score_sum;
SELECT '5,4,3'::perfeval.score_sum;

-- A grid of groups: points from small to large (NULL in the even groups),
-- weights at scales 0 to 6 (the largest varying by group) and up to 10^11,
-- about one row in seven not applicable.
CREATE TABLE grid AS
SELECT n % 997 AS g,
	   CASE WHEN n % 31 = 0 AND n % 997 % 2 = 0 THEN NULL
			WHEN n % 53 = 0 THEN 40000000000000 + n::bigint
			ELSE (n::bigint * 7919) % 100000000 END AS points,
	   n % 7 <> 3 AS applicable,
	   CASE WHEN n % 89 = 0 THEN n::numeric * 1000
			ELSE round((n % 1000) / 7.0, (n % 3 + n % 997 % 7) % 7) END AS weight
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
							   THEN trim_scale(sum(points) FILTER (WHERE applicable) * 0.000001) END,
						  NULL::numeric) AS t
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
	   max((t).score) > 10000000 AS large_points,
	   max((t).weight) > 1000000 AS large_weights,
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
						THEN trim_scale(sum(points) FILTER (WHERE applicable) * 0.000001) END, NULL::numeric)::text
		  FROM grid) AS whole_table_agrees,
	   (SELECT perfeval.sum_scores(points, applicable, weight)::text FROM grid WHERE g % 2 = 1)
	 = (SELECT ROW(count(*), count(*) FILTER (WHERE applicable), sum(weight) FILTER (WHERE applicable),
				   trim_scale(sum(points) FILTER (WHERE applicable) * 0.000001), NULL::numeric)::text
		  FROM grid WHERE g % 2 = 1) AS odd_groups_agree;
RESET ALL;
SET search_path = public, perfeval;
DROP VIEW compared;
DROP TABLE grid;

-- sum_scores(evaluation), what the views add: the same as over the
-- evaluations' points, with the total rescaled and rounded by their scheme
-- (here 2 decimals half-up, or 1 truncated); rows of two schemes have none.
CREATE TEMP TABLE ev AS
SELECT n % 50 AS g, n % 5 <> 0 AS applicable, (n % 9 + 1)::numeric AS weight,
	   perfeval.evaluate((n % 9 + 1)::numeric, n % 5 <> 0,
		   CASE WHEN n % 7 = 0 AND n % 50 < 25 THEN 'actual' ELSE 'checklist' END, '≥3', 'proportional', NULL, 'X',
		   CASE WHEN n % 100 < 50 THEN perfeval.scheme_rules(2, 'half_up', 'ratio', 80, 60, perfeval.default_coefficients(), 'arrived', 120)
				ELSE perfeval.scheme_rules(1, 'truncate', 'ratio', 80, 60, perfeval.default_coefficients(), 'arrived', 120) END,
		   NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'infinity') AS e
  FROM generate_series(1, 1000) n;
SELECT count(*) AS groups,
	   count(*) FILTER (WHERE (a).indicators = (b).indicators AND (a).applicable = (b).applicable
						AND (a).weight IS NOT DISTINCT FROM (b).weight
						AND (a).score IS NOT DISTINCT FROM (b).score) AS agree,
	   count(*) FILTER (WHERE (a).score IS NULL AND (a).applicable > 0) > 0 AS some_unscored,
	   count(*) FILTER (WHERE (a).score IS NOT NULL) > 0 AS some_scored
  FROM (SELECT g, perfeval.sum_scores(e) AS a, perfeval.sum_scores(perfeval.points(e), applicable, weight) AS b
		  FROM ev GROUP BY g) x;
SELECT (perfeval.sum_scores(perfeval.evaluate(w, a, 'checklist', NULL, 'proportional', NULL, 'X',
		   perfeval.scheme_rules(d, r, 'ratio', 80, 60, perfeval.default_coefficients(), 'arrived', 120),
		   NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'infinity'))).total AS total
  FROM (VALUES (2, 'half_up'), (1, 'truncate')) s(d, r),
	   (VALUES (30::numeric, true), (3.33, true), (40, false)) v(w, a)
 GROUP BY d, r ORDER BY d;
SELECT (perfeval.sum_scores(e)).total IS NULL AS mixed_schemes_no_total FROM ev WHERE g IN (0, 1, 10, 11);

-- project_sums(), what the kept results add per project (section 47): the
-- same figures as sum_scores() over every row and over the rows that apply
-- per level 1 and per level 1 and 2, with each level's first seq, in the
-- order of the levels' names; a group of rows that all do not apply has no
-- level sum ('{}' for none).  Here the 1,000 rows as 50 "projects" (g),
-- a fifth of them without a row that applies, levels from n.
CREATE TEMP TABLE lv AS
SELECT x.*, '一' || (x.n % 3) AS level1, '二' || (x.n % 4) AS level2, CASE WHEN x.n % 11 <> 0 THEN x.n END AS seq
  FROM (SELECT ev.*, row_number() OVER () AS n FROM ev) x;
CREATE TEMP VIEW ps AS
SELECT g, (perfeval_internal.project_sums(level1, level2, seq::int, weight, e)).* FROM lv GROUP BY g;
-- the project: every row
SELECT count(*) AS projects,
	   count(*) FILTER (WHERE (p.indicators, p.weight, p.score, p.total, p.weights)
						IS NOT DISTINCT FROM ((s.t).indicators, (s.t).weight, (s.t).score, (s.t).total, s.w)) AS agree
  FROM ps p JOIN (SELECT g, perfeval.sum_scores(e) AS t, sum(weight) AS w FROM lv GROUP BY g) s USING (g);
-- its levels: the rows that apply, as level1_scores and level2_scores add them
SELECT count(*) AS projects,
	   count(*) FILTER (WHERE p.level1::text = s.level1::text AND p.level2::text = s.level2::text) AS agree
  FROM ps p
  JOIN (SELECT g, (SELECT coalesce(array_agg(ROW(l1, NULL, seq, (t).indicators, (t).weight, (t).score)::perfeval_internal.level_sum ORDER BY l1), '{}')
					 FROM (SELECT level1 AS l1, min(seq) AS seq, perfeval.sum_scores(e) AS t FROM lv x
							WHERE x.g = o.g AND x.applicable GROUP BY level1) a) AS level1,
			   (SELECT coalesce(array_agg(ROW(l1, l2, seq, (t).indicators, (t).weight, (t).score)::perfeval_internal.level_sum ORDER BY l1, l2), '{}')
					 FROM (SELECT level1 AS l1, level2 AS l2, min(seq) AS seq, perfeval.sum_scores(e) AS t FROM lv x
							WHERE x.g = o.g AND x.applicable GROUP BY level1, level2) a) AS level2
		  FROM (SELECT DISTINCT g FROM lv) o) s USING (g);
-- one project, as printed
SELECT indicators, weight, score, total, weights, level1, level2 FROM ps WHERE g = 7;
-- no rows: 0 indicators, no sums, no levels
SELECT (perfeval_internal.project_sums(level1, level2, seq::int, weight, e)).* FROM lv WHERE false;
-- a weight a restore let in as NaN: kept as sum() keeps it
SELECT (perfeval_internal.project_sums('一', '二', 1, w, NULL)).weights
  FROM (VALUES (1::numeric), ('NaN')) v(w);
DROP VIEW ps;
DROP TABLE lv;
