package io.wasmrun.wast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptReaderTest {
    private static final Path SOURCE = Path.of("x.wast");

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

        assertEquals(
                List.of(
                        new Command.Module(1, "$M", new ScriptModule.File(dir.toAbsolutePath().resolve("x.0.wasm")), false),
                        new Command.Register(2, "$M", "m"),
                        new Command.AssertReturn(
                                3,
                                new Action(Action.Kind.INVOKE, "$M", "f", List.of(
                                        WastValue.vector("i32", List.of("1", "2", "3", "4")),
                                        WastValue.of("externref", "null"))),
                                List.of(WastValue.of("f32", "nan:canonical"), WastValue.of("funcref", null))),
                        new Command.AssertFailure(4, Command.FailureKind.TRAP, new Action(Action.Kind.GET, null, "g", List.of()), "unreachable"),
                        new Command.AssertModule(
                                5, Command.ModuleKind.MALFORMED, new ScriptModule.File(dir.toAbsolutePath().resolve("x.1.wat")), "unexpected token")),
                script.commands());
    }

    @Test
    void aSingleEitherResultIsOneExpectedValue() throws IOException {
        Path json = write(
                """
                {"commands": [{"type": "assert_return", "line": 2, "action": {"type": "invoke", "field": "f", "args": []},
                  "either": [{"type": "i32", "value": "1"}, {"type": "i32", "value": "2"}]}]}
                """);

        var command = (Command.AssertReturn) ScriptReader.read(SOURCE, json).commands().getFirst();

        assertEquals(List.of(WastValue.either(List.of(WastValue.of("i32", "1"), WastValue.of("i32", "2")))), command.expected());
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
        Path file = dir.resolve("x.json");
        Files.writeString(file, json);
        return file;
    }
}
