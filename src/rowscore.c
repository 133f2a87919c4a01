/*
 * rowscore.c
 *		indicator_score(): completion, scoring method and the scheme's
 *		rounding fused into one call with integer arithmetic, for the
 *		warehouse views that score millions of indicator rows per query.
 *
 * It returns exactly scheme_round(score(weight, completion(target, actual,
 * reverse), method), decimals, rounding), with one allocation per row: the
 * result.  Weights are read into fixed point through a small cache keyed by
 * the numeric's bytes, since a warehouse uses a handful of distinct weights.
 */
#include "perfeval.h"

#include "utils/builtins.h"
#include "utils/fmgrprotos.h"

typedef __int128 i128;

#define WEIGHT_CACHE 16
#define WEIGHT_KEY	24			/* numerics longer than this are not cached */

typedef struct WeightCache
{
	int			next;
	int			len[WEIGHT_CACHE];
	char		key[WEIGHT_CACHE][WEIGHT_KEY];
	int64		value[WEIGHT_CACHE];
} WeightCache;

static const int64 pow10_tab[] = {
	INT64CONST(1), INT64CONST(10), INT64CONST(100), INT64CONST(1000),
	INT64CONST(10000), INT64CONST(100000), INT64CONST(1000000)
};

/* Divide rounding half away from zero, or truncating toward zero. */
static i128
div_rounded(i128 n, i128 d, bool truncate)
{
	i128		q = n / d;
	i128		r = n % d;

	if (!truncate)
	{
		if (r < 0)
			r = -r;
		if (2 * r >= d)
			q += (n < 0) ? -1 : 1;
	}
	return q;
}

/*
 * A numeric weight in fixed point; false when it has more than six decimals
 * or is out of range (the caller then takes the numeric path).
 */
static bool
numeric_to_fixed(Numeric n, int64 *out)
{
	char	   *s = DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(n)));
	size_t		len = strlen(s);
	PeQuant		q;
	PeError		err;
	char	   *buf = palloc(len + 1);
	bool		ok;

	ok = pe_parse_measure(s, len, &q, buf, &err) == PE_OK &&
		q.unit == PE_UNIT_NONE && q.per == PE_UNIT_NONE;
	if (ok)
		*out = q.amount;
	pfree(buf);
	pfree(s);
	return ok;
}

/* Look a weight up in the per-call-site cache, converting it on a miss. */
static bool
weight_fixed(FunctionCallInfo fcinfo, Numeric w, int64 *out)
{
	WeightCache *c = (WeightCache *) fcinfo->flinfo->fn_extra;
	const char *bytes = VARDATA_ANY(w);
	int			len = VARSIZE_ANY_EXHDR(w);

	if (c == NULL)
	{
		c = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(WeightCache));
		fcinfo->flinfo->fn_extra = c;
	}
	if (len <= WEIGHT_KEY)
	{
		for (int i = 0; i < WEIGHT_CACHE; i++)
			if (c->len[i] == len + 1 && memcmp(c->key[i], bytes, len) == 0)
			{
				*out = c->value[i];
				return true;
			}
	}
	if (!numeric_to_fixed(w, out))
		return false;
	if (len <= WEIGHT_KEY)
	{
		int			i = c->next;

		c->next = (i + 1) % WEIGHT_CACHE;
		memcpy(c->key[i], bytes, len);
		c->len[i] = len + 1;	/* 0 marks an empty slot */
		c->value[i] = *out;
	}
	return true;
}

/*
 * The method applied to a fixed-point weight and completion: points at scale
 * 10^14 (weight and percent both at 10^6, times 100), so nothing is divided
 * before the final rounding.
 */
static i128
method_points(const MethodData *m, int64 w, int64 c)
{
	const int64 full = 100 * PE_SCALE;
	int64		cc;

	switch (m->kind)
	{
		case PE_METHOD_ALL_OR_NOTHING:
			return c >= full ? (i128) w * full : 0;
		case PE_METHOD_DEDUCT:
			{
				i128		ded,
							s;

				if (c >= full)
					return (i128) w * full;
				/* the deduction is rounded to six decimals, as score() does */
				ded = div_rounded((i128) m->p1 * (full - c), m->p2, false);
				s = (i128) w - ded;
				return s < 0 ? 0 : s * full;
			}
		case PE_METHOD_FLOOR:
			if (c < m->p1)
				return 0;
			/* FALLTHROUGH */
		default:
			cc = c < 0 ? 0 : (c > full ? full : c);
			return (i128) w * cc;
	}
}

/*
 * indicator_score(weight, target, actual, method, reverse, decimals, rounding)
 * NULL when the indicator cannot be scored from these inputs (qualitative, or
 * units that cannot be compared): the views turn that into a finding.
 */
PG_FUNCTION_INFO_V1(pe_indicator_score);
Datum
pe_indicator_score(PG_FUNCTION_ARGS)
{
	Numeric		wn = PG_GETARG_NUMERIC(0);
	MethodData *m = (MethodData *) PG_GETARG_POINTER(3);
	text	   *rev = PG_GETARG_TEXT_PP(4);
	int32		decimals = PG_GETARG_INT32(5);
	text	   *rnd = PG_GETARG_TEXT_PP(6);
	PeQuant		t,
				a;
	PeError		err;
	int64		w,
				c;
	bool		truncate;
	PeReverse	rule;
	i128		pts,
				r;
	int			d;

	if (decimals < 0 || decimals > PE_DECIMALS)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("decimals must be between 0 and 6: %d", decimals)));
	if (VARSIZE_ANY_EXHDR(rnd) == 8 && memcmp(VARDATA_ANY(rnd), "truncate", 8) == 0)
		truncate = true;
	else if (VARSIZE_ANY_EXHDR(rnd) == 7 && memcmp(VARDATA_ANY(rnd), "half_up", 7) == 0)
		truncate = false;
	else
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid rounding: \"%s\"", text_to_cstring(rnd)),
				 errhint("Use 'half_up' or 'truncate'.")));
	rule = pe_reverse_arg(rev);

	pe_quant_unpack(PG_GETARG_DATUM(1), &t);
	pe_quant_unpack(PG_GETARG_DATUM(2), &a);
	if (pe_completion(&t, &a, rule, &c, &err) != PE_OK)
		PG_RETURN_NULL();

	if (numeric_is_nan(wn) || numeric_is_inf(wn) || !weight_fixed(fcinfo, wn, &w))
	{
		/* unusual weights take the numeric path, which also reports errors */
		Datum		s = DirectFunctionCall3(pe_score, NumericGetDatum(wn),
											NumericGetDatum(pe_fixed_to_numeric(c)),
											PointerGetDatum(m));

		s = DirectFunctionCall2(truncate ? numeric_trunc : numeric_round, s,
								Int32GetDatum(decimals));
		PG_RETURN_DATUM(DirectFunctionCall1(numeric_trim_scale, s));
	}
	if (w <= 0)
		pe_weight_error(wn);

	pts = method_points(m, w, c);	/* scale 10^14, never negative */
	r = div_rounded(pts, (i128) 100 * PE_SCALE * pow10_tab[PE_DECIMALS - decimals],
					truncate);
	d = decimals;
	while (d > 0 && r % 10 == 0)
	{
		r /= 10;
		d--;
	}
	PG_RETURN_NUMERIC(int64_div_fast_to_numeric((int64) r, d));
}
