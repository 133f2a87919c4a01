/*
 * pe_csv.c
 *		A form's CSV file as Excel on a Chinese Windows desk writes it, read
 *		without the server (pe_csv.h): one command stages any of them
 *		(perfeval.stage_file(), src/stagefile.c).
 *
 * What Excel does, and what is done about it here:
 *
 *	* "CSV UTF-8" begins with a byte-order mark; "CSV" is GB18030 (GBK) on a
 *	  Chinese desk, with no mark.  The encoding is read from the bytes: a
 *	  mark is UTF-8, valid UTF-8 is UTF-8, else valid GB18030 is GB18030,
 *	  else the file is refused naming the line and byte where neither
 *	  reading holds (pe_csv_detect()).  The caller converts GB18030.
 *	* Records are RFC 4180 as PostgreSQL's COPY (FORMAT csv) reads them, so
 *	  that a file gives the rows and the line numbers \copy gives: a quote
 *	  anywhere opens a quoted section, "" inside one is a quote, line breaks
 *	  inside one are data and counted as lines (header = line 1), an
 *	  unquoted empty cell is NULL and a quoted one ("") the empty string.
 *	  Lines end in LF, CRLF or CR.
 *	* The header is read by name: spaces anywhere, enclosing brackets and a
 *	  required-field star are not part of a name, and the spellings real
 *	  templates use are the staging view's column (年度指标值 is 指标值, 权重
 *	  is 分值, ...: spellings[] below).  Columns may come in any order; a
 *	  column the file does not have is NULL.  Which of the seven layouts a
 *	  file is follows from its headers.  An unknown or repeated header, or
 *	  headers of two layouts, are refused; so is a file without 项目编码.
 *	* Excel keeps the sheet's width: empty header cells (after the last
 *	  named one, or between) are no column, and the cells under them must be
 *	  blank too (anything there would be lost: refused naming line and
 *	  column).
 *	* Merged cells are written once: a blank 项目编码 is the row above's.
 *	  (一级指标 and 二级指标 stay blank here: the import reads them.)
 *	  Entirely blank rows are skipped.
 *	* A monitoring form's headers carry data (1.16): the month of 1-8月实际完成值
 *	  (every row's blank 截至月份), the unit of 全年预算数（万元） (every row's
 *	  blank 金额单位, in any layout with money), and the tick columns 经费保障
 *	  ... 完全不可能 (the ticked words are the row's 偏差原因 and 完成可能性),
 *	  also on a second header line under merged 偏差原因 and 完成可能性 cells.
 *	  The words themselves are pe_monform.c's.  The self-evaluation form's
 *	  layouts win where the headers fit both (指标值, 全年预算数 alone).
 */
#include "pe_csv.h"

#include <string.h>

/* ---------------------------------------------------------------------
 * Encodings
 * ------------------------------------------------------------------ */

/* Length of the valid UTF-8 sequence at s[0..len), or 0 (PostgreSQL's rule: no NUL). */
static size_t
utf8_char(const unsigned char *s, size_t len)
{
	unsigned char c = s[0];

	if (c == 0)
		return 0;
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		return len >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
	if (c >= 0xE0 && c <= 0xEF)
	{
		unsigned char lo = c == 0xE0 ? 0xA0 : 0x80,
					hi = c == 0xED ? 0x9F : 0xBF;

		return len >= 3 && s[1] >= lo && s[1] <= hi && (s[2] & 0xC0) == 0x80 ? 3 : 0;
	}
	if (c >= 0xF0 && c <= 0xF4)
	{
		unsigned char lo = c == 0xF0 ? 0x90 : 0x80,
					hi = c == 0xF4 ? 0x8F : 0xBF;

		return len >= 4 && s[1] >= lo && s[1] <= hi && (s[2] & 0xC0) == 0x80 &&
			(s[3] & 0xC0) == 0x80 ? 4 : 0;
	}
	return 0;
}

/* Length of the valid GB18030 sequence at s[0..len), or 0 (PostgreSQL's pg_gb18030_verifychar). */
static size_t
gb18030_char(const unsigned char *s, size_t len)
{
	unsigned char c = s[0];

	if (c == 0)
		return 0;
	if (c < 0x80)
		return 1;
	if (c < 0x81 || c > 0xFE || len < 2)
		return 0;
	if (s[1] >= 0x30 && s[1] <= 0x39)
		return len >= 4 && s[2] >= 0x81 && s[2] <= 0xFE && s[3] >= 0x30 && s[3] <= 0x39 ? 4 : 0;
	return (s[1] >= 0x40 && s[1] <= 0x7E) || (s[1] >= 0x80 && s[1] <= 0xFE) ? 2 : 0;
}

size_t
pe_csv_utf8_valid_prefix(const char *data, size_t len)
{
	const unsigned char *s = (const unsigned char *) data;
	size_t		i = 0;

	while (i < len)
	{
		size_t		n = utf8_char(s + i, len - i);

		if (n == 0)
			break;
		i += n;
	}
	return i;
}

static size_t
gb18030_valid_prefix(const char *data, size_t len)
{
	const unsigned char *s = (const unsigned char *) data;
	size_t		i = 0;

	while (i < len)
	{
		size_t		n = gb18030_char(s + i, len - i);

		if (n == 0)
			break;
		i += n;
	}
	return i;
}

/* The 1-based line of byte offset off of data[0..len) (LF, CRLF or CR ends a line). */
static int
line_of(const char *data, size_t len, size_t off)
{
	int			line = 1;

	for (size_t i = 0; i < off; i++)
		if (data[i] == '\n' || (data[i] == '\r' && (i + 1 >= len || data[i + 1] != '\n')))
			line++;
	return line;
}

bool
pe_csv_detect(const char *data, size_t len, PeCsvEncoding *enc, size_t *skip, PeCsvProblem *prob)
{
	size_t		u,
				g,
				bad;

	memset(prob, 0, sizeof(*prob));
	*skip = 0;
	*enc = PE_CSV_UTF8;
	if (len >= 2 && (((unsigned char) data[0] == 0xFF && (unsigned char) data[1] == 0xFE) ||
					 ((unsigned char) data[0] == 0xFE && (unsigned char) data[1] == 0xFF)))
	{
		prob->what = PE_CSV_UTF16;
		prob->line = 1;
		prob->byte = 1;
		prob->value = data;
		prob->valuelen = 2;
		return false;
	}
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
	{
		/* marked UTF-8: it must be UTF-8 */
		u = 3 + pe_csv_utf8_valid_prefix(data + 3, len - 3);
		if (u == len)
		{
			*skip = 3;
			return true;
		}
		bad = u;
	}
	else
	{
		u = pe_csv_utf8_valid_prefix(data, len);
		if (u == len)
			return true;
		if (len >= 4 && memcmp(data, "\x84\x31\x95\x33", 4) == 0)
		{
			g = 4 + gb18030_valid_prefix(data + 4, len - 4);
			*skip = 4;
		}
		else
			g = gb18030_valid_prefix(data, len);
		if (g == len)
		{
			*enc = PE_CSV_GB18030;
			return true;
		}
		*skip = 0;
		/* where neither reading holds any more */
		bad = u > g ? u : g;
	}
	prob->what = PE_CSV_BAD_BYTES;
	prob->line = line_of(data, len, bad);
	prob->byte = (int64_t) bad + 1;
	prob->value = data + bad;
	prob->valuelen = len - bad < 4 ? len - bad : 4;
	return false;
}

/* ---------------------------------------------------------------------
 * Records
 * ------------------------------------------------------------------ */

void
pe_csv_init(PeCsvReader *r, const char *text, size_t len, char *out, size_t outcap)
{
	r->data = text;
	r->len = len;
	r->pos = 0;
	r->line = 1;
	r->out = out;
	r->outlen = 0;
	r->outcap = outcap;
	r->nfields = 0;
	r->recline = 0;
	r->layout = PE_CSV_NLAYOUTS;
	r->month = 0;
	r->monthcol = -1;
	r->unit = NULL;
	r->unitcol = -1;
	r->nheader = 0;
	r->codecol = 0;
	r->has_code = false;
	r->code.p = NULL;
	r->code.len = 0;
	r->code.quoted = false;
}

static void
problem(PeCsvProblem *prob, PeCsvWhat what, int line, int column, const char *v, size_t vlen)
{
	memset(prob, 0, sizeof(*prob));
	prob->what = what;
	prob->line = line;
	prob->column = column;
	prob->value = v;
	prob->valuelen = vlen;
}

int
pe_csv_record(PeCsvReader *r, PeCsvProblem *prob)
{
	const char *d = r->data;
	size_t		len = r->len;
	bool		inquote = false;
	int			qline = 0;
	PeCsvField *f;

	if (r->pos >= len)
		return 0;
	r->recline = r->line;
	r->nfields = 1;
	f = &r->fields[0];
	f->p = r->out + r->outlen;
	f->len = 0;
	f->quoted = false;
	while (r->pos < len)
	{
		char		c = d[r->pos];

		/* every byte read writes at most one: out never outgrows the text */
		if (r->outlen >= r->outcap)
		{
			problem(prob, PE_CSV_TOO_WIDE, r->recline, r->nfields, NULL, 0);
			return -1;
		}
		if (inquote)
		{
			if (c == '"')
			{
				if (r->pos + 1 < len && d[r->pos + 1] == '"')
				{
					r->out[r->outlen++] = '"';
					r->pos += 2;
				}
				else
				{
					inquote = false;
					r->pos++;
				}
				f->len = r->out + r->outlen - f->p;
				continue;
			}
			/* a line break inside quotes is data, and a line */
			if (c == '\n' || (c == '\r' && (r->pos + 1 >= len || d[r->pos + 1] != '\n')))
				r->line++;
			r->out[r->outlen++] = c;
			r->pos++;
			f->len = r->out + r->outlen - f->p;
			continue;
		}
		if (c == '"')
		{
			inquote = true;
			qline = r->line;
			f->quoted = true;
			r->pos++;
			continue;
		}
		if (c == ',')
		{
			if (r->nfields >= PE_CSV_MAX_COLUMNS)
			{
				problem(prob, PE_CSV_TOO_WIDE, r->recline, r->nfields, NULL, 0);
				return -1;
			}
			r->pos++;
			f = &r->fields[r->nfields++];
			f->p = r->out + r->outlen;
			f->len = 0;
			f->quoted = false;
			continue;
		}
		if (c == '\r' || c == '\n')
		{
			r->pos++;
			if (c == '\r' && r->pos < len && d[r->pos] == '\n')
				r->pos++;
			r->line++;
			return 1;
		}
		r->out[r->outlen++] = c;
		r->pos++;
		f->len = r->out + r->outlen - f->p;
	}
	if (inquote)
	{
		problem(prob, PE_CSV_UNTERMINATED, qline, r->nfields, f->p, f->len > 40 ? 40 : f->len);
		return -1;
	}
	return 1;
}

/* ---------------------------------------------------------------------
 * Headers
 * ------------------------------------------------------------------ */

#define L_P (1u << PE_CSV_PROJECT)
#define L_I (1u << PE_CSV_INDICATOR)
#define L_C (1u << PE_CSV_CHECKLIST)
#define L_S (1u << PE_CSV_SURVEY)
#define L_G (1u << PE_CSV_GOAL)
#define L_M (1u << PE_CSV_MONITOR)
#define L_K (1u << PE_CSV_MONEY)

/*
 * Each staging view's column and the other spellings of its header in the
 * templates counties use.  Only spellings that cannot mean another column
 * (单位 alone could be 实施单位 or 度量单位: not here).
 */
static const struct
{
	const char *name;
	unsigned	layouts;
	const char *other[6];
}			spellings[] =
{
	{"项目编码", L_P | L_I | L_C | L_S | L_G | L_M | L_K, {"项目代码", "项目编号"}},
	{"项目名称", L_P, {"项目全称"}},
	{"年度", L_P, {"预算年度", "评价年度", "年份"}},
	{"行政区划代码", L_P, {"行政区划编码", "区划代码", "区划编码"}},
	{"主管部门", L_P, {"主管部门名称", "主管单位"}},
	{"实施单位", L_P, {"项目实施单位", "实施单位名称"}},
	{"评价类型", L_P, {"评价方式"}},
	{"评分方案", L_P, {"评分标准方案"}},
	{"金额单位", L_P | L_K, {"资金单位"}},
	{"年初预算数", L_P, {"年初预算"}},
	{"全年预算数", L_P | L_K, {"全年预算", "调整后预算数"}},
	{"实际到位数", L_P, {"实际到位资金", "资金到位数"}},
	{"全年执行数", L_P, {"全年执行", "实际执行数", "全年实际执行数"}},
	{"预算执行率分值", L_P, {"执行率分值"}},
	{"预算执行率得分", L_P, {"执行率得分"}},
	{"总分", L_P, {"总得分", "自评总分", "评价总分"}},
	{"评价等级", L_P, {"自评等级", "等级"}},
	{"一级指标", L_I | L_M, {NULL}},
	{"二级指标", L_I | L_M, {NULL}},
	{"三级指标", L_I | L_C | L_S | L_M, {"指标名称"}},
	{"指标性质", L_I, {"指标类型", "指标方向"}},
	{"指标值", L_I, {"年度指标值", "目标值", "年度目标值", "指标目标值"}},
	{"度量单位", L_I, {"计量单位"}},
	{"分值", L_I, {"权重", "指标分值", "权重分值"}},
	{"实际完成值", L_I, {"实际值", "全年实际值", "实际完成情况", "完成值"}},
	{"得分", L_I, {"自评得分", "指标得分"}},
	{"偏差原因分析及改进措施", L_I, {"偏差原因分析", "偏差原因", "偏差原因分析及整改措施",
	"偏差原因及改进措施", "未完成原因分析"}},
	{"评价要点", L_C, {"评分要点"}},
	{"要点分值", L_C, {"评价要点分值"}},
	{"扣分", L_C, {"扣分值"}},
	{"扣分理由", L_C, {"扣分原因", "扣分说明"}},
	{"选项", L_S, {"满意度选项"}},
	{"人数", L_S, {"选择人数", "样本数"}},
	{"系数", L_S, {"折算系数", "权数"}},
	/* (实际完成情况 is 实际完成值 among indicator headers, this beside 年度总体目标) */
	{"年度总体目标", L_G, {"预期目标", "总体目标", "年度目标", "年度总体绩效目标", "总体绩效目标"}},
	{"实际完成情况", L_G, {"总体目标完成情况", "年度总体目标完成情况", "目标完成情况", "全年目标完成情况"}},
	/*
	 * 绩效监控表 (1.16): 1-8月实际完成值 and 1-8月执行数 name the month too
	 * (month_of()); the tick columns 经费保障 ... 完全不可能 are
	 * pe_mon_tick_column()'s
	 */
	{"指标编码", L_M, {"指标代码", "三级指标编码"}},
	{"年度指标值", L_M, {"指标值", "年度目标值", "全年指标值", "目标值"}},
	{"截至月份", L_M | L_K, {"监控月份", "截止月份", "月份"}},
	{"实际完成值", L_M, {"累计完成值", "累计实际完成值", "实际完成情况"}},
	{"全年预计完成值", L_M, {"全年预计完成情况", "预计全年完成值", "预计完成值", "全年预计完成"}},
	{"偏差原因", L_M, {"偏差原因分析"}},
	{"完成可能性", L_M, {"完成目标可能性", "全年完成可能性", "完成的可能性", "能否完成目标"}},
	{"原因说明", L_M, {"原因分析", "偏差原因说明", "偏差说明"}},
	{"监控日期", L_M | L_K, {"报告日期", "截至日期", "截止日期", "监控时点"}},
	{"资金来源", L_K, {"资金性质", "资金类别", "资金类型", "资金名称", "项目资金"}},
	{"全年预算数", L_K, {"年度预算数", "全年预算金额", "预算数", "调整后全年预算数"}},
	{"到位数", L_K, {"实际到位数", "到位资金", "资金到位数", "全年到位数", "实际到位资金"}},
	{"执行数", L_K, {"实际执行数", "累计执行数", "执行金额", "支出数"}},
	{"执行率", L_K, {"预算执行率", "执行进度"}},
};

/* The columns a month may name (1-8月实际完成值, 截至8月执行数). */
static const char *const month_cols[] = {"实际完成值", "执行数", "执行率", "到位数"};

/* The staging views' columns, in their order (sql/85_import.sql). */
static const char *const layout_cols[PE_CSV_NLAYOUTS][PE_CSV_MAX_LAYOUT] = {
	{"项目编码", "项目名称", "年度", "行政区划代码", "主管部门", "实施单位", "评价类型", "评分方案",
	"金额单位", "年初预算数", "全年预算数", "实际到位数", "全年执行数", "预算执行率分值",
	"预算执行率得分", "总分", "评价等级"},
	{"项目编码", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "分值",
	"实际完成值", "得分", "偏差原因分析及改进措施"},
	{"项目编码", "三级指标", "评价要点", "要点分值", "扣分", "扣分理由"},
	{"项目编码", "三级指标", "选项", "人数", "系数"},
	{"项目编码", "年度总体目标", "实际完成情况"},
	{"项目编码", "一级指标", "二级指标", "三级指标", "指标编码", "年度指标值", "截至月份", "实际完成值",
	"全年预计完成值", "偏差原因", "完成可能性", "原因说明", "监控日期"},
	{"项目编码", "资金来源", "金额单位", "全年预算数", "到位数", "截至月份", "执行数", "执行率", "监控日期"},
};
static const int layout_n[PE_CSV_NLAYOUTS] = {17, 11, 6, 5, 3, 13, 9};
static const char *const layout_names[PE_CSV_NLAYOUTS] = {
	"form_project", "form_indicator", "form_checklist", "form_survey", "form_goal", "form_monitor",
	"form_monitor_money"
};

const char *
pe_csv_layout_name(PeCsvLayout layout)
{
	return (unsigned) layout < PE_CSV_NLAYOUTS ? layout_names[layout] : NULL;
}

int
pe_csv_layout_ncols(PeCsvLayout layout)
{
	return (unsigned) layout < PE_CSV_NLAYOUTS ? layout_n[layout] : 0;
}

const char *
pe_csv_layout_col(PeCsvLayout layout, int i)
{
	return (unsigned) layout < PE_CSV_NLAYOUTS && i >= 0 && i < layout_n[layout]
		? layout_cols[layout][i] : NULL;
}

/* Length of a space at s[0..len) (ASCII space or tab, U+3000, U+00A0, U+FEFF), or 0. */
static size_t
space_at(const char *s, size_t len)
{
	if (s[0] == ' ' || s[0] == '\t')
		return 1;
	if (len >= 2 && memcmp(s, "\xC2\xA0", 2) == 0)
		return 2;
	if (len >= 3 && (memcmp(s, "\xE3\x80\x80", 3) == 0 || memcmp(s, "\xEF\xBB\xBF", 3) == 0))
		return 3;
	return 0;
}

/* Is a cell blank (nothing but spaces)? */
static bool
blank(const PeCsvField *f)
{
	size_t		i = 0;

	while (i < f->len)
	{
		size_t		n = space_at(f->p + i, f->len - i);

		if (n == 0)
			return false;
		i += n;
	}
	return true;
}

static bool
starts(const char *s, size_t len, const char *pre)
{
	size_t		n = strlen(pre);

	return len >= n && memcmp(s, pre, n) == 0;
}

static bool
ends(const char *s, size_t len, const char *suf)
{
	size_t		n = strlen(suf);

	return len >= n && memcmp(s + len - n, suf, n) == 0;
}

static const char *lookup_name(const char *b, size_t n, unsigned want, unsigned *layouts);
static const char *resolve_name(const char *b, size_t n, unsigned want, unsigned *layouts, int *month,
								const char **tick);

/* The money columns, which may name the unit of their amounts (全年预算数（万元）). */
static const char *const money_cols[] = {"年初预算数", "全年预算数", "实际到位数", "全年执行数", "到位数", "执行数"};
static const char *const unit_suffixes[][2] = {
	{"（万元）", "万元"}, {"(万元)", "万元"}, {"（亿元）", "亿元"}, {"(亿元)", "亿元"}, {"（元）", "元"}, {"(元)", "元"}
};
/* A rate's header may say it is a percentage (执行率（%）): nothing to keep. */
static const char *const percent_suffixes[] = {"（%）", "(%)", "（％）", "(％)", "%", "％"};

/*
 * The canonical column a header names among the layouts of want (the first
 * spelling of those that matches), and in *layouts every layout of every
 * spelling it matches: 实际完成情况 is 实际完成值 of form_indicator and
 * 实际完成情况 of form_goal.
 */
static const char *
canonical_in(const char *s, size_t len, unsigned want, unsigned *layouts, int *month,
			 const char **tick, const char **unit)
{
	char		buf[256];
	size_t		n = 0,
				i = 0;
	const char *b;
	const char *name = NULL;
	bool		changed = true;
	static const char *const pairs[][2] = {
		{"【", "】"}, {"[", "]"}, {"（", "）"}, {"(", ")"}, {"〔", "〕"}, {"《", "》"}
	};
	static const char *const marks[] = {"*", "＊", ":", "："};

	*layouts = 0;
	*month = 0;
	*tick = NULL;
	*unit = NULL;
	/* spaces anywhere are layout, not name (项 目 编 码) */
	while (i < len)
	{
		size_t		k = space_at(s + i, len - i);

		if (k > 0)
		{
			i += k;
			continue;
		}
		if (n >= sizeof(buf))
			return NULL;
		buf[n++] = s[i++];
	}
	b = buf;
	/* enclosing brackets, a required-field star, a trailing colon */
	while (changed && n > 0)
	{
		changed = false;
		for (size_t p = 0; p < sizeof(pairs) / sizeof(pairs[0]); p++)
		{
			size_t		ol = strlen(pairs[p][0]),
						cl = strlen(pairs[p][1]);

			if (n >= ol + cl && starts(b, n, pairs[p][0]) && ends(b, n, pairs[p][1]))
			{
				b += ol;
				n -= ol + cl;
				changed = true;
			}
		}
		for (size_t m = 0; m < sizeof(marks) / sizeof(marks[0]); m++)
		{
			size_t		ml = strlen(marks[m]);

			if (starts(b, n, marks[m]) && m < 2)
			{
				b += ml;
				n -= ml;
				changed = true;
			}
			if (ends(b, n, marks[m]))
			{
				n -= ml;
				changed = true;
			}
		}
	}
	if (n == 0)
		return NULL;
	name = resolve_name(b, n, want, layouts, month, tick);
	if (*layouts != 0 || n < 6)
		return name;
	/* 执行率（%）: the rate, in percent as the column holds it anyway */
	for (size_t k = 0; k < sizeof(percent_suffixes) / sizeof(percent_suffixes[0]); k++)
	{
		size_t		pl = strlen(percent_suffixes[k]);
		unsigned	l;

		if (n <= pl || !ends(b, n, percent_suffixes[k]))
			continue;
		name = resolve_name(b, n - pl, ~0u, &l, month, tick);
		if (name != NULL && strcmp(name, "执行率") == 0)
		{
			*layouts = l & L_K;
			return (want & L_K) ? name : NULL;
		}
		*month = 0;
		*tick = NULL;
		break;
	}
	/* 全年预算数（万元）: a money column, with the unit of its amounts */
	for (size_t k = 0; k < sizeof(unit_suffixes) / sizeof(unit_suffixes[0]); k++)
	{
		size_t		ul = strlen(unit_suffixes[k][0]);
		unsigned	l;

		if (n <= ul || !ends(b, n, unit_suffixes[k][0]))
			continue;
		name = resolve_name(b, n - ul, want, &l, month, tick);
		for (size_t c = 0; c < sizeof(money_cols) / sizeof(money_cols[0]); c++)
			if (name != NULL && strcmp(name, money_cols[c]) == 0)
			{
				*layouts = l & (L_P | L_K);
				*unit = unit_suffixes[k][1];
				return name;
			}
		/* (for the layout: what the column is wherever it may carry a unit) */
		name = resolve_name(b, n - ul, ~0u, &l, month, tick);
		for (size_t c = 0; c < sizeof(money_cols) / sizeof(money_cols[0]); c++)
			if (name != NULL && strcmp(name, money_cols[c]) == 0)
			{
				*layouts = l & (L_P | L_K);
				*unit = unit_suffixes[k][1];
			}
		*month = 0;
		return NULL;
	}
	return NULL;
}

/*
 * The column a name (without spaces, brackets and marks) is among the
 * layouts of want: a spelling, a monitoring form's tick column, or a
 * column after the month it names (1-8月实际完成值).
 */
static const char *
resolve_name(const char *b, size_t n, unsigned want, unsigned *layouts, int *month, const char **tick)
{
	const char *name = lookup_name(b, n, want, layouts);

	*month = 0;
	*tick = NULL;
	if (*layouts != 0)
		return name;
	/* a monitoring form's tick column: 经费保障 stands for a 偏差原因 */
	{
		const char *col = pe_mon_tick_column(b, n, tick);

		if (col != NULL)
		{
			*layouts = L_M;
			return (want & L_M) ? col : NULL;
		}
	}
	/* 1-8月实际完成值: the month, and the column after it */
	{
		size_t		rest;
		int			m = pe_mon_month_prefix(b, n, &rest);
		unsigned	l = 0;

		if (m == 0)
			return NULL;
		name = lookup_name(b + rest, n - rest, want & (L_M | L_K), &l);
		for (size_t k = 0; k < sizeof(month_cols) / sizeof(month_cols[0]); k++)
			if (name != NULL && strcmp(name, month_cols[k]) == 0)
			{
				*layouts = l & (L_M | L_K);
				*month = m;
				return name;
			}
		/* (for the layout: what the column is wherever it may carry a month) */
		name = lookup_name(b + rest, n - rest, L_M | L_K, &l);
		for (size_t k = 0; k < sizeof(month_cols) / sizeof(month_cols[0]); k++)
			if (name != NULL && strcmp(name, month_cols[k]) == 0)
			{
				*layouts = l & (L_M | L_K);
				*month = m;
			}
		return NULL;
	}
}

/*
 * The canonical column a name (without spaces, brackets and marks) is among
 * the layouts of want, and every layout of every spelling it matches.
 */
static const char *
lookup_name(const char *b, size_t n, unsigned want, unsigned *layouts)
{
	const char *name = NULL;

	*layouts = 0;
	for (size_t k = 0; k < sizeof(spellings) / sizeof(spellings[0]); k++)
	{
		bool		hit = strlen(spellings[k].name) == n && memcmp(spellings[k].name, b, n) == 0;

		for (int a = 0; !hit && a < 6 && spellings[k].other[a]; a++)
			hit = strlen(spellings[k].other[a]) == n && memcmp(spellings[k].other[a], b, n) == 0;
		if (hit)
		{
			*layouts |= spellings[k].layouts;
			if (name == NULL && (spellings[k].layouts & want))
				name = spellings[k].name;
		}
	}
	return name;
}

const char *
pe_csv_canonical(const char *s, size_t len, unsigned *layouts)
{
	int			m;
	const char *t,
			   *u;

	return canonical_in(s, len, ~0u, layouts, &m, &t, &u);
}

const char *
pe_csv_canonical_in(const char *s, size_t len, PeCsvLayout layout)
{
	unsigned	l;
	int			m;
	const char *t,
			   *u;

	if ((unsigned) layout >= PE_CSV_NLAYOUTS)
		return NULL;
	return canonical_in(s, len, 1u << layout, &l, &m, &t, &u);
}

/*
 * Append s to buf[0..cap) at *w, counting it in *n: whole pieces only (a
 * name is never cut in the middle of a character), none after one that did
 * not fit.
 */
static void
append(char *buf, size_t cap, size_t *n, size_t *w, const char *s)
{
	size_t		l = strlen(s);

	if (*w == *n && *n + l < cap)
	{
		memcpy(buf + *w, s, l);
		*w += l;
	}
	*n += l;
}

size_t
pe_csv_accepted(PeCsvLayout layout, bool all, char *buf, size_t cap)
{
	size_t		n = 0,
				w = 0;
	bool		first = true;

	for (size_t k = 0; k < sizeof(spellings) / sizeof(spellings[0]); k++)
	{
		if (!all && !(spellings[k].layouts & (1u << layout)))
			continue;
		if (!first)
			append(buf, cap, &n, &w, ", ");
		first = false;
		append(buf, cap, &n, &w, spellings[k].name);
		for (int a = 0; a < 6 && spellings[k].other[a]; a++)
		{
			append(buf, cap, &n, &w, a == 0 ? " (" : "/");
			append(buf, cap, &n, &w, spellings[k].other[a]);
			if (a + 1 == 6 || spellings[k].other[a + 1] == NULL)
				append(buf, cap, &n, &w, ")");
		}
	}
	/* what the monitoring forms' headers may also say (month_of(), ticks, units) */
	if (all || layout == PE_CSV_MONITOR)
		append(buf, cap, &n, &w, "; 1-N月实际完成值 (1—N月/1至N月/1~N月/截至N月: month N), the tick columns "
			   "经费保障/制度保障/人员保障/硬件条件保障/其他 (偏差原因) and 确定能/有可能/完全不可能 (完成可能性)");
	if (all || layout == PE_CSV_MONEY)
		append(buf, cap, &n, &w, "; 1-N月执行数, a money header's unit: 全年预算数（万元）");
	if (cap > 0)
		buf[w] = '\0';
	return n;
}

/* The index of name among layout's columns, or -1. */
static int
column_of(PeCsvLayout layout, const char *name)
{
	for (int i = 0; i < layout_n[layout]; i++)
		if (strcmp(layout_cols[layout][i], name) == 0)
			return i;
	return -1;
}

/* Is a header cell the given canonical column of form_monitor, or a tick word? */
static bool
header_is(const PeCsvField *f, const char *col, bool tick_word)
{
	unsigned	l;
	int			m;
	const char *t,
			   *u;
	const char *name;

	if (blank(f))
		return false;
	name = canonical_in(f->p, f->len, L_M, &l, &m, &t, &u);
	return tick_word ? t != NULL : (name != NULL && t == NULL && strcmp(name, col) == 0);
}

/*
 * A header of two lines (merged header cells, as Excel writes them): the
 * first names 偏差原因 or 完成可能性 over blank cells, the second the tick
 * columns under them (经费保障 ... 完全不可能), each other cell of it blank
 * or repeating the cell above.  Merged into r->fields, the second line's
 * words where it has them; else the reader is where it was.
 */
static void
two_line_header(PeCsvReader *r)
{
	size_t		pos = r->pos,
				outlen = r->outlen;
	int			line = r->line,
				recline = r->recline,
				n1 = r->nfields,
				ticks = 0;
	bool		group = false;
	PeCsvProblem ignored;

	for (int i = 0; i < n1 && !group; i++)
		group = (header_is(&r->fields[i], "偏差原因", false) || header_is(&r->fields[i], "完成可能性", false)) &&
			(i + 1 >= n1 || blank(&r->fields[i + 1]));
	if (!group)
		return;
	memcpy(r->header, r->fields, sizeof(PeCsvField) * n1);
	if (pe_csv_record(r, &ignored) == 1)
	{
		bool		sub = true;

		for (int j = 0; j < r->nfields && sub; j++)
		{
			const PeCsvField *f = &r->fields[j];

			if (blank(f))
				continue;
			if (header_is(f, NULL, true))
				ticks++;
			else
				sub = j < n1 && f->len == r->header[j].len && memcmp(f->p, r->header[j].p, f->len) == 0;
		}
		if (sub && ticks > 0)
		{
			/* the second line's words, the first's cells elsewhere */
			int			n2 = r->nfields;

			for (int j = 0; j < n2; j++)
				if (blank(&r->fields[j]) && j < n1)
					r->fields[j] = r->header[j];
			for (int j = n2; j < n1; j++)
				r->fields[j] = r->header[j];
			r->nfields = n1 > n2 ? n1 : n2;
			r->recline = recline;
			return;
		}
	}
	/* not a second header line: read again as a row */
	r->pos = pos;
	r->outlen = outlen;
	r->line = line;
	r->recline = recline;
	r->nfields = n1;
	memcpy(r->fields, r->header, sizeof(PeCsvField) * n1);
}

bool
pe_csv_header(PeCsvReader *r, PeCsvProblem *prob)
{
	int			rc = pe_csv_record(r, prob);
	unsigned	mask = L_P | L_I | L_C | L_S | L_G | L_M | L_K;
	int			seen[PE_CSV_MAX_LAYOUT];
	bool		ticks[PE_CSV_MAX_LAYOUT];
	int			monthcol = -1,
				unitcol = -1;
	int			unknown = -1,
				mixed = -1;
	int			n;

	if (rc < 0)
		return false;
	if (rc == 0)
	{
		problem(prob, PE_CSV_NO_HEADER, 1, 0, NULL, 0);
		return false;
	}
	two_line_header(r);
	/* trailing empty header cells are the sheet's width, not columns */
	n = r->nfields;
	while (n > 0 && blank(&r->fields[n - 1]))
		n--;
	if (n == 0)
	{
		problem(prob, PE_CSV_NO_HEADER, r->recline, 0, NULL, 0);
		return false;
	}
	r->nheader = n;
	/* the layout: the one that has every named header */
	for (int i = 0; i < n; i++)
	{
		unsigned	l;

		if (blank(&r->fields[i]))
			continue;
		if (pe_csv_canonical(r->fields[i].p, r->fields[i].len, &l) == NULL)
		{
			if (unknown < 0)
				unknown = i;
			continue;
		}
		if ((mask & l) == 0)
		{
			if (mixed < 0)
				mixed = i;
			continue;
		}
		mask &= l;
	}
	/*
	 * the monitoring forms share their headers with the self-evaluation
	 * form's (指标值, 全年预算数): they are taken only where a header of
	 * their own says so (1-8月实际完成值, 全年预计完成值, 资金来源)
	 */
	if ((mask & (L_M | L_K)) != 0 && (mask & ~(L_M | L_K)) != 0)
	{
		unsigned	rest = mask & ~(L_M | L_K);

		if ((rest & (rest - 1)) == 0)
			mask = rest;
	}
	/* (for a hint: the layout the other headers fit) */
	for (int k = 0; k < PE_CSV_NLAYOUTS; k++)
		if (mask == (1u << k))
			r->layout = (PeCsvLayout) k;
	if (unknown >= 0 && (mixed < 0 || unknown < mixed))
	{
		problem(prob, PE_CSV_UNKNOWN_HEADER, r->recline, unknown + 1,
				r->fields[unknown].p, r->fields[unknown].len);
		return false;
	}
	if (mixed >= 0)
	{
		problem(prob, PE_CSV_MIXED_HEADERS, r->recline, mixed + 1, r->fields[mixed].p, r->fields[mixed].len);
		return false;
	}
	if (r->layout == PE_CSV_NLAYOUTS)
	{
		problem(prob, PE_CSV_AMBIGUOUS, r->recline, 0, NULL, 0);
		return false;
	}
	for (int i = 0; i < PE_CSV_MAX_LAYOUT; i++)
	{
		seen[i] = -1;
		ticks[i] = false;
	}
	r->month = 0;
	r->unit = NULL;
	for (int i = 0; i < r->nfields; i++)
	{
		const char *name;
		const char *tick;
		const char *unit;
		unsigned	l;
		int			month;
		int			c;

		r->colmap[i] = -1;
		r->tick[i] = NULL;
		if (i >= n || blank(&r->fields[i]))
			continue;
		name = canonical_in(r->fields[i].p, r->fields[i].len, 1u << r->layout, &l, &month, &tick, &unit);
		c = column_of(r->layout, name);
		/* the tick columns of one word column are one column; each word once */
		if (seen[c] >= 0 && !(tick != NULL && ticks[c]))
		{
			problem(prob, PE_CSV_DUPLICATE_HEADER, r->recline, i + 1, r->fields[i].p, r->fields[i].len);
			prob->other = seen[c] + 1;
			return false;
		}
		if (tick != NULL)
			for (int j = 0; j < i; j++)
				if (r->tick[j] != NULL && strcmp(r->tick[j], tick) == 0)
				{
					problem(prob, PE_CSV_DUPLICATE_HEADER, r->recline, i + 1, r->fields[i].p, r->fields[i].len);
					prob->other = j + 1;
					return false;
				}
		/* 全年预算数（万元） beside 执行数（元）: which unit? */
		if (unit != NULL)
		{
			if (r->unit != NULL && strcmp(unit, r->unit) != 0)
			{
				problem(prob, PE_CSV_UNIT_MISMATCH, r->recline, i + 1, r->fields[i].p, r->fields[i].len);
				prob->other = unitcol + 1;
				return false;
			}
			r->unit = unit;
			unitcol = i;
		}
		/* 1-6月实际完成值 beside 1-8月执行率: which month? */
		if (month > 0)
		{
			if (r->month > 0 && month != r->month)
			{
				problem(prob, PE_CSV_MONTH_MISMATCH, r->recline, i + 1, r->fields[i].p, r->fields[i].len);
				prob->other = monthcol + 1;
				return false;
			}
			r->month = month;
			monthcol = i;
		}
		if (seen[c] < 0)
			seen[c] = i;
		ticks[c] = tick != NULL;
		r->tick[i] = tick;
		r->colmap[i] = (int16_t) c;
	}
	r->monthcol = r->month > 0 ? column_of(r->layout, "截至月份") : -1;
	r->unitcol = r->unit != NULL ? column_of(r->layout, "金额单位") : -1;
	if (r->month > 0)
	{
		r->month_text[0] = r->month >= 10 ? '1' : (char) ('0' + r->month);
		r->month_text[1] = r->month >= 10 ? (char) ('0' + r->month - 10) : '\0';
		r->month_text[2] = '\0';
	}
	if (seen[0] < 0)
	{
		problem(prob, PE_CSV_NO_CODE, r->recline, 0, NULL, 0);
		return false;
	}
	r->codecol = seen[0] + 1;
	return true;
}

/* ---------------------------------------------------------------------
 * Rows
 * ------------------------------------------------------------------ */

/* Line breaks in a field's text (LF, CRLF or CR: one each). */
static int
breaks(const PeCsvField *f)
{
	int			n = 0;

	for (size_t i = 0; i < f->len; i++)
		if (f->p[i] == '\n' || (f->p[i] == '\r' && (i + 1 >= f->len || f->p[i + 1] != '\n')))
			n++;
	return n;
}

int
pe_csv_row(PeCsvReader *r, PeCsvRow *row, PeCsvProblem *prob)
{
	for (;;)
	{
		int			rc = pe_csv_record(r, prob);
		bool		all_blank = true;
		int			line;

		if (rc <= 0)
			return rc;
		for (int i = 0; i < r->nfields && all_blank; i++)
			all_blank = blank(&r->fields[i]);
		if (all_blank)
			continue;
		row->line = r->recline;
		row->ncols = layout_n[r->layout];
		for (int c = 0; c < row->ncols; c++)
		{
			row->cols[c].p = NULL;
			row->cols[c].len = 0;
			row->cols[c].quoted = false;
			row->isnull[c] = true;
		}
		line = r->recline;
		r->ticked[0][0] = r->ticked[1][0] = '\0';
		for (int i = 0; i < r->nfields; i++)
		{
			const PeCsvField *f = &r->fields[i];

			if (i >= r->nheader || r->colmap[i] < 0)
			{
				if (!blank(f))
				{
					problem(prob, PE_CSV_CELL_OUTSIDE, line, i + 1, f->p, f->len);
					return -1;
				}
			}
			else if (r->tick[i] != NULL)
			{
				/* a ticked word joins the others of its column */
				PeMonTick t = pe_mon_tick(f->p, f->len);
				char	   *w = r->ticked[strcmp(pe_csv_layout_col(r->layout, r->colmap[i]), "偏差原因") == 0 ? 0 : 1];
				size_t		wl = strlen(w);

				if (t == PE_MON_BAD_TICK)
				{
					problem(prob, PE_CSV_BAD_TICK, line, i + 1, f->p, f->len);
					return -1;
				}
				if (t == PE_MON_TICKED && wl + strlen(r->tick[i]) + 4 < sizeof(r->ticked[0]))
				{
					if (wl > 0)
						strcat(w, "、");
					strcat(w, r->tick[i]);
					row->cols[r->colmap[i]].p = w;
					row->cols[r->colmap[i]].len = strlen(w);
					row->isnull[r->colmap[i]] = false;
				}
			}
			else
			{
				row->cols[r->colmap[i]] = *f;
				row->isnull[r->colmap[i]] = f->len == 0 && !f->quoted;
			}
			line += breaks(f);
		}
		/* 金额单位 left blank: the unit of the headers (全年预算数（万元）) */
		if (r->unitcol >= 0 && (row->isnull[r->unitcol] || blank(&row->cols[r->unitcol])))
		{
			row->cols[r->unitcol].p = r->unit;
			row->cols[r->unitcol].len = strlen(r->unit);
			row->cols[r->unitcol].quoted = false;
			row->isnull[r->unitcol] = false;
		}
		/* 截至月份 left blank: the month of the headers (1-8月实际完成值) */
		if (r->monthcol >= 0 && (row->isnull[r->monthcol] || blank(&row->cols[r->monthcol])))
		{
			row->cols[r->monthcol].p = r->month_text;
			row->cols[r->monthcol].len = strlen(r->month_text);
			row->cols[r->monthcol].quoted = false;
			row->isnull[r->monthcol] = false;
		}
		/* a merged 项目编码: the row above's */
		if (row->isnull[0] || blank(&row->cols[0]))
		{
			if (!r->has_code)
			{
				problem(prob, PE_CSV_CODE_MISSING, row->line, r->codecol, NULL, 0);
				return -1;
			}
			row->cols[0] = r->code;
			row->isnull[0] = false;
		}
		else
		{
			r->code = row->cols[0];
			r->has_code = true;
		}
		return 1;
	}
}
