package io.wasmrun.wasi.preview1;

import static io.wasmrun.wasi.preview1.Signature.function;

import com.dylibso.chicory.runtime.HostFunction;
import io.wasmrun.wasi.Errno;
import io.wasmrun.wasi.Rights;
import io.wasmrun.wasi.WasiError;
import io.wasmrun.wasi.fs.Descriptor;
import io.wasmrun.wasi.fs.DirectoryDescriptor;
import io.wasmrun.wasi.fs.FdFlags;
import io.wasmrun.wasi.fs.FileDescriptor;
import io.wasmrun.wasi.fs.OsDescriptor;
import io.wasmrun.wasi.fs.Sandbox;
import io.wasmrun.wasi.guest.GuestMemory;
import io.wasmrun.wasi.guest.Iovecs;
import io.wasmrun.wasi.sys.Errnos;
import io.wasmrun.wasi.sys.LinuxFs;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The {@code fd_*} functions: I/O, seeking, metadata and the descriptor table. */
final class FdFunctions {
    private static final int FDSTAT_BYTES = 24;
    private static final int PRESTAT_BYTES = 8;
    private static final int WHENCE_CUR = 1;
    private static final int WHENCE_END = 2;

    private final WasiContext wasi;

    FdFunctions(WasiContext wasi) {
        this.wasi = wasi;
    }

    List<HostFunction> functions() {
        return List.of(
                function("fd_advise", "iIIi", (m, a) -> advise(fd(a[0]), a[1], a[2], (int) a[3])),
                function("fd_allocate", "iII", (m, a) -> allocate(fd(a[0]), a[1], a[2])),
                function("fd_close", "i", (m, a) -> {
                    wasi.fds.close(fd(a[0]));
                    return Errno.SUCCESS;
                }),
                function("fd_datasync", "i", (m, a) -> sync(fd(a[0]), Rights.FD_DATASYNC)),
                function("fd_sync", "i", (m, a) -> sync(fd(a[0]), Rights.FD_SYNC)),
                function("fd_fdstat_get", "ii", (m, a) -> fdstat(m, fd(a[0]), (int) a[1])),
                function("fd_fdstat_set_flags", "ii", (m, a) -> setFlags(fd(a[0]), (int) a[1])),
                function("fd_fdstat_set_rights", "iII", (m, a) -> {
                    wasi.fds.get(fd(a[0])).restrictRights(a[1], a[2]);
                    return Errno.SUCCESS;
                }),
                function("fd_filestat_get", "ii", (m, a) -> {
                    Descriptor d = wasi.fds.get(fd(a[0]));
                    m.check((int) a[1], io.wasmrun.wasi.fs.Filestat.BYTES, 8);
                    d.require(Rights.FD_FILESTAT_GET);
                    d.stat().writeTo(m, (int) a[1]);
                    return Errno.SUCCESS;
                }),
                function("fd_filestat_set_size", "iI", (m, a) -> setSize(fd(a[0]), a[1])),
                function("fd_filestat_set_times", "iIIi", (m, a) -> setTimes(fd(a[0]), a[1], a[2], (int) a[3])),
                function("fd_pread", "iiiIi", (m, a) -> positioned(m, a, false)),
                function("fd_pwrite", "iiiIi", (m, a) -> positioned(m, a, true)),
                function("fd_read", "iiii", (m, a) -> transfer(m, a, false)),
                function("fd_write", "iiii", (m, a) -> transfer(m, a, true)),
                function("fd_prestat_get", "ii", (m, a) -> prestat(m, fd(a[0]), (int) a[1])),
                function("fd_prestat_dir_name", "iii", (m, a) -> prestatName(m, fd(a[0]), (int) a[1], (int) a[2])),
                function("fd_readdir", "iiiIi", (m, a) -> readdir(m, a)),
                function("fd_renumber", "ii", (m, a) -> {
                    wasi.fds.renumber(fd(a[0]), fd(a[1]));
                    return Errno.SUCCESS;
                }),
                function("fd_seek", "iIii", (m, a) -> seek(m, fd(a[0]), a[1], (int) a[2], (int) a[3])),
                function("fd_tell", "ii", (m, a) -> seek(m, fd(a[0]), 0, WHENCE_CUR, (int) a[1])));
    }

    /** A descriptor number: the guest's {@code u32}, negative ones never valid. */
    static int fd(long arg) {
        return (int) arg;
    }

    private int advise(int fd, long offset, long length, int advice) {
        Descriptor d = wasi.fds.get(fd);
        d.require(Rights.FD_ADVISE);
        if (advice < 0 || advice > 5) {
            throw new WasiError(Errno.INVAL);
        }
        if (!(d instanceof FileDescriptor file) || !file.seekable()) {
            throw new WasiError(d instanceof DirectoryDescriptor ? Errno.BADF : Errno.SPIPE);
        }
        if (offset < 0 || length < 0) {
            throw new WasiError(Errno.INVAL);
        }
        // WASI numbers sequential 1 and random 2; Linux the other way round.
        int linux = advice == 1 ? 2 : advice == 2 ? 1 : advice;
        WasiError.check(LinuxFs.fadvise(file.fd(), offset, length, linux));
        return Errno.SUCCESS;
    }

    private int allocate(int fd, long offset, long length) {
        Descriptor d = wasi.fds.get(fd);
        d.require(Rights.FD_ALLOCATE);
        OsDescriptor os = wasi.fds.os(fd, Errno.BADF);
        os.requireWritable();
        if (offset < 0 || length < 0 || offset + length < 0) {
            throw new WasiError(Errno.INVAL);
        }
        long result = LinuxFs.fallocate(os.fd(), offset, length);
        if (result == -95) {
            throw new WasiError(Errno.NOTSUP);
        }
        WasiError.check(result);
        return Errno.SUCCESS;
    }

    private int sync(int fd, long right) {
        Descriptor d = wasi.fds.get(fd);
        d.require(right);
        if (d instanceof OsDescriptor os) {
            long result = right == Rights.FD_DATASYNC ? LinuxFs.fdatasync(os.fd()) : LinuxFs.fsync(os.fd());
            WasiError.check(result == -Errnos.EINVAL ? 0 : result);
        }
        return Errno.SUCCESS;
    }

    private int fdstat(GuestMemory m, int fd, int address) {
        Descriptor d = wasi.fds.get(fd);
        m.check(address, FDSTAT_BYTES, 8);
        m.fill(address, FDSTAT_BYTES, (byte) 0);
        m.writeByte(address, d.fileType());
        m.writeU16(address + 2, d.fdFlags());
        m.writeI64(address + 8, d.rightsBase());
        m.writeI64(address + 16, d.rightsInheriting());
        return Errno.SUCCESS;
    }

    private int setFlags(int fd, int flags) {
        Descriptor d = wasi.fds.get(fd);
        d.require(Rights.FD_FDSTAT_SET_FLAGS);
        if ((flags & ~FdFlags.ALL) != 0) {
            throw new WasiError(Errno.INVAL);
        }
        d.setFdFlags(flags);
        return Errno.SUCCESS;
    }

    private int setSize(int fd, long size) {
        Descriptor d = wasi.fds.get(fd);
        d.require(Rights.FD_FILESTAT_SET_SIZE);
        OsDescriptor os = wasi.fds.os(fd, Errno.BADF);
        os.requireWritable();
        if (size < 0) {
            throw new WasiError(Errno.INVAL);
        }
        WasiError.check(LinuxFs.ftruncate(os.fd(), size));
        return Errno.SUCCESS;
    }

    private int setTimes(int fd, long atim, long mtim, int fstFlags) {
        Descriptor d = wasi.fds.get(fd);
        d.require(Rights.FD_FILESTAT_SET_TIMES);
        long[] atime = Sandbox.times(atim, fstFlags, Sandbox.FST_ATIM, Sandbox.FST_ATIM_NOW);
        long[] mtime = Sandbox.times(mtim, fstFlags, Sandbox.FST_MTIM, Sandbox.FST_MTIM_NOW);
        OsDescriptor os = wasi.fds.os(fd, Errno.BADF);
        os.requireWritable();
        WasiError.check(Sandbox.setTimes(os.fd(), atime, mtime));
        return Errno.SUCCESS;
    }

    /** {@code fd_read} and {@code fd_write}: {@code (fd, iovs, iovs_len, nresult_ptr)}. */
    private int transfer(GuestMemory m, long[] a, boolean write) {
        Descriptor d = wasi.fds.get(fd(a[0]));
        d.require(write ? Rights.FD_WRITE : Rights.FD_READ);
        Iovecs buffers = Iovecs.read(m, (int) a[1], (int) a[2]);
        int result = m.check((int) a[3], 4, 4);
        long n = write ? d.write(buffers) : d.read(buffers);
        m.writeI32(result, (int) n);
        return Errno.SUCCESS;
    }

    /** {@code fd_pread} and {@code fd_pwrite}: {@code (fd, iovs, iovs_len, offset, nresult_ptr)}. */
    private int positioned(GuestMemory m, long[] a, boolean write) {
        Descriptor d = wasi.fds.get(fd(a[0]));
        d.require(write ? Rights.FD_WRITE : Rights.FD_READ);
        if (!(d instanceof FileDescriptor file) || !file.seekable()) {
            throw new WasiError(d instanceof DirectoryDescriptor ? Errno.ISDIR : Errno.SPIPE);
        }
        long offset = a[3];
        if (offset < 0) {
            throw new WasiError(Errno.INVAL);
        }
        Iovecs buffers = Iovecs.read(m, (int) a[1], (int) a[2]);
        int result = m.check((int) a[4], 4, 4);
        long n = write ? file.pwrite(buffers, offset) : file.pread(buffers, offset);
        m.writeI32(result, (int) n);
        return Errno.SUCCESS;
    }

    private int prestat(GuestMemory m, int fd, int address) {
        if (!(wasi.fds.get(fd) instanceof DirectoryDescriptor dir) || dir.preopenName() == null) {
            throw new WasiError(Errno.BADF);
        }
        m.check(address, PRESTAT_BYTES, 4);
        m.writeI32(address, 0);
        m.writeI32(address + 4, dir.preopenName().getBytes(StandardCharsets.UTF_8).length);
        return Errno.SUCCESS;
    }

    private int prestatName(GuestMemory m, int fd, int address, int length) {
        if (!(wasi.fds.get(fd) instanceof DirectoryDescriptor dir) || dir.preopenName() == null) {
            throw new WasiError(Errno.BADF);
        }
        byte[] name = dir.preopenName().getBytes(StandardCharsets.UTF_8);
        if (Integer.toUnsignedLong(length) < name.length) {
            throw new WasiError(Errno.NAMETOOLONG);
        }
        m.write(address, name);
        return Errno.SUCCESS;
    }

    /** {@code fd_readdir(fd, buf, buf_len, cookie, bufused_ptr)}. */
    private int readdir(GuestMemory m, long[] a) {
        Descriptor d = wasi.fds.get(fd(a[0]));
        d.require(Rights.FD_READDIR);
        if (!(d instanceof DirectoryDescriptor dir)) {
            throw new WasiError(Errno.NOTDIR);
        }
        int buffer = (int) a[1];
        int length = (int) a[2];
        int used = m.check((int) a[4], 4, 4);
        m.writeI32(used, dir.listing(a[3]).fill(m, buffer, length, a[3]));
        return Errno.SUCCESS;
    }

    private int seek(GuestMemory m, int fd, long offset, int whence, int resultAddress) {
        Descriptor d = wasi.fds.get(fd);
        d.require(offset == 0 && whence == WHENCE_CUR ? Rights.FD_TELL : Rights.FD_SEEK);
        if (whence < 0 || whence > WHENCE_END) {
            throw new WasiError(Errno.INVAL);
        }
        int result = m.check(resultAddress, 8, 8);
        if (!(d instanceof FileDescriptor file)) {
            throw new WasiError(d instanceof DirectoryDescriptor ? Errno.BADF : Errno.SPIPE);
        }
        m.writeI64(result, file.seek(offset, whence));
        return Errno.SUCCESS;
    }
}
