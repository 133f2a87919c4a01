-- Section 45: the state perfeval keeps of each project's facts (src/keep.c).
--
-- Scoring the whole warehouse needs, per indicator, its latest actual, the
-- sums of its checklist and its survey counts, and per project its money and
-- scheme.  Joining the fact tables for them on every query costs several
-- times the scoring itself (docs/benchmarks.md), so perfeval keeps them, one
-- row per project, in a table of its own that only perfeval writes.
-- Why it cannot go stale or be forged: the head of src/keep.c and
-- docs/design.md ("Kept state").  It is derived: pg_dump does not dump it,
-- and a restore rebuilds it as the facts are loaded.


CREATE TABLE perfeval_internal.project_state (
	project_id text PRIMARY KEY,
	scheme_id text NOT NULL,		-- the project's scheme
	actuals perfeval.state,			-- every actual of every indicator
	checklist perfeval.state,		-- checklist points summed per indicator
	survey perfeval.state,			-- survey counts per indicator and option
	actual_notes perfeval.state,	-- the deviation note of each actual
	checklist_reasons perfeval.state,	-- the reasons of the deducted checklist points
	allocations int NOT NULL DEFAULT 0,
	money_initial_budget numeric,	-- in 万元
	money_budget numeric,
	money_arrived numeric,
	money_spent numeric,
	execution_days int[],			-- the dated money: (line, day) per report, 1.16
	execution_money numeric[]		-- and its (budget, spent) in 万元
);

-- (No JIT and no sequential scans inside them: their statements are keyed
-- by the written projects, an index lookup per key, and run in
-- milliseconds; but after a reload the planner's estimates of a table
-- truncated and filling again can be far off, and with them each statement
-- spent about 0.3 s compiling, or scanned the whole project table once per
-- key: 3.3 s per chunk of an import, four times the import's time, 1.16.)
CREATE FUNCTION perfeval_internal.keep_facts() RETURNS trigger
	AS 'MODULE_PATHNAME', 'keep_facts' LANGUAGE C
	SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET jit = off SET enable_seqscan = off;
CREATE FUNCTION perfeval_internal.keep_projects() RETURNS trigger
	AS 'MODULE_PATHNAME', 'keep_projects' LANGUAGE C
	SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET jit = off SET enable_seqscan = off;
CREATE FUNCTION perfeval_internal.check_targets() RETURNS trigger
	AS 'MODULE_PATHNAME', 'check_targets' LANGUAGE C
	SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET jit = off SET enable_seqscan = off;
CREATE FUNCTION perfeval_internal.note_projects() RETURNS trigger
	AS 'MODULE_PATHNAME', 'note_projects' LANGUAGE C;
CREATE FUNCTION perfeval_internal.guard_state() RETURNS trigger
	AS 'MODULE_PATHNAME', 'guard_state' LANGUAGE C;
CREATE FUNCTION perfeval_internal.refresh_facts() RETURNS bigint
	AS 'MODULE_PATHNAME', 'refresh_state' LANGUAGE C
	SECURITY DEFINER SET search_path = pg_catalog, pg_temp;
REVOKE ALL ON FUNCTION perfeval_internal.keep_facts(), perfeval_internal.keep_projects(),
	perfeval_internal.check_targets(), perfeval_internal.note_projects(),
	perfeval_internal.guard_state(), perfeval_internal.refresh_facts() FROM PUBLIC;

-- Row-level security as on the fact tables (section 48): nobody but the
-- owner reads the state on one node; on a Citus cluster a granted role's
-- queries reach the state's shards as that role (the views' owner does not
-- go with them), so perfeval.distribute() and grant_access() let it read
-- the state of the projects in its scope there.
ALTER TABLE perfeval_internal.project_state ENABLE ROW LEVEL SECURITY;

-- One statement trigger per fact table and operation: the keys are the
-- projects of the rows the statement wrote or removed; TRUNCATE clears the
-- part of every project.  ENABLE ALWAYS: they fire under
-- session_replication_role = replica too (a logical replica, a bulk load).
CREATE TRIGGER keep_state_insert AFTER INSERT ON perfeval.actual
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_facts();
CREATE TRIGGER keep_state_update AFTER UPDATE ON perfeval.actual
	REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_facts();
CREATE TRIGGER keep_state_delete AFTER DELETE ON perfeval.actual
	REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_facts();
CREATE TRIGGER keep_state_truncate AFTER TRUNCATE ON perfeval.actual
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_facts();

CREATE TRIGGER keep_state_insert AFTER INSERT ON perfeval.checklist_point
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_facts();
CREATE TRIGGER keep_state_update AFTER UPDATE ON perfeval.checklist_point
	REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_facts();
CREATE TRIGGER keep_state_delete AFTER DELETE ON perfeval.checklist_point
	REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_facts();
CREATE TRIGGER keep_state_truncate AFTER TRUNCATE ON perfeval.checklist_point
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_facts();

CREATE TRIGGER keep_state_insert AFTER INSERT ON perfeval.survey_response
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_facts();
CREATE TRIGGER keep_state_update AFTER UPDATE ON perfeval.survey_response
	REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_facts();
CREATE TRIGGER keep_state_delete AFTER DELETE ON perfeval.survey_response
	REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_facts();
CREATE TRIGGER keep_state_truncate AFTER TRUNCATE ON perfeval.survey_response
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_facts();

CREATE TRIGGER keep_state_insert AFTER INSERT ON perfeval.allocation
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_facts();
CREATE TRIGGER keep_state_update AFTER UPDATE ON perfeval.allocation
	REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_facts();
CREATE TRIGGER keep_state_delete AFTER DELETE ON perfeval.allocation
	REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_facts();
CREATE TRIGGER keep_state_truncate AFTER TRUNCATE ON perfeval.allocation
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_facts();

CREATE TRIGGER keep_state_insert AFTER INSERT ON perfeval.execution
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_facts();
CREATE TRIGGER keep_state_update AFTER UPDATE ON perfeval.execution
	REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_facts();
CREATE TRIGGER keep_state_delete AFTER DELETE ON perfeval.execution
	REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_facts();
CREATE TRIGGER keep_state_truncate AFTER TRUNCATE ON perfeval.execution
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_facts();

-- Each row written notes its project, so that the first of a statement's
-- triggers locks all of them at once (an INSERT ... ON CONFLICT DO UPDATE
-- fires two): one ordered batch of locks per statement.
CREATE TRIGGER note_projects BEFORE INSERT OR UPDATE OR DELETE ON perfeval.actual
	FOR EACH ROW EXECUTE FUNCTION perfeval_internal.note_projects();
CREATE TRIGGER note_projects BEFORE INSERT OR UPDATE OR DELETE ON perfeval.checklist_point
	FOR EACH ROW EXECUTE FUNCTION perfeval_internal.note_projects();
CREATE TRIGGER note_projects BEFORE INSERT OR UPDATE OR DELETE ON perfeval.survey_response
	FOR EACH ROW EXECUTE FUNCTION perfeval_internal.note_projects();
CREATE TRIGGER note_projects BEFORE INSERT OR UPDATE OR DELETE ON perfeval.allocation
	FOR EACH ROW EXECUTE FUNCTION perfeval_internal.note_projects();
CREATE TRIGGER note_projects BEFORE INSERT OR UPDATE OR DELETE ON perfeval.execution
	FOR EACH ROW EXECUTE FUNCTION perfeval_internal.note_projects();

-- Every project has a state row, which follows its scheme.
CREATE TRIGGER keep_state_insert AFTER INSERT ON perfeval.project
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_projects();
CREATE TRIGGER keep_state_update AFTER UPDATE ON perfeval.project
	REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_projects();
CREATE TRIGGER keep_state_delete AFTER DELETE ON perfeval.project
	REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_projects();
CREATE TRIGGER keep_state_truncate AFTER TRUNCATE ON perfeval.project
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_projects();

-- A target changed to a unit its actuals cannot be compared with is refused.
CREATE TRIGGER check_targets AFTER UPDATE ON perfeval.indicator
	REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.check_targets();

-- Only perfeval's own statements write the state.
CREATE TRIGGER guard_state BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE
	ON perfeval_internal.project_state
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.guard_state();

ALTER TABLE perfeval.actual ENABLE ALWAYS TRIGGER note_projects, ENABLE ALWAYS TRIGGER keep_state_insert,
	ENABLE ALWAYS TRIGGER keep_state_update, ENABLE ALWAYS TRIGGER keep_state_delete,
	ENABLE ALWAYS TRIGGER keep_state_truncate;
ALTER TABLE perfeval.checklist_point ENABLE ALWAYS TRIGGER note_projects, ENABLE ALWAYS TRIGGER keep_state_insert,
	ENABLE ALWAYS TRIGGER keep_state_update, ENABLE ALWAYS TRIGGER keep_state_delete,
	ENABLE ALWAYS TRIGGER keep_state_truncate;
ALTER TABLE perfeval.survey_response ENABLE ALWAYS TRIGGER note_projects, ENABLE ALWAYS TRIGGER keep_state_insert,
	ENABLE ALWAYS TRIGGER keep_state_update, ENABLE ALWAYS TRIGGER keep_state_delete,
	ENABLE ALWAYS TRIGGER keep_state_truncate;
ALTER TABLE perfeval.allocation ENABLE ALWAYS TRIGGER note_projects, ENABLE ALWAYS TRIGGER keep_state_insert,
	ENABLE ALWAYS TRIGGER keep_state_update, ENABLE ALWAYS TRIGGER keep_state_delete,
	ENABLE ALWAYS TRIGGER keep_state_truncate;
ALTER TABLE perfeval.execution ENABLE ALWAYS TRIGGER note_projects, ENABLE ALWAYS TRIGGER keep_state_insert,
	ENABLE ALWAYS TRIGGER keep_state_update, ENABLE ALWAYS TRIGGER keep_state_delete,
	ENABLE ALWAYS TRIGGER keep_state_truncate;
ALTER TABLE perfeval.project ENABLE ALWAYS TRIGGER keep_state_insert,
	ENABLE ALWAYS TRIGGER keep_state_update, ENABLE ALWAYS TRIGGER keep_state_delete,
	ENABLE ALWAYS TRIGGER keep_state_truncate;
ALTER TABLE perfeval.indicator ENABLE ALWAYS TRIGGER check_targets;
ALTER TABLE perfeval_internal.project_state ENABLE ALWAYS TRIGGER guard_state;

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
								  'guard_state', 'owner_only', 'scheme_keys', 'rule_schemes',
								  'keep_indicators', 'keep_schemes')
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
-- step after pg_restore --data-only --disable-triggers (README).  On a
-- Citus cluster, where the data is restored with its triggers and the
-- shards' triggers keep the state as it arrives (docs/scale-out.md), only
-- the putting right: the recompute runs on one node's tables (1.16: it
-- failed on the state's shards, and with it the grants a migrated
-- warehouse's roles need).
CREATE FUNCTION perfeval.refresh_state() RETURNS bigint
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	PERFORM perfeval_internal.restore_repair();
	IF EXISTS (SELECT FROM pg_extension WHERE extname = 'citus') THEN
		IF EXISTS (SELECT FROM pg_dist_partition WHERE logicalrelid = 'perfeval.project'::regclass) THEN
			RETURN (SELECT count(*) FROM perfeval_internal.project_state
					 WHERE actuals IS NOT NULL OR checklist IS NOT NULL OR survey IS NOT NULL OR allocations > 0
						OR execution_days IS NOT NULL);
		END IF;
	END IF;
	RETURN perfeval_internal.refresh_facts();
END $$;
REVOKE ALL ON FUNCTION perfeval_internal.always_again(), perfeval_internal.restore_repair(),
	perfeval.refresh_state() FROM PUBLIC;

-- The aggregates that build a project's parts from its facts: the trigger
-- statements use them, and so do the dated views and the tests that
-- recompute the state from scratch.
CREATE FUNCTION perfeval.actual_state_trans(internal, code text, reported_on date,
		measure perfeval.measure, tier text, fraction numeric, has_note boolean)
	RETURNS internal AS 'MODULE_PATHNAME', 'actual_state_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION perfeval.checklist_state_trans(internal, code text, points numeric,
		deduction numeric)
	RETURNS internal AS 'MODULE_PATHNAME', 'checklist_state_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION perfeval.survey_state_trans(internal, code text, option_no int,
		respondents int, coefficient numeric)
	RETURNS internal AS 'MODULE_PATHNAME', 'survey_state_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION perfeval.notes_state_trans(internal, code text, reported_on date, note text)
	RETURNS internal AS 'MODULE_PATHNAME', 'notes_state_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION perfeval.state_final(internal) RETURNS perfeval.state
	AS 'MODULE_PATHNAME', 'state_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE AGGREGATE perfeval.actual_state(code text, reported_on date, measure perfeval.measure,
		tier text, fraction numeric, has_note boolean) (
	SFUNC = perfeval.actual_state_trans, STYPE = internal, FINALFUNC = perfeval.state_final,
	PARALLEL = SAFE);
CREATE AGGREGATE perfeval.checklist_state(code text, points numeric, deduction numeric) (
	SFUNC = perfeval.checklist_state_trans, STYPE = internal, FINALFUNC = perfeval.state_final,
	PARALLEL = SAFE);
CREATE AGGREGATE perfeval.survey_state(code text, option_no int, respondents int,
		coefficient numeric) (
	SFUNC = perfeval.survey_state_trans, STYPE = internal, FINALFUNC = perfeval.state_final,
	PARALLEL = SAFE);

CREATE AGGREGATE perfeval.notes_state(code text, reported_on date, note text) (
	SFUNC = perfeval.notes_state_trans, STYPE = internal, FINALFUNC = perfeval.state_final,
	PARALLEL = SAFE);

-- The dated money's part (1.16): a project's execution rows as the series
-- money_on() reads (section 72), sorted by department, fund level and
-- date, the lines numbered: (line, day) and (budget, spent) in 万元.
CREATE TYPE perfeval_internal.execution_series AS (days int[], money numeric[]);
CREATE FUNCTION perfeval_internal.execution_series_trans(internal, text, text, date, numeric, numeric)
	RETURNS internal AS 'MODULE_PATHNAME', 'pe_execution_series_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION perfeval_internal.execution_series_final(internal) RETURNS perfeval_internal.execution_series
	AS 'MODULE_PATHNAME', 'pe_execution_series_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE AGGREGATE perfeval_internal.execution_series(department text, fund_level text, reported_on date,
		budget numeric, spent numeric) (
	SFUNC = perfeval_internal.execution_series_trans, STYPE = internal,
	FINALFUNC = perfeval_internal.execution_series_final, FINALFUNC_MODIFY = READ_WRITE, PARALLEL = SAFE);
COMMENT ON TYPE perfeval_internal.execution_series IS '项目维护的年中预算执行资金序列 / A project''s kept series of dated money';
COMMENT ON COLUMN perfeval_internal.execution_series.days IS '各次报告的（资金行序号, 报告日） / Each report''s (line, day)';
COMMENT ON COLUMN perfeval_internal.execution_series.money IS '各次报告的（全年预算, 累计执行），万元 / Each report''s (budget, spent), 万元';
COMMENT ON FUNCTION perfeval_internal.execution_series_trans(internal, text, text, date, numeric, numeric) IS 'execution_series() 的步进函数 / execution_series()''s step';
COMMENT ON FUNCTION perfeval_internal.execution_series_final(internal) IS 'execution_series() 的终结函数：排序、编号 / execution_series()''s final function: sorted, lines numbered';
COMMENT ON AGGREGATE perfeval_internal.execution_series(text, text, date, numeric, numeric) IS '由项目的年中预算执行行构成维护的资金序列 / A project''s kept series built from its execution rows';

-- The actual an indicator is scored from, as the views show it.
CREATE FUNCTION perfeval.actual_measure(actuals perfeval.state, code text, as_of date) RETURNS text
	AS 'MODULE_PATHNAME', 'actual_measure' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.actual_tier(actuals perfeval.state, code text, as_of date) RETURNS text
	AS 'MODULE_PATHNAME', 'actual_tier' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.actual_fraction(actuals perfeval.state, code text, as_of date) RETURNS numeric
	AS 'MODULE_PATHNAME', 'actual_fraction' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.actual_note(notes perfeval.state, code text, reported_on date) RETURNS text
	AS 'MODULE_PATHNAME', 'actual_note' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.checklist_reasons(reasons perfeval.state, code text) RETURNS text
	AS 'MODULE_PATHNAME', 'checklist_reasons' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON TABLE perfeval_internal.project_state IS '各项目的维护状态：方案与事实（仅由 perfeval 写入，不导出） / What perfeval keeps of each project, its scheme and its facts (written only by perfeval, not dumped)';
COMMENT ON COLUMN perfeval_internal.project_state.scheme_id IS '项目的评分方案 / The project''s scheme';
COMMENT ON COLUMN perfeval_internal.project_state.actuals IS '各指标全部实际值 / Every actual of every indicator';
COMMENT ON COLUMN perfeval_internal.project_state.checklist IS '各指标评价要点合计 / Checklist points summed per indicator';
COMMENT ON COLUMN perfeval_internal.project_state.survey IS '各指标满意度调查人数 / Survey counts per indicator and option';
COMMENT ON COLUMN perfeval_internal.project_state.actual_notes IS '各实际值的偏差原因 / The deviation note of each actual';
COMMENT ON COLUMN perfeval_internal.project_state.checklist_reasons IS '各指标扣分要点及理由 / The deducted checklist points of each indicator, with their reasons';
COMMENT ON COLUMN perfeval_internal.project_state.allocations IS '资金分配行数 / Number of allocation rows';
COMMENT ON COLUMN perfeval_internal.project_state.money_initial_budget IS '年初预算合计（万元） / Initial budget in 万元';
COMMENT ON COLUMN perfeval_internal.project_state.money_budget IS '全年预算合计（万元） / Full-year budget in 万元';
COMMENT ON COLUMN perfeval_internal.project_state.money_arrived IS '实际到位合计（万元） / Arrived in 万元';
COMMENT ON COLUMN perfeval_internal.project_state.money_spent IS '全年执行合计（万元） / Spent in 万元';
COMMENT ON COLUMN perfeval_internal.project_state.execution_days IS '年中预算执行各次报告的（资金行序号, 报告日）：资金行为部门与资金级次，按行序号与日期排序 / The dated money''s reports as (line, day): a line is a department and fund level, sorted by line and date';
COMMENT ON COLUMN perfeval_internal.project_state.execution_money IS '与 execution_days 对应的（全年预算, 累计执行），万元 / The (budget, spent) in 万元 of each report in execution_days';
COMMENT ON FUNCTION perfeval_internal.keep_facts() IS '事实表变动后锁定并重算所涉项目的状态（触发器） / Locks and recomputes the state of the projects a statement touched (trigger)';
COMMENT ON FUNCTION perfeval_internal.keep_projects() IS '项目增删改后维护其状态行（触发器） / Keeps every project''s state row with it and its scheme (trigger)';
COMMENT ON FUNCTION perfeval_internal.check_targets() IS '拒绝与已有实际值单位不可比的指标值（触发器） / Refuses a target its actuals cannot be compared with (trigger)';
COMMENT ON FUNCTION perfeval_internal.note_projects() IS '记下每行所属项目，供语句一次加锁（触发器） / Notes each written row''s project, so that a statement locks all at once (trigger)';
COMMENT ON FUNCTION perfeval_internal.guard_state() IS '拒绝手工写入所维护的状态（触发器） / Refuses any write to the kept state but perfeval''s own (trigger)';
COMMENT ON FUNCTION perfeval.refresh_state() IS '按项目与事实表重算全部维护状态（先补回禁用触发器的恢复所缺：触发器方式、随附行、授权），返回有事实的项目数 / Recomputes every project''s kept state from the projects and facts, after putting right what a restore with triggers disabled left undone (trigger modes, shipped rows, privileges); returns the projects with facts';
COMMENT ON FUNCTION perfeval_internal.refresh_facts() IS '按项目与事实表重算全部维护状态，返回有事实的项目数 / Recomputes every project''s kept state from the projects and facts; returns the projects with facts';
COMMENT ON FUNCTION perfeval_internal.always_again() IS 'perfeval 自身的 ALWAYS 触发器恢复为 ALWAYS（ENABLE TRIGGER ALL 之后） / perfeval''s own ENABLE ALWAYS triggers fire ALWAYS again (after ENABLE TRIGGER ALL)';
COMMENT ON FUNCTION perfeval_internal.restore_repair() IS '补回禁用触发器的恢复所缺：ALWAYS 触发器、随附的查找行、grant_access() 的权限 / Puts right what a restore with triggers disabled left undone: ALWAYS triggers, shipped lookup rows, grant_access() privileges';
COMMENT ON AGGREGATE perfeval.actual_state(text, date, perfeval.measure, text, numeric, boolean) IS '一个项目的全部实际值（打包） / Every actual of a project, packed';
COMMENT ON AGGREGATE perfeval.checklist_state(text, numeric, numeric) IS '一个项目的评价要点合计（打包） / A project''s checklist points summed per indicator, packed';
COMMENT ON AGGREGATE perfeval.survey_state(text, int, int, numeric) IS '一个项目的满意度调查人数（打包） / A project''s survey counts per indicator, packed';
COMMENT ON AGGREGATE perfeval.notes_state(text, date, text) IS '一个项目各指标的说明文字（打包） / A project''s notes per indicator, packed';
COMMENT ON FUNCTION perfeval.notes_state_trans(internal, text, date, text) IS 'notes_state() 的状态转移（内部） / notes_state() transition (internal)';
COMMENT ON FUNCTION perfeval.actual_note(perfeval.state, text, date) IS '某次报告的偏差原因 / The deviation note of the actual reported on a date';
COMMENT ON FUNCTION perfeval.checklist_reasons(perfeval.state, text) IS '指标的扣分要点及理由 / An indicator''s deducted checklist points with their reasons';
COMMENT ON FUNCTION perfeval.actual_measure(perfeval.state, text, date) IS '某日所用的实际完成值 / The measure an indicator is scored from on a date';
COMMENT ON FUNCTION perfeval.actual_tier(perfeval.state, text, date) IS '某日所用的评判档次 / The tier an indicator is judged in on a date';
COMMENT ON FUNCTION perfeval.actual_fraction(perfeval.state, text, date) IS '某日所用的评判比例（%） / The judged fraction an indicator is scored from on a date';
COMMENT ON FUNCTION perfeval.actual_state_trans(internal, text, date, perfeval.measure, text, numeric, boolean) IS 'actual_state() 的状态转移（内部） / actual_state() transition (internal)';
COMMENT ON FUNCTION perfeval.checklist_state_trans(internal, text, numeric, numeric) IS 'checklist_state() 的状态转移（内部） / checklist_state() transition (internal)';
COMMENT ON FUNCTION perfeval.survey_state_trans(internal, text, int, int, numeric) IS 'survey_state() 的状态转移（内部） / survey_state() transition (internal)';
COMMENT ON FUNCTION perfeval.state_final(internal) IS '打包的项目状态（内部） / The packed project state (internal)';
