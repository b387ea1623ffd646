package io.wasmrun.runtime.simd;

import java.io.ByteArrayOutputStream;

/** Wasm instruction bytes being written, with an emitter per instruction form the lowering uses. */
final class Code {
    private final ByteArrayOutputStream out;

    Code(int capacity) {
        this.out = new ByteArrayOutputStream(capacity);
    }

    Code op(int opcode) {
        out.write(opcode);
        return this;
    }

    Code i32(int value) {
        out.write(Op.I32_CONST);
        signed(value);
        return this;
    }

    Code i64(long value) {
        out.write(Op.I64_CONST);
        signed(value);
        return this;
    }

    Code get(int local) {
        return indexed(Op.LOCAL_GET, local);
    }

    Code set(int local) {
        return indexed(Op.LOCAL_SET, local);
    }

    Code tee(int local) {
        return indexed(Op.LOCAL_TEE, local);
    }

    Code call(int function) {
        return indexed(Op.CALL, function);
    }

    Code indexed(int opcode, long index) {
        out.write(opcode);
        unsigned(index);
        return this;
    }

    /** {@code 0xfc sub}: a saturating truncation. */
    Code misc(int sub) {
        out.write(Op.MISC);
        unsigned(sub);
        return this;
    }

    /** A load or store with its memory argument; {@code memory} 0 is encoded without its index. */
    Code memory(int opcode, long align, long offset, long memory) {
        out.write(opcode);
        if (memory == 0) {
            unsigned(align);
        } else {
            unsigned(align | 0x40);
            unsigned(memory);
        }
        unsigned(offset);
        return this;
    }

    /** {@code i64.shr_u} by a constant, nothing for 0. */
    Code shrU64(int bits) {
        return bits == 0 ? this : i64(bits).op(Op.I64_SHR_U);
    }

    /** {@code i64.shl} by a constant, nothing for 0. */
    Code shl64(int bits) {
        return bits == 0 ? this : i64(bits).op(Op.I64_SHL);
    }

    Code bytes(byte[] bytes, int from, int to) {
        out.write(bytes, from, to - from);
        return this;
    }

    Code bytes(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    Code unsigned(long value) {
        do {
            int b = (int) (value & 0x7f);
            value >>>= 7;
            out.write(value != 0 ? b | 0x80 : b);
        } while (value != 0);
        return this;
    }

    Code signed(long value) {
        while (true) {
            int b = (int) (value & 0x7f);
            value >>= 7;
            if ((value == 0 && (b & 0x40) == 0) || (value == -1 && (b & 0x40) != 0)) {
                out.write(b);
                return this;
            }
            out.write(b | 0x80);
        }
    }

    /** A name: its UTF-8 length, then its bytes. */
    Code name(byte[] utf8) {
        unsigned(utf8.length);
        return bytes(utf8);
    }

    int size() {
        return out.size();
    }

    byte[] toBytes() {
        return out.toByteArray();
    }
}
