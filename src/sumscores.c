/*
 * sumscores.c
 *		sum_scores(points, applicable, weight): the aggregate behind every
 *		total of the warehouse views.  One call per row gives what the views
 *		used to get from five aggregates (count(*), the applicable weight,
 *		the count and the sum of the points, bool_and(applicable)), so
 *		row_points() is evaluated once per row instead of once per aggregate
 *		that reads it.
 *
 * Exact: points (scores times 10^6) and weights read as fixed point are added
 * as int64; a sum that would overflow, and a weight fixed point cannot hold
 * (NaN, infinities, more than six decimals, beyond PE_MAX_ABS), are carried
 * as numeric.  The weight keeps sum()'s display scale: the largest of its
 * inputs'.
 */

#include "perfeval.h"

#include "access/htup_details.h"
#include "common/int.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/fmgrprotos.h"

typedef struct SumScores
{
	int64		rows;			/* every row */
	int64		applicable;		/* rows applicable */
	int64		scored;			/* applicable rows with points */
	int64		points;			/* their points, while the sum fits */
	int64		weight;			/* applicable weights read as fixed point */
	int32		weight_scale;	/* largest display scale among those, or -1 */
	Numeric		points_big;		/* what overflowed points, in points; or NULL */
	Numeric		weight_big;		/* other weights and overflowed sums; or NULL */
} SumScores;

/* Fixed point (PE_SCALE) to numeric, at display scale scale. */
static Numeric
fixed_numeric(int64 v, int scale)
{
	Numeric		n = int64_div_fast_to_numeric(v, PE_DECIMALS);

	if (scale == PE_DECIMALS)
		return n;
	/* exact: no input had more than scale decimals */
	return DatumGetNumeric(DirectFunctionCall2(numeric_round, NumericGetDatum(n),
											   Int32GetDatum(scale)));
}

/* big + n, allocated in cxt (big may be NULL). */
static Numeric
add_big(Numeric big, Numeric n, MemoryContext cxt)
{
	MemoryContext old = MemoryContextSwitchTo(cxt);
	Numeric		r;

	r = big ? numeric_add_opt_error(big, n, NULL) :
		DatumGetNumeric(datumCopy(NumericGetDatum(n), false, -1));

	MemoryContextSwitchTo(old);
	if (big)
		pfree(big);
	return r;
}

/* s->points += v, moving the sum to points_big when int64 cannot hold it. */
static void
add_points(SumScores *s, int64 v, MemoryContext cxt)
{
	int64		sum;

	if (pg_add_s64_overflow(s->points, v, &sum))
	{
		s->points_big = add_big(s->points_big, int64_to_numeric(s->points), cxt);
		sum = v;
	}
	s->points = sum;
}

/* s->weight += v (display scale scale), as add_points() does. */
static void
add_weight(SumScores *s, int64 v, int scale, MemoryContext cxt)
{
	int64		sum;

	if (pg_add_s64_overflow(s->weight, v, &sum))
	{
		/* s->weight is not 0, so weight_scale is set */
		s->weight_big = add_big(s->weight_big, fixed_numeric(s->weight, s->weight_scale), cxt);
		sum = v;
	}
	s->weight = sum;
	s->weight_scale = Max(s->weight_scale, scale);
}

static MemoryContext
agg_context(FunctionCallInfo fcinfo, const char *fn)
{
	MemoryContext cxt;

	if (!AggCheckCallContext(fcinfo, &cxt))
		elog(ERROR, "%s called in non-aggregate context", fn);
	return cxt;
}

static SumScores *
new_state(MemoryContext cxt)
{
	SumScores  *s = MemoryContextAllocZero(cxt, sizeof(SumScores));

	s->weight_scale = -1;
	return s;
}

PG_FUNCTION_INFO_V1(pe_sum_scores_trans);
Datum
pe_sum_scores_trans(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = agg_context(fcinfo, "sum_scores_trans");
	SumScores  *s = PG_ARGISNULL(0) ? new_state(cxt) : (SumScores *) PG_GETARG_POINTER(0);

	s->rows++;
	/* a row not applicable counts as a row and nothing else */
	if (PG_ARGISNULL(2) || !PG_GETARG_BOOL(2))
		PG_RETURN_POINTER(s);
	s->applicable++;
	if (!PG_ARGISNULL(1))
	{
		s->scored++;
		add_points(s, PG_GETARG_INT64(1), cxt);
	}
	if (!PG_ARGISNULL(3))
	{
		int64		w;
		int			scale;

		if (pe_numeric_fixed(PG_GETARG_DATUM(3), &w, &scale))
			add_weight(s, w, scale, cxt);
		else
			s->weight_big = add_big(s->weight_big, PG_GETARG_NUMERIC(3), cxt);
	}
	PG_RETURN_POINTER(s);
}

PG_FUNCTION_INFO_V1(pe_sum_scores_combine);
Datum
pe_sum_scores_combine(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = agg_context(fcinfo, "sum_scores_combine");
	SumScores  *a,
			   *b;

	if (PG_ARGISNULL(1))
		PG_RETURN_POINTER(PG_ARGISNULL(0) ? NULL : PG_GETARG_POINTER(0));
	b = (SumScores *) PG_GETARG_POINTER(1);
	a = PG_ARGISNULL(0) ? new_state(cxt) : (SumScores *) PG_GETARG_POINTER(0);

	a->rows += b->rows;
	a->applicable += b->applicable;
	a->scored += b->scored;
	add_points(a, b->points, cxt);
	if (b->weight_scale >= 0)
		add_weight(a, b->weight, b->weight_scale, cxt);
	if (b->points_big)
		a->points_big = add_big(a->points_big, b->points_big, cxt);
	if (b->weight_big)
		a->weight_big = add_big(a->weight_big, b->weight_big, cxt);
	PG_RETURN_POINTER(a);
}

/*
 * The serialized state: the counts and sums as they are in memory (a state
 * only travels between the processes of one server), then the length and
 * stored form of each carried numeric (0 for none).  Sized exactly: the
 * final aggregate step reads one per project and worker.
 */
#define SS_FIXED	offsetof(SumScores, points_big)

static char *
put_big(char *p, Numeric n)
{
	int32		len = n ? VARSIZE(n) : 0;

	memcpy(p, &len, sizeof(int32));
	if (len)
		memcpy(p + sizeof(int32), n, len);
	return p + sizeof(int32) + len;
}

static const char *
get_big(const char *p, const char *end, Numeric *n)
{
	int32		len;

	if (end - p < (int) sizeof(int32))
		elog(ERROR, "sum_scores state is truncated");
	memcpy(&len, p, sizeof(int32));
	p += sizeof(int32);
	if (len < 0 || end - p < len)
		elog(ERROR, "sum_scores state is truncated");
	*n = NULL;
	if (len)
	{
		*n = palloc(len);
		memcpy(*n, p, len);
	}
	return p + len;
}

PG_FUNCTION_INFO_V1(pe_sum_scores_serial);
Datum
pe_sum_scores_serial(PG_FUNCTION_ARGS)
{
	SumScores  *s;
	bytea	   *b;
	Size		len;
	char	   *p;

	(void) agg_context(fcinfo, "sum_scores_serial");
	s = (SumScores *) PG_GETARG_POINTER(0);
	len = VARHDRSZ + SS_FIXED + 2 * sizeof(int32) +
		(s->points_big ? VARSIZE(s->points_big) : 0) +
		(s->weight_big ? VARSIZE(s->weight_big) : 0);
	b = palloc(len);
	SET_VARSIZE(b, len);
	p = VARDATA(b);
	memcpy(p, s, SS_FIXED);
	p = put_big(p + SS_FIXED, s->points_big);
	(void) put_big(p, s->weight_big);
	PG_RETURN_BYTEA_P(b);
}

PG_FUNCTION_INFO_V1(pe_sum_scores_deserial);
Datum
pe_sum_scores_deserial(PG_FUNCTION_ARGS)
{
	bytea	   *b;
	const char *p,
			   *end;
	SumScores  *s;

	(void) agg_context(fcinfo, "sum_scores_deserial");
	b = PG_GETARG_BYTEA_PP(0);
	p = VARDATA_ANY(b);
	end = p + VARSIZE_ANY_EXHDR(b);
	if (end - p < (long) SS_FIXED)
		elog(ERROR, "sum_scores state is truncated");
	s = palloc(sizeof(SumScores));
	memcpy(s, p, SS_FIXED);
	p = get_big(p + SS_FIXED, end, &s->points_big);
	p = get_big(p, end, &s->weight_big);
	if (p != end)
		elog(ERROR, "sum_scores state has trailing bytes");
	PG_RETURN_POINTER(s);
}

/*
 * The composite perfeval.scores_summed: rows, applicable rows, their weight
 * (NULL for none) and their score (NULL unless every applicable row has
 * points, and for none).
 */
PG_FUNCTION_INFO_V1(pe_sum_scores_final);
Datum
pe_sum_scores_final(PG_FUNCTION_ARGS)
{
	SumScores	empty = {0, 0, 0, 0, 0, -1, NULL, NULL};
	SumScores  *s = PG_ARGISNULL(0) ? &empty : (SumScores *) PG_GETARG_POINTER(0);
	TupleDesc	desc = (TupleDesc) fcinfo->flinfo->fn_extra;
	Datum		values[4];
	bool		nulls[4] = {false, false, false, false};

	if (desc == NULL)
	{
		MemoryContext old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);

		if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
			elog(ERROR, "sum_scores_final must return a composite type");
		desc = BlessTupleDesc(CreateTupleDescCopy(desc));
		MemoryContextSwitchTo(old);
		fcinfo->flinfo->fn_extra = desc;
	}

	values[0] = Int64GetDatum(s->rows);
	values[1] = Int64GetDatum(s->applicable);

	if (s->weight_scale < 0 && s->weight_big == NULL)
		nulls[2] = true;
	else
	{
		Numeric		w = s->weight_scale < 0 ? NULL : fixed_numeric(s->weight, s->weight_scale);

		if (s->weight_big)
			w = w ? numeric_add_opt_error(w, s->weight_big, NULL) : s->weight_big;
		values[2] = NumericGetDatum(w);
	}

	if (s->applicable == 0 || s->scored < s->applicable)
		nulls[3] = true;
	else if (s->points_big == NULL)
		values[3] = NumericGetDatum(pe_fixed_to_numeric(s->points));
	else
	{
		/* points are scores times 10^6 */
		Numeric		p = numeric_add_opt_error(int64_to_numeric(s->points), s->points_big, NULL);

		p = numeric_mul_opt_error(p, int64_div_fast_to_numeric(1, PE_DECIMALS), NULL);
		values[3] = NumericGetDatum(pe_numeric_trim(p));
	}
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(desc, values, nulls)));
}
