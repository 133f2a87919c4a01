#!/usr/bin/env bash
# test/encoding.sh [DB]: perfeval where Chinese text is not UTF-8 end to end.
# DB is a UTF8 database of this cluster with the four samples loaded through
# UTF-8 (test/run.sh's `dev`, or the one test/run.sh test makes); PG* set.
#
# What PostgreSQL allows, and so what this tests:
#   * GBK and GB18030 are client encodings only: no database can have them
#     as its server encoding (checked in part 1).  A GBK shop runs perfeval in
#     a UTF8 database and sets client_encoding = GBK (or GB18030); part 3
#     loads the samples through a GBK client and reads every view back
#     through it.
#   * EUC_CN (GB2312) is the one simplified-Chinese server encoding.  The
#     control file says `encoding = UTF8`, so the install script is read as
#     UTF-8 and converted to EUC_CN before any of it runs.  Seven county
#     names of the national division list (鄠邑区, 硚口区, ...; part 2 finds
#     them from the database) have no GB2312 code, so perfeval cannot be held
#     there.  1.15 was refused by that conversion (22P05 "character with byte
#     sequence ... has no equivalent in encoding "EUC_CN""); since 1.16 the
#     script keeps to GB2312 (those names as Unicode escapes, a dash by
#     chr()) and its first statement refuses the database by name: 22P05
#     "perfeval needs a UTF8 database, not EUC_CN", with a hint, in the
#     session's language.  Part 2 checks the script converts, that refusal
#     (in English and in Chinese), and that it leaves nothing behind.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${1:-dev}
W=$(mktemp -d /tmp/perfeval-enc.XXXXXX)
trap 'rm -rf "$W"; for d in enc_euc enc_gbk; do dropdb --if-exists "$d" >/dev/null 2>&1 || true; done' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
q() { psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }

# 1. GBK and GB18030 cannot be a database's encoding.
for enc in GBK GB18030; do
	if out=$(q -d postgres -c "CREATE DATABASE enc_gbk ENCODING '$enc' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0" 2>&1); then
		bad "PostgreSQL created a database with ENCODING '$enc'"
		dropdb enc_gbk
	else
		out=${out#ERROR:  }; echo "ENCODING '$enc' refused as a server encoding: ${out%%$'\n'*}"
	fi
done

# 2. An EUC_CN database (the server encoding for GB2312): CREATE EXTENSION
#    is refused because the script's characters cannot all be converted.
createdb -E EUC_CN -l C -T template0 enc_euc
out=$(PGCLIENTENCODING=UTF8 psql -X -q -d enc_euc -v VERBOSITY=verbose -c '\set VERBOSITY verbose' \
	-c 'CREATE EXTENSION perfeval' 2>&1) && bad "CREATE EXTENSION perfeval succeeded in an EUC_CN database"
echo "EUC_CN database: ${out%%$'\n'*}"
case "$out" in
*'22P05'*'perfeval needs a UTF8 database, not EUC_CN'*"ENCODING 'UTF8'"*) ;;
*) bad "expected 22P05 \"perfeval needs a UTF8 database, not EUC_CN\" with its hint; got: $out" ;;
esac
# (in the session's language too; the translation itself keeps to GB2312)
if psql -X -q -d enc_euc -c "SET lc_messages = 'zh_CN.UTF-8'" >/dev/null 2>&1; then
	out=$(PGCLIENTENCODING=UTF8 psql -X -q -d enc_euc -c "SET lc_messages = 'zh_CN.UTF-8'" \
		-c 'CREATE EXTENSION perfeval' 2>&1) && bad "CREATE EXTENSION perfeval succeeded in an EUC_CN database"
	case "$out" in
	*'perfeval 需要 UTF8 编码的数据库，而不是 EUC_CN'*) ;;
	*) bad "expected the refusal in Chinese under lc_messages zh_CN.UTF-8; got: $out" ;;
	esac
fi
# the script converts to EUC_CN (only then can its first statement speak)
installed=$(q -d "$DB" -c "SELECT setting FROM pg_config WHERE name = 'SHAREDIR'")/extension/perfeval--$(q -d "$DB" -c "SELECT extversion FROM pg_extension WHERE extname = 'perfeval'").sql
iconv -f UTF-8 -t GB2312 "$installed" >/dev/null 2>"$W/iconv" ||
	bad "the install script has a character GB2312 lacks: $(head -c 300 "$W/iconv")"
n=$(PGCLIENTENCODING=UTF8 q -d enc_euc -c "SELECT count(*) FROM pg_namespace WHERE nspname IN ('perfeval', 'perfeval_internal')")
[ "$n" = 0 ] || bad "the refused CREATE EXTENSION left $n schemas behind"
# why it cannot work there: shipped names GB2312 does not have (read from
# the UTF8 database; convert_to() raises 22P05 on each).
lacking=$(q -d "$DB" -c "
	CREATE FUNCTION pg_temp.in_euc_cn(t text) RETURNS boolean LANGUAGE plpgsql AS
	\$\$BEGIN PERFORM convert_to(t, 'EUC_CN'); RETURN true;
	EXCEPTION WHEN untranslatable_character THEN RETURN false; END\$\$;
	SELECT string_agg(code || ' ' || name, ', ' ORDER BY code)
	FROM perfeval_internal.division_shipped WHERE NOT pg_temp.in_euc_cn(name)")
[ -n "$lacking" ] || bad "every shipped division name fits EUC_CN: then the extension should install there"
echo "shipped division names EUC_CN (GB2312) cannot hold: $lacking"

# 3. A UTF8 database used through GBK clients: the samples loaded through
#    client_encoding GBK give every view exactly what UTF-8 loading gives,
#    read back through GBK.
createdb -E UTF8 -l C -T template0 enc_gbk
q -d enc_gbk -c 'CREATE EXTENSION perfeval'
for f in test/data/seed_*.sql; do
	iconv -f UTF-8 -t GBK "$f" >"$W/seed.gbk"
	PGCLIENTENCODING=GBK q -d enc_gbk -f "$W/seed.gbk" >/dev/null
done
views=$(q -d "$DB" -c "SELECT string_agg(quote_ident(viewname), ' ' ORDER BY viewname) FROM pg_views WHERE schemaname = 'perfeval'")
nviews=0
for v in $views; do
	sql="SELECT x::text FROM perfeval.$v x ORDER BY 1"
	PGCLIENTENCODING=UTF8 q -d "$DB" -c "$sql" >"$W/utf8" 2>&1 || { bad "$v in $DB: $(head -n 3 "$W/utf8")"; continue; }
	if ! PGCLIENTENCODING=GBK q -d enc_gbk -c "$sql" >"$W/gbk" 2>&1; then
		bad "$v read through GBK: $(iconv -f GBK -t UTF-8 "$W/gbk" | head -n 3)"
		continue
	fi
	iconv -f GBK -t UTF-8 "$W/gbk" >"$W/back"
	cmp -s "$W/utf8" "$W/back" || { bad "$v differs loaded and read through GBK:"; diff "$W/utf8" "$W/back" | head -n 6; }
	nviews=$((nviews + 1))
done
# every comment perfeval ships (\d+ in a GBK client) reads through GBK
sql="SELECT d.objoid::regclass::text || ' ' || d.objsubid || ' ' || d.description FROM pg_description d
	WHERE d.classoid = 'pg_class'::regclass AND d.objoid::regclass::text LIKE 'perfeval%' ORDER BY 1"
PGCLIENTENCODING=UTF8 q -d enc_gbk -c "$sql" >"$W/utf8"
if PGCLIENTENCODING=GBK q -d enc_gbk -c "$sql" >"$W/gbk" 2>&1; then
	iconv -f GBK -t UTF-8 "$W/gbk" | cmp -s - "$W/utf8" || bad "the comments differ read through GBK"
	echo "$(wc -l <"$W/utf8") comments on perfeval's relations and columns read through GBK"
else
	bad "the comments read through GBK: $(iconv -f GBK -t UTF-8 "$W/gbk" | head -n 3)"
fi
rows=$(q -d enc_gbk -c 'SELECT count(*) FROM perfeval.indicator_scores')
[ "$rows" -gt 0 ] || bad "no indicator rows loaded through GBK"
echo "samples loaded through client_encoding GBK: $nviews of $(echo $views | wc -w) views read back through GBK equal UTF-8's ($rows indicator rows)"

# A target and a measure with Chinese text round-trip through GBK into a
# table and back through UTF-8 and GBK, as typed through UTF-8.
tgt='不少于12种'
msr='15种'
printf "CREATE TABLE t (tg perfeval.target, ms perfeval.measure);\nINSERT INTO t VALUES ('%s', '%s');\n" "$tgt" "$msr" |
	iconv -f UTF-8 -t GBK | PGCLIENTENCODING=GBK q -d enc_gbk
want=$(PGCLIENTENCODING=UTF8 q -d enc_gbk -c "SELECT '$tgt'::perfeval.target || ' ' || '$msr'::perfeval.measure")
got8=$(PGCLIENTENCODING=UTF8 q -d enc_gbk -c "SELECT tg || ' ' || ms FROM t")
gotg=$(PGCLIENTENCODING=GBK q -d enc_gbk -c "SELECT tg || ' ' || ms FROM t" | iconv -f GBK -t UTF-8)
[ "$got8" = "$want" ] || bad "target/measure typed through GBK read through UTF-8: '$got8', typed through UTF-8: '$want'"
[ "$gotg" = "$want" ] || bad "target/measure typed and read through GBK: '$gotg', through UTF-8: '$want'"
echo "target '$tgt' and measure '$msr' through GBK: '$gotg'"
# a shipped name outside GB2312 but in GBK, read through GBK
code=$(echo "$lacking" | cut -d' ' -f1)
want=$(awk -F, -v c="$code" '$1 == c { print $2 }' data/division.csv)
got=$(PGCLIENTENCODING=GBK q -d enc_gbk -c "SELECT name FROM perfeval.division WHERE code = '$code'" | iconv -f GBK -t UTF-8)
[ -n "$want" ] && [ "$got" = "$want" ] || bad "division $code through GBK: '$got', data/division.csv: '$want'"
echo "division $code through GBK: $got"
# an error message with Chinese text reaches a GBK client converted
e8=$(PGCLIENTENCODING=UTF8 psql -X -q -d enc_gbk -c "SELECT '不少于'::perfeval.target" 2>&1 || true)
eg=$(PGCLIENTENCODING=GBK psql -X -q -d enc_gbk -c "$(printf "SELECT '%s'::perfeval.target" '不少于' | iconv -f UTF-8 -t GBK)" 2>&1 |
	iconv -f GBK -t UTF-8 || true)
case "$e8" in ERROR:*) ;; *) bad "'不少于'::perfeval.target was not refused: $e8" ;; esac
[ "$eg" = "$e8" ] || bad "the refusal through GBK: '$eg'; through UTF-8: '$e8'"
echo "refusal through GBK: ${eg%%$'\n'*}"

[ "$fail" = 0 ] && echo "encoding: ok" || echo "encoding: FAILED"
exit "$fail"
