-- pgTAP: projects scored under another scheme's rules (section 74, issue 29
-- part 2): project_scores_under(), level1_scores_under(), grade_changes().
-- The seeds (test/data/seed_*.sql) are loaded; seed001 is graded under
-- urumqi_2024 (优:90,良:80,中:70,差:0), seed003 under national
-- (优:90,良:80,中:60,差:0); both schemes keep two decimals, half up, the
-- execution rate on 实际到位, ratio for reverse targets, tiers 80/60,
-- coefficients {1,0.8,0.6,0.3,0}.  Every expected figure below is worked
-- by hand from the seeds' facts.  Everything is undone by the ROLLBACK.
BEGIN;
SELECT plan(31);
SET LOCAL lc_messages = 'C';

-- Two schemes of a county's own: test_county truncates to one decimal,
-- grades 优 from 99 (良 from 90), reads the execution rate on 全年预算 and
-- counts 非常满意 as 0.9; test_initial is national's rules with the
-- execution rate on 年初预算.
INSERT INTO perfeval.scheme (scheme_id, name, grade_scale, decimals, rounding, execution_base,
							 satisfaction_coefficients)
VALUES ('test_county', 'test county', '优:99,良:90,中:60,差:0', 1, 'truncate', 'budget', '{0.9,0.8,0.6,0.3,0}'),
	   ('test_initial', 'test initial', DEFAULT, 2, 'half_up', 'initial', DEFAULT);

-- seed001 under national.  Its 18 indicators all earn their weight under
-- either scheme: checklist A11-A32 4+4+3+3+3+3 = 20 (no deductions), B11
-- arrival 410/410 = 100 % → 5, B12 execution 410/410 = 100 % → 5, B13, B21,
-- B22 checklists 3+3+4 = 10, C11-C41 five targets met 5 × 10 = 50, D11
-- 达成 at 100 % → 5, E11 100 % against ≥90 % → 5: total 100, 优 (≥ 90)
-- under national as under urumqi_2024.
SELECT results_eq($$SELECT own_scheme_id, own_total, own_grade, under_scheme_id, indicators, weight, total, grade, band, difference
					  FROM perfeval.project_scores_under('national') WHERE project_id = 'seed001'$$,
	$$VALUES ('urumqi_2024', 100::numeric, '优', 'national', 18::bigint, 100::numeric, 100::numeric, '优', 1, 0::numeric)$$,
	'seed001 under national: 100, 优, as under its own urumqi_2024');
-- seed003 under urumqi_2024.  Its 18 indicators weigh 100; everything
-- earns its weight but two checklists: A12 2 - 0.3 = 1.7 and B21
-- 5 - 1.5 = 3.5 (the same two decimals, half up, under both schemes), so
-- 100 - 0.3 - 1.5 = 98.2: 优 (≥ 90) under urumqi_2024's bands too.
SELECT results_eq($$SELECT own_scheme_id, own_total, own_grade, under_scheme_id, indicators, weight, total, grade, band, difference
					  FROM perfeval.project_scores_under('urumqi_2024') WHERE project_id = 'seed003'$$,
	$$VALUES ('national', 98.2::numeric, '优', 'urumqi_2024', 18::bigint, 100::numeric, 98.2::numeric, '优', 1, 0::numeric)$$,
	'seed003 under urumqi_2024: 98.2, 优');
SELECT results_eq($$SELECT level1, own_score, score, score_rate FROM perfeval.level1_scores_under('national')
					 WHERE project_id = 'seed001' ORDER BY seq$$,
	$$VALUES ('决策', 20::numeric, 20::numeric, 100::numeric), ('过程', 20, 20, 100), ('产出', 50, 50, 100),
			 ('效益', 5, 5, 100), ('满意度指标完成情况分析', 5, 5, 100)$$,
	'seed001 by level 1 under national: 20, 20, 50, 5, 5');
SELECT results_eq($$SELECT level1, own_score, score, score_rate FROM perfeval.level1_scores_under('urumqi_2024')
					 WHERE project_id = 'seed003' ORDER BY seq$$,
	$$VALUES ('决策', 14.7::numeric, 14.7::numeric, 98::numeric), ('过程', 23.5, 23.5, 94), ('产出', 30, 30, 100),
			 ('效益', 30, 30, 100)$$,
	'seed003 by level 1 under urumqi_2024: 决策 15 - 0.3 = 14.7, 过程 25 - 1.5 = 23.5');

-- The own total, grade and band are project_scores', for every project,
-- whichever scheme is named.
SELECT bag_eq($$SELECT project_id, own_scheme_id, own_total, own_grade FROM perfeval.project_scores_under('test_county')$$,
	$$SELECT project_id, scheme_id, total, grade FROM perfeval.project_scores$$,
	'own total and grade: project_scores''');
SELECT bag_eq($$SELECT project_id, own_total, own_band FROM perfeval.project_scores_under('urumqi_2024')$$,
	$$SELECT project_id, total, perfeval.grade_band(total, s.grade_scale) FROM perfeval.project_scores
		JOIN perfeval.scheme s USING (scheme_id)$$,
	'own band: the band of project_scores'' total under the project''s scheme');
SELECT bag_eq($$SELECT project_id, level1, own_score, own_score_rate FROM perfeval.level1_scores_under('test_county')$$,
	$$SELECT project_id, level1, score, score_rate FROM perfeval.level1_scores$$,
	'own level-1 scores: level1_scores''');
-- under the project's own scheme, the re-scored figures are its own
SELECT is((SELECT count(*) FROM perfeval.project_scores_under('national') u JOIN perfeval.project_scores p USING (project_id)
			WHERE p.scheme_id = 'national' AND (u.total IS DISTINCT FROM p.total OR u.grade IS DISTINCT FROM p.grade)),
	0::bigint, 'under its own scheme a project scores its project_scores total');

-- The named scheme's rules, not the project's.  seed003 under test_county:
-- D21's 15 respondents all 非常满意, now 0.9 each: satisfaction 90 %,
-- against ≥95 %: 15 × 90/95 = 14.210526…, truncated to one decimal 14.2
-- (14.21 half up at two); B12 on 全年预算 1000/1000 = 100 % → 6 still; the
-- rest as before (1.7 and 3.5 keep one decimal).  98.2 - 15 + 14.2 = 97.4:
-- 良 under test_county's bands (90 ≤ 97.4 < 99), band 2.
SELECT results_eq($$SELECT own_total, own_grade, own_band, total, grade, band, difference
					  FROM perfeval.project_scores_under('test_county') WHERE project_id = 'seed003'$$,
	$$VALUES (98.2::numeric, '优', 1, 97.4::numeric, '良', 2, -0.8::numeric)$$,
	'seed003 under test_county: 97.4 (one decimal, truncated; 非常满意 at 0.9), 良');
SELECT results_eq($$SELECT own_score, score, score_rate, difference FROM perfeval.level1_scores_under('test_county')
					 WHERE project_id = 'seed003' AND level1 = '效益'$$,
	$$VALUES (30::numeric, 29.2::numeric, 97.333333::numeric, -0.8::numeric)$$,
	'seed003''s 效益 under test_county: 8 + 7 + 14.2 = 29.2 of 30');
-- seed001 under test_county: no survey, B12 on 全年预算 410/410 = 100 %:
-- 100, 优 (≥ 99).
SELECT results_eq($$SELECT total, grade, band FROM perfeval.project_scores_under('test_county') WHERE project_id = 'seed001'$$,
	$$VALUES (100::numeric, '优', 1)$$, 'seed001 under test_county: 100, 优');
-- The execution base is the named scheme's: on 年初预算 seed003's B12 is
-- 1000 ÷ 0 (no score), so its total has none; seed001 has no 年初预算 (no
-- score either).  Its own B12 (on 实际到位) earns 6.
SELECT results_eq($$SELECT project_id, own_total, indicators, total, grade FROM perfeval.project_scores_under('test_initial')
					 WHERE project_id IN ('seed001', 'seed003') ORDER BY project_id$$,
	$$VALUES ('seed001', 100::numeric, 18::bigint, NULL::numeric, NULL::text), ('seed003', 98.2, 18, NULL, NULL)$$,
	'under test_initial the execution rate is on 年初预算: seed001 and seed003 have no total');
SELECT results_eq($$SELECT own_score, score FROM perfeval.level1_scores_under('test_initial')
					 WHERE project_id = 'seed003' AND level1 = '过程'$$,
	$$VALUES (23.5::numeric, NULL::numeric)$$, 'seed003''s 过程 under test_initial: no score (B12)');

-- The grade changes.  Against test_county, seed003 only: 优 98.2 → 良
-- 97.4, 0.8 lower, one band down; seed001 (100), seed002 (99.1, ≥ 99)
-- keep 优, seed000 has no indicators (no grade under either).
SELECT results_eq($$SELECT project_id, own_scheme_id, own_total, own_grade, own_band, reference_scheme_id, reference_total,
						   reference_grade, reference_band, difference, band_change
					  FROM perfeval.grade_changes('test_county')$$,
	$$VALUES ('seed003', 'national', 98.2::numeric, '优', 1, 'test_county', 97.4::numeric, '良', 2, -0.8::numeric, -1)$$,
	'grade_changes(test_county): seed003, 优 98.2 → 良 97.4, one band down');
-- against national and urumqi_2024, nothing changes (seed001 and seed003
-- above; seed002 scores 99.1 on any base: 25万元 budgeted, arrived and spent)
SELECT is((SELECT count(*) FROM perfeval.grade_changes('national')), 0::bigint, 'grade_changes(national): none');
SELECT is((SELECT count(*) FROM perfeval.grade_changes('urumqi_2024')), 0::bigint, 'grade_changes(urumqi_2024): none');
-- a total that cannot be scored under the reference: listed, without a grade
SELECT results_eq($$SELECT project_id, own_grade, reference_grade, difference, band_change FROM perfeval.grade_changes('test_initial')
					 ORDER BY project_id$$,
	$$VALUES ('seed001', '优', NULL::text, NULL::numeric, NULL::int), ('seed003', '优', NULL, NULL, NULL)$$,
	'grade_changes(test_initial): seed001 and seed003 lose their grade');

-- An unknown scheme is refused, the value quoted, with a hint.
SELECT throws_ok($$SELECT * FROM perfeval.project_scores_under('nowhere')$$, '22023', 'no scheme "nowhere"',
	'project_scores_under: an unknown scheme is refused');
SELECT throws_ok($$SELECT * FROM perfeval.level1_scores_under('nowhere')$$, '22023', 'no scheme "nowhere"',
	'level1_scores_under: an unknown scheme is refused');
SELECT throws_ok($$SELECT * FROM perfeval.grade_changes(NULL)$$, '22023', 'no scheme "NULL"',
	'grade_changes: no scheme is refused');
CREATE FUNCTION pg_temp.hint_of(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	h text;
BEGIN
	EXECUTE q;
	RETURN NULL;
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS h = PG_EXCEPTION_HINT;
	RETURN h;
END $$;
SELECT is(pg_temp.hint_of($$SELECT * FROM perfeval.project_scores_under('nowhere')$$),
	'Name a scheme of perfeval.scheme (SELECT scheme_id FROM perfeval.scheme); national is built in.',
	'the refusal hints at perfeval.scheme');

-- A role that sees one department (seed001's) gets seed001 only, from
-- each; seed003's change is not its to see.
CREATE ROLE perfeval_under_test;
SELECT perfeval.grant_access('perfeval_under_test', department => '乌鲁木齐市工业和信息化局');
SET LOCAL ROLE perfeval_under_test;
SELECT results_eq($$SELECT project_id, total FROM perfeval.project_scores_under('test_county')$$,
	$$VALUES ('seed001', 100::numeric)$$, 'a department''s role: its project only, re-scored');
SELECT results_eq($$SELECT DISTINCT project_id FROM perfeval.level1_scores_under('test_county')$$,
	$$VALUES ('seed001')$$, 'a department''s role: its project''s levels only');
SELECT is((SELECT count(*) FROM perfeval.grade_changes('test_county')), 0::bigint,
	'a department''s role: seed003''s change is not listed');
RESET ROLE;

-- A zero target read at most (scheme.zero_target, issue 29).  zt1 has two
-- indicators of 50 against zero targets: 三公经费变动率 =0% at -3 % and
-- 安全事故 =0起 at 0起.  Read exactly (national), -3 % misses "=0": 0 + 50
-- = 50, 差; read at most, both are met: 100, 优.
INSERT INTO perfeval.scheme (scheme_id, name, zero_target)
VALUES ('test_zero', 'test zero', 'exact'), ('test_at_most', 'test at most', 'at_most');
INSERT INTO perfeval.project (project_id, name, year, division_code, department, evaluation_kind, scheme_id)
VALUES ('zt1', '公用经费项目', 2024, '650100', '测试厅', '财政评价', 'test_zero');
INSERT INTO perfeval.indicator (project_id, code, seq, level1, level2, name, weight, target) VALUES
	('zt1', 'Z1', 1, '产出', '成本指标', '三公经费变动率', 50, '=0%'),
	('zt1', 'Z2', 2, '效益', '社会效益指标', '安全事故', 50, '=0起');
INSERT INTO perfeval.actual (project_id, code, reported_on, measure) VALUES
	('zt1', 'Z1', '2025-01-31', '-3%'), ('zt1', 'Z2', '2025-01-31', '0起');
SELECT results_eq($$SELECT code, score, completion FROM perfeval.indicator_scores WHERE project_id = 'zt1' ORDER BY code$$,
	$$VALUES ('Z1', 0::numeric, 0::numeric), ('Z2', 50, 100)$$,
	'=0 read exactly: -3 % misses it (0), 0起 meets it (50)');
SELECT results_eq($$SELECT own_total, own_grade, total, grade FROM perfeval.project_scores_under('test_at_most')
					 WHERE project_id = 'zt1'$$,
	$$VALUES (50::numeric, '差', 100::numeric, '优')$$,
	'zt1 under a scheme reading zero targets at most: 50 差 becomes 100 优');
SELECT results_eq($$SELECT project_id, own_total, reference_total, band_change FROM perfeval.grade_changes('test_at_most')
					 WHERE project_id = 'zt1'$$,
	$$VALUES ('zt1', 50::numeric, 100::numeric, 3)$$,
	'grade_changes(test_at_most): zt1 three bands up');
-- its own scheme changed to at most: the current views follow
UPDATE perfeval.scheme SET zero_target = 'at_most' WHERE scheme_id = 'test_zero';
SELECT results_eq($$SELECT total, grade FROM perfeval.project_scores WHERE project_id = 'zt1'$$,
	$$VALUES (100::numeric, '优')$$, 'its scheme set to at_most: zt1 scores 100');
SELECT is((SELECT rules::text FROM perfeval.scheme WHERE scheme_id = 'test_zero') ~ ' zero=at_most$', true,
	'the rules say zero=at_most');
SELECT is((SELECT rules::text FROM perfeval.scheme WHERE scheme_id = 'national') ~ ' zero=exact$', true,
	'national reads a zero target exactly');
SELECT throws_ok($$UPDATE perfeval.scheme SET zero_target = 'at most' WHERE scheme_id = 'test_zero'$$, '22023',
	'invalid zero target reading: "at most"', 'a reading other than exact or at_most is refused (22023)');

SELECT * FROM finish();
ROLLBACK;
