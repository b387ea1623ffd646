package io.wasmrun.runtime.validate;

/** A read position in a binary module, with the LEB128 readers of its encoding. */
public final class ByteCursor {
    private final byte[] bytes;
    int position;

    public ByteCursor(byte[] bytes, int position) {
        this.bytes = bytes;
        this.position = position;
    }

    public int position() {
        return position;
    }

    public void seek(int to) {
        position = to;
    }

    public int u8() {
        return bytes[position++] & 0xff;
    }

    /** An unsigned LEB128 of at most 32 bits. */
    public long u32() {
        return leb(false);
    }

    /** A signed LEB128 of at most 33 bits (a block type). */
    public long s33() {
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
    public void leb() {
        while ((u8() & 0x80) != 0) {
            // continuation byte
        }
    }

    public void skip(int count) {
        position += count;
    }
}
