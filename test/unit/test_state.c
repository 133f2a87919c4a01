/*
 * test_state.c
 *		Tests of the check of a kept state's bytes (pe_state.c), which
 *		state_recv() applies to what Citus copies between nodes: states of
 *		each kind written here in the layout src/state.c writes are taken;
 *		each one broken in a field, and every truncation and single-byte
 *		change of them, is refused or taken without reading outside the
 *		value (ASan); random bytes never crash it.
 */
#include "pe_core.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int	npass,
			nfail;

static void
check(bool ok, const char *what)
{
	if (ok)
		npass++;
	else
	{
		nfail++;
		printf("FAIL %s\n", what);
	}
}

/* A state being written: header, offsets and entries as src/state.c lays them. */
typedef struct W
{
	char		kind;
	int			n;
	uint32_t	off[8];
	char		e[512];
	int			elen;
} W;

static void
put(W *w, const void *p, int len)
{
	memcpy(w->e + w->elen, p, len);
	w->elen += len;
}

static void
u8(W *w, int v)
{
	uint8_t		b = (uint8_t) v;

	put(w, &b, 1);
}

static void
u16(W *w, int v)
{
	uint16_t	b = (uint16_t) v;

	put(w, &b, 2);
}

static void
i32(W *w, int32_t v)
{
	put(w, &v, 4);
}

static void
i64(W *w, int64_t v)
{
	put(w, &v, 8);
}

static void
code(W *w, const char *c)
{
	w->off[w->n++] = (uint32_t) w->elen;
	u8(w, (int) strlen(c));
	put(w, c, (int) strlen(c));
}

/* The whole value into out; its length. */
static size_t
finish(const W *w, char *out)
{
	uint16_t	n = (uint16_t) w->n;
	uint32_t	last = (uint32_t) w->elen;
	size_t		len = 0;

	out[len++] = PE_STATE_VERSION;
	out[len++] = w->kind;
	memcpy(out + len, &n, 2);
	len += 2;
	memcpy(out + len, w->off, 4 * (size_t) w->n);
	len += 4 * (size_t) w->n;
	memcpy(out + len, &last, 4);
	len += 4;
	memcpy(out + len, w->e, (size_t) w->elen);
	return len + (size_t) w->elen;
}

/* An actuals state: A11 with two reports (newest first, one with 95%), A12 with one. */
static size_t
actuals(char *out, int32_t older, int tier, int64_t fraction, const char *unit_text)
{
	W			w;

	memset(&w, 0, sizeof(w));
	w.kind = 'A';

	code(&w, "A11");
	u16(&w, 2);
	i32(&w, 8947);				/* 2024-06-30 */
	u8(&w, 1 | 2);
	u8(&w, tier);
	i64(&w, fraction);
	u8(&w, PE_CMP_NONE);
	u8(&w, PE_UNIT_PERCENT);
	u8(&w, 0);
	i64(&w, 95 * PE_SCALE);
	u8(&w, (int) strlen(unit_text));
	put(&w, unit_text, (int) strlen(unit_text));
	i32(&w, older);
	u8(&w, 0);
	u8(&w, 0);
	i64(&w, 0);
	code(&w, "A12");
	u16(&w, 1);
	i32(&w, 8766);
	u8(&w, 0);
	u8(&w, PE_TIER_MET);
	i64(&w, -1);
	return finish(&w, out);
}

static size_t
checklist(char *out, int32_t points, int32_t valued, int64_t deducted)
{
	W			w;

	memset(&w, 0, sizeof(w));
	w.kind = 'C';

	code(&w, "A21");
	i32(&w, points);
	i32(&w, valued);
	i64(&w, deducted);
	i64(&w, 3 * PE_SCALE);
	return finish(&w, out);
}

static size_t
survey(char *out, int opt2, int64_t coef)
{
	W			w;

	memset(&w, 0, sizeof(w));
	w.kind = 'S';

	code(&w, "D21");
	u8(&w, 2);
	u8(&w, 0);
	i64(&w, 10);
	i64(&w, -1);
	u8(&w, opt2);
	i64(&w, 3);
	i64(&w, coef);
	return finish(&w, out);
}

static size_t
notes(char *out, const char *second_code, const char *text)
{
	W			w;

	memset(&w, 0, sizeof(w));
	w.kind = 'N';

	code(&w, "A11");
	u16(&w, 1);
	i32(&w, 8947);
	i32(&w, (int32_t) strlen(text));
	put(&w, text, (int) strlen(text));
	code(&w, second_code);
	u16(&w, 1);
	i32(&w, INT32_MIN);			/* a checklist reason: no date */
	i32(&w, 3);
	put(&w, "abc", 3);
	return finish(&w, out);
}

/* Every truncation and every single-byte change: no read outside (ASan). */
static void
mutate(const char *v, size_t len, const char *what)
{
	char	   *copy;
	int			refused = 0;

	for (size_t cut = 0; cut < len; cut++)
	{
		copy = malloc(cut ? cut : 1);
		memcpy(copy, v, cut);
		refused += pe_state_check(copy, cut, NULL) != PE_OK;
		free(copy);
	}
	check(refused == (int) len, what);
	for (size_t i = 0; i < len; i++)
		for (int x = 1; x < 256; x <<= 1)
		{
			copy = malloc(len);
			memcpy(copy, v, len);
			copy[i] ^= (char) x;
			(void) pe_state_check(copy, len, NULL);
			free(copy);
		}
}

int
main(void)
{
	char		v[1024];
	char		wire[1025];
	size_t		len;
	PeError		err;
	const uint16_t one = 1;

	/* taken: one value of each kind as the aggregates write it */
	len = actuals(v, 8766, PE_TIER_PARTLY, 50 * PE_SCALE, "");
	check(pe_state_check(v, len, &err) == PE_OK, "actuals taken");
	mutate(v, len, "actuals: every truncation refused");
	check(pe_state_check(v, actuals(v, 8766, PE_TIER_PARTLY, -1, ""), NULL) == PE_OK,
		  "a tier without a usable fraction (-1) taken");
	len = checklist(v, 2, 1, 1 * PE_SCALE);
	check(pe_state_check(v, len, NULL) == PE_OK, "checklist taken");
	mutate(v, len, "checklist: every truncation refused");
	len = survey(v, 4, 600000);
	check(pe_state_check(v, len, NULL) == PE_OK, "survey taken");
	mutate(v, len, "survey: every truncation refused");
	len = notes(v, "B11", "进度滞后");
	check(pe_state_check(v, len, NULL) == PE_OK, "notes taken");
	mutate(v, len, "notes: every truncation refused");

	/* refused: each field out of what the aggregates write */
	check(pe_state_check(v, actuals(v, 8947, PE_TIER_PARTLY, 0, ""), NULL) != PE_OK,
		  "two reports on one date refused");
	check(pe_state_check(v, actuals(v, 9000, PE_TIER_PARTLY, 0, ""), NULL) != PE_OK,
		  "reports oldest first refused");
	check(pe_state_check(v, actuals(v, 8766, PE_TIER_COUNT, 0, ""), NULL) != PE_OK,
		  "an unknown tier refused");
	check(pe_state_check(v, actuals(v, 8766, PE_TIER_PARTLY, 100 * PE_SCALE + 1, ""), NULL) != PE_OK,
		  "a fraction above 100 refused");
	check(pe_state_check(v, actuals(v, 8766, PE_TIER_NONE, 5, ""), NULL) != PE_OK,
		  "a fraction without a tier refused");
	check(pe_state_check(v, actuals(v, 8766, PE_TIER_PARTLY, 0, "x"), NULL) != PE_OK,
		  "a percentage with a text (not a canonical measure) refused");
	check(pe_state_check(v, actuals(v, 2145031949, PE_TIER_PARTLY, 0, ""), NULL) != PE_OK,
		  "a date past PostgreSQL's range refused");
	check(pe_state_check(v, checklist(v, 0, 0, 0), NULL) != PE_OK, "a checklist of no points refused");
	check(pe_state_check(v, checklist(v, 2, 3, 0), NULL) != PE_OK, "more valued points than points refused");
	check(pe_state_check(v, checklist(v, 2, 1, -1), NULL) != PE_OK, "a negative deduction refused");
	check(pe_state_check(v, survey(v, 0, 600000), NULL) != PE_OK, "survey options out of order refused");
	check(pe_state_check(v, survey(v, PE_MAX_OPTIONS, 600000), NULL) != PE_OK, "a survey option past the last refused");
	check(pe_state_check(v, survey(v, 4, PE_SCALE + 1), NULL) != PE_OK, "a coefficient above 1 refused");
	check(pe_state_check(v, notes(v, "A10", "x"), NULL) != PE_OK, "codes out of order refused");
	check(pe_state_check(v, notes(v, "A11", "x"), NULL) != PE_OK, "a code twice refused");
	check(pe_state_check(v, notes(v, "B11", "\xe8\xbf"), NULL) != PE_OK, "a note not UTF-8 refused");
	len = notes(v, "B11", "ok");
	v[1] = 'X';
	check(pe_state_check(v, len, &err) != PE_OK && err.offset == 1, "an unknown kind refused at byte 1");
	v[1] = 'N';
	v[0] = 2;
	check(pe_state_check(v, len, NULL) != PE_OK, "another format version refused");

	/* the wire form: the writer's byte order first */
	len = checklist(v, 2, 1, 0);
	wire[0] = *(const char *) &one ? 'l' : 'b';
	memcpy(wire + 1, v, len);
	check(pe_state_from_wire(wire, len + 1, NULL) == PE_OK, "wire form taken");
	wire[0] = *(const char *) &one ? 'b' : 'l';
	check(pe_state_from_wire(wire, len + 1, &err) != PE_OK && err.offset == 0,
		  "the other byte order refused");
	check(pe_state_from_wire(wire, 0, NULL) != PE_OK, "an empty wire value refused");

	/* random bytes, some after a valid header */
	srand(20261207);
	for (int round = 0; round < 200000; round++)
	{
		size_t		n = (size_t) (rand() % 64);
		char	   *r = malloc(n ? n : 1);

		for (size_t i = 0; i < n; i++)
			r[i] = (char) rand();
		if (n >= 4 && round % 2)
		{
			r[0] = PE_STATE_VERSION;
			r[1] = "ACSN"[rand() % 4];
			r[2] = (char) (rand() % 3);
			r[3] = 0;
		}
		(void) pe_state_check(r, n, NULL);
		free(r);
	}
	check(true, "200,000 random values checked without a crash");

	printf("test_state: %d passed, %d failed\n", npass, nfail);
	return nfail ? 1 : 0;
}
