-- Section 25: the fused per-row scorer the warehouse views use.

CREATE FUNCTION perfeval.indicator_score(weight numeric, target perfeval.target,
		actual perfeval.measure, method perfeval.method DEFAULT 'proportional',
		reverse text DEFAULT 'ratio', decimals int DEFAULT 2,
		rounding text DEFAULT 'half_up') RETURNS numeric
	AS 'MODULE_PATHNAME', 'pe_indicator_score' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
