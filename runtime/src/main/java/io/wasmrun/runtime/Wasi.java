package io.wasmrun.runtime;

import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.types.Import;
import java.util.List;

/**
 * WASI preview1 through Chicory's {@code wasi} module. {@code proc_exit} always surfaces as
 * {@link com.dylibso.chicory.wasi.WasiExitException}, also for code 0, so callers read the exit
 * code from one place.
 */
public final class Wasi implements AutoCloseable {
    /** The import module name of WASI preview1. */
    public static final String MODULE = "wasi_snapshot_preview1";

    private final WasiPreview1 preview1;

    private Wasi(WasiPreview1 preview1) {
        this.preview1 = preview1;
    }

    /** Creates a WASI context; closing it closes the files the guest opened. */
    public static Wasi create(WasiConfig config) {
        var options =
                WasiOptions.builder()
                        .withArguments(config.args())
                        .withStdin(config.stdin())
                        .withStdout(config.stdout())
                        .withStderr(config.stderr())
                        .withThrowOnExit0(true);
        config.env().forEach(options::withEnvironment);
        config.preopens().forEach(options::withDirectory);
        return new Wasi(WasiPreview1.builder().withOptions(options.build()).build());
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

    /** Defines every WASI preview1 function in {@code linker}. */
    public Linker defineInto(Linker linker) {
        return linker.defineAll(List.of(preview1.toHostFunctions()));
    }

    @Override
    public void close() {
        preview1.close();
    }
}
