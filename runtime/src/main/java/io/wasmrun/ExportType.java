package io.wasmrun;

/** One export of a module: its name and what it is. */
public record ExportType(String name, ExternType type) {}
