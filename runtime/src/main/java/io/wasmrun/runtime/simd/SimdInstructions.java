package io.wasmrun.runtime.simd;

import com.dylibso.chicory.wasm.types.OpCode;
import java.util.EnumMap;
import java.util.Map;

/** Lowers one SIMD instruction to scalar code, by family, and declares its result to {@link Operands}. */
final class SimdInstructions {
    /** The wasm type of each SIMD instruction's scalar result; -1 for none; absent for a v128. */
    private static final Map<OpCode, Integer> SCALAR_RESULTS = scalarResults();

    private final Operands operands;
    private final Swar swar;
    private final Arithmetic arithmetic;
    private final LaneMoves lanes;
    private final Widening widening;
    private final MemoryAccess memory;

    SimdInstructions(Operands operands, Helpers helpers) {
        this.operands = operands;
        this.swar = new Swar(operands);
        this.arithmetic = new Arithmetic(operands);
        this.lanes = new LaneMoves(operands, helpers);
        this.widening = new Widening(operands);
        this.memory = new MemoryAccess(operands, lanes, widening);
    }

    /** Emits {@code op}'s lowering, a SIMD instruction. */
    void lower(OpCode op, long[] immediates) {
        if (!(swar.lower(op) || arithmetic.lower(op) || lanes.lower(op, immediates) || widening.lower(op)
                || memory.lower(op, immediates))) {
            throw new UnsupportedOperationException("no lowering of " + op);
        }
        if (!operands.declared()) {
            Integer scalar = SCALAR_RESULTS.get(op);
            if (scalar == null) {
                operands.result();
            } else if (scalar < 0) {
                operands.noResult();
            } else {
                operands.scalarResult(scalar);
            }
        }
    }

    private static Map<OpCode, Integer> scalarResults() {
        var results = new EnumMap<OpCode, Integer>(OpCode.class);
        for (OpCode op : OpCode.values()) {
            String name = op.name();
            if ((op.opcode() >> 8) != 0xfd) {
                continue;
            }
            if (name.startsWith("V128_STORE")) {
                results.put(op, -1);
            } else if (name.contains("EXTRACT_LANE")) {
                results.put(op, switch (name.substring(0, 5)) {
                    case "I64x2" -> Op.TYPE_I64;
                    case "F32x4" -> Op.TYPE_F32;
                    case "F64x2" -> Op.TYPE_F64;
                    default -> Op.TYPE_I32;
                });
            } else if (name.endsWith("ANY_TRUE") || name.endsWith("ALL_TRUE") || name.endsWith("BITMASK")) {
                results.put(op, Op.TYPE_I32);
            }
        }
        return results;
    }
}
