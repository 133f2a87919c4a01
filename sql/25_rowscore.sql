-- Section 25: the fused per-row scorer the warehouse views use.

CREATE FUNCTION perfeval.indicator_score(weight numeric, target perfeval.target,
		actual perfeval.measure, method perfeval.method DEFAULT 'proportional',
		reverse text DEFAULT 'ratio', decimals int DEFAULT 2,
		rounding text DEFAULT 'half_up') RETURNS numeric
	AS 'MODULE_PATHNAME', 'pe_indicator_score' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- The score of one warehouse indicator row, whatever its source: what the
-- views compute per row, in one call (see src/rowscore.c for the rules and
-- test/sql/rowscore.sql for their SQL form).  Not STRICT: most inputs are
-- NULL for most sources.
CREATE FUNCTION perfeval.row_score(weight numeric, applicable boolean, source text,
		target perfeval.target, measure perfeval.measure, tier text, fraction numeric,
		method perfeval.method, deducted numeric, rate numeric,
		reverse text, decimals int, rounding text,
		tier_high numeric, tier_low numeric) RETURNS numeric
	AS 'MODULE_PATHNAME', 'pe_row_score' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 10;

-- The same score times 10^6 as a bigint (exact: a score has at most six
-- decimals), for the views that add up millions of them.  COST 10: about
-- ten simple operators per row, which is what makes the planner split a
-- whole-warehouse scoring query over parallel workers.
CREATE FUNCTION perfeval.row_points(weight numeric, applicable boolean, source text,
		target perfeval.target, measure perfeval.measure, tier text, fraction numeric,
		method perfeval.method, deducted numeric, rate numeric,
		reverse text, decimals int, rounding text,
		tier_high numeric, tier_low numeric) RETURNS bigint
	AS 'MODULE_PATHNAME', 'pe_row_points' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 10;

COMMENT ON FUNCTION perfeval.row_score(numeric, boolean, text, perfeval.target, perfeval.measure,
		text, numeric, perfeval.method, numeric, numeric, text, int, text, numeric, numeric)
	IS '一行指标的得分（任何数据来源，按方案舍入） / The score of one indicator row from any source, rounded as the scheme says';
COMMENT ON FUNCTION perfeval.row_points(numeric, boolean, text, perfeval.target, perfeval.measure,
		text, numeric, perfeval.method, numeric, numeric, text, int, text, numeric, numeric)
	IS '一行指标的得分×10^6（整数，供汇总） / row_score() times 10^6 as a bigint, for sums';
