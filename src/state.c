/*
 * state.c
 *		The perfeval.state type: what perfeval keeps of one project's facts
 *		(the latest actual, the checklist sums, the survey counts of each of
 *		its indicators), packed so that scoring finds an indicator's part by
 *		binary search instead of joining the fact tables; and the aggregates
 *		that build it from the facts.
 *
 * Stored payload: version, kind ('A' actuals, 'C' checklist, 'S' survey,
 * 'N' notes: the texts the views show beside a score),
 * entry count (uint16), then count + 1 uint32 offsets (from the start of
 * the entries), then the entries sorted by code: a code length byte, the
 * code, and the kind's fields (see put_entry()).  All fields are read by
 * memcpy: stored values are not aligned.
 */
#include "perfeval.h"

#include "access/detoast.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datum.h"
#include "utils/memutils.h"

#define STATE_HDR	4

/* One reported actual while an aggregate collects it. */
typedef struct Item
{
	int32		reported_on;
	bool		has_measure;
	PeQuant		measure;		/* text copied into the aggregate's context */
	uint8		tier;
	int64		fraction;
	bool		has_note;
} Item;

/* One indicator's part while an aggregate collects it. */
typedef struct Part
{
	char	   *code;
	int			codelen;
	/* actuals: every report, newest first once sorted */
	int			nitems;
	int			capitems;
	Item	   *items;
	/* checklist */
	PeChecklist checklist;
	/* survey */
	PeSurvey	survey;
	/* notes: (date or DATEVAL_NOBEGIN, text) in input order */
	int			nnotes;
	int			capnotes;
	int32	   *note_on;
	text	  **notes;
} Part;

typedef struct Collect
{
	char		kind;
	int			n;
	int			cap;
	Part	   *parts;
	MemoryContext cxt;
} Collect;

/* The part of code in c, created when missing (linear: a project is small). */
static Part *
part_for(Collect *c, text *code)
{
	const char *s = VARDATA_ANY(code);
	int			len = VARSIZE_ANY_EXHDR(code);

	if (len > 255)
		ereport(ERROR,
				(errcode(ERRCODE_STRING_DATA_RIGHT_TRUNCATION),
				 errmsg("indicator code too long: \"%.40s...\"", s),
				 errhint("Indicator codes are at most 255 bytes, such as A11 or C12.")));
	for (int i = c->n - 1; i >= 0; i--)
		if (c->parts[i].codelen == len && memcmp(c->parts[i].code, s, len) == 0)
			return &c->parts[i];
	if (c->n == c->cap)
	{
		c->cap = c->cap ? 2 * c->cap : 32;
		c->parts = c->parts ? repalloc(c->parts, c->cap * sizeof(Part)) :
			MemoryContextAlloc(c->cxt, c->cap * sizeof(Part));
	}
	memset(&c->parts[c->n], 0, sizeof(Part));
	c->parts[c->n].code = MemoryContextAlloc(c->cxt, len + 1);
	memcpy(c->parts[c->n].code, s, len);
	c->parts[c->n].codelen = len;
	return &c->parts[c->n++];
}

static Collect *
collect_state(FunctionCallInfo fcinfo, char kind)
{
	MemoryContext cxt;
	Collect    *c;

	if (!AggCheckCallContext(fcinfo, &cxt))
		elog(ERROR, "perfeval state aggregate called in non-aggregate context");
	if (!PG_ARGISNULL(0))
		return (Collect *) PG_GETARG_POINTER(0);
	c = MemoryContextAllocZero(cxt, sizeof(Collect));
	c->kind = kind;
	c->cxt = cxt;
	return c;
}

/*
 * actual_state(state, code, reported_on, measure, tier, fraction, has_note):
 * every report of each indicator (one per report date: the key of actual),
 * so that scoring can take the latest on any date.
 */
PG_FUNCTION_INFO_V1(actual_state_trans);
Datum
actual_state_trans(PG_FUNCTION_ARGS)
{
	Collect    *c = collect_state(fcinfo, 'A');
	Part	   *p;
	Item	   *it;

	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
		PG_RETURN_POINTER(c);
	p = part_for(c, PG_GETARG_TEXT_PP(1));
	if (p->nitems == p->capitems)
	{
		p->capitems = p->capitems ? 2 * p->capitems : 4;
		p->items = p->items ? repalloc(p->items, p->capitems * sizeof(Item)) :
			MemoryContextAlloc(c->cxt, p->capitems * sizeof(Item));
	}
	it = &p->items[p->nitems++];
	memset(it, 0, sizeof(Item));
	it->reported_on = PG_GETARG_DATEADT(2);
	it->has_measure = !PG_ARGISNULL(3);
	if (it->has_measure)
	{
		PeQuant		q;
		char	   *t;

		pe_quant_unpack(PG_GETARG_DATUM(3), &q);
		t = MemoryContextAlloc(c->cxt, q.textlen + 1);
		memcpy(t, q.text, q.textlen);
		q.text = t;
		it->measure = q;
	}
	if (!PG_ARGISNULL(4))
	{
		text	   *tt = PG_GETARG_TEXT_PP(4);
		int			tier = pe_tier_code(VARDATA_ANY(tt), VARSIZE_ANY_EXHDR(tt));

		/* an unknown tier or a missing fraction: refused as out of band */
		it->tier = tier > 0 ? (uint8) tier : PE_TIER_MET;
		if (tier <= 0 || PG_ARGISNULL(5) || !pe_numeric_fixed(PG_GETARG_DATUM(5), &it->fraction, NULL))
			it->fraction = -1;
	}
	it->has_note = !PG_ARGISNULL(6) && PG_GETARG_BOOL(6);
	PG_RETURN_POINTER(c);
}

/*
 * checklist_state(state, code, points, deduction): per indicator the
 * number of points, of valued points, their value and the deductions.
 */
PG_FUNCTION_INFO_V1(checklist_state_trans);
Datum
checklist_state_trans(PG_FUNCTION_ARGS)
{
	Collect    *c = collect_state(fcinfo, 'C');
	Part	   *p;
	int64		v;

	if (PG_ARGISNULL(1))
		PG_RETURN_POINTER(c);
	p = part_for(c, PG_GETARG_TEXT_PP(1));
	p->checklist.points++;
	if (!PG_ARGISNULL(2))
	{
		if (!pe_numeric_fixed(PG_GETARG_DATUM(2), &v, NULL))
			v = PE_MAX_ABS;		/* cannot be a checklist's value: a finding */
		p->checklist.valued++;
		p->checklist.valued_sum = Min(p->checklist.valued_sum + v, PE_MAX_ABS);
	}
	if (!PG_ARGISNULL(3))
	{
		if (!pe_numeric_fixed(PG_GETARG_DATUM(3), &v, NULL))
			v = PE_MAX_ABS;
		p->checklist.deducted = Min(p->checklist.deducted + v, PE_MAX_ABS);
	}
	PG_RETURN_POINTER(c);
}

/*
 * survey_state(state, code, option_no, respondents, coefficient): per
 * indicator the count and own coefficient of each answer option.
 */
PG_FUNCTION_INFO_V1(survey_state_trans);
Datum
survey_state_trans(PG_FUNCTION_ARGS)
{
	Collect    *c = collect_state(fcinfo, 'S');
	Part	   *p;
	int32		opt;

	if (PG_ARGISNULL(1) || PG_ARGISNULL(2) || PG_ARGISNULL(3))
		PG_RETURN_POINTER(c);
	p = part_for(c, PG_GETARG_TEXT_PP(1));
	opt = PG_GETARG_INT32(2);
	if (opt < 1 || opt > PE_MAX_OPTIONS)
	{
		/* an option no coefficient can belong to: no rate, a finding */
		p->survey.n = PE_MAX_OPTIONS;
		p->survey.answered[PE_MAX_OPTIONS - 1] = true;
		p->survey.coef[PE_MAX_OPTIONS - 1] = -1;
		p->survey.count[PE_MAX_OPTIONS - 1] = 1;
		PG_RETURN_POINTER(c);
	}
	p->survey.n = Max(p->survey.n, opt);
	p->survey.answered[opt - 1] = true;
	p->survey.count[opt - 1] += Max(PG_GETARG_INT32(3), 0);
	p->survey.coef[opt - 1] = -1;
	if (!PG_ARGISNULL(4))
	{
		int64		k;

		if (pe_numeric_fixed(PG_GETARG_DATUM(4), &k, NULL) && k >= 0 && k <= PE_SCALE)
			p->survey.coef[opt - 1] = k;
		else
			p->survey.count[opt - 1] = 0;
	}
	PG_RETURN_POINTER(c);
}

/*
 * notes_state(state, code, reported_on, note): per indicator its texts in
 * the order given -- the deviation note of each report (keyed by its date),
 * or the reason of each deducted checklist point (no date).
 */
PG_FUNCTION_INFO_V1(notes_state_trans);
Datum
notes_state_trans(PG_FUNCTION_ARGS)
{
	Collect    *c = collect_state(fcinfo, 'N');
	Part	   *p;
	MemoryContext old;

	if (PG_ARGISNULL(1) || PG_ARGISNULL(3))
		PG_RETURN_POINTER(c);
	p = part_for(c, PG_GETARG_TEXT_PP(1));
	if (p->nnotes == p->capnotes)
	{
		p->capnotes = p->capnotes ? 2 * p->capnotes : 4;
		p->note_on = p->note_on ? repalloc(p->note_on, p->capnotes * sizeof(int32)) :
			MemoryContextAlloc(c->cxt, p->capnotes * sizeof(int32));
		p->notes = p->notes ? repalloc(p->notes, p->capnotes * sizeof(text *)) :
			MemoryContextAlloc(c->cxt, p->capnotes * sizeof(text *));
	}
	p->note_on[p->nnotes] = PG_ARGISNULL(2) ? DATEVAL_NOBEGIN : PG_GETARG_DATEADT(2);
	old = MemoryContextSwitchTo(c->cxt);
	p->notes[p->nnotes] = (text *) PG_DETOAST_DATUM_COPY(PG_GETARG_DATUM(3));
	MemoryContextSwitchTo(old);
	p->nnotes++;
	PG_RETURN_POINTER(c);
}

static int
part_cmp(const void *a, const void *b)
{
	const Part *x = a,
			   *y = b;
	int			r = memcmp(x->code, y->code, Min(x->codelen, y->codelen));

	return r ? r : x->codelen - y->codelen;
}

/* Newest report first. */
static int
item_cmp(const void *a, const void *b)
{
	const Item *x = a,
			   *y = b;

	return x->reported_on > y->reported_on ? -1 : (x->reported_on < y->reported_on ? 1 : 0);
}

/* Append one part's fields in the stored layout. */
static void
put_entry(StringInfo s, char kind, const Part *p)
{
	uint8		len = (uint8) p->codelen;

	appendBinaryStringInfo(s, (char *) &len, 1);
	appendBinaryStringInfo(s, p->code, p->codelen);
	if (kind == 'A')
	{
		uint16		n = (uint16) Min(p->nitems, PG_UINT16_MAX);

		appendBinaryStringInfo(s, (char *) &n, 2);
		for (int i = 0; i < n; i++)
		{
			const Item *it = &p->items[i];
			uint8		flags = (it->has_measure ? 1 : 0) | (it->has_note ? 2 : 0);

			appendBinaryStringInfo(s, (char *) &it->reported_on, 4);
			appendBinaryStringInfo(s, (char *) &flags, 1);
			appendBinaryStringInfo(s, (char *) &it->tier, 1);
			appendBinaryStringInfo(s, (char *) &it->fraction, 8);
			if (it->has_measure)
			{
				uint8		tl = (uint8) Min(it->measure.textlen, 255);

				appendBinaryStringInfo(s, (char *) &it->measure.cmp, 1);
				appendBinaryStringInfo(s, (char *) &it->measure.unit, 1);
				appendBinaryStringInfo(s, (char *) &it->measure.per, 1);
				appendBinaryStringInfo(s, (char *) &it->measure.amount, 8);
				appendBinaryStringInfo(s, (char *) &tl, 1);
				appendBinaryStringInfo(s, it->measure.text, tl);
			}
		}
	}
	else if (kind == 'N')
	{
		uint16		n = (uint16) Min(p->nnotes, PG_UINT16_MAX);

		appendBinaryStringInfo(s, (char *) &n, 2);
		for (int i = 0; i < n; i++)
		{
			uint32		tl = VARSIZE_ANY_EXHDR(p->notes[i]);

			appendBinaryStringInfo(s, (char *) &p->note_on[i], 4);
			appendBinaryStringInfo(s, (char *) &tl, 4);
			appendBinaryStringInfo(s, VARDATA_ANY(p->notes[i]), tl);
		}
	}
	else if (kind == 'C')
	{
		appendBinaryStringInfo(s, (char *) &p->checklist.points, 4);
		appendBinaryStringInfo(s, (char *) &p->checklist.valued, 4);
		appendBinaryStringInfo(s, (char *) &p->checklist.deducted, 8);
		appendBinaryStringInfo(s, (char *) &p->checklist.valued_sum, 8);
	}
	else
	{
		uint8		n = 0;

		for (int i = 0; i < p->survey.n; i++)
			n += p->survey.answered[i] ? 1 : 0;
		appendBinaryStringInfo(s, (char *) &n, 1);
		for (int i = 0; i < p->survey.n; i++)
		{
			uint8		opt = (uint8) i;

			if (!p->survey.answered[i])
				continue;
			appendBinaryStringInfo(s, (char *) &opt, 1);
			appendBinaryStringInfo(s, (char *) &p->survey.count[i], 8);
			appendBinaryStringInfo(s, (char *) &p->survey.coef[i], 8);
		}
	}
}

/* The final function of the state aggregates: the packed state, or NULL. */
PG_FUNCTION_INFO_V1(state_final);
Datum
state_final(PG_FUNCTION_ARGS)
{
	Collect    *c;
	StringInfoData s;
	StringInfoData entries;
	uint32	   *offsets;
	uint16		n;
	char		hdr[STATE_HDR];

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	c = (Collect *) PG_GETARG_POINTER(0);
	if (c->n == 0)
		PG_RETURN_NULL();
	if (c->n > PG_UINT16_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("a project has at most %d indicators with facts", PG_UINT16_MAX)));
	qsort(c->parts, c->n, sizeof(Part), part_cmp);
	for (int i = 0; i < c->n; i++)
		if (c->parts[i].nitems > 1)
			qsort(c->parts[i].items, c->parts[i].nitems, sizeof(Item), item_cmp);
	n = (uint16) c->n;
	offsets = palloc((n + 1) * sizeof(uint32));
	initStringInfo(&entries);
	for (int i = 0; i < n; i++)
	{
		offsets[i] = entries.len;
		put_entry(&entries, c->kind, &c->parts[i]);
	}
	offsets[n] = entries.len;

	initStringInfo(&s);
	appendStringInfoSpaces(&s, VARHDRSZ);
	hdr[0] = PE_FORMAT_VERSION;
	hdr[1] = c->kind;
	memcpy(hdr + 2, &n, 2);
	appendBinaryStringInfo(&s, hdr, STATE_HDR);
	appendBinaryStringInfo(&s, (char *) offsets, (n + 1) * sizeof(uint32));
	appendBinaryStringInfo(&s, entries.data, entries.len);
	SET_VARSIZE(s.data, s.len);
	PG_RETURN_POINTER(s.data);
}

/* ------------------------------------------------------------- reading */

/*
 * A state stored out of line (a project with many reports), fetched once
 * per call site and query: the next indicators of the project read the
 * same value, identified by its toast pointer (unique while it can be
 * seen).  In-line states are returned as they are.
 */
Datum
pe_state_fetch(FmgrInfo *flinfo, PeStateCache *c, Datum d)
{
	struct varlena *v = (struct varlena *) DatumGetPointer(d);
	struct varatt_external ptr;
	MemoryContext old;

	if (!VARATT_IS_EXTERNAL_ONDISK(v))
		return d;
	VARATT_EXTERNAL_GET_POINTER(ptr, v);
	if (c->value && c->valueid == ptr.va_valueid && c->toastrelid == ptr.va_toastrelid)
		return PointerGetDatum(c->value);
	if (c->value)
		pfree(c->value);
	old = MemoryContextSwitchTo(flinfo->fn_mcxt);
	c->value = pg_detoast_datum_packed(v);
	if (c->value == v)			/* cannot happen for an on-disk pointer */
		c->value = NULL;
	MemoryContextSwitchTo(old);
	c->valueid = ptr.va_valueid;
	c->toastrelid = ptr.va_toastrelid;
	return c->value ? PointerGetDatum(c->value) : d;
}

/* A stored state, checked: kind, count, and where its entries are. */
typedef struct StateView
{
	char		kind;
	uint16		n;
	const char *offsets;
	const char *entries;
	uint32		size;			/* bytes of entries */
} StateView;

static void
state_view(Datum d, StateView *v)
{
	struct varlena *x = (struct varlena *) DatumGetPointer(d);
	const char *p;
	Size		len;
	uint32		last;

	/* the callers fetch a value stored out of line (pe_state_fetch) */
	if (VARATT_IS_EXTERNAL(x) || VARATT_IS_COMPRESSED(x))
		x = pg_detoast_datum_packed(x);
	p = VARDATA_ANY(x);
	len = VARSIZE_ANY_EXHDR(x);
	if (len < STATE_HDR || p[0] != PE_FORMAT_VERSION)
		goto corrupt;
	v->kind = p[1];
	memcpy(&v->n, p + 2, 2);
	if (len < STATE_HDR + (Size) (v->n + 1) * 4)
		goto corrupt;
	v->offsets = p + STATE_HDR;
	v->entries = v->offsets + (v->n + 1) * 4;
	memcpy(&last, v->offsets + v->n * 4, 4);
	if (last != len - STATE_HDR - (Size) (v->n + 1) * 4)
		goto corrupt;
	v->size = last;
	return;
corrupt:
	ereport(ERROR,
			(errcode(ERRCODE_DATA_CORRUPTED),
			 errmsg("corrupt perfeval.state value")));
}

/* Entry i of a state: its bytes [*b, *e) after the code. */
static pg_attribute_always_inline const char *
state_entry(const StateView *v, int i, const char **code, int *codelen, const char **end)
{
	uint32		o,
				next;
	const char *p;

	memcpy(&o, v->offsets + i * 4, 4);
	memcpy(&next, v->offsets + (i + 1) * 4, 4);
	if (o >= next || next > v->size)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("corrupt perfeval.state value")));
	p = v->entries + o;
	*codelen = (uint8) p[0];
	*code = p + 1;
	*end = v->entries + next;
	if (1 + *codelen > (int) (next - o))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("corrupt perfeval.state value")));
	return p + 1 + *codelen;
}

/*
 * Where the last lookup of each kind found its code: a hint only.  A
 * project's indicators are usually scored in code order, so the next code
 * is most often the next entry; whatever the hint says, the entry's own
 * code is compared before it is used.
 */
static int	hint[4];

static int
hint_slot(char kind)
{
	return kind == 'A' ? 0 : (kind == 'C' ? 1 : (kind == 'S' ? 2 : 3));
}

/* Does entry i hold code?  <0, 0, >0 as memcmp (codes are short: no call). */
static pg_attribute_always_inline int
entry_cmp(const StateView *v, int i, const char *code, int codelen, const char **fields,
		  const char **end)
{
	const char *c;
	int			cl,
				n;

	*fields = state_entry(v, i, &c, &cl, end);
	n = Min(cl, codelen);
	for (int k = 0; k < n; k++)
		if (c[k] != code[k])
			return (unsigned char) c[k] < (unsigned char) code[k] ? -1 : 1;
	return cl - codelen;
}

/* The fields of code in a state of kind, or NULL when it has none. */
static const char *
state_find(Datum d, char kind, const char *code, int codelen, const char **end)
{
	StateView	v;
	int		   *h = &hint[hint_slot(kind)];
	int			lo = 0,
				hi;
	const char *f;

	state_view(d, &v);
	if (v.kind != kind)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("perfeval.state of kind '%c' where '%c' was expected", v.kind, kind)));
	for (int i = *h + 1; i >= *h && i >= 0; i--)
		if (i < v.n && entry_cmp(&v, i, code, codelen, &f, end) == 0)
		{
			*h = i;
			return f;
		}
	hi = v.n - 1;
	while (lo <= hi)
	{
		int			mid = (lo + hi) / 2;
		int			r = entry_cmp(&v, mid, code, codelen, &f, end);

		if (r == 0)
		{
			*h = mid;
			return f;
		}
		if (r < 0)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	/* absent: the next code most likely follows where it would have been */
	*h = hi;
	return NULL;
}

/*
 * An indicator's actual as of a date from an actuals state: the newest
 * report on or before as_of (DATEVAL_NOEND for the latest).  Not present
 * when there is none.
 */
void
pe_state_actual(Datum d, const char *code, int codelen, int32 as_of, PeActual *a)
{
	const char *end;
	const char *f = state_find(d, 'A', code, codelen, &end);
	uint16		n;

	memset(a, 0, sizeof(*a));
	if (f == NULL)
		return;
	if (end - f < 2)
		goto corrupt;
	memcpy(&n, f, 2);
	f += 2;
	for (int i = 0; i < n; i++)
	{
		int32		on;
		uint8		flags;
		const char *next = f + 14;

		if (end - f < 14)
			goto corrupt;
		memcpy(&on, f, 4);
		flags = (uint8) f[4];
		if (flags & 1)
		{
			if (end - next < 12 || end - (next + 12) < (uint8) next[11])
				goto corrupt;
			next += 12 + (uint8) next[11];
		}
		if (on > as_of)
		{
			f = next;
			continue;
		}
		a->present = true;
		a->reported_on = on;
		a->tier = (uint8) f[5];
		memcpy(&a->fraction, f + 6, 8);
		a->has_note = (flags & 2) != 0;
		a->has_measure = (flags & 1) != 0;
		if (a->tier >= PE_TIER_COUNT)
			goto corrupt;
		if (a->has_measure)
		{
			const char *m = f + 14;

			a->measure.cmp = (uint8) m[0];
			a->measure.unit = (uint8) m[1];
			a->measure.per = (uint8) m[2];
			memcpy(&a->measure.amount, m + 3, 8);
			a->measure.text = m + 12;
			a->measure.textlen = (uint8) m[11];
		}
		return;
	}
	return;
corrupt:
	ereport(ERROR,
			(errcode(ERRCODE_DATA_CORRUPTED),
			 errmsg("corrupt perfeval.state value")));
}

/* An indicator's checklist sums from a checklist state; false if it has none. */
bool
pe_state_checklist(Datum d, const char *code, int codelen, PeChecklist *c)
{
	const char *end;
	const char *f = state_find(d, 'C', code, codelen, &end);

	memset(c, 0, sizeof(*c));
	if (f == NULL)
		return false;
	if (end - f < 24)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("corrupt perfeval.state value")));
	memcpy(&c->points, f, 4);
	memcpy(&c->valued, f + 4, 4);
	memcpy(&c->deducted, f + 8, 8);
	memcpy(&c->valued_sum, f + 16, 8);
	return true;
}

/* An indicator's survey counts from a survey state (none: no option). */
void
pe_state_survey(Datum d, const char *code, int codelen, PeSurvey *s)
{
	const char *end;
	const char *f = state_find(d, 'S', code, codelen, &end);
	uint8		n;

	memset(s, 0, sizeof(*s));
	if (f == NULL)
		return;
	n = (uint8) f[0];
	if (end - (f + 1) < (ptrdiff_t) n * 17)
		goto corrupt;
	for (int i = 0; i < n; i++)
	{
		const char *o = f + 1 + i * 17;
		uint8		opt = (uint8) o[0];

		if (opt >= PE_MAX_OPTIONS)
			goto corrupt;
		s->answered[opt] = true;
		memcpy(&s->count[opt], o + 1, 8);
		memcpy(&s->coef[opt], o + 9, 8);
		s->n = Max(s->n, opt + 1);
	}
	return;
corrupt:
	ereport(ERROR,
			(errcode(ERRCODE_DATA_CORRUPTED),
			 errmsg("corrupt perfeval.state value")));
}

/* The notes of one indicator in a notes state, read one by one. */
typedef struct NoteIter
{
	const char *f;
	const char *end;
	int			left;
} NoteIter;

static void
notes_of(Datum d, const char *code, int codelen, NoteIter *it)
{
	const char *f = state_find(d, 'N', code, codelen, &it->end);
	uint16		n = 0;

	if (f != NULL)
	{
		if (it->end - f < 2)
			ereport(ERROR,
					(errcode(ERRCODE_DATA_CORRUPTED),
					 errmsg("corrupt perfeval.state value")));
		memcpy(&n, f, 2);
		f += 2;
	}
	it->f = f;
	it->left = n;
}

static bool
note_next(NoteIter *it, int32 *on, const char **t, uint32 *len)
{
	if (it->left == 0)
		return false;
	if (it->end - it->f < 8)
		goto corrupt;
	memcpy(on, it->f, 4);
	memcpy(len, it->f + 4, 4);
	if ((uint32) (it->end - (it->f + 8)) < *len)
		goto corrupt;
	*t = it->f + 8;
	it->f += 8 + *len;
	it->left--;
	return true;
corrupt:
	ereport(ERROR,
			(errcode(ERRCODE_DATA_CORRUPTED),
			 errmsg("corrupt perfeval.state value")));
	return false;
}

/* Text output, for reading and tests: {A11:2024-06-30 100%,...}. */
PG_FUNCTION_INFO_V1(state_out);
Datum
state_out(PG_FUNCTION_ARGS)
{
	StateView	v;
	StringInfoData s;
	Datum		d = PG_GETARG_DATUM(0);

	state_view(d, &v);
	initStringInfo(&s);
	appendStringInfoChar(&s, '{');
	for (int i = 0; i < v.n; i++)
	{
		const char *code,
				   *end;
		int			cl;
		char		num[48];

		state_entry(&v, i, &code, &cl, &end);
		if (i > 0)
			appendStringInfoChar(&s, ',');
		appendBinaryStringInfo(&s, code, cl);
		appendStringInfoChar(&s, ':');
		if (v.kind == 'A')
		{
			PeActual	a;
			int32		on = DATEVAL_NOEND;
			bool		first = true;

			/* every report, newest first: the latest before each one's date */
			for (;;)
			{
				pe_state_actual(d, code, cl, on, &a);
				if (!a.present)
					break;
				if (!first)
					appendStringInfoString(&s, " ;");
				first = false;
				appendStringInfo(&s, " %s", DatumGetCString(DirectFunctionCall1(date_out,
																				 DateADTGetDatum(a.reported_on))));
				if (a.has_measure)
				{
					char	   *buf = palloc(PE_QUANT_BUFLEN + a.measure.textlen + 1);

					pe_format_quant(&a.measure, false, buf);
					appendStringInfo(&s, " %s", buf);
				}
				if (a.tier != PE_TIER_NONE)
				{
					pe_format_fixed(a.fraction, num);
					appendStringInfo(&s, " %s %s%%", pe_tier_name(a.tier), num);
				}
				if (a.has_note)
					appendStringInfoString(&s, " note");
				if (a.reported_on == DATEVAL_NOBEGIN)
					break;
				on = a.reported_on - 1;
			}
		}
		else if (v.kind == 'N')
		{
			NoteIter	it;
			int32		on;
			const char *t;
			uint32		tl;

			notes_of(d, code, cl, &it);
			while (note_next(&it, &on, &t, &tl))
			{
				if (on != DATEVAL_NOBEGIN)
					appendStringInfo(&s, " %s", DatumGetCString(DirectFunctionCall1(date_out,
																					 DateADTGetDatum(on))));
				appendStringInfoChar(&s, ' ');
				appendBinaryStringInfo(&s, t, tl);
			}
		}
		else if (v.kind == 'C')
		{
			PeChecklist c;

			pe_state_checklist(d, code, cl, &c);
			pe_format_fixed(c.deducted, num);
			appendStringInfo(&s, "-%s (%d points, %d valued", num, c.points, c.valued);
			pe_format_fixed(c.valued_sum, num);
			appendStringInfo(&s, " at %s)", num);
		}
		else
		{
			PeSurvey	sv;

			pe_state_survey(d, code, cl, &sv);
			for (int k = 0; k < sv.n; k++)
			{
				if (!sv.answered[k])
					continue;
				appendStringInfo(&s, " %d:%lld", k + 1, (long long) sv.count[k]);
				if (sv.coef[k] >= 0)
				{
					pe_format_fixed(sv.coef[k], num);
					appendStringInfo(&s, "×%s", num);
				}
			}
		}
	}
	appendStringInfoChar(&s, '}');
	PG_RETURN_CSTRING(s.data);
}

/* States are kept by perfeval, never entered. */
PG_FUNCTION_INFO_V1(state_in);
Datum
state_in(PG_FUNCTION_ARGS)
{
	ereport(ERROR,
			(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			 errmsg("perfeval.state values cannot be entered"),
			 errdetail("perfeval keeps them from the facts (actual, checklist_point, survey_response)."),
			 errhint("Change the facts instead.")));
	PG_RETURN_NULL();
}

/*
 * Binary input and output, so that Citus can copy a shard of the kept
 * state to another node (a shard move, docs/scale-out.md): the writer's
 * byte order, then the stored value.  The core checks every byte of what
 * comes in (pe_state_from_wire()), so a received value is one the state
 * aggregates could have written.  Text input stays refused: nothing but
 * perfeval's recompute and Citus's copy of an existing placement writes
 * project_state (its guard, section 45).
 */
PG_FUNCTION_INFO_V1(state_send);
Datum
state_send(PG_FUNCTION_ARGS)
{
	struct varlena *v = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(0));
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, pe_state_byte_order());
	pq_sendbytes(&buf, VARDATA_ANY(v), VARSIZE_ANY_EXHDR(v));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(state_recv);
Datum
state_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	const char *p = buf->data + buf->cursor;
	int			len = buf->len - buf->cursor;
	PeError		err;
	bytea	   *v;

	StaticAssertStmt(PE_STATE_VERSION == PE_FORMAT_VERSION, "one state format version");
	if (pe_state_from_wire(p, (size_t) len, &err) != PE_OK)
		pe_report_binary(&err, "state", p, len);
	v = palloc(VARHDRSZ + len - 1);
	SET_VARSIZE(v, VARHDRSZ + len - 1);
	memcpy(VARDATA(v), p + 1, len - 1);
	buf->cursor = buf->len;
	PG_RETURN_POINTER(v);
}

/*
 * The actual an indicator is scored from, as indicator_scores shows it:
 * actual_measure(), actual_tier() and actual_fraction() of (state, code,
 * as_of) -- read from the kept state, the same report the evaluation used.
 */
static bool
shown_actual(FunctionCallInfo fcinfo, PeActual *a)
{
	text	   *code = PG_GETARG_TEXT_PP(1);

	if (fcinfo->flinfo->fn_extra == NULL)
		fcinfo->flinfo->fn_extra = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(PeStateCache));
	pe_state_actual(pe_state_fetch(fcinfo->flinfo, fcinfo->flinfo->fn_extra, PG_GETARG_DATUM(0)),
					VARDATA_ANY(code), VARSIZE_ANY_EXHDR(code), PG_GETARG_DATEADT(2), a);
	return a->present;
}

PG_FUNCTION_INFO_V1(actual_measure);
Datum
actual_measure(PG_FUNCTION_ARGS)
{
	PeActual	a;
	char	   *buf;

	if (!shown_actual(fcinfo, &a) || !a.has_measure)
		PG_RETURN_NULL();
	buf = palloc(PE_QUANT_BUFLEN + a.measure.textlen + 1);
	pe_format_quant(&a.measure, false, buf);
	PG_RETURN_TEXT_P(cstring_to_text(buf));
}

PG_FUNCTION_INFO_V1(actual_tier);
Datum
actual_tier(PG_FUNCTION_ARGS)
{
	PeActual	a;

	if (!shown_actual(fcinfo, &a) || a.tier == PE_TIER_NONE)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(pe_tier_name(a.tier)));
}

PG_FUNCTION_INFO_V1(actual_fraction);
Datum
actual_fraction(PG_FUNCTION_ARGS)
{
	PeActual	a;

	if (!shown_actual(fcinfo, &a) || a.tier == PE_TIER_NONE || a.fraction < 0)
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(pe_fixed_to_numeric(a.fraction));
}

/* The notes state of an accessor's call, fetched once per call site. */
static Datum
notes_arg(FunctionCallInfo fcinfo)
{
	if (fcinfo->flinfo->fn_extra == NULL)
		fcinfo->flinfo->fn_extra = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(PeStateCache));
	return pe_state_fetch(fcinfo->flinfo, fcinfo->flinfo->fn_extra, PG_GETARG_DATUM(0));
}

/* actual_note(notes, code, reported_on): the deviation note of that report. */
PG_FUNCTION_INFO_V1(actual_note);
Datum
actual_note(PG_FUNCTION_ARGS)
{
	text	   *code = PG_GETARG_TEXT_PP(1);
	int32		want = PG_GETARG_DATEADT(2);
	NoteIter	it;
	int32		on;
	const char *t;
	uint32		tl;

	notes_of(notes_arg(fcinfo), VARDATA_ANY(code), VARSIZE_ANY_EXHDR(code), &it);
	while (note_next(&it, &on, &t, &tl))
		if (on == want)
			PG_RETURN_TEXT_P(cstring_to_text_with_len(t, tl));
	PG_RETURN_NULL();
}

/*
 * checklist_reasons(reasons, code): the reasons of an indicator's deducted
 * points, in point order, as one text (the explanation quotes it).
 */
PG_FUNCTION_INFO_V1(checklist_reasons);
Datum
checklist_reasons(PG_FUNCTION_ARGS)
{
	text	   *code = PG_GETARG_TEXT_PP(1);
	NoteIter	it;
	int32		on;
	const char *t;
	uint32		tl;
	StringInfoData s;

	notes_of(notes_arg(fcinfo), VARDATA_ANY(code), VARSIZE_ANY_EXHDR(code), &it);
	if (it.left == 0)
		PG_RETURN_NULL();
	initStringInfo(&s);
	while (note_next(&it, &on, &t, &tl))
	{
		if (s.len > 0)
			appendStringInfoString(&s, "；");
		appendBinaryStringInfo(&s, t, tl);
	}
	PG_RETURN_TEXT_P(cstring_to_text_with_len(s.data, s.len));
}
