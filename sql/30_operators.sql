-- Section 30: comparison operators and btree/hash operator classes, so
-- BI tools can GROUP BY, ORDER BY and join on every perfeval type.

-- target
CREATE FUNCTION perfeval.target_eq(perfeval.target, perfeval.target) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.target_ne(perfeval.target, perfeval.target) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.target_lt(perfeval.target, perfeval.target) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.target_le(perfeval.target, perfeval.target) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.target_gt(perfeval.target, perfeval.target) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.target_ge(perfeval.target, perfeval.target) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.target_cmp(perfeval.target, perfeval.target) RETURNS int4
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.target_hash(perfeval.target) RETURNS int4
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.target_hash_extended(perfeval.target, int8) RETURNS int8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OPERATOR perfeval.= (
	LEFTARG = perfeval.target, RIGHTARG = perfeval.target,
	PROCEDURE = perfeval.target_eq,
	COMMUTATOR = OPERATOR(perfeval.=), NEGATOR = OPERATOR(perfeval.<>),
	RESTRICT = eqsel, JOIN = eqjoinsel,
	HASHES, MERGES
);
CREATE OPERATOR perfeval.<> (
	LEFTARG = perfeval.target, RIGHTARG = perfeval.target,
	PROCEDURE = perfeval.target_ne,
	COMMUTATOR = OPERATOR(perfeval.<>), NEGATOR = OPERATOR(perfeval.=),
	RESTRICT = neqsel, JOIN = neqjoinsel
);
CREATE OPERATOR perfeval.< (
	LEFTARG = perfeval.target, RIGHTARG = perfeval.target,
	PROCEDURE = perfeval.target_lt,
	COMMUTATOR = OPERATOR(perfeval.>), NEGATOR = OPERATOR(perfeval.>=),
	RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
CREATE OPERATOR perfeval.<= (
	LEFTARG = perfeval.target, RIGHTARG = perfeval.target,
	PROCEDURE = perfeval.target_le,
	COMMUTATOR = OPERATOR(perfeval.>=), NEGATOR = OPERATOR(perfeval.>),
	RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
CREATE OPERATOR perfeval.> (
	LEFTARG = perfeval.target, RIGHTARG = perfeval.target,
	PROCEDURE = perfeval.target_gt,
	COMMUTATOR = OPERATOR(perfeval.<), NEGATOR = OPERATOR(perfeval.<=),
	RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
CREATE OPERATOR perfeval.>= (
	LEFTARG = perfeval.target, RIGHTARG = perfeval.target,
	PROCEDURE = perfeval.target_ge,
	COMMUTATOR = OPERATOR(perfeval.<=), NEGATOR = OPERATOR(perfeval.<),
	RESTRICT = scalargesel, JOIN = scalargejoinsel
);
CREATE OPERATOR CLASS perfeval.target_ops DEFAULT FOR TYPE perfeval.target USING btree AS
	OPERATOR 1 perfeval.< , OPERATOR 2 perfeval.<= , OPERATOR 3 perfeval.= ,
	OPERATOR 4 perfeval.>= , OPERATOR 5 perfeval.> ,
	FUNCTION 1 perfeval.target_cmp(perfeval.target, perfeval.target);
CREATE OPERATOR CLASS perfeval.target_hash_ops DEFAULT FOR TYPE perfeval.target USING hash AS
	OPERATOR 1 perfeval.= ,
	FUNCTION 1 perfeval.target_hash(perfeval.target),
	FUNCTION 2 perfeval.target_hash_extended(perfeval.target, int8);

-- measure
CREATE FUNCTION perfeval.measure_eq(perfeval.measure, perfeval.measure) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.measure_ne(perfeval.measure, perfeval.measure) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.measure_lt(perfeval.measure, perfeval.measure) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.measure_le(perfeval.measure, perfeval.measure) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.measure_gt(perfeval.measure, perfeval.measure) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.measure_ge(perfeval.measure, perfeval.measure) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.measure_cmp(perfeval.measure, perfeval.measure) RETURNS int4
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.measure_hash(perfeval.measure) RETURNS int4
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.measure_hash_extended(perfeval.measure, int8) RETURNS int8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OPERATOR perfeval.= (
	LEFTARG = perfeval.measure, RIGHTARG = perfeval.measure,
	PROCEDURE = perfeval.measure_eq,
	COMMUTATOR = OPERATOR(perfeval.=), NEGATOR = OPERATOR(perfeval.<>),
	RESTRICT = eqsel, JOIN = eqjoinsel,
	HASHES, MERGES
);
CREATE OPERATOR perfeval.<> (
	LEFTARG = perfeval.measure, RIGHTARG = perfeval.measure,
	PROCEDURE = perfeval.measure_ne,
	COMMUTATOR = OPERATOR(perfeval.<>), NEGATOR = OPERATOR(perfeval.=),
	RESTRICT = neqsel, JOIN = neqjoinsel
);
CREATE OPERATOR perfeval.< (
	LEFTARG = perfeval.measure, RIGHTARG = perfeval.measure,
	PROCEDURE = perfeval.measure_lt,
	COMMUTATOR = OPERATOR(perfeval.>), NEGATOR = OPERATOR(perfeval.>=),
	RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
CREATE OPERATOR perfeval.<= (
	LEFTARG = perfeval.measure, RIGHTARG = perfeval.measure,
	PROCEDURE = perfeval.measure_le,
	COMMUTATOR = OPERATOR(perfeval.>=), NEGATOR = OPERATOR(perfeval.>),
	RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
CREATE OPERATOR perfeval.> (
	LEFTARG = perfeval.measure, RIGHTARG = perfeval.measure,
	PROCEDURE = perfeval.measure_gt,
	COMMUTATOR = OPERATOR(perfeval.<), NEGATOR = OPERATOR(perfeval.<=),
	RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
CREATE OPERATOR perfeval.>= (
	LEFTARG = perfeval.measure, RIGHTARG = perfeval.measure,
	PROCEDURE = perfeval.measure_ge,
	COMMUTATOR = OPERATOR(perfeval.<=), NEGATOR = OPERATOR(perfeval.<),
	RESTRICT = scalargesel, JOIN = scalargejoinsel
);
CREATE OPERATOR CLASS perfeval.measure_ops DEFAULT FOR TYPE perfeval.measure USING btree AS
	OPERATOR 1 perfeval.< , OPERATOR 2 perfeval.<= , OPERATOR 3 perfeval.= ,
	OPERATOR 4 perfeval.>= , OPERATOR 5 perfeval.> ,
	FUNCTION 1 perfeval.measure_cmp(perfeval.measure, perfeval.measure);
CREATE OPERATOR CLASS perfeval.measure_hash_ops DEFAULT FOR TYPE perfeval.measure USING hash AS
	OPERATOR 1 perfeval.= ,
	FUNCTION 1 perfeval.measure_hash(perfeval.measure),
	FUNCTION 2 perfeval.measure_hash_extended(perfeval.measure, int8);

-- method
CREATE FUNCTION perfeval.method_eq(perfeval.method, perfeval.method) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.method_ne(perfeval.method, perfeval.method) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.method_lt(perfeval.method, perfeval.method) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.method_le(perfeval.method, perfeval.method) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.method_gt(perfeval.method, perfeval.method) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.method_ge(perfeval.method, perfeval.method) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.method_cmp(perfeval.method, perfeval.method) RETURNS int4
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.method_hash(perfeval.method) RETURNS int4
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.method_hash_extended(perfeval.method, int8) RETURNS int8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OPERATOR perfeval.= (
	LEFTARG = perfeval.method, RIGHTARG = perfeval.method,
	PROCEDURE = perfeval.method_eq,
	COMMUTATOR = OPERATOR(perfeval.=), NEGATOR = OPERATOR(perfeval.<>),
	RESTRICT = eqsel, JOIN = eqjoinsel,
	HASHES, MERGES
);
CREATE OPERATOR perfeval.<> (
	LEFTARG = perfeval.method, RIGHTARG = perfeval.method,
	PROCEDURE = perfeval.method_ne,
	COMMUTATOR = OPERATOR(perfeval.<>), NEGATOR = OPERATOR(perfeval.=),
	RESTRICT = neqsel, JOIN = neqjoinsel
);
CREATE OPERATOR perfeval.< (
	LEFTARG = perfeval.method, RIGHTARG = perfeval.method,
	PROCEDURE = perfeval.method_lt,
	COMMUTATOR = OPERATOR(perfeval.>), NEGATOR = OPERATOR(perfeval.>=),
	RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
CREATE OPERATOR perfeval.<= (
	LEFTARG = perfeval.method, RIGHTARG = perfeval.method,
	PROCEDURE = perfeval.method_le,
	COMMUTATOR = OPERATOR(perfeval.>=), NEGATOR = OPERATOR(perfeval.>),
	RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
CREATE OPERATOR perfeval.> (
	LEFTARG = perfeval.method, RIGHTARG = perfeval.method,
	PROCEDURE = perfeval.method_gt,
	COMMUTATOR = OPERATOR(perfeval.<), NEGATOR = OPERATOR(perfeval.<=),
	RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
CREATE OPERATOR perfeval.>= (
	LEFTARG = perfeval.method, RIGHTARG = perfeval.method,
	PROCEDURE = perfeval.method_ge,
	COMMUTATOR = OPERATOR(perfeval.<=), NEGATOR = OPERATOR(perfeval.<),
	RESTRICT = scalargesel, JOIN = scalargejoinsel
);
CREATE OPERATOR CLASS perfeval.method_ops DEFAULT FOR TYPE perfeval.method USING btree AS
	OPERATOR 1 perfeval.< , OPERATOR 2 perfeval.<= , OPERATOR 3 perfeval.= ,
	OPERATOR 4 perfeval.>= , OPERATOR 5 perfeval.> ,
	FUNCTION 1 perfeval.method_cmp(perfeval.method, perfeval.method);
CREATE OPERATOR CLASS perfeval.method_hash_ops DEFAULT FOR TYPE perfeval.method USING hash AS
	OPERATOR 1 perfeval.= ,
	FUNCTION 1 perfeval.method_hash(perfeval.method),
	FUNCTION 2 perfeval.method_hash_extended(perfeval.method, int8);

-- grade_scale
CREATE FUNCTION perfeval.grade_scale_eq(perfeval.grade_scale, perfeval.grade_scale) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.grade_scale_ne(perfeval.grade_scale, perfeval.grade_scale) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.grade_scale_lt(perfeval.grade_scale, perfeval.grade_scale) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.grade_scale_le(perfeval.grade_scale, perfeval.grade_scale) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.grade_scale_gt(perfeval.grade_scale, perfeval.grade_scale) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.grade_scale_ge(perfeval.grade_scale, perfeval.grade_scale) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.grade_scale_cmp(perfeval.grade_scale, perfeval.grade_scale) RETURNS int4
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.grade_scale_hash(perfeval.grade_scale) RETURNS int4
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perfeval.grade_scale_hash_extended(perfeval.grade_scale, int8) RETURNS int8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OPERATOR perfeval.= (
	LEFTARG = perfeval.grade_scale, RIGHTARG = perfeval.grade_scale,
	PROCEDURE = perfeval.grade_scale_eq,
	COMMUTATOR = OPERATOR(perfeval.=), NEGATOR = OPERATOR(perfeval.<>),
	RESTRICT = eqsel, JOIN = eqjoinsel,
	HASHES, MERGES
);
CREATE OPERATOR perfeval.<> (
	LEFTARG = perfeval.grade_scale, RIGHTARG = perfeval.grade_scale,
	PROCEDURE = perfeval.grade_scale_ne,
	COMMUTATOR = OPERATOR(perfeval.<>), NEGATOR = OPERATOR(perfeval.=),
	RESTRICT = neqsel, JOIN = neqjoinsel
);
CREATE OPERATOR perfeval.< (
	LEFTARG = perfeval.grade_scale, RIGHTARG = perfeval.grade_scale,
	PROCEDURE = perfeval.grade_scale_lt,
	COMMUTATOR = OPERATOR(perfeval.>), NEGATOR = OPERATOR(perfeval.>=),
	RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
CREATE OPERATOR perfeval.<= (
	LEFTARG = perfeval.grade_scale, RIGHTARG = perfeval.grade_scale,
	PROCEDURE = perfeval.grade_scale_le,
	COMMUTATOR = OPERATOR(perfeval.>=), NEGATOR = OPERATOR(perfeval.>),
	RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
CREATE OPERATOR perfeval.> (
	LEFTARG = perfeval.grade_scale, RIGHTARG = perfeval.grade_scale,
	PROCEDURE = perfeval.grade_scale_gt,
	COMMUTATOR = OPERATOR(perfeval.<), NEGATOR = OPERATOR(perfeval.<=),
	RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
CREATE OPERATOR perfeval.>= (
	LEFTARG = perfeval.grade_scale, RIGHTARG = perfeval.grade_scale,
	PROCEDURE = perfeval.grade_scale_ge,
	COMMUTATOR = OPERATOR(perfeval.<=), NEGATOR = OPERATOR(perfeval.<),
	RESTRICT = scalargesel, JOIN = scalargejoinsel
);
CREATE OPERATOR CLASS perfeval.grade_scale_ops DEFAULT FOR TYPE perfeval.grade_scale USING btree AS
	OPERATOR 1 perfeval.< , OPERATOR 2 perfeval.<= , OPERATOR 3 perfeval.= ,
	OPERATOR 4 perfeval.>= , OPERATOR 5 perfeval.> ,
	FUNCTION 1 perfeval.grade_scale_cmp(perfeval.grade_scale, perfeval.grade_scale);
CREATE OPERATOR CLASS perfeval.grade_scale_hash_ops DEFAULT FOR TYPE perfeval.grade_scale USING hash AS
	OPERATOR 1 perfeval.= ,
	FUNCTION 1 perfeval.grade_scale_hash(perfeval.grade_scale),
	FUNCTION 2 perfeval.grade_scale_hash_extended(perfeval.grade_scale, int8);
