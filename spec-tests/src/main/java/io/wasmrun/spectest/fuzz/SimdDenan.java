package io.wasmrun.spectest.fuzz;

import io.wasmrun.text.lexer.SourceSpans;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * What binaryen 108's {@code --denan} leaves out: SIMD. In binaryen's text form of a module, every
 * f32x4 or f64x2 instruction whose NaN results carry a payload the spec leaves to the engine (the
 * arithmetic ones, and the conversions between the two shapes) gets wrapped in a call of a helper
 * that replaces each NaN lane by +0, as {@code --denan} replaces a scalar NaN result. V8 and
 * wasmrun do choose differently (of two NaN operands, V8 keeps the first one's payload, wasmrun's
 * lowering often the second's), and integer SIMD instructions, extracted lanes and stores carry a
 * lane's bits on to logs, addresses and memory, where no {@link NanRule} can tell them apart.
 * {@code pmin}, {@code pmax}, {@code abs} and {@code neg} choose no payload and stay.
 *
 * <p>A call makes wasmrun's SIMD lowering push the v128 operands it keeps pending, so the variant
 * also runs differently lowered code: a lowering bug whose divergence looks NaN-sensitive can
 * vanish there (one module of the seed-3001 campaign, {@code memory-state:end}, of the operand
 * order bug in {@code spec-tests/fuzz-cases/simd-scalar-between-v128-values.wat}); the summary
 * lists such modules under "NaN payloads", worth a look while SIMD is new.
 */
final class SimdDenan {
    static final String F32X4_HELPER = "$__wasmrun_deNanF32x4";
    static final String F64X2_HELPER = "$__wasmrun_deNanF64x2";

    private static final Set<String> ARITHMETIC = Set.of("add", "sub", "mul", "div", "min", "max", "sqrt", "ceil", "floor", "trunc", "nearest");
    private static final Set<String> F32X4_EXTRA = Set.of("f32x4.demote_f64x2_zero");
    private static final Set<String> F64X2_EXTRA = Set.of("f64x2.promote_low_f32x4");

    private SimdDenan() {}

    /** The helper that {@code instruction} is wrapped in, or null when it stays as it is. */
    static String helper(String instruction) {
        int dot = instruction.indexOf('.');
        if (dot < 0) {
            return null;
        }
        String shape = instruction.substring(0, dot);
        String op = instruction.substring(dot + 1);
        if (shape.equals("f32x4") && (ARITHMETIC.contains(op) || F32X4_EXTRA.contains(instruction))) {
            return F32X4_HELPER;
        }
        if (shape.equals("f64x2") && (ARITHMETIC.contains(op) || F64X2_EXTRA.contains(instruction))) {
            return F64X2_HELPER;
        }
        return null;
    }

    /**
     * The module {@code wat} (binaryen's folded text form, as {@code wasm-opt --print} writes it)
     * with its SIMD float results de-NaN'd and the two helpers added; {@code wat} itself when it
     * has no such instruction, null when it does not end like a module.
     */
    static String apply(String wat) {
        StringBuilder out = new StringBuilder(wat.length() + 1024);
        Deque<Boolean> wrapped = new ArrayDeque<>();
        int wraps = 0;
        int n = wat.length();
        int i = 0;
        while (i < n) {
            char ch = wat.charAt(i);
            if (ch == '"') {
                int j = SourceSpans.afterString(wat, i);
                out.append(wat, i, j);
                i = j;
            } else if (ch == ';' && i + 1 < n && wat.charAt(i + 1) == ';') {
                int j = wat.indexOf('\n', i);
                j = j < 0 ? n : j;
                out.append(wat, i, j);
                i = j;
            } else if (ch == '(' && i + 1 < n && wat.charAt(i + 1) == ';') {
                int j = SourceSpans.afterBlockComment(wat, i);
                out.append(wat, i, j);
                i = j;
            } else if (ch == '(') {
                int j = i + 1;
                while (j < n && !Character.isWhitespace(wat.charAt(j)) && wat.charAt(j) != '(' && wat.charAt(j) != ')') {
                    j++;
                }
                String helper = helper(wat.substring(i + 1, j));
                if (helper != null) {
                    out.append("(call ").append(helper).append(' ');
                    wraps++;
                }
                wrapped.push(helper != null);
                out.append(wat, i, j);
                i = j;
            } else if (ch == ')') {
                out.append(wrapped.isEmpty() || !wrapped.pop() ? ")" : "))");
                i++;
            } else {
                out.append(ch);
                i++;
            }
        }
        if (wraps == 0) {
            return wat;
        }
        int end = out.length();
        while (end > 0 && Character.isWhitespace(out.charAt(end - 1))) {
            end--;
        }
        if (end == 0 || out.charAt(end - 1) != ')') {
            return null;
        }
        out.setLength(end - 1);
        out.append(" (func ").append(F32X4_HELPER).append(" (param $0 v128) (result v128)\n")
                .append("  (v128.and (local.get $0) (f32x4.eq (local.get $0) (local.get $0))))\n")
                .append(" (func ").append(F64X2_HELPER).append(" (param $0 v128) (result v128)\n")
                .append("  (v128.and (local.get $0) (f64x2.eq (local.get $0) (local.get $0))))\n")
                .append(")\n");
        return out.toString();
    }
}
