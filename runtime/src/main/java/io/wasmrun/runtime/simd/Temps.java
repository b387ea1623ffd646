package io.wasmrun.runtime.simd;

/**
 * The scratch locals a lowered function declares after its own: a fixed pool per type. Each
 * lowered instruction leaves its results on the operand stack, so the next one may reuse them.
 * The i64 pool holds three v128 operands (0 to 5), two intermediate halves (6, 7) and two i64
 * scalars (8, 9).
 */
final class Temps {
    static final int I64S = 10;
    static final int I32S = 4;
    static final int F32S = 2;
    static final int F64S = 2;

    private final int base;

    Temps(int base) {
        this.base = base;
    }

    int i64(int n) {
        return base + check(n, I64S);
    }

    int i32(int n) {
        return base + I64S + check(n, I32S);
    }

    int f32(int n) {
        return base + I64S + I32S + check(n, F32S);
    }

    int f64(int n) {
        return base + I64S + I32S + F32S + check(n, F64S);
    }

    /** A scratch local for a scalar of wasm type {@code type}. */
    int scalar(int type, int n) {
        return switch (type) {
            case Op.TYPE_I32 -> i32(n);
            case Op.TYPE_I64 -> i64(8 + n);
            case Op.TYPE_F32 -> f32(n);
            case Op.TYPE_F64 -> f64(n);
            default -> throw new IllegalArgumentException("no scratch local of type " + type);
        };
    }

    /** The local declarations of the pool: count and type of each group. */
    static void declare(Code c) {
        c.unsigned(I64S).op(Op.TYPE_I64);
        c.unsigned(I32S).op(Op.TYPE_I32);
        c.unsigned(F32S).op(Op.TYPE_F32);
        c.unsigned(F64S).op(Op.TYPE_F64);
    }

    static final int GROUPS = 4;

    private static int check(int n, int size) {
        if (n < 0 || n >= size) {
            throw new IllegalArgumentException("scratch local " + n + " of " + size);
        }
        return n;
    }
}
