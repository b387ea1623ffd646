package io.wasmrun.wasi;

/**
 * A WASI call's failure with its {@link Errno}, thrown inside the host and turned into the
 * function's return value at its boundary. It carries no stack trace: it is control flow, as
 * frequent as a guest's failed {@code stat}.
 */
public final class WasiError extends RuntimeException {
    private final int errno;

    public WasiError(int errno) {
        super(null, null, false, false);
        this.errno = errno;
    }

    /** Throws for a negative system-call result ({@code -errno}); returns a non-negative one. */
    public static long check(long result) {
        if (result < 0) {
            throw new WasiError(Errno.fromLinux((int) -result));
        }
        return result;
    }

    /** The WASI errno. */
    public int errno() {
        return errno;
    }

    @Override
    public String getMessage() {
        return "WASI errno " + errno;
    }
}
