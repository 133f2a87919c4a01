-- Section 26: the aggregate behind the totals (src/sumscores.c).

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
