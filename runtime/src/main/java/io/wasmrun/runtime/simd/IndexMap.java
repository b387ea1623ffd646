package io.wasmrun.runtime.simd;

import com.dylibso.chicory.wasm.types.ValType;
import java.util.List;

/**
 * Where the locals or globals of a lowered function or module are: each v128 entry becomes two
 * i64 entries in place (low half first), which moves every later index up by one.
 */
final class IndexMap {
    private final int[] lowered;
    private final boolean[] vector;
    private final int size;

    private IndexMap(int[] lowered, boolean[] vector, int size) {
        this.lowered = lowered;
        this.vector = vector;
        this.size = size;
    }

    /** The map of entries whose v128-ness is {@code vector}. */
    static IndexMap of(boolean[] vector) {
        int[] lowered = new int[vector.length];
        int next = 0;
        for (int i = 0; i < vector.length; i++) {
            lowered[i] = next;
            next += vector[i] ? 2 : 1;
        }
        return new IndexMap(lowered, vector, next);
    }

    static IndexMap ofTypes(List<ValType> types) {
        boolean[] vector = new boolean[types.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = types.get(i).opcode() == ValType.ID.V128;
        }
        return of(vector);
    }

    /** The lowered index of entry {@code index} (for a v128, of its low half). */
    int lowered(long index) {
        return lowered[Math.toIntExact(index)];
    }

    boolean isVector(long index) {
        return vector[Math.toIntExact(index)];
    }

    /** Whether some index moves. */
    boolean moves() {
        for (boolean v : vector) {
            if (v) {
                return true;
            }
        }
        return false;
    }

    /** The number of lowered entries. */
    int size() {
        return size;
    }
}
