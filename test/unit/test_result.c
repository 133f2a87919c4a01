/*
 * test_result.c
 *		Table-driven tests of results application (pe_result.c): the action
 *		words, the checks of a rule row, the cut an action applies and the
 *		suggested amount (exact, rounded half-up once to 0.01 元).
 */
#include "pe_core.h"

#include <stdio.h>
#include <string.h>

static int	npass,
			nfail;

/* percent at PE_SCALE; 万元 at 10^-PE_MONEY_DECIMALS */
#define PCT(x) ((int64_t) ((x) * 1000000.0 + 0.5))
#define WAN(i, f10) ((pe_int128) (i) * 10000000000 + (f10))

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

int
main(void)
{
	static const struct
	{
		const char *word;
		bool		has_cut;
		int64_t		cut;
		bool		ok;
		int64_t		effective;
	}			rules[] = {
		{"优先保障", false, 0, true, 0},
		{"优先保障", true, 0, true, 0},
		{"优先保障", true, PCT(5), false, 0},
		{"据实保障", false, 0, true, 0},
		{"据实保障", true, PCT(0.000001), false, 0},
		{"核减", true, PCT(15), true, PCT(15)},
		{"核减", true, PCT(99.999999), true, PCT(99.999999)},
		{"核减", false, 0, false, 0},
		{"核减", true, 0, false, 0},
		{"核减", true, PCT(100), false, 0},
		{"核减", true, -1, false, 0},
		{"取消或暂停", false, 0, true, PCT(100)},
		{"取消或暂停", true, PCT(100), true, PCT(100)},
		{"取消或暂停", true, PCT(50), false, 0},
		{"取消或暂停", true, PCT(100) + 1, false, 0},
		{"取消", false, 0, false, 0},
		{"", false, 0, false, 0},
		{"核减 ", true, PCT(10), false, 0},
	};
	static const struct
	{
		pe_int128	base;
		int64_t		cut;
		PeStatus	st;
		pe_int128	out;
	}			sums[] = {
		{WAN(100, 0), PCT(15), PE_OK, WAN(85, 0)},
		{WAN(100, 0), 0, PE_OK, WAN(100, 0)},
		{WAN(100, 0), PCT(100), PE_OK, 0},
		{WAN(0, 0), PCT(20), PE_OK, 0},
		/* 33.33 × 0.9 = 29.997 exactly */
		{WAN(33, 3300000000), PCT(10), PE_OK, WAN(29, 9970000000)},
		/* 1.234567 × 0.875 = 1.080246125 → 1.080246 (half-up at 10^-6) */
		{WAN(1, 2345670000), PCT(12.5), PE_OK, WAN(1, 802460000)},
		/* 0.000001 × 0.5 = 0.0000005 → 0.000001 (half rounds up) */
		{WAN(0, 10000), PCT(50), PE_OK, WAN(0, 10000)},
		/* 0.000001 × 0.49 = 0.00000049 → 0 */
		{WAN(0, 10000), PCT(51), PE_OK, 0},
		/* 0.0000000001 (below 0.01 元) × 1 → 0 */
		{WAN(0, 1), 0, PE_OK, 0},
		/* 2855.55 × 66.666667 % = 1903.7000095185 → 1903.70001 */
		{WAN(2855, 5500000000), PCT(33.333333), PE_OK, WAN(1903, 7000100000)},
		{WAN(100, 0), -1, PE_ERR_RANGE, 0},
		{WAN(100, 0), PCT(100) + 1, PE_ERR_RANGE, 0},
		{-1, 0, PE_ERR_RANGE, 0},
		{(pe_int128) PE_MAX_ABS * PE_MAX_ABS, 0, PE_ERR_RANGE, 0},
	};
	char		what[200];

	check(pe_action_code("优先保障", strlen("优先保障")) == PE_ACTION_PRIORITY, "code 优先保障");
	check(pe_action_code("取消或暂停", strlen("取消或暂停")) == PE_ACTION_CANCEL, "code 取消或暂停");
	check(pe_action_code("核减", strlen("核减")) == PE_ACTION_CUT, "code 核减");
	check(pe_action_code("核", 3) == -1, "code 核");
	for (int a = 0; a < PE_ACTION_COUNT; a++)
		check(pe_action_code(pe_action_word(a), strlen(pe_action_word(a))) == a, "word round trip");
	check(pe_action_word(-1) == NULL && pe_action_word(PE_ACTION_COUNT) == NULL, "no word");
	for (size_t i = 0; i < sizeof(rules) / sizeof(rules[0]); i++)
	{
		PeError		err;
		int			a = pe_action_code(rules[i].word, strlen(rules[i].word));
		PeStatus	st = pe_result_rule_check(a, rules[i].has_cut, rules[i].cut, &err);

		snprintf(what, sizeof what, "rule %zu (%s, %lld)", i, rules[i].word, (long long) rules[i].cut);
		check((st == PE_OK) == rules[i].ok, what);
		if (st != PE_OK)
			check(err.detail != NULL && err.status == PE_ERR_INVALID, what);
		else
			check(pe_action_cut(a, rules[i].has_cut, rules[i].cut) == rules[i].effective, what);
	}
	for (size_t i = 0; i < sizeof(sums) / sizeof(sums[0]); i++)
	{
		pe_int128	out = -42;
		PeStatus	st = pe_suggest(sums[i].base, sums[i].cut, &out);

		snprintf(what, sizeof what, "suggest %zu", i);
		check(st == sums[i].st, what);
		if (st == PE_OK)
		{
			char		got[64],
						want[64];

			pe_format_scaled(out, PE_MONEY_DECIMALS, got);
			pe_format_scaled(sums[i].out, PE_MONEY_DECIMALS, want);
			snprintf(what, sizeof what, "suggest %zu: got %s, want %s", i, got, want);
			check(out == sums[i].out, what);
		}
	}
	/* outcomes: missed below 100, over-achieved at or above the row's threshold */
	{
		PeOutcome	o = {0, 0, 0, 0};

		pe_outcome_count(&o, false, 0, PCT(120));
		pe_outcome_count(&o, true, PCT(99.999999), PCT(120));
		pe_outcome_count(&o, true, PCT(100), PCT(120));
		pe_outcome_count(&o, true, PCT(119.999999), PCT(120));
		pe_outcome_count(&o, true, PCT(120), PCT(120));
		pe_outcome_count(&o, true, PCT(110), PCT(110));
		pe_outcome_count(&o, true, -PCT(5), PCT(120));
		check(o.indicators == 7 && o.measured == 6 && o.missed == 2 && o.over_achieved == 2, "outcome counts");
	}
	/* the lower median: worked examples, then random arrays against a sort */
	{
		int64_t		a[] = {5}, b[] = {7, 3}, c[] = {9, 1, 5}, d[] = {4, 4, 1, 4}, e[] = {2, 8, 6, 4};

		check(pe_lower_median(a, 1) == 5, "median of one");
		check(pe_lower_median(b, 2) == 3, "median of two: the lower");
		check(pe_lower_median(c, 3) == 5, "median of three");
		check(pe_lower_median(d, 4) == 4, "median with ties");
		check(pe_lower_median(e, 4) == 4, "median of four: the lower middle");
	}
	{
		uint64_t	x = 88172645463325252ULL;
		int			bad = 0;

		for (int t = 0; t < 20000; t++)
		{
			int64_t		v[64],
						sorted[64];
			size_t		n = 1 + t % 64;
			int			spread = (t / 64) % 3 == 0 ? 3 : 1000000;

			for (size_t i = 0; i < n; i++)
			{
				x ^= x << 13, x ^= x >> 7, x ^= x << 17;
				v[i] = (int64_t) (x % (uint64_t) spread) - spread / 2;
				sorted[i] = v[i];
			}
			for (size_t i = 1; i < n; i++)
				for (size_t j = i; j > 0 && sorted[j - 1] > sorted[j]; j--)
				{
					int64_t		tmp = sorted[j];

					sorted[j] = sorted[j - 1];
					sorted[j - 1] = tmp;
				}
			if (pe_lower_median(v, n) != sorted[(n + 1) / 2 - 1])
				bad++;
		}
		check(bad == 0, "median of 20000 random arrays equals the sorted ceil(n/2)-th");
	}
	printf("test_result: %d passed, %d failed\n", npass, nfail);
	return nfail ? 1 : 0;
}
