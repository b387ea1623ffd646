package io.wasmrun;

import java.util.OptionalLong;

/** A table's element type and limits, in elements. */
public record TableType(ValType element, long minimum, OptionalLong maximum) implements ExternType {}
