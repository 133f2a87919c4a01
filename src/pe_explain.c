/*
 * pe_explain.c
 *		The sentences perfeval writes about an evaluated row, free of server
 *		code: the working-paper explanation of a score and the detail of each
 *		finding.  They read what pe_evaluate() decided and never decide again.
 */
#include "pe_core.h"

#include <stdio.h>
#include <string.h>

typedef pe_int128 i128;

#define FULL	((int64_t) 100 * PE_SCALE)

/* A bounded string builder: keeps counting past the end. */
typedef struct Buf
{
	char	   *p;
	size_t		cap;
	size_t		len;
} Buf;

static void
put(Buf *b, const char *s, size_t n)
{
	if (b->len + n < b->cap)
		memcpy(b->p + b->len, s, n);
	else if (b->len < b->cap)
		memcpy(b->p + b->len, s, b->cap - 1 - b->len);
	b->len += n;
	if (b->cap > 0)
		b->p[b->len < b->cap ? b->len : b->cap - 1] = '\0';
}

static void
puts_(Buf *b, const char *s)
{
	put(b, s, strlen(s));
}

size_t
pe_format_scaled(i128 v, int dec, char *buf)
{
	char		tmp[48];
	size_t		t = 0,
				n = 0;
	bool		neg = v < 0;
	unsigned __int128 mag = neg ? (unsigned __int128) 0 - (unsigned __int128) v :
		(unsigned __int128) v;

	/* digits, least significant first, at least dec + 1 of them */
	do
	{
		tmp[t++] = (char) ('0' + (int) (mag % 10));
		mag /= 10;
	} while (mag > 0 || t <= (size_t) dec);
	/* drop trailing zero decimals */
	{
		size_t		skip = 0;

		while (skip < (size_t) dec && tmp[skip] == '0')
			skip++;
		if (neg)
			buf[n++] = '-';
		for (size_t k = t; k > (size_t) dec; k--)
			buf[n++] = tmp[k - 1];
		if (skip < (size_t) dec)
		{
			buf[n++] = '.';
			for (size_t k = (size_t) dec; k > skip; k--)
				buf[n++] = tmp[k - 1];
		}
	}
	buf[n] = '\0';
	return n;
}

/* A fixed-point number (PE_SCALE) as a working paper writes it: 2855.55. */
static void
put_num(Buf *b, int64_t v)
{
	char		num[32];

	put(b, num, pe_format_fixed(v, num));
}

/* Money in 万元 as written: 1000, 25.5. */
static void
put_money(Buf *b, i128 v)
{
	char		num[48];

	put(b, num, pe_format_scaled(v, PE_MONEY_DECIMALS, num));
}

/* A percentage rounded half-up to two decimals: 105.26%. */
static void
put_pct(Buf *b, int64_t v)
{
	int64_t		unit = 10000;	/* 10^-6 → 10^-2 */
	int64_t		q = (v < 0 ? v - unit / 2 : v + unit / 2) / unit * unit;

	put_num(b, q);
	puts_(b, "%");
}

static void
put_quant(Buf *b, const PeQuant *q, bool is_target)
{
	char		tmp[PE_QUANT_BUFLEN + PE_MAX_TEXT + 1];

	if (q->textlen > PE_MAX_TEXT)
		return;
	put(b, tmp, pe_format_quant(q, is_target, tmp));
}

/* Canonical unit text of a value: 万元/家, a custom unit, "" when bare. */
static void
unit_text(const PeQuant *q, char *out)
{
	out[0] = '\0';
	if (q->unit == PE_UNIT_CUSTOM)
	{
		memcpy(out, q->text, q->textlen);
		out[q->textlen] = '\0';
	}
	else if (q->unit != PE_UNIT_NONE && q->unit != PE_UNIT_QUAL)
	{
		strcpy(out, pe_unit_name(q->unit));
		if (q->per != PE_UNIT_NONE)
		{
			strcat(out, "/");
			strcat(out, pe_unit_name(q->per));
		}
	}
}

static bool
tiered(const PeRow *r)
{
	return r->source != PE_SOURCE_CHECKLIST && r->actual.present &&
		r->actual.tier != PE_TIER_NONE;
}

/* How a rate from money or a survey was formed: 资金到位率=实际到位…=100%， */
static void
put_rate_formula(Buf *b, const PeRow *r, const PeEval *e)
{
	const PeMoney *m = &r->money;

	if (r->rate_given)
		return;
	switch (r->source)
	{
		case PE_SOURCE_SURVEY:
			{
				int64_t		total = 0;
				bool		first = true;

				puts_(b, "满意度=(");
				for (int i = 0; i < r->survey.n && i < PE_MAX_OPTIONS; i++)
				{
					char		num[32];
					int64_t		coef;

					if (!r->survey.answered[i])
						continue;
					coef = r->survey.coef[i] >= 0 ? r->survey.coef[i] :
						(i < r->rules->ncoef ? r->rules->coef[i] : -1);
					if (!first)
						puts_(b, "+");
					first = false;
					snprintf(num, sizeof(num), "%lld×", (long long) r->survey.count[i]);
					puts_(b, num);
					if (coef >= 0)
						put_num(b, coef);
					else
						puts_(b, "?");
					total += r->survey.count[i];
				}
				{
					char		num[32];

					snprintf(num, sizeof(num), ")÷%lld=", (long long) total);
					puts_(b, num);
				}
				break;
			}
		case PE_SOURCE_ARRIVAL:
			puts_(b, "资金到位率=实际到位");
			put_money(b, m->arrived);
			puts_(b, "万元÷全年预算");
			put_money(b, m->budget);
			puts_(b, "万元=");
			break;
		default:
			puts_(b, "预算执行率=全年执行");
			put_money(b, m->spent);
			puts_(b, "万元÷");
			switch (r->rules->base)
			{
				case PE_BASE_BUDGET:
					puts_(b, "全年预算");
					put_money(b, m->budget);
					break;
				case PE_BASE_INITIAL:
					puts_(b, "年初预算");
					put_money(b, m->initial);
					break;
				default:
					puts_(b, "实际到位");
					put_money(b, m->arrived);
					break;
			}
			puts_(b, "万元=");
			break;
	}
	put_pct(b, e->rate);
	puts_(b, "，");
}

size_t
pe_explain(const PeRow *r, const PeEval *e, const char *reasons, char *out, size_t cap)
{
	Buf			b = {out, cap, 0};
	bool		rated = r->source == PE_SOURCE_SURVEY || r->source == PE_SOURCE_ARRIVAL ||
		r->source == PE_SOURCE_EXECUTION;

	if (cap > 0)
		out[0] = '\0';
	if (!r->applicable)
	{
		puts_(&b, "不适用：不计分，项目总分按其余指标权重折算为100分");
		return b.len;
	}
	if (!e->has_score)
	{
		puts_(&b, "无法计分：");
		puts_(&b, pe_problem_text(e->problem));
		return b.len;
	}
	if (r->source == PE_SOURCE_PRINTED)
	{
		puts_(&b, "仅有报告得分（无指标值和实际完成值），采用报告得分");
		put_num(&b, e->score);
		puts_(&b, "分");
		return b.len;
	}
	if (r->source == PE_SOURCE_CHECKLIST)
	{
		int64_t		d = r->has_checklist ? r->checklist.deducted : 0;

		if (d == 0)
		{
			puts_(&b, "按评价要点评分，未扣分，得满分");
			put_num(&b, r->weight);
			puts_(&b, "分");
			return b.len;
		}
		puts_(&b, "按评价要点评分，扣");
		put_num(&b, d);
		puts_(&b, "分（");
		puts_(&b, reasons ? reasons : "");
		puts_(&b, "），得分=");
		put_num(&b, r->weight);
		puts_(&b, "-");		/* ASCII: U+2212 is not in GBK */
		put_num(&b, d);
		puts_(&b, "=");
		put_num(&b, e->score);
		puts_(&b, "分");
		return b.len;
	}
	if (tiered(r))
	{
		puts_(&b, "定性指标，指标值“");
		if (r->has_target)
			put_quant(&b, &r->target, true);
		puts_(&b, "”，实际完成“");
		if (r->actual.has_measure)
			put_quant(&b, &r->actual.measure, false);
		puts_(&b, "”，评价为");
		puts_(&b, pe_tier_name(r->actual.tier));
		puts_(&b, "，按");
		put_num(&b, r->actual.fraction);
		puts_(&b, "%计，得分=");
		put_num(&b, r->weight);
		puts_(&b, "×");
		put_num(&b, r->actual.fraction);
		puts_(&b, "%=");
		put_num(&b, e->score);
		puts_(&b, "分");
		return b.len;
	}

	if (rated)
		put_rate_formula(&b, r, e);
	if (r->has_target)
	{
		/*
		 * (a deadline is met or not: no ratio of dates; nor is a target at
		 * or below 0, which cannot be divided by)
		 */
		if (r->target.cmp == PE_CMP_LE || r->target.cmp == PE_CMP_LT || r->target.unit == PE_UNIT_DATE ||
			r->target.amount <= 0)
		{
			puts_(&b, r->target.unit == PE_UNIT_DATE ? "实际完成时间" : "实际完成值");
			if (rated)
			{
				put_num(&b, e->rate);
				puts_(&b, "%");
			}
			else
				put_quant(&b, &r->actual.measure, false);
			puts_(&b, "，指标值");
			put_quant(&b, &r->target, true);
			if (e->completion >= FULL)
				puts_(&b, "，");
			else
			{
				puts_(&b, "，指标完成率=");
				put_pct(&b, e->completion);
				puts_(&b, "，");
			}
		}
		else
		{
			char		ua[PE_MAX_TEXT + 32],
						ut[PE_MAX_TEXT + 32];
			bool		units = false;

			if (!rated)
			{
				unit_text(&r->actual.measure, ua);
				unit_text(&r->target, ut);
				units = strcmp(ua, ut) != 0 && ua[0] != '\0' && ut[0] != '\0';
			}
			puts_(&b, "指标完成率=");
			put_num(&b, rated ? e->rate : r->actual.measure.amount);
			if (units)
				puts_(&b, ua);
			puts_(&b, "÷");
			put_num(&b, r->target.amount);
			if (units)
				puts_(&b, ut);
			puts_(&b, "=");
			put_pct(&b, e->completion);
			puts_(&b, "，");
		}
	}

	/* how the completion became a score */
	if (e->completion >= FULL && e->score == r->weight)
	{
		puts_(&b, e->completion > FULL ? "超过指标值" : "达到指标值");
		puts_(&b, "，得满分");
		put_num(&b, r->weight);
		puts_(&b, "分");
	}
	else if (r->method.kind == PE_METHOD_PROPORTIONAL)
	{
		puts_(&b, "未达到指标值，得分=");
		put_num(&b, r->weight);
		puts_(&b, "×");
		put_pct(&b, e->completion);
		puts_(&b, "=");
		put_num(&b, e->score);
		puts_(&b, "分");
	}
	else
	{
		char		m[PE_METHOD_BUFLEN];

		pe_format_method(&r->method, m);
		/* over, under and deviation also deduct from an actual past the target */
		puts_(&b, pe_method_needs_values(&r->method) ? "按评分方法" : "未达到指标值，按评分方法");
		puts_(&b, m);
		puts_(&b, "得");
		put_num(&b, e->score);
		puts_(&b, "分");
	}
	return b.len;
}

size_t
pe_describe_finding(int finding, const PeRow *r, const PeEval *e, const char *name,
					char *out, size_t cap)
{
	Buf			b = {out, cap, 0};

	if (cap > 0)
		out[0] = '\0';
	puts_(&b, name ? name : "");
	puts_(&b, "：");
	switch (finding)
	{
		case PE_FINDING_PRINTED_SCORE:
			puts_(&b, "报告得分");
			put_num(&b, r->printed_score);
			puts_(&b, "分，按输入应得");
			put_num(&b, e->score);
			puts_(&b, "分（分值");
			put_num(&b, r->weight);
			puts_(&b, "分）");
			break;
		case PE_FINDING_PRINTED_ONLY:
			puts_(&b, "得分");
			put_num(&b, e->score);
			puts_(&b, "分仅见于报告，无指标值和实际完成值，无法按输入核算");
			break;
		case PE_FINDING_JUDGED_BY_SCORE:
			{
				static const char *const why[] = {
					"", "数字指标值与文字实际值", "文字指标值与数字实际值", "单位不可换算"
				};
				int			k = pe_incomparable_why(&r->target, &r->actual.measure);

				puts_(&b, "指标值与实际完成值无法比较（");
				puts_(&b, why[k >= 0 && k <= 3 ? k : 0]);
				puts_(&b, "），按报告得分评判，完成比例");
				put_pct(&b, e->completion);
			}
			break;
		case PE_FINDING_OVER:
			puts_(&b, "指标完成率");
			put_pct(&b, e->completion);
			puts_(&b, "，超过");
			put_num(&b, r->rules->over_threshold);
			puts_(&b, "%，未说明偏差原因（指标值可能偏低）");
			break;
		case PE_FINDING_SHORTFALL:
			puts_(&b, "指标完成率");
			put_pct(&b, e->completion);
			puts_(&b, "，未完成指标值，未说明偏差原因");
			break;
		case PE_FINDING_CHECKLIST:
			if (r->checklist.valued < r->checklist.points)
				puts_(&b, "部分评价要点未列分值");
			else
			{
				puts_(&b, "评价要点分值合计");
				put_num(&b, r->checklist.valued_sum);
				puts_(&b, "分，不等于指标分值");
				put_num(&b, r->weight);
				puts_(&b, "分");
			}
			break;
		default:
			/* the problem, with the figures that show it */
			switch (e->problem)
			{
				case PE_PROBLEM_UNJUDGED:
					puts_(&b, "定性指标（指标值“");
					if (r->has_target)
						put_quant(&b, &r->target, true);
					puts_(&b, "”，实际“");
					if (r->source == PE_SOURCE_ACTUAL && r->actual.has_measure)
						put_quant(&b, &r->actual.measure, false);
					else if (e->has_rate)
					{
						put_num(&b, e->rate);
						puts_(&b, "%");
					}
					puts_(&b, "”）未评判达成档次");
					break;
				case PE_PROBLEM_INCOMPARABLE:
					puts_(&b, "指标值");
					if (r->has_target)
						put_quant(&b, &r->target, true);
					puts_(&b, "与实际值");
					if (r->source == PE_SOURCE_ACTUAL && r->actual.has_measure)
						put_quant(&b, &r->actual.measure, false);
					else if (e->has_rate)
					{
						put_num(&b, e->rate);
						puts_(&b, "%");
					}
					puts_(&b, "单位不可比");
					break;
				case PE_PROBLEM_OUT_OF_BAND:
					puts_(&b, "评判为");
					puts_(&b, pe_tier_name(r->actual.tier));
					puts_(&b, "，比例");
					put_num(&b, r->actual.fraction);
					puts_(&b, "%不在该档区间内");
					break;
				default:
					puts_(&b, pe_problem_text(e->problem));
					break;
			}
			puts_(&b, "，无法计分");
			break;
	}
	return b.len;
}

/* ------------------------------------------------------------ monitoring */

/* A percentage rounded half-up to one decimal, as a monitoring sheet prints it: 66.7%. */
static void
put_pct1(Buf *b, int64_t v)
{
	int64_t		unit = 100000;	/* 10^-6 → 10^-1 */
	int64_t		q = (v < 0 ? v - unit / 2 : v + unit / 2) / unit * unit;

	put_num(b, q);
	puts_(b, "%");
}

static void
put_int(Buf *b, int64_t v)
{
	char		num[24];

	snprintf(num, sizeof(num), "%lld", (long long) v);
	puts_(b, num);
}

static void
put_light(Buf *b, int light)
{
	puts_(b, pe_light_label(light));
	puts_(b, "灯");
}

size_t
pe_explain_execution(int64_t spent, int64_t budget, PeFraction share, const PeExecution *e,
					 char *out, size_t cap)
{
	Buf			b = {out, cap, 0};

	if (cap > 0)
		out[0] = '\0';
	if (e == NULL)
	{
		puts_(&b, "全年预算为0或未录入：执行率无法计算，不亮灯");
		return b.len;
	}
	puts_(&b, "执行率=");
	put_num(&b, spent);
	puts_(&b, "÷");
	put_num(&b, budget);
	puts_(&b, "=");
	put_pct1(&b, e->rate);
	puts_(&b, "，序时进度=");
	put_int(&b, share.num);
	puts_(&b, "÷");
	put_int(&b, share.den);
	puts_(&b, "=");
	put_pct1(&b, e->time_progress);
	puts_(&b, "，执行进度比=");
	put_pct1(&b, e->ratio);
	puts_(&b, "，");
	put_light(&b, e->light);
	return b.len;
}

size_t
pe_explain_progress(const PeQuant *t, const PeQuant *a, PeFraction share, bool full,
					const PeProgress *p, char *out, size_t cap)
{
	Buf			b = {out, cap, 0};
	char		unit[PE_MAX_TEXT + 32];

	if (cap > 0)
		out[0] = '\0';
	if (a == NULL)
	{
		puts_(&b, t->unit == PE_UNIT_DATE && p->due ? "已到期，尚未报告实际完成值，" : "尚未报告实际完成值，");
		put_light(&b, PE_LIGHT_GREY);
		return b.len;
	}
	if (t->unit == PE_UNIT_QUAL || a->unit == PE_UNIT_QUAL)
	{
		puts_(&b, "实际完成“");
		put_quant(&b, a, false);
		if (p->light == PE_LIGHT_NONE)
		{
			puts_(&b, "”，不是达成、部分达成或未达成，不亮灯");
			return b.len;
		}
		puts_(&b, "”，");
		put_light(&b, p->light);
		return b.len;
	}
	if (p->light == PE_LIGHT_NONE)
	{
		puts_(&b, "实际完成值“");
		put_quant(&b, a, false);
		puts_(&b, "”不能与指标值“");
		put_quant(&b, t, true);
		puts_(&b, "”比较，不亮灯");
		return b.len;
	}
	if (p->has_progress)
	{
		unit_text(t, unit);
		puts_(&b, "应完成=");
		put_num(&b, t->amount);
		if (!full && share.num != share.den)
		{
			puts_(&b, "×");
			put_int(&b, share.num);
			puts_(&b, "÷");
			put_int(&b, share.den);
			puts_(&b, "=");
			put_num(&b, p->expected);
		}
		puts_(&b, unit);
		puts_(&b, full ? "（全年）" : "");
		puts_(&b, "，实际完成");
		put_quant(&b, a, false);
		puts_(&b, "，进度=");
		put_pct1(&b, p->progress);
		puts_(&b, "，");
		put_light(&b, p->light);
		return b.len;
	}
	puts_(&b, "指标值");
	put_quant(&b, t, true);
	puts_(&b, "，实际");
	put_quant(&b, a, false);
	if (t->unit == PE_UNIT_DATE && !p->met)
		puts_(&b, p->due ? "，已到期未达成，" : "，尚未到期，");
	else
		puts_(&b, p->met ? "，已达成，" : "，未达成，");
	put_light(&b, p->light);
	return b.len;
}
