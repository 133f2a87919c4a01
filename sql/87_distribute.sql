-- Section 87: the warehouse on a Citus cluster (docs/scale-out.md).
--
-- perfeval.distribute(), run once on the coordinator after CREATE EXTENSION:
-- every table that grows with the warehouse is distributed on project_id,
-- co-located with perfeval.project (a project's facts, indicators and kept
-- state are one shard group, on one node: scoring and per-project totals run
-- there, and the state triggers keep a project's state on the shards that
-- hold it, src/shard.c); the lookup tables (schemes, divisions, the access
-- rules) become reference tables, on every node, and so do the import's
-- staging tables and its error log (a staged row need not have a project
-- code to distribute on: a bad row is staged and reported, never refused),
-- and a restore's parked rows (section 40: nothing is parked on a cluster).
-- Safe to run again: it distributes what is not yet distributed and reports
-- every table.

-- The dated forms (section 50) as PL/pgSQL functions running the same
-- query: Citus cannot distribute a SQL function's inlined body (it refuses
-- it, or plans it on the coordinator's empty tables), and plans a PL/pgSQL
-- function's query as a statement of its own.  Made from the SQL
-- functions' own definitions, so the query is written once.  Every
-- set-returning SQL function of perfeval and perfeval_internal: the
-- monitoring's and the re-scoring's too, whose public forms read through
-- internal ones (sections 72 and 74, 1.16).  An update of the extension
-- that replaces one runs this again on a cluster.
CREATE FUNCTION perfeval_internal.dated_forms_for_citus() RETURNS void
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	f regprocedure;
	def text;
BEGIN
	FOR f IN SELECT p.oid::regprocedure FROM pg_proc p
			  WHERE p.pronamespace IN ('perfeval'::regnamespace, 'perfeval_internal'::regnamespace)
				AND p.proretset AND p.prosqlbody IS NOT NULL ORDER BY 1::text LOOP
		def := pg_get_functiondef(f);
		def := regexp_replace(def, E'\n LANGUAGE sql\n',
							  E'\n LANGUAGE plpgsql\n SET search_path TO pg_catalog, pg_temp\n');
		def := regexp_replace(def, E'\nBEGIN ATOMIC\n(.*);\\s*END\\s*$',
							  E'\nAS $pe$\n#variable_conflict use_column\nBEGIN\nRETURN QUERY\n\\1;\nEND\n$pe$');
		IF def !~ 'LANGUAGE plpgsql' OR def !~ 'RETURN QUERY' THEN
			RAISE EXCEPTION USING MESSAGE = perfeval_internal.message('not_plpgsql', f::text);
		END IF;
		EXECUTE def;
	END LOOP;
END
$$;
REVOKE ALL ON FUNCTION perfeval_internal.dated_forms_for_citus() FROM PUBLIC;
COMMENT ON FUNCTION perfeval_internal.dated_forms_for_citus() IS '将按日期查询的函数改为 PL/pgSQL（Citus 集群用） / Make the dated forms PL/pgSQL functions running the same query (for a Citus cluster)';

-- Replica identities, which Citus's shard moves and rebalancing by logical
-- replication need on every table they copy (docs/scale-out.md, 1.16):
-- actual's key, and the whole row of every other table without a primary
-- key (their columns all have equality).  On a Citus node, this node's
-- placements of those tables too: an extension script's ALTER TABLE is not
-- passed on to them.  Idempotent.
CREATE FUNCTION perfeval_internal.replica_identities() RETURNS void
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	r record;
BEGIN
	IF to_regclass('pg_catalog.pg_dist_partition') IS NOT NULL THEN
		-- the placements, which Citus hides from pg_class and guards
		PERFORM set_config('citus.override_table_visibility', 'off', true);
		PERFORM set_config('citus.enable_manual_changes_to_shards', 'on', true);
	END IF;
	FOR r IN SELECT c.oid::regclass AS rel, c.relname,
					(SELECT i.relname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
					  WHERE x.indrelid = c.oid AND x.indisunique AND i.relname ~ '^actual_latest_idx') AS idx
			   FROM pg_class c
			  WHERE c.relkind = 'r' AND c.relnamespace IN ('perfeval'::regnamespace, 'perfeval_internal'::regnamespace)
				AND c.relreplident = 'd'
				AND NOT EXISTS (SELECT FROM pg_index x WHERE x.indrelid = c.oid AND x.indisprimary)
			  ORDER BY 1::text LOOP
		IF r.relname ~ '^actual(_[0-9]+)?$' THEN
			EXECUTE format('ALTER TABLE %s REPLICA IDENTITY USING INDEX %I', r.rel, r.idx);
		ELSE
			EXECUTE format('ALTER TABLE %s REPLICA IDENTITY FULL', r.rel);
		END IF;
	END LOOP;
END $$;
REVOKE ALL ON FUNCTION perfeval_internal.replica_identities() FROM PUBLIC;
COMMENT ON FUNCTION perfeval_internal.replica_identities() IS '为无主键的表（及本节点上的分片）设置复制标识，供 Citus 迁移分片 / Give the tables without a primary key (and this node''s shards of them) the replica identity Citus''s shard moves need';
SELECT perfeval_internal.replica_identities();

-- shard_count: the number of shards of the growing tables (Citus's
-- citus.shard_count, 32, when NULL); a query of the whole warehouse runs on
-- at most as many cores.  Set when the warehouse is first distributed;
-- asked for again with another number, refused (Citus's
-- alter_distributed_table() reshards a loaded warehouse).  The lookup
-- tables' rows stay on the coordinator's disk once they are reference
-- tables unless removed: they are (truncate_local_data_after_distributing_table()).
CREATE FUNCTION perfeval.distribute(shard_count int DEFAULT NULL)
	RETURNS TABLE (table_name regclass, citus_table_type text)
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	t text;
	n bigint;
	fk record;
	fks text[] := '{}';
	-- (the import's inbox, staged_* and import_error, stays local: staging
	-- writes the coordinator's heap alone, as on one node, and goes on with
	-- a worker down; import_forms() runs on the coordinator)
	reference text[] := ARRAY['perfeval.scheme', 'perfeval.result_rule', 'perfeval.division', 'perfeval.access_grant',
							  'perfeval_internal.division_shipped', 'perfeval_internal.parked'];
	growing text[] := ARRAY['perfeval.project', 'perfeval_internal.project_state',
							'perfeval_internal.project_results', 'perfeval_internal.project_levels',
							'perfeval.indicator', 'perfeval.allocation', 'perfeval.actual',
							'perfeval.checklist_point', 'perfeval.survey_response', 'perfeval.execution',
							'perfeval.monitoring_finding'];
BEGIN
	IF NOT EXISTS (SELECT FROM pg_extension WHERE extname = 'citus') THEN
		RAISE EXCEPTION USING ERRCODE = 'feature_not_supported',
			MESSAGE = perfeval_internal.message('needs_citus'),
			DETAIL = perfeval_internal.message('needs_citus.detail'),
			HINT = perfeval_internal.message('needs_citus.hint');
	END IF;
	IF distribute.shard_count IS NOT NULL AND distribute.shard_count NOT BETWEEN 1 AND 64000 THEN
		RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
			MESSAGE = perfeval_internal.message('shard_count', distribute.shard_count::text),
			HINT = perfeval_internal.message('shard_count.hint');
	END IF;
	IF EXISTS (SELECT FROM pg_dist_partition WHERE logicalrelid = 'perfeval.project'::regclass) THEN
		SELECT count(*) INTO n FROM pg_dist_shard WHERE logicalrelid = 'perfeval.project'::regclass;
		IF n <> distribute.shard_count THEN
			RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
				MESSAGE = perfeval_internal.message('shards_set', n::text, distribute.shard_count::text),
				HINT = perfeval_internal.message('shards_set.hint');
		END IF;
	ELSIF EXISTS (SELECT FROM perfeval.project) THEN
		RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
			MESSAGE = perfeval_internal.message('not_empty'),
			DETAIL = perfeval_internal.message('not_empty.detail'),
			HINT = perfeval_internal.message('not_empty.hint');
	END IF;
	-- the national self-evaluation form's scheme, made now by its owner: on
	-- a cluster a loader's import cannot have the owner write the reference
	-- tables its own staging wrote in the same transaction (Citus refuses)
	PERFORM perfeval_internal.ensure_national_self();
	-- the state triggers are written for shards (src/shard.c)
	PERFORM set_config('citus.enable_unsafe_triggers', 'on', true);
	-- one connection per node: the foreign keys to reference tables need it
	PERFORM set_config('citus.multi_shard_modify_mode', 'sequential', true);
	-- foreign keys between tables not yet distributed are dropped and made
	-- again once both sides are (Citus converts a local table referencing a
	-- reference table otherwise, views and all)
	FOR fk IN SELECT c.conrelid::regclass AS rel, c.conname, pg_get_constraintdef(c.oid) AS def
				FROM pg_constraint c
			   WHERE c.contype = 'f'
				 AND c.connamespace IN ('perfeval'::regnamespace, 'perfeval_internal'::regnamespace)
				 AND NOT EXISTS (SELECT FROM pg_dist_partition d WHERE d.logicalrelid = c.conrelid)
			   ORDER BY c.conrelid::regclass::text, c.conname LOOP
		EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', fk.rel, fk.conname);
		-- (the workers' copies of the tables, made by CREATE EXTENSION, keep
		-- theirs until the distributed table's DROP reaches them)
		fks := fks || format('ALTER TABLE %s DROP CONSTRAINT IF EXISTS %I', fk.rel, fk.conname)
				   || format('ALTER TABLE %s ADD CONSTRAINT %I %s', fk.rel, fk.conname, fk.def);
	END LOOP;
	FOREACH t IN ARRAY reference LOOP
		IF NOT EXISTS (SELECT FROM pg_dist_partition WHERE logicalrelid = t::regclass) THEN
			PERFORM create_reference_table(t::regclass);
		END IF;
	END LOOP;
	FOREACH t IN ARRAY growing LOOP
		IF NOT EXISTS (SELECT FROM pg_dist_partition WHERE logicalrelid = t::regclass) THEN
			IF t = 'perfeval.project' AND distribute.shard_count IS NOT NULL THEN
				PERFORM create_distributed_table(t::regclass, 'project_id', shard_count => distribute.shard_count);
			ELSE
				PERFORM create_distributed_table(t::regclass, 'project_id',
					colocate_with => CASE WHEN t = 'perfeval.project' THEN 'default' ELSE 'perfeval.project' END);
			END IF;
		END IF;
	END LOOP;
	FOREACH t IN ARRAY fks LOOP
		EXECUTE t;
	END LOOP;
	-- the foreign keys to scheme are kept by triggers on the cluster
	-- (sections 40 and 76, src/schemekey.c): Citus refuses to write a
	-- reference table that any table references, once the transaction has
	-- written a distributed table in parallel
	FOR fk IN SELECT c.conrelid::regclass AS rel, c.conname, NULL AS def FROM pg_constraint c
			   WHERE c.contype = 'f' AND c.confrelid = 'perfeval.scheme'::regclass ORDER BY 2 LOOP
		EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', fk.rel, fk.conname);
	END LOOP;
	-- the lookup tables' rows CREATE EXTENSION wrote, left on the
	-- coordinator's disk by create_reference_table() (its copies are the
	-- reference tables' placements now)
	FOREACH t IN ARRAY reference LOOP
		PERFORM truncate_local_data_after_distributing_table(t::regclass);
	END LOOP;
	PERFORM perfeval_internal.dated_forms_for_citus();
	-- the coordinator gives perfeval_internal to granted roles only (a
	-- worker to every role: section 48)
	REVOKE USAGE ON SCHEMA perfeval_internal FROM PUBLIC;
	-- the roles granted before: their schema privileges on the workers
	FOR t IN SELECT DISTINCT g.role_name FROM perfeval.access_grant g
			  WHERE EXISTS (SELECT FROM pg_roles r WHERE r.rolname = g.role_name) LOOP
		PERFORM perfeval_internal.schema_privilege(t::regrole, true);
	END LOOP;
	RETURN QUERY
	SELECT c.oid::regclass,
		   CASE WHEN d.partmethod = 'h' THEN 'distributed'
				WHEN d.partmethod = 'n' AND d.repmodel = 't' THEN 'reference'
				WHEN d.partmethod IS NOT NULL THEN 'citus local'
				ELSE 'local' END
	  FROM pg_class c
	  LEFT JOIN pg_dist_partition d ON d.logicalrelid = c.oid
	 WHERE c.relkind IN ('r', 'p')
	   AND c.relnamespace IN ('perfeval'::regnamespace, 'perfeval_internal'::regnamespace)
	 ORDER BY c.oid::regclass::text;
END
$$;
REVOKE ALL ON FUNCTION perfeval.distribute(integer) FROM PUBLIC;
COMMENT ON FUNCTION perfeval.distribute(integer) IS '在 Citus 协调节点上分布仓库：增长的表按 project_id 分布并共置（shard_count 为分片数），查找表为参考表；可重复运行 / Distribute the warehouse on a Citus coordinator: growing tables by project_id, co-located (shard_count shards), lookup tables as reference tables; safe to run twice';
