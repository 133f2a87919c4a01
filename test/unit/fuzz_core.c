/*
 * fuzz_core.c
 *		Fuzz target for the perfeval parsers and printers.
 *
 * LLVMFuzzerTestOneInput feeds the bytes to every parser; whatever is
 * accepted is printed canonically and parsed again, and the result must be
 * identical (round trip), printing must stay inside its documented buffer,
 * and errors must carry a sentence and an offset inside the input.  Any
 * violation aborts.
 *
 * Built with -DPE_LIBFUZZER it is a libFuzzer target; otherwise main() runs
 * a deterministic mutation loop over a seed corpus:
 *		fuzz_core [iterations [seed]]		(default 200000 1)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pe_core.h"

/* Accepted inputs per parser, reported by the standalone main(). */
static long accepted[4];

/* Abort with a message when cond is false. */
#define REQUIRE(cond) \
	do { \
		if (!(cond)) \
		{ \
			fprintf(stderr, "fuzz_core: %s:%d: requirement failed: %s\n", \
					__FILE__, __LINE__, #cond); \
			abort(); \
		} \
	} while (0)

/* Allocate exactly n bytes (at least 1) so that ASan sees any overrun. */
static char *
xmalloc(size_t n)
{
	char	   *p = malloc(n ? n : 1);

	REQUIRE(p != NULL);
	return p;
}

/* Check the shape of a failure report. */
static void
check_error(PeStatus st, const PeError *err, size_t len)
{
	size_t		n;

	REQUIRE(st == PE_ERR_EMPTY || st == PE_ERR_SYNTAX || st == PE_ERR_RANGE ||
			st == PE_ERR_INVALID);
	REQUIRE(err->status == st);
	REQUIRE(err->detail != NULL);
	n = strlen(err->detail);
	REQUIRE(n >= 2 && err->detail[0] >= 'A' && err->detail[0] <= 'Z');
	REQUIRE(err->detail[n - 1] == '.');
	REQUIRE(err->offset >= 0 && (size_t) err->offset <= len);
}

/* Are two parsed values identical (text compared by content)? */
static bool
quant_equal(const PeQuant *a, const PeQuant *b)
{
	return a->cmp == b->cmp && a->unit == b->unit && a->per == b->per &&
		a->amount == b->amount && a->textlen == b->textlen &&
		(a->textlen == 0 || memcmp(a->text, b->text, a->textlen) == 0);
}

/* Parse as a target or a measure and check the round trip. */
static void
fuzz_quant(const char *s, size_t len, bool is_target)
{
	char	   *buf = xmalloc(len + 1);
	PeQuant		q;
	PeError		err;
	PeStatus	st;

	st = is_target ? pe_parse_target(s, len, &q, buf, &err)
		: pe_parse_measure(s, len, &q, buf, &err);
	if (st != PE_OK)
		check_error(st, &err, len);
	else
	{
		size_t		cap = PE_QUANT_BUFLEN + q.textlen;
		char	   *out = xmalloc(cap),
				   *out2 = xmalloc(cap),
				   *buf2 = xmalloc(cap);
		size_t		n,
					n2;
		PeQuant		q2;

		accepted[is_target ? 0 : 1]++;
		REQUIRE(err.status == PE_OK);
		REQUIRE(q.amount >= -PE_MAX_ABS && q.amount <= PE_MAX_ABS);
		REQUIRE(q.textlen <= PE_MAX_TEXT && q.textlen <= len);
		REQUIRE((q.textlen > 0) == (q.unit == PE_UNIT_CUSTOM || q.unit == PE_UNIT_QUAL));
		REQUIRE(q.unit <= PE_UNIT_LAST_KNOWN || q.unit == PE_UNIT_DATE || q.unit == PE_UNIT_CUSTOM ||
				q.unit == PE_UNIT_QUAL);
		REQUIRE(q.per <= PE_UNIT_LAST_KNOWN);
		REQUIRE(q.per == PE_UNIT_NONE || q.unit <= PE_UNIT_LAST_KNOWN);
		if (q.unit == PE_UNIT_QUAL)
			REQUIRE(q.cmp == PE_CMP_NONE && q.amount == 0);
		else if (is_target)
			REQUIRE(q.cmp >= PE_CMP_EQ && q.cmp <= PE_CMP_LT);
		else
			REQUIRE(q.cmp == PE_CMP_NONE);

		n = pe_format_quant(&q, is_target, out);
		REQUIRE(n < cap && out[n] == '\0' && strlen(out) == n);
		/* nothing invisible is ever kept (1.15) */
		REQUIRE(pe_check_text(out, n, NULL) == PE_OK);
		REQUIRE(q.textlen == 0 || pe_check_text(q.text, q.textlen, NULL) == PE_OK);
		st = is_target ? pe_parse_target(out, n, &q2, buf2, &err)
			: pe_parse_measure(out, n, &q2, buf2, &err);
		if (st != PE_OK)
			fprintf(stderr, "fuzz_core: canonical \"%s\" rejected: %s\n",
					out, err.detail);
		REQUIRE(st == PE_OK);
		REQUIRE(quant_equal(&q, &q2));
		n2 = pe_format_quant(&q2, is_target, out2);
		REQUIRE(n2 == n && memcmp(out, out2, n + 1) == 0);

		/* a target printed as a measure is a valid measure */
		if (is_target)
		{
			n = pe_format_quant(&q, false, out);
			REQUIRE(n < cap && strlen(out) == n);
			st = pe_parse_measure(out, n, &q2, buf2, &err);
			REQUIRE(st == PE_OK);
			q.cmp = PE_CMP_NONE;
			REQUIRE(quant_equal(&q, &q2));
		}
		free(out);
		free(out2);
		free(buf2);
	}
	free(buf);
}

/* Parse as a scoring method and check the round trip. */
static void
fuzz_method(const char *s, size_t len)
{
	PeMethod	m,
				m2;
	PeError		err;
	PeStatus	st;

	st = pe_parse_method(s, len, &m, &err);
	if (st != PE_OK)
		check_error(st, &err, len);
	else
	{
		char	   *out = xmalloc(PE_METHOD_BUFLEN);
		size_t		n;

		accepted[2]++;
		REQUIRE(m.kind <= PE_METHOD_LAST);
		if (m.kind == PE_METHOD_FLOOR)
			REQUIRE(m.p1 > 0 && m.p1 <= 100 * PE_SCALE && m.p2 == 0);
		else if (m.kind == PE_METHOD_BANDS)
		{
			PeMethodBands b;

			pe_method_bands(&m, &b);
			REQUIRE(b.n >= 2 && b.n <= PE_METHOD_MAX_BANDS);
			for (int k = 1; k < b.n - 1; k++)
				REQUIRE(b.bound[k] > b.bound[k - 1]);
		}
		else if (m.kind == PE_METHOD_DEDUCT || pe_method_needs_values(&m))
			REQUIRE(m.p1 > 0 && m.p2 > 0 && m.p1 <= PE_MAX_ABS && m.p2 <= PE_MAX_ABS);
		else
			REQUIRE(m.p1 == 0 && m.p2 == 0);
		n = pe_format_method(&m, out);
		REQUIRE(n < PE_METHOD_BUFLEN && strlen(out) == n);
		st = pe_parse_method(out, n, &m2, &err);
		REQUIRE(st == PE_OK);
		REQUIRE(m.kind == m2.kind && m.p1 == m2.p1 && m.p2 == m2.p2);
		/* and the Chinese spelling (method_zh(), what a form writes) */
		n = pe_format_method_zh(&m, out);
		REQUIRE(n < PE_METHOD_BUFLEN && strlen(out) == n);
		st = pe_parse_method(out, n, &m2, &err);
		REQUIRE(st == PE_OK);
		REQUIRE(m.kind == m2.kind && m.p1 == m2.p1 && m.p2 == m2.p2);
		free(out);
	}
}

/* Parse as a grade scale; check invariants, the round trip and the index. */
static void
fuzz_grades(const char *s, size_t len)
{
	PeBand		bands[PE_MAX_BANDS],
				bands2[PE_MAX_BANDS];
	char	   *labels = xmalloc(len + 1);
	int			n,
				n2,
				k;
	PeError		err;
	PeStatus	st;

	st = pe_parse_grades(s, len, bands, &n, labels, &err);
	if (st != PE_OK)
	{
		check_error(st, &err, len);
		REQUIRE(n == 0);
	}
	else
	{
		char	   *out = xmalloc(len + (size_t) n * 24 + 1),
				   *labels2;
		size_t		o = 0,
					used = 0;

		accepted[3]++;
		REQUIRE(n >= 1 && n <= PE_MAX_BANDS);
		REQUIRE(bands[n - 1].threshold == 0);
		for (k = 0; k < n; k++)
		{
			REQUIRE(bands[k].label_len > 0 && bands[k].label_len <= 64);
			REQUIRE(bands[k].label_off == used);
			used += bands[k].label_len;
			REQUIRE(used <= len);
			if (k > 0)
				REQUIRE(bands[k].threshold < bands[k - 1].threshold);
			if (k > 0)
				out[o++] = ',';
			memcpy(out + o, labels + bands[k].label_off, bands[k].label_len);
			o += bands[k].label_len;
			out[o++] = ':';
			o += pe_format_fixed(bands[k].threshold, out + o);
			/* a band includes its lower bound; just below is the next band */
			REQUIRE(pe_grade_index(bands, n, bands[k].threshold) == k);
			REQUIRE(pe_grade_index(bands, n, bands[k].threshold - 1) ==
					(k + 1 < n ? k + 1 : n - 1));
		}
		REQUIRE(pe_grade_index(bands, n, INT64_MAX) == 0);
		REQUIRE(pe_grade_index(bands, n, INT64_MIN) == n - 1);
		labels2 = xmalloc(o + 1);
		st = pe_parse_grades(out, o, bands2, &n2, labels2, &err);
		REQUIRE(st == PE_OK && n2 == n);
		for (k = 0; k < n; k++)
			REQUIRE(bands2[k].threshold == bands[k].threshold &&
					bands2[k].label_len == bands[k].label_len &&
					memcmp(labels2 + bands2[k].label_off,
						   labels + bands[k].label_off, bands[k].label_len) == 0);
		free(out);
		free(labels2);
	}
	free(labels);
}

/*
 * A form row's composition on the bytes: split at the first spaces into
 * 指标性质, 指标值, 度量单位 and 年度 (and as the actual), within the room
 * the callers give (PE_FORM_TEXT_EXTRA plus the fields' lengths).
 */
static void
fuzz_form_row(const char *s, size_t len)
{
	char	   *f = xmalloc(len + 1),
			   *parts[4] = {f, "", "", "2024"},
			   *out = xmalloc(2 * len + PE_FORM_TEXT_EXTRA);
	int			k = 1;

	memcpy(f, s, len);
	f[len] = '\0';
	if (strlen(f) != len)
		goto done;				/* an embedded NUL: not a form field */
	for (char *p = f; *p && k < 4; p++)
		if (*p == ' ' && p[1] != '\0')
		{
			*p = '\0';
			parts[k++] = p + 1;
		}
	/* what the row composes then goes through the parsers (the dates a form's
	 * 年度 completes, 1.16) */
	if (pe_form_target(parts[0], parts[1], parts[2], parts[3], out))
	{
		REQUIRE(strlen(out) < len + PE_FORM_TEXT_EXTRA);
		fuzz_quant(out, strlen(out), true);
	}
	if (pe_form_actual(parts[1], parts[0], parts[2], parts[3], out))
	{
		REQUIRE(strlen(out) < len + PE_FORM_TEXT_EXTRA);
		fuzz_quant(out, strlen(out), false);
	}
	REQUIRE(pe_form_comparator(parts[0]) <= strlen(parts[0]));
	{
		/* 指标性质's method in brackets: inside the field, after its comparator */
		size_t		mb,
					me,
					n = pe_form_nature_method(parts[0], strlen(parts[0]), &mb, &me);

		REQUIRE(n <= strlen(parts[0]) && mb <= me && me <= strlen(parts[0]));
		REQUIRE(mb == me || n < mb);
	}
done:
	free(f);
	free(out);
}

/* The wire form of a parsed target or measure, as *_send writes it. */
static size_t
quant_to_wire(const PeQuant *q, char *w)
{
	uint64_t	a = (uint64_t) q->amount;

	w[0] = 1;
	w[1] = (char) q->cmp;
	w[2] = (char) q->unit;
	w[3] = (char) q->per;
	for (int k = 0; k < 8; k++)
		w[4 + k] = (char) (a >> (56 - 8 * k));
	if (q->textlen > 0)
		memcpy(w + PE_QUANT_WIRE_HDR, q->text, q->textlen);
	return PE_QUANT_WIRE_HDR + q->textlen;
}

/*
 * The binary forms (1.15): whatever the decoders accept is canonical (it
 * encodes back to exactly the bytes given, prints and parses back to the
 * same fields, holds no invisible character); whatever they refuse comes
 * with a sentence and an offset inside the payload.
 */
static void
fuzz_wire(const char *s, size_t len)
{
	PeError		err;
	PeStatus	st;

	for (int t = 0; t < 2; t++)
	{
		char	   *buf = xmalloc(PE_QUANT_WIRE_BUF(len)),
				   *w = xmalloc(PE_QUANT_WIRE_HDR + len + 1);
		PeQuant		q;

		st = pe_quant_from_wire(s, len, t == 0, &q, buf, &err);
		if (st != PE_OK)
			check_error(st, &err, len);
		else
		{
			REQUIRE(len >= PE_QUANT_WIRE_HDR && q.textlen <= PE_MAX_TEXT);
			REQUIRE(q.text == s + PE_QUANT_WIRE_HDR);
			REQUIRE(pe_check_text(q.text, q.textlen, NULL) == PE_OK);
			REQUIRE(quant_to_wire(&q, w) == len && memcmp(w, s, len) == 0);
			/* the text parser reads its canonical text back (fuzz_quant checks the rest) */
			{
				char	   *out = xmalloc(PE_QUANT_BUFLEN + q.textlen);
				size_t		n = pe_format_quant(&q, t == 0, out);

				fuzz_quant(out, n, t == 0);
				free(out);
			}
		}
		free(buf);
		free(w);
	}
	{
		PeMethod	m;

		st = pe_method_from_wire(s, len, &m, &err);
		if (st != PE_OK)
			check_error(st, &err, len);
		else
		{
			char		out[PE_METHOD_BUFLEN];
			PeMethod	m2;

			REQUIRE(len == PE_METHOD_WIRE_LEN && s[0] == 1 && (uint8_t) s[1] == m.kind);
			pe_format_method(&m, out);
			REQUIRE(pe_parse_method(out, strlen(out), &m2, NULL) == PE_OK &&
					m2.kind == m.kind && m2.p1 == m.p1 && m2.p2 == m.p2);
		}
	}
	{
		int64_t		v[PE_SCORE_SUM_FIELDS],
					v2[PE_SCORE_SUM_FIELDS];
		char		out[256];
		int			n;

		st = pe_parse_score_sum(s, len, v, &err);
		if (st != PE_OK)
			check_error(st, &err, len);
		else
		{
			REQUIRE(v[1] >= 0 && v[1] <= v[0] && v[2] >= 0 && v[2] <= v[1]);
			REQUIRE(v[3] >= -1 && v[3] <= PE_DECIMALS && v[6] >= -2 && v[6] <= 6);
			REQUIRE(v[7] == 0 || v[7] == 1);
			n = snprintf(out, sizeof(out), "%lld,%lld,%lld,%lld,%lld,%lld,%lld,%lld",
						 (long long) v[0], (long long) v[1], (long long) v[2], (long long) v[3],
						 (long long) v[4], (long long) v[5], (long long) v[6], (long long) v[7]);
			REQUIRE(pe_parse_score_sum(out, (size_t) n, v2, NULL) == PE_OK &&
					memcmp(v, v2, sizeof(v)) == 0);
		}
	}
}

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* libFuzzer entry point: run every parser on the bytes. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *s = xmalloc(size);

	if (size > 0)
		memcpy(s, data, size);
	fuzz_quant(s, size, true);
	fuzz_quant(s, size, false);
	fuzz_method(s, size);
	fuzz_grades(s, size);
	fuzz_form_row(s, size);
	fuzz_wire(s, size);
	free(s);
	return 0;
}

#ifndef PE_LIBFUZZER

static const char *const seeds[] = {
	"=41家", "≥2000万元", "≥2000万元/家", "≤1000万元/家", "=10万元/家",
	"≥95%", "100%", "95", "5家", "57111万元/家", "735", "≥90%", "=100%",
	"≤ 1000.00 万元/家", "$\\geq 95\\%$", "\\leq 1000.00 万元/家", "1 家",
	"≥1家", "1,000", "不少于12 种", "95%以上", "不低于95％", "＞３", "≧80%",
	"═100%", "不超过10天", "低于5次/月", "0.5亿元", "3万", "12,345.5元/人",
	"稳步增长", "增长较大", "有效加快", "有效促进", "-5%", "≤-5%",
	"=57111万元/家", "完全达到预期目标", "达成", "部分达成", "未达成",
	"１２，３４５．６７８９万元", "　≥ 5 人次/年　", "5公里以内", "5 平方 米",
	"999999999999.999999", "-0.000001", "高于去年", "5吨/年", "⩾5‰",
	"proportional", "floor:60", "all_or_nothing", "deduct:1/5",
	"deduct:0.5/1", "比例", "按比例", "达标得满分", "全有全无",
	"低于60%不得分", "每低5个百分点扣1分", "每少5个百分点扣1分",
	/* scored from the values (1.16) */
	"over:0.5/1", "under:1/1", "deviation:1/3", "每超过一个百分点扣0.5分，扣完为止",
	"每超过1个百分点扣0.3分", "每低于目标值1个百分点扣1分", "实际完成情况与计划每相差3%，扣1分",
	"每相差3％扣1分,扣完为止", "deviation:1/3/15", "实际完成情况与计划每相差3%，扣1分，扣满15分为止",
	"≥90%得5分，80%（含）-90%得4分，70%（含）-80%得3分，60%（含）-70%得2分，60%以下不得分",
	"0得3分，(0,10%]得2分，(10%,20%]得1分，(20%,30%]得0.5分，30%以上不得分",
	"bands:<60:0,<70:2,<80:3,<90:4,else:5", "bands:<=0:3,<=10:2,<=20:1,<=30:0.5,else:0",
	"FLOOR ： 60 %", "优:90,良:80,中:60,差:0", "A：90.5；B：0",
	"优秀:90，良好:75.5，合格:60，不合格:0", "p:0",
	"≤ 12月31日", "≥ 95 %", "定性 有效提升", " 12月底前 前 202", "不低于 5 家 2024",
	"2024年10月底前", "2024年12月31日前", "2024-10-20", "2024年10月20日", "≥2024年1月1日",
	"2024年底前", "2024年",
	/* deadlines and completion dates in words (1.16); as form rows: 指标性质,
	 * 指标值 (the actual), 度量单位, 年度 split at spaces */
	"12月底前完成", "12月底之前完成", "2020年12月底前完成", "年底前完成", "6月30日前完成",
	"于2024年9月底前完成", "2024年12月31日之前", "2024年内完成", "年内完成", "12月20日完成",
	"已于11月完成", "2024年11月完成", "于11月20日完成", "已于2025年1月完成", "已完成",
	" 12月底前完成  2024", " 年底前完成  2024", "定性 年内完成  2024", "≤ 12月31日前完成  2024",
	" 已于11月完成  2024", " 于 9月底前完成 2024", " 年底前完成验收  2024", " 于11月20日完成  202",
};

/* Fragments inserted by the mutator. */
static const char *const tokens[] = {
	"≥", "≤", ">=", "<=", "=", "＝", "═", "＞", "＜", "≧", "≦", "⩾", "⩽",
	"不低于", "低于", "不超过", "超过", "达到", "以上", "以下", "以内",
	"$", "\\geq", "\\leq", "\\%", "%", "％", "百分比", "万元", "万", "亿元",
	"元", "家", "人次", "人", "小时", "小", "/", "／", ",", "，", ".", "．",
	"0", "9", "０", "９", "999999999999", "000000", "-", "+", "－", "−",
	" ", "　", "\xc2\xa0", "\xef\xbb\xbf", ":", "：", ";", "；", "floor",
	"deduct", "proportional", "不得分", "个百分点", "扣", "分", "优:90",
	"over", "under", "deviation", "每超过", "每低于", "目标值", "每相差", "一", "扣完为止",
	"bands", "else", "得", "（含）", "以上", "以下", "(", "]", "[", ")", "扣满", "分为止",
	"\xe4", "\xe4\xb8", "\xff", "\x00", "\t", "a", "公里",
	"\n", "\r", "\x7f", "\xc2\x85", "\xc2\xad", "\xe2\x80\x8b", "\xe2\x80\x8e", "\xe2\x80\xa8",
	"\xe2\x80\xae", "\xe2\x81\xa0", "\xe2\x81\xa4", "\xe2\x81\xaa", "\xf3\xa0\x80\x81",
	"1,2,3,0,5,6,2,0", "-", "9223372036854775807",
	"年", "月", "日", "底", "末", "前", "之前", "2024", "1900", "2100", "02", "29", "31", "号",
	"于", "已于", "完成", "内", "以前", "年底", "年内", "12月",
};

static uint64_t rng_state;

/* xorshift64*: a small deterministic PRNG. */
static uint64_t
rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * UINT64_C(2685821657736338717);
}

/* A random integer in [0, n). */
static size_t
rnd(size_t n)
{
	return n == 0 ? 0 : (size_t) (rng() % n);
}

#define MAXLEN 600

/* Apply one random mutation to buf[0..*len) (capacity MAXLEN). */
static void
mutate(unsigned char *buf, size_t *len)
{
	size_t		n = *len,
				pos = rnd(n + 1),
				k;

	switch (rnd(10))
	{
		case 9:					/* a length or number field set huge, negative or zero */
			if (n >= 4)
			{
				static const unsigned char ext[4] = {0x7f, 0x80, 0xff, 0x00};
				size_t		at = rnd(n - 3),
							w = n - at >= 8 && rnd(2) ? 8 : 4;
				unsigned char x = ext[rnd(4)];

				buf[at] = x;
				for (k = 1; k < w; k++)
					buf[at + k] = x == 0x7f ? 0xff : x == 0x80 ? 0x00 : x;
			}
			break;
		case 0:					/* flip a bit */
			if (n > 0)
				buf[rnd(n)] ^= (unsigned char) (1u << rnd(8));
			break;
		case 1:					/* set a random byte */
			if (n > 0)
				buf[rnd(n)] = (unsigned char) rnd(256);
			break;
		case 2:					/* insert a random byte */
			if (n < MAXLEN)
			{
				memmove(buf + pos + 1, buf + pos, n - pos);
				buf[pos] = (unsigned char) rnd(256);
				n++;
			}
			break;
		case 3:					/* delete a range */
			if (n > 0)
			{
				size_t		d = 1 + rnd(n - pos < 4 ? n - pos : 4);

				if (pos >= n)
					pos = n - 1;
				if (d > n - pos)
					d = n - pos;
				memmove(buf + pos, buf + pos + d, n - pos - d);
				n -= d;
			}
			break;
		case 4:					/* insert a token */
		case 5:
			{
				const char *t = tokens[rnd(sizeof(tokens) / sizeof(tokens[0]))];
				size_t		tl = strlen(t) ? strlen(t) : 1;	/* "\0" is one NUL */

				if (n + tl <= MAXLEN)
				{
					memmove(buf + pos + tl, buf + pos, n - pos);
					memcpy(buf + pos, t, tl);
					n += tl;
				}
			}
			break;
		case 6:					/* cut a UTF-8 sequence in half */
			for (k = 0; k < n; k++)
			{
				size_t		i = (pos + k) % n;

				if ((buf[i] & 0xC0) == 0x80)
				{
					if (rnd(2))
						n = i;	/* truncate inside the sequence */
					else
					{
						memmove(buf + i, buf + i + 1, n - i - 1);
						n--;
					}
					break;
				}
			}
			break;
		case 7:					/* duplicate a chunk */
			if (n > 0)
			{
				size_t		from = rnd(n),
							cl = 1 + rnd(n - from);

				if (n + cl <= MAXLEN)
				{
					memmove(buf + pos + cl, buf + pos, n - pos);
					memmove(buf + pos, buf + (from < pos ? from : from + cl), cl);
					n += cl;
				}
			}
			break;
		default:				/* splice in the tail of another seed */
			{
				const char *t = seeds[rnd(sizeof(seeds) / sizeof(seeds[0]))];
				size_t		tl = strlen(t),
							from = rnd(tl + 1);

				if (pos + tl - from <= MAXLEN)
				{
					memcpy(buf + pos, t + from, tl - from);
					n = pos + tl - from;
				}
			}
			break;
	}
	*len = n;
}

/* Deterministic mutation loop for plain builds and valgrind. */
int
main(int argc, char **argv)
{
	long		iterations = argc > 1 ? atol(argv[1]) : 200000;
	long		it;
	size_t		nseeds = sizeof(seeds) / sizeof(seeds[0]),
				k;
	unsigned char buf[MAXLEN + 1];

	rng_state = argc > 2 ? strtoull(argv[2], NULL, 10) : 1;
	if (rng_state == 0)
		rng_state = 1;
	for (k = 0; k < nseeds; k++)
		LLVMFuzzerTestOneInput((const uint8_t *) seeds[k], strlen(seeds[k]));
	for (it = 0; it < iterations; it++)
	{
		const char *seed = seeds[rnd(nseeds)];
		size_t		len = strlen(seed),
					m = 1 + rnd(4);

		memcpy(buf, seed, len);
		/* every other input starts from a seed's binary form (1.15) */
		if (it % 2 == 1)
		{
			PeQuant		q;
			PeMethod	mm;
			char		pb[MAXLEN + 1];

			if (pe_parse_target(seed, len, &q, pb, NULL) == PE_OK ||
				pe_parse_measure(seed, len, &q, pb, NULL) == PE_OK)
				len = quant_to_wire(&q, (char *) buf);
			else if (pe_parse_method(seed, len, &mm, NULL) == PE_OK)
			{
				buf[0] = 1;
				buf[1] = mm.kind;
				for (int b = 0; b < 8; b++)
				{
					buf[2 + b] = (unsigned char) ((uint64_t) mm.p1 >> (56 - 8 * b));
					buf[10 + b] = (unsigned char) ((uint64_t) mm.p2 >> (56 - 8 * b));
				}
				len = PE_METHOD_WIRE_LEN;
			}
		}
		while (m-- > 0)
			mutate(buf, &len);
		LLVMFuzzerTestOneInput(buf, len);
	}
	printf("fuzz_core: %ld iterations clean (accepted: %ld targets, "
		   "%ld measures, %ld methods, %ld grade scales)\n", iterations,
		   accepted[0], accepted[1], accepted[2], accepted[3]);
	return 0;
}

#endif							/* PE_LIBFUZZER */
