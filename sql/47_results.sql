-- Section 47: the results perfeval keeps of each project (src/keep.c), 1.16.
--
-- A dashboard reads project_scores, the level sums and the roll-ups a dozen
-- times per refresh; evaluating every indicator row each time cost about
-- twice a bare scan of indicator.  So each project's current results -- its
-- total (sum_scores() over its rows), the sums of its level-1 and level-2
-- groups, and the money the roll-ups add -- are kept, recomputed by the same statements, under the same
-- locks, as the kept state (section 45): after the state, in the same
-- statement of the writer.  Each row carries the rules it was computed with
-- (its stamp); a view uses a kept row only while the project's scheme still
-- has those rules, and evaluates the project from its facts otherwise.  Why
-- a kept result cannot differ from a fresh evaluation: docs/design.md
-- ("Kept results").  Derived, like the state: not dumped, rebuilt as the
-- facts are restored, and by refresh_state().

-- A scheme's rules as bytes, the stamp of a kept result (a rules value
-- never takes text input; its bytes compare as a whole).
CREATE CAST (perfeval.rules AS bytea) WITHOUT FUNCTION;
-- Do a kept result's rules differ from its scheme's?  (Its support function
-- tells the planner that is rare: the views evaluate a project only then.
-- PARALLEL RESTRICTED, though safe: the search for stale projects, which
-- finds none, then runs in the leader; in parallel workers it was a third
-- of project_scores' time, their start, 1.16.)
CREATE FUNCTION perfeval_internal.stale_support(internal) RETURNS internal
	AS 'MODULE_PATHNAME', 'pe_stale_support' LANGUAGE C STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval_internal.stale_results(kept bytea, rules perfeval.rules) RETURNS boolean
	AS 'MODULE_PATHNAME', 'pe_stale_results' LANGUAGE C IMMUTABLE STRICT PARALLEL RESTRICTED
	SUPPORT perfeval_internal.stale_support;

-- A level-1 sum (level2 NULL) or a level-2 sum, over the rows that apply,
-- as level1_scores and level2_scores show them.
CREATE TYPE perfeval_internal.level_sum AS (
	level1 text,
	level2 text,
	seq int,
	indicators bigint,
	weight numeric,
	score numeric
);

-- Everything kept of one project, summed in one pass over its rows
-- (src/levelsums.c): sum_scores() over every row, every row's weight, and
-- the level-1 and level-2 sums in the levels' order.
CREATE TYPE perfeval_internal.project_sum AS (
	indicators bigint,
	weight numeric,
	score numeric,
	total numeric,
	weights numeric,
	level1 perfeval_internal.level_sum[],
	level2 perfeval_internal.level_sum[]
);
CREATE FUNCTION perfeval_internal.project_sums_trans(internal, level1 text, level2 text, seq int,
		weight numeric, e perfeval.evaluation) RETURNS internal
	AS 'MODULE_PATHNAME', 'project_sums_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION perfeval_internal.project_sums_final(internal) RETURNS perfeval_internal.project_sum
	AS 'MODULE_PATHNAME', 'project_sums_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE AGGREGATE perfeval_internal.project_sums(level1 text, level2 text, seq int, weight numeric,
		e perfeval.evaluation) (
	SFUNC = perfeval_internal.project_sums_trans,
	STYPE = internal,
	FINALFUNC = perfeval_internal.project_sums_final,
	FINALFUNC_MODIFY = SHAREABLE,	-- (it sorts the levels in place)
	PARALLEL = SAFE
);

CREATE TABLE perfeval_internal.project_results (
	project_id text PRIMARY KEY,
	scheme_id text NOT NULL,		-- the project's scheme when computed
	rules bytea NOT NULL,			-- and its rules: the stamp
	indicators bigint NOT NULL,		-- sum_scores() over every row
	weights numeric,				-- every row's weight, applicable or not (findings)
	weight numeric,
	score numeric,
	total numeric,
	budget numeric,					-- the money the roll-ups add, in 万元 (the state's)
	arrived numeric,
	spent numeric
) WITH (fillfactor = 50);	-- (room on each page to rewrite a row in place, HOT)

-- Its level sums, one row per project too (a row per level made a year's
-- load by COPY three times the plain one, 1.16), beside the narrow row
-- project_scores reads (in it, they made that read three times slower).
CREATE TABLE perfeval_internal.project_levels (
	project_id text PRIMARY KEY,
	scheme_id text NOT NULL,
	rules bytea NOT NULL,
	level1 perfeval_internal.level_sum[],	-- level2 NULL in each
	level2 perfeval_internal.level_sum[]
) WITH (fillfactor = 50);

-- Read in scope only, where granted at all (on a Citus cluster, as the
-- state: section 48).
ALTER TABLE perfeval_internal.project_results ENABLE ROW LEVEL SECURITY;
ALTER TABLE perfeval_internal.project_levels ENABLE ROW LEVEL SECURITY;

-- Only perfeval's own statements write them (the state's guard).
CREATE TRIGGER guard_state BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE
	ON perfeval_internal.project_results
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.guard_state();
CREATE TRIGGER guard_state BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE
	ON perfeval_internal.project_levels
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.guard_state();
ALTER TABLE perfeval_internal.project_results ENABLE ALWAYS TRIGGER guard_state;
ALTER TABLE perfeval_internal.project_levels ENABLE ALWAYS TRIGGER guard_state;

-- A project's results follow its indicators: each statement writing them
-- locks the projects' state rows (noted row by row, as the facts' are) and
-- recomputes their results.
CREATE FUNCTION perfeval_internal.keep_indicators() RETURNS trigger
	AS 'MODULE_PATHNAME', 'keep_indicators' LANGUAGE C
	SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET jit = off SET enable_seqscan = off;
CREATE TRIGGER note_projects BEFORE INSERT OR UPDATE OR DELETE ON perfeval.indicator
	FOR EACH ROW EXECUTE FUNCTION perfeval_internal.note_projects();
CREATE TRIGGER keep_results_insert AFTER INSERT ON perfeval.indicator
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_indicators();
CREATE TRIGGER keep_results_update AFTER UPDATE ON perfeval.indicator
	REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_indicators();
CREATE TRIGGER keep_results_delete AFTER DELETE ON perfeval.indicator
	REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_indicators();
CREATE TRIGGER keep_results_truncate AFTER TRUNCATE ON perfeval.indicator
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_indicators();
ALTER TABLE perfeval.indicator ENABLE ALWAYS TRIGGER note_projects, ENABLE ALWAYS TRIGGER keep_results_insert,
	ENABLE ALWAYS TRIGGER keep_results_update, ENABLE ALWAYS TRIGGER keep_results_delete,
	ENABLE ALWAYS TRIGGER keep_results_truncate;

-- A change of a scheme's rules recomputes the results of exactly its
-- projects (one node; on a Citus cluster the views evaluate them from their
-- facts until they are next written: docs/scale-out.md).
CREATE FUNCTION perfeval_internal.keep_schemes() RETURNS trigger
	AS 'MODULE_PATHNAME', 'keep_schemes' LANGUAGE C
	SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET jit = off SET enable_seqscan = off;
CREATE TRIGGER keep_results AFTER UPDATE ON perfeval.scheme
	REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_schemes();
ALTER TABLE perfeval.scheme ENABLE ALWAYS TRIGGER keep_results;
REVOKE ALL ON FUNCTION perfeval_internal.keep_indicators(), perfeval_internal.keep_schemes() FROM PUBLIC;

COMMENT ON TABLE perfeval_internal.project_results IS '各项目维护的当前结果：总分与资金（仅由 perfeval 写入，不导出） / Each project''s kept current results: its total and money (written only by perfeval, not dumped)';
COMMENT ON COLUMN perfeval_internal.project_results.project_id IS '项目编号 / Project id';
COMMENT ON COLUMN perfeval_internal.project_results.scheme_id IS '计算时项目的评分方案 / The project''s scheme when computed';
COMMENT ON COLUMN perfeval_internal.project_results.rules IS '计算所用方案规则（字节）；与方案当前规则不同时视图改为现算 / The rules it was computed with, as bytes; while they differ from the scheme''s, the views evaluate the project afresh';
COMMENT ON COLUMN perfeval_internal.project_results.indicators IS '指标行数 / Indicator rows';
COMMENT ON COLUMN perfeval_internal.project_results.weights IS '全部指标（含不适用）的权重合计 / Weight of every row, applicable or not';
COMMENT ON COLUMN perfeval_internal.project_results.weight IS '适用指标的分值合计 / Weight of the rows that apply';
COMMENT ON COLUMN perfeval_internal.project_results.score IS '适用指标的得分合计 / Score of the rows that apply';
COMMENT ON COLUMN perfeval_internal.project_results.total IS '计算总分 / Total computed from the indicators';
COMMENT ON COLUMN perfeval_internal.project_results.budget IS '全年预算合计（万元，同维护状态） / Full-year budget in 万元, as in the kept state';
COMMENT ON COLUMN perfeval_internal.project_results.arrived IS '实际到位合计（万元） / Arrived in 万元';
COMMENT ON COLUMN perfeval_internal.project_results.spent IS '全年执行合计（万元） / Spent in 万元';
COMMENT ON TABLE perfeval_internal.project_levels IS '各项目维护的一级、二级指标得分汇总（适用指标；仅由 perfeval 写入，不导出） / Each project''s kept level-1 and level-2 sums over the rows that apply (written only by perfeval, not dumped)';
COMMENT ON COLUMN perfeval_internal.project_levels.project_id IS '项目编号 / Project id';
COMMENT ON COLUMN perfeval_internal.project_levels.scheme_id IS '计算时项目的评分方案 / The project''s scheme when computed';
COMMENT ON COLUMN perfeval_internal.project_levels.rules IS '计算所用方案规则（字节） / The rules it was computed with, as bytes';
COMMENT ON COLUMN perfeval_internal.project_levels.level1 IS '一级指标得分汇总 / Its level-1 sums';
COMMENT ON COLUMN perfeval_internal.project_levels.level2 IS '二级指标得分汇总 / Its level-2 sums';
COMMENT ON TYPE perfeval_internal.level_sum IS '一级或二级指标得分汇总 / A level-1 or level-2 sum';
COMMENT ON COLUMN perfeval_internal.level_sum.level1 IS '一级指标 / Level-1 indicator';
COMMENT ON COLUMN perfeval_internal.level_sum.level2 IS '二级指标；为空则为一级指标汇总 / Level-2 indicator; NULL in a level-1 sum';
COMMENT ON COLUMN perfeval_internal.level_sum.seq IS '组内最小表内顺序 / The group''s first position in the report table';
COMMENT ON COLUMN perfeval_internal.level_sum.indicators IS '适用指标行数 / Rows that apply';
COMMENT ON COLUMN perfeval_internal.level_sum.weight IS '分值合计 / Weight';
COMMENT ON COLUMN perfeval_internal.level_sum.score IS '得分合计 / Score';
COMMENT ON TYPE perfeval_internal.project_sum IS '一个项目所维护的合计：全部指标行的得分合计、全部分值、一级和二级指标汇总 / Everything kept of a project: sum_scores() over every row, every row''s weight, the level-1 and level-2 sums';
COMMENT ON FUNCTION perfeval_internal.project_sums_trans(internal, text, text, int, numeric, perfeval.evaluation) IS 'project_sums() 的逐行累加 / project_sums()''s transition: adds one row';
COMMENT ON FUNCTION perfeval_internal.project_sums_final(internal) IS 'project_sums() 的结果 / project_sums()''s result';
COMMENT ON AGGREGATE perfeval_internal.project_sums(text, text, int, numeric, perfeval.evaluation) IS '一次遍历算出一个项目所维护的全部合计 / Everything kept of one project''s results, in one pass over its rows';
COMMENT ON FUNCTION perfeval_internal.stale_results(bytea, perfeval.rules) IS '所维护结果的规则与方案当前规则不同（视图据此改为现算） / Whether a kept result''s rules differ from its scheme''s (the views then evaluate the project)';
COMMENT ON FUNCTION perfeval_internal.stale_support(internal) IS 'stale_results() 的规划支持：过期结果很少 / stale_results()''s planner support: stale results are rare';
COMMENT ON FUNCTION perfeval_internal.keep_indicators() IS '指标变动后锁定并重算所涉项目的结果（触发器） / Locks and recomputes the results of the projects whose indicators a statement changed (trigger)';
COMMENT ON FUNCTION perfeval_internal.keep_schemes() IS '方案规则变动后锁定并重算该方案各项目的结果（触发器） / Locks and recomputes the results of a scheme''s projects when its rules change (trigger)';
COMMENT ON CAST (perfeval.rules AS bytea) IS '方案规则的字节（所维护结果的戳记） / A scheme''s rules as bytes: the stamp of a kept result';
