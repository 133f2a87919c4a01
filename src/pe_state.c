/*
 * pe_state.c
 *		The check of a kept state's bytes (perfeval.state, src/state.c) when
 *		they come from outside: Citus copies a shard placement to another
 *		node in binary form, and state_recv() takes only what the state
 *		aggregates themselves could have written, so that no reader of the
 *		state ever sees a value it could not have made.
 *
 * Layout (src/state.c): version, kind ('A' actuals, 'C' checklist, 'S'
 * survey, 'N' notes), entry count (uint16), count + 1 uint32 offsets from
 * the start of the entries (0 first, the entries' size last), then the
 * entries in strictly ascending code order: a code length byte, the code,
 * the kind's fields.  Fields are in the writing machine's byte order; the
 * wire form puts that order first.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "pe_core.h"
#include "pe_csv.h"

#define HDR 4

/* PostgreSQL's dates, as days from 2000-01-01: the range date_in accepts. */
#define DATE_FIRST	(-2451545)
#define DATE_LAST	2145031948
#define NOBEGIN		INT32_MIN

static int32_t
get32(const char *p)
{
	int32_t		v;

	memcpy(&v, p, 4);
	return v;
}

static int64_t
get64(const char *p)
{
	int64_t		v;

	memcpy(&v, p, 8);
	return v;
}

static bool
is_date(int32_t d)
{
	return d >= DATE_FIRST && d <= DATE_LAST;
}

/* UTF-8 text without NUL, as a text value holds it. */
static bool
is_text(const char *s, size_t len)
{
	return memchr(s, 0, len) == NULL && pe_csv_utf8_valid_prefix(s, len) == len;
}

/* The offset of a position in the value, for the error. */
#define AT(at) ((size_t) ((at) - base))

/* The fields of one entry of kind, [f, end): exactly consumed. */
static PeStatus
check_fields(const char *base, char kind, const char *f, const char *end, PeError *err)
{
	if (kind == 'A')
	{
		uint16_t	n;
		int32_t		newer = 0;

		if (end - f < 2)
			return pe_fail(err, PE_ERR_SYNTAX, AT(f), "An actuals entry is shorter than its report count.");
		memcpy(&n, f, 2);
		f += 2;
		if (n == 0)
			return pe_fail(err, PE_ERR_SYNTAX, AT(f), "An actuals entry has no report.");
		for (int i = 0; i < n; i++)
		{
			int32_t		on;
			uint8_t		flags,
						tier;
			int64_t		fraction;

			if (end - f < 14)
				return pe_fail(err, PE_ERR_SYNTAX, AT(f), "A report is cut short.");
			on = get32(f);
			flags = (uint8_t) f[4];
			tier = (uint8_t) f[5];
			fraction = get64(f + 6);
			if (!is_date(on) || (i > 0 && on >= newer))
				return pe_fail(err, PE_ERR_SYNTAX, AT(f), "A report's date is out of range or not older than the one before.");
			newer = on;
			if (flags & ~3)
				return pe_fail(err, PE_ERR_SYNTAX, AT(f + 4), "A report's flags are out of range.");
			if (tier >= PE_TIER_COUNT ||
				(tier == PE_TIER_NONE ? fraction != 0
				 : fraction != -1 && (fraction < 0 || fraction > 100 * PE_SCALE)))
				return pe_fail(err, PE_ERR_SYNTAX, AT(f + 5), "A report's tier and fraction are out of range.");
			f += 14;
			if (flags & 1)
			{
				char		wire[PE_QUANT_WIRE_HDR + 255];
				char		buf[PE_QUANT_WIRE_BUF(PE_QUANT_WIRE_HDR + 255)];
				PeQuant		q;
				uint64_t	a;
				uint8_t		tl;

				if (end - f < 12 || end - (f + 12) < (uint8_t) f[11])
					return pe_fail(err, PE_ERR_SYNTAX, AT(f), "A report's measure is cut short.");
				tl = (uint8_t) f[11];
				/* the measure's own binary form, checked as measure_recv() checks it */
				wire[0] = 1;
				memcpy(wire + 1, f, 3);
				a = (uint64_t) get64(f + 3);
				for (int k = 0; k < 8; k++)
					wire[4 + k] = (char) (a >> (56 - 8 * k));
				memcpy(wire + PE_QUANT_WIRE_HDR, f + 12, tl);
				if (pe_quant_from_wire(wire, PE_QUANT_WIRE_HDR + tl, false, &q, buf, NULL) != PE_OK)
					return pe_fail(err, PE_ERR_SYNTAX, AT(f), "A report's measure is not a valid perfeval.measure.");
				f += 12 + tl;
			}
		}
	}
	else if (kind == 'C')
	{
		int32_t		points,
					valued;
		int64_t		deducted,
					valued_sum;

		if (end - f != 24)
			return pe_fail(err, PE_ERR_SYNTAX, AT(f), "A checklist entry is not 24 bytes.");
		points = get32(f);
		valued = get32(f + 4);
		deducted = get64(f + 8);
		valued_sum = get64(f + 16);
		if (points < 1 || valued < 0 || valued > points || deducted < 0 || deducted > PE_MAX_ABS ||
			valued_sum < 0 || valued_sum > PE_MAX_ABS)
			return pe_fail(err, PE_ERR_SYNTAX, AT(f), "A checklist entry's counts or sums are out of range.");
		f += 24;
	}
	else if (kind == 'S')
	{
		uint8_t		n;
		int			last = -1;

		if (end - f < 1)
			return pe_fail(err, PE_ERR_SYNTAX, AT(f), "A survey entry has no option count.");
		n = (uint8_t) f[0];
		f++;
		if (n == 0 || end - f != (ptrdiff_t) n * 17)
			return pe_fail(err, PE_ERR_SYNTAX, AT(f), "A survey entry's options do not fill it.");
		for (int i = 0; i < n; i++, f += 17)
		{
			int			opt = (uint8_t) f[0];
			int64_t		count = get64(f + 1),
						coef = get64(f + 9);

			if (opt >= PE_MAX_OPTIONS || opt <= last)
				return pe_fail(err, PE_ERR_SYNTAX, AT(f), "A survey option is out of range or out of order.");
			last = opt;
			if (count < 0 || (coef != -1 && (coef < 0 || coef > PE_SCALE)))
				return pe_fail(err, PE_ERR_SYNTAX, AT(f + 1), "A survey option's count or coefficient is out of range.");
		}
	}
	else
	{
		uint16_t	n;

		if (end - f < 2)
			return pe_fail(err, PE_ERR_SYNTAX, AT(f), "A notes entry is shorter than its note count.");
		memcpy(&n, f, 2);
		f += 2;
		if (n == 0)
			return pe_fail(err, PE_ERR_SYNTAX, AT(f), "A notes entry has no note.");
		for (int i = 0; i < n; i++)
		{
			int32_t		on;
			uint32_t	tl;

			if (end - f < 8)
				return pe_fail(err, PE_ERR_SYNTAX, AT(f), "A note is cut short.");
			on = get32(f);
			memcpy(&tl, f + 4, 4);
			if (on != NOBEGIN && !is_date(on))
				return pe_fail(err, PE_ERR_SYNTAX, AT(f), "A note's date is out of range.");
			if ((size_t) (end - (f + 8)) < tl || !is_text(f + 8, tl))
				return pe_fail(err, PE_ERR_SYNTAX, AT(f + 8), "A note is cut short or not UTF-8 text.");
			f += 8 + tl;
		}
	}
	if (f != end)
		return pe_fail(err, PE_ERR_SYNTAX, AT(f), "An entry has bytes after its fields.");
	return PE_OK;
}

PeStatus
pe_state_check(const char *p, size_t len, PeError *err)
{
	const char *base = p;
	const char *offsets,
			   *entries;
	char		kind;
	uint16_t	n;
	uint32_t	prev;
	const char *prevcode = NULL;
	int			prevlen = 0;

	if (len < HDR)
		return pe_fail(err, PE_ERR_SYNTAX, AT(p + len), "The value is shorter than its 4-byte header.");
	if ((uint8_t) p[0] != PE_STATE_VERSION)
		return pe_fail(err, PE_ERR_SYNTAX, AT(p), "Unsupported format version.");
	kind = p[1];
	if (kind != 'A' && kind != 'C' && kind != 'S' && kind != 'N')
		return pe_fail(err, PE_ERR_SYNTAX, AT(p + 1), "The kind is not A, C, S or N.");
	memcpy(&n, p + 2, 2);
	if (n == 0)
		return pe_fail(err, PE_ERR_SYNTAX, AT(p + 2), "A state has at least one entry.");
	if (len < HDR + ((size_t) n + 1) * 4)
		return pe_fail(err, PE_ERR_SYNTAX, AT(p + len), "The offsets are cut short.");
	offsets = p + HDR;
	entries = offsets + ((size_t) n + 1) * 4;
	memcpy(&prev, offsets, 4);
	if (prev != 0)
		return pe_fail(err, PE_ERR_SYNTAX, AT(offsets), "The first entry does not start at 0.");
	for (int i = 0; i < n; i++)
	{
		uint32_t	next;
		const char *e,
				   *code;
		int			cl,
					c;
		PeStatus	st;

		memcpy(&next, offsets + ((size_t) i + 1) * 4, 4);
		if (next <= prev || next > len - (size_t) (entries - p))
			return pe_fail(err, PE_ERR_SYNTAX, AT(offsets + ((size_t) i + 1) * 4), "An entry's end is out of order or past the value.");
		if (i == n - 1 && next != len - (size_t) (entries - p))
			return pe_fail(err, PE_ERR_SYNTAX, AT(offsets + (size_t) n * 4), "The entries do not fill the value.");
		e = entries + prev;
		cl = (uint8_t) e[0];
		code = e + 1;
		if ((uint32_t) (1 + cl) > next - prev || !is_text(code, (size_t) cl))
			return pe_fail(err, PE_ERR_SYNTAX, AT(e), "An entry's code is cut short or not UTF-8 text.");
		if (prevcode)
		{
			c = memcmp(prevcode, code, (size_t) (cl < prevlen ? cl : prevlen));
			if (c > 0 || (c == 0 && prevlen >= cl))
				return pe_fail(err, PE_ERR_SYNTAX, AT(e), "The entries are not in ascending code order.");
		}
		if ((st = check_fields(base, kind, code + cl, entries + next, err)) != PE_OK)
			return st;
		prevcode = code;
		prevlen = cl;
		prev = next;
	}
	return pe_set_ok(err);
}

/* This machine's byte order as the wire form's first byte: 'l' or 'b'. */
char
pe_state_byte_order(void)
{
	const uint16_t one = 1;

	return *(const char *) &one ? 'l' : 'b';
}

/* The wire form: the byte order ('l' or 'b'), then the stored value. */
PeStatus
pe_state_from_wire(const char *p, size_t len, PeError *err)
{
	PeStatus	st;

	if (len < 1)
		return pe_fail(err, PE_ERR_SYNTAX, 0,
					   "The value is empty; a kept state's binary form starts with its byte order.");
	if (p[0] != pe_state_byte_order())
		return pe_fail(err, PE_ERR_SYNTAX, 0,
					   "The value was written in another byte order than this server's.");
	st = pe_state_check(p + 1, len - 1, err);
	if (st != PE_OK && err)
		err->offset++;
	return st;
}
