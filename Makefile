# perfeval: PGXS build.  `make test` and `make demo` are the two commands a
# newcomer runs; both install what is missing and use a throwaway cluster.

EXTENSION = perfeval
EXTVERSION = 1.16
MODULE_big = perfeval
CORE_OBJS = src/pe_parse.o src/pe_text.o src/pe_arith.o src/pe_eval.o src/pe_explain.o src/pe_cell.o src/pe_form.o src/pe_csv.o src/pe_monitor.o src/pe_monform.o src/pe_result.o src/pe_state.o
OBJS = $(CORE_OBJS) src/module.o src/numeric_fixed.o src/target.o src/method.o src/grade.o \
	src/rules.o src/score.o src/rowscore.o src/sumscores.o src/levelsums.o src/state.o src/evaluate.o src/keep.o src/shard.o src/access.o src/form.o src/formread.o src/formrows.o src/formproject.o src/formparts.o src/stagebuf.o src/bulk.o src/restore.o src/stagefile.o src/messages.o src/import.o src/monitor.o src/formmonitor.o src/result.o src/outcome.o src/schemekey.o
PGFILEDESC = "perfeval - fiscal performance evaluation scoring"

# The install script of the current version is the numbered sections of sql/
# joined in order, with the shipped division list (data/division.csv) once.
# Of the released versions only the first install script is kept
# (sql/perfeval--1.0.sql), with every upgrade script (perfeval--A--B.sql, each
# shipped as released and never edited): PostgreSQL installs any release
# through the chain (CREATE EXTENSION perfeval VERSION '1.5' runs 1.0, then
# 1.0--1.1 ... 1.4--1.5), and test/upgrade.sh checks that each release,
# updated, equals a fresh install of the current one.
SECTIONS = $(sort $(wildcard sql/[0-9][0-9]_*.sql))
DATA_built = perfeval--$(EXTVERSION).sql
DATA = sql/perfeval--1.0.sql $(wildcard sql/perfeval--*--*.sql)

# Regression tests live in test/sql, expected output in expected/.
REGRESS = types scoring rowscore sumscores parallel
REGRESS += $(patsubst test/sql/%.sql,%,$(wildcard test/sql/warehouse*.sql))
REGRESS_OPTS = --inputdir=test --encoding=UTF8 --no-locale

# (the library knows its release: what it runs of its own, the import, asks
# for the database's extension of the same release, src/import.c)
PG_CPPFLAGS = -Isrc -DPERFEVAL_VERSION='"$(EXTVERSION)"'
# -Werror for development builds only (test/run.sh sets PERFEVAL_DEV=1): a
# user's `make` must not fail on a warning of a newer compiler or server.
ifeq ($(PERFEVAL_DEV),1)
PG_CFLAGS = -Werror
endif

# PostgreSQL 15, 16 or 17: PG_CONFIG if given, else the newest
# /usr/lib/postgresql/*/bin/pg_config, else pg_config on PATH (the same rule
# as test/pgbin.sh's).
PG_CONFIG ?= $(or $(shell ls -d /usr/lib/postgresql/*/bin/pg_config 2>/dev/null | sort -V | tail -n 1),pg_config)
PGXS := $(shell $(PG_CONFIG) --pgxs 2>/dev/null)
ifneq ($(PGXS),)
include $(PGXS)
else ifeq ($(filter test demo bench bench-citus unittest,$(MAKECMDGOALS)),)
$(error perfeval: no PostgreSQL server development files (no $(PG_CONFIG)); install postgresql-server-dev-NN, set PG_CONFIG, or run `make test`, which installs them)
endif

# An install replaces every install and upgrade script an older checkout
# installed (the released install scripts 1.1 to 1.14 are no longer shipped:
# a stale copy would hide the chain from 1.0).
install: drop-installed-scripts
.PHONY: drop-installed-scripts
drop-installed-scripts:
	rm -f '$(DESTDIR)$(datadir)/$(datamoduledir)/$(EXTENSION)--'*.sql

# Objects depend on the headers (PGXS does not track them by default).
$(OBJS): src/pe_core.h src/pe_csv.h src/perfeval.h src/shard.h

perfeval--$(EXTVERSION).sql: $(SECTIONS) data/division.csv data/division_sql.awk
	{ cat $(SECTIONS); awk -f data/division_sql.awk data/division.csv; } > $@

# The server-free core, built and tested alone (and fuzzed) with the host cc.
UNIT_CFLAGS = -std=gnu99 -O1 -g -Wall -Wextra -Werror -Isrc
CORE_SRCS = $(CORE_OBJS:.o=.c)

test/unit/test_core: test/unit/test_core.c $(CORE_SRCS) src/pe_core.h
	$(CC) $(UNIT_CFLAGS) -fsanitize=address,undefined -fno-sanitize-recover=all -o $@ test/unit/test_core.c $(CORE_SRCS)

test/unit/test_arith: test/unit/test_arith.c $(CORE_SRCS) src/pe_core.h
	$(CC) $(UNIT_CFLAGS) -fsanitize=address,undefined -fno-sanitize-recover=all -o $@ test/unit/test_arith.c $(CORE_SRCS)

test/unit/test_eval: test/unit/test_eval.c $(CORE_SRCS) src/pe_core.h
	$(CC) $(UNIT_CFLAGS) -fsanitize=address,undefined -fno-sanitize-recover=all -o $@ test/unit/test_eval.c $(CORE_SRCS)

test/unit/fuzz_core: test/unit/fuzz_core.c $(CORE_SRCS) src/pe_core.h
	$(CC) $(UNIT_CFLAGS) -fsanitize=address,undefined -fno-sanitize-recover=all -o $@ test/unit/fuzz_core.c $(CORE_SRCS)

test/unit/test_cell: test/unit/test_cell.c $(CORE_SRCS) src/pe_core.h
	$(CC) $(UNIT_CFLAGS) -fsanitize=address,undefined -fno-sanitize-recover=all -o $@ test/unit/test_cell.c $(CORE_SRCS)

test/unit/test_form: test/unit/test_form.c $(CORE_SRCS) src/pe_core.h
	$(CC) $(UNIT_CFLAGS) -fsanitize=address,undefined -fno-sanitize-recover=all -o $@ test/unit/test_form.c $(CORE_SRCS)

# The CSV file reader (pe_csv.c): its rules, and random bytes never crash it.
test/unit/test_csv: test/unit/test_csv.c $(CORE_SRCS) src/pe_core.h src/pe_csv.h
	$(CC) $(UNIT_CFLAGS) -fsanitize=address,undefined -fno-sanitize-recover=all -o $@ test/unit/test_csv.c $(CORE_SRCS)

# Mid-year monitoring's rules (pe_monitor.c, pe_progress(), the sentences).
test/unit/test_monitor: test/unit/test_monitor.c $(CORE_SRCS) src/pe_core.h
	$(CC) $(UNIT_CFLAGS) -fsanitize=address,undefined -fno-sanitize-recover=all -o $@ test/unit/test_monitor.c $(CORE_SRCS)

# The monitoring forms' words (pe_monform.c).
test/unit/test_monform: test/unit/test_monform.c $(CORE_SRCS) src/pe_core.h src/pe_csv.h
	$(CC) $(UNIT_CFLAGS) -fsanitize=address,undefined -fno-sanitize-recover=all -o $@ test/unit/test_monform.c $(CORE_SRCS)

# Results application's rules (pe_result.c): actions, rule checks, the suggested amount.
test/unit/test_result: test/unit/test_result.c $(CORE_SRCS) src/pe_core.h
	$(CC) $(UNIT_CFLAGS) -fsanitize=address,undefined -fno-sanitize-recover=all -o $@ test/unit/test_result.c $(CORE_SRCS)

# The check of a kept state's bytes from another node (pe_state.c).
test/unit/test_state: test/unit/test_state.c $(CORE_SRCS) src/pe_core.h
	$(CC) $(UNIT_CFLAGS) -fsanitize=address,undefined -fno-sanitize-recover=all -o $@ test/unit/test_state.c $(CORE_SRCS)

test/unit/fuzz_csv: test/unit/fuzz_csv.c $(CORE_SRCS) src/pe_core.h src/pe_csv.h
	$(CC) $(UNIT_CFLAGS) -fsanitize=address,undefined -fno-sanitize-recover=all -o $@ test/unit/fuzz_csv.c $(CORE_SRCS)

.PHONY: unittest fuzz test demo bench bench-citus
unittest: test/unit/test_core test/unit/test_arith test/unit/test_eval test/unit/fuzz_core test/unit/test_cell test/unit/test_form \
		test/unit/test_csv test/unit/fuzz_csv test/unit/test_monitor test/unit/test_monform test/unit/test_result test/unit/test_state
	./test/unit/test_core
	./test/unit/test_arith
	./test/unit/test_eval
	./test/unit/fuzz_core
	./test/unit/test_cell
	./test/unit/test_form
	./test/unit/test_monitor
	./test/unit/test_csv
	./test/unit/test_monform
	./test/unit/test_result
	./test/unit/test_state
	./test/unit/fuzz_csv

test:
	bash test/run.sh test

demo:
	bash test/run.sh demo

# `make bench CITUS=1` (or `make bench-citus`): one node vs a 3-node Citus
# cluster on this machine (bench/citus.sh; make itself takes no --citus);
# `make bench CITUS=1 NATIONAL=1`: the cluster alone at 100,000 and
# 1,000,000 projects (bench/citus_national.sh, about 30 minutes on 2 cores).
bench:
	bash test/run.sh bench $(if $(CITUS),--citus $(if $(NATIONAL),--national))

bench-citus:
	bash test/run.sh bench --citus

EXTRA_CLEAN = test/unit/test_core test/unit/test_arith test/unit/test_eval test/unit/fuzz_core test/unit/test_cell test/unit/test_form test/unit/test_csv test/unit/fuzz_csv test/unit/test_monitor test/unit/test_monform test/unit/test_result test/unit/test_state results regression.diffs regression.out

# == NLS: perfeval's messages in the session's lc_messages (po/) ==
# Every ereport's errmsg/errdetail/errhint is English in the source and
# translated in po/<lang>.po; the catalog is installed as perfeval-NN.mo
# (PG_TEXTDOMAIN("perfeval"), src/perfeval.h) where pg_bindtextdomain()
# looks, $(pg_config --localedir)/<lang>/LC_MESSAGES.  `make update-po`
# re-extracts po/perfeval.pot with PostgreSQL's keywords (src/nls-global.mk)
# and merges it into each po/<lang>.po; test/nls.sh fails on a message
# without its translation.  Building the catalogs needs msgfmt (gettext).
NLS_LANGUAGES = zh_CN
NLS_DOMAIN = perfeval-$(MAJORVERSION)
NLS_LOCALEDIR = $(shell $(PG_CONFIG) --localedir)
NLS_MSGFMT = msgfmt
NLS_XGETTEXT = xgettext -ctranslator --no-wrap --sort-by-file --from-code=UTF-8 -n \
	--package-name=perfeval --msgid-bugs-address="perfeval issues" \
	--keyword=_ --keyword=gettext_noop --keyword=errmsg --keyword=errmsg_plural:1,2 \
	--keyword=errdetail --keyword=errdetail_log --keyword=errdetail_plural:1,2 \
	--keyword=errhint --keyword=errcontext --keyword=pe_fail:4 \
	--flag=_:1:pass-c-format --flag=errmsg:1:c-format --flag=errmsg_plural:1:c-format \
	--flag=errmsg_plural:2:c-format --flag=errdetail:1:c-format --flag=errdetail_log:1:c-format \
	--flag=errdetail_plural:1:c-format --flag=errdetail_plural:2:c-format \
	--flag=errhint:1:c-format --flag=errcontext:1:c-format
NLS_SOURCES = $(sort $(wildcard src/*.c src/*.h))
NLS_MO = $(NLS_LANGUAGES:%=po/%.mo)

ifeq ($(enable_nls),yes)
all: $(NLS_MO)
install: install-nls
uninstall: uninstall-nls
endif

po/%.mo: po/%.po
	@command -v $(NLS_MSGFMT) >/dev/null || { echo "perfeval: msgfmt not found: install gettext (apt-get install gettext) for the translated messages" >&2; exit 1; }
	$(NLS_MSGFMT) --check -o $@ $<

.PHONY: install-nls uninstall-nls update-po
install-nls: $(NLS_MO)
	for l in $(NLS_LANGUAGES); do \
		$(MKDIR_P) '$(DESTDIR)$(NLS_LOCALEDIR)/'$$l/LC_MESSAGES && \
		$(INSTALL_DATA) po/$$l.mo '$(DESTDIR)$(NLS_LOCALEDIR)/'$$l/LC_MESSAGES/$(NLS_DOMAIN).mo || exit 1; \
	done

uninstall-nls:
	for l in $(NLS_LANGUAGES); do rm -f '$(DESTDIR)$(NLS_LOCALEDIR)/'$$l/LC_MESSAGES/$(NLS_DOMAIN).mo; done

# po/perfeval.pot from the sources (nls-pot NLS_POT=file: elsewhere, as
# test/nls.sh compares), then each po/<lang>.po merged with it
NLS_POT = po/perfeval.pot
.PHONY: nls-pot
nls-pot:
	$(NLS_XGETTEXT) -o $(NLS_POT) $(NLS_SOURCES)

update-po: nls-pot
	for l in $(NLS_LANGUAGES); do msgmerge --quiet --no-wrap --update --backup=none po/$$l.po po/perfeval.pot || exit 1; done

.PHONY: clean-nls
clean: clean-nls
clean-nls:
	rm -f $(NLS_MO)
