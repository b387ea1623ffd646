package io.wasmrun.spectest.fuzz;

import io.wasmrun.spectest.suite.Progress;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Differential fuzzing of wasmrun against V8 ({@code scripts/fuzz}): generates valid modules
 * (binaryen's translate-to-fuzz, and {@link EdgeGenerator}'s boundary cases), runs each in node
 * and in every wasmrun configuration in this one JVM, and compares what they log, return and
 * trap. Divergent modules are saved under {@code OUT/failures/} and reduced with wasm-reduce.
 * Divergences listed in the expectations file count as known; the exit status is 1 when any
 * other appears. Also: {@code --replay} (compare given modules), {@code --reduce-failure}
 * (reduce saved failures) and {@code --mutate binary} (see {@link BinaryMutation}).
 */
public final class Fuzz {
    private final FuzzOptions options;
    private final PrintStream out;

    Fuzz(FuzzOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) {
        int code;
        try {
            FuzzOptions options = FuzzOptions.parse(args);
            var fuzz = new Fuzz(options, System.out);
            code = switch (options.mode()) {
                case "replay" -> fuzz.replay();
                case "reduce" -> fuzz.reduceSaved();
                case "mutate-binary" -> new BinaryMutation(options, System.out).run();
                default -> fuzz.campaign();
            };
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(FuzzOptions.USAGE);
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

    /** The random source of module {@code index} of campaign {@code seed}. */
    static SplittableRandom moduleRandom(long seed, long index) {
        long mixed = seed * 0x9E37_79B9_7F4A_7C15L + index * 0xBF58_476D_1CE4_E5B9L;
        mixed ^= mixed >>> 31;
        return new SplittableRandom(mixed);
    }

    /** {@code node} for {@code --oracle node}; fails with a usable message when it cannot run. */
    NodeOracle newOracle(Path dir) throws IOException {
        if (!options.oracle().equals("node")) {
            return null;
        }
        return new NodeOracle(options.node(), NodeOracle.extractScript(dir), options.timeout());
    }

    private String checkTools(boolean needTtf) {
        var versions = new StringBuilder();
        if (options.oracle().equals("node")) {
            String v = NodeOracle.version(options.node());
            if (v == null) {
                throw new IllegalArgumentException("cannot run `" + options.node() + "` (node is the oracle; install node 20+, pass --node CMD, or --oracle none)");
            }
            versions.append("node ").append(v);
        } else {
            versions.append("no oracle (configurations compared with ").append(options.configs().getFirst().label()).append(")");
        }
        if (needTtf) {
            String v = TtfGenerator.version(options.wasmOpt());
            if (v == null) {
                throw new IllegalArgumentException("cannot run `" + options.wasmOpt() + "` (install binaryen: apt-get install binaryen, or pass --wasm-opt CMD)");
            }
            versions.append(", ").append(v);
        }
        return versions.toString();
    }

    /** Generates, compares and records {@code --count} modules. */
    int campaign() throws IOException, InterruptedException {
        boolean ttf = options.generators().contains("ttf");
        String versions = checkTools(ttf);
        FuzzExpectations expectations = options.expectations() != null && Files.exists(options.expectations())
                ? FuzzExpectations.read(options.expectations())
                : FuzzExpectations.none();
        Path failures = options.out().resolve("failures");
        Files.createDirectories(failures);
        out.printf("fuzz: seed %d, %d modules%s%s, generators %s, features %s%s, %d configurations (%s), %d job%s, NaNs compare by %s; %s%n",
                options.seed(), options.count(), options.first() == 0 ? "" : " from module " + options.first(),
                options.duration() == null ? "" : " (at most " + options.duration().toSeconds() + " s)",
                String.join("+", options.generators()), options.features(), ", NaNs " + options.nans(), options.configs().size(),
                String.join(", ", options.configs().stream().map(FuzzConfiguration::label).toList()), options.jobs(), options.jobs() == 1 ? "" : "s",
                options.nanRule().name().toLowerCase(java.util.Locale.ROOT), versions);
        var stats = new Stats();
        var store = new FailureStore(failures, options.maxSaved(), options.wasmOpt());
        Progress progress = Progress.on(out, options.count());
        var next = new AtomicInteger();
        long start = System.nanoTime();
        long deadline = options.duration() == null ? Long.MAX_VALUE : start + options.duration().toNanos();
        List<Path> toReduce = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> crashed = new ArrayList<>();
        for (int j = 0; j < options.jobs(); j++) {
            Path dir = options.out().resolve("work").resolve("w" + j);
            Thread t = new Thread(() -> {
                try (Worker worker = new Worker(dir, newOracle(dir), options.configs(), options.timeout(), options.nanRule())) {
                    var ttfGenerator = new TtfGenerator(options.wasmOpt(), options.features(), options.nans(), options.inputSize());
                    var edgeGenerator = new EdgeGenerator();
                    for (int i; (i = next.getAndIncrement()) < options.count() && System.nanoTime() < deadline; ) {
                        module(options.first() + i, worker, ttfGenerator, edgeGenerator, expectations, store, stats, progress, toReduce);
                    }
                } catch (Throwable e) {
                    synchronized (crashed) {
                        crashed.add(e);
                    }
                }
            }, "fuzz-worker-" + j);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        progress.finish();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        for (Throwable e : crashed) {
            out.println("error: a worker failed: " + Escapes.detail(e));
        }
        if (!options.reduce().equals("none") && !toReduce.isEmpty() && Tools.available(options.wasmReduce())) {
            var reducer = new Reducer(options);
            for (Path dir : toReduce) {
                out.println("reducing " + dir + " (at most " + options.reduceTime().toSeconds() + " s) ...");
                out.println("  " + reducer.reduce(dir));
            }
        }
        return summarize(stats, expectations, took, failures, !crashed.isEmpty());
    }

    private void module(int i, Worker worker, TtfGenerator ttfGenerator, EdgeGenerator edgeGenerator, FuzzExpectations expectations, FailureStore store,
            Stats stats, Progress progress, List<Path> toReduce) throws IOException, InterruptedException {
        String label = options.seed() + "-" + i;
        SplittableRandom random = moduleRandom(options.seed(), i);
        boolean edge = options.generators().contains("edge") && (!options.generators().contains("ttf") || random.nextDouble() < options.edgeShare());
        Generated generated;
        try {
            generated = edge ? edgeGenerator.generate(random) : ttfGenerator.generate(random, worker.dir());
        } catch (IOException | RuntimeException e) {
            synchronized (stats) {
                stats.generatorFailures++;
            }
            progress.line("generator failed for module " + label + ": " + e.getMessage());
            progress.completed(label, "module " + label + ": generator failed");
            return;
        }
        Path module = worker.dir().resolve("module.wasm");
        Files.write(module, generated.bytes());
        Evaluation evaluation = worker.evaluate(module, generated.bytes(), true);
        // A module that keeps its NaNs may store one, or reinterpret it as an integer, and the spec
        // leaves a NaN's payload to the engine: check such divergences on the --denan variant.
        Generated variant = null;
        Evaluation variantEvaluation = null;
        if (!generated.nanFree() && evaluation.bySignature().keySet().stream().anyMatch(Fuzz::nanSensitive)) {
            try {
                variant = ttfGenerator.denanVariant(worker.dir());
                Path variantModule = worker.dir().resolve("variant.wasm");
                Files.write(variantModule, variant.bytes());
                variantEvaluation = worker.evaluate(variantModule, variant.bytes(), true);
            } catch (IOException e) {
                progress.line("wasm-opt --denan failed for module " + label + ": " + e.getMessage());
            }
        }
        // what to report: signature -> the configurations, and which module and run show it
        record Finding(List<FuzzConfiguration> configs, Generated generated, Evaluation evaluation) {}
        Map<String, Finding> findings = new LinkedHashMap<>();
        List<String> vanished = new ArrayList<>();
        boolean rechecked = variantEvaluation != null;
        Generated original = generated;
        evaluation.bySignature().forEach((signature, configs) -> {
            if (!rechecked || !nanSensitive(signature)) {
                findings.put(signature, new Finding(configs, original, evaluation));
            }
        });
        if (variantEvaluation != null) {
            Generated v = variant;
            Evaluation ve = variantEvaluation;
            variantEvaluation.bySignature().forEach((signature, configs) -> findings.putIfAbsent(signature, new Finding(configs, v, ve)));
            evaluation.bySignature().keySet().stream().filter(Fuzz::nanSensitive).filter(s -> !findings.containsKey(s)).forEach(vanished::add);
        }
        List<String> lines = new ArrayList<>();
        synchronized (stats) {
            stats.record(generated, evaluation);
            if (!vanished.isEmpty() && variantEvaluation.divergences().isEmpty()) {
                stats.nanOnly++;
            }
            vanished.forEach(s -> stats.vanished.merge(s, 1, Integer::sum));
            for (var entry : findings.entrySet()) {
                String signature = entry.getKey();
                Finding finding = entry.getValue();
                List<FuzzConfiguration> configs = finding.configs();
                String known = null;
                boolean allKnown = true;
                for (FuzzConfiguration c : configs) {
                    var e = expectations.expecting(c, signature);
                    if (e.isPresent()) {
                        known = known == null ? e.get().reason : known;
                    } else {
                        allKnown = false;
                    }
                }
                if (!allKnown) {
                    known = null;
                }
                stats.failures += configs.size();
                boolean firstOfKind = stats.divergence(signature, configs, known != null);
                Generated g = finding.generated();
                String context = g.generator() + ", " + g.bytes().length + " bytes" + (g == variant ? ", the --denan variant: the divergence does not depend on NaN payloads" : "");
                Path dir = store.save(label, g, finding.evaluation(), signature, configs, known, context);
                Divergence d = finding.evaluation().divergence(configs.getFirst(), signature);
                if (firstOfKind || known == null) {
                    lines.add(String.format("%s %s in %s: module %s%s: %s%s", known == null ? "DIVERGENCE" : "known divergence", signature,
                            String.join(", ", configs.stream().map(FuzzConfiguration::label).toList()), label, g == variant ? " (--denan)" : "",
                            d.description().lines().findFirst().orElse(""), dir == null ? "" : " (saved in " + dir + ")"));
                }
                if (dir != null && firstOfKind && (options.reduce().equals("all") || (options.reduce().equals("new") && known == null))) {
                    toReduce.add(dir);
                }
            }
        }
        lines.forEach(progress::line);
        String summary = findings.isEmpty()
                ? (vanished.isEmpty() ? "agree" : "agree without NaNs (" + String.join(", ", vanished) + " only with them)")
                : "differ (" + String.join(", ", findings.keySet()) + ")";
        progress.completed(label, String.format("module %s (%s, %d bytes, %d calls): %s", label, generated.generator(), generated.bytes().length,
                evaluation.reference().calls(), summary));
    }

    /**
     * Whether a divergence could come from a NaN's payload, which the spec leaves to the engine
     * (JVM and V8 may give {@code f64.add} of two NaNs either operand's payload, and the same
     * JVM differs between its interpreter and its JIT tiers): memory contents (a stored NaN),
     * integer values (a reinterpreted one), float values other than NaNs (read from memory a
     * stored NaN's payload wrote), traps (a payload read back into a branch or an address), and
     * the calls and logs they lead to. Such a divergence counts only if the module's --denan
     * variant (the same code with every NaN result replaced by 0) shows it too, as wasmtime's
     * differential fuzzing compares only modules whose NaNs are canonicalised. NaN against NaN
     * (compared by {@link NanRule}), one-ulp differences (rounding), escapes and rejections never
     * come from a payload and count as they are. {@code --nans mixed} generates half the modules
     * with --denan from the start, so code that never sees a NaN is compared in full too.
     */
    static boolean nanSensitive(String signature) {
        return signature.startsWith("memory-state:")
                || signature.matches("(log|result)-value:([if](32|64)|v128)")
                || signature.startsWith("missing-trap:")
                || signature.startsWith("unexpected-trap:")
                || signature.startsWith("trap-kind:")
                || signature.startsWith("event:")
                || signature.endsWith("-arity")
                || signature.endsWith("-type");
    }

    private int summarize(Stats stats, FuzzExpectations expectations, Duration took, Path failures, boolean crashed) throws IOException {
        var text = new StringBuilder();
        double minutes = Math.max(took.toMillis(), 1) / 60000.0;
        text.append(String.format("%d modules (%d ttf, %d edge) in %s: %.0f modules/min; %d runs, %d export calls in V8%n", stats.modules, stats.ttf,
                stats.edge, format(took), stats.modules / minutes, stats.runs, stats.calls));
        if (stats.generatorFailures + stats.rejectedByReference + stats.exhausted + stats.stopped > 0) {
            text.append(String.format("not fully compared: %d generator failures, %d modules the reference rejects, %d runs with stack exhaustion, %d runs stopped (timeout or host limit)%n",
                    stats.generatorFailures, stats.rejectedByReference, stats.exhausted, stats.stopped));
        }
        if (!stats.vanished.isEmpty()) {
            text.append(String.format("NaN payloads: %d modules agree once binaryen's --denan removes their NaNs (the spec leaves a NaN's payload to the engine); signatures that went away:%n", stats.nanOnly));
            stats.vanished.forEach((s, n) -> text.append(String.format("  %-90s %5d%n", s, n)));
        }
        if (!stats.signatures.isEmpty()) {
            text.append("divergences (signature, configurations: modules):\n");
            stats.signatures.forEach((key, n) -> text.append(String.format("  %-90s %5d%s%n", key, n, stats.knownKeys.contains(key) ? "  known" : "  NEW")));
        }
        List<FuzzExpectations.Entry> unseen = expectations.unseen();
        if (!unseen.isEmpty()) {
            text.append(String.format("%d of %d expectations not seen in this run (fixed, or not reached by these modules): %s lines %s%n", unseen.size(),
                    expectations.entries().size(), expectations.source(), String.join(", ", unseen.stream().map(e -> String.valueOf(e.lineNumber)).toList())));
        }
        if (stats.failures > 0) {
            text.append("failures saved under ").append(failures).append('\n');
        }
        if (stats.known > 0) {
            text.append(stats.known).append(" known failures listed in ").append(expectations.source()).append('\n');
        }
        int unexpected = stats.failures - stats.known;
        text.append(String.format("%d runs, %d failures%s%n", stats.runs, stats.failures,
                stats.failures == 0 ? "" : " (" + stats.known + " known, " + unexpected + " new)"));
        out.print(text);
        Files.writeString(options.out().resolve("summary.txt"), text.toString());
        return unexpected > 0 || crashed ? 1 : 0;
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : String.format("%.1fs", d.toMillis() / 1000.0);
    }

    /** Runs the given modules everywhere and prints their traces and divergences. */
    int replay() throws IOException, InterruptedException {
        checkTools(false);
        Path dir = options.out().resolve("work").resolve("replay");
        int divergent = 0;
        try (Worker worker = new Worker(dir, newOracle(dir), options.configs(), options.timeout(), options.nanRule())) {
            for (Path given : options.paths()) {
                Path path = given;
                byte[] bytes = Files.readAllBytes(given);
                if (io.wasmrun.text.Wat.looksLikeText(bytes)) {
                    // V8 reads binaries only: encode the text with wasmrun's parser
                    bytes = io.wasmrun.text.Wat.toBinary(bytes, given.getFileName().toString());
                    path = dir.resolve(given.getFileName().toString().replaceFirst("\\.wat$", "") + ".wasm");
                    Files.write(path, bytes);
                }
                Evaluation e = worker.evaluate(path, bytes, options.compareMemory());
                out.println("== " + given);
                if (e.oracle() != null) {
                    out.print("V8:\n" + e.oracle().describe());
                }
                e.traces().forEach((c, t) -> out.print(c.label() + ":\n" + t.describe()));
                for (var c : e.traces().keySet()) {
                    List<Divergence> list = e.divergences().getOrDefault(c, List.of());
                    out.printf("%-24s %s%n", c.label() + ":", list.isEmpty() ? "agrees" : String.join("\n" + " ".repeat(25),
                            list.stream().map(d -> d.signature() + ": " + d.description().lines().findFirst().orElse("")).toList()));
                }
                if (!e.divergences().isEmpty()) {
                    divergent++;
                }
            }
        }
        out.printf("%d modules, %d divergent%n", options.paths().size(), divergent);
        return divergent == 0 ? 0 : 1;
    }

    /** Reduces saved failure folders again. */
    int reduceSaved() throws IOException, InterruptedException {
        checkTools(false);
        if (!Tools.available(options.wasmReduce())) {
            throw new IllegalArgumentException("cannot run `" + options.wasmReduce() + "` (install binaryen)");
        }
        var reducer = new Reducer(options);
        for (Path dir : options.paths()) {
            out.println(dir + ": " + reducer.reduce(dir));
        }
        return 0;
    }

    /** Counts of one campaign. */
    static final class Stats {
        int modules;
        int ttf;
        int edge;
        int runs;
        long calls;
        int generatorFailures;
        int rejectedByReference;
        int exhausted;
        int stopped;
        int failures;
        int known;
        /** Modules whose every divergence went away with --denan. */
        int nanOnly;
        /** Signatures that went away with --denan, and how often. */
        final Map<String, Integer> vanished = new TreeMap<>();
        final Map<String, Integer> signatures = new TreeMap<>();
        final java.util.Set<String> knownKeys = new java.util.HashSet<>();

        void record(Generated generated, Evaluation evaluation) {
            modules++;
            if (generated.generator().equals("edge")) {
                edge++;
            } else {
                ttf++;
            }
            runs += evaluation.traces().size();
            calls += evaluation.reference().calls();
            if (evaluation.referenceRejected()) {
                rejectedByReference++;
            }
            List<Trace> all = new ArrayList<>(evaluation.traces().values());
            if (evaluation.oracle() != null) {
                all.add(evaluation.oracle());
            }
            for (Trace t : all) {
                if (t.events().stream().anyMatch(e -> e instanceof Event.Exhausted)) {
                    exhausted++;
                }
                if (t.stopped()) {
                    stopped++;
                }
            }
        }

        /** Records one divergence class of a module; true when it is the first of its kind. */
        boolean divergence(String signature, List<FuzzConfiguration> configs, boolean isKnown) {
            String key = signature + "  [" + String.join(", ", configs.stream().map(FuzzConfiguration::label).toList()) + "]";
            if (isKnown) {
                known += configs.size();
                knownKeys.add(key);
            }
            return signatures.merge(key, 1, Integer::sum) == 1;
        }
    }
}
