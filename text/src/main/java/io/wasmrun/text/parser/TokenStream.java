package io.wasmrun.text.parser;

import io.wasmrun.text.TextFormatException;
import io.wasmrun.text.lexer.NumberLiterals;
import io.wasmrun.text.lexer.Token;
import io.wasmrun.text.lexer.TokenKind;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A cursor over a token list with the small matching helpers every parser here needs. */
public final class TokenStream {
    private final List<Token> tokens;
    private final String fileName;
    private int pos;

    public TokenStream(List<Token> tokens, String fileName) {
        this.tokens = tokens;
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }

    public int position() {
        return pos;
    }

    public void seek(int position) {
        pos = position;
    }

    public Token peek() {
        return tokens.get(pos);
    }

    /** The token {@code k} places ahead, or the final EOF token. */
    public Token peek(int k) {
        return tokens.get(Math.min(pos + k, tokens.size() - 1));
    }

    public Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != TokenKind.EOF) {
            pos++;
        }
        return t;
    }

    public boolean at(TokenKind kind) {
        return peek().kind() == kind;
    }

    public boolean atKeyword(String keyword) {
        return peek().isKeyword(keyword);
    }

    /** True when the next tokens are {@code (keyword}. */
    public boolean atList(String keyword) {
        return at(TokenKind.LPAREN) && peek(1).isKeyword(keyword);
    }

    /** Keyword following an opening parenthesis at the cursor, or null. */
    public String listKeyword() {
        if (!at(TokenKind.LPAREN)) {
            return null;
        }
        Token t = peek(1);
        return t.kind() == TokenKind.KEYWORD ? t.text() : null;
    }

    public boolean acceptKeyword(String keyword) {
        if (atKeyword(keyword)) {
            pos++;
            return true;
        }
        return false;
    }

    public Token expect(TokenKind kind, String what) {
        Token t = peek();
        if (t.kind() != kind) {
            throw unexpected(t, what);
        }
        return next();
    }

    public void expectLParen() {
        expect(TokenKind.LPAREN, "(");
    }

    public void expectRParen() {
        expect(TokenKind.RPAREN, ")");
    }

    public void expectKeyword(String keyword) {
        if (!atKeyword(keyword)) {
            throw unexpected(peek(), keyword);
        }
        pos++;
    }

    /** Consumes {@code (keyword}. */
    public void openList(String keyword) {
        expectLParen();
        expectKeyword(keyword);
    }

    /** An optional identifier token, or null. */
    public Token optId() {
        return at(TokenKind.ID) ? next() : null;
    }

    public byte[] expectStringBytes() {
        return expect(TokenKind.STRING, "a string").value();
    }

    /** A string that must be valid UTF-8 (names); returns its bytes. */
    public byte[] expectName() {
        Token t = expect(TokenKind.STRING, "a name string");
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(t.value()));
        } catch (CharacterCodingException e) {
            throw error(t, "malformed UTF-8 encoding");
        }
        return t.value();
    }

    public long expectU32() {
        Token t = expect(TokenKind.NAT, "an unsigned integer");
        return u32(t);
    }

    public long u32(Token t) {
        try {
            return NumberLiterals.parseU32(t.text());
        } catch (NumberFormatException e) {
            throw error(t, e.getMessage());
        }
    }

    public long expectU64() {
        Token t = expect(TokenKind.NAT, "an unsigned integer");
        try {
            return NumberLiterals.parseU64(t.text());
        } catch (NumberFormatException e) {
            throw error(t, e.getMessage());
        }
    }

    /** Skips a balanced list starting at the opening parenthesis under the cursor. */
    public void skipList() {
        Token open = expect(TokenKind.LPAREN, "(");
        int depth = 1;
        while (depth > 0) {
            Token t = next();
            switch (t.kind()) {
                case LPAREN -> depth++;
                case RPAREN -> depth--;
                case EOF -> throw error(open, "unclosed parenthesis");
                default -> {}
            }
        }
    }

    public TextFormatException unexpected(Token t, String expected) {
        return error(t, "unexpected token " + t.describe() + ", expected " + expected);
    }

    public TextFormatException error(Token t, String message) {
        return new TextFormatException(fileName, t.line(), t.column(), message);
    }
}
