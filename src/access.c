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
#include "commands/trigger.h"
#include "commands/extension.h"
#include "common/hashfn.h"
#include "executor/spi.h"
#include "miscadmin.h"
#include "nodes/makefuncs.h"
#include "nodes/pathnodes.h"
#include "nodes/supportnodes.h"
#include "catalog/pg_proc.h"
#include "storage/proc.h"
#include "utils/acl.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"

#include "shard.h"

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
	MemoryContext cxt;			/* where all of it lives */
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
 * Run sql with its text or oid arguments as the warehouse's owner, read
 * only; the caller's identity is restored however the statement ends (an
 * error aborts the (sub)transaction, which restores it).
 */
static void
run_as_owner(const char *sql, int nargs, Oid *argtypes, Datum *values, const char *nulls)
{
	Oid			save_user;
	int			save_sec;

	GetUserIdAndSecContext(&save_user, &save_sec);
	SetUserIdAndSecContext(warehouse_owner(), save_sec | SECURITY_LOCAL_USERID_CHANGE | SECURITY_RESTRICTED_OPERATION);
	if (SPI_execute_with_args(pe_on_this_node(sql), nargs, argtypes, values, nulls, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "perfeval: could not read the access grants");
	SetUserIdAndSecContext(save_user, save_sec);
}

/* The caller's grants, as whoever holds them (pg_has_role ... USAGE). */
#define GRANTS_SQL \
	"SELECT g.department, g.division_prefix, g.may_load" \
	"  FROM perfeval.access_grant g JOIN pg_catalog.pg_roles r ON r.rolname OPERATOR(pg_catalog.=) g.role_name" \
	" WHERE pg_catalog.pg_has_role($1, r.oid, 'USAGE')"

/*
 * The projects of one grant: of a department (through the index on
 * department), within a division prefix if it has one; or of a division
 * prefix alone (through the index on division_code: a range of six-digit
 * codes, which no collation reorders).
 */
#define DEPARTMENT_SQL \
	"SELECT p.project_id FROM perfeval.project p WHERE p.department OPERATOR(pg_catalog.=) $1" \
	"   AND ($2 IS NULL OR pg_catalog.starts_with(p.division_code, $2))"
#define DIVISION_SQL \
	"SELECT p.project_id FROM perfeval.project p" \
	" WHERE p.division_code OPERATOR(pg_catalog.>=) $1 AND p.division_code OPERATOR(pg_catalog.<=) $2"
#define ALL_SQL "SELECT p.project_id FROM perfeval.project p"

static void
idset_init(IdSet *s, int expect, MemoryContext cxt)
{
	uint32		cap = 16;

	while (cap < 2 * (uint32) expect + 16)
		cap <<= 1;
	s->n = 0;
	s->mask = cap - 1;
	s->hashes = MemoryContextAllocZero(cxt, cap * sizeof(uint32));
	s->ids = MemoryContextAllocZero(cxt, cap * sizeof(char *));
	s->lens = MemoryContextAllocZero(cxt, cap * sizeof(int));
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

static void idset_add(IdSet *s, const char *id, int len, MemoryContext cxt);

/* Twice the room, the same ids. */
static void
idset_grow(IdSet *s, MemoryContext cxt)
{
	IdSet		old = *s;

	idset_init(s, 2 * old.n + 16, cxt);
	for (uint32 k = 0; k <= old.mask; k++)
		if (old.hashes[k] != 0)
			idset_add(s, old.ids[k], old.lens[k], cxt);
}

static void
idset_add(IdSet *s, const char *id, int len, MemoryContext cxt)
{
	uint32		h = hash_bytes((const unsigned char *) id, len) | 1,
				k;

	if (idset_has(s, id, len))
		return;
	if (2 * (uint32) (s->n + 1) > s->mask)
		idset_grow(s, cxt);
	for (k = h & s->mask; s->hashes[k] != 0; k = (k + 1) & s->mask)
		;
	s->hashes[k] = h;
	s->lens[k] = len;
	s->ids[k] = MemoryContextAlloc(cxt, Max(len, 1));
	memcpy(s->ids[k], id, len);
	s->n++;
}

/* Add the project ids an SPI statement returned. */
static void
idset_add_result(IdSet *s, MemoryContext cxt)
{
	for (uint64 i = 0; i < SPI_processed; i++)
	{
		bool		isnull;
		Datum		d = SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1, &isnull);
		text	   *t;

		if (isnull)
			continue;
		t = DatumGetTextPP(d);
		idset_add(s, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), cxt);
	}
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
scope_read(Scope *s, Oid user, bool load)
{
	Oid			argtypes[1] = {OIDOID};
	Datum		values[1] = {ObjectIdGetDatum(user)};

	s->user = user;
	s->load = load;
	s->all = superuser_arg(user) || has_privs_of_role(user, warehouse_owner());
	if (s->all)
		return;
	SPI_connect();
	run_as_owner(GRANTS_SQL, 1, argtypes, values, NULL);
	s->grants = MemoryContextAlloc(s->cxt, Max(SPI_processed, 1) * sizeof(Grant));
	for (uint64 i = 0; i < SPI_processed; i++)
	{
		HeapTuple	t = SPI_tuptable->vals[i];
		TupleDesc	d = SPI_tuptable->tupdesc;
		bool		isnull;
		Grant	   *g = &s->grants[s->ngrants];

		g->may_load = DatumGetBool(SPI_getbinval(t, d, 3, &isnull));
		if (load && !g->may_load)
			continue;
		g->department = copy_text(t, d, 1, s->cxt);
		g->prefix = copy_text(t, d, 2, s->cxt);
		if (g->department == NULL && g->prefix == NULL)
			s->all = true;
		s->ngrants++;
	}
	SPI_finish();
}

/*
 * The projects in s, read once, grant by grant (each through its index);
 * every project if s sees them all (only scope_array() asks for that).
 */
static void
scope_build(Scope *s)
{
	Oid			argtypes[2] = {TEXTOID, TEXTOID};

	if (s->built)
		return;
	SPI_connect();
	idset_init(&s->ids, 0, s->cxt);
	if (s->all)
	{
		run_as_owner(ALL_SQL, 0, NULL, NULL, NULL);
		idset_add_result(&s->ids, s->cxt);
	}
	else
		for (int i = 0; i < s->ngrants; i++)
		{
			Grant	   *g = &s->grants[i];
			Datum		values[2];
			char		nulls[2] = {' ', ' '};

			if (g->department)
			{
				values[0] = CStringGetTextDatum(g->department);
				values[1] = g->prefix ? CStringGetTextDatum(g->prefix) : (Datum) 0;
				nulls[1] = g->prefix ? ' ' : 'n';
				run_as_owner(DEPARTMENT_SQL, 2, argtypes, values, nulls);
			}
			else
			{
				values[0] = CStringGetTextDatum(psprintf("%s%.*s", g->prefix, (int) (6 - strlen(g->prefix)), "000000"));
				values[1] = CStringGetTextDatum(psprintf("%s%.*s", g->prefix, (int) (6 - strlen(g->prefix)), "999999"));
				run_as_owner(DIVISION_SQL, 2, argtypes, values, NULL);
			}
			idset_add_result(&s->ids, s->cxt);
		}
	SPI_finish();
	s->built = true;
}

/*
 * The scope of the current role, shared by every call site of a statement
 * (and by the planner's estimate): it is kept for one snapshot, so a
 * statement sees the grants and projects of its own snapshot, and the next
 * statement computes it again if anything could have changed.  A call site
 * remembers the scope it got, and asks again only when a scope was computed
 * since (by a nested statement, say).
 */
typedef struct ScopeKey
{
	bool		valid;
	Oid			user;
	LocalTransactionId lxid;
	CommandId	curcid;
	TransactionId xmin;
	TransactionId xmax;
	uint32		xcnt;
	TransactionId *xip;
} ScopeKey;

static struct
{
	ScopeKey	key;
	Scope	   *scope;
	uint64		generation;
}			shared[2];			/* reading, loading */

static uint64 generation = 0;

static bool
key_matches(const ScopeKey *k, Oid user, Snapshot snap)
{
	return k->valid && k->user == user && k->lxid == PE_MY_LXID &&
		k->curcid == snap->curcid && k->xmin == snap->xmin && k->xmax == snap->xmax &&
		k->xcnt == snap->xcnt &&
		(snap->xcnt == 0 || memcmp(k->xip, snap->xip, snap->xcnt * sizeof(TransactionId)) == 0);
}

static Scope *
shared_scope(bool load)
{
	Oid			user = GetUserId();
	Snapshot	snap = ActiveSnapshotSet() ? GetActiveSnapshot() : NULL;
	ScopeKey   *k = &shared[load].key;
	Scope	   *s;
	MemoryContext cxt;

	if (snap && key_matches(k, user, snap))
		return shared[load].scope;
	/* the old scope may still be in use by an outer statement: left to its transaction */
	cxt = AllocSetContextCreate(TopTransactionContext, "perfeval scope", ALLOCSET_SMALL_SIZES);
	s = MemoryContextAllocZero(cxt, sizeof(Scope));
	s->cxt = cxt;
	scope_read(s, user, load);
	k->valid = snap != NULL;
	if (snap)
	{
		k->user = user;
		k->lxid = PE_MY_LXID;
		k->curcid = snap->curcid;
		k->xmin = snap->xmin;
		k->xmax = snap->xmax;
		k->xcnt = snap->xcnt;
		k->xip = snap->xcnt ? MemoryContextAlloc(cxt, snap->xcnt * sizeof(TransactionId)) : NULL;
		if (snap->xcnt)
			memcpy(k->xip, snap->xip, snap->xcnt * sizeof(TransactionId));
	}
	shared[load].scope = s;
	shared[load].generation = ++generation;
	return s;
}

/* What a call site keeps: the scope it got, and of which computation. */
typedef struct SiteScope
{
	Scope	   *scope;
	uint64		generation;
} SiteScope;

static Scope *
scope_of(FunctionCallInfo fcinfo, bool load)
{
	SiteScope  *site = (SiteScope *) fcinfo->flinfo->fn_extra;

	if (site != NULL && site->generation == shared[load].generation)
		return site->scope;
	if (site == NULL)
		site = fcinfo->flinfo->fn_extra = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(SiteScope));
	site->scope = shared_scope(load);
	site->generation = shared[load].generation;
	return site->scope;
}

static bool
scope_has(Scope *s, text *id)
{
	if (s->all)
		return true;
	scope_build(s);
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
			 errdetail_internal("%s", what),
			 errhint("The warehouse's owner grants loading with perfeval.grant_access(role, department, division_prefix, may_load => true).")));
}

/* in_scope(project_id): may the current role see this project? */
PG_FUNCTION_INFO_V1(in_scope);
Datum
in_scope(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(scope_has(scope_of(fcinfo, false), PG_GETARG_TEXT_PP(0)));
}

/* may_load(project_id): may the current role write this project's facts? */
PG_FUNCTION_INFO_V1(may_load);
Datum
may_load(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(scope_has(scope_of(fcinfo, true), PG_GETARG_TEXT_PP(0)));
}

#define NOT_LOADABLE _("The project is not one of the role's projects with a grant that allows loading.")

/* check_load(project_id): may_load(), or an error naming the project. */
PG_FUNCTION_INFO_V1(check_load);
Datum
check_load(PG_FUNCTION_ARGS)
{
	text	   *id = PG_GETARG_TEXT_PP(0);

	if (!scope_has(scope_of(fcinfo, true), id))
		refuse(text_to_cstring(id), NOT_LOADABLE);
	PG_RETURN_BOOL(true);
}

/*
 * refuse_load(project_id): check_load()'s error, for a project already
 * found outside the loading scope (by may_load(): the import checks the
 * projects its forms replace before it writes; on a Citus cluster the scope
 * may not be read again as the owner after the role wrote the shards).
 */
PG_FUNCTION_INFO_V1(refuse_load);
Datum
refuse_load(PG_FUNCTION_ARGS)
{
	refuse(text_to_cstring(PG_GETARG_TEXT_PP(0)), NOT_LOADABLE);
	PG_RETURN_BOOL(false);
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
			   psprintf(_("No grant that allows loading covers department \"%s\" and division %s."),
						department ? department : "", division ? division : _("(none)")));
	PG_RETURN_BOOL(true);
}

/*
 * stager_may_load(stager, project_id, department, division_code): may the
 * role that staged a form load it -- both the project the form replaces
 * (project_id; NULL for a new project) and the project it writes (by its
 * department and division, as check_load_project() judges a new row)?  For
 * import_forms() run by another role than the stager (the owner's nightly
 * run sees every loader's staged forms): a form is imported with the rights
 * of whoever staged it.  A role that no longer exists may load nothing.
 * Each stager's loading scope is read once per call site and statement
 * (a few stagers, many forms).  Not PUBLIC's: it tells another role's scope.
 */
typedef struct StagerScopes
{
	int			n;
	int			cap;
	Oid		   *users;
	Scope	  **scopes;
} StagerScopes;

static Scope *
stager_scope(FunctionCallInfo fcinfo, Oid user)
{
	StagerScopes *c = (StagerScopes *) fcinfo->flinfo->fn_extra;
	MemoryContext cxt;
	Scope	   *s;

	if (c == NULL)
	{
		c = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(StagerScopes));
		c->cap = 4;
		c->users = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, c->cap * sizeof(Oid));
		c->scopes = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, c->cap * sizeof(Scope *));
		fcinfo->flinfo->fn_extra = c;
	}
	for (int i = 0; i < c->n; i++)
		if (c->users[i] == user)
			return c->scopes[i];
	if (c->n == c->cap)
	{
		c->cap *= 2;
		c->users = repalloc(c->users, c->cap * sizeof(Oid));
		c->scopes = repalloc(c->scopes, c->cap * sizeof(Scope *));
	}
	cxt = AllocSetContextCreate(fcinfo->flinfo->fn_mcxt, "perfeval stager scope", ALLOCSET_SMALL_SIZES);
	s = MemoryContextAllocZero(cxt, sizeof(Scope));
	s->cxt = cxt;
	scope_read(s, user, true);
	c->users[c->n] = user;
	c->scopes[c->n] = s;
	c->n++;
	return s;
}

PG_FUNCTION_INFO_V1(stager_may_load);
Datum
stager_may_load(PG_FUNCTION_ARGS)
{
	Oid			user;
	Scope	   *s;
	char	   *department;
	char	   *division;

	if (PG_ARGISNULL(0))
		PG_RETURN_BOOL(false);
	user = get_role_oid(NameStr(*PG_GETARG_NAME(0)), true);
	if (!OidIsValid(user))
		PG_RETURN_BOOL(false);
	s = stager_scope(fcinfo, user);
	if (s->all)
		PG_RETURN_BOOL(true);
	if (!PG_ARGISNULL(1) && !scope_has(s, PG_GETARG_TEXT_PP(1)))
		PG_RETURN_BOOL(false);
	department = PG_ARGISNULL(2) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(2));
	division = PG_ARGISNULL(3) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(3));
	PG_RETURN_BOOL(grants_cover(s, department, division));
}

/*
 * scope_array(): the current role's projects as a text[], for an index
 * condition (see scope_support()); every project for a role that sees all.
 */
PG_FUNCTION_INFO_V1(scope_array);
Datum
scope_array(PG_FUNCTION_ARGS)
{
	Scope	   *s = scope_of(fcinfo, false);
	Datum	   *elems;
	int			n = 0;

	/* not planned for a role that sees everything; correct for it all the same */
	scope_build(s);
	elems = palloc(Max(s->ids.n, 1) * sizeof(Datum));
	for (uint32 k = 0; k <= s->ids.mask; k++)
		if (s->ids.hashes[k] != 0)
			elems[n++] = PointerGetDatum(cstring_to_text_with_len(s->ids.ids[k], s->ids.lens[k]));
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, n, TEXTOID, -1, false, TYPALIGN_INT));
}

/* sees_all(): does the current role see every project? */
PG_FUNCTION_INFO_V1(sees_all);
Datum
sees_all(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(scope_of(fcinfo, false)->all);
}

/*
 * The share of projects in the current role's scope (1 for a role that
 * sees everything), for the planner; computed from the scope the
 * statement will use.
 */
static double
scope_fraction(bool load)
{
	Scope	   *s = shared_scope(load);
	Oid			relid;
	float4		tuples = -1;
	HeapTuple	tup;

	if (s->all)
		return 1.0;
	scope_build(s);
	relid = get_relname_relid("project", get_namespace_oid("perfeval", false));
	tup = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
	if (HeapTupleIsValid(tup))
	{
		tuples = ((Form_pg_class) GETSTRUCT(tup))->reltuples;
		ReleaseSysCache(tup);
	}
	return tuples > 0 ? Min(1.0, Max(s->ids.n, 1) / (double) tuples) : 0.01;
}

/*
 * The planner's help for in_scope(project_id) and may_load(project_id):
 *
 *	* its selectivity, the share of projects in the role's scope;
 *	* for in_scope() on an index whose column is project_id, when the role
 *	  sees under a third of the projects, the index condition
 *	  project_id = ANY (scope_array()), so that a small scope's rows are
 *	  looked up by key (the filter stays: the condition is marked lossy).
 *
 * Either makes the plan depend on the role, so it is marked as such: a
 * cached plan is not reused by another role.
 */
#define INDEX_SCOPE_FRACTION 0.3

static Node *
scope_index_condition(SupportRequestIndexCondition *r)
{
	FuncExpr   *f = (FuncExpr *) r->node;
	Oid			opno;
	Oid			fn;
	ScalarArrayOpExpr *saop;

	if (!IsA(f, FuncExpr) || list_length(f->args) != 1 || r->indexarg != 0 ||
		strcmp(get_func_name(r->funcid), "in_scope") != 0)
		return NULL;
	opno = get_opfamily_member(r->opfamily, TEXTOID, TEXTOID, BTEqualStrategyNumber);
	if (!OidIsValid(opno) || scope_fraction(false) > INDEX_SCOPE_FRACTION)
		return NULL;
	/* by the catalog, not by name resolution: the role may lack USAGE on the schema */
	fn = GetSysCacheOid3(PROCNAMEARGSNSP, Anum_pg_proc_oid, CStringGetDatum("scope_array"),
						 PointerGetDatum(buildoidvector(NULL, 0)),
						 ObjectIdGetDatum(get_namespace_oid("perfeval_internal", false)));
	if (!OidIsValid(fn))
		return NULL;
	saop = makeNode(ScalarArrayOpExpr);
	saop->opno = opno;
	saop->opfuncid = get_opcode(opno);
	saop->hashfuncid = InvalidOid;
	saop->negfuncid = InvalidOid;
	saop->useOr = true;
	saop->inputcollid = r->indexcollation;
	saop->args = list_make2(copyObject(linitial(f->args)),
							makeFuncExpr(fn, TEXTARRAYOID, NIL, InvalidOid, InvalidOid, COERCE_EXPLICIT_CALL));
	saop->location = -1;
	r->lossy = true;
	return (Node *) saop;
}

PG_FUNCTION_INFO_V1(scope_support);
Datum
scope_support(PG_FUNCTION_ARGS)
{
	Node	   *req = (Node *) PG_GETARG_POINTER(0);

	/*
	 * On a Citus coordinator the tables are shells and the scope would be
	 * read by a distributed query as the owner, which Citus refuses once
	 * the role wrote the shards in this transaction: no estimate there (the
	 * workers plan the shards' queries with theirs).
	 */
	if (pe_on_coordinator())
		PG_RETURN_POINTER(NULL);
	if (IsA(req, SupportRequestSelectivity))
	{
		SupportRequestSelectivity *r = (SupportRequestSelectivity *) req;

		if (r->is_join)
			PG_RETURN_POINTER(NULL);
		if (r->root && r->root->glob)
			r->root->glob->dependsOnRole = true;
		r->selectivity = scope_fraction(strcmp(get_func_name(r->funcid), "may_load") == 0);
		PG_RETURN_POINTER(r);
	}
	if (IsA(req, SupportRequestIndexCondition))
	{
		SupportRequestIndexCondition *r = (SupportRequestIndexCondition *) req;
		Node	   *cond;

		if (r->root && r->root->glob)
			r->root->glob->dependsOnRole = true;
		cond = scope_index_condition(r);
		PG_RETURN_POINTER(cond ? list_make1(cond) : NULL);
	}
	PG_RETURN_POINTER(NULL);
}

/*
 * owner_only(): a BEFORE ... FOR EACH STATEMENT trigger (INSERT, UPDATE,
 * DELETE, TRUNCATE) on the tables that say who sees what and how every
 * project is graded (access_grant, scheme).  Only a role with the
 * privileges of the warehouse's owner, or a superuser, writes them, whatever
 * a schema-wide GRANT gave: the same rule as a scope that sees everything.
 * perfeval's own SECURITY DEFINER functions run as the owner and pass.
 */
PG_FUNCTION_INFO_V1(owner_only);
Datum
owner_only(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	Oid			user = GetUserId();
	Oid			owner;

	if (!CALLED_AS_TRIGGER(fcinfo) || !TRIGGER_FIRED_FOR_STATEMENT(td->tg_event))
		elog(ERROR, "owner_only() must be fired for each statement");
	owner = warehouse_owner();
	if (!superuser_arg(user) && !has_privs_of_role(user, owner))
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("permission denied to change perfeval.%s", RelationGetRelationName(td->tg_relation)),
				 errdetail("Role \"%s\" is not the warehouse's owner \"%s\": only the owner changes who sees which projects and how projects are graded, whatever privileges were granted on the table.",
						   GetUserNameFromId(user, false), GetUserNameFromId(owner, false)),
				 errhint("Ask the owner to run perfeval.grant_access() or perfeval.revoke_access(), or to change the scheme.")));
	return PointerGetDatum(NULL);
}
