-- pgTAP: the state perfeval keeps (perfeval_internal.project_state, section
-- 45) always equals a from-scratch computation from the facts, after every
-- kind of write to every table; the scores read from it equal the scores
-- computed from the facts directly; and nothing but perfeval can write it.
-- Everything is undone by the ROLLBACK.
BEGIN;
SELECT plan(73);

-- The state recomputed from scratch: one row per project, each part from
-- its fact table alone.
CREATE TEMP VIEW expected_state AS
SELECT p.project_id, p.scheme_id,
	   (SELECT perfeval.actual_state(a.code, a.reported_on, a.measure, a.tier, a.fraction,
									 a.deviation_note IS NOT NULL)
		  FROM perfeval.actual a WHERE a.project_id = p.project_id)::text AS actuals,
	   (SELECT perfeval.checklist_state(c.code, c.points, c.deduction)
		  FROM perfeval.checklist_point c WHERE c.project_id = p.project_id)::text AS checklist,
	   (SELECT perfeval.survey_state(r.code, r.option_no, r.respondents, r.coefficient)
		  FROM perfeval.survey_response r WHERE r.project_id = p.project_id)::text AS survey,
	   (SELECT perfeval.notes_state(a.code, a.reported_on, a.deviation_note)
		  FROM perfeval.actual a WHERE a.project_id = p.project_id)::text AS actual_notes,
	   (SELECT perfeval.notes_state(c.code, NULL, c.description || '：' || coalesce(c.reason, '未说明理由')
									ORDER BY c.code, c.point_no) FILTER (WHERE c.deduction > 0)
		  FROM perfeval.checklist_point c WHERE c.project_id = p.project_id)::text AS checklist_reasons,
	   (SELECT count(*) FROM perfeval.allocation a WHERE a.project_id = p.project_id)::int AS allocations,
	   m.initial_budget, m.budget, m.arrived, m.spent,
	   -- the dated money: (line, day) and (budget, spent) in 万元 per report
	   (SELECT array_agg(ARRAY[y.l, y.d] ORDER BY y.l, y.d) FROM
			(SELECT dense_rank() OVER (ORDER BY e.department, e.fund_level)::int AS l,
					e.reported_on - date '2000-01-01' AS d FROM perfeval.execution e
			  WHERE e.project_id = p.project_id) y)::text AS execution_days,
	   (SELECT array_agg(ARRAY[y.b, y.s] ORDER BY y.l, y.d) FROM
			(SELECT dense_rank() OVER (ORDER BY e.department, e.fund_level)::int AS l,
					e.reported_on AS d, perfeval.wanyuan(e.budget, e.unit) AS b, perfeval.wanyuan(e.spent, e.unit) AS s
			   FROM perfeval.execution e WHERE e.project_id = p.project_id) y)::text AS execution_money
  FROM perfeval.project p
  LEFT JOIN perfeval.allocation_summary m ON m.project_id = p.project_id AND m.row_kind = '合计';

CREATE TEMP VIEW kept_state AS
SELECT project_id, scheme_id, actuals::text, checklist::text, survey::text,
	   actual_notes::text, checklist_reasons::text, allocations,
	   money_initial_budget, money_budget, money_arrived, money_spent,
	   execution_days::text, execution_money::text
  FROM perfeval_internal.project_state;

-- The state is right when neither side has a row the other lacks.
CREATE FUNCTION pg_temp.state_ok() RETURNS boolean LANGUAGE sql AS $$
	SELECT NOT EXISTS ((SELECT * FROM kept_state EXCEPT SELECT * FROM expected_state)
					   UNION ALL (SELECT * FROM expected_state EXCEPT SELECT * FROM kept_state))
$$;

-- Each indicator's score from the facts directly (the latest actual by
-- DISTINCT ON, deductions by sum, rates by satisfaction() and
-- execution_rate()), through row_score(): what the state's packing and
-- lookup must reproduce.
CREATE TEMP VIEW scores_from_facts AS
SELECT i.project_id, i.code,
	   perfeval.row_score(i.weight, i.applicable, i.source, i.target, la.measure, la.tier,
		   la.fraction, i.method,
		   (SELECT sum(c.deduction) FROM perfeval.checklist_point c
			 WHERE c.project_id = i.project_id AND c.code = i.code),
		   CASE i.source
			   WHEN 'survey' THEN
				   (SELECT perfeval.satisfaction(array_agg(r.respondents ORDER BY r.option_no),
						   array_agg(coalesce(r.coefficient, s.satisfaction_coefficients[r.option_no])
									 ORDER BY r.option_no))
					  FROM perfeval.survey_response r WHERE r.project_id = i.project_id AND r.code = i.code)
			   WHEN 'arrival_rate' THEN m.arrival_rate
			   WHEN 'execution_rate' THEN m.execution_rate END,
		   s.reverse_rule, s.decimals, s.rounding, s.tier_high, s.tier_low) AS score
  FROM perfeval.indicator i
  JOIN perfeval.project p ON p.project_id = i.project_id
  JOIN perfeval.scheme s ON s.scheme_id = p.scheme_id
  LEFT JOIN (SELECT DISTINCT ON (a.project_id, a.code) a.*
			   FROM perfeval.actual a ORDER BY a.project_id, a.code, a.reported_on DESC) la
		 ON la.project_id = i.project_id AND la.code = i.code
  LEFT JOIN perfeval.allocation_summary m ON m.project_id = i.project_id AND m.row_kind = '合计';
CREATE FUNCTION pg_temp.scores_ok() RETURNS boolean LANGUAGE sql AS $$
	SELECT NOT EXISTS (SELECT FROM scores_from_facts f
						 JOIN perfeval.indicator_scores v USING (project_id, code)
						WHERE f.score IS DISTINCT FROM v.score)
$$;

-- The notes shown beside a score, against the facts directly: the latest
-- actual's deviation note, and every deducted checklist point's reason
-- quoted in its indicator's explanation.
CREATE FUNCTION pg_temp.notes_ok() RETURNS boolean LANGUAGE sql AS $$
	SELECT NOT EXISTS (SELECT FROM perfeval.indicator_scores v
						 LEFT JOIN perfeval.latest_actual la USING (project_id, code)
						WHERE v.deviation_note IS DISTINCT FROM la.deviation_note)
	   AND NOT EXISTS (SELECT FROM perfeval.checklist_point c
						 JOIN perfeval.indicator_scores v USING (project_id, code)
						WHERE v.source = 'checklist' AND c.deduction > 0
						  AND strpos(v.explanation, c.description || '：' || coalesce(c.reason, '未说明理由')) = 0)
$$;

SELECT ok(pg_temp.state_ok(), 'after loading the four samples the kept state equals the facts');
SELECT ok(pg_temp.notes_ok() AND EXISTS (SELECT FROM perfeval.indicator_scores WHERE deviation_note IS NOT NULL)
		  AND EXISTS (SELECT FROM perfeval.checklist_point WHERE deduction > 0),
	'…and so do the deviation notes and deduction reasons shown beside the scores');
SELECT ok(pg_temp.scores_ok(), '…and every indicator scores as its facts say');
SELECT ok((SELECT count(*) FILTER (WHERE actuals IS NOT NULL) = 3 AND count(*) FILTER (WHERE checklist IS NOT NULL) = 2
				  AND count(*) FILTER (WHERE survey IS NOT NULL) = 1 AND count(*) FILTER (WHERE allocations > 0) = 4
			 FROM perfeval_internal.project_state),
	'the samples give kept actuals, checklists, surveys and money to check');

-- actual: a newer report replaces the kept one, an older one does not
INSERT INTO perfeval.actual (project_id, code, reported_on, measure)
VALUES ('seed001', 'C11', '2099-01-01', '40家');
SELECT is((SELECT score FROM perfeval.indicator_scores WHERE project_id = 'seed001' AND code = 'C11'),
	9.76, 'actual: the score follows the newer report (40÷41 of 10 points)');
INSERT INTO perfeval.actual (project_id, code, reported_on, measure)
VALUES ('seed001', 'C11', '1999-01-01', '1家');
SELECT is((SELECT actual FROM perfeval.indicator_scores WHERE project_id = 'seed001' AND code = 'C11'),
	'40家', 'actual: an older report leaves the latest');
SELECT ok(pg_temp.state_ok() AND pg_temp.scores_ok(), 'actual: state equals the facts after inserts');
UPDATE perfeval.actual SET deviation_note = '测试偏差' WHERE project_id = 'seed001' AND code = 'C11' AND reported_on = '2099-01-01';
SELECT ok(pg_temp.notes_ok() AND (SELECT deviation_note = '测试偏差' FROM perfeval.indicator_scores
								   WHERE project_id = 'seed001' AND code = 'C11'),
	'actual: a new deviation note is shown with its report');
UPDATE perfeval.actual SET measure = '39家' WHERE project_id = 'seed001' AND code = 'C11' AND reported_on = '2099-01-01';
SELECT ok(pg_temp.state_ok() AND pg_temp.scores_ok(), 'actual: state equals the facts after an update');
UPDATE perfeval.actual SET reported_on = '1990-01-01' WHERE project_id = 'seed001' AND code = 'C11' AND reported_on = '2099-01-01';
SELECT ok(pg_temp.state_ok(), 'actual: moving the latest report back in time keeps the state right');
SELECT is((SELECT actual FROM perfeval.indicator_scores_as_of('1995-01-01') WHERE project_id = 'seed001' AND code = 'C11'),
	'39家', 'actual: the dated form takes the report known on its date');
DELETE FROM perfeval.actual WHERE project_id = 'seed001' AND code = 'C11' AND reported_on < '2000-01-01';
SELECT is((SELECT score FROM perfeval.indicator_scores WHERE project_id = 'seed001' AND code = 'C11'),
	10::numeric, 'actual: deleting the added reports restores the report''s 10 points');
SELECT ok(pg_temp.state_ok(), 'actual: state equals the facts after deletes');
-- MERGE: inserts, updates and deletes in one statement
CREATE TEMP TABLE merge_source (project_id text, code text, reported_on date, measure perfeval.measure, del boolean);
INSERT INTO merge_source
SELECT project_id, code, reported_on, '1家'::perfeval.measure, false FROM perfeval.actual WHERE project_id = 'seed001' AND code = 'C11'
UNION ALL SELECT 'seed001', 'C11', '2098-01-01', '20家'::perfeval.measure, false
UNION ALL (SELECT project_id, code, reported_on, NULL, true FROM perfeval.actual WHERE project_id = 'seed002' LIMIT 3);
MERGE INTO perfeval.actual a USING merge_source m
   ON a.project_id = m.project_id AND a.code = m.code AND a.reported_on = m.reported_on
 WHEN MATCHED AND m.del THEN DELETE
 WHEN MATCHED THEN UPDATE SET measure = m.measure
 WHEN NOT MATCHED THEN INSERT (project_id, code, reported_on, measure) VALUES (m.project_id, m.code, m.reported_on, m.measure);
SELECT ok(pg_temp.state_ok() AND pg_temp.scores_ok()
		  AND (SELECT actual = '20家' FROM perfeval.indicator_scores WHERE project_id = 'seed001' AND code = 'C11'),
	'actual: a MERGE that inserts, updates and deletes keeps the state');
SELECT is((SELECT count(*) FILTER (WHERE del) FROM merge_source), 3::bigint, '…(the MERGE deleted three of seed002''s reports)');
DELETE FROM perfeval.actual WHERE reported_on = '2098-01-01';
SAVEPOINT before_truncate;
TRUNCATE perfeval.actual;
SELECT is((SELECT count(*) FROM perfeval_internal.project_state WHERE actuals IS NOT NULL), 0::bigint,
	'actual: TRUNCATE clears every kept actual');
SELECT ok(pg_temp.state_ok() AND pg_temp.scores_ok(), 'actual: state equals the facts after TRUNCATE');
ROLLBACK TO SAVEPOINT before_truncate;

-- a project with hundreds of reports: its state is stored out of line
-- (fetched once per query, not per indicator) and still scores right
INSERT INTO perfeval.actual (project_id, code, reported_on, measure)
SELECT 'seed001', 'C11', date '2030-01-01' + k, ((k % 50) || '家')::perfeval.measure FROM generate_series(1, 400) k;
SELECT ok((SELECT pg_column_size(actuals) > 4000 FROM perfeval_internal.project_state WHERE project_id = 'seed001'),
	'a state of 400 reports is large enough to be stored out of line');
SELECT ok(pg_temp.state_ok() AND pg_temp.scores_ok(), '…and the project still scores as its facts say');
SELECT is((SELECT actual FROM perfeval.indicator_scores_as_of('2030-01-15') WHERE project_id = 'seed001' AND code = 'C11'),
	'14家', '…on any date');
DELETE FROM perfeval.actual WHERE project_id = 'seed001' AND reported_on >= '2030-01-01';

-- checklist points
INSERT INTO perfeval.checklist_point (project_id, code, point_no, description, deduction, reason)
SELECT project_id, code, 99, '测试要点', 0.5, '测试' FROM perfeval.indicator
 WHERE project_id = 'seed003' AND source = 'checklist' ORDER BY code LIMIT 1;
SELECT ok(pg_temp.state_ok() AND pg_temp.scores_ok(), 'checklist: state equals the facts after an insert');
UPDATE perfeval.checklist_point SET deduction = 1, reason = NULL WHERE point_no = 99;
SELECT ok(pg_temp.state_ok() AND pg_temp.scores_ok(), 'checklist: state equals the facts after an update');
SELECT ok(pg_temp.notes_ok() AND EXISTS (SELECT FROM perfeval.indicator_scores WHERE explanation LIKE '%测试要点：未说明理由%'),
	'checklist: a changed deduction reason is quoted in the explanation');
DELETE FROM perfeval.checklist_point WHERE point_no = 99;
SELECT ok(pg_temp.state_ok(), 'checklist: state equals the facts after a delete');
SAVEPOINT before_truncate;
TRUNCATE perfeval.checklist_point;
SELECT ok(pg_temp.state_ok() AND NOT EXISTS (SELECT FROM perfeval_internal.project_state WHERE checklist IS NOT NULL),
	'checklist: TRUNCATE clears every kept deduction');
ROLLBACK TO SAVEPOINT before_truncate;

-- survey responses, and the scheme coefficients they borrow (read when
-- scoring, never kept)
UPDATE perfeval.survey_response SET respondents = respondents + 7
 WHERE (project_id, code, option_no) = (SELECT project_id, code, min(option_no) FROM perfeval.survey_response
										 GROUP BY 1, 2 ORDER BY 1, 2 LIMIT 1);
SELECT ok(pg_temp.state_ok() AND pg_temp.scores_ok(), 'survey: state equals the facts after an update');
INSERT INTO perfeval.scheme (scheme_id, name, satisfaction_coefficients) VALUES ('test', 'test', '{1,0.5,0.2,0,0}');
UPDATE perfeval.survey_response SET coefficient = NULL;
UPDATE perfeval.project SET scheme_id = 'test' WHERE project_id IN (SELECT project_id FROM perfeval.survey_response);
SELECT ok(pg_temp.state_ok() AND pg_temp.scores_ok(), 'survey: a project moved to another scheme scores by its coefficients');
UPDATE perfeval.scheme SET satisfaction_coefficients = '{1,0.9,0.1,0,0}' WHERE scheme_id = 'test';
SELECT ok(pg_temp.scores_ok(), 'survey: a scheme''s new coefficients are read at once');
DELETE FROM perfeval.survey_response WHERE option_no = 1;
SELECT ok(pg_temp.state_ok() AND pg_temp.scores_ok(), 'survey: state equals the facts after a delete');

-- money
UPDATE perfeval.allocation SET spent = spent / 2 WHERE project_id = 'seed003';
SELECT ok(pg_temp.state_ok(), 'money: state equals the facts after an update');
SELECT is((SELECT execution_rate FROM perfeval.project_money WHERE project_id = 'seed003'),
	50::numeric, 'money: half spent gives a 50% execution rate from the kept sums');
SELECT is((SELECT score FROM perfeval.indicator_scores WHERE project_id = 'seed003' AND code = 'B12'),
	3::numeric, 'money: the execution-rate indicator scores 50% of 6 points');
INSERT INTO perfeval.allocation (project_id, department, fund_level, unit, budget, arrived, spent)
VALUES ('seed003', '测试部门', '其他', '元', 1000000, 500000, 0);
SELECT ok(pg_temp.state_ok() AND pg_temp.scores_ok(), 'money: state equals the facts after an insert in 元');
UPDATE perfeval.scheme SET execution_base = 'budget'
 WHERE scheme_id = (SELECT scheme_id FROM perfeval.project WHERE project_id = 'seed003');
SELECT ok(pg_temp.scores_ok(), 'money: a scheme''s new execution base is read at once');
DELETE FROM perfeval.allocation WHERE project_id = 'seed003';
SELECT ok(pg_temp.state_ok() AND NOT EXISTS (SELECT FROM perfeval.project_money WHERE project_id = 'seed003'),
	'money: deleting every allocation clears the project''s money');
SAVEPOINT before_truncate;
TRUNCATE perfeval.allocation;
SELECT ok(pg_temp.state_ok() AND pg_temp.scores_ok(), 'money: state equals the facts after TRUNCATE');
ROLLBACK TO SAVEPOINT before_truncate;

-- dated money (1.16): each project's reports kept as a series, which
-- money_on() reads at any date as the facts give it: per department and
-- fund level the latest report by then, summed
CREATE TEMP VIEW money_from_facts AS
SELECT d.day, l.project_id, max(l.reported_on) AS reported_on, sum(perfeval.wanyuan(l.budget, l.unit)) AS budget,
	   sum(perfeval.wanyuan(l.spent, l.unit)) AS spent
  FROM (VALUES (date '2024-01-31'), ('2024-03-15'), ('2024-06-30'), ('2024-07-01'), ('2024-12-31')) d(day)
 CROSS JOIN LATERAL (SELECT DISTINCT ON (e.project_id, e.department, e.fund_level) e.*
					   FROM perfeval.execution e WHERE e.reported_on <= d.day
					  ORDER BY e.project_id, e.department, e.fund_level, e.reported_on DESC) l
 GROUP BY d.day, l.project_id;
CREATE FUNCTION pg_temp.money_ok() RETURNS boolean LANGUAGE sql AS $$
	SELECT NOT EXISTS ((SELECT f.* FROM money_from_facts f
						EXCEPT SELECT d.day, st.project_id, m.reported_on, m.budget, m.spent
								 FROM (SELECT DISTINCT day FROM money_from_facts) d
								CROSS JOIN perfeval_internal.project_state st
								CROSS JOIN LATERAL perfeval_internal.money_on(st.execution_days, st.execution_money, d.day, NULL) m
								WHERE m.reported_on IS NOT NULL)
					   UNION ALL
					   (SELECT d.day, st.project_id, m.reported_on, m.budget, m.spent
						  FROM (SELECT DISTINCT day FROM money_from_facts) d
						 CROSS JOIN perfeval_internal.project_state st
						 CROSS JOIN LATERAL perfeval_internal.money_on(st.execution_days, st.execution_money, d.day, NULL) m
						 WHERE m.reported_on IS NOT NULL
						EXCEPT SELECT * FROM money_from_facts))
$$;
INSERT INTO perfeval.execution (project_id, department, fund_level, reported_on, unit, budget, spent)
SELECT 'seed003', dep, lvl, (date '2024-01-01' + (k || ' month')::interval - interval '1 day')::date,
	   CASE WHEN lvl = '省级' THEN '元' ELSE '万元' END,
	   CASE WHEN lvl = '省级' THEN 2000000 ELSE 80 END, CASE WHEN lvl = '省级' THEN 150000 * k ELSE 5 * k END
  FROM generate_series(1, 12, 2) k, (VALUES ('测试局', '省级'), ('测试局', '市级'), ('另一局', '市级')) l(dep, lvl);
SELECT ok(pg_temp.state_ok() AND pg_temp.money_ok()
		  AND (SELECT array_length(execution_days, 1) = 18 FROM perfeval_internal.project_state WHERE project_id = 'seed003'),
	'dated money: state equals the facts after an insert, and reads at each date as the facts give it');
SELECT results_eq($$SELECT reported_on, budget, spent, key_budget, key_spent
					  FROM perfeval_internal.money_on((SELECT execution_days FROM perfeval_internal.project_state WHERE project_id = 'seed003'),
													 (SELECT execution_money FROM perfeval_internal.project_state WHERE project_id = 'seed003'),
													 '2024-08-15', '2024-03-31')$$,
	$$VALUES (date '2024-07-31', 360::numeric, 175::numeric, 360::numeric, 75::numeric)$$,
	'dated money: in August the July reports (200 + 80 + 80 万元, 105 + 35 + 35 spent), on the key day March''s (45 + 15 + 15)');
UPDATE perfeval.execution SET spent = spent + 1 WHERE project_id = 'seed003' AND fund_level = '市级' AND reported_on = '2024-05-31';
DELETE FROM perfeval.execution WHERE project_id = 'seed003' AND department = '另一局' AND reported_on > '2024-06-01';
SELECT ok(pg_temp.state_ok() AND pg_temp.money_ok(), 'dated money: state equals the facts after an update and a delete');
UPDATE perfeval.execution SET department = '另一局'
 WHERE project_id = 'seed003' AND department = '测试局' AND fund_level = '市级' AND reported_on > '2024-06-01';
SELECT ok(pg_temp.state_ok() AND pg_temp.money_ok(), 'dated money: …and after lines merge');
SAVEPOINT before_truncate;
TRUNCATE perfeval.execution;
SELECT ok(pg_temp.state_ok() AND NOT EXISTS (SELECT FROM perfeval_internal.project_state WHERE execution_days IS NOT NULL),
	'dated money: TRUNCATE clears every kept series');
ROLLBACK TO SAVEPOINT before_truncate;
-- a series given by hand is read only in the shape the state writes
SELECT throws_ok($$SELECT perfeval_internal.money_on('{{1,10},{1,5}}', '{{1,1},{2,2}}', '2024-01-01', NULL)$$,
	'XX001', 'invalid execution series: not sorted by line and date', 'money_on(): dates out of order are refused');
SELECT throws_ok($$SELECT perfeval_internal.money_on('{{2,10},{1,50}}', '{{1,1},{2,2}}', '2024-01-01', NULL)$$,
	'XX001', NULL, '…and lines out of order');
SELECT throws_ok($$SELECT perfeval_internal.money_on('{1,10}', '{1,1}', '2024-01-01', NULL)$$,
	'XX001', NULL, '…and an array that is not of pairs');
SELECT throws_ok($$SELECT perfeval_internal.money_on('{{1,10}}', '{{1,NULL}}', '2024-01-01', NULL)$$,
	'XX001', NULL, '…and a NULL amount');
SELECT throws_ok($$SELECT perfeval_internal.money_on('{{1,10},{1,11}}', '{{1,1}}', '2024-01-01', NULL)$$,
	'XX001', NULL, '…and dates and amounts that differ in number');
SELECT is((SELECT m.reported_on FROM perfeval_internal.money_on('{{1,10}}', '{{1,1}}', '2000-01-05', NULL) m),
	NULL, 'money_on(): nothing reported by the day gives NULL');

-- indicators: a money indicator added after the money (1.2 missed it when
-- inserted from a trigger), a source changed
CREATE FUNCTION pg_temp.add_indicator() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO perfeval.indicator (project_id, code, level1, level2, name, weight, target, source)
	VALUES (NEW.project_id, 'T2', '过程', '资金管理', '测试到位率', 1, '100%', 'arrival_rate');
	RETURN NULL;
END $$;
CREATE TEMP TABLE trigger_source (project_id text);
CREATE TRIGGER add_indicator AFTER INSERT ON trigger_source FOR EACH ROW EXECUTE FUNCTION pg_temp.add_indicator();
INSERT INTO trigger_source VALUES ('seed001');
INSERT INTO perfeval.indicator (project_id, code, level1, level2, name, weight, target, source)
VALUES ('seed001', 'T1', '过程', '资金管理', '测试到位率', 1, '100%', 'arrival_rate');
SELECT results_eq($$SELECT code, actual, score FROM perfeval.indicator_scores WHERE project_id = 'seed001' AND code IN ('T1', 'T2') ORDER BY 1$$,
	$$VALUES ('T1', '100%', 1::numeric), ('T2', '100%', 1::numeric)$$,
	'indicator: a money indicator added after its money, from a statement or a trigger, scores from it');
UPDATE perfeval.indicator SET source = 'execution_rate' WHERE project_id = 'seed001' AND code = 'T1';
UPDATE perfeval.indicator SET source = 'actual' WHERE project_id = 'seed001' AND code = 'C12';
SELECT ok(pg_temp.scores_ok(), 'indicator: changed sources score from their new source');

-- projects: a state row each, following its scheme; gone with it
INSERT INTO perfeval.project (project_id, name, year, division_code, department, evaluation_kind)
VALUES ('t1', '测试', 2024, '650100', '测试局', '单位自评');
SELECT ok(pg_temp.state_ok() AND EXISTS (SELECT FROM perfeval_internal.project_state WHERE project_id = 't1'),
	'project: a new project has its state row');
UPDATE perfeval.project SET scheme_id = 'test' WHERE project_id = 't1';
SELECT ok(pg_temp.state_ok(), 'project: its state row follows its scheme');
UPDATE perfeval.project SET project_id = 't2' WHERE project_id = 't1';
SELECT ok(pg_temp.state_ok(), 'project: its state row follows its key');
DELETE FROM perfeval.project WHERE project_id IN ('t2', 'seed002');
SELECT ok(pg_temp.state_ok() AND pg_temp.scores_ok(), 'project: deleting projects (facts cascading) removes their state');

-- a target changed to a unit its actuals cannot be compared with is
-- refused, naming the indicator (1.2 accepted it, and a restore then
-- refused the whole actual table)
SELECT throws_ok(
	$$UPDATE perfeval.indicator SET target = '≥5家' WHERE project_id = 'seed003' AND code = 'C41'$$,
	'22023', 'actual "1000万元/家" of indicator C41 cannot be compared with its target "≥5家"',
	'a target its actuals cannot be compared with is refused');
SELECT lives_ok(
	$$UPDATE perfeval.indicator SET target = '≤900万元/家' WHERE project_id = 'seed003' AND code = 'C41'$$,
	'…a comparable one is not');

-- nothing but perfeval writes the state: not the owner, not a setting, not
-- a trigger of a user's
SELECT throws_ok($$UPDATE perfeval_internal.project_state SET actuals = NULL WHERE project_id = 'seed001'$$,
	'428C9', 'cannot write perfeval_internal.project_state', 'the state cannot be updated by hand, even by its owner');
SELECT throws_ok($$INSERT INTO perfeval_internal.project_state (project_id, scheme_id) VALUES ('forged', 'national')$$,
	'428C9', NULL, '…nor inserted');
SELECT throws_ok($$DELETE FROM perfeval_internal.project_state$$, '428C9', NULL, '…nor deleted');
SELECT throws_ok($$TRUNCATE perfeval_internal.project_state$$, '428C9', NULL, '…nor truncated');
SET LOCAL perfeval.keeping_state = 'on';
SELECT throws_ok($$UPDATE perfeval_internal.project_state SET allocations = 9$$, '428C9', NULL,
	'…whatever is set (1.2''s perfeval.keeping_state opened its guard)');
RESET perfeval.keeping_state;
CREATE FUNCTION pg_temp.forge() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE perfeval_internal.project_state SET money_budget = 1;
	RETURN NULL;
END $$;
CREATE TRIGGER zz_forge AFTER INSERT ON perfeval.actual FOR EACH STATEMENT EXECUTE FUNCTION pg_temp.forge();
SELECT throws_ok($$INSERT INTO perfeval.actual (project_id, code, reported_on, measure) VALUES ('seed001', 'C11', '2099-03-01', '41家')$$,
	'428C9', NULL, '…from a user''s own trigger either');
DROP TRIGGER zz_forge ON perfeval.actual;
CREATE ROLE perfeval_other_test;
GRANT CREATE, USAGE ON SCHEMA public TO perfeval_other_test;
SET ROLE perfeval_other_test;
CREATE TABLE public.other_table (project_id text);
SELECT throws_ok($$CREATE TRIGGER steal AFTER INSERT ON public.other_table FOR EACH STATEMENT
					 EXECUTE FUNCTION perfeval_internal.keep_facts()$$,
	'42501', NULL, 'perfeval''s trigger functions are not for others'' tables (no EXECUTE for PUBLIC)');
RESET ROLE;
CREATE TRIGGER steal AFTER INSERT ON public.other_table REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION perfeval_internal.keep_facts();
SELECT throws_ok($$INSERT INTO public.other_table VALUES ('seed001')$$, '39P01', NULL,
	'…and, attached anyway by a superuser, it refuses to run');
SELECT ok(pg_temp.state_ok() AND pg_temp.scores_ok(), 'nothing of the refused statements is kept');

-- an INSERT cannot forge a score: no derived column is left to write
SELECT is((SELECT count(*) FROM information_schema.columns
			WHERE table_schema = 'perfeval' AND table_name IN ('indicator', 'project')
			  AND column_name IN ('actual_on', 'actual_measure', 'deducted', 'rate', 'money_budget')),
	0::bigint, 'the tables users write hold facts only');

-- a loader that may insert actuals keeps the state (the trigger runs as the
-- extension's owner), and reads it through no privilege of its own
CREATE ROLE perfeval_loader_test;
SELECT lives_ok($$SELECT perfeval.grant_access('perfeval_loader_test', may_load => true)$$,
	'a loader is granted the whole warehouse, with loading');
SET ROLE perfeval_loader_test;
INSERT INTO perfeval.actual (project_id, code, reported_on, measure)
VALUES ('seed001', 'C11', '2099-02-01', '20家');
SELECT throws_ok($$SELECT * FROM perfeval_internal.project_state$$, '42501', NULL,
	'a loader cannot read the kept state itself');
RESET ROLE;
SELECT ok(pg_temp.state_ok() AND pg_temp.scores_ok(), 'a loader''s insert keeps the state');

-- state that disagrees with the facts (as after a data-only restore with
-- triggers disabled) is put right by refresh_state()
ALTER TABLE perfeval.actual DISABLE TRIGGER keep_state_insert;
INSERT INTO perfeval.actual (project_id, code, reported_on, measure) VALUES ('seed001', 'C11', '2099-04-01', '1家');
ALTER TABLE perfeval.actual ENABLE ALWAYS TRIGGER keep_state_insert;
SELECT ok(NOT pg_temp.state_ok(), 'a state that disagrees with the facts is detected');
SELECT is(perfeval.refresh_state(), 3::bigint, 'refresh_state() recomputes every project with facts');
SELECT ok(pg_temp.state_ok() AND pg_temp.scores_ok(), '…and the state equals the facts again');

-- 1.16: the kept state's statements and the import's never pay a JIT
-- compilation (each is keyed by a few projects; a stale estimate once made
-- every chunk of an import compile for 0.3 s)
SELECT is(ARRAY(SELECT p.proname::text FROM pg_proc p
				 WHERE p.oid IN ('perfeval_internal.keep_facts()'::regprocedure, 'perfeval_internal.keep_projects()'::regprocedure,
								 'perfeval_internal.check_targets()'::regprocedure, 'perfeval_internal.keep_now()'::regprocedure,
								 'perfeval.import_forms()'::regprocedure)
				   AND 'jit=off' = ANY (p.proconfig) ORDER BY 1),
		  ARRAY['check_targets', 'import_forms', 'keep_facts', 'keep_now', 'keep_projects'],
		  'the kept state''s triggers, keep_now() and import_forms() run without JIT');
-- and the keyed ones without sequential scans (a stale estimate once made
-- each chunk scan the project table once per key)
SELECT is(ARRAY(SELECT p.proname::text FROM pg_proc p
				 WHERE p.oid IN ('perfeval_internal.keep_facts()'::regprocedure, 'perfeval_internal.keep_projects()'::regprocedure,
								 'perfeval_internal.check_targets()'::regprocedure, 'perfeval_internal.keep_now()'::regprocedure,
								 'perfeval_internal.bulk_insert(regclass, text, text, bigint, bigint)'::regprocedure)
				   AND 'enable_seqscan=off' = ANY (p.proconfig) ORDER BY 1),
		  ARRAY['bulk_insert', 'check_targets', 'keep_facts', 'keep_now', 'keep_projects'],
		  'the kept state''s keyed statements and bulk_insert() use no sequential scans');

SELECT * FROM finish();
ROLLBACK;
