package io.wasmrun.runtime;

import com.dylibso.chicory.wasm.types.Import;
import io.wasmrun.WasmrunException;
import io.wasmrun.wasi.WasiOptions;
import io.wasmrun.wasi.preview1.WasiPreview1;

/**
 * WASI preview1 for one guest, through wasmrun's own host ({@link WasiPreview1}: paths confined
 * by the kernel, guest pointers checked). {@code proc_exit} always surfaces as {@link
 * io.wasmrun.wasi.WasiExitException}, also for code 0, so callers read the exit code from one
 * place.
 */
public final class Wasi implements AutoCloseable {
    /** The import module name of WASI preview1. */
    public static final String MODULE = WasiPreview1.MODULE;

    private final WasiPreview1 preview1;

    private Wasi(WasiPreview1 preview1) {
        this.preview1 = preview1;
    }

    /**
     * Creates a WASI context; closing it closes the files the guest opened.
     *
     * @throws WasmrunException when a preopened directory cannot be opened
     */
    public static Wasi create(WasiConfig config) {
        return create(config.toOptions());
    }

    /** {@link #create(WasiConfig)} from the WASI host's own options. */
    public static Wasi create(WasiOptions options) {
        try {
            return new Wasi(WasiPreview1.create(options));
        } catch (java.io.UncheckedIOException e) {
            throw new WasmrunException(e.getCause().getMessage());
        }
    }

    /** Whether {@code module} imports anything from WASI preview1. */
    public static boolean isImportedBy(LoadedModule module) {
        var imports = module.wasm().importSection();
        for (int i = 0; i < imports.importCount(); i++) {
            Import imp = imports.getImport(i);
            if (MODULE.equals(imp.module())) {
                return true;
            }
        }
        return false;
    }

    /** Every WASI preview1 function, as import values. */
    public java.util.List<? extends com.dylibso.chicory.runtime.ImportValue> functions() {
        return preview1.functions();
    }

    /** Defines every WASI preview1 function in {@code linker}. */
    public Linker defineInto(Linker linker) {
        return linker.defineAll(preview1.functions());
    }

    @Override
    public void close() {
        preview1.close();
    }
}
