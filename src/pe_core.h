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

/* Marks an English sentence for po/ (xgettext); the server's c.h defines it too. */
#ifndef gettext_noop
#define gettext_noop(x) (x)
#endif

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
	PE_UNIT_LAST_KNOWN = 20,	/* the last unit with a name */
	PE_UNIT_DATE = 21,			/* a date: amount is yyyymmdd (a deadline, 1.7) */
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
	PE_DIM_OTHER,
	PE_DIM_DATE					/* a date: compared only with a date */
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

/*
 * Where and why a parse failed; detail is a static English sentence.  When
 * detail is pe_detail_invisible, codepoint and character name the refused
 * character (U+FEFF, its 1-based character position); both are 0 otherwise.
 */
typedef struct PeError
{
	PeStatus	status;
	int			offset;			/* byte offset into the input, -1 if none */
	const char *detail;
	uint32_t	codepoint;		/* an invisible character refused, or 0 */
	int			character;		/* its position in characters, from 1 */
} PeError;

/*
 * Invisible characters (pe_parse.c): refused in every text value by
 * pe_check_text(), the one rule that target, measure, method and
 * grade_scale input (text, binary, the import) share.
 */
extern bool pe_invisible(uint32_t cp);
extern const char pe_detail_invisible[];
#define PE_HINT_INVISIBLE \
	gettext_noop("Remove the character: a value holds visible characters and spaces only (tabs and line breaks only around it), no zero-width, bidirectional, byte order mark or control characters.")

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
 * A decimal as a self-evaluation form writes it: ASCII spaces anywhere are
 * dropped, full-width digits and ．，－ read as ASCII, thousands separators
 * only in groups of three ("1,234.5", "１２"); no units.  On PE_OK buf (at
 * least len + 1 bytes) holds the plain decimal ("-1234.5"); PE_NULL for an
 * empty field, PE_ERR_SYNTAX otherwise.
 */
extern PeStatus pe_parse_form_number(const char *s, size_t len, char *buf,
									 PeError *err);

/*
 * A self-evaluation form's row, as the warehouse reads it.  A form field
 * is NULL or a string; leading and trailing ASCII spaces do not count.
 *
 * pe_form_comparator: the length of the longest comparator spelling (the
 * targets' own, ≥ ≤ ＝ 不低于 …) s begins with after its spaces, or 0.
 *
 * pe_form_target: the target the row states: 指标值 alone when 指标性质 is
 * empty or 定性, else 指标性质 followed by 指标值; then 度量单位 when given,
 * not 定性 and not already ending 指标值; a date written without its year
 * (12月底前, 10月20日, 于9月底前完成; 年底前完成 and 年内完成 when they then
 * read as a date) in the form's 年度.  NULL (returns false) when 指标值 is
 * empty.
 *
 * pe_form_actual: 实际完成值, without a leading comparator when it repeats
 * the target's (指标性质, or else the one 指标值 begins with), a date in the
 * form's year (12月20日完成, 已于11月完成).  NULL when empty.
 *
 * Both write at most PE_FORM_TEXT_EXTRA plus the fields' lengths to *out
 * (NUL terminated) and return false for NULL.
 */
#define PE_FORM_TEXT_EXTRA 16
/* A field as a form's reader sees it: s[0, len) without its leading and
 * trailing ASCII spaces (btrim()'s rule), [*b, *e); empty when *b == *e. */
extern void pe_form_trim(const char *s, size_t len, size_t *b, size_t *e);
extern size_t pe_form_comparator(const char *s);
extern bool pe_form_target(const char *nature, const char *value, const char *unit,
						   const char *year, char *out);
extern bool pe_form_actual(const char *actual, const char *nature, const char *value,
						   const char *year, char *out);

/*
 * pe_form_not_applicable: 实际完成值 is 不适用 (the indicator does not
 * apply: no actual, left out of the total); pe_form_actual() gives NULL
 * for it.
 *
 * pe_form_nature_method: 指标性质 may end with the row's scoring method in
 * brackets, （…） or (…): "≥（每低5个百分点扣1分）", "（低于60%不得分）".
 * Returns the length of what precedes the brackets in s[0, len) (the
 * comparator or 定性, spaces before the bracket not counted) and sets
 * [*mb, *me) to the text inside them; *mb == *me when there is none.
 */
extern bool pe_form_not_applicable(const char *actual);
extern size_t pe_form_nature_method(const char *s, size_t len, size_t *mb, size_t *me);

/*
 * The form reader (pe_form.c): one form's indicator rows as staged, in line
 * order, read as the warehouse holds them.
 *
 * pe_form_strip: a cell without the spaces around it (ASCII, tab, line
 * breaks, U+3000, U+00A0).  pe_form_is_blank: NULL or nothing but spaces.
 * pe_form_is_mark: the cell is a not-applicable mark (/ ／ — —— - 无 不适用
 * …).  pe_form_note_says_nothing: a deviation note that is no note (blank,
 * a mark, 0).  pe_form_level_points: a level cell printing its points
 * (产出指标(50分), 产出指标（50分）): the name [*nb, *ne) and the points.
 */
extern void pe_form_strip(const char *s, size_t len, size_t *b, size_t *e);
extern bool pe_form_is_blank(const char *s, size_t len);
extern bool pe_form_is_mark(const char *s, size_t len);
extern bool pe_form_note_says_nothing(const char *s, size_t len);
extern bool pe_form_level_points(const char *s, size_t len, size_t *nb, size_t *ne,
								 int64_t *points);
/* The length of a comparator spelling at s[i] (≥, 不低于 …), or 0. */
extern size_t pe_form_comparator_at(const char *s, size_t i, size_t e);
/*
 * A label in front of a value restating the indicator's name (合格率≥95% of
 * 验收合格率): its length, spaces after it included, or 0.
 */
extern size_t pe_form_label_len(const char *s, size_t len, const char *name, size_t name_len);
/* A value without a note that changes nothing (≥95%（含）): its length. */
extern size_t pe_form_value_len(const char *s, size_t len);
/* The comparator a kind written in 指标性质 (定量, 正向, 反向, 定性指标) stands for. */
extern const char *pe_form_nature_alias(const char *s, size_t len);
/* 分值 or 得分 as points: the length of s without a trailing 分 ("20分" is 20). */
extern size_t pe_form_points_len(const char *s, size_t len);

/* The most indicator rows a project holds, and level-1 letters (A to Z). */
#define PE_FORM_MAX_ROWS	1000
#define PE_FORM_MAX_LEVEL1	26

typedef enum PeFormFieldNo
{
	PE_FF_L1, PE_FF_L2, PE_FF_NAME, PE_FF_NATURE, PE_FF_VALUE, PE_FF_UNIT,
	PE_FF_WEIGHT, PE_FF_ACTUAL, PE_FF_SCORE, PE_FF_NOTE, PE_FF_COUNT
} PeFormFieldNo;

typedef struct PeFormField
{
	const char *s;				/* NULL: the field is NULL */
	size_t		len;
} PeFormField;

typedef struct PeFormRow
{
	/* in: the staged row */
	int			line;
	PeFormField f[PE_FF_COUNT];
	/* out */
	bool		skip;			/* no 三级指标, nothing measured (a section's
								 * header, a subtotal, marks): no row */
	const char *l1;				/* level 1, a merged cell's inherited, */
	size_t		l1_len;			/* points removed; NULL when none */
	const char *l2;
	size_t		l2_len;
	bool		l1_inherited;	/* the cell was blank (merged) */
	bool		l2_inherited;
	bool		l1_has_points;	/* its level-1 cell printed points */
	int64_t		l1_points;
	unsigned	marks;			/* 1 << PE_FF_*: fields that are marks */
	bool		weight_mark;	/* 分值 is a mark: no weight */
	bool		score_printed;	/* 得分 is a number */
	bool		applicable;
	bool		has_note;		/* the note says something */
	int			ordinal;		/* among the rows kept, from 1 */
	int			occurrence;		/* of its 三级指标 in its level 2, from 1 */
	int			l1n,			/* its level 1 in the form, from 1 */
				l2n,			/* its level 2 in its level 1 */
				l3n;			/* its place in its level 2 */
	int			l1_first,		/* the first line of its level 1 / 2 */
				l2_first;
	bool		opens1,			/* the first row of its level 1 / 2 */
				opens2;
} PeFormRow;

typedef struct PeFormRead
{
	int			rows;			/* staged */
	int			kept;			/* not skipped */
	int			weighted;		/* kept rows with a 分值 written */
	int			level1s;
	bool		too_large;		/* more than a project holds: not read */
} PeFormRead;

/*
 * Read one form's rows (in line order; offs = 1 when the form has the
 * execution-rate row A11, whose letter comes first).  Returns the rows kept.
 */
extern int	pe_form_read_rows(PeFormRow *rows, int n, int offs, PeFormRead *form);
/* Where a form row's score comes from: "checklist", "survey", "arrival_rate", "execution_rate", "printed" or "actual". */
extern const char *pe_form_row_source(const PeFormRow *r, bool has_checklist, bool has_survey,
									  bool has_target, bool has_score, bool qualitative);

/*
 * The rules both the tables (their CHECK constraints, through
 * perfeval_internal.is_year() and friends) and the form reader hold a
 * project to, stated once: a year from 1990 to 2100; a division code of six
 * digits, the first not 0 (GB/T 2260); the evaluation kinds 单位自评 部门评价
 * 财政评价 第三方 and the money units 元 万元 亿元.  pe_evaluation_kind() and
 * pe_money_unit() read a form's spelling (stripped; empty is the national
 * default, 单位自评 and 万元; 自评, 第三方评价 are synonyms) and give the name
 * the warehouse holds, NULL for none; a table's value must be that name.
 */
extern bool pe_year_ok(int64_t year);
extern bool pe_division_code_ok(const char *s, size_t len);
extern const char *pe_evaluation_kind(const char *s, size_t len);
extern const char *pe_money_unit(const char *s, size_t len);

/* The project part of a form: its fields in form_project's order. */
typedef enum PeFormProjectFieldNo
{
	PE_FP_CODE, PE_FP_NAME, PE_FP_YEAR, PE_FP_DIVISION, PE_FP_DEPARTMENT, PE_FP_UNIT, PE_FP_KIND,
	PE_FP_SCHEME, PE_FP_MONEY_UNIT, PE_FP_INITIAL, PE_FP_BUDGET, PE_FP_ARRIVED, PE_FP_SPENT,
	PE_FP_EXEC_WEIGHT, PE_FP_EXEC_SCORE, PE_FP_TOTAL, PE_FP_GRADE, PE_FP_COUNT
} PeFormProjectFieldNo;

/* What a field of the project part cannot hold (0: nothing). */
typedef enum PeFormProjectProblem
{
	PE_FP_OK, PE_FP_NO_CODE, PE_FP_NO_NAME, PE_FP_BAD_YEAR, PE_FP_BAD_DIVISION, PE_FP_NO_DEPARTMENT,
	PE_FP_BAD_KIND, PE_FP_BAD_MONEY_UNIT, PE_FP_NEGATIVE, PE_FP_SCORE_WITHOUT_WEIGHT,
	PE_FP_PROBLEM_COUNT
} PeFormProjectProblem;

typedef struct PeFormProject
{
	PeFormField code,			/* stripped; {NULL, 0} when blank */
				name,
				division,
				department,		/* 主管部门, or the 实施单位 standing for it */
				unit,			/* 实施单位 */
				scheme,			/* national_self when not given */
				grade;
	bool		department_from_unit;
	bool		scheme_given;
	int			year;			/* 0 when invalid */
	const char *kind;			/* as the warehouse names it; NULL when unknown */
	const char *money_unit;		/* 元, 万元 or 亿元; NULL when unknown */
	int			offs;			/* 1: the form has the execution-rate row A11 */
	const char *fund_level;		/* its money's: 县区级, 市级 or 省级 by the
								 * division's level; NULL without a division */
	uint8_t		problem[PE_FP_COUNT];	/* per field, PeFormProjectProblem */
} PeFormProject;

/*
 * What the national form leaves to the reader: the execution-rate row its
 * 预算执行率分值 / 得分 stand for (A11, first, its target 100%, scored from
 * the money) and the day every actual is reported on (the year's end).
 */
typedef struct PeFormExecutionRow
{
	const char *code,
			   *level1,
			   *level2,
			   *name,
			   *target;
} PeFormExecutionRow;
extern const PeFormExecutionRow pe_form_execution_row;
#define PE_FORM_REPORT_MONTH	12
#define PE_FORM_REPORT_DAY		31

/*
 * Read the project part of a form (f: PE_FP_COUNT fields).  A number field
 * the form-number parser refuses is not flagged here (its parser names it);
 * a negative one is.  The problem's SQLSTATE, message (a format with the
 * value as written, for PE_FP_NEGATIVE the column and the value) and hint:
 * pe_form_problem_*().
 */
extern void pe_form_read_project(const PeFormField *f, PeFormProject *p);
/*
 * The fund level of a project's money by its division's level (GB/T 2260,
 * six digits: 650102 a county's 县区级, 650100 a prefecture's 市级, 650000
 * a province's 省级): the national default of the form and of a monitoring
 * form's money given only as a total.
 */
extern const char *pe_form_fund_level(const char *division);
extern const char *pe_form_problem_sqlstate(int problem);
extern const char *pe_form_problem_message(int problem);
extern const char *pe_form_problem_hint(int problem);

/*
 * The option (1 非常满意 … 5 不满意, the default coefficients' order) of a
 * survey answer's label as forms write it (很满意, 满意, 基本满意, 不太满意 …);
 * 0 for a label of no known option (the import then numbers it by its line).
 */
extern int	pe_form_survey_option(const char *s, size_t len);

/*
 * The checklist points (form_checklist) and survey answers (form_survey) of
 * one indicator of a form, in line order: their fields after 项目编码, in
 * the staging's column order.
 */
typedef enum PeFormPointFieldNo
{
	PE_FC_NAME, PE_FC_DESCRIPTION, PE_FC_POINTS, PE_FC_DEDUCTION, PE_FC_REASON, PE_FC_COUNT
} PeFormPointFieldNo;
typedef enum PeFormAnswerFieldNo
{
	PE_FS_NAME, PE_FS_LABEL, PE_FS_RESPONDENTS, PE_FS_COEFFICIENT, PE_FS_COUNT
} PeFormAnswerFieldNo;

/* What a checklist or survey row's field cannot hold (0: nothing). */
typedef enum PeFormPartProblem
{
	PE_FX_OK, PE_FX_NO_NAME, PE_FX_NO_DESCRIPTION, PE_FX_NOT_POSITIVE, PE_FX_NEGATIVE,
	PE_FX_DEDUCTION_ABOVE, PE_FX_NO_LABEL, PE_FX_NO_RESPONDENTS, PE_FX_NOT_WHOLE,
	PE_FX_COEFFICIENT, PE_FX_REPEATED_OPTION, PE_FX_PROBLEM_COUNT
} PeFormPartProblem;

typedef struct PeFormPart
{
	/* in: the staged row */
	int			line;
	PeFormField f[PE_FC_COUNT];	/* PE_FC_* or PE_FS_* */
	/* out */
	int			no;				/* point_no (from 1, in line order) or
								 * option_no (the label's option, else the
								 * row's place) */
	PeFormField text;			/* 评价要点 or 选项, stripped */
	PeFormField reason;			/* 扣分理由, stripped; {NULL, 0}: none */
	bool		has[PE_FC_COUNT];	/* a number field holds a number to read
									 * (not blank, not a mark): 扣分 without
									 * one is 0, 要点分值 and 系数 none */
	uint8_t		problem[PE_FC_COUNT];	/* per field, PeFormPartProblem */
} PeFormPart;

/* Read one indicator's checklist points / survey answers (n rows, in line order). */
extern void pe_form_read_points(PeFormPart *rows, int n);
extern void pe_form_read_answers(PeFormPart *rows, int n);
/* A problem's SQLSTATE, message (a format: %s the column, %s the value) and hint. */
extern const char *pe_form_part_sqlstate(int problem);
extern const char *pe_form_part_message(int problem);
extern const char *pe_form_part_hint(int problem);

/*
 * Why a target and an actual cannot be compared: 0 when they can (or either
 * is missing); 1 a number target against a word, 2 a word target against a
 * number, 3 units that do not convert.
 */
extern int	pe_incomparable_why(const PeQuant *target, const PeQuant *actual);

/*
 * Print canonically: "≥2000万元/家", "=41家", "稳步增长"; measures print
 * without comparator ("57111万元/家").  Returns the length written; buf must
 * hold PE_QUANT_BUFLEN + textlen bytes.  Always NUL terminates.
 */
#define PE_QUANT_BUFLEN 64
extern size_t pe_format_quant(const PeQuant *q, bool is_target, char *buf);
/* The same for a date (unit PE_UNIT_DATE): 2024年10月31日前, 2024年10月20日. */
extern size_t pe_format_date(const PeQuant *q, bool is_target, char *buf);

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

/* A completion rate and whether the target is met. */
typedef struct PeCompletion
{
	int64_t		rate;			/* percent, fixed point (PE_SCALE) */
	bool		met;			/* the actual satisfies the target */
	bool		boundary;		/* not met, yet the ratio reached 100 % (>5 vs 5) */
} PeCompletion;

/*
 * Completion rate in percent, fixed point (PE_SCALE), rounded half-up.  A
 * target that is not met has a rate below 100 %: a strict target at its
 * bound (>5 against 5) gives 99.999999 % and sets boundary.  Returns PE_NULL
 * when undefined (a qualitative side), PE_ERR_UNITS when the units cannot be
 * compared and PE_ERR_RANGE when the rate does not fit (err->detail says
 * why).
 */
extern PeStatus pe_completion(const PeQuant *target, const PeQuant *actual,
							  PeReverse rule, PeCompletion *out, PeError *err);

/* Can completion() compare the units of a target and a measure at all? */
extern bool pe_units_comparable(const PeQuant *target, const PeQuant *actual);

/* Scoring methods. */
typedef enum PeMethodKind
{
	PE_METHOD_PROPORTIONAL = 0, /* weight x min(c,100)/100 */
	PE_METHOD_FLOOR = 1,		/* 0 below p1 %, else proportional */
	PE_METHOD_ALL_OR_NOTHING = 2,	/* weight if c >= 100, else 0 */
	PE_METHOD_DEDUCT = 3,		/* weight - p1 points per p2 pp short, >= 0 */
	/*
	 * 1.16: scored from the target and the actual themselves, not from the
	 * completion; weight less p1 points per p2 of ... (pro rata, >= 0):
	 */
	PE_METHOD_OVER = 4,			/* ... the actual above the target, in its own unit */
	PE_METHOD_UNDER = 5,		/* ... the actual below the target, in its own unit */
	PE_METHOD_DEVIATION = 6,	/* ... percent of the target either way */
	PE_METHOD_BANDS = 7			/* points by the band the actual falls in */
} PeMethodKind;

#define PE_METHOD_LAST	PE_METHOD_BANDS

typedef struct PeMethod
{
	uint8_t		kind;			/* PeMethodKind */
	int64_t		p1;				/* fixed point */
	int64_t		p2;				/* fixed point */
} PeMethod;

/*
 * over, under and deviation: p1 holds the points K in its low 40 bits and
 * an optional cap on what is deducted (扣满N分为止), in hundredths of a point,
 * in bits 40-58 (0: none, 扣完为止); p2 the step P.
 */
#define PE_METHOD_POINTS_MASK	((INT64_C(1) << 40) - 1)
#define PE_METHOD_CAP_MAX		INT64_C(524287)	/* hundredths: 5242.87 points */
static inline int64_t
pe_method_points(const PeMethod *m)
{
	return m->p1 & PE_METHOD_POINTS_MASK;
}
static inline int64_t
pe_method_cap(const PeMethod *m)
{
	return (m->p1 >> 40) * (PE_SCALE / 100);
}

#define PE_METHOD_BUFLEN 256
extern PeStatus pe_parse_method(const char *s, size_t len, PeMethod *out,
								PeError *err);
extern size_t pe_format_method(const PeMethod *m, char *buf);
/* The same in the Chinese spelling the parser reads back: 按比例, 达标得满分,
 * 低于60%不得分, 每低5个百分点扣1分. */
extern size_t pe_format_method_zh(const PeMethod *m, char *buf);

/*
 * Step bands (bands:<60:0,<70:2,<80:3,<90:4,else:5): 2 to 5 bands on the
 * actual in the target's unit, split at ascending bounds, each band
 * including its lower bound (<) or each its upper bound (<=), each with its
 * points.  They are packed into p1 and p2 so that a method stays 24 bytes:
 * a bound has at most one decimal within ±3276.7 (16 bits each, in p2), the
 * points at most two decimals from 0 to 40.95 (12 bits each, in p1, with
 * the count and the side in p1's top bits).
 */
#define PE_METHOD_MAX_BANDS	5
typedef struct PeMethodBands
{
	int			n;				/* bands, 2..PE_METHOD_MAX_BANDS */
	bool		upper;			/* bands include their upper bound (<=) */
	int64_t		bound[PE_METHOD_MAX_BANDS - 1]; /* fixed point, ascending */
	int64_t		points[PE_METHOD_MAX_BANDS];	/* fixed point, band 0 lowest */
} PeMethodBands;
extern void pe_method_bands(const PeMethod *m, PeMethodBands *out);

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

/* ------------------------------------------------------------------------
 * Evaluation of one indicator row (pe_eval.c): the scoring rules.
 *
 * Everything a warehouse row is scored from arrives here already decoded
 * into fixed point; the evaluation decides its completion, score and, when
 * it has none, why not, together with the findings the row raises.  The
 * fmgr wrappers and the SQL views only read what it decides.
 * ------------------------------------------------------------------------
 */

typedef __int128 pe_int128;

/* Where an indicator's actual comes from (indicator.source). */
typedef enum PeSource
{
	PE_SOURCE_ACTUAL = 0,		/* a dated measure or a judged tier */
	PE_SOURCE_CHECKLIST,		/* the weight less the checklist deductions */
	PE_SOURCE_SURVEY,			/* the satisfaction rate of a survey */
	PE_SOURCE_ARRIVAL,			/* 资金到位率 from the money */
	PE_SOURCE_EXECUTION,		/* 预算执行率 from the money */
	PE_SOURCE_PRINTED,			/* only the printed score: kept, not derived */
	PE_SOURCE_COUNT
} PeSource;

/* Qualitative tiers an evaluator judges (actual.tier). */
typedef enum PeTier
{
	PE_TIER_NONE = 0,
	PE_TIER_MET,				/* 达成 */
	PE_TIER_PARTLY,				/* 部分达成 */
	PE_TIER_MISSED,				/* 未达成 */
	PE_TIER_COUNT
} PeTier;

/* Denominator of the execution rate (scheme.execution_base). */
typedef enum PeBase
{
	PE_BASE_ARRIVED = 0,		/* 实际到位 */
	PE_BASE_BUDGET,				/* 全年预算 */
	PE_BASE_INITIAL,			/* 年初预算 */
	PE_BASE_COUNT
} PeBase;

/*
 * Why an applicable row has no score.  The numbering is stored in
 * perfeval.evaluation values: append only.
 */
typedef enum PeProblem
{
	PE_PROBLEM_NONE = 0,
	PE_PROBLEM_MISSING_ACTUAL,
	PE_PROBLEM_MISSING_TARGET,
	PE_PROBLEM_UNJUDGED,
	PE_PROBLEM_INCOMPARABLE,
	PE_PROBLEM_OUT_OF_BAND,
	PE_PROBLEM_MISSING_RESPONSES,
	PE_PROBLEM_MISSING_MONEY,
	PE_PROBLEM_RATE_RANGE,		/* a rate or completion too large to be a measure */
	PE_PROBLEM_INVALID,			/* a number fixed point cannot hold, a weight <= 0 */
	PE_PROBLEM_MISSING_PRINTED,	/* a printed-only row without its printed score */
	PE_PROBLEM_COUNT
} PeProblem;

/* Findings a row raises, as bits of PeEval.findings. */
#define PE_FINDING_PRINTED_SCORE	0x01	/* the printed score differs */
#define PE_FINDING_OVER				0x02	/* over-achievement without a note */
#define PE_FINDING_SHORTFALL		0x04	/* shortfall without a note */
#define PE_FINDING_CHECKLIST		0x08	/* valued points do not add up */
#define PE_FINDING_PROBLEM			0x10	/* no score: problem says why */
#define PE_FINDING_PRINTED_ONLY		0x20	/* the score is the printed one, not derived */
#define PE_FINDING_JUDGED_BY_SCORE	0x40	/* target and actual not comparable: judged by the printed score */

/* Stable English keys and Chinese texts of problems and findings. */
extern const char *pe_problem_key(int problem);		/* "missing_actual" */
extern const char *pe_problem_text(int problem);	/* "未录入实际完成值" */
extern const char *pe_source_name(int source);		/* "checklist" */
extern const char *pe_tier_name(int tier);			/* "达成"; "" for none */
extern const char *pe_base_name(int base);			/* "arrived" */
/* Parse the names above: the code, or -1. */
extern int	pe_source_code(const char *s, size_t len);
extern int	pe_tier_code(const char *s, size_t len);
extern int	pe_base_code(const char *s, size_t len);

#define PE_MAX_OPTIONS	16		/* survey answer options / coefficients */

/* The default satisfaction coefficients: 非常满意 1 … 不满意 0. */
extern const int64_t pe_default_coefficients[5];
#define PE_DEFAULT_COEFFICIENTS	5

/* A scheme's scoring rules (the scheme row, decoded and checked once). */
typedef struct PeRules
{
	int8_t		decimals;		/* kept in indicator scores, 0..6 */
	bool		truncate;		/* truncate instead of rounding half-up */
	uint8_t		reverse;		/* PeReverse */
	uint8_t		base;			/* PeBase */
	int64_t		tier_high;		/* lower bound of 达成, percent of weight */
	int64_t		tier_low;		/* lower bound of 部分达成 */
	int64_t		over_threshold; /* completion that wants a note, percent */
	uint8_t		ncoef;
	int64_t		coef[PE_MAX_OPTIONS];	/* satisfaction, by option, 0..1 */
	bool		zero_at_most;	/* a target "=0" is met by any actual <= 0 */
} PeRules;

/* Check a scheme's rules: the one place their bounds are stated. */
extern PeStatus pe_rules_check(const PeRules *r, PeError *err);

/* The latest actual an evaluation reads (kept state or a date's facts). */
typedef struct PeActual
{
	bool		present;		/* an actual row exists */
	bool		has_measure;
	PeQuant		measure;
	uint8_t		tier;			/* PeTier */
	int64_t		fraction;		/* judged percent of weight, with a tier */
	bool		has_note;		/* a deviation note (偏差原因) */
	int32_t		reported_on;	/* days since 2000-01-01 */
} PeActual;

/* An indicator's checklist points, summed. */
typedef struct PeChecklist
{
	int32_t		points;			/* rows */
	int32_t		valued;			/* rows with points */
	int64_t		deducted;		/* their deductions */
	int64_t		valued_sum;		/* the points of the valued rows */
} PeChecklist;

/* An indicator's survey responses by option; coef < 0 takes the scheme's. */
typedef struct PeSurvey
{
	int			n;				/* highest option number */
	bool		answered[PE_MAX_OPTIONS];	/* option present */
	int64_t		count[PE_MAX_OPTIONS];
	int64_t		coef[PE_MAX_OPTIONS];
} PeSurvey;

/* A project's money in 万元, fixed point PE_MONEY_SCALE. */
#define PE_MONEY_DECIMALS	10
typedef struct PeMoney
{
	bool		has_initial,
				has_budget,
				has_arrived,
				has_spent;
	pe_int128	initial,
				budget,
				arrived,
				spent;
} PeMoney;

/* One indicator row with everything it is scored from. */
typedef struct PeRow
{
	int64_t		weight;
	bool		applicable;
	uint8_t		source;			/* PeSource */
	bool		has_target;
	PeQuant		target;
	PeMethod	method;
	bool		has_printed;
	int64_t		printed_score;
	bool		invalid;		/* an input fixed point cannot hold */
	const PeRules *rules;
	PeActual	actual;
	bool		has_checklist;
	PeChecklist checklist;
	/* a rate given by the caller (row_score()) instead of survey or money */
	bool		rate_given;
	bool		has_rate;
	int64_t		rate;
	/* read only for rows of their source: callers may leave them unset otherwise */
	PeSurvey	survey;
	PeMoney		money;
} PeRow;

/* What pe_evaluate() decides for a row. */
typedef struct PeEval
{
	bool		applicable;
	uint8_t		problem;		/* PeProblem: why an applicable row has no score */
	uint8_t		findings;		/* PE_FINDING_* */
	bool		has_score;
	int64_t		score;			/* rounded as the scheme says */
	bool		has_completion;
	int64_t		completion;		/* percent */
	bool		has_rate;
	int64_t		rate;			/* the rate from money or a survey, percent */
	bool		met;			/* completion reached the target */
} PeEval;

/* Evaluate one row: the scoring rules of the warehouse, in one place. */
extern void pe_evaluate(const PeRow *row, PeEval *out);

/*
 * The pieces pe_evaluate() is made of, for the SQL functions that expose
 * them one by one (score(), judged_score(), satisfaction(), rate()).
 */

/* A score as an exact fraction: num / den of 10^-6 points, den > 0. */
typedef struct PeExact
{
	pe_int128	num;
	pe_int128	den;
} PeExact;

/*
 * A project's total before rounding: the points of its applicable rows,
 * rescaled to 100 over their weight when that is not 100 (rows that do not
 * apply; weights that do not add up to 100, 1.16).
 */
extern PeExact pe_total_exact(int64_t points, int64_t weight);

/* The method applied to a weight and a completion, exactly. */
extern PeExact pe_method_score(const PeMethod *m, int64_t weight, int64_t completion);
/* Is the method scored from the target and actual (over, under, deviation)? */
extern bool pe_method_needs_values(const PeMethod *m);
/*
 * Such a method applied to a weight, a target and an actual, exactly:
 * PE_NULL for a qualitative side, PE_ERR_UNITS for units that cannot be
 * compared (and dates), PE_ERR_RANGE when the arithmetic would not fit.
 */
extern PeStatus pe_method_score_values(const PeMethod *m, int64_t weight,
									   const PeQuant *target, const PeQuant *actual,
									   PeExact *out);
/*
 * Target and actual on one base (units reconciled): *tv, *av, and the
 * factor *ft that brings the target's own unit to that base.
 */
extern PeStatus pe_one_base(const PeQuant *target, const PeQuant *actual,
							pe_int128 *tv, pe_int128 *av, int64_t *ft, PeError *err);
/* Round an exact score to decimals (half-up, or truncate); PE_ERR_RANGE if too large. */
extern PeStatus pe_round_score(PeExact x, int decimals, bool truncate, int64_t *out);
/*
 * A row judged by its printed score (a qualitative row, or one whose actual
 * cannot be compared with its target): the fraction score ÷ weight in
 * percent, six decimals rounded up (so that fraction × weight rounds or
 * truncates back to the printed score), at most 100, and the tier whose band
 * holds it (达成 from tier_high, 部分达成 from tier_low).  False for a weight
 * of 0 or a negative score.
 */
extern bool pe_judged_by_score(const PeRules *r, int64_t score, int64_t weight, int64_t *fraction, int *tier);
/* The band [lo, hi] of a tier under the rules' bounds. */
extern void pe_tier_band(const PeRules *r, int tier, int64_t *lo, int64_t *hi);
/* weight × fraction / 100, exactly. */
extern PeExact pe_judged_exact(int64_t weight, int64_t fraction);
/*
 * A rate in percent, num / den × 100 rounded half-up to six decimals (both
 * at the same scale): PE_NULL when den is 0, PE_ERR_RANGE when too large.
 */
extern PeStatus pe_rate(pe_int128 num, pe_int128 den, int64_t *out);
/*
 * The satisfaction rate of a survey: Σ count × coefficient ÷ Σ count, in
 * percent; an option without its own coefficient takes the rules' one at
 * its position.  PE_NULL when nobody answered or a coefficient is missing.
 */
extern PeStatus pe_survey_rate(const PeSurvey *s, const PeRules *r, int64_t *out);
/* The money rate an indicator of source arrival/execution takes. */
extern PeStatus pe_money_rate(const PeMoney *m, int source, int base, int64_t *out);

/*
 * The working-paper explanation of an evaluated row, as 1.x wrote it
 * (指标完成率=57111÷2000=2855.55%，超过指标值，得满分10分).  reasons lists
 * the checklist deductions (may be NULL).  Writes at most cap - 1 bytes and
 * NUL-terminates; returns the length it needed.
 */
extern size_t pe_explain(const PeRow *row, const PeEval *e, const char *reasons,
						 char *buf, size_t cap);

/*
 * The detail of one finding of an evaluated row (a PE_FINDING_* bit), in
 * Chinese with its figures, prefixed by the indicator's name.  Same buffer
 * contract as pe_explain().
 */
extern size_t pe_describe_finding(int finding, const PeRow *row, const PeEval *e,
								  const char *name, char *buf, size_t cap);

/* Print a fixed-point number with dec decimals minimally (pe_format_fixed at any scale). */
extern size_t pe_format_scaled(pe_int128 v, int dec, char *buf);

/* ------------------------------------------------------------------------
 * Binary (wire) forms, as the *_send functions write them: every length,
 * field and byte is checked here before use, so that the *_recv functions
 * accept exactly the values their text input could produce.  Errors are
 * PE_ERR_SYNTAX or PE_ERR_RANGE with a byte offset into the payload.
 * ------------------------------------------------------------------------
 */

/*
 * A target or measure: version 1, cmp, unit, per (1 byte each), amount
 * (int64, big-endian), then the text bytes (UTF-8, at most PE_MAX_TEXT).
 * The value must be canonical (print and parse back to the same fields).
 * out->text points into p; buf must hold PE_QUANT_WIRE_BUF(len) bytes.
 */
#define PE_QUANT_WIRE_HDR	12
#define PE_QUANT_WIRE_BUF(len)	(2 * (PE_QUANT_BUFLEN + (len) + 1))
extern PeStatus pe_quant_from_wire(const char *p, size_t len, bool is_target,
								   PeQuant *out, char *buf, PeError *err);

/*
 * A kept state (perfeval.state, src/state.c; layout in src/pe_state.c):
 * pe_state_check() accepts exactly the values the state aggregates write
 * (every offset, code order, field and range); pe_state_from_wire() the
 * wire form, the writer's byte order ('l' or 'b') and then the value.
 */
#define PE_STATE_VERSION	1
extern char pe_state_byte_order(void);
extern PeStatus pe_state_check(const char *p, size_t len, PeError *err);
extern PeStatus pe_state_from_wire(const char *p, size_t len, PeError *err);

/* A method: version 1, kind (1 byte), p1, p2 (int64, big-endian); 18 bytes. */
#define PE_METHOD_WIRE_LEN	18
extern PeStatus pe_method_from_wire(const char *p, size_t len, PeMethod *out,
									PeError *err);

/*
 * The text form of a sum_scores() state, eight integers:
 * rows,applicable,scored,weight_scale,points,weight,decimals,truncate.
 * v[] receives them (weight_scale clamped to -99..99 and decimals to -2..6
 * as ever, truncate 0 or 1).  PE_ERR_SYNTAX for anything else (offset of
 * the bad byte), PE_ERR_INVALID when the counts are inconsistent.
 */
#define PE_SCORE_SUM_FIELDS	8
extern PeStatus pe_parse_score_sum(const char *s, size_t len, int64_t *v,
								   PeError *err);

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

/* Formula cells of a spreadsheet: the export's guard quote (pe_cell.c). */
extern bool pe_cell_needs_guard(const char *s, size_t len);
extern bool pe_cell_is_guarded(const char *s, size_t len);

/*
 * Mid-year monitoring (绩效运行监控, 双监控; pe_monitor.c, 1.16): budget
 * execution against the calendar and each indicator's progress at a date,
 * as lights.  Every threshold is the rules' (PeMonitorRules); the defaults
 * are the provincial systems' (pe_monitor_defaults).
 *
 * Lights, ordered by how bad they are (a project's goal light is the worst
 * of its indicators' that have one; grey only when none has):
 */
typedef enum PeLight
{
	PE_LIGHT_NONE = 0,			/* cannot be told (SQL NULL, and a finding) */
	PE_LIGHT_GREY = 1,			/* nothing reported yet */
	PE_LIGHT_BLUE = 2,			/* ahead: at or above the over-achievement bound */
	PE_LIGHT_GREEN = 3,
	PE_LIGHT_YELLOW = 4,
	PE_LIGHT_RED = 5,
	PE_LIGHT_COUNT
} PeLight;
extern const char *pe_light_name(int light);	/* "red"; NULL for NONE */
extern const char *pe_light_label(int light);	/* "红"; NULL for NONE */
extern int	pe_light_code(const char *s, size_t len);	/* by name; -1 */
/* The worse of two lights (grey and none give way to any other). */
extern int	pe_light_worse(int a, int b);

typedef struct PeMonitorRules
{
	int64_t		exec_red;		/* execution ratio below: red (60 %) */
	int64_t		exec_yellow;	/* below: yellow (80 %), else green */
	int64_t		goal_red;		/* progress below: red (60 %) */
	int64_t		goal_yellow;	/* below: yellow (80 %) */
	int64_t		goal_blue;		/* at or above: blue (120 %), else green */
	bool		by_day;			/* time progress by day of year, not by month */
	/* key monitoring (重点监控): budget >= key_budget, rate < key_rate at the end of key_month */
	int64_t		key_budget;		/* 万元 (200) */
	int64_t		key_rate;		/* percent (60) */
	int			key_month;		/* 1-12 (8: the end of August) */
} PeMonitorRules;
extern const PeMonitorRules pe_monitor_defaults;
/*
 * The bounds in order (0 < red <= yellow, red <= yellow < blue), the key
 * budget at or above 0, the key rate in (0, 100], the month 1-12: PE_OK,
 * else PE_ERR_INVALID.
 */
extern PeStatus pe_monitor_rules_check(const PeMonitorRules *r, PeError *err);
/* Whether a project's money at the key month puts it under key monitoring. */
extern bool pe_key_monitor(int64_t budget, int64_t spent, const PeMonitorRules *r);

/*
 * The calendar's share of the year at a date, as a fraction num/den: the
 * month (8/12 on any day of August) or, by_day, the day of the year
 * (244/366).  PE_ERR_INVALID for a date that does not exist.
 */
typedef struct PeFraction
{
	int64_t		num;
	int64_t		den;
} PeFraction;
extern PeStatus pe_time_share(int year, int month, int day, bool by_day, PeFraction *out);

/*
 * Budget execution at a date: rate = spent ÷ budget × 100, time progress =
 * the calendar's share × 100, ratio = rate ÷ time progress × 100 and gap =
 * rate - time progress (percentage points), each computed exactly from the
 * figures and rounded once (six decimals, half-up).  PE_NULL (and nothing
 * set) when the budget is not above 0: never 0 % and red.
 */
typedef struct PeExecution
{
	int64_t		rate;
	int64_t		time_progress;
	int64_t		ratio;
	int64_t		gap;
	int			light;
} PeExecution;
extern PeStatus pe_execution(int64_t spent, int64_t budget, PeFraction share,
							 const PeMonitorRules *r, PeExecution *out);

/*
 * An indicator's progress at a date.  actual NULL: nothing reported (grey;
 * due says whether that is a finding).  A target of ≥ > = above 0: expected
 * = target × share (full: the whole target), progress = actual ÷ expected ×
 * 100; red, yellow, green, blue by the rules' bounds.  ≤ <: green when met,
 * else red.  A target at or below 0: green only when met (= 0: equal).  A
 * deadline: green when met or not yet due, else red.  A qualitative target
 * or actual: the tier word of the actual (达成 / 达成目标 green, 部分达成 /
 * 部分达成目标并具有一定效果 yellow, 未达成 / 未达成目标且效果较差 red);
 * another phrase gives PE_LIGHT_NONE.  Units that cannot be compared:
 * PE_ERR_UNITS (err->detail says why).  date is yyyymmdd.
 */
typedef struct PeProgress
{
	bool		has_expected;
	int64_t		expected;		/* in the target's unit */
	bool		has_progress;
	int64_t		progress;		/* percent */
	bool		met;			/* the actual satisfies the whole target */
	bool		due;			/* the target is due at the date */
	int			light;
} PeProgress;
/*
 * The dated money (money_on(), 1.16): a project's execution reports as n
 * (line, day) pairs, sorted by line and, within a line, strictly by day.
 * Which reports count at a day: per line the last on or before it.  Their
 * indexes go to picked (at most one per line, in line order; *npicked of
 * them) and the latest of their days to *latest.  PE_ERR_INVALID for pairs
 * in any other order (a lower line after a higher, a day not after the one
 * before it on its line).
 */
extern PeStatus pe_series_pick(const int32_t *pairs, int n, int32_t day, int *picked, int *npicked,
							   int32_t *latest, PeError *err);

extern PeStatus pe_progress(const PeQuant *target, const PeQuant *actual, int32_t date,
							PeFraction share, bool full, const PeMonitorRules *r,
							PeProgress *out, PeError *err);

/*
 * The sentence a light is explained by, the way pe_explain() explains a
 * score (执行率=412÷1000=41.2%，序时进度=8÷12=66.7%，执行进度比=61.8%，黄灯):
 * percentages to one decimal, half-up.  Same buffer contract as pe_explain().
 */
extern size_t pe_explain_execution(int64_t spent, int64_t budget, PeFraction share,
								   const PeExecution *e, char *buf, size_t cap);
extern size_t pe_explain_progress(const PeQuant *target, const PeQuant *actual, PeFraction share,
								  bool full, const PeProgress *p, char *buf, size_t cap);

/*
 * Results application (结果应用, pe_result.c, 1.16, issue 29 part 3): the
 * action a grade band leads to next year, and the suggested budget.
 */
typedef enum PeAction
{
	PE_ACTION_PRIORITY = 0,		/* 优先保障: cut 0 */
	PE_ACTION_AS_NEEDED = 1,	/* 据实保障: cut 0 */
	PE_ACTION_CUT = 2,			/* 核减: a cut in (0, 100) */
	PE_ACTION_CANCEL = 3,		/* 取消或暂停: cut 100 */
	PE_ACTION_COUNT
} PeAction;
extern const char *pe_action_word(int action);	/* "核减"; NULL if none */
extern int	pe_action_code(const char *s, size_t len);	/* by word; -1 */
/*
 * A rule row: a known action, a cut (percent, PE_SCALE) in [0, 100]; 优先保障
 * and 据实保障 with a cut of 0 or none, 核减 with a cut above 0 and below 100,
 * 取消或暂停 with 100 or none.  PE_OK, else PE_ERR_INVALID.
 */
extern PeStatus pe_result_rule_check(int action, bool has_cut, int64_t cut, PeError *err);
/* The cut an action applies: the rule's, else 100 for 取消或暂停 and 0 for the others. */
extern int64_t pe_action_cut(int action, bool has_cut, int64_t cut);
/*
 * The suggested amount: base × (100 − cut) ÷ 100, base and result in 万元 at
 * 10^-PE_MONEY_DECIMALS, rounded half-up once to 0.01 元 (10^-6 万元).
 * PE_ERR_RANGE for a cut outside [0, 100] or a base below 0 or too large.
 */
extern PeStatus pe_suggest(pe_int128 base, int64_t cut, pe_int128 *out);

/*
 * Indicator outcomes (indicator_outcomes, 1.16): a group's rows counted,
 * those with a completion (percent, PE_SCALE) missed below 100 and
 * over-achieved at or above the row's scheme's threshold.
 */
typedef struct PeOutcome
{
	int64_t		indicators;
	int64_t		measured;
	int64_t		missed;
	int64_t		over_achieved;
} PeOutcome;
extern void pe_outcome_count(PeOutcome *o, bool has_completion, int64_t completion,
							 int64_t over_threshold);
/*
 * The median of n > 0 completions as percentile_disc(0.5) takes it: the
 * ceil(n / 2)-th smallest, of an even count the lower middle value, one
 * some row has (v is reordered).
 */
extern int64_t pe_lower_median(int64_t *v, size_t n);

#endif							/* PE_CORE_H */
