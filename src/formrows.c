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
#include "utils/tuplestore.h"
#include "utils/typcache.h"
#include "pgstat.h"
#include "utils/timestamp.h"
#include "catalog/pg_type.h"
#include "lib/stringinfo.h"
#include "utils/array.h"

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
"  LEFT JOIN (SELECT p.project_code AS code, min(p.year)::text AS year, max(p.offs) AS offs"
"               FROM perfeval_internal.form_projects() p GROUP BY 1) y ON y.code = s.\"项目编码\""
" ORDER BY s.\"项目编码\", s.line";

/* The output columns (form_rows()'s OUT parameters), in order. */
enum
{
	OUT_LINE, OUT_CODE, OUT_L1, OUT_L2, OUT_NAME, OUT_WEIGHT, OUT_SCORE, OUT_NOTE, OUT_NATURE,
	OUT_TARGET_RAW, OUT_ACTUAL_RAW, OUT_QUALITATIVE, OUT_TARGET_TEXT, OUT_ACTUAL_TEXT, OUT_OFFS,
	OUT_CHECKLIST, OUT_SURVEY, OUT_ORDINAL, OUT_OCCURRENCE, OUT_L1_FIRST, OUT_L2_FIRST, OUT_L1N,
	OUT_L2N, OUT_L3N, OUT_WEIGHT_P, OUT_SCORE_P, OUT_TARGET_P, OUT_ACTUAL_P, OUT_ICODE, OUT_SEQ,
	OUT_SOURCE, OUT_METHOD_RAW, OUT_METHOD_P, OUT_APPLICABLE, OUT_WEIGHT_N, OUT_SCORE_N, OUT_TGT, OUT_MSR,
	OUT_FORM_ROWS, OUT_FORM_WEIGHTED, OUT_TOO_LARGE, OUT_L1_POINTS, OUT_WEIGHT_MARK,
	OUT_PCOLUMNS, OUT_PVALUES, OUT_PSTATES, OUT_PMESSAGES, OUT_PHINTS,
	OUT_COUNT
};

/* One staged row of the form being numbered. */
typedef struct Row
{
	Datum		in[IN_COUNT];
	bool		null[IN_COUNT];
} Row;

/* A text field as the core sees it (NULL: a NULL field). */
static PeFormField
field(const Row *r, int col)
{
	PeFormField f = {NULL, 0};

	if (!r->null[col])
	{
		f.s = VARDATA_ANY(DatumGetPointer(r->in[col]));
		f.len = VARSIZE_ANY_EXHDR(DatumGetPointer(r->in[col]));
	}
	return f;
}

/* A field as a C string for the core's composition: NULL when blank or a mark. */
static char *
cstr_unless_mark(const Row *r, int col)
{
	PeFormField f = field(r, col);

	if (f.s == NULL || pe_form_is_mark(f.s, f.len))
		return NULL;
	return TextDatumGetCString(r->in[col]);
}

/*
 * A value without a label that restates the indicator's name (合格率≥95% of
 * 验收合格率 is ≥95%), when the value does not read as written but does
 * without it (pe_form_label_len()).
 */
static char *
without_label(char *v, bool measure, const PeFormField *name)
{
	size_t		len,
				k;
	PeQuant		q;
	PeError		err;
	char	   *buf;

	if (v == NULL || name->s == NULL)
		return v;
	len = strlen(v);
	k = pe_form_label_len(v, len, name->s, name->len);
	if (k == 0)
		return v;
	buf = palloc(len + 1);
	if ((measure ? pe_parse_measure(v, len, &q, buf, &err) : pe_parse_target(v, len, &q, buf, &err)) == PE_OK ||
		(measure ? pe_parse_measure(v + k, len - k, &q, buf, &err) :
		 pe_parse_target(v + k, len - k, &q, buf, &err)) != PE_OK)
		return v;
	return pstrdup(v + k);
}

/* A field as staged, as a C string, or NULL. */
static const char *
raw(const Row *r, int col)
{
	return r->null[col] ? NULL : TextDatumGetCString(r->in[col]);
}

/* The sign of a numeric: -1, 0 or 1. */
static int
numeric_sign_of(Datum n)
{
	return DatumGetInt32(DirectFunctionCall2(numeric_cmp, n, NumericGetDatum(int64_to_numeric(0))));
}

/* 分值 or 得分 as the number it gives: without a trailing 分 (the core's rule). */
text *
pe_points_text(const PeFormField *f)
{
	return cstring_to_text_with_len(f->s, pe_form_points_len(f->s, f->len));
}

/* A text datum of s[0, len), or NULL (*isnull) when s is NULL or empty. */
static void
text_or_null(const char *s, size_t len, Datum *out, bool *isnull)
{
	*isnull = s == NULL || len == 0;
	if (!*isnull)
		*out = PointerGetDatum(cstring_to_text_with_len(s, len));
}

/*
 * A field read by the core (pe_form_read()): its value (field k of the
 * parsed fields) into out[vi], and its error, if it has one, as a parsed
 * value into out[ei], else NULL there (1.13: a parsed value per field and
 * row made the rows twice as wide and each later look at them slower).
 */
static bool
read_field(text *v, PeFieldKind kind, int k, int vi, int ei, Datum *out, bool *onull, TupleDesc parsed,
		   PeProblems *pr, const char *column, const char *value)
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
	{
		out[ei] = HeapTupleGetDatum(heap_form_tuple(parsed, values, nulls));
		pe_add_problem(pr, column, value, TextDatumGetCString(values[3]), TextDatumGetCString(values[4]),
					TextDatumGetCString(values[5]));
	}
	return has;
}

/*
 * Read the rows of one form (in line order) by the core's form reader
 * (pe_form_read_rows(): merged cells, points in level-1 cells, marks,
 * numbering) and put them out.  count is how many rows the form has (only
 * the first PE_FORM_MAX_ROWS + 1 are kept in rows: a larger form is not
 * read, one row of it goes out saying so).
 */
/* The columns the import neither writes nor checks (form_rows(true)). */
static const int unwritten[] = {
	OUT_WEIGHT, OUT_SCORE, OUT_NATURE, OUT_TARGET_RAW, OUT_ACTUAL_RAW, OUT_TARGET_TEXT, OUT_ACTUAL_TEXT,
	OUT_WEIGHT_P, OUT_SCORE_P, OUT_TARGET_P, OUT_ACTUAL_P, OUT_METHOD_P
};

static void
emit_form(Row *rows, int n, int64 count, Tuplestorestate *ts, TupleDesc outdesc, TupleDesc parsed,
		  bool narrow)
{
	PeFormRow  *fr = palloc0(sizeof(PeFormRow) * n);
	PeFormRead	rd;
	int32		offs = DatumGetInt32(rows[0].in[IN_OFFS]);
	static const int cols[PE_FF_COUNT] = {
		IN_L1, IN_L2, IN_NAME, IN_NATURE, IN_TARGET, IN_UNIT, IN_WEIGHT, IN_ACTUAL, IN_SCORE, IN_NOTE
	};

	for (int i = 0; i < n; i++)
	{
		fr[i].line = DatumGetInt32(rows[i].in[IN_LINE]);
		for (int k = 0; k < PE_FF_COUNT; k++)
			fr[i].f[k] = field(&rows[i], cols[k]);
	}
	memset(&rd, 0, sizeof(rd));
	if (count > PE_FORM_MAX_ROWS)
	{
		rd.rows = (int) Min(count, PG_INT32_MAX);
		rd.too_large = true;
		rd.weighted = 0;
	}
	else
		(void) pe_form_read_rows(fr, n, offs, &rd);
	for (int i = 0; i < n; i++)
	{
		Row		   *r = &rows[i];
		PeFormRow  *f = &fr[i];
		Datum		out[OUT_COUNT];
		bool		onull[OUT_COUNT];
		char	   *nature = r->null[IN_NATURE] ? NULL : TextDatumGetCString(r->in[IN_NATURE]),
				   *method = NULL,
				   *value = cstr_unless_mark(r, IN_TARGET),
				   *unit = cstr_unless_mark(r, IN_UNIT),
				   *actual = cstr_unless_mark(r, IN_ACTUAL),
				   *year = r->null[IN_YEAR] ? NULL : TextDatumGetCString(r->in[IN_YEAR]);
		size_t		room;
		char	   *buf;
		size_t		nb = 0,
					ne = 0;
		bool		qualitative,
					has_score,
					has_target;
		const char *source;
		PeProblems	pr = {{NULL, NULL, NULL, NULL, NULL}};

		/* a note that changes nothing after 指标值 (≥95%（含）): dropped */
		if (value && pe_form_value_len(value, strlen(value)) < strlen(value))
			value[pe_form_value_len(value, strlen(value))] = '\0';
		/* a label restating the name in front of 指标值 or 实际完成值: dropped */
		value = without_label(value, false, &f->f[PE_FF_NAME]);
		actual = without_label(actual, true, &f->f[PE_FF_NAME]);
		room = PE_FORM_TEXT_EXTRA + (nature ? strlen(nature) : 0) + (value ? strlen(value) : 0) +
			(unit ? strlen(unit) : 0) + (actual ? strlen(actual) : 0);
		buf = palloc(room);
		memset(onull, false, sizeof(onull));
		out[OUT_FORM_ROWS] = Int32GetDatum(rd.rows);
		out[OUT_FORM_WEIGHTED] = Int32GetDatum(rd.weighted);
		out[OUT_TOO_LARGE] = BoolGetDatum(rd.too_large);
		if (rd.too_large)
		{
			/* one row says the form is too large; nothing of it is read */
			for (int c = 0; c < OUT_COUNT; c++)
				onull[c] = c < OUT_FORM_ROWS || c >= OUT_L1_POINTS;
			out[OUT_WEIGHT_MARK] = BoolGetDatum(false);
			out[OUT_LINE] = r->in[IN_LINE];
			onull[OUT_LINE] = false;
			out[OUT_CODE] = r->in[IN_CODE];
			onull[OUT_CODE] = r->null[IN_CODE];
			tuplestore_putvalues(ts, outdesc, out, onull);
			break;
		}
		if (f->skip)
			continue;
		/* 指标性质 is its comparator (or 定性) and a bracketed method */
		if (nature && pe_form_is_mark(nature, strlen(nature)))
			nature = NULL;
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
		/* a kind of indicator (定量, 正向, 反向 …): the comparator it stands for */
		{
			const char *a = nature ? pe_form_nature_alias(nature, strlen(nature)) : NULL;

			if (a)
				nature = *a ? pstrdup(a) : NULL;
		}
		if (nature)
			pe_form_trim(nature, strlen(nature), &nb, &ne);
		qualitative = ne - nb == strlen("定性") && memcmp(nature + nb, "定性", ne - nb) == 0;

		out[OUT_LINE] = r->in[IN_LINE];
		out[OUT_CODE] = r->in[IN_CODE];
		onull[OUT_CODE] = r->null[IN_CODE];
		/* the levels as read: a merged cell's inherited, points removed */
		text_or_null(f->l1, f->l1_len, &out[OUT_L1], &onull[OUT_L1]);
		text_or_null(f->l2, f->l2_len, &out[OUT_L2], &onull[OUT_L2]);
		out[OUT_NAME] = r->in[IN_NAME];
		onull[OUT_NAME] = r->null[IN_NAME];
		/* a mark is no weight and no score */
		out[OUT_WEIGHT] = r->in[IN_WEIGHT];
		onull[OUT_WEIGHT] = r->null[IN_WEIGHT];
		out[OUT_SCORE] = r->in[IN_SCORE];
		onull[OUT_SCORE] = r->null[IN_SCORE];
		/* a note that says something (0, 无, / say nothing) */
		onull[OUT_NOTE] = true;
		if (f->has_note)
		{
			size_t		b,
						e;

			pe_form_strip(f->f[PE_FF_NOTE].s, f->f[PE_FF_NOTE].len, &b, &e);
			text_or_null(f->f[PE_FF_NOTE].s + b, e - b, &out[OUT_NOTE], &onull[OUT_NOTE]);
		}
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
		out[OUT_ORDINAL] = Int64GetDatum(f->ordinal);
		out[OUT_OCCURRENCE] = Int64GetDatum(f->occurrence);
		out[OUT_L1_FIRST] = Int32GetDatum(f->l1_first);
		out[OUT_L2_FIRST] = Int32GetDatum(f->l2_first);
		out[OUT_L1N] = Int64GetDatum(f->l1n);
		out[OUT_L2N] = Int64GetDatum(f->l2n);
		out[OUT_L3N] = Int64GetDatum(f->l3n);
		/*
		 * The row's problems, as import_error keeps them (1.16: in C, from
		 * the core's reading; 1.15 restated thirteen checks in SQL)
		 */
		if (f->l1 == NULL || f->l1_len == 0)
			pe_add_problem(&pr, "一级指标", raw(r, IN_L1), "23502", "an indicator without 一级指标",
						"Give the level-1 indicator.");
		if (f->l2 == NULL || f->l2_len == 0)
			pe_add_problem(&pr, "二级指标", raw(r, IN_L2), "23502", "an indicator without 二级指标",
						"Give the level-2 indicator.");
		if (pe_form_is_blank(f->f[PE_FF_NAME].s, f->f[PE_FF_NAME].len))
			pe_add_problem(&pr, "三级指标", raw(r, IN_NAME), "23502", "an indicator without 三级指标",
						"Give the level-3 indicator.");
		if (f->occurrence > 1)
			pe_add_problem(&pr, "三级指标", raw(r, IN_NAME), "23505",
						psprintf("indicator \"%.*s / %.*s / %s\" appears twice in the form", (int) f->l1_len,
								 f->l1 ? f->l1 : "", (int) f->l2_len, f->l2 ? f->l2 : "", raw(r, IN_NAME)),
						"One row per level-3 indicator: remove or rename the repeated one.");
		(void) read_field(r->null[IN_WEIGHT] || f->weight_mark ? NULL : pe_points_text(&f->f[PE_FF_WEIGHT]),
						  PE_FIELD_NUMBER, 0, OUT_WEIGHT_N, OUT_WEIGHT_P, out, onull, parsed,
						  &pr, "分值", raw(r, IN_WEIGHT));
		/* a weight above 0 (none at all in the form: one problem for the form) */
		if (onull[OUT_WEIGHT_P] && !f->weight_mark && rd.weighted > 0 &&
			(onull[OUT_WEIGHT_N] || numeric_sign_of(out[OUT_WEIGHT_N]) <= 0))
			pe_add_problem(&pr, "分值", raw(r, IN_WEIGHT), "23514",
						psprintf("分值 must be a positive number: \"%s\"", raw(r, IN_WEIGHT) ? raw(r, IN_WEIGHT) : ""),
						"The indicator's weight, such as 18.");
		has_score = read_field(r->null[IN_SCORE] || (f->marks & (1u << PE_FF_SCORE)) ? NULL :
							   pe_points_text(&f->f[PE_FF_SCORE]),
							   PE_FIELD_NUMBER, 0, OUT_SCORE_N, OUT_SCORE_P, out, onull, parsed,
							   &pr, "得分", raw(r, IN_SCORE));
		if (!onull[OUT_SCORE_N] && numeric_sign_of(out[OUT_SCORE_N]) < 0)
			pe_add_problem(&pr, "得分", raw(r, IN_SCORE), "23514", psprintf("得分 is negative: \"%s\"", raw(r, IN_SCORE)),
						"Scores are 0 or more.");
		if (nb < ne && !qualitative && pe_form_comparator(nature) != ne - nb)
			pe_add_problem(&pr, "指标性质", pnstrdup(nature + nb, ne - nb), "22023",
						psprintf("unknown 指标性质: \"%.*s\"", (int) (ne - nb), nature + nb),
						"Empty (指标值 holds the whole target), 定性, or a comparator: ≥ ≤ ＝ ═ ≧ ≦ > < 不低于 不高于 ….");
		has_target = read_field(onull[OUT_TARGET_TEXT] ? NULL : DatumGetTextPP(out[OUT_TARGET_TEXT]),
								PE_FIELD_TARGET, 1, OUT_TGT, OUT_TARGET_P, out, onull, parsed,
								&pr, "指标值", raw(r, IN_TARGET));
		(void) read_field(onull[OUT_ACTUAL_TEXT] ? NULL : DatumGetTextPP(out[OUT_ACTUAL_TEXT]),
						  PE_FIELD_MEASURE, 2, OUT_MSR, OUT_ACTUAL_P, out, onull, parsed,
						  &pr, "实际完成值", raw(r, IN_ACTUAL));
		/* a row that prints its 得分 is judged by it (with a finding), 1.16 */
		if (!onull[OUT_TGT] && !onull[OUT_MSR] && !has_score && f->applicable)
		{
			PeQuant		t,
						a;

			pe_quant_unpack(out[OUT_TGT], &t);
			pe_quant_unpack(out[OUT_MSR], &a);
			if (!pe_units_comparable(&t, &a))
				pe_add_problem(&pr, "实际完成值", raw(r, IN_ACTUAL), "22023",
							psprintf("actual \"%s\" cannot be compared with target \"%s\"",
									 raw(r, IN_ACTUAL) ? raw(r, IN_ACTUAL) : "", TextDatumGetCString(out[OUT_TARGET_TEXT])),
							"Write the actual in the target's unit (or one convertible to it: 元/万元/亿元, 天/月/年).");
		}
		/* level 1 a letter (after A, the execution-rate row's), levels 2 and 3 numbers */
		out[OUT_ICODE] = CStringGetTextDatum(f->l2n > 9 || f->l3n > 9 ?
											 psprintf("%c%d-%d", (char) (64 + offs + f->l1n), f->l2n, f->l3n) :
											 psprintf("%c%d%d", (char) (64 + offs + f->l1n), f->l2n, f->l3n));
		out[OUT_SEQ] = Int64GetDatum(f->ordinal + offs);
		/* where the score comes from (the core's rule) */
		source = pe_form_row_source(f, DatumGetBool(r->in[IN_CHECKLIST]), DatumGetBool(r->in[IN_SURVEY]),
									has_target, has_score, qualitative);
		out[OUT_SOURCE] = CStringGetTextDatum(source);
		onull[OUT_METHOD_RAW] = method == NULL;
		if (method)
			out[OUT_METHOD_RAW] = CStringGetTextDatum(method);
		(void) read_field(method ? cstring_to_text(method) : NULL, PE_FIELD_METHOD, 0, -1, OUT_METHOD_P,
						  out, onull, parsed, &pr, "指标性质", method);
		pe_put_problems(&pr, out, onull, OUT_PCOLUMNS);
		out[OUT_APPLICABLE] = BoolGetDatum(f->applicable);
		onull[OUT_L1_POINTS] = !f->l1_has_points;
		if (f->l1_has_points)
			out[OUT_L1_POINTS] = NumericGetDatum(pe_fixed_to_numeric(f->l1_points));
		out[OUT_WEIGHT_MARK] = BoolGetDatum(f->weight_mark);
		/* the import's call: only what it writes and checks (narrower rows to keep) */
		if (narrow)
			for (int c = 0; c < lengthof(unwritten); c++)
				onull[unwritten[c]] = true;
		tuplestore_putvalues(ts, outdesc, out, onull);
	}
}

/*
 * perfeval_internal.form_rows(): SETOF the columns of form_indicator_rows,
 * materialized: each form's rows go to the tuplestore as it is numbered.
 * form_rows(true), the import's: the raw texts and the parsed fields' errors
 * (already among the problems) left NULL.
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
	Row		   *rows = NULL;
	int			nrows = 0,
				caprows = 0;
	int64		count = 0,
				forms = 0;
	TimestampTz started = GetCurrentTimestamp();
	bool		narrow = PG_NARGS() > 0 && !PG_ARGISNULL(0) && PG_GETARG_BOOL(0);

	ts = pe_begin_set(fcinfo, OUT_COUNT, "form_rows()", &outdesc);
	old = MemoryContextSwitchTo(rsinfo->econtext->ecxt_per_query_memory);
	parsed = BlessTupleDesc(lookup_rowtype_tupdesc_copy(TupleDescAttr(outdesc, OUT_WEIGHT_P)->atttypid, -1));
	MemoryContextSwitchTo(old);

	form_cxt = AllocSetContextCreate(CurrentMemoryContext, "form_rows form", ALLOCSET_DEFAULT_SIZES);
	emit_cxt = AllocSetContextCreate(CurrentMemoryContext, "form_rows emit", ALLOCSET_DEFAULT_SIZES);
	portal = pe_open_rows(rows_query, "form_rows()");
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

			Assert(d->natts == IN_COUNT);
			heap_deform_tuple(tup, d, r.in, r.null);
			/* a new form: read and put out the one before, then forget it */
			if (nrows > 0 && !pe_same_field(rows[0].in[IN_CODE], rows[0].null[IN_CODE], r.in[IN_CODE], r.null[IN_CODE]))
			{
				old = MemoryContextSwitchTo(emit_cxt);
				emit_form(rows, nrows, count, ts, outdesc, parsed, narrow);
				MemoryContextSwitchTo(old);
				MemoryContextReset(emit_cxt);
				MemoryContextReset(form_cxt);
				rows = NULL;
				nrows = caprows = 0;
				count = 0;
				if (++forms % 1000 == 0)
					pe_import_progress("reading forms", forms, -1, started);
			}
			/* more rows than a project holds: counted, not kept (nor read) */
			if (++count > PE_FORM_MAX_ROWS + 1)
				continue;
			old = MemoryContextSwitchTo(form_cxt);
			/* (one copy of the row, its fields pointing into it) */
			heap_deform_tuple(heap_copytuple(tup), d, r.in, r.null);
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
		emit_form(rows, nrows, count, ts, outdesc, parsed, narrow);
		MemoryContextSwitchTo(old);
	}
	SPI_cursor_close(portal);
	SPI_finish();
	MemoryContextDelete(emit_cxt);
	MemoryContextDelete(form_cxt);
	return (Datum) 0;
}

