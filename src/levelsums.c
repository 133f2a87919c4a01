/*
 * levelsums.c
 *		project_sums(level1, level2, seq, weight, evaluation): everything kept
 *		of one project's results (section 47) in one pass over its rows --
 *		sum_scores() over every row, every row's weight, and sum_scores() of
 *		the rows that apply per level 1 and per level 1 and 2 with their
 *		first seq.  It is what GROUP BY GROUPING SETS ((), (level1),
 *		(level1, level2)) with those aggregates gave, summed by the same
 *		functions (src/sumscores.c), without a sort or hash table per
 *		project: keeping the results costs a load by COPY that much less.
 */
#include "perfeval.h"

#include "access/htup_details.h"
#include "catalog/pg_collation.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/datum.h"
#include "utils/typcache.h"
#include "utils/varlena.h"
#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

typedef struct LevelGroup
{
	const char *l1;				/* level 1, copied */
	int			l1len;
	const char *l2;				/* level 2, NULL in a level-1 sum */
	int			l2len;
	bool		has_seq;
	int32		seq;			/* the first seq of the rows that apply */
	ScoreSum	sum;			/* of the rows that apply */
} LevelGroup;

typedef struct ProjectSums
{
	ScoreSum	all;			/* every row */
	Datum		weights;		/* every row's weight, as sum() adds numerics; 0 if none */
	Oid			collation;		/* of level1 and level2: the order of the arrays */
	int			ngroups;
	int			maxgroups;
	LevelGroup *groups;
} ProjectSums;

static char *
copy_bytes(const char *s, int len)
{
	char	   *c = palloc(len + 1);

	memcpy(c, s, len);
	c[len] = '\0';
	return c;
}

/*
 * The group of these levels (l2 NULL: of level 1), made if missing with a
 * copy of the level it names last (a level-2 group's level 1 is its
 * level-1 group's copy).
 */
static LevelGroup *
group_of(ProjectSums *p, const char *l1, int l1len, const char *l2, int l2len)
{
	LevelGroup *g;

	for (int i = p->ngroups - 1; i >= 0; i--)
	{
		g = &p->groups[i];
		if (g->l1len == l1len && memcmp(g->l1, l1, l1len) == 0 &&
			(l2 == NULL ? g->l2 == NULL :
			 g->l2 != NULL && g->l2len == l2len && memcmp(g->l2, l2, l2len) == 0))
			return g;
	}
	if (p->ngroups == p->maxgroups)
	{
		p->maxgroups *= 2;
		p->groups = repalloc(p->groups, p->maxgroups * sizeof(LevelGroup));
	}
	g = &p->groups[p->ngroups++];
	memset(g, 0, sizeof(LevelGroup));
	g->sum = (ScoreSum) SCORE_SUM_INIT;
	g->l1 = l2 == NULL ? copy_bytes(l1, l1len) : l1;
	g->l1len = l1len;
	g->l2 = l2 == NULL ? NULL : copy_bytes(l2, l2len);
	g->l2len = l2len;
	return g;
}

/* Add an applicable row to a level group. */
static void
add_row(LevelGroup *g, bool has_seq, int32 seq, Datum e)
{
	pe_sum_evaluation(&g->sum, e);
	if (has_seq && (!g->has_seq || seq < g->seq))
		g->has_seq = true, g->seq = seq;
}

PG_FUNCTION_INFO_V1(project_sums_trans);
Datum
project_sums_trans(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt;
	MemoryContext old;
	ProjectSums *p;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		elog(ERROR, "project_sums_trans called in non-aggregate context");
	old = MemoryContextSwitchTo(aggcxt);
	if (PG_ARGISNULL(0))
	{
		p = palloc0(sizeof(ProjectSums));
		p->all = (ScoreSum) SCORE_SUM_INIT;
		p->collation = OidIsValid(PG_GET_COLLATION()) ? PG_GET_COLLATION() : DEFAULT_COLLATION_OID;
		p->maxgroups = 16;
		p->groups = palloc(p->maxgroups * sizeof(LevelGroup));
	}
	else
		p = (ProjectSums *) PG_GETARG_POINTER(0);

	/* (numeric addition, as sum(weight) gave: a NaN a restore let in is kept) */
	if (!PG_ARGISNULL(4))
		p->weights = p->weights == (Datum) 0 ? datumCopy(PG_GETARG_DATUM(4), false, -1) :
			DirectFunctionCall2(numeric_add, p->weights, PG_GETARG_DATUM(4));
	if (!PG_ARGISNULL(5))
	{
		Datum		e = PG_GETARG_DATUM(5);

		/* levels: the rows that apply (level1 and level2 are NOT NULL columns) */
		if (pe_sum_evaluation(&p->all, e) && !PG_ARGISNULL(1) && !PG_ARGISNULL(2))
		{
			text	   *t1 = PG_GETARG_TEXT_PP(1);
			text	   *t2 = PG_GETARG_TEXT_PP(2);
			bool		has_seq = !PG_ARGISNULL(3);
			int32		seq = has_seq ? PG_GETARG_INT32(3) : 0;
			LevelGroup *g1 = group_of(p, VARDATA_ANY(t1), VARSIZE_ANY_EXHDR(t1), NULL, 0);
			const char *l1 = g1->l1;	/* (g1 moves if the groups grow) */

			add_row(g1, has_seq, seq, e);
			add_row(group_of(p, l1, g1->l1len, VARDATA_ANY(t2), VARSIZE_ANY_EXHDR(t2)),
					has_seq, seq, e);
		}
	}
	MemoryContextSwitchTo(old);
	PG_RETURN_POINTER(p);
}

/* ORDER BY level1, level2 in the levels' collation (level-1 sums first: l2 NULL) */
static int
group_cmp(const void *a, const void *b, void *arg)
{
	const LevelGroup *x = a;
	const LevelGroup *y = b;
	Oid			collation = *(Oid *) arg;
	int			c = varstr_cmp(x->l1, x->l1len, y->l1, y->l1len, collation);

	if (c != 0)
		return c;
	if (x->l2 == NULL || y->l2 == NULL)
		return (x->l2 != NULL) - (y->l2 != NULL);
	return varstr_cmp(x->l2, x->l2len, y->l2, y->l2len, collation);
}

typedef struct SumsTypes
{
	TupleDesc	result;
	TupleDesc	level;
	Oid			level_type;
	int16		typlen;
	bool		typbyval;
	char		typalign;
} SumsTypes;

/* The array of the level sums of one kind (level 1 or level 2), in order. */
static Datum
level_array(ProjectSums *p, SumsTypes *t, bool level2)
{
	Datum	   *elems = palloc(Max(p->ngroups, 1) * sizeof(Datum));
	int			n = 0;

	for (int i = 0; i < p->ngroups; i++)
	{
		LevelGroup *g = &p->groups[i];
		Datum		f[5];
		bool		fn[5];
		Datum		values[6];
		bool		nulls[6] = {false, false, false, false, false, false};

		if ((g->l2 != NULL) != level2)
			continue;
		pe_sum_fields(&g->sum, f, fn);
		values[0] = PointerGetDatum(cstring_to_text_with_len(g->l1, g->l1len));
		if (g->l2 == NULL)
			nulls[1] = true;
		else
			values[1] = PointerGetDatum(cstring_to_text_with_len(g->l2, g->l2len));
		values[2] = Int32GetDatum(g->seq);
		nulls[2] = !g->has_seq;
		values[3] = f[0];		/* the rows that apply */
		values[4] = f[2];		/* their weight */
		nulls[4] = fn[2];
		values[5] = f[3];		/* their score */
		nulls[5] = fn[3];
		elems[n++] = HeapTupleGetDatum(heap_form_tuple(t->level, values, nulls));
	}
	return PointerGetDatum(construct_array(elems, n, t->level_type, t->typlen,
										   t->typbyval, t->typalign));
}

/*
 * The composite perfeval_internal.project_sum: indicators, weight, score
 * and total as sum_scores() gives them over every row, every row's weight
 * (NULL for none), and the level-1 and level-2 sums ('{}' for none).
 */
PG_FUNCTION_INFO_V1(project_sums_final);
Datum
project_sums_final(PG_FUNCTION_ARGS)
{
	SumsTypes  *t = (SumsTypes *) fcinfo->flinfo->fn_extra;
	ProjectSums empty;
	ProjectSums *p;
	Datum		f[5];
	bool		fn[5];
	Datum		values[7];
	bool		nulls[7] = {false, false, false, false, false, false, false};

	if (t == NULL)
	{
		MemoryContext old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
		TupleDesc	desc;

		t = palloc0(sizeof(SumsTypes));
		if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE || desc->natts != 7)
			elog(ERROR, "project_sums_final must return perfeval_internal.project_sum");
		t->result = BlessTupleDesc(CreateTupleDescCopy(desc));
		t->level_type = get_element_type(TupleDescAttr(desc, 5)->atttypid);
		t->level = BlessTupleDesc(lookup_rowtype_tupdesc_copy(t->level_type, -1));
		get_typlenbyvalalign(t->level_type, &t->typlen, &t->typbyval, &t->typalign);
		MemoryContextSwitchTo(old);
		fcinfo->flinfo->fn_extra = t;
	}
	if (PG_ARGISNULL(0))
	{
		memset(&empty, 0, sizeof(empty));
		empty.all = (ScoreSum) SCORE_SUM_INIT;
		p = &empty;
	}
	else
		p = (ProjectSums *) PG_GETARG_POINTER(0);

	if (p->ngroups > 1)
	{
		Oid			collation = p->collation;

		qsort_arg(p->groups, p->ngroups, sizeof(LevelGroup), group_cmp, &collation);
	}
	pe_sum_fields(&p->all, f, fn);
	values[0] = f[0];			/* indicators: every row */
	values[1] = f[2];			/* weight */
	nulls[1] = fn[2];
	values[2] = f[3];			/* score */
	nulls[2] = fn[3];
	values[3] = f[4];			/* total */
	nulls[3] = fn[4];
	values[4] = p->weights;
	nulls[4] = p->weights == (Datum) 0;
	values[5] = level_array(p, t, false);
	values[6] = level_array(p, t, true);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(t->result, values, nulls)));
}
