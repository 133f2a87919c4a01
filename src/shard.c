/*
 * shard.c
 *		Where perfeval's triggers fire on a Citus cluster (docs/scale-out.md).
 *
 * perfeval.distribute() distributes every growing table on project_id,
 * co-located with perfeval.project, so a project's facts, its indicators and
 * its kept state are rows of one shard group, on one node.  Citus fires a
 * distributed table's triggers on its shards, on the workers, with the
 * shard as the trigger's relation: the statements that keep the state must
 * then read and write the co-located shards of the other tables, by their
 * names, as plain local statements -- a statement over the distributed
 * tables would be planned by Citus, which cannot see the trigger's
 * transition tables and would not run inside this shard's transaction.
 *
 * On the coordinator the distributed tables are empty shells: a trigger
 * fired there (Citus runs TRUNCATE on the shell too) has nothing to keep,
 * since the shards' own triggers keep the state of their rows.
 *
 * No part of this links with Citus: it reads Citus's catalog tables by
 * name, and only when the citus extension exists.
 */
#include "perfeval.h"

#include "catalog/pg_type.h"
#include "commands/extension.h"
#include "executor/spi.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"
#include "utils/hsearch.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"

#include "shard.h"

/* Whether the citus extension is installed in this database. */
static bool
citus_here(void)
{
	return OidIsValid(get_extension_oid("citus", true));
}

/*
 * The shard id of a shard's name, <table>_<shard id>, or -1 when name is
 * not one (of table, when table is not NULL).
 */
static int64
shard_id(const char *name, const char *table)
{
	const char *us;

	if (table && strncmp(name, table, strlen(table)) != 0)
		return -1;
	us = table ? name + strlen(table) : strrchr(name, '_');
	if (us == NULL || us[0] != '_' || us[1] == '\0' ||
		strspn(us + 1, "0123456789") != strlen(us + 1))
		return -1;
	return strtoi64(us + 1, NULL, 10);
}

static PeWhere where_read(Relation rel, PeShardMap *map);

/*
 * pe_where()'s answers, by relation, kept for the session: every keeping
 * trigger on a shard asks (once per statement and table), and reading
 * Citus's catalog took a third of a worker's time in an import.  What they
 * depend on -- the rows of pg_dist_partition and pg_dist_shard, the names
 * of the relations -- cannot change without a relation cache invalidation
 * (Citus's triggers on its catalog send one for the table concerned, and
 * so does any DDL), and any invalidation forgets them all.  An answer read
 * while an invalidation arrived is not kept (where_generation).
 */
typedef struct WhereEntry
{
	Oid			relid;			/* the key */
	PeWhere		where;
	PeShardMap	map;			/* (in where_context) */
} WhereEntry;

static HTAB *where_cache = NULL;
static MemoryContext where_context = NULL;
static uint64 where_generation = 0;

static void
where_forget(Datum arg, Oid relid)
{
	where_generation++;
	if (where_cache == NULL)
		return;
	where_cache = NULL;
	MemoryContextReset(where_context);
}

/* to: a copy of from, its strings in cxt. */
static void
copy_map(PeShardMap *to, const PeShardMap *from, MemoryContext cxt)
{
	MemoryContext old = MemoryContextSwitchTo(cxt);

	to->n = from->n;
	to->base = from->base ? pstrdup(from->base) : NULL;
	for (int i = 0; i < from->n; i++)
	{
		to->table[i] = pstrdup(from->table[i]);
		to->shard[i] = pstrdup(from->shard[i]);
	}
	MemoryContextSwitchTo(old);
}

/*
 * Where rel is: a plain table (single node), a Citus shard of a perfeval
 * table (map filled with the co-located shards of every table of its shard
 * group, and the reference tables' shards), or a distributed table's shell
 * on the coordinator.  Must run inside SPI.
 */
PeWhere
pe_where(Relation rel, PeShardMap *map)
{
	Oid			relid = RelationGetRelid(rel);
	uint64		generation = where_generation;
	WhereEntry *e;
	PeWhere		where;

	map->n = 0;
	map->base = NULL;
	if (!citus_here())
		return PE_LOCAL;
	if (where_context == NULL)
	{
		where_context = AllocSetContextCreate(TopMemoryContext, "perfeval shard maps",
											  ALLOCSET_SMALL_SIZES);
		CacheRegisterRelcacheCallback(where_forget, (Datum) 0);
	}
	if (where_cache != NULL &&
		(e = hash_search(where_cache, &relid, HASH_FIND, NULL)) != NULL)
	{
		copy_map(map, &e->map, CurrentMemoryContext);
		return e->where;
	}
	where = where_read(rel, map);
	if (generation != where_generation)
		return where;			/* (an invalidation arrived while it was read) */
	if (where_cache == NULL)
	{
		HASHCTL		ctl;

		ctl.keysize = sizeof(Oid);
		ctl.entrysize = sizeof(WhereEntry);
		ctl.hcxt = where_context;
		where_cache = hash_create("perfeval shard maps", 64, &ctl, HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);
	}
	e = hash_search(where_cache, &relid, HASH_ENTER, NULL);
	e->where = where;
	copy_map(&e->map, map, where_context);
	return where;
}

/* pe_where() from Citus's catalog. */
static PeWhere
where_read(Relation rel, PeShardMap *map)
{
	Oid			argtypes[1];
	Datum		values[1];
	int64		shardid;

	argtypes[0] = OIDOID;
	values[0] = ObjectIdGetDatum(RelationGetRelid(rel));
	if (SPI_execute_with_args("SELECT 1 FROM pg_catalog.pg_dist_partition WHERE logicalrelid = $1",
							  1, argtypes, values, NULL, true, 1) != SPI_OK_SELECT)
		elog(ERROR, "perfeval: could not read pg_dist_partition");
	if (SPI_processed > 0)
		return PE_SHELL;

	shardid = shard_id(RelationGetRelationName(rel), NULL);
	if (shardid < 0)
		return PE_LOCAL;
	argtypes[0] = INT8OID;
	values[0] = Int64GetDatum(shardid);
	if (SPI_execute_with_args(
			"SELECT n.nspname::text, c.relname::text, s2.shardid,"
			"       s2.shardid = $1 AS self"
			"  FROM pg_catalog.pg_dist_shard s1"
			"  JOIN pg_catalog.pg_dist_partition p1 ON p1.logicalrelid = s1.logicalrelid"
			"  JOIN pg_catalog.pg_dist_partition p2 ON p2.colocationid = p1.colocationid"
			"  JOIN pg_catalog.pg_dist_shard s2 ON s2.logicalrelid = p2.logicalrelid"
			"       AND s2.shardminvalue = s1.shardminvalue"
			"  JOIN pg_catalog.pg_class c ON c.oid = s2.logicalrelid"
			"  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
			" WHERE s1.shardid = $1 AND p1.partmethod = 'h'"
			"   AND n.nspname IN ('perfeval', 'perfeval_internal')"
			" UNION ALL "
			"SELECT n.nspname::text, c.relname::text, s.shardid, false"
			"  FROM pg_catalog.pg_dist_partition p"
			"  JOIN pg_catalog.pg_dist_shard s ON s.logicalrelid = p.logicalrelid"
			"  JOIN pg_catalog.pg_class c ON c.oid = p.logicalrelid"
			"  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
			" WHERE p.partmethod = 'n' AND p.repmodel = 't'"
			"   AND n.nspname IN ('perfeval', 'perfeval_internal')",
			1, argtypes, values, NULL, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "perfeval: could not read pg_dist_shard");
	if (SPI_processed == 0 || SPI_processed > PE_MAX_SHARDMAP)
		return PE_LOCAL;
	for (uint64 i = 0; i < SPI_processed; i++)
	{
		HeapTuple	t = SPI_tuptable->vals[i];
		TupleDesc	d = SPI_tuptable->tupdesc;
		char	   *nsp = SPI_getvalue(t, d, 1);
		char	   *rel_name = SPI_getvalue(t, d, 2);
		char	   *id = SPI_getvalue(t, d, 3);
		bool		isnull;

		map->table[map->n] = psprintf("%s.%s", nsp, rel_name);
		map->shard[map->n] = psprintf("%s.%s_%s", nsp, rel_name, id);
		if (DatumGetBool(SPI_getbinval(t, d, 4, &isnull)))
			map->base = pstrdup(rel_name);
		map->n++;
	}
	return map->base ? PE_SHARD : PE_LOCAL;
}

static bool
ident_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		c == '_' || (unsigned char) c >= 0x80;
}

/*
 * sql with every qualified table name of the map replaced by its shard's
 * (a name is replaced where it stands alone: perfeval.actual, not
 * perfeval.actual_state).  sql itself when the map is empty.
 */
const char *
pe_on_shards(const char *sql, const PeShardMap *map)
{
	StringInfoData out;
	const char *p = sql;

	if (map->n == 0)
		return sql;
	initStringInfo(&out);
	while (*p)
	{
		bool		done = false;

		if (p == sql || !ident_char(p[-1]))
			for (int i = 0; i < map->n && !done; i++)
			{
				size_t		len = strlen(map->table[i]);

				if (strncmp(p, map->table[i], len) == 0 && !ident_char(p[len]))
				{
					appendStringInfoString(&out, map->shard[i]);
					p += len;
					done = true;
				}
			}
		if (!done)
			appendStringInfoChar(&out, *p++);
	}
	return out.data;
}

/* Whether this is a Citus coordinator (a node of group 0, with Citus). */
bool
pe_on_coordinator(void)
{
	bool		coordinator;

	if (!citus_here())
		return false;
	SPI_connect();
	if (SPI_execute("SELECT 1 FROM pg_catalog.pg_dist_local_group WHERE groupid = 0", true, 1) != SPI_OK_SELECT)
		elog(ERROR, "perfeval: could not read pg_dist_local_group");
	coordinator = SPI_processed > 0;
	SPI_finish();
	return coordinator;
}

/*
 * sql reading this node's placements of perfeval.project (and
 * access_grant) instead of the tables, on any node of a Citus cluster, the
 * coordinator too (none there unless it holds shards): for a function that
 * runs inside a query on a shard (pe_on_this_node()), and for a trigger
 * that fires on each node's placement of a reference table and checks that
 * node's projects (src/schemekey.c).  Must run inside SPI, with Citus.
 */
const char *
pe_on_local_placements(const char *sql)
{
	PeShardMap	map;
	StringInfoData u;
	char	   *table = NULL;

	if (SPI_execute("SELECT n.nspname::text || '.' || c.relname::text,"
					"       n.nspname::text || '.' || c.relname::text || '_' || s.shardid"
					"  FROM pg_catalog.pg_dist_shard s"
					"  JOIN pg_catalog.pg_dist_placement pl ON pl.shardid = s.shardid"
					"  JOIN pg_catalog.pg_class c ON c.oid = s.logicalrelid"
					"  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
					" WHERE pl.groupid = (SELECT groupid FROM pg_catalog.pg_dist_local_group)"
					"   AND n.nspname IN ('perfeval', 'perfeval_internal')"
					"   AND c.relname IN ('project', 'access_grant')"
					" ORDER BY 1, s.shardid", true, 0) != SPI_OK_SELECT)
		elog(ERROR, "perfeval: could not read pg_dist_placement");
	map.n = 0;
	map.base = NULL;
	initStringInfo(&u);
	for (uint64 i = 0; i <= SPI_processed; i++)
	{
		char	   *t = i < SPI_processed ? SPI_getvalue(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1) : NULL;
		char	   *shard = i < SPI_processed ? SPI_getvalue(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 2) : NULL;

		if (table && (t == NULL || strcmp(t, table) != 0))
		{
			map.table[map.n] = table;
			map.shard[map.n] = psprintf("(%s)", u.data);
			map.n++;
			resetStringInfo(&u);
		}
		if (t == NULL)
			break;
		appendStringInfo(&u, "%sSELECT * FROM %s", u.len ? " UNION ALL " : "", shard);
		table = t;
	}
	/* a worker without placements of a table reads none of its rows */
	return pe_on_shards(sql, &map);
}

/*
 * sql reading this node's placements of perfeval's tables instead of the
 * tables, when this node is a Citus worker: a function that reads the
 * tables (the access scope, src/access.c) runs there inside a query on a
 * shard, where Citus refuses a nested distributed query.  The rows a
 * worker filters are all in its own placements, so its own placements of
 * perfeval.project are the projects it needs; a reference table has one
 * placement on every node.  sql itself on one node and on the coordinator.
 * Must run inside SPI.
 */
const char *
pe_on_this_node(const char *sql)
{
	if (!citus_here())
		return sql;
	if (SPI_execute("SELECT 1 FROM pg_catalog.pg_dist_local_group WHERE groupid <> 0", true, 1) != SPI_OK_SELECT)
		elog(ERROR, "perfeval: could not read pg_dist_local_group");
	if (SPI_processed == 0)
		return sql;
	return pe_on_local_placements(sql);
}

/* Is rel a placement of a Citus table (a shard of perfeval.<name>)? */
bool
pe_is_placement(Relation rel, const char *name)
{
	return citus_here() && shard_id(RelationGetRelationName(rel), name) >= 0;
}
