package io.wasmrun.cli.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplCallTest {
    @TempDir Path dir;

    @BeforeEach
    void copyModules() {
        ReplHarness.modules(dir);
    }

    @Test
    void loadsAModuleAndCallsItsFunctionsWithTypedArguments() {
        var result = ReplHarness.run(dir, """
                :load math.wasm
                add 2 3
                add 0x10 -1
                fadd 1.5 2.25
                divmod 17 5
                nop
                :invoke add 40 2
                """);

        assertEquals("", result.err());
        assertEquals(
                "loaded math from " + dir.resolve("math.wasm")
                        + " (functions: add, div, fadd, divmod, bump, nop, spin)\n"
                        + "5\n15\n3.75\n3\n2\n42\n",
                result.out());
        assertEquals(0, result.exitCode());
    }

    @Test
    void parenthesisedArgumentsReachTheFunctionAsOneValueEach() {
        var result = ReplHarness.run(dir, """
                :load math.wasm
                add (2) ( 3 )
                :invoke add (40) 2
                add (i32x4 1 2 3 4) 1
                add (1 2
                """);

        assertTrue(result.out().endsWith("5\n42\n"), result.out());
        assertEquals("""
                error: argument 1: `i32x4 1 2 3 4` is not an i32 (expected a decimal or 0x hex integer); signature: add(i32, i32) -> i32
                error: unclosed `(` in the arguments (e.g. `(i32x4 1 2 3 4)`)
                """, result.err());
    }

    @Test
    void linksLaterModulesToEarlierOnesAndCallsQualifiedNames() {
        var result = ReplHarness.run(dir, """
                :load math.wasm
                :load user.wasm
                add3 1 2 3
                math.add 20 22
                :use math
                add 1 1
                user.add3 1 1 1
                """);

        assertEquals("", result.err());
        assertTrue(result.out().endsWith("6\n42\ndefault module: math\n2\n3\n"), result.out());
    }

    @Test
    void resolvesPlainNamesExportedByOneModuleAndAsksToQualifyAmbiguousOnes() {
        var result = ReplHarness.run(dir, """
                :load math.wasm
                :load user.wasm
                :load math.wasm as calc
                :load fib.wasm
                add3 1 2 3
                add 1 2
                calc.add 1 2
                nosuch 1
                :global get counter
                """);

        assertTrue(result.out().endsWith("6\n3\n"), result.out());
        assertEquals("""
                error: `add` is exported by math, calc; qualify it, e.g. math.add
                error: no loaded module exports a function `nosuch` (loaded: math, user, calc, fib)
                error: `counter` is exported by math, calc; qualify it, e.g. math.counter
                """, result.err());
    }

    @Test
    void linksWasiAndShowsGuestOutputAndExitCodes() {
        var result = ReplHarness.run(dir, """
                :load hello.wasm
                greet
                quit
                greet
                """);

        assertEquals("", result.err());
        assertTrue(result.out().endsWith("hello from wasi\n(exit code 3)\nhello from wasi\n"), result.out());
    }

    @Test
    void loadsUnderAnotherName() {
        var result = ReplHarness.run(dir, """
                :load math.wasm as calc
                calc.add 1 2
                """);

        assertTrue(result.out().startsWith("loaded calc from "), result.out());
        assertTrue(result.out().endsWith("3\n"), result.out());
    }

    @Test
    void reportsEachErrorOnOneLineAndKeepsTheSession() {
        var result = ReplHarness.run(dir, """
                add 1 2
                :load missing.wasm
                :load math.wasm
                :load math.wasm
                :load user.wasm as 9lives
                :load
                :frobnicate
                add 1
                add 1 x
                add 99999999999 1
                sub 1 2
                nosuch.add 1 2
                div 1 0
                "unterminated
                add 1 2
                """);

        assertEquals(
                """
                error: no module is loaded (use :load PATH)
                error: %s: no such file
                error: a module named `math` is already loaded (use `:reload math` or `:load PATH as OTHER_NAME`)
                error: `9lives` is not a valid module name (letters, digits, _ and -, not starting with a digit)
                error: usage: :load PATH [as NAME]
                error: unknown command `:frobnicate` (type :help for the list)
                error: `add` takes 2 arguments but 1 was given; signature: add(i32, i32) -> i32
                error: argument 2: `x` is not an i32 (expected a decimal or 0x hex integer); signature: add(i32, i32) -> i32
                error: argument 1: `99999999999` is out of range for i32 (-2147483648 to 4294967295); signature: add(i32, i32) -> i32
                error: math has no exported function `sub` (exported functions: add, div, fadd, divmod, bump, nop, spin)
                error: math has no exported function `nosuch.add` (exported functions: add, div, fadd, divmod, bump, nop, spin)
                error: wasm trap: integer divide by zero
                error: unterminated " quote
                """.formatted(dir.resolve("missing.wasm")),
                result.err());
        assertTrue(result.out().endsWith("\n3\n"), "the session went on: " + result.out());
        assertEquals(1, result.exitCode(), "a failed line makes a script fail");
    }

    @Test
    void reportsModulesThatAreNotWasmOrCannotLink() throws Exception {
        Files.writeString(dir.resolve("junk.wasm"), "junk");

        var result = ReplHarness.run(dir, """
                :load user.wasm
                :load junk.wasm
                :modules
                """);

        var lines = result.err().lines().toList();
        assertEquals("error: user.wasm: unknown import: `math`.`add` (function) is not defined", lines.get(0));
        assertTrue(lines.get(1).startsWith("error: junk.wasm: not a WebAssembly"), lines.get(1));
        assertEquals("no modules loaded\n", result.out());
    }

    @Test
    void skipsBlankLinesAndComments() {
        var result = ReplHarness.run(dir, """

                # a comment
                :load fib.wasm
                fib 20
                """);

        assertEquals("", result.err());
        assertTrue(result.out().endsWith("6765\n"), result.out());
        assertEquals(0, result.exitCode());
    }
}
