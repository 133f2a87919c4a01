/*
 * method.c
 *		The perfeval.method type: a scoring method parsed once and stored as
 *		a fixed 24-byte value.
 */
#include "perfeval.h"

#include "common/hashfn.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"

/* Build the stored form from a parsed method. */
static MethodData *
method_pack(const PeMethod *m)
{
	MethodData *d = palloc0(sizeof(MethodData));

	d->version = PE_FORMAT_VERSION;
	d->kind = m->kind;
	d->p1 = m->p1;
	d->p2 = m->p2;
	return d;
}

/* Text input: proportional, floor:60, all_or_nothing, deduct:1/5, 按比例 ... */
PG_FUNCTION_INFO_V1(method_in);
Datum
method_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	PeMethod	m;
	PeError		err;

	if (pe_parse_method(str, strlen(str), &m, &err) != PE_OK)
		pe_report(&err, "method", str, PE_HINT_METHOD);
	PG_RETURN_POINTER(method_pack(&m));
}

/* Text output in the canonical English form. */
PG_FUNCTION_INFO_V1(method_out);
Datum
method_out(PG_FUNCTION_ARGS)
{
	MethodData *d = (MethodData *) PG_GETARG_POINTER(0);
	PeMethod	m = {d->kind, d->p1, d->p2};
	char	   *buf = palloc(PE_METHOD_BUFLEN);

	pe_format_method(&m, buf);
	PG_RETURN_CSTRING(buf);
}

/*
 * perfeval.method_zh(method): the Chinese spelling (按比例, 低于60%不得分,
 * 达标得满分, 每低5个百分点扣1分), which method_in reads back; what a form
 * writes in 指标性质's brackets.
 */
PG_FUNCTION_INFO_V1(method_zh);
Datum
method_zh(PG_FUNCTION_ARGS)
{
	MethodData *d = (MethodData *) PG_GETARG_POINTER(0);
	PeMethod	m = {d->kind, d->p1, d->p2};
	char		buf[PE_METHOD_BUFLEN];

	pe_format_method_zh(&m, buf);
	PG_RETURN_TEXT_P(cstring_to_text(buf));
}

/* Binary input: 18 bytes, checked and re-read as canonical text by the core. */
PG_FUNCTION_INFO_V1(method_recv);
Datum
method_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	const char *p = buf->data + buf->cursor;
	int			len = buf->len - buf->cursor;
	PeMethod	m;
	PeError		err;

	if (pe_method_from_wire(p, (size_t) len, &m, &err) != PE_OK)
		pe_report_binary(&err, "method", p, len);
	buf->cursor = buf->len;
	PG_RETURN_POINTER(method_pack(&m));
}

/* Binary output: version, kind, p1, p2. */
PG_FUNCTION_INFO_V1(method_send);
Datum
method_send(PG_FUNCTION_ARGS)
{
	MethodData *d = (MethodData *) PG_GETARG_POINTER(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, PE_FORMAT_VERSION);
	pq_sendbyte(&buf, d->kind);
	pq_sendint64(&buf, d->p1);
	pq_sendint64(&buf, d->p2);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* Order by kind, then parameters. */
static int
method_compare(const MethodData *a, const MethodData *b)
{
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	if (a->p1 != b->p1)
		return a->p1 < b->p1 ? -1 : 1;
	if (a->p2 != b->p2)
		return a->p2 < b->p2 ? -1 : 1;
	return 0;
}

#define METHOD_ARGS \
	method_compare((MethodData *) PG_GETARG_POINTER(0), (MethodData *) PG_GETARG_POINTER(1))

PG_FUNCTION_INFO_V1(method_cmp);
Datum
method_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(METHOD_ARGS);
}

PG_FUNCTION_INFO_V1(method_eq);
Datum
method_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(METHOD_ARGS == 0);
}

PG_FUNCTION_INFO_V1(method_ne);
Datum
method_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(METHOD_ARGS != 0);
}

PG_FUNCTION_INFO_V1(method_lt);
Datum
method_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(METHOD_ARGS < 0);
}

PG_FUNCTION_INFO_V1(method_le);
Datum
method_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(METHOD_ARGS <= 0);
}

PG_FUNCTION_INFO_V1(method_gt);
Datum
method_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(METHOD_ARGS > 0);
}

PG_FUNCTION_INFO_V1(method_ge);
Datum
method_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(METHOD_ARGS >= 0);
}

/* Hash of kind and parameters in network byte order. */
static uint64
method_hash_seed(const MethodData *d, uint64 seed)
{
	unsigned char b[17];
	uint64		p1 = pg_hton64((uint64) d->p1);
	uint64		p2 = pg_hton64((uint64) d->p2);

	b[0] = d->kind;
	memcpy(b + 1, &p1, 8);
	memcpy(b + 9, &p2, 8);
	return DatumGetUInt64(hash_any_extended(b, sizeof(b), seed));
}

PG_FUNCTION_INFO_V1(method_hash);
Datum
method_hash(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32((int32) method_hash_seed((MethodData *) PG_GETARG_POINTER(0), 0));
}

PG_FUNCTION_INFO_V1(method_hash_extended);
Datum
method_hash_extended(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64((int64) method_hash_seed((MethodData *) PG_GETARG_POINTER(0),
											 (uint64) PG_GETARG_INT64(1)));
}
