/*
 * module.c
 *		The perfeval module: its magic block and the error report every
 *		type's input shares.
 */
#include "perfeval.h"

PG_MODULE_MAGIC;

/* Raise the ereport matching a core error, quoting the offending input. */
void
pe_report(const PeError *err, const char *typname, const char *input,
		  const char *hint)
{
	/* every rejected literal is 22P02, out-of-range numbers included */
	int			code = ERRCODE_INVALID_TEXT_REPRESENTATION;

	if (err->offset >= 0)
		ereport(ERROR,
				(errcode(code),
				 errmsg("invalid input syntax for type %s: \"%s\"", typname, input),
				 errdetail("%s (at byte %d)", err->detail ? err->detail : "Unreadable value.",
						   err->offset),
				 errhint("%s", hint)));
	ereport(ERROR,
			(errcode(code),
			 errmsg("invalid input syntax for type %s: \"%s\"", typname, input),
			 errdetail("%s", err->detail ? err->detail : "Unreadable value."),
			 errhint("%s", hint)));
}
