package io.wasmrun.allocator.pooling;

import static com.dylibso.chicory.wasm.types.Value.REF_NULL_VALUE;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.TableInstance;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.UninstantiableException;
import com.dylibso.chicory.wasm.types.Table;
import com.dylibso.chicory.wasm.types.TableLimits;
import com.dylibso.chicory.wasm.types.ValType;
import java.util.Arrays;

/**
 * A table that lives in a {@link TablePool} slot and is reused by the slot's tenants: its element
 * arrays are kept between tenants (and only grow), so instantiating a module with a large table
 * allocates nothing. Chicory's {@link TableInstance} keeps its arrays private and sizes them
 * exactly, so every operation is overridden here on arrays of this class; the superclass holds
 * empty arrays.
 *
 * <p>One tenant at a time: {@link #assign} starts a tenancy, {@link #clear} ends it.
 */
final class PooledTable extends TableInstance {
    private static final Instance[] NO_INSTANCES = new Instance[0];
    private static final int[] NO_REFS = new int[0];

    private ValType elementType;
    private TableLimits limits;
    private int[] refs = NO_REFS;
    private Instance[] instances = NO_INSTANCES;
    private int size;
    /** The element image this tenancy's entries came from. */
    private ElementImage elements;
    private int definedIndex;
    /** The instance of the image's entries, once adopted. */
    private Instance owner;
    /** Which entries the image wrote (shared, read-only); null before adoption. */
    private boolean[] fromImage;
    /** Whether any instance slot was written this tenancy (else clearing skips them). */
    private boolean instancesWritten;

    PooledTable() {
        super(new Table(ValType.FuncRef, new TableLimits(0, 0)), REF_NULL_VALUE);
    }

    /**
     * Starts a tenancy: {@code declared.limits().min()} elements, each {@code initRef}, then the
     * module's active element segments from {@code image} when it has one (defined table {@code
     * definedIndex}); {@link PrefilledTables#adopt} completes them once the instance exists.
     */
    void assign(Table declared, int initRef, ElementImage image, int definedIndex) {
        TableLimits declaredLimits = declared.limits();
        int min = (int) declaredLimits.min();
        elementType = declared.elementType();
        limits = new TableLimits(min, declaredLimits.max(), declaredLimits.shared());
        if (refs.length < min) {
            refs = new int[min];
            instances = new Instance[min];
        }
        Arrays.fill(refs, 0, min, initRef);
        size = min;
        owner = null;
        fromImage = null;
        if (image != null && image != ElementImage.NONE) {
            image.apply(definedIndex, refs);
            this.elements = image;
            this.definedIndex = definedIndex;
        } else {
            this.elements = null;
        }
    }

    /** The element image this table was filled from and not yet adopted; null if none. */
    ElementImage elementImage() {
        return owner == null ? elements : null;
    }

    /**
     * Makes {@code owner} the instance of every entry the element image wrote. O(1): those
     * entries keep a null instance slot and {@link #instance} answers {@code owner} for them
     * (filling 100s of references per instantiation would cost a GC write barrier each). An
     * entry later written with a null instance also answers {@code owner}.
     */
    void adopt(Instance owner) {
        if (elements != null && this.owner == null) {
            this.owner = owner;
            this.fromImage = elements.covered(definedIndex);
        }
    }

    /** Ends a tenancy: drops every reference; keeps the arrays if they fit {@code keepBytes}. */
    long clear(long keepBytes) {
        if (instancesWritten) {
            Arrays.fill(instances, 0, size, null);
            instancesWritten = false;
        }
        size = 0;
        elements = null;
        owner = null;
        fromImage = null;
        limits = null;
        long bytes = arrayBytes();
        if (bytes > keepBytes) {
            refs = NO_REFS;
            instances = NO_INSTANCES;
            return 0;
        }
        return bytes;
    }

    /** The approximate heap bytes of the element arrays. */
    long arrayBytes() {
        return (long) refs.length * (Integer.BYTES + 8);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public ValType elementType() {
        return elementType;
    }

    @Override
    public TableLimits limits() {
        return limits;
    }

    @Override
    public int grow(int delta, int value, Instance instance) {
        int oldSize = size;
        long target = (long) oldSize + delta;
        if (delta < 0 || target > limits.max() || target > Integer.MAX_VALUE - 8) {
            return -1;
        }
        int newSize = (int) target;
        if (newSize > refs.length) {
            int capacity = (int) Math.min(Math.max(newSize, (long) refs.length * 2), limits.max());
            capacity = Math.max(capacity, newSize);
            refs = Arrays.copyOf(refs, capacity);
            instances = Arrays.copyOf(instances, capacity);
        }
        Arrays.fill(refs, oldSize, newSize, value);
        Arrays.fill(instances, oldSize, newSize, instance);
        instancesWritten = true;
        size = newSize;
        limits.grow(delta);
        return oldSize;
    }

    @Override
    public int ref(int index) {
        if (index < 0 || index >= size) {
            throw new ChicoryException("undefined element");
        }
        return refs[index];
    }

    @Override
    public int requiredRef(int index) {
        int ref = ref(index);
        if (ref == REF_NULL_VALUE) {
            throw new ChicoryException("uninitialized element " + index);
        }
        return ref;
    }

    @Override
    public void setRef(int index, int value, Instance instance) {
        if (index < 0 || index >= size) {
            throw new UninstantiableException("out of bounds table access");
        }
        refs[index] = value;
        instances[index] = instance;
        instancesWritten = true;
    }

    @Override
    public Instance instance(int index) {
        if (index < 0 || index >= size) {
            throw new ArrayIndexOutOfBoundsException(index);
        }
        Instance instance = instances[index];
        if (instance == null) {
            boolean[] image = fromImage;
            if (image != null && index < image.length && image[index]) {
                return owner;
            }
        }
        return instance;
    }

    @Override
    public void reset() {
        Arrays.fill(refs, 0, size, REF_NULL_VALUE);
    }
}
