package io.wasmrun.runtime.wasi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.wasmrun.runtime.Linker;
import io.wasmrun.runtime.Wasi;
import io.wasmrun.runtime.WasmRuntime;
import io.wasmrun.text.Wat;
import io.wasmrun.wasi.TcpListeners;
import io.wasmrun.wasi.WasiOptions;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A guest serves one TCP connection on a socket the host preopened (fd 3): {@code sock_accept},
 * {@code sock_recv} (a peek, then the read), {@code sock_send} of what it got, {@code
 * sock_shutdown}. The test is the
 * client, on the loopback address.
 */
class TcpListenTest {
    private static final String ECHO =
            """
            (module
              (import "wasi_snapshot_preview1" "sock_accept" (func $accept (param i32 i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "sock_recv" (func $recv (param i32 i32 i32 i32 i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "sock_send" (func $send (param i32 i32 i32 i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "sock_shutdown" (func $shutdown (param i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "fd_close" (func $close (param i32) (result i32)))
              (memory (export "memory") 1)
              ;; iovec at 16: 1024 bytes at 1024; results at 32 (fd), 36 (length), 40 (flags)
              (func (export "serve") (result i32)
                (local $e i32) (local $fd i32)
                (local.set $e (call $accept (i32.const 3) (i32.const 0) (i32.const 32)))
                (if (local.get $e) (then (return (local.get $e))))
                (local.set $fd (i32.load (i32.const 32)))
                (i32.store (i32.const 16) (i32.const 1024))
                (i32.store (i32.const 20) (i32.const 1024))
                ;; peek first (RECV_PEEK), then take the bytes
                (local.set $e (call $recv (local.get $fd) (i32.const 16) (i32.const 1) (i32.const 1) (i32.const 36) (i32.const 40)))
                (if (local.get $e) (then (return (local.get $e))))
                (local.set $e (call $recv (local.get $fd) (i32.const 16) (i32.const 1) (i32.const 0) (i32.const 36) (i32.const 40)))
                (if (local.get $e) (then (return (local.get $e))))
                (i32.store (i32.const 20) (i32.load (i32.const 36)))
                (local.set $e (call $send (local.get $fd) (i32.const 16) (i32.const 1) (i32.const 0) (i32.const 36)))
                (if (local.get $e) (then (return (local.get $e))))
                (local.set $e (call $shutdown (local.get $fd) (i32.const 3)))
                (if (local.get $e) (then (return (local.get $e))))
                (call $close (local.get $fd)))
              (func (export "shutdown_stdout") (result i32) (call $shutdown (i32.const 1) (i32.const 3))))
            """;

    @Test
    void aGuestAcceptsReadsAndAnswersOnAPreopenedListener() throws Exception {
        int listener = TcpListeners.listen("127.0.0.1:0");
        int port = TcpListeners.port(listener);
        var options = WasiOptions.builder().withArguments(List.of("echo")).withListener(listener).build();
        try (var runtime = WasmRuntime.builder().build(); var wasi = Wasi.create(options)) {
            var module = runtime.load("echo.wasm", Wat.toBinary(ECHO, "echo.wat"));
            try (var instance = runtime.instantiate(module, wasi.defineInto(new Linker()))) {
                CompletableFuture<long[]> served = CompletableFuture.supplyAsync(() -> instance.call("serve"));
                byte[] message = "ping over wasi".getBytes(StandardCharsets.UTF_8);
                try (var socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    socket.setSoTimeout(10_000);
                    OutputStream out = socket.getOutputStream();
                    out.write(message);
                    out.flush();
                    InputStream in = socket.getInputStream();
                    assertArrayEquals(message, in.readNBytes(message.length));
                    assertEquals(-1, in.read(), "the guest shut the connection down");
                }
                assertArrayEquals(new long[] {0}, served.get(10, TimeUnit.SECONDS));
                assertArrayEquals(new long[] {57}, instance.call("shutdown_stdout"), "ENOTSOCK for stdout");
            }
        }
    }

    @Test
    void aBadAddressIsAOneLineError() {
        var e = assertThrows(UncheckedIOException.class, () -> TcpListeners.listen("127.0.0.1:99999"));
        assertEquals("127.0.0.1:99999: the port must be 0-65535", e.getCause().getMessage());
    }
}
