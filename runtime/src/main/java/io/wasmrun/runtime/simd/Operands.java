package io.wasmrun.runtime.simd;

/**
 * Where a lowered instruction keeps its v128 operands: each is popped from the stack into a pair
 * of scratch i64 locals (high half first, as it lies on top), and results are pushed low half
 * first.
 */
final class Operands {
    final Code c;
    final Temps t;

    Operands(Code c, Temps t) {
        this.c = c;
        this.t = t;
    }

    int lo(int operand) {
        return t.i64(2 * operand);
    }

    int hi(int operand) {
        return t.i64(2 * operand + 1);
    }

    /** Pops {@code count} v128 operands into operands {@code 0 .. count-1}. */
    void pop(int count) {
        for (int i = count - 1; i >= 0; i--) {
            c.set(hi(i)).set(lo(i));
        }
    }

    /** Pops one scalar of wasm type {@code type} into scratch local {@code n} of its type. */
    int popScalar(int type, int n) {
        int local = t.scalar(type, n);
        c.set(local);
        return local;
    }

    /** The scratch i64 that holds intermediate halves. */
    int half(int n) {
        return t.i64(6 + n);
    }
}
