package io.wasmrun.cli.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplSessionTest {
    @TempDir Path dir;

    @BeforeEach
    void copyModules() {
        ReplHarness.modules(dir);
    }

    private void install(String version, String as) throws Exception {
        Files.copy(dir.resolve(version), dir.resolve(as), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void reloadsAModuleAfterItsFileChanged() throws Exception {
        install("version1.wasm", "lib.wasm");
        try (var session = new ScriptedSession(dir)) {
            session.run(":load lib.wasm");
            assertEquals("1\n", session.run("version"));

            install("version2.wasm", "lib.wasm");

            assertEquals(
                    "reloaded lib from " + dir.resolve("lib.wasm") + " (functions: add, version)\n",
                    session.run(":reload"));
            assertEquals("2\n", session.run("version"));
            assertEquals("", session.errors());
        }
    }

    @Test
    void reloadRelinksTheModulesThatImportFromTheReloadedOne() throws Exception {
        install("version1.wasm", "lib.wasm");
        try (var session = new ScriptedSession(dir)) {
            session.run(":load lib.wasm as math");
            session.run(":load user.wasm");
            session.run(":load fib.wasm");
            assertEquals("6\n", session.run("user.add3 1 2 3"));

            install("version2.wasm", "lib.wasm");
            String reload = session.run(":reload math");

            assertEquals(
                    "reloaded math from " + dir.resolve("lib.wasm") + " (functions: add, version)\nrelinked user\n",
                    reload);
            assertEquals("8\n", session.run("user.add3 1 2 3"), "user now calls the new add");
            assertEquals("2\n", session.run("math.version"));
            assertEquals("55\n", session.run("fib 10"), "fib imports nothing and kept its instance");
        }
    }

    @Test
    void aFailedReloadKeepsTheOldModule() throws Exception {
        install("version1.wasm", "lib.wasm");
        try (var session = new ScriptedSession(dir)) {
            session.run(":load lib.wasm");
            Files.writeString(dir.resolve("lib.wasm"), "not wasm");

            assertEquals("", session.run(":reload lib"));
            assertTrue(session.errors().startsWith("error: lib.wasm: not a WebAssembly"), session.errors());
            assertEquals("1\n", session.run("version"));

            Files.delete(dir.resolve("lib.wasm"));
            session.run(":reload");
            assertTrue(session.errors().endsWith(": no such file\n"), session.errors());
            assertEquals("1\n", session.run("version"));
        }
    }

    @Test
    void listsModulesAndSwitchesTheDefault() {
        var result = ReplHarness.run(dir, """
                :modules
                :load math.wasm
                :set engine interpreter
                :load fib.wasm
                :modules
                :use math
                :modules
                :use nosuch
                """);

        String[] lines = result.out().split("\n");
        assertEquals("no modules loaded", lines[0]);
        assertEquals("  math  " + dir.resolve("math.wasm") + "  [compiler, on-demand]  functions: add, div, fadd, divmod, bump, nop, spin", lines[4]);
        assertEquals("* fib   " + dir.resolve("fib.wasm") + "   [interpreter, on-demand]  functions: fib", lines[5]);
        assertEquals("default module: math", lines[6]);
        assertTrue(lines[7].startsWith("* math "), lines[7]);
        assertEquals("error: no module named `nosuch` (loaded: math, fib)\n", result.err());
    }

    @Test
    void switchesEngineAndAllocatorForLaterLoads() {
        var result = ReplHarness.run(dir, """
                :set
                :set engine interpreter
                :set engine jit
                :set allocator on-demand
                :set allocator pooling
                :set colour blue
                :set
                :load fib.wasm
                fib 15
                """);

        assertEquals("""
                engine compiler
                allocator on-demand
                later loads use the interpreter engine
                later loads use allocator on-demand
                engine interpreter
                allocator on-demand
                """, result.out().substring(0, result.out().indexOf("loaded fib")));
        assertTrue(result.out().endsWith("610\n"), result.out());
        assertEquals("""
                error: unknown engine `jit` (expected compiler or interpreter)
                error: unknown allocator settings [pooling]
                error: usage: :set [engine compiler|interpreter | allocator KIND [OPTIONS...]]
                """, result.err());
    }

    @Test
    void showsAllocatorMetricsPerAllocator() {
        var result = ReplHarness.run(dir, """
                :load math.wasm
                :set allocator on-demand
                :load fib.wasm
                :stats
                """);

        String stats = result.out().substring(result.out().indexOf("allocator on-demand (current)"));
        List<String> lines = stats.lines().toList();
        assertEquals("allocator on-demand (current): modules fib", lines.get(0));
        assertTrue(lines.get(1).startsWith("  live instances 1, memories 0, tables 0, stacks "), lines.get(1));
        assertTrue(lines.get(2).startsWith("  unused warm slots 0, resident "), lines.get(2));
        assertEquals("allocator on-demand: modules math", lines.get(3));
        assertTrue(lines.get(4).startsWith("  live instances 1, memories 1, tables 0, stacks "), lines.get(4));
        assertEquals("engine for new loads: compiler", lines.get(6));
    }

    @Test
    void closesAnAllocatorNoModuleUsesAnyMore() {
        var result = ReplHarness.run(dir, """
                :set allocator on-demand
                :stats
                """);

        List<String> lines = result.out().lines().toList();
        assertEquals("later loads use allocator on-demand", lines.get(0));
        assertEquals("allocator on-demand (current): modules none", lines.get(1));
        assertEquals("engine for new loads: compiler", lines.get(4), "only one allocator is left");
    }

    @Test
    void printsHelp() {
        var result = ReplHarness.run(dir, """
                :help
                :help load
                :help :memory
                :help nosuch
                """);

        String out = result.out();
        for (String command : new String[] {":load", ":define", ":reload", ":modules", ":use", ":invoke", ":exports",
                ":imports", ":global", ":memory", ":stats", ":set", ":help", ":quit"}) {
            assertTrue(out.contains("\n" + command), "help lists " + command + ":\n" + out);
        }
        assertTrue(out.contains("a v128 in\nparentheses or quotes, f (i32x4 1 2 3 4) or f \"f32x4 1.5 nan inf -0\""), out);
        assertTrue(out.contains(":load PATH [as NAME]\n  load a module"), out);
        assertTrue(out.contains(":memory [MODULE] [read ADDR [LEN] | write ADDR DATA...]\n  show memory size"), out);
        assertEquals("error: unknown command `:nosuch` (type :help for the list)\n", result.err());
    }

    @Test
    void quitEndsTheSessionBeforeLaterLines() {
        var result = ReplHarness.run(dir, ":load fib.wasm\n:quit\nfib 3\n");
        assertFalse(result.out().contains("2\n"), result.out());
        assertEquals(0, result.exitCode());

        result = ReplHarness.run(dir, ":load fib.wasm\n:exit\nfib 3\n");
        assertFalse(result.out().contains("2\n"), result.out());
    }

    @Test
    void endOfInputEndsTheSession() {
        var result = ReplHarness.run(dir, ":load fib.wasm\nfib 3");
        assertTrue(result.out().endsWith("2\n"), result.out());
        assertEquals(0, result.exitCode());
    }

    @Test
    void scriptOutputHasNoPromptsButInteractiveOutputHas() {
        var script = ReplHarness.run(dir, ":load fib.wasm as f\nfib 10\n");
        assertEquals("loaded f from " + dir.resolve("fib.wasm") + " (functions: fib)\n55\n", script.out());

        var interactive = ReplHarness.run(ReplHarness.config(dir, true, Optional.empty()), "fib 10\n");
        assertTrue(interactive.out().startsWith("wasmrun> "), interactive.out());
        assertEquals(0, interactive.exitCode(), "errors do not change the exit code of an interactive session");
    }

    @Test
    void keepsHistoryInTheConfiguredFile() throws Exception {
        Path history = dir.resolve("state/history");
        var config = ReplHarness.config(dir, true, Optional.of(history));

        ReplHarness.run(config, ":load fib.wasm\nfib 7\n");

        String saved = Files.readString(history);
        assertTrue(saved.contains(":load fib.wasm"), saved);
        assertTrue(saved.contains("fib 7"), saved);
    }

    @Test
    void scriptsLeaveTheHistoryAlone() {
        Path history = dir.resolve("history");
        ReplHarness.run(ReplHarness.config(dir, false, Optional.of(history)), ":load fib.wasm\n");
        assertFalse(Files.exists(history));
    }
}
