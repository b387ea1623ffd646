package io.wasmrun.cli.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.wasmrun.WasmrunException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    @Test
    void splitsAtWhitespace() {
        assertEquals(
                List.of(new Token("add", false), new Token("1", false), new Token("-2", false)),
                Tokenizer.split("  add\t1   -2 "));
    }

    @Test
    void groupsQuotedWordsAndResolvesEscapes() {
        assertEquals(
                List.of(new Token(":memory", false), new Token("a \"b\"\n\t\\", true), new Token("it's", true)),
                Tokenizer.split(":memory \"a \\\"b\\\"\\n\\t\\\\\" 'it'\"'\"'s'"));
        assertEquals(List.of(new Token("", true)), Tokenizer.split("\"\""));
        assertEquals(List.of(new Token("my func", true), new Token("1", false)), Tokenizer.split("'my func' 1"));
    }

    @Test
    void rejectsUnterminatedQuotes() {
        assertEquals("unterminated \" quote", assertThrows(WasmrunException.class, () -> Tokenizer.split("\"abc")).getMessage());
        assertEquals("unterminated ' quote", assertThrows(WasmrunException.class, () -> Tokenizer.split("'abc")).getMessage());
    }
}
