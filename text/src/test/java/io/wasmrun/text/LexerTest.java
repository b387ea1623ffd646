package io.wasmrun.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.wasmrun.text.lexer.Lexer;
import io.wasmrun.text.lexer.Token;
import io.wasmrun.text.lexer.TokenKind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LexerTest {

    private static List<Token> lex(String s) {
        return Lexer.tokenize(s, "t.wat");
    }

    private static List<TokenKind> kinds(String s) {
        return lex(s).stream().map(Token::kind).toList();
    }

    @Test
    void skipsCommentsAndAnnotations() {
        assertEquals(List.of(TokenKind.LPAREN, TokenKind.KEYWORD, TokenKind.RPAREN, TokenKind.EOF),
                kinds("(; a (; nested ;) b ;) ( ;; line\n module (@name \"x\" (nested 1) ) )"));
    }

    @Test
    void decodesStringEscapes() {
        Token t = lex("\"a\\n\\t\\\\\\'\\\"\\41\\u{1F600}\"").get(0);
        assertEquals(TokenKind.STRING, t.kind());
        byte[] expected = ("a\n\t\\'\"A" + new String(Character.toChars(0x1F600))).getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(expected, t.value());
    }

    @Test
    void classifiesNumbersIdsAndReservedTokens() {
        assertEquals(List.of(TokenKind.NAT, TokenKind.NAT, TokenKind.INT, TokenKind.FLOAT, TokenKind.FLOAT,
                        TokenKind.FLOAT, TokenKind.FLOAT, TokenKind.FLOAT, TokenKind.ID, TokenKind.ID,
                        TokenKind.RESERVED, TokenKind.RESERVED, TokenKind.KEYWORD, TokenKind.EOF),
                kinds("1_000 0xFF_ff -7 1.5e-3 0x1.8p+3 -inf nan:0x7f 1. $x $\"quoted id\" 1__0 \"a\"b offset=4"));
        Token quoted = lex("$\"a b\"").get(0);
        assertEquals("a b", quoted.name());
    }

    @Test
    void reportsPositionAndToken() {
        TextFormatException e = assertThrows(TextFormatException.class, () -> lex("(module\n  \"abc"));
        assertEquals("t.wat:2:3: unterminated string", e.getMessage());
        assertThrows(TextFormatException.class, () -> lex("(; never closed"));
        assertThrows(TextFormatException.class, () -> lex("\"\\u{D800}\""));
        assertThrows(TextFormatException.class, () -> lex("(".repeat(Lexer.MAX_DEPTH + 1)));
    }
}
