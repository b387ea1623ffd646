package io.wasmrun.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void aCommandLineBuildsOnlyTheSubcommandItReaches() {
        assertEquals(Set.of("run"), Main.commandLine("hello.wasm").getSubcommands().keySet());
        assertEquals(Set.of("run"), Main.commandLine("run", "hello.wasm").getSubcommands().keySet());
        assertEquals(
                Set.of("validate"), Main.commandLine("validate", "x.wasm").getSubcommands().keySet());
        assertTrue(Main.commandLine("--version").getSubcommands().isEmpty());
    }

    @Test
    void helpAndAnEmptyCommandLineListEverySubcommand() {
        List<String> all =
                List.of(
                        "run", "validate", "inspect", "compile", "wat2wasm", "bench", "wast",
                        "repl", "generate-completion");
        assertEquals(all, List.copyOf(Main.commandLine("--help").getSubcommands().keySet()));
        assertEquals(all, List.copyOf(Main.commandLine().getSubcommands().keySet()));
        String help = Cli.run("--help").out();
        for (String name : all) {
            assertTrue(help.contains("  " + name + " "), name + " missing from:\n" + help);
        }
    }

    @Test
    void runOptionsDeclaredInCodeParseLikeAnnotatedOnes() {
        var result =
                Cli.run(
                        "--engine=interpreter",
                        "--env",
                        "A=1",
                        "--env",
                        "B=2",
                        "--max-instances",
                        "5",
                        "--pooling",
                        Cli.projectRoot().resolve("examples/fib.wasm").toString(),
                        "--invoke",
                        "fib",
                        "10");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("55", result.out().strip());
    }
}
