package io.wasmrun.text.encoder;

import java.util.Arrays;

/** A growable byte buffer with the primitive encodings of the WebAssembly binary format. */
public final class ByteWriter {
    private byte[] buf;
    private int size;

    public ByteWriter() {
        this(64);
    }

    public ByteWriter(int capacity) {
        buf = new byte[Math.max(capacity, 16)];
    }

    public int size() {
        return size;
    }

    /** Drops everything written after the first {@code newSize} bytes. */
    public void truncate(int newSize) {
        size = Math.min(size, newSize);
    }

    private void ensure(int extra) {
        if (size + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
        }
    }

    public ByteWriter u8(int b) {
        ensure(1);
        buf[size++] = (byte) b;
        return this;
    }

    public ByteWriter bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    public ByteWriter bytes(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
        return this;
    }

    public ByteWriter append(ByteWriter other) {
        return bytes(other.buf, 0, other.size);
    }

    /** Unsigned LEB128 of a value treated as unsigned 64-bit. */
    public ByteWriter u64(long v) {
        do {
            int b = (int) (v & 0x7F);
            v >>>= 7;
            u8(v != 0 ? b | 0x80 : b);
        } while (v != 0);
        return this;
    }

    /** Unsigned LEB128 of a 32-bit value given as its (non-negative) long. */
    public ByteWriter u32(long v) {
        return u64(v & 0xFFFF_FFFFL);
    }

    /** Signed LEB128 (covers s32, s33 and s64). */
    public ByteWriter s64(long v) {
        while (true) {
            int b = (int) (v & 0x7F);
            v >>= 7;
            boolean done = v == 0 && (b & 0x40) == 0 || v == -1 && (b & 0x40) != 0;
            u8(done ? b : b | 0x80);
            if (done) {
                return this;
            }
        }
    }

    public ByteWriter f32(int bits) {
        return u8(bits).u8(bits >>> 8).u8(bits >>> 16).u8(bits >>> 24);
    }

    public ByteWriter f64(long bits) {
        f32((int) bits);
        return f32((int) (bits >>> 32));
    }

    /** A length-prefixed byte vector (names and data). */
    public ByteWriter vec(byte[] b) {
        u32(b.length);
        return bytes(b);
    }

    /** Writes {@code other} prefixed with its size. */
    public ByteWriter sized(ByteWriter other) {
        u32(other.size);
        return append(other);
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }
}
