-- Section 60: data-quality findings.
--
-- A finding is a fact about the data a reader should look at: a figure the
-- report printed that its own inputs do not give, a rule of the evaluation
-- not followed, or a row that cannot be scored.  Each has a kind (a stable
-- English key for filters and dashboards) and a detail in Chinese.

CREATE VIEW perfeval.findings AS
-- a project whose total cannot be computed at all
SELECT p.project_id, NULL::text AS code, 'no_indicators' AS kind,
	   '未录入三级指标，无法计算总分' || coalesce('；报告总分' || p.printed_total::text
		   || '未经核验', '') AS detail
  FROM perfeval.project p
 WHERE NOT EXISTS (SELECT FROM perfeval.indicator i WHERE i.project_id = p.project_id)
UNION ALL
SELECT i.project_id, NULL, 'weights_total',
	   '三级指标权重合计' || perfeval.num_text(sum(i.weight)) || '分，不等于100分'
  FROM perfeval.indicator i
 GROUP BY i.project_id
HAVING sum(i.weight) <> 100
UNION ALL
-- the printed total and grade, from one pass over project_scores
SELECT ps.project_id, NULL, k.kind, k.detail
  FROM perfeval.project_scores ps
 CROSS JOIN LATERAL unnest(
	   ARRAY['printed_total', 'printed_grade'],
	   ARRAY[
		CASE WHEN ps.difference <> 0 THEN
			'报告总分' || ps.printed_total::text || '分，按指标计算应为'
			|| perfeval.num_text(ps.total) || '分（差' || perfeval.num_text(ps.total - ps.printed_total) || '分）' END,
		CASE WHEN NOT ps.grade_agrees THEN
			'报告等级“' || ps.printed_grade || '”，' || perfeval.num_text(ps.final_score)
			|| '分按方案' || ps.scheme_id || '应为“' || ps.final_grade || '”' END]) AS k(kind, detail)
 WHERE (ps.difference <> 0 OR NOT ps.grade_agrees) AND k.detail IS NOT NULL
UNION ALL
-- per indicator, one branch per kind, each filtering on its own condition
-- (a lateral list of the four kinds made four rows of every indicator row and,
-- as a VALUES list, compiled its expressions again for each: 37 s a year)
SELECT x.project_id, x.code, 'printed_score',
	   x.name || '：报告得分' || x.printed_score::text || '分，按输入应得'
	   || perfeval.num_text(x.score) || '分（分值' || perfeval.num_text(x.weight) || '分）'
  FROM perfeval.indicator_scores_as_of('infinity') x
 WHERE x.printed_score <> x.score
UNION ALL
SELECT x.project_id, x.code, 'over_achievement',
	   x.name || '：指标完成率' || perfeval.pct_text(x.completion) || '，超过' || perfeval.num_text(x.over_threshold)
	   || '%，未说明偏差原因（指标值可能偏低）'
  FROM perfeval.indicator_scores_as_of('infinity') x
 WHERE x.completion >= x.over_threshold AND x.deviation_note IS NULL
UNION ALL
SELECT x.project_id, x.code, 'shortfall',
	   x.name || '：指标完成率' || perfeval.pct_text(x.completion) || '，未完成指标值，未说明偏差原因'
  FROM perfeval.indicator_scores_as_of('infinity') x
 WHERE x.completion < 100 AND x.deviation_note IS NULL
UNION ALL
SELECT x.project_id, x.code, x.problem, x.name || '：' || CASE x.problem
		WHEN 'missing_actual' THEN '未录入实际完成值，无法计分'
		WHEN 'missing_target' THEN '未设定指标值，无法计分'
		WHEN 'unjudged_qualitative' THEN '定性指标（指标值“' || coalesce(x.target, '') || '”，实际“'
			|| coalesce(x.actual, '') || '”）未评判达成档次，无法计分'
		WHEN 'incomparable_units' THEN '指标值' || x.target || '与实际值' || x.actual || '单位不可比，无法计分'
		WHEN 'judgement_out_of_band' THEN '评判为' || x.tier || '，比例' || perfeval.num_text(x.fraction)
			|| '%不在该档区间内，无法计分'
		WHEN 'missing_responses' THEN '无满意度调查样本或选项缺少系数，无法计分'
		WHEN 'missing_money' THEN '无资金数据或比率分母为零，无法计分'
		ELSE '数据不全，无法计分' END
  FROM perfeval.indicator_scores_as_of('infinity') x
 WHERE x.problem IS NOT NULL
UNION ALL
SELECT i.project_id, i.code, 'checklist_points',
	   i.name || '：' || CASE WHEN count(cp.points) < count(*) THEN '部分评价要点未列分值'
		   ELSE '评价要点分值合计' || perfeval.num_text(sum(cp.points)) || '分，不等于指标分值'
			   || perfeval.num_text(i.weight) || '分' END
  FROM perfeval.indicator i
  JOIN perfeval.checklist_point cp ON cp.project_id = i.project_id AND cp.code = i.code
 GROUP BY i.project_id, i.code, i.name, i.weight
HAVING count(cp.points) > 0 AND (count(cp.points) < count(*) OR sum(cp.points) <> i.weight)
UNION ALL
SELECT a.project_id, NULL, 'spent_above_arrived',
	   a.department || '（' || a.fund_level || '）：全年执行' || perfeval.num_text(a.spent) || a.unit
	   || '超过实际到位' || perfeval.num_text(a.arrived) || a.unit
  FROM perfeval.allocation a
 WHERE a.spent > a.arrived
UNION ALL
SELECT a.project_id, NULL, 'zero_budget',
	   a.department || '（' || a.fund_level || '）：全年预算为0'
	   || CASE WHEN a.arrived > 0 OR a.spent > 0 THEN '，但有到位或执行资金' ELSE '' END
  FROM perfeval.allocation a
 WHERE a.budget = 0;

COMMENT ON VIEW perfeval.findings IS '数据质量问题：报告数字与输入不符、权重不为100、超额或未完成未说明原因、要点分值不符、支出超到位、零预算、无法计分 / Data-quality findings with a kind and a detail';
COMMENT ON COLUMN perfeval.findings.kind IS '问题类别（英文键） / Kind of finding, a stable English key';
COMMENT ON COLUMN perfeval.findings.detail IS '问题说明 / What is wrong, in Chinese';
