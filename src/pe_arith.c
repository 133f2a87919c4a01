/*
 * pe_arith.c
 *		Exact completion-rate arithmetic for perfeval, free of server code.
 *
 * Values are int64 fixed point (PE_SCALE); intermediate products use
 * __int128 so that no conversion between 元 and 亿元 can overflow or round.
 */
#include "pe_core.h"

#include <string.h>

typedef __int128 pe_i128;

/* Divide rounding half away from zero (half-up for the positive rates). */
static pe_i128
div_round(pe_i128 n, pe_i128 d)
{
	pe_i128		q,
				r;

	if (d < 0)
	{
		n = -n;
		d = -d;
	}
	if (n == (int64_t) n && d == (int64_t) d)
	{
		/* per row: most operands fit 64 bits, whose division is far cheaper */
		q = (int64_t) n / (int64_t) d;
		r = (int64_t) n % (int64_t) d;
	}
	else
	{
		q = n / d;
		r = n % d;
	}
	if (r < 0)
		r = -r;
	if (2 * r >= d)
		q += (n < 0) ? -1 : 1;
	return q;
}

/* Factor that brings a money unit to 元; 1 for every other unit. */
static int64_t
unit_factor(int unit)
{
	switch (unit)
	{
		case PE_UNIT_WANYUAN:
			return INT64_C(10000);
		case PE_UNIT_YIYUAN:
			return INT64_C(100000000);
		default:
			return 1;
	}
}

/* Are two single units (numerator or denominator) of one dimension? */
static bool
same_dimension(int u1, int u2)
{
	PeDim		d1,
				d2;

	if (u1 == u2)
		return true;
	d1 = pe_unit_dim(u1);
	d2 = pe_unit_dim(u2);
	return d1 == d2 && (d1 == PE_DIM_MONEY || d1 == PE_DIM_PERCENT ||
						d1 == PE_DIM_DAY);
}

/*
 * Check that target and actual units can be compared and find the factors
 * that bring both to one base.  A bare number adopts the other side's unit.
 */
static PeStatus
reconcile_units(const PeQuant *t, const PeQuant *a,
				int64_t *ft, int64_t *fa, PeError *err)
{
	bool		t_bare = (t->unit == PE_UNIT_NONE && t->per == PE_UNIT_NONE);
	bool		a_bare = (a->unit == PE_UNIT_NONE && a->per == PE_UNIT_NONE);

	*ft = *fa = 1;
	/* a deadline is compared with a date, and a date with nothing else */
	if ((t->unit == PE_UNIT_DATE) != (a->unit == PE_UNIT_DATE))
	{
		err->status = PE_ERR_UNITS;
		err->offset = -1;
		err->detail = gettext_noop("A date is compared only with a date (write the actual as 2024年10月20日).");
		return PE_ERR_UNITS;
	}
	if (t_bare || a_bare)
		return PE_OK;

	if (t->unit == PE_UNIT_CUSTOM || a->unit == PE_UNIT_CUSTOM)
	{
		if (t->unit == a->unit && t->textlen == a->textlen &&
			memcmp(t->text, a->text, t->textlen) == 0)
			return PE_OK;
		err->status = PE_ERR_UNITS;
		err->offset = -1;
		err->detail = gettext_noop("A unit perfeval does not know can only be compared with the same unit.");
		return PE_ERR_UNITS;
	}
	if (!same_dimension(t->unit, a->unit) ||
		!(t->per == a->per || (t->per != PE_UNIT_NONE && a->per != PE_UNIT_NONE &&
							   same_dimension(t->per, a->per) &&
							   unit_factor(t->per) == unit_factor(a->per))))
	{
		err->status = PE_ERR_UNITS;
		err->offset = -1;
		err->detail = gettext_noop("Only money units (元, 万元, 亿元), percentages, and identical units can be compared.");
		return PE_ERR_UNITS;
	}
	*ft = unit_factor(t->unit);
	*fa = unit_factor(a->unit);
	return PE_OK;
}

/* Does the actual value satisfy the comparator against the target? */
static bool
comparison_holds(int cmp, pe_i128 a, pe_i128 t)
{
	switch (cmp)
	{
		case PE_CMP_GE:
			return a >= t;
		case PE_CMP_GT:
			return a > t;
		case PE_CMP_LE:
			return a <= t;
		case PE_CMP_LT:
			return a < t;
		default:
			return a == t;
	}
}

/*
 * Is a target met?  Its comparator, except that "=" is met by any actual at
 * or above a positive target (exceeding it is not penalised).
 */
static bool
target_met(int cmp, pe_i128 a, pe_i128 t)
{
	if (cmp == PE_CMP_EQ && t > 0)
		return a >= t;
	return comparison_holds(cmp, a, t);
}

/* Both sides on one base (their units reconciled), or why they cannot be. */
static PeStatus
on_one_base(const PeQuant *t, const PeQuant *a, pe_i128 *tv, pe_i128 *av, PeError *err)
{
	int64_t		ft,
				fa;
	PeStatus	st = reconcile_units(t, a, &ft, &fa, err);

	if (st != PE_OK)
		return st;
	*tv = (pe_i128) t->amount * ft;
	*av = (pe_i128) a->amount * fa;
	return PE_OK;
}

/* The same for the methods scored from the values (see pe_core.h). */
PeStatus
pe_one_base(const PeQuant *t, const PeQuant *a, pe_i128 *tv, pe_i128 *av,
			int64_t *ft, PeError *err)
{
	int64_t		fa;
	PeStatus	st;

	err->status = PE_OK;
	err->offset = -1;
	err->detail = NULL;
	if (t->unit == PE_UNIT_QUAL || a->unit == PE_UNIT_QUAL)
		return PE_NULL;
	/* a deadline has no points to count over or under */
	if (t->unit == PE_UNIT_DATE || a->unit == PE_UNIT_DATE)
	{
		err->status = PE_ERR_UNITS;
		err->detail = gettext_noop("A deadline is met or not; a method counting points over or under it does not apply.");
		return PE_ERR_UNITS;
	}
	if ((st = reconcile_units(t, a, ft, &fa, err)) != PE_OK)
		return st;
	*tv = (pe_i128) t->amount * *ft;
	*av = (pe_i128) a->amount * fa;
	return PE_OK;
}

/* Can completion() compare the units of t and a (a qualitative side aside)? */
bool
pe_units_comparable(const PeQuant *t, const PeQuant *a)
{
	int64_t		ft,
				fa;
	PeError		err;

	if (t->unit == PE_UNIT_QUAL || a->unit == PE_UNIT_QUAL)
		return true;
	return reconcile_units(t, a, &ft, &fa, &err) == PE_OK;
}

/*
 * Completion rate in percent.  More-is-better targets (= ≥ >) give
 * actual / target; less-is-better targets (≤ <) give 100 when met and a
 * reduced rate otherwise.  Targets at or below zero cannot be divided by,
 * so they give 100 when the comparison holds and 0 when it does not.  "="
 * is met by any actual at or above a positive target (exceeding it is not
 * penalised).  A target not met never reaches 100 %: a strict target at its
 * bound (>5 against 5, <5 against 5) is one unit short.
 */
PeStatus
pe_completion(const PeQuant *t, const PeQuant *a, PeReverse rule,
			  PeCompletion *out, PeError *err)
{
	pe_i128		tv,
				av,
				r;
	const pe_i128 hundred = (pe_i128) 100 * PE_SCALE;
	PeStatus	st;
	bool		met;

	err->status = PE_OK;
	err->offset = -1;
	err->detail = NULL;

	if (t->unit == PE_UNIT_QUAL || a->unit == PE_UNIT_QUAL)
		return PE_NULL;
	st = on_one_base(t, a, &tv, &av, err);
	if (st != PE_OK)
		return st;

	/* a deadline is met or not: 100 % or 0 */
	if (t->unit == PE_UNIT_DATE)
	{
		out->met = comparison_holds(t->cmp, av, tv);
		out->boundary = false;
		out->rate = out->met ? (int64_t) hundred : 0;
		return PE_OK;
	}

	met = target_met(t->cmp, av, tv);
	if (t->cmp == PE_CMP_LE || t->cmp == PE_CMP_LT)
	{
		if (met)
			r = hundred;
		else if (tv <= 0)
			r = 0;
		else if (rule == PE_REVERSE_LINEAR)
		{
			r = div_round((2 * tv - av) * hundred, tv);
			if (r < 0)
				r = 0;
		}
		else
			r = div_round(tv * hundred, av);	/* av >= tv > 0 here */
	}
	else if (tv <= 0)
		r = met ? hundred : 0;
	else
		r = div_round(av * hundred, tv);

	out->met = met;
	out->boundary = !met && r >= hundred;
	if (out->boundary)
		r = hundred - 1;
	if (r > PE_MAX_ABS || r < -PE_MAX_ABS)
	{
		err->status = PE_ERR_RANGE;
		err->detail = gettext_noop("The completion rate exceeds 999999999999.999999 percent.");
		return PE_ERR_RANGE;
	}
	out->rate = (int64_t) r;
	return PE_OK;
}

/*
 * The light a qualitative actual's words give (达成 green, 部分达成 yellow,
 * 未达成 red, and the monitoring forms' longer words), or PE_LIGHT_NONE.
 */
static int
word_light(const PeQuant *a)
{
	static const struct
	{
		const char *word;
		int			light;
	}			words[] = {
		{"达成", PE_LIGHT_GREEN}, {"达成目标", PE_LIGHT_GREEN},
		{"部分达成", PE_LIGHT_YELLOW}, {"部分达成目标并具有一定效果", PE_LIGHT_YELLOW},
		{"未达成", PE_LIGHT_RED}, {"未达成目标且效果较差", PE_LIGHT_RED},
	};

	if (a->unit != PE_UNIT_QUAL)
		return PE_LIGHT_NONE;
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strlen(words[i].word) == a->textlen && memcmp(words[i].word, a->text, a->textlen) == 0)
			return words[i].light;
	return PE_LIGHT_NONE;
}

PeStatus
pe_progress(const PeQuant *t, const PeQuant *a, int32_t date, PeFraction share, bool full,
			const PeMonitorRules *rules, PeProgress *out, PeError *err)
{
	pe_i128		tv,
				av,
				num,
				den;
	PeStatus	st;

	memset(out, 0, sizeof(*out));
	pe_set_ok(err);
	if (full || share.den <= 0 || share.num <= 0)
		share.num = share.den = 1;
	/* a deadline is due on its day; everything else is due in its year */
	out->due = t->unit != PE_UNIT_DATE || (int64_t) date * PE_SCALE >= t->amount;
	if (t->unit == PE_UNIT_QUAL || (a && a->unit == PE_UNIT_QUAL))
	{
		out->light = a ? word_light(a) : PE_LIGHT_GREY;
		out->met = out->light == PE_LIGHT_GREEN;
		return PE_OK;
	}
	if (t->unit != PE_UNIT_DATE && t->cmp != PE_CMP_LE && t->cmp != PE_CMP_LT && t->amount > 0)
	{
		pe_i128		e = div_round((pe_i128) t->amount * share.num, share.den);

		out->has_expected = true;
		out->expected = (int64_t) e;
	}
	if (a == NULL)
	{
		out->light = PE_LIGHT_GREY;
		return PE_OK;
	}
	st = on_one_base(t, a, &tv, &av, err);
	if (st != PE_OK)
		return st;
	if (t->unit == PE_UNIT_DATE)
	{
		out->met = comparison_holds(t->cmp, av, tv);
		out->light = out->met || !out->due ? PE_LIGHT_GREEN : PE_LIGHT_RED;
		return PE_OK;
	}
	out->met = target_met(t->cmp, av, tv);
	if (!out->has_expected)
	{
		/* ≤ <, or a target at or below 0: met or not */
		out->light = out->met ? PE_LIGHT_GREEN : PE_LIGHT_RED;
		return PE_OK;
	}
	/* actual ÷ (target × num ÷ den) × 100, rounded once */
	num = av * share.den;
	den = tv * share.num;
	if (pe_rate(num, den, &out->progress) != PE_OK)
		return pe_fail(err, PE_ERR_RANGE, (size_t) -1,
					   gettext_noop("The progress exceeds 999999999999.999999 percent."));
	out->has_progress = true;
	out->light = out->progress >= rules->goal_blue ? PE_LIGHT_BLUE :
		out->progress < rules->goal_red ? PE_LIGHT_RED :
		out->progress < rules->goal_yellow ? PE_LIGHT_YELLOW : PE_LIGHT_GREEN;
	return PE_OK;
}
