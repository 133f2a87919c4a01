/*
 * pe_cell.c
 *		Formula cells of a spreadsheet (OWASP "CSV injection"): the one rule
 *		by which the export views neutralise a cell and the staging of a form
 *		reads it back.
 *
 * A spreadsheet opening a CSV file runs a cell that begins with = + - @, a
 * tab or a carriage return as a formula.  The export writes such a cell with
 * a leading single quote, which makes it text; the import takes that quote
 * off again.  So that export -> import gives back every value exactly, the
 * two are inverses over all text:
 *
 *	* guarded: a cell is written with one more leading quote when, after its
 *	  leading quotes (none or more), it begins with a formula character
 *	  (=x -> '=x, '=x -> ''=x);
 *	* read back: a cell that begins with a quote and, after its leading
 *	  quotes, with a formula character loses one quote ('=x -> =x,
 *	  ''=x -> '=x).  Any other cell is read as it is: a genuine leading
 *	  quote followed by anything else ('abc, 'x) stays.
 *
 * Every cell, numbers included: a negative number ("-5") goes out as '-5
 * and is read back as -5 before it is parsed.
 */
#include "pe_core.h"

static inline bool
formula_char(char c)
{
	return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

/* Does the cell s[0..len) need a leading quote on its way out? */
bool
pe_cell_needs_guard(const char *s, size_t len)
{
	size_t		i = 0;

	while (i < len && s[i] == '\'')
		i++;
	return i < len && formula_char(s[i]);
}

/*
 * Does the cell s[0..len), as read from a form, carry a guard quote (to be
 * taken off: the value is s[1..len))?
 */
bool
pe_cell_is_guarded(const char *s, size_t len)
{
	return len >= 2 && s[0] == '\'' && pe_cell_needs_guard(s + 1, len - 1);
}
