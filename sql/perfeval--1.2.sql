-- perfeval install script, section 10: types.
-- The install script perfeval--1.0.sql is these sql/NN_*.sql files joined
-- in name order by the Makefile.

\echo Use "CREATE EXTENSION perfeval" to load this file. \quit

CREATE TYPE perfeval.target;
CREATE FUNCTION perfeval.target_in(cstring) RETURNS perfeval.target
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.target_out(perfeval.target) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.target_recv(internal) RETURNS perfeval.target
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.target_send(perfeval.target) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE perfeval.target (
	INPUT = perfeval.target_in,
	OUTPUT = perfeval.target_out,
	RECEIVE = perfeval.target_recv,
	SEND = perfeval.target_send,
	INTERNALLENGTH = VARIABLE,
	STORAGE = extended
);

CREATE TYPE perfeval.measure;
CREATE FUNCTION perfeval.measure_in(cstring) RETURNS perfeval.measure
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.measure_out(perfeval.measure) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.measure_recv(internal) RETURNS perfeval.measure
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.measure_send(perfeval.measure) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE perfeval.measure (
	INPUT = perfeval.measure_in,
	OUTPUT = perfeval.measure_out,
	RECEIVE = perfeval.measure_recv,
	SEND = perfeval.measure_send,
	INTERNALLENGTH = VARIABLE,
	STORAGE = extended
);

CREATE TYPE perfeval.method;
CREATE FUNCTION perfeval.method_in(cstring) RETURNS perfeval.method
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.method_out(perfeval.method) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.method_recv(internal) RETURNS perfeval.method
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.method_send(perfeval.method) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE perfeval.method (
	INPUT = perfeval.method_in,
	OUTPUT = perfeval.method_out,
	RECEIVE = perfeval.method_recv,
	SEND = perfeval.method_send,
	INTERNALLENGTH = 24,
	ALIGNMENT = double,
	STORAGE = plain
);

CREATE TYPE perfeval.grade_scale;
CREATE FUNCTION perfeval.grade_scale_in(cstring) RETURNS perfeval.grade_scale
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.grade_scale_out(perfeval.grade_scale) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.grade_scale_recv(internal) RETURNS perfeval.grade_scale
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.grade_scale_send(perfeval.grade_scale) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE perfeval.grade_scale (
	INPUT = perfeval.grade_scale_in,
	OUTPUT = perfeval.grade_scale_out,
	RECEIVE = perfeval.grade_scale_recv,
	SEND = perfeval.grade_scale_send,
	INTERNALLENGTH = VARIABLE,
	STORAGE = extended
);
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
-- Section 30: comparison operators and btree/hash operator classes, so
-- BI tools can GROUP BY, ORDER BY and join on every perfeval type.

-- target
CREATE FUNCTION perfeval.target_eq(perfeval.target, perfeval.target) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.target_ne(perfeval.target, perfeval.target) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.target_lt(perfeval.target, perfeval.target) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.target_le(perfeval.target, perfeval.target) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.target_gt(perfeval.target, perfeval.target) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.target_ge(perfeval.target, perfeval.target) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.target_cmp(perfeval.target, perfeval.target) RETURNS int4
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.target_hash(perfeval.target) RETURNS int4
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.target_hash_extended(perfeval.target, int8) RETURNS int8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OPERATOR perfeval.= (
	LEFTARG = perfeval.target, RIGHTARG = perfeval.target,
	PROCEDURE = perfeval.target_eq,
	COMMUTATOR = OPERATOR(perfeval.=), NEGATOR = OPERATOR(perfeval.<>),
	RESTRICT = eqsel, JOIN = eqjoinsel,
	HASHES, MERGES
);
CREATE OPERATOR perfeval.<> (
	LEFTARG = perfeval.target, RIGHTARG = perfeval.target,
	PROCEDURE = perfeval.target_ne,
	COMMUTATOR = OPERATOR(perfeval.<>), NEGATOR = OPERATOR(perfeval.=),
	RESTRICT = neqsel, JOIN = neqjoinsel
);
CREATE OPERATOR perfeval.< (
	LEFTARG = perfeval.target, RIGHTARG = perfeval.target,
	PROCEDURE = perfeval.target_lt,
	COMMUTATOR = OPERATOR(perfeval.>), NEGATOR = OPERATOR(perfeval.>=),
	RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
CREATE OPERATOR perfeval.<= (
	LEFTARG = perfeval.target, RIGHTARG = perfeval.target,
	PROCEDURE = perfeval.target_le,
	COMMUTATOR = OPERATOR(perfeval.>=), NEGATOR = OPERATOR(perfeval.>),
	RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
CREATE OPERATOR perfeval.> (
	LEFTARG = perfeval.target, RIGHTARG = perfeval.target,
	PROCEDURE = perfeval.target_gt,
	COMMUTATOR = OPERATOR(perfeval.<), NEGATOR = OPERATOR(perfeval.<=),
	RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
CREATE OPERATOR perfeval.>= (
	LEFTARG = perfeval.target, RIGHTARG = perfeval.target,
	PROCEDURE = perfeval.target_ge,
	COMMUTATOR = OPERATOR(perfeval.<=), NEGATOR = OPERATOR(perfeval.<),
	RESTRICT = scalargesel, JOIN = scalargejoinsel
);
CREATE OPERATOR CLASS perfeval.target_ops DEFAULT FOR TYPE perfeval.target USING btree AS
	OPERATOR 1 perfeval.< , OPERATOR 2 perfeval.<= , OPERATOR 3 perfeval.= ,
	OPERATOR 4 perfeval.>= , OPERATOR 5 perfeval.> ,
	FUNCTION 1 perfeval.target_cmp(perfeval.target, perfeval.target);
CREATE OPERATOR CLASS perfeval.target_hash_ops DEFAULT FOR TYPE perfeval.target USING hash AS
	OPERATOR 1 perfeval.= ,
	FUNCTION 1 perfeval.target_hash(perfeval.target),
	FUNCTION 2 perfeval.target_hash_extended(perfeval.target, int8);

-- measure
CREATE FUNCTION perfeval.measure_eq(perfeval.measure, perfeval.measure) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.measure_ne(perfeval.measure, perfeval.measure) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.measure_lt(perfeval.measure, perfeval.measure) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.measure_le(perfeval.measure, perfeval.measure) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.measure_gt(perfeval.measure, perfeval.measure) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.measure_ge(perfeval.measure, perfeval.measure) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.measure_cmp(perfeval.measure, perfeval.measure) RETURNS int4
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.measure_hash(perfeval.measure) RETURNS int4
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.measure_hash_extended(perfeval.measure, int8) RETURNS int8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OPERATOR perfeval.= (
	LEFTARG = perfeval.measure, RIGHTARG = perfeval.measure,
	PROCEDURE = perfeval.measure_eq,
	COMMUTATOR = OPERATOR(perfeval.=), NEGATOR = OPERATOR(perfeval.<>),
	RESTRICT = eqsel, JOIN = eqjoinsel,
	HASHES, MERGES
);
CREATE OPERATOR perfeval.<> (
	LEFTARG = perfeval.measure, RIGHTARG = perfeval.measure,
	PROCEDURE = perfeval.measure_ne,
	COMMUTATOR = OPERATOR(perfeval.<>), NEGATOR = OPERATOR(perfeval.=),
	RESTRICT = neqsel, JOIN = neqjoinsel
);
CREATE OPERATOR perfeval.< (
	LEFTARG = perfeval.measure, RIGHTARG = perfeval.measure,
	PROCEDURE = perfeval.measure_lt,
	COMMUTATOR = OPERATOR(perfeval.>), NEGATOR = OPERATOR(perfeval.>=),
	RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
CREATE OPERATOR perfeval.<= (
	LEFTARG = perfeval.measure, RIGHTARG = perfeval.measure,
	PROCEDURE = perfeval.measure_le,
	COMMUTATOR = OPERATOR(perfeval.>=), NEGATOR = OPERATOR(perfeval.>),
	RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
CREATE OPERATOR perfeval.> (
	LEFTARG = perfeval.measure, RIGHTARG = perfeval.measure,
	PROCEDURE = perfeval.measure_gt,
	COMMUTATOR = OPERATOR(perfeval.<), NEGATOR = OPERATOR(perfeval.<=),
	RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
CREATE OPERATOR perfeval.>= (
	LEFTARG = perfeval.measure, RIGHTARG = perfeval.measure,
	PROCEDURE = perfeval.measure_ge,
	COMMUTATOR = OPERATOR(perfeval.<=), NEGATOR = OPERATOR(perfeval.<),
	RESTRICT = scalargesel, JOIN = scalargejoinsel
);
CREATE OPERATOR CLASS perfeval.measure_ops DEFAULT FOR TYPE perfeval.measure USING btree AS
	OPERATOR 1 perfeval.< , OPERATOR 2 perfeval.<= , OPERATOR 3 perfeval.= ,
	OPERATOR 4 perfeval.>= , OPERATOR 5 perfeval.> ,
	FUNCTION 1 perfeval.measure_cmp(perfeval.measure, perfeval.measure);
CREATE OPERATOR CLASS perfeval.measure_hash_ops DEFAULT FOR TYPE perfeval.measure USING hash AS
	OPERATOR 1 perfeval.= ,
	FUNCTION 1 perfeval.measure_hash(perfeval.measure),
	FUNCTION 2 perfeval.measure_hash_extended(perfeval.measure, int8);

-- method
CREATE FUNCTION perfeval.method_eq(perfeval.method, perfeval.method) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.method_ne(perfeval.method, perfeval.method) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.method_lt(perfeval.method, perfeval.method) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.method_le(perfeval.method, perfeval.method) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.method_gt(perfeval.method, perfeval.method) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.method_ge(perfeval.method, perfeval.method) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.method_cmp(perfeval.method, perfeval.method) RETURNS int4
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.method_hash(perfeval.method) RETURNS int4
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.method_hash_extended(perfeval.method, int8) RETURNS int8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OPERATOR perfeval.= (
	LEFTARG = perfeval.method, RIGHTARG = perfeval.method,
	PROCEDURE = perfeval.method_eq,
	COMMUTATOR = OPERATOR(perfeval.=), NEGATOR = OPERATOR(perfeval.<>),
	RESTRICT = eqsel, JOIN = eqjoinsel,
	HASHES, MERGES
);
CREATE OPERATOR perfeval.<> (
	LEFTARG = perfeval.method, RIGHTARG = perfeval.method,
	PROCEDURE = perfeval.method_ne,
	COMMUTATOR = OPERATOR(perfeval.<>), NEGATOR = OPERATOR(perfeval.=),
	RESTRICT = neqsel, JOIN = neqjoinsel
);
CREATE OPERATOR perfeval.< (
	LEFTARG = perfeval.method, RIGHTARG = perfeval.method,
	PROCEDURE = perfeval.method_lt,
	COMMUTATOR = OPERATOR(perfeval.>), NEGATOR = OPERATOR(perfeval.>=),
	RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
CREATE OPERATOR perfeval.<= (
	LEFTARG = perfeval.method, RIGHTARG = perfeval.method,
	PROCEDURE = perfeval.method_le,
	COMMUTATOR = OPERATOR(perfeval.>=), NEGATOR = OPERATOR(perfeval.>),
	RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
CREATE OPERATOR perfeval.> (
	LEFTARG = perfeval.method, RIGHTARG = perfeval.method,
	PROCEDURE = perfeval.method_gt,
	COMMUTATOR = OPERATOR(perfeval.<), NEGATOR = OPERATOR(perfeval.<=),
	RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
CREATE OPERATOR perfeval.>= (
	LEFTARG = perfeval.method, RIGHTARG = perfeval.method,
	PROCEDURE = perfeval.method_ge,
	COMMUTATOR = OPERATOR(perfeval.<=), NEGATOR = OPERATOR(perfeval.<),
	RESTRICT = scalargesel, JOIN = scalargejoinsel
);
CREATE OPERATOR CLASS perfeval.method_ops DEFAULT FOR TYPE perfeval.method USING btree AS
	OPERATOR 1 perfeval.< , OPERATOR 2 perfeval.<= , OPERATOR 3 perfeval.= ,
	OPERATOR 4 perfeval.>= , OPERATOR 5 perfeval.> ,
	FUNCTION 1 perfeval.method_cmp(perfeval.method, perfeval.method);
CREATE OPERATOR CLASS perfeval.method_hash_ops DEFAULT FOR TYPE perfeval.method USING hash AS
	OPERATOR 1 perfeval.= ,
	FUNCTION 1 perfeval.method_hash(perfeval.method),
	FUNCTION 2 perfeval.method_hash_extended(perfeval.method, int8);

-- grade_scale
CREATE FUNCTION perfeval.grade_scale_eq(perfeval.grade_scale, perfeval.grade_scale) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.grade_scale_ne(perfeval.grade_scale, perfeval.grade_scale) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.grade_scale_lt(perfeval.grade_scale, perfeval.grade_scale) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.grade_scale_le(perfeval.grade_scale, perfeval.grade_scale) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.grade_scale_gt(perfeval.grade_scale, perfeval.grade_scale) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.grade_scale_ge(perfeval.grade_scale, perfeval.grade_scale) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.grade_scale_cmp(perfeval.grade_scale, perfeval.grade_scale) RETURNS int4
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.grade_scale_hash(perfeval.grade_scale) RETURNS int4
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.grade_scale_hash_extended(perfeval.grade_scale, int8) RETURNS int8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OPERATOR perfeval.= (
	LEFTARG = perfeval.grade_scale, RIGHTARG = perfeval.grade_scale,
	PROCEDURE = perfeval.grade_scale_eq,
	COMMUTATOR = OPERATOR(perfeval.=), NEGATOR = OPERATOR(perfeval.<>),
	RESTRICT = eqsel, JOIN = eqjoinsel,
	HASHES, MERGES
);
CREATE OPERATOR perfeval.<> (
	LEFTARG = perfeval.grade_scale, RIGHTARG = perfeval.grade_scale,
	PROCEDURE = perfeval.grade_scale_ne,
	COMMUTATOR = OPERATOR(perfeval.<>), NEGATOR = OPERATOR(perfeval.=),
	RESTRICT = neqsel, JOIN = neqjoinsel
);
CREATE OPERATOR perfeval.< (
	LEFTARG = perfeval.grade_scale, RIGHTARG = perfeval.grade_scale,
	PROCEDURE = perfeval.grade_scale_lt,
	COMMUTATOR = OPERATOR(perfeval.>), NEGATOR = OPERATOR(perfeval.>=),
	RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
CREATE OPERATOR perfeval.<= (
	LEFTARG = perfeval.grade_scale, RIGHTARG = perfeval.grade_scale,
	PROCEDURE = perfeval.grade_scale_le,
	COMMUTATOR = OPERATOR(perfeval.>=), NEGATOR = OPERATOR(perfeval.>),
	RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
CREATE OPERATOR perfeval.> (
	LEFTARG = perfeval.grade_scale, RIGHTARG = perfeval.grade_scale,
	PROCEDURE = perfeval.grade_scale_gt,
	COMMUTATOR = OPERATOR(perfeval.<), NEGATOR = OPERATOR(perfeval.<=),
	RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
CREATE OPERATOR perfeval.>= (
	LEFTARG = perfeval.grade_scale, RIGHTARG = perfeval.grade_scale,
	PROCEDURE = perfeval.grade_scale_ge,
	COMMUTATOR = OPERATOR(perfeval.<=), NEGATOR = OPERATOR(perfeval.<),
	RESTRICT = scalargesel, JOIN = scalargejoinsel
);
CREATE OPERATOR CLASS perfeval.grade_scale_ops DEFAULT FOR TYPE perfeval.grade_scale USING btree AS
	OPERATOR 1 perfeval.< , OPERATOR 2 perfeval.<= , OPERATOR 3 perfeval.= ,
	OPERATOR 4 perfeval.>= , OPERATOR 5 perfeval.> ,
	FUNCTION 1 perfeval.grade_scale_cmp(perfeval.grade_scale, perfeval.grade_scale);
CREATE OPERATOR CLASS perfeval.grade_scale_hash_ops DEFAULT FOR TYPE perfeval.grade_scale USING hash AS
	OPERATOR 1 perfeval.= ,
	FUNCTION 1 perfeval.grade_scale_hash(perfeval.grade_scale),
	FUNCTION 2 perfeval.grade_scale_hash_extended(perfeval.grade_scale, int8);
-- Section 40: the warehouse tables (the load contract).
--
-- Every table that grows with the warehouse is keyed by project_id first, so
-- that a single project is one index range and Citus can distribute every one
-- of them on project_id (co-located joins).  scheme and division are small
-- lookup tables (Citus reference tables).  No serial columns: keys are
-- natural, so a load is idempotent and pg_dump has no sequences to carry.

-- Scoring schemes (评分方案): the rules that differ by jurisdiction, as data.
CREATE TABLE perfeval.scheme (
	scheme_id text PRIMARY KEY,
	name text NOT NULL,
	grade_scale perfeval.grade_scale NOT NULL DEFAULT '优:90,良:80,中:60,差:0',
	decimals int NOT NULL DEFAULT 2 CHECK (decimals BETWEEN 0 AND 6),
	rounding text NOT NULL DEFAULT 'half_up'
		CHECK (rounding IN ('half_up', 'truncate')),
	execution_base text NOT NULL DEFAULT 'arrived'
		CHECK (execution_base IN ('arrived', 'budget', 'initial')),
	reverse_rule text NOT NULL DEFAULT 'ratio'
		CHECK (reverse_rule IN ('ratio', 'linear')),
	tier_high numeric NOT NULL DEFAULT 80,
	tier_low numeric NOT NULL DEFAULT 60,
	satisfaction_coefficients numeric[] NOT NULL DEFAULT '{1,0.8,0.6,0.3,0}',
	over_threshold numeric NOT NULL DEFAULT 120 CHECK (over_threshold > 100),
	builtin boolean NOT NULL DEFAULT false,
	-- added before truncating: half a unit of the last kept decimal for
	-- half-up, 0 for truncation (scores and totals are never negative)
	round_offset numeric GENERATED ALWAYS AS
		(CASE rounding WHEN 'truncate' THEN 0 ELSE 0.5 * 0.1 ^ decimals END) STORED,
	CHECK (0 < tier_low AND tier_low < tier_high AND tier_high < 100),
	CHECK (cardinality(satisfaction_coefficients) > 0)
);

INSERT INTO perfeval.scheme (scheme_id, name, builtin)
VALUES ('national', '财政部默认（财预〔2020〕10号） / MoF defaults', true);

-- Names of administrative divisions (GB/T 2260), for roll-up labels only.
CREATE TABLE perfeval.division (
	code text PRIMARY KEY CHECK (code ~ '^[0-9]{6}$'),
	name text NOT NULL
);

-- One evaluated project (项目) in one year.
CREATE TABLE perfeval.project (
	project_id text PRIMARY KEY,
	name text NOT NULL,
	year int NOT NULL CHECK (year BETWEEN 1990 AND 2100),
	division_code text NOT NULL CHECK (division_code ~ '^[1-9][0-9]{5}$'),
	department text NOT NULL,
	implementing_unit text,
	evaluation_kind text NOT NULL
		CHECK (evaluation_kind IN ('单位自评', '部门评价', '财政评价', '第三方')),
	scheme_id text NOT NULL DEFAULT 'national' REFERENCES perfeval.scheme,
	printed_total numeric CHECK (printed_total >= 0),
	printed_grade text,
	source text,
	-- Kept by perfeval from the allocation rows (section 45), in 万元, so
	-- that scoring reads money from the project row instead of aggregating
	-- the allocations on every query.  Loads never write these.
	allocations int NOT NULL DEFAULT 0,
	money_initial_budget numeric,
	money_budget numeric,
	money_arrived numeric,
	money_spent numeric
);
CREATE INDEX project_year_division_idx ON perfeval.project (year, division_code);

-- Money per project, department and fund level (资金级次).
CREATE TABLE perfeval.allocation (
	project_id text NOT NULL REFERENCES perfeval.project ON DELETE CASCADE,
	department text NOT NULL,
	fund_level text NOT NULL
		CHECK (fund_level IN ('中央', '省级', '市级', '县区级', '上年结转', '其他')),
	unit text NOT NULL DEFAULT '万元' CHECK (unit IN ('元', '万元', '亿元')),
	initial_budget numeric CHECK (initial_budget >= 0),
	budget numeric CHECK (budget >= 0),
	arrived numeric CHECK (arrived >= 0),
	spent numeric CHECK (spent >= 0),
	PRIMARY KEY (project_id, department, fund_level)
);

-- Level-3 indicators (三级指标) with their place in the indicator system.
CREATE TABLE perfeval.indicator (
	project_id text NOT NULL REFERENCES perfeval.project ON DELETE CASCADE,
	code text NOT NULL,
	seq int,
	level1 text NOT NULL,
	level2 text NOT NULL,
	name text NOT NULL,
	weight numeric NOT NULL,
	target perfeval.target,
	method perfeval.method NOT NULL DEFAULT 'proportional',
	source text NOT NULL DEFAULT 'actual'
		CHECK (source IN ('actual', 'checklist', 'survey', 'arrival_rate', 'execution_rate')),
	applicable boolean NOT NULL DEFAULT true,
	printed_score numeric CHECK (printed_score >= 0),
	-- Kept by perfeval (section 45), never written by loads: the latest
	-- actual, the sum of the checklist deductions and the rate taken from
	-- money or a survey, so that scoring reads one row instead of joining
	-- the facts on every query.
	actual_on date,
	actual_measure perfeval.measure,
	actual_tier text,
	actual_fraction numeric,
	actual_note text,
	deducted numeric,
	rate numeric,
	PRIMARY KEY (project_id, code),
	CONSTRAINT indicator_weight_positive CHECK (weight > 0),
	-- a rate from money or a survey is a percentage: its target must compare
	-- with one (≥95%, 95, a qualitative phrase), not ≥10家 or 50万元
	CONSTRAINT indicator_rate_target_percent CHECK (source NOT IN ('survey', 'arrival_rate', 'execution_rate')
		OR target IS NULL OR perfeval.comparable(target, '0%'::perfeval.measure))
);

-- Actual values as facts: one row per report date; scores use the latest.
CREATE TABLE perfeval.actual (
	project_id text NOT NULL,
	code text NOT NULL,
	reported_on date NOT NULL,
	measure perfeval.measure,
	tier text CHECK (tier IN ('达成', '部分达成', '未达成')),
	fraction numeric CHECK (fraction BETWEEN 0 AND 100),
	deviation_note text,
	FOREIGN KEY (project_id, code) REFERENCES perfeval.indicator ON DELETE CASCADE,
	CHECK ((tier IS NULL) = (fraction IS NULL)),
	CHECK (measure IS NOT NULL OR tier IS NOT NULL OR deviation_note IS NOT NULL)
);

-- Checklist points (评价要点) of an indicator scored by deduction.
CREATE TABLE perfeval.checklist_point (
	project_id text NOT NULL,
	code text NOT NULL,
	point_no int NOT NULL CHECK (point_no > 0),
	description text NOT NULL,
	points numeric CHECK (points > 0),
	deduction numeric NOT NULL DEFAULT 0,
	reason text,
	PRIMARY KEY (project_id, code, point_no),
	FOREIGN KEY (project_id, code) REFERENCES perfeval.indicator ON DELETE CASCADE,
	CONSTRAINT checklist_deduction_range
		CHECK (deduction >= 0 AND (points IS NULL OR deduction <= points))
);

-- Survey responses (满意度调查) per option, in the order of the coefficients.
CREATE TABLE perfeval.survey_response (
	project_id text NOT NULL,
	code text NOT NULL,
	option_no int NOT NULL CHECK (option_no > 0),
	option_label text NOT NULL,
	respondents int NOT NULL CHECK (respondents >= 0),
	coefficient numeric CHECK (coefficient BETWEEN 0 AND 1),
	PRIMARY KEY (project_id, code, option_no),
	FOREIGN KEY (project_id, code) REFERENCES perfeval.indicator ON DELETE CASCADE
);

-- Refuse at load time an actual whose unit cannot be compared with its
-- indicator's target (万元 against 家): such a row could never be scored.
-- One set-based check per statement (transition table), so a COPY of a
-- million actuals pays one hash join, not a million lookups.
CREATE FUNCTION perfeval.actual_check_units() RETURNS trigger
	LANGUAGE plpgsql AS
$$
DECLARE
	r record;
BEGIN
	SELECT n.project_id, n.code, n.measure, i.target INTO r
	  FROM new_rows n
	  JOIN perfeval.indicator i ON i.project_id = n.project_id AND i.code = n.code
	 WHERE n.measure IS NOT NULL AND i.target IS NOT NULL
	   AND NOT perfeval.comparable(i.target, n.measure)
	 LIMIT 1;
	IF FOUND THEN
		RAISE EXCEPTION 'actual "%" cannot be compared with target "%"', r.measure, r.target
			USING ERRCODE = '22023',
				DETAIL = format('Indicator %s of project %s has units that do not convert into each other.',
								r.code, r.project_id),
				HINT = 'Write the actual in the unit of the target, or correct the target.';
	END IF;
	RETURN NULL;
END
$$;
CREATE TRIGGER actual_check_units_insert AFTER INSERT ON perfeval.actual
	REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval.actual_check_units();
CREATE TRIGGER actual_check_units_update AFTER UPDATE ON perfeval.actual
	REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval.actual_check_units();

-- The key of an actual.  Newest first, so that the views read the latest
-- actual of each indicator from the index in order instead of sorting all
-- actuals (a primary key cannot be descending; this unique index is the key).
CREATE UNIQUE INDEX actual_latest_idx ON perfeval.actual (project_id, code, reported_on DESC);
COMMENT ON INDEX perfeval.actual_latest_idx IS '实际值主键（最新在前） / The key of an actual, newest first';

-- pg_dump keeps the rows users load (the built-in scheme comes with the extension).
SELECT pg_catalog.pg_extension_config_dump('perfeval.scheme', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('perfeval.division', '');
SELECT pg_catalog.pg_extension_config_dump('perfeval.project', '');
SELECT pg_catalog.pg_extension_config_dump('perfeval.allocation', '');
SELECT pg_catalog.pg_extension_config_dump('perfeval.indicator', '');
SELECT pg_catalog.pg_extension_config_dump('perfeval.actual', '');
SELECT pg_catalog.pg_extension_config_dump('perfeval.checklist_point', '');
SELECT pg_catalog.pg_extension_config_dump('perfeval.survey_response', '');

COMMENT ON TABLE perfeval.scheme IS '评分方案：等级划分、小数位与舍入、执行率口径、反向指标规则、定性档次、满意度系数、超额阈值 / Scoring schemes: grade bands, rounding, execution-rate base, reverse rule, qualitative tiers, satisfaction coefficients, over-achievement threshold';
COMMENT ON COLUMN perfeval.scheme.grade_scale IS '评价等级划分，如 优:90,良:80,中:70,差:0 / Grade bands, each including its lower bound';
COMMENT ON COLUMN perfeval.scheme.decimals IS '指标得分保留小数位 / Decimals kept in indicator scores';
COMMENT ON COLUMN perfeval.scheme.rounding IS '舍入方式：half_up 四舍五入，truncate 截尾 / Rounding of indicator scores: half_up or truncate';
COMMENT ON COLUMN perfeval.scheme.execution_base IS '预算执行率分母：arrived 实际到位，budget 全年预算，initial 年初预算 / Denominator of the execution rate';
COMMENT ON COLUMN perfeval.scheme.reverse_rule IS '反向（≤）指标计分：ratio 指标值÷实际值，linear 两倍指标值处线性降为0 / Rule for less-is-better indicators';
COMMENT ON COLUMN perfeval.scheme.tier_high IS '定性指标“达成”档下限（%） / Lower bound of the 达成 tier, percent of weight';
COMMENT ON COLUMN perfeval.scheme.tier_low IS '定性指标“部分达成”档下限（%） / Lower bound of the 部分达成 tier, percent of weight';
COMMENT ON COLUMN perfeval.scheme.satisfaction_coefficients IS '满意度选项系数，按选项顺序 / Satisfaction coefficients by option order';
COMMENT ON COLUMN perfeval.scheme.over_threshold IS '超额完成需说明的阈值（完成率%） / Completion percent at or above which a missing deviation note is a finding';
COMMENT ON COLUMN perfeval.scheme.round_offset IS '舍入偏移量（派生列） / Derived: added before truncating, so one expression rounds both ways';
COMMENT ON COLUMN perfeval.scheme.builtin IS '随扩展安装的方案（不导出） / Installed with the extension (not dumped)';

COMMENT ON TABLE perfeval.division IS '行政区划名称（GB/T 2260） / Names of administrative divisions, for roll-up labels';

COMMENT ON TABLE perfeval.project IS '评价项目 / Evaluated projects';
COMMENT ON COLUMN perfeval.project.project_id IS '项目标识（分布键） / Project id, the distribution key of every growing table';
COMMENT ON COLUMN perfeval.project.year IS '预算年度 / Budget year evaluated';
COMMENT ON COLUMN perfeval.project.division_code IS '行政区划代码（6位，GB/T 2260） / 6-digit administrative division code';
COMMENT ON COLUMN perfeval.project.department IS '主管部门 / Supervising department';
COMMENT ON COLUMN perfeval.project.implementing_unit IS '项目实施单位 / Implementing unit';
COMMENT ON COLUMN perfeval.project.evaluation_kind IS '评价类型：单位自评、部门评价、财政评价、第三方 / Kind of evaluation';
COMMENT ON COLUMN perfeval.project.scheme_id IS '评分方案 / Scoring scheme';
COMMENT ON COLUMN perfeval.project.printed_total IS '报告所列总分 / Total printed in the report';
COMMENT ON COLUMN perfeval.project.printed_grade IS '报告所列等级 / Grade printed in the report';
COMMENT ON COLUMN perfeval.project.source IS '数据来源（报告文件） / Source document';

COMMENT ON TABLE perfeval.allocation IS '项目资金：按部门和资金级次 / Money per project, department and fund level';
COMMENT ON COLUMN perfeval.allocation.fund_level IS '资金级次：中央、省级、市级、县区级、上年结转、其他 / Fund level';
COMMENT ON COLUMN perfeval.allocation.unit IS '金额单位：元、万元、亿元 / Unit of the amounts';
COMMENT ON COLUMN perfeval.allocation.initial_budget IS '年初预算 / Budget at the start of the year';
COMMENT ON COLUMN perfeval.allocation.budget IS '全年预算（调整后预算） / Full-year (adjusted) budget';
COMMENT ON COLUMN perfeval.allocation.arrived IS '实际到位 / Funds actually arrived';
COMMENT ON COLUMN perfeval.allocation.spent IS '全年执行 / Funds spent in the year';

COMMENT ON TABLE perfeval.indicator IS '三级绩效指标 / Level-3 performance indicators';
COMMENT ON COLUMN perfeval.indicator.code IS '指标编码，如 A11 / Indicator code';
COMMENT ON COLUMN perfeval.indicator.seq IS '表内顺序 / Order in the report table';
COMMENT ON COLUMN perfeval.indicator.level1 IS '一级指标 / Level-1 indicator';
COMMENT ON COLUMN perfeval.indicator.level2 IS '二级指标 / Level-2 indicator';
COMMENT ON COLUMN perfeval.indicator.weight IS '分值（权重） / Weight in points';
COMMENT ON COLUMN perfeval.indicator.target IS '指标值（目标值） / Target';
COMMENT ON COLUMN perfeval.indicator.method IS '评分方法 / Scoring method';
COMMENT ON COLUMN perfeval.indicator.source IS '实际值来源：actual 实际值，checklist 评价要点扣分，survey 满意度调查，arrival_rate 资金到位率，execution_rate 预算执行率 / Where the actual comes from';
COMMENT ON COLUMN perfeval.indicator.applicable IS '是否适用；不适用的指标不计分，总分按其余权重折算为100 / Applicable; if not, left out and the total rescaled';
COMMENT ON COLUMN perfeval.indicator.printed_score IS '报告所列得分 / Score printed in the report';

COMMENT ON TABLE perfeval.actual IS '指标实际完成值（按报告日期，取最新） / Actual values as dated facts; scores use the latest';
COMMENT ON COLUMN perfeval.actual.reported_on IS '填报日期 / Date reported';
COMMENT ON COLUMN perfeval.actual.measure IS '实际完成值 / Actual value';
COMMENT ON COLUMN perfeval.actual.tier IS '定性评判档次：达成、部分达成、未达成 / Qualitative tier judged';
COMMENT ON COLUMN perfeval.actual.fraction IS '评判得分比例（%） / Judged fraction of the weight, percent';
COMMENT ON COLUMN perfeval.actual.deviation_note IS '偏差原因分析及改进措施 / Deviation note';

COMMENT ON TABLE perfeval.checklist_point IS '评价要点及扣分 / Checklist points with deductions';
COMMENT ON COLUMN perfeval.checklist_point.points IS '要点分值（报告未列时为空） / Points the item carries, NULL where the report gives none';
COMMENT ON COLUMN perfeval.checklist_point.deduction IS '扣分 / Points deducted';
COMMENT ON COLUMN perfeval.checklist_point.reason IS '扣分理由 / Reason for the deduction';

COMMENT ON TABLE perfeval.survey_response IS '满意度调查各选项人数 / Survey responses per option';
COMMENT ON COLUMN perfeval.survey_response.option_no IS '选项序号，对应系数位置 / Option number, the position of its coefficient';
COMMENT ON COLUMN perfeval.survey_response.respondents IS '选择人数 / Number of respondents';
COMMENT ON COLUMN perfeval.survey_response.coefficient IS '选项系数（为空时取方案系数） / Coefficient, NULL for the scheme''s';

COMMENT ON FUNCTION perfeval.actual_check_units() IS '拒绝单位不可比的实际值 / Refuses an actual whose unit cannot be compared with its target';
-- Section 45: the state perfeval keeps on the indicator and project rows.
--
-- Scoring the whole warehouse needs, per indicator, its latest actual, the
-- sum of its checklist deductions and the rate it takes from money or a
-- survey, and per project its money in 万元.  Joining the fact tables for them on every query costs
-- several times the scoring itself (docs/benchmarks.md), so statement-level
-- triggers keep them on the indicator and project rows as the facts change:
-- one set-based UPDATE per statement, over the keys the statement touched
-- (transition tables), so a COPY of a million facts pays a few joins, not a
-- million lookups.  The trigger functions run as the extension's owner, so
-- a role that may load actuals need not be allowed to update indicators;
-- they run fixed statements only.  The facts stay the truth: refresh_state() recomputes
-- every kept column from them, and the "as of" views read the facts.

-- The UPDATE that recomputes one kind of kept state for the keys a query
-- gives (project_id, code; project_id alone for money).  Run by EXECUTE in
-- the trigger functions, which are the only place the transition tables are
-- visible.
CREATE FUNCTION perfeval.state_sql(kind text, keys text) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN CASE kind
	WHEN 'actual' THEN format($q$
		UPDATE perfeval.indicator i
		   SET actual_on = l.reported_on, actual_measure = l.measure, actual_tier = l.tier,
			   actual_fraction = l.fraction, actual_note = l.deviation_note
		  FROM (SELECT DISTINCT k0.project_id, k0.code FROM %1$s k0) k
		  LEFT JOIN (SELECT DISTINCT ON (a.project_id, a.code) a.project_id, a.code,
							a.reported_on, a.measure, a.tier, a.fraction, a.deviation_note
					   FROM perfeval.actual a
					  WHERE (a.project_id, a.code) IN (SELECT k1.project_id, k1.code FROM %1$s k1)
					  ORDER BY a.project_id, a.code, a.reported_on DESC) l
				 ON l.project_id = k.project_id AND l.code = k.code
		 WHERE i.project_id = k.project_id AND i.code = k.code$q$, keys)
	WHEN 'checklist' THEN format($q$
		UPDATE perfeval.indicator i
		   SET deducted = l.deducted
		  FROM (SELECT DISTINCT k0.project_id, k0.code FROM %1$s k0) k
		  LEFT JOIN (SELECT cp.project_id, cp.code, sum(cp.deduction) AS deducted
					   FROM perfeval.checklist_point cp
					  WHERE (cp.project_id, cp.code) IN (SELECT k1.project_id, k1.code FROM %1$s k1)
					  GROUP BY cp.project_id, cp.code) l
				 ON l.project_id = k.project_id AND l.code = k.code
		 WHERE i.project_id = k.project_id AND i.code = k.code
		   AND i.deducted IS DISTINCT FROM l.deducted$q$, keys)
	-- the rate an indicator takes from money (perfeval.rate, execution_rate
	-- on the scheme's base) or a survey: an option without its own
	-- coefficient takes the scheme's at its position; no survey rate when a
	-- coefficient is missing or nobody answered.  NULL for other sources.
	WHEN 'rate' THEN format($q$
		UPDATE perfeval.indicator i
		   SET rate = l.rate
		  FROM (SELECT k.project_id, k.code,
					   CASE ki.source
						   WHEN 'survey' THEN v.rate
						   WHEN 'arrival_rate' THEN perfeval.rate(p.money_arrived, p.money_budget)
						   WHEN 'execution_rate' THEN perfeval.execution_rate(p.money_spent,
								p.money_arrived, p.money_budget, p.money_initial_budget, s.execution_base)
					   END AS rate
				  FROM (SELECT DISTINCT k0.project_id, k0.code FROM %1$s k0) k
				  JOIN perfeval.indicator ki ON ki.project_id = k.project_id AND ki.code = k.code
				  JOIN perfeval.project p ON p.project_id = k.project_id
				  JOIN perfeval.scheme s ON s.scheme_id = p.scheme_id
				  LEFT JOIN (SELECT sr.project_id, sr.code,
									CASE WHEN bool_and(coalesce(sr.coefficient,
													   ss.satisfaction_coefficients[sr.option_no]) IS NOT NULL)
											  AND sum(sr.respondents) > 0
										 THEN trim_scale(round(sum(sr.respondents * coalesce(sr.coefficient,
												  ss.satisfaction_coefficients[sr.option_no])) * 100
												  / sum(sr.respondents), 6)) END AS rate
							   FROM perfeval.survey_response sr
							   JOIN perfeval.project sp ON sp.project_id = sr.project_id
							   JOIN perfeval.scheme ss ON ss.scheme_id = sp.scheme_id
							  WHERE (sr.project_id, sr.code) IN (SELECT k1.project_id, k1.code FROM %1$s k1)
							  GROUP BY sr.project_id, sr.code) v
						 ON v.project_id = k.project_id AND v.code = k.code) l
		 WHERE i.project_id = l.project_id AND i.code = l.code
		   AND i.rate IS DISTINCT FROM l.rate$q$, keys)
	WHEN 'money' THEN format($q$
		UPDATE perfeval.project p
		   SET allocations = coalesce(l.n, 0), money_initial_budget = l.initial_budget,
			   money_budget = l.budget, money_arrived = l.arrived, money_spent = l.spent
		  FROM (SELECT DISTINCT k0.project_id FROM %1$s k0) k
		  LEFT JOIN (SELECT a.project_id, count(*) AS n,
							sum(perfeval.wanyuan(a.initial_budget, a.unit)) AS initial_budget,
							sum(perfeval.wanyuan(a.budget, a.unit)) AS budget,
							sum(perfeval.wanyuan(a.arrived, a.unit)) AS arrived,
							sum(perfeval.wanyuan(a.spent, a.unit)) AS spent
					   FROM perfeval.allocation a
					  WHERE a.project_id IN (SELECT k1.project_id FROM %1$s k1)
					  GROUP BY a.project_id) l
				 ON l.project_id = k.project_id
		 WHERE p.project_id = k.project_id$q$, keys)
	END;

-- The indicators that take a rate from money, of the projects in a query.
CREATE FUNCTION perfeval.money_indicators(projects text) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN format('(SELECT i.project_id, i.code FROM perfeval.indicator i
					 WHERE i.source IN (''arrival_rate'', ''execution_rate'')
					   AND i.project_id IN (SELECT k2.project_id FROM %s k2))', projects);

-- One trigger function for every fact table: TG_ARGV[0] is the kind of
-- state it feeds.  The keys are those of the rows the statement wrote or
-- removed; TRUNCATE recomputes every row that had state of that kind.
-- Money feeds the project's sums and then its money-sourced rates.
CREATE FUNCTION perfeval.keep_state() RETURNS trigger
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
	kind text := TG_ARGV[0];
	keys text;
BEGIN
	keys := CASE TG_OP
		WHEN 'INSERT' THEN 'new_rows'
		WHEN 'DELETE' THEN 'old_rows'
		WHEN 'UPDATE' THEN CASE kind WHEN 'money'
			THEN '(SELECT project_id FROM new_rows UNION ALL SELECT project_id FROM old_rows)'
			ELSE '(SELECT project_id, code FROM new_rows UNION ALL SELECT project_id, code FROM old_rows)' END
		ELSE CASE kind
			WHEN 'actual' THEN '(SELECT project_id, code FROM perfeval.indicator WHERE actual_on IS NOT NULL)'
			WHEN 'checklist' THEN '(SELECT project_id, code FROM perfeval.indicator WHERE deducted IS NOT NULL)'
			WHEN 'rate' THEN '(SELECT project_id, code FROM perfeval.indicator WHERE rate IS NOT NULL)'
			ELSE '(SELECT project_id FROM perfeval.project WHERE allocations > 0)' END
		END;
	IF kind = 'money' THEN
		-- the rates first: after a TRUNCATE the sums no longer say which projects had money
		EXECUTE perfeval.state_sql('money', keys);
		EXECUTE perfeval.state_sql('rate', CASE TG_OP WHEN 'TRUNCATE'
			THEN '(SELECT project_id, code FROM perfeval.indicator WHERE rate IS NOT NULL
					AND source IN (''arrival_rate'', ''execution_rate''))'
			ELSE perfeval.money_indicators(keys) END);
	ELSE
		EXECUTE perfeval.state_sql(kind, keys);
	END IF;
	RETURN NULL;
END
$$;

-- A rate also depends on the indicator's own source, the project's scheme
-- and the scheme's base and coefficients: recompute the rates of the
-- indicators an INSERT or UPDATE of those rows may change.  Triggers with
-- transition tables cannot name columns, so these fire on every UPDATE and
-- compare old and new themselves; the updates perfeval makes from its own
-- triggers (trigger depth above 1) change none of these columns.
CREATE FUNCTION perfeval.keep_rates() RETURNS trigger
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
	IF pg_trigger_depth() > 1 THEN
		RETURN NULL;
	END IF;
	EXECUTE perfeval.state_sql('rate', CASE
		WHEN TG_TABLE_NAME = 'indicator' AND TG_OP = 'INSERT' THEN
			'(SELECT n.project_id, n.code FROM new_rows n
			   WHERE n.source IN (''survey'', ''arrival_rate'', ''execution_rate''))'
		WHEN TG_TABLE_NAME = 'indicator' THEN
			'(SELECT n.project_id, n.code FROM new_rows n
			   WHERE n.source IN (''survey'', ''arrival_rate'', ''execution_rate'') OR n.rate IS NOT NULL)'
		WHEN TG_TABLE_NAME = 'project' THEN
			'(SELECT i.project_id, i.code FROM perfeval.indicator i
			   WHERE i.source IN (''survey'', ''arrival_rate'', ''execution_rate'')
				 AND i.project_id IN (SELECT n.project_id FROM new_rows n
						JOIN old_rows o ON o.project_id = n.project_id
					   WHERE n.scheme_id IS DISTINCT FROM o.scheme_id))'
		ELSE
			'(SELECT i.project_id, i.code FROM perfeval.indicator i
				JOIN perfeval.project p ON p.project_id = i.project_id
			   WHERE i.source IN (''survey'', ''arrival_rate'', ''execution_rate'')
				 AND p.scheme_id IN (SELECT n.scheme_id FROM new_rows n
						JOIN old_rows o ON o.scheme_id = n.scheme_id
					   WHERE n.satisfaction_coefficients IS DISTINCT FROM o.satisfaction_coefficients
						  OR n.execution_base IS DISTINCT FROM o.execution_base))'
		END);
	RETURN NULL;
END
$$;

-- Recompute every kept column from the facts (after an upgrade, or after a
-- restore of rows whose kept columns disagree with their facts).  Returns
-- nothing.  perfeval.keeping_state lets its UPDATEs past refuse_kept_edit().
CREATE FUNCTION perfeval.refresh_state() RETURNS void
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp SET perfeval.keeping_state = 'on' AS
$$
BEGIN
	EXECUTE perfeval.state_sql('actual', 'perfeval.indicator');
	EXECUTE perfeval.state_sql('checklist', 'perfeval.indicator');
	EXECUTE perfeval.state_sql('money', 'perfeval.project');
	EXECUTE perfeval.state_sql('rate', 'perfeval.indicator');
END
$$;

-- The kept columns follow the facts: a statement that writes them by hand
-- would leave the scores disagreeing with the facts until the facts next
-- change, so it is refused, as PostgreSQL refuses a write to a generated
-- column.  perfeval's own triggers write them from inside a trigger (depth 1)
-- and refresh_state() sets perfeval.keeping_state; the triggers' WHEN clause
-- keeps the function off those rows.  INSERTs are not checked: a restore
-- writes the kept columns as they were dumped.
CREATE FUNCTION perfeval.refuse_kept_edit() RETURNS trigger
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
	changed text;
	row_key text := to_jsonb(NEW) ->> 'project_id' || coalesce(' ' || (to_jsonb(NEW) ->> 'code'), '');
BEGIN
	-- TG_ARGV: the kept columns, as the trigger's UPDATE OF lists them
	SELECT string_agg(n.key, ', ' ORDER BY n.key) INTO changed
	  FROM jsonb_each(to_jsonb(NEW)) n
	  JOIN jsonb_each(to_jsonb(OLD)) o ON o.key = n.key
	 WHERE n.key = ANY (TG_ARGV) AND n.value IS DISTINCT FROM o.value;
	IF changed IS NOT NULL THEN
		RAISE EXCEPTION 'cannot write % of perfeval.% by hand', changed, TG_TABLE_NAME
			USING ERRCODE = 'generated_always',
				  DETAIL = format('Row %s: perfeval keeps %s from the facts (actual, checklist_point, survey_response, allocation).',
								  row_key, array_to_string(TG_ARGV, ', ')),
				  HINT = 'Change the facts instead, or run SELECT perfeval.refresh_state() to recompute every kept column.';
	END IF;
	RETURN NEW;
END
$$;

CREATE TRIGGER indicator_kept_columns BEFORE UPDATE OF actual_on, actual_measure, actual_tier,
		actual_fraction, actual_note, deducted, rate ON perfeval.indicator
	FOR EACH ROW
	WHEN (pg_trigger_depth() = 0 AND current_setting('perfeval.keeping_state', true) IS DISTINCT FROM 'on')
	EXECUTE FUNCTION perfeval.refuse_kept_edit('actual_on', 'actual_measure', 'actual_tier',
		'actual_fraction', 'actual_note', 'deducted', 'rate');
CREATE TRIGGER project_kept_columns BEFORE UPDATE OF allocations, money_initial_budget, money_budget,
		money_arrived, money_spent ON perfeval.project
	FOR EACH ROW
	WHEN (pg_trigger_depth() = 0 AND current_setting('perfeval.keeping_state', true) IS DISTINCT FROM 'on')
	EXECUTE FUNCTION perfeval.refuse_kept_edit('allocations', 'money_initial_budget', 'money_budget',
		'money_arrived', 'money_spent');

CREATE TRIGGER actual_state_insert AFTER INSERT ON perfeval.actual
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION perfeval.keep_state('actual');
CREATE TRIGGER actual_state_update AFTER UPDATE ON perfeval.actual
	REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval.keep_state('actual');
CREATE TRIGGER actual_state_delete AFTER DELETE ON perfeval.actual
	REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION perfeval.keep_state('actual');
CREATE TRIGGER actual_state_truncate AFTER TRUNCATE ON perfeval.actual
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval.keep_state('actual');

CREATE TRIGGER checklist_point_state_insert AFTER INSERT ON perfeval.checklist_point
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION perfeval.keep_state('checklist');
CREATE TRIGGER checklist_point_state_update AFTER UPDATE ON perfeval.checklist_point
	REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval.keep_state('checklist');
CREATE TRIGGER checklist_point_state_delete AFTER DELETE ON perfeval.checklist_point
	REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION perfeval.keep_state('checklist');
CREATE TRIGGER checklist_point_state_truncate AFTER TRUNCATE ON perfeval.checklist_point
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval.keep_state('checklist');

CREATE TRIGGER survey_response_state_insert AFTER INSERT ON perfeval.survey_response
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION perfeval.keep_state('rate');
CREATE TRIGGER survey_response_state_update AFTER UPDATE ON perfeval.survey_response
	REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval.keep_state('rate');
CREATE TRIGGER survey_response_state_delete AFTER DELETE ON perfeval.survey_response
	REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION perfeval.keep_state('rate');
CREATE TRIGGER survey_response_state_truncate AFTER TRUNCATE ON perfeval.survey_response
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval.keep_state('rate');

CREATE TRIGGER allocation_state_insert AFTER INSERT ON perfeval.allocation
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION perfeval.keep_state('money');
CREATE TRIGGER allocation_state_update AFTER UPDATE ON perfeval.allocation
	REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval.keep_state('money');
CREATE TRIGGER allocation_state_delete AFTER DELETE ON perfeval.allocation
	REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION perfeval.keep_state('money');
CREATE TRIGGER allocation_state_truncate AFTER TRUNCATE ON perfeval.allocation
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval.keep_state('money');

CREATE TRIGGER indicator_rate_insert AFTER INSERT ON perfeval.indicator
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION perfeval.keep_rates();
CREATE TRIGGER indicator_rate_update AFTER UPDATE ON perfeval.indicator
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION perfeval.keep_rates();
CREATE TRIGGER project_rate_update AFTER UPDATE ON perfeval.project
	REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval.keep_rates();
CREATE TRIGGER scheme_rate_update AFTER UPDATE ON perfeval.scheme
	REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval.keep_rates();

COMMENT ON FUNCTION perfeval.state_sql(text, text) IS '重算所维护状态的语句（内部） / The UPDATE that recomputes one kind of kept state for some keys (internal)';
COMMENT ON FUNCTION perfeval.keep_state() IS '事实表变动时维护指标行、项目行上的状态（触发器） / Keeps the state on indicator and project rows as the facts change (trigger)';
COMMENT ON FUNCTION perfeval.money_indicators(text) IS '若干项目中取资金比率的指标（内部） / The money-sourced indicators of some projects (internal)';
COMMENT ON FUNCTION perfeval.keep_rates() IS '指标来源、项目方案或方案口径、系数变动时重算比率（触发器） / Recomputes rates when an indicator''s source, a project''s scheme or a scheme''s base or coefficients change (trigger)';
COMMENT ON FUNCTION perfeval.refresh_state() IS '按事实表重算全部维护列 / Recomputes every kept column from the facts';
COMMENT ON COLUMN perfeval.indicator.actual_on IS '最新实际值的填报日期（扩展维护） / Date of the latest actual (kept by perfeval)';
COMMENT ON COLUMN perfeval.indicator.actual_measure IS '最新实际完成值（扩展维护） / Latest actual value (kept by perfeval)';
COMMENT ON COLUMN perfeval.indicator.actual_tier IS '最新评判档次（扩展维护） / Latest judged tier (kept by perfeval)';
COMMENT ON COLUMN perfeval.indicator.actual_fraction IS '最新评判比例（%）（扩展维护） / Latest judged fraction, percent (kept by perfeval)';
COMMENT ON COLUMN perfeval.indicator.actual_note IS '最新偏差原因说明（扩展维护） / Latest deviation note (kept by perfeval)';
COMMENT ON COLUMN perfeval.indicator.deducted IS '评价要点扣分合计（扩展维护） / Sum of checklist deductions (kept by perfeval)';
COMMENT ON COLUMN perfeval.indicator.rate IS '取自资金或满意度调查的比率（%）（扩展维护） / The rate from money or a survey, percent (kept by perfeval)';
COMMENT ON COLUMN perfeval.project.allocations IS '资金分配行数（扩展维护） / Number of allocation rows (kept by perfeval)';
COMMENT ON COLUMN perfeval.project.money_initial_budget IS '年初预算合计（万元）（扩展维护） / Initial budget in 万元 (kept by perfeval)';
COMMENT ON COLUMN perfeval.project.money_budget IS '全年预算合计（万元）（扩展维护） / Full-year budget in 万元 (kept by perfeval)';
COMMENT ON COLUMN perfeval.project.money_arrived IS '实际到位合计（万元）（扩展维护） / Arrived in 万元 (kept by perfeval)';
COMMENT ON COLUMN perfeval.project.money_spent IS '全年执行合计（万元）（扩展维护） / Spent in 万元 (kept by perfeval)';
COMMENT ON FUNCTION perfeval.refuse_kept_edit() IS '拒绝手工改写所维护的列（触发器） / Refuses a hand-written change to a kept column (trigger)';
-- Section 50: the warehouse views (the read contract).
--
-- Every view is plain SQL over plain column types, so the planner inlines it
-- into the caller's query (filters on project_id reach the indexes) and any
-- BI tool can read it.  The "as of" forms are SQL set-returning functions
-- that the planner inlines the same way; each view is its function at
-- 'infinity'.

-- Helpers: tiny SQL expressions, inlined by the planner.  Not STRICT on
-- purpose: PostgreSQL does not inline a STRICT SQL function whose body is not
-- strict (a CASE), and a call per row costs far more than the expression.
-- A NULL argument still gives NULL.

-- Round a non-negative score as its scheme says: x + round_offset truncated
-- (x appears once, so the planner inlines the call).
CREATE FUNCTION perfeval.scheme_round(x numeric, decimals int, round_offset numeric) RETURNS numeric
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN trim_scale(trunc(x + round_offset, decimals));

CREATE FUNCTION perfeval.wanyuan(amount numeric, unit text) RETURNS numeric
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN CASE unit WHEN '万元' THEN amount WHEN '元' THEN amount * 0.0001
		WHEN '亿元' THEN amount * 10000 END;

CREATE FUNCTION perfeval.execution_rate(spent numeric, arrived numeric, budget numeric,
		initial_budget numeric, base text) RETURNS numeric
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN perfeval.rate(spent, CASE base WHEN 'budget' THEN budget
		WHEN 'initial' THEN initial_budget ELSE arrived END);

-- A number as a working paper writes it: 2855.55, 100, 0.3.
CREATE FUNCTION perfeval.num_text(x numeric) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN trim_scale(x)::text;

-- A percentage as a working paper writes it: 105.26%.
CREATE FUNCTION perfeval.pct_text(x numeric) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN trim_scale(round(x, 2))::text || '%';

-- The end of an explanation: how a completion rate became a score.
CREATE FUNCTION perfeval.score_text(completion numeric, weight numeric, score numeric,
		method perfeval.method) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN CASE
		WHEN completion >= 100 AND score = weight THEN
			CASE WHEN completion > 100 THEN '超过指标值' ELSE '达到指标值' END
			|| '，得满分' || perfeval.num_text(weight) || '分'
		WHEN method::text = 'proportional' THEN
			'未达到指标值，得分=' || perfeval.num_text(weight) || '×'
			|| perfeval.pct_text(completion) || '=' || perfeval.num_text(score) || '分'
		ELSE '未达到指标值，按评分方法' || method::text || '得'
			|| perfeval.num_text(score) || '分' END;

-- Money per project, in 万元, with the rates its scheme defines (the sums
-- are kept on the project row, section 45; a project without allocation
-- rows has no money row).
CREATE VIEW perfeval.project_money AS
SELECT p.project_id, p.money_initial_budget AS initial_budget, p.money_budget AS budget,
	   p.money_arrived AS arrived, p.money_spent AS spent,
	   p.money_arrived - p.money_spent AS balance,
	   perfeval.rate(p.money_arrived, p.money_budget) AS arrival_rate,
	   perfeval.execution_rate(p.money_spent, p.money_arrived, p.money_budget,
							   p.money_initial_budget, s.execution_base) AS execution_rate,
	   s.execution_base
  FROM perfeval.project p
  JOIN perfeval.scheme s ON s.scheme_id = p.scheme_id
 WHERE p.allocations > 0;

-- The latest actual of each indicator reported on or before a date.
CREATE FUNCTION perfeval.actual_as_of(as_of date)
	RETURNS TABLE (project_id text, code text, reported_on date, measure perfeval.measure,
				   tier text, fraction numeric, deviation_note text)
	LANGUAGE sql STABLE PARALLEL SAFE
	BEGIN ATOMIC
	SELECT DISTINCT ON (a.project_id, a.code)
		   a.project_id, a.code, a.reported_on, a.measure, a.tier, a.fraction,
		   a.deviation_note
	  FROM perfeval.actual a
	 WHERE a.reported_on <= as_of
	 ORDER BY a.project_id, a.code, a.reported_on DESC;
	END;

CREATE VIEW perfeval.latest_actual AS
SELECT project_id, code, reported_on, measure::text AS measure, tier, fraction, deviation_note
  FROM perfeval.actual_as_of('infinity');

-- Per indicator: completion, score and a working-paper explanation, with the
-- actuals known on a date.  Columns after "explanation" serve the findings.
CREATE FUNCTION perfeval.indicator_scores_as_of(as_of date)
	RETURNS TABLE (project_id text, code text, seq int, level1 text, level2 text,
				   name text, weight numeric, applicable boolean, source text,
				   target text, actual text, reported_on date, tier text,
				   fraction numeric, deviation_note text, completion numeric,
				   score numeric, score_rate numeric, printed_score numeric,
				   explanation text, problem text, over_threshold numeric)
	LANGUAGE sql STABLE PARALLEL SAFE
	BEGIN ATOMIC
	SELECT i.project_id, i.code, i.seq, i.level1, i.level2, i.name, i.weight,
		   i.applicable, i.source, i.target::text,
		   coalesce(a.measure::text, perfeval.num_text(r.rate) || '%'), a.reported_on,
		   a.tier, a.fraction, a.deviation_note, c.completion,
		   f.score, perfeval.rate(f.score, i.weight), i.printed_score,
		   CASE
			   WHEN NOT i.applicable THEN
				   '不适用：不计分，项目总分按其余指标权重折算为100分'
			   WHEN f.score IS NULL THEN '无法计分：' || CASE c.problem
				   WHEN 'missing_actual' THEN '未录入实际完成值'
				   WHEN 'missing_target' THEN '未设定指标值'
				   WHEN 'unjudged_qualitative' THEN '定性指标未评判达成档次'
				   WHEN 'incomparable_units' THEN '指标值与实际值单位不可比'
				   WHEN 'judgement_out_of_band' THEN '评判比例不在所评档次区间内'
				   WHEN 'missing_responses' THEN '无满意度调查样本'
				   WHEN 'missing_money' THEN '无资金数据或预算为零'
				   ELSE '数据不全' END
			   WHEN i.source = 'checklist' THEN
				   CASE WHEN coalesce(i.deducted, 0) = 0 THEN
						'按评价要点评分，未扣分，得满分' || perfeval.num_text(i.weight) || '分'
					ELSE '按评价要点评分，扣' || perfeval.num_text(i.deducted) || '分（'
						|| (SELECT string_agg(cp.description || '：' || coalesce(cp.reason, '未说明理由'), '；'
											  ORDER BY cp.point_no)
							  FROM perfeval.checklist_point cp
							 WHERE cp.project_id = i.project_id AND cp.code = i.code AND cp.deduction > 0)
						|| '），得分=' || perfeval.num_text(i.weight) || '−'
						|| perfeval.num_text(i.deducted) || '=' || perfeval.num_text(f.score) || '分'
				   END
			   WHEN a.tier IS NOT NULL THEN
				   '定性指标，指标值“' || coalesce(i.target::text, '') || '”，实际完成“'
				   || coalesce(a.measure::text, '') || '”，评价为' || a.tier || '，按'
				   || perfeval.num_text(a.fraction) || '%计，得分=' || perfeval.num_text(i.weight)
				   || '×' || perfeval.num_text(a.fraction) || '%=' || perfeval.num_text(f.score) || '分'
			   ELSE
				   CASE i.source
					   -- an option without its own coefficient takes the scheme's
					   WHEN 'survey' THEN (SELECT '满意度=(' || string_agg(sr.respondents || '×'
								   || coalesce(perfeval.num_text(coalesce(sr.coefficient,
										  s.satisfaction_coefficients[sr.option_no])), '?'), '+' ORDER BY sr.option_no)
								   || ')÷' || sum(sr.respondents)
							 FROM perfeval.survey_response sr
							WHERE sr.project_id = i.project_id AND sr.code = i.code)
						   || '=' || perfeval.pct_text(r.rate) || '，'
					   WHEN 'arrival_rate' THEN '资金到位率=实际到位' || perfeval.num_text(p.money_arrived)
						   || '万元÷全年预算' || perfeval.num_text(p.money_budget) || '万元='
						   || perfeval.pct_text(r.rate) || '，'
					   WHEN 'execution_rate' THEN '预算执行率=全年执行' || perfeval.num_text(p.money_spent)
						   || '万元÷' || CASE s.execution_base WHEN 'budget' THEN '全年预算'
							   || perfeval.num_text(p.money_budget) WHEN 'initial' THEN '年初预算'
							   || perfeval.num_text(p.money_initial_budget) ELSE '实际到位'
							   || perfeval.num_text(p.money_arrived) END
						   || '万元=' || perfeval.pct_text(r.rate) || '，'
					   ELSE '' END
				   || CASE
					   WHEN i.target IS NULL THEN ''
					   WHEN perfeval.comparator(i.target) IN ('≤', '<') THEN
						   '实际完成值' || coalesce(a.measure::text, perfeval.num_text(r.rate) || '%')
						   || '，指标值' || i.target::text
						   || CASE WHEN c.completion >= 100 THEN '，' ELSE '，指标完成率='
							   || perfeval.pct_text(c.completion) || '，' END
					   ELSE '指标完成率=' || perfeval.num_text(coalesce(r.rate, perfeval.amount(a.measure)))
						   || CASE WHEN r.rate IS NULL
								   AND perfeval.unit(a.measure) <> perfeval.unit(i.target)
								   AND perfeval.unit(i.target) <> '' AND perfeval.unit(a.measure) <> ''
								   THEN perfeval.unit(a.measure) ELSE '' END
						   || '÷' || perfeval.num_text(perfeval.amount(i.target))
						   || CASE WHEN r.rate IS NULL
								   AND perfeval.unit(a.measure) <> perfeval.unit(i.target)
								   AND perfeval.unit(i.target) <> '' AND perfeval.unit(a.measure) <> ''
								   THEN perfeval.unit(i.target) ELSE '' END
						   || '=' || perfeval.pct_text(c.completion) || '，' END
				   || perfeval.score_text(c.completion, i.weight, f.score, i.method)
		   END,
		   CASE WHEN i.applicable AND f.score IS NULL THEN c.problem END,
		   s.over_threshold
	  FROM perfeval.indicator i
	  -- the latest actual is kept on the indicator row (section 45); an
	  -- earlier date reads the facts.  as_of is a constant in the views, so
	  -- the CASEs fold to the kept columns and the planner removes the join
	  -- (nothing reads h).
	  LEFT JOIN perfeval.actual_as_of(as_of) h
			 ON h.project_id = i.project_id AND h.code = i.code
	  CROSS JOIN LATERAL (SELECT
			CASE WHEN as_of = 'infinity' THEN i.actual_on ELSE h.reported_on END AS reported_on,
			CASE WHEN as_of = 'infinity' THEN i.actual_measure ELSE h.measure END AS measure,
			CASE WHEN as_of = 'infinity' THEN i.actual_tier ELSE h.tier END AS tier,
			CASE WHEN as_of = 'infinity' THEN i.actual_fraction ELSE h.fraction END AS fraction,
			CASE WHEN as_of = 'infinity' THEN i.actual_note ELSE h.deviation_note END AS deviation_note) a
	  JOIN perfeval.project p ON p.project_id = i.project_id
	  JOIN perfeval.scheme s ON s.scheme_id = p.scheme_id
	  -- the rate an indicator takes from money or a survey (kept, section 45)
	  CROSS JOIN LATERAL (SELECT i.rate, (i.rate::text || '%')::perfeval.measure AS rate_pct) r
	  CROSS JOIN LATERAL (SELECT
			CASE
				WHEN i.source = 'checklist' OR NOT i.applicable THEN NULL
				WHEN a.tier IS NOT NULL THEN a.fraction
				WHEN i.source = 'actual' THEN
					CASE WHEN perfeval.comparable(i.target, a.measure)
						 THEN perfeval.completion(i.target, a.measure, s.reverse_rule) END
				WHEN i.target IS NULL THEN r.rate
				WHEN perfeval.comparable(i.target, r.rate_pct)
				THEN perfeval.completion(i.target, r.rate_pct, s.reverse_rule) END AS completion,
			CASE
				WHEN i.source = 'checklist' THEN NULL
				WHEN a.tier IS NOT NULL THEN 'judgement_out_of_band'
				WHEN i.source = 'survey' AND r.rate IS NULL THEN 'missing_responses'
				WHEN i.source IN ('arrival_rate', 'execution_rate') AND r.rate IS NULL THEN 'missing_money'
				WHEN i.source = 'actual' AND a.measure IS NULL THEN 'missing_actual'
				WHEN i.target IS NULL AND i.source = 'actual' THEN 'missing_target'
				WHEN perfeval.is_qualitative(a.measure) OR perfeval.is_qualitative(i.target) THEN 'unjudged_qualitative'
				WHEN i.source = 'actual' AND NOT perfeval.comparable(i.target, a.measure) THEN 'incomparable_units'
				WHEN i.source <> 'actual' AND NOT perfeval.comparable(i.target, r.rate_pct) THEN 'incomparable_units'
				ELSE 'unscorable' END AS problem) c
	  -- the score in one call, for any source (its SQL form is in
	  -- test/sql/rowscore.sql, which checks that the two agree)
	  CROSS JOIN LATERAL (SELECT perfeval.row_score(i.weight, i.applicable, i.source, i.target,
			a.measure, a.tier, a.fraction, i.method, i.deducted, i.rate,
			s.reverse_rule, s.decimals, s.rounding, s.tier_high, s.tier_low)
			AS score) f;
	END;

CREATE VIEW perfeval.indicator_scores AS
SELECT project_id, code, seq, level1, level2, name, weight, applicable, source, target,
	   actual, reported_on, tier, fraction, deviation_note, completion, score,
	   score_rate, printed_score, explanation
  FROM perfeval.indicator_scores_as_of('infinity');

-- Per indicator, only what the totals need: the weight and the score as
-- row_points() (the score times 10^6, a bigint), with the actuals known on a
-- date.  The level and project totals add these: a bigint sum is exact and
-- several times cheaper than a numeric one over millions of rows.
CREATE FUNCTION perfeval.indicator_points_as_of(as_of date)
	RETURNS TABLE (project_id text, code text, seq int, level1 text, level2 text,
				   weight numeric, applicable boolean, points bigint)
	LANGUAGE sql STABLE PARALLEL SAFE
	BEGIN ATOMIC
	SELECT i.project_id, i.code, i.seq, i.level1, i.level2, i.weight, i.applicable,
		   perfeval.row_points(i.weight, i.applicable, i.source, i.target, a.measure, a.tier,
			   a.fraction, i.method, i.deducted, i.rate, s.reverse_rule, s.decimals, s.rounding,
			   s.tier_high, s.tier_low)
	  FROM perfeval.indicator i
	  -- as in indicator_scores_as_of: the kept actual, or the facts on an earlier date
	  LEFT JOIN perfeval.actual_as_of(as_of) h
			 ON h.project_id = i.project_id AND h.code = i.code
	  CROSS JOIN LATERAL (SELECT
			CASE WHEN as_of = 'infinity' THEN i.actual_measure ELSE h.measure END AS measure,
			CASE WHEN as_of = 'infinity' THEN i.actual_tier ELSE h.tier END AS tier,
			CASE WHEN as_of = 'infinity' THEN i.actual_fraction ELSE h.fraction END AS fraction) a
	  JOIN perfeval.project p ON p.project_id = i.project_id
	  JOIN perfeval.scheme s ON s.scheme_id = p.scheme_id;
	END;

-- Per project and level 2, per project and level 1.  A level with an
-- indicator that cannot be scored has no score (NULL), never a partial sum.
CREATE FUNCTION perfeval.level2_scores_as_of(as_of date)
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

CREATE FUNCTION perfeval.level1_scores_as_of(as_of date)
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

CREATE VIEW perfeval.level2_scores AS
SELECT * FROM perfeval.level2_scores_as_of('infinity');
CREATE VIEW perfeval.level1_scores AS
SELECT * FROM perfeval.level1_scores_as_of('infinity');

-- Per project: the total (sum of the rounded indicator scores, rescaled to
-- 100 when indicators do not apply), its grade, and the printed figures.
CREATE FUNCTION perfeval.project_scores_as_of(as_of date)
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

CREATE VIEW perfeval.project_scores AS
SELECT * FROM perfeval.project_scores_as_of('infinity');

-- Money per project × department × fund level, with subtotals per
-- department and per fund level and the project total, in 万元.
CREATE VIEW perfeval.allocation_summary AS
SELECT g.project_id,
	   CASE g.grp WHEN 0 THEN '明细' WHEN 1 THEN '部门小计' WHEN 2 THEN '级次小计'
		   ELSE '合计' END AS row_kind,
	   g.department, g.fund_level, g.initial_budget, g.budget, g.arrived, g.spent,
	   g.arrived - g.spent AS balance,
	   perfeval.rate(g.arrived, g.budget) AS arrival_rate,
	   perfeval.execution_rate(g.spent, g.arrived, g.budget, g.initial_budget,
							   s.execution_base) AS execution_rate,
	   s.execution_base
  FROM (SELECT a.project_id, a.department, a.fund_level,
			   grouping(a.department, a.fund_level) AS grp,
			   sum(perfeval.wanyuan(a.initial_budget, a.unit)) AS initial_budget,
			   sum(perfeval.wanyuan(a.budget, a.unit)) AS budget,
			   sum(perfeval.wanyuan(a.arrived, a.unit)) AS arrived,
			   sum(perfeval.wanyuan(a.spent, a.unit)) AS spent
		  FROM perfeval.allocation a
		 GROUP BY GROUPING SETS ((a.project_id, a.department, a.fund_level),
								 (a.project_id, a.department),
								 (a.project_id, a.fund_level),
								 (a.project_id))) g
  JOIN perfeval.project p ON p.project_id = g.project_id
  JOIN perfeval.scheme s ON s.scheme_id = p.scheme_id;

COMMENT ON FUNCTION perfeval.scheme_round(numeric, int, numeric) IS '按方案舍入（四舍五入或截尾） / Rounds a non-negative score as a scheme says (half-up or truncate)';
COMMENT ON FUNCTION perfeval.wanyuan(numeric, text) IS '金额折算为万元 / An amount in 万元';
COMMENT ON FUNCTION perfeval.execution_rate(numeric, numeric, numeric, numeric, text) IS '预算执行率（按口径） / Execution rate on the given base';
COMMENT ON FUNCTION perfeval.num_text(numeric) IS '数字的底稿写法 / A number as a working paper writes it';
COMMENT ON FUNCTION perfeval.pct_text(numeric) IS '百分比的底稿写法（两位小数） / A percentage as a working paper writes it';
COMMENT ON FUNCTION perfeval.score_text(numeric, numeric, numeric, perfeval.method) IS '完成率到得分的说明 / How a completion rate became a score';
COMMENT ON FUNCTION perfeval.actual_as_of(date) IS '截至某日的最新实际值 / The latest actual of each indicator on a date';
COMMENT ON FUNCTION perfeval.indicator_scores_as_of(date) IS '截至某日的指标得分 / Indicator scores with the actuals known on a date';
COMMENT ON FUNCTION perfeval.indicator_points_as_of(date) IS '截至某日的指标得分×10^6（供汇总，内部） / Weights and scores times 10^6 on a date, for the totals (internal)';
COMMENT ON FUNCTION perfeval.level2_scores_as_of(date) IS '截至某日的二级指标得分 / Level-2 scores on a date';
COMMENT ON FUNCTION perfeval.level1_scores_as_of(date) IS '截至某日的一级指标得分 / Level-1 scores on a date';
COMMENT ON FUNCTION perfeval.project_scores_as_of(date) IS '截至某日的项目得分 / Project totals on a date';

COMMENT ON VIEW perfeval.project_money IS '项目资金合计（万元）及到位率、执行率 / Money per project in 万元 with arrival and execution rates';
COMMENT ON VIEW perfeval.latest_actual IS '各指标最新实际值 / The latest actual of each indicator';
COMMENT ON VIEW perfeval.indicator_scores IS '三级指标得分及计算说明 / Per-indicator completion, score and explanation';
COMMENT ON COLUMN perfeval.indicator_scores.completion IS '指标完成率（%） / Completion, percent';
COMMENT ON COLUMN perfeval.indicator_scores.score IS '得分（按方案舍入） / Score, rounded as the scheme says';
COMMENT ON COLUMN perfeval.indicator_scores.score_rate IS '得分率（%） / Score rate, percent of weight';
COMMENT ON COLUMN perfeval.indicator_scores.explanation IS '计算说明（底稿） / Explanation in the style of a working paper';
COMMENT ON VIEW perfeval.level2_scores IS '二级指标得分汇总 / Per-project level-2 weights, scores and score rates';
COMMENT ON VIEW perfeval.level1_scores IS '一级指标得分汇总 / Per-project level-1 weights, scores and score rates';
COMMENT ON VIEW perfeval.project_scores IS '项目得分汇总 / Per-project totals and grades';
COMMENT ON COLUMN perfeval.project_scores.total IS '计算总分 / Total computed from the indicators';
COMMENT ON COLUMN perfeval.project_scores.grade IS '按方案评定的等级 / Grade of the computed total under the scheme';
COMMENT ON COLUMN perfeval.project_scores.difference IS '计算总分−报告总分 / Computed minus printed total';
COMMENT ON COLUMN perfeval.project_scores.grade_agrees IS '报告等级与评定等级一致 / Printed grade names the band of the final score';
COMMENT ON COLUMN perfeval.project_scores.final_score IS '采用得分：可计算时为计算值，否则为报告值 / Score of record: computed, else printed';
COMMENT ON COLUMN perfeval.project_scores.final_grade IS '采用得分的等级 / Grade of the score of record';
COMMENT ON VIEW perfeval.allocation_summary IS '资金汇总：按部门、资金级次及合计（万元） / Money per department and fund level with subtotals, in 万元';
COMMENT ON COLUMN perfeval.allocation_summary.balance IS '资金结余=实际到位−全年执行 / Balance: arrived minus spent';
COMMENT ON COLUMN perfeval.allocation_summary.arrival_rate IS '资金到位率=实际到位÷全年预算（%） / Arrival rate, percent';
COMMENT ON COLUMN perfeval.allocation_summary.execution_rate IS '预算执行率（口径见方案）（%） / Execution rate on the scheme''s base, percent';
-- Section 60: data-quality findings.
--
-- A finding is a fact about the data a reader should look at: a figure the
-- report printed that its own inputs do not give, a rule of the evaluation
-- not followed, or a row that cannot be scored.  Each has a kind (a stable
-- English key for filters and dashboards) and a detail in Chinese.

CREATE VIEW perfeval.findings AS
-- a project whose total cannot be computed at all
SELECT p.project_id, NULL::text AS code, 'no_indicators' AS kind,
	   '未录入三级指标，无法计算总分' || coalesce('；报告总分' || p.printed_total::text
		   || '未经核验', '') AS detail
  FROM perfeval.project p
 WHERE NOT EXISTS (SELECT FROM perfeval.indicator i WHERE i.project_id = p.project_id)
UNION ALL
SELECT i.project_id, NULL, 'weights_total',
	   '三级指标权重合计' || perfeval.num_text(sum(i.weight)) || '分，不等于100分'
  FROM perfeval.indicator i
 GROUP BY i.project_id
HAVING sum(i.weight) <> 100
UNION ALL
-- the printed total and grade, from one pass over project_scores
SELECT ps.project_id, NULL, k.kind, k.detail
  FROM perfeval.project_scores ps
 CROSS JOIN LATERAL unnest(
	   ARRAY['printed_total', 'printed_grade'],
	   ARRAY[
		CASE WHEN ps.difference <> 0 THEN
			'报告总分' || ps.printed_total::text || '分，按指标计算应为'
			|| perfeval.num_text(ps.total) || '分（差' || perfeval.num_text(ps.total - ps.printed_total) || '分）' END,
		CASE WHEN NOT ps.grade_agrees THEN
			'报告等级“' || ps.printed_grade || '”，' || perfeval.num_text(ps.final_score)
			|| '分按方案' || ps.scheme_id || '应为“' || ps.final_grade || '”' END]) AS k(kind, detail)
 WHERE (ps.difference <> 0 OR NOT ps.grade_agrees) AND k.detail IS NOT NULL
UNION ALL
-- per indicator, one branch per kind, each filtering on its own condition
-- (a lateral list of the four kinds made four rows of every indicator row and,
-- as a VALUES list, compiled its expressions again for each: 37 s a year)
SELECT x.project_id, x.code, 'printed_score',
	   x.name || '：报告得分' || x.printed_score::text || '分，按输入应得'
	   || perfeval.num_text(x.score) || '分（分值' || perfeval.num_text(x.weight) || '分）'
  FROM perfeval.indicator_scores_as_of('infinity') x
 WHERE x.printed_score <> x.score
UNION ALL
SELECT x.project_id, x.code, 'over_achievement',
	   x.name || '：指标完成率' || perfeval.pct_text(x.completion) || '，超过' || perfeval.num_text(x.over_threshold)
	   || '%，未说明偏差原因（指标值可能偏低）'
  FROM perfeval.indicator_scores_as_of('infinity') x
 WHERE x.completion >= x.over_threshold AND x.deviation_note IS NULL
UNION ALL
SELECT x.project_id, x.code, 'shortfall',
	   x.name || '：指标完成率' || perfeval.pct_text(x.completion) || '，未完成指标值，未说明偏差原因'
  FROM perfeval.indicator_scores_as_of('infinity') x
 WHERE x.completion < 100 AND x.deviation_note IS NULL
UNION ALL
SELECT x.project_id, x.code, x.problem, x.name || '：' || CASE x.problem
		WHEN 'missing_actual' THEN '未录入实际完成值，无法计分'
		WHEN 'missing_target' THEN '未设定指标值，无法计分'
		WHEN 'unjudged_qualitative' THEN '定性指标（指标值“' || coalesce(x.target, '') || '”，实际“'
			|| coalesce(x.actual, '') || '”）未评判达成档次，无法计分'
		WHEN 'incomparable_units' THEN '指标值' || x.target || '与实际值' || x.actual || '单位不可比，无法计分'
		WHEN 'judgement_out_of_band' THEN '评判为' || x.tier || '，比例' || perfeval.num_text(x.fraction)
			|| '%不在该档区间内，无法计分'
		WHEN 'missing_responses' THEN '无满意度调查样本或选项缺少系数，无法计分'
		WHEN 'missing_money' THEN '无资金数据或比率分母为零，无法计分'
		ELSE '数据不全，无法计分' END
  FROM perfeval.indicator_scores_as_of('infinity') x
 WHERE x.problem IS NOT NULL
UNION ALL
SELECT i.project_id, i.code, 'checklist_points',
	   i.name || '：' || CASE WHEN count(cp.points) < count(*) THEN '部分评价要点未列分值'
		   ELSE '评价要点分值合计' || perfeval.num_text(sum(cp.points)) || '分，不等于指标分值'
			   || perfeval.num_text(i.weight) || '分' END
  FROM perfeval.indicator i
  JOIN perfeval.checklist_point cp ON cp.project_id = i.project_id AND cp.code = i.code
 GROUP BY i.project_id, i.code, i.name, i.weight
HAVING count(cp.points) > 0 AND (count(cp.points) < count(*) OR sum(cp.points) <> i.weight)
UNION ALL
SELECT a.project_id, NULL, 'spent_above_arrived',
	   a.department || '（' || a.fund_level || '）：全年执行' || perfeval.num_text(a.spent) || a.unit
	   || '超过实际到位' || perfeval.num_text(a.arrived) || a.unit
  FROM perfeval.allocation a
 WHERE a.spent > a.arrived
UNION ALL
SELECT a.project_id, NULL, 'zero_budget',
	   a.department || '（' || a.fund_level || '）：全年预算为0'
	   || CASE WHEN a.arrived > 0 OR a.spent > 0 THEN '，但有到位或执行资金' ELSE '' END
  FROM perfeval.allocation a
 WHERE a.budget = 0;

COMMENT ON VIEW perfeval.findings IS '数据质量问题：报告数字与输入不符、权重不为100、超额或未完成未说明原因、要点分值不符、支出超到位、零预算、无法计分 / Data-quality findings with a kind and a detail';
COMMENT ON COLUMN perfeval.findings.kind IS '问题类别（英文键） / Kind of finding, a stable English key';
COMMENT ON COLUMN perfeval.findings.detail IS '问题说明 / What is wrong, in Chinese';
-- Section 70: warehouse roll-ups.
--
-- One row per project with its score of record and money, then grouped by
-- region (province / prefecture / county from the GB/T 2260 code) or by
-- department.  Grades are counted by band label: 优 / 良 / 中 / 差 and the
-- longer labels that begin with them (优秀, 良好, 中等).

CREATE VIEW perfeval.project_facts AS
SELECT ps.project_id, ps.year, ps.division_code,
	   left(ps.division_code, 2) || '0000' AS province,
	   CASE WHEN substr(ps.division_code, 3, 2) <> '00'
			THEN left(ps.division_code, 4) || '00' END AS prefecture,
	   CASE WHEN right(ps.division_code, 2) <> '00' THEN ps.division_code END AS county,
	   ps.department, ps.final_score, ps.final_grade,
	   m.money_budget AS budget, m.money_arrived AS arrived, m.money_spent AS spent
  FROM perfeval.project_scores ps
  -- the money kept on the project row (section 45), as project_money gives it
  JOIN perfeval.project m ON m.project_id = ps.project_id;

CREATE VIEW perfeval.rollup_region AS
SELECT g.year, g.level, g.division_code, d.name AS division_name, g.projects,
	   g.grade_excellent, g.grade_good, g.grade_fair, g.grade_poor, g.ungraded,
	   g.mean_score, g.weighted_mean_score, g.budget, g.spent, g.execution_rate
  FROM (SELECT f.year,
			   CASE grouping(f.province, f.prefecture, f.county)
				   WHEN 3 THEN 'province' WHEN 5 THEN 'prefecture' ELSE 'county' END AS level,
			   coalesce(f.county, f.prefecture, f.province) AS division_code,
			   count(*) AS projects,
			   count(*) FILTER (WHERE f.final_grade LIKE '优%') AS grade_excellent,
			   count(*) FILTER (WHERE f.final_grade LIKE '良%') AS grade_good,
			   count(*) FILTER (WHERE f.final_grade LIKE '中%') AS grade_fair,
			   count(*) FILTER (WHERE f.final_grade LIKE '差%' OR f.final_grade LIKE '较差%') AS grade_poor,
			   count(*) FILTER (WHERE f.final_grade IS NULL) AS ungraded,
			   round(avg(f.final_score), 2) AS mean_score,
			   round(sum(f.final_score * f.budget) / nullif(sum(f.budget) FILTER (WHERE f.final_score IS NOT NULL), 0), 2)
				   AS weighted_mean_score,
			   sum(f.budget) AS budget, sum(f.spent) AS spent,
			   perfeval.rate(sum(f.spent), sum(f.arrived)) AS execution_rate
		  FROM perfeval.project_facts f
		 GROUP BY GROUPING SETS ((f.year, f.province), (f.year, f.prefecture), (f.year, f.county))) g
  LEFT JOIN perfeval.division d ON d.code = g.division_code
 WHERE g.division_code IS NOT NULL;

CREATE VIEW perfeval.rollup_department AS
SELECT f.year, f.department, count(*) AS projects,
	   count(*) FILTER (WHERE f.final_grade LIKE '优%') AS grade_excellent,
	   count(*) FILTER (WHERE f.final_grade LIKE '良%') AS grade_good,
	   count(*) FILTER (WHERE f.final_grade LIKE '中%') AS grade_fair,
	   count(*) FILTER (WHERE f.final_grade LIKE '差%' OR f.final_grade LIKE '较差%') AS grade_poor,
	   count(*) FILTER (WHERE f.final_grade IS NULL) AS ungraded,
	   round(avg(f.final_score), 2) AS mean_score,
	   round(sum(f.final_score * f.budget) / nullif(sum(f.budget) FILTER (WHERE f.final_score IS NOT NULL), 0), 2)
		   AS weighted_mean_score,
	   sum(f.budget) AS budget, sum(f.spent) AS spent,
	   perfeval.rate(sum(f.spent), sum(f.arrived)) AS execution_rate
  FROM perfeval.project_facts f
 GROUP BY f.year, f.department;

COMMENT ON VIEW perfeval.project_facts IS '项目事实：采用得分、等级、区划层级与资金（万元） / One row per project: score of record, grade, division levels, money in 万元';
COMMENT ON VIEW perfeval.rollup_region IS '按年度×省/市/县汇总：项目数、各等级数、平均分、预算加权平均分、预算、支出、执行率 / Per year and province, prefecture or county: projects, grades, mean and budget-weighted mean score, budget, spent, execution rate';
COMMENT ON COLUMN perfeval.rollup_region.level IS '区划层级：province 省、prefecture 市（州）、county 县（区） / Division level';
COMMENT ON COLUMN perfeval.rollup_region.weighted_mean_score IS '按全年预算加权的平均分 / Mean score weighted by full-year budget';
COMMENT ON COLUMN perfeval.rollup_region.execution_rate IS '执行率=支出合计÷到位合计（%） / Spent over arrived, percent';
COMMENT ON VIEW perfeval.rollup_department IS '按年度×主管部门汇总 / Per year and supervising department: projects, grades, scores and money';
