package io.wasmrun.cli.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wasmrun.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wasmrun repl} with commands piped to standard input, as a script would run it. */
class ReplCommandTest {
    @TempDir Path dir;

    @BeforeEach
    void copyModules() {
        ReplHarness.modules(dir);
    }

    private ReplHarness.Result wasmrun(String input, String... args) {
        InputStream in = System.in;
        PrintStream out = System.out;
        PrintStream err = System.err;
        var stdout = new ByteArrayOutputStream();
        var stderr = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new ReplHarness.Result(code, ReplHarness.text(stdout), ReplHarness.text(stderr));
        } finally {
            System.setIn(in);
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void loadsTheModulesGivenOnTheCommandLineAndRunsPipedCommands() {
        var result = wasmrun("add3 1 2 3\nmath.fadd 0.5 0.25\n",
                "repl", dir.resolve("math.wasm").toString(), dir.resolve("user.wasm").toString());

        assertEquals(
                "loaded math from " + dir.resolve("math.wasm") + " (functions: add, div, fadd, divmod, bump, nop, spin)\n"
                        + "loaded user from " + dir.resolve("user.wasm") + " (functions: add3)\n"
                        + "6\n0.75\n",
                result.out());
        assertEquals("", result.err());
        assertEquals(0, result.exitCode());
    }

    @Test
    void takesTheEngineAndAllocatorOptionsAndSwitchesAllocatorsWithTheSameOptions() {
        var result = wasmrun(
                """
                :modules
                :set allocator on-demand --max-memory-size 64KiB
                :load %s as small
                :set allocator --max-memory-size lots
                :set allocator bogus
                :stats
                """.formatted(dir.resolve("math.wasm")),
                "repl", "--engine", "interpreter", dir.resolve("fib.wasm").toString());

        assertTrue(result.out().contains("* fib  " + dir.resolve("fib.wasm") + "  [interpreter, on-demand]"), result.out());
        assertTrue(result.out().contains("later loads use allocator on-demand --max-memory-size 64KiB\n"), result.out());
        assertTrue(result.out().contains("allocator on-demand --max-memory-size 64KiB (current): modules small\n"), result.out());
        assertTrue(result.out().contains("allocator on-demand: modules fib\n"), result.out());
        var errors = result.err().lines().toList();
        assertEquals(2, errors.size(), result.err());
        assertTrue(errors.get(0).startsWith("error: allocator settings: ") && errors.get(0).contains("'lots' is not a size"), errors.get(0));
        assertTrue(errors.get(1).contains("unknown allocator 'bogus'"), errors.get(1));
        assertEquals(1, result.exitCode(), "a script with failed lines exits 1");
    }

    @Test
    void failsAScriptWhoseStartupModuleDoesNotLoad() {
        var result = wasmrun("", "repl", dir.resolve("nosuch.wasm").toString());

        assertEquals("error: " + dir.resolve("nosuch.wasm") + ": no such file\n", result.err());
        assertEquals(1, result.exitCode());
    }
}
