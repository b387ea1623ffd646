package io.wasmrun.wasi.sys;

/** The Linux {@code errno} values the WASI host tests for by name. */
public final class Errnos {
    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int EINTR = 4;
    public static final int EBADF = 9;
    public static final int EAGAIN = 11;
    public static final int EEXIST = 17;
    public static final int EXDEV = 18;
    public static final int ENOTDIR = 20;
    public static final int EINVAL = 22;
    public static final int ELOOP = 40;
    public static final int ENOSYS = 38;

    private Errnos() {}
}
