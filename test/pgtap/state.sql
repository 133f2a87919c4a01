-- pgTAP: the state perfeval keeps on indicator and project rows (section 45)
-- always equals what the facts say, after every kind of write to every fact
-- table, and the scores read from it equal the scores read from the facts.
-- The expected state is computed here without the kept columns: the latest
-- actual by DISTINCT ON, deductions by sum, survey rates by satisfaction(),
-- money from allocation_summary.  Everything is undone by the ROLLBACK.
BEGIN;
SELECT plan(38);

CREATE TEMP VIEW expected_state AS
SELECT i.project_id, i.code,
	   la.reported_on AS actual_on, la.measure::text AS actual_measure, la.tier AS actual_tier,
	   la.fraction AS actual_fraction, la.deviation_note AS actual_note,
	   (SELECT sum(cp.deduction) FROM perfeval.checklist_point cp
		 WHERE cp.project_id = i.project_id AND cp.code = i.code) AS deducted,
	   CASE i.source
		   WHEN 'survey' THEN
			   (SELECT CASE WHEN bool_and(coalesce(sr.coefficient, s.satisfaction_coefficients[sr.option_no]) IS NOT NULL)
							 AND sum(sr.respondents) > 0
						THEN trim_scale(perfeval.satisfaction(array_agg(sr.respondents ORDER BY sr.option_no),
							 array_agg(coalesce(sr.coefficient, s.satisfaction_coefficients[sr.option_no])
									   ORDER BY sr.option_no))) END
				  FROM perfeval.survey_response sr
				 WHERE sr.project_id = i.project_id AND sr.code = i.code)
		   WHEN 'arrival_rate' THEN m.arrival_rate
		   WHEN 'execution_rate' THEN m.execution_rate END AS rate
  FROM perfeval.indicator i
  JOIN perfeval.project p ON p.project_id = i.project_id
  JOIN perfeval.scheme s ON s.scheme_id = p.scheme_id
  LEFT JOIN (SELECT DISTINCT ON (a.project_id, a.code) a.*
			   FROM perfeval.actual a ORDER BY a.project_id, a.code, a.reported_on DESC) la
		 ON la.project_id = i.project_id AND la.code = i.code
  LEFT JOIN perfeval.allocation_summary m ON m.project_id = i.project_id AND m.row_kind = '合计';

CREATE TEMP VIEW kept_state AS
SELECT project_id, code, actual_on, actual_measure::text AS actual_measure, actual_tier,
	   actual_fraction, actual_note, deducted, rate
  FROM perfeval.indicator;

CREATE TEMP VIEW expected_money AS
SELECT p.project_id, coalesce(m.n, 0) AS allocations, m.initial_budget, m.budget, m.arrived, m.spent
  FROM perfeval.project p
  LEFT JOIN (SELECT a.project_id, count(*) AS n FROM perfeval.allocation a GROUP BY 1) c USING (project_id)
  LEFT JOIN LATERAL (SELECT c.n, s.initial_budget, s.budget, s.arrived, s.spent
					   FROM perfeval.allocation_summary s
					  WHERE s.project_id = p.project_id AND s.row_kind = '合计') m ON true;

CREATE TEMP VIEW kept_money AS
SELECT project_id, allocations, money_initial_budget, money_budget, money_arrived, money_spent
  FROM perfeval.project;

-- The state is right when neither side has a row the other lacks.
CREATE FUNCTION pg_temp.state_ok() RETURNS boolean LANGUAGE sql AS $$
	SELECT NOT EXISTS ((SELECT * FROM kept_state EXCEPT SELECT * FROM expected_state)
					   UNION ALL (SELECT * FROM expected_state EXCEPT SELECT * FROM kept_state))
	   AND NOT EXISTS ((SELECT * FROM kept_money EXCEPT SELECT * FROM expected_money)
					   UNION ALL (SELECT * FROM expected_money EXCEPT SELECT * FROM kept_money))
$$;

SELECT ok(pg_temp.state_ok(), 'after loading the four samples the kept state equals the facts');
SELECT ok((SELECT count(*) FILTER (WHERE actual_on IS NOT NULL) > 10 AND count(*) FILTER (WHERE deducted IS NOT NULL) > 10
				  AND count(*) FILTER (WHERE rate IS NOT NULL) > 3 FROM perfeval.indicator),
	'the samples give kept actuals, deductions and rates to check');

-- actual: a newer report replaces the kept one, an older one does not
INSERT INTO perfeval.actual (project_id, code, reported_on, measure)
VALUES ('seed001', 'C11', '2099-01-01', '40家');
SELECT is((SELECT actual_measure::text FROM perfeval.indicator WHERE project_id = 'seed001' AND code = 'C11'),
	'40家', 'actual: a newer report becomes the kept actual');
SELECT is((SELECT score FROM perfeval.indicator_scores WHERE project_id = 'seed001' AND code = 'C11'),
	9.76, 'actual: the score follows the newer report (40÷41 of 10 points)');
INSERT INTO perfeval.actual (project_id, code, reported_on, measure)
VALUES ('seed001', 'C11', '1999-01-01', '1家');
SELECT is((SELECT actual_measure::text FROM perfeval.indicator WHERE project_id = 'seed001' AND code = 'C11'),
	'40家', 'actual: an older report leaves the kept actual');
SELECT ok(pg_temp.state_ok(), 'actual: state equals the facts after inserts');
UPDATE perfeval.actual SET measure = '39家' WHERE project_id = 'seed001' AND code = 'C11' AND reported_on = '2099-01-01';
SELECT is((SELECT actual_measure::text FROM perfeval.indicator WHERE project_id = 'seed001' AND code = 'C11'),
	'39家', 'actual: an update of the latest report is kept');
UPDATE perfeval.actual SET reported_on = '1990-01-01' WHERE project_id = 'seed001' AND code = 'C11' AND reported_on = '2099-01-01';
SELECT ok(pg_temp.state_ok(), 'actual: moving the latest report back in time keeps the state right');
DELETE FROM perfeval.actual WHERE project_id = 'seed001' AND code = 'C11' AND reported_on < '2000-01-01';
SELECT is((SELECT score FROM perfeval.indicator_scores WHERE project_id = 'seed001' AND code = 'C11'),
	10::numeric, 'actual: deleting the added reports restores the report''s 10 points');
SELECT ok(pg_temp.state_ok(), 'actual: state equals the facts after deletes');
SAVEPOINT before_truncate;
TRUNCATE perfeval.actual;
SELECT is((SELECT count(*) FROM perfeval.indicator WHERE actual_on IS NOT NULL OR actual_measure IS NOT NULL
			OR actual_tier IS NOT NULL OR actual_note IS NOT NULL), 0::bigint,
	'actual: TRUNCATE clears every kept actual');
SELECT ok(pg_temp.state_ok(), 'actual: state equals the facts after TRUNCATE');
ROLLBACK TO SAVEPOINT before_truncate;

-- checklist points
INSERT INTO perfeval.checklist_point (project_id, code, point_no, description, deduction, reason)
SELECT project_id, code, 99, '测试要点', 0.5, '测试' FROM perfeval.indicator
 WHERE project_id = 'seed003' AND source = 'checklist' ORDER BY code LIMIT 1;
SELECT ok(pg_temp.state_ok(), 'checklist: state equals the facts after an insert');
UPDATE perfeval.checklist_point SET deduction = 1 WHERE point_no = 99;
SELECT ok(pg_temp.state_ok(), 'checklist: state equals the facts after an update');
DELETE FROM perfeval.checklist_point WHERE point_no = 99;
SELECT ok(pg_temp.state_ok(), 'checklist: state equals the facts after a delete');
SAVEPOINT before_truncate;
TRUNCATE perfeval.checklist_point;
SELECT ok(pg_temp.state_ok() AND NOT EXISTS (SELECT FROM perfeval.indicator WHERE deducted IS NOT NULL),
	'checklist: TRUNCATE clears every kept deduction');
ROLLBACK TO SAVEPOINT before_truncate;

-- survey responses, and the scheme coefficients they may borrow
UPDATE perfeval.survey_response SET respondents = respondents + 7
 WHERE (project_id, code, option_no) = (SELECT project_id, code, min(option_no) FROM perfeval.survey_response
										 GROUP BY 1, 2 ORDER BY 1, 2 LIMIT 1);
SELECT ok(pg_temp.state_ok(), 'survey: state equals the facts after an update');
INSERT INTO perfeval.scheme (scheme_id, name, satisfaction_coefficients) VALUES ('test', 'test', '{1,0.5,0.2,0,0}');
UPDATE perfeval.survey_response SET coefficient = NULL;
UPDATE perfeval.project SET scheme_id = 'test' WHERE project_id IN (SELECT project_id FROM perfeval.survey_response);
SELECT ok(pg_temp.state_ok(), 'survey: moving a project to another scheme recomputes its rates');
UPDATE perfeval.scheme SET satisfaction_coefficients = '{1,0.9,0.1,0,0}' WHERE scheme_id = 'test';
SELECT ok(pg_temp.state_ok(), 'survey: changing a scheme''s coefficients recomputes its projects'' rates');
DELETE FROM perfeval.survey_response WHERE option_no = 1;
SELECT ok(pg_temp.state_ok(), 'survey: state equals the facts after a delete');

-- money: the project's sums and its money-sourced rates
UPDATE perfeval.allocation SET spent = spent / 2 WHERE project_id = 'seed003';
SELECT ok(pg_temp.state_ok(), 'money: state equals the facts after an update');
SELECT is((SELECT execution_rate FROM perfeval.project_money WHERE project_id = 'seed003'),
	50::numeric, 'money: half spent gives a 50% execution rate from the kept sums');
SELECT is((SELECT rate FROM perfeval.indicator WHERE project_id = 'seed003' AND code = 'B12'),
	50::numeric, 'money: the execution-rate indicator keeps 50%');
INSERT INTO perfeval.allocation (project_id, department, fund_level, unit, budget, arrived, spent)
VALUES ('seed003', '测试部门', '其他', '元', 1000000, 500000, 0);
SELECT ok(pg_temp.state_ok(), 'money: state equals the facts after an insert in 元');
UPDATE perfeval.scheme SET execution_base = 'budget'
 WHERE scheme_id = (SELECT scheme_id FROM perfeval.project WHERE project_id = 'seed003');
SELECT ok(pg_temp.state_ok(), 'money: changing a scheme''s execution base recomputes execution rates');
DELETE FROM perfeval.allocation WHERE project_id = 'seed003';
SELECT ok(pg_temp.state_ok() AND NOT EXISTS (SELECT FROM perfeval.project_money WHERE project_id = 'seed003'),
	'money: deleting every allocation clears the project''s money');
SAVEPOINT before_truncate;
TRUNCATE perfeval.allocation;
SELECT ok(pg_temp.state_ok(), 'money: state equals the facts after TRUNCATE');
ROLLBACK TO SAVEPOINT before_truncate;

-- indicators: a money indicator added after the money, a source changed
INSERT INTO perfeval.indicator (project_id, code, level1, level2, name, weight, target, source)
VALUES ('seed001', 'T1', '过程', '资金管理', '测试到位率', 1, '100%', 'arrival_rate');
SELECT is((SELECT rate FROM perfeval.indicator WHERE project_id = 'seed001' AND code = 'T1'),
	100::numeric, 'indicator: a money indicator inserted after its money gets its rate');
UPDATE perfeval.indicator SET source = 'execution_rate' WHERE project_id = 'seed001' AND code = 'T1';
UPDATE perfeval.indicator SET source = 'actual' WHERE project_id = 'seed001' AND code = 'C12';
SELECT ok(pg_temp.state_ok(), 'indicator: changing sources keeps the rates right');

-- a kept column written by hand is refused, naming the columns
SELECT throws_ok(
	$$UPDATE perfeval.indicator SET deducted = 42, actual_measure = '1家', weight = weight
	   WHERE project_id = 'seed001' AND code = 'C11'$$,
	'428C9', 'cannot write actual_measure, deducted of perfeval.indicator by hand',
	'a kept indicator column written by hand is refused');
SELECT throws_ok(
	$$UPDATE perfeval.project SET money_budget = 1 WHERE project_id = 'seed001'$$,
	'428C9', 'cannot write money_budget of perfeval.project by hand',
	'a kept project column written by hand is refused');
SELECT lives_ok(
	$$UPDATE perfeval.indicator SET rate = rate, deducted = deducted WHERE project_id = 'seed001'$$,
	'…but writing a kept column back unchanged is not');
SELECT ok(pg_temp.state_ok(), '…and nothing of the refused statements is kept');
-- state that disagrees with the facts (written with the guard off, as a
-- restore of a bad dump would) is put right by refresh_state()
SET LOCAL perfeval.keeping_state = 'on';
UPDATE perfeval.indicator SET deducted = 42, actual_measure = '1家' WHERE project_id = 'seed001' AND code = 'C11';
UPDATE perfeval.project SET money_budget = 1 WHERE project_id = 'seed001';
RESET perfeval.keeping_state;
SELECT ok(NOT pg_temp.state_ok(), 'kept columns that disagree with the facts are detected');
SELECT perfeval.refresh_state();
SELECT ok(pg_temp.state_ok(), 'refresh_state() recomputes every kept column');
SELECT throws_ok(
	$$UPDATE perfeval.indicator SET rate = 1 WHERE project_id = 'seed001' AND code = 'B11'$$,
	'428C9', NULL, '…and the guard is on again after it');

-- a loader that may insert actuals but not update indicators still keeps
-- the state (the trigger runs as the extension's owner; the unit check
-- reads the indicators as the loader)
CREATE ROLE perfeval_loader_test;
GRANT USAGE ON SCHEMA perfeval TO perfeval_loader_test;
GRANT INSERT ON perfeval.actual TO perfeval_loader_test;
GRANT SELECT ON perfeval.indicator TO perfeval_loader_test;
SET ROLE perfeval_loader_test;
INSERT INTO perfeval.actual (project_id, code, reported_on, measure)
VALUES ('seed001', 'C11', '2099-02-01', '20家');
RESET ROLE;
SELECT is((SELECT actual_measure::text FROM perfeval.indicator WHERE project_id = 'seed001' AND code = 'C11'),
	'20家', 'a role that may not update indicators keeps the state by inserting actuals');

-- an earlier date reads the facts, not the kept state
SELECT is((SELECT actual FROM perfeval.indicator_scores_as_of('2099-01-15')
			WHERE project_id = 'seed001' AND code = 'C11'),
	(SELECT measure::text FROM perfeval.actual WHERE project_id = 'seed001' AND code = 'C11'
	   AND reported_on <= '2099-01-15' ORDER BY reported_on DESC LIMIT 1),
	'indicator_scores_as_of(an earlier date) reads the actual reported by then');

SELECT * FROM finish();
ROLLBACK;
