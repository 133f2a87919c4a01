-- Section 70: warehouse roll-ups.
--
-- One row per project with its score of record and money, then grouped by
-- region (province / prefecture / county from the GB/T 2260 code) or by
-- department.  Grades are counted by band label: 优 / 良 / 中 / 差 and the
-- longer labels that begin with them (优秀, 良好, 中等).

CREATE VIEW perfeval.project_facts AS
SELECT ps.project_id, ps.year, ps.division_code,
	   left(ps.division_code, 2) || '0000' AS province,
	   CASE WHEN substr(ps.division_code, 3, 2) <> '00'
			THEN left(ps.division_code, 4) || '00' END AS prefecture,
	   CASE WHEN right(ps.division_code, 2) <> '00' THEN ps.division_code END AS county,
	   ps.department, ps.final_score, ps.final_grade,
	   m.money_budget AS budget, m.money_arrived AS arrived, m.money_spent AS spent
  FROM perfeval.project_scores ps
  -- the money kept with the project's state (section 45), as project_money gives it
  LEFT JOIN perfeval_internal.project_state m ON m.project_id = ps.project_id;

-- Each project once per level of its division (province, prefecture,
-- county), so that the roll-up is one plain GROUP BY over one pass of the
-- projects (parallel workers and Citus workers aggregate partially).
CREATE VIEW perfeval_internal.region_facts AS
SELECT f.year, l.level, l.division_code, f.final_score, f.final_grade, f.budget, f.arrived,
	   f.spent
  FROM perfeval.project_facts f
 CROSS JOIN LATERAL unnest(ARRAY['province', 'prefecture', 'county'],
						   ARRAY[f.province, f.prefecture, f.county]) AS l(level, division_code)
 WHERE l.division_code IS NOT NULL;

CREATE VIEW perfeval.rollup_region AS
SELECT g.year, g.level, g.division_code, d.name AS division_name, g.projects,
	   g.grade_excellent, g.grade_good, g.grade_fair, g.grade_poor, g.ungraded,
	   g.mean_score, g.weighted_mean_score, g.budget, g.spent, g.execution_rate
  FROM (SELECT f.year, f.level, f.division_code,
			   count(*) AS projects,
			   count(*) FILTER (WHERE f.final_grade LIKE '优%') AS grade_excellent,
			   count(*) FILTER (WHERE f.final_grade LIKE '良%') AS grade_good,
			   count(*) FILTER (WHERE f.final_grade LIKE '中%') AS grade_fair,
			   count(*) FILTER (WHERE f.final_grade LIKE '差%' OR f.final_grade LIKE '较差%') AS grade_poor,
			   count(*) FILTER (WHERE f.final_grade IS NULL) AS ungraded,
			   round(avg(f.final_score), 2) AS mean_score,
			   round(sum(f.final_score * f.budget) / nullif(sum(f.budget) FILTER (WHERE f.final_score IS NOT NULL), 0), 2)
				   AS weighted_mean_score,
			   sum(f.budget) AS budget, sum(f.spent) AS spent,
			   perfeval.rate(sum(f.spent), sum(f.arrived)) AS execution_rate
		  FROM perfeval_internal.region_facts f
		 GROUP BY f.year, f.level, f.division_code) g
  LEFT JOIN perfeval.division d ON d.code = g.division_code;

CREATE VIEW perfeval.rollup_department AS
SELECT f.year, f.department, count(*) AS projects,
	   count(*) FILTER (WHERE f.final_grade LIKE '优%') AS grade_excellent,
	   count(*) FILTER (WHERE f.final_grade LIKE '良%') AS grade_good,
	   count(*) FILTER (WHERE f.final_grade LIKE '中%') AS grade_fair,
	   count(*) FILTER (WHERE f.final_grade LIKE '差%' OR f.final_grade LIKE '较差%') AS grade_poor,
	   count(*) FILTER (WHERE f.final_grade IS NULL) AS ungraded,
	   round(avg(f.final_score), 2) AS mean_score,
	   round(sum(f.final_score * f.budget) / nullif(sum(f.budget) FILTER (WHERE f.final_score IS NOT NULL), 0), 2)
		   AS weighted_mean_score,
	   sum(f.budget) AS budget, sum(f.spent) AS spent,
	   perfeval.rate(sum(f.spent), sum(f.arrived)) AS execution_rate
  FROM perfeval.project_facts f
 GROUP BY f.year, f.department;

COMMENT ON VIEW perfeval.project_facts IS '项目事实：采用得分、等级、区划层级与资金（万元） / One row per project: score of record, grade, division levels, money in 万元';
COMMENT ON VIEW perfeval_internal.region_facts IS '按区划层级展开的项目事实（省、市、县各一行） / Project facts once per division level';
COMMENT ON VIEW perfeval.rollup_region IS '按年度×省/市/县汇总：项目数、各等级数、平均分、预算加权平均分、预算、支出、执行率 / Per year and province, prefecture or county: projects, grades, mean and budget-weighted mean score, budget, spent, execution rate';
COMMENT ON COLUMN perfeval.rollup_region.level IS '区划层级：province 省、prefecture 市（州）、county 县（区） / Division level';
COMMENT ON COLUMN perfeval.rollup_region.weighted_mean_score IS '按全年预算加权的平均分 / Mean score weighted by full-year budget';
COMMENT ON COLUMN perfeval.rollup_region.execution_rate IS '执行率=支出合计÷到位合计（%） / Spent over arrived, percent';
COMMENT ON VIEW perfeval.rollup_department IS '按年度×主管部门汇总 / Per year and supervising department: projects, grades, scores and money';
