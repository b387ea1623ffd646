package io.wasmrun.text.parser;

/**
 * One plain instruction: its prefix byte (or -1), its code, immediate shape and, for memory
 * accesses, the natural alignment as a power of two.
 */
record Opcode(String name, int prefix, int code, Imm imm, int naturalAlign) {}
