package io.wasmrun.cli;

import static io.wasmrun.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A C program using wasm_simd128.h (cli/src/test/resources/wasi/simdsum.c), compiled with clang
 * -O3 -msimd128 for wasm32-wasi and committed as simdsum.wasm (51 SIMD instructions by
 * wasm-objdump: v128.load, i32x4.add/min_s/max_s/lt_s, i32x4.bitmask, shuffles, extract_lane...).
 * It sums 1000 pseudo-random int32 values with wasm_i32x4_add, takes their minimum and maximum
 * with wasm_i32x4_min/max and counts the negative ones with a compare and a bitmask.
 *
 * <p>The expected output is what the native build of the scalar-only variant prints:
 * {@code clang -O2 -DNO_SIMD -o simdsum simdsum.c && ./simdsum} on x86-64 (the same source, its
 * SIMD block replaced by the plain loop's results), so it does not come from wasmrun. The program
 * also prints its own scalar results in parentheses (in the wasm build clang vectorizes that loop
 * too) and exits 1 if the two disagree.
 */
class SimdWasiProgramTest {
    private static final String WASM = Cli.projectRoot().resolve("cli/src/test/resources/wasi/simdsum.wasm").toString();

    @ParameterizedTest
    @ValueSource(strings = {"compiler", "interpreter"})
    void printsWhatTheNativeScalarBuildPrints(String engine) {
        var result = run("--engine", engine, WASM);
        assertEquals("", result.err());
        assertEquals("""
                sum 1108857 (scalar 1108857)
                min -99992 max 99939 (scalar -99992 99939)
                negative 497 (scalar 497)
                """, result.out());
        assertEquals(0, result.exitCode());
    }
}
