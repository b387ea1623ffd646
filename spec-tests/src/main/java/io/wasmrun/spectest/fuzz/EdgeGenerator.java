package io.wasmrun.spectest.fuzz;

import io.wasmrun.text.Wat;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes small modules that hit the edges translate-to-fuzz rarely reaches: memory accesses with
 * offsets and addresses near 2^31 and 2^32 and the end of memory, bulk memory and table
 * operations ({@code memory.fill/copy/init}, {@code table.grow/init/copy/fill/get/set}) with
 * boundary lengths and offsets, dropped segments, {@code call_indirect} through null and
 * mismatched entries, and integer and float operations on boundary values and NaNs of every
 * class. Every export logs what it computes through the same {@code fuzzing-support} imports as
 * binaryen's modules, so they are compared the same way. Uses reference types (table.grow and
 * friends), which node 20 and wasmrun both run. Encoded by wasmrun's own text parser.
 */
final class EdgeGenerator {
    static final List<String> FEATURES =
            List.of("--mvp-features", "--enable-bulk-memory", "--enable-multivalue", "--enable-sign-ext", "--enable-nontrapping-float-to-int",
                    "--enable-mutable-globals", "--enable-reference-types");

    private static final long[] I32 = {
        0, 1, 2, 3, 4, 7, 8, 0x10, 0x20, 0xFF, 0x100, 0xFFFF, 0x10000, 0xFFF0, 0x1FFFF, 0x20000, 0x7FFF_FFFFL, 0x8000_0000L, 0x8000_0001L,
        0xFFFF_0000L, 0xFFFF_FFF0L, 0xFFFF_FFFCL, 0xFFFF_FFFEL, 0xFFFF_FFFFL, 0x7FFF_FFF0L, 0x3FFF_FFFFL
    };
    private static final long[] OFFSETS = {0, 0, 0, 1, 2, 4, 8, 0x10, 0xFFFF, 0x10000, 0xFFF0, 0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFF0L, 0xFFFF_FFFFL, 0xFFFF_FFFCL};
    private static final long[] COUNTS = {0, 0, 1, 1, 2, 3, 4, 8, 16, 0xFFFF, 0x10000, 0x10001, 0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFFFL, 0xFFFF_FFF0L};
    private static final long[] I64 = {
        0, 1, -1, 2, 0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFFFL, 0x1_0000_0000L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, -2
    };
    private static final String[] F32 = {
        "0", "-0", "1", "-1", "0.5", "-0.5", "1.5", "2.5", "-2.5", "inf", "-inf", "nan", "-nan", "nan:0x200000", "-nan:0x1", "nan:0x400001",
        "0x1p-149", "0x1.fffffep127", "2147483648", "-2147483648", "2147483520", "-2147483904", "4294967296", "4294967040", "9.2233720368547758e18",
        "-9.223373e18", "1.8446744e19"
    };
    private static final String[] F64 = {
        "0", "-0", "1", "-1", "0.5", "-0.5", "1.5", "2.5", "-2.5", "inf", "-inf", "nan", "-nan", "nan:0x4000000000000", "-nan:0x1",
        "nan:0x8000000000001", "0x1p-1074", "0x1.fffffffffffffp1023", "2147483647", "2147483648", "-2147483648", "-2147483649", "4294967295",
        "4294967296", "-1.0000000001", "9223372036854775807", "-9223372036854775808", "9.2233720368547779e18", "1.8446744073709552e19",
        "2147483647.9", "-2147483648.9", "4294967295.9"
    };

    private static final String[][] STORES = {
        {"i32.store8", "i32", "i32.load8_u"}, {"i32.store16", "i32", "i32.load16_s"}, {"i32.store", "i32", "i32.load"},
        {"i64.store8", "i64", "i64.load8_s"}, {"i64.store16", "i64", "i64.load16_u"}, {"i64.store32", "i64", "i64.load32_s"},
        {"i64.store", "i64", "i64.load"}, {"f32.store", "f32", "f32.load"}, {"f64.store", "f64", "f64.load"}
    };
    private static final String[][] LOADS = {
        {"i32.load8_s", "i32"}, {"i32.load8_u", "i32"}, {"i32.load16_s", "i32"}, {"i32.load16_u", "i32"}, {"i32.load", "i32"},
        {"i64.load8_u", "i64"}, {"i64.load16_s", "i64"}, {"i64.load32_u", "i64"}, {"i64.load", "i64"}, {"f32.load", "f32"}, {"f64.load", "f64"}
    };
    private static final String[] I32_BINARY = {
        "i32.div_s", "i32.div_u", "i32.rem_s", "i32.rem_u", "i32.shl", "i32.shr_s", "i32.shr_u", "i32.rotl", "i32.rotr", "i32.mul", "i32.sub"
    };
    private static final String[] I64_BINARY = {
        "i64.div_s", "i64.div_u", "i64.rem_s", "i64.rem_u", "i64.shl", "i64.shr_s", "i64.shr_u", "i64.rotl", "i64.rotr", "i64.mul"
    };
    private static final String[][] CONVERSIONS = {
        {"i32.trunc_f32_s", "f32", "i32"}, {"i32.trunc_f32_u", "f32", "i32"}, {"i32.trunc_f64_s", "f64", "i32"}, {"i32.trunc_f64_u", "f64", "i32"},
        {"i64.trunc_f32_s", "f32", "i64"}, {"i64.trunc_f32_u", "f32", "i64"}, {"i64.trunc_f64_s", "f64", "i64"}, {"i64.trunc_f64_u", "f64", "i64"},
        {"i32.trunc_sat_f32_s", "f32", "i32"}, {"i32.trunc_sat_f32_u", "f32", "i32"}, {"i32.trunc_sat_f64_s", "f64", "i32"},
        {"i32.trunc_sat_f64_u", "f64", "i32"}, {"i64.trunc_sat_f32_s", "f32", "i64"}, {"i64.trunc_sat_f32_u", "f32", "i64"},
        {"i64.trunc_sat_f64_s", "f64", "i64"}, {"i64.trunc_sat_f64_u", "f64", "i64"}, {"f32.demote_f64", "f64", "f32"},
        {"f64.promote_f32", "f32", "f64"}, {"i32.reinterpret_f32", "f32", "i32"}, {"i64.reinterpret_f64", "f64", "i64"},
        {"f32.convert_i64_u", "i64", "f32"}, {"f64.convert_i64_u", "i64", "f64"}, {"f32.convert_i32_u", "i32", "f32"},
        {"i32.extend8_s", "i32", "i32"}, {"i64.extend32_s", "i64", "i64"}, {"i32.wrap_i64", "i64", "i32"}
    };
    private static final String[] FLOAT_UNARY = {"abs", "neg", "sqrt", "ceil", "floor", "trunc", "nearest"};
    private static final String[] FLOAT_BINARY = {"add", "sub", "mul", "div", "min", "max", "copysign"};

    /** Generates one module from {@code random}. */
    Generated generate(SplittableRandom random) {
        String wat = wat(random);
        // NaNs that arithmetic makes are only logged, never stored: memory compares exactly
        return new Generated(Wat.toBinary(wat, "edge.wat"), "edge", FEATURES, "EdgeGenerator (wasmrun's own), text:\n" + wat, true);
    }

    String wat(SplittableRandom random) {
        int pages = pick(random, new int[] {0, 1, 1, 1, 2});
        int maxPages = pages + pick(random, new int[] {0, 1, 3, 100});
        int tableSize = pick(random, new int[] {0, 1, 4, 4, 8});
        int tableMax = tableSize + pick(random, new int[] {0, 2, 16, 1000});
        var sb = new StringBuilder();
        sb.append("(module\n");
        for (String t : new String[] {"i32", "i64", "f32", "f64"}) {
            sb.append("  (import \"fuzzing-support\" \"log-").append(t).append("\" (func $log-").append(t).append(" (param ").append(t).append(")))\n");
        }
        sb.append("  (type $r (func (result i32)))\n");
        sb.append("  (type $p (func (param i32) (result i32)))\n");
        sb.append("  (memory $m ").append(pages).append(' ').append(maxPages).append(")\n");
        sb.append("  (export \"memory\" (memory $m))\n");
        sb.append("  (table $t ").append(tableSize).append(' ').append(tableMax).append(" funcref)\n");
        sb.append("  (func $c0 (type $r) (i32.const 11))\n");
        sb.append("  (func $c1 (type $p) (i32.add (local.get 0) (i32.const 1)))\n");
        sb.append("  (func $c2 (type $r) (unreachable))\n");
        sb.append("  (elem $e0 func $c0 $c1 $c2 $c0)\n");
        if (tableSize >= 3 && random.nextBoolean()) {
            sb.append("  (elem (i32.const 0) func $c0 $c1 $c2)\n");
        }
        sb.append("  (data $d0 \"\\01\\02\\03\\04\\05\\06\\07\\08\\f0\\f1\\f2\\f3\\80\\ff\\7f\\00\")\n");
        if (pages > 0 && random.nextBoolean()) {
            int at = pick(random, new int[] {0, 8, 0xFFF0, 65536 * pages - 16});
            sb.append("  (data (i32.const ").append(at).append(") \"\\aa\\bb\\cc\\dd\\ee\\ff\\00\\11\\22\\33\\44\\55\\66\\77\\88\\99\")\n");
        }
        sb.append("  (global $g (mut i32) (i32.const 0))\n");
        int functions = 3 + random.nextInt(8);
        for (int f = 0; f < functions; f++) {
            sb.append("  (func (export \"e").append(f).append("\")\n");
            int statements = 1 + random.nextInt(5);
            for (int s = 0; s < statements; s++) {
                sb.append("    ").append(statement(random, pages)).append('\n');
            }
            sb.append("  )\n");
        }
        sb.append(")\n");
        return sb.toString();
    }

    private String statement(SplittableRandom random, int pages) {
        return switch (random.nextInt(16)) {
            case 0, 1 -> {
                String[] store = STORES[random.nextInt(STORES.length)];
                String address = i32(random, pages);
                String offset = offset(random);
                yield "(" + store[0] + offset + " " + address + " " + constant(random, store[1]) + ") (call $log-" + store[1] + " (" + store[2] + offset + " " + address + "))";
            }
            case 2 -> {
                String[] load = LOADS[random.nextInt(LOADS.length)];
                yield "(call $log-" + load[1] + " (" + load[0] + offset(random) + " " + i32(random, pages) + "))";
            }
            case 3 -> random.nextBoolean()
                    ? "(call $log-i32 (memory.grow " + count(random) + ")) (call $log-i32 (memory.size))"
                    : "(call $log-i32 (memory.size))";
            case 4 -> "(memory.fill " + i32(random, pages) + " " + i32c(random.nextInt(256)) + " " + count(random) + ") (call $log-i32 (i32.load8_u " + i32(random, pages) + "))";
            case 5 -> "(memory.copy " + i32(random, pages) + " " + i32(random, pages) + " " + count(random) + ") (call $log-i64 (i64.load " + i32(random, pages) + "))";
            case 6 -> random.nextInt(4) == 0
                    ? "(data.drop $d0)"
                    : "(memory.init $d0 " + i32(random, pages) + " " + small(random) + " " + count(random) + ") (call $log-i32 (i32.load " + i32(random, pages) + "))";
            case 7 -> "(call $log-i32 (table.grow $t " + (random.nextBoolean() ? "(ref.null func)" : "(ref.func $c0)") + " " + count(random) + ")) (call $log-i32 (table.size $t))";
            case 8 -> random.nextInt(4) == 0
                    ? "(elem.drop $e0)"
                    : "(table.init $t $e0 " + small(random) + " " + small(random) + " " + count(random) + ") (call $log-i32 (table.size $t))";
            case 9 -> random.nextBoolean()
                    ? "(table.copy $t $t " + small(random) + " " + small(random) + " " + count(random) + ")"
                    : "(table.fill $t " + small(random) + " " + (random.nextBoolean() ? "(ref.null func)" : "(ref.func $c1)") + " " + count(random) + ")";
            case 10 -> random.nextBoolean()
                    ? "(call $log-i32 (ref.is_null (table.get $t " + small(random) + ")))"
                    : "(table.set $t " + small(random) + " (ref.func $c" + random.nextInt(3) + "))";
            case 11 -> random.nextBoolean()
                    ? "(call $log-i32 (call_indirect $t (type $r) " + small(random) + "))"
                    : "(call $log-i32 (call_indirect $t (type $p) (i32.const 41) " + small(random) + "))";
            case 12 -> random.nextBoolean()
                    ? "(call $log-i32 (" + I32_BINARY[random.nextInt(I32_BINARY.length)] + " " + i32(random, 1) + " " + i32(random, 1) + "))"
                    : "(call $log-i64 (" + I64_BINARY[random.nextInt(I64_BINARY.length)] + " " + i64(random) + " " + i64(random) + "))";
            case 13 -> {
                String[] c = CONVERSIONS[random.nextInt(CONVERSIONS.length)];
                yield "(call $log-" + c[2] + " (" + c[0] + " " + constant(random, c[1]) + "))";
            }
            case 14 -> {
                String t = random.nextBoolean() ? "f32" : "f64";
                yield random.nextBoolean()
                        ? "(call $log-" + t + " (" + t + "." + FLOAT_UNARY[random.nextInt(FLOAT_UNARY.length)] + " " + constant(random, t) + "))"
                        : "(call $log-" + t + " (" + t + "." + FLOAT_BINARY[random.nextInt(FLOAT_BINARY.length)] + " " + constant(random, t) + " " + constant(random, t) + "))";
            }
            default -> "(global.set $g (i32.add (global.get $g) " + i32(random, pages) + ")) (call $log-i32 (global.get $g))";
        };
    }

    private static int pick(SplittableRandom random, int[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String i32c(long value) {
        return "(i32.const " + (int) value + ")";
    }

    /** An address: a boundary value, the end of memory, or a small one. */
    private static String i32(SplittableRandom random, int pages) {
        return switch (random.nextInt(4)) {
            case 0 -> i32c(random.nextInt(64));
            case 1 -> i32c(Math.max(0, 65536L * pages - random.nextInt(17)));
            default -> i32c(I32[random.nextInt(I32.length)]);
        };
    }

    private static String small(SplittableRandom random) {
        return random.nextInt(4) == 0 ? i32c(I32[random.nextInt(I32.length)]) : i32c(random.nextInt(10));
    }

    private static String count(SplittableRandom random) {
        return i32c(random.nextInt(3) == 0 ? random.nextInt(20) : COUNTS[random.nextInt(COUNTS.length)]);
    }

    private static String offset(SplittableRandom random) {
        long offset = OFFSETS[random.nextInt(OFFSETS.length)];
        return offset == 0 ? "" : " offset=" + offset;
    }

    private static String i64(SplittableRandom random) {
        return "(i64.const " + (random.nextInt(3) == 0 ? random.nextInt(100) - 50 : I64[random.nextInt(I64.length)]) + ")";
    }

    private static String constant(SplittableRandom random, String type) {
        return switch (type) {
            case "i32" -> random.nextBoolean() ? i32c(random.nextInt()) : i32c(I32[random.nextInt(I32.length)]);
            case "i64" -> random.nextBoolean() ? "(i64.const " + random.nextLong() + ")" : i64(random);
            case "f32" -> "(f32.const " + F32[random.nextInt(F32.length)] + ")";
            default -> "(f64.const " + F64[random.nextInt(F64.length)] + ")";
        };
    }
}
