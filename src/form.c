/*
 * form.c
 *		The import's per-row work in C: staging a form row with its CSV line,
 *		and reading a form's fields (numbers, targets, measures) without
 *		raising, so that every bad field becomes one import_error row and no
 *		field costs a subtransaction.
 */
#include "perfeval.h"

#include "access/heapam.h"
#include "access/htup_details.h"
#include "access/table.h"
#include "catalog/namespace.h"
#include "commands/sequence.h"
#include "commands/trigger.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "storage/proc.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/relcache.h"
#include "utils/timestamp.h"

#define FORM_NUMBER_HINT gettext_noop("A decimal number such as 25, 1,045.5 or 0.3, without units.")

/* A form's number, or false with the 22P02 message and hint to report. */
static bool
form_number(text *v, Datum *out, char **msg)
{
	char	   *s = text_to_cstring(v);
	size_t		len = strlen(s);
	char	   *buf = palloc(len + 1);
	PeError		err;
	PeStatus	st = pe_parse_form_number(s, len, buf, &err);

	if (st == PE_NULL)
	{
		*out = (Datum) 0;
		return true;
	}
	if (st != PE_OK)
	{
		*msg = psprintf("invalid number: \"%s\"", s);
		return false;
	}
	*out = DirectFunctionCall3(numeric_in, CStringGetDatum(buf),
							   ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
	return true;
}

/* perfeval_internal.form_number(text): a form's decimal, NULL if empty. */
PG_FUNCTION_INFO_V1(pe_form_number);
Datum
pe_form_number(PG_FUNCTION_ARGS)
{
	Datum		d;
	char	   *msg;

	/* (msg is an import_error's English message; the report is translated) */
	if (!form_number(PG_GETARG_TEXT_PP(0), &d, &msg))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid number: \"%s\"", text_to_cstring(PG_GETARG_TEXT_PP(0))),
				 errhint("%s", _(FORM_NUMBER_HINT))));
	if (d == (Datum) 0)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(d);
}

/* Is a field empty (only ASCII spaces, as btrim() sees it)? */
static bool
field_empty(text *v)
{
	size_t		b,
				e;

	pe_form_trim(VARDATA_ANY(v), VARSIZE_ANY_EXHDR(v), &b, &e);
	return b == e;
}

/*
 * A form's field read as a number, a target or a measure (kind) into the
 * fields of a perfeval_internal.parsed value (num, tgt, msr, sqlstate,
 * message, hint): the value, or the error it would raise.  An empty field
 * (v NULL or spaces) is all NULLs.  *has: a value was read.
 */
void
pe_form_read(text *v, PeFieldKind kind, Datum *values, bool *nulls, bool *has)
{
	for (int i = 0; i < 6; i++)
		nulls[i] = true;
	*has = false;
	/* (a method's brackets are never empty: （） is an empty method) */
	if (v != NULL && (kind == PE_FIELD_METHOD || !field_empty(v)))
	{
		char	   *msg = NULL;
		const char *hint = NULL;

		if (kind == PE_FIELD_NUMBER)
		{
			if (form_number(v, &values[0], &msg))
				nulls[0] = values[0] == (Datum) 0;
			else
				hint = FORM_NUMBER_HINT;
		}
		else if (kind == PE_FIELD_METHOD)
		{
			char	   *s = text_to_cstring(v);
			PeMethod	m;
			PeError		err;

			if (pe_parse_method(s, strlen(s), &m, &err) != PE_OK)
			{
				msg = psprintf("invalid scoring method in 指标性质: \"%s\" — %s", s, pe_error_detail(&err));
				hint = PE_HINT_METHOD;
			}
		}
		else
		{
			bool		is_target = kind == PE_FIELD_TARGET;
			char	   *s = text_to_cstring(v);
			PeError		err;
			int			k = is_target ? 1 : 2;

			if (pe_quant_try(s, is_target, &values[k], &err))
				nulls[k] = false;
			else
			{
				msg = psprintf("invalid input syntax for type %s: \"%s\" — %s",
							   is_target ? "target" : "measure", s, pe_error_detail(&err));
				hint = is_target ? PE_HINT_TARGET : PE_HINT_MEASURE;
			}
		}
		*has = !nulls[0] || !nulls[1] || !nulls[2];
		if (msg)
		{
			values[3] = CStringGetTextDatum("22P02");
			values[4] = CStringGetTextDatum(msg);
			values[5] = CStringGetTextDatum(hint);
			nulls[3] = nulls[4] = nulls[5] = false;
		}
	}
}

/* The same as a perfeval_internal.parsed value of desc. */
Datum
pe_form_field(text *v, PeFieldKind kind, TupleDesc desc, bool *has)
{
	Datum		values[6];
	bool		nulls[6];

	pe_form_read(v, kind, values, nulls, has);
	return HeapTupleGetDatum(heap_form_tuple(desc, values, nulls));
}

/*
 * perfeval_internal.form_parse(v text, kind text) returns
 * perfeval_internal.parsed: pe_form_field() from SQL.
 */
PG_FUNCTION_INFO_V1(pe_form_parse);
Datum
pe_form_parse(PG_FUNCTION_ARGS)
{
	TupleDesc	desc = (TupleDesc) fcinfo->flinfo->fn_extra;
	text	   *kind = PG_GETARG_TEXT_PP(1);
	PeFieldKind k;
	bool		has;

	/* the result's descriptor, looked up once per query (called per field) */
	if (desc == NULL)
	{
		MemoryContext old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);

		if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE || desc->natts != 6)
			ereport(ERROR,
					(errcode(ERRCODE_DATATYPE_MISMATCH),
					 errmsg("form_parse must return perfeval_internal.parsed")));
		desc = BlessTupleDesc(desc);
		MemoryContextSwitchTo(old);
		fcinfo->flinfo->fn_extra = desc;
	}
	if (pe_text_is(kind, "number"))
		k = PE_FIELD_NUMBER;
	else if (pe_text_is(kind, "target"))
		k = PE_FIELD_TARGET;
	else if (pe_text_is(kind, "measure"))
		k = PE_FIELD_MEASURE;
	else
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown kind of form field: \"%s\"", text_to_cstring(kind)),
				 errhint("number, target or measure.")));
	PG_RETURN_DATUM(pe_form_field(PG_ARGISNULL(0) ? NULL : PG_GETARG_TEXT_PP(0), k, desc, &has));
}

/* Argument n as a C string, or NULL. */
static char *
arg_cstring(FunctionCallInfo fcinfo, int n, size_t *total)
{
	char	   *s;

	if (PG_ARGISNULL(n))
		return NULL;
	s = text_to_cstring(PG_GETARG_TEXT_PP(n));
	*total += strlen(s);
	return s;
}

/*
 * perfeval_internal.form_target(指标性质, 指标值, 度量单位, 年度) and
 * form_actual(实际完成值, 指标性质, 指标值, 年度): a form row's target and
 * actual as the warehouse reads them (the rules: pe_form_target() and
 * pe_form_actual() in the core).
 */
PG_FUNCTION_INFO_V1(pe_form_target_text);
Datum
pe_form_target_text(PG_FUNCTION_ARGS)
{
	size_t		total = PE_FORM_TEXT_EXTRA;
	char	   *nature = arg_cstring(fcinfo, 0, &total),
			   *value = arg_cstring(fcinfo, 1, &total),
			   *unit = arg_cstring(fcinfo, 2, &total),
			   *year = arg_cstring(fcinfo, 3, &total);
	char	   *out = palloc(total);

	if (!pe_form_target(nature, value, unit, year, out))
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(out));
}

PG_FUNCTION_INFO_V1(pe_form_actual_text);
Datum
pe_form_actual_text(PG_FUNCTION_ARGS)
{
	size_t		total = PE_FORM_TEXT_EXTRA;
	char	   *actual = arg_cstring(fcinfo, 0, &total),
			   *nature = arg_cstring(fcinfo, 1, &total),
			   *value = arg_cstring(fcinfo, 2, &total),
			   *year = arg_cstring(fcinfo, 3, &total);
	char	   *out = palloc(total);

	if (!pe_form_actual(actual, nature, value, year, out))
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(out));
}

/* perfeval_internal.form_comparator(v): the comparator v begins with, or NULL. */
PG_FUNCTION_INFO_V1(pe_form_comparator_text);
Datum
pe_form_comparator_text(PG_FUNCTION_ARGS)
{
	char	   *s = text_to_cstring(PG_GETARG_TEXT_PP(0));
	size_t		n = pe_form_comparator(s);
	const char *p = s;

	if (n == 0)
		PG_RETURN_NULL();
	while (*p == ' ')
		p++;
	PG_RETURN_TEXT_P(cstring_to_text_with_len(p, n));
}

/*
 * perfeval_internal.export_cell(text): a cell as the export views write it,
 * a formula cell (= + - @, tab, CR first) with a leading quote that makes
 * it text in a spreadsheet; the staging takes it off again (pe_cell.c).
 */
PG_FUNCTION_INFO_V1(pe_export_cell);
Datum
pe_export_cell(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	const char *p = VARDATA_ANY(t);
	int			n = VARSIZE_ANY_EXHDR(t);
	text	   *out;

	if (!pe_cell_needs_guard(p, n))
		PG_RETURN_TEXT_P(t);
	out = (text *) palloc(VARHDRSZ + n + 1);
	SET_VARSIZE(out, VARHDRSZ + n + 1);
	VARDATA(out)[0] = '\'';
	memcpy(VARDATA(out) + 1, p, n);
	PG_RETURN_TEXT_P(out);
}

/*
 * Where the statement staging rows into one view is: its next CSV line and
 * its batch.  A statement is known by its transaction and start time (so
 * the rows one function inserts one by one continue the same lines, as
 * \copy's do).  Four views, a few slots.
 */
typedef struct StagePos
{
	Oid			view;
	LocalTransactionId lxid;
	TimestampTz stmt;
	Oid			staged;			/* its staging table, looked up once per statement */
	bool		via_citus;		/* a reference table: rows go through stagebuf.c */
	int32		line;
	int64		batch;
} StagePos;

static StagePos stage_pos[8];

/*
 * perfeval_internal.stage_row(): INSTEAD OF INSERT trigger of the form_*
 * views.  Keeps the row in perfeval_internal.staged_* with its line (header
 * = line 1; a quoted field's line breaks counted) and batch.  The staging
 * tables have no index (the import reads them whole, by hash joins), so the
 * row is one heap insert.
 */
PG_FUNCTION_INFO_V1(pe_stage_row);
Datum
pe_stage_row(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	Relation	view;
	const char *vname;
	Relation	rel;
	TupleDesc	vdesc,
				sdesc;
	Datum	   *values;
	bool	   *nulls;
	HeapTuple	tup;
	StagePos   *pos = NULL;
	LocalTransactionId lxid = PE_MY_LXID;
	TimestampTz stmt = GetCurrentStatementStartTimestamp();
	int			i,
				breaks = 0;
	bool		with_owner;
	bool		fresh = false;

	if (!CALLED_AS_TRIGGER(fcinfo) || !TRIGGER_FIRED_INSTEAD(td->tg_event) ||
		!TRIGGER_FIRED_FOR_ROW(td->tg_event) || !TRIGGER_FIRED_BY_INSERT(td->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("stage_row() must be an INSTEAD OF INSERT row trigger")));
	view = td->tg_relation;
	vname = RelationGetRelationName(view);
	if (strncmp(vname, "form_", 5) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("stage_row() fired on \"%s\", not a form_* view", vname)));
	for (i = 0; i < lengthof(stage_pos); i++)
		if (stage_pos[i].view == RelationGetRelid(view))
			pos = &stage_pos[i];
	if (pos == NULL)
		for (i = 0; i < lengthof(stage_pos) && pos == NULL; i++)
			if (stage_pos[i].view == InvalidOid || stage_pos[i].lxid != lxid)
				pos = &stage_pos[i];
	if (pos == NULL)
		pos = &stage_pos[0];
	if (pos->view != RelationGetRelid(view) || pos->lxid != lxid || pos->stmt != stmt)
	{
		Oid			nsp = get_namespace_oid("perfeval_internal", false);
		Oid			relid = get_relname_relid(psprintf("staged_%s", vname + 5), nsp);

		if (!OidIsValid(relid))
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_TABLE),
					 errmsg("no staging table for \"%s\"", vname)));
		pos->view = RelationGetRelid(view);
		pos->lxid = lxid;
		pos->stmt = stmt;
		pos->staged = relid;
		pos->line = 2;
		pos->batch = nextval_internal(get_relname_relid("staged_batch", nsp), false);
		fresh = true;
	}
	rel = table_open(pos->staged, RowExclusiveLock);
	if (fresh)
		pos->via_citus = pe_stagebuf_wanted(rel);
	vdesc = RelationGetDescr(view);
	sdesc = RelationGetDescr(rel);
	/* (1.8 added staged_by at the end; a 1.6 or 1.7 table has none) */
	with_owner = sdesc->natts == vdesc->natts + 3;
	if ((sdesc->natts != vdesc->natts + 2 && !with_owner) || RelationGetIndexList(rel) != NIL)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("staging table \"%s\" does not match view \"%s\"",
						RelationGetRelationName(rel), vname),
				 errhint("It has line, batch, the view's columns and staged_by, and no index.")));

	values = palloc(sizeof(Datum) * sdesc->natts);
	nulls = palloc(sizeof(bool) * sdesc->natts);
	heap_deform_tuple(td->tg_trigtuple, vdesc, values + 2, nulls + 2);
	if (with_owner)
	{
		/* the row is the staging role's: its policies show it to that role only */
		values[sdesc->natts - 1] = DirectFunctionCall1(namein,
													   CStringGetDatum(GetUserNameFromId(GetUserId(), false)));
		nulls[sdesc->natts - 1] = false;
	}
	for (i = 2; i < vdesc->natts + 2; i++)
	{
		if (!nulls[i])
		{
			text	   *t = DatumGetTextPP(values[i]);
			const char *p = VARDATA_ANY(t);
			int			n = VARSIZE_ANY_EXHDR(t);

			/* a formula cell as the export views write it: its guard quote off (pe_cell.c) */
			if (pe_cell_is_guarded(p, n))
				t = cstring_to_text_with_len(p + 1, n - 1);
			values[i] = PointerGetDatum(t);
			while (n-- > 0)
				breaks += *p++ == '\n';
		}
	}
	values[0] = Int32GetDatum(pos->line);
	values[1] = Int64GetDatum(pos->batch);
	nulls[0] = nulls[1] = false;
	pos->line += 1 + breaks;

	tup = heap_form_tuple(sdesc, values, nulls);
	if (pos->via_citus)
		pe_stagebuf_add(pos->staged, tup);
	else
		simple_heap_insert(rel, tup);
	heap_freetuple(tup);
	table_close(rel, NoLock);
	return PointerGetDatum(td->tg_trigtuple);
}
