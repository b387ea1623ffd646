package io.wasmrun.spectest.wasi;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * One started test process and its three pipes (as the reference runner: standard input, output
 * and error are pipes, not the terminal). Output is collected from the start (see
 * {@link StreamCapture}); {@link #end} kills the process and whatever it started if it still runs.
 */
final class TestProcess {
    private final Process process;
    private final StreamCapture stdout;
    private final StreamCapture stderr;
    private final OutputStream stdin;
    private boolean inputClosed;

    private TestProcess(Process process) {
        this.process = process;
        this.stdout = StreamCapture.start(process.getInputStream(), "wasi-test stdout " + process.pid());
        this.stderr = StreamCapture.start(process.getErrorStream(), "wasi-test stderr " + process.pid());
        this.stdin = process.getOutputStream();
    }

    /** Starts {@code argv} in {@code directory}, with the runner's own environment. */
    static TestProcess start(List<String> argv, Path directory) throws IOException {
        return new TestProcess(new ProcessBuilder(argv).directory(directory.toFile()).start());
    }

    /** Writes {@code payload} (UTF-8) to the process's standard input. */
    void write(String payload) throws IOException {
        stdin.write(payload.getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    /** Closes standard input: the guest reads end of file from then on. */
    void closeInput() {
        if (!inputClosed) {
            inputClosed = true;
            try {
                stdin.close();
            } catch (IOException e) {
                // The process has exited already.
            }
        }
    }

    /** See {@link StreamCapture#read}; {@code stream} is {@code stdout} or {@code stderr}. */
    String read(String stream, int length, long deadline) throws InterruptedException {
        return capture(stream).read(length, deadline);
    }

    /** The exit code, or empty if the process is still running at {@code deadline} ({@link System#nanoTime()}). */
    OptionalInt waitFor(long deadline) throws InterruptedException {
        long left = Math.max(0, deadline - System.nanoTime());
        if (!process.waitFor(left, TimeUnit.NANOSECONDS)) {
            return OptionalInt.empty();
        }
        // The pipes end with the process (or with a child it left running, which close() kills).
        stdout.awaitEnd(2000);
        stderr.awaitEnd(2000);
        return OptionalInt.of(process.exitValue());
    }

    String stdout() {
        return stdout.all();
    }

    String stderr() {
        return stderr.all();
    }

    /** Kills the process and its descendants if they still run, and waits for the output's end. */
    void end() throws InterruptedException {
        closeInput();
        if (process.isAlive() || process.descendants().findAny().isPresent()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        stdout.awaitEnd(2000);
        stderr.awaitEnd(2000);
    }

    private StreamCapture capture(String stream) {
        return switch (stream) {
            case "stdout" -> stdout;
            case "stderr" -> stderr;
            default -> throw new IllegalArgumentException("no stream " + stream);
        };
    }
}
