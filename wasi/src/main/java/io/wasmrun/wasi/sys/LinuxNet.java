package io.wasmrun.wasi.sys;

import io.wasmrun.allocator.sys.Libc;
import io.wasmrun.allocator.sys.Syscall;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteOrder;

/**
 * The socket system calls of the WASI host: listening TCP sockets the host preopens (the command
 * line's {@code --tcplisten}) and what preview1 does with them and the connections they accept.
 * Each method returns the kernel's result or {@code -errno}.
 */
public final class LinuxNet {
    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;
    private static final int SOCK_STREAM = 1;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int SOCK_NONBLOCK = 0x800;
    private static final int SOL_SOCKET = 1;
    private static final int SO_REUSEADDR = 2;
    private static final int BACKLOG = 128;
    private static final int SOCKADDR_BYTES = 28;

    /** {@code recv} flag: look without taking. */
    public static final int MSG_PEEK = 2;
    /** {@code recv} flag: wait for the whole buffer. */
    public static final int MSG_WAITALL = 0x100;
    /** {@code send} flag: no {@code SIGPIPE} on a closed peer, {@code EPIPE} instead. */
    public static final int MSG_NOSIGNAL = 0x4000;

    private LinuxNet() {}

    /**
     * A TCP socket listening on {@code address} ({@code socket}, {@code SO_REUSEADDR}, {@code
     * bind}, {@code listen}).
     *
     * @return the socket's descriptor, or {@code -errno}
     */
    public static long listen(InetSocketAddress address) {
        InetAddress ip = address.getAddress();
        int family = ip instanceof Inet6Address ? AF_INET6 : AF_INET;
        long fd = Libc.syscall(Syscall.SOCKET, family, SOCK_STREAM | SOCK_CLOEXEC, 0, 0, 0, 0);
        if (fd < 0) {
            return fd;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment one = arena.allocate(ValueLayout.JAVA_INT);
            one.set(ValueLayout.JAVA_INT, 0, 1);
            long result = Libc.syscall(Syscall.SETSOCKOPT, fd, SOL_SOCKET, SO_REUSEADDR, one.address(), 4, 0);
            if (result >= 0) {
                MemorySegment sockaddr = sockaddr(arena, ip, address.getPort());
                result = Libc.syscall(Syscall.BIND, fd, sockaddr.address(), sockaddr.byteSize(), 0, 0, 0);
            }
            if (result >= 0) {
                result = Libc.syscall(Syscall.LISTEN, fd, BACKLOG, 0, 0, 0, 0);
            }
            if (result < 0) {
                LinuxFs.close((int) fd);
                return result;
            }
            return fd;
        }
    }

    /** The port a socket is bound to ({@code getsockname}), or {@code -errno}. */
    public static long localPort(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment sockaddr = arena.allocate(SOCKADDR_BYTES, 4);
            MemorySegment length = arena.allocate(ValueLayout.JAVA_INT);
            length.set(ValueLayout.JAVA_INT, 0, SOCKADDR_BYTES);
            long result = Libc.syscall(Syscall.GETSOCKNAME, fd, sockaddr.address(), length.address(), 0, 0, 0);
            if (result < 0) {
                return result;
            }
            return Short.toUnsignedInt(sockaddr.get(ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN), 2));
        }
    }

    /** {@code accept4(fd, NULL, NULL, SOCK_CLOEXEC [| SOCK_NONBLOCK])}: the connection's descriptor. */
    public static long accept(int fd, boolean nonblocking) {
        return Libc.syscall(Syscall.ACCEPT4, fd, 0, 0, SOCK_CLOEXEC | (nonblocking ? SOCK_NONBLOCK : 0), 0, 0);
    }

    /** {@code recvfrom(fd, address, length, flags, NULL, NULL)}. */
    public static long recv(int fd, long address, long length, int flags) {
        return Libc.syscall(Syscall.RECVFROM, fd, address, length, flags, 0, 0);
    }

    /** {@code sendto(fd, address, length, flags, NULL, 0)}. */
    public static long send(int fd, long address, long length, int flags) {
        return Libc.syscall(Syscall.SENDTO, fd, address, length, flags, 0, 0);
    }

    /** {@code shutdown(fd, how)} with Linux's {@code SHUT_RD} 0, {@code SHUT_WR} 1, {@code SHUT_RDWR} 2. */
    public static long shutdown(int fd, int how) {
        return Libc.syscall(Syscall.SHUTDOWN, fd, how, 0, 0, 0, 0);
    }

    private static MemorySegment sockaddr(Arena arena, InetAddress ip, int port) {
        var bigEndianShort = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
        byte[] raw = ip.getAddress();
        if (ip instanceof Inet4Address) {
            MemorySegment sin = arena.allocate(16, 4);
            sin.set(ValueLayout.JAVA_SHORT, 0, (short) AF_INET);
            sin.set(bigEndianShort, 2, (short) port);
            MemorySegment.copy(raw, 0, sin, ValueLayout.JAVA_BYTE, 4, 4);
            return sin;
        }
        MemorySegment sin6 = arena.allocate(SOCKADDR_BYTES, 4);
        sin6.set(ValueLayout.JAVA_SHORT, 0, (short) AF_INET6);
        sin6.set(bigEndianShort, 2, (short) port);
        MemorySegment.copy(raw, 0, sin6, ValueLayout.JAVA_BYTE, 8, 16);
        return sin6;
    }
}
