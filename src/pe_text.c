/*
 * pe_text.c
 *		Parsers and canonical printers for scoring methods and grade scales.
 *
 * Methods: "proportional", "floor:60", "all_or_nothing", "deduct:1/5",
 * "over:0.5/1", "under:1/1", "deviation:1/3", "bands:<60:0,...,else:5" and
 * their Chinese spellings.  Grade scales: "优:90,良:80,中:60,差:0".
 * Lexical helpers (trimming, number scanning) live in pe_parse.c.
 */
#include <string.h>

#include "pe_core.h"

#define PE_MAX_LABEL	64

/* Skip spaces, then match the lower-case literal lit ignoring ASCII case. */
static bool
take(const char *s, size_t *i, size_t e, const char *lit)
{
	size_t		j = *i,
				n = strlen(lit),
				k;

	pe_skip_space(s, &j, e);
	if (e - j < n)
		return false;
	for (k = 0; k < n; k++)
	{
		unsigned char c = (unsigned char) s[j + k];

		if (c >= 'A' && c <= 'Z')
			c = (unsigned char) (c + ('a' - 'A'));
		if (c != (unsigned char) lit[k])
			return false;
	}
	*i = j + n;
	return true;
}

/* Is only whitespace left in s[i..e)? */
static bool
at_end(const char *s, size_t i, size_t e)
{
	pe_skip_space(s, &i, e);
	return i == e;
}

/* Is s[b..e) exactly the literal lit (ignoring ASCII case and spaces)? */
static bool
is_word(const char *s, size_t b, size_t e, const char *lit)
{
	return take(s, &b, e, lit) && at_end(s, b, e);
}

/* Skip spaces and scan a number without thousands separators. */
static PeStatus
take_number(const char *s, size_t *i, size_t e, int64_t *val, PeError *err)
{
	pe_skip_space(s, i, e);
	if (!pe_starts_number(s, *i, e))
		return pe_fail(err, PE_ERR_SYNTAX, *i, "Expected a number.");
	return pe_scan_number(s, *i, e, false, val, i, err);
}

/*
 * Parse the parameters of "floor:N" or "deduct:K/P" starting at s[i]; with
 * cap, an optional third: "over:K/P/C" (扣满C分为止).
 */
static PeStatus
parse_params(const char *s, size_t i, size_t e, PeMethod *out, int64_t *cap, PeError *err)
{
	PeStatus	st;

	if (!take(s, &i, e, ":") && !take(s, &i, e, "："))
		return pe_fail(err, PE_ERR_SYNTAX, i,
					   "Expected a colon after the method name.");
	if ((st = take_number(s, &i, e, &out->p1, err)) != PE_OK)
		return st;
	if (out->kind == PE_METHOD_FLOOR)
		(void) (take(s, &i, e, "%") || take(s, &i, e, "％"));
	else
	{
		if (!take(s, &i, e, "/") && !take(s, &i, e, "／"))
			return pe_fail(err, PE_ERR_SYNTAX, i,
						   "Expected a slash between the points and the step.");
		if ((st = take_number(s, &i, e, &out->p2, err)) != PE_OK)
			return st;
		if (cap && (take(s, &i, e, "/") || take(s, &i, e, "／")) &&
			(st = take_number(s, &i, e, cap, err)) != PE_OK)
			return st;
	}
	if (!at_end(s, i, e))
		return pe_fail(err, PE_ERR_SYNTAX, i,
					   "Unexpected text after the scoring method.");
	return PE_OK;
}

/* Parse the Chinese spellings 低于N%不得分 and 每低N个百分点扣M分. */
static PeStatus
parse_chinese(const char *s, size_t i, size_t e, PeMethod *out, PeError *err)
{
	PeStatus	st;

	if (take(s, &i, e, "低于"))
	{
		out->kind = PE_METHOD_FLOOR;
		if ((st = take_number(s, &i, e, &out->p1, err)) != PE_OK)
			return st;
		(void) (take(s, &i, e, "%") || take(s, &i, e, "％"));
		if (!take(s, &i, e, "不得分"))
			return pe_fail(err, PE_ERR_SYNTAX, i, "Expected 不得分 after the floor.");
	}
	else
	{
		int64_t		step;

		out->kind = PE_METHOD_DEDUCT;
		if (!take(s, &i, e, "每低") && !take(s, &i, e, "每少"))
			return pe_fail(err, PE_ERR_SYNTAX, i, "Expected 每低 or 每少.");
		if ((st = take_number(s, &i, e, &step, err)) != PE_OK)
			return st;
		if (!take(s, &i, e, "个百分点") && !take(s, &i, e, "百分点"))
			return pe_fail(err, PE_ERR_SYNTAX, i,
						   "Expected 个百分点 after the step.");
		if (!take(s, &i, e, "扣"))
			return pe_fail(err, PE_ERR_SYNTAX, i, "Expected 扣 before the points.");
		if ((st = take_number(s, &i, e, &out->p1, err)) != PE_OK)
			return st;
		if (!take(s, &i, e, "分"))
			return pe_fail(err, PE_ERR_SYNTAX, i, "Expected 分 after the points.");
		out->p2 = step;
	}
	if (!at_end(s, i, e))
		return pe_fail(err, PE_ERR_SYNTAX, i,
					   "Unexpected text after the scoring method.");
	return PE_OK;
}

/* A step: a number, or 一 (每超过一个百分点). */
static PeStatus
take_step(const char *s, size_t *i, size_t e, int64_t *val, PeError *err)
{
	if (take(s, i, e, "一"))
	{
		*val = PE_SCALE;
		return PE_OK;
	}
	return take_number(s, i, e, val, err);
}

/* An optional comma (, or ，) between the clauses of a Chinese spelling. */
static void
take_comma(const char *s, size_t *i, size_t e)
{
	(void) (take(s, i, e, ",") || take(s, i, e, "，"));
}

/*
 * The Chinese spellings scored from the values (1.16):
 * 每超过P个百分点扣K分, 每低于目标值P个百分点扣K分, [实际完成情况与计划]每相差P%扣K分,
 * each with an optional ，扣完为止 (the score never goes below 0 anyway) or
 * ，扣满N分为止 (at most N points deducted).
 */
static PeStatus
parse_chinese_values(const char *s, size_t i, size_t e, PeMethod *out, int64_t *cap,
					 PeError *err)
{
	PeStatus	st;

	if (take(s, &i, e, "每超过") || take(s, &i, e, "每超出"))
		out->kind = PE_METHOD_OVER;
	else if (take(s, &i, e, "每低于"))
	{
		out->kind = PE_METHOD_UNDER;
		(void) (take(s, &i, e, "目标值") || take(s, &i, e, "目标"));
	}
	else
	{
		out->kind = PE_METHOD_DEVIATION;
		(void) (take(s, &i, e, "实际完成情况与计划") || take(s, &i, e, "与计划") ||
				take(s, &i, e, "与目标值"));
		if (!take(s, &i, e, "每相差"))
			return pe_fail(err, PE_ERR_SYNTAX, i, "Expected 每相差.");
	}
	if ((st = take_step(s, &i, e, &out->p2, err)) != PE_OK)
		return st;
	if (out->kind == PE_METHOD_DEVIATION)
	{
		if (!take(s, &i, e, "%") && !take(s, &i, e, "％"))
			return pe_fail(err, PE_ERR_SYNTAX, i, "Expected a percent sign after the step.");
	}
	else if (!take(s, &i, e, "个百分点") && !take(s, &i, e, "百分点"))
		return pe_fail(err, PE_ERR_SYNTAX, i, "Expected 个百分点 after the step.");
	take_comma(s, &i, e);
	if (!take(s, &i, e, "扣"))
		return pe_fail(err, PE_ERR_SYNTAX, i, "Expected 扣 before the points.");
	if ((st = take_number(s, &i, e, &out->p1, err)) != PE_OK)
		return st;
	if (!take(s, &i, e, "分"))
		return pe_fail(err, PE_ERR_SYNTAX, i, "Expected 分 after the points.");
	{
		size_t		j = i;

		take_comma(s, &j, e);
		if (take(s, &j, e, "扣完为止"))
			i = j;
		else if (take(s, &j, e, "扣满"))
		{
			if ((st = take_number(s, &j, e, cap, err)) != PE_OK)
				return st;
			if (!take(s, &j, e, "分为止"))
				return pe_fail(err, PE_ERR_SYNTAX, j, "Expected 分为止 after the cap.");
			i = j;
		}
	}
	if (!at_end(s, i, e))
		return pe_fail(err, PE_ERR_SYNTAX, i,
					   "Unexpected text after the scoring method.");
	return PE_OK;
}

/* ------------------------------------------------------------ step bands */

#define BOUND_UNIT	(PE_SCALE / 10)		/* a bound's last decimal */
#define POINTS_UNIT	(PE_SCALE / 100)	/* the points' last decimal */
#define BOUND_MAX	INT64_C(32767)
#define POINTS_MAX	INT64_C(4095)

/* Unpack p1 and p2 (see pe_core.h); garbage unpacks to what it says. */
void
pe_method_bands(const PeMethod *m, PeMethodBands *out)
{
	uint64_t	hi,
				lo;
	int			k;

	memcpy(&hi, &m->p1, sizeof(hi));
	memcpy(&lo, &m->p2, sizeof(lo));
	memset(out, 0, sizeof(*out));
	out->n = (int) ((hi >> 60) & 7) + 2;
	if (out->n > PE_METHOD_MAX_BANDS)
		out->n = PE_METHOD_MAX_BANDS;
	out->upper = (hi >> 63) != 0;
	for (k = 0; k < PE_METHOD_MAX_BANDS - 1; k++)
		out->bound[k] = (int64_t) (int16_t) (uint16_t) (lo >> (16 * k)) * BOUND_UNIT;
	for (k = 0; k < PE_METHOD_MAX_BANDS; k++)
		out->points[k] = (int64_t) ((hi >> (12 * k)) & 0xfff) * POINTS_UNIT;
}

/* Check and pack bands into m; the bounds ascend, each fits its field. */
static PeStatus
bands_pack(const PeMethodBands *b, PeMethod *m, size_t at, PeError *err)
{
	uint64_t	hi = 0,
				lo = 0;
	int			k;

	if (b->n < 2 || b->n > PE_METHOD_MAX_BANDS)
		return pe_fail(err, PE_ERR_INVALID, at, "Step bands are 2 to 5 bands.");
	for (k = 0; k < b->n - 1; k++)
	{
		int64_t		v = b->bound[k] / BOUND_UNIT;

		if (b->bound[k] % BOUND_UNIT != 0 || v > BOUND_MAX || v < -BOUND_MAX - 1)
			return pe_fail(err, PE_ERR_INVALID, at,
						   "A band's bound has at most one decimal and lies within -3276.8 and 3276.7.");
		if (k > 0 && b->bound[k] <= b->bound[k - 1])
			return pe_fail(err, PE_ERR_INVALID, at, "The bands overlap or leave a gap.");
		lo |= (uint64_t) (uint16_t) (int16_t) v << (16 * k);
	}
	for (k = 0; k < b->n; k++)
	{
		int64_t		v = b->points[k] / POINTS_UNIT;

		if (b->points[k] % POINTS_UNIT != 0 || v < 0 || v > POINTS_MAX)
			return pe_fail(err, PE_ERR_INVALID, at,
						   "A band's points have at most two decimals and lie within 0 and 40.95.");
		hi |= (uint64_t) v << (12 * k);
	}
	hi |= (uint64_t) (b->n - 2) << 60;
	if (b->upper)
		hi |= (uint64_t) 1 << 63;
	m->kind = PE_METHOD_BANDS;
	memcpy(&m->p1, &hi, sizeof(hi));
	memcpy(&m->p2, &lo, sizeof(lo));
	return PE_OK;
}

/* An optional percent sign after a number (the bounds are in the target's unit). */
static void
take_percent(const char *s, size_t *i, size_t e)
{
	(void) (take(s, i, e, "%") || take(s, i, e, "％"));
}

/* Canonical: bands:<60:0,<70:2,<80:3,<90:4,else:5 (or <= throughout). */
static PeStatus
parse_bands(const char *s, size_t i, size_t e, PeMethod *out, PeError *err)
{
	PeMethodBands b;
	PeStatus	st;
	size_t		start = i;

	memset(&b, 0, sizeof(b));
	if (!take(s, &i, e, ":") && !take(s, &i, e, "："))
		return pe_fail(err, PE_ERR_SYNTAX, i, "Expected a colon after the method name.");
	for (;;)
	{
		bool		le;

		if (take(s, &i, e, "else"))
		{
			if (!take(s, &i, e, ":") && !take(s, &i, e, "："))
				return pe_fail(err, PE_ERR_SYNTAX, i, "Expected a colon after else.");
			if ((st = take_number(s, &i, e, &b.points[b.n], err)) != PE_OK)
				return st;
			b.n++;
			break;
		}
		if (b.n == PE_METHOD_MAX_BANDS - 1)
			return pe_fail(err, PE_ERR_INVALID, i, "Step bands are 2 to 5 bands.");
		if (take(s, &i, e, "<=") || take(s, &i, e, "≤"))
			le = true;
		else if (take(s, &i, e, "<") || take(s, &i, e, "＜"))
			le = false;
		else
			return pe_fail(err, PE_ERR_SYNTAX, i, "Expected < or <= before a band's bound, or else.");
		if (b.n > 0 && le != b.upper)
			return pe_fail(err, PE_ERR_INVALID, i,
						   "Every band includes its lower bound (<) or every band its upper bound (<=).");
		b.upper = le;
		if ((st = take_number(s, &i, e, &b.bound[b.n], err)) != PE_OK)
			return st;
		take_percent(s, &i, e);
		if (!take(s, &i, e, ":") && !take(s, &i, e, "："))
			return pe_fail(err, PE_ERR_SYNTAX, i, "Expected a colon before a band's points.");
		if ((st = take_number(s, &i, e, &b.points[b.n], err)) != PE_OK)
			return st;
		b.n++;
		if (!take(s, &i, e, ",") && !take(s, &i, e, "，"))
			return pe_fail(err, PE_ERR_SYNTAX, i, "Expected a comma, then the next band or else.");
	}
	if (!at_end(s, i, e))
		return pe_fail(err, PE_ERR_SYNTAX, i, "Unexpected text after the scoring method.");
	return bands_pack(&b, out, start, err);
}

/* One band as a sheet writes it: an interval, its sides closed, open or unsaid. */
typedef struct BandClause
{
	bool		has_lo,
				has_hi,
				bare;			/* a bare number: the lowest or highest band */
	int			lo_c,
				hi_c;			/* 1 closed, 0 open, -1 not said */
	int64_t		lo,
				hi,
				points;
} BandClause;

/* （含） or (含) after a bound: the bound is in the band. */
static bool
take_inclusive(const char *s, size_t *i, size_t e)
{
	return take(s, i, e, "（含）") || take(s, i, e, "(含)");
}

/* A dash between two bounds. */
static bool
take_dash(const char *s, size_t *i, size_t e)
{
	return take(s, i, e, "-") || take(s, i, e, "－") || take(s, i, e, "—") ||
		take(s, i, e, "~") || take(s, i, e, "～") || take(s, i, e, "至");
}

/* Parse one clause s[i..e): 80%（含）-90%得4分, (0,10%]得2分, ≥90%得5分, 60%以下不得分 ... */
static PeStatus
parse_band_clause(const char *s, size_t i, size_t e, BandClause *c, PeError *err)
{
	PeStatus	st;
	int64_t		x;

	memset(c, 0, sizeof(*c));
	c->lo_c = c->hi_c = -1;
	if (take(s, &i, e, "(") || take(s, &i, e, "（") || take(s, &i, e, "[") || take(s, &i, e, "［"))
	{
		char		open = s[i - 1];

		/* ( and [ are one byte; （ and ［ end in \x88 and \xbb */
		c->lo_c = (open == '[' || (unsigned char) open == 0xbb) ? 1 : 0;
		if ((st = take_number(s, &i, e, &c->lo, err)) != PE_OK)
			return st;
		take_percent(s, &i, e);
		if (!take(s, &i, e, ",") && !take(s, &i, e, "，") && !take_dash(s, &i, e))
			return pe_fail(err, PE_ERR_SYNTAX, i, "Expected a comma between a band's bounds.");
		if ((st = take_number(s, &i, e, &c->hi, err)) != PE_OK)
			return st;
		take_percent(s, &i, e);
		if (take(s, &i, e, "]") || take(s, &i, e, "］"))
			c->hi_c = 1;
		else if (take(s, &i, e, ")") || take(s, &i, e, "）"))
			c->hi_c = 0;
		else
			return pe_fail(err, PE_ERR_SYNTAX, i, "Expected ] or ) after a band's bounds.");
		c->has_lo = c->has_hi = true;
	}
	else if (take(s, &i, e, "≥") || take(s, &i, e, ">=") || take(s, &i, e, "不低于") ||
			 take(s, &i, e, "不少于"))
		c->has_lo = true, c->lo_c = 1;
	else if (take(s, &i, e, "＞") || take(s, &i, e, ">") || take(s, &i, e, "高于") ||
			 take(s, &i, e, "超过") || take(s, &i, e, "大于"))
		c->has_lo = true, c->lo_c = 0;
	else if (take(s, &i, e, "≤") || take(s, &i, e, "<=") || take(s, &i, e, "不超过") ||
			 take(s, &i, e, "不高于"))
		c->has_hi = true, c->hi_c = 1;
	else if (take(s, &i, e, "＜") || take(s, &i, e, "<") || take(s, &i, e, "低于") ||
			 take(s, &i, e, "不足") || take(s, &i, e, "小于"))
		c->has_hi = true, c->hi_c = 0;

	if (!(c->has_lo && c->has_hi))
	{
		bool		incl;

		if ((st = take_number(s, &i, e, &x, err)) != PE_OK)
			return st;
		take_percent(s, &i, e);
		incl = take_inclusive(s, &i, e);
		if (c->has_lo)
			c->lo = x;
		else if (c->has_hi)
			c->hi = x;
		else if (take(s, &i, e, "及以上"))
			c->has_lo = true, c->lo = x, c->lo_c = 1;
		else if (take(s, &i, e, "以上"))
			c->has_lo = true, c->lo = x, c->lo_c = incl ? 1 : -1;
		else if (take(s, &i, e, "及以下"))
			c->has_hi = true, c->hi = x, c->hi_c = 1;
		else if (take(s, &i, e, "以下"))
			c->has_hi = true, c->hi = x, c->hi_c = incl ? 1 : -1;
		else if (take_dash(s, &i, e))
		{
			c->has_lo = c->has_hi = true;
			c->lo = x;
			c->lo_c = incl ? 1 : -1;
			if ((st = take_number(s, &i, e, &c->hi, err)) != PE_OK)
				return st;
			take_percent(s, &i, e);
			if (take_inclusive(s, &i, e))
				c->hi_c = 1;
		}
		else
		{
			c->bare = true;
			c->lo = c->hi = x;
		}
	}
	if (take(s, &i, e, "不得分"))
		c->points = 0;
	else
	{
		if (!take(s, &i, e, "得"))
			return pe_fail(err, PE_ERR_SYNTAX, i, "Expected 得 before a band's points, or 不得分.");
		if ((st = take_number(s, &i, e, &c->points, err)) != PE_OK)
			return st;
		if (!take(s, &i, e, "分"))
			return pe_fail(err, PE_ERR_SYNTAX, i, "Expected 分 after a band's points.");
	}
	if (!at_end(s, i, e))
		return pe_fail(err, PE_ERR_SYNTAX, i, "Unexpected text after a band.");
	return PE_OK;
}

/*
 * Sorting by the lower end: a band without one is lowest; a bare number
 * sorts at its value, before a band starting there ((0,10%] after 0).
 */
static bool
clause_before(const BandClause *a, const BandClause *b)
{
	bool		a_low = !a->has_lo && !a->bare,
				b_low = !b->has_lo && !b->bare;

	if (a_low || b_low)
		return a_low && !b_low;
	if (a->lo != b->lo)
		return a->lo < b->lo;
	return a->bare && !b->bare;
}

/*
 * A sheet's bands, clauses separated by ， , ； ; (not inside brackets):
 * ≥90%得5分，80%（含）-90%得4分，…，60%以下不得分 or 0得3分，(0,10%]得2分，…，30%以上不得分.
 * Together they must cover every value once; a side left unsaid (以上, 以下, a
 * dash) is the one its neighbour does not include.
 */
static PeStatus
parse_bands_zh(const char *s, size_t b, size_t e, PeMethod *out, PeError *err)
{
	BandClause	c[PE_METHOD_MAX_BANDS];
	PeMethodBands bands;
	int			n = 0,
				k,
				depth = 0;
	size_t		i,
				cb = b;
	PeStatus	st;

	for (i = b; i <= e; i++)
	{
		size_t		sep = 0;

		if (i < e)
		{
			if (s[i] == '(' || s[i] == '[' || pe_lit_at(s, i, e, "（") || pe_lit_at(s, i, e, "［"))
				depth++;
			else if (s[i] == ')' || s[i] == ']' || pe_lit_at(s, i, e, "）") || pe_lit_at(s, i, e, "］"))
				depth--;
			else if (depth == 0)
				sep = s[i] == ',' || s[i] == ';' ? 1 :
					(pe_lit_at(s, i, e, "，") || pe_lit_at(s, i, e, "；")) ? 3 : 0;
			if (sep == 0)
				continue;
		}
		if (n == PE_METHOD_MAX_BANDS)
			return pe_fail(err, PE_ERR_INVALID, i, "Step bands are 2 to 5 bands.");
		if ((st = parse_band_clause(s, cb, i, &c[n], err)) != PE_OK)
			return st;
		n++;
		if (i < e)
			i += sep - 1;
		cb = i + 1;
	}
	if (n < 2)
		return pe_fail(err, PE_ERR_INVALID, b, "Step bands are 2 to 5 bands.");
	/* sort (insertion; at most five) */
	for (k = 1; k < n; k++)
		for (int j = k; j > 0 && clause_before(&c[j], &c[j - 1]); j--)
		{
			BandClause	t = c[j];

			c[j] = c[j - 1];
			c[j - 1] = t;
		}
	/* a bare number is the lowest band (≤ it) or the highest (≥ it) */
	if (c[0].bare)
		c[0].bare = false, c[0].has_hi = true, c[0].hi_c = -1;
	if (c[n - 1].bare)
		c[n - 1].bare = false, c[n - 1].has_lo = true, c[n - 1].lo_c = -1;
	memset(&bands, 0, sizeof(bands));
	bands.n = n;
	for (k = 0; k < n; k++)
	{
		bands.points[k] = c[k].points;
		if (c[k].bare || (k > 0 && !c[k].has_lo) || (k < n - 1 && !c[k].has_hi) ||
			(k == 0 && c[k].has_lo) || (k == n - 1 && c[k].has_hi) ||
			(c[k].has_lo && c[k].has_hi && c[k].lo >= c[k].hi))
			return pe_fail(err, PE_ERR_INVALID, b, "The bands overlap or leave a gap.");
		if (k < n - 1)
		{
			int			below = c[k].hi_c,
						above = c[k + 1].lo_c;
			bool		upper;

			if (c[k].hi != c[k + 1].lo)
				return pe_fail(err, PE_ERR_INVALID, b, "The bands overlap or leave a gap.");
			if (below == -1 && above == -1)
				return pe_fail(err, PE_ERR_INVALID, b,
							   "Say which band a bound belongs to, as in 80%（含）-90% or (0,10%].");
			if (below != -1 && above != -1 && below == above)
				return pe_fail(err, PE_ERR_INVALID, b, "The bands overlap or leave a gap.");
			upper = below == 1 || above == 0;
			if (k > 0 && upper != bands.upper)
				return pe_fail(err, PE_ERR_INVALID, b,
							   "Every band includes its lower bound or every band its upper bound.");
			bands.upper = upper;
			bands.bound[k] = c[k].hi;
		}
	}
	return bands_pack(&bands, out, b, err);
}

/* Does s[b..e) look like a sheet's bands (a clause ending in 得…分 or 不得分, then another)? */
static bool
looks_like_bands(const char *s, size_t b, size_t e)
{
	bool		points = false;

	for (size_t i = b; i < e; i++)
	{
		if (pe_lit_at(s, i, e, "得") || pe_lit_at(s, i, e, "不得分"))
			points = true;
		else if (points && (s[i] == ',' || s[i] == ';' || pe_lit_at(s, i, e, "，") ||
							pe_lit_at(s, i, e, "；")))
			return true;
	}
	return false;
}

/* Print bands canonically (bands:<60:0,...,else:5) or as a sheet writes them. */
static size_t
format_bands(const PeMethod *m, bool zh, char *buf)
{
	PeMethodBands b;
	size_t		n = 0;
	int			k;

	pe_method_bands(m, &b);
	if (!zh)
	{
		strcpy(buf, "bands:");
		n = 6;
		for (k = 0; k < b.n - 1; k++)
		{
			strcpy(buf + n, b.upper ? "<=" : "<");
			n += strlen(buf + n);
			n += pe_format_fixed(b.bound[k], buf + n);
			buf[n++] = ':';
			n += pe_format_fixed(b.points[k], buf + n);
			buf[n++] = ',';
		}
		strcpy(buf + n, "else:");
		n += 5;
		return n + pe_format_fixed(b.points[b.n - 1], buf + n);
	}
	/* ascending; (A,B] for upper-closed bands, A（含）-B for lower-closed ones */
	buf[0] = '\0';
	for (k = 0; k < b.n; k++)
	{
		if (k > 0)
		{
			strcpy(buf + n, "，");
			n += strlen("，");
		}
		if (k == 0)
		{
			strcpy(buf + n, b.upper ? "≤" : "低于");
			n += strlen(buf + n);
			n += pe_format_fixed(b.bound[0], buf + n);
		}
		else if (k == b.n - 1)
		{
			strcpy(buf + n, b.upper ? "＞" : "≥");
			n += strlen(buf + n);
			n += pe_format_fixed(b.bound[k - 1], buf + n);
		}
		else if (b.upper)
		{
			buf[n++] = '(';
			n += pe_format_fixed(b.bound[k - 1], buf + n);
			buf[n++] = ',';
			n += pe_format_fixed(b.bound[k], buf + n);
			buf[n++] = ']';
		}
		else
		{
			n += pe_format_fixed(b.bound[k - 1], buf + n);
			strcpy(buf + n, "（含）-");
			n += strlen(buf + n);
			n += pe_format_fixed(b.bound[k], buf + n);
		}
		if (b.points[k] == 0)
		{
			strcpy(buf + n, "不得分");
			n += strlen(buf + n);
		}
		else
		{
			strcpy(buf + n, "得");
			n += strlen(buf + n);
			n += pe_format_fixed(b.points[k], buf + n);
			strcpy(buf + n, "分");
			n += strlen(buf + n);
		}
	}
	return n;
}

/* Parse a scoring method: "proportional", "floor:60", "deduct:1/5", ... */
PeStatus
pe_parse_method(const char *s, size_t len, PeMethod *out, PeError *err)
{
	size_t		b = 0,
				e = len,
				i;
	PeStatus	st;
	int64_t		cap = INT64_MIN;	/* none written (scanned numbers never are) */

	out->kind = PE_METHOD_PROPORTIONAL;
	out->p1 = out->p2 = 0;
	if ((st = pe_check_text(s, len, err)) != PE_OK)
		return st;
	pe_trim(s, &b, &e);
	if (b == e)
		return pe_fail(err, PE_ERR_EMPTY, 0, "The scoring method is empty.");
	i = b;
	if (is_word(s, b, e, "proportional") || is_word(s, b, e, "比例") ||
		is_word(s, b, e, "按比例"))
		out->kind = PE_METHOD_PROPORTIONAL;
	else if (is_word(s, b, e, "all_or_nothing") ||
			 is_word(s, b, e, "all-or-nothing") ||
			 is_word(s, b, e, "达标得满分") || is_word(s, b, e, "全有全无"))
		out->kind = PE_METHOD_ALL_OR_NOTHING;
	else if (take(s, &i, e, "floor"))
	{
		out->kind = PE_METHOD_FLOOR;
		st = parse_params(s, i, e, out, NULL, err);
	}
	else if (take(s, &i, e, "deduct"))
	{
		out->kind = PE_METHOD_DEDUCT;
		st = parse_params(s, i, e, out, NULL, err);
	}
	else if (take(s, &i, e, "over"))
	{
		out->kind = PE_METHOD_OVER;
		st = parse_params(s, i, e, out, &cap, err);
	}
	else if (take(s, &i, e, "under"))
	{
		out->kind = PE_METHOD_UNDER;
		st = parse_params(s, i, e, out, &cap, err);
	}
	else if (take(s, &i, e, "deviation"))
	{
		out->kind = PE_METHOD_DEVIATION;
		st = parse_params(s, i, e, out, &cap, err);
	}
	else if (take(s, &i, e, "bands"))
		st = parse_bands(s, i, e, out, err);
	else if (looks_like_bands(s, b, e))
		st = parse_bands_zh(s, b, e, out, err);
	/* 每低于 before 每低: the values' shortfall, not completion's */
	else if (pe_lit_at(s, b, e, "每超过") || pe_lit_at(s, b, e, "每超出") ||
			 pe_lit_at(s, b, e, "每低于") || pe_lit_at(s, b, e, "每相差") ||
			 pe_lit_at(s, b, e, "实际完成情况与计划") || pe_lit_at(s, b, e, "与计划") ||
			 pe_lit_at(s, b, e, "与目标值"))
		st = parse_chinese_values(s, b, e, out, &cap, err);
	else if (pe_lit_at(s, b, e, "低于") || pe_lit_at(s, b, e, "每低") ||
			 pe_lit_at(s, b, e, "每少"))
		st = parse_chinese(s, b, e, out, err);
	else
		return pe_fail(err, PE_ERR_SYNTAX, b,
					   "Unknown scoring method; expected proportional, floor:N, all_or_nothing, deduct:K/P, over:K/P, under:K/P, deviation:K/P or bands:<B:P,...,else:P.");
	if (st != PE_OK)
	{
		out->kind = PE_METHOD_PROPORTIONAL;
		out->p1 = out->p2 = 0;
		return st;
	}
	if (out->kind == PE_METHOD_FLOOR &&
		(out->p1 <= 0 || out->p1 > 100 * PE_SCALE))
		return pe_fail(err, PE_ERR_INVALID, b,
					   "The floor must be above 0 and at most 100 percent.");
	if ((out->kind == PE_METHOD_DEDUCT || (pe_method_needs_values(out) &&
											out->kind != PE_METHOD_BANDS)) &&
		(out->p1 <= 0 || out->p2 <= 0))
		return pe_fail(err, PE_ERR_INVALID, b,
					   "The deducted points and the step must both be above 0.");
	if (pe_method_needs_values(out) && out->kind != PE_METHOD_BANDS)
	{
		/* the points and the cap share p1 (see pe_core.h) */
		if (out->p1 > PE_METHOD_POINTS_MASK)
			return pe_fail(err, PE_ERR_INVALID, b,
						   "The deducted points are at most 1099511.627775.");
		if (cap != INT64_MIN &&
			(cap <= 0 || cap % (PE_SCALE / 100) != 0 || cap / (PE_SCALE / 100) > PE_METHOD_CAP_MAX))
			return pe_fail(err, PE_ERR_INVALID, b,
						   "The cap (扣满N分为止) has at most two decimals and lies above 0 and at most 5242.87.");
		if (cap != INT64_MIN)
			out->p1 |= (cap / (PE_SCALE / 100)) << 40;
	}
	return pe_set_ok(err);
}

/* Print a scoring method canonically into buf (PE_METHOD_BUFLEN bytes). */
size_t
pe_format_method(const PeMethod *m, char *buf)
{
	size_t		n;

	switch (m->kind)
	{
		case PE_METHOD_PROPORTIONAL:
			strcpy(buf, "proportional");
			return strlen(buf);
		case PE_METHOD_ALL_OR_NOTHING:
			strcpy(buf, "all_or_nothing");
			return strlen(buf);
		case PE_METHOD_FLOOR:
			strcpy(buf, "floor:");
			return 6 + pe_format_fixed(m->p1, buf + 6);
		case PE_METHOD_DEDUCT:
		case PE_METHOD_OVER:
		case PE_METHOD_UNDER:
		case PE_METHOD_DEVIATION:
			strcpy(buf, m->kind == PE_METHOD_DEDUCT ? "deduct:" :
				   m->kind == PE_METHOD_OVER ? "over:" :
				   m->kind == PE_METHOD_UNDER ? "under:" : "deviation:");
			n = strlen(buf);
			if (m->kind == PE_METHOD_DEDUCT)
			{
				n += pe_format_fixed(m->p1, buf + n);
				buf[n++] = '/';
				return n + pe_format_fixed(m->p2, buf + n);
			}
			n += pe_format_fixed(pe_method_points(m), buf + n);
			buf[n++] = '/';
			n += pe_format_fixed(m->p2, buf + n);
			if (pe_method_cap(m) != 0)
			{
				buf[n++] = '/';
				n += pe_format_fixed(pe_method_cap(m), buf + n);
			}
			return n;
		case PE_METHOD_BANDS:
			return format_bands(m, false, buf);
		default:
			buf[0] = '\0';
			return 0;
	}
}

/* A method in its Chinese spelling (see pe_core.h). */
size_t
pe_format_method_zh(const PeMethod *m, char *buf)
{
	size_t		n;

	switch (m->kind)
	{
		case PE_METHOD_PROPORTIONAL:
			strcpy(buf, "按比例");
			return strlen(buf);
		case PE_METHOD_ALL_OR_NOTHING:
			strcpy(buf, "达标得满分");
			return strlen(buf);
		case PE_METHOD_FLOOR:
			strcpy(buf, "低于");
			n = strlen(buf) + pe_format_fixed(m->p1, buf + strlen(buf));
			strcpy(buf + n, "%不得分");
			return n + strlen("%不得分");
		case PE_METHOD_DEDUCT:
			strcpy(buf, "每低");
			n = strlen(buf) + pe_format_fixed(m->p2, buf + strlen(buf));
			strcpy(buf + n, "个百分点扣");
			n += strlen("个百分点扣");
			n += pe_format_fixed(m->p1, buf + n);
			strcpy(buf + n, "分");
			return n + strlen("分");
		case PE_METHOD_OVER:
		case PE_METHOD_UNDER:
		case PE_METHOD_DEVIATION:
			strcpy(buf, m->kind == PE_METHOD_OVER ? "每超过" :
				   m->kind == PE_METHOD_UNDER ? "每低于目标值" : "每相差");
			n = strlen(buf);
			n += pe_format_fixed(m->p2, buf + n);
			strcpy(buf + n, m->kind == PE_METHOD_DEVIATION ? "%扣" : "个百分点扣");
			n += strlen(buf + n);
			n += pe_format_fixed(pe_method_points(m), buf + n);
			strcpy(buf + n, "分");
			n += strlen(buf + n);
			if (pe_method_cap(m) != 0)
			{
				strcpy(buf + n, "，扣满");
				n += strlen(buf + n);
				n += pe_format_fixed(pe_method_cap(m), buf + n);
				strcpy(buf + n, "分为止");
				n += strlen(buf + n);
			}
			return n;
		case PE_METHOD_BANDS:
			return format_bands(m, true, buf);
		default:
			buf[0] = '\0';
			return 0;
	}
}

/* Length of a band separator (, ， ; ；) at s[i], or 0. */
static size_t
band_sep_at(const char *s, size_t i, size_t e)
{
	if (s[i] == ',' || s[i] == ';')
		return 1;
	if (pe_lit_at(s, i, e, "，") || pe_lit_at(s, i, e, "；"))
		return 3;
	return 0;
}

/* Parse one band s[b..e) (already split at separators) into band. */
static PeStatus
parse_band(const char *s, size_t b, size_t e, PeBand *band, size_t *lpos,
		   size_t *tpos, PeError *err)
{
	size_t		c,
				cl = 0,
				lb,
				le,
				tb,
				te,
				end;
	PeStatus	st;

	pe_trim(s, &b, &e);
	if (b == e)
		return pe_fail(err, PE_ERR_SYNTAX, b,
					   "Expected a band of the form label:threshold.");
	for (c = b; c < e; c += pe_char_len(s, c, e))
	{
		cl = s[c] == ':' ? 1 : pe_lit_at(s, c, e, "：");
		if (cl > 0)
			break;
	}
	if (cl == 0)
		return pe_fail(err, PE_ERR_SYNTAX, b,
					   "Expected a colon between the label and the threshold.");
	lb = b, le = c, tb = c + cl, te = e;
	pe_trim(s, &lb, &le);
	pe_trim(s, &tb, &te);
	if (lb == le)
		return pe_fail(err, PE_ERR_SYNTAX, b, "A band label must not be empty.");
	if (le - lb > PE_MAX_LABEL)
		return pe_fail(err, PE_ERR_RANGE, lb,
					   "A band label may be at most 64 bytes long.");
	if (!pe_starts_number(s, tb, te))
		return pe_fail(err, PE_ERR_SYNTAX, tb, "Expected a number after the colon.");
	if ((st = pe_scan_number(s, tb, te, false, &band->threshold, &end, err)) != PE_OK)
		return st;
	if (end != te)
		return pe_fail(err, PE_ERR_SYNTAX, end,
					   "Expected only a number after the colon.");
	*lpos = lb;
	band->label_len = (uint16_t) (le - lb);
	*tpos = tb;
	return PE_OK;
}

/* Parse a grade scale "优:90,良:80,中:60,差:0" into bands and labels. */
PeStatus
pe_parse_grades(const char *s, size_t len, PeBand *bands, int *nbands,
				char *labels, PeError *err)
{
	size_t		b = 0,
				e = len,
				i,
				j,
				sep = 0,
				loff = 0,
				tpos = 0;
	int			n = 0;
	PeStatus	st;

	*nbands = 0;
	if ((st = pe_check_text(s, len, err)) != PE_OK)
		return st;
	pe_trim(s, &b, &e);
	if (b == e)
		return pe_fail(err, PE_ERR_EMPTY, 0, "The grade scale is empty.");
	for (i = b;; i = j + sep)
	{
		PeBand		band;
		size_t		lpos = 0;

		for (j = i; j < e && (sep = band_sep_at(s, j, e)) == 0;)
			j += pe_char_len(s, j, e);
		if (n >= PE_MAX_BANDS)
			return pe_fail(err, PE_ERR_INVALID, i,
						   "At most 16 bands are accepted.");
		if ((st = parse_band(s, i, j, &band, &lpos, &tpos, err)) != PE_OK)
			return st;
		if (n > 0 && band.threshold >= bands[n - 1].threshold)
			return pe_fail(err, PE_ERR_INVALID, tpos,
						   "Thresholds must strictly descend.");
		memcpy(labels + loff, s + lpos, band.label_len);
		band.label_off = (uint16_t) loff;
		loff += band.label_len;
		bands[n++] = band;
		if (j >= e)
			break;
	}
	labels[loff] = '\0';
	if (bands[n - 1].threshold != 0)
		return pe_fail(err, PE_ERR_INVALID, tpos,
					   "The last band's threshold must be 0.");
	*nbands = n;
	return pe_set_ok(err);
}

/* Index of the first band whose threshold is at most score (else the last). */
int
pe_grade_index(const PeBand *bands, int nbands, int64_t score)
{
	int			k;

	for (k = 0; k < nbands; k++)
		if (bands[k].threshold <= score)
			return k;
	return nbands - 1;
}
