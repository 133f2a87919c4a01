-- Section 74: projects scored under another scheme's rules (issue 29,
-- part 2): one provincial scale for projects graded under different rules.
--
-- Nothing is restated: each indicator row is evaluated by the same
-- perfeval.evaluate() the views call, from the same row and kept state
-- (perfeval_internal.indicator_rows), with the named scheme's rules in
-- place of its own (decimals, rounding, reverse rule, tier bounds, survey
-- coefficients, execution base, over threshold: the scheme's generated
-- rules column), added by the same sum_scores() (which rounds the total by
-- the rules it was given) and graded by the same grade() and grade_band()
-- with that scheme's grade_scale.  The money is the project's (kept state,
-- in 万元); the execution base it is read on is the rules', so an
-- execution_rate indicator is re-read on the named scheme's base.  The
-- project's own total and grade come from the same pass with its own
-- rules: the same expressions as perfeval.project_scores.  (The named
-- scheme's rules are a scalar subquery, computed once and passed to the
-- parallel workers: joined as a one-row relation they kept the plan from
-- going parallel, 2.7x project_scores' time at 20,000 projects.)
--
-- The public forms are SQL functions over these, as the dated forms
-- (section 50): one node inlines them into the caller's query, so a query
-- for one project reads that project by key, and a query that reads no
-- own_* column does not evaluate the rows under their own rules.  They run
-- as their caller: the project table's row-level security and the scope of
-- indicator_rows (a security barrier) apply before any condition of the
-- caller's, so a function of the caller's sees no row outside the scope
-- (test/leak.sh probes every set-returning function of schema perfeval
-- taking a date or a text).  An unknown scheme is refused, not an empty
-- answer: known_scheme() (PL/pgSQL) raises, in a condition without columns
-- that PostgreSQL tests once, before reading any row.

-- Per project: its own total, grade and band (its own scheme), and the
-- total, grade and band under the named scheme.
CREATE FUNCTION perfeval_internal.project_scores_under(scheme text)
	RETURNS TABLE (project_id text, name text, year int, division_code text, department text,
				   own_scheme_id text, own_total numeric, own_grade text, own_band int,
				   under_scheme_id text, indicators bigint, weight numeric, total numeric,
				   grade text, band int, difference numeric)
	LANGUAGE sql STABLE PARALLEL SAFE
	BEGIN ATOMIC
	SELECT p.project_id, p.name, p.year, p.division_code, p.department,
		   p.scheme_id, (t.own).total, perfeval.grade((t.own).total, s.grade_scale),
		   perfeval.grade_band((t.own).total, s.grade_scale),
		   r.scheme_id, coalesce((t.under).indicators, 0), (t.under).weight, (t.under).total,
		   perfeval.grade((t.under).total, r.grade_scale), perfeval.grade_band((t.under).total, r.grade_scale),
		   trim_scale((t.under).total - (t.own).total)
	  FROM perfeval.project p
	  JOIN perfeval.scheme s ON s.scheme_id = p.scheme_id
	  JOIN perfeval.scheme r ON r.scheme_id = project_scores_under.scheme
	  LEFT JOIN (SELECT x.project_id,
						perfeval.sum_scores(perfeval.evaluate(x.weight, x.applicable, x.source, x.target, x.method,
							x.printed_score, x.code, x.rules, x.actuals, x.checklist, x.survey,
							x.money_initial_budget, x.money_budget, x.money_arrived, x.money_spent,
							'infinity')) AS own,
						perfeval.sum_scores(perfeval.evaluate(x.weight, x.applicable, x.source, x.target, x.method,
							x.printed_score, x.code,
							(SELECT u.rules FROM perfeval.scheme u WHERE u.scheme_id = project_scores_under.scheme),
							x.actuals, x.checklist, x.survey,
							x.money_initial_budget, x.money_budget, x.money_arrived, x.money_spent,
							'infinity')) AS under
				   FROM perfeval_internal.indicator_rows x
				  GROUP BY x.project_id) t ON t.project_id = p.project_id
	 WHERE perfeval_internal.in_scope(p.project_id);
	END;

-- Per project and level 1: its score under its own scheme and under the
-- named one (level1_scores' sums: the applicable rows, NULL if one has no
-- score).
CREATE FUNCTION perfeval_internal.level1_scores_under(scheme text)
	RETURNS TABLE (project_id text, level1 text, seq int, own_scheme_id text, own_score numeric,
				   own_score_rate numeric, under_scheme_id text, indicators bigint, weight numeric,
				   score numeric, score_rate numeric, difference numeric)
	LANGUAGE sql STABLE PARALLEL SAFE
	BEGIN ATOMIC
	SELECT g.project_id, g.level1, g.seq, st.scheme_id, (g.own).score,
		   perfeval.rate((g.own).score, (g.own).weight),
		   u.scheme_id, (g.under).indicators, (g.under).weight, (g.under).score,
		   perfeval.rate((g.under).score, (g.under).weight),
		   trim_scale((g.under).score - (g.own).score)
	  FROM (SELECT x.project_id, x.level1, min(x.seq) AS seq,
				   perfeval.sum_scores(perfeval.evaluate(x.weight, x.applicable, x.source, x.target, x.method,
					   x.printed_score, x.code, x.rules, x.actuals, x.checklist, x.survey,
					   x.money_initial_budget, x.money_budget, x.money_arrived, x.money_spent,
					   'infinity')) AS own,
				   perfeval.sum_scores(perfeval.evaluate(x.weight, x.applicable, x.source, x.target, x.method,
					   x.printed_score, x.code,
					   (SELECT u.rules FROM perfeval.scheme u WHERE u.scheme_id = level1_scores_under.scheme),
					   x.actuals, x.checklist, x.survey,
					   x.money_initial_budget, x.money_budget, x.money_arrived, x.money_spent,
					   'infinity')) AS under
			  FROM perfeval_internal.indicator_rows x
			 WHERE x.applicable
			 GROUP BY x.project_id, x.level1) g
	  JOIN perfeval.project st ON st.project_id = g.project_id
	  JOIN perfeval.scheme u ON u.scheme_id = level1_scores_under.scheme
	 WHERE perfeval_internal.in_scope(st.project_id);
	END;

-- An unknown scheme is refused (22023, the value quoted, with a hint); a
-- known one is returned.  (Called with the public forms' argument, in their
-- FROM and in a condition without columns: not a constant to the planner,
-- so no scheme, NULL, cannot make it fold the query away unchecked.)
CREATE FUNCTION perfeval_internal.known_scheme(scheme text) RETURNS text
	LANGUAGE plpgsql STABLE PARALLEL SAFE
AS $$
BEGIN
	IF scheme IS NULL OR NOT EXISTS (SELECT FROM perfeval.scheme s WHERE s.scheme_id = known_scheme.scheme) THEN
		RAISE EXCEPTION USING ERRCODE = '22023',
			MESSAGE = perfeval_internal.message('no_scheme', scheme),
			HINT = perfeval_internal.message('no_scheme.hint');
	END IF;
	RETURN scheme;
END $$;

CREATE FUNCTION perfeval.project_scores_under(scheme_id text)
	RETURNS TABLE (project_id text, name text, year int, division_code text, department text,
				   own_scheme_id text, own_total numeric, own_grade text, own_band int,
				   under_scheme_id text, indicators bigint, weight numeric, total numeric,
				   grade text, band int, difference numeric)
	LANGUAGE sql STABLE PARALLEL SAFE
	BEGIN ATOMIC
	SELECT u.project_id, u.name, u.year, u.division_code, u.department, u.own_scheme_id, u.own_total,
		   u.own_grade, u.own_band, u.under_scheme_id, u.indicators, u.weight, u.total, u.grade, u.band,
		   u.difference
	  FROM perfeval_internal.project_scores_under(perfeval_internal.known_scheme(project_scores_under.scheme_id)) u
	 WHERE perfeval_internal.known_scheme(project_scores_under.scheme_id) IS NOT NULL;
	END;

CREATE FUNCTION perfeval.level1_scores_under(scheme_id text)
	RETURNS TABLE (project_id text, level1 text, seq int, own_scheme_id text, own_score numeric,
				   own_score_rate numeric, under_scheme_id text, indicators bigint, weight numeric,
				   score numeric, score_rate numeric, difference numeric)
	LANGUAGE sql STABLE PARALLEL SAFE
	BEGIN ATOMIC
	SELECT u.project_id, u.level1, u.seq, u.own_scheme_id, u.own_score, u.own_score_rate, u.under_scheme_id,
		   u.indicators, u.weight, u.score, u.score_rate, u.difference
	  FROM perfeval_internal.level1_scores_under(perfeval_internal.known_scheme(level1_scores_under.scheme_id)) u
	 WHERE perfeval_internal.known_scheme(level1_scores_under.scheme_id) IS NOT NULL;
	END;

-- The projects whose grade changes between their own scheme and a
-- reference scheme: the grade or its band (1 the highest) differs (a total
-- that cannot be scored under one of them has no grade: a change too), by
-- how much the total moves and by how many bands (positive: higher under
-- the reference).  (PL/pgSQL, never inlined: a condition of the caller's
-- would otherwise be tested on the projects whose grade does not change
-- too, rows this function does not return, test/leak.sh.)
CREATE FUNCTION perfeval.grade_changes(reference_scheme text)
	RETURNS TABLE (project_id text, name text, year int, department text,
				   own_scheme_id text, own_total numeric, own_grade text, own_band int,
				   reference_scheme_id text, reference_total numeric, reference_grade text,
				   reference_band int, difference numeric, band_change int)
	LANGUAGE plpgsql STABLE PARALLEL SAFE
	AS $$
	BEGIN
	PERFORM perfeval_internal.known_scheme(grade_changes.reference_scheme);
	RETURN QUERY
	SELECT u.project_id, u.name, u.year, u.department, u.own_scheme_id, u.own_total, u.own_grade,
		   u.own_band, u.under_scheme_id, u.total, u.grade, u.band, u.difference, u.own_band - u.band
	  FROM perfeval_internal.project_scores_under(grade_changes.reference_scheme) u
	 WHERE u.grade IS DISTINCT FROM u.own_grade OR u.band IS DISTINCT FROM u.own_band;
	END $$;

COMMENT ON FUNCTION perfeval_internal.project_scores_under(text) IS '各项目按另一方案规则重新计分（内部，不检查方案） / Projects scored under another scheme''s rules (internal; the scheme is not checked)';
COMMENT ON FUNCTION perfeval_internal.level1_scores_under(text) IS '各项目一级指标按另一方案规则重新计分（内部） / Level-1 scores under another scheme''s rules (internal)';
COMMENT ON FUNCTION perfeval_internal.known_scheme(text) IS '方案存在则返回其编号，否则报错 / Returns a known scheme''s id; refuses an unknown one';
COMMENT ON FUNCTION perfeval.project_scores_under(text) IS '按指定方案的规则重新计分的项目总分与等级，并列项目本方案的总分与等级 / Every visible project scored under the named scheme''s rules, with its own total and grade beside them';
COMMENT ON FUNCTION perfeval.level1_scores_under(text) IS '按指定方案的规则重新计分的一级指标得分，并列本方案得分 / Level-1 scores under the named scheme''s rules, with the project''s own beside them';
COMMENT ON FUNCTION perfeval.grade_changes(text) IS '按参照方案计分后等级发生变化的项目及变化幅度 / Projects whose grade changes between their own scheme and a reference scheme, and by how much';
