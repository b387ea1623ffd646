package io.wasmrun.runtime.simd;

/**
 * Moves single lanes between a half held in an i64 local and the operand stack. A lane of i8, i16
 * or i32 travels as an i32, f32 as f32, i64 as i64 and f64 as f64, so lane-wise operations are the
 * scalar instructions of the lane type.
 */
final class Lanes {
    private Lanes() {}

    /** Pushes lane {@code k} (0 is the lowest) of the half in local {@code half}. */
    static void get(Code c, Shape shape, int half, int k, Ext ext) {
        int shift = k * shape.bits;
        c.get(half);
        switch (shape) {
            case I8, I16 -> {
                boolean top = shift + shape.bits == 64;
                if (ext == Ext.SIGNED) {
                    if (top) {
                        c.i64(shift).op(Op.I64_SHR_S).op(Op.I32_WRAP_I64);
                    } else {
                        c.shrU64(shift).op(Op.I32_WRAP_I64).op(shape == Shape.I8 ? Op.I32_EXTEND8_S : Op.I32_EXTEND16_S);
                    }
                } else {
                    c.shrU64(shift).op(Op.I32_WRAP_I64);
                    if (ext == Ext.UNSIGNED && !top) {
                        c.i32((int) shape.mask()).op(Op.I32_AND);
                    }
                }
            }
            case I32 -> c.shrU64(shift).op(Op.I32_WRAP_I64);
            case F32 -> c.shrU64(shift).op(Op.I32_WRAP_I64).op(Op.F32_REINTERPRET_I32);
            case I64 -> {}
            case F64 -> c.op(Op.F64_REINTERPRET_I64);
        }
    }

    /**
     * Turns the lane value on the stack into its bits at lane {@code k} of a half and, unless
     * {@code k} is 0, ORs them into the half below it on the stack.
     */
    static void put(Code c, Shape shape, int k) {
        position(c, shape, k);
        if (k > 0) {
            c.op(Op.I64_OR);
        }
    }

    /** Turns the lane value on the stack into an i64 holding its bits at lane {@code k} of a half, zeros elsewhere. */
    static void position(Code c, Shape shape, int k) {
        int shift = k * shape.bits;
        switch (shape) {
            case I8, I16 -> {
                if (shift + shape.bits != 64) {
                    c.i32((int) shape.mask()).op(Op.I32_AND);
                }
                c.op(Op.I64_EXTEND_I32_U).shl64(shift);
            }
            case I32 -> c.op(Op.I64_EXTEND_I32_U).shl64(shift);
            case F32 -> c.op(Op.I32_REINTERPRET_F32).op(Op.I64_EXTEND_I32_U).shl64(shift);
            case I64 -> {}
            case F64 -> c.op(Op.I64_REINTERPRET_F64);
        }
    }

    /** The scalar type of a lane as it travels: i32 for the integer shapes below 64 bits. */
    static int scalarType(Shape shape) {
        return switch (shape) {
            case I8, I16, I32 -> Op.TYPE_I32;
            case I64 -> Op.TYPE_I64;
            case F32 -> Op.TYPE_F32;
            case F64 -> Op.TYPE_F64;
        };
    }
}
