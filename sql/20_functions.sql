-- Section 20: accessors and scoring functions.

CREATE FUNCTION perfeval.comparator(perfeval.target) RETURNS text
	AS 'MODULE_PATHNAME', 'target_comparator' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.amount(perfeval.target) RETURNS numeric
	AS 'MODULE_PATHNAME', 'quant_amount' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.amount(perfeval.measure) RETURNS numeric
	AS 'MODULE_PATHNAME', 'quant_amount' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.unit(perfeval.target) RETURNS text
	AS 'MODULE_PATHNAME', 'quant_unit' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.unit(perfeval.measure) RETURNS text
	AS 'MODULE_PATHNAME', 'quant_unit' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.is_qualitative(perfeval.target) RETURNS boolean
	AS 'MODULE_PATHNAME', 'quant_is_qualitative' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.is_qualitative(perfeval.measure) RETURNS boolean
	AS 'MODULE_PATHNAME', 'quant_is_qualitative' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.phrase(perfeval.target) RETURNS text
	AS 'MODULE_PATHNAME', 'quant_phrase' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.phrase(perfeval.measure) RETURNS text
	AS 'MODULE_PATHNAME', 'quant_phrase' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- A plain SQL expression, so the planner inlines it into warehouse queries.
-- Not declared STRICT (that would stop inlining), but NULL in gives NULL out.
CREATE FUNCTION perfeval.rate(numerator numeric, denominator numeric) RETURNS numeric
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN CASE WHEN denominator = 0 THEN NULL
		ELSE trim_scale(round(numerator * 100 / denominator, 6)) END;

CREATE FUNCTION perfeval.completion(target perfeval.target, actual perfeval.measure,
		reverse text DEFAULT 'ratio') RETURNS numeric
	AS 'MODULE_PATHNAME', 'pe_completion_rate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.comparable(target perfeval.target, actual perfeval.measure)
	RETURNS boolean
	AS 'MODULE_PATHNAME', 'pe_comparable' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.score(weight numeric, completion numeric,
		method perfeval.method DEFAULT 'proportional') RETURNS numeric
	AS 'MODULE_PATHNAME', 'pe_score' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.judged_score(weight numeric, tier text, fraction numeric,
		high numeric DEFAULT 80, low numeric DEFAULT 60) RETURNS numeric
	AS 'MODULE_PATHNAME', 'pe_judged_score' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.deduct(weight numeric, deductions numeric[]) RETURNS numeric
	AS 'MODULE_PATHNAME', 'pe_deduct' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.satisfaction(counts int[],
		coefficients numeric[] DEFAULT '{1,0.8,0.6,0.3,0}') RETURNS numeric
	AS 'MODULE_PATHNAME', 'pe_satisfaction' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.grade(score numeric,
		scale perfeval.grade_scale DEFAULT '优:90,良:80,中:60,差:0') RETURNS text
	AS 'MODULE_PATHNAME', 'pe_grade' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
