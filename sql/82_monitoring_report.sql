-- Section 82: one project's mid-year monitoring as a printable HTML
-- document (1.16, issue 28).
--
-- report_monitoring_html(project_id, day) prints a project as the national
-- monitoring form (项目支出绩效目标执行监控表) at a date (NULL: its latest
-- report, as the view monitoring_projects gives it): 项目名称, 主管部门,
-- 实施单位 and 监控日期; the money (全年预算数, 1-N月执行数, 执行率, 序时进度,
-- 执行进度比, 序时进度差, the execution light and its sentence, 重点监控);
-- the goal light; the three-level indicator table (年度指标值, 截至监控日
-- 应完成值, 实际完成值, 完成进度, light, 偏差原因, 完成可能性) with each
-- light's sentence as a note under its row; and the findings, numbered and
-- marked where they belong.  Every figure, light and sentence is read from
-- the views monitoring_projects and monitoring_indicators, or at a date
-- from what monitoring_projects_as_of() and monitoring_indicators_as_of()
-- return (section 72): the rules are the core's, none is restated here.
-- A light prints as a coloured dot and its Chinese label, so it survives
-- printing in black and white.  The document follows report_html()'s
-- conventions (section 80): one self-contained file for A4, escaped by
-- perfeval_internal.html(), read as its caller, so a role gets the sheet of
-- a project it may see, and no other.

-- A light as printed: a dot of its colour and its Chinese label (the
-- core's, light_label()); no light prints as a dash.
CREATE FUNCTION perfeval_internal.light_html(light text) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN CASE WHEN light IS NULL THEN chr(8212)
		ELSE '<span class="light ' || perfeval_internal.html(light) || '"><i>' || chr(9679) || '</i>'
			 || perfeval_internal.html(perfeval_internal.light_label(light)) || '</span>' END;

CREATE FUNCTION perfeval.report_monitoring_html(project_id text, day date DEFAULT NULL) RETURNS text
	LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	p record;
	m perfeval.monitoring_projects;
	ind perfeval.monitoring_indicators[];
	h text;
	rows text;
	marks text;
	found_list text;
	fcode text[];
	fdetail text[];
	mf constant text := 'FM999,999,999,999,999,999,990.00';
	nd constant text := chr(8212);
BEGIN
	SELECT pr.name, pr.year, pr.department, pr.implementing_unit, pr.division_code,
		   concat_ws(' ', d1.name, d2.name, d3.name) AS region
	  INTO p
	  FROM perfeval.project pr
	  LEFT JOIN perfeval.division d1 ON d1.code = perfeval.division_at(pr.division_code, 'province')
	  LEFT JOIN perfeval.division d2 ON d2.code = perfeval.division_at(pr.division_code, 'prefecture')
	  LEFT JOIN perfeval.division d3 ON d3.code = perfeval.division_at(pr.division_code, 'county')
	 WHERE pr.project_id = report_monitoring_html.project_id
	   AND perfeval_internal.in_scope(pr.project_id);
	IF NOT FOUND THEN
		RAISE EXCEPTION USING ERRCODE = 'P0002',
			MESSAGE = perfeval_internal.message('no_project', report_monitoring_html.project_id),
			HINT = perfeval_internal.message('no_project.hint');
	END IF;

	-- the project and its indicators as the monitoring gives them
	IF report_monitoring_html.day IS NULL THEN
		SELECT * INTO m FROM perfeval.monitoring_projects v WHERE v.project_id = report_monitoring_html.project_id;
		SELECT array_agg(v) INTO ind FROM perfeval.monitoring_indicators v
		 WHERE v.project_id = report_monitoring_html.project_id;
	ELSE
		-- (what monitoring_*_as_of() return, without their SET: inlined, so
		-- that the project's condition is applied to its rows alone, not to
		-- the whole warehouse's monitoring; texteq leaks nothing)
		SELECT * INTO m FROM perfeval_internal.monitoring_projects(report_monitoring_html.day) v
		 WHERE v.project_id = report_monitoring_html.project_id;
		SELECT array_agg(v::perfeval.monitoring_indicators) INTO ind
		  FROM perfeval_internal.monitoring_indicators(report_monitoring_html.day) v
		 WHERE v.project_id = report_monitoring_html.project_id;
	END IF;
	IF m.project_id IS NULL THEN
		RAISE EXCEPTION USING ERRCODE = 'P0002',
			MESSAGE = CASE WHEN report_monitoring_html.day IS NULL
				THEN perfeval_internal.message('no_monitoring.latest', report_monitoring_html.project_id)
				ELSE perfeval_internal.message('no_monitoring', report_monitoring_html.project_id,
											   report_monitoring_html.day::text) END,
			HINT = perfeval_internal.message('no_monitoring.hint');
	END IF;

	-- findings (each "；"-separated sentence its own), numbered in the order
	-- listed: the project's first, then the indicators' in table order
	SELECT array_agg(f.code ORDER BY f.code IS NOT NULL, f.seq, f.code, f.k),
		   array_agg(f.detail ORDER BY f.code IS NOT NULL, f.seq, f.code, f.k)
	  INTO fcode, fdetail
	  FROM (SELECT NULL::text AS code, NULL::int AS seq, s.k, s.detail
			  FROM unnest(string_to_array(m.findings, '；')) WITH ORDINALITY AS s(detail, k)
			UNION ALL
			SELECT i.code, x.seq, s.k, s.detail
			  FROM unnest(ind) i
			  LEFT JOIN perfeval.indicator x ON x.project_id = i.project_id AND x.code = i.code
			 CROSS JOIN LATERAL unnest(string_to_array(i.findings, '；')) WITH ORDINALITY AS s(detail, k)) f
	 WHERE f.detail <> '';

	-- one <tbody> per indicator, its row and its light's sentence kept on one
	-- page; level 1 and level 2 printed where they change
	SELECT string_agg(format('<tbody class="i%s"><tr class="r%s hasnote"><td class="l">%s</td><td class="l">%s</td><td>%s%s</td><td>%s</td><td class="n">%s</td><td>%s</td><td class="n">%s</td><td class="c">%s</td><td>%s</td><td>%s</td></tr>'
							 '<tr class="note"><td class="l"></td><td class="l"></td><td class="x" colspan="8">说明：%s</td></tr></tbody>',
				CASE WHEN y.new1 THEN ' g1' WHEN y.new2 THEN ' g2' ELSE '' END,
				CASE WHEN y.marks IS NOT NULL THEN ' found' ELSE '' END,
				CASE WHEN y.new1 THEN perfeval_internal.html(y.level1) ELSE '' END,
				CASE WHEN y.new2 THEN perfeval_internal.html(y.level2) ELSE '' END,
				perfeval_internal.html(y.name), coalesce(y.marks, ''),
				perfeval_internal.html(y.target),
				coalesce(trim_scale(round(y.expected, 2))::text || perfeval_internal.html(y.unit), nd),
				coalesce(nullif(perfeval_internal.html(y.actual), ''), nd),
				coalesce(trim_scale(round(y.progress, 2))::text || '%', nd),
				perfeval_internal.light_html(y.light),
				coalesce(nullif(perfeval_internal.html(y.cause), ''), nd),
				coalesce(nullif(perfeval_internal.html(y.likelihood), ''), nd),
				coalesce(nullif(perfeval_internal.html(y.explanation), ''), nd)), ''
				ORDER BY y.seq, y.code)
	  INTO rows
	  FROM (SELECT i.*, x.level1, x.level2, x.seq, perfeval.unit(x.target) AS unit, k.marks,
				   x.level1 IS DISTINCT FROM lag(x.level1) OVER w AS new1,
				   x.level1 IS DISTINCT FROM lag(x.level1) OVER w OR x.level2 IS DISTINCT FROM lag(x.level2) OVER w AS new2
			  FROM unnest(ind) i
			  LEFT JOIN perfeval.indicator x ON x.project_id = i.project_id AND x.code = i.code
			  LEFT JOIN (SELECT f.code, string_agg(format('<sup><a href="#f%s">[%s]</a></sup>', f.n, f.n), '' ORDER BY f.n) AS marks
						   FROM unnest(fcode) WITH ORDINALITY AS f(code, n) GROUP BY f.code) k ON k.code = i.code
			WINDOW w AS (ORDER BY x.seq, i.code)) y;

	SELECT f.items, f.marks INTO found_list, marks FROM perfeval_internal.report_findings(fcode, fdetail) f;

	h := perfeval_internal.report_page(p.name || ' 绩效目标执行监控表',
			'td.c{text-align:center;white-space:nowrap}table.ind{font-size:9pt}table.ind th{font-size:8.5pt;padding:2px 1px}'
			-- a light: a dot in its colour (text colour prints without the
			-- browser's "background graphics") and its label, for grey print
			|| '.light{white-space:nowrap}.light i{font-style:normal;font-size:13pt;line-height:1;margin-right:1px;vertical-align:-1pt}'
			|| '.red i{color:#e60000}.yellow i{color:#f0b400}.green i{color:#00a040}.blue i{color:#0060d0}.grey i{color:#a0a0a0}'
			|| 'p.goal{margin:1mm 0}')
		|| '<h1>项目支出绩效目标执行监控表</h1><p class="year">（' || p.year || '年度）</p>'
		|| '<table class="head"><colgroup><col style="width:14%"><col style="width:36%"><col style="width:14%"><col style="width:36%"></colgroup>'
		|| '<tr><th>项目名称</th><td colspan="3">' || perfeval_internal.html(p.name) || '</td></tr>'
		|| '<tr><th>主管部门</th><td>' || perfeval_internal.html(p.department) || '</td><th>实施单位</th><td>'
		|| CASE WHEN p.implementing_unit IS NULL OR p.implementing_unit = '' THEN nd ELSE perfeval_internal.html(p.implementing_unit) END || '</td></tr>'
		|| '<tr><th>项目编号</th><td>' || perfeval_internal.html(report_monitoring_html.project_id) || '</td><th>监控日期</th><td>'
		|| to_char(m.as_of, 'YYYY"年"FMMM"月"FMDD"日"') || '</td></tr>'
		|| '<tr><th>行政区划</th><td>' || perfeval_internal.html(p.region) || '（' || p.division_code || '）</td><th>资金报告日期</th><td>'
		|| coalesce(to_char(m.reported_on, 'YYYY"年"FMMM"月"FMDD"日"'), nd) || '</td></tr></table>'
		|| '<h2>预算执行情况（万元）</h2>'
		|| CASE WHEN m.reported_on IS NULL THEN '<p>未报告预算执行数。</p>' ELSE
			'<table class="exec"><colgroup><col style="width:12%"><col style="width:12%"><col style="width:11%"><col style="width:11%"><col style="width:12%"><col style="width:16%"><col style="width:13%"><col style="width:13%"></colgroup>'
			|| '<thead><tr><th>全年预算数</th><th>1' || chr(8211) || extract(month FROM m.as_of) || '月执行数</th><th>执行率</th><th>序时进度</th>'
			|| '<th>执行进度比</th><th>序时进度差</th><th>执行灯色</th><th>重点监控</th></tr></thead><tbody>'
			|| '<tr><td class="n">' || coalesce(to_char(m.budget, mf), nd) || '</td><td class="n">' || coalesce(to_char(m.spent, mf), nd)
			|| '</td><td class="n">' || coalesce(to_char(m.exec_rate, mf) || '%', nd)
			|| '</td><td class="n">' || coalesce(to_char(m.time_progress, mf) || '%', nd)
			|| '</td><td class="n">' || coalesce(to_char(m.exec_ratio, mf) || '%', nd)
			|| '</td><td class="n">' || coalesce(to_char(m.exec_gap, mf) || '个百分点', nd)
			|| '</td><td class="c">' || perfeval_internal.light_html(m.exec_light) || coalesce(marks, '')
			|| '</td><td class="c">' || CASE m.key_monitor WHEN true THEN '是' WHEN false THEN '否' ELSE nd END || '</td></tr>'
			|| '<tr class="note"><td class="x" colspan="8">说明：' || coalesce(nullif(perfeval_internal.html(m.explanation), ''), nd) || '</td></tr>'
			|| '</tbody></table>' END
		|| '<h2>绩效目标执行情况</h2>'
		|| '<p class="goal">目标灯色（各指标中最差者）：' || perfeval_internal.light_html(m.goal_light) || '</p>'
		|| CASE WHEN rows IS NULL THEN '<p>未录入按实际完成值监控的三级指标。</p>' ELSE
			'<table class="ind"><colgroup><col style="width:8%"><col style="width:8%"><col style="width:12%"><col style="width:10%"><col style="width:16%"><col style="width:10%"><col style="width:8%"><col style="width:6.5%"><col style="width:10%"><col style="width:11.5%"></colgroup>'
			|| '<thead><tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>年度指标值</th><th>截至监控日应完成值</th><th>实际完成值</th><th>完成进度</th><th>灯色</th><th>偏差原因</th><th>完成可能性</th></tr></thead>'
			|| rows || '</table>' END
		|| '<h2>发现的问题</h2>'
		|| CASE WHEN found_list IS NULL THEN '<p>无。</p>' ELSE '<ol class="findings">' || found_list || '</ol>' END
		|| '</body></html>';
	RETURN h;
END $$;

COMMENT ON FUNCTION perfeval.report_monitoring_html(text, date) IS '一个项目某日（默认最近报告日）的绩效目标执行监控表（完整 HTML 文档，可打印 A4） / One project''s monitoring sheet at a date (by default its latest report) as a complete, printable (A4) HTML document';
COMMENT ON FUNCTION perfeval_internal.light_html(text) IS '灯色的 HTML：彩色圆点及中文名 / A light as HTML: a coloured dot and its Chinese label';
