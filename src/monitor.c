/*
 * Mid-year monitoring (绩效运行监控) in SQL: the core's rules (pe_monitor.c,
 * pe_progress()) behind time_progress(), execution_light(),
 * indicator_light() and the worst_light() aggregate.  Nothing is decided
 * here: the wrappers convert and report.
 */
#include "perfeval.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/datum.h"
#include "utils/memutils.h"
#include "utils/numeric.h"

/* A date's year, month and day (an infinite date has none). */
static void
date_parts(DateADT d, int *y, int *m, int *day)
{
	if (DATE_NOT_FINITE(d))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_DATETIME_FORMAT),
				 errmsg("a monitoring date must be a day of a year: \"%s\"",
						DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(d)))),
				 errhint("Give the day the figures were reported, as 2024-08-31.")));
	j2date(d + POSTGRES_EPOCH_JDATE, y, m, day);
}

static PeFraction
share_at(DateADT d, bool by_day)
{
	int			y,
				m,
				day;
	PeFraction	f;

	date_parts(d, &y, &m, &day);
	if (pe_time_share(y, m, day, by_day, &f) != PE_OK)
		elog(ERROR, "perfeval: no share of the year for %d-%d-%d", y, m, day);
	return f;
}

/* A bound of the monitoring rules from its argument, checked with the others. */
static PeMonitorRules
rules_from(FunctionCallInfo fcinfo, int first, bool goal)
{
	PeMonitorRules r = pe_monitor_defaults;
	PeError		err;

	if (goal)
	{
		r.goal_red = pe_numeric_arg(PG_GETARG_DATUM(first), "red");
		r.goal_yellow = pe_numeric_arg(PG_GETARG_DATUM(first + 1), "yellow");
		r.goal_blue = pe_numeric_arg(PG_GETARG_DATUM(first + 2), "blue");
	}
	else
	{
		r.exec_red = pe_numeric_arg(PG_GETARG_DATUM(first), "red");
		r.exec_yellow = pe_numeric_arg(PG_GETARG_DATUM(first + 1), "yellow");
	}
	if (pe_monitor_rules_check(&r, &err) != PE_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid monitoring bounds"),
				 errdetail("%s", _(err.detail)),
				 errhint("The defaults are red below 60, yellow below 80 and, for indicators, blue from 120.")));
	return r;
}

static Datum
text_or_null(const char *s, bool *isnull)
{
	*isnull = s == NULL;
	return s ? CStringGetTextDatum(s) : (Datum) 0;
}

PG_FUNCTION_INFO_V1(pe_time_progress_sql);

/* time_progress(as_of date, by_day boolean): the calendar's share of the year in percent. */
Datum
pe_time_progress_sql(PG_FUNCTION_ARGS)
{
	PeFraction	f = share_at(PG_GETARG_DATEADT(0), PG_GETARG_BOOL(1));
	int64		v;

	if (pe_rate(f.num, f.den, &v) != PE_OK)
		elog(ERROR, "perfeval: time progress out of range");
	PG_RETURN_NUMERIC(pe_fixed_to_numeric(v));
}

PG_FUNCTION_INFO_V1(pe_execution_sql);

/*
 * execution_light(spent, budget, as_of, by_day, red, yellow) RETURNS
 * (exec_rate, time_progress, exec_ratio, exec_gap, light, light_zh,
 * explanation): a budget not above 0 gives NULL figures and light, and the
 * sentence saying why.
 */
Datum
pe_execution_sql(PG_FUNCTION_ARGS)
{
	int64		spent = pe_numeric_arg(PG_GETARG_DATUM(0), "spent");
	int64		budget = pe_numeric_arg(PG_GETARG_DATUM(1), "budget");
	PeFraction	f = share_at(PG_GETARG_DATEADT(2), PG_GETARG_BOOL(3));
	PeMonitorRules r = rules_from(fcinfo, 4, false);
	PeExecution e;
	PeStatus	st = pe_execution(spent, budget, f, &r, &e);
	TupleDesc	desc;
	Datum		v[7];
	bool		n[7] = {false};
	char		why[512];

	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE || desc->natts != 7)
		elog(ERROR, "perfeval: execution_light() must return 7 columns");
	if (st != PE_OK && st != PE_NULL)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("execution rate out of range for perfeval: %s of %s",
						pe_numeric_text(PG_GETARG_DATUM(0)), pe_numeric_text(PG_GETARG_DATUM(1)))));
	if (st == PE_OK)
	{
		v[0] = NumericGetDatum(pe_fixed_to_numeric(e.rate));
		v[1] = NumericGetDatum(pe_fixed_to_numeric(e.time_progress));
		v[2] = NumericGetDatum(pe_fixed_to_numeric(e.ratio));
		v[3] = NumericGetDatum(pe_fixed_to_numeric(e.gap));
	}
	else
	{
		int64		tp;

		n[0] = n[2] = n[3] = true;
		if (pe_rate(f.num, f.den, &tp) != PE_OK)
			elog(ERROR, "perfeval: time progress out of range");
		v[1] = NumericGetDatum(pe_fixed_to_numeric(tp));
		e.light = PE_LIGHT_NONE;
	}
	v[4] = text_or_null(pe_light_name(e.light), &n[4]);
	v[5] = text_or_null(pe_light_label(e.light), &n[5]);
	pe_explain_execution(spent, budget, f, st == PE_OK ? &e : NULL, why, sizeof(why));
	v[6] = CStringGetTextDatum(why);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(BlessTupleDesc(desc), v, n)));
}

PG_FUNCTION_INFO_V1(pe_indicator_light_sql);

/*
 * indicator_light(target, actual, as_of, full, red, yellow, blue) RETURNS
 * (expected, progress, light, light_zh, met, due, explanation): actual NULL
 * is nothing reported yet (grey); units that cannot be compared give a NULL
 * light and the sentence saying so.
 */
Datum
pe_indicator_light_sql(PG_FUNCTION_ARGS)
{
	PeQuant		t,
				a;
	bool		has_actual = !PG_ARGISNULL(1);
	DateADT		d;
	int			y,
				m,
				day;
	PeFraction	f;
	PeMonitorRules r;
	PeProgress	p;
	PeError		err;
	PeStatus	st;
	TupleDesc	desc;
	Datum		v[7];
	bool		n[7] = {false};
	char		why[1024];

	if (PG_ARGISNULL(0) || PG_ARGISNULL(2) || PG_ARGISNULL(3) || PG_ARGISNULL(4) || PG_ARGISNULL(5) ||
		PG_ARGISNULL(6))
		PG_RETURN_NULL();
	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE || desc->natts != 7)
		elog(ERROR, "perfeval: indicator_light() must return 7 columns");
	pe_quant_unpack(PG_GETARG_DATUM(0), &t);
	if (has_actual)
		pe_quant_unpack(PG_GETARG_DATUM(1), &a);
	d = PG_GETARG_DATEADT(2);
	date_parts(d, &y, &m, &day);
	f = share_at(d, false);
	r = rules_from(fcinfo, 4, true);
	st = pe_progress(&t, has_actual ? &a : NULL, y * 10000 + m * 100 + day, f, PG_GETARG_BOOL(3), &r, &p, &err);
	if (st == PE_ERR_RANGE)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("progress out of range for perfeval"),
				 errdetail("%s", _(err.detail))));
	if (st != PE_OK)
		p.light = PE_LIGHT_NONE;	/* units that cannot be compared */
	n[0] = !p.has_expected;
	v[0] = p.has_expected ? NumericGetDatum(pe_fixed_to_numeric(p.expected)) : (Datum) 0;
	n[1] = st != PE_OK || !p.has_progress;
	v[1] = n[1] ? (Datum) 0 : NumericGetDatum(pe_fixed_to_numeric(p.progress));
	v[2] = text_or_null(pe_light_name(p.light), &n[2]);
	v[3] = text_or_null(pe_light_label(p.light), &n[3]);
	n[4] = !has_actual || st != PE_OK;
	v[4] = BoolGetDatum(p.met);
	v[5] = BoolGetDatum(p.due);
	pe_explain_progress(&t, has_actual ? &a : NULL, f, PG_GETARG_BOOL(3), &p, why, sizeof(why));
	v[6] = CStringGetTextDatum(why);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(BlessTupleDesc(desc), v, n)));
}

PG_FUNCTION_INFO_V1(pe_light_label_sql);

/* light_label(light): its Chinese label (红 黄 绿 蓝 灰), the core's. */
Datum
pe_light_label_sql(PG_FUNCTION_ARGS)
{
	text	   *s = PG_GETARG_TEXT_PP(0);
	int			c = pe_light_code(VARDATA_ANY(s), VARSIZE_ANY_EXHDR(s));

	if (c < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid light: \"%s\"", text_to_cstring(s)),
				 errhint("A light is red, yellow, green, blue or grey.")));
	PG_RETURN_TEXT_P(cstring_to_text(pe_light_label(c)));
}

PG_FUNCTION_INFO_V1(pe_light_worse_sql);

/* light_worse(a, b): the worse of two lights (the worst_light() aggregate's step). */
Datum
pe_light_worse_sql(PG_FUNCTION_ARGS)
{
	int			a = PE_LIGHT_NONE,
				b = PE_LIGHT_NONE;

	for (int i = 0; i < 2; i++)
	{
		text	   *s;
		int			c;

		if (PG_ARGISNULL(i))
			continue;
		s = PG_GETARG_TEXT_PP(i);
		c = pe_light_code(VARDATA_ANY(s), VARSIZE_ANY_EXHDR(s));
		if (c < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid light: \"%s\"", text_to_cstring(s)),
					 errhint("A light is red, yellow, green, blue or grey.")));
		if (i == 0)
			a = c;
		else
			b = c;
	}
	a = pe_light_worse(a, b);
	if (a == PE_LIGHT_NONE)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(pe_light_name(a)));
}

PG_FUNCTION_INFO_V1(pe_monitoring_rules_ok);

/*
 * monitoring_rules_ok(exec_red, exec_yellow, goal_red, goal_yellow,
 * goal_blue, key_budget, key_rate, key_month): a scheme's monitoring
 * bounds, checked by the core (scheme's CHECK constraint); a bad one
 * refuses the row with 23514 saying which.
 */
Datum
pe_monitoring_rules_ok(PG_FUNCTION_ARGS)
{
	PeMonitorRules r = pe_monitor_defaults;
	PeError		err;

	r.exec_red = pe_numeric_arg(PG_GETARG_DATUM(0), "monitor_exec_red");
	r.exec_yellow = pe_numeric_arg(PG_GETARG_DATUM(1), "monitor_exec_yellow");
	r.goal_red = pe_numeric_arg(PG_GETARG_DATUM(2), "monitor_goal_red");
	r.goal_yellow = pe_numeric_arg(PG_GETARG_DATUM(3), "monitor_goal_yellow");
	r.goal_blue = pe_numeric_arg(PG_GETARG_DATUM(4), "over_threshold");
	r.key_budget = pe_numeric_arg(PG_GETARG_DATUM(5), "key_budget");
	r.key_rate = pe_numeric_arg(PG_GETARG_DATUM(6), "key_rate");
	r.key_month = PG_GETARG_INT32(7);
	if (pe_monitor_rules_check(&r, &err) != PE_OK)
		ereport(ERROR,
				(errcode(ERRCODE_CHECK_VIOLATION),
				 errmsg("invalid monitoring rules in scheme"),
				 errdetail("%s", _(err.detail)),
				 errhint("The defaults: execution red below 60 and yellow below 80, progress red below 60, yellow below 80 and blue from over_threshold (120), key monitoring from 200万元 below 60 %% at the end of month 8.")));
	PG_RETURN_BOOL(true);
}

PG_FUNCTION_INFO_V1(pe_key_monitor_sql);

/* key_monitor(budget, spent, key_budget, key_rate): 重点监控 by the core's rule. */
Datum
pe_key_monitor_sql(PG_FUNCTION_ARGS)
{
	PeMonitorRules r = pe_monitor_defaults;

	r.key_budget = pe_numeric_arg(PG_GETARG_DATUM(2), "key_budget");
	r.key_rate = pe_numeric_arg(PG_GETARG_DATUM(3), "key_rate");
	PG_RETURN_BOOL(pe_key_monitor(pe_numeric_arg(PG_GETARG_DATUM(0), "budget"),
								  pe_numeric_arg(PG_GETARG_DATUM(1), "spent"), &r));
}

PG_FUNCTION_INFO_V1(pe_state_light_sql);

/*
 * state_light(actuals perfeval.state, code, target, as_of, full, red,
 * yellow, blue): an indicator's light at a date from the project's kept
 * state -- the report indicator_light() would be given (the newest on or
 * before as_of, read as the scoring reads it) and the same rule -- without
 * the sentence, for the goal light of every project at once.  NULL where
 * indicator_light() gives none.
 */
Datum
pe_state_light_sql(PG_FUNCTION_ARGS)
{
	text	   *code;
	PeQuant		t;
	PeActual	a;
	DateADT		d;
	int			y,
				m,
				day;
	PeMonitorRules r;
	PeProgress	p;
	PeError		err;
	PeStatus	st;

	for (int i = 1; i < 8; i++)
		if (PG_ARGISNULL(i))
			PG_RETURN_NULL();
	code = PG_GETARG_TEXT_PP(1);
	pe_quant_unpack(PG_GETARG_DATUM(2), &t);
	d = PG_GETARG_DATEADT(3);
	memset(&a, 0, sizeof(a));
	if (!PG_ARGISNULL(0))
	{
		if (fcinfo->flinfo->fn_extra == NULL)
			fcinfo->flinfo->fn_extra = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(PeStateCache));
		pe_state_actual(pe_state_fetch(fcinfo->flinfo, fcinfo->flinfo->fn_extra, PG_GETARG_DATUM(0)),
						VARDATA_ANY(code), VARSIZE_ANY_EXHDR(code), d, &a);
	}
	date_parts(d, &y, &m, &day);
	r = rules_from(fcinfo, 5, true);
	/* (a report without a measure -- a tier or a note only -- is none, as in the view) */
	st = pe_progress(&t, a.present && a.has_measure ? &a.measure : NULL, y * 10000 + m * 100 + day,
					 share_at(d, false), PG_GETARG_BOOL(4), &r, &p, &err);
	if (st == PE_ERR_RANGE)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("progress out of range for perfeval"),
				 errdetail("%s", _(err.detail))));
	if (st != PE_OK || pe_light_name(p.light) == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(pe_light_name(p.light)));
}

/*
 * money_at(department, fund_level, reported_on, budget, spent, key_on):
 * the aggregate of a project's execution rows (amounts in 万元) that gives
 * its money at a date in one pass, without sorting: per department and
 * fund level the latest report (the rows given are those on or before the
 * date) and the latest on or before key_on, summed over the lines, as
 * {budget, spent, key_budget, key_spent}; the key pair NULL when no line
 * had a report by key_on.
 */
typedef struct MoneyLine
{
	text	   *department;
	text	   *fund_level;
	DateADT		on;
	Datum		budget;
	Datum		spent;
	bool		has_key;
	DateADT		key_on;
	Datum		key_budget;
	Datum		key_spent;
} MoneyLine;

typedef struct MoneyState
{
	int			n;
	int			cap;
	MoneyLine  *lines;
} MoneyState;

static bool
same_text(text *a, text *b)
{
	return VARSIZE_ANY_EXHDR(a) == VARSIZE_ANY_EXHDR(b) &&
		memcmp(VARDATA_ANY(a), VARDATA_ANY(b), VARSIZE_ANY_EXHDR(a)) == 0;
}

/* A line of s by its department and fund level (added, empty, if none). */
static MoneyLine *
money_line(MoneyState *s, text *dept, text *level)
{
	MoneyLine  *l;

	for (int i = 0; i < s->n; i++)
		if (same_text(s->lines[i].department, dept) && same_text(s->lines[i].fund_level, level))
			return &s->lines[i];
	if (s->n == s->cap)
	{
		s->cap *= 2;
		s->lines = repalloc(s->lines, s->cap * sizeof(MoneyLine));
	}
	l = &s->lines[s->n++];
	memset(l, 0, sizeof(*l));
	l->department = (text *) PG_DETOAST_DATUM_COPY(PointerGetDatum(dept));
	l->fund_level = (text *) PG_DETOAST_DATUM_COPY(PointerGetDatum(level));
	l->on = DATEVAL_NOBEGIN;
	return l;
}

static MoneyState *
money_new(void)
{
	MoneyState *s = palloc0(sizeof(MoneyState));

	s->cap = 2;
	s->lines = palloc(s->cap * sizeof(MoneyLine));
	return s;
}

static void
keep_money(MoneyLine *l, DateADT *on, Datum *budget, Datum *spent, FunctionCallInfo fcinfo, DateADT d)
{
	if (*budget != (Datum) 0)
	{
		pfree(DatumGetPointer(*budget));
		pfree(DatumGetPointer(*spent));
	}
	(void) l;
	*on = d;
	*budget = datumCopy(PG_GETARG_DATUM(4), false, -1);
	*spent = datumCopy(PG_GETARG_DATUM(5), false, -1);
}

PG_FUNCTION_INFO_V1(pe_money_at_trans);
Datum
pe_money_at_trans(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt,
				old;
	MoneyState *s;
	text	   *dept,
			   *level;
	DateADT		on,
				key;
	MoneyLine  *l;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		elog(ERROR, "perfeval: money_at() called outside an aggregate");
	s = PG_ARGISNULL(0) ? NULL : (MoneyState *) PG_GETARG_POINTER(0);
	for (int i = 1; i <= 5; i++)
		if (PG_ARGISNULL(i))
			PG_RETURN_POINTER(s);	/* (the table's columns are NOT NULL) */
	old = MemoryContextSwitchTo(aggcxt);
	if (s == NULL)
		s = money_new();
	dept = PG_GETARG_TEXT_PP(1);
	level = PG_GETARG_TEXT_PP(2);
	on = PG_GETARG_DATEADT(3);
	key = PG_ARGISNULL(6) ? DATEVAL_NOBEGIN : PG_GETARG_DATEADT(6);
	l = money_line(s, dept, level);
	/* (rows mostly come in date order: each replaces the last, freed) */
	if (on > l->on)
		keep_money(l, &l->on, &l->budget, &l->spent, fcinfo, on);
	if (on <= key && (!l->has_key || on > l->key_on))
	{
		l->has_key = true;
		keep_money(l, &l->key_on, &l->key_budget, &l->key_spent, fcinfo, on);
	}
	MemoryContextSwitchTo(old);
	PG_RETURN_POINTER(s);
}

/*
 * The partial states of parallel workers: merged line by line, the newer
 * report of each kept (both sides' rows are the same date's).
 */
PG_FUNCTION_INFO_V1(pe_money_at_combine);
Datum
pe_money_at_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt,
				old;
	MoneyState *a = PG_ARGISNULL(0) ? NULL : (MoneyState *) PG_GETARG_POINTER(0);
	MoneyState *b = PG_ARGISNULL(1) ? NULL : (MoneyState *) PG_GETARG_POINTER(1);

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		elog(ERROR, "perfeval: money_at() called outside an aggregate");
	if (b == NULL)
		PG_RETURN_POINTER(a);
	old = MemoryContextSwitchTo(aggcxt);
	if (a == NULL)
		a = money_new();
	for (int i = 0; i < b->n; i++)
	{
		MoneyLine  *x = &b->lines[i];
		MoneyLine  *l = money_line(a, x->department, x->fund_level);

		if (x->budget != (Datum) 0 && x->on > l->on)
		{
			l->on = x->on;
			l->budget = datumCopy(x->budget, false, -1);
			l->spent = datumCopy(x->spent, false, -1);
		}
		if (x->has_key && (!l->has_key || x->key_on > l->key_on))
		{
			l->has_key = true;
			l->key_on = x->key_on;
			l->key_budget = datumCopy(x->key_budget, false, -1);
			l->key_spent = datumCopy(x->key_spent, false, -1);
		}
	}
	MemoryContextSwitchTo(old);
	PG_RETURN_POINTER(a);
}

static void
put_varlena(StringInfo buf, Datum d)
{
	appendBinaryStringInfo(buf, DatumGetPointer(d), VARSIZE_ANY(DatumGetPointer(d)));
}

static Datum
get_varlena(StringInfo buf)
{
	const char *p = buf->data + buf->cursor;
	Size		n;
	char	   *v;

	if (buf->cursor >= buf->len || (n = VARSIZE_ANY(p)) > (Size) (buf->len - buf->cursor))
		elog(ERROR, "perfeval: corrupt money_at() state");
	v = palloc(n);
	memcpy(v, p, n);
	buf->cursor += n;
	return PointerGetDatum(v);
}

/* (serialized: n, then per line department, fund level, on, budget, spent, has_key [key_on, budget, spent]) */
PG_FUNCTION_INFO_V1(pe_money_at_serial);
Datum
pe_money_at_serial(PG_FUNCTION_ARGS)
{
	MoneyState *s = (MoneyState *) PG_GETARG_POINTER(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint32(&buf, s->n);
	for (int i = 0; i < s->n; i++)
	{
		MoneyLine  *l = &s->lines[i];
		bool		has_now = l->budget != (Datum) 0;

		put_varlena(&buf, PointerGetDatum(l->department));
		put_varlena(&buf, PointerGetDatum(l->fund_level));
		pq_sendbyte(&buf, (has_now ? 1 : 0) | (l->has_key ? 2 : 0));
		if (has_now)
		{
			pq_sendint32(&buf, l->on);
			put_varlena(&buf, l->budget);
			put_varlena(&buf, l->spent);
		}
		if (l->has_key)
		{
			pq_sendint32(&buf, l->key_on);
			put_varlena(&buf, l->key_budget);
			put_varlena(&buf, l->key_spent);
		}
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(pe_money_at_deserial);
Datum
pe_money_at_deserial(PG_FUNCTION_ARGS)
{
	bytea	   *b = PG_GETARG_BYTEA_PP(0);
	StringInfoData buf;
	MoneyState *s = money_new();
	int			n;

	/* (read in place: PostgreSQL 17's initReadOnlyStringInfo(), by hand) */
	buf.data = VARDATA_ANY(b);
	buf.len = VARSIZE_ANY_EXHDR(b);
	buf.maxlen = buf.len;
	buf.cursor = 0;
	n = pq_getmsgint(&buf, 4);
	for (int i = 0; i < n; i++)
	{
		text	   *dept = (text *) DatumGetPointer(get_varlena(&buf));
		text	   *level = (text *) DatumGetPointer(get_varlena(&buf));
		MoneyLine  *l = money_line(s, dept, level);
		int			flags = pq_getmsgbyte(&buf);

		if (flags & 1)
		{
			l->on = pq_getmsgint(&buf, 4);
			l->budget = get_varlena(&buf);
			l->spent = get_varlena(&buf);
		}
		if (flags & 2)
		{
			l->has_key = true;
			l->key_on = pq_getmsgint(&buf, 4);
			l->key_budget = get_varlena(&buf);
			l->key_spent = get_varlena(&buf);
		}
	}
	PG_RETURN_POINTER(s);
}

PG_FUNCTION_INFO_V1(pe_money_at_final);
Datum
pe_money_at_final(PG_FUNCTION_ARGS)
{
	MoneyState *s = PG_ARGISNULL(0) ? NULL : (MoneyState *) PG_GETARG_POINTER(0);
	Datum		sum[4];
	bool		nulls[4] = {false, false, true, true};
	int			dims[1] = {4};
	int			lbs[1] = {1};

	if (s == NULL || s->n == 0)
		PG_RETURN_NULL();
	sum[0] = sum[1] = DirectFunctionCall1(int4_numeric, Int32GetDatum(0));
	sum[2] = sum[3] = sum[0];
	for (int i = 0; i < s->n; i++)
	{
		MoneyLine  *l = &s->lines[i];

		sum[0] = DirectFunctionCall2(numeric_add, sum[0], l->budget);
		sum[1] = DirectFunctionCall2(numeric_add, sum[1], l->spent);
		if (l->has_key)
		{
			nulls[2] = nulls[3] = false;
			sum[2] = DirectFunctionCall2(numeric_add, sum[2], l->key_budget);
			sum[3] = DirectFunctionCall2(numeric_add, sum[3], l->key_spent);
		}
	}
	PG_RETURN_ARRAYTYPE_P(construct_md_array(sum, nulls, 1, dims, lbs, NUMERICOID, -1, false, TYPALIGN_INT));
}
