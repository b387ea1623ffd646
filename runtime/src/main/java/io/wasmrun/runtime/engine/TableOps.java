package io.wasmrun.runtime.engine;

import com.dylibso.chicory.runtime.ConstantEvaluators;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.OpcodeImpl;
import com.dylibso.chicory.runtime.TableInstance;
import com.dylibso.chicory.runtime.WasmRuntimeException;
import com.dylibso.chicory.wasm.types.Element;
import com.dylibso.chicory.wasm.types.Instruction;
import com.dylibso.chicory.wasm.types.PassiveElement;
import java.util.List;

/**
 * {@code table.init}, {@code table.copy} and {@code table.fill} as the spec defines them, for both
 * engines: every operand is an unsigned i32 and the bounds {@code s + n <= len} and {@code d + n <=
 * size} are checked in 64-bit arithmetic before anything is written, also when {@code n} is 0.
 *
 * <p>They replace Chicory 1.7.5's {@code OpcodeImpl.TABLE_INIT}, {@code TABLE_COPY} and {@code
 * TABLE_FILL}, which add the operands as ints: a source offset of {@code 0xFFFFFFFF} reached
 * {@code List.get(-1)} (a Java {@code IndexOutOfBoundsException}), sums past 2^31 passed the
 * check (so {@code table.fill} of {@code 0x7FFFFFFF} elements at 1 did nothing instead of
 * trapping) and offsets past the end with {@code n = 0} did not trap. Chicory's {@code
 * TABLE_COPY} also gave each copied entry the instance of the source table's entry at the
 * <em>destination</em> index: a function of one instance copied within a shared table was then
 * called in another instance, and a copy to an index past the source table's size failed with
 * {@code ArrayIndexOutOfBoundsException}.
 *
 * <p>The signatures are {@code OpcodeImpl}'s, so compiled code calls these in place of Chicory's
 * (see {@code ClassRewriter}); the interpreter reaches them through {@link InterpreterChecks}.
 */
public final class TableOps {
    private TableOps() {}

    /**
     * {@code table.init tableIndex elementIndex} with {@code size} elements from {@code source}
     * to {@code destination}. A passive segment that was not dropped has its elements; active,
     * declarative and dropped segments have none.
     */
    public static void init(
            Instance instance, int tableIndex, int elementIndex, int size, int source, int destination) {
        TableInstance table = instance.table(tableIndex);
        Element element = instance.element(elementIndex);
        long available = element instanceof PassiveElement ? element.elementCount() : 0;
        long n = Integer.toUnsignedLong(size);
        if (Integer.toUnsignedLong(source) + n > available
                || Integer.toUnsignedLong(destination) + n > table.size()) {
            throw outOfBounds();
        }
        List<List<Instruction>> initializers = element == null ? List.of() : element.initializers();
        for (int i = 0; i < size; i++) {
            List<Instruction> initializer = initializers.get(source + i);
            long value = ConstantEvaluators.computeConstantValue(instance, initializer)[0];
            table.setRef(
                    destination + i,
                    OpcodeImpl.boxForTable(value, instance),
                    ConstantEvaluators.computeConstantInstance(instance, initializer));
        }
    }

    /**
     * {@code table.copy dstTableIndex srcTableIndex}: {@code size} entries from {@code source} to
     * {@code destination}, as if through a temporary buffer (overlapping ranges of one table are
     * copied in the direction that reads each entry before it is overwritten). Each entry keeps
     * its instance.
     */
    public static void copy(
            Instance instance, int srcTableIndex, int dstTableIndex, int size, int source, int destination) {
        TableInstance src = instance.table(srcTableIndex);
        TableInstance dst = instance.table(dstTableIndex);
        long n = Integer.toUnsignedLong(size);
        if (Integer.toUnsignedLong(source) + n > src.size()
                || Integer.toUnsignedLong(destination) + n > dst.size()) {
            throw outOfBounds();
        }
        if (src == dst && destination > source) {
            for (int i = size - 1; i >= 0; i--) {
                dst.setRef(destination + i, src.ref(source + i), src.instance(source + i));
            }
        } else {
            for (int i = 0; i < size; i++) {
                dst.setRef(destination + i, src.ref(source + i), src.instance(source + i));
            }
        }
    }

    /** {@code table.fill tableIndex}: {@code size} entries from {@code offset} set to {@code value}. */
    public static void fill(Instance instance, int tableIndex, int size, int value, int offset) {
        TableInstance table = instance.table(tableIndex);
        if (Integer.toUnsignedLong(offset) + Integer.toUnsignedLong(size) > table.size()) {
            throw outOfBounds();
        }
        for (int i = 0; i < size; i++) {
            table.setRef(offset + i, value, instance);
        }
    }

    private static WasmRuntimeException outOfBounds() {
        return new WasmRuntimeException("out of bounds table access");
    }
}
