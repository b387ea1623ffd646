package io.wasmrun.spectest.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The wasm features the generator may use, by binaryen's names ({@code wasm-opt --enable-NAME}).
 * The default is what wasmrun runs and Debian's binaryen 108 generates valid modules for: bulk
 * memory, multi-value, sign extension, saturating float-to-int conversions and mutable globals.
 * Reference types are off (binaryen 108's translate-to-fuzz then emits non-nullable references,
 * which V8 in node 20 rejects), SIMD too (wasmrun cannot run it yet).
 */
public record Features(Set<String> names) {
    public static final List<String> DEFAULT = List.of("bulk-memory", "multivalue", "sign-ext", "nontrapping-float-to-int", "mutable-globals");

    /** What binaryen 108 knows (wasm-opt --help). */
    static final Set<String> KNOWN =
            Set.of(
                    "sign-ext", "threads", "mutable-globals", "nontrapping-float-to-int", "simd", "bulk-memory", "exception-handling",
                    "tail-call", "reference-types", "multivalue", "gc", "memory64", "typed-function-references", "gc-nn-locals",
                    "relaxed-simd", "extended-const", "strings", "multi-memories");

    public Features {
        names = Set.copyOf(new LinkedHashSet<>(names));
    }

    public static Features defaults() {
        return new Features(new LinkedHashSet<>(DEFAULT));
    }

    /**
     * Reads {@code --features}: a comma-separated list that replaces the default, or changes to the
     * default ({@code +reference-types,-multivalue}); {@code default} and {@code mvp} stand for
     * those sets.
     */
    public static Features parse(String text) {
        Set<String> names = new LinkedHashSet<>();
        boolean relative = true;
        for (String word : text.split(",")) {
            String w = word.strip();
            if (w.isEmpty()) {
                continue;
            }
            if (!w.startsWith("+") && !w.startsWith("-")) {
                relative = false;
            }
        }
        if (relative) {
            names.addAll(DEFAULT);
        }
        for (String word : text.split(",")) {
            String w = word.strip();
            if (w.isEmpty() || w.equals("mvp")) {
                continue;
            }
            if (w.equals("default")) {
                names.addAll(DEFAULT);
                continue;
            }
            boolean remove = w.startsWith("-");
            String name = w.startsWith("+") || w.startsWith("-") ? w.substring(1) : w;
            if (!KNOWN.contains(name)) {
                throw new IllegalArgumentException("unknown feature `" + name + "` (binaryen's names: " + String.join(", ", new java.util.TreeSet<>(KNOWN)) + ")");
            }
            if (remove) {
                names.remove(name);
            } else {
                names.add(name);
            }
        }
        return new Features(names);
    }

    /** {@code --mvp-features --enable-bulk-memory ...}, for wasm-opt and wasm-reduce. */
    public List<String> flags() {
        List<String> flags = new ArrayList<>();
        flags.add("--mvp-features");
        for (String name : DEFAULT) {
            if (names.contains(name)) {
                flags.add("--enable-" + name);
            }
        }
        names.stream().filter(n -> !DEFAULT.contains(n)).sorted().forEach(n -> flags.add("--enable-" + n));
        return flags;
    }

    @Override
    public String toString() {
        List<String> ordered = new ArrayList<>();
        DEFAULT.stream().filter(names::contains).forEach(ordered::add);
        names.stream().filter(n -> !DEFAULT.contains(n)).sorted().forEach(ordered::add);
        return ordered.isEmpty() ? "mvp" : String.join(",", ordered);
    }
}
