/*
 * test_arith.c
 *		Table-driven tests of pe_completion(), the server-free arithmetic.
 */
#include "pe_core.h"

#include <stdio.h>
#include <string.h>

typedef struct Case
{
	const char *target;
	const char *actual;
	PeReverse	rule;
	PeStatus	status;
	int64_t		expected;		/* fixed point, PE_SCALE */
} Case;



static const Case cases[] = {
	{"≥2000万元/家", "=57111万元/家", PE_REVERSE_RATIO, PE_OK, INT64_C(2855550000)},
	{"95", "100%", PE_REVERSE_RATIO, PE_OK, INT64_C(105263158)},
	{"=41家", "41家", PE_REVERSE_RATIO, PE_OK, INT64_C(100000000)},
	{"≤1000万元/家", "1000万元/家", PE_REVERSE_RATIO, PE_OK, INT64_C(100000000)},
	{"≥1亿元", "5000万元", PE_REVERSE_RATIO, PE_OK, INT64_C(50000000)},
	{"≥10000元", "1万元", PE_REVERSE_RATIO, PE_OK, INT64_C(100000000)},
	{"≥7天", "7日", PE_REVERSE_RATIO, PE_OK, INT64_C(100000000)},
	{"≤10天", "12天", PE_REVERSE_RATIO, PE_OK, INT64_C(83333333)},
	{"≤10天", "12天", PE_REVERSE_LINEAR, PE_OK, INT64_C(80000000)},
	{"≤10天", "25天", PE_REVERSE_LINEAR, PE_OK, 0},
	{"≤3", "9", PE_REVERSE_RATIO, PE_OK, INT64_C(33333333)},
	{"=0", "0", PE_REVERSE_RATIO, PE_OK, INT64_C(100000000)},
	{"=0", "1", PE_REVERSE_RATIO, PE_OK, 0},
	{"≤0", "0", PE_REVERSE_RATIO, PE_OK, INT64_C(100000000)},
	{"≤-5%", "-4%", PE_REVERSE_RATIO, PE_OK, 0},
	{"≥3", "-3", PE_REVERSE_RATIO, PE_OK, INT64_C(-100000000)},
	{"≥2", "1", PE_REVERSE_RATIO, PE_OK, INT64_C(50000000)},
	{"≥3", "2", PE_REVERSE_RATIO, PE_OK, INT64_C(66666667)},
	{"≥5公里", "6公里", PE_REVERSE_RATIO, PE_OK, INT64_C(120000000)},
	{"≥0.000001", "999999999999.999999", PE_REVERSE_RATIO, PE_ERR_RANGE, 0},
	{"≥5万元", "3家", PE_REVERSE_RATIO, PE_ERR_UNITS, 0},
	{"≥5公里", "3里", PE_REVERSE_RATIO, PE_ERR_UNITS, 0},
	{"≥5万元/家", "5万元/人", PE_REVERSE_RATIO, PE_ERR_UNITS, 0},
	{"≥5万元", "5万元/家", PE_REVERSE_RATIO, PE_ERR_UNITS, 0},
	{"稳步增长", "达成", PE_REVERSE_RATIO, PE_NULL, 0},
	/* a strict target at its bound is not met: one unit short of 100 % */
	{">5", "5", PE_REVERSE_RATIO, PE_OK, INT64_C(99999999)},
	{"<5", "5", PE_REVERSE_RATIO, PE_OK, INT64_C(99999999)},
	{"<5", "5", PE_REVERSE_LINEAR, PE_OK, INT64_C(99999999)},
	{">5", "5.000001", PE_REVERSE_RATIO, PE_OK, INT64_C(100000020)},
	{"<5", "4.999999", PE_REVERSE_RATIO, PE_OK, INT64_C(100000000)},
	/* a near miss that rounds to 100 % is not met either */
	{"≥100000000", "99999999.9", PE_REVERSE_RATIO, PE_OK, INT64_C(99999999)},
	{"≥95%", "达成", PE_REVERSE_RATIO, PE_NULL, 0},
};

int
main(void)
{
	int			passed = 0,
				failed = 0;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		const Case *c = &cases[i];
		char		tb[256],
					ab[256];
		PeQuant		t,
					a;
		PeError		err;
		int64_t		r = 0;
		PeCompletion comp = {0, false, false};
		PeStatus	st;

		if (pe_parse_target(c->target, strlen(c->target), &t, tb, &err) != PE_OK ||
			pe_parse_measure(c->actual, strlen(c->actual), &a, ab, &err) != PE_OK)
		{
			printf("FAIL %s vs %s: does not parse\n", c->target, c->actual);
			failed++;
			continue;
		}
		st = pe_completion(&t, &a, c->rule, &comp, &err);
		r = comp.rate;
		/* comparable() is about units alone: out of range is still comparable */
		if (pe_units_comparable(&t, &a) != (st != PE_ERR_UNITS))
		{
			printf("FAIL %s vs %s: pe_units_comparable disagrees with status %d\n",
				   c->target, c->actual, (int) st);
			failed++;
			continue;
		}
		if (st != c->status || (st == PE_OK && r != c->expected))
		{
			printf("FAIL %s vs %s: status %d result %lld, expected %d %lld\n",
				   c->target, c->actual, (int) st, (long long) r,
				   (int) c->status, (long long) c->expected);
			failed++;
		}
		else
			passed++;
	}
	printf("%d passed, %d failed\n", passed, failed);
	return failed != 0;
}
