package io.wasmrun.runtime.simd;

import com.dylibso.chicory.wasm.types.OpCode;

/**
 * Instructions that change the lane width: narrowing with saturation, extension of the low or high
 * lanes, extended multiplication, the i16 dot product, and the conversions
 * between integer and float lanes.
 */
final class Widening {
    private final Operands o;
    private final Code c;

    Widening(Operands operands) {
        this.o = operands;
        this.c = operands.c;
    }

    boolean lower(OpCode op) {
        switch (op) {
            case I8x16_NARROW_I16x8_S -> narrow(Shape.I16, Shape.I8, -128, 127);
            case I8x16_NARROW_I16x8_U -> narrow(Shape.I16, Shape.I8, 0, 255);
            case I16x8_NARROW_I32x4_S -> narrow(Shape.I32, Shape.I16, -32768, 32767);
            case I16x8_NARROW_I32x4_U -> narrow(Shape.I32, Shape.I16, 0, 65535);

            case I16x8_EXTEND_LOW_I8x16_S -> extend(false, Shape.I8, Shape.I16, Ext.SIGNED);
            case I16x8_EXTEND_HIGH_I8x16_S -> extend(true, Shape.I8, Shape.I16, Ext.SIGNED);
            case I16x8_EXTEND_LOW_I8x16_U -> extend(false, Shape.I8, Shape.I16, Ext.UNSIGNED);
            case I16x8_EXTEND_HIGH_I8x16_U -> extend(true, Shape.I8, Shape.I16, Ext.UNSIGNED);
            case I32x4_EXTEND_LOW_I16x8_S -> extend(false, Shape.I16, Shape.I32, Ext.SIGNED);
            case I32x4_EXTEND_HIGH_I16x8_S -> extend(true, Shape.I16, Shape.I32, Ext.SIGNED);
            case I32x4_EXTEND_LOW_I16x8_U -> extend(false, Shape.I16, Shape.I32, Ext.UNSIGNED);
            case I32x4_EXTEND_HIGH_I16x8_U -> extend(true, Shape.I16, Shape.I32, Ext.UNSIGNED);
            case I64x2_EXTEND_LOW_I32x4_S -> extend(false, Shape.I32, Shape.I64, Ext.SIGNED);
            case I64x2_EXTEND_HIGH_I32x4_S -> extend(true, Shape.I32, Shape.I64, Ext.SIGNED);
            case I64x2_EXTEND_LOW_I32x4_U -> extend(false, Shape.I32, Shape.I64, Ext.UNSIGNED);
            case I64x2_EXTEND_HIGH_I32x4_U -> extend(true, Shape.I32, Shape.I64, Ext.UNSIGNED);

            case I16x8_EXTMUL_LOW_I8x16_S -> extmul(false, Shape.I8, Shape.I16, Ext.SIGNED);
            case I16x8_EXTMUL_HIGH_I8x16_S -> extmul(true, Shape.I8, Shape.I16, Ext.SIGNED);
            case I16x8_EXTMUL_LOW_I8x16_U -> extmul(false, Shape.I8, Shape.I16, Ext.UNSIGNED);
            case I16x8_EXTMUL_HIGH_I8x16_U -> extmul(true, Shape.I8, Shape.I16, Ext.UNSIGNED);
            case I32x4_EXTMUL_LOW_I16x8_S -> extmul(false, Shape.I16, Shape.I32, Ext.SIGNED);
            case I32x4_EXTMUL_HIGH_I16x8_S -> extmul(true, Shape.I16, Shape.I32, Ext.SIGNED);
            case I32x4_EXTMUL_LOW_I16x8_U -> extmul(false, Shape.I16, Shape.I32, Ext.UNSIGNED);
            case I32x4_EXTMUL_HIGH_I16x8_U -> extmul(true, Shape.I16, Shape.I32, Ext.UNSIGNED);
            case I64x2_EXTMUL_LOW_I32x4_S -> extmul(false, Shape.I32, Shape.I64, Ext.SIGNED);
            case I64x2_EXTMUL_HIGH_I32x4_S -> extmul(true, Shape.I32, Shape.I64, Ext.SIGNED);
            case I64x2_EXTMUL_LOW_I32x4_U -> extmul(false, Shape.I32, Shape.I64, Ext.UNSIGNED);
            case I64x2_EXTMUL_HIGH_I32x4_U -> extmul(true, Shape.I32, Shape.I64, Ext.UNSIGNED);

            case I32x4_DOT_I16x8_S -> dot();

            case I32x4_TRUNC_SAT_F32X4_S -> convert(Shape.F32, Shape.I32, Op.MISC, Op.I32_TRUNC_SAT_F32_S);
            case I32x4_TRUNC_SAT_F32X4_U -> convert(Shape.F32, Shape.I32, Op.MISC, Op.I32_TRUNC_SAT_F32_U);
            case F32x4_CONVERT_I32x4_S -> convert(Shape.I32, Shape.F32, Op.F32_CONVERT_I32_S, -1);
            case F32x4_CONVERT_I32x4_U -> convert(Shape.I32, Shape.F32, Op.F32_CONVERT_I32_U, -1);
            case I32x4_TRUNC_SAT_F64x2_S_ZERO -> toZeroedLow(Shape.I32, Op.MISC, Op.I32_TRUNC_SAT_F64_S);
            case I32x4_TRUNC_SAT_F64x2_U_ZERO -> toZeroedLow(Shape.I32, Op.MISC, Op.I32_TRUNC_SAT_F64_U);
            case F32x4_DEMOTE_LOW_F64x2_ZERO -> toZeroedLow(Shape.F32, Op.F32_DEMOTE_F64, -1);
            case F64x2_CONVERT_LOW_I32x4_S -> fromLow(Shape.I32, Op.F64_CONVERT_I32_S);
            case F64x2_CONVERT_LOW_I32x4_U -> fromLow(Shape.I32, Op.F64_CONVERT_I32_U);
            case F64x2_PROMOTE_LOW_F32x4 -> fromLow(Shape.F32, Op.F64_PROMOTE_F32);
            default -> {
                return false;
            }
        }
        return true;
    }

    private void narrow(Shape from, Shape to, int min, int max) {
        o.pop(2);
        int value = o.t.i32(1);
        int perHalf = from.perHalf();
        for (int operand = 0; operand < 2; operand++) {
            for (int k = 0; k < to.perHalf(); k++) {
                Lanes.get(c, from, k < perHalf ? o.lo(operand) : o.hi(operand), k % perHalf, Ext.SIGNED);
                c.tee(value).i32(min).get(value).i32(min).op(Op.I32_GT_S).op(Op.SELECT);
                c.tee(value).i32(max).get(value).i32(max).op(Op.I32_LT_S).op(Op.SELECT);
                Lanes.put(c, to, k);
            }
        }
    }

    private void extend(boolean high, Shape from, Shape to, Ext ext) {
        o.pop(1);
        extendHalf(high ? o.hi(0) : o.lo(0), from, to, ext);
    }

    /** Pushes the vector of the lanes of half {@code source}, each extended from {@code from} to {@code to}. */
    void extendHalf(int source, Shape from, Shape to, Ext ext) {
        int perHalf = to.perHalf();
        for (int j = 0; j < from.perHalf(); j++) {
            Lanes.get(c, from, source, j, ext);
            if (to == Shape.I64) {
                c.op(ext == Ext.SIGNED ? Op.I64_EXTEND_I32_S : Op.I64_EXTEND_I32_U);
            }
            Lanes.put(c, to, j % perHalf);
        }
    }

    private void extmul(boolean high, Shape from, Shape to, Ext ext) {
        o.pop(2);
        int a = high ? o.hi(0) : o.lo(0);
        int b = high ? o.hi(1) : o.lo(1);
        int perHalf = to.perHalf();
        for (int j = 0; j < from.perHalf(); j++) {
            for (int operand : new int[] {a, b}) {
                Lanes.get(c, from, operand, j, ext);
                if (to == Shape.I64) {
                    c.op(ext == Ext.SIGNED ? Op.I64_EXTEND_I32_S : Op.I64_EXTEND_I32_U);
                }
            }
            c.op(to == Shape.I64 ? Op.I64_MUL : Op.I32_MUL);
            Lanes.put(c, to, j % perHalf);
        }
    }

    /** Result lane j is {@code a[2j] * b[2j] + a[2j+1] * b[2j+1]}, of signed i16 lanes. */
    private void dot() {
        o.pop(2);
        for (int h = 0; h < 2; h++) {
            int a = h == 0 ? o.lo(0) : o.hi(0);
            int b = h == 0 ? o.lo(1) : o.hi(1);
            for (int j = 0; j < 2; j++) {
                for (int lane = 2 * j; lane <= 2 * j + 1; lane++) {
                    Lanes.get(c, Shape.I16, a, lane, Ext.SIGNED);
                    Lanes.get(c, Shape.I16, b, lane, Ext.SIGNED);
                    c.op(Op.I32_MUL);
                }
                c.op(Op.I32_ADD);
                Lanes.put(c, Shape.I32, j);
            }
        }
    }

    private void convert(Shape from, Shape to, int opcode, int sub) {
        o.pop(1);
        o.resultLanes(to, k -> {
            o.lane(0, from, k, Ext.RAW);
            scalar(opcode, sub);
        });
    }

    /** The two f64 lanes converted into the low two lanes of {@code to}; the high half is zero. */
    private void toZeroedLow(Shape to, int opcode, int sub) {
        o.pop(1);
        for (int k = 0; k < 2; k++) {
            Lanes.get(c, Shape.F64, k == 0 ? o.lo(0) : o.hi(0), 0, Ext.RAW);
            scalar(opcode, sub);
            Lanes.put(c, to, k);
        }
        c.i64(0);
    }

    /** The low two lanes of {@code from} converted to f64. */
    private void fromLow(Shape from, int opcode) {
        o.pop(1);
        for (int k = 0; k < 2; k++) {
            Lanes.get(c, from, o.lo(0), k, Ext.RAW);
            c.op(opcode);
            Lanes.put(c, Shape.F64, 0);
        }
    }

    private void scalar(int opcode, int sub) {
        if (opcode == Op.MISC) {
            c.misc(sub);
        } else {
            c.op(opcode);
        }
    }
}
