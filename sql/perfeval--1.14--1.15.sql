-- perfeval 1.14 -> 1.15: hardening (issue 25): no leak through the views,
-- imports with the stager's rights, strict binary input, every restore
-- keeps everything, only the owner changes who sees what and how everyone
-- is graded, invisible characters refused, formula cells neutralised.
\echo Use "ALTER EXTENSION perfeval UPDATE TO '1.15'" to load this file. \quit

