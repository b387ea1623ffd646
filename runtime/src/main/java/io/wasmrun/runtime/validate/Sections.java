package io.wasmrun.runtime.validate;

/**
 * Where the type and code sections of a binary module are: each section's id byte ({@code
 * header}), the start of its contents and its end.
 */
public record Sections(int typeHeader, int typeStart, int typeEnd, int codeHeader, int codeStart, int codeEnd) {
    private static final int TYPE = 1;
    private static final int CODE = 10;

    /** The sections of {@code binary}, or null without both, or with code before types. */
    public static Sections of(byte[] binary) {
        var cursor = new ByteCursor(binary, 8);
        int[] type = null;
        int[] code = null;
        while (cursor.position < binary.length) {
            int header = cursor.position;
            int id = cursor.u8();
            int size = Math.toIntExact(cursor.u32());
            int start = cursor.position;
            int end = Math.addExact(start, size);
            if (id == TYPE && type == null) {
                type = new int[] {header, start, end};
            } else if (id == CODE && code == null) {
                code = new int[] {header, start, end};
            }
            cursor.position = end;
        }
        if (type == null || code == null || code[0] < type[2] || cursor.position != binary.length) {
            return null;
        }
        return new Sections(type[0], type[1], type[2], code[0], code[1], code[2]);
    }
}
