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
