-- perfeval scoring functions: the seeds' worked figures, every method and
-- its edge cases, exact decimals, NULLs and errors.
CREATE EXTENSION IF NOT EXISTS perfeval;
SET search_path = perfeval, public;

-- The seeds' figures.
SELECT completion('≥2000万元/家', '=57111万元/家') AS seed001_revenue,      -- 2855.55
       completion('=41家', '=41家') AS seed001_count,                       -- 100
       completion('≥90%', '=100%') AS seed001_satisfaction,
       completion('95', '100%') AS seed002_quality,                         -- 105.26 when printed
       round(completion('95', '100%'), 2) AS seed002_printed,
       completion('5', '5家') AS seed002_count,
       completion('≤1000万元/家', '1000万元/家') AS seed003_cost,            -- 100
       completion('≥95%', '100%') AS seed003_satisfaction;
SELECT score(18, 95) AS seed002_judged_171,
       judged_score(18, '达成', 95) AS seed002_judged_tier,
       judged_score(5, '达成', 100) AS seed001_social,
       score(10, completion('100%', '100%')) AS seed002_budget_row,
       score(10, completion('≥2000万元/家', '57111万元/家')) AS seed001_capped,
       deduct(2, '{0,0,0.3}') AS seed003_a12,
       deduct(5, '{1.5,0}') AS seed003_b21,
       satisfaction('{15,0,0,0,0}') AS seed003_d21_rate,
       score(15, satisfaction('{15,0,0,0,0}')) AS seed003_d21;
SELECT 10 + 18 + 18 + 18 + score(18, 95) + 18 AS seed002_total,         -- 99.1
       2 + deduct(2, '{0.3}') + 2 + 2 + 3 + 4 AS seed003_decision,      -- 14.7
       5 + 6 + 5 + deduct(5, '{1.5}') + 4 AS seed003_process;           -- 23.5
SELECT grade(100, '优:90,良:80,中:70,差:0') AS seed001,
       grade(99.1) AS seed002, grade(98.2) AS seed003, grade(97.80) AS seed000,
       grade(90) AS at_bound, grade(89.999999) AS below_bound, grade(0) AS zero,
       grade(-1) AS negative, grade(75, '优:90,良:80,中:70,差:0') AS seed001_mid,
       grade(75, '优:80,良:70,中:60,差:0') AS other_bands;

-- Unit conversion and bare numbers.
SELECT completion('≥1亿元', '5000万元') AS yi_vs_wan,
       completion('≥10000元', '1万元') AS yuan_vs_wan,
       completion('≥95%', '95百分比') AS percent_word,
       completion('≥95', '100') AS bare_both,
       completion('≥95%', '100') AS bare_actual,
       completion('≥7天', '7日') AS tian_ri,
       completion('≥5公里', '6公里') AS custom_same,
       comparable('≥5万元', '3家') AS money_vs_count,
       comparable('≥5公里', '3里') AS custom_diff,
       comparable('稳步增长', '3家') AS qualitative_ok;
SELECT completion('≥5万元', '3家');
SELECT completion('≥2000万元/家', '2000万元/人');

-- More is better, less is better, zero and negative targets.
SELECT completion('≥3', '0') AS none_done,
       completion('>3', '3') AS gt_at_bound_not_met,
       completion('=3', '6') AS eq_over,
       completion('≥3', '-3') AS negative_actual,
       completion('=0', '0') AS zero_met, completion('=0', '1') AS zero_missed,
       completion('≥0', '5') AS ge_zero, completion('≤0', '0') AS le_zero_met,
       completion('≤0', '2') AS le_zero_missed,
       completion('≤-5%', '-6%') AS neg_target_met, completion('≤-5%', '-4%') AS neg_target_missed;
SELECT completion('≤10天', '8天') AS met,
       completion('≤10天', '12天') AS ratio,
       completion('≤10天', '12天', 'ratio') AS ratio_explicit,
       completion('≤10天', '12天', 'linear') AS linear,
       completion('≤10天', '25天', 'linear') AS linear_floor,
       completion('<10天', '10天') AS lt_equal,
       completion('≤3', '9') AS third;
SELECT completion('≤10天', '12天', 'quadratic');
SELECT completion('稳步增长', '完全达到预期目标') IS NULL AS qualitative_null,
       completion('≥95%', '达成') IS NULL AS qualitative_actual_null;

-- score(): every method with edge cases.
SELECT c AS completion,
       score(10, c) AS proportional,
       score(10, c, 'floor:60') AS floor60,
       score(10, c, 'all_or_nothing') AS all_or_nothing,
       score(10, c, 'deduct:1/5') AS deduct_1_per_5,
       score(10, c, 'deduct:0.5/1') AS deduct_half_per_1,
       score(7, c, 'deduct:1/3') AS deduct_thirds
FROM unnest('{-20,0,30,59.999999,60,61,94.736842,99.5,100,105.263158,2855.55}'::numeric[]) AS c;
SELECT score(18, 94.736842) AS exact_product, score(2.5, 50) AS fractional_weight,
       score(10, NULL) IS NULL AS null_completion, score(NULL, 50) IS NULL AS null_weight;
SELECT score(0, 50);
SELECT score(-1, 50);
SELECT score('NaN', 50);

-- judged_score(): tiers, bands, the 80/50 variant, errors.
SELECT judged_score(10, '达成', 80) AS low_edge, judged_score(10, '部分达成', 70) AS partly,
       judged_score(10, '未达成', 0) AS none, judged_score(10, '部分达成', 55, 80, 50) AS province_8050;
SELECT judged_score(10, '部分达成', 55);
SELECT judged_score(10, '达成', 101);
SELECT judged_score(10, '很好', 90);
SELECT judged_score(10, '达成', 90, 60, 80);

-- deduct(): clamps, NULL points, negative deductions.
SELECT deduct(5, '{}') AS nothing, deduct(5, '{1,1,1,1,1,1}') AS floor_zero,
       deduct(5, '{0.5,NULL,0.25}') AS null_skipped, deduct(3, '{3}') AS all_gone;
SELECT deduct(5, '{-1}');

-- satisfaction(): formula, other coefficients, empty surveys, bad arrays.
SELECT satisfaction('{10,5,3,1,1}') AS mixed,
       satisfaction('{1,1,1}', '{1,0.5,0}') AS custom,
       satisfaction('{0,0,0,0,0}') IS NULL AS nobody,
       satisfaction('{2,1,0,0,0}') AS thirds;
SELECT satisfaction('{1,2}');
SELECT satisfaction('{1,-2,0,0,0}');

-- rate(): fund rates, zero denominators.
SELECT rate(25, 25) AS arrival, rate(1000, 1000) AS execution, rate(0, 25) AS none,
       rate(1, 3) AS third, rate(5, 0) IS NULL AS zero_budget, rate(146.5, 148) AS partial;

-- Exactness: no float anywhere.
SELECT pg_typeof(score(18, 95)) AS score_type, pg_typeof(completion('95', '100%')) AS completion_type,
       score(18, 95) = 17.1 AS exactly_171,
       (SELECT sum(score(0.1, 100)) FROM generate_series(1, 10)) = 1 AS sum_exact;

-- Markings: every C function is IMMUTABLE and PARALLEL SAFE but the one
-- that writes (refresh_state) and the triggers; the ones that are not
-- STRICT take NULLs on purpose (rows of most sources have NULL inputs).
SELECT n.nspname, p.proname, p.provolatile, p.proparallel
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
 WHERE n.nspname IN ('perfeval', 'perfeval_internal')
   AND p.prolang = (SELECT oid FROM pg_language WHERE lanname = 'c')
   AND NOT (p.provolatile = 'i' AND p.proparallel = 's')
 ORDER BY 1, 2;
SELECT string_agg(DISTINCT p.proname, ', ' ORDER BY p.proname) AS not_strict
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
 WHERE n.nspname = 'perfeval' AND NOT p.proisstrict
   AND p.prolang = (SELECT oid FROM pg_language WHERE lanname = 'c');

-- indicator_score() is checked against an independent definition of the
-- rules in test/sql/rowscore.sql; here, the seeds' figures and its errors.
SELECT perfeval.indicator_score(18, '95', '100%') AS seed002_quality,
       perfeval.indicator_score(10, '≥2000万元/家', '57111万元/家') AS seed001_revenue,
       perfeval.indicator_score(18, '≥95%', '94.736842%', 'proportional', 'ratio', 1, 'truncate') AS truncated,
       perfeval.indicator_score(10, '≥5万元', '3家') IS NULL AS incomparable_null,
       perfeval.indicator_score(10, '稳步增长', '达成') IS NULL AS qualitative_null;
SELECT perfeval.indicator_score(0, '95', '100%');
SELECT perfeval.indicator_score(10, '95', '100%', 'proportional', 'ratio', 7, 'half_up');
SELECT perfeval.indicator_score(10, '95', '100%', 'proportional', 'ratio', 2, 'ceiling');

-- 1.3: what 1.2 got wrong, each fixed.
-- A score is rounded once: 10 less 1147/4 points per point short of 100 at
-- 99.999998 % is exactly 9.9994265, half-up 9.999427 (1.2 rounded the
-- deduction first and gave 9.999426).
SELECT score(10, 99.999998, 'deduct:1147/4') AS once,
	   perfeval.indicator_score(10, '≥100', '99.999998', 'deduct:1147/4', 'ratio', 6) AS fused_once;
-- A strict target is not met at its bound: below 100 % and below full marks.
SELECT completion('>5', '5') AS gt_at_bound, completion('<5', '5') AS lt_at_bound,
	   completion('>5', '6') AS gt_met, completion('<5', '4') AS lt_met,
	   perfeval.indicator_score(10, '>5', '5') AS gt_score, perfeval.indicator_score(10, '<5', '5') AS lt_score,
	   perfeval.indicator_score(10, '>5', '5', 'all_or_nothing') AS gt_all_or_nothing,
	   perfeval.indicator_score(10, '>5', '5', 'proportional', 'ratio', 6) AS gt_six_decimals,
	   perfeval.indicator_score(10, '≥5', '5') AS ge_score;
-- comparable() is about units: an out-of-range rate is still comparable.
SELECT comparable('≥0.000001', '999999999999') AS out_of_range_comparable,
	   comparable('≥5万元', '3家') AS units_not_comparable;
-- grade() and rate() refuse what is not a number; a rate too large is NULL.
SELECT grade('Infinity');
SELECT grade('-Infinity');
SELECT grade('NaN');
SELECT rate('NaN', 1);
SELECT rate(1, 'Infinity');
SELECT rate(1000000, 0.000001) IS NULL AS too_large_is_null, rate(1, 3) AS third,
	   rate(0.0000000001, 3) AS tiny, grade(89.9999999) AS below_band, grade(90) AS at_band;
-- row_score() refuses a weight <= 0 and a negative deduction for any source.
SELECT perfeval.row_score(-10, true, 'checklist', NULL, NULL, NULL, NULL, 'proportional', 0, NULL,
						  'ratio', 2, 'half_up', 80, 60);
SELECT perfeval.row_score(10, true, 'checklist', NULL, NULL, NULL, NULL, 'proportional', -5, NULL,
						  'ratio', 2, 'half_up', 80, 60);
SELECT perfeval.row_score(10, true, 'checklist', NULL, NULL, NULL, NULL, 'proportional', 3, NULL,
						  'ratio', 2, 'half_up', 80, 60) AS checklist_7,
	   perfeval.row_score(10, true, 'checklist', NULL, NULL, NULL, NULL, 'proportional', 30, NULL,
						  'ratio', 2, 'half_up', 80, 60) AS never_below_0;
-- the national defaults are written once
SELECT perfeval.default_coefficients() AS coefficients, perfeval.national_grade_scale()::text AS grades,
	   (SELECT satisfaction_coefficients FROM perfeval.scheme WHERE scheme_id = 'national')
		   = perfeval.default_coefficients() AS scheme_uses_them;
