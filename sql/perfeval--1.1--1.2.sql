-- perfeval 1.1 -> 1.2: the totals add up scores with one aggregate,
-- sum_scores(), instead of five, so row_points() is evaluated once per row
-- (docs/benchmarks.md).  Nothing stored changes.

\echo Use "ALTER EXTENSION perfeval UPDATE TO '1.2'" to load this file. \quit

-- Section 26 as in 1.2.
-- What sum_scores() gives a group of indicator rows.
CREATE TYPE perfeval.scores_summed AS (
	indicators bigint,	-- rows
	applicable bigint,	-- rows that apply
	weight numeric,		-- their weight; NULL for none
	score numeric		-- their score; NULL unless every one has points, and for none
);

CREATE FUNCTION perfeval.sum_scores_trans(internal, points bigint, applicable boolean, weight numeric)
	RETURNS internal
	AS 'MODULE_PATHNAME', 'pe_sum_scores_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION perfeval.sum_scores_combine(internal, internal) RETURNS internal
	AS 'MODULE_PATHNAME', 'pe_sum_scores_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION perfeval.sum_scores_serial(internal) RETURNS bytea
	AS 'MODULE_PATHNAME', 'pe_sum_scores_serial' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.sum_scores_deserial(bytea, internal) RETURNS internal
	AS 'MODULE_PATHNAME', 'pe_sum_scores_deserial' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.sum_scores_final(internal) RETURNS perfeval.scores_summed
	AS 'MODULE_PATHNAME', 'pe_sum_scores_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;

-- One aggregate instead of count(*), sum(weight) FILTER (WHERE applicable),
-- count(points), sum(points) and bool_and(applicable): row_points(), its
-- argument, is then evaluated once per row.  Points of rows that do not
-- apply are ignored.
CREATE AGGREGATE perfeval.sum_scores(points bigint, applicable boolean, weight numeric) (
	SFUNC = perfeval.sum_scores_trans,
	STYPE = internal,
	SSPACE = 64,
	COMBINEFUNC = perfeval.sum_scores_combine,
	SERIALFUNC = perfeval.sum_scores_serial,
	DESERIALFUNC = perfeval.sum_scores_deserial,
	FINALFUNC = perfeval.sum_scores_final,
	PARALLEL = SAFE
);

COMMENT ON TYPE perfeval.scores_summed IS '一组指标的合计：行数、适用行数、分值、得分 / A group of indicator rows summed: rows, applicable rows, their weight and score';
COMMENT ON COLUMN perfeval.scores_summed.indicators IS '指标行数 / Rows';
COMMENT ON COLUMN perfeval.scores_summed.applicable IS '适用的指标行数 / Rows that apply';
COMMENT ON COLUMN perfeval.scores_summed.weight IS '适用指标的分值合计 / Weight of the rows that apply';
COMMENT ON COLUMN perfeval.scores_summed.score IS '适用指标的得分合计；有未能计分者为空 / Score of the rows that apply; NULL if one has no score';
COMMENT ON AGGREGATE perfeval.sum_scores(bigint, boolean, numeric) IS '汇总指标得分（row_points()）、分值与行数 / Sums row_points(), weights and rows of a group of indicators';
COMMENT ON FUNCTION perfeval.sum_scores_trans(internal, bigint, boolean, numeric) IS 'sum_scores() 的状态转移（内部） / sum_scores() transition (internal)';
COMMENT ON FUNCTION perfeval.sum_scores_combine(internal, internal) IS 'sum_scores() 的并行合并（内部） / sum_scores() combine (internal)';
COMMENT ON FUNCTION perfeval.sum_scores_serial(internal) IS 'sum_scores() 的状态序列化（内部） / sum_scores() state serialization (internal)';
COMMENT ON FUNCTION perfeval.sum_scores_deserial(bytea, internal) IS 'sum_scores() 的状态反序列化（内部） / sum_scores() state deserialization (internal)';
COMMENT ON FUNCTION perfeval.sum_scores_final(internal) IS 'sum_scores() 的结果（内部） / sum_scores() result (internal)';

-- The level and project totals over sum_scores() (section 50).
CREATE OR REPLACE FUNCTION perfeval.level2_scores_as_of(as_of date)
	RETURNS TABLE (project_id text, level1 text, level2 text, seq int, indicators bigint,
				   weight numeric, score numeric, score_rate numeric)
	LANGUAGE sql STABLE PARALLEL SAFE
	BEGIN ATOMIC
	SELECT g.project_id, g.level1, g.level2, g.seq, (g.t).indicators, (g.t).weight, (g.t).score,
		   perfeval.rate((g.t).score, (g.t).weight)
	  FROM (SELECT x.project_id, x.level1, x.level2, min(x.seq) AS seq,
				   perfeval.sum_scores(x.points, x.applicable, x.weight) AS t
			  FROM perfeval.indicator_points_as_of(as_of) x
			 WHERE x.applicable
			 GROUP BY x.project_id, x.level1, x.level2) g;
	END;

CREATE OR REPLACE FUNCTION perfeval.level1_scores_as_of(as_of date)
	RETURNS TABLE (project_id text, level1 text, seq int, indicators bigint,
				   weight numeric, score numeric, score_rate numeric)
	LANGUAGE sql STABLE PARALLEL SAFE
	BEGIN ATOMIC
	SELECT g.project_id, g.level1, g.seq, (g.t).indicators, (g.t).weight, (g.t).score,
		   perfeval.rate((g.t).score, (g.t).weight)
	  FROM (SELECT x.project_id, x.level1, min(x.seq) AS seq,
				   perfeval.sum_scores(x.points, x.applicable, x.weight) AS t
			  FROM perfeval.indicator_points_as_of(as_of) x
			 WHERE x.applicable
			 GROUP BY x.project_id, x.level1) g;
	END;

CREATE OR REPLACE FUNCTION perfeval.project_scores_as_of(as_of date)
	RETURNS TABLE (project_id text, name text, year int, division_code text,
				   department text, evaluation_kind text, scheme_id text,
				   indicators bigint, weight numeric, total numeric, grade text,
				   printed_total numeric, printed_grade text, difference numeric,
				   grade_agrees boolean, final_score numeric, final_grade text)
	LANGUAGE sql STABLE PARALLEL SAFE
	BEGIN ATOMIC
	SELECT p.project_id, p.name, p.year, p.division_code, p.department, p.evaluation_kind,
		   p.scheme_id, coalesce(t.indicators, 0), t.weight, t.total,
		   perfeval.grade(t.total, s.grade_scale), p.printed_total, p.printed_grade,
		   trim_scale(t.total - p.printed_total),
		   starts_with(p.printed_grade, perfeval.grade(coalesce(t.total, p.printed_total), s.grade_scale)),
		   coalesce(t.total, p.printed_total),
		   perfeval.grade(coalesce(t.total, p.printed_total), s.grade_scale)
	  FROM perfeval.project p
	  JOIN perfeval.scheme s ON s.scheme_id = p.scheme_id
	  -- the score is NULL unless every applicable indicator has one
	  LEFT JOIN (SELECT x.project_id,
						perfeval.sum_scores(x.points, x.applicable, x.weight) AS t
				   FROM perfeval.indicator_points_as_of(as_of) x
				  GROUP BY x.project_id) t0 ON t0.project_id = p.project_id
	  CROSS JOIN LATERAL (SELECT (t0.t).indicators, (t0.t).weight,
								 perfeval.scheme_round(CASE WHEN (t0.t).applicable = (t0.t).indicators
										THEN (t0.t).score
										ELSE (t0.t).score * 100 / (t0.t).weight END,
									s.decimals, s.round_offset) AS total) t;
	END;
