/*
 * grade.c
 *		The perfeval.grade_scale type and grade(): grade bands as data.
 *
 * Stored payload: version, band count, then per band an int64 threshold and
 * uint16 label offset and length, then the labels back to back.
 */
#include "perfeval.h"

#include "common/hashfn.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"

#define BAND_BYTES 12

typedef struct GradeScale
{
	int			nbands;
	PeBand		bands[PE_MAX_BANDS];
	const char *labels;
	Size		labels_len;
} GradeScale;

/* Read a stored grade scale without copying its labels. */
static void
grades_unpack(Datum d, GradeScale *g)
{
	struct varlena *v = PG_DETOAST_DATUM_PACKED(d);
	const char *p = VARDATA_ANY(v);
	Size		len = VARSIZE_ANY_EXHDR(v);

	if (len < 2 || p[0] != PE_FORMAT_VERSION || (uint8) p[1] > PE_MAX_BANDS ||
		len < 2 + (Size) (uint8) p[1] * BAND_BYTES)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("corrupt perfeval.grade_scale value")));
	g->nbands = (uint8) p[1];
	for (int i = 0; i < g->nbands; i++)
	{
		const char *b = p + 2 + i * BAND_BYTES;

		memcpy(&g->bands[i].threshold, b, 8);
		memcpy(&g->bands[i].label_off, b + 8, 2);
		memcpy(&g->bands[i].label_len, b + 10, 2);
	}
	g->labels = p + 2 + g->nbands * BAND_BYTES;
	g->labels_len = len - 2 - g->nbands * BAND_BYTES;
}

/* Build the stored form from parsed bands. */
static Datum
grades_pack(const PeBand *bands, int n, const char *labels, Size labels_len)
{
	Size		len = VARHDRSZ + 2 + n * BAND_BYTES + labels_len;
	char	   *res = palloc(len);
	char	   *p = res + VARHDRSZ;

	SET_VARSIZE(res, len);
	p[0] = PE_FORMAT_VERSION;
	p[1] = (char) n;
	for (int i = 0; i < n; i++)
	{
		char	   *b = p + 2 + i * BAND_BYTES;

		memcpy(b, &bands[i].threshold, 8);
		memcpy(b + 8, &bands[i].label_off, 2);
		memcpy(b + 10, &bands[i].label_len, 2);
	}
	memcpy(p + 2 + n * BAND_BYTES, labels, labels_len);
	return PointerGetDatum(res);
}

/* Parse text into a stored grade scale; false (err filled) when it is not one. */
static bool
grades_try(const char *str, size_t len, Datum *out, PeError *err)
{
	PeBand		bands[PE_MAX_BANDS];
	int			n;
	char	   *labels = palloc(len + 1);
	Size		used = 0;

	if (pe_parse_grades(str, len, bands, &n, labels, err) != PE_OK)
		return false;
	for (int i = 0; i < n; i++)
		used = Max(used, (Size) bands[i].label_off + bands[i].label_len);
	*out = grades_pack(bands, n, labels, used);
	return true;
}

/* Parse text into a stored grade scale, raising 22P02 on bad input. */
static Datum
grades_from_text(const char *str, size_t len, const char *shown)
{
	PeError		err;
	Datum		d;

	if (!grades_try(str, len, &d, &err))
		pe_report(&err, "grade_scale", shown, PE_HINT_GRADES);
	return d;
}

/* Canonical text: 优:90,良:80,中:60,差:0 */
static char *
grades_text(const GradeScale *g)
{
	StringInfoData s;
	char		num[32];

	initStringInfo(&s);
	for (int i = 0; i < g->nbands; i++)
	{
		if (i > 0)
			appendStringInfoChar(&s, ',');
		appendBinaryStringInfo(&s, g->labels + g->bands[i].label_off,
							   g->bands[i].label_len);
		appendStringInfoChar(&s, ':');
		pe_format_fixed(g->bands[i].threshold, num);
		appendStringInfoString(&s, num);
	}
	return s.data;
}

PG_FUNCTION_INFO_V1(grade_scale_in);
Datum
grade_scale_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);

	PG_RETURN_DATUM(grades_from_text(str, strlen(str), str));
}

PG_FUNCTION_INFO_V1(grade_scale_out);
Datum
grade_scale_out(PG_FUNCTION_ARGS)
{
	GradeScale	g;

	grades_unpack(PG_GETARG_DATUM(0), &g);
	PG_RETURN_CSTRING(grades_text(&g));
}

/*
 * Binary form: a version byte, then the scale's text in the client encoding
 * (grade_scale_send writes the canonical text), rebuilt through the core's
 * parser.  Every refusal is 22P03: a payload without its version, text that
 * is not valid in the client encoding, or text the parser refuses.
 */
PG_FUNCTION_INFO_V1(grade_scale_recv);
Datum
grade_scale_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	const char *p = buf->data + buf->cursor;
	int			len = buf->len - buf->cursor;
	PeError		err;
	char	   *str;
	Datum		d;

	if (len < 1)
	{
		pe_fail(&err, PE_ERR_SYNTAX, 0,
				"The value is empty; a version byte and the scale's text are expected.");
		pe_report_binary(&err, "grade_scale", p, len);
	}
	if ((unsigned char) p[0] != PE_FORMAT_VERSION)
	{
		pe_fail(&err, PE_ERR_SYNTAX, 0, "Unsupported format version; 1 is expected.");
		pe_report_binary(&err, "grade_scale", p, len);
	}
	if (!pg_verify_mbstr(pg_get_client_encoding(), p + 1, len - 1, true))
	{
		pe_fail(&err, PE_ERR_SYNTAX, 1, "The text is not valid in the client encoding.");
		pe_report_binary(&err, "grade_scale", p, len);
	}
	str = pg_client_to_server(p + 1, len - 1);
	if (str == p + 1)
		str = pnstrdup(p + 1, len - 1);
	if (!grades_try(str, strlen(str), &d, &err))
		pe_report_binary(&err, "grade_scale", p, len);
	buf->cursor = buf->len;
	PG_RETURN_DATUM(d);
}

PG_FUNCTION_INFO_V1(grade_scale_send);
Datum
grade_scale_send(PG_FUNCTION_ARGS)
{
	GradeScale	g;
	StringInfoData buf;
	char	   *text;

	grades_unpack(PG_GETARG_DATUM(0), &g);
	text = grades_text(&g);
	pq_begintypsend(&buf);
	pq_sendbyte(&buf, PE_FORMAT_VERSION);
	pq_sendtext(&buf, text, strlen(text));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* Order grade scales by their canonical text (the bytes are canonical too). */
static int
grades_cmp(Datum a, Datum b)
{
	struct varlena *x = PG_DETOAST_DATUM_PACKED(a);
	struct varlena *y = PG_DETOAST_DATUM_PACKED(b);
	Size		lx = VARSIZE_ANY_EXHDR(x),
				ly = VARSIZE_ANY_EXHDR(y);
	int			c = memcmp(VARDATA_ANY(x), VARDATA_ANY(y), Min(lx, ly));

	if (c != 0)
		return c < 0 ? -1 : 1;
	return (lx == ly) ? 0 : (lx < ly ? -1 : 1);
}

#define GRADES_ARGS grades_cmp(PG_GETARG_DATUM(0), PG_GETARG_DATUM(1))

PG_FUNCTION_INFO_V1(grade_scale_cmp);
Datum
grade_scale_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(GRADES_ARGS);
}

PG_FUNCTION_INFO_V1(grade_scale_eq);
Datum
grade_scale_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(GRADES_ARGS == 0);
}

PG_FUNCTION_INFO_V1(grade_scale_ne);
Datum
grade_scale_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(GRADES_ARGS != 0);
}

PG_FUNCTION_INFO_V1(grade_scale_lt);
Datum
grade_scale_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(GRADES_ARGS < 0);
}

PG_FUNCTION_INFO_V1(grade_scale_le);
Datum
grade_scale_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(GRADES_ARGS <= 0);
}

PG_FUNCTION_INFO_V1(grade_scale_gt);
Datum
grade_scale_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(GRADES_ARGS > 0);
}

PG_FUNCTION_INFO_V1(grade_scale_ge);
Datum
grade_scale_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(GRADES_ARGS >= 0);
}

/* Hash of the canonical text, which does not depend on byte order. */
static uint64
grades_hash(Datum d, uint64 seed)
{
	GradeScale	g;
	char	   *text;

	grades_unpack(d, &g);
	text = grades_text(&g);
	return DatumGetUInt64(hash_any_extended((unsigned char *) text, strlen(text), seed));
}

PG_FUNCTION_INFO_V1(grade_scale_hash);
Datum
grade_scale_hash(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32((int32) grades_hash(PG_GETARG_DATUM(0), 0));
}

PG_FUNCTION_INFO_V1(grade_scale_hash_extended);
Datum
grade_scale_hash_extended(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64((int64) grades_hash(PG_GETARG_DATUM(0), (uint64) PG_GETARG_INT64(1)));
}

/*
 * Scales decoded once per call site, a few of them (projects of several
 * schemes interleave), so grading a warehouse allocates nothing per row.
 */
#define GRADE_CACHE 8
typedef struct GradeScaleEntry
{
	Size		len;
	char	   *bytes;			/* NULL: unused */
	GradeScale	g;
	text	   *labels[PE_MAX_BANDS];	/* each band's label, built once */
} GradeScaleEntry;

typedef struct GradeCache
{
	int			next;			/* slot to reuse when all are taken */
	GradeScaleEntry e[GRADE_CACHE];
} GradeCache;

/* The cache entry of a scale, decoded on first use. */
static GradeScaleEntry *
grade_entry(FunctionCallInfo fcinfo, Datum scale)
{
	struct varlena *v = PG_DETOAST_DATUM_PACKED(scale);
	Size		len = VARSIZE_ANY_EXHDR(v);
	GradeCache *c = (GradeCache *) fcinfo->flinfo->fn_extra;
	GradeScaleEntry *e;
	MemoryContext old;
	struct varlena *copy;

	if (c == NULL)
		c = fcinfo->flinfo->fn_extra = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt,
															   sizeof(GradeCache));
	for (int i = 0; i < GRADE_CACHE; i++)
		if (c->e[i].bytes && c->e[i].len == len && memcmp(c->e[i].bytes, VARDATA_ANY(v), len) == 0)
			return &c->e[i];
	e = &c->e[c->next];
	c->next = (c->next + 1) % GRADE_CACHE;
	old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
	if (e->bytes)
	{
		pfree(e->bytes - VARHDRSZ);
		for (int i = 0; i < e->g.nbands; i++)
			pfree(e->labels[i]);
	}
	copy = (struct varlena *) palloc(VARHDRSZ + len);
	SET_VARSIZE(copy, VARHDRSZ + len);
	memcpy(VARDATA(copy), VARDATA_ANY(v), len);
	e->len = len;
	e->bytes = VARDATA(copy);
	grades_unpack(PointerGetDatum(copy), &e->g);
	for (int i = 0; i < e->g.nbands; i++)
		e->labels[i] = cstring_to_text_with_len(e->g.labels + e->g.bands[i].label_off,
												e->g.bands[i].label_len);
	MemoryContextSwitchTo(old);
	return e;
}

/*
 * A score in fixed point for comparing with band thresholds (which have at
 * most six decimals): its floor at 10^-6, clamped to the accepted range.
 * NaN and infinities are not scores.
 */
static int64
score_arg(Datum d)
{
	Numeric		n = DatumGetNumeric(d);
	int64		v;
	Datum		f;

	if (pe_numeric_fixed(d, &v, NULL))
		return v;
	if (numeric_is_nan(n) || numeric_is_inf(n))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot grade a score of %s", pe_numeric_text(d)),
				 errhint("A score is a finite number, such as 98.2.")));
	f = DirectFunctionCall1(numeric_floor,
							DirectFunctionCall2(numeric_mul, d,
												NumericGetDatum(int64_to_numeric(PE_SCALE))));
	if (DatumGetBool(DirectFunctionCall2(numeric_gt, f, NumericGetDatum(int64_to_numeric(PE_MAX_ABS)))))
		return PE_MAX_ABS;
	if (DatumGetBool(DirectFunctionCall2(numeric_lt, f, NumericGetDatum(int64_to_numeric(-PE_MAX_ABS)))))
		return -PE_MAX_ABS;
	return DatumGetInt64(DirectFunctionCall1(numeric_int8, f));
}

/* grade(score, scale): the label of the band the score falls in. */
PG_FUNCTION_INFO_V1(pe_grade);
Datum
pe_grade(PG_FUNCTION_ARGS)
{
	int64		score = score_arg(PG_GETARG_DATUM(0));
	GradeScaleEntry *e = grade_entry(fcinfo, PG_GETARG_DATUM(1));

	/* the label built once (callers read a result, never write it) */
	PG_RETURN_TEXT_P(e->labels[pe_grade_index(e->g.bands, e->g.nbands, score)]);
}

/* grade_band(score, scale): the band's number, 1 for the highest. */
PG_FUNCTION_INFO_V1(pe_grade_band);
Datum
pe_grade_band(PG_FUNCTION_ARGS)
{
	int64		score = score_arg(PG_GETARG_DATUM(0));
	GradeScaleEntry *e = grade_entry(fcinfo, PG_GETARG_DATUM(1));

	PG_RETURN_INT32(pe_grade_index(e->g.bands, e->g.nbands, score) + 1);
}
