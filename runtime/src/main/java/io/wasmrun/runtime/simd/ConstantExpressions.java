package io.wasmrun.runtime.simd;

import io.wasmrun.runtime.validate.ByteCursor;

/** Constant expressions (global initialisers, segment offsets and items) with global indices renumbered. */
final class ConstantExpressions {
    private static final int V128_CONST = 0x0c;

    private ConstantExpressions() {}

    /** The expression at the cursor, up to and with its {@code end}, renumbered. */
    static byte[] renumbered(byte[] binary, ByteCursor cursor, IndexMap globals) {
        var out = new Code(16);
        while (true) {
            int at = cursor.position();
            int opcode = cursor.u8();
            switch (opcode) {
                case Op.END -> {
                    out.op(Op.END);
                    return out.toBytes();
                }
                case Op.GLOBAL_GET -> out.indexed(Op.GLOBAL_GET, globals.lowered(cursor.u32()));
                case Op.I32_CONST, Op.I64_CONST, 0xd2 -> {
                    cursor.leb();
                    out.bytes(binary, at, cursor.position());
                }
                case 0x43 -> copy(binary, cursor, out, at, 4);
                case 0x44 -> copy(binary, cursor, out, at, 8);
                case 0xd0 -> {
                    cursor.s33();
                    out.bytes(binary, at, cursor.position());
                }
                case 0x6a, 0x6b, 0x6c, 0x7c, 0x7d, 0x7e -> out.op(opcode);
                default -> throw new UnsupportedOperationException(
                        "SIMD together with constant instruction 0x" + Integer.toHexString(opcode));
            }
        }
    }

    /**
     * The two expressions that initialise the halves of a v128 global from its initialiser at the
     * cursor: a {@code v128.const} or the {@code global.get} of another v128 global.
     */
    static byte[][] vectorHalves(byte[] binary, ByteCursor cursor, IndexMap globals) {
        int opcode = cursor.u8();
        var low = new Code(12);
        var high = new Code(12);
        if (opcode == 0xfd && cursor.u32() == V128_CONST) {
            long lo = 0;
            long hi = 0;
            for (int i = 0; i < 8; i++) {
                lo |= (long) cursor.u8() << (8 * i);
            }
            for (int i = 0; i < 8; i++) {
                hi |= (long) cursor.u8() << (8 * i);
            }
            low.i64(lo);
            high.i64(hi);
        } else if (opcode == Op.GLOBAL_GET) {
            int lowered = globals.lowered(cursor.u32());
            low.indexed(Op.GLOBAL_GET, lowered);
            high.indexed(Op.GLOBAL_GET, lowered + 1);
        } else {
            throw new UnsupportedOperationException("v128 global initialised by opcode 0x" + Integer.toHexString(opcode));
        }
        if (cursor.u8() != Op.END) {
            throw new UnsupportedOperationException("v128 global initialiser of more than one instruction");
        }
        return new byte[][] {low.op(Op.END).toBytes(), high.op(Op.END).toBytes()};
    }

    private static void copy(byte[] binary, ByteCursor cursor, Code out, int at, int immediate) {
        cursor.skip(immediate);
        out.bytes(binary, at, cursor.position());
    }
}
