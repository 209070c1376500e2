# loker - build, run and test. `make` builds build/loker; `make run` and
# `make test` are the two commands a newcomer needs (see README.md).

ifeq ($(MAKELEVEL),0)
MAKEFLAGS += -j$(shell nproc 2>/dev/null || echo 2)
endif
CC      ?= cc
PKGS    := libmicrohttpd sqlite3 libsodium jansson zlib libcmark xlsxwriter cairo libqrencode fontconfig
CFLAGS  ?= -O2 -g
CFLAGS  += -std=c11 -D_GNU_SOURCE -Wall -Wextra -Wshadow -Wstrict-prototypes \
           -Wno-unused-parameter -Isrc -Ibuild/gen $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LDLIBS  := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lstemmer -lpthread -lm

# Everything in src/ except main.c is the library that tests and fuzzers link.
LIB_SRC := $(filter-out src/main.c,$(wildcard src/*/*.c))
EMBED   := $(sort $(wildcard src/view/templates/*.html) $(wildcard src/store/sql/*.sql) \
           $(wildcard data/*.csv) $(wildcard data/wilayah/*.csv) data/wilayah/NOTICE $(wildcard static/*))

# Sanitizer build (clang, ASan + UBSan) for unit and integration tests.
SAN_CC     := clang-14
SAN_CFLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined

.PHONY: all run test clean asan unit fuzz style deps bench
all: build/loker build/loker-sms

build/embed: tools/embed.c
	@mkdir -p build
	@$(CC) -O1 -o $@ $<

build/gen/embedded.c: build/embed $(EMBED)
	@mkdir -p build/gen
	@echo "EMBED $@"
	@build/embed $(EMBED) > $@.tmp && mv $@.tmp $@

# Header dependencies: every compile writes a .d file beside its object
# (-MMD; -MP adds an empty rule per header, so a deleted header is no error),
# included at the end of this file.
DEPFLAGS := -MMD -MP

build/obj/%.o: %.c | build/gen/embedded.c
	@mkdir -p $(dir $@)
	@echo "CC $<"
	@$(CC) $(CFLAGS) $(DEPFLAGS) -c -o $@ $<

LIB_OBJ := $(LIB_SRC:%.c=build/obj/%.o) build/obj/build/gen/embedded.o

build/obj/build/gen/embedded.o: build/gen/embedded.c
	@mkdir -p $(dir $@)
	@$(CC) $(CFLAGS) -c -o $@ $<

build/loker: $(LIB_OBJ) build/obj/src/main.o
	@echo "LINK $@"
	@$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

# build/loker-sms: `loker sms` alone for gammu-smsd's RunOnReceive (one
# process per incoming SMS). Linked from an archive with --as-needed, it
# loads the few shared libraries that code needs instead of all 40-odd.
build/libloker.a: $(LIB_OBJ)
	@rm -f $@ && ar rcs $@ $^
build/loker-sms: build/obj/src/main_sms.o build/libloker.a
	@echo "LINK $@"
	@$(CC) $(CFLAGS) -o $@ $^ -Wl,--as-needed $(LDLIBS)

# Sanitizer builds (clang, ASan + UBSan): the library is compiled once per
# flavour into an archive, then the server, each unit test and each fuzzer
# link against it.
SAN_INC := -std=c11 -D_GNU_SOURCE -Isrc -Ibuild/gen $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
SAN_OBJ  := $(LIB_SRC:%.c=build/san/%.o) build/san/build/gen/embedded.o
FUZZ_OBJ := $(LIB_SRC:%.c=build/fuzzlib/%.o) build/fuzzlib/build/gen/embedded.o

build/san/%.o: %.c | build/gen/embedded.c
	@mkdir -p $(dir $@)
	@echo "CC-SAN $<"
	@$(SAN_CC) $(SAN_CFLAGS) $(SAN_INC) $(DEPFLAGS) -c -o $@ $<
build/fuzzlib/%.o: %.c | build/gen/embedded.c
	@mkdir -p $(dir $@)
	@echo "CC-FUZZ $<"
	@$(SAN_CC) -O1 -g -fsanitize=fuzzer-no-link,address,undefined $(SAN_INC) $(DEPFLAGS) -c -o $@ $<
build/san/libloker.a: $(SAN_OBJ)
	@rm -f $@ && ar rcs $@ $^
build/fuzzlib/libloker.a: $(FUZZ_OBJ)
	@rm -f $@ && ar rcs $@ $^

build/asan/loker: src/main.c build/san/libloker.a
	@mkdir -p build/asan
	@echo "LINK $@"
	@$(SAN_CC) $(SAN_CFLAGS) $(SAN_INC) -o $@ $^ $(LDLIBS)
asan: build/asan/loker

# Unit tests: one cmocka program per tests/unit/test_*.c.
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=build/unit/%)
build/unit/%: tests/unit/%.c build/san/libloker.a
	@mkdir -p build/unit
	@echo "LINK $@"
	@$(SAN_CC) $(SAN_CFLAGS) $(SAN_INC) $(shell pkg-config --cflags cmocka) -o $@ $^ $(LDLIBS) \
		$(shell pkg-config --libs cmocka)
unit: $(UNIT_BIN)

# Fuzz targets: one libFuzzer program per tests/fuzz/fuzz_*.c.
FUZZ_SRC := $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_BIN := $(FUZZ_SRC:tests/fuzz/%.c=build/fuzz/%)
build/fuzz/%: tests/fuzz/%.c build/fuzzlib/libloker.a
	@mkdir -p build/fuzz
	@echo "LINK $@"
	@$(SAN_CC) -O1 -g -fsanitize=fuzzer,address,undefined $(SAN_INC) -o $@ $^ $(LDLIBS)
fuzz: $(FUZZ_BIN)

# Benchmarks (bench/README.md): the server-side search timer links the library.
build/bench/search_bench: bench/search_bench.c $(LIB_OBJ)
	@mkdir -p build/bench
	@echo "LINK $@"
	@$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)
build/bench/matching_bench: bench/matching_bench.c $(LIB_OBJ)
	@mkdir -p build/bench
	@echo "LINK $@"
	@$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)
bench: all build/bench/search_bench build/bench/matching_bench

# deps first, alone: the sub-make then sees the installed packages.
deps:
	@scripts/deps.sh

run:
	@scripts/deps.sh
	@$(MAKE) --no-print-directory all
	@scripts/run.sh

test:
	@scripts/deps.sh
	@$(MAKE) --no-print-directory all asan unit fuzz
	@scripts/test.sh

clean:
	rm -rf build

# The header dependencies written by earlier compiles (none on a fresh tree).
-include $(wildcard $(LIB_OBJ:.o=.d) build/obj/src/main.d build/obj/src/main_sms.d $(SAN_OBJ:.o=.d) $(FUZZ_OBJ:.o=.d))
