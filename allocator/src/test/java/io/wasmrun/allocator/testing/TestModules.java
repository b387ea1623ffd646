package io.wasmrun.allocator.testing;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import io.wasmrun.allocator.AllocatedMemory;
import io.wasmrun.allocator.AllocatedTable;
import io.wasmrun.allocator.AllocationRequest;
import io.wasmrun.allocator.InstanceAllocator;
import io.wasmrun.allocator.InstanceSlot;
import io.wasmrun.allocator.ModuleId;
import io.wasmrun.allocator.ModuleInfo;
import io.wasmrun.allocator.StoreContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the test modules (built from the {@code .wat} next to each {@code .wasm}) and
 * instantiates them through an allocator, the way the runtime does.
 */
public final class TestModules {
    private TestModules() {}

    /** Chicory's two execution engines. */
    public enum Engine {
        INTERPRETER,
        COMPILER
    }

    public static WasmModule load(String name) {
        try (InputStream in = TestModules.class.getResourceAsStream("/wasm/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test module " + name);
            }
            return Parser.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Instantiates {@code module}, taking every memory and table from {@code allocator}. */
    public static Allocated instantiate(
            InstanceAllocator allocator, String name, WasmModule module, Engine engine) {
        ModuleInfo info = new ModuleInfo(new ModuleId(name.hashCode()), name, module);
        allocator.validateModule(info);
        AllocationRequest request = new AllocationRequest(info, new StoreContext(1, null));
        Allocated allocated =
                new Allocated(allocator, allocator.allocateInstance(request));
        try {
            Instance.Builder builder =
                    Instance.builder(module)
                            .withMemoryFactory(
                                    limits -> {
                                        AllocatedMemory memory =
                                                allocator.allocateMemory(
                                                        request,
                                                        allocated.slot,
                                                        allocated.memories.size(),
                                                        limits);
                                        allocated.memories.add(memory);
                                        return memory.memory();
                                    })
                            .withTableFactory(
                                    (table, initRef) -> {
                                        AllocatedTable t =
                                                allocator.allocateTable(
                                                        request,
                                                        allocated.slot,
                                                        allocated.tables.size(),
                                                        table,
                                                        initRef);
                                        allocated.tables.add(t);
                                        return t.table();
                                    });
            if (engine == Engine.COMPILER) {
                builder.withMachineFactory(MachineFactoryCompiler.compile(module));
            }
            allocated.instance = builder.build();
            return allocated;
        } catch (RuntimeException e) {
            allocated.close();
            throw e;
        }
    }

    /** An instance and what it took from the allocator; closing gives it all back. */
    public static final class Allocated implements AutoCloseable {
        private final InstanceAllocator allocator;
        private final InstanceSlot slot;
        private final List<AllocatedMemory> memories = new ArrayList<>();
        private final List<AllocatedTable> tables = new ArrayList<>();
        private Instance instance;

        Allocated(InstanceAllocator allocator, InstanceSlot slot) {
            this.allocator = allocator;
            this.slot = slot;
        }

        public Instance instance() {
            return instance;
        }

        public long call(String export, long... args) {
            return instance.export(export).apply(args)[0];
        }

        public void run(String export, long... args) {
            instance.export(export).apply(args);
        }

        @Override
        public void close() {
            tables.forEach(t -> allocator.deallocateTable(slot, t));
            memories.forEach(m -> allocator.deallocateMemory(slot, m));
            allocator.deallocateInstance(slot);
        }
    }
}
