-- perfeval install script, section 10: types.
-- The install script perfeval--1.0.sql is these sql/NN_*.sql files joined
-- in name order by the Makefile.

\echo Use "CREATE EXTENSION perfeval" to load this file. \quit

-- perfeval's internals (the kept state, section 45; what the views share;
-- the guards and a restore's parked rows below).
CREATE SCHEMA perfeval_internal;
COMMENT ON SCHEMA perfeval_internal IS 'perfeval 的内部对象：所维护的状态与视图的公共部分 / perfeval''s internals: the state it keeps and what its views share';
-- The text of a message the PL/pgSQL below raises, in the session's
-- lc_messages (src/messages.c, translated in po/ with the C messages):
-- RAISE ... USING MESSAGE = perfeval_internal.message('no_project', id).
CREATE FUNCTION perfeval_internal.message(key text, VARIADIC args text[] DEFAULT '{}') RETURNS text
	LANGUAGE C STABLE PARALLEL SAFE AS 'MODULE_PATHNAME', 'pe_message';
COMMENT ON FUNCTION perfeval_internal.message(text, text[]) IS 'perfeval 的消息文本（按会话的 lc_messages 翻译，代入参数） / A perfeval message''s text in the session''s lc_messages, its arguments put in';

-- A UTF8 database only: perfeval reads its text as UTF-8, and the division
-- list it ships has names no other server encoding holds (seven county
-- names have no GB2312 code, so EUC_CN cannot).  The script itself keeps
-- to what GB2312 has (those names by chr(), section 46's data; chr() for a
-- dash, section 80), so that an EUC_CN database is told this, by name,
-- instead of PostgreSQL's conversion error on the script.
DO $$
BEGIN
	IF pg_catalog.getdatabaseencoding() <> 'UTF8' THEN
		RAISE EXCEPTION USING ERRCODE = 'untranslatable_character',
			MESSAGE = perfeval_internal.message('not_utf8', pg_catalog.getdatabaseencoding()),
			DETAIL = perfeval_internal.message('not_utf8.detail'),
			HINT = perfeval_internal.message('not_utf8.hint');
	END IF;
END
$$;

CREATE TYPE perfeval.target;
CREATE FUNCTION perfeval.target_in(cstring) RETURNS perfeval.target
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.target_out(perfeval.target) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.target_recv(internal) RETURNS perfeval.target
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.target_send(perfeval.target) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE perfeval.target (
	INPUT = perfeval.target_in,
	OUTPUT = perfeval.target_out,
	RECEIVE = perfeval.target_recv,
	SEND = perfeval.target_send,
	INTERNALLENGTH = VARIABLE,
	STORAGE = extended
);

CREATE TYPE perfeval.measure;
CREATE FUNCTION perfeval.measure_in(cstring) RETURNS perfeval.measure
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.measure_out(perfeval.measure) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.measure_recv(internal) RETURNS perfeval.measure
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.measure_send(perfeval.measure) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE perfeval.measure (
	INPUT = perfeval.measure_in,
	OUTPUT = perfeval.measure_out,
	RECEIVE = perfeval.measure_recv,
	SEND = perfeval.measure_send,
	INTERNALLENGTH = VARIABLE,
	STORAGE = extended
);

CREATE TYPE perfeval.method;
CREATE FUNCTION perfeval.method_in(cstring) RETURNS perfeval.method
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.method_out(perfeval.method) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.method_recv(internal) RETURNS perfeval.method
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.method_send(perfeval.method) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE perfeval.method (
	INPUT = perfeval.method_in,
	OUTPUT = perfeval.method_out,
	RECEIVE = perfeval.method_recv,
	SEND = perfeval.method_send,
	INTERNALLENGTH = 24,
	ALIGNMENT = double,
	STORAGE = plain
);

CREATE TYPE perfeval.grade_scale;
CREATE FUNCTION perfeval.grade_scale_in(cstring) RETURNS perfeval.grade_scale
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.grade_scale_out(perfeval.grade_scale) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.grade_scale_recv(internal) RETURNS perfeval.grade_scale
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.grade_scale_send(perfeval.grade_scale) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE perfeval.grade_scale (
	INPUT = perfeval.grade_scale_in,
	OUTPUT = perfeval.grade_scale_out,
	RECEIVE = perfeval.grade_scale_recv,
	SEND = perfeval.grade_scale_send,
	INTERNALLENGTH = VARIABLE,
	STORAGE = extended
);

-- Values perfeval derives and never takes as input: a scheme's rules
-- (scheme.rules, generated), what it keeps of a project's facts
-- (perfeval_internal.project_state, section 45), the evaluation of an
-- indicator row (section 50) and the state of sum_scores() (section 26).
-- Their input functions refuse text, except score_sum's, which Citus and
-- parallel workers use to pass partial totals; state takes its binary form
-- (checked byte for byte) when Citus moves a shard.
CREATE TYPE perfeval.rules;
CREATE FUNCTION perfeval.rules_in(cstring) RETURNS perfeval.rules
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.rules_out(perfeval.rules) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
-- refuses too: a binary COPY into perfeval.scheme (Citus copies it so to
-- its reference table's placements) looks it up for the generated column
CREATE FUNCTION perfeval.rules_recv(internal) RETURNS perfeval.rules
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE perfeval.rules (
	INPUT = perfeval.rules_in,
	OUTPUT = perfeval.rules_out,
	RECEIVE = perfeval.rules_recv,
	INTERNALLENGTH = VARIABLE,
	STORAGE = plain
);

CREATE TYPE perfeval.state;
CREATE FUNCTION perfeval.state_in(cstring) RETURNS perfeval.state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.state_out(perfeval.state) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
-- binary, so that Citus can copy a shard of the kept state to another node
-- (a shard move, 1.16); every byte received is checked (src/pe_state.c)
CREATE FUNCTION perfeval.state_recv(internal) RETURNS perfeval.state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.state_send(perfeval.state) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
-- external: a large state is stored out of line uncompressed, never
-- compressed in line, so reading it costs no decompression per row
CREATE TYPE perfeval.state (
	INPUT = perfeval.state_in,
	OUTPUT = perfeval.state_out,
	RECEIVE = perfeval.state_recv,
	SEND = perfeval.state_send,
	INTERNALLENGTH = VARIABLE,
	STORAGE = external
);

CREATE TYPE perfeval.evaluation;
CREATE FUNCTION perfeval.evaluation_in(cstring) RETURNS perfeval.evaluation
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.evaluation_out(perfeval.evaluation) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE perfeval.evaluation (
	INPUT = perfeval.evaluation_in,
	OUTPUT = perfeval.evaluation_out,
	INTERNALLENGTH = 48,
	ALIGNMENT = double,
	STORAGE = plain
);

CREATE TYPE perfeval.score_sum;
CREATE FUNCTION perfeval.score_sum_in(cstring) RETURNS perfeval.score_sum
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.score_sum_out(perfeval.score_sum) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.score_sum_recv(internal) RETURNS perfeval.score_sum
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.score_sum_send(perfeval.score_sum) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE perfeval.score_sum (
	INPUT = perfeval.score_sum_in,
	OUTPUT = perfeval.score_sum_out,
	RECEIVE = perfeval.score_sum_recv,
	SEND = perfeval.score_sum_send,
	INTERNALLENGTH = 64,
	ALIGNMENT = double,
	STORAGE = plain
);
