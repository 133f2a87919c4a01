/*
 * Results application (结果应用) in SQL: the core's rules (pe_result.c)
 * behind result_rule's check, result_cut() and suggested_amount().
 * Nothing is decided here: the wrappers convert and report.
 */
#include "perfeval.h"

#include "utils/builtins.h"
#include "utils/numeric.h"

/* The action of a text argument, checked with its cut; ERROR (23514) if the pair is refused. */
static int
rule_arg(text *action, bool has_cut, int64 cut)
{
	PeError		err;
	int			a = pe_action_code(VARDATA_ANY(action), VARSIZE_ANY_EXHDR(action));

	if (pe_result_rule_check(a, has_cut, cut, &err) != PE_OK)
		ereport(ERROR,
				(errcode(ERRCODE_CHECK_VIOLATION),
				 errmsg("invalid results application rule: \"%s\" with a cut of %s", text_to_cstring(action),
						has_cut ? DatumGetCString(DirectFunctionCall1(numeric_out,
																	  NumericGetDatum(pe_numeric_trim(pe_fixed_to_numeric(cut)))))
						: _("none")),
				 errdetail("%s", _(err.detail)),
				 errhint("优先保障 and 据实保障 cut 0, 核减 a percentage above 0 and below 100 set by the year's budget guide, 取消或暂停 100.")));
	return a;
}

PG_FUNCTION_INFO_V1(pe_result_rule_ok);

/*
 * result_rule_ok(action, cut_percent): a rule row's action and cut, checked
 * by the core (result_rule's CHECK constraint); a refused one raises 23514
 * saying why.  A NULL action is NOT NULL's to refuse.
 */
Datum
pe_result_rule_ok(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(0))
		PG_RETURN_BOOL(true);
	rule_arg(PG_GETARG_TEXT_PP(0), !PG_ARGISNULL(1),
			 PG_ARGISNULL(1) ? 0 : pe_numeric_arg(PG_GETARG_DATUM(1), "cut_percent"));
	PG_RETURN_BOOL(true);
}

PG_FUNCTION_INFO_V1(pe_result_cut);

/*
 * result_cut(action, cut_percent): the cut an action applies, in percent:
 * the rule's, else 100 for 取消或暂停 and 0 for the others; NULL for no
 * action.
 */
Datum
pe_result_cut(PG_FUNCTION_ARGS)
{
	bool		has_cut = !PG_ARGISNULL(1);
	int64		cut;
	int			a;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	cut = has_cut ? pe_numeric_arg(PG_GETARG_DATUM(1), "cut_percent") : 0;
	a = rule_arg(PG_GETARG_TEXT_PP(0), has_cut, cut);
	PG_RETURN_NUMERIC(pe_numeric_trim(pe_fixed_to_numeric(pe_action_cut(a, has_cut, cut))));
}

PG_FUNCTION_INFO_V1(pe_suggested_amount);

/*
 * suggested_amount(base, cut_percent): base × (100 − cut) ÷ 100 in the
 * base's unit (万元), exactly, rounded half-up once to 0.01 元 (six
 * decimals of 万元), trailing zeros trimmed.
 */
Datum
pe_suggested_amount(PG_FUNCTION_ARGS)
{
	pe_int128	base,
				out;
	int64		cut = pe_numeric_arg(PG_GETARG_DATUM(1), "cut_percent");

	if (!pe_numeric_scaled(PG_GETARG_DATUM(0), PE_MONEY_DECIMALS, &base, NULL) ||
		pe_suggest(base, cut, &out) != PE_OK)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("cannot suggest an amount from a base of %s and a cut of %s",
						pe_numeric_text(PG_GETARG_DATUM(0)), pe_numeric_text(PG_GETARG_DATUM(1))),
				 errhint("The base is an amount of 0 or more in 万元 with at most ten decimals; the cut a percentage from 0 to 100.")));
	PG_RETURN_NUMERIC(pe_scaled_to_numeric(out, PE_MONEY_DECIMALS));
}
