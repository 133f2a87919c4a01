/*
 * formrows.c
 *		perfeval_internal.form_rows(): every staged indicator row of a form,
 *		as the import writes it, in one pass.  The staged rows are read once,
 *		in form order (项目编码, line); a form's rows (a few dozen) are then
 *		numbered in memory: the order, a repeated indicator, the level-1
 *		letter and level-2 / level-3 numbers of its code, where its score
 *		comes from, and each field composed and parsed by the core.  1.8's
 *		first version did this with seven window functions over the staged
 *		rows in SQL (four sorts of two million wide rows).
 *
 * Runs as its caller: the staging tables' policies decide which rows it
 * reads (a loader's own).
 */
#include "perfeval.h"

#include "access/htup_details.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/memutils.h"
#include "utils/datum.h"
#include "utils/tuplestore.h"
#include "utils/typcache.h"

/* The columns the query below gives, in order. */
enum
{
	IN_LINE, IN_CODE, IN_L1, IN_L2, IN_NAME, IN_WEIGHT, IN_SCORE, IN_NOTE, IN_NATURE,
	IN_TARGET, IN_UNIT, IN_ACTUAL, IN_YEAR, IN_OFFS, IN_CHECKLIST, IN_SURVEY, IN_COUNT
};

static const char *const rows_query =
"SELECT s.line, s.\"项目编码\", s.\"一级指标\", s.\"二级指标\", s.\"三级指标\", s.\"分值\", s.\"得分\","
"       s.\"偏差原因分析及改进措施\", s.\"指标性质\", s.\"指标值\", s.\"度量单位\", s.\"实际完成值\", y.year,"
"       coalesce(y.offs, 0),"
"       EXISTS (SELECT FROM perfeval_internal.staged_checklist c"
"                WHERE c.\"项目编码\" = s.\"项目编码\" AND c.\"三级指标\" = s.\"三级指标\"),"
"       EXISTS (SELECT FROM perfeval_internal.staged_survey v"
"                WHERE v.\"项目编码\" = s.\"项目编码\" AND v.\"三级指标\" = s.\"三级指标\")"
"  FROM perfeval_internal.staged_indicator s"
"  LEFT JOIN (SELECT p.\"项目编码\" AS code, min(btrim(p.\"年度\")) AS year,"
"                    max(perfeval_internal.form_offs(p.\"预算执行率分值\")) AS offs"
"               FROM perfeval_internal.staged_project p GROUP BY 1) y ON y.code = s.\"项目编码\""
" ORDER BY s.\"项目编码\", s.line";

/* The output columns (form_rows()'s OUT parameters), in order. */
enum
{
	OUT_LINE, OUT_CODE, OUT_L1, OUT_L2, OUT_NAME, OUT_WEIGHT, OUT_SCORE, OUT_NOTE, OUT_NATURE,
	OUT_TARGET_RAW, OUT_ACTUAL_RAW, OUT_QUALITATIVE, OUT_TARGET_TEXT, OUT_ACTUAL_TEXT, OUT_OFFS,
	OUT_CHECKLIST, OUT_SURVEY, OUT_ORDINAL, OUT_OCCURRENCE, OUT_L1_FIRST, OUT_L2_FIRST, OUT_L1N,
	OUT_L2N, OUT_L3N, OUT_WEIGHT_P, OUT_SCORE_P, OUT_TARGET_P, OUT_ACTUAL_P, OUT_ICODE, OUT_SEQ,
	OUT_SOURCE, OUT_METHOD_RAW, OUT_METHOD_P, OUT_APPLICABLE, OUT_WEIGHT_N, OUT_SCORE_N, OUT_TGT, OUT_MSR,
	OUT_COUNT
};

/* One staged row of the form being numbered. */
typedef struct Row
{
	Datum		in[IN_COUNT];
	bool		null[IN_COUNT];
} Row;

/* Two text fields equal as a window's PARTITION BY sees them (NULLs together). */
static bool
same(const Row *a, const Row *b, int col)
{
	const char *x,
			   *y;

	if (a->null[col] || b->null[col])
		return a->null[col] && b->null[col];
	x = DatumGetPointer(a->in[col]);
	y = DatumGetPointer(b->in[col]);
	return VARSIZE_ANY_EXHDR(x) == VARSIZE_ANY_EXHDR(y) &&
		memcmp(VARDATA_ANY(x), VARDATA_ANY(y), VARSIZE_ANY_EXHDR(x)) == 0;
}

/* A text field as a C string, or NULL. */
static char *
cstr(const Row *r, int col)
{
	return r->null[col] ? NULL : TextDatumGetCString(r->in[col]);
}

/* A text field without its leading and trailing spaces: [*p, *p + *n). */
static void
trimmed(const Row *r, int col, const char **p, int *n)
{
	size_t		b = 0,
				e = 0;

	*p = "";
	if (!r->null[col])
	{
		*p = VARDATA_ANY(DatumGetPointer(r->in[col]));
		pe_form_trim(*p, VARSIZE_ANY_EXHDR(DatumGetPointer(r->in[col])), &b, &e);
		*p += b;
	}
	*n = (int) (e - b);
}

/* Is a text field, spaces trimmed, exactly lit?  (NULL is ''.) */
static bool
trimmed_is(const Row *r, int col, const char *lit)
{
	const char *s;
	int			n;

	trimmed(r, col, &s, &n);
	return n == (int) strlen(lit) && memcmp(s, lit, n) == 0;
}

/* nullif(btrim(v), '') */
static void
trimmed_or_null(const Row *r, int col, Datum *out, bool *isnull)
{
	const char *s;
	int			n;

	trimmed(r, col, &s, &n);
	*isnull = n == 0;
	if (n > 0)
		*out = PointerGetDatum(cstring_to_text_with_len(s, n));
}

/*
 * A field read by the core (pe_form_read()): its value (field k of the
 * parsed fields) into out[vi], and its error, if it has one, as a parsed
 * value into out[ei], else NULL there (1.13: a parsed value per field and
 * row made the rows twice as wide and each later look at them slower).
 */
static bool
read_field(text *v, PeFieldKind kind, int k, int vi, int ei, Datum *out, bool *onull, TupleDesc parsed)
{
	Datum		values[6];
	bool		nulls[6];
	bool		has;

	pe_form_read(v, kind, values, nulls, &has);
	if (vi >= 0)
	{
		out[vi] = values[k];
		onull[vi] = nulls[k];
	}
	onull[ei] = nulls[3];
	if (!nulls[3])
		out[ei] = HeapTupleGetDatum(heap_form_tuple(parsed, values, nulls));
	return has;
}

/* Number the rows of one form (in line order) and put them out. */
static void
emit_form(Row *rows, int n, Tuplestorestate *ts, TupleDesc outdesc, TupleDesc parsed)
{
	int32	   *f1 = palloc(sizeof(int32) * n),
			   *f2 = palloc(sizeof(int32) * n);
	bool	   *opens1 = palloc(sizeof(bool) * n),
			   *opens2 = palloc(sizeof(bool) * n);

	/*
	 * Each row's first line of its level 1 and of its level 2, and whether
	 * it is that first row (it opens its level 1 / level 2): the dense ranks
	 * below count the openers up to a row's first lines.
	 */
	for (int i = 0; i < n; i++)
	{
		f1[i] = f2[i] = DatumGetInt32(rows[i].in[IN_LINE]);
		opens1[i] = opens2[i] = true;
		for (int j = 0; j < i; j++)
			if (same(&rows[j], &rows[i], IN_L1))
			{
				f1[i] = Min(f1[i], f1[j]);
				opens1[i] = false;
				if (same(&rows[j], &rows[i], IN_L2))
				{
					f2[i] = Min(f2[i], f2[j]);
					opens2[i] = false;
				}
			}
	}
	for (int i = 0; i < n; i++)
	{
		Row		   *r = &rows[i];
		Datum		out[OUT_COUNT];
		bool		onull[OUT_COUNT];
		int64		occurrence = 0,
					l1n = 0,
					l2n = 0,
					l3n = 0;
		int32		offs = DatumGetInt32(r->in[IN_OFFS]);
		char	   *nature = cstr(r, IN_NATURE),
				   *method = NULL,
				   *value = cstr(r, IN_TARGET),
				   *unit = cstr(r, IN_UNIT),
				   *actual = cstr(r, IN_ACTUAL),
				   *year = cstr(r, IN_YEAR);
		size_t		room = PE_FORM_TEXT_EXTRA + (nature ? strlen(nature) : 0) + (value ? strlen(value) : 0) +
			(unit ? strlen(unit) : 0) + (actual ? strlen(actual) : 0);
		char	   *buf = palloc(room);
		size_t		nb = 0,
					ne = 0;
		bool		qualitative,
					has_score,
					has_target,
					has_actual;
		const char *source;

		memset(onull, false, sizeof(onull));
		/* 指标性质 is its comparator (or 定性) and a bracketed method */
		if (nature)
		{
			size_t		len = strlen(nature),
						mb,
						me,
						k = pe_form_nature_method(nature, len, &mb, &me);

			if (k < len)
			{
				method = pnstrdup(nature + mb, me - mb);
				nature[k] = '\0';
			}
		}
		if (nature)
			pe_form_trim(nature, strlen(nature), &nb, &ne);
		qualitative = ne - nb == strlen("定性") && memcmp(nature + nb, "定性", ne - nb) == 0;
		for (int j = 0; j < n; j++)
		{
			/* dense ranks: the level 1s (2s within ours) opened up to ours */
			if (opens1[j] && f1[j] <= f1[i])
				l1n++;
			if (!same(&rows[j], r, IN_L1))
				continue;
			if (opens2[j] && f2[j] <= f2[i])
				l2n++;
			if (j <= i && same(&rows[j], r, IN_L2))
			{
				l3n++;
				if (same(&rows[j], r, IN_NAME))
					occurrence++;
			}
		}

		out[OUT_LINE] = r->in[IN_LINE];
		for (int c = IN_CODE; c <= IN_SCORE; c++)
		{
			out[OUT_CODE + (c - IN_CODE)] = r->in[c];
			onull[OUT_CODE + (c - IN_CODE)] = r->null[c];
		}
		trimmed_or_null(r, IN_NOTE, &out[OUT_NOTE], &onull[OUT_NOTE]);
		onull[OUT_NATURE] = nb == ne;
		if (nb < ne)
			out[OUT_NATURE] = PointerGetDatum(cstring_to_text_with_len(nature + nb, ne - nb));
		out[OUT_TARGET_RAW] = r->in[IN_TARGET];
		onull[OUT_TARGET_RAW] = r->null[IN_TARGET];
		out[OUT_ACTUAL_RAW] = r->in[IN_ACTUAL];
		onull[OUT_ACTUAL_RAW] = r->null[IN_ACTUAL];
		out[OUT_QUALITATIVE] = BoolGetDatum(qualitative);
		onull[OUT_TARGET_TEXT] = !pe_form_target(nature, value, unit, year, buf);
		if (!onull[OUT_TARGET_TEXT])
			out[OUT_TARGET_TEXT] = CStringGetTextDatum(buf);
		onull[OUT_ACTUAL_TEXT] = !pe_form_actual(actual, nature, value, year, buf);
		if (!onull[OUT_ACTUAL_TEXT])
			out[OUT_ACTUAL_TEXT] = CStringGetTextDatum(buf);
		out[OUT_OFFS] = Int32GetDatum(offs);
		out[OUT_CHECKLIST] = r->in[IN_CHECKLIST];
		out[OUT_SURVEY] = r->in[IN_SURVEY];
		out[OUT_ORDINAL] = Int64GetDatum(i + 1);
		out[OUT_OCCURRENCE] = Int64GetDatum(occurrence);
		out[OUT_L1_FIRST] = Int32GetDatum(f1[i]);
		out[OUT_L2_FIRST] = Int32GetDatum(f2[i]);
		out[OUT_L1N] = Int64GetDatum(l1n);
		out[OUT_L2N] = Int64GetDatum(l2n);
		out[OUT_L3N] = Int64GetDatum(l3n);
		(void) read_field(r->null[IN_WEIGHT] ? NULL : DatumGetTextPP(r->in[IN_WEIGHT]),
								PE_FIELD_NUMBER, 0, OUT_WEIGHT_N, OUT_WEIGHT_P, out, onull, parsed);
		has_score = read_field(r->null[IN_SCORE] ? NULL : DatumGetTextPP(r->in[IN_SCORE]),
							   PE_FIELD_NUMBER, 0, OUT_SCORE_N, OUT_SCORE_P, out, onull, parsed);
		has_target = read_field(onull[OUT_TARGET_TEXT] ? NULL : DatumGetTextPP(out[OUT_TARGET_TEXT]),
								PE_FIELD_TARGET, 1, OUT_TGT, OUT_TARGET_P, out, onull, parsed);
		has_actual = read_field(onull[OUT_ACTUAL_TEXT] ? NULL : DatumGetTextPP(out[OUT_ACTUAL_TEXT]),
								PE_FIELD_MEASURE, 2, OUT_MSR, OUT_ACTUAL_P, out, onull, parsed);
		/* level 1 a letter (after A, the execution-rate row's), levels 2 and 3 numbers */
		out[OUT_ICODE] = CStringGetTextDatum(l2n > 9 || l3n > 9 ?
											 psprintf("%c" INT64_FORMAT "-" INT64_FORMAT, (char) (64 + offs + l1n), l2n, l3n) :
											 psprintf("%c" INT64_FORMAT INT64_FORMAT, (char) (64 + offs + l1n), l2n, l3n));
		out[OUT_SEQ] = Int64GetDatum(i + 1 + offs);
		/* where the score comes from: the form's money rows from the money columns */
		if (DatumGetBool(r->in[IN_CHECKLIST]))
			source = "checklist";
		else if (DatumGetBool(r->in[IN_SURVEY]))
			source = "survey";
		else if (!has_target && (trimmed_is(r, IN_NAME, "资金到位率") || trimmed_is(r, IN_NAME, "到位率")))
			source = "arrival_rate";
		else if (!has_target && (trimmed_is(r, IN_NAME, "预算执行率") || trimmed_is(r, IN_NAME, "执行率")))
			source = "execution_rate";
		/* only 分值 and 得分 printed: the printed score, kept and flagged */
		else if (!has_target && !has_actual && has_score && !qualitative)
			source = "printed";
		else
			source = "actual";
		out[OUT_SOURCE] = CStringGetTextDatum(source);
		onull[OUT_METHOD_RAW] = method == NULL;
		if (method)
			out[OUT_METHOD_RAW] = CStringGetTextDatum(method);
		(void) read_field(method ? cstring_to_text(method) : NULL, PE_FIELD_METHOD, 0, -1, OUT_METHOD_P,
						  out, onull, parsed);
		out[OUT_APPLICABLE] = BoolGetDatum(!pe_form_not_applicable(actual));
		tuplestore_putvalues(ts, outdesc, out, onull);
	}
}

/*
 * perfeval_internal.form_rows(): SETOF the columns of form_indicator_rows,
 * materialized: each form's rows go to the tuplestore as it is numbered.
 */
PG_FUNCTION_INFO_V1(pe_form_rows);
Datum
pe_form_rows(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	TupleDesc	outdesc,
				parsed;
	Tuplestorestate *ts;
	MemoryContext old,
				form_cxt,
				emit_cxt;
	Portal		portal;
	SPIPlanPtr	plan;
	Row		   *rows = NULL;
	int			nrows = 0,
				caprows = 0;

	if (rsinfo == NULL || !IsA(rsinfo, ReturnSetInfo) || !(rsinfo->allowedModes & SFRM_Materialize))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("form_rows() must be called where a set can be materialized")));
	if (get_call_result_type(fcinfo, NULL, &outdesc) != TYPEFUNC_COMPOSITE || outdesc->natts != OUT_COUNT)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("form_rows() must return the %d columns of form_indicator_rows", OUT_COUNT)));
	old = MemoryContextSwitchTo(rsinfo->econtext->ecxt_per_query_memory);
	outdesc = CreateTupleDescCopy(outdesc);
	parsed = BlessTupleDesc(lookup_rowtype_tupdesc_copy(TupleDescAttr(outdesc, OUT_WEIGHT_P)->atttypid, -1));
	ts = tuplestore_begin_heap(true, false, work_mem);
	rsinfo->returnMode = SFRM_Materialize;
	rsinfo->setResult = ts;
	rsinfo->setDesc = outdesc;
	MemoryContextSwitchTo(old);

	form_cxt = AllocSetContextCreate(CurrentMemoryContext, "form_rows form", ALLOCSET_DEFAULT_SIZES);
	emit_cxt = AllocSetContextCreate(CurrentMemoryContext, "form_rows emit", ALLOCSET_DEFAULT_SIZES);
	SPI_connect();
	plan = SPI_prepare(rows_query, 0, NULL);
	if (plan == NULL)
		elog(ERROR, "perfeval: could not prepare form_rows' query: %s", SPI_result_code_string(SPI_result));
	portal = SPI_cursor_open(NULL, plan, NULL, NULL, true);
	for (;;)
	{
		SPI_cursor_fetch(portal, true, 10000);
		if (SPI_processed == 0)
			break;
		for (uint64 t = 0; t < SPI_processed; t++)
		{
			HeapTuple	tup = SPI_tuptable->vals[t];
			TupleDesc	d = SPI_tuptable->tupdesc;
			Row			r;

			for (int c = 0; c < IN_COUNT; c++)
				r.in[c] = heap_getattr(tup, c + 1, d, &r.null[c]);
			/* a new form: number and put out the one before, then forget it */
			if (nrows > 0 && !same(&rows[0], &r, IN_CODE))
			{
				old = MemoryContextSwitchTo(emit_cxt);
				emit_form(rows, nrows, ts, outdesc, parsed);
				MemoryContextSwitchTo(old);
				MemoryContextReset(emit_cxt);
				MemoryContextReset(form_cxt);
				rows = NULL;
				nrows = caprows = 0;
			}
			old = MemoryContextSwitchTo(form_cxt);
			for (int c = 0; c < IN_COUNT; c++)
				if (!r.null[c])
				{
					Form_pg_attribute a = TupleDescAttr(d, c);

					r.in[c] = datumCopy(r.in[c], a->attbyval, a->attlen);
				}
			if (nrows == caprows)
			{
				caprows = caprows ? 2 * caprows : 64;
				rows = rows ? repalloc(rows, sizeof(Row) * caprows) : palloc(sizeof(Row) * caprows);
			}
			rows[nrows++] = r;
			MemoryContextSwitchTo(old);
		}
		SPI_freetuptable(SPI_tuptable);
	}
	if (nrows > 0)
	{
		old = MemoryContextSwitchTo(emit_cxt);
		emit_form(rows, nrows, ts, outdesc, parsed);
		MemoryContextSwitchTo(old);
	}
	SPI_cursor_close(portal);
	SPI_finish();
	MemoryContextDelete(emit_cxt);
	MemoryContextDelete(form_cxt);
	return (Datum) 0;
}
