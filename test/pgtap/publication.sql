-- pgTAP: what BI tools and readers get (1.5): the division names shipped
-- with the extension, grade counts that add up under any scheme, programmes
-- across years, numbers with a normalised scale, and each project's report.
-- Run over the four samples (test/run.sh); everything changed here is undone
-- by the final ROLLBACK.
BEGIN;
SELECT plan(45);

-- 1. Divisions out of the box: the shipped list is data/division.csv.
CREATE TEMP TABLE csv_division (code text, name text, level text);
\copy csv_division FROM 'data/division.csv' WITH (FORMAT csv, HEADER match)
SELECT results_eq($$SELECT level, count(*) FROM csv_division GROUP BY level ORDER BY level$$,
	$$VALUES ('county', 2975::bigint), ('prefecture', 342), ('province', 31)$$,
	'data/division.csv: 31 provinces, 342 prefectures, 2975 counties');
SELECT set_eq('SELECT code, name FROM perfeval_internal.division_shipped',
	'SELECT code, name FROM csv_division', 'the shipped list is data/division.csv, row for row');
SELECT set_eq('SELECT code, name, level FROM perfeval.division WHERE code IN (SELECT code FROM csv_division)',
	'SELECT code, name, level FROM csv_division',
	'after CREATE EXTENSION perfeval.division holds every shipped code and name, with its level');
SELECT results_eq(
	$$SELECT code, name, level FROM perfeval.division WHERE code IN ('530923', '141021', '652801', '650100') ORDER BY code$$,
	$$VALUES ('141021', '曲沃县', 'county'), ('530923', '永德县', 'county'),
			 ('650100', '乌鲁木齐市', 'prefecture'), ('652801', '库尔勒市', 'county')$$,
	'the issue''s examples: 530923 永德县, 141021 曲沃县, 652801 库尔勒市, 650100 乌鲁木齐市');
SELECT results_eq(
	$$SELECT perfeval.division_at('652801', l) FROM unnest(ARRAY['province', 'prefecture', 'county']) l$$,
	$$VALUES ('650000'), ('652800'), ('652801')$$, 'division_at: 652801 is in 650000 and 652800');
SELECT is(perfeval.division_at('652800', 'county'), NULL, 'division_at: a prefecture has no county');

-- A user's rows load and win: a new name for a shipped code replaces it
-- (also through INSERT ... ON CONFLICT DO NOTHING), a new code is added.
INSERT INTO perfeval.division (code, name) VALUES ('530923', '永德县（用户）');
INSERT INTO perfeval.division (code, name) VALUES ('141021', '曲沃县（用户）') ON CONFLICT (code) DO NOTHING;
INSERT INTO perfeval.division (code, name) VALUES ('659099', '用户新市');
SELECT results_eq(
	$$SELECT code, name, level FROM perfeval.division WHERE code IN ('530923', '141021', '659099') ORDER BY code$$,
	$$VALUES ('141021', '曲沃县（用户）', 'county'), ('530923', '永德县（用户）', 'county'), ('659099', '用户新市', 'county')$$,
	'a user''s row for a shipped code wins, a new code loads');
SELECT is((SELECT count(*) FROM perfeval.division WHERE code = '530923'), 1::bigint, 'one row per code');
SELECT is((SELECT name FROM perfeval_internal.division_shipped WHERE code = '530923'), '永德县',
	'the shipped list itself is unchanged');

-- The project views and the roll-ups name all three levels.
SELECT results_eq(
	$$SELECT province_name, prefecture_name, county_name FROM perfeval.project_scores WHERE project_id IN ('seed002', 'seed003') ORDER BY project_id$$,
	$$VALUES ('山西省', '临汾市', '曲沃县（用户）'), ('新疆维吾尔自治区', '巴音郭楞蒙古自治州', '库尔勒市')$$,
	'project_scores names province, prefecture and county');
SELECT results_eq(
	$$SELECT province_name, prefecture_name, county_name FROM perfeval.project_facts WHERE project_id = 'seed001'$$,
	$$VALUES ('新疆维吾尔自治区', '乌鲁木齐市', NULL::text)$$, 'project_facts: a prefecture''s project has no county');
SELECT results_eq(
	$$SELECT level, division_name, province_name, prefecture_name FROM perfeval.rollup_region WHERE year = 2023 ORDER BY level$$,
	$$VALUES ('county', '库尔勒市', '新疆维吾尔自治区', '巴音郭楞蒙古自治州'),
			 ('prefecture', '巴音郭楞蒙古自治州', '新疆维吾尔自治区', '巴音郭楞蒙古自治州'),
			 ('province', '新疆维吾尔自治区', '新疆维吾尔自治区', NULL)$$,
	'rollup_region names the row''s division, its province and its prefecture');

-- 2. Grade counts that add up.  A scheme labelled A/B/C/D; seed001 under
-- it (and seed000, 优 by its printed total), and four projects of Urumqi's
-- 2024 scored only by their printed totals: 85 (B under letters), 65 and 50
-- (中 and 差 under the national scheme), none (ungraded).
INSERT INTO perfeval.scheme (scheme_id, name, grade_scale) VALUES ('letters', '字母等级', 'A:90,B:80,C:60,D:0');
UPDATE perfeval.project SET scheme_id = 'letters' WHERE project_id = 'seed001';
INSERT INTO perfeval.project (project_id, name, year, division_code, department, evaluation_kind, scheme_id, printed_total)
VALUES ('gd1', '等级一', 2024, '650102', '测试局', '单位自评', 'letters', 85),
	   ('gd2', '等级二', 2024, '650102', '测试局', '单位自评', 'national', 65),
	   ('gd3', '等级三', 2024, '650102', '测试局', '单位自评', 'national', 50),
	   ('gd4', '等级四', 2024, '650102', '测试局', '单位自评', 'national', NULL);
SELECT results_eq(
	$$SELECT department, grade, band, projects FROM perfeval.grade_distribution
	   WHERE year = 2024 AND level = 'province' ORDER BY department, band NULLS LAST, grade$$,
	$$VALUES ('乌鲁木齐市工业和信息化局', 'A', 1, 1::bigint), ('吐鲁番市统计局', '优', 1, 1),
			 ('测试局', 'B', 2, 1), ('测试局', '中', 3, 1), ('测试局', '差', 4, 1), ('测试局', NULL, NULL, 1)$$,
	'grade_distribution: each project under its own scheme''s label and band');
SELECT is((SELECT division_name FROM perfeval.grade_distribution WHERE year = 2024 AND level = 'county' LIMIT 1),
	'天山区', 'grade_distribution names the division');
SELECT is_empty($$
	SELECT year, level, division_code, sum(projects) FROM perfeval.grade_distribution GROUP BY 1, 2, 3
	EXCEPT SELECT year, level, division_code, projects FROM perfeval.rollup_region$$,
	'grade_distribution: the counts of every division add up to its projects');
SELECT is_empty($$
	SELECT year, department, sum(projects) FROM perfeval.grade_distribution WHERE level = 'province' GROUP BY 1, 2
	EXCEPT SELECT year, department, projects FROM perfeval.rollup_department$$,
	'grade_distribution: the counts of every department add up to its projects');
SELECT is_empty($$
	SELECT year, level, division_code, sum(budget), sum(spent) FROM perfeval.grade_distribution GROUP BY 1, 2, 3
	EXCEPT SELECT year, level, division_code, budget, spent FROM perfeval.rollup_region$$,
	'grade_distribution: the money of every division adds up');
SELECT results_eq(
	$$SELECT projects, grade_excellent, grade_good, grade_fair, grade_poor, ungraded FROM perfeval.rollup_region
	   WHERE year = 2024 AND level = 'province'$$,
	$$VALUES (6::bigint, 2::bigint, 1::bigint, 1::bigint, 1::bigint, 1::bigint)$$,
	'rollup_region counts by band: A and 优 are the top band, B the second');
SELECT is_empty($$SELECT * FROM perfeval.rollup_region
	WHERE grade_excellent + grade_good + grade_fair + grade_poor + ungraded <> projects$$,
	'rollup_region: the grade columns add up to the projects in every row');
SELECT is_empty($$SELECT * FROM perfeval.rollup_department
	WHERE grade_excellent + grade_good + grade_fair + grade_poor + ungraded <> projects$$,
	'rollup_department: the grade columns add up to the projects in every row');
SELECT results_eq(
	$$SELECT perfeval.grade_band(s, 'A:90,B:80,C:60,D:0') FROM unnest(ARRAY[100, 90, 89.99, 80, 60, 0]::numeric[]) s$$,
	$$VALUES (1), (1), (2), (2), (3), (4)$$, 'grade_band: 1 for the top band, counting down');
SELECT is(perfeval.grade_band(NULL, 'A:90,B:0'), NULL, 'grade_band of no score is NULL');

-- 3. A programme across years: seed003 (2023, 98.2) and seed001 (2024,
-- 100) under one programme code, then a second 2024 project under another
-- scheme (the year's mean has no single grade).
UPDATE perfeval.project SET programme_code = 'P-TEST' WHERE project_id IN ('seed003', 'seed001');
SELECT results_eq(
	$$SELECT year, projects, final_score, final_grade, previous_year, previous_score, change
		FROM perfeval.programme_years WHERE programme_code = 'P-TEST' ORDER BY year$$,
	$$VALUES (2023, 1::bigint, 98.2, '优', NULL::int, NULL::numeric, NULL::numeric),
			 (2024, 1, 100, 'A', 2023, 98.2, 1.8)$$,
	'programme_years: each year''s score and grade, and the change from the year before');
UPDATE perfeval.project SET programme_code = 'P-TEST' WHERE project_id = 'gd1';
SELECT results_eq(
	$$SELECT year, projects, final_score, final_grade, change FROM perfeval.programme_years
	   WHERE programme_code = 'P-TEST' AND year = 2024$$,
	$$VALUES (2024, 2::bigint, 92.5, 'A', -5.7)$$,
	'programme_years: two projects of one scheme: the mean 92.5 and its grade');
UPDATE perfeval.project SET scheme_id = 'national' WHERE project_id = 'gd1';
SELECT is((SELECT final_grade FROM perfeval.programme_years WHERE programme_code = 'P-TEST' AND year = 2024),
	NULL, 'programme_years: projects under two schemes have no one grade');
SELECT is((SELECT budget FROM perfeval.programme_years WHERE programme_code = 'P-TEST' AND year = 2023),
	(SELECT budget FROM perfeval.project_money WHERE project_id = 'seed003'), 'programme_years: the money of its projects');

-- 4. Clean numbers: money loaded with a long scale comes out normalised,
-- in every numeric column of every view.
UPDATE perfeval.allocation SET budget = budget * 1.00000000000000000000, spent = spent * 1.000000000
 WHERE project_id = 'seed003';
UPDATE perfeval.project SET printed_total = 99.10 WHERE project_id = 'seed002';
SELECT is((SELECT budget::text FROM perfeval.project_money WHERE project_id = 'seed003'), '1000',
	'project_money: a budget loaded as 1000.00000000000000000000 reads 1000');
SELECT is((SELECT printed_total::text FROM perfeval.project_scores WHERE project_id = 'seed002'), '99.1',
	'project_scores: a printed total loaded as 99.10 reads 99.1');
CREATE FUNCTION pg_temp.untrimmed() RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE
	r record;
	n bigint;
BEGIN
	FOR r IN SELECT c.table_name AS t, c.column_name AS c
			   FROM information_schema.columns c
			   JOIN information_schema.views v USING (table_schema, table_name)
			  WHERE c.table_schema = 'perfeval' AND c.data_type = 'numeric' LOOP
		EXECUTE format('SELECT count(*) FROM perfeval.%I WHERE scale(%I) <> min_scale(%I)', r.t, r.c, r.c) INTO n;
		IF n > 0 THEN
			RETURN NEXT r.t || '.' || r.c;
		END IF;
	END LOOP;
END $$;
SELECT cmp_ok((SELECT count(*) FROM information_schema.columns c JOIN information_schema.views v USING (table_schema, table_name)
				WHERE c.table_schema = 'perfeval' AND c.data_type = 'numeric'), '>', 40::bigint,
	'the scale check covers the views'' numeric columns');
SELECT is_empty('SELECT * FROM pg_temp.untrimmed()', 'no numeric value of any view has trailing zeros');
SELECT is_empty($$SELECT table_name, column_name FROM information_schema.columns
	WHERE table_schema = 'perfeval' AND table_name IN ('rollup_region', 'rollup_department', 'grade_distribution', 'programme_years')
	  AND (column_name IN ('projects', 'ungraded') OR column_name LIKE 'grade\_%') AND column_name <> 'grade' AND data_type <> 'bigint'$$,
	'counts are integers');

-- 5. The report of one project (seed001 back under its own scheme).
UPDATE perfeval.project SET scheme_id = 'urumqi_2024' WHERE project_id = 'seed001';
CREATE TEMP TABLE report AS SELECT project_id, perfeval.report_html(project_id) AS h FROM perfeval.project
 WHERE project_id LIKE 'seed%';
SELECT is((SELECT count(*) FROM report WHERE h LIKE '<!DOCTYPE html><html lang="zh-CN">%</html>'), 4::bigint,
	'report_html: one complete document per seed');
SELECT is_empty($$SELECT project_id FROM report WHERE h ~* '<script|<link|<img|<iframe|src=|url\(|href="(?!#)'$$,
	'report_html: no scripts and no external files');
SELECT ok((SELECT h LIKE '%@page{size:A4%' FROM report WHERE project_id = 'seed003'), 'report_html: A4 page');
SELECT ok((SELECT h LIKE '%总分：<b>98.2</b>　等级：<b>优</b>%' FROM report WHERE project_id = 'seed003'),
	'report_html: seed 003 total 98.2 and grade 优');
SELECT is_empty($$SELECT i.code FROM perfeval.indicator_scores i JOIN report r USING (project_id)
	WHERE i.applicable AND (position(perfeval_internal.html(i.name) IN r.h) = 0
	   OR position('<td class="n">' || coalesce(i.score::text, '—') || '</td>' IN r.h) = 0
	   OR (i.explanation IS NOT NULL AND position(perfeval_internal.html(i.explanation) IN r.h) = 0))$$,
	'report_html: every indicator with its score and explanation');
SELECT is_empty($$SELECT a.project_id FROM perfeval.allocation_summary a JOIN report r USING (project_id)
	WHERE a.row_kind = '合计' AND position('<td class="n">' || to_char(a.budget, 'FM999,999,999,990.00') || '</td>' IN r.h) = 0$$,
	'report_html: the money table''s total budget, with separators and two decimals');
SELECT is_empty($$SELECT r.project_id FROM report r
	WHERE (length(r.h) - length(replace(r.h, '<rect ', ''))) / 6 <>
		  (SELECT count(*) FROM perfeval.level1_scores l WHERE l.project_id = r.project_id)
		+ (SELECT count(*) FROM perfeval.level2_scores l WHERE l.project_id = r.project_id)
	   OR (SELECT count(*) FROM perfeval.level1_scores l WHERE l.project_id = r.project_id
			  AND position('>' || trim_scale(round(l.score_rate, 2)) || '%<' IN r.h) = 0) > 0$$,
	'report_html: one SVG bar per level-1 and level-2 indicator, labelled with its score rate');
SELECT is_empty($$SELECT f.project_id, f.kind FROM perfeval.findings f JOIN report r USING (project_id)
	WHERE position(perfeval_internal.html(f.detail) IN r.h) = 0$$, 'report_html: every finding listed');
SELECT ok((SELECT h ~ '<tr class="r found[^"]*">(<td class="l">[^<]*</td>){2}<td>[^<]*<sup><a href="#f1">\[1\]</a></sup></td>'
			 AND h ~ '<li id="f1"><span class="code">A11</span>立项依据充分性：报告得分3分[^<]*。</li>'
			 AND position('printed_score' IN h) = 0
		   FROM report WHERE project_id = 'seed001'),
	'report_html: seed 001''s finding on A11 is marked on its row and listed as [1]');
SELECT ok((SELECT h LIKE '%未录入三级指标%' AND h ~ '等级：<b>[^<]*</b><sup><a href="#f1">\[1\]</a></sup>'
		   FROM report WHERE project_id = 'seed000'),
	'report_html: seed 000''s project-level finding is marked on the total');
UPDATE perfeval.project SET name = '<b>"A&B"</b>' WHERE project_id = 'seed002';
SELECT ok(position('&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;' IN perfeval.report_html('seed002')) > 0
	  AND position('<b>"A&B"' IN perfeval.report_html('seed002')) = 0, 'report_html: text is escaped');
SELECT throws_ok($$SELECT perfeval.report_html('no_such_project')$$, 'P0002', 'no project "no_such_project"',
	'report_html: an unknown project is an error naming it');
-- a role sees the report of its own projects only
CREATE ROLE perfeval_report_reader;
SELECT perfeval.grant_access('perfeval_report_reader', department => '库尔勒上库综合产业园区管理委员会');
SET LOCAL ROLE perfeval_report_reader;
SELECT ok(perfeval.report_html('seed003') LIKE '%98.2%', 'report_html: a granted role gets its project''s report');
SELECT throws_ok($$SELECT perfeval.report_html('seed001')$$, 'P0002', NULL,
	'report_html: a role gets no report of a project outside its scope');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
