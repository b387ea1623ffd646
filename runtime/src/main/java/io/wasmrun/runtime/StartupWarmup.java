package io.wasmrun.runtime;

import com.dylibso.chicory.wasm.Parser;
import io.wasmrun.allocator.sys.Libc;
import io.wasmrun.runtime.engine.HelperCallSites;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Does the one-time work of a fresh JVM on two more threads while the main thread parses the
 * command line and loads the module: one links the native system-call downcall (the longest
 * step, needed when the first memory is reserved) and then the method-handle code of compiled
 * code's call sites ({@link HelperCallSites#prepare}), the other initialises the JDK's security
 * providers (the module digest), Chicory's parser tables, the WASI host functions and the JDK's
 * logger lookup that {@code System.exit} makes (a service-loader and module-image scan of 5-10 ms
 * that the main thread otherwise pays at its very end; Chicory 1.7.5's WASI did it here as a side
 * effect of creating its logger). Each is
 * class initialisation the main thread would otherwise do itself a few milliseconds later; the
 * JVM runs each initialiser once, so whichever thread comes first does it and the other waits.
 * With one thread doing both, the main thread of a cached C program reached its first {@code
 * mmap} before the linking was done and waited 10-30 ms for it. Nothing here changes state a
 * program can observe.
 */
public final class StartupWarmup {
    /** {@code (module (func (result i32) i32.const 1))}: enough to run the parser's tables. */
    private static final byte[] TINY_MODULE = {
        0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version
        0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7f, // type section: () -> i32
        0x03, 0x02, 0x01, 0x00, // function section
        0x0a, 0x06, 0x01, 0x04, 0x00, 0x41, 0x01, 0x0b // code: i32.const 1
    };

    private StartupWarmup() {}

    /** Starts the warm-up on daemon threads; failures are ignored (the main thread reports them). */
    public static void startInBackground() {
        Thread.ofPlatform().daemon().name("wasmrun-warmup-native").start(StartupWarmup::linkNative);
        Thread.ofPlatform().daemon().name("wasmrun-warmup").start(StartupWarmup::initialiseJava);
    }

    /** Does the whole warm-up on this thread; false if a step failed (it then only costs the speed-up). */
    static boolean run() {
        return linkNative() & initialiseJava();
    }

    private static boolean linkNative() {
        try {
            Libc.link();
            HelperCallSites.prepare();
            return true;
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static boolean initialiseJava() {
        try {
            // in the order the main thread needs them
            MessageDigest.getInstance("SHA-256");
            Parser.parse(TINY_MODULE);
            io.wasmrun.wasi.preview1.WasiPreview1.create(io.wasmrun.wasi.WasiOptions.builder().build()).close();
            System.getLogger("java.lang.Runtime").isLoggable(System.Logger.Level.DEBUG);
            return true;
        } catch (RuntimeException | LinkageError | NoSuchAlgorithmException e) {
            return false;
        }
    }
}
