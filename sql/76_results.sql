-- Section 76: results application (结果应用) and the indicators that keep
-- missing (issue 29, part 3).
--
-- Rules as data: perfeval.result_rule says, for a scheme and the year
-- evaluated, what each grade band (1 the highest, the project's own
-- scheme's band, project_scores.final_band) leads to in next year's
-- budget: 优先保障, 据实保障, 核减 by a percentage, or 取消或暂停.  There is
-- no national percentage: each year's budget guide sets it, so each row
-- holds its own.  A continuing programme (the same programme_code) graded in
-- the band or lower the year before as well takes the row's repeat_action
-- (连续两年评价为中的取消或暂停, for example) when it has one.
--
-- One place per rule: the actions, the checks of a row and the arithmetic
-- are the library's (src/pe_result.c, unit-tested in test/unit/
-- test_result.c): 优先保障 and 据实保障 cut 0 (a cut above 0 is refused: a
-- band that loses money is 核减), 核减 needs a cut above 0 and below 100,
-- 取消或暂停 cuts 100; suggested = base × (100 - cut) ÷ 100 exactly,
-- rounded half-up once to 0.01 元 (six decimals of 万元).  The SQL here
-- joins, groups and writes the sentences.
--
-- The base is next year's starting point in 万元: the project's 全年预算
-- (kept state, section 45), or its 年初预算 where its scheme reads budgets
-- on that base (execution_base 'initial'); NULL for a project without
-- money.  A programme of several projects in a year (phases, or one
-- project per implementing unit) is suggested project by project and
-- added up in budget_suggestion_programme, whose action is the most severe
-- of its projects'.
--
-- Every view reads project_scores or indicator_evaluations (section 50),
-- so it shows the projects of the caller's scope only (section 48), and
-- section 95 makes it a security barrier.

CREATE FUNCTION perfeval_internal.result_rule_ok(action text, cut_percent numeric) RETURNS boolean
	AS 'MODULE_PATHNAME', 'pe_result_rule_ok' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION perfeval.result_cut(action text, cut_percent numeric) RETURNS numeric
	AS 'MODULE_PATHNAME', 'pe_result_cut' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION perfeval.suggested_amount(base numeric, cut_percent numeric) RETURNS numeric
	AS 'MODULE_PATHNAME', 'pe_suggested_amount' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- The rules (configuration, like scheme: only the owner writes them,
-- owner_only(); pg_dump keeps every row).
CREATE TABLE perfeval.result_rule (
	scheme_id text NOT NULL REFERENCES perfeval.scheme ON DELETE CASCADE,
	year int NOT NULL CONSTRAINT result_rule_year_check CHECK (perfeval_internal.is_year(year)),
	band int NOT NULL CONSTRAINT result_rule_band_check CHECK (band >= 1),
	action text NOT NULL,
	cut_percent numeric,
	-- a continuing programme graded in this band or lower the year before too
	repeat_action text,
	repeat_cut_percent numeric,
	PRIMARY KEY (scheme_id, year, band),
	CONSTRAINT result_rule_action_check CHECK (perfeval.is_exact(cut_percent)
		AND perfeval_internal.result_rule_ok(action, cut_percent)),
	CONSTRAINT result_rule_repeat_check CHECK ((repeat_action IS NOT NULL OR repeat_cut_percent IS NULL)
		AND perfeval.is_exact(repeat_cut_percent)
		AND perfeval_internal.result_rule_ok(repeat_action, repeat_cut_percent))
);
SELECT pg_catalog.pg_extension_config_dump('perfeval.result_rule', '');
CREATE TRIGGER owner_only BEFORE INSERT OR UPDATE OR DELETE ON perfeval.result_rule
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.owner_only();
CREATE TRIGGER owner_only_truncate BEFORE TRUNCATE ON perfeval.result_rule
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.owner_only();
ALTER TABLE perfeval.result_rule ENABLE ALWAYS TRIGGER owner_only, ENABLE ALWAYS TRIGGER owner_only_truncate;
-- (a restore may load the rules before the schemes: they wait, section 40)
CREATE TRIGGER park_orphan BEFORE INSERT ON perfeval.result_rule FOR EACH ROW
	WHEN (perfeval_internal.may_park('perfeval.scheme'))
	EXECUTE FUNCTION perfeval_internal.park_orphan('scheme', 'scheme_id');
-- On a Citus cluster result_rule's foreign key to scheme is kept by a
-- trigger too (section 40, src/schemekey.c); on one node it does nothing.
CREATE FUNCTION perfeval_internal.rule_schemes() RETURNS trigger
	AS 'MODULE_PATHNAME', 'rule_schemes' LANGUAGE C;
REVOKE ALL ON FUNCTION perfeval_internal.rule_schemes() FROM PUBLIC;
COMMENT ON FUNCTION perfeval_internal.rule_schemes() IS '在 Citus 集群上代替结果应用规则到方案的外键（触发器） / On a Citus cluster, result_rule''s foreign key to scheme (trigger)';
CREATE TRIGGER rule_schemes_insert AFTER INSERT ON perfeval.result_rule
	REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.rule_schemes();
CREATE TRIGGER rule_schemes_update AFTER UPDATE ON perfeval.result_rule
	REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.rule_schemes();
ALTER TABLE perfeval.result_rule ENABLE ALWAYS TRIGGER rule_schemes_insert, ENABLE ALWAYS TRIGGER rule_schemes_update;

-- Per project: the base, the band's rule (its repeat for a continuing
-- programme), the cut, the suggested amount and why.
CREATE VIEW perfeval.budget_suggestion AS
SELECT f.project_id, f.year, f.base, a.action, a.cut_percent,
	   perfeval.suggested_amount(f.base, a.cut_percent) AS suggested,
	   CASE WHEN f.final_band IS NULL THEN
			f.year || '年度无采用得分，无法评定等级，不提出预算建议'
			ELSE f.year || '年度评价得分' || f.final_score || '分，等级' || f.final_grade
				 || '（第' || f.final_band || '档，方案' || f.scheme_id || '）；'
				 || CASE WHEN r.scheme_id IS NULL THEN
						 '方案' || f.scheme_id || '未设定' || f.year || '年度第' || f.final_band
						 || '档的结果应用规则，不提出预算建议'
					ELSE CASE WHEN a.repeated THEN '同一项目（项目库编码' || f.programme_code || '）'
								   || (f.year - 1) || '年度等级为第' || f.previous_band || '档，连续两年在第'
								   || f.final_band || '档或以下，' ELSE '' END
						 || '按' || f.year || '年度结果应用规则' || a.action
						 || CASE WHEN a.action = '核减' THEN a.cut_percent || '%' ELSE '' END
						 || CASE WHEN f.base IS NULL THEN '；未录入资金，无建议金额'
								 ELSE '：以' || f.base_name || f.base || '万元为基数，建议安排'
									  || perfeval.suggested_amount(f.base, a.cut_percent) || '万元' END
					END
	   END AS reason,
	   f.name, f.department, f.division_code, f.programme_code, f.scheme_id,
	   f.final_score AS score, f.final_grade AS grade, f.final_band AS band,
	   trim_scale(f.base - perfeval.suggested_amount(f.base, a.cut_percent)) AS cut_amount,
	   coalesce(a.repeated, false) AS repeated, f.previous_band
  FROM (SELECT ps.project_id, ps.name, ps.year, ps.division_code, ps.department, ps.programme_code,
			   ps.scheme_id, ps.final_score, ps.final_grade, ps.final_band,
			   CASE WHEN st.allocations > 0 THEN
					trim_scale(CASE WHEN s.execution_base = 'initial' THEN st.money_initial_budget
									ELSE st.money_budget END) END AS base,
			   CASE WHEN s.execution_base = 'initial' THEN '年初预算' ELSE '全年预算' END AS base_name,
			   -- the programme's lowest band (the worst of its projects) the
			   -- year before: the frame is exactly the year - 1
			   CASE WHEN ps.programme_code IS NOT NULL THEN
					max(ps.final_band) OVER (PARTITION BY ps.programme_code ORDER BY ps.year
											 RANGE BETWEEN 1 PRECEDING AND 1 PRECEDING) END AS previous_band
		  FROM perfeval.project_scores ps
		  JOIN perfeval.scheme s ON s.scheme_id = ps.scheme_id
		  LEFT JOIN perfeval_internal.project_state st ON st.project_id = ps.project_id) f
  LEFT JOIN perfeval.result_rule r
	ON r.scheme_id = f.scheme_id AND r.year = f.year AND r.band = f.final_band
  LEFT JOIN LATERAL (
	SELECT x.repeated, x.action, perfeval.result_cut(x.action, x.cut) AS cut_percent
	  FROM (SELECT (r.repeat_action IS NOT NULL AND f.previous_band >= f.final_band) AS repeated) y,
	  LATERAL (SELECT y.repeated,
					  CASE WHEN y.repeated THEN r.repeat_action ELSE r.action END AS action,
					  CASE WHEN y.repeated THEN r.repeat_cut_percent ELSE r.cut_percent END AS cut) x
	 WHERE r.scheme_id IS NOT NULL) a ON true;

-- The sums of a group of suggestions: the projects, those with a
-- suggestion and each action's count, and the money of the projects with
-- a suggested amount (base, suggested, and what is cut, in 万元).
CREATE VIEW perfeval.budget_suggestion_programme AS
SELECT b.programme_code, b.year, count(*) AS projects, count(b.suggested) AS suggested_projects,
	   (ARRAY['优先保障', '据实保障', '核减', '取消或暂停'])[
		   max(array_position(ARRAY['优先保障', '据实保障', '核减', '取消或暂停'], b.action))] AS action,
	   trim_scale(sum(b.base) FILTER (WHERE b.suggested IS NOT NULL)) AS base,
	   trim_scale(sum(b.suggested)) AS suggested, trim_scale(sum(b.cut_amount)) AS cut_amount
  FROM perfeval.budget_suggestion b
 WHERE b.programme_code IS NOT NULL
 GROUP BY b.programme_code, b.year;

CREATE VIEW perfeval.budget_suggestion_department AS
SELECT b.year, b.department, count(*) AS projects, count(b.suggested) AS suggested_projects,
	   count(*) FILTER (WHERE b.action = '优先保障') AS prioritised,
	   count(*) FILTER (WHERE b.action = '据实保障') AS as_needed,
	   count(*) FILTER (WHERE b.action = '核减') AS cut,
	   count(*) FILTER (WHERE b.action = '取消或暂停') AS cancelled,
	   trim_scale(sum(b.base) FILTER (WHERE b.suggested IS NOT NULL)) AS base,
	   trim_scale(sum(b.suggested)) AS suggested, trim_scale(sum(b.cut_amount)) AS cut_amount
  FROM perfeval.budget_suggestion b
 GROUP BY b.year, b.department;

CREATE VIEW perfeval.budget_suggestion_region AS
SELECT g.year, g.level, g.division_code, d.name AS division_name, g.projects, g.suggested_projects,
	   g.prioritised, g.as_needed, g.cut, g.cancelled, trim_scale(g.base) AS base,
	   trim_scale(g.suggested) AS suggested, trim_scale(g.cut_amount) AS cut_amount
  FROM (SELECT b.year, l.level, l.division_code, count(*) AS projects,
			   count(b.suggested) AS suggested_projects,
			   count(*) FILTER (WHERE b.action = '优先保障') AS prioritised,
			   count(*) FILTER (WHERE b.action = '据实保障') AS as_needed,
			   count(*) FILTER (WHERE b.action = '核减') AS cut,
			   count(*) FILTER (WHERE b.action = '取消或暂停') AS cancelled,
			   sum(b.base) FILTER (WHERE b.suggested IS NOT NULL) AS base,
			   sum(b.suggested) AS suggested, sum(b.cut_amount) AS cut_amount
		  FROM perfeval.budget_suggestion b
		 CROSS JOIN LATERAL unnest(ARRAY['province', 'prefecture', 'county'],
								   ARRAY[perfeval.division_at(b.division_code, 'province'),
										 perfeval.division_at(b.division_code, 'prefecture'),
										 perfeval.division_at(b.division_code, 'county')]) AS l(level, division_code)
		 WHERE l.division_code IS NOT NULL
		 GROUP BY b.year, l.level, l.division_code) g
  LEFT JOIN perfeval.division d ON d.code = g.division_code;

-- Each applicable indicator row once with what the outcomes read: its
-- project's year, department and programme, its library code, target,
-- the actual it was scored from, its completion (the same evaluate() call
-- as indicator_scored's, section 50, read once: the view is a security
-- barrier, so its readers reference the computed column) and its scheme's
-- over-achievement threshold.  (indicator_rows' join, written out with the
-- indicator's library code and the project: joining indicator_evaluations
-- to indicator again for the code cost a second scan of every indicator.)
CREATE VIEW perfeval_internal.indicator_outcome_rows AS
SELECT i.project_id, i.code, p.year, p.department, p.programme_code, i.library_code, i.level2, i.name,
	   i.target, perfeval.actual_measure(st.actuals, i.code, 'infinity') AS measure,
	   perfeval.completion(perfeval.evaluate(i.weight, i.applicable, i.source, i.target, i.method,
		   i.printed_score, i.code, s.rules, st.actuals, st.checklist, st.survey,
		   st.money_initial_budget, st.money_budget, st.money_arrived, st.money_spent,
		   'infinity')) AS completion,
	   s.over_threshold
  FROM perfeval.indicator i
  JOIN perfeval_internal.project_state st ON st.project_id = i.project_id
  JOIN perfeval.scheme s ON s.scheme_id = st.scheme_id
  JOIN perfeval.project p ON p.project_id = i.project_id
 WHERE i.applicable AND perfeval_internal.in_scope(st.project_id);

-- One group's outcome, counted in one pass (src/outcome.c; the counts and
-- the median are the core's, pe_result.c): the distinct projects, the
-- rows, those with a completion, missed (< 100 %), over-achieved (>= the
-- row's scheme's over_threshold) and the median completion: the lower
-- middle of an even count, as percentile_disc(0.5) takes it (a completion
-- some row has, exact, never an average of two).  An ordinary aggregate,
-- so groups are hashed and parallel workers each count their share; its
-- state is a bytea, so that on Citus each shard counts its share too.
CREATE TYPE perfeval_internal.outcome AS (projects bigint, indicators bigint, measured bigint,
		missed bigint, over_achieved bigint, median_completion numeric);
CREATE FUNCTION perfeval_internal.outcome_trans(bytea, text, numeric, numeric) RETURNS bytea
	AS 'MODULE_PATHNAME', 'pe_outcome_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION perfeval_internal.outcome_combine(bytea, bytea) RETURNS bytea
	AS 'MODULE_PATHNAME', 'pe_outcome_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION perfeval_internal.outcome_final(bytea) RETURNS perfeval_internal.outcome
	AS 'MODULE_PATHNAME', 'pe_outcome_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE AGGREGATE perfeval_internal.outcome(project_id text, completion numeric, over_threshold numeric) (
	SFUNC = perfeval_internal.outcome_trans, STYPE = bytea, FINALFUNC = perfeval_internal.outcome_final,
	COMBINEFUNC = perfeval_internal.outcome_combine, PARALLEL = SAFE);

-- By indicator (its library code, else level 2 and name), department and
-- year: the outcome above.
CREATE VIEW perfeval.indicator_outcomes AS
SELECT o.year, o.department, o.library_code, o.level2, o.name, (o.o).projects, (o.o).indicators,
	   (o.o).measured, (o.o).missed, trim_scale(perfeval.rate((o.o).missed, (o.o).measured)) AS missed_share,
	   (o.o).over_achieved, trim_scale(perfeval.rate((o.o).over_achieved, (o.o).measured)) AS over_share,
	   trim_scale((o.o).median_completion) AS median_completion
  FROM (SELECT r.year, r.department, r.library_code,
			   -- (a group without a library code has one level 2 and name:
			   -- min() is it; Citus combines min() and no other expression)
			   min(r.level2) AS level2, min(r.name) AS name,
			   perfeval_internal.outcome(r.project_id, r.completion, r.over_threshold) AS o
		  FROM perfeval_internal.indicator_outcome_rows r
		 GROUP BY r.year, r.department, r.library_code,
				  CASE WHEN r.library_code IS NULL THEN r.level2 END,
				  CASE WHEN r.library_code IS NULL THEN r.name END) o;

-- Across years, per programme and indicator (the same library code, else
-- the same level 2 and name) in a year and the year before:
--   over_achieved_twice       completion >= the threshold both years (a target set too low);
--   target_below_last_actual  this year's >=/>/= target is below last year's actual
--                             (last year's actual already completes it above 100 %);
--   shortfall_twice           completion < 100 % both years.
-- (The year before is a materialised CTE: on Citus a join of two
-- distributed relations on the programme cannot be pushed down, and the
-- CTE is read once into an intermediate result the workers join with.
-- The kinds are arrays unnested, as in findings: Citus takes no VALUES
-- list of expressions that are not immutable.)
CREATE VIEW perfeval.programme_findings AS
WITH l AS MATERIALIZED (
	SELECT r.project_id, r.code, r.year, r.programme_code, r.library_code, r.level2, r.name, r.measure,
		   r.completion, r.over_threshold
	  FROM perfeval_internal.indicator_outcome_rows r
	 WHERE r.programme_code IS NOT NULL
)
SELECT c.programme_code, c.year, c.project_id, c.code, c.library_code, c.level2, c.name, k.kind,
	   k.detail, l.project_id AS previous_project_id, l.code AS previous_code
  FROM perfeval_internal.indicator_outcome_rows c
  JOIN l
	ON l.programme_code = c.programme_code AND l.year = c.year - 1
   AND (l.library_code = c.library_code
		OR (c.library_code IS NULL AND l.library_code IS NULL AND l.level2 = c.level2 AND l.name = c.name))
 CROSS JOIN LATERAL unnest(
	   ARRAY['over_achieved_twice', 'target_below_last_actual', 'shortfall_twice'],
	   ARRAY[
		CASE WHEN c.completion >= c.over_threshold AND l.completion >= l.over_threshold THEN
			 c.name || '：连续两年超额完成（' || l.year || '年度完成率' || trim_scale(l.completion) || '%，'
			 || c.year || '年度' || trim_scale(c.completion) || '%），指标值可能设置偏低' END,
		CASE WHEN perfeval.comparator(c.target) IN ('≥', '>', '=') AND l.measure IS NOT NULL
				  AND perfeval.comparable(c.target, l.measure::perfeval.measure)
				  AND perfeval.completion(c.target, l.measure::perfeval.measure) > 100 THEN
			 c.name || '：' || c.year || '年度指标值' || c.target::text || '低于上年（' || l.year
			 || '年度）实际完成值' || l.measure || '，指标值设置偏低' END,
		CASE WHEN c.completion < 100 AND l.completion < 100 THEN
			 c.name || '：连续两年未完成（' || l.year || '年度完成率' || trim_scale(l.completion) || '%，'
			 || c.year || '年度' || trim_scale(c.completion) || '%）' END]) AS k(kind, detail)
 WHERE k.detail IS NOT NULL AND c.programme_code IS NOT NULL;

COMMENT ON FUNCTION perfeval_internal.result_rule_ok(text, numeric) IS '检查结果应用规则的措施与核减比例（不合规则报错） / Checks a results application rule''s action and cut (refuses a bad one)';
COMMENT ON FUNCTION perfeval.result_cut(text, numeric) IS '措施实际适用的核减比例（%）：规则所定，否则取消或暂停为100、其余为0 / The cut an action applies, percent: the rule''s, else 100 for 取消或暂停 and 0 for the others';
COMMENT ON FUNCTION perfeval.suggested_amount(numeric, numeric) IS '建议金额=基数×(100-核减比例)÷100，精确计算，四舍五入至0.01元 / Suggested amount: base × (100 - cut) ÷ 100, exact, rounded half-up to 0.01 元';

COMMENT ON TABLE perfeval.result_rule IS '结果应用规则：各方案、评价年度、等级档次对应的下年预算措施与核减比例（由当年预算编制通知确定） / Results application rules: per scheme, year evaluated and grade band, the next budget''s action and cut (set by each year''s budget guide)';
COMMENT ON COLUMN perfeval.result_rule.scheme_id IS '评分方案 / Scoring scheme';
COMMENT ON COLUMN perfeval.result_rule.year IS '评价年度（规则适用于该年度评价结果，用于下一年度预算） / Year evaluated (the rule applies its grades to the next year''s budget)';
COMMENT ON COLUMN perfeval.result_rule.band IS '等级档次（1 为最高，按方案等级划分） / Grade band, 1 for the highest, under the scheme''s grade scale';
COMMENT ON COLUMN perfeval.result_rule.action IS '措施：优先保障、据实保障、核减、取消或暂停 / Action: 优先保障 (priority), 据实保障 (as needed), 核减 (cut), 取消或暂停 (cancel or suspend)';
COMMENT ON COLUMN perfeval.result_rule.cut_percent IS '核减比例（%）：核减须大于0小于100；优先保障、据实保障为0或空；取消或暂停为100或空 / Cut, percent: above 0 and below 100 for 核减; 0 or NULL for 优先保障 and 据实保障; 100 or NULL for 取消或暂停';
COMMENT ON COLUMN perfeval.result_rule.repeat_action IS '延续项目（同一项目库编码）上年等级亦在本档或以下时的措施，为空则同 action / Action for a continuing programme (same programme_code) graded in this band or lower the year before too; NULL: as action';
COMMENT ON COLUMN perfeval.result_rule.repeat_cut_percent IS '延续项目连续两年时的核减比例（%），规则同 cut_percent / Cut for such a continuing programme, percent, checked as cut_percent';

COMMENT ON VIEW perfeval.budget_suggestion IS '预算安排建议：各项目按评价等级与结果应用规则提出的下年预算措施、核减比例、建议金额及理由 / Budget suggestions: per project, next year''s action, cut, suggested amount and why, from its grade and the results application rule';
COMMENT ON COLUMN perfeval.budget_suggestion.project_id IS '项目标识 / Project id';
COMMENT ON COLUMN perfeval.budget_suggestion.year IS '评价年度 / Year evaluated';
COMMENT ON COLUMN perfeval.budget_suggestion.base IS '下年预算基数（万元）：全年预算，方案执行率口径为年初预算时取年初预算；无资金为空 / Next year''s base, 万元: the full-year budget, or the initial budget where the scheme reads that base; NULL without money';
COMMENT ON COLUMN perfeval.budget_suggestion.action IS '措施：优先保障、据实保障、核减、取消或暂停；无等级或无规则为空 / Action; NULL without a grade or a rule';
COMMENT ON COLUMN perfeval.budget_suggestion.cut_percent IS '核减比例（%） / Cut, percent';
COMMENT ON COLUMN perfeval.budget_suggestion.suggested IS '建议金额（万元）=基数×(100-核减比例)÷100，四舍五入至0.01元 / Suggested amount, 万元: base × (100 - cut) ÷ 100, rounded half-up to 0.01 元';
COMMENT ON COLUMN perfeval.budget_suggestion.reason IS '建议理由（等级、规则、方案） / Why, in a sentence: grade, rule and scheme';
COMMENT ON COLUMN perfeval.budget_suggestion.name IS '项目名称 / Project name';
COMMENT ON COLUMN perfeval.budget_suggestion.department IS '主管部门 / Supervising department';
COMMENT ON COLUMN perfeval.budget_suggestion.division_code IS '行政区划代码 / Division code';
COMMENT ON COLUMN perfeval.budget_suggestion.programme_code IS '项目库编码 / Programme code';
COMMENT ON COLUMN perfeval.budget_suggestion.scheme_id IS '评分方案 / Scoring scheme';
COMMENT ON COLUMN perfeval.budget_suggestion.score IS '采用得分 / Score of record';
COMMENT ON COLUMN perfeval.budget_suggestion.grade IS '采用得分的等级 / Grade of the score of record';
COMMENT ON COLUMN perfeval.budget_suggestion.band IS '等级档次（1 为最高） / Grade band, 1 for the highest';
COMMENT ON COLUMN perfeval.budget_suggestion.cut_amount IS '核减金额（万元）=基数-建议金额 / Money cut, 万元: base minus suggested';
COMMENT ON COLUMN perfeval.budget_suggestion.repeated IS '是否按延续项目连续两年规则（repeat_action） / Whether the continuing programme''s rule (repeat_action) applied';
COMMENT ON COLUMN perfeval.budget_suggestion.previous_band IS '同一项目库编码上年最低等级档次 / The programme''s lowest band the year before';

COMMENT ON VIEW perfeval.budget_suggestion_programme IS '预算安排建议按项目库编码与年度汇总 / Budget suggestions per programme and year';
COMMENT ON COLUMN perfeval.budget_suggestion_programme.programme_code IS '项目库编码 / Programme code';
COMMENT ON COLUMN perfeval.budget_suggestion_programme.year IS '评价年度 / Year evaluated';
COMMENT ON COLUMN perfeval.budget_suggestion_programme.projects IS '项目数 / Projects';
COMMENT ON COLUMN perfeval.budget_suggestion_programme.suggested_projects IS '有建议金额的项目数 / Projects with a suggested amount';
COMMENT ON COLUMN perfeval.budget_suggestion_programme.action IS '各项目措施中最严者 / The most severe of its projects'' actions';
COMMENT ON COLUMN perfeval.budget_suggestion_programme.base IS '有建议金额项目的基数合计（万元） / Base of the projects with a suggested amount, 万元';
COMMENT ON COLUMN perfeval.budget_suggestion_programme.suggested IS '建议金额合计（万元） / Suggested, 万元';
COMMENT ON COLUMN perfeval.budget_suggestion_programme.cut_amount IS '核减金额合计（万元） / Money cut, 万元';
COMMENT ON VIEW perfeval.budget_suggestion_department IS '预算安排建议按年度与主管部门汇总：各措施项目数与核减金额 / Budget suggestions per year and department: projects per action and the money cut';
COMMENT ON COLUMN perfeval.budget_suggestion_department.year IS '评价年度 / Year evaluated';
COMMENT ON COLUMN perfeval.budget_suggestion_department.department IS '主管部门 / Supervising department';
COMMENT ON COLUMN perfeval.budget_suggestion_department.projects IS '项目数 / Projects';
COMMENT ON COLUMN perfeval.budget_suggestion_department.suggested_projects IS '有建议金额的项目数 / Projects with a suggested amount';
COMMENT ON COLUMN perfeval.budget_suggestion_department.prioritised IS '优先保障项目数 / Projects 优先保障';
COMMENT ON COLUMN perfeval.budget_suggestion_department.as_needed IS '据实保障项目数 / Projects 据实保障';
COMMENT ON COLUMN perfeval.budget_suggestion_department.cut IS '核减项目数 / Projects 核减';
COMMENT ON COLUMN perfeval.budget_suggestion_department.cancelled IS '取消或暂停项目数 / Projects 取消或暂停';
COMMENT ON COLUMN perfeval.budget_suggestion_department.base IS '有建议金额项目的基数合计（万元） / Base of the projects with a suggested amount, 万元';
COMMENT ON COLUMN perfeval.budget_suggestion_department.suggested IS '建议金额合计（万元） / Suggested, 万元';
COMMENT ON COLUMN perfeval.budget_suggestion_department.cut_amount IS '核减金额合计（万元） / Money cut, 万元';
COMMENT ON VIEW perfeval.budget_suggestion_region IS '预算安排建议按年度与省/市/县汇总：各措施项目数与核减金额 / Budget suggestions per year and province, prefecture or county: projects per action and the money cut';
COMMENT ON COLUMN perfeval.budget_suggestion_region.year IS '评价年度 / Year evaluated';
COMMENT ON COLUMN perfeval.budget_suggestion_region.level IS '区划层级：province 省、prefecture 市（州）、county 县（区） / Division level';
COMMENT ON COLUMN perfeval.budget_suggestion_region.division_code IS '区划代码 / Division code';
COMMENT ON COLUMN perfeval.budget_suggestion_region.division_name IS '区划名称 / Division name';
COMMENT ON COLUMN perfeval.budget_suggestion_region.projects IS '项目数 / Projects';
COMMENT ON COLUMN perfeval.budget_suggestion_region.suggested_projects IS '有建议金额的项目数 / Projects with a suggested amount';
COMMENT ON COLUMN perfeval.budget_suggestion_region.prioritised IS '优先保障项目数 / Projects 优先保障';
COMMENT ON COLUMN perfeval.budget_suggestion_region.as_needed IS '据实保障项目数 / Projects 据实保障';
COMMENT ON COLUMN perfeval.budget_suggestion_region.cut IS '核减项目数 / Projects 核减';
COMMENT ON COLUMN perfeval.budget_suggestion_region.cancelled IS '取消或暂停项目数 / Projects 取消或暂停';
COMMENT ON COLUMN perfeval.budget_suggestion_region.base IS '有建议金额项目的基数合计（万元） / Base of the projects with a suggested amount, 万元';
COMMENT ON COLUMN perfeval.budget_suggestion_region.suggested IS '建议金额合计（万元） / Suggested, 万元';
COMMENT ON COLUMN perfeval.budget_suggestion_region.cut_amount IS '核减金额合计（万元） / Money cut, 万元';

COMMENT ON VIEW perfeval_internal.indicator_outcome_rows IS '适用指标行及其年度、部门、项目库编码、指标库编码、完成率与超额阈值（内部） / Each applicable indicator row with its year, department, programme, library code, completion and over-achievement threshold (internal)';
COMMENT ON COLUMN perfeval_internal.indicator_outcome_rows.project_id IS '项目标识 / Project id';
COMMENT ON COLUMN perfeval_internal.indicator_outcome_rows.code IS '指标编码 / Indicator code';
COMMENT ON COLUMN perfeval_internal.indicator_outcome_rows.year IS '评价年度 / Year evaluated';
COMMENT ON COLUMN perfeval_internal.indicator_outcome_rows.department IS '主管部门 / Supervising department';
COMMENT ON COLUMN perfeval_internal.indicator_outcome_rows.programme_code IS '项目库编码 / Programme code';
COMMENT ON COLUMN perfeval_internal.indicator_outcome_rows.library_code IS '指标库编码 / Library code';
COMMENT ON COLUMN perfeval_internal.indicator_outcome_rows.level2 IS '二级指标 / Level 2';
COMMENT ON COLUMN perfeval_internal.indicator_outcome_rows.name IS '指标名称 / Indicator name';
COMMENT ON COLUMN perfeval_internal.indicator_outcome_rows.target IS '指标值（目标值） / Target';
COMMENT ON COLUMN perfeval_internal.indicator_outcome_rows.measure IS '计分所用实际完成值 / The actual it was scored from';
COMMENT ON COLUMN perfeval_internal.indicator_outcome_rows.completion IS '指标完成率（%） / Completion, percent';
COMMENT ON COLUMN perfeval_internal.indicator_outcome_rows.over_threshold IS '项目方案的超额完成阈值（%） / The project''s scheme''s over-achievement threshold, percent';

COMMENT ON TYPE perfeval_internal.outcome IS '一组指标行的完成情况：项目数、行数、有完成率行数、未完成、超额完成、完成率中位数 / One group''s outcome: projects, rows, rows measured, missed, over-achieved, median completion';
COMMENT ON COLUMN perfeval_internal.outcome.projects IS '项目数 / Projects';
COMMENT ON COLUMN perfeval_internal.outcome.indicators IS '指标行数 / Indicator rows';
COMMENT ON COLUMN perfeval_internal.outcome.measured IS '有完成率的指标行数 / Rows with a completion';
COMMENT ON COLUMN perfeval_internal.outcome.missed IS '未完成（完成率<100%）行数 / Rows missed';
COMMENT ON COLUMN perfeval_internal.outcome.over_achieved IS '超额完成行数 / Rows over-achieved';
COMMENT ON COLUMN perfeval_internal.outcome.median_completion IS '完成率中位数（偶数个时取较小的中间值） / Median completion (the lower middle of an even count)';
COMMENT ON FUNCTION perfeval_internal.outcome_trans(bytea, text, numeric, numeric) IS 'outcome() 的步进函数 / outcome()''s step';
COMMENT ON FUNCTION perfeval_internal.outcome_combine(bytea, bytea) IS 'outcome() 的合并函数（并行、分片） / outcome()''s combine function (parallel workers, shards)';
COMMENT ON FUNCTION perfeval_internal.outcome_final(bytea) IS 'outcome() 的终结函数：项目去重计数与中位数 / outcome()''s final function: distinct projects and the median';
COMMENT ON AGGREGATE perfeval_internal.outcome(text, numeric, numeric) IS '一组指标行的完成情况（indicator_outcomes 用） / One group''s outcome (for indicator_outcomes)';
COMMENT ON VIEW perfeval.indicator_outcomes IS '指标完成情况：按指标（指标库编码，否则二级指标与名称）、主管部门与年度的项目数、未完成比例、超额完成比例与完成率中位数 / Indicator outcomes by indicator (library code, else level 2 and name), department and year: projects, share missed, share over-achieved, median completion';
COMMENT ON COLUMN perfeval.indicator_outcomes.year IS '评价年度 / Year evaluated';
COMMENT ON COLUMN perfeval.indicator_outcomes.department IS '主管部门 / Supervising department';
COMMENT ON COLUMN perfeval.indicator_outcomes.library_code IS '指标库编码（为空则按二级指标与名称归并） / Library code (NULL: grouped by level 2 and name)';
COMMENT ON COLUMN perfeval.indicator_outcomes.level2 IS '二级指标（有指标库编码时取最小者） / Level 2 (with a library code, the least of its rows'')';
COMMENT ON COLUMN perfeval.indicator_outcomes.name IS '指标名称（有指标库编码时取最小者） / Name (with a library code, the least of its rows'')';
COMMENT ON COLUMN perfeval.indicator_outcomes.projects IS '项目数 / Projects';
COMMENT ON COLUMN perfeval.indicator_outcomes.indicators IS '指标行数 / Indicator rows';
COMMENT ON COLUMN perfeval.indicator_outcomes.measured IS '有完成率的指标行数（比例的分母） / Rows with a completion (the shares'' denominator)';
COMMENT ON COLUMN perfeval.indicator_outcomes.missed IS '未完成（完成率<100%）行数 / Rows missed (completion below 100 %)';
COMMENT ON COLUMN perfeval.indicator_outcomes.missed_share IS '未完成比例（%） / Share missed, percent';
COMMENT ON COLUMN perfeval.indicator_outcomes.over_achieved IS '超额完成（完成率≥方案超额阈值）行数 / Rows over-achieved (completion at or above the scheme''s threshold)';
COMMENT ON COLUMN perfeval.indicator_outcomes.over_share IS '超额完成比例（%） / Share over-achieved, percent';
COMMENT ON COLUMN perfeval.indicator_outcomes.median_completion IS '完成率中位数（%，偶数个时取较小的中间值） / Median completion, percent (of an even count, the lower middle value)';

COMMENT ON VIEW perfeval.programme_findings IS '跨年度项目库问题：连续两年超额完成、指标值低于上年实际值、连续两年未完成 / Programme findings across years: over-achieved two years running, a target below last year''s actual, the same shortfall two years running';
COMMENT ON COLUMN perfeval.programme_findings.programme_code IS '项目库编码 / Programme code';
COMMENT ON COLUMN perfeval.programme_findings.year IS '评价年度 / Year evaluated';
COMMENT ON COLUMN perfeval.programme_findings.project_id IS '本年度项目标识 / The year''s project';
COMMENT ON COLUMN perfeval.programme_findings.code IS '本年度指标编码 / The year''s indicator code';
COMMENT ON COLUMN perfeval.programme_findings.library_code IS '指标库编码 / Library code';
COMMENT ON COLUMN perfeval.programme_findings.level2 IS '二级指标 / Level 2';
COMMENT ON COLUMN perfeval.programme_findings.name IS '指标名称 / Indicator name';
COMMENT ON COLUMN perfeval.programme_findings.kind IS '问题类别：over_achieved_twice 连续两年超额完成，target_below_last_actual 指标值低于上年实际值，shortfall_twice 连续两年未完成 / Kind';
COMMENT ON COLUMN perfeval.programme_findings.detail IS '问题说明 / The finding in a sentence';
COMMENT ON COLUMN perfeval.programme_findings.previous_project_id IS '上年度项目标识 / The year before''s project';
COMMENT ON COLUMN perfeval.programme_findings.previous_code IS '上年度指标编码 / The year before''s indicator code';
