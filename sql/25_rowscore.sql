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
