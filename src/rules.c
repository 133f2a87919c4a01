/*
 * rules.c
 *		The perfeval.rules type: a scheme's scoring rules decoded and checked
 *		once, stored in the scheme row as a generated column, so that scoring
 *		reads one value per row instead of eight columns.
 *
 * Stored payload (after the varlena header): version, decimals, truncate,
 * reverse, base, ncoef (1 byte each), two pad bytes, then tier_high,
 * tier_low, over_threshold and ncoef coefficients (int64 fixed point each).
 */
#include "perfeval.h"

#include "catalog/pg_type.h"
#include "lib/stringinfo.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "access/htup_details.h"
#include "funcapi.h"
#include "nodes/supportnodes.h"

#define RULES_HDR	8
#define RULES_FIXED (RULES_HDR + 3 * 8)

/* Decode a stored rules value; coefficients only when want_coef. */
void
pe_rules_unpack(Datum d, PeRules *r, bool want_coef)
{
	struct varlena *v = PG_DETOAST_DATUM_PACKED(d);
	const char *p = VARDATA_ANY(v);
	Size		len = VARSIZE_ANY_EXHDR(v);

	if (len < RULES_FIXED || p[0] != PE_FORMAT_VERSION ||
		len != RULES_FIXED + (Size) (uint8) p[5] * 8 || (uint8) p[5] > PE_MAX_OPTIONS ||
		(uint8) p[6] > 1)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("corrupt perfeval.rules value")));
	r->decimals = (int8) p[1];
	r->truncate = p[2] != 0;
	r->reverse = (uint8) p[3];
	r->base = (uint8) p[4];
	r->ncoef = (uint8) p[5];
	/* byte 6, zero before 1.16: a target "=0" read at most 0 */
	r->zero_at_most = p[6] != 0;
	memcpy(&r->tier_high, p + RULES_HDR, 8);
	memcpy(&r->tier_low, p + RULES_HDR + 8, 8);
	memcpy(&r->over_threshold, p + RULES_HDR + 16, 8);
	if (want_coef)
		memcpy(r->coef, p + RULES_FIXED, (Size) r->ncoef * 8);
}

/* Build the stored form of checked rules. */
static Datum
rules_pack(const PeRules *r)
{
	Size		len = VARHDRSZ + RULES_FIXED + (Size) r->ncoef * 8;
	char	   *res = palloc0(len);
	char	   *p = res + VARHDRSZ;

	SET_VARSIZE(res, len);
	p[0] = PE_FORMAT_VERSION;
	p[1] = r->decimals;
	p[2] = r->truncate ? 1 : 0;
	p[3] = r->reverse;
	p[4] = r->base;
	p[5] = r->ncoef;
	p[6] = r->zero_at_most ? 1 : 0;
	memcpy(p + RULES_HDR, &r->tier_high, 8);
	memcpy(p + RULES_HDR + 8, &r->tier_low, 8);
	memcpy(p + RULES_HDR + 16, &r->over_threshold, 8);
	memcpy(p + RULES_FIXED, r->coef, (Size) r->ncoef * 8);
	return PointerGetDatum(res);
}

/* A rounding name: true for truncate, or ERROR. */
static bool
rounding_arg(text *t)
{
	if (pe_text_is(t, "truncate"))
		return true;
	if (!pe_text_is(t, "half_up"))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid rounding: \"%s\"", text_to_cstring(t)),
				 errhint("Use 'half_up' (四舍五入) or 'truncate' (截尾).")));
	return false;
}

/* Coefficients from a numeric[] (NULL elements refused), into r. */
void
pe_coefficients_arg(ArrayType *arr, PeRules *r)
{
	Datum	   *elems;
	bool	   *nulls;
	int			n;

	deconstruct_array(arr, NUMERICOID, -1, false, TYPALIGN_INT, &elems, &nulls, &n);
	if (n < 1 || n > PE_MAX_OPTIONS)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("a survey has between 1 and %d answer options, not %d", PE_MAX_OPTIONS, n),
				 errhint("List one coefficient per option, such as {1,0.8,0.6,0.3,0}.")));
	r->ncoef = (uint8) n;
	for (int i = 0; i < n; i++)
	{
		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("satisfaction coefficient %d is NULL", i + 1),
					 errhint("Every answer option needs a coefficient between 0 and 1.")));
		r->coef[i] = pe_numeric_arg(elems[i], "satisfaction coefficient");
	}
}

/* Report a core rules check failure as a constraint of the scheme. */
void
pe_rules_ok(const PeRules *r)
{
	PeError		err;

	if (pe_rules_check(r, &err) != PE_OK)
		ereport(ERROR,
				(errcode(ERRCODE_CHECK_VIOLATION),
				 errmsg("invalid scoring rules"),
				 errdetail_internal("%s", pe_core_detail(err.detail)),
				 errhint("A scheme keeps 0-6 decimals, tier bounds 0 < low < high < 100, an over-achievement threshold above 100 and 1-16 coefficients between 0 and 1.")));
}

/* A zero target's reading: true for at_most, or ERROR. */
static bool
zero_target_arg(text *t)
{
	if (pe_text_is(t, "at_most"))
		return true;
	if (!pe_text_is(t, "exact"))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid zero target reading: \"%s\"", text_to_cstring(t)),
				 errhint("Use 'exact' (a target \"=0\" is met only by 0) or 'at_most' (met by any actual at or below 0).")));
	return false;
}

/*
 * scheme_rules(decimals, rounding, reverse_rule, tier_high, tier_low,
 * satisfaction_coefficients, execution_base, over_threshold, zero_target):
 * the generated column scheme.rules.  Every bound of a scheme is checked
 * here, once.
 */
PG_FUNCTION_INFO_V1(scheme_rules);
Datum
scheme_rules(PG_FUNCTION_ARGS)
{
	PeRules		r;
	text	   *base = PG_GETARG_TEXT_PP(6);
	int			b = pe_base_code(VARDATA_ANY(base), VARSIZE_ANY_EXHDR(base));

	memset(&r, 0, sizeof(r));
	r.decimals = (int8) Max(Min(PG_GETARG_INT32(0), 127), -1);
	r.truncate = rounding_arg(PG_GETARG_TEXT_PP(1));
	r.reverse = (uint8) pe_reverse_arg(PG_GETARG_TEXT_PP(2));
	r.tier_high = pe_numeric_arg(PG_GETARG_DATUM(3), "tier_high");
	r.tier_low = pe_numeric_arg(PG_GETARG_DATUM(4), "tier_low");
	pe_coefficients_arg(PG_GETARG_ARRAYTYPE_P(5), &r);
	if (b < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid execution base: \"%s\"", text_to_cstring(base)),
				 errhint("Use 'arrived' (实际到位), 'budget' (全年预算) or 'initial' (年初预算).")));
	r.base = (uint8) b;
	r.over_threshold = pe_numeric_arg(PG_GETARG_DATUM(7), "over_threshold");
	/* a 1.15 catalog calls it with eight arguments until it is updated */
	r.zero_at_most = PG_NARGS() > 8 && zero_target_arg(PG_GETARG_TEXT_PP(8));
	pe_rules_ok(&r);
	PG_RETURN_DATUM(rules_pack(&r));
}

/* Text output, for reading: decimals=2 rounding=half_up ... */
PG_FUNCTION_INFO_V1(rules_out);
Datum
rules_out(PG_FUNCTION_ARGS)
{
	PeRules		r;
	StringInfoData s;
	char		num[32];

	pe_rules_unpack(PG_GETARG_DATUM(0), &r, true);
	initStringInfo(&s);
	appendStringInfo(&s, "decimals=%d rounding=%s reverse=%s base=%s tiers=",
					 r.decimals, r.truncate ? "truncate" : "half_up",
					 r.reverse == PE_REVERSE_LINEAR ? "linear" : "ratio", pe_base_name(r.base));
	pe_format_fixed(r.tier_high, num);
	appendStringInfo(&s, "%s/", num);
	pe_format_fixed(r.tier_low, num);
	appendStringInfo(&s, "%s over=", num);
	pe_format_fixed(r.over_threshold, num);
	appendStringInfo(&s, "%s coefficients=", num);
	for (int i = 0; i < r.ncoef; i++)
	{
		pe_format_fixed(r.coef[i], num);
		appendStringInfo(&s, "%s%s", i ? "/" : "", num);
	}
	appendStringInfo(&s, " zero=%s", r.zero_at_most ? "at_most" : "exact");
	PG_RETURN_CSTRING(s.data);
}

/* Rules are derived from a scheme row, never entered. */
PG_FUNCTION_INFO_V1(rules_in);
Datum
rules_in(PG_FUNCTION_ARGS)
{
	ereport(ERROR,
			(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			 errmsg("perfeval.rules values cannot be entered"),
			 errdetail("A scheme's rules are generated from its columns."),
			 errhint("Insert or update the scheme's columns instead.")));
	PG_RETURN_NULL();
}

/*
 * rules_recv(): refuses too.  It exists because a binary COPY into a table
 * looks up the receive function of every column, generated ones included:
 * Citus copies perfeval.scheme to its reference table placements that way.
 */
PG_FUNCTION_INFO_V1(rules_recv);
Datum
rules_recv(PG_FUNCTION_ARGS)
{
	return rules_in(fcinfo);
}

/*
 * perfeval_internal.judged_by_score(score, weight, rules, OUT fraction, OUT
 * tier): what the import writes for a row judged by its printed score (the
 * core's rule, pe_judged_by_score()); NULLs when it cannot be judged.
 */
PG_FUNCTION_INFO_V1(pe_judged_by_score_sql);
Datum
pe_judged_by_score_sql(PG_FUNCTION_ARGS)
{
	TupleDesc	desc;
	Datum		values[2];
	bool		nulls[2] = {true, true};
	int64		score,
				weight,
				fraction;
	int			tier;
	PeRules		r;

	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "judged_by_score must return a composite type");
	desc = BlessTupleDesc(desc);
	pe_rules_unpack(PG_GETARG_DATUM(2), &r, false);
	if (pe_numeric_fixed(PG_GETARG_DATUM(0), &score, NULL) &&
		pe_numeric_fixed(PG_GETARG_DATUM(1), &weight, NULL) &&
		pe_judged_by_score(&r, score, weight, &fraction, &tier))
	{
		values[0] = NumericGetDatum(pe_fixed_to_numeric(fraction));
		values[1] = CStringGetTextDatum(pe_tier_name(tier));
		nulls[0] = nulls[1] = false;
	}
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(desc, values, nulls)));
}

/*
 * perfeval_internal.stale_results(kept bytea, rules perfeval.rules): do a
 * kept result's rules (its stamp, section 47) differ from its scheme's?
 */
PG_FUNCTION_INFO_V1(pe_stale_results);
Datum
pe_stale_results(PG_FUNCTION_ARGS)
{
	struct varlena *kept = PG_GETARG_VARLENA_PP(0);
	struct varlena *rules = PG_GETARG_VARLENA_PP(1);

	PG_RETURN_BOOL(VARSIZE_ANY_EXHDR(kept) != VARSIZE_ANY_EXHDR(rules) ||
				   memcmp(VARDATA_ANY(kept), VARDATA_ANY(rules), VARSIZE_ANY_EXHDR(kept)) != 0);
}

/*
 * Its support function: a kept result is stale only between a change of its
 * scheme's rules and the projects' next keeping, so the planner is told it
 * is rare.  The views evaluate a project from its facts only where its
 * stamp is stale (a lateral subquery behind this condition); costed as if
 * every project could be, the whole warehouse's plan crossed JIT's
 * thresholds and spent more time compiling than reading (1.16).
 */
PG_FUNCTION_INFO_V1(pe_stale_support);
Datum
pe_stale_support(PG_FUNCTION_ARGS)
{
	Node	   *req = (Node *) PG_GETARG_POINTER(0);

	if (IsA(req, SupportRequestSelectivity))
	{
		SupportRequestSelectivity *r = (SupportRequestSelectivity *) req;

		r->selectivity = 0.0001;
		PG_RETURN_POINTER(r);
	}
	PG_RETURN_POINTER(NULL);
}
