/*
 * outcome.c
 *		perfeval_internal.outcome(project_id, completion, over_threshold): the
 *		aggregate behind indicator_outcomes (section 76).  One pass over a
 *		group's rows: the counts are the core's (pe_outcome_count()), the
 *		median too (pe_lower_median()); here the rows' completions and project
 *		ids are kept, merged across parallel workers and counted once.  (As
 *		count(DISTINCT) and percentile_disc() in SQL every group was sorted
 *		three times, 4x project_scores at 100,000 projects.)
 */
#include "perfeval.h"

#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/numeric.h"

typedef struct OutcomeState
{
	PeOutcome	o;
	int64	   *completions;
	int64		ncomp;
	int64		capcomp;
	char	   *ids;			/* project ids, each an int32 length and its bytes */
	int64		idlen;
	int64		idcap;
	int64		nids;
	int64		last;			/* offset of the last id added, -1 for none */
} OutcomeState;

/* the serialised state's header: PeOutcome, ncomp, nids, idlen */
#define OUTCOME_HDR (sizeof(PeOutcome) + 3 * sizeof(int64))

static OutcomeState *
outcome_new(MemoryContext cxt)
{
	OutcomeState *s = MemoryContextAllocZero(cxt, sizeof(OutcomeState));

	s->last = -1;
	return s;
}

static void
reserve(void **buf, int64 *cap, int64 need, Size unit, MemoryContext cxt)
{
	int64		n = Max(*cap, 64);

	if (need <= *cap)
		return;
	while (n < need)
		n *= 2;
	*buf = *buf ? repalloc_huge(*buf, n * unit) : MemoryContextAllocHuge(cxt, n * unit);
	*cap = n;
}

static void
add_completion(OutcomeState *s, int64 c, MemoryContext cxt)
{
	reserve((void **) &s->completions, &s->capcomp, s->ncomp + 1, sizeof(int64), cxt);
	s->completions[s->ncomp++] = c;
}

/* An id, unless it is the one added last (a project's rows come together). */
static void
add_id(OutcomeState *s, const char *id, int32 len, MemoryContext cxt)
{
	if (s->last >= 0)
	{
		int32		l;

		memcpy(&l, s->ids + s->last, sizeof(int32));
		if (l == len && memcmp(s->ids + s->last + sizeof(int32), id, len) == 0)
			return;
	}
	reserve((void **) &s->ids, &s->idcap, s->idlen + sizeof(int32) + len, 1, cxt);
	s->last = s->idlen;
	memcpy(s->ids + s->idlen, &len, sizeof(int32));
	memcpy(s->ids + s->idlen + sizeof(int32), id, len);
	s->idlen += sizeof(int32) + len;
	s->nids++;
}

PG_FUNCTION_INFO_V1(pe_outcome_trans);
Datum
pe_outcome_trans(PG_FUNCTION_ARGS)
{
	MemoryContext cxt;
	OutcomeState *s;
	int64		completion = 0;
	bool		has = false;

	if (!AggCheckCallContext(fcinfo, &cxt))
		elog(ERROR, "perfeval: outcome() called outside an aggregate");
	s = PG_ARGISNULL(0) ? outcome_new(cxt) : (OutcomeState *) PG_GETARG_POINTER(0);
	if (PG_ARGISNULL(1))
		PG_RETURN_POINTER(s);	/* (project_id is a key: never NULL) */
	/* (the completion as numeric: on Citus the rows travel to the coordinator) */
	if (!PG_ARGISNULL(2))
	{
		completion = pe_numeric_arg(PG_GETARG_DATUM(2), "completion");
		has = true;
	}
	/* a scheme's threshold is NOT NULL; none, nothing is over-achieved */
	pe_outcome_count(&s->o, has, completion,
					 PG_ARGISNULL(3) ? PG_INT64_MAX : pe_numeric_arg(PG_GETARG_DATUM(3), "over_threshold"));
	if (has)
		add_completion(s, completion, cxt);
	{
		text	   *id = PG_GETARG_TEXT_PP(1);

		add_id(s, VARDATA_ANY(id), VARSIZE_ANY_EXHDR(id), cxt);
	}
	PG_RETURN_POINTER(s);
}

/* b's rows added to a (a parallel worker's group into the leader's). */
static void
merge(OutcomeState *a, const PeOutcome *o, const int64 *comp, int64 ncomp, const char *ids, int64 idlen,
	  int64 nids, MemoryContext cxt)
{
	a->o.indicators += o->indicators;
	a->o.measured += o->measured;
	a->o.missed += o->missed;
	a->o.over_achieved += o->over_achieved;
	reserve((void **) &a->completions, &a->capcomp, a->ncomp + ncomp, sizeof(int64), cxt);
	if (ncomp > 0)
		memcpy(a->completions + a->ncomp, comp, ncomp * sizeof(int64));
	a->ncomp += ncomp;
	reserve((void **) &a->ids, &a->idcap, a->idlen + idlen, 1, cxt);
	if (idlen > 0)
		memcpy(a->ids + a->idlen, ids, idlen);
	a->idlen += idlen;
	a->nids += nids;
	a->last = -1;
}

PG_FUNCTION_INFO_V1(pe_outcome_combine);
Datum
pe_outcome_combine(PG_FUNCTION_ARGS)
{
	MemoryContext cxt;
	OutcomeState *a,
			   *b;

	if (!AggCheckCallContext(fcinfo, &cxt))
		elog(ERROR, "perfeval: outcome() combined outside an aggregate");
	if (PG_ARGISNULL(1))
		PG_RETURN_POINTER(PG_ARGISNULL(0) ? NULL : PG_GETARG_POINTER(0));
	b = (OutcomeState *) PG_GETARG_POINTER(1);
	a = PG_ARGISNULL(0) ? outcome_new(cxt) : (OutcomeState *) PG_GETARG_POINTER(0);
	merge(a, &b->o, b->completions, b->ncomp, b->ids, b->idlen, b->nids, cxt);
	PG_RETURN_POINTER(a);
}

PG_FUNCTION_INFO_V1(pe_outcome_serialize);
Datum
pe_outcome_serialize(PG_FUNCTION_ARGS)
{
	OutcomeState *s = (OutcomeState *) PG_GETARG_POINTER(0);
	Size		len = OUTCOME_HDR + s->ncomp * sizeof(int64) + s->idlen;
	bytea	   *out = palloc_extended(VARHDRSZ + len, MCXT_ALLOC_HUGE);
	char	   *p = VARDATA(out);

	SET_VARSIZE(out, VARHDRSZ + len);
	memcpy(p, &s->o, sizeof(PeOutcome));
	p += sizeof(PeOutcome);
	memcpy(p, &s->ncomp, sizeof(int64));
	memcpy(p + sizeof(int64), &s->nids, sizeof(int64));
	memcpy(p + 2 * sizeof(int64), &s->idlen, sizeof(int64));
	p += 3 * sizeof(int64);
	if (s->ncomp > 0)
		memcpy(p, s->completions, s->ncomp * sizeof(int64));
	if (s->idlen > 0)
		memcpy(p + s->ncomp * sizeof(int64), s->ids, s->idlen);
	PG_RETURN_BYTEA_P(out);
}

PG_FUNCTION_INFO_V1(pe_outcome_deserialize);
Datum
pe_outcome_deserialize(PG_FUNCTION_ARGS)
{
	MemoryContext cxt;
	bytea	   *b = PG_GETARG_BYTEA_PP(0);
	const char *p = VARDATA_ANY(b);
	Size		len = VARSIZE_ANY_EXHDR(b);
	PeOutcome	o;
	int64		ncomp,
				nids,
				idlen;
	OutcomeState *s;

	if (!AggCheckCallContext(fcinfo, &cxt))
		elog(ERROR, "perfeval: outcome() deserialised outside an aggregate");
	if (len < OUTCOME_HDR)
		elog(ERROR, "perfeval: corrupt outcome() state");
	memcpy(&o, p, sizeof(PeOutcome));
	memcpy(&ncomp, p + sizeof(PeOutcome), sizeof(int64));
	memcpy(&nids, p + sizeof(PeOutcome) + sizeof(int64), sizeof(int64));
	memcpy(&idlen, p + sizeof(PeOutcome) + 2 * sizeof(int64), sizeof(int64));
	if (ncomp < 0 || idlen < 0 || nids < 0 || ncomp > (int64) (len / sizeof(int64)) ||
		len != OUTCOME_HDR + ncomp * sizeof(int64) + idlen)
		elog(ERROR, "perfeval: corrupt outcome() state");
	/* every id within the buffer, nids of them */
	{
		const char *ids = p + OUTCOME_HDR + ncomp * sizeof(int64);
		int64		off = 0,
					k = 0;
		int32		l;

		while (off < idlen)
		{
			if (idlen - off < (int64) sizeof(int32))
				break;
			memcpy(&l, ids + off, sizeof(int32));
			if (l < 0 || idlen - off - (int64) sizeof(int32) < l)
				break;
			off += sizeof(int32) + l;
			k++;
		}
		if (off != idlen || k != nids)
			elog(ERROR, "perfeval: corrupt outcome() state");
	}
	s = outcome_new(cxt);
	merge(s, &o, (const int64 *) (p + OUTCOME_HDR), ncomp, p + OUTCOME_HDR + ncomp * sizeof(int64), idlen,
		  nids, cxt);
	PG_RETURN_POINTER(s);
}

typedef struct IdRef
{
	const char *p;
	int32		len;
} IdRef;

static int
id_cmp(const void *x, const void *y)
{
	const IdRef *a = x,
			   *b = y;

	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	return memcmp(a->p, b->p, a->len);
}

/* outcome's final function: (projects, indicators, measured, missed, over_achieved, median_completion). */
PG_FUNCTION_INFO_V1(pe_outcome_final);
Datum
pe_outcome_final(PG_FUNCTION_ARGS)
{
	OutcomeState *s = PG_ARGISNULL(0) ? NULL : (OutcomeState *) PG_GETARG_POINTER(0);
	TupleDesc	desc;
	Datum		out[6];
	bool		nulls[6] = {false, false, false, false, false, false};
	IdRef	   *refs;
	int64		projects = 0,
				n = 0;

	if (s == NULL)
		PG_RETURN_NULL();
	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE || desc->natts != 6)
		elog(ERROR, "perfeval: outcome() must return 6 columns");
	/* the distinct projects: the ids sorted, counted once each */
	refs = palloc_extended(Max(s->nids, 1) * sizeof(IdRef), MCXT_ALLOC_HUGE);
	for (int64 off = 0; off < s->idlen && n < s->nids; n++)
	{
		memcpy(&refs[n].len, s->ids + off, sizeof(int32));
		refs[n].p = s->ids + off + sizeof(int32);
		off += sizeof(int32) + refs[n].len;
	}
	qsort(refs, n, sizeof(IdRef), id_cmp);
	for (int64 i = 0; i < n; i++)
		if (i == 0 || id_cmp(&refs[i], &refs[i - 1]) != 0)
			projects++;
	out[0] = Int64GetDatum(projects);
	out[1] = Int64GetDatum(s->o.indicators);
	out[2] = Int64GetDatum(s->o.measured);
	out[3] = Int64GetDatum(s->o.missed);
	out[4] = Int64GetDatum(s->o.over_achieved);
	/* (the completions reordered in place: the final function may, READ_WRITE) */
	if (s->ncomp > 0)
		out[5] = NumericGetDatum(pe_fixed_to_numeric(pe_lower_median(s->completions, s->ncomp)));
	else
		nulls[5] = true;
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(BlessTupleDesc(desc), out, nulls)));
}
