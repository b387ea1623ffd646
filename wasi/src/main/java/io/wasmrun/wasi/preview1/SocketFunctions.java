package io.wasmrun.wasi.preview1;

import static io.wasmrun.wasi.preview1.FdFunctions.fd;
import static io.wasmrun.wasi.preview1.Signature.function;

import com.dylibso.chicory.runtime.HostFunction;
import io.wasmrun.wasi.Errno;
import io.wasmrun.wasi.Rights;
import io.wasmrun.wasi.WasiError;
import io.wasmrun.wasi.fs.Descriptor;
import io.wasmrun.wasi.fs.FdFlags;
import io.wasmrun.wasi.fs.FileDescriptor;
import io.wasmrun.wasi.fs.FileType;
import io.wasmrun.wasi.guest.GuestMemory;
import io.wasmrun.wasi.guest.Iovecs;
import io.wasmrun.wasi.sys.LinuxNet;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/**
 * The {@code sock_*} functions, on the TCP sockets the host preopened (listening, {@link
 * WasiOptions.Builder#withListener}) and the connections accepted from them. Preview1 cannot
 * create sockets itself. Any other descriptor is {@code ENOTSOCK}.
 */
final class SocketFunctions {
    private static final int RECV_PEEK = 1;
    private static final int RECV_WAITALL = 2;
    private static final int SHUT_RD = 1;
    private static final int SHUT_WR = 2;

    private final WasiContext wasi;

    SocketFunctions(WasiContext wasi) {
        this.wasi = wasi;
    }

    List<HostFunction> functions() {
        return List.of(
                function("sock_accept", "iii", (m, a) -> accept(m, fd(a[0]), (int) a[1], (int) a[2])),
                function("sock_recv", "iiiiii", (m, a) -> recv(m, a)),
                function("sock_send", "iiiii", (m, a) -> send(m, a)),
                function("sock_shutdown", "ii", (m, a) -> shutdown(fd(a[0]), (int) a[1])));
    }

    private FileDescriptor socket(int fd) {
        Descriptor d = wasi.fds.get(fd);
        if (d instanceof FileDescriptor f && f.fileType() == FileType.SOCKET_STREAM) {
            return f;
        }
        throw new WasiError(Errno.NOTSOCK);
    }

    private int accept(GuestMemory m, int fd, int flags, int resultAddress) {
        FileDescriptor listener = socket(fd);
        listener.require(Rights.SOCK_ACCEPT);
        if ((flags & ~FdFlags.NONBLOCK) != 0) {
            throw new WasiError(Errno.INVAL);
        }
        int result = m.check(resultAddress, 4, 4);
        int connection = (int) WasiError.check(LinuxNet.accept(listener.fd(), flags != 0));
        var accepted =
                new FileDescriptor(
                        connection, FileType.SOCKET_STREAM, Rights.SOCKET & ~Rights.SOCK_ACCEPT, 0, false, true);
        m.writeI32(result, wasi.fds.add(accepted));
        return Errno.SUCCESS;
    }

    /** {@code sock_recv(fd, ri_data, ri_data_len, ri_flags, ro_datalen_ptr, ro_flags_ptr)}. */
    private int recv(GuestMemory m, long[] a) {
        FileDescriptor socket = socket(fd(a[0]));
        socket.require(Rights.FD_READ);
        int flags = (int) a[3];
        if ((flags & ~(RECV_PEEK | RECV_WAITALL)) != 0) {
            throw new WasiError(Errno.INVAL);
        }
        Iovecs buffers = Iovecs.read(m, (int) a[1], (int) a[2]);
        int length = m.check((int) a[4], 4, 4);
        int outFlags = m.check((int) a[5], 2, 2);
        long n = flags == 0 ? socket.read(buffers) : recvFirst(socket, buffers, flags);
        m.writeI32(length, (int) n);
        m.writeU16(outFlags, 0);
        return Errno.SUCCESS;
    }

    /** {@code recv} with flags into the first non-empty buffer (a short read, as POSIX allows). */
    private static long recvFirst(FileDescriptor socket, Iovecs buffers, int flags) {
        int linux = ((flags & RECV_PEEK) != 0 ? LinuxNet.MSG_PEEK : 0)
                | ((flags & RECV_WAITALL) != 0 ? LinuxNet.MSG_WAITALL : 0);
        for (int i = 0; i < buffers.count(); i++) {
            long length = buffers.length(i);
            if (length == 0) {
                continue;
            }
            long address = buffers.memory().nativeAddress(buffers.address(i), length);
            if (address != 0) {
                return WasiError.check(LinuxNet.recv(socket.fd(), address, length, linux));
            }
            try (Arena arena = Arena.ofConfined()) {
                int chunk = (int) Math.min(length, 1 << 20);
                MemorySegment bounce = arena.allocate(chunk);
                long n = WasiError.check(LinuxNet.recv(socket.fd(), bounce.address(), chunk, linux));
                buffers.memory().write(buffers.address(i), bounce.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE));
                return n;
            }
        }
        return 0;
    }

    /** {@code sock_send(fd, si_data, si_data_len, si_flags, so_datalen_ptr)}. */
    private int send(GuestMemory m, long[] a) {
        FileDescriptor socket = socket(fd(a[0]));
        socket.require(Rights.FD_WRITE);
        if ((int) a[3] != 0) {
            throw new WasiError(Errno.INVAL);
        }
        Iovecs buffers = Iovecs.read(m, (int) a[1], (int) a[2]);
        int length = m.check((int) a[4], 4, 4);
        m.writeI32(length, (int) socket.write(buffers));
        return Errno.SUCCESS;
    }

    private int shutdown(int fd, int how) {
        FileDescriptor socket = socket(fd);
        socket.require(Rights.SOCK_SHUTDOWN);
        int linux = switch (how) {
            case SHUT_RD -> 0;
            case SHUT_WR -> 1;
            case SHUT_RD | SHUT_WR -> 2;
            default -> throw new WasiError(Errno.INVAL);
        };
        WasiError.check(LinuxNet.shutdown(socket.fd(), linux));
        return Errno.SUCCESS;
    }
}
