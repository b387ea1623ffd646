package io.wasmrun.bench;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The memory loops of C programs at steady state: one whole run of a {@code bench/corpus} program
 * (a new store, WASI and instance of a module compiled once, then {@code _start}), through
 * wasmrun's embedding API, as {@code scripts/bench-corpus --in-process} does. The programs are
 * memory-bound: {@code bulk} (wasi-libc's memset, memcpy and memmove over 1 MiB buffers),
 * {@code memops} (copies and fills of 16 B to 32 KiB blocks) and {@code matrix} (a float matrix
 * product). Run from the project root: {@code java -jar bench/target/benchmarks.jar
 * CorpusLoopBenchmark} ({@code -Dcorpus.dir=DIR} elsewhere).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xss16m"})
public class CorpusLoopBenchmark {
    /** The program and its arguments. */
    @Param({"bulk 1048576 16", "memops 1048576 12", "matrix 160"})
    public String program;

    private InProcessCorpus.Runner runner;
    private List<String> argv;

    @Setup
    public void load() {
        String[] words = program.split(" ");
        Path file = Path.of(System.getProperty("corpus.dir", "bench/corpus"), words[0] + ".wasm");
        runner = InProcessCorpus.wasmrun(file);
        argv = new ArrayList<>(List.of(words));
    }

    @Benchmark
    public int run() {
        var stdout = new ByteArrayOutputStream();
        runner.run(argv, stdout);
        return stdout.size();
    }
}
