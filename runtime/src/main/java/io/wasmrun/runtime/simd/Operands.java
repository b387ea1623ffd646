package io.wasmrun.runtime.simd;

import java.util.ArrayList;
import java.util.List;

/**
 * The v128 operands of lowered instructions, kept off the operand stack while they flow from one
 * SIMD instruction to the next. A v128 pushed by a SIMD instruction or a {@code local.get} stays
 * <em>pending</em>: its halves in locals (the local's own, or scratch locals), or for f32x4 and
 * i32x4 results its four lanes in scalar locals, so a chain of lane-wise instructions neither
 * packs lanes into halves nor spills operands. Pending values lie above everything on the real
 * operand stack, except scalars pushed after them (an address, a shift count), whose types are
 * tracked; any other instruction is a <em>barrier</em>: the pending values are pushed as halves
 * first ({@link #barrier}).
 *
 * <p>A lowered instruction pops its operands ({@link #pop}), reads them by half ({@link #lo},
 * {@link #hi}) or lane ({@link #lane}), and declares its result: halves pushed on the stack
 * ({@link #result}), lanes in locals ({@link #resultLanes}), a scalar, or nothing.
 */
final class Operands {
    /** A pending v128: halves in {@code lo} and {@code hi}, or lanes of {@code lanes}' shape. */
    private static final class Vector {
        int lo = -1;
        int hi = -1;
        Shape shape;
        int[] lanes;
        final List<Integer> owned = new ArrayList<>();

        boolean hasHalves() {
            return lo >= 0;
        }

        boolean uses(int local) {
            return lo == local || hi == local;
        }
    }

    final Code c;
    final Temps t;
    private final List<Vector> pending = new ArrayList<>();
    private final List<Integer> scalarsAbove = new ArrayList<>();
    private final Vector[] popped = new Vector[3];
    private int poppedCount;
    private boolean declared;

    Operands(Code c, Temps t) {
        this.c = c;
        this.t = t;
    }

    /** Starts lowering one SIMD instruction. */
    void begin() {
        poppedCount = 0;
        declared = false;
    }

    /** Whether the instruction declared its result itself. */
    boolean declared() {
        return declared;
    }

    /** Pops {@code count} v128 operands, operand {@code count-1} from the top. */
    void pop(int count) {
        for (int i = count - 1; i >= 0; i--) {
            Vector v;
            if (!pending.isEmpty() && scalarsAbove.isEmpty()) {
                v = pending.remove(pending.size() - 1);
            } else {
                if (!pending.isEmpty()) {
                    barrier();
                }
                v = new Vector();
                v.hi = own(v, Op.TYPE_I64);
                v.lo = own(v, Op.TYPE_I64);
                c.set(v.hi).set(v.lo);
            }
            popped[i] = v;
        }
        poppedCount = Math.max(poppedCount, count);
    }

    /** Pops the scalar of wasm type {@code type} on top of the stack into fixed scratch local {@code n}. */
    int popScalar(int type, int n) {
        if (!scalarsAbove.isEmpty()) {
            scalarsAbove.remove(scalarsAbove.size() - 1);
        }
        int local = t.scalar(type, n);
        c.set(local);
        return local;
    }

    /** The local holding the low half of operand {@code operand}, packing its lanes first if need be. */
    int lo(int operand) {
        return halves(popped[operand]).lo;
    }

    int hi(int operand) {
        return halves(popped[operand]).hi;
    }

    /** Whether operand {@code operand} is held as lanes rather than halves. */
    boolean inLanes(int operand) {
        return popped[operand].lanes != null && !popped[operand].hasHalves();
    }

    /** Pushes lane {@code k} of operand {@code operand} as a scalar of {@code shape}'s lane type. */
    void lane(int operand, Shape shape, int k, Ext ext) {
        Vector v = popped[operand];
        if (v.lanes != null && shape.bits == 32) {
            c.get(v.lanes[k]);
            if (v.shape != shape) {
                c.op(shape == Shape.F32 ? Op.F32_REINTERPRET_I32 : Op.I32_REINTERPRET_F32);
            }
            return;
        }
        int perHalf = shape.perHalf();
        Lanes.get(c, shape, k < perHalf ? lo(operand) : hi(operand), k % perHalf, ext);
    }

    /** The scratch i64 that holds intermediate halves. */
    int half(int n) {
        return t.half(n);
    }

    /** Declares the result: its halves, pushed on the stack (low first). */
    void result() {
        var v = new Vector();
        v.hi = own(v, Op.TYPE_I64);
        v.lo = own(v, Op.TYPE_I64);
        c.set(v.hi).set(v.lo);
        finish();
        if (!scalarsAbove.isEmpty()) {
            barrier();
        }
        pending.add(v);
    }

    /** Declares the result: four lanes of {@code shape} (i32 or f32) in locals {@code lanes}, owned by it. */
    void resultLanes(Shape shape, int[] lanes) {
        var v = new Vector();
        v.shape = shape;
        v.lanes = lanes;
        for (int lane : lanes) {
            if (!v.owned.contains(lane)) {
                v.owned.add(lane);
            }
        }
        finish();
        if (!scalarsAbove.isEmpty()) {
            barrier();
        }
        pending.add(v);
        declared = true;
    }

    /**
     * Declares the result: four lanes of {@code shape} (i32 or f32), lane k computed onto the stack
     * by {@code lane.accept(k)} and kept in a local.
     */
    void resultLanes(Shape shape, java.util.function.IntConsumer lane) {
        int[] locals = new int[4];
        for (int k = 0; k < 4; k++) {
            lane.accept(k);
            locals[k] = t.allocate(Lanes.scalarType(shape));
            c.set(locals[k]);
        }
        resultLanes(shape, locals);
    }

    /** Declares the result: a scalar of wasm type {@code type} pushed on the stack. */
    void scalarResult(int type) {
        finish();
        if (!pending.isEmpty()) {
            scalarsAbove.add(type);
        }
    }

    /** Declares that the instruction leaves nothing on the stack. */
    void noResult() {
        finish();
    }

    /** A {@code local.get} of a v128 local with halves in {@code lo} and {@code lo + 1}. */
    void pushLocal(int lo) {
        if (!scalarsAbove.isEmpty()) {
            barrier();
        }
        var v = new Vector();
        v.lo = lo;
        v.hi = lo + 1;
        pending.add(v);
    }

    /** A {@code local.set} or {@code local.tee} of a v128 local with halves in {@code lo} and {@code lo + 1}. */
    void storeLocal(int lo, boolean tee) {
        for (Vector v : pending) {
            if (v.uses(lo)) {
                copy(v);
            }
        }
        if (!pending.isEmpty() && scalarsAbove.isEmpty()) {
            Vector top = pending.remove(pending.size() - 1);
            if (top.hasHalves()) {
                c.get(top.lo).set(lo).get(top.hi).set(lo + 1);
            } else {
                pack(top, 0);
                c.set(lo);
                pack(top, 1);
                c.set(lo + 1);
            }
            release(top);
        } else {
            if (!pending.isEmpty()) {
                barrier();
            }
            c.set(lo + 1).set(lo);
        }
        if (tee) {
            pushLocal(lo);
        }
    }

    /** A {@code drop} of a v128. */
    void dropVector() {
        if (!pending.isEmpty() && scalarsAbove.isEmpty()) {
            release(pending.remove(pending.size() - 1));
        } else {
            barrier();
            c.op(Op.DROP).op(Op.DROP);
        }
    }

    /**
     * A scalar instruction that pops {@code pops} values and pushes one of type {@code pushes} (or
     * none when it is negative) is about to be copied; false when it needs a {@link #barrier} first
     * because it would reach below the scalars pushed after the pending values.
     */
    boolean scalar(int pops, int pushes) {
        if (pending.isEmpty()) {
            return true;
        }
        if (scalarsAbove.size() < pops) {
            return false;
        }
        for (int i = 0; i < pops; i++) {
            scalarsAbove.remove(scalarsAbove.size() - 1);
        }
        if (pushes >= 0) {
            scalarsAbove.add(pushes);
        }
        return true;
    }

    /** Pushes every pending v128 as halves, keeping the scalars above them on top. */
    void barrier() {
        if (pending.isEmpty()) {
            return;
        }
        int[] spilled = new int[scalarsAbove.size()];
        for (int i = spilled.length - 1; i >= 0; i--) {
            spilled[i] = t.allocate(scalarsAbove.get(i));
            c.set(spilled[i]);
        }
        for (Vector v : pending) {
            if (v.hasHalves()) {
                c.get(v.lo).get(v.hi);
            } else {
                pack(v, 0);
                pack(v, 1);
            }
            release(v);
        }
        pending.clear();
        for (int local : spilled) {
            c.get(local);
            t.release(local);
        }
        scalarsAbove.clear();
    }

    private void finish() {
        for (int i = 0; i < poppedCount; i++) {
            release(popped[i]);
            popped[i] = null;
        }
        poppedCount = 0;
        declared = true;
    }

    private Vector halves(Vector v) {
        if (!v.hasHalves()) {
            int lo = own(v, Op.TYPE_I64);
            int hi = own(v, Op.TYPE_I64);
            pack(v, 0);
            c.set(lo);
            pack(v, 1);
            c.set(hi);
            v.lo = lo;
            v.hi = hi;
        }
        return v;
    }

    /** Pushes half {@code h} of a vector held as lanes. */
    private void pack(Vector v, int h) {
        for (int k = 0; k < 2; k++) {
            c.get(v.lanes[2 * h + k]);
            Lanes.put(c, v.shape, k);
        }
    }

    /** Gives a pending vector that reads a local about to be overwritten copies of its halves. */
    private void copy(Vector v) {
        int lo = own(v, Op.TYPE_I64);
        int hi = own(v, Op.TYPE_I64);
        c.get(v.lo).set(lo).get(v.hi).set(hi);
        v.lo = lo;
        v.hi = hi;
    }

    private int own(Vector v, int type) {
        int local = t.allocate(type);
        v.owned.add(local);
        return local;
    }

    private void release(Vector v) {
        for (int local : v.owned) {
            t.release(local);
        }
        v.owned.clear();
    }
}
