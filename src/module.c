/*
 * module.c
 *		The perfeval module: its magic block and the error report every
 *		type's input shares.
 */
#include "perfeval.h"

#include "lib/stringinfo.h"

PG_MODULE_MAGIC;

/* The detail sentence of a core error, with its byte offset when known. */
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
			 errdetail("%s", pe_error_detail(err)),
			 errhint("%s", err->detail == pe_detail_invisible ? PE_HINT_INVISIBLE : hint)));
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
			 errdetail("%s", pe_error_detail(err)),
			 errhint("Binary input takes what perfeval.%s_send() writes.", typname)));
}
