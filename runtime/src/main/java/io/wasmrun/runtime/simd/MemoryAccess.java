package io.wasmrun.runtime.simd;

import com.dylibso.chicory.wasm.types.OpCode;

/**
 * v128 loads and stores as i64 and narrower accesses. A 16-byte access is two 8-byte ones at
 * {@code offset} and {@code offset + 8}; a store writes the high half first, so when any byte is out
 * of bounds it traps before writing anything (the low half lies below it). An offset so large that
 * {@code offset + 8} does not fit the memory argument cannot be in bounds, so the high access then
 * uses the largest offset, which traps the same way.
 */
final class MemoryAccess {
    private static final long MAX_OFFSET = 0xffff_ffffL;

    private final Operands o;
    private final Code c;
    private final LaneMoves lanes;
    private final Widening widening;

    MemoryAccess(Operands operands, LaneMoves lanes, Widening widening) {
        this.o = operands;
        this.c = operands.c;
        this.lanes = lanes;
        this.widening = widening;
    }

    /** {@code operands}: Chicory's alignment, offset and memory index, then the lane of a lane access. */
    boolean lower(OpCode op, long[] operands) {
        long align = operands[0];
        long offset = operands[1];
        long memory = operands[2];
        switch (op) {
            case V128_LOAD -> {
                int address = o.popScalar(Op.TYPE_I32, 0);
                c.get(address).memory(Op.I64_LOAD, Math.min(align, 3), offset, memory);
                c.get(address).memory(Op.I64_LOAD, Math.min(align, 3), highOffset(offset), memory);
            }
            case V128_STORE -> {
                o.pop(1);
                int address = o.popScalar(Op.TYPE_I32, 0);
                c.get(address).get(o.hi(0)).memory(Op.I64_STORE, Math.min(align, 3), highOffset(offset), memory);
                c.get(address).get(o.lo(0)).memory(Op.I64_STORE, Math.min(align, 3), offset, memory);
            }
            case V128_LOAD8x8_S -> extending(Shape.I8, Shape.I16, Ext.SIGNED, align, offset, memory);
            case V128_LOAD8x8_U -> extending(Shape.I8, Shape.I16, Ext.UNSIGNED, align, offset, memory);
            case V128_LOAD16x4_S -> extending(Shape.I16, Shape.I32, Ext.SIGNED, align, offset, memory);
            case V128_LOAD16x4_U -> extending(Shape.I16, Shape.I32, Ext.UNSIGNED, align, offset, memory);
            case V128_LOAD32x2_S -> extending(Shape.I32, Shape.I64, Ext.SIGNED, align, offset, memory);
            case V128_LOAD32x2_U -> extending(Shape.I32, Shape.I64, Ext.UNSIGNED, align, offset, memory);
            case V128_LOAD8_SPLAT -> splat(Shape.I8, align, offset, memory);
            case V128_LOAD16_SPLAT -> splat(Shape.I16, align, offset, memory);
            case V128_LOAD32_SPLAT -> splat(Shape.I32, align, offset, memory);
            case V128_LOAD64_SPLAT -> splat(Shape.I64, align, offset, memory);
            case V128_LOAD32_ZERO -> {
                c.get(o.popScalar(Op.TYPE_I32, 0));
                c.memory(Op.I64_LOAD32_U, Math.min(align, 2), offset, memory);
                c.i64(0);
            }
            case V128_LOAD64_ZERO -> {
                c.get(o.popScalar(Op.TYPE_I32, 0));
                c.memory(Op.I64_LOAD, Math.min(align, 3), offset, memory);
                c.i64(0);
            }
            case V128_LOAD8_LANE -> loadLane(Shape.I8, align, offset, memory, (int) operands[3]);
            case V128_LOAD16_LANE -> loadLane(Shape.I16, align, offset, memory, (int) operands[3]);
            case V128_LOAD32_LANE -> loadLane(Shape.I32, align, offset, memory, (int) operands[3]);
            case V128_LOAD64_LANE -> loadLane(Shape.I64, align, offset, memory, (int) operands[3]);
            case V128_STORE8_LANE -> storeLane(Shape.I8, align, offset, memory, (int) operands[3]);
            case V128_STORE16_LANE -> storeLane(Shape.I16, align, offset, memory, (int) operands[3]);
            case V128_STORE32_LANE -> storeLane(Shape.I32, align, offset, memory, (int) operands[3]);
            case V128_STORE64_LANE -> storeLane(Shape.I64, align, offset, memory, (int) operands[3]);
            default -> {
                return false;
            }
        }
        return true;
    }

    private static long highOffset(long offset) {
        return offset + 8 > MAX_OFFSET ? MAX_OFFSET : offset + 8;
    }

    /** Loads 8 bytes and extends each of their lanes to twice its width. */
    private void extending(Shape from, Shape to, Ext ext, long align, long offset, long memory) {
        int source = o.half(0);
        c.get(o.popScalar(Op.TYPE_I32, 0));
        c.memory(Op.I64_LOAD, Math.min(align, 3), offset, memory).set(source);
        widening.extendHalf(source, from, to, ext);
    }

    private void splat(Shape shape, long align, long offset, long memory) {
        int value = o.t.scalar(Lanes.scalarType(shape), 1);
        c.get(o.popScalar(Op.TYPE_I32, 0));
        c.memory(loadOf(shape), Math.min(align, log2(shape)), offset, memory).set(value);
        lanes.splat(shape, value);
    }

    private void loadLane(Shape shape, long align, long offset, long memory, int lane) {
        o.pop(1);
        int address = o.popScalar(Op.TYPE_I32, 0);
        int value = o.t.scalar(Lanes.scalarType(shape), 1);
        c.get(address).memory(loadOf(shape), Math.min(align, log2(shape)), offset, memory).set(value);
        lanes.replaced(shape, lane, value);
    }

    private void storeLane(Shape shape, long align, long offset, long memory, int lane) {
        o.pop(1);
        c.get(o.popScalar(Op.TYPE_I32, 0));
        Lanes.get(c, shape, lane < shape.perHalf() ? o.lo(0) : o.hi(0), lane % shape.perHalf(), Ext.RAW);
        int store = switch (shape) {
            case I8 -> Op.I32_STORE8;
            case I16 -> Op.I32_STORE16;
            case I32 -> Op.I32_STORE;
            default -> Op.I64_STORE;
        };
        c.memory(store, Math.min(align, log2(shape)), offset, memory);
    }

    private static int loadOf(Shape shape) {
        return switch (shape) {
            case I8 -> Op.I32_LOAD8_U;
            case I16 -> Op.I32_LOAD16_U;
            case I32 -> Op.I32_LOAD;
            default -> Op.I64_LOAD;
        };
    }

    private static int log2(Shape shape) {
        return Integer.numberOfTrailingZeros(shape.bits / 8);
    }
}
