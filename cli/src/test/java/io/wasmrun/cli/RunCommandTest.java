package io.wasmrun.cli;

import static io.wasmrun.cli.Cli.example;
import static io.wasmrun.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RunCommandTest {

    @ParameterizedTest
    @ValueSource(strings = {"compiler", "interpreter"})
    void helloPrintsTheGreeting(String engine) {
        var result = run("--engine", engine, example("hello.wasm"));
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("Hello, world from wasmrun!\n", result.out());
    }

    @Test
    void runIsTheDefaultSubcommandAndCanBeNamed() {
        var result = run("run", example("hello.wasm"));
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("Hello, world from wasmrun!\n", result.out());
    }

    @Test
    void invokeBeforeTheModule() {
        var result = run("--invoke", "fib", example("fib.wasm"), "20");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("6765\n", result.out());
    }

    @Test
    void invokeAfterTheModule() {
        var result = run(example("fib.wasm"), "--invoke", "fib", "20");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("6765\n", result.out());
    }

    @Test
    void invokeWithHexAndUnsignedArguments() {
        assertEquals("6765\n", run("--invoke", "fib", example("fib.wasm"), "0x14").out());
        assertEquals("2432902008176640000\n", run("--invoke", "factorial", example("fib.wasm"), "20").out());
        assertEquals("-1", run("--invoke", "divmod", example("fib.wasm"), "4294967295", "1").outLines()[0]);
    }

    @Test
    void floatArgumentsAndResults() {
        assertEquals("5.0\n", run("--invoke", "hypot", example("fib.wasm"), "3", "4").out());
        assertEquals("inf\n", run("--invoke", "hypot", example("fib.wasm"), "inf", "0").out());
        assertEquals("nan\n", run("--invoke", "hypot", example("fib.wasm"), "nan", "1").out());
        assertEquals("2.5\n", run("--invoke", "hypot", example("fib.wasm"), "0x1.4p1", "0").out());
    }

    @Test
    void multipleResultsPrintOnePerLine() {
        var result = run(example("fib.wasm"), "--invoke", "divmod", "--", "-7", "2");
        assertEquals(0, result.exitCode(), result.err());
        assertArrayEquals(new String[] {"-3", "-1"}, result.outLines());
    }

    @Test
    void negativeNumbersAfterTheModuleAreArguments() {
        var result = run(example("fib.wasm"), "--invoke", "divmod", "-7", "2");
        assertEquals(0, result.exitCode(), result.err());
        assertArrayEquals(new String[] {"-3", "-1"}, result.outLines());
    }

    @Test
    void wrongArityShowsTheSignature() {
        var result = run("--invoke", "fib", example("fib.wasm"));
        assertEquals(1, result.exitCode());
        assertEquals(
                "error: fib.wasm: `fib` takes 1 argument but 0 were given; signature: fib(i32) -> i32\n",
                result.err());
    }

    @Test
    void unparsableArgumentShowsTheSignature() {
        var result = run("--invoke", "fib", example("fib.wasm"), "twenty");
        assertEquals(1, result.exitCode());
        assertTrue(result.err().contains("argument 1: `twenty` is not an i32"), result.err());
        assertTrue(result.err().contains("signature: fib(i32) -> i32"), result.err());
        assertEquals(1, result.err().lines().count(), result.err());
    }

    @Test
    void outOfRangeArgumentIsRejected() {
        var result = run("--invoke", "fib", example("fib.wasm"), "4294967296");
        assertEquals(1, result.exitCode());
        assertTrue(result.err().contains("out of range for i32"), result.err());
    }

    @Test
    void unknownExportListsTheExportedFunctions() {
        var result = run("--invoke", "fibonacci", example("fib.wasm"), "1");
        assertEquals(1, result.exitCode());
        assertEquals(
                "error: fib.wasm: unknown export `fibonacci` (exported functions: fib, fib_rec, factorial, hypot, divmod)\n",
                result.err());
    }

    @Test
    void optionsAfterDoubleDashGoToTheGuest() {
        var result = run(example("hello.wasm"), "--", "--invoke", "x");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("Hello, world from wasmrun!\n", result.out());
    }

    @Test
    void unknownOptionsAfterTheModuleGoToTheGuest() {
        var result = run(example("hello.wasm"), "--not-ours", "-x");
        assertEquals(0, result.exitCode(), result.err());
    }

    @Test
    void unknownOptionBeforeTheModuleIsAUsageError() {
        var result = run("--frobnicate", example("hello.wasm"));
        assertEquals(2, result.exitCode());
        assertFalse(result.err().contains("Exception"), result.err());
    }
}
