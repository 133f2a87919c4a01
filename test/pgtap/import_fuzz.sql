-- pgTAP: a deterministic fuzz smoke of the whole import (issue 26): 400
-- forms composed from the cells counties write (marks, merged blanks,
-- level-1 cells with points, numbers in every spelling, comparators, dates
-- in words, words, methods in brackets, invisible and formula cells) go
-- through staging, the core's form reader and import_forms(): nothing may
-- crash the server or escape as an error; every form is either imported or
-- rejected with its problems named; every imported project can be read.
BEGIN;
SELECT plan(5);

-- a cell of a pool; every fourth form only from each pool's first two
-- cells (well-formed ones), so that the fuzz reaches the writes too
CREATE FUNCTION pg_temp.pick(pool text[], n int, f int) RETURNS text LANGUAGE sql IMMUTABLE
	RETURN pool[1 + abs(hashint4(n)) % CASE WHEN f % 4 = 0 THEN 2 ELSE array_length(pool, 1) END];

CREATE TEMP TABLE pools (k text PRIMARY KEY, v text[]);
INSERT INTO pools VALUES
	('l1', ARRAY['产出指标', '产出指标（50分）', '产出指标(60分)', '效益指标', '满意度指标（10）', '', '', '', ' ', '/', '决策（-5分）', '过程(分)']),
	('l2', ARRAY['数量指标', '质量指标', '时效指标', '', '', '', '社会效益指标', '—', '成本指标（10分）']),
	('name', ARRAY['甲', '乙', '丙', '培训人次', '', '', '合格率', '满意度', '资金到位率', '预算执行率', '/', '完成时间']),
	('nature', ARRAY['', '≥', '≤', '=', '＞', '<', '定性', '/', '不低于', '≥（每低5个百分点扣1分）', '（低于60%不得分）', '≤(floor:60)', '（）', '达到']),
	('value', ARRAY['5', '95', '100', '0', '12月底前', '12月底前完成', '年底前完成', '于2024年9月底前完成', '/', '—', '无', '', '95%', '1,000', '１２', '明显', '≥≥5', '-3', '=1+1', '无上访', E'增长\u200b较大']),
	('unit', ARRAY['个', '个', '', '%', '人次', '次', '万元', '天', '家', '/', '时间']),
	('weight', ARRAY['10', '20', '5', '', '/', '0', 'abc', '12.5', '１０', '-1', '—', '100']),
	('actual', ARRAY['6个', '100个', '96%', '无上访', '/', '不适用', '无', '已于11月完成', '2024年11月30日', '12月20日完成', '', '达成', '部分达成', '5天', '0', '已完成', '@SUM(A1)']),
	('score', ARRAY['', '10', '9.5', '/', '0', '20', 'x', '—', '15']),
	('note', ARRAY['', '0', '无', '/', '原材料涨价', '—', ' ']);

-- 400 forms of 1 to 12 rows, cells picked by a hash of (form, row, column)
INSERT INTO perfeval.form_project
SELECT 'FZ' || f, '模糊测试项目' || f, pg_temp.pick(ARRAY['2024', '2023', '二〇二四', ''], f, f),
	   pg_temp.pick(ARRAY['650102', '141021', '65010', ''], f * 3, f),
	   pg_temp.pick(ARRAY['县财政局', '县农业农村局', ''], f * 5, f), pg_temp.pick(ARRAY['', '某镇人民政府', ''], f * 7, f),
	   pg_temp.pick(ARRAY['', '单位自评', '自查'], f * 11, f), '', '',
	   pg_temp.pick(ARRAY['100', '', '1,000', 'x'], f * 13, f), '100', '100', pg_temp.pick(ARRAY['95', '120', ''], f * 17, f),
	   pg_temp.pick(ARRAY['10', '', '/', '0'], f * 19, f), pg_temp.pick(ARRAY['', '', '9.5', '10'], f * 23, f), '', ''
  FROM generate_series(1, 400) f;
INSERT INTO perfeval.form_indicator
SELECT 'FZ' || f,
	   pg_temp.pick((SELECT v FROM pools WHERE k = 'l1'), f * 1000 + r * 10 + 1, f),
	   pg_temp.pick((SELECT v FROM pools WHERE k = 'l2'), f * 1000 + r * 10 + 2, f),
	   pg_temp.pick((SELECT v FROM pools WHERE k = 'name'), f * 1000 + r * 10 + 3, f) || CASE WHEN r % 3 = 0 OR f % 4 = 0 THEN r::text ELSE '' END,
	   pg_temp.pick((SELECT v FROM pools WHERE k = 'nature'), f * 1000 + r * 10 + 4, f),
	   pg_temp.pick((SELECT v FROM pools WHERE k = 'value'), f * 1000 + r * 10 + 5, f),
	   pg_temp.pick((SELECT v FROM pools WHERE k = 'unit'), f * 1000 + r * 10 + 6, f),
	   pg_temp.pick((SELECT v FROM pools WHERE k = 'weight'), f * 1000 + r * 10 + 7, f),
	   pg_temp.pick((SELECT v FROM pools WHERE k = 'actual'), f * 1000 + r * 10 + 8, f),
	   pg_temp.pick((SELECT v FROM pools WHERE k = 'score'), f * 1000 + r * 10 + 9, f),
	   pg_temp.pick((SELECT v FROM pools WHERE k = 'note'), f * 1000 + r * 10, f)
  FROM generate_series(1, 400) f, generate_series(1, 1 + abs(hashint4(f)) % 12) r;

CREATE TEMP TABLE result AS SELECT * FROM perfeval.import_forms();
SELECT is((SELECT count(*) FROM result), 400::bigint, 'import_forms() ran to the end over 400 fuzzed forms');
SELECT is_empty($$SELECT project_code FROM result WHERE status = 'rejected' AND errors = 0
				 UNION ALL SELECT project_code FROM result WHERE status = 'imported' AND errors > 0$$,
	'every form imported without a problem or rejected with its problems');
SELECT is_empty($$SELECT * FROM perfeval.import_error WHERE project_code LIKE 'FZ%'
				   AND (sqlstate !~ '^[0-9A-Z]{5}$' OR message IS NULL OR hint IS NULL)$$,
	'every problem has a SQLSTATE, a message and a hint');
SELECT cmp_ok((SELECT count(*) FROM result WHERE status = 'imported'), '>', 20::bigint,
	'the fuzz reaches the writes: more than 20 forms imported');
-- every imported project reads in every view (no error for anybody)
SELECT lives_ok($$SELECT count(*) FROM perfeval.project_scores WHERE project_id LIKE 'FZ%';
				  SELECT count(*) FROM perfeval.findings WHERE project_id LIKE 'FZ%';
				  SELECT count(*) FROM perfeval.indicator_scores WHERE project_id LIKE 'FZ%';
				  SELECT count(*) FROM perfeval.export_indicator WHERE "项目编码" LIKE 'FZ%'$$,
	'the imported fuzzed projects read in project_scores, findings, indicator_scores and the export');

SELECT * FROM finish();
ROLLBACK;
