-- Section 80: one project's evaluation as a printable HTML document.
--
-- report_html(project_id) prints a project as the national self-evaluation
-- form (项目支出绩效自评表): 项目名称, 主管部门 and 实施单位; the money table
-- (年初预算数, 全年预算数, 实际到位数, 全年执行数, 执行率, and the 分值 and
-- 得分 of the budget-execution indicator) in 万元 with thousands separators
-- and two decimals, right-aligned; the three-level indicator table
-- (一级/二级/三级指标, 年度指标值, 实际完成值, 分值, 得分, 偏差原因分析及改进措施)
-- with the working-paper explanation as a note under each row; the level-1
-- and level-2 score rates as an inline SVG bar chart; the total and grade;
-- and every finding as its Chinese sentence, numbered and marked where it
-- belongs.  年度总体目标 (预期目标 and 实际完成情况) is printed where either is
-- known (project.annual_goal, annual_outcome).  One self-contained document (no external files or
-- scripts, no line break, tab or backslash that COPY would escape) that
-- prints on A4: table headers repeat on every page, a heading stays with
-- its table, a row is never split, a header never breaks inside a word.  It
-- reads the views as its caller, so a role gets the report of a project it
-- may see, and no other.

-- Text as HTML character data or attribute value; a line break becomes
-- <br>, other control characters a space, a backslash a character
-- reference (so that the document survives psql's \copy unchanged).
CREATE FUNCTION perfeval_internal.html(t text) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN regexp_replace(regexp_replace(replace(replace(replace(replace(replace(replace(coalesce(t, ''),
		'&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '''', '&#39;'), '\', '&#92;'),
		'\r\n|\r|\n', '<br>', 'g'), '[\x01-\x1f\x7f]', ' ', 'g');

-- The start of every printed form: its document head with the print
-- style the forms share and the form's own (style), and the body's start.
CREATE FUNCTION perfeval_internal.report_page(title text, style text) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>'
		|| perfeval_internal.html(regexp_replace(title, '\s+', ' ', 'g')) || '</title><style>'
		|| '@page{size:A4;margin:12mm}'
		|| 'body{font-family:"Noto Serif CJK SC","Noto Sans CJK SC","Source Han Serif SC","SimSun","Microsoft YaHei",serif;font-size:10pt;color:#000;margin:0}'
		|| 'h1{font-size:16pt;text-align:center;margin:0;letter-spacing:2px}p.year{text-align:center;margin:1mm 0 3mm}'
		|| 'h2{font-size:11pt;margin:4mm 0 1.5mm;break-after:avoid;page-break-after:avoid}'
		|| 'table{border-collapse:collapse;width:100%;table-layout:fixed}thead{display:table-header-group}'
		|| 'tr,tbody.i{break-inside:avoid;page-break-inside:avoid}'
		|| 'th,td{border:1px solid #000;padding:2px 3px;vertical-align:middle;overflow-wrap:break-word}'
		|| 'th{background:#eee;font-weight:bold;text-align:center;white-space:nowrap;word-break:keep-all}'
		|| 'table.head th{text-align:left}td.n{text-align:right;white-space:nowrap}'
		|| 'tr.hasnote td.l{border-bottom:none}tr.note td.l{border-top:none}'
		|| 'tr.hasnote td:not(.l){border-bottom:1px dotted #999}td.x{font-size:8.5pt;color:#333;border-top:1px dotted #999}'
		|| 'tr.found>td{background:#fff4e0}sup a{color:#b00;text-decoration:none}'
		|| 'ol.findings{margin:0;padding-left:7mm}.code{margin-right:1em}'
		|| style || '@media screen{body{max-width:186mm;margin:8mm auto}}</style></head><body>';

-- A form's findings, numbered: the list (each with its indicator's code,
-- a sentence ending in its full stop) and the marks of those that belong
-- to no indicator (an indicator's marks are on its row).
CREATE FUNCTION perfeval_internal.report_findings(codes text[], details text[], OUT items text, OUT marks text)
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	BEGIN ATOMIC
	SELECT string_agg(format('<li id="f%s">%s%s%s</li>', f.n,
				CASE WHEN f.code IS NOT NULL THEN '<span class="code">' || perfeval_internal.html(f.code) || '</span>' ELSE '' END,
				perfeval_internal.html(f.detail),
				CASE WHEN f.detail ~ '[。！？]$' THEN '' ELSE '。' END), '' ORDER BY f.n),
		   string_agg(format('<sup><a href="#f%s">[%s]</a></sup>', f.n, f.n), '' ORDER BY f.n) FILTER (WHERE f.code IS NULL)
	  FROM unnest(report_findings.codes, report_findings.details) WITH ORDINALITY AS f(code, detail, n);
	END;

CREATE FUNCTION perfeval.report_html(project_id text) RETURNS text
	LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	p perfeval.project_scores;
	unit text;
	goal text;
	outcome text;
	h text := '';
	money text;
	rows text;
	bars text;
	marks text;
	nbars int;
	found_list text;
	fcode text[];
	fdetail text[];
	ex_weight numeric;
	ex_score numeric;
	-- money and rates: thousands separators, two decimals (half-up)
	mf constant text := 'FM999,999,999,999,999,999,990.00';
	-- what is not known prints as a dash (chr(): section 10 keeps the
	-- script to characters GB2312 has)
	nd constant text := chr(8212);
BEGIN
	SELECT * INTO p FROM perfeval.project_scores ps WHERE ps.project_id = report_html.project_id;
	IF NOT FOUND THEN
		RAISE EXCEPTION USING ERRCODE = 'P0002',
			MESSAGE = perfeval_internal.message('no_project', report_html.project_id),
			HINT = perfeval_internal.message('no_project.hint');
	END IF;
	SELECT pr.implementing_unit, nullif(btrim(pr.annual_goal), ''), nullif(btrim(pr.annual_outcome), '')
	  INTO unit, goal, outcome FROM perfeval.project pr WHERE pr.project_id = report_html.project_id;

	-- findings, numbered in the order they are listed; the indicator rows
	-- and the total carry their numbers
	SELECT array_agg(f.code ORDER BY f.code IS NOT NULL, i.seq, f.code, f.kind),
		   array_agg(f.detail ORDER BY f.code IS NOT NULL, i.seq, f.code, f.kind)
	  INTO fcode, fdetail
	  FROM perfeval.findings f
	  LEFT JOIN perfeval.indicator_scores i ON i.project_id = f.project_id AND i.code = f.code
	 WHERE f.project_id = report_html.project_id;

	-- the budget-execution indicator's points, printed in the money table
	SELECT sum(i.weight), sum(i.score) INTO ex_weight, ex_score
	  FROM perfeval.indicator_scores i
	 WHERE i.project_id = report_html.project_id AND i.applicable AND i.source = 'execution_rate';

	SELECT string_agg(format('<tr class="%s"><td>%s</td><td class="n">%s</td><td class="n">%s</td><td class="n">%s</td><td class="n">%s</td><td class="n">%s</td><td class="n">%s</td><td class="n">%s</td></tr>',
				CASE WHEN a.row_kind = '明细' THEN 'line' ELSE 'sum' END,
				perfeval_internal.html(CASE a.row_kind WHEN '明细' THEN a.department || '（' || a.fund_level || '）'
					WHEN '部门小计' THEN a.department || ' 小计' WHEN '级次小计' THEN a.fund_level || ' 小计'
					ELSE '合计' END),
				coalesce(to_char(a.initial_budget, mf), nd), coalesce(to_char(a.budget, mf), nd),
				coalesce(to_char(a.arrived, mf), nd), coalesce(to_char(a.spent, mf), nd),
				coalesce(to_char(a.execution_rate, mf) || '%', nd),
				CASE WHEN a.row_kind = '合计' THEN coalesce(trim_scale(ex_weight)::text, nd) ELSE '' END,
				CASE WHEN a.row_kind = '合计' THEN coalesce(trim_scale(ex_score)::text, nd) ELSE '' END), ''
				ORDER BY CASE a.row_kind WHEN '明细' THEN 1 WHEN '部门小计' THEN 2 WHEN '级次小计' THEN 3 ELSE 4 END,
						 a.department, a.fund_level)
	  INTO money
	  FROM perfeval.allocation_summary a WHERE a.project_id = report_html.project_id;

	-- one <tbody> per indicator (its row and its note kept on one page);
	-- level 1 and level 2 printed where they change, the cells below left
	-- blank as on the printed form
	SELECT string_agg(format('<tbody class="i%s"><tr class="r%s%s"><td class="l">%s</td><td class="l">%s</td><td>%s%s</td><td>%s</td><td>%s</td><td class="n">%s</td><td class="n">%s</td><td class="d">%s</td></tr>%s</tbody>',
				CASE WHEN x.new1 THEN ' g1' WHEN x.new2 THEN ' g2' ELSE '' END,
				CASE WHEN x.marks IS NOT NULL THEN ' found' ELSE '' END,
				CASE WHEN x.explanation IS NOT NULL THEN ' hasnote' ELSE '' END,
				CASE WHEN x.new1 THEN perfeval_internal.html(x.level1) ELSE '' END,
				CASE WHEN x.new2 THEN perfeval_internal.html(x.level2) ELSE '' END,
				perfeval_internal.html(x.name), coalesce(x.marks, ''),
				perfeval_internal.html(x.target),
				perfeval_internal.html(coalesce(x.actual, x.tier)),
				trim_scale(x.weight),
				coalesce(x.score::text, nd),
				perfeval_internal.html(x.deviation_note),
				CASE WHEN x.explanation IS NOT NULL THEN
					'<tr class="note"><td class="l"></td><td class="l"></td><td class="x" colspan="6">计算说明：'
					|| perfeval_internal.html(x.explanation) || '</td></tr>' ELSE '' END), ''
				ORDER BY x.seq, x.code)
	  INTO rows
	  FROM (SELECT i.*, m.marks,
				   i.level1 IS DISTINCT FROM lag(i.level1) OVER w AS new1,
				   i.level1 IS DISTINCT FROM lag(i.level1) OVER w OR i.level2 IS DISTINCT FROM lag(i.level2) OVER w AS new2
			  FROM perfeval.indicator_scores i
			  LEFT JOIN (SELECT f.code, string_agg(format('<sup><a href="#f%s">[%s]</a></sup>', f.n, f.n), '' ORDER BY f.n) AS marks
						   FROM unnest(fcode) WITH ORDINALITY AS f(code, n) GROUP BY f.code) m ON m.code = i.code
			 WHERE i.project_id = report_html.project_id AND i.applicable
			WINDOW w AS (ORDER BY i.seq, i.code)) x;

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
			206 + round(coalesce(b.score_rate, 0) * 4, 1), 12 + 20 * b.k, coalesce(trim_scale(round(b.score_rate, 2))::text || '%', nd)), ''
			ORDER BY b.k)
	  INTO nbars, bars FROM b;

	-- findings as their Chinese sentences (an indicator's begins with its
	-- name), after the indicator's code
	SELECT f.items, f.marks INTO found_list, marks FROM perfeval_internal.report_findings(fcode, fdetail) f;

	h := perfeval_internal.report_page(p.name || ' 绩效自评表',
			'table.goal td{vertical-align:top;text-align:left}td.d{font-size:9pt}tr.sum td{font-weight:bold}'
			|| '.total{font-size:12pt;margin:3mm 0}.chart{break-inside:avoid;page-break-inside:avoid}'
			|| 'svg text{font-size:10px}svg .l1{font-weight:bold}svg .b1{fill:#2f5f8f}svg .b2{fill:#8fb3d9}')
		|| '<h1>项目支出绩效自评表</h1><p class="year">（' || p.year || '年度）</p>'
		|| '<table class="head"><colgroup><col style="width:14%"><col style="width:36%"><col style="width:14%"><col style="width:36%"></colgroup>'
		|| '<tr><th>项目名称</th><td colspan="3">' || perfeval_internal.html(p.name) || '</td></tr>'
		|| '<tr><th>主管部门</th><td>' || perfeval_internal.html(p.department) || '</td><th>实施单位</th><td>'
		|| CASE WHEN unit IS NULL OR unit = '' THEN nd ELSE perfeval_internal.html(unit) END || '</td></tr>'
		|| '<tr><th>项目编号</th><td>' || perfeval_internal.html(p.project_id) || '</td><th>评价类型</th><td>'
		|| perfeval_internal.html(p.evaluation_kind) || '</td></tr>'
		|| '<tr><th>行政区划</th><td>' || perfeval_internal.html(concat_ws(' ', p.province_name, p.prefecture_name, p.county_name))
		|| '（' || p.division_code || '）</td><th>评分方案</th><td>' || perfeval_internal.html(p.scheme_id) || '</td></tr></table>'
		|| '<h2>项目资金（万元）</h2>'
		|| CASE WHEN money IS NULL THEN '<p>未录入资金。</p>' ELSE
			'<table class="money"><colgroup><col style="width:28%"><col style="width:12%"><col style="width:12%"><col style="width:12%"><col style="width:12%"><col style="width:10%"><col style="width:7%"><col style="width:7%"></colgroup>'
			|| '<thead><tr><th>资金来源</th><th>年初预算数</th><th>全年预算数</th><th>实际到位数</th><th>全年执行数</th><th>执行率</th><th>分值</th><th>得分</th></tr></thead><tbody>'
			|| money || '</tbody></table>' END
		|| CASE WHEN goal IS NULL AND outcome IS NULL THEN '' ELSE
			'<h2>年度总体目标</h2><table class="goal"><colgroup><col style="width:50%"><col style="width:50%"></colgroup>'
			|| '<thead><tr><th>预期目标</th><th>实际完成情况</th></tr></thead><tbody><tr><td>'
			|| coalesce(nullif(perfeval_internal.html(goal), ''), nd) || '</td><td>'
			|| coalesce(nullif(perfeval_internal.html(outcome), ''), nd)
			|| '</td></tr></tbody></table>' END
		|| '<h2>年度绩效指标完成情况</h2>'
		|| CASE WHEN rows IS NULL THEN '<p>未录入三级指标。</p>' ELSE
			'<table class="ind"><colgroup><col style="width:10.5%"><col style="width:11%"><col style="width:15%"><col style="width:11%"><col style="width:11%"><col style="width:6%"><col style="width:6.5%"><col></colgroup>'
			|| '<thead><tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>年度指标值</th><th>实际完成值</th><th>分值</th><th>得分</th><th>偏差原因分析及改进措施</th></tr></thead>'
			|| rows || '</table>' END
		|| '<p class="total">总分：<b>' || coalesce(p.total::text, nd) || '</b>　等级：<b>'
		|| perfeval_internal.html(coalesce(p.grade, nd)) || '</b>' || coalesce(marks, '')
		|| CASE WHEN p.printed_total IS NOT NULL OR p.printed_grade IS NOT NULL THEN
			'　（报告：' || coalesce(p.printed_total::text, nd) || ' ' || perfeval_internal.html(coalesce(p.printed_grade, '')) || '）'
			ELSE '' END || '</p>'
		|| CASE WHEN nbars > 0 THEN '<div class="chart"><h2>各级指标得分率</h2><svg xmlns="http://www.w3.org/2000/svg" width="680" height="'
			|| (20 * nbars + 4) || '" viewBox="0 0 680 ' || (20 * nbars + 4) || '">' || bars || '</svg></div>' ELSE '' END
		|| '<h2>发现的问题</h2>'
		|| CASE WHEN found_list IS NULL THEN '<p>无。</p>' ELSE '<ol class="findings">' || found_list || '</ol>' END
		|| '</body></html>';
	RETURN h;
END $$;

COMMENT ON FUNCTION perfeval_internal.html(text) IS '转义为 HTML 文本（换行为 <br>） / Text escaped for HTML, line breaks as <br>';
COMMENT ON FUNCTION perfeval_internal.report_page(text, text) IS '打印表的开头：文档头、共用及本表的打印样式 / The start of a printed form: its head with the shared print style and its own';
COMMENT ON FUNCTION perfeval_internal.report_findings(text[], text[]) IS '打印表的问题清单及不属于指标的问题标记 / A printed form''s numbered findings, and the marks of those that belong to no indicator';
COMMENT ON FUNCTION perfeval.report_html(text) IS '一个项目的绩效自评表（完整 HTML 文档，可打印 A4） / One project''s self-evaluation form as a complete, printable (A4) HTML document';
