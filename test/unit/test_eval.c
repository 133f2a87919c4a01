/*
 * test_eval.c
 *		Table-driven tests of the scoring rules (pe_eval.c) and the
 *		sentences written about them (pe_explain.c), without the server:
 *		every source, every reason a row cannot be scored, rounding, reverse
 *		rules, tier bands, satisfaction and money rates, and the findings.
 */
#include "pe_core.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int	npass,
			nfail;

static void
check(bool ok, const char *name, const char *what, const char *got, const char *want)
{
	if (ok)
	{
		npass++;
		return;
	}
	nfail++;
	printf("FAIL %s: %s: got \"%s\", want \"%s\"\n", name, what, got, want);
}

/* A decimal literal in fixed point (PE_SCALE). */
static int64_t
fx(const char *s)
{
	PeQuant		q;
	PeError		err;
	char		buf[64];

	if (pe_parse_measure(s, strlen(s), &q, buf, &err) != PE_OK || q.unit != PE_UNIT_NONE)
	{
		printf("bad literal %s\n", s);
		exit(2);
	}
	return q.amount;
}

/* Money in 万元 at PE_MONEY_DECIMALS: up to ten decimals. */
static pe_int128
money(const char *s)
{
	pe_int128	v = 0;
	int			dec = -1;

	for (; *s; s++)
	{
		if (*s == '.')
		{
			dec = 0;
			continue;
		}
		v = v * 10 + (*s - '0');
		if (dec >= 0)
			dec++;
	}
	for (dec = dec < 0 ? 0 : dec; dec < PE_MONEY_DECIMALS; dec++)
		v *= 10;
	return v;
}

static char qbuf[8][256];
static int	qnext;

static PeQuant
quant(const char *s, bool target)
{
	PeQuant		q;
	PeError		err;
	char	   *buf = qbuf[qnext++ % 8];

	if ((target ? pe_parse_target(s, strlen(s), &q, buf, &err) :
		 pe_parse_measure(s, strlen(s), &q, buf, &err)) != PE_OK)
	{
		printf("bad value %s\n", s);
		exit(2);
	}
	return q;
}

static PeRules
national(void)
{
	PeRules		r;

	memset(&r, 0, sizeof(r));
	r.decimals = 2;
	r.tier_high = fx("80");
	r.tier_low = fx("60");
	r.over_threshold = fx("120");
	r.ncoef = PE_DEFAULT_COEFFICIENTS;
	memcpy(r.coef, pe_default_coefficients, sizeof(pe_default_coefficients));
	return r;
}

typedef struct Case
{
	const char *name;
	int			source;
	const char *weight;
	const char *target;			/* NULL: none */
	const char *method;			/* NULL: proportional */
	const char *measure;		/* NULL: no measure */
	int			tier;
	const char *fraction;
	bool		note;
	bool		no_actual;		/* no actual row at all */
	const char *deducted;		/* checklist */
	int			survey[5];		/* counts; -1 for options not answered */
	const char *money[4];		/* initial, budget, arrived, spent */
	int			rules;			/* 0 national; 1 linear, truncate 1 decimal, budget base; 2 decimals 6;
								 * 3 a zero target read at most */
	const char *printed;
	bool		not_applicable;
	/* expected */
	const char *score;			/* NULL: no score */
	const char *completion;		/* NULL: none */
	const char *problem;		/* "" none */
	int			findings;
	const char *explanation;	/* NULL: not checked */
} Case;

#define NOSURVEY {-1, -1, -1, -1, -1}
#define NOMONEY {NULL, NULL, NULL, NULL}

static const Case cases[] = {
	/* measured actuals: seeds 001 and 002 */
	{"2855.55%", PE_SOURCE_ACTUAL, "10", "≥2000万元/家", NULL, "57111万元/家", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 0, "10", false, "10", "2855.55", "", 0,
	"指标完成率=57111÷2000=2855.55%，超过指标值，得满分10分"},
	{"over without note", PE_SOURCE_ACTUAL, "10", "≥2000万元/家", NULL, "57111万元/家", 0, NULL, false, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "10", "2855.55", "", PE_FINDING_OVER, NULL},
	{"bare target", PE_SOURCE_ACTUAL, "18", "95", NULL, "100%", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "18", "105.263158", "", 0,
	"指标完成率=100÷95=105.26%，超过指标值，得满分18分"},
	{"40 of 41", PE_SOURCE_ACTUAL, "10", "=41家", NULL, "40家", 0, NULL, false, false, NULL,
		NOSURVEY, NOMONEY, 0, "10", false, "9.76", "97.560976", "",
		PE_FINDING_SHORTFALL | PE_FINDING_PRINTED_SCORE,
	"指标完成率=40÷41=97.56%，未达到指标值，得分=10×97.56%=9.76分"},
	{"units shown when they differ", PE_SOURCE_ACTUAL, "10", "≥1亿元", NULL, "5000万元", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "5", "50", "", 0,
	"指标完成率=5000万元÷1亿元=50%，未达到指标值，得分=10×50%=5分"},
	{"≤ met", PE_SOURCE_ACTUAL, "7", "≤1000万元/家", NULL, "1000万元/家", 0, NULL, false, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "7", "100", "", 0,
	"实际完成值1000万元/家，指标值≤1000万元/家，达到指标值，得满分7分"},
	{"≤ ratio", PE_SOURCE_ACTUAL, "10", "≤10天", NULL, "12天", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "8.33", "83.333333", "", 0,
	"实际完成值12天，指标值≤10天，指标完成率=83.33%，未达到指标值，得分=10×83.33%=8.33分"},
	{"≤ linear, 1 decimal truncated", PE_SOURCE_ACTUAL, "10", "≤10天", NULL, "12天", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 1, NULL, false, "8", "80", "", 0, NULL},
	{"> at its bound is not met", PE_SOURCE_ACTUAL, "10", ">5", NULL, "5", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "9.99", "99.999999", "", 0, NULL},
	{"< at its bound is not met", PE_SOURCE_ACTUAL, "10", "<5天", NULL, "5天", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "9.99", "99.999999", "", 0, NULL},
	{"> at its bound, 6 decimals", PE_SOURCE_ACTUAL, "10", ">5", NULL, "5", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 2, NULL, false, "9.999999", "99.999999", "", 0, NULL},
	{"> above its bound", PE_SOURCE_ACTUAL, "10", ">5", NULL, "6", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "10", "120", "", 0, NULL},
	{"= exceeded is met", PE_SOURCE_ACTUAL, "10", "=5", NULL, "6", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "10", "120", "", 0, NULL},
	{"=0 not met by 1", PE_SOURCE_ACTUAL, "10", "=0", NULL, "1", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "0", "0", "", 0, NULL},
	{"=0 met by 0", PE_SOURCE_ACTUAL, "10", "=0", NULL, "0", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "10", "100", "", 0, NULL},
	{"=0 not met by -1", PE_SOURCE_ACTUAL, "10", "=0", NULL, "-1", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "0", "0", "", 0,
	"实际完成值-1，指标值=0，指标完成率=0%，未达到指标值，得分=10×0%=0分"},
	/* a scheme that reads a zero target at most (zero_target = 'at_most') */
	{"=0 at most: met by -1", PE_SOURCE_ACTUAL, "10", "=0", NULL, "-1", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 3, NULL, false, "10", "100", "", 0, "实际完成值-1，指标值=0，达到指标值，得满分10分"},
	{"=0 at most: met by 0", PE_SOURCE_ACTUAL, "10", "=0起", NULL, "0起", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 3, NULL, false, "10", "100", "", 0, NULL},
	{"=0% at most: met by -2%", PE_SOURCE_ACTUAL, "3", "=0%", NULL, "-2%", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 3, NULL, false, "3", "100", "", 0, NULL},
	{"=0 at most: not met by 1", PE_SOURCE_ACTUAL, "10", "=0", NULL, "1", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 3, NULL, false, "0", "0", "", 0, NULL},
	{"=5 at most: unchanged", PE_SOURCE_ACTUAL, "10", "=5", NULL, "4", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 3, NULL, false, "8", "80", "", 0, NULL},
	{"≥0 at most: unchanged", PE_SOURCE_ACTUAL, "10", "≥0", NULL, "-1", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 3, NULL, false, "0", "0", "", 0, NULL},
	{"floor below", PE_SOURCE_ACTUAL, "10", "≥100", "floor:60", "55", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "0", "55", "", 0,
	"指标完成率=55÷100=55%，未达到指标值，按评分方法floor:60得0分"},
	{"all or nothing", PE_SOURCE_ACTUAL, "10", "≥100", "all_or_nothing", "99", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "0", "99", "", 0, NULL},
	{"deduct rounds once", PE_SOURCE_ACTUAL, "10", "≥100", "deduct:1147/4", "99.999998", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 2, NULL, false, "9.999427", "99.999998", "", 0, NULL},
	{"deduct never below 0", PE_SOURCE_ACTUAL, "10", "≥100", "deduct:5/1", "50", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "0", "50", "", 0, NULL},
	/* scored from the values, not from completion (1.16; issue 29's examples) */
	{"over: ≤100%, 103%", PE_SOURCE_ACTUAL, "5", "≤100%", "每超过一个百分点扣0.5分，扣完为止", "103%", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "3.5", "97.087379", "", 0,
	"实际完成值103%，指标值≤100%，指标完成率=97.09%，按评分方法over:0.5/1得3.5分"},
	{"over: ≤0%, 2%", PE_SOURCE_ACTUAL, "3", "≤0%", "每超过1个百分点扣0.3分", "2%", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "2.4", "0", "", 0, NULL},
	{"over: met", PE_SOURCE_ACTUAL, "3", "≤0%", "over:0.3/1", "-1%", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "3", "100", "", 0, NULL},
	{"over: never below 0", PE_SOURCE_ACTUAL, "5", "≤100%", "over:0.5/1", "111%", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "0", "90.09009", "", 0, NULL},
	{"over rounds once", PE_SOURCE_ACTUAL, "10", "≤100%", "over:1/3", "101%", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "9.67", "99.009901", "", 0, NULL},
	{"over, six decimals", PE_SOURCE_ACTUAL, "10", "≤100%", "over:1/3", "101%", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 2, NULL, false, "9.666667", "99.009901", "", 0, NULL},
	{"over in the target's unit", PE_SOURCE_ACTUAL, "10", "≤1万元", "over:1/0.01", "10500元", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "5", "95.238095", "", 0, NULL},
	{"deviation: 91 of 100", PE_SOURCE_ACTUAL, "15", "100", "实际完成情况与计划每相差3%，扣1分", "91", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "12", "91", "", 0, NULL},
	{"deviation: 109 of 100", PE_SOURCE_ACTUAL, "15", "100", "实际完成情况与计划每相差3%，扣1分", "109", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "12", "109", "", 0,
	"指标完成率=109÷100=109%，按评分方法deviation:1/3得12分"},
	{"deviation in percent of the target", PE_SOURCE_ACTUAL, "15", "=200万元", "deviation:1/3", "1940000元", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "14", "97", "", 0, NULL},
	{"deviation of a target of 0: its own points", PE_SOURCE_ACTUAL, "15", "0%", "deviation:1/3", "-6%", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "13", "0", "", 0, NULL},
	{"deviation: 扣满15分为止 on a weight of 20", PE_SOURCE_ACTUAL, "20", "100", "实际完成情况与计划每相差3%，扣1分，扣满15分为止", "40", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "5", "40", "", 0, NULL},
	{"deviation: a cap not reached", PE_SOURCE_ACTUAL, "20", "100", "deviation:1/3/15", "91", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "17", "91", "", 0, NULL},
	{"over: a cap above the weight", PE_SOURCE_ACTUAL, "5", "≤100%", "over:0.5/1/8", "120%", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "0", "83.333333", "", 0, NULL},
	{"under: a cap with decimals, rounded once", PE_SOURCE_ACTUAL, "10", "≥95%", "under:1/3/2.55", "80%", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "7.45", "84.210526", "", 0, NULL},
	{"deviation exact", PE_SOURCE_ACTUAL, "15", "100", "deviation:1/3", "100", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "15", "100", "", 0, NULL},
	{"under: ≥95%, 90%", PE_SOURCE_ACTUAL, "10", "≥95%", "每低于目标值1个百分点扣1分", "90%", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "5", "94.736842", "", 0, NULL},
	{"deduct: ≥95%, 90%", PE_SOURCE_ACTUAL, "10", "≥95%", "deduct:1/1", "90%", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 2, NULL, false, "4.736842", "94.736842", "", 0, NULL},
	{"under: met", PE_SOURCE_ACTUAL, "10", "≥95%", "under:1/1", "96%", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "10", "101.052632", "", 0, NULL},
	{"under: a strict target at its bound", PE_SOURCE_ACTUAL, "10", ">95%", "under:1/1", "95%", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "9.99", "99.999999", "", 0, NULL},
	{"under: a deadline", PE_SOURCE_ACTUAL, "10", "2024年10月底前", "under:1/1", "2024年10月20日", 0, NULL, false, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, NULL, "100", "incomparable_units", PE_FINDING_PROBLEM, NULL},
	{"over: qualitative", PE_SOURCE_ACTUAL, "5", "稳步增长", "over:1/1", "完全达到预期目标", 0, NULL, false, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, NULL, NULL, "unjudged_qualitative", PE_FINDING_PROBLEM, NULL},
	{"over: too large to compute", PE_SOURCE_ACTUAL, "999999999999", "≤1亿元", "over:1/999999999999", "2亿元", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, NULL, "50", "rate_out_of_range", PE_FINDING_PROBLEM, NULL},
	/* step bands on the actual (1.16; issue 29's examples) */
	{"bands: 85 % → 4", PE_SOURCE_ACTUAL, "5", "≥90%", "≥90%得5分，80%（含）-90%得4分，70%（含）-80%得3分，60%（含）-70%得2分，60%以下不得分", "85%", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "4", "94.444444", "", 0, "指标完成率=85÷90=94.44%，按评分方法bands:<60:0,<70:2,<80:3,<90:4,else:5得4分"},
	{"bands: 80 % is in [80, 90)", PE_SOURCE_ACTUAL, "5", "≥90%", "≥90%得5分，80%（含）-90%得4分，70%（含）-80%得3分，60%（含）-70%得2分，60%以下不得分", "80%", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "4", "88.888889", "", 0, NULL},
	{"bands: 79.9 %", PE_SOURCE_ACTUAL, "5", "≥90%", "≥90%得5分，80%（含）-90%得4分，70%（含）-80%得3分，60%（含）-70%得2分，60%以下不得分", "79.9%", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "3", "88.777778", "", 0, NULL},
	{"bands: 59.9 %", PE_SOURCE_ACTUAL, "5", "≥90%", "≥90%得5分，80%（含）-90%得4分，70%（含）-80%得3分，60%（含）-70%得2分，60%以下不得分", "59.9%", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "0", "66.555556", "", 0, NULL},
	{"bands: 90 %", PE_SOURCE_ACTUAL, "5", "≥90%", "≥90%得5分，80%（含）-90%得4分，70%（含）-80%得3分，60%（含）-70%得2分，60%以下不得分", "90%", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "5", "100", "", 0, NULL},
	{"bands: 10 % → 2", PE_SOURCE_ACTUAL, "3", "≤0%", "0得3分，(0,10%]得2分，(10%,20%]得1分，(20%,30%]得0.5分，30%以上不得分", "10%", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "2", "0", "", 0, NULL},
	{"bands: 10.5 % → 1", PE_SOURCE_ACTUAL, "3", "≤0%", "0得3分，(0,10%]得2分，(10%,20%]得1分，(20%,30%]得0.5分，30%以上不得分", "10.5%", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "1", "0", "", 0, NULL},
	{"bands: 0 → 3", PE_SOURCE_ACTUAL, "3", "≤0%", "0得3分，(0,10%]得2分，(10%,20%]得1分，(20%,30%]得0.5分，30%以上不得分", "0%", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "3", "100", "", 0, NULL},
	{"bands: 20 % → 1", PE_SOURCE_ACTUAL, "3", "≤0%", "0得3分，(0,10%]得2分，(10%,20%]得1分，(20%,30%]得0.5分，30%以上不得分", "20%", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "1", "0", "", 0, NULL},
	{"bands: 25 % → 0.5", PE_SOURCE_ACTUAL, "3", "≤0%", "0得3分，(0,10%]得2分，(10%,20%]得1分，(20%,30%]得0.5分，30%以上不得分", "25%", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "0.5", "0", "", 0, NULL},
	{"bands: 30.1 % → 0", PE_SOURCE_ACTUAL, "3", "≤0%", "0得3分，(0,10%]得2分，(10%,20%]得1分，(20%,30%]得0.5分，30%以上不得分", "30.1%", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "0", "0", "", 0, NULL},
	{"bands at one decimal, truncated: 0.5 stays", PE_SOURCE_ACTUAL, "3", "≤0%", "0得3分，(0,10%]得2分，(10%,20%]得1分，(20%,30%]得0.5分，30%以上不得分", "25%", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 1, NULL, false, "0.5", "0", "", 0, NULL},
	{"bands: points above the weight give the weight", PE_SOURCE_ACTUAL, "4", "≥90%", "≥90%得5分，80%（含）-90%得4分，70%（含）-80%得3分，60%（含）-70%得2分，60%以下不得分", "95%", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "4", "105.555556", "", 0, NULL},
	{"bands in the target's unit", PE_SOURCE_ACTUAL, "5", "≥1万元", "bands:<0.5:0,<1:3,else:5", "8000元", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "3", "80", "", 0, NULL},
	{"negative completion scores 0", PE_SOURCE_ACTUAL, "10", "≥3", NULL, "-3", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "0", "-100", "", 0, NULL},
	{"half up", PE_SOURCE_ACTUAL, "10", "≥3", NULL, "2", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "6.67", "66.666667", "", 0, NULL},
	{"truncate", PE_SOURCE_ACTUAL, "10", "≥3", NULL, "2", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 1, NULL, false, "6.6", "66.666667", "", 0, NULL},
	/* what cannot be scored */
	{"no actual", PE_SOURCE_ACTUAL, "10", "≥3", NULL, NULL, 0, NULL, false, true, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, NULL, NULL, "missing_actual", PE_FINDING_PROBLEM,
	"无法计分：未录入实际完成值"},
	{"a note only", PE_SOURCE_ACTUAL, "10", "≥3", NULL, NULL, 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, NULL, NULL, "missing_actual", PE_FINDING_PROBLEM, NULL},
	{"no target", PE_SOURCE_ACTUAL, "10", NULL, NULL, "5家", 0, NULL, false, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, NULL, NULL, "missing_target", PE_FINDING_PROBLEM, NULL},
	{"unjudged", PE_SOURCE_ACTUAL, "5", "稳步增长", NULL, "完全达到预期目标", 0, NULL, false, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, NULL, NULL, "unjudged_qualitative", PE_FINDING_PROBLEM, NULL},
	{"incomparable", PE_SOURCE_ACTUAL, "5", "≥5万元", NULL, "3家", 0, NULL, false, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, NULL, NULL, "incomparable_units", PE_FINDING_PROBLEM,
	"无法计分：指标值与实际值单位不可比"},
	{"completion too large", PE_SOURCE_ACTUAL, "5", "≥0.000001", NULL, "999999999999", 0, NULL, false, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, NULL, NULL, "rate_out_of_range", PE_FINDING_PROBLEM, NULL},
	{"not applicable", PE_SOURCE_ACTUAL, "5", "≥5", NULL, NULL, 0, NULL, false, true, NULL,
		NOSURVEY, NOMONEY, 0, "3", true, NULL, NULL, "", 0,
	"不适用：不计分，项目总分按其余指标权重折算为100分"},
	{"weight 0 is invalid", PE_SOURCE_ACTUAL, "0", "≥5", NULL, "5", 0, NULL, false, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, NULL, NULL, "invalid_value", PE_FINDING_PROBLEM, NULL},
	{"negative weight is invalid", PE_SOURCE_CHECKLIST, "-10", NULL, NULL, NULL, 0, NULL, false, true, "0",
		NOSURVEY, NOMONEY, 0, NULL, false, NULL, NULL, "invalid_value", PE_FINDING_PROBLEM, NULL},
	/* judged tiers: seed 002 C11, seed 001 D11 */
	{"judged 95", PE_SOURCE_ACTUAL, "18", "增长较大", NULL, "95%", PE_TIER_MET, "95", true, false, NULL,
		NOSURVEY, NOMONEY, 0, "17.1", false, "17.1", "95", "", 0,
	"定性指标，指标值“增长较大”，实际完成“95%”，评价为达成，按95%计，得分=18×95%=17.1分"},
	/* a number target against a word, units that do not convert: judged by the printed score (1.16) */
	{"judged number against word", PE_SOURCE_ACTUAL, "10", "<5次", NULL, "无上访", PE_TIER_MET, "100", true, false, NULL,
		NOSURVEY, NOMONEY, 0, "10", false, "10", "100", "", PE_FINDING_JUDGED_BY_SCORE, NULL},
	{"judged units that do not convert", PE_SOURCE_ACTUAL, "10", "≥10家", NULL, "12人", PE_TIER_PARTLY, "70", true, false, NULL,
		NOSURVEY, NOMONEY, 0, "7", false, "7", "70", "", PE_FINDING_JUDGED_BY_SCORE, NULL},
	{"judged out of band", PE_SOURCE_ACTUAL, "18", "增长较大", NULL, NULL, PE_TIER_MET, "70", false, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, NULL, "70", "judgement_out_of_band",
		PE_FINDING_PROBLEM | PE_FINDING_SHORTFALL, NULL},
	{"judged partly at its upper bound", PE_SOURCE_ACTUAL, "10", "有效", NULL, NULL, PE_TIER_PARTLY, "80", true, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "8", "80", "", 0, NULL},
	{"judged missed", PE_SOURCE_ACTUAL, "10", "有效", NULL, NULL, PE_TIER_MISSED, "30", true, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "3", "30", "", 0, NULL},
	/* checklists: seed 003 A12 */
	{"deducted 0.3", PE_SOURCE_CHECKLIST, "2", NULL, NULL, NULL, 0, NULL, false, true, "0.3",
		NOSURVEY, NOMONEY, 0, "1.7", false, "1.7", NULL, "", 0,
	"按评价要点评分，扣0.3分（③：未进行事前绩效评估），得分=2-0.3=1.7分"},
	{"no deduction", PE_SOURCE_CHECKLIST, "4", NULL, NULL, NULL, 0, NULL, false, true, NULL,
		NOSURVEY, NOMONEY, 0, "3", false, "4", NULL, "", PE_FINDING_PRINTED_SCORE,
	"按评价要点评分，未扣分，得满分4分"},
	{"deducted beyond the weight", PE_SOURCE_CHECKLIST, "2", NULL, NULL, NULL, 0, NULL, false, true, "5",
		NOSURVEY, NOMONEY, 0, NULL, false, "0", NULL, "", 0, NULL},
	{"negative deduction never raises", PE_SOURCE_CHECKLIST, "10", NULL, NULL, NULL, 0, NULL, false, true, "-5",
		NOSURVEY, NOMONEY, 0, NULL, false, "10", NULL, "", 0, NULL},
	/* surveys: seed 003 D21 */
	{"survey 15 of 15", PE_SOURCE_SURVEY, "15", "≥95%", NULL, NULL, 0, NULL, false, true, NULL,
		{15, 0, 0, 0, 0}, NOMONEY, 0, "15", false, "15", "105.263158", "", 0,
	"满意度=(15×1+0×0.8+0×0.6+0×0.3+0×0)÷15=100%，指标完成率=100÷95=105.26%，超过指标值，得满分15分"},
	{"survey mixed", PE_SOURCE_SURVEY, "10", "≥90%", NULL, NULL, 0, NULL, false, true, NULL,
		{3, 1, 1, -1, -1}, NOMONEY, 0, NULL, false, "9.78", "97.777778", "", PE_FINDING_SHORTFALL, NULL},
	{"survey nobody answered", PE_SOURCE_SURVEY, "10", "≥90%", NULL, NULL, 0, NULL, false, true, NULL,
		{0, 0, 0, 0, 0}, NOMONEY, 0, NULL, false, NULL, NULL, "missing_responses", PE_FINDING_PROBLEM, NULL},
	{"survey with a non-percent target", PE_SOURCE_SURVEY, "10", "≥10家", NULL, NULL, 0, NULL, false, true, NULL,
		{1, 0, 0, 0, 0}, NOMONEY, 0, NULL, false, NULL, NULL, "incomparable_units", PE_FINDING_PROBLEM, NULL},
	/* money: seeds 002 A11, 003 B11/B12 */
	{"execution on arrived", PE_SOURCE_EXECUTION, "6", NULL, NULL, NULL, 0, NULL, false, true, NULL,
		NOSURVEY, {"0", "1000", "1000", "1000"}, 0, NULL, false, "6", "100", "", 0,
	"预算执行率=全年执行1000万元÷实际到位1000万元=100%，达到指标值，得满分6分"},
	{"execution on budget", PE_SOURCE_EXECUTION, "10", "100%", NULL, NULL, 0, NULL, false, true, NULL,
		NOSURVEY, {"25", "50", "25", "25"}, 1, NULL, false, "5", "50", "", PE_FINDING_SHORTFALL,
	"预算执行率=全年执行25万元÷全年预算50万元=50%，指标完成率=50÷100=50%，未达到指标值，得分=10×50%=5分"},
	{"arrival", PE_SOURCE_ARRIVAL, "5", NULL, NULL, NULL, 0, NULL, false, true, NULL,
		NOSURVEY, {NULL, "410", "410", "410"}, 0, NULL, false, "5", "100", "", 0,
	"资金到位率=实际到位410万元÷全年预算410万元=100%，达到指标值，得满分5分"},
	{"no money", PE_SOURCE_ARRIVAL, "5", NULL, NULL, NULL, 0, NULL, false, true, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, NULL, NULL, "missing_money", PE_FINDING_PROBLEM,
	"无法计分：无资金数据或比率分母为零"},
	{"zero budget", PE_SOURCE_ARRIVAL, "5", NULL, NULL, NULL, 0, NULL, false, true, NULL,
		NOSURVEY, {NULL, "0", "10", "10"}, 0, NULL, false, NULL, NULL, "missing_money", PE_FINDING_PROBLEM, NULL},
	{"a rate of 10^14 %", PE_SOURCE_ARRIVAL, "5", NULL, NULL, NULL, 0, NULL, false, true, NULL,
		NOSURVEY, {NULL, "0.0000000001", "100", "100"}, 0, NULL, false, NULL, NULL, "rate_out_of_range",
		PE_FINDING_PROBLEM, NULL},
	/* deadlines (1.7): met or not */
	{"deadline met", PE_SOURCE_ACTUAL, "10", "2024年10月底前", NULL, "2024年10月20日", 0, NULL, false, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "10", "100", "", 0,
	"实际完成时间2024年10月20日，指标值2024年10月31日前，达到指标值，得满分10分"},
	{"deadline missed", PE_SOURCE_ACTUAL, "10", "2024年10月底前", NULL, "2024年11月5日", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "0", "0", "", 0,
	"实际完成时间2024年11月5日，指标值2024年10月31日前，指标完成率=0%，未达到指标值，得分=10×0%=0分"},
	{"deadline on the day", PE_SOURCE_ACTUAL, "10", "2024年12月31日前", NULL, "2024-12-31", 0, NULL, false, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "10", "100", "", 0, NULL},
	{"not after a date", PE_SOURCE_ACTUAL, "10", "≥2024年1月1日", NULL, "2023年12月31日", 0, NULL, false, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "0", "0", "", PE_FINDING_SHORTFALL, NULL},
	{"a deadline against a number", PE_SOURCE_ACTUAL, "10", "2024年10月底前", NULL, "20241020", 0, NULL, false, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, NULL, NULL, "incomparable_units", PE_FINDING_PROBLEM, NULL},
	{"a number against a date", PE_SOURCE_ACTUAL, "10", "≥5家", NULL, "2024年10月20日", 0, NULL, false, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, NULL, NULL, "incomparable_units", PE_FINDING_PROBLEM, NULL},
	/* deadlines and completion dates in words (1.16): a month is its last day */
	{"deadline in words met", PE_SOURCE_ACTUAL, "10", "2024年12月底前完成", NULL, "2024年12月20日完成", 0, NULL, false, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "10", "100", "", 0,
	"实际完成时间2024年12月20日，指标值2024年12月31日前，达到指标值，得满分10分"},
	{"done in the month before", PE_SOURCE_ACTUAL, "10", "2024年12月底前完成", NULL, "已于2024年11月完成", 0, NULL, false, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "10", "100", "", 0,
	"实际完成时间2024年11月30日，指标值2024年12月31日前，达到指标值，得满分10分"},
	{"done in the deadline's month", PE_SOURCE_ACTUAL, "10", "2024年12月底之前完成", NULL, "已于2024年12月完成", 0, NULL, false, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "10", "100", "", 0, NULL},
	{"done the month after", PE_SOURCE_ACTUAL, "10", "2024年12月底前完成", NULL, "已于2025年1月完成", 0, NULL, false, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "0", "0", "", PE_FINDING_SHORTFALL,
	"实际完成时间2025年1月31日，指标值2024年12月31日前，指标完成率=0%，未达到指标值，得分=10×0%=0分"},
	{"a month against a day in it", PE_SOURCE_ACTUAL, "10", "2024年11月15日前完成", NULL, "已于2024年11月完成", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "0", "0", "", 0, NULL},
	{"within the year", PE_SOURCE_ACTUAL, "10", "2024年内完成", NULL, "于2024年11月20日完成", 0, NULL, false, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "10", "100", "", 0, NULL},
	{"年底前 missed", PE_SOURCE_ACTUAL, "10", "于2024年底前完成", NULL, "2025-01-05", 0, NULL, true, false, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, "0", "0", "", 0, NULL},
	/* a form row printing only 分值 and 得分: the printed score, flagged */
	{"printed only", PE_SOURCE_PRINTED, "10", NULL, NULL, NULL, 0, NULL, false, true, NULL,
		NOSURVEY, NOMONEY, 0, "9.5", false, "9.5", NULL, "", PE_FINDING_PRINTED_ONLY,
	"仅有报告得分（无指标值和实际完成值），采用报告得分9.5分"},
	{"printed only, full marks", PE_SOURCE_PRINTED, "10", NULL, NULL, NULL, 0, NULL, false, true, NULL,
		NOSURVEY, NOMONEY, 0, "10", false, "10", NULL, "", PE_FINDING_PRINTED_ONLY, NULL},
	{"printed only without its score", PE_SOURCE_PRINTED, "10", NULL, NULL, NULL, 0, NULL, false, true, NULL,
		NOSURVEY, NOMONEY, 0, NULL, false, NULL, NULL, "missing_printed_score", PE_FINDING_PROBLEM,
	"无法计分：仅有报告得分的指标未录入报告得分"},
	{"printed only above its weight", PE_SOURCE_PRINTED, "10", NULL, NULL, NULL, 0, NULL, false, true, NULL,
		NOSURVEY, NOMONEY, 0, "12", false, NULL, NULL, "invalid_value", PE_FINDING_PROBLEM, NULL},
};

static const char *
fixed_text(int64_t v, char *buf)
{
	pe_format_fixed(v, buf);
	return buf;
}

static void
run_case(const Case *c)
{
	PeRules		rules = national();
	PeRow		r;
	PeEval		e;
	char		a[64],
				b[64];

	memset(&r, 0, sizeof(r));
	if (c->rules == 1)
		rules.reverse = PE_REVERSE_LINEAR, rules.truncate = true, rules.decimals = 1,
			rules.base = PE_BASE_BUDGET;
	else if (c->rules == 2)
		rules.decimals = 6;
	else if (c->rules == 3)
		rules.zero_at_most = true;
	r.rules = &rules;
	r.source = (uint8_t) c->source;
	r.weight = c->weight[0] == '-' ? -fx(c->weight + 1) : fx(c->weight);
	r.applicable = !c->not_applicable;
	if (c->target)
		r.has_target = true, r.target = quant(c->target, true);
	if (c->method)
	{
		PeError		err;

		if (pe_parse_method(c->method, strlen(c->method), &r.method, &err) != PE_OK)
			exit(2);
	}
	if (!c->no_actual)
	{
		r.actual.present = true;
		r.actual.has_note = c->note;
		if (c->measure)
			r.actual.has_measure = true, r.actual.measure = quant(c->measure, false);
		r.actual.tier = (uint8_t) c->tier;
		if (c->fraction)
			r.actual.fraction = fx(c->fraction);
	}
	if (c->deducted)
	{
		r.has_checklist = true;
		r.checklist.deducted = c->deducted[0] == '-' ? -fx(c->deducted + 1) : fx(c->deducted);
		r.checklist.points = 1;
	}
	for (int i = 0; i < 5; i++)
		if (c->survey[i] >= 0)
		{
			r.survey.answered[i] = true;
			r.survey.count[i] = c->survey[i];
			r.survey.coef[i] = -1;
			r.survey.n = i + 1;
		}
	if (c->money[0])
		r.money.has_initial = true, r.money.initial = money(c->money[0]);
	if (c->money[1])
		r.money.has_budget = true, r.money.budget = money(c->money[1]);
	if (c->money[2])
		r.money.has_arrived = true, r.money.arrived = money(c->money[2]);
	if (c->money[3])
		r.money.has_spent = true, r.money.spent = money(c->money[3]);
	if (c->printed)
		r.has_printed = true, r.printed_score = fx(c->printed);

	pe_evaluate(&r, &e);
	check(e.has_score == (c->score != NULL) && (!c->score || e.score == fx(c->score)), c->name, "score",
		  e.has_score ? fixed_text(e.score, a) : "NULL", c->score ? c->score : "NULL");
	check(e.has_completion == (c->completion != NULL) &&
		  (!c->completion || e.completion == (c->completion[0] == '-' ? -fx(c->completion + 1) : fx(c->completion))),
		  c->name, "completion", e.has_completion ? fixed_text(e.completion, a) : "NULL",
		  c->completion ? c->completion : "NULL");
	check(strcmp(pe_problem_key(e.problem), c->problem) == 0, c->name, "problem",
		  pe_problem_key(e.problem), c->problem);
	snprintf(a, sizeof(a), "%d", e.findings);
	snprintf(b, sizeof(b), "%d", c->findings);
	check(e.findings == c->findings, c->name, "findings", a, b);
	if (c->explanation)
	{
		char		text[1024];
		const char *reasons = c->source == PE_SOURCE_CHECKLIST ? "③：未进行事前绩效评估" : NULL;
		size_t		n = pe_explain(&r, &e, reasons, text, sizeof(text));
		char		tiny[8];
		size_t		m = pe_explain(&r, &e, reasons, tiny, sizeof(tiny));

		check(strcmp(text, c->explanation) == 0 && n == strlen(text), c->name, "explanation",
			  text, c->explanation);
		/* a short buffer is cut, terminated and told the length it needed */
		check(m == n && strlen(tiny) == sizeof(tiny) - 1, c->name, "short buffer", tiny, "7 bytes");
	}
	/* every finding has a sentence that begins with the name */
	for (int bit = 1; bit <= PE_FINDING_PROBLEM; bit <<= 1)
		if (e.findings & bit)
		{
			char		text[1024];

			pe_describe_finding(bit, &r, &e, "名称", text, sizeof(text));
			check(strncmp(text, "名称：", strlen("名称：")) == 0 && strlen(text) > 12,
				  c->name, "finding detail", text, "名称：…");
		}
}

/* The pieces: rates, satisfaction, rules, rounding, formatting. */
static void
run_pieces(void)
{
	PeRules		r = national();
	int64_t		v = 0;
	PeError		err;
	char		a[64];
	PeSurvey	s;

	/* a row judged by its printed score: the fraction rounded up, its tier (1.16) */
	{
		static const struct
		{
			const char *score,
					   *weight,
					   *fraction;
			int			tier;
		}			j[] = {
			{"17.1", "18", "95", PE_TIER_MET}, {"16", "20", "80", PE_TIER_MET},
			{"15.99", "20", "79.95", PE_TIER_PARTLY}, {"6", "10", "60", PE_TIER_PARTLY},
			{"5", "9", "55.555556", PE_TIER_MISSED}, {"0", "10", "0", PE_TIER_MISSED},
			{"12", "10", "100", PE_TIER_MET}, {"10", "3", "100", PE_TIER_MET},
		};
		int64_t		f;
		int			t;

		for (size_t i = 0; i < sizeof(j) / sizeof(j[0]); i++)
			check(pe_judged_by_score(&r, fx(j[i].score), fx(j[i].weight), &f, &t) && f == fx(j[i].fraction) &&
				  t == j[i].tier, "judged by score", j[i].score, fixed_text(f, a), j[i].fraction);
		check(!pe_judged_by_score(&r, fx("5"), 0, &f, &t), "judged by score", "weight 0", "", "false");
		/* the total rescaled to 100 over a weight that is not 100 */
		{
			PeExact		x = pe_total_exact(fx("108.5"), fx("110"));
			int64_t		tot;

			check(pe_round_score(x, 2, false, &tot) == PE_OK && tot == fx("98.64"), "total", "108.5 of 110",
				  fixed_text(tot, a), "98.64");
			x = pe_total_exact(fx("87.5"), fx("100"));
			check(pe_round_score(x, 2, false, &tot) == PE_OK && tot == fx("87.5"), "total", "87.5 of 100",
				  fixed_text(tot, a), "87.5");
		}
	}
	check(pe_rate(410, 410, &v) == PE_OK && v == fx("100"), "rate", "410/410", fixed_text(v, a), "100");
	check(pe_rate(1, 3, &v) == PE_OK && v == fx("33.333333"), "rate", "1/3", fixed_text(v, a), "33.333333");
	check(pe_rate(2, 3, &v) == PE_OK && v == fx("66.666667"), "rate", "2/3", fixed_text(v, a), "66.666667");
	check(pe_rate(-1, 3, &v) == PE_OK && v == -fx("33.333333"), "rate", "-1/3", fixed_text(v, a), "-33.333333");
	check(pe_rate(5, 0, &v) == PE_NULL, "rate", "5/0", "", "NULL");
	check(pe_rate(1000000, 1, &v) == PE_OK, "rate", "10^6/1", fixed_text(v, a), "10^8");
	check(pe_rate((pe_int128) 100000000000000LL, 1, &v) == PE_ERR_RANGE, "rate", "10^14/1", "", "range");

	memset(&s, 0, sizeof(s));
	s.n = 6;
	s.answered[5] = true;
	s.count[5] = 4;
	s.coef[5] = -1;
	check(pe_survey_rate(&s, &r, &v) == PE_NULL, "satisfaction", "option without coefficient", "", "NULL");
	s.coef[5] = fx("0.5");
	check(pe_survey_rate(&s, &r, &v) == PE_OK && v == fx("50"), "satisfaction", "own coefficient",
		  fixed_text(v, a), "50");

	check(pe_rules_check(&r, &err) == PE_OK, "rules", "national", "", "ok");
	r.tier_low = r.tier_high;
	check(pe_rules_check(&r, &err) == PE_ERR_INVALID, "rules", "low = high", "", "refused");
	r = national();
	r.tier_low = 0;
	check(pe_rules_check(&r, &err) == PE_ERR_INVALID, "rules", "low = 0", "", "refused");
	r = national();
	r.tier_high = fx("100");
	check(pe_rules_check(&r, &err) == PE_ERR_INVALID, "rules", "high = 100", "", "refused");
	r = national();
	r.coef[1] = fx("1.2");
	check(pe_rules_check(&r, &err) == PE_ERR_INVALID, "rules", "coefficient 1.2", "", "refused");
	r = national();
	r.over_threshold = fx("100");
	check(pe_rules_check(&r, &err) == PE_ERR_INVALID, "rules", "threshold 100", "", "refused");
	r = national();
	r.decimals = 7;
	check(pe_rules_check(&r, &err) == PE_ERR_INVALID, "rules", "7 decimals", "", "refused");

	{
		PeExact		x = {5, 1};

		/* 5 × 10^-6 points: 0.00001 → 0 at 2 decimals, 0.00001 at 6 */
		check(pe_round_score(x, 2, false, &v) == PE_OK && v == 0, "round", "tiny", fixed_text(v, a), "0");
		x.num = 5000;			/* 0.005 */
		check(pe_round_score(x, 2, false, &v) == PE_OK && v == fx("0.01"), "round", "half up", fixed_text(v, a), "0.01");
		check(pe_round_score(x, 2, true, &v) == PE_OK && v == 0, "round", "truncate", fixed_text(v, a), "0");
	}
	pe_format_scaled((pe_int128) 12345, 4, a);
	check(strcmp(a, "1.2345") == 0, "format", "1.2345", a, "1.2345");
	pe_format_scaled((pe_int128) 1000000, 4, a);
	check(strcmp(a, "100") == 0, "format", "100", a, "100");
	pe_format_scaled((pe_int128) -5, 2, a);
	check(strcmp(a, "-0.05") == 0, "format", "-0.05", a, "-0.05");
	pe_format_scaled(0, 10, a);
	check(strcmp(a, "0") == 0, "format", "0", a, "0");
	check(strcmp(pe_problem_key(PE_PROBLEM_MISSING_MONEY), "missing_money") == 0 &&
		  pe_source_code("survey", 6) == PE_SOURCE_SURVEY &&
		  pe_source_code("printed", 7) == PE_SOURCE_PRINTED && strcmp(pe_source_name(PE_SOURCE_PRINTED), "printed") == 0 && pe_tier_code("部分达成", strlen("部分达成")) == PE_TIER_PARTLY &&
		  pe_base_code("initial", 7) == PE_BASE_INITIAL && pe_tier_code("", 0) == -1,
		  "names", "round trip", "", "");
	for (int p = 1; p < PE_PROBLEM_COUNT; p++)
		check(pe_problem_key(p)[0] != '\0' && pe_problem_text(p)[0] != '\0', "names", "every problem has a key and a text",
			  pe_problem_key(p), "");
}

int
main(void)
{
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		run_case(&cases[i]);
	run_pieces();
	printf("evaluation: %d passed, %d failed\n", npass, nfail);
	return nfail != 0;
}
