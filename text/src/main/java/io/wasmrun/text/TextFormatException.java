package io.wasmrun.text;

/**
 * Raised for any text that is not well-formed WebAssembly text: the message reads
 * {@code file:line:column: message}.
 */
public final class TextFormatException extends RuntimeException {
    private final String fileName;
    private final int line;
    private final int column;
    private final String reason;

    public TextFormatException(String fileName, int line, int column, String reason) {
        super(fileName + ":" + line + ":" + column + ": " + reason);
        this.fileName = fileName;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    public String fileName() {
        return fileName;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The message without the location prefix. */
    public String reason() {
        return reason;
    }
}
