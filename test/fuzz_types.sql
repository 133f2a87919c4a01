-- test/fuzz_types.sql: feed every perfeval type mutated binary payloads
-- through COPY ... FORMAT binary and mutated text literals through INSERT,
-- deterministically (setseed), and fail on any SQLSTATE but the expected
-- refusal, on any XX000, and on any accepted value that does not round-trip
-- (text: out -> in gives the same value; binary: send -> COPY FORMAT binary
-- -> recv gives the same value, and a value received prints as one that
-- text input reads back).  Run by test/fuzz_types.sh, which also watches
-- the server for a crash.  psql variables: n (payloads and literals per
-- type, default 5000).
\set ON_ERROR_STOP 1
\if :{?n}
\else
\set n 5000
\endif
SET client_min_messages = warning;
SELECT set_config('fuzz.n', :'n', false) AS n \gset
DROP SCHEMA IF EXISTS fuzz CASCADE;
CREATE SCHEMA fuzz;

-- The types, how each refuses, and valid values to mutate.  send: the
-- type's send function, NULL when it has none (then the text's bytes seed
-- the binary payloads).  bin_state / text_state: the only SQLSTATE a refused
-- payload / literal may raise: 22P03 and 22P02, or 0A000 for the values
-- perfeval derives and never takes as input (rules, state, evaluation), and
-- 42883 for a binary COPY into a type without a receive function at all.
CREATE TABLE fuzz.kind (
	typ text PRIMARY KEY,
	send text,
	has_eq boolean NOT NULL,
	bin_state text NOT NULL,
	text_state text NOT NULL,
	seeds text[] NOT NULL
);
INSERT INTO fuzz.kind VALUES
('perfeval.target', 'perfeval.target_send', true, '22P03', '22P02', ARRAY[
	'=41家', '≥2000万元', '≥2000万元/家', '≤1000万元/家', '≥95%', '100%', '95', '5家', '735',
	'≤ 1000.00 万元/家', '$\geq 95\%$', '1,000', '不少于12 种', '95%以上', '不低于95％', '＞３',
	'不超过10天', '低于5次/月', '0.5亿元', '3万', '12,345.5元/人', '稳步增长', '有效加快', '-5%',
	'≤-5%', '１２，３４５．６７８９万元', '　≥ 5 人次/年　', '5公里以内', '999999999999.999999',
	'-0.000001', '高于去年', '5吨/年', '2024年10月底前', '2024年12月31日前', '2024-10-20',
	'≥2024年1月1日', '≥3.5万人', '不低于2,000 万元／家']),
('perfeval.measure', 'perfeval.measure_send', true, '22P03', '22P02', ARRAY[
	'57111万元/家', '=41家', '100%', '735', '5公里', '3 平方米', '完全达到预期目标', '达成', '部分达成',
	'未达成', '１２，３４５．６７８９万元', '-5%', '2024年10月20日', '2024-10-20', '0.000001',
	'999999999999.999999', '36200人', '2,000 万元／家']),
('perfeval.method', 'perfeval.method_send', true, '22P03', '22P02', ARRAY[
	'proportional', 'floor:60', 'all_or_nothing', 'deduct:1/5', 'deduct:0.5/1', '比例', '按比例',
	'达标得满分', '全有全无', '低于60%不得分', '每低5个百分点扣1分', '每少5个百分点扣1分',
	'FLOOR ： 60 %', 'floor:100', 'deduct:999999999999.999999/0.000001']),
('perfeval.grade_scale', 'perfeval.grade_scale_send', true, '22P03', '22P02', ARRAY[
	'优:90,良:80,中:60,差:0', 'A：90.5；B：0', '优秀:90，良好:75.5，合格:60，不合格:0', 'p:0',
	'A:0', '优:90, 良:80 ; 差:0']),
('perfeval.score_sum', 'perfeval.score_sum_send', false, '22P03', '22P02', ARRAY[
	'5,4,3,2,7000000,12500000,2,0', '0,0,0,-1,0,0,-1,0', '10,10,10,6,-5,1,6,1',
	'9223372036854775807,1,0,0,9223372036854775807,-9223372036854775807,-2,0']),
-- rules: its receive function refuses every payload (a scheme's rules are generated)
('perfeval.rules', NULL, false, '0A000', '0A000', ARRAY[
	'decimals=2 rounding=half_up reverse=ratio base=arrived tiers=80/60 over=110 coefficients=1/0.8/0.6/0.3/0',
	'decimals=0 rounding=truncate reverse=linear base=budget tiers=90/50 over=120 coefficients=1']),
-- state: binary only (1.16, Citus's shard moves), seeded with values of
-- each kind its aggregates write (below); evaluation: no receive function;
-- neither takes text
('perfeval.state', 'perfeval.state_send', false, '22P03', '0A000', ARRAY['', 'A1', '{}', '1,2,3']),
('perfeval.evaluation', NULL, false, '42883', '0A000', ARRAY[
	'applicable score=10 completion=100', '(t,0,0,t,10000000)']);
UPDATE fuzz.kind SET seeds = seeds || ARRAY(SELECT rules::text FROM perfeval.scheme) WHERE typ = 'perfeval.rules';

-- Fragments a mutation inserts: syntax, units, numbers at the limits, and
-- every kind of invisible character the types refuse.
CREATE TABLE fuzz.token (t text);
INSERT INTO fuzz.token SELECT unnest(ARRAY[
	'≥', '≤', '>=', '<=', '=', '＝', '＞', '不低于', '低于', '不超过', '以上', '以内', '$', '\geq', '\%',
	'%', '％', '万元', '万', '亿元', '元', '家', '人次', '/', '／', ',', '，', '.', '．', ':', '：', ';',
	'0', '9', '０', '999999999999', '9223372036854775807', '-9223372036854775808', '000000', '-', '+',
	'－', ' ', '　', E'\u00A0', 'floor', 'deduct', '不得分', '个百分点', '扣', '分', '优:90', '差:0',
	'年', '月', '日', '底', '前', '2024', '1900', '2100', '29', '31', '号', '稳步增长',
	E'\uFEFF', E'\u200B', E'\u200C', E'\u200D', E'\u200E', E'\u200F', E'\u2028', E'\u2029',
	E'\u202A', E'\u202E', E'\u2060', E'\u2064', E'\u2066', E'\u206F', E'\u00AD', E'\u061C',
	E'\u180E', E'\uFFF9', E'\U000E0001', E'\t', E'\n', E'\r', E'\x0b', E'\x01', E'\x1f', E'\x7f',
	E'\u0080', E'\u0085', E'\u009f']);

-- A deterministic random integer in [0, n).
CREATE FUNCTION fuzz.rnd(n int) RETURNS int LANGUAGE sql AS
	$$ SELECT floor(random() * n)::int $$;

-- n pseudo-random bytes.
CREATE FUNCTION fuzz.garbage(n int) RETURNS bytea LANGUAGE plpgsql AS $$
DECLARE
	b bytea := '\x';
BEGIN
	WHILE length(b) < n LOOP
		b := b || decode(md5(random()::text), 'hex');
	END LOOP;
	RETURN substr(b, 1, n);
END $$;

-- A token chosen at random.
CREATE FUNCTION fuzz.token_at(k int) RETURNS text LANGUAGE sql AS
	$$ SELECT t FROM fuzz.token ORDER BY t OFFSET k LIMIT 1 $$;
CREATE FUNCTION fuzz.random_token() RETURNS text LANGUAGE sql AS
	$$ SELECT fuzz.token_at(fuzz.rnd((SELECT count(*)::int FROM fuzz.token))) $$;
-- One random mutation of a binary payload: truncation, zero length,
-- extension, oversizing, byte and bit flips, 4- and 8-byte fields set huge,
-- negative or zero, a token (invisible characters included) spliced in as
-- UTF-8, a range deleted, or another seed's tail.
CREATE FUNCTION fuzz.mutate_bytes(p bytea, seeds bytea[]) RETURNS bytea LANGUAGE plpgsql AS $$
DECLARE
	n int := length(p);
	at int := fuzz.rnd(n + 1);
	o bytea;
BEGIN
	CASE fuzz.rnd(12)
	WHEN 0 THEN RETURN substr(p, 1, fuzz.rnd(n + 1));							-- truncate
	WHEN 1 THEN RETURN '\x'::bytea;												-- zero length
	WHEN 2 THEN RETURN p || fuzz.garbage(1 + fuzz.rnd(40));						-- extend
	WHEN 3 THEN RETURN p || fuzz.garbage(200 + fuzz.rnd(2000));					-- oversize
	WHEN 4, 5 THEN																-- set a byte
		IF n = 0 THEN RETURN fuzz.garbage(1); END IF;
		RETURN set_byte(p, fuzz.rnd(n), fuzz.rnd(256));
	WHEN 6 THEN																	-- flip a bit
		IF n = 0 THEN RETURN p; END IF;
		at := fuzz.rnd(n);
		RETURN set_byte(p, at, get_byte(p, at) # (1 << fuzz.rnd(8)));
	WHEN 7, 8 THEN																-- a length or number field
		o := (ARRAY['\x7fffffff', '\x80000000', '\xffffffff', '\x00000000',
					'\x7fffffffffffffff', '\x8000000000000000', '\xffffffffffffffff',
					'\x0000000000000000', '\x0000000000000001'])[1 + fuzz.rnd(9)]::bytea;
		at := fuzz.rnd(greatest(n - length(o), 0) + 1);
		RETURN substr(p, 1, at) || o || substr(p, at + 1 + length(o));
	WHEN 9 THEN																	-- a token, invisible ones included
		RETURN substr(p, 1, at) || convert_to(fuzz.random_token(), 'UTF8') || substr(p, at + 1);
	WHEN 10 THEN																-- delete a range
		RETURN substr(p, 1, at) || substr(p, at + 2 + fuzz.rnd(4));
	ELSE																		-- another seed's tail
		o := seeds[1 + fuzz.rnd(array_length(seeds, 1))];
		RETURN substr(p, 1, at) || substr(o, 1 + fuzz.rnd(length(o) + 1));
	END CASE;
END $$;

-- One random mutation of a text literal (characters, not bytes: a text
-- literal is valid UTF-8 by the time a type's input function sees it).
CREATE FUNCTION fuzz.mutate_text(t text, seeds text[]) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	n int := length(t);
	at int := fuzz.rnd(n + 1);
	c int;
	o text;
BEGIN
	CASE fuzz.rnd(10)
	WHEN 0 THEN RETURN left(t, fuzz.rnd(n + 1));								-- truncate
	WHEN 1 THEN RETURN left(t, at) || substr(t, at + 2 + fuzz.rnd(3));			-- delete
	WHEN 2, 3, 4 THEN RETURN left(t, at) || fuzz.random_token() || substr(t, at + 1);	-- a token
	WHEN 5 THEN																	-- any character
		c := 1 + fuzz.rnd(CASE fuzz.rnd(3) WHEN 0 THEN 127 WHEN 1 THEN 65535 ELSE 1114111 END);
		IF c BETWEEN 55296 AND 57343 THEN c := 65533; END IF;
		RETURN left(t, at) || chr(c) || substr(t, at + 1);
	WHEN 6 THEN RETURN t || repeat(substr(t, 1 + at, 1 + fuzz.rnd(3)), 1 + fuzz.rnd(120));	-- long
	WHEN 7 THEN RETURN left(t, at) || substr(t, 1 + fuzz.rnd(n + 1), 1 + fuzz.rnd(6)) || substr(t, at + 1);
	WHEN 8 THEN																	-- another seed's tail
		o := seeds[1 + fuzz.rnd(array_length(seeds, 1))];
		RETURN left(t, at) || substr(o, 1 + fuzz.rnd(length(o) + 1));
	ELSE RETURN '';																-- empty
	END CASE;
END $$;

-- What happened to every payload and literal, and what went wrong.
CREATE TABLE fuzz.tally (typ text, side text, outcome text, n int);
CREATE TABLE fuzz.failure (typ text, side text, input text, problem text);
CREATE TABLE fuzz.payload (typ text, id int, p bytea, PRIMARY KEY (typ, id));
CREATE TABLE fuzz.literal (typ text, id int, t text, PRIMARY KEY (typ, id));

-- Generate the payloads and literals of every type, seeded.
DO $$
DECLARE
	k record;
	bseeds bytea[];
	p bytea;
	t text;
BEGIN
	PERFORM setseed(0.25);
	FOR k IN SELECT * FROM fuzz.kind ORDER BY typ LOOP
		IF k.typ = 'perfeval.state' THEN
			-- what the state aggregates write, one of each kind
			bseeds := ARRAY[
				(SELECT perfeval.state_send(perfeval.actual_state(v.a1, v.a2, v.a3::perfeval.measure, v.a4, v.a5, v.a6))
				   FROM (VALUES ('A11', date '2024-06-30', '95%', NULL, NULL::numeric, true),
								('A11', '2023-12-31', '80家', '部分达成', 50, false),
								('B2', '2024-01-01', NULL, '达成', 100, false)) v(a1, a2, a3, a4, a5, a6)),
				(SELECT perfeval.state_send(perfeval.checklist_state(v.a1, v.a2, v.a3))
				   FROM (VALUES ('A21', 2::numeric, 1::numeric), ('A21', 1, 0), ('A3', NULL, 0.5)) v(a1, a2, a3)),
				(SELECT perfeval.state_send(perfeval.survey_state(v.a1, v.a2, v.a3, v.a4))
				   FROM (VALUES ('D21', 1, 10, NULL::numeric), ('D21', 3, 4, 0.6)) v(a1, a2, a3, a4)),
				(SELECT perfeval.state_send(perfeval.notes_state(v.a1, v.a2, v.a3))
				   FROM (VALUES ('A11', date '2024-06-30', '进度滞后'), ('A12', NULL, '缺少依据')) v(a1, a2, a3))];
		ELSIF k.send IS NULL THEN
			bseeds := ARRAY(SELECT convert_to(s, 'UTF8') FROM unnest(k.seeds) s);
		ELSE
			EXECUTE format('SELECT array_agg(%s(s::%s)) FROM unnest($1) s', k.send, k.typ)
				INTO bseeds USING k.seeds;
		END IF;
		-- the issue's crash first: a zero-length field; then the seeds as sent
		INSERT INTO fuzz.payload VALUES (k.typ, 1, '\x');
		INSERT INTO fuzz.payload SELECT k.typ, 1 + i, bseeds[i] FROM generate_subscripts(bseeds, 1) i;
		FOR i IN 2 + array_length(bseeds, 1) .. current_setting('fuzz.n')::int LOOP
			IF fuzz.rnd(10) = 0 THEN
				p := fuzz.garbage(fuzz.rnd(CASE fuzz.rnd(4) WHEN 0 THEN 600 ELSE 40 END));	-- garbage
			ELSE
				p := bseeds[1 + fuzz.rnd(array_length(bseeds, 1))];
				FOR m IN 1 .. 1 + fuzz.rnd(3) LOOP
					p := fuzz.mutate_bytes(p, bseeds);
				END LOOP;
			END IF;
			INSERT INTO fuzz.payload VALUES (k.typ, i, p);
		END LOOP;
		INSERT INTO fuzz.literal SELECT k.typ, i, k.seeds[i] FROM generate_subscripts(k.seeds, 1) i;
		FOR i IN 1 + array_length(k.seeds, 1) .. current_setting('fuzz.n')::int LOOP
			t := k.seeds[1 + fuzz.rnd(array_length(k.seeds, 1))];
			FOR m IN 1 .. 1 + fuzz.rnd(3) LOOP
				t := fuzz.mutate_text(t, k.seeds);
			END LOOP;
			INSERT INTO fuzz.literal VALUES (k.typ, i, t);
		END LOOP;
	END LOOP;
END $$;

-- Invisible characters (the types' one rule): what an accepted value of a
-- text type may never print.
CREATE FUNCTION fuzz.invisible(t text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
	SELECT t ~ E'[\\x01-\\x1f\\x7f-\\x9f\\u00ad\\u061c\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\ufeff\\ufff9-\\ufffb\\U000e0000-\\U000e007f]'
$$;

-- Check the values a type accepted (in fuzz.got): each prints as text that
-- its input reads back to the same value, and goes out with send and back
-- in through COPY FORMAT binary unchanged.
CREATE FUNCTION fuzz.check_accepted(k fuzz.kind, side text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	r record;
	f text := current_setting('data_directory') || '/fuzz_roundtrip.bin';
	again text;
	same boolean;
	msg text;
BEGIN
	-- text: out -> in -> out, and in(out(v)) = v (not for a type that
	-- takes no text: state's text is for reading)
	FOR r IN EXECUTE 'SELECT id, v::text AS t FROM fuzz.got WHERE $1 <> ''0A000''' USING k.text_state LOOP
		BEGIN
			EXECUTE format('SELECT $1::%s::text', k.typ) INTO again USING r.t;
			IF again IS DISTINCT FROM r.t THEN
				INSERT INTO fuzz.failure VALUES (k.typ, side, r.t, 'prints ' || r.t || ' but that reads back as ' || again);
			END IF;
			IF k.has_eq THEN
				EXECUTE format('SELECT v OPERATOR(perfeval.=) $1::%s FROM fuzz.got WHERE id = $2', k.typ) INTO same USING r.t, r.id;
				IF same IS NOT TRUE THEN
					INSERT INTO fuzz.failure VALUES (k.typ, side, r.t, 'differs from its text read back');
				END IF;
			END IF;
			IF k.typ IN ('perfeval.target', 'perfeval.measure', 'perfeval.method', 'perfeval.grade_scale')
			   AND fuzz.invisible(r.t) THEN
				INSERT INTO fuzz.failure VALUES (k.typ, side, r.t, 'an accepted value holds an invisible character');
			END IF;
		EXCEPTION WHEN others THEN
			GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT;
			INSERT INTO fuzz.failure VALUES (k.typ, side, r.t, 'prints as text its input refuses: ' || msg);
		END;
	END LOOP;
	-- binary: send -> COPY FORMAT binary -> recv, all accepted values at once
	IF k.send IS NOT NULL THEN
		EXECUTE 'TRUNCATE fuzz.got2';
		BEGIN
			EXECUTE format('COPY (SELECT id, v FROM fuzz.got) TO %L WITH (FORMAT binary)', f);
			EXECUTE format('COPY fuzz.got2 FROM %L WITH (FORMAT binary)', f);
		EXCEPTION WHEN others THEN
			GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT;
			INSERT INTO fuzz.failure VALUES (k.typ, side, '(all accepted values)', 'send -> recv failed: ' || msg);
		END;
		EXECUTE format($q$
			INSERT INTO fuzz.failure
			SELECT %L, %L, a.v::text, 'send -> recv gives ' || coalesce(b.v::text, 'nothing')
			  FROM fuzz.got a LEFT JOIN fuzz.got2 b USING (id)
			 WHERE b.id IS NULL OR %s(a.v) <> %s(b.v) OR a.v::text <> b.v::text$q$,
			k.typ, side, k.send, k.send);
	END IF;
END $$;

-- Run every payload through COPY FORMAT binary and every literal through
-- INSERT, one at a time (a refused one aborts only its own statement).
CREATE FUNCTION fuzz.run(k fuzz.kind) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	f text := current_setting('data_directory') || '/fuzz_payload.bin';
	copy_in text := format('COPY fuzz.got (v) FROM %L WITH (FORMAT binary)', f);
	r record;
	st text;
	msg text;
	ok int;
BEGIN
	EXECUTE 'DROP TABLE IF EXISTS fuzz.got, fuzz.got2';
	EXECUTE format('CREATE TABLE fuzz.got (id int DEFAULT current_setting(''fuzz.id'')::int, v %s)', k.typ);
	EXECUTE format('CREATE TABLE fuzz.got2 (id int, v %s)', k.typ);
	-- binary: each payload is one bytea field of a COPY file (bytea's send
	-- writes it verbatim), read back into the type's column
	ok := 0;
	FOR r IN SELECT id, p FROM fuzz.payload WHERE typ = k.typ ORDER BY id LOOP
		EXECUTE format('COPY (SELECT %L::bytea) TO %L WITH (FORMAT binary)', r.p, f);
		PERFORM set_config('fuzz.id', r.id::text, false);
		BEGIN
			EXECUTE copy_in;
			ok := ok + 1;
		EXCEPTION WHEN others THEN
			GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT;
			INSERT INTO fuzz.tally VALUES (k.typ, 'binary', st, 1);
			IF st <> k.bin_state THEN
				INSERT INTO fuzz.failure VALUES (k.typ, 'binary', encode(r.p, 'hex'), st || ': ' || msg);
			END IF;
		END;
	END LOOP;
	INSERT INTO fuzz.tally VALUES (k.typ, 'binary', 'accepted', ok);
	PERFORM fuzz.check_accepted(k, 'binary');
	-- text: each literal through INSERT (the type's input function)
	EXECUTE 'TRUNCATE fuzz.got';
	ok := 0;
	FOR r IN SELECT id, t FROM fuzz.literal WHERE typ = k.typ ORDER BY id LOOP
		BEGIN
			EXECUTE format('INSERT INTO fuzz.got VALUES ($1, $2::%s)', k.typ) USING r.id, r.t;
			ok := ok + 1;
		EXCEPTION WHEN others THEN
			GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT;
			INSERT INTO fuzz.tally VALUES (k.typ, 'text', st, 1);
			IF st <> k.text_state THEN
				INSERT INTO fuzz.failure VALUES (k.typ, 'text', r.t, st || ': ' || msg);
			END IF;
		END;
	END LOOP;
	INSERT INTO fuzz.tally VALUES (k.typ, 'text', 'accepted', ok);
	PERFORM fuzz.check_accepted(k, 'text');
END $$;

-- one transaction per type
SELECT fuzz.run(k) FROM fuzz.kind k WHERE typ = 'perfeval.target' \gset
SELECT fuzz.run(k) FROM fuzz.kind k WHERE typ = 'perfeval.measure' \gset
SELECT fuzz.run(k) FROM fuzz.kind k WHERE typ = 'perfeval.method' \gset
SELECT fuzz.run(k) FROM fuzz.kind k WHERE typ = 'perfeval.grade_scale' \gset
SELECT fuzz.run(k) FROM fuzz.kind k WHERE typ = 'perfeval.score_sum' \gset
SELECT fuzz.run(k) FROM fuzz.kind k WHERE typ = 'perfeval.rules' \gset
SELECT fuzz.run(k) FROM fuzz.kind k WHERE typ = 'perfeval.state' \gset
SELECT fuzz.run(k) FROM fuzz.kind k WHERE typ = 'perfeval.evaluation' \gset

\pset footer off
SELECT typ AS type, side,
	   sum(n) AS tried,
	   sum(n) FILTER (WHERE outcome = 'accepted') AS accepted,
	   string_agg(DISTINCT outcome, ' ') FILTER (WHERE outcome <> 'accepted') AS refused_with
  FROM fuzz.tally GROUP BY typ, side ORDER BY typ, side;

-- Every payload and literal was tried, and nothing went wrong.
DO $$
DECLARE
	r record;
	bad int;
BEGIN
	FOR r IN SELECT typ, side, sum(n) AS tried FROM fuzz.tally GROUP BY 1, 2 LOOP
		IF r.tried < current_setting('fuzz.n')::int THEN
			RAISE EXCEPTION 'fuzz: % % tried only % inputs', r.typ, r.side, r.tried;
		END IF;
	END LOOP;
	IF (SELECT count(DISTINCT (typ, side)) FROM fuzz.tally) <> 2 * (SELECT count(*) FROM fuzz.kind) THEN
		RAISE EXCEPTION 'fuzz: a type or side was not run';
	END IF;
	SELECT count(*) INTO bad FROM fuzz.failure;
	IF bad > 0 THEN
		FOR r IN SELECT * FROM fuzz.failure LIMIT 30 LOOP
			RAISE WARNING 'fuzz: % % input % : %', r.typ, r.side, left(r.input, 200), r.problem;
		END LOOP;
		RAISE EXCEPTION 'fuzz: % failures', bad;
	END IF;
END $$;
