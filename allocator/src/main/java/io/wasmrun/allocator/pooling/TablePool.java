package io.wasmrun.allocator.pooling;

import com.dylibso.chicory.wasm.types.Table;
import io.wasmrun.allocator.AllocatedTable;
import io.wasmrun.allocator.LimitExceededException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The pool of tables (wasmtime's {@code TablePool}): {@code totalTables} slots, each holding a
 * {@link PooledTable} created on the slot's first use and reused by its later tenants. On the JVM
 * a table is heap arrays, not mapped memory, so "keep resident" means: a freed table whose arrays
 * fit {@code tableKeepResident} bytes is cleared (every reference dropped) and kept; a larger one
 * gives its arrays to the garbage collector. Slots are taken least-recently-freed first (no module
 * affinity, like wasmtime's simple index allocator).
 */
final class TablePool {
    private final IndexAllocator<Object> slots;
    private final PooledTable[] tables;
    private final long keepResident;
    private final int tableElements;
    private final AtomicInteger live = new AtomicInteger();
    private final AtomicLong residentBytes = new AtomicLong();
    private final long[] kept;

    TablePool(int totalTables, int tableElements, long keepResident) {
        this.slots = new IndexAllocator<>(totalTables, 0);
        this.tables = new PooledTable[totalTables];
        this.kept = new long[totalTables];
        this.keepResident = keepResident;
        this.tableElements = tableElements;
    }

    /**
     * Takes a slot and makes it a table of {@code declared}'s minimum size filled with {@code
     * initRef} and then with the module's active element segments from {@code elements} (null or
     * {@link ElementImage#NONE}: none; Chicory applies them).
     *
     * @throws LimitExceededException when every slot is taken or the table is too large
     */
    AllocatedTable allocate(
            String module, int tableIndex, Table declared, int initRef, ElementImage elements) {
        if (declared.limits().min() > tableElements) {
            throw new LimitExceededException(tooLarge(module, tableIndex, declared.limits().min()));
        }
        int index = slots.alloc(null);
        if (index < 0) {
            throw new LimitExceededException(
                    "maximum concurrent table limit of "
                            + slots.capacity()
                            + " reached; raise --pooling-total-tables");
        }
        PooledTable table = tables[index];
        if (table == null) {
            table = new PooledTable();
            tables[index] = table;
        }
        residentBytes.addAndGet(-kept[index]);
        kept[index] = 0;
        try {
            table.assign(declared, initRef, elements, tableIndex);
        } catch (RuntimeException | Error e) {
            slots.free(index);
            throw e;
        }
        live.incrementAndGet();
        return new AllocatedTable(table, index);
    }

    /** Clears the table and frees its slot. */
    void deallocate(AllocatedTable allocated) {
        int index = allocated.allocationIndex();
        if (index < 0 || index >= tables.length || tables[index] != allocated.table()) {
            throw new IllegalArgumentException("table was not allocated by this pool: " + allocated);
        }
        long keep = tables[index].clear(keepResident);
        kept[index] = keep;
        residentBytes.addAndGet(keep);
        live.decrementAndGet();
        slots.free(index);
    }

    static String tooLarge(String module, int tableIndex, long elements) {
        return "table "
                + tableIndex
                + " of "
                + module
                + " needs "
                + elements
                + " elements initially, more than the pool's table size allows; raise"
                + " --pooling-table-elements";
    }

    int live() {
        return live.get();
    }

    int unusedWarm() {
        return slots.unusedWarm();
    }

    long residentBytes() {
        return residentBytes.get();
    }
}
