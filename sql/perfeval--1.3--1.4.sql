-- perfeval 1.3 -> 1.4: access.
--
-- Each role sees, and with may_load loads, only the projects of its grants
-- (perfeval.access_grant, kept by pg_dump): the views filter by
-- perfeval_internal.in_scope(), and row-level security on the six tables
-- does the same for a role's own queries and writes.  So that no role sees
-- less after the update than before it, every role that could read
-- perfeval's relations gets a grant of the whole warehouse (and loading,
-- if it could write them); narrow them with revoke_access() and
-- grant_access().

\echo Use "ALTER EXTENSION perfeval UPDATE TO '1.4'" to load this file. \quit

-- 1. The grants, the scope and the policies (section 48).
CREATE TABLE perfeval.access_grant (
	role_name name NOT NULL,
	department text CONSTRAINT access_grant_department_check CHECK (department <> ''),
	division_prefix text
		CONSTRAINT access_grant_division_prefix_check CHECK (division_prefix ~ '^[0-9]{2}([0-9]{2}([0-9]{2})?)?$'),
	may_load boolean NOT NULL DEFAULT false,
	CONSTRAINT access_grant_key UNIQUE NULLS NOT DISTINCT (role_name, department, division_prefix)
);
SELECT pg_catalog.pg_extension_config_dump('perfeval.access_grant', '');

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
CREATE FUNCTION perfeval_internal.check_load_project(project_id text, department text,
		division_code text) RETURNS boolean
	AS 'MODULE_PATHNAME', 'check_load_project' LANGUAGE C STABLE PARALLEL SAFE;
CREATE FUNCTION perfeval_internal.scope_array() RETURNS text[]
	AS 'MODULE_PATHNAME', 'scope_array' LANGUAGE C STABLE PARALLEL SAFE;
CREATE FUNCTION perfeval.sees_all() RETURNS boolean
	AS 'MODULE_PATHNAME', 'sees_all' LANGUAGE C STABLE PARALLEL SAFE;

-- Row-level security on the tables a role may be granted: read what is in
-- scope; write (with may_load) only in scope, and a row written outside it
-- is refused with 42501 naming the project.
DO $$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['project', 'allocation', 'indicator', 'actual', 'checklist_point',
							 'survey_response'] LOOP
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

-- Give role the projects of a department and/or division prefix (both
-- NULL: the whole warehouse), and what it needs to read them: schema usage,
-- SELECT on the views and tables (rows in scope only); with may_load also
-- INSERT, UPDATE and DELETE on the six tables (rows in scope only).
CREATE FUNCTION perfeval.grant_access(role regrole, department text DEFAULT NULL,
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
	EXECUTE format('GRANT USAGE ON SCHEMA perfeval, perfeval_internal TO %s', role);
	FOR r IN SELECT c.oid::regclass AS rel FROM pg_class c
			  WHERE c.relnamespace IN ('perfeval'::regnamespace, 'perfeval_internal'::regnamespace)
				AND c.relkind IN ('r', 'v')
				AND c.oid NOT IN ('perfeval.access_grant'::regclass, 'perfeval_internal.project_state'::regclass) LOOP
		EXECUTE format('GRANT SELECT ON %s TO %s', r.rel, role);
	END LOOP;
	IF grant_access.may_load THEN
		EXECUTE format('GRANT INSERT, UPDATE, DELETE ON perfeval.project, perfeval.allocation, perfeval.indicator,
						perfeval.actual, perfeval.checklist_point, perfeval.survey_response TO %s', role);
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
	DELETE FROM perfeval.access_grant g
	 WHERE g.role_name = role::text::name AND g.department IS NOT DISTINCT FROM revoke_access.department
	   AND g.division_prefix IS NOT DISTINCT FROM revoke_access.division_prefix;
	IF NOT FOUND THEN
		RAISE NOTICE 'role % has no such grant', role;
	END IF;
	IF NOT EXISTS (SELECT FROM perfeval.access_grant g WHERE g.role_name = role::text::name AND g.may_load) THEN
		EXECUTE format('REVOKE INSERT, UPDATE, DELETE ON perfeval.project, perfeval.allocation, perfeval.indicator,
						perfeval.actual, perfeval.checklist_point, perfeval.survey_response FROM %s', role);
	END IF;
	IF NOT EXISTS (SELECT FROM perfeval.access_grant g WHERE g.role_name = role::text::name) THEN
		FOR r IN SELECT c.oid::regclass AS rel FROM pg_class c
				  WHERE c.relnamespace IN ('perfeval'::regnamespace, 'perfeval_internal'::regnamespace)
					AND c.relkind IN ('r', 'v') LOOP
			EXECUTE format('REVOKE SELECT ON %s FROM %s', r.rel, role);
		END LOOP;
		EXECUTE format('REVOKE USAGE ON SCHEMA perfeval, perfeval_internal FROM %s', role);
	END IF;
END $$;
REVOKE ALL ON FUNCTION perfeval.grant_access(regrole, text, text, boolean),
	perfeval.revoke_access(regrole, text, text) FROM PUBLIC;

COMMENT ON TABLE perfeval.access_grant IS '访问授权：角色可查看（及可装载）的项目范围 / Access grants: the projects a role sees (and may load)';
COMMENT ON COLUMN perfeval.access_grant.role_name IS '被授权角色 / The role granted';
COMMENT ON COLUMN perfeval.access_grant.department IS '主管部门（为空则不限） / Department (NULL: any)';
COMMENT ON COLUMN perfeval.access_grant.division_prefix IS '区划代码前缀（为空则不限） / Division code prefix (NULL: any)';
COMMENT ON COLUMN perfeval.access_grant.may_load IS '可否装载事实数据 / Whether the role may load facts';
COMMENT ON FUNCTION perfeval_internal.scope_support(internal) IS '访问范围的选择率估计（规划器支持） / The planner''s estimate of the share of projects in scope';
COMMENT ON FUNCTION perfeval_internal.in_scope(text) IS '当前角色可否查看该项目 / Whether the current role sees a project';
COMMENT ON FUNCTION perfeval_internal.may_load(text) IS '当前角色可否装载该项目 / Whether the current role may load a project''s facts';
COMMENT ON FUNCTION perfeval_internal.check_load(text) IS '装载范围检查，越权则报错 / Refuses a fact outside the current role''s loading scope';
COMMENT ON FUNCTION perfeval_internal.check_load_project(text, text, text) IS '项目装载范围检查，越权则报错 / Refuses a project outside the current role''s loading scope';
COMMENT ON FUNCTION perfeval_internal.scope_array() IS '当前角色可查看的项目编号（索引条件） / The projects the current role sees, as an array (an index condition)';
COMMENT ON FUNCTION perfeval.sees_all() IS '当前角色可否查看全部项目 / Whether the current role sees every project';
COMMENT ON FUNCTION perfeval.grant_access(regrole, text, text, boolean) IS '授予角色一个部门和/或区划的项目（可含装载） / Grants a role the projects of a department and/or division (optionally loading)';
COMMENT ON FUNCTION perfeval.revoke_access(regrole, text, text) IS '收回角色的一项授权 / Takes back one of a role''s grants';

-- 2. Every role that could read (or write) perfeval's tables and views keeps
-- the whole warehouse.
INSERT INTO perfeval.access_grant (role_name, department, division_prefix, may_load)
SELECT r.rolname, NULL, NULL,
	   bool_or(a.privilege_type IN ('INSERT', 'UPDATE', 'DELETE') AND c.relkind = 'r'
			   AND c.relname IN ('project', 'allocation', 'indicator', 'actual', 'checklist_point', 'survey_response'))
  FROM pg_class c
 CROSS JOIN LATERAL aclexplode(c.relacl) a
  JOIN pg_roles r ON r.oid = a.grantee
 WHERE c.relnamespace IN ('perfeval'::regnamespace, 'perfeval_internal'::regnamespace)
   AND c.relkind IN ('r', 'v') AND NOT r.rolsuper
   AND r.oid <> (SELECT extowner FROM pg_extension WHERE extname = 'perfeval')
 GROUP BY r.rolname;

-- 3. The views and dated forms, filtered by scope (sections 50, 60).
CREATE OR REPLACE VIEW perfeval_internal.indicator_rows AS
SELECT i.project_id, i.code, i.seq, i.level1, i.level2, i.name, i.weight, i.applicable,
	   i.source, i.target, i.method, i.printed_score, s.rules, st.actuals, st.checklist,
	   st.survey, st.money_initial_budget, st.money_budget, st.money_arrived, st.money_spent,
	   st.actual_notes, st.checklist_reasons
  FROM perfeval.indicator i
  JOIN perfeval_internal.project_state st ON st.project_id = i.project_id
  JOIN perfeval.scheme s ON s.scheme_id = st.scheme_id
 WHERE perfeval_internal.in_scope(st.project_id);

CREATE OR REPLACE VIEW perfeval.project_money AS
SELECT st.project_id, st.money_initial_budget AS initial_budget, st.money_budget AS budget,
	   st.money_arrived AS arrived, st.money_spent AS spent,
	   st.money_arrived - st.money_spent AS balance,
	   perfeval.rate(st.money_arrived, st.money_budget) AS arrival_rate,
	   perfeval.execution_rate(st.money_spent, st.money_arrived, st.money_budget,
							   st.money_initial_budget, s.execution_base) AS execution_rate,
	   s.execution_base
  FROM perfeval_internal.project_state st
  JOIN perfeval.scheme s ON s.scheme_id = st.scheme_id
 WHERE st.allocations > 0 AND perfeval_internal.in_scope(st.project_id);

CREATE OR REPLACE VIEW perfeval.latest_actual AS
SELECT DISTINCT ON (a.project_id, a.code)
	   a.project_id, a.code, a.reported_on, a.measure::text AS measure, a.tier, a.fraction,
	   a.deviation_note
  FROM perfeval.actual a
 WHERE perfeval_internal.in_scope(a.project_id)
 ORDER BY a.project_id, a.code, a.reported_on DESC;

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

CREATE OR REPLACE VIEW perfeval.project_scores AS
SELECT p.project_id, p.name, p.year, p.division_code, p.department, p.evaluation_kind,
	   p.scheme_id, coalesce((t.t).indicators, 0) AS indicators, (t.t).weight, (t.t).total,
	   perfeval.grade((t.t).total, s.grade_scale) AS grade, p.printed_total, p.printed_grade,
	   trim_scale((t.t).total - p.printed_total) AS difference,
	   starts_with(p.printed_grade, perfeval.grade(coalesce((t.t).total, p.printed_total), s.grade_scale))
		   AS grade_agrees,
	   coalesce((t.t).total, p.printed_total) AS final_score,
	   perfeval.grade(coalesce((t.t).total, p.printed_total), s.grade_scale) AS final_grade
  FROM perfeval.project p
  JOIN perfeval.scheme s ON s.scheme_id = p.scheme_id
  LEFT JOIN (SELECT x.project_id, perfeval.sum_scores(x.e) AS t
			   FROM perfeval_internal.indicator_scored x
			  GROUP BY x.project_id) t ON t.project_id = p.project_id
 WHERE perfeval_internal.in_scope(p.project_id);

CREATE OR REPLACE FUNCTION perfeval.project_scores_as_of(as_of date)
	RETURNS SETOF perfeval.project_scores
	LANGUAGE sql STABLE PARALLEL SAFE
	BEGIN ATOMIC
	SELECT p.project_id, p.name, p.year, p.division_code, p.department, p.evaluation_kind,
		   p.scheme_id, coalesce((t.t).indicators, 0), (t.t).weight, (t.t).total,
		   perfeval.grade((t.t).total, s.grade_scale), p.printed_total, p.printed_grade,
		   trim_scale((t.t).total - p.printed_total),
		   starts_with(p.printed_grade, perfeval.grade(coalesce((t.t).total, p.printed_total), s.grade_scale)),
		   coalesce((t.t).total, p.printed_total),
		   perfeval.grade(coalesce((t.t).total, p.printed_total), s.grade_scale)
	  FROM perfeval.project p
	  JOIN perfeval.scheme s ON s.scheme_id = p.scheme_id
	  LEFT JOIN (SELECT x.project_id, perfeval.sum_scores(x.e) AS t
				   FROM perfeval_internal.indicator_scored_as_of(as_of) x
				  GROUP BY x.project_id) t ON t.project_id = p.project_id
	 WHERE perfeval_internal.in_scope(p.project_id);
	END;

CREATE OR REPLACE VIEW perfeval_internal.allocation_lines AS
SELECT a.project_id, a.department, a.fund_level,
	   perfeval.wanyuan(a.initial_budget, a.unit) AS initial_budget,
	   perfeval.wanyuan(a.budget, a.unit) AS budget,
	   perfeval.wanyuan(a.arrived, a.unit) AS arrived,
	   perfeval.wanyuan(a.spent, a.unit) AS spent
  FROM perfeval.allocation a
 WHERE perfeval_internal.in_scope(a.project_id);

CREATE OR REPLACE VIEW perfeval.findings AS
-- per project: no indicators, weights not adding to 100, a printed total or
-- grade its indicators do not give
SELECT f.project_id, NULL::text AS code, k.kind, k.detail
  FROM (SELECT p.project_id, p.printed_total, p.printed_grade, p.scheme_id, a.project_id IS NULL AS none,
			   a.weight, (a.t).total AS total,
			   perfeval.grade(coalesce((a.t).total, p.printed_total), s.grade_scale) AS final_grade
		  FROM perfeval.project p
		  JOIN perfeval.scheme s ON s.scheme_id = p.scheme_id
		  LEFT JOIN (SELECT x.project_id, perfeval.sum_scores(x.e) AS t, sum(x.weight) AS weight
					   FROM perfeval_internal.indicator_scored x
					  GROUP BY x.project_id) a ON a.project_id = p.project_id
		 WHERE perfeval_internal.in_scope(p.project_id)) f
 CROSS JOIN LATERAL unnest(
	   ARRAY['no_indicators', 'weights_total', 'printed_total', 'printed_grade'],
	   ARRAY[
		CASE WHEN f.none THEN '未录入三级指标，无法计算总分' || coalesce('；报告总分' || f.printed_total::text
			 || '未经核验', '') END,
		CASE WHEN f.weight <> 100 THEN '三级指标权重合计' || trim_scale(f.weight)::text || '分，不等于100分' END,
		CASE WHEN f.total <> f.printed_total THEN
			'报告总分' || f.printed_total::text || '分，按指标计算应为' || trim_scale(f.total)::text
			|| '分（差' || trim_scale(f.total - f.printed_total)::text || '分）' END,
		CASE WHEN NOT starts_with(f.printed_grade, f.final_grade) THEN
			'报告等级“' || f.printed_grade || '”，' || trim_scale(coalesce(f.total, f.printed_total))::text
			|| '分按方案' || f.scheme_id || '应为“' || f.final_grade || '”' END]) AS k(kind, detail)
 WHERE (f.none OR f.weight <> 100 OR f.total <> f.printed_total OR NOT starts_with(f.printed_grade, f.final_grade))
   AND k.detail IS NOT NULL
UNION ALL
-- per indicator: what its one evaluation found, a sentence only for that
SELECT y.project_id, y.code, y.kind,
	   perfeval.finding_detail(y.e, y.kind, y.name, y.weight, y.applicable, y.source, y.target,
		   y.method, y.printed_score, y.code, y.rules, y.actuals, y.checklist, y.survey,
		   y.money_initial_budget, y.money_budget, y.money_arrived, y.money_spent, 'infinity')
  FROM (SELECT x.*, unnest(perfeval.finding_kinds(x.e)) AS kind
		  FROM perfeval_internal.indicator_evaluations x
		 WHERE perfeval.findings(x.e) <> 0) y
UNION ALL
SELECT a.project_id, NULL, 'spent_above_arrived',
	   a.department || '（' || a.fund_level || '）：全年执行' || trim_scale(a.spent)::text || a.unit
	   || '超过实际到位' || trim_scale(a.arrived)::text || a.unit
  FROM perfeval.allocation a
 WHERE a.spent > a.arrived AND perfeval_internal.in_scope(a.project_id)
UNION ALL
SELECT a.project_id, NULL, 'zero_budget',
	   a.department || '（' || a.fund_level || '）：全年预算为0'
	   || CASE WHEN a.arrived > 0 OR a.spent > 0 THEN '，但有到位或执行资金' ELSE '' END
  FROM perfeval.allocation a
 WHERE a.budget = 0 AND perfeval_internal.in_scope(a.project_id);
