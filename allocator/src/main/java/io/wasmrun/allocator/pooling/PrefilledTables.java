package io.wasmrun.allocator.pooling;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.types.ActiveElement;

/**
 * Lets an instance use the element segments the pooling allocator already wrote into its tables
 * (see {@link ElementImage}), so Chicory's {@code initialize} does not evaluate them again.
 */
public final class PrefilledTables {
    private PrefilledTables() {}

    /**
     * Call between {@code Instance.Builder.build()} (with {@code withInitialize(false)}) and
     * {@code initialize}. When every defined table of {@code instance} was filled from its
     * module's element image, makes {@code instance} the owner of those entries and drops the
     * module's active element segments from it, which is their state after instantiation anyway
     * (an active segment acts as dropped for {@code table.init}); {@code initialize} then skips
     * them. Otherwise (another allocator, no image, imported tables only) changes nothing.
     *
     * @return whether the active element segments were adopted
     */
    public static boolean adopt(Instance instance) {
        int imported = instance.imports().tableCount();
        int total = instance.tableCount();
        if (total == imported) {
            return false;
        }
        for (int i = imported; i < total; i++) {
            if (!(instance.table(i) instanceof PooledTable table)
                    || table.elementImage() == null
                    || table.elementImage().module() != instance.module()) {
                return false;
            }
        }
        for (int i = imported; i < total; i++) {
            ((PooledTable) instance.table(i)).adopt(instance);
        }
        for (int e = 0, n = instance.elementCount(); e < n; e++) {
            if (instance.element(e) instanceof ActiveElement) {
                instance.setElement(e, null);
            }
        }
        return true;
    }
}
