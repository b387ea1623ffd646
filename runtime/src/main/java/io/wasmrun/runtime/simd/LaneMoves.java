package io.wasmrun.runtime.simd;

import com.dylibso.chicory.wasm.types.OpCode;

/**
 * Instructions that move lanes between vectors and scalars: {@code v128.const}, splat, extract
 * and replace lane, {@code i8x16.shuffle} (by runs of bytes that keep their distance) and {@code
 * i8x16.swizzle} (through a {@link Helpers helper}).
 */
final class LaneMoves {
    private final Operands o;
    private final Code c;

    private final Helpers helpers;

    LaneMoves(Operands operands, Helpers helpers) {
        this.o = operands;
        this.c = operands.c;
        this.helpers = helpers;
    }

    boolean lower(OpCode op, long[] operands) {
        switch (op) {
            case V128_CONST -> c.i64(operands[0]).i64(operands[1]);
            case I8x16_SPLAT -> splat(Shape.I8);
            case I16x8_SPLAT -> splat(Shape.I16);
            case I32x4_SPLAT -> splat(Shape.I32);
            case I64x2_SPLAT -> splat(Shape.I64);
            case F32x4_SPLAT -> splat(Shape.F32);
            case F64x2_SPLAT -> splat(Shape.F64);
            case I8x16_EXTRACT_LANE_S -> extract(Shape.I8, (int) operands[0], Ext.SIGNED);
            case I8x16_EXTRACT_LANE_U -> extract(Shape.I8, (int) operands[0], Ext.UNSIGNED);
            case I16x8_EXTRACT_LANE_S -> extract(Shape.I16, (int) operands[0], Ext.SIGNED);
            case I16x8_EXTRACT_LANE_U -> extract(Shape.I16, (int) operands[0], Ext.UNSIGNED);
            case I32x4_EXTRACT_LANE -> extract(Shape.I32, (int) operands[0], Ext.RAW);
            case I64x2_EXTRACT_LANE -> extract(Shape.I64, (int) operands[0], Ext.RAW);
            case F32x4_EXTRACT_LANE -> extract(Shape.F32, (int) operands[0], Ext.RAW);
            case F64x2_EXTRACT_LANE -> extract(Shape.F64, (int) operands[0], Ext.RAW);
            case I8x16_REPLACE_LANE -> replace(Shape.I8, (int) operands[0]);
            case I16x8_REPLACE_LANE -> replace(Shape.I16, (int) operands[0]);
            case I32x4_REPLACE_LANE -> replace(Shape.I32, (int) operands[0]);
            case I64x2_REPLACE_LANE -> replace(Shape.I64, (int) operands[0]);
            case F32x4_REPLACE_LANE -> replace(Shape.F32, (int) operands[0]);
            case F64x2_REPLACE_LANE -> replace(Shape.F64, (int) operands[0]);
            case I8x16_SHUFFLE -> shuffle(operands[0], operands[1]);
            case I8x16_SWIZZLE -> swizzle();
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Pops a scalar lane value and pushes a vector with it in every lane. */
    void splat(Shape shape) {
        if (shape.bits == 32) {
            int value = o.t.allocate(Lanes.scalarType(shape));
            o.popScalar(Lanes.scalarType(shape), 0);
            c.get(o.t.scalar(Lanes.scalarType(shape), 0)).set(value);
            o.resultLanes(shape, new int[] {value, value, value, value});
            return;
        }
        splat(shape, o.popScalar(Lanes.scalarType(shape), 0));
    }

    /** Pushes a vector with the scalar in local {@code value} in every lane. */
    void splat(Shape shape, int value) {
        int half = o.half(0);
        c.get(value);
        switch (shape) {
            case I8, I16 -> c.i32((int) shape.mask()).op(Op.I32_AND).op(Op.I64_EXTEND_I32_U).i64(shape.replicate(1)).op(Op.I64_MUL);
            case I32 -> c.op(Op.I64_EXTEND_I32_U).i64(Shape.I32.replicate(1)).op(Op.I64_MUL);
            case F32 -> c.op(Op.I32_REINTERPRET_F32).op(Op.I64_EXTEND_I32_U).i64(Shape.I32.replicate(1)).op(Op.I64_MUL);
            case I64 -> {}
            case F64 -> c.op(Op.I64_REINTERPRET_F64);
        }
        c.set(half).get(half).get(half);
    }

    private void extract(Shape shape, int lane, Ext ext) {
        o.pop(1);
        o.lane(0, shape, lane, ext);
    }

    /**
     * Pops a scalar and a vector, pushes the vector with lane {@code lane} replaced; a vector of
     * 32-bit lanes stays lanes, so building one lane by lane packs nothing.
     */
    void replace(Shape shape, int lane) {
        int value = o.popScalar(Lanes.scalarType(shape), 0);
        o.pop(1);
        if (shape.bits == 32) {
            o.resultLanes(shape, k -> {
                if (k == lane) {
                    c.get(value);
                } else {
                    o.lane(0, shape, k, Ext.RAW);
                }
            });
            return;
        }
        replaced(shape, lane, value);
    }

    /** Pushes operand 0 with lane {@code lane} replaced by the scalar in local {@code value}. */
    void replaced(Shape shape, int lane, int value) {
        boolean low = lane < shape.perHalf();
        if (!low) {
            c.get(o.lo(0));
        }
        int k = lane % shape.perHalf();
        if (shape.bits == 64) {
            c.get(value);
            Lanes.position(c, shape, 0);
        } else {
            c.get(low ? o.lo(0) : o.hi(0)).i64(~(shape.mask() << (k * shape.bits))).op(Op.I64_AND);
            c.get(value);
            Lanes.position(c, shape, k);
            c.op(Op.I64_OR);
        }
        if (low) {
            c.get(o.hi(0));
        }
    }

    /**
     * Each result half is built from runs of consecutive result bytes whose source bytes lie in one
     * operand half at the same distance: one shift and one mask per run.
     */
    private void shuffle(long lanesLo, long lanesHi) {
        o.pop(2);
        int[] source = new int[16];
        for (int i = 0; i < 8; i++) {
            source[i] = (int) ((lanesLo >>> (8 * i)) & 0xff);
            source[i + 8] = (int) ((lanesHi >>> (8 * i)) & 0xff);
        }
        for (int h = 0; h < 2; h++) {
            boolean first = true;
            int k = 0;
            while (k < 8) {
                int s = source[8 * h + k];
                int end = k + 1;
                while (end < 8 && source[8 * h + end] == s + (end - k) && (s % 8) + (end - k) < 8) {
                    end++;
                }
                int operand = s / 16;
                int local = (s % 16) < 8 ? o.lo(operand) : o.hi(operand);
                int distance = (s % 8) - k;
                c.get(local);
                if (distance > 0) {
                    c.shrU64(8 * distance);
                } else if (distance < 0) {
                    c.shl64(-8 * distance);
                }
                long mask = (end - k == 8 ? -1L : (1L << (8 * (end - k))) - 1) << (8 * k);
                if (mask != -1L) {
                    c.i64(mask).op(Op.I64_AND);
                }
                if (!first) {
                    c.op(Op.I64_OR);
                }
                first = false;
                k = end;
            }
        }
    }

    /** Two calls of the swizzle helper, one per result half. */
    private void swizzle() {
        o.pop(2);
        int helper = helpers.swizzle();
        c.get(o.lo(0)).get(o.hi(0)).get(o.lo(1)).call(helper);
        c.get(o.lo(0)).get(o.hi(0)).get(o.hi(1)).call(helper);
    }
}
