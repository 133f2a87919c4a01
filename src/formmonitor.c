/*
 * formmonitor.c
 *		perfeval_internal.monitor_cell(kind, v, year, month): a monitoring
 *		form's cell (绩效监控表, 1.16) -- 偏差原因, 完成可能性, 资金来源,
 *		监控日期 with 截至月份, 执行率, or a division's fund level -- read by
 *		the core's rules
 *		(src/pe_monform.c), its word or its problem, for the import's
 *		statements (src/import.c).  No list of words is written here.
 */
#include "perfeval.h"
#include "pe_csv.h"

#include "access/htup_details.h"
#include "funcapi.h"
#include "utils/builtins.h"

/* The import's problem texts (English, as every import_error message). */
typedef struct MonProblem
{
	const char *sqlstate;
	char	   *message;
	const char *hint;
} MonProblem;

static bool
read_cause(const char *s, size_t len, bool likelihood, const char **word, MonProblem *p)
{
	const char *head = likelihood ? "完成可能性" : "偏差原因";
	PeMonWord	st = likelihood ? pe_mon_likelihood(s, len, word) : pe_mon_cause(s, len, word);

	switch (st)
	{
		case PE_MON_NONE:
			*word = NULL;
			return true;
		case PE_MON_WORD:
			return true;
		case PE_MON_SEVERAL:
			p->sqlstate = "22023";
			p->message = psprintf("%s holds one word, not several: \"%.*s\"", head, (int) len, s);
			p->hint = psprintf("Tick one of %s (the one that weighs most); say the others in 原因说明.",
							   pe_mon_words(likelihood));
			return false;
		case PE_MON_UNKNOWN:
			break;
	}
	p->sqlstate = "22023";
	p->message = psprintf("unknown %s: \"%.*s\"", head, (int) len, s);
	p->hint = psprintf("One of %s, or blank (the reasons in words go to 原因说明).", pe_mon_words(likelihood));
	return false;
}

static bool
read_fund(const char *s, size_t len, const char **level, int *part, MonProblem *p)
{
	switch (pe_mon_fund(s, len, level))
	{
		case PE_MON_FUND_LEVEL:
			*part = pe_mon_fiscal_level(*level) ? 0 : 3;
			return true;
		case PE_MON_FUND_FISCAL:
			*part = 1;
			return true;
		case PE_MON_FUND_TOTAL:
			*part = 2;
			return true;
		case PE_MON_FUND_NONE:
			p->sqlstate = "23502";
			p->message = pstrdup("a money row without 资金来源");
			p->hint = "Name the row's fund source: 年度资金总额, 财政拨款, 中央, 省级, 市级, 县区级 (县级, 区级), 上年结转 or 其他资金.";
			return false;
		case PE_MON_FUND_UNKNOWN:
			break;
	}
	p->sqlstate = "22023";
	p->message = psprintf("unknown 资金来源: \"%.*s\"", (int) len, s);
	p->hint = "年度资金总额, 财政拨款 (其中：…), 中央, 省级, 市级, 县区级 (县级, 区级), 上年结转 or 其他资金.";
	return false;
}

static bool
read_date(const char *date, size_t dlen, int year, const char *month, size_t mlen, char *iso, MonProblem *p)
{
	int			y,
				m,
				d;

	switch (pe_mon_reported_on(year, month, mlen, date, dlen, &y, &m, &d))
	{
		case PE_MON_DATE_OK:
			snprintf(iso, 16, "%04d-%02d-%02d", y, m, d);
			return true;
		case PE_MON_NO_DATE:
			p->sqlstate = "23502";
			p->message = pstrdup("a monitoring row without its month: no 1-N月 header, 截至月份 or 监控日期");
			p->hint = "Name the month in the header (1-8月实际完成值, 1-8月执行数), or fill 截至月份 or 监控日期.";
			return false;
		case PE_MON_BAD_MONTH:
			p->sqlstate = "22007";
			p->message = psprintf("截至月份 is no month: \"%.*s\"", (int) mlen, month);
			p->hint = "A month from 1 to 12 (8, 8月, 1-8月).";
			return false;
		case PE_MON_BAD_DATE:
			p->sqlstate = "22007";
			p->message = psprintf("监控日期 is no date: \"%.*s\"", (int) dlen, date);
			p->hint = "A date such as 2024-08-31, 2024/8/31 or 2024年8月31日.";
			return false;
		case PE_MON_DISAGREE:
			p->sqlstate = "22023";
			p->message = psprintf("监控日期 \"%.*s\" is not in month %.*s of the project's year %d",
								  (int) dlen, date, (int) mlen, month, year);
			p->hint = "监控日期 and the month of the 1-N月 headers (or 截至月份) say the same month of the project's year; correct one, or leave 监控日期 blank.";
			return false;
	}
	return false;
}

PG_FUNCTION_INFO_V1(pe_monitor_cell);

/*
 * perfeval_internal.monitor_cell(kind text, v text, year int, month text)
 * RETURNS perfeval_internal.monitor_value (word, part, sqlstate, message,
 * hint).
 */
Datum
pe_monitor_cell(PG_FUNCTION_ARGS)
{
	TupleDesc	desc;
	Datum		values[5];
	bool		nulls[5] = {true, true, true, true, true};
	char	   *kind;
	const char *v = NULL;
	size_t		vlen = 0;
	MonProblem	p = {NULL, NULL, NULL};
	bool		ok = true;

	if (PG_ARGISNULL(0))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("monitor_cell: the kind of cell is NULL"),
				 errhint("cause, likelihood, fund, date, rate or level.")));
	kind = text_to_cstring(PG_GETARG_TEXT_PP(0));
	if (!PG_ARGISNULL(1))
	{
		text	   *t = PG_GETARG_TEXT_PP(1);

		v = VARDATA_ANY(t);
		vlen = VARSIZE_ANY_EXHDR(t);
	}
	/* the result's descriptor, looked up once per query (called per cell) */
	desc = (TupleDesc) fcinfo->flinfo->fn_extra;
	if (desc == NULL)
	{
		MemoryContext old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);

		if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE || desc->natts != 5)
			elog(ERROR, "perfeval: monitor_cell must return perfeval_internal.monitor_value");
		desc = BlessTupleDesc(desc);
		MemoryContextSwitchTo(old);
		fcinfo->flinfo->fn_extra = desc;
	}

	if (strcmp(kind, "cause") == 0 || strcmp(kind, "likelihood") == 0)
	{
		const char *word = NULL;

		ok = read_cause(v ? v : "", vlen, kind[0] == 'l', &word, &p);
		if (ok && word)
		{
			values[0] = CStringGetTextDatum(word);
			nulls[0] = false;
		}
	}
	else if (strcmp(kind, "fund") == 0)
	{
		const char *level = NULL;
		int			part = 0;

		ok = read_fund(v ? v : "", vlen, &level, &part, &p);
		if (ok)
		{
			if (level)
			{
				values[0] = CStringGetTextDatum(level);
				nulls[0] = false;
			}
			values[1] = Int32GetDatum(part);
			nulls[1] = false;
		}
	}
	else if (strcmp(kind, "date") == 0)
	{
		char		iso[16];
		const char *month = NULL;
		size_t		mlen = 0;

		/* (no project, no year: that form's problem is told elsewhere) */
		if (PG_ARGISNULL(2))
			PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(desc, values, nulls)));
		if (!PG_ARGISNULL(3))
		{
			text	   *t = PG_GETARG_TEXT_PP(3);

			month = VARDATA_ANY(t);
			mlen = VARSIZE_ANY_EXHDR(t);
		}
		ok = read_date(v, vlen, PG_GETARG_INT32(2), month, mlen, iso, &p);
		if (ok)
		{
			values[0] = CStringGetTextDatum(iso);
			nulls[0] = false;
		}
	}
	else if (strcmp(kind, "rate") == 0)
	{
		char		num[64];
		int			decimals;

		if (v != NULL && !pe_mon_rate(v, vlen, num, sizeof(num), &decimals))
		{
			ok = false;
			p.sqlstate = "22P02";
			p.message = psprintf("执行率 is no percentage: \"%.*s\"", (int) vlen, v);
			p.hint = "A percentage such as 41.2% or 41.2, or blank.";
		}
		else if (v != NULL)
		{
			values[0] = CStringGetTextDatum(num);
			values[1] = Int32GetDatum(decimals);
			nulls[0] = nulls[1] = false;
		}
	}
	else if (strcmp(kind, "level") == 0)
	{
		/* the fund level of a division's money (v: its six-digit code) */
		if (v != NULL && vlen == 6)
		{
			char		div[7];

			memcpy(div, v, 6);
			div[6] = '\0';
			values[0] = CStringGetTextDatum(pe_form_fund_level(div));
			nulls[0] = false;
		}
	}
	else
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown kind of monitoring cell: \"%s\"", kind),
				 errhint("cause, likelihood, fund, date, rate or level.")));
	if (!ok)
	{
		values[2] = CStringGetTextDatum(p.sqlstate);
		values[3] = CStringGetTextDatum(p.message);
		values[4] = CStringGetTextDatum(p.hint);
		nulls[2] = nulls[3] = nulls[4] = false;
	}
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(desc, values, nulls)));
}
