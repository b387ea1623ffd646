package io.wasmrun.allocator.table;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.TableInstance;
import com.dylibso.chicory.wasm.types.Table;
import com.dylibso.chicory.wasm.types.TableLimits;

/**
 * Creates the table instances every allocator hands out.
 *
 * <p>Each instance gets its own copy of the declared {@link Table}: Chicory's {@code
 * TableInstance.grow} bumps {@code table.limits()} in place, so sharing the module's {@code Table}
 * would let one instance's {@code table.grow} change the initial size of every later instance of
 * the same module.
 */
public final class Tables {
    private Tables() {}

    /** A table of {@code declared.limits().min()} elements, each set to {@code initRef}. */
    public static TableInstance create(Table declared, int initRef) {
        TableLimits limits = declared.limits();
        Table own =
                new Table(
                        declared.elementType(),
                        new TableLimits(limits.min(), limits.max(), limits.shared()),
                        declared.initialize());
        return new GrowChecked(own, initRef);
    }

    /** Chicory's table, growing only when the unsigned delta fits its maximum. */
    private static final class GrowChecked extends TableInstance {
        GrowChecked(Table table, int initRef) {
            super(table, initRef);
        }

        @Override
        public int grow(int delta, int value, Instance instance) {
            if ((long) size() + Integer.toUnsignedLong(delta) > limits().max()) {
                return -1;
            }
            return super.grow(delta, value, instance);
        }
    }
}
