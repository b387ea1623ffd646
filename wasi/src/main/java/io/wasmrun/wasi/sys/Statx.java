package io.wasmrun.wasi.sys;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The fields of Linux's {@code struct statx} that WASI's {@code filestat} needs. {@code statx} is
 * used rather than {@code fstatat} because its layout is the same on every architecture.
 *
 * @param device device number, {@code makedev(major, minor)}
 * @param inode inode number
 * @param mode file type and permission bits ({@code S_IFMT} and the rest)
 * @param links hard-link count
 * @param size size in bytes
 * @param atimeNanos last access, nanoseconds since the epoch
 * @param mtimeNanos last modification
 * @param ctimeNanos last status change
 */
public record Statx(
        long device,
        long inode,
        int mode,
        long links,
        long size,
        long atimeNanos,
        long mtimeNanos,
        long ctimeNanos) {

    /** Size of {@code struct statx}. */
    public static final int BYTES = 256;
    /** {@code STATX_BASIC_STATS}. */
    public static final int BASIC_STATS = 0x7ff;

    public static final int S_IFMT = 0170000;
    public static final int S_IFSOCK = 0140000;
    public static final int S_IFLNK = 0120000;
    public static final int S_IFREG = 0100000;
    public static final int S_IFBLK = 0060000;
    public static final int S_IFDIR = 0040000;
    public static final int S_IFCHR = 0020000;
    public static final int S_IFIFO = 0010000;

    /** Reads the fields from a {@code struct statx} the kernel filled in. */
    public static Statx read(MemorySegment buffer) {
        long devMajor = Integer.toUnsignedLong(buffer.get(ValueLayout.JAVA_INT, 136));
        long devMinor = Integer.toUnsignedLong(buffer.get(ValueLayout.JAVA_INT, 140));
        return new Statx(
                (devMajor << 32) | devMinor,
                buffer.get(ValueLayout.JAVA_LONG, 32),
                Short.toUnsignedInt(buffer.get(ValueLayout.JAVA_SHORT, 28)),
                Integer.toUnsignedLong(buffer.get(ValueLayout.JAVA_INT, 16)),
                buffer.get(ValueLayout.JAVA_LONG, 40),
                time(buffer, 64),
                time(buffer, 112),
                time(buffer, 96));
    }

    private static long time(MemorySegment buffer, long offset) {
        long seconds = buffer.get(ValueLayout.JAVA_LONG, offset);
        long nanos = Integer.toUnsignedLong(buffer.get(ValueLayout.JAVA_INT, offset + 8));
        return seconds * 1_000_000_000L + nanos;
    }

    /** The file type bits of {@link #mode}. */
    public int type() {
        return mode & S_IFMT;
    }
}
