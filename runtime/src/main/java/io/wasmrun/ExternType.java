package io.wasmrun;

/** The type of something a module imports or exports: a function, memory, table, global or tag. */
public sealed interface ExternType permits FuncType, MemoryType, TableType, GlobalType, TagType {}
