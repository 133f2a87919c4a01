/*
 * The messages perfeval's PL/pgSQL raises, in the session's lc_messages.
 *
 * PL/pgSQL cannot reach gettext, so a RAISE takes its text from here:
 *	RAISE EXCEPTION USING MESSAGE = perfeval_internal.message('no_project', id),
 *		HINT = perfeval_internal.message('no_project.hint'), ERRCODE = 'P0002';
 * The SQLSTATE and the context stay the RAISE's own; the English below is
 * the source, po/zh_CN.po its translation (marked gettext_noop, extracted
 * with the ereports' messages; test/nls.sh checks every key is translated).
 */
#include "perfeval.h"

#include "catalog/pg_type.h"
#include "lib/stringinfo.h"
#include "utils/array.h"
#include "utils/builtins.h"

typedef struct PeMessage
{
	const char *key;
	const char *text;			/* %s for each argument, %% for % */
} PeMessage;

static const PeMessage messages[] = {
	/* section 10: the database's encoding */
	{"not_utf8", gettext_noop("perfeval needs a UTF8 database, not %s")},
	{"not_utf8.detail", gettext_noop("perfeval reads its text as UTF-8, and seven county names of the division list it ships have no GB2312 (EUC_CN) code.")},
	{"not_utf8.hint", gettext_noop("Create the database with ENCODING 'UTF8' (CREATE DATABASE ... ENCODING 'UTF8' TEMPLATE template0); clients may keep GBK or GB18030 as their client_encoding.")},
	/* section 40: the built-in scheme */
	{"builtin_scheme.delete", gettext_noop("cannot delete the built-in scheme \"%s\"")},
	{"builtin_scheme.update", gettext_noop("cannot rename the built-in scheme \"%s\"")},
	{"builtin_scheme.detail", gettext_noop("CREATE EXTENSION installs it and projects default to it.")},
	{"builtin_scheme.hint", gettext_noop("Change its rules, or copy it to a scheme of your own.")},
	/* section 40: a restore's parked rows */
	{"no_parked_parent", gettext_noop("perfeval: no rows wait for %s(%s)")},
	/* section 48: access */
	{"workers.grant", gettext_noop("could not grant usage on perfeval_internal on the workers")},
	{"workers.revoke", gettext_noop("could not revoke usage on perfeval_internal on the workers")},
	{"workers.hint", gettext_noop("Every worker must be up; then grant again.")},
	{"empty_department", gettext_noop("empty department")},
	{"empty_department.hint", gettext_noop("Name a department as projects name it, or pass NULL for every department.")},
	{"division_prefix", gettext_noop("invalid division prefix: \"%s\"")},
	{"division_prefix.hint", gettext_noop("A prefix of a GB/T 2260 code: 2 digits (a province, 65), 4 (a prefecture, 6501) or 6 (a county, 650102).")},
	{"no_such_grant", gettext_noop("role %s has no such grant")},
	/* section 74: projects scored under another scheme */
	{"no_scheme", gettext_noop("no scheme \"%s\"")},
	{"no_scheme.hint", gettext_noop("Name a scheme of perfeval.scheme (SELECT scheme_id FROM perfeval.scheme); national is built in.")},
	/* section 80: the printed form */
	{"no_project", gettext_noop("no project \"%s\"")},
	{"no_project.hint", gettext_noop("The project does not exist, or the current role may not see it (perfeval.grant_access).")},
	/* section 82: the printed monitoring sheet */
	{"no_monitoring", gettext_noop("project \"%s\" has no monitoring on %s")},
	{"no_monitoring.latest", gettext_noop("project \"%s\" has no report of money or of an actual in its year")},
	{"no_monitoring.hint", gettext_noop("A project is monitored on a date of its own year; without a date, at its latest report in perfeval.execution or perfeval.actual.")},
	/* section 87: Citus */
	{"not_plpgsql", gettext_noop("cannot make %s a PL/pgSQL function")},
	{"needs_citus", gettext_noop("perfeval.distribute() needs Citus")},
	{"needs_citus.detail", gettext_noop("The citus extension is not installed in this database.")},
	{"needs_citus.hint", gettext_noop("Run it on a Citus coordinator: CREATE EXTENSION citus, add the workers, then SELECT * FROM perfeval.distribute().")},
	{"not_empty", gettext_noop("perfeval.distribute() runs on an empty warehouse")},
	{"not_empty.detail", gettext_noop("perfeval.project has rows; the state perfeval keeps of them is derived and is never copied between nodes.")},
	{"not_empty.hint", gettext_noop("Distribute a new database right after CREATE EXTENSION perfeval, then load it (or pg_restore --data-only a dump into it).")},
	{"shard_count", gettext_noop("invalid shard count: \"%s\"")},
	{"shard_count.hint", gettext_noop("Give a number of shards from 1 to 64000, or NULL for Citus's citus.shard_count.")},
	{"shards_set", gettext_noop("the warehouse is already distributed in %s shards, not %s")},
	{"shards_set.hint", gettext_noop("The shard count is set when the warehouse is first distributed; Citus's alter_distributed_table('perfeval.project', shard_count => ..., cascade_to_colocated => true) reshards a loaded one.")},
};

PG_FUNCTION_INFO_V1(pe_message);

/*
 * message(key text, VARIADIC args text[]): the key's text translated, each
 * %s replaced by the next argument (NULL prints as NULL, a missing one as
 * nothing), %% by %.
 */
Datum
pe_message(PG_FUNCTION_ARGS)
{
	char	   *key;
	const char *fmt = NULL;
	Datum	   *args = NULL;
	bool	   *nulls = NULL;
	int			nargs = 0;
	int			next = 0;
	StringInfoData out;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	key = text_to_cstring(PG_GETARG_TEXT_PP(0));
	for (size_t i = 0; i < lengthof(messages); i++)
		if (strcmp(messages[i].key, key) == 0)
			fmt = _(messages[i].text);
	if (fmt == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("perfeval has no message \"%s\"", key)));
	if (PG_NARGS() > 1 && !PG_ARGISNULL(1))
		deconstruct_array(PG_GETARG_ARRAYTYPE_P(1), TEXTOID, -1, false, TYPALIGN_INT,
						  &args, &nulls, &nargs);

	initStringInfo(&out);
	for (const char *p = fmt; *p; p++)
	{
		if (p[0] == '%' && p[1] == 's')
		{
			if (next < nargs)
				appendStringInfoString(&out, nulls[next] ? "NULL" : TextDatumGetCString(args[next]));
			next++;
			p++;
		}
		else if (p[0] == '%' && p[1] == '%')
		{
			appendStringInfoChar(&out, '%');
			p++;
		}
		else
			appendStringInfoChar(&out, *p);
	}
	PG_RETURN_TEXT_P(cstring_to_text_with_len(out.data, out.len));
}
