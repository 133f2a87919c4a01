/*
 * formread.c
 *		The server side the form reader's functions share (form_rows(),
 *		form_projects()): the set they return, the staged rows they read as
 *		their caller, the problems they name (as import_error keeps them),
 *		and the import's progress in pg_stat_activity.
 */
#include "perfeval.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "pgstat.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/timestamp.h"
#include "utils/tuplestore.h"

/*
 * Two staged text fields equal, NULLs together: the rows of one form (or
 * one indicator of it) as the readers group them.
 */
bool
pe_same_field(Datum a, bool anull, Datum b, bool bnull)
{
	if (anull || bnull)
		return anull && bnull;
	return VARSIZE_ANY_EXHDR(DatumGetPointer(a)) == VARSIZE_ANY_EXHDR(DatumGetPointer(b)) &&
		memcmp(VARDATA_ANY(DatumGetPointer(a)), VARDATA_ANY(DatumGetPointer(b)),
			   VARSIZE_ANY_EXHDR(DatumGetPointer(a))) == 0;
}

/* A problem of a form's row, as import_error keeps it (see perfeval.h). */
void
pe_add_problem(PeProblems *pr, const char *column, const char *value, const char *sqlstate,
			const char *message, const char *hint)
{
	const char *v[5] = {column, value, sqlstate, message, hint};

	for (int i = 0; i < 5; i++)
		pr->a[i] = accumArrayResult(pr->a[i], v[i] ? CStringGetTextDatum(v[i]) : (Datum) 0, v[i] == NULL,
									TEXTOID, CurrentMemoryContext);
}

/* The arrays into out[first .. first + 4] (NULLs for a row without problems). */
void
pe_put_problems(PeProblems *pr, Datum *out, bool *onull, int first)
{
	for (int i = 0; i < 5; i++)
	{
		onull[first + i] = pr->a[i] == NULL;
		if (pr->a[i])
			out[first + i] = makeArrayResult(pr->a[i], CurrentMemoryContext);
	}
}

/*
 * The set a materializing function returns: its tuplestore, into which
 * rows go as they are read, and its descriptor (natts columns, checked).
 */
Tuplestorestate *
pe_begin_set(FunctionCallInfo fcinfo, int natts, const char *fname, TupleDesc *outdesc)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	Tuplestorestate *ts;
	MemoryContext old;

	if (rsinfo == NULL || !IsA(rsinfo, ReturnSetInfo) || !(rsinfo->allowedModes & SFRM_Materialize))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("%s must be called where a set can be materialized", fname)));
	if (get_call_result_type(fcinfo, NULL, outdesc) != TYPEFUNC_COMPOSITE || (*outdesc)->natts != natts)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("%s must return %d columns", fname, natts),
				 errdetail("The database's perfeval objects are older than the perfeval library installed."),
				 errhint("Run ALTER EXTENSION perfeval UPDATE; on a distributed warehouse, follow \"Updating a distributed warehouse\" in docs/scale-out.md.")));
	old = MemoryContextSwitchTo(rsinfo->econtext->ecxt_per_query_memory);
	*outdesc = CreateTupleDescCopy(*outdesc);
	ts = tuplestore_begin_heap(true, false, work_mem);
	rsinfo->returnMode = SFRM_Materialize;
	rsinfo->setResult = ts;
	rsinfo->setDesc = *outdesc;
	MemoryContextSwitchTo(old);
	return ts;
}

/* SPI connected and a cursor open on query, as the caller (the policies apply). */
Portal
pe_open_rows(const char *query, const char *fname)
{
	SPIPlanPtr	plan;

	SPI_connect();
	plan = SPI_prepare(query, 0, NULL);
	if (plan == NULL)
		elog(ERROR, "perfeval: could not prepare %s's query: %s", fname, SPI_result_code_string(SPI_result));
	return SPI_cursor_open(NULL, plan, NULL, NULL, true);
}

/*
 * Where the import is, for another session to see: the backend's current
 * activity in pg_stat_activity.query ("perfeval import_forms: reading forms,
 * 3000 of 200000 forms, 1234 forms/s").  total < 0: not known yet.
 */
void
pe_import_progress(const char *phase, int64 done, int64 total, TimestampTz started)
{
	long		secs;
	int			usecs;
	double		elapsed;
	char	   *msg;

	TimestampDifference(started, GetCurrentTimestamp(), &secs, &usecs);
	elapsed = secs + usecs / 1e6;
	msg = total >= 0 ?
		psprintf("perfeval import_forms: %s, " INT64_FORMAT " of " INT64_FORMAT " forms, %.0f forms/s",
				 phase, done, total, elapsed > 0 ? done / elapsed : 0.0) :
		psprintf("perfeval import_forms: %s, " INT64_FORMAT " forms, %.0f forms/s",
				 phase, done, elapsed > 0 ? done / elapsed : 0.0);
	pgstat_report_activity(STATE_RUNNING, msg);
	pfree(msg);
}

/* perfeval_internal.import_progress(phase, done, total, started): the same from SQL. */
PG_FUNCTION_INFO_V1(pe_import_progress_sql);
Datum
pe_import_progress_sql(PG_FUNCTION_ARGS)
{
	pe_import_progress(text_to_cstring(PG_GETARG_TEXT_PP(0)), PG_GETARG_INT64(1), PG_GETARG_INT64(2),
					   PG_GETARG_TIMESTAMPTZ(3));
	PG_RETURN_VOID();
}
