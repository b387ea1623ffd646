package io.wasmrun.runtime.simd;

import com.dylibso.chicory.wasm.types.OpCode;

/** Lowers one SIMD instruction to scalar code, by family. */
final class SimdInstructions {
    private final Arithmetic arithmetic;
    private final LaneMoves lanes;
    private final Widening widening;
    private final MemoryAccess memory;

    SimdInstructions(Operands operands) {
        this.arithmetic = new Arithmetic(operands);
        this.lanes = new LaneMoves(operands);
        this.widening = new Widening(operands);
        this.memory = new MemoryAccess(operands, lanes, widening);
    }

    /** Emits {@code op}'s lowering; false when {@code op} is no SIMD instruction. */
    boolean lower(OpCode op, long[] operands) {
        int opcode = op.opcode();
        if ((opcode >> 8) != 0xfd) {
            return false;
        }
        if (arithmetic.lower(op) || lanes.lower(op, operands) || widening.lower(op) || memory.lower(op, operands)) {
            return true;
        }
        throw new UnsupportedOperationException("no lowering of " + op);
    }
}
