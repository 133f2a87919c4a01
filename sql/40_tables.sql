-- Section 40: the warehouse tables (the load contract).
--
-- Every table that grows with the warehouse is keyed by project_id first, so
-- that a single project is one index range and Citus can distribute every one
-- of them on project_id (co-located joins).  scheme and division are small
-- lookup tables (Citus reference tables).  No serial columns: keys are
-- natural, so a load is idempotent and pg_dump has no sequences to carry.


-- Scoring schemes (评分方案): the rules that differ by jurisdiction, as data.
-- rules is the scheme decoded and checked once (src/rules.c: every bound of
-- a scheme is checked there, and a bad one refuses the row with 23514);
-- builtin says which row is the one CREATE EXTENSION installs.
CREATE TABLE perfeval.scheme (
	scheme_id text PRIMARY KEY,
	name text NOT NULL,
	grade_scale perfeval.grade_scale NOT NULL DEFAULT perfeval.national_grade_scale(),
	decimals int NOT NULL DEFAULT 2,
	rounding text NOT NULL DEFAULT 'half_up',
	execution_base text NOT NULL DEFAULT 'arrived',
	reverse_rule text NOT NULL DEFAULT 'ratio',
	tier_high numeric NOT NULL DEFAULT 80,
	tier_low numeric NOT NULL DEFAULT 60,
	satisfaction_coefficients numeric[] NOT NULL DEFAULT perfeval.default_coefficients(),
	over_threshold numeric NOT NULL DEFAULT 120,
	builtin boolean GENERATED ALWAYS AS (scheme_id = 'national') STORED,
	-- mid-year monitoring (1.16): the lights' bounds (blue is
	-- over_threshold), time progress by day, whole targets, key monitoring;
	-- checked by the core with the scoring bounds they sit beside
	monitor_exec_red numeric NOT NULL DEFAULT 60,
	monitor_exec_yellow numeric NOT NULL DEFAULT 80,
	monitor_goal_red numeric NOT NULL DEFAULT 60,
	monitor_goal_yellow numeric NOT NULL DEFAULT 80,
	monitor_by_day boolean NOT NULL DEFAULT false,
	monitor_full boolean NOT NULL DEFAULT false,
	key_budget numeric NOT NULL DEFAULT 200,
	key_rate numeric NOT NULL DEFAULT 60,
	key_month int NOT NULL DEFAULT 8,
	-- a target "=0" met only by 0 (exact), or by any actual at or below 0
	-- (at_most, as some provinces' self-evaluation reads it; 1.16)
	zero_target text NOT NULL DEFAULT 'exact',
	-- (last: 1.16 made it again with zero_target, and an upgraded table has
	-- it here too)
	rules perfeval.rules GENERATED ALWAYS AS (perfeval.scheme_rules(decimals, rounding,
		reverse_rule, tier_high, tier_low, satisfaction_coefficients, execution_base,
		over_threshold, zero_target)) STORED,
	CONSTRAINT scheme_monitoring_check CHECK (perfeval_internal.monitoring_rules_ok(monitor_exec_red,
		monitor_exec_yellow, monitor_goal_red, monitor_goal_yellow, over_threshold, key_budget, key_rate,
		key_month))
);

INSERT INTO perfeval.scheme (scheme_id, name)
VALUES ('national', '财政部默认（财预〔2020〕10号） / MoF defaults');

-- The built-in scheme exists in every database.  pg_dump keeps every scheme
-- (a customised national included): restoring the national row sets the
-- rules of the one CREATE EXTENSION installed instead of failing as a
-- duplicate.  It cannot be deleted or renamed (projects default to it).
CREATE FUNCTION perfeval.keep_builtin_scheme() RETURNS trigger
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
	n bigint;
BEGIN
	IF TG_OP = 'INSERT' THEN
		-- the table the trigger fired on: on Citus, a placement of the
		-- reference table, which each placement updates in itself
		-- (every column the row is written with, so that a column a release
		-- adds is restored too)
		EXECUTE format('UPDATE %I.%I SET %s WHERE scheme_id = $1.scheme_id', TG_TABLE_SCHEMA, TG_TABLE_NAME,
					   (SELECT string_agg(format('%I = $1.%I', a.attname, a.attname), ', ' ORDER BY a.attnum)
						  FROM pg_attribute a
						 WHERE a.attrelid = TG_RELID AND a.attnum > 0 AND NOT a.attisdropped
						   AND a.attgenerated = '' AND a.attname <> 'scheme_id'))
			USING NEW;
		GET DIAGNOSTICS n = ROW_COUNT;
		RETURN CASE WHEN n > 0 THEN NULL ELSE NEW END;
	END IF;
	IF TG_OP = 'DELETE' OR NEW.scheme_id IS DISTINCT FROM OLD.scheme_id THEN
		RAISE EXCEPTION USING ERRCODE = 'dependent_objects_still_exist',
			MESSAGE = perfeval_internal.message('builtin_scheme.' || lower(TG_OP), OLD.scheme_id),
			DETAIL = perfeval_internal.message('builtin_scheme.detail'),
			HINT = perfeval_internal.message('builtin_scheme.hint');
	END IF;
	RETURN NEW;
END
$$;
CREATE TRIGGER scheme_builtin_insert BEFORE INSERT ON perfeval.scheme
	FOR EACH ROW WHEN (NEW.scheme_id = 'national') EXECUTE FUNCTION perfeval.keep_builtin_scheme();
-- The national self-evaluation form's scheme (national_self, made when
-- first needed: section 85) restores the same way: a dump of a warehouse
-- that imported forms holds it, and a database distributed on a Citus
-- cluster already has it (1.16: pg_restore --data-only stopped on it as a
-- duplicate, and every fact table then on its foreign key).
CREATE TRIGGER scheme_self_insert BEFORE INSERT ON perfeval.scheme
	FOR EACH ROW WHEN (NEW.scheme_id = 'national_self') EXECUTE FUNCTION perfeval.keep_builtin_scheme();
CREATE TRIGGER scheme_builtin_change BEFORE UPDATE OR DELETE ON perfeval.scheme
	FOR EACH ROW WHEN (OLD.scheme_id = 'national') EXECUTE FUNCTION perfeval.keep_builtin_scheme();

-- On a Citus cluster project's foreign key to scheme is kept by these
-- triggers, where Citus fires them (src/schemekey.c): distribute() drops
-- the key, since Citus refuses to write scheme in a transaction that has
-- written projects over several connections.  On one node they do nothing.
CREATE FUNCTION perfeval_internal.scheme_keys() RETURNS trigger
	AS 'MODULE_PATHNAME', 'scheme_keys' LANGUAGE C;
REVOKE ALL ON FUNCTION perfeval_internal.scheme_keys() FROM PUBLIC;
COMMENT ON FUNCTION perfeval_internal.scheme_keys() IS '在 Citus 集群上代替项目到方案的外键：改动或删除方案主键前锁定、之后检查（触发器） / On a Citus cluster, project''s foreign key to scheme: a change of schemes'' keys locks first and checks after (trigger)';
CREATE TRIGGER scheme_keys_lock BEFORE DELETE OR UPDATE OF scheme_id ON perfeval.scheme
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.scheme_keys();
CREATE TRIGGER scheme_keys_update AFTER UPDATE ON perfeval.scheme
	REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.scheme_keys();
CREATE TRIGGER scheme_keys_delete AFTER DELETE ON perfeval.scheme
	REFERENCING OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.scheme_keys();
ALTER TABLE perfeval.scheme ENABLE ALWAYS TRIGGER scheme_keys_lock, ENABLE ALWAYS TRIGGER scheme_keys_update,
	ENABLE ALWAYS TRIGGER scheme_keys_delete;

-- Names of administrative divisions (GB/T 2260), for roll-up labels only:
-- every province, prefecture and county ships with the extension (section
-- 46); rows a user writes for other codes, or for the same codes, win.
CREATE TABLE perfeval.division (
	code text PRIMARY KEY CHECK (code ~ '^[0-9]{6}$'),
	name text NOT NULL,
	level text GENERATED ALWAYS AS (CASE WHEN code LIKE '__0000' THEN 'province'
										 WHEN code LIKE '____00' THEN 'prefecture'
										 ELSE 'county' END) STORED
);

-- The rules a project's year, division code, evaluation kind and money
-- unit follow, the core's (src/pe_form.c): the form reader reads a form by
-- the same ones (1.16: one place for each).
CREATE FUNCTION perfeval_internal.is_year(int) RETURNS boolean
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE AS 'MODULE_PATHNAME', 'pe_is_year';
CREATE FUNCTION perfeval_internal.is_division_code(text) RETURNS boolean
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE AS 'MODULE_PATHNAME', 'pe_is_division_code';
CREATE FUNCTION perfeval_internal.is_evaluation_kind(text) RETURNS boolean
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE AS 'MODULE_PATHNAME', 'pe_is_evaluation_kind';
CREATE FUNCTION perfeval_internal.is_money_unit(text) RETURNS boolean
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE AS 'MODULE_PATHNAME', 'pe_is_money_unit';
COMMENT ON FUNCTION perfeval_internal.is_year(int) IS '年度是否有效（1990 至 2100） / Whether a year is valid (1990 to 2100)';
COMMENT ON FUNCTION perfeval_internal.is_division_code(text) IS '是否为六位行政区划代码（GB/T 2260） / Whether a text is a six-digit GB/T 2260 division code';
COMMENT ON FUNCTION perfeval_internal.is_evaluation_kind(text) IS '是否为评价类型（单位自评、部门评价、财政评价、第三方） / Whether a text is an evaluation kind (单位自评, 部门评价, 财政评价, 第三方)';
COMMENT ON FUNCTION perfeval_internal.is_money_unit(text) IS '是否为金额单位（元、万元、亿元） / Whether a text is a money unit (元, 万元, 亿元)';

-- One evaluated project (项目) in one year.
CREATE TABLE perfeval.project (
	project_id text PRIMARY KEY,
	name text NOT NULL,
	year int NOT NULL CONSTRAINT project_year_check CHECK (perfeval_internal.is_year(year)),
	division_code text NOT NULL
		CONSTRAINT project_division_code_check CHECK (perfeval_internal.is_division_code(division_code)),
	department text NOT NULL,
	implementing_unit text,
	evaluation_kind text NOT NULL
		CONSTRAINT project_evaluation_kind_check CHECK (perfeval_internal.is_evaluation_kind(evaluation_kind)),
	scheme_id text NOT NULL DEFAULT 'national' REFERENCES perfeval.scheme,
	printed_total numeric
		CONSTRAINT project_printed_total_check CHECK (perfeval.is_exact(printed_total) AND printed_total >= 0),
	printed_grade text,
	source text,
	programme_code text,		-- the budget system's programme (项目库编码), the same across years
	-- the form left 主管部门 empty: department is its 实施单位 (1.16)
	department_from_unit boolean NOT NULL DEFAULT false,
	-- the form's 年度总体目标: the goal set (预期目标) and what was done
	-- (实际完成情况), as written; NULL where not known (1.16)
	annual_goal text,
	annual_outcome text
);
CREATE INDEX project_year_division_idx ON perfeval.project (year, division_code);

-- Money per project, department and fund level (资金级次).
CREATE TABLE perfeval.allocation (
	project_id text NOT NULL REFERENCES perfeval.project ON DELETE CASCADE,
	department text NOT NULL,
	fund_level text NOT NULL
		CHECK (fund_level IN ('中央', '省级', '市级', '县区级', '上年结转', '其他')),
	unit text NOT NULL DEFAULT '万元' CONSTRAINT allocation_unit_check CHECK (perfeval_internal.is_money_unit(unit)),
	initial_budget numeric
		CONSTRAINT allocation_initial_budget_check CHECK (perfeval.is_exact(initial_budget) AND initial_budget >= 0),
	budget numeric
		CONSTRAINT allocation_budget_check CHECK (perfeval.is_exact(budget) AND budget >= 0),
	arrived numeric
		CONSTRAINT allocation_arrived_check CHECK (perfeval.is_exact(arrived) AND arrived >= 0),
	spent numeric
		CONSTRAINT allocation_spent_check CHECK (perfeval.is_exact(spent) AND spent >= 0),
	PRIMARY KEY (project_id, department, fund_level)
);

-- Money during the year (mid-year monitoring, 1.16): per project,
-- department and fund level, cumulative to reported_on (budget: the
-- adjusted full-year budget on that day).  The year-end allocation stays as
-- it is.  Each amount must be exact in 万元 too (what monitoring sums and
-- divides: 0.5678元 is 0.00005678万元, refused here rather than failing
-- every reader of the monitoring).
CREATE TABLE perfeval.execution (
	project_id text NOT NULL REFERENCES perfeval.project ON DELETE CASCADE,
	department text NOT NULL,
	fund_level text NOT NULL
		CHECK (fund_level IN ('中央', '省级', '市级', '县区级', '上年结转', '其他')),
	reported_on date NOT NULL CONSTRAINT execution_reported_on_check CHECK (isfinite(reported_on)),
	unit text NOT NULL DEFAULT '万元' CONSTRAINT execution_unit_check CHECK (perfeval_internal.is_money_unit(unit)),
	budget numeric NOT NULL
		CONSTRAINT execution_budget_check CHECK (perfeval.is_exact(budget) AND budget >= 0
			AND perfeval.is_exact(perfeval.wanyuan(budget, unit))),
	arrived numeric
		CONSTRAINT execution_arrived_check CHECK (perfeval.is_exact(arrived) AND arrived >= 0
			AND perfeval.is_exact(perfeval.wanyuan(arrived, unit))),
	spent numeric NOT NULL
		CONSTRAINT execution_spent_check CHECK (perfeval.is_exact(spent) AND spent >= 0
			AND perfeval.is_exact(perfeval.wanyuan(spent, unit))),
	PRIMARY KEY (project_id, department, fund_level, reported_on)
);

-- What a monitoring form printed that its facts do not give (1.16): a
-- total not the sum of its parts, a printed 执行率 not spent ÷ budget, a
-- 年度指标值 not the indicator's target.  Written by the import beside the
-- facts (the totals and the printed rates are not facts of their own),
-- read through perfeval.findings; a form imported again at the same date
-- replaces them.
CREATE TABLE perfeval.monitoring_finding (
	project_id text NOT NULL REFERENCES perfeval.project ON DELETE CASCADE,
	reported_on date NOT NULL CONSTRAINT monitoring_finding_reported_on_check CHECK (isfinite(reported_on)),
	code text,
	kind text NOT NULL
		CONSTRAINT monitoring_finding_kind_check CHECK (kind IN ('money_total', 'printed_rate', 'target_differs')),
	detail text NOT NULL
);
CREATE INDEX monitoring_finding_project_idx ON perfeval.monitoring_finding (project_id, reported_on);
COMMENT ON INDEX perfeval.monitoring_finding_project_idx IS '监控表问题按项目与报告日 / A monitoring form''s findings by project and report date';

-- Level-3 indicators (三级指标) with their place in the indicator system.
CREATE TABLE perfeval.indicator (
	project_id text NOT NULL REFERENCES perfeval.project ON DELETE CASCADE,
	code text NOT NULL,
	seq int,
	level1 text NOT NULL,
	level2 text NOT NULL,
	name text NOT NULL,
	weight numeric NOT NULL,
	target perfeval.target,
	method perfeval.method NOT NULL DEFAULT 'proportional',
	source text NOT NULL DEFAULT 'actual'
		CHECK (source IN ('actual', 'checklist', 'survey', 'arrival_rate', 'execution_rate', 'printed')),
	applicable boolean NOT NULL DEFAULT true,
	printed_score numeric
		CONSTRAINT indicator_printed_score_check CHECK (perfeval.is_exact(printed_score) AND printed_score >= 0),
	PRIMARY KEY (project_id, code),
	-- (a row that does not apply may have no weight: 分值 written as / on
	-- its form, 1.16)
	CONSTRAINT indicator_weight_positive CHECK (perfeval.is_exact(weight)
		AND (weight > 0 OR (weight = 0 AND NOT applicable))),
	-- a rate from money or a survey is a percentage: its target must compare
	-- with one (≥95%, 95, a qualitative phrase), not ≥10家 or 50万元
	CONSTRAINT indicator_rate_target_percent CHECK (source NOT IN ('survey', 'arrival_rate', 'execution_rate')
		OR target IS NULL OR perfeval.comparable(target, '0%'::perfeval.measure)),
	-- the points its level-1 cell printed (产出指标（50分）), NULL if none;
	-- a finding where the level's weights add up to other points (1.16)
	level1_points numeric
		CONSTRAINT indicator_level1_points_check CHECK (perfeval.is_exact(level1_points) AND level1_points >= 0),
	-- monitoring compares the actual with the whole target (a one-off
	-- target), not its share of the year; NULL: as the scheme says (1.16)
	monitor_full boolean,
	-- the indicator library's code (指标库编码), the same for the same
	-- indicator in every project and year; NULL: matched by level 2 and
	-- name (results application, 1.16, issue 29)
	library_code text CONSTRAINT indicator_library_code_check CHECK (library_code <> '')
);

-- Actual values as facts: one row per report date; scores use the latest.
CREATE TABLE perfeval.actual (
	project_id text NOT NULL,
	code text NOT NULL,
	reported_on date NOT NULL,
	measure perfeval.measure,
	tier text CHECK (tier IN ('达成', '部分达成', '未达成')),
	fraction numeric
		CONSTRAINT actual_fraction_check CHECK (perfeval.is_exact(fraction) AND fraction BETWEEN 0 AND 100),
	deviation_note text,
	-- mid-year monitoring (1.16): why it deviates, and whether the year's
	-- target will be met
	cause text CONSTRAINT actual_cause_check CHECK (cause IN ('经费保障', '制度保障', '人员保障', '硬件条件保障', '其他')),
	likelihood text CONSTRAINT actual_likelihood_check CHECK (likelihood IN ('确定能', '有可能', '完全不可能')),
	-- the full-year forecast a monitoring form gives (全年预计完成值, 1.16)
	forecast perfeval.measure,
	FOREIGN KEY (project_id, code) REFERENCES perfeval.indicator ON DELETE CASCADE,
	CHECK ((tier IS NULL) = (fraction IS NULL)),
	CHECK (measure IS NOT NULL OR tier IS NOT NULL OR deviation_note IS NOT NULL)
);

-- Checklist points (评价要点) of an indicator scored by deduction.
CREATE TABLE perfeval.checklist_point (
	project_id text NOT NULL,
	code text NOT NULL,
	point_no int NOT NULL CHECK (point_no > 0),
	description text NOT NULL,
	points numeric
		CONSTRAINT checklist_point_points_check CHECK (perfeval.is_exact(points) AND points > 0),
	deduction numeric NOT NULL DEFAULT 0,
	reason text,
	PRIMARY KEY (project_id, code, point_no),
	FOREIGN KEY (project_id, code) REFERENCES perfeval.indicator ON DELETE CASCADE,
	CONSTRAINT checklist_deduction_range
		CHECK (perfeval.is_exact(deduction) AND deduction >= 0 AND (points IS NULL OR deduction <= points))
);

-- Survey responses (满意度调查) per option, in the order of the coefficients.
CREATE TABLE perfeval.survey_response (
	project_id text NOT NULL,
	code text NOT NULL,
	option_no int NOT NULL CHECK (option_no > 0),
	option_label text NOT NULL,
	respondents int NOT NULL CHECK (respondents >= 0),
	coefficient numeric
		CONSTRAINT survey_response_coefficient_check CHECK (perfeval.is_exact(coefficient) AND coefficient BETWEEN 0 AND 1),
	PRIMARY KEY (project_id, code, option_no),
	FOREIGN KEY (project_id, code) REFERENCES perfeval.indicator ON DELETE CASCADE
);

-- The key of an actual.  Newest first, so that the views read the latest
-- actual of each indicator from the index in order instead of sorting all
-- actuals (a primary key cannot be descending; this unique index is the key).
CREATE UNIQUE INDEX actual_latest_idx ON perfeval.actual (project_id, code, reported_on DESC);
COMMENT ON INDEX perfeval.actual_latest_idx IS '实际值主键（最新在前） / The key of an actual, newest first';

-- Only the warehouse's owner writes schemes, whatever a schema-wide GRANT
-- gave: owner_only() (section 48, src/access.c).

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
		RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
			MESSAGE = perfeval_internal.message('no_parked_parent', parent, cols);
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
CREATE TRIGGER park_orphan BEFORE INSERT ON perfeval.execution FOR EACH ROW
	WHEN (perfeval_internal.may_park('perfeval.project'))
	EXECUTE FUNCTION perfeval_internal.park_orphan('project', 'project_id');
CREATE TRIGGER park_orphan BEFORE INSERT ON perfeval.monitoring_finding FOR EACH ROW
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

-- pg_dump keeps every row users load, the built-in scheme's settings included.
SELECT pg_catalog.pg_extension_config_dump('perfeval.scheme', '');
SELECT pg_catalog.pg_extension_config_dump('perfeval.project', '');
SELECT pg_catalog.pg_extension_config_dump('perfeval.allocation', '');
SELECT pg_catalog.pg_extension_config_dump('perfeval.execution', '');
SELECT pg_catalog.pg_extension_config_dump('perfeval.monitoring_finding', '');
SELECT pg_catalog.pg_extension_config_dump('perfeval.indicator', '');
SELECT pg_catalog.pg_extension_config_dump('perfeval.actual', '');
SELECT pg_catalog.pg_extension_config_dump('perfeval.checklist_point', '');
SELECT pg_catalog.pg_extension_config_dump('perfeval.survey_response', '');

COMMENT ON TABLE perfeval.scheme IS '评分方案：等级划分、小数位与舍入、执行率口径、反向指标规则、定性档次、满意度系数、超额阈值 / Scoring schemes: grade bands, rounding, execution-rate base, reverse rule, qualitative tiers, satisfaction coefficients, over-achievement threshold';
COMMENT ON COLUMN perfeval.scheme.grade_scale IS '评价等级划分，如 优:90,良:80,中:70,差:0 / Grade bands, each including its lower bound';
COMMENT ON COLUMN perfeval.scheme.decimals IS '指标得分保留小数位 / Decimals kept in indicator scores';
COMMENT ON COLUMN perfeval.scheme.rounding IS '舍入方式：half_up 四舍五入，truncate 截尾 / Rounding of indicator scores: half_up or truncate';
COMMENT ON COLUMN perfeval.scheme.execution_base IS '预算执行率分母：arrived 实际到位，budget 全年预算，initial 年初预算 / Denominator of the execution rate';
COMMENT ON COLUMN perfeval.scheme.reverse_rule IS '反向（≤）指标计分：ratio 指标值÷实际值，linear 两倍指标值处线性降为0 / Rule for less-is-better indicators';
COMMENT ON COLUMN perfeval.scheme.tier_high IS '定性指标“达成”档下限（%） / Lower bound of the 达成 tier, percent of weight';
COMMENT ON COLUMN perfeval.scheme.tier_low IS '定性指标“部分达成”档下限（%） / Lower bound of the 部分达成 tier, percent of weight';
COMMENT ON COLUMN perfeval.scheme.satisfaction_coefficients IS '满意度选项系数，按选项顺序 / Satisfaction coefficients by option order';
COMMENT ON COLUMN perfeval.scheme.over_threshold IS '超额完成需说明的阈值（完成率%） / Completion percent at or above which a missing deviation note is a finding';
COMMENT ON COLUMN perfeval.scheme.monitor_exec_red IS '运行监控：预算执行进度比低于此值为红灯（%） / Monitoring: execution ratio below which the light is red, percent';
COMMENT ON COLUMN perfeval.scheme.monitor_exec_yellow IS '运行监控：预算执行进度比低于此值为黄灯，否则绿灯（%） / Monitoring: execution ratio below which it is yellow, else green, percent';
COMMENT ON COLUMN perfeval.scheme.monitor_goal_red IS '运行监控：指标完成进度低于此值为红灯（%） / Monitoring: indicator progress below which the light is red, percent';
COMMENT ON COLUMN perfeval.scheme.monitor_goal_yellow IS '运行监控：指标完成进度低于此值为黄灯（%）；达到 over_threshold 为蓝灯 / Monitoring: progress below which it is yellow; at over_threshold or above, blue';
COMMENT ON COLUMN perfeval.scheme.monitor_by_day IS '运行监控：序时进度按天计算（否则按月：月份÷12） / Monitoring: time progress by day of year (else by month: month ÷ 12)';
COMMENT ON COLUMN perfeval.scheme.monitor_full IS '运行监控：指标与全年指标值比较（否则按序时折算）；指标可单独设定 / Monitoring: compare indicators with the whole target (else pro rata); an indicator may say otherwise';
COMMENT ON COLUMN perfeval.scheme.key_budget IS '重点监控：全年预算不低于此值（万元） / Key monitoring: full-year budget at or above this, 万元';
COMMENT ON COLUMN perfeval.scheme.key_rate IS '重点监控：截至 key_month 月末预算执行率低于此值（%） / Key monitoring: execution rate below this at the end of key_month, percent';
COMMENT ON COLUMN perfeval.scheme.key_month IS '重点监控的判定月份（月末），1-12 / Key monitoring: the month at whose end it is decided, 1-12';
COMMENT ON COLUMN perfeval.scheme.builtin IS '随扩展安装的方案（派生列，即 national） / Derived: the scheme CREATE EXTENSION installs (national)';
COMMENT ON COLUMN perfeval.scheme.zero_target IS '指标值“=0”的判定：exact 仅实际值为0达成；at_most 实际值不高于0即达成 / A target "=0": exact, met only by 0; at_most, met by any actual at or below 0';
COMMENT ON COLUMN perfeval.scheme.rules IS '方案规则（派生列，经校验） / Derived: the scheme''s rules, decoded and checked once';
COMMENT ON FUNCTION perfeval.keep_builtin_scheme() IS '内置方案：恢复时更新其规则，不可删除或改名（触发器） / The built-in scheme: a restore sets its rules; it cannot be deleted or renamed (trigger)';

COMMENT ON TABLE perfeval.division IS '行政区划名称（GB/T 2260） / Names of administrative divisions, for roll-up labels';

COMMENT ON TABLE perfeval.project IS '评价项目 / Evaluated projects';
COMMENT ON COLUMN perfeval.project.project_id IS '项目标识（分布键） / Project id, the distribution key of every growing table';
COMMENT ON COLUMN perfeval.project.year IS '预算年度 / Budget year evaluated';
COMMENT ON COLUMN perfeval.project.division_code IS '行政区划代码（6位，GB/T 2260） / 6-digit administrative division code';
COMMENT ON COLUMN perfeval.project.department IS '主管部门 / Supervising department';
COMMENT ON COLUMN perfeval.project.implementing_unit IS '项目实施单位 / Implementing unit';
COMMENT ON COLUMN perfeval.project.annual_goal IS '年度总体目标：预期目标（原文） / The year''s overall goal as set (年度总体目标, 预期目标), as written';
COMMENT ON COLUMN perfeval.project.annual_outcome IS '年度总体目标：实际完成情况（原文） / What was done towards the overall goal (实际完成情况), as written';
COMMENT ON COLUMN perfeval.project.evaluation_kind IS '评价类型：单位自评、部门评价、财政评价、第三方 / Kind of evaluation';
COMMENT ON COLUMN perfeval.project.scheme_id IS '评分方案 / Scoring scheme';
COMMENT ON COLUMN perfeval.project.printed_total IS '报告所列总分 / Total printed in the report';
COMMENT ON COLUMN perfeval.project.printed_grade IS '报告所列等级 / Grade printed in the report';
COMMENT ON COLUMN perfeval.project.source IS '数据来源（报告文件） / Source document';
COMMENT ON COLUMN perfeval.project.programme_code IS '项目库编码（跨年度相同，可为空） / The budget system''s programme code, the same across years (optional)';
COMMENT ON COLUMN perfeval.project.department_from_unit IS '表单未填主管部门，主管部门取实施单位（列为问题） / The form left 主管部门 empty: the department is its implementing unit (a finding)';

COMMENT ON TABLE perfeval.allocation IS '项目资金：按部门和资金级次 / Money per project, department and fund level';
COMMENT ON COLUMN perfeval.allocation.fund_level IS '资金级次：中央、省级、市级、县区级、上年结转、其他 / Fund level';
COMMENT ON COLUMN perfeval.allocation.unit IS '金额单位：元、万元、亿元 / Unit of the amounts';
COMMENT ON COLUMN perfeval.allocation.initial_budget IS '年初预算 / Budget at the start of the year';
COMMENT ON COLUMN perfeval.allocation.budget IS '全年预算（调整后预算） / Full-year (adjusted) budget';
COMMENT ON COLUMN perfeval.allocation.arrived IS '实际到位 / Funds actually arrived';
COMMENT ON COLUMN perfeval.allocation.spent IS '全年执行 / Funds spent in the year';
COMMENT ON TABLE perfeval.execution IS '年中预算执行（绩效运行监控）：按项目、部门、资金级次，累计至报告日 / Money during the year (mid-year monitoring): per project, department and fund level, cumulative to the report date';
COMMENT ON COLUMN perfeval.execution.project_id IS '项目编号 / Project id';
COMMENT ON COLUMN perfeval.execution.department IS '预算部门 / Budget department';
COMMENT ON COLUMN perfeval.execution.fund_level IS '资金级次：中央、省级、市级、县区级、上年结转、其他 / Fund level';
COMMENT ON COLUMN perfeval.execution.reported_on IS '报告日（数额累计至该日） / Report date (the amounts are cumulative to it)';
COMMENT ON COLUMN perfeval.execution.unit IS '金额单位：元、万元、亿元 / Unit of the amounts';
COMMENT ON COLUMN perfeval.execution.budget IS '当日的全年预算（调整后） / The full-year (adjusted) budget on that day';
COMMENT ON COLUMN perfeval.execution.arrived IS '累计到位 / Funds arrived so far';
COMMENT ON COLUMN perfeval.execution.spent IS '累计执行 / Funds spent so far';
COMMENT ON TABLE perfeval.monitoring_finding IS '监控表所印数字与其数据不符之处（导入时记录，经 findings 视图读取） / What a monitoring form printed that its facts do not give, recorded by the import and read through perfeval.findings';
COMMENT ON COLUMN perfeval.monitoring_finding.project_id IS '项目编号 / Project id';
COMMENT ON COLUMN perfeval.monitoring_finding.reported_on IS '监控表的报告日 / The report date of the form';
COMMENT ON COLUMN perfeval.monitoring_finding.code IS '指标编码（资金问题为空） / Indicator code (NULL for the money)';
COMMENT ON COLUMN perfeval.monitoring_finding.kind IS '问题类别：money_total 合计不等于其组成，printed_rate 所印执行率不符，target_differs 年度指标值与指标目标不同 / Kind: a total not the sum of its parts, a printed rate not spent ÷ budget, a printed target not the indicator''s';
COMMENT ON COLUMN perfeval.monitoring_finding.detail IS '问题说明 / The finding in a sentence';
COMMENT ON COLUMN perfeval.actual.cause IS '偏差原因：经费保障、制度保障、人员保障、硬件条件保障、其他（年中监控） / Cause of a deviation (mid-year monitoring)';
COMMENT ON COLUMN perfeval.actual.likelihood IS '完成全年目标的可能性：确定能、有可能、完全不可能 / Likelihood of meeting the year''s target';
COMMENT ON COLUMN perfeval.actual.forecast IS '全年预计完成值（年中监控） / The full-year forecast (mid-year monitoring)';

COMMENT ON TABLE perfeval.indicator IS '三级绩效指标 / Level-3 performance indicators';
COMMENT ON COLUMN perfeval.indicator.code IS '指标编码，如 A11 / Indicator code';
COMMENT ON COLUMN perfeval.indicator.seq IS '表内顺序 / Order in the report table';
COMMENT ON COLUMN perfeval.indicator.level1 IS '一级指标 / Level-1 indicator';
COMMENT ON COLUMN perfeval.indicator.level2 IS '二级指标 / Level-2 indicator';
COMMENT ON COLUMN perfeval.indicator.weight IS '分值（权重） / Weight in points';
COMMENT ON COLUMN perfeval.indicator.target IS '指标值（目标值） / Target';
COMMENT ON COLUMN perfeval.indicator.method IS '评分方法 / Scoring method';
COMMENT ON COLUMN perfeval.indicator.source IS '实际值来源：actual 实际值，checklist 评价要点扣分，survey 满意度调查，arrival_rate 资金到位率，execution_rate 预算执行率，printed 仅有报告得分（采用报告得分并标记） / Where the actual comes from (printed: only the printed score, kept and flagged)';
COMMENT ON COLUMN perfeval.indicator.applicable IS '是否适用；不适用的指标不计分，总分按其余权重折算为100 / Applicable; if not, left out and the total rescaled';
COMMENT ON COLUMN perfeval.indicator.printed_score IS '报告所列得分 / Score printed in the report';
COMMENT ON COLUMN perfeval.indicator.level1_points IS '一级指标单元格所列分值（如“产出指标（50分）”），无则为空 / Points printed in its level-1 cell (产出指标（50分）), NULL if none';
COMMENT ON COLUMN perfeval.indicator.library_code IS '指标库编码（跨项目、跨年度相同），为空则按二级指标与名称归并 / The indicator library''s code, the same across projects and years; NULL: matched by level 2 and name';
COMMENT ON COLUMN perfeval.indicator.monitor_full IS '运行监控：与全年指标值比较（一次性指标），为空则按评分方案 / Monitoring: compare with the whole target (a one-off target); NULL: as the scheme says';

COMMENT ON TABLE perfeval.actual IS '指标实际完成值（按报告日期，取最新） / Actual values as dated facts; scores use the latest';
COMMENT ON COLUMN perfeval.actual.reported_on IS '填报日期 / Date reported';
COMMENT ON COLUMN perfeval.actual.measure IS '实际完成值 / Actual value';
COMMENT ON COLUMN perfeval.actual.tier IS '定性评判档次：达成、部分达成、未达成 / Qualitative tier judged';
COMMENT ON COLUMN perfeval.actual.fraction IS '评判得分比例（%） / Judged fraction of the weight, percent';
COMMENT ON COLUMN perfeval.actual.deviation_note IS '偏差原因分析及改进措施 / Deviation note';

COMMENT ON TABLE perfeval.checklist_point IS '评价要点及扣分 / Checklist points with deductions';
COMMENT ON COLUMN perfeval.checklist_point.points IS '要点分值（报告未列时为空） / Points the item carries, NULL where the report gives none';
COMMENT ON COLUMN perfeval.checklist_point.deduction IS '扣分 / Points deducted';
COMMENT ON COLUMN perfeval.checklist_point.reason IS '扣分理由 / Reason for the deduction';

COMMENT ON TABLE perfeval.survey_response IS '满意度调查各选项人数 / Survey responses per option';
COMMENT ON COLUMN perfeval.survey_response.option_no IS '选项序号，对应系数位置 / Option number, the position of its coefficient';
COMMENT ON COLUMN perfeval.survey_response.respondents IS '选择人数 / Number of respondents';
COMMENT ON COLUMN perfeval.survey_response.coefficient IS '选项系数（为空时取方案系数） / Coefficient, NULL for the scheme''s';

