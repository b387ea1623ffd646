package io.wasmrun.allocator;

/**
 * Identifies a loaded module for per-module caches (copy-on-write images, slot affinity).
 *
 * @param value a process-unique number given when the module is loaded
 */
public record ModuleId(long value) {}
