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

-- == report ==
-- report_html() prints the national 项目支出绩效自评表 (issue 27): 实施单位, money with
-- separators, 偏差原因分析及改进措施, findings as sentences, a header on every page;
-- html() writes a line break as <br> (section 80).
-- Text as HTML character data or attribute value; a line break becomes
-- <br>, other control characters a space, a backslash a character
-- reference (so that the document survives psql's \copy unchanged).
CREATE OR REPLACE FUNCTION perfeval_internal.html(t text) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN regexp_replace(regexp_replace(replace(replace(replace(replace(replace(replace(coalesce(t, ''),
		'&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '''', '&#39;'), '\', '&#92;'),
		'\r\n|\r|\n', '<br>', 'g'), '[\x01-\x1f\x7f]', ' ', 'g');

CREATE OR REPLACE FUNCTION perfeval.report_html(project_id text) RETURNS text
	LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	p perfeval.project_scores;
	unit text;
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
BEGIN
	SELECT * INTO p FROM perfeval.project_scores ps WHERE ps.project_id = report_html.project_id;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'no project "%"', report_html.project_id USING ERRCODE = 'P0002',
			HINT = 'The project does not exist, or the current role may not see it (perfeval.grant_access).';
	END IF;
	SELECT pr.implementing_unit INTO unit FROM perfeval.project pr WHERE pr.project_id = report_html.project_id;

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
				coalesce(to_char(a.initial_budget, mf), '—'), coalesce(to_char(a.budget, mf), '—'),
				coalesce(to_char(a.arrived, mf), '—'), coalesce(to_char(a.spent, mf), '—'),
				coalesce(to_char(a.execution_rate, mf) || '%', '—'),
				CASE WHEN a.row_kind = '合计' THEN coalesce(trim_scale(ex_weight)::text, '—') ELSE '' END,
				CASE WHEN a.row_kind = '合计' THEN coalesce(trim_scale(ex_score)::text, '—') ELSE '' END), ''
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
				coalesce(x.score::text, '—'),
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
			206 + round(coalesce(b.score_rate, 0) * 4, 1), 12 + 20 * b.k, coalesce(trim_scale(round(b.score_rate, 2))::text || '%', '—')), ''
			ORDER BY b.k)
	  INTO nbars, bars FROM b;

	-- findings as their Chinese sentences (an indicator's begins with its
	-- name), after the indicator's code
	SELECT string_agg(format('<li id="f%s">%s%s%s</li>', f.n,
				CASE WHEN f.code IS NOT NULL THEN '<span class="code">' || perfeval_internal.html(f.code) || '</span>' ELSE '' END,
				perfeval_internal.html(f.detail),
				CASE WHEN f.detail ~ '[。！？]$' THEN '' ELSE '。' END), '' ORDER BY f.n)
	  INTO found_list FROM unnest(fcode, fdetail) WITH ORDINALITY AS f(code, detail, n);
	SELECT string_agg(format('<sup><a href="#f%s">[%s]</a></sup>', f.n, f.n), '' ORDER BY f.n)
	  INTO marks FROM unnest(fcode) WITH ORDINALITY AS f(code, n) WHERE f.code IS NULL;

	h := '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>'
		|| perfeval_internal.html(regexp_replace(p.name, '\s+', ' ', 'g')) || ' 绩效自评表</title><style>'
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
		|| 'tr.hasnote td:not(.l){border-bottom:1px dotted #999}td.x{font-size:8.5pt;color:#333;border-top:1px dotted #999}td.d{font-size:9pt}'
		|| 'tr.sum td{font-weight:bold}tr.found>td{background:#fff4e0}sup a{color:#b00;text-decoration:none}'
		|| '.total{font-size:12pt;margin:3mm 0}.chart{break-inside:avoid;page-break-inside:avoid}ol.findings{margin:0;padding-left:7mm}.code{margin-right:1em}'
		|| 'svg text{font-size:10px}svg .l1{font-weight:bold}svg .b1{fill:#2f5f8f}svg .b2{fill:#8fb3d9}'
		|| '@media screen{body{max-width:186mm;margin:8mm auto}}</style></head><body>'
		|| '<h1>项目支出绩效自评表</h1><p class="year">（' || p.year || '年度）</p>'
		|| '<table class="head"><colgroup><col style="width:14%"><col style="width:36%"><col style="width:14%"><col style="width:36%"></colgroup>'
		|| '<tr><th>项目名称</th><td colspan="3">' || perfeval_internal.html(p.name) || '</td></tr>'
		|| '<tr><th>主管部门</th><td>' || perfeval_internal.html(p.department) || '</td><th>实施单位</th><td>'
		|| CASE WHEN unit IS NULL OR unit = '' THEN '—' ELSE perfeval_internal.html(unit) END || '</td></tr>'
		|| '<tr><th>项目编号</th><td>' || perfeval_internal.html(p.project_id) || '</td><th>评价类型</th><td>'
		|| perfeval_internal.html(p.evaluation_kind) || '</td></tr>'
		|| '<tr><th>行政区划</th><td>' || perfeval_internal.html(concat_ws(' ', p.province_name, p.prefecture_name, p.county_name))
		|| '（' || p.division_code || '）</td><th>评分方案</th><td>' || perfeval_internal.html(p.scheme_id) || '</td></tr></table>'
		|| '<h2>项目资金（万元）</h2>'
		|| CASE WHEN money IS NULL THEN '<p>未录入资金。</p>' ELSE
			'<table class="money"><colgroup><col style="width:28%"><col style="width:12%"><col style="width:12%"><col style="width:12%"><col style="width:12%"><col style="width:10%"><col style="width:7%"><col style="width:7%"></colgroup>'
			|| '<thead><tr><th>资金来源</th><th>年初预算数</th><th>全年预算数</th><th>实际到位数</th><th>全年执行数</th><th>执行率</th><th>分值</th><th>得分</th></tr></thead><tbody>'
			|| money || '</tbody></table>' END
		|| '<h2>年度绩效指标完成情况</h2>'
		|| CASE WHEN rows IS NULL THEN '<p>未录入三级指标。</p>' ELSE
			'<table class="ind"><colgroup><col style="width:10.5%"><col style="width:11%"><col style="width:15%"><col style="width:11%"><col style="width:11%"><col style="width:6%"><col style="width:6.5%"><col></colgroup>'
			|| '<thead><tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>年度指标值</th><th>实际完成值</th><th>分值</th><th>得分</th><th>偏差原因分析及改进措施</th></tr></thead>'
			|| rows || '</table>' END
		|| '<p class="total">总分：<b>' || coalesce(p.total::text, '—') || '</b>　等级：<b>'
		|| perfeval_internal.html(coalesce(p.grade, '—')) || '</b>' || coalesce(marks, '')
		|| CASE WHEN p.printed_total IS NOT NULL OR p.printed_grade IS NOT NULL THEN
			'　（报告：' || coalesce(p.printed_total::text, '—') || ' ' || perfeval_internal.html(coalesce(p.printed_grade, '')) || '）'
			ELSE '' END || '</p>'
		|| CASE WHEN nbars > 0 THEN '<div class="chart"><h2>各级指标得分率</h2><svg xmlns="http://www.w3.org/2000/svg" width="680" height="'
			|| (20 * nbars + 4) || '" viewBox="0 0 680 ' || (20 * nbars + 4) || '">' || bars || '</svg></div>' ELSE '' END
		|| '<h2>发现的问题</h2>'
		|| CASE WHEN found_list IS NULL THEN '<p>无。</p>' ELSE '<ol class="findings">' || found_list || '</ol>' END
		|| '</body></html>';
	RETURN h;
END $$;

COMMENT ON FUNCTION perfeval_internal.html(text) IS '转义为 HTML 文本（换行为 <br>） / Text escaped for HTML, line breaks as <br>';
COMMENT ON FUNCTION perfeval.report_html(text) IS '一个项目的绩效自评表（完整 HTML 文档，可打印 A4） / One project''s self-evaluation form as a complete, printable (A4) HTML document';

-- == last: every view a security barrier, after every block above ==
SELECT perfeval_internal.seal_views();

-- == encoding: every shipped string readable by a GBK client ==
-- (comments only, so after the "last" block: nothing here creates a view)
-- U+2212 (minus sign) is not in GBK: a GBK client's \d+ failed on these two
-- comments.  The ASCII hyphen-minus is in every encoding.
COMMENT ON COLUMN perfeval.project_scores.difference IS '计算总分-报告总分 / Computed minus printed total';
COMMENT ON COLUMN perfeval.allocation_summary.balance IS '资金结余=实际到位-全年执行 / Balance: arrived minus spent';
