/*
 * module.c
 *		The perfeval module: its magic block and the error report every
 *		type's input shares.
 */
#include "perfeval.h"

#include "lib/stringinfo.h"
#include "miscadmin.h"

PG_MODULE_MAGIC;

void		_PG_init(void);

/*
 * Bind perfeval's message catalog (perfeval-15.mo under pg_config
 * --localedir), as PL/pgSQL does: every ereport of the module is then shown
 * in the session's lc_messages (SET lc_messages = 'zh_CN.UTF-8').
 */
void
_PG_init(void)
{
	pg_bindtextdomain(TEXTDOMAIN);
}

/*
 * The core's pe_detail_invisible (src/pe_parse.c, an array xgettext cannot
 * see), marked for po/ here; test/nls.sh checks that the two are equal.
 */
#define DETAIL_INVISIBLE gettext_noop("An invisible or control character is not accepted.")

/*
 * A core detail sentence (an English literal of src/pe_*.c, extracted for
 * po/ from the pe_fail() calls and gettext_noop() marks) in the session's
 * language.
 */
const char *
pe_core_detail(const char *detail)
{
	if (detail == NULL)
		return _("Unreadable value.");
	return _(detail);
}

/* The detail of a core error for an ereport, translated (cf. pe_error_detail). */
static char *
report_detail(const PeError *err)
{
	if (err->detail == pe_detail_invisible)
		return psprintf(_("U+%04X at character %d is an invisible or control character, which is not accepted."),
						(unsigned) err->codepoint, err->character);
	if (err->offset >= 0)
		return psprintf(_("%s (at byte %d)"), pe_core_detail(err->detail), err->offset);
	return pstrdup(pe_core_detail(err->detail));
}

/*
 * The detail sentence of a core error, with its byte offset when known, in
 * English: it is data (an import_error's message); reports use report_detail().
 */
char *
pe_error_detail(const PeError *err)
{
	const char *d = err->detail ? err->detail : "Unreadable value.";

	/* an invisible character: name it and where it is */
	if (err->detail == pe_detail_invisible)
		return psprintf("U+%04X at character %d is an invisible or control character, which is not accepted.",
						(unsigned) err->codepoint, err->character);
	if (err->offset >= 0)
		return psprintf("%s (at byte %d)", d, err->offset);
	return pstrdup(d);
}

/* Raise the ereport matching a core error, quoting the offending input. */
void
pe_report(const PeError *err, const char *typname, const char *input,
		  const char *hint)
{
	/* every rejected literal is 22P02, out-of-range numbers included */
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type %s: \"%s\"", typname, input),
			 errdetail_internal("%s", report_detail(err)),
			 errhint("%s", _(err->detail == pe_detail_invisible ? PE_HINT_INVISIBLE : hint))));
}

/*
 * Raise 22P03 for a binary value a *_recv refuses: the type, the first
 * bytes of the payload in hex, and the core's detail.
 */
void
pe_report_binary(const PeError *err, const char *typname, const char *data, int len)
{
	StringInfoData hex;

	initStringInfo(&hex);
	for (int i = 0; i < len && i < 32; i++)
		appendStringInfo(&hex, "%02x", (unsigned char) data[i]);
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid binary input for type %s: \"\\x%s%s\" (%d bytes)",
					typname, hex.data, len > 32 ? "…" : "", len),
			 errdetail_internal("%s", report_detail(err)),
			 errhint("Binary input takes what perfeval.%s_send() writes.", typname)));
}
