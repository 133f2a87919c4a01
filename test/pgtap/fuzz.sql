-- pgTAP: a deterministic random-mutation fuzzer over the SQL input functions.
-- Every mutated literal must either be refused with 22P02 or parse to a
-- value whose canonical text parses back to the same value; nothing may
-- crash the server or raise anything else.
BEGIN;
SELECT plan(4);

CREATE FUNCTION pg_temp.mutate(s text, n int) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
	alphabet text[] := ARRAY['0','1','5','9','.',',','-','+',' ','%','％','≥','≤','>','<','=',
		'＝','万','元','亿','家','/','／','以上','以下','不低于','低于','：',':','，','；','优',
		'０','９','．','$','\','e','E','∞','	','个','人次','百分比','小时','达成','NaN','1e5'];
	h int;
	pos int;
	r text := s;
BEGIN
	FOR k IN 1..3 LOOP
		h := abs(hashint4(n * 7 + k));
		pos := 1 + h % (length(r) + 1);
		CASE h % 4
			WHEN 0 THEN r := overlay(r placing alphabet[1 + (h / 4) % array_length(alphabet, 1)] from pos for 1);
			WHEN 1 THEN r := overlay(r placing alphabet[1 + (h / 4) % array_length(alphabet, 1)] from pos for 0);
			WHEN 2 THEN r := overlay(r placing '' from pos for 1);
			ELSE r := left(r, pos);
		END CASE;
	END LOOP;
	RETURN r;
END $$;

-- Returns 'ok' for a round-tripping value, the SQLSTATE for an error.
CREATE FUNCTION pg_temp.probe(typ text, s text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE c1 text; c2 text;
BEGIN
	EXECUTE format('SELECT %L::perfeval.%s::text', s, typ) INTO c1;
	EXECUTE format('SELECT %L::perfeval.%s::text', c1, typ) INTO c2;
	RETURN CASE WHEN c1 = c2 THEN 'ok' ELSE 'unstable: ' || c1 || ' -> ' || c2 END;
EXCEPTION WHEN others THEN
	RETURN SQLSTATE;
END $$;

CREATE TEMP TABLE fuzz AS
SELECT typ, m.literal, pg_temp.probe(typ, m.literal) AS outcome
FROM (VALUES
	('target', '≥2000万元/家'), ('target', '不少于12 种'), ('target', '95%以上'),
	('target', '1,000.5元/人'), ('target', '稳步增长'), ('target', '＝１００％'),
	('measure', '=57111万元/家'), ('measure', '完全达到预期目标'),
	('method', 'deduct:0.5/1'), ('method', '低于60%不得分'),
	('grade_scale', '优:90,良:80,中:60,差:0'), ('grade_scale', '优秀：90；差：0')
) AS corpus(typ, seed), generate_series(1, 1500) AS n,
LATERAL (SELECT pg_temp.mutate(seed, n) AS literal) m;

-- the mutator really mutates: most of the 18000 tries are distinct literals,
-- and few are the seeds themselves
SELECT cmp_ok((SELECT count(DISTINCT (typ, literal)) FROM fuzz), '>', 9000::bigint,
	'more than 9000 distinct mutated literals tried');
SELECT is((SELECT count(*) FROM fuzz WHERE outcome NOT IN ('ok', '22P02')), 0::bigint,
	'every mutated literal round-trips or is refused with 22P02');
SELECT cmp_ok((SELECT count(*) FROM fuzz WHERE outcome = 'ok'), '>', 1000::bigint,
	'the fuzzer reaches accepted inputs too');
SELECT cmp_ok((SELECT count(*) FROM fuzz WHERE outcome = '22P02'), '>', 1000::bigint,
	'the fuzzer reaches refused inputs too');

SELECT * FROM finish();
ROLLBACK;
