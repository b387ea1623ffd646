package io.wasmrun.wasi.fs;

import io.wasmrun.wasi.Errno;
import io.wasmrun.wasi.WasiError;
import io.wasmrun.wasi.guest.Iovecs;
import io.wasmrun.wasi.sys.Errnos;
import io.wasmrun.wasi.sys.LinuxFs;
import io.wasmrun.wasi.sys.OpenFlags;
import io.wasmrun.wasi.sys.Statx;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A descriptor backed by a Linux file descriptor the host opened: a file, a directory, or the
 * process's own standard streams. Reads and writes go between the kernel and guest memory
 * directly when the memory is native, through a bounce buffer otherwise. A descriptor opened
 * under a read-only preopen refuses every change with {@code EPERM}.
 */
public abstract sealed class OsDescriptor extends Descriptor
        permits FileDescriptor, DirectoryDescriptor {
    private static final int BOUNCE_BYTES = 1 << 20;

    private final int fd;
    private final boolean readOnly;
    private final boolean owned;
    private boolean closed;

    OsDescriptor(int fd, long rightsBase, long rightsInheriting, boolean readOnly, boolean owned) {
        super(rightsBase, rightsInheriting);
        this.fd = fd;
        this.readOnly = readOnly;
        this.owned = owned;
    }

    /** The Linux file descriptor. */
    public int fd() {
        return fd;
    }

    /** Whether this descriptor lies under a read-only preopen. */
    public boolean readOnly() {
        return readOnly;
    }

    /** Throws {@code EPERM} for a change under a read-only preopen. */
    public void requireWritable() {
        if (readOnly) {
            throw new WasiError(Errno.PERM);
        }
    }

    @Override
    public int fdFlags() {
        return FdFlags.fromLinux((int) WasiError.check(LinuxFs.fcntl(fd, OpenFlags.F_GETFL, 0)));
    }

    @Override
    public void setFdFlags(int fdflags) {
        int current = (int) WasiError.check(LinuxFs.fcntl(fd, OpenFlags.F_GETFL, 0));
        int syncBits = FdFlags.DSYNC | FdFlags.RSYNC | FdFlags.SYNC;
        if ((fdflags & syncBits) != (FdFlags.fromLinux(current) & syncBits)) {
            throw new WasiError(Errno.NOTSUP);
        }
        if ((fdflags & FdFlags.APPEND) != 0) {
            requireWritable();
        }
        int changeable = OpenFlags.O_APPEND | OpenFlags.O_NONBLOCK;
        int wanted = (current & ~changeable) | (FdFlags.toLinux(fdflags) & changeable);
        WasiError.check(LinuxFs.fcntl(fd, OpenFlags.F_SETFL, wanted));
    }

    @Override
    public Filestat stat() {
        long[] error = new long[1];
        Statx s = LinuxFs.statx(fd, "", OpenFlags.AT_EMPTY_PATH, error);
        if (s == null) {
            WasiError.check(error[0]);
        }
        return Filestat.of(s);
    }

    @Override
    public long read(Iovecs buffers) {
        return transfer(buffers, -1, false);
    }

    @Override
    public long write(Iovecs buffers) {
        requireWritable();
        return transfer(buffers, -1, true);
    }

    /** {@code fd_pread}: reads at {@code offset} without moving the file position. */
    public long pread(Iovecs buffers, long offset) {
        return transfer(buffers, offset, false);
    }

    /** {@code fd_pwrite}: writes at {@code offset} without moving the file position. */
    public long pwrite(Iovecs buffers, long offset) {
        requireWritable();
        return transfer(buffers, offset, true);
    }

    /**
     * Moves bytes buffer by buffer and stops at the first short transfer, so the count returned
     * is exactly what reached the file or the guest. {@code offset < 0} means the file position.
     */
    private long transfer(Iovecs buffers, long offset, boolean write) {
        long total = 0;
        for (int i = 0; i < buffers.count(); i++) {
            long length = buffers.length(i);
            if (length == 0) {
                continue;
            }
            long done = transferOne(buffers, i, offset < 0 ? -1 : offset + total, write);
            total += done;
            if (done < length) {
                break;
            }
        }
        return total;
    }

    private long transferOne(Iovecs buffers, int i, long offset, boolean write) {
        long length = buffers.length(i);
        int guest = buffers.address(i);
        long address = buffers.memory().nativeAddress(guest, length);
        if (address != 0) {
            return syscall(address, length, offset, write);
        }
        try (Arena arena = Arena.ofConfined()) {
            int chunk = (int) Math.min(length, BOUNCE_BYTES);
            MemorySegment bounce = arena.allocate(chunk);
            long done = 0;
            while (done < length) {
                int n = (int) Math.min(chunk, length - done);
                int at = guest + (int) done;
                if (write) {
                    byte[] bytes = buffers.memory().read(at, n);
                    MemorySegment.copy(bytes, 0, bounce, ValueLayout.JAVA_BYTE, 0, n);
                }
                long moved = syscall(bounce.address(), n, offset < 0 ? -1 : offset + done, write);
                if (!write && moved > 0) {
                    buffers.memory().write(at, bounce.asSlice(0, moved).toArray(ValueLayout.JAVA_BYTE));
                }
                done += moved;
                if (moved < n) {
                    break;
                }
            }
            return done;
        }
    }

    private long syscall(long address, long length, long offset, boolean write) {
        while (true) {
            long result;
            if (offset < 0) {
                result = write ? LinuxFs.write(fd, address, length) : LinuxFs.read(fd, address, length);
            } else {
                result =
                        write
                                ? LinuxFs.pwrite(fd, address, length, offset)
                                : LinuxFs.pread(fd, address, length, offset);
            }
            if (result != -Errnos.EINTR) {
                return WasiError.check(result);
            }
        }
    }

    @Override
    public void close() {
        if (!closed && owned) {
            closed = true;
            LinuxFs.close(fd);
        }
    }
}
