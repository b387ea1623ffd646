package io.wasmrun.text.wast;

import io.wasmrun.text.TextFormatException;
import io.wasmrun.text.Wat;
import java.util.Arrays;
import java.util.Objects;

/**
 * A module in a script. Binary and well-formed text modules carry their encoded {@code bytes};
 * {@code (module quote ...)} under {@code assert_malformed} keeps its {@code text}, and a plain
 * text module that failed to parse keeps the error. {@link #toBinary()} gives the bytes or throws
 * the text error, which is what a runner checking {@code assert_malformed} needs.
 */
public final class WastModule {
    /** How the module was written. */
    public enum Kind {
        /** {@code (module binary ...)}. */
        BINARY,
        /** {@code (module ...)} with fields. */
        TEXT,
        /** {@code (module quote ...)}. */
        QUOTE
    }

    private final int line;
    private final String name;
    private final boolean definition;
    private final Kind kind;
    private final byte[] bytes;
    private final String text;
    private final String fileName;
    private final TextFormatException error;

    WastModule(int line, String name, boolean definition, Kind kind, byte[] bytes, String text, String fileName,
            TextFormatException error) {
        this.line = line;
        this.name = name;
        this.definition = definition;
        this.kind = kind;
        this.bytes = bytes;
        this.text = text;
        this.fileName = fileName;
        this.error = error;
    }

    /** A binary module read from elsewhere, e.g. a {@code .wasm} file wast2json wrote. */
    public static WastModule binary(int line, String name, byte[] bytes, String fileName) {
        return new WastModule(line, name, false, Kind.BINARY, bytes.clone(), null, fileName, null);
    }

    /**
     * A {@code (module quote ...)} given by its text, e.g. a {@code .wat} file wast2json wrote;
     * {@link #toBinary()} encodes it.
     */
    public static WastModule quote(int line, String name, String text, String fileName) {
        return new WastModule(line, name, false, Kind.QUOTE, null, text, fileName, null);
    }

    public int line() {
        return line;
    }

    /** The {@code $name} without the dollar sign, or null. */
    public String name() {
        return name;
    }

    /** True for {@code (module definition ...)}: define but do not instantiate. */
    public boolean isDefinition() {
        return definition;
    }

    public Kind kind() {
        return kind;
    }

    /** The encoded module, or null when it has not been (or could not be) encoded. */
    public byte[] bytes() {
        return bytes == null ? null : bytes.clone();
    }

    /** The quoted source text of a {@code (module quote ...)} that was not encoded, else null. */
    public String text() {
        return text;
    }

    /** The module's binary encoding; throws {@link TextFormatException} for malformed text. */
    public byte[] toBinary() {
        if (bytes != null) {
            return bytes.clone();
        }
        if (text != null) {
            return Wat.toBinary(text, fileName + ":" + line + ":quote");
        }
        throw Objects.requireNonNull(error);
    }

    @Override
    public String toString() {
        return "WastModule[line=" + line + ", name=" + name + ", kind=" + kind
                + (bytes != null ? ", bytes=" + bytes.length : "") + (text != null ? ", text=" + text : "")
                + (error != null ? ", error=" + error.getMessage() : "") + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WastModule m && line == m.line && Objects.equals(name, m.name) && kind == m.kind
                && Arrays.equals(bytes, m.bytes) && Objects.equals(text, m.text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(line, name, kind, Arrays.hashCode(bytes), text);
    }
}
