/*
 * test_csv.c
 *		Reading a form's CSV file as Excel writes it (pe_csv.c) without the
 *		server, one table row per rule: the encoding from the bytes, records
 *		and their lines as \copy numbers them, the header read by name into
 *		a layout, trailing empty columns, merged 项目编码 cells, blank rows,
 *		and every refusal with its line and column.
 */
#include "pe_csv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int	npass,
			nfail;

static const char *const what_names[] = {
	"OK", "BAD_BYTES", "UTF16", "NO_HEADER", "UNTERMINATED", "TOO_WIDE", "UNKNOWN_HEADER",
	"DUPLICATE_HEADER", "MIXED_HEADERS", "AMBIGUOUS", "NO_CODE", "CELL_OUTSIDE", "CODE_MISSING",
	"MONTH_MISMATCH", "BAD_TICK", "UNIT_MISMATCH"
};

/* Append printf-style text to buf at *n (cap bytes). */
static void
put(char *buf, size_t cap, size_t *n, const char *s, size_t len)
{
	if (*n + len + 1 > cap)
		len = cap - *n - 1;
	memcpy(buf + *n, s, len);
	*n += len;
	buf[*n] = '\0';
}

/*
 * The whole reading of a UTF-8 text as one string:
 *	"form_x;L2:a|\N|b;L3:..."  the layout and each row (line, cells, \N NULL)
 *	"UNKNOWN_HEADER 1:3 备注"   a problem: what line:column value
 */
static void
render(const char *text, size_t len, char *res, size_t cap)
{
	char	   *in = malloc(len ? len : 1);
	char	   *out = malloc(len ? len : 1);
	PeCsvReader *r = malloc(sizeof(PeCsvReader));
	PeCsvProblem prob;
	PeCsvEncoding enc;
	size_t		skip,
				n = 0;
	PeCsvRow	row;
	int			rc;
	char		tmp[64];

	memcpy(in, text, len);
	res[0] = '\0';
	if (!pe_csv_detect(in, len, &enc, &skip, &prob))
		goto problem;
	if (enc != PE_CSV_UTF8)
	{
		put(res, cap, &n, "GB18030", 7);
		goto done;
	}
	pe_csv_init(r, in + skip, len - skip, out, len ? len : 1);
	if (!pe_csv_header(r, &prob))
		goto problem;
	put(res, cap, &n, pe_csv_layout_name(r->layout), strlen(pe_csv_layout_name(r->layout)));
	while ((rc = pe_csv_row(r, &row, &prob)) > 0)
	{
		snprintf(tmp, sizeof(tmp), ";L%d:", row.line);
		put(res, cap, &n, tmp, strlen(tmp));
		for (int c = 0; c < row.ncols; c++)
		{
			if (c > 0)
				put(res, cap, &n, "|", 1);
			if (row.isnull[c])
				put(res, cap, &n, "\\N", 2);
			else
				put(res, cap, &n, row.cols[c].p, row.cols[c].len);
		}
	}
	if (rc == 0)
		goto done;
problem:
	n = 0;
	snprintf(tmp, sizeof(tmp), "%s %d:%d", what_names[prob.what], prob.line, prob.column);
	put(res, cap, &n, tmp, strlen(tmp));
	if (prob.what == PE_CSV_DUPLICATE_HEADER || prob.what == PE_CSV_MONTH_MISMATCH || prob.what == PE_CSV_UNIT_MISMATCH)
	{
		snprintf(tmp, sizeof(tmp), "(%d)", prob.other);
		put(res, cap, &n, tmp, strlen(tmp));
	}
	if (prob.what == PE_CSV_BAD_BYTES || prob.what == PE_CSV_UTF16)
	{
		snprintf(tmp, sizeof(tmp), " byte %lld", (long long) prob.byte);
		put(res, cap, &n, tmp, strlen(tmp));
	}
	else if (prob.value)
	{
		put(res, cap, &n, " ", 1);
		put(res, cap, &n, prob.value, prob.valuelen);
	}
done:
	free(in);
	free(out);
	free(r);
}

static void
expect(const char *name, const char *text, size_t len, const char *want)
{
	char		got[4096];

	render(text, len, got, sizeof(got));
	if (strcmp(got, want) == 0)
	{
		npass++;
		return;
	}
	nfail++;
	printf("FAIL %s\n  want: %s\n  got:  %s\n", name, want, got);
}

#define S(x) x, sizeof(x) - 1

/* The three header lines of the seeds' layouts, for brevity. */
#define IND "项目编码,一级指标,二级指标,三级指标,指标性质,指标值,度量单位,分值,实际完成值,得分,偏差原因分析及改进措施"
#define SUR "项目编码,三级指标,选项,人数,系数"
#define CHK "项目编码,三级指标,评价要点,要点分值,扣分,扣分理由"

int
main(void)
{
	static const struct
	{
		const char *name;
		const char *text;
		size_t		len;
		const char *want;
	}			cases[] =
	{
		/* records and lines as \copy gives them */
		{"clean survey, LF", S(SUR "\nA,满意度,满意,3,1\nA,满意度,不满意,0,\n"),
		"form_survey;L2:A|满意度|满意|3|1;L3:A|满意度|不满意|0|\\N"},
		{"CRLF, no final line end", S(SUR "\r\nA,满意度,满意,3,1\r\nA,满意度,不满意,0,"),
		"form_survey;L2:A|满意度|满意|3|1;L3:A|满意度|不满意|0|\\N"},
		{"CR line ends", S(SUR "\rA,q,x,1,\rA,q,y,2,\r"), "form_survey;L2:A|q|x|1|\\N;L3:A|q|y|2|\\N"},
		{"UTF-8 byte-order mark", S("\xEF\xBB\xBF" SUR "\r\nA,q,x,1,\r\n"), "form_survey;L2:A|q|x|1|\\N"},
		{"quoted: doubled quote, empty string, line break counted",
			S(SUR "\nA,\"a\"\"b\",\"x\ny\",\"\",\nA,q,z,1,\n"),
		"form_survey;L2:A|a\"b|x\ny||\\N;L4:A|q|z|1|\\N"},
		{"quoted CRLF inside a field is one line, kept as written",
			S(SUR "\r\nA,q,\"x\r\ny\",1,\r\nA,q,z,2,\r\n"),
		"form_survey;L2:A|q|x\r\ny|1|\\N;L4:A|q|z|2|\\N"},
		{"a quote inside an unquoted field opens a section (as COPY)", S(SUR "\nA,q,a\"b,c\"d,1,\n"),
		"form_survey;L2:A|q|ab,cd|1|\\N"},
		{"cells keep their spaces", S(SUR "\nA, q ,x,1,\n"), "form_survey;L2:A| q |x|1|\\N"},
		{"a short row: the missing cells NULL", S(SUR "\nA,q\n"), "form_survey;L2:A|q|\\N|\\N|\\N"},
		/* trailing empty columns */
		{"two trailing empty columns", S(SUR ",,\r\nA,q,x,1,,,\r\nA,q,y,2,1,,\r\n"),
		"form_survey;L2:A|q|x|1|\\N;L3:A|q|y|2|1"},
		{"a row wider than the header, blank past it", S(SUR "\nA,q,x,1,,, ,\n"), "form_survey;L2:A|q|x|1|\\N"},
		{"a cell past the header's last column", S(SUR ",,\nA,q,x,1,,,9\n"), "CELL_OUTSIDE 2:7 9"},
		{"a cell under an empty header between", S("项目编码,,三级指标,选项,人数\nA,zz,q,x,1\n"), "CELL_OUTSIDE 2:2 zz"},
		{"an empty header between, its cells blank", S("项目编码,,三级指标,选项,人数\nA,,q,x,1\n"),
		"form_survey;L2:A|q|x|1|\\N"},
		{"the cell's own line after a quoted line break", S(SUR "\nA,\"q\nr\",x,1,,oops\n"), "CELL_OUTSIDE 3:6 oops"},
		/* headers by name */
		{"columns reordered, other spellings", S("权重,项目代码,实际值,年度指标值,三级指标,偏差原因分析\n10,A,5家,≥5家,甲,无\n"),
		"form_indicator;L2:A|\\N|\\N|甲|\\N|≥5家|\\N|10|5家|\\N|无"},
		{"spaces, brackets and stars around a name", S(" 项 目 编 码 ,【三级指标】,选项*,（人数）,\xE3\x80\x80系数\nA,q,x,1,2\n"),
		"form_survey;L2:A|q|x|1|2"},
		{"project: 19 fields against 17 headers",
			S("项目编码,项目名称,年度,行政区划代码,主管部门,实施单位,评价类型,评分方案,金额单位,年初预算数,全年预算数,实际到位数,全年执行数,预算执行率分值,预算执行率得分,总分,评价等级,,\r\n"
			  "P1,名,2024,650102,局,,,,万元,,10,10,10,,,90,优,,\r\n"),
		"form_project;L2:P1|名|2024|650102|局|\\N|\\N|\\N|万元|\\N|10|10|10|\\N|\\N|90|优"},
		{"checklist", S(CHK "\nA,q,要点,0.5,0,\n"), "form_checklist;L2:A|q|要点|0.5|0|\\N"},
		/* 年度总体目标 (1.16): 实际完成情况 is its column here, 实际完成值 among indicators */
		{"goal", S("项目编码,年度总体目标,实际完成情况\nA,\"1.甲；\n2.乙\",完成\n"), "form_goal;L2:A|1.甲；\n2.乙|完成"},
		{"goal, other spellings and order", S("实际完成情况,预期目标,项目代码\n完成,目标,A\n"), "form_goal;L2:A|目标|完成"},
		{"goal without its outcome", S("项目编码,总体目标\nA,目标\n"), "form_goal;L2:A|目标|\\N"},
		{"indicator: 实际完成情况 is 实际完成值",
			S("项目编码,一级指标,二级指标,三级指标,指标性质,指标值,度量单位,分值,实际完成情况,得分,偏差原因分析及改进措施\nA,产出,数量,甲,,5,家,10,5,10,\n"),
		"form_indicator;L2:A|产出|数量|甲|\\N|5|家|10|5|10|\\N"},
		{"实际完成情况 alone tells no layout", S("项目编码,实际完成情况\nA,x\n"), "AMBIGUOUS 1:0"},
		{"a goal beside a project's columns", S("项目编码,项目名称,年度总体目标\n"), "MIXED_HEADERS 1:3 年度总体目标"},
		/*
		 * 绩效监控表 (1.16): the month in the header is every row's 截至月份;
		 * columns: 项目编码|一级|二级|三级|指标编码|年度指标值|截至月份|实际完成值|
		 * 全年预计完成值|偏差原因|完成可能性|原因说明|监控日期
		 */
		{"monitor, word columns, 1-8月",
			S("项目编码,一级指标,二级指标,三级指标,年度指标值,1-8月实际完成值,全年预计完成值,偏差原因,完成可能性,原因说明\n"
			  "M1,产出指标,数量指标,甲,≥100家,60家,100家,经费保障,有可能,资金未到位\n"),
		"form_monitor;L2:M1|产出指标|数量指标|甲|\\N|≥100家|8|60家|100家|经费保障|有可能|资金未到位|\\N"},
		{"monitor, the month's other spellings: 1—6月", S("项目编码,三级指标,1—6月实际完成值\nM,甲,3\n"),
		"form_monitor;L2:M|\\N|\\N|甲|\\N|\\N|6|3|\\N|\\N|\\N|\\N|\\N"},
		{"monitor: 1至12月", S("项目编码,三级指标,1至12月实际完成值\nM,甲,3\n"),
		"form_monitor;L2:M|\\N|\\N|甲|\\N|\\N|12|3|\\N|\\N|\\N|\\N|\\N"},
		{"monitor: 1~9月, 截至9月 in one file", S("项目编码,三级指标,1~9月实际完成值,截至9月执行率\nM,甲,3,\n"),
		"MIXED_HEADERS 1:4 截至9月执行率"},
		{"monitor: 截至7月, （1-7月） spaced", S("项目编码,指标编码, 截至 7 月实际完成值 \nM,C1,3\n"),
		"form_monitor;L2:M|\\N|\\N|\\N|C1|\\N|7|3|\\N|\\N|\\N|\\N|\\N"},
		{"monitor: a 截至月份 given wins over the header's", S("项目编码,三级指标,截至月份,1-8月实际完成值\nM,甲,9,3\nM,乙,,4\n"),
		"form_monitor;L2:M|\\N|\\N|甲|\\N|\\N|9|3|\\N|\\N|\\N|\\N|\\N;L3:M|\\N|\\N|乙|\\N|\\N|8|4|\\N|\\N|\\N|\\N|\\N"},
		{"monitor: two months", S("项目编码,三级指标,1-6月实际完成值,1-8月实际完成值\n"), "DUPLICATE_HEADER 1:4(3) 1-8月实际完成值"},
		{"monitor: no month in the header, 监控日期", S("项目编码,三级指标,实际完成值,全年预计完成值,监控日期\nM,甲,3,5,2024-08-31\n"),
		"form_monitor;L2:M|\\N|\\N|甲|\\N|\\N|\\N|3|5|\\N|\\N|\\N|2024-08-31"},
		{"monitor: 13月 is no month", S("项目编码,三级指标,1-13月实际完成值\n"), "UNKNOWN_HEADER 1:3 1-13月实际完成值"},
		/* the national form's tick columns */
		{"monitor: tick columns, merged 项目编码, trailing columns",
			S("项目编码,三级指标,1-8月实际完成值,经费保障,制度保障,人员保障,硬件条件保障,其他,确定能,有可能,完全不可能,原因说明,,\r\n"
			  "M1,甲,60,√,,,,,,✓,,缓,,\r\n"
			  ",乙,70,,是,,✔,,是,,,,,\r\n"
			  ",丙,80,,否,,,,√,,,,,\r\n"),
		"form_monitor;L2:M1|\\N|\\N|甲|\\N|\\N|8|60|\\N|经费保障|有可能|缓|\\N"
		";L3:M1|\\N|\\N|乙|\\N|\\N|8|70|\\N|制度保障、硬件条件保障|确定能|\\N|\\N"
		";L4:M1|\\N|\\N|丙|\\N|\\N|8|80|\\N|\\N|确定能|\\N|\\N"},
		/* the national form's merged header cells: two header lines */
		{"monitor: a header of two lines (偏差原因 and 完成可能性 over their tick columns)",
			S("项目编码,三级指标,1-8月实际完成值,偏差原因,,,,,完成可能性,,,原因说明\r\n"
			  ",,,经费保障,制度保障,人员保障,硬件条件保障,其他,确定能,有可能,完全不可能,\r\n"
			  "M1,甲,60,,√,,,,,√,,缓\r\n"),
		"form_monitor;L3:M1|\\N|\\N|甲|\\N|\\N|8|60|\\N|制度保障|有可能|缓|\\N"},
		{"monitor: the second header line repeating the merged cells above",
			S("项目编码,三级指标,1-8月实际完成值,完成可能性,,\n项目编码,三级指标,1-8月实际完成值,确定能,有可能,完全不可能\nM,甲,1,,,√\n"),
		"form_monitor;L3:M|\\N|\\N|甲|\\N|\\N|8|1|\\N|\\N|完全不可能|\\N|\\N"},
		{"monitor: 偏差原因 over blank cells, a data row below (one header line)",
			S("项目编码,三级指标,1-8月实际完成值,偏差原因,\nM,甲,1,经费保障,\n"),
		"form_monitor;L2:M|\\N|\\N|甲|\\N|\\N|8|1|\\N|经费保障|\\N|\\N|\\N"},
		{"monitor: 偏差原因 over a blank cell with a value below it",
			S("项目编码,三级指标,1-8月实际完成值,偏差原因,\nM,甲,1,经费保障,x\n"),
		"CELL_OUTSIDE 2:5 x"},
		{"monitor: a tick cell that is no tick", S("项目编码,三级指标,1-8月实际完成值,经费保障\nM,甲,1,多\n"), "BAD_TICK 2:4 多"},
		{"monitor: a word column beside its tick columns", S("项目编码,三级指标,偏差原因,经费保障,1-8月实际完成值\n"),
		"DUPLICATE_HEADER 1:4(3) 经费保障"},
		{"monitor: a tick column twice", S("项目编码,三级指标,确定能,确定能,1-8月实际完成值\n"),
		"DUPLICATE_HEADER 1:4(3) 确定能"},
		{"indicator: 偏差原因 stays 偏差原因分析及改进措施", S(IND "\nA,产出,数量,甲,,5,家,10,5,10,\n"),
		"form_indicator;L2:A|产出|数量|甲|\\N|5|家|10|5|10|\\N"},
		/* the money: 项目编码|资金来源|金额单位|全年预算数|到位数|截至月份|执行数|执行率|监控日期 */
		{"money, 1-8月执行数, merged 项目编码",
			S("\xEF\xBB\xBF项目编码,资金来源,全年预算数,1-8月执行数,执行率\r\nM1,年度资金总额,100,40,40%\r\n,其中：中央,60,30,50.0%\r\n"),
		"form_monitor_money;L2:M1|年度资金总额|\\N|100|\\N|8|40|40%|\\N;L3:M1|其中：中央|\\N|60|\\N|8|30|50.0%|\\N"},
		{"money: other spellings", S("项目代码,资金性质,预算数,实际到位数,截至8月累计执行数,预算执行率,金额单位\nM,县级,10,8,4,40,元\n"),
		"form_monitor_money;L2:M|县级|元|10|8|8|4|40|\\N"},
		{"money beside a project's columns", S("项目编码,项目名称,资金来源\n"), "MIXED_HEADERS 1:3 资金来源"},
		/* a money header's unit is every row's blank 金额单位 */
		{"money: 全年预算数（万元）, 1-8月执行数(万元)",
			S("项目编码,资金来源,全年预算数（万元）,1-8月执行数(万元),金额单位\nM,县级,10,4,\nM,省级,10000,4000,元\n"),
		"form_monitor_money;L2:M|县级|万元|10|\\N|8|4|\\N|\\N;L3:M|省级|元|10000|\\N|8|4000|\\N|\\N"},
		{"money: 执行率（%）, 1-8月执行率(%)", S("项目编码,资金来源,全年预算数,执行数,1-8月执行率（%）\nM,县级,10,4,40\n"),
		"form_monitor_money;L2:M|县级|\\N|10|\\N|8|4|40|\\N"},
		{"a percent on a column that is no rate", S("项目编码,资金来源,执行数(%)\n"), "UNKNOWN_HEADER 1:3 执行数(%)"},
		{"money: two units", S("项目编码,资金来源,全年预算数（万元）,执行数（元）\n"), "UNIT_MISMATCH 1:4(3) 执行数（元）"},
		{"project: 全年预算数（元）", S("项目编码,项目名称,全年预算数（元）\nP,名,100\n"),
		"form_project;L2:P|名|\\N|\\N|\\N|\\N|\\N|\\N|元|\\N|100|\\N|\\N|\\N|\\N|\\N|\\N"},
		{"a unit on a column that holds no money", S("项目编码,项目名称（万元）\n"), "UNKNOWN_HEADER 1:2 项目名称（万元）"},
		{"a unit and nothing else", S("项目编码,（万元）\n"), "UNKNOWN_HEADER 1:2 （万元）"},
		{"money: 1-6月执行数 beside 1-8月执行率", S("项目编码,资金来源,1-6月执行数,1-8月执行率\n"),
		"MONTH_MISMATCH 1:4(3) 1-8月执行率"},
		{"indicator, clean", S(IND "\nA,产出,数量,甲,,≥5,家,10,5,10,\n"),
		"form_indicator;L2:A|产出|数量|甲|\\N|≥5|家|10|5|10|\\N"},
		/* merged 项目编码, blank rows */
		{"merged 项目编码 and blank rows", S(IND "\r\nA,产出,数量,甲,,5,,10,5,,\r\n,,,乙,,6,,10,6,,\r\n,,,,,,,,,,\r\n\r\nB,产出,,丙,,7,,10,7,,\r\n , ,,丁,,8,,10,8,,\r\n"),
		"form_indicator;L2:A|产出|数量|甲|\\N|5|\\N|10|5|\\N|\\N;L3:A|\\N|\\N|乙|\\N|6|\\N|10|6|\\N|\\N;"
		"L6:B|产出|\\N|丙|\\N|7|\\N|10|7|\\N|\\N;L7:B| |\\N|丁|\\N|8|\\N|10|8|\\N|\\N"},
		{"quoted blanks are a blank row too", S(SUR "\n\"\",\"\",,,\nA,q,x,1,\n"), "form_survey;L3:A|q|x|1|\\N"},
		{"the first row's 项目编码 blank", S("三级指标,项目编码,选项\nq,,x\n"), "CODE_MISSING 2:2"},
		/* refusals of the header */
		{"unknown header", S("项目编码,三级指标,选项,备注\nA,q,x,y\n"), "UNKNOWN_HEADER 1:4 备注"},
		{"unknown header before the others", S("序号,项目编码,三级指标,选项\n"), "UNKNOWN_HEADER 1:1 序号"},
		{"duplicate header", S("项目编码,三级指标,指标值,年度指标值\n"), "DUPLICATE_HEADER 1:4(3) 年度指标值"},
		{"headers of two layouts", S("项目编码,项目名称,一级指标\n"), "MIXED_HEADERS 1:3 一级指标"},
		{"only headers every layout has", S("项目编码,三级指标\nA,q\n"), "AMBIGUOUS 1:0"},
		{"no 项目编码", S("三级指标,选项,人数\nq,x,1\n"), "NO_CODE 1:0"},
		{"单位 alone is no column", S("项目编码,三级指标,指标值,单位\n"), "UNKNOWN_HEADER 1:4 单位"},
		{"empty file", S(""), "NO_HEADER 1:0"},
		{"only a byte-order mark", S("\xEF\xBB\xBF"), "NO_HEADER 1:0"},
		{"an empty first line", S("\n" SUR "\n"), "NO_HEADER 1:0"},
		{"unterminated quote", S(SUR "\nA,q,\"x\ny,1,\n"), "UNTERMINATED 2:3 x\ny,1,\n"},
		/* encodings */
		{"GB18030 (GBK) without a mark", S("\xCF\xEE\xC4\xBF\xB1\xE0\xC2\xEB,x\n"), "GB18030"},
		{"GB18030 four-byte sequences", S("a,\x81\x30\x81\x30\n"), "GB18030"},
		{"GB18030 with its own mark", S("\x84\x31\x95\x33\xCF\xEE\n"), "GB18030"},
		{"neither: a byte at line 3", S("a\nb\n\xFF"), "BAD_BYTES 3:0 byte 5"},
		{"neither: a truncated GB18030 character", S("a,b\r\n\xCF"), "BAD_BYTES 2:0 byte 6"},
		{"a NUL byte is in neither", "a\0b", 3, "BAD_BYTES 1:0 byte 2"},
		{"marked UTF-8 must be UTF-8", S("\xEF\xBB\xBF" "a\n\xCF\xEE\n"), "BAD_BYTES 2:0 byte 6"},
		{"UTF-16", S("\xFF\xFE" "a\0"), "UTF16 1:0 byte 1"},
	};
	static const struct
	{
		const char *header;
		const char *name;		/* NULL: none */
	}			names[] =
	{
		{"项目编码", "项目编码"}, {"项目代码", "项目编码"}, {"指标值", "指标值"}, {"年度指标值", "指标值"},
		{"实际值", "实际完成值"}, {"实际完成值", "实际完成值"}, {"权重", "分值"}, {"分值", "分值"},
		{"偏差原因分析", "偏差原因分析及改进措施"}, {"偏差原因分析及改进措施", "偏差原因分析及改进措施"},
		{"计量单位", "度量单位"}, {"（项目编码）", "项目编码"}, {"(项目编码)", "项目编码"},
		{"*项目编码", "项目编码"}, {"项目编码：", "项目编码"}, {"\xC2\xA0项目编码", "项目编码"},
		{"项目编码（万元）", NULL}, {"年初预算数（元）", "年初预算数"} /* (its unit: 金额单位, 1.16) */, {"单位", NULL}, {"", NULL}, {"()", NULL},
		{"【】", NULL}, {"**", NULL},
	};
	char		hint[2048];
	size_t		n;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		expect(cases[i].name, cases[i].text, cases[i].len, cases[i].want);
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
	{
		unsigned	l;
		const char *got = pe_csv_canonical(names[i].header, strlen(names[i].header), &l);
		bool		ok = names[i].name ? got && strcmp(got, names[i].name) == 0 : got == NULL;

		if (ok)
			npass++;
		else
		{
			nfail++;
			printf("FAIL canonical \"%s\": want %s, got %s\n", names[i].header,
				   names[i].name ? names[i].name : "none", got ? got : "none");
		}
	}
	/* the hint lists a layout's columns with their spellings, cut to fit */
	n = pe_csv_accepted(PE_CSV_SURVEY, false, hint, sizeof(hint));
	if (n == strlen(hint) &&
		strcmp(hint, "项目编码 (项目代码/项目编号), 三级指标 (指标名称), 选项 (满意度选项), 人数 (选择人数/样本数), 系数 (折算系数/权数)") == 0)
		npass++;
	else
	{
		nfail++;
		printf("FAIL accepted: %s\n", hint);
	}
	n = pe_csv_accepted(PE_CSV_SURVEY, true, hint, 20);
	if (n > 20 && strcmp(hint, "项目编码 (") == 0)
		npass++;
	else
	{
		nfail++;
		printf("FAIL accepted cut: %zu %s\n", n, hint);
	}
	/* a monitoring form's hint says what its headers may also be */
	n = pe_csv_accepted(PE_CSV_MONITOR, false, hint, sizeof(hint));
	if (n == strlen(hint) && strstr(hint, "截至月份 (监控月份/截止月份/月份)") && strstr(hint, "1-N月实际完成值")
		&& strstr(hint, "经费保障/制度保障") && !strstr(hint, "资金来源"))
		npass++;
	else
	{
		nfail++;
		printf("FAIL accepted monitor: %s\n", hint);
	}
	printf("test_csv: %d passed, %d failed\n", npass, nfail);
	return nfail > 0;
}
