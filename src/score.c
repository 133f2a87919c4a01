/*
 * score.c
 *		The scoring functions one by one: completion(), comparable(),
 *		score(), judged_score(), deduct(), satisfaction() and rate().  Each
 *		decodes its arguments, calls the core rule (src/pe_eval.c,
 *		src/pe_arith.c) and reports what it refuses.
 *
 * Results are exact numerics with at most six decimals, rounded half-up
 * once where they need more.
 */
#include "perfeval.h"

#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/builtins.h"

/* Map a reverse-rule argument ('ratio', 'linear') to the core's enum. */
PeReverse
pe_reverse_arg(text *t)
{
	if (pe_text_is(t, "ratio") || pe_text_is(t, "比值"))
		return PE_REVERSE_RATIO;
	if (pe_text_is(t, "linear") || pe_text_is(t, "线性"))
		return PE_REVERSE_LINEAR;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("invalid reverse rule: \"%s\"", text_to_cstring(t)),
			 errhint("Use 'ratio' (target ÷ actual) or 'linear' (down to 0 at twice the target).")));
	return PE_REVERSE_RATIO;	/* keep compiler quiet */
}

/* A weight argument: finite, at most six decimals, greater than zero. */
int64
pe_weight_arg(Datum d)
{
	int64		w = pe_numeric_arg(d, "weight");

	if (w <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("weight must be greater than zero: \"%s\"", pe_numeric_text(d)),
				 errhint("An indicator's weight is the points it carries, such as 10 or 2.5.")));
	return w;
}

/* Canonical unit text of a target/measure for messages. */
static const char *
unit_label(const PeQuant *q)
{
	if (q->unit == PE_UNIT_CUSTOM)
		return pnstrdup(q->text, q->textlen);
	if (q->unit == PE_UNIT_DATE)
		return "(a date)";
	if (q->unit == PE_UNIT_NONE && q->per == PE_UNIT_NONE)
		return "(no unit)";
	if (q->per == PE_UNIT_NONE)
		return pe_unit_name(q->unit);
	return psprintf("%s/%s", pe_unit_name(q->unit), pe_unit_name(q->per));
}

/* An exact score rounded once to six decimals, as a numeric. */
static Datum
exact_numeric(PeExact x)
{
	int64		v;

	if (pe_round_score(x, PE_DECIMALS, false, &v) != PE_OK)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("score out of range"),
				 errhint("A score is at most 999999999999.999999 points; check the weight.")));
	return NumericGetDatum(pe_fixed_to_numeric(v));
}

/* Default rules with the given tier bounds, checked. */
static void
tier_rules(PeRules *r, int64 high, int64 low)
{
	memset(r, 0, sizeof(*r));
	r->decimals = PE_DECIMALS;
	r->tier_high = high;
	r->tier_low = low;
	r->over_threshold = 120 * PE_SCALE;
	r->ncoef = PE_DEFAULT_COEFFICIENTS;
	memcpy(r->coef, pe_default_coefficients, sizeof(pe_default_coefficients));
	pe_rules_ok(r);
}

/* completion(target, measure, reverse text): completion rate in percent. */
PG_FUNCTION_INFO_V1(pe_completion_rate);
Datum
pe_completion_rate(PG_FUNCTION_ARGS)
{
	PeQuant		t,
				a;
	PeError		err;
	PeCompletion c;
	PeStatus	st;

	pe_quant_unpack(PG_GETARG_DATUM(0), &t);
	pe_quant_unpack(PG_GETARG_DATUM(1), &a);
	st = pe_completion(&t, &a, pe_reverse_arg(PG_GETARG_TEXT_PP(2)), &c, &err);
	if (st == PE_NULL)
		PG_RETURN_NULL();
	if (st == PE_ERR_UNITS)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot compare a target in \"%s\" with a measure in \"%s\"",
						unit_label(&t), unit_label(&a)),
				 errdetail_internal("%s", pe_core_detail(err.detail)),
				 errhint("Record the measure in the target's unit, or leave one side without a unit.")));
	if (st != PE_OK)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("completion rate out of range"),
				 errdetail_internal("%s", pe_core_detail(err.detail)),
				 errhint("A completion rate is at most 999999999999.999999 percent; check the target.")));
	PG_RETURN_NUMERIC(pe_fixed_to_numeric(c.rate));
}

/* comparable(target, measure): can their units be compared at all? */
PG_FUNCTION_INFO_V1(pe_comparable);
Datum
pe_comparable(PG_FUNCTION_ARGS)
{
	PeQuant		t,
				a;

	pe_quant_unpack(PG_GETARG_DATUM(0), &t);
	pe_quant_unpack(PG_GETARG_DATUM(1), &a);
	PG_RETURN_BOOL(pe_units_comparable(&t, &a));
}

/* score(weight, completion, method): the indicator's points. */
PG_FUNCTION_INFO_V1(pe_score);
Datum
pe_score(PG_FUNCTION_ARGS)
{
	int64		w = pe_weight_arg(PG_GETARG_DATUM(0));
	int64		c = pe_numeric_arg(PG_GETARG_DATUM(1), "completion");
	MethodData *m = (MethodData *) PG_GETARG_POINTER(2);
	PeMethod	pm = {m->kind, m->p1, m->p2};

	if (m->kind > PE_METHOD_LAST)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("corrupt perfeval.method value: kind %d", m->kind)));
	if (pe_method_needs_values(&pm))
	{
		char		buf[PE_METHOD_BUFLEN];

		pe_format_method(&pm, buf);
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("scoring method \"%s\" is scored from the target and the actual, not from a completion", buf),
				 errhint("Use row_score() or indicator_score() with the target and the measure.")));
	}
	PG_RETURN_DATUM(exact_numeric(pe_method_score(&pm, w, c)));
}

/* A tier name, or ERROR (judged_score(), row_score()). */
int
pe_tier_arg(text *t)
{
	int			tier = pe_tier_code(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));

	if (tier <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown qualitative tier: \"%s\"", text_to_cstring(t)),
				 errhint("Accepted tiers are 达成, 部分达成 and 未达成.")));
	return tier;
}

/*
 * judged_score(weight, tier, fraction, high, low): a qualitative indicator
 * judged by an evaluator.  The tier fixes a band of the weight (达成
 * high..100 %, 部分达成 low..high %, 未达成 0..low %); fraction must fall in it.
 */
PG_FUNCTION_INFO_V1(pe_judged_score);
Datum
pe_judged_score(PG_FUNCTION_ARGS)
{
	int64		w = pe_weight_arg(PG_GETARG_DATUM(0));
	int			tier = pe_tier_arg(PG_GETARG_TEXT_PP(1));
	int64		f = pe_numeric_arg(PG_GETARG_DATUM(2), "fraction");
	PeRules		r;
	int64		lo,
				hi;
	char		a[32],
				b[32];

	tier_rules(&r, pe_numeric_arg(PG_GETARG_DATUM(3), "high"),
			   pe_numeric_arg(PG_GETARG_DATUM(4), "low"));
	pe_tier_band(&r, tier, &lo, &hi);
	if (f < lo || f > hi)
	{
		pe_format_fixed(lo, a);
		pe_format_fixed(hi, b);
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("judged fraction %s%% is outside tier \"%s\"",
						pe_numeric_text(PG_GETARG_DATUM(2)), pe_tier_name(tier)),
				 errdetail("Tier %s scores %s%% to %s%% of the weight.", pe_tier_name(tier), a, b),
				 errhint("Choose the tier that matches the judgement, or a fraction inside its band.")));
	}
	PG_RETURN_DATUM(exact_numeric(pe_judged_exact(w, f)));
}

/* deduct(weight, deductions[]): checklist scoring clamped to [0, weight]. */
PG_FUNCTION_INFO_V1(pe_deduct);
Datum
pe_deduct(PG_FUNCTION_ARGS)
{
	int64		w = pe_weight_arg(PG_GETARG_DATUM(0));
	ArrayType  *arr = PG_GETARG_ARRAYTYPE_P(1);
	Datum	   *elems;
	bool	   *nulls;
	int			n;
	pe_int128	left = w;

	deconstruct_array(arr, NUMERICOID, -1, false, TYPALIGN_INT, &elems, &nulls, &n);
	for (int i = 0; i < n; i++)
	{
		int64		d;

		if (nulls[i])
			continue;			/* a point not assessed deducts nothing */
		d = pe_numeric_arg(elems[i], "deduction");
		if (d < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("deduction must not be negative: \"%s\"", pe_numeric_text(elems[i])),
					 errhint("A deduction is the points taken off, such as 0.3.")));
		left -= d;
	}
	PG_RETURN_NUMERIC(pe_fixed_to_numeric(left < 0 ? 0 : (int64) left));
}

/*
 * satisfaction(counts[], coefficients[]): Σ(count × coefficient) / Σ count
 * as a percentage; NULL when nobody answered.
 */
PG_FUNCTION_INFO_V1(pe_satisfaction);
Datum
pe_satisfaction(PG_FUNCTION_ARGS)
{
	ArrayType  *ca = PG_GETARG_ARRAYTYPE_P(0);
	Datum	   *cv;
	bool	   *cn;
	int			nc;
	PeRules		r;
	PeSurvey	s;
	int64		rate;

	deconstruct_array(ca, INT4OID, 4, true, TYPALIGN_INT, &cv, &cn, &nc);
	tier_rules(&r, 80 * PE_SCALE, 60 * PE_SCALE);
	pe_coefficients_arg(PG_GETARG_ARRAYTYPE_P(1), &r);
	pe_rules_ok(&r);
	if (nc != r.ncoef)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("satisfaction has %d counts but %d coefficients", nc, r.ncoef),
				 errhint("Give one count per answer option, in the order of the coefficients (非常满意 1, 比较满意 0.8, 一般 0.6, 较不满意 0.3, 不满意 0).")));
	memset(&s, 0, sizeof(s));
	s.n = nc;
	for (int i = 0; i < nc; i++)
	{
		if (cn[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("satisfaction counts must not be NULL")));
		if (DatumGetInt32(cv[i]) < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("response count must not be negative: %d", DatumGetInt32(cv[i]))));
		s.answered[i] = true;
		s.count[i] = DatumGetInt32(cv[i]);
		s.coef[i] = -1;			/* the coefficients given */
	}
	if (pe_survey_rate(&s, &r, &rate) != PE_OK)
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(pe_fixed_to_numeric(rate));
}

/*
 * rate(numerator, denominator): numerator ÷ denominator in percent, rounded
 * half-up to six decimals; NULL when the denominator is 0 or the rate is
 * beyond 999999999999.999999 %, so that no row can stop a warehouse query.
 * Both are read at a common scale of up to twelve decimals.
 */
PG_FUNCTION_INFO_V1(rate);
Datum
rate(PG_FUNCTION_ARGS)
{
	static const int scales[] = {PE_DECIMALS, PE_MONEY_DECIMALS, 12};
	Datum		n = PG_GETARG_DATUM(0),
				d = PG_GETARG_DATUM(1);
	int64		r;

	if (numeric_is_nan(DatumGetNumeric(n)) || numeric_is_inf(DatumGetNumeric(n)))
		(void) pe_numeric_arg(n, "numerator");
	if (numeric_is_nan(DatumGetNumeric(d)) || numeric_is_inf(DatumGetNumeric(d)))
		(void) pe_numeric_arg(d, "denominator");
	for (int i = 0; i < (int) lengthof(scales); i++)
	{
		pe_int128	a,
					b;

		if (!pe_numeric_scaled(n, scales[i], &a, NULL) || !pe_numeric_scaled(d, scales[i], &b, NULL))
			continue;
		switch (pe_rate(a, b, &r))
		{
			case PE_OK:
				PG_RETURN_NUMERIC(pe_fixed_to_numeric(r));
			default:
				/* a zero denominator, or a rate no measure can hold */
				PG_RETURN_NULL();
		}
	}
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("rate() cannot read %s ÷ %s exactly", pe_numeric_text(n), pe_numeric_text(d)),
			 errhint("rate() takes numbers with at most twelve decimals, below 10^18 in magnitude.")));
	PG_RETURN_NULL();
}

/*
 * execution_rate(spent, arrived, budget, initial_budget, base): the
 * execution rate on a scheme's base, as scoring takes it (NULL when the
 * rate has no value).
 */
PG_FUNCTION_INFO_V1(execution_rate);
Datum
execution_rate(PG_FUNCTION_ARGS)
{
	PeMoney		m;
	text	   *base;
	int			b;
	int64		r;
	bool		bad = false;

	memset(&m, 0, sizeof(m));
	if (PG_ARGISNULL(4))
		PG_RETURN_NULL();
	base = PG_GETARG_TEXT_PP(4);
	b = pe_base_code(VARDATA_ANY(base), VARSIZE_ANY_EXHDR(base));
	if (b < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid execution base: \"%s\"", text_to_cstring(base)),
				 errhint("Use 'arrived' (实际到位), 'budget' (全年预算) or 'initial' (年初预算).")));
#define MONEY(i, has, v) \
	if (!PG_ARGISNULL(i)) \
		m.has = pe_numeric_scaled(PG_GETARG_DATUM(i), PE_MONEY_DECIMALS, &m.v, NULL) || (bad = true, false)
	MONEY(0, has_spent, spent);
	MONEY(1, has_arrived, arrived);
	MONEY(2, has_budget, budget);
	MONEY(3, has_initial, initial);
#undef MONEY
	if (bad || pe_money_rate(&m, PE_SOURCE_EXECUTION, b, &r) != PE_OK)
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(pe_fixed_to_numeric(r));
}
