/*
 * schemekey.c
 *		A project's scheme, and a result rule's, must exist on a Citus
 *		cluster too, where the foreign keys to scheme are gone
 *		(docs/scale-out.md).
 *
 * Citus refuses to write a reference table in a transaction that has
 * already written, over several connections, a distributed table with a
 * foreign key to it: an ETL transaction that loads projects and then
 * updates a scheme's rules failed (any foreign key to scheme, result_rule's
 * too, made Citus refuse it).  So perfeval.distribute() drops both keys,
 * and these triggers keep their rules where Citus fires them, on the
 * shards and on each node's placement of scheme and result_rule:
 *
 *	* a statement writing projects locks their schemes (FOR KEY SHARE, as
 *	  the foreign key does) and refuses one that is missing (23503);
 *	* a statement changing schemes' keys or deleting schemes first locks
 *	  every scheme row of its node (FOR UPDATE), refusing at once (55P03)
 *	  when a row is held by a writer of projects -- another transaction, or
 *	  this one's own writes over another connection, which it would
 *	  otherwise wait for forever -- and then refuses a key that projects of
 *	  its node still use (23503).  Each node checks its own projects; the
 *	  statement runs on every node's placement, so every project is checked;
 *	* result_rule's rows are checked, and deleted with their scheme (ON
 *	  DELETE CASCADE), on each node's placement.
 *
 * Changing a scheme's other columns (its rules) takes no lock beyond the
 * row's own and checks nothing: that is the write Citus refused before.
 * On one node, and before distribute(), the foreign key does all this and
 * these triggers do nothing.
 */
#include "perfeval.h"

#include "commands/trigger.h"
#include "executor/spi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"

#include "shard.h"

/* Run sql (SPI) as the owner of rel, as a foreign key's checks run. */
static void
as_owner(Relation rel, const char *sql, int expect)
{
	Oid			user;
	int			sec;
	int			rc;

	GetUserIdAndSecContext(&user, &sec);
	SetUserIdAndSecContext(rel->rd_rel->relowner, sec | SECURITY_LOCAL_USERID_CHANGE | SECURITY_NOFORCE_RLS);
	rc = SPI_execute(sql, false, 0);
	SetUserIdAndSecContext(user, sec);
	if (rc != expect)
		elog(ERROR, "perfeval: unexpected result %d of \"%.60s\"", rc, sql);
}

/*
 * The schemes of the projects in new_rows (the statement's transition
 * table) exist: called by keep_projects() on a shard, inside its SPI
 * connection, with sql mapped to the shard group (sharded()).
 */
void
pe_check_project_schemes(Relation rel, const char *(*sharded) (const char *))
{
	as_owner(rel, sharded("SELECT 1 FROM perfeval.scheme s"
						  " WHERE s.scheme_id IN (SELECT scheme_id FROM new_rows) FOR KEY SHARE OF s"),
			 SPI_OK_SELECT);
	as_owner(rel, sharded("SELECT n.scheme_id FROM new_rows n"
						  " WHERE NOT EXISTS (SELECT FROM perfeval.scheme s WHERE s.scheme_id = n.scheme_id)"
						  " LIMIT 1"),
			 SPI_OK_SELECT);
	if (SPI_processed > 0)
		ereport(ERROR,
				(errcode(ERRCODE_FOREIGN_KEY_VIOLATION),
				 errmsg("insert or update on table \"%s\" violates foreign key constraint \"%s\"",
						"project", "project_scheme_id_fkey"),
				 errdetail("Key (scheme_id)=(%s) is not present in table \"%s\".",
						   SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1), "scheme"),
				 errhint("Add the scheme to perfeval.scheme first.")));
}

/*
 * The name of this node's placement of a perfeval reference table (each
 * node has one), or NULL when the table is not one.  Inside SPI.
 */
static char *
reference_placement(const char *table)
{
	StringInfoData q;

	initStringInfo(&q);
	appendStringInfo(&q, "SELECT format('%%I.%%I', n.nspname, c.relname || '_' || s.shardid)"
					 "  FROM pg_catalog.pg_dist_shard s JOIN pg_catalog.pg_dist_partition p USING (logicalrelid)"
					 "  JOIN pg_catalog.pg_class c ON c.oid = s.logicalrelid"
					 "  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
					 " WHERE s.logicalrelid = %s::pg_catalog.regclass AND p.partmethod = 'n'",
					 quote_literal_cstr(table));
	if (SPI_execute(q.data, true, 1) != SPI_OK_SELECT)
		elog(ERROR, "perfeval: could not read pg_dist_shard");
	return SPI_processed > 0 ? SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1) : NULL;
}

/* Does this node hold placements of perfeval.project?  Inside SPI. */
static bool
holds_projects(void)
{
	if (SPI_execute("SELECT 1 FROM pg_catalog.pg_dist_shard s"
					"  JOIN pg_catalog.pg_dist_placement pl ON pl.shardid = s.shardid"
					" WHERE s.logicalrelid = 'perfeval.project'::pg_catalog.regclass"
					"   AND pl.groupid = (SELECT groupid FROM pg_catalog.pg_dist_local_group) LIMIT 1",
					true, 1) != SPI_OK_SELECT)
		elog(ERROR, "perfeval: could not read pg_dist_placement");
	return SPI_processed > 0;
}

static void
still_used(const char *table, const char *constraint)
{
	ereport(ERROR,
			(errcode(ERRCODE_FOREIGN_KEY_VIOLATION),
			 errmsg("update or delete on table \"%s\" violates foreign key constraint \"%s\" on table \"%s\"",
					"scheme", constraint, table),
			 errdetail("Key (scheme_id)=(%s) is still referenced from table \"%s\".",
					   SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1), table),
			 errhint("Move its projects and result rules to another scheme first.")));
}

/*
 * scheme_keys(): the triggers on scheme (section 40).  BEFORE DELETE OR
 * UPDATE OF scheme_id, each statement: the node's scheme rows locked, or
 * 55P03.  AFTER UPDATE and AFTER DELETE, each statement, with the
 * transition tables: no key gone that a project of the node uses, nor a
 * result rule (result_rule's key, ON DELETE CASCADE: its rules of a
 * deleted scheme go with it).
 */
PG_FUNCTION_INFO_V1(scheme_keys);
Datum
scheme_keys(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	Relation	rel;
	char	   *self;
	char	   *rules;
	StringInfoData sql;
	const char *gone;

	if (!CALLED_AS_TRIGGER(fcinfo) || !TRIGGER_FIRED_FOR_STATEMENT(td->tg_event) ||
		TRIGGER_FIRED_BY_INSERT(td->tg_event) || TRIGGER_FIRED_BY_TRUNCATE(td->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("scheme_keys() must run as an UPDATE or DELETE ... FOR EACH STATEMENT trigger")));
	rel = td->tg_relation;
	/* one node, or scheme not yet a reference table: the foreign keys */
	if (!pe_is_placement(rel, "scheme"))
		return PointerGetDatum(NULL);
	SPI_connect();
	self = quote_qualified_identifier(get_namespace_name(RelationGetNamespace(rel)),
									  RelationGetRelationName(rel));
	initStringInfo(&sql);
	if (TRIGGER_FIRED_BEFORE(td->tg_event))
	{
		bool		isnull;

		/* a node without projects: nothing holds its schemes */
		if (holds_projects())
		{
			/* every row of the node's placement, or none held by a writer */
			appendStringInfo(&sql, "WITH l AS (SELECT 1 FROM %s FOR UPDATE SKIP LOCKED)"
							 " SELECT (SELECT count(*) FROM %s) = (SELECT count(*) FROM l)", self, self);
			as_owner(rel, sql.data, SPI_OK_SELECT);
			if (SPI_processed == 0 ||
				!DatumGetBool(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull)))
				ereport(ERROR,
						(errcode(ERRCODE_LOCK_NOT_AVAILABLE),
						 errmsg("a scheme's key cannot change while projects are being written on this node"),
						 errdetail("On a Citus cluster a transaction writing projects holds their schemes; it may be this transaction's own earlier writes."),
						 errhint("Change or delete schemes in a transaction of their own, or run SET LOCAL citus.multi_shard_modify_mode TO sequential before the transaction's first write.")));
		}
		SPI_finish();
		return PointerGetDatum(NULL);
	}
	SPI_register_trigger_data(td);
	gone = TRIGGER_FIRED_BY_UPDATE(td->tg_event) ?
		"(SELECT scheme_id FROM old_rows EXCEPT SELECT scheme_id FROM new_rows) o" : "old_rows o";
	if (holds_projects())
	{
		appendStringInfo(&sql, "SELECT o.scheme_id FROM %s"
						 " WHERE EXISTS (SELECT FROM perfeval.project p WHERE p.scheme_id = o.scheme_id) LIMIT 1", gone);
		as_owner(rel, pe_on_local_placements(sql.data), SPI_OK_SELECT);
		if (SPI_processed > 0)
			still_used("project", "project_scheme_id_fkey");
	}
	rules = reference_placement("perfeval.result_rule");
	if (rules)
	{
		resetStringInfo(&sql);
		if (TRIGGER_FIRED_BY_DELETE(td->tg_event))
		{
			appendStringInfo(&sql, "DELETE FROM %s r USING old_rows o WHERE r.scheme_id = o.scheme_id", rules);
			as_owner(rel, sql.data, SPI_OK_DELETE);
		}
		else
		{
			appendStringInfo(&sql, "SELECT o.scheme_id FROM %s"
							 " WHERE EXISTS (SELECT FROM %s r WHERE r.scheme_id = o.scheme_id) LIMIT 1", gone, rules);
			as_owner(rel, sql.data, SPI_OK_SELECT);
			if (SPI_processed > 0)
				still_used("result_rule", "result_rule_scheme_id_fkey");
		}
	}
	SPI_finish();
	return PointerGetDatum(NULL);
}

/*
 * rule_schemes(): AFTER INSERT OR UPDATE on result_rule, each statement,
 * with the new rows: on a node's placement, their schemes exist, locked as
 * the foreign key locks them (23503 otherwise).
 */
PG_FUNCTION_INFO_V1(rule_schemes);
Datum
rule_schemes(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	char	   *schemes;
	StringInfoData sql;

	if (!CALLED_AS_TRIGGER(fcinfo) || !TRIGGER_FIRED_FOR_STATEMENT(td->tg_event) ||
		!TRIGGER_FIRED_AFTER(td->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("rule_schemes() must run as an AFTER INSERT OR UPDATE ... FOR EACH STATEMENT trigger")));
	if (!pe_is_placement(td->tg_relation, "result_rule"))
		return PointerGetDatum(NULL);
	SPI_connect();
	SPI_register_trigger_data(td);
	schemes = reference_placement("perfeval.scheme");
	if (schemes)
	{
		initStringInfo(&sql);
		appendStringInfo(&sql, "SELECT 1 FROM %s s WHERE s.scheme_id IN (SELECT scheme_id FROM new_rows)"
						 " FOR KEY SHARE OF s", schemes);
		as_owner(td->tg_relation, sql.data, SPI_OK_SELECT);
		resetStringInfo(&sql);
		appendStringInfo(&sql, "SELECT n.scheme_id FROM new_rows n"
						 " WHERE NOT EXISTS (SELECT FROM %s s WHERE s.scheme_id = n.scheme_id) LIMIT 1", schemes);
		as_owner(td->tg_relation, sql.data, SPI_OK_SELECT);
		if (SPI_processed > 0)
			ereport(ERROR,
					(errcode(ERRCODE_FOREIGN_KEY_VIOLATION),
					 errmsg("insert or update on table \"%s\" violates foreign key constraint \"%s\"",
							"result_rule", "result_rule_scheme_id_fkey"),
					 errdetail("Key (scheme_id)=(%s) is not present in table \"%s\".",
							   SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1), "scheme"),
					 errhint("Add the scheme to perfeval.scheme first.")));
	}
	SPI_finish();
	return PointerGetDatum(NULL);
}
