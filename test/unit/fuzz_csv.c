/*
 * fuzz_csv.c
 *		Fuzz smoke for the CSV file reader (pe_csv.c): random and mutated
 *		bytes never crash it (under ASan/UBSan), never make it read or write
 *		outside its buffers, and whatever it returns is well formed: rows in
 *		line order inside the file's lines, every cell inside the output
 *		buffer, a problem with a line inside the file.
 *
 * Built with -DPE_LIBFUZZER it is a libFuzzer target; otherwise main() runs
 * a deterministic mutation loop over a seed corpus:
 *		fuzz_csv [iterations [seed]]		(default 300000 1)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pe_csv.h"

#define REQUIRE(cond) \
	do { \
		if (!(cond)) \
		{ \
			fprintf(stderr, "fuzz_csv: %s:%d: requirement failed: %s\n", \
					__FILE__, __LINE__, #cond); \
			abort(); \
		} \
	} while (0)

static long nrows,
			nproblems,
			ngb;

/* Lines of text[0..len) (LF, CRLF or CR), at least 1. */
static int
count_lines(const char *t, size_t len)
{
	int			n = 1;

	for (size_t i = 0; i < len; i++)
		if (t[i] == '\n' || (t[i] == '\r' && (i + 1 >= len || t[i + 1] != '\n')))
			n++;
	return n;
}

static void
check_problem(const PeCsvProblem *p, int lines)
{
	REQUIRE(p->what > PE_CSV_OK && p->what <= PE_CSV_UNIT_MISMATCH);
	REQUIRE(p->line >= 1 && p->line <= lines);
	REQUIRE(p->column >= 0 && p->column <= PE_CSV_MAX_COLUMNS);
	REQUIRE(p->value != NULL || p->valuelen == 0);
	nproblems++;
}

/* Every monitoring reader over every cell of a row (pe_monform.c). */
static void
fuzz_monitor_words(const PeCsvRow *row)
{
	for (int c = 0; c < row->ncols; c++)
	{
		const char *p = row->isnull[c] ? "" : row->cols[c].p;
		size_t		n = row->isnull[c] ? 0 : row->cols[c].len;
		const char *w;
		int			y,
					m,
					d;
		int			mo = pe_mon_month(p, n);

		REQUIRE(mo >= -1 && mo <= 12);
		if (pe_mon_cause(p, n, &w) == PE_MON_WORD)
			REQUIRE(w != NULL);
		if (pe_mon_likelihood(p, n, &w) == PE_MON_WORD)
			REQUIRE(w != NULL);
		if (pe_mon_fund(p, n, &w) == PE_MON_FUND_LEVEL)
			REQUIRE(w != NULL);
		(void) pe_mon_tick(p, n);
		{
			char		num[16];
			int			dec;

			if (pe_mon_rate(p, n, num, sizeof(num), &dec))
				REQUIRE(dec >= 0 && strlen(num) > (size_t) dec);
		}
		if (pe_mon_date(p, n, &y, &m, &d))
			REQUIRE(m >= 1 && m <= 12 && d >= 1 && d <= pe_mon_month_end(y, m));
		if (pe_mon_reported_on(2024, p, n, p, n, &y, &m, &d) == PE_MON_DATE_OK)
			REQUIRE(m >= 1 && m <= 12 && d >= 1 && d <= 31);
	}
}

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* exact sizes: ASan sees any overrun */
	char	   *in = malloc(size ? size : 1);
	char	   *out;
	PeCsvReader *r;
	PeCsvProblem prob;
	PeCsvEncoding enc;
	PeCsvRow	row;
	size_t		skip;
	int			rc,
				lines,
				last = 1;

	REQUIRE(in != NULL);
	memcpy(in, data, size);
	lines = count_lines(in, size);
	if (!pe_csv_detect(in, size, &enc, &skip, &prob))
	{
		check_problem(&prob, lines);
		REQUIRE(prob.byte >= 1 && (size_t) prob.byte <= size);
		REQUIRE(prob.value >= in && prob.value + prob.valuelen <= in + size);
		free(in);
		return 0;
	}
	REQUIRE(skip <= size);
	if (enc == PE_CSV_GB18030)
	{
		/* (converted by the server; here only the detection) */
		ngb++;
		free(in);
		return 0;
	}
	REQUIRE(pe_csv_utf8_valid_prefix(in, size) == size);
	out = malloc(size - skip ? size - skip : 1);
	r = malloc(sizeof(PeCsvReader));
	REQUIRE(out != NULL && r != NULL);
	pe_csv_init(r, in + skip, size - skip, out, size - skip);
	if (!pe_csv_header(r, &prob))
		check_problem(&prob, lines);
	else
	{
		REQUIRE(r->layout < PE_CSV_NLAYOUTS);
		while ((rc = pe_csv_row(r, &row, &prob)) > 0)
		{
			REQUIRE(row.line > last && row.line <= lines);
			last = row.line;
			REQUIRE(row.ncols == pe_csv_layout_ncols(r->layout));
			REQUIRE(!row.isnull[0] && row.cols[0].len > 0);
			for (int c = 0; c < row.ncols; c++)
			{
				if (row.isnull[c])
					continue;
				/* (in the text, or the reader's month and ticked words) */
				REQUIRE(row.cols[c].len == 0 ||
						(row.cols[c].p >= out && row.cols[c].p + row.cols[c].len <= out + (size - skip)) ||
						(r->unit != NULL && row.cols[c].p == r->unit) ||
						(row.cols[c].p >= r->month_text &&
						 row.cols[c].p + row.cols[c].len < r->month_text + sizeof(r->month_text)) ||
						(row.cols[c].p >= &r->ticked[0][0] &&
						 row.cols[c].p + row.cols[c].len < &r->ticked[1][0] + sizeof(r->ticked[1])));
				/* a cell is valid UTF-8 when the file is: no character cut */
				REQUIRE(pe_csv_utf8_valid_prefix(row.cols[c].p, row.cols[c].len) == row.cols[c].len);
			}
			/* the monitoring words never crash on what a row holds */
			if (r->layout == PE_CSV_MONITOR || r->layout == PE_CSV_MONEY)
				fuzz_monitor_words(&row);
			nrows++;
		}
		if (rc < 0)
			check_problem(&prob, lines);
	}
	free(r);
	free(out);
	free(in);
	return 0;
}

#ifndef PE_LIBFUZZER

static const char *const seeds[] = {
	"项目编码,三级指标,选项,人数,系数\nA,满意度,满意,3,1\n,满意度,不满意,0,\n",
	"\xEF\xBB\xBF项目编码,一级指标,二级指标,三级指标,指标性质,指标值,度量单位,分值,实际完成值,得分,偏差原因分析及改进措施,,\r\n"
	"A,产出,数量,甲,,≥5,家,10,5,10,,,\r\n,,,乙,,\"a\"\"b\",,10,\"x\r\ny\",,,,\r\n,,,,,,,,,,,,\r\n",
	"权重,项目代码,实际值,年度指标值,三级指标,偏差原因分析\r10,A,5家,≥5家,甲,无\r",
	"项目编码,项目名称,年度,行政区划代码,主管部门,实施单位,评价类型,评分方案,金额单位,年初预算数,全年预算数,实际到位数,全年执行数,预算执行率分值,预算执行率得分,总分,评价等级\n"
	"P,名,2024,650102,局,,,,万元,,10,10,10,,,90,优\n",
	"\xCF\xEE\xC4\xBF\xB1\xE0\xC2\xEB,\xC8\xFD\xBC\xB6\xD6\xB8\xB1\xEA\r\nA,\x81\x30\x81\x30\r\n",
	"项目编码,,三级指标,评价要点,要点分值\nA,,q,\"x\ny\nz\",1\n",
	"项目编码,三级指标,备注\n",
	/* 绩效监控表 (1.16): months in the headers, tick columns, the money */
	"项目编码,三级指标,1-8月实际完成值,经费保障,制度保障,其他,确定能,有可能,完全不可能,原因说明,,\r\n"
	"M,甲,60,√,,,,✓,,缓,,\r\n,乙,70,,是,✔,是,,,,,\r\n",
	"项目编码,资金来源,全年预算数,到位数,1—8月执行数,执行率\nM,年度资金总额,100,90,40,40%\n,其中：中央,60,60,30,50%\n",
	"项目编码,资金来源,全年预算数（万元）,到位数(万元),1-8月执行数（万元）,金额单位\nM,县级,10,9,4,\n,省级,1,1,1,元\n",
	"项目编码,三级指标,截至月份,1至12月实际完成值,全年预计完成值,偏差原因,完成可能性,监控日期\nM,甲,,1,2,经费,能,2024年8月31日\n",
	"项目编码,三级指标,1-8月实际完成值,偏差原因,,,,,完成可能性,,,原因说明\r\n"
	",,,经费保障,制度保障,人员保障,硬件条件保障,其他,确定能,有可能,完全不可能,\r\nM1,甲,60,,√,,,,,√,,缓\r\n",
	"\"项目编码\",\"三级指标\",\"选项\"\n\"A\",\"\",\"\"\n",
};

static unsigned long rng = 1;

static size_t
rnd(size_t n)
{
	rng = rng * 6364136223846793005UL + 1442695040888963407UL;
	return (size_t) ((rng >> 33) % n);
}

#define MAXLEN 4096

int
main(int argc, char **argv)
{
	long		iterations = argc > 1 ? atol(argv[1]) : 300000;
	size_t		nseeds = sizeof(seeds) / sizeof(seeds[0]);
	static const char interesting[] = ",\"\r\n \xEF\xBB\xBF\xE3\x80\x80\x81\x30\xCF\xEE";
	char		buf[MAXLEN];

	rng = argc > 2 ? strtoul(argv[2], NULL, 10) : 1;
	for (size_t k = 0; k < nseeds; k++)
		LLVMFuzzerTestOneInput((const uint8_t *) seeds[k], strlen(seeds[k]));
	for (long it = 0; it < iterations; it++)
	{
		const char *seed = seeds[rnd(nseeds)];
		size_t		len = strlen(seed);
		int			muts = 1 + (int) rnd(3);

		memcpy(buf, seed, len);
		/* one in eight: random bytes only */
		if (rnd(8) == 0)
		{
			len = rnd(64);
			for (size_t i = 0; i < len; i++)
				buf[i] = (char) rnd(256);
		}
		for (int m = 0; m < muts; m++)
		{
			size_t		at = len ? rnd(len) : 0;
			const char *nl = len ? memchr(buf, '\n', len) : NULL;

			/* every other mutation below the header: rows, not refusals */
			if (nl && (size_t) (nl - buf) + 1 < len && rnd(2))
				at = (size_t) (nl - buf) + 1 + rnd(len - (size_t) (nl - buf) - 1);

			switch (rnd(5))
			{
				case 0:			/* set a random byte */
					if (len)
						buf[at] = (char) rnd(256);
					break;
				case 1:			/* insert an interesting byte */
					if (len < MAXLEN)
					{
						memmove(buf + at + 1, buf + at, len - at);
						buf[at] = interesting[rnd(sizeof(interesting) - 1)];
						len++;
					}
					break;
				case 2:			/* delete a byte */
					if (len)
					{
						memmove(buf + at, buf + at + 1, len - at - 1);
						len--;
					}
					break;
				case 3:			/* duplicate a slice */
					{
						size_t		n = len ? 1 + rnd(len - at) : 0;

						if (len + n <= MAXLEN)
						{
							memmove(buf + at + n, buf + at, len - at);
							len += n;
						}
					}
					break;
				default:		/* cut */
					len = at;
					break;
			}
		}
		LLVMFuzzerTestOneInput((const uint8_t *) buf, len);
	}
	printf("fuzz_csv: %ld inputs, %ld rows read, %ld problems, %ld GB18030\n",
		   iterations + (long) nseeds, nrows, nproblems, ngb);
	return 0;
}
#endif
