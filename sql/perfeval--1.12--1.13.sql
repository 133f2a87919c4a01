-- perfeval 1.12 -> 1.13: import_forms() skips the staging's de-duplication
-- (a form staged again replaces its earlier rows) in a staging relation
-- whose rows are all of one batch (one file's COPY: nothing to replace).
\echo Use "ALTER EXTENSION perfeval UPDATE TO '1.13'" to load this file. \quit

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
