/*
 * formproject.c
 *		perfeval_internal.form_projects(): the staged forms' project rows as
 *		the core's form reader reads them (pe_form_read_project()); and the
 *		tables' CHECK constraints by the core's rules
 *		(is_year(), is_division_code(), is_evaluation_kind(),
 *		is_money_unit()).
 */
#include "perfeval.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/memutils.h"
#include "utils/tuplestore.h"

/* form_project's headers, in PE_FP_* order (the staging table's columns). */
static const char *const project_headers[PE_FP_COUNT] = {
	"项目编码", "项目名称", "年度", "行政区划代码", "主管部门", "实施单位", "评价类型", "评分方案", "金额单位",
	"年初预算数", "全年预算数", "实际到位数", "全年执行数", "预算执行率分值", "预算执行率得分", "总分", "评价等级"
};

/* The columns form_projects() gives, in order. */
enum
{
	P_LINE, P_CODE, P_FORMS, P_NTH, P_NAME, P_YEAR, P_DIVISION, P_DEPARTMENT, P_UNIT, P_FROM_UNIT,
	P_KIND, P_SCHEME, P_SCHEME_GIVEN, P_MONEY_UNIT, P_INITIAL, P_BUDGET, P_ARRIVED, P_SPENT,
	P_EXEC_WEIGHT, P_EXEC_SCORE, P_TOTAL, P_GRADE, P_OFFS, P_FUND_LEVEL, P_REPORTED_ON, P_EXEC_CODE,
	P_EXEC_LEVEL1, P_EXEC_LEVEL2, P_EXEC_NAME, P_EXEC_TARGET, P_PCOLUMNS, P_PVALUES, P_PSTATES,
	P_PMESSAGES, P_PHINTS, P_COUNT
};

static Datum
field_text(PeFormField f, bool *isnull)
{
	*isnull = f.s == NULL;
	return f.s ? PointerGetDatum(cstring_to_text_with_len(f.s, f.len)) : (Datum) 0;
}

/*
 * perfeval_internal.form_projects(): every staged form_project row read by
 * the core (pe_form_read_project(): the national defaults, 主管部门 from the
 * 实施单位, each field's problem) as the import writes it, with its
 * problems as arrays (column, value, SQLSTATE, message, hint) and the
 * number of rows staged for its 项目编码 (forms, nth: one form per code).
 * As its caller: the staging's policies apply.
 */
PG_FUNCTION_INFO_V1(pe_form_projects);
Datum
pe_form_projects(PG_FUNCTION_ARGS)
{
	TupleDesc	outdesc;
	Tuplestorestate *ts;
	MemoryContext old,
				row_cxt;
	Portal		portal;
	StringInfoData q;

	ts = pe_begin_set(fcinfo, P_COUNT, "form_projects()", &outdesc);
	initStringInfo(&q);
	appendStringInfoString(&q, "SELECT s.line");
	for (int k = 0; k < PE_FP_COUNT; k++)
		appendStringInfo(&q, ", s.%s", quote_identifier(project_headers[k]));
	appendStringInfoString(&q, ", count(*) OVER w, row_number() OVER (w ORDER BY s.line)"
						   "  FROM perfeval_internal.staged_project s"
						   " WINDOW w AS (PARTITION BY s.\"项目编码\")");
	row_cxt = AllocSetContextCreate(CurrentMemoryContext, "form_projects row", ALLOCSET_DEFAULT_SIZES);
	portal = pe_open_rows(q.data, "form_projects()");
	for (;;)
	{
		SPI_cursor_fetch(portal, true, 10000);
		if (SPI_processed == 0)
			break;
		for (uint64 t = 0; t < SPI_processed; t++)
		{
			HeapTuple	tup = SPI_tuptable->vals[t];
			TupleDesc	d = SPI_tuptable->tupdesc;
			Datum		in[PE_FP_COUNT];
			bool		innull[PE_FP_COUNT],
						isnull;
			PeFormField f[PE_FP_COUNT];
			PeFormProject p;
			Datum		out[P_COUNT];
			bool		onull[P_COUNT];
			PeProblems	pr = {{NULL, NULL, NULL, NULL, NULL}};
			static const int nums[] = {PE_FP_INITIAL, PE_FP_BUDGET, PE_FP_ARRIVED, PE_FP_SPENT,
			PE_FP_EXEC_WEIGHT, PE_FP_EXEC_SCORE, PE_FP_TOTAL};
			static const int numout[] = {P_INITIAL, P_BUDGET, P_ARRIVED, P_SPENT, P_EXEC_WEIGHT,
			P_EXEC_SCORE, P_TOTAL};

			old = MemoryContextSwitchTo(row_cxt);
			memset(onull, false, sizeof(onull));
			for (int k = 0; k < PE_FP_COUNT; k++)
			{
				in[k] = heap_getattr(tup, k + 2, d, &innull[k]);
				f[k].s = innull[k] ? NULL : VARDATA_ANY(DatumGetPointer(in[k] = PointerGetDatum(PG_DETOAST_DATUM_PACKED(in[k]))));
				f[k].len = innull[k] ? 0 : VARSIZE_ANY_EXHDR(DatumGetPointer(in[k]));
			}
			pe_form_read_project(f, &p);


			/* the numbers: the core's form-number rule (a mark is none) */
			for (int j = 0; j < lengthof(nums); j++)
			{
				int			k = nums[j];
				Datum		values[6];
				bool		nulls[6],
							has;

				onull[numout[j]] = true;
				if (innull[k] || pe_form_is_mark(f[k].s, f[k].len))
					continue;
				/* (the points: 93.8分 is 93.8) */
				pe_form_read(k >= PE_FP_EXEC_WEIGHT ? pe_points_text(&f[k]) : DatumGetTextPP(in[k]),
							 PE_FIELD_NUMBER, values, nulls, &has);
				if (!nulls[3])
					pe_add_problem(&pr, project_headers[k], TextDatumGetCString(in[k]), TextDatumGetCString(values[3]),
							TextDatumGetCString(values[4]), TextDatumGetCString(values[5]));
				else if (!nulls[0])
				{
					out[numout[j]] = values[0];
					onull[numout[j]] = false;
				}
			}
			for (int k = 0; k < PE_FP_COUNT; k++)
			{
				int			kind = p.problem[k];
				const char *v = innull[k] ? NULL : TextDatumGetCString(in[k]);
				const char *fmt = pe_form_problem_message(kind);

				if (kind == PE_FP_OK)
					continue;
				pe_add_problem(&pr, project_headers[k], v, pe_form_problem_sqlstate(kind),
							   kind == PE_FP_NEGATIVE ? psprintf(fmt, project_headers[k], v ? v : "") :
							   strstr(fmt, "%s") ? psprintf(fmt, v ? v : "") : fmt,
							   pe_form_problem_hint(kind));
			}

			out[P_LINE] = heap_getattr(tup, 1, d, &isnull);
			out[P_CODE] = in[PE_FP_CODE];
			onull[P_CODE] = innull[PE_FP_CODE];
			out[P_FORMS] = heap_getattr(tup, PE_FP_COUNT + 2, d, &isnull);
			out[P_NTH] = heap_getattr(tup, PE_FP_COUNT + 3, d, &isnull);
			out[P_NAME] = field_text(p.name, &onull[P_NAME]);
			out[P_YEAR] = Int32GetDatum(p.year);
			onull[P_YEAR] = p.year == 0;
			out[P_DIVISION] = field_text(p.division, &onull[P_DIVISION]);
			out[P_DEPARTMENT] = field_text(p.department, &onull[P_DEPARTMENT]);
			out[P_UNIT] = field_text(p.unit, &onull[P_UNIT]);
			out[P_FROM_UNIT] = BoolGetDatum(p.department_from_unit);
			onull[P_KIND] = p.kind == NULL;
			if (p.kind)
				out[P_KIND] = CStringGetTextDatum(p.kind);
			out[P_SCHEME] = field_text(p.scheme, &onull[P_SCHEME]);
			out[P_SCHEME_GIVEN] = BoolGetDatum(p.scheme_given);
			onull[P_MONEY_UNIT] = p.money_unit == NULL;
			if (p.money_unit)
				out[P_MONEY_UNIT] = CStringGetTextDatum(p.money_unit);
			out[P_GRADE] = field_text(p.grade, &onull[P_GRADE]);
			out[P_OFFS] = Int32GetDatum(p.offs);
			onull[P_FUND_LEVEL] = p.fund_level == NULL;
			if (p.fund_level)
				out[P_FUND_LEVEL] = CStringGetTextDatum(p.fund_level);
			/* every actual reported at the year's end; the execution-rate row (the core's) */
			onull[P_REPORTED_ON] = p.year == 0;
			if (p.year != 0)
				out[P_REPORTED_ON] = DateADTGetDatum(date2j(p.year, PE_FORM_REPORT_MONTH, PE_FORM_REPORT_DAY) -
													 POSTGRES_EPOCH_JDATE);
			out[P_EXEC_CODE] = CStringGetTextDatum(pe_form_execution_row.code);
			out[P_EXEC_LEVEL1] = CStringGetTextDatum(pe_form_execution_row.level1);
			out[P_EXEC_LEVEL2] = CStringGetTextDatum(pe_form_execution_row.level2);
			out[P_EXEC_NAME] = CStringGetTextDatum(pe_form_execution_row.name);
			out[P_EXEC_TARGET] = CStringGetTextDatum(pe_form_execution_row.target);
			pe_put_problems(&pr, out, onull, P_PCOLUMNS);
			tuplestore_putvalues(ts, outdesc, out, onull);
			MemoryContextSwitchTo(old);
			MemoryContextReset(row_cxt);
		}
		SPI_freetuptable(SPI_tuptable);
	}
	SPI_cursor_close(portal);
	SPI_finish();
	MemoryContextDelete(row_cxt);
	return (Datum) 0;
}

/*
 * The tables' CHECK constraints by the core's rules (pe_core.h): a year, a
 * division code, an evaluation kind, a money unit as the warehouse holds
 * them (perfeval_internal.is_year() and friends; the form reader reads a
 * form's spellings by the same rules).
 */
PG_FUNCTION_INFO_V1(pe_is_year);
Datum
pe_is_year(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(pe_year_ok(PG_GETARG_INT32(0)));
}

PG_FUNCTION_INFO_V1(pe_is_division_code);
Datum
pe_is_division_code(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);

	PG_RETURN_BOOL(pe_division_code_ok(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t)));
}

/* Is t exactly the name the warehouse holds (not a form's other spelling)? */
static bool
held_as(text *t, const char *name)
{
	return name != NULL && strlen(name) == VARSIZE_ANY_EXHDR(t) &&
		memcmp(name, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t)) == 0;
}

PG_FUNCTION_INFO_V1(pe_is_evaluation_kind);
Datum
pe_is_evaluation_kind(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);

	PG_RETURN_BOOL(held_as(t, pe_evaluation_kind(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t))));
}

PG_FUNCTION_INFO_V1(pe_is_money_unit);
Datum
pe_is_money_unit(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);

	PG_RETURN_BOOL(held_as(t, pe_money_unit(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t))));
}
