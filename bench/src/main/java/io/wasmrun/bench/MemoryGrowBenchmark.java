package io.wasmrun.bench;

import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.wasm.WasmModule;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
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
 * A fresh one-page memory grown page by page to 16384 pages (1 GiB) by compiled wasm, then
 * released. Measures growth only: the new pages are not touched.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class MemoryGrowBenchmark {
    static final int TARGET_PAGES = 16384;

    @Param({"WASMRUN", "BYTE_BUFFER", "BYTE_ARRAY"})
    public MemoryKind memory;

    private WasmModule module;
    private Function<Instance, Machine> machine;
    private Instance instance;
    private ExportFunction growTo;

    @Setup(Level.Trial)
    public void compile() {
        module = MemoryKind.module("grow.wasm");
        machine = MachineFactoryCompiler.compile(module);
    }

    @Setup(Level.Invocation)
    public void instantiate() {
        instance = memory.instantiate(module, machine);
        growTo = instance.export("grow_to");
    }

    @TearDown(Level.Invocation)
    public void release() {
        memory.release(instance);
        instance = null;
    }

    @Benchmark
    public long growOneToMax() {
        long pages = growTo.apply(TARGET_PAGES)[0];
        if (pages != TARGET_PAGES) {
            throw new IllegalStateException("grew to " + pages + " pages");
        }
        return pages;
    }
}
