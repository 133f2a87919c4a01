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
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datum.h"
#include "utils/lsyscache.h"
#include "utils/datetime.h"
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

/*
 * The blessed descriptor of a function's result row of natts columns,
 * looked up once per call site (fn_extra): a whole warehouse calls these
 * once per project.
 */
static TupleDesc
result_desc(FunctionCallInfo fcinfo, int natts)
{
	TupleDesc	desc;
	MemoryContext old;

	if (fcinfo->flinfo->fn_extra)
		return (TupleDesc) fcinfo->flinfo->fn_extra;
	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE || desc->natts != natts)
		elog(ERROR, "perfeval: %s() must return %d columns", get_func_name(fcinfo->flinfo->fn_oid), natts);
	old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
	desc = BlessTupleDesc(CreateTupleDescCopy(desc));
	MemoryContextSwitchTo(old);
	fcinfo->flinfo->fn_extra = desc;
	return desc;
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

	desc = result_desc(fcinfo, 7);
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
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(desc, v, n)));
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
	desc = result_desc(fcinfo, 7);
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
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(desc, v, n)));
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
 * money_on(days, money, day, key_on): a project's money at a date, from the
 * series its kept state holds of its execution rows (section 45): days an
 * int[n][2] of (line, report date as PostgreSQL's day number), money a
 * numeric[n][2] of (budget, spent) in 万元, sorted by line and date.  Per
 * line (department and fund level) the latest report on or before day, and
 * the latest on or before key_on (NULL: none), summed over the lines, with
 * the date of the latest report used.  NULL when no line has a report by
 * day.  The arrays are checked as strictly as the state writes them: any
 * other shape is an error, never a guess.
 */
static void
money_bad(const char *why)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATA_CORRUPTED),
			 errmsg("invalid execution series: %s", why),
			 errhint("The series is perfeval's kept state of perfeval.execution; SELECT perfeval.refresh_state() recomputes it.")));
}

/* An array of n pairs (n × 2) of elemtype without NULLs, or money_bad(). */
static int
money_pairs(ArrayType *a, Oid elemtype)
{
	if (ARR_ELEMTYPE(a) != elemtype || ARR_NDIM(a) != 2 || ARR_DIMS(a)[1] != 2 || ARR_HASNULL(a))
		money_bad(_("not an array of pairs without NULLs"));
	return ARR_DIMS(a)[0];
}

/* The amounts of the reports picked, summed into out[0] (budget) and out[1] (spent). */
static bool
money_picked(Datum *amounts, const int *picked, int npicked, Datum *out)
{
	for (int i = 0; i < npicked; i++)
	{
		out[0] = DirectFunctionCall2(numeric_add, out[0], amounts[2 * picked[i]]);
		out[1] = DirectFunctionCall2(numeric_add, out[1], amounts[2 * picked[i] + 1]);
	}
	return npicked > 0;
}

PG_FUNCTION_INFO_V1(pe_money_on);
Datum
pe_money_on(PG_FUNCTION_ARGS)
{
	ArrayType  *days,
			   *money;
	const char *m,
			   *mend;
	int			n,
				npicked;
	int		   *picked;
	Datum	   *amounts;
	int32		latest = 0;
	Datum		out[5];
	bool		nulls[5] = {false, false, false, true, true};
	TupleDesc	desc;
	PeError		err;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(2))
		PG_RETURN_NULL();
	desc = result_desc(fcinfo, 5);
	days = PG_GETARG_ARRAYTYPE_P(0);
	money = PG_GETARG_ARRAYTYPE_P(1);
	n = money_pairs(days, INT4OID);
	if (money_pairs(money, NUMERICOID) != n)
		money_bad(_("the dates and the amounts differ in number"));
	/* each numeric checked to lie within the array before it is read */
	amounts = palloc(2 * Max(n, 1) * sizeof(Datum));
	m = ARR_DATA_PTR(money);
	mend = (const char *) money + VARSIZE(money);
	for (int k = 0; k < 2 * n; k++)
	{
		if (m + VARHDRSZ_SHORT > mend || m + VARSIZE_ANY(m) > mend)
			money_bad(_("amounts beyond the array"));
		amounts[k] = PointerGetDatum(m);
		m = (const char *) att_align_nominal(m + VARSIZE_ANY(m), TYPALIGN_INT);
	}
	/* which reports count is the core's (pe_series_pick()); the sums are exact numeric */
	picked = palloc(Max(n, 1) * sizeof(int));
	if (pe_series_pick((const int32 *) ARR_DATA_PTR(days), n, PG_GETARG_DATEADT(2), picked, &npicked,
					   &latest, &err) != PE_OK)
		money_bad(_(err.detail));
	out[1] = out[2] = out[3] = out[4] = DirectFunctionCall1(int4_numeric, Int32GetDatum(0));
	if (!money_picked(amounts, picked, npicked, &out[1]))
		PG_RETURN_NULL();
	out[0] = DateADTGetDatum(latest);
	if (!PG_ARGISNULL(3))
	{
		int32		key_latest;

		(void) pe_series_pick((const int32 *) ARR_DATA_PTR(days), n, PG_GETARG_DATEADT(3), picked, &npicked,
							  &key_latest, &err);
		nulls[3] = nulls[4] = !money_picked(amounts, picked, npicked, &out[3]);
	}
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(desc, out, nulls)));
}

/*
 * execution_series(department, fund_level, reported_on, budget, spent): the
 * aggregate that builds a project's kept series of its execution rows
 * (section 45) in the layout money_on() reads: the rows sorted by
 * department, fund level and date, a line numbered from 1 per department
 * and fund level, as (days int[n][2] of (line, day), money numeric[n][2] of
 * (budget, spent)); NULL for no rows.  (One pass and one sort in C: as a
 * window and two sorted array_agg()s in SQL it was most of a monthly
 * load's time, 1.16.)
 */
typedef struct SeriesRow
{
	text	   *department;
	text	   *fund_level;
	DateADT		on;
	Datum		budget;
	Datum		spent;
} SeriesRow;

typedef struct SeriesState
{
	int			n;
	int			cap;
	SeriesRow  *rows;
} SeriesState;

static int
text_cmp(text *a, text *b)
{
	int			la = VARSIZE_ANY_EXHDR(a),
				lb = VARSIZE_ANY_EXHDR(b);
	int			c = memcmp(VARDATA_ANY(a), VARDATA_ANY(b), Min(la, lb));

	return c != 0 ? c : (la > lb) - (la < lb);
}

static int
series_row_cmp(const void *x, const void *y)
{
	const SeriesRow *a = x,
			   *b = y;
	int			c = text_cmp(a->department, b->department);

	if (c == 0)
		c = text_cmp(a->fund_level, b->fund_level);
	if (c == 0)
		c = (a->on > b->on) - (a->on < b->on);
	return c;
}

PG_FUNCTION_INFO_V1(pe_execution_series_trans);
Datum
pe_execution_series_trans(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt,
				old;
	SeriesState *s;
	SeriesRow  *r;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		elog(ERROR, "perfeval: execution_series() called outside an aggregate");
	s = PG_ARGISNULL(0) ? NULL : (SeriesState *) PG_GETARG_POINTER(0);
	for (int i = 1; i <= 5; i++)
		if (PG_ARGISNULL(i))
			PG_RETURN_POINTER(s);	/* (the table's columns are NOT NULL) */
	old = MemoryContextSwitchTo(aggcxt);
	if (s == NULL)
	{
		s = palloc0(sizeof(SeriesState));
		s->cap = 16;
		s->rows = palloc(s->cap * sizeof(SeriesRow));
	}
	if (s->n == s->cap)
	{
		s->cap *= 2;
		s->rows = repalloc(s->rows, s->cap * sizeof(SeriesRow));
	}
	r = &s->rows[s->n++];
	r->department = (text *) PG_DETOAST_DATUM_COPY(PG_GETARG_DATUM(1));
	r->fund_level = (text *) PG_DETOAST_DATUM_COPY(PG_GETARG_DATUM(2));
	r->on = PG_GETARG_DATEADT(3);
	r->budget = datumCopy(PG_GETARG_DATUM(4), false, -1);
	r->spent = datumCopy(PG_GETARG_DATUM(5), false, -1);
	MemoryContextSwitchTo(old);
	PG_RETURN_POINTER(s);
}

PG_FUNCTION_INFO_V1(pe_execution_series_final);
Datum
pe_execution_series_final(PG_FUNCTION_ARGS)
{
	SeriesState *s = PG_ARGISNULL(0) ? NULL : (SeriesState *) PG_GETARG_POINTER(0);
	Datum	   *days,
			   *money;
	int			dims[2],
				lbs[2] = {1, 1};
	int32		line = 0;
	Datum		out[2];
	bool		nulls[2] = {false, false};
	TupleDesc	desc;

	if (s == NULL || s->n == 0)
		PG_RETURN_NULL();
	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE || desc->natts != 2)
		elog(ERROR, "perfeval: execution_series() must return 2 columns");
	/* (the state's rows sorted in place: a final function may, it is not shared) */
	qsort(s->rows, s->n, sizeof(SeriesRow), series_row_cmp);
	days = palloc(2 * s->n * sizeof(Datum));
	money = palloc(2 * s->n * sizeof(Datum));
	for (int i = 0; i < s->n; i++)
	{
		SeriesRow  *r = &s->rows[i];

		if (i == 0 || text_cmp(r->department, s->rows[i - 1].department) != 0 ||
			text_cmp(r->fund_level, s->rows[i - 1].fund_level) != 0)
			line++;
		days[2 * i] = Int32GetDatum(line);
		days[2 * i + 1] = Int32GetDatum(r->on);
		money[2 * i] = r->budget;
		money[2 * i + 1] = r->spent;
	}
	dims[0] = s->n;
	dims[1] = 2;
	out[0] = PointerGetDatum(construct_md_array(days, NULL, 2, dims, lbs, INT4OID, 4, true, TYPALIGN_INT));
	out[1] = PointerGetDatum(construct_md_array(money, NULL, 2, dims, lbs, NUMERICOID, -1, false, TYPALIGN_INT));
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(BlessTupleDesc(desc), out, nulls)));
}
