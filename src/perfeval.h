/*
 * perfeval.h
 *		Declarations shared by perfeval's fmgr wrappers.
 */
#ifndef PERFEVAL_H
#define PERFEVAL_H

#include "postgres.h"
#include "fmgr.h"
#include "access/tupdesc.h"
#include "utils/array.h"
#include "utils/numeric.h"
#include "datatype/timestamp.h"

#include "pe_core.h"

/*
 * perfeval's own message catalog (po/, installed as perfeval-15.mo in
 * pg_config --localedir): every ereport of the module is looked up there,
 * bound in _PG_init (src/module.c), shown in the session's lc_messages.
 * _() translates a string marked with gettext_noop() elsewhere (a hint
 * shared by several reports, a core detail) in the same catalog.
 */
#undef TEXTDOMAIN
#define TEXTDOMAIN PG_TEXTDOMAIN("perfeval")
#undef _
#define _(x) dgettext(TEXTDOMAIN, x)

/*
 * PostgreSQL 15 to 17 from one source: the few server interfaces that changed
 * are reached through these (guards on PG_VERSION_NUM, as pgvector does).
 * PE_MY_LXID: this backend's local transaction id (MyProc->lxid until 16,
 * MyProc->vxid.lxid since 17); use it where storage/proc.h is included.
 */
#if PG_VERSION_NUM >= 170000
#define PE_MY_LXID	(MyProc->vxid.lxid)
#else
#define PE_MY_LXID	(MyProc->lxid)
#endif

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

/* The detail sentence of a core error (palloc'd), in English (data). */
extern char *pe_error_detail(const PeError *err);

/* A core error's detail sentence translated for an ereport (src/module.c). */
extern const char *pe_core_detail(const char *detail);

/* Raise the ereport that matches a core status, quoting the input. */
extern void pe_report(const PeError *err, const char *typname,
					  const char *input, const char *hint) pg_attribute_noreturn();

/* Raise 22P03 for a binary payload a *_recv refuses (src/module.c). */
extern void pe_report_binary(const PeError *err, const char *typname,
							 const char *data, int len) pg_attribute_noreturn();

/* Parse a target/measure's text; false (err filled) if it is not one. */
extern bool pe_quant_try(const char *str, bool is_target, Datum *out, PeError *err);

/* A form's field read without raising (src/form.c): a perfeval_internal.parsed value. */
typedef enum PeFieldKind
{
	PE_FIELD_NUMBER, PE_FIELD_TARGET, PE_FIELD_MEASURE,
	PE_FIELD_METHOD				/* only checked: its error, or a row of NULLs */
} PeFieldKind;
extern void pe_form_read(text *v, PeFieldKind kind, Datum *values, bool *nulls, bool *has);
extern Datum pe_form_field(text *v, PeFieldKind kind, TupleDesc desc, bool *has);

/* Unpack a target/measure datum into q (text points into the datum). */
extern void pe_quant_unpack(Datum d, PeQuant *q);

/* numeric ↔ fixed point (src/numeric_fixed.c). */
extern bool pe_numeric_scaled(Datum d, int scale, pe_int128 *out, int *dscale);
extern bool pe_numeric_fixed(Datum d, int64 *out, int *dscale);
extern Numeric pe_fixed_to_numeric(int64 v);
extern Numeric pe_fixed_to_numeric_scale(int64 v, int scale);
extern Numeric pe_scaled_to_numeric(pe_int128 v, int scale);
extern Numeric pe_numeric_trim(Numeric n);
extern char *pe_numeric_text(Datum n);
extern int64 pe_numeric_arg(Datum d, const char *what);
extern int	pe_tier_arg(text *t);

/* Reverse-rule argument ('ratio' or 'linear') to the core's enum, or ERROR. */
extern PeReverse pe_reverse_arg(text *t);

/* Does a text argument equal the literal lit?  (No copy: called per row.) */
static inline bool
pe_text_is(const text *t, const char *lit)
{
	size_t		n = strlen(lit);

	return VARSIZE_ANY_EXHDR(t) == n && memcmp(VARDATA_ANY(t), lit, n) == 0;
}

/* A weight argument in fixed point, or ERROR unless it is greater than zero. */
extern int64 pe_weight_arg(Datum d);

/* Raise the ereport that matches a core status of a scoring function. */
extern void pe_check_status(PeStatus st, const PeError *err, const char *what);

/* A scheme's rules (src/rules.c). */
extern void pe_rules_unpack(Datum d, PeRules *r, bool want_coef);
extern void pe_coefficients_arg(ArrayType *arr, PeRules *r);
extern void pe_rules_ok(const PeRules *r);

/* A state fetched from out of line, kept for the next rows (src/state.c). */
typedef struct PeStateCache
{
	Oid			toastrelid;
	Oid			valueid;
	struct varlena *value;
} PeStateCache;
extern Datum pe_state_fetch(FmgrInfo *flinfo, PeStateCache *c, Datum d);

/* An indicator's part of a kept project state (src/state.c). */
extern void pe_state_actual(Datum d, const char *code, int codelen, int32 as_of, PeActual *a);
extern bool pe_state_checklist(Datum d, const char *code, int codelen, PeChecklist *c);
extern void pe_state_survey(Datum d, const char *code, int codelen, PeSurvey *s);

/* The parts of an evaluation that sum_scores() adds (src/evaluate.c). */
extern void pe_evaluation_parts(Datum d, bool *applicable, bool *scored, int64 *points,
								int64 *weight, int *weight_scale, int *decimals, bool *truncate);

/*
 * sumscores.c: the state of sum_scores() (perfeval.score_sum, 64 bytes on
 * disk), what one row's evaluation adds to it, and the five fields of
 * perfeval.scores_summed it gives; levelsums.c adds a project's levels with
 * the same functions.
 */
typedef struct ScoreSum
{
	int64		rows;			/* every row */
	int64		applicable;		/* rows that apply */
	int64		scored;			/* applicable rows with points */
	int32		weight_scale;	/* largest display scale of the weights, or -1 */
	int32		pad;
	int64		points;			/* points of the scored rows */
	int64		weight;			/* applicable weights, fixed point */
	int32		decimals;		/* the rows' scheme rounding: decimals, -1 unknown */
	int32		truncate;		/* and whether it truncates */
	int64		spare;
} ScoreSum;

#define SCORE_SUM_INIT {0, 0, 0, -1, 0, 0, 0, -1, 0, 0}
extern bool pe_sum_evaluation(ScoreSum *s, Datum e);
extern void pe_sum_fields(const ScoreSum *s, Datum *values, bool *nulls);

/* Staging through Citus: rows buffered, written in batches (src/stagebuf.c). */
struct HeapTupleData;
struct RelationData;
extern bool pe_stagebuf_wanted(struct RelationData *staged);
extern void pe_stagebuf_add(Oid staged, struct HeapTupleData *tup);
extern void pe_stagebuf_flush(void);

/* Staging a form row into its form_* view's table (src/form.c): line 0 is the statement's next. */
extern void pe_stage_begin(Oid view);
extern void pe_stage_values(struct RelationData *view, Datum *values, bool *nulls, int32 line);

/* The state after perfeval's bulk insert wrote rows of a fact table (src/keep.c). */
extern void pe_keep_written(struct RelationData *rel, Datum keys);

/*
 * The form reader's server side (src/formread.c): where the import is, shown
 * in pg_stat_activity.query; the set a reading function returns and the
 * staged rows it reads (as its caller); a row's problems as import_error keeps
 * them, five arrays in step (column, value, SQLSTATE, message, hint); 分值 or
 * 得分 as the number it gives (src/formrows.c).
 */
struct ArrayBuildState;
struct Tuplestorestate;
struct PortalData;
typedef struct PeProblems
{
	struct ArrayBuildState *a[5];
} PeProblems;
extern void pe_import_progress(const char *phase, int64 done, int64 total, TimestampTz started);
extern struct Tuplestorestate *pe_begin_set(FunctionCallInfo fcinfo, int natts, const char *fname,
											TupleDesc *outdesc);
extern struct PortalData *pe_open_rows(const char *query, const char *fname);
extern void pe_add_problem(PeProblems *pr, const char *column, const char *value, const char *sqlstate,
						   const char *message, const char *hint);
extern void pe_put_problems(PeProblems *pr, Datum *out, bool *onull, int first);
extern struct varlena *pe_points_text(const PeFormField *f);
extern bool pe_same_field(Datum a, bool anull, Datum b, bool bnull);

/* Hints listing what each type accepts (data of an import_error too: translate with _() where reported). */
#define PE_HINT_TARGET \
	gettext_noop("A target is an optional comparator (≥ ≤ > < =, >= <=, ＞ ＜ ＝ ≧ ≦ ═, or 不低于 不少于 大于 达到 不超过 低于 and the like), a number, and an optional unit (元 万元 亿元, % 百分比, 家 个 人 人次 次 种 条 辆 例 项 所, 天 日 月 年 小时, compounds such as 万元/家), as in ≥2000万元/家 or 95%以上; or a qualitative phrase such as 稳步增长.")
#define PE_HINT_MEASURE \
	gettext_noop("A measure is a number with an optional unit and an optional leading =, as in 57111万元/家, =41家 or 100%; or a qualitative outcome such as 达成, 部分达成, 未达成 or 完全达到预期目标.")
#define PE_HINT_METHOD \
	gettext_noop("Accepted methods: proportional, floor:N (0 below N% completion), all_or_nothing, deduct:K/P (K points per P percentage points of completion short), over:K/P and under:K/P (K points per P of the indicator's own points above or below its target), deviation:K/P (K points per P% of the target either way; these three take an optional /C, at most C points deducted), bands:<60:0,<90:3,else:5 (points by the band of the actual; <= for bands that include their upper bound), or their Chinese forms 按比例, 低于60%不得分, 达标得满分, 每低5个百分点扣1分, 每超过1个百分点扣0.5分, 每低于目标值1个百分点扣1分, 每相差3%扣1分，扣满15分为止, ≥90%得5分，60%（含）-90%得3分，60%以下不得分.")
#define PE_HINT_GRADES \
	gettext_noop("A grade scale lists label:threshold bands from the highest threshold down to 0, as in 优:90,良:80,中:60,差:0; each band includes its lower bound.")

#endif							/* PERFEVAL_H */
