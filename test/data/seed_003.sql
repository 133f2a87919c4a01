-- Seed 003: /work/shared/seeds/003_6bb412abf47b9541.txt
-- 库尔勒市2023年支持产业发展专项资金项目绩效评价报告 (第三方, 2024-06-25).
-- Indicators and checklist points: 表2-1, 表2-2, 表4-1..4-4 and 附件1.
-- Bands 90/80/60 (表2-3) are the national ones.  Deductions: A12 ③ 0.3
-- (未进行事前绩效评估), B21 ① 1.5.  D21 from the survey (附件4): 15 of 15
-- 非常满意.  D11 and D12 are judged from the survey: all respondents report
-- 效果显著 (达成, 100%).

INSERT INTO perfeval.division (code, name) VALUES
	('650000', '新疆维吾尔自治区'), ('652800', '巴音郭楞蒙古自治州'), ('652801', '库尔勒市')
ON CONFLICT (code) DO NOTHING;

INSERT INTO perfeval.project (project_id, name, year, division_code, department,
		implementing_unit, evaluation_kind, scheme_id, printed_total, printed_grade, source)
VALUES ('seed003', '库尔勒市2023年支持产业发展专项资金项目', 2023, '652801',
		'库尔勒上库综合产业园区管理委员会', '库尔勒上库综合产业园区管理委员会', '第三方',
		'national', 98.2, '优', '003_6bb412abf47b9541.txt');

-- 年初预算0.00万元，年中追加1000.00万元，市级；到位1000.00，支出1000.00.
INSERT INTO perfeval.allocation (project_id, department, fund_level, unit,
		initial_budget, budget, arrived, spent)
VALUES ('seed003', '库尔勒上库综合产业园区管理委员会', '市级', '万元', 0, 1000, 1000, 1000);

INSERT INTO perfeval.indicator (project_id, code, seq, level1, level2, name, weight,
		target, source, printed_score) VALUES
	('seed003', 'A11', 1, '决策', '项目立项', '立项依据充分性', 2, NULL, 'checklist', 2),
	('seed003', 'A12', 2, '决策', '项目立项', '立项程序规范性', 2, NULL, 'checklist', 1.7),
	('seed003', 'A21', 3, '决策', '绩效目标', '绩效目标合理性', 2, NULL, 'checklist', 2),
	('seed003', 'A22', 4, '决策', '绩效目标', '绩效指标明确性', 2, NULL, 'checklist', 2),
	('seed003', 'A31', 5, '决策', '资金投入', '预算编制科学性', 3, NULL, 'checklist', 3),
	('seed003', 'A32', 6, '决策', '资金投入', '资金分配合理性', 4, NULL, 'checklist', 4),
	('seed003', 'B11', 7, '过程', '资金管理', '资金到位率', 5, NULL, 'arrival_rate', 5),
	('seed003', 'B12', 8, '过程', '资金管理', '预算执行率', 6, NULL, 'execution_rate', 6),
	('seed003', 'B13', 9, '过程', '资金管理', '资金使用合规性', 5, NULL, 'checklist', 5),
	('seed003', 'B21', 10, '过程', '组织实施', '管理制度健全性', 5, NULL, 'checklist', 3.5),
	('seed003', 'B22', 11, '过程', '组织实施', '制度执行有效性', 4, NULL, 'checklist', 4),
	('seed003', 'C11', 12, '产出', '产出数量', '支持企业发展数量', 8, '≥1家', 'actual', 8),
	('seed003', 'C21', 13, '产出', '产出质量', '产业发展资金使用合规率', 8, '=100%', 'actual', 8),
	('seed003', 'C31', 14, '产出', '产出时效', '资金支付及时率', 7, '=100%', 'actual', 7),
	('seed003', 'C41', 15, '产出', '产出成本', '支持企业发展资金费用成本', 7, '≤1000万元/家', 'actual', 7),
	('seed003', 'D11', 16, '效益', '项目效益', '加快城市劳动密集型产业发展', 8, '有效加快', 'actual', 8),
	('seed003', 'D12', 17, '效益', '项目效益', '扩大产业园规模', 7, '有效促进', 'actual', 7),
	('seed003', 'D21', 18, '效益', '满意度', '受益企业满意度', 15, '≥95%', 'survey', 15);

INSERT INTO perfeval.actual (project_id, code, reported_on, measure, tier, fraction, deviation_note) VALUES
	('seed003', 'C11', '2024-06-25', '1家', NULL, NULL, NULL),
	('seed003', 'C21', '2024-06-25', '100%', NULL, NULL, NULL),
	('seed003', 'C31', '2024-06-25', '100%', NULL, NULL, NULL),
	('seed003', 'C41', '2024-06-25', '1000万元/家', NULL, NULL, NULL),
	('seed003', 'D11', '2024-06-25', '有效加快', '达成', 100, NULL),
	('seed003', 'D12', '2024-06-25', '有效扩大', '达成', 100, NULL);

INSERT INTO perfeval.checklist_point (project_id, code, point_no, description, points, deduction, reason) VALUES
	('seed003', 'A11', 1, '项目立项是否符合国家法律法规、国民经济发展规划和相关政策', 0.5, 0, NULL),
	('seed003', 'A11', 2, '项目立项是否符合行业发展规划和政策要求', 0.5, 0, NULL),
	('seed003', 'A11', 3, '项目立项是否与部门职责范围相符，属于部门履职所需', 0.5, 0, NULL),
	('seed003', 'A11', 4, '项目是否属于公共财政支持范围', 0.5, 0, NULL),
	('seed003', 'A12', 1, '项目是否按照规定的程序申请设立', 0.5, 0, NULL),
	('seed003', 'A12', 2, '审批文件、材料是否符合相关要求', 0.5, 0, NULL),
	('seed003', 'A12', 3, '事前是否已经过必要的可行性研究、风险评估、绩效评估', 1, 0.3, '未进行事前绩效评估'),
	('seed003', 'A21', 1, '项目是否有绩效目标', 1, 0, NULL),
	('seed003', 'A21', 2, '项目绩效目标与实际工作内容是否具有相关性', 0.5, 0, NULL),
	('seed003', 'A21', 3, '是否与预算确定的项目投资额或资金量相匹配', 0.5, 0, NULL),
	('seed003', 'A22', 1, '是否将项目绩效目标细化分解为具体的绩效指标', 1, 0, NULL),
	('seed003', 'A22', 2, '是否通过清晰、可衡量的指标值予以体现', 1, 0, NULL),
	('seed003', 'A31', 1, '预算编制是否经过科学论证', 1, 0, NULL),
	('seed003', 'A31', 2, '预算内容与项目内容是否匹配', 1, 0, NULL),
	('seed003', 'A31', 3, '预算确定的项目投资额或资金量是否与工作任务相匹配', 1, 0, NULL),
	('seed003', 'A32', 1, '预算资金分配依据是否充分', 2, 0, NULL),
	('seed003', 'A32', 2, '资金分配额度是否合理，与项目单位或地方实际是否相适应', 2, 0, NULL),
	('seed003', 'B13', 1, '是否符合国家财经法规和财务管理制度以及有关专项资金管理办法的规定', 2, 0, NULL),
	('seed003', 'B13', 2, '资金的拨付是否有完整的审批程序和手续', 1, 0, NULL),
	('seed003', 'B13', 3, '是否符合项目预算批复或合同规定的用途', 1, 0, NULL),
	('seed003', 'B13', 4, '是否存在截留、挤占、挪用、虚列支出等情况', 1, 0, NULL),
	('seed003', 'B21', 1, '是否已制定或具有相应的财务和业务管理制度', 2, 1.5,
	 '项目单位未针对该项目制定相关的项目和财务制度，未制定项目实施方案'),
	('seed003', 'B21', 2, '财务和业务管理制度是否合法、合规、完整', 3, 0, NULL),
	('seed003', 'B22', 1, '是否遵守相关法律法规和相关管理规定', 2, 0, NULL),
	('seed003', 'B22', 2, '项目实施的人员条件、场地设备、信息支撑等是否落实到位', 1, 0, NULL),
	('seed003', 'B22', 3, '项目立项依据、实施方案、财务信息等资料是否齐全并及时归档', 1, 0, NULL);

-- 附件4 满意度问卷: 非常满意15, 比较满意0, 一般满意0, 较不满意0, 不满意0;
-- coefficients 1.0/0.8/0.6/0.3/0.0 (the scheme's).
INSERT INTO perfeval.survey_response (project_id, code, option_no, option_label, respondents) VALUES
	('seed003', 'D21', 1, '非常满意', 15),
	('seed003', 'D21', 2, '比较满意', 0),
	('seed003', 'D21', 3, '一般满意', 0),
	('seed003', 'D21', 4, '较不满意', 0),
	('seed003', 'D21', 5, '不满意', 0);
