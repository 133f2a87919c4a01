/*
 * score.c
 *		Completion rates and indicator scores: completion(), comparable(),
 *		score(), judged_score(), deduct() and satisfaction().
 *
 * All results are numeric and exact; where a division cannot terminate the
 * result is rounded half-up to six decimals and trailing zeros are trimmed.
 */
#include "perfeval.h"

#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/lsyscache.h"

/* Constants reused by every call of a scoring function, kept in fn_extra. */
typedef struct ScoreConsts
{
	Numeric		zero;
	Numeric		hundred;
	Numeric		hundredth;
} ScoreConsts;

/* Fetch (building once per call site) the numeric constants. */
static ScoreConsts *
score_consts(FunctionCallInfo fcinfo)
{
	ScoreConsts *k;

	if (fcinfo->flinfo == NULL)
	{
		/* called through DirectFunctionCall: nowhere to cache */
		k = palloc(sizeof(ScoreConsts));
		k->zero = int64_to_numeric(0);
		k->hundred = int64_to_numeric(100);
		k->hundredth = int64_div_fast_to_numeric(1, 2);
		return k;
	}
	k = (ScoreConsts *) fcinfo->flinfo->fn_extra;
	if (k == NULL)
	{
		MemoryContext old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);

		k = palloc(sizeof(ScoreConsts));
		k->zero = int64_to_numeric(0);
		k->hundred = int64_to_numeric(100);
		k->hundredth = int64_div_fast_to_numeric(1, 2);
		MemoryContextSwitchTo(old);
		fcinfo->flinfo->fn_extra = k;
	}
	return k;
}

/* Fixed-point (PE_SCALE) value to numeric with trailing zeros trimmed. */
Numeric
pe_fixed_to_numeric(int64 v)
{
	int			d = PE_DECIMALS;

	while (d > 0 && v % 10 == 0)
	{
		v /= 10;
		d--;
	}
	return int64_div_fast_to_numeric(v, d);
}

/* Drop trailing zeros of a numeric's display scale. */
Numeric
pe_numeric_trim(Numeric n)
{
	return DatumGetNumeric(DirectFunctionCall1(numeric_trim_scale,
											   NumericGetDatum(n)));
}

/* Round half-up (half away from zero) to scale digits, then trim. */
Numeric
pe_round_trim(Numeric n, int scale)
{
	return pe_numeric_trim(DatumGetNumeric(DirectFunctionCall2(numeric_round,
													   NumericGetDatum(n),
													   Int32GetDatum(scale))));
}

static inline int
ncmp(Numeric a, Numeric b)
{
	return DatumGetInt32(DirectFunctionCall2(numeric_cmp, NumericGetDatum(a),
											 NumericGetDatum(b)));
}

static inline Numeric
nmul(Numeric a, Numeric b)
{
	return numeric_mul_opt_error(a, b, NULL);
}

/* Refuse NaN and infinities where a finite amount is required. */
static void
check_finite(Numeric n, const char *what)
{
	if (numeric_is_nan(n) || numeric_is_inf(n))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must be a finite number", what)));
}

/* Report a weight that is not positive: every indicator carries points. */
void
pe_weight_error(Numeric w)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("weight must be greater than zero: \"%s\"",
					DatumGetCString(DirectFunctionCall1(numeric_out,
														NumericGetDatum(w)))),
			 errhint("An indicator's weight is the points it carries, such as 10 or 2.5.")));
}

/* Refuse a weight that is not finite and positive. */
static void
check_weight(Numeric w, ScoreConsts *k)
{
	check_finite(w, "weight");
	if (ncmp(w, k->zero) <= 0)
		pe_weight_error(w);
}

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

/* Canonical unit text of a target/measure for messages. */
static const char *
unit_label(const PeQuant *q)
{
	if (q->unit == PE_UNIT_CUSTOM)
		return pnstrdup(q->text, q->textlen);
	if (q->unit == PE_UNIT_NONE && q->per == PE_UNIT_NONE)
		return "(no unit)";
	if (q->per == PE_UNIT_NONE)
		return pe_unit_name(q->unit);
	return psprintf("%s/%s", pe_unit_name(q->unit), pe_unit_name(q->per));
}

/* completion(target, measure, reverse text): completion rate in percent. */
PG_FUNCTION_INFO_V1(pe_completion_rate);
Datum
pe_completion_rate(PG_FUNCTION_ARGS)
{
	PeQuant		t,
				a;
	PeError		err;
	int64		r;
	PeStatus	st;

	pe_quant_unpack(PG_GETARG_DATUM(0), &t);
	pe_quant_unpack(PG_GETARG_DATUM(1), &a);
	st = pe_completion(&t, &a, pe_reverse_arg(PG_GETARG_TEXT_PP(2)), &r, &err);
	if (st == PE_NULL)
		PG_RETURN_NULL();
	if (st == PE_ERR_UNITS)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot compare a target in \"%s\" with a measure in \"%s\"",
						unit_label(&t), unit_label(&a)),
				 errdetail("%s", err.detail),
				 errhint("Record the measure in the target's unit, or leave one side without a unit.")));
	if (st != PE_OK)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("completion rate out of range"),
				 errdetail("%s", err.detail)));
	PG_RETURN_NUMERIC(pe_fixed_to_numeric(r));
}

/* comparable(target, measure): would completion() succeed? */
PG_FUNCTION_INFO_V1(pe_comparable);
Datum
pe_comparable(PG_FUNCTION_ARGS)
{
	PeQuant		t,
				a;
	PeError		err;
	int64		r;
	PeStatus	st;

	pe_quant_unpack(PG_GETARG_DATUM(0), &t);
	pe_quant_unpack(PG_GETARG_DATUM(1), &a);
	st = pe_completion(&t, &a, PE_REVERSE_RATIO, &r, &err);
	PG_RETURN_BOOL(st == PE_OK || st == PE_NULL);
}

/* weight x min(max(c, 0), 100) / 100 */
static Numeric
proportional(Numeric w, Numeric c, ScoreConsts *k)
{
	if (ncmp(c, k->zero) <= 0)
		return k->zero;
	if (ncmp(c, k->hundred) >= 0)
		return w;
	return nmul(nmul(w, c), k->hundredth);
}

/* score(weight, completion, method): the indicator's points, unrounded. */
PG_FUNCTION_INFO_V1(pe_score);
Datum
pe_score(PG_FUNCTION_ARGS)
{
	Numeric		w = PG_GETARG_NUMERIC(0);
	Numeric		c = PG_GETARG_NUMERIC(1);
	MethodData *m = (MethodData *) PG_GETARG_POINTER(2);
	ScoreConsts *k = score_consts(fcinfo);
	Numeric		res;

	check_weight(w, k);
	check_finite(c, "completion");
	switch (m->kind)
	{
		case PE_METHOD_FLOOR:
			if (ncmp(c, pe_fixed_to_numeric(m->p1)) < 0)
				res = k->zero;
			else
				res = proportional(w, c, k);
			break;
		case PE_METHOD_ALL_OR_NOTHING:
			res = ncmp(c, k->hundred) >= 0 ? w : k->zero;
			break;
		case PE_METHOD_DEDUCT:
			if (ncmp(c, k->hundred) >= 0)
				res = w;
			else
			{
				Numeric		shortfall = numeric_sub_opt_error(k->hundred, c, NULL);
				Numeric		ded;

				ded = numeric_div_opt_error(nmul(pe_fixed_to_numeric(m->p1), shortfall),
											pe_fixed_to_numeric(m->p2), NULL);
				res = numeric_sub_opt_error(w, pe_round_trim(ded, PE_DECIMALS), NULL);
				if (ncmp(res, k->zero) < 0)
					res = k->zero;
			}
			break;
		case PE_METHOD_PROPORTIONAL:
			res = proportional(w, c, k);
			break;
		default:
			ereport(ERROR,
					(errcode(ERRCODE_DATA_CORRUPTED),
					 errmsg("corrupt perfeval.method value: kind %d", m->kind)));
	}
	PG_RETURN_NUMERIC(pe_numeric_trim(res));
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
	Numeric		w = PG_GETARG_NUMERIC(0);
	char	   *tier = text_to_cstring(PG_GETARG_TEXT_PP(1));
	Numeric		f = PG_GETARG_NUMERIC(2);
	Numeric		high = PG_GETARG_NUMERIC(3);
	Numeric		low = PG_GETARG_NUMERIC(4);
	ScoreConsts *k = score_consts(fcinfo);
	Numeric		lo,
				hi;

	check_weight(w, k);
	check_finite(f, "fraction");
	check_finite(high, "high");
	check_finite(low, "low");
	if (ncmp(low, k->zero) < 0 || ncmp(low, high) > 0 || ncmp(high, k->hundred) > 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid tier bounds: high %s, low %s",
						DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(high))),
						DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(low)))),
				 errhint("Bounds are percentages with 0 <= low <= high <= 100, such as 80 and 60.")));

	if (strcmp(tier, "达成") == 0)
	{
		lo = high;
		hi = k->hundred;
	}
	else if (strcmp(tier, "部分达成") == 0)
	{
		lo = low;
		hi = high;
	}
	else if (strcmp(tier, "未达成") == 0)
	{
		lo = k->zero;
		hi = low;
	}
	else
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown qualitative tier: \"%s\"", tier),
				 errhint("Accepted tiers are 达成, 部分达成 and 未达成.")));

	if (ncmp(f, lo) < 0 || ncmp(f, hi) > 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("judged fraction %s%% is outside tier \"%s\"",
						DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(f))),
						tier),
				 errdetail("Tier %s scores %s%% to %s%% of the weight.", tier,
						   DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(lo))),
						   DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(hi)))),
				 errhint("Choose the tier that matches the judgement, or a fraction inside its band.")));

	PG_RETURN_NUMERIC(pe_numeric_trim(nmul(nmul(w, f), k->hundredth)));
}

/* deduct(weight, deductions[]): checklist scoring clamped to [0, weight]. */
PG_FUNCTION_INFO_V1(pe_deduct);
Datum
pe_deduct(PG_FUNCTION_ARGS)
{
	Numeric		w = PG_GETARG_NUMERIC(0);
	ArrayType  *arr = PG_GETARG_ARRAYTYPE_P(1);
	ScoreConsts *k = score_consts(fcinfo);
	Datum	   *elems;
	bool	   *nulls;
	int			n;
	Numeric		res = w;

	check_weight(w, k);
	deconstruct_array(arr, NUMERICOID, -1, false, TYPALIGN_INT,
					  &elems, &nulls, &n);
	for (int i = 0; i < n; i++)
	{
		Numeric		d;

		if (nulls[i])
			continue;			/* a point not assessed deducts nothing */
		d = DatumGetNumeric(elems[i]);
		check_finite(d, "deduction");
		if (ncmp(d, k->zero) < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("deduction must not be negative: \"%s\"",
							DatumGetCString(DirectFunctionCall1(numeric_out, elems[i]))),
					 errhint("A deduction is the points taken off, such as 0.3.")));
		res = numeric_sub_opt_error(res, d, NULL);
	}
	if (ncmp(res, k->zero) < 0)
		res = k->zero;
	PG_RETURN_NUMERIC(pe_numeric_trim(res));
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
	ArrayType  *ka = PG_GETARG_ARRAYTYPE_P(1);
	ScoreConsts *k = score_consts(fcinfo);
	Datum	   *cv,
			   *kv;
	bool	   *cn,
			   *kn;
	int			nc,
				nk;
	int64		total = 0;
	Numeric		sum = k->zero;

	deconstruct_array(ca, INT4OID, 4, true, TYPALIGN_INT, &cv, &cn, &nc);
	deconstruct_array(ka, NUMERICOID, -1, false, TYPALIGN_INT, &kv, &kn, &nk);
	if (nc != nk)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("satisfaction has %d counts but %d coefficients", nc, nk),
				 errhint("Give one count per answer option, in the order of the coefficients (非常满意 1, 比较满意 0.8, 一般 0.6, 较不满意 0.3, 不满意 0).")));
	for (int i = 0; i < nc; i++)
	{
		int32		c;

		if (cn[i] || kn[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("satisfaction counts and coefficients must not be NULL")));
		c = DatumGetInt32(cv[i]);
		if (c < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("response count must not be negative: %d", c)));
		check_finite(DatumGetNumeric(kv[i]), "coefficient");
		total += c;
		sum = numeric_add_opt_error(sum, nmul(int64_to_numeric(c),
											  DatumGetNumeric(kv[i])), NULL);
	}
	if (total == 0)
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(pe_round_trim(numeric_div_opt_error(nmul(sum, k->hundred),
														  int64_to_numeric(total),
														  NULL),
									PE_DECIMALS));
}
