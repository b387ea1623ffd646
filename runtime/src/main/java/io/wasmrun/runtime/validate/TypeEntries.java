package io.wasmrun.runtime.validate;

/** The entries of a type section of function types only: where each starts, and where they end. */
final class TypeEntries {
    private static final int FUNC = 0x60;
    private static final int REF = 0x64;
    private static final int REF_NULL = 0x63;
    private static final int FEWEST_MISREAD = 65;

    private final int[] starts;

    private TypeEntries(int[] starts) {
        this.starts = starts;
    }

    /**
     * The entries of the type section from {@code start} to {@code end}, or null when there are
     * too few for a block type to be misread, or one is not a plain function type (GC forms).
     */
    static TypeEntries of(byte[] binary, int start, int end) {
        var cursor = new ByteCursor(binary, start);
        long count = cursor.u32();
        if (count < FEWEST_MISREAD || count > end - start) {
            return null;
        }
        int[] starts = new int[(int) count + 1];
        for (int i = 0; i < count; i++) {
            starts[i] = cursor.position;
            if (cursor.u8() != FUNC) {
                return null;
            }
            valueTypes(cursor);
            valueTypes(cursor);
        }
        if (cursor.position != end) {
            return null;
        }
        starts[(int) count] = end;
        return new TypeEntries(starts);
    }

    int count() {
        return starts.length - 1;
    }

    int entriesStart() {
        return starts[0];
    }

    int start(int index) {
        return starts[index];
    }

    int length(int index) {
        return starts[index + 1] - starts[index];
    }

    private static void valueTypes(ByteCursor cursor) {
        long count = cursor.u32();
        for (long i = 0; i < count; i++) {
            long opcode = cursor.u32();
            if (opcode == REF || opcode == REF_NULL) {
                cursor.leb();
            }
        }
    }
}
