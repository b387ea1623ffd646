package io.wasmrun.runtime.simd;

import com.dylibso.chicory.wasm.types.OpCode;

/**
 * The i8x16 and i16x8 instructions as SIMD within a register: each operates on a whole i64 half
 * at once, with masks that keep carries and borrows inside their lanes, so an instruction costs
 * about a dozen scalar instructions per half instead of a dozen per lane (and keeps lowered
 * functions under the JIT's size limits). With {@code H} the top bit of every lane and {@code L}
 * the others:
 *
 * <ul>
 *   <li>sum: {@code ((a & L) + (b & L)) ^ ((a ^ b) & H)}; difference: {@code ((a | H) - (b & L)) ^
 *       ((a ^ ~b) & H)};
 *   <li>unsigned {@code a < b} is the borrow out of each lane's top bit, {@code (~a & b) | (~(a ^
 *       b) & (a - b))} at {@code H}; signed comparisons compare with the top bits flipped;
 *   <li>a mask of top bits becomes whole lanes by {@code (m >>> (w - 1)) * laneMask}.
 * </ul>
 */
final class Swar {
    private final Operands o;
    private final Code c;

    Swar(Operands operands) {
        this.o = operands;
        this.c = operands.c;
    }

    boolean lower(OpCode op) {
        switch (op) {
            case I8x16_ADD -> binary(Shape.I8, this::add);
            case I16x8_ADD -> binary(Shape.I16, this::add);
            case I8x16_SUB -> binary(Shape.I8, this::sub);
            case I16x8_SUB -> binary(Shape.I16, this::sub);
            case I32x4_ADD -> halvesOrLanes(Op.I32_ADD, this::add);
            case I32x4_SUB -> halvesOrLanes(Op.I32_SUB, this::sub);
            case I16x8_EXTADD_PAIRWISE_I8x16_U -> unary(Shape.I16, (s, a, unused) -> pairwise(s, a, false));
            case I16x8_EXTADD_PAIRWISE_I8x16_S -> unary(Shape.I16, (s, a, unused) -> pairwise(s, a, true));
            case I32x4_EXTADD_PAIRWISE_I16x8_U -> unary(Shape.I32, (s, a, unused) -> pairwise(s, a, false));
            case I32x4_EXTADD_PAIRWISE_I16x8_S -> unary(Shape.I32, (s, a, unused) -> pairwise(s, a, true));
            case I8x16_EQ -> binary(Shape.I8, (s, a, b) -> equal(s, a, b, true));
            case I16x8_EQ -> binary(Shape.I16, (s, a, b) -> equal(s, a, b, true));
            case I8x16_NE -> binary(Shape.I8, (s, a, b) -> equal(s, a, b, false));
            case I16x8_NE -> binary(Shape.I16, (s, a, b) -> equal(s, a, b, false));
            case I8x16_LT_U -> compare(Shape.I8, false, false, false);
            case I8x16_GT_U -> compare(Shape.I8, false, true, false);
            case I8x16_LE_U -> compare(Shape.I8, false, true, true);
            case I8x16_GE_U -> compare(Shape.I8, false, false, true);
            case I8x16_LT_S -> compare(Shape.I8, true, false, false);
            case I8x16_GT_S -> compare(Shape.I8, true, true, false);
            case I8x16_LE_S -> compare(Shape.I8, true, true, true);
            case I8x16_GE_S -> compare(Shape.I8, true, false, true);
            case I16x8_LT_U -> compare(Shape.I16, false, false, false);
            case I16x8_GT_U -> compare(Shape.I16, false, true, false);
            case I16x8_LE_U -> compare(Shape.I16, false, true, true);
            case I16x8_GE_U -> compare(Shape.I16, false, false, true);
            case I16x8_LT_S -> compare(Shape.I16, true, false, false);
            case I16x8_GT_S -> compare(Shape.I16, true, true, false);
            case I16x8_LE_S -> compare(Shape.I16, true, true, true);
            case I16x8_GE_S -> compare(Shape.I16, true, false, true);
            case I8x16_MIN_U -> pick(Shape.I8, false, false);
            case I8x16_MAX_U -> pick(Shape.I8, false, true);
            case I8x16_MIN_S -> pick(Shape.I8, true, false);
            case I8x16_MAX_S -> pick(Shape.I8, true, true);
            case I16x8_MIN_U -> pick(Shape.I16, false, false);
            case I16x8_MAX_U -> pick(Shape.I16, false, true);
            case I16x8_MIN_S -> pick(Shape.I16, true, false);
            case I16x8_MAX_S -> pick(Shape.I16, true, true);
            case I8x16_AVGR_U -> binary(Shape.I8, this::average);
            case I16x8_AVGR_U -> binary(Shape.I16, this::average);
            case I8x16_ADD_SAT_U -> binary(Shape.I8, this::addSaturatedUnsigned);
            case I16x8_ADD_SAT_U -> binary(Shape.I16, this::addSaturatedUnsigned);
            case I8x16_SUB_SAT_U -> binary(Shape.I8, this::subSaturatedUnsigned);
            case I16x8_SUB_SAT_U -> binary(Shape.I16, this::subSaturatedUnsigned);
            case I8x16_ADD_SAT_S -> binary(Shape.I8, (s, a, b) -> saturatedSigned(s, a, b, true));
            case I16x8_ADD_SAT_S -> binary(Shape.I16, (s, a, b) -> saturatedSigned(s, a, b, true));
            case I8x16_SUB_SAT_S -> binary(Shape.I8, (s, a, b) -> saturatedSigned(s, a, b, false));
            case I16x8_SUB_SAT_S -> binary(Shape.I16, (s, a, b) -> saturatedSigned(s, a, b, false));
            case I8x16_NEG -> unary(Shape.I8, this::negate);
            case I16x8_NEG -> unary(Shape.I16, this::negate);
            case I8x16_ABS -> unary(Shape.I8, this::abs);
            case I16x8_ABS -> unary(Shape.I16, this::abs);
            case I8x16_POPCNT -> unary(Shape.I8, (s, a, unused) -> popcount(a));
            case I8x16_SHL -> shift(Shape.I8, Op.I64_SHL);
            case I16x8_SHL -> shift(Shape.I16, Op.I64_SHL);
            case I8x16_SHR_U -> shift(Shape.I8, Op.I64_SHR_U);
            case I16x8_SHR_U -> shift(Shape.I16, Op.I64_SHR_U);
            case I8x16_SHR_S -> shift(Shape.I8, Op.I64_SHR_S);
            case I16x8_SHR_S -> shift(Shape.I16, Op.I64_SHR_S);
            case I8x16_BITMASK -> bitmask(Shape.I8, 0x0102040810204080L, 56);
            case I16x8_BITMASK -> bitmask(Shape.I16, 0x1000200040008000L, 60);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Emits a half of the result from halves in locals {@code a} and {@code b}. */
    @FunctionalInterface
    private interface HalfCode {
        void emit(Shape shape, int a, int b);
    }

    private void binary(Shape shape, HalfCode half) {
        o.pop(2);
        half.emit(shape, o.lo(0), o.lo(1));
        half.emit(shape, o.hi(0), o.hi(1));
    }

    private void unary(Shape shape, HalfCode half) {
        o.pop(1);
        half.emit(shape, o.lo(0), -1);
        half.emit(shape, o.hi(0), -1);
    }

    /**
     * An i32x4 addition or subtraction: on halves when both operands are halves, else lane by lane
     * into lanes, so a chain of i32x4 arithmetic stays in lanes.
     */
    private void halvesOrLanes(int opcode, HalfCode half) {
        o.pop(2);
        if (o.inLanes(0) || o.inLanes(1)) {
            o.resultLanes(Shape.I32, k -> {
                o.lane(0, Shape.I32, k, Ext.RAW);
                o.lane(1, Shape.I32, k, Ext.RAW);
                c.op(opcode);
            });
            return;
        }
        half.emit(Shape.I32, o.lo(0), o.lo(1));
        half.emit(Shape.I32, o.hi(0), o.hi(1));
    }

    /**
     * The sums of pairs of narrow lanes into the lanes of {@code shape}, twice as wide: the even and
     * the odd lanes masked apart and added. Signed lanes are first offset by half their range
     * (top bit flipped) and the sum corrected by adding minus the range, lane-wise.
     */
    private void pairwise(Shape shape, int a, boolean signed) {
        int narrow = shape.bits / 2;
        long even = shape.replicate((1L << narrow) - 1);
        int x = o.half(0);
        c.get(a);
        if (signed) {
            Shape narrowShape = shape == Shape.I16 ? Shape.I8 : Shape.I16;
            c.i64(narrowShape.replicate(1L << (narrow - 1))).op(Op.I64_XOR);
        }
        c.set(x);
        c.get(x).i64(even).op(Op.I64_AND).get(x).shrU64(narrow).i64(even).op(Op.I64_AND).op(Op.I64_ADD);
        if (signed) {
            long correction = shape.replicate(-(1L << narrow));
            c.set(x);
            c.get(x).i64(low(shape)).op(Op.I64_AND).i64(correction & low(shape)).op(Op.I64_ADD);
            c.get(x).i64(correction).op(Op.I64_XOR).i64(high(shape)).op(Op.I64_AND).op(Op.I64_XOR);
        }
    }

    private static long high(Shape shape) {
        return shape.replicate(1L << (shape.bits - 1));
    }

    private static long low(Shape shape) {
        return ~high(shape);
    }

    /** Turns the top bits on the stack into whole lanes. */
    private void expand(Shape shape) {
        c.shrU64(shape.bits - 1).i64(shape.mask()).op(Op.I64_MUL);
    }

    private void add(Shape shape, int a, int b) {
        c.get(a).i64(low(shape)).op(Op.I64_AND).get(b).i64(low(shape)).op(Op.I64_AND).op(Op.I64_ADD);
        c.get(a).get(b).op(Op.I64_XOR).i64(high(shape)).op(Op.I64_AND).op(Op.I64_XOR);
    }

    private void sub(Shape shape, int a, int b) {
        c.get(a).i64(high(shape)).op(Op.I64_OR).get(b).i64(low(shape)).op(Op.I64_AND).op(Op.I64_SUB);
        c.get(a).get(b).i64(-1).op(Op.I64_XOR).op(Op.I64_XOR).i64(high(shape)).op(Op.I64_AND).op(Op.I64_XOR);
    }

    /** Whole lanes where {@code a == b} (or {@code !=}): a lane of {@code a ^ b} is not zero when {@code ((x & L) + L) | x} has its top bit. */
    private void equal(Shape shape, int a, int b, boolean equal) {
        int x = o.half(0);
        c.get(a).get(b).op(Op.I64_XOR).set(x);
        c.get(x).i64(low(shape)).op(Op.I64_AND).i64(low(shape)).op(Op.I64_ADD).get(x).op(Op.I64_OR);
        c.i64(high(shape)).op(Op.I64_AND);
        if (equal) {
            c.i64(high(shape)).op(Op.I64_XOR);
        }
        expand(shape);
    }

    /** Pushes the top-bit mask of unsigned {@code a < b} per lane. */
    private void borrow(Shape shape, int a, int b) {
        int difference = o.half(1);
        sub(shape, a, b);
        c.set(difference);
        c.get(a).i64(-1).op(Op.I64_XOR).get(b).op(Op.I64_AND);
        c.get(a).get(b).op(Op.I64_XOR).i64(-1).op(Op.I64_XOR).get(difference).op(Op.I64_AND);
        c.op(Op.I64_OR).i64(high(shape)).op(Op.I64_AND);
    }

    /**
     * Pushes the top bits of {@code a < b} (swapped: {@code b < a}), inverted for {@code >=} and
     * {@code <=}, from halves in {@code a} and {@code b} flipped first for a signed comparison.
     */
    private void lessMask(Shape shape, int a, int b, boolean signed, boolean swapped, boolean negated) {
        int left = swapped ? b : a;
        int right = swapped ? a : b;
        if (signed) {
            int flippedLeft = o.t.scalar(Op.TYPE_I64, 0);
            int flippedRight = o.t.scalar(Op.TYPE_I64, 1);
            c.get(left).i64(high(shape)).op(Op.I64_XOR).set(flippedLeft);
            c.get(right).i64(high(shape)).op(Op.I64_XOR).set(flippedRight);
            left = flippedLeft;
            right = flippedRight;
        }
        borrow(shape, left, right);
        if (negated) {
            c.i64(high(shape)).op(Op.I64_XOR);
        }
    }

    private void compare(Shape shape, boolean signed, boolean swapped, boolean negated) {
        binary(shape, (s, a, b) -> {
            lessMask(s, a, b, signed, swapped, negated);
            expand(s);
        });
    }

    /** min: {@code a} where {@code a < b}; max: {@code b} there. */
    private void pick(Shape shape, boolean signed, boolean max) {
        binary(shape, (s, a, b) -> {
            int mask = o.half(0);
            lessMask(s, a, b, signed, false, false);
            expand(s);
            c.set(mask);
            int first = max ? b : a;
            int second = max ? a : b;
            c.get(first).get(mask).op(Op.I64_AND).get(second).get(mask).i64(-1).op(Op.I64_XOR).op(Op.I64_AND).op(Op.I64_OR);
        });
    }

    /** {@code (a | b) - ((a ^ b) >>> 1)} per lane, which never borrows across lanes. */
    private void average(Shape shape, int a, int b) {
        c.get(a).get(b).op(Op.I64_OR);
        c.get(a).get(b).op(Op.I64_XOR).i64(1).op(Op.I64_SHR_U).i64(low(shape)).op(Op.I64_AND);
        c.op(Op.I64_SUB);
    }

    /** The sum, with whole lanes set where a lane carried out of its top bit. */
    private void addSaturatedUnsigned(Shape shape, int a, int b) {
        int sum = o.half(0);
        add(shape, a, b);
        c.tee(sum);
        c.get(a).get(b).op(Op.I64_AND).get(a).get(b).op(Op.I64_OR).get(sum).i64(-1).op(Op.I64_XOR).op(Op.I64_AND).op(Op.I64_OR);
        c.i64(high(shape)).op(Op.I64_AND);
        expand(shape);
        c.op(Op.I64_OR);
    }

    /** The difference, cleared where a lane borrowed. */
    private void subSaturatedUnsigned(Shape shape, int a, int b) {
        sub(shape, a, b);
        borrow(shape, a, b);
        expand(shape);
        c.i64(-1).op(Op.I64_XOR).op(Op.I64_AND);
    }

    /**
     * The sum or difference, with lanes that overflowed replaced by the bound on {@code a}'s side:
     * {@code L + (a's top bit)}, the largest value or (one more) the smallest.
     */
    private void saturatedSigned(Shape shape, int a, int b, boolean add) {
        int result = o.half(0);
        int overflow = o.half(1);
        if (add) {
            add(shape, a, b);
            c.set(result);
            c.get(a).get(b).op(Op.I64_XOR).i64(-1).op(Op.I64_XOR);
        } else {
            sub(shape, a, b);
            c.set(result);
            c.get(a).get(b).op(Op.I64_XOR);
        }
        c.get(a).get(result).op(Op.I64_XOR).op(Op.I64_AND).i64(high(shape)).op(Op.I64_AND);
        expand(shape);
        c.set(overflow);
        c.get(result).get(overflow).i64(-1).op(Op.I64_XOR).op(Op.I64_AND);
        c.get(a).i64(high(shape)).op(Op.I64_AND).shrU64(shape.bits - 1).i64(low(shape)).op(Op.I64_ADD);
        c.get(overflow).op(Op.I64_AND).op(Op.I64_OR);
    }

    private void negate(Shape shape, int a, int unused) {
        c.i64(high(shape)).get(a).i64(low(shape)).op(Op.I64_AND).op(Op.I64_SUB);
        c.get(a).i64(-1).op(Op.I64_XOR).i64(high(shape)).op(Op.I64_AND).op(Op.I64_XOR);
    }

    /** {@code (a ^ m) + (m & 1)} per lane, {@code m} the lanes of {@code a} that are negative. */
    private void abs(Shape shape, int a, int unused) {
        int flipped = o.half(0);
        int one = o.half(1);
        c.get(a).i64(high(shape)).op(Op.I64_AND);
        c.tee(one);
        expand(shape);
        c.get(a).op(Op.I64_XOR).set(flipped);
        c.get(one).shrU64(shape.bits - 1).set(one);
        add(shape, flipped, one);
    }

    private void popcount(int a) {
        int x = o.half(0);
        c.get(a).get(a).i64(1).op(Op.I64_SHR_U).i64(0x5555_5555_5555_5555L).op(Op.I64_AND).op(Op.I64_SUB).set(x);
        c.get(x).i64(0x3333_3333_3333_3333L).op(Op.I64_AND);
        c.get(x).i64(2).op(Op.I64_SHR_U).i64(0x3333_3333_3333_3333L).op(Op.I64_AND).op(Op.I64_ADD).set(x);
        c.get(x).get(x).i64(4).op(Op.I64_SHR_U).op(Op.I64_ADD).i64(0x0f0f_0f0f_0f0f_0f0fL).op(Op.I64_AND);
    }

    /**
     * Shifts every lane by the count on top of the stack modulo the lane width: the whole half
     * shifts, then a mask removes the bits that crossed into a neighbour; an arithmetic shift then
     * fills the vacated top bits of negative lanes.
     */
    private void shift(Shape shape, int opcode) {
        int count = o.popScalar(Op.TYPE_I32, 0);
        o.pop(1);
        int keep = o.half(0);
        c.get(count).i32(shape.bits - 1).op(Op.I32_AND).set(count);
        c.i64(shape.replicate(1)).i32((int) shape.mask()).get(count);
        c.op(opcode == Op.I64_SHL ? Op.I32_SHL : Op.I32_SHR_U).i32((int) shape.mask()).op(Op.I32_AND);
        c.op(Op.I64_EXTEND_I32_U).op(Op.I64_MUL).set(keep);
        for (int h = 0; h < 2; h++) {
            int half = h == 0 ? o.lo(0) : o.hi(0);
            c.get(half).get(count).op(Op.I64_EXTEND_I32_U).op(opcode == Op.I64_SHL ? Op.I64_SHL : Op.I64_SHR_U);
            c.get(keep).op(Op.I64_AND);
            if (opcode == Op.I64_SHR_S) {
                c.get(half).i64(high(shape)).op(Op.I64_AND);
                expand(shape);
                c.get(keep).i64(-1).op(Op.I64_XOR).op(Op.I64_AND).op(Op.I64_OR);
            }
        }
    }

    /**
     * The top bit of each lane, lane 0 in bit 0: the top bits moved to the bottom of their lanes,
     * then one multiplication gathers them into the top of the half, each at its own bit.
     */
    private void bitmask(Shape shape, long gather, int from) {
        o.pop(1);
        for (int h = 0; h < 2; h++) {
            c.get(h == 0 ? o.lo(0) : o.hi(0)).i64(high(shape)).op(Op.I64_AND).shrU64(shape.bits - 1);
            c.i64(gather).op(Op.I64_MUL).shrU64(from);
            if (h == 1) {
                c.shl64(shape.perHalf()).op(Op.I64_OR);
            }
        }
        c.op(Op.I32_WRAP_I64);
    }
}
