-- perfeval install script, section 10: types.
-- The install script perfeval--1.0.sql is these sql/NN_*.sql files joined
-- in name order by the Makefile.

\echo Use "CREATE EXTENSION perfeval" to load this file. \quit

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
-- parallel workers use to pass partial totals.
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
-- external: a large state is stored out of line uncompressed, never
-- compressed in line, so reading it costs no decompression per row
CREATE TYPE perfeval.state (
	INPUT = perfeval.state_in,
	OUTPUT = perfeval.state_out,
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
