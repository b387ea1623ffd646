package io.wasmrun.bench;

import io.wasmrun.Engine;
import io.wasmrun.Linker;
import io.wasmrun.Module;
import io.wasmrun.Store;
import io.wasmrun.allocator.config.PoolingConfig;
import io.wasmrun.allocator.pooling.PoolingInstanceAllocator;
import io.wasmrun.runtime.LoadedModule;
import io.wasmrun.runtime.WasmInstance;
import io.wasmrun.runtime.WasmRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the embedding API adds to one short-lived guest: {@code pool-bench.wasm} instantiated,
 * {@code run} called and the instance closed on the pooling allocator, in the same JVM by two
 * routes:
 *
 * <ul>
 *   <li>{@code api}: as an embedder (and {@code wasmrun bench}) does it, a {@code Store} per guest,
 *       {@code Linker.instantiate}, {@code requireFunc("run").call()}, the store closed;
 *   <li>{@code runtime}: the internal classes the API is built on, {@code
 *       WasmRuntime.instantiate} and {@code WasmInstance.call}.
 * </ul>
 *
 * {@code call} measures one call into an instance kept across calls by the same two routes ({@code
 * Func.callRaw} and {@code WasmInstance.call}). Run: {@code java -jar bench/target/benchmarks.jar
 * EmbeddingCycleBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class EmbeddingCycleBenchmark {

    @Param({"api", "runtime"})
    public String route;

    private byte[] bytes;
    private Engine engine;
    private Module module;
    private Linker linker;
    private PoolingInstanceAllocator allocator;
    private WasmRuntime runtime;
    private LoadedModule loaded;
    private io.wasmrun.runtime.Linker runtimeLinker;
    private Store keptStore;
    private io.wasmrun.Func keptFunc;
    private WasmInstance keptInstance;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        try (InputStream in = EmbeddingCycleBenchmark.class.getResourceAsStream("/wasm/pool-bench.wasm")) {
            bytes = in.readAllBytes();
        }
        if (route.equals("api")) {
            engine = Engine.builder().pooling(PoolingConfig.defaults()).build();
            module = Module.fromBytes(engine, "pool-bench.wasm", bytes);
            linker = new Linker();
            keptStore = Store.create(engine);
            keptFunc = linker.instantiate(keptStore, module).requireFunc("run");
        } else {
            allocator = new PoolingInstanceAllocator(PoolingConfig.defaults());
            runtime = WasmRuntime.builder().withAllocator(allocator).build();
            loaded = runtime.load("pool-bench.wasm", bytes);
            runtimeLinker = new io.wasmrun.runtime.Linker();
            keptInstance = runtime.instantiate(loaded, runtimeLinker);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (engine != null) {
            keptStore.close();
            engine.close();
        }
        if (runtime != null) {
            keptInstance.close();
            runtime.close();
            allocator.close();
        }
    }

    @Benchmark
    public long cycle() {
        if (engine != null) {
            try (Store store = Store.create(engine)) {
                return linker.instantiate(store, module).requireFunc("run").call()[0].raw();
            }
        }
        try (WasmInstance instance = runtime.instantiate(loaded, runtimeLinker)) {
            return instance.call("run")[0];
        }
    }

    @Benchmark
    public long call() {
        return engine != null ? keptFunc.callRaw()[0] : keptInstance.call("run")[0];
    }
}
