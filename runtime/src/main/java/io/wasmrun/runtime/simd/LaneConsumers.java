package io.wasmrun.runtime.simd;

import com.dylibso.chicory.wasm.types.OpCode;
import java.util.EnumMap;
import java.util.Map;

/**
 * The SIMD instructions that read their top v128 operand lane by lane as 32-bit lanes, held as
 * lanes by {@link Operands}: a {@code v128.load} just before one loads those lanes directly
 * instead of two halves the instruction would unpack.
 */
final class LaneConsumers {
    private static final Map<OpCode, Shape> CONSUMERS = consumers();

    private LaneConsumers() {}

    /** The lane shape {@code next} reads its top operand as, or null. */
    static Shape of(OpCode next) {
        return CONSUMERS.get(next);
    }

    private static Map<OpCode, Shape> consumers() {
        var consumers = new EnumMap<OpCode, Shape>(OpCode.class);
        for (OpCode op : new OpCode[] {
            OpCode.F32x4_ADD, OpCode.F32x4_SUB, OpCode.F32x4_MUL, OpCode.F32x4_DIV, OpCode.F32x4_MIN,
            OpCode.F32x4_MAX, OpCode.F32x4_PMIN, OpCode.F32x4_PMAX, OpCode.F32x4_SQRT, OpCode.F32x4_CEIL,
            OpCode.F32x4_FLOOR, OpCode.F32x4_TRUNC, OpCode.F32x4_NEAREST, OpCode.F32x4_EQ, OpCode.F32x4_NE,
            OpCode.F32x4_LT, OpCode.F32x4_GT, OpCode.F32x4_LE, OpCode.F32x4_GE,
            OpCode.I32x4_TRUNC_SAT_F32X4_S, OpCode.I32x4_TRUNC_SAT_F32X4_U
        }) {
            consumers.put(op, Shape.F32);
        }
        for (OpCode op : new OpCode[] {
            OpCode.I32x4_MUL, OpCode.I32x4_ADD, OpCode.I32x4_SUB, OpCode.I32x4_MIN_S, OpCode.I32x4_MIN_U,
            OpCode.I32x4_MAX_S, OpCode.I32x4_MAX_U, OpCode.I32x4_EQ, OpCode.I32x4_NE, OpCode.I32x4_LT_S,
            OpCode.I32x4_LT_U, OpCode.I32x4_GT_S, OpCode.I32x4_GT_U, OpCode.I32x4_LE_S, OpCode.I32x4_LE_U,
            OpCode.I32x4_GE_S, OpCode.I32x4_GE_U, OpCode.F32x4_CONVERT_I32x4_S, OpCode.F32x4_CONVERT_I32x4_U
        }) {
            consumers.put(op, Shape.I32);
        }
        return consumers;
    }
}
