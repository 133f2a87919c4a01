/*
 * sumscores.c
 *		sum_scores(points, applicable, weight): the aggregate behind every
 *		total of the warehouse views -- rows, applicable rows, their weight
 *		and their score -- in one transition per row.
 *
 * Its state is perfeval.score_sum, a fixed 64-byte value with text and
 * binary I/O and a combine function, not an internal one: the planner runs
 * it as partial aggregates on parallel workers, and Citus on its workers,
 * combining the partial states where the groups meet.  Points (scores times
 * 10^6) and weights are added exactly as 64-bit integers (an overflow, past
 * nine million million points, is an error, not a wrong total); the weight
 * keeps sum()'s display scale, the largest of its inputs'.
 */
#include "perfeval.h"

#include "access/htup_details.h"
#include "common/int.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"


StaticAssertDecl(sizeof(ScoreSum) == 64, "perfeval.score_sum is 64 bytes");

/* a += b, or ERROR: a total beyond int64 is not a total of scores. */
static void
add(int64 *a, int64 b)
{
	if (pg_add_s64_overflow(*a, b, a))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("sum_scores() total out of range"),
				 errhint("The points or weights of a group exceed 9223372036854.775807.")));
}

/* The state to add to: in place inside an aggregate, a copy otherwise. */
static ScoreSum *
state_arg(FunctionCallInfo fcinfo)
{
	ScoreSum   *s;

	if (AggCheckCallContext(fcinfo, NULL))
		return (ScoreSum *) PG_GETARG_POINTER(0);
	s = palloc(sizeof(ScoreSum));
	memcpy(s, PG_GETARG_POINTER(0), sizeof(ScoreSum));
	return s;
}

PG_FUNCTION_INFO_V1(sum_scores_trans);
Datum
sum_scores_trans(PG_FUNCTION_ARGS)
{
	ScoreSum   *s = state_arg(fcinfo);

	s->rows++;
	/* a row not applicable counts as a row and nothing else */
	if (PG_ARGISNULL(2) || !PG_GETARG_BOOL(2))
		PG_RETURN_POINTER(s);
	s->applicable++;
	if (!PG_ARGISNULL(1))
	{
		s->scored++;
		add(&s->points, PG_GETARG_INT64(1));
	}
	if (!PG_ARGISNULL(3))
	{
		int64		w;
		int			scale;

		if (!pe_numeric_fixed(PG_GETARG_DATUM(3), &w, &scale))
			(void) pe_numeric_arg(PG_GETARG_DATUM(3), "weight");
		add(&s->weight, w);
		s->weight_scale = Max(s->weight_scale, Min(scale, PE_DECIMALS));
	}
	PG_RETURN_POINTER(s);
}

/*
 * Add one row's evaluation to s (see perfeval.h); whether the row applies.
 */
bool
pe_sum_evaluation(ScoreSum *s, Datum e)
{
	bool		applicable,
				scored;
	int64		points,
				weight;
	int			scale,
				decimals;
	bool		truncate;

	pe_evaluation_parts(e, &applicable, &scored, &points, &weight, &scale,
						&decimals, &truncate);
	/* a project's rows share its scheme; a mix (a group across schemes) has none */
	if (s->rows == 0)
		s->decimals = decimals, s->truncate = truncate;
	else if (s->decimals != decimals || s->truncate != truncate)
		s->decimals = -2;
	s->rows++;
	if (!applicable)
		return false;
	s->applicable++;
	if (scored)
	{
		s->scored++;
		add(&s->points, points);
	}
	add(&s->weight, weight);
	s->weight_scale = Max(s->weight_scale, scale);
	return true;
}

/*
 * sum_scores(evaluation): the same from one evaluation per row, which
 * already holds the row's points, weight and applicability.
 */
PG_FUNCTION_INFO_V1(sum_evaluations_trans);
Datum
sum_evaluations_trans(PG_FUNCTION_ARGS)
{
	ScoreSum   *s = state_arg(fcinfo);

	if (!PG_ARGISNULL(1))
		pe_sum_evaluation(s, PG_GETARG_DATUM(1));
	PG_RETURN_POINTER(s);
}

PG_FUNCTION_INFO_V1(sum_scores_combine);
Datum
sum_scores_combine(PG_FUNCTION_ARGS)
{
	ScoreSum   *a = state_arg(fcinfo);
	ScoreSum   *b = (ScoreSum *) PG_GETARG_POINTER(1);

	a->rows += b->rows;
	a->applicable += b->applicable;
	a->scored += b->scored;
	add(&a->points, b->points);
	add(&a->weight, b->weight);
	a->weight_scale = Max(a->weight_scale, b->weight_scale);
	if (a->rows == b->rows)		/* a was empty */
		a->decimals = b->decimals, a->truncate = b->truncate;
	else if (b->rows > 0 && (a->decimals != b->decimals || a->truncate != b->truncate))
		a->decimals = -2;
	PG_RETURN_POINTER(a);
}

/*
 * The composite perfeval.scores_summed: rows, applicable rows, their weight
 * (NULL for none), their score (NULL unless every applicable row has
 * points, and for none) and the total: the score, rescaled to 100 over the
 * applicable weight (pe_total_exact()), rounded as the rows'
 * scheme says (NULL for rows of several schemes, or without one).
 */
/* The five fields of perfeval.scores_summed from s (described above). */
void
pe_sum_fields(const ScoreSum *s, Datum *values, bool *nulls)
{
	memset(nulls, 0, 5 * sizeof(bool));
	values[0] = Int64GetDatum(s->rows);
	values[1] = Int64GetDatum(s->applicable);
	if (s->weight_scale < 0)
		nulls[2] = true;
	else
	{
		Numeric		w = pe_fixed_to_numeric(s->weight);

		/* the display scale sum() would give: exact, no input had more */
		values[2] = DirectFunctionCall2(numeric_round, NumericGetDatum(w),
										Int32GetDatum(s->weight_scale));
	}
	if (s->applicable == 0 || s->scored < s->applicable)
		nulls[3] = nulls[4] = true;
	else
	{
		PeExact		x = pe_total_exact(s->points, s->weight);
		int64		total;

		values[3] = NumericGetDatum(pe_fixed_to_numeric(s->points));
		if (s->decimals < 0 || s->weight <= 0 ||
			pe_round_score(x, s->decimals, s->truncate, &total) != PE_OK)
			nulls[4] = true;
		else
			values[4] = NumericGetDatum(pe_fixed_to_numeric(total));
	}
}

PG_FUNCTION_INFO_V1(sum_scores_final);
Datum
sum_scores_final(PG_FUNCTION_ARGS)
{
	ScoreSum   *s = (ScoreSum *) PG_GETARG_POINTER(0);
	TupleDesc	desc = (TupleDesc) fcinfo->flinfo->fn_extra;
	Datum		values[5];
	bool		nulls[5];

	if (desc == NULL)
	{
		MemoryContext old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);

		if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
			elog(ERROR, "sum_scores_final must return a composite type");
		desc = BlessTupleDesc(CreateTupleDescCopy(desc));
		MemoryContextSwitchTo(old);
		fcinfo->flinfo->fn_extra = desc;
	}
	pe_sum_fields(s, values, nulls);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(desc, values, nulls)));
}

/* A state from its text form (the core's parser); false (err filled) if none. */
static bool
score_sum_try(const char *str, size_t len, ScoreSum *s, PeError *err)
{
	int64		v[PE_SCORE_SUM_FIELDS];

	if (pe_parse_score_sum(str, len, v, err) != PE_OK)
		return false;
	memset(s, 0, sizeof(ScoreSum));
	s->rows = v[0];
	s->applicable = v[1];
	s->scored = v[2];
	s->weight_scale = (int32) v[3];
	s->points = v[4];
	s->weight = v[5];
	s->decimals = (int32) v[6];
	s->truncate = (int32) v[7];
	return true;
}

/* Text form: rows,applicable,scored,weight_scale,points,weight,decimals,truncate. */
PG_FUNCTION_INFO_V1(score_sum_in);
Datum
score_sum_in(PG_FUNCTION_ARGS)
{
	const char *str = PG_GETARG_CSTRING(0);
	ScoreSum   *s = palloc0(sizeof(ScoreSum));
	PeError		err;

	if (!score_sum_try(str, strlen(str), s, &err))
	{
		if (err.status == PE_ERR_INVALID)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid score_sum: inconsistent counts")));
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type score_sum"),
				 errhint("A score_sum is eight integers: rows,applicable,scored,weight_scale,points,weight,decimals,truncate.")));
	}
	PG_RETURN_POINTER(s);
}

PG_FUNCTION_INFO_V1(score_sum_out);
Datum
score_sum_out(PG_FUNCTION_ARGS)
{
	ScoreSum   *s = (ScoreSum *) PG_GETARG_POINTER(0);
	PG_RETURN_CSTRING(psprintf(INT64_FORMAT "," INT64_FORMAT "," INT64_FORMAT ",%d," INT64_FORMAT "," INT64_FORMAT ",%d,%d",
							   s->rows, s->applicable, s->scored, s->weight_scale, s->points, s->weight,
							   s->decimals, s->truncate));
}

PG_FUNCTION_INFO_V1(score_sum_send);
Datum
score_sum_send(PG_FUNCTION_ARGS)
{
	return DirectFunctionCall1(textsend,
							   CStringGetTextDatum(DatumGetCString(DirectFunctionCall1(score_sum_out,
																						PG_GETARG_DATUM(0)))));
}

/*
 * Binary form: the canonical text (ASCII digits, '-' and ','), exactly as
 * score_sum_send writes it; anything else is 22P03.  (Until 1.15 this
 * called pq_getmsgtext() with a NULL length and crashed the server.)
 */
PG_FUNCTION_INFO_V1(score_sum_recv);
Datum
score_sum_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	const char *p = buf->data + buf->cursor;
	int			len = buf->len - buf->cursor;
	ScoreSum   *s = palloc0(sizeof(ScoreSum));
	PeError		err;
	char	   *canon;

	if (!score_sum_try(p, (size_t) len, s, &err))
		pe_report_binary(&err, "score_sum", p, len);
	canon = DatumGetCString(DirectFunctionCall1(score_sum_out, PointerGetDatum(s)));
	if (strlen(canon) != (size_t) len || memcmp(canon, p, len) != 0)
	{
		pe_fail(&err, PE_ERR_SYNTAX, 0, "Not a canonical value: it prints otherwise.");
		pe_report_binary(&err, "score_sum", p, len);
	}
	buf->cursor = buf->len;
	PG_RETURN_POINTER(s);
}

/* 1.1 and 1.2 ran sum_scores() on an internal state; their scripts name these. */
#define REMOVED(fn) \
PG_FUNCTION_INFO_V1(fn); \
Datum \
fn(PG_FUNCTION_ARGS) \
{ \
	ereport(ERROR, \
			(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE), \
			 errmsg("perfeval's library is newer than its SQL objects"), \
			 errhint("Run ALTER EXTENSION perfeval UPDATE."))); \
	PG_RETURN_NULL(); \
}
REMOVED(pe_sum_scores_trans)
REMOVED(pe_sum_scores_combine)
REMOVED(pe_sum_scores_serial)
REMOVED(pe_sum_scores_deserial)
REMOVED(pe_sum_scores_final)
