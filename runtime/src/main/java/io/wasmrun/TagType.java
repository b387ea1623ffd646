package io.wasmrun;

/** An exception tag (exception-handling proposal): the types of the values it carries. */
public record TagType(FuncType type) implements ExternType {}
