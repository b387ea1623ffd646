package io.wasmrun;

import io.wasmrun.wasi.WasiOptions;

/**
 * WASI preview1 for one guest, through wasmrun's own host: paths confined to the preopened
 * directories by the kernel, every guest pointer checked. Define it in a {@link Linker} with
 * {@link Linker#wasi(Wasi)}; {@code proc_exit} ends the guest's call with {@link
 * io.wasmrun.wasi.WasiExitException}, also for code 0. {@link #close()} closes the files the
 * guest opened.
 */
public final class Wasi implements AutoCloseable {
    /** The import module name of WASI preview1. */
    public static final String MODULE = io.wasmrun.runtime.Wasi.MODULE;

    private final io.wasmrun.runtime.Wasi wasi;

    private Wasi(io.wasmrun.runtime.Wasi wasi) {
        this.wasi = wasi;
    }

    /**
     * @throws WasmrunException when a preopened directory cannot be opened
     */
    public static Wasi create(WasiOptions options) {
        return new Wasi(io.wasmrun.runtime.Wasi.create(options));
    }

    io.wasmrun.runtime.Wasi runtimeWasi() {
        return wasi;
    }

    @Override
    public void close() {
        wasi.close();
    }
}
