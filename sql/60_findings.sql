-- Section 60: data-quality findings.
--
-- A finding is a fact about the data a reader should look at: a figure the
-- report printed that its own inputs do not give, a rule of the evaluation
-- not followed, or a row that cannot be scored.  Each has a kind (a stable
-- English key for filters and dashboards) and a detail in Chinese.  What an
-- indicator row raises is decided by its one evaluation (src/pe_eval.c) and
-- written by src/pe_explain.c; a project's figures come from one pass over
-- its evaluated indicators.

CREATE VIEW perfeval.findings AS
-- (one query around the UNION ALL: the planner flattens a view that is a
-- bare UNION ALL into its branches, security barrier or not, and would run
-- a caller's condition beside each branch's scope filter: section 95)
SELECT u.project_id, u.code, u.kind, u.detail FROM (
-- per project: no indicators, weights not adding to 100, a printed total or
-- grade its indicators do not give
SELECT f.project_id, NULL::text AS code, k.kind, k.detail
  -- (the kept results, section 47, while they carry the scheme's rules,
  -- the project evaluated from its facts otherwise, as project_scores)
  FROM (SELECT p.project_id, p.printed_total, p.printed_grade, p.scheme_id, a.none, a.weight, a.total,
			   perfeval.grade(coalesce(a.total, p.printed_total), s.grade_scale) AS final_grade
		  FROM perfeval.project p
		  JOIN perfeval.scheme s ON s.scheme_id = p.scheme_id
		  LEFT JOIN perfeval_internal.project_results r ON r.project_id = p.project_id AND r.rules = s.rules::bytea
		  LEFT JOIN (SELECT k.project_id, perfeval.sum_scores(x.e) AS t, sum(x.weight) AS weight
					   FROM perfeval_internal.project_results k
					   JOIN perfeval.scheme ks ON ks.scheme_id = k.scheme_id
							AND perfeval_internal.stale_results(k.rules, ks.rules)
					  CROSS JOIN LATERAL (SELECT x.e, x.weight FROM perfeval_internal.indicator_scored x
										   WHERE x.project_id = k.project_id OFFSET 0) x
					  WHERE perfeval_internal.in_scope(k.project_id)
					  GROUP BY k.project_id) e ON e.project_id = p.project_id
		 CROSS JOIN LATERAL (SELECT CASE WHEN r.project_id IS NULL THEN e.t IS NULL ELSE r.indicators = 0 END AS none,
									CASE WHEN r.project_id IS NULL THEN e.weight ELSE r.weights END AS weight,
									CASE WHEN r.project_id IS NULL THEN (e.t).total ELSE r.total END AS total) a
		 WHERE perfeval_internal.in_scope(p.project_id)) f
 CROSS JOIN LATERAL unnest(
	   ARRAY['no_indicators', 'weights_total', 'weights_not_100', 'printed_total', 'printed_grade'],
	   ARRAY[
		CASE WHEN f.none THEN '未录入三级指标，无法计算总分' || coalesce('；报告总分' || f.printed_total::text
			 || '未经核验', '') END,
		CASE WHEN f.weight <> 100 THEN '三级指标权重合计' || trim_scale(f.weight)::text || '分，不等于100分' END,
		-- (the same fact under the name issue 26 gives it, 1.16: the total
		-- is rescaled to 100 over the weights given)
		CASE WHEN f.weight <> 100 THEN '三级指标权重合计' || trim_scale(f.weight)::text
			 || '分，不等于100分；总分按100分折算' END,
		CASE WHEN f.total <> f.printed_total THEN
			'报告总分' || f.printed_total::text || '分，按指标计算应为' || trim_scale(f.total)::text
			|| '分（差' || trim_scale(f.total - f.printed_total)::text || '分）' END,
		CASE WHEN NOT starts_with(f.printed_grade, f.final_grade) THEN
			'报告等级“' || f.printed_grade || '”，' || trim_scale(coalesce(f.total, f.printed_total))::text
			|| '分按方案' || f.scheme_id || '应为“' || f.final_grade || '”' END]) AS k(kind, detail)
 WHERE (f.none OR f.weight <> 100 OR f.total <> f.printed_total OR NOT starts_with(f.printed_grade, f.final_grade))
   AND k.detail IS NOT NULL
UNION ALL
-- per indicator: what its one evaluation found, a sentence only for that
SELECT y.project_id, y.code, y.kind,
	   perfeval.finding_detail(y.e, y.kind, y.name, y.weight, y.applicable, y.source, y.target,
		   y.method, y.printed_score, y.code, y.rules, y.actuals, y.checklist, y.survey,
		   y.money_initial_budget, y.money_budget, y.money_arrived, y.money_spent, 'infinity')
  FROM (SELECT x.*, unnest(perfeval.finding_kinds(x.e)) AS kind
		  FROM perfeval_internal.indicator_evaluations x
		 WHERE perfeval.findings(x.e) <> 0) y
UNION ALL
SELECT a.project_id, NULL, 'spent_above_arrived',
	   a.department || '（' || a.fund_level || '）：全年执行' || trim_scale(a.spent)::text || a.unit
	   || '超过实际到位' || trim_scale(a.arrived)::text || a.unit
  FROM perfeval.allocation a
 WHERE a.spent > a.arrived AND perfeval_internal.in_scope(a.project_id)
UNION ALL
SELECT a.project_id, NULL, 'zero_budget',
	   a.department || '（' || a.fund_level || '）：全年预算为0'
	   || CASE WHEN a.arrived > 0 OR a.spent > 0 THEN '，但有到位或执行资金' ELSE '' END
  FROM perfeval.allocation a
 WHERE a.budget = 0 AND perfeval_internal.in_scope(a.project_id)
UNION ALL
-- what a form printed beside its facts (1.16): a department taken from the
-- implementing unit, level-1 points its rows' weights do not add up to
SELECT p.project_id, NULL, 'department_from_unit',
	   '表单未填主管部门，按实施单位“' || p.department || '”归口'
  FROM perfeval.project p
 WHERE p.department_from_unit AND perfeval_internal.in_scope(p.project_id)
UNION ALL
SELECT l.project_id, NULL, 'level1_points',
	   '一级指标“' || l.level1 || '”标注' || trim_scale(l.points)::text || '分，其三级指标分值合计'
	   || trim_scale(l.weight)::text || '分'
  FROM (SELECT i.project_id, i.level1, max(i.level1_points) AS points, sum(i.weight) AS weight
		  FROM perfeval.indicator i
		 WHERE i.level1_points IS NOT NULL AND perfeval_internal.in_scope(i.project_id)
		 GROUP BY i.project_id, i.level1) l
 WHERE l.points <> l.weight
UNION ALL
-- what a monitoring form printed beside its facts (1.16): a total not the
-- sum of its parts, a printed rate, a printed target
SELECT m.project_id, m.code, m.kind, m.detail
  FROM perfeval.monitoring_finding m
 WHERE perfeval_internal.in_scope(m.project_id)) u;

COMMENT ON VIEW perfeval.findings IS '数据质量问题：报告数字与输入不符、权重不为100、超额或未完成未说明原因、要点分值不符、支出超到位、零预算、无法计分 / Data-quality findings with a kind and a detail';
COMMENT ON COLUMN perfeval.findings.kind IS '问题类别（英文键） / Kind of finding, a stable English key';
COMMENT ON COLUMN perfeval.findings.detail IS '问题说明 / What is wrong, in Chinese';
