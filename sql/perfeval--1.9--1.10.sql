-- perfeval 1.9 -> 1.10: the import on a Citus cluster (docs/scale-out.md).
\echo Use "ALTER EXTENSION perfeval UPDATE TO '1.10'" to load this file. \quit

-- On a Citus cluster the staging tables are reference tables: the rows go
-- to every placement in batches (src/stagebuf.c), the last one when the
-- statement ends.  (On one node there is nothing to write here.)
CREATE FUNCTION perfeval_internal.stage_flush() RETURNS trigger
	LANGUAGE C AS 'MODULE_PATHNAME', 'pe_stage_flush';
CREATE TRIGGER stage_flush AFTER INSERT ON perfeval.form_project
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.stage_flush();
CREATE TRIGGER stage_flush AFTER INSERT ON perfeval.form_indicator
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.stage_flush();
CREATE TRIGGER stage_flush AFTER INSERT ON perfeval.form_checklist
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.stage_flush();
CREATE TRIGGER stage_flush AFTER INSERT ON perfeval.form_survey
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.stage_flush();
COMMENT ON FUNCTION perfeval_internal.stage_flush() IS '语句结束时把缓冲的暂存行写入 Citus 参考表（触发器） / Writes the rows buffered for Citus reference tables when the statement ends (trigger)';

-- The planner's statistics of what was just staged, whoever staged it
-- (ANALYZE is the tables' owner's).  On a Citus cluster the staging is read
-- by one query per placement, planned where the placement is (its
-- statistics are its node's): nothing to do, and Citus cannot ANALYZE a
-- reference table in a transaction that already wrote it.
CREATE OR REPLACE FUNCTION perfeval_internal.analyze_staging() RETURNS void
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF to_regclass('pg_catalog.pg_dist_partition') IS NOT NULL THEN
		-- (a separate statement: planned only where Citus's catalog exists)
		IF EXISTS (SELECT FROM pg_catalog.pg_dist_partition
				   WHERE logicalrelid = 'perfeval_internal.staged_indicator'::regclass) THEN
			RETURN;
		END IF;
	END IF;
	ANALYZE perfeval_internal.staged_project, perfeval_internal.staged_indicator,
		perfeval_internal.staged_checklist, perfeval_internal.staged_survey;
END $$;

-- A loader's import writes the staging tables as the loader (the staging
-- of a Citus cluster goes through Citus): INSERT on them too.
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
	EXECUTE format(CASE WHEN grant_it THEN 'GRANT %s ON %s TO %s' ELSE 'REVOKE %s ON %s FROM %s' END,
		'EXECUTE', 'FUNCTION perfeval_internal.taken_codes(text[])', role);
END $$;
DO $$
DECLARE
	r record;
BEGIN
	FOR r IN SELECT DISTINCT g.role_name FROM perfeval.access_grant g
			  WHERE g.may_load AND EXISTS (SELECT FROM pg_roles WHERE rolname = g.role_name) LOOP
		PERFORM perfeval_internal.grant_import(r.role_name::regrole, true);
	END LOOP;
END $$;

-- Statements changing a table by the forms' codes take them as an array
-- (Citus plans no modification joined with a temporary table); the
-- national self-evaluation scheme is made only when missing.
-- (PL/pgSQL: Citus cannot plan a SQL function's parameter.)
CREATE OR REPLACE FUNCTION perfeval_internal.taken_codes(codes text[]) RETURNS SETOF text
	LANGUAGE plpgsql STABLE PARALLEL SAFE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	RETURN QUERY SELECT p.project_id FROM perfeval.project p WHERE p.project_id = ANY (codes);
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
	staging text[] := ARRAY['staged_project', 'staged_indicator', 'staged_checklist', 'staged_survey'];
	-- (the statements that change a table by the forms' codes take them as
	-- an array, not a join with a temporary table, which Citus cannot plan)
	codes text[];
BEGIN
	-- a form staged again replaces what was staged of it before
	FOREACH rel IN ARRAY staging LOOP
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

-- check_load()'s refusal for a project already known to be outside the
-- loading scope (the import checks what its forms replace before writing).
CREATE FUNCTION perfeval_internal.refuse_load(project_id text) RETURNS boolean
	AS 'MODULE_PATHNAME', 'refuse_load' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION perfeval_internal.refuse_load(text) IS '以 check_load 的错误拒绝已知越权的项目 / Refuses a project already found outside the loading scope, with check_load''s error';

-- On a cluster, where row-level security applies to the importing role,
-- the import writes by multi-row INSERTs (Citus would COPY an INSERT ...
-- SELECT's rows to the shards, which row-level security refuses).
CREATE FUNCTION perfeval_internal.insert_rows(target regclass, cols text, query text, lo bigint, hi bigint)
	RETURNS bigint LANGUAGE C AS 'MODULE_PATHNAME', 'pe_insert_rows';
CREATE FUNCTION perfeval_internal.write_rows(target regclass, cols text, query text, lo bigint, hi bigint)
	RETURNS void LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF row_security_active(target) AND to_regclass('pg_catalog.pg_dist_partition') IS NOT NULL THEN
		-- (a separate statement: planned only where Citus's catalog exists)
		IF EXISTS (SELECT FROM pg_catalog.pg_dist_partition WHERE logicalrelid = target) THEN
			PERFORM perfeval_internal.insert_rows(target, cols, query, lo, hi);
			RETURN;
		END IF;
	END IF;
	EXECUTE format('INSERT INTO %s (%s) %s', target, cols, query) USING lo, hi;
END $$;


COMMENT ON FUNCTION perfeval_internal.insert_rows(regclass, text, text, bigint, bigint) IS '以多行 INSERT 写入查询结果（Citus 上受行级安全约束的角色） / Inserts a query''s rows by multi-row INSERTs (on Citus, for a role under row-level security)';
COMMENT ON FUNCTION perfeval_internal.write_rows(regclass, text, text, bigint, bigint) IS '导入写入一张表：INSERT ... SELECT，或在 Citus 上逐批多行插入 / The import''s write of one table: INSERT ... SELECT, or batched multi-row INSERTs on Citus';

CREATE OR REPLACE FUNCTION perfeval_internal.write_forms(lo bigint, hi bigint) RETURNS void
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	-- the codes naming projects already there (import_forms()'s pe_taken;
	-- an array: Citus cannot plan a DELETE joined with a temporary table)
	taken text[] := ARRAY(SELECT t.code FROM pe_taken t JOIN pe_forms s ON s."项目编码" = t.code
						   WHERE s.ord BETWEEN lo AND hi);
BEGIN
	PERFORM perfeval_internal.refuse_load(t.code)
	   FROM pe_taken t JOIN pe_forms s ON s."项目编码" = t.code WHERE s.ord BETWEEN lo AND hi AND NOT t.may;
	DELETE FROM perfeval.project p WHERE p.project_id = ANY (taken);
	PERFORM perfeval_internal.write_rows('perfeval.project', 'project_id, name, year, division_code, department, implementing_unit, evaluation_kind, scheme_id, printed_total, printed_grade, source', $q$
	SELECT s."项目编码", btrim(s."项目名称"), btrim(s."年度")::int, btrim(s."行政区划代码"), btrim(s."主管部门"),
		   nullif(btrim(s."实施单位"), ''), perfeval_internal.form_kind(s."评价类型"),
		   coalesce(nullif(btrim(s."评分方案"), ''), 'national_self'), perfeval_internal.form_number(s."总分"),
		   nullif(btrim(s."评价等级"), ''), 'import_forms'
	  FROM pe_forms s WHERE s.ord BETWEEN $1 AND $2 ORDER BY s.ord$q$, lo, hi);
	-- the money: one line, the department's, at the fund level of the
	-- division (a county's 县区级, a prefecture's 市级, a province's 省级)
	PERFORM perfeval_internal.write_rows('perfeval.allocation', 'project_id, department, fund_level, unit, initial_budget, budget, arrived, spent', $q$
	SELECT s."项目编码", btrim(s."主管部门"),
		   CASE WHEN perfeval.division_at(btrim(s."行政区划代码"), 'county') IS NOT NULL THEN '县区级'
				WHEN perfeval.division_at(btrim(s."行政区划代码"), 'prefecture') IS NOT NULL THEN '市级' ELSE '省级' END,
		   coalesce(nullif(btrim(s."金额单位"), ''), '万元'),
		   perfeval_internal.form_number(s."年初预算数"), perfeval_internal.form_number(s."全年预算数"),
		   perfeval_internal.form_number(s."实际到位数"), perfeval_internal.form_number(s."全年执行数")
	  FROM pe_forms s
	 WHERE s.ord BETWEEN $1 AND $2
	   AND num_nonnulls(nullif(btrim(s."年初预算数"), ''), nullif(btrim(s."全年预算数"), ''),
						nullif(btrim(s."实际到位数"), ''), nullif(btrim(s."全年执行数"), '')) > 0$q$, lo, hi);
	-- the execution-rate row, from the money, first (code A11); then the
	-- indicator rows in form order
	PERFORM perfeval_internal.write_rows('perfeval.indicator', 'project_id, code, seq, level1, level2, name, weight, target, source, printed_score', $q$
	SELECT x.* FROM (
		SELECT s."项目编码", 'A11', 1, '预算执行指标', '预算执行指标', '预算执行率',
			   perfeval_internal.form_number(s."预算执行率分值"), '100%'::perfeval.target, 'execution_rate',
			   perfeval_internal.form_number(s."预算执行率得分")
		  FROM pe_forms s WHERE s.ord BETWEEN $1 AND $2 AND s.offs = 1
		UNION ALL
		SELECT r.project_code, r.code, r.seq, btrim(r.level1), btrim(r.level2), btrim(r.name), (r.weight_p).num,
			   (r.target_p).tgt, r.source, (r.score_p).num
		  FROM pe_forms s JOIN pe_irows r ON r.project_code = s."项目编码" WHERE s.ord BETWEEN $1 AND $2) x
	 ORDER BY 1, 3$q$, lo, hi);
	-- the actuals, reported at the year's end; a qualitative row with a
	-- printed score is judged at 得分 ÷ 分值 in the tier of that fraction
	PERFORM perfeval_internal.write_rows('perfeval.actual', 'project_id, code, reported_on, measure, tier, fraction, deviation_note', $q$
	SELECT r.project_code, r.code, make_date(btrim(s."年度")::int, 12, 31), (r.actual_p).msr, j.tier, j.fraction, r.note
	  FROM pe_forms s
	  JOIN pe_irows r ON r.project_code = s."项目编码"
	  JOIN perfeval.scheme sc ON sc.scheme_id = coalesce(nullif(btrim(s."评分方案"), ''), 'national_self')
	 CROSS JOIN LATERAL (SELECT CASE WHEN perfeval.is_qualitative((r.target_p).tgt) AND (r.score_p).num IS NOT NULL
									THEN least(round((r.score_p).num * 100 / (r.weight_p).num, 6), 100) END AS fraction) f0
	 CROSS JOIN LATERAL (SELECT f0.fraction,
							   CASE WHEN f0.fraction >= sc.tier_high THEN '达成' WHEN f0.fraction >= sc.tier_low THEN '部分达成'
									WHEN f0.fraction IS NOT NULL THEN '未达成' END AS tier) j
	 WHERE s.ord BETWEEN $1 AND $2 AND r.source IN ('actual', 'printed') AND num_nonnulls((r.actual_p).msr, j.tier, r.note) > 0
	 ORDER BY r.project_code, r.code$q$, lo, hi);
	PERFORM perfeval_internal.write_rows('perfeval.checklist_point', 'project_id, code, point_no, description, points, deduction, reason', $q$
	SELECT c.project_code, c.code, c.point_no, c.description, c.points, c.deduction, c.reason
	  FROM pe_points c WHERE c.ord BETWEEN $1 AND $2 ORDER BY c.project_code, c.code, c.point_no$q$, lo, hi);
	PERFORM perfeval_internal.write_rows('perfeval.survey_response', 'project_id, code, option_no, option_label, respondents, coefficient', $q$
	SELECT v.project_code, v.code, v.option_no, v.option_label, v.respondents, v.coefficient
	  FROM pe_answers v WHERE v.ord BETWEEN $1 AND $2 ORDER BY v.project_code, v.code, v.option_no$q$, lo, hi);
END $$;


-- distribute() makes the national self-evaluation scheme as the owner
-- (a loader's import on a cluster cannot have the owner write the reference
-- tables); a cluster distributed by 1.9 gets it now.
CREATE OR REPLACE FUNCTION perfeval.distribute()
	RETURNS TABLE (table_name regclass, citus_table_type text)
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	t text;
	fk record;
	fks text[] := '{}';
	reference text[] := ARRAY['perfeval.scheme', 'perfeval.division', 'perfeval.access_grant',
							  'perfeval_internal.division_shipped',
							  'perfeval_internal.staged_project', 'perfeval_internal.staged_indicator',
							  'perfeval_internal.staged_checklist', 'perfeval_internal.staged_survey',
							  'perfeval.import_error'];
	growing text[] := ARRAY['perfeval.project', 'perfeval_internal.project_state',
							'perfeval.indicator', 'perfeval.allocation', 'perfeval.actual',
							'perfeval.checklist_point', 'perfeval.survey_response'];
BEGIN
	IF NOT EXISTS (SELECT FROM pg_extension WHERE extname = 'citus') THEN
		RAISE EXCEPTION 'perfeval.distribute() needs Citus'
			USING ERRCODE = 'feature_not_supported',
				  DETAIL = 'The citus extension is not installed in this database.',
				  HINT = 'Run it on a Citus coordinator: CREATE EXTENSION citus, add the workers, then SELECT * FROM perfeval.distribute().';
	END IF;
	IF NOT EXISTS (SELECT FROM pg_dist_partition WHERE logicalrelid = 'perfeval.project'::regclass) THEN
		PERFORM 1 FROM perfeval.project LIMIT 1;
	END IF;
	IF FOUND THEN
		RAISE EXCEPTION 'perfeval.distribute() runs on an empty warehouse'
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  DETAIL = 'perfeval.project has rows; the state perfeval keeps of them is derived and is never copied between nodes.',
				  HINT = 'Distribute a new database right after CREATE EXTENSION perfeval, then load it (or pg_restore --data-only a dump into it).';
	END IF;
	-- the national self-evaluation form's scheme, made now by its owner: on
	-- a cluster a loader's import cannot have the owner write the reference
	-- tables its own staging wrote in the same transaction (Citus refuses)
	PERFORM perfeval_internal.ensure_national_self();
	-- the state triggers are written for shards (src/shard.c)
	PERFORM set_config('citus.enable_unsafe_triggers', 'on', true);
	-- one connection per node: the foreign keys to reference tables need it
	PERFORM set_config('citus.multi_shard_modify_mode', 'sequential', true);
	-- foreign keys between tables not yet distributed are dropped and made
	-- again once both sides are (Citus converts a local table referencing a
	-- reference table otherwise, views and all)
	FOR fk IN SELECT c.conrelid::regclass AS rel, c.conname, pg_get_constraintdef(c.oid) AS def
				FROM pg_constraint c
			   WHERE c.contype = 'f'
				 AND c.connamespace IN ('perfeval'::regnamespace, 'perfeval_internal'::regnamespace)
				 AND NOT EXISTS (SELECT FROM pg_dist_partition d WHERE d.logicalrelid = c.conrelid)
			   ORDER BY c.conrelid::regclass::text, c.conname LOOP
		EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', fk.rel, fk.conname);
		-- (the workers' copies of the tables, made by CREATE EXTENSION, keep
		-- theirs until the distributed table's DROP reaches them)
		fks := fks || format('ALTER TABLE %s DROP CONSTRAINT IF EXISTS %I', fk.rel, fk.conname)
				   || format('ALTER TABLE %s ADD CONSTRAINT %I %s', fk.rel, fk.conname, fk.def);
	END LOOP;
	FOREACH t IN ARRAY reference LOOP
		IF NOT EXISTS (SELECT FROM pg_dist_partition WHERE logicalrelid = t::regclass) THEN
			PERFORM create_reference_table(t::regclass);
		END IF;
	END LOOP;
	FOREACH t IN ARRAY growing LOOP
		IF NOT EXISTS (SELECT FROM pg_dist_partition WHERE logicalrelid = t::regclass) THEN
			PERFORM create_distributed_table(t::regclass, 'project_id',
				colocate_with => CASE WHEN t = 'perfeval.project' THEN 'default' ELSE 'perfeval.project' END);
		END IF;
	END LOOP;
	FOREACH t IN ARRAY fks LOOP
		EXECUTE t;
	END LOOP;
	PERFORM perfeval_internal.dated_forms_for_citus();
	-- the roles granted before: their schema privileges on the workers
	FOR t IN SELECT DISTINCT g.role_name FROM perfeval.access_grant g
			  WHERE EXISTS (SELECT FROM pg_roles r WHERE r.rolname = g.role_name) LOOP
		PERFORM perfeval_internal.schema_privilege(t::regrole, true);
	END LOOP;
	RETURN QUERY
	SELECT c.oid::regclass,
		   CASE WHEN d.partmethod = 'h' THEN 'distributed'
				WHEN d.partmethod = 'n' AND d.repmodel = 't' THEN 'reference'
				WHEN d.partmethod IS NOT NULL THEN 'citus local'
				ELSE 'local' END
	  FROM pg_class c
	  LEFT JOIN pg_dist_partition d ON d.logicalrelid = c.oid
	 WHERE c.relkind IN ('r', 'p')
	   AND c.relnamespace IN ('perfeval'::regnamespace, 'perfeval_internal'::regnamespace)
	 ORDER BY c.oid::regclass::text;
END
$$;
DO $$
BEGIN
	IF to_regclass('pg_catalog.pg_dist_partition') IS NOT NULL THEN
		IF EXISTS (SELECT FROM pg_catalog.pg_dist_partition WHERE logicalrelid = 'perfeval.project'::regclass) THEN
			PERFORM perfeval_internal.ensure_national_self();
		END IF;
	END IF;
END $$;
