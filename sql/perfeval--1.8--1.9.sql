-- perfeval 1.8 -> 1.9: the warehouse on a Citus cluster (docs/scale-out.md).
\echo Use "ALTER EXTENSION perfeval UPDATE TO '1.9'" to load this file. \quit

-- A binary COPY into perfeval.scheme looks up the receive function of its
-- generated rules column (Citus copies the reference table so); it refuses.
CREATE FUNCTION perfeval.rules_recv(internal) RETURNS perfeval.rules
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
ALTER TYPE perfeval.rules SET (RECEIVE = perfeval.rules_recv);
COMMENT ON FUNCTION perfeval.rules_recv(internal) IS 'rules 的二进制输入 / Binary input of rules';

-- The triggers of the lookup tables write the table they fired on (on
-- Citus, each placement of the reference table).

CREATE OR REPLACE FUNCTION perfeval.keep_builtin_scheme() RETURNS trigger
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
	n bigint;
BEGIN
	IF TG_OP = 'INSERT' THEN
		-- the table the trigger fired on: on Citus, a placement of the
		-- reference table, which each placement updates in itself
		EXECUTE format('UPDATE %I.%I
		   SET name = $1.name, grade_scale = $1.grade_scale, decimals = $1.decimals,
			   rounding = $1.rounding, execution_base = $1.execution_base,
			   reverse_rule = $1.reverse_rule, tier_high = $1.tier_high, tier_low = $1.tier_low,
			   satisfaction_coefficients = $1.satisfaction_coefficients,
			   over_threshold = $1.over_threshold
		 WHERE scheme_id = $1.scheme_id', TG_TABLE_SCHEMA, TG_TABLE_NAME) USING NEW;
		GET DIAGNOSTICS n = ROW_COUNT;
		RETURN CASE WHEN n > 0 THEN NULL ELSE NEW END;
	END IF;
	IF TG_OP = 'DELETE' OR NEW.scheme_id IS DISTINCT FROM OLD.scheme_id THEN
		RAISE EXCEPTION 'cannot % the built-in scheme "%"', lower(TG_OP), OLD.scheme_id
			USING ERRCODE = 'dependent_objects_still_exist',
				  DETAIL = 'CREATE EXTENSION installs it and projects default to it.',
				  HINT = 'Change its rules, or copy it to a scheme of your own.';
	END IF;
	RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION perfeval_internal.division_user_wins() RETURNS trigger
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	n bigint;
BEGIN
	-- the table the trigger fired on (on Citus, each reference placement)
	EXECUTE format('UPDATE %I.%I d SET name = $1 WHERE d.code = $2', TG_TABLE_SCHEMA, TG_TABLE_NAME)
		USING NEW.name, NEW.code;
	GET DIAGNOSTICS n = ROW_COUNT;
	IF n > 0 THEN
		RETURN NULL;
	END IF;
	RETURN NEW;
END $$;


-- The dated forms read the relations themselves, no function (on Citus,
-- perfeval.distribute() makes them PL/pgSQL functions running the same
-- query); the SQL functions they read are gone.

CREATE OR REPLACE FUNCTION perfeval.actual_as_of(as_of date)
	RETURNS TABLE (project_id text, code text, reported_on date, measure perfeval.measure,
				   tier text, fraction numeric, deviation_note text)
	LANGUAGE sql STABLE PARALLEL SAFE
	BEGIN ATOMIC
	SELECT DISTINCT ON (a.project_id, a.code)
		   a.project_id, a.code, a.reported_on, a.measure, a.tier, a.fraction,
		   a.deviation_note
	  FROM perfeval.actual a
	 WHERE a.reported_on <= as_of AND perfeval_internal.in_scope(a.project_id)
	 ORDER BY a.project_id, a.code, a.reported_on DESC;
	END;

CREATE OR REPLACE FUNCTION perfeval.indicator_scores_as_of(as_of date)
	RETURNS SETOF perfeval.indicator_scores
	LANGUAGE sql STABLE PARALLEL SAFE
	BEGIN ATOMIC
	SELECT x.project_id, x.code, x.seq, x.level1, x.level2, x.name, x.weight, x.applicable,
		   x.source, x.target::text,
		   coalesce(perfeval.actual_measure(x.actuals, x.code, as_of), perfeval.rate_text(x.e)),
		   perfeval.reported_on(x.e),
		   perfeval.actual_tier(x.actuals, x.code, as_of),
		   perfeval.actual_fraction(x.actuals, x.code, as_of),
		   perfeval.actual_note(x.actual_notes, x.code, perfeval.reported_on(x.e)),
		   perfeval.completion(x.e), perfeval.score(x.e), perfeval.score_rate(x.e),
		   x.printed_score,
		   perfeval.explanation(x.e, x.weight, x.applicable, x.source, x.target, x.method,
			   x.printed_score, x.code, x.rules, x.actuals, x.checklist, x.survey,
			   x.money_initial_budget, x.money_budget, x.money_arrived, x.money_spent, as_of,
			   CASE WHEN x.source = 'checklist' THEN perfeval.checklist_reasons(x.checklist_reasons, x.code)
			   END),
		   perfeval.problem(x.e)
	  FROM (SELECT x.*, perfeval.evaluated(x.weight, x.applicable, x.source, x.target, x.method,
						   x.printed_score, x.code, x.rules, x.actuals, x.checklist, x.survey,
						   x.money_initial_budget, x.money_budget, x.money_arrived, x.money_spent,
						   as_of) AS e
				  FROM perfeval_internal.indicator_rows x) x;
	END;

CREATE OR REPLACE FUNCTION perfeval.level2_scores_as_of(as_of date)
	RETURNS SETOF perfeval.level2_scores
	LANGUAGE sql STABLE PARALLEL SAFE
	BEGIN ATOMIC
	SELECT g.project_id, g.level1, g.level2, g.seq, (g.t).indicators, (g.t).weight, (g.t).score,
		   perfeval.rate((g.t).score, (g.t).weight)
	  FROM (SELECT x.project_id, x.level1, x.level2, min(x.seq) AS seq,
				   perfeval.sum_scores(x.e) AS t
			  FROM (SELECT x.project_id, x.level1, x.level2, x.seq, x.applicable, x.weight,
					   perfeval.evaluate(x.weight, x.applicable, x.source, x.target, x.method,
						   x.printed_score, x.code, x.rules, x.actuals, x.checklist, x.survey,
						   x.money_initial_budget, x.money_budget, x.money_arrived, x.money_spent, as_of) AS e
				  FROM perfeval_internal.indicator_rows x) x
			 WHERE x.applicable
			 GROUP BY x.project_id, x.level1, x.level2) g;
	END;

CREATE OR REPLACE FUNCTION perfeval.level1_scores_as_of(as_of date)
	RETURNS SETOF perfeval.level1_scores
	LANGUAGE sql STABLE PARALLEL SAFE
	BEGIN ATOMIC
	SELECT g.project_id, g.level1, g.seq, (g.t).indicators, (g.t).weight, (g.t).score,
		   perfeval.rate((g.t).score, (g.t).weight)
	  FROM (SELECT x.project_id, x.level1, min(x.seq) AS seq,
				   perfeval.sum_scores(x.e) AS t
			  FROM (SELECT x.project_id, x.level1, x.level2, x.seq, x.applicable, x.weight,
					   perfeval.evaluate(x.weight, x.applicable, x.source, x.target, x.method,
						   x.printed_score, x.code, x.rules, x.actuals, x.checklist, x.survey,
						   x.money_initial_budget, x.money_budget, x.money_arrived, x.money_spent, as_of) AS e
				  FROM perfeval_internal.indicator_rows x) x
			 WHERE x.applicable
			 GROUP BY x.project_id, x.level1) g;
	END;

CREATE OR REPLACE FUNCTION perfeval.project_scores_as_of(as_of date)
	RETURNS SETOF perfeval.project_scores
	LANGUAGE sql STABLE PARALLEL SAFE
	BEGIN ATOMIC
	SELECT p.project_id, p.name, p.year, p.division_code, p.department, p.evaluation_kind,
		   p.scheme_id, coalesce((t.t).indicators, 0), (t.t).weight, (t.t).total,
		   perfeval.grade((t.t).total, s.grade_scale), trim_scale(p.printed_total), p.printed_grade,
		   trim_scale((t.t).total - p.printed_total),
		   starts_with(p.printed_grade, perfeval.grade(coalesce((t.t).total, p.printed_total), s.grade_scale)),
		   trim_scale(coalesce((t.t).total, p.printed_total)),
		   perfeval.grade(coalesce((t.t).total, p.printed_total), s.grade_scale),
		   perfeval.grade_band(coalesce((t.t).total, p.printed_total), s.grade_scale),
		   p.programme_code, d1.name, d2.name, d3.name
	  FROM perfeval.project p
	  JOIN perfeval.scheme s ON s.scheme_id = p.scheme_id
	  LEFT JOIN (SELECT x.project_id, perfeval.sum_scores(x.e) AS t
				   FROM (SELECT x.project_id, x.level1, x.level2, x.seq, x.applicable, x.weight,
					   perfeval.evaluate(x.weight, x.applicable, x.source, x.target, x.method,
						   x.printed_score, x.code, x.rules, x.actuals, x.checklist, x.survey,
						   x.money_initial_budget, x.money_budget, x.money_arrived, x.money_spent, as_of) AS e
				  FROM perfeval_internal.indicator_rows x) x
				  GROUP BY x.project_id) t ON t.project_id = p.project_id
	  LEFT JOIN perfeval.division d1 ON d1.code = perfeval.division_at(p.division_code, 'province')
	  LEFT JOIN perfeval.division d2 ON d2.code = perfeval.division_at(p.division_code, 'prefecture')
	  LEFT JOIN perfeval.division d3 ON d3.code = perfeval.division_at(p.division_code, 'county')
	 WHERE perfeval_internal.in_scope(p.project_id);
	END;

DROP FUNCTION perfeval_internal.indicator_evaluations_as_of(date);
DROP FUNCTION perfeval_internal.indicator_scored_as_of(date);

-- Schema privileges reach the workers of a cluster, and so does reading
-- the state's shards in scope (sections 45 and 48).
ALTER TABLE perfeval_internal.project_state ENABLE ROW LEVEL SECURITY;
CREATE POLICY scope_read ON perfeval_internal.project_state FOR SELECT
	USING (perfeval_internal.in_scope(project_id));

CREATE FUNCTION perfeval_internal.schema_privilege(role regrole, grant_it boolean) RETURNS void
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	failed text;
BEGIN
	EXECUTE format(CASE WHEN grant_it THEN 'GRANT USAGE ON SCHEMA %s TO %s'
				   ELSE 'REVOKE USAGE ON SCHEMA %s FROM %s' END, 'perfeval, perfeval_internal', role);
	IF NOT EXISTS (SELECT FROM pg_extension WHERE extname = 'citus') THEN
		RETURN;
	END IF;
	IF NOT EXISTS (SELECT FROM pg_dist_partition WHERE logicalrelid = 'perfeval.project'::regclass) THEN
		RETURN;
	END IF;
	PERFORM set_config('citus.multi_shard_modify_mode', 'sequential', true);
	-- the state's shards, read as the role (section 45), its scope only
	EXECUTE format(CASE WHEN grant_it THEN 'GRANT SELECT ON perfeval_internal.project_state TO %s'
				   ELSE 'REVOKE SELECT ON perfeval_internal.project_state FROM %s' END, role);
	SELECT string_agg(w.nodename || ':' || w.nodeport || ': ' || w.result, '; ') INTO failed
	  FROM run_command_on_workers(format(CASE WHEN grant_it THEN 'GRANT USAGE ON SCHEMA %s TO %s'
										 ELSE 'REVOKE USAGE ON SCHEMA %s FROM %s' END,
										 'perfeval_internal', role)) w
	 WHERE NOT w.success;
	IF failed IS NOT NULL THEN
		RAISE EXCEPTION 'could not % usage on perfeval_internal on the workers', CASE WHEN grant_it THEN 'grant' ELSE 'revoke' END
			USING ERRCODE = 'connection_failure', DETAIL = failed,
				  HINT = 'Every worker must be up; then grant again.';
	END IF;
END $$;
REVOKE ALL ON FUNCTION perfeval_internal.schema_privilege(regrole, boolean) FROM PUBLIC;
COMMENT ON FUNCTION perfeval_internal.schema_privilege(regrole, boolean) IS '授予或收回角色所需的模式权限（Citus 集群上也在工作节点执行） / Grant or revoke the schema privileges a granted role needs (on a Citus cluster, on the workers too)';

CREATE OR REPLACE FUNCTION perfeval.grant_access(role regrole, department text DEFAULT NULL,
		division_prefix text DEFAULT NULL, may_load boolean DEFAULT false) RETURNS void
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	r record;
BEGIN
	IF department = '' THEN
		RAISE EXCEPTION 'empty department' USING ERRCODE = '22023',
			HINT = 'Name a department as projects name it, or pass NULL for every department.';
	END IF;
	IF division_prefix !~ '^[0-9]{2}([0-9]{2}([0-9]{2})?)?$' THEN
		RAISE EXCEPTION 'invalid division prefix: "%"', division_prefix USING ERRCODE = '22023',
			HINT = 'A prefix of a GB/T 2260 code: 2 digits (a province, 65), 4 (a prefecture, 6501) or 6 (a county, 650102).';
	END IF;
	INSERT INTO perfeval.access_grant AS g (role_name, department, division_prefix, may_load)
	VALUES (role::text::name, grant_access.department, grant_access.division_prefix, grant_access.may_load)
	ON CONFLICT ON CONSTRAINT access_grant_key DO UPDATE SET may_load = g.may_load OR EXCLUDED.may_load;
	PERFORM perfeval_internal.schema_privilege(role, true);
	FOR r IN SELECT c.oid::regclass AS rel FROM pg_class c
			  WHERE c.relnamespace IN ('perfeval'::regnamespace, 'perfeval_internal'::regnamespace)
				AND c.relkind IN ('r', 'v')
				AND c.oid NOT IN ('perfeval.access_grant'::regclass, 'perfeval_internal.project_state'::regclass)
				-- the staged forms and import problems (section 85): a
				-- loader's own rows only, given below (grant_import())
				AND c.relname !~ '^(staged_|form_|import_error$)' LOOP
		EXECUTE format('GRANT SELECT ON %s TO %s', r.rel, role);
	END LOOP;
	IF grant_access.may_load THEN
		EXECUTE format('GRANT INSERT, UPDATE, DELETE ON perfeval.project, perfeval.allocation, perfeval.indicator,
						perfeval.actual, perfeval.checklist_point, perfeval.survey_response TO %s', role);
		PERFORM perfeval_internal.grant_import(role, true);
	END IF;
END $$;

CREATE OR REPLACE FUNCTION perfeval.revoke_access(role regrole, department text DEFAULT NULL,
		division_prefix text DEFAULT NULL) RETURNS void
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	r record;
BEGIN
	DELETE FROM perfeval.access_grant g
	 WHERE g.role_name = role::text::name AND g.department IS NOT DISTINCT FROM revoke_access.department
	   AND g.division_prefix IS NOT DISTINCT FROM revoke_access.division_prefix;
	IF NOT FOUND THEN
		RAISE NOTICE 'role % has no such grant', role;
	END IF;
	IF NOT EXISTS (SELECT FROM perfeval.access_grant g WHERE g.role_name = role::text::name AND g.may_load) THEN
		EXECUTE format('REVOKE INSERT, UPDATE, DELETE ON perfeval.project, perfeval.allocation, perfeval.indicator,
						perfeval.actual, perfeval.checklist_point, perfeval.survey_response FROM %s', role);
		PERFORM perfeval_internal.grant_import(role, false);
	END IF;
	IF NOT EXISTS (SELECT FROM perfeval.access_grant g WHERE g.role_name = role::text::name) THEN
		FOR r IN SELECT c.oid::regclass AS rel FROM pg_class c
				  WHERE c.relnamespace IN ('perfeval'::regnamespace, 'perfeval_internal'::regnamespace)
					AND c.relkind IN ('r', 'v') LOOP
			EXECUTE format('REVOKE SELECT ON %s FROM %s', r.rel, role);
		END LOOP;
		PERFORM perfeval_internal.schema_privilege(role, false);
	END IF;
END $$;


-- The dated forms (section 50) as PL/pgSQL functions running the same
-- query: Citus cannot distribute a SQL function's inlined body (it refuses
-- it, or plans it on the coordinator's empty tables), and plans a PL/pgSQL
-- function's query as a statement of its own.  Made from the SQL
-- functions' own definitions, so the query is written once.  An update of
-- the extension that replaces a dated form runs this again on a cluster.
CREATE FUNCTION perfeval_internal.dated_forms_for_citus() RETURNS void
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	f regprocedure;
	def text;
BEGIN
	FOR f IN SELECT p.oid::regprocedure FROM pg_proc p
			  WHERE p.pronamespace = 'perfeval'::regnamespace AND p.proname LIKE '%\_as\_of'
				AND p.prosqlbody IS NOT NULL ORDER BY 1::text LOOP
		def := pg_get_functiondef(f);
		def := regexp_replace(def, E'\n LANGUAGE sql\n',
							  E'\n LANGUAGE plpgsql\n SET search_path TO pg_catalog, pg_temp\n');
		def := regexp_replace(def, E'\nBEGIN ATOMIC\n(.*);\\s*END\\s*$',
							  E'\nAS $pe$\n#variable_conflict use_column\nBEGIN\nRETURN QUERY\n\\1;\nEND\n$pe$');
		IF def !~ 'LANGUAGE plpgsql' OR def !~ 'RETURN QUERY' THEN
			RAISE EXCEPTION 'cannot make % a PL/pgSQL function', f;
		END IF;
		EXECUTE def;
	END LOOP;
END
$$;
REVOKE ALL ON FUNCTION perfeval_internal.dated_forms_for_citus() FROM PUBLIC;
COMMENT ON FUNCTION perfeval_internal.dated_forms_for_citus() IS '将按日期查询的函数改为 PL/pgSQL（Citus 集群用） / Make the dated forms PL/pgSQL functions running the same query (for a Citus cluster)';

CREATE FUNCTION perfeval.distribute()
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
REVOKE ALL ON FUNCTION perfeval.distribute() FROM PUBLIC;
COMMENT ON FUNCTION perfeval.distribute() IS '在 Citus 协调节点上分布仓库：增长的表按 project_id 分布并共置，查找表为参考表；可重复运行 / Distribute the warehouse on a Citus coordinator: growing tables by project_id, co-located; lookup tables as reference tables; safe to run twice';
