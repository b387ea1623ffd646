package io.wasmrun.allocator.sys;

/**
 * A system call failed. The message names the call, the size it was asked for and the C library's
 * text for {@code errno}, e.g. {@code mmap(2.0 GiB) failed: Cannot allocate memory (errno 12)}.
 */
public final class NativeCallException extends RuntimeException {
    private final String call;
    private final long size;
    private final int errno;

    public NativeCallException(String call, long size, int errno, String errorText) {
        super(
                call + "(" + Sizes.format(size) + ") failed: " + errorText + " (errno " + errno
                        + ")");
        this.call = call;
        this.size = size;
        this.errno = errno;
    }

    /** The name of the call that failed, e.g. {@code mmap}. */
    public String call() {
        return call;
    }

    /** The size in bytes the call was asked for. */
    public long size() {
        return size;
    }

    /** The {@code errno} the call left. */
    public int errno() {
        return errno;
    }
}
