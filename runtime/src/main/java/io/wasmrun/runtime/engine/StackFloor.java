package io.wasmrun.runtime.engine;

import com.dylibso.chicory.runtime.ExecutionListener;
import com.dylibso.chicory.runtime.MStack;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.AnnotatedInstruction;
import com.dylibso.chicory.wasm.types.FunctionBody;
import com.dylibso.chicory.wasm.types.Instruction;
import com.dylibso.chicory.wasm.types.ValType;

/**
 * Keeps enough values under the frames of Chicory 1.7.5's interpreter that leaving a block never
 * reaches below the bottom of its operand stack, which shifts the values of enclosing blocks and of
 * callers over zeros.
 *
 * <p>The cause: {@code StackFrame.doControlTransfer} moves the target frame's params plus results
 * ({@code CtrlFrame.startValues + endValues}), not the label's arity. A branch to a loop
 * ({@code br}, {@code br_if}, {@code br_table}) also moves the loop's result count; the {@code end}
 * of a block, loop or if, and so a branch out of a block or if, also moves its param count. The
 * extra values come from under the frame and are pushed back in place, unless the whole stack (the
 * callers' values included) is shorter than the count moved: the missing pops read as zeros, the
 * stack comes back that many places higher, and the values under the frame are replaced by zeros
 * and the values above them. A {@code return} (and {@code br} to the function's label) is exact,
 * so that is where a caller first sees it.
 *
 * <p>The fix: where the module has such a block (a loop with two or more params or result slots,
 * another block with two or more param slots; v128 counts two), this listener pushes zeros, before
 * the first instruction of a call that starts on a shorter stack, up to that count, the module's
 * {@link #of floor}. The zeros lie above the call's own frame, whose exit drops them exactly, and
 * under every block opened afterwards, in that call and in the calls it makes; so the stack is
 * shorter than the floor only when an outermost call (or a tail call replacing it) starts. A
 * machine subclass would not reach the compiler engine's interpreted functions (their machine is
 * built by the generated classes), and rewriting function bodies would change what the compiler
 * translates too; this costs one comparison per instruction, in such modules only.
 */
public final class StackFloor implements ExecutionListener {
    private final int floor;
    private final ExecutionListener next;

    private StackFloor(int floor, ExecutionListener next) {
        this.floor = floor;
        this.next = next;
    }

    /**
     * {@code next}, after raising the stack to {@code floor} when it is lower; just {@code next}
     * when {@code floor} is below 2, which no block can reach below: that needs a value under it.
     */
    public static ExecutionListener guard(int floor, ExecutionListener next) {
        return floor < 2 ? next : new StackFloor(floor, next);
    }

    /** The most stack slots any block of {@code module} moves beyond its label's arity. */
    public static int of(WasmModule module) {
        int floor = 0;
        for (FunctionBody body : module.codeSection().functionBodies()) {
            for (AnnotatedInstruction instruction : body.instructions()) {
                floor = Math.max(floor, excess(module, instruction));
            }
        }
        return floor;
    }

    private static int excess(WasmModule module, Instruction instruction) {
        return switch (instruction.opcode()) {
            case LOOP -> Math.max(params(module, instruction), results(module, instruction));
            case BLOCK, IF, TRY_TABLE -> params(module, instruction);
            default -> 0;
        };
    }

    /** Operand 0 is the block type: 0x40 (empty), a value type, or a type index. */
    private static int params(WasmModule module, Instruction block) {
        int type = (int) block.operand(0);
        if (type == 0x40 || ValType.isValid(type)) {
            return 0;
        }
        return ValType.sizeOf(module.typeSection().getType(type).params());
    }

    private static int results(WasmModule module, Instruction block) {
        int type = (int) block.operand(0);
        if (type == 0x40) {
            return 0;
        }
        if (ValType.isValid(type)) {
            return type == ValType.V128.id() ? 2 : 1;
        }
        return ValType.sizeOf(module.typeSection().getType(type).returns());
    }

    @Override
    public void onExecution(Instruction instruction, MStack stack) {
        if (stack.size() < floor) {
            raise(stack);
        }
        next.onExecution(instruction, stack);
    }

    private void raise(MStack stack) {
        while (stack.size() < floor) {
            stack.push(0);
        }
    }
}
