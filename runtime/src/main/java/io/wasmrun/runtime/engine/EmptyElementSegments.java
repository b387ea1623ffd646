package io.wasmrun.runtime.engine;

import com.dylibso.chicory.runtime.ConstantEvaluators;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.types.ActiveElement;
import com.dylibso.chicory.wasm.types.Element;
import com.dylibso.chicory.wasm.types.Instruction;
import com.dylibso.chicory.wasm.types.OpCode;
import java.util.List;

/**
 * Makes an active element segment without elements at an offset of 2^31 or more trap when it is
 * applied, as {@code table.init} with {@code n = 0} past the end of the table does.
 *
 * <p>Chicory 1.7.5's {@code Instance.initialize} checks an active segment as {@code offset >
 * size || offset + count - 1 >= size} in ints: a negative offset passes, and with no elements
 * nothing reaches the table's own check, so {@code (elem (i32.const 0xFFFFFFFF) func)}
 * instantiated. Such a segment is replaced, before {@code initialize}, by one with a single {@code
 * ref.null} at the same offset: Chicory then traps ({@code out of bounds table access}) at that
 * segment, after the segments before it, as the spec orders it. Offsets of 0 to 2^31 - 1 past the
 * end already trap in Chicory, so only negative offsets are replaced, and only when the offset
 * can be computed before {@code initialize}: constants and imported globals.
 */
public final class EmptyElementSegments {
    private EmptyElementSegments() {}

    /** Call between {@code Instance.Builder.build()} and {@code initialize}. */
    public static void makeOutOfBoundsTrap(Instance instance) {
        int importedGlobals = instance.imports().globalCount();
        for (int i = 0, n = instance.elementCount(); i < n; i++) {
            Element element = instance.element(i);
            if (!(element instanceof ActiveElement active)
                    || active.elementCount() != 0
                    || !computableBeforeInitialize(active.offset(), importedGlobals)) {
                continue;
            }
            int offset = (int) ConstantEvaluators.computeConstantValue(instance, active.offset())[0];
            if (offset < 0) {
                // ref.null evaluates to REF_NULL_VALUE whatever its heap type operand
                List<Instruction> nullRef =
                        List.of(
                                new Instruction(-1, OpCode.REF_NULL, new long[] {active.type().typeIdx()}),
                                new Instruction(-1, OpCode.END, Instruction.EMPTY_OPERANDS));
                instance.setElement(
                        i, new ActiveElement(active.type(), List.of(nullRef), active.tableIndex(), active.offset()));
            }
        }
    }

    private static boolean computableBeforeInitialize(List<Instruction> expression, int importedGlobals) {
        for (Instruction instruction : expression) {
            switch (instruction.opcode()) {
                case I32_CONST, I32_ADD, I32_SUB, I32_MUL, END -> {}
                case GLOBAL_GET -> {
                    if (instruction.operand(0) >= importedGlobals) {
                        return false;
                    }
                }
                default -> {
                    return false;
                }
            }
        }
        return true;
    }
}
