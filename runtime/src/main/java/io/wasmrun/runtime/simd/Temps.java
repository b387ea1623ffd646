package io.wasmrun.runtime.simd;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The scratch locals a lowered function declares after its own. A fixed pool serves the inside of
 * one instruction's lowering: two i64 halves, two i64, four i32, two f32 and two f64 scalars. Values
 * that live from one instruction to the next (the v128s {@link Operands} keeps out of the operand
 * stack) take locals allocated on demand and returned when consumed, reused by type.
 */
final class Temps {
    private static final int[] FIXED_TYPES = {Op.TYPE_I64, Op.TYPE_I32, Op.TYPE_F32, Op.TYPE_F64};
    private static final int[] FIXED_COUNTS = {4, 4, 2, 2};
    private static final int FIXED = 12;

    private final int base;
    private final List<Integer> dynamicTypes = new ArrayList<>();
    private final Map<Integer, ArrayDeque<Integer>> free = new HashMap<>();

    Temps(int base) {
        this.base = base;
    }

    /** Intermediate half {@code n} (0 or 1). */
    int half(int n) {
        return base + check(n, 2);
    }

    int i32(int n) {
        return base + 4 + check(n, 4);
    }

    /** A fixed scratch local for a scalar of wasm type {@code type}. */
    int scalar(int type, int n) {
        return switch (type) {
            case Op.TYPE_I32 -> i32(n);
            case Op.TYPE_I64 -> base + 2 + check(n, 2);
            case Op.TYPE_F32 -> base + 8 + check(n, 2);
            case Op.TYPE_F64 -> base + 10 + check(n, 2);
            default -> throw new IllegalArgumentException("no scratch local of type " + type);
        };
    }

    /** A local of {@code type} for a value that outlives one instruction. */
    int allocate(int type) {
        var reusable = free.get(type);
        if (reusable != null && !reusable.isEmpty()) {
            return reusable.pop();
        }
        dynamicTypes.add(type);
        return base + FIXED + dynamicTypes.size() - 1;
    }

    void release(int local) {
        int type = dynamicTypes.get(local - base - FIXED);
        free.computeIfAbsent(type, k -> new ArrayDeque<>()).push(local);
    }

    /** The local declarations of every scratch local: groups of {count, type}, in index order. */
    List<long[]> groups() {
        var groups = new ArrayList<long[]>();
        for (int i = 0; i < FIXED_TYPES.length; i++) {
            groups.add(new long[] {FIXED_COUNTS[i], FIXED_TYPES[i]});
        }
        for (int type : dynamicTypes) {
            long[] last = groups.get(groups.size() - 1);
            if (last[1] == type) {
                last[0]++;
            } else {
                groups.add(new long[] {1, type});
            }
        }
        return groups;
    }

    private static int check(int n, int size) {
        if (n < 0 || n >= size) {
            throw new IllegalArgumentException("scratch local " + n + " of " + size);
        }
        return n;
    }
}
