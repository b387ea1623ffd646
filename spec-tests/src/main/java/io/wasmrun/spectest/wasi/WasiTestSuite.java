package io.wasmrun.spectest.wasi;

import io.wasmrun.spectest.suite.Progress;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs WebAssembly/wasi-testsuite's wasm32-wasip1 tests with the wasmrun CLI, one process per
 * test as a user would run them (see {@link WasmrunCommand}), {@code --jobs} at a time. Prints a
 * progress bar on a terminal (plain lines otherwise), one line per failing test, writes
 * {@code wasi-testsuite.md} and {@code .json} under {@code --out}, and ends with {@code N passed,
 * M failed} ({@code , K skipped} when tests were skipped). Exits 1 when a test failed, 2 on a
 * usage error, 0 otherwise, also when the default suite folder does not exist (the tests are
 * skipped with a message).
 */
public final class WasiTestSuite {
    private final WasiOptions options;
    private final PrintStream out;

    WasiTestSuite(WasiOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) {
        int code;
        try {
            code = new WasiTestSuite(WasiOptions.parse(args), System.out).run();
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(WasiOptions.USAGE);
            code = 2;
        } catch (IOException e) {
            System.err.println("error: " + e.getMessage());
            code = 1;
        } catch (InterruptedException e) {
            System.err.println("error: interrupted");
            code = 1;
        }
        System.out.flush();
        System.exit(code);
    }

    int run() throws IOException, InterruptedException {
        Path suite = options.suite();
        if (!Files.isDirectory(suite)) {
            if (options.suiteGiven()) {
                throw new IllegalArgumentException("WASI test suite folder " + suite + " does not exist");
            }
            out.println("WASI test suite not found at " + suite + ": skipping the WASI tests");
            return 0;
        }
        TestFinder.Found found = TestFinder.find(suite, options::selects);
        for (String folder : found.ignored()) {
            out.println("not run: " + folder);
        }
        List<WasiTest> tests = found.tests();
        if (tests.isEmpty()) {
            throw new IllegalArgumentException("no wasm32-wasip1 tests in " + suite + (options.filters().isEmpty() ? "" : " match the filters"));
        }
        out.printf("wasi-testsuite %s: %d tests, %d at a time, %d s each at most, with %s%n",
                suite, tests.size(), options.jobs(), options.timeout().toSeconds(), String.join(" ", options.wasmrun()));
        List<TestResult> results = runAll(tests);
        results.sort(Comparator.comparing(TestResult::name));
        Path report = new ResultWriter(suite, results).write(options.out());
        out.println("results: " + report + " (and .json)");
        Summary summary = Summary.of(results);
        out.println(summary.line());
        return summary.failed() == 0 ? 0 : 1;
    }

    private List<TestResult> runAll(List<WasiTest> tests) throws IOException, InterruptedException {
        Path scratch = Files.createTempDirectory("wasi-test-");
        ExecutorService pool = Executors.newFixedThreadPool(options.jobs(), Thread.ofPlatform().daemon().name("wasi-test-", 1).factory());
        try {
            var runner = new TestRunner(new WasmrunCommand(options.wasmrun(), options.wasmrunOptions()), options.timeout(), scratch);
            CompletionService<TestResult> done = new ExecutorCompletionService<>(pool);
            for (WasiTest test : tests) {
                done.submit(() -> runner.run(test));
            }
            Progress progress = Progress.on(out, tests.size());
            List<TestResult> results = new ArrayList<>();
            for (int i = 0; i < tests.size(); i++) {
                TestResult result = take(done);
                results.add(result);
                report(result, progress);
            }
            progress.finish();
            return results;
        } finally {
            pool.shutdownNow();
            TreeCopy.delete(scratch);
        }
    }

    private static TestResult take(CompletionService<TestResult> done) throws InterruptedException {
        try {
            return done.take().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the test runner failed", e.getCause());
        }
    }

    private void report(TestResult result, Progress progress) {
        if (options.verbose() && !result.command().isEmpty()) {
            progress.line("$ " + Shell.quote(result.command()));
        }
        switch (result.outcome()) {
            case FAILED -> {
                progress.line("FAIL " + result.name() + ": " + result.message());
                if (options.verbose()) {
                    verboseOutput(progress, "stdout", result.stdout());
                    verboseOutput(progress, "stderr", result.stderr());
                }
            }
            case SKIPPED -> progress.line("SKIP " + result.name() + ": " + result.message());
            case PASSED -> { }
        }
        progress.completed(result.name(), String.format("%s: %s (%.1f s)", result.name(), result.outcome().label(), result.elapsed().toMillis() / 1000.0));
    }

    private static void verboseOutput(Progress progress, String stream, String text) {
        if (text.isEmpty()) {
            return;
        }
        progress.line("  " + stream + ":");
        text.lines().forEach(line -> progress.line("    " + line));
    }
}
