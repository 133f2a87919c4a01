-- perfeval 1.10 -> 1.11: the import writes its fact tables as COPY writes
-- a table (src/bulk.c; docs/design.md, "Import speed (1.11)").
\echo Use "ALTER EXTENSION perfeval UPDATE TO '1.11'" to load this file. \quit

CREATE FUNCTION perfeval_internal.bulk_insert(target regclass, cols text, query text, lo bigint, hi bigint)
	RETURNS bigint LANGUAGE C STRICT AS 'MODULE_PATHNAME', 'pe_bulk_insert';
CREATE OR REPLACE FUNCTION perfeval_internal.write_rows(target regclass, cols text, query text, lo bigint, hi bigint)
	RETURNS void LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	citus boolean := false;
BEGIN
	IF to_regclass('pg_catalog.pg_dist_partition') IS NOT NULL THEN
		-- (a separate statement: planned only where Citus's catalog exists)
		citus := EXISTS (SELECT FROM pg_catalog.pg_dist_partition WHERE logicalrelid = target);
	END IF;
	IF citus THEN
		IF row_security_active(target) THEN
			PERFORM perfeval_internal.insert_rows(target, cols, query, lo, hi);
			RETURN;
		END IF;
	ELSIF NOT row_security_active(target) THEN
		IF perfeval_internal.bulk_insert(target, cols, query, lo, hi) IS NOT NULL THEN
			RETURN;
		END IF;
	END IF;
	EXECUTE format('INSERT INTO %s (%s) %s', target, cols, query) USING lo, hi;
END $$;

COMMENT ON FUNCTION perfeval_internal.bulk_insert(regclass, text, text, bigint, bigint) IS '像 COPY 一样分批写入查询结果：每批一次检查外键，项目状态最后重算一次；需要 INSERT 时返回 NULL / Writes a query''s rows in batches as COPY does, foreign keys checked once per batch and the kept state recomputed once; NULL where an INSERT is needed';
COMMENT ON FUNCTION perfeval_internal.write_rows(regclass, text, text, bigint, bigint) IS '导入写入一张表：分批写入（bulk_insert）、INSERT ... SELECT，或在 Citus 上逐批多行插入 / The import''s write of one table: bulk_insert(), an INSERT ... SELECT, or batched multi-row INSERTs on Citus';
