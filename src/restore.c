/*
 * restore.c
 *		perfeval_internal.may_park(parent regclass): whether a row written
 *		now whose parent (its scheme, project or indicator) is missing may
 *		wait for it in perfeval_internal.parked instead of being refused by
 *		the foreign key.  The WHEN condition of the parking triggers
 *		(sql/40_tables.sql; why: docs/design.md, "What a restore does").
 *
 * True only where a restore is what writes:
 *
 *	* the session has row_security off, as pg_dump's scripts and every
 *	  pg_restore connection set it (an ordinary session has it on: its
 *	  orphans are refused, 23503, exactly as before);
 *	* the current role is a superuser or has the privileges of the
 *	  extension's owner: the roles that can already drop or disable the
 *	  foreign keys, so parking gives nobody a way to an orphan he did not
 *	  have (every other role: false, whatever it sets);
 *	* READ COMMITTED (the adoption reads what the parkers committed, in a
 *	  new snapshot per statement);
 *	* the parent table is a plain table on this node, in a database without
 *	  Citus (parked is a reference table there, which a shard's trigger may
 *	  not read), and holds
 *	  none of the user's rows yet (project, indicator: no row at all;
 *	  scheme: only the built-in national), or some of its own rows wait in
 *	  parked -- the state a restore finds before the parent's data is
 *	  loaded, never a warehouse in use.
 *
 * The last answer is kept for the statement once the parent has rows (then
 * nothing is parked: the foreign key decides), so a serial restore, which
 * loads the parents first, pays one query per table and statement.
 */
#include "perfeval.h"

#include "access/table.h"
#include "access/xact.h"
#include "commands/extension.h"
#include "executor/spi.h"
#include "miscadmin.h"
#include "storage/lmgr.h"
#include "storage/proc.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/rls.h"

#include "shard.h"

/* The last answer of "is the current role the owner's?", per transaction. */
static LocalTransactionId owner_lxid = InvalidLocalTransactionId;
static Oid	owner_user = InvalidOid;
static bool owner_answer = false;

/* The last parent seen with rows, per statement. */
static LocalTransactionId rows_lxid = InvalidLocalTransactionId;
static CommandId rows_cid = InvalidCommandId;
static Oid	rows_parent = InvalidOid;

static bool
owner_privileged(void)
{
	Oid			user = GetUserId();
	bool		isnull;
	Datum		d;

	if (owner_lxid == PE_MY_LXID && owner_user == user)
		return owner_answer;
	if (superuser_arg(user))
		owner_answer = true;
	else
	{
		if (SPI_connect() != SPI_OK_CONNECT)
			elog(ERROR, "perfeval: SPI_connect failed");
		if (SPI_execute("SELECT e.extowner FROM pg_catalog.pg_extension e"
						" WHERE e.extname OPERATOR(pg_catalog.=) 'perfeval'",
						true, 1) != SPI_OK_SELECT || SPI_processed != 1)
			elog(ERROR, "perfeval: the extension perfeval is not installed");
		d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);
		owner_answer = !isnull && has_privs_of_role(user, DatumGetObjectId(d));
		SPI_finish();
	}
	owner_lxid = PE_MY_LXID;
	owner_user = user;
	return owner_answer;
}

/*
 * Is parent in use: does it hold rows of the user's (scheme: other than the
 * built-in) while none of its own rows waits in parked?  (A restore's
 * parent table is empty until its data is loaded, or holds the loaded rows
 * while some of them wait for their own parent.)
 */
static bool
parent_in_use(Relation prel)
{
	const char *name = RelationGetRelationName(prel);
	char	   *sql;
	bool		isnull;
	bool		has;

	sql = psprintf("SELECT EXISTS (SELECT FROM ONLY %s x%s)"
				   " AND NOT EXISTS (SELECT FROM perfeval_internal.parked p"
				   " WHERE p.relation OPERATOR(pg_catalog.=) %s::pg_catalog.name)",
				   quote_qualified_identifier(get_namespace_name(RelationGetNamespace(prel)), name),
				   strcmp(name, "scheme") == 0 ? " WHERE NOT x.builtin" : "",
				   quote_literal_cstr(name));
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "perfeval: SPI_connect failed");
	if (SPI_execute(sql, true, 1) != SPI_OK_SELECT || SPI_processed != 1)
		elog(ERROR, "perfeval: could not read \"%s\"", name);
	has = DatumGetBool(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	SPI_finish();
	return has;
}

PG_FUNCTION_INFO_V1(pe_may_park);
Datum
pe_may_park(PG_FUNCTION_ARGS)
{
	Oid			parent = PG_GETARG_OID(0);
	CommandId	cid = GetCurrentCommandId(false);
	Relation	prel;
	PeShardMap	map;
	bool		may;

	if (row_security || IsolationUsesXactSnapshot())
		PG_RETURN_BOOL(false);
	if (rows_lxid == PE_MY_LXID && rows_cid == cid && rows_parent == parent)
		PG_RETURN_BOOL(false);
	if (!owner_privileged())
		PG_RETURN_BOOL(false);
	prel = table_open(parent, AccessShareLock);
	may = pe_where(prel, &map) == PE_LOCAL && !OidIsValid(get_extension_oid("citus", true)) &&
		!parent_in_use(prel);
	table_close(prel, AccessShareLock);
	if (!may)
	{
		rows_lxid = PE_MY_LXID;
		rows_cid = cid;
		rows_parent = parent;
	}
	PG_RETURN_BOOL(may);
}
