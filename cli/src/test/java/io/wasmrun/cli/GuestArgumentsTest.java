package io.wasmrun.cli;

import static io.wasmrun.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The argument rule: after the MODULE of a WASI command every token is the guest's, flags that
 * wasmrun also has included; {@code --invoke} before or after MODULE makes the tokens after it
 * the function's arguments, negative numbers too. The guest prints its argv, one per line.
 */
class GuestArgumentsTest {
    private static final String ECHO_ARGV =
            """
            (module
              (import "wasi_snapshot_preview1" "args_sizes_get" (func $sizes (param i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "args_get" (func $get (param i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "fd_write" (func $write (param i32 i32 i32 i32) (result i32)))
              (memory (export "memory") 1)
              (func (export "_start")
                (local $i i32) (local $p i32) (local $n i32)
                (drop (call $sizes (i32.const 0) (i32.const 4)))
                (drop (call $get (i32.const 1024) (i32.const 4096)))
                (local.set $i (i32.const 1))
                (block $done (loop $each
                  (br_if $done (i32.ge_u (local.get $i) (i32.load (i32.const 0))))
                  (local.set $p (i32.load (i32.add (i32.const 1024) (i32.shl (local.get $i) (i32.const 2)))))
                  (local.set $n (i32.const 0))
                  (block $end (loop $len
                    (br_if $end (i32.eqz (i32.load8_u (i32.add (local.get $p) (local.get $n)))))
                    (local.set $n (i32.add (local.get $n) (i32.const 1)))
                    (br $len)))
                  (i32.store8 (i32.add (local.get $p) (local.get $n)) (i32.const 10))
                  (i32.store (i32.const 16) (local.get $p))
                  (i32.store (i32.const 20) (i32.add (local.get $n) (i32.const 1)))
                  (drop (call $write (i32.const 1) (i32.const 16) (i32.const 1) (i32.const 24)))
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br $each))))
              (func (export "sub") (param i32 i32) (result i32) (i32.sub (local.get 0) (local.get 1))))
            """;

    @TempDir static Path work;
    static String guest;

    @BeforeAll
    static void writeGuest() throws Exception {
        guest = Files.writeString(work.resolve("echo.wat"), ECHO_ARGV).toString();
    }

    @Test
    void wasmrunsOwnFlagsAfterTheModuleReachTheGuest() throws Exception {
        Path dir = Files.createDirectories(work.resolve("d"));
        var result = run(guest, "-V", "--help", "-h", "--version", "--dir", dir.toString(), "--env", "A=1", "plain");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("-V\n--help\n-h\n--version\n--dir\n" + dir + "\n--env\nA=1\nplain\n", result.out());
    }

    @Test
    void optionsBeforeTheModuleAreWasmruns() {
        var result = run("--env", "A=1", guest, "x");
        assertEquals("x\n", result.out());
        assertEquals(2, run("--no-such-option", guest).exitCode());
    }

    @Test
    void doubleDashStillPassesEverythingAfterIt() {
        assertEquals("--invoke\nsub\n", run(guest, "--", "--invoke", "sub").out());
    }

    @Test
    void invokeBeforeOrAfterTheModuleTakesNegativeArguments() {
        assertEquals("-9\n", run("--invoke", "sub", guest, "-7", "2").out());
        assertEquals("-9\n", run(guest, "--invoke", "sub", "-7", "2").out());
        assertEquals("-9\n", run(guest, "--invoke", "sub", "--", "-7", "2").out());
    }

    @Test
    void withInvokeTheOptionsAfterTheModuleAreStillWasmrunsOwn() {
        var result = run(guest, "--invoke", "sub", "5", "3", "--engine", "interpreter");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("2\n", result.out());
    }
}
