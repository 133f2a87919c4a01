/*
 * pe_result.c
 *		Results application (结果应用, 1.16, issue 29 part 3), free of server
 *		code: the four actions a grade band leads to, the checks of a rule
 *		row, and the suggested amount of next year's budget.
 *
 * The rule (docs/design.md, "Results application"):
 *   优先保障 (priority) and 据实保障 (as needed) cut nothing: their cut is 0,
 *     and a rule that gives them a cut above 0 is refused (a cut is what
 *     核减 is for: a band that loses money says so by its action);
 *   核减 (cut) needs a cut above 0 and below 100 percent (there is no
 *     national number: each year's budget guide sets it);
 *   取消或暂停 (cancel or suspend) cuts everything: 100, or none given.
 *   suggested = base × (100 − cut) ÷ 100, exactly, rounded half-up once to
 *   the smallest unit of money, 0.01 元 (six decimals of 万元).
 */
#include "pe_core.h"

#include <string.h>
#include <stddef.h>

#define FULL	((int64_t) 100 * PE_SCALE)

static const char *const action_words[PE_ACTION_COUNT] = {
	"优先保障", "据实保障", "核减", "取消或暂停"
};

const char *
pe_action_word(int action)
{
	return action >= 0 && action < PE_ACTION_COUNT ? action_words[action] : NULL;
}

int
pe_action_code(const char *s, size_t len)
{
	for (int a = 0; a < PE_ACTION_COUNT; a++)
		if (strlen(action_words[a]) == len && memcmp(action_words[a], s, len) == 0)
			return a;
	return -1;
}

PeStatus
pe_result_rule_check(int action, bool has_cut, int64_t cut, PeError *err)
{
	if (action < 0 || action >= PE_ACTION_COUNT)
		return pe_fail(err, PE_ERR_INVALID, (size_t) -1,
					   gettext_noop("The action must be 优先保障, 据实保障, 核减 or 取消或暂停."));
	if (has_cut && (cut < 0 || cut > FULL))
		return pe_fail(err, PE_ERR_INVALID, (size_t) -1,
					   gettext_noop("A cut is a percentage from 0 to 100."));
	switch (action)
	{
		case PE_ACTION_PRIORITY:
		case PE_ACTION_AS_NEEDED:
			if (has_cut && cut != 0)
				return pe_fail(err, PE_ERR_INVALID, (size_t) -1,
							   gettext_noop("优先保障 and 据实保障 cut nothing: their cut is 0 (a band that loses money is 核减)."));
			break;
		case PE_ACTION_CUT:
			if (!has_cut || cut <= 0 || cut >= FULL)
				return pe_fail(err, PE_ERR_INVALID, (size_t) -1,
							   gettext_noop("核减 needs its cut, above 0 and below 100 percent (a cut of 100 is 取消或暂停)."));
			break;
		case PE_ACTION_CANCEL:
			if (has_cut && cut != FULL)
				return pe_fail(err, PE_ERR_INVALID, (size_t) -1,
							   gettext_noop("取消或暂停 cuts everything: its cut is 100."));
			break;
	}
	return pe_set_ok(err);
}

int64_t
pe_action_cut(int action, bool has_cut, int64_t cut)
{
	if (has_cut)
		return cut;
	return action == PE_ACTION_CANCEL ? FULL : 0;
}

PeStatus
pe_suggest(pe_int128 base, int64_t cut, pe_int128 *out)
{
	/* base at 10^-PE_MONEY_DECIMALS 万元, cut at PE_SCALE percent */
	const pe_int128 fen = 10000;	/* 0.01 元 = 10^-6 万元 at 10^-10 */
	const pe_int128 den = (pe_int128) FULL * fen;
	const pe_int128 limit = (pe_int128) PE_MAX_ABS * PE_MAX_ABS;
	pe_int128	num,
				q,
				r;

	if (cut < 0 || cut > FULL || base < 0 || base > limit / FULL)
		return PE_ERR_RANGE;
	num = base * (FULL - cut);
	q = num / den;
	r = num % den;
	if (2 * r >= den)
		q++;
	*out = q * fen;
	return PE_OK;
}

void
pe_outcome_count(PeOutcome *o, bool has_completion, int64_t completion, int64_t over_threshold)
{
	o->indicators++;
	if (!has_completion)
		return;
	o->measured++;
	if (completion < 100 * PE_SCALE)
		o->missed++;
	if (completion >= over_threshold)
		o->over_achieved++;
}

/* Quickselect (Hoare's partition, middle pivot): linear on average. */
int64_t
pe_lower_median(int64_t *v, size_t n)
{
	ptrdiff_t	k = (ptrdiff_t) ((n + 1) / 2) - 1,
				lo = 0,
				hi = (ptrdiff_t) n - 1;

	while (lo < hi)
	{
		int64_t		pivot = v[lo + (hi - lo) / 2];
		ptrdiff_t	i = lo,
					j = hi;

		while (i <= j)
		{
			while (v[i] < pivot)
				i++;
			while (v[j] > pivot)
				j--;
			if (i <= j)
			{
				int64_t		t = v[i];

				v[i++] = v[j];
				v[j--] = t;
			}
		}
		/* now [lo, j] <= pivot <= [i, hi], and what lies between is the pivot */
		if (k <= j)
			hi = j;
		else if (k >= i)
			lo = i;
		else
			return v[k];
	}
	return v[k];
}
