package io.wasmrun.runtime.simd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A plain-Java scalar model of every fixed-width SIMD instruction of WebAssembly 2.0 that takes
 * and returns values (no loads or stores, no relaxed SIMD), written lane by lane from the spec's
 * numerics (https://webassembly.github.io/spec/core/exec/numerics.html) and nothing of wasmrun:
 * the oracle that {@code SimdOpsTest} holds the SIMD lowering to.
 *
 * <p>A v128 is two longs, {@code lo} holding bytes 0..7 little-endian (lane 0 of i8x16 is the
 * lowest byte of {@code lo}) and {@code hi} bytes 8..15, as {@code Func.callRaw} passes them.
 * Integer results are exact. A float lane is either an exact bit pattern or, where the spec lets a
 * NaN result be any of a set ({@code nans_N} of the numerics), a {@link Rule}: a canonical NaN of
 * either sign when every NaN input is canonical (or there is none, as for {@code inf - inf}), an
 * arithmetic NaN (quiet bit set, either sign) otherwise. abs, neg, pmin, pmax, splat,
 * extract_lane and replace_lane move bits and are exact even on NaNs.
 */
final class SimdReference {
    static final int F32_CANONICAL_NAN = 0x7fc0_0000;
    static final long F64_CANONICAL_NAN = 0x7ff8_0000_0000_0000L;

    private SimdReference() {}

    /** What the spec allows in one float lane. */
    enum Rule {
        EXACT,
        CANONICAL_NAN,
        ARITHMETIC_NAN
    }

    /** A 128-bit vector: bytes 0..7 in {@code lo}, 8..15 in {@code hi}, both little-endian. */
    record V128(long lo, long hi) {
        static final V128 ZERO = new V128(0, 0);

        static V128 ofLanes(int bits, long... lanes) {
            if (lanes.length * bits != 128) {
                throw new IllegalArgumentException(lanes.length + " lanes of " + bits + " bits");
            }
            long lo = 0;
            long hi = 0;
            for (int i = 0; i < lanes.length; i++) {
                long v = lanes[i] & mask(bits);
                int offset = i * bits;
                if (offset < 64) {
                    lo |= v << offset;
                } else {
                    hi |= v << (offset - 64);
                }
            }
            return new V128(lo, hi);
        }

        static V128 i8(int... lanes) {
            return ofLanes(8, Arrays.stream(lanes).asLongStream().toArray());
        }

        static V128 i16(int... lanes) {
            return ofLanes(16, Arrays.stream(lanes).asLongStream().toArray());
        }

        static V128 i32(int... lanes) {
            return ofLanes(32, Arrays.stream(lanes).asLongStream().toArray());
        }

        static V128 i64(long a, long b) {
            return new V128(a, b);
        }

        static V128 f32(float... lanes) {
            long[] bits = new long[lanes.length];
            for (int i = 0; i < lanes.length; i++) {
                bits[i] = Float.floatToRawIntBits(lanes[i]);
            }
            return ofLanes(32, bits);
        }

        static V128 f64(double a, double b) {
            return new V128(Double.doubleToRawLongBits(a), Double.doubleToRawLongBits(b));
        }

        /** Lane {@code i} of width {@code bits}, zero-extended. */
        long lane(int bits, int i) {
            int offset = i * bits;
            long word = offset < 64 ? lo : hi;
            return (word >>> (offset % 64)) & mask(bits);
        }

        /** Lane {@code i} of width {@code bits}, sign-extended. */
        long signed(int bits, int i) {
            return bits == 64 ? lane(64, i) : (lane(bits, i) << (64 - bits)) >> (64 - bits);
        }

        long[] lanes(int bits, boolean signed) {
            long[] out = new long[128 / bits];
            for (int i = 0; i < out.length; i++) {
                out[i] = signed ? signed(bits, i) : lane(bits, i);
            }
            return out;
        }

        float f32(int i) {
            return Float.intBitsToFloat((int) lane(32, i));
        }

        double f64(int i) {
            return Double.longBitsToDouble(lane(64, i));
        }

        @Override
        public String toString() {
            return String.format("0x%016x_%016x", hi, lo);
        }
    }

    /**
     * An expected result: {@code type} is {@code v128}, {@code i32}, {@code i64}, {@code f32} or
     * {@code f64}; a scalar sits in {@code lo}. For a float vector ({@code floatBits} 32 or 64),
     * {@code rules} says per lane whether the bits are exact or which NaNs are allowed.
     */
    record Expected(String type, int floatBits, long lo, long hi, Rule[] rules) {
        static Expected of(V128 v) {
            return new Expected("v128", 0, v.lo(), v.hi(), null);
        }

        static Expected scalar(String type, long value) {
            return new Expected(type, 0, value, 0, null);
        }

        static Expected floats(int bits, long[] lanes, Rule[] rules) {
            V128 v = V128.ofLanes(bits, lanes);
            return new Expected("v128", bits, v.lo(), v.hi(), rules.clone());
        }

        V128 v128() {
            return new V128(lo, hi);
        }

        Rule rule(int lane) {
            return rules == null ? Rule.EXACT : rules[lane];
        }

        boolean isExact() {
            return rules == null || Arrays.stream(rules).allMatch(r -> r == Rule.EXACT);
        }

        /** Whether raw results from {@code callRaw} are one of the values the spec allows. */
        boolean matches(long[] actual) {
            switch (type) {
                case "i32", "f32" -> {
                    return actual.length == 1 && (int) actual[0] == (int) lo;
                }
                case "i64", "f64" -> {
                    return actual.length == 1 && actual[0] == lo;
                }
                default -> {
                    if (actual.length != 2) {
                        return false;
                    }
                    if (floatBits == 0) {
                        return actual[0] == lo && actual[1] == hi;
                    }
                    V128 got = new V128(actual[0], actual[1]);
                    V128 want = v128();
                    for (int i = 0; i < 128 / floatBits; i++) {
                        if (!laneMatches(floatBits, rules[i], want.lane(floatBits, i), got.lane(floatBits, i))) {
                            return false;
                        }
                    }
                    return true;
                }
            }
        }

        /** E.g. {@code f32x4[0x3f800000, nan:canonical, ...]} or {@code i32:0x00000001}. */
        String describe(String shape) {
            if (!type.equals("v128")) {
                return type + ":" + hex(type, lo);
            }
            return describeVector(shape, v128(), floatBits == 0 ? null : rules);
        }
    }

    static boolean laneMatches(int bits, Rule rule, long want, long got) {
        return switch (rule) {
            case EXACT -> want == got;
            case CANONICAL_NAN -> bits == 32
                    ? (got & 0x7fff_ffffL) == F32_CANONICAL_NAN
                    : (got & Long.MAX_VALUE) == F64_CANONICAL_NAN;
            case ARITHMETIC_NAN -> bits == 32
                    ? (got & 0x7fc0_0000L) == 0x7fc0_0000L
                    : (got & F64_CANONICAL_NAN) == F64_CANONICAL_NAN;
        };
    }

    /** The vector in hex with its lanes of {@code shape} (e.g. {@code i16x8}), NaN rules in place. */
    static String describeVector(String shape, V128 v, Rule[] rules) {
        int bits = laneBits(shape);
        var sb = new StringBuilder(v.toString()).append(' ').append(shape).append('[');
        for (int i = 0; i < 128 / bits; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            Rule r = rules == null ? Rule.EXACT : rules[i];
            long lane = v.lane(bits, i);
            if (r == Rule.CANONICAL_NAN) {
                sb.append("nan:canonical");
            } else if (r == Rule.ARITHMETIC_NAN) {
                sb.append("nan:arithmetic");
            } else if (shape.startsWith("f32")) {
                sb.append(String.format("0x%08x(%s)", lane, Float.intBitsToFloat((int) lane)));
            } else if (shape.startsWith("f64")) {
                sb.append(String.format("0x%016x(%s)", lane, Double.longBitsToDouble(lane)));
            } else {
                sb.append(String.format("0x%0" + bits / 4 + "x", lane));
            }
        }
        return sb.append(']').toString();
    }

    static String hex(String type, long value) {
        return switch (type) {
            case "i32" -> String.format("0x%08x(%d)", (int) value, (int) value);
            case "f32" -> String.format("0x%08x(%s)", (int) value, Float.intBitsToFloat((int) value));
            case "f64" -> String.format("0x%016x(%s)", value, Double.longBitsToDouble(value));
            default -> String.format("0x%016x(%d)", value, value);
        };
    }

    static int laneBits(String shape) {
        return switch (shape) {
            case "i8x16" -> 8;
            case "i16x8" -> 16;
            case "i32x4", "f32x4" -> 32;
            case "i64x2", "f64x2" -> 64;
            default -> throw new IllegalArgumentException(shape);
        };
    }

    static long mask(int bits) {
        return bits == 64 ? -1L : (1L << bits) - 1;
    }

    /** The arguments of one call, decoded from raw values by the operation's parameter list. */
    static final class Args {
        private final long[] raw;
        private final int[] offsets;

        Args(List<String> params, long[] raw) {
            this.raw = raw;
            this.offsets = new int[params.size()];
            int o = 0;
            for (int i = 0; i < params.size(); i++) {
                offsets[i] = o;
                o += isVector(params.get(i)) ? 2 : 1;
            }
            if (o != raw.length) {
                throw new IllegalArgumentException("expected " + o + " raw values, got " + raw.length);
            }
        }

        V128 v(int param) {
            return new V128(raw[offsets[param]], raw[offsets[param] + 1]);
        }

        long x(int param) {
            return raw[offsets[param]];
        }

        int i(int param) {
            return (int) raw[offsets[param]];
        }
    }

    static boolean isVector(String param) {
        return param.contains("x");
    }

    static String wasmType(String param) {
        return isVector(param) ? "v128" : param.equals("count") ? "i32" : param;
    }

    /**
     * One instruction with its immediates: {@code instr} is its text (e.g. {@code
     * i8x16.extract_lane_s 3}); {@code params} are lane shapes for v128 operands (which edge
     * values suit them), {@code i32}/{@code i64}/{@code f32}/{@code f64} for scalars and {@code
     * count} for a shift count; {@code result} a shape or a scalar type.
     */
    record Op(String name, String instr, List<String> params, String result, Function<Args, Expected> eval) {
        /** Export name: the instruction, immediates joined by {@code /}. */
        String export() {
            return instr.replace(' ', '/');
        }

        String group() {
            return name.substring(0, name.indexOf('.'));
        }

        Expected apply(long... raw) {
            return eval.apply(new Args(params, raw));
        }

        Expected apply(V128... vectors) {
            long[] raw = new long[vectors.length * 2];
            for (int i = 0; i < vectors.length; i++) {
                raw[2 * i] = vectors[i].lo();
                raw[2 * i + 1] = vectors[i].hi();
            }
            return apply(raw);
        }

        int rawParams() {
            return params.stream().mapToInt(p -> isVector(p) ? 2 : 1).sum();
        }

        String watFunc() {
            var sb = new StringBuilder("(func (export \"").append(export()).append("\") (param");
            for (String p : params) {
                sb.append(' ').append(wasmType(p));
            }
            sb.append(") (result ").append(wasmType(result)).append(')');
            for (int i = 0; i < params.size(); i++) {
                sb.append(" local.get ").append(i);
            }
            return sb.append(' ').append(instr).append(')').toString();
        }
    }

    private static final Map<String, Op> OPS = new LinkedHashMap<>();

    /** The shuffle immediates exercised: identity, all from b, reversed, interleaved, broadcasts, scattered. */
    static final int[][] SHUFFLES = {
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
        {16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31},
        {15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0},
        {0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23},
        {8, 24, 9, 25, 10, 26, 11, 27, 12, 28, 13, 29, 14, 30, 15, 31},
        {31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31},
        {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
        {3, 29, 17, 8, 0, 31, 12, 22, 5, 19, 26, 1, 14, 30, 9, 16},
        {4, 5, 6, 7, 20, 21, 22, 23, 0, 1, 2, 3, 16, 17, 18, 19},
    };

    /** Every operation, lane-immediate variants each their own entry. */
    static List<Op> ops() {
        return Collections.unmodifiableList(new ArrayList<>(OPS.values()));
    }

    /** The operation exported as {@code export} (an instruction name, {@code /lane} for immediates). */
    static Op op(String export) {
        Op op = OPS.get(export);
        if (op == null) {
            throw new IllegalArgumentException("no such SIMD op: " + export);
        }
        return op;
    }

    static boolean has(String export) {
        return OPS.containsKey(export);
    }

    /** Distinct instruction names covered (immediate variants counted once). */
    static long instructionCount() {
        return OPS.values().stream().map(Op::name).distinct().count();
    }

    private static void add(String name, String instr, List<String> params, String result, Function<Args, Expected> eval) {
        Op op = new Op(name, instr, params, result, eval);
        if (OPS.put(op.export(), op) != null) {
            throw new IllegalStateException("twice: " + op.export());
        }
    }

    private static void add(String name, List<String> params, String result, Function<Args, Expected> eval) {
        add(name, name, params, result, eval);
    }

    // ---- integer lane helpers -------------------------------------------------------------

    interface LaneBinary {
        long apply(long a, long b);
    }

    interface LaneUnary {
        long apply(long a);
    }

    private static V128 map(int bits, boolean signed, V128 a, LaneUnary f) {
        long[] x = a.lanes(bits, signed);
        long[] out = new long[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = f.apply(x[i]);
        }
        return V128.ofLanes(bits, out);
    }

    private static V128 zip(int bits, boolean signed, V128 a, V128 b, LaneBinary f) {
        long[] x = a.lanes(bits, signed);
        long[] y = b.lanes(bits, signed);
        long[] out = new long[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = f.apply(x[i], y[i]);
        }
        return V128.ofLanes(bits, out);
    }

    static long satS(int bits, long v) {
        long max = (1L << (bits - 1)) - 1;
        long min = -(1L << (bits - 1));
        return Math.max(min, Math.min(max, v));
    }

    static long satU(int bits, long v) {
        return Math.max(0, Math.min(mask(bits), v));
    }

    private static long bool(boolean b) {
        return b ? -1L : 0L;
    }

    private static void intBinary(String shape, String op, boolean signed, LaneBinary f) {
        String name = shape + "." + op;
        int bits = laneBits(shape);
        add(name, List.of(shape, shape), shape, a -> Expected.of(zip(bits, signed, a.v(0), a.v(1), f)));
    }

    private static void intUnary(String shape, String op, boolean signed, LaneUnary f) {
        String name = shape + "." + op;
        int bits = laneBits(shape);
        add(name, List.of(shape), shape, a -> Expected.of(map(bits, signed, a.v(0), f)));
    }

    // ---- float lane helpers ---------------------------------------------------------------

    static boolean isNaN32(long bits) {
        return (bits & 0x7f80_0000L) == 0x7f80_0000L && (bits & 0x007f_ffffL) != 0;
    }

    static boolean isNaN64(long bits) {
        return (bits & 0x7ff0_0000_0000_0000L) == 0x7ff0_0000_0000_0000L && (bits & 0x000f_ffff_ffff_ffffL) != 0;
    }

    static boolean isCanonical(int bits, long value) {
        return bits == 32
                ? (value & 0x7fff_ffffL) == F32_CANONICAL_NAN
                : (value & Long.MAX_VALUE) == F64_CANONICAL_NAN;
    }

    /** {@code nans_N}: canonical if every NaN among the inputs is canonical, else arithmetic. */
    static Rule nans(int bits, long... inputs) {
        for (long in : inputs) {
            boolean nan = bits == 32 ? isNaN32(in) : isNaN64(in);
            if (nan && !isCanonical(bits, in)) {
                return Rule.ARITHMETIC_NAN;
            }
        }
        return Rule.CANONICAL_NAN;
    }

    interface F32Binary {
        float apply(float a, float b);
    }

    interface F64Binary {
        double apply(double a, double b);
    }

    interface F32Unary {
        float apply(float a);
    }

    interface F64Unary {
        double apply(double a);
    }

    /** Lane results of a float op: a non-NaN result exact, a NaN one by {@link #nans}. */
    private static final class FloatLanes {
        final int bits;
        final long[] lanes;
        final Rule[] rules;

        FloatLanes(int bits) {
            this.bits = bits;
            this.lanes = new long[128 / bits];
            this.rules = new Rule[128 / bits];
            Arrays.fill(rules, Rule.EXACT);
        }

        void f32(int i, float r, long... inputs) {
            if (Float.isNaN(r)) {
                lanes[i] = F32_CANONICAL_NAN;
                rules[i] = nans(32, inputs);
            } else {
                lanes[i] = Float.floatToRawIntBits(r) & 0xffff_ffffL;
            }
        }

        void f64(int i, double r, long... inputs) {
            if (Double.isNaN(r)) {
                lanes[i] = F64_CANONICAL_NAN;
                rules[i] = nans(64, inputs);
            } else {
                lanes[i] = Double.doubleToRawLongBits(r);
            }
        }

        void exact(int i, long value) {
            lanes[i] = value;
        }

        Expected expected() {
            return Expected.floats(bits, lanes, rules);
        }
    }

    private static void f32Binary(String op, F32Binary f) {
        add("f32x4." + op, List.of("f32x4", "f32x4"), "f32x4", a -> {
            V128 x = a.v(0);
            V128 y = a.v(1);
            var out = new FloatLanes(32);
            for (int i = 0; i < 4; i++) {
                out.f32(i, f.apply(x.f32(i), y.f32(i)), x.lane(32, i), y.lane(32, i));
            }
            return out.expected();
        });
    }

    private static void f64Binary(String op, F64Binary f) {
        add("f64x2." + op, List.of("f64x2", "f64x2"), "f64x2", a -> {
            V128 x = a.v(0);
            V128 y = a.v(1);
            var out = new FloatLanes(64);
            for (int i = 0; i < 2; i++) {
                out.f64(i, f.apply(x.f64(i), y.f64(i)), x.lane(64, i), y.lane(64, i));
            }
            return out.expected();
        });
    }

    private static void f32Unary(String op, F32Unary f) {
        add("f32x4." + op, List.of("f32x4"), "f32x4", a -> {
            V128 x = a.v(0);
            var out = new FloatLanes(32);
            for (int i = 0; i < 4; i++) {
                out.f32(i, f.apply(x.f32(i)), x.lane(32, i));
            }
            return out.expected();
        });
    }

    private static void f64Unary(String op, F64Unary f) {
        add("f64x2." + op, List.of("f64x2"), "f64x2", a -> {
            V128 x = a.v(0);
            var out = new FloatLanes(64);
            for (int i = 0; i < 2; i++) {
                out.f64(i, f.apply(x.f64(i)), x.lane(64, i));
            }
            return out.expected();
        });
    }

    /** An op that moves float bits (abs, neg, pmin, pmax): exact on NaNs too, integer-like. */
    private static void floatBits(String shape, String op, LaneBinary f, boolean binary) {
        int bits = laneBits(shape);
        List<String> params = binary ? List.of(shape, shape) : List.of(shape);
        add(shape + "." + op, params, shape, a -> {
            V128 x = a.v(0);
            V128 y = binary ? a.v(1) : V128.ZERO;
            var out = new FloatLanes(bits);
            for (int i = 0; i < 128 / bits; i++) {
                out.exact(i, f.apply(x.lane(bits, i), y.lane(bits, i)) & mask(bits));
            }
            return out.expected();
        });
    }

    private static float f32(long bits) {
        return Float.intBitsToFloat((int) bits);
    }

    private static double f64(long bits) {
        return Double.longBitsToDouble(bits);
    }

    /** Round to nearest, ties to even, keeping the sign of zero (the spec's fnearest). */
    static double nearest(double d) {
        return Math.rint(d);
    }

    /** Rounds toward zero keeping the sign (the spec's ftrunc): -0.5 gives -0. */
    static double trunc(double d) {
        return d < 0 ? Math.ceil(d) : Math.floor(d);
    }

    /** fmin: NaN if either is, -0 below +0. */
    static double fmin(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.NaN;
        }
        if (a == 0 && b == 0) {
            return (Double.doubleToRawLongBits(a) < 0 || Double.doubleToRawLongBits(b) < 0) ? -0.0 : 0.0;
        }
        return a < b ? a : b;
    }

    static double fmax(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.NaN;
        }
        if (a == 0 && b == 0) {
            return (Double.doubleToRawLongBits(a) >= 0 || Double.doubleToRawLongBits(b) >= 0) ? 0.0 : -0.0;
        }
        return a > b ? a : b;
    }

    static float fmin(float a, float b) {
        return (float) fmin((double) a, (double) b);
    }

    static float fmax(float a, float b) {
        return (float) fmax((double) a, (double) b);
    }

    // ---- the instructions -----------------------------------------------------------------

    static {
        String[] ints = {"i8x16", "i16x8", "i32x4", "i64x2"};

        // splat, extract_lane, replace_lane
        for (String shape : new String[] {"i8x16", "i16x8", "i32x4", "i64x2", "f32x4", "f64x2"}) {
            int bits = laneBits(shape);
            int lanes = 128 / bits;
            String scalar = bits == 64 ? (shape.startsWith("f") ? "f64" : "i64") : (shape.startsWith("f") ? "f32" : "i32");
            add(shape + ".splat", List.of(scalar), shape, a -> {
                long[] out = new long[lanes];
                Arrays.fill(out, a.x(0));
                V128 v = V128.ofLanes(bits, out);
                return shape.startsWith("f") ? Expected.floats(bits, out, exactRules(lanes)) : Expected.of(v);
            });
            for (int lane = 0; lane < lanes; lane++) {
                int l = lane;
                if (bits <= 16) {
                    add(shape + ".extract_lane_s", shape + ".extract_lane_s " + l, List.of(shape), "i32",
                            a -> Expected.scalar("i32", a.v(0).signed(bits, l)));
                    add(shape + ".extract_lane_u", shape + ".extract_lane_u " + l, List.of(shape), "i32",
                            a -> Expected.scalar("i32", a.v(0).lane(bits, l)));
                } else {
                    add(shape + ".extract_lane", shape + ".extract_lane " + l, List.of(shape), scalar,
                            a -> Expected.scalar(scalar, a.v(0).lane(bits, l)));
                }
                add(shape + ".replace_lane", shape + ".replace_lane " + l, List.of(shape, scalar), shape, a -> {
                    long[] out = a.v(0).lanes(bits, false);
                    out[l] = a.x(1) & mask(bits);
                    return shape.startsWith("f")
                            ? Expected.floats(bits, out, exactRules(lanes))
                            : Expected.of(V128.ofLanes(bits, out));
                });
            }
        }

        // i8x16.shuffle with a few lane-immediate patterns, swizzle
        for (int[] pattern : SHUFFLES) {
            var text = new StringBuilder("i8x16.shuffle");
            for (int p : pattern) {
                text.append(' ').append(p);
            }
            add("i8x16.shuffle", text.toString(), List.of("i8x16", "i8x16"), "i8x16", a -> {
                long[] x = a.v(0).lanes(8, false);
                long[] y = a.v(1).lanes(8, false);
                long[] out = new long[16];
                for (int i = 0; i < 16; i++) {
                    out[i] = pattern[i] < 16 ? x[pattern[i]] : y[pattern[i] - 16];
                }
                return Expected.of(V128.ofLanes(8, out));
            });
        }
        add("i8x16.swizzle", List.of("i8x16", "i8x16"), "i8x16", a -> {
            long[] x = a.v(0).lanes(8, false);
            long[] s = a.v(1).lanes(8, false);
            long[] out = new long[16];
            for (int i = 0; i < 16; i++) {
                out[i] = s[i] < 16 ? x[(int) s[i]] : 0;
            }
            return Expected.of(V128.ofLanes(8, out));
        });

        // integer comparisons
        for (String shape : ints) {
            intBinary(shape, "eq", false, (x, y) -> bool(x == y));
            intBinary(shape, "ne", false, (x, y) -> bool(x != y));
            intBinary(shape, "lt_s", true, (x, y) -> bool(x < y));
            intBinary(shape, "gt_s", true, (x, y) -> bool(x > y));
            intBinary(shape, "le_s", true, (x, y) -> bool(x <= y));
            intBinary(shape, "ge_s", true, (x, y) -> bool(x >= y));
            if (!shape.equals("i64x2")) {
                intBinary(shape, "lt_u", false, (x, y) -> bool(Long.compareUnsigned(x, y) < 0));
                intBinary(shape, "gt_u", false, (x, y) -> bool(Long.compareUnsigned(x, y) > 0));
                intBinary(shape, "le_u", false, (x, y) -> bool(Long.compareUnsigned(x, y) <= 0));
                intBinary(shape, "ge_u", false, (x, y) -> bool(Long.compareUnsigned(x, y) >= 0));
            }
        }

        // float comparisons: IEEE, false on NaN except ne
        for (String shape : new String[] {"f32x4", "f64x2"}) {
            int bits = laneBits(shape);
            floatCompare(shape, bits, "eq", (x, y) -> x == y);
            floatCompare(shape, bits, "ne", (x, y) -> x != y);
            floatCompare(shape, bits, "lt", (x, y) -> x < y);
            floatCompare(shape, bits, "gt", (x, y) -> x > y);
            floatCompare(shape, bits, "le", (x, y) -> x <= y);
            floatCompare(shape, bits, "ge", (x, y) -> x >= y);
        }

        // v128 bitwise
        add("v128.not", List.of("i8x16"), "i8x16", a -> Expected.of(new V128(~a.v(0).lo(), ~a.v(0).hi())));
        add("v128.and", List.of("i8x16", "i8x16"), "i8x16",
                a -> Expected.of(new V128(a.v(0).lo() & a.v(1).lo(), a.v(0).hi() & a.v(1).hi())));
        add("v128.andnot", List.of("i8x16", "i8x16"), "i8x16",
                a -> Expected.of(new V128(a.v(0).lo() & ~a.v(1).lo(), a.v(0).hi() & ~a.v(1).hi())));
        add("v128.or", List.of("i8x16", "i8x16"), "i8x16",
                a -> Expected.of(new V128(a.v(0).lo() | a.v(1).lo(), a.v(0).hi() | a.v(1).hi())));
        add("v128.xor", List.of("i8x16", "i8x16"), "i8x16",
                a -> Expected.of(new V128(a.v(0).lo() ^ a.v(1).lo(), a.v(0).hi() ^ a.v(1).hi())));
        add("v128.bitselect", List.of("i8x16", "i8x16", "i8x16"), "i8x16", a -> {
            V128 x = a.v(0);
            V128 y = a.v(1);
            V128 c = a.v(2);
            return Expected.of(new V128(
                    (x.lo() & c.lo()) | (y.lo() & ~c.lo()), (x.hi() & c.hi()) | (y.hi() & ~c.hi())));
        });
        add("v128.any_true", List.of("i8x16"), "i32",
                a -> Expected.scalar("i32", (a.v(0).lo() | a.v(0).hi()) != 0 ? 1 : 0));

        // abs, neg, all_true, bitmask, shifts, add, sub
        for (String shape : ints) {
            int bits = laneBits(shape);
            intUnary(shape, "abs", true, x -> Math.abs(x));
            intUnary(shape, "neg", true, x -> -x);
            add(shape + ".all_true", List.of(shape), "i32", a -> {
                for (long x : a.v(0).lanes(bits, false)) {
                    if (x == 0) {
                        return Expected.scalar("i32", 0);
                    }
                }
                return Expected.scalar("i32", 1);
            });
            add(shape + ".bitmask", List.of(shape), "i32", a -> {
                long[] x = a.v(0).lanes(bits, true);
                int m = 0;
                for (int i = 0; i < x.length; i++) {
                    if (x[i] < 0) {
                        m |= 1 << i;
                    }
                }
                return Expected.scalar("i32", m);
            });
            add(shape + ".shl", List.of(shape, "count"), shape, a -> {
                int k = Integer.remainderUnsigned(a.i(1), bits);
                return Expected.of(map(bits, false, a.v(0), x -> x << k));
            });
            add(shape + ".shr_s", List.of(shape, "count"), shape, a -> {
                int k = Integer.remainderUnsigned(a.i(1), bits);
                return Expected.of(map(bits, true, a.v(0), x -> x >> k));
            });
            add(shape + ".shr_u", List.of(shape, "count"), shape, a -> {
                int k = Integer.remainderUnsigned(a.i(1), bits);
                return Expected.of(map(bits, false, a.v(0), x -> x >>> k));
            });
            intBinary(shape, "add", false, (x, y) -> x + y);
            intBinary(shape, "sub", false, (x, y) -> x - y);
        }
        intUnary("i8x16", "popcnt", false, Long::bitCount);

        // saturating add/sub, min/max, avgr_u on i8x16 and i16x8
        for (String shape : new String[] {"i8x16", "i16x8"}) {
            int bits = laneBits(shape);
            intBinary(shape, "add_sat_s", true, (x, y) -> satS(bits, x + y));
            intBinary(shape, "add_sat_u", false, (x, y) -> satU(bits, x + y));
            intBinary(shape, "sub_sat_s", true, (x, y) -> satS(bits, x - y));
            intBinary(shape, "sub_sat_u", false, (x, y) -> satU(bits, x - y));
            intBinary(shape, "avgr_u", false, (x, y) -> (x + y + 1) >>> 1);
        }
        for (String shape : new String[] {"i8x16", "i16x8", "i32x4"}) {
            intBinary(shape, "min_s", true, Math::min);
            intBinary(shape, "min_u", false, Math::min);
            intBinary(shape, "max_s", true, Math::max);
            intBinary(shape, "max_u", false, Math::max);
        }
        intBinary("i16x8", "mul", false, (x, y) -> x * y);
        intBinary("i32x4", "mul", false, (x, y) -> x * y);
        intBinary("i64x2", "mul", false, (x, y) -> x * y);
        intBinary("i16x8", "q15mulr_sat_s", true, (x, y) -> satS(16, (x * y + 0x4000) >> 15));

        // narrow: a's lanes then b's, saturated (from signed input)
        narrow("i8x16.narrow_i16x8_s", "i16x8", 16, "i8x16", true);
        narrow("i8x16.narrow_i16x8_u", "i16x8", 16, "i8x16", false);
        narrow("i16x8.narrow_i32x4_s", "i32x4", 32, "i16x8", true);
        narrow("i16x8.narrow_i32x4_u", "i32x4", 32, "i16x8", false);

        // extend, extadd_pairwise, extmul, dot
        String[][] widen = {{"i16x8", "i8x16"}, {"i32x4", "i16x8"}, {"i64x2", "i32x4"}};
        for (String[] w : widen) {
            String to = w[0];
            String from = w[1];
            int narrowBits = laneBits(from);
            int wideBits = laneBits(to);
            int n = 128 / wideBits;
            for (boolean signed : new boolean[] {true, false}) {
                String su = signed ? "_s" : "_u";
                for (boolean high : new boolean[] {false, true}) {
                    String half = high ? "high" : "low";
                    int base = high ? n : 0;
                    add(to + ".extend_" + half + "_" + from + su, List.of(from), to, a -> {
                        long[] x = a.v(0).lanes(narrowBits, signed);
                        long[] out = new long[n];
                        for (int i = 0; i < n; i++) {
                            out[i] = x[base + i];
                        }
                        return Expected.of(V128.ofLanes(wideBits, out));
                    });
                    add(to + ".extmul_" + half + "_" + from + su, List.of(from, from), to, a -> {
                        long[] x = a.v(0).lanes(narrowBits, signed);
                        long[] y = a.v(1).lanes(narrowBits, signed);
                        long[] out = new long[n];
                        for (int i = 0; i < n; i++) {
                            out[i] = x[base + i] * y[base + i];
                        }
                        return Expected.of(V128.ofLanes(wideBits, out));
                    });
                }
                if (!to.equals("i64x2")) {
                    add(to + ".extadd_pairwise_" + from + su, List.of(from), to, a -> {
                        long[] x = a.v(0).lanes(narrowBits, signed);
                        long[] out = new long[n];
                        for (int i = 0; i < n; i++) {
                            out[i] = x[2 * i] + x[2 * i + 1];
                        }
                        return Expected.of(V128.ofLanes(wideBits, out));
                    });
                }
            }
        }
        add("i32x4.dot_i16x8_s", List.of("i16x8", "i16x8"), "i32x4", a -> {
            long[] x = a.v(0).lanes(16, true);
            long[] y = a.v(1).lanes(16, true);
            long[] out = new long[4];
            for (int i = 0; i < 4; i++) {
                out[i] = x[2 * i] * y[2 * i] + x[2 * i + 1] * y[2 * i + 1];
            }
            return Expected.of(V128.ofLanes(32, out));
        });

        // float arithmetic
        floatBits("f32x4", "abs", (x, y) -> x & 0x7fff_ffffL, false);
        floatBits("f32x4", "neg", (x, y) -> x ^ 0x8000_0000L, false);
        floatBits("f64x2", "abs", (x, y) -> x & Long.MAX_VALUE, false);
        floatBits("f64x2", "neg", (x, y) -> x ^ Long.MIN_VALUE, false);
        // pmin = b < a ? b : a; pmax = a < b ? b : a (flt, so NaN operands pass through as bits)
        floatBits("f32x4", "pmin", (x, y) -> f32(y) < f32(x) ? y : x, true);
        floatBits("f32x4", "pmax", (x, y) -> f32(x) < f32(y) ? y : x, true);
        floatBits("f64x2", "pmin", (x, y) -> f64(y) < f64(x) ? y : x, true);
        floatBits("f64x2", "pmax", (x, y) -> f64(x) < f64(y) ? y : x, true);

        f32Unary("sqrt", x -> (float) Math.sqrt(x));
        f32Unary("ceil", x -> (float) Math.ceil(x));
        f32Unary("floor", x -> (float) Math.floor(x));
        f32Unary("trunc", x -> (float) trunc(x));
        f32Unary("nearest", x -> (float) nearest(x));
        f64Unary("sqrt", Math::sqrt);
        f64Unary("ceil", Math::ceil);
        f64Unary("floor", Math::floor);
        f64Unary("trunc", SimdReference::trunc);
        f64Unary("nearest", SimdReference::nearest);
        f32Binary("add", (x, y) -> x + y);
        f32Binary("sub", (x, y) -> x - y);
        f32Binary("mul", (x, y) -> x * y);
        f32Binary("div", (x, y) -> x / y);
        f32Binary("min", SimdReference::fmin);
        f32Binary("max", SimdReference::fmax);
        f64Binary("add", (x, y) -> x + y);
        f64Binary("sub", (x, y) -> x - y);
        f64Binary("mul", (x, y) -> x * y);
        f64Binary("div", (x, y) -> x / y);
        f64Binary("min", SimdReference::fmin);
        f64Binary("max", SimdReference::fmax);

        // conversions
        add("i32x4.trunc_sat_f32x4_s", List.of("f32x4"), "i32x4", a -> {
            long[] out = new long[4];
            for (int i = 0; i < 4; i++) {
                out[i] = truncSatS32(a.v(0).f32(i));
            }
            return Expected.of(V128.ofLanes(32, out));
        });
        add("i32x4.trunc_sat_f32x4_u", List.of("f32x4"), "i32x4", a -> {
            long[] out = new long[4];
            for (int i = 0; i < 4; i++) {
                out[i] = truncSatU32(a.v(0).f32(i));
            }
            return Expected.of(V128.ofLanes(32, out));
        });
        add("i32x4.trunc_sat_f64x2_s_zero", List.of("f64x2"), "i32x4", a -> {
            long[] out = new long[4];
            for (int i = 0; i < 2; i++) {
                out[i] = truncSatS32(a.v(0).f64(i));
            }
            return Expected.of(V128.ofLanes(32, out));
        });
        add("i32x4.trunc_sat_f64x2_u_zero", List.of("f64x2"), "i32x4", a -> {
            long[] out = new long[4];
            for (int i = 0; i < 2; i++) {
                out[i] = truncSatU32(a.v(0).f64(i));
            }
            return Expected.of(V128.ofLanes(32, out));
        });
        add("f32x4.convert_i32x4_s", List.of("i32x4"), "f32x4", a -> {
            var out = new FloatLanes(32);
            for (int i = 0; i < 4; i++) {
                out.f32(i, (float) (int) a.v(0).lane(32, i));
            }
            return out.expected();
        });
        add("f32x4.convert_i32x4_u", List.of("i32x4"), "f32x4", a -> {
            var out = new FloatLanes(32);
            for (int i = 0; i < 4; i++) {
                out.f32(i, (float) a.v(0).lane(32, i));
            }
            return out.expected();
        });
        add("f64x2.convert_low_i32x4_s", List.of("i32x4"), "f64x2", a -> {
            var out = new FloatLanes(64);
            for (int i = 0; i < 2; i++) {
                out.f64(i, (double) (int) a.v(0).lane(32, i));
            }
            return out.expected();
        });
        add("f64x2.convert_low_i32x4_u", List.of("i32x4"), "f64x2", a -> {
            var out = new FloatLanes(64);
            for (int i = 0; i < 2; i++) {
                out.f64(i, (double) a.v(0).lane(32, i));
            }
            return out.expected();
        });
        add("f32x4.demote_f64x2_zero", List.of("f64x2"), "f32x4", a -> {
            var out = new FloatLanes(32);
            for (int i = 0; i < 2; i++) {
                long in = a.v(0).lane(64, i);
                // a NaN's rule depends on its f64 payload, not on the narrowed float
                if (isNaN64(in)) {
                    out.lanes[i] = F32_CANONICAL_NAN;
                    out.rules[i] = nans(64, in);
                } else {
                    out.f32(i, (float) a.v(0).f64(i));
                }
            }
            return out.expected();
        });
        add("f64x2.promote_low_f32x4", List.of("f32x4"), "f64x2", a -> {
            var out = new FloatLanes(64);
            for (int i = 0; i < 2; i++) {
                long in = a.v(0).lane(32, i);
                // a NaN's rule depends on its f32 payload, not on the widened double
                if (isNaN32(in)) {
                    out.lanes[i] = F64_CANONICAL_NAN;
                    out.rules[i] = nans(32, in);
                } else {
                    out.f64(i, (double) a.v(0).f32(i));
                }
            }
            return out.expected();
        });
    }

    interface FloatCompare {
        boolean apply(double x, double y);
    }

    /** f32 lanes compare as doubles: widening is exact and keeps order, zeros and NaN. */
    private static void floatCompare(String shape, int bits, String op, FloatCompare f) {
        add(shape + "." + op, List.of(shape, shape), shape.equals("f32x4") ? "i32x4" : "i64x2", a -> {
            V128 x = a.v(0);
            V128 y = a.v(1);
            long[] out = new long[128 / bits];
            for (int i = 0; i < out.length; i++) {
                double p = bits == 32 ? x.f32(i) : x.f64(i);
                double q = bits == 32 ? y.f32(i) : y.f64(i);
                out[i] = bool(f.apply(p, q));
            }
            return Expected.of(V128.ofLanes(bits, out));
        });
    }

    private static void narrow(String name, String from, int fromBits, String to, boolean signed) {
        int toBits = fromBits / 2;
        add(name, List.of(from, from), to, a -> {
            long[] x = a.v(0).lanes(fromBits, true);
            long[] y = a.v(1).lanes(fromBits, true);
            long[] out = new long[x.length * 2];
            for (int i = 0; i < x.length; i++) {
                out[i] = signed ? satS(toBits, x[i]) : satU(toBits, x[i]);
                out[x.length + i] = signed ? satS(toBits, y[i]) : satU(toBits, y[i]);
            }
            return Expected.of(V128.ofLanes(toBits, out));
        });
    }

    /** trunc_sat_s to i32: NaN is 0, out of range clamps. */
    static long truncSatS32(double d) {
        if (Double.isNaN(d)) {
            return 0;
        }
        double t = trunc(d);
        if (t <= Integer.MIN_VALUE) {
            return Integer.MIN_VALUE;
        }
        if (t >= Integer.MAX_VALUE) {
            return Integer.MAX_VALUE;
        }
        return (long) t;
    }

    /** trunc_sat_u to i32: NaN and negatives are 0, above 2^32-1 clamps. */
    static long truncSatU32(double d) {
        if (Double.isNaN(d)) {
            return 0;
        }
        double t = trunc(d);
        if (t <= 0) {
            return 0;
        }
        if (t >= 4294967295.0) {
            return 0xffff_ffffL;
        }
        return (long) t;
    }

    private static Rule[] exactRules(int lanes) {
        Rule[] r = new Rule[lanes];
        Arrays.fill(r, Rule.EXACT);
        return r;
    }
}
