/*
 * perfeval.h
 *		Declarations shared by perfeval's fmgr wrappers.
 */
#ifndef PERFEVAL_H
#define PERFEVAL_H

#include "postgres.h"
#include "fmgr.h"
#include "utils/numeric.h"

#include "pe_core.h"

/* Binary format version stored in every value and sent by *_send. */
#define PE_FORMAT_VERSION	1

/*
 * On-disk target/measure: a varlena whose payload is
 *	 version, cmp, unit, per (1 byte each), amount (int64), text bytes.
 * Values may carry a 1-byte short header, so fields are read by memcpy.
 */
#define PE_QUANT_HDR	12

/* Stored perfeval.method; pad bytes are zero so memcmp and hashing are exact. */
typedef struct MethodData
{
	uint8		version;
	uint8		kind;			/* PeMethodKind */
	uint8		pad[6];
	int64		p1;				/* fixed point, PE_SCALE */
	int64		p2;
} MethodData;

StaticAssertDecl(sizeof(MethodData) == 24, "perfeval.method is 24 bytes");

/* Raise the ereport that matches a core status, quoting the input. */
extern void pe_report(const PeError *err, const char *typname,
					  const char *input, const char *hint) pg_attribute_noreturn();

/* Unpack a target/measure datum into q (text points into the datum). */
extern void pe_quant_unpack(Datum d, PeQuant *q);

/*
 * A numeric datum in fixed point (PE_SCALE) read from its stored form without
 * allocating, and its display scale; false when it does not fit
 * (src/rowscore.c).
 */
extern bool pe_numeric_fixed(Datum d, int64 *out, int *dscale);

/* Fixed-point (PE_SCALE) value to numeric with trailing zeros trimmed. */
extern Numeric pe_fixed_to_numeric(int64 v);

/* Round a numeric half-up to scale digits and drop trailing zeros. */
extern Numeric pe_round_trim(Numeric n, int scale);

/* Drop trailing zeros of a numeric's scale. */
extern Numeric pe_numeric_trim(Numeric n);

/* score(weight, completion, method), callable through DirectFunctionCall. */
extern Datum pe_score(PG_FUNCTION_ARGS);

/* Reverse-rule argument ('ratio' or 'linear') to the core's enum, or ERROR. */
extern PeReverse pe_reverse_arg(text *t);

/* Does a text argument equal the literal lit?  (No copy: called per row.) */
static inline bool
pe_text_is(const text *t, const char *lit)
{
	size_t		n = strlen(lit);

	return VARSIZE_ANY_EXHDR(t) == n && memcmp(VARDATA_ANY(t), lit, n) == 0;
}

/* ERROR for a weight that is not greater than zero. */
extern void pe_weight_error(Numeric w) pg_attribute_noreturn();

/* Hints listing what each type accepts. */
#define PE_HINT_TARGET \
	"A target is an optional comparator (≥ ≤ > < =, >= <=, ＞ ＜ ＝ ≧ ≦ ═, or 不低于 不少于 大于 达到 不超过 低于 and the like), a number, and an optional unit (元 万元 亿元, % 百分比, 家 个 人 人次 次 种 条 辆 例 项 所, 天 日 月 年 小时, compounds such as 万元/家), as in ≥2000万元/家 or 95%以上; or a qualitative phrase such as 稳步增长."
#define PE_HINT_MEASURE \
	"A measure is a number with an optional unit and an optional leading =, as in 57111万元/家, =41家 or 100%; or a qualitative outcome such as 达成, 部分达成, 未达成 or 完全达到预期目标."
#define PE_HINT_METHOD \
	"Accepted methods: proportional, floor:N (0 below N% completion), all_or_nothing, deduct:K/P (K points per P percentage points short), or their Chinese forms 按比例, 低于60%不得分, 达标得满分, 每低5个百分点扣1分."
#define PE_HINT_GRADES \
	"A grade scale lists label:threshold bands from the highest threshold down to 0, as in 优:90,良:80,中:60,差:0; each band includes its lower bound."

#endif							/* PERFEVAL_H */
