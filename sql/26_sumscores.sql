-- Section 26: the aggregate behind the totals (src/sumscores.c).

-- What sum_scores() gives a group of indicator rows.
CREATE TYPE perfeval.scores_summed AS (
	indicators bigint,	-- rows
	applicable bigint,	-- rows that apply
	weight numeric,		-- their weight; NULL for none
	score numeric,		-- their score; NULL unless every one has points, and for none
	total numeric		-- the score, rescaled to 100 when rows do not apply, rounded by the scheme
);

CREATE FUNCTION perfeval.sum_scores_trans(perfeval.score_sum, points bigint, applicable boolean,
		weight numeric) RETURNS perfeval.score_sum
	AS 'MODULE_PATHNAME', 'sum_scores_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION perfeval.sum_scores_combine(perfeval.score_sum, perfeval.score_sum)
	RETURNS perfeval.score_sum
	AS 'MODULE_PATHNAME', 'sum_scores_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.sum_scores_final(perfeval.score_sum) RETURNS perfeval.scores_summed
	AS 'MODULE_PATHNAME', 'sum_scores_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- One aggregate instead of count(*), sum(weight) FILTER (WHERE applicable),
-- count(points), sum(points) and bool_and(applicable), so that the points,
-- its argument, are computed once per row.  Points of rows that do not
-- apply are ignored.  Its state is a plain value with a combine function:
-- parallel workers and Citus workers aggregate partially and the partial
-- states are combined.
CREATE AGGREGATE perfeval.sum_scores(points bigint, applicable boolean, weight numeric) (
	SFUNC = perfeval.sum_scores_trans,
	STYPE = perfeval.score_sum,
	INITCOND = '0,0,0,-1,0,0,-1,0',
	COMBINEFUNC = perfeval.sum_scores_combine,
	FINALFUNC = perfeval.sum_scores_final,
	PARALLEL = SAFE
);

-- The same over evaluations (section 25), which hold each row's points,
-- weight and applicability: what the views add up.
CREATE FUNCTION perfeval.sum_evaluations_trans(perfeval.score_sum, perfeval.evaluation)
	RETURNS perfeval.score_sum
	AS 'MODULE_PATHNAME', 'sum_evaluations_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE AGGREGATE perfeval.sum_scores(perfeval.evaluation) (
	SFUNC = perfeval.sum_evaluations_trans,
	STYPE = perfeval.score_sum,
	INITCOND = '0,0,0,-1,0,0,-1,0',
	COMBINEFUNC = perfeval.sum_scores_combine,
	FINALFUNC = perfeval.sum_scores_final,
	PARALLEL = SAFE
);

COMMENT ON TYPE perfeval.scores_summed IS '一组指标的合计：行数、适用行数、分值、得分 / A group of indicator rows summed: rows, applicable rows, their weight and score';
COMMENT ON COLUMN perfeval.scores_summed.indicators IS '指标行数 / Rows';
COMMENT ON COLUMN perfeval.scores_summed.applicable IS '适用的指标行数 / Rows that apply';
COMMENT ON COLUMN perfeval.scores_summed.weight IS '适用指标的分值合计 / Weight of the rows that apply';
COMMENT ON COLUMN perfeval.scores_summed.score IS '适用指标的得分合计；有未能计分者为空 / Score of the rows that apply; NULL if one has no score';
COMMENT ON COLUMN perfeval.scores_summed.total IS '总分：得分合计，有不适用指标时按适用分值折算为100分，按方案舍入（仅限按计算结果汇总） / The score rescaled to 100 when rows do not apply and rounded by their scheme (over evaluations only)';
COMMENT ON AGGREGATE perfeval.sum_scores(bigint, boolean, numeric) IS '汇总指标得分、分值与行数 / Sums the points, weights and rows of a group of indicators';
COMMENT ON AGGREGATE perfeval.sum_scores(perfeval.evaluation) IS '汇总指标计算结果的得分、分值与行数 / Sums the points, weights and rows of evaluated indicators';
COMMENT ON FUNCTION perfeval.sum_evaluations_trans(perfeval.score_sum, perfeval.evaluation) IS 'sum_scores(evaluation) 的状态转移（内部） / sum_scores(evaluation) transition (internal)';
COMMENT ON FUNCTION perfeval.sum_scores_trans(perfeval.score_sum, bigint, boolean, numeric) IS 'sum_scores() 的状态转移（内部） / sum_scores() transition (internal)';
COMMENT ON FUNCTION perfeval.sum_scores_combine(perfeval.score_sum, perfeval.score_sum) IS 'sum_scores() 的部分合计合并（内部） / sum_scores() combine (internal)';
COMMENT ON FUNCTION perfeval.sum_scores_final(perfeval.score_sum) IS 'sum_scores() 的结果（内部） / sum_scores() result (internal)';
