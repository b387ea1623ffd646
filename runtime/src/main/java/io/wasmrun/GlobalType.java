package io.wasmrun;

/** A global's value type and whether it may be set. */
public record GlobalType(ValType content, boolean mutable) implements ExternType {}
