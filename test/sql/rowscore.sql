-- row_score() against the SQL definition it replaces in the views, and
-- row_points() against row_score() times 10^6: the same
-- value (or the same error) for every row of a grid of inputs from every
-- source, method, tier, rounding and rate, including the values the
-- fixed-point path cannot hold (more than six decimals, NaN).
CREATE EXTENSION IF NOT EXISTS perfeval;
SET search_path = public, perfeval;

-- The per-row score as the views would write it in SQL (perfeval 1.0's, with
-- 1.2's rule: a money or survey target not comparable with a rate gives NULL).
CREATE FUNCTION sql_score(weight numeric, applicable boolean, source text,
		target perfeval.target, measure perfeval.measure, tier text, fraction numeric,
		method perfeval.method, deducted numeric, rate numeric,
		reverse text, decimals int, rounding text,
		tier_high numeric, tier_low numeric) RETURNS numeric
	LANGUAGE sql IMMUTABLE AS $$
SELECT CASE
	WHEN NOT applicable THEN NULL
	WHEN source = 'actual' AND tier IS NULL THEN
		perfeval.indicator_score(weight, target, measure, method, reverse, decimals, rounding)
	ELSE perfeval.scheme_round(
		CASE
			WHEN source = 'checklist' THEN greatest(weight - coalesce(deducted, 0), 0)
			WHEN tier IS NOT NULL THEN
				CASE WHEN fraction BETWEEN
							CASE tier WHEN '达成' THEN tier_high WHEN '部分达成' THEN tier_low ELSE 0 END
						AND CASE tier WHEN '达成' THEN 100 WHEN '部分达成' THEN tier_high ELSE tier_low END
					 THEN perfeval.judged_score(weight, tier, fraction, tier_high, tier_low) END
			ELSE perfeval.score(weight, c.completion, method) END,
		decimals, CASE rounding WHEN 'truncate' THEN 0 ELSE 0.5 * 0.1 ^ decimals END)
	END
  FROM (SELECT CASE WHEN source IN ('arrival_rate', 'execution_rate', 'survey')
			THEN rate END AS rate) r
 CROSS JOIN LATERAL (SELECT CASE
			WHEN source = 'checklist' OR NOT applicable THEN NULL
			WHEN tier IS NOT NULL THEN fraction
			WHEN source = 'actual' THEN
				CASE WHEN perfeval.comparable(target, measure)
					 THEN perfeval.completion(target, measure, reverse) END
			WHEN target IS NULL THEN r.rate
			WHEN perfeval.comparable(target, (r.rate::text || '%')::perfeval.measure)
			THEN perfeval.completion(target, (r.rate::text || '%')::perfeval.measure, reverse)
			END AS completion) c
$$;

-- A value or an error, as text, for comparing the two.
CREATE FUNCTION outcome(q text, VARIADIC args text[]) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	r numeric;
BEGIN
	EXECUTE q INTO r USING args[1]::numeric, args[2]::boolean, args[3], args[4]::perfeval.target,
		args[5]::perfeval.measure, args[6], args[7]::numeric, args[8]::perfeval.method,
		args[9]::numeric, args[10]::numeric, args[11], args[12]::int, args[13],
		args[14]::numeric, args[15]::numeric;
	RETURN coalesce(r::text, 'NULL');
EXCEPTION WHEN OTHERS THEN
	RETURN 'ERROR ' || SQLSTATE || ' ' || SQLERRM;
END $$;

CREATE TEMP TABLE grid AS
WITH d AS (
	SELECT ARRAY['10', '2.5', '6', '0.333333', '3.1234567', '100', '12345678.5', '0.000001', '10000.0001',
				 '2.5' || repeat('0', 70)] AS weights,
		   ARRAY['actual', 'actual', 'actual', 'checklist', 'survey', 'arrival_rate', 'execution_rate'] AS sources,
		   ARRAY[NULL, '≥100', '≤50天', '=95%', '≥90%', '稳步增长', '≥2000万元/家', '100%', '≤5%', '>0']
			   AS targets,
		   ARRAY[NULL, '120', '40天', '98.5%', '达成', '1500万元/家', '0', '60天', '3.123456%', '100']
			   AS measures,
		   ARRAY[NULL, NULL, NULL, NULL, '达成', '达成', '部分达成', '部分达成', '未达成', '未达成'] AS tiers,
		   ARRAY[NULL, '85', '95', '70', '65', '30', '100', '0', '80', '60.1234567', '99.999999', '79.99'] AS fractions,
		   ARRAY['proportional', 'floor:60', 'all_or_nothing', 'deduct:1/5', '低于80%不得分'] AS methods,
		   ARRAY[NULL, '0', '1.5', '20', '0.00000001', '1234.5678', '-3', '0.000100'] AS deducted,
		   ARRAY[NULL, '86.4', '101.123456', '0', '0.000001', '99999.99', 'NaN', '2855.55',
				 '1234567890123.5', '12.3456789'] AS rates,
		   ARRAY['ratio', 'linear'] AS reverses,
		   ARRAY['0', '1', '2', '6'] AS decimals,
		   ARRAY['half_up', 'truncate'] AS roundings,
		   ARRAY['80,60', '85,70', '100,0'] AS bounds)
SELECT n,
	   weights[1 + abs(hashint4(n * 16 + 1)) % cardinality(weights)] AS weight,
	   (abs(hashint4(n * 16 + 2)) % 13 <> 0)::text AS applicable,
	   sources[1 + abs(hashint4(n * 16 + 3)) % cardinality(sources)] AS source,
	   targets[1 + abs(hashint4(n * 16 + 4)) % cardinality(targets)] AS target,
	   measures[1 + abs(hashint4(n * 16 + 5)) % cardinality(measures)] AS measure,
	   tiers[1 + abs(hashint4(n * 16 + 6)) % cardinality(tiers)] AS tier,
	   fractions[1 + abs(hashint4(n * 16 + 7)) % cardinality(fractions)] AS fraction,
	   methods[1 + abs(hashint4(n * 16 + 8)) % cardinality(methods)] AS method,
	   deducted[1 + abs(hashint4(n * 16 + 9)) % cardinality(deducted)] AS deducted,
	   rates[1 + abs(hashint4(n * 16 + 10)) % cardinality(rates)] AS rate,
	   reverses[1 + abs(hashint4(n * 16 + 13)) % cardinality(reverses)] AS reverse,
	   decimals[1 + abs(hashint4(n * 16 + 14)) % cardinality(decimals)] AS decimals,
	   roundings[1 + abs(hashint4(n * 16 + 15)) % cardinality(roundings)] AS rounding,
	   string_to_array(bounds[1 + abs(hashint4(n * 16)) % cardinality(bounds)], ',') AS bounds
  FROM d, generate_series(1, 30000) n;

CREATE TEMP TABLE outcomes AS
SELECT g.n, g.source, g.tier IS NOT NULL AS judged,
	   outcome(f.q, g.weight, g.applicable, g.source, g.target, g.measure, g.tier, g.fraction,
			   g.method, g.deducted, g.rate, g.reverse, g.decimals, g.rounding, g.bounds[1],
			   g.bounds[2]) AS c_path,
	   outcome(s.q, g.weight, g.applicable, g.source, g.target, g.measure, g.tier, g.fraction,
			   g.method, g.deducted, g.rate, g.reverse, g.decimals, g.rounding, g.bounds[1],
			   g.bounds[2]) AS sql_path,
	   outcome(pt.q, g.weight, g.applicable, g.source, g.target, g.measure, g.tier, g.fraction,
			   g.method, g.deducted, g.rate, g.reverse, g.decimals, g.rounding, g.bounds[1],
			   g.bounds[2]) AS points_path
  FROM grid g,
	   (SELECT 'SELECT perfeval.row_score($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)' AS q) f,
	   (SELECT 'SELECT sql_score($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)' AS q) s,
	   (SELECT 'SELECT trim_scale(perfeval.row_points($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) * 0.000001)' AS q) pt;

-- Every case agrees; each source and path is exercised (scored, NULL and
-- error outcomes alike).
SELECT count(*) AS cases, count(*) FILTER (WHERE c_path = sql_path) AS agree,
	   count(*) FILTER (WHERE points_path = c_path) AS points_agree
  FROM outcomes;
SELECT source, judged,
	   count(*) FILTER (WHERE sql_path NOT IN ('NULL') AND sql_path NOT LIKE 'ERROR%') > 100 AS many_scored,
	   count(*) FILTER (WHERE sql_path = 'NULL') > 0 AS some_null,
	   count(DISTINCT sql_path) > 20 AS varied
  FROM outcomes
 GROUP BY 1, 2
 ORDER BY 1, 2;
SELECT DISTINCT regexp_replace(sql_path, '"[^"]*"', '"…"', 'g') AS errors_both_raise
  FROM outcomes
 WHERE sql_path LIKE 'ERROR%'
 ORDER BY 1;
-- the first disagreements, if any
SELECT g.*, o.c_path, o.sql_path, o.points_path
  FROM outcomes o JOIN grid g USING (n)
 WHERE o.c_path IS DISTINCT FROM o.sql_path OR o.c_path IS DISTINCT FROM o.points_path
 ORDER BY n
 LIMIT 10;
