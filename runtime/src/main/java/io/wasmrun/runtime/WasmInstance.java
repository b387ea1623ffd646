package io.wasmrun.runtime;

import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.types.FunctionType;
import io.wasmrun.Trap;
import io.wasmrun.WasmrunException;
import io.wasmrun.allocator.InstanceSlot;
import java.util.concurrent.Callable;

/**
 * A live instance. Calls run on the execution stack the allocator gave it; {@link #close()}
 * returns its slot, memories, tables and stack to the allocator.
 */
public final class WasmInstance implements AutoCloseable {
    private final LoadedModule module;
    private final Instance instance;
    private final InstanceResources resources;

    WasmInstance(LoadedModule module, Instance instance, InstanceResources resources) {
        this.module = module;
        this.instance = instance;
        this.resources = resources;
    }

    /** The module this is an instance of. */
    public LoadedModule module() {
        return module;
    }

    /** The underlying Chicory instance, for embedders that need more than this API. */
    public Instance chicory() {
        return instance;
    }

    /** The allocator slot this instance occupies. */
    public InstanceSlot slot() {
        return resources.slot();
    }

    /** Memory {@code index} (imported memories first). */
    public Memory memory(int index) {
        return instance.memory(index);
    }

    /** The type of exported function {@code name}. */
    public FunctionType functionType(String name) {
        return module.requireExportedFunction(name);
    }

    /**
     * Calls exported function {@code name} with raw wasm values (i32 as int bits, f32/f64 as
     * their bit patterns) and returns its raw results.
     *
     * @throws Trap when the guest traps
     * @throws WasmrunException when there is no such exported function
     */
    public long[] call(String name, long... args) {
        functionType(name);
        ExportFunction function = instance.export(name);
        return execute(() -> function.apply(args));
    }

    /** Runs {@code body} on this instance's execution stack, translating traps. */
    public <T> T execute(Callable<T> body) {
        try {
            return resources.execute(body);
        } catch (Throwable error) {
            throw Execution.translate(error, module.wasm());
        }
    }

    @Override
    public void close() {
        resources.close();
    }
}
