/*
 * numeric_fixed.c
 *		numeric ↔ fixed point, in one place: the core computes in integers
 *		(10^-6 for amounts, weights and percentages, 10^-10 for money in
 *		万元), SQL speaks numeric.
 */
#include "perfeval.h"

#include "catalog/pg_type.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"

static const int64 pow10_tab[] = {
	INT64CONST(1), INT64CONST(10), INT64CONST(100), INT64CONST(1000),
	INT64CONST(10000), INT64CONST(100000), INT64CONST(1000000),
	INT64CONST(10000000), INT64CONST(100000000), INT64CONST(1000000000),
	INT64CONST(10000000000), INT64CONST(100000000000), INT64CONST(1000000000000)
};

/* 10^0 .. 10^29 as 128-bit integers. */
static const pe_int128 pow10_128[30] = {
#define P4(x) (x), (x) * 10, (x) * 100, (x) * 1000
#define E4 ((pe_int128) 10000)
	P4((pe_int128) 1), P4(E4), P4(E4 * E4), P4(E4 * E4 * E4), P4(E4 * E4 * E4 * E4),
	P4(E4 * E4 * E4 * E4 * E4), P4(E4 * E4 * E4 * E4 * E4 * E4),
	(E4 * E4 * E4 * E4 * E4 * E4 * E4), (E4 * E4 * E4 * E4 * E4 * E4 * E4) * 10
#undef P4
#undef E4
};

/* Largest magnitude read at any scale: below 10^30, so that × 10^8 fits. */
#define SCALED_LIMIT	((pe_int128) INT64CONST(1000000000000000) * INT64CONST(1000000000000000))

/*
 * A numeric datum (possibly with a short varlena header) as an integer at
 * 10^-scale (scale 0..12), read straight from numeric's on-disk form: a
 * 16-bit header (short form: sign, display scale and a 7-bit weight; long
 * form: sign and scale, then a 16-bit weight) and base-10000 digits, the
 * first at 10000^weight.  That form is fixed across major versions
 * (pg_upgrade keeps numeric columns as they are).  False for NaN,
 * infinities, more than scale decimals and magnitudes of 10^30 or more.
 * Called per row, so it does not allocate (unless the value is toasted).
 * dscale, if not NULL, gets the value's display scale.
 */
bool
pe_numeric_scaled(Datum d, int scale, pe_int128 *out, int *dscale)
{
	struct varlena *v = (struct varlena *) DatumGetPointer(d);
	const char *p;
	int			len,
				ndigits,
				weight,
				dsc;
	uint16		header;
	bool		negative;
	pe_int128	acc = 0;

	Assert(scale >= 0 && scale <= 12);
	/* a short header is read in place; compressed or out of line is fetched */
	if (VARATT_IS_EXTERNAL(v) || VARATT_IS_COMPRESSED(v))
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
		dsc = (header & 0x1F80) >> 7;
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
		dsc = header & 0x3FFF;
		memcpy(&w, p + sizeof(uint16), sizeof(int16));
		weight = w;
		p += 2 * sizeof(uint16);
		len -= 2 * sizeof(uint16);
	}
	ndigits = len / (int) sizeof(int16);
	for (int i = 0; i < ndigits; i++)
	{
		int16		digit;
		int			pw = 4 * (weight - i) + scale; /* this digit counts 10^pw units */

		memcpy(&digit, p + i * sizeof(int16), sizeof(int16));
		if (digit == 0)
			continue;
		if (pw >= 30)
			return false;
		if (pw >= 0)
			acc += (pe_int128) digit * pow10_128[pw];
		else
		{
			/* only whole units of 10^-scale may remain */
			if (pw < -3 || digit % pow10_tab[-pw] != 0)
				return false;
			acc += digit / pow10_tab[-pw];
		}
		if (acc >= SCALED_LIMIT)
			return false;
	}
	*out = negative ? -acc : acc;
	if (dscale)
		*dscale = dsc;
	return true;
}

/*
 * A numeric in fixed point (PE_SCALE) within PE_MAX_ABS, and its display
 * scale; false when it does not fit.
 */
bool
pe_numeric_fixed(Datum d, int64 *out, int *dscale)
{
	pe_int128	v;

	if (!pe_numeric_scaled(d, PE_DECIMALS, &v, dscale) || v > PE_MAX_ABS || v < -PE_MAX_ABS)
		return false;
	*out = (int64) v;
	return true;
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

/* An integer at 10^-scale to numeric, trailing zeros trimmed. */
Numeric
pe_scaled_to_numeric(pe_int128 v, int scale)
{
	char		buf[64];

	if (v <= PG_INT64_MAX && v >= PG_INT64_MIN)
	{
		int64		w = (int64) v;

		while (scale > 0 && w % 10 == 0)
			w /= 10, scale--;
		return int64_div_fast_to_numeric(w, scale);
	}
	pe_format_scaled(v, scale, buf);
	return DatumGetNumeric(DirectFunctionCall3(numeric_in, CStringGetDatum(buf),
											   ObjectIdGetDatum(InvalidOid),
											   Int32GetDatum(-1)));
}

/* Fixed point at display scale scale (which no input exceeded). */
Numeric
pe_fixed_to_numeric_scale(int64 v, int scale)
{
	Numeric		n = int64_div_fast_to_numeric(v, PE_DECIMALS);

	if (scale == PE_DECIMALS)
		return n;
	return DatumGetNumeric(DirectFunctionCall2(numeric_round, NumericGetDatum(n),
											   Int32GetDatum(scale)));
}

/* Drop trailing zeros of a numeric's display scale. */
Numeric
pe_numeric_trim(Numeric n)
{
	return DatumGetNumeric(DirectFunctionCall1(numeric_trim_scale, NumericGetDatum(n)));
}

/* A numeric's text, for messages. */
char *
pe_numeric_text(Datum n)
{
	return DatumGetCString(DirectFunctionCall1(numeric_out, n));
}

/*
 * A numeric argument in fixed point, or ERROR naming what it is: finite, at
 * most six decimals, at most 999999999999.999999 in magnitude.
 */
int64
pe_numeric_arg(Datum d, const char *what)
{
	int64		v;

	if (pe_numeric_fixed(d, &v, NULL))
		return v;
	if (numeric_is_nan(DatumGetNumeric(d)) || numeric_is_inf(DatumGetNumeric(d)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must be a finite number: \"%s\"", what, pe_numeric_text(d)),
				 errhint("perfeval computes with exact decimals; NaN and infinities are not numbers of a report.")));
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("%s out of range for perfeval: \"%s\"", what, pe_numeric_text(d)),
			 errhint("Numbers have at most six decimals and at most 999999999999.999999 in magnitude.")));
	return 0;					/* keep compiler quiet */
}

/* is_exact(numeric): a number perfeval computes with exactly. */
PG_FUNCTION_INFO_V1(is_exact);
Datum
is_exact(PG_FUNCTION_ARGS)
{
	int64		v;

	PG_RETURN_BOOL(pe_numeric_fixed(PG_GETARG_DATUM(0), &v, NULL));
}

/* default_coefficients(): the national satisfaction coefficients. */
PG_FUNCTION_INFO_V1(default_coefficients);
Datum
default_coefficients(PG_FUNCTION_ARGS)
{
	Datum		elems[PE_DEFAULT_COEFFICIENTS];

	for (int i = 0; i < PE_DEFAULT_COEFFICIENTS; i++)
		elems[i] = NumericGetDatum(pe_fixed_to_numeric(pe_default_coefficients[i]));
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, PE_DEFAULT_COEFFICIENTS, NUMERICOID, -1, false,
										  TYPALIGN_INT));
}
