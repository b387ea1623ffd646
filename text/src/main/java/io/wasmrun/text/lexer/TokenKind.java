package io.wasmrun.text.lexer;

/** The lexical classes of the WebAssembly text format. */
public enum TokenKind {
    LPAREN,
    RPAREN,
    /** A keyword: starts with a lower-case letter, e.g. {@code i32.add} or {@code offset=4}. */
    KEYWORD,
    /** An identifier such as {@code $x} or {@code $"quoted"}. */
    ID,
    STRING,
    /** An unsigned integer literal. */
    NAT,
    /** A signed integer literal. */
    INT,
    /** A float literal, including {@code inf}, {@code nan} and {@code nan:0x...}. */
    FLOAT,
    /** Any other run of identifier characters. */
    RESERVED,
    EOF
}
