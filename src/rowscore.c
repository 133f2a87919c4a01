/*
 * rowscore.c
 *		The per-row scorers with explicit inputs, for SQL written without
 *		the warehouse tables: indicator_score() for a measured actual, and
 *		row_score() and row_points() for a row from any source.  Each
 *		fills the core's row from its arguments and calls pe_evaluate(), the
 *		same evaluation the warehouse views use.
 */
#include "perfeval.h"

#include "utils/builtins.h"

/* Rules from explicit arguments (others at their defaults), checked. */
static void
rules_from(PeRules *r, text *reverse, int32 decimals, text *rounding, Datum high, Datum low)
{
	memset(r, 0, sizeof(*r));
	if (decimals < 0 || decimals > PE_DECIMALS)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("decimals must be between 0 and 6: %d", decimals)));
	r->decimals = (int8) decimals;
	if (pe_text_is(rounding, "truncate"))
		r->truncate = true;
	else if (!pe_text_is(rounding, "half_up"))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid rounding: \"%s\"", text_to_cstring(rounding)),
				 errhint("Use 'half_up' or 'truncate'.")));
	r->reverse = (uint8) pe_reverse_arg(reverse);
	r->tier_high = high ? pe_numeric_arg(high, "tier_high") : 80 * PE_SCALE;
	r->tier_low = low ? pe_numeric_arg(low, "tier_low") : 60 * PE_SCALE;
	r->over_threshold = 120 * PE_SCALE;
	r->ncoef = PE_DEFAULT_COEFFICIENTS;
	memcpy(r->coef, pe_default_coefficients, sizeof(pe_default_coefficients));
	pe_rules_ok(r);
}

/* The evaluation's score as a function result (NULL for none). */
static Datum
score_result(FunctionCallInfo fcinfo, const PeEval *e)
{
	if (!e->has_score)
		PG_RETURN_NULL();
	if (e->problem == PE_PROBLEM_RATE_RANGE)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("indicator score out of range")));
	PG_RETURN_NUMERIC(pe_fixed_to_numeric(e->score));
}

/*
 * indicator_score(weight, target, actual, method, reverse, decimals,
 * rounding): a measured actual against its target, rounded as a scheme
 * says; NULL when the two cannot be compared (qualitative, or units that do
 * not convert).
 */
PG_FUNCTION_INFO_V1(pe_indicator_score);
Datum
pe_indicator_score(PG_FUNCTION_ARGS)
{
	PeRow		row;
	PeRules		rules;
	PeEval		e;
	MethodData *m = (MethodData *) PG_GETARG_POINTER(3);

	rules_from(&rules, PG_GETARG_TEXT_PP(4), PG_GETARG_INT32(5), PG_GETARG_TEXT_PP(6), 0, 0);
	memset(&row, 0, sizeof(row));
	row.weight = pe_weight_arg(PG_GETARG_DATUM(0));
	row.applicable = true;
	row.source = PE_SOURCE_ACTUAL;
	row.has_target = true;
	pe_quant_unpack(PG_GETARG_DATUM(1), &row.target);
	row.method = (PeMethod) {m->kind, m->p1, m->p2};
	row.rules = &rules;
	row.actual.present = true;
	row.actual.has_measure = true;
	row.actual.has_note = true;
	pe_quant_unpack(PG_GETARG_DATUM(2), &row.actual.measure);
	pe_evaluate(&row, &e);
	return score_result(fcinfo, &e);
}

enum
{
	RS_WEIGHT, RS_APPLICABLE, RS_SOURCE, RS_TARGET, RS_MEASURE, RS_TIER, RS_FRACTION,
	RS_METHOD, RS_DEDUCTED, RS_RATE, RS_REVERSE, RS_DECIMALS, RS_ROUNDING, RS_HIGH,
	RS_LOW, RS_NARGS
};

/*
 * row_score() and row_points() inputs: an indicator row from any source
 * with its rate given (from money or a survey), its deductions summed and
 * its scheme's rounding, reverse rule and tier bounds.  False when a
 * required input is NULL (the result is NULL); ERROR for a bad one.
 */
static bool
row_args(FunctionCallInfo fcinfo, PeRow *row, PeRules *rules)
{
	text	   *src;
	int			code;
	MethodData *m;

	if (PG_ARGISNULL(RS_WEIGHT) || PG_ARGISNULL(RS_APPLICABLE) || PG_ARGISNULL(RS_SOURCE) ||
		PG_ARGISNULL(RS_METHOD) || PG_ARGISNULL(RS_REVERSE) || PG_ARGISNULL(RS_DECIMALS) ||
		PG_ARGISNULL(RS_ROUNDING))
		return false;
	memset(row, 0, sizeof(*row));
	row->weight = pe_weight_arg(PG_GETARG_DATUM(RS_WEIGHT));
	row->applicable = PG_GETARG_BOOL(RS_APPLICABLE);
	src = PG_GETARG_TEXT_PP(RS_SOURCE);
	code = pe_source_code(VARDATA_ANY(src), VARSIZE_ANY_EXHDR(src));
	if (code < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid source: \"%s\"", text_to_cstring(src)),
				 errhint("Sources are actual, checklist, survey, arrival_rate and execution_rate.")));
	row->source = (uint8) code;
	rules_from(rules, PG_GETARG_TEXT_PP(RS_REVERSE), PG_GETARG_INT32(RS_DECIMALS),
			   PG_GETARG_TEXT_PP(RS_ROUNDING),
			   PG_ARGISNULL(RS_HIGH) ? 0 : PG_GETARG_DATUM(RS_HIGH),
			   PG_ARGISNULL(RS_LOW) ? 0 : PG_GETARG_DATUM(RS_LOW));
	row->rules = rules;
	m = (MethodData *) PG_GETARG_POINTER(RS_METHOD);
	row->method = (PeMethod) {m->kind, m->p1, m->p2};
	row->has_target = !PG_ARGISNULL(RS_TARGET);
	if (row->has_target)
		pe_quant_unpack(PG_GETARG_DATUM(RS_TARGET), &row->target);
	row->actual.has_note = true;
	row->actual.has_measure = !PG_ARGISNULL(RS_MEASURE);
	if (row->actual.has_measure)
		pe_quant_unpack(PG_GETARG_DATUM(RS_MEASURE), &row->actual.measure);
	if (!PG_ARGISNULL(RS_TIER))
	{
		row->actual.tier = (uint8) pe_tier_arg(PG_GETARG_TEXT_PP(RS_TIER));
		row->actual.fraction = PG_ARGISNULL(RS_FRACTION) ? -1 :
			pe_numeric_arg(PG_GETARG_DATUM(RS_FRACTION), "fraction");
	}
	row->actual.present = row->actual.has_measure || row->actual.tier != PE_TIER_NONE;
	if (!PG_ARGISNULL(RS_DEDUCTED))
	{
		row->has_checklist = true;
		row->checklist.deducted = pe_numeric_arg(PG_GETARG_DATUM(RS_DEDUCTED), "deducted");
		if (row->checklist.deducted < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("deductions must not be negative: \"%s\"",
							pe_numeric_text(PG_GETARG_DATUM(RS_DEDUCTED))),
					 errhint("deducted is the sum of the points taken off, such as 0.3.")));
	}
	row->rate_given = true;
	row->has_rate = !PG_ARGISNULL(RS_RATE);
	if (row->has_rate)
		row->rate = pe_numeric_arg(PG_GETARG_DATUM(RS_RATE), "rate");
	return true;
}

/* row_score(...): the score of one indicator row, whatever its source. */
PG_FUNCTION_INFO_V1(pe_row_score);
Datum
pe_row_score(PG_FUNCTION_ARGS)
{
	PeRow		row;
	PeRules		rules;
	PeEval		e;

	if (!row_args(fcinfo, &row, &rules))
		PG_RETURN_NULL();
	pe_evaluate(&row, &e);
	return score_result(fcinfo, &e);
}

/* row_points(...): row_score() times 10^6 as a bigint, for sums. */
PG_FUNCTION_INFO_V1(pe_row_points);
Datum
pe_row_points(PG_FUNCTION_ARGS)
{
	PeRow		row;
	PeRules		rules;
	PeEval		e;

	if (!row_args(fcinfo, &row, &rules))
		PG_RETURN_NULL();
	pe_evaluate(&row, &e);
	if (!e.has_score)
		PG_RETURN_NULL();
	PG_RETURN_INT64(e.score);
}
