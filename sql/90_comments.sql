-- Section 90: comments, in Chinese and English, on what earlier sections
-- left without one (the types, the scalar functions and their support
-- functions, the operators).  test/pgtap/warehouse.sql checks that every
-- object of the extension has one.

COMMENT ON TYPE perfeval.target IS '指标值：比较符、精确数值与单位，或定性表述 / An indicator''s target: comparator, exact amount and unit, or a qualitative phrase';
COMMENT ON TYPE perfeval.measure IS '实际完成值：精确数值与单位，或定性结果 / An actual value: exact amount and unit, or a qualitative outcome';
COMMENT ON TYPE perfeval.method IS '评分方法：按比例、低于N%不得分、达标得满分、每低P个百分点扣K分、每超过P个百分点扣K分、每低于目标值P个百分点扣K分、每相差P%扣K分、分档得分 / A scoring method: proportional, floor:N, all_or_nothing, deduct:K/P, over:K/P, under:K/P, deviation:K/P, bands:<B:P,...,else:P';
COMMENT ON TYPE perfeval.grade_scale IS '等级划分：由高到低的等级与下限 / Grade bands, highest first, each with its lower bound';
COMMENT ON TYPE perfeval.rules IS '打包的评分方案规则（派生，不可输入） / A scheme''s rules packed for the evaluation (derived, never entered)';
COMMENT ON TYPE perfeval.state IS '打包的项目事实（派生，不可输入） / A project''s facts packed per indicator (derived, never entered)';
COMMENT ON TYPE perfeval.evaluation IS '一行指标的评价结果（派生，不可输入） / The evaluation of one indicator row (derived, never entered)';
COMMENT ON TYPE perfeval.score_sum IS 'sum_scores() 的累计状态（内部） / The running state of sum_scores() (internal)';

COMMENT ON FUNCTION perfeval.comparator(perfeval.target) IS '指标值的比较符 / The comparator of a target';
COMMENT ON FUNCTION perfeval.amount(perfeval.target) IS '指标值的数值（定性为空） / The amount of a target (NULL if qualitative)';
COMMENT ON FUNCTION perfeval.amount(perfeval.measure) IS '实际值的数值（定性为空） / The amount of a measure (NULL if qualitative)';
COMMENT ON FUNCTION perfeval.unit(perfeval.target) IS '指标值的单位 / The unit of a target';
COMMENT ON FUNCTION perfeval.unit(perfeval.measure) IS '实际值的单位 / The unit of a measure';
COMMENT ON FUNCTION perfeval.is_qualitative(perfeval.target) IS '指标值是否为定性表述 / Whether a target is a qualitative phrase';
COMMENT ON FUNCTION perfeval.is_qualitative(perfeval.measure) IS '实际值是否为定性结果 / Whether a measure is a qualitative outcome';
COMMENT ON FUNCTION perfeval.phrase(perfeval.target) IS '定性指标值的文字 / The phrase of a qualitative target';
COMMENT ON FUNCTION perfeval.phrase(perfeval.measure) IS '定性实际值的文字 / The phrase of a qualitative measure';
COMMENT ON FUNCTION perfeval.rate(numeric, numeric) IS '比率（%）；分母为0或超出范围时为空 / numerator ÷ denominator in percent; NULL for a zero denominator or a rate out of range';
COMMENT ON FUNCTION perfeval.is_exact(numeric) IS '是否为有限的精确数（非 NaN、非无穷） / Whether a numeric is finite (not NaN, not ±Infinity)';
COMMENT ON FUNCTION perfeval.default_coefficients() IS '满意度选项默认系数 / The default satisfaction coefficients';
COMMENT ON FUNCTION perfeval.national_grade_scale() IS '全国默认等级划分 / The national grade bands';
COMMENT ON FUNCTION perfeval.completion(perfeval.target, perfeval.measure, text) IS '指标完成率（%） / Completion rate in percent';
COMMENT ON FUNCTION perfeval.comparable(perfeval.target, perfeval.measure) IS '指标值与实际值的单位能否比较 / Whether a target and a measure have units that compare';
COMMENT ON FUNCTION perfeval.score(numeric, numeric, perfeval.method) IS '按完成率与评分方法计算得分 / The points of a completion rate under a method';
COMMENT ON FUNCTION perfeval.judged_score(numeric, text, numeric, numeric, numeric) IS '定性指标按档次与比例计算得分 / The points of a qualitative indicator from its tier and fraction';
COMMENT ON FUNCTION perfeval.deduct(numeric, numeric[]) IS '评价要点扣分后的得分 / The weight less its checklist deductions';
COMMENT ON FUNCTION perfeval.satisfaction(integer[], numeric[]) IS '满意度（%） / Satisfaction rate in percent';
COMMENT ON FUNCTION perfeval.grade(numeric, perfeval.grade_scale) IS '得分所在等级 / The grade of a score';
COMMENT ON FUNCTION perfeval.grade_band(numeric, perfeval.grade_scale) IS '得分所在等级的序号（1 为最高） / The number of a score''s grade band, 1 for the highest';
COMMENT ON FUNCTION perfeval.scheme_rules(integer, text, text, numeric, numeric, numeric[], text, numeric, text) IS '检查并打包评分方案规则 / A scheme''s rules, checked and packed';
COMMENT ON FUNCTION perfeval_internal.monitoring_rules_ok(numeric, numeric, numeric, numeric, numeric, numeric, numeric, integer) IS '检查评分方案的运行监控阈值 / Checks a scheme''s monitoring bounds';
COMMENT ON FUNCTION perfeval.indicator_score(numeric, perfeval.target, perfeval.measure, perfeval.method, text, integer, text) IS '完成率、得分与舍入一次计算 / Completion, score and rounding in one call';

-- The types' support functions and operators: one sentence per role.
DO $$
DECLARE
	t text;
	f record;
BEGIN
	FOREACH t IN ARRAY ARRAY['target', 'measure', 'method', 'grade_scale', 'rules', 'state',
							 'evaluation', 'score_sum'] LOOP
		FOR f IN SELECT p.oid, p.proname, substring(p.proname FROM length(t) + 2) AS role
				   FROM pg_proc p
				  WHERE p.pronamespace = 'perfeval'::regnamespace
					AND p.proname ~ ('^' || t || '_(in|out|recv|send|eq|ne|lt|le|gt|ge|cmp|hash|hash_extended)$')
					AND obj_description(p.oid, 'pg_proc') IS NULL LOOP
			EXECUTE format('COMMENT ON FUNCTION %s IS %L', f.oid::regprocedure,
				CASE f.role
					WHEN 'in' THEN t || ' 的文本输入 / Text input of ' || t
					WHEN 'out' THEN t || ' 的文本输出 / Text output of ' || t
					WHEN 'recv' THEN t || ' 的二进制输入 / Binary input of ' || t
					WHEN 'send' THEN t || ' 的二进制输出 / Binary output of ' || t
					WHEN 'cmp' THEN t || ' 的比较（B 树） / Comparison of ' || t || ' (btree)'
					WHEN 'hash' THEN t || ' 的哈希 / Hash of ' || t
					WHEN 'hash_extended' THEN t || ' 的带种子哈希 / Seeded hash of ' || t
					ELSE t || ' 的比较运算 ' || f.role || ' / Comparison ' || f.role || ' of ' || t END);
		END LOOP;
	END LOOP;
	FOR f IN SELECT o.oid, o.oprname, format_type(o.oprleft, NULL) AS typ
			   FROM pg_operator o
			  WHERE o.oprnamespace = 'perfeval'::regnamespace
				AND obj_description(o.oid, 'pg_operator') IS NULL LOOP
		EXECUTE format('COMMENT ON OPERATOR %s IS %L', f.oid::regoperator,
			f.typ || ' 的比较 ' || f.oprname || ' / Comparison ' || f.oprname || ' of ' || f.typ);
	END LOOP;
	FOR f IN SELECT c.opcname, a.amname, format_type(c.opcintype, NULL) AS typ
			   FROM pg_opclass c JOIN pg_am a ON a.oid = c.opcmethod
			  WHERE c.opcnamespace = 'perfeval'::regnamespace
				AND obj_description(c.oid, 'pg_opclass') IS NULL LOOP
		EXECUTE format('COMMENT ON OPERATOR CLASS %I USING %I IS %L', f.opcname, f.amname,
			f.typ || ' 的默认 ' || f.amname || ' 运算符类 / Default ' || f.amname || ' operator class of ' || f.typ);
	END LOOP;
	FOR f IN SELECT o.opfname, a.amname
			   FROM pg_opfamily o JOIN pg_am a ON a.oid = o.opfmethod
			  WHERE o.opfnamespace = 'perfeval'::regnamespace
				AND obj_description(o.oid, 'pg_opfamily') IS NULL LOOP
		EXECUTE format('COMMENT ON OPERATOR FAMILY %I USING %I IS %L', f.opfname, f.amname,
			f.opfname || ' 运算符族 / Operator family ' || f.opfname);
	END LOOP;
END $$;

-- Columns: those no earlier section describes, then every view column
-- takes the comment of the table column (or else the view column) it shows.
COMMENT ON COLUMN perfeval.scheme.scheme_id IS '方案代码 / Scheme id';
COMMENT ON COLUMN perfeval.scheme.name IS '方案名称 / Scheme name';
COMMENT ON COLUMN perfeval.division.code IS '区划代码（GB/T 2260） / Division code (GB/T 2260)';
COMMENT ON COLUMN perfeval.allocation.project_id IS '项目编号 / Project id';
COMMENT ON COLUMN perfeval.allocation.department IS '预算部门 / Budget department';
COMMENT ON COLUMN perfeval.indicator.project_id IS '项目编号 / Project id';
COMMENT ON COLUMN perfeval.actual.project_id IS '项目编号 / Project id';
COMMENT ON COLUMN perfeval.actual.code IS '指标编码 / Indicator code';
COMMENT ON COLUMN perfeval.checklist_point.project_id IS '项目编号 / Project id';
COMMENT ON COLUMN perfeval.checklist_point.code IS '指标编码 / Indicator code';
COMMENT ON COLUMN perfeval.survey_response.project_id IS '项目编号 / Project id';
COMMENT ON COLUMN perfeval.survey_response.code IS '指标编码 / Indicator code';
COMMENT ON COLUMN perfeval_internal.project_state.project_id IS '项目编号 / Project id';
COMMENT ON COLUMN perfeval.division.name IS '区划名称 / Division name';
COMMENT ON COLUMN perfeval.project.name IS '项目名称 / Project name';
COMMENT ON COLUMN perfeval.indicator.name IS '三级指标名称 / Level-3 indicator name';
COMMENT ON COLUMN perfeval.checklist_point.point_no IS '要点序号 / Point number';
COMMENT ON COLUMN perfeval.checklist_point.description IS '评价要点 / What the point checks';
COMMENT ON COLUMN perfeval.survey_response.option_label IS '选项名称 / Option label';
COMMENT ON COLUMN perfeval.allocation_summary.row_kind IS '行类别：明细、部门小计、资金级次小计、合计 / Row kind: line, department subtotal, fund-level subtotal, total';
COMMENT ON COLUMN perfeval.indicator_scores.actual IS '计分所用实际值（或比率） / The actual scored from (or the rate)';
COMMENT ON COLUMN perfeval.project_scores.indicators IS '三级指标数 / Number of level-3 indicators';
COMMENT ON COLUMN perfeval.project_facts.province IS '省级区划代码 / Province code';
COMMENT ON COLUMN perfeval.project_facts.prefecture IS '地级区划代码 / Prefecture code';
COMMENT ON COLUMN perfeval.project_facts.county IS '县级区划代码 / County code';
COMMENT ON COLUMN perfeval.rollup_region.division_name IS '区划名称 / Division name';
COMMENT ON COLUMN perfeval.rollup_region.projects IS '项目数 / Projects';
COMMENT ON COLUMN perfeval.rollup_region.ungraded IS '无等级项目数 / Projects without a grade';
COMMENT ON COLUMN perfeval.rollup_region.mean_score IS '平均得分 / Mean score';
COMMENT ON COLUMN perfeval_internal.indicator_evaluations.e IS '该行的评价结果 / The row''s evaluation';
COMMENT ON COLUMN perfeval_internal.indicator_scored.e IS '该行的评价结果 / The row''s evaluation';

DO $$
DECLARE
	c record;
BEGIN
	FOR c IN
		WITH described AS (
			SELECT DISTINCT ON (a.attname) a.attname, col_description(r.oid, a.attnum) AS d
			  FROM pg_attribute a JOIN pg_class r ON r.oid = a.attrelid
			 WHERE r.relnamespace IN ('perfeval'::regnamespace, 'perfeval_internal'::regnamespace)
			   AND r.relkind IN ('r', 'v') AND a.attnum > 0 AND NOT a.attisdropped
			   AND col_description(r.oid, a.attnum) IS NOT NULL
			 ORDER BY a.attname, r.relkind, r.relnamespace = 'perfeval_internal'::regnamespace DESC, r.relname)
		SELECT r.oid::regclass AS rel, a.attname, d.d
		  FROM pg_attribute a JOIN pg_class r ON r.oid = a.attrelid
		  JOIN described d ON d.attname = a.attname
		 WHERE r.relnamespace IN ('perfeval'::regnamespace, 'perfeval_internal'::regnamespace)
		   AND r.relkind = 'v' AND a.attnum > 0 AND col_description(r.oid, a.attnum) IS NULL
	LOOP
		EXECUTE format('COMMENT ON COLUMN %s.%I IS %L', c.rel, c.attname, c.d);
	END LOOP;
END $$;
