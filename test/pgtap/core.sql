-- pgTAP: the seeds' worked figures and the error contract of the core.
BEGIN;
SET search_path = perfeval, public;
SELECT plan(32);

-- Seed figures, written as the reports print them.
SELECT is(completion('≥2000万元/家', '=57111万元/家'), 2855.55, 'seed 001: 57111÷2000 = 2855.55%');
SELECT is(round(completion('95', '100%'), 2), 105.26, 'seed 002: target 95 vs actual 100% = 105.26%');
SELECT is(score(18, completion('95', '100%')), 18::numeric, 'seed 002: 105.26% scores the full 18');
SELECT is(score(18, 95), 17.1, 'seed 002: 18 × 95% = 17.1 exactly');
SELECT is(judged_score(18, '达成', 95), 17.1, 'seed 002: 增长较大 judged 95% of 18');
SELECT is(judged_score(5, '达成', 100), 5::numeric, 'seed 001: 完全达到预期目标 scores 5/5');
SELECT is(completion('=41家', '=41家'), 100::numeric, 'seed 001: =41家 vs =41家 is 100%');
SELECT is(completion('≤1000万元/家', '1000万元/家'), 100::numeric, 'seed 003: cost ≤1000万元/家 met');
SELECT is(deduct(2, '{0.3}'), 1.7, 'seed 003 A12: 2 − 0.3 = 1.7');
SELECT is(deduct(5, '{1.5}'), 3.5, 'seed 003 B21: 5 − 1.5 = 3.5');
SELECT is(satisfaction('{15,0,0,0,0}'), 100::numeric, 'seed 003 D21: 15×1.0/15 = 100%');
SELECT is(10 + 4 * 18 + score(18, 95), 99.1, 'seed 002: total 99.1');
SELECT is(2 + deduct(2, '{0.3}') + 2 + 2 + 3 + 4, 14.7, 'seed 003: 决策 14.7');
SELECT is(5 + 6 + 5 + deduct(5, '{1.5}') + 4, 23.5, 'seed 003: 过程 23.5');
SELECT is(grade(98.2, '优:90,良:80,中:60,差:0'), '优', 'seed 003: 98.2 is 优');
SELECT is(grade(75, '优:90,良:80,中:70,差:0'), '中', 'seed 001 bands: 75 is 中');
SELECT is(grade(90), '优', 'a band includes its lower bound');
SELECT is(rate(25, 25), 100::numeric, 'seed 002: 到位率 25/25 = 100%');

-- Canonical forms.
SELECT is('不少于12 种'::target::text, '≥12种', 'words and spaces canonicalise');
SELECT is('95%以上'::target, '≥95%'::target, 'suffix 以上 means ≥');
SELECT is('＝１００％'::measure::text, '100%', 'full-width measure');
SELECT is('按比例'::method, 'proportional'::method, 'Chinese method alias');

-- Errors carry the right SQLSTATE.
SELECT throws_ok($$SELECT ''::perfeval.target$$, '22P02', NULL, 'empty target refused');
SELECT throws_ok($$SELECT '≥'::perfeval.target$$, '22P02', NULL, 'comparator alone refused');
SELECT throws_ok($$SELECT '≥≥5'::perfeval.target$$, '22P02', NULL, 'double comparator refused');
SELECT throws_ok($$SELECT 'M.8万元'::perfeval.target$$, '22P02', NULL, 'M.8万元 refused');
SELECT throws_ok($$SELECT '10000000000000'::perfeval.target$$, '22P02', NULL, 'out of range refused');
SELECT throws_ok($$SELECT '优:90,良:95,差:0'::perfeval.grade_scale$$, '22P02', NULL, 'ascending bands refused');
SELECT throws_ok($$SELECT perfeval.completion('≥5万元', '3家')$$, '22023', NULL, '万元 vs 家 refused');
SELECT throws_ok($$SELECT perfeval.judged_score(10, '部分达成', 90)$$, '22023', NULL, 'score outside tier refused');
SELECT throws_ok($$SELECT perfeval.score(0, 50)$$, '22023', NULL, 'zero weight refused');
SELECT throws_ok($$SELECT perfeval.deduct(5, '{-1}')$$, '22023', NULL, 'negative deduction refused');

SELECT * FROM finish();
ROLLBACK;
