/*
 * test_monitor.c
 *		Table-driven tests of mid-year monitoring's rules (pe_monitor.c,
 *		pe_progress(), the sentences): the calendar's share, execution and its
 *		light, every indicator light rule, the goal light, the explanations.
 */
#include "pe_core.h"

#include <stdio.h>
#include <string.h>

static int	npass,
			nfail;

#define P(x) ((int64_t) ((x) * 1000000.0 + ((x) < 0 ? -0.5 : 0.5)))

static void
check(bool ok, const char *what, const char *detail)
{
	if (ok)
		npass++;
	else
	{
		nfail++;
		printf("FAIL %s: %s\n", what, detail);
	}
}

static bool
quant(const char *s, bool target, PeQuant *q, char *buf)
{
	PeError		err;

	return (target ? pe_parse_target(s, strlen(s), q, buf, &err)
			: pe_parse_measure(s, strlen(s), q, buf, &err)) == PE_OK;
}

int
main(void)
{
	/* the calendar's share of the year */
	static const struct
	{
		int			y, m, d;
		bool		by_day;
		PeStatus	st;
		int64_t		num, den;
	}			shares[] = {
		{2024, 8, 31, false, PE_OK, 8, 12},
		{2024, 8, 1, false, PE_OK, 8, 12},
		{2024, 12, 31, false, PE_OK, 12, 12},
		{2024, 8, 31, true, PE_OK, 244, 366},
		{2023, 8, 31, true, PE_OK, 243, 365},
		{2024, 1, 1, true, PE_OK, 1, 366},
		{2024, 2, 29, true, PE_OK, 60, 366},
		{2023, 2, 29, false, PE_ERR_INVALID, 0, 0},
		{2024, 13, 1, false, PE_ERR_INVALID, 0, 0},
		{2024, 4, 31, true, PE_ERR_INVALID, 0, 0},
	};

	/* budget execution: spent, budget, month → rate, ratio, gap, light */
	static const struct
	{
		double		spent, budget;
		int			month;
		PeStatus	st;
		int64_t		rate, progress, ratio, gap;
		int			light;
		const char *why;
	}			execs[] = {
		{412, 1000, 8, PE_OK, P(41.2), P(66.666667), P(61.8), P(-25.466667), PE_LIGHT_YELLOW,
		"执行率=412÷1000=41.2%，序时进度=8÷12=66.7%，执行进度比=61.8%，黄灯"},
		{300, 1000, 8, PE_OK, P(30), P(66.666667), P(45), P(-36.666667), PE_LIGHT_RED,
		"执行率=300÷1000=30%，序时进度=8÷12=66.7%，执行进度比=45%，红灯"},
		{600, 1000, 8, PE_OK, P(60), P(66.666667), P(90), P(-6.666667), PE_LIGHT_GREEN,
		"执行率=600÷1000=60%，序时进度=8÷12=66.7%，执行进度比=90%，绿灯"},
		/* the bounds: 60 is yellow, 80 green */
		{40, 100, 8, PE_OK, P(40), P(66.666667), P(60), P(-26.666667), PE_LIGHT_YELLOW, NULL},
		{160, 300, 8, PE_OK, P(53.333333), P(66.666667), P(80), P(-13.333333), PE_LIGHT_GREEN, NULL},
		{1100, 1000, 12, PE_OK, P(110), P(100), P(110), P(10), PE_LIGHT_GREEN, NULL},
		/* exact, rounded once: 1/3 spent at month 7 */
		{1, 3, 7, PE_OK, P(33.333333), P(58.333333), P(57.142857), P(-25), PE_LIGHT_RED, NULL},
		/* no budget: nothing, never 0 % and red */
		{0, 0, 8, PE_NULL, 0, 0, 0, 0, PE_LIGHT_NONE, "全年预算为0或未录入：执行率无法计算，不亮灯"},
		{5, -1, 8, PE_NULL, 0, 0, 0, 0, PE_LIGHT_NONE, NULL},
	};

	/* an indicator at a date (yyyymmdd, month share unless full) */
	static const struct
	{
		const char *target;
		const char *actual;		/* NULL: none reported */
		int32_t		date;
		bool		full;
		PeStatus	st;
		int			light;
		bool		has_progress;
		int64_t		progress;
		bool		due;
		const char *why;
	}			inds[] = {
		/* ≥ > = against the pace of the year: 120 × 8 ÷ 12 = 80 */
		{"≥120公里", "70公里", 20240831, false, PE_OK, PE_LIGHT_GREEN, true, P(87.5), true,
		"应完成=120×8÷12=80公里，实际完成70公里，进度=87.5%，绿灯"},
		{"≥120公里", "40公里", 20240831, false, PE_OK, PE_LIGHT_RED, true, P(50), true, NULL},
		{"≥120公里", "48公里", 20240831, false, PE_OK, PE_LIGHT_YELLOW, true, P(60), true, NULL},
		{"≥120公里", "64公里", 20240831, false, PE_OK, PE_LIGHT_GREEN, true, P(80), true, NULL},
		{"≥120公里", "96公里", 20240831, false, PE_OK, PE_LIGHT_BLUE, true, P(120), true, NULL},
		{"≥120公里", "95.9公里", 20240831, false, PE_OK, PE_LIGHT_GREEN, true, P(119.875), true, NULL},
		{">100", "60", 20240630, false, PE_OK, PE_LIGHT_BLUE, true, P(120), true, NULL},
		{"=41家", "20家", 20240630, false, PE_OK, PE_LIGHT_GREEN, true, P(97.560976), true, NULL},
		/* full: a one-off target is compared with the whole of it */
		{"≥120公里", "70公里", 20240831, true, PE_OK, PE_LIGHT_RED, true, P(58.333333), true,
		"应完成=120公里（全年），实际完成70公里，进度=58.3%，红灯"},
		/* units convert as for completion */
		{"≥1亿元", "4000万元", 20240630, false, PE_OK, PE_LIGHT_GREEN, true, P(80), true, NULL},
		{"≥5万元", "3家", 20240630, false, PE_ERR_UNITS, PE_LIGHT_NONE, false, 0, true, NULL},
		/* ≤ <: met or not */
		{"≤5%", "3%", 20240831, false, PE_OK, PE_LIGHT_GREEN, false, 0, true,
		"指标值≤5%，实际3%，已达成，绿灯"},
		{"≤5%", "6%", 20240831, false, PE_OK, PE_LIGHT_RED, false, 0, true, NULL},
		{"<5", "5", 20240831, false, PE_OK, PE_LIGHT_RED, false, 0, true, NULL},
		/* a zero target: green only when equal */
		{"=0", "0", 20240831, false, PE_OK, PE_LIGHT_GREEN, false, 0, true, NULL},
		{"=0", "1", 20240831, false, PE_OK, PE_LIGHT_RED, false, 0, true, NULL},
		/* deadlines: green when met or not yet due, red when due and unmet */
		{"2024年9月30日前", "2024年9月20日", 20241015, false, PE_OK, PE_LIGHT_GREEN, false, 0, true, NULL},
		{"2024年9月30日前", "2024年10月8日", 20241015, false, PE_OK, PE_LIGHT_RED, false, 0, true,
		NULL},
		{"2024年9月30日前", "2024年10月8日", 20240831, false, PE_OK, PE_LIGHT_GREEN, false, 0, false, NULL},
		{"2024年9月30日前", NULL, 20240831, false, PE_OK, PE_LIGHT_GREY, false, 0, false, "尚未报告实际完成值，灰灯"},
		{"2024年9月30日前", NULL, 20241001, false, PE_OK, PE_LIGHT_GREY, false, 0, true,
		"已到期，尚未报告实际完成值，灰灯"},
		/* qualitative: the tier's words, short and long */
		{"稳步提升", "达成", 20240831, false, PE_OK, PE_LIGHT_GREEN, false, 0, true, NULL},
		{"稳步提升", "部分达成", 20240831, false, PE_OK, PE_LIGHT_YELLOW, false, 0, true,
		"实际完成“部分达成”，黄灯"},
		{"稳步提升", "未达成", 20240831, false, PE_OK, PE_LIGHT_RED, false, 0, true, NULL},
		{"稳步提升", "达成目标", 20240831, false, PE_OK, PE_LIGHT_GREEN, false, 0, true, NULL},
		{"稳步提升", "部分达成目标并具有一定效果", 20240831, false, PE_OK, PE_LIGHT_YELLOW, false, 0, true, NULL},
		{"稳步提升", "未达成目标且效果较差", 20240831, false, PE_OK, PE_LIGHT_RED, false, 0, true, NULL},
		{"稳步提升", "进展顺利", 20240831, false, PE_OK, PE_LIGHT_NONE, false, 0, true,
		"实际完成“进展顺利”，不是达成、部分达成或未达成，不亮灯"},
		{"≥95%", "达成", 20240831, false, PE_OK, PE_LIGHT_GREEN, false, 0, true, NULL},
		/* nothing reported: grey */
		{"≥120公里", NULL, 20240831, false, PE_OK, PE_LIGHT_GREY, false, 0, true, NULL},
		{"稳步提升", NULL, 20240831, false, PE_OK, PE_LIGHT_GREY, false, 0, true, NULL},
	};
	char		why[512];

	for (size_t i = 0; i < sizeof(shares) / sizeof(shares[0]); i++)
	{
		PeFraction	f = {0, 0};
		PeStatus	st = pe_time_share(shares[i].y, shares[i].m, shares[i].d, shares[i].by_day, &f);
		char		d[96];

		snprintf(d, sizeof(d), "%d-%d-%d: status %d, %lld/%lld", shares[i].y, shares[i].m, shares[i].d,
				 (int) st, (long long) f.num, (long long) f.den);
		check(st == shares[i].st && (st != PE_OK || (f.num == shares[i].num && f.den == shares[i].den)),
			  "time share", d);
	}
	for (size_t i = 0; i < sizeof(execs) / sizeof(execs[0]); i++)
	{
		PeExecution e;
		PeFraction	f = {execs[i].month, 12};
		int64_t		spent = P(execs[i].spent),
					budget = P(execs[i].budget);
		PeStatus	st = pe_execution(spent, budget, f, &pe_monitor_defaults, &e);
		char		d[256];

		snprintf(d, sizeof(d), "%g/%g at %d: status %d rate %lld ratio %lld gap %lld light %d",
				 execs[i].spent, execs[i].budget, execs[i].month, (int) st, (long long) e.rate,
				 (long long) e.ratio, (long long) e.gap, e.light);
		check(st == execs[i].st &&
			  (st != PE_OK || (e.rate == execs[i].rate && e.time_progress == execs[i].progress &&
							   e.ratio == execs[i].ratio && e.gap == execs[i].gap && e.light == execs[i].light)),
			  "execution", d);
		if (execs[i].why)
		{
			pe_explain_execution(spent, budget, f, st == PE_OK ? &e : NULL, why, sizeof(why));
			check(strcmp(why, execs[i].why) == 0, "execution explained", why);
		}
	}
	for (size_t i = 0; i < sizeof(inds) / sizeof(inds[0]); i++)
	{
		PeQuant		t,
					a;
		char		tb[256],
					ab[256],
					d[512];
		PeProgress	p;
		PeError		err;
		PeFraction	f;
		PeStatus	st;
		int32_t		dt = inds[i].date;

		if (!quant(inds[i].target, true, &t, tb) || (inds[i].actual && !quant(inds[i].actual, false, &a, ab)))
		{
			check(false, "progress: parse", inds[i].target);
			continue;
		}
		pe_time_share(dt / 10000, dt / 100 % 100, dt % 100, false, &f);
		st = pe_progress(&t, inds[i].actual ? &a : NULL, dt, f, inds[i].full, &pe_monitor_defaults, &p, &err);
		snprintf(d, sizeof(d), "%s / %s at %d%s: status %d light %d progress %s%lld due %d",
				 inds[i].target, inds[i].actual ? inds[i].actual : "(none)", dt, inds[i].full ? " full" : "",
				 (int) st, p.light, p.has_progress ? "" : "none ", (long long) p.progress, p.due);
		check(st == inds[i].st &&
			  (st != PE_OK || (p.light == inds[i].light && p.has_progress == inds[i].has_progress &&
							   (!p.has_progress || p.progress == inds[i].progress) && p.due == inds[i].due)),
			  "progress", d);
		if (inds[i].why && st == PE_OK)
		{
			pe_explain_progress(&t, inds[i].actual ? &a : NULL, f, inds[i].full, &p, why, sizeof(why));
			check(strcmp(why, inds[i].why) == 0, "progress explained", why);
		}
	}

	/* the goal light: the worst that says something; grey only when nothing does */
	{
		static const struct
		{
			int			lights[4];
			int			want;
		}			goals[] = {
			{{PE_LIGHT_GREEN, PE_LIGHT_BLUE, PE_LIGHT_YELLOW, 0}, PE_LIGHT_YELLOW},
			{{PE_LIGHT_BLUE, PE_LIGHT_GREEN, 0, 0}, PE_LIGHT_GREEN},
			{{PE_LIGHT_BLUE, PE_LIGHT_BLUE, 0, 0}, PE_LIGHT_BLUE},
			{{PE_LIGHT_GREEN, PE_LIGHT_RED, PE_LIGHT_YELLOW, 0}, PE_LIGHT_RED},
			{{PE_LIGHT_GREY, PE_LIGHT_BLUE, 0, 0}, PE_LIGHT_BLUE},
			{{PE_LIGHT_GREY, PE_LIGHT_NONE, 0, 0}, PE_LIGHT_GREY},
			{{PE_LIGHT_NONE, PE_LIGHT_NONE, 0, 0}, PE_LIGHT_NONE},
		};

		for (size_t i = 0; i < sizeof(goals) / sizeof(goals[0]); i++)
		{
			int			g = PE_LIGHT_NONE;
			char		d[64];

			for (int k = 0; k < 4 && goals[i].lights[k]; k++)
				g = pe_light_worse(g, goals[i].lights[k]);
			snprintf(d, sizeof(d), "case %zu: %d, want %d", i, g, goals[i].want);
			check(g == goals[i].want, "goal light", d);
		}
	}
	/* names and labels read back */
	for (int l = PE_LIGHT_GREY; l < PE_LIGHT_COUNT; l++)
		check(pe_light_code(pe_light_name(l), strlen(pe_light_name(l))) == l && pe_light_label(l) != NULL,
			  "light name", pe_light_name(l));
	check(pe_light_name(PE_LIGHT_NONE) == NULL && pe_light_code("pink", 4) == -1, "no light", "NONE, pink");
	/* the rules' bounds in order */
	{
		PeMonitorRules r = pe_monitor_defaults;
		PeError		err;

		check(pe_monitor_rules_check(&r, &err) == PE_OK, "rules", "defaults");
		r.goal_blue = r.goal_yellow;
		check(pe_monitor_rules_check(&r, &err) == PE_ERR_INVALID, "rules", "blue at yellow");
		r = pe_monitor_defaults;
		r.exec_red = 0;
		check(pe_monitor_rules_check(&r, &err) == PE_ERR_INVALID, "rules", "red at 0");
		r = pe_monitor_defaults;
		r.key_month = 13;
		check(pe_monitor_rules_check(&r, &err) == PE_ERR_INVALID, "rules", "key month 13");
		r = pe_monitor_defaults;
		r.key_rate = 100 * PE_SCALE + 1;
		check(pe_monitor_rules_check(&r, &err) == PE_ERR_INVALID, "rules", "key rate above 100");
		r = pe_monitor_defaults;
		r.key_budget = -1;
		check(pe_monitor_rules_check(&r, &err) == PE_ERR_INVALID, "rules", "key budget below 0");
	}
	/* key monitoring: 200万元 or more and below 60 % (both bounds, either side) */
	{
		static const struct
		{
			int64_t		budget,
						spent;
			bool		want;
		}			keys[] = {
			{200, 119, true},	/* 59.5 % */
			{200, 120, false},	/* 60 % exactly: not below */
			{199, 0, false},	/* below 200万元 */
			{1000, 599, true},
			{0, 0, false},
		};
		PeMonitorRules r = pe_monitor_defaults;
		char		d[64];

		for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		{
			snprintf(d, sizeof(d), "%lld of %lld", (long long) keys[i].spent, (long long) keys[i].budget);
			check(pe_key_monitor(keys[i].budget * PE_SCALE, keys[i].spent * PE_SCALE, &pe_monitor_defaults) == keys[i].want,
				  "key monitoring", d);
		}
		/* a scheme's own bounds: 100万元 and 50 % */
		r.key_budget = 100 * PE_SCALE;
		r.key_rate = 50 * PE_SCALE;
		check(pe_key_monitor(150 * PE_SCALE, 74 * PE_SCALE, &r) && !pe_key_monitor(150 * PE_SCALE, 75 * PE_SCALE, &r),
			  "key monitoring", "scheme's 100万元 and 50 %");
	}
	/*
	 * The dated money: which reports count at a day (money_on()).  Lines 1
	 * and 2 (two departments or fund levels), reports on days 10, 20, 30
	 * and 15, 25: at day 22 line 1's day-20 report and line 2's day-15 one,
	 * the latest day 20.
	 */
	{
		static const struct
		{
			const char *name;
			int			n;
			int32_t		pairs[12];
			int32_t		day;
			PeStatus	st;
			int			npicked;
			int			picked[3];
			int32_t		latest;
		}			series[] = {
			{"two lines at 22", 5, {1, 10, 1, 20, 1, 30, 2, 15, 2, 25}, 22, PE_OK, 2, {1, 3}, 20},
			{"two lines at 30", 5, {1, 10, 1, 20, 1, 30, 2, 15, 2, 25}, 30, PE_OK, 2, {2, 4}, 30},
			{"on a report's day", 5, {1, 10, 1, 20, 1, 30, 2, 15, 2, 25}, 25, PE_OK, 2, {1, 4}, 25},
			{"before line 2's first", 5, {1, 10, 1, 20, 1, 30, 2, 15, 2, 25}, 12, PE_OK, 1, {0}, 10},
			{"before any report", 5, {1, 10, 1, 20, 1, 30, 2, 15, 2, 25}, 9, PE_OK, 0, {0}, 0},
			{"line 1 before line 2's", 4, {1, 40, 2, 5, 3, 7, 3, 8}, 7, PE_OK, 2, {1, 2}, 7},
			{"no reports", 0, {0}, 100, PE_OK, 0, {0}, 0},
			{"days out of order", 3, {1, 20, 1, 10, 2, 5}, 30, PE_ERR_INVALID, 0, {0}, 0},
			{"a day twice on a line", 2, {1, 20, 1, 20}, 30, PE_ERR_INVALID, 0, {0}, 0},
			{"a lower line after", 3, {2, 5, 1, 10, 1, 20}, 30, PE_ERR_INVALID, 0, {0}, 0},
			{"the same day on two lines", 2, {1, 20, 2, 20}, 20, PE_OK, 2, {0, 1}, 20},
		};

		for (size_t i = 0; i < sizeof(series) / sizeof(series[0]); i++)
		{
			int			picked[6],
						npicked = -1;
			int32_t		latest = 0;
			PeError		err;
			PeStatus	st = pe_series_pick(series[i].pairs, series[i].n, series[i].day, picked, &npicked,
											&latest, &err);
			bool		ok = st == series[i].st;

			if (ok && st == PE_OK)
			{
				ok = npicked == series[i].npicked && (npicked == 0 || latest == series[i].latest);
				for (int k = 0; ok && k < npicked; k++)
					ok = picked[k] == series[i].picked[k];
			}
			else if (ok)
				ok = err.detail != NULL;
			check(ok, "series pick", series[i].name);
		}
	}
	printf("test_monitor: %d passed, %d failed\n", npass, nfail);
	return nfail > 0;
}
