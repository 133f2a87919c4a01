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
	   '三级指标权重合计' || trim_scale(sum(i.weight))::text || '分，不等于100分'
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
			|| trim_scale(ps.total)::text || '分（差' || trim_scale(ps.total - ps.printed_total)::text || '分）' END,
		CASE WHEN NOT ps.grade_agrees THEN
			'报告等级“' || ps.printed_grade || '”，' || trim_scale(ps.final_score)::text
			|| '分按方案' || ps.scheme_id || '应为“' || ps.final_grade || '”' END]) AS k(kind, detail)
 WHERE (ps.difference <> 0 OR NOT ps.grade_agrees) AND k.detail IS NOT NULL
UNION ALL
-- per indicator, what its one evaluation found (src/pe_eval.c decides,
-- src/pe_explain.c writes the sentence); only rows with a finding are
-- described
SELECT x.project_id, x.code, f.kind, f.detail
  FROM perfeval_internal.indicator_evaluations x
 CROSS JOIN LATERAL perfeval.indicator_findings(x.e, x.name, x.weight, x.applicable, x.source,
	   x.target, x.method, x.printed_score, x.code, x.rules, x.actuals, x.checklist, x.survey,
	   x.money_initial_budget, x.money_budget, x.money_arrived, x.money_spent, 'infinity') f
 WHERE perfeval.findings(x.e) <> 0
UNION ALL
SELECT a.project_id, NULL, 'spent_above_arrived',
	   a.department || '（' || a.fund_level || '）：全年执行' || trim_scale(a.spent)::text || a.unit
	   || '超过实际到位' || trim_scale(a.arrived)::text || a.unit
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
