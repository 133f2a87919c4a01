-- perfeval 1.14 -> 1.15: hardening (issue 25): no leak through the views,
-- imports with the stager's rights, strict binary input, every restore
-- keeps everything, only the owner changes who sees what and how everyone
-- is graded, invisible characters refused, formula cells neutralised.
\echo Use "ALTER EXTENSION perfeval UPDATE TO '1.15'" to load this file. \quit


-- == invisible characters refused by the types (issue 25, item 9) ==
-- The text types now refuse invisible characters (pe_check_text: U+FEFF,
-- zero-width and directional marks, line separators, controls; tab and line
-- breaks only around a value), which 1.14 stored inside a unit or a phrase
-- (不低于2,000 万\uFEFF元／家).  A stored value that no longer reads back
-- would break pg_dump and restore: the update stops (22P02) naming it, so
-- that it can be corrected first, as the update to 1.6 did.  Every column
-- of a text type in every table is checked: the values whose text holds such
-- a character (a cheap scan) are read back by the type's own input, which
-- decides and names the character.
DO $$
DECLARE
	c record;
	r record;
	loc text;
	detail text;
BEGIN
	FOR c IN SELECT format('%I.%I', n.nspname, k.relname) AS rel, a.attname,
					(SELECT typname FROM pg_type WHERE oid = a.atttypid) AS typ,
					EXISTS (SELECT FROM pg_attribute x WHERE x.attrelid = a.attrelid AND x.attname = 'project_id' AND NOT x.attisdropped) AS has_project,
					EXISTS (SELECT FROM pg_attribute x WHERE x.attrelid = a.attrelid AND x.attname = 'code' AND NOT x.attisdropped) AS has_code,
					EXISTS (SELECT FROM pg_attribute x WHERE x.attrelid = a.attrelid AND x.attname = 'scheme_id' AND NOT x.attisdropped) AS has_scheme
			   FROM pg_attribute a JOIN pg_class k ON k.oid = a.attrelid JOIN pg_namespace n ON n.oid = k.relnamespace
			  WHERE a.atttypid IN ('perfeval.target'::regtype, 'perfeval.measure'::regtype, 'perfeval.grade_scale'::regtype)
				AND a.attnum > 0 AND NOT a.attisdropped AND k.relkind IN ('r', 'p')
			  ORDER BY 1, 2 LOOP
		FOR r IN EXECUTE format(
				'SELECT %s AS loc, %I::text AS v FROM ONLY %s WHERE %I::text ~ %L',
				CASE WHEN c.has_project AND c.has_code THEN 'format(''project "%s", indicator "%s"'', project_id, code)'
					 WHEN c.has_project THEN 'format(''project "%s"'', project_id)'
					 WHEN c.has_scheme THEN 'format(''scheme "%s"'', scheme_id)'
					 ELSE '''row '' || ctid::text' END,
				c.attname, c.rel, c.attname,
				E'[\\x01-\\x1f\\x7f-\\x9f\\u00ad\\u061c\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\ufeff\\ufff9-\\ufffb\\U000e0000-\\U000e007f]') LOOP
			BEGIN
				EXECUTE format('SELECT $1::perfeval.%I', c.typ) USING r.v;
			EXCEPTION WHEN invalid_text_representation THEN
				GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
				RAISE EXCEPTION 'perfeval 1.15 does not read the % "%" in %.% of %', c.typ, r.v, c.rel, c.attname, r.loc
					USING ERRCODE = '22P02', DETAIL = detail,
					HINT = 'Remove the invisible character (zero-width, bidirectional, byte order mark, line separator or control), then run ALTER EXTENSION perfeval UPDATE again.';
			END;
		END LOOP;
	END LOOP;
END $$;
