package io.wasmrun.wasi.fs;

import io.wasmrun.wasi.sys.OpenFlags;

/** WASI preview1 {@code fdflags} and their Linux {@code O_} equivalents. */
public final class FdFlags {
    public static final int APPEND = 1;
    public static final int DSYNC = 2;
    public static final int NONBLOCK = 4;
    public static final int RSYNC = 8;
    public static final int SYNC = 16;
    public static final int ALL = 31;

    private FdFlags() {}

    /** The {@code O_} bits for {@code fdflags}. */
    public static int toLinux(int fdflags) {
        int flags = 0;
        if ((fdflags & APPEND) != 0) {
            flags |= OpenFlags.O_APPEND;
        }
        if ((fdflags & DSYNC) != 0) {
            flags |= OpenFlags.O_DSYNC;
        }
        if ((fdflags & NONBLOCK) != 0) {
            flags |= OpenFlags.O_NONBLOCK;
        }
        if ((fdflags & (RSYNC | SYNC)) != 0) {
            flags |= OpenFlags.O_SYNC;
        }
        return flags;
    }

    /** The {@code fdflags} of Linux {@code O_} bits, as {@code F_GETFL} returns them. */
    public static int fromLinux(int flags) {
        int fdflags = 0;
        if ((flags & OpenFlags.O_APPEND) != 0) {
            fdflags |= APPEND;
        }
        if ((flags & OpenFlags.O_NONBLOCK) != 0) {
            fdflags |= NONBLOCK;
        }
        if ((flags & OpenFlags.O_SYNC) == OpenFlags.O_SYNC) {
            fdflags |= SYNC | RSYNC;
        } else if ((flags & OpenFlags.O_DSYNC) != 0) {
            fdflags |= DSYNC;
        }
        return fdflags;
    }
}
