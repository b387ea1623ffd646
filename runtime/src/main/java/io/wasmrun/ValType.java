package io.wasmrun;

/**
 * The type of a WebAssembly value. Reference types are grouped by what a host can do with them:
 * function references, external references, exception references, and every other reference
 * (the GC proposal's) as {@link #ANYREF}.
 */
public enum ValType {
    I32,
    I64,
    F32,
    F64,
    V128,
    FUNCREF,
    EXTERNREF,
    EXNREF,
    ANYREF;

    /** Whether values of this type are references (nullable or not). */
    public boolean isReference() {
        return ordinal() >= FUNCREF.ordinal();
    }

    /** The text format's name, e.g. {@code i32}, {@code funcref}. */
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
