package io.wasmrun.wasi.fs;

import io.wasmrun.wasi.sys.Errnos;
import io.wasmrun.wasi.sys.LinuxFs;
import io.wasmrun.wasi.sys.OpenFlags;

/**
 * {@link PathResolver} on {@code openat2(2)}: the kernel resolves the whole path under {@code
 * RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS}, so a link swapped while the path resolves cannot take
 * it outside, and {@code /proc/self/fd} links cannot be used as doors.
 */
public final class Openat2Resolver implements PathResolver {
    private static final long RESOLVE = OpenFlags.RESOLVE_BENEATH | OpenFlags.RESOLVE_NO_MAGICLINKS;
    private static final int RETRIES = 16;

    /** Whether this kernel has {@code openat2} (and no seccomp filter hides it). */
    static boolean available() {
        long fd = LinuxFs.openat2(OpenFlags.AT_FDCWD, ".", OpenFlags.O_PATH | OpenFlags.O_CLOEXEC, 0, RESOLVE);
        if (fd >= 0) {
            LinuxFs.close((int) fd);
            return true;
        }
        return fd != -Errnos.ENOSYS && fd != -Errnos.EPERM;
    }

    @Override
    public long open(int dirfd, String path, int flags, int mode) {
        int create = flags & OpenFlags.O_CREAT;
        long result = -Errnos.EAGAIN;
        // EAGAIN: a concurrent rename somewhere in the file system made the kernel unsure that
        // ".." stayed beneath; trying again is what the man page advises.
        for (int i = 0; i < RETRIES && result == -Errnos.EAGAIN; i++) {
            result = LinuxFs.openat2(dirfd, path, flags | OpenFlags.O_CLOEXEC, create != 0 ? mode : 0, RESOLVE);
        }
        return result;
    }
}
