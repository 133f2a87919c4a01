/*
 * test_core.c
 *		Table-driven unit tests for the perfeval parsers and printers
 *		(pe_parse.c, pe_text.c).  Plain C, no framework: one line per
 *		failure, then "N passed, N failed"; exit status 1 on any failure.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pe_core.h"

static int	npass,
			nfail;

/* Record one check; print a line when it failed. */
static void
check(bool ok, const char *what, const char *input, const char *got,
	  const char *want)
{
	if (ok)
	{
		npass++;
		return;
	}
	nfail++;
	printf("FAIL %s: input \"%s\": got \"%s\", want \"%s\"\n",
		   what, input, got, want);
}

static const char *const status_names[] = {
	"PE_OK", "PE_ERR_EMPTY", "PE_ERR_SYNTAX", "PE_ERR_RANGE",
	"PE_ERR_INVALID", "PE_ERR_UNITS", "PE_NULL"
};

/* Name of a status for messages. */
static const char *
stname(PeStatus st)
{
	return (unsigned) st < 7 ? status_names[st] : "?";
}

/* Is the error detail a sentence: capital first, period last? */
static bool
detail_ok(const PeError *err, size_t len)
{
	size_t		n;

	if (err->detail == NULL || (n = strlen(err->detail)) < 2)
		return false;
	return err->detail[0] >= 'A' && err->detail[0] <= 'Z' &&
		err->detail[n - 1] == '.' && err->offset >= 0 &&
		(size_t) err->offset <= len && err->status != PE_OK;
}

/* ---------------------------------------------------------------- targets */

typedef struct QCase
{
	bool		target;
	const char *in;
	PeStatus	st;
	const char *canon;			/* canonical output when st == PE_OK */
} QCase;

#define T(in, canon)	{true, in, PE_OK, canon}
#define TE(in, st)		{true, in, st, NULL}
#define M(in, canon)	{false, in, PE_OK, canon}
#define ME(in, st)		{false, in, st, NULL}

static const QCase qcases[] = {
	/* the forms of the brief */
	T("=41家", "=41家"),
	T("≥2000万元", "≥2000万元"),
	T("≥2000万元/家", "≥2000万元/家"),
	T("≤1000万元/家", "≤1000万元/家"),
	T("=10万元/家", "=10万元/家"),
	T("≥95%", "≥95%"),
	T("100%", "=100%"),
	T("95", "=95"),
	T("5家", "=5家"),
	T("57111万元/家", "=57111万元/家"),
	T("735", "=735"),
	T("≥90%", "≥90%"),
	T("=100%", "=100%"),
	T("≤ 1000.00 万元/家", "≤1000万元/家"),
	T("$\\geq 95\\%$", "≥95%"),
	T("\\leq 1000.00 万元/家", "≤1000万元/家"),
	T("1 家", "=1家"),
	T("≥1家", "≥1家"),
	T("1,000", "=1000"),
	T("不少于12 种", "≥12种"),
	T("95%以上", "≥95%"),
	T("不低于95％", "≥95%"),
	T("＞３", ">3"),
	T("≧80%", "≥80%"),
	T("═100%", "=100%"),
	T("不超过10天", "≤10天"),
	T("低于5次/月", "<5次/月"),
	T("0.5亿元", "=0.5亿元"),
	T("3万", "=3万元"),
	T("12,345.5元/人", "=12345.5元/人"),
	T("稳步增长", "稳步增长"),
	T("增长较大", "增长较大"),
	T("有效加快", "有效加快"),
	T("有效促进", "有效促进"),
	T("-5%", "=-5%"),
	T("≤-5%", "≤-5%"),
	/* every comparator symbol */
	T(">=5", "≥5"), T("<=5", "≤5"), T(">5", ">5"), T("<5", "<5"),
	T("=5", "=5"), T("＝5", "=5"), T("＞5", ">5"), T("＜5", "<5"),
	T("≥5", "≥5"), T("≤5", "≤5"), T("≧5", "≥5"), T("≦5", "≤5"),
	T("⩾5", "≥5"), T("⩽5", "≤5"), T("═5", "=5"),
	T("\\geq5", "≥5"), T("\\leq 5", "≤5"), T("\\ge 5", "≥5"),
	T("\\le 5", "≤5"), T("\\geqslant 5", "≥5"), T("\\leqslant5", "≤5"),
	T("\\gt 5", ">5"), T("\\lt 5", "<5"),
	T(">= 5", "≥5"), T("≥　5", "≥5"), T("≥\xc2\xa0" "5", "≥5"),
	/* every comparator word */
	T("不低于5", "≥5"), T("不少于5", "≥5"), T("不小于5", "≥5"),
	T("大于5", ">5"), T("高于5", ">5"), T("超过5", ">5"),
	T("达到5", "=5"), T("等于5", "=5"),
	T("不高于5", "≤5"), T("不多于5", "≤5"), T("不大于5", "≤5"),
	T("不超过5", "≤5"),
	T("低于5", "<5"), T("小于5", "<5"), T("少于5", "<5"),
	T("不低于 5 家", "≥5家"),
	/* suffixes */
	T("95以上", "≥95"), T("95%以下", "≤95%"), T("10天以内", "≤10天"),
	T("10 天 以内", "≤10天"), T("5万元以上", "≥5万元"),
	T("5公里以上", "≥5公里"),
	/* every unit */
	T("5元", "=5元"), T("5万元", "=5万元"), T("5亿元", "=5亿元"),
	T("5万", "=5万元"), T("5%", "=5%"), T("5％", "=5%"),
	T("5百分比", "=5%"), T("5\\%", "=5%"),
	T("5家", "=5家"), T("5个", "=5个"), T("5人", "=5人"),
	T("5人次", "=5人次"), T("5次", "=5次"), T("5种", "=5种"),
	T("5条", "=5条"), T("5辆", "=5辆"), T("5例", "=5例"), T("5项", "=5项"),
	T("5所", "=5所"), T("5天", "=5天"), T("5日", "=5日"), T("5月", "=5月"),
	T("5年", "=5年"), T("5小时", "=5小时"),
	/* compounds */
	T("5万元/家", "=5万元/家"), T("5元/人", "=5元/人"),
	T("5次/月", "=5次/月"), T("5万元／家", "=5万元/家"),
	T("5 万元 / 家", "=5万元/家"), T("5人次/年", "=5人次/年"),
	T("5万/家", "=5万元/家"), T("5%/年", "=5%/年"),
	/* custom units kept as written */
	T("5公里", "=5公里"), T("5 平方米", "=5平方米"), T("5吨/年", "=5吨/年"),
	T("5万元/公里", "=5万元/公里"), T("5 平方 米", "=5平方 米"),
	T("5 km", "=5km"), T("5小", "=5小"), T("5人/公里/年", "=5人/公里/年"),
	T("5‰", "=5‰"),
	/* numbers */
	T("0", "=0"), T("-0", "=0"), T("+5", "=5"), T("007", "=7"),
	T("1,000,000", "=1000000"), T("999,999", "=999999"),
	T("1.5", "=1.5"), T("1.500000", "=1.5"), T("0.000001", "=0.000001"),
	T("999999999999.999999", "=999999999999.999999"),
	T("-999999999999.999999", "=-999999999999.999999"),
	T("999999999999", "=999999999999"),
	T("１２３", "=123"), T("１２．５", "=12.5"), T("１，０００", "=1000"),
	T("1，000", "=1000"), T("１２,３４５．６７", "=12345.67"),
	T("−5", "=-5"), T("－5", "=-5"), T("＋5", "=5"),
	TE("12.", PE_ERR_SYNTAX),
	/* spaces around the value */
	T("  ≥95%  ", "≥95%"), T("\t=41家\n", "=41家"),
	T("　≥95%　", "≥95%"), T("\xc2\xa0" "5家" "\xc2\xa0", "=5家"),
	/* a byte order mark is no space: refused, even around the value (1.15) */
	TE("\xef\xbb\xbf" "5家", PE_ERR_SYNTAX),
	/* phrases */
	T("  稳步增长  ", "稳步增长"), T("高于去年", "高于去年"),
	T("达到预期目标", "达到预期目标"), T("不低于去年水平", "不低于去年水平"),
	T("以上", "以上"), T("良好以上", "良好以上"), T("三个以上", "三个以上"),
	T("Good", "Good"), T("-abc", "-abc"), T("有效，稳步", "有效，稳步"),
	T("$稳步增长$", "稳步增长"), T("a$b", "a$b"),
	/* measures */
	M("=57111万元/家", "57111万元/家"), M("57111万元/家", "57111万元/家"),
	M("＝5", "5"), M("═5%", "5%"), M("= 5 家", "5家"),
	M("完全达到预期目标", "完全达到预期目标"), M("达成", "达成"),
	M("部分达成", "部分达成"), M("未达成", "未达成"),
	M("达到预期", "达到预期"), M("1,000", "1000"), M("-5%", "-5%"),
	M("$95\\%$", "95%"), M("5公里", "5公里"), M("３万", "3万元"),
	/* rejections */
	TE("", PE_ERR_EMPTY), TE("   ", PE_ERR_EMPTY), TE("　\t", PE_ERR_EMPTY),
	TE("≥", PE_ERR_SYNTAX), TE("≥≥5", PE_ERR_SYNTAX),
	TE("M.8万元", PE_ERR_SYNTAX), TE("1,00", PE_ERR_SYNTAX),
	TE("1.1234567", PE_ERR_RANGE), TE("10000000000000", PE_ERR_RANGE),
	TE("95%以上以下", PE_ERR_SYNTAX), TE("≥5万元5", PE_ERR_SYNTAX),
	TE("\xff", PE_ERR_SYNTAX), TE("5\xe5\xae", PE_ERR_SYNTAX),
	TE("\xc0\xaf", PE_ERR_SYNTAX), TE("\xed\xa0\x80", PE_ERR_SYNTAX),
	TE("\xf4\x90\x80\x80", PE_ERR_SYNTAX), TE("5\x01", PE_ERR_SYNTAX),
	/* forms as really written (1.6): a repeated comparator word, invisible
	 * formatting characters, deadlines */
	TE("不低于5不低于", PE_ERR_SYNTAX), TE("≥5不超过", PE_ERR_SYNTAX),
	TE("5\xe2\x80\x8b家", PE_ERR_SYNTAX), TE("5家\xe2\x80\x8b", PE_ERR_SYNTAX),
	TE("\xe2\x80\xae" "5家", PE_ERR_SYNTAX), TE("5\xe2\x81\xa0人", PE_ERR_SYNTAX),
	TE("5\xd8\x9c", PE_ERR_SYNTAX),
	TE("12月底前", PE_ERR_SYNTAX), TE("10日前", PE_ERR_SYNTAX), TE("3月前", PE_ERR_SYNTAX),
	/* deadlines and dates (1.7): a date target is a deadline (≤) */
	T("2024年10月底前", "2024年10月31日前"), T("2024年12月31日前", "2024年12月31日前"),
	T("2024年2月底前", "2024年2月29日前"), T("2023年2月末前", "2023年2月28日前"),
	T("2024年底前", "2024年12月31日前"), T("2024年6月", "2024年6月30日前"),
	T("2024-10-20之前", "2024年10月20日前"), T("2024/3/5以前", "2024年3月5日前"),
	T("≤2024年10月31日", "2024年10月31日前"), T("=2024年10月31日", "=2024年10月31日"),
	T("≥2024年1月1日", "≥2024年1月1日"), T("２０２４年１０月２０日前", "2024年10月20日前"),
	T(" 2024年10月20号前 ", "2024年10月20日前"), T("2024年", "=2024年"), T("≥1000年", "≥1000年"),
	TE("2024年13月底前", PE_ERR_INVALID), TE("2023年2月29日前", PE_ERR_INVALID),
	TE("1800年1月1日", PE_ERR_INVALID), T("2024年10月20日前完成", "2024年10月20日前"),
	TE("≤2024年10月31日前", PE_ERR_SYNTAX), TE("2024年10月20", PE_ERR_SYNTAX),
	TE("2024-10", PE_ERR_SYNTAX), TE("2024年10月20日前前", PE_ERR_SYNTAX),
	M("2024年10月20日", "2024年10月20日"), M("2024-10-20", "2024年10月20日"),
	M("2024年10月", "2024年10月31日"), M("=2024年10月20日", "2024年10月20日"),
	ME("2024年10月20日前", PE_ERR_SYNTAX), ME("≤2024年10月20日", PE_ERR_SYNTAX),
	/* deadlines and completion dates in words (1.16, issue 26): 于 / 已于
	 * before, 完成 after; a month alone is its last day */
	T("2020年12月底前完成", "2020年12月31日前"), T("2020年12月底之前完成", "2020年12月31日前"),
	T("2024年6月30日前完成", "2024年6月30日前"), T("于2024年9月底前完成", "2024年9月30日前"),
	T("2024年12月31日之前", "2024年12月31日前"), T("2024年12月31日前完成", "2024年12月31日前"),
	T("2024年12月31日以前完成", "2024年12月31日前"), T("2024年底前完成", "2024年12月31日前"),
	T("2024年底之前完成", "2024年12月31日前"), T("2024年末前完成", "2024年12月31日前"),
	T("2024年内完成", "2024年12月31日前"), T("2024年内", "2024年12月31日前"),
	T("2024年12月31日完成", "2024年12月31日前"), T("2024年9月完成", "2024年9月30日前"),
	T(" 于 2024年9月底 前 完成 ", "2024年9月30日前"), T("已于2024年9月底前完成", "2024年9月30日前"),
	T("2024-10-20前完成", "2024年10月20日前"), T("２０２４年２月底前完成", "2024年2月29日前"),
	T("≥2024年1月1日完成", "≥2024年1月1日"), T("=2024年10月31日完成", "=2024年10月31日"),
	/* without a year: refused (the import gives the form's 年度) */
	TE("12月底前完成", PE_ERR_SYNTAX), TE("12月底之前完成", PE_ERR_SYNTAX),
	TE("6月30日前完成", PE_ERR_SYNTAX), TE("于9月底前完成", PE_ERR_SYNTAX),
	TE("12月31日前完成", PE_ERR_SYNTAX), TE("≤12月31日", PE_ERR_SYNTAX),
	TE("12月20日", PE_ERR_SYNTAX), TE("12月底", PE_ERR_SYNTAX), TE("3月末", PE_ERR_SYNTAX),
	TE("11月完成", PE_ERR_SYNTAX), TE("于11月", PE_ERR_SYNTAX),
	/* words only: still phrases; a bare month count, years and units as before */
	T("年底前完成", "年底前完成"), T("年内完成", "年内完成"), T("按期完成", "按期完成"),
	T("于年底前完成", "于年底前完成"), T("5月", "=5月"), T("12个月内完成", "=12个月内完成"),
	T("2024年底前完成任务", "=2024年底前完成任务"), T("1000年底前完成", "=1000年底前完成"),
	/* what may follow a date */
	TE("2024年12月底前完成任务", PE_ERR_SYNTAX), TE("2024年12月底后", PE_ERR_SYNTAX),
	TE("于2024年底前完成任务", PE_ERR_SYNTAX), TE("2024年12月底完成前", PE_ERR_SYNTAX),
	TE("2024年内前", PE_ERR_SYNTAX), TE("2024年12月底前完成完成", PE_ERR_SYNTAX),
	TE("2024年13月底前完成", PE_ERR_INVALID), TE("于2023年2月29日前完成", PE_ERR_INVALID),
	TE("≤2024年10月31日前完成", PE_ERR_SYNTAX),
	/* a number with a unit that would print as a date: refused, not misread on
	 * the way back (=2024年底 is a date) */
	TE("2024 年底", PE_ERR_SYNTAX), TE("12 月底", PE_ERR_SYNTAX), TE("012月底", PE_ERR_SYNTAX),
	TE("+2024年底前完成", PE_ERR_SYNTAX), TE("2024 年内完成", PE_ERR_SYNTAX),
	ME("2024 年底前完成", PE_ERR_SYNTAX), ME("１２ 月20号", PE_ERR_SYNTAX), M("2024 年内", "2024年内"),
	M("2024年12月20日完成", "2024年12月20日"), M("已于2024年11月完成", "2024年11月30日"),
	M("于2024年11月20日完成", "2024年11月20日"), M("2024年11月完成", "2024年11月30日"),
	M("已于2025年1月完成", "2025年1月31日"), M("已于 2024-11-20 完成", "2024年11月20日"),
	M("2024年底完成", "2024年12月31日"), M("已完成", "已完成"), M("按期完成", "按期完成"),
	M("年底完成", "年底完成"), M("5月", "5月"), M("2024年内完成", "2024年内完成"),
	ME("12月20日完成", PE_ERR_SYNTAX), ME("已于11月完成", PE_ERR_SYNTAX),
	ME("于11月20日完成", PE_ERR_SYNTAX), ME("11月完成", PE_ERR_SYNTAX),
	ME("2024年12月底前完成", PE_ERR_SYNTAX), ME("已于2024年内完成", PE_ERR_SYNTAX),
	TE("≥100000000万人", PE_ERR_RANGE),
	/* 万 scales a unit other than money */
	T("≥3.5万人", "≥35000人"), T("2万家", "=20000家"), T("≥1.2万吨", "≥12000吨"),
	M("3.62万人次", "36200人次"),
	TE(">=abc", PE_ERR_SYNTAX), TE("不低于", PE_ERR_SYNTAX),
	TE("≥ ", PE_ERR_SYNTAX), TE("$\\geq$", PE_ERR_SYNTAX),
	TE("$ $", PE_ERR_SYNTAX),
	TE("1,0000", PE_ERR_SYNTAX), TE("1000,000", PE_ERR_SYNTAX),
	TE("1,000,", PE_ERR_SYNTAX), TE("1,", PE_ERR_SYNTAX),
	TE("5.", PE_ERR_SYNTAX), TE("5.家", PE_ERR_SYNTAX),
	TE("5 .5", PE_ERR_SYNTAX), TE("1.2.3", PE_ERR_SYNTAX),
	TE("1000000000000", PE_ERR_RANGE), TE("0.0000001", PE_ERR_RANGE),
	TE("1.0000000", PE_ERR_RANGE),
	TE("≥95%以上", PE_ERR_SYNTAX), TE("不低于95%以上", PE_ERR_SYNTAX),
	TE("5万元/", PE_ERR_SYNTAX), TE("5/家", PE_ERR_SYNTAX),
	TE("5 ≥", PE_ERR_SYNTAX), TE("5=5", PE_ERR_SYNTAX),
	TE("5$", PE_ERR_SYNTAX), TE("5\\x", PE_ERR_SYNTAX),
	TE("5!", PE_ERR_SYNTAX), TE("5，家", PE_ERR_SYNTAX),
	TE("增长5%", PE_ERR_SYNTAX), TE("第１名", PE_ERR_SYNTAX),
	TE("...", PE_ERR_SYNTAX), TE("-", PE_ERR_SYNTAX),
	TE(".5", PE_ERR_SYNTAX), TE("- 5", PE_ERR_SYNTAX),
	ME("≥5", PE_ERR_SYNTAX), ME("5以上", PE_ERR_SYNTAX),
	ME(">5", PE_ERR_SYNTAX), ME("不低于5", PE_ERR_SYNTAX),
	ME("达到95%", PE_ERR_SYNTAX), ME("=", PE_ERR_SYNTAX),
	ME("", PE_ERR_EMPTY), ME("1,00", PE_ERR_SYNTAX),
};

/* Field-level expectations for a few targets and measures. */
typedef struct FCase
{
	bool		target;
	const char *in;
	int			cmp;
	int			unit;
	int			per;
	int64_t		amount;
	const char *text;			/* NULL: textlen must be 0 */
} FCase;

static const FCase fcases[] = {
	{true, "≥2000万元/家", PE_CMP_GE, PE_UNIT_WANYUAN, PE_UNIT_JIA, INT64_C(2000000000), NULL},
	{true, "95", PE_CMP_EQ, PE_UNIT_NONE, PE_UNIT_NONE, INT64_C(95000000), NULL},
	{true, "12,345.5元/人", PE_CMP_EQ, PE_UNIT_YUAN, PE_UNIT_REN, INT64_C(12345500000), NULL},
	{true, "95%以上", PE_CMP_GE, PE_UNIT_PERCENT, PE_UNIT_NONE, INT64_C(95000000), NULL},
	{true, "10天以内", PE_CMP_LE, PE_UNIT_TIAN, PE_UNIT_NONE, INT64_C(10000000), NULL},
	{true, "≤-5%", PE_CMP_LE, PE_UNIT_PERCENT, PE_UNIT_NONE, INT64_C(-5000000), NULL},
	{true, "0.000001", PE_CMP_EQ, PE_UNIT_NONE, PE_UNIT_NONE, 1, NULL},
	{true, "-999999999999.999999", PE_CMP_EQ, PE_UNIT_NONE, PE_UNIT_NONE, -PE_MAX_ABS, NULL},
	{true, "5 吨/年 ", PE_CMP_EQ, PE_UNIT_CUSTOM, PE_UNIT_NONE, INT64_C(5000000), "吨/年"},
	{true, "5 平方 米", PE_CMP_EQ, PE_UNIT_CUSTOM, PE_UNIT_NONE, INT64_C(5000000), "平方 米"},
	{true, " 稳步增长 ", PE_CMP_NONE, PE_UNIT_QUAL, PE_UNIT_NONE, 0, "稳步增长"},
	{true, "5人次", PE_CMP_EQ, PE_UNIT_RENCI, PE_UNIT_NONE, INT64_C(5000000), NULL},
	{true, "5小时", PE_CMP_EQ, PE_UNIT_XIAOSHI, PE_UNIT_NONE, INT64_C(5000000), NULL},
	{true, "3万", PE_CMP_EQ, PE_UNIT_WANYUAN, PE_UNIT_NONE, INT64_C(3000000), NULL},
	{true, "低于5次/月", PE_CMP_LT, PE_UNIT_CI, PE_UNIT_YUE, INT64_C(5000000), NULL},
	{false, "=57111万元/家", PE_CMP_NONE, PE_UNIT_WANYUAN, PE_UNIT_JIA, INT64_C(57111000000), NULL},
	{false, "57111万元/家", PE_CMP_NONE, PE_UNIT_WANYUAN, PE_UNIT_JIA, INT64_C(57111000000), NULL},
	{false, "完全达到预期目标", PE_CMP_NONE, PE_UNIT_QUAL, PE_UNIT_NONE, 0, "完全达到预期目标"},
};

/* Error offsets for a few rejections. */
typedef struct OCase
{
	bool		target;
	const char *in;
	PeStatus	st;
	int			offset;
} OCase;

static const OCase ocases[] = {
	{true, "≥", PE_ERR_SYNTAX, 3},
	{true, "≥≥5", PE_ERR_SYNTAX, 3},
	{true, "1,00", PE_ERR_SYNTAX, 4},
	{true, "1.1234567", PE_ERR_RANGE, 8},
	{true, "M.8万元", PE_ERR_SYNTAX, 2},
	{true, "≥5万元5", PE_ERR_SYNTAX, 10},
	{true, "5\xff", PE_ERR_SYNTAX, 1},
	{true, "  5.", PE_ERR_SYNTAX, 4},
	{true, "10000000000000", PE_ERR_RANGE, 0},
	{true, "95%以上以下", PE_ERR_SYNTAX, 3},
	{false, "≥5", PE_ERR_SYNTAX, 0},
	{false, "5以上", PE_ERR_SYNTAX, 1},
};

/* Run the target and measure tables. */
static void
test_quants(void)
{
	size_t		k;
	char		buf[1024],
				out[1024],
				out2[1024];

	for (k = 0; k < sizeof(qcases) / sizeof(qcases[0]); k++)
	{
		const QCase *c = &qcases[k];
		PeQuant		q,
					q2;
		PeError		err;
		PeStatus	st;
		size_t		len = strlen(c->in);
		const char *what = c->target ? "target" : "measure";

		st = c->target ? pe_parse_target(c->in, len, &q, buf, &err)
			: pe_parse_measure(c->in, len, &q, buf, &err);
		check(st == c->st, what, c->in, stname(st), stname(c->st));
		if (st != c->st)
		{
			if (st != PE_OK)
				printf("     detail: %s (offset %d)\n", err.detail, err.offset);
			continue;
		}
		if (st != PE_OK)
		{
			check(detail_ok(&err, len) && err.status == st, "error detail",
				  c->in, err.detail ? err.detail : "(null)", "a sentence");
			continue;
		}
		pe_format_quant(&q, c->target, out);
		check(strcmp(out, c->canon) == 0, what, c->in, out, c->canon);
		/* round trip through the canonical form */
		st = c->target ? pe_parse_target(out, strlen(out), &q2, buf + 512, &err)
			: pe_parse_measure(out, strlen(out), &q2, buf + 512, &err);
		if (st == PE_OK)
			pe_format_quant(&q2, c->target, out2);
		check(st == PE_OK && q.cmp == q2.cmp && q.unit == q2.unit &&
			  q.per == q2.per && q.amount == q2.amount &&
			  q.textlen == q2.textlen &&
			  (q.textlen == 0 || memcmp(q.text, q2.text, q.textlen) == 0),
			  "round trip", c->in, st == PE_OK ? out2 : stname(st), out);
	}
	{
		PeQuant		q;
		PeError		err;

		/* embedded NUL is rejected */
		check(pe_parse_target("5\0家", 5, &q, buf, &err) == PE_ERR_SYNTAX,
			  "target", "5\\0家", "", "PE_ERR_SYNTAX");
		/* a phrase of 200 bytes is accepted, 201 is not */
		memset(out, 'a', 202);
		check(pe_parse_target(out, 200, &q, buf, &err) == PE_OK &&
			  q.textlen == 200, "target", "a x 200", "", "PE_OK");
		check(pe_parse_target(out, 201, &q, buf, &err) == PE_ERR_RANGE,
			  "target", "a x 201", "", "PE_ERR_RANGE");
		memcpy(out, "5", 1);
		check(pe_parse_target(out, 201, &q, buf, &err) == PE_OK &&
			  q.unit == PE_UNIT_CUSTOM && q.textlen == 200,
			  "target", "5 a x 200", "", "PE_OK custom");
		check(pe_parse_target(out, 202, &q, buf, &err) == PE_ERR_RANGE,
			  "target", "5 a x 201", "", "PE_ERR_RANGE");
		/* NULL err is allowed */
		check(pe_parse_target("≥", 3, &q, buf, NULL) == PE_ERR_SYNTAX,
			  "target", "≥ (err NULL)", "", "PE_ERR_SYNTAX");
	}
	{
		/* why a date is refused (1.16): the detail names the problem */
		static const struct
		{
			bool		target;
			const char *in,
					   *detail;		/* the detail begins so */
		}			dd[] = {
			{true, "12月底前完成", "A date needs its year"}, {true, "于9月底前完成", "A date needs its year"},
			{true, "12月底前", "A date needs its year"}, {false, "已于11月完成", "A date needs its year"},
			{false, "12月20日完成", "A date needs its year"}, {true, "2024年12月底前完成任务", "Only 前"},
			{true, "于2024年底前完成任务", "Only 前"}, {false, "2024年12月底前完成", "An actual is the date"},
			{true, "10日前", "A deadline is a date with its year"},
			{true, "2024 年底", "Write a date without spaces"}, {false, "12 月底", "Write a date without spaces"},
		};

		for (k = 0; k < sizeof(dd) / sizeof(dd[0]); k++)
		{
			PeQuant		q;
			PeError		err;
			size_t		len = strlen(dd[k].in);
			PeStatus	st = dd[k].target ? pe_parse_target(dd[k].in, len, &q, buf, &err)
				: pe_parse_measure(dd[k].in, len, &q, buf, &err);

			check(st == PE_ERR_SYNTAX && err.detail != NULL &&
				  strncmp(err.detail, dd[k].detail, strlen(dd[k].detail)) == 0,
				  "date detail", dd[k].in, st == PE_OK ? "(read)" : err.detail, dd[k].detail);
		}
	}
	for (k = 0; k < sizeof(fcases) / sizeof(fcases[0]); k++)
	{
		const FCase *c = &fcases[k];
		PeQuant		q;
		PeError		err;
		PeStatus	st;
		char		got[256];

		st = c->target ? pe_parse_target(c->in, strlen(c->in), &q, buf, &err)
			: pe_parse_measure(c->in, strlen(c->in), &q, buf, &err);
		snprintf(got, sizeof(got), "%s cmp=%d unit=%d per=%d amount=%lld text=%.*s",
				 stname(st), q.cmp, q.unit, q.per, (long long) q.amount,
				 (int) q.textlen, q.text ? q.text : "");
		check(st == PE_OK && q.cmp == c->cmp && q.unit == c->unit &&
			  q.per == c->per && q.amount == c->amount &&
			  (c->text ? q.textlen == strlen(c->text) &&
			   memcmp(q.text, c->text, q.textlen) == 0 : q.textlen == 0),
			  "fields", c->in, got, "the table's fields");
	}
	for (k = 0; k < sizeof(ocases) / sizeof(ocases[0]); k++)
	{
		const OCase *c = &ocases[k];
		PeQuant		q;
		PeError		err;
		PeStatus	st;
		char		got[256],
					want[64];

		st = c->target ? pe_parse_target(c->in, strlen(c->in), &q, buf, &err)
			: pe_parse_measure(c->in, strlen(c->in), &q, buf, &err);
		snprintf(got, sizeof(got), "%s at %d: %s", stname(st),
				 st == PE_OK ? -1 : err.offset, st == PE_OK ? "" : err.detail);
		snprintf(want, sizeof(want), "%s at %d", stname(c->st), c->offset);
		check(st == c->st && err.offset == c->offset, "error offset", c->in,
			  got, want);
	}
}

/* ---------------------------------------------------------------- methods */

typedef struct MCase
{
	const char *in;
	PeStatus	st;
	const char *canon;
} MCase;

static const MCase mcases[] = {
	{"proportional", PE_OK, "proportional"},
	{"  PROPORTIONAL ", PE_OK, "proportional"},
	{"Proportional", PE_OK, "proportional"},
	{"比例", PE_OK, "proportional"},
	{"按比例", PE_OK, "proportional"},
	{"all_or_nothing", PE_OK, "all_or_nothing"},
	{"All_Or_Nothing", PE_OK, "all_or_nothing"},
	{"all-or-nothing", PE_OK, "all_or_nothing"},
	{"达标得满分", PE_OK, "all_or_nothing"},
	{"全有全无", PE_OK, "all_or_nothing"},
	{"floor:60", PE_OK, "floor:60"},
	{"FLOOR : 60", PE_OK, "floor:60"},
	{"floor:60%", PE_OK, "floor:60"},
	{"floor：６０", PE_OK, "floor:60"},
	{"floor:100", PE_OK, "floor:100"},
	{"floor:0.5", PE_OK, "floor:0.5"},
	{"floor:60.000", PE_OK, "floor:60"},
	{"低于60%不得分", PE_OK, "floor:60"},
	{"低于 60 ％ 不得分", PE_OK, "floor:60"},
	{"低于60不得分", PE_OK, "floor:60"},
	{"deduct:1/5", PE_OK, "deduct:1/5"},
	{"Deduct : 1 / 5", PE_OK, "deduct:1/5"},
	{"deduct:0.5/1", PE_OK, "deduct:0.5/1"},
	{"deduct:1／5", PE_OK, "deduct:1/5"},
	{"每低5个百分点扣1分", PE_OK, "deduct:1/5"},
	{"每少5个百分点扣1分", PE_OK, "deduct:1/5"},
	{"每低 2.5 个百分点扣 0.5 分", PE_OK, "deduct:0.5/2.5"},
	/* scored from the values (1.16) */
	{"over:0.5/1", PE_OK, "over:0.5/1"},
	{"OVER : 0.3 ／ 1", PE_OK, "over:0.3/1"},
	{"每超过一个百分点扣0.5分，扣完为止", PE_OK, "over:0.5/1"},
	{"每超过1个百分点扣0.3分", PE_OK, "over:0.3/1"},
	{"每超出 2 百分点，扣 1 分", PE_OK, "over:1/2"},
	{"under:1/1", PE_OK, "under:1/1"},
	{"每低于目标值1个百分点扣1分", PE_OK, "under:1/1"},
	{"每低于目标2个百分点扣0.5分,扣完为止", PE_OK, "under:0.5/2"},
	{"每低于1个百分点扣1分", PE_OK, "under:1/1"},
	{"deviation:1/3", PE_OK, "deviation:1/3"},
	{"实际完成情况与计划每相差3%，扣1分", PE_OK, "deviation:1/3"},
	{"每相差3％扣1分，扣完为止", PE_OK, "deviation:1/3"},
	{"与目标值每相差2.5%扣0.5分", PE_OK, "deviation:0.5/2.5"},
	/* step bands (1.16) */
	{"≥90%得5分，80%（含）-90%得4分，70%（含）-80%得3分，60%（含）-70%得2分，60%以下不得分", PE_OK,
	"bands:<60:0,<70:2,<80:3,<90:4,else:5"},
	{"0得3分，(0,10%]得2分，(10%,20%]得1分，(20%,30%]得0.5分，30%以上不得分", PE_OK,
	"bands:<=0:3,<=10:2,<=20:1,<=30:0.5,else:0"},
	{"bands:<60:0,<70:2,<80:3,<90:4,else:5", PE_OK, "bands:<60:0,<70:2,<80:3,<90:4,else:5"},
	{"BANDS : <= 0 : 3 , ≤10% : 2 , else : 0", PE_OK, "bands:<=0:3,<=10:2,else:0"},
	{"低于60不得分，60（含）-70得2分，70（含）-80得3分，80（含）-90得4分，≥90得5分", PE_OK,
	"bands:<60:0,<70:2,<80:3,<90:4,else:5"},
	{"≤0得3分，(0,10]得2分，(10,20]得1分，(20,30]得0.5分，＞30不得分", PE_OK,
	"bands:<=0:3,<=10:2,<=20:1,<=30:0.5,else:0"},
	{"60%及以上得2分；60%以下得1分", PE_OK, "bands:<60:1,else:2"},
	{"[0,10%)得1分,≥10%得2分,＜0不得分", PE_OK, "bands:<0:0,<10:1,else:2"},
	{"100%得5分，[90%,100%)得4分，90%以下不得分", PE_OK, "bands:<90:0,<100:4,else:5"},
	{"(0,10%]得2分，0得3分，10%以上不得分", PE_OK, "bands:<=0:3,<=10:2,else:0"},
	{"0得3分，5得2分，10%以上不得分", PE_ERR_INVALID, NULL},
	{"bands:<-3276.8:0,<3276.7:40.95,else:0", PE_OK, "bands:<-3276.8:0,<3276.7:40.95,else:0"},
	{"bands:<60:0", PE_ERR_SYNTAX, NULL},
	{"bands:else:5", PE_ERR_INVALID, NULL},
	{"bands:<60:0,<=70:2,else:5", PE_ERR_INVALID, NULL},
	{"bands:<70:0,<60:2,else:5", PE_ERR_INVALID, NULL},
	{"bands:<60.05:0,else:5", PE_ERR_INVALID, NULL},
	{"bands:<3276.8:0,else:5", PE_ERR_INVALID, NULL},
	{"bands:<60:0,else:40.96", PE_ERR_INVALID, NULL},
	{"bands:<60:0,else:0.005", PE_ERR_INVALID, NULL},
	{"bands:<60:-1,else:5", PE_ERR_INVALID, NULL},
	{"bands:<60:NaN,else:5", PE_ERR_SYNTAX, NULL},
	{"bands:<1:0,<2:0,<3:0,<4:0,<5:0,else:0", PE_ERR_INVALID, NULL},
	{"bands:<60:0,else:5,", PE_ERR_SYNTAX, NULL},
	{"≥90%得5分，80%-90%得4分，70%-80%得3分，70%以下不得分", PE_ERR_INVALID, NULL},
	{"≥90%得5分，80%（含）-89%得4分，80%以下不得分", PE_ERR_INVALID, NULL},
	{"≥90%得5分，(80%,90%]得4分，80%以下不得分", PE_ERR_INVALID, NULL},
	{"≥90%得5分，[80%,90%)得4分，(70%,80%]得3分，70%以下不得分", PE_ERR_INVALID, NULL},
	{"≥90%得5分，90%以下得4分，85%以下不得分", PE_ERR_INVALID, NULL},
	{"≥90%得5分，80%（含）-90%得4分", PE_ERR_INVALID, NULL},
	{"≥90%得5分，80%（含）-90%得4分，60%以下得", PE_ERR_SYNTAX, NULL},
	{"≥90%得5分，80%（含）-90%得NaN分，80%以下不得分", PE_ERR_SYNTAX, NULL},
	{"≥90%得5分，1（含）-2得1分，2（含）-3得1分，3（含）-4得1分，4（含）-90得1分，1以下不得分", PE_ERR_INVALID, NULL},
	{"over:0/1", PE_ERR_INVALID, NULL},
	{"under:1/0", PE_ERR_INVALID, NULL},
	{"deviation:-1/3", PE_ERR_INVALID, NULL},
	{"over:1", PE_ERR_SYNTAX, NULL},
	{"over:NaN/1", PE_ERR_SYNTAX, NULL},
	{"deviation:1/NaN", PE_ERR_SYNTAX, NULL},
	{"under:1/1/1", PE_OK, "under:1/1/1"},
	{"每超过一个百分点扣0.5分，扣满5分为止", PE_OK, "over:0.5/1/5"},
	{"实际完成情况与计划每相差3%，扣1分，扣满15分为止", PE_OK, "deviation:1/3/15"},
	{"over:1/1/5242.87", PE_OK, "over:1/1/5242.87"},
	{"over:1099511.627775/1/5242.87", PE_OK, "over:1099511.627775/1/5242.87"},
	{"under:1/1/1/1", PE_ERR_SYNTAX, NULL},
	{"under:1/1/", PE_ERR_SYNTAX, NULL},
	{"under:1/1/0", PE_ERR_INVALID, NULL},
	{"over:1/1/-1", PE_ERR_INVALID, NULL},
	{"over:1/1/-0.000001", PE_ERR_INVALID, NULL},
	{"over:1/1/0.001", PE_ERR_INVALID, NULL},
	{"over:1/1/5242.88", PE_ERR_INVALID, NULL},
	{"over:1099511.627776/1", PE_ERR_INVALID, NULL},
	{"deduct:1/5/5", PE_ERR_SYNTAX, NULL},
	{"每相差3%扣1分，扣满分为止", PE_ERR_SYNTAX, NULL},
	{"每相差3%扣1分，扣满5分", PE_ERR_SYNTAX, NULL},
	{"每相差3%扣1分，扣满0分为止", PE_ERR_INVALID, NULL},
	{"每超过1个百分点", PE_ERR_SYNTAX, NULL},
	{"每超过1%扣1分", PE_ERR_SYNTAX, NULL},
	{"每相差3个百分点扣1分", PE_ERR_SYNTAX, NULL},
	{"实际完成情况与计划相差3%扣1分", PE_ERR_SYNTAX, NULL},
	{"每低于目标值0个百分点扣1分", PE_ERR_INVALID, NULL},
	{"每相差3%扣1分扣完为止为止", PE_ERR_SYNTAX, NULL},
	{"", PE_ERR_EMPTY, NULL},
	{"  ", PE_ERR_EMPTY, NULL},
	{"linear", PE_ERR_SYNTAX, NULL},
	{"proportional2", PE_ERR_SYNTAX, NULL},
	{"floor", PE_ERR_SYNTAX, NULL},
	{"floor:", PE_ERR_SYNTAX, NULL},
	{"floor60", PE_ERR_SYNTAX, NULL},
	{"floor:60x", PE_ERR_SYNTAX, NULL},
	{"floor:0", PE_ERR_INVALID, NULL},
	{"floor:-5", PE_ERR_INVALID, NULL},
	{"floor:100.5", PE_ERR_INVALID, NULL},
	{"floor:1.1234567", PE_ERR_RANGE, NULL},
	{"floor:10000000000000", PE_ERR_RANGE, NULL},
	{"deduct:1", PE_ERR_SYNTAX, NULL},
	{"deduct:1/", PE_ERR_SYNTAX, NULL},
	{"deduct:0/5", PE_ERR_INVALID, NULL},
	{"deduct:1/0", PE_ERR_INVALID, NULL},
	{"deduct:-1/5", PE_ERR_INVALID, NULL},
	{"deduct:1/5/6", PE_ERR_SYNTAX, NULL},
	{"低于60%", PE_ERR_SYNTAX, NULL},
	{"每低5个百分点", PE_ERR_SYNTAX, NULL},
	{"每低5个百分点扣1", PE_ERR_SYNTAX, NULL},
	{"每低0个百分点扣1分", PE_ERR_INVALID, NULL},
	{"\xff", PE_ERR_SYNTAX, NULL},
};

/* Run the method table, with round trips. */
static void
test_methods(void)
{
	size_t		k;

	for (k = 0; k < sizeof(mcases) / sizeof(mcases[0]); k++)
	{
		const MCase *c = &mcases[k];
		PeMethod	m,
					m2;
		PeError		err;
		PeStatus	st;
		char		out[PE_METHOD_BUFLEN];

		st = pe_parse_method(c->in, strlen(c->in), &m, &err);
		check(st == c->st, "method", c->in, stname(st), stname(c->st));
		if (st != c->st)
			continue;
		if (st != PE_OK)
		{
			check(detail_ok(&err, strlen(c->in)), "error detail", c->in,
				  err.detail ? err.detail : "(null)", "a sentence");
			continue;
		}
		pe_format_method(&m, out);
		check(strcmp(out, c->canon) == 0, "method", c->in, out, c->canon);
		st = pe_parse_method(out, strlen(out), &m2, &err);
		check(st == PE_OK && m.kind == m2.kind && m.p1 == m2.p1 &&
			  m.p2 == m2.p2, "method round trip", c->in, out, c->canon);
		/* the Chinese spelling (what an export writes) reads back the same */
		pe_format_method_zh(&m, out);
		st = pe_parse_method(out, strlen(out), &m2, &err);
		check(st == PE_OK && m.kind == m2.kind && m.p1 == m2.p1 &&
			  m.p2 == m2.p2, "method zh round trip", c->in, out, c->canon);
	}
	{
		PeMethod	m;
		char		out[PE_METHOD_BUFLEN];

		(void) pe_parse_method("deduct:1.5/5", 12, &m, NULL);
		pe_format_method_zh(&m, out);
		check(strcmp(out, "每低5个百分点扣1.5分") == 0, "method zh", "deduct:1.5/5", out, "每低5个百分点扣1.5分");
		(void) pe_parse_method("floor:60", 8, &m, NULL);
		pe_format_method_zh(&m, out);
		check(strcmp(out, "低于60%不得分") == 0, "method zh", "floor:60", out, "低于60%不得分");
		(void) pe_parse_method("over:0.5/1", 10, &m, NULL);
		pe_format_method_zh(&m, out);
		check(strcmp(out, "每超过1个百分点扣0.5分") == 0, "method zh", "over:0.5/1", out, "每超过1个百分点扣0.5分");
		(void) pe_parse_method("under:1/1", 9, &m, NULL);
		pe_format_method_zh(&m, out);
		check(strcmp(out, "每低于目标值1个百分点扣1分") == 0, "method zh", "under:1/1", out, "每低于目标值1个百分点扣1分");
		(void) pe_parse_method("deviation:1/3", 13, &m, NULL);
		pe_format_method_zh(&m, out);
		check(strcmp(out, "每相差3%扣1分") == 0, "method zh", "deviation:1/3", out, "每相差3%扣1分");
		(void) pe_parse_method("deviation:1/3/15", 16, &m, NULL);
		pe_format_method_zh(&m, out);
		check(strcmp(out, "每相差3%扣1分，扣满15分为止") == 0, "method zh", "deviation:1/3/15", out,
			  "每相差3%扣1分，扣满15分为止");
	}
}

/* ----------------------------------------------------------- grade scales */

typedef struct GCase
{
	const char *in;
	PeStatus	st;
	const char *canon;			/* label:threshold,... */
} GCase;

static const GCase gcases[] = {
	{"优:90,良:80,中:60,差:0", PE_OK, "优:90,良:80,中:60,差:0"},
	{" 优 ： 90 ， 良：80；中:60; 差:0 ", PE_OK, "优:90,良:80,中:60,差:0"},
	{"A:90.5,B:0", PE_OK, "A:90.5,B:0"},
	{"pass:0", PE_OK, "pass:0"},
	{"优秀 等级:９０,合格:0", PE_OK, "优秀 等级:90,合格:0"},
	{"1:2,0:0", PE_OK, "1:2,0:0"},
	{"a:15,b:14,c:13,d:12,e:11,f:10,g:9,h:8,i:7,j:6,k:5,l:4,m:3,n:2,o:1,p:0",
	 PE_OK, "a:15,b:14,c:13,d:12,e:11,f:10,g:9,h:8,i:7,j:6,k:5,l:4,m:3,n:2,o:1,p:0"},
	{"", PE_ERR_EMPTY, NULL},
	{" ", PE_ERR_EMPTY, NULL},
	{"优:90,良:80,中:60", PE_ERR_INVALID, NULL},
	{"优:90,良:90,差:0", PE_ERR_INVALID, NULL},
	{"优:80,良:90,差:0", PE_ERR_INVALID, NULL},
	{"优:90,差:0,劣:-10", PE_ERR_INVALID, NULL},
	{"a:16,b:15,c:14,d:13,e:12,f:11,g:10,h:9,i:8,j:7,k:6,l:5,m:4,n:3,o:2,p:1,q:0",
	 PE_ERR_INVALID, NULL},
	{"优:90,,差:0", PE_ERR_SYNTAX, NULL},
	{"优:90,差:0,", PE_ERR_SYNTAX, NULL},
	{"优90,差:0", PE_ERR_SYNTAX, NULL},
	{":90,差:0", PE_ERR_SYNTAX, NULL},
	{"优:,差:0", PE_ERR_SYNTAX, NULL},
	{"优:abc,差:0", PE_ERR_SYNTAX, NULL},
	{"优:90分,差:0", PE_ERR_SYNTAX, NULL},
	{"优:9:0,差:0", PE_ERR_SYNTAX, NULL},
	{"优:1.1234567,差:0", PE_ERR_RANGE, NULL},
	{"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa:0",
	 PE_ERR_RANGE, NULL},
	{"\xe4\xbc:0", PE_ERR_SYNTAX, NULL},
};

/* Run the grade-scale table and the grade index checks. */
static void
test_grades(void)
{
	size_t		k;
	PeBand		bands[PE_MAX_BANDS];
	int			n;
	char		labels[512];
	PeError		err;

	for (k = 0; k < sizeof(gcases) / sizeof(gcases[0]); k++)
	{
		const GCase *c = &gcases[k];
		PeStatus	st;
		char		out[1024];
		size_t		o = 0;
		int			i;

		st = pe_parse_grades(c->in, strlen(c->in), bands, &n, labels, &err);
		check(st == c->st, "grades", c->in, stname(st), stname(c->st));
		if (st != c->st)
		{
			if (st != PE_OK)
				printf("     detail: %s (offset %d)\n", err.detail, err.offset);
			continue;
		}
		if (st != PE_OK)
		{
			check(detail_ok(&err, strlen(c->in)) && n == 0, "error detail",
				  c->in, err.detail ? err.detail : "(null)", "a sentence");
			continue;
		}
		for (i = 0; i < n; i++)
		{
			if (i > 0)
				out[o++] = ',';
			memcpy(out + o, labels + bands[i].label_off, bands[i].label_len);
			o += bands[i].label_len;
			out[o++] = ':';
			o += pe_format_fixed(bands[i].threshold, out + o);
		}
		out[o] = '\0';
		check(strcmp(out, c->canon) == 0, "grades", c->in, out, c->canon);
	}

	pe_parse_grades("优:90,良:80,中:60,差:0", strlen("优:90,良:80,中:60,差:0"),
					bands, &n, labels, &err);
	{
		static const struct
		{
			int64_t		score;
			int			index;
		}			ix[] = {
			{INT64_C(100000000), 0}, {INT64_C(90000000), 0},
			{INT64_C(89999999), 1}, {INT64_C(80000000), 1},
			{INT64_C(79000000), 2}, {INT64_C(60000000), 2},
			{INT64_C(59999999), 3}, {0, 3}, {-1, 3},
			{INT64_C(-50000000), 3},
		};
		char		got[32],
					want[32];

		for (k = 0; k < sizeof(ix) / sizeof(ix[0]); k++)
		{
			int			g = pe_grade_index(bands, n, ix[k].score);

			snprintf(got, sizeof(got), "%d", g);
			snprintf(want, sizeof(want), "%d", ix[k].index);
			check(g == ix[k].index, "grade index", "优:90,良:80,中:60,差:0", got, want);
		}
		check(pe_grade_index(bands, 0, 0) == -1, "grade index", "(no bands)",
			  "", "-1");
	}
}

/* ------------------------------------------------------- small functions */

/* pe_format_fixed, pe_unit_name, pe_cmp_symbol, pe_unit_dim. */
static void
test_small(void)
{
	static const struct
	{
		int64_t		v;
		const char *s;
	}			fx[] = {
		{0, "0"}, {1, "0.000001"}, {-1, "-0.000001"}, {INT64_C(500000), "0.5"},
		{INT64_C(2000000000), "2000"}, {INT64_C(-12250000), "-12.25"},
		{INT64_C(1000001), "1.000001"}, {INT64_C(10000000), "10"},
		{PE_MAX_ABS, "999999999999.999999"}, {-PE_MAX_ABS, "-999999999999.999999"},
		{INT64_MAX, "9223372036854.775807"}, {INT64_MIN, "-9223372036854.775808"},
	};
	static const struct
	{
		int			u;
		const char *name;
		PeDim		dim;
	}			un[] = {
		{PE_UNIT_NONE, "", PE_DIM_NONE}, {PE_UNIT_YUAN, "元", PE_DIM_MONEY},
		{PE_UNIT_WANYUAN, "万元", PE_DIM_MONEY}, {PE_UNIT_YIYUAN, "亿元", PE_DIM_MONEY},
		{PE_UNIT_PERCENT, "%", PE_DIM_PERCENT}, {PE_UNIT_JIA, "家", PE_DIM_COUNT},
		{PE_UNIT_GE, "个", PE_DIM_COUNT}, {PE_UNIT_REN, "人", PE_DIM_COUNT},
		{PE_UNIT_RENCI, "人次", PE_DIM_COUNT}, {PE_UNIT_CI, "次", PE_DIM_COUNT},
		{PE_UNIT_ZHONG, "种", PE_DIM_COUNT}, {PE_UNIT_TIAO, "条", PE_DIM_COUNT},
		{PE_UNIT_LIANG, "辆", PE_DIM_COUNT}, {PE_UNIT_LI, "例", PE_DIM_COUNT},
		{PE_UNIT_XIANG, "项", PE_DIM_COUNT}, {PE_UNIT_SUO, "所", PE_DIM_COUNT},
		{PE_UNIT_TIAN, "天", PE_DIM_DAY}, {PE_UNIT_RI, "日", PE_DIM_DAY},
		{PE_UNIT_YUE, "月", PE_DIM_OTHER}, {PE_UNIT_NIAN, "年", PE_DIM_OTHER},
		{PE_UNIT_XIAOSHI, "小时", PE_DIM_OTHER}, {PE_UNIT_CUSTOM, "", PE_DIM_OTHER},
		{PE_UNIT_QUAL, "", PE_DIM_NONE}, {-1, "", PE_DIM_OTHER},
	};
	static const struct
	{
		int			c;
		const char *sym;
	}			cm[] = {
		{PE_CMP_NONE, ""}, {PE_CMP_EQ, "="}, {PE_CMP_GE, "≥"},
		{PE_CMP_GT, ">"}, {PE_CMP_LE, "≤"}, {PE_CMP_LT, "<"}, {9, ""},
	};
	size_t		k;
	char		buf[32];

	for (k = 0; k < sizeof(fx) / sizeof(fx[0]); k++)
	{
		size_t		n = pe_format_fixed(fx[k].v, buf);

		check(strcmp(buf, fx[k].s) == 0 && n == strlen(fx[k].s),
			  "format_fixed", fx[k].s, buf, fx[k].s);
	}
	for (k = 0; k < sizeof(un) / sizeof(un[0]); k++)
	{
		snprintf(buf, sizeof(buf), "%d", (int) pe_unit_dim(un[k].u));
		check(strcmp(pe_unit_name(un[k].u), un[k].name) == 0, "unit_name",
			  un[k].name, pe_unit_name(un[k].u), un[k].name);
		check(pe_unit_dim(un[k].u) == un[k].dim, "unit_dim", un[k].name,
			  buf, "the table's dimension");
	}
	for (k = 0; k < sizeof(cm) / sizeof(cm[0]); k++)
		check(strcmp(pe_cmp_symbol(cm[k].c), cm[k].sym) == 0, "cmp_symbol",
			  cm[k].sym, pe_cmp_symbol(cm[k].c), cm[k].sym);
}

/* Numbers as forms write them: what reads, what does not. */
static void
test_form_numbers(void)
{
	static const struct
	{
		const char *in;
		const char *out;		/* NULL: refused; "" empty field */
	}			fx[] = {
		{"25", "25"}, {"1,045.5", "1045.5"}, {"0.3", "0.3"}, {" 1 234 ", "1234"},
		{"１２３．５", "123.5"}, {"－５", "-5"}, {"１，２３４", "1234"},
		{"-12,345,678.25", "-12345678.25"}, {"123,456", "123456"}, {"", ""}, {"   ", ""},
		{"1,00", NULL}, {"1234,567", NULL}, {",123", NULL}, {"1,", NULL}, {"1.", NULL},
		{".5", NULL}, {"-", NULL}, {"--1", NULL}, {"1-", NULL}, {"5万元", NULL},
		{"1.2.3", NULL}, {"1,234,56", NULL}, {"1\u3000", NULL}, {"1e5", NULL},
		{"\xef\xbc", NULL}, {"12%", NULL},
	};
	size_t		k;

	for (k = 0; k < sizeof(fx) / sizeof(fx[0]); k++)
	{
		char		buf[64];
		PeError		err;
		PeStatus	st = pe_parse_form_number(fx[k].in, strlen(fx[k].in), buf, &err);
		bool		ok = fx[k].out == NULL ? st == PE_ERR_SYNTAX && err.detail != NULL :
			fx[k].out[0] == '\0' ? st == PE_NULL : st == PE_OK && strcmp(buf, fx[k].out) == 0;

		check(ok, "form_number", fx[k].in, st == PE_OK ? buf : "(refused)",
			  fx[k].out ? fx[k].out : "(refused)");
	}
}

/* A form row's target and actual as the warehouse reads them. */
static void
test_form_rows(void)
{
	static const struct
	{
		const char *nature,
				   *value,
				   *unit,
				   *year,
				   *want;		/* NULL: no target */
	}			tg[] = {
		{"", "≥95%", "", "2024", "≥95%"}, {"≥", "95", "%", "2024", "≥95%"},
		{"≥", "95%", "%", "2024", "≥95%"}, {"", "95", "%", "2024", "95%"},
		{"定性", "有效提升", "", "2024", "有效提升"}, {"定性", "好", "%", "2024", "好"},
		{"", "3.5", "万人", "2024", "3.5万人"}, {"≥", "3.5", "万人", "2024", "≥3.5万人"},
		{" ≥ ", " 5 ", " 家 ", "2024", "≥5家"}, {"不低于", "5", "", "2024", "不低于5"},
		{"", "12月底前", "", "2024", "2024年12月底前"}, {"", "１２月底前", "", "2024", "2024年１２月底前"},
		{"≤", "12月31日", "", "2024", "≤2024年12月31日"}, {"", "≤3月", "", "2024", "≤2024年3月"},
		{"", "2024年10月底前", "", "2024", "2024年10月底前"}, {"", "123月", "", "2024", "123月"},
		{"", "12月底前", "", NULL, "12月底前"}, {"", "12月底前", "", "二〇二四", "12月底前"},
		{"", "12月底前", "", "202", "12月底前"},
		/* deadlines in words (1.16): the year after 于, and before 年底 / 年末 / 年内
		 * when that makes a date */
		{"", "12月底前完成", "", "2024", "2024年12月底前完成"}, {"", "12月底之前完成", "", "2024", "2024年12月底之前完成"},
		{"", "6月30日前完成", "", "2024", "2024年6月30日前完成"}, {"", "2020年12月底前完成", "", "2024", "2020年12月底前完成"},
		{"", "于9月底前完成", "", "2024", "于2024年9月底前完成"}, {"", "于 9月底前完成", "", "2024", "于 2024年9月底前完成"},
		{"", "于2024年9月底前完成", "", "2024", "于2024年9月底前完成"}, {"", "年底前完成", "", "2024", "2024年底前完成"},
		{"定性", "年底前完成", "", "2024", "2024年底前完成"}, {"", "年末前完成", "", "2024", "2024年末前完成"},
		{"", "年内完成", "", "2024", "2024年内完成"}, {"", "年底", "", "2024", "2024年底"},
		{"", "年底前完成验收", "", "2024", "年底前完成验收"}, {"", "年度目标", "", "2024", "年度目标"},
		{"", "年底前完成", "", NULL, "年底前完成"}, {"", "年底前完成", "", "二〇二四", "年底前完成"},
		{"", "按期完成", "", "2024", "按期完成"}, {"≤", "年底", "", "2024", "≤2024年底"},
		{"", "年底前完成", "时间", "2024", "年底前完成时间"}, {"", "年底前", "完成", "2024", "2024年底前完成"},
		{"定性", "年底前完成", "时间", "2024", "2024年底前完成"},
		{"", "", "%", "2024", NULL}, {NULL, "  ", NULL, NULL, NULL}, {"≥", NULL, "%", "2024", NULL},
	};
	static const struct
	{
		const char *actual,
				   *nature,
				   *value,
				   *year,
				   *want;
	}			ac[] = {
		{"≥266米", "", "≥266米", "2024", "266米"}, {"≥266米", "≥", "266", "2024", "266米"},
		{"≥266米", "≤", "266", "2024", "≥266米"}, {"不低于5", "不低于", "5", "2024", "5"},
		{" ≥ 5 ", "", "≥5", "2024", " 5"}, {"100%", "≥", "95", "2024", "100%"},
		{"≥5", "", "5", "2024", "≥5"}, {">=5", "≥", "5", "2024", ">=5"},
		{"12月20日", "", "12月底前", "2024", "2024年12月20日"}, {"2024-12-20", "", "12月底前", "2024", "2024-12-20"},
		{"12月20日完成", "", "12月底前完成", "2024", "2024年12月20日完成"},
		{"已于11月完成", "", "12月底前完成", "2024", "已于2024年11月完成"},
		{"于11月20日完成", "", "年底前完成", "2024", "于2024年11月20日完成"},
		{"已于2025年1月完成", "", "12月底前", "2024", "已于2025年1月完成"},
		{"已完成", "", "12月底前完成", "2024", "已完成"}, {"年底完成", "", "年底前完成", "2024", "年底完成"},
		{"年内完成", "", "年内完成", "2024", "年内完成"},
		{"", "≥", "5", "2024", NULL}, {NULL, "≥", "5", "2024", NULL}, {"  ", NULL, NULL, NULL, NULL},
		{"5家", NULL, NULL, NULL, "5家"},
	};
	size_t		k;

	for (k = 0; k < sizeof(tg) / sizeof(tg[0]); k++)
	{
		char		out[256];
		bool		got = pe_form_target(tg[k].nature, tg[k].value, tg[k].unit, tg[k].year, out);

		check(tg[k].want ? got && strcmp(out, tg[k].want) == 0 : !got, "form_target",
			  tg[k].value ? tg[k].value : "(null)", got ? out : "(null)", tg[k].want ? tg[k].want : "(null)");
	}
	for (k = 0; k < sizeof(ac) / sizeof(ac[0]); k++)
	{
		char		out[256];
		bool		got = pe_form_actual(ac[k].actual, ac[k].nature, ac[k].value, ac[k].year, out);

		check(ac[k].want ? got && strcmp(out, ac[k].want) == 0 : !got, "form_actual",
			  ac[k].actual ? ac[k].actual : "(null)", got ? out : "(null)", ac[k].want ? ac[k].want : "(null)");
	}
	{
		/* what the composed texts read as (1.16): the deadline a target's words
		 * state, the date an actual's words state */
		static const struct
		{
			bool		target;
			const char *value,
					   *year,
					   *want;		/* NULL: refused */
		}			rd[] = {
			{true, "12月底前完成", "2024", "2024年12月31日前"}, {true, "12月底之前完成", "2024", "2024年12月31日前"},
			{true, "2020年12月底前完成", "2024", "2020年12月31日前"}, {true, "年底前完成", "2024", "2024年12月31日前"},
			{true, "6月30日前完成", "2024", "2024年6月30日前"}, {true, "于2024年9月底前完成", "2024", "2024年9月30日前"},
			{true, "年内完成", "2024", "2024年12月31日前"}, {true, "12月31日前完成", "2024", "2024年12月31日前"},
			{true, "年底前完成验收", "2024", "年底前完成验收"}, {true, "年底前完成", NULL, "年底前完成"},
			{true, "年底前完成时间", "2024", "年底前完成时间"},
			{true, "12月底前完成", NULL, NULL},
			{false, "12月20日完成", "2024", "2024年12月20日"}, {false, "已于11月完成", "2024", "2024年11月30日"},
			{false, "2024年11月完成", "2024", "2024年11月30日"}, {false, "于11月20日完成", "2024", "2024年11月20日"},
			{false, "已于12月完成", "2024", "2024年12月31日"}, {false, "已完成", "2024", "已完成"},
			{false, "年底完成", "2024", "年底完成"}, {false, "12月底前完成", "2024", NULL},
		};

		for (k = 0; k < sizeof(rd) / sizeof(rd[0]); k++)
		{
			char		text[256],
						buf[256],
						out[256];
			PeQuant		q;
			PeError		err;
			PeStatus	st;

			if (rd[k].target)
				pe_form_target("", rd[k].value, "", rd[k].year, text);
			else
				pe_form_actual(rd[k].value, "", "", rd[k].year, text);
			st = rd[k].target ? pe_parse_target(text, strlen(text), &q, buf, &err)
				: pe_parse_measure(text, strlen(text), &q, buf, &err);
			if (st == PE_OK)
				pe_format_quant(&q, rd[k].target, out);
			check(rd[k].want ? st == PE_OK && strcmp(out, rd[k].want) == 0 : st == PE_ERR_SYNTAX,
				  rd[k].target ? "form target reads" : "form actual reads", rd[k].value,
				  st == PE_OK ? out : stname(st), rd[k].want ? rd[k].want : "(refused)");
		}
	}
	{
		/* 指标性质 with a bracketed method: the comparator part, the method */
		static const struct
		{
			const char *in,
					   *nature,
					   *method;
		}			nm[] = {
			{"≥", "≥", ""}, {"", "", ""}, {"定性", "定性", ""},
			{"≥（每低5个百分点扣1分）", "≥", "每低5个百分点扣1分"},
			{" ≥ （低于60%不得分） ", " ≥", "低于60%不得分"}, {"（达标得满分）", "", "达标得满分"},
			{"≤(floor:60)", "≤", "floor:60"}, {"≥（a)", "≥（a)", ""}, {"）", "）", ""},
			{"定性（按比例）", "定性", "按比例"}, {"(x（y）", "(x", "y"},
			/* brackets inside the method (step bands, 1.16): the matching one */
			{"≥（≥90%得5分，80%（含）-90%得4分，80%以下不得分）", "≥", "≥90%得5分，80%（含）-90%得4分，80%以下不得分"},
			{"≤（0得3分，(0,10%]得2分，10%以上不得分）", "≤", "0得3分，(0,10%]得2分，10%以上不得分"},
			{"≥(a(b)c)", "≥", "a(b)c"}, {"≥（（含）", "≥（", "含"},
		};

		for (k = 0; k < sizeof(nm) / sizeof(nm[0]); k++)
		{
			size_t		mb,
						me,
						n = pe_form_nature_method(nm[k].in, strlen(nm[k].in), &mb, &me);
			char		got[128];

			snprintf(got, sizeof(got), "%.*s|%.*s", (int) n, nm[k].in, (int) (me - mb), nm[k].in + mb);
			check(n == strlen(nm[k].nature) && memcmp(nm[k].in, nm[k].nature, n) == 0 &&
				  me - mb == strlen(nm[k].method) && memcmp(nm[k].in + mb, nm[k].method, me - mb) == 0,
				  "form_nature_method", nm[k].in, got, nm[k].method);
		}
	}
	check(pe_form_not_applicable(" 不适用 ") && !pe_form_not_applicable("不适用于") && !pe_form_not_applicable(NULL),
		  "form_not_applicable", " 不适用 / 不适用于 / NULL", "", "t / f / f");
	{
		char		out[64];

		check(!pe_form_actual("不适用", "≥", "5", "2024", out), "form_actual", "不适用", "", "(null)");
	}
	check(pe_form_comparator("  不低于5") == strlen("不低于"), "form_comparator", "  不低于5", "", "不低于");
	check(pe_form_comparator(">=5") == 2 && pe_form_comparator("5") == 0 && pe_form_comparator(NULL) == 0,
		  "form_comparator", ">=5 / 5 / NULL", "", "2 / 0 / 0");
}

/*
 * Invisible characters (1.15): one rule, pe_check_text(), for every type.
 * Each case: the input, the code point refused (0: accepted) and its
 * character position; the same input is tried as a target, a measure, a
 * method and a grade scale (all refuse it for the same character).
 */
static void
test_invisible(void)
{
	static const struct
	{
		const char *in;
		uint32_t	cp;
		int			ch;
	}			cases[] = {
		/* the example: U+FEFF inside the unit */
		{"不低于2,000 万\xef\xbb\xbf元／家", 0xFEFF, 11},
		{"\xef\xbb\xbf" "5家", 0xFEFF, 1},
		{"5家\xef\xbb\xbf", 0xFEFF, 3},
		{"5\xe2\x80\x8b家", 0x200B, 2}, {"5\xe2\x80\x8c家", 0x200C, 2},
		{"5\xe2\x80\x8d家", 0x200D, 2}, {"5\xe2\x80\x8e家", 0x200E, 2},
		{"5\xe2\x80\x8f家", 0x200F, 2}, {"稳步\xe2\x80\xa8增长", 0x2028, 3},
		{"稳步\xe2\x80\xa9增长", 0x2029, 3}, {"\xe2\x80\xaa" "5家", 0x202A, 1},
		{"\xe2\x80\xae" "5家", 0x202E, 1}, {"5\xe2\x81\xa0人", 0x2060, 2},
		{"5\xe2\x81\xa4人", 0x2064, 2}, {"5\xe2\x81\xaa人", 0x206A, 2},
		{"5\xe2\x81\xaf人", 0x206F, 2}, {"5\xe2\x81\xa6人", 0x2066, 2},
		{"5\xd8\x9c", 0x061C, 2}, {"5\xc2\xad家", 0xAD, 2},
		{"5\xe1\xa0\x8e家", 0x180E, 2}, {"5\xef\xbf\xb9家", 0xFFF9, 2},
		{"5\xf3\xa0\x80\x81家", 0xE0001, 2},
		/* C0 controls, DEL and C1 controls anywhere */
		{"5\x01家", 0x01, 2}, {"\x1f" "5家", 0x1F, 1}, {"5家\x7f", 0x7F, 3},
		{"5\xc2\x80家", 0x80, 2}, {"5\xc2\x9f家", 0x9F, 2}, {"5家\x1b", 0x1B, 3},
		/* tab and line breaks: trimmed around a value, refused inside it */
		{"5\t家", 0x09, 2}, {"稳步\n增长", 0x0A, 3}, {"5 \r\n家", 0x0D, 3},
		{"≥5\x0b家", 0x0B, 3}, {"≥5\x0c家", 0x0C, 3},
		{"\t\n 5家 \r\n", 0, 0}, {"5家\t", 0, 0},
		/* visible spaces and look-alikes stay accepted */
		{"5\xc2\xa0家", 0, 0}, {"5\xe3\x80\x80家", 0, 0}, {"5 家", 0, 0},
		{"5\xe2\x80\x90家", 0, 0},	/* U+2010 hyphen: visible */
		{"5\xe2\x80\xaf家", 0, 0},	/* U+202F narrow no-break space */
	};
	static const char *const wrap[][2] = {
		{"", ""}, {"deduct:", ""}, {"优:90,", ":0"},
	};
	size_t		k;

	for (k = 0; k < sizeof(cases) / sizeof(cases[0]); k++)
	{
		PeError		err;
		PeStatus	st = pe_check_text(cases[k].in, strlen(cases[k].in), &err);
		char		got[64],
					want[64];

		snprintf(got, sizeof(got), "%s U+%04X at %d", st == PE_OK ? "ok" : "refused",
				 st == PE_OK ? 0 : (unsigned) err.codepoint, st == PE_OK ? 0 : err.character);
		snprintf(want, sizeof(want), "%s U+%04X at %d", cases[k].cp ? "refused" : "ok",
				 (unsigned) cases[k].cp, cases[k].ch);
		check(strcmp(got, want) == 0, "check_text", cases[k].in, got, want);
		if (st != PE_OK)
			check(err.detail == pe_detail_invisible && err.status == PE_ERR_SYNTAX &&
				  detail_ok(&err, strlen(cases[k].in)),
				  "invisible detail", cases[k].in, err.detail, pe_detail_invisible);
		check(cases[k].cp == 0 || pe_invisible(cases[k].cp), "pe_invisible",
			  cases[k].in, "false", "true");
		/* every text type refuses it for the same character */
		if (cases[k].cp == 0)
			continue;
		for (size_t w = 0; w < sizeof(wrap) / sizeof(wrap[0]); w++)
		{
			char		in[256],
						buf[512];
			PeQuant		q;
			PeMethod	m;
			PeBand		bands[PE_MAX_BANDS];
			int			n;
			size_t		len;

			snprintf(in, sizeof(in), "%s%s%s", wrap[w][0], cases[k].in, wrap[w][1]);
			len = strlen(in);
			memset(&err, 0, sizeof(err));
			if (w == 0)
			{
				st = pe_parse_target(in, len, &q, buf, &err);
				check(st == PE_ERR_SYNTAX && err.codepoint == cases[k].cp, "target refuses", in,
					  stname(st), "PE_ERR_SYNTAX naming the code point");
				st = pe_parse_measure(in, len, &q, buf, &err);
				check(st == PE_ERR_SYNTAX && err.codepoint == cases[k].cp, "measure refuses", in,
					  stname(st), "PE_ERR_SYNTAX naming the code point");
			}
			else if (w == 1)
			{
				st = pe_parse_method(in, len, &m, &err);
				check(st == PE_ERR_SYNTAX && err.codepoint == cases[k].cp, "method refuses", in,
					  stname(st), "PE_ERR_SYNTAX naming the code point");
			}
			else
			{
				st = pe_parse_grades(in, len, bands, &n, buf, &err);
				check(st == PE_ERR_SYNTAX && err.codepoint == cases[k].cp, "grades refuse", in,
					  stname(st), "PE_ERR_SYNTAX naming the code point");
			}
		}
	}
	/* the whole ranges, code point by code point, and their neighbours */
	for (uint32_t cp = 0; cp < 0x110000; cp++)
	{
		bool		want = cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0xAD ||
			cp == 0x61C || cp == 0x180E || (cp >= 0x200B && cp <= 0x200F) ||
			(cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x206F) ||
			cp == 0xFEFF || (cp >= 0xFFF9 && cp <= 0xFFFB) || (cp >= 0xE0000 && cp <= 0xE007F);

		if (pe_invisible(cp) != want)
		{
			char		c[16];

			snprintf(c, sizeof(c), "U+%04X", (unsigned) cp);
			check(false, "pe_invisible", c, want ? "visible" : "invisible", want ? "invisible" : "visible");
		}
	}
	npass++;
}

/* Binary forms (1.15): every length and field checked before use. */
static void
test_wire(void)
{
	/* ≥2000万元: version 1, cmp GE, unit 万元, per none, 2000 × 10^6 */
	static const char good[] = "\x01\x02\x02\x00\x00\x00\x00\x00\x77\x35\x94\x00";
	static const char phrase[] = "\x01\x00\xff\x00\x00\x00\x00\x00\x00\x00\x00\x00稳步增长";
	static const char bom[] = "\x01\x00\xff\x00\x00\x00\x00\x00\x00\x00\x00\x00稳步\xef\xbb\xbf增长";
	static const char method[] = "\x01\x03\x00\x00\x00\x00\x00\x0f\x42\x40\x00\x00\x00\x00\x00\x4c\x4b\x40";
	char		buf[PE_QUANT_WIRE_BUF(600)],
				out[PE_QUANT_BUFLEN + 600];
	PeQuant		q;
	PeMethod	m;
	PeError		err;
	PeStatus	st;
	int64_t		v[PE_SCORE_SUM_FIELDS];
	size_t		k;

	st = pe_quant_from_wire(good, 12, true, &q, buf, &err);
	pe_format_quant(&q, true, out);
	check(st == PE_OK && strcmp(out, "≥2000万元") == 0, "quant_from_wire", "≥2000万元", out, "≥2000万元");
	st = pe_quant_from_wire(phrase, sizeof(phrase) - 1, false, &q, buf, &err);
	check(st == PE_OK && q.unit == PE_UNIT_QUAL && q.textlen == 12, "quant_from_wire", "稳步增长",
		  stname(st), "PE_OK");
	st = pe_quant_from_wire(bom, sizeof(bom) - 1, false, &q, buf, &err);
	check(st == PE_ERR_SYNTAX && err.codepoint == 0xFEFF && err.offset == 18,
		  "quant_from_wire refuses U+FEFF", "稳步\\uFEFF增长", stname(st), "PE_ERR_SYNTAX at byte 18");
	/* every truncation of a valid value, zero length included */
	for (k = 0; k < 12; k++)
	{
		st = pe_quant_from_wire(good, k, true, &q, buf, &err);
		check(st == PE_ERR_SYNTAX && detail_ok(&err, k), "quant_from_wire truncated", "≥2000万元",
			  stname(st), "PE_ERR_SYNTAX");
	}
	{
		static const struct
		{
			const char *bytes;
			size_t		len;
			bool		target;
			PeStatus	st;
		}			bad[] = {
			{"\x02\x02\x02\x00\x00\x00\x00\x00\x77\x35\x94\x00", 12, true, PE_ERR_SYNTAX},	/* version */
			{"\x01\x09\x02\x00\x00\x00\x00\x00\x77\x35\x94\x00", 12, true, PE_ERR_SYNTAX},	/* cmp */
			{"\x01\x02\x02\x00\x00\x00\x00\x00\x77\x35\x94\x00", 12, false, PE_ERR_SYNTAX},	/* measure with cmp */
			{"\x01\x02\xc8\x00\x00\x00\x00\x00\x77\x35\x94\x00", 12, true, PE_ERR_SYNTAX},	/* unit */
			{"\x01\x02\x02\x30\x00\x00\x00\x00\x77\x35\x94\x00", 12, true, PE_ERR_SYNTAX},	/* per */
			{"\x01\x02\x02\x00\x7f\xff\xff\xff\xff\xff\xff\xff", 12, true, PE_ERR_RANGE},	/* huge */
			{"\x01\x02\x02\x00\x80\x00\x00\x00\x00\x00\x00\x00", 12, true, PE_ERR_RANGE},	/* negative */
			{"\x01\x00\xff\x00\x00\x00\x00\x00\x00\x00\x00\x00", 12, false, PE_ERR_SYNTAX},	/* empty phrase */
			{"\x01\x00\xff\x00\x00\x00\x00\x00\x00\x00\x00\x01\xe7\xa8\xb3", 15, false, PE_ERR_SYNTAX},
			{"\x01\x02\x02\x00\x00\x00\x00\x00\x77\x35\x94\x00\x00", 13, true, PE_ERR_SYNTAX},	/* NUL text */
			{"\x01\x00\xff\x00\x00\x00\x00\x00\x00\x00\x00\x00\xe7\xa8", 14, false, PE_ERR_SYNTAX},	/* cut UTF-8 */
		};

		for (k = 0; k < sizeof(bad) / sizeof(bad[0]); k++)
		{
			memset(&err, 0, sizeof(err));
			st = pe_quant_from_wire(bad[k].bytes, bad[k].len, bad[k].target, &q, buf, &err);
			snprintf(out, sizeof(out), "bad wire value %d", (int) k);
			check(st == bad[k].st && detail_ok(&err, bad[k].len), "quant_from_wire", out,
				  stname(st), stname(bad[k].st));
		}
	}
	{
		char		big[PE_MAX_TEXT + 20];

		memcpy(big, phrase, 12);
		memset(big + 12, 'a', PE_MAX_TEXT + 1);
		st = pe_quant_from_wire(big, 12 + PE_MAX_TEXT + 1, false, &q, buf, &err);
		check(st == PE_ERR_RANGE, "quant_from_wire oversized", "201 bytes of text", stname(st), "PE_ERR_RANGE");
		st = pe_quant_from_wire(big, 12 + PE_MAX_TEXT, false, &q, buf, &err);
		check(st == PE_OK, "quant_from_wire at the limit", "200 bytes of text", stname(st), "PE_OK");
	}

	/* methods: deduct:1/5 */
	st = pe_method_from_wire(method, 18, &m, &err);
	check(st == PE_OK && m.kind == PE_METHOD_DEDUCT && m.p1 == PE_SCALE && m.p2 == 5 * PE_SCALE,
		  "method_from_wire", "deduct:1/5", stname(st), "PE_OK");
	for (k = 0; k <= 19; k++)
		if (k != 18)
		{
			char		x[20] = {0};

			memcpy(x, method, 18);
			st = pe_method_from_wire(x, k, &m, &err);
			check(st == PE_ERR_SYNTAX && detail_ok(&err, k), "method_from_wire length", "deduct:1/5",
				  stname(st), "PE_ERR_SYNTAX");
		}
	{
		char		x[18];

		memcpy(x, method, 18);
		x[1] = 0;				/* proportional with parameters: not canonical */
		check(pe_method_from_wire(x, 18, &m, &err) == PE_ERR_SYNTAX, "method_from_wire", "proportional:1/5",
			  stname(err.status), "PE_ERR_SYNTAX");
		memcpy(x, method, 18);
		x[2] = (char) 0x80;		/* p1 hugely negative */
		check(pe_method_from_wire(x, 18, &m, &err) == PE_ERR_RANGE, "method_from_wire", "p1 negative",
			  stname(err.status), "PE_ERR_RANGE");
		/* 1.16's kinds 4 to 6 (over, under, deviation) read K/P; 7 (bands) its
		 * packed bands only; 8 nothing */
		for (k = PE_METHOD_OVER; k <= PE_METHOD_LAST + 1; k++)
		{
			char		name[16];
			bool		ok = k <= PE_METHOD_DEVIATION;

			memcpy(x, method, 18);
			x[1] = (char) k;
			snprintf(name, sizeof(name), "kind %d", (int) k);
			st = pe_method_from_wire(x, 18, &m, &err);
			check(ok ? st == PE_OK && m.kind == k && m.p1 == PE_SCALE &&
				  m.p2 == 5 * PE_SCALE : st == PE_ERR_SYNTAX,
				  "method_from_wire", name, stname(st), ok ? "PE_OK" : "PE_ERR_SYNTAX");
		}
		{
			/* bands:<60:0,<70:2,<80:3,<90:4,else:5 as method_send() writes it */
			static const char bands[18] = {1, 7, 0x31, (char) 0xf4, 0x19, 0x01, 0x2c, 0x0c, (char) 0x80, 0x00,
			0x03, (char) 0x84, 0x03, 0x20, 0x02, (char) 0xbc, 0x02, 0x58};
			char		out[PE_METHOD_BUFLEN];

			st = pe_method_from_wire(bands, 18, &m, &err);
			pe_format_method(&m, out);
			check(st == PE_OK && strcmp(out, "bands:<60:0,<70:2,<80:3,<90:4,else:5") == 0,
				  "method_from_wire", "bands", out, "bands:<60:0,<70:2,<80:3,<90:4,else:5");
			memcpy(x, bands, 18);
			x[16] = 0x7f;		/* the first bound 3260.1, above the second */
			check(pe_method_from_wire(x, 18, &m, &err) == PE_ERR_SYNTAX, "method_from_wire", "bands not ascending",
				  stname(err.status), "PE_ERR_SYNTAX");
			memcpy(x, bands, 18);
			x[2] = 0x21;		/* four bands: the fifth's bound and points left over */
			check(pe_method_from_wire(x, 18, &m, &err) == PE_ERR_SYNTAX, "method_from_wire", "bands unused slot",
				  stname(err.status), "PE_ERR_SYNTAX");
		}
		/* the values' methods take no zero parameter from the wire either */
		memcpy(x, method, 18);
		x[1] = PE_METHOD_UNDER;
		memset(x + 2, 0, 8);
		check(pe_method_from_wire(x, 18, &m, &err) == PE_ERR_SYNTAX, "method_from_wire", "under:0/5",
			  stname(err.status), "PE_ERR_SYNTAX");
	}

	/* sum_scores() states */
	{
		static const struct
		{
			const char *in;
			PeStatus	st;
		}			ss[] = {
			{"5,4,3,2,7000000,12500000,2,0", PE_OK}, {"0,0,0,-1,0,0,-1,0", PE_OK},
			{"5,4,3,2,7,1,2,9", PE_OK}, {"5,4,3,2,7,1,100,0", PE_OK},
			{"", PE_ERR_SYNTAX}, {"5,4,3", PE_ERR_SYNTAX}, {"5,4,3,2,7,1,2,0,", PE_ERR_SYNTAX},
			{"5,4,3,2,7,1,2,0x", PE_ERR_SYNTAX}, {"-,4,3,2,7,1,2,0", PE_ERR_SYNTAX},
			{"9223372036854775808,0,0,0,0,0,0,0", PE_ERR_SYNTAX},
			{"9223372036854775807,0,0,0,0,0,0,0", PE_OK},
			{"-9223372036854775807,0,0,0,0,0,0,0", PE_ERR_INVALID},
			{"5,6,3,2,7,1,2,0", PE_ERR_INVALID}, {"5,4,3,7,7,1,2,0", PE_ERR_INVALID},
			{"5,4,3,-2,7,1,2,0", PE_ERR_INVALID}, {"5,4,5,2,7,1,2,0", PE_ERR_INVALID},
		};

		for (k = 0; k < sizeof(ss) / sizeof(ss[0]); k++)
		{
			st = pe_parse_score_sum(ss[k].in, strlen(ss[k].in), v, &err);
			check(st == ss[k].st && (st == PE_OK || detail_ok(&err, strlen(ss[k].in))),
				  "parse_score_sum", ss[k].in, stname(st), stname(ss[k].st));
		}
		st = pe_parse_score_sum("5,4,3,2,7,1,100,9", 17, v, &err);
		check(st == PE_OK && v[6] == 6 && v[7] == 1, "parse_score_sum clamps", "5,4,3,2,7,1,100,9",
			  stname(st), "decimals 6, truncate 1");
		/* not NUL-terminated: the length bounds it */
		st = pe_parse_score_sum("5,4,3,2,7,1,2,0999", 15, v, &err);
		check(st == PE_OK && v[7] == 0, "parse_score_sum length", "5,4,3,2,7,1,2,0|999", stname(st), "PE_OK");
	}
}

/* Run every table and report. */
int
main(void)
{
	test_invisible();
	test_wire();
	test_quants();
	test_methods();
	test_grades();
	test_small();
	test_form_numbers();
	test_form_rows();
	printf("%d passed, %d failed\n", npass, nfail);
	return nfail == 0 ? 0 : 1;
}
