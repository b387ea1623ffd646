package io.wasmrun.runtime.validate;

import com.dylibso.chicory.wasm.MalformedException;

/**
 * Checks that every name in a binary module is well-formed UTF-8: custom section names, import
 * module and field names, export names. Chicory 1.7.5 decodes names into Java strings with
 * replacement characters and checks only some of them, so this reads the bytes: section headers,
 * and the import and export sections (import descriptors are skipped, not decoded). It runs on
 * bytes Chicory's parser has accepted, so the sections are well delimited.
 */
final class NameScanner {
    private static final int CUSTOM = 0;
    private static final int IMPORT = 2;
    private static final int EXPORT = 7;
    private static final int FUNCTION = 0;
    private static final int TABLE = 1;
    private static final int MEMORY = 2;
    private static final int GLOBAL = 3;
    private static final int TAG = 4;
    private static final int REF = 0x64;
    private static final int REF_NULL = 0x63;

    private final byte[] bytes;
    private final ByteCursor cursor;

    private NameScanner(byte[] bytes) {
        this.bytes = bytes;
        this.cursor = new ByteCursor(bytes, 8);
    }

    /**
     * Checks every name in {@code binary}, bytes Chicory's parser accepted.
     *
     * @throws MalformedException "malformed UTF-8 encoding" for the first name that is not
     */
    static void check(byte[] binary) {
        new NameScanner(binary).sections();
    }

    private void sections() {
        while (cursor.position < bytes.length) {
            int id = cursor.u8();
            int size = u32();
            int end = cursor.position + size;
            switch (id) {
                case CUSTOM -> name(Name.CUSTOM_SECTION, 0);
                case IMPORT -> imports();
                case EXPORT -> exports();
                default -> {}
            }
            cursor.position = end;
        }
    }

    private void imports() {
        int count = u32();
        for (int i = 0; i < count; i++) {
            name(Name.IMPORT_MODULE, i);
            name(Name.IMPORT_FIELD, i);
            int kind = u32();
            switch (kind) {
                case FUNCTION -> cursor.leb();
                case TABLE -> {
                    valueType();
                    limits();
                }
                case MEMORY -> limits();
                case GLOBAL -> {
                    valueType();
                    cursor.skip(1);
                }
                case TAG -> {
                    cursor.skip(1);
                    cursor.leb();
                }
                default -> {
                    return; // Chicory's parser accepts no other kind; never misread what follows
                }
            }
        }
    }

    private void exports() {
        int count = u32();
        for (int i = 0; i < count; i++) {
            name(Name.EXPORT, i);
            cursor.skip(1);
            cursor.leb();
        }
    }

    private void name(Name name, int index) {
        int length = u32();
        if (!Utf8.isValid(bytes, cursor.position, cursor.position + length)) {
            throw new MalformedException("malformed UTF-8 encoding: " + name.describe(index) + " is not valid UTF-8");
        }
        cursor.skip(length);
    }

    /** Which name is read; described only in the error, so a valid module builds no strings. */
    private enum Name {
        CUSTOM_SECTION,
        IMPORT_MODULE,
        IMPORT_FIELD,
        EXPORT;

        String describe(int index) {
            return switch (this) {
                case CUSTOM_SECTION -> "the name of a custom section";
                case IMPORT_MODULE -> "the module name of import " + index;
                case IMPORT_FIELD -> "the field name of import " + index;
                case EXPORT -> "the name of export " + index;
            };
        }
    }

    /** A value type as Chicory reads it: a LEB opcode, and a heap type after (ref ...) and (ref null ...). */
    private void valueType() {
        int opcode = u32();
        if (opcode == REF || opcode == REF_NULL) {
            cursor.leb();
        }
    }

    private void limits() {
        int flags = cursor.u8();
        cursor.leb();
        if ((flags & 1) != 0) {
            cursor.leb();
        }
    }

    /** A count, length, kind or opcode: an unsigned LEB128 Chicory's parser has read as 32 bits. */
    private int u32() {
        return (int) cursor.u32();
    }
}
