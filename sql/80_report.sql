-- Section 80: one project's evaluation as a printable HTML document.
--
-- report_html(project_id) lays out what the views say of a project in the
-- national self-evaluation form's order (项目支出绩效自评表): the header and
-- the money table, the three-level indicator table with targets, actuals,
-- completion, score and the working-paper explanation, the level-1 and
-- level-2 score rates as an inline SVG bar chart, the total and grade, and
-- every finding, marked where it belongs.  One self-contained document (no
-- external files or scripts) that prints on A4.  It reads the views as its
-- caller, so a role gets the report of a project it may see, and no other.

-- Text as HTML character data or attribute value.
CREATE FUNCTION perfeval_internal.html(t text) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN replace(replace(replace(replace(replace(coalesce(t, ''), '&', '&amp;'), '<', '&lt;'),
		'>', '&gt;'), '"', '&quot;'), '''', '&#39;');

CREATE FUNCTION perfeval.report_html(project_id text) RETURNS text
	LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	p perfeval.project_scores;
	h text := '';
	money text;
	rows text;
	bars text;
	marks text;
	nbars int;
	found_list text;
	fcode text[];
	fkind text[];
	fdetail text[];
BEGIN
	SELECT * INTO p FROM perfeval.project_scores ps WHERE ps.project_id = report_html.project_id;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'no project "%"', report_html.project_id USING ERRCODE = 'P0002',
			HINT = 'The project does not exist, or the current role may not see it (perfeval.grant_access).';
	END IF;

	-- findings, numbered in the order they are listed; the indicator rows
	-- and the total carry their numbers
	SELECT array_agg(f.code ORDER BY f.code IS NOT NULL, i.seq, f.code, f.kind),
		   array_agg(f.kind ORDER BY f.code IS NOT NULL, i.seq, f.code, f.kind),
		   array_agg(f.detail ORDER BY f.code IS NOT NULL, i.seq, f.code, f.kind)
	  INTO fcode, fkind, fdetail
	  FROM perfeval.findings f
	  LEFT JOIN perfeval.indicator_scores i ON i.project_id = f.project_id AND i.code = f.code
	 WHERE f.project_id = report_html.project_id;

	SELECT string_agg(format('<tr class="%s"><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>',
				CASE WHEN a.row_kind = '明细' THEN 'line' ELSE 'sum' END,
				perfeval_internal.html(CASE a.row_kind WHEN '明细' THEN a.department || '（' || a.fund_level || '）'
					WHEN '部门小计' THEN a.department || ' 小计' WHEN '级次小计' THEN a.fund_level || ' 小计'
					ELSE '合计' END),
				coalesce(a.initial_budget::text, '—'), coalesce(a.budget::text, '—'),
				coalesce(a.arrived::text, '—'), coalesce(a.spent::text, '—'),
				coalesce(a.execution_rate::text || '%', '—'),
				coalesce(a.arrival_rate::text || '%', '—')), ''
				ORDER BY CASE a.row_kind WHEN '明细' THEN 1 WHEN '部门小计' THEN 2 WHEN '级次小计' THEN 3 ELSE 4 END,
						 a.department, a.fund_level)
	  INTO money
	  FROM perfeval.allocation_summary a WHERE a.project_id = report_html.project_id;

	SELECT string_agg(format('<tr%s><td>%s</td><td>%s</td><td>%s%s</td><td class="n">%s</td><td>%s</td><td>%s</td><td class="n">%s</td><td class="n">%s</td><td class="x">%s</td></tr>',
				CASE WHEN m.marks IS NOT NULL THEN ' class="found"' ELSE '' END,
				perfeval_internal.html(i.level1), perfeval_internal.html(i.level2), perfeval_internal.html(i.name),
				coalesce(m.marks, ''),
				i.weight, perfeval_internal.html(i.target),
				perfeval_internal.html(coalesce(i.actual, i.tier)),
				coalesce(trim_scale(round(i.completion, 2))::text || '%', '—'),
				coalesce(i.score::text, '—'),
				perfeval_internal.html(coalesce(i.explanation, i.problem))), ''
				ORDER BY i.seq, i.code)
	  INTO rows
	  FROM perfeval.indicator_scores i
	  LEFT JOIN (SELECT f.code, string_agg(format('<sup><a href="#f%s">[%s]</a></sup>', f.n, f.n), '' ORDER BY f.n) AS marks
				   FROM unnest(fcode) WITH ORDINALITY AS f(code, n) GROUP BY f.code) m ON m.code = i.code
	 WHERE i.project_id = report_html.project_id AND i.applicable;

	-- the chart: one bar per level 1 and level 2, score rate in percent
	WITH b AS (
		SELECT row_number() OVER (ORDER BY l.seq, l.level1, l.l2 NULLS FIRST) - 1 AS k, l.*
		  FROM (SELECT l1.seq, l1.level1, NULL::text AS l2, l1.score_rate FROM perfeval.level1_scores l1
				 WHERE l1.project_id = report_html.project_id
				UNION ALL
				SELECT l2.seq, l2.level1, l2.level2, l2.score_rate FROM perfeval.level2_scores l2
				 WHERE l2.project_id = report_html.project_id) l)
	SELECT count(*), string_agg(format(
			'<text x="%s" y="%s" class="%s">%s</text><rect x="200" y="%s" width="%s" height="14" class="%s"/><text x="%s" y="%s">%s</text>',
			CASE WHEN b.l2 IS NULL THEN 4 ELSE 20 END, 12 + 20 * b.k, CASE WHEN b.l2 IS NULL THEN 'l1' ELSE 'l2' END,
			perfeval_internal.html(coalesce(b.l2, b.level1)),
			1 + 20 * b.k, round(coalesce(b.score_rate, 0) * 4, 1), CASE WHEN b.l2 IS NULL THEN 'b1' ELSE 'b2' END,
			206 + round(coalesce(b.score_rate, 0) * 4, 1), 12 + 20 * b.k, coalesce(trim_scale(round(b.score_rate, 2))::text || '%', '—')), ''
			ORDER BY b.k)
	  INTO nbars, bars FROM b;

	SELECT string_agg(format('<li id="f%s"><span class="kind">%s</span>%s%s</li>', f.n, perfeval_internal.html(f.kind),
				CASE WHEN f.code IS NOT NULL THEN perfeval_internal.html(f.code) || '：' ELSE '' END,
				perfeval_internal.html(f.detail)), '' ORDER BY f.n)
	  INTO found_list FROM unnest(fcode, fkind, fdetail) WITH ORDINALITY AS f(code, kind, detail, n);
	SELECT string_agg(format('<sup><a href="#f%s">[%s]</a></sup>', f.n, f.n), '' ORDER BY f.n)
	  INTO marks FROM unnest(fcode) WITH ORDINALITY AS f(code, n) WHERE f.code IS NULL;

	h := '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>'
		|| perfeval_internal.html(p.name) || ' 绩效自评表</title><style>'
		|| '@page{size:A4;margin:14mm}body{font-family:"Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","Microsoft YaHei",sans-serif;font-size:10pt;color:#111;margin:0}'
		|| 'h1{font-size:15pt;text-align:center;margin:0 0 4mm}h2{font-size:11pt;margin:5mm 0 2mm;border-bottom:1px solid #444}'
		|| 'table{border-collapse:collapse;width:100%;page-break-inside:auto}table.ind{table-layout:fixed}td{overflow-wrap:anywhere}tr{page-break-inside:avoid}'
		|| 'th,td{border:1px solid #666;padding:2px 4px;vertical-align:top}th{background:#eee}'
		|| 'td.n{text-align:right;white-space:nowrap}td.x{font-size:8.5pt}tr.sum td{font-weight:bold}tr.found td{background:#fff4e0}'
		|| 'sup a{color:#b00;text-decoration:none}.total{font-size:13pt;margin:4mm 0}.kind{font-family:monospace;color:#b00;margin-right:4px}'
		|| 'svg text{font-size:10px}svg .l1{font-weight:bold}svg .b1{fill:#2f5f8f}svg .b2{fill:#8fb3d9}'
		|| '</style></head><body>'
		|| '<h1>项目支出绩效自评表（' || p.year || '年度）</h1>'
		|| '<table class="head"><tr><th>项目名称</th><td colspan="3">' || perfeval_internal.html(p.name) || '</td></tr>'
		|| '<tr><th>项目编号</th><td>' || perfeval_internal.html(p.project_id) || '</td><th>评价类型</th><td>'
		|| perfeval_internal.html(p.evaluation_kind) || '</td></tr>'
		|| '<tr><th>主管部门</th><td>' || perfeval_internal.html(p.department) || '</td><th>评分方案</th><td>'
		|| perfeval_internal.html(p.scheme_id) || '</td></tr>'
		|| '<tr><th>行政区划</th><td colspan="3">' || perfeval_internal.html(concat_ws(' ', p.province_name, p.prefecture_name, p.county_name))
		|| '（' || p.division_code || '）</td></tr></table>'
		|| '<h2>项目资金（万元）</h2>'
		|| CASE WHEN money IS NULL THEN '<p>未录入资金。</p>' ELSE
			'<table><tr><th>部门（资金级次）</th><th>年初预算数</th><th>全年预算数</th><th>实际到位数</th><th>全年执行数</th><th>执行率</th><th>到位率</th></tr>'
			|| money || '</table>' END
		|| '<h2>绩效指标</h2>'
		|| CASE WHEN rows IS NULL THEN '<p>未录入三级指标。</p>' ELSE
			'<table class="ind"><colgroup><col style="width:6%"><col style="width:8%"><col style="width:12%"><col style="width:5%"><col style="width:9%"><col style="width:9%"><col style="width:8%"><col style="width:5%"><col></colgroup><tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>分值</th><th>指标值</th><th>实际完成值</th><th>完成率</th><th>得分</th><th>计算说明</th></tr>'
			|| rows || '</table>' END
		|| CASE WHEN nbars > 0 THEN '<h2>各级指标得分率</h2><svg xmlns="http://www.w3.org/2000/svg" width="680" height="'
			|| (20 * nbars + 4) || '" viewBox="0 0 680 ' || (20 * nbars + 4) || '">' || bars || '</svg>' ELSE '' END
		|| '<p class="total">总分：<b>' || coalesce(p.total::text, '—') || '</b>　等级：<b>'
		|| perfeval_internal.html(coalesce(p.grade, '—')) || '</b>' || coalesce(marks, '')
		|| CASE WHEN p.printed_total IS NOT NULL OR p.printed_grade IS NOT NULL THEN
			'　（报告：' || coalesce(p.printed_total::text, '—') || ' ' || perfeval_internal.html(coalesce(p.printed_grade, '')) || '）'
			ELSE '' END || '</p>'
		|| '<h2>发现的问题</h2>'
		|| CASE WHEN found_list IS NULL THEN '<p>无。</p>' ELSE '<ol class="findings">' || found_list || '</ol>' END
		|| '</body></html>';
	RETURN h;
END $$;

COMMENT ON FUNCTION perfeval_internal.html(text) IS '转义为 HTML 文本 / Text escaped for HTML';
COMMENT ON FUNCTION perfeval.report_html(text) IS '一个项目的绩效自评表（完整 HTML 文档，可打印 A4） / One project''s self-evaluation form as a complete, printable (A4) HTML document';
