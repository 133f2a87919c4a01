-- bench/gen.sql: fill a year of a provincial warehouse, deterministically.
--
--   psql -v n=100000 -f bench/gen.sql      (in a database with CREATE EXTENSION perfeval)
--
-- Every value is a function of the row number through hashint8() (no
-- random()), so two runs with the same n give the same rows.  The rows are
-- generated once, as written in reports (text), into schema peer -- the
-- text-only tables the peers read -- and then cast into perfeval's typed
-- tables with INSERT ... SELECT.  Per project: 20 level-3 indicators (weights
-- 100), about 17 actuals (a third of the indicators reported twice), 10
-- checklist points, 5 survey options, 1-4 allocation lines.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
SET max_parallel_workers_per_gather = 2;
SET maintenance_work_mem = '1GB';
-- the peers' rows are consistent by construction: skip their per-row FK
-- checks while filling.  perfeval's tables are loaded with every trigger on
-- (foreign keys, the unit check and the kept state), as an ETL job loads them.
SET session_replication_role = replica;

DROP SCHEMA IF EXISTS peer CASCADE;
CREATE SCHEMA peer;

-- h(i, salt, m): a deterministic pseudo-random integer in [0, m).
CREATE FUNCTION peer.h(i bigint, salt int, m int) RETURNS int
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN ((hashint8(i * 1021 + salt) & 2147483647) % m)::int;

-- Schemes, text-only: what an analyst's table would hold.
CREATE TABLE peer.scheme (
	scheme_id text PRIMARY KEY,
	grade_scale text NOT NULL,
	g1 text, t1 numeric, g2 text, t2 numeric, g3 text, t3 numeric, g4 text,
	decimals int NOT NULL,
	rounding text NOT NULL,
	execution_base text NOT NULL,
	reverse_rule text NOT NULL,
	tier_high numeric NOT NULL,
	tier_low numeric NOT NULL,
	satisfaction_coefficients numeric[] NOT NULL
);
INSERT INTO peer.scheme VALUES
	('national', '优:90,良:80,中:60,差:0', '优', 90, '良', 80, '中', 60, '差',
	 2, 'half_up', 'arrived', 'ratio', 80, 60, '{1,0.8,0.6,0.3,0}'),
	('xj_linear', '优:90,良:80,中:70,差:0', '优', 90, '良', 80, '中', 70, '差',
	 1, 'truncate', 'budget', 'linear', 80, 50, '{1,0.8,0.6,0.3,0}'),
	('self_eval', '优:80,良:70,中:60,差:0', '优', 80, '良', 70, '中', 60, '差',
	 2, 'half_up', 'arrived', 'ratio', 80, 60, '{1,0.8,0.6,0.4,0}');

-- A province (新疆, 65) with its prefectures and counties.
CREATE TABLE peer.division (rn int PRIMARY KEY, code text NOT NULL, name text NOT NULL);
INSERT INTO peer.division (rn, code, name)
SELECT row_number() OVER (ORDER BY code)::int, code, name
  FROM (SELECT '650000' AS code, '新疆维吾尔自治区' AS name
		UNION ALL
		SELECT pf.code, pf.name
		  FROM (VALUES ('650100', '乌鲁木齐市', 7), ('650200', '克拉玛依市', 4),
					   ('650400', '吐鲁番市', 3), ('650500', '哈密市', 3),
					   ('652300', '昌吉回族自治州', 7), ('652700', '博尔塔拉蒙古自治州', 4),
					   ('652800', '巴音郭楞蒙古自治州', 9), ('652900', '阿克苏地区', 9),
					   ('653000', '克孜勒苏柯尔克孜自治州', 4), ('653100', '喀什地区', 12),
					   ('653200', '和田地区', 8), ('654000', '伊犁哈萨克自治州', 11),
					   ('654200', '塔城地区', 7), ('654300', '阿勒泰地区', 7)) pf(code, name, counties)
		UNION ALL
		SELECT left(pf.code, 4) || lpad(k::text, 2, '0'), pf.name || '第' || k || '县（市、区）'
		  FROM (VALUES ('650100', '乌鲁木齐市', 7), ('650200', '克拉玛依市', 4),
					   ('650400', '吐鲁番市', 3), ('650500', '哈密市', 3),
					   ('652300', '昌吉回族自治州', 7), ('652700', '博尔塔拉蒙古自治州', 4),
					   ('652800', '巴音郭楞蒙古自治州', 9), ('652900', '阿克苏地区', 9),
					   ('653000', '克孜勒苏柯尔克孜自治州', 4), ('653100', '喀什地区', 12),
					   ('653200', '和田地区', 8), ('654000', '伊犁哈萨克自治州', 11),
					   ('654200', '塔城地区', 7), ('654300', '阿勒泰地区', 7)) pf(code, name, counties)
		 CROSS JOIN generate_series(1, pf.counties) k) d;

CREATE TABLE peer.project (
	project_id text PRIMARY KEY,
	name text NOT NULL,
	year int NOT NULL,
	division_code text NOT NULL,
	department text NOT NULL,
	evaluation_kind text NOT NULL,
	scheme_id text NOT NULL,
	printed_total numeric,
	printed_grade text
);

CREATE TABLE peer.allocation (
	project_id text NOT NULL,
	department text NOT NULL,
	fund_level text NOT NULL,
	unit text NOT NULL,
	initial_budget numeric, budget numeric, arrived numeric, spent numeric,
	PRIMARY KEY (project_id, department, fund_level)
);

CREATE TABLE peer.indicator (
	project_id text NOT NULL,
	code text NOT NULL,
	seq int,
	level1 text NOT NULL,
	level2 text NOT NULL,
	name text NOT NULL,
	weight numeric NOT NULL,
	target text,
	method text NOT NULL,
	source text NOT NULL,
	applicable boolean NOT NULL,
	PRIMARY KEY (project_id, code)
);

CREATE TABLE peer.actual (
	project_id text NOT NULL,
	code text NOT NULL,
	reported_on date NOT NULL,
	measure text,
	tier text,
	fraction numeric,
	deviation_note text,
	PRIMARY KEY (project_id, code, reported_on)
);

CREATE TABLE peer.checklist_point (
	project_id text NOT NULL,
	code text NOT NULL,
	point_no int NOT NULL,
	description text NOT NULL,
	points numeric,
	deduction numeric NOT NULL,
	reason text,
	PRIMARY KEY (project_id, code, point_no)
);

CREATE TABLE peer.survey_response (
	project_id text NOT NULL,
	code text NOT NULL,
	option_no int NOT NULL,
	option_label text NOT NULL,
	respondents int NOT NULL,
	coefficient numeric,
	PRIMARY KEY (project_id, code, option_no)
);

-- The indicator system every generated project uses (weights add to 100).
CREATE TABLE peer.template (
	seq int PRIMARY KEY, code text, level1 text, level2 text, name text,
	weight numeric, source text);
INSERT INTO peer.template VALUES
	(1, 'A11', '决策', '项目立项', '立项依据充分性', 3, 'checklist'),
	(2, 'A12', '决策', '项目立项', '立项程序规范性', 2, 'checklist'),
	(3, 'A21', '决策', '绩效目标', '绩效目标合理性', 3, 'checklist'),
	(4, 'A31', '决策', '资金投入', '预算编制科学性', 2, 'checklist'),
	(5, 'B11', '过程', '资金管理', '资金到位率', 5, 'arrival_rate'),
	(6, 'B12', '过程', '资金管理', '预算执行率', 5, 'execution_rate'),
	(7, 'B21', '过程', '组织实施', '管理制度健全性', 5, 'checklist'),
	(8, 'C11', '产出', '数量指标', '支持企业数量', 10, 'actual'),
	(9, 'C12', '产出', '数量指标', '培训人次', 5, 'actual'),
	(10, 'C21', '产出', '质量指标', '验收合格率', 6, 'actual'),
	(11, 'C22', '产出', '质量指标', '资金使用合规率', 4, 'actual'),
	(12, 'C31', '产出', '时效指标', '资金拨付时限', 4, 'actual'),
	(13, 'C41', '产出', '成本指标', '户均补助成本', 6, 'actual'),
	(14, 'C42', '产出', '数量指标', '奖补资金规模', 4, 'actual'),
	(15, 'D11', '效益', '经济效益', '户均新增营业收入', 6, 'actual'),
	(16, 'D12', '效益', '社会效益', '带动就业人数', 5, 'actual'),
	(17, 'D13', '效益', '社会效益', '产业发展', 6, 'actual'),
	(18, 'D14', '效益', '可持续影响', '长效机制建设', 4, 'actual'),
	(19, 'D21', '满意度', '满意度', '受益对象满意度', 10, 'survey'),
	(20, 'E11', '效益', '社会效益', '新增规上企业', 5, 'actual');

-- Projects: division spread over the province, departments, schemes.
INSERT INTO peer.project
SELECT 'P' || lpad(p::text, 7, '0'),
	   d.name || '2024年' || (ARRAY['小升规奖补', '转企升规奖励', '产业发展专项', '技术改造补助',
									 '稳岗就业补贴', '乡村振兴衔接'])[1 + peer.h(p, 3, 6)] || '项目',
	   2024, d.code,
	   (ARRAY['工信局', '商务局', '统计局', '交通局', '财政局', '教育局', '卫健委',
			  '农业农村局', '水利局', '住建局', '科技局', '发改委', '民政局', '人社局',
			  '自然资源局', '生态环境局', '文旅局', '应急管理局', '市场监管局', '林草局',
			  '医保局', '退役军人事务局', '体育局', '审计局', '国资委', '司法局', '公安局',
			  '乡村振兴局', '畜牧兽医局', '粮食和物资储备局', '供销社', '科协', '妇联',
			  '残联', '团委', '工会', '气象局', '地震局', '档案局', '机关事务管理局'])[1 + peer.h(p, 4, 40)],
	   (ARRAY['单位自评', '部门评价', '财政评价', '第三方'])[1 + peer.h(p, 5, 4)],
	   CASE WHEN peer.h(p, 2, 100) < 60 THEN 'national'
			WHEN peer.h(p, 2, 100) < 85 THEN 'xj_linear' ELSE 'self_eval' END,
	   NULL, NULL
  FROM generate_series(1, :n) p
  JOIN peer.division d ON d.rn = 1 + peer.h(p, 1, (SELECT count(*)::int FROM peer.division));

-- Money: 1-4 lines per project by department and fund level; some in 元.
INSERT INTO peer.allocation
SELECT pid, CASE WHEN k = 1 THEN dept ELSE
			(ARRAY['财政局', '发改委', '商务局', '统计局'])[k] END,
	   (ARRAY['中央', '省级', '市级', '县区级'])[k],
	   CASE WHEN yuan THEN '元' ELSE '万元' END,
	   CASE WHEN peer.h(p, 20 + k, 5) = 0 THEN 0 ELSE b END * f,
	   b * f, arr * f, round(arr * (80 + peer.h(p, 30 + k, 21)) / 100, 2) * f
  FROM (SELECT p, 'P' || lpad(p::text, 7, '0') AS pid, pr.department AS dept,
			   k, peer.h(p, 6, 10) = 0 AS yuan,
			   CASE WHEN peer.h(p, 6, 10) = 0 THEN 10000 ELSE 1 END AS f,
			   (50 + peer.h(p, 10 + k, 495000) / 100.0)::numeric AS b,
			   round((50 + peer.h(p, 10 + k, 495000) / 100.0) * (90 + peer.h(p, 40 + k, 11)) / 100, 2) AS arr
		  FROM generate_series(1, :n) p
		  JOIN peer.project pr ON pr.project_id = 'P' || lpad(p::text, 7, '0')
		 CROSS JOIN LATERAL generate_series(1, 1 + peer.h(p, 7, 4)) k) x;

-- Indicators with their targets as reports write them, and the values that
-- drive the actuals: a = the final actual amount, e = an earlier report.
CREATE TEMP TABLE g AS
SELECT p, 'P' || lpad(p::text, 7, '0') AS project_id, t.*, x,
	   CASE t.code
		   WHEN 'B11' THEN CASE WHEN x % 2 = 0 THEN NULL ELSE '≥95%' END
		   WHEN 'B12' THEN (ARRAY[NULL, '≥90%', '不低于90%'])[1 + x % 3]
		   WHEN 'C11' THEN replace((ARRAY['≥N家', '不少于N家', 'N家以上', '=N家'])[1 + x % 4],
								   'N', (5 + x % 60)::text)
		   WHEN 'C12' THEN replace((ARRAY['=N人次', '≥N人次'])[1 + x % 2], 'N', (100 + x % 900)::text)
		   WHEN 'C21' THEN (ARRAY['≥95%', '95%以上', '≥98%'])[1 + x % 3]
		   WHEN 'C22' THEN (ARRAY['95', '100'])[1 + x % 2]
		   WHEN 'C31' THEN (ARRAY['≤30天', '不超过30天', '≤ 15 天'])[1 + x % 3]
		   WHEN 'C41' THEN (ARRAY['≤1000万元/家', '≤500万元/家'])[1 + x % 2]
		   WHEN 'C42' THEN (ARRAY['≥2000万元', '不低于2000万元', '≥0.2亿元'])[1 + x % 3]
		   WHEN 'D11' THEN '≥' || (50 + x % 451) || '万元/家'
		   WHEN 'D12' THEN (ARRAY['≥N人', '不少于N人'])[1 + x % 2]
		   WHEN 'D13' THEN (ARRAY['稳步增长', '增长较大'])[1 + x % 2]
		   WHEN 'D14' THEN (ARRAY['有效加快', '完全达到预期目标'])[1 + x % 2]
		   WHEN 'D21' THEN (ARRAY['≥95%', '≥90%'])[1 + x % 2]
		   WHEN 'E11' THEN (1 + x % 10)::text
	   END AS target,
	   CASE t.code
		   WHEN 'C12' THEN CASE WHEN x % 5 = 0 THEN 'floor:60' ELSE 'proportional' END
		   WHEN 'C42' THEN CASE x % 8 WHEN 0 THEN 'all_or_nothing' WHEN 1 THEN '达标得满分'
						   ELSE 'proportional' END
		   WHEN 'D11' THEN CASE WHEN x % 3 = 0 THEN 'deduct:1/5' ELSE 'proportional' END
		   ELSE 'proportional' END AS method,
	   NOT (t.code = 'E11' AND peer.h(p, 8, 100) < 3) AS applicable
  FROM generate_series(1, :n) p
 CROSS JOIN peer.template t
 CROSS JOIN LATERAL (SELECT peer.h(p, t.seq * 10 + 1, 1000000) AS x) xx;

INSERT INTO peer.indicator
SELECT project_id, code, seq, level1, level2, name, weight,
	   replace(target, 'N', (10 + x % 191)::text), method, source, applicable
  FROM g ORDER BY project_id, code;

-- Actuals: quantitative and qualitative indicators; a third reported twice
-- (an earlier, lower figure on 2024-12-31 superseded on 2025-03-31).
CREATE TEMP TABLE ga AS
SELECT i.project_id, i.code, i.target, g.p, g.x, g.seq,
	   CASE i.code
		   WHEN 'C11' THEN (round((5 + g.x % 60) * (70 + g.x % 61) / 100.0))::text || '家'
		   WHEN 'C12' THEN (round((100 + g.x % 900) * (50 + g.x % 71) / 100.0))::text || '人次'
		   WHEN 'C21' THEN trim_scale(90 + (g.x % 101) / 10.0)::text || '%'
		   WHEN 'C22' THEN trim_scale(90 + (g.x % 101) / 10.0)::text || '%'
		   WHEN 'C31' THEN (round(CASE WHEN i.target LIKE '%15%' THEN 15 ELSE 30 END
								  * (70 + g.x % 71) / 100.0))::text || '天'
		   WHEN 'C41' THEN trim_scale(round(CASE WHEN i.target LIKE '%500%' THEN 500 ELSE 1000 END
											* (60 + g.x % 91) / 100.0, 1))::text || '万元/家'
		   WHEN 'C42' THEN CASE g.x % 3
							   WHEN 0 THEN (1500 + g.x % 1500)::text || '万元'
							   WHEN 1 THEN trim_scale((1500 + g.x % 1500) / 10000.0)::text || '亿元'
							   ELSE ((1500 + g.x % 1500) * 10000)::text || '元' END
		   WHEN 'D11' THEN trim_scale(round((50 + g.x % 451) * (60 + g.x % 81) / 100.0, 2))::text || '万元/家'
		   WHEN 'D12' THEN (round((10 + g.x % 191) * (60 + g.x % 81) / 100.0))::text || '人'
		   WHEN 'D13' THEN (ARRAY['增长较大', '稳步增长', '增长放缓'])[1 + g.x % 3]
		   WHEN 'D14' THEN (ARRAY['完全达到预期目标', '基本达到预期目标', '未达到预期目标'])[1 + g.x % 3]
		   WHEN 'E11' THEN (g.x % 12)::text || '家'
	   END AS measure,
	   CASE WHEN i.code IN ('D13', 'D14') THEN
			(ARRAY['达成', '部分达成', '未达成'])[1 + g.x % 3] END AS tier,
	   CASE WHEN i.code IN ('D13', 'D14') THEN
			CASE g.x % 3 WHEN 0 THEN 80 + (g.x / 3) % 21 WHEN 1 THEN 60 + (g.x / 3) % 20
			ELSE (g.x / 3) % 50 END END AS fraction
  FROM peer.indicator i
  JOIN g ON g.project_id = i.project_id AND g.code = i.code
 WHERE i.source = 'actual';

INSERT INTO peer.actual
SELECT project_id, code, d, measure, tier, fraction, note
  FROM (SELECT project_id, code, date '2025-03-31' AS d, measure, tier, fraction,
			   CASE WHEN x % 7 = 0 THEN '受项目进度影响，部分企业未完成申报' END AS note
		  FROM ga
		UNION ALL
		SELECT project_id, code, date '2024-12-31',
			   CASE WHEN tier IS NOT NULL THEN measure
					ELSE regexp_replace(measure, '^[0-9.]+',
										trim_scale(round(substring(measure FROM '^[0-9.]+')::numeric * 0.8, 2))::text)
			   END,
			   tier, CASE WHEN tier IS NOT NULL THEN fraction END, NULL
		  FROM ga
		 WHERE peer.h(p, seq * 10 + 2, 3) = 0) u
 ORDER BY project_id, code, d;

-- Checklist points: two per checklist indicator, some with deductions.
INSERT INTO peer.checklist_point
SELECT i.project_id, i.code, k,
	   (ARRAY['是否符合相关政策和规划', '程序是否规范、材料是否齐全'])[k],
	   i.weight / 2,
	   CASE WHEN peer.h(g.p, g.seq * 10 + k, 100) < 15
			THEN (ARRAY[0.3, 0.5, 1])[1 + peer.h(g.p, g.seq * 10 + k + 5, 3)] ELSE 0 END,
	   CASE WHEN peer.h(g.p, g.seq * 10 + k, 100) < 15 THEN '未进行事前绩效评估' END
  FROM peer.indicator i
  JOIN g ON g.project_id = i.project_id AND g.code = i.code
 CROSS JOIN generate_series(1, 2) k
 WHERE i.source = 'checklist'
 ORDER BY 1, 2, 3;

-- Survey: five options, coefficients from the scheme (NULL here).
INSERT INTO peer.survey_response
SELECT i.project_id, i.code, k,
	   (ARRAY['非常满意', '比较满意', '一般', '较不满意', '不满意'])[k],
	   CASE k WHEN 1 THEN 10 + peer.h(g.p, 91, 51) WHEN 2 THEN peer.h(g.p, 92, 11)
			  WHEN 3 THEN peer.h(g.p, 93, 6) WHEN 4 THEN peer.h(g.p, 94, 3)
			  ELSE peer.h(g.p, 95, 2) END,
	   NULL
  FROM peer.indicator i
  JOIN g ON g.project_id = i.project_id AND g.code = i.code
 CROSS JOIN generate_series(1, 5) k
 WHERE i.source = 'survey'
 ORDER BY 1, 2, 3;

-- perfeval's typed tables, from the same rows, with every trigger on.
RESET session_replication_role;
INSERT INTO perfeval.scheme (scheme_id, name, grade_scale, decimals, rounding, execution_base,
							 reverse_rule, tier_high, tier_low, satisfaction_coefficients)
SELECT scheme_id, scheme_id, grade_scale::perfeval.grade_scale, decimals, rounding, execution_base,
	   reverse_rule, tier_high, tier_low, satisfaction_coefficients
  FROM peer.scheme WHERE scheme_id <> 'national';
INSERT INTO perfeval.division (code, name) SELECT code, name FROM peer.division;
INSERT INTO perfeval.project (project_id, name, year, division_code, department,
							  evaluation_kind, scheme_id, source)
SELECT project_id, name, year, division_code, department, evaluation_kind, scheme_id, 'bench'
  FROM peer.project;
INSERT INTO perfeval.allocation
SELECT project_id, department, fund_level, unit, initial_budget, budget, arrived, spent
  FROM peer.allocation;
INSERT INTO perfeval.indicator (project_id, code, seq, level1, level2, name, weight, target,
								method, source, applicable)
SELECT project_id, code, seq, level1, level2, name, weight, target::perfeval.target,
	   method::perfeval.method, source, applicable
  FROM peer.indicator;
INSERT INTO perfeval.actual
SELECT project_id, code, reported_on, measure::perfeval.measure, tier, fraction, deviation_note
  FROM peer.actual;
INSERT INTO perfeval.checklist_point
SELECT project_id, code, point_no, description, points, deduction, reason
  FROM peer.checklist_point;
INSERT INTO perfeval.survey_response
SELECT project_id, code, option_no, option_label, respondents, coefficient
  FROM peer.survey_response;

DROP TABLE g, ga;
