package io.wasmrun.runtime.validate;

/** A read position in a binary module, with the LEB128 readers of its encoding. */
final class ByteCursor {
    private final byte[] bytes;
    int position;

    ByteCursor(byte[] bytes, int position) {
        this.bytes = bytes;
        this.position = position;
    }

    int u8() {
        return bytes[position++] & 0xff;
    }

    /** An unsigned LEB128 of at most 32 bits. */
    long u32() {
        return leb(false);
    }

    /** A signed LEB128 of at most 33 bits (a block type). */
    long s33() {
        return leb(true);
    }

    private long leb(boolean signed) {
        long result = 0;
        int shift = 0;
        int b;
        do {
            b = u8();
            result |= (long) (b & 0x7f) << shift;
            shift += 7;
        } while ((b & 0x80) != 0 && shift < 35);
        if (signed && (b & 0x40) != 0) {
            result |= -1L << shift;
        }
        return result;
    }

    /** Skips a LEB128 of any length and sign. */
    void leb() {
        while ((u8() & 0x80) != 0) {
            // continuation byte
        }
    }

    void skip(int count) {
        position += count;
    }
}
