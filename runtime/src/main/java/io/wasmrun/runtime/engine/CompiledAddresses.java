package io.wasmrun.runtime.engine;

import com.dylibso.chicory.runtime.WasmRuntimeException;

/**
 * The effective address of a compiled load or store, in place of the {@code getAddr} helper that
 * Chicory 1.7.5 copies into each compiled module ({@code ClassRewriter} redirects its calls here).
 *
 * <p>Chicory's compiler traps at the instruction when the static offset is at or past {@code
 * 2^31 - 1}, and passes {@code base + offset} as an int, which the memory reads as unsigned: exact
 * for a non-negative base. A negative base is an unsigned base of 2^31 or more, so the effective
 * address is past every memory wasmrun can create (at most {@code Memory.RUNTIME_MAX_PAGES}
 * pages, less than 2 GiB); Chicory then passes the base alone, and an atomic access checked its
 * alignment before the bounds, so {@code i32.atomic.load offset=1} at {@code 0xFFFFFFFF}
 * (effective address 2^32, aligned) trapped as {@code unaligned atomic}. This traps as out of
 * bounds, as the interpreter does.
 */
public final class CompiledAddresses {
    private CompiledAddresses() {}

    /** {@code base + offset} for a base below 2^31; a trap otherwise. */
    public static int effectiveAddress(int base, int offset) {
        if (base < 0) {
            throw new WasmRuntimeException("out of bounds memory access");
        }
        return base + offset;
    }
}
