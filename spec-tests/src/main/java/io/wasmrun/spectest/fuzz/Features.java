package io.wasmrun.spectest.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The wasm features the generator may use, by binaryen's names ({@code wasm-opt --enable-NAME}).
 * The default is what wasmrun runs and Debian's binaryen 108 generates valid modules for: bulk
 * memory, multi-value, sign extension, saturating float-to-int conversions, mutable globals and
 * SIMD.
 * Reference types are off (binaryen 108's translate-to-fuzz then emits non-nullable references,
 * which V8 in node 20 rejects).
 *
 * <p>SIMD ({@code simd}) is supported: wasmrun runs v128 code by lowering it to scalar code
 * ({@code io.wasmrun.runtime.simd}), V8 in node 20 accepts binaryen 108's SIMD modules, and both
 * runners provide the {@code fuzzing-support.log-v128} import that translate-to-fuzz adds with
 * SIMD (without it no such module links) and call exports with v128 parameters and results. A
 * v128 compares per float lane ({@link NanRule}), and a module's --denan variant has its f32x4 and
 * f64x2 results de-NaN'd too ({@link SimdDenan}), which binaryen 108's --denan does not do.
 *
 * <p>The first campaign with it (seed 3001, 3000 modules) found a lowering bug in about a quarter
 * of the translate-to-fuzz modules, a scalar pushed between two v128 values ending up above the
 * second one ({@code spec-tests/fuzz-cases/simd-scalar-between-*}); with the fix (a barrier in
 * {@code Operands.result()}), seeds 3001-3004 (19,000 modules) were clean apart from NaN payloads.
 * {@code relaxed-simd} stays off: the lowering does not cover it and node 20's V8 rejects it
 * without {@code --experimental-relaxed-simd}.
 */
public record Features(Set<String> names) {
    public static final List<String> DEFAULT = List.of("bulk-memory", "multivalue", "sign-ext", "nontrapping-float-to-int", "mutable-globals", "simd");

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
