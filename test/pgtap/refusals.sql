-- pgTAP: bad numbers are refused at load time, each with its SQLSTATE
-- (one table of cases, one place to add one), and a warehouse query never
-- fails on data: a row that cannot be scored gives NULL and a finding.
-- Everything is undone by the ROLLBACK.
BEGIN;
SELECT plan(60);

CREATE TEMP TABLE refusal (what text, stmt text, sqlstate text);
INSERT INTO refusal VALUES
	-- every numeric column of the tables: NaN, ±Infinity, overlong decimals
	('a NaN weight', $$INSERT INTO perfeval.indicator (project_id, code, level1, level2, name, weight) VALUES ('seed003', 'X1', 'a', 'b', 'x', 'NaN')$$, '23514'),
	('an infinite weight', $$INSERT INTO perfeval.indicator (project_id, code, level1, level2, name, weight) VALUES ('seed003', 'X1', 'a', 'b', 'x', 'Infinity')$$, '23514'),
	('a weight of 7 decimals', $$INSERT INTO perfeval.indicator (project_id, code, level1, level2, name, weight) VALUES ('seed003', 'X1', 'a', 'b', 'x', 1.0000001)$$, '23514'),
	('a zero weight', $$INSERT INTO perfeval.indicator (project_id, code, level1, level2, name, weight) VALUES ('seed003', 'X1', 'a', 'b', 'x', 0)$$, '23514'),
	('a NaN printed score', $$UPDATE perfeval.indicator SET printed_score = 'NaN' WHERE project_id = 'seed003' AND code = 'C11'$$, '23514'),
	('an infinite printed score', $$UPDATE perfeval.indicator SET printed_score = 'Infinity' WHERE project_id = 'seed003' AND code = 'C11'$$, '23514'),
	('a NaN printed total', $$UPDATE perfeval.project SET printed_total = 'NaN' WHERE project_id = 'seed003'$$, '23514'),
	('a -Infinity printed total', $$UPDATE perfeval.project SET printed_total = '-Infinity' WHERE project_id = 'seed003'$$, '23514'),
	('a NaN budget', $$UPDATE perfeval.allocation SET budget = 'NaN' WHERE project_id = 'seed003'$$, '23514'),
	('an infinite amount arrived', $$UPDATE perfeval.allocation SET arrived = 'Infinity' WHERE project_id = 'seed003'$$, '23514'),
	('a NaN amount spent', $$UPDATE perfeval.allocation SET spent = 'NaN' WHERE project_id = 'seed003'$$, '23514'),
	('a NaN initial budget', $$UPDATE perfeval.allocation SET initial_budget = 'NaN' WHERE project_id = 'seed003'$$, '23514'),
	('an amount of 7 decimals', $$UPDATE perfeval.allocation SET budget = 0.0000001 WHERE project_id = 'seed003'$$, '23514'),
	('a NaN fraction', $$UPDATE perfeval.actual SET fraction = 'NaN' WHERE project_id = 'seed003' AND code = 'D11'$$, '23514'),
	('a fraction above 100', $$UPDATE perfeval.actual SET fraction = 101 WHERE project_id = 'seed003' AND code = 'D11'$$, '23514'),
	('a NaN deduction', $$UPDATE perfeval.checklist_point SET deduction = 'NaN' WHERE project_id = 'seed003' AND code = 'A12' AND point_no = 3$$, '23514'),
	('an infinite deduction', $$UPDATE perfeval.checklist_point SET deduction = 'Infinity' WHERE project_id = 'seed003' AND code = 'A12' AND point_no = 3$$, '23514'),
	('a negative deduction', $$UPDATE perfeval.checklist_point SET deduction = -0.5 WHERE project_id = 'seed003' AND code = 'A12' AND point_no = 3$$, '23514'),
	('a NaN point value', $$UPDATE perfeval.checklist_point SET points = 'NaN' WHERE project_id = 'seed003' AND code = 'A12' AND point_no = 3$$, '23514'),
	('a NaN survey coefficient', $$UPDATE perfeval.survey_response SET coefficient = 'NaN' WHERE project_id = 'seed003'$$, '23514'),
	('a survey coefficient above 1', $$UPDATE perfeval.survey_response SET coefficient = 1.5 WHERE project_id = 'seed003'$$, '23514'),
	('a negative survey coefficient', $$UPDATE perfeval.survey_response SET coefficient = -0.1 WHERE project_id = 'seed003'$$, '23514'),
	-- schemes: every bound checked once, by their rules
	('a NaN tier bound', $$INSERT INTO perfeval.scheme (scheme_id, name, tier_high) VALUES ('x', 'x', 'NaN')$$, '22023'),
	('an infinite threshold', $$INSERT INTO perfeval.scheme (scheme_id, name, over_threshold) VALUES ('x', 'x', 'Infinity')$$, '22023'),
	('a threshold of 7 decimals', $$INSERT INTO perfeval.scheme (scheme_id, name, over_threshold) VALUES ('x', 'x', 120.0000001)$$, '22003'),
	('tier bounds crossed', $$INSERT INTO perfeval.scheme (scheme_id, name, tier_high, tier_low) VALUES ('x', 'x', 60, 80)$$, '23514'),
	('a tier bound of 0', $$INSERT INTO perfeval.scheme (scheme_id, name, tier_low) VALUES ('x', 'x', 0)$$, '23514'),
	('a tier bound of 100', $$INSERT INTO perfeval.scheme (scheme_id, name, tier_high) VALUES ('x', 'x', 100)$$, '23514'),
	('a threshold of 100', $$INSERT INTO perfeval.scheme (scheme_id, name, over_threshold) VALUES ('x', 'x', 100)$$, '23514'),
	('a coefficient above 1', $$INSERT INTO perfeval.scheme (scheme_id, name, satisfaction_coefficients) VALUES ('x', 'x', '{1.2,0.8,0.6,0.3,0}')$$, '23514'),
	('a negative coefficient', $$INSERT INTO perfeval.scheme (scheme_id, name, satisfaction_coefficients) VALUES ('x', 'x', '{1,0.8,0.6,0.3,-0.1}')$$, '23514'),
	('a NaN coefficient', $$INSERT INTO perfeval.scheme (scheme_id, name, satisfaction_coefficients) VALUES ('x', 'x', '{1,NaN}')$$, '22023'),
	('a NULL coefficient', $$INSERT INTO perfeval.scheme (scheme_id, name, satisfaction_coefficients) VALUES ('x', 'x', '{1,NULL}')$$, '22004'),
	('no coefficients', $$INSERT INTO perfeval.scheme (scheme_id, name, satisfaction_coefficients) VALUES ('x', 'x', '{}')$$, '22023'),
	('seven decimals kept', $$INSERT INTO perfeval.scheme (scheme_id, name, decimals) VALUES ('x', 'x', 7)$$, '23514'),
	('an unknown rounding', $$INSERT INTO perfeval.scheme (scheme_id, name, rounding) VALUES ('x', 'x', 'ceiling')$$, '22023'),
	('an unknown execution base', $$INSERT INTO perfeval.scheme (scheme_id, name, execution_base) VALUES ('x', 'x', 'spent')$$, '22023'),
	('an unknown reverse rule', $$INSERT INTO perfeval.scheme (scheme_id, name, reverse_rule) VALUES ('x', 'x', 'log')$$, '22023'),
	('a scheme marked built-in by hand', $$INSERT INTO perfeval.scheme (scheme_id, name, builtin) VALUES ('x', 'x', true)$$, '428C9'),
	('a scheme made built-in by an update', $$UPDATE perfeval.scheme SET builtin = true WHERE scheme_id = 'urumqi_2024'$$, '428C9'),
	('the built-in scheme deleted', $$DELETE FROM perfeval.scheme WHERE scheme_id = 'national'$$, '2BP01'),
	('the built-in scheme renamed', $$UPDATE perfeval.scheme SET scheme_id = 'mine' WHERE scheme_id = 'national'$$, '2BP01'),
	-- units: an actual against its target, a target against its actuals
	('an actual incomparable with its target', $$INSERT INTO perfeval.actual (project_id, code, reported_on, measure) VALUES ('seed003', 'C41', '2024-07-01', '3家')$$, '22023'),
	('a target changed to a unit its actual cannot be compared with', $$UPDATE perfeval.indicator SET target = '≥5家' WHERE project_id = 'seed003' AND code = 'C41'$$, '22023'),
	('a money indicator whose target is not a percentage', $$UPDATE perfeval.indicator SET target = '≥10家' WHERE project_id = 'seed003' AND code = 'B11'$$, '23514');

-- each refused case, with its SQLSTATE
SELECT throws_ok(stmt, sqlstate, NULL, what) FROM refusal ORDER BY what;

-- nothing of them is kept, and the samples still score
SELECT is((SELECT count(*) FROM perfeval.scheme), 3::bigint, 'no refused scheme is kept');
SELECT results_eq($$SELECT total FROM perfeval.project_scores ORDER BY project_id$$,
	$$VALUES (NULL::numeric), (100), (99.1), (98.2)$$, 'the samples score as before');

-- A rate too large to be a measure (a budget of 0.000001 元 and 1,000,000
-- arrived: 10^14 %) is NULL with a finding; every view still runs.
INSERT INTO perfeval.project (project_id, name, year, division_code, department, evaluation_kind)
VALUES ('rate_test', '比率测试', 2024, '650100', '测试局', '单位自评');
INSERT INTO perfeval.indicator (project_id, code, level1, level2, name, weight, source)
VALUES ('rate_test', 'B11', '过程', '资金管理', '资金到位率', 100, 'arrival_rate');
INSERT INTO perfeval.allocation (project_id, department, fund_level, unit, budget, arrived, spent)
VALUES ('rate_test', '测试局', '市级', '元', 0.000001, 1000000, 0);
SELECT is((SELECT score FROM perfeval.indicator_scores WHERE project_id = 'rate_test'), NULL::numeric,
	'a rate of 10^14 % gives no score');
SELECT is((SELECT kind FROM perfeval.findings WHERE project_id = 'rate_test' AND code = 'B11'), 'rate_out_of_range',
	'…and a finding');
SELECT is((SELECT arrival_rate FROM perfeval.project_money WHERE project_id = 'rate_test'), NULL::numeric,
	'…and no money view fails on it');

-- A bad row that gets in anyway (its constraint dropped, as a restore
-- without it might) stops no query: NULL and a finding.
ALTER TABLE perfeval.indicator DROP CONSTRAINT indicator_weight_positive;
UPDATE perfeval.indicator SET weight = 'NaN' WHERE project_id = 'seed003' AND code = 'C11';
SELECT lives_ok(format('SELECT * FROM perfeval.%I', v), format('%s runs over a NaN weight', v))
  FROM unnest(ARRAY['indicator_scores', 'level1_scores', 'level2_scores', 'project_scores', 'findings',
					'project_facts', 'rollup_region', 'rollup_department']) v;
SELECT is((SELECT score FROM perfeval.indicator_scores WHERE project_id = 'seed003' AND code = 'C11'), NULL::numeric,
	'the NaN-weighted row has no score');
SELECT is((SELECT kind FROM perfeval.findings WHERE project_id = 'seed003' AND code = 'C11'), 'invalid_value',
	'…and an invalid_value finding');

SELECT * FROM finish();
ROLLBACK;
