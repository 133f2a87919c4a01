/*
 * pe_csv.h
 *		Reading a form's CSV file as Excel on a Chinese Windows desk writes it
 *		(src/pe_csv.c): the encoding from the bytes, the byte-order mark,
 *		RFC 4180 records with their lines, the header read by name into one
 *		of the seven form layouts, and the rows as the staging views take them;
 *		and the monitoring forms' words (src/pe_monform.c).
 *
 * Server-free like pe_core.h: no PostgreSQL header, no allocation (the
 * caller gives the buffers), no longjmp.  Problems are returned as a
 * PeCsvProblem (what, line, column, value) for the caller to report.
 */
#ifndef PE_CSV_H
#define PE_CSV_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

/* The encodings a file is recognised in. */
typedef enum PeCsvEncoding
{
	PE_CSV_UTF8 = 0,			/* valid UTF-8, with or without a byte-order mark */
	PE_CSV_GB18030 = 1			/* not UTF-8 but valid GB18030 (GBK is a subset) */
} PeCsvEncoding;

/* The seven layouts of the staging views (perfeval.form_*). */
typedef enum PeCsvLayout
{
	PE_CSV_PROJECT = 0,
	PE_CSV_INDICATOR = 1,
	PE_CSV_CHECKLIST = 2,
	PE_CSV_SURVEY = 3,
	PE_CSV_GOAL = 4,			/* 年度总体目标 (1.16) */
	PE_CSV_MONITOR = 5,			/* 绩效监控表: an indicator's progress (1.16) */
	PE_CSV_MONEY = 6,			/* 绩效监控表: the money by fund source (1.16) */
	PE_CSV_NLAYOUTS = 7
} PeCsvLayout;

/* What went wrong; each is one ereport of the wrapper (src/stagefile.c). */
typedef enum PeCsvWhat
{
	PE_CSV_OK = 0,
	PE_CSV_BAD_BYTES,			/* neither UTF-8 nor GB18030: line, byte */
	PE_CSV_UTF16,				/* a UTF-16 byte-order mark ("Unicode text") */
	PE_CSV_NO_HEADER,			/* no header line (an empty file) */
	PE_CSV_UNTERMINATED,		/* a quoted field not closed before the end */
	PE_CSV_TOO_WIDE,			/* more than PE_CSV_MAX_COLUMNS fields */
	PE_CSV_UNKNOWN_HEADER,		/* a header no layout has: column, value */
	PE_CSV_DUPLICATE_HEADER,	/* two headers of one column: column, value, other */
	PE_CSV_MIXED_HEADERS,		/* headers of two layouts: column, value */
	PE_CSV_AMBIGUOUS,			/* headers every layout has (项目编码 alone) */
	PE_CSV_NO_CODE,				/* no 项目编码 column */
	PE_CSV_CELL_OUTSIDE,		/* a cell under an empty header or past the last */
	PE_CSV_CODE_MISSING,		/* the first row's 项目编码 blank: nothing above */
	PE_CSV_MONTH_MISMATCH,		/* two headers naming other months (1-6月, 1-8月): column, value */
	PE_CSV_BAD_TICK,			/* a tick column's cell neither ticked nor blank: line, column, value */
	PE_CSV_UNIT_MISMATCH		/* two headers naming other units (（万元）, （元）): column, value */
} PeCsvWhat;

typedef struct PeCsvProblem
{
	PeCsvWhat	what;
	int			line;			/* 1-based line of the file (header = 1), or 0 */
	int			column;			/* 1-based column, or 0 */
	int64_t		byte;			/* PE_CSV_BAD_BYTES: 1-based byte offset in the file */
	const char *value;			/* the cell or header (or the bad bytes), not terminated */
	size_t		valuelen;
	int			other;			/* PE_CSV_DUPLICATE_HEADER, _MONTH_MISMATCH, _UNIT_MISMATCH: the first column */
} PeCsvProblem;

/* At most this many fields a record (Excel keeps the sheet's width). */
#define PE_CSV_MAX_COLUMNS	4096
/* The widest layout (form_project). */
#define PE_CSV_MAX_LAYOUT	17

/*
 * The file's encoding from its bytes: a UTF-8 byte-order mark is UTF-8
 * (*skip 3: the mark is not data); valid UTF-8 is UTF-8; else valid GB18030
 * (its own mark 84 31 95 33 skipped) is GB18030; else false with
 * PE_CSV_BAD_BYTES naming the line and byte where neither reading holds.
 * NUL bytes are in neither.
 */
extern bool pe_csv_detect(const char *data, size_t len, PeCsvEncoding *enc,
						  size_t *skip, PeCsvProblem *prob);

/* Is data[0..len) valid UTF-8 as PostgreSQL takes it (no NUL)? */
extern size_t pe_csv_utf8_valid_prefix(const char *data, size_t len);

/* One field of a record: into the reader's output buffer. */
typedef struct PeCsvField
{
	const char *p;
	size_t		len;
	bool		quoted;			/* it had quotes: "" is an empty string, not NULL */
} PeCsvField;

/*
 * Reading one file (UTF-8, its byte-order mark already skipped).  The
 * caller gives out, at least as long as the text: the fields of every
 * record are written there one after the other and stay valid until the
 * reader is dropped (so an inherited 项目编码 can point to the row above).
 */
typedef struct PeCsvReader
{
	/* the text */
	const char *data;
	size_t		len;
	size_t		pos;
	int			line;			/* the line the next record starts on */
	char	   *out;
	size_t		outlen;
	size_t		outcap;
	/* the last record read */
	PeCsvField	fields[PE_CSV_MAX_COLUMNS];
	int			nfields;
	int			recline;
	/* the header: which layout, which column of it each field is (-1: none) */
	PeCsvLayout layout;
	int			nheader;
	int16_t		colmap[PE_CSV_MAX_COLUMNS];
	int			codecol;		/* 项目编码's column, 1-based */
	/* a monitoring form: the month its headers name (1-8月实际完成值), 0: none */
	int			month;
	char		month_text[4];
	int			monthcol;		/* 截至月份's column in the layout, or -1 */
	/* the unit money headers name (全年预算数（万元）), NULL: none */
	const char *unit;
	int			unitcol;		/* 金额单位's column in the layout, or -1 */
	/* the header line's fields while a second header line is tried */
	PeCsvField	header[PE_CSV_MAX_COLUMNS];
	/* tick columns (经费保障 ... 完全不可能): the word each field stands for */
	const char *tick[PE_CSV_MAX_COLUMNS];
	char		ticked[2][128];	/* the ticked words of a row, joined by 、 */
	/* 项目编码 of the row above, inherited by a blank one */
	PeCsvField	code;
	bool		has_code;
} PeCsvReader;

/* A data row in the layout's columns, in the staging view's order. */
typedef struct PeCsvRow
{
	int			line;			/* its first line in the file */
	int			ncols;			/* the layout's columns */
	PeCsvField	cols[PE_CSV_MAX_LAYOUT];
	bool		isnull[PE_CSV_MAX_LAYOUT];	/* a column missing or an unquoted empty cell */
} PeCsvRow;

/* Start reading text[0..len) (UTF-8, no mark); out: len bytes or more. */
extern void pe_csv_init(PeCsvReader *r, const char *text, size_t len, char *out, size_t outcap);

/*
 * The next record, RFC 4180 as PostgreSQL's COPY ... (FORMAT csv) reads it
 * (a quote anywhere opens a quoted section, "" inside one is a quote,
 * line breaks inside are data), lines ending in LF, CRLF or CR.  Returns 1
 * with the record in r->fields (r->recline its first line), 0 at the end,
 * -1 with a problem.
 */
extern int	pe_csv_record(PeCsvReader *r, PeCsvProblem *prob);

/*
 * Read the header (the first record) and recognise the layout; false with
 * the problem (unknown, duplicate or mixed headers, no 项目编码, ...).  A
 * monitoring form's header may take two lines, as Excel writes merged
 * header cells: 偏差原因 or 完成可能性 over blank cells, and under them, on
 * the next line, the tick columns' words (经费保障 ... 完全不可能); the
 * second line then names those columns.
 */
extern bool pe_csv_header(PeCsvReader *r, PeCsvProblem *prob);

/*
 * The next data row: 1 with row filled, 0 at the end, -1 with a problem.
 * Entirely blank rows are skipped; a blank 项目编码 is the row above's (a
 * merged cell as Excel writes it); cells under an empty header or past the
 * header's last column must be blank (trailing empty columns).  In a
 * monitoring form a blank 截至月份 is the month of the headers (and in any
 * form with money a blank 金额单位 the unit they name), and the
 * ticked columns' words are the row's 偏差原因 and 完成可能性 (joined by 、
 * where several are ticked: the import refuses that); the fields of a row
 * stay valid until the next row, 项目编码's until the reader is dropped.
 */
extern int	pe_csv_row(PeCsvReader *r, PeCsvRow *row, PeCsvProblem *prob);

/* The layout's name ("form_indicator") and its canonical columns. */
extern const char *pe_csv_layout_name(PeCsvLayout layout);
extern int	pe_csv_layout_ncols(PeCsvLayout layout);
extern const char *pe_csv_layout_col(PeCsvLayout layout, int i);

/*
 * Which canonical column a header cell names ("年度指标值" is 指标值),
 * spaces (ASCII, full-width, no-break) anywhere, enclosing brackets and a
 * required-field star taken off; NULL if none.  *layouts: the layouts that
 * have it (bit 1 << PeCsvLayout).
 */
extern const char *pe_csv_canonical(const char *s, size_t len, unsigned *layouts);
/* The same among one layout's columns (实际完成情况: 实际完成值 of form_indicator). */
extern const char *pe_csv_canonical_in(const char *s, size_t len, PeCsvLayout layout);

/* The accepted spellings of every column, for a hint ("项目编码 (项目代码, 项目编号), ..."). */
extern size_t pe_csv_accepted(PeCsvLayout layout, bool all, char *buf, size_t cap);

/* ---------------------------------------------------------------------
 * The monitoring forms' words (src/pe_monform.c)
 * ------------------------------------------------------------------ */

/*
 * The month a header begins with (1-8月, 1—8月, 1至8月, 1~8月, 截至8月,
 * 1月-8月, 8月份/底/末 after it), 1..12, with *rest the bytes it takes; 0
 * when it names none (or nothing follows it).  s: already without spaces.
 */
extern int	pe_mon_month_prefix(const char *s, size_t len, size_t *rest);
/* A 截至月份 cell: 8, 08, 8月, 1-8月, 截至8月; 0 blank, -1 not a month. */
extern int	pe_mon_month(const char *s, size_t len);
/* The last day of a month (0: no month). */
extern int	pe_mon_month_end(int year, int month);
/* A date: 2024-08-31, 2024/8/31, 2024.8.31, 2024年8月31日. */
extern bool pe_mon_date(const char *s, size_t len, int *y, int *m, int *d);

typedef enum PeMonDate
{
	PE_MON_DATE_OK = 0,
	PE_MON_NO_DATE,				/* neither a month nor a date */
	PE_MON_BAD_MONTH,			/* 截至月份 is no month */
	PE_MON_BAD_DATE,			/* 监控日期 is no date */
	PE_MON_DISAGREE				/* the date is not in that month of the project's year */
} PeMonDate;

/*
 * The date a monitoring row reports at: 监控日期 when given (and then in
 * month N of the project's year when 截至月份 is given too), else the last
 * day of month N of the project's year.
 */
extern PeMonDate pe_mon_reported_on(int year, const char *month, size_t mlen, const char *date,
									size_t dlen, int *y, int *m, int *d);

typedef enum PeMonTick
{
	PE_MON_UNTICKED = 0,		/* blank, 否, ×, / */
	PE_MON_TICKED,				/* √ ✓ ✔ ☑ 是 */
	PE_MON_BAD_TICK
} PeMonTick;

extern PeMonTick pe_mon_tick(const char *s, size_t len);
/* The column a tick header fills (经费保障: 偏差原因; *word its word), or NULL. */
extern const char *pe_mon_tick_column(const char *s, size_t len, const char **word);

typedef enum PeMonWord
{
	PE_MON_NONE = 0,			/* blank, or a none mark (/, 无, —) */
	PE_MON_WORD,
	PE_MON_UNKNOWN,
	PE_MON_SEVERAL				/* two words where one is held */
} PeMonWord;

/* 偏差原因 and 完成可能性 as the warehouse holds them (*word: static). */
extern PeMonWord pe_mon_cause(const char *s, size_t len, const char **word);
extern PeMonWord pe_mon_likelihood(const char *s, size_t len, const char **word);
/* The words, for a hint. */
extern const char *pe_mon_words(bool likelihood);

typedef enum PeMonFund
{
	PE_MON_FUND_NONE = 0,		/* blank */
	PE_MON_FUND_LEVEL,			/* one fund level's line: *level */
	PE_MON_FUND_FISCAL,			/* 财政拨款: the sum of 中央, 省级, 市级 and 县区级 */
	PE_MON_FUND_TOTAL,			/* 年度资金总额: the sum of every level */
	PE_MON_FUND_UNKNOWN
} PeMonFund;

/* A 资金来源 cell (其中：中央, 中央资金, 县级, 上年结转, 其他资金, 财政拨款, 年度资金总额). */
extern PeMonFund pe_mon_fund(const char *s, size_t len, const char **level);
/* Is a fund level one of 财政拨款's (中央, 省级, 市级, 县区级; not 上年结转, 其他)? */
extern bool pe_mon_fiscal_level(const char *level);

/*
 * A printed 执行率 (40%, 40.0％, 40): the percentage as a decimal text into
 * out (cap), *decimals the digits printed after the point.
 */
extern bool pe_mon_rate(const char *s, size_t len, char *out, size_t cap, int *decimals);

#endif							/* PE_CSV_H */
