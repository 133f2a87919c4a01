/*
 * pe_form.c
 *		The self-evaluation form's reader (项目支出绩效自评表): one form's
 *		indicator rows as staged (text fields with their lines) in, the rows
 *		as the warehouse holds them out -- levels, codes, whether a row
 *		applies, whether its note says anything -- and the form's problems.
 *		Server-free: the import (src/formrows.c) and the unit tests call it.
 *
 * What counties send, read as data (issue 26):
 *	* merged cells: Excel writes a merged 一级指标 / 二级指标 once and leaves
 *	  the continuation rows blank; a blank level inherits the row above;
 *	* a level-1 cell that carries its points, 产出指标(50分) or 产出指标（50分）,
 *	  keeps the name; the points are kept beside it (checked against the
 *	  rows' weights by the findings);
 *	* not-applicable marks (/ ／ — —— - 无 不适用 …) in 指标值, 实际完成值,
 *	  分值 or 得分: the row does not apply (a mark in 指标值 only, with a
 *	  得分 printed of its 分值: the row is judged by that score); a row with
 *	  no 三级指标 and nothing but marks is no row at all;
 *	* a deviation note of 0, 无, /, — says nothing.
 */
#include "pe_core.h"

#include <string.h>

/* The marks a form writes for "does not apply" / "nothing here". */
static const char *const marks[] = {
	"/", "／", "\\", "—", "——", "―", "――", "-", "--", "－", "－－", "–",
	"无", "不适用", "N/A", "n/a", NULL
};

/* Is s[i] the start of a space a form's cell may hold around its text? */
static size_t
space_at(const char *s, size_t i, size_t e)
{
	unsigned char c = (unsigned char) s[i];

	if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
		return 1;
	/* U+3000 ideographic space: E3 80 80; U+00A0: C2 A0 */
	if (c == 0xE3 && e - i >= 3 && (unsigned char) s[i + 1] == 0x80 && (unsigned char) s[i + 2] == 0x80)
		return 3;
	if (c == 0xC2 && e - i >= 2 && (unsigned char) s[i + 1] == 0xA0)
		return 2;
	return 0;
}

/* s[0, len) without the spaces around it (ASCII, tab, line breaks, U+3000). */
void
pe_form_strip(const char *s, size_t len, size_t *b, size_t *e)
{
	size_t		n;

	*b = 0;
	*e = s ? len : 0;
	while (*b < *e && (n = space_at(s, *b, *e)) > 0)
		*b += n;
	for (;;)
	{
		size_t		k = 0;

		/* the last character a space? (1, 2 or 3 bytes back) */
		for (size_t w = 1; w <= 3 && w <= *e - *b; w++)
			if (space_at(s, *e - w, *e) == w)
			{
				k = w;
				break;
			}
		if (k == 0)
			break;
		*e -= k;
	}
}

static bool
stripped_is(const char *s, size_t len, const char *lit)
{
	size_t		b,
				e;

	pe_form_strip(s, len, &b, &e);
	return e - b == strlen(lit) && memcmp(s + b, lit, e - b) == 0;
}

/*
 * Which of lits (NULL-terminated) s is, stripped: its index,
 * or -1.  (Stripped once: the import asks this of every field of two
 * million rows.)
 */
static int
stripped_which(const char *s, size_t len, const char *const *lits)
{
	size_t		b,
				e;

	if (s == NULL)
		return -1;
	pe_form_strip(s, len, &b, &e);
	if (b == e)
		return -1;
	for (int i = 0; lits[i]; i++)
		if (lits[i][0] == s[b] && strlen(lits[i]) == e - b && memcmp(s + b, lits[i], e - b) == 0)
			return i;
	return -1;
}

bool
pe_form_is_mark(const char *s, size_t len)
{
	return stripped_which(s, len, marks) >= 0;
}

bool
pe_form_is_blank(const char *s, size_t len)
{
	size_t		b,
				e;

	if (s == NULL)
		return true;
	pe_form_strip(s, len, &b, &e);
	return b == e;
}

bool
pe_form_note_says_nothing(const char *s, size_t len)
{
	static const char *const nothing[] = {"0", "０", "无。", "没有", NULL};

	return pe_form_is_blank(s, len) || pe_form_is_mark(s, len) || stripped_which(s, len, nothing) >= 0;
}

/*
 * A level-1 cell with its points: "产出指标(50分)", "产出指标（50分）",
 * "产出指标（50）".  The name is s[*nb, *ne) (stripped); *points the points
 * in fixed point.  False (and the whole stripped cell as the name) when the
 * cell carries none.
 */
bool
pe_form_level_points(const char *s, size_t len, size_t *nb, size_t *ne, int64_t *points)
{
	size_t		b,
				e,
				close,
				open,
				i,
				end;
	bool		wide;
	PeError		err;
	int64_t		v;

	pe_form_strip(s, len, &b, &e);
	*nb = b;
	*ne = e;
	*points = 0;
	if (e > b && s[e - 1] == ')')
		wide = false, close = e - 1;
	else if (e - b >= 3 && memcmp(s + e - 3, "）", 3) == 0)
		wide = true, close = e - 3;
	else
		return false;
	for (i = close; i > b; i--)
		if (wide ? (i - b >= 3 && memcmp(s + i - 3, "（", 3) == 0) : s[i - 1] == '(')
			break;
	if (i == b)
		return false;
	open = i - (wide ? 3 : 1);
	/* inside: spaces, a number, spaces, an optional 分, spaces */
	while (i < close && space_at(s, i, close) > 0)
		i += space_at(s, i, close);
	if (!pe_starts_number(s, i, close) || s[i] == '-' || s[i] == '+')
		return false;
	if (pe_scan_number(s, i, close, false, &v, &end, &err) != PE_OK || v < 0)
		return false;
	i = end;
	while (i < close && space_at(s, i, close) > 0)
		i += space_at(s, i, close);
	if (close - i >= 3 && memcmp(s + i, "分", 3) == 0)
		i += 3;
	while (i < close && space_at(s, i, close) > 0)
		i += space_at(s, i, close);
	if (i != close)
		return false;
	/* the name before the bracket, without its spaces; never empty */
	pe_form_strip(s + b, open - b, nb, ne);
	*nb += b;
	*ne += b;
	if (*nb == *ne)
	{
		*nb = b;
		*ne = e;
		return false;
	}
	*points = v;
	return true;
}

/*
 * A field as points (20, 20分, a form number without its 分) in the plain
 * decimal the form-number parser gives, into buf (PE_POINTS_BUF bytes);
 * false if it is none.  The one parse is_number(), form_points() and
 * form_number_sign() share.
 */
#define PE_POINTS_BUF 128
static bool
points_decimal(const PeFormField *f, char *buf)
{
	PeError		err;
	size_t		n = pe_form_points_len(f->s, f->len);

	return f->s != NULL && n < PE_POINTS_BUF && !pe_form_is_blank(f->s, n) &&
		pe_parse_form_number(f->s, n, buf, &err) == PE_OK;
}

/* Is a field a number as a form writes it (the core's rule)? */
static bool
is_number(const PeFormField *f)
{
	char		buf[PE_POINTS_BUF];

	return points_decimal(f, buf);
}

static bool
same_text(const char *a, size_t alen, const char *b, size_t blen)
{
	return alen == blen && (alen == 0 || memcmp(a, b, alen) == 0);
}

/* The level-k name of row r (after inheritance). */
#define L1_IS(x, y) same_text((x)->l1, (x)->l1_len, (y)->l1, (y)->l1_len)
#define L2_IS(x, y) same_text((x)->l2, (x)->l2_len, (y)->l2, (y)->l2_len)

static bool
name_is(const PeFormRow *x, const PeFormRow *y)
{
	size_t		xb,
				xe,
				yb,
				ye;
	const PeFormField *a = &x->f[PE_FF_NAME],
			   *b = &y->f[PE_FF_NAME];

	pe_form_strip(a->s, a->len, &xb, &xe);
	pe_form_strip(b->s, b->len, &yb, &ye);
	return same_text(a->s + xb, xe - xb, b->s + yb, ye - yb);
}

/* A subtotal's label: 合计, 总计, 总分, 小计 (a row of the form's sums). */
static bool
is_total_label(const PeFormField *f)
{
	static const char *const labels[] = {"合计", "总计", "总分", "小计", "分值合计", "得分合计", NULL};

	return stripped_which(f->s, f->len, labels) >= 0;
}

/* 分值 or 得分 as a form writes points: a number, maybe followed by 分. */
size_t
pe_form_points_len(const char *s, size_t len)
{
	size_t		b,
				e;

	if (s == NULL)
		return 0;
	pe_form_strip(s, len, &b, &e);
	if (e - b > 3 && memcmp(s + e - 3, "分", 3) == 0)
	{
		e -= 3;
		while (e > b && s[e - 1] == ' ')
			e--;
		return e;
	}
	return len;
}

/* The points a field holds (20, 20分), in fixed point; false if none. */
static bool
form_points(const PeFormField *f, int64_t *points)
{
	char		buf[PE_POINTS_BUF];
	PeError		err;
	size_t		end;

	if (!points_decimal(f, buf))
		return false;
	return pe_scan_number(buf, 0, strlen(buf), false, points, &end, &err) == PE_OK &&
		end == strlen(buf) && *points >= 0;
}

int
pe_form_read_rows(PeFormRow *rows, int n, int offs, PeFormRead *form)
{
	const char *l1 = NULL,
			   *l2 = NULL;
	size_t		l1_len = 0,
				l2_len = 0;
	bool		l1_has = false;
	int64_t		l1_points = 0;
	int			kept = 0,
				level1s = 0;

	memset(form, 0, sizeof(*form));
	form->rows = n;
	if (n > PE_FORM_MAX_ROWS)
	{
		form->too_large = true;
		return 0;
	}

	/* merged cells, points in the level-1 cell, marks, notes: row by row */
	for (int i = 0; i < n; i++)
	{
		PeFormRow  *r = &rows[i];
		const PeFormField *f = r->f;
		size_t		b,
					e;
		bool		nothing = true;

		r->marks = 0;
		for (int k = 0; k < PE_FF_COUNT; k++)
			if (k != PE_FF_NOTE && pe_form_is_mark(f[k].s, f[k].len))
				r->marks |= 1u << k;
		/* a row with no 三级指标 and nothing but marks (or blanks) is no row */
		/*
		 * No row: no 三级指标 and nothing measured (no 指标性质, 指标值, 度量单位
		 * or 实际完成值 but marks): a section's header (产出指标 with its 50 in
		 * 分值), a subtotal (合计 100 95), a row of marks or of nothing
		 */
		for (int k = PE_FF_NATURE; k <= PE_FF_ACTUAL; k++)
			if (k != PE_FF_WEIGHT && !pe_form_is_blank(f[k].s, f[k].len) && !(r->marks & (1u << k)))
				nothing = false;
		/*
		 * (a row printing a 得分 is a row only a level-1 section's header, a
		 * subtotal, or a row that does not apply may skip: a level-2 cell
		 * with points and no 三级指标 stays a row, refused for its name)
		 */
		r->skip = pe_form_is_blank(f[PE_FF_NAME].s, f[PE_FF_NAME].len) && nothing &&
			(pe_form_is_blank(f[PE_FF_SCORE].s, f[PE_FF_SCORE].len) || (r->marks & (1u << PE_FF_SCORE)) ||
			 is_total_label(&f[PE_FF_L1]) || is_total_label(&f[PE_FF_L2]) ||
			 (!pe_form_is_blank(f[PE_FF_L1].s, f[PE_FF_L1].len) && pe_form_is_blank(f[PE_FF_L2].s, f[PE_FF_L2].len)));
		/* a subtotal row names no level: the levels above go on */
		if (r->skip && (is_total_label(&f[PE_FF_L1]) || is_total_label(&f[PE_FF_L2])))
		{
			r->l1 = l1;
			r->l1_len = l1 ? l1_len : 0;
			r->l2 = l2;
			r->l2_len = l2 ? l2_len : 0;
			continue;
		}

		/* level 1: its own cell, or the merged cell above */
		r->l1_inherited = pe_form_is_blank(f[PE_FF_L1].s, f[PE_FF_L1].len);
		if (!r->l1_inherited)
		{
			int64_t		p;

			l1_has = pe_form_level_points(f[PE_FF_L1].s, f[PE_FF_L1].len, &b, &e, &p);
			/* a section's header row printing the level's points in 分值 */
			if (!l1_has && r->skip && form_points(&f[PE_FF_WEIGHT], &p))
				l1_has = true;
			l1 = f[PE_FF_L1].s + b;
			l1_len = e - b;
			l1_points = p;
			/* a new level-1 cell starts a new merged level-2 cell */
			l2 = NULL;
			l2_len = 0;
		}
		r->l2_inherited = pe_form_is_blank(f[PE_FF_L2].s, f[PE_FF_L2].len);
		if (!r->l2_inherited)
		{
			int64_t		p;

			/* (a level-2 cell may print its points too: kept as the name's) */
			(void) pe_form_level_points(f[PE_FF_L2].s, f[PE_FF_L2].len, &b, &e, &p);
			pe_form_strip(f[PE_FF_L2].s, f[PE_FF_L2].len, &b, &e);
			l2 = f[PE_FF_L2].s + b;
			l2_len = e - b;
		}
		r->l1 = l1;
		r->l1_len = l1 ? l1_len : 0;
		r->l1_has_points = l1 != NULL && l1_has;
		r->l1_points = r->l1_has_points ? l1_points : 0;
		r->l2 = l2;
		r->l2_len = l2 ? l2_len : 0;

		/* whether it applies */
		r->weight_mark = (r->marks & (1u << PE_FF_WEIGHT)) != 0;
		r->score_printed = is_number(&f[PE_FF_SCORE]);
		if (r->marks & ((1u << PE_FF_WEIGHT) | (1u << PE_FF_ACTUAL) | (1u << PE_FF_SCORE)))
			r->applicable = false;
		else if (r->marks & (1u << PE_FF_VALUE))
			/* no target, but a printed 得分 of its 分值: judged by that score */
			r->applicable = r->score_printed && is_number(&f[PE_FF_WEIGHT]);
		else
			r->applicable = true;
		r->has_note = !pe_form_note_says_nothing(f[PE_FF_NOTE].s, f[PE_FF_NOTE].len);
		if (!r->skip)
		{
			kept++;
			if (!pe_form_is_blank(f[PE_FF_WEIGHT].s, f[PE_FF_WEIGHT].len))
				form->weighted++;
		}
	}
	form->kept = kept;

	/* numbering, over the rows kept: as the codes are made (A11, B12, ...) */
	{
		int			ord = 0;

		for (int i = 0; i < n; i++)
		{
			PeFormRow  *r = &rows[i];

			if (r->skip)
				continue;
			r->ordinal = ++ord;
			r->opens1 = r->opens2 = true;
			r->l1_first = r->l2_first = r->line;
			r->occurrence = 1;
			r->l3n = 1;
			r->l1n = r->l2n = 0;
			for (int j = 0; j < i; j++)
			{
				PeFormRow  *q = &rows[j];

				if (q->skip || !L1_IS(q, r))
					continue;
				/* the first row of its level 1 (j ascends: the one that opened it) */
				if (r->opens1)
				{
					r->opens1 = false;
					r->l1_first = q->line;
					r->l1n = q->l1n;
				}
				if (!L2_IS(q, r))
				{
					/* the level 2s of its level 1 opened before it */
					continue;
				}
				if (r->opens2)
				{
					r->opens2 = false;
					r->l2_first = q->line;
					r->l2n = q->l2n;
				}
				r->l3n++;
				if (name_is(q, r))
					r->occurrence++;
			}
			if (r->opens1)
				r->l1n = ++level1s;
			if (r->opens2)
			{
				int			m = 0;

				for (int j = 0; j < i; j++)
					if (!rows[j].skip && rows[j].opens2 && L1_IS(&rows[j], r))
						m++;
				r->l2n = m + 1;
			}
		}
	}
	form->level1s = level1s;
	if (level1s + offs > PE_FORM_MAX_LEVEL1)
		form->too_large = true;
	return kept;
}

/*
 * The project part of a form (form_project's row): what the form leaves
 * out takes the national defaults (评价类型 单位自评, 评分方案 national_self,
 * 金额单位 万元, 主管部门 the 实施单位), and each field that cannot be held
 * is a problem.
 */
static const struct
{
	const char *sqlstate;
	const char *message;		/* a format: %s the value as written */
	const char *hint;
}			project_problems[PE_FP_PROBLEM_COUNT] = {
	[PE_FP_NO_CODE] = {"23502", "a form without 项目编码", "Every form needs the budget system's project code."},
	[PE_FP_NO_NAME] = {"23502", "a form without 项目名称", "Give the project's name."},
	[PE_FP_BAD_YEAR] = {"22P02", "invalid 年度: \"%s\"", "A year from 1990 to 2100, such as 2024."},
	[PE_FP_BAD_DIVISION] = {"22P02", "invalid 行政区划代码: \"%s\"", "A six-digit GB/T 2260 code, such as 650102."},
	[PE_FP_NO_DEPARTMENT] = {"23502", "a form without 主管部门 or 实施单位",
	"Give the supervising department (or the implementing unit, which then stands for it)."},
	[PE_FP_BAD_KIND] = {"22023", "unknown 评价类型: \"%s\"", "One of 单位自评 (the default when empty), 部门评价, 财政评价, 第三方."},
	[PE_FP_BAD_MONEY_UNIT] = {"22023", "unknown 金额单位: \"%s\"", "元, 万元 (the default when empty) or 亿元."},
	[PE_FP_NEGATIVE] = {"23514", "%s is negative: \"%s\"", "Money and scores are 0 or more."},
	[PE_FP_SCORE_WITHOUT_WEIGHT] = {"23502", "预算执行率得分 without 预算执行率分值",
	"Give the weight of the execution-rate row, or leave both empty."},
};

const char *
pe_form_problem_sqlstate(int problem)
{
	return problem > 0 && problem < PE_FP_PROBLEM_COUNT ? project_problems[problem].sqlstate : "";
}

const char *
pe_form_problem_message(int problem)
{
	return problem > 0 && problem < PE_FP_PROBLEM_COUNT ? project_problems[problem].message : "";
}

const char *
pe_form_problem_hint(int problem)
{
	return problem > 0 && problem < PE_FP_PROBLEM_COUNT ? project_problems[problem].hint : "";
}

/* The evaluation kinds as a form writes them, and as the warehouse names them. */
static const char *const kinds[][2] = {
	{"", "单位自评"}, {"自评", "单位自评"}, {"单位自评", "单位自评"}, {"绩效自评", "单位自评"},
	{"项目自评", "单位自评"}, {"部门评价", "部门评价"}, {"财政评价", "财政评价"},
	{"财政重点评价", "财政评价"}, {"第三方", "第三方"}, {"第三方评价", "第三方"},
	{"第三方机构评价", "第三方"}, {NULL, NULL}
};
static const char *const money_units[][2] = {
	{"", "万元"}, {"元", "元"}, {"万元", "万元"}, {"亿元", "亿元"}, {"万", "万元"}, {"亿", "亿元"},
	{NULL, NULL}
};

static const char *
lookup(const char *const table[][2], const char *s, size_t len)
{
	size_t		b = 0,
				e = 0;

	if (s)
		pe_form_strip(s, len, &b, &e);
	for (int i = 0; table[i][0]; i++)
		if (e - b == strlen(table[i][0]) && memcmp(s + b, table[i][0], e - b) == 0)
			return table[i][1];
	return NULL;
}

/* The rules the tables check and the import reads by (see pe_core.h). */
bool
pe_year_ok(int64_t year)
{
	return year >= 1990 && year <= 2100;
}

bool
pe_division_code_ok(const char *s, size_t len)
{
	if (s == NULL || len != 6 || s[0] < '1' || s[0] > '9')
		return false;
	for (size_t i = 1; i < 6; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

const char *
pe_evaluation_kind(const char *s, size_t len)
{
	return lookup(kinds, s, len);
}

const char *
pe_money_unit(const char *s, size_t len)
{
	return lookup(money_units, s, len);
}

/* The stripped field, or {NULL, 0} when blank. */
static PeFormField
stripped(const PeFormField *f)
{
	PeFormField r = {NULL, 0};
	size_t		b,
				e;

	if (f->s == NULL)
		return r;
	pe_form_strip(f->s, f->len, &b, &e);
	if (b < e)
	{
		r.s = f->s + b;
		r.len = e - b;
	}
	return r;
}

/* Are these bytes all ASCII digits, the first not 0 when nonzero_first? */
static bool
all_digits(const PeFormField *f, size_t n, bool nonzero_first)
{
	if (f->s == NULL || f->len != n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (f->s[i] < '0' || f->s[i] > '9')
			return false;
	return !nonzero_first || f->s[0] != '0';
}

/* A form number's sign and whether it is above zero; false if it is no number. */
static bool
form_number_sign(const PeFormField *f, bool *negative, bool *positive)
{
	char		buf[PE_POINTS_BUF];

	*negative = *positive = false;
	if (!points_decimal(f, buf))
		return false;
	*negative = buf[0] == '-' && strspn(buf + 1, "0.") != strlen(buf + 1);
	*positive = buf[0] != '-' && strspn(buf, "0.") != strlen(buf);
	return true;
}

void
pe_form_read_project(const PeFormField *f, PeFormProject *p)
{
	PeFormField y;
	bool		neg,
				pos;

	memset(p, 0, sizeof(*p));
	p->code = stripped(&f[PE_FP_CODE]);
	p->name = stripped(&f[PE_FP_NAME]);
	p->division = stripped(&f[PE_FP_DIVISION]);
	p->department = stripped(&f[PE_FP_DEPARTMENT]);
	p->unit = stripped(&f[PE_FP_UNIT]);
	p->scheme = stripped(&f[PE_FP_SCHEME]);
	p->grade = stripped(&f[PE_FP_GRADE]);
	if (p->code.s == NULL)
		p->problem[PE_FP_CODE] = PE_FP_NO_CODE;
	if (p->name.s == NULL)
		p->problem[PE_FP_NAME] = PE_FP_NO_NAME;
	/* a year from 1990 to 2100 */
	y = stripped(&f[PE_FP_YEAR]);
	/* 2023, 2023年, 2023年度 */
	if (y.s && y.len > 4 && (y.len == 4 + strlen("年") || y.len == 4 + strlen("年度")) &&
		memcmp(y.s + 4, "年度", y.len - 4) == 0)
		y.len = 4;
	if (all_digits(&y, 4, true))
		p->year = (y.s[0] - '0') * 1000 + (y.s[1] - '0') * 100 + (y.s[2] - '0') * 10 + (y.s[3] - '0');
	if (!pe_year_ok(p->year))
	{
		p->year = 0;
		p->problem[PE_FP_YEAR] = PE_FP_BAD_YEAR;
	}
	if (!pe_division_code_ok(p->division.s, p->division.len))
		p->problem[PE_FP_DIVISION] = PE_FP_BAD_DIVISION;
	/* an empty 主管部门: the 实施单位 stands for it */
	if (p->department.s == NULL)
	{
		p->department = p->unit;
		p->department_from_unit = true;
		if (p->department.s == NULL)
			p->problem[PE_FP_DEPARTMENT] = PE_FP_NO_DEPARTMENT;
	}
	if ((p->kind = pe_evaluation_kind(f[PE_FP_KIND].s, f[PE_FP_KIND].len)) == NULL)
		p->problem[PE_FP_KIND] = PE_FP_BAD_KIND;
	if ((p->money_unit = pe_money_unit(f[PE_FP_MONEY_UNIT].s, f[PE_FP_MONEY_UNIT].len)) == NULL)
		p->problem[PE_FP_MONEY_UNIT] = PE_FP_BAD_MONEY_UNIT;
	p->scheme_given = p->scheme.s != NULL;
	if (!p->scheme_given)
	{
		p->scheme.s = "national_self";
		p->scheme.len = strlen("national_self");
	}
	/* money and scores: 0 or more (a number the parser refuses is the caller's to name) */
	for (int k = PE_FP_INITIAL; k <= PE_FP_TOTAL; k++)
		if (form_number_sign(&f[k], &neg, &pos) && neg)
			p->problem[k] = PE_FP_NEGATIVE;
	/* the execution-rate row A11: a weight above 0 */
	if (form_number_sign(&f[PE_FP_EXEC_WEIGHT], &neg, &pos) && pos)
		p->offs = 1;
	if (!pe_form_is_blank(f[PE_FP_EXEC_SCORE].s, f[PE_FP_EXEC_SCORE].len) &&
		!pe_form_is_mark(f[PE_FP_EXEC_SCORE].s, f[PE_FP_EXEC_SCORE].len) &&
		(pe_form_is_blank(f[PE_FP_EXEC_WEIGHT].s, f[PE_FP_EXEC_WEIGHT].len) ||
		 pe_form_is_mark(f[PE_FP_EXEC_WEIGHT].s, f[PE_FP_EXEC_WEIGHT].len)))
		p->problem[PE_FP_EXEC_WEIGHT] = PE_FP_SCORE_WITHOUT_WEIGHT;
	/* the money's fund level: the division's level (GB/T 2260: 650102 a county, 650100 a prefecture) */
	if (p->problem[PE_FP_DIVISION] == PE_FP_OK)
		p->fund_level = pe_form_fund_level(p->division.s);
}

const char *
pe_form_fund_level(const char *division)
{
	return memcmp(division + 4, "00", 2) != 0 ? "县区级" : memcmp(division + 2, "00", 2) != 0 ? "市级" : "省级";
}

const PeFormExecutionRow pe_form_execution_row = {
	"A11", "预算执行指标", "预算执行指标", "预算执行率", "100%"
};

/* A survey answer's label as forms write it, and its option (1 to 5). */
static const char *const survey_labels[] = {
	"非常满意", "很满意", "比较满意", "满意", "一般", "一般满意",
	"基本满意", "较不满意", "不太满意", "不满意", "很不满意", NULL
};
static const int survey_options[] = {1, 1, 2, 2, 3, 3, 3, 4, 4, 5, 5};

int
pe_form_survey_option(const char *s, size_t len)
{
	int			i = stripped_which(s, len, survey_labels);

	return i < 0 ? 0 : survey_options[i];
}

/*
 * What templates write in 指标性质 beside a comparator or 定性: the kind of
 * indicator (定量, 正向, 反向 …).  The comparator it stands for: "" for a
 * quantitative or forward one (指标值 holds the whole target; a bare number
 * is met from below, as ≥), "≤" for a reverse one, "定性" for 定性指标; NULL
 * when s is none of these (then it is read as written).
 */
const char *
pe_form_nature_alias(const char *s, size_t len)
{
	static const char *const aliases[] = {
		"定量", "定量指标", "正向", "正向指标", "定量（正向）",
		"反向", "反向指标", "定量（反向）", "定性指标", NULL
	};
	static const char *const meaning[] = {"", "", "", "", "", "≤", "≤", "≤", "定性"};
	int			i = stripped_which(s, len, aliases);

	return i < 0 ? NULL : meaning[i];
}

/*
 * A label in front of a value that restates the indicator's name: 指标值
 * "合格率≥95%" of 三级指标 "验收合格率", 实际完成值 "合格率96%".  The length of
 * s's label (up to the first comparator or digit, spaces after it too) when
 * the label is part of name and something follows it; 0 otherwise (the
 * value is read as written).
 */
size_t
pe_form_label_len(const char *s, size_t len, const char *name, size_t name_len)
{
	size_t		b,
				e,
				i,
				n;

	if (s == NULL || name == NULL)
		return 0;
	pe_form_strip(s, len, &b, &e);
	for (i = b; i < e; i += n)
	{
		if (pe_digit_at(s, i, e, &n) >= 0 || pe_form_comparator_at(s, i, e) > 0)
			break;
		n = pe_char_len(s, i, e);
		if (n == 0)
			return 0;
	}
	if (i == b || i >= e)
		return 0;
	/* the label, without spaces around it, within the name */
	{
		size_t		lb,
					le;

		pe_form_strip(s + b, i - b, &lb, &le);
		lb += b;
		le += b;
		if (le == lb || le - lb > name_len)
			return 0;
		for (size_t k = 0; k + (le - lb) <= name_len; k++)
			if (memcmp(name + k, s + lb, le - lb) == 0)
				return i;
	}
	return 0;
}

/*
 * A value without a closing note that changes nothing: "≥95%（含）", "≥95%(含)"
 * (inclusive: what ≥ says).  The length of s without it.
 */
size_t
pe_form_value_len(const char *s, size_t len)
{
	static const char *const notes[] = {"（含）", "(含)", "（含本数）", "(含本数)", NULL};
	size_t		b,
				e;

	if (s == NULL)
		return 0;
	pe_form_strip(s, len, &b, &e);
	for (int i = 0; notes[i]; i++)
	{
		size_t		n = strlen(notes[i]);

		if (e - b > n && memcmp(s + e - n, notes[i], n) == 0)
		{
			e -= n;
			while (e > b && s[e - 1] == ' ')
				e--;
			return e;
		}
	}
	return len;
}

/*
 * Where a form row's score comes from (its source, as perfeval.indicator
 * holds it): its checklist or survey rows; a row named 资金到位率 / 预算执行率
 * (到位率 / 执行率) without a target, from the money columns; a row with no
 * target and a printed 得分 (not 定性), that printed score; else its actual.
 */
const char *
pe_form_row_source(const PeFormRow *r, bool has_checklist, bool has_survey, bool has_target,
				   bool has_score, bool qualitative)
{
	const PeFormField *n = &r->f[PE_FF_NAME];

	if (has_checklist)
		return "checklist";
	if (has_survey)
		return "survey";
	if (!has_target && n->s && (stripped_is(n->s, n->len, "资金到位率") || stripped_is(n->s, n->len, "到位率")))
		return "arrival_rate";
	if (!has_target && n->s && (stripped_is(n->s, n->len, "预算执行率") || stripped_is(n->s, n->len, "执行率")))
		return "execution_rate";
	if (!has_target && has_score && !qualitative)
		return "printed";
	return "actual";
}

/*
 * The checklist points and survey answers of an indicator (form_checklist,
 * form_survey; 1.16: read here, not in SQL): a point's 要点分值 above 0 and
 * its 扣分 from 0 to it (none written: 0); an answer's option from its label
 * (很满意, 基本满意 …) or, for a label of no known option, its place among
 * the indicator's rows, its 人数 a whole number, its 系数 from 0 to 1 (none:
 * the scheme's).  A number the form-number parser refuses is the caller's
 * to name.
 */
static const struct
{
	const char *sqlstate;
	const char *message;		/* a format: %s the column, %s the value */
	const char *hint;
}			part_problems[PE_FX_PROBLEM_COUNT] = {
	[PE_FX_NO_NAME] = {"23502", "a checklist or survey row without %s%.0s",
	"Give the level-3 indicator the row belongs to, as the form's indicator rows name it."},
	[PE_FX_NO_DESCRIPTION] = {"23502", "a checklist point without %s%.0s", "Give the point's description."},
	[PE_FX_NOT_POSITIVE] = {"23514", "%s must be a positive number: \"%s\"", "The point's weight, such as 5, or empty."},
	[PE_FX_NEGATIVE] = {"23514", "%s is negative: \"%s\"", "Deductions, respondents and coefficients are 0 or more."},
	[PE_FX_DEDUCTION_ABOVE] = {"23514", "%s is more than the point's 要点分值: \"%s\"",
	"A deduction is at most the points of its checklist point."},
	[PE_FX_NO_LABEL] = {"23502", "a survey answer without %s%.0s", "Give the option's label, such as 满意 or 基本满意."},
	[PE_FX_NO_RESPONDENTS] = {"23502", "a survey answer without %s%.0s", "Give the number of respondents, such as 120 (0 when nobody chose it)."},
	[PE_FX_NOT_WHOLE] = {"22P02", "%s must be a whole number: \"%s\"", "The number of respondents, such as 120."},
	[PE_FX_COEFFICIENT] = {"23514", "%s must be from 0 to 1: \"%s\"",
	"Empty (the scheme's coefficient for the option) or a number from 0 to 1, such as 0.8."},
	[PE_FX_REPEATED_OPTION] = {"23505", "%s \"%s\" appears twice for one indicator",
	"One row per option of an indicator: remove or merge the repeated one."},
};

const char *
pe_form_part_sqlstate(int problem)
{
	return problem > 0 && problem < PE_FX_PROBLEM_COUNT ? part_problems[problem].sqlstate : "";
}

const char *
pe_form_part_message(int problem)
{
	return problem > 0 && problem < PE_FX_PROBLEM_COUNT ? part_problems[problem].message : "";
}

const char *
pe_form_part_hint(int problem)
{
	return problem > 0 && problem < PE_FX_PROBLEM_COUNT ? part_problems[problem].hint : "";
}

/* A field's number in fixed point (20, 20分, "1,234.5"); false if none is written or it reads as none. */
static bool
form_fixed(const PeFormField *f, int64_t *v)
{
	char		buf[PE_POINTS_BUF];
	PeError		err;
	size_t		end;

	if (!points_decimal(f, buf))
		return false;
	return pe_scan_number(buf, 0, strlen(buf), false, v, &end, &err) == PE_OK && end == strlen(buf);
}

/* Is a field a value to read: written, and not a mark? */
static bool
given(const PeFormField *f)
{
	return !pe_form_is_blank(f->s, f->len) && !pe_form_is_mark(f->s, f->len);
}

void
pe_form_read_points(PeFormPart *rows, int n)
{
	for (int i = 0; i < n; i++)
	{
		PeFormPart *r = &rows[i];
		int64_t		points = 0,
					deduction = 0;
		bool		has_points,
					has_deduction;

		memset(r->problem, 0, sizeof(r->problem));
		r->no = i + 1;
		r->text = stripped(&r->f[PE_FC_DESCRIPTION]);
		r->reason = stripped(&r->f[PE_FC_REASON]);
		if (pe_form_is_blank(r->f[PE_FC_NAME].s, r->f[PE_FC_NAME].len))
			r->problem[PE_FC_NAME] = PE_FX_NO_NAME;
		if (r->text.s == NULL)
			r->problem[PE_FC_DESCRIPTION] = PE_FX_NO_DESCRIPTION;
		r->has[PE_FC_POINTS] = given(&r->f[PE_FC_POINTS]);
		r->has[PE_FC_DEDUCTION] = given(&r->f[PE_FC_DEDUCTION]);
		has_points = r->has[PE_FC_POINTS] && form_fixed(&r->f[PE_FC_POINTS], &points);
		has_deduction = r->has[PE_FC_DEDUCTION] && form_fixed(&r->f[PE_FC_DEDUCTION], &deduction);
		if (has_points && points <= 0)
			r->problem[PE_FC_POINTS] = PE_FX_NOT_POSITIVE;
		if (has_deduction && deduction < 0)
			r->problem[PE_FC_DEDUCTION] = PE_FX_NEGATIVE;
		else if (has_deduction && has_points && points > 0 && deduction > points)
			r->problem[PE_FC_DEDUCTION] = PE_FX_DEDUCTION_ABOVE;
	}
}

void
pe_form_read_answers(PeFormPart *rows, int n)
{
	for (int i = 0; i < n; i++)
	{
		PeFormPart *r = &rows[i];
		int64_t		v;
		int			option;

		memset(r->problem, 0, sizeof(r->problem));
		r->text = stripped(&r->f[PE_FS_LABEL]);
		r->reason.s = NULL;
		r->reason.len = 0;
		option = r->text.s ? pe_form_survey_option(r->text.s, r->text.len) : 0;
		r->no = option > 0 ? option : i + 1;
		if (pe_form_is_blank(r->f[PE_FS_NAME].s, r->f[PE_FS_NAME].len))
			r->problem[PE_FS_NAME] = PE_FX_NO_NAME;
		if (r->text.s == NULL)
			r->problem[PE_FS_LABEL] = PE_FX_NO_LABEL;
		/* an option taken by an earlier row of the indicator */
		for (int j = 0; j < i && r->text.s; j++)
			if (rows[j].no == r->no)
			{
				r->problem[PE_FS_LABEL] = PE_FX_REPEATED_OPTION;
				break;
			}
		r->has[PE_FS_RESPONDENTS] = given(&r->f[PE_FS_RESPONDENTS]);
		if (!r->has[PE_FS_RESPONDENTS])
			r->problem[PE_FS_RESPONDENTS] = PE_FX_NO_RESPONDENTS;
		else if (form_fixed(&r->f[PE_FS_RESPONDENTS], &v))
		{
			if (v < 0)
				r->problem[PE_FS_RESPONDENTS] = PE_FX_NEGATIVE;
			else if (v % PE_SCALE != 0 || v / PE_SCALE > INT32_MAX)
				r->problem[PE_FS_RESPONDENTS] = PE_FX_NOT_WHOLE;
		}
		r->has[PE_FS_COEFFICIENT] = given(&r->f[PE_FS_COEFFICIENT]);
		if (r->has[PE_FS_COEFFICIENT] && form_fixed(&r->f[PE_FS_COEFFICIENT], &v) && (v < 0 || v > PE_SCALE))
			r->problem[PE_FS_COEFFICIENT] = PE_FX_COEFFICIENT;
	}
}
