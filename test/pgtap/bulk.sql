-- pgTAP: bulk_insert() (1.11), the import's writes of the fact tables as
-- COPY writes them.  It must give what an INSERT gives: the same rows, the
-- same kept state and scores, the same errors for the same bad rows (23503
-- for a missing parent, 23514, 23505), and write nothing where it cannot
-- do what the tables' triggers and policies do.  Over the four samples;
-- undone by ROLLBACK.
BEGIN;
SELECT plan(25);

-- seed001 copied twice: once by bulk_insert(), once by INSERT
INSERT INTO perfeval.project (project_id, name, year, division_code, department, evaluation_kind, scheme_id)
SELECT v.id, p.name, p.year, p.division_code, p.department, p.evaluation_kind, p.scheme_id
  FROM perfeval.project p, (VALUES ('bulk001'), ('ins001'), ('later001')) v(id) WHERE p.project_id = 'seed001';
CREATE TEMP TABLE q (t regclass, cols text, sel text);
INSERT INTO q VALUES
	('perfeval.allocation', 'project_id, department, fund_level, unit, initial_budget, budget, arrived, spent',
	 'SELECT $3, department, fund_level, unit, initial_budget, budget, arrived, spent FROM perfeval.allocation WHERE project_id = ''seed001'' AND $1 <= $2'),
	('perfeval.indicator', 'project_id, code, seq, level1, level2, name, weight, target, source, printed_score',
	 'SELECT $3, code, seq, level1, level2, name, weight, target, source, printed_score FROM perfeval.indicator WHERE project_id = ''seed001'' AND $1 <= $2 ORDER BY code'),
	('perfeval.actual', 'project_id, code, reported_on, measure, tier, fraction, deviation_note',
	 'SELECT $3, code, reported_on, measure, tier, fraction, deviation_note FROM perfeval.actual WHERE project_id = ''seed001'' AND $1 <= $2 ORDER BY code'),
	('perfeval.checklist_point', 'project_id, code, point_no, description, points, deduction, reason',
	 'SELECT $3, code, point_no, description, points, deduction, reason FROM perfeval.checklist_point WHERE project_id = ''seed001'' AND $1 <= $2'),
	('perfeval.survey_response', 'project_id, code, option_no, option_label, respondents, coefficient',
	 'SELECT $3, code, option_no, option_label, respondents, coefficient FROM perfeval.survey_response WHERE project_id = ''seed001'' AND $1 <= $2');
SELECT is((SELECT array_agg(x.b) FROM (SELECT perfeval_internal.bulk_insert(q.t, q.cols, replace(q.sel, '$3', '''bulk001'''), 1, 1) IS NOT NULL AS b
			  FROM q) x), ARRAY[true, true, true, true, true], 'bulk_insert() writes the five fact tables');
DO $$
DECLARE r record;
BEGIN
	FOR r IN SELECT * FROM q ORDER BY ctid LOOP
		EXECUTE format('INSERT INTO %s (%s) %s', r.t, r.cols, replace(r.sel, '$3', '''ins001''')) USING 1::bigint, 1::bigint;
	END LOOP;
END $$;

SELECT is((SELECT count(*) FROM perfeval.indicator WHERE project_id = 'bulk001'),
		  (SELECT count(*) FROM perfeval.indicator WHERE project_id = 'seed001'), 'bulk_insert wrote every indicator row');
SELECT is((SELECT method::text FROM perfeval.indicator WHERE project_id = 'bulk001' AND code = 'A11'),
		  (SELECT method::text FROM perfeval.indicator WHERE project_id = 'ins001' AND code = 'A11'),
		  'a column left out gets its default, as an INSERT gives it');
SELECT is((SELECT row(s.actuals, s.actual_notes, s.checklist, s.checklist_reasons, s.survey, s.allocations,
					 s.money_initial_budget, s.money_budget, s.money_arrived, s.money_spent)::text
			 FROM perfeval_internal.project_state s WHERE s.project_id = 'bulk001'),
		  (SELECT row(s.actuals, s.actual_notes, s.checklist, s.checklist_reasons, s.survey, s.allocations,
					 s.money_initial_budget, s.money_budget, s.money_arrived, s.money_spent)::text
			 FROM perfeval_internal.project_state s WHERE s.project_id = 'ins001'),
		  'the kept state after bulk_insert() is the state after INSERT');
SELECT ok((SELECT actuals IS NOT NULL AND checklist IS NOT NULL AND allocations > 0
			 FROM perfeval_internal.project_state WHERE project_id = 'bulk001'), 'every part of it was kept');
SELECT is((SELECT array_agg(row(code, score, explanation)::text ORDER BY code) FROM perfeval.indicator_scores WHERE project_id = 'bulk001'),
		  (SELECT array_agg(row(code, score, explanation)::text ORDER BY code) FROM perfeval.indicator_scores WHERE project_id = 'seed001'),
		  'every indicator scores as the original');
SELECT is((SELECT row(total, grade)::text FROM perfeval.project_scores WHERE project_id = 'bulk001'),
		  (SELECT row(total, grade)::text FROM perfeval.project_scores WHERE project_id = 'seed001'),
		  'the total and grade are the original''s');

-- deferred keeping (1.16, the import's write_forms()): between keep_later()
-- and keep_now() bulk_insert() only notes what it wrote; keep_now() keeps
-- it all at once, to the same state
SELECT perfeval_internal.keep_later();
SELECT is((SELECT array_agg(x.b) FROM (SELECT perfeval_internal.bulk_insert(q.t, q.cols, replace(q.sel, '$3', '''later001'''), 1, 1) IS NOT NULL AS b
			  FROM q) x), ARRAY[true, true, true, true, true], 'bulk_insert() writes the five fact tables after keep_later()');
SELECT ok((SELECT actuals IS NULL AND checklist IS NULL AND survey IS NULL AND allocations = 0
			 FROM perfeval_internal.project_state WHERE project_id = 'later001'), 'and keeps nothing of them yet');
SELECT is(perfeval_internal.keep_now(), 1::bigint, 'keep_now() keeps the one project written');
SELECT is((SELECT row(s.actuals, s.actual_notes, s.checklist, s.checklist_reasons, s.survey, s.allocations,
					 s.money_initial_budget, s.money_budget, s.money_arrived, s.money_spent)::text
			 FROM perfeval_internal.project_state s WHERE s.project_id = 'later001'),
		  (SELECT row(s.actuals, s.actual_notes, s.checklist, s.checklist_reasons, s.survey, s.allocations,
					 s.money_initial_budget, s.money_budget, s.money_arrived, s.money_spent)::text
			 FROM perfeval_internal.project_state s WHERE s.project_id = 'ins001'),
		  'the state kept by keep_now() is the state after INSERT');
-- what a rolled-back subtransaction noted is forgotten with it
SAVEPOINT deferred;
SELECT perfeval_internal.keep_later();
SELECT perfeval_internal.bulk_insert('perfeval.checklist_point', 'project_id, code, point_no, description, points, deduction',
	'SELECT ''later001'', ''C11'', 98, ''x'', 1, 1 WHERE $1 <= $2', 1, 1);
ROLLBACK TO SAVEPOINT deferred;
SELECT is(perfeval_internal.keep_now(), 0::bigint, 'nothing left to keep after ROLLBACK TO SAVEPOINT');
-- the unit check still refuses, at keep_now()
SAVEPOINT deferred;
SELECT perfeval_internal.keep_later();
SELECT perfeval_internal.bulk_insert('perfeval.actual', 'project_id, code, reported_on, measure',
	'SELECT ''later001'', ''C11'', DATE ''2025-01-31'', ''5天''::perfeval.measure WHERE $1 <= $2', 1, 1);
SELECT throws_ok($$SELECT perfeval_internal.keep_now()$$,
	'22023', 'actual "5天" of indicator C11 cannot be compared with its target "=41家"',
	'an actual its target cannot be compared with is refused by keep_now()');
ROLLBACK TO SAVEPOINT deferred;
-- what a committed subtransaction noted stays noted, for keep_now()
SAVEPOINT deferred;
SELECT perfeval_internal.keep_later();
SELECT perfeval_internal.bulk_insert('perfeval.checklist_point', 'project_id, code, point_no, description, points, deduction',
	'SELECT ''later001'', ''C11'', 97, ''x'', 1, 0.5 WHERE $1 <= $2', 1, 1);
RELEASE SAVEPOINT deferred;
SELECT is(perfeval_internal.keep_now(), 1::bigint, 'what a released subtransaction noted is kept by keep_now() after it');
SELECT is((SELECT checklist::text FROM perfeval_internal.project_state WHERE project_id = 'later001'),
		  (SELECT perfeval.checklist_state(c.code, c.points, c.deduction)::text FROM perfeval.checklist_point c WHERE c.project_id = 'later001'),
		  'and its checklist part is recomputed with the new point');

-- the same errors as an INSERT
SELECT throws_ok($$SELECT perfeval_internal.bulk_insert('perfeval.actual', 'project_id, code, reported_on, measure',
	'SELECT ''bulk001'', ''Z99'', DATE ''2024-12-31'', ''5家''::perfeval.measure WHERE $1 <= $2', 1, 1)$$,
	'23503', 'insert or update on table "actual" violates foreign key constraint "actual_project_id_code_fkey"',
	'an actual without its indicator: the foreign key''s own error');
SELECT throws_ok($$SELECT perfeval_internal.bulk_insert('perfeval.indicator', 'project_id, code, level1, level2, name, weight',
	'SELECT ''nosuch'', ''A11'', ''a'', ''b'', ''c'', 5 WHERE $1 <= $2', 1, 1)$$,
	'23503', 'insert or update on table "indicator" violates foreign key constraint "indicator_project_id_fkey"',
	'an indicator of no project');
SELECT throws_ok($$SELECT perfeval_internal.bulk_insert('perfeval.actual', 'project_id, code, reported_on, measure',
	'SELECT ''bulk001'', ''C11'', DATE ''2025-01-31'', ''5天''::perfeval.measure WHERE $1 <= $2', 1, 1)$$,
	'22023', 'actual "5天" of indicator C11 cannot be compared with its target "=41家"',
	'an actual in a unit its target cannot be compared with: the kept state''s unit check');
SELECT throws_ok($$SELECT perfeval_internal.bulk_insert('perfeval.actual', 'project_id, code, reported_on, tier, fraction',
	'SELECT ''bulk001'', ''A11'', DATE ''2024-12-31'', ''达成'', 150 WHERE $1 <= $2', 1, 1)$$,
	'23514', NULL, 'a check constraint holds');
SELECT throws_ok($$SELECT perfeval_internal.bulk_insert('perfeval.indicator', 'project_id, code, level1, level2, name, weight',
	'SELECT ''bulk001'', ''A11'', ''a'', ''b'', ''c'', 5 WHERE $1 <= $2', 1, 1)$$,
	'23505', NULL, 'the primary key holds');
SELECT throws_ok($$SELECT perfeval_internal.bulk_insert('perfeval.indicator', 'project_id, code, level1, level2, name',
	'SELECT ''bulk001'', ''Z98'', ''a'', ''b'', ''c'' WHERE $1 <= $2', 1, 1)$$,
	'23502', NULL, 'NOT NULL holds');

-- where it cannot do the triggers' and policies' work, it writes nothing
CREATE FUNCTION pg_temp.audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER audit BEFORE INSERT ON perfeval.checklist_point FOR EACH ROW EXECUTE FUNCTION pg_temp.audit();
SELECT is(perfeval_internal.bulk_insert('perfeval.checklist_point', 'project_id, code, point_no, description',
	'SELECT ''bulk001'', ''C11'', 99, ''x'' WHERE $1 <= $2', 1, 1), NULL, 'a trigger of the user''s: NULL (an INSERT is needed)');
SELECT is((SELECT count(*) FROM perfeval.checklist_point WHERE point_no = 99), 0::bigint, 'and nothing written');
DROP TRIGGER audit ON perfeval.checklist_point;

CREATE ROLE perfeval_bulk_test;
GRANT USAGE ON SCHEMA perfeval, perfeval_internal TO perfeval_bulk_test;
SET ROLE perfeval_bulk_test;
SELECT throws_ok($$SELECT perfeval_internal.bulk_insert('perfeval.checklist_point', 'project_id, code, point_no, description',
	'SELECT ''bulk001'', ''C11'', 99, ''x'' WHERE $1 <= $2', 1, 1)$$, '42501',
	'permission denied for table checklist_point', 'a role without INSERT is refused');
RESET ROLE;
GRANT INSERT ON perfeval.checklist_point TO perfeval_bulk_test;
SET ROLE perfeval_bulk_test;
SELECT is(perfeval_internal.bulk_insert('perfeval.checklist_point', 'project_id, code, point_no, description',
	'SELECT ''bulk001'', ''C11'', 99, ''x'' WHERE $1 <= $2', 1, 1), NULL,
	'a role under row-level security: NULL (the INSERT applies the policies)');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
