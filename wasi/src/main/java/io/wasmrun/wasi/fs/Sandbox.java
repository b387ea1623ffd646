package io.wasmrun.wasi.fs;

import io.wasmrun.wasi.Errno;
import io.wasmrun.wasi.Rights;
import io.wasmrun.wasi.WasiError;
import io.wasmrun.wasi.sys.Errnos;
import io.wasmrun.wasi.sys.LinuxFs;
import io.wasmrun.wasi.sys.OpenFlags;
import io.wasmrun.wasi.sys.Statx;

/**
 * The {@code path_*} operations, each confined to the directory descriptor it starts from.
 *
 * <p>The rules: a path is resolved by the {@link PathResolver} (the kernel's {@code
 * RESOLVE_BENEATH} where it has it), never joined into a host path string. An operation on a
 * name ({@code unlink}, {@code mkdir}, {@code rename}, {@code link}, {@code symlink}, a stat that
 * does not follow links) resolves the name's parent directory that way and then calls the
 * {@code *at} system call on the parent's descriptor with the last component alone, which the
 * kernel does not follow for these calls. Everything that follows a last link, or ends in
 * {@code .}, {@code ..} or a slash, resolves the whole path. Absolute paths, {@code ..} above the
 * start and links that lead out fail with {@code EPERM}, as in wasmtime; a read-only preopen
 * refuses every change with {@code EPERM}; missing rights are {@code ENOTCAPABLE}.
 */
public final class Sandbox {
    /** {@code lookupflags.symlink_follow}. */
    public static final int LOOKUP_SYMLINK_FOLLOW = 1;

    public static final int OFLAGS_CREAT = 1;
    public static final int OFLAGS_DIRECTORY = 2;
    public static final int OFLAGS_EXCL = 4;
    public static final int OFLAGS_TRUNC = 8;

    public static final int FST_ATIM = 1;
    public static final int FST_ATIM_NOW = 2;
    public static final int FST_MTIM = 4;
    public static final int FST_MTIM_NOW = 8;

    private static final long WRITE_RIGHTS =
            Rights.FD_DATASYNC | Rights.FD_WRITE | Rights.FD_ALLOCATE | Rights.FD_FILESTAT_SET_SIZE;
    private static final int CREATE_MODE = 0666;
    private static final int DIRECTORY_MODE = 0777;

    private final PathResolver resolver;

    public Sandbox(PathResolver resolver) {
        this.resolver = resolver;
    }

    /** {@code path_open}: a new descriptor for {@code path} under {@code dir}. */
    public OsDescriptor open(
            DirectoryDescriptor dir,
            int lookupFlags,
            String path,
            int oflags,
            long rightsBase,
            long rightsInheriting,
            int fdflags) {
        dir.require(Rights.PATH_OPEN);
        if ((oflags & ~15) != 0 || (fdflags & ~FdFlags.ALL) != 0) {
            throw new WasiError(Errno.INVAL);
        }
        boolean directory = (oflags & OFLAGS_DIRECTORY) != 0;
        boolean create = (oflags & OFLAGS_CREAT) != 0;
        boolean truncate = (oflags & OFLAGS_TRUNC) != 0;
        if (directory && (create || truncate)) {
            throw new WasiError(Errno.INVAL);
        }
        if (create) {
            dir.require(Rights.PATH_CREATE_FILE);
        }
        if (truncate) {
            dir.require(Rights.PATH_FILESTAT_SET_SIZE);
        }
        boolean read = (rightsBase & (Rights.FD_READ | Rights.FD_READDIR)) != 0;
        boolean write = (rightsBase & WRITE_RIGHTS) != 0 || (fdflags & FdFlags.APPEND) != 0;
        if (write || create || truncate) {
            dir.requireWritable();
        }
        int flags = write ? (read ? OpenFlags.O_RDWR : OpenFlags.O_WRONLY) : OpenFlags.O_RDONLY;
        flags |= OpenFlags.O_NOCTTY | FdFlags.toLinux(fdflags);
        if (create) {
            flags |= OpenFlags.O_CREAT;
        }
        if ((oflags & OFLAGS_EXCL) != 0) {
            flags |= OpenFlags.O_EXCL;
        }
        if (truncate) {
            flags |= OpenFlags.O_TRUNC;
        }
        if (directory) {
            flags |= OpenFlags.O_DIRECTORY;
        }
        if ((lookupFlags & LOOKUP_SYMLINK_FOLLOW) == 0) {
            flags |= OpenFlags.O_NOFOLLOW;
        }
        int fd = resolve(dir, path, flags, CREATE_MODE);
        long[] error = new long[1];
        Statx s = LinuxFs.statx(fd, "", OpenFlags.AT_EMPTY_PATH, error);
        if (s == null) {
            LinuxFs.close(fd);
            WasiError.check(error[0]);
        }
        long inheriting = rightsInheriting & dir.rightsInheriting();
        long base = rightsBase & dir.rightsInheriting();
        if (s.type() == Statx.S_IFDIR) {
            return new DirectoryDescriptor(fd, base & Rights.DIRECTORY, inheriting, dir.readOnly(), null);
        }
        return new FileDescriptor(fd, FileType.of(s.mode()), base & Rights.REGULAR_FILE, inheriting, dir.readOnly(), true);
    }

    /** {@code path_create_directory}. */
    public void createDirectory(DirectoryDescriptor dir, String path) {
        dir.require(Rights.PATH_CREATE_DIRECTORY);
        dir.requireWritable();
        try (Parent parent = parent(dir, path, true)) {
            WasiError.check(LinuxFs.mkdirat(parent.fd, parent.name, DIRECTORY_MODE));
        }
    }

    /** {@code path_unlink_file}. */
    public void unlinkFile(DirectoryDescriptor dir, String path) {
        dir.require(Rights.PATH_UNLINK_FILE);
        dir.requireWritable();
        try (Parent parent = parent(dir, path, true)) {
            WasiError.check(LinuxFs.unlinkat(parent.fd, parent.name, 0));
        }
    }

    /** {@code path_remove_directory}. */
    public void removeDirectory(DirectoryDescriptor dir, String path) {
        dir.require(Rights.PATH_REMOVE_DIRECTORY);
        dir.requireWritable();
        try (Parent parent = parent(dir, path, true)) {
            WasiError.check(LinuxFs.unlinkat(parent.fd, parent.name, OpenFlags.AT_REMOVEDIR));
        }
    }

    /** {@code path_rename}. */
    public void rename(DirectoryDescriptor from, String fromPath, DirectoryDescriptor to, String toPath) {
        from.require(Rights.PATH_RENAME_SOURCE);
        to.require(Rights.PATH_RENAME_TARGET);
        from.requireWritable();
        to.requireWritable();
        try (Parent source = parent(from, fromPath, true);
                Parent target = parent(to, toPath, true)) {
            WasiError.check(LinuxFs.renameat(source.fd, source.name, target.fd, target.name));
        }
    }

    /** {@code path_link}: a hard link; following a last link is refused, as in wasmtime. */
    public void link(
            DirectoryDescriptor from, int lookupFlags, String fromPath, DirectoryDescriptor to, String toPath) {
        from.require(Rights.PATH_LINK_SOURCE);
        to.require(Rights.PATH_LINK_TARGET);
        to.requireWritable();
        if ((lookupFlags & LOOKUP_SYMLINK_FOLLOW) != 0) {
            throw new WasiError(Errno.INVAL);
        }
        try (Parent source = parent(from, fromPath, true);
                Parent target = parent(to, toPath, true)) {
            WasiError.check(LinuxFs.linkat(source.fd, source.name, target.fd, target.name, 0));
        }
    }

    /**
     * {@code path_symlink}: a link whose text is {@code target}. The text is stored, not resolved;
     * an absolute one could never be followed inside the sandbox and is refused with {@code EPERM}.
     */
    public void symlink(String target, DirectoryDescriptor dir, String path) {
        dir.require(Rights.PATH_SYMLINK);
        dir.requireWritable();
        if (target.startsWith("/")) {
            throw new WasiError(Errno.PERM);
        }
        if (target.isEmpty()) {
            throw new WasiError(Errno.NOENT);
        }
        try (Parent parent = parent(dir, path, true)) {
            WasiError.check(LinuxFs.symlinkat(target, parent.fd, parent.name));
        }
    }

    /** {@code path_readlink}: the link's text. */
    public byte[] readLink(DirectoryDescriptor dir, String path) {
        dir.require(Rights.PATH_READLINK);
        long[] error = new long[1];
        byte[] text;
        if (needsWholePath(path)) {
            int fd = resolve(dir, path, OpenFlags.O_PATH | OpenFlags.O_NOFOLLOW, 0);
            try {
                text = LinuxFs.readlinkat(fd, "", error);
            } finally {
                LinuxFs.close(fd);
            }
            if (text == null && error[0] == -Errnos.ENOENT) {
                throw new WasiError(Errno.INVAL);
            }
        } else {
            try (Parent parent = parent(dir, path, false)) {
                text = LinuxFs.readlinkat(parent.fd, parent.name, error);
            }
        }
        if (text == null) {
            WasiError.check(error[0]);
        }
        return text;
    }

    /** {@code path_filestat_get}. */
    public Filestat stat(DirectoryDescriptor dir, int lookupFlags, String path) {
        dir.require(Rights.PATH_FILESTAT_GET);
        boolean follow = (lookupFlags & LOOKUP_SYMLINK_FOLLOW) != 0;
        int fd = resolve(dir, path, OpenFlags.O_PATH | (follow ? 0 : OpenFlags.O_NOFOLLOW), 0);
        try {
            long[] error = new long[1];
            Statx s = LinuxFs.statx(fd, "", OpenFlags.AT_EMPTY_PATH | OpenFlags.AT_SYMLINK_NOFOLLOW, error);
            if (s == null) {
                WasiError.check(error[0]);
            }
            return Filestat.of(s);
        } finally {
            LinuxFs.close(fd);
        }
    }

    /** {@code path_filestat_set_times}. */
    public void setTimes(DirectoryDescriptor dir, int lookupFlags, String path, long atim, long mtim, int fstFlags) {
        dir.require(Rights.PATH_FILESTAT_SET_TIMES);
        dir.requireWritable();
        long[] atime = times(atim, fstFlags, FST_ATIM, FST_ATIM_NOW);
        long[] mtime = times(mtim, fstFlags, FST_MTIM, FST_MTIM_NOW);
        boolean follow = (lookupFlags & LOOKUP_SYMLINK_FOLLOW) != 0;
        if (follow || needsWholePath(path)) {
            int fd = resolve(dir, path, OpenFlags.O_PATH | (follow ? 0 : OpenFlags.O_NOFOLLOW), 0);
            try {
                WasiError.check(setTimes(fd, atime, mtime));
            } finally {
                LinuxFs.close(fd);
            }
            return;
        }
        try (Parent parent = parent(dir, path, false)) {
            WasiError.check(
                    LinuxFs.utimensat(parent.fd, parent.name, atime, mtime, OpenFlags.AT_SYMLINK_NOFOLLOW));
        }
    }

    /** Sets the times of the file {@code fd} stands for (an {@code O_PATH} one too). */
    public static long setTimes(int fd, long[] atime, long[] mtime) {
        // The kernel's own link to the open file: resolving it cannot go anywhere else.
        return LinuxFs.utimensat(OpenFlags.AT_FDCWD, "/proc/self/fd/" + fd, atime, mtime, 0);
    }

    /**
     * The {@code timespec} for one of {@code fd_filestat_set_times}'s times; setting a time and
     * asking for "now" at once is {@code EINVAL}.
     */
    public static long[] times(long nanos, int fstFlags, int set, int now) {
        if ((fstFlags & ~15) != 0 || ((fstFlags & set) != 0 && (fstFlags & now) != 0)) {
            throw new WasiError(Errno.INVAL);
        }
        if ((fstFlags & now) != 0) {
            return new long[] {0, OpenFlags.UTIME_NOW};
        }
        if ((fstFlags & set) != 0) {
            return new long[] {Long.divideUnsigned(nanos, 1_000_000_000L), Long.remainderUnsigned(nanos, 1_000_000_000L)};
        }
        return new long[] {0, OpenFlags.UTIME_OMIT};
    }

    private int resolve(DirectoryDescriptor dir, String path, int flags, int mode) {
        if (path.isEmpty()) {
            throw new WasiError(Errno.NOENT);
        }
        long fd = resolver.open(dir.fd(), path, flags, mode);
        if (fd == -Errnos.EXDEV) {
            throw new WasiError(Errno.PERM);
        }
        return (int) WasiError.check(fd);
    }

    private static boolean needsWholePath(String path) {
        String last = lastComponent(path);
        return path.endsWith("/") || last.equals(".") || last.equals("..");
    }

    private static String lastComponent(String path) {
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') {
            end--;
        }
        return end == 0 ? "" : path.substring(path.lastIndexOf('/', end - 1) + 1, end);
    }

    /**
     * The directory holding the last component of {@code path}, opened beneath {@code dir}, and
     * that component (with any trailing slashes, which the kernel checks itself). For a change
     * whose last component is {@code .} or {@code ..}, the whole path is first checked to stay
     * beneath {@code dir}; the kernel then refuses the change itself.
     */
    private Parent parent(DirectoryDescriptor dir, String path, boolean change) {
        if (path.isEmpty()) {
            throw new WasiError(Errno.NOENT);
        }
        if (path.startsWith("/")) {
            throw new WasiError(Errno.PERM);
        }
        String last = lastComponent(path);
        if (change && (last.equals(".") || last.equals(".."))) {
            LinuxFs.close(resolve(dir, path, OpenFlags.O_PATH, 0));
        }
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') {
            end--;
        }
        int slash = path.lastIndexOf('/', end - 1);
        String name = path.substring(slash + 1);
        if (slash < 0) {
            return new Parent(dir.fd(), false, name);
        }
        int fd = resolve(dir, path.substring(0, slash + 1), OpenFlags.O_PATH | OpenFlags.O_DIRECTORY, 0);
        return new Parent(fd, true, name);
    }

    private record Parent(int fd, boolean owned, String name) implements AutoCloseable {
        @Override
        public void close() {
            if (owned) {
                LinuxFs.close(fd);
            }
        }
    }
}
