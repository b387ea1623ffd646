package io.wasmrun.wast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wasmrun.text.wast.WastScript;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link NativeParser} and {@link Reported}: scripts read by wasmrun's own parser, reported as wast2json would. */
class NativeParserTest {
    @TempDir Path dir;

    @Test
    void assertionsAreReportedAtTheLineOfTheirActionOrModule() throws IOException {
        WastScript script = read(
                """
                (module $M (func (export "f")))
                (module instance $I $M)
                (assert_return
                  (invoke "f"))
                (assert_invalid
                  (module (func (result i32) (i64.const 0)))
                  "type mismatch")
                (assert_trap
                  (module (func $s unreachable) (start $s))
                  "unreachable")
                (assert_malformed_custom (module quote "(@custom)") "@custom annotation: missing section name")
                """);

        assertEquals(
                List.of("1 module", "2 module instance", "4 assert_return", "6 assert_invalid", "9 assert_uninstantiable",
                        "11 assert_malformed_custom"),
                script.commands().stream().map(c -> Reported.line(c) + " " + Reported.keyword(c)).toList());
    }

    @Test
    void aScriptTheParserRejectsIsOneClearError() throws IOException {
        Path wast = dir.resolve("bad.wast");
        Files.writeString(wast, "(module)\n(assert_return (invoke \"f\")))\n");

        var error = assertThrows(ScriptException.class, () -> new NativeParser().convert(wast));
        assertTrue(error.getMessage().startsWith(wast + ": the text parser rejects it: bad.wast:2:"), error.getMessage());
    }

    @Test
    void aMissingFileIsOneClearError() {
        Path wast = dir.resolve("missing.wast");

        var error = assertThrows(ScriptException.class, () -> new NativeParser().convert(wast));
        assertEquals(wast + ": no such file", error.getMessage());
    }

    private WastScript read(String text) throws IOException {
        Path wast = dir.resolve("x.wast");
        Files.writeString(wast, text);
        WastScript script = new NativeParser().convert(wast);
        assertEquals("x.wast", script.fileName());
        return script;
    }
}
