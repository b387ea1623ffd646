package io.wasmrun.cli.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text-format modules: typed with {@code :define}, or loaded from {@code .wat} files. */
class ReplDefineTest {
    @TempDir Path dir;

    @BeforeEach
    void copyModules() {
        ReplHarness.modules(dir);
    }

    @Test
    void definesAModuleOverSeveralLines() {
        var result = ReplHarness.run(dir, """
                :define sq (module
                  ;; squares its argument (this ")" is a comment)
                  (func (export "sq") (param i32) (result i32)
                    (i32.mul (local.get 0) (local.get 0))))
                sq 7
                """);

        assertEquals("", result.err());
        assertEquals("loaded sq from inline text (functions: sq)\n49\n", result.out());
    }

    @Test
    void namesUnnamedModulesAndAcceptsBareFields() {
        var result = ReplHarness.run(dir, """
                :define (func (export "one") (result i32) (i32.const 1))
                :define (module (func (export "two") (result i32) (i32.const 2)))
                inline.one
                two
                """);

        assertEquals("""
                loaded inline from inline text (functions: one)
                loaded inline2 from inline text (functions: two)
                1
                2
                """, result.out());
    }

    @Test
    void linksDefinedModulesToLoadedOnesAndReloadsThem() {
        var result = ReplHarness.run(dir, """
                :load math.wasm
                :define inc (module
                  (import "math" "add" (func $add (param i32 i32) (result i32)))
                  (global $calls (export "calls") (mut i32) (i32.const 0))
                  (func (export "inc") (param i32) (result i32)
                    (global.set $calls (i32.add (global.get $calls) (i32.const 1)))
                    (call $add (local.get 0) (i32.const 1))))
                inc 41
                :global get calls
                :reload
                :global get calls
                """);

        assertEquals("", result.err());
        assertTrue(result.out().endsWith("""
                loaded inc from inline text (functions: inc)
                42
                1
                reloaded inc from inline text (functions: inc)
                0
                """), result.out());
    }

    @Test
    void loadsTextModuleFiles() {
        var result = ReplHarness.run(dir, ":load fib.wat\nfib 12\n");

        assertEquals("loaded fib from " + dir.resolve("fib.wat") + " (functions: fib)\n144\n", result.out());
    }

    @Test
    void reportsSyntaxErrorsWithTheirPosition() {
        var result = ReplHarness.run(dir, """
                :define bad (module (func (i32.frob)))
                :define
                :define lonely
                :define open (module
                """);

        var errors = result.err().lines().toList();
        assertTrue(errors.get(0).startsWith("error: bad:1:"), errors.get(0));
        assertEquals("error: usage: :define [NAME] (module ...)", errors.get(1));
        assertEquals("error: usage: :define [NAME] (module ...)", errors.get(2));
        assertTrue(errors.get(3).startsWith("error: open:"), "unclosed at end of input: " + errors.get(3));
        assertEquals(4, errors.size(), result.err());
    }

    @Test
    void countsOnlyParenthesesOutsideStringsAndComments() {
        assertEquals(1, ReplParser.openParentheses("(module"));
        assertEquals(0, ReplParser.openParentheses("(module (func))"));
        assertEquals(1, ReplParser.openParentheses("(module (data \"(((\\\")\") ;; ((\n"));
        assertEquals(1, ReplParser.openParentheses("(module (; (( (; nested ;) ;)"));
    }
}
