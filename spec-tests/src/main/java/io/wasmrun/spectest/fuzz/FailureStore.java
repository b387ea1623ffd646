package io.wasmrun.spectest.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Saves divergent modules under {@code OUT/failures/SIGNATURE/SEED-INDEX/}: the module, a
 * {@code divergence.txt} that says what differs, where, and how to replay it, every trace, and a
 * {@code target.txt} that {@link Reducer} reads. Keeps at most a few modules per signature.
 */
final class FailureStore {
    /** What to reduce a saved module towards: the signature and the configurations that show it. */
    record Target(String signature, List<FuzzConfiguration> configs, List<String> features, boolean compareMemory) {
        static Target read(Path dir) throws IOException {
            List<String> lines = Files.readAllLines(dir.resolve("target.txt"));
            String signature = null;
            List<FuzzConfiguration> configs = new ArrayList<>();
            List<String> features = new ArrayList<>();
            boolean memory = true;
            for (String line : lines) {
                if (line.startsWith("signature: ")) {
                    signature = line.substring("signature: ".length());
                } else if (line.startsWith("configurations: ")) {
                    configs = FuzzConfiguration.parseList(line.substring("configurations: ".length()));
                } else if (line.startsWith("memory: ")) {
                    memory = line.substring("memory: ".length()).strip().equals("compared");
                } else if (line.startsWith("features: ")) {
                    features = List.of(line.substring("features: ".length()).split(" "));
                }
            }
            if (signature == null) {
                throw new IOException(dir.resolve("target.txt") + " has no `signature:` line");
            }
            return new Target(signature, configs, features, memory);
        }

        void write(Path dir) throws IOException {
            Files.writeString(dir.resolve("target.txt"),
                    "signature: " + signature + "\nconfigurations: " + String.join(",", configs.stream().map(FuzzConfiguration::label).toList())
                            + "\nfeatures: " + String.join(" ", features) + "\nmemory: " + (compareMemory ? "compared" : "not compared") + "\n");
        }
    }

    private final Path root;
    private final int maxPerSignature;
    private final String wasmOpt;
    private final Map<String, Integer> saved = new HashMap<>();

    FailureStore(Path root, int maxPerSignature, String wasmOpt) {
        this.root = root;
        this.maxPerSignature = maxPerSignature;
        this.wasmOpt = wasmOpt;
    }

    /** A folder-name form of a signature. */
    static String slug(String signature) {
        String s = signature.replaceAll("[^A-Za-z0-9._-]+", "_");
        return s.length() > 100 ? s.substring(0, 100) : s;
    }

    /**
     * Saves one divergence class of a module; returns its folder, or null when enough modules of
     * that class are kept already.
     *
     * @param known the expectation's reason, or null for a new divergence
     */
    synchronized Path save(String label, Generated generated, Evaluation evaluation, String signature, List<FuzzConfiguration> configs, String known, String context)
            throws IOException {
        String key = signature + " " + configs;
        int n = saved.merge(key, 1, Integer::sum);
        if (n > maxPerSignature) {
            return null;
        }
        Path dir = root.resolve(slug(signature)).resolve(label);
        Files.createDirectories(dir.resolve("traces"));
        Path module = dir.resolve("module.wasm");
        Files.write(module, generated.bytes());
        new Target(signature, configs, generated.features(), true).write(dir);
        var text = new StringBuilder();
        text.append("wasmrun fuzz divergence\n\n");
        text.append("signature:      ").append(signature).append('\n');
        text.append("configurations: ").append(String.join(", ", configs.stream().map(FuzzConfiguration::label).toList())).append('\n');
        text.append("known:          ").append(known == null ? "no (not in the expectations file)" : "yes: " + known).append('\n');
        text.append("module:         ").append(label).append(" (").append(context).append(")\n");
        text.append("generator:      ").append(generated.generator()).append(": ")
                .append(generated.recipe().contains("\n") ? generated.recipe().substring(0, generated.recipe().indexOf('\n')) : generated.recipe()).append('\n');
        text.append("replay:         scripts/fuzz --replay ").append(module).append('\n');
        text.append("reduce:         scripts/fuzz --reduce-failure ").append(dir).append("\n\n");
        for (FuzzConfiguration c : configs) {
            Divergence d = evaluation.divergence(c, signature);
            text.append("first difference in ").append(c.label()).append(": ").append(d.description()).append('\n');
        }
        Trace reference = evaluation.reference();
        Divergence first = evaluation.divergence(configs.getFirst(), signature);
        text.append('\n').append(evaluation.oracle() != null ? "V8" : "reference (" + evaluation.traces().keySet().iterator().next().label() + ")")
                .append(" around the difference:\n").append(window(reference, first.index()));
        for (FuzzConfiguration c : configs) {
            text.append('\n').append(c.label()).append(" around the difference:\n").append(window(evaluation.traces().get(c), first.index()));
        }
        if (evaluation.oracle() != null) {
            Files.writeString(dir.resolve("traces").resolve("v8.txt"), evaluation.oracle().describe());
        }
        evaluation.traces().forEach((c, t) -> {
            try {
                Files.writeString(dir.resolve("traces").resolve(c.label().replace('/', '-') + ".txt"), t.describe());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        if (generated.generator().equals("edge")) {
            Files.writeString(dir.resolve("module.wat"), generated.recipe().substring(generated.recipe().indexOf('\n') + 1));
        }
        text.append("\nbinaryen's interpreter (wasm-opt --fuzz-exec-before), a third opinion:\n");
        text.append(Tools.binaryenInterpreter(module, wasmOpt, generated.features()));
        Files.writeString(dir.resolve("divergence.txt"), text.toString());
        return dir;
    }

    /** Events {@code index - 12} to {@code index + 6} of a trace, or its first 40 for an escape. */
    static String window(Trace trace, int index) {
        List<Event> events = trace.events();
        int from = index < 0 ? 0 : Math.max(0, index - 12);
        int to = index < 0 ? Math.min(events.size(), 40) : Math.min(events.size(), index + 7);
        var sb = new StringBuilder();
        if (from > 0) {
            sb.append("         ...\n");
        }
        for (int i = from; i < to; i++) {
            sb.append(String.format("  %s %4d  %s%n", i == index ? ">" : " ", i, abbreviate(events.get(i).toString())));
        }
        if (to < events.size()) {
            sb.append("         ... (").append(events.size() - to).append(" more events)\n");
        }
        return sb.toString();
    }

    private static String abbreviate(String s) {
        String one = s.replace("\n", " | ");
        return one.length() > 400 ? one.substring(0, 400) + "..." : one;
    }
}
