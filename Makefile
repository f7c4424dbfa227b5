# make run   installs missing Debian packages, builds (Release) and opens actlab
# make test  the same set-up, then every test (a virtual X display is started when there is none)
# make fuzz  every parser under libFuzzer for FUZZ_RUNS executions each (tests/fuzz)
BUILD ?= build
JOBS ?= $(shell nproc)
FUZZ_RUNS ?= 10000000
FUZZERS := csv settings export_keys

.PHONY: all run test tsan fuzz-build fuzz $(addprefix fuzz-,$(FUZZERS)) build deps bench screenshot clean

all: build

deps:
	@third_party/install-deps.sh

$(BUILD)/build.ninja: | deps
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release

build: deps $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

run: build
	@if [ -z "$$DISPLAY" ] && [ -z "$$WAYLAND_DISPLAY" ]; then \
	  echo "actlab: no display here, so no window; write figures with '$(BUILD)/actlab export activations --out plot.png' (see '$(BUILD)/actlab export --help')"; \
	else \
	  $(BUILD)/actlab; \
	fi

# The fuzz tree's short runs first, then the main tree's tests (whose summary ends the output).
test: build tsan fuzz-build
	cd $(BUILD)-fuzz && ctest --output-on-failure -j $(JOBS)
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The trainer's threads under ThreadSanitizer: the core and its tests only, in a build of their own.
tsan: deps
	cmake -S . -B $(BUILD)-tsan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DACTLAB_SANITIZE=thread \
	  -DACTLAB_NATIVE=OFF -DACTLAB_BUILD_APP=OFF -DACTLAB_BUILD_BENCH=OFF >/dev/null
	cmake --build $(BUILD)-tsan -j $(JOBS) --target test_trainer
	TSAN_OPTIONS=halt_on_error=1 $(BUILD)-tsan/tests/test_trainer --gtest_brief=1

# The libFuzzer harnesses: clang, ASan + UBSan, in a build of their own.
fuzz-build: deps
	CC=clang CXX=clang++ cmake -S . -B $(BUILD)-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DACTLAB_FUZZ=ON \
	  -DACTLAB_NATIVE=OFF -DACTLAB_BUILD_BENCH=OFF >/dev/null
	cmake --build $(BUILD)-fuzz -j $(JOBS) --target $(addprefix fuzz_,$(FUZZERS))

# Each harness for FUZZ_RUNS executions, JOBS at a time; the corpus each grows stays in $(BUILD)-fuzz/fuzz
# for the next run. One line per harness: executions, exec/s, cov, ft, corpus size.
fuzz: fuzz-build
	@$(MAKE) --no-print-directory -j $(JOBS) $(addprefix fuzz-,$(FUZZERS))

$(addprefix fuzz-,$(FUZZERS)): fuzz-%:
	@tests/fuzz/run_fuzzer.sh $(BUILD)-fuzz/tests/fuzz/fuzz_$* $* $(BUILD)-fuzz/fuzz $(FUZZ_RUNS)

bench: build
	$(BUILD)/bench/bench_activation --benchmark_min_time=2 --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
	$(BUILD)/bench/bench_export --benchmark_min_time=2 --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
	$(BUILD)/bench/bench_training --benchmark_min_time=2 --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
	$(BUILD)/bench/bench_gradient --benchmark_repetitions=3 --benchmark_report_aggregates_only=true

# The README's picture, drawn by actlab's own export.
screenshot: build
	$(BUILD)/actlab export activations --size 1600x900 --scale 1 \
	  --set functions=sigmoid,tanh,relu,gelu,silu --set xmin=-5 --set xmax=5 --set probe=-1.5 \
	  --out assets/screenshots/activations.png

clean:
	rm -rf $(BUILD) $(BUILD)-tsan $(BUILD)-fuzz
