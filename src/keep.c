/*
 * keep.c
 *		The state perfeval keeps: one row per project in
 *		perfeval_internal.project_state, holding what scoring reads of the
 *		project -- its scheme, and its facts: the actuals, checklist and
 *		survey parts, packed per indicator, and its money -- so that a
 *		whole-warehouse query joins one row per project instead of the fact
 *		tables and the project.
 *
 * Why it cannot go stale (docs/design.md, "Kept state"):
 *
 *	* Every statement that changes a fact table fires keep_facts() once, at
 *	  its end (and one that changes projects keep_projects()).  It locks the state rows of the projects the statement
 *	  touched, in project order, and only then recomputes their part from
 *	  the facts in a new statement: under READ COMMITTED that statement's
 *	  snapshot shows every transaction that held the lock before, so the
 *	  last writer of a project always recomputes from all committed facts
 *	  plus its own (no lost update); under REPEATABLE READ a concurrent
 *	  change makes the lock fail with a serialization error instead.
 *	* The locks are the only ones perfeval takes, always in one order
 *	  within a statement, so perfeval's statements cannot deadlock with
 *	  each other.
 *	* Nothing but this file writes project_state: its guard trigger refuses
 *	  every statement unless the flag below is set, and only these
 *	  functions set it, around their own statements.  No setting, privilege
 *	  or user trigger reaches a C static.
 *	* The check that an actual's unit compares with its indicator's target
 *	  runs under the same lock, on both sides (a new actual, a changed
 *	  target), so two concurrent statements cannot each pass it alone.
 */
#include "perfeval.h"

#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/lsyscache.h"
#include "access/xact.h"
#include "utils/array.h"
#include "utils/memutils.h"
#include "utils/rel.h"

#include "shard.h"

/* Set while perfeval's own statements write project_state. */
static bool keeping = false;

/*
 * The shards the current trigger's statements run on (src/shard.c): empty
 * on a single node, the co-located shards when Citus fired the trigger on a
 * shard.  Every statement below goes through sharded().
 */
static PeShardMap no_shards;
static const PeShardMap *shards = &no_shards;

static const char *
sharded(const char *sql)
{
	return pe_on_shards(sql, shards);
}

/*
 * The projects the rows of the current statements are about, noted by a
 * BEFORE ROW trigger as the rows are written (note_projects()).  A statement
 * can fire several of perfeval's statement triggers (INSERT ... ON CONFLICT
 * DO UPDATE fires the UPDATE and then the INSERT one); the first locks
 * every project noted so far, so that one statement takes perfeval's locks
 * in one ordered batch.  Kept in the transaction's memory; the transition
 * tables, not these notes, say what is recomputed.
 */
static text **noted = NULL;
static int	nnoted = 0,
			capnoted = 0;
static bool xact_callback_set = false;

static void
forget_noted(XactEvent event, void *arg)
{
	if (event == XACT_EVENT_COMMIT || event == XACT_EVENT_ABORT ||
		event == XACT_EVENT_PARALLEL_COMMIT || event == XACT_EVENT_PARALLEL_ABORT ||
		event == XACT_EVENT_PREPARE)
	{
		noted = NULL;
		nnoted = capnoted = 0;
	}
}

static void
note(Datum id)
{
	text	   *t = DatumGetTextPP(id);
	MemoryContext old;

	if (nnoted > 0 && VARSIZE_ANY_EXHDR(noted[nnoted - 1]) == VARSIZE_ANY_EXHDR(t) &&
		memcmp(VARDATA_ANY(noted[nnoted - 1]), VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t)) == 0)
		return;					/* rows of one project come together */
	if (!xact_callback_set)
	{
		RegisterXactCallback(forget_noted, NULL);
		xact_callback_set = true;
	}
	old = MemoryContextSwitchTo(TopTransactionContext);
	if (nnoted == capnoted)
	{
		capnoted = capnoted ? 2 * capnoted : 64;
		noted = noted ? repalloc(noted, capnoted * sizeof(text *)) : palloc(capnoted * sizeof(text *));
	}
	noted[nnoted++] = (text *) PG_DETOAST_DATUM_COPY(PointerGetDatum(t));
	MemoryContextSwitchTo(old);
}

/* The noted projects as a text[] (or (Datum) 0), and forget them. */
static Datum
take_noted(void)
{
	Datum		a;

	if (nnoted == 0)
		return (Datum) 0;
	a = PointerGetDatum(construct_array((Datum *) noted, nnoted, TEXTOID, -1, false, TYPALIGN_INT));
	nnoted = 0;
	return a;
}

typedef enum
{
	KIND_ACTUAL, KIND_CHECKLIST, KIND_SURVEY, KIND_MONEY, KIND_EXECUTION, KIND_COUNT
} Kind;

/*
 * Per kind: its fact table, its state column, and how its part is
 * recomputed for the projects k.id of unnest($1): the columns it sets from
 * x, the derived columns of x and the joins that give them (recompute()
 * puts them into one UPDATE, for one kind or for several at once).
 */
static const struct
{
	const char *table;
	const char *column;
	const char *set;
	const char *cols;
	const char *joins;
}			kinds[KIND_COUNT] = {
	/*
	 * (the notes in key order: packed in the order the rows came, a project's
	 * state read differently after a recompute that scanned them in another
	 * order -- the same notes, another value, test/concurrency.sh)
	 */
	{"actual", "actuals",
		"actuals = x.a_s, actual_notes = x.a_n",
		", fa.s AS a_s, fa.n AS a_n",
		" CROSS JOIN LATERAL (SELECT perfeval.actual_state(a.code, a.reported_on, a.measure, a.tier,"
		"                             a.fraction, a.deviation_note IS NOT NULL) AS s,"
		"                          perfeval.notes_state(a.code, a.reported_on, a.deviation_note"
		"                                               ORDER BY a.code, a.reported_on) AS n"
		"                     FROM perfeval.actual a WHERE a.project_id = k.id) fa"},
	{"checklist_point", "checklist",
		"checklist = x.c_s, checklist_reasons = x.c_n",
		", fc.s AS c_s, fc.n AS c_n",
		" CROSS JOIN LATERAL (SELECT perfeval.checklist_state(c.code, c.points, c.deduction) AS s,"
		"                          perfeval.notes_state(c.code, NULL,"
		"                                    c.description || '：' || coalesce(c.reason, '未说明理由')"
		"                                    ORDER BY c.code, c.point_no) FILTER (WHERE c.deduction > 0) AS n"
		"                     FROM perfeval.checklist_point c WHERE c.project_id = k.id) fc"},
	{"survey_response", "survey",
		"survey = x.v_s",
		", (SELECT perfeval.survey_state(r.code, r.option_no, r.respondents, r.coefficient)"
		"     FROM perfeval.survey_response r WHERE r.project_id = k.id) AS v_s",
		""},
	{"allocation", "allocations",
		"allocations = coalesce(x.m_n, 0), money_initial_budget = x.m_ib,"
		"       money_budget = x.m_b, money_arrived = x.m_a, money_spent = x.m_s",
		", m.n AS m_n, m.initial_budget AS m_ib, m.budget AS m_b, m.arrived AS m_a, m.spent AS m_s",
		" LEFT JOIN LATERAL (SELECT count(*) AS n,"
		"                    sum(perfeval.wanyuan(a.initial_budget, a.unit)) AS initial_budget,"
		"                    sum(perfeval.wanyuan(a.budget, a.unit)) AS budget,"
		"                    sum(perfeval.wanyuan(a.arrived, a.unit)) AS arrived,"
		"                    sum(perfeval.wanyuan(a.spent, a.unit)) AS spent"
		"               FROM perfeval.allocation a WHERE a.project_id = k.id) m ON true"},
	/*
	 * the dated money (1.16): per report (line, day) and (budget, spent) in
	 * 万元, sorted by line and day, what money_on() reads (section 72); a
	 * line is a department and fund level, numbered within the project
	 * (execution_series(), src/monitor.c)
	 */
	{"execution", "execution_days",
		"execution_days = x.e_d, execution_money = x.e_m",
		", fe.d AS e_d, fe.m AS e_m",
		" CROSS JOIN LATERAL (SELECT (z.s).days AS d, (z.s).money AS m"
		"                       FROM (SELECT perfeval_internal.execution_series(e.department, e.fund_level,"
		"                                        e.reported_on, perfeval.wanyuan(e.budget, e.unit),"
		"                                        perfeval.wanyuan(e.spent, e.unit)) AS s"
		"                               FROM perfeval.execution e WHERE e.project_id = k.id) z) fe"},
};

/*
 * The statement recomputing the parts of the kinds in which[] for the
 * projects in $1 (text[]) from their facts: one UPDATE, so that a project
 * whose parts are all recomputed at once gets one new state row version.
 */
static char *
recompute(const bool *which)
{
	StringInfoData set,
				cols,
				joins;

	initStringInfo(&set);
	initStringInfo(&cols);
	initStringInfo(&joins);
	for (int k = 0; k < KIND_COUNT; k++)
		if (which[k])
		{
			appendStringInfo(&set, "%s%s", set.len ? ", " : "", kinds[k].set);
			appendStringInfoString(&cols, kinds[k].cols);
			appendStringInfoString(&joins, kinds[k].joins);
		}
	return psprintf("UPDATE perfeval_internal.project_state st SET %s"
					"  FROM (SELECT k.id%s FROM unnest($1) k(id)%s) x"
					" WHERE st.project_id = x.id", set.data, cols.data, joins.data);
}

/*
 * The kept results (section 47, 1.16): each project's total and its level
 * sums, as the views compute them from indicator_scored -- the same call of
 * perfeval.evaluate() on the same columns, added by sum_scores() -- with the
 * project's scheme and rules as their stamp.  For the locked projects in $1
 * (text[]), after their state: the rows of projects gone go, the others are
 * written again (INSERT ... ON CONFLICT DO UPDATE: an update in place, HOT,
 * not a delete and an insert with their index entries) from the indicators
 * and the state as this statement's snapshot sees them.  Each
 * project's indicators are read by its key and evaluated once, in a lateral
 * subquery, and added up by one aggregate, project_sums() (src/levelsums.c):
 * its total, every row's weight and its level sums in one pass over its own
 * rows, not sorts of the whole batch (a year's load spilled them to disk)
 * nor a GROUPING SETS per project (a load by COPY spent half its keeping
 * there).  A project without indicators gets a row too (0 indicators), as
 * every project has a state row.
 */
static const char *const results_sql[] = {
	"DELETE FROM perfeval_internal.project_results r WHERE r.project_id = ANY ($1)"
	"   AND NOT EXISTS (SELECT FROM perfeval_internal.project_state st WHERE st.project_id = r.project_id)",
	"DELETE FROM perfeval_internal.project_levels r WHERE r.project_id = ANY ($1)"
	"   AND NOT EXISTS (SELECT FROM perfeval_internal.project_state st WHERE st.project_id = r.project_id)",
	"WITH a AS MATERIALIZED ("
	" SELECT st.project_id, st.scheme_id, s.rules::bytea AS rules, (a.t).*,"
	"        st.money_budget, st.money_arrived, st.money_spent"
	"   FROM unnest($1) k(id)"
	"   JOIN perfeval_internal.project_state st ON st.project_id = k.id"
	"   JOIN perfeval.scheme s ON s.scheme_id = st.scheme_id"
	"  CROSS JOIN LATERAL ("
	"        SELECT perfeval_internal.project_sums(i.level1, i.level2, i.seq, i.weight,"
	"                   perfeval.evaluate(i.weight, i.applicable, i.source, i.target, i.method, i.printed_score,"
	"                       i.code, s.rules, st.actuals, st.checklist, st.survey, st.money_initial_budget,"
	"                       st.money_budget, st.money_arrived, st.money_spent, 'infinity')) AS t"
	"          FROM perfeval.indicator i WHERE i.project_id = st.project_id) a),"
	" p AS (INSERT INTO perfeval_internal.project_results"
	"              (project_id, scheme_id, rules, indicators, weights, weight, score, total, budget, arrived, spent)"
	"       SELECT a.project_id, a.scheme_id, a.rules, a.indicators, a.weights, a.weight,"
	"              a.score, a.total, a.money_budget, a.money_arrived, a.money_spent FROM a"
	"       ON CONFLICT (project_id) DO UPDATE SET scheme_id = EXCLUDED.scheme_id, rules = EXCLUDED.rules,"
	"              indicators = EXCLUDED.indicators, weights = EXCLUDED.weights, weight = EXCLUDED.weight,"
	"              score = EXCLUDED.score, total = EXCLUDED.total, budget = EXCLUDED.budget,"
	"              arrived = EXCLUDED.arrived, spent = EXCLUDED.spent)"
	" INSERT INTO perfeval_internal.project_levels (project_id, scheme_id, rules, level1, level2)"
	" SELECT a.project_id, a.scheme_id, a.rules, a.level1, a.level2 FROM a"
	" ON CONFLICT (project_id) DO UPDATE SET scheme_id = EXCLUDED.scheme_id, rules = EXCLUDED.rules,"
	"        level1 = EXCLUDED.level1, level2 = EXCLUDED.level2",
};

/*
 * Does this database keep results?  (The library of a release runs on the
 * catalog of the one before until ALTER EXTENSION ... UPDATE: 1.15's has no
 * results to keep.)
 */
static bool
keeps_results(void)
{
	Oid			nsp = get_namespace_oid("perfeval_internal", true);

	return OidIsValid(nsp) && OidIsValid(get_relname_relid("project_results", nsp));
}

/* The state rows of these projects exist and are locked, in order. */
#define LOCK_PROJECTS_INSERT \
	"INSERT INTO perfeval_internal.project_state (project_id, scheme_id)" \
	" SELECT p.project_id, p.scheme_id FROM unnest($1) k(id) JOIN perfeval.project p ON p.project_id = k.id" \
	" ORDER BY p.project_id COLLATE \"C\" ON CONFLICT DO NOTHING"
#define LOCK_PROJECTS_LOCK \
	"SELECT 1 FROM perfeval_internal.project_state WHERE project_id = ANY ($1)" \
	" ORDER BY project_id COLLATE \"C\" FOR NO KEY UPDATE"
/* A locked row follows its project: its scheme, or gone with it. */
#define FOLLOW_PROJECTS \
	"UPDATE perfeval_internal.project_state st SET scheme_id = p.scheme_id" \
	"  FROM perfeval.project p WHERE p.project_id = st.project_id AND st.project_id = ANY ($1)" \
	"   AND st.scheme_id IS DISTINCT FROM p.scheme_id"
/*
 * (One node.)  The schemes of these projects share-locked, in order, before
 * their state rows: a project that enters a scheme (inserted, or moved)
 * and a change of that scheme's rules, whose keep_schemes() holds the
 * scheme's row, then follow one another, so that the later of the two keeps
 * the project's results with the rules that stay.  (Not in a restore's
 * session, where keep_schemes() recomputes nothing: see there.)
 */
#define LOCK_SCHEMES \
	"SELECT 1 FROM perfeval.scheme s WHERE s.scheme_id IN" \
	" (SELECT p.scheme_id FROM perfeval.project p WHERE p.project_id = ANY ($1))" \
	" ORDER BY s.scheme_id COLLATE \"C\" FOR SHARE OF s"
#define DROP_GONE \
	"DELETE FROM perfeval_internal.project_state st WHERE st.project_id = ANY ($1)" \
	"   AND NOT EXISTS (SELECT FROM perfeval.project p WHERE p.project_id = st.project_id)"

/* Run one of perfeval's statements on the keys ($1, text[]). */
static void
run(const char *sql, Datum keys, int expect)
{
	Oid			argtypes[1] = {TEXTARRAYOID};
	Datum		values[1] = {keys};
	int			rc;

	rc = SPI_execute_with_args(sharded(sql), keys ? 1 : 0, argtypes, values, NULL, false, 0);
	if (rc != expect && !(expect == SPI_OK_UPDATE && rc == SPI_OK_UPDATE_RETURNING))
		elog(ERROR, "perfeval: unexpected result %d of \"%.60s\"", rc, sql);
}

/*
 * Recompute the kept results of the locked projects in keys (text[]);
 * gone: some of them may have lost their state row (DROP_GONE ran).
 */
static void
keep_results(Datum keys, bool gone)
{
	if (keys == (Datum) 0 || !keeps_results())
		return;
	if (gone)
	{
		run(results_sql[0], keys, SPI_OK_DELETE);
		run(results_sql[1], keys, SPI_OK_DELETE);
	}
	run(results_sql[2], keys, SPI_OK_INSERT);
}

/*
 * The first column of the one row a query gives, or (Datum) 0 if NULL;
 * keys ($1, text[]) if the query takes them; in a new snapshot unless
 * read_only.
 */
static Datum
first_datum(const char *sql, Datum keys, bool read_only)
{
	Oid			argtypes[1] = {TEXTARRAYOID};
	Datum		values[1] = {keys};
	bool		isnull;
	Datum		d;

	if (SPI_execute_with_args(sharded(sql), keys ? 1 : 0, argtypes, values, NULL, read_only, 1) != SPI_OK_SELECT ||
		SPI_processed != 1)
		elog(ERROR, "perfeval: unexpected result of \"%.60s\"", sql);
	d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);
	return isnull ? (Datum) 0 : d;
}

/* The same in the statement's snapshot. */
static Datum
one_datum(const char *sql, Datum keys)
{
	return first_datum(sql, keys, true);
}

/*
 * Lock the state rows of the projects in keys (a sorted text[]), creating
 * missing ones.  Creating first also makes a writer wait for another
 * transaction that is creating the same row, so the lock covers projects
 * whose first facts are still uncommitted.
 */
static void
lock_projects(Datum keys)
{
	run(LOCK_PROJECTS_INSERT, keys, SPI_OK_INSERT);
	run(LOCK_PROJECTS_LOCK, keys, SPI_OK_SELECT);
}

/*
 * keys with the projects noted for this statement, sorted: what the first
 * of its triggers locks.
 */
static Datum
with_noted(Datum keys)
{
	Datum		n = take_noted();
	Oid			argtypes[2] = {TEXTARRAYOID, TEXTARRAYOID};
	Datum		values[2] = {keys, n};
	bool		isnull;
	Datum		r;

	if (n == (Datum) 0)
		return keys;
	if (SPI_execute_with_args("SELECT array_agg(id ORDER BY id COLLATE \"C\")"
							  "  FROM (SELECT unnest($1) UNION SELECT unnest($2)) d(id)",
							  2, argtypes, values, NULL, true, 1) != SPI_OK_SELECT || SPI_processed != 1)
		elog(ERROR, "perfeval: could not merge the noted projects");
	r = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);
	return isnull ? keys : SPI_datumTransfer(r, false, -1);
}

/*
 * Refuse an actual whose unit cannot be compared with its target (22023);
 * keys ($1, text[]) if the query takes them.
 */
static void
refuse_incomparable(const char *sql, Datum keys)
{
	Oid			argtypes[1] = {TEXTARRAYOID};
	Datum		values[1] = {keys};

	/* not read-only: a new snapshot, taken after the lock */
	if (SPI_execute_with_args(sharded(sql), keys ? 1 : 0, argtypes, values, NULL, false, 1) != SPI_OK_SELECT)
		elog(ERROR, "perfeval: unit check failed");
	if (SPI_processed > 0)
	{
		HeapTuple	t = SPI_tuptable->vals[0];
		TupleDesc	d = SPI_tuptable->tupdesc;

		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("actual \"%s\" of indicator %s cannot be compared with its target \"%s\"",
						SPI_getvalue(t, d, 3), SPI_getvalue(t, d, 2), SPI_getvalue(t, d, 4)),
				 errdetail("Project %s, indicator %s: the units do not convert into each other.",
						   SPI_getvalue(t, d, 1), SPI_getvalue(t, d, 2)),
				 errhint("Write the actual in the unit of the target, or give the target a unit its actuals can be compared with.")));
	}
}

/*
 * The name of rel's perfeval table (on a worker, of the table it is a shard
 * of), or NULL if it is none of perfeval's.
 */
static const char *
perfeval_table(Relation rel)
{
	char	   *nsp = get_namespace_name(RelationGetNamespace(rel));

	if (!nsp || strcmp(nsp, "perfeval") != 0)
		return NULL;
	return shards->base ? shards->base : RelationGetRelationName(rel);
}

/* Is rel perfeval.indicator (or, on a worker, a shard of it)? */
static bool
is_indicator(Relation rel)
{
	const char *name = perfeval_table(rel);

	return name && strcmp(name, "indicator") == 0;
}

/* Which kind of fact a trigger's table holds; ERROR if it is none of them. */
static Kind
kind_of(Relation rel, const char *fn)
{
	const char *name = perfeval_table(rel);

	if (name)
		for (int k = 0; k < KIND_COUNT; k++)
			if (strcmp(name, kinds[k].table) == 0)
				return (Kind) k;
	ereport(ERROR,
			(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
			 errmsg("%s() keeps perfeval's state and cannot be attached to table \"%s\"", fn,
					name ? name : RelationGetRelationName(rel))));
	return KIND_COUNT;			/* keep compiler quiet */
}

static void
check_trigger(FunctionCallInfo fcinfo, const char *fn)
{
	TriggerData *td = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo) || !TRIGGER_FIRED_AFTER(td->tg_event) ||
		!TRIGGER_FIRED_FOR_STATEMENT(td->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("%s() must run as an AFTER ... FOR EACH STATEMENT trigger", fn)));
}

/*
 * The query giving the projects of the rows a statement trigger's
 * statement wrote or removed (its transition tables), sorted.
 */
static char *
touched(TriggerData *td)
{
	return psprintf("SELECT array_agg(id ORDER BY id COLLATE \"C\") FROM (SELECT DISTINCT project_id AS id FROM (%s%s%s) k) d",
					td->tg_trigger->tgnewtable ? "SELECT project_id FROM new_rows" : "",
					td->tg_trigger->tgnewtable && td->tg_trigger->tgoldtable ? " UNION ALL " : "",
					td->tg_trigger->tgoldtable ? "SELECT project_id FROM old_rows" : "");
}

/* The unit check of the actuals of src (alias n) that meet cond. */
/*
 * The actuals of the projects in $1, each key's looked up by the key, and
 * each actual's indicator by its key: lateral subqueries the planner cannot
 * flatten (OFFSET 0), so that whatever the statistics say the only plan is
 * one index lookup per key and per actual.  (As joins, with the estimates of
 * a table truncated and filling again -- an ANALYZE by autovacuum during a
 * long import counts the import's rows as not there -- the planner took the
 * tables for empty and scanned them whole for every key: one chunk of an
 * import took minutes instead of 0.1 s, 1.16.)
 */
#define UNIT_CHECK_KEYS "unnest($1) k(id) CROSS JOIN LATERAL" \
	" (SELECT a.* FROM perfeval.actual a WHERE a.project_id = k.id OFFSET 0) n"
#define UNIT_CHECK(src, cond) \
	"SELECT n.project_id, n.code, n.measure, i.target" \
	"  FROM " src " CROSS JOIN LATERAL (SELECT x.target FROM perfeval.indicator x" \
	"        WHERE x.project_id = n.project_id AND x.code = n.code OFFSET 0) i" \
	" WHERE " cond "n.measure IS NOT NULL AND i.target IS NOT NULL" \
	"   AND NOT perfeval.comparable(i.target, n.measure) LIMIT 1"

/*
 * The kept part of kind for the projects in keys: their state rows locked
 * (lock_keys: keys, and in a trigger the statement's noted projects), the
 * unit check (unit_check, NULL for none; $1 = keys), then the recompute, in
 * a new statement.  The caller restores keeping.
 */
static void
keep_kind(Kind kind, Datum lock_keys, Datum keys, const char *unit_check)
{
	bool		which[KIND_COUNT] = {false};

	which[kind] = true;
	keeping = true;
	lock_projects(lock_keys);
	if (unit_check)
		refuse_incomparable(unit_check, keys);
	run(recompute(which), keys, SPI_OK_UPDATE);
	if (kind != KIND_EXECUTION)	/* (the dated money: no score reads it) */
		keep_results(keys, false);
}

/*
 * keep_facts(): the statement trigger on actual, checklist_point,
 * survey_response, allocation and execution.
 */
PG_FUNCTION_INFO_V1(keep_facts);
Datum
keep_facts(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	Kind		kind;
	bool		was = keeping;

	const PeShardMap *was_shards = shards;
	PeShardMap	map;

	check_trigger(fcinfo, "keep_facts");
	SPI_connect();
	if (pe_where(td->tg_relation, &map) == PE_SHELL)
	{
		SPI_finish();			/* the shards' triggers keep their rows */
		PG_RETURN_POINTER(NULL);
	}
	PG_TRY();
	{
		Datum		keys;
		char	   *sql;

		shards = &map;
		kind = kind_of(td->tg_relation, "keep_facts");
		SPI_register_trigger_data(td);
		if (TRIGGER_FIRED_BY_TRUNCATE(td->tg_event))
			sql = psprintf("SELECT array_agg(project_id ORDER BY project_id COLLATE \"C\")"
						   "  FROM perfeval_internal.project_state WHERE %s",
						   kind == KIND_MONEY ? "allocations > 0" :
						   psprintf("%s IS NOT NULL", kinds[kind].column));
		else
			sql = touched(td);
		keys = one_datum(sql, (Datum) 0);
		if (keys != (Datum) 0)
		{
			keys = SPI_datumTransfer(keys, false, -1);
			keep_kind(kind, with_noted(keys), keys,
					  kind == KIND_ACTUAL && td->tg_trigger->tgnewtable ? UNIT_CHECK("new_rows n", "") : NULL);
		}
	}
	PG_FINALLY();
	{
		keeping = was;
		shards = was_shards;
	}
	PG_END_TRY();
	SPI_finish();
	PG_RETURN_POINTER(NULL);
}

/*
 * keep_indicators(): the statement trigger on indicator (section 47).  The
 * results of the projects whose indicators the statement wrote or removed,
 * under their state rows' locks, as keep_facts() keeps the state.
 */
PG_FUNCTION_INFO_V1(keep_indicators);
Datum
keep_indicators(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	bool		was = keeping;
	const PeShardMap *was_shards = shards;
	PeShardMap	map;

	check_trigger(fcinfo, "keep_indicators");
	SPI_connect();
	if (pe_where(td->tg_relation, &map) == PE_SHELL || !keeps_results())
	{
		SPI_finish();
		PG_RETURN_POINTER(NULL);
	}
	PG_TRY();
	{
		Datum		keys;

		shards = &map;
		if (!is_indicator(td->tg_relation))
			ereport(ERROR,
					(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
					 errmsg("keep_indicators() keeps perfeval's results and cannot be attached to table \"%s\"",
							RelationGetRelationName(td->tg_relation))));
		SPI_register_trigger_data(td);
		if (TRIGGER_FIRED_BY_TRUNCATE(td->tg_event))
			keys = one_datum("SELECT array_agg(project_id ORDER BY project_id COLLATE \"C\")"
							 "  FROM perfeval_internal.project_results WHERE indicators > 0", (Datum) 0);
		else
			keys = one_datum(touched(td), (Datum) 0);
		if (keys != (Datum) 0)
		{
			keys = SPI_datumTransfer(keys, false, -1);
			keeping = true;
			lock_projects(with_noted(keys));
			keep_results(keys, false);
		}
	}
	PG_FINALLY();
	{
		keeping = was;
		shards = was_shards;
	}
	PG_END_TRY();
	SPI_finish();
	PG_RETURN_POINTER(NULL);
}

/* A restore's session: row_security off, as pg_restore sets it. */
static bool
restoring(void)
{
	return strcmp(GetConfigOption("row_security", false, false), "off") == 0;
}

/*
 * keep_schemes(): the statement trigger on UPDATE of scheme (section 47).
 * A scheme whose rules changed: the results of exactly its projects are
 * recomputed, under their locks, in project order.  On a Citus cluster
 * scheme is a reference table, whose trigger fires on each node's
 * placement, where a transaction that wrote projects over several
 * connections cannot take their locks again: there it does nothing, and
 * the views evaluate the scheme's projects from their facts (their stamp no
 * longer matches) until they are next kept.
 */
PG_FUNCTION_INFO_V1(keep_schemes);
Datum
keep_schemes(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	bool		was = keeping;
	const PeShardMap *was_shards = shards;
	PeShardMap	map;

	check_trigger(fcinfo, "keep_schemes");
	/*
	 * Nor in a restore's session (row_security off, as pg_restore sets it):
	 * pg_restore -j loads the national row (an update of the shipped one)
	 * while other sessions park rows and lock state rows, and a scheme's
	 * transaction that held its projects' rows and then adopted parked
	 * projects and indicators deadlocked with them (test/dump_restore.sh).
	 * The stamps keep the views right; the facts loaded after it keep the
	 * results again.
	 */
	if (restoring())
		PG_RETURN_POINTER(NULL);
	SPI_connect();
	if (pe_where(td->tg_relation, &map) != PE_LOCAL || pe_is_placement(td->tg_relation, "scheme") ||
		!keeps_results())
	{
		SPI_finish();
		PG_RETURN_POINTER(NULL);
	}
	PG_TRY();
	{
		Datum		keys;

		shards = &no_shards;
		SPI_register_trigger_data(td);
		/*
		 * (in a new snapshot: a project that entered the scheme while this
		 * UPDATE waited for the scheme's row, LOCK_SCHEMES, is one of them)
		 */
		keys = first_datum("SELECT array_agg(st.project_id ORDER BY st.project_id COLLATE \"C\")"
						   "  FROM perfeval_internal.project_state st"
						   " WHERE st.scheme_id IN (SELECT n.scheme_id FROM new_rows n"
						   "                          JOIN old_rows o ON o.scheme_id = n.scheme_id"
						   "                         WHERE n.rules::bytea IS DISTINCT FROM o.rules::bytea)",
						   (Datum) 0, false);
		if (keys != (Datum) 0)
		{
			keys = SPI_datumTransfer(keys, false, -1);
			keeping = true;
			lock_projects(keys);
			keep_results(keys, false);
		}
	}
	PG_FINALLY();
	{
		keeping = was;
		shards = was_shards;
	}
	PG_END_TRY();
	SPI_finish();
	PG_RETURN_POINTER(NULL);
}

/*
 * Deferred keeping, for the import (perfeval_internal.keep_later() and
 * keep_now(), called by write_forms() around the writes of a chunk of
 * forms).  Between the two, pe_keep_written() only notes the projects and
 * the kinds that bulk_insert() wrote; keep_now() then does once what it
 * would have done after each table: the noted projects' state rows locked
 * in one ordered batch, the unit check of their actuals, and every noted
 * part recomputed by one UPDATE (one new state row version per project
 * instead of one per table).  The same locks, check and recompute, only
 * later in the same transaction: still after the facts are written, still
 * under the lock and in a new snapshot (see the head of this file).  The
 * state cannot be left stale: what is noted is forgotten with the
 * subtransaction that called keep_later() if it aborts, and a transaction
 * that would commit with noted projects not yet kept is refused.
 */
static bool defer_on = false;
static SubTransactionId defer_subid = InvalidSubTransactionId;
static bool defer_kinds[KIND_COUNT];
static bool defer_indicators = false;	/* indicators written: their results */
static text **deferred = NULL;
static int	ndeferred = 0,
			capdeferred = 0;
static bool defer_callbacks_set = false;

static void
defer_reset(void)
{
	defer_on = false;
	defer_subid = InvalidSubTransactionId;
	memset(defer_kinds, 0, sizeof(defer_kinds));
	defer_indicators = false;
	deferred = NULL;			/* (in TopTransactionContext) */
	ndeferred = capdeferred = 0;
}

static void
defer_xact(XactEvent event, void *arg)
{
	if ((event == XACT_EVENT_PRE_COMMIT || event == XACT_EVENT_PRE_PREPARE ||
		 event == XACT_EVENT_PARALLEL_PRE_COMMIT) && ndeferred > 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TRANSACTION_STATE),
				 errmsg("perfeval's kept state of the projects written since keep_later() is still deferred"),
				 errhint("Call perfeval_internal.keep_now() after perfeval_internal.keep_later() and the writes.")));
	if (event == XACT_EVENT_COMMIT || event == XACT_EVENT_ABORT ||
		event == XACT_EVENT_PARALLEL_COMMIT || event == XACT_EVENT_PARALLEL_ABORT ||
		event == XACT_EVENT_PREPARE)
		defer_reset();
}

static void
defer_subxact(SubXactEvent event, SubTransactionId mySubid, SubTransactionId parentSubid, void *arg)
{
	if (!defer_on || mySubid != defer_subid)
		return;
	if (event == SUBXACT_EVENT_ABORT_SUB)
		defer_reset();			/* its writes are gone, and so is what they noted */
	else if (event == SUBXACT_EVENT_COMMIT_SUB)
		defer_subid = parentSubid;
}

/*
 * Note the projects in keys (text[]) as written in a table of kind
 * (KIND_COUNT: indicator, whose projects' results only are recomputed).
 */
static void
defer(Kind kind, Datum keys)
{
	ArrayType  *a = DatumGetArrayTypeP(keys);
	Datum	   *elems;
	bool	   *nulls;
	int			n;
	MemoryContext old = MemoryContextSwitchTo(TopTransactionContext);

	deconstruct_array(a, TEXTOID, -1, false, TYPALIGN_INT, &elems, &nulls, &n);
	for (int i = 0; i < n; i++)
	{
		if (nulls[i])
			continue;
		if (ndeferred == capdeferred)
		{
			capdeferred = capdeferred ? 2 * capdeferred : 1024;
			deferred = deferred ? repalloc(deferred, capdeferred * sizeof(text *))
				: palloc(capdeferred * sizeof(text *));
		}
		deferred[ndeferred++] = (text *) PG_DETOAST_DATUM_COPY(elems[i]);
	}
	if (kind == KIND_COUNT)
		defer_indicators = true;
	else
		defer_kinds[kind] = true;
	MemoryContextSwitchTo(old);
}

/*
 * perfeval_internal.keep_later(): from now on, bulk_insert() only notes what
 * it wrote (see above), until keep_now().
 */
PG_FUNCTION_INFO_V1(pe_keep_later);
Datum
pe_keep_later(PG_FUNCTION_ARGS)
{
	if (!defer_callbacks_set)
	{
		RegisterXactCallback(defer_xact, NULL);
		RegisterSubXactCallback(defer_subxact, NULL);
		defer_callbacks_set = true;
	}
	if (!defer_on)
	{
		defer_on = true;
		defer_subid = GetCurrentSubTransactionId();
	}
	PG_RETURN_VOID();
}

/*
 * perfeval_internal.keep_now(): keep what bulk_insert() wrote since
 * keep_later(), and keep at once again.  Returns the projects kept.
 */
PG_FUNCTION_INFO_V1(pe_keep_now);
Datum
pe_keep_now(PG_FUNCTION_ARGS)
{
	bool		was = keeping;
	bool		which[KIND_COUNT];
	bool		results;
	bool		facts = false;
	Datum		keys;
	int64		n = 0;

	if (ndeferred == 0)
	{
		defer_reset();
		PG_RETURN_INT64(0);
	}
	memcpy(which, defer_kinds, sizeof(which));
	results = defer_indicators;
	for (int k = 0; k < KIND_COUNT; k++)
	{
		facts |= which[k];
		results |= which[k] && k != KIND_EXECUTION;
	}
	keys = PointerGetDatum(construct_array((Datum *) deferred, ndeferred, TEXTOID, -1, false, TYPALIGN_INT));
	defer_reset();
	SPI_connect();
	PG_TRY();
	{
		keys = one_datum("SELECT array_agg(DISTINCT id COLLATE \"C\" ORDER BY id COLLATE \"C\") FROM unnest($1) k(id)",
						 keys);
		if (keys != (Datum) 0)
		{
			keys = SPI_datumTransfer(keys, false, -1);
			n = ArrayGetNItems(ARR_NDIM(DatumGetArrayTypeP(keys)), ARR_DIMS(DatumGetArrayTypeP(keys)));
			keeping = true;
			lock_projects(keys);
			if (which[KIND_ACTUAL])
				refuse_incomparable(UNIT_CHECK(UNIT_CHECK_KEYS, ""), keys);
			if (facts)
				run(recompute(which), keys, SPI_OK_UPDATE);
			if (results)
				keep_results(keys, false);
		}
	}
	PG_FINALLY();
	{
		keeping = was;
	}
	PG_END_TRY();
	SPI_finish();
	PG_RETURN_INT64(n);
}

/*
 * After perfeval's bulk insert (src/bulk.c) wrote rows of rel, a fact table,
 * without firing its triggers: what keep_facts() does at the end of an
 * INSERT, for the projects in keys (text[]): their state rows locked in
 * order, the unit check, then their part recomputed in a new statement.
 * Must run inside SPI.
 */
void
pe_keep_written(Relation rel, Datum keys)
{
	bool		was = keeping;
	Kind		kind = is_indicator(rel) ? KIND_COUNT : kind_of(rel, "bulk_insert");

	if (defer_on)
	{
		defer(kind, keys);
		return;
	}
	PG_TRY();
	{
		keys = one_datum("SELECT array_agg(DISTINCT id COLLATE \"C\" ORDER BY id COLLATE \"C\") FROM unnest($1) k(id)",
						 keys);
		if (keys != (Datum) 0)
		{
			keys = SPI_datumTransfer(keys, false, -1);
			if (kind == KIND_COUNT)
			{
				/* indicators: their projects' results */
				keeping = true;
				lock_projects(keys);
				keep_results(keys, false);
			}
			else
				/* (every actual of the written projects: no transition table) */
				keep_kind(kind, keys, keys,
						  kind == KIND_ACTUAL ? UNIT_CHECK(UNIT_CHECK_KEYS, "") : NULL);
		}
	}
	PG_FINALLY();
	{
		keeping = was;
	}
	PG_END_TRY();
}

/*
 * check_targets(): the statement trigger on UPDATE of indicator.  A target
 * changed to a unit its actuals cannot be compared with is refused, under
 * the project's lock (see the head of this file).
 */
PG_FUNCTION_INFO_V1(check_targets);
Datum
check_targets(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	bool		was = keeping;

	const PeShardMap *was_shards = shards;
	PeShardMap	map;

	check_trigger(fcinfo, "check_targets");
	SPI_connect();
	if (pe_where(td->tg_relation, &map) == PE_SHELL)
	{
		SPI_finish();
		PG_RETURN_POINTER(NULL);
	}
	PG_TRY();
	{
		Datum		keys;

		shards = &map;
		SPI_register_trigger_data(td);
		keys = one_datum("SELECT array_agg(id ORDER BY id COLLATE \"C\") FROM (SELECT DISTINCT n.project_id AS id"
						 "  FROM new_rows n JOIN old_rows o ON o.project_id = n.project_id AND o.code = n.code"
						 " WHERE n.target IS NOT NULL"
						 "   AND (o.target IS NULL OR n.target OPERATOR(perfeval.<>) o.target)) d", (Datum) 0);
		if (keys != (Datum) 0)
		{
			keys = SPI_datumTransfer(keys, false, -1);
			keeping = true;
			/* (every project the statement wrote: keep_indicators() locks no other) */
			lock_projects(with_noted(keys));
			refuse_incomparable(
				"SELECT a.project_id, a.code, a.measure, i.target"
				"  FROM new_rows n JOIN perfeval.indicator i ON i.project_id = n.project_id AND i.code = n.code"
				"  JOIN perfeval.actual a ON a.project_id = i.project_id AND a.code = i.code"
				" WHERE a.measure IS NOT NULL AND i.target IS NOT NULL"
				"   AND NOT perfeval.comparable(i.target, a.measure) LIMIT 1", (Datum) 0);
		}
	}
	PG_FINALLY();
	{
		keeping = was;
		shards = was_shards;
	}
	PG_END_TRY();
	SPI_finish();
	PG_RETURN_POINTER(NULL);
}

/*
 * keep_projects(): the statement trigger on project.  Every project has a
 * state row, which carries its scheme (so that scoring reads one row per
 * project): created with the project, following its scheme and its id,
 * removed with it.
 */
PG_FUNCTION_INFO_V1(keep_projects);
Datum
keep_projects(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	bool		was = keeping;

	const PeShardMap *was_shards = shards;
	PeShardMap	map;
	PeWhere		where;

	check_trigger(fcinfo, "keep_projects");
	SPI_connect();
	where = pe_where(td->tg_relation, &map);
	if (where == PE_SHELL)
	{
		SPI_finish();
		PG_RETURN_POINTER(NULL);
	}
	if (strcmp(map.base ? map.base : RelationGetRelationName(td->tg_relation), "project") != 0 ||
		strcmp(get_namespace_name(RelationGetNamespace(td->tg_relation)), "perfeval") != 0)
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("keep_projects() keeps perfeval's state and cannot be attached to table \"%s\"",
						RelationGetRelationName(td->tg_relation))));
	PG_TRY();
	{
		Datum		keys;

		shards = &map;
		SPI_register_trigger_data(td);
		keeping = true;
		if (TRIGGER_FIRED_BY_TRUNCATE(td->tg_event))
		{
			run("DELETE FROM perfeval_internal.project_state", (Datum) 0, SPI_OK_DELETE);
			if (keeps_results())
			{
				run("DELETE FROM perfeval_internal.project_results", (Datum) 0, SPI_OK_DELETE);
				run("DELETE FROM perfeval_internal.project_levels", (Datum) 0, SPI_OK_DELETE);
			}
		}
		else if (TRIGGER_FIRED_BY_INSERT(td->tg_event))
		{
			keys = one_datum("SELECT array_agg(project_id ORDER BY project_id COLLATE \"C\") FROM new_rows",
							 (Datum) 0);
			if (where == PE_LOCAL && keys != (Datum) 0 && keeps_results() && !restoring())
				run(LOCK_SCHEMES, keys, SPI_OK_SELECT);
			/* new projects: nobody else can hold their rows yet */
			if (SPI_execute(sharded("INSERT INTO perfeval_internal.project_state (project_id, scheme_id)"
									" SELECT n.project_id, n.scheme_id FROM new_rows n"
									" ORDER BY n.project_id COLLATE \"C\""
									" ON CONFLICT (project_id) DO UPDATE SET scheme_id = EXCLUDED.scheme_id"),
							false, 0) != SPI_OK_INSERT)
				elog(ERROR, "perfeval: could not create project state");
			/* and their results (none yet, or a re-inserted project's) */
			keep_results(keys, false);
		}
		else
		{
			/*
			 * (and an updated project whose kept results carry rules its
			 * scheme no longer has: on a Citus cluster, where a rules change
			 * recomputes nothing, an UPDATE of the scheme's projects keeps
			 * them again, docs/scale-out.md)
			 */
			keys = one_datum(TRIGGER_FIRED_BY_DELETE(td->tg_event) ?
							 "SELECT array_agg(project_id ORDER BY project_id COLLATE \"C\") FROM old_rows" :
							 psprintf("SELECT array_agg(id ORDER BY id COLLATE \"C\") FROM ("
									  "SELECT n.project_id AS id FROM new_rows n JOIN old_rows o ON o.project_id = n.project_id"
									  " WHERE n.scheme_id IS DISTINCT FROM o.scheme_id"
									  " UNION SELECT project_id FROM new_rows WHERE project_id NOT IN (SELECT project_id FROM old_rows)"
									  " UNION SELECT project_id FROM old_rows WHERE project_id NOT IN (SELECT project_id FROM new_rows)"
									  "%s) d",
									  keeps_results() ?
									  " UNION SELECT n.project_id FROM new_rows n"
									  " JOIN perfeval_internal.project_results r ON r.project_id = n.project_id"
									  " JOIN perfeval.scheme s ON s.scheme_id = n.scheme_id WHERE r.rules <> s.rules::bytea" : ""),
							 (Datum) 0);
			if (keys != (Datum) 0)
			{
				keys = SPI_datumTransfer(keys, false, -1);
				if (where == PE_LOCAL && keeps_results() && !restoring())
					run(LOCK_SCHEMES, keys, SPI_OK_SELECT);
				lock_projects(keys);
				run(FOLLOW_PROJECTS, keys, SPI_OK_UPDATE);
				run(DROP_GONE, keys, SPI_OK_DELETE);
				keep_results(keys, true);
			}
		}
		/* on a shard, the foreign key to scheme that distribute() dropped */
		if (where == PE_SHARD && (TRIGGER_FIRED_BY_INSERT(td->tg_event) || TRIGGER_FIRED_BY_UPDATE(td->tg_event)))
			pe_check_project_schemes(td->tg_relation, sharded);
	}
	PG_FINALLY();
	{
		keeping = was;
		shards = was_shards;
	}
	PG_END_TRY();
	SPI_finish();
	PG_RETURN_POINTER(NULL);
}

/*
 * note_projects(): BEFORE ROW on the fact tables, notes the project of each
 * row written (see "noted" above).  It changes nothing.
 */
PG_FUNCTION_INFO_V1(note_projects);
Datum
note_projects(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	TupleDesc	desc;
	int			attno;
	bool		isnull;
	Datum		d;

	if (!CALLED_AS_TRIGGER(fcinfo) || !TRIGGER_FIRED_BEFORE(td->tg_event) ||
		!TRIGGER_FIRED_FOR_ROW(td->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("note_projects() must run as a BEFORE ... FOR EACH ROW trigger")));
	desc = RelationGetDescr(td->tg_relation);
	attno = SPI_fnumber(desc, "project_id");
	if (attno <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("note_projects() needs a project_id column")));
	d = heap_getattr(td->tg_trigtuple, attno, desc, &isnull);
	if (!isnull)
		note(d);
	if (TRIGGER_FIRED_BY_UPDATE(td->tg_event))
	{
		d = heap_getattr(td->tg_newtuple, attno, desc, &isnull);
		if (!isnull)
			note(d);
		PG_RETURN_POINTER(td->tg_newtuple);
	}
	PG_RETURN_POINTER(td->tg_trigtuple);
}

/*
 * guard_state(): BEFORE each statement on project_state.  Only perfeval's
 * own statements may write it.
 */
PG_FUNCTION_INFO_V1(guard_state);
Datum
guard_state(PG_FUNCTION_ARGS)
{
	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("guard_state() must run as a trigger")));
	if (keeping)
		PG_RETURN_POINTER(NULL);
	if (strncmp(RelationGetRelationName(((TriggerData *) fcinfo->context)->tg_relation),
				"project_state", strlen("project_state")) == 0)
		ereport(ERROR,
				(errcode(ERRCODE_GENERATED_ALWAYS),
				 errmsg("cannot write perfeval_internal.project_state"),
				 errdetail("perfeval keeps it from the facts (actual, checklist_point, survey_response, allocation, execution)."),
				 errhint("Change the facts instead; SELECT perfeval.refresh_state() recomputes it.")));
	ereport(ERROR,
			(errcode(ERRCODE_GENERATED_ALWAYS),
			 errmsg("cannot write perfeval's kept results (%s)",
					RelationGetRelationName(((TriggerData *) fcinfo->context)->tg_relation)),
			 errdetail("perfeval keeps them from the projects, their indicators, their facts and their schemes."),
			 errhint("Change the facts instead; SELECT perfeval.refresh_state() recomputes them.")));
	PG_RETURN_POINTER(NULL);
}

/*
 * refresh_state(): recompute every project's state from the facts (after a
 * data-only restore that disabled triggers, say).  Returns the number of
 * projects that have facts.
 */
PG_FUNCTION_INFO_V1(refresh_state);
Datum
refresh_state(PG_FUNCTION_ARGS)
{
	bool		was = keeping;
	const PeShardMap *was_shards = shards;
	int64		n = 0;
	bool		dated_money;

	SPI_connect();
	PG_TRY();
	{
		Datum		keys;

		shards = &no_shards;
		/*
		 * (the library of a release runs on the catalog of the one before
		 * until ALTER EXTENSION ... UPDATE: before 1.16 there is no dated
		 * money to keep)
		 */
		dated_money = DatumGetBool(one_datum("SELECT to_regclass('perfeval.execution') IS NOT NULL", (Datum) 0));
		keys = one_datum("SELECT array_agg(id ORDER BY id COLLATE \"C\") FROM ("
						 "SELECT project_id AS id FROM perfeval.project UNION"
						 " SELECT project_id FROM perfeval_internal.project_state) d", (Datum) 0);
		keeping = true;
		if (keys != (Datum) 0)
		{
			keys = SPI_datumTransfer(keys, false, -1);
			lock_projects(keys);
			run(FOLLOW_PROJECTS, keys, SPI_OK_UPDATE);
			run(DROP_GONE, keys, SPI_OK_DELETE);
			for (int k = 0; k < KIND_COUNT; k++)
			{
				bool		which[KIND_COUNT] = {false};

				if (k == KIND_EXECUTION && !dated_money)
					continue;
				which[k] = true;
				run(recompute(which), keys, SPI_OK_UPDATE);
			}
			keep_results(keys, true);
		}
		n = DatumGetInt64(one_datum(dated_money ?
									"SELECT count(*) FROM perfeval_internal.project_state"
									" WHERE actuals IS NOT NULL OR checklist IS NOT NULL"
									" OR survey IS NOT NULL OR allocations > 0 OR execution_days IS NOT NULL" :
									"SELECT count(*) FROM perfeval_internal.project_state"
									" WHERE actuals IS NOT NULL OR checklist IS NOT NULL"
									" OR survey IS NOT NULL OR allocations > 0", (Datum) 0));
	}
	PG_FINALLY();
	{
		keeping = was;
		shards = was_shards;
	}
	PG_END_TRY();
	SPI_finish();
	PG_RETURN_INT64(n);
}
