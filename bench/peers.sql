-- bench/peers.sql: what perfeval is measured against, on the same rows.
--
--   peer.*_sql      plain SQL: targets kept as text, parsed with regexp_match,
--                   scored with CASE (what an analyst writes without perfeval)
--   peer.*_plpgsql  the same rules in a PL/pgSQL function called per row
--   floor.*         the shape of perfeval's views (the indicator rows
--                   joined to their project, scheme and the state perfeval
--                   keeps of the project's facts, the same grouping) over
--                   perfeval's own tables, with the scoring replaced by
--                   sum(weight); floor.bare is the bare GROUP BY project
--                   scan of the indicator table.
--
-- The rules are those of sql/50_views.sql (indicator_scores_as_of and
-- project_scores_as_of): completion (more is better: actual / target; less is
-- better: 100 when met, else target / actual or linear to 0 at twice the
-- target), money in 元 / 万元 / 亿元, a bare number taking the other side's
-- unit, rates from money and surveys, judged tiers, checklist deductions,
-- the four scoring methods, rounding per scheme (once), not-applicable
-- rescaling.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;

-- ---------------------------------------------------------------------------
-- Inputs per indicator, text-only tables: the joins every peer shares.
CREATE VIEW peer.indicator_inputs AS
SELECT i.project_id, i.code, i.level1, i.weight, i.applicable, i.source, i.target,
	   i.method, a.measure, a.tier, a.fraction, k.deducted, s.reverse_rule,
	   s.tier_high, s.tier_low, s.decimals, s.rounding,
	   CASE i.source
		   WHEN 'arrival_rate' THEN
			   CASE WHEN m.budget <> 0 THEN trim_scale(round(m.arrived * 100 / m.budget, 6)) END
		   WHEN 'execution_rate' THEN
			   CASE WHEN (CASE s.execution_base WHEN 'budget' THEN m.budget
							  WHEN 'initial' THEN m.initial_budget ELSE m.arrived END) <> 0
					THEN trim_scale(round(m.spent * 100 / CASE s.execution_base WHEN 'budget' THEN m.budget
							  WHEN 'initial' THEN m.initial_budget ELSE m.arrived END, 6)) END
		   WHEN 'survey' THEN
			   CASE WHEN v.complete AND v.total > 0
					THEN trim_scale(round(v.weighted * 100 / v.total, 6)) END
	   END AS rate
  FROM peer.indicator i
  JOIN peer.project p ON p.project_id = i.project_id
  JOIN peer.scheme s ON s.scheme_id = p.scheme_id
  LEFT JOIN (SELECT DISTINCT ON (a.project_id, a.code) a.project_id, a.code, a.measure,
					a.tier, a.fraction
			   FROM peer.actual a
			  ORDER BY a.project_id, a.code, a.reported_on DESC) a
		 ON a.project_id = i.project_id AND a.code = i.code
  LEFT JOIN (SELECT cp.project_id, cp.code, sum(cp.deduction) AS deducted
			   FROM peer.checklist_point cp
			  GROUP BY cp.project_id, cp.code) k
		 ON k.project_id = i.project_id AND k.code = i.code
  LEFT JOIN (SELECT sr.project_id, sr.code, sum(sr.respondents) AS total,
					sum(sr.respondents * coalesce(sr.coefficient,
												  ss.satisfaction_coefficients[sr.option_no])) AS weighted,
					bool_and(coalesce(sr.coefficient, ss.satisfaction_coefficients[sr.option_no])
							 IS NOT NULL) AS complete
			   FROM peer.survey_response sr
			   JOIN peer.project sp ON sp.project_id = sr.project_id
			   JOIN peer.scheme ss ON ss.scheme_id = sp.scheme_id
			  GROUP BY sr.project_id, sr.code) v
		 ON v.project_id = i.project_id AND v.code = i.code
  LEFT JOIN (SELECT al.project_id,
					sum(CASE al.unit WHEN '元' THEN al.initial_budget * 0.0001
						WHEN '亿元' THEN al.initial_budget * 10000 ELSE al.initial_budget END) AS initial_budget,
					sum(CASE al.unit WHEN '元' THEN al.budget * 0.0001
						WHEN '亿元' THEN al.budget * 10000 ELSE al.budget END) AS budget,
					sum(CASE al.unit WHEN '元' THEN al.arrived * 0.0001
						WHEN '亿元' THEN al.arrived * 10000 ELSE al.arrived END) AS arrived,
					sum(CASE al.unit WHEN '元' THEN al.spent * 0.0001
						WHEN '亿元' THEN al.spent * 10000 ELSE al.spent END) AS spent
			   FROM peer.allocation al
			  GROUP BY al.project_id) m
		 ON m.project_id = i.project_id;

-- ---------------------------------------------------------------------------
-- Plain SQL: regexp_match and CASE.
-- Each stage is a derived table with OFFSET 0, as an analyst learns to write
-- it: without the fence the planner pulls the stages up and copies the
-- regexp_match() calls into every reference (the expression grows
-- exponentially and JIT compiles it for minutes).
CREATE VIEW peer.indicator_scores_sql AS
SELECT c.project_id, c.code, c.level1, c.weight, c.applicable,
	   CASE c.rounding WHEN 'truncate' THEN trunc(sc.score, c.decimals)
		   ELSE round(sc.score, c.decimals) END AS score
  FROM (SELECT q.*,
			   CASE WHEN q.source = 'checklist' OR NOT q.applicable THEN NULL
					WHEN q.tier IS NOT NULL THEN q.fraction
					WHEN q.target IS NULL AND q.source <> 'actual' THEN q.rate
					WHEN q.tv IS NULL OR q.av IS NULL THEN NULL
					WHEN q.cmp = 'le' THEN
						CASE WHEN q.av <= q.tv THEN 100
							 WHEN q.tv <= 0 THEN 0
							 WHEN q.reverse_rule = 'linear' THEN greatest(round((2 * q.tv - q.av) * 100 / q.tv, 6), 0)
							 ELSE round(q.tv * 100 / q.av, 6) END
					WHEN q.tv <= 0 THEN
						CASE WHEN q.av >= q.tv AND (q.cmp = 'ge' OR q.av = q.tv) THEN 100 ELSE 0 END
					ELSE round(q.av * 100 / q.tv, 6) END AS c
		  FROM (SELECT re.*,
					   CASE WHEN re.tm[3] LIKE '%以上' OR re.tm[1] IN ('≥', '>=', '不低于', '不少于') THEN 'ge'
							WHEN re.tm[3] LIKE '%以下' OR re.tm[1] IN ('≤', '<=', '不超过', '不高于') THEN 'le'
							ELSE 'eq' END AS cmp,
					   re.tm[2]::numeric * CASE WHEN re.tu IS NULL OR re.au IS NULL THEN 1
							ELSE CASE re.tu WHEN '万元' THEN 10000 WHEN '亿元' THEN 100000000
								 WHEN '万元/家' THEN 10000 ELSE 1 END END AS tv,
					   re.am[1]::numeric * CASE WHEN re.tu IS NULL OR re.au IS NULL THEN 1
							ELSE CASE re.au WHEN '万元' THEN 10000 WHEN '亿元' THEN 100000000
								 WHEN '万元/家' THEN 10000 ELSE 1 END END AS av
				  FROM (SELECT r0.*, nullif(regexp_replace(r0.tm[3], '(以上|以下)$', ''), '') AS tu,
							   nullif(r0.am[2], '') AS au
				  FROM (SELECT x.*,
							   regexp_match(x.target, '^\s*([^0-9\s]*)\s*([0-9.]+)\s*([^0-9\s]*)\s*$') AS tm,
							   CASE WHEN x.source = 'actual'
									THEN regexp_match(x.measure, '^=?\s*([0-9.]+)\s*([^0-9\s]*)\s*$')
									ELSE ARRAY[x.rate::text, '%'] END AS am
						  FROM peer.indicator_inputs x
						OFFSET 0) r0) re
				OFFSET 0) q
		OFFSET 0) c
 CROSS JOIN LATERAL (SELECT
		CASE WHEN NOT c.applicable THEN NULL
			 WHEN c.source = 'checklist' THEN greatest(c.weight - coalesce(c.deducted, 0), 0)
			 WHEN c.tier IS NOT NULL THEN
				 CASE WHEN c.fraction BETWEEN
						   CASE c.tier WHEN '达成' THEN c.tier_high WHEN '部分达成' THEN c.tier_low ELSE 0 END
					   AND CASE c.tier WHEN '达成' THEN 100 WHEN '部分达成' THEN c.tier_high ELSE c.tier_low END
					  THEN c.weight * c.fraction / 100 END
			 WHEN c.c IS NULL THEN NULL
			 WHEN c.method LIKE 'floor:%' AND c.c < split_part(c.method, ':', 2)::numeric THEN 0
			 WHEN c.method IN ('all_or_nothing', '达标得满分') THEN
				 CASE WHEN c.c >= 100 THEN c.weight ELSE 0 END
			 WHEN c.method LIKE 'deduct:%' THEN
				 CASE WHEN c.c >= 100 THEN c.weight
					  ELSE greatest(c.weight - split_part(split_part(c.method, ':', 2), '/', 1)::numeric
							 * (100 - c.c) / split_part(c.method, '/', 2)::numeric, 0) END
			 WHEN c.c <= 0 THEN 0
			 WHEN c.c >= 100 THEN c.weight
			 ELSE c.weight * c.c / 100 END AS score) sc;

-- ---------------------------------------------------------------------------
-- PL/pgSQL: the same rules, one call per indicator row.
CREATE FUNCTION peer.indicator_score(weight numeric, target text, measure text, method text,
		source text, applicable boolean, tier text, fraction numeric, deducted numeric,
		rate numeric, reverse_rule text, tier_high numeric, tier_low numeric,
		decimals int, rounding text)
	RETURNS numeric LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS
$$
DECLARE
	tm text[];
	am text[];
	cmp text;
	tv numeric;
	av numeric;
	c numeric;
	s numeric;
	k numeric;
	pp numeric;
BEGIN
	IF NOT applicable THEN
		RETURN NULL;
	END IF;
	IF source = 'checklist' THEN
		s := greatest(weight - coalesce(deducted, 0), 0);
	ELSIF tier IS NOT NULL THEN
		IF tier = '达成' AND fraction BETWEEN tier_high AND 100
		   OR tier = '部分达成' AND fraction BETWEEN tier_low AND tier_high
		   OR tier = '未达成' AND fraction BETWEEN 0 AND tier_low THEN
			s := weight * fraction / 100;
		ELSE
			RETURN NULL;
		END IF;
	ELSE
		IF target IS NULL AND source <> 'actual' THEN
			c := rate;
		ELSE
			tm := regexp_match(target, '^\s*([^0-9\s]*)\s*([0-9.]+)\s*([^0-9\s]*)\s*$');
			IF source = 'actual' THEN
				am := regexp_match(measure, '^=?\s*([0-9.]+)\s*([^0-9\s]*)\s*$');
			ELSE
				am := ARRAY[rate::text, '%'];
			END IF;
			IF tm IS NULL OR am IS NULL OR am[1] IS NULL THEN
				RETURN NULL;
			END IF;
			IF tm[3] LIKE '%以上' OR tm[1] IN ('≥', '>=', '不低于', '不少于') THEN
				cmp := 'ge';
			ELSIF tm[3] LIKE '%以下' OR tm[1] IN ('≤', '<=', '不超过', '不高于') THEN
				cmp := 'le';
			ELSE
				cmp := 'eq';
			END IF;
			tv := tm[2]::numeric;
			av := am[1]::numeric;
			tm[3] := nullif(regexp_replace(tm[3], '(以上|以下)$', ''), '');
			am[2] := nullif(am[2], '');
			IF tm[3] IS NOT NULL AND am[2] IS NOT NULL THEN
				tv := tv * CASE tm[3] WHEN '万元' THEN 10000 WHEN '亿元' THEN 100000000
							   WHEN '万元/家' THEN 10000 ELSE 1 END;
				av := av * CASE am[2] WHEN '万元' THEN 10000 WHEN '亿元' THEN 100000000
							   WHEN '万元/家' THEN 10000 ELSE 1 END;
			END IF;
			IF cmp = 'le' THEN
				IF av <= tv THEN
					c := 100;
				ELSIF tv <= 0 THEN
					c := 0;
				ELSIF reverse_rule = 'linear' THEN
					c := greatest(round((2 * tv - av) * 100 / tv, 6), 0);
				ELSE
					c := round(tv * 100 / av, 6);
				END IF;
			ELSIF tv <= 0 THEN
				c := CASE WHEN av >= tv AND (cmp = 'ge' OR av = tv) THEN 100 ELSE 0 END;
			ELSE
				c := round(av * 100 / tv, 6);
			END IF;
		END IF;
		IF c IS NULL THEN
			RETURN NULL;
		END IF;
		IF method LIKE 'floor:%' AND c < split_part(method, ':', 2)::numeric THEN
			s := 0;
		ELSIF method IN ('all_or_nothing', '达标得满分') THEN
			s := CASE WHEN c >= 100 THEN weight ELSE 0 END;
		ELSIF method LIKE 'deduct:%' THEN
			IF c >= 100 THEN
				s := weight;
			ELSE
				k := split_part(split_part(method, ':', 2), '/', 1)::numeric;
				pp := split_part(method, '/', 2)::numeric;
				s := greatest(weight - k * (100 - c) / pp, 0);
			END IF;
		ELSIF c <= 0 THEN
			s := 0;
		ELSIF c >= 100 THEN
			s := weight;
		ELSE
			s := weight * c / 100;
		END IF;
	END IF;
	IF rounding = 'truncate' THEN
		RETURN trunc(s, decimals);
	END IF;
	RETURN round(s, decimals);
END
$$;

CREATE VIEW peer.indicator_scores_plpgsql AS
SELECT x.project_id, x.code, x.level1, x.weight, x.applicable,
	   peer.indicator_score(x.weight, x.target, x.measure, x.method, x.source, x.applicable,
							x.tier, x.fraction, x.deducted, x.rate, x.reverse_rule,
							x.tier_high, x.tier_low, x.decimals, x.rounding) AS score
  FROM peer.indicator_inputs x;

-- ---------------------------------------------------------------------------
-- Totals, level 1 and grades on top of either peer (project_scores_as_of's
-- rules: NULL unless every applicable indicator scored; rescaled to 100 when
-- some do not apply; rounded per scheme; graded by the scheme's bands).
CREATE FUNCTION peer.grade(total numeric, s peer.scheme) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN CASE WHEN total IS NULL THEN NULL WHEN total >= s.t1 THEN s.g1
		WHEN total >= s.t2 THEN s.g2 WHEN total >= s.t3 THEN s.g3 ELSE s.g4 END;

CREATE VIEW peer.project_scores_sql AS
SELECT p.project_id, t0.indicators, t0.weight, t.total, peer.grade(t.total, s) AS grade
  FROM peer.project p
  JOIN peer.scheme s ON s.scheme_id = p.scheme_id
  LEFT JOIN (SELECT x.project_id, count(*) AS indicators,
					sum(x.weight) FILTER (WHERE x.applicable) AS weight,
					CASE WHEN count(x.score) = count(*) FILTER (WHERE x.applicable) AND count(x.score) > 0
						 THEN CASE WHEN bool_and(x.applicable) THEN sum(x.score)
							  ELSE sum(x.score) * 100 / sum(x.weight) FILTER (WHERE x.applicable) END
					END AS total_raw
			   FROM peer.indicator_scores_sql x
			  GROUP BY x.project_id) t0 ON t0.project_id = p.project_id
 CROSS JOIN LATERAL (SELECT CASE s.rounding WHEN 'truncate' THEN trunc(t0.total_raw, s.decimals)
						ELSE round(t0.total_raw, s.decimals) END AS total) t;

CREATE VIEW peer.project_scores_plpgsql AS
SELECT p.project_id, t0.indicators, t0.weight, t.total, peer.grade(t.total, s) AS grade
  FROM peer.project p
  JOIN peer.scheme s ON s.scheme_id = p.scheme_id
  LEFT JOIN (SELECT x.project_id, count(*) AS indicators,
					sum(x.weight) FILTER (WHERE x.applicable) AS weight,
					CASE WHEN count(x.score) = count(*) FILTER (WHERE x.applicable) AND count(x.score) > 0
						 THEN CASE WHEN bool_and(x.applicable) THEN sum(x.score)
							  ELSE sum(x.score) * 100 / sum(x.weight) FILTER (WHERE x.applicable) END
					END AS total_raw
			   FROM peer.indicator_scores_plpgsql x
			  GROUP BY x.project_id) t0 ON t0.project_id = p.project_id
 CROSS JOIN LATERAL (SELECT CASE s.rounding WHEN 'truncate' THEN trunc(t0.total_raw, s.decimals)
						ELSE round(t0.total_raw, s.decimals) END AS total) t;

CREATE VIEW peer.level1_scores_sql AS
SELECT x.project_id, x.level1, count(*) AS indicators, sum(x.weight) AS weight,
	   CASE WHEN count(x.score) = count(*) THEN sum(x.score) END AS score
  FROM peer.indicator_scores_sql x
 WHERE x.applicable
 GROUP BY x.project_id, x.level1;

CREATE VIEW peer.level1_scores_plpgsql AS
SELECT x.project_id, x.level1, count(*) AS indicators, sum(x.weight) AS weight,
	   CASE WHEN count(x.score) = count(*) THEN sum(x.score) END AS score
  FROM peer.indicator_scores_plpgsql x
 WHERE x.applicable
 GROUP BY x.project_id, x.level1;

-- ---------------------------------------------------------------------------
-- The floor: perfeval's view shape over perfeval's tables, no scoring.
DROP SCHEMA IF EXISTS floor CASCADE;
CREATE SCHEMA floor;

-- The input joins of perfeval_internal.indicator_rows (the indicator row,
-- its project's kept state and scheme), and every input the scoring reads
-- handed to one trivial call per row (num_nulls()): the planner reads, and
-- the executor fetches, what perfeval.evaluate() is given -- everything but
-- the scoring itself.
CREATE VIEW floor.indicator_inputs AS
SELECT i.project_id, i.code, i.level1, i.weight, i.applicable,
	   num_nulls(i.weight, i.applicable, i.source, i.target, i.method, i.printed_score, i.code,
				 s.rules, st.actuals, st.checklist, st.survey, st.money_initial_budget,
				 st.money_budget, st.money_arrived, st.money_spent, 'infinity'::date) AS joined
  FROM perfeval.indicator i
  JOIN perfeval_internal.project_state st ON st.project_id = i.project_id
  JOIN perfeval.scheme s ON s.scheme_id = st.scheme_id;

CREATE VIEW floor.project_scores AS
SELECT p.project_id, p.scheme_id, coalesce(t0.indicators, 0) AS indicators, t0.weight,
	   t0.weight AS total, NULL::text AS grade, t0.joined,
	   d1.name AS province_name, d2.name AS prefecture_name, d3.name AS county_name
  FROM perfeval.project p
  JOIN perfeval.scheme s ON s.scheme_id = p.scheme_id
  -- the division names, as perfeval.project_scores joins them (1.5)
  LEFT JOIN perfeval.division d1 ON d1.code = perfeval.division_at(p.division_code, 'province')
  LEFT JOIN perfeval.division d2 ON d2.code = perfeval.division_at(p.division_code, 'prefecture')
  LEFT JOIN perfeval.division d3 ON d3.code = perfeval.division_at(p.division_code, 'county')
  LEFT JOIN (SELECT x.project_id, count(*) AS indicators,
					sum(x.weight) FILTER (WHERE x.joined >= 0) AS weight,
					sum(x.joined) AS joined
			   FROM floor.indicator_inputs x
			  GROUP BY x.project_id) t0 ON t0.project_id = p.project_id;

CREATE VIEW floor.level1_scores AS
SELECT x.project_id, x.level1, count(*) AS indicators, sum(x.weight) AS weight,
	   sum(x.weight) FILTER (WHERE x.joined >= 0) AS score, sum(x.joined) AS joined
  FROM floor.indicator_inputs x
 WHERE x.applicable
 GROUP BY x.project_id, x.level1;

CREATE VIEW floor.bare AS
SELECT i.project_id, sum(i.weight) AS total
  FROM perfeval.indicator i
 GROUP BY i.project_id;

-- The roll-ups of sql/70_rollups.sql over the floor's totals.
CREATE VIEW floor.project_facts AS
SELECT ps.project_id, p.year, p.division_code,
	   left(p.division_code, 2) || '0000' AS province,
	   CASE WHEN substr(p.division_code, 3, 2) <> '00' THEN left(p.division_code, 4) || '00' END AS prefecture,
	   CASE WHEN right(p.division_code, 2) <> '00' THEN p.division_code END AS county,
	   p.department, ps.total AS final_score, ps.grade AS final_grade,
	   m.money_budget AS budget, m.money_arrived AS arrived, m.money_spent AS spent
  FROM floor.project_scores ps
  JOIN perfeval.project p ON p.project_id = ps.project_id
  LEFT JOIN perfeval_internal.project_state m ON m.project_id = ps.project_id;

CREATE VIEW floor.rollup_region AS
SELECT g.year, g.level, g.division_code, d.name AS division_name, g.projects, g.mean_score,
	   g.budget, g.spent
  FROM (SELECT f.year, l.level, l.division_code,
			   count(*) AS projects,
			   count(*) FILTER (WHERE f.final_grade LIKE '优%') AS grade_excellent,
			   round(avg(f.final_score), 2) AS mean_score,
			   sum(f.budget) AS budget, sum(f.spent) AS spent
		  FROM floor.project_facts f
		 CROSS JOIN LATERAL unnest(ARRAY['province', 'prefecture', 'county'],
								   ARRAY[f.province, f.prefecture, f.county]) AS l(level, division_code)
		 WHERE l.division_code IS NOT NULL
		 GROUP BY f.year, l.level, l.division_code) g
  LEFT JOIN perfeval.division d ON d.code = g.division_code;

CREATE VIEW floor.rollup_department AS
SELECT f.year, f.department, count(*) AS projects,
	   count(*) FILTER (WHERE f.final_grade LIKE '优%') AS grade_excellent,
	   round(avg(f.final_score), 2) AS mean_score,
	   sum(f.budget) AS budget, sum(f.spent) AS spent
  FROM floor.project_facts f
 GROUP BY f.year, f.department;
