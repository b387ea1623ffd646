package io.wasmrun.cli.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.wasmrun.WasmrunException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallArgumentsTest {

    @Test
    void parenthesisedWordsAreOneArgument() {
        assertEquals(List.of("i32x4 1 2 3 4", "7"), texts("(i32x4 1 2 3 4) 7"));
        assertEquals(List.of("1", "f32x4 1.5 nan inf -0", "i8x16 -1"), texts("1 ( f32x4 1.5  nan inf -0 ) (i8x16\t-1 )"));
        assertEquals(List.of("0x1", ""), texts("(0x1) ()"));
    }

    @Test
    void quotedWordsStayAsTyped() {
        assertEquals(List.of("i32x4 1 2 3 4", "(x)"), texts("\"i32x4 1 2 3 4\" '(x)'"));
        assertEquals(List.of("a b", "c)"), texts("(a 'b' ) 'c)'"));
    }

    @Test
    void rejectsUnclosedAndNestedParentheses() {
        assertEquals("unclosed `(` in the arguments (e.g. `(i32x4 1 2 3 4)`)",
                assertThrows(WasmrunException.class, () -> texts("1 (i32x4 1 2")).getMessage());
        assertEquals("unexpected parenthesis in `((i32x4` (a parenthesised argument cannot nest)",
                assertThrows(WasmrunException.class, () -> texts("((i32x4 1 2 3 4))")).getMessage());
        assertEquals("unexpected parenthesis in `2)3)` (a parenthesised argument cannot nest)",
                assertThrows(WasmrunException.class, () -> texts("(1 2)3)")).getMessage());
    }

    private static List<String> texts(String line) {
        return CallArguments.texts(Tokenizer.split(line));
    }
}
