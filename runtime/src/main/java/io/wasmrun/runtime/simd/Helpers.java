package io.wasmrun.runtime.simd;

import java.util.ArrayList;
import java.util.List;

/**
 * Functions the lowering appends to a module for instructions too long to repeat inline: today
 * {@code i8x16.swizzle}, whose byte-by-byte selection takes about 350 scalar instructions and would
 * push the functions that use it past the JIT's method size limits. Each helper computes one result
 * half, so it returns a single i64.
 */
final class Helpers {
    /** Type index of {@code (i64 i64 i64) -> i64}, appended after the module's types. */
    private final int halfType;
    private final int firstIndex;
    private final List<byte[]> bodies = new ArrayList<>();
    private int swizzle = -1;

    /**
     * @param halfType the index the helper type gets in the type section
     * @param firstIndex the function index of the first helper: the module's function count
     */
    Helpers(int halfType, int firstIndex) {
        this.halfType = halfType;
        this.firstIndex = firstIndex;
    }

    /**
     * The function that computes half of {@code i8x16.swizzle}: from the operand's halves and one
     * half of the indices, the matching half of the result.
     */
    int swizzle() {
        if (swizzle < 0) {
            swizzle = firstIndex + bodies.size();
            bodies.add(swizzleBody());
        }
        return swizzle;
    }

    /** The type of every helper. */
    int type() {
        return halfType;
    }

    List<byte[]> bodies() {
        return bodies;
    }

    /** Result byte k is the operand's byte {@code s[k]}, or 0 when {@code s[k]} is 16 or more. */
    private static byte[] swizzleBody() {
        int lo = 0;
        int hi = 1;
        int indices = 2;
        int index = 3;
        var c = new Code(512);
        c.unsigned(1).unsigned(1).op(Op.TYPE_I32);
        for (int k = 0; k < 8; k++) {
            Lanes.get(c, Shape.I8, indices, k, Ext.UNSIGNED);
            c.set(index);
            c.get(lo).get(hi).get(index).i32(8).op(Op.I32_LT_U).op(Op.SELECT);
            c.get(index).i32(7).op(Op.I32_AND).i32(3).op(Op.I32_SHL).op(Op.I64_EXTEND_I32_U).op(Op.I64_SHR_U);
            c.i64(0).get(index).i32(16).op(Op.I32_LT_U).op(Op.SELECT);
            c.op(Op.I32_WRAP_I64);
            Lanes.put(c, Shape.I8, k);
        }
        c.op(Op.END);
        return c.toBytes();
    }
}
