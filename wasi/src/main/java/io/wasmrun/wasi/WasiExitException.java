package io.wasmrun.wasi;

/**
 * The guest called {@code proc_exit}: it unwinds the guest's stack to the embedder, who reads the
 * code. Thrown for code 0 too, so there is one place to read an exit from.
 */
public final class WasiExitException extends RuntimeException {
    private final int exitCode;

    public WasiExitException(int exitCode) {
        super("proc_exit(" + exitCode + ")", null, false, false);
        this.exitCode = exitCode;
    }

    /** The code the guest passed. */
    public int exitCode() {
        return exitCode;
    }
}
