-- The warehouse over the four sample reports: every figure they print, as
-- views give it.  Compare by eye with /work/shared/seeds/*.txt; pgTAP
-- (test/pgtap/warehouse.sql) asserts the same figures one by one.
\set ECHO none
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS perfeval;
RESET client_min_messages;
\set QUIET on
\i test/data/seed_000.sql
\i test/data/seed_001.sql
\i test/data/seed_002.sql
\i test/data/seed_003.sql
\set QUIET off
\set ECHO all

-- Per indicator: weight, completion, score, score rate, printed score.
SELECT project_id, code, name, weight, target, actual, round(completion, 2) AS completion,
       score, score_rate, printed_score
  FROM perfeval.indicator_scores ORDER BY project_id, seq;

-- The working-paper explanations.
SELECT project_id, code, explanation FROM perfeval.indicator_scores ORDER BY project_id, seq;

-- Level 2 and level 1 (seed 003 表3-1: 决策 15 / 14.7 / 98.0 %).
SELECT project_id, level1, level2, weight, score, score_rate
  FROM perfeval.level2_scores ORDER BY project_id, seq;
SELECT project_id, level1, weight, score, score_rate
  FROM perfeval.level1_scores ORDER BY project_id, seq;

-- Totals and grades under each report's own bands (100, 99.1, 98.2; 97.80 printed).
SELECT project_id, scheme_id, weight, total, grade, printed_total, printed_grade,
       difference, grade_agrees, final_score, final_grade
  FROM perfeval.project_scores ORDER BY project_id;

-- Money: seed 000's four departments, seed 002's budget table.
SELECT project_id, row_kind, department, fund_level, initial_budget, budget, arrived,
       spent, balance, arrival_rate, execution_rate, execution_base
  FROM perfeval.allocation_summary
 ORDER BY project_id, array_position(ARRAY['明细', '部门小计', '级次小计', '合计'], row_kind),
       department, fund_level;

-- The findings the seeds deserve, and no others.
SELECT project_id, code, kind, detail FROM perfeval.findings ORDER BY project_id, code, kind;

-- Roll-ups.
SELECT * FROM perfeval.rollup_region ORDER BY year, level, division_code;
SELECT * FROM perfeval.rollup_department ORDER BY year, department;

-- Refused at load time with a clear error.
INSERT INTO perfeval.indicator (project_id, code, level1, level2, name, weight)
VALUES ('seed003', 'X1', '产出', '数量', 'x', -1);
INSERT INTO perfeval.actual (project_id, code, reported_on, measure)
VALUES ('seed003', 'C41', '2024-07-01', '3家');
UPDATE perfeval.checklist_point SET deduction = 1.2
 WHERE project_id = 'seed003' AND code = 'A12' AND point_no = 3;
INSERT INTO perfeval.allocation (project_id, department, fund_level, unit, budget)
VALUES ('seed003', 'x', '市级', '美元', 1);
SELECT count(*) AS rows_unchanged FROM perfeval.indicator WHERE project_id = 'seed003';
