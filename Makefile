# make run   installs missing Debian packages, builds (Release) and opens actlab
# make test  the same set-up, then every test (a virtual X display is started when there is none)
# make asan  every test again, built with AddressSanitizer and UndefinedBehaviorSanitizer
# make fuzz  every parser under libFuzzer for FUZZ_RUNS executions each (tests/fuzz)
# make install    builds, then installs into PREFIX (default ~/.local): bin/actlab, the desktop entry,
#                 the icon and the MIME type of .actlab files; make uninstall removes exactly those
BUILD ?= build
JOBS ?= $(shell nproc)
FUZZ_RUNS ?= 10000000
PREFIX ?= $(HOME)/.local
FUZZERS := csv settings export_keys playground_link session

.PHONY: all run test install uninstall tsan tsan-build soak-trainer soak-window asan fuzz-build fuzz $(addprefix fuzz-,$(FUZZERS)) build deps bench screenshot clean

all: build

deps:
	@third_party/install-deps.sh

$(BUILD)/build.ninja: | deps
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release

build: deps $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

# CMake's install into PREFIX; its list of files (build/install_manifest.txt) is what uninstall removes.
install: build
	cmake --install $(BUILD) --prefix "$(PREFIX)"

uninstall:
	cmake -DBUILD_DIR="$(abspath $(BUILD))" -P cmake/uninstall.cmake

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

# Every thread that needs no window under ThreadSanitizer, in a build of its own (core and tests, no
# app): the trainer's worker, several trainers at once (the race), the gradient lab's job, and a short
# soak of random commands from two threads.
TSAN_TESTS = test_trainer test_gradient_job soak_trainer
TSAN_ENV = TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1
tsan-build: deps
	cmake -S . -B $(BUILD)-tsan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DACTLAB_SANITIZE=thread \
	  -DACTLAB_NATIVE=OFF -DACTLAB_BUILD_APP=OFF -DACTLAB_BUILD_BENCH=OFF >/dev/null
	cmake --build $(BUILD)-tsan -j $(JOBS) --target $(TSAN_TESTS)

tsan: tsan-build
	$(TSAN_ENV) $(BUILD)-tsan/tests/test_trainer --gtest_brief=1
	$(TSAN_ENV) $(BUILD)-tsan/tests/test_gradient_job --gtest_brief=1
	$(TSAN_ENV) $(BUILD)-tsan/tests/soak_trainer --operations 4000 --seed 1

# The trainer soak for ten minutes (SOAK_SECONDS) under ThreadSanitizer.
SOAK_SECONDS ?= 600
SOAK_SEED ?= 1
soak-trainer: tsan-build
	$(TSAN_ENV) $(BUILD)-tsan/tests/soak_trainer --seconds $(SOAK_SECONDS) --seed $(SOAK_SEED)

# The whole suite, window and command-line tests included, under AddressSanitizer (LeakSanitizer with
# it) and UndefinedBehaviorSanitizer, in a build of its own: every test runs that tree's binaries, and
# any report fails its test. Nothing is suppressed: in this build actlab keeps Mesa's driver loaded to
# the end (app/platform.cpp), so what the driver still holds at exit is reachable, not a leak.
ASAN_ENV = ASAN_OPTIONS=detect_leaks=1:check_initialization_order=1:strict_init_order=1:detect_stack_use_after_return=1 \
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
asan: deps
	cmake -S . -B $(BUILD)-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DACTLAB_SANITIZE=address,undefined \
	  -DACTLAB_NATIVE=OFF -DACTLAB_BUILD_BENCH=OFF >/dev/null
	cmake --build $(BUILD)-asan -j $(JOBS)
	cd $(BUILD)-asan && $(ASAN_ENV) ctest --output-on-failure -j $(JOBS)

# The window under random input (clicks, drags, keys, text, every tab) for SOAK_SECONDS (default 600).
soak-window: build
	tests/app/with_display.sh $(BUILD)/tests/app/soak_window --seconds $(SOAK_SECONDS) --seed $(SOAK_SEED)

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
	rm -rf $(BUILD) $(BUILD)-tsan $(BUILD)-asan $(BUILD)-fuzz
