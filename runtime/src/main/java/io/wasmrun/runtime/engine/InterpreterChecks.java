package io.wasmrun.runtime.engine;

import com.dylibso.chicory.runtime.ExecutionListener;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.MStack;
import com.dylibso.chicory.runtime.OpcodeImpl;
import com.dylibso.chicory.runtime.WasmRuntimeException;
import com.dylibso.chicory.wasm.types.Instruction;
import java.util.function.LongUnaryOperator;

/**
 * Runs before every instruction of Chicory 1.7.5's interpreter on one instance (its execution
 * listener; the compiler engine's interpreted functions go through it too, compiled code never
 * does) and takes over the instructions whose operands the interpreter gets wrong:
 *
 * <ul>
 *   <li>{@code i32.store8}, {@code i64.store8} and {@code i64.store32}: the interpreter computes
 *       the address as {@code (int) (offset + (int) base)} without the check its other loads and
 *       stores make ({@code InterpreterMachine.readMemPtr}), so an effective address at or past
 *       2^32 wraps into the memory: {@code i32.store8 offset=0xFFFFFFF0} at base {@code 0x20}
 *       wrote address 16. The effective address is checked here, unsigned base plus unsigned
 *       offset in 64 bits; below 2^32 the truncated int is that address, which the memory
 *       bounds-checks as unsigned.
 *   <li>{@code table.init}, {@code table.copy} and {@code table.fill}: done here by {@link
 *       TableOps}, which then leaves zero operands on the stack, so the interpreter's own version
 *       ({@code OpcodeImpl}) copies zero elements at offset 0, which is always in bounds.
 *   <li>{@code f32.convert_i64_u} and {@code f64.convert_i64_u} of 2^63 or more, which Chicory
 *       rounds wrongly: the operand becomes the exact value of the right result ({@link
 *       FloatOps}), which any conversion returns unrounded.
 *   <li>{@code min} and {@code max}: NaN operands become the negative canonical NaN, the result
 *       V8 gives; f64 {@code floor}, {@code ceil}, {@code trunc}, {@code nearest}: a NaN operand
 *       is quieted, not returned signalling as Java's {@code Math} does ({@link FloatOps}).
 *   <li>{@code i32.mul}: the interpreter multiplies its operands as longs and pushes the product
 *       untruncated, which {@code if} then tests as a long: {@code 0x80000000 * 2} took the
 *       {@code then} branch. The operands become (the int product, 1), so the long product is the
 *       int product, sign-extended as every other i32 result is.
 * </ul>
 *
 * <p>Every other instruction costs one switch on its opcode.
 */
public final class InterpreterChecks implements ExecutionListener {
    private static final long ADDRESS_SPACE = 1L << 32;

    private Instance instance;

    /** Binds the listener to its instance, after {@code Instance.Builder.build()}. */
    public void bind(Instance instance) {
        this.instance = instance;
    }

    @Override
    public void onExecution(Instruction instruction, MStack stack) {
        switch (instruction.opcode()) {
            case I32_STORE8, I64_STORE8 -> checkStore(instruction, stack, 1);
            case I64_STORE32 -> checkStore(instruction, stack, 4);
            case TABLE_INIT -> tableTransfer(instruction, stack, TableOps::init);
            case TABLE_COPY -> tableTransfer(instruction, stack, TableOps::copy);
            case TABLE_FILL -> tableFill(instruction, stack);
            case F32_CONVERT_I64_U -> convertU64(stack, true);
            case F64_CONVERT_I64_U -> convertU64(stack, false);
            case I32_MUL -> multiplyI32(stack);
            case F32_MIN, F32_MAX -> replaceTop(stack, 2, FloatOps::canonicalF32Bits);
            case F64_MIN, F64_MAX -> replaceTop(stack, 2, FloatOps::canonicalF64Bits);
            case F64_FLOOR, F64_CEIL, F64_TRUNC, F64_NEAREST -> replaceTop(stack, 1, FloatOps::quietF64Bits);
            default -> {}
        }
    }

    /** Stack: base, value (top). Memarg operands: alignment, offset, memory index. */
    private static void checkStore(Instruction instruction, MStack stack, int width) {
        long base = stack.array()[stack.size() - 2] & 0xFFFF_FFFFL;
        long offset = instruction.operand(1);
        if (base + offset + width > ADDRESS_SPACE) {
            throw new WasmRuntimeException("out of bounds memory access");
        }
    }

    /** Stack: x (top), an unsigned i64; only values of 2^63 or more are rounded wrongly. */
    private static void convertU64(MStack stack, boolean toF32) {
        long[] values = stack.array();
        int top = stack.size() - 1;
        long x = values[top];
        if (x < 0) {
            values[top] = toF32 ? FloatOps.exactF32OfU64(x) : FloatOps.exactF64OfU64(x);
        }
    }

    /** Stack: a, b (top); leaves (the int product, 1). */
    private static void multiplyI32(MStack stack) {
        long[] values = stack.array();
        int top = stack.size() - 1;
        values[top - 1] = (int) values[top - 1] * (int) values[top];
        values[top] = 1;
    }

    /** Replaces each of the {@code count} operands on top of the stack by {@code f} of it. */
    private static void replaceTop(MStack stack, int count, LongUnaryOperator f) {
        long[] values = stack.array();
        int top = stack.size();
        for (int i = top - count; i < top; i++) {
            values[i] = f.applyAsLong(values[i]);
        }
    }

    /** {@link TableOps#init} or {@link TableOps#copy}: two immediates, then n, s, d. */
    @FunctionalInterface
    private interface TableTransfer {
        void apply(Instance instance, int second, int first, int n, int s, int d);
    }

    /**
     * Stack: d, s, n (top). Immediates: element segment and table for {@code table.init},
     * destination and source table for {@code table.copy}; {@link TableOps} takes them swapped.
     */
    private void tableTransfer(Instruction instruction, MStack stack, TableTransfer transfer) {
        long[] values = stack.array();
        int top = stack.size();
        transfer.apply(
                instance,
                (int) instruction.operand(1),
                (int) instruction.operand(0),
                (int) values[top - 1],
                (int) values[top - 2],
                (int) values[top - 3]);
        clear(values, top);
    }

    /** Stack: d, value, n (top). Operand: table. */
    private void tableFill(Instruction instruction, MStack stack) {
        long[] values = stack.array();
        int top = stack.size();
        TableOps.fill(
                instance,
                (int) instruction.operand(0),
                (int) values[top - 1],
                OpcodeImpl.boxForTable(values[top - 2], instance),
                (int) values[top - 3]);
        clear(values, top);
    }

    /** Leaves (0, 0, 0) as the three operands: the interpreter's own version then does nothing. */
    private static void clear(long[] values, int top) {
        values[top - 1] = 0;
        values[top - 2] = 0;
        values[top - 3] = 0;
    }
}
