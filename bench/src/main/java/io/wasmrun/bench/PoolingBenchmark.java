package io.wasmrun.bench;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import io.wasmrun.allocator.AllocatedMemory;
import io.wasmrun.allocator.AllocatedTable;
import io.wasmrun.allocator.AllocationRequest;
import io.wasmrun.allocator.ExecutionStack;
import io.wasmrun.allocator.InstanceAllocator;
import io.wasmrun.allocator.InstanceSlot;
import io.wasmrun.allocator.ModuleId;
import io.wasmrun.allocator.ModuleInfo;
import io.wasmrun.allocator.StoreContext;
import io.wasmrun.allocator.ondemand.OnDemandInstanceAllocator;
import io.wasmrun.allocator.pooling.PoolingInstanceAllocator;
import io.wasmrun.allocator.pooling.PrefilledTables;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
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
 * One instantiate + call + close cycle of {@code pool-bench.wasm} (16 pages of memory, a 64 KiB
 * data segment, a 100-entry table; {@code run} reads the data, writes a word, calls through the
 * table), single thread, with Chicory's compiler (the machine factory compiled once, as the
 * runtime caches it per module):
 *
 * <ul>
 *   <li>{@code pooling}: memories and tables from {@link PoolingInstanceAllocator} (copy-on-write
 *       image, slot affinity);
 *   <li>{@code on-demand}: from {@link OnDemandInstanceAllocator} (a mapping per memory, data
 *       copied);
 *   <li>{@code chicory}: plain Chicory 1.7.5, {@code Instance.builder} with its default memory.
 * </ul>
 *
 * Instances are made the way the runtime makes them (allocator slot, factories, prefilled tables
 * adopted, initialise on the caller as the module has no start function, call on the allocator's
 * stack, give back in reverse). Run: {@code java -jar bench/target/benchmarks.jar
 * PoolingBenchmark -prof gc}; {@code -bm sample} gives percentiles.
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class PoolingBenchmark {

    @Param({"pooling", "on-demand", "chicory"})
    public String allocator;

    private WasmModule module;
    private Function<Instance, Machine> machine;
    private InstanceAllocator pool;
    private ModuleInfo info;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        try (InputStream in = PoolingBenchmark.class.getResourceAsStream("/wasm/pool-bench.wasm")) {
            module = Parser.parse(in);
        }
        machine = MachineFactoryCompiler.compile(module);
        info = new ModuleInfo(new ModuleId(1), "pool-bench.wasm", module);
        pool = switch (allocator) {
            case "pooling" -> new PoolingInstanceAllocator();
            case "on-demand" -> new OnDemandInstanceAllocator();
            default -> null;
        };
        if (pool != null) {
            pool.validateModule(info);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (pool != null) {
            pool.close();
        }
    }

    @Benchmark
    public long cycle() throws Exception {
        if (pool == null) {
            Instance instance = Instance.builder(module).withMachineFactory(machine).build();
            return instance.export("run").apply()[0];
        }
        var request = new AllocationRequest(info, new StoreContext(1, null));
        InstanceSlot slot = pool.allocateInstance(request);
        AllocatedMemory[] memory = new AllocatedMemory[1];
        AllocatedTable[] table = new AllocatedTable[1];
        ExecutionStack stack = null;
        try {
            Instance instance =
                    Instance.builder(module)
                            .withMachineFactory(machine)
                            .withMemoryFactory(limits -> {
                                memory[0] = pool.allocateMemory(request, slot, 0, limits);
                                return memory[0].memory();
                            })
                            .withTableFactory((t, initRef) -> {
                                table[0] = pool.allocateTable(request, slot, 0, t, initRef);
                                return table[0].table();
                            })
                            .withInitialize(false)
                            .withStart(false)
                            .build();
            // as WasmRuntime#instantiate: adopt prefilled tables; no start function, so
            // initialise on the caller
            PrefilledTables.adopt(instance);
            instance.initialize(false);
            stack = pool.allocateStack();
            return stack.execute(() -> instance.export("run").apply()[0]);
        } finally {
            if (table[0] != null) {
                pool.deallocateTable(slot, table[0]);
            }
            if (memory[0] != null) {
                pool.deallocateMemory(slot, memory[0]);
            }
            if (stack != null) {
                pool.deallocateStack(stack);
            }
            pool.deallocateInstance(slot);
        }
    }
}
