package io.wasmrun.runtime.wasi;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * WASI preview1 numbers as the witx files define them (wasmtime {@code crates/wasi/witx/p1/typenames.witx}):
 * errno values, rights, open/lookup/fst flags, file types and struct sizes.
 */
final class Abi {
    private Abi() {}

    // ---------------------------------------------------------------- errno
    static final int ESUCCESS = 0;
    static final int EACCES = 2;
    static final int EBADF = 8;
    static final int EEXIST = 20;
    static final int EFAULT = 21;
    static final int EILSEQ = 25;
    static final int EINVAL = 28;
    static final int EIO = 29;
    static final int EISDIR = 31;
    static final int ELOOP = 32;
    static final int ENAMETOOLONG = 37;
    static final int ENOENT = 44;
    static final int ENOMEM = 48;
    static final int ENOTDIR = 54;
    static final int ENOTEMPTY = 55;
    static final int ENOTSOCK = 57;
    static final int ENOTSUP = 58;
    static final int EOVERFLOW = 61;
    static final int EPERM = 63;
    static final int ENOTCAPABLE = 76;

    /**
     * What an attempt to leave the sandbox must give. wasmtime returns EPERM (cap-std's {@code
     * escape_attempt()} is an {@code io::ErrorKind::PermissionDenied} without an OS error code, which
     * {@code crates/wasi/src/filesystem.rs} maps to {@code ErrorCode::NotPermitted}, which {@code p1.rs}
     * maps to {@code Errno::Perm}); wasi-testsuite {@code interesting_paths.rs} accepts EPERM or
     * ENOTCAPABLE for absolute paths and too many {@code ..}, so both are accepted here.
     */
    static final int[] ESCAPE = {EPERM, ENOTCAPABLE};

    private static final String[] NAMES = {
        "ESUCCESS", "E2BIG", "EACCES", "EADDRINUSE", "EADDRNOTAVAIL", "EAFNOSUPPORT", "EAGAIN",
        "EALREADY", "EBADF", "EBADMSG", "EBUSY", "ECANCELED", "ECHILD", "ECONNABORTED",
        "ECONNREFUSED", "ECONNRESET", "EDEADLK", "EDESTADDRREQ", "EDOM", "EDQUOT", "EEXIST",
        "EFAULT", "EFBIG", "EHOSTUNREACH", "EIDRM", "EILSEQ", "EINPROGRESS", "EINTR", "EINVAL",
        "EIO", "EISCONN", "EISDIR", "ELOOP", "EMFILE", "EMLINK", "EMSGSIZE", "EMULTIHOP",
        "ENAMETOOLONG", "ENETDOWN", "ENETRESET", "ENETUNREACH", "ENFILE", "ENOBUFS", "ENODEV",
        "ENOENT", "ENOEXEC", "ENOLCK", "ENOLINK", "ENOMEM", "ENOMSG", "ENOPROTOOPT", "ENOSPC",
        "ENOSYS", "ENOTCONN", "ENOTDIR", "ENOTEMPTY", "ENOTRECOVERABLE", "ENOTSOCK", "ENOTSUP",
        "ENOTTY", "ENXIO", "EOVERFLOW", "EOWNERDEAD", "EPERM", "EPIPE", "EPROTO",
        "EPROTONOSUPPORT", "EPROTOTYPE", "ERANGE", "EROFS", "ESPIPE", "ESRCH", "ESTALE",
        "ETIMEDOUT", "ETXTBSY", "EXDEV", "ENOTCAPABLE"
    };

    static String errnoName(int errno) {
        return errno >= 0 && errno < NAMES.length ? NAMES[errno] + "(" + errno + ")" : "errno " + errno;
    }

    static String errnoNames(int... errnos) {
        Set<String> names = new TreeSet<>();
        Arrays.stream(errnos).forEach(e -> names.add(errnoName(e)));
        return names.stream().collect(Collectors.joining(" or "));
    }

    // ---------------------------------------------------------------- flags
    static final int LOOKUP_NOFOLLOW = 0;
    static final int LOOKUP_SYMLINK_FOLLOW = 1;

    static final int O_CREAT = 1;
    static final int O_DIRECTORY = 2;
    static final int O_EXCL = 4;
    static final int O_TRUNC = 8;

    static final int FDFLAGS_NONE = 0;
    static final int FDFLAGS_APPEND = 1;

    static final int FST_ATIM = 1;
    static final int FST_ATIM_NOW = 2;
    static final int FST_MTIM = 4;
    static final int FST_MTIM_NOW = 8;

    static final long RIGHT_FD_READ = 1L << 1;
    static final long RIGHT_FD_SEEK = 1L << 2;
    static final long RIGHT_FD_TELL = 1L << 5;
    static final long RIGHT_FD_WRITE = 1L << 6;
    static final long RIGHT_PATH_OPEN = 1L << 13;
    static final long RIGHT_FD_READDIR = 1L << 14;
    static final long RIGHT_FD_FILESTAT_GET = 1L << 21;
    /** Every right preview1 defines (bits 0 to 29). */
    static final long RIGHTS_ALL = (1L << 30) - 1;
    static final long RIGHTS_READ = RIGHT_FD_READ | RIGHT_FD_SEEK | RIGHT_FD_TELL | RIGHT_FD_FILESTAT_GET;
    static final long RIGHTS_READ_WRITE = RIGHTS_READ | RIGHT_FD_WRITE;

    static final int WHENCE_SET = 0;

    static final int FILETYPE_DIRECTORY = 3;
    static final int FILETYPE_REGULAR_FILE = 4;
    static final int FILETYPE_SYMBOLIC_LINK = 7;

    static final int CLOCK_REALTIME = 0;
    static final int CLOCK_MONOTONIC = 1;

    static final int EVENTTYPE_CLOCK = 0;

    // ---------------------------------------------------------------- sizes
    static final int FILESTAT_SIZE = 64;
    static final int FDSTAT_SIZE = 24;
    static final int PRESTAT_SIZE = 8;
    static final int SUBSCRIPTION_SIZE = 48;
    static final int EVENT_SIZE = 32;
    static final int IOVEC_SIZE = 8;
    static final int DIRENT_SIZE = 24;
}
