package io.wasmrun.allocator.pooling;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ActiveElement;
import com.dylibso.chicory.wasm.types.Element;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.Instruction;
import com.dylibso.chicory.wasm.types.OpCode;
import com.dylibso.chicory.wasm.types.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * The active element segments of a module, evaluated once: for each defined table, the
 * segments' offsets and function references in segment order. A pooled table of a new instance
 * gets them with {@code System.arraycopy} instead of Chicory evaluating every entry's constant
 * expression on every instantiation (the table counterpart of {@link MemoryImage}).
 *
 * <p>Built only when every active segment of the module can be applied this way: it targets a
 * defined table, its offset is an {@code i32.const}, each entry is a {@code ref.func} or {@code
 * ref.null}, and it fits the table's initial size (otherwise instantiation must trap, which is
 * left to Chicory). One ineligible segment and the module has no image: applying only some
 * segments early could reorder overlapping writes.
 */
final class ElementImage {
    /** Marks a module without an image (cache sentinel). */
    static final ElementImage NONE = new ElementImage(null, new int[0][], new int[0][][]);

    private final WasmModule module;
    /** Per defined table: the offset of each segment. */
    private final int[][] offsets;
    /** Per defined table: the references of each segment. */
    private final int[][][] refs;
    /** Per defined table: whether a segment writes each entry. */
    private final boolean[][] covered;

    private ElementImage(WasmModule module, int[][] offsets, int[][][] refs) {
        this.module = module;
        this.offsets = offsets;
        this.refs = refs;
        this.covered = new boolean[offsets.length][];
        for (int t = 0; t < offsets.length; t++) {
            int end = 0;
            for (int s = 0; s < offsets[t].length; s++) {
                end = Math.max(end, offsets[t][s] + refs[t][s].length);
            }
            covered[t] = new boolean[end];
            for (int s = 0; s < offsets[t].length; s++) {
                java.util.Arrays.fill(covered[t], offsets[t][s], offsets[t][s] + refs[t][s].length, true);
            }
        }
    }

    /** The module this image belongs to; null for {@link #NONE}. */
    WasmModule module() {
        return module;
    }

    /** Writes the segments of defined table {@code definedIndex} into {@code table}. */
    void apply(int definedIndex, int[] table) {
        int[] at = offsets[definedIndex];
        int[][] values = refs[definedIndex];
        for (int s = 0; s < at.length; s++) {
            System.arraycopy(values[s], 0, table, at[s], values[s].length);
        }
    }

    /** Which entries of defined table {@code definedIndex} the segments write (do not modify). */
    boolean[] covered(int definedIndex) {
        return covered[definedIndex];
    }

    /** The image of {@code module}'s active element segments, or {@link #NONE}. */
    static ElementImage build(WasmModule module) {
        int imported = module.importSection().count(ExternalType.TABLE);
        int defined = module.tableSection().tableCount();
        if (defined == 0) {
            return NONE;
        }
        List<List<int[]>> offsets = new ArrayList<>();
        List<List<int[]>> refs = new ArrayList<>();
        for (int t = 0; t < defined; t++) {
            offsets.add(new ArrayList<>());
            refs.add(new ArrayList<>());
        }
        for (Element element : module.elementSection().elements()) {
            if (!(element instanceof ActiveElement active)) {
                continue;
            }
            int table = active.tableIndex() - imported;
            if (table < 0 || table >= defined) {
                return NONE;
            }
            Long offset = MemoryImage.constantOffset(active.offset());
            if (offset == null) {
                return NONE;
            }
            List<List<Instruction>> initializers = active.initializers();
            long min = module.tableSection().getTable(table).limits().min();
            if (offset + initializers.size() > min) {
                return NONE;
            }
            int[] values = new int[initializers.size()];
            for (int i = 0; i < values.length; i++) {
                Integer value = constantRef(initializers.get(i));
                if (value == null) {
                    return NONE;
                }
                values[i] = value;
            }
            offsets.get(table).add(new int[] {(int) (long) offset});
            refs.get(table).add(values);
        }
        int[][] at = new int[defined][];
        int[][][] values = new int[defined][][];
        for (int t = 0; t < defined; t++) {
            List<int[]> o = offsets.get(t);
            at[t] = new int[o.size()];
            for (int s = 0; s < o.size(); s++) {
                at[t][s] = o.get(s)[0];
            }
            values[t] = refs.get(t).toArray(new int[0][]);
        }
        return new ElementImage(module, at, values);
    }

    /** The value of {@code ref.func N} (N) or {@code ref.null} ({@link Value#REF_NULL_VALUE}). */
    private static Integer constantRef(List<Instruction> expression) {
        Integer value = null;
        for (Instruction instruction : expression) {
            OpCode op = instruction.opcode();
            if (op == OpCode.END) {
                continue;
            }
            if (value != null) {
                return null;
            }
            if (op == OpCode.REF_FUNC) {
                value = (int) instruction.operand(0);
            } else if (op == OpCode.REF_NULL) {
                value = Value.REF_NULL_VALUE;
            } else {
                return null;
            }
        }
        return value;
    }
}
