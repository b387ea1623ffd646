package io.wasmrun.wasi.sys;

import io.wasmrun.allocator.sys.Libc;
import io.wasmrun.allocator.sys.Syscall;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/**
 * File-system system calls on descriptors. Paths are always relative to a directory descriptor
 * (the {@code *at} family); the WASI host never hands the kernel a path it joined itself. Each
 * method returns the kernel's result or {@code -errno}.
 */
public final class LinuxFs {
    private static final int OPEN_HOW_BYTES = 24;

    private LinuxFs() {}

    /**
     * {@code openat2(dirfd, path, {flags, mode, resolve})}: the kernel resolves {@code path} with
     * the {@code RESOLVE_*} rules in {@code resolve}, e.g. never leaving {@code dirfd}.
     */
    public static long openat2(int dirfd, String path, int flags, int mode, long resolve) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment how = arena.allocate(OPEN_HOW_BYTES, 8);
            how.set(ValueLayout.JAVA_LONG, 0, Integer.toUnsignedLong(flags));
            how.set(ValueLayout.JAVA_LONG, 8, mode);
            how.set(ValueLayout.JAVA_LONG, 16, resolve);
            return Libc.syscall(
                    Syscall.OPENAT2, dirfd, cString(arena, path), how.address(), OPEN_HOW_BYTES, 0, 0);
        }
    }

    /** {@code openat(dirfd, path, flags, mode)}. */
    public static long openat(int dirfd, String path, int flags, int mode) {
        try (Arena arena = Arena.ofConfined()) {
            return Libc.syscall(Syscall.OPENAT, dirfd, cString(arena, path), flags, mode, 0, 0);
        }
    }

    /** {@code close(fd)}. */
    public static long close(int fd) {
        return Libc.syscall(Syscall.CLOSE, fd, 0, 0, 0, 0, 0);
    }

    /** {@code read(fd, address, length)} into native memory. */
    public static long read(int fd, long address, long length) {
        return Libc.syscall(Syscall.READ, fd, address, length, 0, 0, 0);
    }

    /** {@code write(fd, address, length)} from native memory. */
    public static long write(int fd, long address, long length) {
        return Libc.syscall(Syscall.WRITE, fd, address, length, 0, 0, 0);
    }

    /** {@code pread64(fd, address, length, offset)}. */
    public static long pread(int fd, long address, long length, long offset) {
        return Libc.syscall(Syscall.PREAD64, fd, address, length, offset, 0, 0);
    }

    /** {@code pwrite64(fd, address, length, offset)}. */
    public static long pwrite(int fd, long address, long length, long offset) {
        return Libc.syscall(Syscall.PWRITE64, fd, address, length, offset, 0, 0);
    }

    /** {@code lseek(fd, offset, whence)}: the new offset. */
    public static long lseek(int fd, long offset, int whence) {
        return Libc.syscall(Syscall.LSEEK, fd, offset, whence, 0, 0, 0);
    }

    /** {@code fsync(fd)}. */
    public static long fsync(int fd) {
        return Libc.syscall(Syscall.FSYNC, fd, 0, 0, 0, 0, 0);
    }

    /** {@code fdatasync(fd)}. */
    public static long fdatasync(int fd) {
        return Libc.syscall(Syscall.FDATASYNC, fd, 0, 0, 0, 0, 0);
    }

    /** {@code ftruncate(fd, length)}. */
    public static long ftruncate(int fd, long length) {
        return Libc.syscall(Syscall.FTRUNCATE, fd, length, 0, 0, 0, 0);
    }

    /** {@code fallocate(fd, 0, offset, length)}. */
    public static long fallocate(int fd, long offset, long length) {
        return Libc.syscall(Syscall.FALLOCATE, fd, 0, offset, length, 0, 0);
    }

    /** {@code posix_fadvise(fd, offset, length, advice)}. */
    public static long fadvise(int fd, long offset, long length, int advice) {
        return Libc.syscall(Syscall.FADVISE64, fd, offset, length, advice, 0, 0);
    }

    /** {@code fcntl(fd, cmd, arg)}. */
    public static long fcntl(int fd, int cmd, long arg) {
        return Libc.syscall(Syscall.FCNTL, fd, cmd, arg, 0, 0, 0);
    }

    /** {@code mkdirat(dirfd, name, mode)}. */
    public static long mkdirat(int dirfd, String name, int mode) {
        try (Arena arena = Arena.ofConfined()) {
            return Libc.syscall(Syscall.MKDIRAT, dirfd, cString(arena, name), mode, 0, 0, 0);
        }
    }

    /** {@code unlinkat(dirfd, name, flags)}; {@code AT_REMOVEDIR} removes a directory. */
    public static long unlinkat(int dirfd, String name, int flags) {
        try (Arena arena = Arena.ofConfined()) {
            return Libc.syscall(Syscall.UNLINKAT, dirfd, cString(arena, name), flags, 0, 0, 0);
        }
    }

    /** {@code renameat2(olddirfd, oldname, newdirfd, newname, 0)}. */
    public static long renameat(int oldDir, String oldName, int newDir, String newName) {
        try (Arena arena = Arena.ofConfined()) {
            return Libc.syscall(
                    Syscall.RENAMEAT2,
                    oldDir,
                    cString(arena, oldName),
                    newDir,
                    cString(arena, newName),
                    0,
                    0);
        }
    }

    /** {@code linkat(olddirfd, oldname, newdirfd, newname, flags)}. */
    public static long linkat(int oldDir, String oldName, int newDir, String newName, int flags) {
        try (Arena arena = Arena.ofConfined()) {
            return Libc.syscall(
                    Syscall.LINKAT,
                    oldDir,
                    cString(arena, oldName),
                    newDir,
                    cString(arena, newName),
                    flags,
                    0);
        }
    }

    /** {@code symlinkat(target, dirfd, name)}: the link's text is {@code target}, never resolved. */
    public static long symlinkat(String target, int dirfd, String name) {
        try (Arena arena = Arena.ofConfined()) {
            return Libc.syscall(
                    Syscall.SYMLINKAT, cString(arena, target), dirfd, cString(arena, name), 0, 0, 0);
        }
    }

    /**
     * {@code readlinkat(dirfd, name, buffer, size)}.
     *
     * @return the link's bytes, or {@code null} with {@code -errno} in {@code error[0]}
     */
    public static byte[] readlinkat(int dirfd, String name, long[] error) {
        try (Arena arena = Arena.ofConfined()) {
            int capacity = 4096;
            MemorySegment buffer = arena.allocate(capacity);
            long n =
                    Libc.syscall(
                            Syscall.READLINKAT,
                            dirfd,
                            cString(arena, name),
                            buffer.address(),
                            capacity,
                            0,
                            0);
            if (n < 0) {
                error[0] = n;
                return null;
            }
            return buffer.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE);
        }
    }

    /**
     * {@code statx(dirfd, name, flags, STATX_BASIC_STATS)}; with {@code AT_EMPTY_PATH} and an empty
     * name it describes {@code dirfd} itself.
     *
     * @return the fields, or {@code null} with {@code -errno} in {@code error[0]}
     */
    public static Statx statx(int dirfd, String name, int flags, long[] error) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(Statx.BYTES, 8);
            long result =
                    Libc.syscall(
                            Syscall.STATX,
                            dirfd,
                            cString(arena, name),
                            flags,
                            Statx.BASIC_STATS,
                            buffer.address(),
                            0);
            if (result < 0) {
                error[0] = result;
                return null;
            }
            return Statx.read(buffer);
        }
    }

    /**
     * {@code utimensat(dirfd, name, {atime, mtime}, flags)}; each time is nanoseconds since the
     * epoch, or {@link OpenFlags#UTIME_NOW} / {@link OpenFlags#UTIME_OMIT} in the nanoseconds field.
     */
    public static long utimensat(int dirfd, String name, long[] atime, long[] mtime, int flags) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment times = arena.allocate(32, 8);
            times.set(ValueLayout.JAVA_LONG, 0, atime[0]);
            times.set(ValueLayout.JAVA_LONG, 8, atime[1]);
            times.set(ValueLayout.JAVA_LONG, 16, mtime[0]);
            times.set(ValueLayout.JAVA_LONG, 24, mtime[1]);
            long path = name == null ? 0 : cString(arena, name);
            return Libc.syscall(Syscall.UTIMENSAT, dirfd, path, times.address(), flags, 0, 0);
        }
    }

    /** {@code getdents64(fd, address, length)}: bytes of {@code linux_dirent64} records read. */
    public static long getdents64(int fd, long address, long length) {
        return Libc.syscall(Syscall.GETDENTS64, fd, address, length, 0, 0, 0);
    }

    /**
     * {@code ppoll(fds, nfds, timeout, NULL)} over one {@code struct pollfd}.
     *
     * @return {@code revents}, 0 on time-out, or {@code -errno}
     */
    public static long pollOne(int fd, short events, long timeoutNanos) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment pollfd = arena.allocate(8, 4);
            pollfd.set(ValueLayout.JAVA_INT, 0, fd);
            pollfd.set(ValueLayout.JAVA_SHORT, 4, events);
            long timeout = 0;
            if (timeoutNanos >= 0) {
                MemorySegment ts = arena.allocate(16, 8);
                ts.set(ValueLayout.JAVA_LONG, 0, timeoutNanos / 1_000_000_000L);
                ts.set(ValueLayout.JAVA_LONG, 8, timeoutNanos % 1_000_000_000L);
                timeout = ts.address();
            }
            long n = Libc.syscall(Syscall.PPOLL, pollfd.address(), 1, timeout, 0, 8, 0);
            return n <= 0 ? n : Short.toUnsignedLong(pollfd.get(ValueLayout.JAVA_SHORT, 6));
        }
    }

    private static long cString(Arena arena, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        MemorySegment s = arena.allocate(bytes.length + 1L);
        MemorySegment.copy(bytes, 0, s, ValueLayout.JAVA_BYTE, 0, bytes.length);
        return s.address();
    }
}
