package io.wasmrun.runtime.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wasmrun.runtime.simd.SimdReference.Expected;
import io.wasmrun.runtime.simd.SimdReference.Rule;
import io.wasmrun.runtime.simd.SimdReference.V128;
import org.junit.jupiter.api.Test;

/**
 * {@link SimdReference} against values worked out by hand from the spec, for the cases that are
 * easy to get wrong: saturation bounds, rounding ties, signed zeros, NaN rules, shift counts
 * past the lane width, out-of-range swizzle indices, the lanes a "zero" or "low" op leaves.
 */
class SimdReferenceTest {
    private static final float NAN_PAYLOAD = Float.intBitsToFloat(0x7fa0_0001);
    private static final float CANONICAL = Float.intBitsToFloat(0x7fc0_0000);

    private static Expected run(String op, V128... args) {
        return SimdReference.op(op).apply(args);
    }

    /** The result of an op whose every lane must be exact. */
    private static V128 exact(String op, V128... args) {
        Expected e = run(op, args);
        assertTrue(e.isExact(), op + " should be exact: " + e);
        return e.v128();
    }

    private static V128 shift(String op, V128 v, int count) {
        return SimdReference.op(op).apply(v.lo(), v.hi(), count).v128();
    }

    private static long scalar(String op, V128 v) {
        return SimdReference.op(op).apply(v).lo();
    }

    private static int f32Bits(float f) {
        return Float.floatToRawIntBits(f);
    }

    @Test
    void laneLayoutIsLittleEndianLowHalfFirst() {
        V128 v = V128.i8(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);
        assertEquals(0x0807_0605_0403_0201L, v.lo());
        assertEquals(0x100f_0e0d_0c0b_0a09L, v.hi());
        assertEquals(0x0403_0201L, V128.i32(0x0403_0201, 0, 0, 0).lo());
        assertEquals(0x0002_0001L, V128.i16(1, 2, 0, 0, 0, 0, 0, 0).lo());
        assertEquals(-1L, V128.i8(-1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0).signed(8, 0));
    }

    @Test
    void q15mulrSaturatesOnlyAtMinTimesMin() {
        V128 r = exact("i16x8.q15mulr_sat_s",
                V128.i16(-32768, 16384, -32768, -1, 32767, 1, 0, -32768),
                V128.i16(-32768, 16384, 32767, 1, 32767, 16384, 5, 1));
        assertEquals(32767, r.signed(16, 0));
        assertEquals(8192, r.signed(16, 1));
        assertEquals(-32767, r.signed(16, 2));
        assertEquals(0, r.signed(16, 3)); // (-1 + 0x4000) >> 15
        assertEquals(32766, r.signed(16, 4));
        assertEquals(1, r.signed(16, 5)); // (16384 + 16384) >> 15
        assertEquals(-1, r.signed(16, 7)); // (-32768 + 16384) >> 15 rounds toward -inf
    }

    @Test
    void narrowSaturatesSignedInputs() {
        V128 s = exact("i8x16.narrow_i16x8_s",
                V128.i16(300, -300, 127, -128, 128, -129, 0, -1), V128.i16(32767, -32768, 1, 2, 3, 4, 5, 6));
        assertEquals(127, s.signed(8, 0));
        assertEquals(-128, s.signed(8, 1));
        assertEquals(127, s.signed(8, 2));
        assertEquals(-128, s.signed(8, 3));
        assertEquals(127, s.signed(8, 4));
        assertEquals(-128, s.signed(8, 5));
        assertEquals(-1, s.signed(8, 7));
        assertEquals(127, s.signed(8, 8), "b's lanes come second");
        assertEquals(-128, s.signed(8, 9));
        V128 u = exact("i8x16.narrow_i16x8_u",
                V128.i16(-1, 300, 255, 256, -32768, 0, 128, 1), V128.i16(0, 0, 0, 0, 0, 0, 0, 0));
        assertArrayEquals(new long[] {0, 255, 255, 255, 0, 0, 128, 1}, java.util.Arrays.copyOf(u.lanes(8, false), 8));
        V128 u16 = exact("i16x8.narrow_i32x4_u", V128.i32(70000, -5, 65535, 32768), V128.i32(0, 0, 0, 0));
        assertArrayEquals(new long[] {65535, 0, 65535, 32768, 0, 0, 0, 0}, u16.lanes(16, false));
        V128 s16 = exact("i16x8.narrow_i32x4_s", V128.i32(40000, -40000, 0, 0), V128.i32(0, 0, -1, 32767));
        assertArrayEquals(new long[] {32767, -32768, 0, 0, 0, 0, -1, 32767}, s16.lanes(16, true));
    }

    @Test
    void truncSatClampsAndMapsNaNToZero() {
        V128 s = exact("i32x4.trunc_sat_f32x4_s", V128.f32(Float.NaN, 2147483648f, -2147483904f, -1.9f));
        assertArrayEquals(new long[] {0, Integer.MAX_VALUE, Integer.MIN_VALUE, -1}, s.lanes(32, true));
        V128 s2 = exact("i32x4.trunc_sat_f32x4_s",
                V128.f32(2147483520f, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, -0f));
        assertArrayEquals(new long[] {2147483520L, Integer.MIN_VALUE, Integer.MAX_VALUE, 0}, s2.lanes(32, true));
        V128 u = exact("i32x4.trunc_sat_f32x4_u", V128.f32(-1f, -0.9f, 4294967296f, 4294967040f));
        assertArrayEquals(new long[] {0, 0, 0xffff_ffffL, 4294967040L}, u.lanes(32, false));
        V128 u2 = exact("i32x4.trunc_sat_f32x4_u", V128.f32(NAN_PAYLOAD, 2147483648f, 1.99f, Float.MAX_VALUE));
        assertArrayEquals(new long[] {0, 0x8000_0000L, 1, 0xffff_ffffL}, u2.lanes(32, false));
        V128 sz = exact("i32x4.trunc_sat_f64x2_s_zero", V128.f64(2147483647.9, -2147483648.9));
        assertArrayEquals(new long[] {Integer.MAX_VALUE, Integer.MIN_VALUE, 0, 0}, sz.lanes(32, true));
        V128 sz2 = exact("i32x4.trunc_sat_f64x2_s_zero", V128.f64(-2147483649.0, Double.NaN));
        assertArrayEquals(new long[] {Integer.MIN_VALUE, 0, 0, 0}, sz2.lanes(32, true));
        V128 uz = exact("i32x4.trunc_sat_f64x2_u_zero", V128.f64(4294967295.5, 4294967296.0));
        assertArrayEquals(new long[] {0xffff_ffffL, 0xffff_ffffL, 0, 0}, uz.lanes(32, false));
        V128 uz2 = exact("i32x4.trunc_sat_f64x2_u_zero", V128.f64(-0.99, 0x1p63));
        assertArrayEquals(new long[] {0, 0xffff_ffffL, 0, 0}, uz2.lanes(32, false));
    }

    @Test
    void roundingKeepsSignsOfZeroAndTiesToEven() {
        V128 n = exact("f32x4.nearest", V128.f32(2.5f, -0.5f, 1.5f, -2.5f));
        assertEquals(f32Bits(2f), (int) n.lane(32, 0));
        assertEquals(0x8000_0000L, n.lane(32, 1), "nearest(-0.5) is -0");
        assertEquals(f32Bits(2f), (int) n.lane(32, 2));
        assertEquals(f32Bits(-2f), (int) n.lane(32, 3));
        V128 n2 = exact("f32x4.nearest", V128.f32(0.49999997f, 3.5f, 8388609f, -0f));
        assertEquals(0, n2.lane(32, 0));
        assertEquals(f32Bits(4f), (int) n2.lane(32, 1));
        assertEquals(f32Bits(8388609f), (int) n2.lane(32, 2), "already an integer");
        assertEquals(0x8000_0000L, n2.lane(32, 3));
        V128 d = exact("f64x2.nearest", V128.f64(2.5, -0.5));
        assertEquals(Double.doubleToRawLongBits(2.0), d.lane(64, 0));
        assertEquals(Long.MIN_VALUE, d.lane(64, 1));
        V128 c = exact("f32x4.ceil", V128.f32(-0.5f, 0.5f, -1.5f, Float.MIN_VALUE));
        assertEquals(0x8000_0000L, c.lane(32, 0), "ceil(-0.5) is -0");
        assertEquals(f32Bits(1f), (int) c.lane(32, 1));
        assertEquals(f32Bits(-1f), (int) c.lane(32, 2));
        assertEquals(f32Bits(1f), (int) c.lane(32, 3));
        V128 f = exact("f64x2.floor", V128.f64(-0.0, -Double.MIN_VALUE));
        assertEquals(Long.MIN_VALUE, f.lane(64, 0));
        assertEquals(Double.doubleToRawLongBits(-1.0), f.lane(64, 1));
        V128 t = exact("f32x4.trunc", V128.f32(-0.7f, 1.9f, -1.9f, Float.NEGATIVE_INFINITY));
        assertEquals(0x8000_0000L, t.lane(32, 0));
        assertEquals(f32Bits(1f), (int) t.lane(32, 1));
        assertEquals(f32Bits(-1f), (int) t.lane(32, 2));
        assertEquals(f32Bits(Float.NEGATIVE_INFINITY), (int) t.lane(32, 3));
    }

    @Test
    void minMaxOrderZerosPminPmaxReturnAnOperand() {
        V128 min = exact("f32x4.min", V128.f32(-0f, 0f, 0f, -0f), V128.f32(0f, -0f, 0f, -0f));
        assertArrayEquals(new long[] {0x8000_0000L, 0x8000_0000L, 0, 0x8000_0000L}, min.lanes(32, false));
        V128 max = exact("f32x4.max", V128.f32(-0f, 0f, -0f, 1f), V128.f32(0f, -0f, -0f, -1f));
        assertArrayEquals(new long[] {0, 0, 0x8000_0000L, f32Bits(1f)}, max.lanes(32, false));
        V128 pmin = exact("f32x4.pmin", V128.f32(-0f, 0f, NAN_PAYLOAD, 1f), V128.f32(0f, -0f, 1f, NAN_PAYLOAD));
        assertEquals(0x8000_0000L, pmin.lane(32, 0), "pmin(-0, +0) is its first operand");
        assertEquals(0, pmin.lane(32, 1), "pmin(+0, -0) is its first operand");
        assertEquals(0x7fa0_0001L, pmin.lane(32, 2), "pmin(NaN, 1) keeps the NaN's bits");
        assertEquals(f32Bits(1f), (int) pmin.lane(32, 3));
        V128 pmax = exact("f64x2.pmax", V128.f64(-0.0, 1.0), V128.f64(0.0, 2.0));
        assertEquals(Long.MIN_VALUE, pmax.lane(64, 0));
        assertEquals(Double.doubleToRawLongBits(2.0), pmax.lane(64, 1));
        V128 dmin = exact("f64x2.min", V128.f64(0.0, Double.NEGATIVE_INFINITY), V128.f64(-0.0, 5.0));
        assertEquals(Long.MIN_VALUE, dmin.lane(64, 0));
        assertEquals(Double.doubleToRawLongBits(Double.NEGATIVE_INFINITY), dmin.lane(64, 1));
    }

    @Test
    void nanResultsFollowTheSpecsNondeterminism() {
        Expected min = run("f32x4.min", V128.f32(NAN_PAYLOAD, CANONICAL, 1f, -CANONICAL), V128.f32(1f, 1f, CANONICAL, 2f));
        assertEquals(Rule.ARITHMETIC_NAN, min.rule(0), "a non-canonical NaN input gives an arithmetic NaN");
        assertEquals(Rule.CANONICAL_NAN, min.rule(1));
        assertEquals(Rule.CANONICAL_NAN, min.rule(2));
        assertEquals(Rule.CANONICAL_NAN, min.rule(3), "a negative canonical NaN is canonical");
        Expected add = run("f32x4.add",
                V128.f32(Float.POSITIVE_INFINITY, Float.intBitsToFloat(0x7f80_0001), 0f, 1f),
                V128.f32(Float.NEGATIVE_INFINITY, 1f, 0f, 1f));
        assertEquals(Rule.CANONICAL_NAN, add.rule(0), "inf - inf: no NaN input, canonical");
        assertEquals(Rule.ARITHMETIC_NAN, add.rule(1), "signalling NaN input");
        assertEquals(Rule.EXACT, add.rule(2));
        assertEquals(f32Bits(2f), (int) add.v128().lane(32, 3));
        Expected sqrt = run("f64x2.sqrt", V128.f64(-1.0, -0.0));
        assertEquals(Rule.CANONICAL_NAN, sqrt.rule(0));
        assertEquals(Long.MIN_VALUE, sqrt.v128().lane(64, 1), "sqrt(-0) is -0");
        Expected div = run("f64x2.div", V128.f64(0.0, 1.0), V128.f64(0.0, -0.0));
        assertEquals(Rule.CANONICAL_NAN, div.rule(0));
        assertEquals(Double.doubleToRawLongBits(Double.NEGATIVE_INFINITY), div.v128().lane(64, 1));
        Expected promote = run("f64x2.promote_low_f32x4", V128.f32(NAN_PAYLOAD, CANONICAL, 0, 0));
        assertEquals(Rule.ARITHMETIC_NAN, promote.rule(0));
        assertEquals(Rule.CANONICAL_NAN, promote.rule(1));
        Expected demote = run("f32x4.demote_f64x2_zero", new V128(0x7ff4_0000_0000_0000L, 0xfff8_0000_0000_0000L));
        assertEquals(Rule.ARITHMETIC_NAN, demote.rule(0), "a signalling f64 NaN demotes to an arithmetic NaN");
        assertEquals(Rule.CANONICAL_NAN, demote.rule(1));
        assertEquals(Rule.EXACT, demote.rule(2));
        // abs and neg move bits, NaN payloads included
        V128 abs = exact("f32x4.abs", V128.f32(Float.intBitsToFloat(0xffa0_0001), -0f, -1f, CANONICAL));
        assertArrayEquals(new long[] {0x7fa0_0001L, 0, f32Bits(1f), 0x7fc0_0000L}, abs.lanes(32, false));
        V128 neg = exact("f64x2.neg", new V128(0x7ff4_0000_0000_0001L, 0));
        assertEquals(0xfff4_0000_0000_0001L, neg.lane(64, 0));
        assertEquals(Long.MIN_VALUE, neg.lane(64, 1));
    }

    @Test
    void matchingHonoursRules() {
        Expected e = run("f32x4.add", V128.f32(NAN_PAYLOAD, CANONICAL, 1f, 1f), V128.f32(1f, 1f, 1f, 1f));
        long two = f32Bits(2f) & 0xffff_ffffL;
        assertTrue(e.matches(new long[] {0x7fe0_0002L | (0xffc0_0000L << 32), two | (two << 32)}));
        assertFalse(e.matches(new long[] {0x7fe0_0002L | (0xffc0_0001L << 32), two | (two << 32)}),
                "lane 1 must be canonical");
        assertFalse(e.matches(new long[] {0x7fa0_0001L | (0xffc0_0000L << 32), two | (two << 32)}),
                "a signalling NaN is not arithmetic");
        assertFalse(e.matches(new long[] {0x7fe0_0002L | (0xffc0_0000L << 32), two | (two << 31)}));
    }

    @Test
    void integerBitCounts() {
        V128 pop = exact("i8x16.popcnt", V128.i8(0xff, 0x80, 0x55, 0, 1, 0x7f, 0xaa, 3, 0, 0, 0, 0, 0, 0, 0, 0));
        assertArrayEquals(new long[] {8, 1, 4, 0, 1, 7, 4, 2}, java.util.Arrays.copyOf(pop.lanes(8, false), 8));
        assertEquals(0x8001, scalar("i8x16.bitmask", V128.i8(-1, 0, 1, 127, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -128)));
        assertEquals(5, scalar("i32x4.bitmask", V128.i32(-1, 0, Integer.MIN_VALUE, Integer.MAX_VALUE)));
        assertEquals(3, scalar("i64x2.bitmask", V128.i64(Long.MIN_VALUE, -1)));
        assertEquals(0xaa, scalar("i16x8.bitmask", V128.i16(0, -1, 1, -32768, 32767, -2, 0, -3)));
        assertEquals(0, scalar("v128.any_true", V128.ZERO));
        assertEquals(1, scalar("v128.any_true", new V128(0, Long.MIN_VALUE)));
        assertEquals(0, scalar("i32x4.all_true", V128.i32(1, -1, 0, 5)));
        assertEquals(1, scalar("i8x16.all_true", V128.i8(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, -128)));
    }

    @Test
    void averagesAndSaturatingArithmetic() {
        V128 avg = exact("i8x16.avgr_u", V128.i8(255, 0, 1, 254, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                V128.i8(255, 1, 2, 255, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        assertArrayEquals(new long[] {255, 1, 2, 255}, java.util.Arrays.copyOf(avg.lanes(8, false), 4));
        assertEquals(65535, exact("i16x8.avgr_u", V128.i16(-1, 0, 0, 0, 0, 0, 0, 0), V128.i16(-1, 0, 0, 0, 0, 0, 0, 0))
                .lane(16, 0));
        V128 addS = exact("i8x16.add_sat_s", V128.i8(127, -128, 100, -100, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                V128.i8(1, -1, 100, -100, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        assertArrayEquals(new long[] {127, -128, 127, -128}, java.util.Arrays.copyOf(addS.lanes(8, true), 4));
        assertEquals(255, exact("i8x16.add_sat_u", V128.i8(255, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                V128.i8(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)).lane(8, 0));
        assertEquals(0, exact("i16x8.sub_sat_u", V128.i16(0, 0, 0, 0, 0, 0, 0, 0), V128.i16(1, 1, 1, 1, 1, 1, 1, 1))
                .lane(16, 0));
        assertEquals(-32768, exact("i16x8.sub_sat_s", V128.i16(-32768, 0, 0, 0, 0, 0, 0, 0),
                V128.i16(1, 0, 0, 0, 0, 0, 0, 0)).signed(16, 0));
        assertEquals(-128, exact("i8x16.abs", V128.i8(-128, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)).signed(8, 0));
        assertEquals(Long.MIN_VALUE, exact("i64x2.abs", V128.i64(Long.MIN_VALUE, 0)).lane(64, 0));
        assertEquals(Integer.MIN_VALUE, exact("i32x4.neg", V128.i32(Integer.MIN_VALUE, 0, 0, 0)).signed(32, 0));
    }

    @Test
    void shiftCountsAreTakenModuloTheLaneWidth() {
        V128 bytes = V128.i8(-128, 1, 0x7f, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertEquals(-64, shift("i8x16.shr_s", bytes, 9).signed(8, 0), "9 mod 8 = 1");
        assertEquals(0x40, shift("i8x16.shr_u", bytes, 9).lane(8, 0));
        assertEquals(-128, shift("i8x16.shr_s", bytes, 8).signed(8, 0), "8 mod 8 = 0");
        assertEquals(0x80, shift("i8x16.shl", bytes, -1).lane(8, 1), "-1 is 255, mod 8 = 7");
        assertEquals(0x8000, shift("i16x8.shl", V128.i16(1, 0, 0, 0, 0, 0, 0, 0), -1).lane(16, 0));
        assertEquals(2, shift("i32x4.shl", V128.i32(1, 0, 0, 0), 33).lane(32, 0));
        assertEquals(-1L, shift("i64x2.shr_u", V128.i64(-1, 0), 64).lane(64, 0));
        assertEquals(1L, shift("i64x2.shr_u", V128.i64(Long.MIN_VALUE, 0), 63).lane(64, 0));
        assertEquals(-1L, shift("i64x2.shr_s", V128.i64(Long.MIN_VALUE, 0), 127).lane(64, 0));
        assertEquals(-1L, shift("i32x4.shr_s", V128.i32(Integer.MIN_VALUE, 0, 0, 0), 255).signed(32, 0));
    }

    @Test
    void swizzleZeroesOutOfRangeIndicesShuffleSelectsFromBoth() {
        V128 a = V128.i8(10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25);
        V128 s = exact("i8x16.swizzle", a, V128.i8(15, 16, 255, 0, 128, 17, 1, 31, 0, 0, 0, 0, 0, 0, 0, 14));
        assertArrayEquals(new long[] {25, 0, 0, 10, 0, 0, 11, 0}, java.util.Arrays.copyOf(s.lanes(8, false), 8));
        assertEquals(24, s.lane(8, 15));
        V128 b = V128.i8(30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45);
        V128 rev = exact("i8x16.shuffle/15/14/13/12/11/10/9/8/7/6/5/4/3/2/1/0", a, b);
        assertEquals(25, rev.lane(8, 0));
        assertEquals(10, rev.lane(8, 15));
        V128 mix = exact("i8x16.shuffle/0/16/1/17/2/18/3/19/4/20/5/21/6/22/7/23", a, b);
        assertEquals(30, mix.lane(8, 1));
        assertEquals(37, mix.lane(8, 15));
    }

    @Test
    void conversionsRoundToNearestAndDemoteOverflowsToInfinity() {
        V128 u = exact("f32x4.convert_i32x4_u", V128.i32(-1, Integer.MIN_VALUE, 16777217, 0));
        assertEquals(f32Bits(4294967296f), (int) u.lane(32, 0), "0xffffffff rounds up to 2^32");
        assertEquals(f32Bits(2147483648f), (int) u.lane(32, 1));
        assertEquals(f32Bits(16777216f), (int) u.lane(32, 2), "ties to even");
        V128 s = exact("f32x4.convert_i32x4_s", V128.i32(-1, Integer.MIN_VALUE, 16777219, Integer.MAX_VALUE));
        assertEquals(f32Bits(-1f), (int) s.lane(32, 0));
        assertEquals(f32Bits(-2147483648f), (int) s.lane(32, 1));
        assertEquals(f32Bits(16777220f), (int) s.lane(32, 2), "ties to even (up)");
        assertEquals(f32Bits(2147483648f), (int) s.lane(32, 3));
        V128 low = exact("f64x2.convert_low_i32x4_u", V128.i32(-1, 7, 99, 99));
        assertEquals(Double.doubleToRawLongBits(4294967295.0), low.lane(64, 0));
        assertEquals(Double.doubleToRawLongBits(7.0), low.lane(64, 1));
        assertEquals(Double.doubleToRawLongBits(-1.0),
                exact("f64x2.convert_low_i32x4_s", V128.i32(-1, 0, 0, 0)).lane(64, 0));
        V128 d = exact("f32x4.demote_f64x2_zero", V128.f64(1e300, -3.4028235677973366E38));
        assertEquals(f32Bits(Float.POSITIVE_INFINITY), (int) d.lane(32, 0));
        assertEquals(f32Bits(Float.NEGATIVE_INFINITY), (int) d.lane(32, 1), "half an ulp past MAX ties to inf");
        assertEquals(0, d.hi(), "lanes 2 and 3 are zero");
        V128 d2 = exact("f32x4.demote_f64x2_zero", V128.f64(3.4028235677973362E38, -Double.MIN_VALUE));
        assertEquals(f32Bits(Float.MAX_VALUE), (int) d2.lane(32, 0));
        assertEquals(0x8000_0000L, d2.lane(32, 1), "underflows to -0");
        V128 p = exact("f64x2.promote_low_f32x4", V128.f32(Float.MIN_VALUE, -0f, 5f, 5f));
        assertEquals(Double.doubleToRawLongBits(1.401298464324817E-45), p.lane(64, 0));
        assertEquals(Long.MIN_VALUE, p.lane(64, 1));
    }

    @Test
    void widenings() {
        assertEquals(-256, exact("i16x8.extadd_pairwise_i8x16_s",
                V128.i8(-128, -128, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)).signed(16, 0));
        assertEquals(510, exact("i16x8.extadd_pairwise_i8x16_u",
                V128.i8(255, 255, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)).lane(16, 0));
        assertEquals(0x8000_0000L, exact("i32x4.dot_i16x8_s", V128.i16(-32768, -32768, 0, 0, 0, 0, 0, 0),
                V128.i16(-32768, -32768, 0, 0, 0, 0, 0, 0)).lane(32, 0), "2^31 wraps to MIN");
        assertEquals(0xffff_fffe_0000_0001L, exact("i64x2.extmul_high_i32x4_u",
                V128.i32(0, 0, -1, 0), V128.i32(0, 0, -1, 0)).lane(64, 0));
        assertEquals(1L, exact("i64x2.extmul_low_i32x4_s", V128.i32(-1, 0, 0, 0), V128.i32(-1, 0, 0, 0)).lane(64, 0));
        assertEquals(-1L, exact("i32x4.extend_high_i16x8_s", V128.i16(0, 0, 0, 0, -1, 0, 0, 0)).signed(32, 0));
        assertEquals(0xffffL, exact("i32x4.extend_high_i16x8_u", V128.i16(0, 0, 0, 0, -1, 0, 0, 0)).lane(32, 0));
        assertEquals(0xffff_ffffL, exact("i64x2.extend_low_i32x4_u", V128.i32(-1, 0, 0, 0)).lane(64, 0));
    }

    @Test
    void lanesAndComparisons() {
        V128 ff = V128.i8(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff);
        assertEquals(-1, (int) scalar("i8x16.extract_lane_s/15", ff));
        assertEquals(255, (int) scalar("i8x16.extract_lane_u/15", ff));
        V128 replaced = SimdReference.op("i8x16.replace_lane/3").apply(0L, 0L, 0x1ffL).v128();
        assertEquals(0xff00_0000L, replaced.lo(), "the scalar is truncated to the lane");
        V128 splat = SimdReference.op("i16x8.splat").apply(0x12345L).v128();
        assertEquals(0x2345_2345_2345_2345L, splat.lo());
        V128 eq = exact("f32x4.eq", V128.f32(Float.NaN, -0f, 1f, 1f), V128.f32(Float.NaN, 0f, 1f, 2f));
        assertArrayEquals(new long[] {0, -1, -1, 0}, eq.lanes(32, true));
        V128 ne = exact("f64x2.ne", V128.f64(Double.NaN, 1), V128.f64(Double.NaN, 1));
        assertArrayEquals(new long[] {-1, 0}, ne.lanes(64, true));
        assertEquals(-1L, exact("i64x2.lt_s", V128.i64(Long.MIN_VALUE, 0), V128.i64(Long.MAX_VALUE, 0)).lane(64, 0));
        assertEquals(0, exact("i8x16.lt_u", V128.i8(0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                V128.i8(0x7f, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)).lane(8, 0));
        V128 sel = exact("v128.bitselect", new V128(-1, 0), new V128(0, -1), new V128(0xf0f0L, 0xffL));
        assertEquals(0xf0f0L, sel.lo());
        assertEquals(~0xffL, sel.hi());
        assertEquals(0x0f0fL, exact("v128.andnot", new V128(0xffffL, 0), new V128(0xf0f0L, 0)).lo());
    }

    @Test
    void coversEveryInstruction() {
        // 213 value-to-value instructions of Wasm 2.0 SIMD (no v128.const, loads, stores or relaxed ops)
        assertEquals(213, SimdReference.instructionCount());
    }
}
