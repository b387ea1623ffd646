package io.wasmrun;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.TableInstance;

/**
 * A table of references. Elements are read and written as {@link Val}s of the table's element
 * type; a function reference read from a table can be stored back into a table of the same store.
 */
public final class Table implements Extern {
    private final Store store;
    private final Instance owner;
    private final TableInstance table;

    Table(Store store, Instance owner, TableInstance table) {
        this.store = store;
        this.owner = owner;
        this.table = table;
    }

    @Override
    public Store store() {
        return store;
    }

    @Override
    public TableType type() {
        return ChicoryTypes.tableType(table.elementType(), table.limits());
    }

    public int size() {
        return table.size();
    }

    /** @throws IndexOutOfBoundsException when {@code index} is not below {@link #size()} */
    public Val get(int index) {
        java.util.Objects.checkIndex(index, table.size());
        return Val.fromRaw(type().element(), table.ref(index));
    }

    /** @throws IndexOutOfBoundsException when {@code index} is not below {@link #size()} */
    public void set(int index, Val value) {
        java.util.Objects.checkIndex(index, table.size());
        checkType(value);
        table.setRef(index, (int) value.raw(), owner);
    }

    /** Grows by {@code delta} elements set to {@code init}; returns the previous size, or -1. */
    public int grow(int delta, Val init) {
        if (delta < 0) {
            throw new IllegalArgumentException("delta must not be negative: " + delta);
        }
        checkType(init);
        return table.grow(delta, (int) init.raw(), owner);
    }

    private void checkType(Val value) {
        ValType element = type().element();
        if (value.type() != element) {
            throw new IllegalArgumentException("the table holds " + element + ", not " + value.type());
        }
    }

    TableInstance chicory() {
        return table;
    }

    @Override
    public String toString() {
        return "Table[" + type().element() + ", " + size() + " elements]";
    }
}
