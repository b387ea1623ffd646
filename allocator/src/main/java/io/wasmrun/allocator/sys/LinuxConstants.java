package io.wasmrun.allocator.sys;

/**
 * Flag values from the Linux UAPI headers. x86_64 and aarch64 share every value used here (both
 * follow {@code asm-generic} for these), so one set serves both.
 */
public final class LinuxConstants {
    public static final int PROT_NONE = 0x0;
    public static final int PROT_READ = 0x1;
    public static final int PROT_WRITE = 0x2;

    public static final int MAP_SHARED = 0x01;
    public static final int MAP_PRIVATE = 0x02;
    public static final int MAP_FIXED = 0x10;
    public static final int MAP_ANONYMOUS = 0x20;
    public static final int MAP_NORESERVE = 0x4000;

    public static final int MREMAP_MAYMOVE = 0x1;
    public static final int MREMAP_FIXED = 0x2;

    public static final int MADV_DONTNEED = 4;

    public static final int MFD_CLOEXEC = 0x1;

    public static final int EFAULT = 14;
    public static final int ENOMEM = 12;

    private LinuxConstants() {}
}
