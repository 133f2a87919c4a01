-- Seed 001: /work/shared/seeds/001_9d4f6a4fcf01e119.txt
-- 2023年度“小升规”专项奖补资金项目（乌鲁木齐市，2024年）.
-- Indicator table: 三、（一） 各部分权重和绩效分值; scores from 四、绩效评价指标分析.
-- The report prints no indicator codes: A11..E11 are assigned here in table
-- order.  Printed scores are those of the summary table, which shows 3 for
-- 立项依据充分性 and 立项程序规范性 where the text (四、（一）1) gives 4 each;
-- the warehouse must flag both.  Grade bands from footnote ②: 90/80/70.
-- The 评价要点 of the checklist indicators carry no points in this report
-- (points NULL) and nothing is deducted.

INSERT INTO perfeval.division (code, name) VALUES
	('650000', '新疆维吾尔自治区'), ('650100', '乌鲁木齐市')
ON CONFLICT (code) DO NOTHING;

INSERT INTO perfeval.scheme (scheme_id, name, grade_scale)
VALUES ('urumqi_2024', '乌鲁木齐市2024年部门评价（中级自70分起）', '优:90,良:80,中:70,差:0');

INSERT INTO perfeval.project (project_id, name, year, division_code, department,
		implementing_unit, evaluation_kind, scheme_id, printed_total, printed_grade, source)
VALUES ('seed001', '2023年度“小升规”专项奖补资金项目', 2024, '650100',
		'乌鲁木齐市工业和信息化局', '乌鲁木齐市工业和信息化局', '部门评价', 'urumqi_2024',
		100, '优秀', '001_9d4f6a4fcf01e119.txt');

-- 410万元 市本级 mid-year budget, arrived and paid to 41 firms on 2024-08-08.
INSERT INTO perfeval.allocation (project_id, department, fund_level, unit,
		initial_budget, budget, arrived, spent)
VALUES ('seed001', '乌鲁木齐市工业和信息化局', '市级', '万元', NULL, 410, 410, 410);

INSERT INTO perfeval.indicator (project_id, code, seq, level1, level2, name, weight,
		target, source, printed_score) VALUES
	('seed001', 'A11', 1, '决策', '项目立项', '立项依据充分性', 4, NULL, 'checklist', 3),
	('seed001', 'A12', 2, '决策', '项目立项', '立项程序规范性', 4, NULL, 'checklist', 3),
	('seed001', 'A21', 3, '决策', '绩效目标', '绩效目标合理性', 3, NULL, 'checklist', 3),
	('seed001', 'A22', 4, '决策', '绩效目标', '绩效指标明确性', 3, NULL, 'checklist', 3),
	('seed001', 'A31', 5, '决策', '资金投入', '预算编制科学性', 3, NULL, 'checklist', 3),
	('seed001', 'A32', 6, '决策', '资金投入', '资金分配合理性', 3, NULL, 'checklist', 3),
	('seed001', 'B11', 7, '过程', '资金管理', '资金到位率', 5, NULL, 'arrival_rate', 5),
	('seed001', 'B12', 8, '过程', '资金管理', '预算执行率', 5, NULL, 'execution_rate', 5),
	('seed001', 'B13', 9, '过程', '资金管理', '资金使用合规性', 3, NULL, 'checklist', 3),
	('seed001', 'B21', 10, '过程', '组织实施', '管理制度健全性', 3, NULL, 'checklist', 3),
	('seed001', 'B22', 11, '过程', '组织实施', '制度执行有效性', 4, NULL, 'checklist', 4),
	('seed001', 'C11', 12, '产出', '数量指标', '“小升规”专项奖补企业数量', 10, '=41家', 'actual', 10),
	('seed001', 'C12', 13, '产出', '数量指标', '“小升规”企业年营业收入', 10, '≥2000万元/家', 'actual', 10),
	('seed001', 'C21', 14, '产出', '质量指标', '资金使用合规率', 10, '=100%', 'actual', 10),
	('seed001', 'C31', 15, '产出', '时效指标', '资金拨付及时率', 10, '=100%', 'actual', 10),
	('seed001', 'C41', 16, '产出', '成本指标', '“小升规”企业奖补资金', 10, '=10万元/家', 'actual', 10),
	('seed001', 'D11', 17, '效益', '社会效益指标', '规模以上工业企业数量稳步增长', 5, '稳步增长', 'actual', 5),
	('seed001', 'E11', 18, '满意度指标完成情况分析', '满意度指标', '奖补企业满意度', 5, '≥90%', 'actual', 5);

INSERT INTO perfeval.actual (project_id, code, reported_on, measure, tier, fraction, deviation_note) VALUES
	('seed001', 'C11', '2024-12-31', '41家', NULL, NULL, NULL),
	('seed001', 'C12', '2024-12-31', '57111万元/家', NULL, NULL,
	 '一是工业企业“小升规”的核心标准为主营业务收入≥2000万元，绩效目标对应国家统计标准，未设置营收上限，企业间规模存在自然差异属正常市场现象；二是中国石油天然气股份有限公司天然气销售新疆分公司、新疆新捷能源有限公司由商业企业库转入工业，营业收入合计占升规企业营收约87%，较大程度拉动升规企业平均营业收入。'),
	('seed001', 'C21', '2024-12-31', '100%', NULL, NULL, NULL),
	('seed001', 'C31', '2024-12-31', '100%', NULL, NULL, NULL),
	('seed001', 'C41', '2024-12-31', '10万元/家', NULL, NULL, NULL),
	('seed001', 'D11', '2024-12-31', '完全达到预期目标', '达成', 100, NULL),
	('seed001', 'E11', '2024-12-31', '100%', NULL, NULL,
	 '满意度指标≥90%是基于满意度评价选项不同比例设定，而实际企业满意度评价均为“满意”选项，满意度达100%，使得两者出现偏差。');

-- 评价要点 as printed in the indicator system (二、（二）2), without points.
INSERT INTO perfeval.checklist_point (project_id, code, point_no, description) VALUES
	('seed001', 'A11', 1, '项目立项是否符合国家法律法规、国民经济发展规划和相关政策'),
	('seed001', 'A11', 2, '项目立项是否符合行业发展规划和政策要求'),
	('seed001', 'A11', 3, '项目立项是否与部门职责范围相符，属于部门履职所需'),
	('seed001', 'A11', 4, '项目是否属于公共财政支持范围，是否符合中央、地方事权支出责任划分原则'),
	('seed001', 'A11', 5, '项目是否与相关部门同类项目或部门内部相关项目重复'),
	('seed001', 'A12', 1, '项目是否按照规定的程序申请设立'),
	('seed001', 'A12', 2, '审批文件、材料是否符合相关要求'),
	('seed001', 'A12', 3, '事前是否已经过必要的可行性研究、专家论证、风险评估、绩效评估、集体决策'),
	('seed001', 'A21', 1, '项目是否有绩效目标'),
	('seed001', 'A21', 2, '项目绩效目标与实际工作内容是否具有相关性'),
	('seed001', 'A21', 3, '项目预期产出效益和效果是否符合正常的业绩水平'),
	('seed001', 'A21', 4, '是否与预算确定的项目投资额或资金量相匹配'),
	('seed001', 'A22', 1, '是否将项目绩效目标细化分解为具体的绩效指标'),
	('seed001', 'A22', 2, '是否通过清晰、可衡量的指标值予以体现'),
	('seed001', 'A22', 3, '是否与项目目标任务数或计划数相对应'),
	('seed001', 'A31', 1, '预算编制是否经过科学论证'),
	('seed001', 'A31', 2, '预算内容与项目内容是否匹配'),
	('seed001', 'A31', 3, '预算额度测算依据是否充分，是否按照标准编制'),
	('seed001', 'A31', 4, '预算确定的项目投资额或资金量是否与工作任务相匹配'),
	('seed001', 'A32', 1, '预算资金分配依据是否充分'),
	('seed001', 'A32', 2, '资金分配额度是否合理，与项目单位或地方实际是否相适应'),
	('seed001', 'B13', 1, '是否符合国家财经法规和财务管理制度以及有关专项资金管理办法的规定'),
	('seed001', 'B13', 2, '资金的拨付是否有完整的审批程序和手续'),
	('seed001', 'B13', 3, '是否符合项目预算批复或合同规定的用途'),
	('seed001', 'B13', 4, '是否存在截留、挤占、挪用、虚列支出等情况'),
	('seed001', 'B21', 1, '是否已制定或具有相应的财务和业务管理制度'),
	('seed001', 'B21', 2, '财务和业务管理制度是否合法、合规、完整'),
	('seed001', 'B22', 1, '是否遵守相关法律法规和相关管理规定'),
	('seed001', 'B22', 2, '项目调整及支出调整手续是否完备'),
	('seed001', 'B22', 3, '项目合同书、验收报告、技术鉴定等资料是否齐全并及时归档'),
	('seed001', 'B22', 4, '项目实施的人员条件、场地设备、信息支撑等是否落实到位');
