package io.wasmrun.runtime.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.wasmrun.Engine;
import io.wasmrun.Func;
import io.wasmrun.Instance;
import io.wasmrun.Linker;
import io.wasmrun.Module;
import io.wasmrun.Store;
import io.wasmrun.Strategy;
import io.wasmrun.allocator.config.OnDemandConfig;
import io.wasmrun.allocator.config.PoolingConfig;
import io.wasmrun.runtime.simd.SimdReference.Expected;
import io.wasmrun.runtime.simd.SimdReference.Op;
import io.wasmrun.runtime.simd.SimdReference.V128;
import io.wasmrun.text.Wat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Every SIMD instruction, run in a real module under both strategies and both allocators, must
 * give what {@link SimdReference} allows, for edge values of its lane types (signs, extremes,
 * 0x7f/0x80 boundaries, zeros of both signs, infinities, NaNs canonical, with payload and
 * signalling, saturation bounds of the conversions, shift counts past the lane width) and random
 * values from a fixed seed. One module per lane shape, one export per instruction and immediate.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimdOpsTest {
    private static final int SHOWN = 25;

    private static final long[] I8 = {
        0, 1, -1, 2, 0x7f, 0x80, 0x81, 0x7e, 0x40, 0x3f, 0xc0, 0x55, 0xaa, 0x10, 0x0f, 0xfe, 0xc1
    };
    private static final long[] I16 = {
        0, 1, -1, 2, 0x7fff, 0x8000, 0x8001, 0x7ffe, 0x7f, 0x80, 0xff, 0x100, -128, -129, 0x4000, 0xc000,
        0x5555, 0xaaaa, 0x3fff, 0xc001, 0x00ff
    };
    private static final long[] I32 = {
        0, 1, -1, 2, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE + 1, Integer.MAX_VALUE - 1,
        0x7fff, 0x8000, 0xffff, 0x10000, -32768, -32769, 0x7f, 0x80, 0xff, -129, 0x5555_5555, 0xaaaa_aaaaL,
        16777217, 16777219, 0x7fff_ff80, 0xffff_0000L, 0x0001_ffff
    };
    private static final long[] I64 = {
        0, 1, -1, 2, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, Long.MAX_VALUE - 1, 0xffff_ffffL,
        1L << 32, 0x7fff_ffffL, 0x8000_0000L, -0x8000_0000L, 0x5555_5555_5555_5555L, 0xaaaa_aaaa_aaaa_aaaaL,
        0x1_0000_0001L, 0xffff_ffff_0000_0000L, 0x8000_0000_7fff_ffffL, -0x8000_0001L
    };
    private static final long[] F32 = f32Edges();
    private static final long[] F64 = f64Edges();
    /** Scalar operands of splat and replace_lane: the i32 edges and values wider than a narrow lane. */
    private static final long[] I32_SCALARS = concat(I32, new long[] {0x1ff, 0x180, 0x12345, 0xffff_8000L, 0x17f, 0xff80});
    private static final long[] COUNTS = {
        0, 1, 2, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 255, 256, -1, -8, Integer.MIN_VALUE,
        Integer.MAX_VALUE
    };

    private static long[] f32Edges() {
        float[] values = {
            0f, -0f, 1f, -1f, 0.5f, -0.5f, 1.5f, -1.5f, 2.5f, -2.5f, 3.5f, 0.49999997f, 8388609f, 16777217f,
            Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, -Float.MIN_NORMAL, Float.MAX_VALUE, -Float.MAX_VALUE,
            Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 2147483648f, 2147483520f, -2147483648f, -2147483904f,
            4294967296f, 4294967040f, 0x1p63f, -0x1p63f, -0.9f, 0.9999999f, 1e10f, 3.14159265f, 1e-40f
        };
        int[] nans = {
            0x7fc0_0000, 0xffc0_0000, 0x7fa0_0001, 0xffa0_0001, 0x7fe0_0001, 0xffe0_0001, 0x7f80_0001,
            0xff80_0001, 0x7fff_ffff
        };
        long[] out = new long[values.length + nans.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Float.floatToRawIntBits(values[i]) & 0xffff_ffffL;
        }
        for (int i = 0; i < nans.length; i++) {
            out[values.length + i] = nans[i] & 0xffff_ffffL;
        }
        return out;
    }

    private static long[] f64Edges() {
        double[] values = {
            0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 3.5, 0.49999999999999994, 4503599627370497.0,
            Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 2147483647.0, 2147483647.5, 2147483648.0,
            -2147483648.0, -2147483648.5, -2147483649.0, 4294967295.0, 4294967295.5, 4294967296.0, 0x1p63, -0x1p63,
            -0.9, 1e300, -1e300, 3.4028235677973366E38, 3.4028235677973362E38, 1.401298464324817E-45,
            7.006492321624085E-46, 0.1, 1.1754942807573643E-38
        };
        long[] nans = {
            0x7ff8_0000_0000_0000L, 0xfff8_0000_0000_0000L, 0x7ff4_0000_0000_0001L, 0xfff4_0000_0000_0001L,
            0x7ffc_0000_0000_0001L, 0xfffc_0000_0000_0001L, 0x7ff0_0000_0000_0001L, 0x7fff_ffff_ffff_ffffL
        };
        long[] out = new long[values.length + nans.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Double.doubleToRawLongBits(values[i]);
        }
        System.arraycopy(nans, 0, out, values.length, nans.length);
        return out;
    }

    private static long[] concat(long[] a, long[] b) {
        long[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The engines a case runs on. */
    enum Config {
        COMPILER_ON_DEMAND(Strategy.COMPILER, false),
        COMPILER_POOLING(Strategy.COMPILER, true),
        INTERPRETER_ON_DEMAND(Strategy.INTERPRETER, false),
        INTERPRETER_POOLING(Strategy.INTERPRETER, true);

        final Strategy strategy;
        final boolean pooling;

        Config(Strategy strategy, boolean pooling) {
            this.strategy = strategy;
            this.pooling = pooling;
        }

        Engine engine() {
            var builder = Engine.builder().strategy(strategy);
            return (pooling ? builder.pooling(PoolingConfig.defaults()) : builder.onDemand(OnDemandConfig.defaults()))
                    .build();
        }
    }

    private final Map<Config, Engine> engines = new LinkedHashMap<>();

    @AfterAll
    void closeEngines() {
        engines.values().forEach(Engine::close);
    }

    static Map<String, List<Op>> groups() {
        return SimdReference.ops().stream()
                .collect(Collectors.groupingBy(Op::group, LinkedHashMap::new, Collectors.toList()));
    }

    static String moduleText(List<Op> ops) {
        return ops.stream().map(op -> "  " + op.watFunc()).collect(Collectors.joining("\n", "(module\n", ")\n"));
    }

    @Test
    void everyOpHasAModuleFunctionAndCases() {
        int total = 0;
        for (var group : groups().entrySet()) {
            byte[] binary = Wat.toBinary(moduleText(group.getValue()), group.getKey() + ".wat");
            assertTrue(binary.length > 8, group.getKey());
            for (Op op : group.getValue()) {
                List<long[]> cases = cases(op);
                assertTrue(cases.size() >= 16, op.export() + " has only " + cases.size() + " cases");
                for (long[] args : cases) {
                    assertEquals(op.rawParams(), args.length, op.export());
                    op.apply(args); // the reference takes every case
                }
                total += cases.size();
            }
        }
        assertTrue(total > 20_000, "only " + total + " cases");
    }

    @TestFactory
    Stream<DynamicTest> everyOpMatchesTheReference() {
        var tests = new ArrayList<DynamicTest>();
        for (Config config : Config.values()) {
            for (var group : groups().entrySet()) {
                tests.add(DynamicTest.dynamicTest(
                        config + " " + group.getKey(), () -> check(config, group.getKey(), group.getValue())));
            }
        }
        return tests.stream();
    }

    private void check(Config config, String group, List<Op> ops) {
        Engine engine = engines.computeIfAbsent(config, Config::engine);
        Module module = Module.fromBytes(engine, "simd-" + group + ".wasm", Wat.toBinary(moduleText(ops), group + ".wat"));
        var failures = new ArrayList<String>();
        int checked = 0;
        try (Store store = Store.create(engine)) {
            Instance instance = new Linker().instantiate(store, module);
            for (Op op : ops) {
                Func func = instance.requireFunc(op.export());
                for (long[] args : cases(op)) {
                    Expected expected = op.apply(args);
                    checked++;
                    try {
                        long[] actual = func.callRaw(args);
                        if (!expected.matches(actual)) {
                            failures.add(describe(op, args) + "\n    expected " + expected.describe(op.result())
                                    + "\n    actual   " + describeActual(op, actual));
                        }
                    } catch (RuntimeException e) {
                        failures.add(describe(op, args) + "\n    expected " + expected.describe(op.result())
                                + "\n    threw    " + e);
                    }
                }
            }
        }
        if (!failures.isEmpty()) {
            fail(config + " " + group + ": " + failures.size() + " of " + checked + " cases differ from the reference"
                    + (failures.size() > SHOWN ? " (first " + SHOWN + ")" : "") + ":\n  "
                    + String.join("\n  ", failures.subList(0, Math.min(SHOWN, failures.size()))));
        }
    }

    private static String describe(Op op, long[] raw) {
        var sb = new StringBuilder(op.instr()).append('(');
        int o = 0;
        for (int i = 0; i < op.params().size(); i++) {
            String p = op.params().get(i);
            if (i > 0) {
                sb.append(", ");
            }
            if (SimdReference.isVector(p)) {
                sb.append(SimdReference.describeVector(p, new V128(raw[o], raw[o + 1]), null));
                o += 2;
            } else {
                sb.append(SimdReference.hex(SimdReference.wasmType(p), raw[o]));
                o++;
            }
        }
        return sb.append(')').toString();
    }

    private static String describeActual(Op op, long[] actual) {
        if (SimdReference.isVector(op.result()) && actual.length == 2) {
            return SimdReference.describeVector(op.result(), new V128(actual[0], actual[1]), null);
        }
        if (!SimdReference.isVector(op.result()) && actual.length == 1) {
            return SimdReference.hex(op.result(), actual[0]);
        }
        return Arrays.toString(actual);
    }

    // ---- cases ----------------------------------------------------------------------------

    private static long[] edges(String param) {
        return switch (param) {
            case "i8x16" -> I8;
            case "i16x8" -> I16;
            case "i32x4" -> I32;
            case "i64x2" -> I64;
            case "f32x4", "f32" -> F32;
            case "f64x2", "f64" -> F64;
            case "i32" -> I32_SCALARS;
            case "i64" -> I64;
            case "count" -> COUNTS;
            default -> throw new IllegalArgumentException(param);
        };
    }

    /** Every edge value in every lane position: rotations of the edge list, then random vectors. */
    private static List<V128> unaryVectors(String shape, Random random) {
        int bits = SimdReference.laneBits(shape);
        int lanes = 128 / bits;
        long[] e = edges(shape);
        var out = new ArrayList<V128>();
        for (int k = 0; k < e.length; k++) {
            long[] v = new long[lanes];
            for (int i = 0; i < lanes; i++) {
                v[i] = e[(k + i) % e.length];
            }
            out.add(V128.ofLanes(bits, v));
        }
        out.addAll(randomVectors(shape, random, 12));
        return out;
    }

    /** Half fully random bits, half random picks of edge values per lane. */
    private static List<V128> randomVectors(String shape, Random random, int count) {
        int bits = SimdReference.laneBits(shape);
        long[] e = edges(shape);
        var out = new ArrayList<V128>();
        for (int k = 0; k < count; k++) {
            if (k % 2 == 0) {
                out.add(new V128(random.nextLong(), random.nextLong()));
            } else {
                long[] v = new long[128 / bits];
                for (int i = 0; i < v.length; i++) {
                    v[i] = e[random.nextInt(e.length)];
                }
                out.add(V128.ofLanes(bits, v));
            }
        }
        return out;
    }

    /** Every ordered pair of edge values once, in shuffled order so pairs land in every lane. */
    private static List<V128[]> pairVectors(String shape, Random random) {
        int bits = SimdReference.laneBits(shape);
        int lanes = 128 / bits;
        long[] e = edges(shape);
        var pairs = new ArrayList<long[]>();
        for (long x : e) {
            for (long y : e) {
                pairs.add(new long[] {x, y});
            }
        }
        Collections.shuffle(pairs, random);
        var out = new ArrayList<V128[]>();
        for (int start = 0; start < pairs.size(); start += lanes) {
            long[] a = new long[lanes];
            long[] b = new long[lanes];
            for (int i = 0; i < lanes; i++) {
                long[] p = pairs.get((start + i) % pairs.size());
                a[i] = p[0];
                b[i] = p[1];
            }
            out.add(new V128[] {V128.ofLanes(bits, a), V128.ofLanes(bits, b)});
        }
        List<V128> ra = randomVectors(shape, random, 16);
        List<V128> rb = randomVectors(shape, random, 16);
        for (int i = 0; i < ra.size(); i++) {
            out.add(new V128[] {ra.get(i), rb.get(i)});
        }
        return out;
    }

    /** The raw argument lists an op is called with. */
    static List<long[]> cases(Op op) {
        var random = new Random(0x5EED_2030L ^ op.export().hashCode());
        List<String> params = op.params();
        var out = new ArrayList<long[]>();
        boolean allVectors = params.stream().allMatch(SimdReference::isVector);
        if (params.size() == 1 && allVectors) {
            for (V128 v : unaryVectors(params.get(0), random)) {
                out.add(new long[] {v.lo(), v.hi()});
            }
        } else if (params.size() == 1) {
            for (long x : edges(params.get(0))) {
                out.add(new long[] {x});
            }
            for (int i = 0; i < 8; i++) {
                out.add(new long[] {random.nextLong()});
            }
        } else if (params.size() == 2 && allVectors) {
            for (V128[] p : pairVectors(params.get(0), random)) {
                out.add(new long[] {p[0].lo(), p[0].hi(), p[1].lo(), p[1].hi()});
            }
            if (op.name().equals("i8x16.swizzle")) {
                // indices around 16 and above, in every lane
                for (V128 v : unaryVectors("i8x16", random)) {
                    out.add(new long[] {0x0706_0504_0302_0100L, 0x0f0e_0d0c_0b0a_0908L, v.lo(), v.hi()});
                    out.add(new long[] {v.lo(), v.hi(), 0x1f10_0f01_2040_8011L, 0x0e0f_ff7f_8081_0010L});
                }
            }
        } else if (params.size() == 2) {
            // a vector and a scalar: shifts and replace_lane
            List<V128> vectors = unaryVectors(params.get(0), random);
            if (op.name().endsWith("replace_lane")) {
                vectors = vectors.subList(0, Math.min(4, vectors.size()));
            }
            for (V128 v : vectors) {
                for (long x : edges(params.get(1))) {
                    out.add(new long[] {v.lo(), v.hi(), x});
                }
            }
        } else {
            // bitselect: pairs with masks of all zeros, all ones, alternating and random bits
            List<V128[]> pairs = pairVectors(params.get(0), random);
            V128[] masks = {V128.ZERO, new V128(-1, -1), new V128(0x00ff_00ff_00ff_00ffL, 0xf0f0_f0f0_0f0f_0f0fL),
                new V128(0x5555_5555_5555_5555L, 0xaaaa_aaaa_aaaa_aaaaL)};
            for (int i = 0; i < pairs.size(); i++) {
                V128 c = i % 5 == 4 ? new V128(random.nextLong(), random.nextLong()) : masks[i % 4];
                V128[] p = pairs.get(i);
                out.add(new long[] {p[0].lo(), p[0].hi(), p[1].lo(), p[1].hi(), c.lo(), c.hi()});
            }
        }
        return out;
    }
}
