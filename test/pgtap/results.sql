-- pgTAP: results application (结果应用, section 76, issue 29 part 3) over a
-- hand-made two-year province (贵州, 52): budget_suggestion and its
-- roll-ups, indicator_outcomes, programme_findings, the rule checks and a
-- role that sees one department.  Every figure is worked by hand below.
-- Undone by the final ROLLBACK.
BEGIN;
SELECT plan(36);

-- The national grade scale (优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差), over threshold 120.
INSERT INTO perfeval.scheme (scheme_id, name) VALUES ('gz_test', '贵州测试方案 / test scheme');

-- Programme GZ-P1 (教育厅, county 520102), two years:
--   2023 g23a  A1 LIB-TRAIN 培训人数 w60 ≥100人, actual 130人: 130 %, over, 60
--              A2 质量指标 合格率   w40 ≥95%,  actual 76%:   80 %, 32       total 92 优 (band 1)
--   2024 g24a  A1 LIB-TRAIN 培训人次 w60 ≥120人, actual 150人: 125 %, over, 60
--              A2 质量指标 合格率   w40 ≥95%,  actual 57%:   60 %, 24       total 84 良 (band 2)
-- Programme GZ-P2 (交通厅, county 520103):
--   2023 g23b  B1 数量指标 里程 w100 ≥50公里, actual 35公里: 70 %, 70       total 70 中 (band 3)
--   2024 g24b  B1 the same, actual 30公里: 60 %, 60                          total 60 中 (band 3)
-- Programme GZ-P3 (教育厅, 520102), 2024 only:
--   g24d  D1 质量指标 合格率 w50 ≥95%, 61.75%: 65 %, 32.5
--         D2 LIB-TRAIN 培训人数 w50 ≥100人, 65人: 65 %, 32.5                  total 65 中 (band 3)
-- No programme (交通厅, 520103), 2024:
--   g24c  C1 数量指标 站点 w100 ≥10个, 5个: 50 %, 50                         total 50 差 (band 4)
INSERT INTO perfeval.project (project_id, name, year, division_code, department, evaluation_kind, scheme_id, programme_code) VALUES
	('g23a', '教师培训项目', 2023, '520102', '贵州省教育厅', '财政评价', 'gz_test', 'GZ-P1'),
	('g24a', '教师培训项目', 2024, '520102', '贵州省教育厅', '财政评价', 'gz_test', 'GZ-P1'),
	('g23b', '农村公路项目', 2023, '520103', '贵州省交通运输厅', '财政评价', 'gz_test', 'GZ-P2'),
	('g24b', '农村公路项目', 2024, '520103', '贵州省交通运输厅', '财政评价', 'gz_test', 'GZ-P2'),
	('g24c', '客运站点项目', 2024, '520103', '贵州省交通运输厅', '财政评价', 'gz_test', NULL),
	('g24d', '职业教育项目', 2024, '520102', '贵州省教育厅', '财政评价', 'gz_test', 'GZ-P3');
INSERT INTO perfeval.allocation (project_id, department, fund_level, initial_budget, budget, arrived, spent) VALUES
	('g23a', '贵州省教育厅', '省级', 400, 400, 400, 390),
	('g24a', '贵州省教育厅', '省级', 480, 500, 500, 480),
	('g23b', '贵州省交通运输厅', '省级', 300, 300, 300, 280),
	('g24b', '贵州省交通运输厅', '省级', 333.33, 333.33, 333.33, 300),
	('g24c', '贵州省交通运输厅', '省级', 80, 80, 80, 40),
	('g24d', '贵州省教育厅', '省级', 12.345679, 12.345679, 12.345679, 12);
INSERT INTO perfeval.indicator (project_id, code, seq, level1, level2, name, weight, target, library_code) VALUES
	('g23a', 'A1', 1, '产出', '数量指标', '培训人数', 60, '≥100人', 'LIB-TRAIN'),
	('g23a', 'A2', 2, '产出', '质量指标', '合格率', 40, '≥95%', NULL),
	('g24a', 'A1', 1, '产出', '数量指标', '培训人次', 60, '≥120人', 'LIB-TRAIN'),
	('g24a', 'A2', 2, '产出', '质量指标', '合格率', 40, '≥95%', NULL),
	('g23b', 'B1', 1, '产出', '数量指标', '里程', 100, '≥50公里', NULL),
	('g24b', 'B1', 1, '产出', '数量指标', '里程', 100, '≥50公里', NULL),
	('g24c', 'C1', 1, '产出', '数量指标', '站点', 100, '≥10个', NULL),
	('g24d', 'D1', 1, '产出', '质量指标', '合格率', 50, '≥95%', NULL),
	('g24d', 'D2', 2, '产出', '数量指标', '培训人数', 50, '≥100人', 'LIB-TRAIN');
INSERT INTO perfeval.actual (project_id, code, reported_on, measure) VALUES
	('g23a', 'A1', '2024-01-31', '130人'), ('g23a', 'A2', '2024-01-31', '76%'),
	('g24a', 'A1', '2025-01-31', '150人'), ('g24a', 'A2', '2025-01-31', '57%'),
	('g23b', 'B1', '2024-01-31', '35公里'), ('g24b', 'B1', '2025-01-31', '30公里'),
	('g24c', 'C1', '2025-01-31', '5个'),
	('g24d', 'D1', '2025-01-31', '61.75%'), ('g24d', 'D2', '2025-01-31', '65人');

-- The rules: 2023 has no rule for band 2; 2024 cuts 中 by 15 %, and a
-- continuing programme 中 or worse two years running is cancelled.
INSERT INTO perfeval.result_rule (scheme_id, year, band, action, cut_percent, repeat_action, repeat_cut_percent) VALUES
	('gz_test', 2023, 1, '优先保障', NULL, NULL, NULL),
	('gz_test', 2023, 3, '核减', 10, NULL, NULL),
	('gz_test', 2024, 1, '优先保障', 0, NULL, NULL),
	('gz_test', 2024, 2, '据实保障', NULL, NULL, NULL),
	('gz_test', 2024, 3, '核减', 15, '取消或暂停', NULL),
	('gz_test', 2024, 4, '取消或暂停', NULL, NULL, NULL);

-- the rule checks (the core's, src/pe_result.c)
SELECT throws_ok($$INSERT INTO perfeval.result_rule VALUES ('gz_test', 2025, 1, '优先保障', 5)$$, '23514', NULL,
	'优先保障 with a cut above 0 is refused (a band that loses money is 核减)');
SELECT throws_ok($$INSERT INTO perfeval.result_rule VALUES ('gz_test', 2025, 3, '核减', NULL)$$, '23514', NULL,
	'核减 without its cut is refused');
SELECT throws_ok($$INSERT INTO perfeval.result_rule VALUES ('gz_test', 2025, 4, '取消', NULL)$$, '23514', NULL,
	'an unknown action is refused');
SELECT throws_ok($$INSERT INTO perfeval.result_rule VALUES ('gz_test', 2025, 3, '核减', 10, '核减', 100)$$, '23514', NULL,
	'a repeat rule is checked as the rule: 核减 100 is refused');

-- the grades the suggestions read
SELECT results_eq($$SELECT project_id, final_score, final_band FROM perfeval.project_scores
	WHERE project_id LIKE 'g2%' ORDER BY project_id$$,
	$$VALUES ('g23a', 92::numeric, 1), ('g23b', 70, 3), ('g24a', 84, 2), ('g24b', 60, 3), ('g24c', 50, 4), ('g24d', 65, 3)$$,
	'the hand-made province scores as worked by hand');

-- budget_suggestion, every column of the contract
SELECT results_eq($$SELECT project_id, year, base, action, cut_percent, suggested, cut_amount, repeated, previous_band
	FROM perfeval.budget_suggestion WHERE project_id LIKE 'g2%' ORDER BY project_id$$,
	$$VALUES ('g23a', 2023, 400::numeric, '优先保障', 0::numeric, 400::numeric, 0::numeric, false, NULL::int),
			 ('g23b', 2023, 300, '核减', 10, 270, 30, false, NULL),
			 ('g24a', 2024, 500, '据实保障', 0, 500, 0, false, 1),
			 ('g24b', 2024, 333.33, '取消或暂停', 100, 0, 333.33, true, 3),
			 ('g24c', 2024, 80, '取消或暂停', 100, 0, 80, false, NULL),
			 ('g24d', 2024, 12.345679, '核减', 15, 10.493827, 1.851852, false, NULL)$$,
	'budget_suggestion: base, action, cut, suggested (12.345679 × 0.85 = 10.49382715 → 10.493827), the continuing programme''s repeat');
SELECT is((SELECT reason FROM perfeval.budget_suggestion WHERE project_id = 'g24d'),
	'2024年度评价得分65分，等级中（第3档，方案gz_test）；按2024年度结果应用规则核减15%：以全年预算12.345679万元为基数，建议安排10.493827万元',
	'…the reason of a cut, in a sentence');
SELECT is((SELECT reason FROM perfeval.budget_suggestion WHERE project_id = 'g24b'),
	'2024年度评价得分60分，等级中（第3档，方案gz_test）；同一项目（项目库编码GZ-P2）2023年度等级为第3档，连续两年在第3档或以下，按2024年度结果应用规则取消或暂停：以全年预算333.33万元为基数，建议安排0万元',
	'…the reason of a continuing programme''s repeat');
-- a band without a rule: 2023's band 2 (moved there for the test)
UPDATE perfeval.actual SET measure = '70%' WHERE project_id = 'g23a' AND code = 'A2';	-- 40 × 70/95 → 29.47: 89.47 良
SELECT results_eq($$SELECT base, action, cut_percent, suggested, reason FROM perfeval.budget_suggestion WHERE project_id = 'g23a'$$,
	$$VALUES (400::numeric, NULL::text, NULL::numeric, NULL::numeric,
			  '2023年度评价得分89.47分，等级良（第2档，方案gz_test）；方案gz_test未设定2023年度第2档的结果应用规则，不提出预算建议')$$,
	'a band without a rule: no action, no amount, and why');
SELECT results_eq($$SELECT action, previous_band FROM perfeval.budget_suggestion WHERE project_id = 'g24a'$$,
	$$VALUES ('据实保障', 2)$$, '…and the next year reads the programme''s new band');
UPDATE perfeval.actual SET measure = '76%' WHERE project_id = 'g23a' AND code = 'A2';
-- the scheme's base: 年初预算 where the scheme reads budgets on it
UPDATE perfeval.scheme SET execution_base = 'initial' WHERE scheme_id = 'gz_test';
SELECT results_eq($$SELECT base, suggested FROM perfeval.budget_suggestion WHERE project_id = 'g24a'$$,
	$$VALUES (480::numeric, 480::numeric)$$, 'a scheme on the initial budget: the base is 年初预算');
UPDATE perfeval.scheme SET execution_base = 'arrived' WHERE scheme_id = 'gz_test';
-- a project without money
DELETE FROM perfeval.allocation WHERE project_id = 'g24c';
SELECT results_eq($$SELECT base, action, suggested, reason FROM perfeval.budget_suggestion WHERE project_id = 'g24c'$$,
	$$VALUES (NULL::numeric, '取消或暂停', NULL::numeric,
			  '2024年度评价得分50分，等级差（第4档，方案gz_test）；按2024年度结果应用规则取消或暂停；未录入资金，无建议金额')$$,
	'a project without money: the action, no amount');
INSERT INTO perfeval.allocation (project_id, department, fund_level, initial_budget, budget, arrived, spent)
VALUES ('g24c', '贵州省交通运输厅', '省级', 80, 80, 80, 40);

-- the roll-ups of 2024
SELECT results_eq($$SELECT programme_code, projects, suggested_projects, action, base, suggested, cut_amount
	FROM perfeval.budget_suggestion_programme WHERE programme_code LIKE 'GZ-%' AND year = 2024 ORDER BY 1$$,
	$$VALUES ('GZ-P1', 1::bigint, 1::bigint, '据实保障', 500::numeric, 500::numeric, 0::numeric),
			 ('GZ-P2', 1, 1, '取消或暂停', 333.33, 0, 333.33),
			 ('GZ-P3', 1, 1, '核减', 12.345679, 10.493827, 1.851852)$$,
	'budget_suggestion_programme: per programme');
SELECT results_eq($$SELECT department, projects, suggested_projects, prioritised, as_needed, cut, cancelled, base, suggested, cut_amount
	FROM perfeval.budget_suggestion_department WHERE department LIKE '贵州省%' AND year = 2024 ORDER BY 1$$,
	$$VALUES ('贵州省交通运输厅', 2::bigint, 2::bigint, 0::bigint, 0::bigint, 0::bigint, 2::bigint, 413.33::numeric, 0::numeric, 413.33::numeric),
			 ('贵州省教育厅', 2, 2, 0, 1, 1, 0, 512.345679, 510.493827, 1.851852)$$,
	'budget_suggestion_department: 教育厅 500 + 12.345679, 交通厅 333.33 + 80 all cut');
SELECT results_eq($$SELECT level, division_code, division_name, projects, as_needed, cut, cancelled, base, suggested, cut_amount
	FROM perfeval.budget_suggestion_region WHERE division_code LIKE '52%' AND year = 2024 ORDER BY 2$$,
	$$VALUES ('province', '520000', '贵州省', 4::bigint, 1::bigint, 1::bigint, 2::bigint, 925.675679::numeric, 510.493827::numeric, 415.181852::numeric),
			 ('prefecture', '520100', '贵阳市', 4, 1, 1, 2, 925.675679, 510.493827, 415.181852),
			 ('county', '520102', '南明区', 2, 1, 1, 0, 512.345679, 510.493827, 1.851852),
			 ('county', '520103', '云岩区', 2, 0, 0, 2, 413.33, 0, 413.33)$$,
	'budget_suggestion_region: province, prefecture and counties');

-- indicator_outcomes
SELECT results_eq($$SELECT year, department, library_code, level2, projects, indicators, measured, missed, missed_share,
		over_achieved, over_share, median_completion
	FROM perfeval.indicator_outcomes WHERE department = '贵州省教育厅' ORDER BY year, library_code NULLS LAST, level2$$,
	$$VALUES (2023, '贵州省教育厅', 'LIB-TRAIN', '数量指标', 1::bigint, 1::bigint, 1::bigint, 0::bigint, 0::numeric, 1::bigint, 100::numeric, 130::numeric),
			 (2023, '贵州省教育厅', NULL, '质量指标', 1, 1, 1, 1, 100, 0, 0, 80),
			 (2024, '贵州省教育厅', 'LIB-TRAIN', '数量指标', 2, 2, 2, 1, 50, 1, 50, 65),
			 (2024, '贵州省教育厅', NULL, '质量指标', 2, 2, 2, 2, 100, 0, 0, 60)$$,
	'indicator_outcomes: by library code across names (培训人数, 培训人次), else level 2 and name; the median of 60 and 65 is the lower, 60');
SELECT results_eq($$SELECT year, name, projects, missed, missed_share, over_achieved, median_completion
	FROM perfeval.indicator_outcomes WHERE department = '贵州省交通运输厅' ORDER BY year, name$$,
	$$VALUES (2023, '里程', 1::bigint, 1::bigint, 100::numeric, 0::bigint, 70::numeric),
			 (2024, '站点', 1, 1, 100, 0, 50),
			 (2024, '里程', 1, 1, 100, 0, 60)$$,
	'…交通厅''s indicators by level 2 and name');
-- the scheme's threshold decides over-achievement: at 130, 125 % is not over
UPDATE perfeval.scheme SET over_threshold = 130 WHERE scheme_id = 'gz_test';
SELECT results_eq($$SELECT year, over_achieved, over_share FROM perfeval.indicator_outcomes
	WHERE department = '贵州省教育厅' AND library_code = 'LIB-TRAIN' ORDER BY year$$,
	$$VALUES (2023, 1::bigint, 100::numeric), (2024, 0, 0)$$,
	'over-achieved is completion ≥ the scheme''s over_threshold');
-- a project counted once however many of its rows a group has (apart:
-- E1, F1, E2 in that order), and a row
-- without a completion counted but not measured: 卫健委 2024, LIB-TRAIN,
-- g24e's E1 90人 of ≥100人 (90 %) and E2 with no actual, g24f's F1 110人
-- (110 %), g24g's G1 95人 (95 %): 3 projects, 4 rows, 3 measured, 2 missed,
-- the median of 90, 95 and 110 is 95; with g24h's H1 at 100 % too, the
-- lower middle of 90, 95, 100, 110 is 95 again, and 4 projects
INSERT INTO perfeval.project (project_id, name, year, division_code, department, evaluation_kind, scheme_id) VALUES
	('g24e', '卫生培训项目', 2024, '520102', '贵州省卫生健康委员会', '财政评价', 'gz_test'),
	('g24f', '卫生培训项目二', 2024, '520102', '贵州省卫生健康委员会', '财政评价', 'gz_test'),
	('g24g', '卫生培训项目三', 2024, '520102', '贵州省卫生健康委员会', '财政评价', 'gz_test');
INSERT INTO perfeval.indicator (project_id, code, seq, level1, level2, name, weight, target, library_code) VALUES
	('g24e', 'E1', 1, '产出', '数量指标', '培训人数', 50, '≥100人', 'LIB-TRAIN'),
	('g24f', 'F1', 1, '产出', '数量指标', '培训人数', 100, '≥100人', 'LIB-TRAIN'),
	('g24e', 'E2', 2, '产出', '数量指标', '培训人次', 50, '≥100人', 'LIB-TRAIN'),
	('g24g', 'G1', 1, '产出', '数量指标', '培训人数', 100, '≥100人', 'LIB-TRAIN');
INSERT INTO perfeval.actual (project_id, code, reported_on, measure) VALUES
	('g24e', 'E1', '2025-01-31', '90人'), ('g24f', 'F1', '2025-01-31', '110人'), ('g24g', 'G1', '2025-01-31', '95人');
SELECT results_eq($$SELECT projects, indicators, measured, missed, over_achieved, median_completion
	FROM perfeval.indicator_outcomes WHERE department = '贵州省卫生健康委员会'$$,
	$$VALUES (3::bigint, 4::bigint, 3::bigint, 2::bigint, 0::bigint, 95::numeric)$$,
	'outcomes: a project once however many rows, a row without a completion not measured, the median of three');
INSERT INTO perfeval.project (project_id, name, year, division_code, department, evaluation_kind, scheme_id) VALUES
	('g24h', '卫生培训项目四', 2024, '520102', '贵州省卫生健康委员会', '财政评价', 'gz_test');
INSERT INTO perfeval.indicator (project_id, code, seq, level1, level2, name, weight, target, library_code) VALUES
	('g24h', 'H1', 1, '产出', '数量指标', '培训人数', 100, '≥100人', 'LIB-TRAIN');
INSERT INTO perfeval.actual (project_id, code, reported_on, measure) VALUES ('g24h', 'H1', '2025-01-31', '100人');
SELECT results_eq($$SELECT projects, measured, missed, median_completion
	FROM perfeval.indicator_outcomes WHERE department = '贵州省卫生健康委员会'$$,
	$$VALUES (4::bigint, 4::bigint, 2::bigint, 95::numeric)$$,
	'outcomes: the median of four is the lower middle (95 of 90, 95, 100, 110)');

-- outcome()'s state is a bytea, which an aggregate anyone makes can hand over:
-- one that does not hold together is refused (XX001), never read past
CREATE AGGREGATE pg_temp.forged_head(text, numeric, numeric) (SFUNC = perfeval_internal.outcome_trans,
	STYPE = bytea, FINALFUNC = perfeval_internal.outcome_final, INITCOND = '\x5045003100000000');
SELECT throws_ok($$SELECT pg_temp.forged_head(x::text, 1, 120) FROM generate_series(1, 3) x$$, 'XX001',
	'corrupt perfeval_internal.outcome() state', 'outcome(): a state without its header is refused');
-- a header saying 5 bytes of records, an id of 1000 bytes in them
CREATE AGGREGATE pg_temp.forged_record(bytea) (SFUNC = pg_catalog.byteacat, STYPE = bytea,
	FINALFUNC = perfeval_internal.outcome_final,
	INITCOND = '\x50454f31000000000500000000000000ffffffffffffffff00000000000000000100000000000000010000000000000000000000000000000000000000000000000000000000000049e8030000');
SELECT throws_ok($$SELECT pg_temp.forged_record(''::bytea) FROM generate_series(1, 2)$$, 'XX001',
	'corrupt perfeval_internal.outcome() state', 'outcome(): a record reaching past the state is refused');
-- one completion record of 100 %, well formed: read as it says
CREATE AGGREGATE pg_temp.made(bytea) (SFUNC = pg_catalog.byteacat, STYPE = bytea,
	FINALFUNC = perfeval_internal.outcome_final,
	INITCOND = '\x50454f31000000000900000000000000ffffffffffffffff0100000000000000000000000000000001000000000000000100000000000000000000000000000000000000000000004300e1f50500000000');
SELECT is((SELECT pg_temp.made(''::bytea)::text FROM generate_series(1, 2)), '(0,1,1,0,0,100)',
	'outcome(): a well-formed state is read as it says');
SELECT throws_ok($$SELECT perfeval_internal.outcome_final('\x00'::bytea)$$, 'XX000', NULL,
	'outcome()''s functions refuse a call outside an aggregate');

-- programme findings across years
SELECT results_eq($$SELECT project_id, code, kind, previous_project_id, previous_code FROM perfeval.programme_findings
	WHERE programme_code LIKE 'GZ-%' ORDER BY 1, 2, 3$$,
	$$VALUES ('g24a', 'A1', 'target_below_last_actual', 'g23a', 'A1'),
			 ('g24a', 'A2', 'shortfall_twice', 'g23a', 'A2'),
			 ('g24b', 'B1', 'shortfall_twice', 'g23b', 'B1')$$,
	'with a threshold of 130, 125 % is not over-achieved twice');
UPDATE perfeval.scheme SET over_threshold = 120 WHERE scheme_id = 'gz_test';
SELECT results_eq($$SELECT project_id, code, kind FROM perfeval.programme_findings
	WHERE programme_code LIKE 'GZ-%' ORDER BY 1, 2, 3$$,
	$$VALUES ('g24a', 'A1', 'over_achieved_twice'), ('g24a', 'A1', 'target_below_last_actual'),
			 ('g24a', 'A2', 'shortfall_twice'), ('g24b', 'B1', 'shortfall_twice')$$,
	'programme_findings: over-achieved twice (130 %, 125 %), a target (≥120人) below last year''s actual (130人), two shortfalls twice');
SELECT is((SELECT detail FROM perfeval.programme_findings WHERE project_id = 'g24a' AND kind = 'over_achieved_twice'),
	'培训人次：连续两年超额完成（2023年度完成率130%，2024年度125%），指标值可能设置偏低', '…over-achieved twice, in a sentence');
SELECT is((SELECT detail FROM perfeval.programme_findings WHERE project_id = 'g24a' AND kind = 'target_below_last_actual'),
	'培训人次：2024年度指标值≥120人低于上年（2023年度）实际完成值130人，指标值设置偏低', '…a target below last year''s actual, in a sentence');
SELECT is((SELECT detail FROM perfeval.programme_findings WHERE project_id = 'g24b' AND kind = 'shortfall_twice'),
	'里程：连续两年未完成（2023年度完成率70%，2024年度60%）', '…a shortfall twice, in a sentence');
-- a target at last year's actual is not below it
UPDATE perfeval.indicator SET target = '≥130人' WHERE project_id = 'g24a' AND code = 'A1';
SELECT is((SELECT count(*) FROM perfeval.programme_findings WHERE kind = 'target_below_last_actual' AND programme_code = 'GZ-P1'),
	0::bigint, 'a target equal to last year''s actual is not below it');
UPDATE perfeval.indicator SET target = '≥120人' WHERE project_id = 'g24a' AND code = 'A1';

-- a role granted 教育厅 sees its projects only
CREATE ROLE perfeval_results_test;
SELECT lives_ok($$SELECT perfeval.grant_access('perfeval_results_test', department => '贵州省教育厅')$$, 'grant one department');
SET LOCAL ROLE perfeval_results_test;
SELECT results_eq($$SELECT project_id, suggested FROM perfeval.budget_suggestion ORDER BY 1$$,
	$$VALUES ('g23a', 400::numeric), ('g24a', 500::numeric), ('g24d', 10.493827::numeric)$$,
	'a scoped role: its department''s suggestions only');
SELECT results_eq($$SELECT department, count(*) FROM perfeval.indicator_outcomes GROUP BY 1$$,
	$$VALUES ('贵州省教育厅', 4::bigint)$$, '…its department''s outcomes only');
SELECT results_eq($$SELECT DISTINCT project_id FROM perfeval.programme_findings$$,
	$$VALUES ('g24a')$$, '…its programmes'' findings only');
SELECT results_eq($$SELECT level, projects, cut_amount FROM perfeval.budget_suggestion_region
	WHERE year = 2024 AND level = 'province'$$,
	$$VALUES ('province', 2::bigint, 1.851852::numeric)$$, '…and roll-ups of its projects only');
SELECT throws_ok($$INSERT INTO perfeval.result_rule VALUES ('gz_test', 2026, 1, '优先保障', NULL)$$, '42501', NULL,
	'only the owner writes the rules');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
