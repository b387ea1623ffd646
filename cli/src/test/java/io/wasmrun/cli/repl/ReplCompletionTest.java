package io.wasmrun.cli.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jline.console.ArgDesc;
import org.jline.console.CmdDesc;
import org.jline.console.CmdLine;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tab completion and the signature hints, as the line editor asks for them. */
class ReplCompletionTest {
    @TempDir Path dir;
    private ScriptedSession session;

    @BeforeEach
    void start() throws Exception {
        ReplHarness.modules(dir);
        Files.createDirectory(dir.resolve("lib"));
        session = new ScriptedSession(dir);
        session.run(":load math.wasm");
        session.run(":load user.wasm");
    }

    @AfterEach
    void stop() throws Exception {
        session.close();
    }

    private List<String> complete(String line) {
        return session.complete(line);
    }

    @Test
    void completesCommandsAndFunctionsInTheFirstWord() {
        List<String> words = complete("");
        assertTrue(words.containsAll(List.of(":load", ":reload", ":memory", ":global", ":help", ":quit")), words.toString());
        assertTrue(words.containsAll(List.of("add3", "user.add3", "math.add", "math.divmod")), words.toString());
    }

    @Test
    void completesFilePathsForLoad() {
        List<String> words = complete(":load ");
        assertTrue(words.containsAll(List.of("math.wasm", "fib.wasm", "lib/")), words.toString());
        assertEquals(List.of("as"), complete(":load math.wasm "));
    }

    @Test
    void completesModuleAndExportNames() {
        assertEquals(List.of("math", "user"), complete(":exports "));
        assertEquals(List.of("math", "user"), complete(":reload "));
        assertEquals(List.of("get", "list", "set"), complete(":global "));
        assertEquals(List.of("math.counter", "math.limit"), complete(":global set "));
        assertEquals(List.of("math", "read", "user", "write"), complete(":memory "));
        assertEquals(List.of("read", "write"), complete(":memory math "));
        assertEquals(List.of("compiler", "interpreter"), complete(":set engine "));
        assertEquals(List.of("--max-memory-size", "on-demand"), complete(":set allocator "));
        assertTrue(complete(":help ").containsAll(List.of("load", "memory", "quit")));
        assertTrue(complete(":invoke ").contains("math.fadd"));
        assertEquals(List.of(), complete("add3 1 "));
    }

    private CmdDesc hint(String line) {
        List<String> words = List.of(line.split(" +"));
        return new SignatureHints(session.repl().session(), CommandTable.standard())
                .apply(new CmdLine(line, line, "", words, CmdLine.DescriptionType.COMMAND));
    }

    private static List<String> main(CmdDesc desc) {
        return desc.getMainDesc().stream().map(AttributedString::toString).toList();
    }

    private static List<String> arguments(CmdDesc desc) {
        return desc.getArgsDesc().stream().map(ArgDesc::getName).toList();
    }

    @Test
    void hintsTheSignatureOfTheFunctionBeingTyped() {
        CmdDesc add3 = hint("add3 1");
        assertEquals(List.of("add3(i32, i32, i32) -> i32  (user)"), main(add3));
        assertEquals(List.of("i32", "i32", "i32"), arguments(add3));

        CmdDesc divmod = hint("math.divmod ");
        assertEquals(List.of("divmod(i64, i64) -> (i64, i64)  (math)"), main(divmod));

        CmdDesc invoke = hint(":invoke math.fadd 1");
        assertEquals(List.of("FUNC", "f64", "f64"), arguments(invoke));
    }

    @Test
    void hintsTheArgumentsOfCommands() {
        CmdDesc load = hint(":load ");
        assertEquals(List.of("PATH", "[as", "NAME]"), arguments(load));
        assertTrue(main(load).get(0).startsWith(":load PATH [as NAME]  load a module"), main(load).toString());

        assertNull(hint("nosuch 1"));
        assertNull(hint(":nosuch "));
    }
}
