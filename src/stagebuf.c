/*
 * stagebuf.c
 *		Staging form rows on a Citus cluster (docs/scale-out.md).
 *
 * On one node the staging trigger (form.c) writes each row into its staging
 * table's heap.  On a Citus coordinator the staging tables are reference
 * tables whose heap is an empty shell: a row must reach every placement
 * through Citus.  One distributed INSERT per row would cost a round trip to
 * each node per CSV line, so the trigger hands its rows here instead; they
 * are written in batches by one multi-row INSERT per STAGE_BATCH rows
 * (Citus sends the batch to each placement), the last
 * batch by stage_flush(), the views' AFTER ... FOR EACH STATEMENT trigger,
 * before the statement ends.
 *
 * Rows are buffered in the transaction's memory; a buffer belongs to one
 * transaction (its local id) and one subtransaction: when that
 * subtransaction aborts, its rows are forgotten with it, as their heap
 * inserts would have been.  The batch is written as the staging role, as
 * every other write of its import is: Citus refuses a transaction in which
 * two roles write the reference tables' placements.  (A loader has INSERT
 * on the staging tables for this; their policies keep staged_by its own.)
 */
#include "perfeval.h"

#include "access/htup_details.h"
#include "access/table.h"
#include "access/xact.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "storage/proc.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"

#include "shard.h"

/* rows per INSERT: their parameters stay well below the protocol's 65535 */
#define STAGE_BATCH 1000

typedef struct StageBuf
{
	Oid			staged;			/* the staging table */
	LocalTransactionId lxid;
	SubTransactionId subid;		/* where the buffered rows were staged */
	MemoryContext cxt;			/* child of the transaction's context */
	HeapTuple  *rows;
	int			n;
	int			cap;
} StageBuf;

static StageBuf bufs[4];
static bool callback_set = false;

/* Rows of an aborted subtransaction are dropped with it. */
static void
stagebuf_subxact(SubXactEvent event, SubTransactionId mySubid,
				 SubTransactionId parentSubid, void *arg)
{
	if (event != SUBXACT_EVENT_ABORT_SUB)
		return;
	for (int i = 0; i < lengthof(bufs); i++)
		if (bufs[i].lxid == PE_MY_LXID && bufs[i].n > 0 && bufs[i].subid >= mySubid)
		{
			bufs[i].n = 0;
			MemoryContextReset(bufs[i].cxt);
			bufs[i].rows = NULL;
			bufs[i].cap = 0;
		}
}

/* Whether the staging table staged must be written through Citus. */
bool
pe_stagebuf_wanted(Relation staged)
{
	PeShardMap map;
	PeWhere		where;

	SPI_connect();
	where = pe_where(staged, &map);
	SPI_finish();
	return where == PE_SHELL;
}

/* This transaction's buffer of staged, or NULL (create: a new one). */
static StageBuf *
buffer_of(Oid staged, bool create)
{
	StageBuf   *free_slot = NULL;

	for (int i = 0; i < lengthof(bufs); i++)
	{
		if (bufs[i].lxid == PE_MY_LXID && bufs[i].staged == staged)
			return &bufs[i];
		if (free_slot == NULL && bufs[i].lxid != PE_MY_LXID)
			free_slot = &bufs[i];
	}
	if (!create)
		return NULL;
	if (free_slot == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("more than %d staging tables written in one transaction", (int) lengthof(bufs))));
	if (!callback_set)
	{
		RegisterSubXactCallback(stagebuf_subxact, NULL);
		callback_set = true;
	}
	/* the previous transaction's context went with it */
	free_slot->staged = staged;
	free_slot->lxid = PE_MY_LXID;
	free_slot->subid = GetCurrentSubTransactionId();
	free_slot->cxt = AllocSetContextCreate(TopTransactionContext, "perfeval staged rows",
										   ALLOCSET_DEFAULT_SIZES);
	free_slot->rows = NULL;
	free_slot->n = free_slot->cap = 0;
	return free_slot;
}

/*
 * INSERT INTO target [(cols)] VALUES ($1, ..., $n), ($n+1, ...), ... for n
 * rows of desc, as the caller: on a Citus cluster, an INSERT on each
 * placement or shard it reaches.  (Not INSERT ... SELECT: Citus turns that
 * into a COPY to the placements, which row-level security refuses for a
 * loader.)
 */
static void
insert_values(const char *target, const char *cols, TupleDesc desc, HeapTuple *rows, int n)
{
	int			natts = desc->natts;
	Oid		   *argtypes = palloc(sizeof(Oid) * natts * n);
	Datum	   *values = palloc(sizeof(Datum) * natts * n);
	bool	   *isnull = palloc(sizeof(bool) * natts * n);
	char	   *nulls = palloc(natts * n);
	StringInfoData sql;
	int			rc;

	initStringInfo(&sql);
	appendStringInfo(&sql, "INSERT INTO %s %s%s%s VALUES ", target,
					 cols ? "(" : "", cols ? cols : "", cols ? ")" : "");
	for (int r = 0; r < n; r++)
	{
		heap_deform_tuple(rows[r], desc, values + (Size) r * natts, isnull + (Size) r * natts);
		appendStringInfoString(&sql, r > 0 ? ", (" : "(");
		for (int c = 0; c < natts; c++)
		{
			int			k = r * natts + c;

			argtypes[k] = TupleDescAttr(desc, c)->atttypid;
			nulls[k] = isnull[k] ? 'n' : ' ';
			appendStringInfo(&sql, "%s$%d", c > 0 ? ", " : "", k + 1);
		}
		appendStringInfoChar(&sql, ')');
	}
	SPI_connect();
	rc = SPI_execute_with_args(sql.data, natts * n, argtypes, values, nulls, false, 0);
	if (rc != SPI_OK_INSERT || SPI_processed != (uint64) n)
		elog(ERROR, "perfeval: could not insert %d rows into %s: %s", n, target, SPI_result_code_string(rc));
	SPI_finish();
}

/* Write the buffered rows of b. */
static void
write_buffer(StageBuf *b)
{
	Relation	rel;
	TupleDesc	desc;
	char	   *target;

	if (b->n == 0)
		return;
	rel = table_open(b->staged, AccessShareLock);
	desc = CreateTupleDescCopy(RelationGetDescr(rel));
	target = quote_qualified_identifier(get_namespace_name(RelationGetNamespace(rel)),
										RelationGetRelationName(rel));
	table_close(rel, AccessShareLock);
	insert_values(target, NULL, desc, b->rows, b->n);
	b->n = 0;
	b->cap = 0;
	b->rows = NULL;
	MemoryContextReset(b->cxt);
}

/*
 * perfeval_internal.insert_rows(target regclass, cols text, query text,
 * lo bigint, hi bigint): INSERT INTO target (cols) the rows of query (whose
 * $1 and $2 are lo and hi), STAGE_BATCH rows per multi-row INSERT, as the
 * caller.  The import's writes on a cluster where row-level security
 * applies to its caller (write_rows()).
 */
PG_FUNCTION_INFO_V1(pe_insert_rows);
Datum
pe_insert_rows(PG_FUNCTION_ARGS)
{
	Oid			target = PG_GETARG_OID(0);
	char	   *cols = text_to_cstring(PG_GETARG_TEXT_PP(1));
	char	   *query = text_to_cstring(PG_GETARG_TEXT_PP(2));
	Oid			argtypes[2] = {INT8OID, INT8OID};
	Datum		args[2] = {PG_GETARG_DATUM(3), PG_GETARG_DATUM(4)};
	char	   *name = quote_qualified_identifier(get_namespace_name(get_rel_namespace(target)),
												  get_rel_name(target));
	MemoryContext cxt = AllocSetContextCreate(CurrentMemoryContext, "perfeval insert_rows",
											  ALLOCSET_DEFAULT_SIZES);
	Portal		portal;
	int64		total = 0;

	SPI_connect();
	portal = SPI_cursor_open_with_args(NULL, query, 2, argtypes, args, NULL, true, 0);
	for (;;)
	{
		MemoryContext old;
		TupleDesc	desc;
		HeapTuple  *rows;
		uint64		n;

		SPI_cursor_fetch(portal, true, STAGE_BATCH);
		n = SPI_processed;
		if (n == 0)
			break;
		/* the fetched rows outlive SPI_tuptable, which the INSERT replaces */
		old = MemoryContextSwitchTo(cxt);
		desc = CreateTupleDescCopy(SPI_tuptable->tupdesc);
		rows = palloc(sizeof(HeapTuple) * n);
		for (uint64 r = 0; r < n; r++)
			rows[r] = heap_copytuple(SPI_tuptable->vals[r]);
		SPI_freetuptable(SPI_tuptable);
		insert_values(name, cols, desc, rows, (int) n);
		MemoryContextSwitchTo(old);
		MemoryContextReset(cxt);
		total += n;
	}
	SPI_cursor_close(portal);
	SPI_finish();
	MemoryContextDelete(cxt);
	PG_RETURN_INT64(total);
}

/* Buffer a staged row of the staging table staged (formed by the caller). */
void
pe_stagebuf_add(Oid staged, HeapTuple tup)
{
	StageBuf   *b = buffer_of(staged, true);
	MemoryContext old;

	/* one subtransaction per buffer: rows of an outer one are written first */
	if (b->n > 0 && b->subid != GetCurrentSubTransactionId())
		write_buffer(b);
	if (b->n == 0)
		b->subid = GetCurrentSubTransactionId();
	old = MemoryContextSwitchTo(b->cxt);
	if (b->n == b->cap)
	{
		b->cap = b->cap ? 2 * b->cap : 256;
		b->rows = b->rows ? repalloc(b->rows, sizeof(HeapTuple) * b->cap)
			: palloc(sizeof(HeapTuple) * b->cap);
	}
	b->rows[b->n++] = heap_copytuple(tup);
	MemoryContextSwitchTo(old);
	if (b->n >= STAGE_BATCH)
		write_buffer(b);
}

/*
 * perfeval_internal.stage_flush(): AFTER INSERT FOR EACH STATEMENT trigger
 * of the form_* views: the statement's last rows reach the staging table
 * (on one node nothing is buffered and it returns at once).
 */
PG_FUNCTION_INFO_V1(pe_stage_flush);
Datum
pe_stage_flush(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo) || !TRIGGER_FIRED_AFTER(td->tg_event) ||
		!TRIGGER_FIRED_FOR_STATEMENT(td->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("stage_flush() must be an AFTER ... FOR EACH STATEMENT trigger")));
	for (int i = 0; i < lengthof(bufs); i++)
		if (bufs[i].lxid == PE_MY_LXID && bufs[i].n > 0)
			write_buffer(&bufs[i]);
	return PointerGetDatum(NULL);
}
