-- row_score() against an independent definition of the rules, written here
-- in plain SQL arithmetic on numerics (no perfeval scoring function: only
-- the accessors comparator(), amount(), unit() and is_qualitative()), and
-- row_points() against row_score() times 10^6: the same value (or the same
-- SQLSTATE) for every row of a grid of inputs from every source, method,
-- tier, rounding and rate, bad values included.
CREATE EXTENSION IF NOT EXISTS perfeval;
SET search_path = public, perfeval;

-- A number perfeval computes with, or its error: 22023 for NaN and the
-- infinities, 22003 beyond six decimals or 999999999999.999999.
CREATE FUNCTION o_exact(x numeric) RETURNS numeric LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
	IF x IS NULL THEN
		RETURN NULL;
	END IF;
	IF x IN ('NaN', 'Infinity', '-Infinity') THEN
		RAISE EXCEPTION 'not finite' USING ERRCODE = '22023';
	END IF;
	IF scale(trim_scale(x)) > 6 OR abs(x) > 999999999999.999999 THEN
		RAISE EXCEPTION 'out of range' USING ERRCODE = '22003';
	END IF;
	RETURN x;
END $$;

-- The units of one side: numerator, denominator, and whether they are
-- units perfeval knows (others compare only with themselves).
CREATE FUNCTION o_unit(u text, OUT num text, OUT per text, OUT known boolean)
	LANGUAGE sql IMMUTABLE AS $$
SELECT split_part(u, '/', 1), split_part(u, '/', 2),
	   split_part(u, '/', 1) = ANY (k) AND (split_part(u, '/', 2) = '' OR split_part(u, '/', 2) = ANY (k))
  FROM (SELECT ARRAY['元', '万元', '亿元', '%', '家', '个', '人', '人次', '次', '种', '条', '辆', '例',
					 '项', '所', '天', '日', '月', '年', '小时'] AS k) x
$$;
CREATE FUNCTION o_dim(u text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
SELECT CASE WHEN u IN ('元', '万元', '亿元') THEN 'money' WHEN u IN ('天', '日') THEN 'day' ELSE u END
$$;
CREATE FUNCTION o_factor(u text) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$
SELECT CASE u WHEN '万元' THEN 10000 WHEN '亿元' THEN 100000000 ELSE 1 END
$$;

-- Completion (percent) and whether the target is met; NULL when the two
-- cannot be compared or the rate does not fit.
CREATE FUNCTION o_completion(t perfeval.target, a perfeval.measure, rev text,
		OUT c numeric, OUT boundary boolean)
	LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
	ut record := o_unit(perfeval.unit(t));
	ua record := o_unit(perfeval.unit(a));
	bare boolean := perfeval.unit(t) = '' OR perfeval.unit(a) = '';
	tv numeric;
	av numeric;
	cmp text := perfeval.comparator(t);
	met boolean;
BEGIN
	IF perfeval.is_qualitative(t) OR perfeval.is_qualitative(a) THEN
		RETURN;
	END IF;
	IF NOT bare THEN
		IF NOT ut.known OR NOT ua.known THEN
			IF perfeval.unit(t) <> perfeval.unit(a) THEN
				RETURN;
			END IF;
		ELSIF o_dim(ut.num) <> o_dim(ua.num)
			OR (ut.num <> ua.num AND o_dim(ut.num) NOT IN ('money', '%', 'day'))
			OR NOT (ut.per = ua.per OR (ut.per <> '' AND ua.per <> '' AND o_dim(ut.per) = o_dim(ua.per)
					AND o_dim(ut.per) IN ('money', '%', 'day') AND o_factor(ut.per) = o_factor(ua.per))) THEN
			RETURN;
		END IF;
	END IF;
	tv := perfeval.amount(t) * CASE WHEN bare THEN 1 ELSE o_factor(ut.num) END;
	av := perfeval.amount(a) * CASE WHEN bare THEN 1 ELSE o_factor(ua.num) END;
	IF cmp IN ('≤', '<') THEN
		met := CASE cmp WHEN '≤' THEN av <= tv ELSE av < tv END;
		c := CASE WHEN met THEN 100 WHEN tv <= 0 THEN 0
			 WHEN rev = 'linear' THEN greatest(round((2 * tv - av) * 100 / tv, 6), 0)
			 ELSE round(tv * 100 / av, 6) END;
	ELSIF tv <= 0 THEN
		met := CASE cmp WHEN '≥' THEN av >= tv WHEN '>' THEN av > tv ELSE av = tv END;
		c := CASE WHEN met THEN 100 ELSE 0 END;
	ELSE
		met := CASE cmp WHEN '>' THEN av > tv ELSE av >= tv END;
		c := round(av * 100 / tv, 6);
	END IF;
	boundary := NOT met AND c >= 100;
	IF boundary THEN
		c := 99.999999;
	END IF;
	IF abs(c) > 999999999999.999999 THEN
		c := NULL;
	END IF;
END $$;

-- The score of one row, the rules written out.
CREATE FUNCTION o_score(weight numeric, applicable boolean, source text,
		target perfeval.target, measure perfeval.measure, tier text, fraction numeric,
		method perfeval.method, deducted numeric, rate numeric,
		reverse text, decimals int, rounding text,
		tier_high numeric, tier_low numeric) RETURNS numeric
	LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
	w numeric;
	hi numeric := coalesce(tier_high, 80);
	lo numeric := coalesce(tier_low, 60);
	m text := method::text;
	c numeric;
	boundary boolean := false;
	x numeric;
	s numeric;
	unit numeric;
	k numeric;
	p numeric;
BEGIN
	IF weight IS NULL OR applicable IS NULL OR source IS NULL OR method IS NULL
	   OR reverse IS NULL OR decimals IS NULL OR rounding IS NULL THEN
		RETURN NULL;
	END IF;
	w := o_exact(weight);
	IF w <= 0 THEN
		RAISE EXCEPTION 'weight' USING ERRCODE = '22023';
	END IF;
	IF source NOT IN ('actual', 'checklist', 'survey', 'arrival_rate', 'execution_rate')
	   OR decimals NOT BETWEEN 0 AND 6 OR rounding NOT IN ('half_up', 'truncate')
	   OR reverse NOT IN ('ratio', 'linear') THEN
		RAISE EXCEPTION 'argument' USING ERRCODE = '22023';
	END IF;
	hi := o_exact(hi);
	lo := o_exact(lo);
	IF NOT (0 < lo AND lo < hi AND hi < 100) THEN
		RAISE EXCEPTION 'tiers' USING ERRCODE = '23514';
	END IF;
	IF tier IS NOT NULL AND tier NOT IN ('达成', '部分达成', '未达成') THEN
		RAISE EXCEPTION 'tier' USING ERRCODE = '22023';
	END IF;
	IF tier IS NOT NULL THEN
		fraction := o_exact(fraction);
	END IF;
	IF o_exact(deducted) < 0 THEN
		RAISE EXCEPTION 'deducted' USING ERRCODE = '22023';
	END IF;
	rate := o_exact(rate);
	IF NOT applicable THEN
		RETURN NULL;
	END IF;

	IF source = 'checklist' THEN
		x := least(greatest(w - coalesce(deducted, 0), 0), w);
	ELSIF tier IS NOT NULL THEN
		IF fraction IS NULL
		   OR fraction < (CASE tier WHEN '达成' THEN hi WHEN '部分达成' THEN lo ELSE 0 END)
		   OR fraction > (CASE tier WHEN '达成' THEN 100 WHEN '部分达成' THEN hi ELSE lo END) THEN
			RETURN NULL;
		END IF;
		x := w * fraction / 100;
	ELSE
		IF source = 'actual' THEN
			IF measure IS NULL OR target IS NULL THEN
				RETURN NULL;
			END IF;
			SELECT o.c, o.boundary INTO c, boundary FROM o_completion(target, measure, reverse) o;
		ELSIF rate IS NULL THEN
			RETURN NULL;
		ELSIF target IS NULL THEN
			c := rate;
		ELSE
			SELECT o.c, o.boundary INTO c, boundary
			  FROM o_completion(target, (trim_scale(rate)::text || '%')::perfeval.measure, reverse) o;
		END IF;
		IF c IS NULL THEN
			RETURN NULL;
		END IF;
		IF m LIKE 'floor:%' AND c < split_part(m, ':', 2)::numeric THEN
			x := 0;
		ELSIF m LIKE 'deduct:%' THEN
			k := split_part(split_part(m, ':', 2), '/', 1)::numeric;
			p := split_part(split_part(m, ':', 2), '/', 2)::numeric;
			x := CASE WHEN c >= 100 THEN w ELSE least(greatest(w - k * (100 - c) / p, 0), w) END;
		ELSIF m = 'all_or_nothing' THEN
			x := CASE WHEN c >= 100 THEN w ELSE 0 END;
		ELSE
			x := w * least(greatest(c, 0), 100) / 100;
		END IF;
	END IF;
	s := CASE rounding WHEN 'truncate' THEN trunc(x, decimals) ELSE round(x, decimals) END;
	IF s > 999999999999.999999 THEN
		RETURN NULL;
	END IF;
	-- a strict target at its bound is not met: one unit of the last decimal short
	unit := 0.1 ^ decimals;
	IF boundary AND s >= w THEN
		s := CASE WHEN w > unit THEN floor((w - 0.000001) / unit) * unit ELSE 0 END;
	END IF;
	RETURN trim_scale(s);
END $$;

-- A value or an error's SQLSTATE, as text, for comparing the two.
CREATE FUNCTION outcome(q text, VARIADIC args text[]) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	r numeric;
BEGIN
	EXECUTE q INTO r USING args[1]::numeric, args[2]::boolean, args[3], args[4]::perfeval.target,
		args[5]::perfeval.measure, args[6], args[7]::numeric, args[8]::perfeval.method,
		args[9]::numeric, args[10]::numeric, args[11], args[12]::int, args[13],
		args[14]::numeric, args[15]::numeric;
	RETURN coalesce(trim_scale(r)::text, 'NULL');
EXCEPTION WHEN OTHERS THEN
	RETURN 'ERROR ' || SQLSTATE;
END $$;

CREATE TEMP TABLE grid AS
WITH d AS (
	SELECT ARRAY['10', '2.5', '6', '0.333333', '3.1234567', '100', '12345678.5', '0.000001', '10000.0001',
				 '2.5' || repeat('0', 70), '-4', '0', 'NaN'] AS weights,
		   ARRAY['actual', 'actual', 'actual', 'checklist', 'survey', 'arrival_rate', 'execution_rate'] AS sources,
		   ARRAY[NULL, '≥100', '≤50天', '=95%', '≥90%', '稳步增长', '≥2000万元/家', '100%', '≤5%', '>0',
				 '>120', '<40天', '≥1亿元', '=0', '≥5公里', '≤7日'] AS targets,
		   ARRAY[NULL, '120', '40天', '98.5%', '达成', '1500万元/家', '0', '60天', '3.123456%', '100',
				 '5000万元', '7天', '5公里', '12家'] AS measures,
		   ARRAY[NULL, NULL, NULL, NULL, '达成', '达成', '部分达成', '部分达成', '未达成', '未达成'] AS tiers,
		   ARRAY[NULL, '85', '95', '70', '65', '30', '100', '0', '80', '60.1234567', '99.999999', '79.99'] AS fractions,
		   ARRAY['proportional', 'floor:60', 'all_or_nothing', 'deduct:1/5', '低于80%不得分',
				 'deduct:1147/4', 'deduct:0.7/3'] AS methods,
		   ARRAY[NULL, '0', '1.5', '20', '0.00000001', '1234.5678', '-3', '0.000100'] AS deducted,
		   ARRAY[NULL, '86.4', '101.123456', '0', '0.000001', '99999.99', 'NaN', '2855.55',
				 '1234567890123.5', '12.3456789', '120', '99.999998'] AS rates,
		   ARRAY['ratio', 'linear'] AS reverses,
		   ARRAY['0', '1', '2', '6'] AS decimals,
		   ARRAY['half_up', 'truncate'] AS roundings,
		   ARRAY['80,60', '85,70', '100,0', '60,80'] AS bounds)
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
	   (SELECT 'SELECT o_score($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)' AS q) s,
	   (SELECT 'SELECT perfeval.row_points($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) * 0.000001' AS q) pt;

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
SELECT DISTINCT sql_path AS errors_both_raise
  FROM outcomes
 WHERE sql_path LIKE 'ERROR%'
 ORDER BY 1;
-- the first disagreements, if any
SELECT g.*, o.c_path, o.sql_path, o.points_path
  FROM outcomes o JOIN grid g USING (n)
 WHERE o.c_path IS DISTINCT FROM o.sql_path OR o.c_path IS DISTINCT FROM o.points_path
 ORDER BY n
 LIMIT 10;

-- indicator_score() is row_score() of a measured actual.
SELECT count(*) AS cases,
	   count(*) FILTER (WHERE perfeval.indicator_score(w, t, a, m, rev, d, rnd)
		   IS NOT DISTINCT FROM o_score(w, true, 'actual', t, a, NULL, NULL, m, NULL, NULL, rev, d, rnd, NULL, NULL)) AS agree
  FROM unnest('{10,18,2.5,0.3,7,100,0.000001}'::numeric[]) AS w,
	   unnest(ARRAY['≥2000万元/家','95','≥95%','≤10天','<3','=0','≥1亿元','=41家','≤-5%','>5']::perfeval.target[]) AS t,
	   unnest(ARRAY['57111万元/家','100%','94.5%','12天','2','0','4999.5万元','40家','-4%','3','5','1999.99万元/家','稳步']::perfeval.measure[]) AS a,
	   unnest(ARRAY['proportional','floor:60','all_or_nothing','deduct:1/5','deduct:0.7/3']::perfeval.method[]) AS m,
	   unnest(ARRAY['ratio','linear']) AS rev,
	   unnest('{0,1,2,6}'::int[]) AS d,
	   unnest(ARRAY['half_up','truncate']) AS rnd;
