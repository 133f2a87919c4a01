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

/* Parse text into a stored grade scale, raising 22P02 on bad input. */
static Datum
grades_from_text(const char *str, size_t len, const char *shown)
{
	PeBand		bands[PE_MAX_BANDS];
	int			n;
	char	   *labels = palloc(len + 1);
	PeError		err;
	Size		used = 0;

	if (pe_parse_grades(str, len, bands, &n, labels, &err) != PE_OK)
		pe_report(&err, "grade_scale", shown, PE_HINT_GRADES);
	for (int i = 0; i < n; i++)
		used = Max(used, (Size) bands[i].label_off + bands[i].label_len);
	return grades_pack(bands, n, labels, used);
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

/* Binary form is the canonical text: rebuilt through the text parser. */
PG_FUNCTION_INFO_V1(grade_scale_recv);
Datum
grade_scale_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			version = pq_getmsgbyte(buf);
	int			nbytes;
	char	   *str;

	if (version != PE_FORMAT_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid binary grade_scale: unsupported format version %d", version)));
	str = pq_getmsgtext(buf, buf->len - buf->cursor, &nbytes);
	PG_RETURN_DATUM(grades_from_text(str, nbytes, str));
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
 * A scale's thresholds as numerics, cached per call site and rebuilt only
 * when the scale changes, so grading a warehouse allocates nothing per row.
 */
typedef struct GradeCache
{
	Size		len;
	char	   *bytes;
	GradeScale	g;
	Numeric		thresholds[PE_MAX_BANDS];
} GradeCache;

/* grade(score, scale): the label of the band the score falls in. */
PG_FUNCTION_INFO_V1(pe_grade);
Datum
pe_grade(PG_FUNCTION_ARGS)
{
	Numeric		score = PG_GETARG_NUMERIC(0);
	struct varlena *v = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(1));
	Size		len = VARSIZE_ANY_EXHDR(v);
	GradeCache *c = (GradeCache *) fcinfo->flinfo->fn_extra;
	int			i;

	if (numeric_is_nan(score))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot grade a score of NaN")));
	if (c == NULL || c->len != len || memcmp(c->bytes, VARDATA_ANY(v), len) != 0)
	{
		MemoryContext old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
		struct varlena *copy;

		if (c == NULL)
			c = palloc0(sizeof(GradeCache));
		else
		{
			/* scales alternate when projects use different schemes */
			pfree(c->bytes - VARHDRSZ);
			for (i = 0; i < c->g.nbands; i++)
				pfree(c->thresholds[i]);
		}
		copy = (struct varlena *) palloc(VARHDRSZ + len);
		SET_VARSIZE(copy, VARHDRSZ + len);
		memcpy(VARDATA(copy), VARDATA_ANY(v), len);
		c->len = len;
		c->bytes = VARDATA(copy);
		grades_unpack(PointerGetDatum(copy), &c->g);
		for (i = 0; i < c->g.nbands; i++)
			c->thresholds[i] = pe_fixed_to_numeric(c->g.bands[i].threshold);
		MemoryContextSwitchTo(old);
		fcinfo->flinfo->fn_extra = c;
	}
	for (i = 0; i < c->g.nbands - 1; i++)
		if (DatumGetInt32(DirectFunctionCall2(numeric_cmp, NumericGetDatum(score),
											  NumericGetDatum(c->thresholds[i]))) >= 0)
			break;
	PG_RETURN_TEXT_P(cstring_to_text_with_len(c->g.labels + c->g.bands[i].label_off,
											  c->g.bands[i].label_len));
}
