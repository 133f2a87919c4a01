/*
 * pe_csv.h
 *		Reading a form's CSV file as Excel on a Chinese Windows desk writes it
 *		(src/pe_csv.c): the encoding from the bytes, the byte-order mark,
 *		RFC 4180 records with their lines, the header read by name into one
 *		of the five form layouts, and the rows as the staging views take them.
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

/* The five layouts of the staging views (perfeval.form_*). */
typedef enum PeCsvLayout
{
	PE_CSV_PROJECT = 0,
	PE_CSV_INDICATOR = 1,
	PE_CSV_CHECKLIST = 2,
	PE_CSV_SURVEY = 3,
	PE_CSV_GOAL = 4,			/* 年度总体目标 (1.16) */
	PE_CSV_NLAYOUTS = 5
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
	PE_CSV_CODE_MISSING			/* the first row's 项目编码 blank: nothing above */
} PeCsvWhat;

typedef struct PeCsvProblem
{
	PeCsvWhat	what;
	int			line;			/* 1-based line of the file (header = 1), or 0 */
	int			column;			/* 1-based column, or 0 */
	int64_t		byte;			/* PE_CSV_BAD_BYTES: 1-based byte offset in the file */
	const char *value;			/* the cell or header (or the bad bytes), not terminated */
	size_t		valuelen;
	int			other;			/* PE_CSV_DUPLICATE_HEADER: the first column */
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
 * the problem (unknown, duplicate or mixed headers, no 项目编码, ...).
 */
extern bool pe_csv_header(PeCsvReader *r, PeCsvProblem *prob);

/*
 * The next data row: 1 with row filled, 0 at the end, -1 with a problem.
 * Entirely blank rows are skipped; a blank 项目编码 is the row above's (a
 * merged cell as Excel writes it); cells under an empty header or past the
 * header's last column must be blank (trailing empty columns).
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

#endif							/* PE_CSV_H */
