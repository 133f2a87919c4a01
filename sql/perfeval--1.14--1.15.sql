-- perfeval 1.14 -> 1.15: hardening (issue 25): no leak through the views,
-- imports with the stager's rights, strict binary input, every restore
-- keeps everything, only the owner changes who sees what and how everyone
-- is graded, invisible characters refused, formula cells neutralised.
\echo Use "ALTER EXTENSION perfeval UPDATE TO '1.15'" to load this file. \quit

-- == views ==
-- every view a security barrier (section 95)
CREATE FUNCTION perfeval_internal.seal_views() RETURNS void
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	v regclass;
BEGIN
	FOR v IN SELECT c.oid::regclass FROM pg_class c
			  WHERE c.relkind = 'v'
				AND c.relnamespace IN ('perfeval'::regnamespace, 'perfeval_internal'::regnamespace)
				AND NOT coalesce(c.reloptions @> ARRAY['security_invoker=true'], false)
				AND NOT coalesce(c.reloptions @> ARRAY['security_barrier=true'], false)
				AND c.oid NOT IN ('perfeval_internal.indicator_evaluations'::regclass,
								  'perfeval_internal.indicator_scored'::regclass)
			  ORDER BY 1 LOOP
		EXECUTE format('ALTER VIEW %s SET (security_barrier = true)', v);
	END LOOP;
END $$;
REVOKE ALL ON FUNCTION perfeval_internal.seal_views() FROM PUBLIC;
COMMENT ON FUNCTION perfeval_internal.seal_views() IS '将扩展的每个视图设为安全屏障视图（防止调用者函数泄露范围外的行） / Makes every view of the extension a security barrier (no caller function sees rows outside the scope)';

-- findings: one query around its UNION ALL (a bare UNION ALL is flattened
-- into its branches, barrier or not)
CREATE OR REPLACE VIEW perfeval.findings AS
-- (one query around the UNION ALL: the planner flattens a view that is a
-- bare UNION ALL into its branches, security barrier or not, and would run
-- a caller's condition beside each branch's scope filter: section 95)
SELECT u.project_id, u.code, u.kind, u.detail FROM (
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
 WHERE a.budget = 0 AND perfeval_internal.in_scope(a.project_id)) u;

-- == grants ==
-- grant_access() and revoke_access() one at a time (two GRANTs on the same
-- relations at once failed with XX000)
CREATE OR REPLACE FUNCTION perfeval.grant_access(role regrole, department text DEFAULT NULL,
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

-- == owner only ==
-- only the owner writes access grants and schemes (section 48)
ALTER TABLE perfeval.access_grant ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_grants ON perfeval.access_grant FOR SELECT
	USING (EXISTS (SELECT FROM pg_catalog.pg_roles r
					WHERE r.rolname OPERATOR(pg_catalog.=) role_name AND pg_catalog.pg_has_role(r.oid, 'USAGE')));
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


-- == invisible characters refused by the types (issue 25, item 9) ==
-- The text types now refuse invisible characters (pe_check_text: U+FEFF,
-- zero-width and directional marks, line separators, controls; tab and line
-- breaks only around a value), which 1.14 stored inside a unit or a phrase
-- (不低于2,000 万\uFEFF元／家).  A stored value that no longer reads back
-- would break pg_dump and restore: the update stops (22P02) naming it, so
-- that it can be corrected first, as the update to 1.6 did.  Every column
-- of a text type in every table is checked: the values whose text holds such
-- a character (a cheap scan) are read back by the type's own input, which
-- decides and names the character.
DO $$
DECLARE
	c record;
	r record;
	loc text;
	detail text;
BEGIN
	FOR c IN SELECT format('%I.%I', n.nspname, k.relname) AS rel, a.attname,
					(SELECT typname FROM pg_type WHERE oid = a.atttypid) AS typ,
					EXISTS (SELECT FROM pg_attribute x WHERE x.attrelid = a.attrelid AND x.attname = 'project_id' AND NOT x.attisdropped) AS has_project,
					EXISTS (SELECT FROM pg_attribute x WHERE x.attrelid = a.attrelid AND x.attname = 'code' AND NOT x.attisdropped) AS has_code,
					EXISTS (SELECT FROM pg_attribute x WHERE x.attrelid = a.attrelid AND x.attname = 'scheme_id' AND NOT x.attisdropped) AS has_scheme
			   FROM pg_attribute a JOIN pg_class k ON k.oid = a.attrelid JOIN pg_namespace n ON n.oid = k.relnamespace
			  WHERE a.atttypid IN ('perfeval.target'::regtype, 'perfeval.measure'::regtype, 'perfeval.grade_scale'::regtype)
				AND a.attnum > 0 AND NOT a.attisdropped AND k.relkind IN ('r', 'p')
			  ORDER BY 1, 2 LOOP
		FOR r IN EXECUTE format(
				'SELECT %s AS loc, %I::text AS v FROM ONLY %s WHERE %I::text ~ %L',
				CASE WHEN c.has_project AND c.has_code THEN 'format(''project "%s", indicator "%s"'', project_id, code)'
					 WHEN c.has_project THEN 'format(''project "%s"'', project_id)'
					 WHEN c.has_scheme THEN 'format(''scheme "%s"'', scheme_id)'
					 ELSE '''row '' || ctid::text' END,
				c.attname, c.rel, c.attname,
				E'[\\x01-\\x1f\\x7f-\\x9f\\u00ad\\u061c\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\ufeff\\ufff9-\\ufffb\\U000e0000-\\U000e007f]') LOOP
			BEGIN
				EXECUTE format('SELECT $1::perfeval.%I', c.typ) USING r.v;
			EXCEPTION WHEN invalid_text_representation THEN
				GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
				RAISE EXCEPTION 'perfeval 1.15 does not read the % "%" in %.% of %', c.typ, r.v, c.rel, c.attname, r.loc
					USING ERRCODE = '22P02', DETAIL = detail,
					HINT = 'Remove the invisible character (zero-width, bidirectional, byte order mark, line separator or control), then run ALTER EXTENSION perfeval UPDATE again.';
			END;
		END LOOP;
	END LOOP;
END $$;

-- == last: every view a security barrier, after every block above ==
SELECT perfeval_internal.seal_views();
