-- perfeval 1.13 -> 1.14: export_indicator marks a row judged from an actual
-- that has no target 定性 in 指标性质, so that export -> import does not turn
-- it into a printed-only row.
\echo Use "ALTER EXTENSION perfeval UPDATE TO '1.14'" to load this file. \quit

CREATE OR REPLACE VIEW perfeval.export_indicator AS
SELECT i.project_id AS "项目编码", i.level1 AS "一级指标", i.level2 AS "二级指标", i.name AS "三级指标",
	   -- a row judged from an actual without a target marked 定性, so that
	   -- it is not read back as printed-only (1.14); a method other than
	   -- proportional in brackets, in Chinese (1.12)
	   CASE WHEN i.source = 'actual' AND i.target IS NULL THEN '定性' ELSE '' END
		|| CASE WHEN i.method <> 'proportional'::perfeval.method THEN '（' || perfeval.method_zh(i.method) || '）'
				ELSE '' END AS "指标性质",
	   i.target::text AS "指标值", ''::text AS "度量单位", i.weight::text AS "分值",
	   CASE WHEN NOT i.applicable THEN '不适用'
			WHEN i.source IN ('arrival_rate', 'execution_rate', 'survey') THEN s.actual
			WHEN i.source = 'actual' THEN la.measure::text END AS "实际完成值",
	   -- a row judged by a tier without a printed score goes out with its
	   -- score as the scheme prints it, which the import judges back at
	   -- 得分 ÷ 分值 (1.12)
	   coalesce(i.printed_score, s.score)::text AS "得分",
	   la.deviation_note AS "偏差原因分析及改进措施"
  FROM perfeval.indicator i
  LEFT JOIN perfeval.latest_actual la ON la.project_id = i.project_id AND la.code = i.code
  LEFT JOIN perfeval.indicator_scores s ON s.project_id = i.project_id AND s.code = i.code
		AND (i.source IN ('arrival_rate', 'execution_rate', 'survey')
			 OR (i.source = 'actual' AND i.printed_score IS NULL AND la.fraction IS NOT NULL))
 WHERE perfeval_internal.in_scope(i.project_id)
   AND NOT (i.code = 'A11' AND i.source = 'execution_rate')
 ORDER BY i.project_id, i.seq, i.code;
