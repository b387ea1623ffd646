package io.wasmrun.wast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.wasmrun.text.wast.WastAction;
import io.wasmrun.text.wast.WastCommand;
import io.wasmrun.text.wast.WastModule;
import io.wasmrun.text.wast.WastScript;
import io.wasmrun.text.wast.WastValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ScriptReader}: wast2json's JSON read into the text parser's model. */
class ScriptReaderTest {
    private static final Path SOURCE = Path.of("x.wast");
    private static final byte[] EMPTY_MODULE = {0, 'a', 's', 'm', 1, 0, 0, 0};

    @TempDir Path dir;

    @Test
    void readsCommandsAndValues() throws IOException {
        Path json = write(
                """
                {"source_filename": "x.wast", "commands": [
                 {"type": "module", "line": 1, "name": "$M", "filename": "x.0.wasm"},
                 {"type": "register", "line": 2, "name": "$M", "as": "m"},
                 {"type": "assert_return", "line": 3, "action": {"type": "invoke", "module": "$M", "field": "f",
                   "args": [{"type": "v128", "lane_type": "i32", "value": ["1", "2", "3", "4"]}, {"type": "externref", "value": "null"}]},
                  "expected": [{"type": "f32", "value": "nan:canonical"}, {"type": "funcref"}]},
                 {"type": "assert_trap", "line": 4, "action": {"type": "get", "field": "g"}, "text": "unreachable", "expected": []},
                 {"type": "assert_malformed", "line": 5, "filename": "x.1.wat", "text": "unexpected token", "module_type": "text"}
                ]}
                """);

        WastScript script = ScriptReader.read(SOURCE, json);

        assertEquals("x.wast", script.fileName());
        assertEquals(
                List.of(
                        new WastCommand.ModuleCommand(1, WastModule.binary(1, "M", EMPTY_MODULE, "x.wast")),
                        new WastCommand.Register(2, "m", "M"),
                        new WastCommand.AssertReturn(
                                3,
                                new WastAction(3, "invoke", "M", "f", List.of(
                                        WastValue.vector("i32", List.of("1", "2", "3", "4")),
                                        WastValue.scalar("externref", "null"))),
                                List.of(WastValue.scalar("f32", "nan:canonical"), WastValue.scalar("funcref", null))),
                        new WastCommand.AssertTrap(4, new WastAction(4, "get", null, "g", List.of()), null, "unreachable"),
                        new WastCommand.AssertModule(
                                5, "assert_malformed", WastModule.quote(5, null, "(module", "x.wast"), "unexpected token")),
                script.commands());
    }

    @Test
    void aSingleEitherResultIsOneExpectedValue() throws IOException {
        Path json = write(
                """
                {"commands": [{"type": "assert_return", "line": 2, "action": {"type": "invoke", "field": "f", "args": []},
                  "either": [{"type": "i32", "value": "1"}, {"type": "i32", "value": "2"}]}]}
                """);

        var command = (WastCommand.AssertReturn) ScriptReader.read(SOURCE, json).commands().getFirst();

        assertEquals(List.of(WastValue.either(List.of(WastValue.scalar("i32", "1"), WastValue.scalar("i32", "2")))), command.expected());
    }

    @Test
    void anUnknownCommandNamesItsLine() throws IOException {
        Path json = write(
                """
                {"commands": [{"type": "module", "line": 1, "filename": "x.0.wasm"}, {"type": "assert_frobnicated", "line": 7}]}
                """);

        var error = assertThrows(ScriptException.class, () -> ScriptReader.read(SOURCE, json));
        assertEquals("x.wast:7: unknown command `assert_frobnicated` in wast2json output", error.getMessage());
    }

    @Test
    void anUnknownActionNamesItsLine() throws IOException {
        Path json = write(
                """
                {"commands": [{"type": "action", "line": 3, "action": {"type": "poke", "field": "f"}}]}
                """);

        var error = assertThrows(ScriptException.class, () -> ScriptReader.read(SOURCE, json));
        assertEquals("x.wast:3: unknown action `poke`", error.getMessage());
    }

    @Test
    void jsonWithoutCommandsIsRejected() throws IOException {
        Path json = write("{\"source_filename\": \"x.wast\"}");

        var error = assertThrows(ScriptException.class, () -> ScriptReader.read(SOURCE, json));
        assertEquals("x.wast: wast2json output " + json + " has no commands", error.getMessage());
    }

    private Path write(String json) throws IOException {
        Files.write(dir.resolve("x.0.wasm"), EMPTY_MODULE);
        Files.writeString(dir.resolve("x.1.wat"), "(module");
        Path file = dir.resolve("x.json");
        Files.writeString(file, json);
        return file;
    }
}
