package io.wasmrun;

/** One import of a module: where it comes from and what it must be. */
public record ImportType(String module, String name, ExternType type) {}
