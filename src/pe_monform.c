/*
 * pe_monform.c
 *		The monitoring forms' words (绩效监控表, issue 28), free of server
 *		code (pe_csv.h): the month a header such as 1-8月实际完成值 names,
 *		tick marks, the deviation causes and likelihoods, the fund sources
 *		of the money table, and the report date.  The reader (pe_csv.c) and
 *		the import (src/formmonitor.c) both ask here; no list is written
 *		twice.
 */
#include "pe_csv.h"

#include <string.h>

/* The causes and likelihoods as the warehouse holds them (perfeval.actual). */
static const char *const causes[] = {"经费保障", "制度保障", "人员保障", "硬件条件保障", "其他"};
static const char *const likelihoods[] = {"确定能", "有可能", "完全不可能"};

/* Other ways forms write them: {written, word}. */
static const char *const cause_alias[][2] = {
	{"经费", "经费保障"}, {"资金保障", "经费保障"}, {"制度", "制度保障"}, {"人员", "人员保障"},
	{"硬件条件", "硬件条件保障"}, {"硬件保障", "硬件条件保障"}, {"硬件", "硬件条件保障"},
	{"其它", "其他"}, {"其他原因", "其他"}, {"其它原因", "其他"}
};
static const char *const likelihood_alias[][2] = {
	{"确定能完成", "确定能"}, {"能", "确定能"}, {"能完成", "确定能"}, {"确定", "确定能"},
	{"有可能完成", "有可能"}, {"可能", "有可能"}, {"完全不可能完成", "完全不可能"},
	{"不可能", "完全不可能"}, {"不能", "完全不可能"}
};

/* Length of a space at s (ASCII space or tab, U+3000, U+00A0, U+FEFF), or 0. */
static size_t
space_len(const char *s, size_t len)
{
	if (len >= 1 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\r' || s[0] == '\n'))
		return 1;
	if (len >= 2 && memcmp(s, "\xC2\xA0", 2) == 0)
		return 2;
	if (len >= 3 && (memcmp(s, "\xE3\x80\x80", 3) == 0 || memcmp(s, "\xEF\xBB\xBF", 3) == 0))
		return 3;
	return 0;
}

/* s[0..len) without spaces anywhere, into buf (cap); its length, or cap when too long. */
static size_t
squeeze(const char *s, size_t len, char *buf, size_t cap)
{
	size_t		n = 0;

	for (size_t i = 0; i < len;)
	{
		size_t		k = space_len(s + i, len - i);

		if (k > 0)
		{
			i += k;
			continue;
		}
		if (n + 1 >= cap)
			return cap;
		buf[n++] = s[i++];
	}
	buf[n] = '\0';
	return n;
}

static bool
eq(const char *s, size_t n, const char *w)
{
	return strlen(w) == n && memcmp(s, w, n) == 0;
}

static bool
take_prefix(const char **s, size_t *n, const char *pre)
{
	size_t		l = strlen(pre);

	if (*n >= l && memcmp(*s, pre, l) == 0)
	{
		*s += l;
		*n -= l;
		return true;
	}
	return false;
}

static bool
take_suffix(const char *s, size_t *n, const char *suf)
{
	size_t		l = strlen(suf);

	if (*n > l && memcmp(s + *n - l, suf, l) == 0)
	{
		*n -= l;
		return true;
	}
	return false;
}

/* A number of one or two ASCII digits at *s, 1..12, consumed; 0 if none. */
static int
take_month(const char **s, size_t *n)
{
	int			m = 0,
				d = 0;

	while (d < 2 && *n > 0 && **s >= '0' && **s <= '9')
	{
		m = m * 10 + (**s - '0');
		(*s)++;
		(*n)--;
		d++;
	}
	if (d == 0 || (*n > 0 && **s >= '0' && **s <= '9'))
		return 0;
	return m >= 1 && m <= 12 ? m : 0;
}

/* "1-" "1—" "1–" "1~" "1～" "1至" "1到": the start of a January-to-month span. */
static bool
take_from_january(const char **s, size_t *n)
{
	static const char *const dashes[] = {"-", "—", "–", "－", "~", "～", "至", "到", "―"};
	const char *p = *s;
	size_t		k = *n;

	if (!take_prefix(&p, &k, "1") && !take_prefix(&p, &k, "１") && !take_prefix(&p, &k, "01"))
		return false;
	/* (1月-8月) */
	(void) take_prefix(&p, &k, "月");
	for (size_t i = 0; i < sizeof(dashes) / sizeof(dashes[0]); i++)
		if (take_prefix(&p, &k, dashes[i]))
		{
			/* (a doubled dash, ——, is one) */
			(void) take_prefix(&p, &k, dashes[i]);
			*s = p;
			*n = k;
			return true;
		}
	return false;
}

int
pe_mon_month_prefix(const char *s, size_t len, size_t *rest)
{
	const char *p = s;
	size_t		n = len;
	int			m;

	if (!take_from_january(&p, &n) && !take_prefix(&p, &n, "截至到") && !take_prefix(&p, &n, "截至")
		&& !take_prefix(&p, &n, "截止"))
		return 0;
	m = take_month(&p, &n);
	if (m == 0 || !take_prefix(&p, &n, "月"))
		return 0;
	(void) (take_prefix(&p, &n, "份") || take_prefix(&p, &n, "底") || take_prefix(&p, &n, "末"));
	if (n == 0)
		return 0;
	*rest = (size_t) (p - s);
	return m;
}

int
pe_mon_month(const char *s, size_t len)
{
	char		buf[64];
	size_t		n = squeeze(s, len, buf, sizeof(buf));
	const char *p = buf;
	int			m;

	if (n == 0 || n >= sizeof(buf))
		return n == 0 ? 0 : -1;
	(void) (take_from_january(&p, &n) || take_prefix(&p, &n, "截至") || take_prefix(&p, &n, "截止"));
	m = take_month(&p, &n);
	if (m == 0)
		return -1;
	if (take_prefix(&p, &n, "月"))
		(void) (take_prefix(&p, &n, "份") || take_prefix(&p, &n, "底") || take_prefix(&p, &n, "末"));
	return n == 0 ? m : -1;
}

PeMonTick
pe_mon_tick(const char *s, size_t len)
{
	static const char *const yes[] = {"√", "✓", "✔", "☑", "是", "■", "●", "Y", "y", "V", "v"};
	static const char *const no[] = {"否", "×", "✗", "✘", "☐", "□", "/", "／", "-", "—", "无", "N", "n"};
	char		buf[32];
	size_t		n = squeeze(s, len, buf, sizeof(buf));

	if (n == 0)
		return PE_MON_UNTICKED;
	if (n >= sizeof(buf))
		return PE_MON_BAD_TICK;
	for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		if (eq(buf, n, yes[i]))
			return PE_MON_TICKED;
	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		if (eq(buf, n, no[i]))
			return PE_MON_UNTICKED;
	return PE_MON_BAD_TICK;
}

const char *
pe_mon_tick_column(const char *s, size_t len, const char **word)
{
	for (size_t i = 0; i < sizeof(causes) / sizeof(causes[0]); i++)
		if (eq(s, len, causes[i]))
		{
			*word = causes[i];
			return "偏差原因";
		}
	for (size_t i = 0; i < sizeof(likelihoods) / sizeof(likelihoods[0]); i++)
		if (eq(s, len, likelihoods[i]))
		{
			*word = likelihoods[i];
			return "完成可能性";
		}
	*word = NULL;
	return NULL;
}

/* Is s one of the marks forms write for "none" (blank, /, 无, —)? */
static bool
none_mark(const char *s, size_t n)
{
	static const char *const marks[] = {"/", "／", "-", "—", "——", "无", "不适用", "0"};

	if (n == 0)
		return true;
	for (size_t i = 0; i < sizeof(marks) / sizeof(marks[0]); i++)
		if (eq(s, n, marks[i]))
			return true;
	return false;
}

/* The word of words[] (or its alias) that s[0..n) is, or NULL. */
static const char *
lookup(const char *s, size_t n, const char *const *words, size_t nwords,
	   const char *const (*alias)[2], size_t nalias)
{
	for (size_t i = 0; i < nwords; i++)
		if (eq(s, n, words[i]))
			return words[i];
	for (size_t i = 0; i < nalias; i++)
		if (eq(s, n, alias[i][0]))
			return alias[i][1];
	return NULL;
}

/* One word of a list (s, with separators 、 , ， ; ； / between ticked words). */
static PeMonWord
one_word(const char *s, size_t len, const char **word, const char *const *words, size_t nwords,
		 const char *const (*alias)[2], size_t nalias)
{
	static const char *const seps[] = {"、", ",", "，", ";", "；", "/", "／"};
	char		buf[256];
	size_t		n = squeeze(s, len, buf, sizeof(buf));
	const char *found = NULL;
	size_t		start = 0;
	int			count = 0;

	*word = NULL;
	if (n >= sizeof(buf))
		return PE_MON_UNKNOWN;
	if (none_mark(buf, n))
		return PE_MON_NONE;
	while (start <= n)
	{
		size_t		end = start,
					sl = 0;

		/* the next separator */
		while (end < n)
		{
			for (size_t k = 0; k < sizeof(seps) / sizeof(seps[0]) && sl == 0; k++)
				if (n - end >= strlen(seps[k]) && memcmp(buf + end, seps[k], strlen(seps[k])) == 0)
					sl = strlen(seps[k]);
			if (sl > 0)
				break;
			end++;
		}
		if (end > start)
		{
			const char *w = lookup(buf + start, end - start, words, nwords, alias, nalias);

			if (w == NULL)
				return PE_MON_UNKNOWN;
			if (found == NULL || strcmp(found, w) != 0)
				count++;
			found = w;
		}
		if (end >= n)
			break;
		start = end + sl;
	}
	if (count == 0)
		return PE_MON_NONE;
	*word = found;
	return count == 1 ? PE_MON_WORD : PE_MON_SEVERAL;
}

PeMonWord
pe_mon_cause(const char *s, size_t len, const char **word)
{
	return one_word(s, len, word, causes, sizeof(causes) / sizeof(causes[0]),
					cause_alias, sizeof(cause_alias) / sizeof(cause_alias[0]));
}

PeMonWord
pe_mon_likelihood(const char *s, size_t len, const char **word)
{
	return one_word(s, len, word, likelihoods, sizeof(likelihoods) / sizeof(likelihoods[0]),
					likelihood_alias, sizeof(likelihood_alias) / sizeof(likelihood_alias[0]));
}

const char *
pe_mon_words(bool likelihood)
{
	return likelihood ? "确定能、有可能、完全不可能" : "经费保障、制度保障、人员保障、硬件条件保障、其他";
}

PeMonFund
pe_mon_fund(const char *s, size_t len, const char **level)
{
	static const char *const totals[] = {"年度资金总额", "资金总额", "年度资金", "合计", "总计", "资金合计",
	"项目资金总额", "全年资金总额"};
	static const char *const fiscal[] = {"财政拨款", "当年财政拨款", "财政资金", "财政拨款资金", "财政性资金"};
	static const char *const levels[][2] = {
		{"中央", "中央"}, {"中央财政", "中央"}, {"中央补助", "中央"}, {"中央财政补助", "中央"},
		{"中央转移支付", "中央"},
		{"省级", "省级"}, {"省", "省级"}, {"省级财政", "省级"}, {"省财政", "省级"}, {"省级补助", "省级"},
		{"省本级", "省级"}, {"自治区", "省级"}, {"自治区本级", "省级"}, {"区级（自治区）", "省级"},
		{"市级", "市级"}, {"市", "市级"}, {"市级财政", "市级"}, {"市财政", "市级"}, {"市本级", "市级"},
		{"州级", "市级"}, {"地区", "市级"},
		{"县区级", "县区级"}, {"县级", "县区级"}, {"区级", "县区级"}, {"县", "县区级"}, {"区", "县区级"},
		{"县（区）级", "县区级"}, {"县(区)级", "县区级"}, {"县（市、区）级", "县区级"}, {"县本级", "县区级"},
		{"区本级", "县区级"}, {"县级财政", "县区级"},
		{"上年结转", "上年结转"}, {"上年结余结转", "上年结转"}, {"结转", "上年结转"}, {"上年结余", "上年结转"},
		{"其他", "其他"}, {"其它", "其他"}
	};
	char		buf[128];
	size_t		n = squeeze(s, len, buf, sizeof(buf));
	const char *p = buf;

	*level = NULL;
	if (n == 0)
		return PE_MON_FUND_NONE;
	if (n >= sizeof(buf))
		return PE_MON_FUND_UNKNOWN;
	/* 其中：中央 is the 中央 line under a total */
	if (take_prefix(&p, &n, "其中"))
		(void) (take_prefix(&p, &n, "：") || take_prefix(&p, &n, ":") || take_prefix(&p, &n, "，")
				|| take_prefix(&p, &n, ","));
	(void) (take_prefix(&p, &n, "1.") || take_prefix(&p, &n, "2.") || take_prefix(&p, &n, "3.")
			|| take_prefix(&p, &n, "4.") || take_prefix(&p, &n, "5.") || take_prefix(&p, &n, "6."));
	(void) (take_suffix(p, &n, "：") || take_suffix(p, &n, ":"));
	for (int pass = 0; pass < 2; pass++)
	{
		for (size_t i = 0; i < sizeof(totals) / sizeof(totals[0]); i++)
			if (eq(p, n, totals[i]))
				return PE_MON_FUND_TOTAL;
		for (size_t i = 0; i < sizeof(fiscal) / sizeof(fiscal[0]); i++)
			if (eq(p, n, fiscal[i]))
				return PE_MON_FUND_FISCAL;
		for (size_t i = 0; i < sizeof(levels) / sizeof(levels[0]); i++)
			if (eq(p, n, levels[i][0]))
			{
				*level = levels[i][1];
				return PE_MON_FUND_LEVEL;
			}
		/* 中央资金, 上年结转资金, 省级补助资金: the word before 资金 */
		if (pass == 0 && !(take_suffix(p, &n, "补助资金") || take_suffix(p, &n, "财政资金")
						   || take_suffix(p, &n, "资金") || take_suffix(p, &n, "拨款")))
			break;
	}
	return PE_MON_FUND_UNKNOWN;
}

static bool
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
pe_mon_month_end(int year, int month)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (month < 1 || month > 12)
		return 0;
	return month == 2 && leap(year) ? 29 : days[month - 1];
}

/* A number of 1 to max digits at *s, consumed; -1 if none. */
static int
take_number(const char **s, size_t *n, int max)
{
	int			v = 0,
				d = 0;

	while (d < max && *n > 0 && **s >= '0' && **s <= '9')
	{
		v = v * 10 + (**s - '0');
		(*s)++;
		(*n)--;
		d++;
	}
	return d == 0 || (*n > 0 && **s >= '0' && **s <= '9') ? -1 : v;
}

bool
pe_mon_date(const char *s, size_t len, int *y, int *m, int *d)
{
	char		buf[64];
	size_t		n = squeeze(s, len, buf, sizeof(buf));
	const char *p = buf;
	static const char *const seps[] = {"-", "/", ".", "年"};
	int			sep = -1;

	if (n == 0 || n >= sizeof(buf))
		return false;
	*y = take_number(&p, &n, 4);
	if (*y < 1900 || *y > 2999)
		return false;
	for (int k = 0; k < 4 && sep < 0; k++)
		if (take_prefix(&p, &n, seps[k]))
			sep = k;
	if (sep < 0)
		return false;
	*m = take_number(&p, &n, 2);
	if (sep == 3 ? !take_prefix(&p, &n, "月") : !take_prefix(&p, &n, seps[sep]))
		return false;
	*d = take_number(&p, &n, 2);
	if (sep == 3)
		(void) (take_prefix(&p, &n, "日") || take_prefix(&p, &n, "号"));
	return n == 0 && *m >= 1 && *m <= 12 && *d >= 1 && *d <= pe_mon_month_end(*y, *m);
}

PeMonDate
pe_mon_reported_on(int year, const char *month, size_t mlen, const char *date, size_t dlen,
				   int *y, int *m, int *d)
{
	char		tmp[8];
	int			mo = pe_mon_month(month ? month : "", month ? mlen : 0);
	bool		has_date = date != NULL && squeeze(date, dlen, tmp, sizeof(tmp)) > 0;

	if (mo < 0)
		return PE_MON_BAD_MONTH;
	if (has_date)
	{
		if (!pe_mon_date(date, dlen, y, m, d))
			return PE_MON_BAD_DATE;
		/* both: the date must lie in month N of the project's year */
		if (mo > 0 && (*m != mo || *y != year))
			return PE_MON_DISAGREE;
		return PE_MON_DATE_OK;
	}
	if (mo == 0)
		return PE_MON_NO_DATE;
	*y = year;
	*m = mo;
	*d = pe_mon_month_end(year, mo);
	return PE_MON_DATE_OK;
}

bool
pe_mon_rate(const char *s, size_t len, char *out, size_t cap, int *decimals)
{
	char		buf[64];
	size_t		n = squeeze(s, len, buf, sizeof(buf));
	size_t		w = 0;
	int			dot = -1;

	*decimals = 0;
	if (n == 0 || n >= sizeof(buf))
		return false;
	/* 40%, 40.0％, 40: a percentage (the form prints its rate so) */
	if (n >= 3 && memcmp(buf + n - 3, "％", 3) == 0)
		n -= 3;
	else if (buf[n - 1] == '%')
		n--;
	for (size_t i = 0; i < n; i++)
	{
		if (buf[i] == '.' && dot < 0 && i > 0)
			dot = (int) i;
		else if (buf[i] < '0' || buf[i] > '9')
			return false;
		if (w + 1 >= cap)
			return false;
		out[w++] = buf[i];
	}
	if (w == 0 || out[w - 1] == '.')
		return false;
	out[w] = '\0';
	*decimals = dot < 0 ? 0 : (int) (n - (size_t) dot - 1);
	return true;
}

bool
pe_mon_fiscal_level(const char *level)
{
	/* 财政拨款 is the money of the four governments' budgets */
	return level != NULL && (strcmp(level, "中央") == 0 || strcmp(level, "省级") == 0 ||
							 strcmp(level, "市级") == 0 || strcmp(level, "县区级") == 0);
}
