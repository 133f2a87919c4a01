/*
 * test_monform.c
 *		The monitoring forms' words (pe_monform.c) without the server, one
 *		table row per reading: the month of a header or a 截至月份 cell, tick
 *		marks, 偏差原因 and 完成可能性 (one word, a tick list, several),
 *		资金来源 (a level, 财政拨款, a total), dates and the report date.
 */
#include "pe_csv.h"

#include <stdio.h>
#include <string.h>

static int	npass,
			nfail;

static void
check(bool ok, const char *what, const char *in, const char *want, const char *got)
{
	if (ok)
	{
		npass++;
		return;
	}
	nfail++;
	printf("FAIL %s \"%s\": want %s, got %s\n", what, in, want, got);
}

int
main(void)
{
	static const struct
	{
		const char *in;
		int			month;			/* of a header's prefix */
		const char *rest;
	}			prefixes[] =
	{
		{"1-8月实际完成值", 8, "实际完成值"},
		{"1—8月实际完成值", 8, "实际完成值"},
		{"1——8月实际完成值", 8, "实际完成值"},
		{"1–12月执行数", 12, "执行数"},
		{"1至6月执行数", 6, "执行数"},
		{"1~9月实际完成值", 9, "实际完成值"},
		{"1～9月执行率", 9, "执行率"},
		{"1月-8月执行数", 8, "执行数"},
		{"01-08月执行数", 8, "执行数"},
		{"截至8月执行数", 8, "执行数"},
		{"截止8月底执行数", 8, "执行数"},
		{"截至8月末实际完成值", 8, "实际完成值"},
		{"1-8月份执行数", 8, "执行数"},
		{"1-13月执行数", 0, NULL},
		{"1-0月执行数", 0, NULL},
		{"2-8月执行数", 0, NULL},
		{"1-8月", 0, NULL},
		{"实际完成值", 0, NULL},
		{"10-12月执行数", 0, NULL},
	};
	static const struct
	{
		const char *in;
		int			month;
	}			months[] =
	{
		{"8", 8}, {"08", 8}, {" 8月 ", 8}, {"1-8月", 8}, {"截至8月", 8}, {"12月底", 12},
		{"", 0}, {"  ", 0}, {"13", -1}, {"0", -1}, {"八月", -1}, {"8日", -1}, {"123", -1},
	};
	static const struct
	{
		const char *in;
		PeMonTick	tick;
	}			ticks[] =
	{
		{"√", PE_MON_TICKED}, {" ✓ ", PE_MON_TICKED}, {"✔", PE_MON_TICKED}, {"是", PE_MON_TICKED},
		{"☑", PE_MON_TICKED}, {"", PE_MON_UNTICKED}, {"否", PE_MON_UNTICKED}, {"×", PE_MON_UNTICKED},
		{"/", PE_MON_UNTICKED}, {"多", PE_MON_BAD_TICK}, {"√√", PE_MON_BAD_TICK}, {"1", PE_MON_BAD_TICK},
	};
	static const struct
	{
		bool		likelihood;
		const char *in;
		PeMonWord	st;
		const char *word;
	}			words[] =
	{
		{false, "经费保障", PE_MON_WORD, "经费保障"},
		{false, " 制度保障 ", PE_MON_WORD, "制度保障"},
		{false, "硬件条件", PE_MON_WORD, "硬件条件保障"},
		{false, "其它", PE_MON_WORD, "其他"},
		{false, "经费保障、制度保障", PE_MON_SEVERAL, NULL},
		{false, "经费，经费保障", PE_MON_WORD, "经费保障"},
		{false, "经费保障、天气", PE_MON_UNKNOWN, NULL},
		{false, "天气原因", PE_MON_UNKNOWN, NULL},
		{false, "", PE_MON_NONE, NULL},
		{false, "无", PE_MON_NONE, NULL},
		{false, "/", PE_MON_NONE, NULL},
		{false, "——", PE_MON_NONE, NULL},
		{true, "确定能", PE_MON_WORD, "确定能"},
		{true, "能", PE_MON_WORD, "确定能"},
		{true, "有可能完成", PE_MON_WORD, "有可能"},
		{true, "完全不可能", PE_MON_WORD, "完全不可能"},
		{true, "不可能", PE_MON_WORD, "完全不可能"},
		{true, "确定能、有可能", PE_MON_SEVERAL, NULL},
		{true, "也许", PE_MON_UNKNOWN, NULL},
		{true, "", PE_MON_NONE, NULL},
	};
	static const struct
	{
		const char *in;
		PeMonFund	kind;
		const char *level;
	}			funds[] =
	{
		{"年度资金总额", PE_MON_FUND_TOTAL, NULL},
		{"合计", PE_MON_FUND_TOTAL, NULL},
		{"财政拨款", PE_MON_FUND_FISCAL, NULL},
		{"其中：财政拨款", PE_MON_FUND_FISCAL, NULL},
		{"当年财政拨款", PE_MON_FUND_FISCAL, NULL},
		{"其中：中央", PE_MON_FUND_LEVEL, "中央"},
		{"其中:中央资金", PE_MON_FUND_LEVEL, "中央"},
		{"中央财政资金", PE_MON_FUND_LEVEL, "中央"},
		{"中央补助资金", PE_MON_FUND_LEVEL, "中央"},
		{"省级", PE_MON_FUND_LEVEL, "省级"},
		{"省级资金", PE_MON_FUND_LEVEL, "省级"},
		{"市级", PE_MON_FUND_LEVEL, "市级"},
		{"县级", PE_MON_FUND_LEVEL, "县区级"},
		{"区级", PE_MON_FUND_LEVEL, "县区级"},
		{"县区级", PE_MON_FUND_LEVEL, "县区级"},
		{"县（区）级", PE_MON_FUND_LEVEL, "县区级"},
		{"上年结转", PE_MON_FUND_LEVEL, "上年结转"},
		{"上年结转资金", PE_MON_FUND_LEVEL, "上年结转"},
		{"其他资金", PE_MON_FUND_LEVEL, "其他"},
		{"其他", PE_MON_FUND_LEVEL, "其他"},
		{" ", PE_MON_FUND_NONE, NULL},
		{"银行贷款", PE_MON_FUND_UNKNOWN, NULL},
		{"资金", PE_MON_FUND_UNKNOWN, NULL},
		{"本级", PE_MON_FUND_UNKNOWN, NULL},	/* (a county's or a city's: not told) */
	};
	static const struct
	{
		int			year;
		const char *month;
		const char *date;
		PeMonDate	st;
		const char *want;
	}			dates[] =
	{
		{2024, "8", NULL, PE_MON_DATE_OK, "2024-08-31"},
		{2024, "2", "", PE_MON_DATE_OK, "2024-02-29"},
		{2023, "2", NULL, PE_MON_DATE_OK, "2023-02-28"},
		{2024, "6月", NULL, PE_MON_DATE_OK, "2024-06-30"},
		{2024, NULL, "2024-08-15", PE_MON_DATE_OK, "2024-08-15"},
		{2024, "", "2024年8月15日", PE_MON_DATE_OK, "2024-08-15"},
		{2024, "8", "2024/8/20", PE_MON_DATE_OK, "2024-08-20"},
		{2024, "8", "2024-09-30", PE_MON_DISAGREE, NULL},
		{2024, "8", "2023-08-31", PE_MON_DISAGREE, NULL},
		{2024, NULL, "2024-02-30", PE_MON_BAD_DATE, NULL},
		{2024, NULL, "昨天", PE_MON_BAD_DATE, NULL},
		{2024, "十三", NULL, PE_MON_BAD_MONTH, NULL},
		{2024, NULL, NULL, PE_MON_NO_DATE, NULL},
		{2024, " ", " ", PE_MON_NO_DATE, NULL},
	};
	char		got[64];

	for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++)
	{
		size_t		rest = 0;
		int			m = pe_mon_month_prefix(prefixes[i].in, strlen(prefixes[i].in), &rest);
		const char *r = m > 0 ? prefixes[i].in + rest : NULL;

		snprintf(got, sizeof(got), "%d %s", m, r ? r : "-");
		check(m == prefixes[i].month && (r == NULL ? prefixes[i].rest == NULL : strcmp(r, prefixes[i].rest) == 0),
			  "month prefix", prefixes[i].in, "", got);
	}
	for (size_t i = 0; i < sizeof(months) / sizeof(months[0]); i++)
	{
		int			m = pe_mon_month(months[i].in, strlen(months[i].in));

		snprintf(got, sizeof(got), "%d", m);
		check(m == months[i].month, "month", months[i].in, "", got);
	}
	for (size_t i = 0; i < sizeof(ticks) / sizeof(ticks[0]); i++)
	{
		PeMonTick	t = pe_mon_tick(ticks[i].in, strlen(ticks[i].in));

		snprintf(got, sizeof(got), "%d", (int) t);
		check(t == ticks[i].tick, "tick", ticks[i].in, "", got);
	}
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
	{
		const char *w;
		PeMonWord	st = words[i].likelihood ? pe_mon_likelihood(words[i].in, strlen(words[i].in), &w)
			: pe_mon_cause(words[i].in, strlen(words[i].in), &w);

		snprintf(got, sizeof(got), "%d %s", (int) st, st == PE_MON_WORD ? w : "-");
		check(st == words[i].st && (st != PE_MON_WORD || strcmp(w, words[i].word) == 0),
			  words[i].likelihood ? "likelihood" : "cause", words[i].in, words[i].word ? words[i].word : "-", got);
	}
	for (size_t i = 0; i < sizeof(funds) / sizeof(funds[0]); i++)
	{
		const char *l;
		PeMonFund	k = pe_mon_fund(funds[i].in, strlen(funds[i].in), &l);

		snprintf(got, sizeof(got), "%d %s", (int) k, l ? l : "-");
		check(k == funds[i].kind && (l == NULL ? funds[i].level == NULL : funds[i].level && strcmp(l, funds[i].level) == 0),
			  "fund", funds[i].in, funds[i].level ? funds[i].level : "-", got);
	}
	for (size_t i = 0; i < sizeof(dates) / sizeof(dates[0]); i++)
	{
		int			y = 0,
					m = 0,
					d = 0;
		PeMonDate	st = pe_mon_reported_on(dates[i].year, dates[i].month,
										   dates[i].month ? strlen(dates[i].month) : 0, dates[i].date,
										   dates[i].date ? strlen(dates[i].date) : 0, &y, &m, &d);
		char		iso[16];

		snprintf(iso, sizeof(iso), "%04d-%02d-%02d", y, m, d);
		snprintf(got, sizeof(got), "%d %s", (int) st, iso);
		check(st == dates[i].st && (dates[i].want == NULL || strcmp(iso, dates[i].want) == 0),
			  "reported_on", dates[i].date ? dates[i].date : (dates[i].month ? dates[i].month : "-"),
			  dates[i].want ? dates[i].want : "-", got);
	}
	/* a printed 执行率: the percentage and its decimals */
	{
		static const struct
		{
			const char *in;
			bool		ok;
			const char *num;
			int			decimals;
		}			rates[] =
		{
			{"41.2%", true, "41.2", 1}, {" 26.67％ ", true, "26.67", 2}, {"40", true, "40", 0},
			{"100.0%", true, "100.0", 1}, {"%", false, NULL, 0}, {"四成", false, NULL, 0},
			{".5%", false, NULL, 0}, {"5.%", false, NULL, 0}, {"1.2.3", false, NULL, 0}, {"", false, NULL, 0},
		};

		for (size_t i = 0; i < sizeof(rates) / sizeof(rates[0]); i++)
		{
			char		num[16];
			int			dec = -1;
			bool		ok = pe_mon_rate(rates[i].in, strlen(rates[i].in), num, sizeof(num), &dec);

			snprintf(got, sizeof(got), "%d %s %d", ok, ok ? num : "-", dec);
			check(ok == rates[i].ok && (!ok || (strcmp(num, rates[i].num) == 0 && dec == rates[i].decimals)),
				  "rate", rates[i].in, rates[i].num ? rates[i].num : "-", got);
		}
	}
	/* 财政拨款's levels: the four governments', not 上年结转 nor 其他 */
	check(pe_mon_fiscal_level("中央") && pe_mon_fiscal_level("县区级") && !pe_mon_fiscal_level("上年结转")
		  && !pe_mon_fiscal_level("其他") && !pe_mon_fiscal_level(NULL), "fiscal level", "中央 … 其他", "", "-");
	/* the tick columns' words are the held words */
	{
		const char *w;

		check(pe_mon_tick_column("硬件条件保障", strlen("硬件条件保障"), &w) != NULL && strcmp(w, "硬件条件保障") == 0,
			  "tick column", "硬件条件保障", "偏差原因", "-");
		check(pe_mon_tick_column("有可能", strlen("有可能"), &w) != NULL && strcmp(w, "有可能") == 0,
			  "tick column", "有可能", "完成可能性", "-");
		check(pe_mon_tick_column("天气", strlen("天气"), &w) == NULL, "tick column", "天气", "none", "-");
	}
	printf("test_monform: %d passed, %d failed\n", npass, nfail);
	return nfail > 0;
}
