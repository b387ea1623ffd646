package io.wasmrun.spectest.fuzz;

import io.wasmrun.ModuleLoadException;
import io.wasmrun.spectest.suite.Progress;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Binary mutation fuzzing ({@code scripts/fuzz --mutate binary}): takes generated modules, breaks
 * their bytes (flipped bits, boundary bytes, inserted, deleted and duplicated runs, truncation,
 * overlong LEBs) and checks what wasmrun's loader does with them in every configuration. A
 * mutant must be either rejected with a {@code ModuleLoadException} whose message says what is
 * wrong in wasm terms, without Java exception text (class names, the JDK's index messages,
 * {@code null}), or accepted and then run like any module, compared with V8. Anything else that
 * escapes, a leaking message, or a module only one side accepts is a failure.
 */
final class BinaryMutation {
    /** Java exception text that has no business in a message about a module. */
    static final Pattern LEAK =
            Pattern.compile("(java\\.[a-z]+\\.[A-Z]\\w*|\\b\\w+(Exception|Error)\\b|Index -?\\d+ out of bounds for length \\d+|out of bounds for length|Cannot invoke|Cannot read|because \"|\\bnull\\b)");

    /** Mutants made from each generated module. */
    static final int MUTANTS_PER_MODULE = 8;

    private final FuzzOptions options;
    private final PrintStream out;

    BinaryMutation(FuzzOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** The leak in a rejection message, e.g. {@code java-class-name}, or null when it is clean. */
    static String leak(String message) {
        Matcher m = LEAK.matcher(message);
        if (!m.find()) {
            return null;
        }
        String found = m.group(1);
        if (found.startsWith("java.") || found.endsWith("Exception") || found.endsWith("Error")) {
            return "java-class-name";
        }
        if (found.contains("out of bounds for length")) {
            return "jdk-index-message";
        }
        if (found.equals("null")) {
            return "null";
        }
        return "jdk-message";
    }

    /** Applies 1 to 4 random byte-level mutations to {@code bytes}. */
    static byte[] mutate(byte[] bytes, SplittableRandom random) {
        List<Byte> b = new ArrayList<>(bytes.length + 16);
        for (byte x : bytes) {
            b.add(x);
        }
        int edits = 1 + random.nextInt(4);
        byte[] interesting = {0x00, (byte) 0xFF, 0x7F, (byte) 0x80, 0x40, 0x41, 0x01, 0x0B, 0x60, 0x70, 0x6F, (byte) 0xFC, (byte) 0xFD};
        for (int e = 0; e < edits && !b.isEmpty(); e++) {
            // keep the header most of the time: a broken magic number tests one line of code
            int from = b.size() > 8 && random.nextInt(10) > 0 ? 8 : 0;
            int at = from + random.nextInt(Math.max(1, b.size() - from));
            if (at >= b.size()) {
                at = b.size() - 1;
            }
            switch (random.nextInt(8)) {
                case 0 -> b.set(at, (byte) (b.get(at) ^ (1 << random.nextInt(8))));
                case 1 -> b.set(at, interesting[random.nextInt(interesting.length)]);
                case 2 -> b.add(at, (byte) random.nextInt(256));
                case 3 -> {
                    int n = Math.min(b.size() - at, 1 + random.nextInt(8));
                    b.subList(at, at + n).clear();
                }
                case 4 -> {
                    int n = Math.min(b.size() - at, 1 + random.nextInt(16));
                    b.addAll(at, new ArrayList<>(b.subList(at, at + n)));
                }
                case 5 -> b.subList(Math.max(from, at), b.size()).clear();
                case 6 -> {
                    // an overlong or huge LEB: continuation bits on the next bytes
                    for (int k = 0; k < 5 && at + k < b.size(); k++) {
                        b.set(at + k, (byte) (b.get(at + k) | 0x80));
                    }
                }
                default -> b.set(at, (byte) random.nextInt(256));
            }
        }
        byte[] result = new byte[b.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = b.get(i);
        }
        return result;
    }

    int run() throws IOException, InterruptedException {
        String version = TtfGenerator.version(options.wasmOpt());
        if (version == null && options.generators().contains("ttf")) {
            throw new IllegalArgumentException("cannot run `" + options.wasmOpt() + "` (install binaryen)");
        }
        Path failures = options.out().resolve("failures-mutate");
        Path dir = options.out().resolve("work").resolve("mutate");
        Files.createDirectories(failures);
        out.printf("fuzz --mutate binary: seed %d, %d mutants, %d configurations, oracle %s%n", options.seed(), options.count(), options.configs().size(),
                options.oracle());
        var ttf = new TtfGenerator(options.wasmOpt(), options.features(), options.nans(), Math.min(options.inputSize(), 4096));
        var edge = new EdgeGenerator();
        Map<String, Integer> signatures = new TreeMap<>();
        Map<String, Path> examples = new TreeMap<>();
        int accepted = 0;
        int failuresCount = 0;
        int runs = 0;
        Progress progress = Progress.on(out, options.count());
        long start = System.nanoTime();
        FuzzExpectations expectations = options.expectations() != null && Files.exists(options.expectations())
                ? FuzzExpectations.read(options.expectations())
                : FuzzExpectations.none();
        int known = 0;
        int stopped = 0;
        NodeOracle oracle = options.oracle().equals("node") ? new NodeOracle(options.node(), NodeOracle.extractScript(dir), options.timeout()) : null;
        try (Worker worker = new Worker(dir, oracle, options.configs(), options.timeout(), options.nanRule())) {
            Generated base = null;
            for (int i = 0; i < options.count(); i++) {
                String label = options.seed() + "-" + i;
                if (i % MUTANTS_PER_MODULE == 0) {
                    SplittableRandom random = Fuzz.moduleRandom(options.seed() ^ 0x5EED_0F_B17EL, i / MUTANTS_PER_MODULE);
                    try {
                        base = options.generators().contains("ttf") && (!options.generators().contains("edge") || random.nextDouble() >= options.edgeShare())
                                ? ttf.generate(random, dir)
                                : edge.generate(random);
                    } catch (IOException | RuntimeException e) {
                        base = null;
                    }
                }
                if (base == null) {
                    progress.completed(label, "mutant " + label + ": generator failed");
                    continue;
                }
                byte[] mutant = mutate(base.bytes(), Fuzz.moduleRandom(options.seed() ^ 0x3A7E_0F_B17EL, i));
                Path path = dir.resolve("mutant.wasm");
                Files.write(path, mutant);
                Evaluation e = worker.evaluate(path, mutant, true);
                runs += e.traces().size();
                stopped += (int) e.traces().values().stream().filter(Trace::stopped).count();
                boolean anyAccepted = false;
                List<String> found = new ArrayList<>();
                for (var entry : e.traces().entrySet()) {
                    FuzzConfiguration c = entry.getKey();
                    Trace t = entry.getValue();
                    List<Divergence> findings = new ArrayList<>();
                    if (!t.events().isEmpty() && t.events().getFirst() instanceof Event.Rejected r) {
                        String leak = leak(r.message());
                        if (leak != null) {
                            findings.add(new Divergence("message-leak:" + leak, "rejected with `" + r.message() + "`", 0));
                        }
                    } else {
                        anyAccepted = true;
                    }
                    findings.addAll(e.divergences().getOrDefault(c, List.of()));
                    for (Divergence d : findings) {
                        String signature = d.signature();
                        failuresCount++;
                        boolean isKnown = expectations.expecting(c, signature).isPresent();
                        if (isKnown) {
                            known++;
                        }
                        String key = signature + "  [" + c.label() + "]" + (isKnown ? "  known" : "  NEW");
                        if (signatures.merge(key, 1, Integer::sum) == 1) {
                            Path saved = failures.resolve(FailureStore.slug(signature)).resolve(label);
                            Files.createDirectories(saved);
                            Files.write(saved.resolve("mutant.wasm"), mutant);
                            Files.write(saved.resolve("original.wasm"), base.bytes());
                            String v8 = e.oracle() == null || e.oracle().events().isEmpty() ? "-" : e.oracle().events().getFirst().toString();
                            Files.writeString(saved.resolve("divergence.txt"), "signature: " + signature + "\nconfiguration: " + c.label()
                                    + "\ndifference: " + d.description() + "\nV8: " + v8 + "\n\nwasmrun trace:\n" + t.describe()
                                    + (e.oracle() == null ? "" : "\nV8 trace:\n" + e.oracle().describe()));
                            examples.put(key, saved);
                            found.add(String.format("%s %s in %s: mutant %s: %s (saved in %s)", isKnown ? "known" : "NEW", signature, c.label(), label,
                                    abbreviate(d.description()), saved));
                        }
                    }
                }
                if (anyAccepted) {
                    accepted++;
                }
                found.forEach(progress::line);
                progress.completed(label, "mutant " + label + ": " + (anyAccepted ? "accepted" : "rejected"));
            }
        }
        progress.finish();
        double minutes = Math.max(1, (System.nanoTime() - start) / 1_000_000) / 60000.0;
        out.printf("%d mutants of %d modules (%d accepted by wasmrun, %d runs stopped at the %d s timeout) in %.1f min: %.0f mutants/min%n", options.count(),
                (options.count() + MUTANTS_PER_MODULE - 1) / MUTANTS_PER_MODULE, accepted, stopped, options.timeout().toSeconds(), minutes, options.count() / minutes);
        if (!signatures.isEmpty()) {
            out.println("findings (signature [configuration]: mutants):");
            signatures.forEach((k, n) -> out.printf("  %-90s %5d  %s%n", k, n, examples.get(k)));
        }
        int unexpected = failuresCount - known;
        out.printf("%d runs, %d failures%s%n", runs, failuresCount, failuresCount == 0 ? "" : " (" + known + " known, " + unexpected + " new)");
        return unexpected > 0 ? 1 : 0;
    }

    private static String abbreviate(String s) {
        String one = s.replace("\n", " | ");
        return one.length() > 200 ? one.substring(0, 200) + "..." : one;
    }
}
