/*
 * bulk.c
 *		perfeval_internal.bulk_insert(): the import's writes of the fact
 *		tables the way COPY writes a table -- rows in batches through
 *		table_multi_insert(), then their index entries, each row's NOT NULL
 *		and CHECK constraints -- with the work of the tables' row triggers
 *		done once per batch instead of once per row:
 *
 *	* each foreign key: one query per batch locks the batch's distinct
 *	  parent rows FOR KEY SHARE (as the RI triggers lock them, one query per
 *	  row, as the parent table's owner) and counts them; a missing parent is
 *	  the RI trigger's error (23503, the same message);
 *	* the kept state: the written projects' state rows locked and their
 *	  part recomputed once, at the end (pe_keep_written(), src/keep.c: what
 *	  keep_facts() does at the end of an INSERT).
 *
 * Only where nothing else could tell the difference: a plain table on this
 * node (not a Citus table), row-level security not applying to the caller,
 * no trigger on INSERT but the foreign keys' and perfeval's state triggers,
 * no generated column, foreign keys MATCH SIMPLE and not deferrable.
 * Otherwise it writes nothing and returns NULL; the caller then runs an
 * INSERT ... SELECT (write_rows()).
 */
#include "perfeval.h"

#include "access/heapam.h"
#include "access/htup_details.h"
#include "access/table.h"
#include "access/tableam.h"
#include "access/xact.h"
#include "catalog/namespace.h"
#include "catalog/objectaddress.h"
#include "catalog/pg_constraint.h"
#include "catalog/pg_trigger.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/executor.h"
#include "executor/spi.h"
#include "miscadmin.h"
#include "parser/parse_relation.h"
#include "rewrite/rewriteHandler.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/rls.h"
#include "utils/syscache.h"
#include "utils/varlena.h"

#include "shard.h"

#define BULK_BATCH 1000

/* One foreign key of the target table. */
typedef struct BulkKey
{
	char	   *conname;
	char	   *parent;			/* the referenced table's name, for messages */
	Oid			owner;			/* its owner: the check runs as the owner */
	int			nkeys;
	AttrNumber	attnum[INDEX_MAX_KEYS];	/* the target's key columns */
	Oid			type[INDEX_MAX_KEYS];
	int16		typlen[INDEX_MAX_KEYS];
	bool		typbyval[INDEX_MAX_KEYS];
	char		typalign[INDEX_MAX_KEYS];
	char	   *cols;			/* the key columns, for messages */
	char	   *from;			/* "ONLY <parent> x WHERE <key> = k.<c>" */
	SPIPlanPtr	check;			/* $1..$n arrays -> distinct keys not found */
	Datum	   *vals[INDEX_MAX_KEYS];
	int			n;
} BulkKey;

/*
 * Is t one of the triggers whose work bulk_insert() does itself?  (The
 * parking of a restore's early rows, sql/40_tables.sql: bulk_insert()
 * refuses a missing parent itself, and takes in what waits for the rows it
 * wrote, *adopt the trigger's key columns.)
 */
static bool
known_trigger(const Trigger *t, bool *keeps, char **adopt)
{
	const char *fn;
	char	   *nsp;

	if (!TRIGGER_FOR_INSERT(t->tgtype) || t->tgenabled == TRIGGER_DISABLED)
		return true;
	if (RI_FKey_trigger_type(t->tgfoid) == RI_TRIGGER_FK)
		return true;
	fn = get_func_name(t->tgfoid);
	nsp = get_namespace_name(get_func_namespace(t->tgfoid));
	if (fn && nsp && strcmp(nsp, "perfeval_internal") == 0 &&
		(strcmp(fn, "note_projects") == 0 || strcmp(fn, "keep_facts") == 0 ||
		 strcmp(fn, "keep_indicators") == 0))
	{
		*keeps = true;
		return true;
	}
	if (fn && nsp && strcmp(nsp, "perfeval_internal") == 0 && strcmp(fn, "park_orphan") == 0)
		return true;
	if (fn && nsp && strcmp(nsp, "perfeval_internal") == 0 && strcmp(fn, "adopt_parked") == 0 &&
		t->tgnargs == 1)
	{
		*adopt = pstrdup(t->tgargs[0]);
		return true;
	}
	return false;
}

/*
 * Can rel be written without the executor's INSERT (see the head of this
 * file)?  The foreign keys into *keys.  Inside SPI.
 */
static bool
bulk_possible(Relation rel, List **keys, bool *keeps, char **adopt)
{
	PeShardMap	map;
	TupleDesc	desc = RelationGetDescr(rel);
	ListCell   *lc;

	*keys = NIL;
	*keeps = false;
	*adopt = NULL;
	if (rel->rd_rel->relkind != RELKIND_RELATION ||
		check_enable_rls(RelationGetRelid(rel), InvalidOid, false) == RLS_ENABLED ||
		(desc->constr && desc->constr->has_generated_stored) ||
		pe_where(rel, &map) != PE_LOCAL)
		return false;
	if (rel->trigdesc)
		for (int i = 0; i < rel->trigdesc->numtriggers; i++)
			if (!known_trigger(&rel->trigdesc->triggers[i], keeps, adopt))
				return false;

	foreach(lc, RelationGetFKeyList(rel))
	{
		ForeignKeyCacheInfo *fk = lfirst_node(ForeignKeyCacheInfo, lc);
		BulkKey    *k = palloc0(sizeof(BulkKey));
		HeapTuple	ct = SearchSysCache1(CONSTROID, ObjectIdGetDatum(fk->conoid));
		Form_pg_constraint con;
		Relation	prel;
		StringInfoData from,
					cols,
					sql;
		Oid			argtypes[INDEX_MAX_KEYS];

		if (!HeapTupleIsValid(ct))
			elog(ERROR, "perfeval: cache lookup failed for constraint %u", fk->conoid);
		con = (Form_pg_constraint) GETSTRUCT(ct);
		if (con->condeferrable || con->confmatchtype != FKCONSTR_MATCH_SIMPLE)
		{
			ReleaseSysCache(ct);
			return false;
		}
		k->conname = pstrdup(NameStr(con->conname));
		ReleaseSysCache(ct);

		/* (locked as the RI trigger locks it) */
		prel = table_open(fk->confrelid, RowShareLock);
		k->parent = pstrdup(RelationGetRelationName(prel));
		k->owner = prel->rd_rel->relowner;
		k->nkeys = fk->nkeys;
		initStringInfo(&from);
		initStringInfo(&cols);
		appendStringInfo(&from, "ONLY %s x WHERE ",
						 quote_qualified_identifier(get_namespace_name(RelationGetNamespace(prel)),
													RelationGetRelationName(prel)));
		for (int j = 0; j < fk->nkeys; j++)
		{
			Form_pg_attribute a = TupleDescAttr(desc, fk->conkey[j] - 1);

			k->attnum[j] = fk->conkey[j];
			k->type[j] = a->atttypid;
			get_typlenbyvalalign(a->atttypid, &k->typlen[j], &k->typbyval[j], &k->typalign[j]);
			argtypes[j] = get_array_type(a->atttypid);
			if (!OidIsValid(argtypes[j]))
			{
				table_close(prel, NoLock);
				return false;
			}
			appendStringInfo(&from, "%sx.%s = k.c%d", j ? " AND " : "",
							 quote_identifier(get_attname(fk->confrelid, fk->confkey[j], false)), j + 1);
			appendStringInfo(&cols, "%s%s", j ? ", " : "", quote_identifier(NameStr(a->attname)));
		}
		table_close(prel, NoLock);
		k->from = from.data;
		k->cols = cols.data;

		/*
		 * The batch's keys without a parent row, the others locked.  (Not
		 * DISTINCT: add_key() drops a key repeating the one before, and a
		 * key repeated later is found or missed twice, which counts the
		 * same; the hashing cost more than the probes it saved.)
		 */
		initStringInfo(&sql);
		appendStringInfoString(&sql, "WITH k AS MATERIALIZED (SELECT * FROM unnest(");
		for (int j = 0; j < k->nkeys; j++)
			appendStringInfo(&sql, "%s$%d", j ? ", " : "", j + 1);
		appendStringInfoString(&sql, ") k(");
		for (int j = 0; j < k->nkeys; j++)
			appendStringInfo(&sql, "%sc%d", j ? ", " : "", j + 1);
		appendStringInfo(&sql, ")) SELECT (SELECT count(*) FROM k) - (SELECT count(*) FROM"
						 " (SELECT FROM k, LATERAL (SELECT FROM %s FOR KEY SHARE OF x) l) f)", k->from);
		k->check = SPI_prepare(sql.data, k->nkeys, argtypes);
		if (k->check == NULL)
			elog(ERROR, "perfeval: could not prepare \"%s\": %s", sql.data, SPI_result_code_string(SPI_result));
		for (int j = 0; j < k->nkeys; j++)
			k->vals[j] = palloc(sizeof(Datum) * BULK_BATCH);
		*keys = lappend(*keys, k);
	}
	return true;
}

/* The batch's key of foreign key k from slot (its columns not NULL). */
static void
add_key(BulkKey *k, TupleTableSlot *slot)
{
	bool		isnull;
	Datum		v[INDEX_MAX_KEYS];
	bool		same = k->n > 0;

	for (int j = 0; j < k->nkeys; j++)
	{
		v[j] = slot_getattr(slot, k->attnum[j], &isnull);
		if (isnull)
			return;				/* MATCH SIMPLE: nothing to check */
		same = same && datumIsEqual(v[j], k->vals[j][k->n - 1], k->typbyval[j], k->typlen[j]);
	}
	if (same)
		return;					/* rows of one parent come together */
	for (int j = 0; j < k->nkeys; j++)
		k->vals[j][k->n] = v[j];
	k->n++;
}

/* Check and lock the parents of the batch's keys of k; 23503 if one is missing. */
static void
check_key(Relation rel, BulkKey *k)
{
	Datum		args[INDEX_MAX_KEYS];
	Oid			save_userid;
	int			save_sec;
	bool		isnull;
	int64		missing;

	if (k->n == 0)
		return;
	for (int j = 0; j < k->nkeys; j++)
		args[j] = PointerGetDatum(construct_array(k->vals[j], k->n, k->type[j], k->typlen[j],
												  k->typbyval[j], k->typalign[j]));
	GetUserIdAndSecContext(&save_userid, &save_sec);
	SetUserIdAndSecContext(k->owner, save_sec | SECURITY_LOCAL_USERID_CHANGE | SECURITY_NOFORCE_RLS);
	if (SPI_execute_plan(k->check, args, NULL, false, 1) != SPI_OK_SELECT || SPI_processed != 1)
		elog(ERROR, "perfeval: foreign key check of \"%s\" failed", k->conname);
	missing = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	if (missing != 0)
	{
		/* the first key without a parent, worded as the RI trigger words it */
		StringInfoData sql,
					vals;
		Oid			argtypes[INDEX_MAX_KEYS];

		initStringInfo(&sql);
		appendStringInfoString(&sql, "SELECT ");
		for (int j = 0; j < k->nkeys; j++)
		{
			argtypes[j] = get_array_type(k->type[j]);
			appendStringInfo(&sql, "%sk.c%d::text", j ? ", " : "", j + 1);
		}
		appendStringInfoString(&sql, " FROM unnest(");
		for (int j = 0; j < k->nkeys; j++)
			appendStringInfo(&sql, "%s$%d", j ? ", " : "", j + 1);
		appendStringInfoString(&sql, ") k(");
		for (int j = 0; j < k->nkeys; j++)
			appendStringInfo(&sql, "%sc%d", j ? ", " : "", j + 1);
		appendStringInfo(&sql, ") WHERE NOT EXISTS (SELECT FROM %s) LIMIT 1", k->from);
		if (SPI_execute_with_args(sql.data, k->nkeys, argtypes, args, NULL, false, 1) != SPI_OK_SELECT ||
			SPI_processed != 1)
			elog(ERROR, "perfeval: could not find the missing key of \"%s\"", k->conname);
		initStringInfo(&vals);
		for (int j = 0; j < k->nkeys; j++)
		{
			char	   *v = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, j + 1);

			appendStringInfo(&vals, "%s%s", j ? ", " : "", v ? v : "null");
		}
		SetUserIdAndSecContext(save_userid, save_sec);
		ereport(ERROR,
				(errcode(ERRCODE_FOREIGN_KEY_VIOLATION),
				 errmsg("insert or update on table \"%s\" violates foreign key constraint \"%s\"",
						RelationGetRelationName(rel), k->conname),
				 errdetail("Key (%s)=(%s) is not present in table \"%s\".", k->cols, vals.data, k->parent),
				 errtableconstraint(rel, k->conname)));
	}
	SetUserIdAndSecContext(save_userid, save_sec);
	k->n = 0;
}

/*
 * perfeval_internal.bulk_insert(target regclass, cols text, query text,
 * lo bigint, hi bigint) returns bigint: the rows of query ($1 = lo, $2 =
 * hi) written into target's columns cols; NULL (nothing written) where an
 * INSERT is needed.
 */
PG_FUNCTION_INFO_V1(pe_bulk_insert);
Datum
pe_bulk_insert(PG_FUNCTION_ARGS)
{
	Oid			relid = PG_GETARG_OID(0);
	char	   *cols = text_to_cstring(PG_GETARG_TEXT_PP(1));
	char	   *query = text_to_cstring(PG_GETARG_TEXT_PP(2));
	Datum		args[2] = {PG_GETARG_DATUM(3), PG_GETARG_DATUM(4)};
	Oid			argtypes[2] = {INT8OID, INT8OID};
	Relation	rel;
	TupleDesc	desc;
	List	   *names;
	List	   *keys;
	bool		keeps;
	char	   *adopt;
	int			ncols,
				natts;
	AttrNumber *attnum;
	ExprState **defaults;
	Bitmapset  *inserted = NULL;
	StringInfoData sql;
	SPIPlanPtr	plan;
	Portal		portal;
	EState	   *estate;
	RangeTblEntry *rte;
	ResultRelInfo *rri;
	TupleTableSlot *slots[BULK_BATCH];
	BulkInsertState bistate;
	CommandId	cid;
	AttrNumber	project_att = InvalidAttrNumber;
	Datum	   *projects = NULL;
	int			nprojects = 0,
				capprojects = 0;
	int64		written = 0;
	ListCell   *lc;
	int			j;
	Datum	   *v;
	bool	   *isnull;

	rel = table_open(relid, RowExclusiveLock);
	if (pg_class_aclcheck(relid, GetUserId(), ACL_INSERT) != ACLCHECK_OK)
		aclcheck_error(ACLCHECK_NO_PRIV, get_relkind_objtype(rel->rd_rel->relkind),
					   RelationGetRelationName(rel));
	SPI_connect();
	if (!bulk_possible(rel, &keys, &keeps, &adopt))
	{
		SPI_finish();
		table_close(rel, RowExclusiveLock);
		PG_RETURN_NULL();
	}
	desc = RelationGetDescr(rel);
	natts = desc->natts;

	/* the columns written, and the others' defaults */
	if (!SplitIdentifierString(pstrdup(cols), ',', &names) || names == NIL)
		ereport(ERROR,
				(errcode(ERRCODE_SYNTAX_ERROR),
				 errmsg("invalid column list: \"%s\"", cols)));
	ncols = list_length(names);
	attnum = palloc(sizeof(AttrNumber) * ncols);
	j = 0;
	foreach(lc, names)
	{
		const char *name = lfirst(lc);
		AttrNumber	a = attnameAttNum(rel, name, false);

		if (a == InvalidAttrNumber)
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_COLUMN),
					 errmsg("column \"%s\" of relation \"%s\" does not exist", name, RelationGetRelationName(rel))));
		if (bms_is_member(a - FirstLowInvalidHeapAttributeNumber, inserted))
			ereport(ERROR,
					(errcode(ERRCODE_DUPLICATE_COLUMN),
					 errmsg("column \"%s\" specified more than once", name)));
		inserted = bms_add_member(inserted, a - FirstLowInvalidHeapAttributeNumber);
		attnum[j++] = a;
	}
	if (keeps)
	{
		project_att = attnameAttNum(rel, "project_id", false);
		if (project_att == InvalidAttrNumber)
			elog(ERROR, "perfeval: bulk_insert: \"%s\" has no project_id", RelationGetRelationName(rel));
	}

	/* the query's columns cast to the target's types, as an INSERT assigns them */
	initStringInfo(&sql);
	appendStringInfoString(&sql, "SELECT ");
	for (j = 0; j < ncols; j++)
	{
		Form_pg_attribute a = TupleDescAttr(desc, attnum[j] - 1);

		appendStringInfo(&sql, "%sq.c%d::%s", j ? ", " : "", j + 1,
						 format_type_with_typemod(a->atttypid, a->atttypmod));
	}
	appendStringInfo(&sql, " FROM (%s) q(", query);
	for (j = 0; j < ncols; j++)
		appendStringInfo(&sql, "%sc%d", j ? ", " : "", j + 1);
	appendStringInfoChar(&sql, ')');

	/* an executor state for the constraints and the indexes, as COPY has */
	estate = CreateExecutorState();
	rte = makeNode(RangeTblEntry);
	rte->rtekind = RTE_RELATION;
	rte->relid = relid;
	rte->relkind = rel->rd_rel->relkind;
	rte->rellockmode = RowExclusiveLock;
#if PG_VERSION_NUM >= 160000
	{
		/* since 16 the permissions are an RTEPermissionInfo of their own */
		RTEPermissionInfo *perminfo = makeNode(RTEPermissionInfo);

		perminfo->relid = relid;
		perminfo->requiredPerms = ACL_INSERT;
		perminfo->insertedCols = inserted;
		rte->perminfoindex = 1;
		ExecInitRangeTable(estate, list_make1(rte), list_make1(perminfo));
	}
#else
	rte->requiredPerms = ACL_INSERT;
	rte->insertedCols = inserted;
	ExecInitRangeTable(estate, list_make1(rte));
#endif
	rri = makeNode(ResultRelInfo);
	ExecInitResultRelation(estate, rri, 1);
	ExecOpenIndices(rri, false);
	defaults = palloc0(sizeof(ExprState *) * natts);
	for (int a = 1; a <= natts; a++)
	{
		Node	   *def;

		if (TupleDescAttr(desc, a - 1)->attisdropped ||
			bms_is_member(a - FirstLowInvalidHeapAttributeNumber, inserted))
			continue;
		def = build_column_default(rel, a);
		if (def)
			defaults[a - 1] = ExecPrepareExpr((Expr *) def, estate);
	}
	for (j = 0; j < BULK_BATCH; j++)
		slots[j] = table_slot_create(rel, &estate->es_tupleTable);
	bistate = GetBulkInsertState();
	cid = GetCurrentCommandId(true);

	plan = SPI_prepare(sql.data, 2, argtypes);
	if (plan == NULL)
		elog(ERROR, "perfeval: could not prepare \"%s\": %s", sql.data, SPI_result_code_string(SPI_result));
	portal = SPI_cursor_open(NULL, plan, args, NULL, false);
	v = palloc(sizeof(Datum) * ncols);
	isnull = palloc(sizeof(bool) * ncols);
	for (;;)
	{
		SPITupleTable *tt;
		int			n;

		SPI_cursor_fetch(portal, true, BULK_BATCH);
		tt = SPI_tuptable;
		n = (int) SPI_processed;
		if (n == 0)
			break;
		if (tt->tupdesc->natts != ncols)
			elog(ERROR, "perfeval: bulk_insert: the query gives %d columns, not %d", tt->tupdesc->natts, ncols);
		for (int i = 0; i < n; i++)
		{
			TupleTableSlot *slot = slots[i];
			ExprContext *econtext = GetPerTupleExprContext(estate);

			ExecClearTuple(slot);
			memset(slot->tts_isnull, true, sizeof(bool) * natts);
			heap_deform_tuple(tt->vals[i], tt->tupdesc, v, isnull);
			for (j = 0; j < ncols; j++)
			{
				slot->tts_values[attnum[j] - 1] = v[j];
				slot->tts_isnull[attnum[j] - 1] = isnull[j];
			}
			for (int a = 0; a < natts; a++)
				if (defaults[a])
					slot->tts_values[a] = ExecEvalExprSwitchContext(defaults[a], econtext,
																	&slot->tts_isnull[a]);
			ExecStoreVirtualTuple(slot);
			ExecMaterializeSlot(slot);
			ResetExprContext(econtext);
			if (desc->constr)
				ExecConstraints(rri, slot, estate);
		}
		table_multi_insert(rel, slots, n, cid, 0, bistate);
		for (int i = 0; i < n; i++)
		{
			if (rri->ri_NumIndices > 0)
#if PG_VERSION_NUM >= 160000
				list_free(ExecInsertIndexTuples(rri, slots[i], estate, false, false, NULL, NIL, false));
#else
				list_free(ExecInsertIndexTuples(rri, slots[i], estate, false, false, NULL, NIL));
#endif
			foreach(lc, keys)
				add_key(lfirst(lc), slots[i]);
			if (keeps)
			{
				bool		pnull;
				Datum		p = slot_getattr(slots[i], project_att, &pnull);

				if (!pnull && (nprojects == 0 || !datumIsEqual(p, projects[nprojects - 1], false, -1)))
				{
					if (nprojects == capprojects)
					{
						capprojects = capprojects ? 2 * capprojects : 1024;
						projects = projects ? repalloc(projects, sizeof(Datum) * capprojects)
							: palloc(sizeof(Datum) * capprojects);
					}
					projects[nprojects++] = datumCopy(p, false, -1);
				}
			}
			ResetPerTupleExprContext(estate);
		}
		foreach(lc, keys)
			check_key(rel, lfirst(lc));
		SPI_freetuptable(tt);
		written += n;
		CHECK_FOR_INTERRUPTS();
	}
	SPI_cursor_close(portal);
	FreeBulkInsertState(bistate);
	ExecResetTupleTable(estate->es_tupleTable, false);
	ExecCloseResultRelations(estate);
	ExecCloseRangeTableRelations(estate);
	FreeExecutorState(estate);

	/* the state of the written projects, once */
	if (keeps && nprojects > 0)
		pe_keep_written(rel, PointerGetDatum(construct_array(projects, nprojects, TEXTOID, -1, false,
															 TYPALIGN_INT)));
	/*
	 * what waits for the written rows (a restore's), as the table's trigger
	 * takes it in: as the table's owner, as the trigger does
	 */
	if (adopt && written > 0)
	{
		Oid			adopt_types[2] = {TEXTOID, TEXTOID};
		Datum		adopt_args[2] = {CStringGetTextDatum(RelationGetRelationName(rel)), CStringGetTextDatum(adopt)};
		Oid			save_userid;
		int			save_sec;

		GetUserIdAndSecContext(&save_userid, &save_sec);
		SetUserIdAndSecContext(rel->rd_rel->relowner, save_sec | SECURITY_LOCAL_USERID_CHANGE);
		if (SPI_execute_with_args("SELECT perfeval_internal.adopt_parked($1, $2)", 2, adopt_types, adopt_args,
								  NULL, false, 1) != SPI_OK_SELECT)
			elog(ERROR, "perfeval: could not take in the rows parked for \"%s\"", RelationGetRelationName(rel));
		SetUserIdAndSecContext(save_userid, save_sec);
	}
	SPI_finish();
	table_close(rel, NoLock);
	PG_RETURN_INT64(written);
}
