-- pgTAP: the printed monitoring sheet, report_monitoring_html() (1.16,
-- issue 28): the lights, figures and findings of
-- monitoring_projects_as_of() / monitoring_indicators_as_of() as printed,
-- the latest report when no date is given, escaping, and the same refusals
-- as report_html().  The hand-made county of monitoring_warehouse.sql.
-- Undone by the final ROLLBACK.
BEGIN;
SELECT plan(15);

INSERT INTO perfeval.project (project_id, name, year, division_code, department, implementing_unit, evaluation_kind) VALUES
	('mon1', '农村公路养护', 2024, '650102', '交通运输局', '县公路管理站', '单位自评'),
	('mon2', '<script>alert("饮水")</script>', 2024, '650102', '水利局', NULL, '单位自评'),
	('mon3', '预算为零的项目', 2024, '650102', '水利局', NULL, '单位自评');
INSERT INTO perfeval.indicator (project_id, code, seq, level1, level2, name, weight, target) VALUES
	('mon1', 'B11', 1, '产出指标', '数量指标', '养护里程', 40, '≥120公里'),
	('mon1', 'B21', 2, '产出指标', '质量指标', '返修率', 30, '≤5%'),
	('mon1', 'B31', 3, '产出指标', '时效指标', '完工时间', 30, '2024年9月30日前'),
	('mon2', 'B11', 1, '效益指标', '社会效益指标', '受益人口', 100, '≥1万人');
INSERT INTO perfeval.execution (project_id, department, fund_level, reported_on, unit, budget, spent) VALUES
	('mon1', '交通运输局', '县区级', '2024-06-30', '万元', 1000, 300),
	('mon1', '交通运输局', '县区级', '2024-08-31', '万元', 1000, 412),
	('mon1', '交通运输局', '县区级', '2024-10-31', '万元', 1000, 700),
	('mon2', '水利局', '省级', '2024-08-31', '元', 1000000, 200000),
	('mon2', '水利局', '县区级', '2024-07-31', '万元', 200, 60),
	('mon3', '水利局', '县区级', '2024-08-31', '万元', 0, 0);
INSERT INTO perfeval.actual (project_id, code, reported_on, measure, cause, likelihood) VALUES
	('mon1', 'B11', '2024-08-31', '70公里', NULL, '完全不可能'),
	('mon1', 'B21', '2024-08-31', '6%', NULL, '有可能'),
	('mon1', 'B21', '2024-10-31', '7%', '经费保障', '有可能'),
	('mon2', 'B11', '2024-08-31', '4000人', '人员保障', '有可能');

CREATE TEMP TABLE sheet AS
SELECT p.project_id, perfeval.report_monitoring_html(p.project_id, '2024-08-31') AS h
  FROM perfeval.project p WHERE p.project_id IN ('mon1', 'mon2', 'mon3');

-- the money block: mon1 spent 412 of 1000万元 by the end of August
SELECT matches((SELECT h FROM sheet WHERE project_id = 'mon1'),
	'<td class="n">1,000\.00</td><td class="n">412\.00</td><td class="n">41\.20%</td><td class="n">66\.67%</td><td class="n">61\.80%</td><td class="n">-25\.47个百分点</td><td class="c"><span class="light yellow"><i>●</i>黄</span></td><td class="c">是</td>',
	'mon1 in August: 1000 and 412万元, 41.2 %, 66.67 %, 61.8 %, -25.47 points, a yellow execution light, key monitoring');
SELECT ok((SELECT position('说明：' || explanation IN h) > 0 FROM sheet JOIN perfeval.monitoring_projects_as_of('2024-08-31') USING (project_id)
			WHERE project_id = 'mon1'), 'the execution light''s sentence, as monitoring_projects_as_of() gives it');
SELECT matches((SELECT h FROM sheet WHERE project_id = 'mon1'), '目标灯色（各指标中最差者）：<span class="light red"><i>●</i>红</span>',
	'mon1''s goal light: red');
SELECT matches((SELECT h FROM sheet WHERE project_id = 'mon2'), '<th>1–8月执行数</th>.*<span class="light red"><i>●</i>红</span>',
	'mon2: 1-8月 spent, a red execution light');

-- every indicator's light, label and figures, in the table's order
SELECT results_eq($$SELECT (regexp_matches((SELECT substring(h FROM '<table class="ind">.*$') FROM sheet WHERE project_id = 'mon1'),
							'<span class="light ([a-z]+)"><i>●</i>([^<]+)</span>', 'g'))[1:2]$$,
	$$SELECT ARRAY[m.light, m.light_zh] FROM perfeval.monitoring_indicators_as_of('2024-08-31') m
	   JOIN perfeval.indicator i USING (project_id, code) WHERE project_id = 'mon1' ORDER BY i.seq$$,
	'each indicator''s light and label as monitoring_indicators_as_of() gives them, in order');
SELECT matches((SELECT h FROM sheet WHERE project_id = 'mon1'),
	'<td>养护里程<sup><a href="#f1">\[1\]</a></sup></td><td>≥120公里</td><td class="n">80公里</td><td>70公里</td><td class="n">87\.5%</td>',
	'B11: the target, 80 km expected by August, 70 km done, 87.5 %, its finding marked');
SELECT matches((SELECT h FROM sheet WHERE project_id = 'mon2'),
	'<td>≥10000人</td><td class="n">6666\.67人</td><td>4000人</td><td class="n">60%</td><td class="c"><span class="light yellow"><i>●</i>黄</span></td><td>人员保障</td><td>有可能</td>',
	'mon2''s B11: expected in the target''s unit, yellow, its cause and likelihood');
SELECT is((SELECT count(*) FROM perfeval.monitoring_indicators_as_of('2024-08-31') m, sheet s, unnest(string_to_array(m.findings, '；')) f
			WHERE s.project_id = m.project_id AND position(format('<span class="code">%s</span>%s', m.code, f) IN s.h) = 0), 0::bigint,
	'every indicator finding listed under its code');

-- a zero budget: no light, and the finding
SELECT matches((SELECT h FROM sheet WHERE project_id = 'mon3'),
	'<td class="n">—</td><td class="c">—<sup><a href="#f1">\[1\]</a></sup></td><td class="c">否</td>.*<li id="f1">全年预算为0，无法计算预算执行率。</li>',
	'mon3''s zero budget: no rate and no light, the finding marked there and listed');

-- no date: the latest report
SELECT is(perfeval.report_monitoring_html('mon1'), perfeval.report_monitoring_html('mon1', '2024-10-31'),
	'without a date, the sheet at the project''s latest report');

-- markup in a name is text
SELECT ok((SELECT position('&lt;script&gt;alert(&quot;饮水&quot;)&lt;/script&gt;' IN h) > 0 AND position('<script' IN h) = 0 FROM sheet
			WHERE project_id = 'mon2'), 'a name with <script> is escaped, and the sheet has no script');

-- refusals, as report_html()'s
SELECT throws_ok($$SELECT perfeval.report_monitoring_html('no_such_project')$$, 'P0002', 'no project "no_such_project"',
	'an unknown project is an error naming it');
SELECT throws_ok($$SELECT perfeval.report_monitoring_html('mon1', '2023-08-31')$$, 'P0002', 'project "mon1" has no monitoring on 2023-08-31',
	'a date outside the project''s year: no monitoring');
CREATE ROLE perfeval_sheet_reader;
SELECT perfeval.grant_access('perfeval_sheet_reader', department => '交通运输局');
SET ROLE perfeval_sheet_reader;
SELECT matches(perfeval.report_monitoring_html('mon1', '2024-08-31'), '<td class="n">41\.20%</td>',
	'a granted role gets its project''s sheet');
SELECT throws_ok($$SELECT perfeval.report_monitoring_html('mon2', '2024-08-31')$$, 'P0002', 'no project "mon2"',
	'a role gets no sheet of a project outside its scope, as from report_html()');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
