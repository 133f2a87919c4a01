-- make demo: the four sample reports as a finance department reads them.
-- For each project: its level-1 summary, total and grade, money and
-- findings; then the warehouse roll-ups.  Generic over whatever is loaded.
\set QUIET on
\pset footer off
\pset null '—'
\echo
\echo '绩效评价数据仓库演示 / perfeval warehouse demo'
\echo '==============================================='

SELECT q FROM perfeval.project p
 CROSS JOIN LATERAL (VALUES
	(1, format($q$SELECT %L AS "项目 / project", %L AS "名称 / name", %s AS "年度", %L AS "评价类型", %L AS "来源 / source"$q$,
			   p.project_id, p.name, p.year, p.evaluation_kind, p.source)),
	(2, format($q$SELECT level1 AS "一级指标", indicators AS "指标数", weight AS "分值", score AS "得分", score_rate AS "得分率%%"
				    FROM perfeval.level1_scores WHERE project_id = %L ORDER BY seq$q$, p.project_id)),
	(3, format($q$SELECT total AS "计算总分", grade AS "等级", printed_total AS "报告总分", printed_grade AS "报告等级",
					 difference AS "差异", final_score AS "采用得分", final_grade AS "采用等级", scheme_id AS "评分方案"
				    FROM perfeval.project_scores WHERE project_id = %L$q$, p.project_id)),
	(4, format($q$SELECT row_kind AS "行", department AS "部门", fund_level AS "级次", budget AS "全年预算(万元)",
					 arrived AS "实际到位", spent AS "全年执行", balance AS "结余", arrival_rate AS "到位率%%",
					 execution_rate AS "执行率%%"
				    FROM perfeval.allocation_summary WHERE project_id = %L
				   ORDER BY array_position(ARRAY['明细', '部门小计', '级次小计', '合计'], row_kind), department, fund_level$q$,
			   p.project_id)),
	(5, format($q$SELECT coalesce(code, '') AS "指标", kind AS "问题类别", detail AS "问题说明"
				    FROM perfeval.findings WHERE project_id = %L
				   UNION ALL SELECT '', '(无)', '未发现数据质量问题 / no findings'
				   WHERE NOT EXISTS (SELECT FROM perfeval.findings WHERE project_id = %L)
				   ORDER BY 1, 2$q$, p.project_id, p.project_id))
	) AS v(n, q)
 ORDER BY p.project_id, v.n
\gexec

\echo '按区划汇总 / roll-up by region'
SELECT year AS "年度", level AS "层级", division_code AS "区划", division_name AS "名称", projects AS "项目数",
	   grade_excellent AS "优", grade_good AS "良", grade_fair AS "中", grade_poor AS "差",
	   mean_score AS "平均分", weighted_mean_score AS "预算加权平均分", budget AS "预算(万元)", spent AS "支出",
	   execution_rate AS "执行率%"
  FROM perfeval.rollup_region ORDER BY year, division_code;
\echo '按主管部门汇总 / roll-up by department'
SELECT year AS "年度", department AS "主管部门", projects AS "项目数", mean_score AS "平均分",
	   budget AS "预算(万元)", spent AS "支出", execution_rate AS "执行率%"
  FROM perfeval.rollup_department ORDER BY year, department;
