package io.wasmrun.cli;

import static io.wasmrun.cli.Cli.run;
import static io.wasmrun.cli.Cli.testModule;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SIMD modules end to end through the command line: {@code --invoke} of v128 functions (arguments
 * as shape and lanes or as a 128-bit integer, results as the unsigned 128-bit decimal), a bad v128
 * argument, and {@code inspect} showing v128 as declared, never as the runtime's lowered i64 halves.
 */
class SimdCliTest {
    private static final String SIMD = testModule("simd.wat");
    private static final String IMPORTS = testModule("simd-imports.wat");

    /** The unsigned 128-bit integer of a vector given as 32-bit lanes, lane 0 lowest. */
    static String i32x4(int... lanes) {
        BigInteger value = BigInteger.ZERO;
        for (int k = lanes.length - 1; k >= 0; k--) {
            value = value.shiftLeft(32).or(BigInteger.valueOf(Integer.toUnsignedLong(lanes[k])));
        }
        return value.toString();
    }

    static String i64x2(long lo, long hi) {
        return new BigInteger(Long.toUnsignedString(hi)).shiftLeft(64).or(new BigInteger(Long.toUnsignedString(lo))).toString();
    }

    @Test
    void laneHelperMatchesTheBriefsWorkedValue() {
        assertEquals("316912650112397582603894390785", i32x4(1, 2, 3, 4));
        assertEquals(i32x4(1, 2, 3, 4), i64x2(0x0000_0002_0000_0001L, 0x0000_0004_0000_0003L));
    }

    @ParameterizedTest
    @ValueSource(strings = {"compiler", "interpreter"})
    void identityOfLanesPrintsTheUnsigned128BitDecimal(String engine) {
        var result = run("--engine", engine, "--invoke", "id", SIMD, "i32x4 1 2 3 4");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("316912650112397582603894390785\n", result.out());
        assertEquals("", result.err());
    }

    @Test
    void identityOfAHexIntegerIsTheSameVector() {
        var result = run("--invoke", "id", SIMD, "0x00000004000000030000000200000001");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("316912650112397582603894390785\n", result.out());
        var decimal = run("--invoke", "id", SIMD, "316912650112397582603894390785");
        assertEquals("316912650112397582603894390785\n", decimal.out(), decimal.err());
        var allOnes = run("--invoke", "id", SIMD, "i8x16 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1");
        assertEquals(BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE) + "\n", allOnes.out(), allOnes.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"compiler", "interpreter"})
    void floatLanesKeepTheirBitsThroughIdentity(String engine) {
        var result = run("--engine", engine, "--invoke", "id", SIMD, "f32x4 1.5 nan inf -0");
        assertEquals(0, result.exitCode(), result.err());
        // nan is the canonical quiet NaN 0x7fc00000; -0 is the sign bit alone.
        String expected = i32x4(Float.floatToRawIntBits(1.5f), 0x7fc0_0000, Float.floatToRawIntBits(Float.POSITIVE_INFINITY), 0x8000_0000);
        assertEquals(expected + "\n", result.out());
        assertEquals(i32x4(0x3fc0_0000, 0x7fc0_0000, 0x7f80_0000, 0x8000_0000), expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"compiler", "interpreter"})
    void i32x4AddWrapsEachLane(String engine) {
        var result = run("--engine", engine, "--invoke", "add", SIMD, "i32x4 1 2 3 4", "i32x4 -1 0x7fffffff 10 -2147483648");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals(i32x4(1 + -1, 2 + 0x7fff_ffff, 3 + 10, 4 + Integer.MIN_VALUE) + "\n", result.out());
        assertEquals(i32x4(0, 0x8000_0001, 13, 0x8000_0004) + "\n", result.out());
    }

    @Test
    void v128ToScalarFunctionsPrintTheScalar() {
        var mask = run("--invoke", "bitmask", SIMD, "i8x16 -1 0 -128 0 0 0 0 0 0 0 0 0 0 0 0 255");
        assertEquals(0, mask.exitCode(), mask.err());
        assertEquals((1 | 1 << 2 | 1 << 15) + "\n", mask.out());
        var lane = run("--invoke", "lane2", SIMD, "i32x4 1 2 -3 4");
        assertEquals(0, lane.exitCode(), lane.err());
        assertEquals("-3\n", lane.out());
        var fromHex = run("--invoke", "lane2", SIMD, "0x0000000400000003000000020000000f");
        assertEquals("3\n", fromHex.out(), fromHex.err());
    }

    @Test
    void swizzleSelectsBytesAndOutOfRangeIndicesGiveZero() {
        var result = run("--invoke", "swz", SIMD,
                "i8x16 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15", "i8x16 3 2 1 0 16 255 15 15 0 0 0 0 0 0 0 0");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals(i32x4(0x0001_0203, 0x0f0f_0000, 0, 0) + "\n", result.out());
    }

    /**
     * A v128 produced while a scalar lies above an earlier v128 on the stack: the lowering kept the
     * new vector pending below the scalar (Operands.result without a barrier), so the results came
     * out in the wrong order and the lowered module failed to decode.
     */
    @ParameterizedTest
    @ValueSource(strings = {"compiler", "interpreter"})
    void severalResultsMixingV128AndScalarsPrintOnePerLine(String engine) {
        var result = run("--engine", engine, "--invoke", "splat", SIMD, "3", "1.5");
        assertEquals(0, result.exitCode(), result.err());
        long bits = Double.doubleToRawLongBits(1.5);
        assertArrayEquals(new String[] {i32x4(3, 3, 3, 3), "4", i64x2(bits, bits)}, result.outLines());
    }

    /** The same with an i64 between the vectors: the lowered module decoded, but the results were scrambled. */
    @Test
    void aScalarBetweenTwoVectorsKeepsItsValue(@TempDir Path dir) throws IOException {
        Path module = Files.writeString(dir.resolve("between.wat"), """
                (module
                  (func (export "f") (param i32 f64) (result v128 i64 v128 i64)
                    (i32x4.splat (local.get 0))
                    (i64.const 7)
                    (f64x2.splat (local.get 1))
                    (i64.add (i64.const 7) (i64x2.extract_lane 1 (f64x2.splat (local.get 1))))))
                """);
        var result = run("--invoke", "f", module.toString(), "3", "1.5");
        assertEquals(0, result.exitCode(), result.err());
        long bits = Double.doubleToRawLongBits(1.5);
        assertArrayEquals(new String[] {i32x4(3, 3, 3, 3), "7", i64x2(bits, bits), String.valueOf(7 + bits)}, result.outLines());
    }

    @Test
    void aV128WithTheWrongLaneCountIsAOneLineError() {
        var result = run("--invoke", "id", SIMD, "i32x4 1 2 3");
        assertEquals(1, result.exitCode());
        assertEquals("", result.out());
        assertEquals("error: simd.wat: argument 1: `i32x4 1 2 3` is not a v128: i32x4 takes 4 lanes but 3 were given;"
                + " signature: id(v128) -> v128\n", result.err());
    }

    @Test
    void otherBadV128ArgumentsAreOneLineErrors() {
        for (List<String> args : List.of(
                List.of("add", "i32x4 1 2 3 4", "i16x8 0 0 0 0 0 0 0 70000"),
                List.of("add", "i32x4 1 2 3 4", "i32x5 1 2 3 4 5"),
                List.of("add", "i32x4 1 2 3 4", "0x1" + "0".repeat(32)),
                List.of("add", "i32x4 1 2 3 4", "f32x4 1 2 3 x"))) {
            var argv = new java.util.ArrayList<>(List.of("--invoke", args.get(0), SIMD));
            argv.addAll(args.subList(1, args.size()));
            var result = run(argv.toArray(String[]::new));
            assertEquals(1, result.exitCode(), args.toString());
            assertEquals(1, result.err().lines().count(), result.err());
            assertTrue(result.err().startsWith("error: simd.wat: argument 2: "), result.err());
            assertTrue(result.err().contains("signature: add(v128, v128) -> v128"), result.err());
            assertFalse(result.err().contains("Exception") || result.err().contains("\tat "), result.err());
        }
    }

    @Test
    void unquotedLanesAreCountedAsArgumentsWithAHint() {
        var result = run("--invoke", "id", SIMD, "i32x4", "1", "2", "3", "4");
        assertEquals(1, result.exitCode());
        assertEquals("error: simd.wat: `id` takes 1 argument but 5 were given (a v128 is one argument: quote it,"
                + " e.g. \"i32x4 1 2 3 4\"); signature: id(v128) -> v128\n", result.err());
    }

    @Test
    void unknownExportListsOnlyTheDeclaredFunctions() {
        var result = run("--invoke", "nope", SIMD);
        assertEquals(1, result.exitCode());
        assertEquals("error: simd.wat: unknown export `nope` (exported functions: id, add, bitmask, lane2, splat, swz, getg)\n",
                result.err());
    }

    @Test
    void inspectShowsV128ImportsExportsAndGlobalsAsDeclared() {
        var result = run("inspect", IMPORTS);
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("""
                module %s (functions: 2 defined, 1 imported)
                imports (3):
                  env.twice: func(v128) -> v128
                  env.base: global mut v128
                  env.scale: global f32
                exports (7):
                  acc: global 2
                  one: global 3
                  count: global 4
                  step: func(v128, i32) -> (v128, i64)
                  base: func() -> v128
                  twice: func(v128) -> v128
                  base_global: global 0
                memories (0)
                tables (0)
                globals (3):
                  0: global mut v128
                  1: global v128
                  2: global mut i32
                custom sections (0)
                """.formatted(IMPORTS), result.out());
    }

    @Test
    void inspectHidesTheExportsOfLoweredV128Globals() {
        var result = run("inspect", SIMD);
        assertEquals(0, result.exitCode(), result.err());
        String out = result.out();
        assertFalse(out.contains("wasmrun:v128-high"), out);
        assertFalse(out.contains("\0"), out);
        assertTrue(out.contains("exports (10):\n" + SimdModuleExports.LISTING), out);
        assertTrue(out.contains("globals (2):\n  0: global mut v128\n  1: global v128\n"), out);
        assertTrue(out.startsWith("module " + SIMD + " (functions: 7 defined, 0 imported)\n"), out);
    }

    @Test
    void validateAcceptsSimdModules() {
        var result = run("validate", SIMD, IMPORTS);
        assertEquals(0, result.exitCode(), result.out() + result.err());
        assertEquals(SIMD + ": ok\n" + IMPORTS + ": ok\n", result.out());
    }
}
