package io.wasmrun.allocator.pooling;

import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One instance made through an allocator the way the runtime does it (Chicory's interpreter, the
 * allocator's memory and table factories, initialisation on the allocator's stack); {@link
 * #close()} gives everything back in reverse order, also after a failed instantiation.
 */
final class Tenant implements AutoCloseable {
    private static final AtomicLong IDS = new AtomicLong(1000);

    final InstanceAllocator allocator;
    final AllocationRequest request;
    final InstanceSlot slot;
    final List<AllocatedMemory> memories = new ArrayList<>();
    final List<AllocatedTable> tables = new ArrayList<>();
    ExecutionStack stack;
    Instance instance;
    private boolean closed;

    private Tenant(InstanceAllocator allocator, AllocationRequest request) {
        this.allocator = allocator;
        this.request = request;
        this.slot = allocator.allocateInstance(request);
    }

    /** Parses test module {@code name} (from {@code /pooling/}) with a fresh module id. */
    static ModuleInfo module(String name) {
        try (InputStream in = Tenant.class.getResourceAsStream("/pooling/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test module " + name);
            }
            WasmModule module = Parser.parse(in);
            return new ModuleInfo(new ModuleId(IDS.incrementAndGet()), name, module);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Tenant of(InstanceAllocator allocator, ModuleInfo module) {
        return of(allocator, module, ImportValues.empty(), null);
    }

    static Tenant of(
            InstanceAllocator allocator,
            ModuleInfo module,
            ImportValues imports,
            io.wasmrun.allocator.ProtectionKey key) {
        allocator.validateModule(module);
        var request = new AllocationRequest(module, new StoreContext(IDS.incrementAndGet(), key));
        Tenant tenant = new Tenant(allocator, request);
        try {
            tenant.instance =
                    Instance.builder(module.module())
                            .withImportValues(imports)
                            .withMemoryFactory(
                                    limits -> {
                                        AllocatedMemory m =
                                                allocator.allocateMemory(
                                                        request, tenant.slot, tenant.memories.size(), limits);
                                        tenant.memories.add(m);
                                        return m.memory();
                                    })
                            .withTableFactory(
                                    (table, initRef) -> {
                                        AllocatedTable t =
                                                allocator.allocateTable(
                                                        request, tenant.slot, tenant.tables.size(), table, initRef);
                                        tenant.tables.add(t);
                                        return t.table();
                                    })
                            .withInitialize(false)
                            .withStart(false)
                            .build();
            PrefilledTables.adopt(tenant.instance);
            tenant.run(() -> tenant.instance.initialize(false));
            return tenant;
        } catch (RuntimeException | Error e) {
            tenant.close();
            throw e;
        }
    }

    <T> T run(java.util.concurrent.Callable<T> body) {
        if (stack == null) {
            stack = allocator.allocateStack();
        }
        try {
            return stack.execute(body);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    long call(String name, long... args) {
        long[] result = run(() -> instance.export(name).apply(args));
        return result == null || result.length == 0 ? 0 : result[0];
    }

    Memory memory() {
        return memories.get(0).memory();
    }

    int memorySlot() {
        return PoolingInstanceAllocator.slotOf(memories.get(0));
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = tables.size() - 1; i >= 0; i--) {
            allocator.deallocateTable(slot, tables.get(i));
        }
        for (int i = memories.size() - 1; i >= 0; i--) {
            allocator.deallocateMemory(slot, memories.get(i));
        }
        if (stack != null) {
            allocator.deallocateStack(stack);
        }
        allocator.deallocateInstance(slot);
    }
}
