#!/usr/bin/env bash
# test/nls.sh DB: perfeval's messages through PostgreSQL's NLS (po/).
#
#  (a) the catalog: po/zh_CN.po compiles with msgfmt --check, every message
#      translated (none untranslated, none fuzzy); po/perfeval.pot equals a
#      fresh extraction from src/ (so a new ereport without its translation
#      fails here), and every errmsg/errdetail/errhint of src/ has a literal
#      format xgettext can see (a macro or variable there would never be
#      extracted);
#  (b) the server: with SET lc_messages = 'zh_CN.UTF-8' a bad target, a
#      refused load (42501) and a bad binary payload (22P03) are reported in
#      Chinese, with lc_messages = 'C' in English, SQLSTATE unchanged.
#
# Run by test/run.sh on its throwaway cluster (PGHOST/PGPORT/PGUSER set, DB
# with the samples), which generates the zh_CN.UTF-8 locale (as root) when
# missing; without it (b) cannot run and the suite exits 77 (skipped).
set -uo pipefail
cd "$(dirname "$0")/.."
DB=${1:-dev}
[ -n "${PGBIN:-}" ] || { source test/pgbin.sh && pe_find_pg; }
status=0
fail() { echo "nls: $*"; status=1; }

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# (a) the catalog --------------------------------------------------------
for po in po/*.po; do
	if ! stats=$(msgfmt --check --statistics -o /dev/null "$po" 2>&1); then
		fail "$po does not compile: $stats"
	elif [[ "$stats" == *untranslated* || "$stats" == *fuzzy* ]]; then
		fail "$po: not every message is translated: $stats"
	fi
done
[ -f po/zh_CN.po ] || fail "po/zh_CN.po is missing"

# a fresh extraction, compared by message (not by line number)
if make -s --no-print-directory PG_CONFIG="$PGBIN/pg_config" nls-pot NLS_POT="$TMP/fresh.pot" >/dev/null; then
	norm() { msgcat --no-wrap --no-location --sort-output "$1" | grep -v '^"POT-Creation-Date:'; }
	if ! d=$(diff <(norm po/perfeval.pot) <(norm "$TMP/fresh.pot")); then
		fail "po/perfeval.pot is not what the sources give (run make update-po and translate the new messages):"
		echo "$d" | head -40
	fi
	# every message of the sources has its translation in each catalog
	for po in po/*.po; do
		msgcmp "$po" "$TMP/fresh.pot" >"$TMP/msgcmp" 2>&1 || { fail "$po lacks messages:"; head -20 "$TMP/msgcmp"; }
		untr=$(msgattrib --untranslated --no-obsolete "$po" | grep -c '^msgid ' || true)
		[ "$untr" = 0 ] || fail "$po: $untr untranslated messages"
	done
else
	fail "make nls-pot failed"
fi

# errmsg/errdetail/errhint/errcontext with anything but a literal format
# (errhint("%s", _(x)) is fine: x is marked where it is defined)
if grep -nE '\berr(msg|detail|hint|context|msg_plural|detail_plural)\(\s*[^"[:space:]]' src/*.c; then
	fail "an ereport above takes a non-literal format: xgettext cannot extract it (write it literally, or \"%s\", _(x) with x marked gettext_noop)"
fi
# the core's pe_detail_invisible, an array, is marked by its copy in module.c
inv=$(sed -n 's/^const char[[:space:]]*pe_detail_invisible\[\] = \(".*"\);$/\1/p' src/pe_parse.c)
[ -n "$inv" ] && grep -qxF "msgid $inv" po/perfeval.pot ||
	fail "pe_detail_invisible of src/pe_parse.c ($inv) is not the sentence src/module.c marks for translation"
# a PL/pgSQL RAISE with a literal message is never translated: the
# sections' RAISEs take their text from perfeval_internal.message()
# (src/messages.c), whose texts are extracted with the ereports'
if grep -nE "RAISE[[:space:]]+(EXCEPTION|WARNING|NOTICE|INFO)[[:space:]]+'" sql/[0-9]*.sql; then
	fail "a RAISE above has a literal message: write RAISE ... USING MESSAGE = perfeval_internal.message('key', ...) with the key's text in src/messages.c"
fi
# an ereport outside TEXTDOMAIN perfeval-NN (set in src/perfeval.h) is
# looked up in PostgreSQL's own catalog and never translated
for f in $(grep -l 'ereport' src/*.c); do
	grep -q '^#include "perfeval.h"' "$f" || fail "$f reports errors without including perfeval.h (its TEXTDOMAIN)"
done
if [ "$status" = 0 ]; then
	echo "nls: $(msgfmt --statistics -o /dev/null po/zh_CN.po 2>&1), perfeval.pot up to date"
fi

# (b) the server ---------------------------------------------------------
# (test/run.sh generates zh_CN.UTF-8 before it starts the server: a running
# server does not see a locale added later)
if ! err=$(psql -X -q -d "$DB" -c "SET lc_messages = 'zh_CN.UTF-8'" 2>&1); then
	echo "nls: skipped the server half: the server cannot switch to lc_messages zh_CN.UTF-8 (locale missing when it started? localedef -i zh_CN -f UTF-8 zh_CN.UTF-8 as root, from Debian's locales): ${err##*ERROR:  }"
	[ "$status" = 0 ] && exit 77
	exit "$status"
fi

# A session's errors: psql with the given lc_messages, then the SQL; stderr
# with SQLSTATEs (VERBOSITY verbose).
session() {
	local lang=$1
	shift
	psql -X -q -d "$DB" -v VERBOSITY=verbose -c "SET lc_messages = '$lang'" "$@" 2>&1
}
expect() {	# expect WHAT OUTPUT NEEDLE...: every needle (a fixed string) in OUTPUT
	local what=$1 out=$2
	shift 2
	for n in "$@"; do
		if ! grep -qF -- "$n" <<<"$out"; then
			fail "$what: \"$n\" missing in:"
			echo "$out" | sed 's/^/    /'
			return
		fi
	done
}

# 1. A bad target: 22P02, the message, the core's detail and the type's hint.
q="SELECT '≥≥5'::perfeval.target"
out=$(session zh_CN.UTF-8 -c "$q")
expect "a bad target in Chinese" "$out" '22P02' '类型 target 的输入语法无效: "≥≥5"' \
	'比较符之后应为数值' '指标值由可选的比较符'
out=$(session C -c "$q")
expect "a bad target in English" "$out" '22P02' 'invalid input syntax for type target: "≥≥5"' \
	'Expected a number after the comparator' 'A target is an optional comparator'

# 2. A refused load: a loader of one department writes another's actual.
psql -X -q -v ON_ERROR_STOP=1 -d "$DB" >/dev/null <<'SQL' || fail "cannot set up the loader role"
DO $$ BEGIN
	IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'perfeval_nls_loader') THEN CREATE ROLE perfeval_nls_loader; END IF;
END $$;
DELETE FROM perfeval.access_grant WHERE role_name = 'perfeval_nls_loader';
SELECT perfeval.grant_access('perfeval_nls_loader', department => '库尔勒上库综合产业园区管理委员会', may_load => true);
SQL
ins="INSERT INTO perfeval.actual (project_id, code, reported_on, measure) VALUES ('seed001', 'C11', '2099-01-01', '1家')"
out=$(session zh_CN.UTF-8 -c "SET ROLE perfeval_nls_loader" -c "$ins")
expect "a refused load in Chinese" "$out" '42501' '角色 "perfeval_nls_loader" 无权装载项目 "seed001"' \
	'该项目不在此角色获准装载的项目之内' '装载权限由数据仓库的所有者授予'
out=$(session C -c "SET ROLE perfeval_nls_loader" -c "$ins")
expect "a refused load in English" "$out" '42501' 'role "perfeval_nls_loader" may not load project "seed001"' \
	"The warehouse's owner grants loading"

# 3. A binary payload of an unknown format version (COPY FORMAT binary).
{
	printf 'PGCOPY\n\377\r\n\0'			# signature
	printf '\0\0\0\0\0\0\0\0'			# flags, header extension
	printf '\0\1\0\0\0\14'				# one field of 12 bytes
	printf '\2\2\2\0\0\0\0\0\167\65\224\0'	# version 2, ≥2000万元
	printf '\377\377'					# trailer
} >"$TMP/bad.bin"
copy=(-c "CREATE TEMP TABLE nls_bin (v perfeval.target)" -c "COPY nls_bin FROM STDIN (FORMAT binary)")
out=$(session zh_CN.UTF-8 "${copy[@]}" <"$TMP/bad.bin")
expect "a bad binary target in Chinese" "$out" '22P03' '类型 target 的二进制输入无效: "\x020202000000000077359400"（12 字节）' \
	'不支持的格式版本；应为 1' '二进制输入只接受 perfeval.target_send() 输出的格式'
out=$(session C "${copy[@]}" <"$TMP/bad.bin")
expect "a bad binary target in English" "$out" '22P03' 'invalid binary input for type target: "\x020202000000000077359400" (12 bytes)' \
	'Unsupported format version; 1 is expected.' 'Binary input takes what perfeval.target_send() writes.'

# 4. A message of perfeval's PL/pgSQL (report_html's RAISE, its text from
# perfeval_internal.message()): SQLSTATE, message and hint in each language.
q="SELECT perfeval.report_html('nls_no_such')"
out=$(session zh_CN.UTF-8 -c "$q")
expect "a PL/pgSQL message in Chinese" "$out" 'P0002' '没有项目 "nls_no_such"' '该项目不存在，或当前角色无权查看'
out=$(session C -c "$q")
expect "a PL/pgSQL message in English" "$out" 'P0002' 'no project "nls_no_such"' 'The project does not exist'
q="SELECT perfeval.grant_access('perfeval_nls_loader', division_prefix => '6')"
out=$(session zh_CN.UTF-8 -c "$q")
expect "a refused grant in Chinese" "$out" '22023' '无效的行政区划代码前缀："6"' 'GB/T 2260 代码的前缀'

psql -X -q -d "$DB" -c "DELETE FROM perfeval.access_grant WHERE role_name = 'perfeval_nls_loader'" \
	-c "DROP OWNED BY perfeval_nls_loader" -c "DROP ROLE perfeval_nls_loader" >/dev/null 2>&1 || true

[ "$status" = 0 ] && echo "nls: errors in Chinese under lc_messages = 'zh_CN.UTF-8', in English under 'C'"
exit "$status"
