/*
 * pe_eval.c
 *		The scoring rules of perfeval, free of server code: how one indicator
 *		row is scored (pe_evaluate), the pieces it is made of (methods,
 *		rounding, qualitative tiers, satisfaction and money rates), and the
 *		names and texts of its problems and findings.
 *
 * Every value is fixed point: amounts, weights and percentages at PE_SCALE
 * (10^-6), money in 万元 at 10^-PE_MONEY_DECIMALS.  Products are formed in
 * 128-bit integers and each result is rounded exactly once.
 */
#include "pe_core.h"

#include <string.h>

typedef pe_int128 i128;

#define FULL	((int64_t) 100 * PE_SCALE)	/* 100 % */

static const int64_t pow10_6[] = {
	1, 10, 100, 1000, 10000, 100000, 1000000
};

const int64_t pe_default_coefficients[PE_DEFAULT_COEFFICIENTS] = {
	1000000, 800000, 600000, 300000, 0
};

static const char *const problem_keys[PE_PROBLEM_COUNT] = {
	"", "missing_actual", "missing_target", "unjudged_qualitative",
	"incomparable_units", "judgement_out_of_band", "missing_responses",
	"missing_money", "rate_out_of_range", "invalid_value", "missing_printed_score"
};

static const char *const problem_texts[PE_PROBLEM_COUNT] = {
	"",
	"未录入实际完成值",
	"未设定指标值",
	"定性指标未评判达成档次",
	"指标值与实际值单位不可比",
	"评判比例不在所评档次区间内",
	"无满意度调查样本或选项缺少系数",
	"无资金数据或比率分母为零",
	"比率或完成率超出可计算范围",
	"输入数值无效",
	"仅有报告得分的指标未录入报告得分"
};

static const char *const source_names[PE_SOURCE_COUNT] = {
	"actual", "checklist", "survey", "arrival_rate", "execution_rate", "printed"
};

static const char *const tier_names[PE_TIER_COUNT] = {
	"", "达成", "部分达成", "未达成"
};

static const char *const base_names[PE_BASE_COUNT] = {
	"arrived", "budget", "initial"
};

const char *
pe_problem_key(int problem)
{
	return problem > 0 && problem < PE_PROBLEM_COUNT ? problem_keys[problem] : "";
}

const char *
pe_problem_text(int problem)
{
	return problem > 0 && problem < PE_PROBLEM_COUNT ? problem_texts[problem] : "";
}

const char *
pe_source_name(int source)
{
	return source >= 0 && source < PE_SOURCE_COUNT ? source_names[source] : "";
}

const char *
pe_tier_name(int tier)
{
	return tier >= 0 && tier < PE_TIER_COUNT ? tier_names[tier] : "";
}

const char *
pe_base_name(int base)
{
	return base >= 0 && base < PE_BASE_COUNT ? base_names[base] : "";
}

/* Index of s[0..len) in names[0..n), or -1. */
static int
name_code(const char *const *names, int n, const char *s, size_t len)
{
	for (int i = 0; i < n; i++)
		if (strlen(names[i]) == len && memcmp(names[i], s, len) == 0)
			return i;
	return -1;
}

int
pe_source_code(const char *s, size_t len)
{
	/* called per row: the first byte and the length tell the names apart */
	switch (len)
	{
		case 6:
			return s[0] == 'a' && memcmp(s, "actual", 6) == 0 ? PE_SOURCE_ACTUAL :
				s[0] == 's' && memcmp(s, "survey", 6) == 0 ? PE_SOURCE_SURVEY : -1;
		case 7:
			return memcmp(s, "printed", 7) == 0 ? PE_SOURCE_PRINTED : -1;
		case 9:
			return memcmp(s, "checklist", 9) == 0 ? PE_SOURCE_CHECKLIST : -1;
		case 12:
			return memcmp(s, "arrival_rate", 12) == 0 ? PE_SOURCE_ARRIVAL : -1;
		case 14:
			return memcmp(s, "execution_rate", 14) == 0 ? PE_SOURCE_EXECUTION : -1;
		default:
			return -1;
	}
}

int
pe_tier_code(const char *s, size_t len)
{
	return len == 0 ? -1 : name_code(tier_names, PE_TIER_COUNT, s, len);
}

int
pe_base_code(const char *s, size_t len)
{
	return name_code(base_names, PE_BASE_COUNT, s, len);
}

/* ---------------------------------------------------------------- rules */

PeStatus
pe_rules_check(const PeRules *r, PeError *err)
{
	if (r->decimals < 0 || r->decimals > PE_DECIMALS)
		return pe_fail(err, PE_ERR_INVALID, 0,
					   "Scores keep between 0 and 6 decimals.");
	if (!(0 < r->tier_low && r->tier_low < r->tier_high && r->tier_high < FULL))
		return pe_fail(err, PE_ERR_INVALID, 0,
					   "Qualitative tier bounds must satisfy 0 < low < high < 100, such as 80 and 60.");
	if (r->over_threshold <= FULL)
		return pe_fail(err, PE_ERR_INVALID, 0,
					   "The over-achievement threshold is a completion above 100 percent, such as 120.");
	if (r->ncoef < 1 || r->ncoef > PE_MAX_OPTIONS)
		return pe_fail(err, PE_ERR_INVALID, 0,
					   "A survey has between 1 and 16 answer options, each with a coefficient.");
	for (int i = 0; i < r->ncoef; i++)
		if (r->coef[i] < 0 || r->coef[i] > PE_SCALE)
			return pe_fail(err, PE_ERR_INVALID, 0,
						   "Satisfaction coefficients lie between 0 and 1.");
	if (r->reverse > PE_REVERSE_LINEAR || r->base >= PE_BASE_COUNT)
		return pe_fail(err, PE_ERR_INVALID, 0, "Unknown reverse rule or execution base.");
	return pe_set_ok(err);
}

void
pe_tier_band(const PeRules *r, int tier, int64_t *lo, int64_t *hi)
{
	switch (tier)
	{
		case PE_TIER_MET:
			*lo = r->tier_high, *hi = FULL;
			break;
		case PE_TIER_PARTLY:
			*lo = r->tier_low, *hi = r->tier_high;
			break;
		default:
			*lo = 0, *hi = r->tier_low;
			break;
	}
}

/* -------------------------------------------------------------- arithmetic */

/* n / d rounded half away from zero, or truncated toward zero; d > 0. */
static i128
div_rounded(i128 n, i128 d, bool truncate)
{
	i128		q,
				r;

	/* per row: most operands fit 64 bits, whose division is far cheaper */
	if (n == (int64_t) n && d == (int64_t) d)
	{
		int64_t		n64 = (int64_t) n,
					d64 = (int64_t) d;

		q = n64 / d64;
		r = n64 % d64;
	}
	else
	{
		q = n / d;
		r = n % d;
	}

	if (!truncate)
	{
		if (r < 0)
			r = -r;
		if (2 * r >= d)
			q += (n < 0) ? -1 : 1;
	}
	return q;
}

PeExact
pe_method_score(const PeMethod *m, int64_t w, int64_t c)
{
	PeExact		x = {0, 1};

	switch (m->kind)
	{
		case PE_METHOD_ALL_OR_NOTHING:
			if (c >= FULL)
				x.num = w;
			return x;
		case PE_METHOD_DEDUCT:
			/* w less p1 points per p2 percentage points short, pro rata */
			if (c >= FULL || m->p2 <= 0)
			{
				x.num = w;
				return x;
			}
			x.num = (i128) w * m->p2 - (i128) m->p1 * (FULL - c);
			x.den = m->p2;
			if (x.num < 0)
				x.num = 0;
			else if (x.num > (i128) w * m->p2)
				x.num = (i128) w * m->p2;
			return x;
		case PE_METHOD_FLOOR:
			if (c < m->p1)
				return x;
			/* FALLTHROUGH */
		default:
			x.num = (i128) w * (c < 0 ? 0 : (c > FULL ? FULL : c));
			x.den = FULL;
			return x;
	}
}

bool
pe_method_needs_values(const PeMethod *m)
{
	return m->kind == PE_METHOD_OVER || m->kind == PE_METHOD_UNDER ||
		m->kind == PE_METHOD_DEVIATION || m->kind == PE_METHOD_BANDS;
}

/* a * b, or false when it does not fit 128 bits */
static bool
mul_ok(i128 a, i128 b, i128 *out)
{
	return !__builtin_mul_overflow(a, b, out);
}

/*
 * weight less K points per p2 of a gap g / gd (>= 0, in the step's unit),
 * pro rata like deduct:K/P, at most the cap deducted, within [0, weight]:
 * (w * p2 * gd - K * g) / (p2 * gd).
 */
static PeStatus
deduct_gap(const PeMethod *m, int64_t w, i128 g, i128 gd, PeExact *out)
{
	i128		den,
				full,
				cut;

	if (g <= 0)
	{
		out->num = w;
		out->den = 1;
		return PE_OK;
	}
	if (!mul_ok(m->p2, gd, &den) || !mul_ok(w, den, &full) ||
		!mul_ok(pe_method_points(m), g, &cut))
		return PE_ERR_RANGE;
	/* 扣满N分为止: at most the cap deducted */
	if (pe_method_cap(m) > 0)
	{
		i128		most;

		if (!mul_ok(pe_method_cap(m), den, &most))
			return PE_ERR_RANGE;
		if (cut > most)
			cut = most;
	}
	out->num = cut >= full ? 0 : full - cut;
	out->den = den;
	return PE_OK;
}

PeStatus
pe_method_score_values(const PeMethod *m, int64_t w, const PeQuant *t,
					   const PeQuant *a, PeExact *out)
{
	i128		tv,
				av,
				g;
	int64_t		ft;
	PeError		err;
	PeStatus	st;

	out->num = 0;
	out->den = 1;
	if ((st = pe_one_base(t, a, &tv, &av, &ft, &err)) != PE_OK)
		return st;
	switch (m->kind)
	{
		case PE_METHOD_OVER:
			/* the excess in the target's own unit: (av - tv) / ft */
			return deduct_gap(m, w, av - tv, ft, out);
		case PE_METHOD_UNDER:
			return deduct_gap(m, w, tv - av, ft, out);
		case PE_METHOD_DEVIATION:
			g = av > tv ? av - tv : tv - av;
			/* a target of 0 has no percent of itself: its own points */
			if (tv == 0)
				return deduct_gap(m, w, g, ft, out);
			/* |av - tv| / |tv| in percent: g * 100 / |tv| */
			if (!mul_ok(g, FULL, &g))
				return PE_ERR_RANGE;
			return deduct_gap(m, w, g, tv < 0 ? -tv : tv, out);
		case PE_METHOD_BANDS:
			{
				PeMethodBands b;
				int			k;

				/* the band of the actual in the target's unit: av against bound × ft */
				pe_method_bands(m, &b);
				for (k = 0; k < b.n - 1; k++)
					if (b.upper ? av <= (i128) b.bound[k] * ft : av < (i128) b.bound[k] * ft)
						break;
				/* a band's points, at most the weight */
				out->num = b.points[k] < w ? b.points[k] : w;
				return PE_OK;
			}
		default:
			return PE_ERR_INVALID;
	}
}

PeExact
pe_judged_exact(int64_t w, int64_t fraction)
{
	PeExact		x;

	x.num = (i128) w * fraction;
	x.den = FULL;
	return x;
}

PeStatus
pe_round_score(PeExact x, int decimals, bool truncate, int64_t *out)
{
	int64_t		unit = pow10_6[PE_DECIMALS - decimals];
	i128		q = div_rounded(x.num, x.den * unit, truncate) * unit;

	if (q > PE_MAX_ABS || q < -PE_MAX_ABS)
		return PE_ERR_RANGE;
	*out = (int64_t) q;
	return PE_OK;
}

PeStatus
pe_rate(i128 num, i128 den, int64_t *out)
{
	i128		r;

	if (den == 0)
		return PE_NULL;
	if (den < 0)
		num = -num, den = -den;
	/* |num| < 10^29 keeps num × 10^8 inside 128 bits */
	if (num > (i128) 100000000000000000 * 1000000000000 ||
		num < -(i128) 100000000000000000 * 1000000000000)
		return PE_ERR_RANGE;
	r = div_rounded(num * FULL, den, false);
	if (r > PE_MAX_ABS || r < -PE_MAX_ABS)
		return PE_ERR_RANGE;
	*out = (int64_t) r;
	return PE_OK;
}

PeStatus
pe_survey_rate(const PeSurvey *s, const PeRules *r, int64_t *out)
{
	i128		total = 0,
				weighted = 0;

	for (int i = 0; i < s->n && i < PE_MAX_OPTIONS; i++)
	{
		int64_t		coef;

		if (!s->answered[i])
			continue;
		coef = s->coef[i] >= 0 ? s->coef[i] : (r && i < r->ncoef ? r->coef[i] : -1);
		if (coef < 0)
			return PE_NULL;		/* an option without a coefficient */
		total += s->count[i];
		weighted += (i128) s->count[i] * coef;
	}
	if (total <= 0)
		return PE_NULL;
	/* weighted is in 10^-6 answers: × 100 gives percent at PE_SCALE */
	*out = (int64_t) div_rounded(weighted * 100, total, false);
	return PE_OK;
}

PeStatus
pe_money_rate(const PeMoney *m, int source, int base, int64_t *out)
{
	if (source == PE_SOURCE_ARRIVAL)
		return m->has_arrived && m->has_budget ? pe_rate(m->arrived, m->budget, out) : PE_NULL;
	switch (base)
	{
		case PE_BASE_BUDGET:
			return m->has_spent && m->has_budget ? pe_rate(m->spent, m->budget, out) : PE_NULL;
		case PE_BASE_INITIAL:
			return m->has_spent && m->has_initial ? pe_rate(m->spent, m->initial, out) : PE_NULL;
		default:
			return m->has_spent && m->has_arrived ? pe_rate(m->spent, m->arrived, out) : PE_NULL;
	}
}

/* ---------------------------------------------------------------- evaluate */

/* The rate of a money or survey row, or why there is none. */
static PeStatus
row_rate(const PeRow *r, int64_t *rate)
{
	if (r->rate_given)
	{
		if (!r->has_rate)
			return PE_NULL;
		if (r->rate > PE_MAX_ABS || r->rate < -PE_MAX_ABS)
			return PE_ERR_RANGE;
		*rate = r->rate;
		return PE_OK;
	}
	if (r->source == PE_SOURCE_SURVEY)
		return pe_survey_rate(&r->survey, r->rules, rate);
	return pe_money_rate(&r->money, r->source, r->rules->base, rate);
}

/* A row judged by its printed score (see pe_core.h). */
bool
pe_judged_by_score(const PeRules *r, int64_t score, int64_t weight, int64_t *fraction, int *tier)
{
	pe_int128	num;
	int64_t		f;

	if (weight <= 0 || score < 0)
		return false;
	/* percent, six decimals, rounded up: fraction × weight gives the score back */
	num = (pe_int128) score * FULL;
	f = (int64_t) ((num + weight - 1) / weight);
	if (f > FULL)
		f = FULL;
	*fraction = f;
	*tier = f >= r->tier_high ? PE_TIER_MET : f >= r->tier_low ? PE_TIER_PARTLY : PE_TIER_MISSED;
	return true;
}

/* A project's total before rounding (see pe_core.h). */
PeExact
pe_total_exact(int64_t points, int64_t weight)
{
	PeExact		x = {points, 1};

	if (weight != FULL && weight > 0)
	{
		x.num = (pe_int128) points * FULL;
		x.den = weight;
	}
	return x;
}

/* Why a target and an actual cannot be compared (see pe_core.h). */
int
pe_incomparable_why(const PeQuant *t, const PeQuant *a)
{
	PeCompletion c;
	PeError		err;
	bool		tq = t->unit == PE_UNIT_QUAL,
				aq = a->unit == PE_UNIT_QUAL;

	if (tq != aq)
		return tq ? 2 : 1;
	if (tq)
		return 0;
	return pe_completion(t, a, PE_REVERSE_RATIO, &c, &err) == PE_ERR_UNITS ? 3 : 0;
}

/* Completion of a measure against the target, into e, or the problem. */
static int
measured(const PeRow *r, const PeQuant *actual, PeEval *e, bool *boundary)
{
	PeCompletion c;
	PeError		err;
	PeQuant		target = r->target;

	/*
	 * Some provinces' self-evaluation reads a zero target "=0" (安全事故0起)
	 * as at most 0: a scheme says so, and then it is "<=0".
	 */
	if (r->rules->zero_at_most && target.cmp == PE_CMP_EQ && target.amount == 0 &&
		target.unit != PE_UNIT_DATE && target.unit != PE_UNIT_QUAL)
		target.cmp = PE_CMP_LE;
	switch (pe_completion(&target, actual, (PeReverse) r->rules->reverse, &c, &err))
	{
		case PE_OK:
			e->has_completion = true;
			e->completion = c.rate;
			e->met = c.met;
			*boundary = c.boundary;
			return PE_PROBLEM_NONE;
		case PE_NULL:
			return PE_PROBLEM_UNJUDGED;
		case PE_ERR_UNITS:
			return PE_PROBLEM_INCOMPARABLE;
		default:
			return PE_PROBLEM_RATE_RANGE;
	}
}

void
pe_evaluate(const PeRow *r, PeEval *e)
{
	const PeRules *rules = r->rules;
	PeExact		x = {0, 1};
	bool		scored = false,
				boundary = false;
	int			problem = PE_PROBLEM_NONE;
	PeQuant		pct = {PE_CMP_NONE, PE_UNIT_PERCENT, PE_UNIT_NONE, 0, NULL, 0};
	const PeQuant *measure = NULL;	/* what the completion was measured from */

	memset(e, 0, sizeof(*e));
	e->applicable = r->applicable;

	/* valued checklist points that do not add up to the weight */
	if (r->source == PE_SOURCE_CHECKLIST && r->has_checklist && r->checklist.valued > 0 &&
		(r->checklist.valued < r->checklist.points || r->checklist.valued_sum != r->weight))
		e->findings |= PE_FINDING_CHECKLIST;

	if (!r->applicable)
		return;

	if (r->invalid || r->weight <= 0 || rules == NULL)
		problem = PE_PROBLEM_INVALID;
	else
	{
		bool		rated = r->source == PE_SOURCE_SURVEY || r->source == PE_SOURCE_ARRIVAL ||
			r->source == PE_SOURCE_EXECUTION;
		PeStatus	rst = PE_NULL;

		if (rated)
		{
			rst = row_rate(r, &e->rate);
			e->has_rate = rst == PE_OK;
		}

		if (r->source == PE_SOURCE_PRINTED)
		{
			/*
			 * A row printing only its weight and score (no target, no
			 * actual): the printed score is kept as printed, flagged as not
			 * derivable; one that is not a score of the weight is not kept.
			 */
			if (!r->has_printed)
				problem = PE_PROBLEM_MISSING_PRINTED;
			else if (r->printed_score < 0 || r->printed_score > r->weight)
				problem = PE_PROBLEM_INVALID;
			else
			{
				e->score = r->printed_score;
				e->has_score = true;
				e->findings |= PE_FINDING_PRINTED_ONLY;
			}
		}
		else if (r->source == PE_SOURCE_CHECKLIST)
		{
			int64_t		d = r->has_checklist ? r->checklist.deducted : 0;

			x.num = d < 0 ? r->weight : (d > r->weight ? 0 : r->weight - d);
			scored = true;
		}
		else if (r->actual.present && r->actual.tier != PE_TIER_NONE)
		{
			int64_t		lo,
						hi;

			pe_tier_band(rules, r->actual.tier, &lo, &hi);
			/*
			 * A number target the actual cannot be compared with (a word,
			 * units that do not convert): judged by the tier of its printed
			 * score, and said so.  (A word target is qualitative: judged by
			 * its tier whatever the actual, as the forms do.)
			 */
			if (r->has_target && r->actual.has_measure &&
				pe_incomparable_why(&r->target, &r->actual.measure) % 2 == 1)
				e->findings |= PE_FINDING_JUDGED_BY_SCORE;
			e->has_completion = true;
			e->completion = r->actual.fraction;
			if (r->actual.fraction < lo || r->actual.fraction > hi)
				problem = PE_PROBLEM_OUT_OF_BAND;
			else
			{
				x = pe_judged_exact(r->weight, r->actual.fraction);
				scored = true;
			}
		}
		else if (r->source == PE_SOURCE_ACTUAL)
		{
			if (!r->actual.present || !r->actual.has_measure)
				problem = PE_PROBLEM_MISSING_ACTUAL;
			else if (!r->has_target)
				problem = PE_PROBLEM_MISSING_TARGET;
			else
			{
				measure = &r->actual.measure;
				problem = measured(r, measure, e, &boundary);
			}
			scored = problem == PE_PROBLEM_NONE;
		}
		else if (!e->has_rate)
			problem = rst == PE_ERR_RANGE ? PE_PROBLEM_RATE_RANGE :
				r->source == PE_SOURCE_SURVEY ? PE_PROBLEM_MISSING_RESPONSES :
				PE_PROBLEM_MISSING_MONEY;
		else if (!r->has_target)
		{
			e->has_completion = true;
			e->completion = e->rate;
			e->met = e->rate >= FULL;
			scored = true;
		}
		else
		{
			pct.amount = e->rate;
			measure = &pct;
			problem = measured(r, measure, e, &boundary);
			scored = problem == PE_PROBLEM_NONE;
		}

		if (scored && e->has_completion && r->source != PE_SOURCE_CHECKLIST &&
			!(r->actual.present && r->actual.tier != PE_TIER_NONE))
		{
			if (!pe_method_needs_values(&r->method))
				x = pe_method_score(&r->method, r->weight, e->completion);
			else if (measure == NULL)
			{
				/* a rate without a target: nothing to count over or under */
				problem = PE_PROBLEM_MISSING_TARGET;
				scored = false;
			}
			else
			{
				PeStatus	vst = pe_method_score_values(&r->method, r->weight,
														 &r->target, measure, &x);

				if (vst != PE_OK)
				{
					problem = vst == PE_NULL ? PE_PROBLEM_UNJUDGED :
						vst == PE_ERR_UNITS ? PE_PROBLEM_INCOMPARABLE : PE_PROBLEM_RATE_RANGE;
					scored = false;
				}
			}
		}
		if (scored)
		{
			if (pe_round_score(x, rules->decimals, rules->truncate, &e->score) != PE_OK)
				problem = PE_PROBLEM_RATE_RANGE;
			else
			{
				e->has_score = true;
				/* a strict target at its bound is not met: no full marks */
				if (boundary && e->score >= r->weight)
				{
					int64_t		unit = pow10_6[PE_DECIMALS - rules->decimals];

					e->score = r->weight > unit ? ((r->weight - 1) / unit) * unit : 0;
				}
			}
		}
	}

	e->problem = (uint8_t) problem;
	if (problem != PE_PROBLEM_NONE)
		e->findings |= PE_FINDING_PROBLEM;
	if (r->has_printed && e->has_score && r->printed_score != e->score)
		e->findings |= PE_FINDING_PRINTED_SCORE;
	if (e->has_completion && !r->actual.has_note)
	{
		if (rules && e->completion >= rules->over_threshold)
			e->findings |= PE_FINDING_OVER;
		else if (e->completion < FULL)
			e->findings |= PE_FINDING_SHORTFALL;
	}
}
