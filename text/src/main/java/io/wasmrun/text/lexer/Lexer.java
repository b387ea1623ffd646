package io.wasmrun.text.lexer;

import io.wasmrun.text.TextFormatException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits WebAssembly text into tokens.
 *
 * <p>Whitespace, line comments, nested block comments and annotations {@code (@name ...)} are
 * dropped. A maximal run of identifier characters (possibly glued to strings) forms one token,
 * which is then classified as keyword, identifier, number or reserved. Strings are decoded to
 * bytes here, so later stages never see escapes. Parenthesis nesting is limited to {@link
 * #MAX_DEPTH} so that the recursive parsers downstream cannot overflow the stack.
 */
public final class Lexer {
    /** The deepest parenthesis nesting accepted. */
    public static final int MAX_DEPTH = 1000;

    private final String src;
    private final String fileName;
    private final int n;
    private int pos;
    private int line = 1;
    private int lineStart;
    private final List<Token> tokens = new ArrayList<>();

    private Lexer(String src, String fileName) {
        this.src = src;
        this.fileName = fileName;
        this.n = src.length();
    }

    /** Tokenizes {@code src}; the result always ends with an {@link TokenKind#EOF} token. */
    public static List<Token> tokenize(String src, String fileName) {
        Lexer lexer = new Lexer(src, fileName);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        int depth = 0;
        while (true) {
            skipBlanks();
            if (pos >= n) {
                break;
            }
            char c = src.charAt(pos);
            int startLine = line;
            int startCol = pos - lineStart + 1;
            if (c == '(') {
                if (pos + 1 < n && src.charAt(pos + 1) == '@') {
                    skipAnnotation();
                    continue;
                }
                pos++;
                if (++depth > MAX_DEPTH) {
                    throw error(startLine, startCol, "nesting too deep");
                }
                tokens.add(new Token(TokenKind.LPAREN, "(", startLine, startCol, null, null));
            } else if (c == ')') {
                pos++;
                depth--;
                tokens.add(new Token(TokenKind.RPAREN, ")", startLine, startCol, null, null));
            } else if (c == '"' || isIdChar(c)) {
                tokens.add(word(startLine, startCol));
            } else {
                throw error(startLine, startCol, "unexpected character " + describeChar(c));
            }
        }
        tokens.add(new Token(TokenKind.EOF, "", line, pos - lineStart + 1, null, null));
    }

    private static String describeChar(char c) {
        return c >= 0x21 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }

    private void skipBlanks() {
        while (pos < n) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '\n') {
                newline();
            } else if (c == ';' && pos + 1 < n && src.charAt(pos + 1) == ';') {
                while (pos < n && src.charAt(pos) != '\n' && src.charAt(pos) != '\r') {
                    pos++;
                }
            } else if (c == '(' && pos + 1 < n && src.charAt(pos + 1) == ';') {
                skipBlockComment();
            } else {
                return;
            }
        }
    }

    private void newline() {
        pos++;
        line++;
        lineStart = pos;
    }

    private void skipBlockComment() {
        int startLine = line;
        int startCol = pos - lineStart + 1;
        int depth = 0;
        while (pos < n) {
            char c = src.charAt(pos);
            if (c == '(' && pos + 1 < n && src.charAt(pos + 1) == ';') {
                depth++;
                pos += 2;
            } else if (c == ';' && pos + 1 < n && src.charAt(pos + 1) == ')') {
                pos += 2;
                if (--depth == 0) {
                    return;
                }
            } else if (c == '\n') {
                newline();
            } else {
                pos++;
            }
        }
        throw error(startLine, startCol, "unclosed block comment");
    }

    /** Skips {@code (@name ...)} including nested parentheses, strings and comments. */
    private void skipAnnotation() {
        int startLine = line;
        int startCol = pos - lineStart + 1;
        pos += 2;
        if (pos < n && src.charAt(pos) == '"') {
            byte[] id = readString(startLine, startCol);
            if (id.length == 0) {
                throw error(startLine, startCol, "empty annotation id");
            }
            decodeUtf8(id, startLine, startCol);
        } else if (pos >= n || !isIdChar(src.charAt(pos))) {
            throw error(startLine, startCol, "malformed annotation id");
        }
        int depth = 1;
        while (depth > 0) {
            skipBlanks();
            if (pos >= n) {
                throw error(startLine, startCol, "unclosed annotation");
            }
            char c = src.charAt(pos);
            if (c == '(') {
                depth++;
                pos++;
            } else if (c == ')') {
                depth--;
                pos++;
            } else if (c == '"') {
                readString(line, pos - lineStart + 1);
            } else if (c < 0x20 && c != '\t' || c >= 0x7f) {
                throw error(line, pos - lineStart + 1, "illegal character " + describeChar(c));
            } else {
                pos++;
            }
        }
    }

    static boolean isIdChar(char c) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return true;
        }
        return switch (c) {
            case '!', '#', '$', '%', '&', '\'', '*', '+', '-', '.', '/', ':', '<', '=', '>', '?',
                    '@', '\\', '^', '_', '`', '|', '~' -> true;
            default -> false;
        };
    }

    private Token word(int startLine, int startCol) {
        int start = pos;
        int strings = 0;
        int idChars = 0;
        byte[] lastString = null;
        while (pos < n) {
            char c = src.charAt(pos);
            if (isIdChar(c)) {
                pos++;
                idChars++;
            } else if (c == '"') {
                lastString = readString(startLine, startCol);
                strings++;
            } else {
                break;
            }
        }
        String text = src.substring(start, pos);
        if (strings == 1 && idChars == 0) {
            return new Token(TokenKind.STRING, text, startLine, startCol, lastString, null);
        }
        if (strings == 1 && idChars == 1 && text.startsWith("$\"")) {
            if (lastString.length == 0) {
                throw error(startLine, startCol, "empty identifier");
            }
            String name = decodeUtf8(lastString, startLine, startCol);
            return new Token(TokenKind.ID, text, startLine, startCol, null, name);
        }
        if (strings > 0) {
            return new Token(TokenKind.RESERVED, text, startLine, startCol, null, null);
        }
        return classify(text, startLine, startCol);
    }

    private static Token classify(String text, int line, int col) {
        char c = text.charAt(0);
        if (c == '$') {
            if (text.length() == 1) {
                return new Token(TokenKind.RESERVED, text, line, col, null, null);
            }
            return new Token(TokenKind.ID, text, line, col, null, text.substring(1));
        }
        TokenKind number = NumberLiterals.classify(text);
        if (number != null) {
            return new Token(number, text, line, col, null, null);
        }
        if (c >= 'a' && c <= 'z') {
            return new Token(TokenKind.KEYWORD, text, line, col, null, null);
        }
        return new Token(TokenKind.RESERVED, text, line, col, null, null);
    }

    /** Reads a string literal starting at the current quote and returns its bytes. */
    private byte[] readString(int startLine, int startCol) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pos++;
        while (true) {
            if (pos >= n) {
                throw error(startLine, startCol, "unterminated string");
            }
            char c = src.charAt(pos);
            if (c == '"') {
                pos++;
                return out.toByteArray();
            }
            if (c == '\n' || c < 0x20 || c == 0x7f) {
                throw error(line, pos - lineStart + 1, "illegal character in string " + describeChar(c));
            }
            if (c != '\\') {
                int cp = src.codePointAt(pos);
                if (Character.isSurrogate(c) && cp == c) {
                    throw error(line, pos - lineStart + 1, "malformed UTF-8 encoding");
                }
                pos += Character.charCount(cp);
                writeUtf8(out, cp);
                continue;
            }
            if (pos + 1 >= n) {
                throw error(startLine, startCol, "unterminated string");
            }
            char e = src.charAt(pos + 1);
            int escCol = pos - lineStart + 1;
            pos += 2;
            switch (e) {
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case 'r' -> out.write('\r');
                case '"' -> out.write('"');
                case '\'' -> out.write('\'');
                case '\\' -> out.write('\\');
                case 'u' -> {
                    if (pos >= n || src.charAt(pos) != '{') {
                        throw error(line, escCol, "malformed unicode escape");
                    }
                    int close = src.indexOf('}', pos);
                    if (close < 0) {
                        throw error(line, escCol, "malformed unicode escape");
                    }
                    String hex = src.substring(pos + 1, close);
                    long cp = NumberLiterals.parseHexDigits(hex);
                    if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp < 0xE000)) {
                        throw error(line, escCol, "malformed unicode escape \\u{" + hex + "}");
                    }
                    writeUtf8(out, (int) cp);
                    pos = close + 1;
                }
                default -> {
                    int hi = Character.digit(e, 16);
                    int lo = pos < n ? Character.digit(src.charAt(pos), 16) : -1;
                    if (hi < 0 || lo < 0) {
                        throw error(line, escCol, "illegal escape \\" + e);
                    }
                    pos++;
                    out.write(hi * 16 + lo);
                }
            }
        }
    }

    private static void writeUtf8(ByteArrayOutputStream out, int cp) {
        if (cp < 0x80) {
            out.write(cp);
        } else if (cp < 0x800) {
            out.write(0xC0 | cp >> 6);
            out.write(0x80 | cp & 0x3F);
        } else if (cp < 0x10000) {
            out.write(0xE0 | cp >> 12);
            out.write(0x80 | cp >> 6 & 0x3F);
            out.write(0x80 | cp & 0x3F);
        } else {
            out.write(0xF0 | cp >> 18);
            out.write(0x80 | cp >> 12 & 0x3F);
            out.write(0x80 | cp >> 6 & 0x3F);
            out.write(0x80 | cp & 0x3F);
        }
    }

    private String decodeUtf8(byte[] bytes, int line, int col) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw error(line, col, "malformed UTF-8 encoding");
        }
    }

    private TextFormatException error(int line, int col, String message) {
        return new TextFormatException(fileName, line, col, message);
    }
}
