/*
 * access.c
 *		Who sees and who loads which projects: the scope of the current role
 *		from perfeval.access_grant (section 48), for the views' filters and
 *		the tables' row-level security policies.
 *
 * A role sees every project when it is a superuser, has the privileges of
 * the extension's owner (the warehouse's owner), or holds a grant with
 * neither a department nor a division prefix; otherwise it sees the
 * projects that match one of its grants (and its roles' grants: grants
 * follow role membership with inherited privileges).  The grants are read
 * as the extension's owner, so a role needs no privilege on access_grant
 * and cannot widen its scope: the functions take no role argument, read
 * the caller from GetUserId() and run one fixed statement whose names and
 * operators are all schema-qualified (no search_path can redirect them).
 *
 * The scope is computed once per call site and query (fn_extra): the grants,
 * and for a restricted role the set of its project ids, hashed.  A planner
 * support function gives the planner the fraction of projects in scope, so
 * that a role seeing one department of forty gets index lookups of its
 * projects, and a role seeing everything the plan of the owner.
 */
#include "perfeval.h"

#include "access/genam.h"
#include "access/htup_details.h"
#include "access/table.h"
#include "access/xact.h"
#include "catalog/indexing.h"
#include "catalog/namespace.h"
#include "catalog/pg_class.h"
#include "catalog/pg_extension.h"
#include "catalog/pg_type.h"
#include "commands/extension.h"
#include "common/hashfn.h"
#include "executor/spi.h"
#include "miscadmin.h"
#include "nodes/supportnodes.h"
#include "storage/proc.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/syscache.h"

/* One grant of the caller (or of a role whose privileges it has). */
typedef struct Grant
{
	char	   *department;		/* NULL: any */
	char	   *prefix;			/* NULL: any */
	bool		may_load;
} Grant;

/* A set of project ids: open addressing on hash_bytes. */
typedef struct IdSet
{
	int			n;
	uint32		mask;
	uint32	   *hashes;
	char	  **ids;
	int		   *lens;
} IdSet;

typedef struct Scope
{
	Oid			user;			/* whose scope this is */
	bool		load;			/* the loading scope, not the reading one */
	bool		all;			/* every project */
	int			ngrants;
	Grant	   *grants;
	bool		built;			/* ids holds the projects in scope */
	IdSet		ids;
} Scope;

/* The extension's owner: the warehouse's owner. */
static Oid
warehouse_owner(void)
{
	Oid			ext = get_extension_oid("perfeval", false);
	Relation	rel;
	ScanKeyData key;
	SysScanDesc scan;
	HeapTuple	tup;
	Oid			owner = InvalidOid;

	rel = table_open(ExtensionRelationId, AccessShareLock);
	ScanKeyInit(&key, Anum_pg_extension_oid, BTEqualStrategyNumber, F_OIDEQ, ObjectIdGetDatum(ext));
	scan = systable_beginscan(rel, ExtensionOidIndexId, true, NULL, 1, &key);
	tup = systable_getnext(scan);
	if (HeapTupleIsValid(tup))
		owner = ((Form_pg_extension) GETSTRUCT(tup))->extowner;
	systable_endscan(scan);
	table_close(rel, AccessShareLock);
	return owner;
}

/*
 * Run sql (one parameter: the caller's oid) as the warehouse's owner, read
 * only; the caller's identity is restored however the statement ends (an
 * error aborts the (sub)transaction, which restores it).
 */
static void
run_as_owner(const char *sql, Oid caller, Oid owner)
{
	Oid			save_user;
	int			save_sec;
	Oid			argtypes[1] = {OIDOID};
	Datum		values[1] = {ObjectIdGetDatum(caller)};

	GetUserIdAndSecContext(&save_user, &save_sec);
	SetUserIdAndSecContext(owner, save_sec | SECURITY_LOCAL_USERID_CHANGE | SECURITY_RESTRICTED_OPERATION);
	if (SPI_execute_with_args(sql, 1, argtypes, values, NULL, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "perfeval: could not read the access grants");
	SetUserIdAndSecContext(save_user, save_sec);
}

/* The caller's grants, as whoever holds them (pg_has_role ... USAGE). */
#define GRANTS_SQL \
	"SELECT g.department, g.division_prefix, g.may_load" \
	"  FROM perfeval.access_grant g JOIN pg_catalog.pg_roles r ON r.rolname OPERATOR(pg_catalog.=) g.role_name" \
	" WHERE pg_catalog.pg_has_role($1, r.oid, 'USAGE')"

/*
 * The projects of the caller's grants: by department through the index on
 * department, by division prefix through the index on division_code (a
 * range of six-digit codes, so that no collation can reorder it).
 */
#define PROJECTS_SQL(filter) \
	"WITH g AS (SELECT g.department, g.division_prefix" \
	"             FROM perfeval.access_grant g JOIN pg_catalog.pg_roles r ON r.rolname OPERATOR(pg_catalog.=) g.role_name" \
	"            WHERE pg_catalog.pg_has_role($1, r.oid, 'USAGE')" filter ")" \
	" SELECT p.project_id FROM g JOIN perfeval.project p ON p.department OPERATOR(pg_catalog.=) g.department" \
	"  WHERE g.division_prefix IS NULL" \
	"     OR pg_catalog.starts_with(p.division_code, g.division_prefix)" \
	" UNION" \
	" SELECT p.project_id FROM g JOIN perfeval.project p" \
	"     ON p.division_code OPERATOR(pg_catalog.>=) pg_catalog.rpad(g.division_prefix, 6, '0')" \
	"    AND p.division_code OPERATOR(pg_catalog.<=) pg_catalog.rpad(g.division_prefix, 6, '9')" \
	"  WHERE g.department IS NULL"

static void
idset_build(IdSet *s, MemoryContext cxt)
{
	uint32		cap = 16;
	MemoryContext old = MemoryContextSwitchTo(cxt);

	while (cap < 2 * (uint32) SPI_processed + 16)
		cap <<= 1;
	s->n = 0;
	s->mask = cap - 1;
	s->hashes = palloc0(cap * sizeof(uint32));
	s->ids = palloc0(cap * sizeof(char *));
	s->lens = palloc0(cap * sizeof(int));
	for (uint64 i = 0; i < SPI_processed; i++)
	{
		bool		isnull;
		Datum		d = SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1, &isnull);
		text	   *t;
		int			len;
		uint32		h,
					k;

		if (isnull)
			continue;
		t = DatumGetTextPP(d);
		len = VARSIZE_ANY_EXHDR(t);
		h = hash_bytes((const unsigned char *) VARDATA_ANY(t), len) | 1;
		for (k = h & s->mask; s->hashes[k] != 0; k = (k + 1) & s->mask)
			;
		s->hashes[k] = h;
		s->lens[k] = len;
		s->ids[k] = palloc(len);
		memcpy(s->ids[k], VARDATA_ANY(t), len);
		s->n++;
	}
	MemoryContextSwitchTo(old);
}

static bool
idset_has(const IdSet *s, const char *id, int len)
{
	uint32		h = hash_bytes((const unsigned char *) id, len) | 1;

	for (uint32 k = h & s->mask; s->hashes[k] != 0; k = (k + 1) & s->mask)
		if (s->hashes[k] == h && s->lens[k] == len && memcmp(s->ids[k], id, len) == 0)
			return true;
	return false;
}

static char *
copy_text(HeapTuple t, TupleDesc d, int col, MemoryContext cxt)
{
	bool		isnull;
	Datum		v = SPI_getbinval(t, d, col, &isnull);

	return isnull ? NULL : MemoryContextStrdup(cxt, TextDatumGetCString(v));
}

/* Fill s with the grants of user (and whether it sees or loads everything). */
static void
scope_read(Scope *s, Oid user, bool load, MemoryContext cxt)
{
	Oid			owner = warehouse_owner();

	s->user = user;
	s->load = load;
	s->built = false;
	s->ngrants = 0;
	s->grants = NULL;
	s->all = superuser_arg(user) || has_privs_of_role(user, owner);
	if (s->all)
		return;
	SPI_connect();
	run_as_owner(GRANTS_SQL, user, owner);
	s->grants = MemoryContextAlloc(cxt, Max(SPI_processed, 1) * sizeof(Grant));
	for (uint64 i = 0; i < SPI_processed; i++)
	{
		HeapTuple	t = SPI_tuptable->vals[i];
		TupleDesc	d = SPI_tuptable->tupdesc;
		bool		isnull;
		Grant	   *g = &s->grants[s->ngrants];

		g->may_load = DatumGetBool(SPI_getbinval(t, d, 3, &isnull));
		if (load && !g->may_load)
			continue;
		g->department = copy_text(t, d, 1, cxt);
		g->prefix = copy_text(t, d, 2, cxt);
		if (g->department == NULL && g->prefix == NULL)
			s->all = true;
		s->ngrants++;
	}
	SPI_finish();
}

/* The projects in s, read once. */
static void
scope_build(Scope *s, MemoryContext cxt)
{
	if (s->built || s->all)
		return;
	SPI_connect();
	run_as_owner(s->load ? PROJECTS_SQL(" AND g.may_load") : PROJECTS_SQL(""), s->user, warehouse_owner());
	idset_build(&s->ids, cxt);
	SPI_finish();
	s->built = true;
}

/* The scope of the current role for this call site. */
static Scope *
scope_of(FunctionCallInfo fcinfo, bool load)
{
	Scope	   *s = (Scope *) fcinfo->flinfo->fn_extra;
	Oid			user = GetUserId();

	if (s == NULL)
	{
		s = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(Scope));
		fcinfo->flinfo->fn_extra = s;
		scope_read(s, user, load, fcinfo->flinfo->fn_mcxt);
	}
	else if (s->user != user)
	{
		memset(s, 0, sizeof(Scope));
		scope_read(s, user, load, fcinfo->flinfo->fn_mcxt);
	}
	return s;
}

static bool
scope_has(FunctionCallInfo fcinfo, Scope *s, text *id)
{
	if (s->all)
		return true;
	scope_build(s, fcinfo->flinfo->fn_mcxt);
	return idset_has(&s->ids, VARDATA_ANY(id), VARSIZE_ANY_EXHDR(id));
}

/* Does one of the grants of s cover a project of this department and division? */
static bool
grants_cover(const Scope *s, const char *department, const char *division)
{
	if (s->all)
		return true;
	for (int i = 0; i < s->ngrants; i++)
	{
		const Grant *g = &s->grants[i];

		if (g->department && (department == NULL || strcmp(g->department, department) != 0))
			continue;
		if (g->prefix && (division == NULL || strncmp(division, g->prefix, strlen(g->prefix)) != 0))
			continue;
		return true;
	}
	return false;
}

static void
refuse(const char *project, const char *what) pg_attribute_noreturn();

static void
refuse(const char *project, const char *what)
{
	ereport(ERROR,
			(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
			 errmsg("role \"%s\" may not load project \"%s\"", GetUserNameFromId(GetUserId(), false), project),
			 errdetail("%s", what),
			 errhint("The warehouse's owner grants loading with perfeval.grant_access(role, department, division_prefix, may_load => true).")));
}

/* in_scope(project_id): may the current role see this project? */
PG_FUNCTION_INFO_V1(in_scope);
Datum
in_scope(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(scope_has(fcinfo, scope_of(fcinfo, false), PG_GETARG_TEXT_PP(0)));
}

/* may_load(project_id): may the current role write this project's facts? */
PG_FUNCTION_INFO_V1(may_load);
Datum
may_load(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(scope_has(fcinfo, scope_of(fcinfo, true), PG_GETARG_TEXT_PP(0)));
}

/* check_load(project_id): may_load(), or an error naming the project. */
PG_FUNCTION_INFO_V1(check_load);
Datum
check_load(PG_FUNCTION_ARGS)
{
	text	   *id = PG_GETARG_TEXT_PP(0);

	if (!scope_has(fcinfo, scope_of(fcinfo, true), id))
		refuse(text_to_cstring(id),
			   "The project is not one of the role's projects with a grant that allows loading.");
	PG_RETURN_BOOL(true);
}

/*
 * check_load_project(project_id, department, division_code): a project row
 * written by the current role is in one of its loading grants (by its own
 * department and division: it may be new), or an error.
 */
PG_FUNCTION_INFO_V1(check_load_project);
Datum
check_load_project(PG_FUNCTION_ARGS)
{
	Scope	   *s = scope_of(fcinfo, true);
	char	   *department = PG_ARGISNULL(1) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(1));
	char	   *division = PG_ARGISNULL(2) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(2));

	if (!grants_cover(s, department, division))
		refuse(PG_ARGISNULL(0) ? "" : text_to_cstring(PG_GETARG_TEXT_PP(0)),
			   psprintf("No grant that allows loading covers department \"%s\" and division %s.",
						department ? department : "", division ? division : "(none)"));
	PG_RETURN_BOOL(true);
}

/* sees_all(): does the current role see every project? */
PG_FUNCTION_INFO_V1(sees_all);
Datum
sees_all(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(scope_of(fcinfo, false)->all);
}

/*
 * The planner's estimate for in_scope() and may_load(): the fraction of
 * projects in the current role's scope (1 for a role that sees everything).
 * Computed at most once per role and command while planning.
 */
static struct
{
	Oid			user;
	bool		load;
	LocalTransactionId lxid;
	CommandId	cid;
	double		fraction;
}			estimate = {InvalidOid, false, InvalidLocalTransactionId, 0, 0};

static double
scope_fraction(bool load)
{
	Oid			user = GetUserId();
	Scope		s;
	MemoryContext cxt;
	Oid			relid;
	float4		tuples;
	HeapTuple	tup;

	if (estimate.user == user && estimate.load == load && estimate.lxid == MyProc->lxid &&
		estimate.cid == GetCurrentCommandId(false))
		return estimate.fraction;
	cxt = AllocSetContextCreate(CurrentMemoryContext, "perfeval scope estimate", ALLOCSET_SMALL_SIZES);
	memset(&s, 0, sizeof(s));
	scope_read(&s, user, load, cxt);
	estimate.fraction = 1.0;
	if (!s.all)
	{
		scope_build(&s, cxt);
		relid = get_relname_relid("project", get_namespace_oid("perfeval", false));
		tup = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
		tuples = HeapTupleIsValid(tup) ? ((Form_pg_class) GETSTRUCT(tup))->reltuples : -1;
		if (HeapTupleIsValid(tup))
			ReleaseSysCache(tup);
		estimate.fraction = tuples > 0 ? Min(1.0, Max(s.ids.n, 1) / (double) tuples) : 0.01;
	}
	MemoryContextDelete(cxt);
	estimate.user = user;
	estimate.load = load;
	estimate.lxid = MyProc->lxid;
	estimate.cid = GetCurrentCommandId(false);
	return estimate.fraction;
}

PG_FUNCTION_INFO_V1(scope_support);
Datum
scope_support(PG_FUNCTION_ARGS)
{
	Node	   *req = (Node *) PG_GETARG_POINTER(0);

	if (IsA(req, SupportRequestSelectivity))
	{
		SupportRequestSelectivity *r = (SupportRequestSelectivity *) req;

		if (r->is_join)
			PG_RETURN_POINTER(NULL);
		r->selectivity = scope_fraction(strcmp(get_func_name(r->funcid), "may_load") == 0);
		PG_RETURN_POINTER(r);
	}
	PG_RETURN_POINTER(NULL);
}
