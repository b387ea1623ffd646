package io.wasmrun.wasi.preview1;

import io.wasmrun.wasi.Preopen;
import io.wasmrun.wasi.Rights;
import io.wasmrun.wasi.WasiOptions;
import io.wasmrun.wasi.fs.Descriptor;
import io.wasmrun.wasi.fs.DirectoryDescriptor;
import io.wasmrun.wasi.fs.FdTable;
import io.wasmrun.wasi.fs.FileDescriptor;
import io.wasmrun.wasi.fs.FileType;
import io.wasmrun.wasi.fs.PathResolver;
import io.wasmrun.wasi.fs.Sandbox;
import io.wasmrun.wasi.fs.StreamDescriptor;
import io.wasmrun.wasi.sys.LinuxFs;
import io.wasmrun.wasi.sys.OpenFlags;
import io.wasmrun.wasi.sys.Statx;
import java.io.UncheckedIOException;

/**
 * One guest's WASI state: its options, its descriptor table (standard streams at 0-2, then the
 * preopened directories in order, then the listening sockets) and the sandbox its paths resolve
 * in.
 */
final class WasiContext implements AutoCloseable {
    final WasiOptions options;
    final FdTable fds = new FdTable();
    final Sandbox sandbox;

    WasiContext(WasiOptions options, PathResolver resolver) {
        this.options = options;
        this.sandbox = new Sandbox(resolver);
        try {
            fds.add(options.inherits(0) ? inherited(0) : StreamDescriptor.input(options.stdin()));
            fds.add(options.inherits(1) ? inherited(1) : StreamDescriptor.output(options.stdout()));
            fds.add(options.inherits(2) ? inherited(2) : StreamDescriptor.output(options.stderr()));
            for (Preopen preopen : options.preopens()) {
                fds.add(open(preopen));
            }
            for (int listener : options.listeners()) {
                fds.add(new FileDescriptor(listener, FileType.SOCKET_STREAM, Rights.SOCKET, 0, false, true));
            }
        } catch (RuntimeException e) {
            fds.close();
            throw e;
        }
    }

    /** The process's own descriptor {@code fd}, typed by what it is (a terminal, a file, a pipe). */
    private static Descriptor inherited(int fd) {
        long[] error = new long[1];
        Statx s = LinuxFs.statx(fd, "", OpenFlags.AT_EMPTY_PATH, error);
        byte type = s == null ? FileType.UNKNOWN : FileType.of(s.mode());
        if (type != FileType.REGULAR_FILE && type != FileType.CHARACTER_DEVICE) {
            type = FileType.UNKNOWN;
        }
        long rights = type == FileType.REGULAR_FILE ? Rights.REGULAR_FILE : Rights.STREAM;
        return new FileDescriptor(fd, type, rights, 0, false, false);
    }

    private static DirectoryDescriptor open(Preopen preopen) {
        long fd =
                LinuxFs.openat(
                        OpenFlags.AT_FDCWD,
                        preopen.hostPath().toString(),
                        OpenFlags.O_RDONLY | OpenFlags.O_DIRECTORY | OpenFlags.O_CLOEXEC,
                        0);
        if (fd < 0) {
            throw new UncheckedIOException(
                    new java.io.IOException(
                            "cannot open directory "
                                    + preopen.hostPath()
                                    + " for --dir: "
                                    + io.wasmrun.allocator.sys.Libc.strerror((int) -fd)));
        }
        return new DirectoryDescriptor(
                (int) fd, Rights.DIRECTORY, Rights.DIRECTORY_INHERITING, preopen.readOnly(), preopen.guestPath());
    }

    @Override
    public void close() {
        fds.close();
    }
}
