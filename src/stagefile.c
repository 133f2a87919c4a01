/*
 * stagefile.c
 *		perfeval.stage_file(content bytea, file_name text): one command per
 *		file.  A form's CSV file as Excel writes it (a byte-order mark,
 *		GB18030, trailing empty columns, CRLF, columns in another order and
 *		other spellings of the headers, merged 项目编码 cells, blank rows) is
 *		read by the core (src/pe_csv.c) and staged row by row exactly as
 *		\copy into the form_* view stages it: through pe_stage_values()
 *		(src/form.c), with each row's line in the file, its batch, staged_by,
 *		the export's guard quote taken off, and on a Citus cluster in batches
 *		(src/stagebuf.c).
 *
 * It runs as its caller (not SECURITY DEFINER): a row is staged as the role
 * that stages it (staged_by), and the caller needs INSERT on the view the
 * file is staged into, as \copy does -- whoever may stage today (the owner,
 * a role granted loading: grant_import(), sql/48_access.sql) may call it.
 * The staging itself writes the staging table's heap directly, as the
 * views' trigger does, so nothing else needs granting.
 *
 * All or nothing: any problem is an ERROR (file, line, column, the value,
 * a hint), and the statement's rows go with it.
 */
#include "perfeval.h"
#include "pe_csv.h"

#include "access/htup_details.h"
#include "access/relation.h"
#include "catalog/namespace.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"

#define HINT_ENCODING gettext_noop("Save the sheet from Excel as \"CSV UTF-8\", or as \"CSV\" on a Chinese Windows desk (GB18030); both are read without being told.")

/* Where a staging is, for the context line of any error under it. */
typedef struct StageFileWhere
{
	const char *file;
	int			line;
} StageFileWhere;

static void
stage_file_context(void *arg)
{
	StageFileWhere *w = (StageFileWhere *) arg;

	if (w->line > 0)
		errcontext("stage_file: file \"%s\", line %d", w->file, w->line);
	else
		errcontext("stage_file: file \"%s\"", w->file);
}

/* A problem's value as text: UTF-8, at most 200 bytes, never cut inside a character. */
static char *
problem_value(const PeCsvProblem *p)
{
	int			n;

	if (p->value == NULL)
		return pstrdup("");
	n = pg_mbcliplen(p->value, (int) p->valuelen, 200);
	return pnstrdup(p->value, n);
}

/* The accepted headers of a layout (all layouts: PE_CSV_NLAYOUTS), for a hint. */
static char *
accepted(PeCsvLayout layout)
{
	bool		all = layout == PE_CSV_NLAYOUTS;
	size_t		n = pe_csv_accepted(all ? PE_CSV_PROJECT : layout, all, NULL, 0);
	char	   *buf = palloc(n + 1);

	pe_csv_accepted(all ? PE_CSV_PROJECT : layout, all, buf, n + 1);
	return buf;
}

/* Report a problem of the reader as its ERROR. */
static void
report(const PeCsvProblem *p, const char *file, const PeCsvReader *r)
{
	char	   *v = p->what == PE_CSV_BAD_BYTES || p->what == PE_CSV_UTF16 ? NULL : problem_value(p);
	PeCsvLayout layout = r ? r->layout : PE_CSV_NLAYOUTS;

	switch (p->what)
	{
		case PE_CSV_BAD_BYTES:
		case PE_CSV_UTF16:
			{
				StringInfoData hex;

				initStringInfo(&hex);
				for (size_t i = 0; i < p->valuelen; i++)
					appendStringInfo(&hex, "%s%02X", i > 0 ? " " : "", (unsigned char) p->value[i]);
				if (p->what == PE_CSV_UTF16)
					ereport(ERROR,
							(errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
							 errmsg("file \"%s\" is UTF-16 (Excel's \"Unicode text\"), not CSV", file),
							 errdetail("It begins with the bytes %s.", hex.data),
							 errhint("%s", _(HINT_ENCODING))));
				ereport(ERROR,
						(errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
						 errmsg("file \"%s\" is neither UTF-8 nor GB18030: line %d, byte %lld (%s)",
								file, p->line, (long long) p->byte, hex.data),
						 errhint("%s", _(HINT_ENCODING))));
			}
			break;
		case PE_CSV_NO_HEADER:
			ereport(ERROR,
					(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
					 errmsg("file \"%s\" has no header line", file),
					 errhint("The first line names the columns: 项目编码 and the others of one layout (%s, %s, %s, %s, %s, %s or %s).",
							 "form_project", "form_indicator", "form_checklist", "form_survey", "form_goal",
							 "form_monitor", "form_monitor_money")));
			break;
		case PE_CSV_UNTERMINATED:
			ereport(ERROR,
					(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
					 errmsg("file \"%s\", line %d, column %d: quoted field not closed before the end: \"%s\"",
							file, p->line, p->column, v),
					 errhint("A field that begins with a quote ends with one; a quote inside it is doubled (\"\").")));
			break;
		case PE_CSV_TOO_WIDE:
			ereport(ERROR,
					(errcode(ERRCODE_TOO_MANY_COLUMNS),
					 errmsg("file \"%s\", line %d: more than %d columns", file, p->line, PE_CSV_MAX_COLUMNS),
					 errhint("Save only the form's columns (the sheet's used range).")));
			break;
		case PE_CSV_UNKNOWN_HEADER:
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_COLUMN),
					 errmsg("file \"%s\", column %d: unknown column header \"%s\"", file, p->column, v),
					 layout < PE_CSV_NLAYOUTS ?
					 errdetail("The other headers are those of %s.", pe_csv_layout_name(layout)) : 0,
					 errhint("Accepted headers (other spellings in brackets; spaces, enclosing brackets and a star do not count): %s.",
							 accepted(layout))));
			break;
		case PE_CSV_DUPLICATE_HEADER:
			{
				const char *name = pe_csv_canonical_in(p->value, p->valuelen, layout);

				ereport(ERROR,
						(errcode(ERRCODE_DUPLICATE_COLUMN),
						 errmsg("file \"%s\", column %d: header \"%s\" repeats column %d (both are %s)",
								file, p->column, v, p->other, name ? name : v),
						 errhint("Keep one of the two columns.")));
			}
			break;
		case PE_CSV_MIXED_HEADERS:
			ereport(ERROR,
					(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
					 errmsg("file \"%s\", column %d: header \"%s\" is not a column of %s",
							file, p->column, v,
							layout < PE_CSV_NLAYOUTS ? pe_csv_layout_name(layout) : _("the other headers' layout")),
					 errhint("A file holds one layout; accepted headers: %s.", accepted(layout))));
			break;
		case PE_CSV_AMBIGUOUS:
			ereport(ERROR,
					(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
					 errmsg("file \"%s\": its headers do not tell which form it is", file),
					 errhint("Besides 项目编码 and 三级指标 a file names a column of its own layout: 项目名称 (projects), 指标值 or 分值 (indicators), 评价要点 (checklists), 选项 (surveys), 1-8月实际完成值 (monitoring), 资金来源 (monitoring money).")));
			break;
		case PE_CSV_NO_CODE:
			ereport(ERROR,
					(errcode(ERRCODE_NOT_NULL_VIOLATION),
					 errmsg("file \"%s\" has no 项目编码 column", file),
					 errhint("Every row names its project: add the column 项目编码 (or 项目代码).")));
			break;
		case PE_CSV_CELL_OUTSIDE:
			ereport(ERROR,
					(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
					 errmsg("file \"%s\", line %d, column %d: a value under no header: \"%s\"",
							file, p->line, p->column, v),
					 errhint("Name the column in the header line, or clear the cell: only empty cells may stand under an empty header or after the last one.")));
			break;
		case PE_CSV_CODE_MISSING:
			ereport(ERROR,
					(errcode(ERRCODE_NOT_NULL_VIOLATION),
					 errmsg("file \"%s\", line %d, column %d: 项目编码 is empty and no row above gives it", file, p->line, p->column),
					 errhint("The first row names its project; a blank 项目编码 below (a merged cell) is the row above's.")));
			break;
		case PE_CSV_MONTH_MISMATCH:
			ereport(ERROR,
					(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
					 errmsg("file \"%s\", column %d: header \"%s\" names another month than column %d",
							file, p->column, v, p->other),
					 errhint("A monitoring form reports at one month: its headers name the same month (1-8月实际完成值, 1-8月执行数).")));
			break;
		case PE_CSV_UNIT_MISMATCH:
			ereport(ERROR,
					(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
					 errmsg("file \"%s\", column %d: header \"%s\" names another unit than column %d",
							file, p->column, v, p->other),
					 errhint("The amounts of a file are in one unit: name the same unit in every money header (全年预算数（万元）, 执行数（万元）), or give 金额单位.")));
			break;
		case PE_CSV_BAD_TICK:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("file \"%s\", line %d, column %d: \"%s\" is not a tick mark", file, p->line, p->column, v),
					 errhint("Under a tick column (经费保障 ... 其他, 确定能, 有可能, 完全不可能) a cell is ticked (√, ✓, ✔, 是) or blank (or 否, ×).")));
			break;
		case PE_CSV_OK:
			break;
	}
	elog(ERROR, "perfeval: unknown CSV problem %d", (int) p->what);
}

/* Stage the file; *relation, *encoding: for the result. */
static int64
stage_file(bytea *content, const char *file, const char **relation, const char **encoding)
{
	const char *data = VARDATA_ANY(content);
	size_t		len = VARSIZE_ANY_EXHDR(content);
	PeCsvProblem prob;
	PeCsvEncoding enc;
	size_t		skip;
	const char *text;
	size_t		textlen;
	char	   *out;
	PeCsvReader *r;
	PeCsvRow	row;
	Oid			viewid;
	Relation	view;
	TupleDesc	vdesc;
	AclResult	acl;
	MemoryContext rowcxt,
				old;
	Datum		values[PE_CSV_MAX_LAYOUT];
	bool		nulls[PE_CSV_MAX_LAYOUT];
	int64		rows = 0;
	int			rc;
	StageFileWhere where = {file, 0};
	ErrorContextCallback errcb;

	errcb.callback = stage_file_context;
	errcb.arg = &where;
	errcb.previous = error_context_stack;
	error_context_stack = &errcb;

	/* the encoding from the bytes; GB18030 converted (PostgreSQL's conversion) */
	if (!pe_csv_detect(data, len, &enc, &skip, &prob))
		report(&prob, file, NULL);
	text = data + skip;
	textlen = len - skip;
	*encoding = enc == PE_CSV_GB18030 ? "GB18030" : "UTF8";
	if (enc == PE_CSV_GB18030 && textlen > 0)
	{
		unsigned char *conv = pg_do_encoding_conversion((unsigned char *) text, (int) textlen,
														PG_GB18030, PG_UTF8);

		text = (const char *) conv;
		textlen = strlen(text);
	}

	out = MemoryContextAllocHuge(CurrentMemoryContext, textlen > 0 ? textlen : 1);
	r = palloc(sizeof(PeCsvReader));
	pe_csv_init(r, text, textlen, out, textlen > 0 ? textlen : 1);
	where.line = 1;
	if (!pe_csv_header(r, &prob))
		report(&prob, file, r);
	*relation = pe_csv_layout_name(r->layout);

	/* the view: INSERT on it, as \copy into it needs */
	viewid = get_relname_relid(*relation, get_namespace_oid("perfeval", false));
	if (!OidIsValid(viewid))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("no staging view perfeval.%s", *relation)));
	acl = pg_class_aclcheck(viewid, GetUserId(), ACL_INSERT);
	if (acl != ACLCHECK_OK)
		aclcheck_error(acl, OBJECT_VIEW, *relation);
	view = relation_open(viewid, RowExclusiveLock);
	vdesc = RelationGetDescr(view);
	if (vdesc->natts != pe_csv_layout_ncols(r->layout))
		elog(ERROR, "perfeval: view %s has %d columns, the reader %d",
			 *relation, vdesc->natts, pe_csv_layout_ncols(r->layout));
	for (int i = 0; i < vdesc->natts; i++)
		if (strcmp(NameStr(TupleDescAttr(vdesc, i)->attname), pe_csv_layout_col(r->layout, i)) != 0)
			elog(ERROR, "perfeval: column %d of view %s is \"%s\", the reader's \"%s\"",
				 i + 1, *relation, NameStr(TupleDescAttr(vdesc, i)->attname), pe_csv_layout_col(r->layout, i));

	/* every row, each its own batch of this file, with its line */
	pe_stage_begin(viewid);
	rowcxt = AllocSetContextCreate(CurrentMemoryContext, "perfeval stage_file row", ALLOCSET_DEFAULT_SIZES);
	while ((rc = pe_csv_row(r, &row, &prob)) > 0)
	{
		CHECK_FOR_INTERRUPTS();
		where.line = row.line;
		old = MemoryContextSwitchTo(rowcxt);
		for (int c = 0; c < row.ncols; c++)
		{
			nulls[c] = row.isnull[c];
			values[c] = nulls[c] ? (Datum) 0
				: PointerGetDatum(cstring_to_text_with_len(row.cols[c].p, (int) row.cols[c].len));
		}
		pe_stage_values(view, values, nulls, row.line);
		MemoryContextSwitchTo(old);
		MemoryContextReset(rowcxt);
		rows++;
	}
	if (rc < 0)
	{
		where.line = prob.line;
		report(&prob, file, r);
	}
	where.line = 0;
	/* on a Citus cluster: the last rows reach the staging table */
	pe_stagebuf_flush();
	MemoryContextDelete(rowcxt);
	relation_close(view, NoLock);
	error_context_stack = errcb.previous;
	return rows;
}

/*
 * perfeval.stage_file(content bytea, file_name text DEFAULT NULL) RETURNS
 * TABLE (relation text, rows bigint, encoding text): the one row saying
 * which view the file went into, how many rows, read in which encoding.
 */
PG_FUNCTION_INFO_V1(pe_stage_file);
Datum
pe_stage_file(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;

	if (SRF_IS_FIRSTCALL())
	{
		MemoryContext old;
		TupleDesc	desc;
		const char *file = PG_ARGISNULL(1) ? "<bytea>" : text_to_cstring(PG_GETARG_TEXT_PP(1));
		const char *relation = NULL,
				   *encoding = NULL;
		int64		rows;
		Datum		values[3];
		bool		nulls[3] = {false, false, false};

		funcctx = SRF_FIRSTCALL_INIT();
		if (PG_ARGISNULL(0))
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("file \"%s\": no content (NULL)", file),
					 errhint("Pass the file's bytes: decode(:'f', 'base64') after \\set f `base64 -w0 file.csv`.")));
		rows = stage_file(PG_GETARG_BYTEA_PP(0), file, &relation, &encoding);
		old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE || desc->natts != 3)
			elog(ERROR, "perfeval: stage_file must return (relation text, rows bigint, encoding text)");
		desc = BlessTupleDesc(desc);
		values[0] = CStringGetTextDatum(relation);
		values[1] = Int64GetDatum(rows);
		values[2] = CStringGetTextDatum(encoding);
		funcctx->user_fctx = heap_form_tuple(desc, values, nulls);
		funcctx->max_calls = 1;
		MemoryContextSwitchTo(old);
	}
	funcctx = SRF_PERCALL_SETUP();
	if (funcctx->call_cntr < funcctx->max_calls)
		SRF_RETURN_NEXT(funcctx, HeapTupleGetDatum((HeapTuple) funcctx->user_fctx));
	SRF_RETURN_DONE(funcctx);
}
