package io.wasmrun.runtime.simd;

import com.dylibso.chicory.wasm.types.OpCode;
import java.util.function.IntConsumer;

/**
 * Lane-wise integer and float instructions, comparisons, shifts and the whole-vector bitwise
 * instructions, lane by lane with the scalar instruction of the lane type (most i8x16 and i16x8
 * ones are {@link Swar}'s). Each half of the result depends only on the same half of the
 * operands, so every instruction is a half computation run once per half.
 */
final class Arithmetic {
    private final Operands o;
    private final Code c;

    Arithmetic(Operands operands) {
        this.o = operands;
        this.c = operands.c;
    }

    /** Emits {@code op}; false when it is not one of this family. */
    boolean lower(OpCode op) {
        switch (op) {
            case V128_NOT -> {
                o.pop(1);
                for (int h = 0; h < 2; h++) {
                    c.get(half(0, h)).i64(-1).op(Op.I64_XOR);
                }
            }
            case V128_AND -> bitwise(Op.I64_AND, false);
            case V128_ANDNOT -> bitwise(Op.I64_AND, true);
            case V128_OR -> bitwise(Op.I64_OR, false);
            case V128_XOR -> bitwise(Op.I64_XOR, false);
            case V128_BITSELECT -> {
                o.pop(3);
                for (int h = 0; h < 2; h++) {
                    c.get(half(0, h)).get(half(2, h)).op(Op.I64_AND);
                    c.get(half(1, h)).get(half(2, h)).i64(-1).op(Op.I64_XOR).op(Op.I64_AND);
                    c.op(Op.I64_OR);
                }
            }
            case V128_ANY_TRUE -> {
                o.pop(1);
                c.get(o.lo(0)).get(o.hi(0)).op(Op.I64_OR).op(Op.I64_EQZ).op(Op.I32_EQZ);
            }

            case I16x8_MUL -> binary(Shape.I16, Ext.RAW, Op.I32_MUL);
            case I32x4_MUL -> binary(Shape.I32, Ext.RAW, Op.I32_MUL);
            case I64x2_ADD -> binary(Shape.I64, Ext.RAW, Op.I64_ADD);
            case I64x2_SUB -> binary(Shape.I64, Ext.RAW, Op.I64_SUB);
            case I64x2_MUL -> binary(Shape.I64, Ext.RAW, Op.I64_MUL);


            case I32x4_MIN_S -> pick(Shape.I32, Ext.RAW, Op.I32_LT_S);
            case I32x4_MIN_U -> pick(Shape.I32, Ext.RAW, Op.I32_LT_U);
            case I32x4_MAX_S -> pick(Shape.I32, Ext.RAW, Op.I32_GT_S);
            case I32x4_MAX_U -> pick(Shape.I32, Ext.RAW, Op.I32_GT_U);
            case F32x4_PMIN -> pick(Shape.F32, Ext.RAW, -Op.F32_LT);
            case F32x4_PMAX -> pick(Shape.F32, Ext.RAW, Op.F32_LT);
            case F64x2_PMIN -> pick(Shape.F64, Ext.RAW, -Op.F64_LT);
            case F64x2_PMAX -> pick(Shape.F64, Ext.RAW, Op.F64_LT);

            case I16x8_Q15MULR_SAT_S -> q15mulr();

            case I32x4_ABS -> abs(Shape.I32);
            case I64x2_ABS -> abs(Shape.I64);
            case I32x4_NEG -> negate(Shape.I32);
            case I64x2_NEG -> negate(Shape.I64);

            case F32x4_ABS -> bits(Op.I64_AND, 0x7fffffff_7fffffffL);
            case F32x4_NEG -> bits(Op.I64_XOR, 0x80000000_80000000L);
            case F64x2_ABS -> bits(Op.I64_AND, 0x7fffffff_ffffffffL);
            case F64x2_NEG -> bits(Op.I64_XOR, 0x80000000_00000000L);
            case F32x4_SQRT -> unary(Shape.F32, Ext.RAW, Op.F32_SQRT);
            case F32x4_CEIL -> unary(Shape.F32, Ext.RAW, Op.F32_CEIL);
            case F32x4_FLOOR -> unary(Shape.F32, Ext.RAW, Op.F32_FLOOR);
            case F32x4_TRUNC -> unary(Shape.F32, Ext.RAW, Op.F32_TRUNC);
            case F32x4_NEAREST -> unary(Shape.F32, Ext.RAW, Op.F32_NEAREST);
            case F64x2_SQRT -> unary(Shape.F64, Ext.RAW, Op.F64_SQRT);
            case F64x2_CEIL -> unary(Shape.F64, Ext.RAW, Op.F64_CEIL);
            case F64x2_FLOOR -> unary(Shape.F64, Ext.RAW, Op.F64_FLOOR);
            case F64x2_TRUNC -> unary(Shape.F64, Ext.RAW, Op.F64_TRUNC);
            case F64x2_NEAREST -> unary(Shape.F64, Ext.RAW, Op.F64_NEAREST);
            case F32x4_ADD -> binary(Shape.F32, Ext.RAW, Op.F32_ADD);
            case F32x4_SUB -> binary(Shape.F32, Ext.RAW, Op.F32_SUB);
            case F32x4_MUL -> binary(Shape.F32, Ext.RAW, Op.F32_MUL);
            case F32x4_DIV -> binary(Shape.F32, Ext.RAW, Op.F32_DIV);
            case F32x4_MIN -> binary(Shape.F32, Ext.RAW, Op.F32_MIN);
            case F32x4_MAX -> binary(Shape.F32, Ext.RAW, Op.F32_MAX);
            case F64x2_ADD -> binary(Shape.F64, Ext.RAW, Op.F64_ADD);
            case F64x2_SUB -> binary(Shape.F64, Ext.RAW, Op.F64_SUB);
            case F64x2_MUL -> binary(Shape.F64, Ext.RAW, Op.F64_MUL);
            case F64x2_DIV -> binary(Shape.F64, Ext.RAW, Op.F64_DIV);
            case F64x2_MIN -> binary(Shape.F64, Ext.RAW, Op.F64_MIN);
            case F64x2_MAX -> binary(Shape.F64, Ext.RAW, Op.F64_MAX);

            case I32x4_EQ -> compare(Shape.I32, Ext.RAW, Op.I32_EQ);
            case I32x4_NE -> compare(Shape.I32, Ext.RAW, Op.I32_NE);
            case I32x4_LT_S -> compare(Shape.I32, Ext.RAW, Op.I32_LT_S);
            case I32x4_LT_U -> compare(Shape.I32, Ext.RAW, Op.I32_LT_U);
            case I32x4_GT_S -> compare(Shape.I32, Ext.RAW, Op.I32_GT_S);
            case I32x4_GT_U -> compare(Shape.I32, Ext.RAW, Op.I32_GT_U);
            case I32x4_LE_S -> compare(Shape.I32, Ext.RAW, Op.I32_LE_S);
            case I32x4_LE_U -> compare(Shape.I32, Ext.RAW, Op.I32_LE_U);
            case I32x4_GE_S -> compare(Shape.I32, Ext.RAW, Op.I32_GE_S);
            case I32x4_GE_U -> compare(Shape.I32, Ext.RAW, Op.I32_GE_U);
            case I64x2_EQ -> compare(Shape.I64, Ext.RAW, Op.I64_EQ);
            case I64x2_NE -> compare(Shape.I64, Ext.RAW, Op.I64_NE);
            case I64x2_LT_S -> compare(Shape.I64, Ext.RAW, Op.I64_LT_S);
            case I64x2_GT_S -> compare(Shape.I64, Ext.RAW, Op.I64_GT_S);
            case I64x2_LE_S -> compare(Shape.I64, Ext.RAW, Op.I64_LE_S);
            case I64x2_GE_S -> compare(Shape.I64, Ext.RAW, Op.I64_GE_S);
            case F32x4_EQ -> compare(Shape.F32, Ext.RAW, Op.F32_EQ);
            case F32x4_NE -> compare(Shape.F32, Ext.RAW, Op.F32_NE);
            case F32x4_LT -> compare(Shape.F32, Ext.RAW, Op.F32_LT);
            case F32x4_GT -> compare(Shape.F32, Ext.RAW, Op.F32_GT);
            case F32x4_LE -> compare(Shape.F32, Ext.RAW, Op.F32_LE);
            case F32x4_GE -> compare(Shape.F32, Ext.RAW, Op.F32_GE);
            case F64x2_EQ -> compare(Shape.F64, Ext.RAW, Op.F64_EQ);
            case F64x2_NE -> compare(Shape.F64, Ext.RAW, Op.F64_NE);
            case F64x2_LT -> compare(Shape.F64, Ext.RAW, Op.F64_LT);
            case F64x2_GT -> compare(Shape.F64, Ext.RAW, Op.F64_GT);
            case F64x2_LE -> compare(Shape.F64, Ext.RAW, Op.F64_LE);
            case F64x2_GE -> compare(Shape.F64, Ext.RAW, Op.F64_GE);

            case I32x4_SHL -> shift(Shape.I32, Ext.RAW, Op.I32_SHL);
            case I32x4_SHR_S -> shift(Shape.I32, Ext.RAW, Op.I32_SHR_S);
            case I32x4_SHR_U -> shift(Shape.I32, Ext.RAW, Op.I32_SHR_U);
            case I64x2_SHL -> shift(Shape.I64, Ext.RAW, Op.I64_SHL);
            case I64x2_SHR_S -> shift(Shape.I64, Ext.RAW, Op.I64_SHR_S);
            case I64x2_SHR_U -> shift(Shape.I64, Ext.RAW, Op.I64_SHR_U);

            case I8x16_ALL_TRUE -> allTrue(Shape.I8);
            case I16x8_ALL_TRUE -> allTrue(Shape.I16);
            case I32x4_ALL_TRUE -> allTrue(Shape.I32);
            case I64x2_ALL_TRUE -> allTrue(Shape.I64);
            case I32x4_BITMASK -> bitmask(Shape.I32);
            case I64x2_BITMASK -> bitmask(Shape.I64);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Half {@code h} (0 low, 1 high) of operand {@code operand}. */
    private int half(int operand, int h) {
        return h == 0 ? o.lo(operand) : o.hi(operand);
    }

    private void bitwise(int opcode, boolean invertSecond) {
        o.pop(2);
        for (int h = 0; h < 2; h++) {
            c.get(half(0, h)).get(half(1, h));
            if (invertSecond) {
                c.i64(-1).op(Op.I64_XOR);
            }
            c.op(opcode);
        }
    }

    /** A bit operation with a constant on both halves: the float sign instructions. */
    private void bits(int opcode, long constant) {
        o.pop(1);
        for (int h = 0; h < 2; h++) {
            c.get(half(0, h)).i64(constant).op(opcode);
        }
    }

    private void unary(Shape shape, Ext ext, int opcode) {
        o.pop(1);
        lanewise(shape, k -> {
            o.lane(0, shape, k, ext);
            c.op(opcode);
        });
    }

    /**
     * A result of {@code shape} whose lane k {@code lane.accept(k)} pushes: kept as lanes for the
     * 32-bit shapes, pushed as halves for the others.
     */
    private void lanewise(Shape shape, IntConsumer lane) {
        if (shape.bits == 32) {
            o.resultLanes(shape, lane);
            return;
        }
        int perHalf = shape.perHalf();
        for (int k = 0; k < shape.lanes(); k++) {
            lane.accept(k);
            Lanes.put(c, shape, k % perHalf);
        }
    }

    private void binary(Shape shape, Ext ext, int opcode) {
        o.pop(2);
        lanewise(shape, k -> {
            o.lane(0, shape, k, ext);
            o.lane(1, shape, k, ext);
            c.op(opcode);
        });
    }


    /**
     * Picks the first operand's lane where {@code a cmp b} holds, else the second's: min and max,
     * and pmin and pmax (whose comparison is {@code b < a}, given as the negated opcode, or {@code
     * a < b}).
     */
    private void pick(Shape shape, Ext ext, int compare) {
        o.pop(2);
        int type = Lanes.scalarType(shape);
        int a = o.t.scalar(type, 0);
        int b = o.t.scalar(type, 1);
        lanewise(shape, k -> {
            o.lane(0, shape, k, ext);
            c.set(a);
            o.lane(1, shape, k, ext);
            c.set(b);
            if (compare < 0) {
                c.get(b).get(a).get(b).get(a).op(-compare);
            } else if (shape.isFloat()) {
                c.get(b).get(a).get(a).get(b).op(compare);
            } else {
                c.get(a).get(b).get(a).get(b).op(compare);
            }
            c.op(Op.SELECT);
        });
    }

    /** {@code (a * b + 0x4000) >> 15}, saturated: only -32768 * -32768 exceeds the range. */
    private void q15mulr() {
        o.pop(2);
        int value = o.t.i32(1);
        for (int h = 0; h < 2; h++) {
            for (int k = 0; k < Shape.I16.perHalf(); k++) {
                Lanes.get(c, Shape.I16, half(0, h), k, Ext.SIGNED);
                Lanes.get(c, Shape.I16, half(1, h), k, Ext.SIGNED);
                c.op(Op.I32_MUL).i32(0x4000).op(Op.I32_ADD).i32(15).op(Op.I32_SHR_S);
                c.tee(value).i32(0x7fff).get(value).i32(0x7fff).op(Op.I32_LT_S).op(Op.SELECT);
                Lanes.put(c, Shape.I16, k);
            }
        }
    }

    private void abs(Shape shape) {
        o.pop(1);
        if (shape == Shape.I64) {
            int sign = o.half(0);
            for (int h = 0; h < 2; h++) {
                c.get(half(0, h)).i64(63).op(Op.I64_SHR_S).set(sign);
                c.get(half(0, h)).get(sign).op(Op.I64_XOR).get(sign).op(Op.I64_SUB);
            }
            return;
        }
        int value = o.t.i32(1);
        for (int h = 0; h < 2; h++) {
            for (int k = 0; k < shape.perHalf(); k++) {
                Lanes.get(c, shape, half(0, h), k, Ext.SIGNED);
                c.set(value).i32(0).get(value).op(Op.I32_SUB).get(value).get(value).i32(0).op(Op.I32_LT_S).op(Op.SELECT);
                Lanes.put(c, shape, k);
            }
        }
    }

    private void negate(Shape shape) {
        o.pop(1);
        for (int h = 0; h < 2; h++) {
            if (shape == Shape.I64) {
                c.i64(0).get(half(0, h)).op(Op.I64_SUB);
                continue;
            }
            for (int k = 0; k < shape.perHalf(); k++) {
                c.i32(0);
                Lanes.get(c, shape, half(0, h), k, Ext.RAW);
                c.op(Op.I32_SUB);
                Lanes.put(c, shape, k);
            }
        }
    }

    /** All-ones lanes where the comparison holds, zeros elsewhere. */
    private void compare(Shape shape, Ext ext, int opcode) {
        o.pop(2);
        Shape result = shape == Shape.F32 ? Shape.I32 : shape == Shape.F64 ? Shape.I64 : shape;
        lanewise(result, k -> {
            if (result == Shape.I64) {
                c.i64(0);
            } else {
                c.i32(0);
            }
            o.lane(0, shape, k, ext);
            o.lane(1, shape, k, ext);
            c.op(opcode);
            if (result == Shape.I64) {
                c.op(Op.I64_EXTEND_I32_U).op(Op.I64_SUB);
            } else {
                c.op(Op.I32_SUB);
            }
        });
    }

    /** Shifts every lane by the i32 on top of the stack, modulo the lane width. */
    private void shift(Shape shape, Ext ext, int opcode) {
        int count = o.popScalar(Op.TYPE_I32, 0);
        o.pop(1);
        if (shape == Shape.I64) {
            for (int h = 0; h < 2; h++) {
                c.get(half(0, h)).get(count).op(Op.I64_EXTEND_I32_U).op(opcode);
            }
            return;
        }
        if (shape.bits < 32) {
            c.get(count).i32(shape.bits - 1).op(Op.I32_AND).set(count);
        }
        for (int h = 0; h < 2; h++) {
            for (int k = 0; k < shape.perHalf(); k++) {
                Lanes.get(c, shape, half(0, h), k, ext);
                c.get(count).op(opcode);
                Lanes.put(c, shape, k);
            }
        }
    }

    /** 1 when no lane is zero: a half has a zero lane when {@code (x - ones) & ~x & tops} is not 0. */
    private void allTrue(Shape shape) {
        o.pop(1);
        if (shape == Shape.I64) {
            c.get(o.lo(0)).op(Op.I64_EQZ).get(o.hi(0)).op(Op.I64_EQZ).op(Op.I32_OR).op(Op.I32_EQZ);
            return;
        }
        long ones = shape.replicate(1);
        long tops = shape.replicate(1L << (shape.bits - 1));
        for (int h = 0; h < 2; h++) {
            c.get(half(0, h)).i64(ones).op(Op.I64_SUB);
            c.get(half(0, h)).i64(-1).op(Op.I64_XOR).op(Op.I64_AND);
            c.i64(tops).op(Op.I64_AND);
        }
        c.op(Op.I64_OR).op(Op.I64_EQZ);
    }

    /** The top bit of each lane, lane 0 in bit 0. */
    private void bitmask(Shape shape) {
        o.pop(1);
        int perHalf = shape.perHalf();
        boolean first = true;
        for (int h = 0; h < 2; h++) {
            for (int k = 0; k < perHalf; k++) {
                int bit = h * perHalf + k;
                c.get(half(0, h)).shrU64(k * shape.bits + shape.bits - 1).i64(1).op(Op.I64_AND);
                if (bit > 0) {
                    c.shl64(bit);
                }
                if (!first) {
                    c.op(Op.I64_OR);
                }
                first = false;
            }
        }
        c.op(Op.I32_WRAP_I64);
    }
}
