# The two commands: `make run` and `make test`. Both install what is missing first.
BUILD_DIR ?= build
ASAN_DIR ?= build-asan
LISTEN ?= 127.0.0.1:8080
DB ?= var/shegong.db
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := true
CMAKE_FLAGS := -G Ninja -DCMAKE_CXX_COMPILER_LAUNCHER=ccache

.PHONY: all bootstrap build web asan test run bench format clean

# The browser UI is rebuilt when its sources or the pinned packages change.
WEB_SOURCES := $(shell find web/src -type f 2>/dev/null) web/index.html web/vite.config.ts \
               web/tsconfig.json web/env.d.ts package-lock.json

all: build

bootstrap:
	@scripts/bootstrap

build: bootstrap
	@test -f $(BUILD_DIR)/build.ninja || cmake -S . -B $(BUILD_DIR) $(CMAKE_FLAGS) -DCMAKE_BUILD_TYPE=RelWithDebInfo
	@cmake --build $(BUILD_DIR)
	@$(MAKE) --no-print-directory web

web: web/dist/index.html

web/dist/index.html: $(WEB_SOURCES)
	@echo "web: building the browser UI into web/dist"
	@npm run --silent web:build > $(BUILD_DIR)/web-build.log 2>&1 || { cat $(BUILD_DIR)/web-build.log; exit 1; }
	@touch $@

asan: bootstrap
	@test -f $(ASAN_DIR)/build.ninja || cmake -S . -B $(ASAN_DIR) $(CMAKE_FLAGS) -DCMAKE_BUILD_TYPE=Debug -DSHEGONG_SANITIZE=ON
	@cmake --build $(ASAN_DIR)

# The unit and API tests run twice: on SQLite (ctest) and on a throwaway PostgreSQL server
# (scripts/with-postgres), the unit tests there also under AddressSanitizer. The command-line tests
# are about SQLite files and run on SQLite only.
test: build asan
	@ctest --test-dir $(BUILD_DIR) --output-on-failure -j2
	@ctest --test-dir $(ASAN_DIR) --output-on-failure -j2
	@echo "PostgreSQL: unit tests (also with AddressSanitizer) and API tests"
	@cd $(BUILD_DIR) && $(CURDIR)/scripts/with-postgres sh -c \
	  './unit_tests --gtest_brief=1 && $(abspath $(ASAN_DIR))/unit_tests --gtest_brief=1 && \
	   ./e2e_tests --gtest_brief=1 --gtest_filter="-Cli.*:TextCli.*"'
	@node --test web/tests/

# DB may also name a PostgreSQL database (postgresql://...), which has no folder to create.
run: build
	@case "$(DB)" in postgres://*|postgresql://*) ;; *) mkdir -p $(dir $(DB)) ;; esac
	$(BUILD_DIR)/shegong serve --db '$(DB)' --listen $(LISTEN) --demo --web-root web/dist

bench: build
	@bench/run-all

format:
	@clang-format -i $$(git ls-files 'src/*.cc' 'src/*.h' 'bench/*.cc')

clean:
	rm -rf $(BUILD_DIR) $(ASAN_DIR) web/dist
