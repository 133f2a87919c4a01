/*
 * pe_parse.c
 *		Parsers and canonical printers for targets and measures, the unit
 *		tables, and the lexical helpers (UTF-8 checks, trimming, exact
 *		fixed-point number scanning) shared with pe_text.c.
 *
 * The input language is the one Chinese evaluation reports use: an optional
 * comparator (symbol, word or LaTeX), a number with optional thousands
 * separators, an optional unit, an optional suffix (以上, 以下, 以内), or
 * else a qualitative phrase.  No floating point and no allocation.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "pe_core.h"

/* Kinds of comparator spellings: symbols, Chinese words, and '=' symbols. */
#define K_SYM	0
#define K_WORD	1
#define K_EQ	2

typedef struct CmpSpelling
{
	const char *lit;
	uint8_t		cmp;
	uint8_t		kind;
} CmpSpelling;

static const CmpSpelling cmp_spellings[] = {
	{">=", PE_CMP_GE, K_SYM}, {"<=", PE_CMP_LE, K_SYM},
	{">", PE_CMP_GT, K_SYM}, {"<", PE_CMP_LT, K_SYM},
	{"=", PE_CMP_EQ, K_EQ}, {"＝", PE_CMP_EQ, K_EQ}, {"═", PE_CMP_EQ, K_EQ},
	{"≥", PE_CMP_GE, K_SYM}, {"≤", PE_CMP_LE, K_SYM},
	{"≧", PE_CMP_GE, K_SYM}, {"≦", PE_CMP_LE, K_SYM},
	{"⩾", PE_CMP_GE, K_SYM}, {"⩽", PE_CMP_LE, K_SYM},
	{"＞", PE_CMP_GT, K_SYM}, {"＜", PE_CMP_LT, K_SYM},
	{"\\geqslant", PE_CMP_GE, K_SYM}, {"\\leqslant", PE_CMP_LE, K_SYM},
	{"\\geq", PE_CMP_GE, K_SYM}, {"\\leq", PE_CMP_LE, K_SYM},
	{"\\ge", PE_CMP_GE, K_SYM}, {"\\le", PE_CMP_LE, K_SYM},
	{"\\gt", PE_CMP_GT, K_SYM}, {"\\lt", PE_CMP_LT, K_SYM},
	{"不低于", PE_CMP_GE, K_WORD}, {"不少于", PE_CMP_GE, K_WORD},
	{"不小于", PE_CMP_GE, K_WORD},
	{"大于", PE_CMP_GT, K_WORD}, {"高于", PE_CMP_GT, K_WORD},
	{"超过", PE_CMP_GT, K_WORD},
	{"达到", PE_CMP_EQ, K_WORD}, {"等于", PE_CMP_EQ, K_WORD},
	{"不高于", PE_CMP_LE, K_WORD}, {"不多于", PE_CMP_LE, K_WORD},
	{"不大于", PE_CMP_LE, K_WORD}, {"不超过", PE_CMP_LE, K_WORD},
	{"低于", PE_CMP_LT, K_WORD}, {"小于", PE_CMP_LT, K_WORD},
	{"少于", PE_CMP_LT, K_WORD},
};
#define N_CMP_SPELLINGS (sizeof(cmp_spellings) / sizeof(cmp_spellings[0]))

/* Suffixes written after the unit; all three are two CJK characters. */
static const CmpSpelling suffixes[] = {
	{"以上", PE_CMP_GE, K_WORD}, {"以下", PE_CMP_LE, K_WORD},
	{"以内", PE_CMP_LE, K_WORD},
};
#define N_SUFFIXES (sizeof(suffixes) / sizeof(suffixes[0]))

/* Canonical unit names, indexed by PeUnit up to PE_UNIT_LAST_KNOWN. */
static const char *const unit_names[PE_UNIT_LAST_KNOWN + 1] = {
	"", "元", "万元", "亿元", "%", "家", "个", "人", "人次", "次", "种",
	"条", "辆", "例", "项", "所", "天", "日", "月", "年", "小时"
};

/* Spellings accepted for a unit beside the canonical names. */
static const struct
{
	const char *lit;
	uint8_t		unit;
}			unit_aliases[] = {
	{"万", PE_UNIT_WANYUAN}, {"％", PE_UNIT_PERCENT},
	{"百分比", PE_UNIT_PERCENT}, {"\\%", PE_UNIT_PERCENT},
};
#define N_UNIT_ALIASES (sizeof(unit_aliases) / sizeof(unit_aliases[0]))

/* Record an error (err may be NULL) and return its status. */
PeStatus
pe_fail(PeError *err, PeStatus status, size_t offset, const char *detail)
{
	if (err)
	{
		err->status = status;
		err->offset = (int) offset;
		err->detail = detail;
		err->codepoint = 0;
		err->character = 0;
	}
	return status;
}

/* Record success in err (err may be NULL). */
PeStatus
pe_set_ok(PeError *err)
{
	if (err)
	{
		err->status = PE_OK;
		err->offset = -1;
		err->detail = NULL;
		err->codepoint = 0;
		err->character = 0;
	}
	return PE_OK;
}

/* Byte length of the whitespace character at s[i], or 0 if it is none. */
size_t
pe_space_at(const char *s, size_t i, size_t e)
{
	unsigned char c;

	if (i >= e)
		return 0;
	c = (unsigned char) s[i];
	if (c == ' ' || (c >= '\t' && c <= '\r'))
		return 1;
	if (c < 0x80)
		return 0;
	/* U+3000 ideographic space, U+00A0 no-break space (U+FEFF is refused, 1.15) */
	if (pe_lit_at(s, i, e, "\xE3\x80\x80"))
		return 3;
	if (pe_lit_at(s, i, e, "\xC2\xA0"))
		return 2;
	return 0;
}

/* Move *b forward past leading whitespace of s[*b..e). */
void
pe_skip_space(const char *s, size_t *b, size_t e)
{
	size_t		n;

	while ((n = pe_space_at(s, *b, e)) > 0)
		*b += n;
}

/* Narrow [*b, *e) so that it has no leading or trailing whitespace. */
void
pe_trim(const char *s, size_t *b, size_t *e)
{
	pe_skip_space(s, b, *e);
	while (*e > *b)
	{
		unsigned char c = (unsigned char) s[*e - 1];

		if (c == ' ' || (c >= '\t' && c <= '\r'))
			(*e)--;
		else if (*e - *b >= 3 && pe_lit_at(s, *e - 3, *e, "\xE3\x80\x80"))
			*e -= 3;
		else if (*e - *b >= 2 && pe_lit_at(s, *e - 2, *e, "\xC2\xA0"))
			*e -= 2;
		else
			break;
	}
}

/* Byte length of the (valid) UTF-8 character starting at s[i]. */
size_t
pe_char_len(const char *s, size_t i, size_t e)
{
	unsigned char c = (unsigned char) s[i];
	size_t		n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;

	return n > e - i ? e - i : n;
}

/*
 * Invisible characters: refused in every text value of every type (1.15).
 * C0 controls, DEL and C1 controls; the soft hyphen U+00AD; the Arabic
 * letter mark U+061C; the Mongolian vowel separator U+180E; zero-width and
 * directional marks U+200B..U+200F; line and paragraph separators and
 * bidirectional embeddings U+2028..U+202E; the word joiner, invisible
 * operators and bidirectional isolates U+2060..U+206F; the byte order mark
 * (zero width no-break space) U+FEFF; interlinear annotation U+FFF9..U+FFFB;
 * tags U+E0000..U+E007F.  Pasted text brings them along, they print as
 * nothing, and a value holding one is not the value it seems (a unit
 * 万\uFEFF元 is not 万元).
 */
bool
pe_invisible(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0xAD || cp == 0x61C ||
		cp == 0x180E || (cp >= 0x200B && cp <= 0x200F) ||
		(cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x206F) ||
		cp == 0xFEFF || (cp >= 0xFFF9 && cp <= 0xFFFB) ||
		(cp >= 0xE0000 && cp <= 0xE007F);
}

/* The detail of an invisible character's error; err->codepoint names it. */
/* (translated through its copy in src/module.c: keep the two equal) */
const char	pe_detail_invisible[] = "An invisible or control character is not accepted.";

/* Record an invisible character cp at byte i, character ch (1-based). */
static PeStatus
fail_invisible(PeError *err, size_t i, uint32_t cp, int ch)
{
	pe_fail(err, PE_ERR_SYNTAX, i, pe_detail_invisible);
	if (err)
	{
		err->codepoint = cp;
		err->character = ch;
	}
	return PE_ERR_SYNTAX;
}

/*
 * The one rule for the characters of a text value (targets, measures,
 * methods, grade scales; INSERT, COPY, binary input and the import alike):
 * valid UTF-8 without invisible characters (pe_invisible).  Tab, line feed,
 * vertical tab, form feed and carriage return are whitespace the parsers
 * trim around a value, so they are accepted there and only there: inside a
 * value (after its first and before its last character other than
 * whitespace) they are refused like every other control character.
 */
PeStatus
pe_check_text(const char *s, size_t len, PeError *err)
{
	size_t		i = 0,
				ctl = SIZE_MAX;	/* first tab/newline after a visible character */
	uint32_t	ctlcp = 0;
	int			ch = 0,
				ctlch = 0;
	bool		seen = false;

	while (i < len)
	{
		unsigned char c = (unsigned char) s[i];
		unsigned char lo = 0x80,
					hi = 0xBF;
		size_t		n,
					k;
		uint32_t	cp;

		ch++;
		if (c < 0x80)
		{
			n = 1;
			cp = c;
		}
		else
		{
			if (c >= 0xC2 && c <= 0xDF)
				n = 2;
			else if (c >= 0xE0 && c <= 0xEF)
			{
				n = 3;
				if (c == 0xE0)
					lo = 0xA0;
				else if (c == 0xED)
					hi = 0x9F;
			}
			else if (c >= 0xF0 && c <= 0xF4)
			{
				n = 4;
				if (c == 0xF0)
					lo = 0x90;
				else if (c == 0xF4)
					hi = 0x8F;
			}
			else
				return pe_fail(err, PE_ERR_SYNTAX, i, "The text is not valid UTF-8.");
			if (len - i < n)
				return pe_fail(err, PE_ERR_SYNTAX, i, "The text is not valid UTF-8.");
			cp = c & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
			for (k = 1; k < n; k++)
			{
				unsigned char cc = (unsigned char) s[i + k];

				if (cc < (k == 1 ? lo : 0x80) || cc > (k == 1 ? hi : 0xBF))
					return pe_fail(err, PE_ERR_SYNTAX, i,
								   "The text is not valid UTF-8.");
				cp = (cp << 6) | (cc & 0x3F);
			}
		}
		if (cp >= '\t' && cp <= '\r')
		{
			/* whitespace around the value, refused once a visible character follows */
			if (seen && ctl == SIZE_MAX)
				ctl = i, ctlcp = cp, ctlch = ch;
		}
		else if (pe_invisible(cp))
			return ctl != SIZE_MAX ? fail_invisible(err, ctl, ctlcp, ctlch)
				: fail_invisible(err, i, cp, ch);
		else if (pe_space_at(s, i, i + n) == 0)
		{
			if (ctl != SIZE_MAX)
				return fail_invisible(err, ctl, ctlcp, ctlch);
			seen = true;
		}
		i += n;
	}
	return PE_OK;
}

/* Value of the ASCII or full-width digit at s[i] (length in *n), or -1. */
int
pe_digit_at(const char *s, size_t i, size_t e, size_t *n)
{
	unsigned char c;

	if (i >= e)
		return -1;
	c = (unsigned char) s[i];
	if (c >= '0' && c <= '9')
	{
		*n = 1;
		return c - '0';
	}
	/* U+FF10..U+FF19 are EF BC 90..99 */
	if (c == 0xEF && e - i >= 3 && (unsigned char) s[i + 1] == 0xBC &&
		(unsigned char) s[i + 2] >= 0x90 && (unsigned char) s[i + 2] <= 0x99)
	{
		*n = 3;
		return (unsigned char) s[i + 2] - 0x90;
	}
	return -1;
}

/* Length of a sign ('+', '-', U+2212, U+FF0B, U+FF0D) at s[i]; *neg set. */
static size_t
sign_at(const char *s, size_t i, size_t e, bool *neg)
{
	size_t		n;

	*neg = false;
	if (i >= e)
		return 0;
	if (s[i] == '+')
		return 1;
	if ((n = pe_lit_at(s, i, e, "＋")) > 0)
		return n;
	*neg = true;
	if (s[i] == '-')
		return 1;
	if ((n = pe_lit_at(s, i, e, "−")) > 0 || (n = pe_lit_at(s, i, e, "－")) > 0)
		return n;
	*neg = false;
	return 0;
}

/* Does a number (an optional sign, then a digit) start at s[i]? */
bool
pe_starts_number(const char *s, size_t i, size_t e)
{
	bool		neg;
	size_t		n;

	i += sign_at(s, i, e, &neg);
	return pe_digit_at(s, i, e, &n) >= 0;
}

/*
 * Scan a number starting at s[b] (pe_starts_number must hold) into fixed
 * point.  groups allows thousands separators ',' and '，'.  *end receives
 * the byte after the number.
 */
PeStatus
pe_scan_number(const char *s, size_t b, size_t e, bool groups, int64_t *val,
			   size_t *end, PeError *err)
{
	bool		neg;
	size_t		i = b,
				n;
	uint64_t	ip = 0,
				frac = 0;
	int			d,
				gdigits = 0,
				ndec = 0;
	bool		grouped = false;

	i += sign_at(s, i, e, &neg);
	if (pe_digit_at(s, i, e, &n) < 0)
		return pe_fail(err, PE_ERR_SYNTAX, i, "Expected a digit.");
	for (;;)
	{
		size_t		sep = 0;

		if ((d = pe_digit_at(s, i, e, &n)) >= 0)
		{
			ip = ip * 10 + (uint64_t) d;
			if (ip > (uint64_t) (PE_MAX_ABS / PE_SCALE))
				return pe_fail(err, PE_ERR_RANGE, b,
							   "The number is too large; at most 999999999999.999999 is accepted.");
			gdigits++;
			i += n;
			continue;
		}
		if (!groups)
			break;
		if (i < e && s[i] == ',')
			sep = 1;
		else if ((n = pe_lit_at(s, i, e, "，")) > 0 &&
				 pe_digit_at(s, i + n, e, &n) >= 0)
			sep = 3;
		if (sep == 0)
			break;
		if (grouped ? gdigits != 3 : gdigits > 3)
			return pe_fail(err, PE_ERR_SYNTAX, i,
						   "Thousands separators must group three digits.");
		if (pe_digit_at(s, i + sep, e, &n) < 0)
			return pe_fail(err, PE_ERR_SYNTAX, i + sep,
						   "Thousands separators must group three digits.");
		grouped = true;
		gdigits = 0;
		i += sep;
	}
	if (grouped && gdigits != 3)
		return pe_fail(err, PE_ERR_SYNTAX, i,
					   "Thousands separators must group three digits.");
	if (i < e && (s[i] == '.' || pe_lit_at(s, i, e, "．")))
	{
		i += s[i] == '.' ? 1 : 3;
		if (pe_digit_at(s, i, e, &n) < 0)
			return pe_fail(err, PE_ERR_SYNTAX, i,
						   "Expected a digit after the decimal point.");
		while ((d = pe_digit_at(s, i, e, &n)) >= 0)
		{
			if (++ndec > PE_DECIMALS)
				return pe_fail(err, PE_ERR_RANGE, i,
							   "At most 6 decimal places are accepted.");
			frac = frac * 10 + (uint64_t) d;
			i += n;
		}
		for (; ndec < PE_DECIMALS; ndec++)
			frac *= 10;
	}
	*val = (int64_t) (ip * (uint64_t) PE_SCALE + frac);
	if (neg)
		*val = -*val;
	*end = i;
	return PE_OK;
}

/* The longest comparator spelling at s[i], or NULL. */
static const CmpSpelling *
match_cmp(const char *s, size_t i, size_t e, bool symbols_only)
{
	/*
	 * Spellings chained by their first byte, built on first use, so a probe
	 * looks only at the few spellings that can start at s[i].  Units call
	 * this at every character, which made the linear scan the parser's hot
	 * spot.
	 */
	static int8_t head[256];
	static int8_t next[N_CMP_SPELLINGS];
	static bool chained = false;
	const CmpSpelling *best = NULL;
	size_t		bestlen = 0,
				n;
	int			k;

	if (!chained)
	{
		memset(head, -1, sizeof(head));
		for (k = (int) N_CMP_SPELLINGS - 1; k >= 0; k--)
		{
			unsigned char b = (unsigned char) cmp_spellings[k].lit[0];

			next[k] = head[b];
			head[b] = (int8_t) k;
		}
		chained = true;
	}
	if (i >= e)
		return NULL;
	for (k = head[(unsigned char) s[i]]; k >= 0; k = next[k])
	{
		const CmpSpelling *c = &cmp_spellings[k];

		if (symbols_only && (c->kind == K_WORD || c->lit[0] == '\\'))
			continue;
		if ((n = pe_lit_at(s, i, e, c->lit)) > bestlen)
		{
			best = c;
			bestlen = n;
		}
	}
	return best;
}

/* A form field without its leading and trailing ASCII spaces (see pe_core.h). */
void
pe_form_trim(const char *s, size_t len, size_t *b, size_t *e)
{
	*b = 0;
	*e = len;
	while (*b < *e && s[*b] == ' ')
		(*b)++;
	while (*e > *b && s[*e - 1] == ' ')
		(*e)--;
}

/* The same for a C string. */
static void
form_trim(const char *s, size_t *b, size_t *e)
{
	pe_form_trim(s, strlen(s), b, e);
}

/* A form's comparator prefix (see pe_core.h). */
size_t
pe_form_comparator(const char *s)
{
	size_t		b,
				e;
	const CmpSpelling *c;

	if (s == NULL)
		return 0;
	form_trim(s, &b, &e);
	c = match_cmp(s, b, e, false);
	return c ? strlen(c->lit) : 0;
}

/* The length of the comparator spelling at s[i], or 0 (see pe_core.h). */
size_t
pe_form_comparator_at(const char *s, size_t i, size_t e)
{
	const CmpSpelling *c = match_cmp(s, i, e, false);

	return c ? strlen(c->lit) : 0;
}

/* Is [b, e) of s exactly lit? */
static bool
form_is(const char *s, size_t b, size_t e, const char *lit)
{
	return e - b == strlen(lit) && memcmp(s + b, lit, e - b) == 0;
}

static size_t date_lead_at(const char *s, size_t i, size_t e);
static PeStatus scan_date(const char *s, size_t b, size_t e, bool is_target, int64_t *ymd,
						  bool *before, PeError *err);

/*
 * Append s[b, e) and then tail[0, tl) (度量单位, or nothing) to out at *n;
 * a date written without its year takes the form's 年度 (four digits; else
 * nothing is added).  After the comparator and 于 / 已于 (if any): one or
 * two digits (ASCII or full-width) then 月 get the year and 年 before them
 * (12月底前 → 2024年12月底前, ≤12月31日, 已于11月完成 → 已于2024年11月完成);
 * for a target, 年底, 年末 and 年内 get the year when the whole, tail
 * included, then reads as a date (年底前完成 → 2024年底前完成, but
 * 年底前完成验收 stays a phrase, not 2024 of a unit).
 */
static void
form_put_dated(const char *s, size_t b, size_t e, const char *tail, size_t tl,
			   const char *year, bool is_target, char *out, size_t *n)
{
	const CmpSpelling *c = match_cmp(s, b, e, false);
	size_t		i,
				l,
				start,
				from,
				digits = 0,
				yb = 0,
				ye = 0;
	bool		words = false;

	if (c)
	{
		l = strlen(c->lit);
		memcpy(out + *n, s + b, l);
		*n += l;
		b += l;
	}
	start = *n;
	from = b;
	/* 于 or 已于 and the spaces after it stay before the year */
	if ((l = date_lead_at(s, b, e)) > 0)
	{
		b += l;
		pe_skip_space(s, &b, e);
		memcpy(out + *n, s + from, b - from);
		*n += b - from;
	}
	for (i = b; digits < 3 && i < e; digits++)
	{
		if (s[i] >= '0' && s[i] <= '9')
			i++;
		else if (i + 2 < e && (unsigned char) s[i] == 0xEF && (unsigned char) s[i + 1] == 0xBC &&
				 (unsigned char) s[i + 2] >= 0x90 && (unsigned char) s[i + 2] <= 0x99)
			i += 3;
		else
			break;
	}
	if (year)
		form_trim(year, &yb, &ye);
	if (ye - yb == 4 && strspn(year + yb, "0123456789") >= 4)
	{
		if (digits >= 1 && digits <= 2 && pe_lit_at(s, i, e, "月"))
		{
			memcpy(out + *n, year + yb, 4);
			memcpy(out + *n + 4, "年", 3);
			*n += 7;
		}
		else if (is_target && digits == 0 &&
				 (pe_lit_at(s, b, e, "年底") || pe_lit_at(s, b, e, "年末") || pe_lit_at(s, b, e, "年内")))
		{
			memcpy(out + *n, year + yb, 4);
			*n += 4;
			words = true;
		}
	}
	memcpy(out + *n, s + b, e - b);
	*n += e - b;
	if (tl > 0)
		memcpy(out + *n, tail, tl);
	*n += tl;
	out[*n] = '\0';
	if (words)
	{
		int64_t		ymd;
		bool		before;

		/* the whole, 度量单位 included (年底前完成 then 时间 is no date) */
		if (scan_date(out, start, *n, true, &ymd, &before, NULL) == PE_NULL)
		{
			/* not a date with the year either: as written */
			*n = start;
			memcpy(out + *n, s + from, e - from);
			*n += e - from;
			if (tl > 0)
				memcpy(out + *n, tail, tl);
			*n += tl;
			out[*n] = '\0';
		}
	}
}

/* The target a form's row states (see pe_core.h). */
bool
pe_form_target(const char *nature, const char *value, const char *unit,
			   const char *year, char *out)
{
	size_t		vb,
				ve,
				nb = 0,
				ne = 0,
				ub = 0,
				ue = 0,
				n = 0;
	bool		qualitative;

	if (value == NULL)
		return false;
	form_trim(value, &vb, &ve);
	if (vb == ve)
		return false;
	if (nature)
		form_trim(nature, &nb, &ne);
	if (unit)
		form_trim(unit, &ub, &ue);
	qualitative = nature && form_is(nature, nb, ne, "定性");
	if (nb < ne && !qualitative)
	{
		memcpy(out, nature + nb, ne - nb);
		n = ne - nb;
	}
	/* then the unit, unless 指标值 already ends with it */
	if (ub < ue && !qualitative &&
		!(ve - vb >= ue - ub && memcmp(value + ve - (ue - ub), unit + ub, ue - ub) == 0))
		form_put_dated(value, vb, ve, unit + ub, ue - ub, year, true, out, &n);
	else
		form_put_dated(value, vb, ve, NULL, 0, year, true, out, &n);
	return true;
}

/* Is 实际完成值 不适用 (see pe_core.h)? */
bool
pe_form_not_applicable(const char *actual)
{
	size_t		b,
				e;

	if (actual == NULL)
		return false;
	form_trim(actual, &b, &e);
	return form_is(actual, b, e, "不适用");
}

/* 指标性质's comparator and its bracketed scoring method (see pe_core.h). */
size_t
pe_form_nature_method(const char *s, size_t len, size_t *mb, size_t *me)
{
	size_t		b,
				e,
				i,
				close;
	bool		wide;
	int			depth = 0;

	*mb = *me = 0;
	pe_form_trim(s, len, &b, &e);
	if (e > b && s[e - 1] == ')')
		wide = false, close = 1;
	else if (e - b >= 3 && memcmp(s + e - 3, "）", 3) == 0)
		wide = true, close = 3;
	else
		return len;
	/* the opening bracket that matches it: (含) inside a method is skipped */
	for (i = e - close; i > b; i--)
	{
		if (wide ? (i - b >= 3 && memcmp(s + i - 3, "）", 3) == 0) : s[i - 1] == ')')
			depth++;
		else if (wide ? (i - b >= 3 && memcmp(s + i - 3, "（", 3) == 0) : s[i - 1] == '(')
		{
			if (depth == 0)
				break;
			depth--;
		}
	}
	if (i == b)
		return len;
	*mb = i;
	*me = e - close;
	i -= wide ? 3 : 1;
	while (i > b && s[i - 1] == ' ')
		i--;
	return i;
}

/* The actual a form's row states (see pe_core.h). */
bool
pe_form_actual(const char *actual, const char *nature, const char *value,
			   const char *year, char *out)
{
	size_t		ab,
				ae,
				nb = 0,
				ne = 0,
				n = 0,
				c;

	if (actual == NULL)
		return false;
	form_trim(actual, &ab, &ae);
	if (ab == ae || pe_form_not_applicable(actual))
		return false;
	if (nature)
		form_trim(nature, &nb, &ne);
	c = pe_form_comparator(actual);
	if (c > 0)
	{
		/* the target's comparator: 指标性质, or the one 指标值 begins with */
		const char *t = nature;
		size_t		tb = nb,
					tl = ne - nb,
					te;

		if (tl == 0 && value)
		{
			t = value;
			form_trim(value, &tb, &te);
			tl = pe_form_comparator(value);
		}
		if (tl == c && memcmp(t + tb, actual + ab, c) == 0)
			ab += c;
	}
	form_put_dated(actual, ab, ae, NULL, 0, year, false, out, &n);
	return true;
}

/* Unit code for exactly the text s[b..e), or PE_UNIT_CUSTOM if unknown. */
static uint8_t
lookup_unit(const char *s, size_t b, size_t e)
{
	size_t		k;

	for (k = 1; k <= PE_UNIT_LAST_KNOWN; k++)
		if (strlen(unit_names[k]) == e - b &&
			memcmp(s + b, unit_names[k], e - b) == 0)
			return (uint8_t) k;
	for (k = 0; k < N_UNIT_ALIASES; k++)
		if (strlen(unit_aliases[k].lit) == e - b &&
			memcmp(s + b, unit_aliases[k].lit, e - b) == 0)
			return unit_aliases[k].unit;
	return PE_UNIT_CUSTOM;
}

/* Does s[b..e) hold a character other than whitespace and ASCII punctuation? */
static bool
has_word(const char *s, size_t b, size_t e)
{
	size_t		i = b,
				n;

	while (i < e)
	{
		unsigned char c = (unsigned char) s[i];

		if ((n = pe_space_at(s, i, e)) > 0)
		{
			i += n;
			continue;
		}
		if (c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
			return true;
		i++;
	}
	return false;
}

/* Does s[b..e) contain the literal lit? */
static bool
has_lit(const char *s, size_t b, size_t e, const char *lit)
{
	size_t		i;

	for (i = b; i < e; i += pe_char_len(s, i, e))
		if (pe_lit_at(s, i, e, lit))
			return true;
	return false;
}

/* Copy s[b..e) into buf as out->text. */
static void
set_text(PeQuant *out, const char *s, size_t b, size_t e, char *buf)
{
	memcpy(buf, s + b, e - b);
	buf[e - b] = '\0';
	out->text = buf;
	out->textlen = e - b;
}

/* Check the characters of a unit text s[b..e) (already trimmed). */
static PeStatus
check_unit_text(const char *s, size_t b, size_t e, PeError *err)
{
	size_t		i = b,
				n,
				k;

	if (s[b] == '.' || pe_lit_at(s, b, e, "．"))
		return pe_fail(err, PE_ERR_SYNTAX, b,
					   "Expected a digit after the decimal point.");
	while (i < e)
	{
		if (pe_digit_at(s, i, e, &n) >= 0)
			return pe_fail(err, PE_ERR_SYNTAX, i, "A unit may not contain digits.");
		if (match_cmp(s, i, e, false) != NULL)
			return pe_fail(err, PE_ERR_SYNTAX, i,
						   "A unit may not contain a comparator (write it once, before the number).");
		if (s[i] == ',' || pe_lit_at(s, i, e, "，"))
			return pe_fail(err, PE_ERR_SYNTAX, i, "A unit may not contain a comma.");
		if (s[i] == '$' || (s[i] == '\\' && !pe_lit_at(s, i, e, "\\%")))
			return pe_fail(err, PE_ERR_SYNTAX, i,
						   "A unit may not contain LaTeX other than \\%.");
		for (k = 0; k < N_SUFFIXES; k++)
			if (pe_lit_at(s, i, e, suffixes[k].lit))
				return pe_fail(err, PE_ERR_SYNTAX, i,
							   "Only one comparator suffix may follow the unit.");
		i += pe_char_len(s, i, e);
	}
	return PE_OK;
}

/* Resolve a unit text s[b..e) (trimmed, non-empty) into out. */
static PeStatus
parse_unit(const char *s, size_t b, size_t e, PeQuant *out, char *buf,
		   PeError *err)
{
	size_t		i,
				slash = 0,
				lb,
				le,
				rb,
				re;
	PeStatus	st;

	if ((st = check_unit_text(s, b, e, err)) != PE_OK)
		return st;
	for (i = b; i < e; i += pe_char_len(s, i, e))
	{
		slash = s[i] == '/' ? 1 : pe_lit_at(s, i, e, "／");
		if (slash > 0)
			break;
	}
	if (slash == 0)
	{
		out->unit = lookup_unit(s, b, e);
		out->per = PE_UNIT_NONE;
		/* a deadline (10月底前, 12月31日前) is a date, not a number and unit */
		if (out->unit == PE_UNIT_CUSTOM && e - b >= 3 && memcmp(s + e - 3, "前", 3) == 0 &&
			(has_lit(s, b, e, "月") || has_lit(s, b, e, "年") || has_lit(s, b, e, "日")))
			return pe_fail(err, PE_ERR_SYNTAX, b,
						   "A deadline is a date with its year, as in 2024年10月底前 or 2024年10月20日前, not a number with a unit.");
		/* 万 before a unit other than money scales the number: 3.5万人 is 35000人 */
		if (out->unit == PE_UNIT_CUSTOM && pe_lit_at(s, b, e, "万") && e - b > 3)
		{
			uint8_t		u;

			rb = b + 3;
			re = e;
			pe_trim(s, &rb, &re);
			u = lookup_unit(s, rb, re);
			if (rb < re && u != PE_UNIT_PERCENT && u != PE_UNIT_YUAN)
			{
				if (out->amount > PE_MAX_ABS / 10000 || out->amount < -(PE_MAX_ABS / 10000))
					return pe_fail(err, PE_ERR_RANGE, b,
								   "The number is too large; at most 999999999999.999999 is accepted.");
				out->amount *= 10000;
				return parse_unit(s, rb, re, out, buf, err);
			}
		}
	}
	else
	{
		lb = b, le = i, rb = i + slash, re = e;
		pe_trim(s, &lb, &le);
		pe_trim(s, &rb, &re);
		if (lb == le || rb == re)
			return pe_fail(err, PE_ERR_SYNTAX, i,
						   "Expected a unit on both sides of the slash.");
		out->unit = lookup_unit(s, lb, le);
		out->per = lookup_unit(s, rb, re);
		if (out->unit == PE_UNIT_CUSTOM || out->per == PE_UNIT_CUSTOM)
		{
			out->unit = PE_UNIT_CUSTOM;
			out->per = PE_UNIT_NONE;
		}
	}
	if (out->unit == PE_UNIT_CUSTOM)
	{
		if (!has_word(s, b, e))
			return pe_fail(err, PE_ERR_SYNTAX, b, "A unit must contain a word.");
		if (e - b > PE_MAX_TEXT)
			return pe_fail(err, PE_ERR_RANGE, b + PE_MAX_TEXT,
						   "A text value may be at most 200 bytes long.");
		set_text(out, s, b, e, buf);
	}
	return PE_OK;
}

/* Days in a month of the Gregorian calendar. */
static int
month_days(int y, int m)
{
	static const int d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	return m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) ? 29 : d[m - 1];
}

/* Up to max digits at s[*i] as a number (-1 if none); *i moves past them. */
static int
scan_digits(const char *s, size_t *i, size_t e, int max, int *ndigits)
{
	int			v = 0,
				d;
	size_t		n;

	*ndigits = 0;
	while (*ndigits < max && (d = pe_digit_at(s, *i, e, &n)) >= 0)
	{
		v = v * 10 + d;
		*i += n;
		(*ndigits)++;
	}
	return *ndigits > 0 ? v : -1;
}

/* 于 or 已于 before a date (于2024年9月底前完成, 已于11月完成): its length, or 0. */
static size_t
date_lead_at(const char *s, size_t i, size_t e)
{
	size_t		n;

	if ((n = pe_lit_at(s, i, e, "已于")) > 0 || (n = pe_lit_at(s, i, e, "于")) > 0)
		return n;
	return 0;
}

/*
 * After "M月" of a text that has no year (i just past 月): is it a date
 * all the same?  A day (20日, 20号), 底 or 末, 完成 right after the month, a
 * 前 anywhere after it, or 于 / 已于 before it (led) make it one; a bare
 * 5月 stays five months.
 */
static bool
yearless_date(const char *s, size_t i, size_t e, bool led)
{
	size_t		n;
	int			nd;

	if (led || has_lit(s, i, e, "前") || pe_lit_at(s, i, e, "底") || pe_lit_at(s, i, e, "末"))
		return true;
	if (scan_digits(s, &i, e, 2, &nd) >= 0)
		return pe_lit_at(s, i, e, "日") > 0 || pe_lit_at(s, i, e, "号") > 0;
	pe_skip_space(s, &i, e);
	n = pe_lit_at(s, i, e, "完成");
	return n > 0;
}

/*
 * A date at s[b..e), as reports and forms write it:
 *
 *	[于 | 已于] date [前 | 之前 | 以前] [完成]
 *
 * where date is 2024年10月20日 (or 号), 2024年10月底 (or 末, or the month
 * alone: its last day), 2024年底 (or 末: 31 December; 2024年 alone stays a
 * number of years), for a target 2024年内 (within the year: 31 December),
 * 2024-10-20 or 2024/10/20.  前 makes it a deadline (*before); 完成 after
 * it only says what is due or done (2024年12月底前完成, 已于2024年11月完成).
 * PE_NULL when s[b..e) is not a date, so that the caller reads it as a
 * number (2024年 is 2024 years, 1000年底 a number with the unit 年底,
 * 2024年底前完成任务 a number with a unit) or a phrase.  A month and day
 * without the year (12月底前, 6月30日前完成, 12月20日, 已于11月完成) is
 * refused: nothing here says which year (an imported form's 年度 does:
 * form_put_dated).  On PE_OK *ymd is yyyymmdd.
 */
static PeStatus
scan_date(const char *s, size_t b, size_t e, bool is_target, int64_t *ymd, bool *before,
		  PeError *err)
{
	size_t		i = b,
				n,
				lead;
	int			y,
				m = 12,
				d = 0,
				nd;
	bool		cjk,
				month = true,
				within = false;

	*before = false;
	if ((lead = date_lead_at(s, i, e)) > 0)
	{
		i += lead;
		pe_skip_space(s, &i, e);
	}
	y = scan_digits(s, &i, e, 5, &nd);
	if (nd != 4)
	{
		/* 10月底前, 12月20日, 已于11月完成: a month without its year */
		if (nd >= 1 && nd <= 2 && (n = pe_lit_at(s, i, e, "月")) > 0 &&
			yearless_date(s, i + n, e, lead > 0))
			return pe_fail(err, PE_ERR_SYNTAX, b,
						   "A date needs its year, as in 2024年10月底前 or 2024年10月20日; only an imported form has one to give (its 年度).");
		return PE_NULL;
	}
	if ((n = pe_lit_at(s, i, e, "年")) > 0)
		cjk = true;
	else if (i < e && (s[i] == '-' || s[i] == '/') && pe_digit_at(s, i + 1, e, &n) >= 0)
		cjk = false, n = 1;
	else
		return PE_NULL;
	i += n;
	if (cjk)
	{
		if (i < e && pe_digit_at(s, i, e, &n) >= 0)
		{
			m = scan_digits(s, &i, e, 3, &nd);
			if ((n = pe_lit_at(s, i, e, "月")) == 0)
				return pe_fail(err, PE_ERR_SYNTAX, i, "Expected 月 after the month.");
			i += n;
			if (i < e && pe_digit_at(s, i, e, &n) >= 0)
			{
				d = scan_digits(s, &i, e, 3, &nd);
				if ((n = pe_lit_at(s, i, e, "日")) == 0 && (n = pe_lit_at(s, i, e, "号")) == 0)
					return pe_fail(err, PE_ERR_SYNTAX, i, "Expected 日 after the day.");
				i += n;
			}
			else if ((n = pe_lit_at(s, i, e, "底")) > 0 || (n = pe_lit_at(s, i, e, "末")) > 0)
				i += n;
		}
		else if ((n = pe_lit_at(s, i, e, "底")) > 0 || (n = pe_lit_at(s, i, e, "末")) > 0 ||
				 (is_target && (n = pe_lit_at(s, i, e, "内")) > 0))
		{
			within = pe_lit_at(s, i, e, "内") > 0;
			i += n, month = false;
		}
		else
			return PE_NULL;		/* 2024年 alone is a number of years */
	}
	else
	{
		char		sep = s[i - 1];

		m = scan_digits(s, &i, e, 3, &nd);
		if (i >= e || s[i] != sep || pe_digit_at(s, i + 1, e, &n) < 0)
			return pe_fail(err, PE_ERR_SYNTAX, i, "Expected a date such as 2024-10-20.");
		i++;
		d = scan_digits(s, &i, e, 3, &nd);
	}
	/* 1000年底 stays a number with the unit 年底, as before dates */
	if ((y < 1900 || y > 2100) && !month)
		return PE_NULL;
	if (y < 1900 || y > 2100 || m < 1 || m > 12)
		return pe_fail(err, PE_ERR_INVALID, b, "Not a date between 1900 and 2100.");
	if (d == 0)
		d = month_days(y, m);
	else if (d > month_days(y, m))
		return pe_fail(err, PE_ERR_INVALID, b, "That month has no such day.");
	pe_skip_space(s, &i, e);
	if (!within &&
		((n = pe_lit_at(s, i, e, "之前")) > 0 || (n = pe_lit_at(s, i, e, "以前")) > 0 ||
		 (n = pe_lit_at(s, i, e, "前")) > 0))
	{
		*before = true;
		i += n;
		pe_skip_space(s, &i, e);
	}
	if ((n = pe_lit_at(s, i, e, "完成")) > 0)
	{
		i += n;
		pe_skip_space(s, &i, e);
	}
	if (i < e)
	{
		/* after a month, or after 于: not a number with a unit either */
		if (month || lead > 0)
			return pe_fail(err, PE_ERR_SYNTAX, i,
						   "Only 前, 之前, 以前 or 完成 may follow a date.");
		/* after 2024年底: a number and a unit (refused if it holds digits) */
		return PE_NULL;
	}
	*ymd = (int64_t) y * 10000 + m * 100 + d;
	return PE_OK;
}

/* Parse the trimmed phrase s[b..e) as a qualitative value. */
static PeStatus
parse_phrase(const char *s, size_t b, size_t e, PeQuant *out, char *buf,
			 PeError *err)
{
	size_t		i,
				n;

	for (i = b; i < e; i += pe_char_len(s, i, e))
		if (pe_digit_at(s, i, e, &n) >= 0)
			return pe_fail(err, PE_ERR_SYNTAX, i,
						   "A number must come first, after an optional comparator.");
	if (!has_word(s, b, e))
		return pe_fail(err, PE_ERR_SYNTAX, b,
					   "Expected a number or a phrase with at least one word.");
	if (e - b > PE_MAX_TEXT)
		return pe_fail(err, PE_ERR_RANGE, b + PE_MAX_TEXT,
					   "A text value may be at most 200 bytes long.");
	out->cmp = PE_CMP_NONE;
	out->unit = PE_UNIT_QUAL;
	out->per = PE_UNIT_NONE;
	out->amount = 0;
	set_text(out, s, b, e, buf);
	return PE_OK;
}

/* Parse a target (is_target) or a measure; see pe_parse_target. */
static PeStatus
parse_quant(const char *s, size_t len, bool is_target, PeQuant *out,
			char *buf, PeError *err)
{
	size_t		b = 0,
				e = len,
				p,
				q,
				k;
	const CmpSpelling *cw;
	uint8_t		sfx = PE_CMP_NONE;
	PeStatus	st;

	out->cmp = PE_CMP_NONE;
	out->unit = PE_UNIT_NONE;
	out->per = PE_UNIT_NONE;
	out->amount = 0;
	out->text = NULL;
	out->textlen = 0;
	if (buf)
		buf[0] = '\0';
	if ((st = pe_check_text(s, len, err)) != PE_OK)
		return st;
	pe_trim(s, &b, &e);
	if (b == e)
		return pe_fail(err, PE_ERR_EMPTY, 0, "The value is empty.");
	/* $...$ around LaTeX: strip one pair if no other '$' is inside */
	if (e - b >= 2 && s[b] == '$' && s[e - 1] == '$' &&
		memchr(s + b + 1, '$', e - b - 2) == NULL)
	{
		b++, e--;
		pe_trim(s, &b, &e);
		if (b == e)
			return pe_fail(err, PE_ERR_SYNTAX, b,
						   "Nothing is written between the dollar signs.");
	}
	cw = match_cmp(s, b, e, false);
	p = b;
	if (cw)
	{
		p += strlen(cw->lit);
		pe_skip_space(s, &p, e);
	}
	/* a date (a deadline when it is a target) */
	{
		int64_t		ymd = 0;
		bool		before;

		st = scan_date(s, p, e, is_target, &ymd, &before, err);
		if (st == PE_OK)
		{
			if (!is_target && before)
				return pe_fail(err, PE_ERR_SYNTAX, b,
							   "An actual is the date it was done, as in 2024年12月20日 or 已于2024年11月完成; a date with 前 is a deadline, which only a target states.");
			if (!is_target && cw && cw->kind != K_EQ)
				return pe_fail(err, PE_ERR_SYNTAX, b, "Measures take no comparator.");
			if (before && cw)
				return pe_fail(err, PE_ERR_SYNTAX, b,
							   "Write the comparator either before the date or as 前 after it, not both.");
			out->unit = PE_UNIT_DATE;
			out->amount = ymd * PE_SCALE;
			/* a date target without a comparator is a deadline */
			out->cmp = !is_target ? PE_CMP_NONE : cw ? cw->cmp : PE_CMP_LE;
			return pe_set_ok(err);
		}
		if (st != PE_NULL)
			return st;
	}
	if (!pe_starts_number(s, p, e))
	{
		/* a comparator word may begin a phrase (高于去年), a symbol may not */
		if (cw && (cw->kind != K_WORD || p == e))
			return pe_fail(err, PE_ERR_SYNTAX, p,
						   "Expected a number after the comparator.");
		if ((st = parse_phrase(s, b, e, out, buf, err)) != PE_OK)
			return st;
		return pe_set_ok(err);
	}
	if (cw && !is_target && cw->kind != K_EQ)
		return pe_fail(err, PE_ERR_SYNTAX, b, "Measures take no comparator.");
	if ((st = pe_scan_number(s, p, e, true, &out->amount, &q, err)) != PE_OK)
		return st;
	for (k = 0; k < N_SUFFIXES; k++)
	{
		size_t		n = strlen(suffixes[k].lit);

		if (e - q >= n && memcmp(s + e - n, suffixes[k].lit, n) == 0)
		{
			sfx = suffixes[k].cmp;
			e -= n;
			if (!is_target)
				return pe_fail(err, PE_ERR_SYNTAX, e, "Measures take no comparator.");
			if (cw)
				return pe_fail(err, PE_ERR_SYNTAX, e,
							   "Write the comparator either before or after the number, not both.");
			pe_trim(s, &q, &e);
			break;
		}
	}
	pe_skip_space(s, &q, e);
	if (q < e && (st = parse_unit(s, q, e, out, buf, err)) != PE_OK)
		return st;
	/* a number with a unit that would print as a date (2024 年底, 012月底前) */
	if (out->unit == PE_UNIT_CUSTOM)
	{
		char		canon[PE_QUANT_BUFLEN + PE_MAX_TEXT + 1];
		size_t		cn = pe_format_quant(out, false, canon);
		int64_t		ymd;
		bool		before;

		if (scan_date(canon, 0, cn, is_target, &ymd, &before, NULL) != PE_NULL)
			return pe_fail(err, PE_ERR_SYNTAX, b,
						   "Write a date without spaces, signs or leading zeros inside it, as in 2024年10月20日: as written it is a number with a unit that would print as a date.");
	}
	if (is_target)
		out->cmp = sfx != PE_CMP_NONE ? sfx : cw ? cw->cmp : PE_CMP_EQ;
	else
		out->cmp = PE_CMP_NONE;
	return pe_set_ok(err);
}

/* Parse a target such as "≥2000万元/家", "95%以上" or "稳步增长". */
PeStatus
pe_parse_target(const char *s, size_t len, PeQuant *out, char *buf,
				PeError *err)
{
	return parse_quant(s, len, true, out, buf, err);
}

/* Parse a measure such as "57111万元/家" or "完全达到预期目标". */
PeStatus
pe_parse_measure(const char *s, size_t len, PeQuant *out, char *buf,
				 PeError *err)
{
	return parse_quant(s, len, false, out, buf, err);
}

/* A decimal as a form writes it (see pe_core.h). */
PeStatus
pe_parse_form_number(const char *s, size_t len, char *buf, PeError *err)
{
	size_t		n = 0,
				i,
				k,
				digits = 0,
				group = 0;
	bool		grouped = false,
				frac = false;

	/* spaces out, full-width forms in: ０-９ are EF BC 90-99, ．，－ EF BC 8E/8C/8D */
	for (i = 0; i < len; i++)
	{
		unsigned char c = (unsigned char) s[i];

		if (c == ' ')
			continue;
		if (c == 0xEF && i + 2 < len && (unsigned char) s[i + 1] == 0xBC)
		{
			unsigned char d = (unsigned char) s[i + 2];

			if (d >= 0x90 && d <= 0x99)
				c = '0' + (d - 0x90);
			else if (d == 0x8E)
				c = '.';
			else if (d == 0x8C)
				c = ',';
			else if (d == 0x8D)
				c = '-';
			if (c != 0xEF)
			{
				buf[n++] = (char) c;
				i += 2;
				continue;
			}
		}
		buf[n++] = (char) c;
	}
	buf[n] = '\0';
	if (n == 0)
		return pe_fail(err, PE_NULL, 0, NULL);
	/* -?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)(\.[0-9]+)? with the commas dropped */
	i = buf[0] == '-' ? 1 : 0;
	k = i;
	for (; i < n && buf[i] != '.'; i++)
	{
		if (buf[i] >= '0' && buf[i] <= '9')
		{
			buf[k++] = buf[i];
			digits++;
			group++;
		}
		else if (buf[i] == ',' && group >= 1 && (grouped ? group == 3 : group <= 3))
		{
			grouped = true;
			group = 0;
		}
		else
			return pe_fail(err, PE_ERR_SYNTAX, i, "Not a decimal number.");
	}
	if (digits == 0 || (grouped && group != 3))
		return pe_fail(err, PE_ERR_SYNTAX, i, "Not a decimal number.");
	if (i < n)
	{
		buf[k++] = buf[i++];
		for (; i < n; i++)
		{
			if (buf[i] < '0' || buf[i] > '9')
				return pe_fail(err, PE_ERR_SYNTAX, i, "Not a decimal number.");
			buf[k++] = buf[i];
			frac = true;
		}
		if (!frac)
			return pe_fail(err, PE_ERR_SYNTAX, i, "Not a decimal number.");
	}
	buf[k] = '\0';
	return pe_set_ok(err);
}

/* Canonical name of a unit code; "" for PE_UNIT_NONE and non-table codes. */
const char *
pe_unit_name(int unit)
{
	if (unit < 0 || unit > PE_UNIT_LAST_KNOWN)
		return "";
	return unit_names[unit];
}

/* Canonical symbol of a comparator; "" for PE_CMP_NONE. */
const char *
pe_cmp_symbol(int cmp)
{
	switch (cmp)
	{
		case PE_CMP_EQ:
			return "=";
		case PE_CMP_GE:
			return "≥";
		case PE_CMP_GT:
			return ">";
		case PE_CMP_LE:
			return "≤";
		case PE_CMP_LT:
			return "<";
		default:
			return "";
	}
}

/* Dimension of a unit code: which units convert into each other. */
PeDim
pe_unit_dim(int unit)
{
	switch (unit)
	{
		case PE_UNIT_NONE:
		case PE_UNIT_QUAL:
			return PE_DIM_NONE;
		case PE_UNIT_YUAN:
		case PE_UNIT_WANYUAN:
		case PE_UNIT_YIYUAN:
			return PE_DIM_MONEY;
		case PE_UNIT_PERCENT:
			return PE_DIM_PERCENT;
		case PE_UNIT_TIAN:
		case PE_UNIT_RI:
			return PE_DIM_DAY;
		case PE_UNIT_DATE:
			return PE_DIM_DATE;
		default:
			if (unit >= PE_UNIT_JIA && unit <= PE_UNIT_SUO)
				return PE_DIM_COUNT;
			return PE_DIM_OTHER;
	}
}

/* Print a fixed-point number minimally into buf (22 bytes suffice). */
size_t
pe_format_fixed(int64_t v, char *buf)
{
	uint64_t	mag = v < 0 ? (uint64_t) 0 - (uint64_t) v : (uint64_t) v;
	uint64_t	ip = mag / (uint64_t) PE_SCALE,
				frac = mag % (uint64_t) PE_SCALE;
	char		tmp[24];
	size_t		n = 0,
				t = 0;
	int			k;

	if (v < 0)
		buf[n++] = '-';
	do
	{
		tmp[t++] = (char) ('0' + ip % 10);
		ip /= 10;
	} while (ip > 0);
	while (t > 0)
		buf[n++] = tmp[--t];
	if (frac > 0)
	{
		int			ndec = PE_DECIMALS;

		while (frac % 10 == 0)
			frac /= 10, ndec--;
		buf[n++] = '.';
		for (k = ndec - 1; k >= 0; k--)
		{
			buf[n + (size_t) k] = (char) ('0' + frac % 10);
			frac /= 10;
		}
		n += (size_t) ndec;
	}
	buf[n] = '\0';
	return n;
}

/* Append the NUL-terminated string str at buf[n]; return the new length. */
static size_t
append(char *buf, size_t n, const char *str, size_t len)
{
	memcpy(buf + n, str, len);
	buf[n + len] = '\0';
	return n + len;
}

/* A date: 2024年10月20日; a deadline 2024年10月31日前, else its comparator first. */
size_t
pe_format_date(const PeQuant *q, bool is_target, char *buf)
{
	int64_t		ymd = q->amount / PE_SCALE;
	char		tmp[48];
	int			len;

	len = snprintf(tmp, sizeof(tmp), "%s%d年%d月%d日%s",
				   is_target && q->cmp != PE_CMP_LE ? pe_cmp_symbol(q->cmp) : "",
				   (int) (ymd / 10000), (int) (ymd / 100 % 100), (int) (ymd % 100),
				   is_target && q->cmp == PE_CMP_LE ? "前" : "");
	return append(buf, 0, tmp, (size_t) len);
}

/* Print a target (is_target) or a measure canonically into buf. */
size_t
pe_format_quant(const PeQuant *q, bool is_target, char *buf)
{
	size_t		n = 0;
	const char *name;

	buf[0] = '\0';
	if (q->unit == PE_UNIT_QUAL)
		return append(buf, 0, q->text ? q->text : "", q->text ? q->textlen : 0);
	if (q->unit == PE_UNIT_DATE)
		return pe_format_date(q, is_target, buf);
	if (is_target)
	{
		name = pe_cmp_symbol(q->cmp);
		n = append(buf, n, name, strlen(name));
	}
	n += pe_format_fixed(q->amount, buf + n);
	if (q->unit == PE_UNIT_CUSTOM || q->per == PE_UNIT_CUSTOM)
		return append(buf, n, q->text ? q->text : "", q->text ? q->textlen : 0);
	name = pe_unit_name(q->unit);
	n = append(buf, n, name, strlen(name));
	if (q->per != PE_UNIT_NONE)
	{
		n = append(buf, n, "/", 1);
		name = pe_unit_name(q->per);
		n = append(buf, n, name, strlen(name));
	}
	return n;
}

/* The big-endian int64 at p. */
static int64_t
wire_int64(const char *p)
{
	uint64_t	v = 0;

	for (int k = 0; k < 8; k++)
		v = (v << 8) | (unsigned char) p[k];
	return (int64_t) v;
}

/* A target or measure in its binary form (see pe_core.h). */
PeStatus
pe_quant_from_wire(const char *p, size_t len, bool is_target, PeQuant *out,
				   char *buf, PeError *err)
{
	PeQuant		q,
				again;
	PeStatus	st;
	char	   *canon = buf,
			   *parsebuf;
	size_t		n;

	if (len < PE_QUANT_WIRE_HDR)
		return pe_fail(err, PE_ERR_SYNTAX, len,
					   "The value is shorter than its 12-byte header (version, comparator, unit, denominator, amount).");
	if ((unsigned char) p[0] != 1)
		return pe_fail(err, PE_ERR_SYNTAX, 0, "Unsupported format version; 1 is expected.");
	q.cmp = (uint8_t) p[1];
	q.unit = (uint8_t) p[2];
	q.per = (uint8_t) p[3];
	q.amount = wire_int64(p + 4);
	q.text = p + PE_QUANT_WIRE_HDR;
	q.textlen = len - PE_QUANT_WIRE_HDR;
	if (q.cmp > PE_CMP_LT || (!is_target && q.cmp != PE_CMP_NONE))
		return pe_fail(err, PE_ERR_SYNTAX, 1, "The comparator is out of range.");
	if (!(q.unit <= PE_UNIT_LAST_KNOWN || q.unit == PE_UNIT_DATE || q.unit == PE_UNIT_CUSTOM ||
		  q.unit == PE_UNIT_QUAL))
		return pe_fail(err, PE_ERR_SYNTAX, 2, "The unit is out of range.");
	if (q.per > PE_UNIT_LAST_KNOWN)
		return pe_fail(err, PE_ERR_SYNTAX, 3, "The denominator unit is out of range.");
	if (q.amount > PE_MAX_ABS || q.amount < -PE_MAX_ABS)
		return pe_fail(err, PE_ERR_RANGE, 4,
					   "The amount is out of range; at most 999999999999.999999 is accepted.");
	if (q.textlen > PE_MAX_TEXT)
		return pe_fail(err, PE_ERR_RANGE, PE_QUANT_WIRE_HDR + PE_MAX_TEXT,
					   "A text value may be at most 200 bytes long.");
	if ((st = pe_check_text(q.text, q.textlen, err)) != PE_OK)
	{
		if (err)
			err->offset += PE_QUANT_WIRE_HDR;
		return st;
	}
	/* canonical: it prints, and parses back, as exactly these fields */
	n = pe_format_quant(&q, is_target, canon);
	parsebuf = canon + n + 1;
	if (parse_quant(canon, n, is_target, &again, parsebuf, NULL) != PE_OK ||
		(is_target && again.cmp != q.cmp) || again.unit != q.unit || again.per != q.per ||
		again.amount != q.amount || again.textlen != q.textlen ||
		(q.textlen > 0 && memcmp(again.text, q.text, q.textlen) != 0))
		return pe_fail(err, PE_ERR_SYNTAX, 0,
					   "Not a canonical value: its fields do not read back as they print.");
	*out = q;
	return pe_set_ok(err);
}

/* A scoring method in its binary form (see pe_core.h). */
PeStatus
pe_method_from_wire(const char *p, size_t len, PeMethod *out, PeError *err)
{
	PeMethod	m,
				again;
	char		text[PE_METHOD_BUFLEN];

	if (len != PE_METHOD_WIRE_LEN)
		return pe_fail(err, PE_ERR_SYNTAX, len < PE_METHOD_WIRE_LEN ? len : PE_METHOD_WIRE_LEN,
					   "A method is 18 bytes: version, kind and two 8-byte parameters.");
	if ((unsigned char) p[0] != 1)
		return pe_fail(err, PE_ERR_SYNTAX, 0, "Unsupported format version; 1 is expected.");
	m.kind = (uint8_t) p[1];
	m.p1 = wire_int64(p + 2);
	m.p2 = wire_int64(p + 10);
	if (m.kind > PE_METHOD_LAST)
		return pe_fail(err, PE_ERR_SYNTAX, 1, "The method kind is out of range.");
	/* (bands pack their bits into both: read back as text below) */
	if (m.kind != PE_METHOD_BANDS &&
		(m.p1 > PE_MAX_ABS || m.p1 < -PE_MAX_ABS || m.p2 > PE_MAX_ABS || m.p2 < -PE_MAX_ABS))
		return pe_fail(err, PE_ERR_RANGE, 2, "A parameter is out of range.");
	pe_format_method(&m, text);
	if (pe_parse_method(text, strlen(text), &again, NULL) != PE_OK ||
		again.kind != m.kind || again.p1 != m.p1 || again.p2 != m.p2)
		return pe_fail(err, PE_ERR_SYNTAX, 0,
					   "Not a canonical value: its fields do not read back as they print.");
	*out = m;
	return pe_set_ok(err);
}

/* The text form of a sum_scores() state (see pe_core.h). */
PeStatus
pe_parse_score_sum(const char *s, size_t len, int64_t *v, PeError *err)
{
	size_t		i = 0;

	for (int f = 0; f < PE_SCORE_SUM_FIELDS; f++)
	{
		bool		neg = false,
					any = false;
		uint64_t	m = 0;

		if (i < len && s[i] == '-')
			neg = true, i++;
		while (i < len && s[i] >= '0' && s[i] <= '9')
		{
			if (m > (uint64_t) INT64_MAX / 10 ||
				m * 10 + (uint64_t) (s[i] - '0') > (uint64_t) INT64_MAX)
				return pe_fail(err, PE_ERR_SYNTAX, i, "A number is out of range.");
			m = m * 10 + (uint64_t) (s[i] - '0');
			i++;
			any = true;
		}
		if (!any)
			return pe_fail(err, PE_ERR_SYNTAX, i, "Expected an integer.");
		v[f] = neg ? -(int64_t) m : (int64_t) m;
		if (f < PE_SCORE_SUM_FIELDS - 1)
		{
			if (i >= len || s[i] != ',')
				return pe_fail(err, PE_ERR_SYNTAX, i, "Expected a comma.");
			i++;
		}
		else if (i != len)
			return pe_fail(err, PE_ERR_SYNTAX, i, "Expected the end after eight integers.");
	}
	v[3] = v[3] > 99 ? 99 : v[3] < -99 ? -99 : v[3];
	v[6] = v[6] > 6 ? 6 : v[6] < -2 ? -2 : v[6];
	v[7] = v[7] != 0;
	if (v[0] < 0 || v[1] < 0 || v[1] > v[0] || v[2] < 0 || v[2] > v[1] ||
		v[3] < -1 || v[3] > PE_DECIMALS)
		return pe_fail(err, PE_ERR_INVALID, 0, "The counts are inconsistent.");
	return pe_set_ok(err);
}
