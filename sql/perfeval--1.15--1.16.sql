-- perfeval 1.15 -> 1.16: real forms go in (issue 26).
-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION perfeval UPDATE TO '1.16'" to load this file. \quit

-- Blocks, each named by what it brings; the rules themselves ship in the
-- library (src/pe_form.c, src/pe_csv.c), so most blocks only declare.

-- == last: every view a security barrier, after every block above ==
-- (CREATE OR REPLACE VIEW resets a view's options)
SELECT perfeval_internal.seal_views();
