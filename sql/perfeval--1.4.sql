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

-- Values perfeval derives and never takes as input: a scheme's rules
-- (scheme.rules, generated), what it keeps of a project's facts
-- (perfeval_internal.project_state, section 45), the evaluation of an
-- indicator row (section 50) and the state of sum_scores() (section 26).
-- Their input functions refuse text, except score_sum's, which Citus and
-- parallel workers use to pass partial totals.
CREATE TYPE perfeval.rules;
CREATE FUNCTION perfeval.rules_in(cstring) RETURNS perfeval.rules
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.rules_out(perfeval.rules) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE perfeval.rules (
	INPUT = perfeval.rules_in,
	OUTPUT = perfeval.rules_out,
	INTERNALLENGTH = VARIABLE,
	STORAGE = plain
);

CREATE TYPE perfeval.state;
CREATE FUNCTION perfeval.state_in(cstring) RETURNS perfeval.state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.state_out(perfeval.state) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
-- external: a large state is stored out of line uncompressed, never
-- compressed in line, so reading it costs no decompression per row
CREATE TYPE perfeval.state (
	INPUT = perfeval.state_in,
	OUTPUT = perfeval.state_out,
	INTERNALLENGTH = VARIABLE,
	STORAGE = external
);

CREATE TYPE perfeval.evaluation;
CREATE FUNCTION perfeval.evaluation_in(cstring) RETURNS perfeval.evaluation
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.evaluation_out(perfeval.evaluation) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE perfeval.evaluation (
	INPUT = perfeval.evaluation_in,
	OUTPUT = perfeval.evaluation_out,
	INTERNALLENGTH = 48,
	ALIGNMENT = double,
	STORAGE = plain
);

CREATE TYPE perfeval.score_sum;
CREATE FUNCTION perfeval.score_sum_in(cstring) RETURNS perfeval.score_sum
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.score_sum_out(perfeval.score_sum) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.score_sum_recv(internal) RETURNS perfeval.score_sum
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.score_sum_send(perfeval.score_sum) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE perfeval.score_sum (
	INPUT = perfeval.score_sum_in,
	OUTPUT = perfeval.score_sum_out,
	RECEIVE = perfeval.score_sum_recv,
	SEND = perfeval.score_sum_send,
	INTERNALLENGTH = 64,
	ALIGNMENT = double,
	STORAGE = plain
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

-- A scheme's rules decoded and checked once: the generated column
-- scheme.rules (section 40).  Every bound of a scheme is checked here.
CREATE FUNCTION perfeval.scheme_rules(decimals int, rounding text, reverse_rule text,
		tier_high numeric, tier_low numeric, satisfaction_coefficients numeric[],
		execution_base text, over_threshold numeric) RETURNS perfeval.rules
	AS 'MODULE_PATHNAME', 'scheme_rules' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
-- Section 25: one indicator row, evaluated once (src/evaluate.c over the
-- core's pe_evaluate()), and the scorers with explicit inputs.

-- The one evaluation of a warehouse indicator row: completion, score (the
-- scheme's rounding), the points the totals add, and when it has no score,
-- why.  The arguments are the row's columns, its scheme's rules, its
-- project's kept state and money (section 45) and the date whose latest
-- actual counts ('infinity' for the latest).  Not STRICT: most inputs are
-- NULL for most sources.  COST 10: about ten simple operators per row,
-- which is what makes the planner split whole-warehouse queries over
-- parallel workers.
CREATE FUNCTION perfeval.evaluate(weight numeric, applicable boolean, source text,
		target perfeval.target, method perfeval.method, printed_score numeric, code text,
		rules perfeval.rules, actuals perfeval.state, checklist perfeval.state,
		survey perfeval.state, money_initial_budget numeric, money_budget numeric,
		money_arrived numeric, money_spent numeric, as_of date)
	RETURNS perfeval.evaluation
	AS 'MODULE_PATHNAME', 'evaluate' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 10;

-- The same evaluation as a one-row set, for queries that read several of
-- its fields: called in a subquery's target list, it is evaluated once per
-- row however many accessors read it (section 50).
CREATE FUNCTION perfeval.evaluated(weight numeric, applicable boolean, source text,
		target perfeval.target, method perfeval.method, printed_score numeric, code text,
		rules perfeval.rules, actuals perfeval.state, checklist perfeval.state,
		survey perfeval.state, money_initial_budget numeric, money_budget numeric,
		money_arrived numeric, money_spent numeric, as_of date)
	RETURNS SETOF perfeval.evaluation
	AS 'MODULE_PATHNAME', 'evaluated' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 10 ROWS 1;

-- What an evaluation says, field by field.
CREATE FUNCTION perfeval.score(perfeval.evaluation) RETURNS numeric
	AS 'MODULE_PATHNAME', 'evaluation_score' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.points(perfeval.evaluation) RETURNS bigint
	AS 'MODULE_PATHNAME', 'evaluation_points' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.completion(perfeval.evaluation) RETURNS numeric
	AS 'MODULE_PATHNAME', 'evaluation_completion' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.score_rate(perfeval.evaluation) RETURNS numeric
	AS 'MODULE_PATHNAME', 'evaluation_score_rate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.problem(perfeval.evaluation) RETURNS text
	AS 'MODULE_PATHNAME', 'evaluation_problem' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.findings(perfeval.evaluation) RETURNS int
	AS 'MODULE_PATHNAME', 'evaluation_findings' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.reported_on(perfeval.evaluation) RETURNS date
	AS 'MODULE_PATHNAME', 'evaluation_reported_on' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.rate_text(perfeval.evaluation) RETURNS text
	AS 'MODULE_PATHNAME', 'evaluation_rate_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- The working-paper explanation of an evaluated row (the row's inputs
-- again for their figures, and the checklist's deducted points with their
-- reasons).
CREATE FUNCTION perfeval.explanation(e perfeval.evaluation, weight numeric, applicable boolean,
		source text, target perfeval.target, method perfeval.method, printed_score numeric,
		code text, rules perfeval.rules, actuals perfeval.state, checklist perfeval.state,
		survey perfeval.state, money_initial_budget numeric, money_budget numeric,
		money_arrived numeric, money_spent numeric, as_of date, reasons text)
	RETURNS text
	AS 'MODULE_PATHNAME', 'explanation' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 20;

-- The kinds of finding an evaluated row raises, and the sentence of one
-- (the row's inputs again for its figures).
CREATE FUNCTION perfeval.finding_kinds(perfeval.evaluation) RETURNS text[]
	AS 'MODULE_PATHNAME', 'finding_kinds' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.finding_detail(e perfeval.evaluation, kind text, name text,
		weight numeric, applicable boolean, source text, target perfeval.target,
		method perfeval.method, printed_score numeric, code text, rules perfeval.rules,
		actuals perfeval.state, checklist perfeval.state, survey perfeval.state,
		money_initial_budget numeric, money_budget numeric, money_arrived numeric,
		money_spent numeric, as_of date) RETURNS text
	AS 'MODULE_PATHNAME', 'finding_detail' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 20;

-- The scorers with explicit inputs: the same evaluation, from arguments.
CREATE FUNCTION perfeval.indicator_score(weight numeric, target perfeval.target,
		actual perfeval.measure, method perfeval.method DEFAULT 'proportional',
		reverse text DEFAULT 'ratio', decimals int DEFAULT 2,
		rounding text DEFAULT 'half_up') RETURNS numeric
	AS 'MODULE_PATHNAME', 'pe_indicator_score' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- The score of one indicator row, whatever its source, with its rate
-- (money or survey) and its deductions given.  Not STRICT: most inputs are
-- NULL for most sources.
CREATE FUNCTION perfeval.row_score(weight numeric, applicable boolean, source text,
		target perfeval.target, measure perfeval.measure, tier text, fraction numeric,
		method perfeval.method, deducted numeric, rate numeric,
		reverse text, decimals int, rounding text,
		tier_high numeric, tier_low numeric) RETURNS numeric
	AS 'MODULE_PATHNAME', 'pe_row_score' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 10;

-- The same score times 10^6 as a bigint (exact: a score has at most six
-- decimals).
CREATE FUNCTION perfeval.row_points(weight numeric, applicable boolean, source text,
		target perfeval.target, measure perfeval.measure, tier text, fraction numeric,
		method perfeval.method, deducted numeric, rate numeric,
		reverse text, decimals int, rounding text,
		tier_high numeric, tier_low numeric) RETURNS bigint
	AS 'MODULE_PATHNAME', 'pe_row_points' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 10;

COMMENT ON FUNCTION perfeval.evaluate(numeric, boolean, text, perfeval.target, perfeval.method,
		numeric, text, perfeval.rules, perfeval.state, perfeval.state, perfeval.state, numeric,
		numeric, numeric, numeric, date)
	IS '对一行指标计算一次：完成率、得分、汇总用分数与无法计分的原因 / Evaluates one indicator row once: completion, score, the points totals add, and why it has no score';
COMMENT ON FUNCTION perfeval.evaluated(numeric, boolean, text, perfeval.target, perfeval.method,
		numeric, text, perfeval.rules, perfeval.state, perfeval.state, perfeval.state, numeric,
		numeric, numeric, numeric, date)
	IS 'evaluate() 的单行集合形式，供读取多个字段的查询 / evaluate() as a one-row set, for queries that read several of its fields';
COMMENT ON FUNCTION perfeval.score(perfeval.evaluation) IS '得分（按方案舍入） / The score, rounded as the scheme says';
COMMENT ON FUNCTION perfeval.points(perfeval.evaluation) IS '得分×10^6（整数，供汇总） / The score times 10^6, for sums';
COMMENT ON FUNCTION perfeval.completion(perfeval.evaluation) IS '指标完成率（%） / Completion, percent';
COMMENT ON FUNCTION perfeval.score_rate(perfeval.evaluation) IS '得分率=得分÷分值（%） / Score rate, percent of the weight';
COMMENT ON FUNCTION perfeval.problem(perfeval.evaluation) IS '无法计分的原因（英文键） / Why the row has no score, a stable English key';
COMMENT ON FUNCTION perfeval.findings(perfeval.evaluation) IS '该行引起的问题（位掩码） / The findings the row raises, as bits';
COMMENT ON FUNCTION perfeval.reported_on(perfeval.evaluation) IS '所用实际值的填报日期 / Date of the actual the row was scored from';
COMMENT ON FUNCTION perfeval.rate_text(perfeval.evaluation) IS '资金或满意度比率，如 100% / The rate from money or a survey, as 100%';
COMMENT ON FUNCTION perfeval.explanation(perfeval.evaluation, numeric, boolean, text, perfeval.target,
		perfeval.method, numeric, text, perfeval.rules, perfeval.state, perfeval.state, perfeval.state,
		numeric, numeric, numeric, numeric, date, text)
	IS '计算说明（底稿写法） / The working-paper explanation of an evaluated row';
COMMENT ON FUNCTION perfeval.finding_kinds(perfeval.evaluation) IS '一行指标引起的问题类别 / The kinds of finding an evaluated row raises';
COMMENT ON FUNCTION perfeval.finding_detail(perfeval.evaluation, text, text, numeric, boolean, text,
		perfeval.target, perfeval.method, numeric, text, perfeval.rules, perfeval.state, perfeval.state,
		perfeval.state, numeric, numeric, numeric, numeric, date)
	IS '一行指标某类问题的说明 / The sentence of one finding of an evaluated row';
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
-- rules is the scheme decoded and checked once (src/rules.c: every bound of
-- a scheme is checked there, and a bad one refuses the row with 23514);
-- builtin says which row is the one CREATE EXTENSION installs.
CREATE TABLE perfeval.scheme (
	scheme_id text PRIMARY KEY,
	name text NOT NULL,
	grade_scale perfeval.grade_scale NOT NULL DEFAULT perfeval.national_grade_scale(),
	decimals int NOT NULL DEFAULT 2,
	rounding text NOT NULL DEFAULT 'half_up',
	execution_base text NOT NULL DEFAULT 'arrived',
	reverse_rule text NOT NULL DEFAULT 'ratio',
	tier_high numeric NOT NULL DEFAULT 80,
	tier_low numeric NOT NULL DEFAULT 60,
	satisfaction_coefficients numeric[] NOT NULL DEFAULT perfeval.default_coefficients(),
	over_threshold numeric NOT NULL DEFAULT 120,
	builtin boolean GENERATED ALWAYS AS (scheme_id = 'national') STORED,
	rules perfeval.rules GENERATED ALWAYS AS (perfeval.scheme_rules(decimals, rounding,
		reverse_rule, tier_high, tier_low, satisfaction_coefficients, execution_base,
		over_threshold)) STORED
);

INSERT INTO perfeval.scheme (scheme_id, name)
VALUES ('national', '财政部默认（财预〔2020〕10号） / MoF defaults');

-- The built-in scheme exists in every database.  pg_dump keeps every scheme
-- (a customised national included): restoring the national row sets the
-- rules of the one CREATE EXTENSION installed instead of failing as a
-- duplicate.  It cannot be deleted or renamed (projects default to it).
CREATE FUNCTION perfeval.keep_builtin_scheme() RETURNS trigger
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
	IF TG_OP = 'INSERT' THEN
		UPDATE perfeval.scheme
		   SET name = NEW.name, grade_scale = NEW.grade_scale, decimals = NEW.decimals,
			   rounding = NEW.rounding, execution_base = NEW.execution_base,
			   reverse_rule = NEW.reverse_rule, tier_high = NEW.tier_high, tier_low = NEW.tier_low,
			   satisfaction_coefficients = NEW.satisfaction_coefficients,
			   over_threshold = NEW.over_threshold
		 WHERE scheme_id = NEW.scheme_id;
		RETURN CASE WHEN FOUND THEN NULL ELSE NEW END;
	END IF;
	IF TG_OP = 'DELETE' OR NEW.scheme_id IS DISTINCT FROM OLD.scheme_id THEN
		RAISE EXCEPTION 'cannot % the built-in scheme "%"', lower(TG_OP), OLD.scheme_id
			USING ERRCODE = 'dependent_objects_still_exist',
				  DETAIL = 'CREATE EXTENSION installs it and projects default to it.',
				  HINT = 'Change its rules, or copy it to a scheme of your own.';
	END IF;
	RETURN NEW;
END
$$;
CREATE TRIGGER scheme_builtin_insert BEFORE INSERT ON perfeval.scheme
	FOR EACH ROW WHEN (NEW.scheme_id = 'national') EXECUTE FUNCTION perfeval.keep_builtin_scheme();
CREATE TRIGGER scheme_builtin_change BEFORE UPDATE OR DELETE ON perfeval.scheme
	FOR EACH ROW WHEN (OLD.scheme_id = 'national') EXECUTE FUNCTION perfeval.keep_builtin_scheme();

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
	printed_total numeric
		CONSTRAINT project_printed_total_check CHECK (perfeval.is_exact(printed_total) AND printed_total >= 0),
	printed_grade text,
	source text
);
CREATE INDEX project_year_division_idx ON perfeval.project (year, division_code);

-- Money per project, department and fund level (资金级次).
CREATE TABLE perfeval.allocation (
	project_id text NOT NULL REFERENCES perfeval.project ON DELETE CASCADE,
	department text NOT NULL,
	fund_level text NOT NULL
		CHECK (fund_level IN ('中央', '省级', '市级', '县区级', '上年结转', '其他')),
	unit text NOT NULL DEFAULT '万元' CHECK (unit IN ('元', '万元', '亿元')),
	initial_budget numeric
		CONSTRAINT allocation_initial_budget_check CHECK (perfeval.is_exact(initial_budget) AND initial_budget >= 0),
	budget numeric
		CONSTRAINT allocation_budget_check CHECK (perfeval.is_exact(budget) AND budget >= 0),
	arrived numeric
		CONSTRAINT allocation_arrived_check CHECK (perfeval.is_exact(arrived) AND arrived >= 0),
	spent numeric
		CONSTRAINT allocation_spent_check CHECK (perfeval.is_exact(spent) AND spent >= 0),
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
	printed_score numeric
		CONSTRAINT indicator_printed_score_check CHECK (perfeval.is_exact(printed_score) AND printed_score >= 0),
	PRIMARY KEY (project_id, code),
	CONSTRAINT indicator_weight_positive CHECK (perfeval.is_exact(weight) AND weight > 0),
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
	fraction numeric
		CONSTRAINT actual_fraction_check CHECK (perfeval.is_exact(fraction) AND fraction BETWEEN 0 AND 100),
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
	points numeric
		CONSTRAINT checklist_point_points_check CHECK (perfeval.is_exact(points) AND points > 0),
	deduction numeric NOT NULL DEFAULT 0,
	reason text,
	PRIMARY KEY (project_id, code, point_no),
	FOREIGN KEY (project_id, code) REFERENCES perfeval.indicator ON DELETE CASCADE,
	CONSTRAINT checklist_deduction_range
		CHECK (perfeval.is_exact(deduction) AND deduction >= 0 AND (points IS NULL OR deduction <= points))
);

-- Survey responses (满意度调查) per option, in the order of the coefficients.
CREATE TABLE perfeval.survey_response (
	project_id text NOT NULL,
	code text NOT NULL,
	option_no int NOT NULL CHECK (option_no > 0),
	option_label text NOT NULL,
	respondents int NOT NULL CHECK (respondents >= 0),
	coefficient numeric
		CONSTRAINT survey_response_coefficient_check CHECK (perfeval.is_exact(coefficient) AND coefficient BETWEEN 0 AND 1),
	PRIMARY KEY (project_id, code, option_no),
	FOREIGN KEY (project_id, code) REFERENCES perfeval.indicator ON DELETE CASCADE
);

-- The key of an actual.  Newest first, so that the views read the latest
-- actual of each indicator from the index in order instead of sorting all
-- actuals (a primary key cannot be descending; this unique index is the key).
CREATE UNIQUE INDEX actual_latest_idx ON perfeval.actual (project_id, code, reported_on DESC);
COMMENT ON INDEX perfeval.actual_latest_idx IS '实际值主键（最新在前） / The key of an actual, newest first';

-- pg_dump keeps every row users load, the built-in scheme's settings included.
SELECT pg_catalog.pg_extension_config_dump('perfeval.scheme', '');
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
COMMENT ON COLUMN perfeval.scheme.builtin IS '随扩展安装的方案（派生列，即 national） / Derived: the scheme CREATE EXTENSION installs (national)';
COMMENT ON COLUMN perfeval.scheme.rules IS '方案规则（派生列，经校验） / Derived: the scheme''s rules, decoded and checked once';
COMMENT ON FUNCTION perfeval.keep_builtin_scheme() IS '内置方案：恢复时更新其规则，不可删除或改名（触发器） / The built-in scheme: a restore sets its rules; it cannot be deleted or renamed (trigger)';

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

-- Section 45: the state perfeval keeps of each project's facts (src/keep.c).
--
-- Scoring the whole warehouse needs, per indicator, its latest actual, the
-- sums of its checklist and its survey counts, and per project its money and
-- scheme.  Joining the fact tables for them on every query costs several
-- times the scoring itself (docs/benchmarks.md), so perfeval keeps them, one
-- row per project, in a table of its own that only perfeval writes.
-- Why it cannot go stale or be forged: the head of src/keep.c and
-- docs/design.md ("Kept state").  It is derived: pg_dump does not dump it,
-- and a restore rebuilds it as the facts are loaded.

CREATE SCHEMA perfeval_internal;
COMMENT ON SCHEMA perfeval_internal IS 'perfeval 的内部对象：所维护的状态与视图的公共部分 / perfeval''s internals: the state it keeps and what its views share';

CREATE TABLE perfeval_internal.project_state (
	project_id text PRIMARY KEY,
	scheme_id text NOT NULL,		-- the project's scheme
	actuals perfeval.state,			-- every actual of every indicator
	checklist perfeval.state,		-- checklist points summed per indicator
	survey perfeval.state,			-- survey counts per indicator and option
	actual_notes perfeval.state,	-- the deviation note of each actual
	checklist_reasons perfeval.state,	-- the reasons of the deducted checklist points
	allocations int NOT NULL DEFAULT 0,
	money_initial_budget numeric,	-- in 万元
	money_budget numeric,
	money_arrived numeric,
	money_spent numeric
);

CREATE FUNCTION perfeval_internal.keep_facts() RETURNS trigger
	AS 'MODULE_PATHNAME', 'keep_facts' LANGUAGE C
	SECURITY DEFINER SET search_path = pg_catalog, pg_temp;
CREATE FUNCTION perfeval_internal.keep_projects() RETURNS trigger
	AS 'MODULE_PATHNAME', 'keep_projects' LANGUAGE C
	SECURITY DEFINER SET search_path = pg_catalog, pg_temp;
CREATE FUNCTION perfeval_internal.check_targets() RETURNS trigger
	AS 'MODULE_PATHNAME', 'check_targets' LANGUAGE C
	SECURITY DEFINER SET search_path = pg_catalog, pg_temp;
CREATE FUNCTION perfeval_internal.note_projects() RETURNS trigger
	AS 'MODULE_PATHNAME', 'note_projects' LANGUAGE C;
CREATE FUNCTION perfeval_internal.guard_state() RETURNS trigger
	AS 'MODULE_PATHNAME', 'guard_state' LANGUAGE C;
CREATE FUNCTION perfeval.refresh_state() RETURNS bigint
	AS 'MODULE_PATHNAME', 'refresh_state' LANGUAGE C
	SECURITY DEFINER SET search_path = pg_catalog, pg_temp;
REVOKE ALL ON FUNCTION perfeval_internal.keep_facts(), perfeval_internal.keep_projects(),
	perfeval_internal.check_targets(), perfeval_internal.note_projects(),
	perfeval_internal.guard_state(), perfeval.refresh_state() FROM PUBLIC;

-- One statement trigger per fact table and operation: the keys are the
-- projects of the rows the statement wrote or removed; TRUNCATE clears the
-- part of every project.  ENABLE ALWAYS: they fire under
-- session_replication_role = replica too (a logical replica, a bulk load).
CREATE TRIGGER keep_state_insert AFTER INSERT ON perfeval.actual
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_facts();
CREATE TRIGGER keep_state_update AFTER UPDATE ON perfeval.actual
	REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_facts();
CREATE TRIGGER keep_state_delete AFTER DELETE ON perfeval.actual
	REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_facts();
CREATE TRIGGER keep_state_truncate AFTER TRUNCATE ON perfeval.actual
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_facts();

CREATE TRIGGER keep_state_insert AFTER INSERT ON perfeval.checklist_point
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_facts();
CREATE TRIGGER keep_state_update AFTER UPDATE ON perfeval.checklist_point
	REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_facts();
CREATE TRIGGER keep_state_delete AFTER DELETE ON perfeval.checklist_point
	REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_facts();
CREATE TRIGGER keep_state_truncate AFTER TRUNCATE ON perfeval.checklist_point
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_facts();

CREATE TRIGGER keep_state_insert AFTER INSERT ON perfeval.survey_response
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_facts();
CREATE TRIGGER keep_state_update AFTER UPDATE ON perfeval.survey_response
	REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_facts();
CREATE TRIGGER keep_state_delete AFTER DELETE ON perfeval.survey_response
	REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_facts();
CREATE TRIGGER keep_state_truncate AFTER TRUNCATE ON perfeval.survey_response
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_facts();

CREATE TRIGGER keep_state_insert AFTER INSERT ON perfeval.allocation
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_facts();
CREATE TRIGGER keep_state_update AFTER UPDATE ON perfeval.allocation
	REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_facts();
CREATE TRIGGER keep_state_delete AFTER DELETE ON perfeval.allocation
	REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_facts();
CREATE TRIGGER keep_state_truncate AFTER TRUNCATE ON perfeval.allocation
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_facts();

-- Each row written notes its project, so that the first of a statement's
-- triggers locks all of them at once (an INSERT ... ON CONFLICT DO UPDATE
-- fires two): one ordered batch of locks per statement.
CREATE TRIGGER note_projects BEFORE INSERT OR UPDATE OR DELETE ON perfeval.actual
	FOR EACH ROW EXECUTE FUNCTION perfeval_internal.note_projects();
CREATE TRIGGER note_projects BEFORE INSERT OR UPDATE OR DELETE ON perfeval.checklist_point
	FOR EACH ROW EXECUTE FUNCTION perfeval_internal.note_projects();
CREATE TRIGGER note_projects BEFORE INSERT OR UPDATE OR DELETE ON perfeval.survey_response
	FOR EACH ROW EXECUTE FUNCTION perfeval_internal.note_projects();
CREATE TRIGGER note_projects BEFORE INSERT OR UPDATE OR DELETE ON perfeval.allocation
	FOR EACH ROW EXECUTE FUNCTION perfeval_internal.note_projects();

-- Every project has a state row, which follows its scheme.
CREATE TRIGGER keep_state_insert AFTER INSERT ON perfeval.project
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_projects();
CREATE TRIGGER keep_state_update AFTER UPDATE ON perfeval.project
	REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_projects();
CREATE TRIGGER keep_state_delete AFTER DELETE ON perfeval.project
	REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_projects();
CREATE TRIGGER keep_state_truncate AFTER TRUNCATE ON perfeval.project
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_projects();

-- A target changed to a unit its actuals cannot be compared with is refused.
CREATE TRIGGER check_targets AFTER UPDATE ON perfeval.indicator
	REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.check_targets();

-- Only perfeval's own statements write the state.
CREATE TRIGGER guard_state BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE
	ON perfeval_internal.project_state
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.guard_state();

ALTER TABLE perfeval.actual ENABLE ALWAYS TRIGGER note_projects, ENABLE ALWAYS TRIGGER keep_state_insert,
	ENABLE ALWAYS TRIGGER keep_state_update, ENABLE ALWAYS TRIGGER keep_state_delete,
	ENABLE ALWAYS TRIGGER keep_state_truncate;
ALTER TABLE perfeval.checklist_point ENABLE ALWAYS TRIGGER note_projects, ENABLE ALWAYS TRIGGER keep_state_insert,
	ENABLE ALWAYS TRIGGER keep_state_update, ENABLE ALWAYS TRIGGER keep_state_delete,
	ENABLE ALWAYS TRIGGER keep_state_truncate;
ALTER TABLE perfeval.survey_response ENABLE ALWAYS TRIGGER note_projects, ENABLE ALWAYS TRIGGER keep_state_insert,
	ENABLE ALWAYS TRIGGER keep_state_update, ENABLE ALWAYS TRIGGER keep_state_delete,
	ENABLE ALWAYS TRIGGER keep_state_truncate;
ALTER TABLE perfeval.allocation ENABLE ALWAYS TRIGGER note_projects, ENABLE ALWAYS TRIGGER keep_state_insert,
	ENABLE ALWAYS TRIGGER keep_state_update, ENABLE ALWAYS TRIGGER keep_state_delete,
	ENABLE ALWAYS TRIGGER keep_state_truncate;
ALTER TABLE perfeval.project ENABLE ALWAYS TRIGGER keep_state_insert,
	ENABLE ALWAYS TRIGGER keep_state_update, ENABLE ALWAYS TRIGGER keep_state_delete,
	ENABLE ALWAYS TRIGGER keep_state_truncate;
ALTER TABLE perfeval.indicator ENABLE ALWAYS TRIGGER check_targets;
ALTER TABLE perfeval_internal.project_state ENABLE ALWAYS TRIGGER guard_state;

-- The aggregates that build a project's parts from its facts: the trigger
-- statements use them, and so do the dated views and the tests that
-- recompute the state from scratch.
CREATE FUNCTION perfeval.actual_state_trans(internal, code text, reported_on date,
		measure perfeval.measure, tier text, fraction numeric, has_note boolean)
	RETURNS internal AS 'MODULE_PATHNAME', 'actual_state_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION perfeval.checklist_state_trans(internal, code text, points numeric,
		deduction numeric)
	RETURNS internal AS 'MODULE_PATHNAME', 'checklist_state_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION perfeval.survey_state_trans(internal, code text, option_no int,
		respondents int, coefficient numeric)
	RETURNS internal AS 'MODULE_PATHNAME', 'survey_state_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION perfeval.notes_state_trans(internal, code text, reported_on date, note text)
	RETURNS internal AS 'MODULE_PATHNAME', 'notes_state_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION perfeval.state_final(internal) RETURNS perfeval.state
	AS 'MODULE_PATHNAME', 'state_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE AGGREGATE perfeval.actual_state(code text, reported_on date, measure perfeval.measure,
		tier text, fraction numeric, has_note boolean) (
	SFUNC = perfeval.actual_state_trans, STYPE = internal, FINALFUNC = perfeval.state_final,
	PARALLEL = SAFE);
CREATE AGGREGATE perfeval.checklist_state(code text, points numeric, deduction numeric) (
	SFUNC = perfeval.checklist_state_trans, STYPE = internal, FINALFUNC = perfeval.state_final,
	PARALLEL = SAFE);
CREATE AGGREGATE perfeval.survey_state(code text, option_no int, respondents int,
		coefficient numeric) (
	SFUNC = perfeval.survey_state_trans, STYPE = internal, FINALFUNC = perfeval.state_final,
	PARALLEL = SAFE);

CREATE AGGREGATE perfeval.notes_state(code text, reported_on date, note text) (
	SFUNC = perfeval.notes_state_trans, STYPE = internal, FINALFUNC = perfeval.state_final,
	PARALLEL = SAFE);

-- The actual an indicator is scored from, as the views show it.
CREATE FUNCTION perfeval.actual_measure(actuals perfeval.state, code text, as_of date) RETURNS text
	AS 'MODULE_PATHNAME', 'actual_measure' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.actual_tier(actuals perfeval.state, code text, as_of date) RETURNS text
	AS 'MODULE_PATHNAME', 'actual_tier' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.actual_fraction(actuals perfeval.state, code text, as_of date) RETURNS numeric
	AS 'MODULE_PATHNAME', 'actual_fraction' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.actual_note(notes perfeval.state, code text, reported_on date) RETURNS text
	AS 'MODULE_PATHNAME', 'actual_note' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.checklist_reasons(reasons perfeval.state, code text) RETURNS text
	AS 'MODULE_PATHNAME', 'checklist_reasons' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON TABLE perfeval_internal.project_state IS '各项目的维护状态：方案与事实（仅由 perfeval 写入，不导出） / What perfeval keeps of each project, its scheme and its facts (written only by perfeval, not dumped)';
COMMENT ON COLUMN perfeval_internal.project_state.scheme_id IS '项目的评分方案 / The project''s scheme';
COMMENT ON COLUMN perfeval_internal.project_state.actuals IS '各指标全部实际值 / Every actual of every indicator';
COMMENT ON COLUMN perfeval_internal.project_state.checklist IS '各指标评价要点合计 / Checklist points summed per indicator';
COMMENT ON COLUMN perfeval_internal.project_state.survey IS '各指标满意度调查人数 / Survey counts per indicator and option';
COMMENT ON COLUMN perfeval_internal.project_state.actual_notes IS '各实际值的偏差原因 / The deviation note of each actual';
COMMENT ON COLUMN perfeval_internal.project_state.checklist_reasons IS '各指标扣分要点及理由 / The deducted checklist points of each indicator, with their reasons';
COMMENT ON COLUMN perfeval_internal.project_state.allocations IS '资金分配行数 / Number of allocation rows';
COMMENT ON COLUMN perfeval_internal.project_state.money_initial_budget IS '年初预算合计（万元） / Initial budget in 万元';
COMMENT ON COLUMN perfeval_internal.project_state.money_budget IS '全年预算合计（万元） / Full-year budget in 万元';
COMMENT ON COLUMN perfeval_internal.project_state.money_arrived IS '实际到位合计（万元） / Arrived in 万元';
COMMENT ON COLUMN perfeval_internal.project_state.money_spent IS '全年执行合计（万元） / Spent in 万元';
COMMENT ON FUNCTION perfeval_internal.keep_facts() IS '事实表变动后锁定并重算所涉项目的状态（触发器） / Locks and recomputes the state of the projects a statement touched (trigger)';
COMMENT ON FUNCTION perfeval_internal.keep_projects() IS '项目增删改后维护其状态行（触发器） / Keeps every project''s state row with it and its scheme (trigger)';
COMMENT ON FUNCTION perfeval_internal.check_targets() IS '拒绝与已有实际值单位不可比的指标值（触发器） / Refuses a target its actuals cannot be compared with (trigger)';
COMMENT ON FUNCTION perfeval_internal.note_projects() IS '记下每行所属项目，供语句一次加锁（触发器） / Notes each written row''s project, so that a statement locks all at once (trigger)';
COMMENT ON FUNCTION perfeval_internal.guard_state() IS '拒绝手工写入所维护的状态（触发器） / Refuses any write to the kept state but perfeval''s own (trigger)';
COMMENT ON FUNCTION perfeval.refresh_state() IS '按项目与事实表重算全部维护状态，返回有事实的项目数 / Recomputes every project''s kept state from the projects and facts; returns the projects with facts';
COMMENT ON AGGREGATE perfeval.actual_state(text, date, perfeval.measure, text, numeric, boolean) IS '一个项目的全部实际值（打包） / Every actual of a project, packed';
COMMENT ON AGGREGATE perfeval.checklist_state(text, numeric, numeric) IS '一个项目的评价要点合计（打包） / A project''s checklist points summed per indicator, packed';
COMMENT ON AGGREGATE perfeval.survey_state(text, int, int, numeric) IS '一个项目的满意度调查人数（打包） / A project''s survey counts per indicator, packed';
COMMENT ON AGGREGATE perfeval.notes_state(text, date, text) IS '一个项目各指标的说明文字（打包） / A project''s notes per indicator, packed';
COMMENT ON FUNCTION perfeval.notes_state_trans(internal, text, date, text) IS 'notes_state() 的状态转移（内部） / notes_state() transition (internal)';
COMMENT ON FUNCTION perfeval.actual_note(perfeval.state, text, date) IS '某次报告的偏差原因 / The deviation note of the actual reported on a date';
COMMENT ON FUNCTION perfeval.checklist_reasons(perfeval.state, text) IS '指标的扣分要点及理由 / An indicator''s deducted checklist points with their reasons';
COMMENT ON FUNCTION perfeval.actual_measure(perfeval.state, text, date) IS '某日所用的实际完成值 / The measure an indicator is scored from on a date';
COMMENT ON FUNCTION perfeval.actual_tier(perfeval.state, text, date) IS '某日所用的评判档次 / The tier an indicator is judged in on a date';
COMMENT ON FUNCTION perfeval.actual_fraction(perfeval.state, text, date) IS '某日所用的评判比例（%） / The judged fraction an indicator is scored from on a date';
COMMENT ON FUNCTION perfeval.actual_state_trans(internal, text, date, perfeval.measure, text, numeric, boolean) IS 'actual_state() 的状态转移（内部） / actual_state() transition (internal)';
COMMENT ON FUNCTION perfeval.checklist_state_trans(internal, text, numeric, numeric) IS 'checklist_state() 的状态转移（内部） / checklist_state() transition (internal)';
COMMENT ON FUNCTION perfeval.survey_state_trans(internal, text, int, int, numeric) IS 'survey_state() 的状态转移（内部） / survey_state() transition (internal)';
COMMENT ON FUNCTION perfeval.state_final(internal) IS '打包的项目状态（内部） / The packed project state (internal)';
-- Section 48: who sees and who loads which projects (src/access.c).
--
-- A grant gives a role the projects of a department, of a GB/T 2260
-- division prefix (65 a province, 6501 a prefecture, 650102 a county), of
-- both, or all of them; with may_load it may also write their facts.  A
-- role's grants add up, and a role has the grants of the roles whose
-- privileges it has.  The warehouse's owner (the extension's owner) and
-- superusers see and load everything; only they can grant (grant_access()
-- runs the GRANT statements as its caller) or change schemes.
--
-- Enforced in two places from the one function: every view filters its
-- projects by perfeval_internal.in_scope(project_id) (views read the tables
-- as their owner), and row-level security policies on the six tables do
-- the same for a role's own queries and writes.  The grants are a table
-- pg_dump keeps, and the policies belong to the extension: a restore or an
-- update gives the same visibility.

CREATE TABLE perfeval.access_grant (
	role_name name NOT NULL,
	department text CONSTRAINT access_grant_department_check CHECK (department <> ''),
	division_prefix text
		CONSTRAINT access_grant_division_prefix_check CHECK (division_prefix ~ '^[0-9]{2}([0-9]{2}([0-9]{2})?)?$'),
	may_load boolean NOT NULL DEFAULT false,
	CONSTRAINT access_grant_key UNIQUE NULLS NOT DISTINCT (role_name, department, division_prefix)
);
SELECT pg_catalog.pg_extension_config_dump('perfeval.access_grant', '');

-- The scope's lookups: a department's projects, a division prefix's.
CREATE INDEX project_department_idx ON perfeval.project (department);
CREATE INDEX project_division_idx ON perfeval.project (division_code);

CREATE FUNCTION perfeval_internal.scope_support(internal) RETURNS internal
	AS 'MODULE_PATHNAME', 'scope_support' LANGUAGE C STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval_internal.in_scope(project_id text) RETURNS boolean
	AS 'MODULE_PATHNAME', 'in_scope' LANGUAGE C STABLE STRICT PARALLEL SAFE
	SUPPORT perfeval_internal.scope_support;
CREATE FUNCTION perfeval_internal.may_load(project_id text) RETURNS boolean
	AS 'MODULE_PATHNAME', 'may_load' LANGUAGE C STABLE STRICT PARALLEL SAFE
	SUPPORT perfeval_internal.scope_support;
CREATE FUNCTION perfeval_internal.check_load(project_id text) RETURNS boolean
	AS 'MODULE_PATHNAME', 'check_load' LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval_internal.check_load_project(project_id text, department text,
		division_code text) RETURNS boolean
	AS 'MODULE_PATHNAME', 'check_load_project' LANGUAGE C STABLE PARALLEL SAFE;
CREATE FUNCTION perfeval_internal.scope_array() RETURNS text[]
	AS 'MODULE_PATHNAME', 'scope_array' LANGUAGE C STABLE PARALLEL SAFE;
CREATE FUNCTION perfeval.sees_all() RETURNS boolean
	AS 'MODULE_PATHNAME', 'sees_all' LANGUAGE C STABLE PARALLEL SAFE;

-- Row-level security on the tables a role may be granted: read what is in
-- scope; write (with may_load) only in scope, and a row written outside it
-- is refused with 42501 naming the project.
DO $$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['project', 'allocation', 'indicator', 'actual', 'checklist_point',
							 'survey_response'] LOOP
		EXECUTE format('ALTER TABLE perfeval.%I ENABLE ROW LEVEL SECURITY', t);
		EXECUTE format('CREATE POLICY scope_read ON perfeval.%I FOR SELECT
						USING (perfeval_internal.in_scope(project_id))', t);
		EXECUTE format('CREATE POLICY scope_delete ON perfeval.%I FOR DELETE
						USING (perfeval_internal.may_load(project_id))', t);
		IF t = 'project' THEN
			EXECUTE format('CREATE POLICY scope_insert ON perfeval.%I FOR INSERT
							WITH CHECK (perfeval_internal.check_load_project(project_id, department, division_code))', t);
			EXECUTE format('CREATE POLICY scope_update ON perfeval.%I FOR UPDATE
							USING (perfeval_internal.may_load(project_id))
							WITH CHECK (perfeval_internal.check_load_project(project_id, department, division_code))', t);
		ELSE
			EXECUTE format('CREATE POLICY scope_insert ON perfeval.%I FOR INSERT
							WITH CHECK (perfeval_internal.check_load(project_id))', t);
			EXECUTE format('CREATE POLICY scope_update ON perfeval.%I FOR UPDATE
							USING (perfeval_internal.may_load(project_id))
							WITH CHECK (perfeval_internal.check_load(project_id))', t);
		END IF;
	END LOOP;
END $$;

-- Give role the projects of a department and/or division prefix (both
-- NULL: the whole warehouse), and what it needs to read them: schema usage,
-- SELECT on the views and tables (rows in scope only); with may_load also
-- INSERT, UPDATE and DELETE on the six tables (rows in scope only).
CREATE FUNCTION perfeval.grant_access(role regrole, department text DEFAULT NULL,
		division_prefix text DEFAULT NULL, may_load boolean DEFAULT false) RETURNS void
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	r record;
BEGIN
	IF department = '' THEN
		RAISE EXCEPTION 'empty department' USING ERRCODE = '22023',
			HINT = 'Name a department as projects name it, or pass NULL for every department.';
	END IF;
	IF division_prefix !~ '^[0-9]{2}([0-9]{2}([0-9]{2})?)?$' THEN
		RAISE EXCEPTION 'invalid division prefix: "%"', division_prefix USING ERRCODE = '22023',
			HINT = 'A prefix of a GB/T 2260 code: 2 digits (a province, 65), 4 (a prefecture, 6501) or 6 (a county, 650102).';
	END IF;
	INSERT INTO perfeval.access_grant AS g (role_name, department, division_prefix, may_load)
	VALUES (role::text::name, grant_access.department, grant_access.division_prefix, grant_access.may_load)
	ON CONFLICT ON CONSTRAINT access_grant_key DO UPDATE SET may_load = g.may_load OR EXCLUDED.may_load;
	EXECUTE format('GRANT USAGE ON SCHEMA perfeval, perfeval_internal TO %s', role);
	FOR r IN SELECT c.oid::regclass AS rel FROM pg_class c
			  WHERE c.relnamespace IN ('perfeval'::regnamespace, 'perfeval_internal'::regnamespace)
				AND c.relkind IN ('r', 'v')
				AND c.oid NOT IN ('perfeval.access_grant'::regclass, 'perfeval_internal.project_state'::regclass) LOOP
		EXECUTE format('GRANT SELECT ON %s TO %s', r.rel, role);
	END LOOP;
	IF grant_access.may_load THEN
		EXECUTE format('GRANT INSERT, UPDATE, DELETE ON perfeval.project, perfeval.allocation, perfeval.indicator,
						perfeval.actual, perfeval.checklist_point, perfeval.survey_response TO %s', role);
	END IF;
END $$;

-- Take a grant back (the one with this department and prefix).  A role
-- left without grants loses what grant_access() gave it; one left without a
-- loading grant loses the right to write.
CREATE FUNCTION perfeval.revoke_access(role regrole, department text DEFAULT NULL,
		division_prefix text DEFAULT NULL) RETURNS void
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	r record;
BEGIN
	DELETE FROM perfeval.access_grant g
	 WHERE g.role_name = role::text::name AND g.department IS NOT DISTINCT FROM revoke_access.department
	   AND g.division_prefix IS NOT DISTINCT FROM revoke_access.division_prefix;
	IF NOT FOUND THEN
		RAISE NOTICE 'role % has no such grant', role;
	END IF;
	IF NOT EXISTS (SELECT FROM perfeval.access_grant g WHERE g.role_name = role::text::name AND g.may_load) THEN
		EXECUTE format('REVOKE INSERT, UPDATE, DELETE ON perfeval.project, perfeval.allocation, perfeval.indicator,
						perfeval.actual, perfeval.checklist_point, perfeval.survey_response FROM %s', role);
	END IF;
	IF NOT EXISTS (SELECT FROM perfeval.access_grant g WHERE g.role_name = role::text::name) THEN
		FOR r IN SELECT c.oid::regclass AS rel FROM pg_class c
				  WHERE c.relnamespace IN ('perfeval'::regnamespace, 'perfeval_internal'::regnamespace)
					AND c.relkind IN ('r', 'v') LOOP
			EXECUTE format('REVOKE SELECT ON %s FROM %s', r.rel, role);
		END LOOP;
		EXECUTE format('REVOKE USAGE ON SCHEMA perfeval, perfeval_internal FROM %s', role);
	END IF;
END $$;
REVOKE ALL ON FUNCTION perfeval.grant_access(regrole, text, text, boolean),
	perfeval.revoke_access(regrole, text, text) FROM PUBLIC;

COMMENT ON TABLE perfeval.access_grant IS '访问授权：角色可查看（及可装载）的项目范围 / Access grants: the projects a role sees (and may load)';
COMMENT ON COLUMN perfeval.access_grant.role_name IS '被授权角色 / The role granted';
COMMENT ON COLUMN perfeval.access_grant.department IS '主管部门（为空则不限） / Department (NULL: any)';
COMMENT ON COLUMN perfeval.access_grant.division_prefix IS '区划代码前缀（为空则不限） / Division code prefix (NULL: any)';
COMMENT ON COLUMN perfeval.access_grant.may_load IS '可否装载事实数据 / Whether the role may load facts';
COMMENT ON FUNCTION perfeval_internal.scope_support(internal) IS '访问范围的选择率估计（规划器支持） / The planner''s estimate of the share of projects in scope';
COMMENT ON FUNCTION perfeval_internal.in_scope(text) IS '当前角色可否查看该项目 / Whether the current role sees a project';
COMMENT ON FUNCTION perfeval_internal.may_load(text) IS '当前角色可否装载该项目 / Whether the current role may load a project''s facts';
COMMENT ON FUNCTION perfeval_internal.check_load(text) IS '装载范围检查，越权则报错 / Refuses a fact outside the current role''s loading scope';
COMMENT ON FUNCTION perfeval_internal.check_load_project(text, text, text) IS '项目装载范围检查，越权则报错 / Refuses a project outside the current role''s loading scope';
COMMENT ON FUNCTION perfeval_internal.scope_array() IS '当前角色可查看的项目编号（索引条件） / The projects the current role sees, as an array (an index condition)';
COMMENT ON FUNCTION perfeval.sees_all() IS '当前角色可否查看全部项目 / Whether the current role sees every project';
COMMENT ON FUNCTION perfeval.grant_access(regrole, text, text, boolean) IS '授予角色一个部门和/或区划的项目（可含装载） / Grants a role the projects of a department and/or division (optionally loading)';
COMMENT ON FUNCTION perfeval.revoke_access(regrole, text, text) IS '收回角色的一项授权 / Takes back one of a role''s grants';
-- Section 50: the warehouse views (the read contract).
--
-- Plain views over the tables: the planner, privilege checks and Citus see
-- the tables.  The joins are written once, in perfeval_internal.indicator_rows
-- (an indicator with its project's scheme and kept state); each row is
-- evaluated once, by one C call (perfeval.evaluated(), section 25), in
-- perfeval_internal.indicator_evaluations; the views read that evaluation
-- through accessors and decide nothing again.  The dated forms
-- (*_as_of(date)) read the same relations and evaluate with the actuals
-- known on a date.

-- Money in 万元: the one conversion of 元 and 亿元.
CREATE FUNCTION perfeval.wanyuan(amount numeric, unit text) RETURNS numeric
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN CASE unit WHEN '万元' THEN amount WHEN '元' THEN amount * 0.0001
		WHEN '亿元' THEN amount * 10000 END;

-- The execution rate on a scheme's base (the core's rule, src/pe_eval.c);
-- NULL when its denominator is 0 or the rate is out of range.
CREATE FUNCTION perfeval.execution_rate(spent numeric, arrived numeric, budget numeric,
		initial_budget numeric, base text) RETURNS numeric
	AS 'MODULE_PATHNAME', 'execution_rate' LANGUAGE C IMMUTABLE PARALLEL SAFE;

-- An indicator row with everything its evaluation reads: the one join of
-- the scoring views (the project's state row carries its scheme), for the
-- projects the current role sees (section 48): the scope prunes the state
-- rows, and the planner, told its share, looks up a small scope's
-- indicators by key instead of scanning them all.
CREATE VIEW perfeval_internal.indicator_rows AS
SELECT i.project_id, i.code, i.seq, i.level1, i.level2, i.name, i.weight, i.applicable,
	   i.source, i.target, i.method, i.printed_score, s.rules, st.actuals, st.checklist,
	   st.survey, st.money_initial_budget, st.money_budget, st.money_arrived, st.money_spent,
	   st.actual_notes, st.checklist_reasons
  FROM perfeval.indicator i
  JOIN perfeval_internal.project_state st ON st.project_id = i.project_id
  JOIN perfeval.scheme s ON s.scheme_id = st.scheme_id
 WHERE perfeval_internal.in_scope(st.project_id);

-- Each row evaluated once, with its latest actual.  evaluated() returns a
-- set, so the planner keeps it in its own node: however many fields a
-- query reads, the row is evaluated once.
CREATE VIEW perfeval_internal.indicator_evaluations AS
SELECT x.*, perfeval.evaluated(x.weight, x.applicable, x.source, x.target, x.method,
		   x.printed_score, x.code, x.rules, x.actuals, x.checklist, x.survey,
		   x.money_initial_budget, x.money_budget, x.money_arrived, x.money_spent,
		   'infinity') AS e
  FROM perfeval_internal.indicator_rows x;

-- The same with the actuals known on a date.
CREATE FUNCTION perfeval_internal.indicator_evaluations_as_of(as_of date)
	RETURNS SETOF perfeval_internal.indicator_evaluations
	LANGUAGE sql STABLE PARALLEL SAFE
	BEGIN ATOMIC
	SELECT x.*, perfeval.evaluated(x.weight, x.applicable, x.source, x.target, x.method,
			   x.printed_score, x.code, x.rules, x.actuals, x.checklist, x.survey,
			   x.money_initial_budget, x.money_budget, x.money_arrived, x.money_spent,
			   as_of)
	  FROM perfeval_internal.indicator_rows x;
	END;

-- What the totals add: each row evaluated once, by a plain call (the
-- totals read the evaluation once, in sum_scores(), so no set is needed).
CREATE VIEW perfeval_internal.indicator_scored AS
SELECT x.project_id, x.level1, x.level2, x.seq, x.applicable, x.weight,
	   perfeval.evaluate(x.weight, x.applicable, x.source, x.target, x.method,
		   x.printed_score, x.code, x.rules, x.actuals, x.checklist, x.survey,
		   x.money_initial_budget, x.money_budget, x.money_arrived, x.money_spent,
		   'infinity') AS e
  FROM perfeval_internal.indicator_rows x;

CREATE FUNCTION perfeval_internal.indicator_scored_as_of(as_of date)
	RETURNS SETOF perfeval_internal.indicator_scored
	LANGUAGE sql STABLE PARALLEL SAFE
	BEGIN ATOMIC
	SELECT x.project_id, x.level1, x.level2, x.seq, x.applicable, x.weight,
		   perfeval.evaluate(x.weight, x.applicable, x.source, x.target, x.method,
			   x.printed_score, x.code, x.rules, x.actuals, x.checklist, x.survey,
			   x.money_initial_budget, x.money_budget, x.money_arrived, x.money_spent, as_of)
	  FROM perfeval_internal.indicator_rows x;
	END;

-- Money per project, in 万元, with the rates its scheme defines (kept with
-- the project's state, section 45; a project without allocation rows has
-- no money row).
CREATE VIEW perfeval.project_money AS
SELECT st.project_id, st.money_initial_budget AS initial_budget, st.money_budget AS budget,
	   st.money_arrived AS arrived, st.money_spent AS spent,
	   st.money_arrived - st.money_spent AS balance,
	   perfeval.rate(st.money_arrived, st.money_budget) AS arrival_rate,
	   perfeval.execution_rate(st.money_spent, st.money_arrived, st.money_budget,
							   st.money_initial_budget, s.execution_base) AS execution_rate,
	   s.execution_base
  FROM perfeval_internal.project_state st
  JOIN perfeval.scheme s ON s.scheme_id = st.scheme_id
 WHERE st.allocations > 0 AND perfeval_internal.in_scope(st.project_id);

-- The latest actual of each indicator.
CREATE VIEW perfeval.latest_actual AS
SELECT DISTINCT ON (a.project_id, a.code)
	   a.project_id, a.code, a.reported_on, a.measure::text AS measure, a.tier, a.fraction,
	   a.deviation_note
  FROM perfeval.actual a
 WHERE perfeval_internal.in_scope(a.project_id)
 ORDER BY a.project_id, a.code, a.reported_on DESC;

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
	 WHERE a.reported_on <= as_of AND perfeval_internal.in_scope(a.project_id)
	 ORDER BY a.project_id, a.code, a.reported_on DESC;
	END;

-- Per indicator: completion, score, score rate, the working-paper
-- explanation and, for a row without a score, why.  The actual shown is
-- the one the row was scored from, read from the same kept state, and so
-- are its deviation note and the reasons of the checklist's deductions.
CREATE VIEW perfeval.indicator_scores AS
SELECT x.project_id, x.code, x.seq, x.level1, x.level2, x.name, x.weight, x.applicable,
	   x.source, x.target::text AS target,
	   coalesce(perfeval.actual_measure(x.actuals, x.code, 'infinity'), perfeval.rate_text(x.e)) AS actual,
	   perfeval.reported_on(x.e) AS reported_on,
	   perfeval.actual_tier(x.actuals, x.code, 'infinity') AS tier,
	   perfeval.actual_fraction(x.actuals, x.code, 'infinity') AS fraction,
	   perfeval.actual_note(x.actual_notes, x.code, perfeval.reported_on(x.e)) AS deviation_note,
	   perfeval.completion(x.e) AS completion, perfeval.score(x.e) AS score,
	   perfeval.score_rate(x.e) AS score_rate, x.printed_score,
	   perfeval.explanation(x.e, x.weight, x.applicable, x.source, x.target, x.method,
		   x.printed_score, x.code, x.rules, x.actuals, x.checklist, x.survey,
		   x.money_initial_budget, x.money_budget, x.money_arrived, x.money_spent, 'infinity',
		   CASE WHEN x.source = 'checklist' THEN perfeval.checklist_reasons(x.checklist_reasons, x.code)
		   END) AS explanation,
	   perfeval.problem(x.e) AS problem
  FROM perfeval_internal.indicator_evaluations x;

CREATE FUNCTION perfeval.indicator_scores_as_of(as_of date)
	RETURNS SETOF perfeval.indicator_scores
	LANGUAGE sql STABLE PARALLEL SAFE
	BEGIN ATOMIC
	SELECT x.project_id, x.code, x.seq, x.level1, x.level2, x.name, x.weight, x.applicable,
		   x.source, x.target::text,
		   coalesce(perfeval.actual_measure(x.actuals, x.code, as_of), perfeval.rate_text(x.e)),
		   perfeval.reported_on(x.e),
		   perfeval.actual_tier(x.actuals, x.code, as_of),
		   perfeval.actual_fraction(x.actuals, x.code, as_of),
		   perfeval.actual_note(x.actual_notes, x.code, perfeval.reported_on(x.e)),
		   perfeval.completion(x.e), perfeval.score(x.e), perfeval.score_rate(x.e),
		   x.printed_score,
		   perfeval.explanation(x.e, x.weight, x.applicable, x.source, x.target, x.method,
			   x.printed_score, x.code, x.rules, x.actuals, x.checklist, x.survey,
			   x.money_initial_budget, x.money_budget, x.money_arrived, x.money_spent, as_of,
			   CASE WHEN x.source = 'checklist' THEN perfeval.checklist_reasons(x.checklist_reasons, x.code)
			   END),
		   perfeval.problem(x.e)
	  FROM perfeval_internal.indicator_evaluations_as_of(as_of) x;
	END;

-- Per project and level 2, per project and level 1.  A level with an
-- indicator that cannot be scored has no score (NULL), never a partial sum.
CREATE VIEW perfeval.level2_scores AS
SELECT g.project_id, g.level1, g.level2, g.seq, (g.t).indicators, (g.t).weight, (g.t).score,
	   perfeval.rate((g.t).score, (g.t).weight) AS score_rate
  FROM (SELECT x.project_id, x.level1, x.level2, min(x.seq) AS seq,
			   perfeval.sum_scores(x.e) AS t
		  FROM perfeval_internal.indicator_scored x
		 WHERE x.applicable
		 GROUP BY x.project_id, x.level1, x.level2) g;

CREATE FUNCTION perfeval.level2_scores_as_of(as_of date)
	RETURNS SETOF perfeval.level2_scores
	LANGUAGE sql STABLE PARALLEL SAFE
	BEGIN ATOMIC
	SELECT g.project_id, g.level1, g.level2, g.seq, (g.t).indicators, (g.t).weight, (g.t).score,
		   perfeval.rate((g.t).score, (g.t).weight)
	  FROM (SELECT x.project_id, x.level1, x.level2, min(x.seq) AS seq,
				   perfeval.sum_scores(x.e) AS t
			  FROM perfeval_internal.indicator_scored_as_of(as_of) x
			 WHERE x.applicable
			 GROUP BY x.project_id, x.level1, x.level2) g;
	END;

CREATE VIEW perfeval.level1_scores AS
SELECT g.project_id, g.level1, g.seq, (g.t).indicators, (g.t).weight, (g.t).score,
	   perfeval.rate((g.t).score, (g.t).weight) AS score_rate
  FROM (SELECT x.project_id, x.level1, min(x.seq) AS seq,
			   perfeval.sum_scores(x.e) AS t
		  FROM perfeval_internal.indicator_scored x
		 WHERE x.applicable
		 GROUP BY x.project_id, x.level1) g;

CREATE FUNCTION perfeval.level1_scores_as_of(as_of date)
	RETURNS SETOF perfeval.level1_scores
	LANGUAGE sql STABLE PARALLEL SAFE
	BEGIN ATOMIC
	SELECT g.project_id, g.level1, g.seq, (g.t).indicators, (g.t).weight, (g.t).score,
		   perfeval.rate((g.t).score, (g.t).weight)
	  FROM (SELECT x.project_id, x.level1, min(x.seq) AS seq,
				   perfeval.sum_scores(x.e) AS t
			  FROM perfeval_internal.indicator_scored_as_of(as_of) x
			 WHERE x.applicable
			 GROUP BY x.project_id, x.level1) g;
	END;

-- Per project: the total (sum of the rounded indicator scores, rescaled to
-- 100 when indicators do not apply, rounded by the scheme: sum_scores()
-- gives it), its grade, and the printed figures.
CREATE VIEW perfeval.project_scores AS
SELECT p.project_id, p.name, p.year, p.division_code, p.department, p.evaluation_kind,
	   p.scheme_id, coalesce((t.t).indicators, 0) AS indicators, (t.t).weight, (t.t).total,
	   perfeval.grade((t.t).total, s.grade_scale) AS grade, p.printed_total, p.printed_grade,
	   trim_scale((t.t).total - p.printed_total) AS difference,
	   starts_with(p.printed_grade, perfeval.grade(coalesce((t.t).total, p.printed_total), s.grade_scale))
		   AS grade_agrees,
	   coalesce((t.t).total, p.printed_total) AS final_score,
	   perfeval.grade(coalesce((t.t).total, p.printed_total), s.grade_scale) AS final_grade
  FROM perfeval.project p
  JOIN perfeval.scheme s ON s.scheme_id = p.scheme_id
  LEFT JOIN (SELECT x.project_id, perfeval.sum_scores(x.e) AS t
			   FROM perfeval_internal.indicator_scored x
			  GROUP BY x.project_id) t ON t.project_id = p.project_id
 WHERE perfeval_internal.in_scope(p.project_id);

CREATE FUNCTION perfeval.project_scores_as_of(as_of date)
	RETURNS SETOF perfeval.project_scores
	LANGUAGE sql STABLE PARALLEL SAFE
	BEGIN ATOMIC
	SELECT p.project_id, p.name, p.year, p.division_code, p.department, p.evaluation_kind,
		   p.scheme_id, coalesce((t.t).indicators, 0), (t.t).weight, (t.t).total,
		   perfeval.grade((t.t).total, s.grade_scale), p.printed_total, p.printed_grade,
		   trim_scale((t.t).total - p.printed_total),
		   starts_with(p.printed_grade, perfeval.grade(coalesce((t.t).total, p.printed_total), s.grade_scale)),
		   coalesce((t.t).total, p.printed_total),
		   perfeval.grade(coalesce((t.t).total, p.printed_total), s.grade_scale)
	  FROM perfeval.project p
	  JOIN perfeval.scheme s ON s.scheme_id = p.scheme_id
	  LEFT JOIN (SELECT x.project_id, perfeval.sum_scores(x.e) AS t
				   FROM perfeval_internal.indicator_scored_as_of(as_of) x
				  GROUP BY x.project_id) t ON t.project_id = p.project_id
	 WHERE perfeval_internal.in_scope(p.project_id);
	END;

-- An allocation line in 万元.
CREATE VIEW perfeval_internal.allocation_lines AS
SELECT a.project_id, a.department, a.fund_level,
	   perfeval.wanyuan(a.initial_budget, a.unit) AS initial_budget,
	   perfeval.wanyuan(a.budget, a.unit) AS budget,
	   perfeval.wanyuan(a.arrived, a.unit) AS arrived,
	   perfeval.wanyuan(a.spent, a.unit) AS spent
  FROM perfeval.allocation a
 WHERE perfeval_internal.in_scope(a.project_id);

-- Money per project × department × fund level, with subtotals per
-- department and per fund level and the project total, in 万元.  Four
-- groupings of one relation, each by project (so that each runs where the
-- project's rows are).
CREATE VIEW perfeval.allocation_summary AS
SELECT g.project_id, g.row_kind, g.department, g.fund_level, g.initial_budget, g.budget,
	   g.arrived, g.spent, g.arrived - g.spent AS balance,
	   perfeval.rate(g.arrived, g.budget) AS arrival_rate,
	   perfeval.execution_rate(g.spent, g.arrived, g.budget, g.initial_budget,
							   s.execution_base) AS execution_rate,
	   s.execution_base
  FROM (SELECT l.project_id, '明细' AS row_kind, l.department, l.fund_level,
			   sum(l.initial_budget) AS initial_budget, sum(l.budget) AS budget,
			   sum(l.arrived) AS arrived, sum(l.spent) AS spent
		  FROM perfeval_internal.allocation_lines l
		 GROUP BY l.project_id, l.department, l.fund_level
		UNION ALL
		SELECT l.project_id, '部门小计', l.department, NULL, sum(l.initial_budget),
			   sum(l.budget), sum(l.arrived), sum(l.spent)
		  FROM perfeval_internal.allocation_lines l
		 GROUP BY l.project_id, l.department
		UNION ALL
		SELECT l.project_id, '级次小计', NULL, l.fund_level, sum(l.initial_budget),
			   sum(l.budget), sum(l.arrived), sum(l.spent)
		  FROM perfeval_internal.allocation_lines l
		 GROUP BY l.project_id, l.fund_level
		UNION ALL
		SELECT l.project_id, '合计', NULL, NULL, sum(l.initial_budget), sum(l.budget),
			   sum(l.arrived), sum(l.spent)
		  FROM perfeval_internal.allocation_lines l
		 GROUP BY l.project_id) g
  JOIN perfeval.project p ON p.project_id = g.project_id
  JOIN perfeval.scheme s ON s.scheme_id = p.scheme_id;

COMMENT ON FUNCTION perfeval.wanyuan(numeric, text) IS '金额折算为万元 / An amount in 万元';
COMMENT ON FUNCTION perfeval.execution_rate(numeric, numeric, numeric, numeric, text) IS '预算执行率（按口径） / Execution rate on the given base';
COMMENT ON VIEW perfeval_internal.indicator_rows IS '指标行及其方案规则与项目状态（视图共用的连接） / An indicator with its scheme''s rules and its project''s kept state: the join the views share';
COMMENT ON VIEW perfeval_internal.indicator_evaluations IS '每行指标计算一次的结果 / Each indicator row evaluated once';
COMMENT ON FUNCTION perfeval_internal.indicator_evaluations_as_of(date) IS '截至某日的指标计算结果 / Each indicator row evaluated with the actuals known on a date';
COMMENT ON VIEW perfeval_internal.indicator_scored IS '每行指标计算一次（供汇总） / Each indicator row evaluated once, for the totals';
COMMENT ON FUNCTION perfeval_internal.indicator_scored_as_of(date) IS '截至某日每行指标计算一次（供汇总） / Each indicator row evaluated with the actuals known on a date, for the totals';
COMMENT ON VIEW perfeval_internal.allocation_lines IS '资金分配行（万元） / Allocation lines in 万元';
COMMENT ON FUNCTION perfeval.actual_as_of(date) IS '截至某日的最新实际值 / The latest actual of each indicator on a date';
COMMENT ON FUNCTION perfeval.indicator_scores_as_of(date) IS '截至某日的指标得分 / Indicator scores with the actuals known on a date';
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
COMMENT ON COLUMN perfeval.indicator_scores.problem IS '无法计分的原因（英文键，见 findings） / Why the row has no score, a stable English key (see findings)';
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
-- English key for filters and dashboards) and a detail in Chinese.  What an
-- indicator row raises is decided by its one evaluation (src/pe_eval.c) and
-- written by src/pe_explain.c; a project's figures come from one pass over
-- its evaluated indicators.

CREATE VIEW perfeval.findings AS
-- per project: no indicators, weights not adding to 100, a printed total or
-- grade its indicators do not give
SELECT f.project_id, NULL::text AS code, k.kind, k.detail
  FROM (SELECT p.project_id, p.printed_total, p.printed_grade, p.scheme_id, a.project_id IS NULL AS none,
			   a.weight, (a.t).total AS total,
			   perfeval.grade(coalesce((a.t).total, p.printed_total), s.grade_scale) AS final_grade
		  FROM perfeval.project p
		  JOIN perfeval.scheme s ON s.scheme_id = p.scheme_id
		  LEFT JOIN (SELECT x.project_id, perfeval.sum_scores(x.e) AS t, sum(x.weight) AS weight
					   FROM perfeval_internal.indicator_scored x
					  GROUP BY x.project_id) a ON a.project_id = p.project_id
		 WHERE perfeval_internal.in_scope(p.project_id)) f
 CROSS JOIN LATERAL unnest(
	   ARRAY['no_indicators', 'weights_total', 'printed_total', 'printed_grade'],
	   ARRAY[
		CASE WHEN f.none THEN '未录入三级指标，无法计算总分' || coalesce('；报告总分' || f.printed_total::text
			 || '未经核验', '') END,
		CASE WHEN f.weight <> 100 THEN '三级指标权重合计' || trim_scale(f.weight)::text || '分，不等于100分' END,
		CASE WHEN f.total <> f.printed_total THEN
			'报告总分' || f.printed_total::text || '分，按指标计算应为' || trim_scale(f.total)::text
			|| '分（差' || trim_scale(f.total - f.printed_total)::text || '分）' END,
		CASE WHEN NOT starts_with(f.printed_grade, f.final_grade) THEN
			'报告等级“' || f.printed_grade || '”，' || trim_scale(coalesce(f.total, f.printed_total))::text
			|| '分按方案' || f.scheme_id || '应为“' || f.final_grade || '”' END]) AS k(kind, detail)
 WHERE (f.none OR f.weight <> 100 OR f.total <> f.printed_total OR NOT starts_with(f.printed_grade, f.final_grade))
   AND k.detail IS NOT NULL
UNION ALL
-- per indicator: what its one evaluation found, a sentence only for that
SELECT y.project_id, y.code, y.kind,
	   perfeval.finding_detail(y.e, y.kind, y.name, y.weight, y.applicable, y.source, y.target,
		   y.method, y.printed_score, y.code, y.rules, y.actuals, y.checklist, y.survey,
		   y.money_initial_budget, y.money_budget, y.money_arrived, y.money_spent, 'infinity')
  FROM (SELECT x.*, unnest(perfeval.finding_kinds(x.e)) AS kind
		  FROM perfeval_internal.indicator_evaluations x
		 WHERE perfeval.findings(x.e) <> 0) y
UNION ALL
SELECT a.project_id, NULL, 'spent_above_arrived',
	   a.department || '（' || a.fund_level || '）：全年执行' || trim_scale(a.spent)::text || a.unit
	   || '超过实际到位' || trim_scale(a.arrived)::text || a.unit
  FROM perfeval.allocation a
 WHERE a.spent > a.arrived AND perfeval_internal.in_scope(a.project_id)
UNION ALL
SELECT a.project_id, NULL, 'zero_budget',
	   a.department || '（' || a.fund_level || '）：全年预算为0'
	   || CASE WHEN a.arrived > 0 OR a.spent > 0 THEN '，但有到位或执行资金' ELSE '' END
  FROM perfeval.allocation a
 WHERE a.budget = 0 AND perfeval_internal.in_scope(a.project_id);

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
  -- the money kept with the project's state (section 45), as project_money gives it
  LEFT JOIN perfeval_internal.project_state m ON m.project_id = ps.project_id;

-- Each project once per level of its division (province, prefecture,
-- county), so that the roll-up is one plain GROUP BY over one pass of the
-- projects (parallel workers and Citus workers aggregate partially).
CREATE VIEW perfeval_internal.region_facts AS
SELECT f.year, l.level, l.division_code, f.final_score, f.final_grade, f.budget, f.arrived,
	   f.spent
  FROM perfeval.project_facts f
 CROSS JOIN LATERAL unnest(ARRAY['province', 'prefecture', 'county'],
						   ARRAY[f.province, f.prefecture, f.county]) AS l(level, division_code)
 WHERE l.division_code IS NOT NULL;

CREATE VIEW perfeval.rollup_region AS
SELECT g.year, g.level, g.division_code, d.name AS division_name, g.projects,
	   g.grade_excellent, g.grade_good, g.grade_fair, g.grade_poor, g.ungraded,
	   g.mean_score, g.weighted_mean_score, g.budget, g.spent, g.execution_rate
  FROM (SELECT f.year, f.level, f.division_code,
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
		  FROM perfeval_internal.region_facts f
		 GROUP BY f.year, f.level, f.division_code) g
  LEFT JOIN perfeval.division d ON d.code = g.division_code;

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
COMMENT ON VIEW perfeval_internal.region_facts IS '按区划层级展开的项目事实（省、市、县各一行） / Project facts once per division level';
COMMENT ON VIEW perfeval.rollup_region IS '按年度×省/市/县汇总：项目数、各等级数、平均分、预算加权平均分、预算、支出、执行率 / Per year and province, prefecture or county: projects, grades, mean and budget-weighted mean score, budget, spent, execution rate';
COMMENT ON COLUMN perfeval.rollup_region.level IS '区划层级：province 省、prefecture 市（州）、county 县（区） / Division level';
COMMENT ON COLUMN perfeval.rollup_region.weighted_mean_score IS '按全年预算加权的平均分 / Mean score weighted by full-year budget';
COMMENT ON COLUMN perfeval.rollup_region.execution_rate IS '执行率=支出合计÷到位合计（%） / Spent over arrived, percent';
COMMENT ON VIEW perfeval.rollup_department IS '按年度×主管部门汇总 / Per year and supervising department: projects, grades, scores and money';
-- Section 90: comments, in Chinese and English, on what earlier sections
-- left without one (the types, the scalar functions and their support
-- functions, the operators).  test/pgtap/warehouse.sql checks that every
-- object of the extension has one.

COMMENT ON TYPE perfeval.target IS '指标值：比较符、精确数值与单位，或定性表述 / An indicator''s target: comparator, exact amount and unit, or a qualitative phrase';
COMMENT ON TYPE perfeval.measure IS '实际完成值：精确数值与单位，或定性结果 / An actual value: exact amount and unit, or a qualitative outcome';
COMMENT ON TYPE perfeval.method IS '评分方法：按比例、低于N%不得分、达标得满分、每低P个百分点扣K分 / A scoring method: proportional, floor:N, all_or_nothing, deduct:K/P';
COMMENT ON TYPE perfeval.grade_scale IS '等级划分：由高到低的等级与下限 / Grade bands, highest first, each with its lower bound';
COMMENT ON TYPE perfeval.rules IS '打包的评分方案规则（派生，不可输入） / A scheme''s rules packed for the evaluation (derived, never entered)';
COMMENT ON TYPE perfeval.state IS '打包的项目事实（派生，不可输入） / A project''s facts packed per indicator (derived, never entered)';
COMMENT ON TYPE perfeval.evaluation IS '一行指标的评价结果（派生，不可输入） / The evaluation of one indicator row (derived, never entered)';
COMMENT ON TYPE perfeval.score_sum IS 'sum_scores() 的累计状态（内部） / The running state of sum_scores() (internal)';

COMMENT ON FUNCTION perfeval.comparator(perfeval.target) IS '指标值的比较符 / The comparator of a target';
COMMENT ON FUNCTION perfeval.amount(perfeval.target) IS '指标值的数值（定性为空） / The amount of a target (NULL if qualitative)';
COMMENT ON FUNCTION perfeval.amount(perfeval.measure) IS '实际值的数值（定性为空） / The amount of a measure (NULL if qualitative)';
COMMENT ON FUNCTION perfeval.unit(perfeval.target) IS '指标值的单位 / The unit of a target';
COMMENT ON FUNCTION perfeval.unit(perfeval.measure) IS '实际值的单位 / The unit of a measure';
COMMENT ON FUNCTION perfeval.is_qualitative(perfeval.target) IS '指标值是否为定性表述 / Whether a target is a qualitative phrase';
COMMENT ON FUNCTION perfeval.is_qualitative(perfeval.measure) IS '实际值是否为定性结果 / Whether a measure is a qualitative outcome';
COMMENT ON FUNCTION perfeval.phrase(perfeval.target) IS '定性指标值的文字 / The phrase of a qualitative target';
COMMENT ON FUNCTION perfeval.phrase(perfeval.measure) IS '定性实际值的文字 / The phrase of a qualitative measure';
COMMENT ON FUNCTION perfeval.rate(numeric, numeric) IS '比率（%）；分母为0或超出范围时为空 / numerator ÷ denominator in percent; NULL for a zero denominator or a rate out of range';
COMMENT ON FUNCTION perfeval.is_exact(numeric) IS '是否为有限的精确数（非 NaN、非无穷） / Whether a numeric is finite (not NaN, not ±Infinity)';
COMMENT ON FUNCTION perfeval.default_coefficients() IS '满意度选项默认系数 / The default satisfaction coefficients';
COMMENT ON FUNCTION perfeval.national_grade_scale() IS '全国默认等级划分 / The national grade bands';
COMMENT ON FUNCTION perfeval.completion(perfeval.target, perfeval.measure, text) IS '指标完成率（%） / Completion rate in percent';
COMMENT ON FUNCTION perfeval.comparable(perfeval.target, perfeval.measure) IS '指标值与实际值的单位能否比较 / Whether a target and a measure have units that compare';
COMMENT ON FUNCTION perfeval.score(numeric, numeric, perfeval.method) IS '按完成率与评分方法计算得分 / The points of a completion rate under a method';
COMMENT ON FUNCTION perfeval.judged_score(numeric, text, numeric, numeric, numeric) IS '定性指标按档次与比例计算得分 / The points of a qualitative indicator from its tier and fraction';
COMMENT ON FUNCTION perfeval.deduct(numeric, numeric[]) IS '评价要点扣分后的得分 / The weight less its checklist deductions';
COMMENT ON FUNCTION perfeval.satisfaction(integer[], numeric[]) IS '满意度（%） / Satisfaction rate in percent';
COMMENT ON FUNCTION perfeval.grade(numeric, perfeval.grade_scale) IS '得分所在等级 / The grade of a score';
COMMENT ON FUNCTION perfeval.scheme_rules(integer, text, text, numeric, numeric, numeric[], text, numeric) IS '检查并打包评分方案规则 / A scheme''s rules, checked and packed';
COMMENT ON FUNCTION perfeval.indicator_score(numeric, perfeval.target, perfeval.measure, perfeval.method, text, integer, text) IS '完成率、得分与舍入一次计算 / Completion, score and rounding in one call';

-- The types' support functions and operators: one sentence per role.
DO $$
DECLARE
	t text;
	f record;
BEGIN
	FOREACH t IN ARRAY ARRAY['target', 'measure', 'method', 'grade_scale', 'rules', 'state',
							 'evaluation', 'score_sum'] LOOP
		FOR f IN SELECT p.oid, p.proname, substring(p.proname FROM length(t) + 2) AS role
				   FROM pg_proc p
				  WHERE p.pronamespace = 'perfeval'::regnamespace
					AND p.proname ~ ('^' || t || '_(in|out|recv|send|eq|ne|lt|le|gt|ge|cmp|hash|hash_extended)$')
					AND obj_description(p.oid, 'pg_proc') IS NULL LOOP
			EXECUTE format('COMMENT ON FUNCTION %s IS %L', f.oid::regprocedure,
				CASE f.role
					WHEN 'in' THEN t || ' 的文本输入 / Text input of ' || t
					WHEN 'out' THEN t || ' 的文本输出 / Text output of ' || t
					WHEN 'recv' THEN t || ' 的二进制输入 / Binary input of ' || t
					WHEN 'send' THEN t || ' 的二进制输出 / Binary output of ' || t
					WHEN 'cmp' THEN t || ' 的比较（B 树） / Comparison of ' || t || ' (btree)'
					WHEN 'hash' THEN t || ' 的哈希 / Hash of ' || t
					WHEN 'hash_extended' THEN t || ' 的带种子哈希 / Seeded hash of ' || t
					ELSE t || ' 的比较运算 ' || f.role || ' / Comparison ' || f.role || ' of ' || t END);
		END LOOP;
	END LOOP;
	FOR f IN SELECT o.oid, o.oprname, format_type(o.oprleft, NULL) AS typ
			   FROM pg_operator o
			  WHERE o.oprnamespace = 'perfeval'::regnamespace
				AND obj_description(o.oid, 'pg_operator') IS NULL LOOP
		EXECUTE format('COMMENT ON OPERATOR %s IS %L', f.oid::regoperator,
			f.typ || ' 的比较 ' || f.oprname || ' / Comparison ' || f.oprname || ' of ' || f.typ);
	END LOOP;
	FOR f IN SELECT c.opcname, a.amname, format_type(c.opcintype, NULL) AS typ
			   FROM pg_opclass c JOIN pg_am a ON a.oid = c.opcmethod
			  WHERE c.opcnamespace = 'perfeval'::regnamespace
				AND obj_description(c.oid, 'pg_opclass') IS NULL LOOP
		EXECUTE format('COMMENT ON OPERATOR CLASS %I USING %I IS %L', f.opcname, f.amname,
			f.typ || ' 的默认 ' || f.amname || ' 运算符类 / Default ' || f.amname || ' operator class of ' || f.typ);
	END LOOP;
	FOR f IN SELECT o.opfname, a.amname
			   FROM pg_opfamily o JOIN pg_am a ON a.oid = o.opfmethod
			  WHERE o.opfnamespace = 'perfeval'::regnamespace
				AND obj_description(o.oid, 'pg_opfamily') IS NULL LOOP
		EXECUTE format('COMMENT ON OPERATOR FAMILY %I USING %I IS %L', f.opfname, f.amname,
			f.opfname || ' 运算符族 / Operator family ' || f.opfname);
	END LOOP;
END $$;

-- Columns: those no earlier section describes, then every view column
-- takes the comment of the table column (or else the view column) it shows.
COMMENT ON COLUMN perfeval.scheme.scheme_id IS '方案代码 / Scheme id';
COMMENT ON COLUMN perfeval.scheme.name IS '方案名称 / Scheme name';
COMMENT ON COLUMN perfeval.division.code IS '区划代码（GB/T 2260） / Division code (GB/T 2260)';
COMMENT ON COLUMN perfeval.allocation.project_id IS '项目编号 / Project id';
COMMENT ON COLUMN perfeval.allocation.department IS '预算部门 / Budget department';
COMMENT ON COLUMN perfeval.indicator.project_id IS '项目编号 / Project id';
COMMENT ON COLUMN perfeval.actual.project_id IS '项目编号 / Project id';
COMMENT ON COLUMN perfeval.actual.code IS '指标编码 / Indicator code';
COMMENT ON COLUMN perfeval.checklist_point.project_id IS '项目编号 / Project id';
COMMENT ON COLUMN perfeval.checklist_point.code IS '指标编码 / Indicator code';
COMMENT ON COLUMN perfeval.survey_response.project_id IS '项目编号 / Project id';
COMMENT ON COLUMN perfeval.survey_response.code IS '指标编码 / Indicator code';
COMMENT ON COLUMN perfeval_internal.project_state.project_id IS '项目编号 / Project id';
COMMENT ON COLUMN perfeval.division.name IS '区划名称 / Division name';
COMMENT ON COLUMN perfeval.project.name IS '项目名称 / Project name';
COMMENT ON COLUMN perfeval.indicator.name IS '三级指标名称 / Level-3 indicator name';
COMMENT ON COLUMN perfeval.checklist_point.point_no IS '要点序号 / Point number';
COMMENT ON COLUMN perfeval.checklist_point.description IS '评价要点 / What the point checks';
COMMENT ON COLUMN perfeval.survey_response.option_label IS '选项名称 / Option label';
COMMENT ON COLUMN perfeval.allocation_summary.row_kind IS '行类别：明细、部门小计、资金级次小计、合计 / Row kind: line, department subtotal, fund-level subtotal, total';
COMMENT ON COLUMN perfeval.indicator_scores.actual IS '计分所用实际值（或比率） / The actual scored from (or the rate)';
COMMENT ON COLUMN perfeval.project_scores.indicators IS '三级指标数 / Number of level-3 indicators';
COMMENT ON COLUMN perfeval.project_facts.province IS '省级区划代码 / Province code';
COMMENT ON COLUMN perfeval.project_facts.prefecture IS '地级区划代码 / Prefecture code';
COMMENT ON COLUMN perfeval.project_facts.county IS '县级区划代码 / County code';
COMMENT ON COLUMN perfeval.rollup_region.division_name IS '区划名称 / Division name';
COMMENT ON COLUMN perfeval.rollup_region.projects IS '项目数 / Projects';
COMMENT ON COLUMN perfeval.rollup_region.grade_excellent IS '优等级项目数 / Projects graded 优';
COMMENT ON COLUMN perfeval.rollup_region.grade_good IS '良等级项目数 / Projects graded 良';
COMMENT ON COLUMN perfeval.rollup_region.grade_fair IS '中等级项目数 / Projects graded 中';
COMMENT ON COLUMN perfeval.rollup_region.grade_poor IS '差等级项目数 / Projects graded 差';
COMMENT ON COLUMN perfeval.rollup_region.ungraded IS '无等级项目数 / Projects without a grade';
COMMENT ON COLUMN perfeval.rollup_region.mean_score IS '平均得分 / Mean score';
COMMENT ON COLUMN perfeval_internal.indicator_evaluations.e IS '该行的评价结果 / The row''s evaluation';
COMMENT ON COLUMN perfeval_internal.indicator_scored.e IS '该行的评价结果 / The row''s evaluation';

DO $$
DECLARE
	c record;
BEGIN
	FOR c IN
		WITH described AS (
			SELECT DISTINCT ON (a.attname) a.attname, col_description(r.oid, a.attnum) AS d
			  FROM pg_attribute a JOIN pg_class r ON r.oid = a.attrelid
			 WHERE r.relnamespace IN ('perfeval'::regnamespace, 'perfeval_internal'::regnamespace)
			   AND r.relkind IN ('r', 'v') AND a.attnum > 0 AND NOT a.attisdropped
			   AND col_description(r.oid, a.attnum) IS NOT NULL
			 ORDER BY a.attname, r.relkind, r.relnamespace = 'perfeval_internal'::regnamespace DESC, r.relname)
		SELECT r.oid::regclass AS rel, a.attname, d.d
		  FROM pg_attribute a JOIN pg_class r ON r.oid = a.attrelid
		  JOIN described d ON d.attname = a.attname
		 WHERE r.relnamespace IN ('perfeval'::regnamespace, 'perfeval_internal'::regnamespace)
		   AND r.relkind = 'v' AND a.attnum > 0 AND col_description(r.oid, a.attnum) IS NULL
	LOOP
		EXECUTE format('COMMENT ON COLUMN %s.%I IS %L', c.rel, c.attname, c.d);
	END LOOP;
END $$;
