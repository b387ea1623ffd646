package io.wasmrun.wasi.sys;

import io.wasmrun.allocator.sys.Syscall;

/**
 * Linux {@code open(2)}, {@code openat2(2)} and {@code *at} flag values. Two {@code O_} bits differ
 * between x86_64 and aarch64 ({@code O_DIRECTORY}, {@code O_NOFOLLOW}); the rest are shared.
 */
public final class OpenFlags {
    public static final int O_RDONLY = 0;
    public static final int O_WRONLY = 1;
    public static final int O_RDWR = 2;
    public static final int O_CREAT = 0x40;
    public static final int O_EXCL = 0x80;
    public static final int O_NOCTTY = 0x100;
    public static final int O_TRUNC = 0x200;
    public static final int O_APPEND = 0x400;
    public static final int O_NONBLOCK = 0x800;
    public static final int O_DSYNC = 0x1000;
    public static final int O_SYNC = 0x101000;
    public static final int O_CLOEXEC = 0x80000;
    public static final int O_PATH = 0x200000;
    public static final int O_DIRECTORY = Syscall.aarch64() ? 0x4000 : 0x10000;
    public static final int O_NOFOLLOW = Syscall.aarch64() ? 0x8000 : 0x20000;

    /** {@code openat2} resolution: no path component may leave the starting directory. */
    public static final long RESOLVE_BENEATH = 0x08;
    /** {@code openat2} resolution: no {@code /proc/self/fd}-style magic links. */
    public static final long RESOLVE_NO_MAGICLINKS = 0x02;

    public static final int AT_FDCWD = -100;
    public static final int AT_SYMLINK_NOFOLLOW = 0x100;
    public static final int AT_REMOVEDIR = 0x200;
    public static final int AT_SYMLINK_FOLLOW = 0x400;
    public static final int AT_EMPTY_PATH = 0x1000;

    public static final int F_GETFL = 3;
    public static final int F_SETFL = 4;

    public static final long UTIME_NOW = (1L << 30) - 1;
    public static final long UTIME_OMIT = (1L << 30) - 2;

    private OpenFlags() {}
}
