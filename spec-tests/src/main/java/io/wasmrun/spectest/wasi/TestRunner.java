package io.wasmrun.spectest.wasi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Runs one test: performs its operations in order against wasmrun processes, each {@code run} on
 * a fresh copy of its root folder in a scratch folder of its own, and stops at the first
 * operation whose expectation fails, as the reference runner does. The whole test has one
 * deadline; a process still running at the end is killed.
 */
final class TestRunner {
    private final WasmrunCommand command;
    private final Duration timeout;
    private final Path scratch;

    /**
     * @param command how to start wasmrun
     * @param timeout the time one test may take
     * @param scratch the folder under which each test gets its own temporary folder
     */
    TestRunner(WasmrunCommand command, Duration timeout, Path scratch) {
        this.command = command;
        this.timeout = timeout;
        this.scratch = scratch;
    }

    TestResult run(WasiTest test) {
        if (test.spec().isEmpty()) {
            return TestResult.failed(test.name(), test.specError());
        }
        TestSpec spec = test.spec().get();
        Optional<String> unsupported = spec.unsupported();
        if (unsupported.isPresent()) {
            return TestResult.skipped(test.name(), unsupported.get());
        }
        long start = System.nanoTime();
        Path work = null;
        var execution = new Execution(test, start + timeout.toNanos());
        try {
            work = Files.createTempDirectory(scratch, test.name().replace('/', '_') + "-");
            execution.perform(spec.operations(), work);
        } catch (IOException e) {
            execution.fail("cannot run the test: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            execution.fail("interrupted");
        } catch (RuntimeException e) {
            execution.fail("the runner failed: " + e);
        } finally {
            execution.end();
            if (work != null) {
                TreeCopy.delete(work);
            }
        }
        return execution.result(Duration.ofNanos(System.nanoTime() - start));
    }

    /** The state of one test while its operations run. */
    private final class Execution {
        private final WasiTest test;
        private final long deadline;
        private final Map<Path, Path> copies = new HashMap<>();
        private TestProcess process;
        private List<String> argv = List.of();
        private String stdout = "";
        private String stderr = "";
        private String failure;

        Execution(WasiTest test, long deadline) {
            this.test = test;
            this.deadline = deadline;
        }

        void perform(List<Operation> operations, Path work) throws IOException, InterruptedException {
            for (int i = 0; i < operations.size() && failure == null; i++) {
                switch (operations.get(i)) {
                    case Operation.Run run -> start(run, work, writesFollow(operations, i));
                    case Operation.Write write -> write(write);
                    case Operation.Read read -> read(read);
                    case Operation.Wait wait -> await(wait);
                    case Operation.Unsupported unsupported -> fail("unsupported operation " + unsupported.type());
                }
            }
        }

        private void start(Operation.Run run, Path work, boolean keepInputOpen) throws IOException {
            Optional<Path> root = Optional.empty();
            if (run.root().isPresent()) {
                root = Optional.of(copy(run.root().get(), work));
            }
            argv = command.argv(test.module().toAbsolutePath(), run, root);
            process = TestProcess.start(argv, work);
            if (!keepInputOpen) {
                // Nothing will be written: the guest reads end of file, instead of waiting for the timeout.
                process.closeInput();
            }
        }

        /** The run's copy of {@code root}: made at its first run, cleaned of {@code *.cleanup} at later ones. */
        private Path copy(Path root, Path work) throws IOException {
            if (!Files.isDirectory(root)) {
                throw new IOException("the test's root folder " + root + " does not exist");
            }
            Path copy = copies.get(root);
            if (copy == null) {
                copy = work.resolve("root-" + (copies.size() + 1));
                TreeCopy.copy(root, copy);
                copies.put(root, copy);
            } else {
                TreeCopy.removeCleanup(copy);
            }
            return copy;
        }

        private void write(Operation.Write write) throws InterruptedException {
            try {
                process.write(write.payload());
            } catch (IOException e) {
                fail("write to stdin: " + e.getMessage() + exitNote());
            }
        }

        private void read(Operation.Read read) throws InterruptedException {
            String got = process.read(read.stream(), read.payload().length(), deadline);
            if (got == null) {
                fail(read.stream() + ": timed out after " + seconds() + " waiting for " + Excerpt.quoted(read.payload()));
            } else if (!got.equals(read.payload())) {
                fail(read.stream() + ": expected " + Excerpt.quoted(read.payload()) + ", got " + Excerpt.quoted(got) + exitNote());
            }
        }

        private void await(Operation.Wait wait) throws InterruptedException {
            process.closeInput();
            OptionalInt code = process.waitFor(deadline);
            if (code.isEmpty()) {
                fail("timed out after " + seconds() + " (killed)" + outputNote());
            } else if (code.getAsInt() != wait.exitCode()) {
                fail("exit code: expected " + wait.exitCode() + ", got " + code.getAsInt() + outputNote());
            }
            endProcess();
        }

        /** After a failed read or write: the exit code and stderr, if the process ends within a second. */
        private String exitNote() throws InterruptedException {
            OptionalInt code = process.waitFor(Math.min(deadline, System.nanoTime() + 1_000_000_000L));
            if (code.isEmpty()) {
                return "";
            }
            String err = Excerpt.oneLine(process.stderr());
            return "; exit code " + code.getAsInt() + (err.isEmpty() ? "" : "; stderr: " + err);
        }

        /** What the process wrote to stderr (else stdout), on one line. */
        private String outputNote() {
            String err = Excerpt.oneLine(process.stderr());
            if (!err.isEmpty()) {
                return "; stderr: " + err;
            }
            String out = Excerpt.oneLine(process.stdout());
            return out.isEmpty() ? "" : "; stdout: " + out;
        }

        void fail(String message) {
            if (failure == null) {
                failure = message;
            }
        }

        /** Kills a process left running (after a failure) and keeps its output. */
        void end() {
            try {
                endProcess();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void endProcess() throws InterruptedException {
            if (process != null) {
                process.end();
                stdout = process.stdout();
                stderr = process.stderr();
                process = null;
            }
        }

        TestResult result(Duration elapsed) {
            var outcome = failure == null ? TestResult.Outcome.PASSED : TestResult.Outcome.FAILED;
            return new TestResult(test.name(), outcome, failure == null ? "" : failure, argv, stdout, stderr, elapsed);
        }

        private String seconds() {
            return timeout.toSeconds() + " s";
        }
    }

    /** Whether a {@code write} comes after operation {@code run} and before its {@code wait}. */
    private static boolean writesFollow(List<Operation> operations, int run) {
        for (int i = run + 1; i < operations.size(); i++) {
            if (operations.get(i) instanceof Operation.Wait) {
                return false;
            }
            if (operations.get(i) instanceof Operation.Write) {
                return true;
            }
        }
        return false;
    }
}
