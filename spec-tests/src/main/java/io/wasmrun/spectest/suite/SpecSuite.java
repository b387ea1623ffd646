package io.wasmrun.spectest.suite;

import io.wasmrun.Engine;
import io.wasmrun.FirstCompile;
import io.wasmrun.Strategy;
import io.wasmrun.text.wast.WastScript;
import io.wasmrun.wast.Failure;
import io.wasmrun.wast.ScriptConverter;
import io.wasmrun.wast.ScriptException;
import io.wasmrun.wast.ScriptResult;
import io.wasmrun.wast.ScriptRunner;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Runs a spec test suite folder over the matrix of instance allocators and engines in one JVM:
 * each script is read once (by wasmrun's text parser or wast2json) and then run under every
 * available configuration. Prints progress and the failures that the expectations file does not
 * list, writes the results per file as markdown and JSON, and ends with {@code N passed, M
 * failed, K skipped}, where known failures count as skipped. Exits 1 when a failure is not listed, 2 on a usage error.
 */
public final class SpecSuite {
    private static final int MAX_LINES_PER_FILE = 10;

    private final SuiteOptions options;
    private final PrintStream out;

    SpecSuite(SuiteOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) {
        int code;
        try {
            code = new SpecSuite(SuiteOptions.parse(args), System.out).run();
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(SuiteOptions.USAGE);
            code = 2;
        } catch (IOException | ScriptException e) {
            System.err.println("error: " + e.getMessage());
            code = 1;
        }
        System.out.flush();
        System.exit(code);
    }

    int run() throws IOException {
        ScriptConverter converter = options.createConverter();
        String version = converter.describe();
        List<String> files = scripts();
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no .wast files in " + options.suite() + " match the filters");
        }
        Expectations expectations = options.expectations().isEmpty() ? Expectations.none() : Expectations.read(options.expectations());
        List<ConfigurationRun> runs = new ArrayList<>();
        List<Runner> runners = new ArrayList<>();
        try {
            for (String allocator : options.allocators()) {
                for (Strategy engine : options.engines()) {
                    var configuration = new Configuration(allocator, engine);
                    var factory = Allocators.factory(allocator);
                    if (factory.isEmpty()) {
                        runs.add(ConfigurationRun.unavailable(configuration, "no " + allocator + " allocator in this build"));
                        continue;
                    }
                    ConfigurationRun run = ConfigurationRun.available(configuration);
                    runs.add(run);
                    runners.add(Runner.open(run, factory.get(), converter, options.throughCache()));
                }
            }
            out.printf("spec suite %s: %d files x %d configurations (%s)%n", options.name(), files.size(), runners.size(), version);
            runs.stream().filter(r -> !r.isAvailable()).forEach(r -> out.println(r.configuration().label() + ": not available (" + r.unavailableReason() + ")"));
            Progress progress = Progress.on(out, files.size() * runners.size());
            for (String file : files) {
                runFile(file, converter, runners, expectations, progress);
            }
            progress.finish();
        } finally {
            for (Runner runner : runners) {
                runner.close();
            }
        }
        return summarize(runs, expectations, version);
    }

    private void runFile(String file, ScriptConverter converter, List<Runner> runners, Expectations expectations, Progress progress) {
        Path path = options.suite().resolve(file);
        long start = System.nanoTime();
        WastScript script = null;
        String error = null;
        try {
            script = converter.convert(path);
        } catch (ScriptException e) {
            error = e.getMessage();
        }
        Duration conversion = Duration.ofNanos(System.nanoTime() - start);
        for (Runner runner : runners) {
            ScriptResult result = script == null ? ScriptResult.ofError(path, error, conversion) : runner.run(path, script);
            Configuration configuration = runner.run().configuration();
            FileOutcome outcome = FileOutcome.classify(configuration, file, result, expectations);
            runner.run().add(outcome);
            List<Failure> unexpected = outcome.unexpected();
            for (int i = 0; i < Math.min(unexpected.size(), MAX_LINES_PER_FILE); i++) {
                progress.line("FAIL " + configuration.label() + " " + result.describe(unexpected.get(i)));
            }
            if (unexpected.size() > MAX_LINES_PER_FILE) {
                progress.line("FAIL " + configuration.label() + " " + path + ": " + (unexpected.size() - MAX_LINES_PER_FILE) + " more failures (see the report)");
            }
            progress.completed(configuration.label(), file, outcome);
        }
    }

    private int summarize(List<ConfigurationRun> runs, Expectations expectations, String version) throws IOException {
        int passed = 0;
        int failed = 0;
        int skipped = 0;
        int known = 0;
        for (ConfigurationRun run : runs) {
            if (!run.isAvailable()) {
                out.printf("%-24s not available (%s)%n", run.configuration().label() + ":", run.unavailableReason());
                continue;
            }
            out.printf(
                    "%-24s %d passed, %d failed, %d skipped (%d known failures)%n",
                    run.configuration().label() + ":", run.passed(), run.failed(), run.skipped() - run.known(), run.known());
            passed += run.passed();
            failed += run.failed();
            skipped += run.skipped();
            known += run.known();
        }
        List<String> unneeded = expectations.unneeded();
        for (String entry : unneeded) {
            out.println("expectation no longer needed: " + entry);
        }
        Path report = new ReportWriter(options.name(), options.suite(), version, runs, unneeded).write(options.out());
        out.println("results: " + report + " (and .json)");
        if (known > 0) {
            out.println(known + " known failures listed in " + expectations.source() + " are counted as skipped");
        }
        out.printf("%d passed, %d failed, %d skipped%n", passed, failed, skipped);
        return failed == 0 ? 0 : 1;
    }

    /** The scripts to run, relative to the suite folder, in a stable order. */
    private List<String> scripts() throws IOException {
        Path suite = options.suite();
        if (!Files.isDirectory(suite)) {
            throw new IllegalArgumentException("suite folder " + suite + " does not exist");
        }
        List<Path> folders = new ArrayList<>();
        folders.add(suite);
        Path proposals = suite.resolve("proposals");
        if (options.recursive()) {
            try (Stream<Path> walk = Files.walk(suite)) {
                walk.filter(p -> !p.equals(suite) && Files.isDirectory(p)).sorted().forEach(folders::add);
            }
        } else if (options.proposals() && Files.isDirectory(proposals)) {
            try (Stream<Path> list = Files.list(proposals)) {
                list.filter(Files::isDirectory).sorted().forEach(folders::add);
            }
        }
        List<String> files = new ArrayList<>();
        for (Path folder : folders) {
            try (Stream<Path> list = Files.list(folder)) {
                list.filter(p -> p.getFileName().toString().endsWith(".wast"))
                        .map(p -> suite.relativize(p).toString())
                        .sorted()
                        .filter(options::selects)
                        .forEach(files::add);
            }
        }
        return files;
    }

    /**
     * A configuration's engine (and so its allocator) and runner; with {@code cache}, the folder of
     * the engine's compile cache, removed on close.
     */
    private record Runner(ConfigurationRun run, Engine engine, ScriptRunner runner, Path cache) implements AutoCloseable {
        static Runner open(
                ConfigurationRun run, UnaryOperator<Engine.Builder> allocator, ScriptConverter converter, boolean throughCache)
                throws IOException {
            var builder = allocator.apply(Engine.builder().strategy(run.configuration().engine()))
                    .firstCompile(FirstCompile.BLOCKING);
            Path cache = throughCache ? Files.createTempDirectory("wasmrun-spec-cache") : null;
            if (cache != null) {
                builder.compileCache(cache);
            }
            Engine engine = builder.build();
            return new Runner(run, engine, new ScriptRunner(engine, converter, throughCache), cache);
        }

        ScriptResult run(Path source, WastScript script) {
            try {
                return runner.run(source, script);
            } catch (RuntimeException | StackOverflowError e) {
                return ScriptResult.ofError(source, "the runner failed: " + e, Duration.ZERO);
            }
        }

        @Override
        public void close() {
            runner.close();
            engine.close();
            if (cache != null) {
                try (Stream<Path> files = Files.walk(cache)) {
                    files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                } catch (IOException e) {
                    // a leftover temporary folder
                }
            }
        }
    }
}
