package io.wasmrun.cli.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.wasmrun.cli.SimdModuleExports;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A SIMD module in the REPL: v128 arguments grouped in parentheses, v128 globals read and set. */
class ReplSimdTest {
    @TempDir Path dir;

    @BeforeEach
    void copyModule() throws IOException {
        try (InputStream in = ReplSimdTest.class.getResourceAsStream("/modules/simd.wat")) {
            Files.write(dir.resolve("simd.wat"), in.readAllBytes());
        }
    }

    /** The unsigned 128-bit integer of a vector given as 32-bit lanes, lane 0 lowest. */
    private static String i32x4(int... lanes) {
        BigInteger value = BigInteger.ZERO;
        for (int k = lanes.length - 1; k >= 0; k--) {
            value = value.shiftLeft(32).or(BigInteger.valueOf(Integer.toUnsignedLong(lanes[k])));
        }
        return value.toString();
    }

    private ReplHarness.Result afterLoading(String commands) {
        var result = ReplHarness.run(dir, ":load simd.wat\n" + commands);
        String loaded = "loaded simd from " + dir.resolve("simd.wat") + " (functions: id, add, bitmask, lane2, splat, swz, getg)\n";
        assertEquals(loaded, result.out().substring(0, Math.min(loaded.length(), result.out().length())), result.err());
        return new ReplHarness.Result(result.exitCode(), result.out().substring(loaded.length()), result.err());
    }

    @Test
    void callsV128FunctionsWithParenthesisedArguments() {
        var result = afterLoading("""
                add (i32x4 1 2 3 4) (i32x4 10 20 30 -1)
                :invoke add ( i32x4 1 2 3 4 ) (0x1)
                lane2 (i32x4 1 2 -3 4)
                bitmask (i8x16 -1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 -128)
                id "f32x4 1.5 nan inf -0"
                splat 3 (1.5)
                """);

        assertEquals("", result.err());
        long bits = Double.doubleToRawLongBits(1.5);
        String splat = new BigInteger(Long.toUnsignedString(bits)).shiftLeft(64).or(BigInteger.valueOf(bits)).toString();
        assertEquals(String.join("\n",
                i32x4(11, 22, 33, 3),
                i32x4(2, 2, 3, 4),
                "-3",
                String.valueOf(1 | 1 << 15),
                i32x4(0x3fc0_0000, 0x7fc0_0000, 0x7f80_0000, 0x8000_0000),
                i32x4(3, 3, 3, 3), "4", splat) + "\n", result.out());
    }

    @Test
    void readsAndSetsAnExportedMutableV128Global() {
        var result = afterLoading("""
                :global
                :global get g
                :global set g (i32x4 5 6 7 8)
                :global get g
                getg
                :global set simd.g 0xffffffff000000000000000000000000
                :global get simd.g
                """);

        assertEquals("", result.err());
        assertEquals("  g: mut v128 = " + i32x4(1, 2, 3, 4) + "\n"
                + "  k: v128 = " + i32x4(-1, -1, 0, 0) + "\n"
                + i32x4(1, 2, 3, 4) + "\n"
                + "g = " + i32x4(5, 6, 7, 8) + "\n"
                + i32x4(5, 6, 7, 8) + "\n"
                + i32x4(5, 6, 7, 8) + "\n"
                + "simd.g = " + i32x4(0, 0, 0, -1) + "\n"
                + i32x4(0, 0, 0, -1) + "\n", result.out());
    }

    @Test
    void reportsBadV128ValuesAndTheImmutableGlobal() {
        var result = afterLoading("""
                :global set k 0
                :global set g (i32x4 1 2)
                add (i32x4 1 2 3 4) (i64x2 1)
                add i32x4 1 2 3 4
                :global get g
                """);

        assertEquals("""
                error: global `k` is immutable (v128)
                error: global `g`: `i32x4 1 2` is not a v128: i32x4 takes 4 lanes but 2 were given
                error: argument 2: `i64x2 1` is not a v128: i64x2 takes 2 lanes but 1 was given; signature: add(v128, v128) -> v128
                error: `add` takes 2 arguments but 5 were given (a v128 is one argument: quote it, e.g. "i32x4 1 2 3 4"); signature: add(v128, v128) -> v128
                """, result.err());
        assertEquals(i32x4(1, 2, 3, 4) + "\n", result.out());
    }

    @Test
    void listsTheDeclaredInterfaceWithoutTheLoweredHalves() {
        var result = afterLoading(":exports\n:imports\n");

        assertEquals("", result.err());
        assertEquals(SimdModuleExports.LISTING + "simd has no imports\n", result.out());
        assertFalse(result.out().contains("v128-high"), result.out());
    }
}
