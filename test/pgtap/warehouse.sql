-- pgTAP: the warehouse over the four sample reports (test/data/seed_*.sql,
-- loaded by test/run.sh).  Every figure below is written as the report
-- prints it, with the place it is printed.  Changes made to probe a rule are
-- undone by the final ROLLBACK.
BEGIN;
SELECT plan(111);

-- Seed 001 (乌鲁木齐): every indicator of the summary table (三、（一）).
SELECT results_eq(
	$$SELECT code, score FROM perfeval.indicator_scores WHERE project_id = 'seed001' ORDER BY seq$$,
	$$VALUES ('A11', 4::numeric), ('A12', 4), ('A21', 3), ('A22', 3), ('A31', 3), ('A32', 3),
			 ('B11', 5), ('B12', 5), ('B13', 3), ('B21', 3), ('B22', 4),
			 ('C11', 10), ('C12', 10), ('C21', 10), ('C31', 10), ('C41', 10), ('D11', 5), ('E11', 5)$$,
	'seed 001: the 18 indicator scores (text of 四; the table''s 3 for A11/A12 is the typo)');
SELECT is((SELECT completion FROM perfeval.indicator_scores WHERE project_id = 'seed001' AND code = 'C12'),
	2855.55, 'seed 001: 营业收入 57111÷2000 = 2855.55%');
SELECT is((SELECT explanation FROM perfeval.indicator_scores WHERE project_id = 'seed001' AND code = 'C12'),
	'指标完成率=57111÷2000=2855.55%，超过指标值，得满分10分', 'seed 001: working-paper explanation of 2855.55%');
SELECT is((SELECT completion FROM perfeval.indicator_scores WHERE project_id = 'seed001' AND code = 'C11'),
	100::numeric, 'seed 001: =41家 against 41家 is 100%');
SELECT is((SELECT score FROM perfeval.indicator_scores WHERE project_id = 'seed001' AND code = 'D11'),
	5::numeric, 'seed 001: 稳步增长 / 完全达到预期目标 judged 达成 scores 5');
SELECT results_eq(
	$$SELECT level1, weight, score, score_rate FROM perfeval.level1_scores WHERE project_id = 'seed001' ORDER BY seq$$,
	$$VALUES ('决策', 20::numeric, 20::numeric, 100::numeric), ('过程', 20, 20, 100), ('产出', 50, 50, 100),
			 ('效益', 5, 5, 100), ('满意度指标完成情况分析', 5, 5, 100)$$,
	'seed 001: level 1 20/20/50/5/5, all full marks (四、（一）..（五）)');
SELECT results_eq(
	$$SELECT level2, weight, score FROM perfeval.level2_scores WHERE project_id = 'seed001' AND level1 IN ('决策', '过程') ORDER BY seq$$,
	$$VALUES ('项目立项', 8::numeric, 8::numeric), ('绩效目标', 6, 6), ('资金投入', 6, 6), ('资金管理', 13, 13), ('组织实施', 7, 7)$$,
	'seed 001: level 2 满分8得8, 6/6, 6/6, 13/13, 7/7 (四、（一）（二）)');
SELECT is((SELECT total FROM perfeval.project_scores WHERE project_id = 'seed001'), 100::numeric, 'seed 001: total 100');
SELECT is((SELECT grade FROM perfeval.project_scores WHERE project_id = 'seed001'), '优', 'seed 001: 100 is 优 under 90/80/70');
SELECT is((SELECT difference FROM perfeval.project_scores WHERE project_id = 'seed001'), 0::numeric, 'seed 001: printed total 100 is right');
SELECT ok((SELECT grade_agrees FROM perfeval.project_scores WHERE project_id = 'seed001'), 'seed 001: printed 优秀 names the 优 band');
SELECT is(perfeval.grade(75, (SELECT grade_scale FROM perfeval.scheme WHERE scheme_id = 'urumqi_2024')), '中',
	'seed 001: its scheme starts 中 at 70');
SELECT is(perfeval.grade(69.99, (SELECT grade_scale FROM perfeval.scheme WHERE scheme_id = 'urumqi_2024')), '差',
	'seed 001: below 70 is 差');

-- Seed 002 (曲沃县, 单位自评): 附件1 项目支出绩效自评表.
SELECT results_eq(
	$$SELECT code, score, round(completion, 2) FROM perfeval.indicator_scores WHERE project_id = 'seed002' ORDER BY seq$$,
	$$VALUES ('A11', 10::numeric, 100.00::numeric), ('B11', 18, 100.00), ('B21', 18, 105.26),
			 ('B31', 18, 100.00), ('C11', 17.1, 95.00), ('D11', 18, 100.00)$$,
	'seed 002: 得分 10/18/18/18/17.1/18 and 完成率 100/100/105.26/100/95/100');
SELECT is((SELECT round(completion, 2) FROM perfeval.indicator_scores WHERE project_id = 'seed002' AND code = 'B21'),
	105.26, 'seed 002: target 95 against actual 100% is 105.26%');
SELECT is((SELECT explanation FROM perfeval.indicator_scores WHERE project_id = 'seed002' AND code = 'C11'),
	'定性指标，指标值“增长较大”，实际完成“95%”，评价为达成，按95%计，得分=18×95%=17.1分',
	'seed 002: 增长较大 judged 95% → 17.1, explained');
SELECT is((SELECT actual FROM perfeval.indicator_scores WHERE project_id = 'seed002' AND code = 'A11'),
	'100%', 'seed 002: the budget row takes 执行率 100% from allocation');
SELECT results_eq(
	$$SELECT level1, weight, score FROM perfeval.level1_scores WHERE project_id = 'seed002' ORDER BY seq$$,
	$$VALUES ('预算执行指标', 10::numeric, 10::numeric), ('产出指标', 54, 54), ('效益指标', 18, 17.1), ('满意度指标', 18, 18)$$,
	'seed 002: level 1 10 + 54 + 17.1 + 18');
SELECT is((SELECT total FROM perfeval.project_scores WHERE project_id = 'seed002'), 99.1, 'seed 002: total 99.1');
SELECT is((SELECT grade FROM perfeval.project_scores WHERE project_id = 'seed002'), '优', 'seed 002: 99.1 is 优 (printed 优秀)');
SELECT ok((SELECT grade_agrees FROM perfeval.project_scores WHERE project_id = 'seed002'), 'seed 002: printed 优秀 agrees');
SELECT is((SELECT difference FROM perfeval.project_scores WHERE project_id = 'seed002'), 0::numeric, 'seed 002: printed total 99.1 is right');

-- Seed 002: the budget table (二、（二）), rows (1)..(7), 县区级 25万元.
SELECT results_eq(
	$$SELECT initial_budget, budget, arrived, spent, balance, arrival_rate, execution_rate
		FROM perfeval.allocation_summary WHERE project_id = 'seed002' AND row_kind = '合计'$$,
	$$VALUES (25::numeric, 25::numeric, 25::numeric, 25::numeric, 0::numeric, 100::numeric, 100::numeric)$$,
	'seed 002: 年初/全年/到位/执行 25, 结余 0, 到位率 100, 执行率 100');
SELECT results_eq(
	$$SELECT fund_level, budget, execution_rate FROM perfeval.allocation_summary
		WHERE project_id = 'seed002' AND row_kind = '级次小计'$$,
	$$VALUES ('县区级', 25::numeric, 100::numeric)$$,
	'seed 002: the 县区级 column');
SELECT is((SELECT execution_base FROM perfeval.allocation_summary WHERE project_id = 'seed002' AND row_kind = '合计'),
	'budget', 'seed 002: 执行率 (7)=(4)/(2) divides by 全年预算');

-- Seed 003 (库尔勒, 第三方): 附件1 and 表3-1.
SELECT results_eq(
	$$SELECT code, score FROM perfeval.indicator_scores WHERE project_id = 'seed003' ORDER BY seq$$,
	$$VALUES ('A11', 2::numeric), ('A12', 1.7), ('A21', 2), ('A22', 2), ('A31', 3), ('A32', 4),
			 ('B11', 5), ('B12', 6), ('B13', 5), ('B21', 3.5), ('B22', 4),
			 ('C11', 8), ('C21', 8), ('C31', 7), ('C41', 7), ('D11', 8), ('D12', 7), ('D21', 15)$$,
	'seed 003: the 18 indicator scores of 附件1');
SELECT is((SELECT score FROM perfeval.indicator_scores WHERE project_id = 'seed003' AND code = 'A12'),
	1.7, 'seed 003: A12 2 − 0.3 = 1.7 (no ex-ante evaluation)');
SELECT is((SELECT score FROM perfeval.indicator_scores WHERE project_id = 'seed003' AND code = 'B21'),
	3.5, 'seed 003: B21 5 − 1.5 = 3.5');
SELECT is((SELECT explanation FROM perfeval.indicator_scores WHERE project_id = 'seed003' AND code = 'A12'),
	'按评价要点评分，扣0.3分（事前是否已经过必要的可行性研究、风险评估、绩效评估：未进行事前绩效评估），得分=2-0.3=1.7分',
	'seed 003: A12 explanation names the point and the reason');
SELECT is((SELECT completion FROM perfeval.indicator_scores WHERE project_id = 'seed003' AND code = 'C41'),
	100::numeric, 'seed 003: cost ≤1000万元/家 met at 1000万元/家');
SELECT is((SELECT actual FROM perfeval.indicator_scores WHERE project_id = 'seed003' AND code = 'D21'),
	'100%', 'seed 003: D21 满意度 = 15×1.0÷15 = 100%');
SELECT is((SELECT explanation FROM perfeval.indicator_scores WHERE project_id = 'seed003' AND code = 'D21'),
	'满意度=(15×1+0×0.8+0×0.6+0×0.3+0×0)÷15=100%，指标完成率=100÷95=105.26%，超过指标值，得满分15分',
	'seed 003: D21 explanation carries the survey formula');
SELECT results_eq(
	$$SELECT level1, weight, score, score_rate FROM perfeval.level1_scores WHERE project_id = 'seed003' ORDER BY seq$$,
	$$VALUES ('决策', 15.0, 14.7, 98.0), ('过程', 25.0, 23.5, 94.0), ('产出', 30.0, 30.0, 100.0), ('效益', 30.0, 30.0, 100.0)$$,
	'seed 003: 表3-1 决策 15/14.7/98.0%, 过程 25/23.5/94.0%, 产出 30/30/100%, 效益 30/30/100%');
SELECT results_eq(
	$$SELECT level2, weight, score FROM perfeval.level2_scores WHERE project_id = 'seed003' AND level1 = '决策' ORDER BY seq$$,
	$$VALUES ('项目立项', 4::numeric, 3.7), ('绩效目标', 4, 4), ('资金投入', 7, 7)$$,
	'seed 003: level 2 of 决策 (表4-1)');
SELECT is((SELECT total FROM perfeval.project_scores WHERE project_id = 'seed003'), 98.2, 'seed 003: total 98.2 (表3-1)');
SELECT is((SELECT grade FROM perfeval.project_scores WHERE project_id = 'seed003'), '优', 'seed 003: 98.2 is 优 (表2-3)');
SELECT is((SELECT difference FROM perfeval.project_scores WHERE project_id = 'seed003'), 0::numeric, 'seed 003: printed total 98.2 is right');
SELECT results_eq(
	$$SELECT budget, arrived, spent, balance, arrival_rate, execution_rate
		FROM perfeval.allocation_summary WHERE project_id = 'seed003' AND row_kind = '合计'$$,
	$$VALUES (1000::numeric, 1000::numeric, 1000::numeric, 0::numeric, 100::numeric, 100::numeric)$$,
	'seed 003: 预算1000, 到位1000, 支出1000, 到位率100%, 执行率100%');

-- Seed 000 (吐鲁番): no indicator table; money by department (二、（二）).
SELECT is((SELECT total FROM perfeval.project_scores WHERE project_id = 'seed000'), NULL::numeric,
	'seed 000: no indicators, no computed total');
SELECT is((SELECT final_score FROM perfeval.project_scores WHERE project_id = 'seed000'), 97.80,
	'seed 000: score of record is the printed 97.80');
SELECT is((SELECT final_grade FROM perfeval.project_scores WHERE project_id = 'seed000'), '优',
	'seed 000: 97.80 is 优, as printed');
SELECT results_eq(
	$$SELECT department, budget, spent, balance, execution_rate FROM perfeval.allocation_summary
		WHERE project_id = 'seed000' AND row_kind = '部门小计' ORDER BY budget$$,
	$$VALUES ('吐鲁番市交通局', 12::numeric, 12::numeric, 0::numeric, 100::numeric),
			 ('吐鲁番市统计局', 20, 20, 0, 100), ('吐鲁番市工信局', 30, 30, 0, 100), ('吐鲁番市商务局', 86, 86, 0, 100)$$,
	'seed 000: 交通局12, 统计局20, 工信局30, 商务局86, all spent');
SELECT results_eq(
	$$SELECT budget, spent, execution_rate FROM perfeval.allocation_summary WHERE project_id = 'seed000' AND row_kind = '合计'$$,
	$$VALUES (148::numeric, 148::numeric, 100::numeric)$$,
	'seed 000: 148万元, 预算执行率100%');

-- The findings the seeds deserve, and no others.
SELECT set_eq(
	$$SELECT project_id, code, kind FROM perfeval.findings$$,
	$$VALUES ('seed000', NULL, 'no_indicators'),
			 ('seed001', 'A11', 'printed_score'),
			 ('seed001', 'A12', 'printed_score')$$,
	'findings: seed 001''s two printed 3s and seed 000''s unverifiable total, nothing else');
SELECT is((SELECT detail FROM perfeval.findings WHERE project_id = 'seed001' AND code = 'A11'),
	'立项依据充分性：报告得分3分，按输入应得4分（分值4分）', 'findings: the typo reads clearly');
SELECT is((SELECT count(*) FROM perfeval.findings WHERE kind = 'over_achievement'), 0::bigint,
	'findings: 2855.55% is explained in seed 001, so no over-achievement finding');

-- Roll-ups.
SELECT results_eq(
	$$SELECT level, division_code, projects, grade_excellent, mean_score, weighted_mean_score, budget, spent, execution_rate
		FROM perfeval.rollup_region WHERE year = 2024 ORDER BY level, division_code$$,
	$$VALUES ('prefecture', '650100', 1::bigint, 1::bigint, 100.00, 100.00, 410::numeric, 410::numeric, 100::numeric),
			 ('prefecture', '650400', 1, 1, 97.80, 97.80, 148, 148, 100),
			 ('province', '650000', 2, 2, 98.90, 99.42, 558, 558, 100)$$,
	'roll-up 2024: 乌鲁木齐 and 吐鲁番 under 新疆, budget-weighted mean (100×410+97.8×148)/558');
SELECT is((SELECT count(*) FROM perfeval.rollup_region WHERE year = 2023 AND level = 'county' AND division_code = '652801'),
	1::bigint, 'roll-up: 库尔勒市 is a county-level row');
SELECT is((SELECT projects FROM perfeval.rollup_department WHERE year = 2024 AND department = '吐鲁番市统计局'),
	1::bigint, 'roll-up by department');

-- Each rule that raises a finding, probed by changing one thing.
UPDATE perfeval.actual SET deviation_note = NULL WHERE project_id = 'seed001' AND code = 'C12';
SELECT is((SELECT kind FROM perfeval.findings WHERE project_id = 'seed001' AND code = 'C12'), 'over_achievement',
	'2855.55% without its explanation is a finding');
UPDATE perfeval.scheme SET over_threshold = 110 WHERE scheme_id = 'urumqi_2024';
UPDATE perfeval.actual SET deviation_note = NULL WHERE project_id = 'seed001' AND code = 'E11';
SELECT ok(EXISTS (SELECT FROM perfeval.findings WHERE project_id = 'seed001' AND code = 'E11' AND kind = 'over_achievement'),
	'the threshold is the scheme''s: 111.11% is over 110%');
UPDATE perfeval.actual SET deviation_note = NULL WHERE project_id = 'seed002' AND code = 'C11';
SELECT is((SELECT kind FROM perfeval.findings WHERE project_id = 'seed002' AND code = 'C11'), 'shortfall',
	'a 95% judgement without a deviation note is a shortfall finding');
UPDATE perfeval.indicator SET printed_score = 18 WHERE project_id = 'seed002' AND code = 'C11';
SELECT ok(EXISTS (SELECT FROM perfeval.findings WHERE project_id = 'seed002' AND code = 'C11' AND kind = 'printed_score'),
	'a printed 18 against a computed 17.1 is a finding');
UPDATE perfeval.project SET printed_total = 99.2 WHERE project_id = 'seed002';
SELECT is((SELECT detail FROM perfeval.findings WHERE project_id = 'seed002' AND kind = 'printed_total'),
	'报告总分99.2分，按指标计算应为99.1分（差-0.1分）', 'a printed total that does not add up is a finding');
UPDATE perfeval.project SET printed_grade = '良' WHERE project_id = 'seed003';
SELECT ok(EXISTS (SELECT FROM perfeval.findings WHERE project_id = 'seed003' AND kind = 'printed_grade'),
	'a printed grade of another band is a finding');
UPDATE perfeval.indicator SET weight = 9 WHERE project_id = 'seed003' AND code = 'C11';
SELECT is((SELECT detail FROM perfeval.findings WHERE project_id = 'seed003' AND kind = 'weights_total'),
	'三级指标权重合计101分，不等于100分', 'weights adding to 101 are a finding');
SELECT ok(EXISTS (SELECT FROM perfeval.findings WHERE project_id = 'seed003' AND code = 'C11' AND kind = 'printed_score'),
	'…and the printed 8 then disagrees with 9');
UPDATE perfeval.indicator SET weight = 8 WHERE project_id = 'seed003' AND code = 'C11';
UPDATE perfeval.checklist_point SET points = 1.5 WHERE project_id = 'seed003' AND code = 'A32' AND point_no = 2;
SELECT is((SELECT detail FROM perfeval.findings WHERE project_id = 'seed003' AND code = 'A32' AND kind = 'checklist_points'),
	'资金分配合理性：评价要点分值合计3.5分，不等于指标分值4分', 'checklist points not adding to the weight');
UPDATE perfeval.allocation SET spent = 31 WHERE project_id = 'seed000' AND department = '吐鲁番市工信局';
SELECT is((SELECT detail FROM perfeval.findings WHERE project_id = 'seed000' AND kind = 'spent_above_arrived'),
	'吐鲁番市工信局（市级）：全年执行31万元超过实际到位30万元', 'spent above arrived');
SELECT is((SELECT balance FROM perfeval.allocation_summary WHERE project_id = 'seed000' AND row_kind = '合计'),
	-1::numeric, '…and the balance goes negative');
INSERT INTO perfeval.allocation (project_id, department, fund_level, budget, arrived, spent)
VALUES ('seed000', '吐鲁番市统计局', '上年结转', 0, 0, 0);
SELECT ok(EXISTS (SELECT FROM perfeval.findings WHERE project_id = 'seed000' AND kind = 'zero_budget'),
	'a zero budget line');

-- A row that cannot be scored shows NULL and a finding; nothing else breaks.
UPDATE perfeval.actual SET tier = NULL, fraction = NULL WHERE project_id = 'seed003' AND code = 'D12';
SELECT is((SELECT score FROM perfeval.indicator_scores WHERE project_id = 'seed003' AND code = 'D12'), NULL::numeric,
	'a qualitative actual without a judgement scores NULL');
SELECT is((SELECT kind FROM perfeval.findings WHERE project_id = 'seed003' AND code = 'D12'), 'unjudged_qualitative',
	'…with an unjudged_qualitative finding');
SELECT is((SELECT score FROM perfeval.level1_scores WHERE project_id = 'seed003' AND level1 = '效益'), NULL::numeric,
	'…its level has no score rather than a partial one');
SELECT is((SELECT total FROM perfeval.project_scores WHERE project_id = 'seed003'), NULL::numeric, '…nor its project');
SELECT is((SELECT total FROM perfeval.project_scores WHERE project_id = 'seed002'), 99.1, '…while other projects still score');
SELECT is((SELECT count(*) FROM perfeval.rollup_region), 9::bigint, '…and the roll-ups still run');
UPDATE perfeval.actual SET tier = '部分达成', fraction = 85 WHERE project_id = 'seed003' AND code = 'D12';
SELECT ok(EXISTS (SELECT FROM perfeval.findings WHERE project_id = 'seed003' AND code = 'D12' AND kind = 'judgement_out_of_band'),
	'部分达成 at 85% (above 80) cannot be scored');
UPDATE perfeval.scheme SET tier_high = 90, tier_low = 50 WHERE scheme_id = 'national';
SELECT is((SELECT score FROM perfeval.indicator_scores WHERE project_id = 'seed003' AND code = 'D12'), 5.95,
	'…but is 7×85% = 5.95 under 90/50 tiers');
UPDATE perfeval.scheme SET tier_high = 80, tier_low = 60 WHERE scheme_id = 'national';
UPDATE perfeval.actual SET tier = '达成', fraction = 100 WHERE project_id = 'seed003' AND code = 'D12';
DELETE FROM perfeval.survey_response WHERE project_id = 'seed003';
SELECT is((SELECT kind FROM perfeval.findings WHERE project_id = 'seed003' AND code = 'D21'), 'missing_responses',
	'a survey without responses cannot be scored');
INSERT INTO perfeval.survey_response (project_id, code, option_no, option_label, respondents) VALUES
	('seed003', 'D21', 1, '非常满意', 10), ('seed003', 'D21', 2, '比较满意', 4), ('seed003', 'D21', 3, '一般满意', 1),
	('seed003', 'D21', 4, '较不满意', 0), ('seed003', 'D21', 5, '不满意', 0);
SELECT is((SELECT actual FROM perfeval.indicator_scores WHERE project_id = 'seed003' AND code = 'D21'), '92%',
	'satisfaction (10×1+4×0.8+1×0.6)÷15 = 92%');
SELECT is((SELECT score FROM perfeval.indicator_scores WHERE project_id = 'seed003' AND code = 'D21'), 14.53,
	'…15 × 92/95 = 14.526… rounds half-up to 14.53');
UPDATE perfeval.scheme SET rounding = 'truncate', decimals = 1 WHERE scheme_id = 'national';
SELECT is((SELECT score FROM perfeval.indicator_scores WHERE project_id = 'seed003' AND code = 'D21'), 14.5,
	'…and truncates to 14.5 under a one-decimal truncating scheme');
UPDATE perfeval.scheme SET rounding = 'half_up', decimals = 2 WHERE scheme_id = 'national';

-- Not applicable: left out, total rescaled to 100 over the rest.
UPDATE perfeval.indicator SET applicable = false WHERE project_id = 'seed002' AND code = 'A11';
SELECT is((SELECT total FROM perfeval.project_scores WHERE project_id = 'seed002'), 99.0,
	'seed 002 without its budget row: 89.1 × 100/90 = 99');
SELECT is((SELECT weight FROM perfeval.project_scores WHERE project_id = 'seed002'), 90::numeric,
	'…over the 90 points that apply');
SELECT is((SELECT explanation FROM perfeval.indicator_scores WHERE project_id = 'seed002' AND code = 'A11'),
	'不适用：不计分，项目总分按其余指标权重折算为100分', '…and the row says so');
SELECT is((SELECT count(*) FROM perfeval.findings WHERE project_id = 'seed002' AND code = 'A11'), 0::bigint,
	'…with no finding for the row left out');
UPDATE perfeval.indicator SET applicable = true WHERE project_id = 'seed002' AND code = 'A11';

-- Money-derived actuals follow allocation and the scheme's execution base.
UPDATE perfeval.allocation SET spent = 20 WHERE project_id = 'seed002';
SELECT is((SELECT score FROM perfeval.indicator_scores WHERE project_id = 'seed002' AND code = 'A11'), 8::numeric,
	'seed 002 spending 20 of 25: 执行率 80% scores 8 of 10');
UPDATE perfeval.allocation SET spent = 30, arrived = 30, budget = 25 WHERE project_id = 'seed002';
SELECT is((SELECT score FROM perfeval.indicator_scores WHERE project_id = 'seed002' AND code = 'A11'), 10::numeric,
	'执行率 120% is capped at 10');
UPDATE perfeval.allocation SET unit = '元', initial_budget = 250000, budget = 250000, arrived = 250000, spent = 200000
 WHERE project_id = 'seed002';
SELECT is((SELECT spent FROM perfeval.allocation_summary WHERE project_id = 'seed002' AND row_kind = '合计'), 20::numeric,
	'amounts in 元 are summarised in 万元');
-- A money indicator whose target is not a rate is refused at load time...
SELECT throws_ok(
	$$UPDATE perfeval.indicator SET target = '≥10家' WHERE project_id = 'seed002' AND code = 'A11'$$,
	'23514', NULL, 'an execution rate with a target of 10家 is refused');
SELECT throws_ok(
	$$UPDATE perfeval.indicator SET source = 'survey' WHERE project_id = 'seed001' AND code = 'C11'$$,
	'23514', NULL, '…as is a survey source for a target of =41家');
SAVEPOINT without_check;
SELECT lives_ok(
	$$UPDATE perfeval.indicator SET target = '95' WHERE project_id = 'seed002' AND code = 'A11'$$,
	'…while a bare 95 is taken as 95%');
-- ...and where one got in anyway (the check dropped, here, until the
-- savepoint is rolled back), that row has no score and a finding, while the
-- warehouse queries still run.
ALTER TABLE perfeval.indicator DROP CONSTRAINT indicator_rate_target_percent;
UPDATE perfeval.indicator SET target = '≥10家' WHERE project_id = 'seed002' AND code = 'A11';
SELECT is((SELECT score FROM perfeval.indicator_scores WHERE project_id = 'seed002' AND code = 'A11'), NULL::numeric,
	'an execution rate against a target of 10家 has no score');
SELECT is((SELECT completion FROM perfeval.indicator_scores WHERE project_id = 'seed002' AND code = 'A11'), NULL::numeric,
	'…and no completion');
SELECT is((SELECT detail FROM perfeval.findings WHERE project_id = 'seed002' AND code = 'A11' AND kind = 'incomparable_units'),
	'预算执行率：指标值≥10家与实际值80%单位不可比，无法计分', '…but an incomparable_units finding');
SELECT is((SELECT total FROM perfeval.project_scores WHERE project_id = 'seed002'), NULL::numeric,
	'…its project has no total');
SELECT results_eq($$SELECT project_id FROM perfeval.project_scores WHERE total IS NOT NULL ORDER BY 1$$,
	$$VALUES ('seed001'), ('seed003')$$, '…and the other projects with indicators still score');
ROLLBACK TO SAVEPOINT without_check;
SELECT ok(EXISTS (SELECT FROM pg_constraint WHERE conname = 'indicator_rate_target_percent')
		  AND (SELECT target::text FROM perfeval.indicator WHERE project_id = 'seed002' AND code = 'A11') = '=100%',
	'the check and the target are back');

-- Actuals as dated facts: the latest counts, earlier dates stay queryable.
INSERT INTO perfeval.actual (project_id, code, reported_on, measure)
VALUES ('seed003', 'C11', '2023-09-30', '0家');
SELECT is((SELECT score FROM perfeval.indicator_scores WHERE project_id = 'seed003' AND code = 'C11'), 8::numeric,
	'the latest actual (1家, 2024-06-25) scores');
SELECT is((SELECT score FROM perfeval.indicator_scores_as_of('2023-12-31') WHERE project_id = 'seed003' AND code = 'C11'),
	0::numeric, 'as of 2023-12-31 the monitoring figure 0家 scores 0');
SELECT is((SELECT count(*) FROM perfeval.indicator_scores_as_of('2023-01-01') WHERE project_id = 'seed003' AND problem = 'missing_actual'),
	6::bigint, 'before any report the six actual-based indicators have no actual');
SELECT is((SELECT total FROM perfeval.project_scores_as_of('2024-12-31') WHERE project_id = 'seed001'), 100::numeric,
	'project_scores_as_of gives the total on a date');
SELECT is((SELECT measure FROM perfeval.latest_actual WHERE project_id = 'seed003' AND code = 'C11'), '1家',
	'latest_actual shows the latest');

-- Refused at load time, with nothing of the failed statement kept.
SELECT throws_ok(
	$$INSERT INTO perfeval.indicator (project_id, code, level1, level2, name, weight)
	  VALUES ('seed003', 'X1', '产出', '数量', 'ok', 1), ('seed003', 'X2', '产出', '数量', 'bad', 0)$$,
	'23514', NULL, 'a weight of 0 is refused');
SELECT is((SELECT count(*) FROM perfeval.indicator WHERE project_id = 'seed003' AND code LIKE 'X%'), 0::bigint,
	'…and the good row of the same statement is not kept');
SELECT throws_ok(
	$$UPDATE perfeval.checklist_point SET deduction = 0.6 WHERE project_id = 'seed003' AND code = 'A11' AND point_no = 1$$,
	'23514', NULL, 'a deduction above its point''s 0.5 is refused');
SELECT throws_ok(
	$$INSERT INTO perfeval.allocation (project_id, department, fund_level, unit, budget) VALUES ('seed003', 'x', '市级', '美元', 1)$$,
	'23514', NULL, 'an unknown money unit is refused');
SELECT throws_ok(
	$$INSERT INTO perfeval.actual (project_id, code, reported_on, measure) VALUES ('seed003', 'C41', '2024-07-01', '3家')$$,
	'22023', 'actual "3家" of indicator C41 cannot be compared with its target "≤1000万元/家"', 'an actual in 家 against a target in 万元/家 is refused');
SELECT throws_ok(
	$$INSERT INTO perfeval.actual (project_id, code, reported_on, tier, fraction) VALUES ('seed003', 'C11', '2024-07-01', '达成', 101)$$,
	'23514', NULL, 'a judged fraction above 100% is refused');
SELECT throws_ok(
	$$INSERT INTO perfeval.project (project_id, name, year, division_code, department, evaluation_kind)
	  VALUES ('bad', 'x', 2024, '65010', 'x', '单位自评')$$,
	'23514', NULL, 'a division code that is not 6 digits is refused');

CREATE FUNCTION pg_temp.grant_select(v text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE format('GRANT SELECT ON perfeval.%I TO perfeval_viewer_test', v);
END $$;
CREATE FUNCTION pg_temp.unreadable_views() RETURNS text[] LANGUAGE plpgsql AS $$
DECLARE
	v text;
	n bigint;
	bad text[] := '{}';
BEGIN
	FOR v IN SELECT c.relname FROM pg_class c
			  WHERE c.relnamespace = 'perfeval'::regnamespace AND c.relkind = 'v' ORDER BY 1 LOOP
		BEGIN
			EXECUTE format('SELECT count(*) FROM perfeval.%I', v) INTO n;
		EXCEPTION WHEN insufficient_privilege THEN
			bad := bad || v;
		END;
	END LOOP;
	RETURN bad;
END $$;

-- The read contract: plain column types, comments, and rows pg_dump keeps.
SELECT is((SELECT count(*) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
			JOIN pg_type t ON t.oid = a.atttypid
		   WHERE c.relnamespace = 'perfeval'::regnamespace AND c.relkind = 'v' AND a.attnum > 0
			 AND t.typnamespace = 'perfeval'::regnamespace), 0::bigint,
	'no view column has a perfeval type');
SELECT is((SELECT count(*) FROM pg_class c WHERE c.relnamespace = 'perfeval'::regnamespace
			 AND c.relkind IN ('r', 'v') AND obj_description(c.oid, 'pg_class') IS NULL), 0::bigint,
	'every table and view has a comment');
SELECT is((SELECT count(*) FROM pg_class c WHERE c.relnamespace = 'perfeval'::regnamespace
			 AND c.relkind IN ('r', 'v') AND obj_description(c.oid, 'pg_class') !~ ' / '), 0::bigint,
	'…in Chinese and English');
SELECT is((SELECT count(*) FROM pg_depend d
			WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
			  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'perfeval')
			  AND coalesce(obj_description(d.objid, (SELECT relname FROM pg_class WHERE oid = d.classid)), '') !~ '[一-鿿].* / [A-Za-z]'
			  -- (but what comes with another object, a type's array type and a
			  -- table's or view's row type: members of the extension too since 17)
			  AND NOT EXISTS (SELECT FROM pg_type t LEFT JOIN pg_class r ON r.oid = t.typrelid
							  WHERE d.classid = 'pg_type'::regclass AND t.oid = d.objid
								AND (EXISTS (SELECT FROM pg_type e WHERE e.typarray = t.oid) OR r.relkind <> 'c'))),
	0::bigint, 'every object of the extension (types, functions, operators, schemas…) has a comment in Chinese and English');
SELECT is((SELECT count(*) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
			WHERE c.relnamespace IN ('perfeval'::regnamespace, 'perfeval_internal'::regnamespace)
			  AND c.relkind IN ('r', 'v') AND a.attnum > 0 AND NOT a.attisdropped
			  AND coalesce(col_description(c.oid, a.attnum), '') !~ ' / '),
	0::bigint, 'every column of every table and view has one too');
SELECT set_eq(
	$$SELECT c FROM (SELECT unnest(extconfig)::regclass::text AS c FROM pg_extension WHERE extname = 'perfeval') x
	   WHERE c LIKE 'perfeval.%'$$,
	$$SELECT 'perfeval.' || relname FROM pg_class WHERE relnamespace = 'perfeval'::regnamespace AND relkind = 'r'$$,
	'every table is registered with pg_extension_config_dump');
SELECT is((SELECT c FROM pg_extension, unnest(extconfig, extcondition) AS u(t, c)
			WHERE extname = 'perfeval' AND t = 'perfeval.scheme'::regclass), '',
	'every scheme is dumped, the built-in one included (its settings survive a restore)');

-- A role granted SELECT on the views alone reads every one of them (1.2
-- refused 9 of 11: they were calls of SQL functions over the tables).
CREATE ROLE perfeval_viewer_test;
GRANT USAGE ON SCHEMA perfeval TO perfeval_viewer_test;
SELECT ok((SELECT count(*) FROM (SELECT pg_temp.grant_select(c.relname) FROM pg_class c
							  WHERE c.relnamespace = 'perfeval'::regnamespace AND c.relkind = 'v') g) > 10,
	'a test role is granted SELECT on every view, and on nothing else');
SET ROLE perfeval_viewer_test;
-- (Except the staging views: since 1.8 they read as their caller, whose
-- own staged rows they show; a role needs the staging tables for them,
-- which grant_access() gives loaders.)
SELECT is(pg_temp.unreadable_views(), '{form_checklist,form_goal,form_indicator,form_monitor,form_monitor_money,form_project,form_survey,staged_lines}'::text[],
	'a role granted SELECT on the views alone reads every view but the staging views');
SELECT throws_ok($$SELECT count(*) FROM perfeval.indicator$$, '42501', NULL, '…and not the tables under them');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
