package io.wasmrun.cli;

import static io.wasmrun.cli.Cli.example;
import static io.wasmrun.cli.Cli.run;
import static io.wasmrun.cli.Cli.testModule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kind of bad input gives one clear line, a non-zero exit code and no stack trace. */
class ErrorReportingTest {

    private static void assertOneLineError(Cli.Result result, int exitCode, String expected) {
        assertEquals(exitCode, result.exitCode(), result.err());
        assertEquals("error: " + expected + "\n", result.err());
    }

    @Test
    void missingFile() {
        String path = example("no-such-module.wasm");
        assertOneLineError(run(path), 1, path + ": no such file");
    }

    @Test
    void directoryInsteadOfFile() {
        String path = Cli.projectRoot().resolve("examples").toString();
        assertOneLineError(run(path), 1, path + ": is a directory");
    }

    @Test
    void notAWasmFile() {
        assertOneLineError(
                run(testModule("not-wasm.txt")),
                1,
                "not-wasm.txt: not a WebAssembly module (no \\0asm magic number, and not the text format)");
    }

    @Test
    void malformedBinary() {
        var result = run(testModule("truncated.wasm"));
        assertEquals(1, result.exitCode());
        assertTrue(result.err().startsWith("error: truncated.wasm: malformed module: "), result.err());
        assertEquals(1, result.err().lines().count(), result.err());
    }

    @Test
    void aDecoderFailureIsNamedNotShownAsAJavaException() {
        // a function body of end, end, end: Chicory's parser fails with a NullPointerException
        assertOneLineError(
                run(testModule("extra-end.wasm")),
                1,
                "extra-end.wasm: malformed module: section size mismatch: a function body goes on after the `end` that closes it");
    }

    @Test
    void invalidModule() {
        var result = run(testModule("invalid.wasm"));
        assertEquals(1, result.exitCode());
        assertTrue(result.err().startsWith("error: invalid.wasm: invalid module: "), result.err());
        assertEquals(1, result.err().lines().count(), result.err());
    }

    @Test
    void unknownImportIsNamed() {
        assertOneLineError(
                run(testModule("unknown-import.wasm")),
                1,
                "unknown-import.wasm: unknown import: `env`.`missing_function` (function) is not defined");
    }

    @ParameterizedTest
    @ValueSource(strings = {"compiler", "interpreter"})
    void divideByZeroTrapsWithExitCode134(String engine) {
        var result = run("--engine", engine, "--invoke", "divide", example("trap.wasm"), "1", "0");
        assertEquals(134, result.exitCode(), result.err());
        assertTrue(result.err().startsWith("error: wasm trap: integer divide by zero\n"), result.err());
        assertFalse(result.err().contains("Exception"), result.err());
    }

    @Test
    void compiledTrapPrintsTheWasmBacktrace() {
        var result = run("--engine", "compiler", "--invoke", "average", example("trap.wasm"), "1", "2");
        assertEquals(134, result.exitCode(), result.err());
        String[] lines = result.err().split("\n");
        assertEquals("error: wasm trap: integer divide by zero", lines[0]);
        assertEquals("wasm backtrace:", lines[1]);
        assertTrue(lines[2].contains("divide"), result.err());
        assertTrue(lines[3].contains("average"), result.err());
    }

    @Test
    void startOfACommandThatTraps() {
        var result = run(example("trap.wasm"));
        assertEquals(134, result.exitCode(), result.err());
        assertTrue(result.err().startsWith("error: wasm trap: integer divide by zero"), result.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"compiler", "interpreter"})
    void unreachableTraps(String engine) {
        var result = run("--engine", engine, "--invoke", "unreachable", example("trap.wasm"));
        assertEquals(134, result.exitCode(), result.err());
        assertTrue(result.err().startsWith("error: wasm trap: unreachable"), result.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"compiler", "interpreter"})
    void outOfBoundsLoadTraps(String engine) {
        var result = run("--engine", engine, "--invoke", "load", example("trap.wasm"), "65535");
        assertEquals(134, result.exitCode(), result.err());
        assertTrue(result.err().startsWith("error: wasm trap: out of bounds memory access"), result.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"compiler", "interpreter"})
    void deepRecursionIsATrapNotACrash(String engine) {
        var result = run("--engine", engine, "--invoke", "recurse", example("trap.wasm"), "0");
        assertEquals(134, result.exitCode(), result.err());
        assertTrue(result.err().startsWith("error: wasm trap: call stack exhausted"), result.err());
    }

    @Test
    void growingUntilFullReturnsInsteadOfCrashing() {
        var result = run("--invoke", "grow_forever", example("trap.wasm"));
        assertEquals(0, result.exitCode(), result.err());
        int pages = Integer.parseInt(result.out().strip());
        assertTrue(pages >= 1 && pages <= 65536, result.out());
    }

    @Test
    void trapInTheStartFunction() {
        var result = run("--invoke", "f", testModule("start-trap.wasm"));
        assertEquals(134, result.exitCode(), result.err());
        assertTrue(result.err().startsWith("error: wasm trap: unreachable"), result.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"compiler", "interpreter"})
    void timeoutInterruptsAnEndlessLoopWithATrap(String engine) {
        var result = run("--engine", engine, "--timeout", "300ms", "--invoke", "spin", testModule("spin.wasm"));
        assertEquals(134, result.exitCode(), result.err());
        assertTrue(result.err().startsWith("error: wasm trap: interrupt"), result.err());
        assertTrue(result.err().contains("300ms"), result.err());
    }

    @Test
    void timeoutAlsoStopsACallOnAPooledStack() {
        var result = run("--pooling", "--async-stack-size", "1MiB", "--timeout", "300ms",
                "--invoke", "spin", testModule("spin.wasm"));
        assertEquals(134, result.exitCode(), result.err());
        assertTrue(result.err().startsWith("error: wasm trap: interrupt"), result.err());
    }

    @Test
    void statsPrintTheAllocatorsMetricsAfterTheRun() {
        var result = run("--pooling", "--stats", "--invoke", "fib", example("fib.wasm"), "10");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("55\n", result.out());
        assertTrue(result.err().contains("allocator: pooling"), result.err());
        assertTrue(result.err().contains("core instances: 0"), result.err());
    }

    @Test
    void procExitCodeBecomesTheExitCode() {
        var result = run(testModule("exit-code.wasm"));
        assertEquals(7, result.exitCode(), result.err());
        assertEquals("", result.err());
    }

    @Test
    void verbosePrintsTheStackTrace() {
        var result = run("--verbose", "--invoke", "divide", example("trap.wasm"), "1", "0");
        assertEquals(134, result.exitCode());
        assertTrue(result.err().contains("\tat "), result.err());
    }

    @Test
    void memoryAboveTheLimitIsAClearError() {
        var result = run(testModule("big-memory.wasm"));
        assertEquals(1, result.exitCode(), result.err());
        assertTrue(result.err().startsWith("error: big-memory.wasm: "), result.err());
        assertEquals(1, result.err().lines().count(), result.err());
    }
}
