/*
 * outcome.c
 *		perfeval_internal.outcome(project_id, completion, over_threshold): the
 *		aggregate behind indicator_outcomes (section 76).  One pass over a
 *		group's rows: the counts are the core's (pe_outcome_count()), the
 *		median too (pe_lower_median()); here the rows' completions and project
 *		ids are kept, merged across parallel workers or Citus's shards, and
 *		counted once.  (As count(DISTINCT) and percentile_disc() in SQL every
 *		group was sorted three times: 4x project_scores at 100,000 projects.)
 *
 * The state is a bytea, so that Citus can ship a shard's partial state to
 * the coordinator (it combines only aggregates whose state is a real type):
 * a header and a stream of records -- a project id ('I', int32 length,
 * bytes) when it differs from the one before, a completion ('C', int64) --
 * with room to grow at the end.  Inside an aggregate the state is extended
 * in place; when full it is copied into a larger one, which the executor
 * keeps (never freed here: the executor frees the old one).  Whatever state
 * comes from outside (a combine's second argument, an INITCOND, a worker's
 * text) is checked before it is read: a bad one is an error, not a crash.
 */
#include "perfeval.h"

#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/numeric.h"

#define OUTCOME_MAGIC	0x314f4550	/* "PEO1" */

typedef struct OutcomeHdr
{
	uint32		magic;
	uint32		pad;
	int64		used;			/* record bytes in use */
	int64		last;			/* offset of the last id record, -1 for none */
	int64		ncomp;			/* completion records */
	int64		nids;			/* id records */
	PeOutcome	o;
} OutcomeHdr;

#define REC_ID_HDR	(1 + (int64) sizeof(int32))
#define REC_COMP	(1 + (int64) sizeof(int64))

static void
corrupt(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATA_CORRUPTED),
			 errmsg("corrupt perfeval_internal.outcome() state")));
}

static int64
capacity(bytea *s)
{
	return (int64) VARSIZE(s) - VARHDRSZ - (int64) sizeof(OutcomeHdr);
}

/* (the header copied in and out: VARDATA is only 4-byte aligned) */
static OutcomeHdr
hdr(const bytea *s)
{
	OutcomeHdr	h;

	memcpy(&h, VARDATA_ANY(s), sizeof(h));
	return h;
}

static void
put_hdr(bytea *s, const OutcomeHdr *h)
{
	memcpy(VARDATA(s), h, sizeof(*h));
}

static char *
recs(bytea *s)
{
	return VARDATA(s) + sizeof(OutcomeHdr);
}

/* A state's header checked against its size (every call: a state may be forged). */
static bytea *
state_arg(FunctionCallInfo fcinfo, int argno)
{
	bytea	   *s = PG_GETARG_BYTEA_P(argno);
	OutcomeHdr	h;

	if (VARSIZE(s) < VARHDRSZ + sizeof(OutcomeHdr))
		corrupt();
	memcpy(&h, VARDATA(s), sizeof(h));
	if (h.magic != OUTCOME_MAGIC || h.used < 0 || h.used > capacity(s) || h.last < -1 ||
		(h.last >= 0 && h.last > h.used - REC_ID_HDR) || h.ncomp < 0 || h.nids < 0)
		corrupt();
	return s;
}

/* Every record of s within its used bytes, as many as its header says. */
static void
check_records(bytea *s)
{
	OutcomeHdr	h = hdr(s);
	const char *r = recs(s);
	int64		off = 0,
				nc = 0,
				ni = 0;

	while (off < h.used)
	{
		if (r[off] == 'C' && h.used - off >= REC_COMP)
			off += REC_COMP, nc++;
		else if (r[off] == 'I' && h.used - off >= REC_ID_HDR)
		{
			int32		len;

			memcpy(&len, r + off + 1, sizeof(int32));
			if (len < 0 || h.used - off - REC_ID_HDR < len)
				corrupt();
			off += REC_ID_HDR + len, ni++;
		}
		else
			corrupt();
	}
	if (nc != h.ncomp || ni != h.nids || (h.last >= 0 && r[h.last] != 'I'))
		corrupt();
}

/* A new state in the current context (the executor copies it into its own). */
static bytea *
state_new(int64 cap, const bytea *from)
{
	bytea	   *s = palloc_extended(VARHDRSZ + sizeof(OutcomeHdr) + cap, MCXT_ALLOC_HUGE);

	SET_VARSIZE(s, VARHDRSZ + sizeof(OutcomeHdr) + cap);
	if (from)
		memcpy(VARDATA(s), VARDATA_ANY(from), sizeof(OutcomeHdr) + hdr(from).used);
	else
	{
		OutcomeHdr	h;

		memset(&h, 0, sizeof(h));
		h.magic = OUTCOME_MAGIC;
		h.last = -1;
		put_hdr(s, &h);
	}
	return s;
}

/* s with room for need more bytes: itself, or a copy twice as large. */
static bytea *
room(bytea *s, int64 need)
{
	int64		cap = capacity(s),
				used = hdr(s).used;

	if (used + need <= cap)
		return s;
	while (cap < used + need)
		cap = Max(cap * 2, 1024);
	return state_new(cap, s);
}

PG_FUNCTION_INFO_V1(pe_outcome_trans);
Datum
pe_outcome_trans(PG_FUNCTION_ARGS)
{
	bytea	   *s;
	OutcomeHdr	h;
	char	   *r;
	text	   *id;
	int32		len;
	int64		completion = 0;
	bool		has = false;

	if (!AggCheckCallContext(fcinfo, NULL))
		elog(ERROR, "perfeval: outcome() called outside an aggregate");
	s = PG_ARGISNULL(0) ? state_new(1024, NULL) : state_arg(fcinfo, 0);
	if (PG_ARGISNULL(1))
		PG_RETURN_BYTEA_P(s);	/* (project_id is a key: never NULL) */
	/* (the completion as numeric: on Citus the rows' values may travel) */
	if (!PG_ARGISNULL(2))
	{
		completion = pe_numeric_arg(PG_GETARG_DATUM(2), "completion");
		has = true;
	}
	id = PG_GETARG_TEXT_PP(1);
	len = VARSIZE_ANY_EXHDR(id);
	s = room(s, REC_COMP + REC_ID_HDR + len);
	h = hdr(s);
	r = recs(s);
	/* a scheme's threshold is NOT NULL; none, nothing is over-achieved */
	pe_outcome_count(&h.o, has, completion,
					 PG_ARGISNULL(3) ? PG_INT64_MAX : pe_numeric_arg(PG_GETARG_DATUM(3), "over_threshold"));
	if (has)
	{
		r[h.used] = 'C';
		memcpy(r + h.used + 1, &completion, sizeof(int64));
		h.used += REC_COMP;
		h.ncomp++;
	}
	/* the id, unless it is the last one added (a project's rows come together) */
	if (h.last >= 0)
	{
		int32		l;

		memcpy(&l, r + h.last + 1, sizeof(int32));
		if (l == len && h.last + REC_ID_HDR + len <= h.used &&
			memcmp(r + h.last + REC_ID_HDR, VARDATA_ANY(id), len) == 0)
		{
			put_hdr(s, &h);
			PG_RETURN_BYTEA_P(s);
		}
	}
	h.last = h.used;
	r[h.used] = 'I';
	memcpy(r + h.used + 1, &len, sizeof(int32));
	memcpy(r + h.used + REC_ID_HDR, VARDATA_ANY(id), len);
	h.used += REC_ID_HDR + len;
	h.nids++;
	put_hdr(s, &h);
	PG_RETURN_BYTEA_P(s);
}

/* b's records appended to a's (a worker's or a shard's group into the leader's). */
PG_FUNCTION_INFO_V1(pe_outcome_combine);
Datum
pe_outcome_combine(PG_FUNCTION_ARGS)
{
	bytea	   *a,
			   *b;
	OutcomeHdr	ha,
				hb;

	if (!AggCheckCallContext(fcinfo, NULL))
		elog(ERROR, "perfeval: outcome() combined outside an aggregate");
	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_BYTEA_P(state_arg(fcinfo, 0));
	}
	b = state_arg(fcinfo, 1);
	check_records(b);
	hb = hdr(b);
	if (PG_ARGISNULL(0))
		PG_RETURN_BYTEA_P(state_new(hb.used, b));
	a = room(state_arg(fcinfo, 0), hb.used);
	ha = hdr(a);
	memcpy(recs(a) + ha.used, recs(b), hb.used);
	ha.used += hb.used;
	ha.ncomp += hb.ncomp;
	ha.nids += hb.nids;
	ha.last = -1;
	ha.o.indicators += hb.o.indicators;
	ha.o.measured += hb.o.measured;
	ha.o.missed += hb.o.missed;
	ha.o.over_achieved += hb.o.over_achieved;
	put_hdr(a, &ha);
	PG_RETURN_BYTEA_P(a);
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
	bytea	   *s;
	OutcomeHdr	h;
	const char *r;
	TupleDesc	desc;
	Datum		out[6];
	bool		nulls[6] = {false, false, false, false, false, false};
	IdRef	   *ids;
	int64	   *comp;
	int64		ni = 0,
				nc = 0,
				projects = 0;

	if (!AggCheckCallContext(fcinfo, NULL))
		elog(ERROR, "perfeval: outcome() finished outside an aggregate");
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	s = state_arg(fcinfo, 0);
	check_records(s);
	h = hdr(s);
	r = recs(s);
	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE || desc->natts != 6)
		elog(ERROR, "perfeval: outcome() must return 6 columns");
	ids = palloc_extended(Max(h.nids, 1) * sizeof(IdRef), MCXT_ALLOC_HUGE);
	comp = palloc_extended(Max(h.ncomp, 1) * sizeof(int64), MCXT_ALLOC_HUGE);
	for (int64 off = 0; off < h.used;)
	{
		if (r[off] == 'C')
		{
			memcpy(&comp[nc++], r + off + 1, sizeof(int64));
			off += REC_COMP;
		}
		else
		{
			memcpy(&ids[ni].len, r + off + 1, sizeof(int32));
			ids[ni].p = r + off + REC_ID_HDR;
			off += REC_ID_HDR + ids[ni++].len;
		}
	}
	/* the distinct projects: the ids sorted, each counted once */
	qsort(ids, ni, sizeof(IdRef), id_cmp);
	for (int64 i = 0; i < ni; i++)
		if (i == 0 || id_cmp(&ids[i], &ids[i - 1]) != 0)
			projects++;
	out[0] = Int64GetDatum(projects);
	out[1] = Int64GetDatum(h.o.indicators);
	out[2] = Int64GetDatum(h.o.measured);
	out[3] = Int64GetDatum(h.o.missed);
	out[4] = Int64GetDatum(h.o.over_achieved);
	if (nc > 0)
		out[5] = NumericGetDatum(pe_fixed_to_numeric(pe_lower_median(comp, nc)));
	else
		nulls[5] = true;
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(BlessTupleDesc(desc), out, nulls)));
}
