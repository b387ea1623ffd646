package io.wasmrun.bench;

import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Compiled wasm loops that hammer one 16 MiB memory: mixed-width aligned loads and stores,
 * loads and stores straddling 64 KiB page boundaries (the slow path of Chicory's paged
 * memories), and {@code memory.fill}/{@code memory.copy} of 4 KiB blocks. One fork per memory, so
 * each JIT profile sees a single {@code Memory} class.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class MemoryAccessBenchmark {
    /** Loop iterations per benchmark call. */
    static final int ITERATIONS = 10_000;

    @Param({"WASMRUN", "BYTE_BUFFER", "BYTE_ARRAY"})
    public MemoryKind memory;

    private Instance instance;
    private ExportFunction aligned;
    private ExportFunction straddle;
    private ExportFunction bulk;

    @Setup(Level.Trial)
    public void instantiate() {
        instance = memory.instantiate(MemoryKind.module("loops.wasm"));
        aligned = instance.export("aligned");
        straddle = instance.export("straddle");
        bulk = instance.export("bulk");
    }

    @TearDown(Level.Trial)
    public void release() {
        memory.release(instance);
    }

    @Benchmark
    public long alignedAccess() {
        return aligned.apply(ITERATIONS)[0];
    }

    @Benchmark
    public long straddlingAccess() {
        return straddle.apply(ITERATIONS)[0];
    }

    @Benchmark
    public void bulkFillCopy() {
        bulk.apply(ITERATIONS / 10);
    }
}
