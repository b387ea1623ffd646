package io.wasmrun.cli;

import io.wasmrun.Engine;
import io.wasmrun.FirstCompile;
import io.wasmrun.Linker;
import io.wasmrun.Module;
import io.wasmrun.Store;
import io.wasmrun.Val;
import io.wasmrun.Wasi;
import io.wasmrun.WasmrunException;
import io.wasmrun.allocator.sys.Sizes;
import io.wasmrun.wasi.WasiOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code wasmrun bench}: instantiates a module, calls one export and closes the instance, over and
 * over, on {@code --concurrency} threads, then reports instantiations per second, the latency of
 * one cycle (p50, p99, max), the process's resident set before and after (each after a full GC,
 * with the committed Java heap), and the allocator's counters. A terminal gets a progress bar; a pipe gets plain progress lines.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        header = "Measure instantiate + call + close cycles.",
        versionProvider = VersionProvider.class,
        description = {
            "Measures instantiate + call + close cycles of MODULE: calls the export given by",
            "--invoke with ARGS in each cycle, for --iterations cycles or for --duration.",
            ""
        },
        footer = {
            "",
            "Examples:",
            "  wasmrun bench --pooling --invoke run bench.wasm",
            "  wasmrun bench --pooling --iterations 1000000 --invoke run bench.wasm",
            "  wasmrun bench --duration 10s --concurrency 2 --invoke fib fib.wasm 10"
        })
final class BenchCommand extends ExecutingCommand implements Callable<Integer> {
    @Option(names = "--invoke", paramLabel = "NAME", required = true, description = "The export to call in each cycle.")
    String invoke;

    @Option(names = "--iterations", paramLabel = "N", description = "Cycles to measure (default: 100000 unless --duration).")
    Long iterations;

    @Option(
            names = "--duration",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Measure for this long instead of a number of cycles, e.g. 10s.")
    Duration duration;

    /**
     * Default warmup: cycles for this long. Fewer leave the JIT compiling (on its own threads,
     * competing for the cores) well into the measurement; 2000 cycles measured p50 5 us where
     * steady state is 3.5 us.
     */
    static final long DEFAULT_WARMUP_NANOS = 3_000_000_000L;

    /** After the GC of the "before" RSS sample: cycles for at most this long (at most --warmup). */
    static final long REWARM_NANOS = 1_000_000_000L;

    @Option(
            names = "--warmup",
            paramLabel = "N",
            description = "Unmeasured cycles first (default: as many as run in 3 s); as many again,"
                    + " for at most 1 s, after the GC of the first RSS sample.")
    Long warmup;

    @Option(names = "--concurrency", paramLabel = "T", description = "Threads running cycles (default: ${DEFAULT-VALUE}).", defaultValue = "1")
    int concurrency;

    @Parameters(index = "0", paramLabel = "MODULE", description = "The module (.wasm).")
    Path module;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments for the export.")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (iterations != null && duration != null) {
            throw new WasmrunException("--iterations and --duration clash; give one");
        }
        if (concurrency < 1) {
            throw new WasmrunException("--concurrency must be at least 1");
        }
        long total = iterations != null ? iterations : (duration == null ? 100_000 : Long.MAX_VALUE);
        long deadlineNanos = duration == null ? Long.MAX_VALUE : duration.toNanos();
        PrintStream out = System.out;
        // every cycle must run the same code: a large module is compiled before the first one
        try (Engine wasmEngine = allocator.configure(Engine.builder().strategy(engine.strategy()))
                        .firstCompile(FirstCompile.BLOCKING)
                        .build();
                Wasi wasi = Wasi.create(quietWasi())) {
            Module loaded = Module.fromFile(wasmEngine, module);
            Val[] params = FunctionArguments.forExport(loaded, invoke, args);
            Linker linker = new Linker().wasi(wasi);
            long warmupCycles = warmup != null ? warmup : Long.MAX_VALUE;
            warm(wasmEngine, loaded, linker, params, warmupCycles, warmup != null ? Long.MAX_VALUE : DEFAULT_WARMUP_NANOS);
            long rssBefore = settledRssBytes();
            long heapBefore = Runtime.getRuntime().totalMemory();
            // The GC shrank the heap: let the JVM grow it back before measuring.
            warm(wasmEngine, loaded, linker, params, warmupCycles, REWARM_NANOS);
            var histogram = new LatencyHistogram();
            var done = new AtomicLong();
            var failure = new AtomicReference<Throwable>();
            long start = System.nanoTime();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < concurrency; t++) {
                long share = total == Long.MAX_VALUE ? Long.MAX_VALUE : total / concurrency + (t < total % concurrency ? 1 : 0);
                threads.add(Thread.ofPlatform().name("bench-" + t).start(() -> {
                    try {
                        for (long i = 0; i < share && failure.get() == null; i++) {
                            long t0 = System.nanoTime();
                            if (t0 - start >= deadlineNanos) {
                                break;
                            }
                            cycle(wasmEngine, loaded, linker, params);
                            histogram.record(System.nanoTime() - t0);
                            done.incrementAndGet();
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }));
            }
            Progress progress = new Progress(total, deadlineNanos, start);
            while (threads.stream().anyMatch(Thread::isAlive)) {
                threads.get(0).join(100);
                progress.update(done.get());
            }
            long elapsed = System.nanoTime() - start;
            progress.finish(done.get());
            if (failure.get() != null) {
                Throwable e = failure.get();
                if (e instanceof RuntimeException r) {
                    throw r;
                }
                throw new WasmrunException("bench cycle failed: " + e, e);
            }
            long rssAfter = settledRssBytes();
            long heapAfter = Runtime.getRuntime().totalMemory();
            report(out, loaded, histogram, elapsed, rssBefore, rssAfter, heapBefore, heapAfter, wasmEngine);
        }
        return ExitCodes.OK;
    }

    /** Runs unmeasured cycles: {@code cycles} of them, for at most {@code nanos}. */
    private void warm(Engine wasmEngine, Module loaded, Linker linker, Val[] params, long cycles, long nanos) {
        long start = System.nanoTime();
        for (long i = 0; i < cycles && System.nanoTime() - start < nanos; i++) {
            cycle(wasmEngine, loaded, linker, params);
        }
    }

    /** One guest's life, as a host of short-lived guests runs it: a store, an instance, a call. */
    private void cycle(Engine wasmEngine, Module loaded, Linker linker, Val[] params) {
        try (Store store = Store.create(wasmEngine)) {
            linker.instantiate(store, loaded).requireFunc(invoke).call(params);
        }
    }

    private void report(
            PrintStream out,
            Module loaded,
            LatencyHistogram histogram,
            long elapsedNanos,
            long rssBefore,
            long rssAfter,
            long heapBefore,
            long heapAfter,
            Engine wasmEngine) {
        long n = histogram.count();
        double seconds = elapsedNanos / 1e9;
        out.printf(
                Locale.ROOT,
                "%s --invoke %s: %d cycles (instantiate + call + close) in %.2f s on %d thread%s, engine %s, allocator %s%n",
                loaded.name(), invoke, n, seconds, concurrency, concurrency == 1 ? "" : "s",
                engine.strategy().cliName(), AllocatorStats.name(wasmEngine));
        out.printf(Locale.ROOT, "instantiations/s: %.0f%n", n / seconds);
        out.printf(
                Locale.ROOT,
                "latency: p50 %s  p99 %s  max %s%n",
                micros(histogram.percentile(0.50)),
                micros(histogram.percentile(0.99)),
                micros(histogram.max()));
        if (rssBefore > 0 && rssAfter > 0) {
            out.printf(
                    Locale.ROOT,
                    "RSS (after a GC): before %s, after %s (%+.1f%%); Java heap committed: before %s, after %s%n",
                    Sizes.format(rssBefore), Sizes.format(rssAfter),
                    100.0 * (rssAfter - rssBefore) / rssBefore,
                    Sizes.format(heapBefore), Sizes.format(heapAfter));
        }
        AllocatorStats.print(wasmEngine, out);
    }

    private static String micros(long nanos) {
        return String.format(Locale.ROOT, "%.1f us", nanos / 1000.0);
    }

    /**
     * The resident set after a full GC: what the process retains, without the garbage of the
     * cycles (how far the JVM lets the heap grow over garbage is its own policy, not a leak; the
     * committed heap is reported next to it).
     */
    static long settledRssBytes() {
        System.gc();
        try {
            Thread.sleep(200); // G1 gives freed heap regions back to the OS concurrently
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return rssBytes();
    }

    /** {@code VmRSS} of {@code /proc/self/status}, in bytes; -1 where there is none. */
    static long rssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    private WasiOptions quietWasi() {
        return WasiOptions.builder()
                .withArguments(List.of(module.getFileName() == null ? module.toString() : module.getFileName().toString()))
                .withStdin(InputStream.nullInputStream())
                .withStdout(OutputStream.nullOutputStream())
                .withStderr(OutputStream.nullOutputStream())
                .build();
    }

    /** A progress bar on a terminal, a line per 10% elsewhere; both on stderr. */
    private static final class Progress {
        private final long total;
        private final long deadlineNanos;
        private final long start;
        private final boolean terminal = System.console() != null;
        private int lastTenth = -1;
        private long lastDraw;

        Progress(long total, long deadlineNanos, long start) {
            this.total = total;
            this.deadlineNanos = deadlineNanos;
            this.start = start;
        }

        void update(long done) {
            long now = System.nanoTime();
            double fraction = total != Long.MAX_VALUE
                    ? (double) done / total
                    : Math.min(1.0, (double) (now - start) / deadlineNanos);
            double rate = done / Math.max(1e-9, (now - start) / 1e9);
            if (terminal) {
                if (now - lastDraw < 100_000_000L) {
                    return;
                }
                lastDraw = now;
                int width = 30;
                int filled = (int) (fraction * width);
                System.err.printf(
                        Locale.ROOT, "\r[%s%s] %3.0f%%  %d cycles  %.0f/s ",
                        "#".repeat(filled), " ".repeat(width - filled), fraction * 100, done, rate);
                System.err.flush();
            } else {
                int tenth = (int) (fraction * 10);
                if (tenth > lastTenth && tenth < 10) {
                    lastTenth = tenth;
                    System.err.printf(Locale.ROOT, "bench: %d%% (%d cycles, %.0f/s)%n", tenth * 10, done, rate);
                }
            }
        }

        void finish(long done) {
            if (terminal) {
                lastDraw = 0;
                update(done);
                System.err.println();
            } else {
                System.err.printf(Locale.ROOT, "bench: 100%% (%d cycles)%n", done);
            }
        }
    }
}
