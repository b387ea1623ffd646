package io.wasmrun.wasi;

import io.wasmrun.allocator.sys.Libc;
import io.wasmrun.wasi.sys.LinuxNet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Listening TCP sockets for {@link WasiOptions.Builder#withListener}, as wasmtime's {@code
 * --tcplisten HOST:PORT} makes them: the host binds, the guest accepts.
 */
public final class TcpListeners {
    private TcpListeners() {}

    /**
     * Binds and listens on {@code hostPort} ({@code 127.0.0.1:8080}, {@code [::1]:0}; port 0
     * picks a free one).
     *
     * @return the socket's descriptor
     * @throws UncheckedIOException naming the address and the system's reason
     */
    public static int listen(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1) {
            throw new UncheckedIOException(new IOException(hostPort + ": expected HOST:PORT"));
        }
        String host = hostPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(hostPort.substring(colon + 1));
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new UncheckedIOException(new IOException(hostPort + ": the port must be 0-65535"));
        }
        InetAddress ip;
        try {
            ip = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new UncheckedIOException(new IOException(hostPort + ": unknown host " + host));
        }
        long fd = LinuxNet.listen(new InetSocketAddress(ip, port));
        if (fd < 0) {
            throw new UncheckedIOException(new IOException(hostPort + ": " + Libc.strerror((int) -fd)));
        }
        return (int) fd;
    }

    /** The port the listening socket {@code fd} is bound to. */
    public static int port(int fd) {
        long port = LinuxNet.localPort(fd);
        if (port < 0) {
            throw new UncheckedIOException(new IOException("getsockname: " + Libc.strerror((int) -port)));
        }
        return (int) port;
    }
}
