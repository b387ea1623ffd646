package io.wasmrun.allocator.table;

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
        return new TableInstance(own, initRef);
    }
}
