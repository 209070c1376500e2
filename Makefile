# loker - build, run and test. `make` builds build/loker; `make run` and
# `make test` are the two commands a newcomer needs (see README.md).

CC      ?= cc
PKGS    := libmicrohttpd sqlite3 libsodium jansson zlib
CFLAGS  ?= -O2 -g
CFLAGS  += -std=c11 -D_GNU_SOURCE -Wall -Wextra -Wshadow -Wstrict-prototypes \
           -Wno-unused-parameter -Isrc -Ibuild/gen $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LDLIBS  := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lpthread -lm

# Everything in src/ except main.c is the library that tests and fuzzers link.
LIB_SRC := $(filter-out src/main.c,$(wildcard src/*/*.c))
EMBED   := $(sort $(wildcard src/view/templates/*.html) $(wildcard src/store/sql/*.sql) \
           $(wildcard data/wilayah/*.csv) data/wilayah/NOTICE $(wildcard static/*))

# Sanitizer build (clang, ASan + UBSan) for unit and integration tests.
SAN_CC     := clang-14
SAN_CFLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined

.PHONY: all run test clean asan unit fuzz style deps
all: build/loker

build/embed: tools/embed.c
	@mkdir -p build
	$(CC) -O1 -o $@ $<

build/gen/embedded.c: build/embed $(EMBED)
	@mkdir -p build/gen
	build/embed $(EMBED) > $@.tmp && mv $@.tmp $@

build/obj/%.o: %.c $(wildcard src/*/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c -o $@ $<

LIB_OBJ := $(LIB_SRC:%.c=build/obj/%.o) build/obj/build/gen/embedded.o

build/obj/build/gen/embedded.o: build/gen/embedded.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c -o $@ $<

build/loker: $(LIB_OBJ) build/obj/src/main.o
	$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

# The same program under ASan + UBSan (one compile; sanitizers make it slow to build per file).
build/asan/loker: $(LIB_SRC) src/main.c build/gen/embedded.c $(wildcard src/*/*.h)
	@mkdir -p build/asan
	$(SAN_CC) $(SAN_CFLAGS) -std=c11 -D_GNU_SOURCE -Isrc -Ibuild/gen $(shell pkg-config --cflags $(PKGS)) \
		-o $@ $(LIB_SRC) src/main.c build/gen/embedded.c $(LDLIBS)
asan: build/asan/loker

# Unit tests: one cmocka program per tests/unit/test_*.c, built with sanitizers.
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=build/unit/%)
build/unit/%: tests/unit/%.c $(LIB_SRC) build/gen/embedded.c $(wildcard src/*/*.h)
	@mkdir -p build/unit
	$(SAN_CC) $(SAN_CFLAGS) -std=c11 -D_GNU_SOURCE -Isrc -Ibuild/gen $(shell pkg-config --cflags $(PKGS) cmocka) \
		-o $@ $< $(LIB_SRC) build/gen/embedded.c $(LDLIBS) $(shell pkg-config --libs cmocka)
unit: $(UNIT_BIN)

# Fuzz targets: one libFuzzer program per tests/fuzz/fuzz_*.c.
FUZZ_SRC := $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_BIN := $(FUZZ_SRC:tests/fuzz/%.c=build/fuzz/%)
build/fuzz/%: tests/fuzz/%.c $(LIB_SRC) build/gen/embedded.c $(wildcard src/*/*.h)
	@mkdir -p build/fuzz
	$(SAN_CC) -O1 -g -fsanitize=fuzzer,address,undefined -std=c11 -D_GNU_SOURCE -Isrc -Ibuild/gen \
		$(shell pkg-config --cflags $(PKGS)) -o $@ $< $(LIB_SRC) build/gen/embedded.c $(LDLIBS)
fuzz: $(FUZZ_BIN)

deps:
	@scripts/deps.sh

run: deps all
	@scripts/run.sh

test: deps all asan unit fuzz
	@scripts/test.sh

clean:
	rm -rf build
