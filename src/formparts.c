/*
 * formparts.c
 *		perfeval_internal.form_points() and form_answers(): the staged
 *		checklist points and survey answers of every form, read by the core
 *		(pe_form_read_points(), pe_form_read_answers(): numbering, the
 *		defaults, each field's problem) as the import writes them.  1.15 read
 *		them in SQL, where one unreadable 要点分值 stopped the whole import.
 *
 * Runs as its caller: the staging tables' policies decide which rows it
 * reads (a loader's own).
 */
#include "perfeval.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/memutils.h"
#include "utils/numeric.h"
#include "utils/tuplestore.h"

/* One kind of row: its staging table, headers (PE_FC_* / PE_FS_* order) and reader. */
typedef struct PartKind
{
	const char *fname;
	const char *table;
	int			nfields;
	const char *headers[PE_FC_COUNT];
	void		(*read) (PeFormPart *rows, int n);
	bool		survey;
} PartKind;

static const PartKind points_kind = {
	"form_points()", "staged_checklist", PE_FC_COUNT,
	{"三级指标", "评价要点", "要点分值", "扣分", "扣分理由"}, pe_form_read_points, false
};
static const PartKind answers_kind = {
	"form_answers()", "staged_survey", PE_FS_COUNT,
	{"三级指标", "选项", "人数", "系数"}, pe_form_read_answers, true
};

/* The output columns: line, 项目编码, 三级指标, the number, then per kind, then the problems. */
enum
{
	O_LINE, O_CODE, O_NAME, O_NO, O_TEXT, O_A, O_B, O_C, O_PROBLEMS
};
#define O_COUNT(k) ((k)->survey ? O_C + 5 : O_PROBLEMS + 5)

/* A staged row: line, 项目编码, then the kind's fields. */
typedef struct Staged
{
	Datum		in[2 + PE_FC_COUNT];
	bool		null[2 + PE_FC_COUNT];
} Staged;

static const char *
raw(const Staged *r, int k)
{
	return r->null[2 + k] ? NULL : TextDatumGetCString(r->in[2 + k]);
}

/*
 * A number field by the form-number parser: its numeric into *out (NULL:
 * none written, or a mark), its parse error as a problem.
 */
static void
read_number(const Staged *r, const PeFormPart *p, int k, const char *header, Datum *out, bool *onull,
			PeProblems *pr)
{
	Datum		values[6];
	bool		nulls[6],
				has;

	*onull = true;
	if (!p->has[k])
		return;
	pe_form_read(pe_points_text(&p->f[k]), PE_FIELD_NUMBER, values, nulls, &has);
	if (!nulls[3])
		pe_add_problem(pr, header, raw(r, k), TextDatumGetCString(values[3]), TextDatumGetCString(values[4]),
					   TextDatumGetCString(values[5]));
	else if (!nulls[0])
	{
		*out = values[0];
		*onull = false;
	}
}

/* Read one indicator's rows (rows[0 .. n), in line order) and put them out. */
static void
emit_group(const PartKind *kind, Staged *rows, int n, Tuplestorestate *ts, TupleDesc outdesc)
{
	PeFormPart *parts = palloc0(sizeof(PeFormPart) * n);
	int			ncols = O_COUNT(kind);

	for (int i = 0; i < n; i++)
	{
		parts[i].line = DatumGetInt32(rows[i].in[0]);
		for (int k = 0; k < kind->nfields; k++)
		{
			parts[i].f[k].s = rows[i].null[2 + k] ? NULL : VARDATA_ANY(DatumGetPointer(rows[i].in[2 + k]));
			parts[i].f[k].len = rows[i].null[2 + k] ? 0 : VARSIZE_ANY_EXHDR(DatumGetPointer(rows[i].in[2 + k]));
		}
	}
	kind->read(parts, n);
	for (int i = 0; i < n; i++)
	{
		Staged	   *r = &rows[i];
		PeFormPart *p = &parts[i];
		Datum		out[O_PROBLEMS + 5];
		bool		onull[O_PROBLEMS + 5];
		PeProblems	pr = {{NULL, NULL, NULL, NULL, NULL}};

		memset(onull, false, sizeof(onull));
		out[O_LINE] = r->in[0];
		out[O_CODE] = r->in[1];
		onull[O_CODE] = r->null[1];
		out[O_NAME] = r->in[2];
		onull[O_NAME] = r->null[2];
		out[O_NO] = Int32GetDatum(p->no);
		onull[O_TEXT] = p->text.s == NULL;
		if (p->text.s)
			out[O_TEXT] = PointerGetDatum(cstring_to_text_with_len(p->text.s, p->text.len));
		if (!kind->survey)
		{
			read_number(r, p, PE_FC_POINTS, kind->headers[PE_FC_POINTS], &out[O_A], &onull[O_A], &pr);
			read_number(r, p, PE_FC_DEDUCTION, kind->headers[PE_FC_DEDUCTION], &out[O_B], &onull[O_B], &pr);
			/* no deduction written: none */
			if (onull[O_B] && !p->has[PE_FC_DEDUCTION])
			{
				out[O_B] = NumericGetDatum(int64_to_numeric(0));
				onull[O_B] = false;
			}
			onull[O_C] = p->reason.s == NULL;
			if (p->reason.s)
				out[O_C] = PointerGetDatum(cstring_to_text_with_len(p->reason.s, p->reason.len));
		}
		else
		{
			Datum		n;
			bool		nnull;

			read_number(r, p, PE_FS_RESPONDENTS, kind->headers[PE_FS_RESPONDENTS], &n, &nnull, &pr);
			/* (a whole number in range: the core checked) */
			onull[O_A] = nnull || p->problem[PE_FS_RESPONDENTS] != PE_FX_OK;
			if (!onull[O_A])
				out[O_A] = DirectFunctionCall1(numeric_int4, n);
			read_number(r, p, PE_FS_COEFFICIENT, kind->headers[PE_FS_COEFFICIENT], &out[O_B], &onull[O_B], &pr);
		}
		for (int k = 0; k < kind->nfields; k++)
		{
			int			problem = p->problem[k];
			const char *v = raw(r, k);

			if (problem == PE_FX_OK)
				continue;
			pe_add_problem(&pr, kind->headers[k], v, pe_form_part_sqlstate(problem),
						   psprintf(pe_form_part_message(problem), kind->headers[k], v ? v : ""),
						   pe_form_part_hint(problem));
		}
		pe_put_problems(&pr, out, onull, ncols - 5);
		tuplestore_putvalues(ts, outdesc, out, onull);
	}
}

/* The staged rows of kind, grouped by form and indicator, each group read by the core. */
static Datum
read_parts(FunctionCallInfo fcinfo, const PartKind *kind)
{
	TupleDesc	outdesc;
	Tuplestorestate *ts;
	MemoryContext old,
				group_cxt;
	Portal		portal;
	StringInfoData q;
	Staged	   *rows = NULL;
	int			nrows = 0,
				caprows = 0;

	ts = pe_begin_set(fcinfo, O_COUNT(kind), kind->fname, &outdesc);
	initStringInfo(&q);
	appendStringInfoString(&q, "SELECT s.line, s.\"项目编码\"");
	for (int k = 0; k < kind->nfields; k++)
		appendStringInfo(&q, ", s.%s", quote_identifier(kind->headers[k]));
	appendStringInfo(&q, " FROM perfeval_internal.%s s ORDER BY s.\"项目编码\", s.\"三级指标\", s.line", kind->table);
	group_cxt = AllocSetContextCreate(CurrentMemoryContext, "form parts group", ALLOCSET_DEFAULT_SIZES);
	portal = pe_open_rows(q.data, kind->fname);
	for (;;)
	{
		SPI_cursor_fetch(portal, true, 10000);
		if (SPI_processed == 0)
			break;
		for (uint64 t = 0; t < SPI_processed; t++)
		{
			HeapTuple	tup = SPI_tuptable->vals[t];
			Staged		r;

			Assert(SPI_tuptable->tupdesc->natts == 2 + kind->nfields);
			heap_deform_tuple(tup, SPI_tuptable->tupdesc, r.in, r.null);
			/* another form or indicator: read and put out the one before */
			if (nrows > 0 && !(pe_same_field(rows[0].in[1], rows[0].null[1], r.in[1], r.null[1]) &&
							 pe_same_field(rows[0].in[2], rows[0].null[2], r.in[2], r.null[2])))
			{
				old = MemoryContextSwitchTo(group_cxt);
				emit_group(kind, rows, nrows, ts, outdesc);
				MemoryContextSwitchTo(old);
				MemoryContextReset(group_cxt);
				rows = NULL;
				nrows = caprows = 0;
			}
			/* (one copy of the row, its fields pointing into it) */
			old = MemoryContextSwitchTo(group_cxt);
			heap_deform_tuple(heap_copytuple(tup), SPI_tuptable->tupdesc, r.in, r.null);
			MemoryContextSwitchTo(old);
			old = MemoryContextSwitchTo(group_cxt);
			if (nrows == caprows)
			{
				caprows = caprows ? 2 * caprows : 16;
				rows = rows ? repalloc(rows, sizeof(Staged) * caprows) : palloc(sizeof(Staged) * caprows);
			}
			rows[nrows++] = r;
			MemoryContextSwitchTo(old);
		}
		SPI_freetuptable(SPI_tuptable);
	}
	if (nrows > 0)
	{
		old = MemoryContextSwitchTo(group_cxt);
		emit_group(kind, rows, nrows, ts, outdesc);
		MemoryContextSwitchTo(old);
	}
	SPI_cursor_close(portal);
	SPI_finish();
	MemoryContextDelete(group_cxt);
	return (Datum) 0;
}

/* perfeval_internal.form_points(): every staged checklist point, read. */
PG_FUNCTION_INFO_V1(pe_form_points);
Datum
pe_form_points(PG_FUNCTION_ARGS)
{
	return read_parts(fcinfo, &points_kind);
}

/* perfeval_internal.form_answers(): every staged survey answer, read. */
PG_FUNCTION_INFO_V1(pe_form_answers);
Datum
pe_form_answers(PG_FUNCTION_ARGS)
{
	return read_parts(fcinfo, &answers_kind);
}
