package io.wasmrun.wast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wasmrun.ModuleLoadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link NativeParser} and {@link ScriptAdapter}: scripts read by wasmrun's own parser. */
class NativeParserTest {
    private static final byte[] EMPTY_MODULE = {0, 'a', 's', 'm', 1, 0, 0, 0};

    @TempDir Path dir;

    @Test
    void commandsLookLikeWast2JsonOutput() throws IOException {
        WastScript script = read(
                """
                (module $M (func (export "f") (param i32) (result i32) (local.get 0)))
                (register "m" $M)
                (invoke $M "f" (i32.const -1))
                (assert_return (invoke "f" (i32.const 7)) (i32.const 7))
                (assert_return (get "g") (either (f32.const nan:canonical) (v128.const i32x4 1 2 3 4)))
                (assert_return (invoke "r" (ref.extern 3) (ref.null func)) (ref.func) (ref.null extern))
                (assert_trap (invoke "f") "unreachable")
                (assert_exhaustion (invoke "f") "call stack exhausted")
                (assert_exception (invoke "f"))
                """);

        assertEquals(
                List.of(
                        new Command.Register(2, "$M", "m"),
                        new Command.Perform(3, new Action(Action.Kind.INVOKE, "$M", "f", List.of(WastValue.of("i32", "4294967295")))),
                        new Command.AssertReturn(
                                4, new Action(Action.Kind.INVOKE, null, "f", List.of(WastValue.of("i32", "7"))), List.of(WastValue.of("i32", "7"))),
                        new Command.AssertReturn(
                                5,
                                new Action(Action.Kind.GET, null, "g", List.of()),
                                List.of(WastValue.either(List.of(
                                        WastValue.of("f32", "nan:canonical"), WastValue.vector("i32", List.of("1", "2", "3", "4")))))),
                        new Command.AssertReturn(
                                6,
                                new Action(Action.Kind.INVOKE, null, "r", List.of(WastValue.of("externref", "3"), WastValue.of("funcref", "null"))),
                                List.of(WastValue.of("funcref", null), WastValue.of("externref", "null"))),
                        new Command.AssertFailure(7, Command.FailureKind.TRAP, invokeF(), "unreachable"),
                        new Command.AssertFailure(8, Command.FailureKind.EXHAUSTION, invokeF(), "call stack exhausted"),
                        new Command.AssertFailure(9, Command.FailureKind.EXCEPTION, invokeF(), null)),
                script.commands().subList(1, script.commands().size()));
        var module = assertInstanceOf(Command.Module.class, script.commands().getFirst());
        assertEquals("$M", module.name());
        assertFalse(module.definition());
        assertEquals("x.wast:1", module.module().label());
    }

    @Test
    void moduleAssertionsHaveTheirModulesLine() throws IOException {
        WastScript script = read(
                """
                (assert_invalid
                  (module (func (result i32) (i64.const 0)))
                  "type mismatch")
                (assert_trap
                  (module (func $s unreachable) (start $s))
                  "unreachable")
                (assert_unlinkable (module (import "m" "f" (func))) "unknown import")
                """);

        assertEquals(
                List.of(new Line(2, Command.ModuleKind.INVALID, "type mismatch"),
                        new Line(5, Command.ModuleKind.UNINSTANTIABLE, "unreachable"),
                        new Line(7, Command.ModuleKind.UNLINKABLE, "unknown import")),
                script.commands().stream().map(c -> (Command.AssertModule) c).map(c -> new Line(c.line(), c.kind(), c.text())).toList());
    }

    @Test
    void malformedQuotedTextIsRejectedWhenTheModuleIsLoaded() throws IOException {
        WastScript script = read(
                """
                (assert_malformed (module quote "(func (result i32) (i32.const))") "unexpected token")
                (assert_malformed (module binary "\\00asm" "\\01\\00\\00\\00") "nothing wrong")
                (assert_malformed_custom (module quote "(@custom)") "@custom annotation: missing section name")
                """);

        var quoted = (Command.AssertModule) script.commands().getFirst();
        var error = assertThrows(ModuleLoadException.class, () -> quoted.module().bytes());
        assertEquals(ModuleLoadException.Kind.MALFORMED, error.kind());
        assertTrue(error.getMessage().startsWith("x.wast:1:1:"), error.getMessage());
        var binary = (Command.AssertModule) script.commands().get(1);
        assertArrayEquals(EMPTY_MODULE, binary.module().bytes());
        assertEquals(Command.ModuleKind.MALFORMED_CUSTOM, ((Command.AssertModule) script.commands().get(2)).kind());
    }

    @Test
    void definitionsAndInstances() throws IOException {
        WastScript script = read(
                """
                (module definition $D (func (export "f")))
                (module instance $I $D)
                (module instance $D)
                """);

        assertTrue(((Command.Module) script.commands().getFirst()).definition());
        assertEquals(
                List.of(new Command.ModuleInstance(2, "$I", "$D"), new Command.ModuleInstance(3, "$D", null)),
                script.commands().subList(1, 3));
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

    private static Action invokeF() {
        return new Action(Action.Kind.INVOKE, null, "f", List.of());
    }

    private WastScript read(String text) throws IOException {
        Path wast = dir.resolve("x.wast");
        Files.writeString(wast, text);
        WastScript script = new NativeParser().convert(wast);
        assertEquals(wast, script.source());
        return script;
    }

    private record Line(int line, Command.ModuleKind kind, String text) {}
}
