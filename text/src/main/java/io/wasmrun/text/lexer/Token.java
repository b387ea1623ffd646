package io.wasmrun.text.lexer;

/**
 * One token. {@code text} is the raw source text; {@code value} holds the decoded bytes of a
 * string and {@code name} the decoded name of an identifier (without the {@code $}).
 */
public record Token(TokenKind kind, String text, int line, int column, byte[] value, String name) {

    public boolean is(TokenKind k) {
        return kind == k;
    }

    public boolean isKeyword(String keyword) {
        return kind == TokenKind.KEYWORD && text.equals(keyword);
    }

    /** True for literals usable as an unsigned index: a NAT. */
    public boolean isNat() {
        return kind == TokenKind.NAT;
    }

    public boolean isInteger() {
        return kind == TokenKind.NAT || kind == TokenKind.INT;
    }

    public boolean isNumber() {
        return kind == TokenKind.NAT || kind == TokenKind.INT || kind == TokenKind.FLOAT;
    }

    /** How the token is shown in error messages. */
    public String describe() {
        return kind == TokenKind.EOF ? "end of input" : "\"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\"";
    }
}
