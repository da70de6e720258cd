# newstm: a translation memory for news.
#
#   make                 build ./newstm
#   make check           unit and CLI tests, then the same under ASan+UBSan
#   make SANITIZE=1 test only the sanitizer build's tests
#   make demo            run the main job on samples/
#   make bench           throughput and memory figures
#   make install PREFIX=/usr/local DESTDIR=

PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
MANDIR     ?= $(PREFIX)/share/man
CC         ?= cc
PKG_CONFIG ?= pkg-config
CFLAGS     ?= -O2 -g
ICONV_LIBS ?=
PYTHON     ?= python3

PKGS = sqlite3 libutf8proc expat uchardet

WARN = -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
       -Wmissing-prototypes -Wformat=2 -Wvla -Wwrite-strings -Wcast-qual \
       -Wpointer-arith -Wundef
WERROR ?= -Werror

ifeq ($(SANITIZE),1)
VARIANT = asan
SANFLAGS = -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all \
	   -fno-omit-frame-pointer
BIN = build/asan/newstm
else
VARIANT = std
SANFLAGS =
BIN = newstm
endif

OBJDIR = build/$(VARIANT)

PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)

ALL_CFLAGS  = $(WARN) $(WERROR) $(CFLAGS) $(SANFLAGS) $(PKG_CFLAGS) \
	      $(DEFS) -Isrc -I$(OBJDIR)
ALL_LDFLAGS = $(LDFLAGS) $(SANFLAGS)
ALL_LIBS    = $(PKG_LIBS) $(ICONV_LIBS) $(LDLIBS) -lm

VERSION = 0.1.0
# The build's preprocessor definitions, which lint passes too.
DEFS = -D_POSIX_C_SOURCE=200809L -DNEWSTM_VERSION='"$(VERSION)"'

SRCS      = $(wildcard src/*.c)
LIB_SRCS  = $(filter-out src/main.c,$(SRCS))
LIB_OBJS  = $(LIB_SRCS:src/%.c=$(OBJDIR)/%.o)
MAIN_OBJ  = $(OBJDIR)/main.o
UNIT_SRCS = $(wildcard tests/unit/*.c)
UNIT_OBJS = $(UNIT_SRCS:tests/unit/%.c=$(OBJDIR)/unit/%.o)
UNIT_BIN  = $(OBJDIR)/unit-tests
# Files turned into C arrays so that an installed newstm needs no data files.
EMBED     = $(wildcard tm/schema.sql)

.PHONY: all check test unit cli demo bench install uninstall clean format \
	lint deps pkgcheck

all: $(BIN)

pkgcheck:
	@$(PKG_CONFIG) --exists $(PKGS) || { \
	  echo "newstm: missing libraries: $(PKGS)"; \
	  echo "run: sh .ci/install-deps"; exit 1; }

$(BIN): $(MAIN_OBJ) $(LIB_OBJS) | pkgcheck
	$(CC) $(ALL_LDFLAGS) -o $@ $(MAIN_OBJ) $(LIB_OBJS) $(ALL_LIBS)

$(OBJDIR)/%.o: src/%.c $(OBJDIR)/embedded.h | pkgcheck
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(OBJDIR)/unit/%.o: tests/unit/%.c $(OBJDIR)/unit/tests.def
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -Itests/unit -I$(OBJDIR)/unit \
		-MMD -MP -c -o $@ $<

# The unit-test table is generated from the TEST(name) lines of the test
# files, so adding a test is writing it.
$(OBJDIR)/unit/tests.def: $(UNIT_SRCS)
	@mkdir -p $(dir $@)
	sed -n 's/^TEST(\([a-z0-9_]*\)).*/T(\1)/p' $(UNIT_SRCS) > $@.tmp
	mv $@.tmp $@

$(OBJDIR)/embedded.h: $(EMBED) tests/embed.sh
	@mkdir -p $(dir $@)
	sh tests/embed.sh $(EMBED) > $@.tmp
	mv $@.tmp $@

$(UNIT_BIN): $(UNIT_OBJS) $(LIB_OBJS)
	$(CC) $(ALL_LDFLAGS) -o $@ $(UNIT_OBJS) $(LIB_OBJS) $(ALL_LIBS)

# The matcher's benchmark driver, run by tests/bench/bench-match.sh.
$(OBJDIR)/match-bench: tests/bench/match_bench.c $(LIB_OBJS)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ \
		tests/bench/match_bench.c $(LIB_OBJS) $(ALL_LIBS)

-include $(wildcard $(OBJDIR)/*.d $(OBJDIR)/unit/*.d)

# test: this build's unit and CLI tests.  check: the plain build's, then the
# sanitizer build's, and one summary line for both.
test: $(BIN) $(UNIT_BIN)
	@sh tests/run-all.sh $(UNIT_BIN) $(BIN) $(OBJDIR)/results

check:
	@rm -f build/std/results build/asan/results
	@$(MAKE) --no-print-directory test || true
	@$(MAKE) --no-print-directory SANITIZE=1 test || true
	@sh tests/summary.sh build/std/results build/asan/results

unit: $(UNIT_BIN)
	$(UNIT_BIN) $(T)

cli: $(BIN)
	NEWSTM=$(CURDIR)/$(BIN) sh tests/cli/run.sh $(T)

demo: $(BIN)
	@sh samples/demo.sh ./$(BIN)

bench: $(BIN)
	@sh tests/bench/run.sh ./$(BIN)

deps:
	sh .ci/install-deps

install: $(BIN)
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	cp $(BIN) $(DESTDIR)$(BINDIR)/newstm
	chmod 755 $(DESTDIR)$(BINDIR)/newstm
	sed 's/@VERSION@/$(VERSION)/' src/newstm.1 > $(DESTDIR)$(MANDIR)/man1/newstm.1
	chmod 644 $(DESTDIR)$(MANDIR)/man1/newstm.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/newstm $(DESTDIR)$(MANDIR)/man1/newstm.1

clean:
	rm -rf build newstm

format:
	clang-format -i src/*.c src/*.h tests/unit/*.c tests/unit/*.h \
		tests/bench/*.c

# clang-tidy's checks: all of bugprone and the static analyser, but these.
TIDY_CHECKS := -*,bugprone-*,clang-analyzer-*
# Style advice, not bugs: every (dst, src, n) function pairs two pointers.
TIDY_CHECKS := $(TIDY_CHECKS),-bugprone-easily-swappable-parameters
# C11 Annex K (memcpy_s and co.), which glibc does not provide.
TIDY_CHECKS := $(TIDY_CHECKS),-clang-analyzer-security.insecureAPI.DeprecatedOrUnsafeBufferHandling
# clang 14's analyser reports lists that va_start began as uninitialized
# (err.c, cli.c, buf.c, xml.c, cmd_names.c: checked): llvm-project#40656.
TIDY_CHECKS := $(TIDY_CHECKS),-clang-analyzer-valist.Uninitialized

# Findings fail the target: clang-tidy with --warnings-as-errors, cppcheck
# with --error-exitcode.  The generated header must exist for store.c.
lint: $(OBJDIR)/embedded.h
	clang-format --dry-run --Werror src/*.c src/*.h tests/unit/*.c \
		tests/unit/*.h tests/bench/*.c
	cppcheck --quiet --error-exitcode=1 --enable=warning,portability \
		--inline-suppr -Isrc -I$(OBJDIR) src
	clang-tidy --quiet --checks='$(TIDY_CHECKS)' \
		--warnings-as-errors='*' src/*.c -- \
		$(WARN) $(PKG_CFLAGS) $(DEFS) -Isrc -I$(OBJDIR)
