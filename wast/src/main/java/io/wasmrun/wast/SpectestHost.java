package io.wasmrun.wast;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import io.wasmrun.runtime.LoadedModule;
import io.wasmrun.runtime.Linker;
import io.wasmrun.runtime.WasmInstance;
import io.wasmrun.runtime.WasmRuntime;
import java.util.List;

/**
 * Provides the {@code spectest} module to scripts: a fresh instance of {@link SpectestModule}
 * per script (so no script sees another's writes) plus the {@code print*} host functions, which
 * print nothing. The modules are loaded once per runtime.
 */
final class SpectestHost implements AutoCloseable {
    static final String NAME = "spectest";
    private static final String SHARED_MEMORY = "shared_memory";

    private final WasmRuntime runtime;
    private LoadedModule main;
    private LoadedModule shared;

    SpectestHost(WasmRuntime runtime) {
        this.runtime = runtime;
    }

    /** Instantiates {@code spectest} into {@code linker}; the caller closes the instance. */
    WasmInstance link(Linker linker) {
        if (main == null) {
            main = runtime.load("spectest.wasm", SpectestModule.main());
        }
        WasmInstance instance = runtime.instantiate(main, new Linker());
        linker.defineInstance(NAME, instance);
        print(linker, "print");
        print(linker, "print_i32", ValType.I32);
        print(linker, "print_i64", ValType.I64);
        print(linker, "print_f32", ValType.F32);
        print(linker, "print_f64", ValType.F64);
        print(linker, "print_i32_f32", ValType.I32, ValType.F32);
        print(linker, "print_f64_f64", ValType.F64, ValType.F64);
        return instance;
    }

    /**
     * Whether {@code module} imports {@code spectest.shared_memory} that {@code linker} does not
     * define yet; then {@link #linkSharedMemory} provides it.
     */
    static boolean needsSharedMemory(LoadedModule module, Linker linker) {
        var imports = module.wasm().importSection();
        for (int i = 0; i < imports.importCount(); i++) {
            var imported = imports.getImport(i);
            if (imported.module().equals(NAME) && imported.name().equals(SHARED_MEMORY)) {
                return !linker.isDefined(NAME, SHARED_MEMORY);
            }
        }
        return false;
    }

    /** Instantiates the shared memory into {@code linker}; the caller closes the instance. */
    WasmInstance linkSharedMemory(Linker linker) {
        if (shared == null) {
            shared = runtime.load("spectest-shared.wasm", SpectestModule.sharedMemory());
        }
        WasmInstance instance = runtime.instantiate(shared, new Linker());
        linker.defineInstance(NAME, instance);
        return instance;
    }

    private static void print(Linker linker, String name, ValType... params) {
        linker.define(new HostFunction(NAME, name, FunctionType.of(List.of(params), List.of()), (instance, args) -> null));
    }

    @Override
    public void close() {
        if (main != null) {
            runtime.unload(main);
        }
        if (shared != null) {
            runtime.unload(shared);
        }
    }
}
