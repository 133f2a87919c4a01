/*
 * pe_monitor.c
 *		Mid-year monitoring (绩效运行监控, 双监控), free of server code: the
 *		calendar's share of the year, budget execution against it, and the
 *		lights.  An indicator's progress, which needs the units' rules, is
 *		pe_progress() in pe_arith.c; the sentences are in pe_explain.c.
 */
#include "pe_core.h"

#include <string.h>

#define FULL	((int64_t) 100 * PE_SCALE)

/* The provincial systems' defaults (every one is the scheme's to change). */
const PeMonitorRules pe_monitor_defaults = {
	.exec_red = 60 * PE_SCALE,
	.exec_yellow = 80 * PE_SCALE,
	.goal_red = 60 * PE_SCALE,
	.goal_yellow = 80 * PE_SCALE,
	.goal_blue = 120 * PE_SCALE,
	.by_day = false,
	.key_budget = 200 * PE_SCALE,
	.key_rate = 60 * PE_SCALE,
	.key_month = 8
};

static const char *const light_names[PE_LIGHT_COUNT] = {
	NULL, "grey", "blue", "green", "yellow", "red"
};
static const char *const light_labels[PE_LIGHT_COUNT] = {
	NULL, "灰", "蓝", "绿", "黄", "红"
};

const char *
pe_light_name(int light)
{
	return light > 0 && light < PE_LIGHT_COUNT ? light_names[light] : NULL;
}

const char *
pe_light_label(int light)
{
	return light > 0 && light < PE_LIGHT_COUNT ? light_labels[light] : NULL;
}

int
pe_light_code(const char *s, size_t len)
{
	for (int i = 1; i < PE_LIGHT_COUNT; i++)
		if (strlen(light_names[i]) == len && memcmp(light_names[i], s, len) == 0)
			return i;
	return -1;
}

int
pe_light_worse(int a, int b)
{
	/* an indicator that cannot be told or has nothing yet hides no other */
	if (a <= PE_LIGHT_GREY)
		return b > a ? b : a;
	if (b <= PE_LIGHT_GREY)
		return a;
	return a > b ? a : b;
}

PeStatus
pe_monitor_rules_check(const PeMonitorRules *r, PeError *err)
{
	if (!(0 < r->exec_red && r->exec_red <= r->exec_yellow && r->exec_yellow <= PE_MAX_ABS))
		return pe_fail(err, PE_ERR_INVALID, (size_t) -1,
					   gettext_noop("The execution bounds must be 0 < red <= yellow."));
	if (!(0 < r->goal_red && r->goal_red <= r->goal_yellow && r->goal_yellow < r->goal_blue &&
		  r->goal_blue <= PE_MAX_ABS))
		return pe_fail(err, PE_ERR_INVALID, (size_t) -1,
					   gettext_noop("The progress bounds must be 0 < red <= yellow < blue."));
	if (!(0 <= r->key_budget && r->key_budget <= PE_MAX_ABS && 0 < r->key_rate && r->key_rate <= FULL &&
		  1 <= r->key_month && r->key_month <= 12))
		return pe_fail(err, PE_ERR_INVALID, (size_t) -1,
					   gettext_noop("Key monitoring needs a budget of 0 or more, a rate above 0 and at most 100, and a month 1-12."));
	return pe_set_ok(err);
}

bool
pe_key_monitor(int64_t budget, int64_t spent, const PeMonitorRules *r)
{
	/* spent ÷ budget < key_rate ÷ 100, without dividing */
	return budget >= r->key_budget && budget > 0 &&
		(pe_int128) spent * FULL < (pe_int128) budget * r->key_rate;
}

static bool
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
days_in_month(int y, int m)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	return m == 2 && leap(y) ? 29 : days[m - 1];
}

PeStatus
pe_time_share(int year, int month, int day, bool by_day, PeFraction *out)
{
	int			doy = day;

	if (year < 1 || month < 1 || month > 12 || day < 1 || day > days_in_month(year, month))
		return PE_ERR_INVALID;
	if (!by_day)
	{
		out->num = month;
		out->den = 12;
		return PE_OK;
	}
	for (int m = 1; m < month; m++)
		doy += days_in_month(year, m);
	out->num = doy;
	out->den = leap(year) ? 366 : 365;
	return PE_OK;
}

/* A light from a percentage and the bounds below which it is red and yellow. */
static int
banded(int64_t v, int64_t red, int64_t yellow)
{
	return v < red ? PE_LIGHT_RED : v < yellow ? PE_LIGHT_YELLOW : PE_LIGHT_GREEN;
}

PeStatus
pe_execution(int64_t spent, int64_t budget, PeFraction share, const PeMonitorRules *r,
			 PeExecution *out)
{
	PeStatus	st;
	pe_int128	s = spent,
				b = budget;

	if (budget <= 0 || share.num <= 0 || share.den <= 0)
		return PE_NULL;
	if ((st = pe_rate(s, b, &out->rate)) != PE_OK ||
		(st = pe_rate(share.num, share.den, &out->time_progress)) != PE_OK ||
		/* (spent ÷ budget) ÷ (num ÷ den), rounded once */
		(st = pe_rate(s * share.den, b * share.num, &out->ratio)) != PE_OK ||
		(st = pe_rate(s * share.den - b * share.num, b * share.den, &out->gap)) != PE_OK)
		return st;
	out->light = banded(out->ratio, r->exec_red, r->exec_yellow);
	return PE_OK;
}

PeStatus
pe_series_pick(const int32_t *pairs, int n, int32_t day, int *picked, int *npicked, int32_t *latest,
			   PeError *err)
{
	int			last = -1;		/* the current line's last report by day */

	*npicked = 0;
	pe_set_ok(err);
	for (int i = 0; i < n; i++)
	{
		int32_t		line = pairs[2 * i],
					on = pairs[2 * i + 1];

		if (i + 1 < n && (pairs[2 * i + 2] < line || (pairs[2 * i + 2] == line && pairs[2 * i + 3] <= on)))
			return pe_fail(err, PE_ERR_INVALID, (size_t) -1, gettext_noop("not sorted by line and date"));
		if (on <= day)
			last = i;
		/* a line ends: its last report by the day counts */
		if (i + 1 == n || pairs[2 * i + 2] != line)
		{
			if (last >= 0)
			{
				if (*npicked == 0 || pairs[2 * last + 1] > *latest)
					*latest = pairs[2 * last + 1];
				picked[(*npicked)++] = last;
			}
			last = -1;
		}
	}
	return PE_OK;
}
