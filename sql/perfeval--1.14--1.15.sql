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
-- (a function, not a subquery: Citus refuses subqueries in a reference
-- table's policies; a grant of a dropped role is nobody's)
CREATE FUNCTION perfeval_internal.holds_role(role_name name) RETURNS boolean
	LANGUAGE sql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp
	RETURN EXISTS (SELECT FROM pg_catalog.pg_roles r
				   WHERE r.rolname OPERATOR(pg_catalog.=) role_name AND pg_catalog.pg_has_role(r.oid, 'USAGE'));
COMMENT ON FUNCTION perfeval_internal.holds_role(name) IS '当前角色是否拥有该角色的权限（角色不存在则否） / Whether the current role has the privileges of the named role (false if there is no such role)';
CREATE POLICY own_grants ON perfeval.access_grant FOR SELECT USING (perfeval_internal.holds_role(role_name));
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

-- == restore ==
-- Every restore keeps everything (pg_restore -j, by sections, data-only
-- with the triggers disabled), and only the owner writes schemes (sections
-- 40, 45, 46; docs/design.md, "What a restore does").


-- A restore in any order (docs/design.md, "What a restore does").  pg_dump
-- orders the tables' data by their foreign keys, but the archive does not
-- (a table's data depends on its table only), so pg_restore -j loads a
-- fact before its indicator or project as it pleases.  A row whose parent
-- is missing while a restore writes (row_security off, the owner or a
-- superuser, the parent table still without the user's rows:
-- perfeval_internal.may_park(), src/restore.c) waits in parked instead of
-- being refused; the parent's INSERT takes it in.  The foreign keys stay
-- as they are: no row of the tables ever lacks its parent, and every other
-- write is refused (23503) as before.
CREATE TABLE perfeval_internal.parked (
	relation name NOT NULL,		-- the table the row waits to enter
	parent name NOT NULL,		-- the table of its missing parent
	parent_key text[] NOT NULL,	-- the parent's key
	row_text text NOT NULL		-- the row
);
-- (what grant_access() gives a granted role on every relation, as in a
-- fresh install)
DO $$
DECLARE
	r name;
BEGIN
	FOR r IN SELECT DISTINCT g.role_name FROM perfeval.access_grant g
			  WHERE EXISTS (SELECT FROM pg_roles o WHERE o.rolname = g.role_name) ORDER BY 1 LOOP
		EXECUTE format('GRANT SELECT ON perfeval_internal.parked TO %I', r);
	END LOOP;
END $$;
-- (Row-level security without a policy: a role granted SELECT on the
-- internal relations by grant_access() sees none of a restore's rows.)
ALTER TABLE perfeval_internal.parked ENABLE ROW LEVEL SECURITY;
CREATE FUNCTION perfeval_internal.may_park(parent regclass) RETURNS boolean
	AS 'MODULE_PATHNAME', 'pe_may_park' LANGUAGE C VOLATILE STRICT;

-- BEFORE INSERT of a row whose parent (TG_ARGV[0], key columns TG_ARGV[1])
-- may be missing: take a SHARE lock on the parent table (it waits for
-- every transaction writing it, and keeps a new one from writing it until
-- this one commits), look again in a new snapshot, and park the row if
-- the parent is still missing and its table still without the user's rows.
CREATE FUNCTION perfeval_internal.park_orphan() RETURNS trigger
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	cols text[] := string_to_array(TG_ARGV[1], ',');
	key text[];
	cond text;
	present boolean;
	waits boolean := false;
BEGIN
	EXECUTE 'SELECT ARRAY[' || (SELECT string_agg(format('$1.%I', c), ', ') FROM unnest(cols) c) || ']::text[]'
		INTO key USING NEW;
	IF array_position(key, NULL) IS NOT NULL THEN
		RETURN NEW;				-- MATCH SIMPLE: nothing to wait for
	END IF;
	cond := (SELECT string_agg(format('x.%I = $1[%s]', c, i), ' AND ')
			   FROM unnest(cols) WITH ORDINALITY u(c, i));
	EXECUTE format('LOCK TABLE ONLY perfeval.%I IN SHARE MODE', TG_ARGV[0]);
	EXECUTE format('SELECT EXISTS (SELECT FROM ONLY perfeval.%I x WHERE %s)', TG_ARGV[0], cond)
		INTO present USING key;
	IF NOT present THEN
		-- still missing: its table not yet loaded, or the parent itself waits
		EXECUTE format('SELECT NOT EXISTS (SELECT FROM ONLY perfeval.%I x%s)', TG_ARGV[0],
					   CASE WHEN TG_ARGV[0] = 'scheme' THEN ' WHERE NOT x.builtin' ELSE '' END)
			INTO waits;
		IF NOT waits THEN
			EXECUTE format('SELECT EXISTS (SELECT FROM perfeval_internal.parked p,
							LATERAL (SELECT (p.row_text::perfeval.%I).*) x WHERE p.relation = %L AND %s)',
						   TG_ARGV[0], TG_ARGV[0], cond)
				INTO waits USING key;
		END IF;
	END IF;
	IF present OR NOT waits THEN
		RETURN NEW;				-- the foreign key decides
	END IF;
	INSERT INTO perfeval_internal.parked (relation, parent, parent_key, row_text)
	VALUES (TG_TABLE_NAME, TG_ARGV[0], key, NEW::text);
	RETURN NULL;
END
$$;
-- (may_park() is the triggers' WHEN condition, evaluated as the writing
-- role: every role runs it, and it says false to all but the owner's.)
REVOKE ALL ON FUNCTION perfeval_internal.park_orphan() FROM PUBLIC;

-- The rows parked for parent rows that now exist enter their tables (as
-- the owner: they are a restore's rows), and leave parked.  parent: a
-- table with a foreign key pointing at it, cols its key columns.
CREATE FUNCTION perfeval_internal.adopt_parked(parent text, cols text) RETURNS bigint
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	r record;
	n bigint;
	total bigint := 0;
BEGIN
	-- nothing is parked on a Citus cluster (may_park()), where parked is a
	-- reference table a shard's trigger may not read (and fires on a shard,
	-- named scheme_102008, say)
	IF EXISTS (SELECT FROM pg_extension WHERE extname = 'citus') THEN
		RETURN 0;
	END IF;
	IF (parent, cols) NOT IN (('scheme', 'scheme_id'), ('project', 'project_id'), ('indicator', 'project_id,code')) THEN
		RAISE EXCEPTION 'perfeval: no rows wait for %(%)', parent, cols USING ERRCODE = 'invalid_parameter_value';
	END IF;
	-- (a new snapshot: what the parkers this statement waited for committed)
	FOR r IN SELECT DISTINCT p.relation FROM perfeval_internal.parked p WHERE p.parent = adopt_parked.parent LOOP
		EXECUTE format('WITH moved AS (DELETE FROM perfeval_internal.parked p
						 WHERE p.relation = %L AND p.parent = %L
						   AND EXISTS (SELECT FROM ONLY perfeval.%I x WHERE %s) RETURNING p.row_text)
						INSERT INTO perfeval.%I SELECT (m.row_text::perfeval.%I).* FROM moved m',
					   r.relation, parent, parent,
					   (SELECT string_agg(format('x.%I = p.parent_key[%s]', c, i), ' AND ')
						  FROM unnest(string_to_array(cols, ',')) WITH ORDINALITY u(c, i)),
					   r.relation, r.relation);
		GET DIAGNOSTICS n = ROW_COUNT;
		total := total + n;
	END LOOP;
	RETURN total;
END
$$;
CREATE FUNCTION perfeval_internal.adopt_parked() RETURNS trigger
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	PERFORM perfeval_internal.adopt_parked(TG_TABLE_NAME, TG_ARGV[0]);
	RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION perfeval_internal.adopt_parked(text, text), perfeval_internal.adopt_parked() FROM PUBLIC;

CREATE TRIGGER park_orphan BEFORE INSERT ON perfeval.project FOR EACH ROW
	WHEN (perfeval_internal.may_park('perfeval.scheme'))
	EXECUTE FUNCTION perfeval_internal.park_orphan('scheme', 'scheme_id');
CREATE TRIGGER park_orphan BEFORE INSERT ON perfeval.allocation FOR EACH ROW
	WHEN (perfeval_internal.may_park('perfeval.project'))
	EXECUTE FUNCTION perfeval_internal.park_orphan('project', 'project_id');
CREATE TRIGGER park_orphan BEFORE INSERT ON perfeval.indicator FOR EACH ROW
	WHEN (perfeval_internal.may_park('perfeval.project'))
	EXECUTE FUNCTION perfeval_internal.park_orphan('project', 'project_id');
CREATE TRIGGER park_orphan BEFORE INSERT ON perfeval.actual FOR EACH ROW
	WHEN (perfeval_internal.may_park('perfeval.indicator'))
	EXECUTE FUNCTION perfeval_internal.park_orphan('indicator', 'project_id,code');
CREATE TRIGGER park_orphan BEFORE INSERT ON perfeval.checklist_point FOR EACH ROW
	WHEN (perfeval_internal.may_park('perfeval.indicator'))
	EXECUTE FUNCTION perfeval_internal.park_orphan('indicator', 'project_id,code');
CREATE TRIGGER park_orphan BEFORE INSERT ON perfeval.survey_response FOR EACH ROW
	WHEN (perfeval_internal.may_park('perfeval.indicator'))
	EXECUTE FUNCTION perfeval_internal.park_orphan('indicator', 'project_id,code');
CREATE TRIGGER adopt_parked AFTER INSERT ON perfeval.scheme FOR EACH STATEMENT
	EXECUTE FUNCTION perfeval_internal.adopt_parked('scheme_id');
CREATE TRIGGER adopt_parked AFTER INSERT ON perfeval.project FOR EACH STATEMENT
	EXECUTE FUNCTION perfeval_internal.adopt_parked('project_id');
CREATE TRIGGER adopt_parked AFTER INSERT ON perfeval.indicator FOR EACH STATEMENT
	EXECUTE FUNCTION perfeval_internal.adopt_parked('project_id,code');

COMMENT ON TABLE perfeval_internal.parked IS '恢复时等待其上级行（方案、项目、指标）的行（恢复结束后为空） / Rows a restore wrote before their scheme, project or indicator, waiting for it (empty once the restore is done)';
COMMENT ON COLUMN perfeval_internal.parked.relation IS '该行等待写入的表 / The table the row waits to enter';
COMMENT ON COLUMN perfeval_internal.parked.parent IS '其所缺上级行所在的表 / The table of its missing parent';
COMMENT ON COLUMN perfeval_internal.parked.parent_key IS '所缺上级行的键 / The key of its missing parent';
COMMENT ON COLUMN perfeval_internal.parked.row_text IS '该行（文本形式） / The row, as text';
COMMENT ON FUNCTION perfeval_internal.may_park(regclass) IS '恢复写入且上级表尚无用户行时，缺上级的行可等待（触发器条件） / Whether a row missing its parent may wait for it: a restore writes and the parent table has none of the user''s rows yet (trigger condition)';
COMMENT ON FUNCTION perfeval_internal.park_orphan() IS '恢复时先到的行等待其上级行（触发器） / A restore''s row that arrives before its parent waits for it (trigger)';
COMMENT ON FUNCTION perfeval_internal.adopt_parked(text, text) IS '上级行写入后，等待它的行写入其表 / Rows waiting for parent rows that now exist enter their tables';
COMMENT ON FUNCTION perfeval_internal.adopt_parked() IS '上级行写入后，等待它的行写入其表（触发器） / Rows waiting for parent rows that now exist enter their tables (trigger)';

-- refresh_state() puts right what a restore with the triggers disabled
-- left undone, then recomputes the state (the C function, as before).
CREATE FUNCTION perfeval_internal.refresh_facts() RETURNS bigint
	AS 'MODULE_PATHNAME', 'refresh_state' LANGUAGE C
	SECURITY DEFINER SET search_path = pg_catalog, pg_temp;
REVOKE ALL ON FUNCTION perfeval_internal.refresh_facts() FROM PUBLIC;
-- What a restore with the triggers disabled (pg_restore --data-only
-- --disable-triggers) leaves undone, put right; idempotent, and it changes
-- nothing where nothing is missing.  ALTER TABLE ... ENABLE TRIGGER ALL
-- makes an ENABLE ALWAYS trigger an ordinary one: perfeval's own (the kept
-- state's, the guards) fire ALWAYS again.  The shipped rows of the lookup
-- tables the restore did not bring (section 46).  And the privileges
-- grant_access() gives, which a data-only restore does not carry: given
-- again, in the grants' order, to every role with a grant and no USAGE on
-- schema perfeval.
CREATE FUNCTION perfeval_internal.always_again() RETURNS void
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	r record;
BEGIN
	FOR r IN SELECT t.tgrelid::regclass AS rel, t.tgname
			   FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
			  WHERE NOT t.tgisinternal AND t.tgenabled = 'O'
				AND p.pronamespace = 'perfeval_internal'::regnamespace
				AND p.proname IN ('keep_facts', 'keep_projects', 'note_projects', 'check_targets',
								  'guard_state', 'owner_only')
			  ORDER BY 1::text, 2 LOOP
		EXECUTE format('ALTER TABLE %s ENABLE ALWAYS TRIGGER %I', r.rel, r.tgname);
	END LOOP;
END $$;
CREATE FUNCTION perfeval_internal.restore_repair() RETURNS void
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	r record;
BEGIN
	PERFORM perfeval_internal.always_again();
	PERFORM perfeval_internal.shipped_rows_back();
	FOR r IN SELECT g.role_name, g.department, g.division_prefix, g.may_load
			   FROM perfeval.access_grant g
			  WHERE EXISTS (SELECT FROM pg_roles o WHERE o.rolname = g.role_name)
				AND NOT has_schema_privilege(g.role_name, 'perfeval', 'USAGE')
			  ORDER BY g.ctid LOOP
		PERFORM perfeval.grant_access(r.role_name::regrole, r.department, r.division_prefix, r.may_load);
	END LOOP;
END $$;
-- Recompute every project's kept state from the facts, after what a
-- restore with the triggers disabled left undone is put right: the one
-- step after pg_restore --data-only --disable-triggers (README).
CREATE OR REPLACE FUNCTION perfeval.refresh_state() RETURNS bigint
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	PERFORM perfeval_internal.restore_repair();
	RETURN perfeval_internal.refresh_facts();
END $$;
REVOKE ALL ON FUNCTION perfeval_internal.always_again(), perfeval_internal.restore_repair(),
	perfeval.refresh_state() FROM PUBLIC;
COMMENT ON FUNCTION perfeval.refresh_state() IS '按项目与事实表重算全部维护状态（先补回禁用触发器的恢复所缺：触发器方式、随附行、授权），返回有事实的项目数 / Recomputes every project''s kept state from the projects and facts, after putting right what a restore with triggers disabled left undone (trigger modes, shipped rows, privileges); returns the projects with facts';
COMMENT ON FUNCTION perfeval_internal.refresh_facts() IS '按项目与事实表重算全部维护状态，返回有事实的项目数 / Recomputes every project''s kept state from the projects and facts; returns the projects with facts';
COMMENT ON FUNCTION perfeval_internal.always_again() IS 'perfeval 自身的 ALWAYS 触发器恢复为 ALWAYS（ENABLE TRIGGER ALL 之后） / perfeval''s own ENABLE ALWAYS triggers fire ALWAYS again (after ENABLE TRIGGER ALL)';
COMMENT ON FUNCTION perfeval_internal.restore_repair() IS '补回禁用触发器的恢复所缺：ALWAYS 触发器、随附的查找行、grant_access() 的权限 / Puts right what a restore with triggers disabled left undone: ALWAYS triggers, shipped lookup rows, grant_access() privileges';

-- A data-only restore with the triggers disabled (pg_restore --data-only
-- --disable-triggers into a fresh CREATE EXTENSION) writes the dumped rows
-- of the two lookup tables without the triggers that make a written code
-- replace the shipped row (division_user_wins(), keep_builtin_scheme()):
-- the dumped 650100 or national would collide with the shipped one
-- (23505) and the table's whole COPY be lost.  So when every trigger of
-- perfeval.division or perfeval.scheme has been disabled (ALTER TABLE ...
-- DISABLE TRIGGER ALL, which only a superuser can run on them), the rows
-- the extension shipped leave the table -- the division names equal to the
-- shipped list, the built-in scheme (kept aside for the session) -- and
-- the dumped rows take their place; when the triggers are enabled again,
-- the shipped rows the restore did not bring come back (national as it
-- was kept aside, or as shipped), and perfeval's ENABLE ALWAYS triggers
-- fire ALWAYS again (ENABLE TRIGGER ALL made them ordinary).  Not for
-- the commands of an extension script, nor on a Citus cluster (there a
-- data-only restore keeps the triggers: docs/scale-out.md).
CREATE FUNCTION perfeval_internal.shipped_rows_back() RETURNS void
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF EXISTS (SELECT FROM pg_trigger t WHERE t.tgrelid = 'perfeval.scheme'::regclass
				  AND NOT t.tgisinternal AND t.tgenabled = 'D')
	   OR EXISTS (SELECT FROM pg_trigger t WHERE t.tgrelid = 'perfeval.division'::regclass
					 AND NOT t.tgisinternal AND t.tgenabled = 'D') THEN
		RETURN;					-- a restore is still writing them
	END IF;
	IF NOT EXISTS (SELECT FROM perfeval.scheme WHERE scheme_id = 'national') THEN
		IF to_regclass('pg_temp.perfeval_national_aside') IS NOT NULL THEN
			INSERT INTO perfeval.scheme (scheme_id, name, grade_scale, decimals, rounding, execution_base,
										 reverse_rule, tier_high, tier_low, satisfaction_coefficients,
										 over_threshold)
			SELECT scheme_id, name, grade_scale, decimals, rounding, execution_base, reverse_rule,
				   tier_high, tier_low, satisfaction_coefficients, over_threshold
			  FROM pg_temp.perfeval_national_aside;
		ELSE
			INSERT INTO perfeval.scheme (scheme_id, name)
			VALUES ('national', '财政部默认（财预〔2020〕10号） / MoF defaults');
		END IF;
	END IF;
	IF to_regclass('pg_temp.perfeval_national_aside') IS NOT NULL THEN
		DROP TABLE pg_temp.perfeval_national_aside;
	END IF;
	INSERT INTO perfeval.division (code, name)
	SELECT s.code, s.name FROM perfeval_internal.division_shipped s
	 WHERE NOT EXISTS (SELECT FROM perfeval.division d WHERE d.code = s.code)
	 ORDER BY s.code;
END $$;
CREATE FUNCTION perfeval_internal.restore_lookups() RETURNS event_trigger
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	rel regclass;
BEGIN
	-- (not again for its own ALTER TABLE ... ENABLE ALWAYS TRIGGER; not on
	-- a Citus cluster, where the DDL on the shards is Citus's)
	IF current_setting('perfeval_internal.restoring_lookups', true) = 'on'
	   OR EXISTS (SELECT FROM pg_extension WHERE extname = 'citus') THEN
		RETURN;
	END IF;
	PERFORM set_config('perfeval_internal.restoring_lookups', 'on', true);
	FOR rel IN SELECT DISTINCT e.objid::regclass FROM pg_event_trigger_ddl_commands() e
				JOIN pg_class c ON c.oid = e.objid
			   WHERE e.classid = 'pg_class'::regclass AND NOT e.in_extension
				 AND c.relnamespace IN ('perfeval'::regnamespace, 'perfeval_internal'::regnamespace) LOOP
		IF rel IN ('perfeval.scheme'::regclass, 'perfeval.division'::regclass)
		   AND NOT EXISTS (SELECT FROM pg_trigger t WHERE t.tgrelid = rel AND t.tgenabled <> 'D') THEN
			IF rel = 'perfeval.scheme'::regclass THEN
				IF to_regclass('pg_temp.perfeval_national_aside') IS NULL THEN
					CREATE TEMP TABLE perfeval_national_aside AS
					SELECT * FROM perfeval.scheme WHERE scheme_id = 'national';
				END IF;
				DELETE FROM perfeval.scheme WHERE scheme_id = 'national';
			ELSE
				DELETE FROM perfeval.division d USING perfeval_internal.division_shipped s
				 WHERE d.code = s.code AND d.name = s.name;
			END IF;
		ELSE
			PERFORM perfeval_internal.always_again();
			IF rel IN ('perfeval.scheme'::regclass, 'perfeval.division'::regclass) THEN
				PERFORM perfeval_internal.shipped_rows_back();
			END IF;
		END IF;
	END LOOP;
	PERFORM set_config('perfeval_internal.restoring_lookups', '', true);
END $$;
REVOKE ALL ON FUNCTION perfeval_internal.shipped_rows_back(), perfeval_internal.restore_lookups() FROM PUBLIC;
CREATE EVENT TRIGGER perfeval_restore_lookups ON ddl_command_end WHEN TAG IN ('ALTER TABLE')
	EXECUTE FUNCTION perfeval_internal.restore_lookups();

COMMENT ON EVENT TRIGGER perfeval_restore_lookups IS '禁用全部触发器的恢复写入查找表时让出随附行，启用后补回 / While a restore with triggers disabled writes the lookup tables, the shipped rows make way; put back once enabled';
COMMENT ON FUNCTION perfeval_internal.shipped_rows_back() IS '补回恢复未带回的随附行（内置方案、区划名称） / Puts back the shipped rows a restore did not bring (the built-in scheme, division names)';
COMMENT ON FUNCTION perfeval_internal.restore_lookups() IS '禁用全部触发器的恢复写入查找表时让出随附行，启用后补回（事件触发器） / While a restore with triggers disabled writes the lookup tables, the shipped rows make way; put back once enabled (event trigger)';

-- distribute() makes parked a reference table too (section 87).
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
							  'perfeval.import_error', 'perfeval_internal.parked'];
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

-- == last: every view a security barrier, after every block above ==
SELECT perfeval_internal.seal_views();

-- == encoding: every shipped string readable by a GBK client ==
-- (comments only, so after the "last" block: nothing here creates a view)
-- U+2212 (minus sign) is not in GBK: a GBK client's \d+ failed on these two
-- comments.  The ASCII hyphen-minus is in every encoding.
COMMENT ON COLUMN perfeval.project_scores.difference IS '计算总分-报告总分 / Computed minus printed total';
COMMENT ON COLUMN perfeval.allocation_summary.balance IS '资金结余=实际到位-全年执行 / Balance: arrived minus spent';
