/*
 * pe_text.c
 *		Parsers and canonical printers for scoring methods and grade scales.
 *
 * Methods: "proportional", "floor:60", "all_or_nothing", "deduct:1/5",
 * "over:0.5/1", "under:1/1", "deviation:1/3" and their Chinese spellings.  Grade scales: "优:90,良:80,中:60,差:0".
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

/* Parse the parameters of "floor:N" or "deduct:P/S" starting at s[i]. */
static PeStatus
parse_params(const char *s, size_t i, size_t e, PeMethod *out, PeError *err)
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
 * each with an optional ，扣完为止 (the score never goes below 0 anyway).
 */
static PeStatus
parse_chinese_values(const char *s, size_t i, size_t e, PeMethod *out, PeError *err)
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
	}
	if (!at_end(s, i, e))
		return pe_fail(err, PE_ERR_SYNTAX, i,
					   "Unexpected text after the scoring method.");
	return PE_OK;
}

/* Parse a scoring method: "proportional", "floor:60", "deduct:1/5", ... */
PeStatus
pe_parse_method(const char *s, size_t len, PeMethod *out, PeError *err)
{
	size_t		b = 0,
				e = len,
				i;
	PeStatus	st;

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
		st = parse_params(s, i, e, out, err);
	}
	else if (take(s, &i, e, "deduct"))
	{
		out->kind = PE_METHOD_DEDUCT;
		st = parse_params(s, i, e, out, err);
	}
	else if (take(s, &i, e, "over"))
	{
		out->kind = PE_METHOD_OVER;
		st = parse_params(s, i, e, out, err);
	}
	else if (take(s, &i, e, "under"))
	{
		out->kind = PE_METHOD_UNDER;
		st = parse_params(s, i, e, out, err);
	}
	else if (take(s, &i, e, "deviation"))
	{
		out->kind = PE_METHOD_DEVIATION;
		st = parse_params(s, i, e, out, err);
	}
	/* 每低于 before 每低: the values' shortfall, not completion's */
	else if (pe_lit_at(s, b, e, "每超过") || pe_lit_at(s, b, e, "每超出") ||
			 pe_lit_at(s, b, e, "每低于") || pe_lit_at(s, b, e, "每相差") ||
			 pe_lit_at(s, b, e, "实际完成情况与计划") || pe_lit_at(s, b, e, "与计划") ||
			 pe_lit_at(s, b, e, "与目标值"))
		st = parse_chinese_values(s, b, e, out, err);
	else if (pe_lit_at(s, b, e, "低于") || pe_lit_at(s, b, e, "每低") ||
			 pe_lit_at(s, b, e, "每少"))
		st = parse_chinese(s, b, e, out, err);
	else
		return pe_fail(err, PE_ERR_SYNTAX, b,
					   "Unknown scoring method; expected proportional, floor:N, all_or_nothing, deduct:K/P, over:K/P, under:K/P or deviation:K/P.");
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
	if ((out->kind == PE_METHOD_DEDUCT || pe_method_needs_values(out)) &&
		(out->p1 <= 0 || out->p2 <= 0))
		return pe_fail(err, PE_ERR_INVALID, b,
					   "The deducted points and the step must both be above 0.");
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
			n += pe_format_fixed(m->p1, buf + n);
			buf[n++] = '/';
			return n + pe_format_fixed(m->p2, buf + n);
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
			n += pe_format_fixed(m->p1, buf + n);
			strcpy(buf + n, "分");
			return n + strlen("分");
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
