/*
 * rowscore.c
 *		The per-row scorers the warehouse views call millions of times per
 *		query: indicator_score() for a measured actual, row_score() and
 *		row_points() for a row from any source.  Completion, scoring method
 *		and the scheme's rounding are fused into one call in 128-bit fixed
 *		point; numerics are read from their stored form without allocating.
 *
 * indicator_score() returns exactly scheme_round(score(weight,
 * completion(target, actual, reverse), method), decimals, rounding).
 */

#include "perfeval.h"

#include "utils/builtins.h"
#include "utils/fmgrprotos.h"

typedef __int128 i128;

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
 * A numeric datum (possibly with a short varlena header) in fixed point, read
 * straight from numeric's on-disk form: a 16-bit header (short form: sign,
 * display scale and a 7-bit weight; long form: sign and scale, then a 16-bit
 * weight) and base-10000 digits, the first at 10000^weight.  That form is
 * fixed across major versions (pg_upgrade keeps numeric columns as they
 * are).  False for NaN, infinities, more than six decimals and values beyond
 * PE_MAX_ABS; the callers then take the numeric functions.  Called several
 * times per row, so it must not allocate.  If dscale is not NULL, it gets the
 * value's display scale (what sum() keeps).
 */
bool
pe_numeric_fixed(Datum d, int64 *out, int *dscale)
{
	struct varlena *v = (struct varlena *) DatumGetPointer(d);
	const char *p;
	int			len,
				ndigits,
				weight,
				scale;
	uint16		header;
	bool		negative;
	i128		acc = 0;

	if (VARATT_IS_EXTENDED(v) && !VARATT_IS_SHORT(v))
		v = PG_DETOAST_DATUM_PACKED(d);
	p = VARDATA_ANY(v);
	len = VARSIZE_ANY_EXHDR(v);
	if (len < (int) sizeof(uint16))
		return false;
	memcpy(&header, p, sizeof(uint16));
	if ((header & 0xC000) == 0xC000)
		return false;			/* NaN, Infinity, -Infinity */
	if (header & 0x8000)
	{
		/* short form */
		negative = (header & 0x2000) != 0;
		scale = (header & 0x1F80) >> 7;
		weight = (header & 0x0040) ? (int) (header | ~0x003F) : (int) (header & 0x003F);
		p += sizeof(uint16);
		len -= sizeof(uint16);
	}
	else
	{
		int16		w;

		if (len < (int) (2 * sizeof(uint16)))
			return false;
		negative = (header & 0x4000) != 0;
		scale = header & 0x3FFF;
		memcpy(&w, p + sizeof(uint16), sizeof(int16));
		weight = w;
		p += 2 * sizeof(uint16);
		len -= 2 * sizeof(uint16);
	}
	ndigits = len / (int) sizeof(int16);
	for (int i = 0; i < ndigits; i++)
	{
		int16		digit;
		int			e = weight - i; /* this digit counts 10000^e */

		memcpy(&digit, p + i * sizeof(int16), sizeof(int16));
		if (e > 4)
			return false;		/* at least 10^20: beyond PE_MAX_ABS */
		if (e >= -1)
		{
			i128		m = 100;	/* 10^(4e + 6) */

			for (int k = -1; k < e; k++)
				m *= 10000;
			acc += (i128) digit * m;
		}
		else if (e == -2 && digit % 100 == 0)
			acc += digit / 100;
		else if (digit != 0)
			return false;		/* more than six decimals */
	}
	if (acc > PE_MAX_ABS)
		return false;
	*out = negative ? -(int64) acc : (int64) acc;
	if (dscale)
		*dscale = scale;
	return true;
}

static inline bool
fixed_of(Datum d, int64 *out)
{
	return pe_numeric_fixed(d, out, NULL);
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

/* The same rounding, as fixed point (PE_SCALE). */
static int64
points_fixed(i128 pts, int decimals, bool truncate)
{
	i128		r = div_rounded(pts, (i128) 100 * PE_SCALE * pow10_tab[PE_DECIMALS - decimals],
								truncate) * pow10_tab[PE_DECIMALS - decimals];

	if (r > PE_MAX_ABS)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("indicator score out of range"),
				 errhint("A score is at most 999999999999.999999 points; check the indicator's weight.")));
	return (int64) r;
}

/* A scheme's rounding argument: true for 'truncate', false for 'half_up'. */
static bool
rounding_truncates(text *rnd)
{
	if (VARSIZE_ANY_EXHDR(rnd) == 8 && memcmp(VARDATA_ANY(rnd), "truncate", 8) == 0)
		return true;
	if (VARSIZE_ANY_EXHDR(rnd) == 7 && memcmp(VARDATA_ANY(rnd), "half_up", 7) == 0)
		return false;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("invalid rounding: \"%s\"", text_to_cstring(rnd)),
			 errhint("Use 'half_up' or 'truncate'.")));
	return false;				/* keep compiler quiet */
}

/* Refuse a decimals argument the rounding cannot honour. */
static void
check_decimals(int32 decimals)
{
	if (decimals < 0 || decimals > PE_DECIMALS)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("decimals must be between 0 and 6: %d", decimals)));
}

/* Round a non-negative numeric score to decimals, as scheme_round() does. */
static Datum
round_numeric(Datum x, int decimals, bool truncate)
{
	x = DirectFunctionCall2(truncate ? numeric_trunc : numeric_round, x, Int32GetDatum(decimals));
	return DirectFunctionCall1(numeric_trim_scale, x);
}

/* What row_score_core() found: no score, a fixed-point score or a numeric one. */
typedef enum
{
	RS_IS_NULL, RS_IS_FIXED, RS_IS_NUMERIC
} RowScoreKind;

typedef struct RowScore
{
	RowScoreKind kind;
	int64		fixed;			/* PE_SCALE, rounded to the scheme's decimals */
	Datum		num;			/* numeric, rounded and trimmed */
} RowScore;

#define RS_NULL() \
	do { res->kind = RS_IS_NULL; return; } while (0)
#define RS_POINTS(p) \
	do { res->kind = RS_IS_FIXED; res->fixed = points_fixed((p), decimals, truncate); return; } while (0)
#define RS_NUMERIC(d) \
	do { res->kind = RS_IS_NUMERIC; res->num = (d); return; } while (0)

/*
 * A measured actual against its target: the score, or none when the two
 * cannot be compared (qualitative, or units that do not convert).  Weights
 * the fixed point cannot hold take score(), which also reports bad weights.
 */
static void
measured_score(Datum weight, Datum target, Datum measure, MethodData *m, PeReverse rule,
			   int decimals, bool truncate, RowScore *res)
{
	PeQuant		t,
				a;
	PeError		err;
	int64		w,
				c;

	pe_quant_unpack(target, &t);
	pe_quant_unpack(measure, &a);
	if (pe_completion(&t, &a, rule, &c, &err) != PE_OK)
		RS_NULL();
	if (!fixed_of(weight, &w))
		RS_NUMERIC(round_numeric(DirectFunctionCall3(pe_score, weight,
													 NumericGetDatum(pe_fixed_to_numeric(c)),
													 PointerGetDatum(m)),
								 decimals, truncate));
	if (w <= 0)
		pe_weight_error(DatumGetNumeric(weight));
	RS_POINTS(method_points(m, w, c));
}

/* A RowScore as the numeric a function returns (NULL for none). */
static Datum
row_score_numeric(FunctionCallInfo fcinfo, const RowScore *r)
{
	if (r->kind == RS_IS_NULL)
		PG_RETURN_NULL();
	if (r->kind == RS_IS_NUMERIC)
		PG_RETURN_DATUM(r->num);
	PG_RETURN_NUMERIC(pe_fixed_to_numeric(r->fixed));
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
	int32		decimals = PG_GETARG_INT32(5);
	bool		truncate;
	PeReverse	rule;
	RowScore	r;

	check_decimals(decimals);
	truncate = rounding_truncates(PG_GETARG_TEXT_PP(6));
	rule = pe_reverse_arg(PG_GETARG_TEXT_PP(4));
	measured_score(PG_GETARG_DATUM(0), PG_GETARG_DATUM(1), PG_GETARG_DATUM(2),
				   (MethodData *) PG_GETARG_POINTER(3), rule, decimals, truncate, &r);
	return row_score_numeric(fcinfo, &r);
}

/*
 * row_score(): the score of one warehouse indicator row, whatever its source.
 *
 * It is exactly the score the SQL definition in the views gives (kept in
 * test/sql/rowscore.sql, which compares the two), computed in fixed point:
 *
 *	 not applicable                      NULL
 *	 source 'actual', no judged tier     indicator_score(weight, target, measure, ...)
 *	 otherwise, rounded as the scheme says:
 *	   source 'checklist'                greatest(weight - coalesce(deducted, 0), 0)
 *	   a judged tier                     judged_score(...) when the fraction is in
 *	                                     the tier's band, else NULL
 *	   money or survey                   score(weight, completion(target, rate%), method),
 *	                                     NULL when the target is not comparable with a
 *	                                     percentage, or score(weight, rate, method)
 *	                                     without a target
 *
 * Values the fixed-point path cannot hold (more than six decimals, NaN,
 * infinities, unusual tiers or bounds) take the numeric functions the SQL
 * definition calls, which also raise its errors.
 */
enum
{
	RS_WEIGHT, RS_APPLICABLE, RS_SOURCE, RS_TARGET, RS_MEASURE, RS_TIER, RS_FRACTION,
	RS_METHOD, RS_DEDUCTED, RS_RATE, RS_REVERSE, RS_DECIMALS, RS_ROUNDING, RS_HIGH,
	RS_LOW, RS_NARGS
};

extern Datum pe_judged_score(PG_FUNCTION_ARGS);
extern Datum measure_in(PG_FUNCTION_ARGS);

/*
 * completion(target, (rate::text || '%')::measure, reverse) as the SQL
 * definition computes it: NULL (no score, a finding) when the target is not
 * comparable with a percentage, as for a measured actual.
 */
static Datum
rate_completion(FunctionCallInfo fcinfo, Numeric rate, bool *isnull)
{
	char	   *s = psprintf("%s%%", DatumGetCString(DirectFunctionCall1(numeric_out,
																		 NumericGetDatum(rate))));
	Datum		m = DirectFunctionCall1(measure_in, CStringGetDatum(s));
	PeQuant		t,
				a;
	PeError		err;
	int64		c;

	pe_quant_unpack(PG_GETARG_DATUM(RS_TARGET), &t);
	pe_quant_unpack(m, &a);
	if (pe_completion(&t, &a, pe_reverse_arg(PG_GETARG_TEXT_PP(RS_REVERSE)), &c, &err) != PE_OK)
	{
		*isnull = true;
		return (Datum) 0;
	}
	*isnull = false;
	return NumericGetDatum(pe_fixed_to_numeric(c));
}

/* The rules of row_score() above, for row_score() and row_points(). */
static void
row_score_core(FunctionCallInfo fcinfo, RowScore *res)
{
	text	   *source;
	MethodData *m;
	int32		decimals;
	bool		truncate;
	int64		w,
				c;
	PeQuant		t,
				a;
	PeError		err;
	PeStatus	st;

	if (PG_ARGISNULL(RS_WEIGHT) || PG_ARGISNULL(RS_APPLICABLE) || PG_ARGISNULL(RS_SOURCE) ||
		PG_ARGISNULL(RS_METHOD) || PG_ARGISNULL(RS_REVERSE) || PG_ARGISNULL(RS_DECIMALS) ||
		PG_ARGISNULL(RS_ROUNDING) || !PG_GETARG_BOOL(RS_APPLICABLE))
		RS_NULL();
	source = PG_GETARG_TEXT_PP(RS_SOURCE);
	m = (MethodData *) PG_GETARG_POINTER(RS_METHOD);
	decimals = PG_GETARG_INT32(RS_DECIMALS);
	check_decimals(decimals);
	truncate = rounding_truncates(PG_GETARG_TEXT_PP(RS_ROUNDING));

	/* a measured actual: indicator_score() */
	if (pe_text_is(source, "actual") && PG_ARGISNULL(RS_TIER))
	{
		if (PG_ARGISNULL(RS_TARGET) || PG_ARGISNULL(RS_MEASURE))
			RS_NULL();
		measured_score(PG_GETARG_DATUM(RS_WEIGHT), PG_GETARG_DATUM(RS_TARGET),
					   PG_GETARG_DATUM(RS_MEASURE), m,
					   pe_reverse_arg(PG_GETARG_TEXT_PP(RS_REVERSE)), decimals, truncate, res);
		return;
	}

	/* a checklist: the weight less the deductions, never below zero */
	if (pe_text_is(source, "checklist"))
	{
		int64		d = 0;

		if (fixed_of(PG_GETARG_DATUM(RS_WEIGHT), &w) &&
			(PG_ARGISNULL(RS_DEDUCTED) || fixed_of(PG_GETARG_DATUM(RS_DEDUCTED), &d)))
		{
			int64		x = w - d;

			RS_POINTS((i128) (x < 0 ? 0 : x) * (100 * PE_SCALE));
		}
		else
		{
			Numeric		x = PG_GETARG_NUMERIC(RS_WEIGHT);

			if (!PG_ARGISNULL(RS_DEDUCTED))
				x = numeric_sub_opt_error(x, PG_GETARG_NUMERIC(RS_DEDUCTED), NULL);
			if (DatumGetInt32(DirectFunctionCall2(numeric_cmp, NumericGetDatum(x),
												  NumericGetDatum(int64_to_numeric(0)))) < 0)
				x = int64_to_numeric(0);
			RS_NUMERIC(round_numeric(NumericGetDatum(x), decimals, truncate));
		}
	}

	/* a judged tier: weight × fraction when the fraction is in the tier's band */
	if (!PG_ARGISNULL(RS_TIER))
	{
		text	   *tier = PG_GETARG_TEXT_PP(RS_TIER);
		int64		f,
					hi,
					lo,
					bandlo,
					bandhi;
		bool		known;

		if (PG_ARGISNULL(RS_FRACTION) || PG_ARGISNULL(RS_HIGH) || PG_ARGISNULL(RS_LOW))
			RS_NULL();
		known = pe_text_is(tier, "达成") || pe_text_is(tier, "部分达成") ||
			pe_text_is(tier, "未达成");
		if (known &&
			fixed_of(PG_GETARG_DATUM(RS_WEIGHT), &w) &&
			fixed_of(PG_GETARG_DATUM(RS_FRACTION), &f) &&
			fixed_of(PG_GETARG_DATUM(RS_HIGH), &hi) &&
			fixed_of(PG_GETARG_DATUM(RS_LOW), &lo) &&
			w > 0 && 0 <= lo && lo <= hi && hi <= 100 * PE_SCALE)
		{
			if (pe_text_is(tier, "达成"))
				bandlo = hi, bandhi = 100 * PE_SCALE;
			else if (pe_text_is(tier, "部分达成"))
				bandlo = lo, bandhi = hi;
			else
				bandlo = 0, bandhi = lo;
			if (f < bandlo || f > bandhi)
				RS_NULL();
			RS_POINTS((i128) w * f);
		}
		else
		{
			/* the SQL definition's band test, then judged_score() and its errors */
			Numeric		fn = PG_GETARG_NUMERIC(RS_FRACTION);
			Datum		hid = PG_GETARG_DATUM(RS_HIGH),
						lod = PG_GETARG_DATUM(RS_LOW),
						bl,
						bh;

			if (pe_text_is(tier, "达成"))
				bl = hid, bh = NumericGetDatum(int64_to_numeric(100));
			else if (pe_text_is(tier, "部分达成"))
				bl = lod, bh = hid;
			else
				bl = NumericGetDatum(int64_to_numeric(0)), bh = lod;
			if (DatumGetInt32(DirectFunctionCall2(numeric_cmp, NumericGetDatum(fn), bl)) < 0 ||
				DatumGetInt32(DirectFunctionCall2(numeric_cmp, NumericGetDatum(fn), bh)) > 0)
				RS_NULL();
			RS_NUMERIC(round_numeric(DirectFunctionCall5(pe_judged_score, PG_GETARG_DATUM(RS_WEIGHT),
														 PointerGetDatum(tier), NumericGetDatum(fn),
														 hid, lod),
									 decimals, truncate));
		}
	}

	/* money or a survey: a rate in percent against the target */
	{
		Numeric		rate;
		int64		r;

		if (!(pe_text_is(source, "survey") || pe_text_is(source, "arrival_rate") ||
			  pe_text_is(source, "execution_rate")))
			RS_NULL();	/* 'actual' with a tier was handled above */
		rate = PG_ARGISNULL(RS_RATE) ? NULL : PG_GETARG_NUMERIC(RS_RATE);
		if (rate == NULL)
			RS_NULL();

		if (!fixed_of(NumericGetDatum(rate), &r) ||
			!fixed_of(PG_GETARG_DATUM(RS_WEIGHT), &w) || w <= 0)
		{
			/* the SQL definition, step by step */
			Datum		cd;

			bool		isnull = false;

			cd = PG_ARGISNULL(RS_TARGET) ? NumericGetDatum(rate) :
				rate_completion(fcinfo, rate, &isnull);
			if (isnull)
				RS_NULL();
			RS_NUMERIC(round_numeric(DirectFunctionCall3(pe_score, PG_GETARG_DATUM(RS_WEIGHT), cd,
														 PointerGetDatum(m)),
									 decimals, truncate));
		}

		if (PG_ARGISNULL(RS_TARGET))
			c = r;
		else
		{
			pe_quant_unpack(PG_GETARG_DATUM(RS_TARGET), &t);
			a.cmp = PE_CMP_NONE;
			a.unit = PE_UNIT_PERCENT;
			a.per = PE_UNIT_NONE;
			a.amount = r;
			a.text = NULL;
			a.textlen = 0;
			/* a target not comparable with a rate: no score, a finding */
			st = pe_completion(&t, &a, pe_reverse_arg(PG_GETARG_TEXT_PP(RS_REVERSE)), &c, &err);
			if (st != PE_OK)
				RS_NULL();
		}
		RS_POINTS(method_points(m, w, c));
	}
}

PG_FUNCTION_INFO_V1(pe_row_score);
Datum
pe_row_score(PG_FUNCTION_ARGS)
{
	RowScore	r;

	row_score_core(fcinfo, &r);
	return row_score_numeric(fcinfo, &r);
}

/*
 * row_points(): row_score() times 10^6 as a bigint, for the views that add
 * up millions of scores (a bigint sum is far cheaper than a numeric one, and
 * exact: every score has at most six decimals).
 */
PG_FUNCTION_INFO_V1(pe_row_points);
Datum
pe_row_points(PG_FUNCTION_ARGS)
{
	RowScore	r;
	int64		v;

	row_score_core(fcinfo, &r);
	if (r.kind == RS_IS_NULL)
		PG_RETURN_NULL();
	if (r.kind == RS_IS_FIXED)
		PG_RETURN_INT64(r.fixed);
	if (!fixed_of(r.num, &v))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("indicator score out of range: \"%s\"",
						DatumGetCString(DirectFunctionCall1(numeric_out, r.num))),
				 errhint("A score is at most 999999999999.999999 points; check the indicator's weight.")));
	PG_RETURN_INT64(v);
}
