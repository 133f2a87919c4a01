/*
 * test_cell.c
 *		The formula-cell rule (pe_cell.c) without the server: which cells the
 *		export guards with a leading quote, which the import reads back
 *		without it, and that the two are inverses over every short string of
 *		the characters that matter.
 */
#include "pe_core.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int	npass,
			nfail;

static void
check(bool ok, const char *what, const char *cell)
{
	if (ok)
	{
		npass++;
		return;
	}
	nfail++;
	printf("FAIL %s: \"%s\"\n", what, cell);
}

/* The cell as the export writes it: buf must have room for len + 1. */
static size_t
guard(const char *s, size_t len, char *buf)
{
	size_t		n = 0;

	if (pe_cell_needs_guard(s, len))
		buf[n++] = '\'';
	memcpy(buf + n, s, len);
	return n + len;
}

/* The cell as the staging reads it back. */
static size_t
unguard(const char *s, size_t len, const char **out)
{
	if (pe_cell_is_guarded(s, len))
	{
		*out = s + 1;
		return len - 1;
	}
	*out = s;
	return len;
}

int
main(void)
{
	static const struct
	{
		const char *cell;
		bool		guarded;	/* the export adds a quote */
		bool		read_off;	/* the import takes one off */
	}			cases[] = {
		{"=HYPERLINK(\"http://x\",\"click\")", true, false},
		{"+1", true, false},
		{"-5", true, false},
		{"-3%", true, false},
		{"@SUM(A1)", true, false},
		{"\tx", true, false},
		{"\rx", true, false},
		{"=", true, false},
		{"'=x", true, true},
		{"''+x", true, true},
		{"'-5", true, true},
		{"'", false, false},
		{"''", false, false},
		{"'abc", false, false},
		{"'x=", false, false},
		{"", false, false},
		{"abc", false, false},
		{"5", false, false},
		{" =x", false, false},
		{"≥95%", false, false},
		{"\n=x", false, false},
		{"x-y", false, false},
	};
	static const char alphabet[] = {'\'', '=', '+', '-', '@', '\t', '\r', 'a', ' '};
	char		s[8],
				g[9];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		const char *c = cases[i].cell;

		check(pe_cell_needs_guard(c, strlen(c)) == cases[i].guarded, "guarded on export", c);
		check(pe_cell_is_guarded(c, strlen(c)) == cases[i].read_off, "quote taken off on import", c);
	}
	/* no cell the export writes begins a formula, and the import gives back
	 * what was exported: every string of up to 5 of these characters */
	for (int len = 0; len <= 5; len++)
	{
		long		total = 1;

		for (int k = 0; k < len; k++)
			total *= (long) sizeof(alphabet);
		for (long code = 0; code < total; code++)
		{
			long		v = code;
			size_t		glen;
			const char *back;
			size_t		blen;

			for (int k = 0; k < len; k++)
			{
				s[k] = alphabet[v % (long) sizeof(alphabet)];
				v /= (long) sizeof(alphabet);
			}
			s[len] = '\0';
			glen = guard(s, len, g);
			g[glen] = '\0';
			check(glen == 0 || !(g[0] == '=' || g[0] == '+' || g[0] == '-' || g[0] == '@' || g[0] == '\t' || g[0] == '\r'),
				  "exported cell begins a formula", s);
			blen = unguard(g, glen, &back);
			check(blen == (size_t) len && memcmp(back, s, len) == 0, "export -> import not exact", s);
			/* a cell the export did not guard is read as it is */
			if (glen == (size_t) len)
				check(!pe_cell_is_guarded(s, len), "unguarded cell changed on import", s);
		}
	}
	printf("test_cell: %d passed, %d failed\n", npass, nfail);
	return nfail ? 1 : 0;
}
