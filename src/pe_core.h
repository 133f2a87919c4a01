/*
 * pe_core.h
 *		The server-independent core of perfeval: parsers, canonical printers
 *		and exact fixed-point arithmetic for targets, measures, scoring
 *		methods and grade scales.
 *
 * Nothing here includes a PostgreSQL header, allocates memory, or reports
 * errors by longjmp: functions return a PeStatus and fill a PeError, so the
 * same code links into the extension, the unit tests and the fuzzer.
 *
 * Numbers are int64 fixed point with PE_DECIMALS (6) decimal places:
 * 12.5 is stored as 12500000.  Inputs with more decimals are refused
 * rather than rounded, so the stored value is always what the user wrote.
 */
#ifndef PE_CORE_H
#define PE_CORE_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <string.h>

#define PE_DECIMALS		6
#define PE_SCALE		INT64_C(1000000)
/* largest accepted magnitude: 999,999,999,999.999999 */
#define PE_MAX_ABS		INT64_C(999999999999999999)

/* Comparators.  PE_CMP_NONE appears only in measures written without '='. */
typedef enum PeCmp
{
	PE_CMP_NONE = 0,
	PE_CMP_EQ = 1,				/* = ＝ ═ 等于 达到 */
	PE_CMP_GE = 2,				/* ≥ >= ≧ 不低于 不少于 不小于 ... 以上 */
	PE_CMP_GT = 3,				/* > ＞ 大于 高于 超过 */
	PE_CMP_LE = 4,				/* ≤ <= ≦ 不高于 不多于 不大于 不超过 ... 以下 以内 */
	PE_CMP_LT = 5				/* < ＜ 低于 小于 少于 */
} PeCmp;

/*
 * Unit codes.  The numbering is part of the on-disk format: append only,
 * never renumber.  PE_UNIT_CUSTOM means the unit text is stored as written;
 * PE_UNIT_QUAL marks a qualitative value whose text is the phrase.
 */
typedef enum PeUnit
{
	PE_UNIT_NONE = 0,			/* a bare number */
	PE_UNIT_YUAN = 1,			/* 元 */
	PE_UNIT_WANYUAN = 2,		/* 万元, also written 万 */
	PE_UNIT_YIYUAN = 3,			/* 亿元 */
	PE_UNIT_PERCENT = 4,		/* % ％ 百分比 */
	PE_UNIT_JIA = 5,			/* 家 */
	PE_UNIT_GE = 6,				/* 个 */
	PE_UNIT_REN = 7,			/* 人 */
	PE_UNIT_RENCI = 8,			/* 人次 */
	PE_UNIT_CI = 9,				/* 次 */
	PE_UNIT_ZHONG = 10,			/* 种 */
	PE_UNIT_TIAO = 11,			/* 条 */
	PE_UNIT_LIANG = 12,			/* 辆 */
	PE_UNIT_LI = 13,			/* 例 */
	PE_UNIT_XIANG = 14,			/* 项 */
	PE_UNIT_SUO = 15,			/* 所 */
	PE_UNIT_TIAN = 16,			/* 天 */
	PE_UNIT_RI = 17,			/* 日 */
	PE_UNIT_YUE = 18,			/* 月 */
	PE_UNIT_NIAN = 19,			/* 年 */
	PE_UNIT_XIAOSHI = 20,		/* 小时 */
	PE_UNIT_LAST_KNOWN = 20,
	PE_UNIT_CUSTOM = 254,
	PE_UNIT_QUAL = 255
} PeUnit;

/* Unit dimensions: values of one dimension convert into each other. */
typedef enum PeDim
{
	PE_DIM_NONE = 0,
	PE_DIM_MONEY,
	PE_DIM_PERCENT,
	PE_DIM_COUNT,				/* each count unit is its own dimension */
	PE_DIM_DAY,					/* 天 and 日 */
	PE_DIM_OTHER
} PeDim;

typedef enum PeStatus
{
	PE_OK = 0,
	PE_ERR_EMPTY,				/* empty or blank input */
	PE_ERR_SYNTAX,				/* unreadable input */
	PE_ERR_RANGE,				/* number too large or too many decimals */
	PE_ERR_INVALID,				/* well-formed but not allowed (e.g. bands) */
	PE_ERR_UNITS,				/* incompatible units */
	PE_NULL						/* the result is undefined (SQL NULL) */
} PeStatus;

/* Where and why a parse failed; detail is a static English sentence. */
typedef struct PeError
{
	PeStatus	status;
	int			offset;			/* byte offset into the input, -1 if none */
	const char *detail;
} PeError;

/*
 * A target or a measure as parsed.  text/textlen point into the caller's
 * buffer: the custom unit (unit == PE_UNIT_CUSTOM, per == PE_UNIT_NONE; the
 * text is the whole unit as written, compounds included) or the qualitative
 * phrase (unit == PE_UNIT_QUAL).  textlen is 0 otherwise.
 */
typedef struct PeQuant
{
	uint8_t		cmp;			/* PeCmp */
	uint8_t		unit;			/* PeUnit of the numerator */
	uint8_t		per;			/* PeUnit of the denominator (万元/家: 家) */
	int64_t		amount;			/* fixed point, PE_SCALE */
	const char *text;
	size_t		textlen;
} PeQuant;

/* Longest text kept in a value, in bytes. */
#define PE_MAX_TEXT		200

/*
 * Parse a target (targets default to '=' when no comparator is written) or
 * a measure (only an optional leading '=' is allowed).  buf must hold at
 * least len + 1 bytes; out->text points into it.
 */
extern PeStatus pe_parse_target(const char *s, size_t len, PeQuant *out,
								char *buf, PeError *err);
extern PeStatus pe_parse_measure(const char *s, size_t len, PeQuant *out,
								 char *buf, PeError *err);

/*
 * Print canonically: "≥2000万元/家", "=41家", "稳步增长"; measures print
 * without comparator ("57111万元/家").  Returns the length written; buf must
 * hold PE_QUANT_BUFLEN + textlen bytes.  Always NUL terminates.
 */
#define PE_QUANT_BUFLEN 64
extern size_t pe_format_quant(const PeQuant *q, bool is_target, char *buf);

/* Print a fixed-point number minimally: 2000, 0.5, -12.25. Returns length. */
extern size_t pe_format_fixed(int64_t v, char *buf);

extern const char *pe_unit_name(int unit);	/* "万元"; "" for NONE */
extern const char *pe_cmp_symbol(int cmp);	/* "≥"; "" for NONE */
extern PeDim pe_unit_dim(int unit);

/* Reverse (less-is-better) rules for completion. */
typedef enum PeReverse
{
	PE_REVERSE_RATIO = 0,		/* target / actual */
	PE_REVERSE_LINEAR = 1		/* linear from 100 % at target to 0 at 2x */
} PeReverse;

/*
 * Completion rate in percent, fixed point (PE_SCALE), rounded half-up.
 * Returns PE_NULL when undefined (a qualitative side), PE_ERR_UNITS when the
 * units cannot be compared (err->detail says why).
 */
extern PeStatus pe_completion(const PeQuant *target, const PeQuant *actual,
							  PeReverse rule, int64_t *result, PeError *err);

/* Scoring methods. */
typedef enum PeMethodKind
{
	PE_METHOD_PROPORTIONAL = 0, /* weight x min(c,100)/100 */
	PE_METHOD_FLOOR = 1,		/* 0 below p1 %, else proportional */
	PE_METHOD_ALL_OR_NOTHING = 2,	/* weight if c >= 100, else 0 */
	PE_METHOD_DEDUCT = 3		/* weight - p1 points per p2 pp short, >= 0 */
} PeMethodKind;

typedef struct PeMethod
{
	uint8_t		kind;			/* PeMethodKind */
	int64_t		p1;				/* fixed point */
	int64_t		p2;				/* fixed point */
} PeMethod;

#define PE_METHOD_BUFLEN 96
extern PeStatus pe_parse_method(const char *s, size_t len, PeMethod *out,
								PeError *err);
extern size_t pe_format_method(const PeMethod *m, char *buf);

/*
 * Grade scales: "优:90,良:80,中:60,差:0".  Thresholds strictly descend and
 * the last is 0; each band includes its lower bound.
 */
#define PE_MAX_BANDS	16
typedef struct PeBand
{
	int64_t		threshold;		/* fixed point */
	uint16_t	label_off;		/* into the label buffer */
	uint16_t	label_len;
} PeBand;

/* labels must hold len + 1 bytes; labels are copied there back to back. */
extern PeStatus pe_parse_grades(const char *s, size_t len, PeBand *bands,
								int *nbands, char *labels, PeError *err);
/* Index of the band a fixed-point score falls in (last band if below 0). */
extern int	pe_grade_index(const PeBand *bands, int nbands, int64_t score);

/*
 * Lexical helpers shared by pe_parse.c and pe_text.c; not meant for callers
 * outside the core.  Positions are byte offsets; ranges are [b, e).
 */
extern PeStatus pe_fail(PeError *err, PeStatus status, size_t offset,
						const char *detail);
extern PeStatus pe_set_ok(PeError *err);
extern PeStatus pe_check_text(const char *s, size_t len, PeError *err);
/*
 * Length of the literal lit if s[i..e) starts with it, else 0.  Inline, so
 * strlen of a literal folds to a constant; most probes fail on the first byte.
 */
static inline size_t
pe_lit_at(const char *s, size_t i, size_t e, const char *lit)
{
	size_t		n;

	if (i >= e || s[i] != lit[0])
		return 0;
	n = strlen(lit);
	if (e - i < n || memcmp(s + i, lit, n) != 0)
		return 0;
	return n;
}
extern size_t pe_space_at(const char *s, size_t i, size_t e);
extern void pe_skip_space(const char *s, size_t *b, size_t e);
extern void pe_trim(const char *s, size_t *b, size_t *e);
extern size_t pe_char_len(const char *s, size_t i, size_t e);
extern int	pe_digit_at(const char *s, size_t i, size_t e, size_t *n);
extern bool pe_starts_number(const char *s, size_t i, size_t e);
extern PeStatus pe_scan_number(const char *s, size_t b, size_t e, bool groups,
							   int64_t *val, size_t *end, PeError *err);

#endif							/* PE_CORE_H */
