-- Seed 002: /work/shared/seeds/002_413624b6244a8c00.txt
-- 曲沃县 小升规企业奖励资金项目 单位自评 (2021), 附件1 项目支出绩效自评表.
-- The report prints no indicator codes (assigned here in table order), no
-- department name (the unit calls itself 我中心: '未载明') and no grade bands
-- (the national ones apply).  Its budget table divides execution by 全年预算,
-- row (7)=(4)/(2): scheme quwo_self_2021.  The budget row scores from money.
-- 经济效益增长 has a qualitative target; the unit judged it 95% (达成).

INSERT INTO perfeval.division (code, name) VALUES
	('140000', '山西省'), ('141000', '临汾市'), ('141021', '曲沃县')
ON CONFLICT (code) DO NOTHING;

INSERT INTO perfeval.scheme (scheme_id, name, execution_base)
VALUES ('quwo_self_2021', '曲沃县2021年单位自评（执行率以全年预算为分母）', 'budget');

INSERT INTO perfeval.project (project_id, name, year, division_code, department,
		implementing_unit, evaluation_kind, scheme_id, printed_total, printed_grade, source)
VALUES ('seed002', '小升规企业奖励资金项目', 2021, '141021', '未载明', NULL,
		'单位自评', 'quwo_self_2021', 99.1, '优秀', '002_413624b6244a8c00.txt');

-- 预算执行情况: 县区级 25万元 in rows (1) to (4).
INSERT INTO perfeval.allocation (project_id, department, fund_level, unit,
		initial_budget, budget, arrived, spent)
VALUES ('seed002', '未载明', '县区级', '万元', 25, 25, 25, 25);

INSERT INTO perfeval.indicator (project_id, code, seq, level1, level2, name, weight,
		target, source, printed_score) VALUES
	('seed002', 'A11', 1, '预算执行指标', '预算执行指标', '预算执行率', 10, '100%', 'execution_rate', 10),
	('seed002', 'B11', 2, '产出指标', '数量指标', '申报企业达标数', 18, '5', 'actual', 18),
	('seed002', 'B21', 3, '产出指标', '质量指标', '达标合格率', 18, '95', 'actual', 18),
	('seed002', 'B31', 4, '产出指标', '时效指标', '资金拨付及时率%', 18, '100', 'actual', 18),
	('seed002', 'C11', 5, '效益指标', '经济效益', '经济效益增长', 18, '增长较大', 'actual', 17.1),
	('seed002', 'D11', 6, '满意度指标', '服务对象满意度指标', '群众满意度', 18, '95', 'actual', 18);

INSERT INTO perfeval.actual (project_id, code, reported_on, measure, tier, fraction, deviation_note) VALUES
	('seed002', 'B11', '2021-12-31', '5家', NULL, NULL, NULL),
	('seed002', 'B21', '2021-12-31', '100%', NULL, NULL, '所奖励企业已全部达标'),
	('seed002', 'B31', '2021-12-31', '100%', NULL, NULL, NULL),
	('seed002', 'C11', '2021-12-31', '95%', '达成', 95, '奖励企业的营业收入有所增加'),
	('seed002', 'D11', '2021-12-31', '95%', NULL, NULL, NULL);
