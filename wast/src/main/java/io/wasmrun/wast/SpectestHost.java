package io.wasmrun.wast;

import io.wasmrun.Engine;
import io.wasmrun.FuncType;
import io.wasmrun.ImportType;
import io.wasmrun.Linker;
import io.wasmrun.Module;
import io.wasmrun.Store;
import io.wasmrun.ValType;
import java.util.List;

/**
 * Provides the {@code spectest} module to scripts: a fresh instance of {@link SpectestModule}
 * per script (so no script sees another's writes) plus the {@code print*} host functions, which
 * print nothing. The modules are loaded once per engine.
 */
final class SpectestHost implements AutoCloseable {
    static final String NAME = "spectest";
    private static final String SHARED_MEMORY = "shared_memory";
    private static final long[] NO_RESULTS = {};

    private final Engine engine;
    private Module main;
    private Module shared;

    SpectestHost(Engine engine) {
        this.engine = engine;
    }

    /** Instantiates {@code spectest} in {@code store} and defines it in {@code linker}. */
    void link(Linker linker, Store store) {
        if (main == null) {
            main = Module.fromBytes(engine, "spectest.wasm", SpectestModule.main());
        }
        linker.instance(NAME, new Linker().instantiate(store, main));
        print(linker, "print");
        print(linker, "print_i32", ValType.I32);
        print(linker, "print_i64", ValType.I64);
        print(linker, "print_f32", ValType.F32);
        print(linker, "print_f64", ValType.F64);
        print(linker, "print_i32_f32", ValType.I32, ValType.F32);
        print(linker, "print_f64_f64", ValType.F64, ValType.F64);
    }

    /**
     * Whether {@code imports} include {@code spectest.shared_memory} that {@code linker} does not
     * define yet; then {@link #linkSharedMemory} provides it.
     */
    static boolean needsSharedMemory(List<ImportType> imports, Linker linker) {
        for (ImportType imported : imports) {
            if (imported.module().equals(NAME) && imported.name().equals(SHARED_MEMORY)) {
                return !linker.isDefined(NAME, SHARED_MEMORY);
            }
        }
        return false;
    }

    /** Instantiates the shared memory in {@code store} and defines it in {@code linker}. */
    void linkSharedMemory(Linker linker, Store store) {
        if (shared == null) {
            shared = Module.fromBytes(engine, "spectest-shared.wasm", SpectestModule.sharedMemory());
        }
        linker.instance(NAME, new Linker().instantiate(store, shared));
    }

    private static void print(Linker linker, String name, ValType... params) {
        linker.funcRaw(NAME, name, FuncType.of(List.of(params), List.of()), (caller, args) -> NO_RESULTS);
    }

    @Override
    public void close() {
        if (main != null) {
            main.unload();
        }
        if (shared != null) {
            shared.unload();
        }
    }
}
