/*
 * module.c
 *		The perfeval module: its magic block and the error report every
 *		type's input shares.
 */
#include "perfeval.h"

PG_MODULE_MAGIC;

/* The detail sentence of a core error, with its byte offset when known. */
char *
pe_error_detail(const PeError *err)
{
	const char *d = err->detail ? err->detail : "Unreadable value.";

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
			 errdetail("%s", pe_error_detail(err)),
			 errhint("%s", hint)));
}
