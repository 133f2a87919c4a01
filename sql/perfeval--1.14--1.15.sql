-- perfeval 1.14 -> 1.15: hardening (issue 25): no leak through the views,
-- imports with the stager's rights, strict binary input, every restore
-- keeps everything, only the owner changes who sees what and how everyone
-- is graded, invisible characters refused, formula cells neutralised.
\echo Use "ALTER EXTENSION perfeval UPDATE TO '1.15'" to load this file. \quit

-- == import ==
-- (issue 25, items 2, 7, 10, 11) An import acts with the rights of whoever
-- staged the form: import_forms() run by another role than the stager (the
-- owner's nightly run) imports a loader's form only inside that loader's
-- loading scope (stager_may_load(), src/access.c), else rejects it with
-- 42501 and leaves it staged.  The import's SECURITY DEFINER helpers are
-- PUBLIC's no more: grant_import() grants them to loaders, and the loaders
-- granted before the update get them here.  The export views neutralise
-- formula cells (export_cell()); staging a row takes the guard quote off.
CREATE FUNCTION perfeval_internal.stager_may_load(stager name, project_id text, department text,
		division_code text) RETURNS boolean
	AS 'MODULE_PATHNAME', 'stager_may_load' LANGUAGE C STABLE PARALLEL SAFE;
REVOKE ALL ON FUNCTION perfeval_internal.stager_may_load(name, text, text, text) FROM PUBLIC;
COMMENT ON FUNCTION perfeval_internal.stager_may_load(name, text, text, text) IS '暂存表单的角色可否装载它（所替换的项目及所写的部门与区划） / Whether the role that staged a form may load it: the project it replaces and the department and division it writes';

CREATE FUNCTION perfeval_internal.export_cell(text) RETURNS text
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE AS 'MODULE_PATHNAME', 'pe_export_cell';
COMMENT ON FUNCTION perfeval_internal.export_cell(text) IS '导出单元格：公式开头（= + - @ 制表符 回车）前加单引号，导入时去掉 / An exported cell: a leading quote before a formula cell (= + - @, tab, CR), taken off again by the import';

REVOKE ALL ON FUNCTION perfeval_internal.analyze_staging() FROM PUBLIC;
REVOKE ALL ON FUNCTION perfeval_internal.ensure_national_self() FROM PUBLIC;
CREATE OR REPLACE FUNCTION perfeval_internal.grant_import(role regrole, grant_it boolean) RETURNS void
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	EXECUTE format(CASE WHEN grant_it THEN 'GRANT %s ON %s TO %s' ELSE 'REVOKE %s ON %s FROM %s' END,
		'SELECT, INSERT, UPDATE, DELETE', 'perfeval.form_project, perfeval.form_indicator, perfeval.form_checklist,
		perfeval.form_survey, perfeval.import_error', role);
	EXECUTE format(CASE WHEN grant_it THEN 'GRANT %s ON %s TO %s' ELSE 'REVOKE %s ON %s FROM %s' END,
		'SELECT, INSERT, UPDATE, DELETE', 'perfeval_internal.staged_project, perfeval_internal.staged_indicator,
		perfeval_internal.staged_checklist, perfeval_internal.staged_survey', role);
	EXECUTE format(CASE WHEN grant_it THEN 'GRANT %s ON %s TO %s' ELSE 'REVOKE %s ON %s FROM %s' END,
		'SELECT', 'perfeval.staged_lines, perfeval_internal.form_indicator_rows', role);
	-- the import's SECURITY DEFINER helpers, PUBLIC's no more (1.15)
	EXECUTE format(CASE WHEN grant_it THEN 'GRANT %s ON %s TO %s' ELSE 'REVOKE %s ON %s FROM %s' END,
		'EXECUTE', 'FUNCTION perfeval_internal.taken_codes(text[]), perfeval_internal.analyze_staging(),
		perfeval_internal.ensure_national_self()', role);
END $$;
DO $$
DECLARE
	r record;
BEGIN
	FOR r IN SELECT DISTINCT g.role_name FROM perfeval.access_grant g
			  WHERE g.may_load AND EXISTS (SELECT FROM pg_catalog.pg_roles o WHERE o.rolname = g.role_name) LOOP
		EXECUTE format('GRANT EXECUTE ON FUNCTION perfeval_internal.analyze_staging(), perfeval_internal.ensure_national_self() TO %I',
			r.role_name);
	END LOOP;
END $$;

CREATE OR REPLACE FUNCTION perfeval.import_forms() RETURNS TABLE (project_code text, status text, indicators int, errors int)
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	t0 timestamptz := clock_timestamp();
	n bigint;
	k bigint;
	j bigint;
	st text; msg text; hnt text;
	rel text;
	again boolean;
	staging text[] := ARRAY['staged_project', 'staged_indicator', 'staged_checklist', 'staged_survey'];
	-- (the statements that change a table by the forms' codes take them as
	-- an array, not a join with a temporary table, which Citus cannot plan)
	codes text[];
BEGIN
	-- a form staged again replaces what was staged of it before (nothing
	-- to replace where every row is of one batch: one file's COPY)
	FOREACH rel IN ARRAY staging LOOP
		EXECUTE format('SELECT min(t.batch) IS DISTINCT FROM max(t.batch) FROM perfeval_internal.%I t', rel) INTO again;
		CONTINUE WHEN NOT again;
		EXECUTE format('DELETE FROM perfeval_internal.%I s USING (SELECT t."项目编码" AS code, max(t.batch) AS b
			FROM perfeval_internal.%1$I t GROUP BY 1) m WHERE s."项目编码" = m.code AND s.batch < m.b', rel);
	END LOOP;
	-- the planner's statistics of what was just staged
	PERFORM perfeval_internal.analyze_staging();
	FOREACH rel IN ARRAY ARRAY['pe_import_forms', 'pe_irows', 'pe_forms', 'pe_points', 'pe_answers', 'pe_taken'] LOOP
		IF to_regclass('pg_temp.' || rel) IS NOT NULL THEN EXECUTE format('DROP TABLE pg_temp.%I', rel); END IF;
	END LOOP;
	CREATE TEMP TABLE pe_import_forms AS
	SELECT x.code, min(x.line) AS line FROM (
		SELECT s."项目编码" AS code, s.line FROM perfeval_internal.staged_project s
		UNION ALL SELECT s."项目编码", s.line + 1000000000 FROM perfeval_internal.staged_indicator s) x
	 GROUP BY x.code;
	-- the problems of this run replace those of earlier runs of the same forms
	codes := ARRAY(SELECT f.code FROM pe_import_forms f WHERE f.code IS NOT NULL);
	DELETE FROM perfeval.import_error e WHERE e.project_code = ANY (codes);
	IF EXISTS (SELECT FROM pe_import_forms f WHERE f.code IS NULL) THEN
		DELETE FROM perfeval.import_error e WHERE e.project_code IS NULL;
	END IF;
	-- the staged indicator rows, read once (parsed, in form order)
	CREATE TEMP TABLE pe_irows AS SELECT * FROM perfeval_internal.form_indicator_rows;
	ANALYZE pe_irows;
	INSERT INTO perfeval.import_error (project_code, relation, line, column_name, value, sqlstate, message, hint)
	SELECT p.project_code, p.relation, p.line, p.column_name, p.value, p.sqlstate, p.message, p.hint
	  FROM perfeval_internal.form_problems() p;
	-- a form staged by another role than the caller (the owner's nightly
	-- run sees every loader's staged rows) is imported with the rights of
	-- whoever staged it (1.15): only inside the loading scope of every role
	-- that staged a row of it -- the project it replaces and the one it
	-- writes -- else it is rejected with 42501 and stays staged.  (Nothing
	-- to check for the caller's own rows, the only ones a loader sees: its
	-- writes go through row-level security.)
	IF EXISTS (SELECT FROM perfeval_internal.staged_project s WHERE s.staged_by <> CURRENT_USER)
	   OR EXISTS (SELECT FROM perfeval_internal.staged_indicator s WHERE s.staged_by <> CURRENT_USER)
	   OR EXISTS (SELECT FROM perfeval_internal.staged_checklist s WHERE s.staged_by <> CURRENT_USER)
	   OR EXISTS (SELECT FROM perfeval_internal.staged_survey s WHERE s.staged_by <> CURRENT_USER) THEN
		INSERT INTO perfeval.import_error (project_code, relation, line, column_name, value, sqlstate, message, hint)
		WITH o AS (
			SELECT DISTINCT x.code, x.stager FROM (
				SELECT s."项目编码" AS code, s.staged_by AS stager FROM perfeval_internal.staged_project s
				UNION ALL SELECT s."项目编码", s.staged_by FROM perfeval_internal.staged_indicator s
				UNION ALL SELECT s."项目编码", s.staged_by FROM perfeval_internal.staged_checklist s
				UNION ALL SELECT s."项目编码", s.staged_by FROM perfeval_internal.staged_survey s) x
			 WHERE x.stager <> CURRENT_USER AND x.code IS NOT NULL),
		f AS (
			SELECT DISTINCT ON (s."项目编码") s."项目编码" AS code, s.line, btrim(s."主管部门") AS department,
				   btrim(s."行政区划代码") AS division
			  FROM perfeval_internal.staged_project s
			 WHERE s."项目编码" IN (SELECT o.code FROM o)
			 ORDER BY s."项目编码", s.line),
		t AS (SELECT t.code FROM perfeval_internal.taken_codes(ARRAY(SELECT DISTINCT o.code FROM o)) t(code))
		SELECT o.code, 'form_project', f.line, NULL, NULL, '42501',
			   format('role "%s" may not load project "%s"', o.stager, o.code),
			   format('The form was staged by role "%s" and is imported with its rights: its loading grants must cover the project it replaces and its 主管部门 and 行政区划代码.  That role corrects or deletes its staged rows; the warehouse''s owner grants loading with perfeval.grant_access(role, department, division_prefix, may_load => true).', o.stager)
		  FROM o JOIN f ON f.code = o.code
		  LEFT JOIN t ON t.code = o.code
		 WHERE NOT perfeval_internal.stager_may_load(o.stager, t.code, f.department, f.division)
		 ORDER BY f.line, o.stager;
	END IF;
	-- the forms to write, numbered in form order, as they will be written
	CREATE TEMP TABLE pe_forms AS
	SELECT row_number() OVER (ORDER BY f.line, f.code) AS ord, s.*,
		   perfeval_internal.form_offs(s."预算执行率分值") AS offs
	  FROM pe_import_forms f
	  JOIN perfeval_internal.staged_project s ON s."项目编码" = f.code
	 WHERE NOT EXISTS (SELECT FROM perfeval.import_error e WHERE e.project_code = f.code);
	CREATE INDEX ON pe_forms (ord);
	-- the projects the forms replace, and whether the caller may load them:
	-- read before anything is written (on a Citus cluster the owner, who
	-- reads the scope, may not read the shards once the caller wrote them)
	CREATE TEMP TABLE pe_taken AS
	SELECT t.code, perfeval_internal.may_load(t.code) AS may
	  FROM perfeval_internal.taken_codes(ARRAY(SELECT f."项目编码" FROM pe_forms f)) t(code);
	IF EXISTS (SELECT FROM pe_forms f WHERE coalesce(btrim(f."评分方案"), '') = '')
	   AND NOT EXISTS (SELECT FROM perfeval.scheme sc WHERE sc.scheme_id = 'national_self') THEN
		PERFORM perfeval_internal.ensure_national_self();
	END IF;
	-- the forms' indicator rows, found by their form
	CREATE INDEX ON pe_irows (project_code);
	CREATE TEMP TABLE pe_points AS
	SELECT f.ord, r.project_code, r.code, row_number() OVER (PARTITION BY r.project_code, r.code ORDER BY c.line) AS point_no,
		   btrim(c."评价要点") AS description, perfeval_internal.form_number(c."要点分值") AS points,
		   coalesce(perfeval_internal.form_number(c."扣分"), 0) AS deduction, nullif(btrim(c."扣分理由"), '') AS reason
	  FROM pe_forms f
	  JOIN pe_irows r ON r.project_code = f."项目编码"
	  JOIN perfeval_internal.staged_checklist c ON c."项目编码" = r.project_code AND c."三级指标" = r.name
	 WHERE r.source = 'checklist';
	CREATE INDEX ON pe_points (ord);
	CREATE TEMP TABLE pe_answers AS
	SELECT f.ord, r.project_code, r.code,
		   coalesce(CASE WHEN btrim(v."选项") IN ('非常满意', '很满意') THEN 1 WHEN btrim(v."选项") IN ('比较满意', '满意') THEN 2
						 WHEN btrim(v."选项") IN ('一般', '一般满意', '基本满意') THEN 3
						 WHEN btrim(v."选项") IN ('较不满意', '不太满意') THEN 4 WHEN btrim(v."选项") IN ('不满意', '很不满意') THEN 5 END,
					row_number() OVER (PARTITION BY r.project_code, r.code ORDER BY v.line)) AS option_no,
		   btrim(v."选项") AS option_label, perfeval_internal.form_number(v."人数")::int AS respondents,
		   perfeval_internal.form_number(v."系数") AS coefficient
	  FROM pe_forms f
	  JOIN pe_irows r ON r.project_code = f."项目编码"
	  JOIN perfeval_internal.staged_survey v ON v."项目编码" = r.project_code AND v."三级指标" = r.name
	 WHERE r.source = 'survey';
	CREATE INDEX ON pe_answers (ord);
	ANALYZE pe_forms, pe_points, pe_answers;
	SELECT count(*) INTO n FROM pe_forms;
	k := 1;
	WHILE k <= n LOOP
		BEGIN
			PERFORM perfeval_internal.write_forms(k, k + 9999);
		EXCEPTION WHEN integrity_constraint_violation OR data_exception OR insufficient_privilege THEN
			FOR j IN k .. least(k + 9999, n) LOOP
				BEGIN
					PERFORM perfeval_internal.write_forms(j, j);
				EXCEPTION WHEN integrity_constraint_violation OR data_exception OR insufficient_privilege THEN
					GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT, hnt = PG_EXCEPTION_HINT;
					INSERT INTO perfeval.import_error (project_code, relation, line, column_name, value, sqlstate, message, hint)
					SELECT f."项目编码", 'form_project', f.line, NULL, NULL, st, msg, nullif(hnt, '')
					  FROM pe_forms f WHERE f.ord = j;
				END;
			END LOOP;
		END;
		IF n >= 10000 THEN
			RAISE NOTICE 'import_forms: % of % forms written, % forms/s', least(k + 9999, n), n,
				round(least(k + 9999, n) / greatest(extract(epoch FROM clock_timestamp() - t0), 0.001));
		END IF;
		k := k + 10000;
	END LOOP;
	-- imported forms leave the staging relations
	codes := ARRAY(SELECT f.code FROM pe_import_forms f
					WHERE NOT EXISTS (SELECT FROM perfeval.import_error e WHERE e.project_code = f.code));
	FOREACH rel IN ARRAY staging LOOP
		EXECUTE format('DELETE FROM perfeval_internal.%I s WHERE s."项目编码" = ANY ($1)', rel) USING codes;
	END LOOP;
	RETURN QUERY
	SELECT f.code,
		   CASE WHEN coalesce(e.n, 0) > 0 THEN 'rejected' ELSE 'imported' END,
		   CASE WHEN coalesce(e.n, 0) > 0 THEN coalesce(si.n, 0) ELSE coalesce(wi.n, 0) END,
		   coalesce(e.n, 0)
	  FROM pe_import_forms f
	  -- (keyed so that a form without 项目编码 finds its own problems)
	  LEFT JOIN (SELECT coalesce(x.project_code, E'\x01') AS k, count(*)::int AS n FROM perfeval.import_error x GROUP BY 1) e
		ON e.k = coalesce(f.code, E'\x01')
	  LEFT JOIN (SELECT coalesce(x."项目编码", E'\x01') AS k, count(*)::int AS n FROM perfeval_internal.staged_indicator x GROUP BY 1) si
		ON si.k = coalesce(f.code, E'\x01')
	  -- (what was written: the execution-rate row and the form's rows; not
	  -- read back, which a loader on a cluster may not after the owner wrote)
	  LEFT JOIN (SELECT w."项目编码" AS k, (w.offs + (SELECT count(*) FROM pe_irows r
						 WHERE r.project_code = w."项目编码"))::int AS n FROM pe_forms w) wi ON wi.k = f.code
	 ORDER BY f.line, f.code;
	DROP TABLE pe_import_forms, pe_irows, pe_forms, pe_points, pe_answers, pe_taken;
END $$;

CREATE OR REPLACE VIEW perfeval.export_project AS
SELECT perfeval_internal.export_cell(p.project_id) AS "项目编码", perfeval_internal.export_cell(p.name) AS "项目名称",
	   perfeval_internal.export_cell(p.year::text) AS "年度", perfeval_internal.export_cell(p.division_code) AS "行政区划代码",
	   perfeval_internal.export_cell(p.department) AS "主管部门", perfeval_internal.export_cell(p.implementing_unit) AS "实施单位",
	   perfeval_internal.export_cell(p.evaluation_kind) AS "评价类型", perfeval_internal.export_cell(p.scheme_id) AS "评分方案",
	   perfeval_internal.export_cell(m.unit) AS "金额单位", perfeval_internal.export_cell(m.initial_budget::text) AS "年初预算数",
	   perfeval_internal.export_cell(m.budget::text) AS "全年预算数", perfeval_internal.export_cell(m.arrived::text) AS "实际到位数",
	   perfeval_internal.export_cell(m.spent::text) AS "全年执行数", perfeval_internal.export_cell(er.weight::text) AS "预算执行率分值",
	   perfeval_internal.export_cell(er.printed_score::text) AS "预算执行率得分", perfeval_internal.export_cell(p.printed_total::text) AS "总分",
	   perfeval_internal.export_cell(p.printed_grade) AS "评价等级"
  FROM perfeval.project p
  LEFT JOIN LATERAL (
		SELECT CASE WHEN count(*) = 1 THEN min(a.unit) ELSE '万元' END AS unit,
			   CASE WHEN count(*) = 1 THEN min(a.initial_budget) ELSE min(pm.initial_budget) END AS initial_budget,
			   CASE WHEN count(*) = 1 THEN min(a.budget) ELSE min(pm.budget) END AS budget,
			   CASE WHEN count(*) = 1 THEN min(a.arrived) ELSE min(pm.arrived) END AS arrived,
			   CASE WHEN count(*) = 1 THEN min(a.spent) ELSE min(pm.spent) END AS spent
		  FROM perfeval.allocation a
		  LEFT JOIN perfeval.project_money pm ON pm.project_id = a.project_id
		 WHERE a.project_id = p.project_id HAVING count(*) > 0) m ON true
  LEFT JOIN perfeval.indicator er ON er.project_id = p.project_id AND er.code = 'A11' AND er.source = 'execution_rate'
 WHERE perfeval_internal.in_scope(p.project_id);

CREATE OR REPLACE VIEW perfeval.export_indicator AS
SELECT perfeval_internal.export_cell(i.project_id) AS "项目编码", perfeval_internal.export_cell(i.level1) AS "一级指标",
	   perfeval_internal.export_cell(i.level2) AS "二级指标", perfeval_internal.export_cell(i.name) AS "三级指标",
	   -- a row judged from an actual without a target marked 定性, so that
	   -- it is not read back as printed-only (1.14); a method other than
	   -- proportional in brackets, in Chinese (1.12)
	   CASE WHEN i.source = 'actual' AND i.target IS NULL THEN '定性' ELSE '' END
		|| CASE WHEN i.method <> 'proportional'::perfeval.method THEN '（' || perfeval.method_zh(i.method) || '）'
				ELSE '' END AS "指标性质",
	   perfeval_internal.export_cell(i.target::text) AS "指标值", ''::text AS "度量单位",
	   perfeval_internal.export_cell(i.weight::text) AS "分值",
	   perfeval_internal.export_cell(CASE WHEN NOT i.applicable THEN '不适用'
			WHEN i.source IN ('arrival_rate', 'execution_rate', 'survey') THEN s.actual
			WHEN i.source = 'actual' THEN la.measure::text END) AS "实际完成值",
	   -- a row judged by a tier without a printed score goes out with its
	   -- score as the scheme prints it, which the import judges back at
	   -- 得分 ÷ 分值 (1.12)
	   perfeval_internal.export_cell(coalesce(i.printed_score, s.score)::text) AS "得分",
	   perfeval_internal.export_cell(la.deviation_note) AS "偏差原因分析及改进措施"
  FROM perfeval.indicator i
  LEFT JOIN perfeval.latest_actual la ON la.project_id = i.project_id AND la.code = i.code
  LEFT JOIN perfeval.indicator_scores s ON s.project_id = i.project_id AND s.code = i.code
		AND (i.source IN ('arrival_rate', 'execution_rate', 'survey')
			 OR (i.source = 'actual' AND i.printed_score IS NULL AND la.fraction IS NOT NULL))
 WHERE perfeval_internal.in_scope(i.project_id)
   AND NOT (i.code = 'A11' AND i.source = 'execution_rate')
 ORDER BY i.project_id, i.seq, i.code;

CREATE OR REPLACE VIEW perfeval.export_checklist AS
SELECT perfeval_internal.export_cell(c.project_id) AS "项目编码", perfeval_internal.export_cell(i.name) AS "三级指标",
	   perfeval_internal.export_cell(c.description) AS "评价要点", perfeval_internal.export_cell(c.points::text) AS "要点分值",
	   perfeval_internal.export_cell(c.deduction::text) AS "扣分", perfeval_internal.export_cell(c.reason) AS "扣分理由"
  FROM perfeval.checklist_point c
  JOIN perfeval.indicator i ON i.project_id = c.project_id AND i.code = c.code
 WHERE perfeval_internal.in_scope(c.project_id)
 ORDER BY c.project_id, i.seq, c.code, c.point_no;

CREATE OR REPLACE VIEW perfeval.export_survey AS
SELECT perfeval_internal.export_cell(v.project_id) AS "项目编码", perfeval_internal.export_cell(i.name) AS "三级指标",
	   perfeval_internal.export_cell(v.option_label) AS "选项", perfeval_internal.export_cell(v.respondents::text) AS "人数",
	   perfeval_internal.export_cell(v.coefficient::text) AS "系数"
  FROM perfeval.survey_response v
  JOIN perfeval.indicator i ON i.project_id = v.project_id AND i.code = v.code
 WHERE perfeval_internal.in_scope(v.project_id)
 ORDER BY v.project_id, i.seq, v.code, v.option_no;
