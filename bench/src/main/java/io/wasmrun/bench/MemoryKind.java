package io.wasmrun.bench;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.ByteBufferMemory;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import io.wasmrun.allocator.AllocatedMemory;
import io.wasmrun.allocator.AllocationRequest;
import io.wasmrun.allocator.InstanceAllocator;
import io.wasmrun.allocator.InstanceSlot;
import io.wasmrun.allocator.ModuleId;
import io.wasmrun.allocator.ModuleInfo;
import io.wasmrun.allocator.StoreContext;
import io.wasmrun.allocator.ondemand.OnDemandInstanceAllocator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Function;

/** The memories compared: wasmrun's (through the on-demand allocator) and Chicory's two. */
public enum MemoryKind {
    WASMRUN,
    BYTE_BUFFER,
    BYTE_ARRAY;

    private static final InstanceAllocator ALLOCATOR = new OnDemandInstanceAllocator();

    /** Reads a module shipped under {@code /wasm/} (built from the {@code .wat} beside it). */
    public static WasmModule module(String name) {
        try (InputStream in = MemoryKind.class.getResourceAsStream("/wasm/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no benchmark module " + name);
            }
            return Parser.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Instantiates {@code module} in compiled mode with this kind of memory. */
    public Instance instantiate(WasmModule module) {
        return instantiate(module, MachineFactoryCompiler.compile(module));
    }

    /** Like {@link #instantiate(WasmModule)} with a machine factory compiled once. */
    public Instance instantiate(
            WasmModule module, Function<Instance, com.dylibso.chicory.runtime.Machine> machine) {
        return Instance.builder(module)
                .withMemoryFactory(memoryFactory(module))
                .withMachineFactory(machine)
                .build();
    }

    /** Gives an instance's memory back; only wasmrun's holds anything outside the heap. */
    public void release(Instance instance) {
        if (this == WASMRUN) {
            ALLOCATOR.deallocateMemory(
                    new InstanceSlot(-1, new ModuleId(0)), new AllocatedMemory(instance.memory(), -1));
        }
    }

    private Function<MemoryLimits, Memory> memoryFactory(WasmModule module) {
        return switch (this) {
            case BYTE_BUFFER -> ByteBufferMemory::new;
            case BYTE_ARRAY -> ByteArrayMemory::new;
            case WASMRUN -> {
                AllocationRequest request =
                        new AllocationRequest(
                                new ModuleInfo(new ModuleId(0), "bench", module),
                                new StoreContext(0, null));
                InstanceSlot slot = new InstanceSlot(-1, new ModuleId(0));
                yield limits -> {
                    AllocatedMemory memory = ALLOCATOR.allocateMemory(request, slot, 0, limits);
                    return memory.memory();
                };
            }
        };
    }
}
