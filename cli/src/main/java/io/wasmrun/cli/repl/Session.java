package io.wasmrun.cli.repl;

import io.wasmrun.allocator.InstanceAllocator;
import io.wasmrun.wasi.WasiOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** The state commands work on: loaded modules, engines and stores, the output streams. */
final class Session implements AutoCloseable {
    private final ReplConfig config;
    private final PrintWriter out;
    private final PrintWriter err;
    private final OutputStream guestOut;
    private final Runtimes runtimes;
    private final CallRunner calls = new CallRunner();
    private final ModuleRegistry modules;
    private boolean quit;

    /**
     * @param allocator the allocator of the first loads; the session closes it
     * @param guestOut where guests' WASI stdout goes
     * @param guestErr where guests' WASI stderr goes
     */
    Session(
            ReplConfig config,
            InstanceAllocator allocator,
            PrintWriter out,
            PrintWriter err,
            OutputStream guestOut,
            OutputStream guestErr) {
        this.config = config;
        this.out = out;
        this.err = err;
        this.guestOut = guestOut;
        this.runtimes = new Runtimes(config.allocators(), config.engine(), allocator);
        var wasi = WasiOptions.builder()
                .withArguments(List.of("wasmrun-repl"))
                .withStdout(guestOut)
                .withStderr(guestErr)
                .build();
        this.modules = new ModuleRegistry(runtimes, calls, wasi);
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    Runtimes runtimes() {
        return runtimes;
    }

    ModuleRegistry modules() {
        return modules;
    }

    CallRunner calls() {
        return calls;
    }

    /** A path typed by the user, relative to the working directory. */
    Path path(Path typed) {
        return config.workingDirectory().resolve(typed).normalize();
    }

    /** Closes the allocators that neither back a loaded module nor serve new loads. */
    void releaseUnusedAllocators() {
        runtimes.release(modules::usesEngine);
    }

    /** Flushes command output and guest output, so they appear in order. */
    void flush() {
        out.flush();
        err.flush();
        try {
            guestOut.flush();
        } catch (IOException ignored) {
            // the terminal went away; nothing to show the output on
        }
    }

    void quit() {
        quit = true;
    }

    boolean quitting() {
        return quit;
    }

    @Override
    public void close() {
        modules.close();
        runtimes.close();
    }
}
