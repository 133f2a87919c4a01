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

-- numerator ÷ denominator in percent, rounded half-up to six decimals; NULL
-- when the denominator is 0 (the core's rate rule, src/pe_eval.c).
CREATE FUNCTION perfeval.rate(numerator numeric, denominator numeric) RETURNS numeric
	AS 'MODULE_PATHNAME', 'rate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- A number perfeval computes with exactly: finite, at most six decimals, at
-- most 999999999999.999999 in magnitude.  The tables' CHECKs use it, so
-- that NaN, infinities and overlong decimals are refused at load time.
CREATE FUNCTION perfeval.is_exact(numeric) RETURNS boolean
	AS 'MODULE_PATHNAME', 'is_exact' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- The national defaults, each written once: the satisfaction coefficients
-- (非常满意 1 … 不满意 0, from the core) and the grade bands.
CREATE FUNCTION perfeval.default_coefficients() RETURNS numeric[]
	AS 'MODULE_PATHNAME', 'default_coefficients' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION perfeval.national_grade_scale() RETURNS perfeval.grade_scale
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN '优:90,良:80,中:60,差:0'::perfeval.grade_scale;

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
		coefficients numeric[] DEFAULT perfeval.default_coefficients()) RETURNS numeric
	AS 'MODULE_PATHNAME', 'pe_satisfaction' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.grade(score numeric,
		scale perfeval.grade_scale DEFAULT perfeval.national_grade_scale()) RETURNS text
	AS 'MODULE_PATHNAME', 'pe_grade' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
-- The number of that band, 1 for the highest: what counts of grades under
-- different schemes have in common.
CREATE FUNCTION perfeval.grade_band(score numeric,
		scale perfeval.grade_scale DEFAULT perfeval.national_grade_scale()) RETURNS int
	AS 'MODULE_PATHNAME', 'pe_grade_band' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- Money in 万元: the one conversion of 元 and 亿元 (here,
-- before the tables: the dated money's checks use it, 1.16).
CREATE FUNCTION perfeval.wanyuan(amount numeric, unit text) RETURNS numeric
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN CASE unit WHEN '万元' THEN amount WHEN '元' THEN amount * 0.0001
		WHEN '亿元' THEN amount * 10000 END;

-- A scheme's rules decoded and checked once: the generated column
-- scheme.rules (section 40).  Every bound of a scheme is checked here.
CREATE FUNCTION perfeval.scheme_rules(decimals int, rounding text, reverse_rule text,
		tier_high numeric, tier_low numeric, satisfaction_coefficients numeric[],
		execution_base text, over_threshold numeric, zero_target text DEFAULT 'exact') RETURNS perfeval.rules
	AS 'MODULE_PATHNAME', 'scheme_rules' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
-- A scheme's monitoring bounds checked by the core (1.16): true, or 23514
-- saying which bound is wrong.
CREATE FUNCTION perfeval_internal.monitoring_rules_ok(exec_red numeric, exec_yellow numeric,
		goal_red numeric, goal_yellow numeric, goal_blue numeric, key_budget numeric, key_rate numeric,
		key_month int) RETURNS boolean
	AS 'MODULE_PATHNAME', 'pe_monitoring_rules_ok' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
