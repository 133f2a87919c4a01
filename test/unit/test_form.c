/*
 * test_form.c
 *		The form reader (pe_form.c) without the server, table by table: the
 *		cells (marks, notes, level-1 points) and whole forms as counties send
 *		them (merged cells, section-header rows, rows that do not apply, a
 *		form too large), then a fuzz smoke over composed forms.
 */
#include "pe_core.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int	npass,
			nfail;

static void
check(bool ok, const char *what, const char *detail)
{
	if (ok)
	{
		npass++;
		return;
	}
	nfail++;
	printf("FAIL %s: %s\n", what, detail);
}

/* One row: the ten fields in PE_FF_* order; NULL is a NULL field. */
typedef struct
{
	const char *f[PE_FF_COUNT];
} Cells;

static void
fill(PeFormRow *r, int line, const Cells *c)
{
	memset(r, 0, sizeof(*r));
	r->line = line;
	for (int k = 0; k < PE_FF_COUNT; k++)
	{
		r->f[k].s = c->f[k];
		r->f[k].len = c->f[k] ? strlen(c->f[k]) : 0;
	}
}

static void
test_cells(void)
{
	static const struct
	{
		const char *cell;
		bool		mark;
		bool		nothing;	/* as a deviation note */
	}			cells[] = {
		{"/", true, true}, {" ／ ", true, true}, {"—", true, true}, {"——", true, true},
		{"-", true, true}, {"无", true, true}, {"不适用", true, true}, {"　不适用\n", true, true},
		{"0", false, true}, {"０", false, true}, {"", false, true}, {"   ", false, true},
		{"无上访", false, false}, {"-5", false, false}, {"0.5", false, false},
		{"/次", false, false}, {"原材料涨价", false, false}, {"不适用于本年", false, false},
	};
	static const struct
	{
		const char *cell;
		bool		has;
		const char *name;
		int64_t		points;
	}			levels[] = {
		{"产出指标(50分)", true, "产出指标", 50 * PE_SCALE},
		{"产出指标（50分）", true, "产出指标", 50 * PE_SCALE},
		{" 效益指标 （ 30 分） ", true, "效益指标", 30 * PE_SCALE},
		{"满意度指标（10）", true, "满意度指标", 10 * PE_SCALE},
		{"产出指标(12.5分)", true, "产出指标", 12500000},
		{"产出指标", false, "产出指标", 0},
		{"产出指标（数量）", false, "产出指标（数量）", 0},
		{"（50分）", false, "（50分）", 0},
		{"产出指标(-5分)", false, "产出指标(-5分)", 0},
		{"产出指标(50分", false, "产出指标(50分", 0},
		{"产出指标（50分)", false, "产出指标（50分)", 0},
	};

	for (size_t i = 0; i < sizeof(cells) / sizeof(cells[0]); i++)
	{
		size_t		len = strlen(cells[i].cell);

		check(pe_form_is_mark(cells[i].cell, len) == cells[i].mark, "mark", cells[i].cell);
		check(pe_form_note_says_nothing(cells[i].cell, len) == cells[i].nothing, "note", cells[i].cell);
	}
	check(!pe_form_is_mark(NULL, 0) && pe_form_is_blank(NULL, 0) && pe_form_note_says_nothing(NULL, 0),
		  "NULL cell", "(null)");
	check(pe_form_nature_alias("定量", strlen("定量")) && !*pe_form_nature_alias("定量", strlen("定量")) &&
		  strcmp(pe_form_nature_alias(" 反向指标", strlen(" 反向指标")), "≤") == 0 &&
		  strcmp(pe_form_nature_alias("定性指标", strlen("定性指标")), "定性") == 0 &&
		  pe_form_nature_alias("≥", strlen("≥")) == NULL && pe_form_nature_alias("定性", strlen("定性")) == NULL,
		  "指标性质 kinds", "定量 is none, 反向指标 is ≤, 定性指标 is 定性, ≥ and 定性 as written");
	check(pe_form_label_len("合格率≥95%", strlen("合格率≥95%"), "验收合格率", strlen("验收合格率")) == strlen("合格率") &&
		  pe_form_label_len("合格率 96%", strlen("合格率 96%"), "合格率", strlen("合格率")) == strlen("合格率 ") &&
		  pe_form_label_len("增长率≥5%", strlen("增长率≥5%"), "验收合格率", strlen("验收合格率")) == 0 &&
		  pe_form_label_len("≥95%", strlen("≥95%"), "合格率", strlen("合格率")) == 0 &&
		  pe_form_label_len("不低于95%", strlen("不低于95%"), "不低于", strlen("不低于")) == 0 &&
		  pe_form_label_len("合格率", strlen("合格率"), "合格率", strlen("合格率")) == 0,
		  "labels", "合格率≥95% of 验收合格率, not a label outside the name, not a comparator");
	check(pe_form_value_len("≥95%（含）", strlen("≥95%（含）")) == strlen("≥95%") &&
		  pe_form_value_len("≥95% (含)", strlen("≥95% (含)")) == strlen("≥95%") &&
		  pe_form_value_len("≥95%", strlen("≥95%")) == strlen("≥95%") &&
		  pe_form_value_len("（含）", strlen("（含）")) == strlen("（含）"), "notes", "≥95%（含） is ≥95%");
	check(pe_form_survey_option("很满意", strlen("很满意")) == 1 && pe_form_survey_option(" 满意 ", 8) == 2 &&
		  pe_form_survey_option("基本满意", strlen("基本满意")) == 3 &&
		  pe_form_survey_option("不太满意", strlen("不太满意")) == 4 &&
		  pe_form_survey_option("很不满意", strlen("很不满意")) == 5 &&
		  pe_form_survey_option("满意度", strlen("满意度")) == 0 && pe_form_survey_option("", 0) == 0,
		  "survey labels", "很满意 1, 满意 2, 基本满意 3, 不太满意 4, 很不满意 5, others 0");
	for (size_t i = 0; i < sizeof(levels) / sizeof(levels[0]); i++)
	{
		size_t		nb,
					ne;
		int64_t		p;
		bool		has = pe_form_level_points(levels[i].cell, strlen(levels[i].cell), &nb, &ne, &p);
		char		name[128];

		snprintf(name, sizeof(name), "%.*s", (int) (ne - nb), levels[i].cell + nb);
		check(has == levels[i].has && strcmp(name, levels[i].name) == 0 && (!has || p == levels[i].points),
			  "level points", levels[i].cell);
	}
}

/* A form as Excel exports it: merged level cells blank, a section-header row. */
static void
test_merged(void)
{
	static const Cells form[] = {
		/* l1, l2, name, nature, value, unit, weight, actual, score, note */
		{{"产出指标（50分）", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL}},
		{{NULL, "数量指标", "培训人次", "≥", "500", "人次", "20", "520", "20", "0"}},
		{{"", "", "培训场次", "≥", "10", "次", "10", "10", "10", "无"}},
		{{"", "质量指标", "合格率", "≥", "95", "%", "20", "96", "20", NULL}},
		{{"效益指标(40分)", "社会效益", "群众知晓率", "≥", "90", "%", "30", "85", "28", "宣传不足"}},
		{{NULL, NULL, "上访次数", "<", "5", "次", "/", "/", "/", NULL}},
		{{"", "", "", "/", "/", "", "/", "/", "", NULL}},
		{{"满意度指标", "服务对象满意度", "满意度", "≥", "90", "%", "10", "/", "9", NULL}},
		{{NULL, NULL, "环境影响", "", "/", "", "10", "无", "", NULL}},
		{{NULL, NULL, "生态效益", "", "—", "", "10", "", "8", NULL}},
	};
	enum { N = sizeof(form) / sizeof(form[0]) };
	PeFormRow	rows[N];
	PeFormRead	rd;
	int			kept;
	struct
	{
		bool		skip;
		const char *l1;
		const char *l2;
		int			l1n,
					l2n,
					l3n;
		bool		applicable;
		bool		note;
	}			want[N] = {
		{true, "产出指标", NULL, 0, 0, 0, true, false},
		{false, "产出指标", "数量指标", 1, 1, 1, true, false},
		{false, "产出指标", "数量指标", 1, 1, 2, true, false},
		{false, "产出指标", "质量指标", 1, 2, 1, true, false},
		{false, "效益指标", "社会效益", 2, 1, 1, true, true},
		{false, "效益指标", "社会效益", 2, 1, 2, false, false},
		{true, "效益指标", "社会效益", 0, 0, 0, false, false},
		{false, "满意度指标", "服务对象满意度", 3, 1, 1, false, false},
		{false, "满意度指标", "服务对象满意度", 3, 1, 2, false, false},
		{false, "满意度指标", "服务对象满意度", 3, 1, 3, true, false},
	};

	for (int i = 0; i < N; i++)
		fill(&rows[i], i + 2, &form[i]);
	kept = pe_form_read_rows(rows, N, 1, &rd);
	check(kept == 8 && rd.kept == 8 && rd.rows == N && !rd.too_large && rd.level1s == 3,
		  "merged form", "kept 8 of 10 rows, 3 level 1s");
	check(rd.weighted == 8, "merged form", "8 rows with a 分值 written");
	for (int i = 0; i < N; i++)
	{
		char		what[64],
					l1[128],
					l2[128];

		snprintf(what, sizeof(what), "merged form row %d", i + 2);
		snprintf(l1, sizeof(l1), "%.*s", (int) rows[i].l1_len, rows[i].l1 ? rows[i].l1 : "");
		snprintf(l2, sizeof(l2), "%.*s", (int) rows[i].l2_len, rows[i].l2 ? rows[i].l2 : "");
		check(rows[i].skip == want[i].skip, what, "skip");
		check(strcmp(l1, want[i].l1) == 0, what, l1);
		check(strcmp(l2, want[i].l2 ? want[i].l2 : "") == 0, what, l2);
		if (!want[i].skip)
		{
			check(rows[i].l1n == want[i].l1n && rows[i].l2n == want[i].l2n && rows[i].l3n == want[i].l3n,
				  what, "numbering");
			check(rows[i].applicable == want[i].applicable, what, "applicable");
			check(rows[i].has_note == want[i].note, what, "note");
		}
	}
	check(rows[1].l1_has_points && rows[1].l1_points == 50 * PE_SCALE && rows[1].l1_inherited,
		  "merged form", "row 3 inherits 产出指标 and its 50 points");
	check(rows[4].l1_has_points && rows[4].l1_points == 40 * PE_SCALE, "merged form", "效益指标 40 points");
	check(!rows[7].l1_has_points, "merged form", "满意度指标 prints no points");
	check(rows[5].weight_mark && !rows[5].applicable, "merged form", "分值 / : no weight, does not apply");
	check(rows[7].score_printed && !rows[7].applicable, "merged form", "实际完成值 /: does not apply, 得分 or not");
	check(rows[9].score_printed && rows[9].applicable, "merged form", "指标值 — with a printed 得分: judged by it");
}

/* Where a row's score comes from. */
static void
test_source(void)
{
	static const struct
	{
		const char *name;
		bool		checklist,
					survey,
					target,
					score,
					qualitative;
		const char *source;
	}			t[] = {
		{"甲", true, false, true, true, false, "checklist"},
		{"满意度", false, true, true, false, false, "survey"},
		{" 资金到位率 ", false, false, false, false, false, "arrival_rate"},
		{"资金到位率", false, false, true, false, false, "actual"},
		{"执行率", false, false, false, true, false, "execution_rate"},
		{"乙", false, false, false, true, false, "printed"},
		{"乙", false, false, false, true, true, "actual"},
		{"乙", false, false, true, true, false, "actual"},
		{"乙", false, false, false, false, false, "actual"},
	};

	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++)
	{
		PeFormRow	r;
		const char *got;

		memset(&r, 0, sizeof(r));
		r.f[PE_FF_NAME].s = t[i].name;
		r.f[PE_FF_NAME].len = strlen(t[i].name);
		got = pe_form_row_source(&r, t[i].checklist, t[i].survey, t[i].target, t[i].score, t[i].qualitative);
		check(strcmp(got, t[i].source) == 0, "source", t[i].source);
	}
}

/* Rows that are no rows: a section's header with its points, subtotals. */
static void
test_headers(void)
{
	static const Cells form[] = {
		{{"产出指标", NULL, NULL, NULL, NULL, NULL, "50", NULL, NULL, NULL}},
		{{"", "数量指标", "培训人次", "≥", "500", "人次", "30分", "520", "30分", NULL}},
		{{"", "质量指标", "合格率", "≥", "95", "%", "20", "96%", "20", NULL}},
		{{"小计", "", "", "", "", "", "50", "", "50", NULL}},
		{{"效益指标", "", "", "", "", "", "50", "", "45", NULL}},
		{{"", "社会效益", "知晓率", "≥", "90", "%", "50", "81%", "45", NULL}},
		{{"", "可持续影响", "", "", "", "", "10", "", "10", NULL}},
		{{"合计", "", "", "", "", "", "100", "", "95", NULL}},
	};
	enum { N = sizeof(form) / sizeof(form[0]) };
	PeFormRow	rows[N];
	PeFormRead	rd;
	static const bool skip[N] = {true, false, false, true, true, false, false, true};

	for (int i = 0; i < N; i++)
		fill(&rows[i], i + 2, &form[i]);
	pe_form_read_rows(rows, N, 0, &rd);
	for (int i = 0; i < N; i++)
	{
		char		what[64];

		snprintf(what, sizeof(what), "headers row %d", i + 2);
		check(rows[i].skip == skip[i], what, skip[i] ? "skipped" : "a row");
	}
	check(rows[1].l1_has_points && rows[1].l1_points == 50 * PE_SCALE && rows[1].l1_len == strlen("产出指标"),
		  "headers", "a section's header row gives its level its points (50 in 分值)");
	check(rows[5].l1_len == strlen("效益指标") && memcmp(rows[5].l1, "效益指标", rows[5].l1_len) == 0 &&
		  rows[5].l1_points == 50 * PE_SCALE, "headers", "after 小计 the next section's header opens 效益指标");
	check(rows[1].score_printed && rows[1].applicable, "headers", "20分 is a printed score");
	check(pe_form_points_len("30分", strlen("30分")) == 2 && pe_form_points_len("30", 2) == 2 &&
		  pe_form_points_len("分", strlen("分")) == strlen("分"), "points", "30分 is 30");
	check(rd.level1s == 2 && rd.kept == 4, "headers", "two level 1s, four rows (可持续影响 with a score and no 三级指标 stays a row)");
}

/* The same 三级指标 twice, level 2s reopened, the numbering of the old import. */
static void
test_numbering(void)
{
	static const Cells form[] = {
		{{"产出", "数量", "甲", NULL, "1", NULL, "10", "1", NULL, NULL}},
		{{"效益", "社会", "乙", NULL, "1", NULL, "10", "1", NULL, NULL}},
		{{"产出", "数量", "甲", NULL, "1", NULL, "10", "1", NULL, NULL}},
		{{"产出", "质量", "丙", NULL, "1", NULL, "10", "1", NULL, NULL}},
		{{"产出", "数量", "丁", NULL, "1", NULL, "10", "1", NULL, NULL}},
	};
	enum { N = sizeof(form) / sizeof(form[0]) };
	PeFormRow	rows[N];
	PeFormRead	rd;
	static const int want[N][5] = {
		/* l1n, l2n, l3n, occurrence, l1_first */
		{1, 1, 1, 1, 2}, {2, 1, 1, 1, 3}, {1, 1, 2, 2, 2}, {1, 2, 1, 1, 2}, {1, 1, 3, 1, 2},
	};

	for (int i = 0; i < N; i++)
		fill(&rows[i], i + 2, &form[i]);
	pe_form_read_rows(rows, N, 0, &rd);
	for (int i = 0; i < N; i++)
	{
		char		what[64];

		snprintf(what, sizeof(what), "numbering row %d", i + 2);
		check(rows[i].l1n == want[i][0] && rows[i].l2n == want[i][1] && rows[i].l3n == want[i][2] &&
			  rows[i].occurrence == want[i][3] && rows[i].l1_first == want[i][4] && rows[i].ordinal == i + 1,
			  what, "l1n, l2n, l3n, occurrence, first line, ordinal");
	}
}

/* More than a project holds: not read at all. */
static void
test_too_large(void)
{
	int			n = PE_FORM_MAX_ROWS + 1;
	PeFormRow  *rows = calloc(n, sizeof(PeFormRow));
	PeFormRead	rd;
	static const Cells c = {{"产出", "数量", "甲", NULL, "1", NULL, "1", "1", NULL, NULL}};
	static char	l1s[30][16];

	for (int i = 0; i < n; i++)
		fill(&rows[i], i + 2, &c);
	check(pe_form_read_rows(rows, n, 0, &rd) == 0 && rd.too_large && rd.rows == n, "too large", "1001 rows");
	/* 26 level 1s fit without A11, not with it */
	for (int i = 0; i < 26; i++)
	{
		snprintf(l1s[i], sizeof(l1s[i]), "L%d", i);
		fill(&rows[i], i + 2, &c);
		rows[i].f[PE_FF_L1].s = l1s[i];
		rows[i].f[PE_FF_L1].len = strlen(l1s[i]);
	}
	check(pe_form_read_rows(rows, 26, 0, &rd) == 26 && !rd.too_large, "level 1s", "26 without A11");
	check(pe_form_read_rows(rows, 26, 1, &rd) == 26 && rd.too_large, "level 1s", "26 with A11");
	free(rows);
}

/* Fuzz smoke: random cells from pieces that matter; never a crash, invariants hold. */
static void
fuzz(void)
{
	static const char *const pieces[] = {
		"", " ", "/", "—", "无", "0", "产出指标", "（50分）", "(", ")", "（", "）", "分", "5", "-",
		"\n", "　", "数量", "甲", "\xE3\x80", "\xEF\xBC", "12.5", "不适用", "≥", NULL
	};
	int			np = 0;
	unsigned	seed = 12345;
	char		bufs[40][PE_FF_COUNT][48];

	while (pieces[np])
		np++;
	for (int iter = 0; iter < 20000; iter++)
	{
		PeFormRow	rows[40];
		PeFormRead	rd;
		int			n = 1 + (int) ((seed = seed * 1103515245 + 12345) >> 16) % 40,
					kept;

		for (int i = 0; i < n; i++)
		{
			memset(&rows[i], 0, sizeof(rows[i]));
			rows[i].line = i + 2;
			for (int k = 0; k < PE_FF_COUNT; k++)
			{
				int			m = (int) ((seed = seed * 1103515245 + 12345) >> 16) % 4;

				bufs[i][k][0] = '\0';
				for (int j = 0; j < m; j++)
					strncat(bufs[i][k], pieces[((seed = seed * 1103515245 + 12345) >> 16) % np],
							sizeof(bufs[i][k]) - strlen(bufs[i][k]) - 1);
				rows[i].f[k].s = m == 0 && (seed & 1) ? NULL : bufs[i][k];
				rows[i].f[k].len = rows[i].f[k].s ? strlen(bufs[i][k]) : 0;
			}
		}
		/* the same cells as checklist points and survey answers */
		{
			PeFormPart	parts[40];

			for (int survey = 0; survey <= 1; survey++)
			{
				for (int i = 0; i < n; i++)
				{
					memset(&parts[i], 0, sizeof(parts[i]));
					for (int k = 0; k < PE_FC_COUNT; k++)
						parts[i].f[k] = rows[i].f[k];
				}
				if (survey)
					pe_form_read_answers(parts, n);
				else
					pe_form_read_points(parts, n);
				bool		ok = true;

				for (int i = 0; i < n; i++)
				{
					ok = ok && parts[i].no >= 1 && parts[i].no <= n + 5;
					for (int k = 0; k < PE_FC_COUNT; k++)
						ok = ok && parts[i].problem[k] < PE_FX_PROBLEM_COUNT;
				}
				check(ok, "fuzz parts", "a number in range and known problems");
			}
		}
		kept = pe_form_read_rows(rows, n, (int) (seed & 1), &rd);
		for (int i = 0, ord = 0; i < n; i++)
		{
			if (rows[i].skip)
				continue;
			ord++;
			if (rows[i].ordinal != ord || rows[i].l1n < 1 || rows[i].l2n < 1 || rows[i].l3n < 1 ||
				rows[i].occurrence < 1 || rows[i].occurrence > rows[i].l3n || rows[i].l1n > rd.level1s)
			{
				check(false, "fuzz invariant", "numbering");
				return;
			}
		}
		if (kept != rd.kept)
			check(false, "fuzz invariant", "kept");
	}
	check(true, "fuzz", "20000 forms");
}

/* " P2 " is read as P2. */
static bool
p_code_stripped(void)
{
	PeFormField f[PE_FP_COUNT];
	PeFormProject p;

	for (int k = 0; k < PE_FP_COUNT; k++)
		f[k].s = "", f[k].len = 0;
	f[PE_FP_CODE].s = " P2　";
	f[PE_FP_CODE].len = strlen(f[PE_FP_CODE].s);
	pe_form_read_project(f, &p);
	return p.code.len == 2 && memcmp(p.code.s, "P2", 2) == 0;
}

/* The project part: national defaults, problems per field. */
static void
test_project(void)
{
	static const struct
	{
		const char *f[PE_FP_COUNT];
		const char *department;
		bool		from_unit;
		int			year;
		const char *kind;
		const char *money_unit;
		const char *scheme;
		int			offs;
		int			problem_field;
		int			problem;
	}			cases[] = {
		{{"P1", "项目", "2024", "650102", "县财政局", "", "", "", "", "100", "100", "100", "95", "10", "9.5", "98", "优"},
		"县财政局", false, 2024, "单位自评", "万元", "national_self", 1, -1, 0},
		{{" P2 ", "项目", " 2023　", "650102", "", "某镇人民政府", "自评", "national", "元", "", "", "", "", "", "", "", ""},
		"某镇人民政府", true, 2023, "单位自评", "元", "national", 0, -1, 0},
		{{"P2b", "项目", "2023年度", "650102", "局", "", "绩效自评", "", "万", "", "", "", "", "", "", "", ""},
		"局", false, 2023, "单位自评", "万元", "national_self", 0, -1, 0},
		{{"P2c", "项目", "2023年", "650102", "局", "", "财政重点评价", "", "亿", "", "", "", "", "10分", "", "", ""},
		"局", false, 2023, "财政评价", "亿元", "national_self", 1, -1, 0},
		{{"P3", "项目", "2024", "650102", "", "", "", "", "", "", "", "", "", "", "", "", ""},
		NULL, true, 2024, "单位自评", "万元", "national_self", 0, PE_FP_DEPARTMENT, PE_FP_NO_DEPARTMENT},
		{{"P4", "项目", "二〇二四", "650102", "局", "", "", "", "", "", "", "", "", "", "", "", ""},
		"局", false, 0, "单位自评", "万元", "national_self", 0, PE_FP_YEAR, PE_FP_BAD_YEAR},
		{{"P5", "项目", "2101", "650102", "局", "", "", "", "", "", "", "", "", "", "", "", ""},
		"局", false, 0, "单位自评", "万元", "national_self", 0, PE_FP_YEAR, PE_FP_BAD_YEAR},
		{{"P6", "项目", "2024", "65010", "局", "", "", "", "", "", "", "", "", "", "", "", ""},
		"局", false, 2024, "单位自评", "万元", "national_self", 0, PE_FP_DIVISION, PE_FP_BAD_DIVISION},
		{{"P7", "项目", "2024", "650102", "局", "", "自查", "", "", "", "", "", "", "", "", "", ""},
		"局", false, 2024, NULL, "万元", "national_self", 0, PE_FP_KIND, PE_FP_BAD_KIND},
		{{"P8", "项目", "2024", "650102", "局", "", "第三方评价", "", "美元", "", "", "", "", "", "", "", ""},
		"局", false, 2024, "第三方", NULL, "national_self", 0, PE_FP_MONEY_UNIT, PE_FP_BAD_MONEY_UNIT},
		{{"P9", "项目", "2024", "650102", "局", "", "", "", "", "-5", "", "", "", "", "", "", ""},
		"局", false, 2024, "单位自评", "万元", "national_self", 0, PE_FP_INITIAL, PE_FP_NEGATIVE},
		{{"P10", "项目", "2024", "650102", "局", "", "", "", "", "", "", "", "", "/", "9", "", ""},
		"局", false, 2024, "单位自评", "万元", "national_self", 0, PE_FP_EXEC_WEIGHT, PE_FP_SCORE_WITHOUT_WEIGHT},
		{{"", "", "2024", "650102", "局", "", "", "", "", "", "", "", "", "0", "", "", ""},
		"局", false, 2024, "单位自评", "万元", "national_self", 0, PE_FP_CODE, PE_FP_NO_CODE},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		PeFormField f[PE_FP_COUNT];
		PeFormProject p;
		char		what[64],
					dep[128],
					scheme[64];
		int			problems = 0;

		for (int k = 0; k < PE_FP_COUNT; k++)
		{
			f[k].s = cases[i].f[k];
			f[k].len = strlen(cases[i].f[k]);
		}
		pe_form_read_project(f, &p);
		snprintf(what, sizeof(what), "project %zu", i + 1);
		snprintf(dep, sizeof(dep), "%.*s", (int) p.department.len, p.department.s ? p.department.s : "");
		snprintf(scheme, sizeof(scheme), "%.*s", (int) p.scheme.len, p.scheme.s);
		check(strcmp(dep, cases[i].department ? cases[i].department : "") == 0 &&
			  p.department_from_unit == cases[i].from_unit, what, "department");
		check(p.year == cases[i].year, what, "year");
		check((p.kind == NULL) == (cases[i].kind == NULL) && (!p.kind || strcmp(p.kind, cases[i].kind) == 0), what, "kind");
		check((p.money_unit == NULL) == (cases[i].money_unit == NULL) &&
			  (!p.money_unit || strcmp(p.money_unit, cases[i].money_unit) == 0), what, "money unit");
		check(strcmp(scheme, cases[i].scheme) == 0 && p.offs == cases[i].offs, what, "scheme, offs");
		for (int k = 0; k < PE_FP_COUNT; k++)
			if (p.problem[k])
				problems++;
		check(cases[i].problem_field < 0 ? problems == 0 :
			  (p.problem[cases[i].problem_field] == cases[i].problem &&
			   problems == (cases[i].problem == PE_FP_NO_CODE ? 2 : 1)), what, "problems");
		if (cases[i].problem)
			check(strlen(pe_form_problem_sqlstate(cases[i].problem)) == 5 &&
				  *pe_form_problem_message(cases[i].problem) && *pe_form_problem_hint(cases[i].problem),
				  what, "the problem's SQLSTATE, message and hint");
	}
	check(p_code_stripped(), "project", "项目编码 stripped");
	/* the money's fund level by the division's level; none without a division */
	{
		static const struct
		{
			const char *division;
			const char *fund_level;
		}			levels[] = {
			{"650102", "县区级"}, {"650100", "市级"}, {"650000", "省级"}, {"110000", "省级"},
			{"110105", "县区级"}, {"65010", NULL}, {"", NULL}
		};

		for (size_t i = 0; i < sizeof(levels) / sizeof(levels[0]); i++)
		{
			const char *v[PE_FP_COUNT] = {"P", "项目", "2024", levels[i].division, "局", "", "", "", "", "", "", "", "",
			"", "", "", ""};
			PeFormField f[PE_FP_COUNT];
			PeFormProject p;

			for (int k = 0; k < PE_FP_COUNT; k++)
			{
				f[k].s = v[k];
				f[k].len = strlen(v[k]);
			}
			pe_form_read_project(f, &p);
			check(levels[i].fund_level ? p.fund_level && strcmp(p.fund_level, levels[i].fund_level) == 0 :
				  p.fund_level == NULL, levels[i].division, "fund level");
		}
		check(strcmp(pe_form_execution_row.code, "A11") == 0 && strcmp(pe_form_execution_row.target, "100%") == 0 &&
			  PE_FORM_REPORT_MONTH == 12 && PE_FORM_REPORT_DAY == 31, "execution row", "A11, 100%, the year's end");
	}
}

/* One checklist or survey row: its fields in PE_FC_* / PE_FS_* order. */
static void
fill_part(PeFormPart *r, int line, const char *const *f, int nf)
{
	memset(r, 0, sizeof(*r));
	r->line = line;
	for (int k = 0; k < nf; k++)
	{
		r->f[k].s = f[k];
		r->f[k].len = f[k] ? strlen(f[k]) : 0;
	}
}

/* Checklist points: numbering, the defaults and each field's problem. */
static void
test_points(void)
{
	static const struct
	{
		const char *f[PE_FC_COUNT];	/* 三级指标 评价要点 要点分值 扣分 扣分理由 */
		const char *text;		/* 评价要点 as read */
		bool		has_points,
					has_deduction;
		int			problem_field;	/* -1: none */
		int			problem;
	}			rows[] = {
		{{"制度健全性", " 制度完整 ", "5", "1", " 缺少一项 "}, "制度完整", true, true, -1, 0},
		{{"制度健全性", "执行有效", "5分", "", ""}, "执行有效", true, false, -1, 0},
		{{"制度健全性", "执行有效", "5", "/", NULL}, "执行有效", true, false, -1, 0},
		{{"制度健全性", "", "5", "0", NULL}, NULL, true, true, PE_FC_DESCRIPTION, PE_FX_NO_DESCRIPTION},
		{{"制度健全性", "档案", "0", "0", NULL}, "档案", true, true, PE_FC_POINTS, PE_FX_NOT_POSITIVE},
		{{"制度健全性", "档案", "-2", NULL, NULL}, "档案", true, false, PE_FC_POINTS, PE_FX_NOT_POSITIVE},
		{{"制度健全性", "档案", "5", "-1", NULL}, "档案", true, true, PE_FC_DEDUCTION, PE_FX_NEGATIVE},
		{{"制度健全性", "档案", "5", "6", NULL}, "档案", true, true, PE_FC_DEDUCTION, PE_FX_DEDUCTION_ABOVE},
		{{"制度健全性", "档案", "", "2", NULL}, "档案", false, true, -1, 0},
		{{"　", "档案", "5", "2", NULL}, "档案", true, true, PE_FC_NAME, PE_FX_NO_NAME},
		/* a number the parser refuses: the caller's to name, not the reader's */
		{{"制度健全性", "档案", "五分", "2", NULL}, "档案", true, true, -1, 0},
	};
	int			n = (int) (sizeof(rows) / sizeof(rows[0]));
	PeFormPart	parts[16];
	char		what[64];

	for (int i = 0; i < n; i++)
		fill_part(&parts[i], i + 2, rows[i].f, PE_FC_COUNT);
	pe_form_read_points(parts, n);
	for (int i = 0; i < n; i++)
	{
		snprintf(what, sizeof(what), "checklist row %d", i);
		check(parts[i].no == i + 1, what, "numbered in line order from 1");
		check(rows[i].text ? parts[i].text.s && parts[i].text.len == strlen(rows[i].text) &&
			  memcmp(parts[i].text.s, rows[i].text, parts[i].text.len) == 0 : parts[i].text.s == NULL,
			  what, "评价要点 stripped");
		check(parts[i].has[PE_FC_POINTS] == rows[i].has_points, what, "要点分值 written or not");
		check(parts[i].has[PE_FC_DEDUCTION] == rows[i].has_deduction, what, "扣分 written or not (a mark is none)");
		for (int k = 0; k < PE_FC_COUNT; k++)
			check(parts[i].problem[k] == (k == rows[i].problem_field ? rows[i].problem : PE_FX_OK), what,
				  "the field's problem");
	}
	check(parts[0].reason.s && parts[0].reason.len == strlen("缺少一项"), "checklist reason", "扣分理由 stripped");
	check(parts[1].reason.s == NULL && parts[2].reason.s == NULL, "checklist reason", "empty 扣分理由 is none");
	check(strcmp(pe_form_part_sqlstate(PE_FX_DEDUCTION_ABOVE), "23514") == 0 &&
		  strcmp(pe_form_part_sqlstate(PE_FX_NOT_WHOLE), "22P02") == 0 &&
		  strcmp(pe_form_part_sqlstate(PE_FX_REPEATED_OPTION), "23505") == 0 &&
		  *pe_form_part_hint(PE_FX_NO_LABEL) && strcmp(pe_form_part_sqlstate(PE_FX_OK), "") == 0,
		  "part problems", "SQLSTATEs and hints");
}

/* Survey answers: the option of a label or the row's place, the numbers' problems. */
static void
test_answers(void)
{
	static const struct
	{
		const char *f[PE_FS_COUNT];	/* 三级指标 选项 人数 系数 */
		int			no;
		bool		has_coefficient;
		int			problem_field;	/* -1: none but 选项's */
		int			problem;
		int			label_problem;
	}			rows[] = {
		{{"满意度", "很满意", "120", ""}, 1, false, -1, 0, 0},
		{{"满意度", " 满意 ", "80", "0.8"}, 2, true, -1, 0, 0},
		{{"满意度", "基本满意", "1,200", "/"}, 3, false, -1, 0, 0},
		{{"满意度", "还行", "3", NULL}, 4, false, -1, 0, 0},	/* no known option: its place */
		{{"满意度", "不满意", "12.5", NULL}, 5, false, PE_FS_RESPONDENTS, PE_FX_NOT_WHOLE, 0},
		{{"满意度", "满意", "3", NULL}, 2, false, -1, 0, PE_FX_REPEATED_OPTION},
		{{"满意度", "很不满意", "-1", NULL}, 5, false, PE_FS_RESPONDENTS, PE_FX_NEGATIVE, PE_FX_REPEATED_OPTION},
		{{"满意度", "", "3", NULL}, 8, false, -1, 0, PE_FX_NO_LABEL},
		{{"满意度", "一般", "", NULL}, 3, false, PE_FS_RESPONDENTS, PE_FX_NO_RESPONDENTS, PE_FX_REPEATED_OPTION},
		{{"满意度", "较不满意", "3", "1.5"}, 4, true, PE_FS_COEFFICIENT, PE_FX_COEFFICIENT, PE_FX_REPEATED_OPTION},
		{{NULL, "很满意", "3", NULL}, 1, false, PE_FS_NAME, PE_FX_NO_NAME, PE_FX_REPEATED_OPTION},
	};
	int			n = (int) (sizeof(rows) / sizeof(rows[0]));
	PeFormPart	parts[16];
	char		what[64];

	for (int i = 0; i < n; i++)
		fill_part(&parts[i], i + 2, rows[i].f, PE_FS_COUNT);
	pe_form_read_answers(parts, n);
	for (int i = 0; i < n; i++)
	{
		snprintf(what, sizeof(what), "survey row %d", i);
		check(parts[i].no == rows[i].no, what, "option_no: the label's option, else the row's place");
		check(parts[i].has[PE_FS_COEFFICIENT] == rows[i].has_coefficient, what, "系数 written or not");
		for (int k = 0; k < PE_FS_COUNT; k++)
			check(parts[i].problem[k] == (k == PE_FS_LABEL ? rows[i].label_problem :
										  k == rows[i].problem_field ? rows[i].problem : PE_FX_OK),
				  what, "the field's problem");
	}
}

int
main(void)
{
	test_cells();
	test_merged();
	test_numbering();
	test_too_large();
	test_headers();
	test_source();
	test_project();
	test_points();
	test_answers();
	fuzz();
	printf("test_form: %d passed, %d failed\n", npass, nfail);
	return nfail ? 1 : 0;
}
