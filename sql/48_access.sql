-- Section 48: who sees and who loads which projects (src/access.c).
--
-- A grant gives a role the projects of a department, of a GB/T 2260
-- division prefix (65 a province, 6501 a prefecture, 650102 a county), of
-- both, or all of them; with may_load it may also write their facts.  A
-- role's grants add up, and a role has the grants of the roles whose
-- privileges it has.  The warehouse's owner (the extension's owner) and
-- superusers see and load everything; only they can grant (grant_access()
-- runs the GRANT statements as its caller) or change schemes.
--
-- Enforced in two places from the one function: every view filters its
-- projects by perfeval_internal.in_scope(project_id) (views read the tables
-- as their owner), and row-level security policies on the seven tables do
-- the same for a role's own queries and writes.  The grants are a table
-- pg_dump keeps, and the policies belong to the extension: a restore or an
-- update gives the same visibility.

CREATE TABLE perfeval.access_grant (
	role_name name NOT NULL,
	department text CONSTRAINT access_grant_department_check CHECK (department <> ''),
	division_prefix text
		CONSTRAINT access_grant_division_prefix_check CHECK (division_prefix ~ '^[0-9]{2}([0-9]{2}([0-9]{2})?)?$'),
	may_load boolean NOT NULL DEFAULT false,
	CONSTRAINT access_grant_key UNIQUE NULLS NOT DISTINCT (role_name, department, division_prefix)
);
SELECT pg_catalog.pg_extension_config_dump('perfeval.access_grant', '');
-- A role reads only its own grants (and those of roles whose privileges it
-- has), whatever SELECT a schema-wide grant gave it; nobody but the owner
-- writes them (owner_only(), below).  The scope is read as the owner.
ALTER TABLE perfeval.access_grant ENABLE ROW LEVEL SECURITY;
-- (a function, not a subquery: Citus refuses subqueries in a reference
-- table's policies; a grant of a dropped role is nobody's)
CREATE FUNCTION perfeval_internal.holds_role(role_name name) RETURNS boolean
	LANGUAGE sql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp
	RETURN EXISTS (SELECT FROM pg_catalog.pg_roles r
				   WHERE r.rolname OPERATOR(pg_catalog.=) role_name AND pg_catalog.pg_has_role(r.oid, 'USAGE'));
COMMENT ON FUNCTION perfeval_internal.holds_role(name) IS '当前角色是否拥有该角色的权限（角色不存在则否） / Whether the current role has the privileges of the named role (false if there is no such role)';
CREATE POLICY own_grants ON perfeval.access_grant FOR SELECT USING (perfeval_internal.holds_role(role_name));

-- The scope's lookups: a department's projects, a division prefix's.
CREATE INDEX project_department_idx ON perfeval.project (department);
CREATE INDEX project_division_idx ON perfeval.project (division_code);

CREATE FUNCTION perfeval_internal.scope_support(internal) RETURNS internal
	AS 'MODULE_PATHNAME', 'scope_support' LANGUAGE C STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval_internal.in_scope(project_id text) RETURNS boolean
	AS 'MODULE_PATHNAME', 'in_scope' LANGUAGE C STABLE STRICT PARALLEL SAFE
	SUPPORT perfeval_internal.scope_support;
CREATE FUNCTION perfeval_internal.may_load(project_id text) RETURNS boolean
	AS 'MODULE_PATHNAME', 'may_load' LANGUAGE C STABLE STRICT PARALLEL SAFE
	SUPPORT perfeval_internal.scope_support;
CREATE FUNCTION perfeval_internal.check_load(project_id text) RETURNS boolean
	AS 'MODULE_PATHNAME', 'check_load' LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval_internal.refuse_load(project_id text) RETURNS boolean
	AS 'MODULE_PATHNAME', 'refuse_load' LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval_internal.check_load_project(project_id text, department text,
		division_code text) RETURNS boolean
	AS 'MODULE_PATHNAME', 'check_load_project' LANGUAGE C STABLE PARALLEL SAFE;
CREATE FUNCTION perfeval_internal.scope_array() RETURNS text[]
	AS 'MODULE_PATHNAME', 'scope_array' LANGUAGE C STABLE PARALLEL SAFE;
CREATE FUNCTION perfeval.sees_all() RETURNS boolean
	AS 'MODULE_PATHNAME', 'sees_all' LANGUAGE C STABLE PARALLEL SAFE;

-- Who sees what and how every project is graded are the owner's to change
-- (src/access.c, owner_only()): a routine GRANT ... ON ALL TABLES IN SCHEMA
-- perfeval gives no role the right to write a grant or a scheme.  The
-- triggers fire always (under session_replication_role = replica too).
CREATE FUNCTION perfeval_internal.owner_only() RETURNS trigger
	AS 'MODULE_PATHNAME', 'owner_only' LANGUAGE C;
DO $$
DECLARE
	t regclass;
BEGIN
	FOREACH t IN ARRAY ARRAY['perfeval.access_grant'::regclass, 'perfeval.scheme'::regclass] LOOP
		EXECUTE format('CREATE TRIGGER owner_only BEFORE INSERT OR UPDATE OR DELETE ON %s
						FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.owner_only()', t);
		EXECUTE format('CREATE TRIGGER owner_only_truncate BEFORE TRUNCATE ON %s
						FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.owner_only()', t);
		EXECUTE format('ALTER TABLE %s ENABLE ALWAYS TRIGGER owner_only, ENABLE ALWAYS TRIGGER owner_only_truncate', t);
	END LOOP;
END $$;
COMMENT ON FUNCTION perfeval_internal.owner_only() IS '仅仓库所有者可修改授权与评分方案（触发器） / Only the warehouse''s owner writes access grants and schemes (trigger)';

-- Row-level security on the tables a role may be granted: read what is in
-- scope; write (with may_load) only in scope, and a row written outside it
-- is refused with 42501 naming the project.
DO $$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['project', 'allocation', 'indicator', 'actual', 'checklist_point',
							 'survey_response', 'execution', 'monitoring_finding'] LOOP
		EXECUTE format('ALTER TABLE perfeval.%I ENABLE ROW LEVEL SECURITY', t);
		EXECUTE format('CREATE POLICY scope_read ON perfeval.%I FOR SELECT
						USING (perfeval_internal.in_scope(project_id))', t);
		EXECUTE format('CREATE POLICY scope_delete ON perfeval.%I FOR DELETE
						USING (perfeval_internal.may_load(project_id))', t);
		IF t = 'project' THEN
			EXECUTE format('CREATE POLICY scope_insert ON perfeval.%I FOR INSERT
							WITH CHECK (perfeval_internal.check_load_project(project_id, department, division_code))', t);
			EXECUTE format('CREATE POLICY scope_update ON perfeval.%I FOR UPDATE
							USING (perfeval_internal.may_load(project_id))
							WITH CHECK (perfeval_internal.check_load_project(project_id, department, division_code))', t);
		ELSE
			EXECUTE format('CREATE POLICY scope_insert ON perfeval.%I FOR INSERT
							WITH CHECK (perfeval_internal.check_load(project_id))', t);
			EXECUTE format('CREATE POLICY scope_update ON perfeval.%I FOR UPDATE
							USING (perfeval_internal.may_load(project_id))
							WITH CHECK (perfeval_internal.check_load(project_id))', t);
		END IF;
	END LOOP;
END $$;

-- The schema privileges a granted role needs (grant_it false: take them
-- back), on a Citus cluster on the workers too: Citus propagates the
-- grants on the extension's schema perfeval and on distributed tables, not
-- on perfeval_internal, which a role's queries on the state's shards need.
-- (A statement of its own on each worker, committed there at once: the
-- schema privilege alone gives no rows.)  The calling function's writes
-- then run over one connection per node, which its writes to the
-- reference table access_grant need.
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
	EXECUTE format(CASE WHEN grant_it THEN 'GRANT SELECT ON %s TO %s' ELSE 'REVOKE SELECT ON %s FROM %s' END,
				   'perfeval_internal.project_state, perfeval_internal.project_results, perfeval_internal.project_levels',
				   role);
	SELECT string_agg(w.nodename || ':' || w.nodeport || ': ' || w.result, '; ') INTO failed
	  FROM run_command_on_workers(format(CASE WHEN grant_it THEN 'GRANT USAGE ON SCHEMA %s TO %s'
										 ELSE 'REVOKE USAGE ON SCHEMA %s FROM %s' END,
										 'perfeval_internal', role)) w
	 WHERE NOT w.success;
	IF failed IS NOT NULL THEN
		RAISE EXCEPTION USING ERRCODE = 'connection_failure', DETAIL = failed,
			MESSAGE = perfeval_internal.message(CASE WHEN grant_it THEN 'workers.grant' ELSE 'workers.revoke' END),
			HINT = perfeval_internal.message('workers.hint');
	END IF;
END $$;
REVOKE ALL ON FUNCTION perfeval_internal.schema_privilege(regrole, boolean) FROM PUBLIC;
COMMENT ON FUNCTION perfeval_internal.schema_privilege(regrole, boolean) IS '授予或收回角色所需的模式权限（Citus 集群上也在工作节点执行） / Grant or revoke the schema privileges a granted role needs (on a Citus cluster, on the workers too)';

-- On a Citus worker every role may use the schema perfeval_internal (not
-- its tables: their own privileges and row security decide).  A granted
-- role's queries reach the workers' shards of the kept state, which sit in
-- this schema, and Citus does not replay the grants on an extension's own
-- schema on a node added later (docs/scale-out.md): the node runs this
-- script instead.  Not on one node, nor on the coordinator, where
-- distribute() takes it back: there grant_access() gives it, role by role.
-- (A node being added has no node list yet; a worker's group is not 0.)
DO $$
BEGIN
	IF to_regclass('pg_catalog.pg_dist_node') IS NULL THEN
		RETURN;
	END IF;
	IF NOT EXISTS (SELECT FROM pg_catalog.pg_dist_node)
	   OR EXISTS (SELECT FROM pg_catalog.pg_dist_local_group WHERE groupid <> 0) THEN
		GRANT USAGE ON SCHEMA perfeval_internal TO PUBLIC;
	END IF;
END $$;

-- The kept state (section 45): read in scope only, where it is granted at
-- all (on a Citus cluster).
CREATE POLICY scope_read ON perfeval_internal.project_state FOR SELECT
	USING (perfeval_internal.in_scope(project_id));
-- and the kept results (section 47), alike
CREATE POLICY scope_read ON perfeval_internal.project_results FOR SELECT
	USING (perfeval_internal.in_scope(project_id));
CREATE POLICY scope_read ON perfeval_internal.project_levels FOR SELECT
	USING (perfeval_internal.in_scope(project_id));

-- Give role the projects of a department and/or division prefix (both
-- NULL: the whole warehouse), and what it needs to read them: schema usage,
-- SELECT on the views and tables (rows in scope only); with may_load also
-- INSERT, UPDATE and DELETE on the seven tables (rows in scope only).
CREATE FUNCTION perfeval.grant_access(role regrole, department text DEFAULT NULL,
		division_prefix text DEFAULT NULL, may_load boolean DEFAULT false) RETURNS void
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	r record;
BEGIN
	-- one grant or revoke at a time: two would update the same catalog rows
	-- (the relations' privileges) at once, and one fail with XX000
	LOCK TABLE perfeval.access_grant IN SHARE ROW EXCLUSIVE MODE;
	IF department = '' THEN
		RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = perfeval_internal.message('empty_department'),
			HINT = perfeval_internal.message('empty_department.hint');
	END IF;
	IF division_prefix !~ '^[0-9]{2}([0-9]{2}([0-9]{2})?)?$' THEN
		RAISE EXCEPTION USING ERRCODE = '22023',
			MESSAGE = perfeval_internal.message('division_prefix', division_prefix),
			HINT = perfeval_internal.message('division_prefix.hint');
	END IF;
	INSERT INTO perfeval.access_grant AS g (role_name, department, division_prefix, may_load)
	VALUES (role::text::name, grant_access.department, grant_access.division_prefix, grant_access.may_load)
	ON CONFLICT ON CONSTRAINT access_grant_key DO UPDATE SET may_load = g.may_load OR EXCLUDED.may_load;
	PERFORM perfeval_internal.schema_privilege(role, true);
	FOR r IN SELECT c.oid::regclass AS rel FROM pg_class c
			  WHERE c.relnamespace IN ('perfeval'::regnamespace, 'perfeval_internal'::regnamespace)
				AND c.relkind IN ('r', 'v')
				AND c.oid NOT IN ('perfeval.access_grant'::regclass, 'perfeval_internal.project_state'::regclass,
								  'perfeval_internal.project_results'::regclass,
								  'perfeval_internal.project_levels'::regclass)
				-- the staged forms and import problems (section 85): a
				-- loader's own rows only, given below (grant_import())
				AND c.relname !~ '^(staged_|form_|import_error$)' LOOP
		EXECUTE format('GRANT SELECT ON %s TO %s', r.rel, role);
	END LOOP;
	IF grant_access.may_load THEN
		EXECUTE format('GRANT INSERT, UPDATE, DELETE ON perfeval.project, perfeval.allocation, perfeval.indicator,
						perfeval.actual, perfeval.checklist_point, perfeval.survey_response, perfeval.execution TO %s', role);
		PERFORM perfeval_internal.grant_import(role, true);
	END IF;
END $$;

-- Take a grant back (the one with this department and prefix).  A role
-- left without grants loses what grant_access() gave it; one left without a
-- loading grant loses the right to write.
CREATE FUNCTION perfeval.revoke_access(role regrole, department text DEFAULT NULL,
		division_prefix text DEFAULT NULL) RETURNS void
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	r record;
BEGIN
	-- one grant or revoke at a time (grant_access())
	LOCK TABLE perfeval.access_grant IN SHARE ROW EXCLUSIVE MODE;
	-- on a Citus cluster, one connection per node: the REVOKEs below reach
	-- distributed and reference tables in one transaction
	IF EXISTS (SELECT FROM pg_extension WHERE extname = 'citus') THEN
		PERFORM set_config('citus.multi_shard_modify_mode', 'sequential', true);
	END IF;
	DELETE FROM perfeval.access_grant g
	 WHERE g.role_name = role::text::name AND g.department IS NOT DISTINCT FROM revoke_access.department
	   AND g.division_prefix IS NOT DISTINCT FROM revoke_access.division_prefix;
	IF NOT FOUND THEN
		RAISE NOTICE USING MESSAGE = perfeval_internal.message('no_such_grant', role::text);
	END IF;
	IF NOT EXISTS (SELECT FROM perfeval.access_grant g WHERE g.role_name = role::text::name AND g.may_load) THEN
		EXECUTE format('REVOKE INSERT, UPDATE, DELETE ON perfeval.project, perfeval.allocation, perfeval.indicator,
						perfeval.actual, perfeval.checklist_point, perfeval.survey_response, perfeval.execution FROM %s', role);
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
-- What a loader needs to import forms (section 85): the staging views
-- and tables, the problems, the import's views -- its own rows only, by
-- those relations' policies.  (INSERT on the staging tables since 1.10: on
-- a Citus cluster the staging trigger writes them as the loader, through
-- Citus.  Their policies keep staged_by the loader's.)  (grant false: take
-- it back.)
CREATE FUNCTION perfeval_internal.grant_import(role regrole, grant_it boolean) RETURNS void
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	EXECUTE format(CASE WHEN grant_it THEN 'GRANT %s ON %s TO %s' ELSE 'REVOKE %s ON %s FROM %s' END,
		'SELECT, INSERT, UPDATE, DELETE', 'perfeval.form_project, perfeval.form_indicator, perfeval.form_checklist,
		perfeval.form_survey, perfeval.form_goal, perfeval.form_monitor, perfeval.form_monitor_money,
		perfeval.import_error, perfeval.monitoring_finding', role);
	EXECUTE format(CASE WHEN grant_it THEN 'GRANT %s ON %s TO %s' ELSE 'REVOKE %s ON %s FROM %s' END,
		'SELECT, INSERT, UPDATE, DELETE', 'perfeval_internal.staged_project, perfeval_internal.staged_indicator,
		perfeval_internal.staged_checklist, perfeval_internal.staged_survey, perfeval_internal.staged_goal,
		perfeval_internal.staged_monitor, perfeval_internal.staged_monitor_money', role);
	EXECUTE format(CASE WHEN grant_it THEN 'GRANT %s ON %s TO %s' ELSE 'REVOKE %s ON %s FROM %s' END,
		'SELECT', 'perfeval.staged_lines, perfeval_internal.form_indicator_rows', role);
	-- the import's SECURITY DEFINER helpers, PUBLIC's no more (1.15)
	EXECUTE format(CASE WHEN grant_it THEN 'GRANT %s ON %s TO %s' ELSE 'REVOKE %s ON %s FROM %s' END,
		'EXECUTE', 'FUNCTION perfeval_internal.taken_codes(text[]), perfeval_internal.analyze_staging(),
		perfeval_internal.ensure_national_self()', role);
END $$;
REVOKE ALL ON FUNCTION perfeval.grant_access(regrole, text, text, boolean),
	perfeval.revoke_access(regrole, text, text), perfeval_internal.grant_import(regrole, boolean) FROM PUBLIC;

COMMENT ON TABLE perfeval.access_grant IS '访问授权：角色可查看（及可装载）的项目范围 / Access grants: the projects a role sees (and may load)';
COMMENT ON COLUMN perfeval.access_grant.role_name IS '被授权角色 / The role granted';
COMMENT ON COLUMN perfeval.access_grant.department IS '主管部门（为空则不限） / Department (NULL: any)';
COMMENT ON COLUMN perfeval.access_grant.division_prefix IS '区划代码前缀（为空则不限） / Division code prefix (NULL: any)';
COMMENT ON COLUMN perfeval.access_grant.may_load IS '可否装载事实数据 / Whether the role may load facts';
COMMENT ON FUNCTION perfeval_internal.scope_support(internal) IS '访问范围的选择率估计（规划器支持） / The planner''s estimate of the share of projects in scope';
COMMENT ON FUNCTION perfeval_internal.in_scope(text) IS '当前角色可否查看该项目 / Whether the current role sees a project';
COMMENT ON FUNCTION perfeval_internal.may_load(text) IS '当前角色可否装载该项目 / Whether the current role may load a project''s facts';
COMMENT ON FUNCTION perfeval_internal.refuse_load(text) IS '以 check_load 的错误拒绝已知越权的项目 / Refuses a project already found outside the loading scope, with check_load''s error';
COMMENT ON FUNCTION perfeval_internal.check_load(text) IS '装载范围检查，越权则报错 / Refuses a fact outside the current role''s loading scope';
COMMENT ON FUNCTION perfeval_internal.check_load_project(text, text, text) IS '项目装载范围检查，越权则报错 / Refuses a project outside the current role''s loading scope';
COMMENT ON FUNCTION perfeval_internal.scope_array() IS '当前角色可查看的项目编号（索引条件） / The projects the current role sees, as an array (an index condition)';
COMMENT ON FUNCTION perfeval.sees_all() IS '当前角色可否查看全部项目 / Whether the current role sees every project';
COMMENT ON FUNCTION perfeval.grant_access(regrole, text, text, boolean) IS '授予角色一个部门和/或区划的项目（可含装载） / Grants a role the projects of a department and/or division (optionally loading)';
COMMENT ON FUNCTION perfeval_internal.grant_import(regrole, boolean) IS '授予（或收回）装载角色导入表单所需的权限 / Grants (or takes back) what a loading role needs to import forms';
COMMENT ON FUNCTION perfeval.revoke_access(regrole, text, text) IS '收回角色的一项授权 / Takes back one of a role''s grants';
