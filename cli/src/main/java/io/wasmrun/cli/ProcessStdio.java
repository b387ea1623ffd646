package io.wasmrun.cli;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * Whether {@code System.in}, {@code out} and {@code err} are still the process's own streams, as
 * the JVM set them up before {@link Main#main} ran. Only then may a guest use descriptors 0-2
 * directly (faster, and a terminal is seen as one); tests that run the command line in-process
 * swap the streams and get the guest's output through them.
 */
final class ProcessStdio {
    private static InputStream in;
    private static PrintStream out;
    private static PrintStream err;

    private ProcessStdio() {}

    /** Remembers the streams of a real process start. */
    static void capture() {
        in = System.in;
        out = System.out;
        err = System.err;
    }

    /** Whether the streams now are the ones {@link #capture} saw. */
    static boolean isCurrent() {
        return in != null && System.in == in && System.out == out && System.err == err;
    }
}
