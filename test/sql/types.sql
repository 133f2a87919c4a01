-- perfeval types: every accepted form, every rejected one, canonical output,
-- binary round trips, ordering and hashing.
CREATE EXTENSION IF NOT EXISTS perfeval;
SET client_min_messages = warning;
SET search_path = public, perfeval;

-- Returns the canonical text, or the SQLSTATE of the error.
CREATE FUNCTION try_in(typ text, s text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE r text;
BEGIN
	EXECUTE format('SELECT %L::perfeval.%s::text', s, typ) INTO r;
	RETURN r;
EXCEPTION WHEN others THEN
	RETURN 'ERROR ' || SQLSTATE;
END $$;

-- Targets as the seeds and real forms write them.
SELECT s AS input, try_in('target', s) AS canonical,
       perfeval.comparator(try_in('target', s)::perfeval.target) AS cmp,
       perfeval.amount(try_in('target', s)::perfeval.target) AS amount,
       perfeval.unit(try_in('target', s)::perfeval.target) AS unit,
       perfeval.is_qualitative(try_in('target', s)::perfeval.target) AS qual
FROM unnest(ARRAY[
	'=41家', '≥2000万元', '≥2000万元/家', '≤1000万元/家', '=10万元/家', '≥95%',
	'100%', '95', '5', '100', '≥90%', '=100%', '≤ 1000.00 万元/家', '$\geq 95\%$',
	'1 家', '≥1家', '1,000', '12,345.5元/人', '不少于12 种', '95%以上', '10天以内',
	'5次以下', '不低于95％', '不小于3个', '大于0', '高于80%', '超过5项', '达到100%',
	'等于1所', '不高于10天', '不多于3次', '不大于5%', '不超过10天', '低于5次/月',
	'小于1小时', '少于2人次', '＞３', '＜５家', '＝１００％', '≧80%', '≦20%', '═100%',
	'>=60', '<=0', '> 7', '< 7', '0.5亿元', '3万', '100百分比', '20辆', '3例', '2条',
	'12月', '1年', '7日', '-5%', '≤-5%', '+3家', '0', '999999999999.999999',
	'5公里', '3 平方米', '2吨/年', '稳步增长', '增长较大', '有效加快', '有效促进', '有效'
]) AS s;

-- Rejected targets all raise 22P02.
SELECT s AS input, try_in('target', s) AS result
FROM unnest(ARRAY[
	'', '   ', '≥', '≥≥5', 'M.8万元', '1,00', '1.1234567', '10000000000000',
	'95%以上以下', '≥5万元5', '≥ 万元', '=', '5%%'
]) AS s;

-- The error a user sees quotes the value and says what is accepted.
SELECT 'M.8万元'::perfeval.target;
SELECT '≥≥5'::perfeval.target;
SELECT '1.1234567'::perfeval.target;

-- Measures: an optional leading '=', never printed.
SELECT s AS input, try_in('measure', s) AS canonical,
       perfeval.amount(try_in('measure', s)::perfeval.measure) AS amount,
       perfeval.unit(try_in('measure', s)::perfeval.measure) AS unit,
       perfeval.phrase(try_in('measure', s)::perfeval.measure) AS phrase
FROM unnest(ARRAY[
	'57111万元/家', '=57111万元/家', '=41家', '100%', '5家', '735', '=100%',
	'1000.00 万元/家', '95%', '＝１００％', '完全达到预期目标', '达成', '部分达成', '未达成'
]) AS s;
SELECT s AS input, try_in('measure', s) AS result
FROM unnest(ARRAY['', '≥5', '<3家', '5家以上', 'M.8万元']) AS s;
SELECT '≥5'::perfeval.measure;

-- Equal values print equally, whatever the input form.
SELECT '≥2000万元/家'::perfeval.target = '不低于2,000.00 万元／家'::perfeval.target AS same_target,
       '=41家'::perfeval.measure = '41家'::perfeval.measure AS same_measure,
       '95%以上'::perfeval.target = '≥95%'::perfeval.target AS suffix_is_ge,
       '3万'::perfeval.target = '=3万元'::perfeval.target AS wan_is_wanyuan,
       '≥95%'::perfeval.target <> '≥95'::perfeval.target AS unit_matters;

-- Scoring methods.
SELECT s AS input, try_in('method', s) AS canonical
FROM unnest(ARRAY[
	'proportional', 'PROPORTIONAL', '按比例', '比例', 'floor:60', 'floor : 60', '低于60%不得分',
	'all_or_nothing', '达标得满分', 'deduct:1/5', 'deduct: 0.5 / 1', '每低5个百分点扣1分',
	'', 'floor', 'floor:0', 'floor:101', 'deduct:1', 'deduct:0/5', 'deduct:1/0', 'bogus'
]) AS s;

-- Grade scales: strictly descending thresholds ending at 0.
SELECT s AS input, try_in('grade_scale', s) AS canonical
FROM unnest(ARRAY[
	'优:90,良:80,中:60,差:0', '优:90,良:80,中:70,差:0', '优秀：90；良好：80；中：60；差：0',
	'优:80,良:70,中:60,差:0', 'A:0', ' 优 : 90 , 差 : 0 ', '优:89.5,差:0',
	'', '优:90,良:90,差:0', '优:90,良:80', '优:80,良:90,差:0', '优:90,:80,差:0', '优90,差:0'
]) AS s;
SELECT '优:90,良:80'::perfeval.grade_scale;

-- Binary I/O: COPY BINARY out and back in keeps every value.
CREATE TEMP TABLE vals (t perfeval.target, m perfeval.measure, k perfeval.method, g perfeval.grade_scale);
INSERT INTO vals VALUES
	('≥2000万元/家', '57111万元/家', 'proportional', '优:90,良:80,中:60,差:0'),
	('稳步增长', '完全达到预期目标', 'floor:60', '优:90,良:80,中:70,差:0'),
	('≤-5%', '735', 'deduct:0.5/1', 'A:0'),
	('5公里', '3 平方米', 'all_or_nothing', '优秀:90,良好:75.5,合格:60,不合格:0');
COPY vals TO '/tmp/perfeval_vals.bin' WITH (FORMAT binary);
CREATE TEMP TABLE vals2 (LIKE vals);
COPY vals2 FROM '/tmp/perfeval_vals.bin' WITH (FORMAT binary);
SELECT (SELECT count(*) FROM vals2) AS copied,
       (SELECT count(*) FROM vals JOIN vals2 USING (t, m, k, g)) AS identical;
SELECT * FROM vals2 ORDER BY t;

-- Binary input is as strict as text input: feed hand-made COPY BINARY files
-- (1.15: every type refuses zero-length, truncated, oversized and garbage
-- payloads with 22P03 and a detail; until 1.14 a score_sum of any bad
-- payload crashed the server and a short target raised 08P01).
CREATE FUNCTION copy_bin(typ text, payload text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE f bytea; r text; d text;
BEGIN
	f := '\x5047434f50590aff0d0a000000000000000000'::bytea || '\x0001'::bytea
		|| int4send(length(decode(payload, 'hex'))) || decode(payload, 'hex') || '\xffff'::bytea;
	EXECUTE format('COPY (SELECT %L) TO PROGRAM %L',
		replace(encode(f, 'base64'), E'\n', ''), 'base64 -d > /tmp/perfeval_bin.bin');
	DROP TABLE IF EXISTS bin_t;
	EXECUTE format('CREATE TEMP TABLE bin_t (v %s)', typ);
	COPY bin_t FROM '/tmp/perfeval_bin.bin' WITH (FORMAT binary);
	SELECT v::text INTO r FROM bin_t;
	RETURN r;
EXCEPTION WHEN others THEN
	GET STACKED DIAGNOSTICS d = PG_EXCEPTION_DETAIL;
	RETURN 'ERROR ' || SQLSTATE || ': ' || SQLERRM || coalesce(' / ' || nullif(d, ''), '');
END $$;
SELECT label, copy_bin('perfeval.target', hex) AS result FROM (VALUES
	('valid ≥2000万元', '01020200' || '0000000077359400'),
	('unknown version', '02020200' || '0000000077359400'),
	('comparator 9', '01090200' || '0000000077359400'),
	('unit 200', '0102c800' || '0000000077359400'),
	('empty phrase', '0100ff00' || '0000000000000000'),
	('phrase with amount', '0100ff00' || '0000000000000001' || 'e7a8b3e6ada5'),
	('too large', '01020200' || '7fffffffffffffff'),
	('negative', '01020200' || '8000000000000000'),
	('truncated', '010202'),
	('zero length', ''),
	('header only, cut', '0102020000000000773594'),
	('phrase with U+FEFF', '0100ff00' || '0000000000000000' || 'e7a8b3efbbbfe6ada5'),
	('phrase with a NUL', '0100ff00' || '0000000000000000' || 'e7a8b300e6ada5'),
	('phrase cut in UTF-8', '0100ff00' || '0000000000000000' || 'e7a8b3e6ad'),
	('phrase of 201 bytes', '0100ff00' || '0000000000000000' || repeat('61', 201))
) AS v(label, hex);
SELECT label, copy_bin('perfeval.measure', hex) AS result FROM (VALUES
	('valid 41家', '01000500' || '0000000002719c40'),
	('with a comparator', '01020500' || '0000000002719c40'),
	('zero length', ''),
	('garbage', 'deadbeef')
) AS v(label, hex);
SELECT label, copy_bin('perfeval.method', hex) AS result FROM (VALUES
	('valid deduct:1/5', '0103' || '00000000000f4240' || '00000000004c4b40'),
	('zero length', ''),
	('one byte short', '0103' || '00000000000f4240' || '00000000004c4b'),
	('one byte long', '0103' || '00000000000f4240' || '00000000004c4b40' || '00'),
	('valid bands (1.16)', '0107' || '31f419012c0c8000' || '0384032002bc0258'),
	('kind 7 not bands', '0107' || '00000000000f4240' || '00000000004c4b40'),
	('kind 8', '0108' || '00000000000f4240' || '00000000004c4b40'),
	('floor 0', '0101' || '0000000000000000' || '0000000000000000'),
	('proportional with parameters', '0100' || '00000000000f4240' || '0000000000000000')
) AS v(label, hex);
SELECT label, copy_bin('perfeval.grade_scale', hex) AS result FROM (VALUES
	('valid 优:90,差:0', '01' || encode(convert_to('优:90,差:0', 'UTF8'), 'hex')),
	('zero length', ''),
	('version only', '01'),
	('version 2', '02' || encode(convert_to('优:90,差:0', 'UTF8'), 'hex')),
	('not UTF-8', '01' || 'ff3a302c'),
	('a NUL inside', '01' || encode(convert_to('优:90', 'UTF8'), 'hex') || '00' || encode(convert_to(',差:0', 'UTF8'), 'hex')),
	('U+200B in a label', '01' || encode(convert_to(E'优\u200b:90,差:0', 'UTF8'), 'hex'))
) AS v(label, hex);
SELECT label, copy_bin('perfeval.score_sum', hex) AS result FROM (VALUES
	('valid', encode(convert_to('5,4,3,2,7000000,12500000,2,0', 'UTF8'), 'hex')),
	('zero length (crashed 1.14)', ''),
	('one byte (crashed 1.14)', '78'),
	('seven integers', encode(convert_to('5,4,3,2,7000000,12500000,2', 'UTF8'), 'hex')),
	('inconsistent counts', encode(convert_to('5,6,3,2,7,1,2,0', 'UTF8'), 'hex')),
	('not canonical', encode(convert_to('05,4,3,2,7,1,2,0', 'UTF8'), 'hex')),
	('a NUL after it', encode(convert_to('5,4,3,2,7,1,2,0', 'UTF8'), 'hex') || '00'),
	('garbage', 'ffffffff')
) AS v(label, hex);
SELECT label, copy_bin(typ, hex) AS result FROM (VALUES
	('rules, zero length', 'perfeval.rules', ''),
	('rules, garbage', 'perfeval.rules', 'deadbeef'),
	('evaluation, zero length', 'perfeval.evaluation', '')
) AS v(label, typ, hex);
-- The kept state in binary (1.16: Citus copies it so when it moves a
-- shard): what state_send() writes is taken back, anything else refused
-- (the core checks every byte: test/unit/test_state.c).
WITH s AS (SELECT encode(perfeval.state_send(perfeval.checklist_state(c, p, x)), 'hex') AS h
			 FROM (VALUES ('A21', 2::numeric, 1::numeric), ('A21', 1, 0)) v(c, p, x))
SELECT label, copy_bin('perfeval.state', hex) AS result FROM s, LATERAL (VALUES
	('as state_send() writes it', h),
	('in another byte order', '62' || substr(h, 3)),
	('one byte short', substr(h, 1, length(h) - 2)),
	('one byte more', h || '00'),
	('more valued points than points', overlay(h PLACING '09000000' FROM 43 FOR 8)),
	('zero length', '')
) AS v(label, hex);

-- Invisible characters are refused by the types themselves (1.15): 22P02
-- naming the code point, in INSERT and COPY alike.  U+FEFF is no space any
-- more; tab and line breaks are trimmed around a value, refused inside it.
CREATE FUNCTION try_detail(typ text, v text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE r text; d text; h text;
BEGIN
	EXECUTE format('SELECT $1::%s::text', typ) INTO r USING v;
	RETURN r;
EXCEPTION WHEN others THEN
	GET STACKED DIAGNOSTICS d = PG_EXCEPTION_DETAIL, h = PG_EXCEPTION_HINT;
	RETURN 'ERROR ' || SQLSTATE || ': ' || d;
END $$;
-- (the input shown with its invisible characters as \uXXXX: psql's widths of
-- them change with its version, U+FEFF is one column in 15's psql, none in 17's)
SELECT typ, (SELECT string_agg(CASE WHEN c ~ '[\x01-\x1f\x7f-\xa0\xad\u2000-\u206f\ufeff]'
		THEN '\u' || lpad(upper(to_hex(ascii(c))), 4, '0') ELSE c END, '' ORDER BY n)
	FROM regexp_split_to_table(v, '') WITH ORDINALITY AS s(c, n)) AS input,
	try_detail(typ, v) AS result FROM (VALUES
	('perfeval.target', E'不低于2,000 万\uFEFF元／家'),
	('perfeval.target', E'\uFEFF≥5家'),
	('perfeval.target', E'≥5家\u200B'),
	('perfeval.target', E'≥5\u200D家'),
	('perfeval.target', E'\u202E≥5家'),
	('perfeval.target', E'≥5\u2060家'),
	('perfeval.target', E'≥5\u2063家'),
	('perfeval.target', E'≥5\u206C家'),
	('perfeval.measure', E'稳步\u2028增长'),
	('perfeval.measure', E'稳步\t增长'),
	('perfeval.measure', E'41\n家'),
	('perfeval.measure', E'41家\u007f'),
	('perfeval.measure', E'41\u0085家'),
	('perfeval.measure', E'41\u00ad家'),
	('perfeval.measure', E'\t41家\r\n'),
	('perfeval.measure', E'41\u00a0家'),
	('perfeval.method', E'deduct:1/\u200b5'),
	('perfeval.grade_scale', E'优\uFEFF:90,差:0'),
	('perfeval.grade_scale', E'优:90,\n差:0')
) AS t(typ, v);
-- the whole message of one
SELECT E'不低于2,000 万\uFEFF元／家'::perfeval.target;
-- INSERT and COPY refuse it alike
CREATE TEMP TABLE inv (t perfeval.target, m perfeval.measure);
INSERT INTO inv VALUES (E'≥5\u200b家', '5家');
COPY inv FROM stdin;
≥5家	5﻿家
\.
SELECT count(*) AS stored FROM inv;

-- Ordering and grouping work (btree and hash opclasses).
SELECT t::text, count(*) FROM (VALUES ('≥95%'::perfeval.target), ('95%以上'), ('=41家'), ('41家'), ('稳步增长')) v(t)
GROUP BY t ORDER BY t;
SET enable_sort = off;
SELECT t::text, count(*) FROM (VALUES ('≥95%'::perfeval.target), ('95%以上'), ('=41家'), ('41家')) v(t)
GROUP BY t ORDER BY 1;
RESET enable_sort;
SELECT perfeval.target_hash('≥95%') = perfeval.target_hash('95%以上') AS hash_agrees,
       perfeval.target_hash_extended('≥95%', 0) & x'FFFFFFFF'::bigint
         = perfeval.target_hash('≥95%')::bigint & x'FFFFFFFF'::bigint AS extended_agrees,
       perfeval.method_hash('floor:60') = perfeval.method_hash('低于60%不得分') AS method_hash_agrees;
