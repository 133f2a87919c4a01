-- Section 95: every view is a security barrier.
--
-- The views read the tables as their owner and filter projects with
-- perfeval_internal.in_scope() (section 48).  Without a barrier the planner
-- may run a caller's own cheaper function in a WHERE clause (or a strict
-- one pushed through an outer join) before that filter, on every row: a
-- leak of other departments' names, money and scores.  A security_barrier
-- view runs no caller-supplied function that is not LEAKPROOF before its own
-- conditions.  Set here, after every view exists, from the catalog, so that
-- a view added later is covered too; every upgrade script ends by calling
-- seal_views() again (CREATE OR REPLACE VIEW resets a view's options).
-- Not the staging views (security_invoker: the caller's own row-level
-- security applies), and not indicator_evaluations and indicator_scored,
-- which only add a computed column to indicator_rows (a barrier): a
-- caller's condition on them stays above indicator_rows' filter, and their
-- rows feed every total (one more subquery node per indicator row).
-- test/leak.sh applies a leaky function to every column of every relation
-- and dated form, as a scoped role and as a role without a grant.
CREATE FUNCTION perfeval_internal.seal_views() RETURNS void
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	v regclass;
BEGIN
	FOR v IN SELECT c.oid::regclass FROM pg_class c
			  WHERE c.relkind = 'v'
				AND c.relnamespace IN ('perfeval'::regnamespace, 'perfeval_internal'::regnamespace)
				AND NOT coalesce(c.reloptions @> ARRAY['security_invoker=true'], false)
				AND NOT coalesce(c.reloptions @> ARRAY['security_barrier=true'], false)
				AND c.oid NOT IN ('perfeval_internal.indicator_evaluations'::regclass,
								  'perfeval_internal.indicator_scored'::regclass)
			  ORDER BY 1 LOOP
		EXECUTE format('ALTER VIEW %s SET (security_barrier = true)', v);
	END LOOP;
END $$;
REVOKE ALL ON FUNCTION perfeval_internal.seal_views() FROM PUBLIC;
COMMENT ON FUNCTION perfeval_internal.seal_views() IS '将扩展的每个视图设为安全屏障视图（防止调用者函数泄露范围外的行） / Makes every view of the extension a security barrier (no caller function sees rows outside the scope)';
SELECT perfeval_internal.seal_views();
