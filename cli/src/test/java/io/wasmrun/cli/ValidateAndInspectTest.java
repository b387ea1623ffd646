package io.wasmrun.cli;

import static io.wasmrun.cli.Cli.example;
import static io.wasmrun.cli.Cli.run;
import static io.wasmrun.cli.Cli.testModule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ValidateAndInspectTest {

    @Test
    void validModulesPrintOk() {
        var result = run("validate", example("hello.wasm"), example("fib.wasm"));
        assertEquals(0, result.exitCode(), result.err());
        assertEquals(
                example("hello.wasm") + ": ok\n" + example("fib.wasm") + ": ok\n", result.out());
    }

    @Test
    void anyInvalidModuleFailsTheRunButAllAreChecked() {
        var result =
                run("validate", testModule("invalid.wasm"), example("fib.wasm"), testModule("not-wasm.txt"));
        assertEquals(1, result.exitCode());
        String[] lines = result.outLines();
        assertEquals(3, lines.length, result.out());
        assertTrue(lines[0].startsWith(testModule("invalid.wasm") + ": invalid module: "), lines[0]);
        assertEquals(example("fib.wasm") + ": ok", lines[1]);
        assertTrue(lines[2].contains("not a WebAssembly module"), lines[2]);
    }

    @Test
    void validateNeedsAModule() {
        assertEquals(2, run("validate").exitCode());
    }

    @Test
    void inspectListsTheInterface() {
        var result = run("inspect", example("hello.wasm"));
        assertEquals(0, result.exitCode(), result.err());
        String out = result.out();
        assertTrue(out.contains("imports (1):\n  wasi_snapshot_preview1.fd_write: func(i32, i32, i32, i32) -> i32\n"), out);
        assertTrue(out.contains("exports (2):\n  memory: memory 0\n  _start: func()\n"), out);
        assertTrue(out.contains("memories (1):\n  0: memory 1 pages\n"), out);
        assertTrue(out.contains("tables (0)\n"), out);
    }

    @Test
    void inspectShowsSignaturesWithSeveralResults() {
        var result = run("inspect", example("fib.wasm"));
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("  divmod: func(i32, i32) -> (i32, i32)\n"), result.out());
        assertTrue(result.out().contains("custom sections (1):\n  name\n"), result.out());
    }

    @Test
    void inspectOfABadFileIsAOneLineError() {
        var result = run("inspect", testModule("truncated.wasm"));
        assertEquals(1, result.exitCode());
        assertEquals(1, result.err().lines().count(), result.err());
    }

    @Test
    void versionNamesWasmrunAndChicory() {
        var result = run("--version");
        assertEquals(0, result.exitCode());
        assertTrue(result.out().startsWith("wasmrun 0."), result.out());
        assertTrue(result.out().contains("chicory 1.7.5"), result.out());
    }

    @Test
    void everySubcommandHasHelp() {
        for (String command :
                new String[] {"run", "validate", "inspect", "wat2wasm", "compile", "bench", "wast", "repl"}) {
            var result = run(command, "--help");
            assertEquals(0, result.exitCode(), command);
            String[] lines = result.outLines();
            assertTrue(lines[0].endsWith("."), "a one-line summary comes first: " + lines[0]);
            assertTrue(lines[1].startsWith("Usage: wasmrun " + command), result.out());
        }
    }

    @Test
    void topLevelHelpListsEveryCommandWithItsSummary() {
        var result = run("--help");
        assertEquals(0, result.exitCode());
        assertTrue(result.out().contains("  run                  Run a WASI command or call an exported function.\n"), result.out());
        assertTrue(result.out().contains("  repl                 Start an interactive session.\n"), result.out());
    }

    @Test
    void runHelpDocumentsTheArgumentOrderRule() {
        var result = run("run", "--help");
        assertTrue(result.out().contains("After the MODULE of a WASI command every\ntoken is the guest's"), result.out());
    }

    @Test
    void noArgumentsIsAUsageError() {
        var result = run();
        assertEquals(2, result.exitCode());
        assertTrue(result.err().startsWith("error: missing MODULE or COMMAND"), result.err());
    }

    @Test
    void completionScriptIsGenerated() {
        var result = run("generate-completion");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("complete -F _complete_wasmrun"), result.out().substring(0, 200));
    }
}
