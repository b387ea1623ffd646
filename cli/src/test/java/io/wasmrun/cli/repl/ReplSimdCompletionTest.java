package io.wasmrun.cli.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
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

/** Completion and signature hints for a SIMD module name only declared exports, typed v128. */
class ReplSimdCompletionTest {
    @TempDir Path dir;
    private ScriptedSession session;

    @BeforeEach
    void start() throws Exception {
        try (InputStream in = ReplSimdCompletionTest.class.getResourceAsStream("/modules/simd.wat")) {
            Files.write(dir.resolve("simd.wat"), in.readAllBytes());
        }
        session = new ScriptedSession(dir);
        session.run(":load simd.wat");
    }

    @AfterEach
    void stop() throws Exception {
        session.close();
    }

    private List<String> complete(String line) {
        return session.complete(line);
    }

    @Test
    void completesOnlyTheDeclaredGlobalsAndFunctions() {
        // The default module's globals plain and qualified; `set` lists immutable ones too, as for
        // scalar globals (ReplCompletionTest): k is in both, the lowered high halves in neither.
        assertEquals(List.of("g", "k", "simd.g", "simd.k"), complete(":global set "));
        assertEquals(List.of("g", "k", "simd.g", "simd.k"), complete(":global get "));
        List<String> words = complete("");
        assertTrue(words.containsAll(List.of("id", "add", "splat", "simd.getg")), words.toString());
        assertTrue(words.stream().noneMatch(w -> w.contains("v128-high") || w.contains("\0")), words.toString());
    }

    @Test
    void hintsV128Parameters() {
        CmdDesc desc = new SignatureHints(session.repl().session(), CommandTable.standard())
                .apply(new CmdLine("splat 1", "splat 1", "", List.of("splat", "1"), CmdLine.DescriptionType.COMMAND));
        assertEquals(List.of("splat(i32, f64) -> (v128, i32, v128)  (simd)"),
                desc.getMainDesc().stream().map(AttributedString::toString).toList());
        assertEquals(List.of("i32", "f64"), desc.getArgsDesc().stream().map(ArgDesc::getName).toList());
        CmdDesc add = new SignatureHints(session.repl().session(), CommandTable.standard())
                .apply(new CmdLine("add ", "add ", "", List.of("add"), CmdLine.DescriptionType.COMMAND));
        assertEquals(List.of("v128", "v128"), add.getArgsDesc().stream().map(ArgDesc::getName).toList());
    }
}
