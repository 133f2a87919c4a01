-- Section 40: the warehouse tables (the load contract).
--
-- Every table that grows with the warehouse is keyed by project_id first, so
-- that a single project is one index range and Citus can distribute every one
-- of them on project_id (co-located joins).  scheme and division are small
-- lookup tables (Citus reference tables).  No serial columns: keys are
-- natural, so a load is idempotent and pg_dump has no sequences to carry.

-- Scoring schemes (评分方案): the rules that differ by jurisdiction, as data.
CREATE TABLE perfeval.scheme (
	scheme_id text PRIMARY KEY,
	name text NOT NULL,
	grade_scale perfeval.grade_scale NOT NULL DEFAULT '优:90,良:80,中:60,差:0',
	decimals int NOT NULL DEFAULT 2 CHECK (decimals BETWEEN 0 AND 6),
	rounding text NOT NULL DEFAULT 'half_up'
		CHECK (rounding IN ('half_up', 'truncate')),
	execution_base text NOT NULL DEFAULT 'arrived'
		CHECK (execution_base IN ('arrived', 'budget', 'initial')),
	reverse_rule text NOT NULL DEFAULT 'ratio'
		CHECK (reverse_rule IN ('ratio', 'linear')),
	tier_high numeric NOT NULL DEFAULT 80,
	tier_low numeric NOT NULL DEFAULT 60,
	satisfaction_coefficients numeric[] NOT NULL DEFAULT '{1,0.8,0.6,0.3,0}',
	over_threshold numeric NOT NULL DEFAULT 120 CHECK (over_threshold > 100),
	builtin boolean NOT NULL DEFAULT false,
	-- added before truncating: half a unit of the last kept decimal for
	-- half-up, 0 for truncation (scores and totals are never negative)
	round_offset numeric GENERATED ALWAYS AS
		(CASE rounding WHEN 'truncate' THEN 0 ELSE 0.5 * 0.1 ^ decimals END) STORED,
	CHECK (0 < tier_low AND tier_low < tier_high AND tier_high < 100),
	CHECK (cardinality(satisfaction_coefficients) > 0)
);

INSERT INTO perfeval.scheme (scheme_id, name, builtin)
VALUES ('national', '财政部默认（财预〔2020〕10号） / MoF defaults', true);

-- Names of administrative divisions (GB/T 2260), for roll-up labels only.
CREATE TABLE perfeval.division (
	code text PRIMARY KEY CHECK (code ~ '^[0-9]{6}$'),
	name text NOT NULL
);

-- One evaluated project (项目) in one year.
CREATE TABLE perfeval.project (
	project_id text PRIMARY KEY,
	name text NOT NULL,
	year int NOT NULL CHECK (year BETWEEN 1990 AND 2100),
	division_code text NOT NULL CHECK (division_code ~ '^[1-9][0-9]{5}$'),
	department text NOT NULL,
	implementing_unit text,
	evaluation_kind text NOT NULL
		CHECK (evaluation_kind IN ('单位自评', '部门评价', '财政评价', '第三方')),
	scheme_id text NOT NULL DEFAULT 'national' REFERENCES perfeval.scheme,
	printed_total numeric CHECK (printed_total >= 0),
	printed_grade text,
	source text,
	-- Kept by perfeval from the allocation rows (section 45), in 万元, so
	-- that scoring reads money from the project row instead of aggregating
	-- the allocations on every query.  Loads never write these.
	allocations int NOT NULL DEFAULT 0,
	money_initial_budget numeric,
	money_budget numeric,
	money_arrived numeric,
	money_spent numeric
);
CREATE INDEX project_year_division_idx ON perfeval.project (year, division_code);

-- Money per project, department and fund level (资金级次).
CREATE TABLE perfeval.allocation (
	project_id text NOT NULL REFERENCES perfeval.project ON DELETE CASCADE,
	department text NOT NULL,
	fund_level text NOT NULL
		CHECK (fund_level IN ('中央', '省级', '市级', '县区级', '上年结转', '其他')),
	unit text NOT NULL DEFAULT '万元' CHECK (unit IN ('元', '万元', '亿元')),
	initial_budget numeric CHECK (initial_budget >= 0),
	budget numeric CHECK (budget >= 0),
	arrived numeric CHECK (arrived >= 0),
	spent numeric CHECK (spent >= 0),
	PRIMARY KEY (project_id, department, fund_level)
);

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
		CHECK (source IN ('actual', 'checklist', 'survey', 'arrival_rate', 'execution_rate')),
	applicable boolean NOT NULL DEFAULT true,
	printed_score numeric CHECK (printed_score >= 0),
	-- Kept by perfeval (section 45), never written by loads: the latest
	-- actual, the sum of the checklist deductions and the rate taken from
	-- money or a survey, so that scoring reads one row instead of joining
	-- the facts on every query.
	actual_on date,
	actual_measure perfeval.measure,
	actual_tier text,
	actual_fraction numeric,
	actual_note text,
	deducted numeric,
	rate numeric,
	PRIMARY KEY (project_id, code),
	CONSTRAINT indicator_weight_positive CHECK (weight > 0),
	-- a rate from money or a survey is a percentage: its target must compare
	-- with one (≥95%, 95, a qualitative phrase), not ≥10家 or 50万元
	CONSTRAINT indicator_rate_target_percent CHECK (source NOT IN ('survey', 'arrival_rate', 'execution_rate')
		OR target IS NULL OR perfeval.comparable(target, '0%'::perfeval.measure))
);

-- Actual values as facts: one row per report date; scores use the latest.
CREATE TABLE perfeval.actual (
	project_id text NOT NULL,
	code text NOT NULL,
	reported_on date NOT NULL,
	measure perfeval.measure,
	tier text CHECK (tier IN ('达成', '部分达成', '未达成')),
	fraction numeric CHECK (fraction BETWEEN 0 AND 100),
	deviation_note text,
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
	points numeric CHECK (points > 0),
	deduction numeric NOT NULL DEFAULT 0,
	reason text,
	PRIMARY KEY (project_id, code, point_no),
	FOREIGN KEY (project_id, code) REFERENCES perfeval.indicator ON DELETE CASCADE,
	CONSTRAINT checklist_deduction_range
		CHECK (deduction >= 0 AND (points IS NULL OR deduction <= points))
);

-- Survey responses (满意度调查) per option, in the order of the coefficients.
CREATE TABLE perfeval.survey_response (
	project_id text NOT NULL,
	code text NOT NULL,
	option_no int NOT NULL CHECK (option_no > 0),
	option_label text NOT NULL,
	respondents int NOT NULL CHECK (respondents >= 0),
	coefficient numeric CHECK (coefficient BETWEEN 0 AND 1),
	PRIMARY KEY (project_id, code, option_no),
	FOREIGN KEY (project_id, code) REFERENCES perfeval.indicator ON DELETE CASCADE
);

-- Refuse at load time an actual whose unit cannot be compared with its
-- indicator's target (万元 against 家): such a row could never be scored.
-- One set-based check per statement (transition table), so a COPY of a
-- million actuals pays one hash join, not a million lookups.
CREATE FUNCTION perfeval.actual_check_units() RETURNS trigger
	LANGUAGE plpgsql AS
$$
DECLARE
	r record;
BEGIN
	SELECT n.project_id, n.code, n.measure, i.target INTO r
	  FROM new_rows n
	  JOIN perfeval.indicator i ON i.project_id = n.project_id AND i.code = n.code
	 WHERE n.measure IS NOT NULL AND i.target IS NOT NULL
	   AND NOT perfeval.comparable(i.target, n.measure)
	 LIMIT 1;
	IF FOUND THEN
		RAISE EXCEPTION 'actual "%" cannot be compared with target "%"', r.measure, r.target
			USING ERRCODE = '22023',
				DETAIL = format('Indicator %s of project %s has units that do not convert into each other.',
								r.code, r.project_id),
				HINT = 'Write the actual in the unit of the target, or correct the target.';
	END IF;
	RETURN NULL;
END
$$;
CREATE TRIGGER actual_check_units_insert AFTER INSERT ON perfeval.actual
	REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval.actual_check_units();
CREATE TRIGGER actual_check_units_update AFTER UPDATE ON perfeval.actual
	REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval.actual_check_units();

-- The key of an actual.  Newest first, so that the views read the latest
-- actual of each indicator from the index in order instead of sorting all
-- actuals (a primary key cannot be descending; this unique index is the key).
CREATE UNIQUE INDEX actual_latest_idx ON perfeval.actual (project_id, code, reported_on DESC);
COMMENT ON INDEX perfeval.actual_latest_idx IS '实际值主键（最新在前） / The key of an actual, newest first';

-- pg_dump keeps the rows users load (the built-in scheme comes with the extension).
SELECT pg_catalog.pg_extension_config_dump('perfeval.scheme', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('perfeval.division', '');
SELECT pg_catalog.pg_extension_config_dump('perfeval.project', '');
SELECT pg_catalog.pg_extension_config_dump('perfeval.allocation', '');
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
COMMENT ON COLUMN perfeval.scheme.round_offset IS '舍入偏移量（派生列） / Derived: added before truncating, so one expression rounds both ways';
COMMENT ON COLUMN perfeval.scheme.builtin IS '随扩展安装的方案（不导出） / Installed with the extension (not dumped)';

COMMENT ON TABLE perfeval.division IS '行政区划名称（GB/T 2260） / Names of administrative divisions, for roll-up labels';

COMMENT ON TABLE perfeval.project IS '评价项目 / Evaluated projects';
COMMENT ON COLUMN perfeval.project.project_id IS '项目标识（分布键） / Project id, the distribution key of every growing table';
COMMENT ON COLUMN perfeval.project.year IS '预算年度 / Budget year evaluated';
COMMENT ON COLUMN perfeval.project.division_code IS '行政区划代码（6位，GB/T 2260） / 6-digit administrative division code';
COMMENT ON COLUMN perfeval.project.department IS '主管部门 / Supervising department';
COMMENT ON COLUMN perfeval.project.implementing_unit IS '项目实施单位 / Implementing unit';
COMMENT ON COLUMN perfeval.project.evaluation_kind IS '评价类型：单位自评、部门评价、财政评价、第三方 / Kind of evaluation';
COMMENT ON COLUMN perfeval.project.scheme_id IS '评分方案 / Scoring scheme';
COMMENT ON COLUMN perfeval.project.printed_total IS '报告所列总分 / Total printed in the report';
COMMENT ON COLUMN perfeval.project.printed_grade IS '报告所列等级 / Grade printed in the report';
COMMENT ON COLUMN perfeval.project.source IS '数据来源（报告文件） / Source document';

COMMENT ON TABLE perfeval.allocation IS '项目资金：按部门和资金级次 / Money per project, department and fund level';
COMMENT ON COLUMN perfeval.allocation.fund_level IS '资金级次：中央、省级、市级、县区级、上年结转、其他 / Fund level';
COMMENT ON COLUMN perfeval.allocation.unit IS '金额单位：元、万元、亿元 / Unit of the amounts';
COMMENT ON COLUMN perfeval.allocation.initial_budget IS '年初预算 / Budget at the start of the year';
COMMENT ON COLUMN perfeval.allocation.budget IS '全年预算（调整后预算） / Full-year (adjusted) budget';
COMMENT ON COLUMN perfeval.allocation.arrived IS '实际到位 / Funds actually arrived';
COMMENT ON COLUMN perfeval.allocation.spent IS '全年执行 / Funds spent in the year';

COMMENT ON TABLE perfeval.indicator IS '三级绩效指标 / Level-3 performance indicators';
COMMENT ON COLUMN perfeval.indicator.code IS '指标编码，如 A11 / Indicator code';
COMMENT ON COLUMN perfeval.indicator.seq IS '表内顺序 / Order in the report table';
COMMENT ON COLUMN perfeval.indicator.level1 IS '一级指标 / Level-1 indicator';
COMMENT ON COLUMN perfeval.indicator.level2 IS '二级指标 / Level-2 indicator';
COMMENT ON COLUMN perfeval.indicator.weight IS '分值（权重） / Weight in points';
COMMENT ON COLUMN perfeval.indicator.target IS '指标值（目标值） / Target';
COMMENT ON COLUMN perfeval.indicator.method IS '评分方法 / Scoring method';
COMMENT ON COLUMN perfeval.indicator.source IS '实际值来源：actual 实际值，checklist 评价要点扣分，survey 满意度调查，arrival_rate 资金到位率，execution_rate 预算执行率 / Where the actual comes from';
COMMENT ON COLUMN perfeval.indicator.applicable IS '是否适用；不适用的指标不计分，总分按其余权重折算为100 / Applicable; if not, left out and the total rescaled';
COMMENT ON COLUMN perfeval.indicator.printed_score IS '报告所列得分 / Score printed in the report';

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

COMMENT ON FUNCTION perfeval.actual_check_units() IS '拒绝单位不可比的实际值 / Refuses an actual whose unit cannot be compared with its target';
