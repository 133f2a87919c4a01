/*
 * target.c
 *		The perfeval.target and perfeval.measure types: text and binary I/O,
 *		comparison, hashing and accessors.
 *
 * Both types share one compact varlena layout (see perfeval.h); they differ
 * only in their input grammar and in how they print.
 */
#include "perfeval.h"

#include "common/hashfn.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"

/* Build the varlena for a parsed target or measure. */
static Datum
quant_pack(const PeQuant *q)
{
	Size		len = VARHDRSZ + PE_QUANT_HDR + q->textlen;
	char	   *res = palloc(len);
	char	   *p = res + VARHDRSZ;
	int64		amount = q->amount;

	SET_VARSIZE(res, len);
	p[0] = PE_FORMAT_VERSION;
	p[1] = q->cmp;
	p[2] = q->unit;
	p[3] = q->per;
	memcpy(p + 4, &amount, sizeof(int64));
	if (q->textlen > 0)
		memcpy(p + PE_QUANT_HDR, q->text, q->textlen);
	return PointerGetDatum(res);
}

/* Unpack a stored target/measure without copying it. */
void
pe_quant_unpack(Datum d, PeQuant *q)
{
	struct varlena *v = PG_DETOAST_DATUM_PACKED(d);
	const char *p = VARDATA_ANY(v);
	Size		len = VARSIZE_ANY_EXHDR(v);

	if (len < PE_QUANT_HDR || p[0] != PE_FORMAT_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("corrupt perfeval value: unknown format version %d",
						len > 0 ? (int) p[0] : -1)));
	q->cmp = (uint8) p[1];
	q->unit = (uint8) p[2];
	q->per = (uint8) p[3];
	memcpy(&q->amount, p + 4, sizeof(int64));
	q->text = p + PE_QUANT_HDR;
	q->textlen = len - PE_QUANT_HDR;
}

/* Canonical text of a target or measure, palloc'd. */
static char *
quant_text(const PeQuant *q, bool is_target)
{
	char	   *buf = palloc(PE_QUANT_BUFLEN + q->textlen + 1);

	pe_format_quant(q, is_target, buf);
	return buf;
}

/*
 * Parse text input of either type into *out; false (err filled) when the
 * text is not one.  Callers that keep going after a bad value (the import)
 * use this; the input functions raise 22P02.
 */
bool
pe_quant_try(const char *str, bool is_target, Datum *out, PeError *err)
{
	size_t		len = strlen(str);
	char	   *buf = palloc(len + 1);
	PeQuant		q;

	if ((is_target ? pe_parse_target(str, len, &q, buf, err) :
		 pe_parse_measure(str, len, &q, buf, err)) != PE_OK)
		return false;
	if (!is_target)
		q.cmp = PE_CMP_NONE;
	*out = quant_pack(&q);
	return true;
}

/* Parse text input of either type, raising 22P02 on failure. */
static Datum
quant_in(const char *str, bool is_target)
{
	PeError		err;
	Datum		d;

	if (!pe_quant_try(str, is_target, &d, &err))
		pe_report(&err, is_target ? "target" : "measure", str,
				  is_target ? PE_HINT_TARGET : PE_HINT_MEASURE);
	return d;
}

/*
 * Binary input: the core checks every byte (length, fields, UTF-8 and the
 * invisible-character rule) and insists that the value is exactly one the
 * text parser would produce, so recv accepts nothing that in refuses.
 */
static Datum
quant_recv(StringInfo buf, bool is_target)
{
	const char *p = buf->data + buf->cursor;
	int			len = buf->len - buf->cursor;
	char	   *work = palloc(PE_QUANT_WIRE_BUF((size_t) len));
	PeQuant		q;
	PeError		err;

	if (pe_quant_from_wire(p, (size_t) len, is_target, &q, work, &err) != PE_OK)
		pe_report_binary(&err, is_target ? "target" : "measure", p, len);
	buf->cursor = buf->len;
	return quant_pack(&q);
}

/* Binary output: version, cmp, unit, per, amount, text. */
static bytea *
quant_send(Datum d)
{
	PeQuant		q;
	StringInfoData buf;

	pe_quant_unpack(d, &q);
	pq_begintypsend(&buf);
	pq_sendbyte(&buf, PE_FORMAT_VERSION);
	pq_sendbyte(&buf, q.cmp);
	pq_sendbyte(&buf, q.unit);
	pq_sendbyte(&buf, q.per);
	pq_sendint64(&buf, q.amount);
	pq_sendbytes(&buf, q.text, q.textlen);
	return pq_endtypsend(&buf);
}

/* Total order: qualitative after numbers, then unit, per, cmp, amount, text. */
static int
quant_cmp(Datum a, Datum b)
{
	PeQuant		x,
				y;
	int			c;

	pe_quant_unpack(a, &x);
	pe_quant_unpack(b, &y);
	if (x.unit != y.unit)
		return x.unit < y.unit ? -1 : 1;
	if (x.per != y.per)
		return x.per < y.per ? -1 : 1;
	if (x.cmp != y.cmp)
		return x.cmp < y.cmp ? -1 : 1;
	if (x.amount != y.amount)
		return x.amount < y.amount ? -1 : 1;
	c = memcmp(x.text, y.text, Min(x.textlen, y.textlen));
	if (c != 0)
		return c < 0 ? -1 : 1;
	if (x.textlen != y.textlen)
		return x.textlen < y.textlen ? -1 : 1;
	return 0;
}

/* Hash of the canonical fields in a byte order fixed across platforms. */
static uint64
quant_hash(Datum d, uint64 seed)
{
	PeQuant		q;
	uint64		h;
	uint64		be;
	uint32		head;

	pe_quant_unpack(d, &q);
	be = pg_hton64((uint64) q.amount);
	head = ((uint32) q.cmp << 16) | ((uint32) q.unit << 8) | q.per;
	h = DatumGetUInt64(hash_uint32_extended(head, seed));
	h = hash_combine64(h, DatumGetUInt64(hash_any_extended((const unsigned char *) &be,
														   sizeof(be), seed)));
	if (q.textlen > 0)
		h = hash_combine64(h, DatumGetUInt64(hash_any_extended((const unsigned char *) q.text,
															   q.textlen, seed)));
	return h;
}

#define QUANT_IO(name, is_target) \
PG_FUNCTION_INFO_V1(name##_in); \
Datum name##_in(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_DATUM(quant_in(PG_GETARG_CSTRING(0), is_target)); \
} \
PG_FUNCTION_INFO_V1(name##_out); \
Datum name##_out(PG_FUNCTION_ARGS) \
{ \
	PeQuant		q; \
	pe_quant_unpack(PG_GETARG_DATUM(0), &q); \
	PG_RETURN_CSTRING(quant_text(&q, is_target)); \
} \
PG_FUNCTION_INFO_V1(name##_recv); \
Datum name##_recv(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_DATUM(quant_recv((StringInfo) PG_GETARG_POINTER(0), is_target)); \
} \
PG_FUNCTION_INFO_V1(name##_send); \
Datum name##_send(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_BYTEA_P(quant_send(PG_GETARG_DATUM(0))); \
} \
PG_FUNCTION_INFO_V1(name##_cmp); \
Datum name##_cmp(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_INT32(quant_cmp(PG_GETARG_DATUM(0), PG_GETARG_DATUM(1))); \
} \
PG_FUNCTION_INFO_V1(name##_eq); \
Datum name##_eq(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_BOOL(quant_cmp(PG_GETARG_DATUM(0), PG_GETARG_DATUM(1)) == 0); \
} \
PG_FUNCTION_INFO_V1(name##_ne); \
Datum name##_ne(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_BOOL(quant_cmp(PG_GETARG_DATUM(0), PG_GETARG_DATUM(1)) != 0); \
} \
PG_FUNCTION_INFO_V1(name##_lt); \
Datum name##_lt(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_BOOL(quant_cmp(PG_GETARG_DATUM(0), PG_GETARG_DATUM(1)) < 0); \
} \
PG_FUNCTION_INFO_V1(name##_le); \
Datum name##_le(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_BOOL(quant_cmp(PG_GETARG_DATUM(0), PG_GETARG_DATUM(1)) <= 0); \
} \
PG_FUNCTION_INFO_V1(name##_gt); \
Datum name##_gt(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_BOOL(quant_cmp(PG_GETARG_DATUM(0), PG_GETARG_DATUM(1)) > 0); \
} \
PG_FUNCTION_INFO_V1(name##_ge); \
Datum name##_ge(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_BOOL(quant_cmp(PG_GETARG_DATUM(0), PG_GETARG_DATUM(1)) >= 0); \
} \
PG_FUNCTION_INFO_V1(name##_hash); \
Datum name##_hash(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_INT32((int32) quant_hash(PG_GETARG_DATUM(0), 0)); \
} \
PG_FUNCTION_INFO_V1(name##_hash_extended); \
Datum name##_hash_extended(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_INT64((int64) quant_hash(PG_GETARG_DATUM(0), (uint64) PG_GETARG_INT64(1))); \
}

QUANT_IO(target, true)
QUANT_IO(measure, false)

/* comparator(target): the comparator symbol, or NULL when qualitative. */
PG_FUNCTION_INFO_V1(target_comparator);
Datum
target_comparator(PG_FUNCTION_ARGS)
{
	PeQuant		q;

	pe_quant_unpack(PG_GETARG_DATUM(0), &q);
	if (q.unit == PE_UNIT_QUAL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(pe_cmp_symbol(q.cmp)));
}

/* amount(target|measure): the number, or NULL when qualitative. */
PG_FUNCTION_INFO_V1(quant_amount);
Datum
quant_amount(PG_FUNCTION_ARGS)
{
	PeQuant		q;

	pe_quant_unpack(PG_GETARG_DATUM(0), &q);
	if (q.unit == PE_UNIT_QUAL)
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(pe_fixed_to_numeric(q.amount));
}

/* unit(target|measure): the canonical unit text; '' when bare, NULL when qualitative. */
PG_FUNCTION_INFO_V1(quant_unit);
Datum
quant_unit(PG_FUNCTION_ARGS)
{
	PeQuant		q;
	StringInfoData s;

	pe_quant_unpack(PG_GETARG_DATUM(0), &q);
	if (q.unit == PE_UNIT_QUAL)
		PG_RETURN_NULL();
	if (q.unit == PE_UNIT_CUSTOM)
		PG_RETURN_TEXT_P(cstring_to_text_with_len(q.text, q.textlen));
	/* a date's amount is yyyymmdd */
	if (q.unit == PE_UNIT_DATE)
		PG_RETURN_TEXT_P(cstring_to_text("日期"));
	initStringInfo(&s);
	appendStringInfoString(&s, pe_unit_name(q.unit));
	if (q.per != PE_UNIT_NONE)
	{
		appendStringInfoChar(&s, '/');
		appendStringInfoString(&s, pe_unit_name(q.per));
	}
	PG_RETURN_TEXT_P(cstring_to_text_with_len(s.data, s.len));
}

/* is_qualitative(target|measure) */
PG_FUNCTION_INFO_V1(quant_is_qualitative);
Datum
quant_is_qualitative(PG_FUNCTION_ARGS)
{
	PeQuant		q;

	pe_quant_unpack(PG_GETARG_DATUM(0), &q);
	PG_RETURN_BOOL(q.unit == PE_UNIT_QUAL);
}

/* phrase(target|measure): the qualitative text, NULL for numbers. */
PG_FUNCTION_INFO_V1(quant_phrase);
Datum
quant_phrase(PG_FUNCTION_ARGS)
{
	PeQuant		q;

	pe_quant_unpack(PG_GETARG_DATUM(0), &q);
	if (q.unit != PE_UNIT_QUAL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text_with_len(q.text, q.textlen));
}
