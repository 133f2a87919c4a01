-- Seed 000: /work/shared/seeds/000_b830a57b9ebbd249.txt
-- 2024年吐鲁番市“转企升规”企业奖励资金项目绩效评价报告.
-- The report prints a total (97.80, 优) but no indicator table, so only the
-- project and its money are transcribed; the total stays unverified.
-- Money (二、（二）预算执行情况): 148万元 split 工信局30, 商务局86, 统计局20,
-- 交通局12, all paid out by 2024-12-31 (预算执行率100%).  The money is
-- municipal (存量资金调剂); 年初预算 is not printed (NULL).

INSERT INTO perfeval.division (code, name) VALUES
	('650000', '新疆维吾尔自治区'), ('650400', '吐鲁番市')
ON CONFLICT (code) DO NOTHING;

INSERT INTO perfeval.project (project_id, name, year, division_code, department,
		implementing_unit, evaluation_kind, scheme_id, printed_total, printed_grade, source)
VALUES ('seed000', '2024年吐鲁番市“转企升规”企业奖励资金项目', 2024, '650400',
		'吐鲁番市统计局', '吐鲁番市统计局', '第三方', 'national', 97.80, '优',
		'000_b830a57b9ebbd249.txt');

INSERT INTO perfeval.allocation (project_id, department, fund_level, unit,
		initial_budget, budget, arrived, spent) VALUES
	('seed000', '吐鲁番市工信局', '市级', '万元', NULL, 30, 30, 30),
	('seed000', '吐鲁番市商务局', '市级', '万元', NULL, 86, 86, 86),
	('seed000', '吐鲁番市统计局', '市级', '万元', NULL, 20, 20, 20),
	('seed000', '吐鲁番市交通局', '市级', '万元', NULL, 12, 12, 12);
