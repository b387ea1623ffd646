package io.wasmrun.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.wasmrun.text.wast.WastCommand;
import io.wasmrun.text.wast.WastModule;
import io.wasmrun.text.wast.WastParser;
import io.wasmrun.text.wast.WastValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class WastParserTest {

    private static final String SCRIPT = """
            (module $m (func (export "f") (param i32) (result i32) (local.get 0)))
            (register "lib" $m)
            (assert_return (invoke $m "f" (i32.const -1)) (i32.const 4294967295))
            (assert_return (invoke "g" (f32.const 1.5) (ref.null extern) (ref.extern 7))
              (f32.const nan:canonical) (ref.func) (either (i64.const -1) (ref.null func))
              (v128.const f64x2 nan:arithmetic -0x1p0))
            (assert_trap (invoke "t") "unreachable")
            (assert_malformed (module quote "(func (i32.const nope))") "unknown operator")
            (assert_invalid (module (func (result i32))) "type mismatch")
            (module definition $d binary "\\00asm\\01\\00\\00\\00")
            (module instance $i $d)
            (get "glob")
            """;

    @Test
    void parsesCommandsIntoWast2JsonShapedModel() {
        List<WastCommand> cs = WastParser.parse(SCRIPT, "s.wast").commands();
        assertEquals(List.of("module", "register", "assert_return", "assert_return", "assert_trap", "assert_malformed",
                        "assert_invalid", "module", "module_instance", "action"),
                cs.stream().map(WastCommand::type).toList());
        assertEquals("m", ((WastCommand.ModuleCommand) cs.get(0)).module().name());
        var first = (WastCommand.AssertReturn) cs.get(2);
        assertEquals("m", first.action().module());
        assertEquals(List.of(WastValue.scalar("i32", "4294967295")), first.action().args());
        assertEquals(List.of(WastValue.scalar("i32", "4294967295")), first.expected());
        var second = (WastCommand.AssertReturn) cs.get(3);
        assertEquals(List.of(WastValue.scalar("f32", "1069547520"), WastValue.scalar("externref", "null"),
                WastValue.scalar("externref", "7")), second.action().args());
        assertEquals(WastValue.scalar("f32", "nan:canonical"), second.expected().get(0));
        assertEquals(WastValue.scalar("funcref", null), second.expected().get(1));
        assertEquals(WastValue.either(List.of(WastValue.scalar("i64", "18446744073709551615"),
                WastValue.scalar("funcref", "null"))), second.expected().get(2));
        assertEquals(WastValue.vector("f64", List.of("nan:arithmetic", "13830554455654793216")), second.expected().get(3));
        var malformed = (WastCommand.AssertModule) cs.get(5);
        assertEquals(WastModule.Kind.QUOTE, malformed.module().kind());
        assertNull(malformed.module().bytes());
        assertThrows(TextFormatException.class, () -> malformed.module().toBinary());
        assertInstanceOf(byte[].class, ((WastCommand.AssertModule) cs.get(6)).module().bytes());
        assertEquals(true, ((WastCommand.ModuleCommand) cs.get(7)).module().isDefinition());
        assertEquals(new WastCommand.ModuleInstance(11, "i", "d"), cs.get(8));
    }

    @Test
    void rejectsUnknownCommands() {
        TextFormatException e = assertThrows(TextFormatException.class,
                () -> WastParser.parse("(module)\n(assert_everything)", "x.wast"));
        assertEquals("x.wast:2:2: unknown script command \"assert_everything\"", e.getMessage());
    }
}
