-- Section 70: warehouse roll-ups.
--
-- One row per project with its score of record and money, then grouped by
-- region (province / prefecture / county from the GB/T 2260 code) or by
-- department.  Grades are counted by band number under each project's own
-- scheme (1 the highest: 优 under the national scheme, A under A:90,B:80,…),
-- so that the counts of a group add up to its projects whatever the labels.

CREATE VIEW perfeval.project_facts AS
SELECT ps.project_id, ps.year, ps.division_code,
	   perfeval.division_at(ps.division_code, 'province') AS province,
	   perfeval.division_at(ps.division_code, 'prefecture') AS prefecture,
	   perfeval.division_at(ps.division_code, 'county') AS county,
	   ps.department, ps.final_score, ps.final_grade,
	   trim_scale(m.budget) AS budget, trim_scale(m.arrived) AS arrived,
	   trim_scale(m.spent) AS spent,
	   ps.final_band, ps.scheme_id, ps.programme_code, ps.province_name, ps.prefecture_name,
	   ps.county_name
  FROM perfeval.project_scores ps
  -- the money kept with the project's state (section 45), as project_money
  -- gives it, read from the narrow kept results (section 47), which copy it
  LEFT JOIN perfeval_internal.project_results m ON m.project_id = ps.project_id;

-- Each project once per level of its division (province, prefecture,
-- county), so that the roll-up is one plain GROUP BY over one pass of the
-- projects (parallel workers and Citus workers aggregate partially).
CREATE VIEW perfeval_internal.region_facts AS
SELECT f.year, l.level, l.division_code, f.final_score, f.final_grade, f.budget, f.arrived,
	   f.spent, f.final_band, f.department
  FROM perfeval.project_facts f
 CROSS JOIN LATERAL unnest(ARRAY['province', 'prefecture', 'county'],
						   ARRAY[f.province, f.prefecture, f.county]) AS l(level, division_code)
 WHERE l.division_code IS NOT NULL;

CREATE VIEW perfeval.rollup_region AS
SELECT g.year, g.level, g.division_code, d.name AS division_name, g.projects,
	   g.grade_excellent, g.grade_good, g.grade_fair, g.grade_poor, g.ungraded,
	   g.mean_score, g.weighted_mean_score, trim_scale(g.budget) AS budget,
	   trim_scale(g.spent) AS spent, trim_scale(g.execution_rate) AS execution_rate,
	   dp.name AS province_name, dq.name AS prefecture_name
  FROM (SELECT f.year, f.level, f.division_code,
			   count(*) AS projects,
			   count(*) FILTER (WHERE f.final_band = 1) AS grade_excellent,
			   count(*) FILTER (WHERE f.final_band = 2) AS grade_good,
			   count(*) FILTER (WHERE f.final_band = 3) AS grade_fair,
			   count(*) FILTER (WHERE f.final_band >= 4) AS grade_poor,
			   count(*) FILTER (WHERE f.final_band IS NULL) AS ungraded,
			   trim_scale(round(avg(f.final_score), 2)) AS mean_score,
			   trim_scale(round(sum(f.final_score * f.budget) / nullif(sum(f.budget) FILTER (WHERE f.final_score IS NOT NULL), 0), 2))
				   AS weighted_mean_score,
			   sum(f.budget) AS budget, sum(f.spent) AS spent,
			   perfeval.rate(sum(f.spent), sum(f.arrived)) AS execution_rate
		  FROM perfeval_internal.region_facts f
		 GROUP BY f.year, f.level, f.division_code) g
  LEFT JOIN perfeval.division d ON d.code = g.division_code
  LEFT JOIN perfeval.division dp ON dp.code = perfeval.division_at(g.division_code, 'province')
  LEFT JOIN perfeval.division dq ON dq.code = perfeval.division_at(g.division_code, 'prefecture');

CREATE VIEW perfeval.rollup_department AS
SELECT f.year, f.department, count(*) AS projects,
	   count(*) FILTER (WHERE f.final_band = 1) AS grade_excellent,
	   count(*) FILTER (WHERE f.final_band = 2) AS grade_good,
	   count(*) FILTER (WHERE f.final_band = 3) AS grade_fair,
	   count(*) FILTER (WHERE f.final_band >= 4) AS grade_poor,
	   count(*) FILTER (WHERE f.final_band IS NULL) AS ungraded,
	   trim_scale(round(avg(f.final_score), 2)) AS mean_score,
	   trim_scale(round(sum(f.final_score * f.budget) / nullif(sum(f.budget) FILTER (WHERE f.final_score IS NOT NULL), 0), 2))
		   AS weighted_mean_score,
	   trim_scale(sum(f.budget)) AS budget, trim_scale(sum(f.spent)) AS spent,
	   trim_scale(perfeval.rate(sum(f.spent), sum(f.arrived))) AS execution_rate
  FROM perfeval.project_facts f
 GROUP BY f.year, f.department;

-- Projects by year, division (at each level), department and grade, each
-- counted under its own scheme's labels; a group's grades add up to its
-- projects (band NULL: no score of record).
CREATE VIEW perfeval.grade_distribution AS
SELECT g.year, g.level, g.division_code, d.name AS division_name, g.department, g.grade,
	   g.band, g.projects, trim_scale(g.budget) AS budget, trim_scale(g.spent) AS spent
  FROM (SELECT f.year, f.level, f.division_code, f.department, f.final_grade AS grade,
			   f.final_band AS band, count(*) AS projects, sum(f.budget) AS budget,
			   sum(f.spent) AS spent
		  FROM perfeval_internal.region_facts f
		 GROUP BY f.year, f.level, f.division_code, f.department, f.final_grade, f.final_band) g
  LEFT JOIN perfeval.division d ON d.code = g.division_code;

-- Each programme (the budget system's code, the same across years) by year:
-- its projects, the mean score of record and its grade (under the
-- programme's scheme, when its projects share one), and the change from
-- the year before it was evaluated.
CREATE VIEW perfeval.programme_years AS
SELECT y.programme_code, y.year, y.projects, y.final_score, y.final_grade,
	   lag(y.year) OVER w AS previous_year, lag(y.final_score) OVER w AS previous_score,
	   trim_scale(y.final_score - lag(y.final_score) OVER w) AS change, y.budget, y.spent
  FROM (SELECT f.programme_code, f.year, count(*) AS projects,
			   trim_scale(round(avg(f.final_score), 2)) AS final_score,
			   CASE WHEN count(*) = 1 THEN min(f.final_grade)
					WHEN count(DISTINCT f.scheme_id) = 1
					THEN perfeval.grade(round(avg(f.final_score), 2), (array_agg(s.grade_scale))[1]) END AS final_grade,
			   trim_scale(sum(f.budget)) AS budget, trim_scale(sum(f.spent)) AS spent
		  FROM perfeval.project_facts f
		  JOIN perfeval.scheme s ON s.scheme_id = f.scheme_id
		 WHERE f.programme_code IS NOT NULL
		 GROUP BY f.programme_code, f.year) y
WINDOW w AS (PARTITION BY y.programme_code ORDER BY y.year);

COMMENT ON VIEW perfeval.project_facts IS '项目事实：采用得分、等级、区划层级与资金（万元） / One row per project: score of record, grade, division levels, money in 万元';
COMMENT ON VIEW perfeval_internal.region_facts IS '按区划层级展开的项目事实（省、市、县各一行） / Project facts once per division level';
COMMENT ON VIEW perfeval.rollup_region IS '按年度×省/市/县汇总：项目数、各等级数、平均分、预算加权平均分、预算、支出、执行率 / Per year and province, prefecture or county: projects, grades, mean and budget-weighted mean score, budget, spent, execution rate';
COMMENT ON COLUMN perfeval.rollup_region.level IS '区划层级：province 省、prefecture 市（州）、county 县（区） / Division level';
COMMENT ON COLUMN perfeval.rollup_region.weighted_mean_score IS '按全年预算加权的平均分 / Mean score weighted by full-year budget';
COMMENT ON COLUMN perfeval.rollup_region.execution_rate IS '执行率=支出合计÷到位合计（%） / Spent over arrived, percent';
COMMENT ON COLUMN perfeval.rollup_region.grade_excellent IS '最高等级（第1档，如优）项目数 / Projects in the highest band (band 1: 优 under the national scheme)';
COMMENT ON COLUMN perfeval.rollup_region.grade_good IS '第2档（如良）项目数 / Projects in band 2 (良)';
COMMENT ON COLUMN perfeval.rollup_region.grade_fair IS '第3档（如中）项目数 / Projects in band 3 (中)';
COMMENT ON COLUMN perfeval.rollup_region.grade_poor IS '第4档及以下（如差）项目数 / Projects in band 4 or below (差)';
COMMENT ON COLUMN perfeval.rollup_region.province_name IS '所属省级区划名称 / Name of the row''s province';
COMMENT ON COLUMN perfeval.rollup_region.prefecture_name IS '所属地级区划名称 / Name of the row''s prefecture';
COMMENT ON VIEW perfeval.grade_distribution IS '按年度×区划层级×主管部门×等级的项目数与资金（各项目按其方案等级计） / Projects and money by year, division level, department and grade, each under its own scheme';
COMMENT ON COLUMN perfeval.grade_distribution.level IS '区划层级：province 省、prefecture 市（州）、county 县（区） / Division level';
COMMENT ON COLUMN perfeval.grade_distribution.grade IS '等级名称（按项目方案，为空则无采用得分） / Grade label under the project''s scheme (NULL: no score of record)';
COMMENT ON COLUMN perfeval.grade_distribution.band IS '等级序号（1 为最高） / Band number, 1 for the highest';
COMMENT ON COLUMN perfeval.grade_distribution.projects IS '项目数 / Projects';
COMMENT ON COLUMN perfeval.grade_distribution.budget IS '全年预算合计（万元） / Full-year budget, 万元';
COMMENT ON COLUMN perfeval.grade_distribution.spent IS '全年执行合计（万元） / Spent, 万元';
COMMENT ON VIEW perfeval.programme_years IS '各项目库项目逐年得分、等级及较上年变化 / Each programme by year: score, grade and change from the year before';
COMMENT ON COLUMN perfeval.programme_years.final_score IS '当年项目采用得分的平均值 / Mean score of record of the year''s projects';
COMMENT ON COLUMN perfeval.programme_years.final_grade IS '当年等级（项目同一方案时） / Grade of the year (when its projects share a scheme)';
COMMENT ON COLUMN perfeval.programme_years.previous_year IS '上一评价年度 / The year it was evaluated before';
COMMENT ON COLUMN perfeval.programme_years.previous_score IS '上一评价年度得分 / Score of that year';
COMMENT ON COLUMN perfeval.programme_years.change IS '较上一评价年度的得分变化 / Change from that year''s score';
COMMENT ON COLUMN perfeval.programme_years.projects IS '当年项目数 / Projects of the year';
COMMENT ON VIEW perfeval.rollup_department IS '按年度×主管部门汇总 / Per year and supervising department: projects, grades, scores and money';
