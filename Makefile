# The two commands: `make run` and `make test`. Both install what is missing first.
BUILD_DIR ?= build
ASAN_DIR ?= build-asan
LISTEN ?= 127.0.0.1:8080
DB ?= var/shegong.db
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := true
CMAKE_FLAGS := -G Ninja -DCMAKE_CXX_COMPILER_LAUNCHER=ccache

.PHONY: all bootstrap build asan test run bench format clean

all: build

bootstrap:
	@scripts/bootstrap

build: bootstrap
	@test -f $(BUILD_DIR)/build.ninja || cmake -S . -B $(BUILD_DIR) $(CMAKE_FLAGS) -DCMAKE_BUILD_TYPE=RelWithDebInfo
	@cmake --build $(BUILD_DIR)

asan: bootstrap
	@test -f $(ASAN_DIR)/build.ninja || cmake -S . -B $(ASAN_DIR) $(CMAKE_FLAGS) -DCMAKE_BUILD_TYPE=Debug -DSHEGONG_SANITIZE=ON
	@cmake --build $(ASAN_DIR)

test: build asan
	@ctest --test-dir $(BUILD_DIR) --output-on-failure -j2
	@ctest --test-dir $(ASAN_DIR) --output-on-failure -j2

run: build
	@mkdir -p $(dir $(DB))
	$(BUILD_DIR)/shegong serve --db $(DB) --listen $(LISTEN) --demo

bench: build
	@bench/run-all

format:
	@clang-format -i $$(git ls-files 'src/*.cc' 'src/*.h' 'bench/*.cc')

clean:
	rm -rf $(BUILD_DIR) $(ASAN_DIR)
