package io.wasmrun.text.parser;

import io.wasmrun.text.encoder.ByteWriter;

/**
 * A value, storage or reference type. {@code code} is the binary type byte (0x63 and 0x64 for
 * nullable and non-null references); {@code heap} is a type index when non-negative, or the
 * negated abstract heap type byte.
 */
record ValType(int code, int heap) {
    static final int REF_NULL = 0x63;
    static final int REF = 0x64;

    static ValType num(int code) {
        return new ValType(code, 0);
    }

    static ValType ref(boolean nullable, int heap) {
        return new ValType(nullable ? REF_NULL : REF, heap);
    }

    boolean isRef() {
        return code == REF_NULL || code == REF;
    }

    /** Writes the type, using the one-byte shorthand for nullable abstract references. */
    void write(ByteWriter out) {
        if (code == REF_NULL && heap < 0) {
            out.u8(-heap);
            return;
        }
        out.u8(code);
        if (isRef()) {
            writeHeap(out, heap);
        }
    }

    static void writeHeap(ByteWriter out, int heap) {
        if (heap < 0) {
            out.u8(-heap);
        } else {
            out.s64(heap);
        }
    }
}
