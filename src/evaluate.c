/*
 * evaluate.c
 *		evaluate(): one warehouse indicator row, evaluated once, in one C
 *		call -- its score, the points the totals add, its completion and why
 *		it cannot be scored -- as a perfeval.evaluation value that the views
 *		read through accessors; explanation(), finding_kinds() and
 *		finding_detail(), which
 *		describe an evaluated row without deciding anything again.
 *
 * The rules are pe_evaluate()'s (src/pe_eval.c); this file only decodes the
 * row's columns into a PeRow and the result into SQL values.
 */
#include "perfeval.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "nodes/execnodes.h"
#include "utils/builtins.h"
#include "utils/date.h"

/* The stored evaluation: fixed length, passed by reference. */
typedef struct EvalData
{
	uint8		version;
	uint8		flags;
	uint8		problem;		/* PeProblem */
	uint8		findings;		/* PE_FINDING_* */
	uint8		source;			/* PeSource */
	int8		decimals;		/* the scheme's rounding, for totals: decimals */
	uint8		truncate;		/* and whether it truncates */
	uint8		pad;
	int32		reported_on;	/* date of the actual read, DATEVAL_NOBEGIN if none */
	int32		weight_scale;	/* the weight's display scale */
	int64		weight;
	int64		score;
	int64		completion;
	int64		rate;
} EvalData;

StaticAssertDecl(sizeof(EvalData) == 48, "perfeval.evaluation is 48 bytes");

#define EV_APPLICABLE	0x01
#define EV_SCORE		0x02
#define EV_COMPLETION	0x04
#define EV_RATE			0x08
#define EV_MET			0x10
#define EV_ACTUAL		0x20

/*
 * The arguments every function describing a row takes, in this order from
 * its first one: weight, applicable, source, target, method, printed_score,
 * code, rules, actuals, checklist, survey, money_initial, money_budget,
 * money_arrived, money_spent, as_of (the date whose latest actual counts;
 * 'infinity' for the latest of all).
 */
enum
{
	A_WEIGHT, A_APPLICABLE, A_SOURCE, A_TARGET, A_METHOD, A_PRINTED, A_CODE,
	A_RULES, A_ACTUALS, A_CHECKLIST, A_SURVEY, A_INITIAL, A_BUDGET, A_ARRIVED,
	A_SPENT, A_ASOF, A_NARGS
};

/*
 * What a call site keeps between rows (fn_extra): the states fetched from
 * out of line, and for evaluated() whether the current row's value was
 * returned.
 */
typedef struct EvalSite
{
	bool		pending;		/* evaluated(): the current row's value was returned */
	bool		registered;		/* evaluated(): the rescan callback is in place */
	PeStateCache states[3];		/* actuals, checklist, survey */
} EvalSite;

static EvalSite *
eval_site(FunctionCallInfo fcinfo)
{
	if (fcinfo->flinfo->fn_extra == NULL)
		fcinfo->flinfo->fn_extra = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(EvalSite));
	return (EvalSite *) fcinfo->flinfo->fn_extra;
}

/* A state argument, fetched once per call site when stored out of line. */
static Datum
state_arg(FunctionCallInfo fcinfo, int i, int slot)
{
	return pe_state_fetch(fcinfo->flinfo, &eval_site(fcinfo)->states[slot], PG_GETARG_DATUM(i));
}

/* A money argument into the core's money fields. */
static void
money_arg(FunctionCallInfo fcinfo, int i, bool *has, pe_int128 *v, bool *invalid)
{
	*has = !PG_ARGISNULL(i);
	if (*has && !pe_numeric_scaled(PG_GETARG_DATUM(i), PE_MONEY_DECIMALS, v, NULL))
		*invalid = true;
}

/* A text argument, detoasted only if it must be (per row: no call). */
static inline text *
short_text(Datum d)
{
	struct varlena *v = (struct varlena *) DatumGetPointer(d);

	return (VARATT_IS_EXTERNAL(v) || VARATT_IS_COMPRESSED(v)) ? pg_detoast_datum_packed(v) : v;
}

/*
 * Decode the row arguments starting at first into row (rules into *rules).
 * Nothing is decided here: a value fixed point cannot hold marks the row
 * invalid, and pe_evaluate() refuses it.
 */
static void
row_from_args(FunctionCallInfo fcinfo, int first, PeRow *row, PeRules *rules, int *weight_scale)
{
#define ARG(k) (first + (k))
	text	   *code;

	/*
	 * Field by field, not one memset (a rep stos per row); not the survey
	 * and money parts: large, and read only for their sources.
	 */
	row->weight = 0;
	row->source = 0;
	row->invalid = false;
	row->rules = NULL;
	row->has_checklist = false;
	memset(&row->checklist, 0, sizeof(row->checklist));
	row->rate_given = row->has_rate = false;
	row->rate = 0;
	row->applicable = !PG_ARGISNULL(ARG(A_APPLICABLE)) && PG_GETARG_BOOL(ARG(A_APPLICABLE));
	if (PG_ARGISNULL(ARG(A_WEIGHT)) ||
		!pe_numeric_fixed(PG_GETARG_DATUM(ARG(A_WEIGHT)), &row->weight, weight_scale))
		row->invalid = true;
	if (PG_ARGISNULL(ARG(A_SOURCE)))
		row->invalid = true;
	else
	{
		text	   *s = short_text(PG_GETARG_DATUM(ARG(A_SOURCE)));
		int			c = pe_source_code(VARDATA_ANY(s), VARSIZE_ANY_EXHDR(s));

		if (c < 0)
			row->invalid = true;
		else
			row->source = (uint8) c;
	}
	row->has_target = !PG_ARGISNULL(ARG(A_TARGET));
	if (row->has_target)
		pe_quant_unpack(PG_GETARG_DATUM(ARG(A_TARGET)), &row->target);
	else
		memset(&row->target, 0, sizeof(row->target));
	if (PG_ARGISNULL(ARG(A_METHOD)))
		row->method.kind = PE_METHOD_PROPORTIONAL;
	else
	{
		MethodData *m = (MethodData *) PG_GETARG_POINTER(ARG(A_METHOD));

		row->method.kind = m->kind;
		row->method.p1 = m->p1;
		row->method.p2 = m->p2;
	}
	row->printed_score = 0;
	row->has_printed = !PG_ARGISNULL(ARG(A_PRINTED)) &&
		pe_numeric_fixed(PG_GETARG_DATUM(ARG(A_PRINTED)), &row->printed_score, NULL);
	if (PG_ARGISNULL(ARG(A_RULES)))
		row->invalid = true;
	else
	{
		pe_rules_unpack(PG_GETARG_DATUM(ARG(A_RULES)), rules, row->source == PE_SOURCE_SURVEY);
		row->rules = rules;
	}
	if (row->source == PE_SOURCE_SURVEY)
		memset(&row->survey, 0, sizeof(row->survey));
	if (row->source == PE_SOURCE_ARRIVAL || row->source == PE_SOURCE_EXECUTION)
		memset(&row->money, 0, sizeof(row->money));
	if (PG_ARGISNULL(ARG(A_CODE)) || PG_ARGISNULL(ARG(A_ACTUALS)))
		memset(&row->actual, 0, sizeof(row->actual));
	if (PG_ARGISNULL(ARG(A_CODE)))
		return;
	code = short_text(PG_GETARG_DATUM(ARG(A_CODE)));
	if (!PG_ARGISNULL(ARG(A_ACTUALS)))
		pe_state_actual(state_arg(fcinfo, ARG(A_ACTUALS), 0), VARDATA_ANY(code), VARSIZE_ANY_EXHDR(code),
						PG_ARGISNULL(ARG(A_ASOF)) ? DATEVAL_NOEND : PG_GETARG_DATEADT(ARG(A_ASOF)),
						&row->actual);
	if (row->source == PE_SOURCE_CHECKLIST && !PG_ARGISNULL(ARG(A_CHECKLIST)))
		row->has_checklist = pe_state_checklist(state_arg(fcinfo, ARG(A_CHECKLIST), 1), VARDATA_ANY(code),
												VARSIZE_ANY_EXHDR(code), &row->checklist);
	if (row->source == PE_SOURCE_SURVEY && !PG_ARGISNULL(ARG(A_SURVEY)))
		pe_state_survey(state_arg(fcinfo, ARG(A_SURVEY), 2), VARDATA_ANY(code),
						VARSIZE_ANY_EXHDR(code), &row->survey);
	if (row->source == PE_SOURCE_ARRIVAL || row->source == PE_SOURCE_EXECUTION)
	{
		money_arg(fcinfo, ARG(A_INITIAL), &row->money.has_initial, &row->money.initial, &row->invalid);
		money_arg(fcinfo, ARG(A_BUDGET), &row->money.has_budget, &row->money.budget, &row->invalid);
		money_arg(fcinfo, ARG(A_ARRIVED), &row->money.has_arrived, &row->money.arrived, &row->invalid);
		money_arg(fcinfo, ARG(A_SPENT), &row->money.has_spent, &row->money.spent, &row->invalid);
	}
	if (row->actual.present && row->actual.tier != PE_TIER_NONE && row->actual.fraction < 0)
		row->actual.fraction = -1;	/* refused as out of band */
#undef ARG
}

/* The core's result as a stored evaluation. */
static EvalData *
eval_pack(const PeRow *row, const PeEval *e, int weight_scale)
{
	EvalData   *d = palloc(sizeof(EvalData));

	d->version = PE_FORMAT_VERSION;
	d->pad = 0;
	d->flags = (e->applicable ? EV_APPLICABLE : 0) | (e->has_score ? EV_SCORE : 0) |
		(e->has_completion ? EV_COMPLETION : 0) | (e->has_rate ? EV_RATE : 0) |
		(e->met ? EV_MET : 0) | (row->actual.present ? EV_ACTUAL : 0);
	d->problem = e->problem;
	d->findings = e->findings;
	d->source = row->source;
	d->decimals = row->rules ? row->rules->decimals : PE_DECIMALS;
	d->truncate = row->rules && row->rules->truncate;
	d->reported_on = row->actual.present ? row->actual.reported_on : DATEVAL_NOBEGIN;
	d->weight = row->weight;
	d->weight_scale = Min(weight_scale, PE_DECIMALS);
	d->score = e->score;
	d->completion = e->completion;
	d->rate = e->rate;
	return d;
}

/* evaluate(row...): the one evaluation of an indicator row. */
PG_FUNCTION_INFO_V1(evaluate);
Datum
evaluate(PG_FUNCTION_ARGS)
{
	PeRow		row;
	PeRules		rules;
	PeEval		e;
	int			scale = 0;

	row_from_args(fcinfo, 0, &row, &rules, &scale);
	pe_evaluate(&row, &e);
	PG_RETURN_POINTER(eval_pack(&row, &e, scale));
}

/*
 * evaluated(row...): the same evaluation as a one-row set.  A query that
 * reads several fields of an evaluation selects it from a subquery that
 * calls this in its target list: the planner keeps the set-returning call
 * in its own node, so the row is evaluated once however many accessors
 * read it (a plain call would be copied into each of them).  It returns
 * value-per-call without funcapi's per-call memory context: a flag in
 * fn_extra says the row's value was returned, and an expression-context
 * callback clears it when the node is rescanned mid-set.
 */
static void
evaluated_reset(Datum arg)
{
	EvalSite   *st = (EvalSite *) DatumGetPointer(arg);

	st->pending = false;
	st->registered = false;
}

PG_FUNCTION_INFO_V1(evaluated);
Datum
evaluated(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsi = (ReturnSetInfo *) fcinfo->resultinfo;
	EvalSite   *st;
	PeRow		row;
	PeRules		rules;
	PeEval		e;
	int			scale = 0;

	if (rsi == NULL || !IsA(rsi, ReturnSetInfo) || !(rsi->allowedModes & SFRM_ValuePerCall))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("evaluated() must be called where a set is allowed")));
	st = eval_site(fcinfo);
	if (!st->registered)
	{
		RegisterExprContextCallback(rsi->econtext, evaluated_reset, PointerGetDatum(st));
		st->registered = true;
	}
	if (st->pending)
	{
		st->pending = false;
		rsi->isDone = ExprEndResult;
		PG_RETURN_NULL();
	}
	row_from_args(fcinfo, 0, &row, &rules, &scale);
	pe_evaluate(&row, &e);
	st->pending = true;
	rsi->isDone = ExprMultipleResult;
	PG_RETURN_POINTER(eval_pack(&row, &e, scale));
}

/* ----------------------------------------------------------- accessors */

static EvalData *
eval_arg(FunctionCallInfo fcinfo)
{
	EvalData   *d = (EvalData *) PG_GETARG_POINTER(0);

	if (d->version != PE_FORMAT_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("corrupt perfeval.evaluation value")));
	return d;
}

/* score(e): the rounded score, NULL when there is none. */
PG_FUNCTION_INFO_V1(evaluation_score);
Datum
evaluation_score(PG_FUNCTION_ARGS)
{
	EvalData   *d = eval_arg(fcinfo);

	if (!(d->flags & EV_SCORE))
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(pe_fixed_to_numeric(d->score));
}

/* points(e): the score times 10^6, what the totals add (NULL: no score). */
PG_FUNCTION_INFO_V1(evaluation_points);
Datum
evaluation_points(PG_FUNCTION_ARGS)
{
	EvalData   *d = eval_arg(fcinfo);

	if (!(d->flags & EV_SCORE))
		PG_RETURN_NULL();
	PG_RETURN_INT64(d->score);
}

/* completion(e): percent, NULL when the row has none. */
PG_FUNCTION_INFO_V1(evaluation_completion);
Datum
evaluation_completion(PG_FUNCTION_ARGS)
{
	EvalData   *d = eval_arg(fcinfo);

	if (!(d->flags & EV_COMPLETION))
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(pe_fixed_to_numeric(d->completion));
}

/* score_rate(e): score ÷ weight in percent (得分率). */
PG_FUNCTION_INFO_V1(evaluation_score_rate);
Datum
evaluation_score_rate(PG_FUNCTION_ARGS)
{
	EvalData   *d = eval_arg(fcinfo);
	int64		r;

	if (!(d->flags & EV_SCORE) || pe_rate(d->score, d->weight, &r) != PE_OK)
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(pe_fixed_to_numeric(r));
}

/* problem(e): why an applicable row has no score ('missing_actual' ...). */
PG_FUNCTION_INFO_V1(evaluation_problem);
Datum
evaluation_problem(PG_FUNCTION_ARGS)
{
	EvalData   *d = eval_arg(fcinfo);

	if (d->problem == PE_PROBLEM_NONE)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(pe_problem_key(d->problem)));
}

/* findings(e): the PE_FINDING_* bits the row raises (0: none). */
PG_FUNCTION_INFO_V1(evaluation_findings);
Datum
evaluation_findings(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(eval_arg(fcinfo)->findings);
}

/* reported_on(e): the date of the actual the row was scored from. */
PG_FUNCTION_INFO_V1(evaluation_reported_on);
Datum
evaluation_reported_on(PG_FUNCTION_ARGS)
{
	EvalData   *d = eval_arg(fcinfo);

	if (!(d->flags & EV_ACTUAL))
		PG_RETURN_NULL();
	PG_RETURN_DATEADT(d->reported_on);
}

/* rate_text(e): a rate from money or a survey as shown for its actual: 100%. */
PG_FUNCTION_INFO_V1(evaluation_rate_text);
Datum
evaluation_rate_text(PG_FUNCTION_ARGS)
{
	EvalData   *d = eval_arg(fcinfo);
	char		num[32];

	if (!(d->flags & EV_RATE))
		PG_RETURN_NULL();
	pe_format_fixed(d->rate, num);
	PG_RETURN_TEXT_P(cstring_to_text(psprintf("%s%%", num)));
}

/* Evaluation text output: for reading only. */
PG_FUNCTION_INFO_V1(evaluation_out);
Datum
evaluation_out(PG_FUNCTION_ARGS)
{
	EvalData   *d = eval_arg(fcinfo);
	StringInfoData s;
	char		num[32];

	initStringInfo(&s);
	appendStringInfoChar(&s, '(');
	if (!(d->flags & EV_APPLICABLE))
		appendStringInfoString(&s, "not applicable");
	else if (d->flags & EV_SCORE)
	{
		pe_format_fixed(d->score, num);
		appendStringInfo(&s, "score %s", num);
	}
	else
		appendStringInfo(&s, "%s", pe_problem_key(d->problem));
	if (d->flags & EV_COMPLETION)
	{
		pe_format_fixed(d->completion, num);
		appendStringInfo(&s, ", completion %s%%", num);
	}
	if (d->flags & EV_RATE)
	{
		pe_format_fixed(d->rate, num);
		appendStringInfo(&s, ", rate %s%%", num);
	}
	if (d->findings)
		appendStringInfo(&s, ", findings %d", d->findings);
	appendStringInfoChar(&s, ')');
	PG_RETURN_CSTRING(s.data);
}

PG_FUNCTION_INFO_V1(evaluation_in);
Datum
evaluation_in(PG_FUNCTION_ARGS)
{
	ereport(ERROR,
			(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			 errmsg("perfeval.evaluation values cannot be entered"),
			 errhint("Call perfeval.evaluate() on an indicator row.")));
	PG_RETURN_NULL();
}

/* The core's result again, from a stored evaluation (no re-evaluation). */
static void
eval_unpack(const EvalData *d, PeEval *e)
{
	memset(e, 0, sizeof(*e));
	e->applicable = (d->flags & EV_APPLICABLE) != 0;
	e->has_score = (d->flags & EV_SCORE) != 0;
	e->has_completion = (d->flags & EV_COMPLETION) != 0;
	e->has_rate = (d->flags & EV_RATE) != 0;
	e->met = (d->flags & EV_MET) != 0;
	e->problem = d->problem;
	e->findings = d->findings;
	e->score = d->score;
	e->completion = d->completion;
	e->rate = d->rate;
}

/*
 * explanation(e, row..., reasons): the working-paper sentence of an
 * evaluated row.  The row's inputs are decoded again for their figures;
 * the decisions come from e.
 */
PG_FUNCTION_INFO_V1(explanation);
Datum
explanation(PG_FUNCTION_ARGS)
{
	EvalData   *d = eval_arg(fcinfo);
	PeRow		row;
	PeRules		rules;
	PeEval		e;
	char	   *reasons = PG_ARGISNULL(1 + A_NARGS) ? NULL :
		text_to_cstring(PG_GETARG_TEXT_PP(1 + A_NARGS));
	char		small[512];
	size_t		need;

	row_from_args(fcinfo, 1, &row, &rules, NULL);
	if (row.source == PE_SOURCE_SURVEY && row.rules)
		pe_rules_unpack(PG_GETARG_DATUM(1 + A_RULES), &rules, true);
	eval_unpack(d, &e);
	need = pe_explain(&row, &e, reasons, small, sizeof(small));
	if (need < sizeof(small))
		PG_RETURN_TEXT_P(cstring_to_text_with_len(small, need));
	{
		char	   *big = palloc(need + 1);

		pe_explain(&row, &e, reasons, big, need + 1);
		PG_RETURN_TEXT_P(cstring_to_text_with_len(big, need));
	}
}

/* The findings of a row, in a fixed order: their bit and their kind. */
static const struct
{
	int			bit;
	const char *kind;			/* NULL: the problem's own key */
}			finding_order[] = {
	{PE_FINDING_PRINTED_SCORE, "printed_score"},
	{PE_FINDING_OVER, "over_achievement"},
	{PE_FINDING_SHORTFALL, "shortfall"},
	{PE_FINDING_PROBLEM, NULL},
	{PE_FINDING_CHECKLIST, "checklist_points"},
	{PE_FINDING_PRINTED_ONLY, "printed_only"},
	{PE_FINDING_JUDGED_BY_SCORE, "judged_by_score"}
};

static const char *
finding_kind(int i, const EvalData *d)
{
	return finding_order[i].kind ? finding_order[i].kind : pe_problem_key(d->problem);
}

/* finding_kinds(e): the kinds of finding an evaluated row raises, as text[]. */
PG_FUNCTION_INFO_V1(finding_kinds);
Datum
finding_kinds(PG_FUNCTION_ARGS)
{
	EvalData   *d = eval_arg(fcinfo);
	Datum		kinds[lengthof(finding_order)];
	int			n = 0;

	for (int i = 0; i < (int) lengthof(finding_order); i++)
		if (d->findings & finding_order[i].bit)
			kinds[n++] = CStringGetTextDatum(finding_kind(i, d));
	PG_RETURN_ARRAYTYPE_P(construct_array(kinds, n, TEXTOID, -1, false, TYPALIGN_INT));
}

/*
 * finding_detail(e, kind, name, row...): the sentence of one finding of an
 * evaluated row, with its figures; NULL when the row does not raise it.
 */
PG_FUNCTION_INFO_V1(finding_detail);
Datum
finding_detail(PG_FUNCTION_ARGS)
{
	EvalData   *d = eval_arg(fcinfo);
	text	   *kind = PG_GETARG_TEXT_PP(1);
	char	   *name = PG_ARGISNULL(2) ? "" : text_to_cstring(PG_GETARG_TEXT_PP(2));

	for (int i = 0; i < (int) lengthof(finding_order); i++)
	{
		PeRow		row;
		PeRules		rules;
		PeEval		e;
		char		buf[1024];
		size_t		n;

		if (!(d->findings & finding_order[i].bit) || !pe_text_is(kind, finding_kind(i, d)))
			continue;
		row_from_args(fcinfo, 3, &row, &rules, NULL);
		if (row.rules)
			pe_rules_unpack(PG_GETARG_DATUM(3 + A_RULES), &rules, true);
		eval_unpack(d, &e);
		n = pe_describe_finding(finding_order[i].bit, &row, &e, name, buf, sizeof(buf));
		PG_RETURN_TEXT_P(cstring_to_text_with_len(buf, Min(n, sizeof(buf) - 1)));
	}
	PG_RETURN_NULL();
}

/* What sum_scores(evaluation) adds: see src/sumscores.c. */
void
pe_evaluation_parts(Datum d, bool *applicable, bool *scored, int64 *points, int64 *weight,
					int *weight_scale, int *decimals, bool *truncate)
{
	EvalData   *e = (EvalData *) DatumGetPointer(d);

	if (e->version != PE_FORMAT_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("corrupt perfeval.evaluation value")));
	*applicable = (e->flags & EV_APPLICABLE) != 0;
	*scored = (e->flags & EV_SCORE) != 0;
	*points = e->score;
	*weight = e->weight;
	*weight_scale = e->weight_scale;
	*decimals = e->decimals;
	*truncate = e->truncate != 0;
}
